"""Fit a check-worthiness lexicon on a public check-worthiness corpus, and print its cross-validated figure.

An experiment of round 12, measured and not kept in the package (README, row of bench/extract_quality.py): as a
score term that lifts a sentence, it ranked our held-out splits a little better (AUC heldout 0.866 -> 0.876, ecb
0.846 -> 0.860) but moved no precision at the development recall and cost 7% of the extraction's instructions.
The lexicon is a logistic model over a sentence's lexical features
(``lexical_features``: lower-cased words, pairs of adjacent words, numbers by class), keeping the
weights of the ``--top`` most useful features. It is learnt from ClaimBuster (Arslan, Hassan, Li & Tremayne,
"A Benchmark Dataset of Check-worthy Factual Claims", ICWSM 2020; Zenodo, CC BY 4.0): sentences of the US
presidential debates 1960-2016, labelled by coders as check-worthy factual sentences (CFS) or not (NCS: the
non-factual and the unimportant factual ones together, as the two-class files publish them).

FOLDER is a folder holding the corpus's two-class files as published (``two_class/*.json``: objects with
``sentence_id``, ``label`` 1 = CFS / 0 = NCS, ``text``); they are read together, one row per ``sentence_id``.
Optional further sets in the same folder: ``--clef19`` the CLEF 2019 CheckThat! task 1 debate and speech
sentences (``clef19/CT19-T1-Training.csv``: label 1 = a sentence fact-checkers checked), ``--tweets`` the CLEF
2020 task 1 tweets (``clef20/task1/training_v2.tsv``, ``dev_v2.tsv``: column ``check_worthiness``).

Cross-validation is by debate, not by sentence: the corpus's sentence ids run through the debates in order,
so ``--folds`` contiguous blocks of ids keep each debate (bar the ones cut at a block's edge) in one fold, and
a fold's sentences are scored by a model fitted on the other folds only (features counted on those folds too).
It prints each fold's AUC (the chance that a CFS sentence outscores an NCS one) and precision / recall of CFS
at probability 0.5. ``--write`` fits on the whole corpus and writes the lexicon. ``--judge SOURCE ...`` asks what
transfers to news: a lexicon fitted on each source alone (claimbuster, clef19, tweets), its ranking (AUC) of the
sentences of our labelled real pages (bench/cw_fit.py's rows; dev..dev4, heldout, ecb, never fresh) beside the
score.

    python bench/cw_lexicon.py /tmp/cb [--top 3000] [--l2 2.0] [--folds 5] [--clef19] [--tweets] [--write --out F]
    python bench/cw_lexicon.py /tmp/cb --folds 0 --judge claimbuster clef19 tweets
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)*|\$?[0-9][0-9,.]*%?")
YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def _number_class(token: str) -> str:
    if token[0] == "$":
        return "<money>"
    num = token.rstrip(",.")
    return "<percent>" if num.endswith("%") else "<year>" if YEAR.fullmatch(num) else "<number>"


def lexical_features(text: str) -> list[str]:
    """The features the lexicon weighs, each occurrence once: the sentence's lower-cased words, then its pairs of
    adjacent words; a number stands as its class (``<money>`` "$10", ``<percent>`` "2%", ``<year>`` "1975",
    ``<number>`` any other)."""
    tokens = [
        _number_class(t) if t[0] in "$0123456789" else t
        for t in TOKEN.findall(text.lower().replace("’", "'"))
    ]
    return tokens + list(map(" ".join, itertools.pairwise(tokens)))


TWO_CLASS = ("kfold_20ncs.json", "kfold_25ncs.json", "kfold_30ncs.json", "train.json", "test.json")


def claimbuster(folder: Path) -> list[tuple[int, str, int]]:
    """(sentence id, text, label) of every sentence of the two-class files, in id order."""
    rows: dict[int, tuple[str, int]] = {}
    for name in TWO_CLASS:
        path = folder / "two_class" / name
        if path.is_file():
            for rec in json.loads(path.read_text(encoding="utf-8")):
                rows[int(rec["sentence_id"])] = (rec["text"], int(rec["label"]))
    if not rows:
        sys.exit(f"cw_lexicon: no two-class ClaimBuster file under {folder / 'two_class'}")
    return [(i, *rows[i]) for i in sorted(rows)]


def clef19(folder: Path) -> list[tuple[str, str, int]]:
    """(debate file, text, label) of the CLEF 2019 task 1 training sentences."""
    with (folder / "clef19" / "CT19-T1-Training.csv").open(encoding="utf-8", newline="") as fh:
        return [(r["file_name"], r["text"], int(r["label"])) for r in csv.DictReader(fh)]


def tweets(folder: Path) -> list[tuple[str, int]]:
    out = []
    for name in ("training_v2.tsv", "dev_v2.tsv"):
        with (folder / "clef20" / "task1" / name).open(encoding="utf-8", newline="") as fh:
            out += [(r["tweet_text"], int(r["check_worthiness"])) for r in csv.DictReader(fh, delimiter="\t")]
    return out


class Lexicon:
    """A logistic model over lexical features (each counted as often as it occurs), fitted on the features seen
    in ``min_df`` sentences or more,
    then refitted on the ``top`` features of largest weight times the square root of their frequency."""

    def __init__(self, feats: list[list[str]], y: np.ndarray, l2: float, top: int, min_df: int = 3) -> None:
        df = Counter(f for fs in feats for f in set(fs))  # sentences that hold the feature
        vocab = sorted(f for f, n in df.items() if n >= min_df)
        w, b = self._fit(feats, y, vocab, l2)
        useful = np.abs(w) * np.sqrt(np.array([df[f] for f in vocab], dtype=float))
        keep = sorted(vocab[i] for i in np.argsort(-useful)[:top])
        w, b = self._fit(feats, y, keep, l2)
        self.weights = {f: float(x) for f, x in zip(keep, w, strict=True)}
        self.intercept = float(b)

    @staticmethod
    def _fit(feats: list[list[str]], y: np.ndarray, vocab: list[str], l2: float) -> tuple[np.ndarray, float]:
        index = {f: i for i, f in enumerate(vocab)}
        ri, ci = [], []
        for r, fs in enumerate(feats):
            for f in fs:
                if f in index:
                    ri.append(r)
                    ci.append(index[f])
        x = sparse.csr_matrix((np.ones(len(ri)), (ri, ci)), shape=(len(feats), len(vocab)))
        sign = 2 * y - 1

        def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
            w, b = theta[:-1], theta[-1]
            z = sign * (x @ w + b)
            p = 1.0 / (1.0 + np.exp(z))  # d/dz of log(1 + exp(-z)) is -p
            value = float(np.logaddexp(0.0, -z).sum() + 0.5 * l2 * w @ w)
            g = -sign * p
            return value, np.append(x.T @ g + l2 * w, g.sum())

        res = minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
        return res.x[:-1], float(res.x[-1])

    def logit(self, fs: list[str]) -> float:
        return self.intercept + sum(self.weights.get(f, 0.0) for f in fs)


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    """The chance that a positive outscores a negative (ties count half), by ranks."""
    from scipy.stats import rankdata

    ranks = rankdata(np.concatenate([pos, neg]))
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def report(name: str, scores: np.ndarray, y: np.ndarray) -> str:
    shown = scores >= 0.0
    tp = int((shown & (y == 1)).sum())
    p, r = tp / max(int(shown.sum()), 1), tp / max(int((y == 1).sum()), 1)
    return f"  {name:<22} AUC {auc(scores[y == 1], scores[y == 0]):.3f}   at p>=0.5: precision {p:.2f} recall {r:.2f}"


def write(lex: Lexicon, args: argparse.Namespace, n: int, pos: int, cv: float | None) -> None:
    lines = [
        "# Check-worthiness lexicon for English (an experiment of bench/cw_lexicon.py; factcheck does not read it):",
        "# the weights of a logistic model over a sentence's lexical features (lower-cased words, pairs of adjacent",
        "# words, numbers as <money>, <percent>, <year>, <number>). The model's probability is the logistic of the",
        "# intercept plus the weight of each feature a sentence holds, once per occurrence.",
        "#",
        "# Learnt by bench/cw_lexicon.py from ClaimBuster (Arslan, Hassan, Li & Tremayne, 'A Benchmark Dataset of",
        "# Check-worthy Factual Claims', ICWSM 2020; published on Zenodo under CC BY 4.0): sentences of the US",
        "# presidential debates 1960-2016 labelled check-worthy factual (CFS) against non-factual or unimportant",
        f"# factual (NCS); {n} sentences, {pos} CFS (the two-class files kfold_20ncs, kfold_25ncs, kfold_30ncs, train",
        "# and test of the claimbuster-spotter repository's data/two_class, read together). Only these numbers are",
        "# kept, no sentence of the corpus.",
        f"# Options: --top {args.top} --l2 {args.l2}{' --clef19' if args.clef19 else ''}"
        f"{' --tweets' if args.tweets else ''}; cross-validated by debate ({args.folds} folds): "
        + (f"AUC {cv:.3f}." if cv is not None else "not run."),
        "",
        f"intercept = {lex.intercept:.4f}",
        "",
        "[weights]",
    ]
    for f, w in sorted(lex.weights.items(), key=lambda kv: -abs(kv[1])):
        lines.append(f"{json.dumps(f)} = {w:.4f}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(lex.weights)} features)")


def judge(folder: Path, sources: list[str], l2: float, top: int) -> None:
    """Each source's lexicon alone, and the score without the lexicon, ranking our labelled real pages."""
    import cw_fit  # (bench/cw_fit.py: the labelled sentences of tests/fixtures/realworld, with their terms)

    rows, _ = cw_fit.real_rows()
    splits = (*cw_fit.DEV, "heldout", "ecb")  # never fresh
    by_split = {s: [r for r in rows if r.split == s] for s in splits}
    print(
        "ranking (AUC) of the labelled real pages' sentences\n"
        + " " * 14
        + "".join(f"{s:>9}" for s in splits)
    )

    def line(name: str, score: Any) -> None:
        print(f"  {name:<12}" + "".join(f"{cw_fit.auc(by_split[s], score):>9.3f}" for s in splits))

    line("score", lambda r: r.score)
    for source in sources:
        data = {
            "claimbuster": [(t, lab) for _, t, lab in claimbuster(folder)],
            "clef19": [(t, lab) for _, t, lab in clef19(folder)],
            "tweets": tweets(folder),
        }[source]
        lex = Lexicon([lexical_features(t) for t, _ in data], np.array([lab for _, lab in data]), l2, top)
        line(f"{source}", lambda r, lex=lex: lex.logit(lexical_features(r.text)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="the folder holding the corpus (two_class/*.json ...)")
    ap.add_argument("--top", type=int, default=3000, help="features kept (default 3000)")
    ap.add_argument("--l2", type=float, default=2.0, help="L2 penalty (default 2)")
    ap.add_argument("--folds", type=int, default=5, help="folds of the cross-validation (0: none)")
    ap.add_argument(
        "--clef19", action="store_true", help="add the CLEF 2019 task 1 sentences to the training"
    )
    ap.add_argument("--tweets", action="store_true", help="add the CLEF 2020 task 1 tweets to the training")
    ap.add_argument("--write", action="store_true", help="fit on everything and write the lexicon")
    ap.add_argument("--out", type=Path, help="where --write writes the lexicon (outside the repository)")
    ap.add_argument(
        "--judge",
        nargs="+",
        choices=("claimbuster", "clef19", "tweets"),
        help="rank our labelled real pages with a lexicon fitted on each of these sources alone",
    )
    args = ap.parse_args()
    if args.write and args.out is None:
        ap.error("--write needs --out FILE")
    if args.judge:
        judge(args.folder, args.judge, args.l2, args.top)
        if not (args.folds or args.write):
            return 0
    cb = claimbuster(args.folder)
    feats = [lexical_features(t) for _, t, _ in cb]
    y = np.array([lab for _, _, lab in cb])
    extra_feats: list[list[str]] = []
    extra_y: list[int] = []
    if args.clef19:
        for _, t, lab in clef19(args.folder):
            extra_feats.append(lexical_features(t))
            extra_y.append(lab)
    if args.tweets:
        for t, lab in tweets(args.folder):
            extra_feats.append(lexical_features(t))
            extra_y.append(lab)
    print(f"ClaimBuster: {len(cb)} sentences, {int(y.sum())} CFS; further training rows: {len(extra_feats)}")
    # folds: contiguous blocks of sentence ids (whole debates, bar the ones cut at an edge)
    fold = np.arange(len(cb)) * args.folds // len(cb) if args.folds else np.zeros(len(cb))
    out = np.zeros(len(cb))
    for k in range(args.folds):  # (no folds: no figure)
        train = np.flatnonzero(fold != k)
        lex = Lexicon(
            [feats[i] for i in train] + extra_feats,
            np.concatenate([y[train], np.array(extra_y, dtype=int)]),
            args.l2,
            args.top,
        )
        test = np.flatnonzero(fold == k)
        out[test] = [lex.logit(feats[i]) for i in test]
        ids = (cb[test[0]][0], cb[test[-1]][0])
        print(report(f"fold {k + 1} (ids {ids[0]}-{ids[1]})", out[test], y[test]))
    cv = None
    if args.folds:
        print(report("all folds", out, y))
        cv = auc(out[y == 1], out[y == 0])
    if args.write:
        lex = Lexicon(
            feats + extra_feats, np.concatenate([y, np.array(extra_y, dtype=int)]), args.l2, args.top
        )
        write(lex, args, len(cb), int(y.sum()), cv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
