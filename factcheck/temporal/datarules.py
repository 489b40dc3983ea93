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
    examples = [{text = "...", anchor = 2024-05-16, span = "...", value = "...", type = "..."}]
    counterexamples = [{text = "...", span = "..."}]   # ``span`` must come out as no expression

Placeholders in ``pattern`` stand for vocabulary of the same file: ``{unit}``, ``{num}``, ``{vague}``,
``{month}``, ``{weekday}``, ``{year}``, ``{day}``, ``{season}``, ``{part}`` (of the day), ``{set_adverb}``;
``{g:unit}`` captures it as group ``g``. Value fields: ``{duration}`` (from groups ``n`` and ``u``; a vague
or missing ``n`` gives ``X``), ``{shift}`` (the anchor moved ``n`` units of ``u`` in ``direction``, at the
granularity of the unit; no ``n`` is one unit), ``{per_unit}`` (one unit of ``u``: P1W), ``{year}`` (group
``y``), ``{last_named}`` (the date last named in the text: its day, else its month), ``{ref_day}``,
``{ref_day+1}``, ``{ref_day-1}`` (the day last named, else the anchor, and the days around it), ``{season}``
(group ``s``: SU), ``{part}`` (group ``p``, a part of the day: MO). ``priority = "high"`` makes the rule win a tie (same span)
with the rules written as code; by default they win it, and data rules among themselves go by file order.

Trigger words are derived from the pattern: every literal word of three letters or more and the words of
every placeholder it uses (``{year}`` and ``{day}`` add the digit scan). A rule runs only inside the windows
around its trigger words, so a pattern must hold one on every path; the examples, run through the whole
tagger by tests/test_temporal_rules.py, catch a pattern that does not.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from factcheck.lang import ROOT, ResourceError, resource
from factcheck.temporal.rules_dates import _Ctx, _Result
from factcheck.temporal.rules_relative import _duration_value, _rel_value, _unit_code
from factcheck.temporal.tense import _tense
from factcheck.temporal.vocab import (
    _DAY_RE,
    _MONTH_ABBR,
    _MONTH_RE,
    _MONTHS,
    _NUM_RE,
    _NUMBERS,
    _PART_OF_DAY,
    _SEASONS,
    _UNIT_RE,
    _VAGUE_NUMBERS,
    _VAGUE_RE,
    _VOCAB,
    _WEEKDAY_RE,
    _WEEKDAYS,
    _YEAR_RE,
    _fmt_date,
    _number,
)

_UNIT_WORDS = (
    "second seconds minute minutes hour hours day days night nights week weeks fortnight fortnights month "
    "months quarter quarters year years decade decades century centuries millennium millennia"
).split()

# placeholder -> (regex, trigger words, needs the digit scan)
PLACEHOLDERS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "unit": (_UNIT_RE, tuple(_UNIT_WORDS), False),
    "num": (_NUM_RE, tuple(w for w in _NUMBERS if " " not in w and len(w) >= 3), True),
    "vague": (_VAGUE_RE, tuple(w for v in _VAGUE_NUMBERS for w in v.split() if len(w) >= 3), False),
    "month": (_MONTH_RE, (*_MONTHS, *_MONTH_ABBR), False),
    "weekday": (_WEEKDAY_RE, tuple(_WEEKDAYS), False),
    "year": (_YEAR_RE, (), True),
    "day": (_DAY_RE, (), True),
    "season": ("(?:" + "|".join(_SEASONS) + ")", tuple(_SEASONS), False),
    "part": ("(?:" + "|".join(_PART_OF_DAY) + ")", tuple(_PART_OF_DAY), False),
    "set_adverb": ("(?:" + "|".join(_VOCAB["set_adverbs"]) + ")", tuple(_VOCAB["set_adverbs"]), False),
}
_PLACEHOLDER = re.compile(r"\{(?:(?P<group>[a-z_]+):)?(?P<name>[a-z_]+)\}")
_REGEX_SYNTAX = re.compile(r"\\[A-Za-z]|\(\?P<[^>]*>|\(\?P=[^)]*\)|\(\?[a-zA-Z-]+[:)]|\{\d+(?:,\d*)?\}")
_LITERAL_WORD = re.compile(r"[A-Za-z]{3,}")
_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
_DIRECTIONS = frozenset({"past", "future", "tense"})
_FIELDS = frozenset(
    {
        "duration",
        "per_unit",
        "shift",
        "year",
        "last_named",
        "ref_day",
        "ref_day+1",
        "ref_day-1",
        "season",
        "part",
    }
)
_TENSES = frozenset({"past", "future", "present"})


