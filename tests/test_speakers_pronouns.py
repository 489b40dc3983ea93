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


@pytest.mark.parametrize(
    ("text", "part", "speaker"),
    [
        (  # the person named after the pronoun is its object
            "Donald Trump answered first at the debate in Detroit on Thursday.\n\n“He’s always calling me names,” "
            "Marco Rubio said on Sunday in Virginia.\n\nWithin minutes, he called Rubio “Little Marco” multiple "
            "times.",
            "Little Marco",
            "Donald Trump",
        ),
        (
            "Scott Szlachta drove from Chicago to Iowa last month.\n\n“We will fix the visa program,” Marco Rubio "
            "said at a coffee shop there.\n\nAt the coffee shop, he told Rubio that engineers had been horribly "
            "abused by the program.",
            "horribly abused",
            "Scott Szlachta",
        ),
        (  # ... or in what the pronoun's clause reports
            "Donald Trump answered first at the debate in Detroit on Thursday.\n\n“He’s always calling me names,” "
            "Marco Rubio said on Sunday in Virginia.\n\nHe said Rubio was a lightweight who would never win Florida.",
            "lightweight",
            "Donald Trump",
        ),
        (  # a person named inside the quotation the pronoun speaks
            "Randi Weingarten leads the union.\n\n“We will win New York,” Hillary Clinton said on Monday.\n\nThe "
            "vote was held on Tuesday.\n\n“And he lacks the ties that Hillary Clinton has to our teachers,” she "
            "said.",
            "lacks the ties",
            "Randi Weingarten",
        ),
        (
            "“We have the votes,” Shelley Moore Capito said on Monday.\n\nBut Kelly Ayotte is not interested.\n\n“I "
            "had Shelley Moore Capito up here last month. He hasn’t contacted me,” she said.",
            "contacted me",
            "Kelly Ayotte",
        ),
        (
            "Florent Groberg spoke on Friday about the supporters of Senator Bernie Sanders.\n\n“The young fans of "
            "Bernie Sanders have never faced such a decision. They live in a world where peace is given,” he said.",
            "never faced",
            "Florent Groberg",
        ),
    ],
)
def test_a_pronoun_never_stands_for_a_person_its_own_clause_names(text: str, part: str, speaker: str) -> None:
    assert _speaker(text, part) == speaker


@pytest.mark.parametrize(
    ("text", "part", "speaker"),
    [
        (
            "Donald Trump spoke in Iowa on Sunday.\n\n“Everybody is laughing at Jeb Bush. He spent $100 million on "
            "ads.”\n\nHe said the race was over.",
            "race was over",
            "Donald Trump",
        ),
        (
            "Donald Trump spoke in Iowa on Sunday.\n\n“Everybody is laughing at Jeb Bush. A pathetic figure!” he "
            "wrote.",
            "pathetic figure",
            "Donald Trump",
        ),
        (
            "Kelly Ayotte campaigned in Concord on Monday.\n\n“I had Shelley Moore Capito up here last month. It "
            "went well.”\n\nShe said the race would be close.",
            "race would be close",
            "Kelly Ayotte",
        ),
        (
            "Florent Groberg spoke on Friday about the supporters of Senator Bernie Sanders.\n\n“The young fans of "
            "Bernie Sanders have never faced such a decision. They live in a world where peace is given.”\n\nHe "
            "said they should serve first.",
            "serve first",
            "Florent Groberg",
        ),
    ],
)
def test_a_person_a_quotation_names_is_not_whom_a_later_pronoun_stands_for(
    text: str, part: str, speaker: str
) -> None:
    assert _speaker(text, part) == speaker


def test_a_speaker_may_name_themself_in_their_own_quotation() -> None:
    # (a quoted name rules out no one who opens or spoke in the sentence before)
    text = (
        "Bernie Sanders spoke in Harlem on Thursday.\n\nSanders is outlining a litany of policy proposals on jobs. "
        "He says that if voters want the establishment, “you’ve got a very good candidate, but it’s not Bernie "
        "Sanders.”"
    )
    assert _speaker(text, "very good candidate") == "Bernie Sanders"


@pytest.mark.parametrize(
    ("text", "part", "speaker"),
    [
        (  # a title's stop ends no clause
            "Donald Trump answered first at the debate in Detroit on Thursday.\n\n“He’s always calling me names,” "
            "Sen. Marco Rubio said on Sunday in Virginia.\n\nWithin minutes, he called Sen. Rubio “Little Marco” "
            "multiple times.",
            "Little Marco",
            "Donald Trump",
        ),
        (  # a sentence the splitter did not cut (a quotation closed after its stop): the next clause's names count
            "First used by President Ronald Reagan, the rule is reversed whenever the White House changes hands.\n\n"
            "Barack Obama said the rule “has been used as a political wedge issue.”\n\nHe said his administration "
            "would “start a fresh conversation on family planning. ” On inauguration day, a memo from Obama froze "
            "all Bush regulations.",
            "fresh conversation",
            "Barack Obama",
        ),
    ],
)
def test_the_clause_a_pronoun_rules_names_out_of_ends_at_its_full_stop(
    text: str, part: str, speaker: str
) -> None:
    assert _speaker(text, part) == speaker
