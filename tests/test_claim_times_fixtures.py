"""The dev7 / dev7h split of tests/fixtures/realworld: its pages, halves and time labels agree with make_dev7.py."""

from __future__ import annotations

import json
import re

from realworld_splits import REALWORLD, split_labels

# isort: split
import make_dev7  # (the fixture's own script, beside its pages: realworld_splits puts its folder on sys.path)
from hypothesis import given
from hypothesis import strategies as st

# a TIMEX3 value as the labels write it: a date, week, season, quarter, clock time, duration or reference
_VALUE = re.compile(
    r"\d{4}(?:-\d\d(?:-\d\d(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?)?|-W\d\d(?:-WE)?|-(?:SP|SU|FA|WI)|-Q\d)?"
    r"|T\d\d:\d\d|P(?:\d+(?:\.\d+)?|X)[YMWD]|PT(?:\d+|X)[HMS]|(?:PRESENT|PAST|FUTURE)_REF"
)


def _dev7_labels() -> list[dict]:
    return split_labels("dev7", "dev7h")


def test_every_drawn_page_is_labelled_in_its_half() -> None:
    entries = {e["file"]: e["split"] for e in _dev7_labels()}
    assert len(make_dev7.DOCS) == 16 and len(entries) == 16
    assert sorted(make_dev7.HALVES.values()).count("dev7") == 8  # two halves of eight
    for name, half in make_dev7.HALVES.items():
        file = f"dev7.ecbplus.{name}.json"
        rec = json.loads((REALWORLD / "articles" / file).read_text(encoding="utf-8"))
        assert entries[file] == rec["half"] == half
        assert rec["date"] == make_dev7.DOCS[name][0] and rec["ecbplus_file"] == f"{name}.xml"


def test_the_pages_come_from_outlets_no_other_split_uses() -> None:
    outlets: dict[str, str] = {}
    for path in (REALWORLD / "articles").glob("*.json"):
        host = json.loads(path.read_text(encoding="utf-8")).get("hostname") or ""
        outlets.setdefault(make_dev7.outlet(host), path.name)
    mine = {
        make_dev7.outlet(json.loads((REALWORLD / "articles" / e["file"]).read_text())["hostname"])
        for e in _dev7_labels()
    }
    assert len(mine) == 16
    assert all(outlets[o].startswith("dev7.") for o in mine)


def test_time_labels_are_timex3_values_of_the_page_era() -> None:
    for entry in _dev7_labels():
        year = int(json.loads((REALWORLD / "articles" / entry["file"]).read_text())["date"][:4])
        for claim in entry["claim"]:
            for value in claim.get("when", []) + claim.get("when_ok", []):
                assert _VALUE.fullmatch(value), (entry["file"], value)
            for value in claim.get("when", []):
                if value[:4].isdigit():
                    assert 1900 < int(value[:4]) <= year, (
                        entry["file"],
                        value,
                    )  # (no page speaks of a later year)


def test_outlet_is_the_registered_name() -> None:
    assert make_dev7.outlet("www.stuff.co.nz") == "stuff.co.nz"
    assert make_dev7.outlet("boston.redsox.mlb.com") == "mlb.com"
    assert make_dev7.outlet("news.bbc.co.uk") == "bbc.co.uk"
    assert make_dev7.outlet("thelocal.fr") == "thelocal.fr"


@given(
    st.lists(st.text(alphabet="ab .", min_size=0, max_size=30), min_size=1, max_size=12), st.integers(1, 200)
)
def test_cut_keeps_whole_paragraphs_up_to_the_one_past_the_limit(paras: list[str], limit: int) -> None:
    text = "\n".join(paras)
    out = make_dev7.cut(text, limit)
    kept = out.split("\n")
    assert kept == paras[: len(kept)]  # whole paragraphs, from the start
    # it stops at the first paragraph that passes the limit, or keeps them all
    assert len(kept) == len(paras) or sum(len(p) + 1 for p in kept) > limit
    assert sum(len(p) + 1 for p in kept[:-1]) <= limit


def test_halves_are_a_seeded_deal() -> None:
    names = [f"{i}_1ecbplus" for i in range(1, 17)]
    assert make_dev7.halves(names) == make_dev7.halves(list(reversed(names)))  # the draw sorts first
    assert sorted(make_dev7.halves(names).values()) == ["dev7"] * 8 + ["dev7h"] * 8
