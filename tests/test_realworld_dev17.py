"""The dev17 / dev17h split of tests/fixtures/realworld (English news of 9 new outlets, the part of flairNLP/fundus's
parser test pages that make_dev15.py and make_dev16.py did not draw): its pages, halves and labels agree with
make_dev17.py, and bench/extract_quality.py and bench/speakers_real.py score both halves (dev17h held out)."""

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
import make_dev15  # (the fixture's own scripts, beside their pages: realworld_splits puts its folder on sys.path)
import make_dev16
import make_dev17


def _labels() -> list[dict]:
    return split_labels("dev17", "dev17h")


def _records() -> dict[str, dict]:
    return split_records("dev17")


def test_every_drawn_page_is_labelled_in_its_half() -> None:
    # every eligible outlet is drawn (nine: fewer than N)
    records = check_drawn_pages(make_dev17, "dev17", drawn=9)
    for rec in records.values():
        assert "?" not in rec["source"]
        assert 2023 <= int(rec["date"][:4]) <= 2026


def test_the_pages_come_from_nine_outlets_no_other_split_uses() -> None:
    outlets: dict[str, set[str]] = {}
    for path in (REALWORLD / "articles").glob("*.json"):
        host = json.loads(path.read_text(encoding="utf-8")).get("hostname") or ""
        outlets.setdefault(make_dev17.drawing.outlet(host), set()).add(path.name.split(".")[0])
    mine = {make_dev17.drawing.outlet(rec["hostname"]) for rec in _records().values()}
    assert len(mine) == 9 and mine <= make_dev17.NEWS_HOSTS
    assert all(outlets[o] == {"dev17"} for o in mine)
    assert not {make_dev17.SAME_OUTLET.get(o, o) for o in mine} & make_dev17.used_outlets()
    for earlier in ("dev15", "dev16"):
        assert not mine & {make_dev15.outlet(rec["hostname"]) for rec in split_records(earlier).values()}


def test_time_labels_are_timex3_values_of_the_page_era() -> None:
    for entry in _labels():
        year = int(json.loads((REALWORLD / "articles" / entry["file"]).read_text())["date"][:4])
        for claim in entry["claim"]:
            for value in claim.get("when", []) + claim.get("when_ok", []):
                assert TIMEX_VALUE.fullmatch(value), (entry["file"], value)
            for value in claim.get("when", []):
                assert 1900 < int(value[:3] + "0") <= year + 1, (entry["file"], value)


def test_the_draw_is_seeded_and_widens_only_the_date_rule() -> None:
    pool: list[tuple[str, str, str, str | None, dict]] = [
        (name, "", "", "", {}) for name in ("a.com", "b.com", "c.co.uk", "d.org")
    ]
    assert make_dev17.draw(pool) == make_dev17.draw(list(reversed(pool)))
    assert make_dev17.SEED not in (make_dev15.SEED, make_dev16.SEED)
    assert make_dev17.used_outlets() >= {
        make_dev15.the_outlet(rec["source"]) for rec in split_records("dev16").values()
    }
    assert make_dev17.NEWS_HOSTS is make_dev15.NEWS_HOSTS and make_dev17.SPEECH is make_dev15.SPEECH
    assert make_dev17.MIN_CHARS == make_dev15.MIN_CHARS


def test_the_benches_score_both_halves_and_never_list_dev17h() -> None:
    check_benches_score_both_halves("dev17")


def test_the_fundus_bench_leaves_the_drawn_publishers_out() -> None:
    from bench_modules import bench_module

    f = bench_module("ingest_fundus")
    assert len(f.DEV17_PUBLISHERS) == len(make_dev17.DOCS) == 9 and f.LABELLED_SPLITS[-1] == "dev17"
    assert f.labelled("www.taipeitimes.com", "TaipeiTimes") == "dev17"
    assert f.labelled("metro.co.uk", "Metro") == "dev17"
    assert f.labelled("www.euronews.com", "EuronewsEN") == "dev16"
