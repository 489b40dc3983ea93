"""TIMEX3 values read as words, for every place a reviewer reads a time: the TUI, the Markdown report.

Known dates are shown as they are (ISO: ``2024-05-16``), the codes as words: seasons, quarters, halves, weeks,
parts of the day, decades and centuries, the PRESENT/PAST/FUTURE references; an open value (no publication
date to anchor it) says what the text fixed and what is missing. Display only: the values are unchanged.
"""

from __future__ import annotations

import re


def is_open_time(value: str | None) -> bool:
    return value is not None and value.startswith("XX")


_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
# the parts of the day in fewer cells, for columns where the whole word does not fit ("2023-05-03 aftn.")
_PARTS_TINY = {"MO": "morn.", "MI": "midday", "AF": "aftn.", "EV": "eve.", "NI": "night", "DT": "day"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_OPEN = re.compile(
    r"XXXX(?:-(?P<mon>\d\d)(?:-(?P<day>\d\d))?|-XX-(?P<dom>\d\d)|(?P<anyday>-XX-XX)|(?P<anymon>-XX)"
    r"|-WXX-(?P<wd>[1-7])|-WXX-(?P<we>WE)|(?P<wk>-WXX)|-(?P<season>SP|SU|FA|WI)|-Q(?P<q>[1-4X])|-H(?P<h>[12]))?"
    r"(?:T(?P<t>.+))?"
)


_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_KNOWN = re.compile(
    r"(?P<y>\d{4})-(?:(?P<season>SP|SU|FA|WI)|Q(?P<q>[1-4])|H(?P<h>[12])|W(?P<w>\d\d)(?P<we>-WE)?)"
)


_PART_OF_DAY = re.compile(r"(?P<day>.+)T(?P<part>MO|MI|AF|EV|NI|DT)")


def _readable_known(value: str, tiny: bool = False) -> str:
    """Known values read as they are (ISO dates), except the TIMEX3 codes: seasons, quarters, halves,
    weeks, parts of the day, decades, centuries and the PRESENT/PAST/FUTURE references. ``tiny``: the part
    of the day shortened ("2023-05-03 morn.")."""
    if value in _REFS:
        return _REFS[value]
    if value.isdigit() and len(value) in (2, 3):  # a decade ("199": the 1990s) or a century ("19": 1900-1999)
        return f"the {value}0s" if len(value) == 3 else f"the {_ordinal(int(value) + 1)} century"
    part = _PART_OF_DAY.fullmatch(value)
    if part is not None:
        return f"{_readable_known(part['day'])} {(_PARTS_TINY if tiny else _PARTS)[part['part']]}"
    m = _KNOWN.fullmatch(value)
    if m is None:
        return value
    y = m["y"]
    if m["season"]:
        return f"{_SEASONS[m['season']]} {y}"
    if m["q"]:
        return f"Q{m['q']} {y}"
    if m["h"]:
        return f"{'first' if m['h'] == '1' else 'second'} half {y}"
    return f"{'weekend of ' if m['we'] else ''}week {int(m['w'])} of {y}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def readable_time(value: str, *, short: bool = False, tiny: bool = False) -> str:
    """A TIMEX3 value for reading. Known dates are shown as they are, codes as words (``2023-SP``
    "spring 2023", ``PRESENT_REF`` "now"); open ones (the publication date is unknown) say what the text
    fixed and what is missing ("May (year unknown)"; ``short``: "May (year?)"; ``tiny``: "May?"; a known
    day's part of the day shortened: "2023-05-03 morn.").
    Display only: the values themselves are unchanged."""
    if value.startswith("T"):  # a time of day on a day the text does not fix
        value = "XXXX-XX-XX" + value
    if not is_open_time(value):
        return _readable_known(value, tiny)
    if tiny:
        return readable_time(value, short=True).rsplit(" (", 1)[0] + "?"
    date_unknown, year_unknown = ("(date?)", "(year?)") if short else ("(date unknown)", "(year unknown)")
    m = _OPEN.fullmatch(value)
    if m is None:
        if value == "XXX":
            return f"a decade {date_unknown}"
        if value == "XX":
            return f"a century {date_unknown}"
        return f"{value} {date_unknown}"
    t = m["t"]
    clock = _PARTS.get(t, t) if t else ""
    missing = date_unknown
    if m["mon"]:
        mon = int(m["mon"])
        name = _MONTH_NAMES[mon - 1] if 1 <= mon <= 12 else m["mon"]
        what = f"{int(m['day'])} {name}" if m["day"] else name
        missing = year_unknown
    elif m["dom"]:
        what = f"the {_ordinal(int(m['dom']))}"
        missing = "(month?)" if short else "(month unknown)"
    elif m["wd"]:
        what = _DAY_NAMES[int(m["wd"]) - 1]
    elif m["we"]:
        what = "a weekend"
    elif m["wk"]:
        what = "a week"
    elif m["season"]:
        what = _SEASONS[m["season"]]
        missing = year_unknown
    elif m["q"]:
        what = "a quarter" if m["q"] == "X" else f"Q{m['q']}"
        missing = date_unknown if m["q"] == "X" else year_unknown
    elif m["h"]:
        what = "first half" if m["h"] == "1" else "second half"
        missing = year_unknown
    elif m["anymon"]:
        what = "a month"
    elif m["anyday"]:
        what = "" if clock else "a day"
    else:
        what = "a year"
    what = f"{what} {clock}".strip()
    return f"{what} {missing}"
