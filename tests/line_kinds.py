"""Shared by the raw-page tests: what ``classify_lines`` makes of a text, segment by segment."""

from __future__ import annotations

from factcheck.ingest import classify_lines


def kinds_of(text: str, lang: str | None = "en") -> dict[str, tuple[str, str]]:
    """Each segment's text -> (kind, reason), as ``classify_lines`` reads ``text`` in ``lang``."""
    segs, _info = classify_lines(text, lang)
    return {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
