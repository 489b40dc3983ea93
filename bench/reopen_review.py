"""What the review's `p` (an article's publication date set) and `x` (a claim taken out of its group) cost on
a big batch, step by step, in a fresh process per run, on this tree beside a baseline.

    FACTCHECK_DATA=../shared/data /work/venv/bin/python bench/reopen_review.py [--corpus DIR] [--n 1000]
        [--runs 2] [--keys 2] [--baseline TREE]

Corpus: ``--corpus DIR`` (e.g. PolNeAR's 1,008 records, written by ``bench/stream_polnear.py
--write-records DIR``), else ``--n`` ECB+ articles and the 110 real pages of realworld-dev/json (as
bench/reopen.py builds them). Each tree gets its own copy of the corpus and its own cache, filled by one cold
opening (the trees at once). Then, ``--runs`` times, alternately per tree, a fresh process opens the batch in
a new session (``Review.open``, warm) and makes ``--keys`` times each of: ``Review.set_published`` on an
article drawn at random with a date drawn at random (the TUI's ``p``), then ``Review.take_out_of_group`` on a
grouped claim drawn at random (``x``). The draws depend on the run only: both trees make the same ones, and
no run repeats an earlier one (which the cache would answer). Printed per key: the median CPU seconds of the
whole call and of its steps (the re-extraction, the state read and saved, ``group_claims``, the rest of
``regroup``), the first key of a process apart (it reads the grouping state, which a warm opening does not).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reopen_steps import time_steps  # bench/reopen_steps.py

ROOT = Path(__file__).resolve().parents[1]

# (label, module, attribute): the steps timed in a child
STEPS = (
    ("re-extraction", "factcheck.pipeline", "_extract_one"),
    ("regroup", "factcheck.pipeline", "regroup"),
    ("state read", "factcheck.pipeline", "load_grouping_state"),
    ("group_claims", "factcheck.grouping", "group_claims"),
    ("state saved", "factcheck.pipeline", "save_grouping_state"),
)


def child(corpus: Path, session: Path, run: int, keys: int) -> list[dict[str, Any]]:
    """One fresh process: the batch opened (warm), then ``keys`` times `p` and `x`: each call's CPU seconds
    and its steps'."""
    spent: dict[str, float] = {}
    time_steps(STEPS, spent)
    from factcheck.review import Review

    review = Review.open(session, [str(corpus)])
    rng = random.Random(run)
    out = []
    for _ in range(keys):
        for key in ("p", "x"):
            spent.clear()
            t = time.process_time()
            if key == "p":
                art = review.corpus.articles[rng.randrange(len(review.corpus.articles))]
                review.set_published(art.key, dt.date(2016, rng.randint(1, 12), rng.randint(1, 28)))
            else:
                grouped = sorted(
                    c.id for c in review.corpus.all_claims() if c.group and not review.corpus.is_evidence(c)
                )
                review.take_out_of_group(grouped[rng.randrange(len(grouped))])
            out.append({"key": key, "total": time.process_time() - t, **spent})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="a folder to use instead of the ECB+ and real pages batch")
    ap.add_argument("--n", type=int, default=1000, help="ECB+ articles (the 110 real pages come on top)")
    ap.add_argument("--runs", type=int, default=2, help="fresh processes per tree")
    ap.add_argument("--keys", type=int, default=2, help="`p` and `x` pressed this many times per process")
    ap.add_argument("--baseline", type=Path, help="another tree measured in the same run")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        corpus, session, run, keys = args.child
        print(json.dumps(child(Path(corpus), Path(session), int(run), int(keys))))
        return 0
    trees = [ROOT] + ([args.baseline.resolve()] if args.baseline else [])
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-reopen-review-"))
    try:
        setups = []
        for k, tree in enumerate(trees):
            folder = tmp / f"batch{k}"
            if args.corpus is not None:
                shutil.copytree(args.corpus, folder)
            else:
                sys.path[:0] = [str(ROOT / "bench")]
                from extract import corpus, write_reopen_batch

                write_reopen_batch(folder, corpus(args.n))
            env = {
                **os.environ,
                "FACTCHECK_CACHE": str(tmp / f"cache{k}" / "cache.sqlite3"),
                "PYTHONPATH": str(tree),
            }
            setups.append((tree, folder, env))
        cold = [
            subprocess.Popen(
                [sys.executable, "-m", "factcheck", "extract", str(folder), "--json"],
                env=env,
                cwd=tree,  # (``-m`` puts the working folder first on the path: the tree's code)
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for tree, folder, env in setups
        ]
        for proc in cold:
            proc.wait()
        got: list[list[list[dict[str, Any]]]] = [[] for _ in trees]  # per tree, per process: its calls
        for run in range(args.runs):
            for k, (_tree, folder, env) in enumerate(setups):
                session = tmp / f"session{k}-{run}.toml"
                res = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--child",
                        str(folder),
                        str(session),
                        str(run),
                        str(args.keys),
                    ],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                got[k].append(json.loads(res.stdout.strip().splitlines()[-1]))
        n_articles = sum(1 for _ in setups[0][1].rglob("*") if _.is_file())
        print(
            f"{n_articles} files; {args.runs} processes x {args.keys} of each key per tree; CPU s (medians)"
        )
        labels = ["total", *(label for label, _m, _a in STEPS)]
        print(
            f"{'key':<26}{'step':<16}"
            + "".join(f"{'this tree' if t == ROOT else 'baseline':>12}" for t in trees)
        )
        for key in ("p", "x"):
            for which, pick in (("first of a process", 0), ("later ones", 1)):
                for label in labels:
                    cells = []
                    for runs in got:
                        calls = [[c for c in r if c["key"] == key] for r in runs]
                        vals = [c.get(label, 0.0) for cs in calls for c in (cs[:1] if pick == 0 else cs[1:])]
                        cells.append(f"{statistics.median(vals):12.2f}" if vals else f"{'-':>12}")
                    print(f"{key + ', ' + which if label == 'total' else '':<26}{label:<16}" + "".join(cells))
        for t, runs in zip(trees, got, strict=True):
            name = "this tree" if t == ROOT else "baseline"
            print(f"{name} ({t}): " + " / ".join(f"{c['key']} {c['total']:.2f}" for r in runs for c in r))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
