"""Raw page text: a page's date line with a clock time in the words of its language ("a las 07:46hrs",
"00:00 hs", a year glued to the time), and a line of names or a place stamped with a date and a time, are the
page's dates, never claims; a sentence with a date and a time stays the article's."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.ingest import classify_lines

ARTICULO = [
    "El Concejo Municipal aprobó este martes el cierre del viejo puente del puerto al tránsito pesado a partir "
    "del próximo mes, tras un largo debate.",
    "Los ingenieros encontraron grietas en dos de sus soportes de acero, dijo el alcalde a los periodistas en "
    "una conferencia de prensa.",
    "Los autobuses serán desviados por el túnel del norte mientras duren las reparaciones, informó la oficina "
    "de transporte en un comunicado.",
    "Los comerciantes cerca del puente dijeron que temen perder clientes y pidieron al Concejo un plan de "
    "compensación para los meses de obras.",
]
ARTIKEL = [
    "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke ab dem nächsten Monat für den "
    "Schwerverkehr zu sperren, nach einer langen Debatte.",
    "Ingenieure fanden Risse in zwei ihrer Stahlträger, sagte der Bürgermeister bei einer Pressekonferenz im "
    "Rathaus am Mittwochmorgen.",
    "Busse werden durch den nördlichen Tunnel umgeleitet, solange die Reparaturen dauern, teilte das "
    "Verkehrsamt in einer Mitteilung mit.",
    "Geschäftsleute in der Nähe der Brücke fürchten, Kunden zu verlieren, und baten den Stadtrat um einen "
    "Ausgleich für die Monate der Bauarbeiten.",
]


def _read(lines: list[str], lang: str) -> tuple[dict[str, tuple[str, str]], dict[str, object]]:
    text = "\n".join(lines) + "\n"
    segs, info = classify_lines(text, lang)
    return {text[s.start : s.end]: (s.kind, s.reason) for s in segs}, info


@pytest.mark.parametrize(
    "stamp",
    [
        "Miércoles, 4 de Mayo de 2022 a las 07:46hrs.",  # (cooperativa.cl)
        "04 de mayo 2022 a las 09:01 hrs.",  # (publimetro.cl)
        "miércoles, 4 de mayo de 202200:00 hs",  # (losandes.com.ar: the year glued to the time)
    ],
)
def test_a_date_line_with_the_languages_clock_words_dates_the_page(stamp: str) -> None:
    k, info = _read(["Cierran el puente del puerto", stamp, *ARTICULO], "es")
    assert k[stamp] == ("meta", "date line")
    assert info["published"] == dt.date(2022, 5, 4)
    assert all(k[line] == ("body", "") for line in ARTICULO)


def test_a_second_date_line_with_clock_words_is_a_date_stamp() -> None:
    stamp = "miércoles, 4 de mayo de 202200:00 hs"
    k, info = _read(["Cierran el puente del puerto", "3 de mayo de 2022", *ARTICULO, stamp], "es")
    assert info["published"] == dt.date(2022, 5, 3)
    assert k[stamp] == ("furniture", "date stamp")


@pytest.mark.parametrize(
    ("lang", "stamp"),
    [
        ("es", "medellín 04 de mayo 2022, 12:00 A. M."),  # (eltiempo.com: the dateline's place)
        ("es", "David Andres Calle Atehortua 04 de mayo 2022, 12:00 A. M."),  # (eltiempo.com: the author)
        (
            "de",
            "Beat Bumbacher, Markus M. Haefliger, Johanna Wedl * 19.10.2019, 21:59",
        ),  # (nzz.ch: the authors)
    ],
)
def test_names_or_a_place_stamped_with_a_date_and_a_time_are_no_claim(lang: str, stamp: str) -> None:
    article, dateline = (ARTICULO, "1 de mayo de 2022") if lang == "es" else (ARTIKEL, "1. Mai 2022")
    k, _info = _read(["Cierran el puente del puerto", dateline, *article[:3], stamp, article[3]], lang)
    assert k[stamp] == ("furniture", "date stamp")
    assert all(k[line] == ("body", "") for line in article)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("es", "El partido se jugará el 4 de mayo de 2022 a las 20:00 hs."),
        ("de", "Der Notruf ging am 19.10.2019 um 21:59 Uhr ein"),
    ],
)
def test_a_sentence_with_a_date_and_a_time_stays_the_articles(lang: str, sentence: str) -> None:
    article, dateline = (ARTICULO, "1 de mayo de 2022") if lang == "es" else (ARTIKEL, "1. Mai 2022")
    k, _info = _read(["Cierran el puente del puerto", dateline, *article[:2], sentence, *article[2:]], lang)
    assert k[sentence] == ("body", "")


@pytest.mark.parametrize(
    "stamp",
    [
        "von Die Tagespresse 31. Oktober 202331. Oktober 2023",  # (dietagespresse.com)
        "2. Februar 20202. Februar 2020 Alexander Roll 1 Kommentar Inklusion, Kapitalismus",  # (unsere-zeitung.at)
        "Published on 19. Juni 201619. Juni 2016 von Das Mitternachtskabinett",  # (a wordpress.com blog)
    ],
)
def test_a_blog_themes_two_dates_glued_are_a_date_stamp(stamp: str) -> None:
    # (the publication and update dates a blog theme prints side by side, with the author or the category)
    k, info = _read(["Brücke für Lastwagen gesperrt", "1. Mai 2022", stamp, *ARTIKEL], "de")
    assert info["published"] == dt.date(2022, 5, 1)
    assert k[stamp] == ("furniture", "date stamp")
    assert all(k[line] == ("body", "") for line in ARTIKEL)


def test_a_line_with_two_different_dates_is_no_date_stamp() -> None:
    line = "Vom 1. Mai 2020 bis 1. Mai 2021 galt die Regel in allen Bezirken der Stadt"
    k, _info = _read(["Brücke für Lastwagen gesperrt", "1. Mai 2022", *ARTIKEL[:2], line, *ARTIKEL[2:]], "de")
    assert k[line] == ("body", "")
