"""Completing underspecified values (resolve_value) and comparing values (is_compatible)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from factcheck.temporal.vocab import (
    _SEASON_ORDER,
    _fmt_date,
    _nearest_year,
    _safe_date,
    _season_of,
    _weekday_date,
)

# ---- resolve_value ---------------------------------------------------------------------------


def resolve_value(value: str, anchor: dt.date) -> str:
    """Complete an underspecified value once an anchor is known (nearest occurrence).

    ``XXXX-05`` -> the May nearest the anchor, ``XXXX-05-07``, ``XXXX-SP``, ``XXXX-Q2``,
    ``XXXX-H1``, ``XXXX-WXX-4`` (the Thursday nearest the anchor). Fully specified values and
    values that cannot be completed from themselves alone are returned unchanged.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    if not value.startswith("XXXX"):
        return value
    try:
        return _resolve(value, anchor)
    except (ValueError, OverflowError):  # anchors at the ends of the calendar
        return value


def _resolve(value: str, anchor: dt.date) -> str:
    m = re.fullmatch(r"XXXX-(\d\d)(?:-(\d\d))?(T.*)?", value)
    if m:
        mon = int(m[1])
        day = int(m[2]) if m[2] else None
        if not 1 <= mon <= 12:
            return value
        y = _nearest_year(mon, day, anchor, lambda: None)
        if day is None:
            return f"{y}-{mon:02d}" + (m[3] or "")
        d = _safe_date(y, mon, day)
        return (_fmt_date(d) + (m[3] or "")) if d else value
    m = re.fullmatch(r"XXXX-WXX-([1-7])(T.*)?", value)
    if m:
        wd = int(m[1]) - 1
        past = _weekday_date(wd, anchor, "past")
        fut = _weekday_date(wd, anchor, "future")
        d = past if (anchor - past) <= (fut - anchor) else fut
        return _fmt_date(d) + (m[2] or "")
    m = re.fullmatch(r"XXXX-(SP|SU|FA|WI)", value)
    if m:
        cy, cs = _season_of(anchor)
        cur = cy * 4 + _SEASON_ORDER[cs]
        order = _SEASON_ORDER[m[1]]
        cands = [y * 4 + order for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        i = min(cands, key=lambda c: (abs(c - cur), c))
        return f"{i // 4}-{m[1]}"
    m = re.fullmatch(r"XXXX-(Q[1-4]|H[12])", value)
    if m:
        return f"{anchor.year}-{m[1]}"
    return value


# ---- is_compatible ---------------------------------------------------------------------------

_SEASON_RANGES = {"SP": ((3, 1), (5, 31)), "SU": ((6, 1), (8, 31)), "FA": ((9, 1), (11, 30))}


def _interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The calendar interval a fully specified DATE value denotes, or None."""
    v = value.split("T", 1)[0] if re.match(r"\d{4}-\d\d-\d\dT", value) else value
    try:
        if m := re.fullmatch(r"(\d{4})", v):
            y = int(m[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d\d?)(?:-(\d|WE))?", v):
            y, w = int(m[1]), int(m[2])
            if m[3] is None:
                return dt.date.fromisocalendar(y, w, 1), dt.date.fromisocalendar(y, w, 7)
            if m[3] == "WE":
                return dt.date.fromisocalendar(y, w, 6), dt.date.fromisocalendar(y, w, 7)
            d = dt.date.fromisocalendar(y, w, int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            return dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y = int(m[1])
            if m[2] == "WI":  # lenient: the winter that begins or ends in this year
                return dt.date(y - 1, 12, 1), dt.date(y + 1, 2, 28)
            (m1, d1), (m2, d2) = _SEASON_RANGES[m[2]]
            return dt.date(y, m1, d1), dt.date(y, m2, d2)
        if m := re.fullmatch(r"(\d{4})-(?:WXX|XX|QX)(?:-.*)?", v):
            y = int(m[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := re.fullmatch(r"(\d{3})", v):
            y = int(m[1]) * 10
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
        if m := re.fullmatch(r"(\d{2})", v):
            y = max(1, int(m[1]) * 100)
            return dt.date(y, 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


def _under_compatible(under: str, other: str) -> bool:
    """``under`` has an unknown year (XXXX-...): fill in each year ``other`` spans and test."""
    iv = _interval(other)
    if iv is None:
        return True
    for y in range(iv[0].year, min(iv[1].year, iv[0].year + 200) + 1):
        filled = str(y) + under[4:]
        if filled.startswith(f"{y}-WXX-"):
            wd = int(filled[-1]) if filled[-1].isdigit() else None
            if wd is None:
                return True
            # any day in the overlap that falls on that weekday
            lo = max(iv[0], dt.date(y, 1, 1))
            hi = min(iv[1], dt.date(y, 12, 31))
            if (hi - lo).days >= 6:
                return True
            d = lo
            while d <= hi:
                if d.isoweekday() == wd:
                    return True
                d += dt.timedelta(days=1)
            continue
        fi = _interval(filled)
        if fi is None:
            return True
        if fi[0] <= iv[1] and iv[0] <= fi[1]:
            return True
    return False


def is_compatible(a: str, b: str) -> bool:
    """Whether two TIMEX3 DATE values can denote the same time.

    Overlapping calendar intervals are compatible (``2024`` / ``2024-05``, ``2023-SP`` / ``2023-03``,
    ``2024-W20`` / ``2024-05-16``); ``XXXX-05`` is compatible with any May. Durations, sets,
    ``*_REF`` and unparseable values put no constraint (True).
    """
    a, b = a.strip(), b.strip()
    if not a or not b or a == b:
        return True
    if a.startswith("XXXX") and b.startswith("XXXX"):
        ra, rb = a[4:], b[4:]
        if re.fullmatch(r"-\d\d(-\d\d)?", ra) and re.fullmatch(r"-\d\d(-\d\d)?", rb):
            return ra.startswith(rb) or rb.startswith(ra)
        return True
    if a.startswith("XXXX"):
        return _under_compatible(a, b)
    if b.startswith("XXXX"):
        return _under_compatible(b, a)
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return True
    return ia[0] <= ib[1] and ib[0] <= ia[1]
