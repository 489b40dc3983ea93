"""bench/ingest_line_model.py: the learned line classifier of copied pages' tails (features, fit, solve),
on small hand-made pages; no corpus is read."""

from __future__ import annotations

import math
import random
from pathlib import Path
from types import ModuleType

import pytest
from bench_modules import bench_module  # tests/bench_modules.py
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import ingest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def lm() -> ModuleType:
    return bench_module("ingest_line_model")


ARTICLE = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month.",
    "Engineers found cracks in two of the bridge's steel supports, the mayor told reporters at the harbour.",
    "Buses will be rerouted through the northern tunnel while the bridge repairs last, the council said.",
]
TAIL = [
    "Menu",
    "The harbour bridge repairs will cost the council more than the budget allowed, engineers said.",
    "Sign up for our newsletter and win a weekend for two in the mountains with free breakfast included.",
]


def _page(lm: ModuleType, lines_text: list[str]) -> tuple[list[ingest._Line], list[tuple[str, str]]]:
    text = "\n".join(lines_text) + "\n"
    lines = ingest._lines(text)
    return lines, [("body", "")] * len(lines)


def test_features_of_the_lines_below_the_span(lm: ModuleType) -> None:
    lines, kinds = _page(lm, ARTICLE + TAIL)
    kinds[3] = ("furniture", "page chrome")
    x = lm.features(lines, kinds, (0, 2), ingest._stop_words("en"))
    assert len(x) == len(TAIL)  # one vector per line below the span
    assert all(len(v) == len(lm.FEATURES) for v in x)
    f = {name: k for k, name in enumerate(lm.FEATURES)}
    on_topic, promo = x[1], x[2]
    assert on_topic[f["topic_share"]] > promo[f["topic_share"]]
    assert on_topic[f["log_lines_below_span"]] < promo[f["log_lines_below_span"]]
    assert x[0][f["prev_kept"]] == 1.0 and x[1][f["prev_kept"]] == 0.0  # (the menu line is furniture)
    assert x[0][f["no_topic_words"]] == 1.0


def test_solve_gives_the_solution_of_a_known_system(lm: ModuleType) -> None:
    m = [[4.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 2.0]]
    want = [1.0, -2.0, 0.5]
    v = [sum(m[r][c] * want[c] for c in range(3)) for r in range(3)]
    assert lm.solve(m, v) == pytest.approx(want)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(-3, 3), min_size=3, max_size=3))
def test_solve_inverts_a_positive_definite_system(lm: ModuleType, want: list[float]) -> None:
    m = [[3.0, 0.5, 0.2], [0.5, 2.0, 0.3], [0.2, 0.3, 1.5]]
    v = [sum(m[r][c] * want[c] for c in range(3)) for r in range(3)]
    assert lm.solve(m, v) == pytest.approx(want, abs=1e-9)


def test_fit_learns_the_sign_of_an_informative_feature(lm: ModuleType) -> None:
    """Examples whose label follows one feature (with noise): the fit gives that feature a large positive
    weight and ranks the positives above the negatives."""
    rng = random.Random(7)
    k = len(lm.FEATURES)
    topic = lm.FEATURES.index("topic_share")
    page = lm.Page("p", None, {}, {"with": [], "without": []}, "", set())
    for _ in range(400):
        x = [1.0] + [rng.random() for _ in range(k - 1)]
        page.x.append(x)
        page.label.append(int(x[topic] + rng.gauss(0, 0.15) > 0.5))
        page.weight.append(1.0)
    w = lm.fit([page], l2=1.0)
    assert w[topic] == max(w[1:]) and w[topic] > 3
    p = [lm.prob(w, x) for x in page.x]
    pos = [q for q, y in zip(p, page.label, strict=True) if y]
    neg = [q for q, y in zip(p, page.label, strict=True) if not y]
    assert sum(pos) / len(pos) > 0.7 > 0.3 > sum(neg) / len(neg)
    assert all(0.0 < q < 1.0 and not math.isnan(q) for q in p)
