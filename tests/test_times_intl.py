"""The time tagger for languages other than English (factcheck/times_intl.py) and its data files."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import times_intl
from factcheck.lang import available, resource


def _examples() -> list[tuple[str, dict]]:
    return [(lang, ex) for lang in available("dates") for ex in resource(lang, "dates").get("examples", [])]


def test_every_dates_file_has_examples() -> None:
    langs = available("dates")
    assert {"es", "de", "fr", "pt"} <= set(langs)
    for lang in langs:
        assert resource(lang, "dates").get("examples"), lang


@pytest.mark.parametrize(("lang", "ex"), _examples(), ids=lambda v: v if isinstance(v, str) else "")
def test_dates_examples(lang: str, ex: dict) -> None:
    got = {t.text: t.value for t in times_intl.tag(ex["text"], dt.date.fromisoformat(ex["anchor"]), lang)}
    for text, value in ex["expect"].items():
        assert got.get(text) == value, (ex["text"], got)
    for text in ex.get("absent", []):
        assert text not in got, (ex["text"], got)


def test_clock_time_alone_takes_no_date() -> None:
    got = times_intl.tag("El concierto empieza a las 6:00 de la tarde.", dt.date(2022, 5, 4), "es")
    assert [t.value for t in got] == ["T18:00"]


def test_clock_time_takes_the_date_stated_beside_it() -> None:
    got = times_intl.tag("Será este sábado 7 de mayo desde las 6:00.", dt.date(2022, 5, 4), "es")
    assert [t.value for t in got] == ["2022-05-07", "2022-05-07T06:00"]


def test_tense_points_a_weekday() -> None:
    anchor = dt.date(2002, 1, 2)  # a Wednesday
    fwd = times_intl.tag("Taha dirigirá el viernes la fiesta.", anchor, "es")
    back = times_intl.tag("La ley marcial, impuesta el lunes, sigue vigente.", anchor, "es")
    assert [t.value for t in fwd] == ["2002-01-04"]
    assert [t.value for t in back] == ["2001-12-31"]


def test_english_and_unknown_languages_are_not_tagged_here() -> None:
    assert not times_intl.supported("en")
    assert not times_intl.supported("xx")
    assert times_intl.tag("hoy", dt.date(2020, 1, 1), "xx") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .:/-,abcdehlmnoprstuyzáñ")), max_size=60))
def test_tagging_never_raises_and_spans_index_the_text(text: str) -> None:
    for lang in ("es", "de", "fr", "pt"):
        for t in times_intl.tag(text, dt.date(2020, 1, 15), lang):
            assert text[t.start : t.end] == t.text
            assert t.value


def test_part_of_a_period_is_a_mod() -> None:
    got = times_intl.tag(
        "Die Wahl ist Anfang März, das Ergebnis kommt Ende des Jahres.", dt.date(2020, 1, 15), "de"
    )
    assert [(t.value, t.mod) for t in got] == [("2020-03", "START"), ("2020", "END")]


def test_a_new_language_is_data_only(tmp_path, monkeypatch) -> None:
    """Italian, added as one data file in a language folder: the engine tags it unchanged."""
    import factcheck.lang as lang_pkg

    (tmp_path / "it").mkdir()
    (tmp_path / "it" / "dates.toml").write_text(
        """
