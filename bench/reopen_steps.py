"""What one changed article costs over warm, step by step, in fresh processes: ``extract --json`` on the
bench/reopen.py batch (``--n`` ECB+ articles plus the 110 real pages), warm and then after one more edit of
a body article, with CPU timers around the steps of the build, on this tree beside a baseline tree.

    FACTCHECK_DATA=../shared/data /work/venv/bin/python bench/reopen_steps.py [--n 1000] [--edits 3]
        [--baseline TREE]

Each tree gets its own copy of the batch and its own cache, filled by a cold run (the trees at once); then,
``--edits`` times, alternately per tree: a warm run, one line appended to ``reopen_changed.BODY_ARTICLE`` (the
lines of ``reopen_changed.CHANGED_LINES``, the same in both trees), a run after the change. Every run is
``python -m factcheck extract FOLDER --json`` as a user runs it, in a fresh process whose functions below
are wrapped with CPU timers (``--probe``: the tree's own code, looked up by name; a step a tree does not have
is left out). Printed per step: the median CPU seconds warm, after the change, and the difference.

The steps (each CPU seconds of the whole step, its inner steps included):
- ``import``: importing the CLI;
- ``read + extract``: ``pipeline.build`` but its regrouping: the batch read, its articles extracted as they
  come (claims from the cache) and, inside it: ``claims from the cache`` (``Cache.get_claims``), ``near-duplicates``
  (``_mark_near_duplicates``), ``the changed article's extraction`` (``_extract_one``: its own work and
  the extractor's first-use loads, the time tagger's rules) and ``the changed article read (ingest)``
  (``ingest._infer``: its lines classified, its dateline and byline read) with, inside it, ``its dates read by
  dateparser`` (``dates._dateparser_parse``: the import and first call of dateparser);
- ``regroup``: ``pipeline.regroup`` whole and, inside it: ``state read`` (``load_grouping_state``: its rows
  read, ``Cache.get_state``, and its pieces checked and made, ``state_from_pieces``), ``group_claims``,
  ``state saved`` (``save_grouping_state``: its rows written, ``Cache.put_state``), ``groups stored``
  (``Cache.put_groups``), ``content keys set`` (``with_content_keys``: each article's key for the state)
  and ``groups set on the claims`` (``set_groups``), the two batch-wide passes of ``regroup`` besides;
  inside ``group_claims`` (each looked up where ``group_claims`` calls it): the claims that may be grouped (``GroupingState.groupable_claims``), the features placed in the batch
  (``_claim_features``), the stories (``_doc_clusters``: its document frequencies, ``_df_update``, the article
  pairs told, ``_memo_pairs``, the linkage, the splits, the strays attached and the stories merged), the
  blocking postings (``_postings``: every key's claims, from scratch; after a change, those of the keys asked,
  ``_Postings.of``, its first call inside the next step), last run's pieces told apart from this run's
  (``_Reuse.__init__``), the
  edges of the changed parts (``_Reuse.edges``: with the claims' words read, ``read_words``, the pairs scored,
  ``_score_pairs``, and the reused parts' edges read, ``GroupingState.part_links``), the parts clustered
  (``_Reuse.clusters``: the parts clustered anew, their linkage, lone claims attached and members that
  earned their place), the groups made or taken from last run (``_Reuse.group``: those made,
  ``_make_group``) and the copies' groups (``with_copies``). What a per-article state could not avoid after
  one change is the changed article's own part of these: its features, its pairs scored, the parts it
  touches read, clustered anew and their groups made, and those pieces written;
- ``output``: the rest of the process (the JSON lines written);
- ``total``: the process.
"""

from __future__ import annotations

