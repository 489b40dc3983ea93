"""bench/ingest.py and bench/ingest_gold.py: the leakage weighed by the hand-labelled samples' share of
furniture at each place of a leaked claim (``label_rates``, ``rated``), the same fixed rates for every half."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from bench_modules import bench_module  # tests/bench_modules.py


def _labels(path: Path, rows: list[tuple[str, str]]) -> None:
    lines = ["# a sample", "file\tstart\tposition\tjustext\tlabel\tnote\tclaim"]
    lines += [f"p{i}.html\t{i}\t{pos}\t0\t{label}\t\tclaim {i}" for i, (pos, label) in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_rates_pool_every_label_file_by_place(tmp_path: Path, monkeypatch) -> None:
    bench = bench_module("ingest")
    _labels(tmp_path / "a.tsv", [("after", "furniture"), ("inside", "body"), ("inside", "furniture")])
    _labels(tmp_path / "b.tsv", [("after", "furniture"), ("inside", "unclear"), ("before", "body")])
    monkeypatch.setattr(bench, "LABELS", (tmp_path / "a.tsv", tmp_path / "b.tsv", tmp_path / "none.tsv"))
    rates = bench.label_rates()
    assert rates["after"] == (1.0, 2)
    assert rates["inside"] == (0.5, 3)  # (furniture 1, body 0, unclear a half)
    assert rates["before"] == (0.0, 1)


def test_a_half_s_leakage_is_weighed_by_place(tmp_path: Path, monkeypatch) -> None:
    bench = bench_module("ingest")
    _labels(tmp_path / "a.tsv", [("after", "furniture"), ("inside", "body"), ("inside", "furniture")])
    monkeypatch.setattr(bench, "LABELS", (tmp_path / "a.tsv",))
    tally = bench.Tally()
    tally.count("raw B leak", 30, 200)
    for place, n in (("before", 0), ("inside", 20), ("after", 10)):
        for _ in range(n):
            tally.add(f"raw B leak-{place}", True)
    line = bench.rated(tally, "B")
    assert "10.0% = 20/200" in line  # (inside 20 x 50% + after 10 x 100%, of 200 claims)


def test_the_gold_bench_weighs_its_leaks_by_the_same_rates(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    gold = bench_module("ingest_gold")
    article = [
        "The city council approved the new budget on Monday after a debate that lasted for more than six hours.",
        "The plan adds two hundred million dollars for schools and roads, the mayor told reporters after the vote.",
        "Opponents said the budget raises property taxes too quickly for families who already struggle to pay.",
    ]
    other = (
        "The football club signed three new players on Friday for twelve million euros, its chairman said."
    )
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in [*article, "Related", other]) + "</body></html>"
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "council.html.gz").write_bytes(gzip.compress(html.encode()))
    (tmp_path / "ground-truth.json").write_text(json.dumps({"council": {"articleBody": "\n".join(article)}}))
    out = gold.measure(tmp_path, gold.ROOT, None)[gold.half("council")]
    leaked, claims = out["raw leak"]
    assert leaked >= 1 and out["raw leak-after"][0] == leaked  # (the other story, below the article)
    rate = bench_module("ingest").label_rates()["after"][0]  # (the repository's samples)
    assert out["corrected"] == [round(100 * rate * leaked), 100 * claims]


def test_the_sample_pool_holds_a_gold_set_s_development_half(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    sample = bench_module("ingest_leak_sample")
    article = [
        "The city council approved the new budget on Monday after a debate that lasted for more than six hours.",
        "The plan adds two hundred million dollars for schools and roads, the mayor told reporters after the vote.",
        "Opponents said the budget raises property taxes too quickly for families who already struggle to pay.",
    ]
    other = (
        "The football club signed three new players on Friday for twelve million euros, its chairman said."
    )
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in [*article, "Related", other]) + "</body></html>"
    (tmp_path / "html").mkdir()
    truth = {}
    for name in ("council", "d"):  # (a page of each half)
        (tmp_path / "html" / f"{name}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[name] = {"articleBody": "\n".join(article)}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    gold = bench_module("ingest_gold")
    dev = {n for n in truth if gold.half(n, "gold20") == "dev"}
    assert dev and dev != set(truth)
    rows = sample.gold_leaked_claims(tmp_path, "page")
    assert {r[0] for r in rows} == dev  # (the check half is never sampled)
    assert all(r[2] == "after" and "football" in r[3] for r in rows)


def test_the_weighed_leakage_gives_the_interval_its_samples_leave(tmp_path: Path, monkeypatch) -> None:
    bench = bench_module("ingest")
    # (inside: 2 furniture, 2 body -> rate 0.5, the scores' variance 1/3; after: 4 furniture -> no spread)
    _labels(
        tmp_path / "a.tsv", [("inside", "furniture"), ("inside", "body")] * 2 + [("after", "furniture")] * 4
    )
    monkeypatch.setattr(bench, "LABELS", (tmp_path / "a.tsv",))
    half = 1.96 * (20 * 20 * (1 / 3) / 4) ** 0.5 / 200  # (20 claims inside, of 200)
    assert abs(bench.rated_interval({"inside": 20, "after": 10}, 200) - half) < 1e-12
    tally = bench.Tally()
    tally.count("raw B leak", 30, 200)
    for place, n in (("inside", 20), ("after", 10)):
        for _ in range(n):
            tally.add(f"raw B leak-{place}", True)
    line = bench.rated(tally, "B")
    assert "10.0% = 20/200" in line and f"+-{half:.1%}" in line and "inside 20 x 50% (of 4)" in line


def test_the_sample_pool_of_the_extra_set_is_what_the_bench_counts(tmp_path: Path, monkeypatch) -> None:
    # (a sentence the page's own description holds is article text to bench/ingest.py's measure: the sample
    # it draws from must not hold it either)
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    sample = bench_module("ingest_leak_sample")
    article = [
        "The city council approved the new budget on Monday after a debate that lasted for more than six hours.",
        "The plan adds two hundred million dollars for schools and roads, the mayor told reporters after the vote.",
        "Opponents said the budget raises property taxes too quickly for families who already struggle to pay.",
    ]
    lede = "The harbour bridge will close to heavy traffic for two years from next month, the transport office said."
    other = (
        "The football club signed three new players on Friday for twelve million euros, its chairman said."
    )
    html = (
        "<html><body><article>"
        + "".join(f"<p>{p}</p>" for p in article)
        + f"</article><footer><p>{lede}</p><p>{other}</p></footer></body></html>"
    )
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "council0.html").write_text(html, encoding="utf-8")  # (a page of half A)
    entry = {"file": "council0.html", "with": [], "without": [], "description": lede}
    (tmp_path / "evaldata_extra.json").write_text(json.dumps({"https://example.org/council": entry}))
    texts = [t for _f, _start, _pos, t, _jt in sample.leaked_claims(tmp_path)]
    assert any("football" in t for t in texts)
    assert not any("harbour" in t for t in texts)
