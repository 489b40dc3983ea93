"""Session 23, part tspeed5: less work for the same readings. A weekday that no name of [vocab] weekday_titles stands
around (where the name holds it, as written) is not searched for inside one; the cheap test before a ``...(?:words)\\s+$`` search reads the length of
its longest word once a word list; a date's modifier prefix reads its value's shape only when "ago" is written; a second day ("May 3 and 4") and a
second decade ("the 1930s and 40s") are looked for with the cheaper test first; a rule's window is read with
searches, and a window without a match of the rule (most) costs one search and no iterator.

Part tspeed6: the nearest year of a month or a day without one makes each candidate year's date once and reads a month's
length only for a day after the 28th.

Part tspeed8 (round 24): a ``TimeRef`` sets its fields by its slots' setters, not through ``object.__setattr__``, and
stays a frozen value; the trigger scan finds the trigger words in one scan of the text's letters (one regex of them
all, a trie) instead of one ``str.find`` scan of the text for each trigger word it holds.
"""

from __future__ import annotations

import calendar
import copy
import dataclasses
import datetime as dt
import inspect
import pickle
import re
import types
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.model import TimeRef
from factcheck.temporal import engine, prefix, rules_relative, vocab
from factcheck.temporal.vocab import _VOCAB


class _Counted:
    """A compiled pattern whose calls are counted."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.calls = 0

    def finditer(self, text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        self.calls += 1
        return self.pattern.finditer(text, pos, endpos)

    def match(self, text: str) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.match(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.fullmatch(text)

    def search(self, text: str) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.search(text)


@pytest.fixture
def title_searches(monkeypatch: pytest.MonkeyPatch) -> _Counted:
    counted = _Counted(rules_relative._WEEKDAY_TITLE)
    monkeypatch.setattr(rules_relative, "_WEEKDAY_TITLE", counted)
    return counted


def _in_title(text: str, weekday: str) -> bool:
    start = text.index(weekday)
    return rules_relative._in_weekday_title(text, start, start + len(weekday))


@pytest.mark.parametrize(
    ("text", "weekday", "inside", "searches"),
    [
        # no name holds "Wednesday", nor "sunday" as written (the names match as written): nothing is searched
        ("Officials said Wednesday that the talks had failed.", "Wednesday", False, 0),
        ("the shop is shut on sunday and monday", "sunday", False, 0),
        # names hold "Sunday" and "Monday", but none stands around them here ("on Sunday" is no "Mail on Sunday")
        ("The talks resume on Sunday, officials said.", "Sunday", False, 0),
        ("Officials said Monday that the talks had failed.", "Monday", False, 0),
        # a name around the weekday: the names around it are searched, once
        ("The minister told the Sunday Times that talks had failed.", "Sunday", True, 1),
        ("He called the game on Monday Night Football.", "Monday", True, 1),
        ("a point emphasised by a Mail on Sunday poll today", "Sunday", True, 1),
        ("They read it in the Independent on Sunday today.", "Sunday", True, 1),
        ("A Scotland on Sunday poll, and on Sunday a vote.", "Sunday", True, 1),
    ],
)
def test_a_weekday_no_name_stands_around_is_not_searched(
    title_searches: _Counted, text: str, weekday: str, inside: bool, searches: int
) -> None:
    assert _in_title(text, weekday) is inside
    assert title_searches.calls == searches


@pytest.mark.parametrize("title", _VOCAB["weekday_titles"])
def test_every_name_is_still_found(title: str) -> None:
    """The weekday inside each name is found inside it, in running text."""
    text = f"She told {title} about it."
    wd = re.search(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", title)
    assert wd is not None
    start = text.index(title) + wd.start()
    assert rules_relative._in_weekday_title(text, start, start + len(wd.group()))


def test_the_longest_word_of_a_list_is_read_once() -> None:
    """``_may_end_in`` takes the tail of the text as long as the longest word: read once a list, not at each call."""
    vocab._longest.cache_clear()
    for before in ("the week of ", "the day before ", "officials said on ", "no space"):
        vocab._may_end_in(before, vocab._DAY_RELATION_WORDS)
    info = vocab._longest.cache_info()
    assert (info.misses, info.hits) == (1, 2)  # "no space" ends in no whitespace: no tail is read
    assert vocab._may_end_in("the day before ", vocab._DAY_RELATION_WORDS)
    assert not vocab._may_end_in("officials said to ", vocab._DAY_RELATION_WORDS)


@pytest.mark.parametrize(
    ("text", "phrase", "value", "prefixed", "reads"),
    [
        # a date with no "ago": its value is not read for the amount prefixes ("about", "nearly")
        ("It opened about May 3, 2019 in Paris.", "May 3, 2019", "2019-05-03", "May 3, 2019", 0),
        ("The law dates from mid-2010.", "2010", "2010", "mid-2010", 0),
        # "about five years ago": read, and the prefix taken
        ("It opened about five years ago in Paris.", "five years ago", "2014", "about five years ago", 1),
        # a week and a month back too
        (
            "It opened more than three weeks ago.",
            "three weeks ago",
            "2019-W18",
            "more than three weeks ago",
            1,
        ),
        ("It opened nearly two months ago.", "two months ago", "2019-04", "nearly two months ago", 1),
    ],
)
def test_a_date_reads_its_value_for_an_amount_prefix_only_with_ago(
    monkeypatch: pytest.MonkeyPatch, text: str, phrase: str, value: str, prefixed: str, reads: int
) -> None:
    counted = _Counted(prefix._AGO_POINT_VALUE)
    monkeypatch.setattr(prefix, "_AGO_POINT_VALUE", counted)
    start = text.index(phrase)
    ref = prefix._extend_prefix(text, TimeRef(start, start + len(phrase), phrase, "DATE", value))
    assert ref.text == prefixed
    assert counted.calls == reads


def _ref(text: str, phrase: str, value: str) -> TimeRef:
    start = text.index(phrase)
    return TimeRef(start, start + len(phrase), phrase, "DATE", value)


@pytest.mark.parametrize(
    ("text", "phrase", "value", "second", "reads"),
    [
        # no day after the date: its own words are not searched for a month and a day
        ("The vote was held on May 3 in Paris.", "May 3", "2019-05-03", None, 0),
        ("It was held on Tuesday, May 3, 2019.", "Tuesday, May 3, 2019", "2019-05-03", None, 0),
        # "May 3 and 4": searched, and the second day read
        ("The talks were held on May 3 and 4 in Paris.", "May 3", "2019-05-03", "2019-05-04", 1),
    ],
)
def test_a_second_day_is_looked_for_after_the_date_first(
    monkeypatch: pytest.MonkeyPatch, text: str, phrase: str, value: str, second: str | None, reads: int
) -> None:
    counted = _Counted(engine._MONTH_DAY_TEXT)
    monkeypatch.setattr(engine, "_MONTH_DAY_TEXT", counted)
    got = engine._second_day(text, _ref(text, phrase, value))
    assert (got.value if got else None) == second
    assert counted.calls == reads


@pytest.mark.parametrize(
    ("text", "phrase", "value", "second", "reads"),
    [
        # no decade written: its value is not read
        ("Prices rose in 2019 and 2020.", "2019", "2019", None, 0),
        ("The shop opened on May 3, 2019.", "May 3, 2019", "2019-05-03", None, 0),
        ("It was built in the 1930s and 40s.", "the 1930s", "193", "194", 1),
    ],
)
def test_a_second_decade_reads_the_value_only_after_a_decade_written(
    monkeypatch: pytest.MonkeyPatch, text: str, phrase: str, value: str, second: str | None, reads: int
) -> None:
    counted = _Counted(engine._DECADE_VALUE)
    monkeypatch.setattr(engine, "_DECADE_VALUE", counted)
    got = engine._second_decade(text, _ref(text, phrase, value))
    assert (got.value if got else None) == second
    assert counted.calls == reads


class _Rx:
    """A rule's regex whose searches and iterators are counted."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)
        self.searches = 0
        self.iterators = 0

    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        self.searches += 1
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        self.iterators += 1
        return self.pattern.finditer(text, pos, endpos)


