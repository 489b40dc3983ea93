"""Benchmark the English temporal tagger on the EventStoryLine corpus (ESC v1.5): unseen news, annotated by others.

Usage: python bench/temporal_esc.py ESC [--beside TREE] [--no-baseline] [--sentences selected|all]
[--errors N] [--date-causes] [--part dev|check]

ESC (Caselli & Vossen 2017, CC BY) adds normalised values to the time expressions of 258 ECB+ news documents
(``ecbplus`` files: the second seminal event of each ECB+ topic): CAT XML files whose ``TIME_DATE``,
``TIME_OF_THE_DAY``, ``TIME_DURATION`` and ``TIME_REPETITION`` markables carry a ``value`` and are anchored on
token ids, the document's creation time marked ``DCT="TRUE"``. ESC is the folder that holds ``annotated_data/v1.5``
(a checkout of the EventStoryLine repository) or that repository's bare git directory; it is read, never copied.

Each document is rebuilt from its tokens as ``bench/temporal.py`` rebuilds a MEANTIME one (``join_tokens``): the
source URL (sentence 0) is left out, the title (sentence 1) is a line of its own, and the creation time's tokens
(the dateline) leave the text and become the anchor. Documents without a ``DCT="TRUE"`` markable are skipped.
The markables' types are TimeML's: DATE, TIME, DURATION, SET.

ECB+ annotated a selection of sentences per document (ECBplus_coreference_sentences.csv, in the same repository);
its README asks to evaluate within them, since mentions elsewhere were annotated only now and then. By default
(``--sentences selected``) every expression, gold or found, that starts outside those sentences is left out of the
score; ``--sentences all`` scores every sentence, to see how complete the annotation is outside the selection.

The documents are split by **topic** (an ECB+ topic is one kind of event, whose documents share wording) with a
fixed seed into a development half, whose errors ``--errors N`` lists and ``--date-causes`` tallies by cause, and a check half scored in totals only.
The check half's texts in ECB+ topics 1-35 are among the unlabelled texts of ``bench/temporal_diff.py``, whose
changed readings earlier sessions read (never their ESC values); its documents in the other topics (37, 41) are
also scored apart, as "check, unread topics".
Value F1 (overall, DATE, and by type) is printed for this tree, for the tree ``--beside`` names (run in a process
of its own, as ``bench/temporal.py --beside`` does) and for dateparser (``bench/temporal.py``'s baseline), all in
the same run. The scoring is ``bench/temporal.py``'s.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from temporal import (  # bench/temporal.py
    Doc,
    Score,
    Timex,
    baseline,
    date_causes,
    evaluate,
    gold_timexes,
    join_tokens,
    run,
    show_errors,
)

SEED = 20170803  # the split of topics into a development and a check half (fixed: never re-drawn)
CHECK_SHARE = 0.5
VERSION = "annotated_data/v1.5"
SELECTION = "ECB+_LREC2014/ECBplus_coreference_sentences.csv"
TYPES = {
    "TIME_DATE": "DATE",
    "TIME_OF_THE_DAY": "TIME",
    "TIME_DURATION": "DURATION",
    "TIME_REPETITION": "SET",
}


@dataclass
class EscDoc(Doc):
    topic: str = ""
    selected: list[tuple[int, int]] = field(default_factory=list)  # character spans of the selected sentences


def _files(esc: Path) -> Iterator[tuple[str, bytes]]:
    """(path, content) of every ESC v1.5 ``ecbplus`` document and of the sentence selection, from a folder or a
    bare git directory."""
    if (esc / VERSION).is_dir():
        for f in sorted((esc / VERSION).glob("*/*ecbplus.xml.xml")):
            yield str(f.relative_to(esc)), f.read_bytes()
        yield SELECTION, (esc / SELECTION).read_bytes()
        return
    git = ["git", "--git-dir", str(esc)]
    names = subprocess.run(
        [*git, "ls-tree", "-r", "--name-only", "HEAD", VERSION], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    for name in [*sorted(n for n in names if n.endswith("ecbplus.xml.xml")), SELECTION]:
        yield name, subprocess.run([*git, "show", f"HEAD:{name}"], capture_output=True, check=True).stdout


def _selection(content: bytes) -> dict[str, set[str]]:
    """Document name ("1_10ecbplus") -> the numbers of its selected sentences."""
    out: dict[str, set[str]] = {}
    for row in csv.DictReader(io.StringIO(content.decode("utf-8"))):
        out.setdefault(f"{row['Topic']}_{row['File']}", set()).add(row["Sentence Number"])
    return out


def load_doc(content: bytes, name: str, selected: set[str]) -> EscDoc | None:
    """One ESC document as a Doc with its gold expressions; None without a creation time."""
    root = ET.fromstring(content)
    dct: dt.date | None = None
    dct_ids: set[str] = set()
    timexes: list[tuple[list[str], str, str]] = []
    for m in root.iter():
        if m.tag not in TYPES:
            continue
        ids = [a.get("t_id") or "" for a in m.findall("token_anchor")]
        if m.get("DCT") == "TRUE":
            if re.fullmatch(r"\d{4}-\d\d-\d\d.*", m.get("value") or ""):
                dct = dt.date.fromisoformat((m.get("value") or "")[:10])
            dct_ids.update(ids)
        elif ids:  # a markable with no tokens is a cross-document instance, not a mention
            timexes.append((ids, TYPES[m.tag], m.get("value") or ""))
    if dct is None:
        return None
    tokens = [
        t for t in root.iter("token") if t.get("sentence") != "0" and (t.get("t_id") or "") not in dct_ids
    ]
    text, offsets = join_tokens(tokens, title_sentence="1")
    spans: dict[str, tuple[int, int]] = {}
    for t in tokens:
        start, end = offsets[t.get("t_id") or ""]
        s0, _e0 = spans.get(t.get("sentence") or "", (start, end))
        spans[t.get("sentence") or ""] = (s0, end)
    gold = gold_timexes(text, offsets, timexes)
    chosen = sorted(spans[s] for s in selected if s in spans)
    return EscDoc(name, dct, text, gold, topic=name.split("_")[0], selected=chosen)


def load(esc: Path) -> tuple[list[EscDoc], int]:
    """The ESC documents with a creation time, and how many were skipped without one."""
    files = dict(_files(esc))
    selection = _selection(files.pop(SELECTION))
    docs, skipped = [], 0
    for path, content in sorted(files.items()):
        name = Path(path).name.removesuffix(".xml.xml")
        doc = load_doc(content, name, selection.get(name, set()))
        if doc is None:
            skipped += 1
        else:
            docs.append(doc)
    return docs, skipped


def split_topics(docs: list[EscDoc]) -> tuple[list[EscDoc], list[EscDoc]]:
    """(development, check) halves, by topic, from a fixed seed over the sorted topic numbers."""
    topics = sorted({d.topic for d in docs}, key=int)
    random.Random(SEED).shuffle(topics)
    check = set(topics[: round(len(topics) * CHECK_SHARE)])
    return [d for d in docs if d.topic not in check], [d for d in docs if d.topic in check]


def within_selection(outputs: list[tuple[Doc, list[Timex]]]) -> list[tuple[Doc, list[Timex]]]:
    """The outputs with every expression, gold or found, that starts outside the selected sentences left out."""

    def inside(d: EscDoc, t: Timex) -> bool:
        return any(s <= t.start < e for s, e in d.selected)

    out: list[tuple[Doc, list[Timex]]] = []
    for d, found in outputs:
        assert isinstance(d, EscDoc)
        kept = EscDoc(d.name, d.dct, d.text, [g for g in d.gold if inside(d, g)], d.topic, d.selected)
        out.append((kept, [t for t in found if inside(d, t)]))
    return out


def scores(outputs: list[tuple[Doc, list[Timex]]]) -> dict[str, Score]:
    """Scores overall, for DATE alone (``evaluate``'s), and for each other type alone."""
    overall, date = evaluate(outputs)
    out = {"all": overall, "DATE": date}
    for type_ in ("TIME", "DURATION", "SET"):
        s = Score()
        for d, found in outputs:
            s.add([t for t in found if t.type == type_], [g for g in d.gold if g.type == type_])
        out[type_] = s
    return out


def read_topics() -> set[str]:
    """The ECB+ topics whose texts ``bench/temporal_diff.py`` reads (FACTCHECK_DATA's ecbplus-dev, topics 1-35):
    earlier sessions read the changed readings of those texts, never their ESC values."""
    data = Path(os.environ.get("FACTCHECK_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")
    return {p.name for p in (data / "ecbplus-dev" / "docs").glob("*") if p.is_dir()}


def parts(docs: list[EscDoc]) -> dict[str, list[EscDoc]]:
    """The development and check halves, and the part of the check half in topics no earlier session read."""
    dev, check = split_topics(docs)
    seen = read_topics()
    return {"dev": dev, "check": check, "check, unread topics": [d for d in check if d.topic not in seen]}


def measure(docs: list[EscDoc], system: str, sentences: str) -> dict[str, dict[str, Score]]:
    out = {}
    for part, part_docs in parts(docs).items():
        outputs = run(list(part_docs), system)
        out[part] = scores(within_selection(outputs) if sentences == "selected" else outputs)
    return out


def measure_beside(args: argparse.Namespace) -> dict[str, dict[str, Score]]:
    """This script's figures for the engine of the checkout ``args.beside``, in a process of its own."""
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        str(args.esc),
        "--json",
        "--sentences",
        args.sentences,
    ]
    env = {**os.environ, "FACTCHECK_ENGINE_ROOT": str(Path(args.beside).resolve())}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    raw = json.loads(done.stdout.strip().splitlines()[-1])
    return {part: {k: Score(**v) for k, v in by_type.items()} for part, by_type in raw.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("esc", type=Path, help="the EventStoryLine folder (or its bare git directory)")
    ap.add_argument("--beside", metavar="TREE", help="also measure the engine of the checkout TREE, same run")
    ap.add_argument("--no-baseline", action="store_true", help="skip the (slow) dateparser baseline")
    ap.add_argument(
        "--sentences",
        choices=("selected", "all"),
        default="selected",
        help="score within ECB+'s selected sentences (default) or every sentence",
    )
    ap.add_argument("--errors", type=int, default=0, help="list up to N errors of the development half")
    ap.add_argument(
        "--date-causes",
        action="store_true",
        help="tally the development half's errors involving a DATE by kind and likely cause",
    )
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # what --beside reads
    args = ap.parse_args(argv)
    docs, skipped = load(args.esc)
    if not docs:
        print(f"no ESC v1.5 documents under {args.esc}")
        return 2
    if args.json:
        figures = measure(docs, "factcheck", args.sentences)
        print(json.dumps({p: {k: asdict(s) for k, s in by.items()} for p, by in figures.items()}))
        return 0
    halves = parts(docs)
    dev = halves["dev"]
    print(
        f"ESC v1.5: {len(docs)} documents with a creation time ({skipped} without, skipped), "
        f"{len({d.topic for d in docs})} topics; split by topic (seed {SEED}); scored: {args.sentences} sentences"
    )
    for part, part_docs in halves.items():
        print(f"  {part}: {len(part_docs)} documents, topics {sorted({d.topic for d in part_docs}, key=int)}")
    columns = {"this tree": measure(docs, "factcheck", args.sentences)}
    if args.beside:
        columns[Path(args.beside).name] = measure_beside(args)
    if not args.no_baseline:
        baseline("Warm up on March 3, 2020.", dt.date(2020, 1, 1))
        columns["dateparser"] = measure(docs, "dateparser", args.sentences)
    for part in halves:
        n_gold = columns["this tree"][part]["all"].n_gold
        print(f"\n== ESC {part} ({n_gold} gold expressions)")
        print(f"{'value F1 (span P / R)':26}" + "".join(f"{c:>24}" for c in columns))
        for type_ in ("all", "DATE", "TIME", "DURATION", "SET"):
            cells = []
            for figures in columns.values():
                s = figures[part][type_]
                f = s.figures()
                cells.append(f"{f['value F1']:.3f} ({f['span P']:.2f}/{f['span R']:.2f}) n={s.n_gold}")
            print(f"{type_:26}" + "".join(f"{c:>24}" for c in cells))
    if args.errors or args.date_causes:
        outputs = run(list(dev), "factcheck")
        scored = within_selection(outputs) if args.sentences == "selected" else outputs
        if args.date_causes:
            print()
            date_causes(scored)
        if args.errors:
            print("\n== development half errors")
            show_errors(scored, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
