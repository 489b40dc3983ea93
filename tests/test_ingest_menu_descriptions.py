"""Raw page text: a site's menu that gives each link a line describing it ("Blog" / "Explore tips, best
practices and guidance from our editors" / "Case studies" / ...) is furniture, label and description alike,
when it stands above the article's first paragraph below some sentence of the page's header (a promotion)
that already opened the body. Each description sits between two labels of MENU_LABEL_WORDS words or fewer;
a longer line around it (the headline above its deck, a song's line above its translation) keeps it."""

from __future__ import annotations

from line_kinds import ARTICLE, kinds_of  # tests/line_kinds.py

PROMO = "Get a full view of every customer with our new global partnership."
# a menu written anew in the shape of the development pages' (a software company's and a conference's)
MENU = [
    "Blog",
    "Explore tips, best practices and strategic guidance from our editors",
    "Case studies",
    "Discover the results our customers got by working with our team",
    "Webinars",
    "Learn how to improve your marketing efforts on demand with experts",
    "Events",
    "Meet our team in person at meetups and conferences around the world",
    "Log in",
]
DESCRIPTIONS = MENU[1:-1:2]
HEAD = "Harbour bridge closed to heavy traffic"


def _page(*header: str, head: str = HEAD) -> str:
    top = ["Harbour bridge closed | Harbour Times", PROMO, *header]
    return "\n\n".join([*top, head, *ARTICLE, "Home", "Contact"] if head else [*top, *ARTICLE])


def test_a_menus_descriptions_between_its_labels_are_furniture() -> None:
    kinds = kinds_of(_page(*MENU))
    for line in DESCRIPTIONS:
        assert kinds[line] == ("furniture", "fragment between furniture"), line
    for para in ARTICLE:
        assert kinds[para] == ("body", ""), para


def test_a_deck_under_a_longer_headline_stays() -> None:
    deck = "The old bridge will stay closed to lorries for at least eight months"
    kinds = kinds_of(_page("Blog", "Bridge closed to lorries for repairs", deck, "Jane Doe", head=""))
    assert kinds[deck][0] != "furniture"


def test_a_line_between_longer_lines_stays() -> None:
    # (a song's transliterated line between its original lines: not a menu's labels)
    line = "Ai shi qu de ai tao bu hui lai"
    kinds = kinds_of(_page("Lyrics", "爱 逝去的爱 讨不回来", line, "我还有话想对你说", "Jane Doe", head=""))
    assert kinds[line][0] != "furniture"


def test_below_the_first_paragraph_the_rule_does_not_apply() -> None:
    text = "\n\n".join([HEAD, *ARTICLE[:2], "Blog", DESCRIPTIONS[0], "Events", ARTICLE[2]])
    kinds = kinds_of(text)
    # (not this rule's reason; a line of no word of the article's, between two short lines inside its prose,
    # is a headline off its subject: ``_lone_headlines_of_other_stories``)
    assert kinds[DESCRIPTIONS[0]] != ("furniture", "fragment between furniture")
    for para in ARTICLE:
        assert kinds[para] == ("body", ""), para
