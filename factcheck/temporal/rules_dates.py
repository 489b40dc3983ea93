"""Rule registry and the rules for explicit dates, months, years, decades, seasons, days of the month, quarters and halves."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from factcheck.sentences import ABBREVIATIONS
from factcheck.temporal.tense import _tense, follows_scheduled_event, names_scheduled_event
from factcheck.temporal.vocab import (
    _DECADE_WORDS,
    _LOWER_WORD_AFTER,
    _MONTH_NAME,
    _MONTH_RE,
    _NON_DIGIT,
    _ORDINALS,
    _PRE_POST_BEFORE,
    _SEASON_ORDER,
    _SEASONS,
    _SPACES,
    _VOCAB,
    _WEEKDAYS,
    _add_months,
    _ended_year,
    _fmt_date,
    _month_num,
    _nearest_year,
    _number,
    _quarter,
    _safe_date,
    _season_of,
    _season_year,
    _weekday_date,
)

# --------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Ctx:
    text: str
    anchor: dt.date | None
    last_ref: dt.date | None = None  # last day-level date, for "the next day"
    last_month: tuple[int, int] | None = None  # last month-level date, for "the following month"
    last_year: int | None = None  # last year mentioned, for "later that year"
    at: int = 0  # where the match being resolved starts (the engine sets it)
    year_at: int = 0  # where the match that named ``last_year`` starts
    # the year each month-day got in this text: "Feb. 9" said twice is one day, whatever the tense
    day_years: dict[tuple[int, int], int] = field(default_factory=dict)

    def note(self, y: int, mo: int | None = None, d: dt.date | None = None) -> None:
        self.last_year = y
        self.year_at = self.at
        if mo is not None:
            self.last_month = (y, mo)
        if d is not None:
            self.last_ref = d

    def recent_year(self) -> int | None:
        """The year last named when it was named in the sentence of the match being resolved or in the one
        before: the story's time an anaphoric "N years earlier" or "that fall" counts from; None otherwise."""
        if self.last_year is None or _sentence_ends(self.text, self.year_at, self.at) > 1:
            return None
        return self.last_year


# a sentence's end: the word before it, its mark, a closing quotation mark or bracket (a new paragraph is no second
# end)
_FULL_STOP = re.compile(r"(\w+(?:\.\w+)*)?([.!?])[\"”’')]*\s")


def _sentence_ends(text: str, start: int, end: int) -> int:
    """How many sentences end between ``start`` and ``end``, up to 2: an abbreviation's or an initial's full stop
    ("Mr. Obama", "Joseph R. Biden", "the U.S. Senate") ends none."""
    n = 0
    for m in _FULL_STOP.finditer(text, start, end):
        word = m[1] or ""
        if m[2] == "." and (len(word) == 1 or word.lower() in ABBREVIATIONS):
            continue
        n += 1
        if n > 1:
            break
    return n


_Result = tuple[str, str, str | None]  # type, value, mod
_Handler = Callable[[re.Match[str], _Ctx], _Result | None]


# the procedural steps that rules written as data name with ``resolver = "..."`` (time.toml): anchoring,
# tense direction, granularity arithmetic and the vetoes that read the words around a match stay code; the
# pattern, its trigger words and its examples are data
_RESOLVERS: dict[str, _Handler] = {}


def _resolver(name: str) -> Callable[[_Handler], _Handler]:
    def deco(fn: _Handler) -> _Handler:
        _RESOLVERS[name] = fn
        return fn

    return deco


def _tense_of(m: re.Match[str], ctx: _Ctx) -> str | None:
    return _tense(ctx.text, m.start(), m.end())


# ---- explicit dates ------------------------------------------------------------------------


@_resolver("iso_date")  # pattern and examples: time.toml, rule iso_date
def _iso(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["h"]:
        return "TIME", f"{_fmt_date(d)}T{m['h']}:{m['mi']}", None
    return "DATE", _fmt_date(d), None


@_resolver("slash_date")  # pattern and examples: time.toml, rule slash_date
def _slash(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    a, b = int(m["a"]), int(m["b"])
    y = int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    # US order first, day-first when the first number cannot be a month
    d = _safe_date(y, a, b) if a <= 12 else _safe_date(y, b, a)
    if d is None:
        return None
    return "DATE", _fmt_date(d), None


_DAY_WORDS = {
    w: i + 1
    for i, w in enumerate(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split()
    )
}
_DAY_WORDS.update({f"twenty-{w}": 20 + i for w, i in list(_DAY_WORDS.items())[:9]})
_DAY_WORDS.update({"thirtieth": 30, "thirty-first": 31})
# a day spelled out, as broadcast transcripts write it: "March eighth", "May twenty-first"
_DAY_WORD_RE = "(?:" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)) + ")"


