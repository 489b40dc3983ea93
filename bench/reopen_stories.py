"""The stories step of a regrouping after one edit, in process, on this tree beside a baseline tree: what each
part of ``stories._doc_clusters`` costs and how many articles' TF-IDF vectors each makes (each vector reads
that article's term counts), per edit of a body article of bench/reopen.py's batch.

    FACTCHECK_DATA=../shared/data /work/venv/bin/python bench/reopen_stories.py [--n 1000] [--edits 5]
        [--baseline TREE]

Each tree gets its own copy of the batch (``--n`` ECB+ articles plus the 110 real pages) and its own cache,
filled by a cold ``extract --json`` (the trees at once). Then, per tree in a child process of its own code:
the batch regrouped once unchanged (untimed), and ``--edits`` times one of ``reopen_changed.CHANGED_LINES``
appended to ``reopen_changed.BODY_ARTICLE`` and the batch regrouped as a fresh process does it (the state
read, ``group_claims``, the state saved), with CPU timers on ``group_claims`` and on the stories' steps
(``_doc_clusters`` whole; inside it ``_split_stories``, ``_attach_strays``, ``_merge_stories``) and a count of
the article vectors made, by the function that first asked for each. The last regrouping is compared with one
from scratch.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

TIMED = (  # (label, module, attribute)
    ("group_claims", "factcheck.grouping", "group_claims"),
    ("stories", "factcheck.grouping.cluster", "_doc_clusters"),
    ("· split", "factcheck.grouping.stories", "_split_stories"),
    ("· strays attached", "factcheck.grouping.stories", "_attach_strays"),
    ("· stories merged", "factcheck.grouping.stories", "_merge_stories"),
)


def edits(folder: Path, cache_path: Path, n_edits: int) -> list[dict[str, Any]]:
    """(In the child: the tree's code) per edit, the CPU seconds of ``TIMED`` and the vectors made by caller."""
    import importlib
    import traceback

    from reopen_changed import BODY_ARTICLE, CHANGED_LINES

    from factcheck import cache, grouping, pipeline
    from factcheck.grouping import stories

    spent: dict[str, float] = {}
    made: Counter[str] = Counter()
    for label, module, attr in TIMED:
        owner: Any = importlib.import_module(module)
        f = getattr(owner, attr)

        def timed(*a: Any, _f: Any = f, _label: str = label, **k: Any) -> Any:
            t = time.process_time()
            try:
                return _f(*a, **k)
            finally:
                spent[_label] = spent.get(_label, 0.0) + time.process_time() - t

        setattr(owner, attr, functools.wraps(f)(timed))
    get = stories._DocVectors.__getitem__

    def counted(self: Any, d: int) -> Any:
        if d not in self.made:
            names = [
                x.name for x in traceback.extract_stack(limit=6)[:-1] if x.filename.endswith("stories.py")
            ]
            made[names[-1] if names else "?"] += 1
        return get(self, d)

    stories._DocVectors.__getitem__ = counted  # type: ignore[method-assign]

    def regroup() -> tuple[Any, Any]:
        store = cache.Cache(cache_path)
        corpus = pipeline.build([str(folder)], group=False, cache=store)
        with pipeline.collector_paused():
            state = pipeline.load_grouping_state(corpus, store)
            pipeline.with_content_keys(corpus, state)
            groups = grouping.group_claims(
                corpus.all_claims(), {a.key: a for a in corpus.articles}, state=state
            )
            assert state is not None
            pipeline.save_grouping_state(corpus, store, state)
        store.close()
        return corpus, groups

    regroup()
    one = folder / BODY_ARTICLE
    out: list[dict[str, Any]] = []
    for line in CHANGED_LINES[:n_edits]:
        one.write_text(one.read_text(encoding="utf-8") + f"\n\n{line}\n", encoding="utf-8")
        spent.clear()
        made.clear()
        corpus, groups = regroup()
        out.append({"cpu": dict(spent), "made": dict(made)})
    with pipeline.collector_paused():
        scratch = grouping.group_claims(corpus.all_claims(), {a.key: a for a in corpus.articles})
    out[-1]["same"] = [g.to_json() for g in groups] == [g.to_json() for g in scratch]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="ECB+ articles (the 110 real pages come on top)")
    ap.add_argument("--edits", type=int, default=5, help="edits measured per tree (at most 5)")
    ap.add_argument("--baseline", type=Path, help="another tree measured in the same run")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    sys.path[:0] = [str(ROOT / "bench")]
    if args.child:
        print(json.dumps(edits(Path(args.child[0]), Path(args.child[1]), args.edits)))
        return 0
    from extract import corpus, write_reopen_batch

    trees = [ROOT] + ([args.baseline.resolve()] if args.baseline else [])
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-reopen-stories-"))
    try:
        texts = corpus(args.n)
        setups = []
        for k, tree in enumerate(trees):
            folder = tmp / f"batch{k}"
            write_reopen_batch(folder, texts)
            cache_path = tmp / f"cache{k}" / "cache.sqlite3"
            env = {**os.environ, "FACTCHECK_CACHE": str(cache_path), "PYTHONPATH": str(tree)}
            setups.append((tree, folder, cache_path, env))
        cold = [
            subprocess.Popen(
                [sys.executable, "-m", "factcheck", "extract", str(folder), "--json"],
                env=env,
                cwd=tree,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for tree, folder, _c, env in setups
        ]
        for proc in cold:
            proc.wait()
        results = []
        for _tree, folder, cache_path, env in setups:  # (one after the other: the same load for each)
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--edits",
                    str(args.edits),
                    "--child",
                    str(folder),
                    str(cache_path),
                ],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            results.append(json.loads(done.stdout.splitlines()[-1]))
        print(f"{len(texts) + 110} articles; edits of the body article, regrouped in process (CPU s)")
        for tree, res in zip(trees, results, strict=True):
            print(f"{'this tree' if tree == ROOT else 'baseline'} ({tree}):")
            for k, r in enumerate(res):
                cpu = ", ".join(f"{label} {r['cpu'].get(label, 0.0):.3f}" for label, _m, _a in TIMED)
                made = sum(r["made"].values())
                by = ", ".join(f"{f} {n}" for f, n in sorted(r["made"].items(), key=lambda x: -x[1]))
                print(f"  edit {k + 1}: {cpu}; vectors made {made} ({by})")
            print(f"  last edit regrouped as from scratch: {'yes' if res[-1]['same'] else 'NO'}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
