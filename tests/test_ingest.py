"""Ingest: every input format, metadata inference, page-furniture rules on our own fixtures, bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from line_kinds import kinds_of  # tests/line_kinds.py

from factcheck import furniture, ingest
from factcheck import lang as langres
from factcheck.ingest import classify_lines, load

PAGE = """\
Skip to content
Home
World
Politics
Today: Saturday, 3 February 2024
Harbour authority approves new container terminal
By Jane Doe and Tom Lee | Published: 12 June 2023
3 min read
Cranes at the old quay in Rotterdam, Netherlands. (Photo: AP/Peter Dejong)
This article was generated with the help of AI tools.
The port authority of Rotterdam approved on Monday a 1.2 billion euro container terminal that will double capacity by 2027, its chairman said.
Construction is due to begin in the autumn, according to the city council, which must still sign off on the environmental permit.
Environmental groups said they would challenge the permit in court.
Jane Doe is a senior reporter at the Harbour Times covering shipping and trade.
Related stories
Strike halts ferries across the North Sea
Unions said the stoppage would last until Friday unless talks resume…
5 hours ago
We use cookies to improve your experience. Accept all cookies
"""


def _write(p: Path, text: str | bytes) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def test_furniture_rules_on_a_scraped_page():
    k = kinds_of(PAGE, None)
    for chrome in ("Skip to content", "Home", "3 min read", "Related stories", "5 hours ago"):
        assert k[chrome][0] == "furniture", chrome
    assert (
        k["Cranes at the old quay in Rotterdam, Netherlands. (Photo: AP/Peter Dejong)"][1] == "photo caption"
    )
    assert k["This article was generated with the help of AI tools."][0] == "furniture"
    assert (
        k["Jane Doe is a senior reporter at the Harbour Times covering shipping and trade."][1]
        == "author bio"
    )
    assert k["Strike halts ferries across the North Sea"][0] == "furniture"
    assert k["Unions said the stoppage would last until Friday unless talks resume…"][0] == "furniture"
    assert k["We use cookies to improve your experience. Accept all cookies"][0] == "furniture"
    body = [t for t, (kind, _) in k.items() if kind == "body"]
    assert len(body) == 3 and body[0].startswith("The port authority")
    assert k["Harbour authority approves new container terminal"][0] == "title"


def test_metadata_inferred_and_crawl_stamp_ignored(tmp_path):
    batch = load([_write(tmp_path / "a" / "port.txt", PAGE)])
    assert not batch.errors
    a = batch.articles[0]
    assert a.title == "Harbour authority approves new container terminal"
    assert a.published == dt.date(2023, 6, 12)  # not the crawl stamp
    assert a.crawled == dt.date(2024, 2, 3)
    assert a.authors == ["Jane Doe", "Tom Lee"]


def test_unknown_date_stays_null(tmp_path):
    text = "Officials said the bridge would reopen next week after repairs costing 3 million dollars.\n"
    a = load([_write(tmp_path / "b.txt", text)]).articles[0]
    assert a.published is None and a.published_source is None


def test_front_matter_and_offsets_index_the_whole_file(tmp_path):
    text = '+++\ntitle = "Given title"\noutlet = "Daily Planet"\npublished = 2024-01-05\n+++\nThe mayor of Metropolis said on Tuesday the city would hire 200 more teachers this year.\n'
    p = _write(tmp_path / "fm.md", text)
    a = load([p]).articles[0]
    assert (a.title, a.outlet, a.published) == ("Given title", "Daily Planet", dt.date(2024, 1, 5))
    assert a.text == p.read_text(encoding="utf-8")
    body = a.body_segments[0]
    assert a.text[body.start : body.end].startswith("The mayor of Metropolis")
    assert a.segments[0].kind == "meta"


def test_sidecar_overrides_inferred(tmp_path):
    p = _write(tmp_path / "s.txt", PAGE)
    _write(tmp_path / "s.toml", 'outlet = "Harbour Times"\npublished = "2023-06-13"\nauthors = ["J. Doe"]\n')
    batch = load([tmp_path])
    assert len(batch.articles) == 1  # the sidecar is not an article
    a = batch.articles[0]
    assert (a.outlet, a.published, a.authors) == ("Harbour Times", dt.date(2023, 6, 13), ["J. Doe"])
    assert a.path == (tmp_path / "s.txt").as_posix() and p.exists()


def test_trafilatura_json_and_newsplease_jsonl(tmp_path):
    traf = {
        "title": "Storm closes airport",
        "date": "2024-02-10",
        "url": "https://www.example-news.com/world/storm",
        "hostname": "example-news.com",
        "author": "Ana Ruiz; Bo Chen",
        "text": "The airport closed on Saturday as winds reached 120 km/h, officials said.",
    }
    _write(tmp_path / "t.json", json.dumps(traf))
    np_recs = [
        {
            "title": "A",
            "date_publish": "2023-11-02 10:00:00",
            "source_domain": "news.example.org",
            "authors": ["X Y"],
            "maintext": "The council voted 7-2 on Thursday to raise the levy by 3 percent.",
        },
        {
            "title": "B",
            "url": "https://site.example/2022/05/17/story",
            "maintext": "Police arrested two men on Monday after a robbery in the city centre.",
        },
    ]
    _write(tmp_path / "n.jsonl", "\n".join(json.dumps(r) for r in np_recs) + "\n")
    batch = load([tmp_path])
    assert not batch.errors
    by_title = {a.title: a for a in batch.articles}
    t = by_title["Storm closes airport"]
    assert (t.outlet, t.published, t.authors) == (
        "example-news.com",
        dt.date(2024, 2, 10),
        ["Ana Ruiz", "Bo Chen"],
    )
    assert (by_title["A"].outlet, by_title["A"].published) == ("news.example.org", dt.date(2023, 11, 2))
    assert by_title["B"].published == dt.date(2022, 5, 17) and by_title["B"].published_source == "url"
    assert by_title["B"].path.endswith("n.jsonl#1")
    assert len({a.key for a in batch.articles}) == 3


def test_ids_are_content_hashes(tmp_path):
    a1 = load([_write(tmp_path / "x.txt", PAGE)]).articles[0]
    a2 = load([_write(tmp_path / "y.txt", PAGE)]).articles[0]
    a3 = load([_write(tmp_path / "z.txt", PAGE + "More.\n")]).articles[0]
    assert a1.id == a2.id != a3.id


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bin.txt", b"\x00\x01\x02binary", "binary"),
        (
            "latin.txt",
            "Caf\u00e9 cr\u00e8me".encode("latin-1"),
            "not valid UTF-8 (byte 0xe9 at offset 3): save it as UTF-8",
        ),
        ("empty.txt", b"  \n\n", "empty"),
    ],
)
def test_bad_files_are_reported_and_the_rest_read(tmp_path, name, content, reason):
    _write(tmp_path / "good.txt", PAGE)
    _write(tmp_path / name, content)
    batch = load([tmp_path])
    assert len(batch.articles) == 1
    assert len(batch.errors) == 1 and reason in batch.errors[0].reason and name in batch.errors[0].path


def test_missing_path_empty_folder_and_huge_file(tmp_path):
    (tmp_path / "empty").mkdir()
    big = _write(tmp_path / "big" / "huge.txt", "word " * 1000)
    batch = load([tmp_path / "nope", tmp_path / "empty", big], max_bytes=1000)
    reasons = [e.reason for e in batch.errors]
    assert "no such file or folder" in reasons[0]
    assert "no article files" in reasons[1]
    assert "too large" in reasons[2]
    assert not batch.articles


def test_invalid_json_names_line_and_column(tmp_path):
    _write(tmp_path / "bad.jsonl", '{"text": "ok"}\n{"text": \n')
    batch = load([tmp_path / "bad.jsonl"])
    assert "line 2, column" in batch.errors[0].reason


def test_find_date_formats():
    assert ingest.find_date("by X March 19, 2024 1:00 PM") == dt.date(2024, 3, 19)
    assert ingest.find_date("26 April 2024") == dt.date(2024, 4, 26)
    assert ingest.find_date("Posted 2021-07-04T10:00") == dt.date(2021, 7, 4)
    assert ingest.find_date("Sept. 3, 2020") == dt.date(2020, 9, 3)
    assert ingest.find_date("in May") is None


def test_leading_url_line_gives_url_and_date_even_tokenised(tmp_path):
    for first in (
        "https://www.example.com/2013/may/03/local/lohan-rehab",
        "http : / / articles . example . com / 2013 / may / 03 / local / la - me - 0504 - lohan - rehab",
    ):
        text = f"{first}\nActress checks into California rehab\nThe actress checked into a rehab centre in Malibu on Thursday, her lawyer said.\n"
        a = load([_write(tmp_path / "u.txt", text)]).articles[0]
        assert a.url and a.url.startswith("http") and " " not in a.url
        assert a.published == dt.date(2013, 5, 3) and a.published_source == "url"
        assert a.title == "Actress checks into California rehab"
        assert a.segments[0].kind == "meta"


def test_tag_lists_versus_headlines_with_commas():
    assert ingest._is_tag_list("News Feed, Russia, China, Vladimir Putin, Xi Jinping, Russia's allies")
    assert not ingest._is_tag_list("Fred LaRue, Watergate figure, dies at 75")
    assert not ingest._is_tag_list("Yvonne Hiller, Accused in Kraft Shooting, Is A Muslim")


def test_subheadline_is_kept_for_claims():
    text = (
        "Factory fire destroys historic dairy building\n"
        "Crews battled the blaze for six hours overnight\n"
        "A fire destroyed the historic dairy building in Palmer early on Sunday, the fire chief said.\n"
    )
    segs, info = classify_lines(text)
    kinds = [(s.kind, s.reason) for s in segs]
    assert (
        kinds[0] == ("title", "headline") and kinds[1] == ("title", "subheadline") and kinds[2][0] == "body"
    )
    assert info["title"] == "Factory fire destroys historic dairy building"


def test_lede_sentence_and_long_running_text_are_body_not_header_chrome():
    text = (
        "The parliament election is over in Ruritania.\n"
        "Voters chose 125 members of the new parliament from 288 candidates on Sunday, officials said.\n"
    )
    segs, _ = classify_lines(text)
    assert [s.kind for s in segs] == ["body", "body"]
    cut = (
        "Hansen, who came back for his senior season after being named player of the year, moved into the "
        "top spot on the all-time scoring list with a tough leaner over two defenders in the closing minutes "
        "of the first half\n"
        "Jon Scheyer and Kyle Singler each logged 22 points for the visitors at the stadium.\n"
    )
    segs, _ = classify_lines(cut)
    assert segs[0].kind == "body"


def test_date_line_with_pm_is_not_the_first_sentence_and_headline_after_it_is_kept(tmp_path):
    text = (
        "https://www.example.com/2009/POLITICS/03/03/species.act/\n"
        "updated 8:41 p.m. EST, Tue March 3, 2009\n"
        "President overturns endangered species rule\n"
        "The president on Tuesday overturned a last-minute regulation on endangered species, officials said.\n"
    )
    segs, info = classify_lines(text)
    assert [s.kind for s in segs] == ["meta", "meta", "title", "body"]
    assert info["title"] == "President overturns endangered species rule"


def test_tokenised_url_with_query_or_curly_apostrophe_is_a_url_line():
    assert ingest._url_line("http : / / www . example . ca / mma / story / ? id=265672")
    assert ingest._url_line(
        "http : / / www . example . com / article / 132929 / hollywood ’ s - mermaid - dies -"
    )
    assert not ingest._url_line("http : / / example . com said the mayor would resign on Friday")


def test_word_count_matches_the_word_pattern():
    from factcheck.ingest import _WORD, _word_count

    lines = [
        "WASHINGTON - The U.S. said on Monday ... it would act.",
        "- _ ' . -- '_' a_b 10:30 and/or well-known",
        "“Quoted” text with curly marks — and a dash",
        "__init__ 'tis .5 -3 x-",
        "",
        "\tTabs\x0band\x1cseparators\x7fhere",
    ]
    for line in lines:
        assert _word_count(line) == len(_WORD.findall(line)), line


PAGE_NAV = """\
Skip to main content
News  Sport  Weather  Culture  Travel
Log in | Register
Home > Science > Space
Probe lands on asteroid after six-year journey
By Ines Moreau and Pavel Novak, science desk editors
Published 4 March 2021
The Hayate probe touched down on the asteroid Kessa on Wednesday, the space agency said, ending a journey of six years.
Engineers will begin drilling for samples next week, mission chief Ana Sousa told reporters.
Ines Moreau covers space and planetary science from Paris.
Pavel Novak is the Ledger's science editor.
About the author
Our standards: how we report on science
"""


def test_menus_breadcrumbs_and_bios_named_in_the_byline_are_furniture():
    k = kinds_of(PAGE_NAV, None)
    assert k["News  Sport  Weather  Culture  Travel"] == ("furniture", "navigation")
    assert k["Log in | Register"] == ("furniture", "navigation")
    assert k["Home > Science > Space"] == ("furniture", "navigation")
    assert k["Probe lands on asteroid after six-year journey"][0] == "title"
    assert k["Ines Moreau covers space and planetary science from Paris."] == ("furniture", "author bio")
    assert k["Pavel Novak is the Ledger's science editor."] == ("furniture", "author bio")
    assert k["About the author"][0] == "furniture"
    assert k["Our standards: how we report on science"][0] == "furniture"
    body = [t for t, (kind, _) in k.items() if kind == "body"]
    assert [b[:20] for b in body] == ["The Hayate probe tou", "Engineers will begin"]


def test_a_role_after_the_byline_names_is_not_an_author(tmp_path):
    text = "Probe lands on asteroid\nBy Ines Moreau, Europe editor\n4 March 2021\n\nThe probe touched down on Wednesday, the agency said.\n"
    a = load([_write(tmp_path / "p.txt", text)]).articles[0]
    assert a.authors == ["Ines Moreau"]


def test_a_headline_with_a_separator_is_not_navigation():
    k = kinds_of(
        "Putin to visit China in May | World News\nPutin will visit China in May, the Kremlin said on Tuesday.\n",
        None,
    )
    # the headline is the title; the site's name beside it is metadata, no part of a claim
    assert k["Putin to visit China in May"] == ("title", "headline")
    assert k[" | World News"] == ("meta", "site name")


def test_wire_credits_after_a_rule_line_and_contributor_lines_are_furniture():
    text = (
        "Ferry sinks off Crete\n\nMay 2, 2024\n\n"
        "ATHENS, Greece (AP) — A ferry sank off Crete on Thursday and all 40 passengers were rescued, the coast guard said.\n\n"
        "The cause is being investigated.\n\n"
        "Reuters staff contributed to this report.\n\n"
        "___\n\n"
        "Follow the coverage of the Mediterranean at https://example.org/med\n"
    )
    k = kinds_of(text, None)
    assert k["Reuters staff contributed to this report."] == ("furniture", "contributor credit")
    assert k["___"][0] == "furniture"
    assert k["Follow the coverage of the Mediterranean at https://example.org/med"][0] == "furniture"
    assert k["The cause is being investigated."][0] == "body"


def test_a_contribution_in_the_news_is_body():
    text = "Donor gives to campaign\n\nMay 2, 2024\n\nThe donor contributed $5 million to the campaign from his own funds, filings show.\n"
    assert (
        kinds_of(text, None)[
            "The donor contributed $5 million to the campaign from his own funds, filings show."
        ][0]
        == "body"
    )


def test_a_rule_line_in_the_middle_is_a_section_break():
    body = "\n\n".join(
        f"Paragraph {i} says the council met on Monday and voted on the plan." for i in range(8)
    )
    more = body.replace("Paragraph", "Section two, paragraph")  # (a paragraph repeated on a page is chrome)
    text = f"Council votes\n\nMay 2, 2024\n\n{body}\n\n___\n\n{more}\n"
    kinds = [s.kind for s in classify_lines(text)[0]]
    assert kinds.count("body") == 16


def test_language_is_detected_on_running_text_not_on_the_menu_above_it() -> None:
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Contact us", "Sign in", "Subscribe now"] * 6)
    body = (
        "Die Regierung hat am Dienstag beschlossen, die Steuern für kleine Betriebe zu senken.\n"
        "Der Finanzminister sagte, die Entlastung gelte ab dem kommenden Jahr für alle Länder.\n"
    )
    text = menu + "\n" + body
    sample = ingest._detect_sample(text)
    assert sample.startswith("Die Regierung") and len(sample) <= ingest.DETECT_SAMPLE
    assert ingest.article_from_text(text, path="p.txt", key="p.txt").language == "de"


_GERMAN_BODY = (
    "Die Regierung hat am Dienstag beschlossen, die Steuern für kleine Betriebe deutlich zu senken.\n"
    "Der Finanzminister sagte, die Entlastung gelte ab dem kommenden Jahr für alle Länder des Bundes.\n"
    "Lesen Sie auch: Die Opposition kritisiert die Pläne der Regierung für die Rente\n"
    "Die Wirtschaftsverbände begrüßten den Beschluss, forderten aber weitere Schritte bei den Abgaben.\n"
)
_ENGLISH_BODY = (
    "The council voted on Tuesday to cut the business tax for small shops in the city centre.\n"
    "The mayor said the relief would apply from next year and cost the city about two million pounds.\n"
    "Business groups welcomed the vote but asked for further steps on parking charges and rents.\n"
)


def _count_detections(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The samples language detection reads from now on (it still answers)."""
    calls: list[str] = []
    detect = langres.detect

    def counted(text: str, **kw: Any) -> str | None:
        calls.append(text)
        return detect(text, **kw)

    monkeypatch.setattr(langres, "detect", counted)
    return calls


