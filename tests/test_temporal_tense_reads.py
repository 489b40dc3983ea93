"""Session 22, part tspeed4: the clause scan reads the words after an expression only when a test needs them,
and at most once; a bare weekday's title test reads the one word after it before searching the words before.
The readings are the same either way."""

from __future__ import annotations

import datetime as dt
import re
import sys

import pytest

from factcheck.temporal import rules_relative, tense
from factcheck.temporal.engine import _tag_cached, tag


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The ends the clause scan read the words after, one entry a read."""
    seen: list[int] = []
    words_after = tense._words_after

    def counted(text: str, after: int, left: str, opening: bool) -> list[str]:
        seen.append(after)
        return words_after(text, after, left, opening)

    monkeypatch.setattr(tense, "_words_after", counted)
    return seen


def _at(text: str, phrase: str, short: bool = False) -> str | None:
    start = text.index(phrase)
    return tense._clause_tense(text, start, start + len(phrase), short)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The council will vote on the plan in May, the mayor's office said.", "May", "FUT"),
        ("The storm destroyed the old bridge in March, officials said.", "March", "PAST"),
        ("Polls show the senator trailing just ahead of Tuesday's vote in the state.", "Tuesday", "FUT"),
        ("The judge criticised Wednesday's ruling, which she called hasty.", "Wednesday", "PAST"),
    ],
)
def test_words_before_decide_without_the_words_after(
    reads: list[int], text: str, phrase: str, value: str
) -> None:
    assert _at(text, phrase) == value
    assert reads == []


@pytest.mark.parametrize(
    ("text", "phrase", "short", "value"),
    [
        # an adverbial that opens its sentence: the main verb after it decides
        ("In January, a week after the anniversary, a bombing killed a guard.", "January", False, "PAST"),
        ("On Friday the board will meet again.", "Friday", True, "FUT"),
        # the expression as the subject of its own clause after a comma: read for the comma test and the scan
        ("It was mild, and on the coast, Wednesday is forecast to be even colder.", "Wednesday", True, "FUT"),
        # a conditional opener reads the clause on both sides of the expression
        ("Polls say if the November election does not break their way, they lose.", "November", False, "FUT"),
    ],
)
def test_words_after_read_once_when_needed(
    reads: list[int], text: str, phrase: str, short: bool, value: str
) -> None:
    assert _at(text, phrase, short) == value
    assert reads == [text.index(phrase) + len(phrase)]


class _CountedSearch:
    """A compiled pattern whose searches are counted."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.searches = 0

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        self.searches += 1
        return self.pattern.search(text, pos, endpos)


@pytest.mark.parametrize(
    ("text", "searched", "value"),
    [
        # a lower-case word after the weekday: no title goes on, the words before are not searched
        ("The minister of the film board spoke to reporters Tuesday in Geneva.", 0, "2024-05-07"),
        # a capitalised word after it: the title noun before is looked for (time.toml, rule weekday)
        ("Her newest book Saturday Millionaires is a fascinating look at the business.", 1, None),
    ],
)
def test_weekday_title_reads_the_word_after_first(
    monkeypatch: pytest.MonkeyPatch, text: str, searched: int, value: str | None
) -> None:
    counted = _CountedSearch(rules_relative._TITLE_NOUN_BEFORE)
    monkeypatch.setattr(rules_relative, "_TITLE_NOUN_BEFORE", counted)
    _tag_cached.cache_clear()  # tag the text afresh
    found = [r.value for r in tag(text, dt.date(2024, 5, 8)) if r.text.endswith("day")]
    assert found == ([value] if value else [])
    assert counted.searches == searched
