"""A caption between the article's paragraphs is known by the photo credit that closes it: in parentheses
after its text ("... (Foto: R. Grischott, 15.01.2022)."), labelled after its last sentence ("... Foto: Nación
Media.", "Photographer: Sebastian Widmann/Getty Images Europe"), or a copyright sign before a name that holds
an initial or an address ("| © Kevin C. Cox/Getty Images", "/ (C) Kab Niang"). The labels are data
(``credit`` markers of lang/*/furniture.toml); a source closing a paragraph is the article's own citation."""

from __future__ import annotations

import pytest
from line_kinds import ARTICLE, kinds_of  # tests/line_kinds.py

ARTIKEL = [
    "Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbrücke ab dem nächsten Monat für den "
    "Schwerverkehr zu sperren, nach einer langen Debatte bis spät in den Abend.",
    "Ingenieure fanden Risse in zwei der Stahlträger, sagte der Bürgermeister am Mittwochmorgen vor "
    "Journalisten im Rathaus der Stadt.",
    "Die Busse werden durch den nördlichen Tunnel umgeleitet, solange die Reparaturen dauern, teilte das "
    "Verkehrsamt auf seiner Website mit.",
]

# captions of two sites and more each (trafilatura's evaluation pages, half A; the gold sets' development
# halves): slf.ch, wochenblatt.com, topagrar.com, mein-mmo.de; hoy.com.py, cubadebate.cu, elpais.com.uy;
# finanzmarktwelt.de, the Guardian; golf.de, bondyblog.fr, 1000things.at
CAPTIONS_DE = [
    "Auch im Sarganserland (Bad Ragaz, SG) wurden steile Couloirs begangen (Foto: R. Grischott, 15.01.2022).",
    "Vertreterinnen und Vertreter der Jugendverbände sprachen mit Ursula Heinen-Esser. (Bildquelle: Ring der "
    "Landjugend )",
    "Autohäuser in Thüringen dürfen wieder öffnen. (Symbolfoto) Bildrechte: IMAGO",
    "Die Honorary Starter beim Masters 2021: Lee Elder, Gary Player und Jack Nicklaus. | © Kevin C. Cox/Getty "
    "Images",
    "Wer sagt, dass Radfahren nur etwas für warme Tage ist? (c) TV Thermen- & Vulkanland | pixelmaker.at",
]
CAPTIONS_EN = [
    "Rene Benko. Photographer: Sebastian Widmann/Getty Images Europe",
    "Files at the Dignitas offices in Zurich, where more than 150 Britons have ended their lives. Photograph: "
    "David Levene for the Guardian",
    "Protesters outside the university library / (C) Kab Niang",
]


def _page(paragraphs: list[str], line: str) -> str:
    return (
        "\n".join(["Harbour Times", "Bridge closed to trucks", *paragraphs[:2], line, paragraphs[2]]) + "\n"
    )


@pytest.mark.parametrize("caption", CAPTIONS_DE)
def test_a_caption_closed_by_its_credit_is_furniture_de(caption: str) -> None:
    got = kinds_of(_page(ARTIKEL, caption), "de")
    assert got[caption] == ("furniture", "photo caption")
    assert all(got[p] == ("body", "") for p in ARTIKEL)


@pytest.mark.parametrize("caption", CAPTIONS_EN)
def test_a_caption_closed_by_its_credit_is_furniture_en(caption: str) -> None:
    got = kinds_of(_page(ARTICLE, caption))
    assert got[caption] == ("furniture", "photo caption")
    assert all(got[p] == ("body", "") for p in ARTICLE)


@pytest.mark.parametrize(
    ("lang", "caption"),
    [
        ("es", "Francisco Barbosa Delgado, fiscal general de Colombia. Foto: Nación Media."),
        ("es", "IV Pleno del Comité Central del Partido. Foto: Estudios Revolución."),
    ],
)
def test_a_labelled_credit_after_the_caption_in_other_languages(lang: str, caption: str) -> None:
    got = kinds_of(_page(ARTICLE, caption), lang)
    assert got[caption] == ("furniture", "photo caption")


@pytest.mark.parametrize(
    ("lang", "paragraph"),
    [
        # a source closing a paragraph is the article's citation, not a photo's credit
        (
            "de",
            "Die Arbeitslosigkeit stieg im März um drei Prozent auf den höchsten Stand seit Jahren. Quelle: "
            "Statistisches Bundesamt.",
        ),
        (
            "en",
            "Unemployment rose by three percent in March, the highest level in years. Source: Office for "
            "National Statistics.",
        ),
        # a photo word inside a sentence, not after one
        (
            "de",
            "Der Fotograf erklärte den Journalisten nach der Sitzung im Rathaus: Die Aufnahme entstand im "
            "Mai.",
        ),
        # the label opens a sentence: no name follows it
        (
            "de",
            "Die Feuerwehr kam zu spät, sagte die Nachbarin. Das Bild: Ein Mann steht vor dem brennenden "
            "Haus, und niemand hilft ihm.",
        ),
        # a season or a reference in parentheses closes a sentence
        ("en", "The club had its best season (2014/15) since the war, the chairman said at the meeting."),
    ],
)
def test_a_paragraph_that_names_a_source_or_a_photo_stays_the_article(lang: str, paragraph: str) -> None:
    paragraphs = ARTIKEL if lang == "de" else ARTICLE
    got = kinds_of(_page(paragraphs, paragraph), lang)
    assert got[paragraph] == ("body", "")


