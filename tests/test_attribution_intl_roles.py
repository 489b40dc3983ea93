"""A role alone as speaker ("der Sprecher", "el investigador") stands for the person named before it."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import extract, ingest
from factcheck.attribution_intl import role_person


@pytest.mark.parametrize(
    ("speaker", "lang", "before", "previous", "expected"),
    [
        # the one person named earlier with that role (a compound's last part takes it up)
        (
            "Minister",
            "de",
            "Bayerns Wirtschaftsminister Hubert Aiwanger warnte vor der Abschöpfung. Es sei grotesk.",
            "Es sei grotesk.",
            "Hubert Aiwanger",
        ),
        (
            "senador",
            "es",
            "El senador Rick Scott calificó al presidente de incapacitado. Más tarde dijo Scott algo.",
            "Más tarde dijo Scott algo.",
            "Rick Scott",
        ),
        (
            "ministre",
            "fr",
            "Le ministre Gabriel Attal a présenté le budget. La réforme est prête.",
            "La réforme est prête.",
            "Gabriel Attal",
        ),
        # no one named with that role: the person who opens the sentence before
        (
            "Grünen-Politiker",
            "de",
            "Bundeswirtschaftsminister Robert Habeck dringt auf eine schnelle Entscheidung.",
            "Bundeswirtschaftsminister Robert Habeck dringt auf eine schnelle Entscheidung.",
            "Robert Habeck",
        ),
        # two persons of that role: either may be meant
        (
            "Minister",
            "de",
            "Wirtschaftsminister Hubert Aiwanger und Finanzminister Christian Lindner stritten.",
            "Dann ging es weiter.",
            None,
        ),
        # no role alone: a name, or a role with its organisation
        ("Michael Panse", "de", "Sprecher Hans Müller kam.", "Sprecher Hans Müller kam.", None),
        ("Sprecher der Stadt", "de", "Sprecher Hans Müller kam.", "Sprecher Hans Müller kam.", None),
        # a heading in capitals is no name; nor is a person named by neither
        ("fiscal general", "es", "CÓMO GARANTIZAR LOS DD.HH.", "CÓMO GARANTIZAR LOS DD.HH.", None),
        (
            "investigador",
            "es",
            "El coche fue robado en Santa Cruz.",
            "El coche fue robado en Santa Cruz.",
            None,
        ),
    ],
)
def test_role_person(speaker: str, lang: str, before: str, previous: str, expected: str | None) -> None:
    assert role_person(speaker, lang, before, previous) == expected


def test_a_name_ends_at_its_line() -> None:
    before = (
        "indicó el senador Rick Scott\nWashington.- El senador republicano Rick Scott calificó al presidente."
    )
    assert role_person("senador", "es", before, "") == "Rick Scott"


def _claims(text: str, lang: str) -> list[tuple[str, str | None]]:
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = lang, dt.date(2023, 10, 10)
    return [(c.text, c.speaker) for c in extract.extract(art, min_score=0.0)]


def test_extract_names_the_person_a_role_stands_for() -> None:
    text = (
        "Bundeswirtschaftsminister Robert Habeck dringt auf eine schnelle Entscheidung über einen "
        "Industriestrompreis. Der Grünen-Politiker sagte am Dienstag in Berlin, die Hängepartie sei schlecht "
        "für die Unternehmen mit 20.000 Beschäftigten."
    )
    said = [sp for t, sp in _claims(text, "de") if t.startswith("Der Grünen-Politiker")]
    assert said == ["Robert Habeck"]


def test_extract_keeps_a_role_no_one_was_named_for() -> None:
    text = (
        "Die Stadt will die Straße 2024 sanieren. Der Sprecher sagte am Dienstag, die Arbeiten würden "
        "drei Millionen Euro kosten."
    )
    said = [sp for t, sp in _claims(text, "de") if t.startswith("Der Sprecher")]
    assert said == ["Sprecher"]
