"""The tagging engine: trigger scan, rule windows, candidate selection and the post-passes (ranges, conjoined days, quarters)."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from factcheck.links import blank_links
from factcheck.model import TimeRef
from factcheck.temporal import datarules, discourse, rules_relative, rules_times  # noqa: F401  (their rules register on import)
from factcheck.temporal.anchor import story_day
from factcheck.temporal.prefix import _extend_prefix
from factcheck.temporal.rules_dates import _Ctx, _Handler
from factcheck.temporal.vocab import (
    _DAY_RE,
    _DAY_RELATION_WORDS,
    _DAY_VALUE,
    _DAY_VALUE_OPEN,
    _DECADE_WORDS,
    _FIXED_TEXT,
    _MONTH_NAME,
    _MONTH_RE,
    _PART_TAIL,
    _QUARTER_VALUE,
    _QX_VALUE,
    _VOCAB,
    _WEEKDAY_RE,
    _YEAR_VALUE,
    _YMD_VALUE,
    _fmt_date,
    _iso_week,
    _may_end_in,
    _safe_date,
)

# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------

# a leading preposition is no part of the expression; "at least"/"at most" are its mod ("at least eight years")
_LEADING_PREP = re.compile(
    r"(?i:(?:on|in|at|during|by|until|till|since|for|from|within|after|before|of)\s+)(?!(?i:least|most)\b)"
)
_DAY_RELATION_BEFORE = re.compile(
    r"(?i:\bthe\s+(?:(?P<rel>week|weekend)\s+(?:of|(?P<begin>beginning|starting|commencing)(?:\s+on)?)|day\s+(?P<rel2>before|after))\s+)$"
)
_COMPARED_QUARTER = re.compile(r"(?i:year[- ](?:ago|earlier)|last\s+year)")
_YEAR_AGO_RE = re.compile(r"(?i:^(?:a|one) year (?:ago|earlier)$|^year[- ](?:earlier|ago)$)")


def _trigger_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """Regions of ``text`` around trigger words (time vocabulary, year-like numbers, clock times),
    by kind of trigger, overlapping regions of a kind merged.

    Every rule needs a trigger of one of its kinds, so each rule only runs inside the regions of
    its kinds: most news text holds no time expression, and scanning it word by word is much
    cheaper than running every rule over all of it.

    Fast path (same regions as the token-by-token reference scan in tests/test_temporal.py, which a test checks): the trigger words
    are found in one scan of a letters-only copy of the text, by one regex of them all (:data:`_TRIGGER_WORD`);
    "Q1"/"H2" tokens are read off the runs of digits.
    """
    # One byte per character: ASCII letters lower-cased, everything else (digits, punctuation, any
    # non-ASCII character) a space; its words are exactly the text's [A-Za-z] runs, at the same offsets.
    letters = text.encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii")
    # one event per trigger found: its offsets and the trigger kinds it opens a region of
    events: list[tuple[int, int, tuple[str, ...]]] = []
    n = len(text)
    # the copy padded with a space at either end: a match's space before the word stands at the word's offset
    for m in _TRIGGER_WORD.finditer(f" {letters} "):
        events.append((m.start(), m.end() - 1, _TRIGGERS[m[1]]))
    for s0, tok in _digit_runs(text):
        if len(tok) == 1 and tok in "1234" and s0 and text[s0 - 1] in "QqHh":
            # "Q1", "h2" ([QqHh][1-4] with word boundaries on both sides): that token, not a number
            e0 = s0 + 1
            if e0 == n or not (text[e0].isalnum() or text[e0] == "_"):
                p = s0 - 1
                if not p or not (text[p - 1].isalnum() or text[p - 1] == "_"):
                    if (token_kinds := _TRIGGERS.get(text[p:e0].lower())) is not None:
                        events.append((p, e0, token_kinds))
                    continue
        e0 = s0 + len(tok)
        mark: tuple[str, ...]
        if len(tok) == 2 and s0 and text[s0 - 1] in _YEAR_APOSTROPHES and not _CLOCK_CTX.match(text, e0):
            mark = _DIGIT  # "in ’08": a year of two digits after an apostrophe
        elif (len(tok) == 4 and tok[0] in "12") or (
            len(tok) == 2 and _FY_BEFORE.search(text, max(0, s0 - 5), s0)
        ):
            # "FY 16:08": a fiscal year's digits or a clock time
            mark = _DIGIT_CLOCK if len(tok) == 2 and _CLOCK_CTX.match(text, e0) else _DIGIT
        elif _CLOCK_CTX.match(text, e0):
            mark = _CLOCK
        elif _DIGIT_CTX.match(text, e0):
            mark = _DIGIT
        else:
            continue
        events.append((s0, e0, mark))
    events.sort()
    spans: dict[str, list[tuple[int, int]]] = {}
    for s0, e0, kinds in events:
        st = max(0, s0 - _WIN_LEFT)
        en = e0 + _WIN_RIGHT
        for kind in kinds:
            lst = spans.get(kind)
            if lst is None:
                spans[kind] = [(st, en)]
            elif st <= lst[-1][1]:
                lst[-1] = (lst[-1][0], en)
            else:
                lst.append((st, en))
    return spans


# the kinds of a number the digit scan marks
_DIGIT, _CLOCK, _DIGIT_CLOCK = ("digit",), ("clock",), ("digit", "clock")


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


def _rule_windows(
    text: str,
    spans: dict[str, list[tuple[int, int]]],
    kinds: tuple[str, ...],
    edges: tuple[dict[int, int], dict[int, int]] | None = None,
    last_ends: list[int] | None = None,
) -> list[tuple[int, int]]:
    """The merged regions of the given kinds, widened to whitespace so that no window cuts a word.

    Same windows as the reference in tests/test_temporal.py (a test checks): the regions of one kind come merged
    from :func:`_trigger_spans` (each starts after the end of the one before), and a window's ends
    look for a newline only between the region and the nearest space.

    ``edges``: the widened starts and ends already found in this text (start -> widened start, end -> widened
    end), shared by the calls for its other kinds: a trigger word of several kinds ("year" belongs to 8) gives
    each of them the same region, widened once.

    ``last_ends``: filled with where the last trigger of each window ends (its region's end before the
    ``_WIN_RIGHT`` characters after it): every match of a rule holds one of its triggers, so none starts there
    or later."""
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
    starts, ends = edges if edges is not None else ({}, {})
    snapped: list[tuple[int, int]] = []
    for st0, en0 in regions:
        st = starts.get(st0, -1)
        if st < 0:  # not widened yet
            st = st0
            if st > 0 and not text[st - 1].isspace():
                a = rfind(" ", 0, st)
                b = rfind("\n", a + 1, st)
                st = (b if b > a else a) + 1
            starts[st0] = st
        en = ends.get(en0, -1)
        if en < 0:
            en = en0
            if en >= n:
                en = n
            elif not text[en].isspace():
                a = find(" ", en)
                b = find("\n", en, a) if a >= 0 else find("\n", en)
                en = b if b >= 0 else a if a >= 0 else n
            ends[en0] = en
        snapped.append((st, en))
        if last_ends is not None:
            last_ends.append(en0 - _WIN_RIGHT)
    return snapped


_DIGIT_CTX = re.compile(r"[/-]\d|s\b|(?:st|nd|rd|th)\b")
_CLOCK_CTX = re.compile(r"(?:\s|\.(?=[aApP]\.))?[aApP]\.?[mM]\b|:\d")  # "5 pm", "5p.m.", "1.p.m.", "10:30"
_YEAR_APOSTROPHES = datarules._YEAR_APOSTROPHES  # "’08": the two digits after one are a year's
_FY_BEFORE = re.compile(r"\b[Ff][Yy]\s?['’]?$")  # "FY25", "FY '24": a two-digit fiscal year
_WIN_LEFT = 35
_WIN_RIGHT = 25
# every rule is a [[rule]] record of time.toml: it runs in the windows around its own trigger words, read off
# its pattern (and around the numbers the digit scan marks, when its pattern needs one); a tie (same span)
# goes to the rule with priority = "high", then to the earlier record
_DATA_RULES = datarules.load("en")
_KIND_WORDS: dict[str, list[str]] = {}
for _r in _DATA_RULES:
    if _r.triggers - {datarules.DIGIT, datarules.CLOCK}:
        _KIND_WORDS.setdefault(_r.kind, sorted(_r.triggers - {datarules.DIGIT, datarules.CLOCK}))
_TRIGGERS: dict[str, tuple[str, ...]] = {}
for _kind, _words in _KIND_WORDS.items():
    for _w in _words:
        _TRIGGERS[_w] = (*_TRIGGERS.get(_w, ()), _kind)


def _word_alternation(words: Iterable[str]) -> str:
    """A regex that matches exactly ``words``, written as a trie ("da(?:wn|y(?:s)?)" for "dawn", "day", "days"):
    the words that begin alike share one branch, so that the regex engine reads each letter of the text's word
    once where a plain alternation would try every word in turn."""
    tails = sorted(set(words))
    branches = [
        re.escape(first) + _word_alternation(w[1:] for w in group)
        for first, group in itertools.groupby((w for w in tails if w), key=lambda w: w[0])
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and tails[0] else f"(?:{'|'.join(branches)})"
    return f"{body}?" if not tails[0] else body  # "" sorts first: a word may end here


# a trigger word (of three letters or more, as the token scan reads) between spaces in the letters-only copy of a
# text padded with a space at either end: one scan of the copy finds every trigger word
_TRIGGER_WORD = re.compile(f" ({_word_alternation(w for w in _TRIGGERS if len(w) >= 3)})(?= )")

_ALL_RULES: list[tuple[datarules.DataRule, _Handler, str]] = [
    *((r, r.handler(), r.name) for r in _DATA_RULES if r.high),
    *((r, r.handler(), r.name) for r in _DATA_RULES if not r.high),
]
_KINDS_OF = {r.name: r.kinds for r in _DATA_RULES}
# context checks of the data rules that have any
_ACCEPTS_OF = {r.name: r.accepts for r in _DATA_RULES if r.checks_context}
# a rule's hint (time.toml): a window without it holds no match of the rule, and is not scanned
_HINT_OF = {r.name: r.hint for r in _DATA_RULES}


@dataclass(frozen=True, slots=True)
class _Dispatch:
    """What the rule loop needs of one rule, looked up once: its priority (its place in ``_ALL_RULES``), the
    rule (its regex is compiled when first asked for: only rules whose trigger words a text holds are), its
    handler, the trigger kinds whose windows it runs in, its hint and its context check."""

    prio: int
    rule: datarules.DataRule
    handler: _Handler
    kinds: tuple[str, ...]
    hint: re.Pattern[str] | None
    accepts: Callable[[str, re.Match[str]], bool] | None


_DISPATCH = tuple(
    _Dispatch(prio, r, fn, _KINDS_OF[name], _HINT_OF[name], _ACCEPTS_OF.get(name))
    for prio, (r, fn, name) in enumerate(_ALL_RULES)
)
# The index of the rules by trigger kind: the rules that run in the windows of each kind. A rule runs only
# inside the windows of its kinds, so a text with no trigger of any of them gives it no window at all: only
# the rules of the kinds the text's trigger scan found are tried.
_RULES_OF_KIND: dict[str, tuple[_Dispatch, ...]] = {}
for _d in _DISPATCH:
    for _kind in _d.kinds:
        _RULES_OF_KIND[_kind] = (*_RULES_OF_KIND.get(_kind, ()), _d)


def _rules_in(spans: dict[str, list[tuple[int, int]]]) -> list[_Dispatch]:
    """The rules that have a window in a text whose trigger regions are ``spans`` (each of them has a region
    of one of its kinds), in priority order."""
    found = {d.prio: d for kind in spans for d in _RULES_OF_KIND.get(kind, ())}
    return [found[p] for p in sorted(found)]


@functools.lru_cache(maxsize=512)
def _tag_cached(text: str, anchor: dt.date | None) -> tuple[TimeRef, ...]:
    cands: list[tuple[int, int, int, re.Match[str], _Handler]] = []
    spans = _trigger_spans(text)
    # trigger kinds -> their windows, and where each window's last trigger ends
    windows: dict[tuple[str, ...], tuple[list[tuple[int, int]], list[int]]] = {}
    edges: tuple[dict[int, int], dict[int, int]] = ({}, {})  # the windows' widened ends, shared by all kinds
    for rule in _rules_in(spans):
        prio, rx, fn, kinds, hint, accepts = (
            rule.prio,
            rule.rule.regex,
            rule.handler,
            rule.kinds,
            rule.hint,
            rule.accepts,
        )
        got = windows.get(kinds)
        if got is None:
            last_ends: list[int] = []
            got = windows[kinds] = (_rule_windows(text, spans, kinds, edges, last_ends), last_ends)
        for (ws, we), last in zip(*got, strict=True):
            if hint is not None and hint.search(text, ws, we) is None:
                continue
            # the window's matches as finditer gives them, found with searches: most windows hold no match of the
            # rule, and one search tells without making an iterator; the next search starts where a match ends
            m = rx.search(text, ws, we)
            while m is not None:
                s, e = m.span()
                if e == s:
                    # an empty match (none of the rules has one: every match holds a trigger word): finditer, which
                    # steps past it in its own way, reads the rest of the window
                    for m in rx.finditer(text, s, we):
                        if m.end() > m.start() and (accepts is None or accepts(text, m)):
                            cands.append((m.start(), m.end(), prio, m, fn))
                    break
                if accepts is None or accepts(text, m):
                    cands.append((s, e, prio, m, fn))
                # a further match holds a trigger after this one's end: none when the window's last trigger
                # ends there or before (most windows hold one trigger, which the match just found holds)
                m = rx.search(text, e, we) if e < last else None
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
        ctx.at = s
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
        r = _day_relation(text, r, result[-1].end if result else 0)
        if result and (year := _spoken_year_of(text, result[-1], r)) is not None:
            result.pop()
            r = year
        if result and r.type == "DATE":
            result[-1] = _range_start(text, result[-1], r)
        if result and r.type == "DATE" and not _FIXED_TEXT.search(r.text):
            r = _range_end(text, result[-1], r)
            if anchor is not None:
                result[-1], r = _weekday_range(text, result[-1], r, anchor)
        if result and (at := _clock_on_day(text, result[-1], r) or _clock_in_day_part(text, result[-1], r)):
            result.pop()
            r = at
        if result:
            r = _clock_range_end(text, result[-1], r)
        lead = _LEADING_PREP.match(r.text)
        if lead and lead.end() < len(r.text):
            st = r.start + lead.end()
            r = TimeRef(st, r.end, text[st : r.end], r.type, r.value, r.mod)
        first = _first_day(text, r, prev_end)
        if first is not None:
            result.append(first)  # "9 and 10 March": the first day, in the month named after the second
        result.append(r)
        prev_end = r.end
        second = _second_day(text, r) or _second_year(text, r) or _second_decade(text, r)
        if second is not None and second.value.isdigit():
            result.append(second)  # "2019-20": the year the range ends in; "the 1930s and 40s"
            while (more := _second_decade(text, result[-1])) is not None:
                result.append(more)  # "the 1920s, 30s and 40s": each decade of the list
            prev_end = skip_to = result[-1].end
        elif second is not None:
            if second.value[:4] != r.value[:4]:  # "April 24 and 25, 2025": the year is both days'
                result[-1] = TimeRef(r.start, r.end, r.text, r.type, second.value[:4] + r.value[4:], r.mod)
            result.append(second)
            prev_end = skip_to = second.end
    return tuple(discourse.apply(text, result))


def _day_relation(text: str, r: TimeRef, prev_end: int) -> TimeRef:
    """A day after "the week of", "the week beginning", "the weekend of", "the day before/after": that week,
    weekend or day ("the week of March 6", "the week beginning 17 October 2011", "the day before Tuesday");
    the words must lie after the expression before (``prev_end``)."""
    if r.type != "DATE" or not _DAY_VALUE.fullmatch(r.value):
        return r
    before = text[max(0, r.start - 30) : r.start]
    pre = (
        _DAY_RELATION_BEFORE.search(text, max(0, r.start - 30), r.start)
        if _may_end_in(before, _DAY_RELATION_WORDS)
        else None
    )
    if pre is None or pre.start() < prev_end:
        return r
    d = dt.date.fromisoformat(r.value)
    rel = (pre["rel"] or pre["rel2"]).lower()
    if pre["begin"] and d.isoweekday() == 7:
        d += dt.timedelta(days=1)  # "the week beginning Sunday, Oct. 16": the ISO week from the Monday after
    if rel == "week":
        val = _iso_week(d)
    elif rel == "weekend":
        val = _iso_week(d) + "-WE"
    else:
        val = _fmt_date(d + dt.timedelta(days=-1 if rel == "before" else 1))
    return TimeRef(pre.start(), r.end, text[pre.start() : r.end], r.type, val, r.mod)


# the links and words the post-passes below read, compiled once
_WORDS_ONLY = re.compile(r"[\w .'-]*")
_ANY_DIGIT = re.compile(r"\d")
_SPACE_OF = re.compile(r"\s+(?:of\s+)?")
_ENDS_IN_WEEKDAY = re.compile(rf"\b{_WEEKDAY_RE}$")
_CLOCK_DAY_LINK = re.compile(r",?[^\S\n]+(?:on[^\S\n]+)?")


def _spoken_year_of(text: str, p: TimeRef, r: TimeRef) -> TimeRef | None:
    """A year ``r`` right after a month or season written in words ``p``: one date ("January nineteen
    ninety-seven", "the winter of nineteen ninety-four")."""
    if r.type != "DATE" or not _YEAR_VALUE.fullmatch(r.value) or p.type != "DATE":
        return None
    tail = _PART_TAIL.search(p.value)
    if (
        tail
        and _WORDS_ONLY.fullmatch(p.text)
        and not _ANY_DIGIT.search(p.text)
        and _SPACE_OF.fullmatch(text, p.end, r.start)
    ):
        return TimeRef(p.start, r.end, text[p.start : r.end], "DATE", f"{r.value}-{tail.group(1)}", p.mod)
    return None


def _clock_on_day(text: str, p: TimeRef, r: TimeRef) -> TimeRef | None:
    """A clock time ``p`` right before the day ``r`` it is on: one point in time ("until 5 p.m. EST Nov. 9", "at
    10:30 yesterday")."""
    if not (p.type == "TIME" and r.type == "DATE" and _DAY_VALUE.fullmatch(r.value)):
        return None
    link = text[p.end : r.start]
    if not (
        ((_MONTH_NAME.search(r.text) or _ENDS_IN_WEEKDAY.search(r.text)) and _CLOCK_DAY_LINK.fullmatch(link))
        or (_DAY_WORD.fullmatch(r.text) and link.isspace())
    ):
        return None
    clock = p.value.split("T", 1)[1] if "T" in p.value else ""
    return TimeRef(p.start, r.end, text[p.start : r.end], "TIME", f"{r.value}T{clock}", p.mod)


def _clock_in_day_part(text: str, p: TimeRef, r: TimeRef) -> TimeRef | None:
    """A clock time ``p`` right before a part of a named day ``r``: the clock time on that day ("at 18:41 this
    evening", "8.49pm last night", "6am on Sunday morning")."""
    if not (_CLOCK_TIME.fullmatch(p.value) and r.type in ("TIME", "DATE")):
        return None
    part = _DAY_PART_VALUE.match(r.value)
    if (
        part is None
        or not _DAY_PART_TEXT.fullmatch(r.text)
        or not _CLOCK_TO_PART.fullmatch(text, p.end, r.start)
    ):
        return None
    value = f"{part.group(1)}T{p.value.split('T', 1)[1]}"
    return TimeRef(p.start, r.end, text[p.start : r.end], "TIME", value, p.mod)


def _clock_range_end(text: str, p: TimeRef, r: TimeRef) -> TimeRef:
    """The end ``r`` of a range of clock times on one day that is no later than its start ``p`` is on the next day
    ("from midnight to 7am", "from 10 p.m. to 2 a.m.")."""
    start = _CLOCK_VALUE.fullmatch(p.value)
    if start is None:
        return r
    end = _CLOCK_VALUE.fullmatch(r.value)
    if end is None or start[1] != end[1] or (end[2] >= start[2] and start[2] != "24:00"):
        return r
    if not _BARE_CLOCK.fullmatch(r.text):
        return r  # "to 2 a.m. Friday": the end names its own day
    link = _CLOCK_RANGE_LINK.fullmatch(text, p.end, r.start)
    if link is None or (link[1] == "and" and not _RANGE_START.search(text, max(0, p.start - 12), p.start)):
        return r
    day = dt.date.fromisoformat(start[1]) + dt.timedelta(days=1)
    return TimeRef(r.start, r.end, r.text, r.type, f"{day.isoformat()}T{end[2]}{end[3]}", r.mod)


_CLOCK_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(Z?)")
_BARE_CLOCK = re.compile(
    r"(?i:\d{1,2}(?:[:.]?\d\d)?\s*(?:[ap]\.?\s?m\b\.?|h(?:rs|ours)?\b)?\.?|noon|midnight)(?:\s+[A-Z]{2,4})?"
)
_CLOCK_RANGE_LINK = re.compile(r"\s*(to|until|till|and|-|–)\s*")
_DAY_WORD = re.compile(r"(?i:today|yesterday|tomorrow)")
_CLOCK_TIME = re.compile(r"(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)T\d\d:\d\dZ?")
_DAY_PART_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)(?:T(?:MO|AF|EV|NI))?$")
_DAY_PART_TEXT = re.compile(
    rf"(?:(?i:on)\s+)?(?:(?:(?i:this|last|yesterday|tomorrow)|{_WEEKDAY_RE})\s+(?i:morning|afternoon|evening|night)|(?i:tonight))"
)
_CLOCK_TO_PART = re.compile(r"\s+(?:on\s+)?")
_FISCAL_QUARTER = re.compile(r"(?i:\bfiscal\b)")
_ORDINAL_QUARTER = re.compile(r"(?i:\b(?:first|second|third|fourth|final|[1-4](?:st|nd|rd|th))\b|\bQ[1-4]\b)")
_ANAPHORIC_QUARTER = re.compile(r"(?i:(?:the|its)\s+(?:latest\s+)?(?:quarter|period))")
_RANGE_START = re.compile(r"(?i:\b(?:from|between)\s+(?:the\s+)?)$")
_RANGE_LINK = re.compile(r"\s*,?\s*(?:to|and|through|until|till|-|–)\s*")


