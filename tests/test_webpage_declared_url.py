"""A saved page's address as its own markup declares it, where trafilatura does not read it (its head closed
early by the parser, or the declarations in its body): the page's URL, its outlet and a date in its address."""

from __future__ import annotations

from pathlib import Path

from factcheck import ingest
from factcheck.webpage import declared_address, page_record

BODY = (
    "<p>Tras la intensificación de ataques a periodistas en El Salvador, el presidente de la Asamblea "
    "Legislativa exigió el jueves a los reporteros que abandonaran el salón de sesiones, según varios "
    "testigos.</p><p>La Asociación de Periodistas de El Salvador denunció que en lo que va del año se han "
    "registrado más de cuarenta agresiones contra la prensa, la cifra más alta desde 2018.</p>"
)


def page(head: str) -> bytes:
    # (a <div> inside the head, as elfaro.net's pages have: the parser closes the head there, and the meta
    # tags after it fall into the body, where trafilatura does not look for them)
    return (
        '<!DOCTYPE html><html lang="es"><head><div id="x" style="display:none">22|4|2022</div>'
        '<meta charset="utf-8" /><title>El presidente de la Asamblea exige a periodistas: "váyanse"</title>'
        f"{head}</head><body><article><h1>El presidente de la Asamblea exige a periodistas</h1>{BODY}"
        "</article></body></html>"
    ).encode()


OG_URL = "https://elfaro.net/es/202204/el_salvador/26136/Tras-una-semana-periodistas-váyanse.htm"


def test_an_og_url_trafilatura_does_not_read_is_the_pages_address(tmp_path: Path) -> None:
    raw = page(
        f'<meta property="og:url" content="{OG_URL}" /><meta property="og:site_name" content="elfaro.net" />'
    )
    assert page_record(raw)["source"] == OG_URL
    (tmp_path / "elfaro.html").write_bytes(raw)
    art = ingest.load([tmp_path / "elfaro.html"]).articles[0]
    assert art.url == OG_URL
    assert art.outlet == "elfaro.net"  # ("outlet unknown" before: no address, and a domain is no site name)


def test_the_canonical_link_comes_first_and_a_relative_address_names_no_site() -> None:
    canonical = "https://www.example.cl/nacional/2022/05/04/gremios.html"
    assert (
        declared_address(
            f'<link rel="canonical" href="{canonical}"><meta property="og:url" content="https://m.example.cl/x">'.encode()
        )
        == canonical
    )
    assert declared_address(b'<link rel="canonical" href="/de/news/spuren.html">') is None
    assert (
        declared_address(
            b'<link rel="canonical" href="/"><meta name="og:url" content="https://a.example/b?c=1&amp;d=2">'
        )
        == "https://a.example/b?c=1&d=2"
    )
    assert declared_address(b'<meta property="og:url" content="javascript:alert(1)">') is None


def test_a_url_the_page_was_fetched_from_or_trafilatura_reads_is_kept() -> None:
    raw = page(f'<meta property="og:url" content="{OG_URL}" />')
    assert page_record(raw, url="https://elfaro.net/x")["source"] == "https://elfaro.net/x"
    head_first = (
        f'<html><head><meta property="og:url" content="{OG_URL}" /><title>T</title></head>'
        f"<body><article>{BODY}</article></body></html>"
    ).encode()
    assert page_record(head_first)["source"] == OG_URL
