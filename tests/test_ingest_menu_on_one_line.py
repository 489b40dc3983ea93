"""A menu's links copied as one line with a space between them and no separator: many words, nearly all
capitalised, not all in capitals, few function words, no punctuation. Sentences and long headlines stay body: a
sentence has its lower-case words (German capitalises its nouns, not its verbs and function words), a headline
its punctuation or, in title case, its function words."""

from __future__ import annotations

import pytest
from line_kinds import ARTICLE, kinds_of  # tests/line_kinds.py

# menus of two sites (fundus's pages, half A: Euronews FR; trafilatura's evaluation pages, half A:
# sonnenenergie.de)
MENUS = [
    (
        "Monde Euronews Witness Monde No Comment Qatar 365 Spotlight The Global Conversation Top News Stories "
        "Today Business",
        "fr",
    ),
    (
        "Kommentar Photovoltaik Abo Ethik Solarthermie Energieressourcen International Energiewende Archiv DGS "
        "Aktiv Mobilität Politik Wärme Speicher",
        "de",
    ),
]

# lines of body the rule must leave alone: prose with no punctuation, capitalised nouns, long headlines,
# a line in capitals
BODY = [
    (
        "Die Bundesregierung will im kommenden Jahr mehr Geld für Schulen Kitas und Hochschulen in den "
        "Ländern ausgeben",
        "de",
    ),
    ("Members Of The Board Approve The New Budget For The Harbour Bridge Repairs After A Long Debate", "en"),
    ("The Harbour Bridge Will Close To Heavy Traffic From Next Month, The Council Said On Tuesday", "en"),
    (
        "Donald Trump Says He Will Sign The Bill Next Week In Washington Despite Opposition From Democrats",
        "en",
    ),
    ("CITY COUNCIL VOTES TO CLOSE THE OLD HARBOUR BRIDGE TO HEAVY TRAFFIC FROM NEXT MONTH ON", "en"),
]


def _page(line: str) -> str:
    return "\n".join(["Harbour Times", "Bridge closed to trucks", *ARTICLE[:2], line, ARTICLE[2]]) + "\n"


@pytest.mark.parametrize(("line", "lang"), MENUS)
def test_a_menu_on_one_line_is_furniture(line: str, lang: str) -> None:
    got = kinds_of(_page(line), lang)
    assert got[line] == ("furniture", "menu on one line")
    assert all(got[p] == ("body", "") for p in ARTICLE)


@pytest.mark.parametrize(("line", "lang"), BODY)
def test_prose_and_headlines_stay_body(line: str, lang: str) -> None:
    got = kinds_of(_page(line), lang)
    assert got[line][1] != "menu on one line"
