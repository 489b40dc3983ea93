""" "The newspaper said", "the paper claimed": the newspaper the article named last before it, a few paragraphs up
at most (round 32, part spk24; extract._paper_antecedent)."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _said(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each claim's speaker and its kind, by the claim's first four words."""
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "en", dt.date(2023, 11, 22)
    return {
        " ".join(c.text.split()[:4]): (c.speaker, c.speaker_kind) for c in extract.extract(art, min_score=0.0)
    }


def test_a_newspaper_named_after_its_noun() -> None:
    # (realworld dev16 euronews; base: `paper` and `newspaper`)
    said = _said(
        "The prime minister said on Monday he was concerned about the revelations by newspaper Dagens Nyheter.\n\n"
        "In a report published over the weekend, the paper claimed that the leaks reached 40 gang members.\n\n"
        "At least 30 police employees had resigned or were forced to quit, the newspaper reported."
    )
    assert said["In a report published"] == ("Dagens Nyheter", "outlet")
    assert said["At least 30 police"] == ("Dagens Nyheter", "outlet")


def test_a_newspaper_named_with_a_newspaper_s_last_word() -> None:
    # (PolNeAR train politico 2016-07-22; base: `newspaper`)
    said = _said(
        "Clinton held a roundtable meeting with 20 community leaders on Friday, the Orlando Sentinel reported.\n\n"
        "The newspaper reported that the candidate met privately with 12 victims before the discussion."
    )
    assert said["The newspaper reported that"] == ("Orlando Sentinel", "outlet")


def test_a_newspaper_named_before_its_noun() -> None:
    # (PolNeAR train wash-post 2016-03-04: "the nationalist Global Times tabloid noted ... As the paper noted")
    said = _said(
        "The nationalist Global Times tabloid wrote in an op-ed on Thursday that Trump had won fans in China.\n\n"
        "The paper said that 40 percent of readers in a 2016 online poll backed him."
    )
    assert said["The paper said that"] == ("Global Times", "outlet")


def test_no_newspaper_named_or_only_a_place_the_noun_stays() -> None:
    # (PolNeAR train west-journal 2016-08-27: "a Baton Rouge newspaper": the place names no newspaper)
    said = _said(
        "A week after the floods, a Baton Rouge newspaper called on the candidate to visit the state.\n\n"
        "The newspaper said that 60,000 homes had been damaged by the floods."
    )
    assert said["The newspaper said that"][0] != "Baton Rouge"
    said = _said("The newspaper said that 60,000 homes had been damaged by the floods in August.")
    assert said["The newspaper said that"][0] != "Baton Rouge"
    assert said["The newspaper said that"][0] in (None, "newspaper")


def test_a_newspaper_named_too_far_before_is_not_the_one() -> None:
    filler = "".join(
        f"The river rose by {n} centimetres in the town of Lyons on day {n}.\n\n" for n in range(1, 40)
    )
    said = _said(
        "Most of the figures were first published by the Washington Post on Monday.\n\n"
        + filler
        + "The newspaper said that 60,000 homes had been damaged by the floods."
    )
    assert said["The newspaper said that"][0] != "Washington Post"


def test_no_name_is_read_after_a_word_that_is_also_an_adjective() -> None:
    said = _said(
        "The minister spoke at the daily White House briefing on Monday.\n\n"
        "The newspaper said that 60,000 homes had been damaged by the floods."
    )
    assert said["The newspaper said that"][0] != "White House"
