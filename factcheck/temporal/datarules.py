"""Rules as data: the ``[[rule]]`` records of ``factcheck/lang/<lang>/time.toml`` compiled into tagger rules.

A record (the file describes the format before its first rule)::

    [[rule]]
    name = "ago_as_duration"                 # unique; tests and --errors name the rule with it
    pattern = "{n:num} {u:unit} earlier"     # a regex, case-insensitive; a space is any run of spaces
    type = "DURATION"                        # DATE, TIME, DURATION or SET
    value = "{duration}"                     # a template (fields below) or a plain value ("PRESENT_REF")
    direction = "past"                       # for {shift}: past, future, or tense (the clause decides)
    mod = "APPROX"                           # optional TIMEX3 mod
    not_before = "\\b(?:per|a)\\s*$"         # optional: no match when the text before ends like this
    not_after = "\\s+old\\b"                 # optional: no match when the text after starts like this
    require_before / require_after            # optional: the match holds only when these match there
    tense = "present"                        # optional: only in a clause of this tense (past, future, present)
    hint = "\\d/\\d"                          # optional, case-sensitive: a plain pattern that every match holds;
                                             # a window without it is not scanned (for rules that seldom match)
    examples = [{text = "...", anchor = 2024-05-16, span = "...", value = "...", type = "..."}]
    counterexamples = [{text = "...", span = "..."}]   # ``span`` must come out as no expression

Placeholders in ``pattern`` stand for vocabulary of the same file: ``{unit}``, ``{num}``, ``{vague}``,
``{month}``, ``{weekday}``, ``{year}``, ``{day}``, ``{season}``, ``{part}`` (of the day), ``{set_adverb}``;
``{g:unit}`` captures it as group ``g``. Value fields: ``{duration}`` (from groups ``n`` and ``u``; a vague
or missing ``n`` gives ``X``), ``{shift}`` (the anchor moved ``n`` units of ``u`` in ``direction``, at the
granularity of the unit; no ``n`` is one unit), ``{shift_day}`` (the same, at the granularity of a day:
"fifty years ago today" is the anchor's day fifty years back), ``{per_unit}`` (one unit of ``u``: P1W), ``{year}`` (group
``y``), ``{year2}`` (group ``yy``, or ``yy2`` in another branch: a year of two digits, the one nearest the
anchor), ``{year2_back}`` (group ``yy``, a year of two digits written after an apostrophe, "’08": the latest one
no more than ten years after the anchor), ``{last_named}`` (the date last named in the text: its day, else its month), ``{ref_day}``,
``{ref_day+1}``, ``{ref_day-1}`` (the day last named, else the anchor, and the days around it), ``{named_day}``
(the day last named, else an unknown day of the story, XXXX-XX-XX: "that night" with no day named before it is
no night of the publication day), ``{season}``
(group ``s``: SU), ``{part}`` (group ``p``, a part of the day: MO). ``priority = "high"`` makes the rule win a
tie (same span) with every other rule; otherwise a tie goes to the earlier record of the file.
``resolver = "name"`` names a procedural step of the code (``rules_dates._resolver``) that reads the match
instead of ``value``: anchoring, tense direction, granularity arithmetic, vetoes that read the words around.
``raw = true`` keeps the pattern's spaces literal; ``exact = true`` also makes it case-sensitive and adds no
``\\b`` around it (it says itself where it wants ``(?i:...)``: "May" is a month, "may" is no month). For such
patterns ``{month_full}`` (capitalised month names), ``{day_word}`` ("eighth"), ``{holiday}`` (the names of
``[vocab.holidays]``) and ``{ampm}`` ("p.m.") are placeholders too.

Trigger words are derived from the parsed pattern: a set of words one of which every match must hold (a
whole literal word of three letters or more that is not a stopword, the words of a placeholder, the union
over the branches of an alternation, the words of an alternation whose common prefix the regex parser took
out, "every|each" being "e(?:very|ach)"; the smallest such set the pattern offers). Numbers trigger through the
digit scan, which marks a year-like number, a number followed by "s", an ordinal suffix, "-" or "/" and a
digit (:data:`DIGIT`), and a clock reading, a number followed by ":" and a digit or by "a.m."/"pm"
(:data:`CLOCK`): ``{year}``, ``\\d+(?:st|nd|rd|th)``, ``\\d{4}-\\d\\d``, ``\\d\\d:\\d\\d`` and ``{ampm}`` say
so in the pattern; "Q3" and "H1" are tokens the scan reads as words. A pattern with no such set is refused; the rule runs only in the windows
around its trigger words, and its examples, run through the whole tagger by tests/test_temporal_rules.py,
show that it is found there.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import re._parser as _sre  # the standard library's regex parser: trigger words are read off the parse
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from re._constants import (
    ASSERT,
    ASSERT_NOT,
    AT,
    BRANCH,
    CATEGORY,
    CATEGORY_DIGIT,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    RANGE,
    SUBPATTERN,
)
from typing import Any

from factcheck.lang import ROOT, ResourceError, resource
from factcheck.temporal.rules_dates import _DAY_WORD_RE, _DAY_WORDS, _RESOLVERS, _Ctx, _Handler, _Result
from factcheck.temporal.rules_relative import _duration_value, _rel_value, _unit_code
from factcheck.temporal.rules_times import _HOLIDAY_RE, _HOLIDAYS
from factcheck.temporal.tense import _tense
from factcheck.temporal.vocab import (
    _DAY_RE,
    _MONTH_ABBR,
    _MONTH_CAPS_RE,
    _MONTH_FULL_RE,
    _MONTH_RE,
    _MONTHS,
    _NUM_RE,
    _NUMBERS,
    _PART_OF_DAY,
    _SEASONS,
    _SPACES,
    _UNIT_RE,
    _VAGUE_NUMBERS,
    _VAGUE_RE,
    _VOCAB,
    _WEEKDAY_RE,
    _WEEKDAYS,
    _YEAR_RE,
    _add_months,
    _fmt_date,
    _number,
)

DIGIT = (
    "<digit>"  # in a rule's trigger set: a number the digit scan marks (a year, 1990s, 3rd, 5/16, 2024-05)
)
CLOCK = "<clock>"  # in a rule's trigger set: a clock reading the digit scan marks (10:30, 5 p.m.)
# the tokens of letters and a digit that the trigger scan reads: "Q3", "H1"
_SCAN_MARKS = frozenset({DIGIT, CLOCK})
# letters after which the digit scan marks a number of two digits (engine._FY_BEFORE): "FY25", "FY '24"
_DIGIT_PREFIXES = frozenset(_VOCAB["digit_prefixes"])
# the apostrophes after which the digit scan marks a number of two digits (engine._trigger_spans): "in ’08"
_YEAR_APOSTROPHES = frozenset(_VOCAB["year_apostrophes"])
_SCAN_TOKENS = frozenset(_VOCAB["scan_tokens"])  # "Q3", "H1"
# too common to open a window: a rule needs a rarer word on every path
_STOPWORDS = frozenset(_VOCAB["trigger_stopwords"])
_UNIT_WORDS = (
    "second seconds minute minutes hour hours day days night nights week weeks fortnight fortnights month "
    "months quarter quarters year years decade decades century centuries millennium millennia"
).split()

# placeholder -> (regex, trigger words, needs the digit scan)
# placeholder -> (regex, the words one of which each of its matches is, or None when it has no such words)
PLACEHOLDERS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "unit": (_UNIT_RE, tuple(_UNIT_WORDS)),
    "num": (_NUM_RE, None),  # digits and "a"/"an": no trigger word
    "vague": (_VAGUE_RE, ("few", "several", "many", "some", "number", "numerous")),
    "month": (_MONTH_RE, (*_MONTHS, *_MONTH_ABBR)),
    "weekday": (_WEEKDAY_RE, tuple(_WEEKDAYS)),
    "year": (_YEAR_RE, (DIGIT,)),  # a year-like number: the digit scan marks it
    "day": (_DAY_RE, None),
    "season": ("(?:" + "|".join(_SEASONS) + ")", tuple(_SEASONS)),
    "part": ("(?:" + "|".join(_PART_OF_DAY) + ")", tuple(_PART_OF_DAY)),
    "set_adverb": ("(?:" + "|".join(_VOCAB["set_adverbs"]) + ")", tuple(_VOCAB["set_adverbs"])),
    # for case-sensitive (exact) patterns: a capitalised month name in full, a day spelled out, a holiday
    "month_full": (_MONTH_FULL_RE, tuple(_MONTHS)),
    "month_caps": (_MONTH_CAPS_RE, (*_MONTHS, *_MONTH_ABBR)),
    "day_word": (_DAY_WORD_RE, None),
    # a holiday's trigger: its first word of three letters or more, as the trigger scan reads no shorter
    # word ("patrick" of "st. patrick's day")
    "holiday": (
        f"(?:{_HOLIDAY_RE})",
        tuple(sorted({next(w for w in re.split(r"\W+", n) if len(w) >= 3) for n in _HOLIDAYS})),
    ),
    # "a.m.", "pm": the number before it is a clock reading, which the digit scan marks
    "ampm": (r"[ap]\.?\s?m\b\.?", (CLOCK,)),
}


def _initials(words: Iterable[str]) -> str:
    return "".join(sorted({w[0].lower() for w in words}))


# the characters a placeholder's matches start with
_PLACEHOLDER_FIRST = {
    "unit": _initials(_UNIT_WORDS),
    "num": "0-9" + _initials(_NUMBERS),
    "vague": _initials(_VAGUE_NUMBERS),
    "month": _initials([*_MONTHS, *_MONTH_ABBR]),
    "weekday": _initials(_WEEKDAYS),
    "year": "12",
    "day": "0-9",
    "season": _initials(_SEASONS),
    "part": _initials(_PART_OF_DAY),
    "set_adverb": _initials(_VOCAB["set_adverbs"]),
    "month_full": _initials(_MONTHS),
    "month_caps": _initials([*_MONTHS, *_MONTH_ABBR]),
    "day_word": _initials(_DAY_WORDS),
    "holiday": _initials(_HOLIDAYS),
    "ampm": "ap",
}
_PLACEHOLDER = re.compile(r"\{(?:(?P<group>[a-z_]+):)?(?P<name>[a-z_]+)\}")
# placeholders of the context patterns (not_before, not_after, require_before, require_after) only: word lists
# of [vocab] that no rule matches itself
CONTEXT_PLACEHOLDERS: dict[str, str] = {
    "measure_unit": "(?:" + "|".join(re.escape(w) for w in _VOCAB["measure_units"]) + ")",
    "midnight_noun": "(?:" + "|".join(re.escape(w) for w in _VOCAB["midnight_nouns"]) + ")",
    "scripture_book": "(?:" + "|".join(re.escape(w) for w in _VOCAB["scripture_books"]) + ")",
}


def _context(where: str, name: str, pattern: str) -> str:
    """A context pattern with its placeholders expanded (those of :data:`PLACEHOLDERS` and
    :data:`CONTEXT_PLACEHOLDERS`)."""

    def one(m: re.Match[str]) -> str:
        if m["name"] in CONTEXT_PLACEHOLDERS:
            return CONTEXT_PLACEHOLDERS[m["name"]]
        if m["name"] in PLACEHOLDERS:
            return PLACEHOLDERS[m["name"]][0]
        raise ResourceError(f"{where}: rule {name!r}: unknown placeholder {{{m['name']}}}")

    return _PLACEHOLDER.sub(one, pattern)


_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
_DIRECTIONS = frozenset({"past", "future", "tense"})
_FIELDS = frozenset(
    {
        "duration",
        "per_unit",
        "shift",
        "shift_day",
        "year",
        "year2",
        "year2_back",
        "last_named",
        "ref_day",
        "ref_day+1",
        "ref_day-1",
        "named_day",
        "season",
        "part",
    }
)
_TENSES = frozenset({"past", "future", "present"})


@dataclass(frozen=True)
class DataRule:
    """One ``[[rule]]`` record, read and checked; its regex is compiled the first time it is asked for (the
    tagger asks only when a text holds one of the rule's trigger words, so a process that tags a few texts
    compiles only the rules they need)."""

    name: str
    pattern: str  # as written in the record (placeholders unexpanded)
    raw: bool
    exact: bool
    where: str  # the rules file, for errors
    type: str
    value: str
    direction: str
    mod: str | None
    not_before: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    require_before: re.Pattern[str] | None
    require_after: re.Pattern[str] | None
    tense: str | None  # the rule holds only in a clause of this tense
    hint: re.Pattern[str] | None  # a plain pattern every match contains: a window without it is skipped
    triggers: frozenset[str]
    high: bool  # wins a tie with every other rule
    resolver: _Handler | None  # a procedural step of the code that reads the match instead of ``value``
    examples: tuple[Mapping[str, Any], ...]
    counterexamples: tuple[Mapping[str, Any], ...]

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """The rule's regex (:func:`_regex_source`), compiled once."""
        source = _regex_source(self.name, self.pattern, self.where, raw=self.raw, exact=self.exact)
        try:
            return re.compile(source)
        except re.error as e:
            raise ResourceError(f"{self.where}: rule {self.name!r}: {e}") from None

    @property
    def kind(self) -> str:
        """The trigger kind: rules with the same trigger words share it (and their windows)."""
        return "words:" + "|".join(sorted(self.triggers - _SCAN_MARKS))

    @property
    def kinds(self) -> tuple[str, ...]:
        """The trigger kinds whose windows the rule runs in: its words', and the digit scan's."""
        marks = [k for m, k in ((DIGIT, "digit"), (CLOCK, "clock")) if m in self.triggers]
        return (self.kind, *marks) if self.triggers - _SCAN_MARKS else tuple(marks)

    @property
    def checks_context(self) -> bool:
        return any(
            x is not None
            for x in (self.not_before, self.not_after, self.require_before, self.require_after, self.tense)
        )

    def accepts(self, text: str, m: re.Match[str]) -> bool:
        """Whether the context around a match allows it (vetoes, requirements, tense). Checked when the
        candidates are collected, so that a match the context refuses never hides another rule's."""
        if self.not_before is not None and self.not_before.search(text[max(0, m.start() - 40) : m.start()]):
            return False
        if self.not_after is not None and self.not_after.search(text[m.end() : m.end() + 40]):
            return False
        if self.require_before is not None and not self.require_before.search(
            text[max(0, m.start() - 40) : m.start()]
        ):
            return False
        if self.require_after is not None and not self.require_after.search(text[m.end() : m.end() + 60]):
            return False
        if self.tense is not None:
            t = _tense(text, m.start(), m.end())
            if {"PAST": "past", "FUT": "future"}.get(t or "", "present") != self.tense:
                return False
        return True

    def handler(self) -> Callable[[re.Match[str], _Ctx], _Result | None]:
        if self.resolver is not None:
            return self.resolver

        def apply(m: re.Match[str], ctx: _Ctx) -> _Result | None:
            value = _fill(self, m, ctx)
            if value is None:
                return None
            return self.type, value, self.mod

        apply.__name__ = self.name
        return apply


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _amount(m: re.Match[str]) -> float | None:
    n = _group(m, "n")
    if n is None:
        return 1.0
    n = _SPACES.sub(" ", n.lower())
    return None if n in _VAGUE_NUMBERS else _number(n)


