"""A headline that names its source before a colon ("Lynch: No outside influence on FBI probe ...", "AP: Trump
chair routed Ukrainian money ...") is that source's claim when the article names the person in full or the
outlet is known; a question or a count is not (factcheck/extract.py `_headline_statement`; round 32, part
spk22)."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _first_speaker(text: str) -> str | None:
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(2016, 2, 8)
    claims = extract.extract(art, min_score=0.0)
    return claims[0].speaker if claims and claims[0].start == 0 else None


def test_a_surname_before_the_colon_is_the_person_the_article_names() -> None:
    # (PolNeAR train breitbart 2016-02-08; base: none, she speaks nowhere else in the article)
    text = (
        "Lynch: No outside influence on FBI probe into Clinton emails.\n\n"
        "Attorney General Loretta Lynch is reaffirming that the FBI’s probe into Hillary Clinton’s use of a "
        "private email server is being conducted without any outside influence."
    )
    assert _first_speaker(text) == "Loretta Lynch"


def test_a_full_name_or_an_outlet_before_the_colon() -> None:
    # (PolNeAR train politico 2015-12-28 and 2016-08-17: a given name the entity scan does not know; an outlet
    # in a first line that is no page title)
    text = (
        "Carly Fiorina: 'Bill Clinton's fair game.'\n\n"
        "Donald Trump is on solid ground attacking Bill Clinton, Carly Fiorina said Monday."
    )
    assert _first_speaker(text) == "Carly Fiorina"
    text = (
        "AP: Trump chair routed Ukrainian money to D.C. lobbyists.\n\n"
        "Donald Trump's campaign chairman helped a pro-Russian governing party in Ukraine route $2.2 million."
    )
    assert _first_speaker(text) == "AP"


def test_a_question_about_the_person_is_not_the_person_s_claim() -> None:
    # (PolNeAR train wash-post 2015-12-24)
    text = (
        "Ted Cruz: Constitutional conservative or another typical career politician?\n\n"
        "To stop Ted Cruz, the Republican establishment is working around the clock to caricature him."
    )
    assert _first_speaker(text) is None


def test_a_label_before_the_colon_is_no_one() -> None:
    text = (
        "Poll: Voters increasingly see Sanders as electable.\n\n"
        "Bernie Sanders has gained ground on Hillary Clinton in the Democratic race, a poll found."
    )
    assert _first_speaker(text) is None
