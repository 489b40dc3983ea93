"""Cold opening of a big batch with worker processes (``--jobs``, ``factcheck.parallel``) beside without, in
fresh processes, on this tree beside a baseline tree in the same rounds.

    FACTCHECK_DATA=../shared/data /work/venv/bin/python bench/reopen_jobs.py [--n 1000] [--jobs 2]
        [--repeat 2] [--baseline /tmp/base34]

The batch is bench/reopen.py's (``--n`` ECB+ articles plus the 110 real pages of realworld-dev). Each round
runs, for the baseline tree (its serial path), this tree with ``FACTCHECK_JOBS=1`` and this tree with
``FACTCHECK_JOBS=N``, each with an empty cache: ``python -m factcheck extract BATCH --json`` and the review TUI
on a new session of the batch (headless, through the tree's own bench/tui.py child, as bench/reopen.py's
cold rows): seconds to its first article and to the filled main screen. Printed: medians of wall seconds,
the CPU seconds of the command's process and of the processes under it (the pool's forkserver and workers,
read from /proc), peak RSS (MB) of the main process and of each other, the machine's load, and whether every
``extract --json`` output is the same.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from extract import compile_tree, corpus, run_watched, write_reopen_batch  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="ECB+ articles (the 110 real pages come on top)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--baseline", type=Path, help="a tree (git archive) whose serial path runs beside")
    ap.add_argument("--no-tui", action="store_true", help="extract --json only")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-reopen-jobs-"))
    try:
        folder = tmp / "batch"
        write_reopen_batch(folder, corpus(args.n))
        n_articles = len(list(folder.iterdir()))
        configs: list[tuple[str, Path, int]] = []
        if args.baseline is not None:
            compile_tree(args.baseline)
            configs.append((f"{args.baseline} (serial)", args.baseline, 1))
        compile_tree(ROOT)
        configs += [
            ("this tree, FACTCHECK_JOBS=1", ROOT, 1),
            (f"this tree, FACTCHECK_JOBS={args.jobs}", ROOT, args.jobs),
        ]
        rows: dict[tuple[str, str], list[dict[str, Any]]] = {}
        outputs: set[str] = set()
        load_before = os.getloadavg()
        for r in range(max(1, args.repeat)):
            for i, (name, tree, jobs) in enumerate(configs):
                env = {**os.environ, "PYTHONPATH": str(tree), "FACTCHECK_JOBS": str(jobs)}
                env["FACTCHECK_CACHE"] = str(tmp / f"cache-{r}-{i}" / "cache.sqlite3")
                got = run_watched(
                    [sys.executable, "-m", "factcheck", "extract", str(folder), "--json"], env, tmp
                )
                outputs.add(got["stdout"])
                rows.setdefault((name, "extract --json"), []).append(got)
                if args.no_tui:
                    continue
                env["FACTCHECK_CACHE"] = str(tmp / f"cache-tui-{r}-{i}" / "cache.sqlite3")
                session = tmp / "sessions" / f"s{r}-{i}.toml"
                session.parent.mkdir(exist_ok=True)
                got = run_watched(
                    [
                        sys.executable,
                        str(tree / "bench" / "tui.py"),
                        "--child",
                        "factcheck",
                        str(folder),
                        str(session),
                        "1",
                    ],
                    env,
                    tmp,
                )
                line = next(x for x in got["stdout"].splitlines() if x.startswith("RESULT "))
                got.update(json.loads(line[7:]))
                rows.setdefault((name, "TUI"), []).append(got)
        load_after = os.getloadavg()
        print(
            f"corpus: {n_articles} articles ({args.n} ECB+, {n_articles - args.n} real pages); {os.cpu_count()} CPUs;"
            f" load {load_before[0]:.1f} before, {load_after[0]:.1f} after; medians of {max(1, args.repeat)} rounds"
        )
        for (name, kind), rs in rows.items():
            wall = statistics.median(x["wall"] for x in rs)
            cpu_main = statistics.median(x["cpu_main"] for x in rs)
            cpu_others = statistics.median(x["cpu_others"] for x in rs)
            rss_main = max(x["rss_main"] for x in rs)
            others = max((x["rss_others"] for x in rs), key=len)
            extra = ""
            if kind == "TUI":
                first = statistics.median(x["first_article"] for x in rs)
                filled = statistics.median(x["first_screen"] for x in rs)
                extra = f"first article {first:.1f} s, filled {filled:.1f} s; "
            runs = ", ".join(f"{x['wall']:.1f}" for x in rs)
            print(
                f"  {kind:<15} {name:<34} {extra}wall {wall:.1f} s (runs {runs}); CPU s: main {cpu_main:.1f},"
                f" others {cpu_others:.1f}; peak RSS MB: main {rss_main:.0f}"
                + (f", others {', '.join(f'{x:.0f}' for x in others)}" if others else "")
            )
        print(
            f"extract --json outputs identical across trees, jobs and rounds: {'yes' if len(outputs) == 1 else 'NO'}"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