def _last_named(ctx: _Ctx) -> str | None:
    """The date last named in the text: its day, else its month."""
    if ctx.last_ref is not None:
        return _fmt_date(ctx.last_ref)
    if ctx.last_month is not None:
        return f"{ctx.last_month[0]}-{ctx.last_month[1]:02d}"
    return None


def _full_year(yy: int, anchor: dt.date | None) -> str:
    """A year written with two digits ("FY25"): the one nearest the anchor (from 50 years before it to 49
    after); without an anchor, the POSIX ``%y`` rule (69-99 the 1900s, 00-68 the 2000s)."""
    if anchor is None:
        return str((1900 if yy >= 69 else 2000) + yy)
    y = anchor.year - anchor.year % 100 + yy
    if y > anchor.year + 49:
        y -= 100
    elif y < anchor.year - 50:
        y += 100
    return str(y)


def _year_back(yy: int, anchor: dt.date | None) -> str:
    """A year written with two digits after an apostrophe ("in ’08"): the latest one no more than ten years after
    the anchor (a year so written is mostly one gone: "the summer of '69"); without an anchor, as
    :func:`_full_year`."""
    if anchor is None:
        return _full_year(yy, anchor)
    y = anchor.year - anchor.year % 100 + yy
    return str(y - 100 if y > anchor.year + 10 else y)


