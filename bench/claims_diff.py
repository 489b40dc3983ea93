"""What a change to the claim rules does, split by split: the classifier table of two code trees.

For every hand-labelled page (tests/fixtures/realworld, of the first tree), the labelled set
(tests/fixtures/labelled) and the seed articles, each tree extracts its claims in a child process
(``PYTHONPATH=<tree>``); the claims shown by default (score >= model.DEFAULT_MIN_SCORE, the seeds' too, as the
TUI shows them; for the labelled set every claim offered, score >= extract.MIN_SCORE, as its figures count) are
compared by text. Per split it prints how many non-claims the change stops showing (removed false), how many
labelled claims it stops showing (lost true), and what it starts showing (gained true / gained false); "either"
sentences are counted apart. Row "checked": the 10,375 claims Snopes checked (CLEF 2020 CheckThat! task 2
archive, ../shared/data/clef2020-t2-dev, or env FACTCHECK_DATA), each extracted as a one-sentence article: all
are check-worthy, so what a rule hides there is a true claim lost, on text nobody tuned on (skipped when the
file is absent). A claim whose text changes (two parts joined) counts as lost and gained. With ``-v`` it lists
the changed sentences, except those of the held-out splits (``UNLISTED``: "heldout" and the clean held-out
splits of ``extract_quality.HELD_OUT``, fresh, dev6h, dev7h, dev8h, dev9h, dev11h, dev12h, dev13h, dev14h,
dev15h, dev16h: only their counts are printed; do not read their sentences while tuning).

A rule is worth keeping when it removes at least twice the true claims it loses, on two splits or more that
it was not written from (the round-8 rule of #16).

    python bench/claims_diff.py OLD_TREE NEW_TREE [-v] [--no-fresh]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from extract import data_dir  # noqa: E402  (bench/extract.py: ../shared/data or env FACTCHECK_DATA)
from extract_quality import HELD_OUT, REAL_SPLITS  # noqa: E402  (the clean held-out splits: counts only)

# the labelled real-article splits as bench/extract_quality.py scores them, the held-out ones last
DEVELOPMENT = tuple(s for s in REAL_SPLITS if s not in HELD_OUT)
SPLITS = (*DEVELOPMENT, "labelled", "checked", "seeds", *HELD_OUT)
# the splits whose sentences ``-v`` never lists: the labelled set's held-out split and the clean held-out ones
UNLISTED = frozenset({"heldout", *HELD_OUT})

# run in the child process of each tree: one JSON line per (split, file, claim text, label)
_CHILD = r"""
import json, sys, tomllib
from pathlib import Path
from factcheck import extract, ingest
from factcheck.model import DEFAULT_MIN_SCORE
fixtures, seeds, with_fresh = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"

def body(art):
    titles = [s for s in art.segments if s.kind == "title"]
    return [c for c in extract.extract(art) if not any(t.start <= c.start and c.end <= t.end for t in titles)]

def emit(split, name, texts, gold, either, floor):
    for t, score in texts:
        if score < floor:
            continue
        y = 1 if any(g in t for g in gold) else (None if any(e in t for e in either) else 0)
        print(json.dumps([split, name, t, y]))

real = tomllib.loads((fixtures / "realworld" / "labels.toml").read_text(encoding="utf-8"))
for entry in real["article"]:
    if entry["split"] == "fresh" and not with_fresh:
        continue
    art = ingest.load([str(fixtures / "realworld" / "articles" / entry["file"])]).articles[0]
    gold = [g["m"] for g in entry.get("claim", [])]
    emit(entry["split"], entry["file"], [(c.text, c.score) for c in body(art)], gold, entry.get("either", []),
         DEFAULT_MIN_SCORE)
lab = tomllib.loads((fixtures / "labelled" / "labels.toml").read_text(encoding="utf-8"))
for entry in lab["article"]:
    art = ingest.load([str(fixtures / "labelled" / "articles" / entry["file"])]).articles[0]
    gold = [g["m"] for g in entry.get("claim", [])]
    emit("labelled", entry["file"], [(c.text, c.score) for c in body(art)], gold, [], extract.MIN_SCORE)
for art in ingest.load([str(seeds)]).articles:
    emit("seeds", art.key, [(c.text, c.score) for c in extract.extract(art)], [], [], DEFAULT_MIN_SCORE)
