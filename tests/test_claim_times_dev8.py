"""The dev8 / dev8h split of tests/fixtures/realworld: its pages, halves and time labels agree with make_dev8.py."""

from __future__ import annotations

import json
import re

from realworld_splits import REALWORLD, split_labels

# isort: split
import make_dev8  # (the fixture's own script, beside its pages: realworld_splits puts its folder on sys.path)
from hypothesis import given
from hypothesis import strategies as st

# a TIMEX3 value as the labels write it: a date, week, season, quarter, clock time, duration or reference
_VALUE = re.compile(
    r"\d{4}(?:-\d\d(?:-\d\d(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?)?|-W\d\d(?:-WE)?|-(?:SP|SU|FA|WI)|-Q\d)?"
    r"|XXXX-(?:XX|WXX)|P(?:\d+(?:\.\d+)?|X)[YMWDQ]|PT(?:\d+|X)[HMS]|(?:PRESENT|PAST|FUTURE)_REF"
)


def _dev8_labels() -> list[dict]:
    return split_labels("dev8", "dev8h")


def _record(pid: str) -> tuple[str, dict]:
    (path,) = (REALWORLD / "articles").glob(f"dev8.*.{pid}.json")
    return path.name, json.loads(path.read_text(encoding="utf-8"))


def test_every_drawn_page_is_labelled_in_its_half() -> None:
    entries = {e["file"]: e["split"] for e in _dev8_labels()}
    halves = make_dev8.halves(list(make_dev8.DOCS))
    assert len(make_dev8.DOCS) == 16 and len(entries) == 16
    assert sorted(halves.values()) == ["dev8"] * 8 + ["dev8h"] * 8  # two halves of eight
    for pid, half in halves.items():
        name, rec = _record(pid)
        assert entries[name] == rec["half"] == half
        assert rec["date_found"] == make_dev8.DOCS[pid][1]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", rec["date"]) and rec["source"].startswith("https://")


def test_the_pages_come_from_outlets_no_other_split_uses() -> None:
    outlets: dict[str, str] = {}
    for path in sorted((REALWORLD / "articles").glob("*.json")):
        host = json.loads(path.read_text(encoding="utf-8")).get("hostname") or ""
        outlets.setdefault(make_dev8.outlet(host), path.name)
    mine = {make_dev8.outlet(_record(pid)[1]["hostname"]) for pid in make_dev8.DOCS}
    assert len(mine) == 16  # no two pages of one outlet
    assert all(outlets[o].startswith("dev8.") for o in mine)
    assert not mine & make_dev8.used_outlets()


def test_time_labels_are_timex3_values_of_the_page_era() -> None:
    for entry in _dev8_labels():
        year = int(json.loads((REALWORLD / "articles" / entry["file"]).read_text())["date"][:4])
        for claim in entry["claim"]:
            for value in claim.get("when", []) + claim.get("when_ok", []):
                assert _VALUE.fullmatch(value), (entry["file"], value)
            for value in claim.get("when", []):
                if value[:4].isdigit():  # a required date is of the page's past or of its next year (a plan)
                    assert 1900 < int(value[:4]) <= year + 1, (entry["file"], value)


def test_outlet_is_the_registered_name() -> None:
    assert make_dev8.outlet("developers.slashdot.org") == "slashdot.org"
    assert make_dev8.outlet("www.businessweekly.co.uk") == "businessweekly.co.uk"
    assert make_dev8.outlet("economictimes.indiatimes.com") == "indiatimes.com"


@given(
    st.lists(st.text(alphabet="ab .", min_size=0, max_size=30), min_size=1, max_size=12), st.integers(1, 200)
)
def test_cut_keeps_whole_paragraphs_up_to_the_one_past_the_limit(paras: list[str], limit: int) -> None:
    kept = make_dev8.cut(paras, limit)
    assert kept == paras[: len(kept)]  # whole paragraphs, from the start
    # it stops at the first paragraph that passes the limit, or keeps them all
    assert len(kept) == len(paras) or sum(len(p) + 1 for p in kept) > limit
    assert sum(len(p) + 1 for p in kept[:-1]) <= limit


def test_halves_are_a_seeded_deal() -> None:
    names = [f"{i:04d}" for i in range(1, 17)]
    assert make_dev8.halves(names) == make_dev8.halves(list(reversed(names)))  # the draw sorts first
    assert sorted(make_dev8.halves(names).values()) == ["dev8"] * 8 + ["dev8h"] * 8


def test_lists_and_buying_guides_are_not_drawn() -> None:
    assert make_dev8.LISTS.search("guides/the-top-10-insurance-companies")
    assert make_dev8.LISTS.search("travel/best-luxury-hotel-brands/")
    assert not make_dev8.LISTS.search("2025/12/18/weight-loss-drugs-wegovy-zepbound-health-plans/")
