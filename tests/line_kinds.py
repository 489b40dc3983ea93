"""Shared by the raw-page tests: what ``classify_lines`` makes of a text, segment by segment."""

from __future__ import annotations

from factcheck.ingest import classify_lines

# three paragraphs of an ordinary news article, for the raw-page tests to put furniture around
ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month, "
    "after a long debate that went on until late in the evening.",
    "Engineers found cracks in two of its steel supports, the mayor told reporters at a news conference "
    "held in the town hall on Wednesday morning.",
    "Buses will be rerouted through the northern tunnel while the repairs last, the transport office said "
    "in a statement published on its website.",
]


def kinds_of(text: str, lang: str | None = "en") -> dict[str, tuple[str, str]]:
    """Each segment's text -> (kind, reason), as ``classify_lines`` reads ``text`` in ``lang``."""
    segs, _info = classify_lines(text, lang)
    return {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
