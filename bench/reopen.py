"""Reopening a big batch: each command cold (empty cache) beside warm (cache filled by an earlier run).

    /work/venv/bin/python bench/reopen.py [--n 1000]

Corpus: ``--n`` ECB+ articles (distinct pairs of documents of one topic, as bench/extract.py builds them) plus
the 110 real pages of ../shared/data/realworld-dev/json, written to a temporary folder. Every command runs as a
user runs it (``python -m factcheck ...`` in a fresh process) with the cache in a temporary folder:

- ``extract --json``, ``status``, ``mark`` (one claim) and ``report`` (Markdown) on a session of the batch, cold
  then warm; ``report --format json`` and ``csv`` warm;
- the review TUI on that session, cold then warm (headless, 120x40, through bench/tui.py's child): the time to
  its first article (the main screen on the first articles read, the rest loading) and to the filled main
  screen (every article read, reconciled and grouped);
- one article changed, each time in a fresh process: ``extract --json``, ``mark``, ``status``, ``report`` and the TUI
  (the grouping state the last grouping of the batch left in the cache makes the regrouping incremental);
  then the same change split in this process into reading + extraction, reading the grouping state,
  the incremental regrouping and saving the state, beside regrouping from scratch (CPU seconds), the two
  results compared; the state's size and the time to save it whole;
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

from extract import compile_tree, corpus, data_dir, write_reopen_batch  # noqa: E402
from reopen_changed import (  # noqa: E402
    BODY_ARTICLE,
    REPORT_FORMATS,
    REPORT_LINE,
    article_changer,
    report_text,
)


def tui(
    folder: Path, session: Path, env: dict[str, str], chunk_seconds: float | None = None
) -> dict[str, float]:
    """The TUI opened on ``session`` (headless, in a fresh process): seconds to its first article, to the
    filled main screen and to the groups shown in it, and the CPU seconds of the whole run
    (``chunk_seconds``: pipeline.CHUNK_SECONDS)."""
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
            grouped = res.get("grouped", res["first_screen"])  # (the Event panel shows the groups)
            return {
                "first": res["first_article"],
                "filled": res["first_screen"],
                "grouped": grouped,
                "cpu": cpu,
            }
    sys.exit(f"the TUI run failed ({out.returncode}): {out.stderr[-2000:]}")


def split_one_change(folder: Path, cache_path: Path) -> dict[str, Any]:
    """One changed article as a fresh process handles it, split (CPU seconds, in this process, with a new
    cache object and no grouping state in memory): reading + extraction, reading the grouping state the last
    grouping of the batch left in the cache, the incremental regrouping, saving the state; then the same
    batch regrouped from scratch (the baseline) and the two results compared."""
    sys.path.insert(0, str(ROOT))
    from factcheck import cache, grouping, pipeline

    store = cache.Cache(cache_path)
    spent = [0.0]  # CPU seconds in extraction (the changed article's), the rest of the build is reading
    extract_one = pipeline._extract_one

    def timed(article: Any) -> Any:
        t = time.process_time()
        try:
            return extract_one(article)
        finally:
            spent[0] += time.process_time() - t

    pipeline._extract_one = timed
    t0 = time.process_time()
    try:
        corpus = pipeline.build([str(folder)], group=False, cache=store)
    finally:
        pipeline._extract_one = extract_one
    t1 = time.process_time()
    with pipeline.collector_paused():  # (as ``pipeline.regroup`` runs these three steps)
        state = pipeline.load_grouping_state(corpus, store)
        if hasattr(pipeline, "with_content_keys"):  # (a tree before it hashed each claim instead)
            pipeline.with_content_keys(corpus, state)
        t2 = time.process_time()
        arts = {a.key: a for a in corpus.articles}
        inc = grouping.group_claims(corpus.all_claims(), arts, state=state)
        t3 = time.process_time()
        assert state is not None
        pipeline.save_grouping_state(corpus, store, state)
        t4 = time.process_time()
    stats = dict(state.stats)
    store.close()
    with pipeline.collector_paused():
        scratch = grouping.group_claims(corpus.all_claims(), arts)
    t5 = time.process_time()
    # the whole state saved into an empty cache (what the first grouping of a batch pays)
    fresh = cache.Cache(cache_path.parent.parent / "state-only.sqlite3")
    with pipeline.collector_paused():
        pipeline.save_grouping_state(corpus, fresh, state)
    t6 = time.process_time()
    state_bytes = fresh.stats().get("bytes", 0)
    fresh.close()
    return {
        "read": t1 - t0,
        "extract": spent[0],
        "load": t2 - t1,
        "regroup": t3 - t2,
        "save": t4 - t3,
        "scratch": t5 - t4,
        "save_all": t6 - t5,
        "state_bytes": state_bytes,
        "same": [g.to_json() for g in inc] == [g.to_json() for g in scratch],
        "stats": stats,
    }


def handover(folder: Path, cache_path: Path, chunk_seconds: float) -> dict[str, float]:
    """``pipeline.build`` (no grouping) on ``folder`` with an empty cache, in this process: when the articles
    are handed over (``extracted``, what the TUI shows while loading) and what the whole load costs."""
    sys.path.insert(0, str(ROOT))
    from factcheck import cache, pipeline

    default, pipeline.CHUNK_SECONDS = pipeline.CHUNK_SECONDS, chunk_seconds
    store = cache.Cache(cache_path)
    lookups: list[int] = []
    get_claims = store.get_claims
    store.get_claims = lambda arts, *rest: (lookups.append(len(arts)), get_claims(arts, *rest))[1]  # type: ignore[method-assign]
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


def run(args: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float, str]:
    """``python -m factcheck ARGS`` in a fresh process from ``cwd``: wall and CPU seconds, and its stdout. (``-m``
    imports the working folder's package before ``PYTHONPATH``'s: a bench that measures another tree runs it
    from a folder outside every tree, as bench/reopen_paths.py does.)"""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
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
    compile_tree(ROOT)
    try:
        if args.only_loading:
            loading(tmp, {**os.environ, "PYTHONPATH": str(ROOT)})
            return 0
        folder = tmp / "batch"
        write_reopen_batch(folder, corpus(args.n))
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
        cold = run(["report", str(session)], env)
        warm = run(["report", str(session)], env)
        rows.append(("report", cold[:2], warm[:2]))
        same = same and report_text(cold[2], tmp) == report_text(warm[2], tmp)
        warm_formats = {f: run(["report", str(session), "--format", f], env) for f in REPORT_FORMATS[1:]}

        shutil.rmtree(tmp / "cache")
        tui_cold = tui(folder, session, env)
        tui_warm = tui(folder, session, env)

        # One article changed, each time in a fresh process: the grouping state the last grouping of the batch
        # left in the cache (here the TUI's) makes the regrouping incremental.
        one = folder / BODY_ARTICLE  # (an article with a body: bench/reopen_changed.py says why)
        change = article_changer(one)

        change()
        changed = run(["extract", str(folder), "--json"], env)
        after_change_plain = run(["extract", str(folder), "--json", "--no-cache"], env)
        same = same and changed[2] == after_change_plain[2]
        change()
        changed_mark = run(["mark", str(session), first, "confirmed"], env)
        change()
        changed_status = run(["status", str(session)], env)
        change()
        tui_changed = tui(folder, session, env)
        change()
        split = split_one_change(folder, tmp / "cache" / "cache.sqlite3")
        same = same and bool(split["same"])
        one.write_text(one.read_text(encoding="utf-8") + f"\n\n{REPORT_LINE}\n", encoding="utf-8")
        changed_report = run(["report", str(session)], env)

        size = sum(p.stat().st_size for p in (tmp / "cache").iterdir())
        print(f"{'command':<16} {'cold s (CPU)':>16} {'warm s (CPU)':>16} {'warm/cold':>10}")
        for name, (cw, cc), (ww, wc) in rows:
            print(
                f"{name:<16} {cw:>8.1f} ({cc:>5.1f}) {ww:>8.2f} ({wc:>5.2f}) {ww / cw:>9.2f}x  (CPU {wc / cc:.2f}x)"
            )
        for f, (ww, wc, _out) in warm_formats.items():
            cw, cc = rows[3][1]
            print(
                f"{'report ' + f:<16} {'':>16} {ww:>8.2f} ({wc:>5.2f}) {ww / cw:>9.2f}x  (CPU {wc / cc:.2f}x the"
                " Markdown report's cold)"
            )
        for name, key in (
            ("TUI first article", "first"),
            ("TUI filled", "filled"),
            ("TUI groups shown", "grouped"),
        ):
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
            f"one article changed, in a fresh process (wall s, CPU s; one article's extraction ~{per_article:.3f} CPU s):"
        )
        for name, got, warm_cpu in (
            ("extract --json", changed, rows[0][2][1]),
            ("mark", changed_mark, rows[1][2][1]),
            ("status", changed_status, rows[2][2][1]),
            ("report", changed_report, rows[3][2][1]),
        ):
            print(
                f"  {name:<16} {got[0]:>6.2f} s ({got[1]:>5.2f} CPU) = warm unchanged {warm_cpu:.2f} CPU"
                f" + {got[1] - warm_cpu:.2f}"
            )
        print(
            f"  TUI              first article {tui_changed['first']:.2f} s, filled {tui_changed['filled']:.2f} s,"
            f" groups shown {tui_changed['grouped']:.2f} s"
            f" (warm unchanged {tui_warm['filled']:.2f} s, cold {tui_cold['filled']:.1f} s);"
            f" whole run CPU {tui_changed['cpu']:.2f} s (warm {tui_warm['cpu']:.2f})"
        )
        print(
            f"  split (CPU s, in-process, new cache object): reading + extraction {split['read']:.2f},"
            f" reading the grouping state {split['load']:.2f}, incremental regrouping {split['regroup']:.2f},"
            f" saving the state {split['save']:.2f}; regrouping from scratch {split['scratch']:.2f}"
            f" ({(split['load'] + split['regroup'] + split['save']) / split['scratch']:.2f}x);"
            f" groups identical: {'yes' if split['same'] else 'NO'}; {split['stats']}"
        )
        print(
            f"grouping state: {split['state_bytes'] / 1e6:.1f} MB compressed = {split['state_bytes'] / max(n_claims, 1):.0f}"
            f" bytes/claim; saving it whole (a batch's first grouping) {split['save_all']:.2f} CPU s"
        )
        print(
            f"cache on disk: {size / 1e6:.1f} MB for {n_claims} claims = {size / max(n_claims, 1):.0f} bytes/claim"
            " with extraction, groups and the grouping state (target < 2 KB)"
        )
        print(f"results identical with and without the cache: {'yes' if same else 'NO'}")
        loading(tmp, env)
        return 0 if same else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
