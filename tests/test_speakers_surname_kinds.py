"""A surname the rules read as something else: an outlet's name ("Michael Bloomberg", "Don Guardian") or a party
member's surname ("Republicans Jolly of Indian Shores"); the person named in full speaks (round 32, part spk22)."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _said(text: str) -> dict[str, str | None]:
    """Each claim's speaker, by the claim's first four words."""
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(2016, 5, 23)
    return {" ".join(c.text.split()[:4]): c.speaker for c in extract.extract(art, min_score=0.0)}


def test_a_surname_that_is_an_outlet_s_name_is_the_person_s() -> None:
    # (PolNeAR train usa-today 2016-02-18; base: the outlet `Bloomberg`)
    said = _said(
        "It was less than three years ago that Michael Bloomberg, who is thinking about running for president, "
        "said it was impossible for him to win as an independent.\n\n"
        "Now Bloomberg says he is considering a run of his own that would cost $1 billion."
    )
    assert said["It was less than"] == "Michael Bloomberg"
    assert said["Now Bloomberg says he"] == "Michael Bloomberg"


def test_the_outlet_stays_an_outlet_beside_a_person_of_another_name() -> None:
    # (a person named in full whose surname is not the outlet's: "CBS This Morning" is no person of "CBS")
    said = _said(
        "Former mayor Michael Bloomberg spoke in Denver on Monday.\n\n"
        "Reuters said the company would cut 300 jobs in March."
    )
    assert said["Reuters said the company"] == "Reuters"


def test_a_party_member_s_surname_is_the_person_named_in_full() -> None:
    # (PolNeAR train politico 2016-05-23; base: `Republicans Jolly`, then none for "Jolly said")
    said = _said(
        "David Jolly hopes to boost investment in early childhood education.\n\n"
        "Republicans Jolly of Indian Shores and DeSantis of Ponte Vedra Beach are against abolishing the "
        "department.\n\n"
        "Jolly said he would be cautious in restructuring federal education spending by $30 billion."
    )
    assert said["Jolly said he would"] == "David Jolly"
