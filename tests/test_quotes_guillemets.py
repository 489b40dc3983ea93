"""Quotations in guillemets (French, Spanish, Portuguese, some German pages) are quotations as the English double
marks are: a quotation of several sentences is its speaker's, whoever it names; and French typography writes the
incise ("explique X") inside the quotation it interrupts, where it still names the speaker."""

from __future__ import annotations

import datetime as dt

from factcheck import extract, ingest


def _said(text: str, lang: str) -> dict[str, tuple[str | None, bool]]:
    art = ingest.article_from_text(text, path="t.txt", key="t")
    art.language, art.published = lang, dt.date(2022, 5, 6)
    return {c.text[:20]: (c.speaker, c.quote) for c in extract.extract(art, min_score=0.0)}


def test_a_french_quotation_in_guillemets_is_its_speakers_in_every_sentence() -> None:
    # (lopinion.fr, glyphosate: the incise inside the quotation, the quotation runs on after it; a page's
    # breadcrumb "»" before it opens nothing)
    said = _said(
        "Accueil » Économie\n\nPour les détracteurs du glyphosate, cette unanimité scientifique est suspecte. « Absurde. Ce processus "
        "est la norme, explique Antony Fastier, toxicologue, ancien de l’Anses. Les études réglementaires "
        "doivent être fournies par les entreprises. Une firme dépense en moyenne 250 millions de dollars pour "
        "cela. » Que Monsanto ait fait du lobbying ne fait pas de doute.",
        "fr",
    )
    assert said["Ce processus est la "] == ("Antony Fastier", True)
    assert said["Les études réglement"] == ("Antony Fastier", True)
    assert said["Une firme dépense en"] == ("Antony Fastier", True)
    assert said["Que Monsanto ait fai"] == (None, False)  # the quotation closed before it


def test_a_spanish_quotation_in_guillemets_gets_the_speaker_named_after_it() -> None:
    # (written probe of minuto30.com's shape: «...», puntualizó el oficial)
    said = _said(
        "La Policía reforzó la seguridad en el sector con más uniformados. «La vía está abierta desde el "
        "viernes. Hay normalidad en el transporte público del sector», dijo el coronel José Abdón Galindo. "
        "Las labores se extienden hasta Caicedo.",
        "es",
    )
    assert said["«La vía está abierta"] == ("José Abdón Galindo", True)
    assert said["Las labores se extie"] == (None, False)


def test_german_guillemets_open_with_the_mark_that_points_in() -> None:
    # (written probe: »...« as German books and some pages write it)
    said = _said(
        "Die Stadt hat die Straße im Mai gesperrt. »Die Steine sind locker. Wir müssen die Straße bis August "
        "sanieren«, sagte Bürgermeister Martin Rölen. Die Arbeiten beginnen im Juni.",
        "de",
    )
    assert said["»Die Steine sind loc"][1] is True
    assert said["Die Arbeiten beginne"] == (None, False)


def test_a_french_incise_inside_a_quotation_names_its_speaker() -> None:
    # (sciencesetavenir.fr: the quotation opens the sentence and closes in the next one)
    said = _said(
        "Des chercheurs de l'université Ouverte de Catalogne se sont intéressés au parcours de ces informations.\n"
        "“La désinformation a été une des caractéristiques de la pandémie, ce qui est grave, rappelle Ana Sofia "
        "Cardenal, professeure de sciences politiques et auteure de cette étude. Dans certains cas, il "
        "s'agissait de fausses informations créées avec le but de tromper le public.”\n"
        "Pour comprendre comment cette information est devenue virale, les auteurs ont répertorié les tweets.",
        "fr",
    )
    assert said["“La désinformation a"] == ("Ana Sofia Cardenal", True)
    assert said["Dans certains cas, i"] == ("Ana Sofia Cardenal", True)
    # (English closes the quotation around its incise: a verb of saying inside one is the quoted speaker's words)
    said = _said(
        "The mayor spoke on Friday.\n"
        "“The committee met twice, said the clerk, and nothing was decided. We will meet again in June.”\n"
        "The vote is due in July.",
        "en",
    )
    assert said["“The committee met t"][0] is None


def test_a_name_inside_a_quotation_is_no_antecedent_of_a_later_pronoun() -> None:
    # (mannschaft.com: "Mr. Gay Germany" is what the quoted fan was elected, "er" is the fan; "Weiter" opens the
    # sentence as an adverb)
    said = _said(
        "Die ganze Welt werden nach Katar schauen, auch er, Benjamin Näßler: «Ich bin Fussballfan und ich bin "
        "schwul. 2020 wurde ich von einer Jury zu Mr. Gay Germany "
        "gewählt. Sehr gerne würde ich Ende 2022 nach Katar reisen.» Weiter schreibt er: «Doch ich habe grosse "
        "Bedenken, denn in Katar steht Homosexualität unter Strafe. Zuwiderhandlungen werden mit bis zu drei "
        "Jahren Haft geahndet.»",
        "de",
    )
    assert said["Weiter schreibt er: "][0] == "Benjamin Näßler"
    assert said["Zuwiderhandlungen we"][0] == "Benjamin Näßler"
