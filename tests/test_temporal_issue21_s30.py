"""Issue #21 (session 30, part times16): tense direction and "today" as nowadays in comparisons.

The base of a comparison of figures is measured before the story's figure:
"Unemployment is 5 percent, down from 5.6 percent in June" in a February story: the June gone, though the clause
is in the present and the nearest June is the one ahead ([tense] comparison_base_openers, figure_units). The first
sentence follows a real story's shape (PolNeAR train, New York Times 2016-01-19: "his net favorability numbers
among Republicans falling to 44 percent, from 54 percent in July", read as the July ahead before); the others are
written probes of the same shape with other figures, openers and a weekday. "from" before a count that is no
figure ("voters from 15 states on Tuesday") is no comparison and keeps its clause's direction.

"today" set in a comparison against a past state ("better off today than you were when ...", "as strong today as she
was") is the present era, PRESENT_REF (rule today_than_then; its own examples, with the counterexamples "higher
today than they were yesterday" and "as true today as it was a week ago", run in tests/test_temporal_rules.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.temporal import tag

D = dt.date


def _value(text: str, anchor: dt.date, phrase: str) -> str:
    refs = [r for r in tag(text, anchor) if r.text.endswith(phrase)]
    assert refs, f"{phrase!r} not read in {text!r}: {[(r.text, r.value) for r in tag(text, anchor)]}"
    return refs[0].value


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
        ("Support is at 30 percent, compared with 22 percent in July.", D(2016, 2, 10), "July", "2015-07"),
        ("Student debt is $1.3 trillion, up from $826.5 billion in May.", D(2016, 2, 10), "May", "2015-05"),
        # a weekday: the span holds its "on"
        ("Her lead is 6 points, up from 2 points on Friday.", D(2016, 2, 10), "Friday", "2016-02-05"),
    ],
)
def test_comparison_base_is_gone(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert _value(text, anchor, phrase) == value


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # a count that is no figure: the clause's future decides
        ("Voters from 15 states on Tuesday will choose delegates.", D(2016, 2, 10), "Tuesday", "2016-02-16"),
        # the story's own figure, no base: the clause decides (a future: the June ahead)
        ("The rate is expected to reach 5 percent in June.", D(2016, 2, 10), "June", "2016-06"),
    ],
)
def test_other_figures_keep_their_clause(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert _value(text, anchor, phrase) == value


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
    assert _value(text, anchor, "today") == value
