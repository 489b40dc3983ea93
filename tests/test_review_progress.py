"""Review progress counts what the reviewer is shown (the claims at the check-worthiness threshold, and any
other with a verdict) and says how many are hidden: the same numbers in the core, `status`, `report` and the
TUI. And `status`'s article column, `report --decided`."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pilot_steps import settle  # tests/pilot_steps.py

from factcheck.cli import main
from factcheck.model import Verdict
from factcheck.review import Review

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seeds (two of their claims under the threshold) with a session: two claims shown decided, one
    hidden claim decided; returns the session's path."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("FACTCHECK_REVIEWER", "carol")
    path = tmp_path / "s.toml"
    r = Review.open(path, [str(tmp_path / "seeds")])
    try:
        shown = [c for a in r.corpus.articles for c in r.claims(a.key) if r.corpus.is_shown(c)]
        low = [c for a in r.corpus.articles for c in r.claims(a.key) if not r.corpus.is_shown(c)]
        assert len(low) >= 2, "the seeds have claims under the threshold"
        r.mark(shown[0].id, Verdict.CONFIRMED)
        r.mark(shown[1].id, Verdict.DISPUTED)
        r.mark(low[0].id, Verdict.CONFIRMED)
        r.save()
    finally:
        r.close()
    return path


def expected(path: Path) -> tuple[int, int, int]:
    """(decided, counted, hidden) as the core counts them, checked against the claims themselves."""
    r = Review.open(path, readonly=True)
    try:
        claims = [c for a in r.corpus.articles for c in r.claims(a.key)]
        shown = [c for c in claims if r.corpus.is_shown(c)]
        p = r.progress()
        counted, hidden = sum(p.values()), r.hidden()
        assert counted == len(shown) + 1  # what is shown, and the hidden claim decided
        assert hidden == len(claims) - len(shown) - 1 and hidden >= 1
        assert sum(r.article_hidden(a.key) for a in r.corpus.articles) == hidden
        return counted - p[Verdict.UNREVIEWED], counted, hidden
    finally:
        r.close()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


async def test_status_report_and_the_tui_count_the_same_claims(
    batch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`status` and the TUI counted the claims under the threshold too (25,930 on PolNeAR against the
    21,903 `extract` shows): a reviewer never reached 100%. Now each counts what is shown plus any claim
    decided, and says how many are hidden."""
    done, counted, hidden = expected(batch)
    out = run(capsys, "status", str(batch))
    assert f"{done} of {counted} claims reviewed" in out
    assert re.search(rf"^hidden: {hidden} more claim\(s\) under the check-worthiness threshold", out, re.M)
    status = json.loads(run(capsys, "status", str(batch), "--json"))
    assert sum(status["progress"].values()) == counted and status["hidden"] == hidden
    assert sum(sum(p.values()) for p in status["articles"].values()) == counted
    report = json.loads(run(capsys, "report", str(batch), "-f", "json"))["summary"]
    assert report["progress"] == status["progress"] and report["hidden"] == hidden
    md = run(capsys, "report", str(batch))
    assert f"- Reviewed: {done} of {counted}" in md
    assert f"- Decided: {done}; undecided: {counted - done}; hidden: {hidden} more" in md

    from factcheck.tui.app import make_app

    r = Review.open(batch)
    app = make_app(r)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        line = app.screen.query_one("#status").content.plain
        assert f"  {done}/{counted} reviewed" in line and f"+{hidden} hidden (w)" in line, line
        await pilot.press("w")  # every claim shown: the counts stay those of status and report
        await pilot.pause()
        line = app.screen.query_one("#status").content.plain
        assert f"  {done}/{counted} reviewed" in line and f"+{hidden} shown, not counted (w)" in line, line
        await pilot.press("w")
        await pilot.pause()
        line = app.screen.query_one("#status").content.plain
        assert f"  {done}/{counted} reviewed" in line and f"+{hidden} hidden (w)" in line, line
        await pilot.press("q")
    r.close()


