"""Rules for times of day, holidays, weekends, "the year" and spoken years."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from factcheck.lang import ResourceError
from factcheck.temporal.rules_dates import _Ctx, _resolver, _Result, _tense_of
from factcheck.temporal.rules_relative import _rel_value, _weekday_by_tense
from factcheck.temporal.vocab import (
    _MONTH_CAPS_RE,
    _MONTH_RE,
    _NUMBERS,
    _SPACES,
    _VOCAB,
    _WEEKDAY_RE,
    _WEEKDAYS,
    _fmt_date,
    _iso_week,
    _nearest_year,
    _weekday_date,
)

# ---- times of day ------------------------------------------------------------------------


@_resolver("time")  # pattern and examples: time.toml, rule time
def _time(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    a = ctx.anchor
    if m["noon"] and ctx.text[max(0, m.start() - 5) : m.start()].lower() == "high ":
        return None
    if m["noon"]:
        # midnight ends the day it is named with ("the offer expires at midnight Friday"): TimeML's T24:00
        hh, mi = (12, 0) if m["noon"].lower() in ("noon", "midday") else (24, 0)
    elif m["hh"] is not None:
        before = ctx.text[max(0, m.start() - 1) : m.start()]
        if before.isdigit() or before in ":.":
            return None
        tz = m["tz2"] or m["tz3"]
        if not tz and (
            m["frac"]
            or (
                m["ss"]
                and (
                    _RACE_CUE.search(ctx.text, max(0, m.start() - 30), m.start())
                    # a time of day is "at" 2:09:44; "in" 2:09:44 is the time something took
                    or _IN_BEFORE_READING.search(ctx.text, max(0, m.start() - 4), m.start())
                )
            )
        ):
            return "DURATION", _stopwatch(m), None  # a race or lap time: "in 2:03:45", "1:59.40"
        if m["ss"] is None and _RACE_CUE.search(ctx.text, max(0, m.start() - 30), m.start()):
            return "DURATION", _stopwatch(m), None  # "a lap time of 1:23"
        if not tz and _GAME_CLOCK_AFTER.match(ctx.text, m.end()):
            return "DURATION", _stopwatch(m), None  # a game clock: "with 4:48 remaining in the game"
        hh, mi = int(m["hh"]), int(m["mm"])
    else:
        hh = int(m["h"]) % 12 + (12 if m["ap"][0].lower() == "p" else 0)
        mi = int(m["mi"] or 0)
    day: dt.date | None = a
    wd = m["wd"] or m["wd2"]
    if wd and a is not None:
        w = wd.lower()
        if w in _WEEKDAYS:
            day = _weekday_by_tense(_WEEKDAYS[w], a, ctx.text, m.start(), m.end())  # as a bare weekday
        else:
            day = a + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[w])
    elif wd:
        day = (
            None  # "at 1:30 a.m. Sunday" with no anchor: the day it names, which no date places, not another
        )
    else:
        day = _clock_day(m, ctx, bare=m["hh"] is not None and not (m["tz2"] or m["tz3"]))
        if hh == 24 and day is not None and day == a and _tense_of(m, ctx) == "PAST":
            hh = 0  # "shortly after midnight a neighbour called": the midnight that began the day of the report
    base = _fmt_date(day) if day else "XXXX-XX-XX"
    return "TIME", f"{base}T{hh:02d}:{mi:02d}{_utc(m)}", None


_RACE_CUE = re.compile(
    r"(?i:\b(?:" + "|".join(re.escape(c).replace("\\ ", r"\s+") for c in _VOCAB["race_time_cues"]) + r")\s+)$"
)
_IN_BEFORE_READING = re.compile(r"(?i:\bin\s+)$")
_GAME_CLOCK_AFTER = re.compile(
    r"(?i:\s+(?:"
    + "|".join(re.escape(c).replace("\\ ", r"\s+") for c in _VOCAB["game_clock_after"])
    + r")\b)"
)
_DAY_NAMED = re.compile(
    rf"\b(?:{_WEEKDAY_RE}|(?:{_MONTH_RE}|{_MONTH_CAPS_RE})\s+\d|\d{{1,2}}\s+{_MONTH_RE}|(?i:today|yesterday|tomorrow|tonight))"
)


def _names_day(text: str, start: int, end: int, day: dt.date) -> bool:
    """Whether text[start:end] names a day that may be ``day``: a date, "today", or ``day``'s own weekday. Another
    weekday names another day, one left unresolved without an anchor ("killed a woman in Queens Friday night" under
    a dateline of Saturday, September 14: a clock time after it is not on the Saturday)."""
    for named in _DAY_NAMED.finditer(text, start, end):
        weekday = _WEEKDAYS.get(named.group().lower())
        if weekday is None or weekday == day.weekday():
            return True
    return False


def _utc(m: re.Match[str]) -> str:
    """ISO 8601's UTC designator "Z" for a clock time written in UTC or GMT ("16:08 UTC" is T16:08Z, as
    TIMEX3 values are ISO 8601); "" for any other zone, whose offset changes with the season, and none."""
    groups = m.groupdict()
    zone = groups.get("tz") or groups.get("tz2") or groups.get("tz3") or ""
    return "Z" if zone.upper() in ("UTC", "GMT") else ""


def _stopwatch(m: re.Match[str]) -> str:
    """The duration of a race time: h:mm:ss, m:ss.ff or m:ss."""
    a, b = int(m["hh"]), int(m["mm"])
    frac = f".{m['frac']}" if m["frac"] else ""
    if m["ss"] is not None:
        return f"PT{a}H{b}M{int(m['ss'])}{frac}S" if a else f"PT{b}M{int(m['ss'])}{frac}S"
    return f"PT{a}M{b}{frac}S" if a else f"PT{b}{frac}S"


_ALONE_ON_LINE = re.compile(r"[^\S\n]*[.:]?[^\S\n]*")


def _clock_day(m: re.Match[str], ctx: _Ctx, bare: bool = False) -> dt.date | None:
    """The day of a clock time that names none: the day last named, when that was in the same paragraph
    or within a week of the anchor (the story's day); else the anchor for an English clock time ("6 p.m.",
    "noon", "10:30 GMT"), and no day for a bare "6:00", which states none (a foreign "las 6:00", a
    schedule). Never a day the text does not give. A clock time alone on its line is a live report's time stamp
    ("9:34 p.m." over each entry of AP's "The Latest"): the story's day, whatever day the text named before."""
    a = ctx.anchor
    if (
        a is not None
        and not bare
        and _ALONE_ON_LINE.fullmatch(ctx.text, ctx.text.rfind("\n", 0, m.start()) + 1, m.start())
    ):
        end = ctx.text.find("\n", m.end())
        if _ALONE_ON_LINE.fullmatch(ctx.text, m.end(), len(ctx.text) if end < 0 else end):
            return a
    if ctx.last_ref is not None:
        para = ctx.text.rfind("\n", 0, m.start()) + 1
        if _names_day(ctx.text, para, m.start(), ctx.last_ref) or (
            a is not None and abs((ctx.last_ref - a).days) <= 7
        ):
            return ctx.last_ref
        # news paragraphs are a sentence or two: a past event's clock time in the paragraph after the one
        # that names the story's day is on that day ("The quake struck on March 3.\nIt hit at 2:46 p.m."),
        # not on the publication day, which the past tense rules out
        prev = ctx.text.rfind("\n", 0, max(0, para - 1)) + 1
        if (
            para
            and (a is None or ctx.last_ref < a)
            and _names_day(ctx.text, prev, para, ctx.last_ref)
            and _tense_of(m, ctx) == "PAST"
        ):
            return ctx.last_ref
    return None if bare else a


@_resolver("military_time")  # pattern and examples: time.toml, rule military_time
def _military_time(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "at 1230 hours": a clock time on the day the text is about (as for "12:30")."""
    day = _clock_day(m, ctx)
    base = _fmt_date(day) if day else "XXXX-XX-XX"
    return "TIME", f"{base}T{m['hh']}:{m['mm']}{_utc(m)}", None


_CLOCK_WORDS: dict[str, int] = dict(_VOCAB["clock_words"])
_CLOCK_PREP_BEFORE = re.compile(r"(?i:\b(?:at|by|until|till|before|after|around|about)\s+)$")


@_resolver("clock_in_part")  # pattern and examples: time.toml, rule clock_in_part
def _clock_in_part(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "at 4 in the morning", "eight o'clock in the evening"."""
    if not _CLOCK_PREP_BEFORE.search(ctx.text[max(0, m.start() - 8) : m.start()]):
        return None  # "two in the morning session": a count, not a clock time
    h = m["h"].lower()
    hh = int(h) if h.isdigit() else _CLOCK_WORDS[h]
    part = m["p"].lower()
    if part == "morning":
        hh %= 12
    elif part in ("afternoon", "evening") or (part == "night" and hh >= 6):
        hh = hh % 12 + 12
    day = _clock_day(m, ctx)
    base = _fmt_date(day) if day else "XXXX-XX-XX"
    return "TIME", f"{base}T{hh:02d}:00", None


# ---- holidays ------------------------------------------------------------------------------


def _easter(y: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


_WD = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_HOLIDAY_SPEC = re.compile(
    r"(?:(?P<ymd>\d{4}-\d\d-\d\d)|(?P<md>\d\d-\d\d)|easter(?P<e>[+-]\d+)?|(?P<n>[1-5]|last) (?P<wd>mon|tue|wed|thu|fri|sat|sun) (?P<mo>\d\d)"
    r"(?: (?P<off>[+-]\d+))?)(?P<week> week)?(?P<even> even years)?"
)


def _holiday_day(spec: str) -> Callable[[int], dt.date]:
    """The day of a holiday in a given year, from its spec in time.toml [vocab.holidays]."""
    m = _HOLIDAY_SPEC.fullmatch(spec)
    if m is None:
        raise ResourceError(f"time.toml [vocab.holidays]: cannot read {spec!r}")
    if m["ymd"]:  # a day of history ("the September 11 attacks"): that day, whatever the year
        day = dt.date.fromisoformat(m["ymd"])
        return lambda y: day
    if m["md"]:
        mo, d = map(int, m["md"].split("-"))
        return lambda y: dt.date(y, mo, d)
    if m["n"] is None:
        shift = int(m["e"] or 0)
        return lambda y: _easter(y) + dt.timedelta(days=shift)
    n, wd, month, off = m["n"], _WD[m["wd"]], int(m["mo"]), int(m["off"] or 0)

    def nth(y: int) -> dt.date:
        if n == "last":
            end = dt.date(y + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            d = end - dt.timedelta(days=(end.weekday() - wd) % 7)
        else:
            first = dt.date(y, month, 1)
            d = first + dt.timedelta(days=(wd - first.weekday()) % 7, weeks=int(n) - 1)
        return d + dt.timedelta(days=off)

    return nth


_HOLIDAY_SPECS: dict[str, str] = dict(_VOCAB["holidays"])
_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    name: _holiday_day(spec) for name, spec in _HOLIDAY_SPECS.items()
}
# days of history: one date, whatever the anchor or the tense
_HISTORIC = frozenset(n for n, spec in _HOLIDAY_SPECS.items() if re.fullmatch(r"\d{4}-\d\d-\d\d", spec))
# feasts that move with Easter or a weekday: their value depends on the year, so without an anchor it stays open
_MOVEABLE = frozenset(
    n for n, spec in _HOLIDAY_SPECS.items() if not re.fullmatch(r"\d\d-\d\d", spec) and n not in _HISTORIC
)
_HOLY_WEEK = frozenset(n for n, spec in _HOLIDAY_SPECS.items() if spec.endswith(" week"))
# days held only in even years (the US federal Election Day): the nearest such year's day
_EVEN_YEARS = frozenset(n for n, spec in _HOLIDAY_SPECS.items() if spec.endswith(" even years"))


def _holiday_re(name: str) -> str:
    """A holiday's name as written: capitalised, its later words also in lower case, either apostrophe."""
    words = name.split()
    out = [re.escape(words[0].capitalize())] + [
        f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in words[1:]
    ]
    return r"\s+".join(out).replace("'", "['’]")


_HOLIDAY_RE = "|".join(_holiday_re(n) for n in sorted(_HOLIDAYS, key=len, reverse=True))


_HOLIDAY_PREP_BEFORE = re.compile(
    r"(?i:\b(?:on|at|over|before|after|by|until|till|since|during|around|for|from|through|throughout|in|near|"
    r"ahead\s+of|past|into)\s+(?:the\s+)?)$"
)


@_resolver("holiday")  # pattern and examples: time.toml, rule holiday
def _holiday(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    name = _SPACES.sub(" ", m["h"].lower().replace("’", "'"))
    fn = _HOLIDAYS[name]
    week = name in _HOLY_WEEK

    def out(d: dt.date) -> _Result:
        return "DATE", (_iso_week(d) if week else _fmt_date(d)), None

    if name in _HISTORIC:
        return out(fn(0))
    if m["y"]:
        return out(fn(int(m["y"])))
    a = ctx.anchor
    if m["ry"] and a is not None:  # "Easter last year"
        return out(fn(a.year + {"this": 0, "last": -1, "next": 1}[m["ry"].lower()]))
    if a is None:
        if week or name in _MOVEABLE:
            return "DATE", "XXXX-WXX" if week else "XXXX-XX-XX", None
        d0 = fn(2001)
        return "DATE", f"XXXX-{d0.month:02d}-{d0.day:02d}", None
    # only a time adverbial ("on Election Day", "before Christmas") takes its clause's tense; a holiday that is a
    # verb's subject or object is the nearest one, whatever the verb's tense ("Trump may have confused Election
    # Day with the debate" a month before it, "as Election Day nears")
    adverbial = _HOLIDAY_PREP_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
    tense = _tense_of(m, ctx) if adverbial else None
    if name in _MOVEABLE or week:
        # the nearest occurrence (moved a year against the tense), each year's own date
        if name in _EVEN_YEARS:
            even = a.year + a.year % 2  # the anchor's year or the next, whichever is even
            years = (even - 2, even, even + 2)
        else:
            years = (a.year - 1, a.year, a.year + 1)
        cands = [fn(y) for y in years]
        if week:
            cands = [c + dt.timedelta(days=6) for c in cands]  # the week lasts until Sunday
        best = min(cands, key=lambda c: abs((c - a).days))
        i = cands.index(best)
        # the tense moves it to the occurrence before or after, if that lies within a year of the anchor (an Election
        # Day two years back is no past reading of "violence on Election Day" a month before it)
        if tense == "FUT" and (best - a).days < -14 and i < len(cands) - 1 and (cands[i + 1] - a).days <= 366:
            best = cands[i + 1]
        elif tense == "PAST" and (best - a).days > 14 and i > 0 and (a - cands[i - 1]).days <= 366:
            best = cands[i - 1]
        return out(best - dt.timedelta(days=6) if week else best)
    d0 = fn(a.year)
    y = _nearest_year(d0.month, d0.day, a, lambda: tense)
    return out(fn(y))


# ---- weekends, "the year", "year-earlier", spoken years ------------------------------------


@_resolver("weekend")  # pattern and examples: time.toml, rule weekend
def _weekend(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    a = ctx.anchor
    p = m["p"].lower()
    if a is None:
        return "DATE", "XXXX-WXX-WE", None
    if p in ("next", "coming", "this coming"):
        d = _weekday_date(5, a, "next")
    elif p in ("last", "past", "this past"):
        d = _weekday_date(5, a, "last") if a.weekday() >= 5 else _weekday_date(5, a, "past")
    else:
        tense = _tense_of(m, ctx)
        if tense == "FUT":
            d = a if a.weekday() >= 5 else _weekday_date(5, a, "future")
        else:
            d = a if a.weekday() >= 5 else _weekday_date(5, a, "past")
    return "DATE", _iso_week(d) + "-WE", None


# "the rest of the year", "the first half of the year": a part of that year; "player of the year" is not one
_PART_OF_BEFORE = re.compile(r"(?:months|weeks|days|half|part|quarter|quarters|rest|remainder|balance)\s+$")


@_resolver("the_year")  # pattern and examples: time.toml, rule the_year
def _the_year(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    a = ctx.anchor
    if m["ago"]:
        if a is None:
            return "DATE", "XXXX", None
        return "DATE", str(a.year - 1), None
    if m["u"]:
        unit = m["u"].lower()
        if a is None:
            return (
                "DATE",
                {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "day": "XXXX-XX-XX"}[unit],
                None,
            )
        if unit == "day":
            # "later in the day" is the day the story is telling, as a clock time is: the day last named
            # when it is the story's ("Shares rose on Tuesday morning, before falling later in the day")
            return "DATE", _fmt_date(_clock_day(m, ctx) or a), None
        return "DATE", _rel_value(unit, 0, a), None
    g = m.group(0).lower()
    if m["ended"]:
        return "DURATION", "P1Y", None
    if m["of"] and not m["adj"]:
        before = ctx.text[max(0, m.start() - 30) : m.start()].lower()
        if not _PART_OF_BEFORE.search(before):
            return None  # "player of the year"
    elif not (m["adj"] or g.startswith("for")):
        return None
    if (m["adj"] or "").lower() == "same":
        return None
    if a is None:
        return "DATE", "XXXX", None
    return "DATE", str(a.year), None


_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS_TENS = (
    "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)


_PLURAL_AFTER = re.compile(r"\s+(?!has\b|was\b|is\b)[a-z]+s\b")  # "two thousand troops"


@_resolver("spoken_year")  # pattern and examples: time.toml, rule spoken_year
def _spoken_year(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    if m["c"]:
        base = 1900 if m["c"].lower() == "nineteen" else 1800
        t = _NUMBERS[m["t"].lower()]
        u = _NUMBERS[m["u"].lower()] if m["u"] else 0
        if t < 10 or (u and t < 20):
            return None
        y = base + t + u
    else:
        if not m.group(0).lower().startswith("the year") and not m["t2"]:
            return None  # "two thousand troops"
        t = _NUMBERS[m["t2"].lower()] if m["t2"] else 0
        u = _NUMBERS[m["u2"].lower()] if m["u2"] else 0
        y = 2000 + t + u
        after = ctx.text[m.end() : m.end() + 14]
        if _PLURAL_AFTER.match(after):
            return None
    ctx.note(int(y))
    return "DATE", str(int(y)), None
