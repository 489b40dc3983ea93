"""Does a fitted model over the check-worthiness terms, or another shown threshold, beat the resource? Split by split.

The score of a sentence is the weighted sum of its terms (``factcheck/lang/en/checkworthiness.toml``,
``[weights]``; ``extract._CwTerms``); a claim is shown when it scores ``model.DEFAULT_MIN_SCORE`` or more. This
bench extracts every sentence of the hand-labelled real pages (tests/fixtures/realworld) with its terms (a
sentence is check-worthy when it holds a labelled claim, "either" sentences and headlines left out) and fits,
on the development splits only (``DEV``: every split of ``bench/extract_quality.py``'s ``REAL_SPLITS`` but its
clean held-out ones, ``HELD_OUT``, and "heldout", held out when labelled; the held-out pages are never read
unless ``--heldout`` asks for their totals), a logistic model over the same terms (L2-regularised, Newton steps,
numpy). It prints, beside the weights of the resource:

1. ranking quality (AUC: the chance that a check-worthy sentence outscores one that is not) per development
   split, the model fitted on the other development splits (leave one split out);
2. check-worthy precision / recall of the shown claims, as ``bench/extract_quality.py`` counts them, with the
   model's threshold set where its recall over the development splits is that of the resource's weights at
   ``model.DEFAULT_MIN_SCORE``; row ``checked``: the share of the 10,375 claims Snopes checked (CLEF 2020
   CheckThat! task 2 archive, each a one-sentence article, all check-worthy) that is shown;
3. the fitted weights, rescaled to the resource's units (``--weights``): a ``[weights]`` table to try.

``--cv``: leave-one-split-out cross-validation of a calibration over the development splits. For each
development split, fitted on all the others: (a) the shown threshold of the resource's weights, (b) the logistic
model and its threshold; each threshold the one of the highest precision over the splits fitted on whose recall
there is ``--recall`` (default 0.85) or more. The split left out is scored with what was fitted without it; the
pooled row sums the left-out splits' counts. Beside them, the resource at ``model.DEFAULT_MIN_SCORE``. The
cross-validated rows are the figures that count, never the fit on all splits (printed last, with the Snopes
claims the fit on all would show and lose).

``--term NAME`` fits one term's weight alone, the others kept as the resource has them: a logistic model over
two inputs, the resource's sum without the term and the term, fitted on the development splits; the term's
weight is the ratio of their coefficients (on the resource's scale). It prints, beside the resource without
the term (its weight 0) and with the resource's weight for it, AUC and shown claims per split at
``model.DEFAULT_MIN_SCORE`` and at the threshold where the development recall is that of the resource
without the term.

``--heldout`` adds the held-out splits' totals (each a row of counts; never their sentences), to be run once,
after the development figures have decided.

A new term is worth adding when the fitted model with it ranks better on the held-out splits and on the
development split it was not fitted on, not only on the ones it was fitted on.

    python bench/cw_fit.py [--l2 1.0] [--weights] [--no-checked] [--term lexical] [--cv [--recall 0.85]]
        [--heldout]
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
from extract_quality import HELD_OUT as CLEAN_HELD_OUT  # noqa: E402  (the shared split lists)
from extract_quality import REAL_SPLITS  # noqa: E402

from factcheck import extract, ingest  # noqa: E402
from factcheck.model import DEFAULT_MIN_SCORE, Article  # noqa: E402

REALWORLD = ROOT / "tests" / "fixtures" / "realworld"
# held out: extract_quality's clean held-out splits (totals only, never their sentences) and "heldout" (held out
# when labelled): never in the data a weight or a threshold is fitted on
HELD_OUT = ("heldout", *CLEAN_HELD_OUT)
DEV = tuple(s for s in REAL_SPLITS if s not in HELD_OUT)  # the development splits: dev..dev12 and ecb


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


def real_rows(
    splits: tuple[str, ...] = DEV, fixtures: Path = REALWORLD
) -> tuple[list[Row], dict[tuple[str, str], list[str]]]:
    """The candidate claims of the labelled pages of ``splits`` (the development splits unless asked): no other
    split's page is read, and their labelled claims by (split, page)."""
    labels = tomllib.loads((fixtures / "labels.toml").read_text(encoding="utf-8"))
    rows: list[Row] = []
    gold: dict[tuple[str, str], list[str]] = {}
    for entry in labels["article"]:
        split, page = entry["split"], entry["file"]
        if split not in splits:
            continue
        batch = ingest.load([str(fixtures / "articles" / page)])
        if batch.errors or not batch.articles:
            sys.exit(f"cw_fit: cannot read {page}: {batch.errors}")
        art = batch.articles[0]
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
    term: str, rows: list[Row], checked: list[Row], gold: dict[tuple[str, str], list[str]], held: bool
) -> None:
    """Fit ``term``'s weight alone on the development splits; print the splits (``held``: the held-out ones too,
    totals only) without it, with the resource's weight and with the fitted one."""
    splits = (*DEV, *(HELD_OUT if held else ()))
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