def _shift(rule: DataRule, m: re.Match[str], ctx: _Ctx) -> str | None:
    unit = (_group(m, "u") or "").lower()
    code = _unit_code(unit) if unit else ""
    base = {
        "D": "day",
        "W": "week",
        "M": "month",
        "Q": "quarter",
        "Y": "year",
        "DE": "decade",
        "CE": "century",
    }
    if code == "M" and unit.startswith("minute"):
        return None
    if code not in base:
        return None
    if ctx.anchor is None:
        return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(code, "XXXX")
    n = _amount(m)
    if n is None or n != int(n):
        return None
    direction = rule.direction
    if direction == "tense":
        direction = "future" if _tense(ctx.text, m.start(), m.end()) == "FUT" else "past"
    k = int(n) * (1 if direction == "future" else -1)
    return _rel_value(base[code], k, ctx.anchor)


def _shift_day(rule: DataRule, m: re.Match[str], ctx: _Ctx) -> str | None:
    """The anchor's day moved ``n`` units of ``u`` in the rule's direction ("fifty years ago today")."""
    a = ctx.anchor
    n = _amount(m) if _group(m, "n") else 1
    unit = (_group(m, "u") or "").lower()
    code = _unit_code(unit) if unit else ""
    if a is None or n is None or n != int(n) or (code == "M" and unit.startswith("minute")):
        return None if a is not None else "XXXX-XX-XX"
    k = int(n) * (-1 if rule.direction == "past" else 1)
    if code in ("D", "W"):
        return _fmt_date(a + dt.timedelta(days=k * (7 if code == "W" else 1)))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(code)
    if months is None:
        return None
    y, mo = _add_months(a, k * months)
    return _fmt_date(dt.date(y, mo, min(a.day, calendar.monthrange(y, mo)[1])))


