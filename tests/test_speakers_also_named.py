"""A "he" or "she" whose pronoun rules out every person it could first stand for (the first person each
sentence names, the speakers) stands for a person a recent sentence named after its first one, when the
pronoun is theirs (round 35, part spk28; texts made up in the shape of PolNeAR train wash-post 2016-01-18 and
wash-post 2016-06-13)."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _said(text: str) -> dict[str, str | None]:
    """Each claim's speaker, by the claim's first four words."""
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(2016, 1, 18)
    return {" ".join(c.text.split()[:4]): c.speaker for c in extract.extract(art, min_score=0.0)}


def test_a_he_after_a_sentence_whose_second_person_is_a_man() -> None:
    said = _said(
        "Front-runner Hillary Clinton attacked Sen. Bernie Sanders on gun control at a debate on Sunday as she "
        "sought to regain her footing.\n\n"
        "Clinton put Sanders on the defensive through much of the debate, but a hoarse-voiced Sanders got in "
        "numerous digs. He noted that Clinton has accepted millions in donations from the financial sector."
    )
    assert said["He noted that Clinton"] == "Bernie Sanders"


def test_a_she_after_a_sentence_whose_second_person_is_a_woman() -> None:
    said = _said(
        "Donald Trump sent three tweets about the shooting on Sunday. He said he had been right.\n\n"
        "Trump's approach posed a sharp contrast to the one of Democratic nominee Hillary Clinton. Hours later, "
        "she said that the attack had killed 49 people in Orlando."
    )
    assert said["Hours later, she said"] == "Hillary Clinton"


def test_the_first_person_of_the_pronoun_stays_the_one_it_stands_for() -> None:
    # (the person named after the first one is read only when the first one is ruled out)
    said = _said(
        "Senator Bernie Sanders met Senator John Smith on Monday.\n\n"
        "Sanders praised Smith for the bill. He said that the bill would cost $4 billion by 2020."
    )
    assert said["He said that the"] == "Bernie Sanders"


def test_no_person_of_that_pronoun_named_after_the_first_one_gives_none() -> None:
    said = _said(
        "Hillary Clinton met Jane Roe on Monday.\n\n"
        "Clinton praised Roe for the bill. He said that the bill would cost $4 billion by 2020."
    )
    assert said["He said that the"] is None


def test_a_they_with_no_group_before_stands_for_no_single_person() -> None:
    # ("they" stands for an organisation or a group the article named as a speaker; never for the last person
    # who spoke: PolNeAR train politico 2016-07-25, wash-post 2016-03-30)
    said = _said(
        "Sarah Silverman said the convention was a disaster on Monday.\n\n"
        "Al Franken joined her on stage. They said that 4,000 delegates had booed the speech."
    )
    assert said["They said that 4,000"] is None
    said = _said(
        "Corey Lewandowski denied on Tuesday that he grabbed the reporter.\n\n"
        "They had asserted that Lewandowski never touched the reporter, Michelle Fields, in March."
    )
    assert said["They had asserted that"] is None


def test_a_they_after_a_group_that_spoke_is_that_group() -> None:
    said = _said(
        "Deputies said the man fled in a car on Monday.\n\n"
        "They said that he was arrested 40 miles away on Tuesday."
    )
    assert said["They said that he"] == "deputies"
