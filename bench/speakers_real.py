"""Speakers on the real-article labelled splits: correct / wrong / missing, per split, for one or two code trees.

A wrong speaker is worse than none, so ``bench/extract_quality.py``'s "speaker right" figure is split here
into its parts, over the labelled claims shown by default (score >= model.DEFAULT_MIN_SCORE) whose speaker is
labelled or predicted (``speaker_any`` left out), as extract_quality counts them:

- correct: the labelled speaker (``extract_quality.same_speaker``);
- wrong: another speaker than the labelled one;
- spurious: a speaker where the article speaks in its own voice;
- missing: no speaker where one is labelled.

With ``--base TREE`` the same figures of that code tree are printed beside them, measured in the same run
(each tree in its own process, ``PYTHONPATH=TREE``). ``-v`` lists the claims whose speaker is not correct
(do not list the fresh split while tuning).

    python bench/speakers_real.py [--base /tmp/base_tree] [--only SPLIT ...] [-v]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SPLITS = ("dev", "dev2", "dev3", "heldout", "ecb", "dev4", "fresh")


def measure(tree: Path, splits: list[str]) -> dict[str, dict[str, Any]]:
    """Counts and misses per split, for the code tree ``tree`` (imported before extract_quality, which puts
    this tree on the path)."""
    sys.path.insert(0, str(tree))
    from factcheck import extract, ingest
    from factcheck.model import DEFAULT_MIN_SCORE

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from extract_quality import REALWORLD, same_speaker

    labels = tomllib.loads((REALWORLD / "labels.toml").read_text(encoding="utf-8"))
    out: dict[str, dict[str, Any]] = {}
    for split in splits:
        res: dict[str, Any] = {"correct": 0, "wrong": 0, "spurious": 0, "missing": 0, "misses": []}
        for entry in labels["article"]:
            if entry["split"] != split:
                continue
            batch = ingest.load([str(REALWORLD / "articles" / entry["file"])])
            art = batch.articles[0]
            titles = [sg for sg in art.segments if sg.kind == "title"]
            claims = [
                c
                for c in extract.extract(art)
                if c.score >= DEFAULT_MIN_SCORE
                and not any(sg.start <= c.start and c.end <= sg.end for sg in titles)
            ]
            for g in entry.get("claim", []):
                c = next((c for c in claims if g["m"] in c.text), None)
                if c is None or g.get("speaker_any"):
                    continue
                gs = g.get("speaker")
                if gs and c.speaker and same_speaker(c.speaker, gs):
                    res["correct"] += 1
                    continue
                what = "wrong" if gs and c.speaker else "spurious" if c.speaker else "missing" if gs else None
                if what is None:
                    continue
                res[what] += 1
                res["misses"].append(
                    f"{entry['file']}: {what}: {c.speaker!r} (labelled {gs!r}): {g['m'][:80]}"
                )
        out[split] = res
    return out


def run_tree(tree: Path, splits: list[str]) -> dict[str, dict[str, Any]]:
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    cmd = [sys.executable, str(Path(__file__).resolve()), f"--json={tree}", *[f"--only={s}" for s in splits]]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tree, check=False)
    if res.returncode != 0:
        sys.exit(f"speakers_real: {tree} failed: {res.stderr[-800:]}")
    got: dict[str, dict[str, Any]] = json.loads(res.stdout)
    return got


def line(r: dict[str, Any]) -> str:
    total = r["correct"] + r["wrong"] + r["spurious"] + r["missing"]
    acc = f"{r['correct'] / total:.2f}" if total else "n/a"
    return f"{acc} ({r['correct']}/{total}): wrong {r['wrong']}, spurious {r['spurious']}, missing {r['missing']}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, help="a second code tree, measured in the same run")
    ap.add_argument("--only", action="append", choices=SPLITS)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", type=Path, help=argparse.SUPPRESS)  # (one tree's figures, in a child process)
    args = ap.parse_args()
    splits = args.only or list(SPLITS)
    if args.json:
        print(json.dumps(measure(args.json, splits)))
        return 0
    new = run_tree(ROOT, splits)
    base = run_tree(args.base.resolve(), splits) if args.base else None
    print("speaker right on the labelled claims shown: correct/total, then the speakers that are not right")
    for split in splits:
        print(f"  {split:<8} {line(new[split])}")
        if base is not None:
            print(f"  {'  base':<8} {line(base[split])}")
        if args.verbose:
            for m in new[split]["misses"]:
                print("      " + m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