def test_a_german_article_under_english_chrome_is_read_in_german(monkeypatch: pytest.MonkeyPatch) -> None:
    chrome = (
        "This website uses cookies to improve service and provide tailored ads. By using this site, you agree"
        " to this use. See our Cookie Policy\n"
        "By continuing to use this site you agree to our Privacy Policy and to the processing of your personal"
        " data by our partners.\n"
    )
    text = chrome + _GERMAN_BODY
    assert langres.detect(ingest._detect_sample(text), sample=ingest.DETECT_SAMPLE) == "en"  # (the chrome)
    calls = _count_detections(monkeypatch)
    art = ingest.article_from_text(text, path="p.txt", key="p.txt")
    assert art.language == "de" and calls[-1].startswith("Die Regierung")
    kinds = {art.text[s.start : s.end].split(":")[0]: s.kind for s in art.segments}
    assert kinds["Lesen Sie auch"] == "furniture"  # (a German furniture marker: the German rules ran)
    assert not any(n.endswith(ingest.ENGLISH_RULES_NOTICE) for n in art.notices)


def test_an_english_article_under_a_german_cookie_banner_is_read_in_english() -> None:
    banner = (
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Mit der weiteren Nutzung unserer"
        " Webseite stimmen Sie dem Gebrauch der Cookies zu.\n"
        "Weitere Informationen zum Datenschutz und zu Ihren personenbezogenen Daten finden Sie in unserer"
        " Datenschutzerklärung.\n"
    )
    text = banner + _ENGLISH_BODY
    assert langres.detect(ingest._detect_sample(text), sample=ingest.DETECT_SAMPLE) == "de"  # (the banner)
    art = ingest.article_from_text(text, path="p.txt", key="p.txt")
    assert art.language == "en" and not art.notices
    body = [art.text[s.start : s.end] for s in art.segments if s.kind == "body"]
    assert all(line in body for line in _ENGLISH_BODY.splitlines())
    # the banner stays furniture after the switch: the first language's markers are read too
    banner_kinds = {s.kind for s in art.segments if s.end <= len(banner)}
    assert banner_kinds == {"furniture"}