import argparse
import atexit
import functools
import importlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# (label, module, attribute): the steps timed in a probed process
STEPS = (
    ("build", "factcheck.pipeline", "build"),
    ("claims from the cache", "factcheck.cache", "Cache.get_claims"),
    ("near-duplicates", "factcheck.pipeline", "_Extraction._mark_near_duplicates"),
    ("the changed article's extraction", "factcheck.pipeline", "_extract_one"),
    ("the changed article read (ingest)", "factcheck.ingest", "_infer"),
    ("· its dates read by dateparser", "factcheck.dates", "_dateparser_parse"),
    ("regroup", "factcheck.pipeline", "regroup"),
    ("state read", "factcheck.pipeline", "load_grouping_state"),
    ("· its rows (SQL, zlib, JSON)", "factcheck.cache", "Cache.get_state"),
    ("· its pieces checked and made", "factcheck.grouping.state", "state_from_pieces"),
    ("group_claims", "factcheck.grouping", "group_claims"),
    ("· which claims, copies apart", "factcheck.grouping.state", "GroupingState.groupable_claims"),
    ("· features placed in the batch", "factcheck.grouping.cluster", "_claim_features"),
    ("· stories", "factcheck.grouping.cluster", "_doc_clusters"),
    ("·· document frequencies", "factcheck.grouping.stories", "_df_update"),
    ("·· article pairs told", "factcheck.grouping.stories", "_memo_pairs"),
    ("·· linkage", "factcheck.grouping.stories", "_average_linkage"),
    ("·· split", "factcheck.grouping.stories", "_split_stories"),
    ("·· strays attached", "factcheck.grouping.stories", "_attach_strays"),
    ("·· merged", "factcheck.grouping.stories", "_merge_stories"),
    ("· blocking postings", "factcheck.grouping.cluster", "_postings"),
    ("· blocking keys' claims found for the keys asked", "factcheck.grouping.cluster", "_Postings.of"),
    ("· last run's pieces told apart", "factcheck.grouping.cluster", "_Reuse.__init__"),
    ("· edges of the changed parts", "factcheck.grouping.cluster", "_Reuse.edges"),
    ("·· claims' words read", "factcheck.grouping.cluster", "read_words"),
    ("·· pairs scored", "factcheck.grouping.cluster", "_score_pairs"),
    ("·· parts' edges read", "factcheck.grouping.state", "GroupingState.part_links"),
    ("· parts clustered", "factcheck.grouping.cluster", "_Reuse.clusters"),
    ("·· linkage of the parts clustered anew", "factcheck.grouping.cluster", "_average_linkage"),
    ("·· their lone claims attached", "factcheck.grouping.cluster", "_attach_corroborated"),
    ("·· their members that earned a place", "factcheck.grouping.cluster", "_earned"),
    ("· groups made or reused", "factcheck.grouping.cluster", "_Reuse.group"),
    ("·· groups made", "factcheck.grouping.cluster", "_make_group"),
    ("· copies' groups", "factcheck.grouping.cluster", "with_copies"),
    ("state saved", "factcheck.pipeline", "save_grouping_state"),
    ("· its rows written", "factcheck.cache", "Cache.put_state"),
    ("groups stored", "factcheck.cache", "Cache.put_groups"),
    ("content keys set", "factcheck.pipeline", "with_content_keys"),
    ("groups set on the claims", "factcheck.pipeline", "set_groups"),
)


def time_steps(steps: tuple[tuple[str, str, str], ...], spent: dict[str, float]) -> None:
    """Wrap each ``(label, module, attribute)`` of ``steps`` in place so that its CPU seconds add up in
    ``spent[label]`` (a step called inside itself counts once); a step this tree lacks is left out."""

    def timed(label: str, f: Any) -> Any:
        depth = [0]

        @functools.wraps(f)
        def run(*a: Any, **k: Any) -> Any:
            if depth[0]:
                return f(*a, **k)
            depth[0] += 1
            t = time.process_time()
            try:
                return f(*a, **k)
            finally:
                depth[0] -= 1
                spent[label] = spent.get(label, 0.0) + time.process_time() - t

        return run

    for label, module, attr in steps:
        owner: Any = importlib.import_module(module)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part, None)
        if owner is not None and hasattr(owner, name):
            setattr(owner, name, timed(label, getattr(owner, name)))