def _fill(rule: DataRule, m: re.Match[str], ctx: _Ctx) -> str | None:
    if "{" not in rule.value:
        return rule.value
    fields: dict[str, str] = {}
    for _lit, field, _spec, _conv in string.Formatter().parse(rule.value):
        if field is None or field in fields:
            continue
        got: str | None
        if field == "duration":
            # no number is an unknown amount ("for years": PXY)
            got = _duration_value(_amount(m) if _group(m, "n") else None, _group(m, "u") or "")
        elif field == "shift":
            got = _shift(rule, m, ctx)
        elif field == "shift_day":
            got = _shift_day(rule, m, ctx)
        elif field == "per_unit":
            got = _duration_value(1, _group(m, "u") or "")
        elif field == "year":
            got = _group(m, "y")
        elif field == "year2":
            got = _full_year(int(_group(m, "yy") or _group(m, "yy2") or ""), ctx.anchor)
        elif field == "year2_back":
            got = _year_back(int(_group(m, "yy") or ""), ctx.anchor)
        elif field.startswith("ref_day"):
            day = ctx.last_ref or ctx.anchor
            if day is None:
                got = "XXXX-XX-XX"
            else:
                day = day + dt.timedelta(days=int(field[7:] or 0))
                ctx.last_ref = day
                got = _fmt_date(day)
        elif field == "named_day":
            got = "XXXX-XX-XX" if ctx.last_ref is None else _fmt_date(ctx.last_ref)
        elif field == "season":
            got = _SEASONS.get((_group(m, "s") or "").lower())
        elif field == "part":
            got = _PART_OF_DAY.get((_group(m, "p") or "").lower())
        elif field == "last_named":
            got = _last_named(ctx)
        else:  # refused at load time
            got = None
        if got is None:
            return None
        fields[field] = got
    return rule.value.format_map(fields)


def _regex_source(name: str, pattern: str, where: str, raw: bool = False, exact: bool = False) -> str:
    """The regex of a pattern with its placeholders expanded. ``raw``: spaces are literal; ``exact``: also
    case-sensitive and no word boundaries added (the pattern says where it wants ``(?i:...)`` and ``\\b``)."""
    raw = raw or exact

    def one(m: re.Match[str]) -> str:
        ph = PLACEHOLDERS.get(m["name"])
        if ph is None:
            raise ResourceError(f"{where}: rule {name!r}: unknown placeholder {{{m['name']}}}")
        return f"(?P<{m['group']}>{ph[0]})" if m["group"] else ph[0]

    body = _PLACEHOLDER.sub(one, pattern)
    if not raw:
        body = body.replace(" ", r"\s+")
    regex = f"(?:{body})" if exact else rf"(?i:\b(?:{body})\b)"
    # for the first test, each placeholder stands as the class of its first characters
    stand_in = _PLACEHOLDER.sub(lambda m: f"[{_PLACEHOLDER_FIRST[m['name']]}]", pattern)
    stand_in = stand_in if raw else stand_in.replace(" ", r"\s+")
    try:
        first = _first_chars(list(_sre.parse(stand_in, re.I)))
    except re.error as e:
        raise ResourceError(f"{where}: rule {name!r}: {e}") from None
    if first:
        # the characters a match can start with, as a cheap first test (the regex engine skips to them in C)
        regex = f"(?=[{first}]){regex}"
    return regex


