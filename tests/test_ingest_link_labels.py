"""Raw page text: a screen reader's label of a link written out where the link stands ("(Opens in new window)",
", opens new tab", "(öffnet im neuen Fenster)"), a link's text written twice on its line, and a list item's
bullet before a marker in an extractor's text."""

from __future__ import annotations

from line_kinds import ARTICLE, kinds_of  # tests/line_kinds.py

from factcheck import extract, ingest

LABEL = ("furniture", ingest.LINK_LABEL)


def test_a_line_of_labelled_links_is_furniture() -> None:
    # (Reuters' footer, a blog's share buttons: each link a few words and its label)
    links = [
        "Careers, opens new tab",
        "Terms of Use, opens new tab",
        "Web Accessibilitythis link opens in a new tab",
    ]
    kinds = kinds_of("\n".join(["Bridge closed", *ARTICLE, *links]))
    for line in links:
        assert kinds[line][0] == "furniture", line
    assert kinds["Careers, opens new tab"] == LABEL


def test_a_label_that_ends_a_paragraph_is_cut_from_it() -> None:
    para = (
        "Die Studie der Technischen Universität zeigt, dass die Zahl der Radfahrer seit 2019 um 30 Prozent "
        "gestiegen ist, wie die Forscher auf ihrer Seite schreiben (öffnet im neuen Fenster)."
    )
    lede = "Berlin will bis 2030 rund 100 Kilometer neue Radwege bauen, wie die Senatsverwaltung am Montag mitteilte."
    text = "\n".join(["Neue Radwege", lede, para])
    kinds = kinds_of(text, "de")
    body = para[: para.index(" (öffnet")]
    assert kinds[body] == ("body", "")
    assert kinds["(öffnet im neuen Fenster)."] == LABEL
    art = ingest.article_from_text(text, path="x", key="x")
    assert any(s.kind == "furniture" and text[s.start : s.end].startswith("(öffnet") for s in art.segments)
    assert all("Fenster" not in c.text for c in extract.extract(art))


def test_a_label_inside_a_sentence_stays_with_it() -> None:
    """A claim is one span of the text: a label inside a sentence is not cut out of it."""
    para = (
        "Laut dem Bericht der Polizei (öffnet im neuen Fenster) gab es im vergangenen Jahr 5000 Unfälle mit "
        "Radfahrern in der Stadt, teilte die Behörde mit."
    )
    kinds = kinds_of("\n".join(["Unfälle mit Radfahrern", para]), "de")
    assert kinds[para] == ("body", "")


def test_opening_a_new_window_in_prose_is_no_label() -> None:
    para = "The museum opens a new window onto the city's past, the curator said at the opening on Friday."
    kinds = kinds_of("\n".join(["Museum reopens", *ARTICLE, para]))
    assert kinds[para] == ("body", "")


def test_a_link_text_written_twice_is_furniture() -> None:
    # (trafilatura's evaluation pages, half A: volksblatt.at's ticker, biathlon-antholz.it's menu)
    twice = [
        "+++Erste konkrete Hinweise auf Anschlagspläne auf Pride-Parade +++Erste konkrete Hinweise auf "
        "Anschlagspläne auf Pride-Parade",
        "Südtirol Arena Alto AdigeSüdtirol Arena Alto Adige",
    ]
    kinds = kinds_of("\n".join(["Bridge closed", *ARTICLE, *twice]))
    for line in twice:
        assert kinds[line] == ("furniture", ingest.WRITTEN_TWICE), line
    assert not ingest._written_twice("Lock her up! Lock her up!")  # (too short to be a link's text)
    assert not ingest._written_twice(ARTICLE[0])


def test_a_bullet_before_a_published_line_in_an_extractors_text() -> None:
    """AFP's fact checks as trafilatura writes them: "- Veröffentlicht am ..." is the publication date, not a
    claim; "- 3 Minuten Lesezeit" and "- Von: ..." are chrome and byline."""
    text = "\n".join(
        [
            "Faktencheck: Dieses Video zeigt keine Demonstration in Berlin",
            "- Veröffentlicht am 13. Mai 2026 um 15:44",
            "- 3 Minuten Lesezeit",
            "- Von: Anna Schmidt, AFP Deutschland",
            "In sozialen Netzwerken verbreitet sich ein Video, das angeblich eine Demonstration gegen die "
            "Regierung in Berlin zeigen soll. Tatsächlich stammt es aus dem Jahr 2019.",
        ]
    )
    art = ingest.article_from_record({"text": text, "language": "de"}, path="x.json", key="x")
    kinds = {text[s.start : s.end]: s.kind for s in art.segments}
    assert kinds["- Veröffentlicht am 13. Mai 2026 um 15:44"] == "meta"
    assert kinds["- 3 Minuten Lesezeit"] == "furniture"
    assert kinds["- Von: Anna Schmidt, AFP Deutschland"] == "meta"
    assert str(art.published) == "2026-05-13"
    assert not any("Veröffentlicht" in c.text for c in extract.extract(art))
