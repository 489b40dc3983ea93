"""Dates read with dateparser while real pages are read (``ingest.load``), on this tree beside a baseline tree:
how many pages still need dateparser, and whether every date read is the same. A page that needs it costs a
process its import and first call (~0.1 CPU s: what one changed article pays in a fresh process; printed
here beside the count), a page that does not, nothing.

    FACTCHECK_DATA=../shared/data /work/venv/bin/python bench/dateline_figures.py --baseline TREE
        [--dev DIR] [--held-out DIR] [--n N]

``--dev``: the 110 real pages of ../shared/data/realworld-dev/html (the pages the rule was looked for on);
``--held-out``: /work/trafi_extra/html (the other trafilatura evaluation pages; the first ``--n``). Per tree, in a
child process with the cache off: each page read alone, the calls of ``dates._dateparser_parse`` counted and the
article's publication and update dates kept; then, in a fresh process, the CPU seconds of reading one date in
figures ("08.03.2016") first. Printed per split: pages, pages that called dateparser and its calls in each
tree, and the pages whose dates differ between the trees (0 expected).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(pages: list[Path]) -> dict[str, list[object]]:
    """(In the child: this tree's code) per page, [dateparser calls, publication date, update date]."""
    from factcheck import cache, dates, ingest

    calls = [0]
    real = dates._dateparser_parse

    def counting(*a: object) -> object:
        calls[0] += 1
        return real(*a)  # type: ignore[arg-type]

    dates._dateparser_parse = counting  # type: ignore[assignment]
    store = cache.Cache(enabled=False)
    out: dict[str, list[object]] = {}
    for page in pages:
        dates._parse.cache_clear()
        calls[0] = 0
        batch = ingest.load([page], cache=store)
        arts = batch.articles
        got = [str(a.published) + "|" + str(getattr(a, "updated", None)) for a in arts]
        out[page.name] = [calls[0], got]
    return out


def first_read_cpu() -> float:
    """(In a fresh child) CPU seconds of reading one date in figures first, factcheck already imported."""
    import time

    from factcheck import dates, ingest  # noqa: F401  # (what a process reading an article has imported)

    t = time.process_time()
    dates.parse_date_text("08.03.2016", languages=["de", "en"])
    return time.process_time() - t


def child(tree: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(tree), "FACTCHECK_NO_CACHE": "1"}
    done = subprocess.run(
        [sys.executable, __file__, *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", type=Path)
    ap.add_argument("--dev", type=Path, default=None)
    ap.add_argument("--held-out", type=Path, default=Path("/work/trafi_extra/html"))
    ap.add_argument("--n", type=int, default=844)
    ap.add_argument("--child", nargs="*")
    ap.add_argument("--first-read", action="store_true")
    args = ap.parse_args()
    if args.first_read:
        print(json.dumps(first_read_cpu()))
        return 0
    if args.child is not None:
        print(json.dumps(measure([Path(p) for p in args.child])))
        return 0
    if args.baseline is None:
        ap.error("--baseline TREE is needed")
    sys.path.insert(0, str(ROOT / "bench"))
    from extract import data_dir

    dev = args.dev or data_dir() / "realworld-dev" / "html"
    splits = {
        "development (realworld-dev)": sorted(dev.glob("*.html")),
        "held out (trafi_extra)": sorted(args.held_out.glob("*.html"))[: args.n],
    }
    trees = {"this tree": ROOT, "baseline": args.baseline.resolve()}
    for name, pages in splits.items():
        got = {t: json.loads(child(tree, "--child", *map(str, pages))) for t, tree in trees.items()}
        mine, base = got["this tree"], got["baseline"]
        differ = [p for p in mine if mine[p][1] != base[p][1]]
        print(f"{name}: {len(pages)} pages")
        for t in trees:
            used = [p for p, (n, _d) in got[t].items() if n]
            calls = sum(n for n, _d in got[t].values())
            print(f"  {t}: pages that call dateparser {len(used)}, calls {calls}")
        print(f"  pages whose dates differ between the trees: {len(differ)} {differ[:5]}")
    for t, tree in trees.items():
        runs = sorted(float(child(tree, "--first-read")) for _ in range(3))
        print(f"first date in figures read in a fresh process, {t}: {runs[1]:.3f} CPU s (median of 3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
