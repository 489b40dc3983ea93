"""bench/extract_quality.py's ``--time-kinds``: each time error of a found claim as a kind (choice / value / tagger),
and bench/claim_times_sample.py's counts by label and value shape. Written probes: no labelled page is read."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from bench_modules import bench_module  # tests/bench_modules.py

from factcheck import extract, ingest
from factcheck.model import Article, Claim


def _eq():
    return bench_module("extract_quality")


def _claim(text: str, published: dt.date, sentence: str) -> tuple[Article, list, Claim]:
    art = ingest.article_from_text(text, path="probe.txt", key="probe")
    art.published = published
    times = extract._times_for(art)
    claim = next(c for c in extract.extract(art) if sentence in c.text)
    return art, times, claim


def test_value_shape_names_each_kind_of_value() -> None:
    shape = _eq().value_shape
    assert shape("2019") == "year/decade"
    assert shape("198") == "year/decade"
    assert shape("2019-05") == "month/season/quarter"
    assert shape("2019-SU") == "month/season/quarter"
    assert shape("2019-W05") == "week"
    assert shape("2019-05-01") == "day"
    assert shape("2019-05-01T10:00") == "clock"
    assert shape("P3Y") == "duration"
    assert shape("PRESENT_REF") == "ref"


def test_a_wrong_year_for_the_labelled_year_is_a_value_error() -> None:
    eq = _eq()
    art, times, c = _claim(
        "Title\n\nThe council approved the plan in May, the mayor said on Tuesday.\n",
        dt.date(2020, 3, 10),
        "approved the plan",
    )
    carried = {t.text: t.value for t in c.when}
    assert carried["May"] == "2019-05"  # the May gone
    label = {"m": "approved the plan", "when": ["2018-05"]}
    assert eq.time_kinds(art, times, label, c)[:1] == ["value: year (same month or day)"]
    # the other month's direction: after the publication date against before it
    label = {"m": "approved the plan", "when": ["2020-05"]}
    assert eq.time_kinds(art, times, label, c)[:1] == [
        "value: tense direction (before / after the publication date)"
    ]


def test_a_time_the_labels_do_not_give_is_a_choice_error_by_shape() -> None:
    eq = _eq()
    art, times, c = _claim(
        "Title\n\nThe company, founded in 1998, cut 300 jobs, the union said.\n",
        dt.date(2020, 3, 10),
        "cut 300 jobs",
    )
    assert [t.value for t in c.when] == ["1998"]
    none = {"m": "cut 300 jobs"}
    assert eq.time_kinds(art, times, none, c) == [
        "choice: a date or time carried, no time labelled [year/decade]"
    ]
    beside = {"m": "cut 300 jobs", "when": ["1998"], "when_ok": []}
    assert eq.time_kinds(art, times, beside, c) == []
    # a labelled time of another shape: another expression taken
    other = {"m": "cut 300 jobs", "when": ["2020-03-09"]}
    assert eq.time_kinds(art, times, other, c) == ["choice: a year/decade carried for the labelled day"]
    # the same shape: the expression valued otherwise
    assert eq.time_kinds(art, times, {"m": "cut 300 jobs", "when": ["1997"]}, c) == [
        "value: year (same month or day)"
    ]


def test_a_labelled_time_of_another_sentence_is_a_choice_error() -> None:
    eq = _eq()
    art, times, c = _claim(
        "Title\n\nThe storm hit the coast on Monday. Thousands of homes lost power, officials said.\n",
        dt.date(2021, 8, 31),
        "Thousands of homes",
    )
    assert c.when == []
    label = {"m": "Thousands of homes lost power", "when": ["2021-08-30"]}
    assert eq.time_kinds(art, times, label, c) == [
        "choice: the labelled time not carried, in another sentence of the paragraph"
    ]
    label = {"m": "Thousands of homes lost power", "when": ["2021-08-31"]}
    assert eq.time_kinds(art, times, label, c) == [
        "choice: the labelled time not carried, the publication day (no expression)"
    ]
    label = {"m": "Thousands of homes lost power", "when": ["2021-07"]}
    assert eq.time_kinds(art, times, label, c) == [
        "tagger: the labelled time not carried, no expression with that value"
    ]


def test_the_label_habits_count_the_carried_values_by_shape() -> None:
    eq = _eq()
    _art, _times, c = _claim(
        "Title\n\nThe company, founded in 1998, cut 300 jobs, the union said.\n",
        dt.date(2020, 3, 10),
        "cut 300 jobs",
    )
    counts: Counter[str] = Counter()
    eq._label_habits(counts, {"m": "cut 300 jobs", "when_ok": ["1998"]}, c)
    assert counts == Counter(
        {
            "label: found claims": 1,
            "label: a time required (when)": 0,
            "label: more allowed (when_ok)": 1,
            "shape: year/decade right": 1,
        }
    )


def test_the_samples_count_their_wrong_pairs_by_label_and_shape(capsys: pytest.CaptureFixture[str]) -> None:
    cts = bench_module("claim_times_sample")
    assert cts.value_shape("2016-11") == "month/season/quarter"
    res = {"A": Counter({"kind:choice: year/decade": 2, "right": 5}), "B": Counter({"kind:value: day": 1})}
    cts.report_kinds("TREE", res)
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "  TREE  half A wrong pairs by kind: choice: year/decade 2",
        "  TREE  half B wrong pairs by kind: value: day 1",
    ]
