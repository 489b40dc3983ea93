"""Claim memory on CLEF 2020 CheckThat! task 2: MAP@5 of `factcheck match` beside plain BM25, speed, memory.

    python bench/memory.py [--split dev|train] [--scale 100000]
    python bench/memory.py --fit      # refit the re-ranking weights on train (prints TOML; dev held out)
    python bench/memory.py --dense    # how many checked claims BM25's candidates miss a dense top-k would find

The archive is the task's 10,375 Snopes checks (claim + headline); the queries are the task's tweets, each
repeating one checked claim. ``factcheck match`` runs as a user runs it (the CLI, --json), reading the archive
TSV; the baselines are BM25 alone (bm25s over claim + headline, its default tokeniser and English stop words) as
the task's organisers measured it (no stemming) and in the standard stemmed setup (Snowball English). The
re-ranking weights were fitted on the train tweets: dev is the held-out figure. On dev the train tweets are given
as a match history beside the archive (a table ``id<TAB>matched``: the desk matched those tweets to those checks
before), which the ``history`` feature learns from; dev is also run without it.
``--fit`` fits the weights of lang/en/memory_rank.toml on the train tweets only: a listwise logistic model (the
softmax over each tweet's candidates, exactly those ``match`` scores, cross-entropy against the checked claim and
its re-archived copies, L2), 5-fold cross-validated on train, each list measured as ``match`` prints it (the
copies of a check collapsed into one, at its best place), then reports dev MAP@5 with the fitted weights beside BM25 alone (our first stage) and the paired
bootstrap noise of the difference against the re-ranker of before (the features of ``BEFORE``; a new feature is
also fitted alone beside them), refitted in the same run, on dev with and without the train tweets as history. ``--scale N`` also builds an index of N checks (the archive repeated with varied ids) and times queries on it.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple

DATA = Path(os.environ.get("FACTCHECK_DATA", Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))
CLEF = DATA / "clef2020-t2-dev"


def tsv(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.reader(f, delimiter="\t"))


def qrels(split: str) -> dict[str, set[str]]:
    rel: dict[str, set[str]] = {}
    for line in (CLEF / split / "tweet-vclaim-pairs.qrels").read_text().splitlines():
        if line.strip():
            q, _, d, _ = line.split()
            rel.setdefault(q, set()).add(d)
    return rel


def map_at_k(
    ranked: dict[str, list[str]], rel: dict[str, set[str]], k: int = 5, *, same: bool = False
) -> float:
    """MAP@k against the qrels; with ``same``, a check archived twice (the same claim text, as 184 groups of the
    Snopes archive are) counts as the gold one wherever it ranks (its first occurrence only)."""
    key = dup_keys() if same else {}
    total = 0.0
    for q, gold in rel.items():
        gold_keys = {key.get(d, d) for d in gold}
        hits, ap, seen = 0, 0.0, set()
        for i, d in enumerate(ranked.get(q, [])[:k]):
            kd = key.get(d, d)
            if kd in gold_keys and kd not in seen:
                seen.add(kd)
                hits += 1
                ap += hits / (i + 1)
        total += ap / min(len(gold), k)
    return total / len(rel)


@functools.cache
def dup_keys() -> dict[str, str]:
    from rapidfuzz import utils

    return {r[0]: utils.default_process(r[1]) for r in tsv(CLEF / "verified_claims.docs.tsv")[1:]}


def baseline(split: str, *, stem: bool = False) -> dict[str, list[str]]:
    """BM25 alone with bm25s over claim + headline and English stop words: as the task's organisers ran it (no
    stemming), or the standard stemmed setup (Snowball English via PyStemmer), the tweets as they are."""
    import bm25s

    stemmer = None
    if stem:
        import Stemmer

        stemmer = Stemmer.Stemmer("english").stemWords
    rows = tsv(CLEF / "verified_claims.docs.tsv")[1:]
    model = bm25s.BM25()
    model.index(
        bm25s.tokenize(
            [f"{r[1]} {r[2]}" for r in rows], stopwords="en", stemmer=stemmer, show_progress=False
        ),
        show_progress=False,
    )
    queries = tsv(CLEF / split / "tweets.queries.tsv")[1:]
    res, _ = model.retrieve(
        bm25s.tokenize([q[1] for q in queries], stopwords="en", stemmer=stemmer, show_progress=False),
        k=5,
        show_progress=False,
    )
    return {q[0]: [rows[j][0] for j in res[i]] for i, q in enumerate(queries)}


def write_history(split: str, path: Path) -> Path:
    """The split's tweets as a match history (id of the checked claim, the tweet): the desk's earlier matches."""
    tweets = dict(tsv(CLEF / split / "tweets.queries.tsv")[1:])
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, delimiter="\t")
        out.writerow(["id", "matched"])
        for q, gold in qrels(split).items():
            out.writerows([d, tweets[q]] for d in sorted(gold))
    return path


def ours(split: str, history: str | None = None) -> tuple[dict[str, list[str]], float, int]:
    """``factcheck match`` run as a user runs it; with ``history``, that split's tweets matched before are given
    as a match history beside the archive."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_CACHE_HOME=tmp)
        extra = [str(write_history(history, Path(tmp) / "history.tsv"))] if history else []
        t0 = time.perf_counter()
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "factcheck",
                "match",
                str(CLEF / split / "tweets.queries.tsv"),
                "--against",
                str(CLEF / "verified_claims.docs.tsv"),
                *extra,
                "--top",
                "5",
                "--json",
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        wall = time.perf_counter() - t0
    if out.returncode != 0:
        sys.exit(f"factcheck match failed ({out.returncode}): {out.stderr[-2000:]}")
    doc = json.loads(out.stdout)
    ranked = {q["id"]: [m["id"] for m in q["matches"]] for q in doc["queries"]}
    return ranked, wall, len(doc["queries"])


