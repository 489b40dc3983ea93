"""Raw page text: a consent banner's sentences that name no cookie verb in the forms the markers knew ("Diese
Website verwendet Cookies. Wenn du die Website weiterhin nutzt, stimmst du der Verwendung von Cookies zu.",
WordPress's banner; "Mit dem Klick auf Alle akzeptieren stimmen Sie dem Gebrauch der Cookies zu."; "By choosing
I Accept, you consent to our use of cookies ...") are furniture ("cookie or privacy notice")."""

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


@pytest.mark.parametrize(
    ("lang", "notice"),
    [
        # weselpower.wordpress.com, nextkabinett.wordpress.com (WordPress.com's banner); malteser.de
        (
            "de",
            "Datenschutz & Cookies: Diese Website verwendet Cookies. Wenn du die Website weiterhin nutzt, "
            "stimmst du der Verwendung von Cookies zu.",
        ),
        (
            "de",
            "Mit dem Klick auf Alle akzeptieren stimmen Sie dem Gebrauch der Cookies zu. Um Ihre Einstellungen "
            "anzupassen, wählen Sie die gewünschten Checkboxen aus.",
        ),
        # theverge.com (realworld-dev, the English gold's development half)
        ("en", "By choosing I Accept, you consent to our use of cookies and other tracking technologies."),
    ],
)
def test_a_consent_banner_is_furniture(lang: str, notice: str) -> None:
    paragraphs = ARTIKEL if lang == "de" else ARTICLE
    text = "\n".join(["Bridge closed", *paragraphs, notice, "Share", "Contact"]) + "\n"
    got = kinds_of(text, lang)
    assert got[notice] == ("furniture", "cookie or privacy notice")
    assert all(got[p] == ("body", "") for p in paragraphs)


def test_an_article_on_cookies_stays() -> None:
    line = (
        "Der Datenschützer kritisierte, dass die Seite der Stadt Cookies von Werbefirmen lade, bevor die "
        "Besucher zugestimmt hätten."
    )
    text = "\n".join(["Bridge closed", *ARTIKEL[:2], line, ARTIKEL[2]]) + "\n"
    assert kinds_of(text, "de")[line] == ("body", "")
