"""The source after a cue ("según", "selon", "segundo", "laut") and German separable verbs: cases the examples of
``lang/*/speech.toml`` do not hold (each language's examples come from real pages and run in
tests/test_lang_resources.py)."""

from __future__ import annotations

import pytest

from factcheck.attribution_intl import attribute, reported_speech


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        # a title, then the name between commas or before the sentence's end: the name
        (
            "fr",
            "La situation est grave, selon le porte-parole du gouvernement, Gabriel Attal.",
            "Gabriel Attal",
        ),
        ("es", "Según el portavoz de la policía, Juan Pérez Gómez, hubo tres heridos.", "Juan Pérez Gómez"),
        # a name followed by its verb is the main clause's subject, not the title's holder
        ("es", "Según el ministro, Juan Pérez viajará a Madrid.", "ministro"),
        ("pt", "Segundo o ministro, Paulo Guedes vai viajar.", "ministro"),
        # a possessive or a quantifier before a head of the tables
        ("es", "Es inocente, según su abogado.", "abogado"),
        ("de", "Er sei unschuldig, so sein Anwalt.", "Anwalt"),
        ("de", "Laut mehreren Quellen ist er unschuldig.", "Quellen"),
        ("pt", "Segundo várias fontes, o jogo foi adiado.", "fontes"),
        # not before a word that heads no source
        ("fr", "Selon ses dires, il est innocent.", None),
        ("es", "Según su criterio, el plan es bueno.", None),
    ],
)
def test_source_after_cue(lang: str, text: str, speaker: str | None) -> None:
    found = attribute(text, lang)
    assert (found.speaker if found else None) == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "pronoun"),
    [
        ("Die Bundesbahn teilte am Sonntag mit, der Schnellzug falle vorerst aus.", "Bundesbahn", None),
        ("Am Montag teilte die Polizei in Köln mit, der Mann sei gefasst.", "Polizei", None),
        ("Sie wies in ihrer Rede darauf hin, dass die Lage ernst sei.", None, "she"),
        # the particle must close the clause before a comma or a colon
        ("Die Bundesbahn teilte am Sonntag mit Bedauern den Ausfall.", None, None),
        # a reflexive in the middle is no speech
        ("Er teilte sich die Wohnung mit, wie man hört.", None, None),
        # the verb's two parts with a comma between are two clauses
        ("Er teilte, wie üblich, die Karten aus, ohne zu zählen.", None, None),
    ],
)
def test_separable_verb(text: str, speaker: str | None, pronoun: str | None) -> None:
    found = attribute(text, "de")
    assert (found.speaker if found else None) == speaker
    assert (found.pronoun if found else None) == pronoun


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        (
            "es",
            "El sindicato, que agrupa a los estibadores, respondió al anuncio diciendo que habrá huelga.",
            "sindicato",
        ),
        (
            "fr",
            "Marie Dupont a réagi sur Twitter en affirmant qu'elle ne démissionnerait pas.",
            "Marie Dupont",
        ),
        # not a gerund that opens no content ("que" or a colon)
        ("es", "Juan Pérez pasó la tarde diciendo tonterías.", None),
        # nor one whose clause names no subject
        ("pt", "Continuam a fazer campanha contra o dispositivo, afirmando que não existe informação.", None),
    ],
)
def test_gerund_of_speech(lang: str, text: str, speaker: str | None) -> None:
    found = attribute(text, lang)
    assert (found.speaker if found else None) == speaker


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Wenn es regnet, sei die Straße nass.", True),
        ("Wenn es regnet, bleibt die Straße nass.", False),
        # a form inside the subordinate clause still reports, as it did before
        ("Weil er krank sei, bleibt er zu Hause.", True),
        # the subordinate clause may hold a conjunction of its own before its comma
        ("Wenn es regnet und die Straße nass ist, sei Vorsicht geboten.", True),
    ],
)
def test_subjunctive_after_subordinate_clause(text: str, reported: bool) -> None:
    assert reported_speech(text, "de") is reported


def test_reflexive_ruling_is_no_speech() -> None:
    assert attribute("Er hat sich entschieden, zu bleiben.", "de") is None
