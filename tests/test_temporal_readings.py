"""Tagger readings the labelled real pages showed wrong (session 16, part times2): a season in a name, the week
beginning a day, a clock range past midnight, and a live report's time stamps."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from time_readings import reading  # tests/time_readings.py

from factcheck.temporal import tag

D = dt.date


@pytest.mark.parametrize(
    ("text", "anchor", "phrase"),
    [
        # a capitalised season before a capitalised word, in running text: a name (dev7, MLB.com; PolNeAR train,
        # Politico 2016-08-08; ECB+ 10_5ecb)
        (
            "Last week at the Winter Meetings, the Washington Nationals made an offer.",
            D(2008, 12, 23),
            "the Winter",
        ),
        ("It competed pretty much just with the start of the Summer Olympics.", D(2016, 8, 8), "the Summer"),
        ("After the Winter Meetings, the conventional wisdom held.", D(2008, 12, 23), "the Winter"),
    ],
)
def test_season_in_a_name_is_no_time(text: str, anchor: dt.date, phrase: str) -> None:
    assert all(phrase not in r.text for r in tag(text, anchor))


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # lowercase, or a headline in title case: still the season
        ("Talks collapsed last summer.", D(2023, 9, 1), "last summer", "2023-SU"),
        ("The plant will reopen in the spring, its owner said.", D(2023, 9, 1), "the spring", "2024-SP"),
        ("Prices Rise In Summer Heat", D(2012, 9, 1), "Summer", "2012-SU"),
    ],
)
def test_season_outside_a_name_is_kept(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert reading(text, phrase, anchor) == value


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # dev5, ECB+ 30_9ecbplus: a Monday
        (
            "The outage will likely only be fully resolved sometime during the week beginning 17 October 2011.",
            D(2011, 10, 12),
            "the week beginning 17 October 2011",
            "2011-W42",
        ),
        (
            "The vote is in the week commencing 3 June.",
            D(2019, 5, 20),
            "the week commencing 3 June",
            "2019-W23",
        ),
        # a week that begins on a Sunday is the ISO week of the Monday after it
        (
            "Sales for the week starting Sunday, Oct. 16, rose.",
            D(2011, 11, 1),
            "the week starting Sunday, Oct. 16",
            "2011-W42",
        ),
        ("A hearing is set for the week of March 6.", D(2025, 2, 1), "the week of March 6", "2025-W10"),
    ],
)
def test_week_beginning_a_day(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert reading(text, phrase, anchor) == value


def clock(text: str, phrase: str, anchor: dt.date) -> dt.datetime:
    value = reading(text, phrase, anchor)
    assert value is not None
    if value.endswith("T24:00"):  # TIMEX3's midnight at the end of a day: the next day's start
        return dt.datetime.fromisoformat(value[:10]) + dt.timedelta(days=1)
    return dt.datetime.fromisoformat(value)


@pytest.mark.parametrize(
    ("text", "anchor", "first", "second", "hours"),
    [
        # ECB+ 30_9ecbplus / 30_12ecbplus, after "last night": the morning after midnight
        (
            "Last night, we allowed P2P traffic to run from midnight to 7am, after which it had to slow.",
            D(2011, 10, 12),
            "midnight",
            "7am",
            7,
        ),
        # PolNeAR dev, Washington Post 2016-09-25
        (
            "While a curfew was announced from midnight to 6 a.m., authorities did not enforce it.",
            D(2016, 9, 25),
            "midnight",
            "6 a.m.",
            6,
        ),
        ("The road was shut from 2300 GMT to 0600 GMT.", D(2011, 10, 20), "2300 GMT", "0600 GMT", 7),
        ("Voting runs between 10pm and 2am", D(2011, 10, 20), "10pm", "2am", 4),
        # an end later than its start: the same day
        ("The office is open from 9 a.m. to 5 p.m. today.", D(2011, 10, 20), "9 a.m.", "5 p.m. today", 8),
        ("The bar stays open from 9 p.m. to midnight.", D(2011, 10, 20), "9 p.m.", "midnight", 3),
        # a list, not a range: each on the day the text gives
        ("The shots came at 10pm and 2am.", D(2011, 10, 20), "10pm", "2am.", -20),
    ],
)
def test_clock_range_past_midnight(text: str, anchor: dt.date, first: str, second: str, hours: int) -> None:
    assert clock(text, second, anchor) - clock(text, first, anchor) == dt.timedelta(hours=hours)


@given(start=st.integers(1, 23), end=st.integers(0, 23))
def test_clock_range_end_is_never_before_its_start(start: int, end: int) -> None:
    anchor = D(2020, 6, 10)
    text = f"The line was closed from {start:02d}:00 GMT to {end:02d}:00 GMT."
    refs = [r for r in tag(text, anchor) if r.type == "TIME"]
    assert len(refs) == 2
    first, second = (dt.datetime.fromisoformat(r.value) for r in refs)
    assert first.date() == anchor
    assert first <= second < first + dt.timedelta(days=1)
    assert (second == first) == (start == end)


# AP's "The Latest": each entry opens with its time stamp on a line of its own (PolNeAR train, Breitbart
# 2016-04-14 and 2016-02-20)
LATEST = (
    "WASHINGTON (AP) — The Latest on campaign 2016 in the lead up to Tuesday's New York primary (all times "
    "Eastern Daylight Time):\n\n9:34 p.m.\n\nDonald Trump has delivered a defense of New York values.\n\n___.\n\n"
    "9:30 p.m.\n\nThe competition heads next to South Carolina, which holds its primary next Saturday.\n\n___.\n\n"
    "4:30 p.m.\n\nSouth Carolina polls close in a few hours.\n\nNoon.\n\nJack Nicklaus spoke.\n"
)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("9:34 p.m.", "2016-04-14T21:34"), ("4:30 p.m.", "2016-04-14T16:30"), ("Noon", "2016-04-14T12:00")],
)
def test_time_stamp_line_is_the_story_day(phrase: str, value: str) -> None:
    assert reading(LATEST, phrase, D(2016, 4, 14)) == value


def test_clock_in_a_sentence_keeps_the_day_named() -> None:
    text = "The quake struck on Tuesday.\nIt hit at 2:46 p.m., officials said."
    assert reading(text, "2:46 p.m.", D(2016, 4, 14)) == "2016-04-12T14:46"
