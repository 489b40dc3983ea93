"""Dates in figures are read in the order their shape and language give, by every caller: the dates module
itself, a record's date, a sidecar's, a byline or date line of a page (the TUI's `p` dialog is tested in
test_tui_flows.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import ingest
from factcheck.dates import date_order, parse_date_text
from factcheck.ingest import article_from_record, classify_lines

LANGS = [None, "en", "de", "fr", "es", "pt"]
DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))
LEDE = (
    "The council voted on Tuesday to close the old harbour bridge to trucks for at least two years, "
    "its chair said after the meeting."
)


def _langs(lang: str | None) -> tuple[str, ...] | None:
    return (lang, "en") if lang else None


@settings(max_examples=60, deadline=None)
@given(day=DAYS, lang=st.sampled_from(LANGS), pad=st.booleans())
def test_dots_are_day_first_in_every_language(day: dt.date, lang: str | None, pad: bool) -> None:
    text = f"{day.day:02d}.{day.month:02d}.{day.year}" if pad else f"{day.day}.{day.month}.{day.year}"
    assert parse_date_text(text, languages=_langs(lang)) == day


@settings(max_examples=60, deadline=None)
@given(day=DAYS, lang=st.sampled_from(LANGS), sep=st.sampled_from(["-", "/", "."]))
def test_a_year_first_is_year_month_day(day: dt.date, lang: str | None, sep: str) -> None:
    text = sep.join([str(day.year), f"{day.month:02d}", f"{day.day:02d}"])
    assert parse_date_text(text, languages=_langs(lang)) == day


@settings(max_examples=60, deadline=None)
@given(day=DAYS, lang=st.sampled_from(LANGS), sep=st.sampled_from(["/", "-"]))
def test_slashes_and_dashes_follow_the_language(day: dt.date, lang: str | None, sep: str) -> None:
    d, m, y = f"{day.day:02d}", f"{day.month:02d}", str(day.year)
    text = sep.join([m, d, y] if lang in (None, "en") else [d, m, y])
    assert parse_date_text(text, languages=_langs(lang)) == day


@pytest.mark.parametrize(
    ("phrase", "languages", "expected"),
    [
        ("08.03.2016", None, dt.date(2016, 3, 8)),  # dateparser alone: 3 August
        ("08.03.2016", ("de", "en"), dt.date(2016, 3, 8)),  # dateparser alone: 3 August (English wins)
        ("08.03.16", ("en",), dt.date(2016, 3, 8)),
        ("08.03.2016 | 15:30 Uhr", ("de", "en"), dt.date(2016, 3, 8)),
        ("Dienstag, 14.01.2020", ("de", "en"), dt.date(2020, 1, 14)),
        ("11/04/2012", ("en",), dt.date(2012, 11, 4)),
        ("11/04/2012", None, dt.date(2012, 11, 4)),
        ("11/04/2012", ("de", "en"), dt.date(2012, 4, 11)),
        ("le 11/04/2012 à 06:25", ("fr", "en"), dt.date(2012, 4, 11)),
        ("11/04/2012", ("nl",), dt.date(2012, 4, 11)),  # any language dateparser knows: its own order
        ("13/04/2012", ("en",), dt.date(2012, 4, 13)),  # figures that fit one order only
        ("2012-11-04", ("de",), dt.date(2012, 11, 4)),
        ("14. Januar 2020, 9:21 Uhr", ("de", "en"), dt.date(2020, 1, 14)),
        ("20 de setembro de 2023", None, dt.date(2023, 9, 20)),
    ],
)
def test_examples(phrase: str, languages: tuple[str, ...] | None, expected: dt.date) -> None:
    assert parse_date_text(phrase, languages=languages) == expected


def test_date_order_names_the_order_of_a_date_in_figures() -> None:
    assert date_order("3 May 2024") is None  # words name the month
    assert date_order("am 08.03.2016", ("en",)) == "DMY"
    assert date_order("2016-03-08", ("de",)) == "YMD"
    assert date_order("08/03/2016", ("en",)) == "MDY"
    assert date_order("08/03/2016", ("pt",)) == "DMY"
    assert date_order("08/03/2016", ("zh",)) == "MDY"  # (a year-first locale, the year written last)
    assert date_order("08/03/2016", ("xx",)) == "DMY"  # a language dateparser does not know


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("08.03.2016", "de", dt.date(2016, 3, 8)),
        ("08.03.2016", None, dt.date(2016, 3, 8)),
        ("08/03/2016", "de", dt.date(2016, 3, 8)),
        ("08/03/2016", "en", dt.date(2016, 8, 3)),
        ("19. März 2024", "de", dt.date(2024, 3, 19)),
        ("2016-03-08T10:00:00", "de", dt.date(2016, 3, 8)),
        ("March 19, 2024", "en", dt.date(2024, 3, 19)),
        ("soon", "en", None),
    ],
)
def test_a_records_date(value: str, lang: str | None, expected: dt.date | None) -> None:
    rec = {"text": LEDE, "date": value, "language": lang} if lang else {"text": LEDE, "date": value}
    art = article_from_record(rec, path="r.json", key="r.json")
    assert art.published == expected
    assert ingest.parse_date_value(value, lang) == expected


def test_a_sidecars_date_follows_the_articles_language(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(
        "Die Brücke bleibt gesperrt\n"
        "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke für mindestens zwei Jahre für "
        "Lastwagen zu sperren, sagte die Vorsitzende nach der Sitzung.\n",
        encoding="utf-8",
    )
    (tmp_path / "a.toml").write_text('published = "08/03/2016"\n', encoding="utf-8")
    batch = ingest.load([tmp_path])
    assert batch.articles[0].language == "de"
    assert batch.articles[0].published == dt.date(2016, 3, 8)


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        ("08.03.2016", "en", dt.date(2016, 3, 8)),
        ("08.03.2016 | 15:30 Uhr", "de", dt.date(2016, 3, 8)),
        ("von Anja Berg am 02.03.2018", "de", dt.date(2018, 3, 2)),
        ("par Florence Audier, le 02/03/2018", "fr", dt.date(2018, 3, 2)),
        ("By Ana Ruiz | 03/02/2018", "en", dt.date(2018, 3, 2)),
    ],
)
def test_a_byline_or_date_line_of_a_page(line: str, lang: str, expected: dt.date) -> None:
    _segs, info = classify_lines("\n".join(["Bridge closed to trucks", line, LEDE]), lang)
    assert info["published"] == expected, line


def test_a_json_record_file_end_to_end(tmp_path) -> None:
    (tmp_path / "r.json").write_text(
        json.dumps({"text": LEDE, "date": "08.03.2016", "language": "en"}), encoding="utf-8"
    )
    art = ingest.load([tmp_path / "r.json"]).articles[0]
    assert (art.published, art.published_source) == (dt.date(2016, 3, 8), "record")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("20/09/2023 às 10h", dt.date(2023, 9, 20)),  # dateparser alone: ten hours before today
        ("Date 19.01.2020", dt.date(2020, 1, 19)),  # dateparser alone: no date (the label)
        ("2.03.2018von Max Muster", dt.date(2018, 3, 2)),
    ],
)
def test_a_date_in_figures_is_read_when_dateparser_misreads_the_words_around_it(
    phrase: str, expected: dt.date
) -> None:
    assert parse_date_text(phrase, languages=("pt", "en")) == expected


@pytest.mark.parametrize(
    ("lede", "lang", "expected"),
    [
        (
            "Berlin, 7. März 2024 – Die Gewerkschaft der Lokführer hat für Donnerstag einen Streik im "
            "Personenverkehr angekündigt.",
            "de",
            dt.date(2024, 3, 7),
        ),
        (
            "Madrid, 14 de marzo de 2024 (EFE).- El ministro de Agricultura anunció el jueves que el Gobierno "
            "destinará 300 millones de euros a paliar la sequía.",
            "es",
            dt.date(2024, 3, 14),
        ),
        (
            "Bordeaux, le 3 février 2024 — Le maire a déclaré lundi que le pont serait fermé pendant trois "
            "mois à partir du 1er mars.",
            "fr",
            dt.date(2024, 2, 3),
        ),
        (
            "Brasília, 2 de janeiro de 2024 — O ministro da Fazenda disse nesta terça-feira que o salário "
            "mínimo passará a R$ 1.412.",
            "pt",
            dt.date(2024, 1, 2),
        ),
        (
            "WASHINGTON, March 7, 2024 (Reuters) - The Senate passed a spending bill on Thursday, averting a "
            "partial government shutdown.",
            "en",
            dt.date(2024, 3, 7),
        ),
        (
            "Rio de Janeiro, 05/05/2022 - A Polícia Civil prendeu nesta quinta-feira três suspeitos de "
            "participar do assalto.",
            "pt",
            dt.date(2022, 5, 5),
        ),
    ],
)
def test_a_wire_dateline_opening_the_first_paragraph_dates_the_article(
    lede: str, lang: str, expected: dt.date, tmp_path
) -> None:
    """A wire story's dateline ("Place, DATE – ...") opening its first paragraph is its publication date, as a
    date line above it is: an agency's copy saved as text was undated, and its "am Donnerstag", "nesta
    terça-feira" unresolved. The paragraph stays the article's (its claim keeps the dateline)."""
    segs, info = classify_lines("\n".join(["Headline of the story", lede, LEDE]), lang)
    assert info["published"] == expected
    assert next(s.kind for s in segs if s.start > 0) == "body"
    (tmp_path / "a.txt").write_text(f"Headline of the story\n\n{lede}\n", encoding="utf-8")
    art = ingest.load([tmp_path / "a.txt"]).articles[0]
    assert (art.published, art.published_source) == (expected, "text")


