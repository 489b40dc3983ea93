"""What one decision costs the thread that makes it (a keypress in the TUI waits for it), this tree beside another.

    /work/venv/bin/python bench/mark_cost.py --base /tmp/base36 [--rounds 3] [--marks 240]

Each tree, in a fresh process (its own folder first on PYTHONPATH), alternating, ``--rounds`` times: a copy of
the seed articles, ``Review.open`` of a new session, a first save, then ``--marks`` calls of ``Review.mark``
(59 claims, verdicts confirmed / disputed / unreviewed in turn: every call changes its claim), each timed by
the calling thread's CPU time and by the wall clock. Since round 36 a mark also appends its line to the session's
journal (``session.journal``: one ``write`` on this thread, the ``fdatasync`` in a thread of its own); the
line holds one step's records, so the cost does not grow with the session.
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

CHILD = r"""
import json, sys, time
from pathlib import Path
from factcheck.review import Review
r = Review.open(Path(sys.argv[1]), [sys.argv[2]])
ids = [c.id for c in r.corpus.all_claims()][:59]
r.save()
cpu, wall = [], []
for i in range(int(sys.argv[3])):
    t0, c0 = time.perf_counter(), time.thread_time()
    r.mark(ids[i % len(ids)], ("confirmed", "disputed", "unreviewed")[i % 3])
    c1, t1 = time.thread_time(), time.perf_counter()
    cpu.append((c1 - c0) * 1000)
    wall.append((t1 - t0) * 1000)
r.save()
r.close()
print("RESULT " + json.dumps({"cpu": cpu, "wall": wall}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, required=True, help="the baseline tree (the round's start)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--marks", type=int, default=240)
    a = ap.parse_args()
    trees = {"base": a.base.resolve(), "this": ROOT}
    got: dict[str, dict[str, list[float]]] = {k: {"cpu": [], "wall": []} for k in trees}
    for _ in range(a.rounds):
        for name, tree in trees.items():
            tmp = Path(tempfile.mkdtemp(prefix="fc-mark-cost-"))
            try:
                shutil.copytree(ROOT / "seeds", tmp / "seeds")
                env = {**os.environ, "PYTHONPATH": str(tree)}
                p = subprocess.run(
                    [sys.executable, "-c", CHILD, str(tmp / "s.toml"), str(tmp / "seeds"), str(a.marks)],
                    env=env,
                    capture_output=True,
                    text=True,
                    cwd=tmp,
                    check=False,
                )
                line = next((x for x in p.stdout.splitlines() if x.startswith("RESULT ")), None)
                if line is None:
                    print(f"{name}: failed\n{p.stderr[-2000:]}", file=sys.stderr)
                    return 1
                d = json.loads(line[len("RESULT ") :])
                got[name]["cpu"] += d["cpu"]
                got[name]["wall"] += d["wall"]
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
    for name, tree in trees.items():
        cpu, wall = got[name]["cpu"], sorted(got[name]["wall"])
        print(
            f"{name} ({tree}): {len(cpu)} marks; CPU ms median {statistics.median(cpu):.3f}"
            f" mean {statistics.mean(cpu):.3f}; wall ms median {statistics.median(wall):.3f}"
            f" p90 {wall[int(len(wall) * 0.9)]:.3f} max {wall[-1]:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
