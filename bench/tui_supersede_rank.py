"""The supersede picker's likeness ranking (`s`), this tree beside another (the round's baseline), same run.

    cd /work/wt/qa && PYTHONPATH=$PWD /work/venv/bin/python bench/tui_supersede_rank.py --base /tmp/base17 \\
        --corpus /tmp/cwork/pol [--cache FILE] [--n 300]

``Review.superseding_candidates`` lists a claim's group first, then every other claim by likeness. This
measures the likeness part alone (the groups set aside in the child process): for ``--n`` claims that have
a group with claims of other articles (taken evenly through the batch), the rank of the first claim of its
group among the candidates (1 = first; the picker lists 300), and the CPU time per call. The event groups
are the product's own, made by another algorithm (rapidfuzz ``ratio`` with entity, time and number checks):
a proxy of "a report of the same thing", not a gold label. Each tree runs in a fresh process from its own
folder, on the same extraction cache (copied).
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


def _child(corpus: str, session: str, n: int) -> dict:
    import time

    from factcheck.review import Review

    r = Review.open(Path(session), [corpus], readonly=True)
    groups = {}
    keys = {c.id: c.article_key for c in r.corpus.all_claims()}
    for c in r.corpus.all_claims():
        g = r.corpus.group_of(c.id)
        if g is not None and r.corpus.is_shown(c):
            others = [cid for cid in g.claims if keys.get(cid, c.article_key) != c.article_key]
            if others:
                groups[c.id] = set(others)
    ids = sorted(groups)
    step = max(1, len(ids) // n)
    sample = ids[::step][:n]
    type(r.corpus).group_of = lambda _self, _cid: None  # the likeness ranking alone (this child process only)
    ranks, cpu = [], []
    for cid in sample:
        t = time.process_time()
        cands = r.superseding_candidates(cid)
        cpu.append(time.process_time() - t)
        ranks.append(next((i + 1 for i, o in enumerate(cands) if o.id in groups[cid]), len(cands) + 1))
    r.close()
    return {"ranks": ranks, "cpu": cpu, "claims": len(ids)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--base", type=Path, required=True, help="the other tree (its folder first on PYTHONPATH)"
    )
    ap.add_argument("--corpus", required=True, help="a batch folder (e.g. PolNeAR's records)")
    ap.add_argument("--cache", type=Path, help="an extraction cache already warmed on it (copied)")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(_child(a.child[0], a.child[1], int(a.child[2]))))
        return
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        env = {**os.environ, "FACTCHECK_CACHE": str(tmp / "cache.sqlite3")}
        if a.cache is not None:
            shutil.copy(a.cache, tmp / "cache.sqlite3")
        out = {}
        for name, tree in (("this tree", ROOT), ("base", a.base.resolve())):
            session = tmp / f"{name.replace(' ', '_')}.toml"
            res = subprocess.run(
                [
                    sys.executable,
                    str(Path(__file__).resolve()),
                    "--base",
                    str(a.base),
                    "--corpus",
                    a.corpus,
                    "--child",
                    a.corpus,
                    str(session),
                    str(a.n),
                ],
                env={**env, "PYTHONPATH": str(tree)},
                cwd=tmp,
                capture_output=True,
                text=True,
            )
            if res.returncode:
                sys.exit(f"{name} ({tree}) failed:\n{res.stderr[-3000:]}")
            out[name] = json.loads(res.stdout.strip().splitlines()[-1])
    print(f"corpus {a.corpus}: {out['this tree']['claims']} shown claims with a group across articles")
    for name, d in out.items():
        ranks, cpu = d["ranks"], d["cpu"]

        def top(k: int, ranks: list[int] = ranks) -> float:
            return sum(r <= k for r in ranks) / len(ranks)

        print(
            f"{name:>10}: {len(ranks)} claims; first claim of its group at rank: median {statistics.median(ranks):.0f}, "
            f"in the first 10 {top(10):.1%}, first 50 {top(50):.1%}, first 300 (listed) {top(300):.1%}; "
            f"CPU per call: mean {statistics.mean(cpu) * 1000:.0f} ms (the first {cpu[0] * 1000:.0f}, "
            f"median {statistics.median(cpu) * 1000:.0f})"
        )


if __name__ == "__main__":
    main()
