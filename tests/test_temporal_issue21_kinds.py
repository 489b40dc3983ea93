"""Issue #21's error kinds, variant by variant (session 28, part times13): an anaphoric step ("the following
month") with nothing named before to count from, and "Today" opening a sentence of a present state after a
sentence told in the past (the present era). The rules' own examples run in tests/test_temporal_rules.py."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.temporal import tag

D = dt.date


def _reading(text: str, anchor: dt.date | None, phrase: str) -> tuple[str, str]:
    refs = [r for r in tag(text, anchor) if r.text == phrase]
    assert refs, f"{phrase!r} not read in {text!r}: {[(r.text, r.value) for r in tag(text, anchor)]}"
    return refs[0].type, refs[0].value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a past clause and nothing named before: the step counts from a time the text does not give
        ("The following month, the board resigned.", "The following month", "XXXX-XX"),
        ("The following year, the firm went bankrupt.", "The following year", "XXXX"),
        ("The following week, prices rose again.", "The following week", "XXXX-WXX"),
        ("The following decade saw rapid growth.", "The following decade", "XXX"),
        ("The previous century will be remembered for its wars.", "The previous century", "XX"),
        # a clause that looks ahead may count from the publication date; "the previous" in the past too
        ("The following year will be harder, the minister warned.", "The following year", "2025"),
        ("The previous month, sales had dropped.", "The previous month", "2024-02"),
        # a time named before is the reference (a decade counts from the year last named)
        ("He was elected in 2020 and resigned the following year.", "the following year", "2021"),
        (
            "The town was founded in 1990. The following decade saw rapid growth.",
            "The following decade",
            "200",
        ),
        ("He was born in 2005. The previous decade had been hard.", "The previous decade", "199"),
    ],
)
def test_anaphoric_step_with_nothing_named_before(text: str, phrase: str, value: str) -> None:
    assert _reading(text, D(2024, 3, 13), phrase) == ("DATE", value)


@given(
    unit=st.sampled_from(["week", "month", "year", "decade"]),
    verb=st.sampled_from(["resigned", "went bankrupt", "saw rapid growth", "was quiet", "had doubled"]),
    anchor=st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31)),
)
def test_following_unit_in_a_past_clause_never_counts_from_the_anchor(
    unit: str, verb: str, anchor: dt.date
) -> None:
    text = f"The following {unit}, the company {verb}."
    typ, value = _reading(text, anchor, f"The following {unit}")
    assert typ == "DATE"
    assert value == {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "decade": "XXX"}[unit]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # then against now: the present era (PolNeAR train NYT 2015-11-25's shape; realworld-dev dw.com's; ECB+ 19_6)
        ("Dues were $500 a year. Today, the same membership costs $2,000.", "PRESENT_REF"),
        ("The port was once a sleepy village. Today it is one of the busiest in Asia.", "PRESENT_REF"),
        ("Few people owned a car in 1950. Today, most families have two.", "PRESENT_REF"),
        (
            "The police were barred from the campus in 1970. Today, the schools are once again full of protest.",
            "PRESENT_REF",
        ),
        # the day's news
        ("Today is the last day to register.", "2024-03-13"),
        ("Today, the Senate is expected to vote on the bill.", "2024-03-13"),
        ("Today, the city has a new mayor.", "2024-03-13"),
        ("The bill passed in 2019. Today, the company announced 500 layoffs.", "2024-03-13"),
        ("The bill passed in 2019. Today, the company has announced 500 layoffs.", "2024-03-13"),
        ("The senator spoke in Ohio last night. Today, she has three rallies in Michigan.", "2024-03-13"),
        ("The Senate met on Monday. Today, the House is in session.", "2024-03-13"),
    ],
)
def test_today_opening_a_sentence_after_a_past_one(text: str, value: str) -> None:
    assert _reading(text, D(2024, 3, 13), "Today") == ("DATE", value)


def test_today_then_now_without_an_anchor() -> None:
    # the era needs no anchor; the day stays unknown without one
    assert _reading("Dues were $500 a year. Today, the same membership costs $2,000.", None, "Today") == (
        "DATE",
        "PRESENT_REF",
    )
    assert _reading("Today, the city has a new mayor.", None, "Today") == ("DATE", "XXXX-XX-XX")


@pytest.mark.parametrize("apostrophe", ["'", "’"])
@pytest.mark.parametrize(
    ("written", "value"), [("the 1970{a}s", "197"), ("the late 1980{a}s", "198"), ("the 1990{a}s", "199")]
)
def test_decade_with_either_apostrophe(apostrophe: str, written: str, value: str) -> None:
    # a decade written with an apostrophe, straight or typographic, is the decade, never its first year
    phrase = written.format(a=apostrophe)
    refs = [
        r for r in tag(f"Prices soared in {phrase}, the report said.", D(2016, 3, 15)) if r.type == "DATE"
    ]
    assert [r.value for r in refs] == [value]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("After months of talks, the deal was signed.", "months", "PXM"),
        ("Years of war have left the city in ruins.", "Years", "PXY"),
        ("The truce came after days of negotiations.", "days", "PXD"),
        ("The voters' wages were eroded by decades of globalization.", "decades", "PXY"),
        ("The rescue came after hours of searching.", "hours", "PTXH"),
    ],
)
def test_bare_units_of_an_activity(text: str, phrase: str, value: str) -> None:
    assert _reading(text, D(2016, 4, 8), phrase) == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He spent the happiest years of his life in Rome.", "years"),
        ("She was born in the early years of the war.", "years"),
        ("He left for months of training.", "months"),
        ("After years of it, he quit.", "years"),
    ],
)
def test_units_of_a_time_or_a_life_are_no_duration(text: str, phrase: str) -> None:
    assert all(r.text != phrase for r in tag(text, D(2016, 4, 8)))


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # a reporting verb whose object a possessive heads: the time is the report's, past (PolNeAR train: New York
        # Times 2016-01-12, USA Today 2016-02-11)
        (
            "He has pursued the Christian right here since he announced his presidential candidacy in March at "
            "Liberty University.",
            D(2016, 1, 12),
            "March",
            "2015-03",
        ),
        (
            "He said during his victory speech Tuesday that his revolution will win.",
            D(2016, 2, 11),
            "Tuesday",
            "2016-02-09",
        ),
        ("She announced her retirement in October.", D(2024, 7, 13), "October", "2023-10"),
        # a reported clause's own verb after the time still decides
        ("He said his visit in May would focus on trade.", D(2024, 3, 13), "May", "2024-05"),
        ("He said his plant in May will close.", D(2024, 3, 13), "May", "2024-05"),
        # "proposed" after its subject or before a gerund is the act of proposing (PolNeAR train: New York Times
        # 2016-09-06; the next: a probe of the same shape)
        (
            "In October, Mrs. Clinton, the Democratic presidential nominee, proposed enforcing a partial no-fly zone "
            "over Syria.",
            D(2016, 9, 6),
            "October",
            "2015-10",
        ),
        ("In May, Mr. Smith proposed raising the minimum wage.", D(2024, 3, 13), "May", "2023-05"),
        # a plan stays a plan
        ("The merger proposed for May was cancelled.", D(2024, 3, 13), "May", "2024-05"),
        ("The plan he proposed for May was dropped.", D(2024, 3, 13), "May", "2024-05"),
        ("The proposed spending cuts in May were dropped.", D(2024, 3, 13), "May", "2024-05"),
    ],
)
def test_reported_or_proposed_act_looks_back(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert _reading(text, anchor, phrase) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # a time before a past act of promising or deciding dates the act (PolNeAR train: Washington Post 2016-06-05;
        # the next: Huffington Post 2016-08-15's sentence, a week later)
        (
            "At a Thursday rally in Modesto, Sanders promised to legalize workers by executive order.",
            D(2016, 6, 5),
            "Thursday",
            "2016-06-02",
        ),
        ("On Monday, Teachout decided to bypass Faso himself.", D(2016, 8, 24), "Monday", "2016-08-22"),
        ("In October, the president vowed to veto the bill.", D(2016, 6, 5), "October", "2015-10"),
        ("In March, the board agreed to sell the unit.", D(2016, 6, 5), "March", "2016-03"),
        # TBAQ development (APW19980930.0425)'s shape, a probe sentence: a plan told in the past
        (
            "On Friday, the government planned to pay the first claims.",
            D(1998, 9, 30),
            "Friday",
            "1998-09-25",
        ),
        ("On Friday, the firm had agreed to sell the unit.", D(1998, 9, 30), "Friday", "1998-09-25"),
        # what is promised, or a promise still to be made, looks ahead
        ("On Thursday, the company will pledge to cut emissions.", D(2016, 6, 5), "Thursday", "2016-06-09"),
        ("In October, sales are projected to rise.", D(2016, 6, 5), "October", "2016-10"),
        ("On Friday, the bill is intended to pass.", D(1998, 9, 30), "Friday", "1998-10-02"),
    ],
)
def test_time_before_a_past_promise_dates_the_promise(
    text: str, anchor: dt.date, phrase: str, value: str
) -> None:
    assert _reading(text, anchor, phrase) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "anchor", "phrase", "value"),
    [
        # a time right after a relative pronoun opens the relative clause: its own verb decides, not the clause
        # before (PolNeAR train: Washington Post 2016-06-13, Breitbart 2016-07-13, Politico 2016-05-26, Washington
        # Post 2016-01-07)
        (
            "Gingrich said in an interview that the mogul should ignore the rush of critics who on Sunday cast "
            "Trump's responses as inappropriate.",
            D(2016, 6, 13),
            "Sunday",
            "2016-06-12",
        ),
        (
            "Former Democratic candidate Bernie Sanders, who on Tuesday endorsed Clinton, said Wednesday he agrees.",
            D(2016, 7, 13),
            "Tuesday",
            "2016-07-12",
        ),
        (
            "She was more eager to talk about Trump, who on Thursday clinched the requisite number of delegates.",
            D(2016, 5, 26),
            "Thursday",
            "2016-05-26",
        ),
        (
            "The far-right party, which in March will face a hearing to determine whether it should be banned, "
            "said it would appeal.",
            D(2016, 1, 7),
            "March",
            "2016-03",
        ),
        (
            "The board should ignore the critics who on Sunday called the plan reckless.",
            D(2016, 6, 13),
            "Sunday",
            "2016-06-12",
        ),
    ],
)
def test_time_opening_a_relative_clause(text: str, anchor: dt.date, phrase: str, value: str) -> None:
    assert _reading(text, anchor, phrase) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a span of years written with one digit for the second (PolNeAR train: New York Times 2016-07-26)
        (
            "Dodd-Frank, a response to the Wall Street collapse of 2008-9, bailed out the industry.",
            ["2008", "2009"],
        ),
        ("The budget gaps of 2010-1 forced cuts.", ["2010", "2011"]),
        # a digit that is not the next year's: a reference, no span and no year
        ("See the guide back-to-school-2013-2 for details.", []),
        # a season of a span stays the season
        ("It began in the winter of 2004-5 in Kiev.", ["2004-WI"]),
    ],
)
def test_span_of_years_with_one_digit(text: str, years: list[str]) -> None:
    assert [r.value for r in tag(text, D(2016, 7, 26)) if r.type == "DATE"] == years
