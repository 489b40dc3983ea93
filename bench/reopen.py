"""Reopening a big batch: each command cold (empty cache) beside warm (cache filled by an earlier run).

    /work/venv/bin/python bench/reopen.py [--n 1000]

Corpus: ``--n`` ECB+ articles (distinct pairs of documents of one topic, as bench/extract.py builds them) plus
the 110 real pages of ../shared/data/realworld-dev/json, written to a temporary folder. Every command runs as a
user runs it (``python -m factcheck ...`` in a fresh process) with the cache in a temporary folder:

- ``extract --json``, ``status``, ``mark`` (one claim) on a session of the batch, cold then warm;
- the review TUI on that session, cold then warm (headless, 120x40, through bench/tui.py's child): the time to
  its first article (the main screen on the first articles read, the rest loading) and to the filled main
  screen (every article read, reconciled and grouped);
- one article changed, then ``extract --json`` again (about one article's work plus reading the rest), and
  the same change split in this process into reading + extraction (``pipeline.build(group=False)``) and
  regrouping (``pipeline.regroup``), each in CPU seconds: from scratch, and incremental with the
  ``GroupingState`` an earlier grouping of the batch left in the process (what a review keeps), the two
  results compared;
- ``--no-cache`` (the baseline: what every run cost before the cache);
- loading the 110 real web pages of ../shared/data/realworld-dev/html with the cache cold, chunked by time
  (``pipeline.CHUNK_SECONDS``) beside chunked by count only (8, then 200: the baseline), in this process and in
  the TUI (cold and warm): when the articles reach the screen, the longest wait between two hand-overs, and
  the whole load (``--only-loading`` runs this part alone);
- the results with and without the cache compared byte for byte, and the cache's size per claim.

Times are wall-clock seconds and, steadier on a shared machine, the CPU seconds of the command's process.
Targets: warm <= 1/5 of cold (aim 1/20); one changed article ~ one article's work; cache < 2 KB per claim.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from extract import corpus, data_dir  # noqa: E402


def tui(
    folder: Path, session: Path, env: dict[str, str], chunk_seconds: float | None = None
) -> dict[str, float]:
    """The TUI opened on ``session`` (headless, in a fresh process): seconds to its first article and to the
    filled main screen, and the CPU seconds of the whole run (``chunk_seconds``: pipeline.CHUNK_SECONDS)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    chunks = [] if chunk_seconds is None else [str(chunk_seconds)]
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "tui.py"),
            "--child",
            "factcheck",
            str(folder),
            str(session),
            "1",
            *chunks,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            res = json.loads(line[7:])
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            return {"first": res["first_article"], "filled": res["first_screen"], "cpu": cpu}
    sys.exit(f"the TUI run failed ({out.returncode}): {out.stderr[-2000:]}")


def split_one_change(folder: Path, cache_path: Path, state: Any = None) -> tuple[float, float, list[Any]]:
    """CPU seconds of reading + extracting (one article changed) and of regrouping (the groups not taken
    from the cache), in this process; with ``state`` (a GroupingState left by an earlier grouping of the batch)
    the regrouping is incremental. Also the groups."""
    sys.path.insert(0, str(ROOT))
    from factcheck import cache, pipeline

    store = cache.Cache(cache_path)
    t0 = time.process_time()
    corpus = pipeline.build([str(folder)], group=False, cache=store)
    t1 = time.process_time()
    corpus.grouping_state = state
    pipeline.regroup(corpus, cache=cache.Cache(enabled=False))
    t2 = time.process_time()
    store.close()
    return t1 - t0, t2 - t1, [g.to_json() for g in corpus.groups]


