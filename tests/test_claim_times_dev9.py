"""The dev9 / dev9h split of tests/fixtures/realworld (news in German, French and Spanish): its pages, halves
and time labels agree with make_dev9.py."""

from __future__ import annotations

import json
import re
from collections import Counter

from realworld_splits import REALWORLD, split_labels, split_records

# isort: split
import make_dev9  # (the fixture's own script, beside its pages: realworld_splits puts its folder on sys.path)
from hypothesis import given
from hypothesis import strategies as st

# a TIMEX3 value as the labels write it: a date, week, season, quarter, half, clock time, duration or reference
_VALUE = re.compile(
    r"\d{4}(?:-\d\d(?:-\d\d(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?)?|-W\d\d(?:-WE)?|-(?:SP|SU|FA|WI)|-[QH]\d)?"
    r"|XXXX-(?:XX|WXX)|P(?:\d+(?:\.\d+)?|X)[YMWDQ]|PT(?:\d+|X)[HMS]|(?:PRESENT|PAST|FUTURE)_REF"
)


def _labels() -> list[dict]:
    return split_labels("dev9", "dev9h")


def _records() -> dict[str, dict]:
    return split_records("dev9")


def test_every_drawn_page_is_labelled_in_its_half() -> None:
    entries = {e["file"]: e["split"] for e in _labels()}
    records = _records()
    by_lang = {lang: [n for n, d in make_dev9.DOCS.items() if d[0] == lang] for lang in make_dev9.N}
    halves = make_dev9.halves(by_lang)
    assert len(make_dev9.DOCS) == 16 and len(entries) == 16 and len(records) == 16
    assert {lang: len(names) for lang, names in by_lang.items()} == make_dev9.N
    for name, rec in records.items():
        assert entries[name] == rec["half"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", rec["date"]) and rec["source"].startswith("http")
    found = {(rec["source"], rec["half"], rec["date_found"]) for rec in records.values()}
    meta = (
        json.loads((make_dev9.DEFAULT / "evaldata_extra.json").read_text())
        if make_dev9.DEFAULT.exists()
        else {}
    )
    if meta:  # the pages' own record (outside the repository) names each saved page's URL
        urls = {m["file"]: url for url, m in meta.items()}
        assert found == {(urls[n], halves[n], make_dev9.DOCS[n][2]) for n in make_dev9.DOCS}
    # each half holds 4 German, 2 French and 2 Spanish pages
    per_half = Counter((rec["half"], rec["language"]) for rec in records.values())
    assert per_half == Counter(
        {
            ("dev9", "de"): 4,
            ("dev9h", "de"): 4,
            ("dev9", "fr"): 2,
            ("dev9h", "fr"): 2,
            ("dev9", "es"): 2,
            ("dev9h", "es"): 2,
        }
    )


def test_the_pages_come_from_outlets_no_other_split_uses() -> None:
    outlets: dict[str, str] = {}
    for path in sorted((REALWORLD / "articles").glob("*.json")):
        host = json.loads(path.read_text(encoding="utf-8")).get("hostname") or ""
        outlets.setdefault(make_dev9.outlet(host), path.name)
    mine = {make_dev9.url_outlet(rec["source"]) for rec in _records().values()}
    assert len(mine) == 16  # no two pages of one outlet
    assert not mine & make_dev9.used_outlets()
    assert all(outlets.get(o, "dev9.").startswith("dev9.") for o in mine)


def test_time_labels_are_timex3_values_of_the_page_era() -> None:
    for entry in _labels():
        year = int(json.loads((REALWORLD / "articles" / entry["file"]).read_text())["date"][:4])
        for claim in entry["claim"]:
            for value in claim.get("when", []) + claim.get("when_ok", []):
                assert _VALUE.fullmatch(value), (entry["file"], value)
            for value in claim.get("when", []):
                if value[:4].isdigit():  # a required date is of the page's past, or a plan or forecast
                    assert 1900 < int(value[:4]) <= year + 20, (entry["file"], value)


def test_outlets_of_archived_and_national_hosts() -> None:
    assert (
        make_dev9.url_outlet("https://web.archive.org/web/20120216182711/http://www.stol.it/Artikel/x")
        == "stol.it"
    )
    assert make_dev9.url_outlet("https://www.lanacion.com.ar/politica/x") == "lanacion.com.ar"
    assert make_dev9.url_outlet("https://wien.orf.at/stories/3017954/") == "orf.at"
    assert make_dev9.outlet("www.bundeskanzleramt.gv.at") == "bundeskanzleramt.gv.at"


def test_a_page_quoted_by_a_rule_example_is_not_blind() -> None:
    tracked = 'text = "Será este sábado 7 de mayo desde las 6:00."'
    assert make_dev9.quoted(
        "Hoy. Será este sábado 7 de mayo desde las 6:00 hasta las 21:00 sobre la Avda.", tracked
    )
    assert not make_dev9.quoted("El martes 3 de mayo de 2022 llegó la delegación a la capital.", tracked)
    assert not make_dev9.quoted("Será.", tracked)  # a sentence shorter than 30 characters says nothing


@given(
    st.lists(st.text(alphabet="ab .", min_size=0, max_size=30), min_size=1, max_size=12), st.integers(1, 200)
)
def test_cut_keeps_whole_paragraphs_up_to_the_one_past_the_limit(paras: list[str], limit: int) -> None:
    kept = make_dev9.cut(paras, limit)
    assert kept == paras[: len(kept)]  # whole paragraphs, from the start
    assert len(kept) == len(paras) or sum(len(p) + 1 for p in kept) > limit
    assert sum(len(p) + 1 for p in kept[:-1]) <= limit


def test_halves_are_a_seeded_deal_per_language() -> None:
    drawn = {
        "de": [f"d{i}" for i in range(8)],
        "fr": [f"f{i}" for i in range(4)],
        "es": [f"e{i}" for i in range(4)],
    }
    again = {lang: list(reversed(names)) for lang, names in drawn.items()}
    assert make_dev9.halves(drawn) == make_dev9.halves(again)  # the deal sorts first
    split = make_dev9.halves(drawn)
    assert Counter(split[n] for n in drawn["de"]) == Counter({"dev9": 4, "dev9h": 4})
    assert Counter(split[n] for n in drawn["fr"] + drawn["es"]) == Counter({"dev9": 4, "dev9h": 4})
