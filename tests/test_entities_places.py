"""Places, waters and ships are no persons (so never a speaker, nor whom a "he" stands for); a title before a
name gives the noun a later description of the person uses ("Sen. Bernie Sanders ... the senator said")."""

from __future__ import annotations

import pytest

from factcheck import entities, extract, ingest
from factcheck.gazetteer import TITLE_NOUNS
from factcheck.lang import resource


def _speaker(text: str, part: str) -> str | None:
    art = ingest.article_from_record(
        {"text": text, "date": "2016-05-09", "language": "en"}, path="x.json", key="x"
    )
    return next(c.speaker for c in extract.extract(art, min_score=0.0) if part in c.text)


@pytest.mark.parametrize("ex", resource("en", "entities")["examples"], ids=lambda ex: ex["name"])
def test_entities_examples(ex: dict) -> None:
    got = {m.text: m.kind for m in entities.mentions(ex["text"], lang="en")}
    assert got.get(ex["name"]) == ex["kind"], got


def test_every_title_noun_is_a_person_noun_of_the_speech_rules() -> None:
    speech = resource("en", "speech")["words"]
    from factcheck.attribution import name_descriptor

    for nouns in TITLE_NOUNS.values():
        for noun in nouns:
            assert name_descriptor(noun) or noun in speech["agent_nouns"], noun


def test_a_he_never_stands_for_a_shoal() -> None:
    # (nyt_2016-05-09 of PolNeAR train: "Scarborough Shoal" was typed a person, and the "He said" its)
    text = (
        "Neither side wants conflict over specks in the sea. But the possibility has to be considered, and "
        "Scarborough Shoal is now the place Pentagon officials say the United States might take a stand.\n\n"
        "He said he was worried not so much about miscalculations in the South China Sea."
    )
    assert _speaker(text, "He said") != "Scarborough Shoal"


def test_an_it_never_stands_for_a_ship_as_a_person() -> None:
    text = (
        "Delhi had taken a serious view of piracy-related incidents in the region following the hijacking of "
        "MV Stolt Valor, with 18 Indian sailors on board, by Somali pirates in September this year.\n\n"
        "He said the crew were safe."
    )
    assert _speaker(text, "He said") != "MV Stolt Valor"


@pytest.mark.parametrize(
    ("text", "part", "speaker"),
    [
        # (huff-post_2015-11-15 of PolNeAR train)
        (
            "Sen. Bernie Sanders spoke in Iowa on Sunday about wages.\n\n"
            "Voters there were divided.\n\n"
            "“When we put money into the hands of working people, they are going to go out and buy goods,” "
            "the senator said.",
            "buy goods",
            "Bernie Sanders",
        ),
        # (wash-post_2016-04-30 of PolNeAR train)
        (
            "Indiana Gov. Mike Pence endorsed Ted Cruz on Friday.\n\n"
            "The primary is on Tuesday.\n\n"
            '"I particularly want to commend Donald Trump," the governor said.',
            "commend",
            "Mike Pence",
        ),
        # (nyt_2016-05-09 of PolNeAR train)
        (
            "Adm. Harry B. Harris Jr., who leads the United States Pacific Command, makes no apologies.\n\n"
            "The Chinese have zeroed in on his ethnicity as a mode of attack.\n\n"
            "The derogatory comments had two goals, the admiral said.",
            "two goals",
            "Harry B. Harris Jr",
        ),
    ],
)
def test_a_description_names_the_one_person_given_its_title(text: str, part: str, speaker: str) -> None:
    assert _speaker(text, part) == speaker


def test_two_persons_of_one_title_leave_the_description_alone() -> None:
    text = (
        "Sen. Bernie Sanders and Sen. Ted Cruz spoke in Iowa on Sunday.\n\n"
        "Voters there were divided.\n\n"
        "The senator said the plan would cost $2 billion."
    )
    assert _speaker(text, "would cost") not in ("Bernie Sanders", "Ted Cruz")


def test_a_described_candidate_is_the_person_the_sentence_before_opened_with() -> None:
    # (breitbart_2016-01-10 of PolNeAR train: the description alone gave no speaker)
    text = (
        "Donald Trump spoke in Reno on Sunday.\n\n"
        "The billionaire real estate magnate says a violent hit that used to be considered a great tackle now "
        "draws a 15-yard penalty."
    )
    assert _speaker(text, "violent hit") == "Donald Trump"


