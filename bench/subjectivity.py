"""How well does check-worthiness keep subjective news sentences out of the claims shown?

Data: the CLEF 2025 CheckThat! lab, task 1 "Subjectivity in news articles" (sentences of news articles, each
labelled SUBJ or OBJ by the task's annotation guidelines; English, German, Italian, Arabic, Bulgarian;
CC BY-NC-SA 4.0), read from a participant's repository mirrored on this machine
(/work/.mirror/MatteoFasulo+clef2025-checkthat/repo, ``data/<language>/*.tsv``, read with ``git show``; never
copied into this repository). The sentences come without their article, so each is extracted as a
one-sentence article under a one-word title (as ``bench/claims_diff.py`` does for the Snopes claims) and
counts as shown when one of its claims scores >= model.DEFAULT_MIN_SCORE.

Per split it prints the share of SUBJ sentences shown, the share of OBJ sentences shown, and the F1 of
"shown" as a detector of OBJ sentences (precision: OBJ among the shown; recall: OBJ shown among all OBJ), for
this tree, with ``--base TREE`` for another tree in the same run (each tree in its own child process,
``PYTHONPATH=<tree>``), and for the baseline "every sentence shown". An objective sentence may be trivial, so
OBJ is not "check-worthy": the figure is a guide; the labelled real pages of ``bench/extract_quality.py`` are
the judge.

Splits: ``train`` is the development part (``-v`` lists its SUBJ sentences shown and its OBJ sentences
hidden, with their scores); ``dev`` is checked while developing (totals only); ``dev_test`` and ``test``
(``test_<lang>_labeled``) are held out: printed only with ``--heldout`` (totals only, run once at the end).

    python bench/subjectivity.py [--base TREE] [--lang english|german|italian] [--heldout] [-v] [--repo DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claims_diff import run_in_tree  # bench/claims_diff.py

ROOT = Path(__file__).resolve().parents[1]
REPO = Path("/work/.mirror/MatteoFasulo+clef2025-checkthat/repo")
LANGS = {"english": "en", "german": "de", "italian": "it"}  # the task's languages that we extract
DEVELOPMENT = ("train", "dev")
HELD_OUT = ("dev_test", "test")

# run in the child process of each tree: reads (id, sentence) JSON lines, prints (id, score) JSON lines
_CHILD = r"""
import json, sys
from factcheck import extract, ingest
code = sys.argv[1]
for line in sys.stdin:
    sid, sentence = json.loads(line)
    art = ingest.article_from_text("Sentence\n\n" + sentence + "\n", path="s.txt", key="s.txt")
    art.language = code
    scores = [c.score for c in extract.extract(art, min_score=0) if c.start > 9]
    print(json.dumps([sid, max(scores, default=0.0)]))
"""


def split_file(split: str, lang: str) -> str:
    code = LANGS[lang]
    return f"data/{lang}/{'test_' + code + '_labeled' if split == 'test' else split + '_' + code}.tsv"


def read_split(repo: Path, split: str, lang: str) -> list[tuple[str, str, str]]:
    """(id, sentence, label) of one split: the files name their columns (the test file orders them otherwise)."""
    raw = subprocess.run(
        ["git", "-C", str(repo), "show", f"HEAD:{split_file(split, lang)}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = csv.DictReader(io.StringIO(raw), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [(r["sentence_id"], " ".join(r["sentence"].split()), r["label"]) for r in rows if r["sentence"]]


def scores_of(tree: Path, rows: list[tuple[str, str, str]], code: str) -> dict[str, float]:
    """Each sentence's best claim score under ``tree``'s package (a child Python, ``PYTHONPATH=<tree>``)."""
    stdin = "".join(json.dumps([sid, s]) + "\n" for sid, s, _ in rows)
    out = run_in_tree(tree, _CHILD, code, stdin=stdin)
    return {sid: score for sid, score in (json.loads(line) for line in out.splitlines() if line)}


def figures(rows: list[tuple[str, str, str]], scores: dict[str, float], floor: float) -> tuple[str, float]:
    subj = [sid for sid, _, y in rows if y == "SUBJ"]
    obj = [sid for sid, _, y in rows if y == "OBJ"]
    subj_shown = sum(scores[s] >= floor for s in subj)
    obj_shown = sum(scores[s] >= floor for s in obj)
    p = obj_shown / (obj_shown + subj_shown) if obj_shown + subj_shown else 0.0
    r = obj_shown / len(obj) if obj else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    text = (
        f"SUBJ shown {subj_shown / len(subj):.2f} ({subj_shown}/{len(subj)})  "
        f"OBJ shown {r:.2f} ({obj_shown}/{len(obj)})  OBJ P {p:.2f} F1 {f1:.3f}"
    )
    return text, f1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, help="another tree, measured in the same run")
    ap.add_argument("--lang", default="english", choices=sorted(LANGS))
    ap.add_argument(
        "--heldout", action="store_true", help="also the held-out splits dev_test and test (totals)"
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="list train's errors (this tree)")
    ap.add_argument("--repo", type=Path, default=REPO, help="the mirror of MatteoFasulo/clef2025-checkthat")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from factcheck.model import DEFAULT_MIN_SCORE

    trees = [("this", ROOT)] + ([("base", args.base)] if args.base else [])
    splits = DEVELOPMENT + (HELD_OUT if args.heldout else ())
    code = LANGS[args.lang]
    for split in splits:
        try:
            rows = read_split(args.repo, split, args.lang)
        except subprocess.CalledProcessError:
            print(f"{split:<9} (no file {split_file(split, args.lang)})")
            continue
        for name, tree in trees:
            scores = scores_of(tree, rows, code)
            text, _ = figures(rows, scores, DEFAULT_MIN_SCORE)
            print(f"{split:<9} {name:<5} {text}")
            if args.verbose and split == "train" and name == "this":
                for sid, sentence, y in rows:
                    shown = scores[sid] >= DEFAULT_MIN_SCORE
                    if (y == "SUBJ") == shown:
                        print(f"    {y} {'shown ' if shown else 'hidden'} {scores[sid]:.2f}  {sentence}")
        every, _ = figures(rows, {sid: 1.0 for sid, _, _ in rows}, DEFAULT_MIN_SCORE)
        print(f"{split:<9} {'every':<5} {every}  (baseline: every sentence shown)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
