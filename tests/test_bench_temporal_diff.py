"""bench/temporal_diff.py never lists the texts of held-out splits: half B of the trafilatura pages and the
texts the fixture's held-out splits were cut from."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from bench_modules import bench_module  # tests/bench_modules.py

REALWORLD = Path(__file__).resolve().parent / "fixtures" / "realworld"


def _held_out_text() -> str:
    labels = tomllib.loads((REALWORLD / "labels.toml").read_text(encoding="utf-8"))
    art = next(a for a in labels["article"] if a["split"] == "dev7h")
    return str(json.loads((REALWORLD / "articles" / art["file"]).read_text(encoding="utf-8"))["text"])


def test_a_text_a_held_out_split_was_cut_from_is_left_out() -> None:
    td = bench_module("temporal_diff")
    text = _held_out_text()
    # the source text as the corpus holds it: other spacing, its own first line
    assert td.held_out("Reported by a wire.\n" + text.replace("\n", "\n\n"))
    assert not td.held_out("The council met on Tuesday and voted to close the library in March. " * 5)


def test_a_development_text_is_kept() -> None:
    td = bench_module("temporal_diff")
    labels = tomllib.loads((REALWORLD / "labels.toml").read_text(encoding="utf-8"))
    art = next(a for a in labels["article"] if a["split"] == "dev7")
    text = json.loads((REALWORLD / "articles" / art["file"]).read_text(encoding="utf-8"))["text"]
    assert not td.held_out(text)


def test_half_b_of_the_trafilatura_pages_is_the_ingest_benches_half_b() -> None:
    td, ingest = bench_module("temporal_diff"), bench_module("ingest")
    names = [f"page{i}.html" for i in range(40)]
    assert [td.half(n) for n in names] == [ingest.extra_half(n) for n in names]
    assert {td.half(n) for n in names} == {"A", "B"}
