"""Article paragraphs that a furniture rule used to take (issue #13: no substantial paragraph is lost unless
it is furniture): a quotation's "I am" in a paragraph that names editors, a live report's update whose text
follows its time stamp, and a wire story's last paragraph closed by its agency's sign-off. The furniture
each rule is for stays furniture."""

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


def _page(paragraphs: list[str], line: str, *, last: bool = False) -> str:
    body = [*paragraphs, line] if last else [*paragraphs[:2], line, paragraphs[2]]
    return "\n".join(["Harbour Times", "Bridge closed to trucks", *body]) + "\n"


# -- author bio: the first person inside a quotation is a speaker's, not the author's


@pytest.mark.parametrize(
    "paragraph",
    [
        "Half a century later another politician had to defend his honor: “I am not a crook,” the president "
        "told a group of newspaper editors at a press conference in Florida.",
        "“I have been lied to for years,” the senator said on Monday, before she walked out of a meeting with "
        "the magazine's editors and its lawyers.",
        '"I am not going anywhere," the coach told reporters after the game, a day after the club\'s owner '
        "had questioned his future.",
    ],
)
def test_a_quoted_i_am_with_a_role_word_is_the_article(paragraph: str) -> None:
    for last in (False, True):
        got = kinds_of(_page(ARTICLE, paragraph, last=last))
        assert got[paragraph] == ("body", "")


def test_a_first_person_bio_after_the_article_stays_furniture() -> None:
    bio = "I am a freelance journalist based in Lisbon and write about housing, transport and city politics."
    got = kinds_of(_page(ARTICLE, bio, last=True))
    assert got[bio] == ("furniture", "author bio")


# -- update stamp: a live report's update is a new paragraph of the article


@pytest.mark.parametrize(
    ("lang", "paragraph"),
    [
        (
            "de",
            "Update vom 12. März 2021, 16:05 Uhr: Die Brücke bleibt länger gesperrt als geplant. Der Bürgermeister "
            "sagte am Nachmittag, die Reparatur werde mindestens bis zum Sommer dauern.",
        ),
        (
            "de",
            "Update, 13:17 Uhr: Die Echtheit der Bilder wird unterschiedlich bewertet. Das Ministerium bestätigte "
            "den Auftritt, wie es in einer Erklärung hieß.",
        ),
        (
            "en",
            "Update, 4:15 p.m. ET: The transport office said the bridge would stay closed until June. Engineers "
            "found a third cracked support during an inspection on Wednesday.",
        ),
    ],
)
def test_a_live_update_with_its_paragraph_is_the_article(lang: str, paragraph: str) -> None:
    paragraphs = ARTIKEL if lang == "de" else ARTICLE
    got = kinds_of(_page(paragraphs, paragraph), lang)
    assert got[paragraph] == ("body", "")


@pytest.mark.parametrize(
    ("lang", "stamp"),
    [
        ("en", "Update July 3rd, 8:05AM ET: The transport office has confirmed the closure."),
        # one sentence, however long: an editor's note about the article
        (
            "en",
            "Correction, 3 May 2021: An earlier version of this article misnamed the transport minister and "
            "gave the wrong date for the council's vote on the harbour bridge.",
        ),
        ("de", "Update 16.04.2019: Jetzt ist es amtlich."),
    ],
)
def test_a_short_update_or_a_correction_stays_an_update_stamp(lang: str, stamp: str) -> None:
    paragraphs = ARTIKEL if lang == "de" else ARTICLE
    got = kinds_of(_page(paragraphs, stamp), lang)
    assert got[stamp] == ("furniture", "update stamp")


# -- photo caption: a wire agency's bare sign-off closes the story's last paragraph


@pytest.mark.parametrize(
    ("lang", "paragraph"),
    [
        (
            "de",
            "Der Minister hat bereits vor Monaten einen staatlich subventionierten Strompreis vorgeschlagen. Die "
            "FDP lehnt die Pläne ab, der Kanzler hat sich bisher skeptisch geäußert. (dpa)",
        ),
        (
            "de",
            "Die Polizei sucht weiter nach Zeugen. Hinweise nimmt jede Dienststelle entgegen, teilte ein Sprecher "
            "am Abend in Münster mit. (dpa/lnw)",
        ),
        (
            "de",
            "Als der Minister im Oktober wochenlang verschwunden war, gab es ebenfalls Spekulationen. Das Amt "
            "nahm damals an, dass er wegen einer Operation verschwunden gewesen sei. (FR mit dpa)",
        ),
        (
            "en",
            "The ministry did not say when the talks would resume. Both sides have accused each other of "
            "breaking the ceasefire agreed in March last year. (AFP)",
        ),
    ],
)
def test_a_wire_story_closed_by_its_agency_is_the_article(lang: str, paragraph: str) -> None:
    paragraphs = ARTIKEL if lang == "de" else ARTICLE
    got = kinds_of(_page(paragraphs, paragraph, last=True), lang)
    assert got[paragraph] == ("body", "")


@pytest.mark.parametrize(
    ("lang", "caption"),
    [
        ("de", "Der Kanzler am Montag im Bundestag. (dpa)"),
        (
            "de",
            "Demonstranten vor dem Landtag am Samstag. Sie forderten mehr Geld für die Schulen und Kitas des "
            "Landes. (Foto dpa)",
        ),
        ("en", "Protesters gather outside the parliament in the capital on Saturday. (AP Photo/Jane Doe)"),
        (
            "en",
            "The president speaks to supporters at a rally in the state capital on Saturday, two days before "
            "the vote. (Reuters)",
        ),
    ],
)
def test_a_caption_with_an_agency_credit_stays_a_caption(lang: str, caption: str) -> None:
    paragraphs = ARTIKEL if lang == "de" else ARTICLE
    got = kinds_of(_page(paragraphs, caption), lang)
    assert got[caption] == ("furniture", "photo caption")
