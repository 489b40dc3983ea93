"""Whom "he" and "she" stand for: never a name no person bears."""

from __future__ import annotations

import pytest

from factcheck import extract, ingest
from factcheck.extract import _person_like


def _speaker(text: str, part: str) -> str | None:
    art = ingest.article_from_record(
        {"text": text, "date": "2016-01-07", "language": "en"}, path="x.json", key="x"
    )
    return next(c.speaker for c in extract.extract(art, min_score=0.0) if part in c.text)


@pytest.mark.parametrize(
    ("name", "text", "like"),
    [
        ("Angela Merkel", "", True),
        ("Kristen Day", "", True),
        ("Maricopa County Recorder Helen Purcell", "", True),
        ("Kentucky Republican", "", False),  # a party
        ("New Year", "", False),
        ("New Hampshire", "", False),  # a place
        ("Breitbart News National Security", "national security", False),  # a common noun of the article
        ("Fox Business", "the business channel", False),  # a common noun of the article
        ("Black Lives Matter", "it does not matter", False),
        ("Gerard Baker", "", True),
        ("Flint Water Response Perfectly Captures The Difference Between Sanders And Clinton", "", False),
    ],
)
def test_person_like(name: str, text: str, like: bool) -> None:
    assert _person_like(name, text) is like


@pytest.mark.parametrize(
    ("name", "text", "spoke", "like"),
    [
        ("Tishana King", "", False, True),  # a surname that is a title word
        ("Amy Bishop", "", False, True),
        (
            "Trista Best",
            "the best way to take them",
            True,
            True,
        ),  # a surname the article writes in lower case
        ("Trista Best", "the best way to take them", False, False),  # (named only: read as a common noun)
        ("Jane Church", "", True, True),  # a surname that heads organisations' names
        ("Kentucky Republican", "", True, False),
    ],
)
def test_person_like_for_a_person_who_spoke(name: str, text: str, spoke: bool, like: bool) -> None:
    assert _person_like(name, text, spoke) is like


@pytest.mark.parametrize(
    ("text", "part", "speaker"),
    [
        (
            "Chancellor Angela Merkel said the attacks in Cologne were repugnant.\n\nThe assaults on New Year "
            "shocked the country.\n\n“We must act,” she said.",
            "We must act",
            "Angela Merkel",
        ),
        (
            "Katie Walsh runs the committee's staff.\n\nThe committee sent 250 staffers to Colorado, Florida and "
            "New Hampshire.\n\n“We have the advantage,” she said.",
            "We have the advantage",
            "Katie Walsh",
        ),
    ],
)
def test_a_pronoun_passes_over_names_no_person_bears(text: str, part: str, speaker: str) -> None:
    assert _speaker(text, part) == speaker


def test_a_title_with_its_own_of_is_no_name() -> None:
    text = "Trump leads the polls.\n\nThat, RNC Chief of Staff Katie Walsh explained, is by design."
    assert _speaker(text, "by design") == "Katie Walsh"


def test_the_title_before_an_appositive_name_stands_for_that_person_later() -> None:
    text = (
        "In a statement, the commerce secretary, Gary Locke, and the interior secretary, Ken Salazar, agreed.\n\n"
        "The interior secretary said he would ask the courts to overturn a rule on mining."
    )
    assert _speaker(text, "overturn a rule") == "Ken Salazar"
