"""`factcheck mark`, `factcheck status`, `factcheck merge`: the scriptable session commands."""

from __future__ import annotations

import contextlib
import functools
import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from factcheck import session as sess
from factcheck.cli import main
from factcheck.model import Verdict
from factcheck.review import Review

ALPHA = """Finance Minister Anna Berg said on Monday that inflation rose to 3.4 percent in March, the highest level since 2019.
The central bank in Oslo announced that it will raise interest rates by 0.25 points at its meeting on 12 June.
According to Statistics Norway, unemployment fell to 2.1 percent in the first quarter of the year.
"""
BETA = """Reuters reported on Tuesday that the Norwegian central bank kept interest rates unchanged at 4.5 percent.
Governor Ida Wolden Bache said the bank expects inflation to fall below 3 percent by the end of 2025.
"""


@pytest.fixture
def proj(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (corpus / "beta.txt").write_text(BETA, encoding="utf-8")
    (tmp_path / "sessions").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("FACTCHECK_REVIEWER", "carol")
    return tmp_path


def claim_ids(capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    assert main(["extract", "--json", "corpus"]) == 0
    out = json.loads(capsys.readouterr().out)
    return {a["key"]: [c["id"] for c in a["claims"]] for a in out["articles"]}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def test_mark_creates_then_updates_a_session(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = claim_ids(capsys)
    a, b = ids["alpha.txt"], ids["beta.txt"]
    code, _, err = run(capsys, "mark", "sessions/s.toml", a[0], "confirmed")
    assert code == 2 and "--corpus" in err and "Traceback" not in err
    code, out, _ = run(
        capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--note", "line 1\nline 2", "--corpus", "corpus"
    )
    assert code == 0 and out.strip() == f"{a[0]}: confirmed"
    code, out, _ = run(capsys, "mark", "sessions/s.toml", a[1], "superseded", "--by", b[0])
    assert code == 0 and out.strip() == f"{a[1]}: superseded by {b[0]}"
    data = sess.load(proj / "sessions" / "s.toml")
    assert data.corpus == ["../corpus"]
    assert data.decisions[a[0]].note == "line 1\nline 2" and data.decisions[a[0]].reviewer == "carol"
    assert data.decisions[a[1]].superseded_by == b[0]
    assert len(data.history) == 2


def test_mark_takes_its_claims_after_a_corpus_list_ended_with_two_dashes(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`mark S --corpus DIR -- ID ... VERDICT`, as the usage error advises ("end its list with --"), failed:
    "unrecognized arguments: confirmed" (argparse gave S alone an empty id list, and took ID for the verdict)."""
    ids = claim_ids(capsys)
    a, b = ids["alpha.txt"], ids["beta.txt"]
    code, out, err = run(
        capsys, "mark", "sessions/s.toml", "--corpus", "corpus", "--", a[0], a[1], "disputed"
    )
    assert code == 0, err
    assert out.splitlines() == [f"{a[0]}: disputed", f"{a[1]}: disputed"]
    # the other form it advises: the ids before the list, the verdict after --
    code, out, err = run(capsys, "mark", "sessions/s.toml", b[0], "--corpus", "corpus", "--", "confirmed")
    assert code == 0, err
    assert out.strip() == f"{b[0]}: confirmed"
    data = sess.load(proj / "sessions" / "s.toml")
    assert [data.decisions[c].verdict for c in (a[0], a[1], b[0])] == [
        Verdict.DISPUTED,
        Verdict.DISPUTED,
        Verdict.CONFIRMED,
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{a0}", "maybe"], "unknown verdict"),
        (["cffffffffff", "confirmed"], "unknown claim id"),
        (["{a0}", "superseded"], "needs the id of the claim that supersedes it: give --by CLAIM_ID"),
        (["{a0}", "superseded", "--by", "cffffffffff"], "unknown claim id"),
        (["{a0}", "disputed", "--by", "{a1}"], "only a superseded claim"),
    ],
)
def test_mark_errors_are_one_line(
    proj: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    ids = claim_ids(capsys)["alpha.txt"]
    run(capsys, "mark", "sessions/s.toml", ids[2], "confirmed", "--corpus", "corpus")
    before = (proj / "sessions" / "s.toml").read_bytes()
    code, out, err = run(capsys, "mark", "sessions/s.toml", *[x.format(a0=ids[0], a1=ids[1]) for x in args])
    assert code == 2 and out == ""
    assert err.startswith("factcheck: ") and message in err and len(err.strip().splitlines()) == 1
    assert (proj / "sessions" / "s.toml").read_bytes() == before


def test_mark_on_corrupt_session(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = claim_ids(capsys)["alpha.txt"]
    run(capsys, "mark", "sessions/x.toml", ids[0], "confirmed", "--corpus", "corpus")
    run(capsys, "mark", "sessions/x.toml", ids[1], "disputed")  # now there is a backup
    path = proj / "sessions" / "x.toml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = 'reviewer = "carol" junk\n'
    path.write_text("".join(lines), encoding="utf-8")
    before = path.read_bytes()
    code, out, err = run(capsys, "mark", "sessions/x.toml", ids[2], "confirmed")
    assert code == 2 and out == ""
    assert re.fullmatch(
        r"factcheck: sessions/x\.toml: line 3, column \d+: .+ \(newest good backup: sessions/x\.toml\.bak1\)\n",
        err,
    ), err
    assert path.read_bytes() == before


def test_mark_refuses_a_session_open_elsewhere(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = claim_ids(capsys)["alpha.txt"]
    run(capsys, "mark", "sessions/s.toml", ids[0], "confirmed", "--corpus", "corpus")
    lock = sess.SessionLock.acquire(proj / "sessions" / "s.toml")
    try:
        code, _, err = run(capsys, "mark", "sessions/s.toml", ids[1], "confirmed")
        assert code == 2 and "open in another factcheck" in err
        # it said whose lock it was and stopped: the reviewer was left to guess whether the verdict went in
        # and what to do. It says nothing was changed, and how to go on.
        hint = "; nothing changed: close it (q in the review) and run the command again\n"
        assert err.endswith(hint) and err.count("\n") == 1, err
        code, _, err = run(capsys, "edit", "sessions/s.toml", "--article", "alpha.txt", "--title", "T")
        assert code == 2 and err.endswith(hint), err
    finally:
        lock.release()
    assert run(capsys, "mark", "sessions/s.toml", ids[1], "confirmed")[0] == 0


def test_a_session_a_command_is_writing_is_refused_saying_so(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With a `mark` holding the lock (a long one, or a stopped one), another `mark` said "... close it (q in
    the review) and run the command again": no review was open. The lock records its command, and the
    refusal says what holds the session; a lock file an older factcheck wrote (no command) is read too."""
    ids = claim_ids(capsys)["alpha.txt"]
    run(capsys, "mark", "sessions/s.toml", ids[0], "confirmed", "--corpus", "corpus")
    session = proj / "sessions" / "s.toml"
    for command in ("mark", "edit", "merge"):
        lock = sess.SessionLock.acquire(session, command)
        try:
            assert (
                sess.lock_path(session).read_text(encoding="utf-8").startswith(f"factcheck {command}, pid ")
            )
            code, _, err = run(capsys, "mark", "sessions/s.toml", ids[1], "confirmed")
            assert code == 2 and err.count("\n") == 1, err
            assert re.fullmatch(
                rf"factcheck: sessions/s\.toml: a `factcheck {command}` \(pid \d+ on .+, since .+Z\) is writing"
                r" it; nothing changed: run the command again when it ends\n",
                err,
            ), err
            assert "q in the review" not in err
            code, _, err = run(capsys, "edit", "sessions/s.toml", "--article", "alpha.txt", "--title", "T")
            assert code == 2 and err.endswith(
                "is writing it; nothing changed: run the command again when it ends\n"
            )
            with Review.open(session) as second:  # the review: read-only, saying why in its words
                assert (
                    second.readonly
                    and second.readonly_why == f"s.toml is being written by `factcheck {command}`"
                )
                assert second.lock_message and second.lock_message.endswith(
                    "is writing it; opened read-only — changes can be made once it ends"
                )
        finally:
            lock.release()
    lock = sess.SessionLock.acquire(session)  # a review (the default) holds it: as it said
    try:
        code, _, err = run(capsys, "mark", "sessions/s.toml", ids[1], "confirmed")
        assert code == 2 and "is open in another factcheck's review (pid " in err
        assert err.endswith("; nothing changed: close it (q in the review) and run the command again\n")
        # an older factcheck's lock file names no command
        sess.lock_path(session).write_text("pid 4242 on vm, since 2026-12-07T13:31:48Z\n", encoding="utf-8")
        code, _, err = run(capsys, "mark", "sessions/s.toml", ids[1], "confirmed")
        assert code == 2 and err == (
            "factcheck: sessions/s.toml is open in another factcheck (pid 4242 on vm, since"
            " 2026-12-07T13:31:48Z); nothing changed: run the command again once it ends (q closes a review)\n"
        ), err
    finally:
        lock.release()
    assert run(capsys, "mark", "sessions/s.toml", ids[1], "confirmed")[0] == 0


def test_a_verdict_after_the_corpus_list_is_explained(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`mark S ID --corpus DIR confirmed` said "unknown verdict 'c6660a8eb53'": --corpus took the verdict and
    the id became VERDICT. It says so, and how to write it; what it advises works."""
    cid = claim_ids(capsys)["alpha.txt"][0]
    code, out, err = run(capsys, "mark", "sessions/s.toml", cid, "--corpus", "corpus", "Confirmed")
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert err.startswith(f"factcheck: unknown verdict {cid!r} (use one of: "), err
    assert err.endswith(
        "; --corpus took every value after it: corpus Confirmed; put the verdict before --corpus, or end its"
        " list with -- as in `--corpus A B -- Confirmed`\n"
    ), err
    assert not (proj / "sessions" / "s.toml").exists()
    code, _, err = run(capsys, "mark", "sessions/s.toml", cid, "--corpus", "corpus", "nonsense")
    assert code == 2 and "took every value" not in err  # (a list that ends with no verdict: as it was)
    assert run(capsys, "mark", "sessions/s.toml", cid, "--corpus", "corpus", "--", "Confirmed")[0] == 0
    assert sess.load(proj / "sessions" / "s.toml").decisions[cid].verdict == Verdict.CONFIRMED


def test_merge_into_a_session_being_written_says_what_holds_it(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = claim_ids(capsys)["alpha.txt"]
    run(capsys, "mark", "sessions/a.toml", ids[0], "confirmed", "--corpus", "corpus")
    run(capsys, "mark", "sessions/b.toml", ids[0], "disputed", "--corpus", "corpus")
    out = proj / "sessions" / "m.toml"
    lock = sess.SessionLock.acquire(out, "mark")
    try:
        code, _, err = run(capsys, "merge", "sessions/a.toml", "sessions/b.toml", "-o", str(out))
        assert code == 2 and err.endswith(
            "is writing it; not written: run the command again when it ends\n"
        ), err
    finally:
        lock.release()
    assert not out.exists()


def test_status_per_verdict_and_article(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ids = claim_ids(capsys)
    a, b = ids["alpha.txt"], ids["beta.txt"]
    run(capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--corpus", "corpus")
    run(capsys, "mark", "sessions/s.toml", b[0], "disputed")
    code, out, _ = run(capsys, "status", "sessions/s.toml")
    total = len(a) + len(b)
    assert code == 0
    assert f"2 of {total} claims reviewed" in out
    assert re.search(r"confirmed\s+1\b", out) and re.search(rf"unreviewed\s+{total - 2}\b", out)
    row = next(ln for ln in out.splitlines() if ln.strip().startswith("alpha.txt"))
    assert row.split()[1:] == [str(len(a) - 1), "1", "0", "0"]
    code, out, _ = run(capsys, "status", "sessions/s.toml", "--json")
    st = json.loads(out)
    assert st["progress"]["disputed"] == 1 and st["articles"]["beta.txt"]["disputed"] == 1
    code, _, err = run(capsys, "status", "sessions/none.toml")
    assert code == 2 and "no such session" in err


def test_status_counts_thousands_as_its_first_line_does(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first line said "0 of 1,200 claims reviewed" and the table under it "unreviewed    1200"."""
    lines = [
        f"The ministry said the budget of district {i} rose by {i % 50} percent in {1990 + i % 30}."
        for i in range(1200)
    ]
    (proj / "corpus" / "gamma.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ids = claim_ids(capsys)
    assert len(ids["gamma.txt"]) >= 1000
    run(capsys, "mark", "sessions/s.toml", ids["alpha.txt"][0], "confirmed", "--corpus", "corpus")
    code, out, _ = run(capsys, "status", "sessions/s.toml")
    total = sum(len(v) for v in ids.values())
    assert code == 0 and f"1 of {total:,} claims reviewed" in out
    assert re.search(rf"unreviewed\s+{total - 1:,}$", out, re.M), out
    row = next(ln for ln in out.splitlines() if ln.strip().startswith("gamma.txt"))
    assert row.split()[1] == f"{len(ids['gamma.txt']):,}"


def test_status_json_exits_partial_like_the_text_when_inputs_are_unreadable(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = claim_ids(capsys)["alpha.txt"]
    run(capsys, "mark", "sessions/s.toml", ids[0], "confirmed", "--corpus", "corpus")
    (proj / "corpus" / "broken.txt").write_bytes(b"\xff\xfe\x00 not text \xc3\x28")
    code_text, _, err = run(capsys, "status", "sessions/s.toml")
    assert code_text == 1 and "broken.txt" in err
    code_json, out, err = run(capsys, "status", "sessions/s.toml", "--json")
    assert json.loads(out)["progress"]["confirmed"] == 1 and "broken.txt" in err
    assert code_json == code_text == 1


def test_merge_prints_agreement_report(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = claim_ids(capsys)
    a, b = ids["alpha.txt"], ids["beta.txt"]
    plan = {
        "ann": [(a[0], "confirmed"), (a[1], "disputed"), (a[2], "confirmed"), (b[0], "disputed")],
        "bob": [
            (a[0], "confirmed"),
            (a[1], "confirmed"),
            (a[2], "confirmed"),
            (b[0], "disputed"),
            (b[1], "confirmed"),
        ],
    }
    for who, marks in plan.items():
        monkeypatch.setenv("FACTCHECK_REVIEWER", who)
        for cid, v in marks:
            assert run(capsys, "mark", f"sessions/{who}.toml", cid, v, "--corpus", "corpus")[0] == 0
    (proj / "out").mkdir()
    code, out, err = run(capsys, "merge", "sessions/ann.toml", "sessions/bob.toml", "-o", "out/m.toml")
    assert code == 0, err
    # Both reviewed 4 claims: ann C D C D, bob C C C D -> po 0.75, pe 0.5 -> kappa 0.5.
    assert "Cohen's kappa: 0.500 over 4 claims" in out
    assert f"conflict {a[1]}: ann disputed, bob confirmed" in out
    assert re.search(r"confirmed\s+2\s+4\s+3", out)
    merged = sess.load(proj / "out" / "m.toml")
    assert merged.corpus == ["../corpus"]  # rebased onto OUT's folder
    assert merged.decisions[a[1]].verdict == Verdict.UNREVIEWED and len(merged.decisions[a[1]].conflicts) == 2
    assert merged.decisions[b[1]].verdict == Verdict.CONFIRMED
    code, _, err = run(capsys, "merge", "sessions/ann.toml", "sessions/bob.toml", "-o", "out/m.toml")
    assert code == 2 and "--force" in err
    # status names each conflict by its id and its first words, and says where the review takes the reviewer
    # (it listed ids only: "conflicts: 1 claim(s) to resolve: c86430f5146")
    assert main(["extract", "--json", "corpus"]) == 0
    words = {
        c["id"]: c["text"] for art in json.loads(capsys.readouterr().out)["articles"] for c in art["claims"]
    }
    first = " ".join(words[a[1]].split()[:3])
    code, out, _ = run(capsys, "status", "out/m.toml")
    line = next(ln for ln in out.splitlines() if ln.strip().startswith(a[1]))
    assert code == 0 and "conflicts: 1 claim(s) to resolve" in out and "n in the review" in out
    assert f"'{first}" in line, line
    code, out, _ = run(capsys, "status", "out/m.toml", "--json")
    st = json.loads(out)
    assert st["conflicts"] == [a[1]]  # the key kept as it was
    assert st["conflict_claims"] == [{"claim": a[1], "text": words[a[1]]}]
    # The conflict is resolved through the same code path as every decision.
    monkeypatch.setenv("FACTCHECK_REVIEWER", "ann")
    code, _, err = run(capsys, "mark", "out/m.toml", a[1], "disputed")
    assert code == 0, err  # the merged session reopens with its (rebased) corpus
    code, out, _ = run(capsys, "status", "out/m.toml")
    assert code == 0 and "claims reviewed" in out and "conflicts:" not in out


def test_cli_entry_point_has_no_traceback(proj: Path) -> None:
    (proj / "sessions" / "bad.toml").write_text("schema = 2\n[[[\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "factcheck", "mark", "sessions/bad.toml", "c0", "confirmed"],
        capture_output=True,
        text=True,
        cwd=proj,
    )
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.startswith("factcheck: sessions/bad.toml: line 2, column ")


def test_edit_sets_title_outlet_and_speaker(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = claim_ids(capsys)["alpha.txt"]
    assert run(capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    code, out, err = run(
        capsys, "edit", "sessions/s.toml", "--article", "alpha.txt", "--outlet", "Oslo Daily"
    )
    assert code == 0, err
    assert "outlet Oslo Daily" in out
    code, out, _ = run(capsys, "edit", "sessions/s.toml", "--claim", a[1], "--speaker", "Norges Bank")
    assert code == 0 and out.strip() == f"{a[1]}: speaker Norges Bank"
    data = sess.load(Path("sessions/s.toml"))
    assert data.articles["alpha.txt"].outlet == "Oslo Daily" and data.decisions[a[1]].speaker == "Norges Bank"
    code, out, _ = run(capsys, "report", "sessions/s.toml", "--format", "json")
    claims = {c["claim_id"]: c for c in json.loads(out)["claims"]}
    assert claims[a[0]]["outlet"] == "Oslo Daily" and claims[a[1]]["speaker"] == "Norges Bank"
    code, out, _ = run(capsys, "edit", "sessions/s.toml", "--article", "alpha.txt", "--outlet", "")
    assert code == 0 and sess.load(Path("sessions/s.toml")).articles["alpha.txt"].outlet is None
    for bad in (["--title", "x"], ["--claim", a[0]], [], ["--article", "nope.txt", "--title", "x"]):
        code, _, err = run(capsys, "edit", "sessions/s.toml", *bad)
        assert code == 2 and err.count("\n") == 1 and "Traceback" not in err


def test_edit_sets_the_publication_date_as_the_tui_reads_it(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = claim_ids(capsys)["alpha.txt"]
    assert run(capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    code, out, err = run(
        capsys, "edit", "sessions/s.toml", "--article", "alpha.txt", "--published", "3 May 2024"
    )
    assert code == 0, err
    assert "published 2024-05-03" in out
    assert str(sess.load(Path("sessions/s.toml")).articles["alpha.txt"].published) == "2024-05-03"
    code, out, _ = run(
        capsys, "edit", "sessions/s.toml", "--article", "alpha.txt", "--published", "2024-06-01"
    )
    assert code == 0 and "published 2024-06-01" in out
    # empty: back to the detected date
    code, out, _ = run(capsys, "edit", "sessions/s.toml", "--article", "alpha.txt", "--published", "")
    assert code == 0 and sess.load(Path("sessions/s.toml")).articles["alpha.txt"].published is None
    for bad in (["--article", "alpha.txt", "--published", "no date here"], ["--published", "2024-05-03"]):
        code, _, err = run(capsys, "edit", "sessions/s.toml", *bad)
        assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    # a day its month lacks is named as such (it read as "no date in that", a parser failure)
    code, _, err = run(
        capsys, "edit", "sessions/s.toml", "--article", "alpha.txt", "--published", "February 30, 2023"
    )
    assert code == 2 and "no such day (February 2023 has no day 30: it has 28 days)" in err, err
    # a mistyped month in a date written year first is refused, not read year-day-month (13 January)
    code, _, err = run(
        capsys, "edit", "sessions/s.toml", "--article", "alpha.txt", "--published", "2019-13-01"
    )
    assert code == 2 and "no such day (a year has no month 13;" in err, err
    assert sess.load(Path("sessions/s.toml")).articles["alpha.txt"].published is None


def test_a_moved_corpus_is_named_not_reported_as_an_empty_review(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The session's corpus folder moved: status and report said "0 of 0 claims reviewed" and wrote a report
    of no article ("Nothing: every claim has a verdict") with every decision an orphan, exit 1. Nothing of
    the corpus is readable: exit 2 as every command does then, naming --corpus; no report is written."""
    ids = claim_ids(capsys)["alpha.txt"]
    run(capsys, "mark", "sessions/s.toml", ids[0], "confirmed", "--corpus", "corpus")
    (proj / "corpus").rename(proj / "moved")
    for args in (["status"], ["status", "--json"], ["report"], ["report", "-o", "r.md"]):
        code, out, err = run(capsys, args[0], "sessions/s.toml", *args[1:])
        assert code == 2, args
        assert "corpus: no such file or folder" in err and "--corpus" in err, args
        assert "1 decision(s)" in err and not out, args
        assert "Traceback" not in err
    assert not (proj / "r.md").exists()
    code, out, _ = run(capsys, "status", "sessions/s.toml", "--corpus", "moved")
    assert code == 0 and "1 of " in out


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _rates_site(proj: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding one web page of ALPHA's text (``a.html``) to serve, the pages folder set in ``proj``."""
    site = proj / "site"
    site.mkdir()
    paragraphs = "".join(f"<p>{line}</p>" for line in ALPHA.splitlines())
    (site / "a.html").write_text(
        f"<html><head><title>Rates</title></head><body><article><h1>Rates</h1>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    monkeypatch.setenv("FACTCHECK_PAGES", str(proj / "pages"))
    return site


def test_corpus_urls_are_taken_by_mark_status_and_report(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`factcheck mark s.toml ID confirmed --corpus URL` said "URL: no such file or folder" (exit 2), and so
    did report, though review, extract and groups take URLs and a session the TUI made from URLs works with
    status and report."""
    site = _rates_site(proj, monkeypatch)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/a.html"
        assert main(["extract", "--json", url]) == 0
        cid = json.loads(capsys.readouterr().out)["articles"][0]["claims"][0]["id"]
        code, out, err = run(capsys, "mark", "sessions/u.toml", cid, "confirmed", "--corpus", url)
        assert code == 0 and out.strip() == f"{cid}: confirmed", err
        code, out, err = run(capsys, "status", "sessions/u.toml", "--corpus", url)
        assert code == 0 and "1 of " in out, err
        code, out, err = run(capsys, "report", "sessions/u.toml", "--corpus", url, "-f", "json")
        assert code == 0 and json.loads(out)["summary"]["progress"]["confirmed"] == 1, err
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_config_mistake_is_said_by_the_commands_that_read_it(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reviewer = 5` or a misspelt `reveiwer` recorded decisions under the OS user without a word."""
    cfg = proj / "config.toml"
    cfg.write_text('reveiwer = "Ann"\nreviewer = 5\n[report]\norganization = "Desk"\n', encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CONFIG", str(cfg))
    a = claim_ids(capsys)["alpha.txt"]
    code, _, err = run(capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--corpus", "corpus")
    assert code == 0
    lines = err.splitlines()
    assert f"factcheck: {cfg}: 'reviewer' must be a string; ignored" in lines
    assert any("'reveiwer'" in line and "unknown" in line and "reviewer" in line for line in lines), err
    assert any("'report.organization'" in line and "organisation" in line for line in lines), err
    code, _, err = run(capsys, "report", "sessions/s.toml")
    assert code == 0 and "'report.organization'" in err
    code, _, err = run(capsys, "extract", "corpus")  # a command that reads no config says nothing of it
    assert code == 0 and "config" not in err


def test_a_misspelt_rating_in_the_config_does_not_stop_a_markdown_report(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`[report.ratings] confirmd = ...` stopped every report (md and csv too, which have no ratings) with
    "rating for unknown verdict 'confirmd'", naming no file; a config mistake is a warning (config.py)."""
    cfg = proj / "config.toml"
    cfg.write_text('[report.ratings]\nconfirmd = "Accurate"\ndisputed = "False"\n', encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CONFIG", str(cfg))
    a = claim_ids(capsys)["alpha.txt"]
    assert run(capsys, "mark", "sessions/s.toml", a[0], "disputed", "--corpus", "corpus")[0] == 0
    code, out, err = run(capsys, "report", "sessions/s.toml")
    assert code == 0 and "# Fact-check report" in out
    assert (
        f"factcheck: {cfg}: unknown verdict 'report.ratings.confirmd' ignored (did you mean 'confirmed'?)"
        in err
    )
    code, out, _ = run(
        capsys, "report", "sessions/s.toml", "-f", "claimreview", "--base-url", "https://x.example"
    )
    assert code == 0 and '"alternateName": "False"' in out  # the config's other ratings still apply
    # on the command line, the same mistake is a usage error
    code, _, err = run(capsys, "report", "sessions/s.toml", "--rating", "confirmd=Accurate")
    assert code == 2 and "unknown verdict 'confirmd'" in err


class _CountingHandler(_QuietHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        super().do_GET()


@contextlib.contextmanager
def _url_session_with_one_unfetched(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, int]]:
    """A session (sessions/u.toml) of two URLs of a local server: the first stored, one claim of it
    confirmed; the second never fetched. Yields that URL and the number of requests the server had."""
    site = _rates_site(proj, monkeypatch)
    _CountingHandler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_CountingHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        stored, missing = f"{base}/a.html", f"{base}/b.html"
        assert main(["extract", "--json", stored]) == 0
        cid = json.loads(capsys.readouterr().out)["articles"][0]["claims"][0]["id"]
        assert run(capsys, "mark", "sessions/u.toml", cid, "confirmed", "--corpus", stored)[0] == 0
        data = sess.load(proj / "sessions/u.toml")
        data.corpus = [stored, missing]
        sess.save(proj / "sessions/u.toml", data)
        yield missing, len(_CountingHandler.requests)
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_status_does_not_fetch_a_url_it_has_not_stored(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`factcheck status` of a session made from URLs fetched again every URL that had failed, each time (a
    hanging server cost the full timeout on every status): it answers from the session and the stored pages
    and lists a URL not stored yet as not fetched, with the command that fetches it."""
    with _url_session_with_one_unfetched(proj, capsys, monkeypatch) as (missing, asked):
        for _ in range(2):
            code, out, err = run(capsys, "status", "sessions/u.toml")
            assert code == 1 and "1 of " in out, err
            assert missing in err and "not fetched" in err and "factcheck fetch" in err, err
        assert len(_CountingHandler.requests) == asked  # nothing fetched
        code, out, _ = run(capsys, "status", "sessions/u.toml", "--json")
        assert code == 1 and json.loads(out)["progress"]["confirmed"] == 1
        assert len(_CountingHandler.requests) == asked


def test_report_does_not_fetch_a_url_it_has_not_stored(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`factcheck report` of a session made from URLs fetched every URL not stored yet (a hanging server cost
    the full timeout on every report, as status did): it answers from the session and the stored pages, and
    says which URLs are not fetched, in every format."""
    with _url_session_with_one_unfetched(proj, capsys, monkeypatch) as (missing, asked):
        code, out, err = run(capsys, "report", "sessions/u.toml")
        assert code == 1 and "# Fact-check report" in out, err
        assert missing in err and "not fetched" in err and "factcheck fetch" in err, err
        code, out, err = run(capsys, "report", "sessions/u.toml", "-f", "json")
        assert code == 1 and json.loads(out)["summary"]["progress"]["confirmed"] == 1, err
        assert len(_CountingHandler.requests) == asked  # nothing fetched


def test_status_mark_and_report_say_why_a_url_s_fetch_failed(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A URL whose fetch failed (a 404 here, in a review or `factcheck fetch`): status, mark and report said it
    was "not fetched yet" and that a review stores it, advice the failed fetch had already proved wrong. They
    say the fetch failed, why and when, and what to do; a fetch that works again ends the note."""
    with _url_session_with_one_unfetched(proj, capsys, monkeypatch) as (missing, asked):
        code, _, err = run(capsys, "fetch", missing)
        assert code == 2 and "HTTP error 404" in err, err
        cid = next(iter(sess.load(proj / "sessions/u.toml").decisions))
        for args in (
            ("status", "sessions/u.toml"),
            ("mark", "sessions/u.toml", cid, "disputed"),
            ("report", "sessions/u.toml"),
        ):
            code, _, err = run(capsys, *args)
            (line,) = [x for x in err.splitlines() if missing in x]
            assert code == 1 and "fetch failed (HTTP error 404" in line and "factcheck fetch" in line, (
                args,
                err,
            )
            assert "not fetched yet" not in line and "a review stores it" not in line, line
        assert len(_CountingHandler.requests) == asked + 1  # (only `fetch` asked the server)
        (proj / "site" / "b.html").write_bytes(
            (proj / "site" / "a.html").read_bytes().replace(b"Rates", b"Taxes")
        )
        assert run(capsys, "fetch", missing)[0] == 0
        code, _, err = run(capsys, "status", "sessions/u.toml")
        assert code == 0 and "fetch failed" not in err and "not fetched" not in err, err


ZH = "市议会周二投票决定从下个月起禁止重型车辆通过旧港口大桥，因为工程师在两根钢支柱上发现了裂缝。" * 4


def test_status_and_report_say_which_articles_were_not_read_for_claims(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A batch with a Chinese page: `extract` said "zh: no claims extracted: language not supported", but
    `status` listed the page with 0 claims and `report` counted it among "Articles: 3" without a word, as if
    it had been read and held nothing to check."""
    (proj / "corpus" / "zh.txt").write_text(ZH, encoding="utf-8")
    a = claim_ids(capsys)["alpha.txt"]
    assert run(capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    notice = "zh.txt: zh: no claims extracted: language not supported"
    code, out, err = run(capsys, "status", "sessions/s.toml")
    assert code == 0 and notice in err, err
    code, out, err = run(capsys, "report", "sessions/s.toml")
    assert code == 0 and notice in err, err
    assert "- Articles: 3 (1 not read for claims, language not supported: zh 1)" in out, out
    assert "## Articles not read for claims (1)" in out and "- zh.txt: zh" in out, out
    code, out, _ = run(capsys, "report", "sessions/s.toml", "-f", "json")
    summary = json.loads(out)["summary"]
    assert summary["not_read"] == [{"article": "zh.txt", "language": "zh"}], summary


def test_status_shows_a_file_name_with_a_newline_on_its_row(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An article file named "new<LF>line.txt" broke `status`'s per-article table: its row printed "new" on
    one line and "line.txt  2  0  0  0" at the start of the next; every other output shows the name as
    data on one line ("new␤line.txt")."""
    (proj / "corpus" / "beta.txt").rename(proj / "corpus" / "new\nline.txt")
    a = claim_ids(capsys)["alpha.txt"]
    assert run(capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    code, out, _ = run(capsys, "status", "sessions/s.toml")
    assert code == 0
    rows = out.split("per article:\n", 1)[1].splitlines()
    assert len(rows) == 3 and rows[2].split()[0] == "new␤line.txt", rows


def test_status_names_a_supersession_whose_later_claim_left_the_batch(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A claim marked superseded by a claim of another article, whose article then left the batch: the report
    printed the link as "(claim ID)" and `status` said nothing, so the reviewer never learned that the
    decision pointed at nothing. `status` names such links (text and JSON); the decision is kept as it was."""
    ids = claim_ids(capsys)
    a, b = ids["alpha.txt"], ids["beta.txt"]
    assert run(capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    assert run(capsys, "mark", "sessions/s.toml", a[1], "superseded", "--by", b[0])[0] == 0
    code, out, _ = run(capsys, "status", "sessions/s.toml")
    assert code == 0 and "dangling" not in out
    (proj / "corpus" / "beta.txt").unlink()
    code, out, _ = run(capsys, "status", "sessions/s.toml")
    assert code == 0
    assert (
        f"dangling: 1 link(s) of decisions to a claim no longer in the batch: {a[1]} superseded by {b[0]}"
        in out
    )
    code, out, _ = run(capsys, "status", "sessions/s.toml", "--json")
    assert json.loads(out)["dangling"] == [{"claim": a[1], "link": "superseded by", "to": b[0]}]
    saved = sess.load(proj / "sessions" / "s.toml")
    assert saved.decisions[a[1]].superseded_by == b[0]


def test_mark_and_edit_do_not_fetch_a_url_they_have_not_stored(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`factcheck mark` and `factcheck edit` on a session whose corpus names a URL not stored fetched it on
    every call (a server that does not answer cost the 20-s timeout on each verdict typed): like status and
    report, they answer from the session and the stored pages and say which URL is not fetched yet."""
    with _url_session_with_one_unfetched(proj, capsys, monkeypatch) as (missing, asked):
        data = sess.load(proj / "sessions/u.toml")
        (cid,) = list(data.decisions)
        code, out, err = run(capsys, "mark", "sessions/u.toml", cid, "disputed", "--note", "checked")
        assert code == 1 and out.strip() == f"{cid}: disputed", err
        assert missing in err and "not fetched" in err and "factcheck fetch" in err, err
        code, out, err = run(capsys, "edit", "sessions/u.toml", "--claim", cid, "--speaker", "Anna Berg")
        assert code == 1 and "speaker Anna Berg" in out, err
        assert len(_CountingHandler.requests) == asked  # nothing fetched
        assert sess.load(proj / "sessions/u.toml").decisions[cid].verdict == Verdict.DISPUTED


def test_report_does_not_write_over_another_session(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`factcheck report a.toml -o b.toml` (a name typed or completed wrong) replaced the session b.toml, a
    desk's whole review, with a Markdown report; the report refused only the files of the session it was
    made from. A factcheck session or history file is never written over, whichever session it belongs to."""
    a = claim_ids(capsys)["alpha.txt"]
    assert run(capsys, "mark", "sessions/a.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    assert run(capsys, "mark", "sessions/b.toml", a[1], "disputed", "--corpus", "corpus")[0] == 0
    kept = {p: p.read_bytes() for p in (proj / "sessions").iterdir() if p.name.startswith("b.")}
    assert proj / "sessions/b.history.toml" in kept
    for target in kept:
        code, _, err = run(capsys, "report", "sessions/a.toml", "-o", str(target))
        assert code == 2 and "not written over" in err and "session" in err, err
    assert {p: p.read_bytes() for p in kept} == kept
    assert sess.load(proj / "sessions/b.toml").decisions[a[1]].verdict == Verdict.DISPUTED
    code, _, err = run(capsys, "report", "sessions/a.toml", "-o", "sessions/a-report.toml")  # a new file
    assert code == 0 and (proj / "sessions/a-report.toml").read_text(encoding="utf-8").startswith(
        "# Fact-check"
    )
    code, _, err = run(capsys, "report", "sessions/a.toml", "-o", "sessions/a-report.toml")  # its own report
    assert code == 0, err


def test_edit_takes_an_articles_file_path_as_well_as_its_key(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `edit s.toml --article corpus/alpha.txt --title x` said "unknown article 'corpus/alpha.txt'": the key is
    # `alpha.txt` (as `status` lists it), the path is what a user has at hand
    a = claim_ids(capsys)["alpha.txt"]
    assert run(capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    for given in ("corpus/alpha.txt", str(proj / "corpus" / "alpha.txt")):
        code, out, err = run(capsys, "edit", "sessions/s.toml", "--article", given, "--outlet", given[-9:])
        assert code == 0, err
        assert out.startswith("alpha.txt: ")
        assert sess.load(Path("sessions/s.toml")).articles["alpha.txt"].outlet == given[-9:]
    (proj / "other.txt").write_text("Not in the session.\n", encoding="utf-8")
    code, _, err = run(capsys, "edit", "sessions/s.toml", "--article", "other.txt", "--title", "x")
    assert code == 2
    assert (
        err.strip()
        == "factcheck: unknown article 'other.txt' (keys as in `factcheck status`, the article's file or its URL)"
    )


def test_edit_takes_a_fetched_pages_url_as_its_article(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page stored by `factcheck fetch` is keyed by its record file ("fetched/127.0.0.1-ae912833011b.json"):
    `edit --article https://…` with the page's URL, what the reviewer fetched and what the report gives as its
    `url`, said "unknown article". The URL names the article too (with or without a trailing slash)."""
    record = {"title": "Budget talks", "source": "https://news.example/budget/", "text": BETA}
    (proj / "corpus" / "page.json").write_text(json.dumps(record), encoding="utf-8")
    a = claim_ids(capsys)["alpha.txt"]
    assert run(capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    for given in ("https://news.example/budget/", "https://news.example/budget"):
        code, out, err = run(capsys, "edit", "sessions/s.toml", "--article", given, "--title", given[-7:])
        assert code == 0, err
        assert out.startswith("page.json: ")
        assert sess.load(Path("sessions/s.toml")).articles["page.json"].title == given[-7:]
    code, _, err = run(
        capsys, "edit", "sessions/s.toml", "--article", "https://news.example/other", "--title", "x"
    )
    assert code == 2 and "unknown article 'https://news.example/other'" in err


def test_mark_and_edit_save_without_grouping_the_batch_what_a_grouped_review_saves(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mark` and `edit` need the claims and the session, not the event groups (a session holds none): after
    an article changed, a verdict, a superseding claim, a date (which re-extracts its article), a title and
    a speaker are saved without the batch being grouped, and the session and its history are byte for byte
    what they are when the review is opened grouped (as it was before: a regrouping of the whole batch)."""
    import datetime as dt
    import shutil

    from factcheck import pipeline
    from factcheck.review import Review

    ids = claim_ids(capsys)
    a, b = ids["alpha.txt"], ids["beta.txt"]
    monkeypatch.setattr(sess, "utcnow", lambda: dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC))
    real_open, real_regroup = Review.open.__func__, pipeline.regroup  # type: ignore[attr-defined]

    def grouped(cls: type[Review], *args: Any, **kw: Any) -> Review:
        return real_open(cls, *args, **{**kw, "group": True})

    def refuse(*args: Any, **kw: Any) -> None:
        raise AssertionError("the batch was grouped")

    files = {}
    for how in ("grouped", "lazy"):
        where = proj / how
        shutil.copytree(proj / "corpus", where / "corpus")
        (where / "sessions").mkdir()
        monkeypatch.chdir(where)
        if how == "grouped":
            monkeypatch.setattr(Review, "open", classmethod(grouped))
        else:
            monkeypatch.setattr(Review, "open", classmethod(real_open))
            monkeypatch.setattr(pipeline, "regroup", refuse)
        assert run(capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
        assert run(capsys, "mark", "sessions/s.toml", b[1], "disputed")[0] == 0
        beta = where / "corpus" / "beta.txt"  # edited since: its claims get new ids, decisions follow
        beta.write_text(
            BETA + "The ministry said 40 people were hurt in the fire on Friday.\n", encoding="utf-8"
        )
        code, out, err = run(capsys, "mark", "sessions/s.toml", a[1], "superseded", "--by", a[2])
        assert code == 0 and out.strip() == f"{a[1]}: superseded by {a[2]}", err
        code, _, err = run(
            capsys, "edit", "sessions/s.toml", "--article", "alpha.txt", "--published", "2024-03-05"
        )
        assert code == 0, err
        code, _, err = run(
            capsys, "edit", "sessions/s.toml", "--article", "beta.txt", "--title", "Rates held"
        )
        assert code == 0, err
        code, out, err = run(capsys, "edit", "sessions/s.toml", "--claim", a[0], "--speaker", "Anna Berg")
        assert code == 0 and "speaker Anna Berg" in out, err
        files[how] = {p.name: p.read_bytes() for p in sorted((where / "sessions").iterdir())}
    monkeypatch.setattr(pipeline, "regroup", real_regroup)
    assert {"s.toml", "s.history.toml"} <= set(files["lazy"])  # (and the backups of earlier saves)
    assert files["lazy"] == files["grouped"]
    data = sess.load(proj / "lazy" / "sessions" / "s.toml")
    assert len(data.decisions) == 3 and data.articles["alpha.txt"].published == dt.date(2024, 3, 5)


def test_status_names_the_articles_no_longer_in_the_corpus(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`status` (and the review's notices) said "1 article(s) no longer in the corpus" without naming it: the
    reviewer had to guess which file went. The line names them, a few, then "and N more"."""
    from factcheck.review import ReconcileReport

    ids = claim_ids(capsys)
    assert (
        run(capsys, "mark", "sessions/s.toml", ids["beta.txt"][0], "confirmed", "--corpus", "corpus")[0] == 0
    )
    (proj / "corpus" / "beta.txt").unlink()
    code, out, _ = run(capsys, "status", "sessions/s.toml")
    assert code == 0 and "note: 1 article(s) no longer in the corpus (decisions kept): beta.txt\n" in out
    many = ReconcileReport(missing_articles=["a.txt", "b.txt", "c\nd.txt", "e.txt", "f.txt"]).lines()
    assert many == [
        "5 article(s) no longer in the corpus (decisions kept): a.txt, b.txt, c\u2424d.txt and 2 more"
    ]


def test_status_tells_the_decisions_of_a_deleted_article_from_those_an_edit_lost(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A decision on an article deleted from the corpus was counted with those an edit could not re-attach:
    after deleting beta.txt and editing alpha.txt (its decision followed the edit), `status` said "1
    decision(s) could not be re-attached (kept as orphans)", and the reviewer looked in alpha.txt for a lost
    decision. The decisions of the articles no longer in the corpus are counted on a line of their own."""
    ids = claim_ids(capsys)
    for cid, key in ((ids["alpha.txt"][0], "alpha.txt"), (ids["beta.txt"][0], "beta.txt")):
        assert run(capsys, "mark", "sessions/s.toml", cid, "confirmed", "--corpus", "corpus")[0] == 0, key
    alpha = proj / "corpus" / "alpha.txt"
    alpha.write_text(ALPHA.replace("said on Monday that", "said on Monday, that"), encoding="utf-8")
    (proj / "corpus" / "beta.txt").unlink()
    code, out, _ = run(capsys, "status", "sessions/s.toml")
    assert code == 0
    assert "could not be re-attached" not in out
    assert (
        "note: 1 decision(s) on the articles no longer in the corpus, kept as orphans (they come back with"
        " their files)\n" in out
    )
    assert f"orphans: 1 decision(s) attached to no claim: {ids['beta.txt'][0]}\n" in out
    code, _, err = run(capsys, "mark", "sessions/s.toml", ids["beta.txt"][0], "disputed")
    assert code != 0 and "its article is no longer in the corpus" in err
    # a decision an edit left on no claim is still told as before
    alpha.write_text(ALPHA.replace("Finance Minister Anna Berg said", "Anna Berg wrote"), encoding="utf-8")
    code, out, _ = run(capsys, "status", "sessions/s.toml")
    assert "note: 1 decision(s) could not be re-attached (kept as orphans)\n" in out
    assert "note: 1 decision(s) on the articles no longer in the corpus" in out
    assert "orphans: 2 decision(s) attached to no claim: " in out


def test_status_json_lists_every_article_no_longer_in_the_corpus(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text output named the missing articles (three, then "and N more"); `status --json` had no list of
    them at all, so a script could not tell which files went. "missing" lists every one, none cut."""
    for i in range(5):
        (proj / "corpus" / f"gone{i}.txt").write_text(BETA.replace("4.5", f"4.{i}"), encoding="utf-8")
    ids = claim_ids(capsys)
    assert (
        run(capsys, "mark", "sessions/s.toml", ids["alpha.txt"][0], "confirmed", "--corpus", "corpus")[0] == 0
    )
    for i in range(5):
        (proj / "corpus" / f"gone{i}.txt").unlink()
    code, out, _ = run(capsys, "status", "sessions/s.toml", "--json")
    st = json.loads(out)
    assert code == 0 and st["missing"] == [f"gone{i}.txt" for i in range(5)]
    assert "and 2 more" in st["reconciliation"][0]
    code, out, _ = run(capsys, "status", "sessions/s.toml", "--json")
    assert json.loads(out)["missing"] == [f"gone{i}.txt" for i in range(5)]  # read-only: still missing


def test_status_names_each_article_by_outlet_and_title_beside_its_key(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`status`'s per-article table named a fetched page by its record file alone
    ("fetched/127.0.0.1-ae912833011b.json"), which says nothing of the page. Each row now ends with the article
    as the review names it (outlet and title); the key stays first, as `edit --article` takes it."""
    monkeypatch.delenv("COLUMNS", raising=False)  # not a terminal: whole rows
    fetched = proj / "corpus" / "fetched"
    fetched.mkdir()
    record = {
        "title": "Meta outage hits Facebook and Instagram worldwide",
        "source-hostname": "Kulu Media",
        "source": "https://kulu-media.com/meta-outage/",
        "text": "Facebook and Instagram were down for six hours on Monday, the company said.\n",
    }
    (fetched / "127.0.0.1-ae912833011b.json").write_text(json.dumps(record), encoding="utf-8")
    a = claim_ids(capsys)["alpha.txt"]
    assert run(capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    code, out, _ = run(capsys, "status", "sessions/s.toml")
    assert code == 0
    rows = out.split("per article:\n", 1)[1].splitlines()
    assert rows[0].endswith("outlet 'title'"), rows
    (page,) = [r for r in rows if "127.0.0.1-ae912833011b.json" in r]
    assert page.split()[0] == "fetched/127.0.0.1-ae912833011b.json", page
    assert page.endswith("Kulu Media 'Meta outage hits Facebook and Instagram…'"), page
    (alpha,) = [r for r in rows if "alpha.txt" in r]
    assert alpha.split()[-1] == "0", alpha  # no outlet, no title: nothing after the counts


@pytest.mark.parametrize("columns", [80, 120])
def test_status_fits_its_table_in_the_terminal_cutting_titles_never_keys(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """`status`'s per-article table reached ~180 columns (a 60-column key, five 10-column counts, outlet and
    title) and wrapped in an 80-column terminal. In a terminal (COLUMNS) it fits: the key's middle folders go
    first, down to its first folder and file name (never cut further: `edit --article` takes it), then the
    outlet and title are cut with "…". A pipe or a file keeps whole rows."""
    deep = proj / "corpus" / "fetched" / "2024" / "05" / "world"
    deep.mkdir(parents=True)
    record = {
        "title": "Meta outage hits Facebook, Instagram and WhatsApp for six hours across the world on Monday",
        "source-hostname": "Kulu Media International",
        "text": "Facebook and Instagram were down for six hours on Monday, the company said.\n",
    }
    (deep / "127.0.0.1-ae91-meta-outage.json").write_text(json.dumps(record), encoding="utf-8")
    a = claim_ids(capsys)["alpha.txt"]
    assert run(capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = run(capsys, "status", "sessions/s.toml")
    assert code == 0
    rows = out.split("per article:\n", 1)[1].split("\n\n")[0].splitlines()
    assert all(len(r) <= columns for r in rows), [len(r) for r in rows]
    (page,) = [r for r in rows if "ae91" in r]
    key = page.split()[0]
    assert key.startswith("fetched/") and key.endswith("/127.0.0.1-ae91-meta-outage.json"), page
    assert page.endswith("…"), page  # the title cut, not the key
    assert "Kulu" in page, page
    # at 80 columns the shortest key beside the counts' whole names would still wrap: the verdicts' badges
    # head them, as in the review's status line
    assert rows[0].split()[1:5] == (
        ["·", "✓", "✗", "↷"] if columns == 80 else ["unreviewed", "confirmed", "disputed", "superseded"]
    ), rows[0]
    monkeypatch.delenv("COLUMNS")
    out = run(capsys, "status", "sessions/s.toml")[1]
    (whole,) = [r for r in out.splitlines() if "ae91" in r]
    assert whole.split()[0] == "fetched/2024/05/world/127.0.0.1-ae91-meta-outage.json", whole
    assert whole.endswith("Kulu Media International 'Meta outage hits Facebook, Instagram and…'"), whole


def test_status_measures_its_columns_in_terminal_cells_not_characters(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CJK character takes two terminal cells: `status` cut a CJK title (and padded a CJK key) by
    characters, so its row overflowed the terminal by up to the cut's length. Every width is in cells."""
    from factcheck.textout import cells

    folder = proj / "corpus" / "新闻" / "东京"
    folder.mkdir(parents=True)
    record = {
        "title": "東京で大規模な停電が発生し数十万世帯に影響が出たと電力会社が発表した、原因は調査中",
        "source-hostname": "毎日ニュース",
        "text": "The power company said on Monday that 300,000 homes in Tokyo lost power for six hours.\n",
    }
    (folder / "停電の報道.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    a = claim_ids(capsys)["alpha.txt"]
    assert run(capsys, "mark", "sessions/s.toml", a[0], "confirmed", "--corpus", "corpus")[0] == 0
    for columns in (80, 100):
        monkeypatch.setenv("COLUMNS", str(columns))
        out = run(capsys, "status", "sessions/s.toml")[1]
        rows = out.split("per article:\n", 1)[1].split("\n\n")[0].splitlines()
        assert all(cells(r) <= columns for r in rows), [cells(r) for r in rows]
        (page,) = [r for r in rows if "停電の報道" in r]
        assert page.endswith("…"), page
        # the counts stand in their columns under the header's names, a CJK key or not
        alpha = next(r for r in rows if "alpha.txt" in r)
        first_count = re.compile(r"\s*\S+\s+\d+")
        assert cells(first_count.match(page)[0]) == cells(first_count.match(alpha)[0]), (page, alpha)  # type: ignore[index]


def test_a_cut_by_cells_keeps_combining_marks_with_their_letter() -> None:
    from factcheck.textout import cells, clipped

    assert cells("東京") == 4 and cells("กี่") == 1 and cells("abc") == 3
    assert clipped("東京都の停電", 7) == "東京都…"
    assert cells(clipped("東京都の停電", 7)) == 7
    assert clipped("ที่นี่ที่นั่น", 4) == "ที่นี่ที่…"  # each letter with its marks: 3 cells, then "…"