@pytest.mark.parametrize(
    "sentence",
    [
        # (breitbart_2016-02-20 and breitbart_2016-03-01 of PolNeAR train, both after "Florida Sen. Marco Rubio")
        "The Florida senator is predicting that he will win the GOP nomination after performing well.",
        "The Florida senator is telling reporters in Minnesota that he is looking ahead to the March 15 contest.",
    ],
)
def test_a_place_and_a_title_before_a_name_describe_its_person(sentence: str) -> None:
    text = (
        "Florida Sen. Marco Rubio and Texas Sen. Ted Cruz spoke in South Carolina on Saturday.\n\n"
        "Voters there were divided.\n\n" + sentence
    )
    assert _speaker(text, "The Florida senator") == "Marco Rubio"


@pytest.mark.parametrize(
    ("text", "part", "speaker"),
    [
        # (nyt_2016-03-09 of PolNeAR train)
        (
            "Hillary Clinton spoke in Ohio on Monday.\n\n"
            "Donald Trump attacked Bill Clinton on Sunday. He tells audiences she may be prosecuted.\n\n"
            "''It doesn't make me nervous,'' the cautious candidate said of running against Mr. Trump. After all, "
            "she added, Republicans ''have been after me for years. Nothing new about that.''",
            "After all",
            "Hillary Clinton",
        ),
        # (breitbart_2016-05-15 of PolNeAR train)
        (
            "Donald Trump tells Fox News that people who are bullied must fight back.\n\n"
            "In an excerpt of the interview, Trump says he is a counterpuncher.\n\n"
            "Asked if he was ever bullied, the Republican presidential candidate said no. But he said bullying "
            'does not just happen to children. "People are bullied when they are 55," he said.',
            "People are bullied",
            "Donald Trump",
        ),
    ],
)
def test_a_description_left_unresolved_is_never_what_a_later_pronoun_stands_for(
    text: str, part: str, speaker: str
) -> None:
    assert _speaker(text, part) == speaker


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Lake County Sheriff Jane Doe said the road was closed.", "Jane Doe", "person"),
        ("District of Columbia Mayor Muriel Bowser said the road was closed.", "Muriel Bowser", "person"),
        ("He was taken to Mount Sinai Hospital on Monday.", "Mount Sinai Hospital", "org"),
    ],
)
def test_a_title_or_an_organisation_head_outweighs_the_place_words(text: str, name: str, kind: str) -> None:
    got = {m.text: m.kind for m in entities.mentions(text, lang="en")}
    assert got.get(name) == kind, got


def test_a_quoted_nickname_is_a_word_of_the_name_and_a_later_he_is_that_person() -> None:
    # (usa-today_2016-06-27 of PolNeAR train: "Juan", "Chico" and "Manriquez" were three names, none a person)
    text = (
        'In downtown San Francisco, Juan "Chico" Manriquez of Oakland carried one of the photos. '
        '"I pretty much cried the whole parade," he said.'
    )
    assert _speaker(text, "cried the whole parade") == "Juan Manriquez"
    # (west-journal_2016-07-28: "Marine John", "Tig", "Tiegen"; the surname alone later is the same person)
    text = (
        "Former CIA operative and Marine John “Tig” Tiegen found both issues to be disqualifying.\n\n"
        "“I don’t see how anyone can trust her as a commander-in-chief,” Tiegen said."
    )
    assert _speaker(text, "trust her") == "John Tiegen"


def test_a_nickname_needs_one_or_two_capitalised_words_between_a_given_name_and_a_surname() -> None:
    # (written probes) "Tig" between "John" and "Tiegen" is a nickname ...
    got = {
        m.text: m.kind for m in entities.mentions("Marine John “Tig” Tiegen found both issues.", lang="en")
    }
    assert got.get("John Tiegen") == "person", got
    # ... a quotation after a name, a one-word answer before a day, a quotation after a surname are not
    for text in (
        "Party leader John Smith “We will win” was the slogan on every poster.",
        'He told Mary "Yes" Tuesday and left.',
        "Smith “We will win” Jones said.",
    ):
        names = [m.text for m in entities.mentions(text, lang="en")]
        assert not any("We" in n.split() or "Tuesday" in n.split() for n in names), names
        assert "Mary Tuesday" not in names and "Smith Jones" not in names, names
