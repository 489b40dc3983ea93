"""Issue #16/#21 (session 28, part times14): a bare month or weekday resolved in the wrong direction for its clause.

A passive infinitive under a past verb looks ahead from that past act, not from the story's date ("the inquiry
only asked for messages to be handed over in September" in a November story: the September gone); a participle
that looks ahead by itself governs the clause it opens, whatever verb stands before it ("an anthology ... coming as
a hardcover in November" in a May story: the November ahead); the participle of a question put to someone, opening
its sentence, is past whatever the tense of the question ("Asked on Monday whether Mr. Clinton would hold a cabinet
position" in a Wednesday story: the Monday gone). The sentences follow real stories' shapes (The Scotsman, SFGate,
The New York Times, The Huffington Post), the names and details changed."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from time_readings import phrase_value

D = dt.date

_MONTHS = list(calendar.month_name)[1:]  # (English names: "January" ... "December")


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # a passive infinitive under a past verb: seen from the past act, the nearest occurrence
        (
            "Last week, the minister told MSPs the inquiry only asked for messages to be handed over in September,"
            " just a matter of weeks ago.",
            D(2023, 11, 2),
            "September",
            "2023-09",
        ),
        (
            "The court ordered the documents to be released in September.",
            D(2023, 11, 6),
            "September",
            "2023-09",
        ),
        (
            "The board asked for the funds to be paid in October, but they never arrived.",
            D(2024, 12, 10),
            "October",
            "2024-10",
        ),
        # a participle that looks ahead opens the clause of the time, after a past participle of its own
        (
            "Her poem is among more than 80 included in an anthology, \u201cA Quiet Season,\u201d coming in e-book"
            " and audio formats June 9 from Alfred A. Knopf and as a hardcover in November.",
            D(2020, 5, 22),
            "November",
            "2020-11",
        ),
        (
            "The band's songs were recorded in Memphis for a live album, \u201cNight Shift,\u201d coming on vinyl"
            " from a small label and as a double LP in October.",
            D(2021, 4, 14),
            "October",
            "2021-10",
        ),
        # the participle of a question put to someone, opening its sentence: past, whatever it asked
        (
            "Asked on Monday whether her husband would hold a cabinet position, the candidate shook her head.",
            D(2016, 5, 18),
            "Monday",
            "2016-05-16",
        ),
        (
            "Asked in September whether he would run again, the mayor declined to answer.",
            D(2023, 11, 6),
            "September",
            "2023-09",
        ),
        (
            "Reached by phone on Thursday, the lawyer said he will not appeal.",
            D(2016, 5, 17),
            "Thursday",
            "2016-05-12",
        ),
    ],
)
def test_month_and_weekday_take_their_clause_direction(
    text: str, anchor: dt.date, phrase: str, value: str
) -> None:
    assert phrase_value(text, anchor, phrase) == value


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # unchanged: a passive infinitive with no past verb over it, a future verb, a bare infinitive plan
        ("The bridge is expected to be completed in September.", D(2023, 11, 6), "September", "2024-09"),
        ("The documents will be released in September.", D(2023, 11, 6), "September", "2024-09"),
        ("A new edition is coming in September from Knopf.", D(2023, 11, 6), "September", "2024-09"),
        # a participle clause after a past verb that looks back keeps the past
        (
            "The prosecution played clips for the court, dating as far back as September.",
            D(2023, 11, 6),
            "September",
            "2023-09",
        ),
        # an interview participle inside a sentence is no opener: the sentence's own verbs decide
        ("He will be asked in September whether he runs.", D(2023, 11, 6), "September", "2024-09"),
    ],
)
def test_other_clauses_keep_their_direction(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert phrase_value(text, anchor, phrase) == value


@given(
    month=st.sampled_from(_MONTHS),
    verb=st.sampled_from(["asked for", "ordered", "wanted", "required"]),
    participle=st.sampled_from(["handed over", "released", "paid", "published"]),
    anchor=st.dates(min_value=D(1995, 1, 1), max_value=D(2035, 12, 31)),
)
# on 31 December the first of July ahead is a day nearer than the first of July gone: months decide
@example(month="July", verb="ordered", participle="released", anchor=D(2000, 12, 31))
def test_passive_infinitive_under_a_past_verb_is_the_nearest_month(
    month: str, verb: str, participle: str, anchor: dt.date
) -> None:
    text = f"The committee {verb} the papers to be {participle} in {month}."
    value = phrase_value(text, anchor, month)
    year, number = int(value[:4]), int(value[5:7])
    # the nearest occurrence: within six months of the anchor's month either way
    months_apart = (year * 12 + number) - (anchor.year * 12 + anchor.month)
    assert -6 <= months_apart <= 6, value
