"""A "he" or "she" after a speaker phrase that names one unnamed person ("The friend said", "the boy's mother
told reporters") may stand for that person, as it may for a spokesperson or an official; a head noun that names a
man or a woman (lang/en/speech.toml `one_person_heads`, [gender] `he_nouns` / `she_nouns`) stands only for its
own pronoun (round 31, part spk21)."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _said(text: str) -> dict[str, str | None]:
    """Each claim's speaker, by the claim's first four words."""
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(2013, 1, 1)
    return {" ".join(c.text.split()[:4]): c.speaker for c in extract.extract(art, min_score=0.0)}


def test_she_after_the_friend_who_spoke_is_the_friend() -> None:
    # (ECB+ 32_1, the realworld ecb split: the friend goes on speaking; base: the dead woman named earlier)
    said = _said(
        "Alice McMeekin, 58, and her daughter Katie were found dead at their home in Cumbria on Sunday.\n\n"
        'The friend said she was "bubbly" when she saw her on Friday.\n\n'
        'She added: "We were chatting for about half an hour. She told me Katie was coming."'
    )
    assert said["The friend said she"] == "friend"
    assert said['She added: "We were'] == "friend"


def test_a_description_that_names_a_woman_is_no_he() -> None:
    # (PolNeAR train, wash-post 2016-01-13: "according to an ICE spokeswoman. ... He announced" is Obama's)
    said = _said(
        "Of the 121 people detained, 77 have been deported, according to an ICE spokeswoman.\n\n"
        "Administration officials emphasized Tuesday that Obama's announcement of executive actions on "
        "immigration in November 2014 included a pair of initiatives. He announced a program to defer the "
        "deportations of undocumented parents of U.S. citizens."
    )
    assert said["Of the 121 people"] == "ICE spokeswoman"
    # (base: the spokeswoman; the full article names Obama before)
    assert said["He announced a program"] is None
    # (a written probe: the mother spoke, "he" is not her; no one else is named, so no one)
    said = _said(
        "The boy's mother said the school had known about the bullying for months.\n\n"
        "He added that the headteacher had ignored three complaints."
    )
    assert said["The boy's mother said"] == "boy's mother"
    assert said["He added that the"] is None
    # (and "she" is her)
    said = _said(
        "The boy's mother said the school had known about the bullying for months.\n\n"
        "She added that the headteacher had ignored three complaints."
    )
    assert said["She added that the"] == "boy's mother"