def _only_rule(monkeypatch: pytest.MonkeyPatch, pattern: str) -> _Rx:
    """The tagger with one rule, ``pattern`` (counted), run in the windows around "every"; each match a duration."""
    rx = _Rx(pattern)
    kind = "words:every"
    rule = engine._Dispatch(
        0, types.SimpleNamespace(regex=rx), lambda m, ctx: ("DURATION", "PXD", None), (kind,), None, None
    )
    monkeypatch.setattr(engine, "_RULES_OF_KIND", {kind: (rule,)})
    engine._tag_cached.cache_clear()
    return rx


@pytest.mark.parametrize(
    ("text", "pattern", "found", "searches", "iterators"),
    [
        # no match in the window: one search, no iterator
        ("The bus runs every day.", r"every\s+week", [], 1, 0),
        # two matches: a search for each; none after the second, which holds the window's last trigger (a further
        # match would hold a trigger after it)
        ("It runs every day and every night.", r"every\s+\w+", ["every day", "every night"], 2, 0),
        # a match that ends before the window's last trigger: the search goes on after it
        ("It runs every day, not every week.", r"every\s+day", ["every day"], 2, 0),
        # an empty match (a pattern no rule has): finditer reads the rest of the window as before, past the empty
        # match to the longer one at the same place
        ("It runs every day.", r"(?=every)|every\s+\w+", ["every day"], 1, 1),
    ],
)
def test_a_window_is_read_with_searches(
    monkeypatch: pytest.MonkeyPatch, text: str, pattern: str, found: list[str], searches: int, iterators: int
) -> None:
    rx = _only_rule(monkeypatch, pattern)
    assert [r.text for r in engine.tag(text)] == found
    assert (rx.searches, rx.iterators) == (searches, iterators)
    engine._tag_cached.cache_clear()


