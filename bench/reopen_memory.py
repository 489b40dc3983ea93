"""What the grouping state's storage costs a changed article's regrouping, in process: the regrouping after an
edit with last run's state read back from the cache (as a fresh ``extract --json`` process does it) beside the
same regrouping with last run's state kept in memory (as the review TUI keeps it), on this tree beside a
baseline tree in the same run. The difference bounds what any other way of storing the state (read lazily, by
article, by delta) can save; what the in-memory regrouping costs, its save aside, is what no storage design
removes.

    FACTCHECK_DATA=../shared/data /work/venv/bin/python bench/reopen_memory.py [--n 1000] [--baseline TREE]

Each tree gets its own copy of bench/reopen.py's batch (``--n`` ECB+ articles plus the 110 real pages) and its
own cache, filled by a cold run; the two trees run at the same time (same machine load), each in a child
process that imports its own code. Per run, in that process, from a copy of the filled cache: a first edit of
``reopen_changed.BODY_ARTICLE`` (the first of ``CHANGED_LINES`` appended), read and regrouped (state read from
the cache), then a second edit (the second line), read (``build(group=False)``) and regrouped
(``pipeline.regroup``, timed by step with bench/reopen_steps.py's ``STEPS``): ``cache``, a fresh corpus whose
state is read back from the cache; ``memory``, the first edit's corpus state given to the second's corpus. The
two modes alternate, ``RUNS`` times each (the articles' digests are made again by ``regroup`` in both: ``build``
gives them to its own regrouping). Printed per step: medians of CPU seconds and every run; whether the groups are the same in
both modes and a digest of them (the same in both trees when both group alike).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from reopen_changed import BODY_ARTICLE, CHANGED_LINES, run_trees  # noqa: E402

RUNS = 3  # runs per mode
MODES = ("cache", "memory")
# The steps printed (labels of bench/reopen_steps.py's ``STEPS``), in this order.
SHOWN = (
    "regroup",
    "state read",
    "· its rows (SQL, zlib, JSON)",
    "· its pieces checked and made",
    "group_claims",
    "· features placed in the batch",
    "· stories",
    "· edges of the changed parts",
    "·· claims' words read",
    "·· parts' edges read",
    "· parts clustered",
    "· groups made or reused",
    "state saved",
    "groups stored",
    "content keys set",
    "groups set on the claims",
)


def _groups_digest(groups: list[Any]) -> str:
    return hashlib.blake2b(
        json.dumps([g.to_json() for g in groups], sort_keys=True).encode(), digest_size=8
    ).hexdigest()


def measure(tree: Path, n: int) -> None:
    sys.path[:0] = [str(tree), str(tree / "bench")]  # (this child measures the tree's own code)
    from extract import corpus, write_reopen_batch
    from reopen_steps import STEPS, time_steps

    from factcheck import cache, pipeline

    runs = RUNS
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-reopen-memory-"))
    try:
        folder = tmp / "batch"
        write_reopen_batch(folder, corpus(n))
        filled = tmp / "filled.sqlite3"
        store = cache.Cache(filled)
        pipeline.build([str(folder)], cache=store)  # cold: every article extracted, the batch grouped
        store.close()
        one = folder / BODY_ARTICLE
        text = one.read_text(encoding="utf-8")
        spent: dict[str, float] = {}
        time_steps(STEPS, spent)
        got: dict[str, list[dict[str, float]]] = {m: [] for m in MODES}
        digests: dict[str, set[str]] = {m: set() for m in MODES}
        for _r in range(runs):
            for mode in MODES:
                work = tmp / f"cache-{mode}.sqlite3"
                shutil.copy(filled, work)
                store = cache.Cache(work)
                one.write_text(text + f"\n\n{CHANGED_LINES[0]}\n", encoding="utf-8")
                first = pipeline.build([str(folder)], cache=store)
                one.write_text(text + f"\n\n{CHANGED_LINES[0]}\n\n\n{CHANGED_LINES[1]}\n", encoding="utf-8")
                second = pipeline.build([str(folder)], group=False, cache=store)
                if mode == "memory":
                    second.grouping_state = first.grouping_state
                spent.clear()
                pipeline.regroup(second, cache=store)
                store.close()
                got[mode].append(dict(spent))
                digests[mode].add(_groups_digest(second.groups))
        one.write_text(text, encoding="utf-8")
        print(f"  {len(list(folder.iterdir()))} articles; {runs} runs per mode; CPU s, medians (every run)")
        print(f"  {'step':<34}" + "".join(f"{m:>30}" for m in MODES) + f"{'cache - memory':>16}")
        for label in SHOWN:
            cells, meds = [], []
            for mode in MODES:
                vals = [s.get(label, 0.0) for s in got[mode]]
                meds.append(statistics.median(vals))
                cells.append(f"{meds[-1]:7.3f} ({' '.join(f'{v:.3f}' for v in vals)})")
            print(f"  {label:<34}" + "".join(f"{c:>30}" for c in cells) + f"{meds[0] - meds[1]:+16.3f}")
        mem = [s.get("regroup", 0.0) - s.get("state saved", 0.0) for s in got["memory"]]
        print(
            f"  memory, its save aside (what no storage of the state removes): {statistics.median(mem):.3f}"
        )
        same = len(digests["cache"] | digests["memory"]) == 1
        print(f"  groups the same in both modes and every run: {'yes' if same else 'NO'}")
        print(f"  groups after the second edit {sorted(digests['cache'] | digests['memory'])}")
        sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    return run_trees(
        __file__,
        __doc__.splitlines()[0],
        measure,
        "  groups after the second edit ",
        "groups after the second edit",
    )


if __name__ == "__main__":
    sys.exit(main())
