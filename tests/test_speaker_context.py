"""Speakers resolved from the article around a sentence: short forms of names and organisations, titles,
pronouns (each case failed before the mechanism it tests was built)."""

from __future__ import annotations

import pytest

from factcheck import attribution, extract, ingest


def _speakers(text: str) -> dict[str, str | None]:
    """Claim text -> speaker, for every candidate claim of a small article."""
    art = ingest.article_from_text(text, path="a.txt", key="a.txt")
    return {c.text: c.speaker for c in extract.extract(art, min_score=0)}


def _speaker_of(text: str, needle: str) -> str | None:
    got = [sp for t, sp in _speakers(text).items() if needle in t]
    assert got, f"no claim holds {needle!r}"
    return got[0]


# --- names and their short forms ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("National Highway Traffic Safety Administration", "NHTSA"),
        ("Organisation for Economic Co-operation and Development", "OECD"),
        ("New York City Housing Authority", "NYCHA"),
        ("World Health Organization", "WHO"),
        ("Acme", ""),
    ],
)
def test_initials(name: str, short: str) -> None:
    assert attribution.initials(name) == short


def test_acronyms_from_initials_and_brackets() -> None:
    text = "The Universities and Colleges Employers Association (UCEA) and the New York City Housing Authority met."
    orgs = [("Universities and Colleges Employers Association", text.index(" (UCEA)"))]
    orgs.append(("New York City Housing Authority", text.index(" met")))
    got = attribution.acronyms(text, orgs)
    assert got["UCEA"] == "Universities and Colleges Employers Association"
    assert got["NYCHA"] == "New York City Housing Authority"


def test_the_agency_after_an_acronym_is_the_organisation_the_acronym_abbreviates() -> None:
    text = (
        "The National Highway Traffic Safety Administration opened an investigation into 40,000 vehicles on Monday.\n"
        "NHTSA said the defect had caused 12 crashes.\n"
        "The agency said three people were injured in those crashes."
    )
    assert _speaker_of(text, "three people were injured") == "NHTSA"


def test_the_authority_after_an_acronym_named_in_the_sentence_before() -> None:
    text = (
        "Wednesday is a big day for the New York City Housing Authority and its 2,000 tenants.\n"
        "NYCHA launched a 100-day engagement process over the summer.\n"
        "Last month, the authority testified that it had reached 67 percent of residents."
    )
    assert _speaker_of(text, "reached 67 percent") == "NYCHA"


def test_the_agency_is_not_a_company_named_before() -> None:
    text = (
        "Acme Corp. recalled 40,000 heaters on Monday.\n"
        "The agency said three people were injured by the heaters in 2023."
    )
    assert _speaker_of(text, "three people were injured") != "Acme Corp"


# --- titles -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Jane Smith, the chief executive of Acme Corp., announced cuts.", "Jane Smith", "chief executive"),
        ("Prince Harry and Meghan, Duchess of Sussex, spoke.", "Meghan", "duchess"),
        ("Tom Brown, mayor of Springfield, said.", "Tom Brown", "mayor"),
        ("Ms. Lopez, the senator from Ohio, said.", "Lopez", "senator"),
        ("Jane Smith, a senior fellow at Brookings, said.", "Jane Smith", None),  # "a": one of many
        ("In Paris, the capital of France, prices rose.", "Paris", None),  # no role
    ],
)
def test_title_after_a_name(text: str, name: str, title: str | None) -> None:
    assert attribution.title_after(text, text.index(name) + len(name)) == title


def test_the_title_given_after_a_name_stands_for_that_person() -> None:
    text = (
        "Jane Smith, the chief executive of Acme Corp., announced 400 job cuts on Monday.\n"
        "The chief executive said the plant would close in March."
    )
    assert _speaker_of(text, "the plant would close") == "Jane Smith"


def test_a_pronoun_after_a_sentence_opened_by_a_title_is_that_person() -> None:
    # "Winfrey" is the last person named, but "The duchess" opens the sentence: "She" continues it
    text = (
        "Prince Harry and Meghan, Duchess of Sussex, spoke with Oprah Winfrey for two hours.\n"
        "The duchess has hinted before that her health suffered, but during her interview with Winfrey she "
        "spoke for the first time about it.\n"
        "She revealed that she contemplated suicide in 2019.\n"
        "She added that she raised those issues with the palace in 2019."
    )
    assert _speaker_of(text, "contemplated suicide") == "Meghan"
    assert _speaker_of(text, "raised those issues") == "Meghan"


# --- pronouns -----------------------------------------------------------------------------------------------


def test_he_is_never_a_party_named_by_its_members() -> None:
    text = (
        "President Joe Biden signed the bill on Friday.\n"
        "The law provides $40 billion for bridges.\n"
        "Republicans criticised the cost of the law.\n"
        "He said the law would create 2 million jobs by 2030."
    )
    assert _speaker_of(text, "2 million jobs") == "Joe Biden"