def ranked_ap(matches: list[Any], gold: set[str], k: int = 5) -> float:
    hits, ap = 0, 0.0
    for i, m in enumerate(matches[:k]):
        if m in gold:
            hits += 1
            ap += hits / (i + 1)
    return ap / min(len(gold), k) if gold else 0.0


class Ranked(NamedTuple):
    """One tweet's candidates as ``factcheck match`` ranks them, before a check archived more than once is
    collapsed: per candidate its features, the id ``match`` would list for it (the first archived of its copies),
    whether it goes first whatever its score (the claim reads like a wording matched to it before), and whether
    it is (a copy of) a checked claim of the tweet, the fit's target; ``gold``, the tweet's checked claims."""

    shown: list[str]
    x: Any
    first: Any
    target: Any
    gold: set[str]


def candidates(
    split: str,
    history: list[tuple[str, str]] = (),
    only: set[str] | None = None,  # type: ignore[assignment]
) -> list[Ranked]:
    """Per tweet (of ``only`` when given): every candidate the re-ranker scores (``Matcher.scored``), so that the
    fit learns, and MAP@5 is measured, on exactly what the product ranks; ``history`` = (tweet, checked claim
    id) pairs matched before."""
    import numpy as np

    from factcheck.matching import FEATURES, STRONG_FUZZ, Matcher
    from factcheck.memory import Check

    said: dict[str, list[str]] = {}
    for text, d in history:
        said.setdefault(d, []).append(text)
    rows = tsv(CLEF / "verified_claims.docs.tsv")[1:]
    matcher = Matcher([Check(r[0], r[1], r[2], matched=tuple(said.get(r[0], ()))) for r in rows])
    rel = qrels(split)
    out = []
    for qid, text in tsv(CLEF / split / "tweets.queries.tsv")[1:]:
        if only is not None and qid not in only:
            continue
        found = matcher.scored(text)
        keys = [matcher.copy_key(i) for i, _ in found]
        shown_of: dict[Any, int] = {}
        for k, (i, _) in zip(keys, found, strict=True):
            shown_of[k] = min(shown_of.get(k, i), i)
        gold = rel.get(qid, set())
        gold_keys = {k for k, (i, _) in zip(keys, found, strict=True) if matcher.checks[i].id in gold}
        x = np.array([[m.features[f] for f in FEATURES] for _, m in found]).reshape(-1, len(FEATURES))
        out.append(
            Ranked(
                [matcher.checks[shown_of[k]].id for k in keys],
                x,
                np.array([m.features["matched_fuzz"] >= STRONG_FUZZ for _, m in found], bool),
                np.array([k in gold_keys for k in keys], float),
                gold,
            )
        )
    return out


def history_pairs(split: str, only: set[str] | None = None) -> list[tuple[str, str]]:
    tweets = dict(tsv(CLEF / split / "tweets.queries.tsv")[1:])
    return [(tweets[q], d) for q, gold in qrels(split).items() if only is None or q in only for d in gold]


HIDDEN = 4  # units of the re-ranker's hidden layer
L2 = 1e-3


