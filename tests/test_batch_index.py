"""`mark` and `edit` on a batch unchanged since a command read it whole read only the articles they change
(``factcheck.batch_index``, ``Review.open_quickly``), and save what reading the whole batch saves; `mark`
takes several claim ids, and a file of them."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import batch_index, ingest, pipeline
from factcheck import cache as _cache
from factcheck import session as sess
from factcheck.cli import main

ALPHA = """Finance Minister Anna Berg said on Monday that inflation rose to 3.4 percent in March, the highest level since 2019.
The central bank in Oslo announced that it will raise interest rates by 0.25 points at its meeting on 12 June.
According to Statistics Norway, unemployment fell to 2.1 percent in the first quarter of the year.
"""
BETA = """Reuters reported on Tuesday that the Norwegian central bank kept interest rates unchanged at 4.5 percent.
Governor Ida Wolden Bache said the bank expects inflation to fall below 3 percent by the end of 2025.
"""
GAMMA = """The city council voted on Wednesday to close the old bridge for repairs from 1 May, the mayor said.
Officials said the works would cost 12 million euros and take eight months.
"""

NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


@pytest.fixture
def proj(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # zcopy.txt: a copy of alpha.txt, whose claim ids are made from its key (``pipeline.mark_duplicate``)
    for name, text in (("alpha.txt", ALPHA), ("beta.txt", BETA), ("gamma.txt", GAMMA), ("zcopy.txt", ALPHA)):
        (corpus / name).write_text(text, encoding="utf-8")
    for d in ("one", "two"):
        (tmp_path / d).mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("FACTCHECK_REVIEWER", "carol")
    # the files were written a moment ago: an index is stored only for files older than RACY_NS
    monkeypatch.setattr(batch_index, "RACY_NS", 0)
    for where in (sess, sess.store, sess.records):
        monkeypatch.setattr(where, "utcnow", lambda: NOW)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def claim_ids(capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    assert main(["extract", "--json", "corpus"]) == 0
    out = json.loads(capsys.readouterr().out)
    return {a["key"]: [c["id"] for c in a["claims"]] for a in out["articles"]}


class Reads:
    """Counts the batches read whole and the files read one by one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.whole = 0
        self.files: list[str | None] = []
        build, one = pipeline.build, ingest.read_one_file

        def counted_build(*a: Any, **kw: Any) -> Any:
            self.whole += 1
            return build(*a, **kw)

        def counted_one(given: str, rel: str | None, **kw: Any) -> Any:
            self.files.append(rel)
            return one(given, rel, **kw)

        monkeypatch.setattr(pipeline, "build", counted_build)
        monkeypatch.setattr(ingest, "read_one_file", counted_one)


def indexed(capsys: pytest.CaptureFixture[str], session: str) -> None:
    """A command that reads the session's batch whole: it stores the batch's index as the session names its
    corpus (by absolute paths; the session was made with `--corpus corpus`, whose index names it so)."""
    assert run(capsys, "status", session)[0] == 0


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.endswith(".lock")}


