"""The day of a possessive weekday (session 17, part times3): a scheduled event ("Tuesday's primary") is told before
it as often as after it, so its clause's tense decides; a reported act ("Monday's decision") is past. Also the
perfect infinitive ("appear to have been conducted"), which looks back, and "the fall" with no preposition of time
before it, a person's fall."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from time_readings import reading  # tests/time_readings.py

from factcheck.temporal.tense import scheduled_event_after

D = dt.date


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # a clause with no tense: the nearest such day, up to three days ahead (PolNeAR train: Washington Post
        # 2016-06-27, Politico 2016-03-12, Breitbart 2016-06-24)
        ("Kingson is running in Tuesday's congressional primary.", D(2016, 6, 27), "Tuesday", "2016-06-28"),
        (
            "A PAC is spending millions to prevent him from winning Tuesday's primaries in Florida.",
            D(2016, 3, 12),
            "Tuesday",
            "2016-03-15",
        ),
        (
            "The spot will air during Sunday's final of the Copa America.",
            D(2016, 6, 24),
            "Sunday",
            "2016-06-26",
        ),
        # ... and the day gone when it is nearer (a story told the day after)
        (
            "Independents voting in Tuesday's primary gave Sanders a boost.",
            D(2016, 3, 2),
            "Tuesday",
            "2016-03-01",
        ),
        # a future in its clause looks ahead, a past looks back
        (
            "He is optimistic that he will do well in Tuesday's New Hampshire primary.",
            D(2016, 2, 8),
            "Tuesday",
            "2016-02-09",
        ),
        (
            "Christie unleashed withering attacks against Rubio in Saturday's debate.",
            D(2016, 2, 7),
            "Saturday",
            "2016-02-06",
        ),
        (
            "Clinton's victory in Tuesday's New York primary was also achieved through superdelegates.",
            D(2016, 4, 20),
            "Tuesday",
            "2016-04-19",
        ),
        # a month's scheduled event with a future in its clause (PolNeAR train: Breitbart 2015-12-20)
        (
            "He said that he may wait until February's primaries to decide who to back.",
            D(2015, 12, 20),
            "February",
            "2016-02",
        ),
        # a reported act: past, whatever its clause says of what follows (PolNeAR train: Washington Post
        # 2016-06-28, 2016-05-29; USA Today 2016-02-10)
        (
            "Activists said Monday's decision will make the choice starker.",
            D(2016, 6, 28),
            "Monday",
            "2016-06-27",
        ),
        (
            "It is likely that Friday's provisional agreement may merely reset the clock.",
            D(2016, 5, 29),
            "Friday",
            "2016-05-27",
        ),
        ("Tuesday's outcome is unlikely to provide much clarity.", D(2016, 2, 10), "Tuesday", "2016-02-09"),
        ("Wednesday's ruling was welcomed by the unions.", D(2024, 5, 17), "Wednesday", "2024-05-15"),
    ],
)
def test_possessive_weekday(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert reading(text, phrase, anchor) == value


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # a perfect infinitive looks back (PolNeAR test: Politico 2016-10-10; HuffPost 2016-06-08, train)
        (
            "Trump had invited an array of women who claimed to have been wronged by the Clintons to sit in the"
            " audience on Sunday night, including three who allege that Bill Clinton had assaulted them.",
            D(2016, 10, 10),
            "Sunday night",
            "2016-10-09TNI",
        ),
        (
            "No major polls appear to have been conducted prior to Tuesday's primary.",
            D(2016, 6, 8),
            "Tuesday",
            "2016-06-07",
        ),
        # ... the future perfect and a passive infinitive still look ahead
        ("The repairs will have been finished by Friday.", D(2024, 5, 14), "Friday", "2024-05-17"),
        ("The bridge is to be reopened on Friday.", D(2024, 5, 14), "Friday", "2024-05-17"),
    ],
)
def test_perfect_infinitive(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert reading(text, phrase, anchor) == value


@pytest.mark.parametrize(
    ("after", "scheduled"),
    [
        ("'s New Hampshire primary", True),
        ("’s first-in-the-nation primary", True),
        ("'s five Democratic presidential primaries", True),
        ("'s crucial Florida primary", True),
        ("'s debate", True),
        ("'s decision", False),
        ("'s provisional agreement", False),
        ("'s results in the primary", False),  # the noun is "results": the primary is another noun's
        # any words before the event's noun (PolNeAR train, Breitbart 2016-07-27), "of" too (Politico 2016-03-23)
        ("’s crunch election", True),
        ("’s slow trickle of contests", True),
        # ... but not a reported act's noun, nor a modal, which ends the possessive's noun phrase
        ("'s decision to postpone the vote", False),
        ("'s announcement will reverberate in the primary", False),
        (" primary", False),  # no possessive
    ],
)
def test_scheduled_event_after(after: str, scheduled: bool) -> None:
    assert scheduled_event_after("Tuesday" + after, len("Tuesday")) is scheduled


@settings(deadline=None)  # each example tags a sentence: on a loaded machine one took 340 ms
@given(
    wd=st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    anchor=st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31)),
)
def test_untensed_scheduled_event_is_the_nearest_day(wd: str, anchor: dt.date) -> None:
    """With no tense in its clause, a scheduled event's weekday is the nearest such day: at most three days ahead
    and at most three back (the anchor's own weekday is the anchor's day)."""
    value = reading(f"Heading into {wd}'s primary, polls show a tight race.", wd, anchor)
    assert value is not None
    day = dt.date.fromisoformat(value)
    assert day.strftime("%A") == wd
    assert -3 <= (day - anchor).days <= 3


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a verb's object or a clause's subject: a person's fall, no time (dev5, ECB+ 23_7ecbplus; ECB+ 23_2ecbplus)
        ("His brother witnessed the fall and had to spend the night in a hut.", "the fall"),
        ("She survived the fall, rescuers said.", "the fall"),
        ("The fall was unsurvivable, police said.", "The fall"),
    ],
)
def test_a_persons_fall_is_no_time(text: str, phrase: str) -> None:
    assert reading(text, phrase, D(2013, 9, 16)) is None


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # after a preposition of time, or with its own time word: the season, whichever year the tense gives
        # (PolNeAR train: NYT 2016-04-23, 2016-05-19)
        (
            "Looking ahead to the fall, Mr. Manafort was joined by the campaign's political director.",
            "the fall",
        ),
        ("Clinton is struggling to turn the party's attention to the fall.", "the fall"),
        ("Classes resume in the fall.", "the fall"),
        ("The campaign will be busy through the fall.", "the fall"),
        ("Talks stalled last fall.", "last fall"),
    ],
)
def test_the_fall_season(text: str, phrase: str) -> None:
    value = reading(text, phrase, D(2016, 4, 23))
    assert value is not None and value.endswith("-FA")
