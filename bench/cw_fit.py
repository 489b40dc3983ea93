"""Does a fitted model over the check-worthiness terms beat their weights in the resource? Split by split.

The score of a sentence is the weighted sum of its terms (``factcheck/lang/en/checkworthiness.toml``,
``[weights]``; ``extract._CwTerms``). This bench extracts every sentence of the hand-labelled real pages
(tests/fixtures/realworld) with its terms, and fits a logistic model over the same terms (L2-regularised, Newton
steps, numpy) on the development splits only (dev, dev2, dev3, dev4, dev5, dev6; a sentence is check-worthy when it holds a
labelled claim, "either" sentences and headlines left out). It prints, beside the weights of the resource:

1. ranking quality (AUC: the chance that a check-worthy sentence outscores one that is not), per split; for a
   development split the model is fitted on the three others (leave one split out), for the held-out splits
   (heldout, ecb; fresh and dev6h: totals only) on all of them;
2. check-worthy precision / recall of the shown claims, as ``bench/extract_quality.py`` counts them, with the
   model's threshold set where its recall over the development splits is that of the resource's weights at
   ``model.DEFAULT_MIN_SCORE``; row ``checked``: the share of the 10,375 claims Snopes checked (CLEF 2020
   CheckThat! task 2 archive, each a one-sentence article, all check-worthy) that is shown;
3. the fitted weights, rescaled to the resource's units (``--weights``): a ``[weights]`` table to try.

``--term NAME`` fits one term's weight alone, the others kept as the resource has them: a logistic model over
two inputs, the resource's sum without the term and the term, fitted on the development splits; the term's
weight is the ratio of their coefficients (on the resource's scale). It prints, beside the resource without
the term (its weight 0) and with the resource's weight for it, AUC and shown claims per split at
``model.DEFAULT_MIN_SCORE`` and at the threshold where the development recall is that of the resource
without the term.

A new term is worth adding when the fitted model with it ranks better on the held-out splits and on the
development split it was not fitted on, not only on the ones it was fitted on.

    python bench/cw_fit.py [--l2 1.0] [--weights] [--no-checked] [--term lexical]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract import data_dir  # noqa: E402  (bench/extract.py: ../shared/data or env FACTCHECK_DATA)

from factcheck import extract, ingest  # noqa: E402
from factcheck.model import DEFAULT_MIN_SCORE, Article  # noqa: E402

REALWORLD = ROOT / "tests" / "fixtures" / "realworld"
DEV = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6")
HELD_OUT = ("heldout", "ecb", "fresh", "dev6h")  # fresh, dev6h: totals only, never their sentences


@dataclass
class Row:
    """One candidate claim: its split and page, text, terms (name -> count), score, label (1, 0, None: either)."""

    split: str
    page: str
    text: str
    terms: dict[str, int]
    score: float
    label: int | None


def _candidates(art: Article, after: int | None = None) -> list[tuple[str, dict[str, int], float]]:
    """(text, terms, score) of every body sentence of ``art`` that ``extract`` scores: headlines left out, or with
    ``after`` the sentences that start after that offset (as ``bench/claims_diff.py`` reads a checked claim).

    The terms are recorded by wrapping ``extract._cw_terms`` for the call (one per scored part of a sentence, in
    text order); a heading has no terms and scores ``too_short``'s weight.
    """
    recorded: dict[str, list[Any]] = defaultdict(list)
    real = extract._cw_terms

    def record(text: str, *args: Any, **kw: Any) -> Any:
        terms = real(text, *args, **kw)
        recorded[text].append(terms)
        return terms

    extract._cw_terms = record  # type: ignore[assignment]
    try:
        claims = extract.extract(art, min_score=0.0)
    finally:
        extract._cw_terms = real  # type: ignore[assignment]
    titles = [s for s in art.segments if s.kind == "title"]
    out = []
    for c in claims:
        calls = recorded.get(c.text)
        terms = calls.pop(0) if calls else None
        if (
            (c.start <= after)
            if after is not None
            else any(t.start <= c.start and c.end <= t.end for t in titles)
        ):
            continue
        full = terms.stance_terms(c.stance) if terms is not None else {}
        if terms is not None and extract._cw_score(terms, c.stance, art.language) != c.score:
            sys.exit(f"cw_fit: the recorded terms do not give the score of {c.text!r}")
        out.append((c.text, full, c.score))
    return out


def real_rows() -> tuple[list[Row], dict[tuple[str, str], list[str]]]:
    labels = tomllib.loads((REALWORLD / "labels.toml").read_text(encoding="utf-8"))
    rows: list[Row] = []
    gold: dict[tuple[str, str], list[str]] = {}
    for entry in labels["article"]:
        split, page = entry["split"], entry["file"]
        art = ingest.load([str(REALWORLD / "articles" / page)]).articles[0]
        claims = [g["m"] for g in entry.get("claim", [])]
        either = entry.get("either", [])
        gold[(split, page)] = claims
        for text, terms, score in _candidates(art):
            y = 1 if any(m in text for m in claims) else (None if any(e in text for e in either) else 0)
            rows.append(Row(split, page, text, terms, score, y))
    return rows, gold


def checked_rows() -> list[Row]:
    """The claims Snopes checked, each as ``bench/claims_diff.py`` reads it: the best-scoring part after the
    headline "Claim"."""
    path = data_dir() / "clef2020-t2-dev" / "verified_claims.docs.tsv"
    if not path.is_file():
        return []
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in list(csv.reader(fh, delimiter="\t"))[1:]:
            claim = " ".join(rec[1].split())
            if not claim:
                continue
            art = ingest.article_from_text("Claim\n\n" + claim + "\n", path="c.txt", key="c.txt")
            cands = _candidates(art, after=6)  # (claims_diff: c.start > 6)
            text, terms, score = max(cands, key=lambda c: c[2]) if cands else (claim, {}, 0.0)
            rows.append(Row("checked", rec[0], text, terms, score, 1))
    return rows


class Model:
    """A logistic model over the terms; ``score`` is its probability."""

    def __init__(self, rows: list[Row], l2: float) -> None:
        train = [r for r in rows if r.label is not None and r.terms]
        x = np.array([self._vector(r) for r in train])
        y = np.array([r.label for r in train], dtype=float)
        reg = np.full(x.shape[1], l2)
        reg[extract.CW_TERMS.index("base")] = 0.0  # the intercept is not shrunk
        b = np.zeros(x.shape[1])
        for _ in range(40):  # Newton steps
            p = 1.0 / (1.0 + np.exp(-x @ b))
            grad = x.T @ (p - y) + reg * b
            hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg) + 1e-9 * np.eye(len(b))
            b -= np.linalg.solve(hess, grad)
        self.coef = b

    @staticmethod
    def _vector(r: Row) -> list[float]:
        return [float(r.terms.get(name, 0)) for name in extract.CW_TERMS]

    def score(self, r: Row) -> float:
        if not r.terms:
            return 0.0
        return float(1.0 / (1.0 + np.exp(-np.dot(self._vector(r), self.coef))))


def auc(rows: list[Row], score: Any) -> float:
    pos = np.array([score(r) for r in rows if r.label == 1])
    neg = np.array([score(r) for r in rows if r.label == 0])
    if not len(pos) or not len(neg):
        return float("nan")
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def shown(
    rows: list[Row], gold: dict[tuple[str, str], list[str]], score: Any, threshold: float
) -> tuple[int, ...]:
    """(check-worthy shown, shown, labelled claims found, labelled claims), as bench/extract_quality.py counts."""
    ok = n = found = labelled = 0
    pages: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in rows:
        if score(r) >= threshold:
            pages[(r.split, r.page)].append(r.text)
            if r.label is not None:
                n += 1
                ok += r.label
    for key in {(r.split, r.page) for r in rows}:
        claims = gold.get(key, [])
        labelled += len(claims)
        found += sum(1 for m in claims if any(m in t for t in pages.get(key, [])))
    return ok, n, found, labelled


def _pr(counts: tuple[int, ...]) -> str:
    ok, n, found, labelled = counts
    return f"{ok / max(n, 1):.2f} / {found / max(labelled, 1):.2f} ({ok}/{n}, {found}/{labelled})"


def _with_weight(term: str, w: float) -> Any:
    """A row's score with the resource's weights but ``w`` for ``term``, clipped and rounded as ``extract``'s."""
    weights = extract._cw_vocab("en").weights

    def score(r: Row) -> float:
        if not r.terms:
            return r.score
        total = sum((w if k == term else weights[k]) * v for k, v in r.terms.items())
        return round(max(0.0, min(1.0, total)), 3)

    return score


