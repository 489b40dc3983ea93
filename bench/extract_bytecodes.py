"""Python bytecodes executed per function of the package while extracting claims: where a cost comes from.

``bench/extract_instructions.py`` counts machine instructions per stage (callgrind cannot tell one Python
function from another); this counts, for each code tree, the bytecodes each function of ``factcheck/``
executes in ``extract.extract`` over the first ``--n`` articles of ``bench/extract.py``'s corpus (a
``sys.settrace`` opcode trace: load-independent and deterministic, but slow, and blind to the work of C code
such as a regular expression's scan). With two trees it prints the totals and the functions whose counts
differ most: what a change adds or saves, function by function. As in ``bench/extract.py``, the articles go
through the pipeline once before the counted pass (first-use costs out); each tree runs in its own process
(``PYTHONPATH=TREE``).

    python bench/extract_bytecodes.py BASE_TREE TREE [--n 100] [--top 15]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

HERE = Path(__file__).resolve().parent


def child(tree: Path, n: int) -> None:
    """Runs in the tree's process: prints {"file:function": bytecodes} of the counted pass as JSON."""
    sys.path.insert(0, str(tree))
    sys.path = [p for p in sys.path if Path(p or ".").resolve() != HERE]
    from factcheck import extract, ingest, temporal  # the tree's package, imported before the bench's

    sys.path.append(str(HERE))
    import extract as bench  # bench/extract.py: its corpus

    texts = bench.corpus(n)
    arts = [ingest.article_from_text(t, path=f"a{i}.txt", key=f"a{i}") for i, t in enumerate(texts)]
    times = [temporal.tag(a.text, a.published) for a in arts]
    for a, tm in zip(arts, times, strict=True):
        extract.extract(a, times=tm)
    counts: Counter[str] = Counter()

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        path = frame.f_code.co_filename
        if f"{os.sep}factcheck{os.sep}" not in path:
            return None
        frame.f_trace_opcodes = True
        key = f"{Path(path).name}:{frame.f_code.co_name}"

        def local(frame: FrameType, event: str, arg: Any) -> Any:
            if event == "opcode":
                counts[key] += 1
            return local

        return local

    sys.settrace(tracer)
    for a, tm in zip(arts, times, strict=True):
        extract.extract(a, times=tm)
    sys.settrace(None)
    print(json.dumps(counts))


def run(tree: Path, n: int) -> Counter[str]:
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    cmd = [sys.executable, str(Path(__file__).resolve()), f"--child={tree}", f"--n={n}"]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        sys.exit(f"extract_bytecodes: {tree} failed: {res.stderr[-800:]}")
    return Counter(json.loads(res.stdout))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trees", nargs="*", type=Path)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child.resolve(), args.n)
        return 0
    if not 1 <= len(args.trees) <= 2:
        ap.error("give one code tree, or a base tree and a tree")
    got = [run(t.resolve(), args.n) for t in args.trees]
    for tree, c in zip(args.trees, got, strict=True):
        print(f"{tree}: {sum(c.values()):,} bytecodes in factcheck/ over {args.n} articles")
    if len(got) == 2:
        base, new = got
        total = sum(base.values())
        print(
            f"difference: {sum(new.values()) - total:+,} ({100 * (sum(new.values()) - total) / total:+.2f}%)"
        )
        diff = sorted(((new[k] - base[k], k) for k in set(base) | set(new)), key=lambda x: -abs(x[0]))
        for d, k in diff[: args.top]:
            if d:
                print(f"  {d:+10,}  {k}  ({base[k]:,} -> {new[k]:,})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
