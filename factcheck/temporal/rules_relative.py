"""Rules for relative units, end-of-period phrases, deictic words, weekdays, anaphora, durations and sets."""

from __future__ import annotations

import datetime as dt
import functools
import re

from factcheck.temporal.rules_dates import (
    _DAY_WORD_RE,
    _DAY_WORDS,
    _TITLE_NOUN_BEFORE,
    _Ctx,
    _game_period,
    _resolver,
    _Result,
    _tense_of,
)
from factcheck.temporal.tense import _ED_NOT_PAST, _PAST_ADVERBS, _PAST_WORDS, _tense, scheduled_event_after
from factcheck.temporal.vocab import (
    _EVERY_BEFORE,
    _MONTH_RE,
    _MONTH_VALUE,
    _MONTHS,
    _NUM_RE,
    _PART_OF_DAY,
    _SPACES,
    _SPACES_DASHES,
    _UNITS,
    _VAGUE_NUMBERS,
    _VOCAB,
    _WEEKDAY_RE,
    _WEEKDAYS,
    _YEAR_VALUE,
    _YEARLIKE_NUMBER,
    _add_months,
    _fmt_date,
    _iso_week,
    _number,
    _quarter,
    _weekday_date,
)

# ---- relative units: this week, last year, next month, earlier this month -----------------


