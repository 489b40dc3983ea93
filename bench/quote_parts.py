"""Why splitting a claim into sentences moves the check-worthiness figures: the claims of one tree that another
tree splits into several claims (a quotation of several sentences), part by part.

For every hand-labelled real page (tests/fixtures/realworld, splits dev..dev4, heldout, ecb; never fresh), each
tree extracts every candidate claim in a child process (``PYTHONPATH=<tree>``, as ``bench/claims_diff.py``). A
claim of OLD that NEW covers with two claims or more is a "whole"; NEW's claims inside it are its "parts". Per
split it prints: wholes (shown by default / hidden), and the parts shown by their label (a part is "true" when
it holds a labelled check-worthy claim, "either" when it holds an either-way sentence, else "false"), grouped by
what the whole was: a true claim shown (its false parts were counted true before: the labels' per-sentence
matching), a false claim shown (each false part now counts), a claim hidden (a part scores above the threshold
the whole was under); and the parts shown that carry no speaker where the whole had one. With ``-v`` it lists
the shown parts.

    python bench/quote_parts.py OLD_TREE NEW_TREE [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from claims_diff import run_in_tree  # noqa: E402  (bench/claims_diff.py: a child Python on another tree)

SPLITS = ("dev", "dev2", "dev3", "dev4", "heldout", "ecb")

# run in the child process of each tree: one JSON line per claim (split, file, start, end, score, speaker, label, text)
_CHILD = r"""
import json, sys, tomllib
from pathlib import Path
from factcheck import extract, ingest
fixtures, splits = Path(sys.argv[1]), sys.argv[2].split(",")
real = tomllib.loads((fixtures / "realworld" / "labels.toml").read_text(encoding="utf-8"))
for entry in real["article"]:
    if entry["split"] not in splits:
        continue
    art = ingest.load([str(fixtures / "realworld" / "articles" / entry["file"])]).articles[0]
    gold = [g["m"] for g in entry.get("claim", [])]
    either = entry.get("either", [])
    titles = [s for s in art.segments if s.kind == "title"]
    for c in extract.extract(art, min_score=0):
        if any(t.start <= c.start and c.end <= t.end for t in titles):
            continue
        y = 1 if any(g in c.text for g in gold) else (None if any(e in c.text for e in either) else 0)
        print(json.dumps([entry["split"], entry["file"], c.start, c.end, c.score, c.speaker, y, c.text]))
"""

Row = tuple[str, str, int, int, float, str | None, int | None, str]


def claims_of(tree: Path) -> list[Row]:
    out = run_in_tree(tree, _CHILD, str(ROOT / "tests" / "fixtures"), ",".join(SPLITS))
    return [tuple(json.loads(line)) for line in out.splitlines() if line]  # type: ignore[misc]


def cell(group: str, n: Counter[str]) -> str:
    return f"{n[group + ' true']}/{n[group + ' false']}/{n[group + ' either']}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="list the shown parts")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from factcheck.model import DEFAULT_MIN_SCORE

    old, new = claims_of(args.old), claims_of(args.new)
    label = {1: "true", 0: "false", None: "either"}
    print(
        f"{'split':<8} {'wholes shown (t/f/e), hidden':>28}   parts shown (t/f/e) when the whole was: "
        f"{'true shown':>11} {'false shown':>11} {'hidden':>9}   {'speaker lost':>12}"
    )
    total: Counter[str] = Counter()
    for split in SPLITS:
        n: Counter[str] = Counter()
        lines = []
        for w in (c for c in old if c[0] == split):
            parts = [c for c in new if c[1] == w[1] and w[2] <= c[2] and c[3] <= w[3]]
            if len(parts) < 2:
                continue
            shown = w[4] >= DEFAULT_MIN_SCORE
            n[f"wholes {label[w[6]]}" if shown else "whole hidden"] += 1
            group = ("true shown" if w[6] == 1 else "false shown") if shown and w[6] is not None else "hidden"
            if shown and w[6] is None:
                group = "either shown"
            for p in parts:
                if p[4] < DEFAULT_MIN_SCORE:
                    continue
                n[f"{group} {label[p[6]]}"] += 1
                if w[5] and not p[5]:
                    n["speaker lost"] += 1
                lines.append(f"    {group:<12} part {label[p[6]]:<6} {p[4]:.2f} {p[1][:30]:<30} {p[7][:100]}")
        total.update(n)

        print(
            f"{split:<8} {cell('wholes', n):>20}, {n['whole hidden']:<5}   {'':>39}"
            f"{cell('true shown', n):>11} {cell('false shown', n):>11} {cell('hidden', n):>9}   "
            f"{n['speaker lost']:>12}"
        )
        if args.verbose:
            print("\n".join(lines))
    print(
        f"{'all':<8} {cell('wholes', total):>20}, {total['whole hidden']:<5}   {'':>39}"
        f"{cell('true shown', total):>11} {cell('false shown', total):>11} {cell('hidden', total):>9}   "
        f"{total['speaker lost']:>12}"
    )
    print(f"(parts shown of wholes shown as either-way sentences: {cell('either shown', total)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