def fit_weights(
    data: list[Ranked], l2: float = L2, *, hidden: int = HIDDEN, use: Any = None
) -> tuple[Any, Any, Any, Any]:
    """Listwise re-ranker: maximise the softmax probability of the gold checks among each tweet's candidates
    (L-BFGS, L2). The score is linear in the features plus ``hidden`` tanh units over them (a small neural
    network; ``hidden=0``: linear). The clash features are evidence against by design: their linear weights
    are bounded to <= 0 and no hidden unit reads them. ``use`` masks the features the model may read (all by
    default). Returns (linear weights, hidden weights (units x features), hidden biases, output weights)."""
    import numpy as np
    from scipy.optimize import minimize

    from factcheck.matching import FEATURES

    n_f = len(FEATURES)
    use = np.ones(n_f) if use is None else np.asarray(use, float)
    into_hidden = use * np.array([f not in ("number_clash", "date_clash") for f in FEATURES], float)
    lists = [(r.x * use, r.target / r.target.sum()) for r in data if r.target.sum()]
    xs = np.vstack([x for x, _ in lists])
    ys = np.concatenate([y for _, y in lists])
    starts = np.cumsum([0] + [len(x) for x, _ in lists])[:-1]
    seg = np.repeat(np.arange(len(lists)), [len(x) for x, _ in lists])

    def unpack(p: Any) -> tuple[Any, Any, Any, Any]:
        k = n_f + hidden * n_f
        return p[:n_f], p[n_f:k].reshape(hidden, n_f), p[k : k + hidden], p[k + hidden :]

    def loss(p: Any) -> tuple[float, Any]:
        w, a, b, v = unpack(p)
        h = np.tanh(xs @ a.T + b)
        s = xs @ w + h @ v
        e = np.exp(s - np.maximum.reduceat(s, starts)[seg])
        prob = e / np.add.reduceat(e, starts)[seg]
        total = -float((ys * np.log(prob + 1e-300)).sum()) / len(lists)
        ds = (prob - ys) / len(lists)
        dz = (ds[:, None] * v[None, :]) * (1 - h**2)
        grad = np.concatenate([xs.T @ ds, ((dz.T @ xs) * into_hidden).ravel(), dz.sum(0), h.T @ ds])
        return total + l2 * float(p @ p), grad + 2 * l2 * p

    rng = np.random.default_rng(0)
    start = np.concatenate(
        [
            np.array([1.0 if f == "bm25" else 0.0 for f in FEATURES]),
            (rng.normal(0, 0.5, (hidden, n_f)) * into_hidden).ravel(),
            np.zeros(hidden),
            rng.normal(0, 0.5, hidden),
        ]
    )
    bounds = [(None, 0.0) if f in ("number_clash", "date_clash") else (None, None) for f in FEATURES]
    bounds += [(None, None)] * (len(start) - n_f)
    p = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds, options={"maxiter": 500}).x
    w, a, b, v = unpack(p)
    return w * use, a * into_hidden, b, v


def map_with(data: list[Ranked], model: Any) -> list[float]:
    """Per tweet, AP@5 of the list ``match`` would print with these weights: the candidates scored, those read
    like a wording matched before first, then each check archived more than once listed once, at its best place."""
    import numpy as np

    w, a, b, v = (
        model if isinstance(model, tuple) else (model, np.zeros((0, len(model))), np.zeros(0), np.zeros(0))
    )
    per = []
    for r in data:
        order = np.lexsort((-(r.x @ w + np.tanh(r.x @ a.T + b) @ v), ~r.first)) if len(r.shown) else []
        per.append(ranked_ap(list(dict.fromkeys(r.shown[j] for j in order)), r.gold))
    return per


# The features of the re-ranker shipped at this session's start (the same hidden layer), refitted in the same
# run: the reference the paired bootstrap compares against. A feature of matching.FEATURES not named here is
# also fitted alone beside them ("before + name"), so that each new one is judged by itself.
BEFORE = (
    "bm25 coverage query_coverage fuzz title_fuzz names numbers number_clash date_clash history related"
    " query_related quoted post_year other_year semantic semantic_rank"
).split()


