"""Metadata of saved pages: author fields, the site's name in a title, site names that are none."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import lang as langres
from factcheck import metadata, webpage

EXAMPLES = [
    (code, raw, expected)
    for code in langres.available("metadata")
    for raw, expected in langres.resource(code, "metadata")["author"]["examples"]
]


def test_every_language_with_byline_words_has_author_examples() -> None:
    assert {"en", "de", "es", "fr", "pt"} <= set(langres.available("metadata"))


@pytest.mark.parametrize(("code", "raw", "expected"), EXAMPLES)
def test_author_vocabulary_examples(code: str, raw: str, expected: str) -> None:
    """Each language's ``metadata.toml`` ``[author]`` examples: the raw field and the authors kept."""
    assert "; ".join(metadata.split_authors(raw)) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Olympia-Verlag GmbH; Nürnberg; Germany", []),  # a publisher's address
        ("GIROMATCH; Frankfurt; Germany", []),
        ("Hanns-Seidel-Stiftung e V", []),  # a legal form, its dots dropped by the scraper
        ("Wegewerk Gmbh", []),
        ("Ana Ruiz; Bo Chen", ["Ana Ruiz", "Bo Chen"]),
        ("Anna Weber", ["Anna Weber"]),
        ("Maria e Silva", ["Maria", "Silva"]),  # (a joining "e" still splits two names)
        ("Art Edwards says", []),  # a reader's comment header
        ("Edward Said", ["Edward Said"]),  # a surname, no verb
    ],
)
def test_author_fields(raw: str, expected: list[str]) -> None:
    assert metadata.split_authors(raw) == expected


@pytest.mark.parametrize(
    ("title", "outlet", "host", "expected"),
    [
        (
            "Pour le néolibéralisme, la retraite est un archaïsme - AOC media - Analyse Opinion Critique",
            "AOC media",
            "aoc.media",
            "Pour le néolibéralisme, la retraite est un archaïsme",
        ),
        (
            "Diario HOY | Darán bendición a vehículos",
            "Diario HOY",
            "hoy.com.do",
            "Darán bendición a vehículos",
        ),
        ("Hope! - bewusster leben", "Bewusster Leben", "bewusster-leben.de", "Hope!"),
        ("Streit ums Feuerholz - www.AussenGedanken.de", None, "aussengedanken.de", "Streit ums Feuerholz"),
        (
            "Gottesdienste bleiben möglich › evang.at",
            None,
            "https://evang.at/x/",
            "Gottesdienste bleiben möglich",
        ),
        (
            "Rede des Präsidenten | Bundeskanzleramt Österreich",
            None,
            "bundeskanzleramt.gv.at",
            "Rede des Präsidenten",
        ),
        (
            "Zu Besuch bei Lacaze — Herz und Blut - Interior | Design",
            None,
            "herzundblut.com",
            "Zu Besuch bei Lacaze",
        ),
        # the title is the site's name: kept whole
        ("International Biathlon Union - IBU", "International Biathlon Union", "biathlonworld.com", None),
        # a headline that mentions the brand is no site's name
        ("Tesla recalls two million cars | Blog", "Tesla", "tesla.com", None),
        ("Trump: Wall will be built", "Reuters", "reuters.com", None),
        ("Die Wahl in Hessen", "Hessenschau", "hessenschau.de", None),
    ],
)
def test_title_without_site(title: str, outlet: str | None, host: str, expected: str | None) -> None:
    assert metadata.title_without_site(title, outlet, host) == (expected or title)


@pytest.mark.parametrize(
    ("title", "outlet", "host", "expected"),
    [
        # a bar's look-alike is a separator. Real: nestle-marktplatz.de (trafilatura's title, and the page's
        # <title> element with no spaces); written probe: the fullwidth bar
        (
            "Produkttester werden: gratis testen & bewerten │ Nestlé Marktplatz",
            None,
            "https://www.nestle-marktplatz.de/mitmachen/produkttests",
            "Produkttester werden: gratis testen & bewerten",
        ),
        (
            "Produkttester werden & gratis testen│Nestlé Marktplatz",
            None,
            "nestle-marktplatz.de",
            "Produkttester werden & gratis testen",
        ),
        (
            "Rede des Präsidenten ｜ Bundeskanzleramt Österreich",
            None,
            "bundeskanzleramt.gv.at",
            "Rede des Präsidenten",
        ),
        # the host's labels in reading order. Real: sportowefakty.wp.pl; written probe: wiadomosci.wp.pl
        (
            "Fogo Unia Leszno - RM Solar Falubaz Zielona Góra - PGE Ekstraliga - WP SportoweFakty",
            None,
            "sportowefakty.wp.pl",
            "Fogo Unia Leszno - RM Solar Falubaz Zielona Góra - PGE Ekstraliga",
        ),
        ("Wybory w Polsce: wyniki - WP Wiadomości", None, "wiadomosci.wp.pl", "Wybory w Polsce: wyniki"),
    ],
)
def test_title_without_site_reads_bar_look_alikes_and_labels_in_reading_order(
    title: str, outlet: str | None, host: str, expected: str
) -> None:
    assert metadata.title_without_site(title, outlet, host) == expected