def fit_term(
    term: str, rows: list[Row], checked: list[Row], gold: dict[tuple[str, str], list[str]], fresh: bool
) -> None:
    """Fit ``term``'s weight alone on the development splits; print the splits (``fresh`` too: totals only)
    without it, with the resource's weight and with the fitted one."""
    splits = (*DEV, "heldout", "ecb", *(("fresh", "dev6h") if fresh else ()))
    weights = extract._cw_vocab("en").weights
    by_split: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_split[r.split].append(r)
    dev = [r for s in DEV for r in by_split[s] if r.label is not None and r.terms]
    rest = np.array([sum(weights[k] * v for k, v in r.terms.items() if k != term) for r in dev])
    x = np.column_stack([rest, [r.terms.get(term, 0.0) for r in dev], np.ones(len(dev))])
    y = np.array([r.label for r in dev], dtype=float)
    b = np.zeros(3)
    for _ in range(50):  # Newton steps, unregularised: three parameters, ~2,000 rows
        p = 1.0 / (1.0 + np.exp(-x @ b))
        b -= np.linalg.solve((x * (p * (1 - p))[:, None]).T @ x + 1e-9 * np.eye(3), x.T @ (p - y))
    fitted = float(b[1] / b[0])
    print(f"{term}: weight fitted on the development splits {fitted:.3f} (resource: {weights[term]})")
    variants = {"without": _with_weight(term, 0.0), "resource": _with_weight(term, weights[term])}
    variants["fitted"] = _with_weight(term, fitted)
    dev_rows = [r for s in DEV for r in by_split[s]]
    target = shown(dev_rows, gold, variants["without"], DEFAULT_MIN_SCORE)[2]
    thresholds = {}
    for name, f in variants.items():
        thresholds[name] = DEFAULT_MIN_SCORE
        for t in np.arange(0.20, 0.80, 0.005):
            t = round(float(t), 3)  # (0.45, not 0.45000000000000007: scores are rounded to three places)
            if shown(dev_rows, gold, f, t)[2] < target:
                break
            thresholds[name] = t
    print("AUC per split: " + " / ".join(variants))
    for split in splits:
        print(f"  {split:<8} " + " / ".join(f"{auc(by_split[split], f):.3f}" for f in variants.values()))
    for name, f in variants.items():
        for t in sorted({DEFAULT_MIN_SCORE, thresholds[name]}):
            print(
                f"shown claims, {name}, at {t:.3f}"
                + (" (development recall kept)" if t == thresholds[name] else "")
            )
            for split in ("development", *splits):
                part = dev_rows if split == "development" else by_split[split]
                print(f"  {split:<11} {_pr(shown(part, gold, f, t))}")
            if checked:
                n = sum(1 for r in checked if f(r) >= t)
                print(
                    f"  checked     {n / len(checked):.3f} ({n}/{len(checked)}) of the Snopes-checked claims shown"
                )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the logistic model (default 1)")
    ap.add_argument("--weights", action="store_true", help="print the fitted weights as a [weights] table")
    ap.add_argument("--no-checked", action="store_true", help="leave the claims Snopes checked out")
    ap.add_argument("--term", help="fit this term's weight alone, the others as the resource has them")
    ap.add_argument("--fresh", action="store_true", help="with --term: fresh's totals too (once, at the end)")
    args = ap.parse_args()
    rows, gold = real_rows()
    if args.term:
        if args.term not in extract.CW_TERMS:
            sys.exit(f"cw_fit: no term {args.term!r} (terms: {', '.join(extract.CW_TERMS)})")
        fit_term(args.term, rows, [] if args.no_checked else checked_rows(), gold, args.fresh)
        return 0
    by_split: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_split[r.split].append(r)
    dev_rows = [r for s in DEV for r in by_split[s]]
    model = Model(dev_rows, args.l2)
    weights = extract._cw_vocab("en").weights

    def resource_score(r: Row) -> float:
        return r.score

    print("ranking (AUC) of the resource's weights and of the fitted model")
    for split in (*DEV, *HELD_OUT):
        fitted = (
            Model([r for s in DEV if s != split for r in by_split[s]], args.l2) if split in DEV else model
        )
        how = "fitted on the other development splits" if split in DEV else "fitted on the development splits"
        print(
            f"  {split:<8} resource {auc(by_split[split], resource_score):.3f}   "
            f"model {auc(by_split[split], fitted.score):.3f}  ({how})"
        )
    # the model's threshold: the highest whose recall over the development splits reaches the resource's
    target = shown(dev_rows, gold, resource_score, DEFAULT_MIN_SCORE)
    threshold = 0.0
    for t in np.arange(0.05, 0.96, 0.01):
        if shown(dev_rows, gold, model.score, float(t))[2] < target[2]:
            break
        threshold = float(t)
    checked = [] if args.no_checked else checked_rows()
    print(
        f"shown claims, check-worthy precision / recall: resource at {DEFAULT_MIN_SCORE}, model at {threshold:.2f} "
        "(its recall over the development splits that of the resource)"
    )
    for split in (*DEV, *HELD_OUT):
        base = shown(by_split[split], gold, resource_score, DEFAULT_MIN_SCORE)
        fit = shown(by_split[split], gold, model.score, threshold)
        print(f"  {split:<8} resource {_pr(base):<28} model {_pr(fit)}")
    if checked:
        n = len(checked)
        base_n = sum(1 for r in checked if r.score >= DEFAULT_MIN_SCORE)
        fit_n = sum(1 for r in checked if model.score(r) >= threshold)
        print(
            f"  checked  resource {base_n / n:.3f} ({base_n}/{n}) shown   model {fit_n / n:.3f} ({fit_n}/{n})"
        )
    if args.weights:
        # the decision "p >= threshold" as "weighted sum >= DEFAULT_MIN_SCORE", on the resource's scale
        logit = float(np.log(threshold / (1 - threshold)))
        scale = sum(abs(weights[k]) for k in extract.CW_TERMS if k not in ("base", "too_short")) / sum(
            abs(c)
            for k, c in zip(extract.CW_TERMS, model.coef, strict=True)
            if k not in ("base", "too_short")
        )
        print("[weights]  # fitted on the development splits; beside each: the resource's weight")
        for k, c in zip(extract.CW_TERMS, model.coef, strict=True):
            w = c * scale + (DEFAULT_MIN_SCORE - logit * scale if k == "base" else 0.0)
            print(f"{k} = {w:.3f}  # {weights[k]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