_BARE_MONTH_DAY = re.compile(rf"{_MONTH_RE}\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?")
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b")


def _range_start(text: str, prev: TimeRef, r: TimeRef) -> TimeRef:
    """The first month or day of "from September to December 2014", "in May and June 2011", "between March 3 and
    April 5, 2009", written with no year, takes the year written at the end: the one that puts it at or before the
    end (HeidelTime's date_r7b)."""
    # the cheap and seldom-met tests first: two dates with only "to", "and", "-"... between them
    if prev.type != "DATE" or not _RANGE_LINK.fullmatch(text, prev.end, r.start):
        return prev
    pv = _YMD_VALUE.fullmatch(prev.value)
    rv = _YMD_VALUE.fullmatch(r.value)
    if pv is None or rv is None:
        return prev
    if not _BARE_MONTH_DAY.fullmatch(prev.text) or not (
        _MONTH_NAME.search(r.text) and _WRITTEN_YEAR.search(r.text)
    ):
        return prev
    y = int(rv.group(1))
    if (pv.group(2), pv.group(3) or "") > (rv.group(2), rv.group(3) or ""):
        y -= 1  # "from November to February 2015": the November before
    return TimeRef(prev.start, prev.end, prev.text, prev.type, f"{y}{prev.value[4:]}", prev.mod)


