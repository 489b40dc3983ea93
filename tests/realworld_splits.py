"""The labelled real-article splits of tests/fixtures/realworld, as the split tests read them: each split's label
entries and its pages' records (the fixture's make_devN.py scripts are importable from the same folder)."""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

REALWORLD = Path(__file__).resolve().parent / "fixtures" / "realworld"
sys.path.insert(0, str(REALWORLD))  # the make_devN.py scripts, beside their pages

# a TIMEX3 value as the labels write it: a date, week, season, quarter, part of a day, duration, decade, a set of
# weeks or weekends (XXXX-WXX, XXXX-WXX-WE), reference, or a clock time on no given day ("T16:00", which
# bench/extract_quality.py's same_value reads as XXXX-XX-XXT16:00)
TIMEX_VALUE = re.compile(
    r"T\d\d:\d\d|\d{4}(?:-\d\d(?:-\d\d(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?)?|-W\d\d(?:-WE)?|-(?:SP|SU|FA|WI)|-Q\d)?"
    r"|\d{3}X|XXXX-(?:XX|WXX(?:-WE)?)|P(?:\d+(?:\.\d+)?|X)(?:[YMWDQ]|DE)(?:\d+[MD])?|PT(?:\d+|X)[HMS]|(?:PRESENT|PAST|FUTURE)_REF"
)


def split_labels(*splits: str) -> list[dict]:
    """The label entries (labels.toml's [[article]]) of these splits."""
    labels = tomllib.loads((REALWORLD / "labels.toml").read_text(encoding="utf-8"))
    return [e for e in labels["article"] if e["split"] in splits]


def split_records(split: str) -> dict[str, dict]:
    """The pages of one split (articles/SPLIT.*.json) by file name, sorted."""
    return {
        p.name: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((REALWORLD / "articles").glob(f"{split}.*.json"))
    }


def check_drawn_pages(
    script: Any, split: str, short: frozenset[str] = frozenset(), *, drawn: int = 12
) -> dict[str, dict]:
    """A drawn split (make_dev12.py's steps): its ``drawn`` pages (``script.N`` = 12, or every eligible page
    when fewer) are labelled in the half the script deals them, each with the date line read by hand (and the
    date where the metadata's is not the page's), a source and a text cut after the paragraph passing ``CUT``
    characters (``short``: the pages whose whole article is shorter). Returns the split's records."""
    entries = {e["file"]: e["split"] for e in split_labels(split, split + "h")}
    records = split_records(split)
    halves = script.halves(sorted(script.DOCS))
    assert script.N == 12 and len(script.DOCS) == len(entries) == drawn and set(records) == set(entries)
    # two halves, dealt alternately: of six each, or the development half one more
    assert sorted(halves.values()) == [split] * ((drawn + 1) // 2) + [split + "h"] * (drawn // 2)
    by_outlet = {script.outlet(key.split(":", 1)[1].split("--")[0]): key for key in script.DOCS}
    for file, rec in records.items():
        key = by_outlet[file.removeprefix(split + ".").removesuffix(".json")]
        assert entries[file] == rec["half"] == halves[key]
        _, found, date = script.DOCS[key]
        assert rec["date_found"] == found and re.fullmatch(r"\d{4}-\d\d-\d\d", rec["date"])
        assert date is None or rec["date"] == date
        assert rec["source"].startswith("https://")
        assert len(rec["text"]) > script.drawing.CUT or file in short
    return records


def check_benches_score_both_halves(split: str, *, speakers: bool = True) -> None:
    """bench/extract_quality.py (and bench/speakers_real.py) score both halves of ``split`` (its held-out half
    ``split + "h"`` in totals only, never listed), pool them, and read every labelled claim of each."""
    from bench_modules import bench_module

    held = split + "h"
    q = bench_module("extract_quality")
    assert {split, held} <= set(q.REAL_SPLITS)
    assert held in q.HELD_OUT and held not in q.LISTABLE and split in q.LISTABLE and split not in q.HELD_OUT
    if speakers:
        s = bench_module("speakers_real")
        assert {split, held} <= set(s.SPLITS) and held in s.HELD_OUT
    assert q.POOLED[f"{split}+{held}"] == (split, held)
    for part in (split, held):
        n = sum(len(e["claim"]) for e in split_labels(part))
        naive = q.evaluate_real(part, "naive")
        shown = q.evaluate_real(part, "shown")
        assert naive.labelled == shown.labelled == n > 20
        assert naive.found == n  # every labelled claim lies in a body sentence the bench reads
        assert shown.shown >= shown.shown_ok > 0 and shown.found > 0
