"""The dev16 / dev16h split of tests/fixtures/realworld (English news of 12 new outlets, from the parser test pages
of flairNLP/fundus that make_dev15.py did not draw): its pages, halves and labels agree with make_dev16.py, and
bench/extract_quality.py and bench/speakers_real.py score both halves (dev16h held out)."""

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
import make_dev14  # (the fixture's own scripts, beside their pages: realworld_splits puts its folder on sys.path)
import make_dev15
import make_dev16


def _labels() -> list[dict]:
    return split_labels("dev16", "dev16h")


def _records() -> dict[str, dict]:
    return split_records("dev16")


def test_every_drawn_page_is_labelled_in_its_half() -> None:
    records = check_drawn_pages(make_dev16, "dev16")
    for rec in records.values():
        # the page's own address, without the feed's query
        assert "?" not in rec["source"] and "/" in rec["source"][8:]
        assert 2019 <= int(rec["date"][:4]) <= 2026


def test_the_pages_come_from_twelve_outlets_no_other_split_uses() -> None:
    outlets: dict[str, set[str]] = {}
    for path in (REALWORLD / "articles").glob("*.json"):
        host = json.loads(path.read_text(encoding="utf-8")).get("hostname") or ""
        outlets.setdefault(make_dev16.outlet(host), set()).add(path.name.split(".")[0])
    mine = {make_dev16.outlet(rec["hostname"]) for rec in _records().values()}
    assert len(mine) == 12 and mine <= make_dev16.NEWS_HOSTS
    assert all(outlets[o] == {"dev16"} for o in mine)
    # another edition of an outlet counts as that outlet; none of dev15's outlets is drawn again
    assert not {make_dev16.SAME_OUTLET.get(o, o) for o in mine} & make_dev16.used_outlets()
    assert not mine & {make_dev15.outlet(rec["hostname"]) for rec in split_records("dev15").values()}
    assert not set(make_dev16.DOCS) & set(make_dev16.NOT_NEWS)


def test_time_labels_are_timex3_values_of_the_page_era() -> None:
    for entry in _labels():
        year = int(json.loads((REALWORLD / "articles" / entry["file"]).read_text())["date"][:4])
        for claim in entry["claim"]:
            for value in claim.get("when", []) + claim.get("when_ok", []):
                assert TIMEX_VALUE.fullmatch(value), (entry["file"], value)
            for value in claim.get("when", []):
                # a required value is a past or present time of the page, or a year its plans run to (its decade)
                assert 1900 < int(value[:3] + "0") <= year + 1, (entry["file"], value)


def test_the_draw_is_seeded_one_page_per_outlet_and_leaves_dev15_out() -> None:
    pool: list[tuple[str, str, str, str | None, dict]] = [
        (name, "", "", "", {}) for name in ("a.com", "b.com", "c.co.uk", "d.org")
    ]
    assert make_dev16.draw(pool) == make_dev16.draw(list(reversed(pool)))  # the pool's order does not matter
    assert make_dev16.SEED not in (make_dev15.SEED, make_dev14.SEED)
    assert make_dev16.used_outlets() >= {
        make_dev15.the_outlet(rec["source"]) for rec in split_records("dev15").values()
    }
    halves = make_dev16.halves([make_dev16.key(name) for name, *_ in pool])
    assert sorted(halves.values()) == ["dev16", "dev16", "dev16h", "dev16h"]
    # the same steps and hand lists as make_dev15.py
    assert make_dev16.NEWS_HOSTS is make_dev15.NEWS_HOSTS and make_dev16.SPEECH is make_dev15.SPEECH
    assert make_dev16.the_outlet("https://japannews.yomiuri.co.jp/politics/x") == "yomiuri.co.jp"


def test_the_benches_score_both_halves_and_never_list_dev16h() -> None:
    check_benches_score_both_halves("dev16")


def test_the_fundus_bench_leaves_the_drawn_publishers_out_and_not_their_other_editions() -> None:
    from bench_modules import bench_module

    f = bench_module("ingest_fundus")
    assert len(f.DEV16_PUBLISHERS) == len(make_dev16.DOCS) == 12
    assert f.LABELLED_SPLITS[:2] == ("dev15", "dev16")  # (dev17's publishers after them)
    assert f.labelled("www.euronews.com", "EuronewsEN") == "dev16"
    assert f.labelled("japannews.yomiuri.co.jp", "TheJapanNews") == "dev16"
    # another language's edition under the same registered name is no labelled page
    assert f.labelled("de.euronews.com", "EuronewsDE") is None
    assert f.labelled("www.yomiuri.co.jp", "YomiuriShimbun") is None
    assert f.labelled("www.9news.com.au", "NineNews") == "dev15"
