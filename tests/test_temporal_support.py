"""bench/temporal_support.py: the audit of the temporal rules by document support (matching, gains and costs,
switching rules off and back on)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from bench_modules import bench_module  # tests/bench_modules.py

from factcheck.temporal import engine, tag

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(scope="module")
def support() -> Any:
    return bench_module("temporal_support")


def test_match_right_wrong_and_spurious(support: Any) -> None:
    """Each system expression: the gold one whose value it gets right (once), -1 for a wrong value on a gold
    span, None for no gold span at all."""
    t = support.bench.Timex
    gold = [t(0, 6, "DATE", "2024-05-03", "Friday"), t(10, 15, "DATE", "2024-05", "May")]
    found = [
        t(0, 6, "DATE", "2024-05-03", "Friday"),
        t(0, 6, "DATE", "2024-05-03", "Friday"),  # the same gold expression again: not right twice
        t(10, 15, "DATE", "2023-05", "May"),
        t(20, 25, "DATE", "PRESENT_REF", "now"),
    ]
    assert support.bench.match(found, gold) == [0, -1, -1, None]
    s = support.bench.Score()
    s.add(found, gold)
    assert (s.tp_value, s.tp_span_sys, s.n_sys) == (1, 3, 4)


def test_compare_counts_gains_and_costs(support: Any) -> None:
    """A rule gains what it makes right and the spurious expressions it takes away; it costs the right values
    it loses and the spurious expressions it adds."""
    outcome = support.Outcome
    on = outcome(frozenset({0, 1}), frozenset({(30, 33, "DATE", "PRESENT_REF")}))
    off = outcome(frozenset({1, 2}), frozenset({(40, 44, "SET", "P1D")}))
    assert support.compare(on, off) == (2, 2)
    assert support.compare(on, on) == (0, 0)


def test_switched_off_switches_a_data_rule_and_restores_it(support: Any) -> None:
    text, anchor = "The town floods every spring.", dt.date(2024, 1, 10)
    assert [(r.text, r.value) for r in tag(text, anchor)] == [("every spring", "XXXX-SP")]
    rules = engine._RULES_OF_KIND
    with support.switched_off("every_season"):
        assert ("every spring", "XXXX-SP") not in [(r.text, r.value) for r in tag(text, anchor)]
    assert engine._RULES_OF_KIND is rules
    assert [(r.text, r.value) for r in tag(text, anchor)] == [("every spring", "XXXX-SP")]


def test_switched_off_switches_a_code_rule_and_restores_it(support: Any) -> None:
    text, anchor = "They led with 4 minutes 48 seconds remaining.", dt.date(2024, 1, 10)
    assert [r.value for r in tag(text, anchor)] == ["PT4M48S"]
    with support.switched_off("code:compound durations", "every_season"):
        assert [r.value for r in tag(text, anchor)] == ["PT4M", "PT48S"]
    assert [r.value for r in tag(text, anchor)] == ["PT4M48S"]


def test_every_code_rule_names_a_function_or_pattern_that_exists(support: Any) -> None:
    for name, (module, attr, _stand_in) in support.CODE_RULES.items():
        assert hasattr(module, attr), name


def test_examples_hold_only_when_another_rule_reads_them(support: Any) -> None:
    """A rule whose examples need it is no duplicate."""
    assert support.examples_hold("every_season") is False
