"""Rules of the tagger for other languages added from the dev9 split's time errors (tests/fixtures/realworld):
"este martes" on a Tuesday, the noun "year" before a year number, the first of the month written as an ordinal."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import times_intl


def _values(text: str, anchor: str, lang: str) -> dict[str, str]:
    return {t.text: t.value for t in times_intl.tag(text, dt.date.fromisoformat(anchor), lang)}


@pytest.mark.parametrize(
    ("text", "lang", "span"),
    [
        ("El tribunal rechazó este martes el pedido.", "es", "este martes"),  # past tense
        ("El ministro viajará este martes al sur.", "es", "este martes"),  # future tense
        ("Le ministre a annoncé ce mardi sa démission.", "fr", "ce mardi"),
        ("Der Minister sagte diesen Dienstag, er trete zurück.", "de", "diesen Dienstag"),
        ("O senador disse nesta terça que não votará.", "pt", "nesta terça"),
    ],
)
def test_this_with_the_papers_own_weekday_is_the_day_itself(text: str, lang: str, span: str) -> None:
    assert _values(text, "2022-05-03", lang)[span] == "2022-05-03"  # a Tuesday


def test_this_with_another_weekday_keeps_the_tense() -> None:
    got = _values(
        "La fiscalía informó este lunes el caso y el juez decidirá este viernes.", "2022-05-03", "es"
    )
    assert got["este lunes"] == "2022-05-02" and got["este viernes"] == "2022-05-06"
    # without "this", "next" or "last" points away from the paper's own weekday
    got = _values("El próximo martes habrá un homenaje; el martes pasado estaba en casa.", "2022-05-03", "es")
    assert got["próximo martes"] == "2022-05-10" and got["martes pasado"] == "2022-04-26"


def test_the_year_noun_names_its_year_and_no_other_reading_changes() -> None:
    assert _values("En el año 2020 la cifra subió.", "2022-05-04", "es")["año 2020"] == "2020"
    assert _values("Les chiffres de l'année 2015 sont connus.", "2019-05-15", "fr")["année 2015"] == "2015"
    assert _values("Daten aus dem Jahr 2021 wurden benutzt.", "2023-11-07", "de")["Jahr 2021"] == "2021"
    assert _values("El año pasado la cifra subió.", "2022-05-04", "es")["año pasado"] == "2021"
    assert _values("La empresa crece cada año.", "2022-05-04", "es")["cada año"] == "P1Y"
    assert _values("Die Firma besteht seit drei Jahren.", "2022-05-04", "de")["seit drei Jahren"] == "P3Y"


def test_the_first_of_a_month_as_an_ordinal_is_a_day() -> None:
    assert (
        _values("Le procès est renvoyé au 1er avril 2020.", "2020-01-07", "fr")["1er avril 2020"]
        == "2020-04-01"
    )
    assert _values("Las marchas del 1º de mayo.", "2022-05-04", "es")["1º de mayo"] == "2022-05-01"
    assert _values("As manifestações de 1º de Maio.", "2022-05-04", "pt")["1º de Maio"] == "2022-05-01"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Offre découverte : 1 € le 1er mois puis 12 € par mois.", "fr"),  # the first month of an offer
        ("Il est arrivé 1er au classement.", "fr"),  # a rank
        ("Es el 1º en la lista.", "es"),
        ("Le 32er avril n'existe pas.", "fr"),  # no day 32
    ],
)
def test_an_ordinal_mark_before_no_month_is_no_day(text: str, lang: str) -> None:
    assert all(not t.text[:1].isdigit() for t in times_intl.tag(text, dt.date(2020, 1, 7), lang))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["1er", "1º", "er", "º", "avril", "de", "mayo", "año", "2020", "este", "martes", "Jahr", " "]
        ),
        max_size=10,
    ),
    st.sampled_from(["fr", "es", "de", "pt"]),
)
def test_tagging_words_of_these_rules_never_raises_and_spans_index_the_text(
    words: list[str], lang: str
) -> None:
    text = " ".join(words)
    for t in times_intl.tag(text, dt.date(2022, 5, 3), lang):
        assert text[t.start : t.end] == t.text
