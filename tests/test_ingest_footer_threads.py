"""Raw page text: a readers' comment thread whose posts are signed below their text ("- kat, essex,
12/1/2012 05:07", then rating and report links) is furniture, posts and first post included; the article
above it is kept."""

from __future__ import annotations

from line_kinds import kinds_of  # tests/line_kinds.py

ARTICLE = [
    "Ferry fares across the harbour will rise by five percent in January, the city council said on Monday.",
    "The council said the rise would pay for two new boats, which are due to enter service next summer.",
    "Commuters who buy a yearly pass will pay the old fare until the end of March, a spokesman added.",
    "The operator carried 4.2 million passengers last year, up from 3.9 million the year before.",
]

# (text, footer): footers name posters and places of any length, stamped alike
POSTS = [
    (
        "The boats are always late anyway, so I do not see why we should pay more for the same poor service.",
        "- kat, essex, 12/1/2012 05:07",
    ),
    (
        "Five percent is more than my pay rise this year, and I am sure many commuters feel exactly the same.",
        "- The Harbour Don, Bristol, Avon, 12/1/2012 02:58",
    ),
    (
        "New boats are welcome, but the council should say how much they cost before it asks us to pay for them.",
        "- Emma, London, 11/1/2012 23:54",
    ),
    (
        "I take the ferry every day and the old boats are fine, they only need a new coat of paint and a clean.",
        "- Stu, Laholm, Sweden, 11/1/2012 22:11",
    ),
]


def _page(first_post_heading: bool) -> str:
    lines = ["Ferry fares to rise", *ARTICLE, "Share this article"]
    if first_post_heading:
        lines += ["Newest", "Oldest", "View all"]
    for text, footer in POSTS:
        lines += [text, footer, "Click to rate Rating 3", "Report abuse"]
    return "\n".join([*lines, "Contact us"]) + "\n"


def test_a_thread_signed_below_each_post_is_furniture() -> None:
    k = kinds_of(_page(True))
    assert all(k[p] == ("body", "") for p in ARTICLE)
    for text, _footer in POSTS:
        assert k[text][0] == "furniture", text
    assert k[POSTS[0][0]][1] == "comments or other posts (repeated header lines)"


def test_the_first_posts_text_joins_only_below_a_short_line() -> None:
    # no short line between the article's last paragraph and the first post: the line above the first
    # footer could be the article's own, so it stays; the posts below it are furniture
    k = kinds_of(_page(False).replace("Share this article\n", ""))
    assert all(k[p] == ("body", "") for p in ARTICLE)
    assert k[POSTS[0][0]] == ("body", "")
    for text, _footer in POSTS[1:]:
        assert k[text][0] == "furniture", text