def _range_end(text: str, prev: TimeRef, r: TimeRef) -> TimeRef:
    """The second date of "from March 3 to April 5" / "between May 1 and June 3" without a year
    of its own takes the year that puts it at or after the first date."""
    if prev.type != "DATE" or not _RANGE_LINK.fullmatch(text, prev.end, r.start):
        return r
    pv = _YMD_VALUE.fullmatch(prev.value)
    rv = _YMD_VALUE.fullmatch(r.value)
    if pv is None or rv is None:
        return r
    if not (_MONTH_NAME.search(prev.text) and _MONTH_NAME.search(r.text)):
        return r  # "Friday and Thursday", "Friday to December's figures"
    if not _RANGE_START.search(text, max(0, prev.start - 12), prev.start) and not _RANGE_DASH.fullmatch(
        text, prev.end, r.start
    ):
        return r  # a list of dates, not a range
    y = int(pv.group(1))
    if (rv.group(2), rv.group(3) or "") < (pv.group(2), pv.group(3) or ""):
        y += 1
    if y == int(rv.group(1)) or (rv.group(3) and _safe_date(y, int(rv.group(2)), int(rv.group(3))) is None):
        return r
    return TimeRef(r.start, r.end, r.text, r.type, f"{y}{r.value[4:]}", r.mod)


