"""Session 18, part times4: a time in a participle clause takes the tense of the verb the participle hangs on, past
the twelve words the clause scan reads; a clock time after a paragraph that names another weekday is not on the
day last named."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from time_readings import reading  # tests/time_readings.py

from factcheck.temporal import tag
from factcheck.temporal.rules_times import _names_day

D = dt.date


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # the participle's verb is past, more than twelve words before the month (PolNeAR train: Politico
        # 2016-07-11, 2016-06-10, Washington Post 2016-02-21, 2016-01-17)
        (
            "Two House Committees on Monday asked the Justice Department to investigate whether Hillary Clinton "
            "perjured herself on the email controversy while testifying before Benghazi Committee investigators "
            "in October.",
            D(2016, 7, 11),
            "October",
            "2015-10",
        ),
        (
            "The prosecution played 20 minutes of clips from Santilli's show for the court, dating as far back as "
            "June, in which Santilli discusses burying illegal guns.",
            D(2016, 2, 21),
            "June",
            "2015-06",
        ),
        (
            "The two had played nice earlier in the campaign, with Cruz repeatedly calling Trump his friend, "
            "meeting with him in July at Trump Tower.",
            D(2016, 1, 17),
            "July",
            "2015-07",
        ),
        # the participle's verb looks ahead: so does the time
        (
            "The delegates will gather in the hall on the second day, debating the platform for hours and voting "
            "on the rules in November.",
            D(2016, 12, 5),
            "November",
            "2017-11",
        ),
    ],
)
def test_participle_takes_its_verbs_tense(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert reading(text, phrase, anchor) == value


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # an infinitive between the participle and its verb: the nearest such month, as before (PolNeAR train:
        # Breitbart 2016-07-27)
        (
            "Clinton on Tuesday became the first woman to win the presidential nomination of a major US political "
            "party, teeing up the November showdown with Trump.",
            D(2016, 7, 27),
            "November",
            "2016-11",
        ),
        # a gerund after a preposition is no participle clause (PolNeAR train: New York Times 2016-06-28)
        (
            "Some in the crowd of about 2,600 waved signs in hopes of seeing the duo together on the ticket in the "
            "fall.",
            D(2016, 6, 28),
            "the fall",
            "2016-FA",
        ),
        # a modal before the participle (PolNeAR train: Washington Post 2016-06-27)
        (
            "They believe an endorsement could help unify the party heading into the fall.",
            D(2016, 6, 27),
            "the fall",
            "2016-FA",
        ),
        # an aim's noun after the participle: the time is the aim's (TBAQ development part, wsj_0***, Unisys)
        (
            "Unisys said it reduced computer inventories a further $100 million during the quarter, leaving it "
            "within $100 million of its goal of a reduction of $500 million by the end of the year.",
            D(1989, 10, 30),
            "the end of the year",
            "1989",
        ),
        # a present auxiliary gives the clause its own tense (TBAQ development part, NYT20000329.0359)
        (
            "Lazaro Gonzalez still had not signed an agreement to hand the child over to immigration officials if "
            "the relatives lose a fight to keep him when the case is heard in May in the 11th Circuit.",
            D(2000, 3, 29),
            "May",
            "2000-05",
        ),
    ],
)
def test_no_governing_past_through_a_tensed_stop(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert reading(text, phrase, anchor) == value


# the clock time's day with no anchor (ECB+ 21_2, 35_2: texts without a publication date)
_QUEENS = (
    "Queens hit and run leaves woman dead\n"
    "Saturday, September 14, 2013\n"
    "Police have a suspect in custody after a hit and run accident that killed a woman in Queens Friday night.\n"
    "Investigators say Raj Chohan was hit while walking along parked cars in Richmond Hill at about 7 p.m.\n"
)


def test_clock_time_after_another_weekday_takes_no_day_without_anchor() -> None:
    values = {r.text: r.value for r in tag(_QUEENS, None)}
    assert values["7 p.m."] == "XXXX-XX-XXT19:00"


def test_clock_time_after_another_weekday_with_anchor() -> None:
    values = {r.text: r.value for r in tag(_QUEENS, D(2013, 9, 14))}
    assert values["7 p.m."] == "2013-09-13T19:00"


def test_clock_time_after_the_same_weekday_takes_that_day() -> None:
    text = "Saturday, September 14, 2013\nA woman was killed in Queens on Saturday.\nShe was hit at about 7 p.m.\n"
    values = {r.text: r.value for r in tag(text, None)}
    assert values["7 p.m."] == "2013-09-14T19:00"


_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@settings(deadline=None)
@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31)), st.sampled_from(_WEEKDAY_NAMES))
def test_names_day_by_weekday(day: dt.date, name: str) -> None:
    text = f"It happened on {name}."
    assert _names_day(text, 0, len(text), day) == (_WEEKDAY_NAMES.index(name) == day.weekday())


@settings(deadline=None)
@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31)))
def test_names_day_a_date_or_today(day: dt.date) -> None:
    for text in ("It happened on March 3.", "It happened today.", "It happened on Friday or on 4 May."):
        assert _names_day(text, 0, len(text), day)
    assert not _names_day("It happened at noon.", 0, 20, day)


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # a typographic apostrophe is read as the typewriter one (PolNeAR train: Politico 2016-01-31, 2016-03-10)
        ("I like Hillary Clinton, I’ll vote for her in November.", D(2016, 1, 31), "November", "2016-11"),
        ("I like Hillary Clinton, I'll vote for her in November.", D(2016, 1, 31), "November", "2016-11"),
        (
            "He’s endured relentless questions about whether he’ll drop out before Tuesday’s Florida primary.",
            D(2016, 3, 10),
            "Tuesday",
            "2016-03-15",
        ),
        ("The team hasn’t played since March.", D(2016, 1, 31), "March", "2015-03"),
        # a past act whose infinitive looks ahead: the nearest occurrence (PolNeAR train: Washington Post
        # 2016-03-18; Politico 2016-01-05)
        (
            "Majority Leader Mitch McConnell agreed to a phone call on Wednesday, but only to tell Garland that he "
            "won't agree to hearings.",
            D(2016, 3, 18),
            "Wednesday",
            "2016-03-16",
        ),
        (
            "As POLITICO revealed, the RNC agreed to allow Trump to use the party’s voter file in late November.",
            D(2016, 1, 5),
            "late November",
            "2015-11",
        ),
        # ... and the one ahead when it is nearer
        ("The board decided to hold the vote in March.", D(2016, 1, 5), "March", "2016-03"),
    ],
)
def test_apostrophes_and_past_acts(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert reading(text, phrase, anchor) == value


@settings(deadline=None)
@given(st.sampled_from(["'", "’"]), st.sampled_from(["ll", "s", "ve", "d", "re"]))
def test_words_read_either_apostrophe(mark: str, ending: str) -> None:
    from factcheck.temporal.tense import _words

    assert _words(f"they{mark}{ending} go") == [f"they'{ending}", "go"]
