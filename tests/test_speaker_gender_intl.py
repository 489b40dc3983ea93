"""A pronoun's speaker by gender in German, French, Spanish and Portuguese articles, from the text's own cues: the examples
of ``lang/<lang>/speech.toml`` [gender] run as tests, each an article whose pronoun (or person by age) must go to
the person of its gender, never to the other one named last; and the cues read one by one."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import extract, ingest
from factcheck.lang import available, resource


def _examples() -> list[tuple[str, dict]]:
    return [
        (lang, ex)
        for lang in available("speech")
        for ex in resource(lang, "speech").get("gender", {}).get("examples", [])
    ]


def _speakers(text: str, lang: str) -> dict[str, str | None]:
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = lang, dt.date(2024, 5, 3)
    return {c.text: c.speaker for c in extract.extract(art, min_score=0.0)}


def test_every_language_with_cues_has_examples() -> None:
    langs = {lang for lang, _ex in _examples()}
    assert {"de", "fr", "es", "pt"} <= langs


@pytest.mark.parametrize(("lang", "ex"), _examples(), ids=lambda v: v if isinstance(v, str) else "")
def test_gender_examples(lang: str, ex: dict) -> None:
    got = [sp for t, sp in _speakers(ex["text"], lang).items() if t.startswith(ex["claim"])]
    assert got == [ex["speaker"] or None], ex["text"]


def _cue(lang: str, text: str, name: str) -> str | None:
    cues = extract._intl_gender_cues(lang)
    assert cues is not None
    at = text.index(name)
    return extract._gender_cue_before(text, at, cues) or extract._gender_cue_after(text, at + len(name), cues)


@pytest.mark.parametrize(
    ("lang", "text", "name", "pronoun"),
    [
        ("de", "Dazu äußerte sich Frau Weber am Montag.", "Weber", "she"),
        ("de", "Dazu äußerte sich Bundeskanzler Olaf Scholz.", "Olaf Scholz", "he"),
        ("de", "Er kam mit Patricia Llosa, seiner langjährigen Ehefrau, nach Lima.", "Patricia Llosa", "she"),
        ("de", "Paul Braun, dessen Frau in Bonn lebt, kam auch.", "Paul Braun", None),
        ("de", "Anna Weber, die der Sohn angerufen hatte, kam auch.", "Anna Weber", None),
        ("de", "Laut Weber, Frau des Ministers, ist das falsch.", "Weber", "she"),
        ("de", "Die Vorsitzende Anna Weber sagte das.", "Anna Weber", None),
        ("fr", "Selon la ministre Élisabeth Borne, rien ne change.", "Élisabeth Borne", "she"),
        ("fr", "Selon le porte-parole Olivier Véran, rien ne change.", "Olivier Véran", "he"),
        ("fr", "Marie Dupont, la ministre de la Santé, a parlé.", "Marie Dupont", "she"),
        ("fr", "Il a vu Mme Dupont hier.", "Dupont", "she"),
        ("fr", "Jean Martin, dont la femme est médecin, a parlé.", "Jean Martin", None),
        ("es", "Según la portavoz Pilar Alegría, nada cambia.", "Pilar Alegría", "she"),
        ("es", "Ana Pérez, la portavoz del Gobierno, habló.", "Ana Pérez", "she"),
        ("es", "Dijo a la prensa Ana Pérez que nada cambia.", "Ana Pérez", None),
        ("es", "Juan Pérez, cuya esposa es médica, habló.", "Juan Pérez", None),
        ("es", "Lo anunció el presidente Pedro Sánchez.", "Pedro Sánchez", "he"),
    ],
)
def test_cues(lang: str, text: str, name: str, pronoun: str | None) -> None:
    assert _cue(lang, text, name) == pronoun
