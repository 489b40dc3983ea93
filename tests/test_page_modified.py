"""A page's last-modified date beside its publication date, and the date its relative times are read against:
the modified one when the page shows the reader a text revised long after its first publication (a buying
guide renewed years later, a live page kept going for months), else the publication date (a date only the
markup declares is kept and shown but moves nothing: content systems re-stamp old posts)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from factcheck import ingest, times_intl, webpage
from factcheck.ingest import article_from_record

BODY = (
    "<p>This year the best heated airers dry a full load in under four hours, and the cheapest model we "
    "tested uses less power than a light bulb, our reviewers found after two weeks of testing.</p>"
    "<p>Energy prices rose sharply last year, and heated airers sold out in several shops across the country "
    "as households looked for cheaper ways to dry clothes than a tumble dryer.</p>"
)


def page(head: str, shown: str = "") -> bytes:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The best heated airers</title>'
        f"{head}</head><body><article><h1>The best heated airers, tested</h1>{shown}{BODY}</article></body></html>"
    ).encode()


def ld(published: str, modified: str) -> str:
    doc = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "The best heated airers"}
    doc |= {"datePublished": published, "dateModified": modified}
    return f'<script type="application/ld+json">{json.dumps(doc)}</script>'


def load(tmp_path: Path, raw: bytes) -> ingest.Article:
    (tmp_path / "p.html").write_bytes(raw)
    return ingest.load([tmp_path / "p.html"]).articles[0]


def this_year(art: ingest.Article) -> str | None:
    at = art.text.index("This year")
    return next(t.value for t in times_intl.tag_language(art.text, art.anchor, art.language) if t.start == at)


def test_json_ld_modified_shown_in_the_body_moves_the_anchor(tmp_path: Path) -> None:
    shown = '<p class="byline">Updated <time datetime="2023-08-30T16:45+01:00">30 August 2023</time></p>'
    art = load(tmp_path, page(ld("2019-02-05T16:07:00Z", "2023-08-30T16:45:00+01:00"), shown))
    assert (art.published, art.modified) == (dt.date(2019, 2, 5), dt.date(2023, 8, 30))
    assert art.modified_source == "page" and art.revised
    assert art.anchor == dt.date(2023, 8, 30)
    assert this_year(art) == "2023"


def test_a_modified_date_only_the_markup_declares_is_kept_but_moves_nothing(tmp_path: Path) -> None:
    art = load(
        tmp_path,
        page(
            '<meta property="article:published_time" content="2019-02-05T10:00:00Z">'
            '<meta property="article:modified_time" content="2023-08-30T09:00:00Z">'
        ),
    )
    assert (art.published, art.modified) == (dt.date(2019, 2, 5), dt.date(2023, 8, 30))
    assert art.modified_source == "page markup" and not art.revised
    assert art.anchor == dt.date(2019, 2, 5)
    assert this_year(art) == "2019"


def test_a_time_elements_later_publication_date_is_the_text_shown(tmp_path: Path) -> None:
    # (a first version's date in a meta tag, the renewed guide's date printed under its headline)
    head = '<meta name="DCSext.articleFirstPublished" content="2019-02-05 16:07">'
    shown = '<time itemprop="datePublished" datetime="2023-08-30T16:45+0100">30 August 2023 • 4:45pm</time>'
    art = load(tmp_path, page(head, shown))
    assert art.published == dt.date(2019, 2, 5)
    assert art.modified == dt.date(2023, 8, 30) and art.anchor == dt.date(2023, 8, 30)


def test_a_forum_threads_last_reply_is_no_revision(tmp_path: Path) -> None:
    # (dateModified is the last reply's day, shown below the first post, whose "last year" is of its own day)
    thread = (
        '<time datetime="2018-09-27T10:00">27. September 2018</time>' + BODY
        + '<div class="reply"><time datetime="2019-08-17T09:00">17. August 2019</time><p>Same here.</p></div>'
    )  # fmt: skip
    art = load(tmp_path, page(ld("2018-09-27T10:00", "2019-08-17T09:00"), thread))
    assert art.modified == dt.date(2019, 8, 17) and art.modified_source == "page markup"
    assert art.anchor == dt.date(2018, 9, 27)


def test_a_correction_days_later_leaves_the_anchor(tmp_path: Path) -> None:
    shown = '<time datetime="2023-09-02">2 September 2023</time>'
    art = load(tmp_path, page(ld("2023-08-30", "2023-09-02"), shown))
    assert art.modified == dt.date(2023, 9, 2) and art.modified_source == "page"
    assert not art.revised and art.anchor == dt.date(2023, 8, 30)


def test_a_visible_updated_line_in_text(tmp_path: Path) -> None:
    text = (
        "Heated airers: the best of the year\n\nPublished: 5 February 2019\n\nUpdated: 30 August 2023\n\n"
        "This year the best heated airers dry a full load in under four hours, and the cheapest model we tested "
        "uses less power than a light bulb, our reviewers found after two weeks of testing.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    art = ingest.load([tmp_path / "a.txt"]).articles[0]
    assert (art.published, art.modified, art.modified_source) == (
        dt.date(2019, 2, 5),
        dt.date(2023, 8, 30),
        "text",
    )
    assert art.anchor == dt.date(2023, 8, 30)


def test_records_modified_keys_are_read_and_shown() -> None:
    rec = {"maintext": "The council voted on Tuesday to close the bridge. " * 3, "date_publish": "2021-03-01",
           "date_modify": "2023-05-02 10:00:00", "url": "https://news.example/a"}  # fmt: skip
    art = article_from_record(rec, path="r.json", key="r.json")
    assert (art.published, art.modified, art.modified_source) == (
        dt.date(2021, 3, 1),
        dt.date(2023, 5, 2),
        "record",
    )
    assert art.anchor == dt.date(2021, 3, 1)  # (a scraper's record: from the markup, not shown)
    shown = {
        **webpage.page_record(page(ld("2019-02-05", "2023-08-30"), '<time datetime="2023-08-30">x</time>'))
    }
    assert (shown["modified"], shown["modified-shown"]) == ("2023-08-30", True)
    art = article_from_record(shown, path="p.json", key="p.json")  # (a fetched page's stored record)
    assert art.modified_source == "page" and art.anchor == dt.date(2023, 8, 30)


def test_a_reviewer_set_date_is_the_anchor(tmp_path: Path) -> None:
    art = load(
        tmp_path, page(ld("2019-02-05", "2023-08-30"), '<time datetime="2023-08-30">30 August 2023</time>')
    )
    art.published, art.published_source = dt.date(2020, 1, 1), "reviewer"
    assert art.anchor == dt.date(2020, 1, 1)


def test_declared_dates() -> None:
    assert webpage.declared_dates(page(ld("2019-02-05T16:07:00Z", "2023-08-30"))) == (
        "2019-02-05",
        "2023-08-30",
    )
    # the article's object, not a video's or breadcrumb's without a publication date; a modified date before it
    # is no revision
    video = (
        '<script type="application/ld+json">{"@type": "VideoObject", "dateModified": "2024-01-01"}</script>'
    )
    assert webpage.declared_dates(page(video + ld("2020-05-01", "2020-04-30"))) == ("2020-05-01", None)
    assert webpage.declared_dates(
        page('<meta property="og:updated_time" content="2021-07-07T00:00:00">')
    ) == (
        None,
        "2021-07-07",
    )
    assert webpage.declared_dates(page('<meta property="article:modified_time" content="2021-13-45">')) == (
        None,
        None,
    )
    shown = '<time datetime="2022-01-02">2 Jan</time><p>A reply</p><time datetime="2023-04-05">5 Apr</time>'
    assert webpage.first_shown_day(page("", shown)) == "2022-01-02"
    assert webpage.first_shown_day(page('<meta itemprop="dateModified" content="2022-01-02">')) is None


@given(st.binary(max_size=400), st.text(max_size=60))
def test_declared_dates_never_raise(noise: bytes, value: str) -> None:
    for raw in (
        noise,
        page(ld(value, value)),
        page(f'<meta property="article:modified_time" content="{value}">'),
    ):
        published, modified = webpage.declared_dates(raw)
        for d in (published, modified):
            assert d is None or dt.date.fromisoformat(d)
        assert not (published and modified and modified < published)
        webpage.first_shown_day(raw)


def test_extract_json_gives_both_dates_and_the_anchor(tmp_path: Path, capsys) -> None:
    from factcheck import cli

    shown = '<p>Updated <time datetime="2023-08-30T16:45+01:00">30 August 2023</time></p>'
    (tmp_path / "p.html").write_bytes(page(ld("2019-02-05T16:07:00Z", "2023-08-30T16:45:00+01:00"), shown))
    assert cli.main(["extract", "--json", "--all", str(tmp_path / "p.html")]) == 0
    doc = json.loads(capsys.readouterr().out)["articles"][0]
    assert (doc["published"], doc["modified"], doc["modified_source"], doc["anchor"]) == (
        "2019-02-05",
        "2023-08-30",
        "page",
        "2023-08-30",
    )
    said = [t["value"] for c in doc["claims"] for t in c["when"] if t["text"] == "This year"]
    assert said and set(said) == {"2023"}


def test_the_report_names_the_revision() -> None:
    from factcheck import report

    row = {"outlet": "The Telegraph", "article_key": "k", "published": "2019-02-05", "modified": "2023-08-30"}
    assert report._who(row) == "The Telegraph, 2019-02-05 (updated 2023-08-30)"
    assert report._who({**row, "modified": "2019-02-05"}) == "The Telegraph, 2019-02-05"
    assert report._who({k: v for k, v in row.items() if k != "modified"}) == "The Telegraph, 2019-02-05"


def test_a_sidecars_modified_date_moves_and_a_front_matters_lastmod_does_not(tmp_path: Path) -> None:
    text = (
        "This year the best heated airers dry a full load in under four hours, and the cheapest model we tested"
        " uses less power than a light bulb, our reviewers found after two weeks of testing.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.toml").write_text(
        'published = 2019-02-05\nmodified = "30 August 2023"\n', encoding="utf-8"
    )
    art = ingest.load([tmp_path / "a.txt"]).articles[0]
    assert (art.modified, art.modified_source, art.anchor) == (
        dt.date(2023, 8, 30),
        "sidecar",
        dt.date(2023, 8, 30),
    )
    (tmp_path / "b.md").write_text(f"---\ntitle: Airers\ndate: 2019-02-05\nlastmod: 2023-08-30\n---\n{text}")
    art = ingest.load([tmp_path / "b.md"]).articles[0]
    assert (art.modified, art.modified_source) == (dt.date(2023, 8, 30), "front matter")
    assert art.anchor == dt.date(2019, 2, 5)  # (a site generator stamps lastmod on every build)


def test_a_text_dated_only_by_its_updated_line_is_read_as_of_it(tmp_path: Path) -> None:
    # a wire story copied from a regional daily's page: its only date is the "Updated:" line under the headline
    # (realworld-dev's Vancouver Sun page read as raw page text), so its "Thursday" and "last year" are read as
    # of that day, as the reader reads them, not left unresolved
    text = (
        "Microsoft moves to erase its carbon footprint\n\nReuters\n\nUpdated: January 16, 2020\n\n"
        "Microsoft Corp said on Thursday it aims to remove more carbon from the atmosphere than it emits by 2030.\n\n"
        "Amazon.com Inc., the world's largest online retailer, last year pledged to be net zero carbon by 2040.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    art = ingest.load([tmp_path / "a.txt"]).articles[0]
    assert (art.published, art.modified, art.modified_source) == (None, dt.date(2020, 1, 16), "text")
    assert art.anchor == dt.date(2020, 1, 16) and art.dated_by_update
    values = {t.text: t.value for t in times_intl.tag_language(art.text, art.anchor, art.language)}
    assert values["Thursday"] == "2020-01-16" and values["last year"] == "2019"


def test_a_modified_date_only_a_record_declares_dates_no_undated_text() -> None:
    # a scraper's record with a modified date and no publication date: content systems re-stamp old posts, so
    # it is kept and shown but the text stays undated (as for a dated text, ``revised``)
    art = article_from_record(
        {
            "title": "Airers",
            "date_modified": "2023-08-30",
            "text": "This year the best airers dry a load in four hours.",
        },
        path="r.json",
        key="r.json",
    )
    assert art.published is None and art.modified == dt.date(2023, 8, 30)
    assert art.anchor is None and not art.dated_by_update