def _trigger_words(
    name: str, pattern: str, where: str, raw: bool = False, exact: bool = False
) -> frozenset[str]:
    """The trigger words of a pattern: a set of words one of which every match holds (:data:`DIGIT` /
    :data:`CLOCK` for a number the digit scan marks), read off the parsed pattern (which also refuses a pattern
    the regex parser cannot read, or an unknown placeholder). ``raw``/``exact``: as for :func:`_regex_source`."""
    raw = raw or exact
    marks: list[tuple[str, ...] | None] = []

    def mark(m: re.Match[str]) -> str:
        ph = PLACEHOLDERS.get(m["name"])
        if ph is None:
            raise ResourceError(f"{where}: rule {name!r}: unknown placeholder {{{m['name']}}}")
        marks.append(ph[1])
        body = f"\x00{len(marks) - 1}\x00"
        return f"(?P<{m['group']}>{body})" if m["group"] else f"(?:{body})"

    marked = _PLACEHOLDER.sub(mark, pattern)
    try:
        parsed = _sre.parse(marked if raw else marked.replace(" ", r"\s+"), re.I)
    except re.error as e:
        raise ResourceError(f"{where}: rule {name!r}: {e}") from None
    words = _required(list(parsed), marks)
    if not words:
        raise ResourceError(
            f"{where}: rule {name!r}: the pattern holds no word that every match contains (words of three "
            f"letters or more, not {', '.join(sorted(_STOPWORDS)[:4])}..., or a {{year}})"
        )
    return words


_Item = tuple[Any, Any]

# characters that (?i) matches beside the ASCII letter: the long s, the dotted/dotless i, the Kelvin sign
_FOLDS = {"s": "\u017f", "i": "\u0130\u0131", "k": "\u212a"}


def _zero_width(item: _Item) -> bool:
    """``\\b``, a lookbehind, or a group of them only: no character of the match."""
    op, av = item
    if op is AT or (op in (ASSERT, ASSERT_NOT) and av[0] == -1):
        return True
    if op is SUBPATTERN:
        return all(_zero_width(x) for x in av[-1])
    if op is BRANCH:
        return all(all(_zero_width(x) for x in b) for b in av[1])
    return False


def _first_chars(items: list[_Item]) -> str | None:
    """A regex character-class body holding every character a match of ``items`` can start with (both
    cases), or None when that cannot be told cheaply (a class, a category, an optional start...)."""
    chars: set[str] = set()
    ranges: list[str] = []
    for op, av in items:
        if _zero_width((op, av)):
            continue  # \b, a lookbehind and the like take no character
        if op in (MAX_REPEAT, MIN_REPEAT) and av[0] == 0:
            sub = _first_chars(list(av[2]))  # an optional start: its characters or the next element's
            if sub is None:
                return None
            ranges.append(sub)
            continue
        if op is LITERAL:
            c = chr(av)
            chars.update({c, c.lower(), c.upper(), *_FOLDS.get(c.lower(), "")})
            break
        if op is IN:
            for o, a in av:
                if o is LITERAL:
                    c = chr(a)
                    chars.update({c, c.lower(), c.upper(), *_FOLDS.get(c.lower(), "")})
                elif o is CATEGORY and a is CATEGORY_DIGIT:
                    ranges.append(r"\d")  # any Unicode digit, as \d in the pattern: "٣5/16/2024"
                elif o is RANGE and all(chr(x).isdigit() for x in a):
                    ranges.append(f"{chr(a[0])}-{chr(a[1])}")
                else:
                    return None
            break
        if op is SUBPATTERN:
            sub = _first_chars(list(av[-1]))
            if sub is None:
                return None
            ranges.append(sub)
            break
        if op is BRANCH:
            subs = [_first_chars(list(b)) for b in av[1]]
            if any(x is None for x in subs):
                return None
            ranges.extend(x for x in subs if x)
            break
        if op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
            sub = _first_chars(list(av[2]))
            if sub is None:
                return None
            ranges.append(sub)
            break
        return None  # an optional start, a lookaround, a category...
    else:
        return None
    out = "".join(re.escape(c) if c in "\\]^-[" else c for c in sorted(chars))
    for r in ranges:
        if r not in out:
            out += r
    return out or None


def _apostrophe(item: _Item) -> bool:
    """Whether an element matches one of the apostrophes of a two-digit year and nothing else: ``['‘’]``."""
    op, av = item
    if op is LITERAL:
        return chr(av) in _YEAR_APOSTROPHES
    return op is IN and bool(av) and all(o is LITERAL and chr(a) in _YEAR_APOSTROPHES for o, a in av)


