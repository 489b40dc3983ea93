"""English time vocabulary (months, weekdays, numbers, units, seasons) and date helpers shared by the rules."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

from factcheck.lang import resource

# --------------------------------------------------------------------------------------------
# Vocabulary: the tables are data (factcheck/lang/en/time.toml [vocab.*]); the patterns below are
# built from them where a plain alternation of the words is meant
# --------------------------------------------------------------------------------------------

_VOCAB: dict[str, Any] = resource("en", "time")["vocab"]

_MONTHS: dict[str, int] = dict(_VOCAB["months"])
_MONTH_ABBR: dict[str, int] = dict(_VOCAB["month_abbreviations"])
_WEEKDAYS: dict[str, int] = dict(_VOCAB["weekdays"])
_SEASONS: dict[str, str] = dict(_VOCAB["seasons"])
_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}  # WI = Dec..Feb, counted with December's year
_ORDINALS: dict[str, int] = dict(_VOCAB["ordinals"])
_NUMBERS: dict[str, float] = dict(_VOCAB["numbers"])
_VAGUE_NUMBERS = frozenset(_VOCAB["vague_numbers"])
_DECADE_WORDS: dict[str, int] = dict(_VOCAB["decade_words"])
_UNITS: dict[str, str] = dict(_VOCAB["units"])
_PART_OF_DAY: dict[str, str] = dict(_VOCAB["parts_of_day"])

_MONTH_FULL_RE = "(?:" + "|".join(w.capitalize() for w in _MONTHS) + ")"
_MONTH_ABBR_RE = "(?:" + "|".join(w.capitalize() for w in _MONTH_ABBR) + r")\.?"
_MONTH_RE = rf"(?:{_MONTH_FULL_RE}|{_MONTH_ABBR_RE})(?![a-z])"  # a whole word: "24 Martin" holds no "24 Mar"
# a month in capitals, as datelines of web pages write it ("THURSDAY, MARCH 14, 2013, 9:31 AM")
_MONTH_CAPS_RE = (
    "(?:"
    + "|".join(w.upper() for w in _MONTHS)
    + "|(?:"
    + "|".join(w.upper() for w in _MONTH_ABBR)
    + r")\.?)"
)
_WEEKDAY_RE = "(?:" + "|".join(w.capitalize() for w in _WEEKDAYS) + ")"
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_BELOW_20 = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TEN_UNIT_RE = r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))"  # "twenty-one", "forty five"
_BELOW_100_RE = rf"(?:(?:{_TENS}){_TEN_UNIT_RE}?|{_BELOW_20})"
# "two thousand", "three hundred", "one hundred and fifty": a plain number then hundreds or thousands and the rest
_HUNDREDS_RE = rf"(?:[- ](?:hundred|thousand)(?:[- ](?:and )?{_BELOW_100_RE})?)?"


def _by_first_letter(alternatives: list[str]) -> str:
    """The alternation of ``alternatives`` (regex sources, each opening with a plain letter) with those that open
    with the same letter under one branch, each letter's in their order: "t(?:en|wo)|o(?:ne)" for "ten", "one",
    "two". It matches what ``"|".join(alternatives)`` matches, trying them in the same order (alternatives that
    open with different letters never match at one place); inside ``(?i:...)``, where the regex engine tries
    every alternative of an alternation at every place (it skips one on its first character only when the
    character is matched exactly), it tries one alternative per letter there."""
    by_letter: dict[str, list[str]] = {}
    for alt in alternatives:
        if not alt[:1].isalpha():
            raise ValueError(f"an alternative that opens with no plain letter: {alt!r}")
        by_letter.setdefault(alt[0], []).append(alt[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in by_letter.items()) + ")"


# a number in words: the parts of a unit first ("three quarters of an hour": tried before "three", which would
# leave "of an hour"), the plain numbers with their hundreds or thousands, then "(a/one) hundred", "a couple",
# "half an", "a quarter", "a dozen", "a(n)", in this order (``_by_first_letter`` keeps it)
_NUM_WORD_RE = _by_first_letter(
    [
        "three[- ]quarters of an?",
        *(f"{w}{_TEN_UNIT_RE}?{_HUNDREDS_RE}" for w in _TENS.split("|")),
        *(f"{w}{_HUNDREDS_RE}" for w in _BELOW_20.split("|")),
        *"a hundred|one hundred|hundred|a thousand|one thousand|thousand".split("|"),
        *"a couple(?: of)?|couple of|half an?|a half|a quarter(?: of an?)?|a dozen|dozen|an?".split("|"),
    ]
)
# "2,500 years": a thousands separator is part of the number, not a boundary before "500"
_NUM_RE = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{_NUM_WORD_RE})"
_VAGUE_RE = r"(?:a few|few|several|many|some|a number of|numerous)"
_UNIT_RE = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|millenni(?:um|a))"


def _ci(words: str) -> str:
    """Case-insensitive group for keyword alternations inside case-sensitive patterns."""
    return f"(?i:{words})"


# patterns used inside rules and the tagging loop, compiled once (a call to re.match(<str>, ...)
# looks its pattern up in re's cache every time, and other libraries can push it out of that cache)
_NON_DIGIT = re.compile(r"\D")
_LOWER_WORD_AFTER = re.compile(r"\s+([a-z]+)")
_PRE_POST_BEFORE = re.compile(r"(?i:\b(?:pre|post)-)$")
_YEAR_VALUE = re.compile(r"\d{4}")
_MONTH_VALUE = re.compile(r"\d{4}-\d\d")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_SPACES_DASHES = re.compile(r"[\s-]+")
_SPACES = re.compile(r"\s+")
_EVERY_BEFORE = re.compile(r"(?i:\b(?:every|each)\s+)$")
_YEARLIKE_NUMBER = re.compile(r"(?:1[6-9]|20)\d\d")
# the value of an "N units ago" point: a year, a month, an ISO week or a day (what an amount prefix may join)
_AGO_POINT_VALUE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?$")
_QUARTER_VALUE = re.compile(r"\d{4}-Q\d$")
_QX_VALUE = re.compile(r"\d{4}-QX")
_PART_TAIL = re.compile(r"^(?:\d{4}|XXXX)-(\d\d|SP|SU|FA|WI)$")  # a month or a season, not a day
_FIXED_TEXT = re.compile(r"\d{4}|(?i:last|next|this)")
_YMD_VALUE = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")
_DAY_VALUE_OPEN = re.compile(r"(\d{4}|XXXX)-(\d\d)-(\d\d)")


# --------------------------------------------------------------------------------------------
# Helpers for dates
# --------------------------------------------------------------------------------------------


def _month_num(s: str) -> int:
    s = s.lower().rstrip(".")
    return _MONTHS.get(s) or _MONTH_ABBR[s]


_GROUPED_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_NUMBER_PARTS_SEP = re.compile(r"[- ]+")


def _number(s: str) -> float | None:
    s = s.lower().strip()
    if not s:
        return None
    try:
        return float(s.replace(",", "") if _GROUPED_DIGITS.fullmatch(s) else s)
    except ValueError:
        pass
    if s in _NUMBERS:
        return _NUMBERS[s]
    parts = [p for p in _NUMBER_PARTS_SEP.split(s) if p != "and"]
    if not parts or any(p not in _NUMBERS for p in parts):
        return None
    # "twenty-five" adds up; "two hundred", "three thousand" multiply what comes before them
    total = current = 0.0
    for p in parts:
        if p in ("hundred", "thousand"):
            current = (current or 1) * _NUMBERS[p]
            if p == "thousand":
                total, current = total + current, 0.0
        else:
            current += _NUMBERS[p]
    return total + current


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    m = d.year * 12 + d.month - 1 + n
    return m // 12, m % 12 + 1


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _season_of(d: dt.date) -> tuple[int, str]:
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


def _season_year(anchor: dt.date, code: str, step: int) -> int:
    """The year of the season ``code`` ("SP", "SU", "FA", "WI") named with "last" (step -1), "next" (+1) or
    "this" (0), by meteorological seasons (as ``_season_of``; HeidelTime's news convention, a season by the
    paper's month): "last summer" is the latest summer before the paper's season (in a September paper that
    year's), "next spring" the first after it, "this summer" the anchor year's, "this winter" the one under way
    or the coming one. The engines of every language read seasons through this one function."""
    cy, cs = _season_of(anchor)
    cur = cy * 4 + _SEASON_ORDER[cs]
    order = _SEASON_ORDER[code]
    cands = [y * 4 + order for y in range(anchor.year - 2, anchor.year + 3)]
    if step < 0:
        i = max(c for c in cands if c < cur)
    elif step > 0:
        i = min(c for c in cands if c > cur)
    elif code != "WI":
        i = anchor.year * 4 + order
    else:
        i = cur if cs == "WI" else min(c for c in cands if c >= cur)
    return i // 4


def _nearest_year(month: int, day: int | None, anchor: dt.date, tense_of: Callable[[], str | None]) -> int:
    """Year for a month (and day) without a year: the occurrence nearest the anchor, moved one
    year when the clause tense points the other way (a future clause and a date clearly before
    the anchor, or a past clause and a date clearly after it). ``tense_of`` gives the tense: it is
    asked only when the occurrence lies clearly before or after the anchor (reading a clause costs)."""
    d = day or 1

    def when(y: int) -> dt.date:
        # every month has a 28th: the month's length is read only for a later day ("Feb. 29", "April 31")
        return dt.date(y, month, d if d <= 28 else min(d, calendar.monthrange(y, month)[1]))

    # the three candidates' dates, each made once (the nearest one's distance is read again below)
    days = {y: when(y) for y in (anchor.year, anchor.year - 1, anchor.year + 1)}
    if day is None:
        # a month alone is nearest by months ("July" on 31 December is the July five months gone, not the
        # one seven months ahead, although its first day is a day nearer); a tie by days, as a day is read
        best = min(
            days,
            key=lambda y: (abs((y - anchor.year) * 12 + month - anchor.month), abs((days[y] - anchor).days)),
        )
    else:
        best = min(days, key=lambda y: (abs((days[y] - anchor).days), y != anchor.year))
    delta = (days[best] - anchor).days
    # a whole month before/after the anchor's month, or 2+ weeks for a day
    if day is None:
        months = (best - anchor.year) * 12 + month - anchor.month
        if months < 0 and tense_of() == "FUT":
            best += 1
        elif months > 0 and tense_of() == "PAST":
            best -= 1
    else:
        if delta < -14 and tense_of() == "FUT":
            best += 1
        elif delta > 14 and tense_of() == "PAST":
            best -= 1
    return best


def _ended_year(month: int, day: int, anchor: dt.date, done: bool) -> int:
    """Year of the end date of an accounting period: "the quarter ended Oct. 31" (``done``) is over,
    so it is the last Oct. 31 on or before the anchor; "ending June 30" may lie ahead."""
    if not done:
        return _nearest_year(month, day, anchor, lambda: "PAST")
    y = anchor.year
    if (month, day) > (anchor.month, anchor.day):
        y -= 1
    return y


def _weekday_date(wd: int, anchor: dt.date, direction: str) -> dt.date:
    """direction: 'past' (on or before), 'future' (on or after), 'last' (strictly before),
    'next' (strictly after)."""
    diff = wd - anchor.weekday()
    if direction == "past":
        return anchor + dt.timedelta(days=diff if diff <= 0 else diff - 7)
    if direction == "future":
        return anchor + dt.timedelta(days=diff if diff >= 0 else diff + 7)
    if direction == "last":
        return anchor + dt.timedelta(days=diff if diff < 0 else diff - 7)
    return anchor + dt.timedelta(days=diff if diff > 0 else diff + 7)


def _fmt_date(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _may_end_in(before: str, words: tuple[str, ...]) -> bool:
    """Whether ``before`` can end in one of ``words`` (of ASCII letters) and whitespace: the end of a
    match of a ``...(?:words)\\s+$`` regex in ``before`` (a cheap test before the search). A tail that
    is not ASCII, where the regex's case folding differs from ``str.lower``, gives True."""
    if not before[-1:].isspace():
        return False  # ``\\s+$`` (also before a final newline, which is whitespace too)
    tail = before.rstrip()[-_longest(words) :]
    return not tail.isascii() or tail.lower().endswith(words)


@functools.lru_cache(maxsize=64)
def _longest(words: tuple[str, ...]) -> int:
    """The length of the longest of ``words``: read once for each word list :func:`_may_end_in` is given (the
    lists are the modules' constants), not at every call."""
    return max(map(len, words))


_DEADLINE_WORDS = ("as", "than", "to", "until", "till", "on")  # the ends of _DEADLINE_BEFORE
# the ends of _DAY_RELATION_BEFORE
_DAY_RELATION_WORDS = ("of", "beginning", "starting", "commencing", "on", "before", "after")

_MONTH_NAME = re.compile(rf"\b{_MONTH_RE}")
