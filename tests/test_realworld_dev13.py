"""The dev13 / dev13h split of tests/fixtures/realworld (English news of 12 new outlets, from the part of
postlight/parser's fixtures make_dev12.py did not draw): its pages, halves and labels agree with make_dev13.py,
and bench/extract_quality.py and bench/speakers_real.py score both halves (dev13h held out)."""

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
import make_dev12  # (the fixture's own scripts, beside their pages: realworld_splits puts its folder on sys.path)
import make_dev13


def _labels() -> list[dict]:
    return split_labels("dev13", "dev13h")


def _records() -> dict[str, dict]:
    return split_records("dev13")


def test_every_drawn_page_is_labelled_in_its_half() -> None:
    # MacRumors' article (its comments left out) is shorter than the cut
    records = check_drawn_pages(make_dev13, "dev13", frozenset({"dev13.macrumors.com.json"}))
    assert (
        records["dev13.opposingviews.com.json"]["date"] == "2016-12-21"
    )  # the original's date, not the update's


def test_the_pages_come_from_twelve_outlets_no_other_split_uses() -> None:
    outlets: dict[str, set[str]] = {}
    for path in (REALWORLD / "articles").glob("*.json"):
        host = json.loads(path.read_text(encoding="utf-8")).get("hostname") or ""
        outlets.setdefault(make_dev13.outlet(host), set()).add(path.name.split(".")[0])
    mine = {make_dev13.outlet(rec["hostname"]) for rec in _records().values()}
    assert len(mine) == 12 and mine <= make_dev13.NEWS_HOSTS
    assert all(outlets[o] == {"dev13"} for o in mine)  # so none of dev12's pages either
    assert not set(make_dev13.DOCS) & set(make_dev12.DOCS) and not set(make_dev13.DOCS) & set(
        make_dev13.NOT_NEWS
    )


def test_time_labels_are_timex3_values_of_the_page_era() -> None:
    for entry in _labels():
        year = int(json.loads((REALWORLD / "articles" / entry["file"]).read_text())["date"][:4])
        for claim in entry["claim"]:
            for value in claim.get("when", []) + claim.get("when_ok", []):
                assert TIMEX_VALUE.fullmatch(value), (entry["file"], value)
            for value in claim.get("when", []):
                # a required value is a past or present time of the page, or its year's forecast (the next one)
                assert 1900 < int(value[:3] + "0") <= year + 1, (entry["file"], value)


def test_the_draw_is_seeded_and_leaves_out_the_essays() -> None:
    pool = [("pl", n, "", {}) for n in ("a.com", "b.com", "www.c.com--feature", "d.org")]
    assert make_dev13.draw(pool) == make_dev13.draw(list(reversed(pool)))  # the pool's order does not matter
    assert make_dev13.SEED != make_dev12.SEED and make_dev13.used_outlets() >= {
        make_dev13.outlet(rec["hostname"]) for rec in split_records("dev12").values()
    }
    keys = [make_dev13.key(s, n) for s, n, _, _ in pool]
    halves = make_dev13.halves(keys)
    assert sorted(halves.values()) == ["dev13", "dev13", "dev13h", "dev13h"]


def test_the_benches_score_both_halves_and_never_list_dev13h() -> None:
    check_benches_score_both_halves("dev13")
