"""bench/speakers_polnear.py --errors lists the spurious speakers too (claims PolNeAR gives no source)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bench_modules import bench_module


def test_a_speaker_where_no_source_is_annotated_is_an_error_listed() -> None:
    sp = bench_module("speakers_polnear")
    text = "Rafael Nadal kept Spain's hopes alive on Tuesday."
    claims = [{"s": 0, "e": len(text), "sp": "Spain"}]
    counts: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    sp.score_article("ap_2016-01-01_x", text, [], claims, counts, errors)
    assert counts["ap|spurious"] == 1
    assert [e["family"] for e in errors] == ["spurious"]
    assert "'Spain'" in errors[0]["example"]