def test_a_switch_of_language_keeps_the_first_language_s_chrome_only() -> None:
    # a Polish consent banner (pl has a furniture file) over an English article: the banner stays furniture
    # after the switch to English; the vocabulary read is the two languages' (and English), no other
    banner = (
        "Szanowny Użytkowniku, ta strona korzysta z plików cookies. Dalsze korzystanie ze strony oznacza zgodę"
        " na ich użycie zgodnie z polityką prywatności.\n"
        "Administratorem Twoich danych osobowych jest spółka wydawcy portalu, więcej informacji znajdziesz w"
        " naszej polityce prywatności.\n"
    )
    text = banner + _ENGLISH_BODY
    first = langres.detect(ingest._detect_sample(text), sample=ingest.DETECT_SAMPLE)
    assert first == "pl"  # (the banner)
    art = ingest.article_from_text(text, path="p.txt", key="p.txt")
    assert art.language == "en"
    assert {s.kind for s in art.segments if s.end <= len(banner)} == {"furniture"}
    assert furniture.vocabulary("en", "pl").langs == ("en", "pl")
    assert furniture.vocabulary("de", "xx").langs == ("de", "en")  # (no furniture file: ignored)


def test_a_short_page_of_chrome_keeps_the_first_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    # nothing is kept as body: no second sample, the first detection stands
    text = "This website uses cookies to improve your experience. See our Cookie Policy\nHome\n"
    calls = _count_detections(monkeypatch)
    art = ingest.article_from_text(text, path="p.txt", key="p.txt")
    assert art.language == "en" and len(calls) == 1


