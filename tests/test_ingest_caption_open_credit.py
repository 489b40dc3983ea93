"""A caption whose credit the page's markup set on lines of its own: the caption's text ends by opening the
credit's parenthesis ("Southport locals mourn the victims at a pink-themed vigil (") and the credit follows
("Image:", "Getty Images)"). No paragraph of an article ends by opening a parenthesis, so the line is the
photo's caption; a line ending in "(" with no credit below it stays what it was."""

from __future__ import annotations

import pytest
from line_kinds import ARTICLE, kinds_of  # tests/line_kinds.py

# the shape of the Mirror's captions (fundus's pages, half A; two pages, 2024-04-28 and 2024-08-05)
CAPTIONS = [
    ("Southport locals mourn the victims at a pink-themed vigil (", ["Image:", "Getty Images)"]),
    ("Locals clean up a street in Walton, Liverpool (", ["Image:", "Liverpool Echo)"]),
    (
        "Here are some of the best houseplants to eliminate odours in your home (stock image) (",
        ["Image: Getty Images/Cultura RF)"],
    ),
]


def _page(line: str, credit: list[str]) -> str:
    return (
        "\n".join(["Harbour Times", "Bridge closed to trucks", *ARTICLE[:2], line, *credit, ARTICLE[2]])
        + "\n"
    )


@pytest.mark.parametrize(("caption", "credit"), CAPTIONS)
def test_a_caption_open_before_its_credit_is_furniture(caption: str, credit: list[str]) -> None:
    got = kinds_of(_page(caption, credit))
    assert got[caption] == ("furniture", "photo caption")
    assert all(got[p] == ("body", "") for p in ARTICLE)


def test_an_open_parenthesis_with_no_credit_below_stays_body() -> None:
    line = "The council listed three reasons for the closure, the first of which was the cost of repairs ("
    got = kinds_of(_page(line, ["estimated at two million pounds) and the second the risk to drivers."]))
    assert got[line] == ("body", "")
    assert all(got[p] == ("body", "") for p in ARTICLE)
