"""Raw page text: below the page's end-of-article marker ("Related", "More stories"), a line shaped like a
headline that no paragraph follows is a related story's headline, furniture even though it shares the
article's topic (which keeps it from the topic test below the article's prose). A subheading with the
article going on below it stays, and so does the last line of a post in a thread (a line of text right
above it), and nothing changes on a page with no marker."""

from __future__ import annotations

from line_kinds import kinds_of  # tests/line_kinds.py
from test_ingest_headlines_between_labels import ARTICLE, HEAD

from factcheck import ingest

# other stories on the article's subject, written anew in the shape of the development pages' (a Canadian
# paper's and a tennis site's related links, a Russian radio's)
RELATED = [
    "Council to decide on a new harbour bridge in the spring",
    "Hauliers warn of long detours while the harbour bridge is closed",
]


def _page(marker: str, *tail: str) -> str:
    return "\n\n".join([HEAD, *ARTICLE[:5], marker, *ARTICLE[5:], *tail, "Home", "Contact"])


def test_related_headlines_below_the_marker_are_furniture() -> None:
    kinds = kinds_of(_page("Related", "Share", *RELATED, "Share"))
    assert kinds[RELATED[0]] == ("furniture", ingest.RELATED_BELOW_THE_MARKER)
    assert kinds[RELATED[1]][0] == "furniture"  # (off the article's words enough for the topic test)
    for para in ARTICLE:
        assert kinds[para] == ("body", ""), para


def test_with_no_marker_they_stay() -> None:
    kinds = kinds_of(_page("Share", "Share", *RELATED, "Share"))
    assert kinds[RELATED[0]] == ("body", "")


def test_a_subheading_with_a_paragraph_below_it_stays() -> None:
    sub = "What the closure of the old harbour bridge means for the drivers in town"
    text = "\n\n".join([HEAD, *ARTICLE[:4], "Related", ARTICLE[4], sub, *ARTICLE[5:], "Home", "Contact"])
    assert kinds_of(text)[sub] == ("body", "")


def test_a_line_right_below_a_line_of_text_stays() -> None:
    # (the last line of a reader's post, unclosed, under the post's first line)
    last = "Since the council opened the northern tunnel the buses to the harbour work again"
    post = "I had the same problem with the buses on the harbour bridge detour."
    kinds = kinds_of(_page("Related", "Share", post, last, "Share"))
    assert kinds[last][1] != ingest.RELATED_BELOW_THE_MARKER
