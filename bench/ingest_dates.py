"""Publication dates of saved web pages: the product's date of each page against the date its evaluation gives.

Data: a folder in trafilatura's evaluation format (``DIR/html/*.html`` and ``DIR/evaldata_extra.json`` or
``DIR/evaldata.json``: url -> {file, date, ...}), such as the lead's export of trafilatura's evaluation pages
(/work/trafi_extra, outside the repo). Each page is read as ``factcheck`` reads a saved ``.html`` file
(trafilatura, then the ingest's own fallbacks: the text's dateline, a date in the URL), with no cache.

Per half (sha1("extra:" + file) % 2, the split of ``bench/ingest.py``: half A may be studied, half B is the
clean figure, aggregate only):
- right: the page's date is the evaluation's;
- wrong: another date;
- given where the evaluation has none: the evaluation gives no date for the page (a shop, an "about" page, a
  wiki), the product gives one; of them, on 1 January (a year read as a day: "© 2020" -> 2020-01-01);
- missing: the evaluation has a date, the product none.
``--base TREE`` measures a second code tree in a child process in the same run. ``--list`` prints half A's
pages whose figure differs between the trees (never half B's).

    FACTCHECK_DATA=... python bench/ingest_dates.py --extra /work/trafi_extra [--base /tmp/base18] [--list]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KINDS = (
    "right",
    "wrong",
    "given where the evaluation has none",
    "  of them on 1 January",
    "missing",
    "neither",
)


def half(name: str) -> str:
    return "B" if int(hashlib.sha1(("extra:" + name).encode()).hexdigest(), 16) % 2 else "A"


def measure(folder: Path, tree: Path) -> dict[str, dict[str, object]]:
    sys.path.insert(0, str(tree))
    os.environ["FACTCHECK_NO_CACHE"] = "1"
    from factcheck import ingest

    meta = folder / "evaldata_extra.json"
    evaldata = json.loads((meta if meta.is_file() else folder / "evaldata.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, object]] = {}
    for entry in sorted(evaldata.values(), key=lambda e: e["file"]):
        page = folder / "html" / entry["file"]
        if not page.is_file():
            continue
        gold = str(entry.get("date") or "")[:10]
        batch = ingest.load([page])
        got = (
            batch.articles[0].published.isoformat() if batch.articles and batch.articles[0].published else ""
        )
        out[entry["file"]] = {"half": half(entry["file"]), "gold": gold, "got": got}
    return out


def kind(gold: str, got: str) -> str:
    if gold and got:
        return "right" if gold == got else "wrong"
    if got:
        return "given where the evaluation has none"
    return "missing" if gold else "neither"


def counts(pages: dict[str, dict[str, object]], h: str) -> dict[str, int]:
    c = dict.fromkeys(KINDS, 0)
    for p in pages.values():
        if p["half"] != h:
            continue
        k = kind(str(p["gold"]), str(p["got"]))
        c[k] += 1
        if k == KINDS[2] and str(p["got"]).endswith("-01-01"):
            c[KINDS[3]] += 1
    return c


def trees_measured(
    script: str, folder: Path, args: argparse.Namespace, measure: Callable[[Path, Path], dict[str, Any]]
) -> tuple[dict[str, Any], dict[str, Any] | None, float] | None:
    """``measure`` of this tree (``args.tree``) and its CPU seconds, and of ``args.base`` in a child process of
    ``script`` (run with ``--json``); None in that child, which prints its figures as JSON instead."""
    t0 = time.process_time()
    this = measure(folder, Path(args.tree))
    if args.json:
        json.dump(this, sys.stdout)
        return None
    cpu = time.process_time() - t0
    base = None
    if args.base:
        child = subprocess.run(
            [sys.executable, script, "--extra", str(folder), "--tree", args.base, "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
        base = json.loads(child.stdout)
    return this, base, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extra", required=True, metavar="DIR", help="html/ and evaldata_extra.json")
    ap.add_argument("--base", metavar="TREE", help="a second code tree measured in the same run")
    ap.add_argument(
        "--list", action="store_true", help="half A's pages whose figure differs between the trees"
    )
    ap.add_argument("--tree", default=str(ROOT), help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    folder = Path(args.extra)
    if not (folder / "html").is_dir():
        sys.exit(f"bench/ingest_dates.py: no html/ folder in {folder}")
    got = trees_measured(__file__, folder, args, measure)
    if got is None:
        return 0
    this, base, cpu = got
    print(f"publication dates of {len(this)} saved pages ({folder}); this tree {args.tree} ({cpu:.0f} CPU s)")
    for h in ("A", "B"):
        mine = counts(this, h)
        theirs = counts(base, h) if base else None
        print(
            f"\nhalf {h} ({'development' if h == 'A' else 'clean: aggregate only'}), {sum(mine[k] for k in KINDS if not k.startswith(' '))} pages"
        )
        for k in KINDS:
            print(f"  {k:<40}{mine[k]:>5}" + (f"   base {theirs[k]:>5}" if theirs else ""))
    if args.list and base:
        print("\nhalf A, pages whose date differs between the trees (evaluation / this tree / base):")
        for name, p in this.items():
            if p["half"] == "A" and p["got"] != base.get(name, {}).get("got"):
                print(f"  {name}: {p['gold'] or '-'} / {p['got'] or '-'} / {base[name]['got'] or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
