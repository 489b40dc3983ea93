"""bench/ingest_gold.py: where the claims leaked after the gold article stand in the raw page text as
factcheck read it (bench/ingest.py's ``after_places``), counted per half."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from bench_modules import bench_module  # tests/bench_modules.py

ARTICLE = [
    "The city council approved the new budget on Monday after a debate that lasted for more than six hours.",
    "The plan adds two hundred million dollars for schools and roads, the mayor told reporters after the vote.",
    "Opponents said the budget raises property taxes too quickly for families who already struggle to pay rent.",
    "The council will vote again on the final details of the tax plan at its next meeting in two weeks.",
]
OTHER = [
    "A second story about the harbour follows here, the port authority said, with a long paragraph of text.",
    "The football club signed three new players on Friday for twelve million euros, its chairman announced.",
]


def _gold(folder: Path, name: str) -> None:
    """One page: the article, a "Related" marker, two other stories' paragraphs (not in the gold body)."""
    blocks = ["<h1>City council approves budget</h1>", *(f"<p>{p}</p>" for p in ARTICLE)]
    blocks += ["<p>Related</p>", *(f"<p>{p}</p>" for p in OTHER)]
    html = "<html><head><title>Budget</title></head><body>" + "".join(blocks) + "</body></html>"
    (folder / "html").mkdir()
    (folder / "html" / f"{name}.html.gz").write_bytes(gzip.compress(html.encode()))
    gold = {name: {"url": "", "articleBody": "\n".join(ARTICLE)}}
    (folder / "ground-truth.json").write_text(json.dumps(gold), encoding="utf-8")


def test_claims_after_the_gold_article_are_counted_by_place(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    bench = bench_module("ingest_gold")
    _gold(tmp_path, "harbour")
    out = bench.measure(tmp_path, bench.ROOT, None)
    half = out[bench.half("harbour")]
    leaked, _claims = half["raw leak"]
    assert half["raw leak-after"][0] == leaked >= 2  # (both other stories leak, below the article)
    assert half["after after"][0] == leaked
    assert half["after 15+"][0] == leaked
    assert half["after after a marker"][0] == leaked  # (below "Related", which the article went on past)
    assert half["after in span"][0] + half["after below span"][0] + half["after above span"][0] == leaked


def test_the_study_file_names_each_leaked_claim_s_place(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    bench = bench_module("ingest_gold")
    (tmp_path / "set").mkdir()
    _gold(tmp_path / "set", "harbour")
    assert bench.half("harbour") == "dev"  # (the study file holds the development half only)
    study = tmp_path / "study.tsv"
    bench.measure(tmp_path / "set", bench.ROOT, str(study))
    rows = [r.split("\t") for r in study.read_text(encoding="utf-8").splitlines() if r.startswith("leak")]
    assert rows and all(r[2] == "after" and "after a marker" in r[3].split(",") for r in rows)
