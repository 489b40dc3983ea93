"""The head of a copied page: bylines where a deck would stand, the <title> part the page repeats above its
article, and each notice marker's own word limit for the paragraphs it opens."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from line_kinds import kinds_of  # tests/line_kinds.py

from factcheck import furniture
from factcheck.ingest import _byline_shaped, _lines, classify_lines

ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month, the mayor said.",
    "Engineers found cracks in two of the bridge's steel girders during an inspection in March, the council said.",
    "Lorries will be sent along the ring road while the girders are replaced, which may take until the end of 2026.",
    "Local traders said the closure would cost them customers, and asked the council to speed up the repairs.",
]
MENU = ["Home", "News", "Sport", "Weather"]


def _shaped(line: str, lang: str = "en") -> bool:
    return _byline_shaped(_lines(line)[0], furniture.vocabulary(lang))


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Posted by DT in Diary"),
        ("en", "By Xeni Jardin at 6:03 pm Tuesday, Jan 10"),
        ("en", "By MALCOLM RITTER 01/11/12 05:16 PM ET Associated Press"),
        ("en", "Submitted by Anna Tomova on 2012, January 17 - 12:54"),
        ("de", "Artikel von Alexa von Heyden"),
        ("de", "Von Caspar Schwietering | 3. Mai 2021"),
    ],
)
def test_bylines_are_byline_shaped(lang: str, line: str) -> None:
    assert _shaped(line, lang)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("de", "Von der Leyen fordert mehr Geld für die Verteidigung der Union"),
        ("de", "Text und Bild: wie die Zeitung ihre Leser erreicht"),
        ("en", "Text messages reveal the mayor knew of the cracks in March"),
        ("en", "By Friday, Berlin will have closed every bridge over the river"),
        ("en", "By 2030 the city wants a new bridge"),
        ("en", "Bridge closed for a year"),
    ],
)
def test_decks_opening_with_a_label_word_are_not_byline_shaped(lang: str, line: str) -> None:
    assert not _shaped(line, lang)


@given(st.from_regex(r"By [a-z][a-z ]{0,40}", fullmatch=True))
def test_a_label_then_a_lower_case_word_is_no_byline(line: str) -> None:
    assert not _shaped(line)


def test_a_byline_under_the_headline_is_no_deck() -> None:
    text = "\n".join([*MENU, "Harbour bridge to close for a year", "Posted by DT in Local news", *ARTICLE])
    got = kinds_of(text)
    assert got["Harbour bridge to close for a year"] == ("title", "headline")
    assert got["Posted by DT in Local news"] == ("meta", "byline")


def test_a_deck_that_opens_with_a_label_word_stays_a_deck() -> None:
    deck = "Von der Leyen fordert mehr Geld für die Reparatur der alten Brücke"
    text = "\n".join([*MENU, "Die alte Hafenbrücke wird für ein Jahr gesperrt", deck, *ARTICLE])
    assert kinds_of(text, "de")[deck] == ("title", "subheadline")


def test_the_title_part_repeated_nearest_the_article_is_the_headline() -> None:
    """ "Headline | Site Name" where the site's name is longer than the headline: the page shows its name in
    its header and the headline above the article; the headline is the title."""
    site = "Harbour Times and Weekly Bay News"
    head = "Bridge shut over cracks"
    text = "\n".join([f"{head} | {site}", site, *MENU, head, *ARTICLE])
    _segs, info = classify_lines(text, "en")
    assert info["title"] == head


def test_two_short_title_parts_the_page_repeats_above_the_article_tell_the_headline() -> None:
    """ "Paper cuts (3) | notes ad libitum": both parts short; the blog's name in its header, the post's
    title above the post."""
    text = "\n".join(
        ["Paper cuts (3) | notes ad libitum", "notes ad libitum", *MENU, "Paper cuts (3)", *ARTICLE]
    )
    _segs, info = classify_lines(text, "en")
    assert info["title"] == "Paper cuts (3)"


def test_a_page_repeating_one_part_of_its_title_keeps_it_as_the_headline() -> None:
    text = "\n".join(["Bridge shut over cracks | Harbour Times", *MENU, "Bridge shut over cracks", *ARTICLE])
    _segs, info = classify_lines(text, "en")
    assert info["title"] == "Bridge shut over cracks"
    assert info["site_name"] == "Harbour Times"


def _vocabulary(monkeypatch: pytest.MonkeyPatch, wide: int) -> furniture.Vocabulary:
    """A vocabulary of two notices: one of the kind's default limit, one allowed ``wide`` words."""
    notices = [
        furniture.Marker(
            "en", "notice", "cookie or privacy notice", r"we use cookies", 40, hints=("cookies",)
        ),
        furniture.Marker("en", "notice", "promotion", r"subscribe to our paper", wide, hints=("subscribe",)),
    ]
    monkeypatch.setattr(furniture, "markers", lambda lang: notices)
    return furniture.Vocabulary(("en",))


@pytest.mark.parametrize("words", [41, 45, 60, 120])
def test_a_wide_notice_does_not_widen_the_others(monkeypatch: pytest.MonkeyPatch, words: int) -> None:
    """A notice allowed 60 words leads only paragraphs of more; the default one still leads those of 41+."""
    vocab = _vocabulary(monkeypatch, 60)
    assert vocab.notice_led("We use cookies on this site.", 6, words) == "cookie or privacy notice"
    led = vocab.notice_led("Subscribe to our paper today.", 5, words)
    assert led == ("promotion" if words > 60 else None)
    if words <= 60:  # (the paragraph is the wide notice's own line)
        assert vocab.notice("Subscribe to our paper today. " + "word " * (words - 5), words) == "promotion"


@pytest.mark.parametrize("words", [12, 40])
def test_a_notice_leads_no_line_it_may_match_whole(monkeypatch: pytest.MonkeyPatch, words: int) -> None:
    vocab = _vocabulary(monkeypatch, 60)
    assert vocab.notice_led("We use cookies on this site.", 6, words) is None


def test_a_headline_repeated_below_a_long_header_is_found_with_its_deck() -> None:
    """A cookie dialog and a long menu push the headline below the lines usually read for it: it is still
    found above the article's first paragraph, and the deck under it is the article's."""
    head = "Bridge shut over cracks"
    deck = "Engineers found cracks in two girders – repairs may take a year"
    menu = [f"Menu item {i}" for i in range(450)]
    text = "\n".join([f"{head} | Harbour Times", *menu, head, deck, *ARTICLE])
    got = kinds_of(text)
    assert got[head] == ("title", "headline")
    assert got[deck] == ("title", "subheadline")
