"""A session written by a newer factcheck, with fields this version does not know (as `file_digest` was to
the version before it). Never lost: such a session is read (status, report, a read-only review, each saying
where the first such field is: file, line, column), never saved by this version, whose writer would drop
them. Before (fix28): an unknown field in a table refused the whole file; an unknown top-level key was
read, said "ignored (not written back)", and dropped at the next save."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck import cli
from factcheck import session as sess
from factcheck.model import Verdict
from factcheck.review import Review, SessionNotWritable
from factcheck.session.fileformat import crc


def _as_a_newer_factcheck_writes(path: Path, edit) -> str:
    """``path`` with ``edit`` made to its text and its checksum made again, as the newer version writes it."""
    text = edit(path.read_text(encoding="utf-8"))
    pos = text.rfind("\n[integrity]\n")
    text = re.sub(r"checksum = 'crc32:[0-9a-f]+'", f"checksum = 'crc32:{crc(text[:pos].encode())}'", text)
    path.write_text(text, encoding="utf-8")
    return text


@pytest.fixture
def newer(tmp_path: Path, seeds_copy: Path) -> tuple[Path, str]:
    session = tmp_path / "s.toml"
    r = Review.open(session, [str(seeds_copy)])
    cid = r.claims(r.corpus.articles[0].key)[0].id
    r.mark(cid, Verdict.CONFIRMED, note="checked")
    r.save()
    r.close()

    def edit(text: str) -> str:
        text = text.replace("\ncorpus = ", "\nlabels = ['budget']\ncorpus = ", 1)
        text = re.sub(r"(\n\[articles\.[^\n]*\]\n)", r"\1summary = 'a newer field'\n", text, count=1)
        return text.replace(f"{{id = '{cid}', ", f"{{id = '{cid}', confidence = 0.8, ", 1)

    return session, _as_a_newer_factcheck_writes(session, edit)


def test_it_is_read_and_says_where_the_first_unknown_field_is(newer) -> None:
    session, text = newer
    data = sess.load(session)
    line = text[: text.index("labels = ")].count("\n") + 1
    assert data.unknown_fields[0] == (
        f"{session}: line {line}, column 1: top-level 'labels' is not one this factcheck knows (a newer one"
        " wrote it?)"
    )
    assert len(data.unknown_fields) == 3
    assert any("field 'summary' in the article table of" in f for f in data.unknown_fields)
    assert any("field 'confidence' in decision 1 of" in f for f in data.unknown_fields)
    assert [d.note for d in data.decisions.values()] == ["checked"]  # the rest read as usual
    assert any("upgrade factcheck" in n for n in data.notices)


def test_it_is_never_saved_and_opens_read_only(newer) -> None:
    session, text = newer
    with pytest.raises(SessionNotWritable, match="upgrade factcheck"):
        sess.save(session, sess.load(session))
    r = Review.open(session)
    assert r.readonly and r.readonly_short == "s.toml holds fields of a newer factcheck"
    assert "line" in (r.readonly_reason or "") and "opened read-only" in (r.readonly_reason or "")
    r.close()
    assert session.read_text(encoding="utf-8") == text  # nothing lost


def test_mark_and_merge_refuse_with_where_and_status_reads_it(newer, capsys, seeds_copy) -> None:
    session, text = newer
    cid = next(iter(sess.load(session).decisions))
    assert cli.main(["mark", str(session), cid, "disputed"]) == 2
    err = capsys.readouterr().err
    assert f"{session}: line" in err and "upgrade factcheck" in err and "Traceback" not in err
    assert session.read_text(encoding="utf-8") == text
    b = Review.open(session.with_name("b.toml"), [str(seeds_copy)])  # (another reviewer's)
    b.save()
    b.close()
    merged = session.with_name("merged.toml")
    assert cli.main(["merge", "-o", str(merged), str(session), str(b.path)]) == 2  # (it would lack them)
    assert "upgrade factcheck" in capsys.readouterr().err and not merged.exists()
    assert cli.main(["status", str(session)]) == 0  # (its notices on the report, as every notice)
    assert "top-level 'labels' is not one this factcheck knows" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "{id = 'c0000000001', verdict = 'disputed'",
            "{id = 'c0000000001', verdcit = 'disputed'",
            "field 'verdcit' in decision 2 of a.txt",
        ),
        # (a typo in a hand edit was dropped without a word, and the merge with it, before it was refused)
        ("merges = []", "merge = [['c0000000000', 'c0000000002']]", "field 'merge' in [groups]"),
    ],
)
def test_a_typo_in_a_hand_edit_is_named_and_kept(tmp_path: Path, old: str, new: str, message: str) -> None:
    """A typo is a field this version does not know too: the file is read, the typo named with its line and
    column, and the session is never saved by this version (the typo, and what it meant, stay for the
    reviewer to fix)."""
    from test_session_safety import _saved  # tests/test_session_safety.py

    path = _saved(tmp_path)
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    edited = text[:at] + new + text[at + len(old) :]
    path.write_text(edited, encoding="utf-8")
    data = sess.load(path)
    (said,) = data.unknown_fields
    line = edited.count("\n", 0, at) + 1
    assert re.match(rf"{re.escape(str(path))}: line {line}, column \d+: {re.escape(message)}", said), said
    with pytest.raises(SessionNotWritable):
        sess.save(path, data)
    assert path.read_text(encoding="utf-8") == edited
