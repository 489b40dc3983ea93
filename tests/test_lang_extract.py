"""Claims of articles in other languages: sentences, speakers, stance and times by article.language."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from factcheck import cli, extract, ingest, sentences
from factcheck.model import Stance

GERMAN = (
    "Regierung plant neue Regeln\n\n"
    "Die Bundesregierung will am 30. Januar 2020 ein neues Gesetz beschließen. "
    '"Das Gesetz ist überfällig", sagte der Regierungssprecher Steffen Seibert am Dienstag. '
    "Laut Bundestagsverwaltung kostet die Reform rund 30 Millionen Euro. "
    "Die Opposition hat den Entwurf bereits im März 2019 kritisiert.\n"
)
SPANISH = (
    "El Gobierno aprueba la reforma\n\n"
    "El ministro de Economía, Luis de Guindos, dijo ayer que la reforma entrará en vigor el próximo martes. "
    "Según la policía, 300 personas se manifestaron el martes pasado frente al Congreso.\n"
)


def _article(text: str, lang: str, published: dt.date) -> object:
    art = ingest.article_from_text(text, path=f"{lang}.txt", key=f"{lang}.txt")
    art.language = lang
    art.published = published
    return art


def test_german_claims_keep_ordinal_dates_whole_and_find_speakers() -> None:
    art = _article(GERMAN, "de", dt.date(2020, 1, 15))
    claims = extract.extract(art, min_score=0.0)
    texts = [c.text for c in claims]
    assert any("am 30. Januar 2020 ein neues Gesetz" in t for t in texts), texts
    by_text = {c.text: c for c in claims}
    quote = next(c for t, c in by_text.items() if t.startswith('"Das Gesetz'))
    assert (quote.speaker, quote.speaker_kind) == ("Steffen Seibert", "person")
    laut = next(c for t, c in by_text.items() if t.startswith("Laut"))
    assert (laut.speaker, laut.speaker_kind) == ("Bundestagsverwaltung", "organisation")
    law = next(c for t, c in by_text.items() if "30. Januar" in t)
    assert [w.value for w in law.when] == ["2020-01-30"]
    assert law.stance is Stance.PLANNED
    past = next(c for t, c in by_text.items() if "März 2019" in t)
    assert past.stance is Stance.OCCURRED
    assert [w.value for w in past.when] == ["2019-03"]


def test_spanish_claims_have_speakers_and_tense_directed_times() -> None:
    art = _article(SPANISH, "es", dt.date(2022, 5, 4))
    claims = extract.extract(art, min_score=0.0)
    first = next(c for c in claims if c.text.startswith("El ministro"))
    assert first.speaker == "Luis de Guindos"
    assert {w.text: w.value for w in first.when} == {"ayer": "2022-05-03", "próximo martes": "2022-05-10"}
    second = next(c for c in claims if c.text.startswith("Según"))
    assert (second.speaker, second.speaker_kind) == ("policía", "organisation")
    assert [w.value for w in second.when] == ["2022-05-03"]


def test_english_articles_are_unchanged_by_the_language_field() -> None:
    text = Path("seeds").glob("*.txt").__next__().read_text(encoding="utf-8")
    a = ingest.article_from_text(text, path="a.txt", key="a.txt")
    b = ingest.article_from_text(text, path="a.txt", key="a.txt")
    b.language = "en"
    assert [c.to_json() for c in extract.extract(a)] == [c.to_json() for c in extract.extract(b)]


def test_sentences_without_a_language_stay_english() -> None:
    text = "Die Sitzung findet am 30. Januar statt."
    assert len(sentences.spans(text)) == 2  # English rules: "30." then a capital
    assert len(sentences.spans(text, lang="de")) == 1


def test_cli_times_lang_and_detection(tmp_path: Path, capsys) -> None:
    p = tmp_path / "de.txt"
    p.write_text(
        "Am Dienstag, dem 14. Januar 2020 hat die Regierung ab März 2021 neue Regeln beschlossen. "
        "Gestern sagte der Minister, die Firma bestehe seit drei Jahren. Heute Abend um 20 Uhr spricht er.\n",
        encoding="utf-8",
    )
    assert cli.main(["times", str(p), "--anchor", "2020-01-15", "--json"]) == 0
    got = {r["text"]: r["value"] for r in json.loads(capsys.readouterr().out)}
    assert got["Dienstag, dem 14. Januar 2020"] == "2020-01-14"
    assert got["März 2021"] == "2021-03"
    assert got["Gestern"] == "2020-01-14"
    assert got["seit drei Jahren"] == "P3Y"
    assert got["um 20 Uhr"] == "2020-01-15T20:00"
    assert cli.main(["times", str(p), "--anchor", "2020-01-15", "--lang", "en", "--json"]) == 0
    english = {r["text"] for r in json.loads(capsys.readouterr().out)}
    assert "seit drei Jahren" not in english


def test_french_pronoun_verbs_take_the_last_person_speaker() -> None:
    text = (
        "Macron promet des réformes\n\n"
        "Le président Emmanuel Macron a déclaré lundi que la réforme des retraites sera votée en mars. "
        "« Nous tiendrons nos engagements », a-t-il ajouté devant les députés.\n"
    )
    art = _article(text, "fr", dt.date(2020, 1, 15))
    claims = extract.extract(art, min_score=0.0)
    quote = next(c for c in claims if c.text.startswith("«"))
    assert (quote.speaker, quote.speaker_kind) == ("Emmanuel Macron", "person")
    first = next(c for c in claims if c.text.startswith("Le président"))
    assert [w.value for w in first.when] == ["2020-01-13", "2020-03"]


def test_french_compound_tenses_cues_and_pronoun_continuation() -> None:
    text = (
        "Budget : Bercy promet une baisse du déficit\n\n"
        "Le ministre de l'Économie, Bruno Le Maire, a déclaré mardi que la croissance atteindrait 1 % en 2024. "
        "Il a également souligné que le déficit serait réduit de 10 milliards d'euros l'an prochain. "
        "Selon lui, les impôts des ménages ne seront pas augmentés cette année. "
        "D'après l'Insee, le chômage a baissé de 0,3 point au troisième trimestre. "
        "Un responsable syndical a indiqué que 40 % des agents des impôts seraient en grève jeudi.\n"
    )
    art = _article(text, "fr", dt.date(2023, 10, 3))
    claims = extract.extract(art, min_score=0.0)
    speakers = {c.text.split()[0] + " " + c.text.split()[1]: (c.speaker, c.speaker_kind) for c in claims}
    assert speakers["Le ministre"] == ("Bruno Le Maire", "person")
    assert speakers["Il a"] == ("Bruno Le Maire", "person")  # "Il a également souligné": the last person
    assert speakers["Selon lui,"] == ("Bruno Le Maire", "person")
    assert speakers["D'après l'Insee,"] == ("Insee", "organisation")
    assert speakers["Un responsable"] == ("responsable syndical", "anonymous")


def test_spanish_and_portuguese_addressee_before_the_subject() -> None:
    es = _article('"Es un error", dijo a EFE el portavoz del PSOE, José Blanco.\n', "es", dt.date(2010, 5, 4))
    assert [c.speaker for c in extract.extract(es, min_score=0.0)] == ["José Blanco"]
    pt = _article(
        '"Não haverá aumento de impostos", disse à Lusa o ministro das Finanças, Fernando Medina.\n',
        "pt",
        dt.date(2023, 5, 4),
    )
    assert [c.speaker for c in extract.extract(pt, min_score=0.0)] == ["Fernando Medina"]


def test_a_pronoun_with_no_earlier_speaker_takes_the_person_named_before() -> None:
    # "sagte sie" / "dit-il" after a sentence that names a person but reports nothing of theirs
    german = (
        "Merkel in Paris\n\n"
        "Bundeskanzlerin Angela Merkel besuchte am Montag den französischen Präsidenten in Paris. "
        '"Die Lage in Europa ist ernst", sagte sie nach dem Treffen.\n'
    )
    french = (
        "Visite à Berlin\n\n"
        "Emmanuel Macron est arrivé lundi à Berlin pour une visite de deux jours. "
        "« Nous devons avancer ensemble », a-t-il déclaré à la presse.\n"
    )
    for text, lang, who in ((german, "de", "Angela Merkel"), (french, "fr", "Emmanuel Macron")):
        claims = extract.extract(_article(text, lang, dt.date(2020, 1, 15)), min_score=0.0)
        quote = next(c for c in claims if c.text.startswith(('"', "«")))
        assert (quote.speaker, quote.speaker_kind) == (who, "person"), quote.text


def test_a_place_or_two_countries_are_no_person_for_a_later_pronoun() -> None:
    french = (
        "Accord signé\n\n"
        "La France et l'Allemagne ont signé un accord au Family Park lundi. "
        "« Nous devons avancer ensemble », a-t-il déclaré à la presse.\n"
    )
    claims = extract.extract(_article(french, "fr", dt.date(2020, 1, 15)), min_score=0.0)
    quote = next(c for c in claims if c.text.startswith("«"))
    assert quote.speaker is None
