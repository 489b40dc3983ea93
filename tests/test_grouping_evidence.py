"""Sentences under the extractor's floor: the pipeline keeps them as grouping evidence, never as claims."""

from __future__ import annotations

from pathlib import Path

from factcheck import extract, pipeline
from factcheck.model import Verdict
from factcheck.review import Review

TEXTS = {
    "01_harbour.txt": (
        "The harbour bridge will reopen on 12 June 2024, the city council said on Monday.\n\n"
        '"The repairs are on schedule," council engineer Anna Keller told reporters.\n\n'
        "The bridge was closed in January after inspectors found cracks in two supports.\n"
    ),
    "02_metro.txt": (
        "Inspectors found cracks in two supports of the harbour bridge in January, the council said.\n\n"
        "Keller said the delay was caused by a shortage of steel.\n"
    ),
}


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_evidence_is_extracted_but_never_a_claim(tmp_path: Path) -> None:
    corpus = pipeline.build([str(_folder(tmp_path))], min_score=0.0)
    every = corpus.all_claims()
    evidence = [c for c in every if corpus.is_evidence(c)]
    assert [c.text for c in evidence] == [
        '"The repairs are on schedule," council engineer Anna Keller told reporters.'
    ]
    assert all(
        c.score < extract.MIN_SCORE and not corpus.is_shown(c) for c in evidence
    )  # even at min_score 0
    assert all(corpus.is_shown(c) for c in every if c not in evidence)
    # a review, its counts and its index know the claims only
    review = Review.open(tmp_path / "session.toml", [str(tmp_path / "articles")], reviewer="tester")
    try:
        claims = [c for a in review.corpus.articles for c in review.claims(a.key)]
        assert len(claims) == len(every) - 1 and all(not review.corpus.is_evidence(c) for c in claims)
        assert sum(review.progress().values()) == len(claims)
        assert review.progress()[Verdict.UNREVIEWED] == len(claims)
    finally:
        review.close()
