"""The dev15 / dev15h split of tests/fixtures/realworld (English news of 12 new outlets, from the parser test pages
of flairNLP/fundus): its pages, halves and labels agree with make_dev15.py, and bench/extract_quality.py and
bench/speakers_real.py score both halves (dev15h held out)."""

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
import make_dev15


def _labels() -> list[dict]:
    return split_labels("dev15", "dev15h")


def _records() -> dict[str, dict]:
    return split_records("dev15")


def test_every_drawn_page_is_labelled_in_its_half() -> None:
    records = check_drawn_pages(make_dev15, "dev15")
    for rec in records.values():
        # the page's own address, without the feed's query
        assert "?" not in rec["source"] and "/" in rec["source"][8:]
        assert rec["date"][:4] in {"2023", "2024", "2025", "2026"}


def test_the_pages_come_from_twelve_outlets_no_other_split_uses() -> None:
    outlets: dict[str, set[str]] = {}
    for path in (REALWORLD / "articles").glob("*.json"):
        host = json.loads(path.read_text(encoding="utf-8")).get("hostname") or ""
        outlets.setdefault(make_dev15.outlet(host), set()).add(path.name.split(".")[0])
    mine = {make_dev15.outlet(rec["hostname"]) for rec in _records().values()}
    assert len(mine) == 12 and mine <= make_dev15.NEWS_HOSTS
    assert all(outlets[o] == {"dev15"} for o in mine)
    # another edition of an outlet counts as that outlet
    assert not {make_dev15.SAME_OUTLET.get(o, o) for o in mine} & make_dev15.used_outlets()
    assert not set(make_dev15.DOCS) & set(make_dev15.NOT_NEWS)


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
    pool: list[tuple[str, str, str, str | None, dict]] = [
        (name, "", "", "", {}) for name in ("a.com", "b.com", "c.co.uk", "d.org")
    ]
    assert make_dev15.draw(pool) == make_dev15.draw(list(reversed(pool)))  # the pool's order does not matter
    assert make_dev15.SEED not in (make_dev14.SEED, make_dev13.SEED, make_dev13.make_dev12.SEED)
    assert make_dev15.used_outlets() >= {
        make_dev14.outlet(rec["hostname"]) for rec in split_records("dev14").values()
    }
    halves = make_dev15.halves([make_dev15.key(name) for name, *_ in pool])
    assert sorted(halves.values()) == ["dev15", "dev15", "dev15h", "dev15h"]
    # editions of an outlet, and a feed's query left out of the address
    assert make_dev15.the_outlet("https://www.nine.com.au/world-news/x") == "9news.com.au"
    assert make_dev15.the_outlet("https://www.politico.eu/article/x") == "politico.com"
    assert make_dev15.the_outlet("https://japannews.yomiuri.co.jp/politics/x") == "yomiuri.co.jp"
    assert (
        make_dev15.address("https://www.cbc.ca/news/x-1.7287711?cmp=rss")
        == "https://www.cbc.ca/news/x-1.7287711"
    )
    assert make_dev15.english("The mayor said that the council was told of the plan in May and it is done.")
    assert not make_dev15.english("Der Bürgermeister sagte, dass der Rat im Mai von dem Plan erfahren habe.")


def test_fundus_date_is_that_of_the_parser_version_whose_first_paragraph_the_page_holds() -> None:
    parses = {
        "V1": {
            "publishing_date": "2023-04-28 17:40:08+00:00",
            "body": {"sections": [{"paragraphs": ["Old text."]}]},
        },
        "V2": {
            "publishing_date": "2024-09-03 10:00:00+00:00",
            "body": {"sections": [{"paragraphs": ["New text."]}]},
        },
    }
    assert make_dev15.fundus_date(parses, "<p>New text.</p>") == "2024-09-03"
    assert make_dev15.fundus_date(parses, "<p>Old text.</p>") == "2023-04-28"
    assert make_dev15.fundus_date(parses, "<p>Other text.</p>") is None


def test_the_benches_score_both_halves_and_never_list_dev15h() -> None:
    check_benches_score_both_halves("dev15")
