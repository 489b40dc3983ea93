"""Pages as they come in real batches: copies from a web archive, and pages whose only "date" is a year."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import webpage
from factcheck.ingest import article_from_record
from factcheck.urls import archived_copy, is_http_url

BODY = (
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month, "
    "after engineers found cracks in two of its steel supports. Mayor Ana Ruiz said the closure would last "
    "at least six months while repairs are carried out, and that buses would be rerouted through the "
    "northern tunnel. The bridge carries about 40,000 vehicles a day, according to the transport office."
)


@pytest.mark.parametrize(
    "url, original, captured",
    [
        (
            "https://web.archive.org/web/20190717140047/http://www.modabot.de/paris-couture",
            "http://www.modabot.de/paris-couture",
            dt.date(2019, 7, 17),
        ),
        # the original's "//" collapsed, as archived pages' canonical links write it
        (
            "https://web.archive.org/web/20150206075900/http:/www.x.de/a/b",
            "http://www.x.de/a/b",
            dt.date(2015, 2, 6),
        ),
        # a modifier after the stamp, https, a query kept
        (
            "http://web.archive.org/web/20200101000000id_/https://ex.com/s?id=4",
            "https://ex.com/s?id=4",
            dt.date(2020, 1, 1),
        ),
        # no scheme in the original; a stamp of a year only gives no day
        ("https://web.archive.org/web/2019/example.com/story", "http://example.com/story", None),
        ("https://archive.org/web/20191301000000/http://ex.com/", "http://ex.com/", None),  # no 13th month
    ],
)
def test_a_wayback_copy_gives_its_original_address_and_capture_day(url: str, original: str, captured) -> None:
    assert archived_copy(url) == (original, captured)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/web/20190717140047/http://other.com/",  # not the archive
        "https://web.archive.org/details/somebook",  # an archive page that is no copy
        "https://web.archive.org/web/20190717140047/javascript:alert(1)",  # no http(s) original
        "https://archive.ph/AbCdE",  # archive.today keeps the original out of its address
    ],
)
def test_other_addresses_are_no_archived_copy(url: str) -> None:
    assert archived_copy(url) is None


@given(st.text(max_size=120))
def test_archived_copy_never_raises_and_gives_an_http_url(s: str) -> None:
    got = archived_copy("https://web.archive.org/web/20190717140047/" + s)
    assert got is None or is_http_url(got[0])


def test_an_archived_record_is_the_outlets_article_captured_on_its_day() -> None:
    rec = {
        "text": BODY,
        "title": "Bridge closed",
        "source": "https://web.archive.org/web/20240320101010/https://harbour-times.example/2024/03/05/bridge",
        "source-hostname": "web.archive.org",
        "hostname": "archive.org",
        "filedate": "2026-12-05",
    }
    art = article_from_record(rec, path="p.json", key="p.json")
    assert art.url == "https://harbour-times.example/2024/03/05/bridge"
    assert art.outlet == "harbour-times.example"
    # the date in the original's path is the publication; the capture stamp is the crawl day, never the publication
    assert (art.published, art.published_source) == (dt.date(2024, 3, 5), "url")
    assert art.crawled == dt.date(2024, 3, 20)
    assert any(
        n
        == "an archived copy (Wayback Machine, captured 2024-03-20) of https://harbour-times.example/2024/03/05/bridge"
        for n in art.notices
    )


def _page(head: str, foot: str) -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>Harbour bridge</title>{head}</head><body>"
        f"<article><h1>Council closes harbour bridge</h1><p>{BODY}</p><p>{BODY}</p></article>"
        f"<footer>{foot}</footer></body></html>"
    )


def test_a_copyright_year_is_no_publication_day() -> None:
    rec = webpage.page_record(_page("", "© 2020 Harbour Times. All rights reserved."))
    assert rec.get("date") is None  # (trafilatura alone gives 2020-01-01)


@pytest.mark.parametrize(
    "head, date",
    [
        ('<meta property="article:published_time" content="2023-01-01T08:00:00Z">', "2023-01-01"),
        ('<meta property="article:published_time" content="2024-03-05T09:00:00Z">', "2024-03-05"),
    ],
)
def test_a_date_the_markup_states_is_kept_even_on_new_years_day(head: str, date: str) -> None:
    assert webpage.page_record(_page(head, "© 2020 Harbour Times."))["date"] == date


def test_the_wayback_toolbar_is_no_part_of_the_archived_page() -> None:
    toolbar = (
        "<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id='wm-ipp-base' lang='en' style='display:none'>"
        "<div id='wm-capinfo'><div class='wm-title'>COLLECTED BY</div><div style='padding:3px'>Starting in 1996, "
        "Alexa Internet has been donating their crawl data to the Internet Archive. Flowing in every day, these "
        "data are added to the Wayback Machine after an embargo period.</div></div></div>"
        "<!-- END WAYBACK TOOLBAR INSERT -->"
    )
    short = "Wenn der Tag mal wieder zu wenige Stunden hat, ist es hilfreich, sich mit der Zeitplanung zu beschäftigen."
    page = (
        "<!DOCTYPE html><html lang='de'><head><title>Orga</title></head><body>"
        f"{toolbar}<div class='post'><h1>Orga</h1><p>{short}</p></div><footer>Impressum</footer></body></html>"
    )
    rec = webpage.page_record(page)  # (a short page: trafilatura alone keeps the toolbar's text)
    assert "Alexa" not in rec["text"] and "Wayback" not in rec["text"]
    assert "Zeitplanung" in rec["text"]