_RANGE_DASH = re.compile(r"\s*(?:-|–|through)\s*")
_WEEKDAY_RANGE_LINK = re.compile(r"\s*(?:-|–|through|thru|to|until|till)\s*")
_WEEKDAY_DASH_LINK = re.compile(r"\s*(?:-|–|through|thru)\s*")
_WEEKDAY_TO_LINK = re.compile(r"\s+(?:to|until|till)\s+")
_FROM_BEFORE = re.compile(r"(?i:\bfrom\s+)$")
_BARE_WEEKDAY = re.compile(rf"(?:(?i:on)\s+)?{_WEEKDAY_RE}")
# a state that holds every week before a range of weekdays ([vocab] habitual_cues), in the same clause
_HABITUAL_BEFORE = re.compile(
    r"(?i:\b(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _VOCAB["habitual_cues"])
    + r")\b(?:[^.;!?\n]{0,30}\s)?(?<!from\s)$)"
)


def _weekday_set(ref: TimeRef) -> TimeRef:
    """The weekday of ``ref`` in every week: a SET."""
    wd = dt.date.fromisoformat(ref.value).isoweekday()
    return TimeRef(ref.start, ref.end, ref.text, "SET", f"XXXX-WXX-{wd}", ref.mod)


def _weekday_range(text: str, prev: TimeRef, r: TimeRef, anchor: dt.date) -> tuple[TimeRef, TimeRef]:
    """A range of two bare weekdays ("from Monday to Friday", "Monday-Friday") runs forward: when each was
    resolved on its own and the end came out before the start, the range is the one after the publication
    day if its start is ahead, else the one before (the start moved a week back)."""
    if not (
        prev.type == "DATE"
        and _DAY_VALUE.fullmatch(prev.value)
        and _DAY_VALUE.fullmatch(r.value)
        and _BARE_WEEKDAY.fullmatch(prev.text)
        and _BARE_WEEKDAY.fullmatch(r.text)
    ):
        return prev, r
    link = text[prev.end : r.start]
    if _WEEKDAY_RANGE_LINK.fullmatch(link) and _HABITUAL_BEFORE.search(
        text, max(0, prev.start - 50), prev.start
    ):
        # "The office is open Monday-Friday", "staffed Monday through Friday": the days of every week ("closed
        # from Saturday to Monday for repairs" is one stretch: no "from")
        return _weekday_set(prev), _weekday_set(r)
    if r.value >= prev.value:
        return prev, r
    if not _WEEKDAY_DASH_LINK.fullmatch(link) and not (
        _WEEKDAY_TO_LINK.fullmatch(link) and _FROM_BEFORE.search(text[max(0, prev.start - 8) : prev.start])
    ):
        return prev, r  # "Friday and Thursday": two days, no range
    start, end = dt.date.fromisoformat(prev.value), dt.date.fromisoformat(r.value)
    if start > anchor:
        end += dt.timedelta(days=7)
        return prev, TimeRef(r.start, r.end, r.text, r.type, _fmt_date(end), r.mod)
    start -= dt.timedelta(days=7)
    return TimeRef(prev.start, prev.end, prev.text, prev.type, _fmt_date(start), prev.mod), r


