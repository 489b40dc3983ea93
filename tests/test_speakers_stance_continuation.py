"""A pronoun continuing the last named speaker with a verb of stance, and after a participle phrase with no
comma (round 37, part spkcont37; texts made up in the shape of realworld-dev nature.com "Li hopes that ... He
expects that the move to a major city will help ...", reuters "Speaking through an interpreter he added; “...”"
and PolNeAR train breitbart "Listing several of Trumps business ventures she added, ...")."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _said(text: str) -> dict[str, str | None]:
    """Each claim's speaker, by the claim's first three words."""
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(2020, 1, 20)
    return {" ".join(c.text.split()[:3]): c.speaker for c in extract.extract(art, min_score=0.0)}


def test_a_stance_verb_continues_the_last_named_speaker() -> None:
    said = _said(
        "Li Wei, an astronomer at the observatory, hopes that the telescope's operations will soon move to the "
        "city. He expects that the move to a major city will help attract young researchers."
    )
    assert said["He expects that"] == "Li Wei"


def test_a_participle_phrase_with_no_comma_before_the_pronoun() -> None:
    said = _said(
        "Director Bong Joon Ho accepted the award for best foreign film on Sunday night in Los Angeles.\n\n"
        "Speaking through an interpreter he added; “It is true that the film was made in Korea. But what "
        "happened today is a historic moment for all of us.”"
    )
    assert said["Speaking through an"] == "Bong Joon Ho"
    assert said["“It is true"] == "Bong Joon Ho"
    assert said["But what happened"] == "Bong Joon Ho"


def test_a_stance_verb_in_a_later_clause_stays_the_writers() -> None:
    said = _said("Sales fell 4% in March, and the company expects that they will recover by June.")
    assert said["Sales fell 4%"] is None


def test_a_pronoun_of_a_thing_is_no_participle_phrase() -> None:
    said = _said("Jane Doe spoke on Monday.\n\nEverything she said turned out to be false.")
    assert said["Everything she said"] is None
