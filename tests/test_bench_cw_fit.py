"""bench/cw_fit.py: its splits are the shared ones, it fits on the development splits only, and its
cross-validation scores each split with what was fitted without it."""

from __future__ import annotations

import json
from argparse import Namespace
from pathlib import Path

import pytest
from bench_modules import bench_module

cw = bench_module("cw_fit")
quality = bench_module("extract_quality")


def test_the_splits_are_extract_qualitys_and_no_held_out_one_is_fitted_on() -> None:
    assert set(cw.DEV) | set(cw.HELD_OUT) == set(quality.REAL_SPLITS)
    assert not set(cw.DEV) & set(cw.HELD_OUT)
    assert set(quality.HELD_OUT) <= set(cw.HELD_OUT)
    assert "heldout" in cw.HELD_OUT  # held out when labelled
    assert {"dev", "dev12", "ecb"} <= set(cw.DEV)


def _page(folder: Path, name: str, text: str) -> None:
    record = {"title": "A headline about the council", "date": "2020-03-02", "text": text}
    (folder / name).write_text(json.dumps(record), encoding="utf-8")


def test_real_rows_reads_no_page_of_a_held_out_split(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    _page(
        tmp_path / "articles",
        "dev.council.json",
        "The city council approved a budget of $4 million on Monday, officials said.\n"
        "It is a lovely day for a walk in the park with friends.\n",
    )
    # the held-out entries name pages that do not exist: reading one would fail
    (tmp_path / "labels.toml").write_text(
        '[[article]]\nfile = "dev.council.json"\nsplit = "dev"\n'
        '[[article.claim]]\nm = "approved a budget of $4 million"\n'
        '[[article]]\nfile = "fresh.missing.json"\nsplit = "fresh"\n'
        '[[article]]\nfile = "heldout.missing.json"\nsplit = "heldout"\n'
        '[[article]]\nfile = "dev12h.missing.json"\nsplit = "dev12h"\n',
        encoding="utf-8",
    )
    rows, gold = cw.real_rows(cw.DEV, fixtures=tmp_path)
    assert {r.split for r in rows} == {"dev"}
    assert set(gold) == {("dev", "dev.council.json")}
    assert [r.label for r in rows if "budget" in r.text] == [1]
    with pytest.raises(SystemExit, match=r"fresh\.missing\.json"):
        cw.real_rows(("dev", "fresh"), fixtures=tmp_path)


def _row(split: str, page: str, text: str, score: float, label: int | None) -> object:
    return cw.Row(split, page, text, {"base": 1}, score, label)


def test_fit_threshold_takes_the_best_precision_that_keeps_the_recall() -> None:
    rows = [
        _row("dev", "p", "claim one", 0.9, 1),
        _row("dev", "p", "claim two", 0.5, 1),
        _row("dev", "p", "view one", 0.48, 0),
        _row("dev", "p", "view two", 0.46, 0),
        _row("dev", "p", "claim three", 0.45, 1),
    ]
    gold = {("dev", "p"): ["claim one", "claim two", "claim three"]}
    # recall 1 needs every claim: 0.45, precision 3/5
    assert cw.fit_threshold(rows, gold, cw.resource_score, 1.0) == 0.45
    # two claims of three are enough: at 0.5 precision is 2/2
    assert cw.fit_threshold(rows, gold, cw.resource_score, 0.6) == 0.5


def test_cross_validation_scores_each_split_with_a_fit_made_without_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    by_split = {
        s: [_row(s, "p", f"claim of {s}", 0.6, 1), _row(s, "p", f"view of {s}", 0.5, 0)] for s in cw.DEV
    }
    gold = {(s, "p"): [f"claim of {s}"] for s in cw.DEV}
    fitted_on: list[set[str]] = []

    class Model:
        def __init__(self, rows: list, l2: float) -> None:
            fitted_on.append({r.split for r in rows})

        def score(self, r: object) -> float:
            return 0.5

    class Stepper:
        def __init__(self, rows: list, gold: object, checked: list) -> None:
            pass

        def fit(self, splits: set[str], recall: float) -> tuple[None, list[str]]:
            fitted_on.append(set(splits))
            return None, []

        def counts(self, w: None, splits: set[str]) -> tuple[int, ...]:
            return (0, 0, 0, 0)

        def lost(self, w: None) -> int:
            return 0

    real_fit = cw.fit_threshold

    def fit_threshold(rows: list, *args: object) -> float:
        fitted_on.append({r.split for r in rows})
        return real_fit(rows, *args)

    monkeypatch.setattr(cw, "Model", Model)
    monkeypatch.setattr(cw, "Stepper", Stepper)
    monkeypatch.setattr(cw, "fit_threshold", fit_threshold)
    cw.cross_validate(by_split, gold, [], Namespace(recall=0.85, l2=1.0))
    folds = fitted_on[: 4 * len(cw.DEV)]  # per fold: two thresholds, the model, the stepped weights
    for i, split in enumerate(cw.DEV):
        for seen in folds[4 * i : 4 * i + 4]:
            assert seen == set(cw.DEV) - {split}
    assert all(seen <= set(cw.DEV) for seen in fitted_on)
    out = capsys.readouterr().out
    # the left-out split scored at the fitted threshold 0.6: its claim shown, its view hidden
    assert "  dev12  resource 0.50 / 1.00 (1/2, 1/1); threshold 0.600: 1.00 / 1.00 (1/1, 1/1);" in out
    n = len(cw.DEV)  # one true claim a split, each shown at its fold's threshold
    assert f"    threshold 1.00 / 1.00 ({n}/{n}, {n}/{n})" in out


def _scored(text: str, terms: dict[str, int], label: int | None) -> object:
    weights = cw.extract._cw_vocab("en").weights
    score = round(max(0.0, min(1.0, sum(weights[k] * n for k, n in terms.items()))), 3)
    return cw.Row("dev", "p", text, terms, score, label)


def test_stepped_weights_hide_no_snopes_checked_claim() -> None:
    claim = _scored("a figure claim", {"base": 1, "figure": 1, "entity": 1, "time": 1}, 1)
    view = {"base": 1, "attributed": 1, "quote_speaker": 1, "entity": 1}  # 0.5: shown, near the threshold
    rows = [claim, _scored("a quoted view", view, 0)]
    gold = {("dev", "p"): ["a figure claim"]}
    free = cw.Stepper(rows, gold, [])
    assert free.counts(free.weights, {"dev"}) == (1, 2, 1, 1)
    w, made = free.fit({"dev"}, 0.85)
    assert len(made) == 1 and free.counts(w, {"dev"}) == (1, 1, 1, 1)
    # a Snopes-checked claim of the same terms is shown now: no step may hide it
    checked = [cw.Row("checked", "1", "a checked claim", view, rows[1].score, 1)]
    bound = cw.Stepper(rows, gold, checked)
    w, made = bound.fit({"dev"}, 0.85)
    assert made == [] and bound.counts(w, {"dev"}) == (1, 2, 1, 1)