_MONTH_DAY_TEXT = re.compile(rf"(?:{_MONTH_RE})\s+{_DAY_RE}$|{_DAY_RE}\s+(?:of\s+)?(?:{_MONTH_RE})$")
_SECOND_DAY = re.compile(
    r"(?P<sep>\s*(?:,\s*)?(?:and|or|to|through|until|-|–)\s*)(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    r"(?:\s*,?\s*(?P<y>1[6-9]\d\d|20\d\d)\b)?"
    r"(?=\s*(?:$|[.,;:)]|(?:in|at|on|when|before|after|for|during|from)\b))"
)
# the end of a range written with a hyphen or dash between the days and no space ("conducted March 17-20 via
# landlines", "between February 15-17 among 1,031 voters", "May 13-22 — and surveyed"): a day whatever follows,
# but not a number going on ("Dec. 18-11:14"), a share ("5-10%") or a clock time ("March 5 9-11 a.m.")
_SECOND_DAY_DASH = re.compile(
    r"(?P<sep>[-–])(?P<d>[12]\d|3[01]|0?[1-9])(?:\s*,?\s*(?P<y>1[6-9]\d\d|20\d\d)\b)?"
    r"(?![\d:./]\d|\d|\s*%|\s*[ap]\.?m\b)"
)


_SECOND_YEAR = re.compile(r"[-–/](\d\d?)(?![\d%])(?![-/.,:]\d)")


