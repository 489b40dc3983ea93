"""The reference time of a story (factcheck.temporal.anchor) and the tense of a reported clause: which day an
underspecified expression is counted from, and in which direction."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from time_readings import reading  # tests/time_readings.py

from factcheck.temporal import tag
from factcheck.temporal.anchor import story_day

D = dt.date


@pytest.mark.parametrize(
    ("text", "anchor", "day"),
    [
        # a wire dateline a day after the record's date: the story's day
        (
            "WASHINGTON, Dec. 8 (UPI) — In response to Donald Trump, the campaign said.",
            D(2015, 12, 7),
            D(2015, 12, 8),
        ),
        ("CAMBRIDGE, Mass., Dec. 11 (UPI) — Young voters are split.", D(2015, 12, 10), D(2015, 12, 11)),
        # a day before it, the agency alone, no full stop after the month
        (
            "Dec 29 (Reuters) - U.S. Democratic presidential candidate Hillary Clinton",
            D(2015, 12, 30),
            D(2015, 12, 29),
        ),
        # across the new year: the year nearest the record's date
        ("NEW YORK, Dec. 31 (AP) -- Markets closed higher.", D(2016, 1, 2), D(2015, 12, 31)),
        # a title line before it
        (
            "Clinton leads in new poll\nPARIS, Aug 31 (Reuters) - France's far-right leader",
            D(2016, 9, 2),
            D(2016, 8, 31),
        ),
        # the same day: nothing changes
        ("PARIS, Aug 31 (Reuters) - France's far-right leader", D(2016, 8, 31), D(2016, 8, 31)),
    ],
)
def test_dateline_names_the_story_day(text: str, anchor: dt.date, day: dt.date) -> None:
    assert story_day(text, anchor) == day


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        # more than a week off: the record's date is kept (ingest warns of the clash)
        ("WASHINGTON, Dec. 8 (UPI) — The campaign said.", D(2016, 3, 1)),
        # no place in capitals and no agency: a sentence, no dateline
        ("On November 18, the New York Daily News suggested a change.", D(2015, 11, 17)),
        ("April 24 marked 101 years since the start of the genocide.", D(2016, 4, 27)),
        # a date deep in the story is no dateline
        ("x" * 500 + "\nWASHINGTON, Dec. 8 (UPI) — The campaign said.", D(2015, 12, 7)),
        # an impossible day
        ("WASHINGTON, Feb. 30 (UPI) — The campaign said.", D(2016, 2, 28)),
    ],
)
def test_no_dateline_keeps_the_anchor(text: str, anchor: dt.date) -> None:
    assert story_day(text, anchor) == anchor


def test_no_anchor_stays_none() -> None:
    assert story_day("WASHINGTON, Dec. 8 (UPI) — The campaign said.", None) is None


def test_weekdays_count_from_the_dateline() -> None:
    # PolNeAR train, breitbart 2015-12-07 (record) with the dateline Dec. 8, a Tuesday
    text = (
        "WASHINGTON, Dec. 8 (UPI) — The campaign responded.\n\n"
        "A producer told The New York Times Tuesday morning that Trump canceled an interview. "
        "The poll, released Monday, showed him ahead."
    )
    refs = {r.text: r.value for r in tag(text, D(2015, 12, 7))}
    assert refs["Tuesday morning"] == "2015-12-08TMO"
    assert refs["Monday"] == "2015-12-07"
    assert refs["Dec. 8"] == "2015-12-08"


@given(
    st.text(max_size=80),
    st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31)),
    st.sampled_from(["WASHINGTON, ", "Dec 29 (Reuters) - ", "PARIS, Aug 31 (Reuters) - ", ""]),
)
def test_story_day_is_within_a_week(text: str, anchor: dt.date, head: str) -> None:
    day = story_day(head + text, anchor)
    assert day is not None and abs((day - anchor).days) <= 7


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "expected"),
    [
        # a quotation opening after the time is the reported clause: its "would"/"will" is no tense of the time
        (
            "Clinton said at a Fox News town hall on Monday, “we would be looking at something like Syria.”",
            "Monday",
            D(2016, 3, 10),
            "2016-03-07",
        ),
        (
            'Sanders acknowledged in an MSNBC forum Monday night "it will be very hard for us to win."',
            "Monday night",
            D(2016, 4, 27),
            "2016-04-25TNI",
        ),
        # as a "that" clause does (the rule before)
        ("She told reporters on Friday that she would run.", "Friday", D(2016, 3, 10), "2016-03-04"),
        # no report before it: the quotation's verb still reads ahead
        ("The team plays Friday, “and we will win,” the coach said.", "Friday", D(2016, 3, 8), "2016-03-11"),
    ],
)
def test_quotation_after_a_report(text: str, phrase: str, anchor: dt.date, expected: str) -> None:
    assert reading(text, phrase, anchor) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "expected"),
    [
        # "ahead of", "in the lead-up to": an event still to come for the story, whatever the verb before it
        # (PolNeAR train, three outlets; a CBS page of 2020 read after the rule)
        (
            "Still, ahead of Saturday’s Nevada caucus, Sanders and Clinton must vie for votes.",
            "Saturday",
            D(2016, 2, 18),
            "2016-02-20",
        ),
        (
            "Polls there show Trump is trailing Ted Cruz just ahead of Tuesday's vote.",
            "Tuesday",
            D(2016, 4, 4),
            "2016-04-05",
        ),
        (
            "Cruz said that was a matter for the voters ahead of Tuesday's New Hampshire primary.",
            "Tuesday",
            D(2016, 2, 7),
            "2016-02-09",
        ),
        (
            "The Latest on campaign 2016 in the lead up to Tuesday’s New York primary:",
            "Tuesday",
            D(2016, 4, 14),
            "2016-04-19",
        ),
        ("She remains the favorite ahead of the Nov. 8 vote.", "Nov. 8", D(2016, 10, 18), "2016-11-08"),
        # opening its sentence it sets the scene of the main clause, whose verb decides (PolNeAR dev, a Sunday
        # story about a Friday summit)
        (
            "Ahead of Friday's meeting, France and Germany unveiled a proposal.",
            "Friday",
            D(2016, 9, 18),
            "2016-09-16",
        ),
        (
            "In the run-up to Sunday's election, the party campaigned hard.",
            "Sunday",
            D(2016, 6, 3),
            "2016-05-29",
        ),
        # without it, a possessive weekday stays the one gone (the rule before)
        ("Polls taken after Tuesday's vote show a tie.", "Tuesday", D(2016, 4, 4), "2016-03-29"),
    ],
)
def test_ahead_of_an_event(text: str, phrase: str, anchor: dt.date, expected: str) -> None:
    assert reading(text, phrase, anchor) == expected
