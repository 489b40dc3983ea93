"""Grouping on an unseen batch of one topic: PolNeAR (LREC 2018), 1,008 US political news articles of 2016,
144 from each of 7 outlets, all mentioning Trump or Clinton. Everything is about one campaign, little is about
one event: the hardest kind of batch for event grouping.

The articles are fed as a user would: one JSON record per article (``text``, ``title``, ``outlet``,
``author``, ``date``: keys ``factcheck extract`` reads) in a temporary folder, read by the real pipeline
with no cache. Per code tree, in a child process (``--baseline TREE`` measures a second tree in the same
run, both at once): the batch's groups, their sizes in claims, articles and outlets, the spread of their
articles' publication dates (an event's reports fall within days; a group whose articles lie weeks apart
most likely joins different events of the campaign), the supersede and conflict suggestions, and the CPU
seconds of reading + extraction and of grouping. PolNeAR's own split is kept: the batch whole, its train
part alone (840 articles, the development part) and its dev + test parts alone (168 articles, held out),
each grouped as a batch of its own.

    python bench/stream_polnear.py --polnear /tmp/polnear/data [--baseline TREE] [--dump FILE]
    python bench/stream_polnear.py --polnear /tmp/polnear/data --write-records DIR

``--dump FILE`` writes this tree's groups and suggestions of the whole batch as JSON (each claim with its
text, article, outlet and date) to be judged by hand; ``--write-records DIR`` writes the JSON records only
(the folder a user would give ``factcheck extract``). Read-only on DIR given to ``--polnear``; nothing of it
is written into the repository.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

OUTLETS = {
    "breitbart": "Breitbart",
    "huff-post": "HuffPost",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journalism",
}
SPLITS = ("train", "dev", "test")
PARTS = {"all": SPLITS, "train": ("train",), "dev+test": ("dev", "test")}


def records(polnear: Path) -> list[tuple[str, str, dict[str, str]]]:
    """(split, file name, JSON record) of every article of PolNeAR's train, dev and test parts. A text file's
    first line is its headline: the record's ``title`` (the longer of it and the metadata's, which cuts some
    headlines), and its body the rest."""
    out = []
    with open(polnear / "metadata.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            split = row["compartment"]
            if split not in SPLITS:
                continue
            raw = (polnear / split / "text" / f"{row['filename']}.txt").read_text(encoding="utf-8")
            head, _, body = raw.partition("\n")
            title = max(head.strip(), row["title"].strip(), key=len)
            rec = {
                "title": title,
                "outlet": OUTLETS.get(row["publisher"], row["publisher"]),
                "date": row["publication_date"],
                "text": body.strip() + "\n",
            }
            if row["author"] not in ("", "None", "NA"):
                rec["author"] = row["author"]
            out.append((split, row["filename"], rec))
    return out


def write_records(polnear: Path, dest: Path) -> int:
    recs = records(polnear)
    for split, name, rec in recs:
        (dest / split).mkdir(parents=True, exist_ok=True)
        (dest / split / f"{name}.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    return len(recs)


# ---------------------------------------------------------------------------------------------------------
# The child: one code tree (PYTHONPATH) on the records folder


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def _measure(groups: list[Any], by_id: dict[str, Any], arts: dict[str, Any]) -> dict[str, Any]:
    sizes, n_arts, n_outlets, spreads = [], [], [], []
    kinds: Counter[str] = Counter()
    for g in groups:
        members = [by_id[c] for c in g.claims if c in by_id]
        keys = {c.article_key for c in members}
        sizes.append(len(members))
        n_arts.append(len(keys))
        n_outlets.append(len({arts[k].outlet for k in keys}))
        dates = [arts[k].published for k in keys if arts[k].published]
        spreads.append((max(dates) - min(dates)).days if dates else 0)
        kinds.update(s.kind for s in g.suggestions)
    return {
        "groups": len(groups),
        "sizes": sizes,
        "articles": n_arts,
        "outlets": n_outlets,
        "spreads": spreads,
        "claims_grouped": sum(sizes),
        "suggestions": dict(kinds),
    }


def child(folder: Path, dump: Path | None) -> None:
    os.environ["FACTCHECK_NO_CACHE"] = "1"
    from factcheck import grouping, pipeline

    c0 = _cpu()
    corpus = pipeline.build([str(folder)], group=False)
    c1 = _cpu()
    pipeline.regroup(corpus)
    c2 = _cpu()
    by_id = corpus.claim_index()
    arts = {a.key: a for a in corpus.articles}
    split_of = {a.key: Path(a.path).parent.name for a in corpus.articles}
    result: dict[str, Any] = {
        "articles": len(corpus.articles),
        "errors": len(corpus.errors),
        "claims": sum(1 for c in by_id.values() if corpus.is_shown(c)),
        "evidence": sum(1 for c in by_id.values() if corpus.is_evidence(c)),
        "cpu_extract": c1 - c0,
        "cpu_group": c2 - c1,
        "parts": {"all": _measure(corpus.groups, by_id, arts)},
    }
    for part, splits in PARTS.items():
        if part == "all":
            continue
        keys = {k for k, s in split_of.items() if s in splits}
        sub = {k: arts[k] for k in keys}
        claims = [c for c in corpus.all_claims() if c.article_key in keys]
        groups = grouping.group_claims(claims, sub)
        groups = [g for g in groups if any(corpus.is_shown(by_id[c]) for c in g.claims)]
        result["parts"][part] = _measure(groups, by_id, sub)
    if dump is not None:
        dump.write_text(json.dumps(_dumped(corpus, by_id, arts, split_of), ensure_ascii=False, indent=1))
    print(json.dumps(result))


def _dumped(corpus: Any, by_id: dict[str, Any], arts: dict[str, Any], split_of: dict[str, str]) -> Any:
    def claim(cid: str) -> dict[str, Any]:
        c = by_id[cid]
        a = arts[c.article_key]
        return {
            "id": cid,
            "text": c.text,
            "shown": corpus.is_shown(c),
            "article": Path(a.path).stem,
            "split": split_of[c.article_key],
            "outlet": a.outlet,
            "date": a.published.isoformat() if a.published else None,
            "when": [t.value for t in c.when],
        }

    return [
        {
            "id": g.id,
            "label": g.label,
            "when": g.when,
            "claims": [claim(c) for c in g.claims],
            "suggestions": [
                {"kind": s.kind, "claim": claim(s.claim), "by": claim(s.by), "why": s.why}
                for s in g.suggestions
            ],
        }
        for g in corpus.groups
    ]


# ---------------------------------------------------------------------------------------------------------
# The parent: both trees at once, side by side


def _run_tree(tree: Path, folder: Path, dump: Path | None) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(tree), FACTCHECK_NO_CACHE="1")
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(folder)]
    if dump is not None:
        cmd += ["--dump", str(dump)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True)


def _dist(values: list[int], bounds: tuple[int, ...]) -> str:
    cells, lo = [], None
    for b in bounds:
        n = sum(1 for v in values if (lo is None or v > lo) and v <= b)
        cells.append(f"{'<=' if lo is None else f'{lo + 1}-'}{b}: {n}")
        lo = b
    cells.append(f">{lo}: {sum(1 for v in values if v > (lo or 0))}")
    return ", ".join(cells)


def _lines(m: dict[str, Any], n_articles: int) -> list[tuple[str, str]]:
    per100 = 100 / max(1, n_articles)
    sugg = m["suggestions"]
    n_sugg = sum(sugg.values())
    multi_outlet = sum(1 for o in m["outlets"] if o >= 2)
    return [
        (
            "groups",
            f"{m['groups']} ({m['groups'] * per100:.1f} per 100 articles), {multi_outlet} of 2+ outlets",
        ),
        ("claims in groups", f"{m['claims_grouped']}, largest {max(m['sizes'], default=0)}"),
        ("claims per group", _dist(m["sizes"], (2, 5, 10, 30))),
        ("articles per group", _dist(m["articles"], (2, 3, 5, 10))),
        ("publication spread (days)", _dist(m["spreads"], (0, 3, 14, 60))),
        (
            "suggestions",
            f"{n_sugg} ({n_sugg * per100:.1f} per 100 articles): "
            f"{sugg.get('conflicts', 0)} conflicts, {sugg.get('supersedes', 0)} supersedes",
        ),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polnear", type=Path, help="PolNeAR's data folder (metadata.tsv, train/, dev/, test/)")
    ap.add_argument("--baseline", type=Path, help="another code tree, measured in the same run")
    ap.add_argument("--dump", type=Path, help="write this tree's groups and suggestions (JSON) here")
    ap.add_argument("--write-records", type=Path, metavar="DIR", help="only write the JSON records into DIR")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.dump)
        return
    if args.polnear is None:
        ap.error("--polnear DIR is required")
    if args.write_records:
        print(f"{write_records(args.polnear, args.write_records)} records written to {args.write_records}")
        return
    trees = [ROOT] + ([args.baseline.resolve()] if args.baseline else [])
    with tempfile.TemporaryDirectory() as tmp:
        n = write_records(args.polnear, Path(tmp))
        started = time.perf_counter()
        procs = [_run_tree(t, Path(tmp), args.dump if t == ROOT else None) for t in trees]
        outs = [p.communicate()[0] for p in procs]
        if any(p.returncode for p in procs):
            sys.exit("a child failed")
    results = [json.loads(o.strip().splitlines()[-1]) for o in outs]
    print(
        f"PolNeAR: {n} JSON records, {dt.date.today().isoformat()}, wall {time.perf_counter() - started:.0f} s"
    )
    names = ["this tree"] + ([f"baseline {trees[1]}"] if len(trees) > 1 else [])
    for name, r in zip(names, results, strict=True):
        print(
            f"{name}: {r['articles']} articles ({r['errors']} errors), {r['claims']} claims shown + "
            f"{r['evidence']} evidence sentences; CPU s: reading + extraction {r['cpu_extract']:.1f}, "
            f"grouping {r['cpu_group']:.1f}"
        )
    counts = Counter(split for split, _, _ in records(args.polnear))
    sizes = {part: sum(counts[s] for s in splits) for part, splits in PARTS.items()}
    for part in PARTS:
        label = {
            "all": "whole batch",
            "train": "train alone (development)",
            "dev+test": "dev+test alone (held out)",
        }
        print(f"\n{label[part]}, {sizes[part]} articles:")
        rows = [_lines(r["parts"][part], sizes[part]) for r in results]
        for i, (what, value) in enumerate(rows[0]):
            line = f"  {what}: {value}"
            if len(rows) > 1:
                line += f"\n  {'':{len(what)}}  baseline: {rows[1][i][1]}"
            print(line)


if __name__ == "__main__":
    main()