def test_an_ordinary_article_is_detected_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_detections(monkeypatch)
    for body, code in ((_GERMAN_BODY, "de"), (_ENGLISH_BODY, "en")):
        text = "Home | News | Sport\nSteuern sinken\n" + body
        assert ingest.article_from_text(text, path="p.txt", key="p.txt").language == code
    assert len(calls) == 2


def test_the_second_detection_reads_the_body_the_rules_kept() -> None:
    # a German page whose first lines are chrome the English rules drop: the body sample is German running
    # text, the first sample is not
    text = (
        "Deprecated: Assigning the return value of new by reference is deprecated in /www/wp-settings.php on line 520\n"
        * 3
        + _GERMAN_BODY
    )
    spans = ingest._detect_spans(text)
    segs, _info = classify_lines(text, "en")
    share = ingest._body_share(spans, segs)
    body = ingest._detect_spans(text, [(s.start, s.end) for s in segs if s.kind == "body"])
    assert share < ingest.DETECT_BODY_SHARE
    assert ingest._sample_of(text, body).startswith("Die Regierung")
    assert ingest.article_from_text(text, path="p.txt", key="p.txt").language == "de"


def test_a_text_without_running_text_is_detected_on_its_start() -> None:
    text = "Home\nNews\nSport\n" + "Weather\n" * 100
    assert ingest._detect_sample(text) == text[: ingest.DETECT_SAMPLE]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=" abcXY.\n\t", max_size=80), max_size=30).map("\n".join))