def resource_score(r: Row) -> float:
    return r.score


def fit_threshold(
    rows: list[Row], gold: dict[tuple[str, str], list[str]], score: Any, recall: float
) -> float:
    """The threshold of the highest precision of ``rows``' shown claims among those whose recall is ``recall`` or
    more (the lowest such threshold on a tie), tried at every score a row has from ``extract.MIN_SCORE`` up.
    Counted as ``shown`` counts: a labelled claim is found when a row of its page holding it is shown."""
    scores = np.array([score(r) for r in rows])
    labelled = np.array([-1 if r.label is None else r.label for r in rows])
    by_page: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_page[(r.split, r.page)].append(i)
    # each labelled claim's best score among the rows that hold it (-1: none does)
    claim_best = [
        max((scores[i] for i in idx if m in rows[i].text), default=-1.0)
        for key, idx in by_page.items()
        for m in gold.get(key, [])
    ]
    best_claims = np.array(claim_best)
    best: tuple[float, float] | None = None
    for t in np.unique(scores[scores >= extract.MIN_SCORE]):
        if (best_claims >= t).sum() < recall * len(best_claims):
            break
        on = (scores >= t) & (labelled >= 0)
        if on.any() and (best is None or labelled[on].mean() > best[0]):
            best = (float(labelled[on].mean()), float(t))
    return DEFAULT_MIN_SCORE if best is None else best[1]


