"""Raw page text: a list of other posts that carries a date on each line, newest first ("Latest posts" above
the article, an archive beside or below it), is furniture with its own reason, in any language: a feed
lists the newest post first, whereas an article's own chronology runs forward in time. The article's
chronology stays text, and so do dated lines that end like sentences."""

from __future__ import annotations

import pytest
from line_kinds import ARTICLE, kinds_of  # tests/line_kinds.py

from factcheck import ingest

HEAD = "Harbour bridge closed to heavy traffic"
CHROME = ["Home", "News", "Sport", "Contact"]
# lists of posts written anew in the shapes of the development pages' lists (a blog's "Latest posts" with
# the date in brackets before each headline, a trade paper's headlines with the date after them)
POSTS = {
    "de": [
        "[ 26. Februar 2020 ] Am Windows Server einen neuen Datenträger bereitstellen und einbinden Windows",
        "[ 19. Februar 2020 ] Virtualisieren unter Windows 10 mit der Schnellerstellung Virtualisierung",
        "[ 14. Februar 2020 ] Digitalisierung in der Praxis – fünf Branchen im Fokus Allgemeines",
    ],
    "en": [
        "Robots in the factory: from the first arm to language models 31.10.2023",
        "Chip maker reports a sharp fall in sales despite a large deal 24.10.2023",
        "Truck maker files for insolvency as electric vans stall 11.10.2023",
    ],
    "fr": [
        "Le conseil municipal adopte le budget de l'année – 12 mars 2021",
        "Travaux sur le pont du port : ce qui change pour les bus – 3 mars 2021",
        "La piscine municipale rouvre ses portes au public – 24 février 2021",
    ],
    "es": [
        "El ayuntamiento aprueba el presupuesto del año 15 de abril de 2022",
        "Obras en el puente del puerto: qué cambia para los autobuses 9 de abril de 2022",
        "La piscina municipal vuelve a abrir sus puertas 2 de abril de 2022",
    ],
    "pt": [
        "Câmara aprova o orçamento do ano 20/05/2022",
        "Obras na ponte do porto: o que muda para os autocarros 18/05/2022",
        "Piscina municipal volta a abrir as portas 11/05/2022",
    ],
}


@pytest.mark.parametrize("lang", sorted(POSTS))
def test_a_list_of_posts_newest_first_above_the_article_is_furniture(lang: str) -> None:
    text = "\n\n".join([HEAD, *CHROME, *POSTS[lang], *ARTICLE, *CHROME])
    kinds = kinds_of(text, lang)
    for line in POSTS[lang]:  # (a line some other rule takes already keeps its reason: a date stamp)
        assert kinds[line][0] == "furniture", line
    assert ("furniture", ingest.NEWEST_FIRST) in [kinds[line] for line in POSTS[lang]]
    for line in ARTICLE:
        assert kinds[line] == ("body", ""), line


def test_a_list_of_posts_below_the_article_with_labels_between_is_furniture() -> None:
    posts = POSTS["de"]
    text = "\n\n".join(
        [HEAD, *ARTICLE, "Windows", posts[0], "Windows", posts[1], "Windows", posts[2], *CHROME]
    )
    kinds = kinds_of(text, "de")
    for line in posts:
        assert kinds[line] == ("furniture", ingest.NEWEST_FIRST), line


def test_a_date_line_of_the_list_is_not_the_pages_date() -> None:
    posts = [
        "[ 20. Februar 2020 ] Das Potential des Streckenhandels",
        *POSTS["de"][1:],
    ]
    text = "\n\n".join([HEAD, *CHROME, *posts, *ARTICLE])
    segs, info = ingest.classify_lines(text, "de")
    assert info.get("published") is None
    kinds = {text[s.start : s.end]: (s.kind, s.reason) for s in segs}
    assert kinds[posts[0]][0] == "furniture"


def test_an_articles_chronology_forward_in_time_stays_text() -> None:
    chronology = [
        "12 March 2019 – The council first discusses closing the bridge",
        "3 June 2019 – Engineers report cracks in two supports",
        "20 January 2020 – The council votes to close the bridge to heavy traffic",
    ]
    text = "\n\n".join([HEAD, ARTICLE[0], *chronology, *ARTICLE[1:], *CHROME])
    kinds = kinds_of(text)
    for line in chronology:
        assert kinds[line][1] != ingest.NEWEST_FIRST, line
    for line in ARTICLE:
        assert kinds[line] == ("body", ""), line


def test_dated_sentences_newest_first_stay_text() -> None:
    # (an article's dated updates are sentences: the list's lines do not end like them)
    updates = [
        "Update 20 January 2020: the council has voted to close the bridge.",
        "Update 3 June 2019: engineers found cracks in two supports.",
        "Update 12 March 2019: the council discussed closing the bridge.",
    ]
    text = "\n\n".join([HEAD, ARTICLE[0], *updates, *ARTICLE[1:], *CHROME])
    kinds = kinds_of(text)
    for line in updates:
        assert kinds[line][1] != ingest.NEWEST_FIRST, line


def test_dates_of_one_day_make_no_list() -> None:
    # (a live blog's or a thread's stamps of one day, or two days: fewer than three different days)
    stamped = [
        "Harbour bridge: council meets 20.01.2020",
        "Harbour bridge: vote postponed 20.01.2020",
        "Harbour bridge: mayor speaks 19.01.2020",
    ]
    text = "\n\n".join([HEAD, *ARTICLE, *stamped, *ARTICLE])
    kinds = kinds_of(text)
    for line in stamped:
        assert kinds[line][1] != ingest.NEWEST_FIRST, line
