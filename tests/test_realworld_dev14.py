"""The dev14 / dev14h split of tests/fixtures/realworld (English news of 12 new outlets, from the evaluation pages
of adbar/htmldate): its pages, halves and labels agree with make_dev14.py, and bench/extract_quality.py and
bench/speakers_real.py score both halves (dev14h held out)."""

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
import make_dev13  # (the fixture's own scripts, beside their pages: realworld_splits puts its folder on sys.path)
import make_dev14


def _labels() -> list[dict]:
    return split_labels("dev14", "dev14h")


def _records() -> dict[str, dict]:
    return split_records("dev14")


def test_every_drawn_page_is_labelled_in_its_half() -> None:
    # three articles end before the cut (UrduPoint's, once its site furniture is left out; KTLA's; the Hindustan
    # Times' once its repeated summary and date line are)
    short = frozenset({"dev14.urdupoint.com.json", "dev14.ktla.com.json", "dev14.hindustantimes.com.json"})
    records = check_drawn_pages(make_dev14, "dev14", short)
    assert all(
        rec["source"] == rec["source"].strip() and "/" in rec["source"][8:] for rec in records.values()
    )


def test_the_pages_come_from_twelve_outlets_no_other_split_uses() -> None:
    outlets: dict[str, set[str]] = {}
    for path in (REALWORLD / "articles").glob("*.json"):
        host = json.loads(path.read_text(encoding="utf-8")).get("hostname") or ""
        outlets.setdefault(make_dev14.outlet(host), set()).add(path.name.split(".")[0])
    mine = {make_dev14.outlet(rec["hostname"]) for rec in _records().values()}
    assert len(mine) == 12 and mine <= make_dev14.NEWS_HOSTS
    assert all(outlets[o] == {"dev14"} for o in mine)
    # another edition of an outlet a split uses counts as that outlet
    assert not {make_dev14.SAME_OUTLET.get(o, o) for o in mine} & make_dev14.used_outlets()
    assert not set(make_dev14.DOCS) & set(make_dev14.NOT_NEWS)


def test_time_labels_are_timex3_values_of_the_page_era() -> None:
    for entry in _labels():
        year = int(json.loads((REALWORLD / "articles" / entry["file"]).read_text())["date"][:4])
        for claim in entry["claim"]:
            for value in claim.get("when", []) + claim.get("when_ok", []):
                assert TIMEX_VALUE.fullmatch(value), (entry["file"], value)
            for value in claim.get("when", []):
                # a required value is a past or present time of the page, or its year's forecast (the next one)
                assert 1900 < int(value[:3] + "0") <= year + 1, (entry["file"], value)


def test_the_draw_is_seeded_one_page_per_outlet_and_english_only() -> None:
    pool = [(name, "", "", "", {}) for name in ("a.com", "b.com", "c.co.uk", "d.org")]
    assert make_dev14.draw(pool) == make_dev14.draw(list(reversed(pool)))  # the pool's order does not matter
    assert make_dev14.SEED not in (make_dev13.SEED, make_dev13.make_dev12.SEED)
    assert make_dev14.used_outlets() >= {
        make_dev13.outlet(rec["hostname"]) for rec in split_records("dev13").values()
    }
    halves = make_dev14.halves([make_dev14.key(name) for name, *_ in pool])
    assert sorted(halves.values()) == ["dev14", "dev14", "dev14h", "dev14h"]
    # editions of used outlets, and addresses of pages other sets here read
    assert make_dev14.the_outlet("https://www.huffpost.com/entry/x") == "huffingtonpost.com"
    assert make_dev14.the_outlet("https://upton.wickedlocal.com/news/x") == "wickedlocal.com"
    assert make_dev14.norm("https://www.Example.com/a/") == make_dev14.norm("http://example.com/a")
    assert make_dev14.english("The mayor said that the council was told of the plan in May and it is done.")
    assert not make_dev14.english("Der Bürgermeister sagte, dass der Rat im Mai von dem Plan erfahren habe.")


def test_the_benches_score_both_halves_and_never_list_dev14h() -> None:
    check_benches_score_both_halves("dev14")