def test_the_detection_sample_is_bounded_and_made_of_the_text_s_lines(text: str) -> None:
    sample = ingest._detect_sample(text)
    assert len(sample) <= ingest.DETECT_SAMPLE
    lines = [ln.strip() for ln in text[: ingest.DETECT_HEAD].split("\n")]
    running = [ln for ln in lines if ingest._word_count(ln) >= ingest.DETECT_MIN_WORDS]
    if not running:
        assert sample == text[: ingest.DETECT_SAMPLE]
    else:
        assert "\n".join(running).startswith(sample)


@pytest.mark.parametrize(
    ("title", "date_line", "body"),
    [
        (
            "Россияне определили элиту общества",
            "6 января 2012 года",
            "Большинство россиян считают элитой общества учёных и врачей, сообщил в пятницу Левада-центр. "
            "Опрос провели в декабре среди 1600 человек в 45 регионах страны.",
        ),
        (
            "Budimex ma nowy kontrakt",
            "6 stycznia 2012",
            "Spółka Budimex podpisała w piątek umowę na budowę drogi ekspresowej o wartości 90 mln zł. "
            "Prace mają się zakończyć w przyszłym roku, poinformowała firma w komunikacie.",
        ),
    ],
)
def test_date_line_in_a_language_without_rules_of_ours_is_the_publication_date(
    tmp_path, title, date_line, body
):
    # dateparser reads the language the article is in, not only the five languages with rules of ours
    p = tmp_path / "a.txt"
    p.write_text(f"{title}\n\n{date_line}\n\n{body}\n", encoding="utf-8")
    art = load([p]).articles[0]
    assert art.published == dt.date(2012, 1, 6), (art.language, art.published)