def _digit_after(items: list[_Item], j: int) -> bool:
    """Whether ``items[j:]`` starts with two digits, after at most an optional space and apostrophe."""
    while j < len(items) and _optional(items[j]) and not _digit_item(items[j]):
        j += 1  # " ?", "['’]?"
    if j < len(items) and items[j][0] is SUBPATTERN:
        items, j = list(items[j][1][-1]), 0  # (?P<yy>\d\d)
    if j + 1 < len(items) and _digit_item(items[j]) and _digit_item(items[j + 1]):
        return True
    return (
        j < len(items) and items[j][0] is MAX_REPEAT and items[j][1][:2] == (2, 2) and _digit_item(items[j])
    )


def _letter_words(item: _Item) -> list[str] | None:
    """The strings of letters a literal element matches (a letter, a class of letters, an alternation of
    letter words), lower-cased, or None when it is no such element."""
    op, av = item
    if op is LITERAL:
        return [chr(av).lower()] if chr(av).isascii() and chr(av).isalpha() else None
    if op is IN:
        out = [_letter_words(x) for x in av]
        return None if any(w is None for w in out) else [w for ws in out if ws for w in ws]
    if op is BRANCH:
        words: list[str] = []
        for b in av[1]:
            got = [""]
            for x in b:
                tails = _letter_words(x)
                if tails is None:
                    return None
                got = [g + t for g in got for t in tails]
            words.extend(got)
        return words if len(words) <= 64 and all(words) else None
    return None


def _optional_s(item: _Item) -> bool:
    """``s?`` or ``(?P<pl>s)?``: an optional plural ending."""
    op, av = item
    if op is not MAX_REPEAT or av[0] != 0 or av[1] != 1:
        return False
    body = list(av[2])
    if len(body) == 1 and body[0][0] is SUBPATTERN:
        body = list(body[0][1][-1])
    return len(body) == 1 and body[0][0] is LITERAL and chr(body[0][1]).lower() == "s"


def _digit_seq(seq: list[_Item]) -> bool:
    """Whether a sequence matches digits only (at least one)."""
    hard = False
    for it in seq:
        if it[0] is AT:
            continue
        if _optional(it) and all(_digit_item(x) for x in it[1][2]):
            continue
        if not _digit_item(it):
            return False
        hard = True
    return hard


def _digit_item(item: _Item) -> bool:
    """Whether an element matches one or more digits and nothing else."""
    op, av = item
    if op is LITERAL:
        return chr(av).isdigit()
    if op is IN:
        return bool(av) and all(
            (o is LITERAL and chr(a).isdigit())
            or (o is RANGE and chr(a[0]).isdigit() and chr(a[1]).isdigit())
            or (o is CATEGORY and a is CATEGORY_DIGIT)
            for o, a in av
        )
    if op is SUBPATTERN:
        return _digit_seq(list(av[-1]))
    if op is BRANCH:
        return all(_digit_seq(list(b)) for b in av[1])
    if op in (MAX_REPEAT, MIN_REPEAT):
        return av[0] >= 1 and _digit_seq(list(av[2]))
    return False


def _digit_choices(item: _Item) -> list[str] | None:
    """The digits a one-digit class (``[1-4]``, ``(?P<q>[12])``) takes, or None."""
    op, av = item
    if op is SUBPATTERN and len(av[-1]) == 1:
        return _digit_choices(av[-1][0])
    if op is LITERAL and chr(av).isdigit():
        return [chr(av)]
    if op is IN and _digit_item(item):
        out: list[str] = []
        for o, a in av:
            if o is LITERAL:
                out.append(chr(a))
            elif o is RANGE:
                out.extend(chr(c) for c in range(a[0], a[1] + 1))
            else:
                return None
        return out
    return None


_ORDINAL_SUFFIXES = frozenset(_VOCAB["ordinal_suffixes"])  # "3rd", "21st"


def _literal_word(seq: list[_Item]) -> str | None:
    if all(op is LITERAL for op, _av in seq):
        return "".join(chr(av) for _op, av in seq).lower()
    return None


def _is_ordinal_suffix(item: _Item) -> bool:
    """``(?:st|nd|rd|th)``, not optional."""
    op, av = item
    if op is SUBPATTERN and len(av[-1]) == 1:
        return _is_ordinal_suffix(av[-1][0])
    if op is BRANCH:
        return all(_literal_word(list(b)) in _ORDINAL_SUFFIXES for b in av[1])
    return False


def _digit_mark(items: list[_Item], j: int) -> str | None:
    """What the digit scan makes of a run of digits that the pattern follows with ``items[j:]``: the same
    contexts as the scan's (engine._DIGIT_CTX, engine._CLOCK_CTX), as far as the pattern fixes them."""
    if j >= len(items):
        return None
    op, av = items[j]
    nxt = items[j + 1] if j + 1 < len(items) else None
    if op is LITERAL:
        c = chr(av)
        if c.lower() == "s":
            return DIGIT  # "1990s"
        if c in "-/" and nxt is not None and _digit_item(nxt):
            return DIGIT  # "2024-05", "5/16"
        if c == ":" and nxt is not None and _digit_item(nxt):
            return CLOCK  # "10:30"
    if _is_ordinal_suffix(items[j]):
        return DIGIT  # "3rd"
    return None


def _is_letter(item: tuple[Any, Any]) -> bool:
    op, av = item
    return op is LITERAL and chr(av).isascii() and chr(av).isalpha()


