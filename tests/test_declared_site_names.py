"""The site's name a page declares in its markup (og:site_name, application-name, JSON-LD publisher and
organisation) read when the scraper's name is a domain, an address, a company, an account or a run-together
spelling; and a site's name joined to a headline with no space or of two letters dropped from the title."""

from __future__ import annotations

import json

import pytest

from factcheck import metadata, webpage


def _page(head: str, ld: object | None = None) -> bytes:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld is not None else ""
    return (
        f"<html><head>{head}{script}<title>Ein Titel</title></head><body><article><p>"
        + "Ein langer Absatz mit vielen Wörtern über die Sache, damit es Text gibt. " * 8
        + "</p></article></body></html>"
    ).encode()


def test_declared_names_in_their_order() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Tageblatt"}},
            {"@type": "NewsMediaOrganization", "name": "Tageblatt Online"},
        ],
    }
    raw = _page(
        '<meta content="tageblatt.lu" property="og:site_name"><meta name="application-name" content="T&amp;B">',
        ld,
    )
    assert webpage.declared_site_names(raw) == ["tageblatt.lu", "T&B", "Tageblatt", "Tageblatt Online"]


def test_broken_json_ld_is_skipped() -> None:
    raw = _page("<meta property='og:site_name' content='Metro'>") + (
        b'<script type="application/ld+json">{"publisher": {"name": "X",}</script>'
    )
    assert webpage.declared_site_names(raw) == ["Metro"]


@pytest.mark.parametrize(
    ("current", "declared", "url", "better"),
    [
        # a domain: the name of words the page declares ("BILD" in its JSON-LD, "Metro" in og:site_name)
        ("bild.de", ["bild.de", "BILD"], "https://www.bild.de/politik/a.html", "BILD"),
        ("Metro.co.uk", ["Metro", "Metro.co.uk"], "https://metro.co.uk/2024/07/17/a/", "Metro"),
        # the headline with the domain after it, as a site name: the organisation's name
        ("Nationale Demo: Einheit - Tageblatt.lu", ["Tageblatt"], "https://www.tageblatt.lu/a/", "Tageblatt"),
        # a company's legal name: the organisation's own (the company's own JSON-LD name is no candidate)
        (
            "TAZ Verlags- und Vertriebs GmbH",
            ["taz.de", "TAZ Verlags- und Vertriebs GmbH", "taz"],
            "https://taz.de/a/",
            "taz",
        ),
        # a name's initials that are the host's name
        (
            "fr.de",
            ["fr.de", "Frankfurter Rundschau"],
            "https://www.fr.de/politik/a.html",
            "Frankfurter Rundschau",
        ),
        # the same name spelled as its readers know it, with spaces or accents
        ("Theprovince", ["theprovince", "The Province"], "https://theprovince.com/news/a", "The Province"),
        ("Seznam_Zpravy", ["Seznam Zprávy"], "https://www.seznamzpravy.cz/clanek/a", "Seznam Zprávy"),
        ("Haberturk.com", ["Habertürk", "Haberturk.com"], "https://www.haberturk.com/a", "Habertürk"),
        # no better name: kept
        ("ZEIT ONLINE", ["Zeit Online"], "https://www.zeit.de/a", None),
        ("stern.de", ["stern.de", "STERN.de"], "https://www.stern.de/a.html", None),
        ("Golem.de", ["Redaktion golem.de"], "https://www.golem.de/a.html", None),
        # a declared name that does not name the host (a wire agency, a parent company) is none
        ("spiegel.de", ["dpa"], "https://www.spiegel.de/a", None),
        (None, ["Facebook"], "https://www.example-news.com/a", None),
        ("bild.de", ["BILD"], None, None),  # no host to check the name against
        # an association's name is the site's own ("e.V."), not a company's
        ("Deutscher Feuerwehrverband e.V.", ["Feuerwehrverband"], "https://www.feuerwehrverband.de/a/", None),
        # the domain run together is no better name than the domain
        ("wiadomosci.gazeta.pl", ["gazetapl"], "https://wiadomosci.gazeta.pl/a.html", None),
        # a separator left at the end of the declared name goes
        (
            "jamaicaobserver.com",
            ["Jamaica Observer -"],
            "https://www.jamaicaobserver.com/a/",
            "Jamaica Observer",
        ),
    ],
)
def test_declared_site_name(
    current: str | None, declared: list[str], url: str | None, better: str | None
) -> None:
    assert metadata.declared_site_name(current, declared, url) == better


