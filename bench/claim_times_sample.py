"""The time values claims carry on pages nobody labelled for this project: a random sample, judged by hand.

The pages: trafilatura's evaluation pages outside realworld-dev (/work/trafi_extra/html, read-only, outside
the repository), read as the app reads a saved page (``ingest.load``); English pages with a publication date
only, none of those tests/fixtures/realworld was made from (its dev2, dev3, dev4 and fresh splits), in an
order shuffled with ``random.Random(SEED)``, the first ``PAGES`` of them. The pairs: every time
value of every claim shown by default (score >= DEFAULT_MIN_SCORE), sorted by (file, start), then
``random.Random(SEED).sample(..., N)``, drawn at commit 1b09098 (main at the start of round 9). Each page
falls in half "A" (development: its errors may be read to find a rule) or "B" (check: never studied; a rule
is kept only if B does not get worse) by ``sha1("claimtimes:" + file) % 2``.

Labels (bench/claim_times_labels.tsv, column ``label``): ``right`` (a labeller of tests/fixtures/realworld
would write the value in ``when`` or ``when_ok``: a time of the claim's event or statement, valued right),
``choice`` (the expression is no time of the claim: it dates something the claim names, another sentence's
event, or is no time at all), ``value`` (a time of the claim, valued wrong), ``unclear``.

    # draw the sample at a tree and show each pair in its page, to label it
    PYTHONPATH=/tmp/base9 /work/venv/bin/python bench/claim_times_sample.py --extra /work/trafi_extra [--tsv OUT]
    # score code trees on the labels (one child process per tree; the first is the baseline)
    /work/venv/bin/python bench/claim_times_sample.py --extra /work/trafi_extra --score /tmp/base9 .

Scoring: a labelled pair the tree still gives the claim (same expression, same value) counts with its
label; a pair the tree drops is counted apart (by label: dropping a ``choice`` is a fix, a ``right`` a
loss); a pair whose value changed, or a time the tree adds, is listed as not judged.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "claim_times_labels.tsv"
SEED = 16
PAGES = 160
N = 160
HEAD = "file\tstart\tend\ttext\tvalue\thalf\tlabel\tnote"


def half(file: str) -> str:
    return "AB"[int(hashlib.sha1(f"claimtimes:{file}".encode()).hexdigest(), 16) % 2]


def fixture_pages() -> set[str]:
    """The pages tests/fixtures/realworld's splits were made from (make_*.py name them): left out."""
    import re

    names: set[str] = set()
    for make in (ROOT / "tests" / "fixtures" / "realworld").glob("make_*.py"):
        names.update(re.findall(r'"([^"\s]+\.html)"', make.read_text(encoding="utf-8")))
    return names


def pages(base: Path) -> list[Path]:
    used = fixture_pages()
    files = sorted(p for p in (base / "html").glob("*.html") if p.name not in used)
    random.Random(SEED).shuffle(files)
    return files


def pairs(base: Path, limit: int = PAGES) -> tuple[list[dict[str, object]], int]:
    """Every (claim, time) pair of the shown claims of the first ``limit`` English pages with a date:
    ``file``, ``start``, ``end``, ``text``, ``value``, ``type``, ``claim`` (start, end, text), ``published``."""
    from factcheck import extract, ingest
    from factcheck.model import DEFAULT_MIN_SCORE

    out: list[dict[str, object]] = []
    used = 0
    for path in pages(base):
        if used >= limit:
            break
        batch = ingest.load([str(path)])
        if batch.errors or not batch.articles:
            continue
        art = batch.articles[0]
        if art.language not in (None, "en") or art.published is None:
            continue
        used += 1
        for c in extract.extract(art):
            if c.score < DEFAULT_MIN_SCORE:
                continue
            for t in c.when:
                out.append(
                    {
                        "file": path.name,
                        "start": t.start,
                        "end": t.end,
                        "text": t.text,
                        "value": t.value,
                        "type": t.type,
                        "claim": [c.start, c.end, c.text],
                        "published": art.published.isoformat(),
                    }
                )
    return out, used


def _clean(s: str) -> str:
    return " ".join(s.split())


