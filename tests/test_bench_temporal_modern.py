"""bench/temporal_modern.py: its labels file, how a label finds its expression, the duration values it compares
in one unit, its strict spans; and the engine readings its development errors led to."""

from __future__ import annotations

import datetime as dt
import re

from bench_modules import bench_module  # tests/bench_modules.py
from hypothesis import given
from hypothesis import strategies as st

from factcheck.temporal import tag

TYPES = {"DATE", "TIME", "DURATION", "SET"}


def test_every_label_is_well_formed_and_the_parts_are_two_thirds_and_one_third() -> None:
    tm = bench_module("temporal_modern")
    pages = tm.read_labels()
    assert len(pages) == tm.N_SH + tm.N_EXTRA == len({p.page for p, _ in pages})
    assert sum(p.part == "heldout" for p, _ in pages) == round(len(pages) * tm.HELD_SHARE)
    for page, labels in pages:
        assert re.fullmatch(r"sh:[0-9a-f]{64}|extra:\S+\.html", page.page)
        assert page.dct.year >= 2015
        for phrase, nth, kind, value in labels:
            assert phrase.strip() == phrase and nth >= 1 and kind in TYPES and value


def test_a_label_finds_the_nth_whole_word_occurrence() -> None:
    tm = bench_module("temporal_modern")
    text = "On Tuesday he met; Tuesdays are quiet, and last Tuesday was too."
    assert tm.locate(text, "Tuesday", 1) == (3, 10)
    assert text[slice(*tm.locate(text, "Tuesday", 2))] == "Tuesday"
    assert tm.locate(text, "Tuesday", 2)[0] == text.index("last Tuesday") + 5
    try:
        tm.locate(text, "Tuesday", 3)
    except ValueError as e:
        assert "occurs 2 times" in str(e)
    else:
        raise AssertionError("a missing occurrence must be an error")


def test_durations_of_one_unit_compare_in_one_unit() -> None:
    tm = bench_module("temporal_modern")
    assert tm.canonical("P1.5Y") == tm.canonical("P18M") == "P18M"
    assert tm.canonical("P1DE") == tm.canonical("P1E") == tm.canonical("P10Y") == "P10Y"
    assert tm.canonical("P9C") == tm.canonical("P9CE") == "P900Y"
    for value in ("2019-11-19", "PT2H", "PXY", "P3D", "2019-W47", "PRESENT_REF"):
        assert tm.canonical(value) == value


@given(st.integers(min_value=0, max_value=3000), st.sampled_from(["Y", "M", "DE", "C"]))
def test_canonical_is_idempotent_and_keeps_the_length(n: int, unit: str) -> None:
    tm = bench_module("temporal_modern")
    once = tm.canonical(f"P{n}{unit}")
    assert tm.canonical(once) == once
    months = {"Y": 12, "M": 1, "DE": 120, "C": 1200}[unit] * n
    assert once in (f"P{months // 12}Y", f"P{months}M")


def test_strict_spans_need_the_same_start_and_end() -> None:
    tm = bench_module("temporal_modern")
    tb = tm.tb
    doc = tb.Doc(
        "d", dt.date(2019, 11, 19), "It rained on Tuesday night.", [tb.Timex(13, 26, "TIME", "2019-11-19TNI")]
    )
    exact = [tb.Timex(13, 26, "TIME", "2019-11-19TNI")]
    wider = [tb.Timex(10, 26, "TIME", "2019-11-19TNI")]
    assert tm.strict([(doc, exact)]) == (1.0, 1.0)
    assert tm.strict([(doc, wider)]) == (0.0, 0.0)
    assert tm.figures([(doc, wider)])["all value F1"] == 1.0  # relaxed: overlapping


def _values(text: str, anchor: dt.date) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, anchor)]


def test_a_summertime_season_is_tagged() -> None:
    # modern set, development: an AP story of 2019-11-20 (also time.toml, rule season)
    text = "He faces questions about a newly revealed summertime phone call with President Donald Trump."
    assert ("summertime", "2019-SU") in _values(text, dt.date(2019, 11, 20))
    assert _values("Her single Summertime Sadness topped the charts.", dt.date(2013, 8, 1)) == []


def test_a_score_before_a_weekday_reads_the_game_day_gone() -> None:
    # modern set, development: an AP game story on timesunion.com (a Wednesday)
    text = "The Islanders beat the Penguins 5-4 Tuesday night to extend their unbeaten streak to 15 games."
    assert _values(text, dt.date(2019, 11, 20)) == [("Tuesday night", "2019-11-19TNI")]
    # no score: a plan's infinitive still looks ahead
    ahead = "The Islanders host the Penguins Tuesday night to open a homestand."
    assert _values(ahead, dt.date(2019, 11, 20)) == [("Tuesday night", "2019-11-26TNI")]