def _second_year(text: str, ref: TimeRef) -> TimeRef | None:
    """The second year of a span of years written short: "the 2019-20 season", "fiscal 2023/24",
    "1990-95" (its last two digits, in the first year's century), "2008-9" (its last digit: the next year)."""
    if ref.type != "DATE" or not _YEAR_VALUE.fullmatch(ref.value) or not ref.text[-4:].isdigit():
        return None
    m = _SECOND_YEAR.match(text, ref.end)
    if m is None:
        return None
    y, yy = int(ref.value), int(m.group(1))
    if len(m.group(1)) == 1:
        if yy != (y + 1) % 10:
            return None  # "2013-2": no span of years
        yy = (y + 1) % 100
    if text[ref.end] == "/":
        if yy != (y + 1) % 100:
            return None  # "2023/24" is a fiscal or season year; "2023/17" a reference number
    elif yy <= y % 100:
        return None  # "1990-95" and "1999-00" read forward only within the century
    end = y - y % 100 + yy
    st = m.start(1)
    return TimeRef(st, m.end(1), text[st : m.end(1)], "DATE", str(end), None)


_DECADE_VALUE = re.compile(r"\d{3}")
_SHORT_DECADE = rf"['’]?[1-9]0s|(?i:{'|'.join(_DECADE_WORDS)})"
# the next decade of a pair or list: after "and", "or", "to"..., or after a comma when the list goes on ("the
# 1920s, 30s and 40s")
_SECOND_DECADE = re.compile(
    r"\s*(?:(?:,\s*)?(?i:and|or|to|through|into|-|–)|,(?=\s*(?:(?i:the)\s+)?"
    rf"(?:{_SHORT_DECADE})\b\s*(?:,|(?i:and|or)\b)))\s*(?:(?i:the)\s+)?(?P<d>{_SHORT_DECADE})\b"
)


