"""Raw page text: the article's own paragraphs that page-shape rules must not take (a forum's replies are
its text; an author's box inside an article does not end it)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from line_kinds import kinds_of  # tests/line_kinds.py

from factcheck import ingest

QUESTION = [
    "Since the update to version 13 my phone no longer opens the app store over mobile data at all.",
    "Over the home network everything works, but on the train it shows an error every single time.",
    "I did not change any setting myself, and the data plan still has plenty of volume left this month.",
]

# replies of a forum thread: (poster and stamp, its paragraphs); the second one ends with a line without a full
# stop, as a post header's headline would
REPLIES = [
    (
        "maculi 28.09.19 13:55",
        [
            "Was there not a case like this in the forum a few weeks ago? It was the network then, not the phone.",
            "Try to switch the fast network off for a day and tell us whether the store opens again after that.",
        ],
    ),
    (
        "Arapahoe 29.09.19 11:20",
        [
            "Same problem here on two phones, and I have already reset the network settings on both of them twice.",
            "Switching off the fast network did not help at all either",
        ],
    ),
    (
        "barabas 29.09.19 11:37",
        [
            "It seems to happen mostly in the morning hours, and it goes away by the evening on most days here.",
            "A second try always works for me, so it may well be the servers of the store and not our phones.",
        ],
    ),
    (
        "Gregcheck 30.09.19 10:35",
        [
            "Which network are you on? It works fine for me and for everyone I asked in the office today.",
            "If it is one network only, the provider should hear about it, so please tell us which one it is.",
        ],
    ),
]


def _thread(replies: list[tuple[str, list[str]]]) -> str:
    lines = [
        "Forum > Phones > No app store over mobile data",
        "No app store over mobile data",
        "mike 28.09.19 12:44",
    ]
    lines += QUESTION
    for head, paragraphs in replies:
        lines += ["Helpful? 0", head, *paragraphs]
    return "\n".join([*lines, "Imprint", "Contact"]) + "\n"


def test_a_forums_replies_are_its_text() -> None:
    k = kinds_of(_thread(REPLIES))
    for _head, paragraphs in REPLIES:
        assert all(k[t] == ("body", "") for t in paragraphs if t.endswith("."))
    assert ("furniture", "another article") not in k.values()


def test_a_post_header_with_no_stamped_reply_above_still_opens_another_post() -> None:
    # the same page without the replies' stamps above: a headline, its date and text below the article is
    # another post (a blog's front page), as before
    text = "\n".join(
        [
            "No app store over mobile data",
            "28 September 2019",
            *QUESTION,
            "Leave a comment",
            "Ferry fares to rise by five percent in January",
            "12 November 2018",
            "Ferry fares will rise by five percent in January, the operator said on Sunday after a year of losses.",
        ]
    )
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in QUESTION)
    assert k[
        "Ferry fares will rise by five percent in January, the operator said on Sunday after a year of losses."
    ] == (
        "furniture",
        "another article",
    )


@settings(max_examples=30, deadline=None)
@given(st.permutations(REPLIES), st.integers(min_value=2, max_value=4))
def test_no_reply_of_a_thread_is_another_article(replies: list[tuple[str, list[str]]], n: int) -> None:
    k = kinds_of(_thread(list(replies)[:n]))
    assert ("furniture", "another article") not in k.values()
    assert all(k[t] == ("body", "") for t in QUESTION)


ARTICLE = [
    "Leasing a car has become popular with private customers as well, and dealers now offer many new models.",
    "A leasing contract fixes the monthly rate for three or four years, so the costs are easy to plan ahead.",
    "At the end the car goes back to the dealer, who checks it for damage beyond normal wear and tear.",
]
MORE = [
    "Business customers can set the monthly rates off against their taxes in full as operating costs, which "
    "lowers the tax burden of the company and keeps its capital free for other investments.",
    "Private customers value the fixed rates above all, and the lower monthly costs compared with a loan make "
    "leasing worth a look for people who change their car every few years anyway.",
]


def test_an_experts_box_inside_the_article_does_not_end_it() -> None:
    text = "\n".join(
        [
            "How to lease a car",
            *ARTICLE,
            "About the author",
            "Jane Doe founded an online market for car leasing ten years ago.",
            "Leasing",
            *MORE,
            "Related",
            "Ten cars for families",
            "Imprint",
        ]
    )
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in [*ARTICLE, *MORE])


def test_an_author_box_at_the_end_still_ends_the_article() -> None:
    bio = (
        "Jane Doe founded an online market for car leasing ten years ago and writes about cars for this site."
    )
    text = "\n".join(
        ["How to lease a car", *ARTICLE, *MORE, "About the author", bio, "Share", "Print", "Imprint"]
    )
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in [*ARTICLE, *MORE])
    assert k[bio][0] == "furniture"


SECTIONS = [
    (
        "Architecture and art: the castle of La Coste",
        "We found the castle by chance a few days before we left, and it was the best trip of the whole "
        "holiday: a wine estate with a park full of sculptures by famous artists and a view over the valley.",
    ),
    (
        "Avignon: the perfect place for coffee",
        "Avignon is the town where I went to school for a year, and every time I come back I sit in the same "
        "small cafe on the market square and watch the people go by for an hour or two.",
    ),
    (
        "Provence: a heaven for interiors",
        "Who would have thought it, but the south of France turns out to be a real highlight for anyone who "
        "loves old furniture, with a flea market in every village on the weekend.",
    ),
    (
        "Gordes: brunch in the old village",
        "My first flight ever was the one to my school exchange in France, and I still remember the view of "
        "Gordes from the bus as one of the moments of that year I will never forget.",
    ),
]


def test_embedded_posts_between_the_sections_make_no_gallery() -> None:
    # each section shows an embedded post, whose label repeats ("View this post on Instagram"): that label is
    # an embed's, no gallery's title, and the sections' paragraphs are the article
    lines = ["Five days in Provence", *ARTICLE]
    for head, paragraph in SECTIONS:
        lines += [
            head,
            "View this post on Instagram",
            f"A post shared by {head.split(':')[0]} (@provence)",
            paragraph,
        ]
    k = kinds_of("\n".join([*lines, "Imprint", "Contact"]) + "\n")
    assert all(k[paragraph] == ("body", "") for _head, paragraph in SECTIONS)


def test_a_line_taken_for_chrome_is_no_gallerys_title() -> None:
    # the same rows make a gallery when the repeated line is body (its title), and none when the rules above
    # took it for a marker's line (an embedded post's label)
    title = "Racist, ruthless, cruel: Germany's colonial history"
    rows = [
        title,
        "Slide one",
        "A caption of the first slide",
        title,
        "Slide two",
        "A caption",
        title,
        "Slide three",
    ]
    lines = ingest._lines("\n".join(rows))
    kinds = [("body", "")] * len(lines)
    ingest._galleries(lines, kinds, 0)
    assert kinds[1] == ("furniture", "gallery or story list")
    kinds = [("furniture", "embedded post") if t == title else ("body", "") for t in rows]
    ingest._galleries(lines, kinds, 0)
    assert ("furniture", "gallery or story list") not in kinds


def test_an_author_box_with_the_name_over_the_bio_and_metadata_below_ends_the_article() -> None:
    # the box's name line, then its bio, then the post's metadata and tags: no paragraph of the article resumes
    # right under the bio, so the box ends the article (a longer text further down is no evidence)
    bio = "Jane Doe writes about digital rights, data protection and the courts, and has worked for this site since 2016."
    later = (
        "Readers who want to know more about leasing can find a long guide with examples and a calculator "
        "in the section for consumers of this site."
    )
    text = "\n".join(
        [
            "How to lease a car",
            *ARTICLE,
            *MORE,
            "About the author",
            "Jane Doe",
            bio,
            "Published 23.06.2016",
            "Tags",
            later,
        ]
    )
    k = kinds_of(text)
    assert all(k[t] == ("body", "") for t in [*ARTICLE, *MORE])
    assert k[bio][0] == "furniture"