def _touches_letter(item: _Item | None, side: int) -> bool:
    """Whether an element may put a letter (or digit) at its ``side`` edge (-1 its last character, 1 its
    first), against a word next to it: the word is then no whole word of the text."""
    if item is None:
        return False
    op, av = item
    if op is LITERAL:
        return chr(av).isalnum() or chr(av) in "_\x00"
    if op is IN:
        return any((o is LITERAL and chr(a).isalnum()) or o is RANGE for o, a in av)
    if op is SUBPATTERN:
        return _seq_edge_touches(list(av[-1]), side)
    if op is BRANCH:
        return any(_seq_edge_touches(list(b), side) for b in av[1])
    if op in (MAX_REPEAT, MIN_REPEAT):
        return _seq_edge_touches(list(av[2]), side)
    return False


def _optional(item: _Item) -> bool:
    return item[0] in (MAX_REPEAT, MIN_REPEAT) and item[1][0] == 0


def _seq_edge_touches(seq: list[_Item], side: int) -> bool:
    """Whether a sequence may put a letter at its ``side`` edge (its optional edge elements looked through)."""
    k = len(seq) - 1 if side == -1 else 0
    while 0 <= k < len(seq):
        if _touches_letter(seq[k], side):
            return True
        if not _optional(seq[k]):
            return False
        k -= 1 if side == -1 else -1
    return False


def _side_touches(items: list[_Item], k: int, step: int, outer: bool) -> bool:
    """Whether the elements from ``items[k]`` on (going by ``step``: -1 leftwards, 1 rightwards) may put a
    letter against a word: an optional element may be absent, and then the next one counts too."""
    edge = -1 if step == -1 else 1
    while 0 <= k < len(items):
        if _touches_letter(items[k], edge):
            return True
        if not _optional(items[k]):
            return False
        k += step
    return outer


def _required(
    items: list[_Item],
    marks: list[tuple[str, ...] | None],
    before: bool = False,
    after: bool = False,
) -> frozenset[str] | None:
    """A set of trigger words one of which every match of the sequence ``items`` holds, the smallest the
    sequence offers, or None when there is none. ``before``/``after``: whether what lies around the
    sequence may put a letter against it (a word at its edge is then no whole word)."""
    options: list[frozenset[str]] = []
    i, n = 0, len(items)
    while i < n:
        op, av = items[i]
        if op is LITERAL and av == 0 and i + 2 < n:  # \x00N\x00: a placeholder
            k = i + 1
            digits = ""
            while k < n and items[k][0] is LITERAL and chr(items[k][1]).isdigit():
                digits += chr(items[k][1])
                k += 1
            vocab = marks[int(digits)]
            i = k + 1
            if vocab is not None:
                if i < n and _optional_s(items[i]) and all(w.isalpha() for w in vocab):
                    vocab = (*vocab, *(w + "s" for w in vocab))  # "{weekday}s?": "Mondays" is a word too
                    i += 1
                options.append(frozenset(vocab))
            continue
        if _apostrophe(items[i]) and _digit_after(items, i + 1):
            options.append(frozenset({DIGIT}))  # "’08": the scan marks two digits after an apostrophe
            i += 1
            continue
        if _digit_item(items[i]):
            # a run of digits: the digit scan marks it by what follows ("1990s", "3rd", "5/16", "10:30")
            j = i
            while j < n and (_digit_item(items[j]) or items[j][0] is AT):
                j += 1
            mark = _digit_mark(items, j)
            if mark:
                options.append(frozenset({mark}))
            i = j
            continue
        if _is_letter(items[i]):
            j = i
            while j < n and _is_letter(items[j]):
                j += 1
            word = "".join(chr(items[k][1]) for k in range(i, j)).lower()
            digits_after = _digit_choices(items[j]) if j < n else None
            if digits_after and all(word + d in _SCAN_TOKENS for d in digits_after):
                # "Q[1-4]": the scan reads the token "q3" (letters and a digit)
                if not _side_touches(items, i - 1, -1, before):
                    options.append(frozenset(word + d for d in digits_after))
                i = j + 1
                continue
            if word in _DIGIT_PREFIXES and _digit_after(items, j):
                options.append(frozenset({DIGIT}))  # "FY25": the scan marks a number after "FY"
                i = j
                continue
            words = [word]
            # the regex parser takes a common prefix out of an alternation: "every|each" is "e(?:very|ach)"
            while j < n and items[j][0] in (BRANCH, IN) and (tails := _letter_words(items[j])) is not None:
                words = [w + t for w in words for t in tails]
                j += 1
                while j < n and _is_letter(items[j]):
                    words = [w + chr(items[j][1]).lower() for w in words]
                    j += 1
            if len(words) > 1:
                whole = not _side_touches(items, i - 1, -1, before) and not _side_touches(items, j, 1, after)
                if whole and all(len(v) >= 3 and v not in _STOPWORDS for v in words):
                    options.append(frozenset(words))
                i = j
                continue
            variants = [word]
            if j < n and items[j][0] is MAX_REPEAT and items[j][1][0] == 0 and items[j][1][1] == 1:
                sub = list(items[j][1][2])
                if len(sub) == 1 and _is_letter(sub[0]):  # "years?"
                    variants.append(word + chr(sub[0][1]).lower())
                    j += 1
            whole = not _side_touches(items, i - 1, -1, before) and not _side_touches(items, j, 1, after)
            if whole and all(len(v) >= 3 and v not in _STOPWORDS for v in variants):
                options.append(frozenset(variants))
            i = j
            continue
        got: frozenset[str] | None = None
        left = _side_touches(items, i - 1, -1, before)
        right = _side_touches(items, i + 1, 1, after)
        if op is SUBPATTERN:
            got = _required(list(av[-1]), marks, left, right)
            if got and i + 1 < n and _optional_s(items[i + 1]) and all(w.isalpha() for w in got):
                got = got | {w + "s" for w in got}  # "(?P<wd>{weekday})s?": "Mondays" is a word too
        elif op is BRANCH:
            sets = [_required(list(b), marks, left, right) for b in av[1]]
            if all(x is not None for x in sets):
                got = frozenset().union(*[x for x in sets if x is not None])
        elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
            got = _required(list(av[2]), marks, left, right)
        elif op is ASSERT and av[0] == 1:  # a lookahead: within the window after the match
            got = _required(list(av[1]), marks)
        if got:
            options.append(got)
        i += 1
    # the smallest set; a word before the digit scan (a window around every year-like number is wider)
    return min(options, key=lambda o: (len(o), bool(o & _SCAN_MARKS))) if options else None