def _second_decade(text: str, ref: TimeRef) -> TimeRef | None:
    """The second decade of a pair written short, in the first one's century: "the 1930s and 40s", "the
    sixties and seventies", "the ’80s and ’90s"."""
    if ref.type != "DATE" or not ref.text.endswith(("0s", "ies")) or not _DECADE_VALUE.fullmatch(ref.value):
        return None
    m = _SECOND_DECADE.match(text, ref.end)
    if m is None:
        return None
    word = m["d"].lower()
    digit = str(_DECADE_WORDS[word]) if word in _DECADE_WORDS else word.lstrip("'’")[0]
    return TimeRef(m.start("d"), m.end("d"), m["d"], "DATE", ref.value[:2] + digit, None)


_DAY_FIRST_TEXT = re.compile(rf"{_DAY_RE}\s+(?:of\s+)?(?:{_MONTH_RE})")
# the first day after a preposition of dates ("on 9 and 10 March", "from 28 to 30 November"), not a count
_FIRST_DAY = re.compile(
    r"(?i:\b(?:on|between|from|for|by|until|since)\s+(?:the\s+)?)"
    r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*,?\s*(?:and|or|to|through|-|–)\s*$"
)


def _first_day(text: str, ref: TimeRef, prev_end: int) -> TimeRef | None:
    """The bare first day of a conjoined date written day first: "on 9 and 10 March", "between 1 and 3 May"
    (the month and year are the second day's)."""
    if ref.type != "DATE" or not _DAY_FIRST_TEXT.match(ref.text):
        return None
    v = _DAY_VALUE_OPEN.fullmatch(ref.value)
    if v is None:
        return None
    m = _FIRST_DAY.search(text, max(prev_end, ref.start - 30), ref.start)
    if m is None or int(m["d"]) >= int(v.group(3)):
        return None
    st = m.start("d")
    value = f"{v.group(1)}-{v.group(2)}-{int(m['d']):02d}"
    return TimeRef(st, m.end("d"), text[st : m.end("d")], "DATE", value, None)


def _second_day(text: str, ref: TimeRef) -> TimeRef | None:
    """The bare day of a conjoined date: "April 24 and 25", "May 3 to 5", "March 3 or 4"."""
    if ref.type != "DATE":
        return None
    v = _DAY_VALUE_OPEN.fullmatch(ref.value)
    if v is None:
        return None
    # the day after first (one position, and seldom there), then the date's own words (a search of its text)
    m = _SECOND_DAY.match(text, ref.end) or _SECOND_DAY_DASH.match(text, ref.end)
    if m is None or int(m["d"]) <= int(v.group(3)) or not _MONTH_DAY_TEXT.search(ref.text):
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
    text = blank_links(text)  # "https://example.com/today/now-live" holds no time
    # a wire story's own dateline ("WASHINGTON, Dec. 8 (UPI) --") names the day it counts from
    return list(_tag_cached(text, story_day(text, anchor)))
