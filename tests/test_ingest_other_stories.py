"""Raw page text: long paragraphs below the article that are not the article (cards of other stories, a
comment thread under its count)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from line_kinds import kinds_of  # tests/line_kinds.py

ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month, "
    "after a long debate that went on until late in the evening.",
    "Engineers found cracks in two of its steel supports, the mayor told reporters at a news conference "
    "held in the town hall on Wednesday morning.",
    "Buses will be rerouted through the northern tunnel while the repairs last, the transport office said "
    "in a statement published on its website.",
    "Shop owners near the bridge said they feared losing customers and asked the council for a "
    "compensation scheme to cover the months of work.",
    "The repairs are expected to cost about four million euros and to take at least eight months, "
    "according to the city's own estimate.",
]

# cards of other stories: a section label, a headline, one short summary each (more of them than the article has
# paragraphs: a list the teaser rules leave, as they keep a run with more prose after it than before it)
CARDS = [
    (
        "Wine growers expect a record harvest",
        "Growers in the south of the region said the warm and dry summer "
        "had given them the best grapes in twenty years.",
    ),
    (
        "New cycle path opens along the river",
        "The path links three villages with the city centre and was built "
        "in less than a year with money from the regional budget.",
    ),
    (
        "Museum shows forgotten paintings",
        "Forty works by local artists of the last century are on show for the "
        "first time since the museum's storage rooms were sorted.",
    ),
    (
        "School choir wins national contest",
        "The choir of the town's music school beat twenty other choirs in the "
        "final round held in the capital on Saturday evening.",
    ),
    (
        "Ferry timetable changes in spring",
        "Ferries to the islands will leave every forty minutes from April, the shipping company said in a "
        "letter to its season ticket holders.",
    ),
    (
        "Old cinema to reopen after ten years",
        "A group of volunteers bought the building last winter and has spent every weekend since then "
        "repairing its roof and its seats.",
    ),
    (
        "Library extends its opening hours",
        "Students asked for longer hours during the exam weeks, and the library will now stay open until "
        "midnight from Monday to Thursday.",
    ),
]


def _page(cards: list[tuple[str, str]], label: str | None) -> str:
    lines = ["Harbour Times", "Bridge closed to trucks", *ARTICLE, "Share", "Print", "More news"]
    for head, summary in cards:
        lines += [label, head, summary] if label else [head, summary]
    return "\n".join([*lines, "Imprint", "Contact"]) + "\n"


def test_cards_marked_alike_below_the_article_are_other_stories() -> None:
    # each card: a stamp of one wording but for its figures ("Today, 9:10"), a headline, a short summary
    lines = _page([], None).splitlines()[:-2]  # (the page without its footer)
    for i, (head, summary) in enumerate(CARDS):
        lines += [f"Today, {9 + i}:{10 * i:02d}", head, summary]
    k = kinds_of("\n".join([*lines, "Imprint", "Contact"]) + "\n")
    for _head, summary in CARDS:
        assert k[summary][0] == "furniture"
    assert ("furniture", "card of another story") in k.values()
    for line in ARTICLE:
        assert k[line] == ("body", "")


def test_unmarked_subsections_below_the_article_stay_text() -> None:
    # headline over one paragraph, but no label or stamp repeated: an article's own subsections may look so
    k = kinds_of(_page(CARDS, None))
    for _head, summary in CARDS:
        assert k[summary][1] != "card of another story"


def test_a_gallery_with_a_credit_under_each_slide_is_no_list_of_cards() -> None:
    lines = ["Harbour Times", "Bridge closed to trucks", *ARTICLE, "Share"]
    for i, (head, summary) in enumerate(CARDS):
        lines += [f"{i + 1}/4 photos © Shutterstock", head, summary]
    k = kinds_of("\n".join([*lines, "Imprint"]) + "\n")
    for _head, summary in CARDS:
        assert k[summary][1] != "card of another story"


def test_a_numbered_list_is_no_list_of_cards() -> None:
    lines = ["Harbour Times", "Bridge closed to trucks", *ARTICLE, "References"]
    for i, (head, summary) in enumerate(CARDS):
        lines += [f"{i + 1}.", head, summary]
    k = kinds_of("\n".join([*lines, "Imprint"]) + "\n")
    for _head, summary in CARDS:
        assert k[summary][1] != "card of another story"


COMMENTS = [
    "I drive over this bridge every day and I have seen the cracks myself for at least two years now, "
    "so it is about time.",
    "Four million euros is a lot of money for a bridge that nobody but trucks really needs, in my view, "
    "and the tunnel is too small.",
    "The shop owners should be helped, they did nothing wrong and will lose a lot of their customers over "
    "the coming months of work.",
]


def _thread(count: str) -> str:
    lines = ["Harbour Times", "Bridge closed to trucks", *ARTICLE, count]
    for name, post in zip(("Anna", "Bob", "Chris"), COMMENTS, strict=True):
        lines += [name, post]
    return "\n".join(lines) + "\n"


def test_readers_posts_under_a_count_of_comments_are_no_part_of_the_article() -> None:
    for count in ("3 Comments", "3 responses to “Bridge closed to trucks”", "One Comment"):
        k = kinds_of(_thread(count))
        for post in COMMENTS:
            assert k[post][0] == "furniture", (count, post)
        for line in ARTICLE:
            assert k[line] == ("body", "")


def test_a_count_of_comments_in_other_languages() -> None:
    de = _thread("6 Kommentare zu „Brücke für Lastwagen gesperrt“")
    k = kinds_of(de, "de")
    assert all(k[post][0] == "furniture" for post in COMMENTS)
    fr = _thread("3 réponses à « Le pont fermé »")
    k = kinds_of(fr, "fr")
    assert all(k[post][0] == "furniture" for post in COMMENTS)


def test_a_count_of_comments_above_the_article_ends_nothing() -> None:
    # a byline bar's count ("3 Comments") above the article's paragraphs
    text = (
        "\n".join(["Harbour Times", "Bridge closed to trucks", "By Jane Doe", "3 Comments", *ARTICLE]) + "\n"
    )
    k = kinds_of(text)
    for line in ARTICLE:
        assert k[line] == ("body", "")


def test_a_count_before_more_text_than_the_article_ends_nothing() -> None:
    # an inline box's count after the lede: more of the article's prose follows it than precedes it
    more = [
        "The council will vote again in June on a plan to build a second bridge further north, which the "
        "opposition has opposed for years.",
        "Until then, trucks heavier than seven tonnes will have to take the ring road, adding about twenty "
        "minutes to a crossing of the city.",
    ]
    lines = ["Harbour Times", "Bridge closed to trucks", *ARTICLE[:3], "12 comments", *ARTICLE[3:], *more]
    k = kinds_of("\n".join(lines) + "\n")
    for line in [*ARTICLE, *more]:
        assert k[line] == ("body", "")


NUMBER = st.integers(min_value=0, max_value=99999)


@settings(max_examples=60, deadline=None)
@given(NUMBER, st.sampled_from(["comments", "Comments", "responses", "thoughts", "replies"]))
def test_any_count_of_comments_below_the_article_ends_it(n: int, word: str) -> None:
    k = kinds_of(_thread(f"{n} {word}"))
    assert all(k[post][0] == "furniture" for post in COMMENTS)
    assert all(k[line] == ("body", "") for line in ARTICLE)
