"""Claim memory on CLEF 2020 CheckThat! task 2: MAP@5 of `factcheck match` beside plain BM25, speed, memory.

    python bench/memory.py [--split dev|train] [--scale 100000]

The archive is the task's 10,375 Snopes checks (claim + headline); the queries are the task's tweets, each
repeating one checked claim. ``factcheck match`` runs as a user runs it (the CLI, --json), reading the archive
TSV; the baseline is BM25 alone (bm25s over claim + headline, its default tokeniser, no stemming), as the task's
organisers measured it. The re-ranking weights were fitted on the train tweets: dev is the held-out figure.
``--scale N`` also builds an index of N checks (the archive repeated with varied ids) and times queries on it.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def map_at_k(ranked: dict[str, list[str]], rel: dict[str, set[str]], k: int = 5) -> float:
    total = 0.0
    for q, gold in rel.items():
        hits, ap = 0, 0.0
        for i, d in enumerate(ranked.get(q, [])[:k]):
            if d in gold:
                hits += 1
                ap += hits / (i + 1)
        total += ap / min(len(gold), k)
    return total / len(rel)


def baseline(split: str) -> tuple[float, float]:
    import bm25s

    rows = tsv(CLEF / "verified_claims.docs.tsv")[1:]
    t0 = time.perf_counter()
    model = bm25s.BM25()
    model.index(
        bm25s.tokenize([f"{r[1]} {r[2]}" for r in rows], stopwords="en", show_progress=False),
        show_progress=False,
    )
    build = time.perf_counter() - t0
    queries = tsv(CLEF / split / "tweets.queries.tsv")[1:]
    res, _ = model.retrieve(
        bm25s.tokenize([q[1] for q in queries], stopwords="en", show_progress=False), k=5, show_progress=False
    )
    ranked = {q[0]: [rows[j][0] for j in res[i]] for i, q in enumerate(queries)}
    return map_at_k(ranked, qrels(split)), build


def ours(split: str) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_CACHE_HOME=tmp)
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
    return map_at_k(ranked, qrels(split)), wall, len(doc["queries"])


def speed(scale: int) -> None:
    """Index build and query times (CPU seconds of this process, steady under a loaded machine, and wall) and
    peak memory, in a fresh process so that nothing else counts towards it."""
    code = f"""
import json, resource, sys, time
sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})
from memory import CLEF, tsv
from factcheck.matching import Matcher
from factcheck.memory import Check
rows = tsv(CLEF / "verified_claims.docs.tsv")[1:]
base = [Check(r[0], r[1], r[2]) for r in rows]
out = {{}}
c0, w0 = time.process_time(), time.perf_counter()
Matcher(base)
out["build10"] = (time.process_time() - c0, time.perf_counter() - w0, len(base))
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
    args = ap.parse_args()
    if not CLEF.is_dir():
        sys.exit(f"no CLEF data at {CLEF} (set FACTCHECK_DATA)")
    for split in ["train", "dev"] if args.split == "both" else [args.split]:
        base, _build = baseline(split)
        got, wall, n = ours(split)
        note = "fitted on" if split == "train" else "held out"
        print(
            f"{split} ({note}, {n} tweets): MAP@5 factcheck match {got:.3f}  |  BM25 alone {base:.3f}"
            f"  ({got - base:+.3f}); CLI wall {wall:.1f} s incl. start-up and index build"
        )
    if args.scale:
        speed(args.scale)


if __name__ == "__main__":
    main()
