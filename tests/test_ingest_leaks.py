"""Raw page text: teaser cards copied without their full stops, and headlines opening with a name like iPhone."""

from __future__ import annotations

import pytest
from line_kinds import kinds_of  # tests/line_kinds.py

from factcheck.ingest import _opens_like_a_headline

ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month.",
    "Engineers found cracks in two of its steel supports, the mayor told reporters at a news conference.",
    "Buses will be rerouted through the northern tunnel while the repairs last, the transport office said.",
    "Shop owners near the bridge said they feared losing customers and asked for a compensation scheme.",
]
# other stories' cards (a headline and its summary), as a copied page gives them: no full stops
CARDS = [
    "Who is the new coach of the national rowing team",
    "The former Olympic champion takes over a squad that finished last at the world cup in Poznan in August and "
    "has six months to prepare it",
    "Farmers protest against the new water tariffs in the south",
    "Hundreds of tractors blocked the motorway near Seville for three hours on Monday morning while their "
    "drivers handed out leaflets to the waiting motorists",
    "Museum returns stolen painting to a family in Vienna",
    "The portrait disappeared in 1938 and turned up at an auction in London last spring where a curator "
    "recognised it from an old catalogue",
]


def test_cards_of_other_stories_copied_without_full_stops_are_a_list_of_other_stories() -> None:
    text = "\n".join(["Bridge closed to trucks", *ARTICLE, "Panorama", *CARDS]) + "\n"
    k = kinds_of(text)
    for line in ARTICLE:
        assert k[line] == ("body", "")
    for line in CARDS:
        assert k[line][0] == "furniture", line
    assert k[CARDS[1]] == ("furniture", "list of other stories")


def test_a_summary_without_its_stop_is_longer_than_a_headline() -> None:
    """Two headlines in a row (the second no longer than headlines are) are no headline and summary: a
    subheaded article whose sections follow stays the article's."""
    sections = [
        "How the repairs will work",
        "The engineers will replace the two cracked supports first, then check the remaining sixteen one by one "
        "over the winter months.",
        "What changes for the buses",
        "The buses will use the northern tunnel, which adds about ten minutes to the trip into the centre of the "
        "city during the morning rush.",
        "Who pays for the work and when it ends",
        "Why the shop owners want help",
    ]
    text = "\n".join(["Bridge closed to trucks", *ARTICLE, *sections]) + "\n"
    k = kinds_of(text)
    assert k[sections[1]] == ("body", "")
    assert k[sections[3]] == ("body", "")


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("iPhone 13: Which model should you buy?", True),
        ("eBay sells its classifieds business", True),
        ("Über den Wolken", True),
        ("and then the story goes on", False),
        ("über uns", False),
    ],
)
def test_a_headline_may_open_with_a_name_written_with_a_capital_inside(line: str, headline: bool) -> None:
    assert _opens_like_a_headline(line) is headline


def test_cards_whose_headlines_open_with_such_a_name_are_a_list_of_other_stories() -> None:
    cards = [
        "iPad Air 4 in the test: almost a Pro",
        "The iPad Air goes into its fourth generation. Can it keep up with the more expensive Pro models?",
        "iPhone 13: which model should you buy?",
        "The mini, the standard model, the Pro or the Pro Max: we compared all four and list their prices.",
        "iOS 16: what the new version brings",
        "Apple's new system brings a new lock screen and better notifications. Here is what changes for you.",
    ]
    text = "\n".join(["Bridge closed to trucks", *ARTICLE, "Technik", *cards]) + "\n"
    k = kinds_of(text)
    for line in cards:
        assert k[line] == ("furniture", "list of other stories"), line


def test_a_long_paragraph_that_lost_its_last_stop_is_no_card_summary() -> None:
    """A tip list whose paragraphs lost their stops (40 words each) is the article's: a card's summary without
    its stop is short."""
    tip = (
        "Studies show that long periods of sitting down increase the risk of serious diseases by a good deal. "
        "Make sure you get up and walk around the office every hour, even if only to fetch a glass of water "
        "from the kitchen</p>"
    )
    tips = ["Leave your desk", tip, "Stretch it out", tip.replace("Studies", "Doctors"), "Take the stairs"]
    tips.append(tip.replace("Studies", "Trials"))
    text = "\n".join(["Bridge closed to trucks", *ARTICLE, *tips]) + "\n"
    k = kinds_of(text)
    for line in tips[1::2]:
        assert k[line][1] != "list of other stories", line
