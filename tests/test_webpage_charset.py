"""Pages that are not UTF-8 and declare no charset (qa22): a page saved from a browser when its server named the
charset in its Content-Type keeps no declaration. trafilatura guessed their encoding from the first and last
5,000 bytes (all markup on a long page: "ascii", every accented letter then U+FFFD, "gef\ufffdlschten"), and its
detector read windows-1252 text as windows-1250 ("trčs", "seńor", "năo")."""

from __future__ import annotations

import pytest

from factcheck import webpage

SENTENCES = {
    "fr": "Le maire a déclaré que la très belle façade sera rénovée à partir de février, où les travaux coûtent cher.",
    "es": "El señor presidente anunció que el año próximo habrá elecciones en España, según la información publicada.",
    "pt": "O governo não informou se a ação será concluída até o fim do mês, disse o ministro da Educação.",
    "de": "Die Bürger äußerten sich über die Größe der Straßen, während der Bürgermeister schwieg.",
    "ru": "Президент заявил, что новые правила вступят в силу в следующем году, сообщило агентство.",
}
ENCODING = {"ru": "cp1251"}


def _page(body: str, padding: int = 0) -> str:
    # (padding: ASCII markup before and after the article, as a long page has: scripts, menus, footers)
    filler = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(padding))
    paragraphs = "".join(f"<p>{body} ({i})</p>" for i in range(6))
    return (
        "<!DOCTYPE html><html><head><title>News</title></head><body>"
        f"<nav><ul>{filler}</ul></nav><article><h1>News</h1>{paragraphs}</article>"
        f"<footer><ul>{filler}</ul></footer></body></html>"
    )


@pytest.mark.parametrize("lang", sorted(SENTENCES))
@pytest.mark.parametrize("padding", [0, 400])
def test_an_undeclared_page_in_a_legacy_charset_is_read_right(lang: str, padding: int) -> None:
    body = SENTENCES[lang]
    raw = _page(body, padding).encode(ENCODING.get(lang, "cp1252"))
    assert b"charset" not in raw and len(raw) > (12_000 if padding else 0)
    text = webpage.page_record(raw)["text"]
    assert body in text, text[:200]


def test_a_utf8_page_with_a_stray_byte_is_left_to_trafilatura() -> None:
    """A page mostly in UTF-8 with one byte of another encoding (trafi_extra has two) is not read as windows-1252:
    that would turn each of its UTF-8 letters into two ("Ã¼")."""
    raw = _page(SENTENCES["de"]).encode("utf-8").replace(b"<h1>News", b"<h1>K\xfcche News")
    assert webpage.undeclared_charset(raw) is None
    assert SENTENCES["de"] in webpage.page_record(raw)["text"]


def test_a_declared_charset_still_wins() -> None:
    raw = _page(SENTENCES["fr"]).replace("<head>", '<head><meta charset="iso-8859-1">').encode("cp1252")
    assert SENTENCES["fr"] in webpage.page_record(raw)["text"]


# short pages with few letters outside ASCII, each in an ASCII word: the detector named a CJK or a DOS code page
# ("S緌 Paulo", "㎾er ... K針n", "Bj—rn", "cafķ in M³nchen")
SHORT = [
    "São Paulo vote\nThe governor of São Paulo said turnout rose to 80 percent in the vote on Sunday.",
    "Über app\nThe Über app in Köln said fares rose by 10 percent last year, the company said.",
    "Björn Borg\nBjörn said he would return to Göteborg on Friday, his agent said.",
    "Café news\nThe mayor said on Monday that the café in München had served 3,000 customers since 2019.",
]


@pytest.mark.parametrize("text", SHORT)
def test_a_short_undeclared_page_with_few_accents_is_read_as_windows_1252(text: str) -> None:
    title, body = text.split("\n")
    page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    raw = page.encode("cp1252")
    assert webpage.undeclared_charset(raw) == "cp1252"
    assert body in webpage.page_record(raw)["text"]