def draw(base: Path, tsv: str | None) -> None:
    from factcheck import ingest

    allp, used = pairs(base)
    allp.sort(key=lambda p: (str(p["file"]), int(p["start"])))  # type: ignore[call-overload]
    sample = random.Random(SEED).sample(allp, min(N, len(allp)))
    sample.sort(key=lambda p: (str(p["file"]), int(p["start"])))  # type: ignore[call-overload]
    print(
        f"{used} English pages with a date, {len(allp)} time values of shown claims; sample of {len(sample)}"
    )
    rows = []
    texts: dict[str, str] = {}
    for k, p in enumerate(sample, 1):
        f = str(p["file"])
        if f not in texts:
            texts[f] = ingest.load([str(base / "html" / f)]).articles[0].text
        text = texts[f]
        cs, _ce, ctext = p["claim"]  # type: ignore[misc]
        before = _clean(text[max(0, int(cs) - 300) : int(cs)])
        print(f"\n=== {k} {f} (half {half(f)}) published {p['published']}")
        print(f"  BEFORE: ...{before}")
        print(f"  CLAIM: {_clean(str(ctext))}")
        print(f"  TIME: {p['text']!r} {p['type']} {p['value']}")
        rows.append(
            f"{f}\t{p['start']}\t{p['end']}\t{_clean(str(p['text']))}\t{p['value']}\t{half(f)}\t\t"
            f"{_clean(str(ctext))[:120]}"
        )
    if tsv:
        Path(tsv).write_text(HEAD + "\n" + "\n".join(rows) + "\n", encoding="utf-8")


def read_labels(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"), strict=True)) for ln in lines[1:]]


def tree_values(base: Path, files: list[str]) -> dict[str, list[tuple[int, int, str]]]:
    """(start, end, value) of every time of every shown claim, per page, at the tree this runs on."""
    from factcheck import extract, ingest
    from factcheck.model import DEFAULT_MIN_SCORE

    out: dict[str, list[tuple[int, int, str]]] = {}
    for f in files:
        art = ingest.load([str(base / "html" / f)]).articles[0]
        got = out.setdefault(f, [])
        for c in extract.extract(art):
            if c.score >= DEFAULT_MIN_SCORE:
                got += [(t.start, t.end, t.value) for t in c.when]
    return out


def score_tree(base: Path, labels: list[dict[str, str]]) -> dict[str, Counter[str]]:
    """Per half: the labels of the pairs kept as labelled, ``dropped:<label>``, ``changed``."""
    files = sorted({r["file"] for r in labels})
    got = tree_values(base, files)
    res: dict[str, Counter[str]] = {"A": Counter(), "B": Counter()}
    for r in labels:
        vals = {(s, e): v for s, e, v in got[r["file"]]}
        key = (int(r["start"]), int(r["end"]))
        c = res[r["half"]]
        if key not in vals:
            c[f"dropped:{r['label']}"] += 1
        elif vals[key] != r["value"]:
            c["changed"] += 1
        else:
            c[r["label"]] += 1
    return res


def report(tree: str, res: dict[str, Counter[str]]) -> None:
    for h in ("A", "B"):
        c = res[h]
        judged = c["right"] + c["choice"] + c["value"]
        prec = f"{c['right'] / judged:.3f} ({c['right']}/{judged})" if judged else "n/a"
        drops = ", ".join(f"{k[8:]} {v}" for k, v in sorted(c.items()) if k.startswith("dropped:")) or "none"
        print(
            f"  {tree}  half {h} ({'development' if h == 'A' else 'check'}): right {prec}; "
            f"wrong: choice {c['choice']}, value {c['value']}; unclear {c['unclear']}; "
            f"dropped: {drops}; value changed (not judged) {c['changed']}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extra", default=os.environ.get("FACTCHECK_EXTRA"))
    ap.add_argument("--tsv", help="with the draw: write the sample's skeleton (labels empty) to this file")
    ap.add_argument("--score", nargs="+", metavar="TREE", help="score these code trees on the labels")
    ap.add_argument("--child", help=argparse.SUPPRESS)  # score the tree on sys.path, print JSON
    args = ap.parse_args()
    if not args.extra:
        sys.exit("bench/claim_times_sample.py: --extra DIR (or $FACTCHECK_EXTRA) is needed")
    base = Path(args.extra)
    if args.child:
        sys.path.insert(0, args.child)
        print(json.dumps(score_tree(base, read_labels(LABELS))))
        return 0
    if args.score:
        labels = read_labels(LABELS)
        print(f"{len(labels)} labelled pairs, {len({r['file'] for r in labels})} pages")
        for tree in args.score:
            path = str(Path(tree).resolve())
            env = dict(os.environ, PYTHONPATH=path)
            out = subprocess.run(
                [sys.executable, __file__, "--extra", str(base), "--child", path],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            res = {h: Counter(v) for h, v in json.loads(out.splitlines()[-1]).items()}
            report(tree, res)
        return 0
    draw(base, args.tsv)  # (with the tree on PYTHONPATH: the sample was drawn at 1b09098, /tmp/base9)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
