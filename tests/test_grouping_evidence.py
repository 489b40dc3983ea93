"""Sentences under the extractor's floor: the pipeline keeps them as grouping evidence, never as claims."""

from __future__ import annotations

from pathlib import Path

from factcheck import extract, ingest, pipeline
from factcheck.model import Claim, Verdict
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


def test_evidence_never_shifts_a_claims_id() -> None:
    """A claim's id counts the earlier claims of the same words only: a sentence of the same words returned
    under the floor as evidence (a title, a heading) must not move it, or a session's decision is lost."""

    def sentence(score: float, start: int) -> Claim:
        return Claim(
            id="",
            article_id="a",
            article_key="a.txt",
            start=start,
            end=start + 26,
            text="Police arrest two suspects",
            score=score,
        )

    title, claim, again = sentence(0.05, 0), sentence(0.6, 40), sentence(0.6, 80)
    extract.assign_ids([title, claim, again], "basis")
    assert claim.id == extract.claim_id("basis", claim.text, 0)
    assert again.id == extract.claim_id("basis", claim.text, 1)
    assert len({title.id, claim.id, again.id}) == 3  # evidence of the same words: an id of its own
    # and through the extractor: the ids of the claims do not depend on whether evidence is returned
    arts = ingest.load([str(Path(__file__).parent / "fixtures" / "realworld" / "articles")]).articles
    for art in arts[:30]:
        assert [c.id for c in extract.extract(art, min_score=0.0) if c.score >= extract.MIN_SCORE] == [
            c.id for c in extract.extract(art)
        ], art.key
