"""Post-passes that read an expression against the text around it, after every rule has run.

- A capitalised "Today" / "This Morning" that names a programme ("NBC News' Today show", "CBS This
  Morning") is no time expression, nor is a title-case "The Future" ("The Future of Work"), a capitalised "Now"
  ending a name ("Apocalypse Now is"), a part of a web address ("tells TODAY.com") or "a year" as a predicate's
  noun ("2025 was a year of change").
- "today" / "tonight" / "this morning" inside a quotation whose attribution carries its own day ("...
  ready today," Smith said on Sunday) is that day, not the publication day: the words are the speaker's;
  "yesterday" / "last night" is the day before it, "tomorrow" the day after. When the attribution names no day and
  the story is the next day's report of an event its lead dates one or two days before the publication date ("...
  the upset winner at the Screen Actors Guild (SAG) awards on Sunday" in a Monday story), the quotation was given
  that day.
- A clock time that names no day takes the day named later in its own phrase, past other clock times,
  a parenthesis and "on": "10:00 a.m. PDT (5 p.m. UTC) on August 28", "from 9 a.m. to 5 p.m. on Friday".
- A clock time beside a recurring time ("every day at 9 a.m.", "at 8 p.m. daily") recurs with it: it takes
  the SET's weekday or no day, never the publication day.
- A bare clock time in a sentence about several days ("the remaining 10 days", "the first and last days of
  voting") that names no one day is on each of them: no day ("XXXX-XX-XXT20:00").
- Amounts of time written one after the other, largest unit first, are one duration: a race or flight time, a
  game clock, a prison term ("2 hours, 21 minutes and 3 seconds": PT2H21M3S; "4 minutes 48 seconds remaining";
  "two years and three months": P2Y3M), as TimeML tags them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from factcheck.model import TimeRef
from factcheck.temporal.tense import _REPORTING
from factcheck.temporal.vocab import _DAY_VALUE, _MONTH_RE, _VOCAB, _WEEKDAY_RE

_BROADCASTERS = frozenset(_VOCAB["broadcasters"])
_PROGRAMME_WORDS = frozenset(w.lower() for w in _VOCAB["programme_words"])
_PROGRAMME_NAME = re.compile(
    r"(?:Today|TODAY|Tonight|This (?:Morning|Week|Evening))(?: (?:Show|Programme|Program))?"
)
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s?\s+$")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w-]*)\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w-]*)")
_CAPITALISED_BEFORE_ON_LINE = re.compile(r"\b[A-Z][\w&-]*[^\S\n]+$")
# quotation marks around the name alone, as a title is written: NBC's “Today”, the ''Today'' show, on ''Today.''
_OPEN_QUOTE_BEFORE = re.compile(r"(?:[“\"‘]|'')$")
_CLOSE_QUOTE_AFTER = re.compile(r"[.,]?(?:[”\"’]|'')(?!\w)")  # not the apostrophe of “Today’s speech


def is_programme_name(text: str, ref: TimeRef) -> bool:
    """Whether ``ref`` is the capitalised name of a broadcast programme rather than a time."""
    if not _PROGRAMME_NAME.fullmatch(ref.text):
        return False
    before = text[max(0, ref.start - 30) : ref.start]
    if _OPEN_QUOTE_BEFORE.search(before) and _CLOSE_QUOTE_AFTER.match(text, ref.end):
        return True  # a quoted name: “Today” ('“Today, we have ...”' opens a quotation, no name, as does "“Today’s")
    if _POSSESSIVE_BEFORE.search(before):
        return True  # "NBC News' Today", "ITV's This Morning"
    w = _WORD_BEFORE.search(before)
    if w and w.group(1) in _BROADCASTERS:
        return True  # "CBS This Morning", "BBC Radio 4's Today"
    nxt = _WORD_AFTER.match(text, ref.end)
    if ref.text == "TODAY":
        # the end of a name written in capitals, in running text: "USA TODAY's weekly video series" (a
        # headline in capitals, "MARKETS FALL TODAY AS ...", goes on in capitals)
        return bool(
            w and len(w.group(1)) >= 2 and w.group(1).isupper() and not (nxt and nxt.group(1).isupper())
        )
    same_line = _CAPITALISED_BEFORE_ON_LINE.search(before)
    if ref.text == "Today" and same_line and not (nxt and nxt.group(1)[0].isupper()):
        # a capitalised "Today" after a capitalised word, in running text (the next word is not capitalised
        # as in a headline): the end of a name, "USA Today", "Psychology Today", "Christianity Today"
        return True
    return bool(nxt and nxt.group(1).lower() in _PROGRAMME_WORDS)  # "the Today programme"


# words that make a title-case "Now" the adverb of a headline ("Until Now", "Right Now", "And Now")
_NOT_NAME_BEFORE_NOW = frozenset(_VOCAB["not_name_before_now"])


def is_name_end(text: str, ref: TimeRef) -> bool:
    """Whether ``ref`` is a capitalised "Now" that ends a title or a name in running text: after a capitalised word on
    its line, and not before another one as in a headline ("Deaf President Now! has a 100 percent rating",
    "Apocalypse Now is a war film"), as "USA Today" is for "Today"."""
    if ref.text != "Now":
        return False
    nxt = _WORD_AFTER.match(text, ref.end)
    w = _CAPITALISED_BEFORE_ON_LINE.search(text, max(0, ref.start - 30), ref.start)
    return bool(
        w and w.group().strip() not in _NOT_NAME_BEFORE_NOW and not (nxt and nxt.group(1)[0].isupper())
    )


# a sentence-opening "Now," before the writer's address to the reader is a discourse marker, no time ([vocab]
# discourse_now_after): "Now, let's dive deeper", "Now, compare that with ...", "Now, imagine what ..."
_DISCOURSE_NOW_AFTER = re.compile(
    r",[^\S\n]+(?:"
    + "|".join(
        re.escape(w).replace("\\ ", r"[^\S\n]+").replace("'", "['’]") for w in _VOCAB["discourse_now_after"]
    )
    + r")\b",
    re.I,
)
_SENTENCE_OPENS_BEFORE = re.compile(r"(?:^|[.!?:][\"”’)]?[^\S\n]+|\n[^\S\n]*)$")


def is_discourse_now(text: str, ref: TimeRef) -> bool:
    """Whether ``ref`` is a sentence-opening "Now," that turns to the reader ("Now, let's look at the costs")."""
    return (
        ref.text in ("Now", "now")
        and _DISCOURSE_NOW_AFTER.match(text, ref.end) is not None
        and _SENTENCE_OPENS_BEFORE.search(text, max(0, ref.start - 4), ref.start) is not None
    )


# a web address after an expression: "tells TODAY.com", "the Monday.com platform" ([vocab] top_level_domains; a
# tweet's run-together "Coming September 30th.https://t.co/..." is no address)
_DOMAIN_AFTER = re.compile(r"\.(?:" + "|".join(_VOCAB["top_level_domains"]) + r")\b(?![:.]?/)")


def is_web_name(text: str, ref: TimeRef) -> bool:
    """Whether ``ref`` is part of a domain name, a brand and no time ("tells TODAY.com that", "Monday.com reported
    revenue")."""
    return _DOMAIN_AFTER.match(text, ref.end) is not None


# "a year" as the noun of a predicate, with what kind of year it was after it, measures nothing: "2025 was a year
# focused on reversing losses", "It's a year where doing your homework counts", "2020 was a year when everything
# stopped". "It has been a year since the attack" and "what would be a week of favourable coverage" stay durations.
_PREDICATE_UNIT = re.compile(r"(?i:an?|one)\s+(?i:year|month|week|day|decade|night|weekend)")
_COPULA_BEFORE = re.compile(r"\b(?i:is|was|are|were|be|been|being)\s+$|['’]s\s+$")
_KIND_AFTER = re.compile(r"\s+(?:when|where|in\s+which|that|(?!(?:ago|later|earlier|old|long)\b)[a-z]+ed)\b")


def is_predicate_unit(text: str, ref: TimeRef) -> bool:
    """Whether ``ref`` ("a year") is the noun of a predicate that says what kind of period it was."""
    return bool(
        _PREDICATE_UNIT.fullmatch(ref.text)
        and _COPULA_BEFORE.search(text, max(0, ref.start - 12), ref.start)
        and _KIND_AFTER.match(text, ref.end)
    )


# a day word the speaker says: the day of the attribution ("today", "this morning"), the day before ("yesterday",
# "last night", "yesterday afternoon") or the day after ("tomorrow", "tomorrow morning")
_QUOTE_DEICTIC = re.compile(
    r"(?i:today|tonight|this (?:morning|afternoon|evening)|(?P<before>yesterday|last)(?: (?:morning|afternoon|"
    r"evening|night))?|(?P<after>tomorrow)(?: (?:morning|afternoon|evening|night))?)"
)
_OPENING = '“"'
_CLOSING = '”"'
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_REPORTING_RE = re.compile(r"\b(?:" + "|".join(sorted(_REPORTING)) + r")\b", re.I)


def _quote_bounds(text: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the quotation around ``pos`` in its paragraph, or None when ``pos`` is outside
    quotes. Curly quotes pair by direction, straight ones by count; a quotation left open runs to the
    end of the paragraph."""
    para_start = text.rfind("\n", 0, pos) + 1
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end < 0 else para_end
    head = text[para_start:pos]
    o, c = head.rfind("“"), head.rfind("”")
    if o > c:
        start = para_start + o
    elif head.count('"') % 2 == 1:
        start = para_start + head.rfind('"')
    else:
        return None
    closer = "”" if text[start] == "“" else '"'
    end = text.find(closer, pos, para_end)
    return start, (para_end if end < 0 else end + 1)


def quoted_day(text: str, refs: list[TimeRef], i: int) -> TimeRef:
    """``refs[i]`` re-anchored on the day its quotation was given, when that day is stated in the
    attribution just before or after the quotation ("...today," Smith said Sunday; "...died yesterday," the
    general said on Saturday: the Friday), or, with none stated there, on the day of the event a next-day story's
    lead reports (:func:`_story_day`)."""
    ref = refs[i]
    m = _QUOTE_DEICTIC.fullmatch(ref.text)
    if m is None or not ref.value[:10] or not _DAY_VALUE.match(ref.value):
        return ref
    if m["before"] and m["before"].lower() == "last" and not ref.text.lower().endswith("night"):
        return ref  # "last morning" is no day word
    bounds = _quote_bounds(text, ref.start)
    if bounds is None:
        return ref
    q_start, q_end = bounds
    day: TimeRef | None = None
    for other in refs[i + 1 :]:  # the attribution after the quotation: '..." Smith said Sunday.'
        if other.start < q_end:
            continue
        gap = text[q_end : other.start]
        if len(gap) > 60 or _SENTENCE_END.search(gap):
            break
        if _REPORTING_RE.search(gap) and other.type == "DATE" and _DAY_VALUE.fullmatch(other.value):
            day = other
        break
    if day is None:
        for other in reversed(refs[:i]):  # the attribution before it: 'Smith said Sunday: "..."'
            if other.end > q_start:
                continue
            gap = text[other.end : q_start]
            if len(gap) > 40 or _SENTENCE_END.search(gap):
                break
            before = text[max(0, other.start - 40) : other.start]
            if (_REPORTING_RE.search(before) or _REPORTING_RE.search(gap)) and (
                other.type == "DATE" and _DAY_VALUE.fullmatch(other.value)
            ):
                day = other
            break
    shift = -1 if m["before"] else 1 if m["after"] else 0
    if day is None:
        day = _story_day(text, refs, dt.date.fromisoformat(ref.value[:10]) - dt.timedelta(days=shift))
    if day is None:
        return ref
    date = (dt.date.fromisoformat(day.value) + dt.timedelta(days=shift)).isoformat()
    if date == ref.value[:10]:
        return ref
    return TimeRef(
        ref.start, ref.end, ref.text, ref.type, date + ref.value[10:], ref.mod
    )  # its part of day kept


# a next-day story: its lead tells an event of the day before the publication date or the one before that
_STORY_DAY_MAX_DAYS = 2
_LEAD_MIN_CHARS = 80  # a shorter first line is a headline or a kicker, not the lead
# the lead's first sentence ends at a stop after a word of two small letters or digits, before a capital or a quote (a
# dateline's "N.H. - " or "U.S. President" goes on); or at the paragraph's end
_LEAD_END = re.compile(r"(?<=[a-z0-9]{2})[.!?]['\"”’]?\s+(?=[A-Z“\"‘'])|\n")


def _story_day(text: str, refs: list[TimeRef], anchor: dt.date) -> TimeRef | None:
    """The day of the event a next-day story reports, when its lead (the first sentence of its first paragraph of
    some length) dates it to a day one or two days before the publication date (``anchor``): "... was the upset
    winner at the Screen Actors Guild (SAG) awards on Sunday" in a Monday story. A quotation whose attribution
    names no day of its own was given at that event or on that day: the story is written from it."""
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if len(text[pos:end].strip()) >= _LEAD_MIN_CHARS:
            break
        pos = end + 1
    else:
        return None
    stop = _LEAD_END.search(text, pos)
    lead_end = stop.start() if stop else len(text)
    for other in refs:
        if other.start >= lead_end:
            break
        if other.start < pos or other.type != "DATE" or not _DAY_VALUE.fullmatch(other.value):
            continue
        days = (anchor - dt.date.fromisoformat(other.value)).days
        if 1 <= days <= _STORY_DAY_MAX_DAYS:
            return other
        break  # the lead's first day is another one: the story is not the next day's report of it
    return None


# what may stand between clock times of one phrase ("10 a.m. (3 p.m. GMT)", "9 a.m. to 5 p.m.", "8 a.m. local time
# (0300 GMT)") and between the last of them and the day they are on (", on August 28"); "T" stands for a clock time
_CLOCK_CHAIN = re.compile(
    r"(?:\s*[(,]?\s*(?:(?:and|or|to|until|till|through)\s+|[-–]\s*)?T\s*\)?)*"
    r"(?:\s*\(\s*\d{4}\s*(?:GMT|UTC|Z)\s*\))?\s*\)?\s*,?\s*(?:on\s+)?"
)
_DAY_IN_TEXT = re.compile(
    rf"(?i:\b(?:{_WEEKDAY_RE}|today|tonight|yesterday|tomorrow)\b)|{_MONTH_RE}|\d{{4}}-\d\d"
)
_DAY_WORD = re.compile(r"(?i:today|tonight|yesterday|tomorrow)")
_MONTH_RE_FULL = re.compile(_MONTH_RE)
_CLOCK_VALUE = re.compile(r"(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)T(\d\d:\d\dZ?)$")  # (Z: a time given in UTC)


def clock_day_after(text: str, refs: list[TimeRef]) -> list[TimeRef]:
    """Clock times that name no day of their own, followed in the same phrase by a day ("10:00 a.m. PDT (5
    p.m. UTC) on August 28"), are on that day, not on the day the engine gave them (the anchor or the day
    named before)."""
    out = list(refs)
    for i, ref in enumerate(out):
        clock = _CLOCK_VALUE.match(ref.value) if ref.type == "TIME" else None
        if clock is None or _DAY_IN_TEXT.search(ref.text):
            continue
        gap: list[str] = []
        pos = ref.end
        for nxt in out[i + 1 : i + 4]:
            gap.append(text[pos : nxt.start])
            pos = nxt.end
            day = _DAY_VALUE.match(nxt.value) if _DAY_IN_TEXT.search(nxt.text) else None
            # a clock time with its day ("5 p.m. on Friday") is a clock time of the chain too
            chain = "".join(gap) + ("T" if nxt.type == "TIME" else "")
            if _DAY_WORD.fullmatch(nxt.text) and "," in chain:
                break  # "At 10:30, today is the day": the subject of the clause, not the clock time's day
            if day is not None and chain.count("(") > chain.count(")"):
                break  # "at 18:41 (02:41 GMT Friday)": the day in the parenthesis is the other clock time's
            if day is not None and _CLOCK_CHAIN.fullmatch(chain):
                if ref.value[:10] != day.group(0):
                    value = f"{day.group(0)}T{clock.group(1)}"
                    out[i] = TimeRef(ref.start, ref.end, ref.text, "TIME", value, ref.mod)
                break
            if not _CLOCK_VALUE.match(nxt.value) or _DAY_IN_TEXT.search(nxt.text):
                break  # only bare clock times may stand between: "18:41 this evening" names its day
            gap.append("T")
    return out


# a clock time beside a recurring time: "every day at 9 a.m.", "at 8 p.m. daily", "on Mondays at 10:00"
_SET_THEN_CLOCK = re.compile(r"\s*,?\s*(?:(?:at|from|until|till|by|around|before|after)\s+)?")
_CLOCK_THEN_SET = re.compile(r"\s*,?\s*(?:on\s+)?")
_WEEKDAY_SET = re.compile(r"XXXX-WXX-[1-7]")
_RECURRING_CLOCK = re.compile(r"XXXX-(?:XX-XX|WXX-[1-7])T")
_CLOCK_RANGE_LINK = re.compile(r"\s*(?:-|–|to|until|till)\s*")
_DAY_RANGE_LINK = re.compile(r"\s*(?:-|–|to|until|till|through|thru)\s*")


def _weekday_range_end(text: str, first: TimeRef, end: TimeRef) -> bool:
    """``end`` closes a range of weekdays of every week that ``first`` opens ("Monday-Friday")."""
    return (
        first.type == "SET"
        and _WEEKDAY_SET.fullmatch(first.value) is not None
        and _DAY_RANGE_LINK.fullmatch(text, first.end, end.start) is not None
    )


# a sentence ends at a stop before a capital letter or quote ("Apt. 1C", "10 a.m. to" go on), or a line break
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z\"“])|\n")
# "the remaining 10 days", "the first and last days of voting", "its final three days"; not "the past two days"
# (up to now: a clock time in that sentence is on one of them) nor "the next few days"
_MANY_DAYS = re.compile(
    r"(?i:\b(?:the|these|those|its|their)\s+(?!(?:past|last|previous|next|coming|following)\b)(?:[\w-]+\s+){0,4}?days\b)"
)


def _in_many_days(text: str, ref: TimeRef, refs: list[TimeRef]) -> bool:
    """A bare clock time in a sentence about several days ("the remaining 10 days will have voting between
    12 and 8 p.m.") that names no day of its own: the hours of each of those days."""
    start = max(0, ref.start - 400)
    if "days" not in text[start : ref.end + 400].lower():
        return False  # (most clock times: no sentence to find)
    for bound in _SENTENCE_BREAK.finditer(text, start, ref.start):
        start = bound.end()
    after = _SENTENCE_BREAK.search(text, ref.end - 1, ref.end + 400)
    end = after.start() if after else min(len(text), ref.end + 400)
    if not _MANY_DAYS.search(text, start, end):
        return False
    return not any(
        start <= r.start < end and r.type in ("DATE", "TIME") and not _CLOCK_VALUE.match(r.value)
        for r in refs
    )


def clock_in_many_days(text: str, refs: list[TimeRef]) -> list[TimeRef]:
    """A bare clock time in a sentence about several days and no one day is on each of them: no day
    ("XXXX-XX-XXT20:00"), not the publication day."""
    out = list(refs)
    for i, ref in enumerate(out):
        clock = _CLOCK_VALUE.match(ref.value) if ref.type == "TIME" else None
        if clock is None or _DAY_IN_TEXT.search(ref.text) or not _in_many_days(text, ref, out):
            continue
        out[i] = TimeRef(ref.start, ref.end, ref.text, "TIME", f"XXXX-XX-XXT{clock.group(1)}", ref.mod)
    return out


def clock_in_set(text: str, refs: list[TimeRef]) -> list[TimeRef]:
    """A clock time next to a SET ("every day at 9 a.m.", "at 8 p.m. daily", "every Monday at 10:00") recurs
    with it: it is on no one day, so it takes the SET's day (a weekday) or none ("XXXX-XX-XXT09:00"), not
    the publication day."""
    out = list(refs)
    for i, ref in enumerate(out):
        clock = _CLOCK_VALUE.match(ref.value) if ref.type == "TIME" else None
        if clock is None or _DAY_IN_TEXT.search(ref.text):
            continue
        near: TimeRef | None = None
        if (
            i > 0
            and _RECURRING_CLOCK.match(out[i - 1].value)
            and out[i - 1].type == "TIME"
            and _CLOCK_RANGE_LINK.fullmatch(text, out[i - 1].end, ref.start)
        ):
            # "Monday through Friday, 8 a.m. to 6 p.m.": the end of a recurring clock range recurs with its start
            day = out[i - 1].value.split("T", 1)[0]
            out[i] = TimeRef(ref.start, ref.end, ref.text, "TIME", f"{day}T{clock.group(1)}", ref.mod)
            continue
        if i > 0 and out[i - 1].type == "SET" and _SET_THEN_CLOCK.fullmatch(text, out[i - 1].end, ref.start):
            near = out[i - 1]
        elif (
            i + 1 < len(out)
            and out[i + 1].type == "SET"
            and _CLOCK_THEN_SET.fullmatch(text, ref.end, out[i + 1].start)
        ):
            near = out[i + 1]
        if near is None:
            continue
        day = near.value if _WEEKDAY_SET.fullmatch(near.value) else "XXXX-XX-XX"
        if i > 1 and near is out[i - 1] and _weekday_range_end(text, out[i - 2], near):
            day = "XXXX-XX-XX"  # "open Monday-Friday, 9 a.m. ...": on each day of the range, not its last
        out[i] = TimeRef(ref.start, ref.end, ref.text, "TIME", f"{day}T{clock.group(1)}", ref.mod)
        _range_start_recurs(text, out, i, day)
    return out


def _range_start_recurs(text: str, out: list[TimeRef], i: int, day: str) -> None:
    """``out[i]`` ends a clock range and recurs with the SET after it ("from 10 a.m. to 5 p.m. daily",
    "8am-1pm every Saturday"): the range's start, a bare clock time, recurs on the same days."""
    if i == 0:
        return
    start = out[i - 1]
    clock = _CLOCK_VALUE.match(start.value) if start.type == "TIME" else None
    if (
        clock is not None
        and not _DAY_IN_TEXT.search(start.text)
        and _CLOCK_RANGE_LINK.fullmatch(text, start.end, out[i].start)
    ):
        out[i - 1] = TimeRef(start.start, start.end, start.text, "TIME", f"{day}T{clock.group(1)}", start.mod)


# a bare month next to a yearly SET: "every year in October", "in March each year", "held annually in May"
_YEARLY_SET = frozenset({"P1Y"})
_SET_THEN_MONTH = re.compile(r"\s*,?\s*(?:in\s+)?")
_MONTH_THEN_SET = re.compile(r"\s*,?\s*(?:of\s+)?")
_BARE_MONTH_VALUE = re.compile(r"\d{4}-(\d\d)")


def month_in_set(text: str, refs: list[TimeRef]) -> list[TimeRef]:
    """A bare month beside a yearly SET recurs with it ("the festival, held every year in October"): the
    month of every year, a SET (``XXXX-10``), not the October the tense points to."""
    out = list(refs)
    for i, ref in enumerate(out):
        mo = _BARE_MONTH_VALUE.fullmatch(ref.value) if ref.type == "DATE" else None
        if mo is None or not _MONTH_RE_FULL.fullmatch(ref.text):
            continue
        prev = out[i - 1] if i > 0 else None
        nxt = out[i + 1] if i + 1 < len(out) else None
        if (
            prev is not None
            and prev.type == "SET"
            and prev.value in _YEARLY_SET
            and _SET_THEN_MONTH.fullmatch(text, prev.end, ref.start)
        ) or (
            nxt is not None
            and nxt.type == "SET"
            and nxt.value in _YEARLY_SET
            and _MONTH_THEN_SET.fullmatch(text, ref.end, nxt.start)
        ):
            out[i] = TimeRef(ref.start, ref.end, ref.text, "SET", f"XXXX-{mo.group(1)}", ref.mod)
    return out


# one component of a duration: a whole number of years, months or days (P...) or of hours, minutes or seconds (PT...)
_DURATION_PART = re.compile(r"P(T?)(\d+)([YMDHS])")
_PART_RANK = {("", "Y"): 0, ("", "M"): 1, ("", "D"): 2, ("T", "H"): 3, ("T", "M"): 4, ("T", "S"): 5}
_PART_LINK = re.compile(r",?[^\S\n]+(?:and[^\S\n]+)?")
_PART_GAP = 8  # the longest link worth reading: ", and " with a space or two more


def _compound(text: str, parts: list[TimeRef]) -> TimeRef:
    """One DURATION for ``parts``, durations of one component each in decreasing units; an approximation of the
    first ("about two hours and ten minutes") is the whole one's."""
    date = clock = ""
    for p in parts:
        m = _DURATION_PART.fullmatch(p.value)
        assert m is not None  # compound_durations only joins such parts
        if m[1]:
            clock += m[2] + m[3]
        else:
            date += m[2] + m[3]
    value = "P" + date + (f"T{clock}" if clock else "")
    start, end = parts[0].start, parts[-1].end
    return TimeRef(start, end, text[start:end], "DURATION", value, parts[0].mod)


def _part_key(ref: TimeRef) -> tuple[str, str]:
    m = _DURATION_PART.fullmatch(ref.value)
    assert m is not None
    return m[1], m[3]


def compound_durations(text: str, refs: list[TimeRef]) -> list[TimeRef]:
    """Durations of one unit each that follow one another ("3 hours and 20 minutes", "4 minutes 48 seconds"),
    their units going down, joined as one (PT3H20M). Units out of order ("two days and two weeks"), a vague
    amount ("years") or a second part with its own modifier stay apart."""
    out: list[TimeRef] = []
    run: list[TimeRef] = []  # the parts joined so far
    for ref in refs:
        m = _DURATION_PART.fullmatch(ref.value) if ref.type == "DURATION" else None
        rank = _PART_RANK.get((m[1], m[3]), -1) if m else -1
        if (
            run
            and rank > _PART_RANK[_part_key(run[-1])]
            and ref.mod is None
            and _PART_LINK.fullmatch(text, run[-1].end, ref.start)
        ):
            run.append(ref)
            continue
        out.extend([_compound(text, run)] if len(run) > 1 else run)
        run = [ref] if rank >= 0 else []
        if rank < 0:
            out.append(ref)
    out.extend([_compound(text, run)] if len(run) > 1 else run)
    return out


# "the Future" with a capital noun is a title or a name ("The Future of Work", "the Future Strategists Hub"):
# running text writes "the future", also at the start of a sentence
_TITLE_CASE_REF = re.compile(r"(?i:the)\s+(?:(?:Near|Distant)\s+)?(?:Future|Present|Past)")


def apply(text: str, refs: list[TimeRef]) -> list[TimeRef]:
    """The discourse post-passes over the tagger's result (in text order)."""
    out = [
        r
        for r in refs
        if not (
            is_programme_name(text, r)
            or _TITLE_CASE_REF.fullmatch(r.text)
            or is_name_end(text, r)
            or is_discourse_now(text, r)
            or is_web_name(text, r)
            or is_predicate_unit(text, r)
        )
    ]
    if any(r.type == "SET" for r in out):
        out = month_in_set(text, out)
    if any(r.type == "TIME" for r in out):
        out = clock_day_after(text, out)
        if any(r.type == "SET" for r in out):
            out = clock_in_set(text, out)
        out = clock_in_many_days(text, out)
    if any(
        a.type == "DURATION" == b.type and b.start - a.end <= _PART_GAP for a, b in itertools.pairwise(out)
    ):
        out = compound_durations(text, out)
    if any(_QUOTE_DEICTIC.fullmatch(r.text) for r in out):
        out = [quoted_day(text, out, i) for i in range(len(out))]
    return out
