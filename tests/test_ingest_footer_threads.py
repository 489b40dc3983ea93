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
    assert k[POSTS[0][0]] == ("furniture", "readers' comments")


def test_the_first_posts_text_joins_only_below_a_short_line() -> None:
    # no short line between the article's last paragraph and the first post: the line above the first
    # footer could be the article's own, so it stays; the posts below it are furniture
    k = kinds_of(_page(False).replace("Share this article\n", ""))
    assert all(k[p] == ("body", "") for p in ARTICLE)
    assert k[POSTS[0][0]] == ("body", "")
    for text, _footer in POSTS[1:]:
        assert k[text][0] == "furniture", text


# posts under their posters' names alone, no stamp, below the comment section's heading: more of the readers'
# prose than of the article's (a count alone then ends nothing)
NAMED = [
    (
        "g4",
        [
            "The rise is smaller than the one last year, so I really do not see what all the fuss is about here.",
            "Most of us will pay a few cents more a week, which is less than a coffee at the terminal costs us.",
        ],
    ),
    (
        "Lindsay Gray",
        [
            "I take the ferry every day.",
            "The old boats are fine and only need a new coat of paint and a good clean before the summer comes.",
        ],
    ),
    (
        "MJ, ON",
        [
            "Five percent is more than my own pay rise this year, and I know that I am not alone in that at all.",
            "The council should look at its own spending first before it asks the commuters to pay for its plans.",
        ],
    ),
    (
        "Steve",
        [
            "New boats are welcome, but the council should say what they will cost before it asks us to pay.",
            "Two boats for a harbour of this size seems a lot, and nobody has asked the people who ride them daily.",
        ],
    ),
]


def _named_page(heading: str) -> str:
    lines = ["Ferry fares to rise", *ARTICLE, heading]
    for name, text in NAMED:
        lines += [name, *text]
    return "\n".join([*lines, "Contact us"]) + "\n"


def test_posts_under_names_below_a_comment_count_are_readers_comments() -> None:
    for heading in ("| 13 Comment(s)", "Comments are now closed for this story"):
        k = kinds_of(_named_page(heading))
        assert all(k[p] == ("body", "") for p in ARTICLE)
        for _name, text in NAMED:
            assert all(k[t] == ("furniture", "readers' comments") for t in text), (heading, text)


def test_short_lines_over_text_with_no_comment_heading_stay_the_article() -> None:
    # the same run under a heading that opens no comment section: an article's sections under short titles
    k = kinds_of(_named_page("What happens next"))
    for _name, text in NAMED:
        assert all(k[t][1] != "readers' comments" for t in text)


def test_a_forums_stamped_replies_are_no_posts_under_names() -> None:
    # a forum's replies are stamped as its opening post is: the page's text, as before
    page = (
        _named_page("Comments")
        .replace("g4\n", "th3Chris 28.09.19 13:39\n")
        .replace("Lindsay Gray\n", "maculi 28.09.19 13:55\n")
    )
    k = kinds_of(page)
    assert all(k[t][1] != "readers' comments" for t in NAMED[0][1] + NAMED[1][1])


LONG_POST = [  # a reader's post of more lines than NAMED_POST_LINES, once the thread holds three posts
    "The question is why this city pays more for its ferries than any other city of the same size.",
    "Could it be the contract the council signed with the operator ten years ago without a tender?",
    "Who is looking into this question?",
    "There are no other operators on the harbour, so the council cannot compare the prices it pays.",
    "It is a myth that new boats cost less to run than the old ones, which have paid for themselves.",
    "There are thousands of commuters who will pay the rise and never see a single one of the boats.",
    "There is not one council member who takes the ferry to work, as far as I know from my own rides.",
    "The fares are set in private, and the minutes of those meetings are never published for us.",
    "For more information, ask the council for the contract, as I did last year with no answer at all.",
    "The answer is simple.",
]


def test_a_long_post_goes_on_with_a_thread_already_found() -> None:
    page = _named_page("| 13 Comment(s)").replace(
        "Contact us\n", "\n".join(["Kootenay Fred", *LONG_POST, "Contact us"]) + "\n"
    )
    k = kinds_of(page)
    assert all(k[p] == ("body", "") for p in ARTICLE)
    assert all(k[t] == ("furniture", "readers' comments") for t in LONG_POST), [k[t] for t in LONG_POST]


def test_a_long_text_under_the_first_name_is_no_thread() -> None:
    # a long text right under the heading's first name line: no thread found yet, the run ends before it
    lines = ["Ferry fares to rise", *ARTICLE, "| 13 Comment(s)", "Kootenay Fred", *LONG_POST]
    for name, text in NAMED:
        lines += [name, *text]
    k = kinds_of("\n".join([*lines, "Contact us"]) + "\n")
    assert all(k[t][1] != "readers' comments" for t in LONG_POST)
