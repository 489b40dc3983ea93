"""A person named by a description ("The Democratic presidential nominee explained") after the article named
them with it ("Democratic presidential nominee Hillary Clinton"); a region's people in two words are no one."""

from __future__ import annotations

import pytest

from factcheck import attribution, entities, extract, ingest


def _speaker(text: str, part: str) -> str | None:
    art = ingest.article_from_record(
        {"text": text, "date": "2016-08-06", "language": "en"}, path="x.json", key="x"
    )
    return next(c.speaker for c in extract.extract(art, min_score=0.0) if part in c.text)


def test_a_description_names_the_one_person_it_was_given_to() -> None:
    text = (
        "Democratic presidential nominee Hillary Clinton spoke in Ohio on Friday about jobs.\n\n"
        "The Democratic presidential nominee explained that Comey was referring only to her interviews."
    )
    assert _speaker(text, "Comey was referring") == "Hillary Clinton"


def test_a_description_that_opens_a_sentence_is_the_person_who_opened_the_one_before() -> None:
    text = (
        "Democratic presidential nominee Hillary Clinton spoke in Ohio on Friday about jobs.\n\n"
        "Republican presidential nominee Donald Trump held a rally in Iowa on Saturday.\n\n"
        "The Republican nominee said the vote would be rigged.\n\n"
        "The rally drew 5,000 people to the state fairgrounds.\n\n"
        "The presidential nominee said the plan would cost $2 billion."
    )
    assert _speaker(text, "rigged") == "Donald Trump"
    # (two persons were described so, and the sentence before opens with no one)
    assert _speaker(text, "would cost") == "presidential nominee"


@pytest.mark.parametrize(
    ("text", "descriptions"),
    [
        (
            "Democratic presidential nominee Hillary Clinton said",
            ["democratic presidential nominee", "presidential nominee"],
        ),
        ("Trump rival Marco Rubio said", ["trump rival"]),
        ("The senator, Marco Rubio, said", []),
        ("He met Marco Rubio", []),
    ],
)
def test_descriptions_before_a_name(text: str, descriptions: list[str]) -> None:
    assert (
        attribution.descriptions_before(text, text.index("Marco" if "Marco" in text else "Hillary"))
        == descriptions
    )


@pytest.mark.parametrize("demonym", ["Saudi Arabian", "Latin American", "Middle Eastern", "Central American"])
def test_a_regions_people_in_two_words_are_no_person(demonym: str) -> None:
    assert not [
        m
        for m in entities.mentions(f"The {demonym} foreign minister said the talks failed.")
        if m.kind == "person"
    ]
    got = attribution.attribute(f"The {demonym} foreign minister said the talks failed.")
    assert got is not None and got.speaker == f"{demonym} foreign minister"


def test_no_description_for_the_opener_of_a_sentence_that_names_two_persons() -> None:
    text = (
        "Donald Trump attacked Marco Rubio at a rally in Iowa on Sunday.\n\n"
        "The Florida senator said the attacks had cost him votes in three states."
    )
    assert _speaker(text, "cost him votes") == "Florida senator"


def test_an_office_alone_is_not_the_person_of_the_sentence_before() -> None:
    text = (
        "Vincent Gigante was sentenced on Monday to 12 years in prison for racketeering.\n\n"
        "The sentencing judge said he would have imposed a longer sentence but for the letters."
    )
    assert _speaker(text, "longer sentence") == "sentencing judge"


def test_the_candidate_alone_is_the_person_who_opened_the_sentence_before() -> None:
    text = (
        "John Kasich won Ohio on Tuesday after a long night.\n\n"
        "The candidate said he would stay in the race until the convention in July."
    )
    assert _speaker(text, "stay in the race") == "John Kasich"


def test_the_candidate_alone_with_no_one_before_stays_a_description() -> None:
    # no person opens the sentence before: the claim keeps its description, not a name that holds the word
    text = (
        "Voters watched the Republican Presidential Candidates Debate on Saturday in New Hampshire.\n\n"
        "The candidate said he would stay in the race until the convention in July."
    )
    assert _speaker(text, "stay in the race") == "candidate"


def test_an_unresolved_candidate_is_no_he_of_a_later_sentence() -> None:
    text = (
        "Donald Trump held a rally in Iowa on Saturday.\n\n"
        "“We will win,” Trump said at the rally in Des Moines.\n\n"
        "Then the candidate said the polls were wrong about the state.\n\n"
        "Voters in the state will caucus on Monday, with 30 delegates at stake.\n\n"
        "He said the caucus would be a landslide for his campaign."
    )
    assert _speaker(text, "landslide") == "Donald Trump"


def test_the_candidate_alone_is_the_one_person_described_with_the_noun() -> None:
    text = (
        "Presidential candidate Jane Roe filed her financial statement with the commission on Tuesday.\n\n"
        "“I filed my report on time,” Roe said in a press release. The candidate claims her net worth is "
        "in excess of $10 billion."
    )
    assert _speaker(text, "net worth") == "Jane Roe"
    # two persons were described with the noun: neither is "the candidate"
    text = (
        "Republican presidential candidate Jane Roe and Democratic presidential candidate John Doe met in Ohio.\n\n"
        "The polls closed at 8 p.m. across the state.\n\n"
        "The candidate claims the count was fair."
    )
    assert _speaker(text, "count was fair") == "candidate"