@_resolver("explicit_date")  # pattern and examples: time.toml, rule explicit_date
def _explicit(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    g = m.groupdict()  # rule explicit_date_caps has only the groups of the first branch
    mon = _month_num(g["mon"] or g.get("mon2") or g.get("mon3") or "")
    dw = g.get("dw") or g.get("dw2")
    day = _DAY_WORDS[dw.lower()] if dw else int(_NON_DIGIT.sub("", g["day"] or g.get("day2") or ""))
    if g.get("ty") and ctx.last_year is not None:
        y = ctx.last_year  # "March 3 of that year": the year last named
    elif m["year"]:
        y = int(m["year"])
    else:
        y = None
    if y is not None:
        if _safe_date(y, mon, day) is None:
            return None
        d = dt.date(y, mon, day)
        ctx.note(d.year, d.month, d)
        ctx.day_years.setdefault((mon, day), y)
        return "DATE", _fmt_date(d), None
    if day > calendar.monthrange(2000, mon)[1]:
        return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{mon:02d}-{day:02d}", None
    if (mon, day) in ctx.day_years:
        y = ctx.day_years[(mon, day)]  # the same day named again in this text
    else:
        if _ENDED_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()):
            y = _ended_year(mon, day, ctx.anchor, True)  # "the quarter ended Oct. 31": over by now
        elif names_scheduled_event(ctx.text, m.start(), m.end()) or follows_scheduled_event(
            ctx.text, m.start()
        ):
            # a day that names its event ("the Nov. 8 election", "a March 1 caucus", "the Iowa caucuses Feb. 1")
            # is the nearest one: the clause's tense tells when the clause's act happened ("said Russia engineered
            # the release to influence the Nov. 8 election", "led the field before the Iowa caucuses Feb. 1"), not
            # the event's day
            y = _nearest_year(mon, day, ctx.anchor, lambda: None)
        else:
            y = _nearest_year(mon, day, ctx.anchor, lambda: _tense_of(m, ctx))
        if g.get("wd"):
            # "Tuesday, Nov. 5": the weekday names the year, the nearest of the tense's one and its neighbours
            y = _weekday_year(y, mon, day, _WEEKDAYS[m["wd"].lower()])
    d2 = _safe_date(y, mon, day)
    if d2 is None:
        return None
    ctx.day_years.setdefault((mon, day), y)
    ctx.note(y, mon, d2)
    return "DATE", _fmt_date(d2), None


def _weekday_year(y: int, mon: int, day: int, wd: int) -> int:
    """``y``, or the year before or after it, whichever puts ``mon``/``day`` on weekday ``wd`` (``y`` when
    none does: the weekday is then wrong in the text)."""
    for c in (y, y - 1, y + 1):
        d = _safe_date(c, mon, day)
        if d is not None and d.weekday() == wd:
            return c
    return y


_ENDED_BEFORE = re.compile(r"(?i:\bended\s+(?:on\s+)?)$")


