"""The review TUI on the reopen batch, warm and after one changed article, beside a baseline tree in the same run:
the part of bench/reopen_changed.py about the TUI, run several times for medians.

    FACTCHECK_DATA=../shared/data /work/venv/bin/python bench/reopen_tui.py [--n 1000] [--runs 3] [--baseline TREE]

Each tree gets its own copy of bench/reopen.py's batch (``--n`` ECB+ articles plus the 110 real pages) and its
own cache, filled by a cold ``extract --json``, and a session (one ``mark``); the trees run at the same time
(same machine load), each through its own bench/reopen.py and bench/tui.py (headless, 120x40, a fresh process
a run, opened as ``factcheck review`` opens it). Per tree, ``--runs`` times: the TUI warm, then one more line
appended to a body article (``reopen_changed.BODY_ARTICLE``) and the TUI after that change. Printed: wall
seconds to the first article, to the filled main screen (article list, article, claims, decisions usable) and
to the groups shown (a tree that fills its screen only once grouped: the same), and the CPU seconds of the
whole run; medians, every run beside.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# the lines appended to the body article, one per changed run (reopen_changed.CHANGED_LINES, then these)
MORE_LINES = (
    "The airport said flights would resume on Sunday.",
    "Rescuers said three people were still missing.",
    "The company said 200 jobs would go by March.",
)


def measure(tree: Path, n: int, runs: int) -> None:
    """Measure ``tree`` (run as a child: this process imports that tree's bench helpers) and print its lines."""
    sys.path[:0] = [str(tree / "bench"), str(tree)]
    import reopen  # type: ignore[import-not-found]  # (the tree's own bench helpers)
    from extract import corpus, write_reopen_batch  # type: ignore[import-not-found]
    from reopen_changed import BODY_ARTICLE, CHANGED_LINES  # type: ignore[import-not-found]

    lines = [*CHANGED_LINES, *MORE_LINES]
    if runs > len(lines):
        sys.exit(f"--runs: at most {len(lines)}")
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-reopen-tui-"))
    try:
        folder = tmp / "batch"
        write_reopen_batch(folder, corpus(n))
        env = {**os.environ, "FACTCHECK_CACHE": str(tmp / "cache" / "cache.sqlite3"), "PYTHONPATH": str(tree)}
        session = tmp / "sessions" / "batch.toml"
        reopen.run(["extract", str(folder), "--json"], env)  # (the cache filled)
        doc = json.loads(reopen.run(["extract", str(folder), "--json"], env)[2])
        cid = doc["articles"][0]["claims"][0]["id"]
        reopen.run(["mark", str(session), cid, "confirmed", "--corpus", str(folder)], env)
        one = folder / BODY_ARTICLE
        warm, changed = [], []
        for k in range(runs):
            warm.append(reopen.tui(folder, session, env))
            one.write_text(one.read_text(encoding="utf-8") + f"\n\n{lines[k]}\n", encoding="utf-8")
            changed.append(reopen.tui(folder, session, env))
        print(f"tree {tree}: {len(list(folder.iterdir()))} articles, {runs} run(s) each (medians; every run)")
        for name, got in (("warm", warm), ("one changed", changed)):
            parts = []
            for key, what in (
                ("first", "first article"),
                ("filled", "filled"),
                ("grouped", "groups shown"),
                ("cpu", "CPU"),
            ):
                values = [r.get(key, r["filled"]) for r in got]
                each = " ".join(f"{v:.2f}" for v in values)
                parts.append(f"{what} {statistics.median(values):5.2f} ({each})")
            print(f"  TUI {name:<12} " + "; ".join(parts) + " s")
        sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="ECB+ articles (the 110 real pages come on top)")
    ap.add_argument("--runs", type=int, default=3, help="warm and changed runs per tree")
    ap.add_argument("--baseline", type=Path, help="another tree measured in the same run")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        measure(args.child.resolve(), args.n, args.runs)
        return 0
    trees = [ROOT] + ([args.baseline.resolve()] if args.baseline else [])
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "--n", str(args.n), "--runs", str(args.runs), "--child", str(t)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for t in trees
    ]
    ok = True
    for t, p in zip(trees, procs, strict=True):
        out, _ = p.communicate()
        print(("this tree" if t == ROOT else "baseline") + ":")
        print(out, end="")
        ok = ok and p.returncode == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
