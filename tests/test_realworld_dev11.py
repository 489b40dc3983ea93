"""The dev11 / dev11h split of tests/fixtures/realworld (English news of 12 new outlets): its pages, halves and
labels agree with make_dev11.py, and bench/extract_quality.py scores both halves (dev11h held out)."""

from __future__ import annotations

import json
import re

from realworld_splits import (
    REALWORLD,
    TIMEX_VALUE,
    check_benches_score_both_halves,
    split_labels,
    split_records,
)

# isort: split
import make_dev11  # (the fixture's own script, beside its pages: realworld_splits puts its folder on sys.path)


def _labels() -> list[dict]:
    return split_labels("dev11", "dev11h")


def _records() -> dict[str, dict]:
    return split_records("dev11")


def test_every_drawn_page_is_labelled_in_its_half() -> None:
    entries = {e["file"]: e["split"] for e in _labels()}
    records = _records()
    halves = make_dev11.halves(sorted(make_dev11.DOCS))
    assert len(make_dev11.DOCS) == make_dev11.N == 12 and len(entries) == 12 and set(records) == set(entries)
    assert sorted(halves.values()) == ["dev11"] * 6 + ["dev11h"] * 6  # two halves of six
    by_name = {key.split(":", 1)[1]: key for key in make_dev11.DOCS}
    for file, rec in records.items():
        key = by_name[file.removesuffix(".json").rsplit(".", 1)[1]]
        assert entries[file] == rec["half"] == halves[key]
        _, found, date = make_dev11.DOCS[key]
        assert rec["date_found"] == found and re.fullmatch(r"\d{4}-\d\d-\d\d", rec["date"])
        assert date is None or rec["date"] == date
        assert rec["source"].startswith("http") and rec["text"]


def test_the_pages_come_from_twelve_outlets_no_other_split_uses() -> None:
    outlets: dict[str, set[str]] = {}
    for path in (REALWORLD / "articles").glob("*.json"):
        host = json.loads(path.read_text(encoding="utf-8")).get("hostname") or ""
        outlets.setdefault(make_dev11.outlet(host), set()).add(path.name.split(".")[0])
    mine = {make_dev11.outlet(rec["hostname"]) for rec in _records().values()}
    assert len(mine) == 12
    assert all(outlets[o] == {"dev11"} for o in mine)
    assert make_dev11.outlet("www.heraldsun.com.au") == "heraldsun.com.au"
    assert make_dev11.outlet("news.sky.com") == "sky.com"


def test_time_labels_are_timex3_values_of_the_page_era() -> None:
    for entry in _labels():
        year = int(json.loads((REALWORLD / "articles" / entry["file"]).read_text())["date"][:4])
        for claim in entry["claim"]:
            for value in claim.get("when", []) + claim.get("when_ok", []):
                assert TIMEX_VALUE.fullmatch(value), (entry["file"], value)
            for value in claim.get("when", []):
                assert 1900 < int(value[:4]) <= year, (entry["file"], value)


def test_the_draw_is_seeded_and_the_halves_dealt_alternately() -> None:
    pool = [(s, n, "", {}) for s, n in [("sh", "a" * 16), ("sh", "b" * 16), ("rdb", "c"), ("rdb", "d")]]
    assert make_dev11.draw(pool) == make_dev11.draw(list(reversed(pool)))  # the pool's order does not matter
    keys = [make_dev11.key(s, n) for s, n, _, _ in pool]
    assert keys[0] == "sh:" + "a" * 12
    halves = make_dev11.halves(keys)
    assert sorted(halves.values()) == ["dev11", "dev11", "dev11h", "dev11h"]
    assert make_dev11.cut(["a" * 10, "b" * 10, "c" * 10], limit=15) == ["a" * 10, "b" * 10]


def test_the_quality_bench_scores_both_halves_and_never_lists_dev11h() -> None:
    check_benches_score_both_halves("dev11", speakers=False)