def test_a_brand_with_a_figure_after_the_copyright_sign_is_no_address() -> None:
    """ "© Sat.1 Norddeutschland GmbH" is a footer's copyright line: the dot between a letter and a figure is no
    address's, so the line is no caption (as a caption it would be a dated teaser's stamp below a list of
    other stories)."""
    from factcheck.ingest import _credit_line

    assert not _credit_line("© Sat.1 Norddeutschland GmbH")
    assert _credit_line("Solarthermieanlage auf einem Hausdach © AdobeStock.com/Hermann")


@pytest.mark.parametrize(
    ("lang", "caption"),
    [
        # newsday.com (the gold sets' development half), mdr.de and eurosport.de (trafilatura's pages, half A)
        (
            "en",
            "Photo credit: Food Network | Paula Deen with fried chicken, from the Food Network's \"Paula's Home "
            'Cooking," which began airing in 2002 on the Food Network.',
        ),
        ("de", "Bildrechte: MDR Thüringen"),
        ("de", "Fotocredit: SID"),
    ],
)
def test_a_caption_opened_by_a_credit_label_is_furniture(lang: str, caption: str) -> None:
    paragraphs = ARTIKEL if lang == "de" else ARTICLE
    got = kinds_of(_page(paragraphs, caption), lang)
    assert got[caption] == ("furniture", "photo caption")


def test_an_extractors_paragraph_closed_by_a_credit_stays_the_article() -> None:
    """In a scraper's record (``page=False``) the extractor kept the paragraph as the article's: a credit
    after its last sentence does not make it a caption (a labelled fixture claim: economictimes' "the iPhone
    SE gets a fingerprint sensor, instead of FaceID ... Image credit: www.apple.com/in/")."""
    from factcheck.ingest import classify_lines

    para = (
        "In a departure from their flagships, the iPhone SE gets a fingerprint sensor, instead of FaceID - "
        "Apple’s proprietary face unlock system. Image credit: www.apple.com/in/"
    )
    text = "\n".join([*ARTICLE[:2], para, ARTICLE[2]]) + "\n"
    segs, _info = classify_lines(text, "en", page=False)
    got = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert got[para] == ("body", "")
    assert kinds_of(_page(ARTICLE, para))[para] == ("furniture", "photo caption")


# captions closed by an agency's credit with no label, a photographer and an agency joined by a slash
# (fundus's pages, half A: 9news.com.au, kicker.de, mz.de, lavanguardia.com; trafilatura's evaluation pages,
# half A: politico.com)
AGENCY_CAPTIONS = [
    (
        "en",
        "Trump had pledged a huge crackdown on unauthorised migrants entering the country AP Photo/Edgar H. Clemente",
    ),
    (
        "en",
        "Rep. Mark Meadows, R-N.C., and wife Debbie Meadows at the White House in September. | Patrick "
        "Semansky/AP Photo",
    ),
    (
        "de",
        "Uwe Schubert möchte mit dem MSV Duisburg noch so viele Punkte wie möglich sammeln. IMAGO/Nico Herbertz",
    ),
    ("de", "Demonstration im September 2022 nach dem Tod der 22-jährigen Mahsa Amini. Uncredited/AP/dpa"),
    (
        "es",
        "Un bombero trabaja en las tareas de extinción de las llamas en el incendio de Almería @Plan_INFOCA via X "
        "/ Reuters",
    ),
]


@pytest.mark.parametrize(("lang", "caption"), AGENCY_CAPTIONS)
def test_a_caption_closed_by_an_agency_credit_with_no_label(lang: str, caption: str) -> None:
    article = ARTICLE if lang == "en" else ARTIKEL
    kinds = kinds_of("\n".join(["Headline of the story", article[0], caption, *article[1:]]), lang)
    assert kinds[caption] == ("furniture", "photo caption")


def test_an_agency_sign_off_closing_a_paragraph_is_the_article() -> None:
    """Two agencies joined by a slash sign off a story's paragraph: the article's own text (an agency and a
    desk's initials in parentheses, "(dpa/gem)", is no credit either: the data's ``not``)."""
    signed = (
        "Die Polizei nahm am Abend zwei Männer fest, die in der Innenstadt mehrere Scheiben eingeschlagen haben "
        "sollen. dpa/AFP"
    )
    kinds = kinds_of("\n".join(["Überschrift", ARTIKEL[0], signed, *ARTIKEL[1:]]), "de")
    assert kinds[signed] == ("body", "")
