"""Issue #21 (session 30, part times16): tense direction and "today" as nowadays in comparisons.

The base of a comparison of figures is measured before the story's figure: "Unemployment is 5 percent, down from
5.6 percent in June" in a February story is the June gone, though the clause is in the present and the nearest June
is the one ahead ([tense] comparison_base_openers, figure_units). The first sentence is a real story's (PolNeAR
train, New York Times 2016-01-19, read as the July ahead before); the others are written probes of the same shape
with other figures and a weekday ("compared with 22 percent in July" was read as past already: "compared" is a past
form). "from" before a count that is no figure ("voters from 15 states on Tuesday") is no comparison, and a future
clause keeps its direction: there the time may be the change's ("the fare will rise to $3 from $2.75 on Sunday").

"today" set in a comparison against a past state ("better off today than you were when ...", "as strong today as she
was") is the present era, PRESENT_REF (rule today_than_then; its own examples, with the counterexamples "higher
today than they were yesterday" and "as true today as it was a week ago", run in tests/test_temporal_rules.py).

"could" and a bare verb in a clause reported in the past is a possibility seen from the report's time, the nearest
occurrence, as "would" there is ([tense] reported_possibility_modals)."""

from __future__ import annotations

import datetime as dt

import pytest
from time_readings import phrase_value

D = dt.date


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        (
            "A new Gallup poll also showed his net favorability numbers among Republicans falling to 44 percent,"
            " from 54 percent in July.",
            D(2016, 1, 19),
            "July",
            "2015-07",
        ),
        ("Unemployment is 5 percent, down from 5.6 percent in June.", D(2016, 2, 10), "June", "2015-06"),
        ("Her lead has grown to 10 points, up from 4 points in August.", D(2016, 2, 10), "August", "2015-08"),
        ("Support stands at 30 percent, from 22 percent in July.", D(2016, 2, 10), "July", "2015-07"),
        ("Student debt is $1.3 trillion, up from $826.5 billion in May.", D(2016, 2, 10), "May", "2015-05"),
        # a weekday: the span holds its "on"
        ("Her lead is 6 points, up from 2 points on Friday.", D(2016, 2, 10), "Friday", "2016-02-05"),
    ],
)
def test_comparison_base_is_gone(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert phrase_value(text, anchor, phrase) == value


def test_only_a_figure_in_a_clause_not_ahead_is_a_base() -> None:
    """The same shape with a count that is no figure, or in a future clause (the change's day), keeps its clause's
    direction, beside the present clause's base, which is gone."""
    wed = D(2016, 2, 10)
    assert phrase_value("Turnout is 40 percent, up from 35 percent on Friday.", wed, "Friday") == "2016-02-05"
    assert (
        phrase_value("Voters from 15 states on Tuesday will choose delegates.", wed, "Tuesday")
        == "2016-02-16"
    )
    assert phrase_value("The fare will rise to $3 from $2.75 on Friday.", wed, "Friday") == "2016-02-12"
    assert phrase_value("The minimum wage is $10, up from $9 in July.", wed, "July") == "2015-07"
    assert phrase_value("The minimum wage will rise to $15 from $10 in July.", wed, "July") == "2016-07"
    assert phrase_value("The rate is expected to reach 5 percent in June.", wed, "June") == "2016-06"


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # PolNeAR train: Politico 2015-12-01 and 2016-02-11 (the shapes of rule today_than_then)
        (
            "People are capable of understanding that you are far better off today than you were when he came"
            " into office.",
            D(2015, 12, 1),
            "PRESENT_REF",
        ),
        (
            "She will be eager to prove that she's just as strong today as she was when she was viewed as the"
            " inevitable front-runner.",
            D(2016, 2, 11),
            "PRESENT_REF",
        ),
        ("The country is more divided today than ever, the survey found.", D(2019, 5, 2), "PRESENT_REF"),
        ("Farms are fewer today than they were in the 1950s.", D(2019, 5, 2), "PRESENT_REF"),
    ],
)
def test_today_against_a_past_state_is_the_present_era(text: str, anchor: dt.date, value: str) -> None:
    assert phrase_value(text, anchor, "today") == value


def test_could_in_a_reported_clause_is_seen_from_the_report() -> None:
    # USA Today 2016-07-26 (a Tuesday): the week of the report, not the one gone ([tense] reported_possibility_modals)
    text = (
        "Samantha Phillips, the city's emergency operations director, said the heat and unsettled weather could"
        " last through the end of the week."
    )
    assert phrase_value(text, D(2016, 7, 26), "the end of the week") == "2016-W30"
    # "could not", "could have": no possibility ahead; the report's past decides
    assert phrase_value("He said he could not attend on Friday.", D(2016, 7, 26), "Friday") == "2016-07-22"