months = { gennaio = 1, febbraio = 2, marzo = 3, aprile = 4, maggio = 5, giugno = 6 }
weekdays = { "lunedì" = 1, "martedì" = 2, "mercoledì" = 3, "giovedì" = 4, "venerdì" = 5 }
relative_days = { oggi = 0, ieri = -1, domani = 1 }
units = { anno = "Y", mese = "M", settimana = "W", giorno = "D" }
units_plural = { anni = "Y", mesi = "M", settimane = "W", giorni = "D" }
numbers = { un = 1, uno = 1, una = 1, due = 2, tre = 3 }
next = ["prossimo", "prossima"]
last = ["scorso", "scorsa"]
connectors = ["il", "la", "di", "del"]
[tense]
future = ['\\b\\w+(?:rà|ranno)\\b']
past = ['\\b\\w+(?:ato|uto|ito)\\b']
""",
        encoding="utf-8",
    )
    monkeypatch.setattr(lang_pkg, "ROOT", tmp_path)
    lang_pkg.resource.cache_clear()
    times_intl._lexicon.cache_clear()
    times_intl.clear_cache()
    try:
        got = times_intl.tag(
            "Martedì 3 maggio 2022 il ministro ha parlato; partirà il prossimo martedì. Ieri ha detto: dura tre anni.",
            dt.date(2022, 5, 4),
            "it",
        )
        assert {t.text: t.value for t in got} == {
            "Martedì 3 maggio 2022": "2022-05-03",
            "prossimo martedì": "2022-05-10",
            "Ieri": "2022-05-03",
            "tre anni": "P3Y",
        }
    finally:
        monkeypatch.undo()
        lang_pkg.resource.cache_clear()
        times_intl._lexicon.cache_clear()
        times_intl.clear_cache()


def test_date_phrase_reads_what_a_reviewer_types_when_dateparser_does_not() -> None:
    today = dt.date(2026, 12, 3)  # a Thursday
    assert times_intl.date_phrase("lundi dernier", today, "fr") == dt.date(2026, 11, 30)
    assert times_intl.date_phrase("el lunes pasado", today, "fr") == dt.date(2026, 11, 30)  # another language
    assert times_intl.date_phrase("letzten Montag", today) == dt.date(2026, 11, 30)
    assert times_intl.date_phrase("hier soir", today, "fr") == dt.date(2026, 12, 2)
    # no day: a week, a year, a clock time, a sentence, nothing
    for text in ("la semaine dernière", "2025", "um 20 Uhr", "Am Montag sagte er nichts.", "", "foo"):
        assert times_intl.date_phrase(text, today, "de") is None, text


@pytest.mark.parametrize(
    ("typed", "lang", "expected"),
    [
        ("3 May", "en", dt.date(2026, 5, 3)),
        ("3. Mai 2024", "en", dt.date(2024, 5, 3)),  # another of factcheck's languages
        ("3 maggio 2024", None, dt.date(2024, 5, 3)),
        ("08/03/2016", "de", dt.date(2016, 3, 8)),
        ("3 days ago", "en", dt.date(2026, 11, 30)),
        ("hace tres días", "en", dt.date(2026, 11, 30)),
        ("2024-05-03", None, dt.date(2024, 5, 3)),
        # half typed, or no day: dateparser alone reads these as the 3rd of this month, 1 March, today (the
        # Hungarian "ma") and 1 May
        ("3 Ma", "en", None),
        ("3", "de", None),
        ("Ma", None, None),
        ("3 Ma 2024", "fr", None),
        ("May 2024", "en", None),
    ],
)
def test_a_typed_day_names_its_day_and_month_in_full(
    typed: str, lang: str | None, expected: dt.date | None
) -> None:
    assert times_intl.typed_date(typed, lang, dt.date(2026, 12, 3)) == expected


@pytest.mark.parametrize(
    ("text", "lang", "span"),
    [
        ("Am 25. September 2018\n2. Der Tweet des Tages", "de", "25. September 2018"),
        ("el 25 de septiembre de 2018\n2. El tuit del día", "es", "25 de septiembre de 2018"),
    ],
)
def test_a_whole_date_takes_no_list_number_of_the_next_line(text: str, lang: str, span: str) -> None:
    """A numbered list of dated items ("25. September 2018" over "2. Der Tweet ...", realworld-dev's
    basicthinking page) gave the span "25. September 2018\\n2.": the next item's number was read on. A date
    wrapped over two lines still reads whole."""
    refs = times_intl.tag_language(text, dt.date(2018, 12, 5), lang)
    assert [(r.text, r.value) for r in refs] == [(span, "2018-09-25")]
    wrapped = times_intl.tag_language("Am Dienstag, dem\n14. Januar 2020 kam es", dt.date(2018, 12, 5), "de")
    assert [(r.text, r.value) for r in wrapped] == [("Dienstag, dem\n14. Januar 2020", "2020-01-14")]


@pytest.mark.parametrize(
    ("lang", "text", "span", "value"),
    [
        (
            "de",
            "In den ersten sechs Monaten des Jahres wurden sieben Menschen getötet.",
            "ersten sechs Monaten des Jahres",
            "P6M",
        ),
        ("es", "En los primeros seis meses del año murieron 20 personas.", "seis meses del año", "P6M"),
        ("pt", "Nos primeiros seis meses do ano morreram 20 pessoas.", "seis meses do ano", "P6M"),
    ],
)
def test_counted_unit_of_the_year_keeps_its_unit(lang: str, text: str, span: str, value: str) -> None:
    # "des Jahres", "del año" only say whose months they are: six months, not six years
    got = {t.text: t.value for t in times_intl.tag(text, dt.date(2024, 8, 27), lang)}
    assert got.get(span) == value, got


def test_a_day_counted_from_is_in_the_past() -> None:
    got = {
        t.text: t.value
        for t in times_intl.tag("Les prix ont doublé depuis le 7 octobre.", dt.date(2025, 3, 10), "fr")
    }
    assert got == {"depuis le 7 octobre": "2024-10-07"}


# "last summer", "next winter", "this winter" in each language read as the English engine reads them, on anchors
# around the seasons' turns (a September paper's "last summer" is that year's in every language)
_SEASON_SENTENCES = {
    "de": (
        "Die Mannschaft gewann im vergangenen Sommer.",
        "Sie spielt dort nächsten Winter.",
        "Diesen Winter war es kalt.",
    ),
    "es": (
        "El equipo ganó el verano pasado.",
        "Jugará allí el próximo invierno.",
        "Este invierno hizo frío.",
    ),
    "fr": (
        "L'équipe a gagné l'été dernier.",
        "Elle jouera là-bas l'hiver prochain.",
        "Cet hiver, il a fait froid.",
    ),
    "pt": (
        "A equipa ganhou no verão passado.",
        "Vai jogar lá no próximo inverno.",
        "Neste inverno fez frio.",
    ),
}
_SEASON_ENGLISH = ("The team won last summer.", "It plays there next winter.", "This winter it was cold.")


@pytest.mark.parametrize("lang", sorted(_SEASON_SENTENCES))
@pytest.mark.parametrize("anchor", ["2002-09-02", "2024-12-02", "2021-01-15", "2024-03-10", "2024-07-10"])
def test_seasons_with_a_direction_read_as_in_english(lang: str, anchor: str) -> None:
    from factcheck.temporal import tag as tag_en

    a = dt.date.fromisoformat(anchor)
    theirs = [[t.value for t in times_intl.tag(text, a, lang)] for text in _SEASON_SENTENCES[lang]]
    ours = [[t.value for t in tag_en(text, a)] for text in _SEASON_ENGLISH]
    assert theirs == ours, (lang, anchor, theirs, ours)
    assert all(len(v) == 1 for v in theirs), theirs
