"""The reference time of a story: the day its own dateline names, when that differs a little from the given date.

A wire story opens with a dateline, "WASHINGTON, Dec. 8 (UPI) --" or "Dec 29 (Reuters) -": the day the story
was filed and the day its "today", "Tuesday" and "tonight" are counted from. The date a record or a page gives
(``anchor``) is often the day it was posted or crawled, a day or two off. TimeML's document creation time is
the dateline's day; HeidelTime's news documents take it as their reference too. So a dateline within a week of
the given date replaces it; one further off is not trusted (a wrong record date is the reviewer's to fix,
and ingest warns of the clash).
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.temporal.vocab import _MONTH_ABBR, _MONTH_RE, _MONTHS, _safe_date

# how far the dateline's day may lie from the given date and still be taken for the story's day
_DATELINE_DAYS = 7
# a dateline at the start of one of the first lines: a place in capitals ("CAMBRIDGE, Mass.,") and/or an
# agency in parentheses, around a month and day, then a dash or a colon: "WASHINGTON, Dec. 8 (UPI) --",
# "Dec 29 (Reuters) -", "PARIS, Aug 31 (Reuters) -", "NEW YORK, Nov. 19 --"
_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’ -]{1,40}),(?:\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,)?\s*)?"
    rf"(?P<month>{_MONTH_RE})\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:,\s*(?P<year>(?:19|20)\d\d))?"
    r"\s*(?P<agency>\([A-Z][\w&.' ]{1,30}\))?\s*(?:--|[-–—:])",
    re.M,
)
_HEAD_CHARS = 400  # a dateline opens the story: only the first lines (a title may stand before it) are read


def story_day(text: str, anchor: dt.date | None) -> dt.date | None:
    """The day the story's dateline names, if it lies within a week of ``anchor``; else ``anchor``."""
    if anchor is None:
        return None
    m = _DATELINE.search(text, 0, _HEAD_CHARS)
    if m is None or not (m["place"] or m["agency"]):
        return anchor
    name = m["month"].rstrip(".").lower()
    month = _MONTHS.get(name) or _MONTH_ABBR.get(name)
    if month is None:
        return anchor
    day = int(m["day"])
    years = [int(m["year"])] if m["year"] else [anchor.year - 1, anchor.year, anchor.year + 1]
    days = [d for y in years if (d := _safe_date(y, month, day)) is not None]
    best = min(days, key=lambda d: abs((d - anchor).days), default=None)
    if best is None or abs((best - anchor).days) > _DATELINE_DAYS:
        return anchor
    return best
