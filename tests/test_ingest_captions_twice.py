"""Raw page text: a photo's caption written twice in a row (the image's alt text or a lightbox's copy, and
the caption under it), with the photo's credit right above or below the pair, is furniture, both copies;
one copy may be cut short with a "more" button. A line written twice with no credit beside it, and an
article's paragraphs, are left as they are."""

from __future__ import annotations

import pytest
from line_kinds import ARTICLE, kinds_of  # tests/line_kinds.py

from factcheck.ingest import CAPTION_TWICE, _one_text

CAPTION_EN = (
    "Former Massachusetts Gov. Deval Patrick, left, speaks with a business owner during a campaign stop, "
    "Tuesday, Nov. 19, 2019, in Columbia, S.C."
)
CAPTION_DE = (
    "Die Aussichten Donalds Trumps, die US-Präsidentenwahl zu gewinnen, sind nach Ansicht von Beobachtern "
    "gestiegen. Das stärkt den Dollar und belastet den Dax."
)
# the whole caption with the button that shortens it, and its copy cut short with the button that opens it
CAPTION_LESS = (
    "U.S. Defense Secretary Mark Esper, left, and Vietnamese Defense Minister Ngo Xuan Lich shake hands in "
    "Hanoi, Vietnam Wednesday, Nov. 20, 2019. Esper is on a visit to Vietnam. less"
)
CAPTION_MORE = (
    "U.S. Defense Secretary Mark Esper, left, and Vietnamese Defense Minister Ngo Xuan Lich shake hands in "
    "Hanoi, Vietnam Wednesday, Nov. 20, 2019. Esper is on ... more"
)


@pytest.mark.parametrize(
    ("first", "second", "credit", "lang"),
    [
        (CAPTION_EN, CAPTION_EN, "Photo: Meg Kinnard, AP", "en"),  # a labelled credit (Hearst's papers)
        (
            CAPTION_DE,
            CAPTION_DE,
            "picture alliance / ASSOCIATED PRESS | Alex Brandon",
            "de",
        ),  # Börsen-Zeitung
        (CAPTION_LESS, CAPTION_MORE, "Photo: Hau Dinh, AP", "en"),
    ],
)
def test_a_caption_written_twice_beside_its_credit_is_furniture(
    first: str, second: str, credit: str, lang: str
) -> None:
    text = "\n\n".join(["Headline of the article", first, second, credit, *ARTICLE])
    kinds = kinds_of(text, lang)
    assert kinds[first] == ("furniture", CAPTION_TWICE)
    assert kinds[second] == ("furniture", CAPTION_TWICE)
    for para in ARTICLE:
        assert kinds[para] == ("body", "")


def test_the_credit_above_the_pair_counts_too() -> None:
    credit = "Bloomberg/Benjamin Girette"
    text = "\n\n".join(["Headline of the article", ARTICLE[0], credit, CAPTION_EN, CAPTION_EN, *ARTICLE[1:]])
    kinds = kinds_of(text, "en")
    assert kinds[CAPTION_EN] == ("furniture", CAPTION_TWICE)
    for para in ARTICLE:
        assert kinds[para] == ("body", "")


def test_a_line_written_twice_with_no_credit_beside_it_stays() -> None:
    # (a refrain, a lede the page writes twice: no photo's credit beside it)
    text = "\n\n".join(["Headline of the article", ARTICLE[0], CAPTION_EN, CAPTION_EN, *ARTICLE[1:]])
    kinds = kinds_of(text, "en")
    assert kinds[CAPTION_EN] == ("body", "")


def test_a_caption_written_once_beside_a_slash_line_stays() -> None:
    text = "\n\n".join(
        ["Headline of the article", ARTICLE[0], CAPTION_EN, "Bloomberg/Benjamin Girette", *ARTICLE[1:]]
    )
    kinds = kinds_of(text, "en")
    assert kinds[CAPTION_EN][0] == "body"


def test_one_text() -> None:
    assert _one_text(CAPTION_LESS, CAPTION_MORE)
    assert _one_text(CAPTION_EN, CAPTION_EN)
    # two paragraphs that open alike but go on differently are two texts
    assert not _one_text(
        "The council said on Tuesday that the bridge would close to heavy traffic from next month on.",
        "The council said on Tuesday that the bridge would reopen to all traffic after the repairs, once the "
        "engineers have checked the steel supports.",
    )
    # a short line and a longer one that adds to it are two texts (a heading and its line)
    assert not _one_text(
        "Olympia 2022 in Peking", "Olympia 2022 in Peking: So spektakulär sehen die Sportstätten aus"
    )