@pytest.mark.parametrize(
    "lede",
    [
        # no year: the day alone is no publication date
        "MADRID, 7 mar (Reuters) - El sindicato convocó el jueves una huelga de 35 horas, dijo un portavoz.",
        # a sentence with a comma and a dash, no dateline
        "Berlin, so heißt es in dem Bericht – habe am 7. März 2024 die Arbeit an dem Gesetz beendet.",
        # a lower-case word before the comma: a clause, not a place
        "dazu, am 7. März 2024 – so der Sprecher – solle die Sitzung stattfinden, sagte er am Montag.",
    ],
)
def test_no_dateline_no_date(lede: str) -> None:
    _segs, info = classify_lines("\n".join(["Headline of the story", lede, LEDE]), None)
    assert "published" not in info


def test_a_dateline_below_the_first_paragraph_dates_nothing() -> None:
    """Only the first paragraph opens with the story's dateline; one further down opens a quoted release or
    a second report (the page's date line, when there is one, said the date already)."""
    text = "\n".join(
        [
            "Headline of the story",
            LEDE,
            "Madrid, 14 de marzo de 2024 (EFE).- Según Renfe, el 80 % no circula.",
        ]
    )
    _segs, info = classify_lines(text, "es")
    assert "published" not in info


def test_a_records_date_is_kept_and_a_dateline_that_disagrees_is_said(tmp_path) -> None:
    lede = "Berlin, 7. März 2024 – Die Gewerkschaft hat für Donnerstag einen Streik angekündigt, sagte ein Sprecher."
    (tmp_path / "r.json").write_text(
        json.dumps({"text": lede, "date": "2024-03-09", "language": "de"}), encoding="utf-8"
    )
    art = ingest.load([tmp_path / "r.json"]).articles[0]
    assert art.published == dt.date(2024, 3, 9)
    assert art.published_source == "record; the text's dateline says 2024-03-07"
    assert any("the text's own dateline 2024-03-07" in n for n in art.notices)
