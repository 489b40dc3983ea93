"""Time values of claims for grouping: which TIMEX3 values a claim reports its event at, their months, and
whether two values can denote the same time."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from factcheck.model import Claim

_REPORT_BEFORE = re.compile(
    r"\b(?:said|says|say|confirmed|announced|reported|told|stated|added|noted|wrote|tweeted|quoted\s+as\s+saying|"
    r"statement|interview|comments?)\s*(?:on|this|last|late|early|in)?\s*$",
    re.I,
)


def _date_values(claim: Claim) -> list[str]:
    """The claim's event times: DATE/TIME values, without the time of the report itself
    ("Reuters reported on March 19", "Putin said on Friday") and without bare weekdays when a more
    informative value is there."""
    vals: list[str] = []
    report: list[str] = []
    for t in claim.when:
        if t.type not in ("DATE", "TIME") or not t.value or t.value[0] not in "12X":
            continue
        before = claim.text[max(0, t.start - claim.start - 40) : t.start - claim.start]
        (report if _REPORT_BEFORE.search(before) else vals).append(t.value)
    informative = [v for v in vals if not re.match(r"^XXXX(?:-WXX)?(?:-\d)?$", v)]
    return informative or vals or [v for v in report if not v.startswith("XXXX-WXX")]


def _granular(v: str) -> tuple[str, str, str]:
    """(year, month, day) strings, '' when unknown; seasons/quarters/weeks map to month ranges elsewhere."""
    m = re.match(r"^(\d{4}|XXXX)(?:-(\d\d|SP|SU|FA|WI|Q\d|H\d|W\d\d|WXX)(?:-(\d\d))?)?", v)
    if not m:
        return "", "", ""
    y = "" if m.group(1) == "XXXX" else m.group(1)
    return y, m.group(2) or "", m.group(3) or ""


_SEASON = {"SP": {3, 4, 5}, "SU": {6, 7, 8}, "FA": {9, 10, 11}, "WI": {12, 1, 2}}


def _months(part: str) -> set[int] | None:
    if not part or part in ("WXX",):
        return None
    if part.isdigit():
        return {int(part)}
    if part in _SEASON:
        return _SEASON[part]
    if part.startswith("Q"):
        q = int(part[1])
        return {3 * q - 2, 3 * q - 1, 3 * q}
    if part.startswith("H"):
        h = int(part[1])
        return set(range(1, 7)) if h == 1 else set(range(7, 13))
    if part.startswith("W") and part[1:].isdigit():
        w = int(part[1:])
        first = max(1, min(12, 1 + (w - 1) * 12 // 53))
        return {first, min(12, first + 1)} | ({first - 1} if first > 1 else set())
    return None


@lru_cache(maxsize=1 << 16)
def compatible(a: str, b: str) -> bool:
    """Whether two TIMEX3 values can denote the same time (``2023-SP`` and ``2023-03`` can; ``2023-10`` and
    ``2024-05`` cannot); cached, since a batch repeats the same few hundred values."""
    # (imported when first asked: importing the tagger's package costs ~0.1 CPU s, which a warm reopen
    # that groups nothing, reading the grouping package for its near-duplicate index, need not pay)
    from factcheck.temporal import is_compatible

    return bool(is_compatible(a, b))


def _times_conflict(ta: Sequence[str], tb: Sequence[str]) -> bool:
    """Both claims fix a time and no pair of their times is compatible."""
    if not ta or not tb:
        return False
    return _tuples_conflict(tuple(ta), tuple(tb))


@lru_cache(maxsize=1 << 16)
def _tuples_conflict(ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    return not any(compatible(a, b) for a in ta for b in tb)


def _month_buckets(values: Sequence[str]) -> frozenset[str]:
    """Month-level buckets ("XX-05") of values that fix a month; used as agreement evidence."""
    out: set[str] = set()
    for v in values:
        _, m, _ = _granular(v)
        ms = _months(m)
        if ms and len(ms) <= 3:
            out.update(f"{x:02d}" for x in ms)
    return frozenset(out)


def _month_key(v: str) -> str | None:
    """``YYYY-MM`` (or ``XXXX-MM`` when the year is open) of a value that fixes a month or season."""
    y, m, _ = _granular(v)
    if m and (m.isdigit() or m in _SEASON):
        return f"{y or 'XXXX'}-{m}"
    return None


# ----------------------------------------------------------------------------------------------
# Document context


def _months_before(month_key: str, published: str) -> int:
    """How many months an event month ("2022-11", a season "2022-SU" by its last month) lies before a
    publication month ("2023-06"); 0 for an open year or a later month."""
    last = _last_month(month_key)
    if last is None:
        return 0
    return max(0, int(published[:4]) * 12 + int(published[5:7]) - (int(last[:4]) * 12 + int(last[5:7])))


def _last_month(v: str) -> str | None:
    """The last ``YYYY-MM`` a value reaches (a season its last month, a year its December), or None
    when its year is open or its part names no months."""
    y, m, _ = _granular(v)
    if not y:
        return None
    ms = _months(m) if m else set(range(1, 13))
    if not ms:
        return None
    return f"{y}-{12 if m == 'WI' else max(ms):02d}"


def _days_apart(a: str, b: str) -> int:
    return abs((_iso_date(a) - _iso_date(b)).days)


@lru_cache(maxsize=4096)
def _iso_date(v: str) -> dt.date:
    return dt.date.fromisoformat(v[:10])


def _latest_month(times: Sequence[str]) -> str | None:
    """The latest ``YYYY-MM`` a claim's times reach (a year reaches its December), or None when open."""
    out: str | None = None
    for v in times:
        last = _last_month(v)
        if last is None:
            return None  # an open year could be any year
        out = last if out is None or last > out else out
    return out