def test_deciding_a_hidden_claim_moves_it_from_hidden_to_counted(batch: Path) -> None:
    r = Review.open(batch)
    try:
        low = [c for a in r.corpus.articles for c in r.claims(a.key) if not r.corpus.is_shown(c)]
        undecided = next(c for c in low if r.decision(c.id).verdict == Verdict.UNREVIEWED)
        before, hidden = r.progress(), r.hidden()
        r.mark(undecided.id, Verdict.DISPUTED)
        assert r.hidden() == hidden - 1
        assert r.progress()[Verdict.DISPUTED] == before[Verdict.DISPUTED] + 1
        assert r.progress()[Verdict.UNREVIEWED] == before[Verdict.UNREVIEWED]
        r.mark(undecided.id, Verdict.UNREVIEWED)  # back to no verdict: hidden again
        assert r.hidden() == hidden and r.progress() == before
    finally:
        r.close()


def test_report_decided_lists_only_the_decided_claims_and_their_groups(
    batch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`report` wrote every claim (10.9 MB of Markdown for 44 decisions on PolNeAR); --decided writes the
    decided ones, in their groups, and the head still counts everything."""
    full = json.loads(run(capsys, "report", str(batch), "-f", "json"))
    data = json.loads(run(capsys, "report", str(batch), "-f", "json", "--decided"))
    assert data["summary"]["listed"] == "decided" and full["summary"]["listed"] == "all"
    assert {k: v for k, v in data["summary"].items() if k != "listed"} == {
        k: v for k, v in full["summary"].items() if k not in ("listed",)
    }
    decided = {r["claim_id"] for r in full["claims"] if r["verdict"] != "unreviewed"}
    assert len(decided) == 3 and {r["claim_id"] for r in data["claims"]} == decided
    for g in data["groups"]:
        assert g["claims"] and set(g["claims"]) <= decided
        assert g["size"] == next(f["size"] for f in full["groups"] if f["id"] == g["id"])
    in_groups = {cid for g in full["groups"] for cid in g["claims"]}
    assert {g["id"] for g in data["groups"]} == {
        g["id"] for g in full["groups"] if set(g["claims"]) & decided
    } and (decided & in_groups)
    csv = run(capsys, "report", str(batch), "-f", "csv", "--decided")
    assert len(csv.strip().splitlines()) == 1 + len(decided)
    md = run(capsys, "report", str(batch), "--decided")
    assert "- Listed: the decided claims and the groups they are in" in md
    assert md.count("  - Verdict: **") == len(decided)
    todo = sum(1 for r in full["claims"] if r["verdict"] == "unreviewed") - full["summary"]["hidden"]
    assert f"## Still unreviewed ({todo})\n\nNot listed in this report (`--decided`)." in md
    for g in data["groups"]:
        if len(g["claims"]) < g["size"]:
            assert f"{len(g['claims'])} of its {g['size']} claim(s) decided" in md
    assert "- Listed: every claim, hidden ones too" in run(capsys, "report", str(batch))


def test_status_keeps_the_file_name_and_cuts_the_folder_in_its_middle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`status` cut per-article paths from the left ("…v/politico_…"): the split folder was lost."""
    deep = tmp_path / "corpus" / "train" / ("a-rather-long-folder-name-" * 3) / "2016"
    deep.mkdir(parents=True)
    name = "politico_2016-09-12_a-headline.txt"
    (deep / name).write_text(
        "Finance Minister Anna Berg said on Monday that inflation rose to 3.4 percent in March.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    out = json.loads(run(capsys, "extract", "--json", "corpus"))
    cid = out["articles"][0]["claims"][0]["id"]
    run(capsys, "mark", "s.toml", cid, "confirmed", "--corpus", "corpus")
    out = run(capsys, "status", "s.toml")
    row = out.split("per article:\n", 1)[1].splitlines()[1].split()[0]
    assert row == f"train/…/2016/{name}", row


@given(
    st.lists(st.text("abc.-_é", min_size=1, max_size=12), min_size=1, max_size=6),
    st.integers(min_value=1, max_value=80),
)
def test_fit_path_keeps_the_first_folder_and_the_file_name_whole(parts: list[str], width: int) -> None:
    from factcheck.cli_session import fit_path, shortest_path

    name = "/".join(parts)
    shown = fit_path(name, width)
    assert len(shown) <= max(width, len(shortest_path(name)))
    if len(name) <= width or len(parts) <= 2:
        assert shown == name
        return
    first, _, rest = shown.partition("/…/")
    assert first == parts[0] and rest.split("/")[-1] == parts[-1]
    kept = rest.split("/")[:-1]  # the folders nearest the file, whole
    assert kept == parts[len(parts) - 1 - len(kept) : -1] and len(kept) < len(parts) - 2


async def test_the_report_dialog_offers_the_decided_claims_only(batch: Path) -> None:
    from textual.widgets import Input, Select

    from factcheck.tui.app import make_app

    r = Review.open(batch)
    app = make_app(r)
    out = batch.parent / "decided.json"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("R")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#report-claims", Select).value == "all"  # the CLI's default
        dialog.query_one("#report-format", Select).value = "json"
        dialog.query_one("#report-claims", Select).value = "decided"
        dialog.query_one("#report-path", Input).value = str(out)
        await pilot.press("enter")
        await settle(app, pilot)
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["summary"]["listed"] == "decided" and len(data["claims"]) == 3
        await pilot.press("R")  # the choice is offered again
        await pilot.pause()
        assert app.screen.query_one("#report-claims", Select).value == "decided"
        await pilot.press("escape", "q")
    r.close()


async def test_the_report_dialog_scrolls_to_the_claims_choice_in_a_tiny_window(batch: Path) -> None:
    """At 30x10 the dialog does not fit: tab brings the claims choice into view (it was below the fold)."""
    from textual.widgets import Select

    from factcheck.tui.app import make_app

    r = Review.open(batch)
    app = make_app(r)
    async with app.run_test(size=(30, 10)) as pilot:
        await settle(app, pilot)
        await pilot.press("R")
        await pilot.pause()
        choice = app.screen.query_one("#report-claims", Select)
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.focused is choice
        region = choice.region
        assert region.height > 0 and region.bottom <= 10, region
        await pilot.press("escape", "q")
    r.close()
    assert app.return_code == 0


def test_fit_path_keeps_a_urls_host() -> None:
    """`factcheck status` of a session of URLs cut a long one to "http:/…/budget-approved-by-the-council.html":
    the scheme taken for a folder, the host (which site) gone, and no URL left. A URL keeps its scheme and
    host, as a path keeps its first folder."""
    from factcheck.cli_session import fit_path, shortest_path

    url = "http://127.0.0.1:8718/web/2024/news/a-very-long-path/budget-approved-by-the-council.html"
    assert shortest_path(url) == "http://127.0.0.1:8718/…/budget-approved-by-the-council.html"
    assert fit_path(url, 60) == "http://127.0.0.1:8718/…/budget-approved-by-the-council.html"
    longer = "http://127.0.0.1:8718/…/a-very-long-path/budget-approved-by-the-council.html"
    assert fit_path(url, len(longer)) == longer
    assert fit_path("https://example.com/a.html", 10) == "https://example.com/a.html"  # nothing to cut
    assert fit_path(url, len(url)) == url


def test_report_decided_names_and_quotes_the_claim_a_decided_one_is_superseded_by(
    batch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --decided, "superseded by `c…`" named a claim the report left out when it had no verdict of its
    own: no outlet, no date, no words (the full report gave "`c…` (Outlet, date)"). The claims the decided
    ones are superseded by are given, outlet, date and words, in a section of their own (JSON
    "superseding"); the claims listed, the groups and the counts stay the decided ones."""
    r = Review.open(batch)
    try:
        arts = [a for a in r.corpus.articles if r.claims(a.key)]
        old, new = r.claims(arts[0].key)[-1], r.claims(arts[-1].key)[-1]
        assert r.decision(new.id).verdict == Verdict.UNREVIEWED
        r.mark(old.id, Verdict.SUPERSEDED, by=new.id)
        r.save()
    finally:
        r.close()
    data = json.loads(run(capsys, "report", str(batch), "-f", "json", "--decided"))
    assert new.id not in {c["claim_id"] for c in data["claims"]}
    assert [c["claim_id"] for c in data["superseding"]] == [new.id]
    md = run(capsys, "report", str(batch), "--decided")
    assert f"superseded by `{new.id}` (" in md, md
    assert "## Claims the decided ones are superseded by (1)" in md and new.text in md
    assert "superseding" not in json.loads(run(capsys, "report", str(batch), "-f", "json"))


def test_claimreview_decided_quotes_the_claim_a_decided_one_is_superseded_by(
    batch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`report --decided -f claimreview` (and the TUI's `R` with "decided only") published "Superseded by a
    newer report (claim c…)." as the rating's explanation, an id no reader of the review can look up, and an
    `isBasedOn` with no words, date or link: the newer claim has no verdict, so it was not among the listed
    claims. It is in the report's `superseding` part, and the review now quotes it as the full report does."""
    r = Review.open(batch)
    try:
        arts = [a for a in r.corpus.articles if r.claims(a.key)]
        old, new = r.claims(arts[0].key)[-1], r.claims(arts[-1].key)[-1]
        assert r.decision(new.id).verdict == Verdict.UNREVIEWED
        r.mark(old.id, Verdict.SUPERSEDED, by=new.id)
        r.save()
    finally:
        r.close()
    opts = ("-f", "claimreview", "--base-url", "https://check.example/r", "--org", "Desk")
    full = {o["identifier"]: o for o in json.loads(run(capsys, "report", str(batch), *opts))}
    decided = {o["identifier"]: o for o in json.loads(run(capsys, "report", str(batch), *opts, "--decided"))}
    review = decided[old.id]
    assert review["reviewRating"]["ratingExplanation"] == f"Superseded by a newer report: {new.text}"
    assert review["isBasedOn"]["text"] == new.text
    assert review == full[old.id]  # the words, link and date the full report gives
    assert new.id not in decided  # the newer claim is quoted, not reviewed


def test_claimreview_decided_cites_an_undecided_claim_given_as_evidence(
    batch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`report --decided -f claimreview` left out evidence given as a claim id when that claim had no verdict
    (it was not among the listed claims), and said it was "neither an http(s) URL nor a claim id": a decision's
    evidence wrongly refused in published output. The cited claims are now kept beside the listed ones, and
    the review is the one the full report gives."""
    r = Review.open(batch)
    try:
        arts = [a for a in r.corpus.articles if r.claims(a.key)]
        old, new = r.claims(arts[0].key)[0], r.claims(arts[-1].key)[0]
        assert r.decision(new.id).verdict == Verdict.UNREVIEWED
        r.mark(old.id, Verdict.CONFIRMED)
        r.add_evidence(old.id, new.id)
        r.save()
    finally:
        r.close()
    opts = ("-f", "claimreview", "--base-url", "https://check.example/r", "--org", "Desk")
    full = {o["identifier"]: o for o in json.loads(run(capsys, "report", str(batch), *opts))}
    assert main(["report", str(batch), *opts, "--decided"]) == 0
    out, err = capsys.readouterr()
    decided = {o["identifier"]: o for o in json.loads(out)}
    assert decided[old.id]["citation"] == [new.id]
    assert decided[old.id] == full[old.id]
    assert "neither an http(s) URL nor a claim id" not in err
    assert new.id not in decided  # cited, not reviewed


def test_progress_never_reads_100_percent_with_a_claim_left_nor_0_percent_with_one_decided(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`status` and the report's head rounded the share reviewed: with one claim of 260 left, a batch read
    "(100%)", and a reviewer took it as done; one decided of 260 read "(0%)". The share is now rounded
    down near the top and up near the bottom: "99%" until every claim is decided, "<1%" once one is."""
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    towns = ["Leeds", "York", "Bath", "Derby", "Hull", "Ely", "Wells", "Truro", "Exeter", "Durham", "Lincoln"]
    text = "\n\n".join(
        f"The council of {towns[i % len(towns)]} raised bus fares by {i % 40 + 2} percent on Monday to pay"
        f" for {i + 3} new buses, its leader said."
        for i in range(260)
    )
    (tmp_path / "fares.txt").write_text("Bus fares rise across the north\n\n" + text + "\n", encoding="utf-8")
    path = tmp_path / "s.toml"
    r = Review.open(path, [str(tmp_path / "fares.txt")])
    try:
        shown = [c for a in r.corpus.articles for c in r.claims(a.key) if r.corpus.is_shown(c)]
        n = len(shown)
        assert n > 200, n  # past 200 claims, one claim is under half a percent
        r.mark(shown[0].id, Verdict.CONFIRMED)
        r.save()
    finally:
        r.close()
    assert f"1 of {n} claims reviewed (<1%)" in run(capsys, "status", str(path))
    assert f"- Reviewed: 1 of {n} (<1%)" in run(capsys, "report", str(path))
    r = Review.open(path)
    try:
        for c in shown[1:-1]:
            r.mark(c.id, Verdict.DISPUTED)
        r.save()
    finally:
        r.close()
    assert f"{n - 1} of {n} claims reviewed (99%)" in run(capsys, "status", str(path))
    assert f"- Reviewed: {n - 1} of {n} (99%)" in run(capsys, "report", str(path))


def test_report_rows_say_which_claims_are_hidden_and_their_score(
    batch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON and CSV reports list every claim, the hidden ones too, but nothing on a row told them apart: a
    script reading the report could not keep the claims a reviewer is shown (the summary only counted them).
    Each row now has its check-worthiness `score` and `hidden` (under the threshold with no verdict, as
    `status` and the summary count them)."""
    _done, counted, hidden = expected(batch)
    data = json.loads(run(capsys, "report", str(batch), "-f", "json"))
    rows = data["claims"]
    assert sum(1 for r in rows if r["hidden"]) == hidden == data["summary"]["hidden"]
    assert sum(1 for r in rows if not r["hidden"]) == counted
    r = Review.open(batch, readonly=True)
    try:
        for row in rows:
            c = r.claim(row["claim_id"])
            assert row["score"] == round(c.score, 3)
            assert row["hidden"] == (not r.corpus.is_shown(c) and row["verdict"] == "unreviewed")
    finally:
        r.close()
    decided_low = [
        row for row in rows if row["verdict"] != "unreviewed" and row["score"] < data["summary"]["min_score"]
    ]
    assert decided_low and not any(row["hidden"] for row in decided_low)  # a verdict counts it
    table = list(csv.DictReader(io.StringIO(run(capsys, "report", str(batch), "-f", "csv"))))
    assert [(t["claim_id"], t["hidden"], float(t["score"])) for t in table] == [
        (row["claim_id"], "true" if row["hidden"] else "false", row["score"]) for row in rows
    ]


def test_markdown_still_unreviewed_counts_as_its_head_and_lists_the_hidden_apart(
    batch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Markdown report's head said "unreviewed: 48" and its "## Still unreviewed (50)" listed the 2 hidden
    claims among the others, unmarked (as they were in their groups). The section counts and lists the claims
    shown; the hidden ones follow under a line of their own and say so in their groups."""
    done, counted, hidden = expected(batch)
    md = run(capsys, "report", str(batch))
    data = json.loads(run(capsys, "report", str(batch), "-f", "json"))
    low = [r for r in data["claims"] if r["hidden"]]
    assert len(low) == hidden >= 1
    assert f"  - unreviewed: {counted - done}\n" in md
    section = md.split(f"## Still unreviewed ({counted - done})\n", 1)[1].split("## Orphaned decisions")[0]
    shown, _, apart = section.partition(
        f"Hidden under the check-worthiness threshold {data['summary']['min_score']:.2f}, with no verdict ({hidden}):"
    )
    assert apart, section
    for r in low:
        assert r["claim_id"] in apart and r["claim_id"] not in shown
    assert sum(1 for line in shown.splitlines() if line.startswith("- ")) == counted - done
    # each claim is listed once in its group (or among the claims in no group), the hidden ones marked
    assert md.count("(hidden: under the check-worthiness threshold") == hidden
