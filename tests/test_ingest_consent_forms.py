"""Raw page text: a newsletter form's consent lines ("Ich bin einverstanden, von ... per E-Mail ... informiert zu
werden.", "You can unsubscribe at any time ...", "Vous pourrez à tout moment vous désabonner ...") are furniture
("newsletter form"), and so are the notices of a two-click embed or share button that sends the reader's data to
the platform once clicked ("cookie or privacy notice"), WordPress's share buttons "(Wird in neuem Fenster
geöffnet)" ("share bar") and the Wayback Machine's toolbar in a copied archived page; an article's own sentence
about data sent to a platform stays."""

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
ARTICLE_FR = [
    "Le conseil municipal a décidé mardi de fermer le vieux pont du port aux poids lourds dès le mois "
    "prochain, après un long débat qui a duré jusque tard dans la soirée.",
    "Les ingénieurs ont trouvé des fissures dans deux des poutres en acier, a déclaré le maire mercredi "
    "matin devant les journalistes à la mairie.",
    "Les bus seront déviés par le tunnel nord pendant la durée des réparations, a indiqué le service des "
    "transports sur son site.",
]


@pytest.mark.parametrize(
    ("lang", "line", "reason"),
    [
        # chemietechnik.de, feuerwehrverband.de (extra half A)
        (
            "de",
            "Ich bin einverstanden, von chemietechnik.de per E-Mail über Zeitschriften, Online-Angebote, "
            "Produkte, Veranstaltungen und Downloads informiert zu werden.",
            "newsletter form",
        ),
        (
            "de",
            "Ich willige darin ein, dass der Deutsche Feuerwehrverband e.V. mir regelmäßig aktuelle "
            "Informationen im Bereich seiner Tätigkeiten zukommen lasst.",
            "newsletter form",
        ),
        # phys.org (realworld-dev), tomshardware.com
        (
            "en",
            "No spam, we promise. You can unsubscribe at any time and we'll never share your details without "
            "your permission.",
            "newsletter form",
        ),
        # france.attac.org
        (
            "fr",
            "En remplissant ce formulaire vous pourrez être inscrit à notre liste de diffusion. Vous pourrez à "
            "tout moment vous désabonner en cliquant sur le lien de désinscription.",
            "newsletter form",
        ),
        # offshore-stiftung.de, eawag.ch, amnesty.de
        (
            "de",
            "Wenn Sie diese Felder durch einen Klick aktivieren, werden Informationen an Facebook, Twitter oder "
            "Google in die USA übertragen und unter Umständen auch dort gespeichert.",
            "cookie or privacy notice",
        ),
        (
            "de",
            "Durch das Aktivieren der Socialmedia Buttons ist es möglich, dass Daten an die Netzwerke "
            "übermittelt werden.",
            "cookie or privacy notice",
        ),
        (
            "de",
            "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung "
            "zu Twitter her.",
            "cookie or privacy notice",
        ),
        # aussengedanken.de (WordPress's share buttons)
        ("de", "Klick, um auf Facebook zu teilen (Wird in neuem Fenster geöffnet)", "share bar"),
    ],
)
def test_a_consent_line_below_the_article_is_furniture(lang: str, line: str, reason: str) -> None:
    paragraphs = {"de": ARTIKEL, "fr": ARTICLE_FR}.get(lang, ARTICLE)
    text = "\n".join(["Bridge closed", *paragraphs, line, "Share", "Contact"]) + "\n"
    got = kinds_of(text, lang)
    assert got[line] == ("furniture", reason)
    assert all(got[p] == ("body", "") for p in paragraphs)


def test_an_article_on_data_sent_to_a_platform_stays() -> None:
    line = (
        "Wenn Nutzer die App installieren, werden Daten an Facebook übermittelt, kritisierten die "
        "Verbraucherschützer am Donnerstag in Berlin."
    )
    text = "\n".join(["Bridge closed", *ARTIKEL[:2], line, ARTIKEL[2]]) + "\n"
    assert kinds_of(text, "de")[line] == ("body", "")


def test_the_wayback_toolbar_is_furniture() -> None:
    # archive.ordnungsrausch.com, archive.org (extra half A): a copied Wayback Machine capture
    line = (
        "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. Flowing "
        "in every day, these data are added to the Wayback Machine after an embargo period."
    )
    text = "\n".join(["Bridge closed", *ARTIKEL, line, "Share", "Contact"]) + "\n"
    got = kinds_of(text, "de")
    assert got[line] == ("furniture", "Wayback Machine toolbar")
    assert all(got[p] == ("body", "") for p in ARTIKEL)
