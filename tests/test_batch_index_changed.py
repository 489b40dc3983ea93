"""After a few files of a batch changed (edited, added, removed), `mark`, `edit` and `status` read only those
(``batch_index.current``: the index brought up to date) and print and save what reading the whole batch
prints and saves; a session saved inside its own corpus folder leaves the batch's signature as it was."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import batch_index
from factcheck import cache as _cache
from factcheck import session as sess
from tests.test_batch_index import ALPHA, BETA, GAMMA, Reads, claim_ids, files_of, indexed, proj, run

__all__ = ["proj"]  # (the fixture, used by name)


@pytest.fixture(autouse=True)
def _cache_on() -> None:
    _cache.reset()  # (a test's last --no-cache run leaves the process's cache off)


EXTRA = "The ministry said on Friday that 40 people were hurt.\n"


def _both(
    capsys: pytest.CaptureFixture[str], proj: Path, step: list[str]
) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    """``step`` on one/s.toml (the index) and on two/s.toml (--no-cache: read whole); both files compared."""
    said = []
    for d in ("one", "two"):
        args = [f"{d}/s.toml" if x == "S" else x for x in step]
        said.append(run(capsys, *args, *(["--no-cache"] if d == "two" else [])))
        _cache.reset()  # (--no-cache switched the process's cache off)
    assert files_of(proj / "one") == files_of(proj / "two"), step
    one, two = said
    assert one == (
        two[0],
        two[1].replace("two/s.toml", "one/s.toml"),
        two[2].replace("two/s.toml", "one/s.toml"),
    )
    return one, two


def _start(capsys: pytest.CaptureFixture[str], proj: Path, ids: dict[str, list[str]]) -> None:
    a, b = ids["alpha.txt"], ids["beta.txt"]
    for d in ("one", "two"):
        assert run(capsys, "mark", f"{d}/s.toml", a[0], b[0], "confirmed", "--corpus", "corpus")[0] == 0
        assert run(capsys, "mark", f"{d}/s.toml", a[1], "superseded", "--by", b[1])[0] == 0
    indexed(capsys, "one/s.toml")


def _rewrite(p: Path, text: str) -> None:
    p.write_text(text, encoding="utf-8")


def _changes(corpus: Path) -> list[tuple[str, object]]:
    """Changes made to the batch one after another, with what each command then reports."""
    return [
        ("an article edited", lambda: _rewrite(corpus / "gamma.txt", GAMMA + EXTRA)),
        ("an article added", lambda: _rewrite(corpus / "delta.txt", BETA.replace("Tuesday", "Thursday"))),
        ("a copy added", lambda: _rewrite(corpus / "acopy.txt", GAMMA + EXTRA)),
        ("the marked article edited", lambda: _rewrite(corpus / "alpha.txt", EXTRA + ALPHA)),
        ("an article removed", lambda: (corpus / "delta.txt").unlink()),
        ("a sidecar added", lambda: _rewrite(corpus / "beta.toml", 'title = "Rates"\noutlet = "Wire"\n')),
        ("the first of two copies removed", lambda: (corpus / "acopy.txt").unlink()),
        ("an article moved", lambda: os.rename(corpus / "gamma.txt", corpus / "sub" / "gamma.txt")),
        ("a file of records added", lambda: _rewrite(corpus / "wire.jsonl", _records(BETA, GAMMA))),
        ("a record edited", lambda: _rewrite(corpus / "wire.jsonl", _records(BETA, GAMMA + EXTRA))),
    ]


def _records(*texts: str) -> str:
    return "".join(json.dumps({"title": f"Wire {i}", "text": t}) + "\n" for i, t in enumerate(texts))


def test_after_a_few_files_changed_the_commands_print_and_save_what_the_whole_reading_does(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = claim_ids(capsys)
    _start(capsys, proj, ids)
    corpus = proj / "corpus"
    (corpus / "sub").mkdir()
    reads = Reads(monkeypatch)
    told = []
    for what, change in _changes(corpus):
        change()  # type: ignore[operator]
        whole = reads.whole
        now = claim_ids(capsys)
        some = next(iter(now.values()))
        for step in (
            ["status", "S"],
            ["status", "S", "--json"],
            ["mark", "S", some[0], "disputed"],
            ["edit", "S", "--claim", some[-1], "--speaker", "A. Speaker"],
            ["status", "S"],
        ):
            one, _two = _both(capsys, proj, step)
            assert one[0] == 0, (what, step, one)
            told.append(one[2])
        assert reads.whole == whole + 5 + 1, what  # (the --no-cache ones, and extract --json)
    assert len(sess.load(proj / "one" / "s.toml").decisions) >= 3
    said = "".join(told)
    for line in ("(the file edited since)", "new article(s) added", "no longer in the corpus"):
        assert line in said


def test_a_file_changed_and_changed_back_reads_that_file_alone(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = claim_ids(capsys)
    _start(capsys, proj, ids)
    beta = proj / "corpus" / "beta.txt"
    _rewrite(beta, BETA + EXTRA)
    _rewrite(beta, BETA)
    reads = Reads(monkeypatch)
    one = run(capsys, "mark", "one/s.toml", ids["gamma.txt"][0], "confirmed")
    assert one == (0, f"{ids['gamma.txt'][0]}: confirmed\n", "")
    assert reads.whole == 0 and sorted(map(str, reads.files)) == ["beta.txt", "gamma.txt"]
    two = run(capsys, "mark", "two/s.toml", ids["gamma.txt"][0], "confirmed", "--no-cache")
    assert two == one
    assert files_of(proj / "one") == files_of(proj / "two")


def test_an_edit_of_the_marked_article_itself_says_so_and_re_attaches_as_the_whole_reading(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = claim_ids(capsys)
    _start(capsys, proj, ids)
    _rewrite(proj / "corpus" / "beta.txt", BETA.replace("4.5 percent", "4.75 percent") + EXTRA)
    now = claim_ids(capsys)
    reads = Reads(monkeypatch)
    one, _ = _both(capsys, proj, ["mark", "S", now["beta.txt"][-1], "disputed"])
    assert reads.whole == 1  # (--no-cache's alone)
    assert (
        "1 article(s) read with other text than at the last save (the file edited since): beta.txt" in one[2]
    )
    assert "re-attached" in one[2]
    one, _ = _both(capsys, proj, ["mark", "S", ids["beta.txt"][0], "confirmed"])  # (its old id)
    assert one[0] == 2 and "unknown claim id" in one[2]


def test_a_change_the_index_cannot_follow_reads_the_batch_whole(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = claim_ids(capsys)
    _start(capsys, proj, ids)
    (proj / "corpus" / "bad.txt").write_bytes(b"caf\xe9 au lait\n")  # (not UTF-8: an error of its own)
    reads = Reads(monkeypatch)
    one, _ = _both(capsys, proj, ["mark", "S", ids["beta.txt"][1], "disputed"])
    assert one[0] == 1 and "bad.txt" in one[2]
    assert reads.whole == 2  # (both read whole: no index can tell a file that cannot be read)
    os.symlink(proj / "corpus" / "beta.txt", proj / "corpus" / "link.txt")
    one, _ = _both(capsys, proj, ["status", "S"])
    assert reads.whole == 4


def test_a_session_saved_inside_its_corpus_folder_leaves_the_signature_as_it_was(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = claim_ids(capsys)
    a = ids["alpha.txt"]
    before = batch_index.signature(["corpus"])
    assert run(capsys, "mark", "corpus/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    assert run(capsys, "status", "corpus/s.toml")[0] == 0
    assert run(capsys, "mark", "corpus/s.toml", a[1], "confirmed")[0] == 0  # (a backup, a history)
    (proj / "corpus" / "s.toml.lock").write_text("", encoding="utf-8")
    (proj / "corpus" / "s.conflict-20260102T030405Z.toml").write_text("", encoding="utf-8")
    (proj / "corpus" / ".s.toml.1234.tmp").write_text("", encoding="utf-8")
    after = batch_index.signature(["corpus"])
    assert before is not None and after is not None and after.digest == before.digest
    assert {p.name for p in (proj / "corpus").iterdir()} > {"s.toml", "s.history.toml", "s.toml.bak1"}
    reads = Reads(monkeypatch)
    for verdict in ("disputed", "confirmed"):
        code, out, _ = run(capsys, "mark", "corpus/s.toml", a[2], verdict)
        assert (code, out) == (0, f"{a[2]}: {verdict}\n")
        assert run(capsys, "status", "corpus/s.toml")[0] == 0
    assert reads.whole == 0  # (every save left the batch as its index knows it)
    (proj / "corpus" / "alpha.toml").write_text('title = "A sidecar"\n', encoding="utf-8")
    assert batch_index.signature(["corpus"]) != after  # (a sidecar is read: it is in)
    assert json.loads(run(capsys, "status", "corpus/s.toml", "--json")[1])["corpus"]


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.text(max_size=12), st.text(max_size=6), max_size=6),
    st.dictionaries(st.text(max_size=12), st.text(max_size=6), max_size=6),
)
def test_any_two_lists_of_entries_give_the_files_changed_or_cannot_tell(
    before: dict[str, str], now: dict[str, str]
) -> None:
    try:
        got = batch_index._changed_files(["corpus", "x.txt"], before, now)
    except batch_index._CannotTell:
        return
    assert all(type(there) is bool for there in got.values())
