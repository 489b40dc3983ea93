"""German indirect speech (Konjunktiv I) with no cue of its own continues the source of the sentence before."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck import extract, ingest
from factcheck.attribution_intl import opening_source, reported_speech
from factcheck.lang import available, resource

_EXAMPLES = [
    (lang, ex) for lang in available("speech") for ex in resource(lang, "speech").get("reported_examples", [])
]


@pytest.mark.parametrize(("lang", "ex"), _EXAMPLES, ids=lambda v: v if isinstance(v, str) else "")
def test_reported_examples(lang: str, ex: dict) -> None:
    assert reported_speech(ex["text"], lang) == ex["reported"], ex["text"]


def test_examples_exist() -> None:
    assert len(_EXAMPLES) >= 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der US-Nachrichtensender CNN wiederum scheint skeptischer zu sein.", ("CNN", "outlet")),
        ("Der AStA hatte bereits am Freitag protestiert.", ("AStA", "organisation")),
        ("Die Polizei hat den Mann festgenommen.", ("Polizei", "organisation")),
        ("Am Montag regnete es in Berlin.", None),
        ("Der Experte blieb skeptisch.", None),  # a role alone: no name to carry on
        # where every noun is capitalised, a capitalised word that opens a sentence is no name
        ("Etwa 10 Prozent aller Hunde.", None),
        ("Die Runde am Morgen ist lang.", None),
        ("Er setzt den Fokus auf Sportarten mit Rhythmus.", None),
    ],
)
def test_opening_source(text: str, expected: tuple[str, str] | None) -> None:
    assert opening_source(text, "de") == expected


def test_an_opening_person_is_one_named_before() -> None:
    text = "Yücel hat schon an den vergangenen Tagen die Menschen angezogen."
    assert opening_source(text, "de", ["Deniz Yücel"]) == ("Yücel", "person")
    assert opening_source(text, "de") is None


def _claims(text: str) -> list[tuple[str, str | None]]:
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "de", dt.date(2020, 5, 2)
    return [(c.text, c.speaker) for c in extract.extract(art, min_score=0.0)]


def test_indirect_speech_continues_the_subject_before() -> None:
    text = (
        "Der US-Nachrichtensender CNN wiederum scheint skeptischer zu sein. Die Echtheit der Bilder könne "
        "noch nicht zweifelsfrei bestätigt werden. Das gelte für den Ort genauso wie für den Zeitpunkt."
    )
    got = dict(_claims(text))
    assert got["Die Echtheit der Bilder könne noch nicht zweifelsfrei bestätigt werden."] == "CNN"
    assert got["Das gelte für den Ort genauso wie für den Zeitpunkt."] == "CNN"


def test_indirect_speech_continues_the_speaker_before() -> None:
    text = (
        "Bundeskanzlerin Angela Merkel sagte am Montag in Berlin, die Lage sei ernst. Die Regierung müsse "
        "schnell handeln, um 20.000 Stellen zu retten."
    )
    got = dict(_claims(text))
    assert got["Die Regierung müsse schnell handeln, um 20.000 Stellen zu retten."] == "Angela Merkel"


def test_the_indicative_continues_no_one() -> None:
    text = "Bundeskanzlerin Angela Merkel sagte am Montag, die Lage sei ernst. Die Regierung plant 20.000 Stellen."
    got = dict(_claims(text))
    assert got["Die Regierung plant 20.000 Stellen."] is None