def _add(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(x + y for x, y in zip(a, b, strict=True))


STEPS = (-0.1, -0.05, -0.03, 0.03, 0.05, 0.1)  # the changes of one weight ``Stepper`` tries


class Stepper:
    """The resource's weights changed one term at a time (``STEPS``), greedily, while a change raises the precision
    of the shown claims (at ``model.DEFAULT_MIN_SCORE``) of the splits fitted on, keeps their recall at the floor
    or over it, and hides none of the Snopes-checked claims the resource shows. The rows' terms are held as a
    matrix to rescore them all under other weights at once (clipped and rounded as ``extract``'s scores)."""

    def __init__(self, rows: list[Row], gold: dict[tuple[str, str], list[str]], checked: list[Row]) -> None:
        self.weights = np.array([extract._cw_vocab("en").weights[k] for k in extract.CW_TERMS])
        self.rows = self._terms(rows)
        self.checked = self._terms(checked)
        self.label = np.array([-1 if r.label is None else r.label for r in rows])
        self.split = np.array([r.split for r in rows])
        by_page: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, r in enumerate(rows):
            by_page[(r.split, r.page)].append(i)
        claims = [(key, m) for key in by_page for m in gold.get(key, [])]
        self.claim_split = np.array([key[0] for key, _ in claims])
        self.holds = np.zeros((len(claims), len(rows)), dtype=bool)  # labelled claim x row that holds it
        for j, (key, m) in enumerate(claims):
            for i in by_page[key]:
                self.holds[j, i] = m in rows[i].text
        for part, had in ((self.rows, rows), (self.checked, checked)):
            if not np.array_equal(self.scores(part, self.weights), np.array([r.score for r in had])):
                sys.exit("cw_fit: the term matrix does not give the resource's scores")
        self.shown_checked = self.scores(self.checked, self.weights) >= DEFAULT_MIN_SCORE

    @staticmethod
    def _terms(rows: list[Row]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        x = np.array([[float(r.terms.get(k, 0)) for k in extract.CW_TERMS] for r in rows])
        has = np.array([bool(r.terms) for r in rows], dtype=bool)
        return x.reshape(len(rows), len(extract.CW_TERMS)), has, np.array([r.score for r in rows])

    @staticmethod
    def scores(part: tuple[np.ndarray, np.ndarray, np.ndarray], w: np.ndarray) -> np.ndarray:
        x, has, fixed = part
        return np.where(has, np.round(np.clip(x @ w, 0.0, 1.0), 3), fixed)

    def counts(self, w: np.ndarray, splits: set[str]) -> tuple[int, ...]:
        """``shown``'s counts for the rows of ``splits`` under weights ``w``."""
        on = (self.scores(self.rows, w) >= DEFAULT_MIN_SCORE) & np.isin(self.split, list(splits))
        labelled = np.isin(self.claim_split, list(splits))
        found = (self.holds[labelled] & on).any(axis=1)
        return (
            int(self.label[on & (self.label >= 0)].sum()),
            int((on & (self.label >= 0)).sum()),
            int(found.sum()),
            int(labelled.sum()),
        )

    def lost(self, w: np.ndarray) -> int:
        """How many of the Snopes-checked claims the resource shows ``w`` hides."""
        return int((self.shown_checked & (self.scores(self.checked, w) < DEFAULT_MIN_SCORE)).sum())

    def fit(self, splits: set[str], recall: float, steps: int = 3) -> tuple[np.ndarray, list[str]]:
        """The weights after up to ``steps`` greedy changes fitted on ``splits``, and the changes made."""
        w = self.weights.copy()
        ok, n, _, _ = self.counts(w, splits)
        best, made = ok / max(n, 1), []
        for _ in range(steps):
            step = None
            for k, d in ((k, d) for k in range(len(w)) for d in STEPS):
                w2 = w.copy()
                w2[k] += d
                ok, n, found, labelled = self.counts(w2, splits)
                better = n and found >= recall * labelled and ok / n > (step[0] if step else best) + 1e-9
                if better and not self.lost(w2):
                    step = (ok / n, k, d)
            if step is None:
                break
            best = step[0]
            w[step[1]] += step[2]
            made.append(f"{extract.CW_TERMS[step[1]]} {step[2]:+}")
        return w, made


def cross_validate(
    by_split: dict[str, list[Row]], gold: dict[tuple[str, str], list[str]], checked: list[Row], args: Any
) -> None:
    """Leave one development split out: the resource's threshold, the logistic model with its threshold and the
    resource's weights stepped (``Stepper``), each fitted on the other development splits and scored on the split
    left out; then the pooled counts, and what the fit on every development split would show of the
    Snopes-checked claims."""
    names = ("resource", "threshold", "model", "stepped")
    pooled = dict.fromkeys(names, (0, 0, 0, 0))
    dev_rows = [r for s in DEV for r in by_split[s]]
    stepper = Stepper(dev_rows, gold, checked)
    print(
        f"leave one development split out (thresholds: the best precision at a recall of {args.recall} or more "
        "over the splits fitted on; stepped: the resource's weights changed one term at a time while the "
        "precision of the splits fitted on rises at that recall, no Snopes-checked claim hidden); "
        "precision / recall (check-worthy shown / shown, found / labelled)"
    )
    for split in DEV:
        train = [r for s in DEV if s != split for r in by_split[s]]
        t_res = fit_threshold(train, gold, resource_score, args.recall)
        model = Model(train, args.l2)
        t_model = fit_threshold(train, gold, model.score, args.recall)
        w, made = stepper.fit(set(DEV) - {split}, args.recall)
        got = {
            "resource": shown(by_split[split], gold, resource_score, DEFAULT_MIN_SCORE),
            "threshold": shown(by_split[split], gold, resource_score, t_res),
            "model": shown(by_split[split], gold, model.score, t_model),
            "stepped": stepper.counts(w, {split}),
        }
        for name in names:
            pooled[name] = _add(pooled[name], got[name])
        print(
            f"  {split:<6} resource {_pr(got['resource'])}; threshold {t_res:.3f}: {_pr(got['threshold'])}; "
            f"model at {t_model:.3f}: {_pr(got['model'])}; stepped ({', '.join(made) or 'none'}): "
            f"{_pr(got['stepped'])}"
        )
    print("  pooled (the cross-validated figures)")
    for name in names:
        print(f"    {name:<9} {_pr(pooled[name])}")
    t_res = fit_threshold(dev_rows, gold, resource_score, args.recall)
    model = Model(dev_rows, args.l2)
    t_model = fit_threshold(dev_rows, gold, model.score, args.recall)
    w, made = stepper.fit(set(DEV), args.recall)
    print(
        f"fitted on every development split (not a figure that counts): the resource's threshold {t_res:.3f}, "
        f"the model's {t_model:.3f}, stepped: {', '.join(made) or 'none'}"
    )
    if checked:
        now = {r.page for r in checked if r.score >= DEFAULT_MIN_SCORE}
        for name, score, t in (
            ("resource", resource_score, DEFAULT_MIN_SCORE),
            ("threshold", resource_score, t_res),
            ("model", model.score, t_model),
        ):
            show = {r.page for r in checked if score(r) >= t}
            print(
                f"  checked  {name:<9} {len(show) / len(checked):.3f} ({len(show)}/{len(checked)}) shown, "
                f"{len(now - show)} of those the resource shows lost"
            )
        print(f"  checked  stepped   {stepper.lost(w)} of those the resource shows lost")
    print(
        f"the resource's shown claims over the development splits by threshold (model.DEFAULT_MIN_SCORE {DEFAULT_MIN_SCORE})"
    )
    for t in (0.40, 0.45, 0.46, 0.47, 0.48, 0.50, 0.55, 0.60, 0.65, 0.70):
        line = f"    {t:.2f} {_pr(shown(dev_rows, gold, resource_score, t))}"
        if checked:
            n = sum(1 for r in checked if r.score >= t)
            line += f"; Snopes-checked shown {n}/{len(checked)}"
        print(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty of the logistic model (default 1)")
    ap.add_argument("--weights", action="store_true", help="print the fitted weights as a [weights] table")
    ap.add_argument("--no-checked", action="store_true", help="leave the claims Snopes checked out")
    ap.add_argument("--term", help="fit this term's weight alone, the others as the resource has them")
    ap.add_argument("--cv", action="store_true", help="leave-one-split-out cross-validation of a calibration")
    ap.add_argument(
        "--recall",
        type=float,
        default=0.85,
        help="with --cv: the recall a fitted threshold keeps (default 0.85)",
    )
    ap.add_argument(
        "--heldout", action="store_true", help="the held-out splits' totals too (once, after the development)"
    )
    args = ap.parse_args()
    rows, gold = real_rows((*DEV, *(HELD_OUT if args.heldout else ())))
    checked = [] if args.no_checked else checked_rows()
    by_split: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_split[r.split].append(r)
    if args.term:
        if args.term not in extract.CW_TERMS:
            sys.exit(f"cw_fit: no term {args.term!r} (terms: {', '.join(extract.CW_TERMS)})")
        fit_term(args.term, rows, checked, gold, args.heldout)
        return 0
    if args.cv:
        cross_validate(by_split, gold, checked, args)
        return 0
    dev_rows = [r for s in DEV for r in by_split[s]]
    model = Model(dev_rows, args.l2)
    weights = extract._cw_vocab("en").weights
    splits = (*DEV, *(HELD_OUT if args.heldout else ()))
    print("ranking (AUC) of the resource's weights and of the fitted model")
    for split in splits:
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
    print(
        f"shown claims, check-worthy precision / recall: resource at {DEFAULT_MIN_SCORE}, model at {threshold:.2f} "
        "(its recall over the development splits that of the resource)"
    )
    for split in splits:
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