def fit(l2: float = L2) -> None:
    import numpy as np

    from factcheck.matching import FEATURES

    # The history feature of a train tweet comes from the other folds' tweets (its own match is never history);
    # dev tweets get the history of all train tweets, as a desk that matched those before.
    ids = [q for q, _ in tsv(CLEF / "train" / "tweets.queries.tsv")[1:]]
    rng = np.random.default_rng(0)
    order = rng.permutation(len(ids))
    folds = [{ids[i] for i in order[k::5]} for k in range(5)]
    parts = [candidates("train", history_pairs("train", set(ids) - fold), fold) for fold in folds]
    train = [d for part in parts for d in part]
    dev = candidates("dev", history_pairs("train"))
    dev_alone = candidates("dev")  # a desk with no match history
    bm25 = np.array([1.0 if f == "bm25" else 0.0 for f in FEATURES])
    before = np.array([f in BEFORE for f in FEATURES], float)
    # name: how each model is fitted (None: BM25 alone, not fitted)
    models = {
        "re-ranked (all features, hidden layer)": {},
        "linear, all features": {"hidden": 0},
        **{
            f"before + {extra}": {"use": before + np.array([f == extra for f in FEATURES], float)}
            for extra in FEATURES
            if extra not in BEFORE
        },
        "the re-ranker of before (its features, hidden layer)": {"use": before},
        "BM25 first stage alone": None,
    }
    cv: dict[str, list[float]] = {name: [] for name in models}
    for k, part in enumerate(parts):
        rest = [d for j, p in enumerate(parts) if j != k for d in p]
        for name, how in models.items():
            cv[name] += map_with(part, bm25 if how is None else fit_weights(rest, l2, **how))
    fitted = {name: bm25 if how is None else fit_weights(train, l2, **how) for name, how in models.items()}

    def noise(diff: Any) -> float:
        return float(np.std([diff[rng.integers(0, len(diff), len(diff))].mean() for _ in range(1000)]))

    ref = "the re-ranker of before (its features, hidden layer)"
    for split, per_model in (
        ("train, 5-fold CV", {n: np.array(v) for n, v in cv.items()}),
        (
            "dev (held out), the train tweets as history",
            {n: np.array(map_with(dev, m)) for n, m in fitted.items()},
        ),
        (
            "dev (held out), no match history",
            {n: np.array(map_with(dev_alone, m)) for n, m in fitted.items()},
        ),
    ):
        print(f"{split}: MAP@5")
        for name, per in per_model.items():
            diff = per - per_model[ref]
            vs = (
                ""
                if name == ref
                else f"  ({diff.mean():+.3f} against the re-ranker of before, sd {noise(diff):.3f})"
            )
            print(f"  {name}: {per.mean():.3f}{vs}")
    w, a, b, v = fitted["re-ranked (all features, hidden layer)"]
    print("\n[weights]")
    for f, x in zip(FEATURES, w, strict=True):
        print(f"{f} = {x:.3f}")
    for unit in range(len(b)):
        print(f"\n[[hidden]]\nbias = {b[unit]:.3f}\nout = {v[unit]:.3f}\n[hidden.weights]")
        for f, x in zip(FEATURES, a[unit], strict=True):
            if f not in ("number_clash", "date_clash"):
                print(f"{f} = {x:.3f}")


def dense_recall() -> None:
    """Would a dense candidate source help? Per split, the tweets whose checked claim is not among BM25's RECALL
    candidates, and how many of those the wordllama top-k (cosine over every check's claim vector, at 256 and at
    64 dimensions) holds: the ceiling of what it could add."""
    import numpy as np

    from factcheck.matching import RECALL, Matcher, _tokens, clean_query, sentence_model
    from factcheck.memory import Check

    rows = tsv(CLEF / "verified_claims.docs.tsv")[1:]
    where = {r[0]: n for n, r in enumerate(rows)}
    matcher = Matcher([Check(r[0], r[1], r[2]) for r in rows])
    model = sentence_model()
    t0 = time.process_time()
    checks = model.embed([r[1] for r in rows], norm=True)
    print(f"embedding {len(rows):,} checks: {time.process_time() - t0:.2f} s CPU")
    for split in ("train", "dev"):
        rel, queries = qrels(split), tsv(CLEF / split / "tweets.queries.tsv")[1:]
        recalled = matcher._recall([_tokens(clean_query(q), matcher._stem) for _, q in queries], RECALL)
        asked = model.embed([clean_query(q) for _, q in queries], norm=True)
        for dim in (256, 64):
            c = checks[:, :dim] / np.linalg.norm(checks[:, :dim], axis=1, keepdims=True)
            sims = (asked[:, :dim] / np.linalg.norm(asked[:, :dim], axis=1, keepdims=True)) @ c.T
            missed, held = 0, dict.fromkeys((5, 10, 20, 50), 0)
            for n, ((qid, _), cands) in enumerate(zip(queries, recalled, strict=True)):
                gold = {where[d] for d in rel.get(qid, ())}
                if gold & {i for i, _ in cands}:
                    continue
                missed += 1
                order = np.argsort(-sims[n])
                for k in held:
                    held[k] += bool(gold & set(order[:k].tolist()))
            found = ", ".join(f"top {k}: {v}" for k, v in held.items())
            print(
                f"{split}, {dim} dimensions: {missed} checked claims outside BM25's {RECALL}; dense {found}"
            )


