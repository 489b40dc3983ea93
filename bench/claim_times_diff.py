"""What a change to the choice of claim times does on real text no one labelled: the times of shown claims, two trees.

The texts are ``bench/temporal_diff.py``'s (ECB+ news, the English pages of realworld-dev, the English
trafilatura pages of half A, less every text a held-out split of the real-article fixture was cut from) and
PolNeAR's train records (``--polnear-records DIR``, the folder holding ``train/``), but the records and ECB+ texts
of half B of the claim-times samples (``bench/claim_times_sample.py``: its check half is never read). Each tree extracts the
claims of every text in a process of its own (``PYTHONPATH=<tree>``); for every claim shown by default, the
time values it carries are compared. Lines start with "-" (only OLD_TREE's claim carries it) or "+" (only
NEW_TREE's), with the text around the expression; the last line counts them.

    python bench/claim_times_diff.py OLD_TREE [NEW_TREE] [--polnear-records DIR] [--extra DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def check_pages() -> set[str]:
    """The PolNeAR records and ECB+ texts of half B of the claim-times samples (file names)."""
    sys.path.insert(0, str(HERE))
    import claim_times_sample as cts

    files = (cts.POL_LABELS, cts.POL2_LABELS, cts.MIXED_LABELS)
    return {r["file"] for f in files for r in cts.read_labels(f) if r["half"] == "B"}


def polnear_texts(records: Path) -> list[dict[str, str | None]]:
    """PolNeAR's train records, less the half-B records of the claim-times samples."""
    check = check_pages()
    out: list[dict[str, str | None]] = []
    for f in sorted((records / "train").glob("*.json")):
        if f.name in check:
            continue
        rec = json.loads(f.read_text(encoding="utf-8"))
        if rec.get("date") and rec.get("text"):
            out.append({"id": f"polnear:{f.name}", "date": str(rec["date"])[:10], "text": rec["text"]})
    return out


def carried_all(corpus: Path) -> None:
    """In the child process: the times of every shown claim of every text of ``corpus`` (JSON lines), as JSON."""
    from factcheck import extract, ingest
    from factcheck.model import DEFAULT_MIN_SCORE

    found = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        art = ingest.article_from_text(d["text"], path=f"{d['id']}.txt", key=d["id"])
        art.published = dt.date.fromisoformat(d["date"]) if d["date"] else None
        found[d["id"]] = [
            [t.start, t.end, t.text, t.value]
            for c in extract.extract(art)
            if c.score >= DEFAULT_MIN_SCORE
            for t in c.when
        ]
    print(json.dumps(found))


def run_tree(tree: Path, corpus: Path) -> dict[str, list[list[object]]]:
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(corpus)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    result: dict[str, list[list[object]]] = json.loads(done.stdout.splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("old", nargs="?", type=Path, help="the checkout to compare with (e.g. /tmp/base22)")
    ap.add_argument("new", nargs="?", type=Path, default=HERE.parent, help="default: this checkout")
    ap.add_argument("--extra", type=Path, default=Path("/work/trafi_extra"), help="the trafilatura pages")
    ap.add_argument("--polnear-records", type=Path, help="PolNeAR's records (the folder holding train/)")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)  # the child process's part
    args = ap.parse_args(argv)
    if args.child:
        carried_all(args.child)
        return 0
    if args.old is None:
        ap.error("give the checkout to compare with")
    sys.path.insert(0, str(HERE))
    import temporal_diff

    data = Path(os.environ.get("FACTCHECK_DATA") or HERE.parent.parent / "shared" / "data")
    check = {f"ecbplus:{name}" for name in check_pages()}
    docs = [d for d in temporal_diff.texts(data, args.extra) if d["id"] not in check]
    if args.polnear_records:
        docs += polnear_texts(args.polnear_records)
    corpus = Path(os.environ.get("TMPDIR", "/tmp")) / f"claim_times_diff_{os.getpid()}.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    try:
        old, new = run_tree(args.old, corpus), run_tree(args.new, corpus)
    finally:
        corpus.unlink()
    changed = 0
    for d in docs:
        doc_id, text = str(d["id"]), str(d["text"])
        a, b = {tuple(x) for x in old[doc_id]}, {tuple(x) for x in new[doc_id]}
        for sign, only in (("-", a - b), ("+", b - a)):
            for st, end, phrase, value in sorted(only, key=lambda x: (int(str(x[0])), str(x))):
                around = text[max(0, int(str(st)) - 60) : int(str(end)) + 40].replace("\n", " ")
                print(f"{sign} {doc_id} {phrase!r} {value} | {around}")
                changed += 1
    total = sum(len(v) for v in old.values())
    print(f"{changed} claim times changed of {total} ({len(docs)} texts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