def handover(folder: Path, cache_path: Path, chunk_seconds: float) -> dict[str, float]:
    """``pipeline.build`` (no grouping) on ``folder`` with an empty cache, in this process: when the articles
    are handed over (``extracted``, what the TUI shows while loading) and what the whole load costs."""
    sys.path.insert(0, str(ROOT))
    from factcheck import cache, pipeline

    default, pipeline.CHUNK_SECONDS = pipeline.CHUNK_SECONDS, chunk_seconds
    store = cache.Cache(cache_path)
    lookups: list[int] = []
    get_claims = store.get_claims
    store.get_claims = lambda arts: (lookups.append(len(arts)), get_claims(arts))[1]  # type: ignore[method-assign]
    times: list[tuple[float, int]] = []
    t0, c0 = time.perf_counter(), time.process_time()
    corpus = pipeline.build(
        [str(folder)],
        group=False,
        cache=store,
        extracted=lambda items, done, total: times.append((time.perf_counter() - t0, done)),
    )
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    store.close()
    pipeline.CHUNK_SECONDS = default
    n = len(corpus.articles)
    stamps = [0.0] + [t for t, _ in times]
    return {
        "n": n,
        "first": times[0][0],
        "half": next(t for t, done in times if done >= n / 2),
        "gap": max(b - a for a, b in itertools.pairwise(stamps)),
        "wall": wall,
        "cpu": cpu,
        "lookups": len(lookups),
    }


