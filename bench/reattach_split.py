"""Decisions kept across a change of segmentation: a session written by OLD's extraction, reopened by NEW.

OLD writes a session (in a child process, ``PYTHONPATH=OLD``) with one decision on every claim of the
hand-labelled real pages (tests/fixtures/realworld, every split but fresh), the labelled set and the seeds,
as a reviewer who had reviewed everything would have it. NEW (``PYTHONPATH=NEW``) reopens it and counts what
became of each decision: kept under the same id, re-attached to a changed claim as a whole (fuzzy ratio, the
rule before this bench), re-attached to one part of a claim now cut into several, orphaned. It also checks
that no claim holds two decisions and prints the part re-attachments with ``-v``.

    python bench/reattach_split.py OLD_TREE NEW_TREE [-v]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from claims_diff import run_in_tree  # noqa: E402  (bench/claims_diff.py: a child Python on another tree)

_WRITE = r"""
import sys
from pathlib import Path
from factcheck import session as sess
from factcheck.model import Verdict
from factcheck.review import Review
corpus, path = sys.argv[1], Path(sys.argv[2])
r = Review.open(path.with_name("probe.toml"), [corpus], group=False)
data = sess.SessionData(reviewer="alice", created=sess.utcnow(), corpus=[corpus])
for a in r.corpus.articles:
    data.articles[a.key] = sess.ArticleRecord(a.key, a.id)
    for c in r.claims(a.key):
        data.decisions[c.id] = sess.Decision(
            claim_id=c.id, article=a.key, text=c.text[: sess.TEXT_KEEP], verdict=Verdict.DISPUTED, note=c.id
        )
r.close()
sess.save(path, data)
"""

_REOPEN = r"""
import json, sys
from collections import Counter
from pathlib import Path
from factcheck import session as sess
from factcheck.review import Review
path = Path(sys.argv[1])
before = {cid: d.text for cid, d in sess.load(path).decisions.items()}
r = Review.open(path, group=False, readonly=True)
rep = r.report
parts = dict(getattr(rep, "reattached_parts", []))
new = {d.note: cid for cid, d in r.data.decisions.items()}  # the note is the decision's first claim id
holders = Counter(new.values())
orphans = {d.claim_id for d in r.orphans}
out = {
    "decisions": len(before),
    "kept": sum(1 for old, cid in new.items() if old == cid and cid not in orphans),
    "whole": sum(1 for old, _, _ in rep.reattached if old not in parts),
    "part": len(parts),
    "orphaned": len(r.orphans),
    "twice": sum(1 for n in holders.values() if n > 1),
    "parts": [[before[old], r.claim(new_id).text] for old, new_id in parts.items()],
    "orphans": [d.text for d in r.orphans],
}
r.close()

print(json.dumps(out))
"""


def _corpus(into: Path) -> None:
    fixtures = ROOT / "tests" / "fixtures"
    real = tomllib.loads((fixtures / "realworld" / "labels.toml").read_text(encoding="utf-8"))
    for entry in real["article"]:
        if entry["split"] != "fresh":
            shutil.copy(fixtures / "realworld" / "articles" / entry["file"], into / entry["file"])
    for src in [*sorted((fixtures / "labelled" / "articles").iterdir()), *sorted((ROOT / "seeds").iterdir())]:
        if src.is_file():
            shutil.copy(src, into / src.name)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument(
        "-v", action="store_true", help="list the decisions re-attached to a part, and the orphans"
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        _corpus(corpus)
        path = Path(tmp) / "s.toml"
        run_in_tree(args.old, _WRITE, str(corpus), str(path))
        out = json.loads(run_in_tree(args.new, _REOPEN, str(path)))
    print(f"session written by {args.old}, reopened by {args.new}:")
    print(
        f"  decisions {out['decisions']}: kept {out['kept']}, re-attached whole {out['whole']}, "
        f"re-attached to a part {out['part']}, orphaned {out['orphaned']}; claims holding two decisions: "
        f"{out['twice']}"
    )
    if args.v:
        for old, text in out["parts"]:
            print(f"  {old[:150]!r}\n    -> {text[:150]!r}")
        for text in out["orphans"]:
            print(f"  orphan: {text[:150]!r}")


if __name__ == "__main__":
    main()
