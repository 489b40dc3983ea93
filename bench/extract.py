"""Throughput of the whole extraction pipeline (ingest + times + claims) against a dateparser baseline.

Corpus: ECB+ news texts (../shared/data/ecbplus-dev, rebuilt from their tokens), concatenated in pairs
from the same topic into ~3 KB articles, each pair distinct, ``--n`` articles (default 1,000).
Baseline in the same run: the same texts through ``dateparser.search.search_dates(languages=['en'])``
alone (on a sample, extrapolated to articles/s, since it is ~100x slower).
Throughput is measured without tracing, stage by stage, on one core, ``--repeat`` times (default 3) with
every cache of results of the package cleared before each pass, so each pass starts as cold as the first
(the package's own data, vocabularies and compiled rules, stays loaded, as in a process reading a batch); the
figures are the medians (per stage in µs/article), the single passes are listed. Peak memory is measured
in a second pass with ``tracemalloc`` (peak of Python allocations while the pipeline runs over all articles and keeps
every article and claim alive, as the app does for a batch); the process's ``ru_maxrss`` is printed too.

    /work/venv/bin/python bench/extract.py [--n 1000] [--repeat 3] [--baseline-sample 30]
        [--jobs N [--beside BASE_TREE] [--only-jobs]]

``--jobs N``: then the wall-clock articles/s of ``pipeline.build`` (ingest + times + claims, the cache off, no
grouping) over the same articles written to a folder, each run a fresh process as a user's cold command is
(imports included), ``--jobs 1`` (this process alone: the serial path) and ``--jobs N`` (N worker processes,
``factcheck.parallel``) alternated ``--repeat`` times, with ``--beside`` a tree's serial build (a ``git archive``
of the code before) in the same rounds; the machine's load before and after, the CPU seconds of every process
(the workers' and the forkserver's read from /proc), and the peak RSS of the main process and of each worker.
The one-core figure above stays the per-core measure; the ``--jobs N`` one is what a user of N cores gets.
``--only-jobs`` skips the one-core passes.

Data: ``Path(__file__).resolve().parents[2] / "shared" / "data"``, or env FACTCHECK_DATA.
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck import dates, extract, ingest, temporal  # noqa: E402

# The parameters of a cached function that name languages only: its cache holds data (``holds_data``).
LANGUAGE_PARAMETERS = frozenset({"lang", "langs", "also"})


def holds_data(fn: functools._lru_cache_wrapper) -> bool:  # type: ignore[type-arg]
    """Whether a cache of the package holds its own data, not results on article text: the resource loader
    (``factcheck.lang``) and the functions of no argument or of languages only (a vocabulary, compiled
    rules; ``also``: ``furniture.vocabulary``'s second language). A process reads them once, whatever the
    number of articles; re-reading them every pass would count a per-process cost per article
    (``bench/extract_instructions.py --n 100``: 1.5 of 32.4 million instructions per article)."""
    if fn.__module__ == "factcheck.lang":
        return True
    params = inspect.signature(fn.__wrapped__).parameters  # type: ignore[attr-defined]
    return set(params) <= LANGUAGE_PARAMETERS


def clear_caches() -> None:
    """Empty every functools cache of results in the package's modules (a pass must not reuse the previous
    one's); the caches of the package's data (``holds_data``) stay, as in a process reading many articles."""
    for name, mod in list(sys.modules.items()):
        if name == "factcheck" or name.startswith("factcheck."):
            for v in vars(mod).values():
                if isinstance(v, functools._lru_cache_wrapper) and not holds_data(v):
                    v.cache_clear()


def data_dir() -> Path:
    env = os.environ.get("FACTCHECK_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"


_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}'’”]|n't|'s|’s)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$“]) ")


def doc_text(path: Path) -> str:
    """Sentences of an ECB+ document rebuilt from its tokens (one paragraph per sentence)."""
    root = ET.parse(path).getroot()
    sents: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sents.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    lines = []
    for n in sorted(sents):
        line = " ".join(sents[n])
        if n == 0 and line.startswith("http"):
            continue
        line = _NO_SPACE_BEFORE.sub(r"\1", line)
        line = _NO_SPACE_AFTER.sub(r"\1", line)
        lines.append(line.replace("``", "“").replace("''", "”"))
    return "\n\n".join(lines)


def corpus(n: int) -> list[str]:
    base = data_dir() / "ecbplus-dev" / "docs"
    if not base.is_dir():
        sys.exit(
            f"bench/extract.py: ECB+ data not found at {base} (set FACTCHECK_DATA to the shared data folder)"
        )
    topics: list[list[str]] = []
    for topic in sorted(base.iterdir(), key=lambda p: p.name):
        docs = [doc_text(p) for p in sorted(topic.glob("*.xml"))]
        if len(docs) >= 2:
            topics.append(docs)
    if not topics:
        sys.exit(f"bench/extract.py: no ECB+ documents under {base}")
    # every article is a distinct pair of documents of one topic (~3 KB), so no cache can help
    out: list[str] = []
    shift = 1
    while len(out) < n and shift < 40:
        for docs in topics:
            for i in range(0, len(docs), 2):
                j = (i + shift) % len(docs)
                if j != i:
                    out.append(docs[i] + "\n\n" + docs[j])
        shift += 1
    return out[:n]


def compile_tree(tree: Path) -> None:
    """Byte-compile ``tree``'s package (its ``__pycache__``, as an installed package has), so that the fresh
    processes a reopen bench times read its modules compiled. A tree run with ``PYTHONDONTWRITEBYTECODE=1``
    and no ``__pycache__`` (a worktree, a ``git archive``) compiled them in every process: ~0.25 CPU s more
    of a warm ``extract --json`` on the reopen batch and ~0.06 more after one change, beside a tree that had
    them (round 32)."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(tree / "factcheck")],
        stdout=subprocess.DEVNULL,
        check=False,
    )