@_resolver("weekdays_ago")  # pattern and examples: time.toml, rule weekdays_ago
def _weekdays_ago(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "two Sundays ago": the last such weekday before the anchor is one ago, each further one a week back."""
    n = _number(m["n"])
    if n is None or n != int(n) or not 1 <= n <= 52 or ctx.anchor is None:
        return None
    d = _weekday_date(_WEEKDAYS[m["wd"].lower()], ctx.anchor, "last") - dt.timedelta(weeks=int(n) - 1)
    ctx.note(d.year, d.month, d)
    return "DATE", _fmt_date(d), None


# ---- month (+ year), relative months --------------------------------------------------------

_TITLE_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Lord|Lady|Theresa|Brian)\.?\s+)$")
# "May" the month or the modal: the finite verbs and the other words after a month (time.toml [vocab])
_AFTER_MONTH_OK = frozenset(_VOCAB["after_month_ok"])
_MAY_FINITE = frozenset(_VOCAB["may_finite"])
# after these no modal verb (nor, in practice, a name) can stand: "the report released in May showed growth"
_MONTH_ONLY_BEFORE = re.compile(
    r"(?i:\b(?:in|since|until|till|during|through|throughout|early|mid|late)[\s-]+)$"
)
_MAY_OK_BEFORE = re.compile(
    r"(?i:\b(?:in|of|since|until|till|by|from|to|through|during|before|after|this|last|next|early|late|"
    r"mid|end|since|between|and|or|for|on|the|past|coming|every|each|until|throughout)[\s-]*)$"
)


_MONTH_PREP_BEFORE = re.compile(
    r"(?i:\b(?:in|since|until|till|by|from|through|during|early|late|mid)[\s-]+)$"
)
_MARCH_NOUN_AFTER = re.compile(r"\s+(?:" + "|".join(_VOCAB["march_nouns"]) + r")\b")


# "March for Life", "March on Washington": a bare month's next words, read before the month is taken for one
_MONTH_GUARD_AFTER = re.compile(r"\s+(?:for|of|on|against|to|in)\s+(?:the\s+)?(?P<w>[A-Z][a-z]*\.?)")


# "that November", "the following January", "that fall", "the spring of that year": a month or a season counted
# from the story's time, the year (or the month) named just before: 0 that year's, 1 the next one after it, -1 the one
# before
_NARRATIVE_STEP = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1}


def _narrative_month_year(ctx: _Ctx, y: int, mon: int, step: int) -> int:
    """The year of a month counted from the story's time, the year ``y`` named just before: that year's month
    (``step`` 0), or the first one after (1) or the last one before (-1) the month named in that year, or that year
    when none was."""
    if step == 0:
        return y
    named = ctx.last_month[1] if ctx.last_month is not None and ctx.last_month[0] == y else None
    if step > 0:
        return y if named is not None and mon > named else y + 1
    return y if named is not None and mon < named else y - 1


@_resolver("month")  # pattern and examples: time.toml, rule month
def _month(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    mon = _month_num(m["mon"])
    rel = (m["rel"] or "").lower()
    bare = not rel and not m["year"] and not m["ry"]
    if bare:
        after = ctx.text[m.end() : m.end() + 12]
        guard = _MONTH_GUARD_AFTER.match(after)
        if m["mon"] in ("March", "May") and guard and not _MONTH_NAME.fullmatch(guard["w"]):
            return None  # "March for Life", "March on Washington"; not "November to March"
        if (
            m["mon"] == "March"
            and _MARCH_NOUN_AFTER.match(ctx.text, m.end())
            and not _MONTH_PREP_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start())
        ):
            return None  # "March participants": the demonstration
    if bare and _TITLE_BEFORE.search(ctx.text[max(0, m.start() - 12) : m.start()]):
        return None  # "Mrs. May", "Mr. March": names
    if m["mon"] == "May" and bare:
        # the modal verb is followed by a bare verb ("May God help us", "and May could see a cut"); the
        # month by a preposition, a clause, or a finite verb ("May saw record rain", "May is busy")
        before = ctx.text[max(0, m.start() - 20) : m.start()]
        nxt = _LOWER_WORD_AFTER.match(ctx.text[m.end() : m.end() + 16])
        word = nxt.group(1) if nxt else ""
        if word not in _MAY_FINITE and not _MONTH_ONLY_BEFORE.search(before):
            if not _MAY_OK_BEFORE.search(before):
                return None
            if word and word not in _AFTER_MONTH_OK:
                return None
    if m["year"]:
        ctx.note(int(m["year"]), mon)
        return "DATE", f"{int(m['year']):04d}-{mon:02d}", None
    if m["ty"] and ctx.last_year is not None:
        ctx.note(ctx.last_year, mon)  # "October of that year": the year last named
        return "DATE", f"{ctx.last_year:04d}-{mon:02d}", None
    rel = _SPACES.sub(" ", rel)
    if rel == "that" and ctx.last_month is not None and ctx.last_month[1] == mon:
        y = ctx.last_month[0]  # "until October 2015 ... in that October speech": the month named before
        ctx.note(y, mon)
        return "DATE", f"{y}-{mon:02d}", None
    if rel in _NARRATIVE_STEP:
        y0 = ctx.recent_year()
        if y0 is not None:
            y = _narrative_month_year(ctx, y0, mon, _NARRATIVE_STEP[rel])
            ctx.note(y, mon)
            return "DATE", f"{y}-{mon:02d}", None
        if rel == "that":
            return "DATE", f"XXXX-{mon:02d}", None  # "He lost his job that December": a month of the story
        rel = rel[4:]  # no year named just before: "the next March" is the coming one
    a = ctx.anchor
    if a is None:
        return "DATE", f"XXXX-{mon:02d}", None
    if m["ry"]:
        k = m["ry"].split()[0].lower()
        y = a.year + {"this": 0, "last": -1, "next": 1}[k]
    elif rel in ("last", "past", "this past", "previous"):
        # the most recent one before the anchor's month: "last August" said in September is the
        # August just gone (the anchor's own month is "this August")
        y = a.year if mon < a.month else a.year - 1
    elif rel in ("next", "following", "coming", "this coming"):
        y = a.year if mon > a.month else a.year + 1
    elif rel == "this":
        y = a.year
    else:
        y = _nearest_year(mon, None, a, lambda: _tense_of(m, ctx))
    ctx.note(y, mon)
    return "DATE", f"{y}-{mon:02d}", None


_NTH_WEEK_MIDDLE: dict[str, int] = dict(_VOCAB["week_of_month_middle"])  # "the first week of June": its 4th


@_resolver("week_of_month")  # pattern and examples: time.toml, rule week_of_month
def _week_of_month(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "the first week of June", "the last week of March 2009": the ISO week holding most of that stretch of
    the month, the week of its middle day (the 4th, 11th, 18th, 25th; for the last week the fourth day from
    the month's end), in the year the month rule would give the month."""
    mon = _month_num(m["mon"])
    if m["year"]:
        y = int(m["year"])
    elif ctx.anchor is None:
        return "DATE", f"XXXX-{mon:02d}", None  # no year, no week number: the month says more than XXXX-WXX
    else:
        y = _nearest_year(mon, None, ctx.anchor, lambda: _tense_of(m, ctx))
    o = m["o"].lower()
    if o in _NTH_WEEK_MIDDLE:
        middle = dt.date(y, mon, _NTH_WEEK_MIDDLE[o])
    else:
        middle = dt.date(y, mon, calendar.monthrange(y, mon)[1]) - dt.timedelta(days=3)
    ctx.note(y, mon)
    iso_year, week, _ = middle.isocalendar()
    return "DATE", f"{iso_year}-W{week:02d}", None


# ---- years, decades, centuries --------------------------------------------------------------


_TITLE_NOUN_BEFORE = re.compile(r"(?i:\b(?:" + "|".join(_VOCAB["title_nouns"]) + r")\s+(?:[\"“‘']\s*)?)$")
_COUNT_NOUNS = frozenset(_VOCAB["count_nouns"])
# a model year: an article or owner, the number, at most two lower-case words (a colour, "used"), a vehicle
# make ("In 2008 Ford cut jobs" keeps its year)
_VEHICLE_BEFORE = re.compile(r"(?:\b(?i:a|an|the|his|her|their|its|my|our|your|this|that)|\w['’]s?)\s+$")
_VEHICLE_AFTER = re.compile(
    r"\s+(?:[a-z][a-z-]*\s+){0,2}(?:" + "|".join(re.escape(v) for v in _VOCAB["vehicle_makes"]) + r")\b"
)
_SLASH_YY = re.compile(r"/(\d\d)\b")
_DASH_Y = re.compile(r"-(\d)\b")
_QUOTED = re.compile(r"[\"“‘']")
_POSSESSIVE_NAME_BEFORE = re.compile(r"[A-Z][\w.-]*['’]s?\s+$")
_TITLE_VERB_AFTER = re.compile(
    r"\s*(?:$|[.,;:!?)”\"]|(?:won|wins|stars|starred|grossed|earned|took|takes|swept|sweeps|tells|follows|"
    r"received|receives|picked|led|leads|is|was)\b)"
)


def _is_title(m: re.Match[str], ctx: _Ctx) -> bool:
    """A year-like number that names a work: "the film 1917", "“1917”", "Sam Mendes' 1917 won"."""
    before = ctx.text[max(0, m.start() - 20) : m.start()]
    if _TITLE_NOUN_BEFORE.search(before):
        return True
    after = ctx.text[m.end() : m.end() + 12]
    if before[-1:] and _QUOTED.fullmatch(before[-1:]) and after[:1] and after[:1] in "\"”’'":
        return True  # the number alone in quotes
    return bool(_POSSESSIVE_NAME_BEFORE.search(before) and _TITLE_VERB_AFTER.match(after))


# "in about 1868", "since around 1990": a year, approximately (not a count, as "about 2000 people" is)
_PREP_APPROX_BEFORE = re.compile(
    r"(?i:\b(?:in|since|until|till|from|by|before|after|to)\s+(?:about|around|roughly|approximately|circa)\s+)$"
)


# another group of three or more digits right beside a year-like number, a space apart: a phone number
_DIGIT_GROUP_BEFORE = re.compile(r"(?<![\d,.])\d{3,}[ \u00a0]$")
_ZONE_AFTER = re.compile(r"[ \u00a0]?(?!AT\b|IT\b)(?:GMT|UTC|[A-Z]{1,3}T)\b")
_DIGIT_GROUP_AFTER = re.compile(r"[ \u00a0]\d{3,}(?![\d,.]\d)")
# a number's noun before it ("room 1200", "flight 2000", "some 1500"): a count or a name, not a year
_NUMBER_NOUN_BEFORE = re.compile(
    r"(?:no\.|number|page|room|flight|route|highway|about|some|nearly|over|than|section|article|chapter|"
    r"resolution|form|model|code|item|bill|paragraph|rule|regulation|unit|tier|version|road|street)\s*$"
)
# "no later than 2025", "rather than 2018": a comparison of times, not a count ([vocab] year_comparatives)
_COMPARED_TIME_BEFORE = re.compile(r"(?i:\b(?:" + "|".join(_VOCAB["year_comparatives"]) + r")\s+than\s+)$")
# a year-like number as a count by what stands before it ([vocab] count_containers, count_verbs, count_measures):
# "a poll of 2047 registered voters", "seized 2019 rounds of ammunition", "recruited 1500 trained soldiers"
_COUNT_OF_BEFORE = re.compile(r"(?i:\b(?:" + "|".join(_VOCAB["count_containers"]) + r")\s+of\s+)$")
_COUNT_VERB_BEFORE = re.compile(r"(?<![\w'’-])(?:[a-z]+ed|" + "|".join(_VOCAB["count_verbs"]) + r")\s+$")
_PLURAL_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?[a-z]+s\b")
_COUNTED_AFTER = re.compile(
    r"\s+(?:(?:[a-z]+\s+)?(?:" + "|".join(_VOCAB["count_nouns"]) + r")|"
    r"(?:" + "|".join(_VOCAB["count_measures"]) + r")\s+of)\b"
)
# "In 2016 voters chose", "By 2020 voters had": a preposition opening a clause makes the number its time
_CLAUSE_TIME_BEFORE = re.compile(
    r"(?:[\n.!?;:,\"“]\s*|\b(?i:and|but)\s+)(?i:" + "|".join(_VOCAB["clause_time_prepositions"]) + r")\s+$"
)


def _is_count(m: re.Match[str], ctx: _Ctx) -> bool:
    """A year-like number that counts what follows it: "2000 people", "a poll of 2047 registered voters",
    "seized 2019 rounds of ammunition"; never after a preposition opening a clause ("In 2016 voters chose")."""
    start = max(0, m.start() - 24)
    before = ("\n" if start == 0 else "") + ctx.text[start : m.start()]
    if _CLAUSE_TIME_BEFORE.search(before) or _PRE_POST_BEFORE.search(before):
        return False  # "post-1959 people", "By 2020 voters had changed their minds": a year
    nxt = _LOWER_WORD_AFTER.match(ctx.text, m.end(), m.end() + 16)
    if nxt and nxt.group(1) in _COUNT_NOUNS:
        return True  # "2000 people", "their 1500 workers"
    if _COUNT_OF_BEFORE.search(before):
        return bool(_PLURAL_AFTER.match(ctx.text, m.end()))
    return bool(_COUNT_VERB_BEFORE.search(before) and _COUNTED_AFTER.match(ctx.text, m.end()))


# a year before 1800 needs a preposition before it ("in 1776")
_OLD_YEAR_PREP_BEFORE = re.compile(r"(?:in|since|of|from|until|by|year|to|and)\s+$")


@_resolver("year")  # pattern and examples: time.toml, rule year
def _year(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    y = int(m["year"])
    if not m["fy"] and not m["s"] and _is_title(m, ctx):
        return None
    if (
        not m["fy"]
        and not m["s"]
        and _VEHICLE_AFTER.match(ctx.text, m.end())
        and _VEHICLE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
    ):
        return None  # "a 2007 silver Ford Fusion": a model year
    if not m["fy"] and (
        _DIGIT_GROUP_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
        or _DIGIT_GROUP_AFTER.match(ctx.text, m.end())
    ):
        return None  # "0151 702 2071", "555 2014 3378": one group of a phone or reference number
    if not m["fy"] and _ZONE_AFTER.match(ctx.text, m.end()):
        return None  # "1852 HKT", "2030 GMT": a clock time of 24 hours with its zone
    slash = _SLASH_YY.match(ctx.text, m.end())
    if slash and int(slash.group(1)) != (y + 1) % 100:
        return None  # "2023/17": no year range (a reference number)
    dash = _DASH_Y.match(ctx.text, m.end())
    if dash and int(dash.group(1)) != (y + 1) % 10:
        return None  # "2008-9" is a span of years; "school-2013-2" a reference
    if m["s"]:
        if y % 10 == 0:
            return "DATE", str(y // 10), None  # "the 1990s", "the 1980's"
        if m["s"] == "s":
            return None
        # "2022's heatwave", "1997's election": a possessive, the year itself (only a decade ends in 0)
    if m["s"] and not m["fy"]:
        ctx.note(y)
        return "DATE", str(y), None
    if not m["fy"] and _is_count(m, ctx):
        # "2000 people", "their 1500 workers", "a poll of 2047 registered voters": a count. Any other plural
        # noun after the number leaves it a year ("the 2016 campaigns", "the 2008 and 2012 cycles", "eyeing 2020
        # campaigns"): news writes a count of a thousand or more with a comma
        return None
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    approx = _PREP_APPROX_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
    if (
        not approx
        and _NUMBER_NOUN_BEFORE.search(before)
        and not _COMPARED_TIME_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
    ):
        return None
    if y < 1800 and not _OLD_YEAR_PREP_BEFORE.search(before):
        return None
    ctx.note(y)
    return "DATE", str(y), None


@_resolver("decade")  # pattern and examples: time.toml, rules decade and decade_short
def _decade(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    g = m.groupdict()  # rules decade and decade_short
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((g["md"] or g.get("md2") or "").lower())
    if g.get("w"):
        return "DATE", f"19{_DECADE_WORDS[m['w'].lower()]}", mod
    if g.get("c"):
        if m["d"] == "0" and m["c"] != "20":
            # "the 1800s", "the early 1900s": English means the century (the years 1800-1899), as a
            # century's number is rarely said of them; "the 2000s" is still the decade
            return "DATE", m["c"], mod
        return "DATE", f"{m['c']}{m['d']}", mod
    return "DATE", f"19{m['d2']}", mod


_CENTURY_NAME_AFTER = re.compile(r"[^\S\n]+[A-Z]")


@_resolver("century")  # pattern and examples: time.toml, rule century
def _century(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    n = int(m["n"]) if m["n"] else _DAY_WORDS[m["w"].lower()]
    if not 1 <= n <= 22:
        return None
    g = m.group(0)
    if (
        g.endswith("Century")
        and not g.lower().startswith("the")
        and _CENTURY_NAME_AFTER.match(ctx.text, m.end())
    ):
        return None  # a name: "at 21st Century Fox", "sold to 20th Century Fox" (no article, capitals)
    return "DATE", f"{n - 1:02d}", None


# ---- seasons ---------------------------------------------------------------------------------


_GENERIC_CUE = re.compile(
    r"(?i:\b(?:" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in _VOCAB["generic_cues"]) + r")\b)"
)
_SENTENCE_BOUND = re.compile(r"[.!?](?=\s)|\n")


def _generic_sentence(m: re.Match[str], ctx: _Ctx) -> bool:
    """Whether the sentence around ``m`` (at most 300 characters each side) says what usually happens ([vocab]
    generic_cues)."""
    text = ctx.text
    start, end = max(0, m.start() - 300), min(len(text), m.end() + 300)
    for bound in _SENTENCE_BOUND.finditer(text, start, m.start()):
        start = bound.end()
    after = _SENTENCE_BOUND.search(text, m.end(), end)
    return _GENERIC_CUE.search(text, start, after.start() if after else end) is not None


# a capitalised word after a capitalised season, on its line: the season is part of a name
_SEASON_NAME_AFTER = re.compile(r"[^\S\n]+[A-Z][a-z]")
_FALL_HARM_BEFORE = re.compile(r"(?i:\b(?:" + "|".join(_VOCAB["fall_harm_words"]) + r")\s+)$")


# a preposition of time before "the fall": the season ("in the fall", "during the fall", "through the fall")
_SEASON_PREP_BEFORE = re.compile(
    r"(?i:\b(?:in|during|by|until|till|through|throughout|over|since|before|after|for|into|from|of|across|all|to|toward|towards|around|at|past)\s+)$"
)
# "the summer of discontent": a season followed by "of" and no year
_OF_AFTER_SEASON = re.compile(r"\s+of\b(?!\s+(?:nineteen|eighteen|two thousand)\b)")


_FALL_NOUN_AFTER = re.compile(r"\s+(?:of|in|to|from|by|was|is)\b")


def _narrative_season(m: re.Match[str], ctx: _Ctx, code: str, pre: str) -> str | None:
    """The value of a season counted from the time last named ("that fall", "the following spring", "the spring
    of that year"); None when the season is not one."""
    if m["ry"]:
        step = _NARRATIVE_STEP.get(_SPACES.sub(" ", m["ry"].lower())[: -len(" year")])
        if step is None:
            return None  # "the spring of last year": counted from the publication date
        y = ctx.recent_year()
        return f"XXXX-{code}" if y is None else f"{y + step}-{code}"
    step = _NARRATIVE_STEP.get(pre)
    if step is None:
        return None
    y = ctx.recent_year()
    if y is None:
        # no year named just before: "that summer" is a season of the story; "the next spring" the coming one
        return f"XXXX-{code}" if step == 0 else None
    if step == 0:
        return f"{y}-{code}"
    order = _SEASON_ORDER[code]
    if ctx.last_month is not None and ctx.last_month[0] == y:
        sy, ss = _season_of(dt.date(y, ctx.last_month[1], 1))
        ref = sy * 4 + _SEASON_ORDER[ss]
    else:
        ref = y * 4 + (3 if step > 0 else 0)  # a year alone: the season after its end, or before its start
    cands = [yy * 4 + order for yy in range(y - 2, y + 3)]
    i = min(c for c in cands if c > ref) if step > 0 else max(c for c in cands if c < ref)
    return f"{i // 4}-{code}"


@_resolver("season")  # pattern and examples: time.toml, rule season
def _season(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    code = _SEASONS[m["s"].lower()]
    pre = (m["pre"] or "").lower().rstrip("-")
    harmed = _FALL_HARM_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
    if harmed and pre in ("in", "after") and m["s"].lower() == "fall" and not m["year"]:
        return None  # "Killed In Fall", "injured in fall at a park": a person's fall
    if m["year"]:
        ctx.note(int(m["year"]))
        return "DATE", f"{m['year']}-{code}", None
    if pre == "that" and m["s"].lower() == "fall" and (harmed or _FALL_NOUN_AFTER.match(ctx.text, m.end())):
        return None  # "injured in that fall", "that fall of the regime": a fall, no season
    pre = _SPACES.sub(" ", pre)
    narrative = _narrative_season(m, ctx, code, pre)
    if narrative is not None:
        return "DATE", narrative, None
    # no year named just before: "the following spring" is the coming one
    pre = {"the next": "next", "the following": "next", "the previous": "last"}.get(pre, pre)
    if (
        m["pre"]
        and m["pre"][0].islower()
        and m["s"][0].isupper()
        and _SEASON_NAME_AFTER.match(ctx.text, m.end())
    ):
        return None  # "at the Winter Meetings", "won gold at the Summer Olympics": a capitalised name in running text
    if m["ry"]:  # "the spring of last year"
        if ctx.anchor is None:
            return "DATE", f"XXXX-{code}", None
        k = {"this": 0, "last": -1, "next": 1}[m["ry"].split()[0].lower()]
        return "DATE", f"{ctx.anchor.year + k}-{code}", None
    if not pre and not (m["s"].islower() and m["s"].endswith("time")):
        # a bare "summer" is as often a name or a noun's modifier of no time; "a summertime phone call", "springtime
        # ads" name the season alone (in capitals, as often a name: "Summertime Sadness")
        return None
    if m["s"].lower() == "fall" and pre in (
        "the",
        "by",
        "until",
        "since",
        "in",
        "during",
        "early",
        "late",
        "mid",
    ):
        # "the fall of the regime", "the fall in prices"
        nxt = ctx.text[m.end() : m.end() + 4].lower()
        if nxt.startswith((" of", " in", " to", " fr", " by")):
            return None
        if pre == "the" and not _SEASON_PREP_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()):
            # "the fall" as a verb's object or a clause's subject is a person's fall: "His brother witnessed the
            # fall", "She survived the fall", "The fall was broken by a tree"; the season is "in the fall"
            return None
    if ctx.text[m.end() : m.end() + 1] == "-" or _OF_AFTER_SEASON.match(ctx.text[m.end() : m.end() + 24]):
        return None
    a = ctx.anchor
    mod = {"early": "START", "late": "END", "mid": "MID"}.get(pre)
    pre = pre.replace("'s", "")
    if a is None or (pre in ("in", "during", "the") and _generic_sentence(m, ctx)):
        return "DATE", f"XXXX-{code}", mod
    cy, cs = _season_of(a)
    cur = cy * 4 + _SEASON_ORDER[cs]
    order = _SEASON_ORDER[code]

    def idx_year(i: int) -> int:
        return i // 4

    # candidate indexes for this season around the current one
    cands = [(y * 4 + order) for y in (a.year - 2, a.year - 1, a.year, a.year + 1, a.year + 2)]
    if pre in ("last", "past", "this past", "last year"):
        i = _season_year(a, code, -1) * 4 + order
    elif pre in ("next", "coming", "this coming", "next year"):
        i = _season_year(a, code, 1) * 4 + order
    elif pre in ("this", "this year"):
        i = _season_year(a, code, 0) * 4 + order
    elif pre == "early" and order == (_SEASON_ORDER[cs] + 1) % 4 and a.month % 3 == 2:
        # the anchor is in the last month before this season: its start is at hand, whatever the tense
        # ("cold winds brought early winter temperatures" in November), not a year back
        i = cur + 1
    else:
        tense = _tense_of(m, ctx)
        if tense == "FUT":
            i = min(c for c in cands if c >= cur)
        elif tense == "PAST":
            i = max(c for c in cands if c <= cur)
        else:
            # the nearest by months, from the anchor to the season's middle month (April, July, October, January):
            # "the fall" in May is the coming one, five months ahead, not the one seven months back
            now = a.year * 12 + a.month
            i = min(cands, key=lambda c: (abs(c // 4 * 12 + 4 + 3 * (c % 4) - now), c))
    return "DATE", f"{idx_year(i)}-{code}", mod


# ---- a day of the month alone: "on the 23rd", "the 30th of this month" ----------------------


_ORDINAL = re.compile(r"(?i:1st|2nd|3rd|[04-9]th|1[0-9]th|2[1-3](?:st|nd|rd)|3[01](?:st|th))")


@_resolver("day_of_month")  # pattern and examples: time.toml, rule day_of_month
def _day_of_month(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    day = int(m["d"] or m["d2"])
    if not _ORDINAL.search(m.group(0)):
        return None  # "the 2th": not an ordinal
    a = ctx.anchor
    if a is None:
        return "DATE", f"XXXX-XX-{day:02d}", None
    if m["rel"]:
        y, mo = _add_months(a, {"this": 0, "the": 0, "next": 1, "last": -1}[m["rel"].lower()])
        d = _safe_date(y, mo, day)
        return ("DATE", _fmt_date(d), None) if d else None
    # the nearest such day; the previous or next one when the clause points that way
    tense = _tense(ctx.text, m.end("prep") + 1, m.end())  # the preposition is context: "due on"
    # a story told day by day names the month once: "The strike began on June 3. On the 5th, talks
    # resumed" is June 5 (in the month of the narrative's reference time, the day last named), not a day of
    # the anchor's month; without a day named before, the day next to the anchor the tense allows
    ref = ctx.last_ref if ctx.last_ref is not None else a
    days = sorted(
        {x for base in {a, ref} for k in (-2, -1, 0, 1, 2) if (x := _safe_date(*_add_months(base, k), day))}
    )
    if tense == "FUT":
        days = [x for x in days if x >= a]
    elif tense == "PAST":
        days = [x for x in days if x <= a]
    near = [x for x in days if (x.year, x.month) == (ref.year, ref.month)] if ref != a else []
    if near:
        d = near[0]  # the reference time's month, as HeidelTime reads a narrative
    elif tense == "FUT":
        d = min(days, default=None)
    elif tense == "PAST":
        d = max(days, default=None)
    else:
        d = min(days, key=lambda x: abs((x - a).days), default=None)
    if d is None:
        return None
    ctx.last_ref = d
    return "DATE", _fmt_date(d), None


# ---- quarters, halves ------------------------------------------------------------------------


# the lookahead of the cues' first letters lets the regex engine skip in C to where a cue can start
_GAME_CUE = re.compile(
    r"(?=(?i:[" + "".join(sorted({re.escape(c[0].lower()) for c in _VOCAB["game_cues"]})) + r"]))"
    r"(?i:\b(?:" + "|".join(re.escape(c).replace("\\ ", r"\s+") for c in _VOCAB["game_cues"]) + r")\b)"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def _game_period(m: re.Match[str], ctx: _Ctx) -> bool:
    """A quarter or half of a game, not of the calendar: a game word ([vocab] game_cues) in its sentence or
    the sentences next to it ("a touchdown early in the fourth quarter", "the first play of the second
    half", "Maxey got going in the second quarter, scoring a dozen. He grabbed four rebounds")."""
    text = ctx.text
    ends = [e.end() for e in _SENTENCE_END.finditer(text, max(0, m.start() - 400), m.start())]
    # from the sentence before (at the text's start the first sentence is the one before)
    start = ends[-2] if len(ends) >= 2 else max(0, m.start() - 400)
    nxt = list(itertools.islice(_SENTENCE_END.finditer(text, m.end(), m.end() + 400), 2))
    end = nxt[-1].start() if nxt else min(len(text), m.end() + 400)
    return (
        _GAME_CUE.search(text, start, m.start()) is not None
        or _GAME_CUE.search(text, m.end(), end) is not None
    )


@_resolver("quarter")  # pattern and examples: time.toml, rule quarter
def _quarter_rule(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    q = int(m["q"]) if m["q"] else _ORDINALS[m["o"].lower()]
    y = m["y0"] or m["y1"] or m["y2"] or m["y3"]
    if not y and not m["q"] and not m["rel"] and not m["rel0"] and _game_period(m, ctx):
        return None  # "the Colts scored in the fourth quarter"
    prefix = m.group(0).lower()
    ago = "year-earlier" in prefix or "year-ago" in prefix
    if y:
        return "DATE", f"{y}-Q{q}", None
    a = ctx.anchor
    if a is None:
        return "DATE", f"XXXX-Q{q}", None
    yy = a.year
    if m["rel"] or m["rel0"]:
        yy += {"this": 0, "last": -1, "next": 1}[(m["rel"] or m["rel0"]).lower()]
    elif ago:
        yy -= 1
    elif (ended := _QUARTER_ENDED.match(ctx.text, m.end())) is not None:
        # "the second quarter ended Oct. 31": the year of the three months up to that day (a
        # fiscal quarter keeps its own number)
        mon, day = _month_num(ended["mon"]), int(ended["d"])
        end = _safe_date(_ended_year(mon, day, a, ended["v"].lower() == "ended"), mon, day)
        if end is not None:
            yy = (end - dt.timedelta(days=45)).year
    else:
        aq = _quarter(a)
        if q > aq:
            tense = _tense_of(m, ctx)
            if tense == "PAST" or (tense is None and q - aq >= 2):
                yy -= 1
        elif aq - q >= 2 and _tense_of(m, ctx) == "FUT":
            # a future clause about a quarter two or more before the anchor's own: next year's ("will open in
            # the first quarter" in September); the quarter just ended is still reported on ("expects third-quarter
            # profit to fall" in November)
            yy += 1
    return "DATE", f"{yy}-Q{q}", None


@_resolver("the_quarter")  # pattern and examples: time.toml, rule the_quarter
def _the_quarter(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    adj = (m["adj"] or "").lower()
    rel = (m["rel"] or "").lower()
    if (
        m["u"]
        and m["u"].lower() == "period"
        and adj not in ("latest", "year-earlier", "year-ago", "latest fiscal")
        and not m["ago"]
    ):
        return None
    if m["ago"] or m["cmp"] or m["lys"]:
        # "the quarter a year ago", "the corresponding period last year", "last year's quarter"
        adj = "year-ago"
    a = ctx.anchor
    if a is None:
        return "DATE", "XXXX-QX", None
    ended = _QUARTER_ENDED.match(ctx.text, m.end())
    if ended and (m["u"] or "").lower() == "quarter" and not m["ago"]:
        # "the quarter ended July 31": the three months up to that day, named by the calendar
        # quarter holding most of them
        mon, day = _month_num(ended["mon"]), int(ended["d"])
        end = _safe_date(_ended_year(mon, day, a, ended["v"].lower() == "ended"), mon, day)
        if end is not None:
            mid = end - dt.timedelta(days=45)
            return "DATE", f"{mid.year}-Q{_quarter(mid)}", None
    aq = _quarter(a)
    y, q = a.year, aq
    if rel in ("this", "current", "coming") or adj in ("current",):
        pass
    elif rel == "next":
        y, q = (y, q + 1) if q < 4 else (y + 1, 1)
    else:  # the (latest) quarter, last quarter: the most recently completed one
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
        if adj in ("year-earlier", "year-ago"):
            y -= 1
    return "DATE", f"{y}-Q{q}", None


@_resolver("that_quarter")  # pattern and examples: time.toml, rule that_quarter
def _that_quarter(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    return "DATE", "XXXX-QX", None  # anaphoric: the quarter last named, filled in from the context


_QUARTER_ENDED = re.compile(
    rf"\s+(?:that\s+)?(?P<v>ended|ending|ends)\s+(?P<mon>{_MONTH_RE})\s+(?P<d>[12]\d|3[01]|0?[1-9])\b"
)


@_resolver("year_quarter")  # pattern and examples: time.toml, rule year_quarter
def _year_quarter(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    return "DATE", f"{m['y']}-QX", None  # the quarter number is filled in from the context


@_resolver("half")  # pattern and examples: time.toml, rule half
def _half(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    return _half_value(m, ctx)


@_resolver("two_quarters")  # pattern and examples: time.toml, rule two_quarters
def _two_quarters(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    return _half_value(m, ctx)


_OF_WORD = re.compile(r"(?i)\bof\b")


def _half_value(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """Half-years: "the second half of 2023", "H1 2024", "the first two quarters of 1990" (H1),
    and in business reporting a bare "the first half" / "first-half profit"."""
    g = m.groupdict()
    if g.get("hn"):
        return "DATE", f"{m['y2']}-{m['hn']}", None
    if g.get("h2"):
        h = 1 if m["h2"].lower() == "first" else 2
        y_txt, rel = m["y3"], m["rel3"]
    else:
        h = 1 if m["h"].lower() == "first" else 2
        y_txt, rel = m["y"], m["rel"]
    if y_txt:
        return "DATE", f"{y_txt}-H{h}", None
    a = ctx.anchor
    bare = not g.get("h2") and rel is None and not _OF_WORD.search(m.group(0))
    if bare and (
        not _BUSINESS_NEAR.search(ctx.text, max(0, m.start() - 120), min(len(ctx.text), m.end() + 80))
        or _game_period(m, ctx)
    ):
        return None  # "the second half" of a match, a film, a speech
    if a is None:
        return "DATE", f"XXXX-H{h}", None
    if not bare:
        y = a.year + {"this": 0, "last": -1, "next": 1, "": 0}[(rel or "").lower()]
        return "DATE", f"{y}-H{h}", None
    # a bare half in a results report: this year's if it has begun, else last year's, unless the
    # clause looks ahead ("expects growth in the second half")
    ah = 1 if a.month <= 6 else 2
    y = a.year
    if h > ah and _tense_of(m, ctx) != "FUT":
        y -= 1
    return "DATE", f"{y}-H{h}", None


_BUSINESS_NEAR = re.compile(
    r"(?i)\b(?:profits?|earnings|sales|revenues?|losses|net|income|results|growth|economy|GDP|output|"
    r"shipments|margins?|dividends?|quarters?|fiscal|forecasts?|deficit|inflation|demand|prices)\b"
)
