"""Quotations opened with the low mark („...“, German): "“" closes them, as "”" does in English."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _said(text: str) -> dict[str, str | None]:
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = "de", dt.date(2023, 10, 10)
    return {c.text[:20]: c.speaker for c in extract.extract(art, min_score=0.0)}


def test_a_closed_quotation_leaves_the_next_sentences_to_the_article() -> None:
    said = _said(
        "Der Grundsatz „Nein heißt Nein“ wird im Strafgesetzbuch verankert. Das Gesetz ging von Szenarien aus, "
        "die in der Realität selten vorkommen. Handlungen werden bestraft, so heißt es im Entwurf."
    )
    assert said["Der Grundsatz „Nein "] is None
    assert said["Das Gesetz ging von "] is None
    assert said["Handlungen werden be"] == "Entwurf"


def test_a_quotation_of_several_sentences_is_its_speakers() -> None:
    said = _said(
        "Karl Geiger hat das Gelbe Trikot zurück erobert: „Das war ein absolut cooler Wettkampf heute. Gestern "
        "habe ich mit den Verhältnissen am Schanzentisch gehadert. Ich bin mit meinem zweiten Platz absolut "
        "zufrieden“, erklärte Geiger am Sonntag in Willingen."
    )
    assert said["Gestern habe ich mit"] == "Geiger"
