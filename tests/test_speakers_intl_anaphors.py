"""Speakers in German, Spanish and French articles that a phrase other than a pronoun stands for, resolved from
the article: a person by age ("sagte der 86-Jährige"), "ce dernier", "este último"; and the shapes read within
the sentence that name the speaker outright (a separable verb after the quote, a name before the body the
person belongs to, a source before "heißt es")."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _speakers(text: str, lang: str) -> dict[str, str | None]:
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = lang, dt.date(2024, 5, 3)
    return {c.text: c.speaker for c in extract.extract(art, min_score=0.0)}


def _said(speakers: dict[str, str | None], start: str) -> list[str | None]:
    return [sp for t, sp in speakers.items() if t.startswith(start)]


def test_a_person_by_age_is_the_person_named_before() -> None:
    text = (
        "Sven Hannawald hat die Disqualifikation kritisiert. „Dieses Verstecken im Strumpf ist "
        "genau wieder der Punkt, danach kann man sich alle möglichen Ausreden einfallen lassen“, sagte der "
        "51-Jährige."
    )
    assert _said(_speakers(text, "de"), "„Dieses Verstecken") == ["Sven Hannawald"]


def test_ce_dernier_is_the_person_named_before() -> None:
    text = (
        "Le ministre de l'Économie Bruno Le Maire a présenté le budget mardi. Ce dernier affirme que le déficit "
        "sera ramené à 4,4 % du PIB en 2024."
    )
    assert _said(_speakers(text, "fr"), "Ce dernier") == ["Bruno Le Maire"]


def test_a_separable_verb_after_the_quote_names_its_subject() -> None:
    text = (
        "Im Norden Israels heulten am Abend die Sirenen. Es seien rund 20 Geschosse aus dem Nachbarland "
        "abgefeuert worden, teilte die Armee am späten Abend mit."
    )
    assert _said(_speakers(text, "de"), "Es seien") == ["Armee"]


def test_a_name_before_the_body_the_person_belongs_to() -> None:
    text = (
        "Die Ozeane erwärmen sich. „Temperaturschwankungen im Ozean könnten Hitzewellen begünstigen“, sagte "
        "Johanna Baehr von der Universität Hamburg."
    )
    assert _said(_speakers(text, "de"), "„Temperaturschwankungen") == ["Johanna Baehr"]


def test_a_source_before_heisst_es() -> None:
    text = (
        "Die Schulen setzen KI im Unterricht ein. Aus dem Schulministerium heißt es, es sei klar, dass es "
        "Fortbildungsangebote für die Lehrer brauche."
    )
    assert _said(_speakers(text, "de"), "Aus dem Schulministerium") == ["Schulministerium"]


def test_a_name_with_particles_is_whole() -> None:
    text = (
        "La Comisión endurecerá la regulación sobre deportaciones. “Este es un conjunto de soluciones europeas "
        "para un desafío europeo”, dice Von der Leyen."
    )
    assert _said(_speakers(text, "es"), "“Este es") == ["Von der Leyen"]