def test_mark_reads_only_the_marked_claims_article_once_the_batch_was_read(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = claim_ids(capsys)
    a, b = ids["alpha.txt"], ids["beta.txt"]
    assert run(capsys, "mark", "one/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    indexed(capsys, "one/s.toml")
    reads = Reads(monkeypatch)
    code, out, err = run(capsys, "mark", "one/s.toml", b[0], "disputed")
    assert (code, out, err) == (0, f"{b[0]}: disputed\n", "")
    assert reads.whole == 0 and reads.files == ["beta.txt"]
    # a superseding claim's article is read too
    code, out, _ = run(capsys, "mark", "one/s.toml", a[1], "superseded", "--by", b[1])
    assert (code, out) == (0, f"{a[1]}: superseded by {b[1]}\n")
    assert reads.whole == 0 and sorted(reads.files[1:]) == ["alpha.txt", "beta.txt"]
    data = sess.load(proj / "one" / "s.toml")
    assert {k: str(d.verdict) for k, d in data.decisions.items()} == {
        a[0]: "confirmed",
        b[0]: "disputed",
        a[1]: "superseded",
    }


def _script(ids: dict[str, list[str]]) -> list[list[str]]:
    a, b, g = ids["alpha.txt"], ids["beta.txt"], ids["gamma.txt"]
    return [
        ["mark", "S", a[0], "confirmed", "--note", "checked [b]x[/b]"],
        ["mark", "S", b[0], b[1], "disputed"],
        ["mark", "S", a[1], "superseded", "--by", g[0]],
        ["edit", "S", "--claim", b[0], "--speaker", "Ida Wolden Bache"],
        ["edit", "S", "--article", "gamma.txt", "--title", "Bridge", "--outlet", "Local Paper"],
        ["edit", "S", "--article", "alpha.txt", "--published", "2024-03-05"],
        ["mark", "S", a[2], "confirmed"],
        ["mark", "S", g[0], "unreviewed"],
        ["mark", "S", ids["zcopy.txt"][0], "superseded", "--by", a[0]],
        ["edit", "S", "--article", "alpha.txt", "--published", ""],
        ["mark", "S", "c00000000000", "confirmed"],  # unknown: refused, nothing saved
        ["mark", "S", a[0], "disputed"],
    ]


def test_a_quick_opening_saves_byte_for_byte_what_reading_the_whole_batch_saves(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = claim_ids(capsys)
    for d in ("one", "two"):
        first = ["mark", f"{d}/s.toml", ids["gamma.txt"][1], "confirmed", "--corpus", "corpus"]
        assert run(capsys, *first)[0] == 0
    indexed(capsys, "one/s.toml")
    reads = Reads(monkeypatch)
    said: dict[str, list[tuple[int, str, str]]] = {"one": [], "two": []}
    for step in _script(ids):
        for d in ("one", "two"):
            args = [f"{d}/s.toml" if x == "S" else x for x in step]
            said[d].append(run(capsys, *args, *(["--no-cache"] if d == "two" else [])))
            _cache.reset()  # (--no-cache switched the process's cache off)
        assert files_of(proj / "one") == files_of(proj / "two"), step
    assert said["one"] == said["two"]
    assert said["one"][-2][0] == 2 and "unknown claim id" in said["one"][-2][2]
    # "one" read the whole batch only for the unknown id (to say why it is unknown); "two" had no cache
    assert reads.whole == len(_script(ids)) + 1


def test_status_counts_an_unchanged_batch_from_its_index_as_from_its_articles(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`status` (text and --json) of an unchanged batch, read from the index and the few articles it needs
    (dated, holding a conflict), is the `status` of the batch read whole: notices (a copy's original named),
    counts, hidden claims, titles and outlets set by the reviewer, conflicts with their words."""
    (proj / "corpus" / "kanji.txt").write_text(
        "東京都は月曜日、新しい橋の建設を発表した。費用は十億円と見込まれている。\n"
    )
    ids = claim_ids(capsys)
    a, b, g = ids["alpha.txt"], ids["beta.txt"], ids["gamma.txt"]
    for d, verdict in (("one", "confirmed"), ("two", "disputed")):
        assert run(capsys, "mark", f"{d}/s.toml", a[0], b[1], verdict, "--corpus", "corpus")[0] == 0
        assert run(capsys, "edit", f"{d}/s.toml", "--article", "gamma.txt", "--title", "Bridge")[0] == 0
        assert (
            run(capsys, "edit", f"{d}/s.toml", "--article", "beta.txt", "--published", "2024-03-05")[0] == 0
        )
    assert run(capsys, "mark", "one/s.toml", g[0], "superseded", "--by", a[1])[0] == 0
    assert run(capsys, "merge", "one/s.toml", "two/s.toml", "-o", "m.toml")[0] == 0
    reads = Reads(monkeypatch)
    for session in ("one/s.toml", "m.toml"):
        for extra in ([], ["--json"]):
            whole = reads.whole
            first = run(capsys, "status", session, *extra, "--no-cache")  # (read whole, no index)
            _cache.reset()
            reads.files.clear()
            quick = run(capsys, "status", session, *extra)  # (the index one/s.toml's creation stored)
            assert quick == first
            assert reads.whole == whole + 1
            assert "beta.txt" in reads.files  # (dated: its claims read again with its date)
            assert "alpha.txt" in reads.files or session != "m.toml"  # (holding a conflict)
    assert json.loads(quick[1])["conflict_claims"] == [
        {"claim": a[0], "text": ALPHA.split("\n")[0]},
        {"claim": b[1], "text": BETA.split("\n")[1]},
    ]


def test_a_changed_batch_reads_the_changed_files_alone(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file edited, added or removed since the index was written: the index is brought up to date from the
    files changed alone (``batch_index.current``); what the whole reading says is said (the same, byte for
    byte: tests/test_batch_index_changed.py)."""
    ids = claim_ids(capsys)
    a, b = ids["alpha.txt"], ids["beta.txt"]
    assert run(capsys, "mark", "one/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    indexed(capsys, "one/s.toml")
    reads = Reads(monkeypatch)
    alpha = proj / "corpus" / "alpha.txt"
    alpha.write_text(ALPHA + "\nThe ministry said on Friday that 40 people were hurt.\n", encoding="utf-8")
    code, _, err = run(capsys, "mark", "one/s.toml", b[0], "disputed")
    assert code == 0 and "1 article(s) read with other text" in err
    # (zcopy.txt, a copy of alpha.txt until now, is the first of its text now: read again, its ids its own)
    assert reads.whole == 0 and sorted(map(str, reads.files)) == ["alpha.txt", "beta.txt", "zcopy.txt"]
    assert len(sess.load(proj / "one" / "s.toml").decisions) == 2
    reads.files.clear()
    run(capsys, "mark", "one/s.toml", b[1], "disputed")  # (unchanged since: read quickly)
    assert reads.whole == 0 and reads.files == ["beta.txt"]
    (proj / "corpus" / "delta.txt").write_text(GAMMA.replace("bridge", "tunnel"), encoding="utf-8")
    code, _, err = run(capsys, "mark", "one/s.toml", b[0], "confirmed")
    assert code == 0 and "1 new article(s) added" in err and reads.whole == 0
    assert "delta.txt" in reads.files
    (proj / "corpus" / "delta.txt").unlink()
    code, _, err = run(capsys, "mark", "one/s.toml", b[0], "unreviewed")
    assert code == 0 and "no longer in the corpus" in err and reads.whole == 0


def test_after_a_change_the_session_is_parsed_once(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch changed since its index was written is told from the signature stored apart; the index is
    then decoded once, to be brought up to date, and when it cannot be (a file that cannot be read), the whole
    reading goes on from the session the quick attempt read and locked."""
    ids = claim_ids(capsys)
    a = ids["alpha.txt"]
    assert run(capsys, "mark", "one/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    indexed(capsys, "one/s.toml")
    parsed: list[Path] = []
    decoded: list[Any] = []
    load, from_json = sess.load_with_state, batch_index._from_json

    def counted_load(path: Path) -> Any:
        parsed.append(path)
        return load(path)

    def counted_from_json(*args: Any) -> Any:
        decoded.append(args)
        return from_json(*args)

    monkeypatch.setattr(sess, "load_with_state", counted_load)
    monkeypatch.setattr(batch_index, "_from_json", counted_from_json)
    assert run(capsys, "status", "one/s.toml")[0] == 0  # unchanged: the index is read
    assert (len(parsed), len(decoded)) == (1, 1)
    (proj / "corpus" / "beta.txt").write_text(
        BETA + "\nOfficials said 12 banks took part.\n", encoding="utf-8"
    )
    parsed.clear()
    decoded.clear()
    reads = Reads(monkeypatch)
    assert run(capsys, "status", "one/s.toml")[0] == 0
    assert (len(parsed), len(decoded), reads.whole) == (1, 1, 0)
    (proj / "corpus" / "latin1.txt").write_bytes("caf\xe9\n".encode("latin-1"))
    parsed.clear()
    g = ids["gamma.txt"][0]
    code, out, _ = run(capsys, "mark", "one/s.toml", g, "disputed")
    assert (code, out) == (1, f"{g}: disputed\n") and reads.whole == 1
    assert parsed == [Path("one/s.toml")]  # (not again by the whole reading)
    assert sess.load(proj / "one" / "s.toml").decisions[g].verdict.value == "disputed"


def test_a_session_that_needs_reconciling_is_reconciled_without_reading_the_batch(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A decision on a claim id no article holds (a session edited by hand) is re-attached as the whole
    reading re-attaches it: its article is read, the others stand in as the index knows them."""
    ids = claim_ids(capsys)
    a, b = ids["alpha.txt"], ids["beta.txt"]
    assert run(capsys, "mark", "one/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    indexed(capsys, "one/s.toml")
    path = proj / "one" / "s.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(a[0], a[0][:-1] + "x"), encoding="utf-8")
    reads = Reads(monkeypatch)
    code, _, err = run(capsys, "mark", "one/s.toml", b[0], "disputed")
    assert code == 0 and reads.whole == 0 and "re-attached" in err
    assert sorted(map(str, reads.files)) == ["alpha.txt", "beta.txt"]
    assert a[0] in sess.load(path).decisions


def test_mark_takes_several_ids_and_a_file_of_them(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = claim_ids(capsys)
    a, b, g = ids["alpha.txt"], ids["beta.txt"], ids["gamma.txt"]
    code, out, _ = run(capsys, "mark", "one/s.toml", a[0], a[1], a[0], "confirmed", "--corpus", "corpus")
    assert (code, out) == (0, f"{a[0]}: confirmed\n{a[1]}: confirmed\n")
    listed = proj / "ids.txt"
    listed.write_text(f"# from extract --json\n{b[0]}  {b[1]}\n\n   \n{g[0]}\n", encoding="utf-8")
    code, out, _ = run(capsys, "mark", "one/s.toml", "disputed", "--ids-from", str(listed), "--note", "n")
    assert (code, out.split()) == (
        0,
        [f"{b[0]}:", "disputed", f"{b[1]}:", "disputed", f"{g[0]}:", "disputed"],
    )
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(f"{g[1]}\n"))
    code, out, _ = run(capsys, "mark", "one/s.toml", a[2], "superseded", "--by", g[0], "--ids-from", "-")
    assert code == 0 and out == f"{a[2]}: superseded by {g[0]}\n{g[1]}: superseded by {g[0]}\n"
    data = sess.load(proj / "one" / "s.toml")
    assert {k: (str(d.verdict), d.note) for k, d in data.decisions.items()} == {
        a[0]: ("confirmed", ""),
        a[1]: ("confirmed", ""),
        b[0]: ("disputed", "n"),
        b[1]: ("disputed", "n"),
        g[0]: ("disputed", "n"),
        a[2]: ("superseded", ""),
        g[1]: ("superseded", ""),
    }
    # each mark is a step of its own: undone one by one, as after as many commands
    assert len({e.step for e in data.history if e.op == "mark"}) == 7


def test_mark_of_several_ids_saves_none_when_one_is_refused(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = claim_ids(capsys)
    a = ids["alpha.txt"]
    assert run(capsys, "mark", "one/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    indexed(capsys, "one/s.toml")
    before = files_of(proj / "one")
    code, out, err = run(capsys, "mark", "one/s.toml", a[1], "cdeadbeef00", "disputed")
    assert (code, out) == (2, "") and "unknown claim id 'cdeadbeef00'" in err
    code, out, err = run(capsys, "mark", "one/s.toml", a[1], a[2], "superseded", "--by", a[2])
    assert (code, out) == (2, "") and "cannot supersede itself" in err
    assert files_of(proj / "one") == before


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["confirmed"], "no claim to mark: give CLAIM_ID ... before the verdict, or --ids-from FILE"),
        (["confirmed", "--ids-from", "empty.txt"], "(--ids-from empty.txt holds none)"),
        (["confirmed", "--ids-from", "missing.txt"], "--ids-from missing.txt: No such file or directory"),
        (["confirmed", "--ids-from", "latin1.txt"], "--ids-from latin1.txt: not UTF-8 text"),
    ],
)
def test_mark_without_a_claim_id_is_a_usage_error(
    proj: Path, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    (proj / "empty.txt").write_text("# nothing\n\n", encoding="utf-8")
    (proj / "latin1.txt").write_bytes("caf\xe9\n".encode("latin-1"))
    code, out, err = run(capsys, "mark", "one/s.toml", *args, "--corpus", "corpus")
    assert (code, out) == (2, "") and said in err and err.count("\n") == 1
    assert not (proj / "one" / "s.toml").exists()


def test_the_signature_follows_every_file_of_the_batch(proj: Path) -> None:
    corpus = proj / "corpus"
    first = batch_index.signature(["corpus"])
    assert first is not None and batch_index.signature(["corpus"]) == first
    assert batch_index.signature(["corpus", "https://example.com/a"]) is None
    (corpus / "alpha.toml").write_text('title = "A sidecar"\n', encoding="utf-8")
    second = batch_index.signature(["corpus"])
    assert second is not None and second.digest != first.digest
    os.utime(corpus / "beta.txt", ns=(1, 1))
    third = batch_index.signature(["corpus"])
    assert third is not None and third.digest != second.digest
    (corpus / "sub").mkdir()
    assert batch_index.signature(["corpus"]) != third
    one = batch_index.signature(["corpus/gamma.txt"])
    (corpus / "gamma.toml").write_text('title = "Bridge"\n', encoding="utf-8")
    assert batch_index.signature(["corpus/gamma.txt"]) != one


def test_an_index_is_not_stored_for_files_changed_a_moment_ago(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_index, "RACY_NS", 2_000_000_000)
    ids = claim_ids(capsys)
    assert run(capsys, "mark", "one/s.toml", ids["alpha.txt"][0], "confirmed", "--corpus", "corpus")[0] == 0
    assert batch_index.read([str((proj / "corpus").resolve())]) is None


def test_a_foreign_or_damaged_index_is_not_trusted(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = claim_ids(capsys)
    a, b = ids["alpha.txt"], ids["beta.txt"]
    assert run(capsys, "mark", "one/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    indexed(capsys, "one/s.toml")
    paths = [str((proj / "corpus").resolve())]
    index = batch_index.read(paths)
    assert index is not None and index.article_of(b[0]) == "beta.txt"
    store = _cache.default()
    key = batch_index._key(paths)
    value = store._get([key])[key]
    value["articles"][1][7] = [b[0]]  # beta.txt "holds" one claim: its article, read, holds two
    value["articles"][1][11] = value["articles"][1][11][:1]  # (its score)
    store._put("index", {key: value})
    reads = Reads(monkeypatch)
    code, out, _ = run(capsys, "mark", "one/s.toml", b[0], "disputed")
    assert (code, out) == (0, f"{b[0]}: disputed\n")  # read quickly, its claims checked: read whole
    assert reads.whole == 1 and reads.files == ["beta.txt"]


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: st.lists(inner, max_size=8) | st.dictionaries(st.text(max_size=9), inner, max_size=4),
        max_leaves=30,
    )
)
def test_an_index_of_any_shape_is_read_or_refused(value: Any) -> None:
    for v in (value, {"format": batch_index.INDEX_FORMAT, "signature": "d", "articles": value, "errors": []}):
        got = batch_index._from_json(["corpus"], v, "d")
        assert got is None or isinstance(got, batch_index.BatchIndex)