def _record_article(tmp_path: Path, **keys: object) -> ingest.Article:
    """The article of a one-record JSONL file: a short report, with ``keys`` added to (or replacing) its own."""
    rec = {
        "title": "Inflation up",
        "text": "Inflation rose to 3.4 percent in March, the office said.",
        **keys,
    }
    p = _write(tmp_path / "a.jsonl", json.dumps(rec) + "\n")
    return load([p]).articles[0]


@pytest.mark.parametrize(
    ("value", "published"),
    [
        (1709632800, dt.date(2024, 3, 5)),  # seconds
        (1709632800000, dt.date(2024, 3, 5)),  # milliseconds (JavaScript)
        ("1709632800", dt.date(2024, 3, 5)),
        (1709632800.5, dt.date(2024, 3, 5)),
        (12, None),  # a count, not a time
        (True, None),
        ("4102444800", None),  # 2100: no publication date
    ],
)
def test_record_date_as_unix_time(tmp_path, value, published):
    art = _record_article(tmp_path, date=value)
    assert art.published == published
    unread = [n for n in art.notices if n.startswith(ingest.DATE_UNREAD_NOTICE)]
    assert bool(unread) == (published is None)


def test_record_date_unread_is_said_and_leaves_the_date_unknown(tmp_path):
    art = _record_article(tmp_path, date="soon")
    assert art.published is None
    assert f'{ingest.DATE_UNREAD_NOTICE}"soon"' in " ".join(art.notices)


