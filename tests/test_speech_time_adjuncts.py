"""A time adverbial between a Spanish speech verb and its post-posed subject is no part of the speaker's name:
"informó este martes el Banco Central" gave "martes el Banco Central", "dijo el lunes pasado el ministro" none
(lang/es/speech.toml ``time_adjuncts``, {weekday} for each weekday of dates.toml)."""

from __future__ import annotations

import pytest

from factcheck import attribution

ES = "La economía creció un 2 % en el último trimestre, {verb} {when} el ministro de Hacienda, Mario Marcel."


@pytest.mark.parametrize(
    "when",
    [
        "este martes",
        "el lunes pasado",
        "el pasado viernes",
        "el sábado",
        "esta mañana",
        "anoche",
        "el jueves por la tarde",
    ],
)
def test_a_time_adverbial_before_the_subject_is_passed_over(when: str) -> None:
    att = attribution.attribute(ES.format(verb="dijo", when=when), lang="es")
    assert att is not None and att.speaker == "Mario Marcel", (when, att)


def test_the_object_after_a_time_adverbial_is_no_speaker_when_the_subject_comes_first() -> None:
    att = attribution.attribute("El ministro anunció el lunes la apertura de un nuevo hospital.", lang="es")
    assert att is not None and att.speaker == "ministro"
    assert (
        attribution.attribute("Además, anunció el lunes la apertura de un nuevo hospital.", lang="es") is None
    )