def test_the_agency_is_the_last_organisation_it_fits_not_the_last_named() -> None:
    text = (
        "The National Highway Traffic Safety Administration opened a probe into 40,000 Tesla cars on Monday.\n"
        "Tesla did not respond to a request for comment.\n"
        "The agency said the defect had caused 12 crashes since 2021."
    )
    assert _speaker_of(text, "12 crashes") == "National Highway Traffic Safety Administration"


def test_the_company_skips_a_public_body_named_after_it() -> None:
    text = (
        "Acme Corp. will build a $40 million plant in Dayton, Ohio.\n"
        "The Ohio Department of Development approved $3 million in tax credits on Monday.\n"
        "The company said the plant would employ 400 people by 2026."
    )
    assert _speaker_of(text, "employ 400 people") == "Acme Corp"


def test_a_quotation_going_on_keeps_its_speaker_though_it_quotes_someone_else() -> None:
    text = (
        "“He and I talked before the tournament, and he told me I should go to the NBA in 2013,” McDermott said.\n"
        "“Harrison told me that playing in the NBA is a completely different world.\n"
        "“I believe I’m going to play in the NBA, but I have to do it when I feel I’m 100 percent ready.”"
    )
    assert _speaker_of(text, "completely different world") == "McDermott"


def test_he_said_before_a_quotation_that_reports_a_government_is_the_person_named_before() -> None:
    text = (
        "Governor John Rankin made the announcement in a press statement on Thursday.\n"
        "He said: “This morning, the premier was detained in Miami on drug charges. As a British citizen was "
        "arrested, the US government has informed the UK government of the arrest.”"
    )
    assert _speaker_of(text, "detained in Miami") == "John Rankin"


# --- session 9: a pronoun after a word or phrase that opens the sentence --------------------------------


def test_but_he_said_after_the_named_speaker() -> None:
    text = (
        "The Rev. Terry Lee, who runs a local youth ministry, said many of the shootings involved young men.\n"
        "But he said he understood why the community did not rise up over the 12 shootings."
    )
    assert _speaker_of(text, "he understood why") == "Terry Lee"


def test_a_time_phrase_before_the_pronoun() -> None:
    text = (
        "Governor Maria Diaz announced a $40 million plan for the port on Monday.\n"
        "Last week she told reporters that the port had lost 300 jobs in 2023."
    )
    assert _speaker_of(text, "lost 300 jobs") == "Maria Diaz"


def test_a_described_company_is_the_company_named_before() -> None:
    text = (
        "Coast Savings Financial Inc. reported its results on Tuesday.\n"
        "The Los Angeles thrift holding company said it had a loss of $92.2 million for the quarter."
    )
    assert _speaker_of(text, "a loss of $92.2 million") == "Coast Savings Financial Inc"


def test_the_subject_of_an_opening_clause_is_whom_she_means() -> None:
    text = (
        "Meghan said the palace ignored her pleas for help in 2019.\n"
        "Oprah Winfrey said she was stunned by the 2 hours of interviews.\n"
        "When Meghan joined the family, she said she had to hand over her passport and her keys in 2018."
    )
    assert _speaker_of(text, "hand over her passport") == "Meghan"


def test_a_one_word_name_that_speaks_has_pronoun_evidence() -> None:
    text = (
        "Harry said he could not have left the family in 2020.\n"
        '"I couldn\'t call an Uber to the palace in 2019," she joked at one point.'
    )
    assert _speaker_of(text, "call an Uber") is None  # Harry is "he"; no woman named before


# --- interview transcripts ------------------------------------------------------------------------------

_INTERVIEW = """How we rebuilt the site

Marissa Cole and Rick Tan run the engineering team of the paper.

Marissa: We launched the new site in 2017 with 12 engineers.

Rick: The beta test cost $40,000 and took three months.

Marissa: Traffic grew 40% in the first year. Most readers came from phones.

Rick: We cut page load time to 1.2 seconds in 2019.

Note: This interview was edited for length.
"""


def test_an_interview_answer_is_said_by_the_name_that_opens_its_paragraph() -> None:
    assert _speaker_of(_INTERVIEW, "12 engineers") == "Marissa Cole"
    assert _speaker_of(_INTERVIEW, "beta test cost") == "Rick Tan"
    assert _speaker_of(_INTERVIEW, "Most readers came") == "Marissa Cole"  # the paragraph's later sentence
    assert _speaker_of(_INTERVIEW, "interview was edited") is None  # one "Note:" is no speaker


def test_labels_that_open_one_paragraph_each_are_no_dialogue() -> None:
    steps = (
        "Step One: Add 200 grams of flour to the bowl.\n\nStep Two: Bake the dough for 40 minutes.\n\n"
        "Step Three: Let it cool for 10 minutes.\n\nStep Four: Cut it into 12 slices."
    )
    assert all(sp is None for sp in _speakers(steps).values())


def test_a_program_s_output_is_no_speaker() -> None:
    out = (
        "IndexError: list index out of range in 2019.\n\nValueError: 3 values given.\n\n"
        "IndexError: list index out of range again.\n\nValueError: 4 values given."
    )
    assert all(sp is None for sp in _speakers(out).values())


