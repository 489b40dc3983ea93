"""Behaviour check for speed work: ``factcheck extract --json --all --no-cache`` output of two code trees.

Runs the CLI of each tree (``PYTHONPATH=<tree>``) on the same inputs and reports, per input set, whether the
outputs hold the same JSON (parsed and compared as data, so a change of layout alone, such as one compact line
per article, is no difference). The sets: seeds/, tests/fixtures (of the first tree), ``--ecb`` ECB+ documents
rebuilt as text the way bench/extract.py builds its corpus (written to a temporary folder), and the
realworld-dev JSON records and HTML pages (../shared/data, or env FACTCHECK_DATA).

    python bench/extract_identity.py /tmp/base_tree . [--ecb 300] [--keep OUTDIR]

Exit code 0 when every set is identical, 1 otherwise (the differing sets are listed, with the first
differing line).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from extract import data_dir, doc_text  # noqa: E402  (bench/extract.py: the bench's corpus builder)


def ecb_texts(folder: Path, n: int) -> Path:
    """The first ``n`` ECB+ documents (topics and files sorted) as .txt files in ``folder``."""
    base = data_dir() / "ecbplus-dev" / "docs"
    docs = sorted(base.glob("*/*.xml"), key=lambda p: (p.parent.name, p.name))[:n]
    folder.mkdir(parents=True, exist_ok=True)
    for p in docs:
        (folder / f"{p.parent.name}_{p.stem}.txt").write_text(doc_text(p), encoding="utf-8")
    return folder


def run(tree: Path, paths: list[Path]) -> bytes:
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    cmd = [sys.executable, "-m", "factcheck", "extract", "--json", "--all", "--no-cache", *map(str, paths)]
    res = subprocess.run(cmd, env=env, capture_output=True, cwd=tree, check=False)
    if res.returncode != 0:
        sys.exit(f"extract_identity: {tree} failed on {paths[0]}: {res.stderr.decode()[-500:]}")
    return res.stdout


def canonical(raw: bytes) -> str:
    """The output's JSON laid out one way (indented, keys in their order) for a line-by-line comparison."""
    return json.dumps(json.loads(raw), indent=1, ensure_ascii=False)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--ecb", type=int, default=300)
    ap.add_argument("--keep", type=Path, help="write each output here as <set>.<before|after>.json")
    args = ap.parse_args()
    before, after = args.before.resolve(), args.after.resolve()
    rw = data_dir() / "realworld-dev"
    with tempfile.TemporaryDirectory() as tmp:
        sets = {
            "seeds": [before / "seeds"],
            "fixtures": [before / "tests" / "fixtures"],
            "ecbplus": [ecb_texts(Path(tmp) / "ecb", args.ecb)],
            "realworld-json": [rw / "json"],
            "realworld-html": [rw / "html"],
        }
        bad = 0
        for name, paths in sets.items():
            a, b = run(before, paths), run(after, paths)
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"{name}.before.json").write_bytes(a)
                (args.keep / f"{name}.after.json").write_bytes(b)
            ca, cb = canonical(a), canonical(b)
            if ca == cb:
                print(f"{name}: identical ({len(ca):,} characters of indented JSON)")
                continue
            bad += 1
            la, lb = ca.splitlines(), cb.splitlines()
            k = next(
                (i for i, (x, y) in enumerate(zip(la, lb, strict=False)) if x != y), min(len(la), len(lb))
            )
            print(f"{name}: DIFFERENT at line {k + 1}")
            print(f"  before: {la[k][:300] if k < len(la) else '<end>'!r}")
            print(f"  after:  {lb[k][:300] if k < len(lb) else '<end>'!r}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
