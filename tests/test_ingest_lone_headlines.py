"""Raw page text: a line between the article's paragraphs that reads as a headline and shares not one word
with the article's title and paragraphs is another story's headline (a link with no label); an article's
own subheading shares its words, and one that does not heads a section: a paragraph right above it and
right below it, a shape that is never taken."""

from __future__ import annotations

from line_kinds import kinds_of  # tests/line_kinds.py

from factcheck.ingest import LONE_HEADLINE

TITLE = "Supreme Court upholds birthright citizenship, rejecting the president's limits"
PARAGRAPHS = [
    "The Supreme Court on Friday upheld birthright citizenship, rejecting the president's proposed limits "
    "in a ruling that several justices said settled a question of constitutional law.",
    "During arguments in April, both conservative and liberal justices questioned the order's legality in "
    "a momentous case that was magnified by the president's presence in the courtroom.",
    "More than 250,000 babies born in the country each year would have been affected by the executive "
    "order, according to research by an institute that studies migration policy.",
    "The administration had argued that the common view of citizenship is wrong, asserting that children "
    "of noncitizens are not subject to the jurisdiction of the country.",
]
TEASER_EN = "Sydney council ditches controversial beach parking meter plan"  # (Nine News)

TITLE_DE = "Niederländisches Gericht stoppt übereifrigen Samenspender"
PARAGRAPHS_DE = [
    "Nach der Zeugung von mindestens 550 Kindern hat ein niederländisches Gericht einen übereifrigen "
    "Samenspender gestoppt, der sein Sperma an viele Kliniken gegeben hatte.",
    "Der Mann hatte sein Sperma an mindestens zwölf Kliniken und über Internet-Plattformen auch privat an "
    "hunderte Paare gespendet, wie das Gericht in Den Haag feststellte.",
    "Dem Urteil zufolge ist der Mann Vater von allein hundert Kindern, die in niederländischen Kliniken "
    "gezeugt wurden, und die Eltern seien getäuscht worden.",
]
TEASER_DE = "Bahn: In diesen 20 Großstädten soll der ICE bald im Halbstundentakt fahren"  # (Berliner Zeitung)


def test_another_storys_headline_between_the_paragraphs_is_furniture() -> None:
    text = "\n\n".join([TITLE, *PARAGRAPHS[:2], "Advertisement", "Read more", TEASER_EN, *PARAGRAPHS[2:]])
    kinds = kinds_of(text, "en")
    assert kinds[TEASER_EN] == ("furniture", LONE_HEADLINE)
    for para in PARAGRAPHS:
        assert kinds[para] == ("body", "")


def test_german_page() -> None:
    text = "\n\n".join([TITLE_DE, *PARAGRAPHS_DE[:2], TEASER_DE, "News", "vor 1 Std.", *PARAGRAPHS_DE[2:]])
    kinds = kinds_of(text, "de")
    assert kinds[TEASER_DE] == ("furniture", LONE_HEADLINE)
    for para in PARAGRAPHS_DE:
        assert kinds[para] == ("body", "")


def test_a_subheading_on_the_articles_subject_stays() -> None:
    subheading = "What the ruling means for the children of noncitizens"
    text = "\n\n".join([TITLE, *PARAGRAPHS[:2], "Advertisement", subheading, *PARAGRAPHS[2:]])
    assert kinds_of(text, "en")[subheading] == ("body", "")


def test_a_section_heading_in_other_words_stays() -> None:
    # (a subheaded article may have a section headed in other words than its own: between two paragraphs)
    own = "What the ruling means for the children of noncitizens"
    other_words = "An indispensable resource for a whole local economy"
    text = "\n\n".join([TITLE, PARAGRAPHS[0], own, PARAGRAPHS[1], other_words, *PARAGRAPHS[2:]])
    kinds = kinds_of(text, "en")
    assert kinds[own] == ("body", "")
    assert kinds[other_words] == ("body", "")


def test_a_list_item_and_a_question_stay() -> None:
    item = "2. Moisturiser especially after the skin has been dried out by the sun"
    question = "Who pays for the new beach parking meters in Sydney?"
    text = "\n\n".join(
        [
            TITLE,
            PARAGRAPHS[0],
            "Advertisement",
            item,
            PARAGRAPHS[1],
            "Advertisement",
            question,
            *PARAGRAPHS[2:],
        ]
    )
    kinds = kinds_of(text, "en")
    assert kinds[item] == ("body", "")
    assert kinds[question] == ("body", "")


def test_a_headline_outside_the_prose_is_not_this_rules() -> None:
    # (below the article's last paragraph: the rules of what follows the article decide)
    text = "\n\n".join([TITLE, *PARAGRAPHS, TEASER_EN])
    assert kinds_of(text, "en")[TEASER_EN] != ("furniture", LONE_HEADLINE)


def test_an_embedded_post_between_the_paragraphs_stays() -> None:
    # (a post quoted in the page: a sentence, then its link and its author's line; the rule took it for a
    # headline, as it holds none of the article's words and does not end with a stop)
    post = "Thousands of voters will go to the polls today in Michigan to choose a nominee. pic.twitter.com/abc123"
    text = "\n\n".join(
        [TITLE, *PARAGRAPHS[:2], post + "\n— Jane Doe (@janedoe) March 8, 2016", *PARAGRAPHS[2:]]
    )
    assert kinds_of(text, "en")[post] == ("body", "")
