"""Every decision of a session is in every report format, also one whose claim is gone from its article."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from factcheck.cli import main

ALPHA = """Finance Minister Anna Berg said on Monday that inflation rose to 3.4 percent in March, the highest level since 2019.
The central bank in Oslo announced that it will raise interest rates by 0.25 points at its meeting on 12 June.
According to Statistics Norway, unemployment fell to 2.1 percent in the first quarter of the year.
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


@pytest.fixture
def orphaned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """A session whose superseded decision (with a note and a link) lost its claim: the article was edited."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    monkeypatch.setenv("FACTCHECK_REVIEWER", "ann")
    assert main(["extract", "--json", "corpus"]) == 0
    ids = [c["id"] for a in json.loads(capsys.readouterr().out)["articles"] for c in a["claims"]]
    for args in (
        (ids[0], "superseded", "--by", ids[1], "--note", "the bank's later figure", "--corpus", "corpus"),
        (ids[2], "confirmed"),
    ):
        code, _, err = run(capsys, "mark", "s.toml", *args)
        assert code == 0, err
    first = ALPHA.splitlines()[0]
    (tmp_path / "corpus" / "alpha.txt").write_text(
        ALPHA.replace(first, "A wholly different opening line stands here now."), encoding="utf-8"
    )
    return ids


def test_json_and_markdown_keep_what_an_orphaned_decision_said(
    orphaned: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "report", "s.toml", "-f", "json")
    assert code == 0, err
    report = json.loads(out)
    (o,) = report["orphans"]
    bank = next(r["claim_id"] for r in report["claims"] if r["text"].startswith("The central bank"))
    assert (o["claim_id"], o["verdict"], o["superseded_by"]) == (orphaned[0], "superseded", bank)
    code, out, _ = run(capsys, "report", "s.toml")
    assert f"**superseded by `{bank}`**" in out


def test_csv_has_a_row_for_an_orphaned_decision(
    orphaned: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "report", "s.toml", "-f", "csv")
    assert code == 0, err
    rows = {r["claim_id"]: r for r in csv.DictReader(io.StringIO(out))}
    o = rows[orphaned[0]]
    assert (o["verdict"], o["note"], o["orphan"]) == ("superseded", "the bank's later figure", "true")
    assert o["superseded_by"] in rows and rows[o["superseded_by"]]["text"].startswith("The central bank")
    assert o["article"] == "alpha.txt" and o["text"] and o["reviewer"] == "ann"
    (confirmed,) = [r for r in rows.values() if r["verdict"] == "confirmed"]
    assert confirmed["orphan"] == "" and confirmed["text"].startswith("According to")


def test_claimreview_says_it_left_an_orphaned_decision_out(
    orphaned: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "report", "s.toml", "-f", "claimreview", "--base-url", "https://fc.example/r", "--org", "Desk"
    )
    assert code == 0, err
    assert [x["claimReviewed"][:12] for x in json.loads(out)] == ["According to"]
    assert "left out" in err and orphaned[0] in err and "no longer in its article" in err


def test_claimreview_of_a_claim_superseded_by_a_dismissed_one_has_a_whole_explanation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.review import Review

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    review = Review.open(tmp_path / "s.toml", [str(tmp_path / "corpus")], group=False)
    try:
        old, new = (c.id for c in review.corpus.claims["alpha.txt"][:2])
        review.mark(old, "superseded", by=new)
        review.dismiss(new)  # the TUI asks first, then keeps the verdicts pointing to it
        review.save()
    finally:
        review.close()
    code, out, err = run(
        capsys, "report", str(tmp_path / "s.toml"), "-f", "claimreview", "--base-url", "https://x.example/r"
    )
    assert code == 0, err
    (cr,) = json.loads(out)
    assert cr["isBasedOn"]["identifier"] == new
    assert not cr["reviewRating"]["ratingExplanation"].rstrip().endswith(":")
