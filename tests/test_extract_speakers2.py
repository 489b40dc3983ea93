"""Speakers of quotations written in plain-text quote marks ('' and ``), of "Name: statement" headlines,
and of a pronoun after a quotation (issue #16)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import extract, ingest


def _art(text: str, key: str = "a.txt"):
    return ingest.article_from_text(text, path=key, key=key)


def _by_text(claims, needle):
    found = [c for c in claims if needle in c.text]
    assert found, f"no claim containing {needle!r}: {[c.text for c in claims]}"
    return found[0]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["'", "`", '"', "a", " ", ".", "“"]), max_size=24).map("".join))
def test_the_quote_view_keeps_every_offset(text: str) -> None:
    view = extract._quote_view(text)
    assert len(view) == len(text)
    assert "''" not in view and "``" not in view
    for a, b in zip(text, view, strict=True):
        if a != b:  # only the marks change, each into a double quotation mark and a space
            assert a in "'`" and b in '"“” '


def test_a_quotation_of_several_sentences_in_two_apostrophes_keeps_its_speaker() -> None:
    text = (
        "Talks\n\nJune 10, 2024\n\n"
        "The talks were brokered by Oman. ''What the Americans did is try to deceive us,'' said Yaakov Amidror, "
        "a former adviser. ''They didn't tell us about the 12 meetings in Oman. That was not the turning point, "
        "but it gave 40 officials a very good reason to go to the other side.''\n"
    )
    cs = extract.extract(_art(text), times=None, min_score=0)
    assert _by_text(cs, "12 meetings").speaker == "Yaakov Amidror"
    assert _by_text(cs, "40 officials").speaker == "Yaakov Amidror"
    # and in backquotes, as wire copy writes them, with the speaker named after the quotation
    text = (
        "Talks\n\nJune 10, 2024\n\nYaakov Amidror, a former adviser, spoke on Monday.\n"
        "``They didn't tell us about the 12 meetings in Oman. That was not the turning point, but it gave 40 "
        "officials a very good reason to go to the other side,'' Amidror said.\n"
    )
    cs = extract.extract(_art(text), times=None, min_score=0)
    assert _by_text(cs, "12 meetings").speaker == "Yaakov Amidror"
    assert _by_text(cs, "40 officials").speaker == "Yaakov Amidror"


def test_a_name_before_a_colon_in_a_headline_speaks() -> None:
    text = (
        "Graham: Trump's rhetoric is destroying the party's chance to win.\n\n"
        "Sen. Lindsey Graham (R-SC) called out his rival Donald Trump on Thursday at a conference in Washington.\n\n"
        "Graham said the party would lose the election.\n"
    )
    c = _by_text(extract.extract(_art(text), times=None, min_score=0), "destroying")
    assert c.speaker == "Lindsey Graham" and c.speaker_kind == "person"


def test_a_name_before_a_colon_speaks_only_when_the_article_makes_that_person_speak() -> None:
    # a label the page names as a person but never makes speak ("Examining Truth"): nobody speaks
    text = (
        "Truth: 45% of NFL fans are female.\n\n"
        "Examining Truth Smith has been a fan since 1990, and the league counted its fans in 2014.\n"
    )
    c = _by_text(extract.extract(_art(text), times=None, min_score=0), "NFL fans")
    assert c.speaker is None


def test_a_name_before_a_colon_speaks_only_when_the_article_names_that_person() -> None:
    # a label the article names nowhere else, a place, a long paragraph: nobody speaks
    for first in (
        "Big Win For Bernie: AFL-CIO holds off on its presidential endorsement.",
        "Washington: the city council approved a budget of $4 billion on Monday.",
    ):
        text = (
            first + "\n\nThe union said on Monday that Bernie Sanders and George Washington were popular.\n"
        )
        c = _by_text(extract.extract(_art(text), times=None, min_score=0), first[:12])
        assert c.speaker is None, (first, c.speaker)
