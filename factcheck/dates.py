"""Free-text dates in any language read with dateparser: bylines, datelines and what a reviewer types.

The tuned English temporal engine (``factcheck.temporal``) finds and normalises time expressions inside
articles; this module reads one short, already-found phrase ("20 de setembro de 2023", "14. Januar 2020,
9:21 Uhr", "3 days ago") into a calendar date. dateparser is slow on long text and eager on short words (see
../shared/LIBRARIES.md), so callers pass a phrase, not an article, and results are cached.
"""

from __future__ import annotations

import datetime as dt
import functools

# A phrase longer than this is not a date line.
MAX_PHRASE = 120


@functools.lru_cache(maxsize=4096)
def _parse(text: str, languages: tuple[str, ...] | None, anchor: dt.date | None) -> dt.date | None:
    import dateparser

    settings: dict[str, object] = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day, 12, 0)
    try:
        got = dateparser.parse(text, languages=list(languages) if languages else None, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; a phrase it cannot read is no date
        return None
    return got.date() if got is not None else None


def parse_date_text(
    text: str, *, languages: list[str] | tuple[str, ...] | None = None, anchor: dt.date | None = None
) -> dt.date | None:
    """The date a short phrase names, read by dateparser; None when it names none.

    ``languages``: ISO codes to try (None lets dateparser detect, which is ~10x slower). ``anchor``: the day
    relative phrases count from ("yesterday", "hace tres días"); today when None.
    """
    phrase = " ".join(text.split())
    if not phrase or len(phrase) > MAX_PHRASE or not any(ch.isalnum() for ch in phrase):
        return None
    langs = tuple(languages) if languages else None
    return _parse(phrase, langs, anchor)
