"""The dev12 / dev12h split of tests/fixtures/realworld (English news of 12 new outlets, from postlight/parser's
fixtures): its pages, halves and labels agree with make_dev12.py, and bench/extract_quality.py and
bench/speakers_real.py score both halves (dev12h held out)."""

from __future__ import annotations

import json

from realworld_splits import (
    REALWORLD,
    TIMEX_VALUE,
    check_benches_score_both_halves,
    check_drawn_pages,
    split_labels,
    split_records,
)

# isort: split
import make_dev12  # (the fixture's own script, beside its pages: realworld_splits puts its folder on sys.path)


def _labels() -> list[dict]:
    return split_labels("dev12", "dev12h")


def _records() -> dict[str, dict]:
    return split_records("dev12")


def test_every_drawn_page_is_labelled_in_its_half() -> None:
    check_drawn_pages(make_dev12, "dev12")


def test_the_pages_come_from_twelve_outlets_no_other_split_uses() -> None:
    outlets: dict[str, set[str]] = {}
    for path in (REALWORLD / "articles").glob("*.json"):
        host = json.loads(path.read_text(encoding="utf-8")).get("hostname") or ""
        outlets.setdefault(make_dev12.outlet(host), set()).add(path.name.split(".")[0])
    mine = {make_dev12.outlet(rec["hostname"]) for rec in _records().values()}
    assert len(mine) == 12 and mine <= make_dev12.NEWS_HOSTS
    assert all(outlets[o] == {"dev12"} for o in mine)


def test_time_labels_are_timex3_values_of_the_page_era() -> None:
    for entry in _labels():
        year = int(json.loads((REALWORLD / "articles" / entry["file"]).read_text())["date"][:4])
        for claim in entry["claim"]:
            for value in claim.get("when", []) + claim.get("when_ok", []):
                assert TIMEX_VALUE.fullmatch(value), (entry["file"], value)
            for value in claim.get("when", []):
                # a required value is a past or present time of the page, or its year's forecast (the next one)
                assert 1900 < int(value[:3] + "0") <= year + 1, (entry["file"], value)


def test_the_draw_is_seeded_and_the_halves_dealt_alternately() -> None:
    pool = [("pl", n, "", {}) for n in ("a.com", "b.com", "www.c.com--feature", "d.org")]
    assert make_dev12.draw(pool) == make_dev12.draw(list(reversed(pool)))  # the pool's order does not matter
    keys = [make_dev12.key(s, n) for s, n, _, _ in pool]
    assert keys[2] == "pl:www.c.com--feature"
    halves = make_dev12.halves(keys)
    assert sorted(halves.values()) == ["dev12", "dev12", "dev12h", "dev12h"]


def test_the_benches_score_both_halves_and_never_list_dev12h() -> None:
    check_benches_score_both_halves("dev12")
