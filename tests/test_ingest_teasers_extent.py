"""Raw page text: the page's header under its <title> line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from line_kinds import kinds_of  # tests/line_kinds.py

from factcheck.ingest import classify_lines

ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month.",
    "Engineers found cracks in two of its steel supports, the mayor told reporters at a news conference.",
    "Buses will be rerouted through the northern tunnel while the repairs last, the transport office said.",
    "Shop owners near the bridge said they feared losing customers and asked for a compensation scheme.",
]


def test_a_line_under_the_pages_title_line_is_the_pages_header_not_a_deck() -> None:
    # the page does not repeat its <title>'s headline: the slogan under it is the site's
    slogan = "The latest news and insights from the harbour district"
    text = "\n".join(["Bridge closed to trucks | Harbour Times", slogan, *ARTICLE]) + "\n"
    segs, info = classify_lines(text, "en")
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert info["title"] == "Bridge closed to trucks"
    assert k[slogan][0] == "furniture"
    for line in ARTICLE:
        assert k[line] == ("body", "")


def test_a_deck_under_the_headline_the_page_repeats_stays_a_deck() -> None:
    deck = "Cracks in two steel supports force the city to act"
    text = "\n".join(
        ["Bridge closed to trucks | Harbour Times", "Menu", "Bridge closed to trucks", deck, *ARTICLE]
    )
    k = kinds_of(text + "\n")
    assert k["Bridge closed to trucks"] == ("title", "headline")
    assert k[deck] == ("title", "subheadline")


def test_a_deck_under_a_plain_texts_first_line_stays_a_deck() -> None:
    # a text file's first line is its headline, not a page's <title> line: the line under it is its deck
    deck = "Cracks in two steel supports force the city to act"
    k = kinds_of("\n".join(["Bridge closed to trucks", deck, *ARTICLE]) + "\n")
    assert k[deck] == ("title", "subheadline")


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöéñ", min_size=2, max_size=9)


@settings(max_examples=100, deadline=None)
@given(st.lists(WORD, min_size=3, max_size=12), st.booleans())
def test_no_line_under_an_unrepeated_page_title_is_a_deck(words: list[str], capital: bool) -> None:
    # whatever the line under a page's own <title> line says, it is no deck of that title
    line = " ".join(words)
    line = line[:1].upper() + line[1:] if capital else line
    text = "\n".join(["Bridge closed to trucks | Harbour Times", line, *ARTICLE]) + "\n"
    segs, _info = classify_lines(text, "en")
    assert all(s.reason != "subheadline" for s in segs)