@pytest.mark.parametrize(
    ("title", "head", "site"),
    [
        (
            "Berlin confronts its colonial past with new initiative | DW | 19.01.2020",
            "Berlin confronts its colonial past with new initiative",
            "DW",
        ),
        (
            "Regierung plant neue Regeln für Mieter - 31.10.2023, 10.19 Uhr",
            "Regierung plant neue Regeln für Mieter",
            None,
        ),
        ("Flood warnings issued for three rivers | 5:00 PM", "Flood warnings issued for three rivers", None),
        ("武汉的声音：一线医生讲述！-新华网", "武汉的声音：一线医生讲述！", "新华网"),
        ("武汉的声音一线医生讲述_新闻_新浪网", "武汉的声音一线医生讲述", "新浪网"),
        ("2019 in review: the year in science | BBC News", "2019 in review: the year in science", "BBC News"),
        ("Short title", "Short title", None),
        # after a dash a part with lower-case inner words is no site's name, nor after a bar a clause (written probes)
        (
            "Bridge closed after the storm - Harbour and coast Times",
            "Bridge closed after the storm - Harbour and coast Times",
            None,
        ),
        ("Stadt sucht neue Wege | Parken wird teuer", "Stadt sucht neue Wege | Parken wird teuer", None),
    ],
)
def test_page_title_parts_leave_out_dates_and_sites(title, head, site):
    assert ingest._page_title_parts(title) == (head, site)