def speed(scale: int) -> None:
    """Index build and query times (CPU seconds of this process, steady under a loaded machine, and wall) and
    peak memory, in a fresh process so that nothing else counts towards it."""
    code = f"""
import json, resource, sys, time
sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
from memory import CLEF, history_pairs, tsv
from factcheck.matching import Matcher
from factcheck.memory import Check
rows = tsv(CLEF / "verified_claims.docs.tsv")[1:]
base = [Check(r[0], r[1], r[2]) for r in rows]
out = {{}}
c0, w0 = time.process_time(), time.perf_counter()
Matcher(base)
out["build10"] = (time.process_time() - c0, time.perf_counter() - w0, len(base))
said = {{}}
for text, d in history_pairs("train"):
    said.setdefault(d, []).append(text)
c0, w0 = time.process_time(), time.perf_counter()
Matcher([Check(r[0], r[1], r[2], matched=tuple(said.get(r[0], ()))) for r in rows])
out["build10h"] = (time.process_time() - c0, time.perf_counter() - w0, sum(map(len, said.values())))
checks = [Check(f"{{c.id}}-{{i}}", c.claim, c.title) for i in range(-(-{scale} // len(base))) for c in base][:{scale}]
c0, w0 = time.process_time(), time.perf_counter()
big = Matcher(checks)
out["build"] = (time.process_time() - c0, time.perf_counter() - w0, len(checks))
queries = [q[1] for q in tsv(CLEF / "dev" / "tweets.queries.tsv")[1:]]
big.match(queries[0])
c0, w0 = time.process_time(), time.perf_counter()
for q in queries:
    big.match(q)
out["query"] = ((time.process_time() - c0) / len(queries), (time.perf_counter() - w0) / len(queries))
out["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if res.returncode != 0:
        sys.exit(res.stderr[-2000:])
    got = json.loads(res.stdout)
    cpu, wall, n = got["build10"]
    print(f"index {n:,} checks: {cpu:.2f} s CPU ({wall:.2f} s wall) (target < 5 s)")
    cpu, wall, h = got["build10h"]
    print(f"  the same with {h} matched wordings (the train tweets): {cpu:.2f} s CPU ({wall:.2f} s wall)")
    cpu, wall, n = got["build"]
    qcpu, qwall = got["query"]
    print(
        f"index {n:,} checks: {cpu:.1f} s CPU ({wall:.1f} s wall); query {qcpu * 1000:.1f} ms CPU"
        f" ({qwall * 1000:.1f} ms wall) mean (target < 20 ms); peak RSS {got['rss']:.0f} MB (target < 300 MB)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "train", "both"], default="both")
    ap.add_argument("--scale", type=int, default=100_000)
    ap.add_argument("--fit", action="store_true", help="refit the re-ranking weights on train and report dev")
    ap.add_argument(
        "--dense", action="store_true", help="how many checked claims BM25 misses a dense top-k would recall"
    )
    args = ap.parse_args()
    if not CLEF.is_dir():
        sys.exit(f"no CLEF data at {CLEF} (set FACTCHECK_DATA)")
    if args.fit:
        fit()
        return
    if args.dense:
        dense_recall()
        return
    for split in ["train", "dev"] if args.split == "both" else [args.split]:
        runs = {"BM25 alone": baseline(split), "stemmed": baseline(split, stem=True)}
        rel = qrels(split)
        note = "fitted on" if split == "train" else "held out"
        # dev: the archive with the train tweets as its match history (a desk that matched those before), and
        # without; train has no history of its own (its tweets would be their own answers).
        variants = [("", None)] if split == "train" else [("", "train"), (" without history", None)]
        for label, history in variants:
            got, wall, n = ours(split, history)
            for same, what in (
                (False, "MAP@5"),
                (True, "MAP@5 counting a re-archived copy of the checked claim"),
            ):
                mine = map_at_k(got, rel, same=same)
                base = "; ".join(f"{name} {map_at_k(r, rel, same=same):.3f}" for name, r in runs.items())
                print(f"{split} ({note}, {n} tweets) {what}: factcheck match{label} {mine:.3f}  |  {base}")
            print(f"  CLI wall {wall:.1f} s incl. start-up and index build")
    if args.scale:
        speed(args.scale)


if __name__ == "__main__":
    main()