def write_reopen_batch(folder: Path, texts: list[str]) -> None:
    """The reopen benches' batch in ``folder`` (made here): the ECB+ articles ``texts`` as ``ecb_NNNN.txt``
    and realworld-dev's 110 trafilatura records."""
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"ecb_{i:04d}.txt").write_text(text, encoding="utf-8")
    for p in sorted((data_dir() / "realworld-dev" / "json").glob("*.json")):
        shutil.copy(p, folder / p.name)


# A fresh process's cold build of FOLDER by the tree on its PYTHONPATH, with JOBS workers (a tree whose
# ``build`` has no ``jobs``: its serial path): prints its articles, claims and wall seconds as JSON.
BUILD_CHILD = """
import inspect, json, sys, time
t0 = time.perf_counter()
from factcheck import cache, pipeline
folder, jobs = sys.argv[1], int(sys.argv[2])
kw = {"jobs": jobs} if "jobs" in inspect.signature(pipeline.build).parameters else {}
corpus = pipeline.build([folder], cache=cache.Cache(enabled=False), group=False, **kw)
wall = time.perf_counter() - t0
claims = sum(len(v) for v in corpus.claims.values())
print(json.dumps({"articles": len(corpus.articles), "claims": claims, "wall": wall}))
"""


def _proc_table() -> dict[int, tuple[int, float, int]]:
    """Every process: its parent, its CPU seconds so far, its peak RSS in KB (Linux's /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[int, tuple[int, float, int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            hwm = 0
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
        except (OSError, IndexError, ValueError):
            continue
        out[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick, hwm)
    return out


def run_watched(cmd: list[str], env: dict[str, str], cwd: Path) -> dict[str, Any]:
    """``cmd`` in a fresh process, watched: its stdout, wall seconds, the CPU seconds of it and of every process
    under it (the pool's forkserver and workers, which it does not wait for: read from /proc every 0.1 s, so a
    process's last tenth of a second may be missed), its peak RSS and each descendant's (MB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: dict[int, tuple[float, int]] = {}  # descendant -> (CPU s, peak RSS KB), as last read
    out_parts: list[str] = []
    err_parts: list[str] = []
    readers = [
        threading.Thread(target=lambda: out_parts.append(proc.stdout.read() if proc.stdout else "")),
        threading.Thread(target=lambda: err_parts.append(proc.stderr.read() if proc.stderr else "")),
    ]
    for r in readers:
        r.start()
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            break
        table = _proc_table()
        under = {proc.pid}
        grew = True
        while grew:
            more = {p for p, (ppid, _, _) in table.items() if ppid in under} - under
            grew = bool(more)
            under |= more
        for p in under - {proc.pid}:
            seen[p] = table[p][1:]
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    for r in readers:
        r.join()
    if proc.returncode != 0:
        sys.exit(f"{cmd[:3]} failed ({proc.returncode}): {''.join(err_parts)[-2000:]}")
    return {
        "stdout": "".join(out_parts),
        "wall": wall,
        "cpu_main": usage.ru_utime + usage.ru_stime,
        "cpu_others": sum(c for c, _ in seen.values()),
        "rss_main": usage.ru_maxrss / 1024,
        "rss_others": sorted((h / 1024 for _, h in seen.values()), reverse=True),
    }


def jobs_rounds(texts: list[str], jobs: int, repeat: int, beside: Path | None) -> None:
    """``--jobs``: cold builds in fresh processes, serial beside ``jobs`` workers (and ``beside``'s serial
    build), alternated ``repeat`` times; wall-clock articles/s, medians."""
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-bench-jobs-"))
    try:
        folder = tmp / "batch"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"a{i:04d}.txt").write_text(text, encoding="utf-8")
        configs: list[tuple[str, Path, int]] = []
        if beside is not None:
            compile_tree(beside)
            configs.append((f"{beside} (serial)", beside, 1))
        compile_tree(ROOT)
        configs += [("this tree --jobs 1", ROOT, 1), (f"this tree --jobs {jobs}", ROOT, jobs)]
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name, _, _ in configs}
        load_before = os.getloadavg()
        for _ in range(max(1, repeat)):
            for name, tree, n_jobs in configs:
                env = {**os.environ, "PYTHONPATH": str(tree)}
                env.pop("FACTCHECK_JOBS", None)
                got = run_watched([sys.executable, "-c", BUILD_CHILD, str(folder), str(n_jobs)], env, tmp)
                got.update(json.loads(got["stdout"]))
                runs[name].append(got)
        load_after = os.getloadavg()
        n = len(texts)
        print(
            f"cold builds in fresh processes (ingest + times + claims, cache off, no grouping; {n} articles; "
            f"{os.cpu_count()} CPUs; load {load_before[0]:.1f} before, {load_after[0]:.1f} after; medians of "
            f"{max(1, repeat)}, alternated):"
        )
        claims = {r["claims"] for rs in runs.values() for r in rs}
        for name, rs in runs.items():
            wall = statistics.median(r["wall"] for r in rs)
            main_cpu = statistics.median(r["cpu_main"] for r in rs)
            other_cpu = statistics.median(r["cpu_others"] for r in rs)
            rss_main = max(r["rss_main"] for r in rs)
            workers = max((r["rss_others"] for r in rs), key=len)
            passes = ", ".join(f"{n / r['wall']:.0f}" for r in rs)
            print(
                f"  {name:<34} {n / wall:>5.0f} articles/s wall ({wall:.1f} s; runs "
                f"{passes}); CPU s: main {main_cpu:.1f}, "
                f"others {other_cpu:.1f}; peak RSS MB: main {rss_main:.0f}"
                + (f", each other process {', '.join(f'{x:.0f}' for x in workers)}" if workers else "")
            )
        print(
            f"  claims in every run: {', '.join(str(c) for c in sorted(claims))} (one number: the same claims)"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--baseline-sample", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=3, help="throughput passes (medians are reported)")
    ap.add_argument("--jobs", type=int, help="also: cold builds with this many worker processes beside one")
    ap.add_argument(
        "--beside", type=Path, help="with --jobs: a tree whose serial build runs in the same rounds"
    )
    ap.add_argument("--only-jobs", action="store_true", help="with --jobs: skip the one-core passes")
    args = ap.parse_args()
    texts = corpus(args.n)
    kb = sum(len(t.encode()) for t in texts) / len(texts) / 1024
    print(f"corpus: {len(texts)} articles from ECB+, mean {kb:.1f} KB")
    if args.jobs is not None and args.only_jobs:
        jobs_rounds(texts, args.jobs, args.repeat, args.beside)
        return 0

    # warm-up (imports, regex compilation, dateparser first call) outside the timings: the first article
    # may hold no date line, and dateparser's first call (~0.2 s, its timezone tables) would then fall
    # into the first pass
    w = ingest.article_from_text(texts[0], path="w", key="w")
    extract.extract(w)
    for phrase in ("Published 14 January 2020, 9:21 AM EST", "05 / 03 / 2013 at 11: 00 AM EDT"):
        dates.parse_date_text(phrase, languages=("en",))

    # 1) throughput, no tracing: each stage timed separately over the same articles. Wall time and
    #    process CPU time are both shown: on a shared machine the CPU-time rate is the steadier figure.
    n = len(texts)
    clocks = (time.perf_counter, time.process_time)
    passes: list[list[list[float]]] = []  # per pass, per clock (wall, cpu): seconds of ingest, tag, claims
    n_claims = 0
    for _ in range(max(1, args.repeat)):
        clear_caches()
        t0 = [c() for c in clocks]
        arts = [ingest.article_from_text(t, path=f"a{i}.txt", key=f"a{i}.txt") for i, t in enumerate(texts)]
        t1 = [c() for c in clocks]
        tms = [temporal.tag(a.text, a.published) for a in arts]
        t2 = [c() for c in clocks]
        n_claims = sum(len(extract.extract(a, times=tm)) for a, tm in zip(arts, tms, strict=True))
        t3 = [c() for c in clocks]
        passes.append([[t1[k] - t0[k], t2[k] - t1[k], t3[k] - t2[k]] for k in range(2)])
        del arts, tms
    wholes: dict[str, float] = {}
    for k, label in enumerate(("wall", "cpu")):
        stages = [statistics.median(p[k][j] for p in passes) for j in range(3)]
        ing, tag, ext = stages
        total = statistics.median(sum(p[k]) for p in passes)
        wholes[label] = n / total
        print(
            f"pipeline ({label} time, one core, median of {len(passes)}): ingest {n / ing:.0f}/s, "
            f"temporal.tag {n / tag:.0f}/s, claims given times {n / ext:.0f}/s; whole {n / total:.0f} articles/s"
        )
        print(
            f"  µs/article: ingest {1e6 * ing / n:.0f}, temporal.tag {1e6 * tag / n:.0f}, "
            f"claims {1e6 * ext / n:.0f}; whole {1e6 * total / n:.0f} "
            f"(passes: {', '.join(f'{n / sum(p[k]):.0f}/s' for p in passes)})"
        )
    whole, whole_cpu = wholes["wall"], wholes["cpu"]
    print(f"  {n_claims} claims")

    # 2) peak memory of the whole pipeline over all articles, everything kept alive (tracemalloc: Python
    #    allocations only; ru_maxrss: the process, interpreter and libraries included)
    tracemalloc.start()
    keep = []
    for i, t in enumerate(texts):
        art = ingest.article_from_text(t, path=f"a{i}.txt", key=f"a{i}.txt")
        keep.append((art, extract.extract(art)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  peak memory for {n} articles: {peak / 1e6:.1f} MB traced (tracemalloc), process max RSS {rss:.0f} MB"
    )
    del keep

    from dateparser.search import search_dates

    sample = texts[: max(1, args.baseline_sample)]
    search_dates(sample[0][:200], languages=["en"])
    b0 = time.perf_counter()
    for t in sample:
        search_dates(t, languages=["en"])
    dt_base = time.perf_counter() - b0
    base_rate = len(sample) / dt_base
    print(
        f"baseline dateparser.search.search_dates(languages=['en']): {base_rate:.1f} articles/s (on {len(sample)})"
    )
    print(
        f"whole pipeline: {whole:.0f} articles/s wall ({whole / base_rate:.0f}x the baseline), {whole_cpu:.0f}/s CPU; "
        "target >= 300 articles/s and < 150 MB"
    )
    if args.jobs is not None:
        jobs_rounds(texts, args.jobs, args.repeat, args.beside)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