# --------------------------------------------------------------------------------------------
# Session 23, part tspeed6: the nearest year of a month or a day makes each candidate's date once, and reads the
# month's length only for a day after the 28th
# --------------------------------------------------------------------------------------------


class _Made:
    """Counts of the dates made and the month lengths read inside :func:`vocab._nearest_year`."""

    dates = 0
    lengths = 0


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> type[_Made]:
    class CountedDate(dt.date):
        def __new__(cls, year: int, month: int, day: int) -> CountedDate:
            _Made.dates += 1
            return super().__new__(cls, year, month, day)

    def monthrange(year: int, month: int) -> tuple[int, int]:
        _Made.lengths += 1
        return calendar.monthrange(year, month)

    _Made.dates = _Made.lengths = 0
    monkeypatch.setattr(vocab, "dt", types.SimpleNamespace(date=CountedDate, timedelta=dt.timedelta))
    monkeypatch.setattr(vocab, "calendar", types.SimpleNamespace(monthrange=monthrange))
    return _Made


@pytest.mark.parametrize(
    ("month", "day", "anchor", "tense", "year", "lengths"),
    [
        # a day up to the 28th, or a month alone: no month's length is read
        (12, 20, dt.date(2024, 1, 5), None, 2023, 0),
        (1, 5, dt.date(2024, 12, 30), None, 2025, 0),
        (3, 10, dt.date(2024, 6, 1), "FUT", 2025, 0),
        (11, None, dt.date(2024, 1, 10), None, 2023, 0),
        (11, None, dt.date(2024, 1, 10), "FUT", 2024, 0),
        # a later day: each candidate year's month length, the day kept inside it ("Feb. 29" of 2023 is its 28th)
        (2, 29, dt.date(2023, 3, 10), None, 2023, 3),
        (4, 31, dt.date(2024, 4, 20), None, 2024, 3),
        (12, 31, dt.date(2024, 1, 2), None, 2023, 3),
    ],
)
def test_the_nearest_year_makes_each_candidate_date_once(
    made: type[_Made],
    month: int,
    day: int | None,
    anchor: dt.date,
    tense: str | None,
    year: int,
    lengths: int,
) -> None:
    assert vocab._nearest_year(month, day, anchor, lambda: tense) == year
    assert (made.dates, made.lengths) == (3, lengths)