@pytest.mark.parametrize(
    ("handle", "host", "declared", "dropped"),
    [
        ("ZDFheute", "zdf.de", ["ZDFheute"], False),  # the page declares the account's name as its own
        ("BR24", "br.de", ["BR24"], False),
        ("GolemRedaktion", "golem.de", ["Golem.de"], True),  # it declares another name: an account
        ("SeznamZpravy", "seznamzpravy.cz", ["Seznam Zprávy"], False),  # the same name spelled otherwise
        ("epdOesterreich", "evang.at", [], True),  # none declared: as before, by the host
        ("TagesWoche", "tageswoche.ch", [], False),
    ],
)
def test_an_account_the_page_declares(handle: str, host: str, declared: list[str], dropped: bool) -> None:
    raw = f'<html><head><meta name="twitter:site" content="@{handle}"></head></html>'.encode()
    assert webpage._a_social_handle(handle, raw, f"https://{host}/a", declared) is dropped


def test_page_record_reads_the_declared_name() -> None:
    head = (
        '<meta name="twitter:site" content="@BILD_news"><meta property="og:site_name" content="bild.de">'
        '<link rel="canonical" href="https://www.bild.de/politik/a.html">'
    )
    rec = webpage.page_record(_page(head, {"@type": "NewsArticle", "publisher": {"name": "BILD"}}))
    assert metadata.outlet_of(rec, rec["source"]) == "BILD"


@pytest.mark.parametrize(
    ("title", "outlet", "url", "headline"),
    [
        # a site's name joined with no space by a full-width colon or bar, or the Hangul letter used as one
        (
            "宮崎県で震度5弱、津波注意報 気象庁：朝日新聞デジタル",
            "朝日新聞デジタル",
            "https://www.asahi.com/a",
            "宮崎県で震度5弱、津波注意報 気象庁",
        ),
        (
            "南海トラフ、一時調査 巨大地震、基準達せず：中日新聞Web",
            "中日新聞Web",
            "https://www.chunichi.co.jp/a",
            "南海トラフ、一時調査 巨大地震、基準達せず",
        ),
        (
            "윤 어게인 절연 부담 커졌다ㅣ한국일보",
            "한국일보",
            "https://www.hankookilbo.com/a",
            "윤 어게인 절연 부담 커졌다",
        ),
        # not the outlet's exact name after it: kept
        (
            "南海トラフ、一時調査：巨大地震",
            "中日新聞Web",
            "https://www.chunichi.co.jp/a",
            "南海トラフ、一時調査：巨大地震",
        ),
        # a two-letter site's name that is its host's whole name, and the date after it
        (
            "Russland-Wahl: Nadeschdin setzt auf ein Ende – DW – 30.01.2024",
            "DW.COM",
            "https://www.dw.com/de/a",
            "Russland-Wahl: Nadeschdin setzt auf ein Ende",
        ),
        (
            "Neue Regeln für Mieter - BR - Nachrichten",
            "BR24",
            "https://www.br.de/nachrichten/a",
            "Neue Regeln für Mieter",
        ),
        # two letters that are not the host's whole name: kept
        (
            "Streit um die Rente - DE - Nachrichten",
            "Tagesspiegel",
            "https://www.tagesspiegel.de/a",
            "Streit um die Rente - DE - Nachrichten",
        ),
    ],
)
def test_the_sites_name_out_of_the_title(title: str, outlet: str, url: str, headline: str) -> None:
    assert metadata.title_without_site(title, outlet, url) == headline