checked = Path(sys.argv[4]) if len(sys.argv) > 4 else None
if checked is not None and checked.is_file():
    import csv
    with checked.open(encoding="utf-8", newline="") as fh:
        for row in list(csv.reader(fh, delimiter="\t"))[1:]:
            claim = " ".join(row[1].split())
            if claim:
                art = ingest.article_from_text("Claim\n\n" + claim + "\n", path="c.txt", key="c.txt")
                scores = [c.score for c in extract.extract(art, min_score=0) if c.start > 6]
                emit("checked", row[0], [(claim, max(scores, default=0.0))], [claim], [], DEFAULT_MIN_SCORE)
"""


def checked_claims() -> Path:
    """The archive of claims Snopes checked (CLEF 2020 CheckThat! task 2): check-worthy by construction."""
    return data_dir() / "clef2020-t2-dev" / "verified_claims.docs.tsv"


def run_in_tree(tree: Path, code: str, *args: str, stdin: str | None = None) -> str:
    """The standard output of ``code`` run by a child Python on ``tree``'s package (``PYTHONPATH=<tree>``, and
    in the tree: ``-c`` puts the working folder first on the path), ``stdin`` its input; the script exits on the
    child's error."""
    env = dict(os.environ, PYTHONPATH=str(tree.resolve()))
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        env=env,
        cwd=str(tree),
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        sys.exit(f"{Path(sys.argv[0]).stem}: {tree}: {out.stderr.strip().splitlines()[-1:]}")
    return out.stdout


def claims_of(
    tree: Path,
    with_fresh: bool,
    fixtures: Path = ROOT / "tests" / "fixtures",
    seeds: Path = ROOT / "seeds",
    checked: Path | None = None,
) -> set[tuple[str, str, str, int | None]]:
    """The claims ``tree`` shows, as (split, file, text, label) rows: the labelled pages of ``fixtures``, the
    articles of ``seeds`` and the Snopes-checked claims of ``checked`` (default ``checked_claims()``)."""
    out = run_in_tree(
        tree,
        _CHILD,
        str(fixtures),
        str(seeds),
        str(int(with_fresh)),
        str(checked or checked_claims()),
    )
    return {tuple(json.loads(line)) for line in out.splitlines() if line}  # type: ignore[misc]


def report(
    old: set[tuple[str, str, str, int | None]],
    new: set[tuple[str, str, str, int | None]],
    verbose: bool = False,
    no_fresh: bool = False,
) -> list[str]:
    """The table's lines: per split what ``new`` stops and starts showing against ``old``; with ``verbose`` the
    changed sentences too, never those of the ``UNLISTED`` splits."""
    label = {1: "true", 0: "false", None: "either"}
    lines = [
        f"{'split':<9} {'removed false':>13} {'lost true':>9} {'gained true':>11} {'gained false':>12} {'either -/+':>10}"
    ]
    total: Counter[str] = Counter()
    for split in SPLITS:
        gone = sorted(c for c in old - new if c[0] == split)
        came = sorted(c for c in new - old if c[0] == split)
        if split == "fresh" and no_fresh:
            continue
        n = Counter(f"-{label[c[3]]}" for c in gone) + Counter(f"+{label[c[3]]}" for c in came)
        if split == "seeds":  # no labels: what the seeds stop and start showing
            lines.append(f"{split:<9} shown -{len(gone)} +{len(came)}")
        else:
            lines.append(
                f"{split:<9} {n['-false']:>13} {n['-true']:>9} {n['+true']:>11} {n['+false']:>12} "
                f"{n['-either']:>4}/{n['+either']:<4}"
            )
            total.update(n)
        if verbose and split not in UNLISTED:
            for sign, cs in (("-", gone), ("+", came)):
                for c in cs:
                    lines.append(f"    {sign}{label[c[3]]:<6} {c[1][:34]:<34} {c[2][:110]}")
    lines.append(
        f"{'all':<9} {total['-false']:>13} {total['-true']:>9} {total['+true']:>11} {total['+false']:>12} "
        f"{total['-either']:>4}/{total['+either']:<4}"
    )
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list the changed sentences (never those of the held-out splits)",
    )
    ap.add_argument("--no-fresh", action="store_true", help="leave the clean held-out split out altogether")
    args = ap.parse_args()
    old, new = claims_of(args.old, not args.no_fresh), claims_of(args.new, not args.no_fresh)
    print("\n".join(report(old, new, args.verbose, args.no_fresh)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