@dataclass(frozen=True)
class DataRule:
    """One ``[[rule]]`` record, compiled."""

    name: str
    regex: re.Pattern[str]
    type: str
    value: str
    direction: str
    mod: str | None
    not_before: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    require_before: re.Pattern[str] | None
    require_after: re.Pattern[str] | None
    tense: str | None  # the rule holds only in a clause of this tense
    triggers: frozenset[str]
    digits: bool  # also runs around the digit triggers (years, "3rd", "5/4")
    high: bool  # wins a tie with the code rules
    examples: tuple[Mapping[str, Any], ...]
    counterexamples: tuple[Mapping[str, Any], ...]

    @property
    def kind(self) -> str:
        return f"rule:{self.name}"

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
    n = re.sub(r"\s+", " ", n.lower())
    return None if n in _VAGUE_NUMBERS else _number(n)


def _last_named(ctx: _Ctx) -> str | None:
    """The date last named in the text: its day, else its month."""
    if ctx.last_ref is not None:
        return _fmt_date(ctx.last_ref)
    if ctx.last_month is not None:
        return f"{ctx.last_month[0]}-{ctx.last_month[1]:02d}"
    return None


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
        elif field == "per_unit":
            got = _duration_value(1, _group(m, "u") or "")
        elif field == "year":
            got = _group(m, "y")
        elif field.startswith("ref_day"):
            day = ctx.last_ref or ctx.anchor
            if day is None:
                got = "XXXX-XX-XX"
            else:
                day = day + dt.timedelta(days=int(field[7:] or 0))
                ctx.last_ref = day
                got = _fmt_date(day)
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


def _expand(name: str, pattern: str, where: str) -> tuple[str, set[str], bool]:
    """The regex of a pattern with its placeholders expanded, its trigger words, and whether it needs
    the digit scan."""
    words: set[str] = set()
    digits = False

    def one(m: re.Match[str]) -> str:
        nonlocal digits
        ph = PLACEHOLDERS.get(m["name"])
        if ph is None:
            raise ResourceError(f"{where}: rule {name!r}: unknown placeholder {{{m['name']}}}")
        rx, vocab, needs_digits = ph
        words.update(w.lower() for w in vocab if len(w) >= 3)
        digits = digits or needs_digits
        return f"(?P<{m['group']}>{rx})" if m["group"] else rx

    literal = _PLACEHOLDER.sub(" ", pattern)
    literal = _REGEX_SYNTAX.sub(" ", literal)
    words.update(w.lower() for w in _LITERAL_WORD.findall(literal))
    body = _PLACEHOLDER.sub(one, pattern).replace(" ", r"\s+")
    return rf"(?i:\b(?:{body})\b)", words, digits


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
        body, words, digits = _expand(name, rec["pattern"], where)
        if not words:
            raise ResourceError(f"{where}: rule {name!r}: the pattern holds no word to trigger it")
        try:
            regex = re.compile(body)
            # the context patterns are case-insensitive like the rule's own
            not_before = re.compile(rec["not_before"] + r"$", re.I) if rec.get("not_before") else None
            not_after = re.compile("^" + rec["not_after"], re.I) if rec.get("not_after") else None
            require_before = (
                re.compile(rec["require_before"] + r"$", re.I) if rec.get("require_before") else None
            )
            require_after = re.compile("^" + rec["require_after"], re.I) if rec.get("require_after") else None
        except re.error as e:
            raise ResourceError(f"{where}: rule {name!r}: {e}") from None
        out.append(
            DataRule(
                name=name,
                regex=regex,
                type=rec["type"],
                value=rec["value"],
                direction=direction,
                mod=rec.get("mod"),
                not_before=not_before,
                not_after=not_after,
                require_before=require_before,
                require_after=require_after,
                tense=rec.get("tense"),
                triggers=frozenset(words),
                digits=digits,
                high=rec.get("priority", "low") == "high",
                examples=tuple(rec.get("examples", ())),
                counterexamples=tuple(rec.get("counterexamples", ())),
            )
        )
    return out


def example_anchor(ex: Mapping[str, Any]) -> dt.date | None:
    a = ex.get("anchor")
    return a if isinstance(a, dt.date) else None