# Part tspeed7: the patterns the rules and the post-passes read while tagging are compiled once, as named constants;
# a call of re's module-level functions with a pattern string looks it up in re's cache at every call.
_READS_MANY_PATTERNS = [
    "January nineteen ninety-seven was cold.",
    "The deadline is 5 p.m. on Monday, March 3, 2014, and at 10:30 yesterday they met.",
    "The show runs from March 3 to April 5, 2015, and from Monday to Friday.",
    "The office is open Monday through Friday. It closed from Saturday to Monday for repairs.",
    "Over the past few years, about three months, the first nine months of the year.",
    "May saw record rain. The March for Life came in 1999 and in 1776 and room 1200.",
    "In the fall of 2004 and the summer of discontent, on the 3rd of May, in the first half.",
    "The current account was soon after that; the day before the vote, the day before yesterday.",
    "They met at 4 in the morning on Christmas Day, the player of the year in the year two thousand twenty.",
    "A quarterly dividend, twenty-five years ago, in the early 1990s.",
]


@pytest.mark.parametrize("text", _READS_MANY_PATTERNS)
def test_tagging_calls_none_of_res_module_level_functions(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    calls: list[str] = []
    for name in ("search", "match", "fullmatch", "sub", "split", "findall", "finditer"):
        real = getattr(re, name)

        def counted(*args: object, _name: str = name, _real: object = real, **kwargs: object) -> object:
            calls.append(_name)
            return _real(*args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(re, name, counted)
    found = engine._tag_cached.__wrapped__(text, dt.date(2015, 3, 1))  # type: ignore[attr-defined]
    assert found  # the text is read by the rules and the post-passes
    assert calls == []


def test_a_time_ref_sets_its_fields_without_object_setattr_and_stays_a_frozen_value() -> None:
    """The tagger makes ~1,500 ``TimeRef``s a pass of TBAQ's development documents: its ``__init__`` sets each
    field by its slot's setter, not through ``object.__setattr__`` (as a frozen dataclass's generated one does,
    finding each slot by name); it stays frozen, and its signature, repr, equality, hash, copies and
    ``dataclasses.replace`` are those of the frozen dataclass."""
    assert "__setattr__" not in TimeRef.__init__.__code__.co_names
    names = [f.name for f in dataclasses.fields(TimeRef)]
    params = inspect.signature(TimeRef.__init__).parameters
    assert list(params)[1:] == names
    assert [params[f.name].default for f in dataclasses.fields(TimeRef)][3:] == ["DATE", "", None]
    t = TimeRef(3, 12, "last May", "DATE", "2019-05")
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.value = "2020-05"  # type: ignore[misc]
    assert (t.start, t.end, t.text, t.type, t.value, t.mod) == (3, 12, "last May", "DATE", "2019-05", None)
    assert repr(t) == "TimeRef(start=3, end=12, text='last May', type='DATE', value='2019-05', mod=None)"
    assert hash(t) == hash((3, 12, "last May", "DATE", "2019-05", None))
    assert t == TimeRef(start=3, end=12, text="last May", value="2019-05") != TimeRef(3, 12, "last May")
    moved = dataclasses.replace(t, value="2020-05", mod="START")
    assert (moved.value, moved.mod, t.value, t.mod) == ("2020-05", "START", "2019-05", None)
    assert pickle.loads(pickle.dumps(t)) == t == copy.copy(t) == copy.deepcopy(t)
    assert TimeRef(**t.to_json()) == t and len({t, TimeRef(3, 12, "last May", "DATE", "2019-05")}) == 1


class _CountedScan:
    """A compiled pattern whose ``finditer`` calls are counted."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.calls = 0

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        self.calls += 1
        return self.pattern.finditer(text)


def test_the_trigger_scan_reads_the_text_once_for_all_its_trigger_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The trigger words are found by one scan of the text's letters-only copy (``engine._TRIGGER_WORD``), not by
    a ``str.find`` scan of the whole text for each trigger word the text holds (11 a text on average in TBAQ's
    development documents); the regions are those of the token scan (tests/test_temporal.py checks them)."""
    counted = _CountedScan(engine._TRIGGER_WORD)
    monkeypatch.setattr(engine, "_TRIGGER_WORD", counted)
    text = "Last year, three days before the April vote, the mayor said the budget of 2019 was late again."
    spans = engine._trigger_spans(text)
    assert counted.calls == 1
    for word in ("year", "days", "before", "April"):
        at = text.index(word)
        assert any(st <= at and at + len(word) <= en for regions in spans.values() for st, en in regions)


def test_the_trigger_word_regex_matches_exactly_the_trigger_words() -> None:
    """``_word_alternation`` writes the trigger words as a trie: it matches each of them, and no prefix or
    extension of one that is not itself a trigger word."""
    words = {w for w in engine._TRIGGERS if len(w) >= 3}
    rx = re.compile(engine._word_alternation(words))
    assert all(rx.fullmatch(w) for w in words)
    near = (
        {w[:k] for w in words for k in range(1, len(w))} | {w + "s" for w in words} | {w + "x" for w in words}
    )
    assert not [w for w in near - words if rx.fullmatch(w)]
    assert engine._word_alternation(["dawn", "day", "days"]) == "da(?:wn|y(?:s)?)"
    assert re.fullmatch(engine._word_alternation(["a", "ab", "b"]), "ab")


# --------------------------------------------------------------------------------------------
# Session 33, part speed21: the number words grouped by their first letter (one alternative per letter is tried
# at each place inside (?i:...)), matching what the plain alternation matched
# --------------------------------------------------------------------------------------------

# the alternation as it was written before (the reference)
_PLAIN_BELOW_100 = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
    r"seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_PLAIN_NUM_WORD = (
    rf"(?:three[- ]quarters of an?|{_PLAIN_BELOW_100}(?:[- ](?:hundred|thousand)(?:[- ](?:and )?{_PLAIN_BELOW_100})?)?|"
    r"(?:a |one )?hundred|(?:a |one )?thousand|a couple(?: of)?|couple of|half an?|a half|a quarter(?: of an?)?|"
    r"(?:a )?dozen|an?)"
)
_NUMBERISH = [
    *"one two three four five seven ten eleven twelve thirteen seventeen twenty thirty seventy ninety".split(),
    *"twenty-one forty-five a an A One Three hundred thousand and couple of half quarter quarters dozen few".split(),
    *"days years hours weeks or so ago later".split(),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NUMBERISH), st.sampled_from([" ", " ", "-", ", "])), max_size=9))
def test_number_words_by_letter_match_as_the_plain_alternation(pieces: list[tuple[str, str]]) -> None:
    text = "".join(w + sep for w, sep in pieces)
    assert vocab._BELOW_100_RE == _PLAIN_BELOW_100
    for shape in (
        r"(?i:\b(?P<n>{})\b)",  # the number alone
        r"(?i:\b(?P<n>{})(?:\s+or\s+so)?[\s-]+(?P<u>days?|years?|hours?|weeks?)\b(?:\s+(?P<a>ago|later))?)",
    ):
        plain = re.compile(shape.format(_PLAIN_NUM_WORD))
        grouped = re.compile(shape.format(vocab._NUM_WORD_RE))
        assert [(m.span(), m.groupdict()) for m in grouped.finditer(text)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text)
        ], text


def test_by_first_letter_refuses_an_alternative_without_a_letter() -> None:
    assert vocab._by_first_letter(["ten", "one", "two"]) == "(?:t(?:en|wo)|o(?:ne))"
    with pytest.raises(ValueError):
        vocab._by_first_letter(["(?:a )?dozen"])
