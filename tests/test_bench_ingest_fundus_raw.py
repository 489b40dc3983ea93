"""bench/ingest_fundus.py --raw: fundus's pages as raw page text (a development pool for the furniture rules):
fundus's 15+-word paragraphs kept in the raw body, and the claims found in neither fundus's parse nor
trafilatura's recall text."""

from __future__ import annotations

from types import SimpleNamespace

from bench_modules import bench_module  # tests/bench_modules.py

P1 = (
    "The city council approved the new harbour budget on Monday after a debate that lasted for more than six "
    "hours, the mayor said."
)
P2 = (
    "The plan adds two ferry lines and a new pier by 2027, and it raises the harbour fee for cruise ships by "
    "twelve percent from next year."
)
FURNITURE = "This website uses cookies to improve your experience. By continuing to use this site you agree."
ASIDE = "The regional airport reported a record number of passengers in March, its operator announced."

PAGE = f"""<html><head><title>Harbour budget approved</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<h1>Harbour budget approved</h1>
<p>{P1}</p><p>{P2}</p>
<aside><p>{ASIDE}</p></aside>
<div class="consent"><p>{FURNITURE}</p></div>
</body></html>""".encode()


def _parse() -> dict[str, object]:
    return {
        "title": "Harbour budget approved",
        "body": {"summary": [], "sections": [{"paragraphs": [P1, P2]}]},
    }


def test_raw_page_text_counts_fundus_paragraphs_kept_and_claims_outside_both_parses() -> None:
    fundus = bench_module("ingest_fundus")
    ingest_bench = bench_module("ingest")
    bi = SimpleNamespace(visible_text=ingest_bench.visible_text, recall_text=lambda html: "")
    got = fundus.raw_measure(bi, PAGE, "harbour", _parse())
    assert (got["raw_kept"], got["raw_lost"]) == (2, 0)
    assert got["raw_claims"]["in the article"] >= 2
    # the aside's claim is in neither parse: leaked; the cookie notice is furniture, no claim at all
    assert any("airport" in leak for leak in got["raw_leaks"])
    assert not any("cookies" in leak for leak in got["raw_leaks"])
    assert got["raw_claims"]["leaked"] == len(got["raw_leaks"])
    # trafilatura's recall text holding the aside: it counts as the article
    bi.recall_text = lambda html: ASIDE
    assert fundus.raw_measure(bi, PAGE, "harbour", _parse())["raw_claims"]["leaked"] == 0


def test_the_raw_figures_add_up_per_half_and_only_when_measured() -> None:
    fundus = bench_module("ingest_fundus")
    page = {
        "half": "A",
        "gold_title": "t",
        "title": "t",
        "gold_authors": [],
        "authors": [],
        "gold_date": "",
        "date": "",
        "gold_languages": ["en"],
        "language": "en",
        "publisher": "P",
        "domain": "p.com",
        "outlet": "P",
        "kept": 1,
        "lost": 0,
        "claims": {"in a paragraph": 1, "in the title or summary": 0, "in none": 0},
    }
    assert fundus.RAW_CLAIMS not in fundus.counts({"a": page}, "A")
    raw = {"raw_kept": 3, "raw_lost": 1, "raw_claims": {"in the article": 9, "leaked": 1}}
    c = fundus.counts({"a": {**page, **raw}, "b": {**page, **raw}, "c": {**page, **raw, "half": "B"}}, "A")
    assert c[fundus.RAW_CLAIMS] == {"in the article": 18, "leaked": 2}
    assert fundus._share(c[fundus.RAW_CLAIMS]) == "2/20 = 10.0%"
