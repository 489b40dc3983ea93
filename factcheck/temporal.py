"""Temporal tagger: find time expressions in news text and normalise them to TIMEX3 values.

``tag(text, anchor)`` finds dates, times, durations and sets with exact character offsets and
resolves them against the publication date (``anchor``) and the tense of the clause around each
expression. A bare month, day or season takes the occurrence nearest the anchor, moved a year
when the clause points the other way ("will visit in March" written in April -> next March,
"visited in June" written in March -> last June); a bare weekday is the most recent one (the
anchor's own day included) unless the clause is future or planning ("expected to arrive on
Thursday"), then the next one. ``last``/``next``/``this`` fix the direction themselves.

Values follow the TimeML/TempEval conventions: ``2024-05-16``, ``2024-05``, ``2024``, ``2023-SP``,
``2024-Q2``, ``2024-H1``, ``2024-W20`` (ISO week), ``2024-W20-WE``, ``199`` (the 1990s), ``20`` (the
21st century), ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, ``2024-05-16T22:00`` and
``2024-05-16TMO`` (TIME), ``P2D``/``PT5H``/``PXY`` (DURATION), ``P1W``/``XXXX-WXX-4`` (SET).
"Mid-April", "the second half of May", "early next year" keep the value of the period and
put the part in ``TimeRef.mod`` (MID, SECOND_HALF, START, END, ...); "nearly two years" gets
LESS_THAN, "about" APPROX, "more than" MORE_THAN. A day alone ("on the 23rd") takes the nearest month
the clause allows; a conjoined or range end ("April 24 and 25", "from Dec. 28 to Jan. 3") takes the
month and year of its start; "the quarter ended July 31" is the calendar quarter holding most of those
three months (a period that "ended" on a day is over: the last such day on or before the anchor), and
in earnings reports "a year earlier", "the corresponding period last year" and "last year's quarter"
are the reported quarter a year back. After a fiscal quarter is named ("its fiscal first quarter"),
"the quarter" and "the latest period" are that quarter; "that quarter" and "until then" take the last
one named. "In five years" in a future clause is the date that far ahead; "a few days later" an open
duration.

Without an anchor, what the text fixes is kept and the rest left underspecified (``XXXX-05``,
``XXXX-05-07``, ``XXXX-WXX-4``, ``XXXX-SP``, ``XXXX-Q2``); :func:`resolve_value` completes such
values once the publication date is known. Purely relative expressions ("yesterday", "last
year") come out as ``XXXX-XX-XX``/``XXXX`` and cannot be completed from the value alone:
re-run :func:`tag` with the anchor (it is cached and fast).

Speed: a cheap word scan marks the regions around trigger words (time vocabulary, year-like
numbers, clock times) and each rule runs only inside regions holding its kind of trigger.
Explicit dates are read from the rule's own match groups. dateparser used to re-read each full
date as a cross-check, but a disagreement was always discarded in favour of the groups, so it could
never change a value, and its first call costs ~0.25 s (timezone regexes) at startup; it is kept as
the baseline in bench/temporal.py. Plain Python: never imports textual.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.model import TimeRef

__all__ = ["is_compatible", "resolve_value", "tag"]

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}  # WI = Dec..Feb, counted with December's year
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
    "final": 4,
}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "a thousand": 1000,
    "one thousand": 1000,
    "thousand": 1000,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "half a": 0.5,
    "half an": 0.5,
    "a half": 0.5,
    "dozen": 12,
    "a dozen": 12,
}
_VAGUE_NUMBERS = {"a few", "few", "several", "many", "some", "a number of", "numerous", "the past few"}
_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
_UNITS = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "fortnight": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "millennium": "L",
    "weekend": "WE",
}
_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

_MONTH_FULL_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR_RE = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH_RE = rf"(?:{_MONTH_FULL_RE}|{_MONTH_ABBR_RE})"
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"
_NUM_WORD_RE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a |one )?hundred|(?:a |one )?thousand|"
    r"a couple(?: of)?|couple of|half an?|a half|(?:a )?dozen|an?)"
)
_NUM_RE = rf"(?:\d+(?:\.\d+)?|{_NUM_WORD_RE})"
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
_YEAR_OR_DAY_VALUE = re.compile(r"\d{4}(?:-\d\d-\d\d)?$")
_QUARTER_VALUE = re.compile(r"\d{4}-Q\d$")
_QX_VALUE = re.compile(r"\d{4}-QX")
_PART_TAIL = re.compile(r"-(\d\d|SP|SU|FA|WI)$")
_FIXED_TEXT = re.compile(r"\d{4}|(?i:last|next|this)")
_YMD_VALUE = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")
_DAY_VALUE_OPEN = re.compile(r"(\d{4}|XXXX)-(\d\d)-(\d\d)")


# --------------------------------------------------------------------------------------------
# Helpers for dates
# --------------------------------------------------------------------------------------------


def _month_num(s: str) -> int:
    s = s.lower().rstrip(".")
    return _MONTHS.get(s) or _MONTH_ABBR[s]


def _number(s: str) -> float | None:
    s = s.lower().strip()
    if not s:
        return None
    try:
        return float(s)
    except ValueError:
        pass
    if s in _NUMBERS:
        return _NUMBERS[s]
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in _NUMBERS and parts[1] in _NUMBERS:
        return _NUMBERS[parts[0]] + _NUMBERS[parts[1]]
    return None


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


def _nearest_year(month: int, day: int | None, anchor: dt.date, tense: str | None) -> int:
    """Year for a month (and day) without a year: the occurrence nearest the anchor, moved one
    year when the clause tense points the other way (a future clause and a date clearly before
    the anchor, or a past clause and a date clearly after it)."""
    d = day or 1

    def when(y: int) -> dt.date:
        return dt.date(y, month, min(d, calendar.monthrange(y, month)[1]))

    best = min(
        (anchor.year, anchor.year - 1, anchor.year + 1),
        key=lambda y: (abs((when(y) - anchor).days), y != anchor.year),
    )
    delta = (when(best) - anchor).days
    # a whole month before/after the anchor's month, or 2+ weeks for a day
    if day is None:
        months = (best - anchor.year) * 12 + month - anchor.month
        if tense == "FUT" and months < 0:
            best += 1
        elif tense == "PAST" and months > 0:
            best -= 1
    else:
        if tense == "FUT" and delta < -14:
            best += 1
        elif tense == "PAST" and delta > 14:
            best -= 1
    return best


def _ended_year(month: int, day: int, anchor: dt.date, done: bool) -> int:
    """Year of the end date of an accounting period: "the quarter ended Oct. 31" (``done``) is over,
    so it is the last Oct. 31 on or before the anchor; "ending June 30" may lie ahead."""
    if not done:
        return _nearest_year(month, day, anchor, "PAST")
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


# --------------------------------------------------------------------------------------------
# Tense of the clause around an expression
# --------------------------------------------------------------------------------------------

_FUTURE_WORDS = frozenset(
    """will 'll shall would wo going gonna expected expects expect expecting planned planning
    scheduled slated intends intended intending aiming hoping upcoming forthcoming next coming proposed
    anticipated anticipate anticipates prepares preparing likely unlikely promised promises vowed vows pledged
    pledges until till tomorrow payable effective expire expires""".split()
)
_FUTURE_IF_TO = frozenset(
    """set due is are ready poised about able agreed decided plan plans hope hopes aim aims want wants
    seek seeks intend prepare""".split()
)
_TO_VERBS = frozenset(
    """visit meet attend hold sign travel arrive begin start launch take make become join open close
    announce release return leave go come vote decide discuss complete end resume host deliver pay buy
    sell raise cut build issue publish submit present testify appear consider review introduce expand
    reduce increase extend continue hear rule file provide receive send strike attack withdraw deploy
    admit ratify approve adopt conclude finalize implement invest acquire merge redeem repay resign
    retire run compete play perform speak address stage tour fly head sit convene debate negotiate
    celebrate mark commemorate unveil hand give win face try sentence try""".split()
)
_PAST_WORDS = frozenset(
    """was were had did said told met went came took made gave began held saw won lost left fell rose
    sold bought spent paid sent brought thought found became led ran wrote spoke flew knew got kept
    felt stood struck broke chose drove fought grew heard meant sought stole taught threw understood
    wore ago previously earlier last yesterday formerly already arrived since set""".split()
)
_ED_NOT_PAST = frozenset(
    """need needed indeed speed proceed succeed exceed hundred kindred sacred naked wicked united limited
    based related alleged so-called bed red shed feed seed breed reed deed bleed greed hatred
    interested concerned supposed""".split()
)
_ABBREVIATIONS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr gen sen rep gov st jr inc corp co ltd
    lt col capt sgt prof rev vs""".split()
)
_REPORTING = frozenset(
    "said says told tells announced announces reported reports added adds stated states confirmed".split()
)
_DEADLINE_BEFORE = re.compile(
    r"(?i:(?:\bas\s+(?:early|soon|late)\s+as|\bno\s+later\s+than|\b(?:extended|postponed|delayed|moved|"
    r"adjourned|deferred|rescheduled|pushed\s+back)\s+(?:to|until|till))\s+(?:on\s+)?$)"
)
_DETERMINERS = frozenset(
    "a an the this that these those its his her their our my your still newly recently long well very".split()
)
_PASSIVE_AUX = frozenset({"is", "are", "am", "be", "being", "'s"})
_FUTURE_IN_PAST = frozenset("had previously originally initially earlier once".split())
_PLAN_CHAIN = frozenset(
    """to due been set scheduled planned expected slated supposed meant intended not also already
    be""".split()
)
# a full stop after a number ends a sentence ("record Nov. 15. The split"): kept with its digit
# ("5.") so that it is not taken for an abbreviation's dot. A decimal point ("up 4.5% from") is
# a boundary too: the figures of a financial report are their own short clauses.
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]*(?:'(?:ll|s|ve|d|re|t))?|\d?\.|[!?;:\n\"“”]")
_BOUNDARY = frozenset([".", "!", "?", ";", "\n", *(f"{d}." for d in range(10))])


def _word_at(tokens: list[str], i: int) -> str:
    return tokens[i].lower() if i < len(tokens) else ""


def _classify(tokens: list[str], i: int) -> str | None:
    w = tokens[i]
    lw = w.lower()
    nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    prev = tokens[i - 1].lower() if i > 0 else ""
    if lw == "next" and nxt == "to":
        return None  # "next to the embassy": a place
    raw_next = tokens[i + 1] if i + 1 < len(tokens) else ""
    if (
        lw in _FUTURE_WORDS
        or (lw in _FUTURE_IF_TO and nxt == "to")
        or (lw in ("set", "scheduled", "slated", "planned", "due") and nxt == "for")
        or (lw == "due" and nxt in ("on", "by", "in"))
        # a scheduled present: "the law takes effect on July 1", "the rules come into force in May"
        or (lw in ("takes", "take") and nxt == "effect")
        or (
            lw in ("comes", "come", "enters", "enter")
            and nxt == "into"
            and _word_at(tokens, i + 2) == "force"
        )
        or lw.endswith("'ll")
        or lw == "won't"
        or (lw == "to" and raw_next.isalpha() and nxt in _TO_VERBS)
    ):
        # a plan seen from an earlier time is over: "had been due to expire Friday", "as
        # previously planned", "originally scheduled for"
        for t in reversed(tokens[max(0, i - 4) : i]):
            lt = t.lower()
            if lt in _FUTURE_IN_PAST:
                return "PAST"
            if lt not in _PLAN_CHAIN:
                break
        return "FUT"
    is_past = lw in _PAST_WORDS or (
        lw.endswith("ed") and len(lw) >= 5 and lw not in _ED_NOT_PAST and not w[0].isupper()
    )
    if not is_past:
        return None
    if prev in ("will", "would", "shall", "to") or prev.endswith("'ll"):
        return "FUT"
    if prev in ("be", "been"):
        aux = {t.lower() for t in tokens[max(0, i - 4) : i - 1]}
        if aux & {"will", "would", "to", "shall", "'ll"}:
            return "FUT"
        if aux & {"could", "might", "may", "must", "should", "can"}:
            return None
    if prev in _PASSIVE_AUX:
        return None
    if prev in _DETERMINERS and prev not in ("that", "which") and lw.endswith("ed"):
        return None  # an adjective: "a still unspecified date", "the armed forces"
    return "PAST"


def _tense(text: str, start: int, end: int, short: bool = False) -> str | None:
    """'FUT', 'PAST' or None for the clause around text[start:end]: nearest marker wins,
    looking left first (the verb governing a time adverbial usually precedes it).

    ``short``: the expression names a day within a week of the anchor (a bare weekday). Then
    an infinitive ("staged celebrations to mark the entry on Friday") and a clause-initial
    "until" ("Until Thursday, they had not called") take the tense of the rest of the clause and
    make it future only when nothing else does; for months and seasons they stay future ("gave it until
    mid-November", "plans to visit in May"), except that an infinitive under a past verb of its clause
    looks ahead from that past time, not from the anchor, and leaves the nearest occurrence ("was
    kidnapped to make the late-November trip")."""
    left = text[max(0, start - 160) : start]
    ltoks = _WORD_RE.findall(left)
    cut = 0
    for k in range(len(ltoks) - 1, -1, -1):
        t = ltoks[k]
        if t in _BOUNDARY:
            if t == "." and k > 0 and (len(ltoks[k - 1]) == 1 or ltoks[k - 1].lower() in _ABBREVIATIONS):
                continue
            cut = k + 1
            break
    # the twelve words before the expression are scanned; the ones before them stay as context
    # for reading those ("would be paid on a still unspecified date ... of record Dec. 21")
    ltoks = ltoks[cut:]
    first = max(0, len(ltoks) - 12)
    rtoks = _WORD_RE.findall(text[end : end + 100])[:8]
    # the word right after the expression can decide first: "Wednesday's ruling"
    if text[end : end + 2] in ("'s", "’s"):
        # "Wednesday's ruling" is past, unless its own clause looks ahead: "Sunday's election
        # will decide", "Friday's vote is expected to pass"
        for k, t in enumerate(rtoks[:6]):
            if t in _BOUNDARY:
                break
            if _classify(rtoks, k) == "FUT" and t.lower() != "to":
                return "FUT"
        return "PAST"
    if _may_end_in(left, _DEADLINE_WORDS) and _DEADLINE_BEFORE.search(left[-60:]):
        return "FUT"
    weak: str | None = None
    both = ltoks + rtoks[:1]
    for k in range(len(ltoks) - 1, first - 1, -1):
        if ltoks[k].lower() in _REPORTING and k < len(ltoks) - 2:
            # "said it is calling for a vote on Dec. 7": the reporting verb's tense is not the
            # tense of the reported clause; a time right after it ("said on Friday") is past
            break
        c = _classify(both, k)
        lk = ltoks[k].lower()
        if c == "FUT" and short and (lk == "to" or (lk in ("until", "till") and k == 0)):
            weak = "FUT"
            continue
        if c == "FUT" and lk == "to" and _past_governs(both, k):
            # an infinitive under a past verb looks ahead from that past time, not from the
            # anchor: "was kidnapped to make the late-November trip", "made it hard to meet
            # demand well into the summer": the nearest occurrence
            return None
        if c:
            return c
        if short and _scheduled_present(ltoks, k):
            return "FUT"
    for k, t in enumerate(rtoks):
        if t in _BOUNDARY:
            break
        c = _classify(rtoks, k)
        if c:
            return c
        if short and _scheduled_present(rtoks, k):
            return "FUT"
    return weak


def _past_governs(tokens: list[str], k: int) -> bool:
    """A past-tense verb in the eight words of the clause before the infinitive ``tokens[k]``."""
    for j in range(k - 1, max(0, k - 8) - 1, -1):
        lj = tokens[j].lower()
        if lj in _REPORTING:
            return False
        c = _classify(tokens, j)
        if c == "FUT" or (c is None and lj in _FUTURE_IF_TO):
            return False
        if c == "PAST":
            return True
    return False


_SCHEDULED_VERBS = frozenset(
    """meet meets resume resumes go goes begin begins travel travels arrive arrives leave leaves
    hold holds host hosts sign signs convene convenes testify testifies decide decides open opens
    close closes fly flies take takes announce announces unveil unveils start play face return
    visit vote""".split()
)


def _scheduled_present(tokens: list[str], i: int) -> bool:
    """A present-tense event verb ("Talks resume Tuesday", "Voters go to the polls on Sunday"):
    with a bare weekday, news uses it for what is scheduled."""
    w = tokens[i]
    if w.lower() not in _SCHEDULED_VERBS or w[0].isupper():
        return False
    prev = tokens[i - 1].lower() if i > 0 else ""
    nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    # "the vote", "to meet", "did not go", "could open", "the start of": no present-tense verb
    return (
        prev not in _DETERMINERS
        and prev not in _NOT_PRESENT_BEFORE
        and not prev.endswith("'s")
        and nxt != "of"
    )


_NOT_PRESENT_BEFORE = frozenset(
    """to did didn't not never could might may must should can would will shall cannot
    of for in on at by with from""".split()
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

    def note(self, y: int, mo: int | None = None, d: dt.date | None = None) -> None:
        self.last_year = y
        if mo is not None:
            self.last_month = (y, mo)
        if d is not None:
            self.last_ref = d


_Result = tuple[str, str, str | None]  # type, value, mod
_Handler = Callable[[re.Match[str], _Ctx], _Result | None]
_RULES: list[tuple[re.Pattern[str], _Handler, str]] = []


def _rule(pattern: str, flags: int = 0) -> Callable[[_Handler], _Handler]:
    compiled = re.compile(pattern, flags)

    def deco(fn: _Handler) -> _Handler:
        _RULES.append((compiled, fn, getattr(fn, "__name__", "")))
        return fn

    return deco


def _tense_of(m: re.Match[str], ctx: _Ctx) -> str | None:
    return _tense(ctx.text, m.start(), m.end())


# ---- explicit dates ------------------------------------------------------------------------


@_rule(
    r"(?=\d)\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ](?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d)?)?\b"
)
def _iso(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["h"]:
        return "TIME", f"{_fmt_date(d)}T{m['h']}:{m['mi']}", None
    return "DATE", _fmt_date(d), None


@_rule(r"(?=\d)(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d\d)(?![\d/])")
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
# ... followed by the end of the phrase, not a noun: "March second place" is no date
_DAY_WORD_END = r"""(?=\s*(?:[.,;:!?)"'”]|$|(?:and|or|at|in|on|to|when|through|until)\b))"""

_EXPLICIT_MD = (
    rf"(?:(?P<wd>{_WEEKDAY_RE}),?\s+)?(?:(?P<mon>{_MONTH_RE})\s+(?:(?P<day>{_DAY_RE})|(?P<dw>{_DAY_WORD_RE})(?![\w-]){_DAY_WORD_END})|"
    rf"(?P<day2>{_DAY_RE})\s+(?:{_ci('of')}\s+)?(?P<mon2>{_MONTH_RE}))"
    rf"(?:,?\s+(?P<year>{_YEAR_RE}))?(?![\d%]|[.:,]\d)"
)


@_rule(rf"(?=[0-9ADFJMNOSTW])(?<![\w$£€#.,])(?<!\d\.){_EXPLICIT_MD}")
def _explicit(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    mon = _month_num(m["mon"] or m["mon2"])
    day = _DAY_WORDS[m["dw"]] if m["dw"] else int(_NON_DIGIT.sub("", m["day"] or m["day2"]))
    if m["year"]:
        y = int(m["year"])
        if _safe_date(y, mon, day) is None:
            return None
        d = dt.date(y, mon, day)
        ctx.note(d.year, d.month, d)
        return "DATE", _fmt_date(d), None
    if day > calendar.monthrange(2000, mon)[1]:
        return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{mon:02d}-{day:02d}", None
    if _ENDED_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()):
        y = _ended_year(mon, day, ctx.anchor, True)  # "the quarter ended Oct. 31": over by now
    else:
        y = _nearest_year(mon, day, ctx.anchor, _tense_of(m, ctx))
    d2 = _safe_date(y, mon, day)
    if d2 is None:
        return None
    ctx.note(y, mon, d2)
    return "DATE", _fmt_date(d2), None


_ENDED_BEFORE = re.compile(r"(?i:\bended\s+(?:on\s+)?)$")


# ---- month (+ year), relative months --------------------------------------------------------

_TITLE_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Lord|Lady|Theresa|Brian)\.?\s+)$")
_AFTER_MONTH_OK = frozenset(
    """the a an and or to in at on of for with when after before this that last next as but by from until
    while it he she they we there his her its their our during through since about than or
    is was has had were are saw marks marked brings brought""".split()
)
_MAY_FINITE = frozenset(
    "is was has had were saw sees marks marked brings brought began begins ended ends will would".split()
)
_MAY_OK_BEFORE = re.compile(
    r"(?i:\b(?:in|of|since|until|till|by|from|to|through|during|before|after|this|last|next|early|late|"
    r"mid|end|since|between|and|or|for|on|the|past|coming|every|each|until|throughout)[\s-]*)$"
)


@_rule(
    r"(?=[tTlLnNcCpPJFMASOND])"  # the first letters of the alternatives below: a cheap first test
    rf"(?:\b(?P<rel>{_ci('this past|this coming|this|last|next|coming|past|previous')})\s+)?"
    rf"\b(?P<mon>{_MONTH_FULL_RE}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.(?=,?\s+\d{{4}}))"
    rf"(?:(?P<ry>\s+{_ci('this|last|next')}\s+{_ci('year')})|,?\s+(?:{_ci('of|in')}\s+)?(?P<year>{_YEAR_RE})(?![\d%]|,\d))?"
    r"(?![\w-])"
)
def _month(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    mon = _month_num(m["mon"])
    rel = (m["rel"] or "").lower()
    bare = not rel and not m["year"] and not m["ry"]
    if bare:
        after = ctx.text[m.end() : m.end() + 12]
        guard = re.match(r"\s+(?:for|of|on|against|to|in)\s+(?:the\s+)?(?P<w>[A-Z][a-z]*\.?)", after)
        if m["mon"] in ("March", "May") and guard and not _MONTH_NAME.fullmatch(guard["w"]):
            return None  # "March for Life", "March on Washington"; not "November to March"
    if bare and _TITLE_BEFORE.search(ctx.text[max(0, m.start() - 12) : m.start()]):
        return None  # "Mrs. May", "Mr. March": names
    if m["mon"] == "May" and bare:
        # the modal verb is followed by a bare verb ("May God help us", "and May could see a cut"); the
        # month by a preposition, a clause, or a finite verb ("May saw record rain", "May is busy")
        before = ctx.text[max(0, m.start() - 20) : m.start()]
        nxt = re.match(r"\s+([a-z]+)", ctx.text[m.end() : m.end() + 16])
        word = nxt.group(1) if nxt else ""
        if word not in _MAY_FINITE:
            if not _MAY_OK_BEFORE.search(before):
                return None
            if word and word not in _AFTER_MONTH_OK:
                return None
    if m["year"]:
        ctx.note(int(m["year"]), mon)
        return "DATE", f"{int(m['year']):04d}-{mon:02d}", None
    a = ctx.anchor
    if a is None:
        return "DATE", f"XXXX-{mon:02d}", None
    if m["ry"]:
        k = m["ry"].split()[0].lower()
        y = a.year + {"this": 0, "last": -1, "next": 1}[k]
    elif rel in ("last", "past", "this past", "previous"):
        # the most recent one; the month just before the anchor's is "last month", so
        # "last February" said in March means the year before
        y = a.year if mon < a.month - 1 else a.year - 1
    elif rel in ("next", "coming", "this coming"):
        y = a.year if mon > a.month + 1 else a.year + 1
    elif rel == "this":
        y = a.year
    else:
        y = _nearest_year(mon, None, a, _tense_of(m, ctx))
    ctx.note(y, mon)
    return "DATE", f"{y}-{mon:02d}", None


# ---- years, decades, centuries --------------------------------------------------------------


_YEAR_EVENTS = frozenset(
    """elections protests riots talks games floods attacks bombings hearings sanctions accords
    negotiations playoffs finals championships levels figures results reforms budgets polls primaries
    caucuses midterms earthquakes wildfires strikes shootings killings uprisings revolutions
    olympics summits agreements accounts rules regulations""".split()
)
_FY_WORDS = _ci(r"(?:fiscal|financial|calendar|budget|tax)\s+year|fiscal|calendar|model")


@_rule(
    r"(?=[12bBcCfFmMtT])"  # the first characters of the alternatives below: a cheap first test
    rf"(?:(?<=\d{{4}}[-–])|(?<![\w$£€#.,/])(?<!\d-))(?:(?P<fy>{_FY_WORDS}\s+|FY\s?))?(?P<year>{_YEAR_RE})(?P<s>s|'s)?"
    r"(?![\w%]|[.,/:]\d|-(?!(?:1[6-9]|20)\d\d\b|\d\d\b)\d|\s*(?:%|percent|per cent))"
)
def _year(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    y = int(m["year"])
    after = ctx.text[m.end() : m.end() + 16]
    if m["s"]:
        if y % 10:
            return None
        return "DATE", str(y // 10), None
    nxt = _LOWER_WORD_AFTER.match(after)
    prefixed = _PRE_POST_BEFORE.search(ctx.text[max(0, m.start() - 5) : m.start()])
    if nxt and not m["fy"] and not prefixed:  # "post-1959 politics" is a year
        w = nxt.group(1)
        if (
            w.endswith("s")
            and w not in ("was", "has", "is", "as", "its", "this", "his", "jobs")
            and w not in _YEAR_EVENTS
            and len(w) > 3
        ):
            return None  # "2000 workers"; but "the 1992 protests", "the 2020 elections"
        if w in ("people", "men", "women", "children", "staff", "police", "feet", "meters", "metres"):
            return None
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    if re.search(
        r"(?:no\.|number|page|room|flight|route|highway|about|some|nearly|over|than|section|article|chapter|"
        r"resolution|form|model|code|item|bill|paragraph|rule|regulation|unit|tier|version|road|street)\s*$",
        before,
    ):
        return None
    if y < 1800 and not re.search(r"(?:in|since|of|from|until|by|year|to|and)\s+$", before):
        return None
    ctx.note(y)
    return "DATE", str(y), None


@_rule(
    r"(?=[12'eElLmMtT])"  # the first characters of the alternatives below: a cheap first test
    r"(?<![\w$])(?:(?:the\s+)?(?i:(?P<md>early|mid|late)[\s-]+))?(?:the\s+)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0s|'(?P<d2>\d)0s)\b"
    r"|\b(?i:the\s+)(?:(?i:(?P<md2>early|mid|late)[\s-]+))?(?P<w>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"
)
def _decade(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((m["md"] or m["md2"] or "").lower())
    if m["w"]:
        return "DATE", f"19{_DECADE_WORDS[m['w'].lower()]}", mod
    if m["c"]:
        return "DATE", f"{m['c']}{m['d']}", mod
    return "DATE", f"19{m['d2']}", mod


@_rule(r"(?=[tT\d])(?i:\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century)\b")
def _century(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    n = int(m["n"])
    if not 1 <= n <= 22:
        return None
    return "DATE", f"{n - 1:02d}", None


# ---- seasons ---------------------------------------------------------------------------------


@_rule(
    rf"(?i:\b(?P<pre>this past|this coming|this|last|next|coming|past|the|in|during|by|until|since|early|late|mid-?|this year's|last year's|next year's)[\s-]+)?"
    rf"\b(?P<s>{_ci('spring|summer|fall|autumn|winter')})\b"
    rf"(?:,?\s+(?:{_ci('of')}\s+)?(?P<year>{_YEAR_RE})\b)?"
)
def _season(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    code = _SEASONS[m["s"].lower()]
    pre = (m["pre"] or "").lower().rstrip("-")
    if m["year"]:
        return "DATE", f"{m['year']}-{code}", None
    if not pre:
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
    if ctx.text[m.end() : m.end() + 1] == "-" or re.match(
        r"\s+of\b(?!\s+(?:nineteen|eighteen|two thousand)\b)", ctx.text[m.end() : m.end() + 24]
    ):
        return None
    a = ctx.anchor
    mod = {"early": "START", "late": "END", "mid": "MID"}.get(pre)
    pre = pre.replace("'s", "")
    if a is None:
        return "DATE", f"XXXX-{code}", mod
    cy, cs = _season_of(a)
    cur = cy * 4 + _SEASON_ORDER[cs]
    order = _SEASON_ORDER[code]

    def idx_year(i: int) -> int:
        return i // 4

    # candidate indexes for this season around the current one
    cands = [(y * 4 + order) for y in (a.year - 2, a.year - 1, a.year, a.year + 1, a.year + 2)]
    if pre in ("last", "past", "this past", "last year"):
        i = max(c for c in cands if c < cur)
    elif pre in ("next", "coming", "this coming", "next year"):
        i = min(c for c in cands if c > cur)
    elif pre in ("this", "this year"):
        i = a.year * 4 + order if code != "WI" else (cur if cs == "WI" else min(c for c in cands if c >= cur))
    else:
        tense = _tense_of(m, ctx)
        if tense == "FUT":
            i = min(c for c in cands if c >= cur)
        elif tense == "PAST":
            i = max(c for c in cands if c <= cur)
        else:
            i = min(cands, key=lambda c: (abs(c - cur), c))
    return "DATE", f"{idx_year(i)}-{code}", mod


# ---- a day of the month alone: "on the 23rd", "the 30th of this month" ----------------------


@_rule(
    r"(?=[tToObBuUsSaA\u017f])"  # the first letters below (and the long s, which (?i) takes for s)
    r"(?i:\bthe\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\s+of\s+(?P<rel>this|next|last|the)\s+month\b)"
    r"|(?i:\b(?P<prep>on|by|until|till|since|before|after)\s+the\s+(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))"
    r"(?=\s*[.,;:)]|\s*$|\s+(?:and|or|at|when|in|of\s+the\s+month)\b)"
)
def _day_of_month(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    day = int(m["d"] or m["d2"])
    if not re.search(r"(?i:1st|2nd|3rd|[04-9]th|1[0-9]th|2[1-3](?:st|nd|rd)|3[01](?:st|th))", m.group(0)):
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
    days = [x for k in (-2, -1, 0, 1, 2) if (x := _safe_date(*_add_months(a, k), day)) is not None]
    if tense == "FUT":
        d = min((x for x in days if x >= a), default=None)
    elif tense == "PAST":
        d = max((x for x in days if x <= a), default=None)
    else:
        d = min(days, key=lambda x: abs((x - a).days), default=None)
    if d is None:
        return None
    ctx.last_ref = d
    return "DATE", _fmt_date(d), None


# ---- quarters, halves ------------------------------------------------------------------------

_Q_PREFIX = r"(?:the|its|a|their|his|her|this|that|our)\s+(?:(?:latest|flat|same|current|fiscal|calendar|recent|strong|weak|year-earlier|year-ago)\s+)*"


@_rule(
    rf"(?i:\b(?:(?P<rel0>this|last|next)\s+year['’]s\s+|(?P<y0>{_YEAR_RE})['’]s\s+|{_Q_PREFIX})?(?:(?P<y1>{_YEAR_RE})\s+)?(?:fiscal\s+)?(?P<o>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter\b"
    rf"(?:\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?(?P<y2>{_YEAR_RE})\b|\s+of\s+(?P<rel>this|last|next)\s+year\b)?)"
    rf"|\bQ(?P<q>[1-4])(?:\s*(?P<y3>{_YEAR_RE}))?\b"
)
def _quarter_rule(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    q = int(m["q"]) if m["q"] else _ORDINALS[m["o"].lower()]
    y = m["y0"] or m["y1"] or m["y2"] or m["y3"]
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
    return "DATE", f"{yy}-Q{q}", None


@_rule(
    r"(?i:\b(?:the|its)\s+(?:(?:comparable|corresponding|same)\s+(?=year-))?"
    r"(?:(?P<adj>latest|year-earlier|year-ago|previous|latest fiscal|current|same)\s+)?(?P<u>quarter|period)\b(?!-|\s+(?:of|century)\b)"
    r"(?P<ago>\s+(?:a|one)\s+year\s+(?:ago|earlier))?"
    r"|\b(?:the|its)\s+(?P<cmp>comparable|corresponding|same)\s+(?:quarter|period)\s+(?:of\s+)?"
    r"(?:last\s+year|a\s+year\s+(?:ago|earlier))\b"
    r"|\blast\s+year['’]s\s+(?P<lys>quarter|period)\b"
    r"|\b(?P<rel>last|this|next|previous|past|current|coming)\s+quarter\b)"
)
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


@_rule(r"(?i:\bthat\s+(?:same\s+)?quarter\b(?!-))")
def _that_quarter(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    return "DATE", "XXXX-QX", None  # anaphoric: the quarter last named, filled in from the context


_QUARTER_ENDED = re.compile(
    rf"\s+(?:that\s+)?(?P<v>ended|ending|ends)\s+(?P<mon>{_MONTH_RE})\s+(?P<d>[12]\d|3[01]|0?[1-9])\b"
)


@_rule(rf"(?i:\b(?:the|its)\s+(?P<y>{_YEAR_RE})\s+(?:fiscal\s+)?(?:quarter|period)\b)")
def _year_quarter(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    return "DATE", f"{m['y']}-QX", None  # the quarter number is filled in from the context


_HALF_OF = rf"(?:(?:fiscal\s+)?(?P<y>{_YEAR_RE})|(?P<rel>this|last|next)\s+year|the\s+(?:fiscal\s+)?year)"


@_rule(
    rf"(?i:\b(?:(?:the|its|their|a)\s+)?(?:fiscal\s+)?(?P<h>first|second|last|latter)(?:\s+|-)half\b"
    rf"(?:\s+of\s+{_HALF_OF}\b|(?!\s+of\b)))"
    rf"|\b(?P<hn>H[12])\s*(?P<y2>{_YEAR_RE})\b"
)
def _half(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    return _half_value(m, ctx)


@_rule(
    rf"(?i:\b(?:the\s+)?(?P<h2>first|last|final)\s+two\s+quarters\s+of\s+"
    rf"(?:(?:fiscal\s+)?(?P<y3>{_YEAR_RE})|(?P<rel3>this|last|next)\s+year)\b)"
)
def _two_quarters(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    return _half_value(m, ctx)


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
    bare = not g.get("h2") and rel is None and not re.search(r"(?i)\bof\b", m.group(0))
    if bare and not _BUSINESS_NEAR.search(
        ctx.text, max(0, m.start() - 120), min(len(ctx.text), m.end() + 80)
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


@_rule(
    rf"(?=[eElLtTnNpPcC])(?i:\b(?:(?P<el>earlier|later|late|early)\s+)?(?P<rel>this past|this coming|this|last|next|past|previous|coming|current|the past|the last|the next|the coming|the previous|the current|the following)\s+{_REL_UNIT_RE}\b)"
    r"(?!-)"
)
def _rel_unit(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    rel = m["rel"].lower()
    unit = m["u"].lower()
    el = (m["el"] or "").lower()
    if m["u"][0].isupper() and m["rel"][0].isupper():
        return None  # "This Week", a programme title
    if rel == "the following" or rel == "the previous":
        ref = _ref_date(ctx, unit)
        if ref is None:
            return None
        off = 1 if rel == "the following" else -1
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
    if unit == "weekend" and rel == "this":
        off = 0
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


@_rule(
    r"(?=[tTeEbBsSmMcClLnNyY\u017f])"  # the first letters below (and the long s, which (?i) takes for s)
    r"(?i:\b(?:the\s+)?(?P<md>end|beginning|start|middle|close|turn)\s+of\s+(?:the\s+)?(?:(?P<rel>this|last|next|the|current)\s+)?"
    r"(?P<u>week|month|year|quarter|decade|century)\b)"
    r"|(?i:\b(?:(?:the|this|last|next)\s+)?year[\s-]end\b|\byear['’]s\s+end\b)"
)
def _end_of(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    if m["u"] is None:
        mod: str | None = "END"
        unit, off = "year", 0
        s = m.group(0).lower()
        if s.startswith("last"):
            off = -1
        elif s.startswith("next"):
            off = 1
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
            off += 1 if unit in ("year", "decade", "century") else 0
    a = ctx.anchor
    if a is None:
        return (
            "DATE",
            {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "quarter": "XXXX-QX"}.get(unit, "XXXX"),
            mod,
        )
    return "DATE", _rel_value(unit, off, a), mod


# ---- deictic words ------------------------------------------------------------------------

_QUANTITY_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|quarters?)\b", re.I
)
_DEICTIC = {
    "now": ("DATE", "PRESENT_REF"),
    "right now": ("DATE", "PRESENT_REF"),
    "currently": ("DATE", "PRESENT_REF"),
    "current": ("DATE", "PRESENT_REF"),
    "then current": ("DATE", "PAST_REF"),  # "the then current market price": current at a past time
    "nowadays": ("DATE", "PRESENT_REF"),
    "at present": ("DATE", "PRESENT_REF"),
    "presently": ("DATE", "PRESENT_REF"),
    "these days": ("DATE", "PRESENT_REF"),
    "at the moment": ("DATE", "PRESENT_REF"),
    "the present": ("DATE", "PRESENT_REF"),
    "recently": ("DATE", "PAST_REF"),
    "recent": ("DATE", "PAST_REF"),
    "recent years": ("DATE", "PAST_REF"),
    "recent months": ("DATE", "PAST_REF"),
    "recent weeks": ("DATE", "PAST_REF"),
    "recent days": ("DATE", "PAST_REF"),
    "in the past": ("DATE", "PAST_REF"),
    "the past": ("DATE", "PAST_REF"),
    "previously": ("DATE", "PAST_REF"),
    "formerly": ("DATE", "PAST_REF"),
    "lately": ("DATE", "PAST_REF"),
    "once": ("DATE", "PAST_REF"),
    "the future": ("DATE", "FUTURE_REF"),
    "future": ("DATE", "FUTURE_REF"),
    "soon": ("DATE", "FUTURE_REF"),
    "as soon as possible": ("DATE", "FUTURE_REF"),
    "the near term": ("DATE", "FUTURE_REF"),
    "the near future": ("DATE", "FUTURE_REF"),
    "a later date": ("DATE", "FUTURE_REF"),
    "later date": ("DATE", "FUTURE_REF"),
    "the long term": ("DATE", "FUTURE_REF"),
    "the long run": ("DATE", "FUTURE_REF"),
    "the short term": ("DATE", "FUTURE_REF"),
}


@_rule(
    r"(?=[rRnNcCtTaApPfFlLiIsS])"  # the first letters of the alternatives below: a cheap first test
    r"(?i:\b(?P<w>right now|now|currently|then[- ]current|current|nowadays|at present|presently|these days|at the moment|this (?:[a-z]+ )?moment(?!\s+of\b)|the present(?!\s+\w+ing\b)|"
    r"recent years|recently|recent|(?:in )?the past(?!\s+(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d|year|month|week|decade|day|quarter|century))|formerly|lately|"
    r"the (?:near |distant )?future|future|as soon as possible|soon|(?-i:Previously)|the (?:near|long|short) term|the long run|a later date)\b)"
)
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
        nxt = re.match(r"\s+([A-Za-z]+)", ctx.text[m.end() : m.end() + 20])
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
        if before.endswith("as ") or re.match(r"\s+(?:after|afterwards|as|thereafter)\b", after):
            return None
    return _DEICTIC[w][0], _DEICTIC[w][1], None


@_rule(
    r"(?=[eElLtTyYmMaA])"  # the first letters of the alternatives below: a cheap first test
    r"(?:(?i:\b(?:(?P<el>earlier|later|late|early)\s+)?(?P<w>today|tonight|tomorrow|yesterday)(?:\s+(?P<p>morning|afternoon|evening|night))?\b)"
    r"|(?i:\b(?P<w2>this|last|tomorrow|yesterday)\s+(?P<p2>morning|afternoon|evening|night)\b)"
    r"|(?i:\bmid[- ](?P<p3>morning|afternoon|evening)(?:\s+(?P<w3>today|tomorrow|yesterday))?\b)"
    r"|(?i:\b(?P<p4>morning|afternoon|evening)\s+(?P<w4>yesterday|tomorrow)\b))"
)
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


# ---- weekdays ------------------------------------------------------------------------------


@_rule(
    r"(?=[tTlLnNcCpPoOMWFS])"  # the first letters of the alternatives below: a cheap first test
    rf"(?:\b(?P<rel>{_ci('the previous|the following|this past|this coming|this|last|next|coming|past|on')})\s+)?\b(?P<wd>{_WEEKDAY_RE})(?P<pl>s)?\b"
    rf"(?:\s+(?P<p>{_ci('morning|afternoon|evening|night')})(?P<pl2>s)?\b)?"
)
def _weekday(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    wd = _WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    every = _EVERY_BEFORE.search(ctx.text[max(0, m.start() - 8) : m.start()])
    if m["pl"] or m["pl2"] or (every and not rel):
        part = _PART_OF_DAY.get((m["p"] or "").lower(), "")
        return "SET", f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""), None
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
    else:
        tense = _tense(ctx.text, m.start(), m.end(), short=True)
        d = _weekday_date(wd, a, "future" if tense == "FUT" else "past")
        if tense is None and (_weekday_date(wd, a, "next") - a).days <= 2:
            d = _weekday_date(wd, a, "next")  # neutral clause, a weekday one or two days ahead
    ctx.last_ref = d
    return "DATE", _fmt_date(d), None


# ---- anaphoric days / years ---------------------------------------------------------------


def _ref_date(ctx: _Ctx, unit: str) -> dt.date | None:
    """The reference time for an anaphoric expression of ``unit`` granularity."""
    if unit in ("day", "morning", "week", "weekend") and ctx.last_ref is not None:
        return ctx.last_ref
    if unit == "month" and ctx.last_month is not None:
        return dt.date(ctx.last_month[0], ctx.last_month[1], 1)
    if unit == "year" and ctx.last_year is not None:
        return dt.date(ctx.last_year, 1, 1)
    return ctx.anchor


@_rule(
    r"(?=[tTlLeE])"  # the first letters of the alternatives below: a cheap first test
    r"(?i:\b(?P<w>the (?:next (?:day|morning|year)|following (?:day|morning|year|week|month)|"
    r"previous (?:day|year|week|month)|same (?:day|year|month)|day (?:before|after)|year before)|"
    r"that (?:same day|day|year|month)|later that year|earlier that year)\b)"
)
def _anaphoric(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    w = re.sub(r"\s+", " ", m["w"].lower())
    unit = next(u for u in ("day", "morning", "week", "month", "year") if u in w.split())
    if unit in ("day", "year") and w.endswith(("before", "after")):
        after = ctx.text[m.end() : m.end() + 30]
        if re.match(r"\s+(?:the|a|an|his|her|their|its|last|\w+ing\b|[A-Z])", after):
            return None  # "the day before the vote": relative to an event, not to a date
    ref = _ref_date(ctx, unit)
    if ref is None:
        return None
    off = (
        1
        if ("next" in w or "following" in w or "after" in w)
        else -1
        if ("before" in w or "previous" in w)
        else 0
    )
    if unit in ("day", "morning"):
        return "DATE", _fmt_date(ref + dt.timedelta(days=off)), None
    return "DATE", _rel_value(unit, off, ref), None


@_rule(r"(?i:\b(?:until|till|by)\s+then\b)")
def _until_then(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "terminate on Nov. 30. Until then, ...": "then" is the date last named (none: no expression)."""
    if ctx.last_ref is not None:
        return "DATE", _fmt_date(ctx.last_ref), None
    if ctx.last_month is not None:
        return "DATE", f"{ctx.last_month[0]}-{ctx.last_month[1]:02d}", None
    return None


_THIS_UNIT_BEFORE = re.compile(r"(?i:\bthis\s+(year|month|week)\b)")


@_rule(r"(?=[lL])(?i:\blast\b(?=\s*(?:[.,;:!?)]|$)))")
def _elliptic_last(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "twice as high a dividend this year as last": the unit comes from "this year" before it."""
    if not ctx.text[max(0, m.start() - 5) : m.start()].lower().endswith(("as ", "than ")):
        return None
    units = _THIS_UNIT_BEFORE.findall(ctx.text, max(0, m.start() - 80), m.start())
    if not units or ctx.anchor is None:
        return None
    return "DATE", _rel_value(units[-1].lower(), -1, ctx.anchor), None


# ---- durations and "ago" -----------------------------------------------------------------

_DUR_MOD = {
    "about": "APPROX",
    "around": "APPROX",
    "some": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}


_RATE_BEFORE = re.compile(
    r"(?:\d|times|twice|once|million|billion|thousand|hundred|dollars|cents)\W*(?:[a-z-]+\W+){0,2}$"
)


def _unit_code(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "CE"
    if u.startswith("millenni"):
        return "L"
    return _UNITS[u.rstrip("s") if u != "days" else "day"]


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
        # half units: whole units plus half a unit in the next smaller one ("2 1/2 years" -> P2Y6M)
        whole = int(n)
        if abs(n - whole - 0.5) < 1e-9:
            if prefix == "PT":
                half = {"H": "30M", "M": "30S"}.get(code)
                if half:
                    return f"PT{whole}{code}{half}" if whole else f"PT{half}"
            else:
                if code == "W":
                    return f"P{round(n * 7)}D"
                half = {"Y": "6M", "M": "15D", "D": "T12H"}.get(code)
                if half:
                    return f"P{whole}{code}{half}" if whole else f"P{half}"
        return f"{prefix}{n}{code}"
    return f"{prefix}{int(n)}{code}"


@_rule(
    # the first character of a number word (or digit) is checked first: most words start no number
    rf"(?=[\dtTfFsSeEnNoOhHaAcCdDmM½])(?i:\b"
    rf"(?P<n>{_NUM_RE}|{_VAGUE_RE})(?P<frac>\s+1/2|½|\s+and\s+a\s+half)?(?:\s+or\s+so)?[\s-]+(?:(?:more|additional|straight|consecutive|full|long|trading|business|working|calendar|fiscal)[\s-]+)?"
    rf"(?P<u>{_UNIT_RE})\b(?P<half>\s+and\s+a\s+half\b)?(?P<old>-old|\s+old\b|\s+of\s+age\b)?"
    rf"(?:\s+(?:or\s+so\s+)?(?P<ago>ago|earlier|later|from\s+now|hence)\b)?)"
)
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
    if nword in ("a", "an", "per") and not m["ago"] and _RATE_BEFORE.search(before):
        return "SET", _duration_value(1, m["u"]), None
    unit = m["u"].lower()
    if nword in ("a", "an") and m.group(0)[0].isdigit():
        return None
    n: float | None = None if nword in _VAGUE_NUMBERS else _number(nword)
    if nword not in _VAGUE_NUMBERS and n is None:
        return None
    # "the first quarter" etc. are quarters, "a second" is not a duration
    if unit.startswith("quarter") and nword in ("a", "an", "one"):
        return None
    if n is not None and (m["frac"] or m["half"]):
        n += 0.5
    if (
        nword == "one"
        and unit == "day"
        and re.search(r"(?i:\b(?:will|would|could|may|might|'ll|can|hope|hopes)\s+)$", before)
    ):
        return "DATE", "FUTURE_REF", None  # "Islam will one day be ..."
    ago = _SPACES.sub(" ", (m["ago"] or "").lower())
    if (
        not ago
        and _IN_BEFORE.search(before)
        and _unit_code(unit) in ("D", "W", "M", "Y", "DE")
        and not (unit.startswith("minute") or unit.startswith("second"))
        and _tense_of(m, ctx) == "FUT"
    ):
        # "would be redeemed in five years", "will return in two weeks": a point that far ahead
        ago = "from now"
    if ago:
        # "ago", "from now" count from the publication date; "later" from the date in the narrative
        a = ctx.last_ref if ago == "later" and ctx.last_ref is not None else ctx.anchor
        code = _unit_code(unit)
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
        if code == "Y":
            return "DATE", str(a.year + k), None
        if code == "DE":
            return "DATE", str(a.year + 10 * k), None
        if code in ("H", "M", "S") and not unit.startswith("month"):
            if ago == "later":
                return "DURATION", _duration_value(n, unit), None  # "an hour later": no calendar date
            return "TIME", "PRESENT_REF", None  # "12 hours ago": about now
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if unit in ("night", "nights") and nword in ("a", "an", "one"):
        return None
    return "DURATION", _duration_value(n, unit), None


_IN_BEFORE = re.compile(r"(?:^|\W)in\s+(?:about\s+|around\s+|roughly\s+|another\s+)?$")


@_rule(
    rf"(?i:\b(?:(?P<n>{_NUM_RE})[\s-]+)?(?P<u>hour|day|night|week|month|year|decade|centur(?:y|ies)|hours|days|nights|"
    r"weeks|months|years|decades)-?long\b)"
)
def _long(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "a day-long meeting", "their decades-long battle", "a weeklong visit", "a two-year-long truce"."""
    unit = m["u"].lower()
    n = _number(m["n"].lower()) if m["n"] else (None if unit.endswith(("s", "ies")) else 1)
    if m["n"] and n is None:
        return None
    return "DURATION", _duration_value(n, unit), None


_BARE_PLURAL_UNITS = r"(?:years|months|weeks|days|decades|centuries|hours|minutes)"


@_rule(
    rf"(?=[tTfFoOiIwWaAcCrRpP])(?i:\b(?P<p>these|for|over|in|within|after|the past|the last|the next|the coming|coming|recent|past)\s+(?P<u>{_BARE_PLURAL_UNITS})\b)(?!\s+(?:ago|of|earlier|later|old)\b)"
)
def _bare_units(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    if m["p"].lower() == "these":
        return ("DATE", "PRESENT_REF", None) if m["u"].lower() == "days" else None
    return "DURATION", _duration_value(None, m["u"]), None


# ---- sets ----------------------------------------------------------------------------------

_SET_ADV = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "annual": "P1Y",
    "hourly": "PT1H",
    "biannually": "P6M",
    "semiannually": "P6M",
}


_SET_FOLLOW = frozenset("basis and or to in for at by since as than but from with on the a".split())


@_rule(
    rf"(?i:\b(?P<ev>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{_NUM_RE})\s+)?(?P<u>{_UNIT_RE}|weekend)\b)"
    rf"|(?i:\b(?P<ev2>every|each)\s+)(?P<wd>{_WEEKDAY_RE}|{_MONTH_FULL_RE})\b"
    r"|(?i:\b(?P<adv>daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|annually|yearly|hourly|semiannually|biannually)\b)"
)
def _set(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    if m["adv"]:
        w = m["adv"].lower()
        # "a quarterly dividend" is a payment, not a time; "a daily rally", "his weekly address" are
        nxt = re.match(r"\s+([A-Za-z]+)", ctx.text[m.end() : m.end() + 20])
        if nxt and w == "quarterly" and nxt.group(1) not in _SET_FOLLOW:
            return None
        if m["adv"][0].isupper() and nxt and nxt.group(1)[0].isupper():
            return None  # "Daily Mail", "Weekly Standard"
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
        n *= 2
    unit = m["u"].lower()
    if unit.startswith("weekend"):
        return "SET", "XXXX-WXX-WE", None
    return "SET", _duration_value(n, unit), None


_RATE_RE = re.compile(r"(?=[pPaA])(?i:\b(?P<per>per|a)\s+(?P<pu>year|month|week|day|hour)\b)")


def _rate(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "$5 million a year", "twice a day": a set."""
    if m["per"].lower() == "a":
        before = ctx.text[max(0, m.start() - 40) : m.start()].lower()
        if not re.search(
            r"(?:\d|times|twice|once|million|billion|thousand|hundred|dollars|cents|\$)\W*(?:\w+\W+){0,2}$",
            before,
        ):
            return None
    return "SET", _duration_value(1, m["pu"]), None


_RULES.append((_RATE_RE, _rate, "_rate"))


# ---- times of day ------------------------------------------------------------------------


@_rule(
    r"(?=[\dnNmM])"  # the first characters of the alternatives below: a cheap first test
    r"(?i:\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?)"
    r"(?:\s+(?P<tz>[A-Z]{2,4}T|GMT|UTC|EST|EDT|PST|PDT|CST|CDT|BST|CET|MSK)\b)?"
    rf"(?:,?\s+(?:{_ci('on')}\s+)?(?P<wd>{_WEEKDAY_RE}|{_ci('today|yesterday|tomorrow')})\b)?"
    r"|(?P<hh>\b(?:[01]?\d|2[0-3])):(?P<mm>[0-5]\d)\b(?:\s+(?P<tz2>GMT|UTC|[A-Z]{2,4}T)\b)?"
    r"|(?i:\b(?P<noon>noon|midday|midnight)\b)"
    rf"(?:,?\s+(?:{_ci('on')}\s+)?(?P<wd2>{_WEEKDAY_RE}|{_ci('today|yesterday|tomorrow')})\b)?"
)
def _time(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    a = ctx.anchor
    if m["noon"] and ctx.text[max(0, m.start() - 5) : m.start()].lower() == "high ":
        return None
    if m["noon"]:
        hh, mi = (12, 0) if m["noon"].lower() in ("noon", "midday") else (0, 0)
    elif m["hh"] is not None:
        before = ctx.text[max(0, m.start() - 1) : m.start()]
        if before.isdigit() or before in ":.":
            return None
        hh, mi = int(m["hh"]), int(m["mm"])
    else:
        hh = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
        mi = int(m["mi"] or 0)
    day: dt.date | None = a
    wd = m["wd"] or m["wd2"]
    if wd and a is not None:
        w = wd.lower()
        if w in _WEEKDAYS:
            tense = _tense_of(m, ctx)
            day = _weekday_date(_WEEKDAYS[w], a, "future" if tense == "FUT" else "past")
        else:
            day = a + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[w])
    elif ctx.last_ref is not None and a is not None and abs((ctx.last_ref - a).days) <= 7:
        day = ctx.last_ref
    base = _fmt_date(day) if day else "XXXX-XX-XX"
    return "TIME", f"{base}T{hh:02d}:{mi:02d}", None


_CLOCK_WORDS = {
    w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)
}


@_rule(
    r"(?=[1-9oOtTfFsSeEnN\u017f])"  # the first characters below (and the long s, which (?i) takes for s)
    r"(?i:\b(?P<h>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:\s+o['’]clock)?\s+in\s+the\s+(?P<p>morning|afternoon|evening|night)\b)"
)
def _clock_in_part(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    """ "at 4 in the morning", "eight o'clock in the evening"."""
    if not re.search(
        r"(?i:\b(?:at|by|until|till|before|after|around|about)\s+)$",
        ctx.text[max(0, m.start() - 8) : m.start()],
    ):
        return None  # "two in the morning session": a count, not a clock time
    h = m["h"].lower()
    hh = int(h) if h.isdigit() else _CLOCK_WORDS[h]
    part = m["p"].lower()
    if part == "morning":
        hh %= 12
    elif part in ("afternoon", "evening") or (part == "night" and hh >= 6):
        hh = hh % 12 + 12
    a = ctx.anchor
    day = (
        ctx.last_ref
        if (ctx.last_ref is not None and a is not None and abs((ctx.last_ref - a).days) <= 7)
        else a
    )
    base = _fmt_date(day) if day else "XXXX-XX-XX"
    return "TIME", f"{base}T{hh:02d}:00", None


# ---- holidays ------------------------------------------------------------------------------


def _thanksgiving(y: int) -> dt.date:
    d = dt.date(y, 11, 1)
    first_thu = d + dt.timedelta(days=(3 - d.weekday()) % 7)
    return first_thu + dt.timedelta(weeks=3)


def _election_day(y: int) -> dt.date:
    """US Election Day: the Tuesday after the first Monday of November."""
    d = dt.date(y, 11, 2)
    return d + dt.timedelta(days=(1 - d.weekday()) % 7)


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


# feasts that move with Easter: their value depends on the year, so without an anchor it stays open
_MOVEABLE = frozenset({"easter", "easter sunday", "easter monday", "good friday", "palm sunday"})
_HOLY_WEEK = frozenset({"holy week", "easter week"})

_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "easter": _easter,
    "easter sunday": _easter,
    "easter monday": lambda y: _easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "palm sunday": lambda y: _easter(y) - dt.timedelta(days=7),
    # the week before Easter, Palm Sunday to Holy Saturday: named by the ISO week of its Monday
    "holy week": lambda y: _easter(y) - dt.timedelta(days=6),
    "easter week": lambda y: _easter(y) - dt.timedelta(days=6),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "independence day": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "thanksgiving day": _thanksgiving,
    "thanksgiving": _thanksgiving,
    "election day": _election_day,
}


@_rule(
    r"(?=[CNIHVTEGP])"  # the first letters of the alternatives below: a cheap first test
    r"\b(?P<h>Christmas Eve|Christmas Day|Christmas|New Year['’]s Eve|New Year['’]s Day|Independence Day|Halloween|"
    r"Valentine['’]s Day|Thanksgiving Day|Thanksgiving|Election Day|Easter Sunday|Easter Monday|"
    rf"Easter [Ww]eek|Easter|Good Friday|Palm Sunday|Holy Week)\b(?:,?\s+(?P<y>{_YEAR_RE})\b)?"
)
def _holiday(m: re.Match[str], ctx: _Ctx) -> _Result | None:
    name = m["h"].lower().replace("’", "'")
    fn = _HOLIDAYS[name]
    week = name in _HOLY_WEEK

    def out(d: dt.date) -> _Result:
        return "DATE", (_iso_week(d) if week else _fmt_date(d)), None

    if m["y"]:
        return out(fn(int(m["y"])))
    a = ctx.anchor
    if a is None:
        if week or name in _MOVEABLE:
            return "DATE", "XXXX-WXX" if week else "XXXX-XX-XX", None
        d0 = fn(2001)
        return "DATE", f"XXXX-{d0.month:02d}-{d0.day:02d}", None
    tense = _tense_of(m, ctx)
    if name in _MOVEABLE or week:
        # the nearest occurrence (moved a year against the tense), each year's own date
        cands = [fn(y) for y in (a.year - 1, a.year, a.year + 1)]
        if week:
            cands = [c + dt.timedelta(days=6) for c in cands]  # the week lasts until Sunday
        best = min(cands, key=lambda c: abs((c - a).days))
        i = cands.index(best)
        if tense == "FUT" and (best - a).days < -14 and i < 2:
            best = cands[i + 1]
        elif tense == "PAST" and (best - a).days > 14 and i > 0:
            best = cands[i - 1]
        return out(best - dt.timedelta(days=6) if week else best)
    d0 = fn(a.year)
    y = _nearest_year(d0.month, d0.day, a, tense)
    return out(fn(y))


# ---- weekends, "the year", "year-earlier", spoken years ------------------------------------


@_rule(
    r"(?i:\b(?P<p>over|during|on|at|for|this|last|next|the|this past|this coming|coming|past)\s+(?:the\s+)?weekend\b)(?!-)"
)
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


@_rule(
    r"(?=[fFoOtTyYeElL])"  # the first letters of the alternatives below: a cheap first test
    r"(?:(?i:\b(?:for\s+|(?P<of>of)\s+)?the\s+(?P<adj>full|fiscal|latest\s+fiscal|current\s+fiscal|calendar|whole|entire|same)?\s*year\b(?![-'’])"
    r"(?P<ended>\s+(?:ended|ending|that\s+ended|to|through))?)"
    r"|(?i:\b(?P<ago>year[- ](?:earlier|ago))\b)"
    r"|(?i:\b(?P<el>earlier|later)\s+in\s+the\s+(?P<u>year|month|week|day)\b))"
)
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
        return "DATE", _rel_value(unit, 0, a), None
    g = m.group(0).lower()
    if m["ended"]:
        return "DURATION", "P1Y", None
    if m["of"] and not m["adj"]:
        before = ctx.text[max(0, m.start() - 30) : m.start()].lower()
        if not re.search(
            r"(?:months|weeks|days|half|part|quarter|quarters|rest|remainder|balance)\s+$", before
        ):
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


@_rule(
    rf"(?i:\b(?:the\s+year\s+)?(?P<c>nineteen|eighteen)(?:\s+hundred)?\s+(?P<t>{_TEENS_TENS})(?:[- ](?P<u>{_UNITS_WORDS}))?\b)"
    rf"|(?i:\b(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?P<t2>{_TEENS_TENS}|{_UNITS_WORDS})(?:[- ](?P<u2>{_UNITS_WORDS}))?)?\b)"
)
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
        if re.match(r"\s+(?!has\b|was\b|is\b)[a-z]+s\b", after):
            return None
    ctx.note(int(y))
    return "DATE", str(int(y)), None


# --------------------------------------------------------------------------------------------
# Modifier prefixes: "mid-April", "the second half of May", "early next year", "about two years"
# --------------------------------------------------------------------------------------------

_PREFIX_MOD_RE = re.compile(
    r"(?i:(?:\b(?:the\s+|in\s+the\s+)?(?P<pos>beginning|start|end|middle|close|first\s+half|second\s+half|"
    r"latter\s+half|last\s+half|first\s+part|latter\s+part|early\s+part|later\s+part)\s+of\s+(?:the\s+)?)"
    r"|(?:\b(?P<el>early|mid|late)(?:\s+|-))|(?:\bmid-?))$"
)
_PREFIX_DURQ_RE = re.compile(
    r"(?i:\b(?:the\s+)?(?:(?:past|last|next|first|coming|previous|latest|final|following|remaining|same|"
    r"year-earlier|initial|further|additional|another|other)\s+)?)$"
)
_PREFIX_DUR_RE = re.compile(
    r"(?i:\b(?P<q>about|around|some|roughly|approximately|nearly|almost|more\s+than|over|less\s+than|"
    r"fewer\s+than|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than)\s+)$"
)
_POS_MOD = {
    "beginning": "START",
    "start": "START",
    "end": "END",
    "close": "END",
    "middle": "MID",
    "first half": "FIRST_HALF",
    "second half": "SECOND_HALF",
    "latter half": "SECOND_HALF",
    "last half": "SECOND_HALF",
    "first part": "START",
    "early part": "START",
    "latter part": "END",
    "later part": "END",
    "early": "START",
    "mid": "MID",
    "late": "END",
}


def _may_end_in(before: str, words: tuple[str, ...]) -> bool:
    """Whether ``before`` can end in one of ``words`` (of ASCII letters) and whitespace: the end of a
    match of a ``...(?:words)\\s+$`` regex in ``before`` (a cheap test before the search). A tail that
    is not ASCII, where the regex's case folding differs from ``str.lower``, gives True."""
    if not before[-1:].isspace():
        return False  # ``\\s+$`` (also before a final newline, which is whitespace too)
    tail = before.rstrip()[-max(map(len, words)) :]
    return not tail.isascii() or tail.lower().endswith(words)


_DEADLINE_WORDS = ("as", "than", "to", "until", "till", "on")  # the ends of _DEADLINE_BEFORE
_DAY_RELATION_WORDS = ("of", "before", "after")  # the ends of _DAY_RELATION_BEFORE


def _may_end_durq(before: str) -> bool:
    """Whether ``_PREFIX_DURQ_RE`` can match at the end of ``before`` and move the start: its non-empty
    matches end in "the" or a qualifier and whitespace (the empty one, at a word boundary at the end,
    leaves the span as it is). A final newline (before which ``$`` matches too) runs the search."""
    return before.endswith("\n") or _may_end_in(before, _DURQ_WORDS)


def _may_end_dur(before: str) -> bool:
    """Whether ``_PREFIX_DUR_RE`` can match at the end of ``before``: one of its words followed by
    whitespace only (as in :func:`_may_end_durq`)."""
    return before.endswith("\n") or _may_end_in(before, _DUR_WORDS)


def _may_end_mod(before: str) -> bool:
    """Whether ``_PREFIX_MOD_RE`` can match at the end of ``before``: its matches end in "of", "the",
    "early", "mid" or "late" and whitespace, in "early-", "mid-" or "late-", or in "mid" (a cheap test
    before the regex search, as in :func:`_may_end_durq`)."""
    if before.endswith("\n"):
        return True
    c = before[-1:]
    if c.isspace():
        words: tuple[str, ...] = ("of", "the", "early", "mid", "late")
        tail = before.rstrip()[-5:]
    elif c == "-":
        words = ("early", "mid", "late")
        tail = before[-6:-1]
    else:
        words = ("mid",)
        tail = before[-3:]
    return not tail.isascii() or tail.lower().endswith(words)


_DURQ_WORDS = tuple(
    """the past last next first coming previous latest final following remaining same year-earlier
    initial further additional another other""".split()
)
_DUR_WORDS = tuple(
    "about around some roughly approximately nearly almost than over under least most to".split()
)


def _extend_prefix(text: str, ref: TimeRef) -> TimeRef:
    before = text[max(0, ref.start - 40) : ref.start]
    if ref.type == "DURATION":
        # "the past two months", "the first nine months". Every non-empty match ends in
        # whitespace; the empty one (the word boundary at the end) would leave the span as it is
        mq = _PREFIX_DURQ_RE.search(before) if _may_end_durq(before) else None
        if mq:
            start = ref.start - (len(before) - mq.start())
            ref = TimeRef(start, ref.end, text[start : ref.end], ref.type, ref.value, ref.mod)
            before = text[max(0, ref.start - 40) : ref.start]
    if ref.type == "DURATION" or (
        ref.type == "DATE" and _YEAR_OR_DAY_VALUE.match(ref.value) and " ago" in ref.text
    ):
        mm = _PREFIX_DUR_RE.search(before) if _may_end_dur(before) else None
        if mm:
            start = ref.start - (len(before) - mm.start())
            return TimeRef(
                start,
                ref.end,
                text[start : ref.end],
                ref.type,
                ref.value,
                _DUR_MOD[re.sub(r"\s+", " ", mm["q"].lower())],
            )
        return ref
    if ref.type != "DATE" or ref.mod is not None or ref.value.endswith("_REF"):
        return ref
    mm = _PREFIX_MOD_RE.search(before) if _may_end_mod(before) else None
    if not mm:
        return ref
    key = mm["pos"] or mm["el"] or "mid"
    key = re.sub(r"\s+", " ", key.lower())
    mod = _POS_MOD.get(key)
    if mod is None:
        return ref
    start = ref.start - (len(before) - mm.start())
    return TimeRef(start, ref.end, text[start : ref.end], ref.type, ref.value, mod)


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------

_LEADING_PREP = re.compile(r"(?i:(?:on|in|at|during|by|until|till|since|for|from|within|after|before|of)\s+)")
_DAY_RELATION_BEFORE = re.compile(
    r"(?i:\bthe\s+(?:(?P<rel>week|weekend)\s+of|day\s+(?P<rel2>before|after))\s+)$"
)
_COMPARED_QUARTER = re.compile(r"(?i:year[- ](?:ago|earlier)|last\s+year)")
_YEAR_AGO_RE = re.compile(r"(?i:^(?:a|one) year (?:ago|earlier)$|^year[- ](?:earlier|ago)$)")


def _trigger_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """Regions of ``text`` around trigger words (time vocabulary, year-like numbers, clock times),
    by kind of trigger, overlapping regions of a kind merged.

    Every rule needs a trigger of one of its kinds, so each rule only runs inside the regions of
    its kinds: most news text holds no time expression, and scanning it word by word is much
    cheaper than running every rule over all of it.

    Fast path (same regions as :func:`_trigger_spans_plain`, which a test checks): the trigger words
    present are found from the set of the text's words, and only those are located, with ``str.find``;
    "Q1"/"H2" tokens are read off the runs of digits.
    """
    # One byte per character: ASCII letters lower-cased, everything else (digits, punctuation, any
    # non-ASCII character) a space; its words are exactly the text's [A-Za-z] runs, at the same offsets.
    letters = text.encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii")
    events: list[tuple[int, int, str]] = []
    n = len(text)
    for w in _TRIGGER_SET.intersection(letters.split()):
        if len(w) < 3:
            continue  # the token scan only reads words of three letters or more
        kind = _TRIGGERS[w]
        k = len(w)
        i = letters.find(w)
        while i >= 0:
            j = i + k
            if (i == 0 or letters[i - 1] == " ") and (j == n or letters[j] == " "):
                events.append((i, j, kind))
            i = letters.find(w, j)
    for s0, tok in _digit_runs(text):
        if len(tok) == 1 and tok in "1234" and s0 and text[s0 - 1] in "QqHh":
            # "Q1", "h2" ([QqHh][1-4] with word boundaries on both sides): that token, not a number
            e0 = s0 + 1
            if e0 == n or not (text[e0].isalnum() or text[e0] == "_"):
                p = s0 - 1
                if not p or not (text[p - 1].isalnum() or text[p - 1] == "_"):
                    kind = _TRIGGERS.get(text[p:e0].lower(), "")
                    if kind:
                        events.append((p, e0, kind))
                    continue
        e0 = s0 + len(tok)
        if len(tok) == 4 and tok[0] in "12":
            kind = "digit"
        elif _CLOCK_CTX.match(text, e0):
            kind = "clock"
        elif _DIGIT_CTX.match(text, e0):
            kind = "digit"
        else:
            continue
        events.append((s0, e0, kind))
    events.sort()
    spans: dict[str, list[tuple[int, int]]] = {}
    for s0, e0, kind in events:
        st = max(0, s0 - _WIN_LEFT)
        en = e0 + _WIN_RIGHT
        lst = spans.get(kind)
        if lst is None:
            spans[kind] = [(st, en)]
        elif st <= lst[-1][1]:
            lst[-1] = (lst[-1][0], en)
        else:
            lst.append((st, en))
    return spans


_LETTERS_ONLY = bytes((c | 0x20) if (65 <= c <= 90 or 97 <= c <= 122) else 32 for c in range(256))
_DIGIT_RUN = re.compile(r"\d+")
_DIGITS_ONLY = bytes(c if 48 <= c <= 57 else 32 for c in range(256))
_ASCII_BYTES = bytes(range(128))


def _digit_runs(text: str) -> list[tuple[int, str]]:
    """(offset, digits) of every run of digits: for ASCII text from a digits-only copy of it (one byte
    per character), else with the regex (which also knows other scripts' digits)."""
    if not text.isascii():
        # its characters outside ASCII, from the UTF-8 bytes without the ASCII ones: if none of them
        # is a digit, the digits-only copy (each of them one "?") has the same runs
        rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
        if _DIGIT_RUN.search(rest.decode("utf-8", "surrogatepass")):
            return [(m.start(), m.group()) for m in _DIGIT_RUN.finditer(text)]
    mask = text.encode("ascii", "replace").translate(_DIGITS_ONLY).decode("ascii")
    out = []
    pos = 0
    for run in mask.split():
        pos = mask.find(run, pos)
        out.append((pos, run))
        pos += len(run)
    return out


def _trigger_spans_plain(text: str) -> dict[str, list[tuple[int, int]]]:
    """The reference scan of :func:`_trigger_spans`: every token in turn."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in _TOKEN_RE.finditer(text):
        tok = m.group()
        if tok[0].isdigit():
            if len(tok) == 4 and tok[0] in "12":
                kind = "digit"
            elif _CLOCK_CTX.match(text, m.end()):
                kind = "clock"  # "10:35", "5 p.m.": only the clock-time rule needs these
            elif _DIGIT_CTX.match(text, m.end()):
                kind = "digit"
            else:
                continue
        else:
            kind = _TRIGGERS.get(tok.lower(), "")
            if not kind:
                continue
        st = max(0, m.start() - _WIN_LEFT)
        en = m.end() + _WIN_RIGHT
        lst = spans.get(kind)
        if lst is None:
            spans[kind] = [(st, en)]
        elif st <= lst[-1][1]:
            lst[-1] = (lst[-1][0], en)
        else:
            lst.append((st, en))
    return spans


def _rule_windows(
    text: str, spans: dict[str, list[tuple[int, int]]], kinds: tuple[str, ...]
) -> list[tuple[int, int]]:
    """The merged regions of the given kinds, widened to whitespace so that no window cuts a word.

    Same windows as :func:`_rule_windows_plain` (a test checks): the regions of one kind come merged
    from :func:`_trigger_spans` (each starts after the end of the one before), and a window's ends
    look for a newline only between the region and the nearest space."""
    if len(kinds) == 1:
        regions = spans.get(kinds[0])
        if regions is None:
            return []
    else:
        got = [spans[k] for k in kinds if k in spans]
        if not got:
            return []
        if len(got) == 1:
            regions = got[0]
        else:
            regions = []
            for st, en in sorted(r for lst in got for r in lst):
                if regions and st <= regions[-1][1]:
                    if en > regions[-1][1]:
                        regions[-1] = (regions[-1][0], en)
                    continue
                regions.append((st, en))
    n = len(text)
    rfind, find = text.rfind, text.find
    snapped: list[tuple[int, int]] = []
    for st, en in regions:
        if st > 0 and not text[st - 1].isspace():
            a = rfind(" ", 0, st)
            b = rfind("\n", a + 1, st)
            st = (b if b > a else a) + 1
        if en >= n:
            en = n
        elif not text[en].isspace():
            a = find(" ", en)
            b = find("\n", en, a) if a >= 0 else find("\n", en)
            en = b if b >= 0 else a if a >= 0 else n
        snapped.append((st, en))
    return snapped


def _rule_windows_plain(
    text: str, spans: dict[str, list[tuple[int, int]]], kinds: tuple[str, ...]
) -> list[tuple[int, int]]:
    """The reference of :func:`_rule_windows`: merge the regions of all the kinds, then widen each."""
    got = [spans[k] for k in kinds if k in spans]
    if not got:
        return []
    regions = got[0] if len(got) == 1 else sorted(r for lst in got for r in lst)
    out: list[tuple[int, int]] = []
    n = len(text)
    for st, en in regions:
        if out and st <= out[-1][1]:
            if en > out[-1][1]:
                out[-1] = (out[-1][0], en)
            continue
        out.append((st, en))
    snapped: list[tuple[int, int]] = []
    for st, en in out:
        if st > 0 and not text[st - 1].isspace():
            st = max(text.rfind(" ", 0, st), text.rfind("\n", 0, st)) + 1
        if en < n and not text[en].isspace():
            a, b = text.find(" ", en), text.find("\n", en)
            en = n if a < 0 and b < 0 else (a if b < 0 else b if a < 0 else min(a, b))
        snapped.append((st, min(en, n)))
    return snapped


_TOKEN_RE = re.compile(r"[A-Za-z]{3,}|\d+|\b[QqHh][1-4]\b")
_DIGIT_CTX = re.compile(r"[/-]\d|s\b|(?:st|nd|rd|th)\b")
_CLOCK_CTX = re.compile(r"\s?[aApP]\.?[mM]\b|:\d")
_WIN_LEFT = 35
_WIN_RIGHT = 25
_TRIGGER_WORDS = {
    "month": """january february march april may june july august september october november december
        jan feb mar apr jun jul aug sep sept oct nov dec""",
    "weekday": """monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays
        thursdays fridays saturdays sundays""",
    "unit": """year years month months week weeks day days hour hours minute minutes second seconds
        decade decades century centuries millennium millennia fortnight fortnights""",
    "long": "long daylong weeklong monthlong yearlong nightlong",
    "quarter": "quarter quarters period q1 q2 q3 q4",
    "part": "night nights morning afternoon evening mornings evenings afternoons",
    "weekend": "weekend weekends",
    "season": "spring summer fall autumn winter",
    "deictic": """now today tonight tomorrow yesterday recent recently current currently past future soon
        previously present presently moment formerly lately nowadays term run date""",
    "clock": "noon midday midnight",
    "setadv": """daily nightly weekly biweekly fortnightly monthly quarterly annually yearly hourly
        semiannually biannually""",
    "holiday": "christmas independence halloween valentine thanksgiving election new easter holy good palm",
    "every": "every each",
    "endof": "end beginning start middle close turn",
    "half": "half h1 h2",
    "then": "then",
    "spoken": "nineteen eighteen thousand twenties thirties forties fifties sixties seventies eighties nineties",
}
_TRIGGERS = {w: kind for kind, words in _TRIGGER_WORDS.items() for w in words.split()}
_TRIGGER_SET = frozenset(_TRIGGERS)
_RULE_KINDS = {
    "_iso": "digit",
    "_slash": "digit",
    "_explicit": "month",
    "_month": "month",
    "_year": "digit",
    "_decade": "digit spoken",
    "_century": "unit",
    "_season": "season",
    "_quarter_rule": "quarter",
    "_the_quarter": "quarter",
    "_year_quarter": "quarter",
    "_that_quarter": "quarter",
    "_half": "half",
    "_two_quarters": "quarter",
    "_day_of_month": "digit",
    "_rel_unit": "unit weekend",
    "_end_of": "endof",
    "_deictic": "deictic",
    "_deictic_day": "deictic part",
    "_weekday": "weekday",
    "_anaphoric": "unit part",
    "_until_then": "then",
    "_elliptic_last": "unit",
    "_duration": "unit quarter part weekend",
    "_bare_units": "unit",
    "_long": "long",
    "_set": "every setadv",
    "_rate": "unit",
    "_time": "clock",
    "_holiday": "holiday",
    "_clock_in_part": "part",
    "_weekend": "weekend",
    "_the_year": "unit",
    "_spoken_year": "spoken",
}


_KINDS_OF = {name: tuple(_RULE_KINDS[name].split()) for _rx, _fn, name in _RULES}
# For rules that seldom match: a plain pattern that every match of the rule contains, so that a window
# without it is not scanned (these start with a character class, which the regex engine skips to in C).
# (?i) also takes "ſ" for s and "İ"/"ı" for i, hence those in the classes; a test checks each hint.
_RULE_HINTS = {
    "_iso": re.compile(r"\d\d\d\d-\d\d-\d\d"),
    "_slash": re.compile(r"\d/\d"),
    "_day_of_month": re.compile(r"\d[sS\u017fnNrRtT][tTdDhH]"),  # 1st, 2nd, 3rd, 4th
    "_decade": re.compile(r"[0iI\u0130\u0131][seE]"),  # 1990s, '90s, the nineties
    "_century": re.compile(r"[cC][eE][nN][tT][uU][rR][yY]"),
    "_elliptic_last": re.compile(r"[lL][aA][sS\u017f][tT]"),
    "_long": re.compile(r"[lL][oO][nN][gG]"),
    "_clock_in_part": re.compile(r"[iI\u0130\u0131][nN]\s+[tT][hH][eE]\s"),
}
_HINT_OF = {name: _RULE_HINTS.get(name) for _rx, _fn, name in _RULES}


@functools.lru_cache(maxsize=512)
def _tag_cached(text: str, anchor: dt.date | None) -> tuple[TimeRef, ...]:
    cands: list[tuple[int, int, int, re.Match[str], _Handler]] = []
    spans = _trigger_spans(text)
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for prio, (rx, fn, name) in enumerate(_RULES):
        kinds = _KINDS_OF[name]
        wins = windows.get(kinds)
        if wins is None:
            wins = windows[kinds] = _rule_windows(text, spans, kinds)
        hint = _HINT_OF[name]
        for ws, we in wins:
            if hint is not None and hint.search(text, ws, we) is None:
                continue
            for m in rx.finditer(text, ws, we):
                if m.end() > m.start():
                    cands.append((m.start(), m.end(), prio, m, fn))
    # longest match wins; ties go to the earlier rule
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = bytearray(len(text))  # 1 where a chosen candidate already lies
    chosen: list[tuple[int, int, re.Match[str], _Handler]] = []
    for s, e, _p, m, fn in cands:
        if 1 in taken[s:e]:
            continue
        chosen.append((s, e, m, fn))
        taken[s:e] = b"\x01" * (e - s)
    # resolve in text order so that anaphora ("the next day") see the previous date
    chosen.sort(key=lambda c: c[0])
    ctx = _Ctx(text, anchor)
    out: list[TimeRef] = []
    for s, e, m, fn in chosen:
        try:
            res = fn(m, ctx)
        except (ValueError, KeyError, IndexError, OverflowError, TypeError, AttributeError):
            res = None  # a rule that cannot read its match skips it; the tagger never raises
        if res is None:
            continue
        typ, val, mod = res
        # strip trailing whitespace/punctuation that some patterns may catch
        while e > s and text[e - 1] in " \t\n,":
            e -= 1
        if e <= s:
            continue
        out.append(TimeRef(s, e, text[s:e], typ, val, mod))
    # prefixes ("mid-", "the end of", "about") and financial "a year earlier" after a quarter
    result: list[TimeRef] = []
    prev_end = 0
    last_quarter: TimeRef | None = None
    fiscal: TimeRef | None = None  # the last fiscal quarter named ("its fiscal first quarter")
    skip_to = 0
    for ref in out:
        if ref.start < skip_to:
            continue  # the year of a conjoined date, already read
        r = _extend_prefix(text, ref)
        if r.start < prev_end:
            r = ref
        if _QUARTER_VALUE.match(r.value):
            if _FISCAL_QUARTER.search(r.text):
                fiscal = r
            elif _ORDINAL_QUARTER.search(r.text):
                fiscal = None  # a quarter named by the calendar: the report left the fiscal one
            elif fiscal is not None and r.start - fiscal.end < 1500 and _ANAPHORIC_QUARTER.fullmatch(r.text):
                # a company on a fiscal year: after "its fiscal first quarter", "the quarter" and
                # "the latest period" are that quarter, not the calendar one
                r = TimeRef(r.start, r.end, r.text, r.type, fiscal.value, r.mod)
            last_quarter = r
            if _COMPARED_QUARTER.search(r.text):
                # "the year-ago quarter" is the comparison: the quarter reported is a year later
                y, q = r.value.split("-Q")
                last_quarter = TimeRef(r.start, r.end, r.text, r.type, f"{int(y) + 1}-Q{q}", r.mod)
        elif last_quarter is not None and anchor is not None and r.start - last_quarter.end < 1500:
            # earnings reports: "a year earlier" / "year-ago" compare with the same quarter a year back
            y, q = last_quarter.value.split("-Q")
            if _YEAR_AGO_RE.match(r.text):
                r = TimeRef(r.start, r.end, r.text, r.type, f"{int(y) - 1}-Q{q}", r.mod)
            elif _QX_VALUE.fullmatch(r.value):
                r = TimeRef(r.start, r.end, r.text, r.type, f"{r.value[:4]}-Q{q}", r.mod)
            elif r.value == "XXXX-QX":  # "that quarter"
                r = TimeRef(r.start, r.end, r.text, r.type, last_quarter.value, r.mod)
        if r.type == "DATE" and _DAY_VALUE.fullmatch(r.value):
            # "the week of March 6", "the day before Tuesday"
            pre = (
                _DAY_RELATION_BEFORE.search(text, max(0, r.start - 30), r.start)
                if _may_end_in(text[max(0, r.start - 30) : r.start], _DAY_RELATION_WORDS)
                else None
            )
            if pre and (result == [] or result[-1].end <= pre.start()):
                d = dt.date.fromisoformat(r.value)
                rel = (pre["rel"] or pre["rel2"]).lower()
                if rel == "week":
                    val = _iso_week(d)
                elif rel == "weekend":
                    val = _iso_week(d) + "-WE"
                else:
                    val = _fmt_date(d + dt.timedelta(days=-1 if rel == "before" else 1))
                r = TimeRef(pre.start(), r.end, text[pre.start() : r.end], r.type, val, r.mod)
        if result and _YEAR_VALUE.fullmatch(r.value) and r.type == "DATE":
            # "January nineteen ninety-seven", "the winter of nineteen ninety-four"
            p = result[-1]
            tail = _PART_TAIL.search(p.value)
            if (
                p.type == "DATE"
                and tail
                and re.fullmatch(r"[\w .'-]*", p.text)
                and not re.search(r"\d", p.text)
                and re.fullmatch(r"\s+(?:of\s+)?", text[p.end : r.start])
            ):
                r = TimeRef(
                    p.start, r.end, text[p.start : r.end], "DATE", f"{r.value}-{tail.group(1)}", p.mod
                )
                result.pop()
        if result and r.type == "DATE" and not _FIXED_TEXT.search(r.text):
            r = _range_end(text, result[-1], r)
        if (
            result
            and result[-1].type == "TIME"
            and r.type == "DATE"
            and re.fullmatch(r"\d{4}-\d\d-\d\d", r.value)
            and (_MONTH_NAME.search(r.text) or re.search(rf"\b{_WEEKDAY_RE}$", r.text))
            and re.fullmatch(r",?\s+(?:on\s+)?", text[result[-1].end : r.start])
        ):
            # "until 5 p.m. EST Nov. 9": one point in time on that day
            p = result.pop()
            clock = p.value.split("T", 1)[1] if "T" in p.value else ""
            r = TimeRef(p.start, r.end, text[p.start : r.end], "TIME", f"{r.value}T{clock}", p.mod)
        lead = _LEADING_PREP.match(r.text)
        if lead and lead.end() < len(r.text):
            st = r.start + lead.end()
            r = TimeRef(st, r.end, text[st : r.end], r.type, r.value, r.mod)
        result.append(r)
        prev_end = r.end
        second = _second_day(text, r)
        if second is not None:
            if second.value[:4] != r.value[:4]:  # "April 24 and 25, 2025": the year is both days'
                result[-1] = TimeRef(r.start, r.end, r.text, r.type, second.value[:4] + r.value[4:], r.mod)
            result.append(second)
            prev_end = skip_to = second.end
    return tuple(result)


_FISCAL_QUARTER = re.compile(r"(?i:\bfiscal\b)")
_ORDINAL_QUARTER = re.compile(r"(?i:\b(?:first|second|third|fourth|final|[1-4](?:st|nd|rd|th))\b|\bQ[1-4]\b)")
_ANAPHORIC_QUARTER = re.compile(r"(?i:(?:the|its)\s+(?:latest\s+)?(?:quarter|period))")
_MONTH_NAME = re.compile(rf"\b{_MONTH_RE}")
_RANGE_START = re.compile(r"(?i:\b(?:from|between)\s+(?:the\s+)?)$")
_RANGE_LINK = re.compile(r"\s*,?\s*(?:to|and|through|until|till|-|–)\s*")


def _range_end(text: str, prev: TimeRef, r: TimeRef) -> TimeRef:
    """The second date of "from March 3 to April 5" / "between May 1 and June 3" without a year
    of its own takes the year that puts it at or after the first date."""
    pv = _YMD_VALUE.fullmatch(prev.value)
    rv = _YMD_VALUE.fullmatch(r.value)
    if pv is None or rv is None or prev.type != "DATE" or not _RANGE_LINK.fullmatch(text, prev.end, r.start):
        return r
    if not (_MONTH_NAME.search(prev.text) and _MONTH_NAME.search(r.text)):
        return r  # "Friday and Thursday", "Friday to December's figures"
    if not _RANGE_START.search(text, max(0, prev.start - 12), prev.start) and not re.fullmatch(
        r"\s*(?:-|–|through)\s*", text[prev.end : r.start]
    ):
        return r  # a list of dates, not a range
    y = int(pv.group(1))
    if (rv.group(2), rv.group(3) or "") < (pv.group(2), pv.group(3) or ""):
        y += 1
    if y == int(rv.group(1)) or (rv.group(3) and _safe_date(y, int(rv.group(2)), int(rv.group(3))) is None):
        return r
    return TimeRef(r.start, r.end, r.text, r.type, f"{y}{r.value[4:]}", r.mod)


_MONTH_DAY_TEXT = re.compile(rf"(?:{_MONTH_RE})\s+{_DAY_RE}$|{_DAY_RE}\s+(?:of\s+)?(?:{_MONTH_RE})$")
_SECOND_DAY = re.compile(
    r"(?P<sep>\s*(?:,\s*)?(?:and|or|to|through|until|-|–)\s*)(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    r"(?:\s*,?\s*(?P<y>1[6-9]\d\d|20\d\d)\b)?"
    r"(?=\s*(?:$|[.,;:)]|(?:in|at|on|when|before|after|for|during|from)\b))"
)


def _second_day(text: str, ref: TimeRef) -> TimeRef | None:
    """The bare day of a conjoined date: "April 24 and 25", "May 3 to 5", "March 3 or 4"."""
    if ref.type != "DATE":
        return None
    v = _DAY_VALUE_OPEN.fullmatch(ref.value)
    if v is None or not _MONTH_DAY_TEXT.search(ref.text):
        return None
    m = _SECOND_DAY.match(text, ref.end)
    if m is None or int(m["d"]) <= int(v.group(3)):
        return None
    year = m["y"] or v.group(1)
    if year != "XXXX" and _safe_date(int(year), int(v.group(2)), int(m["d"])) is None:
        return None
    st = m.start("d")
    return TimeRef(st, m.end(), text[st : m.end()], "DATE", f"{year}-{v.group(2)}-{int(m['d']):02d}", None)


def tag(text: str, anchor: dt.date | None = None) -> list[TimeRef]:
    """Every time expression in ``text``, sorted by start and non-overlapping.

    Offsets index ``text``; values are TIMEX3 values resolved against ``anchor`` (the publication
    date) and the tense of the clause around each expression, or left underspecified without one.
    """
    if not text:
        return []
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    return list(_tag_cached(text, anchor))


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
        y = _nearest_year(mon, day, anchor, None)
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