def test_labels_of_a_shop_page_are_no_persons() -> None:
    shop = (
        "Price: $40 for 2 pairs.\n\nColor: Red, sold 300 times in 2023.\n\n"
        "Price: $55 for 3 pairs.\n\nColor: Blue, sold 120 times in 2023."
    )
    assert all(sp is None for sp in _speakers(shop).values())


def test_interview_turns_in_another_language() -> None:
    text = (
        "Anna Weber und Jonas Berg sprechen über den Hochwasserschutz.\n\n"
        "Anna Weber: Wie viele Häuser wurden im Juli 2021 zerstört?\n\n"
        "Jonas Berg: Im Ahrtal wurden mehr als 3.000 Häuser zerstört.\n\n"
        "Anna Weber: Und wie viel kostet der Wiederaufbau?\n\n"
        "Jonas Berg: Der Bund zahlt 30 Milliarden Euro bis 2030."
    )
    art = ingest.article_from_text(text, path="de.txt", key="de.txt")
    art.language = "de"
    got = {c.text: c.speaker for c in extract.extract(art, min_score=0)}
    assert next(sp for t, sp in got.items() if "3.000 Häuser" in t) == "Jonas Berg"
    assert next(sp for t, sp in got.items() if "Wiederaufbau" in t) == "Anna Weber"


def test_a_quotation_running_on_into_the_next_paragraph_keeps_its_speaker() -> None:
    # the paragraph opens a quotation it does not close, the next opens with a quote mark: the source named
    # inside ("The company told us") is the quoted speaker's report, not a new speaker
    text = (
        "Officials met on Monday.\n\n"
        "“The plant will close in March,” said Mayor John Smith. “The company told us in January about 300 "
        "job cuts.\n\n"
        "“The town has lost 2,000 jobs since 2010.”\n\n"
        "Acme did not comment."
    )
    assert _speaker_of(text, "The company told us") == "John Smith"
    assert _speaker_of(text, "2,000 jobs") == "John Smith"


def test_a_quotation_closed_in_its_paragraph_names_its_own_source() -> None:
    text = "Officials met on Monday.\n\n“The plant will close,” said Mayor John Smith. The company told us in May.\n"
    assert _speaker_of(text, "The company told us") != "John Smith"


def test_a_capitalised_plural_the_article_writes_in_lower_case_is_a_group_not_a_he() -> None:
    text = (
        "Gold prices rose 3 percent on Monday, as gold dealers in London reported strong demand. "
        "John Smith, an analyst at Acme Bank, said demand was strong. "
        "Dealers said buying from India picked up in the afternoon. "
        "He said prices could rise further this week."
    )
    assert _speaker_of(text, "Dealers said") == "Dealers"
    assert _speaker_of(text, "could rise further") == "John Smith"


def test_a_surname_in_s_stays_a_person() -> None:
    assert not extract._group_word("Senator Bernie Sanders spoke. Sanders said the bill failed.", "Sanders")
    assert extract._group_word("Traders in Tokyo were cautious. Traders said yen fell.", "Traders") is False
    assert extract._group_word("Many traders were cautious. Traders said the yen fell.", "Traders")


def test_two_persons_joined_speak_together_and_are_they() -> None:
    """ "Jane Doe and John Smith said": both speak; a later "They said" is both of them, "He added" one of them
    (before: only "John Smith", and "They" went to the group named before them)."""
    got = _speakers(
        "The city will close the bridge for repairs in May, officials announced on Monday.\n\n"
        "Jane Doe and John Smith said the repairs would cost $4 million over two years.\n\n"
        "He added that the bridge carried 40,000 cars a day in 2023.\n\n"
        "They said the work would start on May 3."
    )
    assert got["Jane Doe and John Smith said the repairs would cost $4 million over two years."] == (
        "Jane Doe and John Smith"
    )
    assert got["He added that the bridge carried 40,000 cars a day in 2023."] in ("Jane Doe", "John Smith")
    assert got["They said the work would start on May 3."] == "Jane Doe and John Smith"


def test_she_after_an_outlets_reporter_in_a_town_is_the_reporter() -> None:
    text = (
        "A strong earthquake hit southern Iran on Sunday.\n"
        "The BBC's Frances Harrison in Tehran says several schools were damaged in the town.\n"
        "The first tremor lasted just over 10 seconds, she says, and there have been four aftershocks."
    )
    assert _speaker_of(text, "four aftershocks") == "Frances Harrison"


def test_they_after_a_list_of_three_persons_is_all_of_them() -> None:
    text = (
        "The council met on Monday to vote on the new budget.\n"
        "Jane Doe, John Smith and Bill Brown said the plan would fail in court.\n"
        "They added that the city would lose $2 million in the first year."
    )
    assert _speaker_of(text, "lose $2 million") == "Jane Doe, John Smith and Bill Brown"