_CONTEXT_KEYS = ("not_before", "not_after", "require_before", "require_after")


def load(lang: str = "en") -> list[DataRule]:
    """The rules of ``factcheck/lang/<lang>/time.toml``, in file order; a malformed record raises
    :class:`ResourceError` naming the file and the rule."""
    where = str(ROOT / lang / "time.toml")
    out: list[DataRule] = []
    seen: set[str] = set()
    for i, rec in enumerate(resource(lang, "time").get("rule", [])):
        name = str(rec.get("name") or f"#{i + 1}")
        if name in seen:
            raise ResourceError(f"{where}: rule {name!r} is defined twice")
        seen.add(name)
        resolver: _Handler | None = None
        if "resolver" in rec:
            resolver = _RESOLVERS.get(rec["resolver"])
            if resolver is None:
                raise ResourceError(f"{where}: rule {name!r}: no resolver {rec['resolver']!r} in the code")
            rec = {"type": "DATE", "value": "", **rec}  # the resolver gives type, value and mod
        missing = [k for k in ("pattern", "type", "value") if k not in rec]
        if missing:
            raise ResourceError(f"{where}: rule {name!r}: missing {', '.join(missing)}")
        if rec.get("priority", "low") not in ("low", "high"):
            raise ResourceError(f"{where}: rule {name!r}: priority must be low or high")
        if rec["type"] not in _TYPES:
            raise ResourceError(f"{where}: rule {name!r}: type must be one of {sorted(_TYPES)}")
        direction = rec.get("direction", "past")
        if direction not in _DIRECTIONS:
            raise ResourceError(f"{where}: rule {name!r}: direction must be one of {sorted(_DIRECTIONS)}")
        if rec.get("tense") is not None and rec["tense"] not in _TENSES:
            raise ResourceError(f"{where}: rule {name!r}: tense must be one of {sorted(_TENSES)}")
        fields = {f for _l, f, _s, _c in string.Formatter().parse(rec["value"]) if f}
        if fields - _FIELDS:
            raise ResourceError(f"{where}: rule {name!r}: unknown value field(s) {sorted(fields - _FIELDS)}")
        raw, exact = bool(rec.get("raw", False)), bool(rec.get("exact", False))
        words = _trigger_words(name, rec["pattern"], where, raw=raw, exact=exact)
        try:
            # the context patterns are case-insensitive like the rule's own
            ctx = {k: _context(where, name, rec[k]) for k in _CONTEXT_KEYS if rec.get(k)}
            # grouped, so that an alternation ("a|b") is anchored as a whole, not only its last branch
            not_before = re.compile(f"(?:{ctx['not_before']})\\Z", re.I) if "not_before" in ctx else None
            not_after = re.compile(f"^(?:{ctx['not_after']})", re.I) if "not_after" in ctx else None
            require_before = (
                re.compile(f"(?:{ctx['require_before']})\\Z", re.I) if "require_before" in ctx else None
            )
            require_after = (
                re.compile(f"^(?:{ctx['require_after']})", re.I) if "require_after" in ctx else None
            )
            hint = re.compile(rec["hint"]) if rec.get("hint") else None
        except re.error as e:
            raise ResourceError(f"{where}: rule {name!r}: {e}") from None
        out.append(
            DataRule(
                name=name,
                pattern=rec["pattern"],
                raw=raw,
                exact=exact,
                where=where,
                type=rec["type"],
                value=rec["value"],
                direction=direction,
                mod=rec.get("mod"),
                not_before=not_before,
                not_after=not_after,
                require_before=require_before,
                require_after=require_after,
                tense=rec.get("tense"),
                hint=hint,
                triggers=frozenset(words),
                high=rec.get("priority", "low") == "high",
                resolver=resolver,
                examples=tuple(rec.get("examples", ())),
                counterexamples=tuple(rec.get("counterexamples", ())),
            )
        )
    return out


def example_anchor(ex: Mapping[str, Any]) -> dt.date | None:
    a = ex.get("anchor")
    return a if isinstance(a, dt.date) else None