def _rel_value(unit: str, offset: int, a: dt.date) -> str:
    if unit == "day":
        return _fmt_date(a + dt.timedelta(days=offset))
    if unit in ("week", "weekend"):
        d = a + dt.timedelta(weeks=offset)
        return _iso_week(d) + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        y, mo = _add_months(a, offset)
        return f"{y}-{mo:02d}"
    if unit == "quarter":
        idx = a.year * 4 + _quarter(a) - 1 + offset
        return f"{idx // 4}-Q{idx % 4 + 1}"
    if unit == "year":
        return str(a.year + offset)
    if unit == "decade":
        return str(a.year // 10 + offset)
    if unit == "century":
        return f"{a.year // 100 + offset:02d}"
    return str(a.year + offset)


_REL_UNIT_RE = r"(?P<u>week(?:end)?|month|year|decade|century)"


@_resolver("rel_unit")  # pattern and examples: time.toml, rule rel_unit
def _rel_unit(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    rel = m["rel"].lower()
    unit = m["u"].lower()
    el = (m["el"] or "").lower()
    if m["u"][0].isupper() and m["rel"][0].isupper():
        return None  # "This Week", a programme title
    if m["half"]:
        return "DURATION", _duration_value(1.5, unit), None  # "the past decade and a half": a span
    if (
        rel == "the next"
        and unit in ("week", "month", "year")
        and not _unnamed_reference(ctx, unit)
        and _tense(ctx.text, m.start(), m.end()) == "PAST"
    ):
        # "resigned the next year", "The next month, 200 workers sued": in a story told in the past, "the
        # next" counts from the time last named, as "the following" does (TimeML: anaphoric); a future or
        # present clause ("will decide over the next week") counts from the publication date
        rel = "the following"
    if rel == "the following" or rel == "the previous":
        ref = _ref_date(ctx, unit)
        if ref is None:
            return None
        off = 1 if rel == "the following" else -1
        unknown = _unknown_step(m, ctx, unit, off, ref)
        if unknown is not None:
            # "The following month, the board resigned" with no month named before
            return "DATE", unknown, None
        val = _rel_value(unit, off, ref)
        _note_value(ctx, val)
        return "DATE", val, None
    a = ctx.anchor
    off = {
        "this": 0,
        "current": 0,
        "the current": 0,
        "last": -1,
        "past": -1,
        "this past": -1,
        "the past": -1,
        "the last": -1,
        "previous": -1,
        "next": 1,
        "coming": 1,
        "this coming": 1,
        "the next": 1,
        "the coming": 1,
    }[rel]
    mod = {"early": "START", "late": "END"}.get(el)
    if (
        unit == "weekend"
        and rel == "this"
        and a is not None
        and a.weekday() < 5
        and (el == "earlier" or _tense(ctx.text, m.start(), m.end(), short=True) == "PAST")
    ):
        # on a weekday, "this weekend" told in the past is the one just gone: "told supporters this weekend"
        # in a Monday story, "This weekend's debate gave ..." on a Wednesday (the coming one has not happened)
        off = -1
    if a is None:
        val = {
            "day": "XXXX-XX-XX",
            "week": "XXXX-WXX",
            "weekend": "XXXX-WXX-WE",
            "month": "XXXX-XX",
            "year": "XXXX",
            "decade": "XXX",
            "century": "XX",
        }[unit]
        return "DATE", val, mod
    val = _rel_value(unit, off, a)
    _note_value(ctx, val)  # "last year ..., down from the year before"
    return "DATE", val, mod


def _note_value(ctx: _Ctx, val: str) -> None:
    """Remember a year or month value as the reference for later anaphora."""
    if _YEAR_VALUE.fullmatch(val):
        ctx.note(int(val))
    elif _MONTH_VALUE.fullmatch(val):
        ctx.note(int(val[:4]), int(val[5:]))


_TENSE_UNITS = frozenset(_VOCAB["tense_units"])  # "the end of the year": by the tense (time.toml [vocab])


def _late_in(unit: str, a: dt.date) -> bool:
    """Whether ``a`` lies in the last stretch of its ``unit`` (its end may be the one just reached)."""
    if unit == "week":
        return a.weekday() >= 4
    if unit == "month":
        return a.day >= 25
    if unit == "quarter":
        return a.month % 3 == 0 and a.day >= 15
    return a.month == 12


@_resolver("end_of")  # pattern and examples: time.toml, rule end_of
def _end_of(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    if m["mc"]:
        mod: str | None = "MID"  # "by mid-century": the middle of the current one
        unit, off = "century", 0
    elif m["u"] is None:
        mod = "END"
        unit, off = "year", 0
        s = m.group(0).lower()
        if s.startswith("last"):
            off = -1
        elif s.startswith("next"):
            off = 1
        elif (
            not s.startswith("this")
            and ctx.anchor is not None
            and not _late_in(unit, ctx.anchor)
            and _tense_of(m, ctx) == "PAST"
        ):
            off = (
                -1
            )  # "had $38 million at year's end" in January: the year just ended, as "the end of the year"
    else:
        mod = {
            "end": "END",
            "close": "END",
            "beginning": "START",
            "start": "START",
            "middle": "MID",
            "turn": "START",
        }[m["md"].lower()]
        unit = m["u"].lower()
        off = {"this": 0, "the": 0, "current": 0, "last": -1, "next": 1, "": 0}[(m["rel"] or "").lower()]
        if m["md"].lower() == "turn":
            # the turn nearest the anchor: "the turn of the century" said in 1998 is the coming one (the
            # start of the next century), said in 2019 the one just gone (the start of this one)
            a = ctx.anchor
            if (
                unit in ("year", "decade", "century")
                and (m["rel"] or "the").lower() == "the"
                and a is not None
            ):
                late = {"year": a.month >= 7, "decade": a.year % 10 >= 5, "century": a.year % 100 >= 50}[unit]
                off += 1 if late else 0
            elif unit in ("year", "decade", "century"):
                off += 1
        elif (m["rel"] or "the").lower() == "the" and ctx.anchor is not None and unit in _TENSE_UNITS:
            # "the end of the year" in a past-tense clause is one that is over: the previous one (the
            # current one has not ended yet); "the start of the month" in a future clause, the next one
            tense = _tense_of(m, ctx)
            if tense == "PAST" and mod == "END" and not _late_in(unit, ctx.anchor):
                off = -1
            elif tense == "FUT" and mod == "START":
                off = 1
    a = ctx.anchor
    if a is None:
        return (
            "DATE",
            {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "quarter": "XXXX-QX"}.get(unit, "XXXX"),
            mod,
        )
    return "DATE", _rel_value(unit, off, a), mod


@_resolver("clock_units")  # pattern and examples: time.toml, rule clock_units
def _clock_units(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "1hr 4 mins", "45 mins", "24hrs": a duration in hours, minutes and seconds written short."""
    h, mi, sec = m["h"] or m["h2"], m["m"], m["s"] or m["s2"]
    parts = "".join(f"{int(v)}{c}" for v, c in ((h, "H"), (mi, "M"), (sec, "S")) if v)
    return "DURATION", f"PT{parts}", None


# ---- deictic words ------------------------------------------------------------------------

_QUANTITY_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|quarters?)\b", re.I
)
_DEICTIC = {w: ("DATE", value) for w, value in _VOCAB["deictic"].items()}
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")
_SOON_AFTER = re.compile(r"\s+(?:after|afterwards|as|thereafter)\b")
_PAST_VERBS = _PAST_WORDS - _PAST_ADVERBS  # "became", "made" (not "ago", "earlier")
_NARRATIVE_SOON_BEFORE = frozenset(_VOCAB["narrative_soon_before"])
_WORD_BEFORE_SOON = re.compile(r"([A-Za-z]+)\s+$")


def _narrative_soon(text: str, start: int, end: int) -> bool:
    """Whether the "soon" at ``start``-``end`` of ``text`` tells of one past event shortly after another: a past
    form after it ("that soon became a flood", "Things soon changed") or a past auxiliary before it ("He was soon
    released")."""
    before = _WORD_BEFORE_SOON.search(text, max(0, start - 12), start)
    if before is not None and before.group(1).lower() in _NARRATIVE_SOON_BEFORE:
        return True
    after = _WORD_AFTER.match(text[end : end + 30])
    if after is None:
        return False
    word = after.group(1)
    if not word.islower():
        return False
    return word in _PAST_VERBS or (word.endswith("ed") and word not in _ED_NOT_PAST)


@_resolver("deictic")  # pattern and examples: time.toml, rule deictic
def _deictic(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    w = _SPACES_DASHES.sub(" ", m["w"].lower())
    if w.startswith("in the past"):
        w = "the past"
    if w.startswith("this ") and w.endswith(" moment"):
        w = "at the moment"  # "at this crucial moment"
    if w == "the past" and _QUANTITY_AFTER.match(ctx.text, m.end()):
        return None  # "the past twenty years" is a duration
    if w in ("current", "then current", "future", "recent"):
        # only as an attribute ("future losses", "a recent filing"); "current account" is no time
        nxt = _WORD_AFTER.match(ctx.text[m.end() : m.end() + 20])
        if nxt is None:
            return None
        if (w != "recent" or m["w"][0].isupper()) and not nxt.group(1)[0].islower():
            return None  # "Recent Posts", "Future Group"
        if w == "future":
            return None
        if w == "current" and nxt.group(1) in ("account", "accounts", "affairs", "events", "flows", "flow"):
            return None
    if w == "soon":
        before = ctx.text[max(0, m.start() - 3) : m.start()].lower()
        after = ctx.text[m.end() : m.end() + 12]
        if (
            before.endswith("as ")
            or _SOON_AFTER.match(after)
            or _narrative_soon(ctx.text, m.start(), m.end())
        ):
            return None
    return _DEICTIC[w][0], _DEICTIC[w][1], None


@_resolver("deictic_day")  # pattern and examples: time.toml, rule deictic_day
def _deictic_day(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """today/yesterday/tomorrow, with a part of the day: "yesterday afternoon", "last night",
    "mid-afternoon yesterday", "morning tomorrow"; a bare "mid-afternoon" is the anchor's day."""
    w = (m["w"] or m["w2"] or m["w3"] or m["w4"] or "today").lower()
    part = (m["p"] or m["p2"] or m["p3"] or m["p4"] or "").lower()
    if w == "tonight":
        part = "night"
    off = {"today": 0, "tonight": 0, "this": 0, "tomorrow": 1, "yesterday": -1, "last": -1}[w]
    if w == "last" and part != "night":
        off = -1
    a = ctx.anchor
    if a is None:
        base = "XXXX-XX-XX"
    else:
        d = a + dt.timedelta(days=off)
        base = _fmt_date(d)
        ctx.last_ref = d
    if part:
        return "TIME", f"{base}T{_PART_OF_DAY[part]}", None
    return "DATE", base, None


# the end of the sentence before "Today": its last sentence mark, closing quotes and spaces, and the opening quote of
# a quotation that "Today" opens
_SENTENCE_BEFORE_END = re.compile(r"[.!?][\"”’']?\s*[\"“]?\Z")
_SENTENCE_MARK = re.compile(r"[.!?\n]")
# a day named in that sentence ("Yesterday he visited Ohio. Today, he is in Michigan"): "today" is its next day
_DAY_BEFORE = re.compile(
    r"\b(?:"
    + "|".join(sorted(_VOCAB["then_now_day_words"], key=len, reverse=True))
    + "|"
    + _WEEKDAY_RE
    + r")\b",
    re.I,
)
# a past form anywhere in that sentence tells it in the past ("The Act was signed into law in 1973 to protect
# ... species"), however far from its end (tense.toml past_words less [vocab] then_now_not_past, words that are
# also other words: "last", "set", "hit")
_THEN_WORDS = _PAST_WORDS - frozenset(_VOCAB["then_now_not_past"])
_WORD = re.compile(r"[A-Za-z]+")


@_resolver("today_then_now")  # pattern and examples: time.toml, rule today_then_now
def _today_then_now(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """The present era (PRESENT_REF) for "Today" opening a sentence of a present state after a sentence told in
    the past ("Dues were $6,612 a year. Today, that same membership costs $25,000"): now set against then, as "But
    today" is (rule today_contrast). After a sentence about a day, or with no sentence before, the anchor's day."""
    before = ctx.text[max(0, m.start() - 300) : m.start()]
    end = _SENTENCE_BEFORE_END.search(before)
    if end is not None and end.start() > 0:
        marks = [x.end() for x in _SENTENCE_MARK.finditer(before, 0, end.start())]
        sentence = before[marks[-1] if marks else 0 : end.start()]
        at = m.start() - len(before) + end.start()
        if _DAY_BEFORE.search(sentence) is None and (
            any(w.lower() in _THEN_WORDS for w in _WORD.findall(sentence))
            or _tense(ctx.text, at, at) == "PAST"
        ):
            return "DATE", "PRESENT_REF", None
    a = ctx.anchor
    if a is None:
        return "DATE", "XXXX-XX-XX", None
    ctx.last_ref = a
    return "DATE", _fmt_date(a), None


# ---- weekdays ------------------------------------------------------------------------------

# newspapers and programmes named after a weekday ([vocab] weekday_titles)
_WEEKDAY_TITLE = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in _VOCAB["weekday_titles"]) + r")\b")


@functools.lru_cache(maxsize=64)
def _titles_holding(word: str) -> tuple[tuple[str, int], ...]:
    """The names of [vocab] weekday_titles that hold ``word`` as written (the names match as written), each with the
    offset of every place it stands in the name: ("Mail on Sunday", 8), ("Sunday Times", 0)."""
    return tuple(
        (title, i)
        for title in _VOCAB["weekday_titles"]
        for i in range(len(title) - len(word) + 1)
        if title.startswith(word, i)
    )


def _in_weekday_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (a weekday) lies inside the name of a newspaper or a programme."""
    if not any(
        start >= i and text.startswith(title, start - i) for title, i in _titles_holding(text[start:end])
    ):
        # no name stands around the weekday where it holds it ("said Monday", "Wednesday"): none is searched for
        return False
    for t in _WEEKDAY_TITLE.finditer(text, max(0, start - 24), min(len(text), end + 24)):
        if t.start() <= start and end <= t.end():
            return True
    return False


# a capitalised word that goes on with a title after a weekday ([vocab] title_nouns before it)
_TITLE_WORD_AFTER = re.compile(rf"\s+(?!{_MONTH_RE}\b|(?:Morning|Afternoon|Evening|Night)\b)[A-Z][a-z]")
_EVERY_LIST_BEFORE = re.compile(
    rf"(?i:\b(?:every|each)\s+(?:other\s+)?){_WEEKDAY_RE}(?:\s*,\s*{_WEEKDAY_RE})*\s*,?\s+(?:and|or)\s+$|"
    rf"(?i:\b(?:every|each)\s+(?:other\s+)?){_WEEKDAY_RE}(?:\s*,\s*{_WEEKDAY_RE})*\s*,\s*$"
)
# a plural weekday opening a name: a capitalised word after it, or a small word and then one ("Fridays for
# Future", "Fridays For Future", "a guide to Saturdays in Dixie"); not a month, a weekday, a season or a part of the
# day ("Sundays in July", "Fridays and Saturdays", "Saturdays in Spring")
_NAME_AFTER_PLURAL_DAY = re.compile(
    rf"[^\S\n]+(?:(?:for|For|of|Of|on|On|in|In|to|To)[^\S\n]+)?"
    rf"(?!{_MONTH_RE}\b|{_WEEKDAY_RE}|(?:Morning|Afternoon|Evening|Night|Spring|Summer|Fall|Autumn|Winter)s?\b)[A-Z][a-z]"
)


_PLURAL_PART_AFTER_LIST = re.compile(
    rf"(?:\s*,\s*{_WEEKDAY_RE})*\s*,?\s+(?:and|or|&)\s+{_WEEKDAY_RE}\s+(?P<p>(?i:morning|afternoon|evening|night))s\b"
)
# a reporting verb (and its listener) right before a weekday: the weekday dates the statement
_REPORT_DAY_BEFORE = re.compile(
    r"(?i:\b(?:said|says|told\s+(?:reporters|the\s+\w+|\w+)|announced|confirmed|added|stated|reported)"
    r"(?:\s+(?:late|early))?\s+(?:on\s+)?)$"
)


_LATER_BEFORE = re.compile(r"(?i:\b(?:later|earlier)\s+)$")
# a clock time in another place's zone ([vocab] other_place_zones): "2 a.m. local time", "(0100 GMT)"
_OTHER_PLACE_CLOCK = re.compile(
    r"\d(?:\s*[ap]\.?m\.?)?\s*(?:" + "|".join(re.escape(z) for z in _VOCAB["other_place_zones"]) + r")\b"
)


def _weekday_by_tense(wd: int, a: dt.date, text: str, start: int, end: int) -> dt.date:
    """The day of the weekday ``wd`` at text[start:end] (the anchor ``a``'s week day included) by the tense of its
    clause: the one ahead in a future clause, else the one gone; in a neutral clause a weekday one or two days
    ahead, and a scheduled event's day ("heading into Tuesday's primary", "who is running in Tuesday's primary")
    the nearest one, up to three days ahead. The anchor's own weekday is the anchor's day whatever the tense ("said
    Tuesday" in a Tuesday story, the most common weekday of wire news): its clause is not read."""
    if wd == a.weekday():
        return a
    tense = _tense(text, start, end, short=True)
    d = _weekday_date(wd, a, "future" if tense == "FUT" else "past")
    if (a - d).days == 6 and _OTHER_PLACE_CLOCK.search(text, max(0, start - 40), end + 30):
        # "a series that ended close to 2 a.m. local time (0100 GMT) on Wednesday" in a US story dated Tuesday: the
        # clock of another place may be a day ahead of the page's, so the past act is on the page's next day
        return a + dt.timedelta(days=1)
    if tense is None and (_weekday_date(wd, a, "next") - a).days <= (
        3 if scheduled_event_after(text, end) else 2
    ):
        d = _weekday_date(wd, a, "next")
    return d


@_resolver("weekday")  # pattern and examples: time.toml, rule weekday
def _weekday(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    wd = _WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    every = _EVERY_BEFORE.search(ctx.text[max(0, m.start() - 8) : m.start()]) or (
        # "every Tuesday and Thursday", "each Monday, Wednesday or Friday": the list shares its "every"
        ctx.text[max(0, m.start() - 5) : m.start()].rstrip().endswith((",", "and", "or"))
        and _EVERY_LIST_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start())
    )
    if m["pl"] and not rel and not m["p"] and _NAME_AFTER_PLURAL_DAY.match(ctx.text, m.end()):
        return None  # "the Fridays for Future movement": a name, no recurring day
    shared = (
        None
        if (m["pl"] or m["p"] or rel not in ("", "on"))
        else _PLURAL_PART_AFTER_LIST.match(ctx.text, m.end())
    )
    if m["pl"] or m["pl2"] or (every and not rel) or shared:
        # "Friday and Saturday nights": the first weekday of the list shares the plural part of the day
        part = _PART_OF_DAY.get((m["p"] or (shared["p"] if shared else "")).lower(), "")
        return "SET", f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""), None
    if (
        not rel
        and _TITLE_WORD_AFTER.match(ctx.text, m.end())  # one position, the cheaper test first
        and _TITLE_NOUN_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
    ):
        return None  # "her newest book Saturday Millionaires", "the film Sunday Bloody Sunday": a title
    if _in_weekday_title(ctx.text, m.start("wd"), m.end("wd")):
        return None  # "The Mail on Sunday", "the Sunday Times", "Monday Night Football": a name
    a = ctx.anchor
    if a is None:
        return "DATE", f"XXXX-WXX-{wd + 1}", None
    if rel in ("the previous", "the following"):
        # anaphoric: the weekday before/after the day last talked about ("down 4.5% from the
        # previous Friday" after Friday's close)
        ref = ctx.last_ref or a
        d = _weekday_date(wd, ref, "last" if rel == "the previous" else "next")
    elif rel in ("last", "past", "this past"):
        d = _weekday_date(wd, a, "last")
    elif rel in ("next", "coming", "this coming"):
        d = _weekday_date(wd, a, "next")
    elif _LATER_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()):
        # "later Monday", "earlier Tuesday": later or earlier on the story's own day, whatever the tense ("he may
        # face a skeptical audience when he speaks later Monday" in a Tuesday paper; HeidelTime's date_r5d)
        d = _weekday_date(wd, a, "past")
    else:
        d = _weekday_by_tense(wd, a, ctx.text, m.start(), m.end())
    if not (
        ctx.last_ref is not None
        and ctx.last_ref < d
        and (d - ctx.last_ref).days <= 7
        and _REPORT_DAY_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    ):
        # the day a statement was made ("police said Sunday") is no day of the story's events: the clock
        # times and "the next day" that follow stay on the event's day named before it ("early Saturday")
        ctx.last_ref = d
    part = _PART_OF_DAY.get((m["p"] or "").lower(), "")
    if part:
        # "Tuesday afternoon": a part of a day is a TIME (TimeML guidelines, TIMEX3 type TIME: "an expression
        # that refers to a time of the day, even if in a very indefinite way"), as "this morning" is
        return "TIME", f"{_fmt_date(d)}T{part}", None
    return "DATE", _fmt_date(d), None


# ---- anaphoric days / years ---------------------------------------------------------------


def _ref_date(ctx: _Ctx, unit: str) -> dt.date | None:
    """The reference time for an anaphoric expression of ``unit`` granularity."""
    if unit in ("day", "morning", "week", "weekend") and ctx.last_ref is not None:
        return ctx.last_ref
    if unit == "month" and ctx.last_month is not None:
        return dt.date(ctx.last_month[0], ctx.last_month[1], 1)
    if unit in ("year", "decade", "century") and ctx.last_year is not None:
        return dt.date(ctx.last_year, 1, 1)
    return ctx.anchor


# "the day before the vote": an event's day, not a date's; "the day before yesterday"
_EVENT_AFTER = re.compile(r"\s+(?:the|a|an|his|her|their|its|last|\w+ing\b|[A-Z])")
_DEICTIC_DAY_AFTER = re.compile(r"\s+(?i:yesterday|today|tomorrow)\b")


@_resolver("anaphoric")  # pattern and examples: time.toml, rule anaphoric
def _anaphoric(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    w = _SPACES.sub(" ", m["w"].lower())
    unit = next(u for u in ("day", "morning", "week", "month", "year") if u in w.split())
    if unit in ("day", "week", "month", "year") and w.endswith(("before", "after", "previous", "prior")):
        after = ctx.text[m.end() : m.end() + 30]
        if _EVENT_AFTER.match(after):
            return None  # "the day before the vote": relative to an event, not to a date
        if _DEICTIC_DAY_AFTER.match(after):
            return None  # "the day before yesterday": the engine joins it to the day it names
    ref = _ref_date(ctx, unit)
    if ref is None:
        return None
    off = (
        1
        if ("next" in w or "following" in w or "after" in w)
        else -1
        if ("before" in w or "previous" in w or "prior" in w or "preceding" in w)
        else 0
    )
    unknown = _unknown_step(m, ctx, unit, off, ref)
    if unknown is not None:
        return "DATE", unknown, None
    if w.startswith("that ") and unit in ("week", "day") and _unnamed_reference(ctx, unit):
        # "I sold it that week", "That day, I was jubilant" with no day named before: a week or a day of the
        # story, not the publication's
        return "DATE", "XXXX-WXX" if unit == "week" else "XXXX-XX-XX", None
    if unit in ("day", "morning"):
        return "DATE", _fmt_date(ref + dt.timedelta(days=off)), None
    return "DATE", _rel_value(unit, off, ref), None


_UNKNOWN_OF_UNIT = {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "decade": "XXX", "century": "XX"}


def _unknown_step(m: re.Match[str], ctx: _Ctx, unit: str, off: int, ref: dt.date) -> str | None:
    """The unknown value of a step from the time last named ("the day after", "the following month") when
    nothing of its granularity was named before and the clause points the other way, else None.

    The anchor is no reference then: "The day after, the company announced cuts", "The following year, the firm
    went bankrupt" are no day or year after publication (a future clause, "The following year will be harder",
    may count from it)."""
    if not off or ref is not ctx.anchor or not _unnamed_reference(ctx, unit):
        return None
    tense = _tense(ctx.text, m.start(), m.end())
    if (off > 0 and tense == "PAST") or (off < 0 and tense == "FUT"):
        return _UNKNOWN_OF_UNIT.get(unit, "XXXX-XX-XX")
    return None


def _unnamed_reference(ctx: _Ctx, unit: str) -> bool:
    """No earlier time of ``unit`` granularity in the text for an anaphoric expression to count from."""
    if unit in ("day", "morning", "week", "weekend"):
        return ctx.last_ref is None
    if unit == "month":
        return ctx.last_month is None
    return ctx.last_year is None


# "until then": a rule as data (time.toml, until_then)


# ---- durations and "ago" -----------------------------------------------------------------

_DUR_MOD: dict[str, str] = dict(_VOCAB["duration_modifiers"])


# a unit of length just before "an hour" / "per hour": a speed ([vocab] measure_units)
_MEASURE_BEFORE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _VOCAB["measure_units"]) + r")\s+$")
_RATE_BEFORE = re.compile(
    # the amount just before, in the same clause and line: "$5 million a year", not "in 2018, and spent a year"
    # or a dateline's year ("August 7, 2012\nOnly about a week after")
    r"(?:\d|times|twice|once|million|billion|thousand|hundred|dollars|cents)[^\w,.;:!?\n]*(?:[a-z-]+[^\w,.;:!?\n]+){0,2}\Z"
)
# a preposition just before "a decade" makes it the span of the clause, a duration, however close an amount
# is: "followed 2,000 patients for a decade", "tracked 500 people over a year" (examples: rule duration); not
# after a frequency: "once or twice in a month"
_DURATION_PREP_BEFORE = re.compile(
    r"(?<!once )(?<!twice )(?<!times )\b(?:for|over|in|within|during|throughout|after|before|than|about|around|nearly|almost|under|until|by)\s+\Z"
)


_YEARS_IN = {"DE": 10, "CE": 100}  # years in a decade, a century


def _unit_code(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "CE"
    if u.startswith("millenni"):
        return "L"
    return _UNITS[u.rstrip("s") if u != "days" else "day"]


# the next smaller unit of a duration's last component, and how many of it make one: (prefix, unit) -> (count,
# unit)
_SMALLER_UNIT = {("PT", "H"): (60, "M"), ("PT", "M"): (60, "S"), ("P", "Y"): (12, "M"), ("P", "D"): (24, "H")}


def _duration_value(n: float | None, unit: str) -> str:
    code = _unit_code(unit)
    if code in ("H", "S") or (code == "M" and unit.lower().startswith("minute")):
        prefix = "PT"
    else:
        prefix = "P"
    if code == "DE":
        code, n = "Y", (n * 10 if n is not None else None)
    elif code == "CE":
        code, n = "Y", (n * 100 if n is not None else None)
    elif code == "WE":
        code, n = "D", (n * 2 if n is not None else None)
    elif code == "L":
        code, n = "Y", (n * 1000 if n is not None else None)
    if n is None:
        return f"{prefix}X{code}"
    if n != int(n):
        # part units: whole units plus the part in the next smaller one where that is exact ("2 1/2 years"
        # -> P2Y6M, as TBAQ annotates it; "a quarter of an hour" -> PT15M); half a month or a week is no
        # whole number of days, so "4½ months" keeps the decimal fraction ISO 8601 allows on the last
        # component (P4.5M, P2.5W)
        whole = int(n)
        smaller = _SMALLER_UNIT.get((prefix, code))
        if smaller is not None:
            per, small = smaller
            part = (n - whole) * per
            if abs(part - round(part)) < 1e-9:
                head = f"{whole}{code}" if whole else ""
                time_mark = "T" if prefix == "P" and code == "D" else ""
                return f"{prefix}{head}{time_mark}{round(part)}{small}"
        return f"{prefix}{n}{code}"
    return f"{prefix}{int(n)}{code}"


# "one day" as "some day": after a modal or a wish ("will one day be", "the hope he one day follows"), or
# opening a clause ("One day, I went in", "and one day everyone would switch", "Maybe one day"); not after a
# preposition or a verb it measures ("for one day", "lasted one day"), nor counting from a time ("one day
# after the vote", "one day a week", "one day's pay"); "one day at a time" is no time at all
_ONE_DAY_WISHED = re.compile(
    r"(?i:\b(?:will|would|could|may|might|['’]ll|['’]d|can|hope|hopes|hoped)\s+(?:(?:he|she|they|we|i|you|it)\s+)?)$"
)
_ONE_DAY_OPENS = re.compile(r"(?:^|[.!?;:,\"“(]\s*|\b(?i:and|but|then|maybe|perhaps|hopefully)\s+)$")
_AT_A_TIME = re.compile(r"\s+at\s+a\s+time\b")
_ONE_DAY_COUNTS = re.compile(
    r"(?i:\s*(?:after|before|later|earlier|a\s+week|a\s+month|per|of|at\s+a\s+time)\b|['’-])"
)


def _one_day_indefinite(m: re.Match[str], ctx: _Ctx, before: str) -> str | None:
    """The value of "one day" meaning some day, not a day long: FUTURE_REF, or PAST_REF in a past narrative
    ("One day, I went in a room"); "" for "one day at a time" (no time); None: a duration."""
    if _ONE_DAY_COUNTS.match(ctx.text, m.end()):
        return "" if _AT_A_TIME.match(ctx.text, m.end()) else None
    if _ONE_DAY_WISHED.search(before):
        return "FUTURE_REF"  # "Islam will one day be ..."
    if not _ONE_DAY_OPENS.search(before):
        return None
    return "PAST_REF" if _tense_of(m, ctx) == "PAST" else "FUTURE_REF"


# what stands before "a day" or "one year" that makes it a particular day or year, not an amount of time
_ON_BEFORE = re.compile(r"(?<![^\W\d_])on\s+$")


# "three quarters of the market share": a share, no time (time.toml [vocab] share_of_determiners), unless a time
# unit follows ("three quarters of the year")
_SHARE_OF = re.compile(
    r"\s+of\s+(?:" + "|".join(_VOCAB["share_of_determiners"]) + r")\b"
    r"(?!\s+(?:(?:fiscal|calendar|current|next|last|same)\s+)?(?:" + "|".join(_UNITS) + r"|season)s?\b)",
    re.I,
)
# "fierce in some quarters", "criticism from some quarters": people or places (time.toml [vocab] quarters_place_before)
_QUARTERS_PLACE_BEFORE = re.compile(r"\b(?:" + "|".join(_VOCAB["quarters_place_before"]) + r")\s+$")


def _no_quarters(m: re.Match[str], ctx: _Ctx, nword: str, before: str) -> bool:
    """Quarters that are no time: a share ("nearly three quarters of the market share"), a
    side ("fierce in some quarters") or the quarters of a game ("the Jaguars led for three quarters")."""
    return (
        _SHARE_OF.match(ctx.text, m.end()) is not None
        or (nword == "some" and _QUARTERS_PLACE_BEFORE.search(before) is not None)
        or _game_period(m, ctx)
    )


@_resolver("duration")  # pattern and examples: time.toml, rule duration
def _duration(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    if m["old"]:
        return None  # ages are not time expressions
    nword = m["n"].lower()
    if _YEARLIKE_NUMBER.fullmatch(nword):
        return None  # "the 1988 quarter" is a year, not 1988 quarters
    if m["u"][0].isupper() and m.group(0)[0].isdigit():
        return None  # "60 Minutes", a title
    if nword in ("a", "one") and m["u"].lower() == "second" and not m["ago"]:
        return None  # "a second term"
    if m["u"].lower().startswith("quarter") and "-" in m.group(0):
        return None  # "three-quarters of"
    before = ctx.text[max(0, m.start() - 40) : m.start()].lower()
    if m["u"].lower().startswith("quarter") and not m["ago"] and _no_quarters(m, ctx, nword, before):
        return None
    if nword in ("a", "an", "one") and not m["ago"] and _ON_BEFORE.search(before):
        return None  # "On a day when ...", "close on a year that broke records": a particular day, no amount
    if nword in ("a", "an", "per") and not m["ago"] and _MEASURE_BEFORE.search(before):
        return None  # "80 kilometres an hour": a speed, no time
    if (
        nword in ("a", "an", "per")
        and not m["ago"]
        and _RATE_BEFORE.search(before)
        and not (nword != "per" and _DURATION_PREP_BEFORE.search(before))
    ):
        return "SET", _duration_value(1, m["u"]), None
    unit = m["u"].lower()
    if nword in ("a", "an") and m.group(0)[0].isdigit():
        return None
    if (
        nword in _VAGUE_NUMBERS
        and not unit.endswith(("s", "millennia"))
        and "-" not in m.group(0)  # "a several-year contract"
        and ctx.text[m.end() : m.end() + 1] not in "'’"
    ):
        return None  # "many second-order effects": a vague amount counts plural units ("a few minute's walk" aside)
    n: float | None = None if nword in _VAGUE_NUMBERS else _number(nword)
    if nword not in _VAGUE_NUMBERS and n is None:
        return None
    # "the first quarter" etc. are quarters, "a second" is not a duration
    if unit.startswith("quarter") and nword in ("a", "an", "one"):
        return None
    if n is not None and (m["frac"] or m["half"]):
        n += 0.5
    if nword == "one" and unit == "day" and not m["ago"] and not m["frac"]:
        some_day = _one_day_indefinite(m, ctx, before)
        if some_day == "":
            return None  # "one day at a time"
        if some_day:
            return "DATE", some_day, None
    ago = _SPACES.sub(" ", (m["ago"] or "").lower())
    if ago in ("earlier", "later") and _THAN_AFTER.match(ctx.text, m.end()):
        return "DURATION", _duration_value(n, unit), None  # "a decade earlier than Amazon": a difference
    if (
        not ago
        and _IN_BEFORE.search(before)
        and _unit_code(unit) in ("D", "W", "M", "Y", "DE")
        and not (unit.startswith("minute") or unit.startswith("second"))
        and not _SPAN_COUNT_BEFORE.search(before)
        and not _NEGATED_PERFECT_BEFORE.search(before)
        and _tense_of(m, ctx) == "FUT"
    ):
        # "would be redeemed in five years", "will return in two weeks": a point that far ahead
        ago = "from now"
    if ago:
        # "ago", "from now" count from the publication date; "later" from the date in the narrative
        a = ctx.last_ref if ago == "later" and ctx.last_ref is not None else ctx.anchor
        code = _unit_code(unit)
        if (
            ago == "earlier"
            and code in ("Y", "DE", "CE")
            and not (code == "Y" and n == 1)  # "a year earlier": a results report's year-ago period
            and a is not None
            and (y := ctx.recent_year()) is not None
        ):
            # "earlier", unlike "ago", counts from the narrative's time: the year named in its sentence or the
            # one before ("told the magazine in 2013 ... Five years earlier" 2008; HeidelTime's reference time);
            # not "a year earlier", a results report's comparison with the year-ago period (engine.py)
            a = dt.date(y, 1, 1)
        if a is None:
            return (
                "DATE",
                {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}.get(code, "PAST_REF"),
                None,
            )
        if n is None:
            if ago in ("later", "earlier"):
                # "a few days later": an unknown offset from a time in the narrative, not a time
                # before or after the publication date
                return "DURATION", _duration_value(None, unit), None
            return "DATE", "PAST_REF" if ago == "ago" else "FUTURE_REF", None
        sign = 1 if ago in ("later", "from now", "hence") else -1
        k = round(n) * sign
        if code == "D":
            return "DATE", _fmt_date(a + dt.timedelta(days=k)), None
        if code == "W":
            return "DATE", _iso_week(a + dt.timedelta(weeks=k)), None
        if code == "M" and unit.startswith("month"):
            y, mo = _add_months(a, k)
            return "DATE", f"{y}-{mo:02d}", None
        if code in ("DE", "CE"):
            # "two decades ago", "half a century ago", "a century ago": that many years back (half a
            # decade is five years, not the count rounded to a whole decade)
            k = round(n * _YEARS_IN[code]) * sign
        if code in ("Y", "DE", "CE") and not 0 < a.year + k < 10000:
            return "DATE", "PAST_REF" if k < 0 else "FUTURE_REF", None  # "2,500 years ago": before year 1
        if code in ("Y", "DE", "CE"):
            return "DATE", f"{a.year + k:04d}", None  # "2,000 years ago": the year 0023, not the 2300s
        if code in ("H", "M", "S") and not unit.startswith("month"):
            if ago == "later":
                return "DURATION", _duration_value(n, unit), None  # "an hour later": no calendar date
            return "TIME", "PRESENT_REF", None  # "12 hours ago": about now
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if unit in ("night", "nights") and nword in ("a", "an", "one"):
        return None
    return "DURATION", _duration_value(n, unit), None


_THAN_AFTER = re.compile(r"\s+than\b")
_IN_BEFORE = re.compile(r"(?:^|\W)in\s+(?:about\s+|around\s+|roughly\s+|another\s+)?$")
# "the second in two days", "his second letter to Reno in two weeks": the span a count runs over (time.toml)
_SPAN_COUNT_BEFORE = re.compile(
    r"\b(?:" + "|".join(_VOCAB["span_count_words"]) + r")\b(?:\s+[\w'’-]+){0,3}?\s+in\s+"
    r"(?:about\s+|around\s+|roughly\s+|another\s+)?$"
)


# a negated perfect measures how long something has not happened ("she hasn't worn in six months", "has not won a
# game in three years", "hadn't spoken to him in a decade"): "in" and an amount after it is that span, a duration,
# even in a future sentence ("She'll wear that dress she hasn't worn in six months")
_NEGATED_PERFECT_BEFORE = re.compile(
    r"(?i:\b(?:has|have|had)(?:n['’]t|\s+not|\s+never)(?:\s+[\w'’,-]+){1,6}?\s+in\s+"
    r"(?:about\s+|around\s+|roughly\s+|more\s+than\s+|over\s+)?)$"
)


@_resolver("long")  # pattern and examples: time.toml, rule long
def _long(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "a day-long meeting", "their decades-long battle", "a weeklong visit", "a two-year-long truce"."""
    unit = m["u"].lower() if m["u"] else m["solid"].lower().removesuffix("long")
    plural = unit.endswith(("s", "ies"))
    if m["n"] and plural and m["n"].lower() in ("a", "an"):
        n: float | None = None  # "a years-long drought": the article, an unknown number of years
    else:
        n = _number(m["n"].lower()) if m["n"] else (None if plural else 1)
        if m["n"] and n is None:
            return None
    return "DURATION", _duration_value(n, unit), None


# "for years", "in recent months": rules as data (time.toml, bare_plural_units; "these days": rule deictic)


# ---- sets ----------------------------------------------------------------------------------

_SET_ADV: dict[str, str] = dict(_VOCAB["set_adverbs"])


_NAME_BEFORE = re.compile(r"\b[A-Z][\w&'’-]*[^\S\n]+$")
# the words after which "quarterly" is a SET, not a modifier (time.toml [vocab] set_follow)
_SET_FOLLOW = frozenset(_VOCAB["set_follow"])


# a capitalised name right after "daily"/"weekly" in running text, and after the name a verb or the clause's
# end: the paper's name, "daily" is the noun ("the daily Granma compared", "in the daily Eleftheros Typos.");
# "the daily White House briefing" is a briefing held daily
_NEWSPAPER_AFTER = re.compile(
    r"(?:[^\S\n]+[A-Z][\w'’-]*)+(?=\s*[.,;:)!?]|\s+(?:[a-z]+ed|said|says|reports|wrote|writes|quotes|put|puts)\b)"
)
_DATE_WORD_AFTER = re.compile(rf"\s+(?:{_WEEKDAY_RE}|{_MONTH_RE})\b")


# "every other/second/third/fourth" + unit: one unit in so many
_EVERY_NTH: dict[str, int] = dict(_VOCAB["every_nth"])  # "every third year": steps of 3 years


@_resolver("set")  # pattern and examples: time.toml, rule set
def _set(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    if m["adv"]:
        w = m["adv"].lower()
        # "a quarterly dividend" is a payment, not a time; "a daily rally", "his weekly address" are
        nxt = _WORD_AFTER.match(ctx.text[m.end() : m.end() + 20])
        if nxt and w == "quarterly" and nxt.group(1) not in _SET_FOLLOW:
            return None
        if m["adv"][0].isupper() and nxt and nxt.group(1)[0].isupper():
            return None  # "Daily Mail", "Weekly Standard"
        if (
            w in ("daily", "weekly")
            and _NEWSPAPER_AFTER.match(ctx.text, m.end())
            and not _DATE_WORD_AFTER.match(ctx.text, m.end())
        ):
            return None  # "the Communist Party daily Granma", "the conservative daily Eleftheros Typos"
        if m["adv"][0].isupper() and _NAME_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
            return None  # "told Us Weekly", "Entertainment Weekly": the end of a publication's name
        return "SET", _SET_ADV[w], None
    if m["wd"]:
        w = m["wd"].lower()
        if w in _WEEKDAYS:
            return "SET", f"XXXX-WXX-{_WEEKDAYS[w] + 1}", None
        return "SET", f"XXXX-{_MONTHS[w]:02d}", None
    n = _number(m["n"]) if m["n"] else 1
    if n is None:
        n = 1
    if m["other"]:
        n *= _EVERY_NTH[m["other"].lower()]  # "every other week", "every fourth year"
    unit = m["u"].lower()
    if unit.startswith("weekend"):
        return "SET", "XXXX-WXX-WE", None
    return "SET", _duration_value(n, unit), None


# "per day": a rule as data (time.toml, rate_per_unit); "$5 million a year": rule duration, _RATE_BEFORE above


# "three goals in as many weeks": the amount is the number counted before, in the same clause
_AS_MANY_COUNT_BEFORE = re.compile(
    rf"(?i:\b(?:(?P<n>{_NUM_RE})|(?P<o>{_DAY_WORD_RE})|(?P<od>\d+)(?:st|nd|rd|th))\s+(?:[\w'’-]+\s+){{1,4}}?"
    r"(?:in|over|within|across|from)\s+$)"
)


@_resolver("as_many")  # pattern and examples: time.toml, rule as_many
def _as_many(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    before = ctx.text[max(0, m.start() - 60) : m.start()]
    count = _AS_MANY_COUNT_BEFORE.search(before)
    if count is None or _YEARLIKE_NUMBER.fullmatch(count["n"] or count["od"] or ""):
        return None
    # "four chief executives in as many years"; "their third defeat in as many weeks"
    n = (
        _number(count["n"])
        if count["n"]
        else _DAY_WORDS[count["o"].lower()]
        if count["o"]
        else int(count["od"])
    )
    if not n:
        return None
    return "DURATION", _duration_value(n, m["u"]), None


@_resolver("day_of_present")  # pattern and examples: time.toml, rule day_of_present
def _day_of_present(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "Today is the eighth day of the operation", "It's the second day of an offensive": the publication day."""
    if ctx.anchor is None:
        return "DATE", "PRESENT_REF", None
    ctx.last_ref = ctx.anchor
    return "DATE", _fmt_date(ctx.anchor), None
