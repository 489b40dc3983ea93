"""Raw page text: the page's header under its <title> line, and boxes of dated links to other stories."""

from __future__ import annotations

from factcheck.ingest import classify_lines

ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month.",
    "Engineers found cracks in two of its steel supports, the mayor told reporters at a news conference.",
    "Buses will be rerouted through the northern tunnel while the repairs last, the transport office said.",
    "Shop owners near the bridge said they feared losing customers and asked for a compensation scheme.",
]


def kinds_of(text: str, lang: str = "en") -> dict[str, tuple[str, str]]:
    segs, _info = classify_lines(text, lang)
    return {text[s.start : s.end]: (s.kind, s.reason) for s in segs}


def test_a_line_under_the_pages_title_line_is_the_pages_header_not_a_deck() -> None:
    # the page does not repeat its <title>'s headline: the slogan under it is the site's
    slogan = "The latest news and insights from the harbour district"
    text = "\n".join(["Bridge closed to trucks | Harbour Times", slogan, *ARTICLE]) + "\n"
    segs, info = classify_lines(text, "en")
    k = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert info["title"] == "Bridge closed to trucks"
    assert k[slogan][0] == "furniture"
    for line in ARTICLE:
        assert k[line] == ("body", "")


def test_a_deck_under_the_headline_the_page_repeats_stays_a_deck() -> None:
    deck = "Cracks in two steel supports force the city to act"
    text = "\n".join(["Bridge closed to trucks | Harbour Times", "Menu", "Bridge closed to trucks", deck, *ARTICLE])
    k = kinds_of(text + "\n")
    assert k["Bridge closed to trucks"] == ("title", "headline")
    assert k[deck] == ("title", "subheadline")


def test_a_deck_under_a_plain_texts_first_line_stays_a_deck() -> None:
    # a text file's first line is its headline, not a page's <title> line: the line under it is its deck
    deck = "Cracks in two steel supports force the city to act"
    k = kinds_of("\n".join(["Bridge closed to trucks", deck, *ARTICLE]) + "\n")
    assert k[deck] == ("title", "subheadline")


LATEST = [
    "[ 26. Februar 2020 ] Am Windows Server 2019 einen neuen Datenträger bereitstellen",
    "[ 19. Februar 2020 ] Virtualisieren unter Windows 10 mit der Schnellerstellung",
    "[ 14. Februar 2020 ] Digitalisierung in der Praxis – 5 Branchen im Fokus",
    "[ 10. Februar 2020 ] Windows Suche im Startmenü geht nicht mehr",
]
ARTIKEL = [
    "Mit Windows Vista wurde damals die sogenannte Autotuning Funktion eingeführt, die es bis heute gibt.",
    "Jedoch gibt es anscheinend Probleme mit älteren Routern oder mancher Firewall, die sie nicht kennen.",
    "In diesem Fall kann das Abschalten der Funktion das Netzwerk unter Windows 10 deutlich beschleunigen.",
]


def test_a_box_of_the_latest_stories_each_opened_by_its_date_is_a_list_of_other_stories() -> None:
    text = "\n".join(["Windows 10: Netzwerk langsam", "Letzte Artikel", *LATEST, *ARTIKEL]) + "\n"
    k = kinds_of(text, "de")
    for line in LATEST:
        assert k[line] == ("furniture", "list of other stories"), line
    for line in ARTIKEL:
        assert k[line] == ("body", "")


def test_the_box_may_follow_the_article_with_a_label_between_its_links() -> None:
    box = [LATEST[0], "Allgemeines", LATEST[1], "Windows", LATEST[2]]
    text = "\n".join(["Windows 10: Netzwerk langsam", *ARTIKEL, "Letzte Artikel", *box]) + "\n"
    k = kinds_of(text, "de")
    for line in (LATEST[0], LATEST[1], LATEST[2]):
        assert k[line] == ("furniture", "list of other stories"), line


def test_a_timeline_running_forward_in_time_stays_text() -> None:
    timeline = [
        "[ 10. Februar 2020 ] Erster Fall in Nordrhein-Westfalen bestätigt",
        "[ 14. Februar 2020 ] Schulen im Kreis Heinsberg bleiben geschlossen",
        "[ 19. Februar 2020 ] Landesregierung beschließt ein Hilfspaket",
    ]
    text = "\n".join(["Chronik der Krise", *ARTIKEL, *timeline, *ARTIKEL[:1]]) + "\n"
    k = kinds_of(text, "de")
    for line in timeline:
        assert k[line][1] != "list of other stories", line


def test_dated_sentences_are_no_headlines() -> None:
    # a list of dated events closed by full stops is the article's text
    events = [line + "." for line in LATEST[:3]]
    text = "\n".join(["Windows 10: Netzwerk langsam", *ARTIKEL, *events]) + "\n"
    k = kinds_of(text, "de")
    for line in events:
        assert k[line][1] != "list of other stories", line


def test_two_dated_links_are_no_list() -> None:
    text = "\n".join(["Windows 10: Netzwerk langsam", *ARTIKEL, *LATEST[:2], *ARTIKEL[1:]]) + "\n"
    k = kinds_of(text, "de")
    for line in LATEST[:2]:
        assert k[line][1] != "list of other stories", line
