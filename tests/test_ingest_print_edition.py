"""Raw page text: the note of the print edition's page an online article also ran on ("A version of this
article appeared in print on ..., on page A15 of the New York edition", "... A version appeared on p17 of the
Main section section of the Guardian ...") is furniture ("originally appeared"), in a line of up to 40
words or a longer paragraph it opens; a line that only dates the page twice stays an update stamp."""

from __future__ import annotations

import pytest
from line_kinds import ARTICLE, kinds_of  # tests/line_kinds.py


@pytest.mark.parametrize(
    "note",
    [
        "A version of this article appeared in print on January 12, 2012, on page A15 of the New York edition "
        "with the headline: Bridge Closed to Heavy Traffic After Cracks Are Found.",
        "This article was published on guardian.co.uk at 18.29 GMT on Wednesday 14 December 2011. A version "
        "appeared on p17 of the Main section section of the Guardian on Thursday 15 December 2011.",
    ],
)
def test_the_print_edition_note_below_the_article_is_furniture(note: str) -> None:
    text = "\n".join(["Bridge closed to trucks", *ARTICLE, note, "Share", "Contact"]) + "\n"
    got = kinds_of(text)
    assert got[note] == ("furniture", "originally appeared")
    assert all(got[p] == ("body", "") for p in ARTICLE)


def test_a_version_of_something_else_in_the_article_stays() -> None:
    line = (
        "A version of the bill appeared in the Senate last year, and a second version appeared on page 4 of "
        "the council's own report, the senator said."
    )
    text = "\n".join(["Bridge closed to trucks", *ARTICLE[:2], line, ARTICLE[2]]) + "\n"
    assert kinds_of(text)[line] == ("body", "")
