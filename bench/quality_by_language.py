"""Claims on real articles by language: ``bench/extract_quality.py``'s real-article figures of the splits in other
languages than English (``dev9``, ``dev9h``), per split and language, for one or two code trees.

Each page's language is its record's ``language``. For each tree (``PYTHONPATH=TREE``, in a process of its own,
with that tree's ``bench/extract_quality.py``), the labels of those splits are scored per (split, language) as
extract_quality scores a split: among the claims shown by default, the precision and recall of check-worthy
claims, speaker right, times right and required times found, and the naive baseline (every body sentence
shown). Only counts are printed, never a claim: ``dev9h`` is held out. The tree given with ``--base`` must hold
the fixtures (a copy of this checkout with its ``factcheck/`` replaced by the base's).

    python bench/quality_by_language.py [--base TREE] [--splits dev9 dev9h]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_WORKER = r"""
import json, sys, tempfile, tomllib
from pathlib import Path
sys.path.insert(0, "bench")
import extract_quality as q

splits = sys.argv[1].split(",")
labels = tomllib.loads((q.REALWORLD / "labels.toml").read_text(encoding="utf-8"))
groups = {}
entries = []
for e in labels["article"]:
    if e["split"] not in splits:
        continue
    rec = json.loads((q.REALWORLD / "articles" / e["file"]).read_text(encoding="utf-8"))
    name = e["split"] + "/" + (rec.get("language") or "?")
    groups[name] = None
    entries.append(dict(e, split=name))


def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(x)}" for k, x in v.items()) + " }"
    return json.dumps(v, ensure_ascii=False)


with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp)
    (root / "articles").symlink_to(q.REALWORLD / "articles")
    lines = []
    for e in entries:
        lines.append("[[article]]")
        lines += [f"{k} = {toml_value(v)}" for k, v in e.items()]
        lines.append("")
    (root / "labels.toml").write_text("\n".join(lines), encoding="utf-8")
    q.REALWORLD = root
    out = {}
    for name in sorted(groups):
        sh, nv = q.evaluate_real(name, "shown"), q.evaluate_real(name, "naive")
        out[name] = {
            "pages": sum(1 for e in entries if e["split"] == name),
            "shown": [sh.shown_ok, sh.shown], "recall": [sh.found, sh.labelled],
            "speaker": [sh.sp_right, sh.sp_total], "times": [sh.t_right, sh.t_pred],
            "found": [sh.t_found, sh.t_gold], "naive": [nv.shown_ok, nv.shown],
        }
json.dump(out, sys.stdout)
"""


def measure(tree: Path, splits: list[str]) -> dict[str, dict[str, list[int]]]:
    tree = tree.resolve()
    got = subprocess.run(
        [sys.executable, "-c", _WORKER, ",".join(splits)],
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "FACTCHECK_NO_CACHE": "1"},
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(got)


def cell(pair: list[int]) -> str:
    a, b = pair
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", type=Path, help="a code tree to measure beside this one, in the same run")
    ap.add_argument("--splits", nargs="+", default=["dev9", "dev9h"])
    args = ap.parse_args()
    trees = [("this", HERE.parent)] + ([("base", args.base)] if args.base else [])
    results = {label: measure(tree, args.splits) for label, tree in trees}
    cols = ("shown", "recall", "speaker", "times", "found", "naive")
    heads = ("precision", "recall", "speaker right", "times right", "times found", "naive precision")
    print(f"{'split/language':<14} {'tree':<5} {'pages':>5}  " + "  ".join(f"{h:<14}" for h in heads))
    for name in results["this"]:
        for label, _ in trees:
            r = results[label].get(name)
            if r is not None:
                cells = "  ".join(f"{cell(r[c]):<14}" for c in cols)
                print(f"{name:<14} {label:<5} {r['pages']:>5}  {cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