# A bar's look-alikes ("│", "ǀ", "｜") separate a <title>'s site name as the bar does, and a name after a bar may
# have lower-case inner words; after a dash it may not (a compound, a subtitle).
@pytest.mark.parametrize(
    ("title", "head", "site"),
    [
        # real: nestle-marktplatz.de (trafilatura's title of the page)
        (
            "Produkttester werden: gratis testen & bewerten │ Nestlé Marktplatz",
            "Produkttester werden: gratis testen & bewerten",
            "Nestlé Marktplatz",
        ),
        # written probes: the fullwidth bar, the click letter as a bar, no spaces around a box-drawing bar
        (
            "Bridge closed after storm damage ｜ Harbour Times",
            "Bridge closed after storm damage",
            "Harbour Times",
        ),
        (
            "Bridge closed after storm damage ǀ Harbour Times",
            "Bridge closed after storm damage",
            "Harbour Times",
        ),
        (
            "Bridge closed after storm damage│Harbour Times",
            "Bridge closed after storm damage",
            "Harbour Times",
        ),
        # real: for-me-online.de's <title>
        (
            "Töchter in der Pubertät - Wie sie mit Ihnen sprechen können erklärt for me | For me online Germany",
            "Wie sie mit Ihnen sprechen können erklärt for me",
            "For me online Germany",
        ),
        # written probe: a magazine's name with lower-case adjectives
        (
            "Apfelkuchen vom Blech mit Streuseln | Das kleine grüne Kochbuch",
            "Apfelkuchen vom Blech mit Streuseln",
            "Das kleine grüne Kochbuch",
        ),
    ],
)
def test_page_title_parts_read_a_bar_look_alike_and_a_barred_name_of_any_case(title, head, site):
    assert ingest._page_title_parts(title) == (head, site)


def test_record_title_ending_in_a_date_loses_the_date(tmp_path):
    art = _record_article(
        tmp_path,
        title="Berlin confronts its colonial past with new initiative | DW | 19.01.2020",
        sitename="DW",
    )
    assert art.title == "Berlin confronts its colonial past with new initiative"


@pytest.mark.parametrize(
    "title",
    ["Markets tumble", "انهيار الأسواق", "קריסת השווקים", "Кризис рынков"],
)
def test_two_word_headline_alone_above_the_article_is_its_title(tmp_path, title):
    p = tmp_path / "a.txt"
    body = "Stocks fell sharply on Monday after the central bank raised interest rates by half a point, traders said."
    p.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    art = load([p]).articles[0]
    assert art.title == title
    assert not art.segments or all(s.kind != "furniture" for s in art.segments)


def test_two_short_lines_above_the_article_give_no_two_word_title(tmp_path):
    # a menu or breadcrumb of short lines is no headline, however short the lines
    p = tmp_path / "a.txt"
    body = "Stocks fell sharply on Monday after the central bank raised interest rates by half a point, traders said."
    p.write_text(f"World News\nMarkets Today\n\n{body}\n", encoding="utf-8")
    assert load([p]).articles[0].title is None