def loading(tmp: Path, env: dict[str, str]) -> None:
    """The 110 real web pages loaded cold, chunked by time beside by count only (the baseline), in this
    process and in the TUI."""
    sys.path.insert(0, str(ROOT))
    from factcheck import pipeline

    by_time = pipeline.CHUNK_SECONDS
    html = data_dir() / "realworld-dev" / "html"
    handover(html, tmp / "warmup.sqlite3", by_time)  # (imports and first-use costs paid once)
    rows = []
    for name, chunk in (("by count (baseline)", float("inf")), ("by time", by_time)):
        rows.append((name, handover(html, tmp / f"handover-{chunk}.sqlite3", chunk)))
    n = int(rows[0][1]["n"])
    print(f"loading {n} real web pages (HTML), cache cold, in-process build without grouping; chunks:")
    print(
        f"  {'chunks':<20} {'1st article':>11} {'half read':>10} {'longest wait':>13} {'whole (CPU)':>16} lookups"
    )
    for name, r in rows:
        print(
            f"  {name:<20} {r['first']:>9.2f} s {r['half']:>8.2f} s {r['gap']:>11.2f} s"
            f" {r['wall']:>7.1f} s ({r['cpu']:>4.1f}) {int(r['lookups']):>7}"
        )
    print(f"  TUI on the {n} pages (headless, wall s): first article / filled main screen")
    for name, chunk in (("by count (baseline)", float("inf")), ("by time", by_time)):
        cache_env = {**env, "FACTCHECK_CACHE": str(tmp / f"tui-{chunk}" / "cache.sqlite3")}
        session = tmp / f"html-{chunk}.toml"
        cold = tui(html, session, cache_env, chunk)
        warm = tui(html, session, cache_env, chunk)
        print(
            f"  {name:<20} cold {cold['first']:>6.2f} / {cold['filled']:>6.2f} s   "
            f"warm {warm['first']:>5.2f} / {warm['filled']:>5.2f} s   (CPU cold {cold['cpu']:.1f}, warm {warm['cpu']:.1f})"
        )


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode not in (0, 1):
        sys.exit(f"factcheck {' '.join(args)} failed ({out.returncode}): {out.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="ECB+ articles (the 110 real pages come on top)")
    ap.add_argument("--only-loading", action="store_true", help="only the loading of the real web pages")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-reopen-"))
    try:
        if args.only_loading:
            loading(tmp, {**os.environ, "PYTHONPATH": str(ROOT)})
            return 0
        folder = tmp / "batch"
        folder.mkdir()
        for i, text in enumerate(corpus(args.n)):
            (folder / f"ecb_{i:04d}.txt").write_text(text, encoding="utf-8")
        real = data_dir() / "realworld-dev" / "json"
        for p in sorted(real.glob("*.json")):
            shutil.copy(p, folder / p.name)
        n_articles = len(list(folder.iterdir()))
        env = {**os.environ, "FACTCHECK_CACHE": str(tmp / "cache" / "cache.sqlite3"), "PYTHONPATH": str(ROOT)}
        session = tmp / "sessions" / "batch.toml"
        print(f"corpus: {n_articles} articles ({args.n} ECB+, {n_articles - args.n} real pages)")

        rows: list[tuple[str, tuple[float, float], tuple[float, float]]] = []
        baseline = run(["extract", str(folder), "--json", "--no-cache"], env)
        cold = run(["extract", str(folder), "--json"], env)
        warm = run(["extract", str(folder), "--json"], env)
        same = baseline[2] == cold[2] == warm[2]
        rows.append(("extract --json", cold[:2], warm[:2]))
        doc = json.loads(warm[2])
        n_claims = sum(len(a["claims"]) for a in doc["articles"])
        first = doc["articles"][0]["claims"][0]["id"]

        shutil.rmtree(tmp / "cache")
        cold = run(["mark", str(session), first, "confirmed", "--corpus", str(folder)], env)
        warm = run(["mark", str(session), first, "disputed"], env)
        rows.append(("mark", cold[:2], warm[:2]))
        shutil.rmtree(tmp / "cache")
        cold = run(["status", str(session)], env)
        warm = run(["status", str(session)], env)
        rows.append(("status", cold[:2], warm[:2]))

        shutil.rmtree(tmp / "cache")
        tui_cold = tui(folder, session, env)
        tui_warm = tui(folder, session, env)

        one = folder / "ecb_0000.txt"
        one.write_text(
            one.read_text(encoding="utf-8") + "\n\nThe ministry said on Friday that 40 people were hurt.\n"
        )
        changed = run(["extract", str(folder), "--json"], env)
        after_change_plain = run(["extract", str(folder), "--json", "--no-cache"], env)
        same = same and changed[2] == after_change_plain[2]
        from factcheck.grouping.state import GroupingState

        state = GroupingState()
        _, prime_regroup, _ = split_one_change(folder, tmp / "cache" / "cache.sqlite3", state)  # fills it
        one.write_text(one.read_text(encoding="utf-8") + "The police said two men were arrested.\n")
        split_extract, split_regroup, whole = split_one_change(folder, tmp / "cache" / "cache.sqlite3")
        _, inc_regroup, inc = split_one_change(folder, tmp / "cache" / "cache.sqlite3", state)
        same = same and whole == inc

        size = sum(p.stat().st_size for p in (tmp / "cache").iterdir())
        print(f"{'command':<16} {'cold s (CPU)':>16} {'warm s (CPU)':>16} {'warm/cold':>10}")
        for name, (cw, cc), (ww, wc) in rows:
            print(
                f"{name:<16} {cw:>8.1f} ({cc:>5.1f}) {ww:>8.2f} ({wc:>5.2f}) {ww / cw:>9.2f}x  (CPU {wc / cc:.2f}x)"
            )
        for name, key in (("TUI first article", "first"), ("TUI filled", "filled")):
            cw, ww = tui_cold[key], tui_warm[key]
            print(f"{name:<18} {cw:>6.1f} s        {ww:>8.2f} s        {ww / cw:>9.2f}x")
        print(
            f"TUI whole run (to filled, 1 key, quit) CPU: cold {tui_cold['cpu']:.1f} s, warm {tui_warm['cpu']:.2f} s"
            f" ({tui_warm['cpu'] / tui_cold['cpu']:.2f}x)"
        )
        print(
            f"--no-cache extract (the baseline: every run before the cache): {baseline[0]:.1f} s ({baseline[1]:.1f} CPU)"
        )
        per_article = baseline[1] / n_articles
        print(
            f"one article changed, extract --json: {changed[0]:.2f} s ({changed[1]:.2f} CPU) = warm"
            f" {rows[0][2][1]:.2f} CPU + {changed[1] - rows[0][2][1]:.2f} s (one article's extraction ~{per_article:.3f} s"
            " + regrouping the batch)"
        )
        print(
            f"one article changed, split (CPU, in-process): reading + extraction {split_extract:.2f} s,"
            f" regrouping the whole batch {split_regroup:.2f} s"
        )
        print(
            f"one article changed, incremental regrouping (a GroupingState kept in the process, as a review keeps"
            f" it): {inc_regroup:.2f} s CPU against {split_regroup:.2f} s from scratch ({inc_regroup / split_regroup:.2f}x;"
            f" the state's first grouping {prime_regroup:.2f} s); groups identical: {'yes' if whole == inc else 'NO'}"
        )
        print(
            f"cache on disk: {size / 1e6:.1f} MB for {n_claims} claims = {size / max(n_claims, 1):.0f} bytes/claim"
            " (target < 2 KB)"
        )
        print(f"results identical with and without the cache: {'yes' if same else 'NO'}")
        loading(tmp, env)
        return 0 if same else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
