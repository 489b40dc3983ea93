"""Raw page text: below an end-of-article marker ("Mehr aus Lübeck", "Related"), a list of other stories
whose summaries are paragraphs (headline / summary / a bare time or date, again and again) ends the
article; the marker's own rule reads the summaries as teasers by the stamp right below each one. An
article that goes on past the marker with paragraphs that no bare stamp follows keeps going."""

from __future__ import annotations

import pytest
from line_kinds import kinds_of  # tests/line_kinds.py

ARTICLE_DE = [
    "Im Kirchen-Forum wurden am Sonnabend Dachboden-Schätze der Gemeinde versteigert, um die Sanierung des "
    "Gotteshauses zu bezahlen, die im kommenden Jahr beginnen soll.",
    "Rund 300 000 Euro habe die Gemeinde schon gesammelt, sagte der Pastor kurz vor dem Beginn der Auktion, "
    "bei der mehr als sechzig Gegenstände aufgerufen wurden.",
    "Nach über zwei Stunden hatten die Objekte neue Besitzer gefunden, und die Gemeinde freute sich über "
    "rund 1400 Euro für das Gotteshaus.",
]
# the shape of ln-online.de's "Mehr aus Lübeck" box: headline, summary, clock time
TEASERS_DE = [
    "Travemünde - Kultkneipe auf dem Priwall schließt nach 41 Jahren",
    "Die Kultkneipe schließt: Das Lokal auf dem Priwall ist nach 41 Jahren Geschichte. Die Nachfolger "
    "wollen es im Frühjahr 2020 wieder öffnen. Wir blicken zurück.",
    "17:42 Uhr",
    "Politik im Rathaus - Neuer Belag für die Rathaus-Arkaden",
    "Für 250 000 Euro sollen die Arkaden am Rathaus hübsch gemacht werden. Dort wird der Belag erneuert. "
    "Eigentlich hätte das schon 2011 bei der Sanierung geschehen sollen.",
    "14:38 Uhr",
    "Feuer im Hutmacherring: Pkw brennt bei Autohändler aus",
    "Bei einem Feuer im Hutmacherring ist am Sonnabendmorgen, 2.30 Uhr, ein Pkw ausgebrannt. Polizei und "
    "Feuerwehr waren mit mehreren Fahrzeugen im Einsatz.",
    "13:21 Uhr",
]
# the shape of SW1.News' "Lesen Sie auch" box: headline, summary, date
TEASERS_DATED_EN = [
    "Cup exit: the home side loses four goals to nil away",
    "Four goals can turn a game around or win it with ease, even without the team's top scorer on the "
    "pitch for most of the second half of the match.",
    "1 November 2023",
    "Storm damage closes the coast road for a week",
    "The coast road will stay closed for a week after the storm washed away part of the embankment, "
    "the roads office said on Monday after a first inspection.",
    "30 October 2023",
]
ARTICLE_EN = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month, "
    "after a long debate that went on until late in the evening.",
    "Engineers found cracks in two of the bridge's steel supports, the mayor told reporters at a news "
    "conference held in the town hall on Wednesday morning.",
    "Buses will be rerouted through the northern tunnel while the bridge repairs last, the transport office "
    "said in a statement published on its website.",
]
CHROME = ["Home", "News", "Sport", "Weather", "Contact", "Imprint"]


@pytest.mark.parametrize(
    ("article", "marker", "teasers", "lang"),
    [
        (ARTICLE_DE, "Mehr aus Lübeck", TEASERS_DE, "de"),
        (ARTICLE_EN, "Related", TEASERS_DATED_EN, "en"),
    ],
)
def test_stamped_teasers_below_a_marker_end_the_article(
    article: list[str], marker: str, teasers: list[str], lang: str
) -> None:
    kinds = kinds_of("\n\n".join(["Headline of the article", *article, marker, *teasers, *CHROME]), lang)
    for para in article:
        assert kinds[para][0] == "body"
    for line in [marker, *teasers]:
        assert kinds[line] == ("furniture", "after end-of-article marker"), line


def test_one_stamp_is_no_list_the_article_goes_on() -> None:
    # a paragraph under the marker with a time below it but no second teaser: the article goes on
    goes_on = (
        "The bridge repairs are expected to cost the council about four million euros and to take at least "
        "eight months, the mayor said on Wednesday."
    )
    more = (
        "Shop owners near the bridge said they feared losing customers and asked the council for a "
        "compensation scheme to cover the months of repairs."
    )
    text = "\n\n".join(["Headline of the article", *ARTICLE_EN, "Related", goes_on, "5:40 pm", more, *CHROME])
    kinds = kinds_of(text, "en")
    assert kinds[goes_on][0] == "body"
    assert kinds[more][0] == "body"


def test_paragraphs_below_a_marker_with_no_stamps_keep_the_article_going() -> None:
    goes_on = [
        "The bridge repairs are expected to cost the council about four million euros and to take at least "
        "eight months, the mayor said on Wednesday.",
        "Shop owners near the bridge said they feared losing customers and asked the council for a "
        "compensation scheme to cover the months of repairs.",
    ]
    text = "\n\n".join(["Headline of the article", *ARTICLE_EN, "Related", *goes_on, *CHROME])
    kinds = kinds_of(text, "en")
    for para in goes_on:
        assert kinds[para][0] == "body"
