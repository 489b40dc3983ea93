"""A page's standfirst (the lede between headline and article) that trafilatura leaves out of the text: its
description, shown on the page above the text, put before the text (``webpage._standfirst``)."""

from __future__ import annotations

from factcheck import webpage

LEDE = (
    "Die frühere Ministerin wird neue Generaldirektorin des Zentrums für Migrationspolitik. Vertreter der 21"
    " Staaten haben sie am Donnerstag in Stockholm gewählt."
)
BODY = (
    "Sie setzte sich in der Abstimmung mit 13 zu 8 Stimmen gegen den früheren Minister durch, erfuhr die Agentur"
    " aus informierten Kreisen."
)


def _rec(excerpt: str, text: str = BODY, title: str = "Neue Chefin für das Zentrum") -> dict[str, object]:
    return {"excerpt": excerpt, "text": text, "title": title}


def _page(lede_html: str, body: str = BODY) -> bytes:
    return (
        f'<html><head><meta name="description" content="{LEDE}"><title>Neue Chefin</title></head><body>'
        f"<h1>Neue Chefin für das Zentrum</h1>{lede_html}<article><p>{body}</p></article>"
        '<script>var d = "' + LEDE + '";</script></body></html>'
    ).encode()


def test_a_standfirst_shown_above_the_text() -> None:
    assert webpage._standfirst(_rec(LEDE), _page(f'<p class="teaser"><strong>{LEDE}</strong></p>')) == LEDE


def test_a_description_shown_nowhere_or_below_is_none() -> None:
    assert webpage._standfirst(_rec(LEDE), _page("")) is None  # only in the head and a script
    below = (
        f"<html><body><article><p>{BODY}</p></article><aside><p>{LEDE}</p></aside></body></html>"
    ).encode()
    assert webpage._standfirst(_rec(LEDE), below) is None


def test_a_short_cut_or_repeated_description_is_none() -> None:
    page = _page(f"<p>{LEDE}</p>")
    assert webpage._standfirst(_rec("Alles über die Wahl in Stockholm."), page) is None  # a few words
    assert webpage._standfirst(_rec(LEDE[:120] + " …"), page) is None  # cut short
    assert webpage._standfirst(_rec(LEDE, text=LEDE + "\n" + BODY), page) is None  # in the text already
    told = LEDE.replace("Donnerstag", "Mittwoch")  # the text's lede told with one word changed
    assert webpage._standfirst(_rec(LEDE, text=told + "\n" + BODY), page) is None


def test_page_record_puts_the_standfirst_first() -> None:
    body = " ".join([BODY] * 4)
    rec = webpage.page_record(_page(f'<div class="intro"><p>{LEDE}</p></div>', body=body))
    assert rec["text"].startswith(LEDE + "\n")
    assert rec["standfirst"] == LEDE