@given(st.text(max_size=80), st.one_of(st.none(), st.text(max_size=20)), st.text(max_size=30))
def test_title_without_site_never_raises_nor_empties(title: str, outlet: str | None, host: str) -> None:
    out = metadata.title_without_site(title, outlet, host)
    assert isinstance(out, str)
    assert out.strip() or not title.strip()


@pytest.mark.parametrize(
    ("sitename", "title", "host", "kept"),
    [
        ("02.11.2021", None, "amnesty.de", False),  # a date
        ("6. Jahrgang", None, "krimiblog.de", False),  # an issue
        ("Wochenbericht 14.", None, "slf.ch", False),
        ("Vegetarier zu sein. Bedarf, Trend oder eigene Entscheidung?", None, "ethify.org", False),
        (
            "Bürgerbeteiligung für Windpark Steinheim",
            "Bürgerbeteiligung für Windpark Steinheim | EnBW",
            "enbw.com",
            False,
        ),
        ("International Biathlon Union", "International Biathlon Union - IBU", "biathlonworld.com", True),
        ("St. Georgs Chorknaben Ulm", None, "chorknaben-ulm.de", True),
        ("1. FC Köln", None, "fc.de", True),
        ("20 Minuten", None, "20min.ch", True),
        ("Das Leben, der Meister und ich...", None, "creeny.wordpress.com", True),
    ],
)
def test_site_names_that_are_none(sitename: str, title: str | None, host: str, kept: bool) -> None:
    rec = {"sitename": sitename, "title": title, "source": f"https://{host}/a/b"}
    assert (metadata.outlet_of(rec, rec["source"]) == sitename) is kept


@pytest.mark.parametrize(
    ("sitename", "host", "outlet"),
    [
        ("Futurezoneat", "futurezone.at", "futurezone.at"),  # a domain run together (a social handle)
        ("Achgut_com", "www.achgut.com", "achgut.com"),
        ("Livenet_Ch", "livenet.ch", "livenet.ch"),
        ("Wpolityce_Pl", "wpolityce.pl", "wpolityce.pl"),
        ("Futurezone", "futurezone.at", "Futurezone"),  # the name without the domain's ending
        ("Spiegel Online", "spiegelonline.de", "Spiegel Online"),  # words
    ],
)
def test_a_site_name_that_is_the_domain_run_together_reads_as_the_domain(
    sitename: str, host: str, outlet: str
) -> None:
    """A trafilatura record of futurezone.at named its outlet "Futurezoneat" (the twitter:site handle): the
    article list showed a word no reader knows. The domain itself is read instead."""
    rec = {"source-hostname": sitename, "hostname": host, "source": f"https://{host}/a/b"}
    assert metadata.outlet_of(rec, rec["source"]) == outlet


def _page(handle: str, host: str) -> bytes:
    return (
        f'<html><head><meta name="twitter:site" content="@{handle}"><link rel="canonical" href="https://{host}/a">'
        "<title>Ein Titel</title></head><body><article><p>"
        + "Ein langer Absatz mit vielen Wörtern über die Sache, damit es Text gibt. " * 8
        + "</p></article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("handle", "host", "dropped"),
    [("epdOesterreich", "evang.at", True), ("TagesWoche", "tageswoche.ch", False)],
)
def test_a_social_handle_is_no_site_name(handle: str, host: str, dropped: bool) -> None:
    raw = _page(handle, host)
    assert webpage._a_social_handle(handle.capitalize(), raw, f"https://{host}/a") is dropped
    assert not webpage._a_social_handle(handle, raw, None)  # no host to fall back on: kept


def _blog_page(h1: str, h2_class: str = "") -> bytes:
    return (
        '<html><head><title>Krimiblog-Archiv</title><link rel="canonical" href="http://archiv.krimiblog.de/?p=1">'
        f"</head><body><nav><h2>Hauptmenü der Seite</h2></nav><h1>{h1}</h1>"
        f'<h2 class="{h2_class}">Navigation mit Access Keys</h2>'
        "<h2>Das vermutlich schwulste Musikvideo der Welt</h2><div class='entry'><p>"
        + "Ein langer Absatz mit vielen Wörtern über das Video, damit es Text gibt. " * 8
        + "</p></div></body></html>"
    ).encode()


def test_the_headline_when_the_title_is_the_sites_name() -> None:
    """An old blog theme: the blog's name in <title> and <h1>, the post's title in an <h2>; headings of the
    navigation and headings hidden for screen readers are no headline."""
    rec = webpage.page_record(_blog_page("Krimiblog-Archiv", "sr-only"))
    assert rec["title"] == "Das vermutlich schwulste Musikvideo der Welt"


def test_a_headline_title_is_kept() -> None:
    page = _blog_page("Krimiblog-Archiv")
    rec = {"title": "Ein Titel des Beitrags", "sitename": "Krimiblog-Archiv"}
    assert webpage._headline_elsewhere(rec, page, "http://archiv.krimiblog.de/?p=1") is None
    rec = {"title": "Krimiblog-Archiv"}
    assert webpage._headline_elsewhere(rec, page, None) is None  # no host: nothing tells the site's name
