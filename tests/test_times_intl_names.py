"""A time unit written as part of a name is no time expression ("Les Jours", a French news site)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import times_intl

ANCHOR = dt.date(2020, 1, 14)


def values(text: str, lang: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in times_intl.tag(text, ANCHOR, lang)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le site d'information Les Jours a publié une enquête sur la police.", "fr"),
        ("La serie Los Años Dorados volvió a la televisión en marzo.", "es"),
    ],
)
def test_a_unit_in_a_name_is_no_duration(text: str, lang: str) -> None:
    """franceculture.fr: "Le site d'information Les Jours ..." was tagged DURATION PXD ("Jours")."""
    assert not [v for v in values(text, lang) if v[1] == "DURATION"], values(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Jours et nuits, les habitants ont attendu les secours.", "fr", "PXD"),  # opens the sentence
        ("Les habitants ont attendu des jours avant les secours.", "fr", "PXD"),
        ("Der Streik dauerte Tage, sagte der Sprecher.", "de", "PXD"),  # German nouns take a capital
        ("Le site a publié depuis trois Ans une enquête.", "fr", "P3Y"),  # a count makes it a duration
    ],
)
def test_a_unit_that_is_no_name_stays_a_duration(text: str, lang: str, value: str) -> None:
    assert ("DURATION", value) in [(v[1], v[2]) for v in values(text, lang)], values(text, lang)