def probe(out: Path, args: list[str]) -> None:
    """Run the CLI with ``args`` in this process (the tree on ``sys.path``), the ``STEPS`` timed; their CPU
    seconds are written to ``out`` as JSON at exit."""
    t0 = time.process_time()
    import factcheck.cli as cli

    spent: dict[str, float] = {"import": time.process_time() - t0}

    time_steps(STEPS, spent)

    def write() -> None:
        total = time.process_time() - t0
        spent["read + extract"] = spent.get("build", 0.0) - spent.get("regroup", 0.0)
        spent["output"] = total - spent["import"] - spent.get("build", 0.0)
        spent["total"] = total
        out.write_text(json.dumps(spent), encoding="utf-8")

    atexit.register(write)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115  # (the JSON lines: not measured here)
    cli.main(args)


def run(tree: Path, env: dict[str, str], folder: Path) -> dict[str, float]:
    """One probed ``extract FOLDER --json`` of ``tree`` in a fresh process: its steps' CPU seconds."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        out = Path(f.name)
    try:
        subprocess.run(
            [sys.executable, __file__, "--probe", str(out), "--", "extract", str(folder), "--json"],
            env={**env, "PYTHONPATH": str(tree)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        got: dict[str, float] = json.loads(out.read_text(encoding="utf-8"))
        return got
    finally:
        out.unlink(missing_ok=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="ECB+ articles (the 110 real pages come on top)")
    ap.add_argument("--edits", type=int, default=3, help="edits measured per tree (at most 5)")
    ap.add_argument("--baseline", type=Path, help="another tree measured in the same run")
    ap.add_argument("--probe", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.probe is not None:
        probe(args.probe, args.rest)
        return 0
    sys.path[:0] = [str(ROOT / "bench")]
    from extract import compile_tree, corpus, write_reopen_batch
    from reopen_changed import BODY_ARTICLE, CHANGED_LINES

    trees = [ROOT] + ([args.baseline.resolve()] if args.baseline else [])
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-reopen-steps-"))
    try:
        texts = corpus(args.n)
        setups = []
        for k, tree in enumerate(trees):
            compile_tree(tree)
            folder = tmp / f"batch{k}"
            write_reopen_batch(folder, texts)
            env = {**os.environ, "FACTCHECK_CACHE": str(tmp / f"cache{k}" / "cache.sqlite3")}
            setups.append((tree, folder, env))
        cold = [
            subprocess.Popen(
                [sys.executable, "-m", "factcheck", "extract", str(folder), "--json"],
                env={**env, "PYTHONPATH": str(tree)},
                cwd=tree,  # (``-m`` puts the working folder first on the path: the tree's code)
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for tree, folder, env in setups
        ]
        for proc in cold:
            proc.wait()
        runs: list[dict[str, list[dict[str, float]]]] = [{"warm": [], "changed": []} for _ in trees]
        for line in CHANGED_LINES[: args.edits]:
            for k, (tree, folder, env) in enumerate(setups):
                runs[k]["warm"].append(run(tree, env, folder))
                one = folder / BODY_ARTICLE
                one.write_text(one.read_text(encoding="utf-8") + f"\n\n{line}\n", encoding="utf-8")
                runs[k]["changed"].append(run(tree, env, folder))
        labels = ["import", "read + extract"] + [label for label, _m, _a in STEPS[1:]] + ["output", "total"]
        print(f"{len(texts) + 110} articles; {args.edits} edits of {BODY_ARTICLE} per tree, CPU s (medians)")
        print(f"{'step':<40}" + "".join(f"{'this tree' if t == ROOT else 'baseline':>30}" for t in trees))
        print(f"{'':<40}" + f"{'warm  changed  over warm':>30}" * len(trees))
        for label in labels:
            cells = []
            for k in range(len(trees)):
                w = statistics.median(r.get(label, 0.0) for r in runs[k]["warm"])
                c = statistics.median(r.get(label, 0.0) for r in runs[k]["changed"])
                cells.append(f"{w:10.2f}{c:9.2f}{c - w:+11.2f}")
            print(f"{label:<40}" + "".join(cells))
        for t, tree_runs in zip(trees, runs, strict=True):
            name = "this tree" if t == ROOT else "baseline"
            totals = " / ".join(
                f"{w['total']:.2f} + {c['total'] - w['total']:.2f}"
                for w, c in zip(tree_runs["warm"], tree_runs["changed"], strict=True)
            )
            print(f"{name} ({t}): each edit, warm + over warm: {totals}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
