"""Event grouping on ECB+ (topics 1-35): pairwise precision/recall/F1 against the gold cross-document
coreference, beside a rapidfuzz single-link baseline measured in the same run.

Protocol: each document is rebuilt as text (tokens of a sentence joined by single spaces, one sentence per
line); all documents run through the real pipeline as ONE batch (no topic given); the gold of a sentence
listed in ECBplus_coreference_sentences.csv is the set of CROSS_DOC_COREF instances of the ACTION_*/NEG_*
mentions anchored in it; a sentence's predicted groups are those of the claims overlapping it. Every pair
of gold sentences from different documents is scored.

    python bench/ecbplus.py [--limit-topics N]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from itertools import combinations
from pathlib import Path

DATA = (
    Path(os.environ.get("FACTCHECK_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    / "ecbplus-dev"
)


def load_docs(limit_topics: int | None = None):
    """Yield (doc_name, sentences: list[str], gold: dict[sentence_no, set[instance]])."""
    selected: dict[str, set[int]] = defaultdict(set)
    with open(DATA / "ECBplus_coreference_sentences.csv", newline="") as f:
        for row in csv.DictReader(f):
            selected[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    topics = sorted((p for p in (DATA / "docs").iterdir() if p.is_dir()), key=lambda p: int(p.name))
    if limit_topics:
        topics = topics[:limit_topics]
    for tdir in topics:
        for f in sorted(tdir.glob("*.xml")):
            root = ET.parse(f).getroot()
            sent_tokens: dict[int, list[str]] = defaultdict(list)
            tok_sent: dict[str, int] = {}
            for tok in root.iter("token"):
                s = int(tok.get("sentence", "0"))
                sent_tokens[s].append(tok.text or "")
                tok_sent[tok.get("t_id", "")] = s
            mention_sents: dict[str, set[int]] = {}
            markables = root.find("Markables")
            if markables is not None:
                for m in markables:
                    if m.tag.startswith(("ACTION", "NEG")):
                        mention_sents[m.get("m_id", "")] = {
                            tok_sent[a.get("t_id", "")] for a in m.iter("token_anchor")
                        }
            gold: dict[int, set[str]] = defaultdict(set)
            relations = root.find("Relations")
            if relations is not None:
                for rel in relations.iter("CROSS_DOC_COREF"):
                    note = rel.get("note", "")
                    for src in rel.iter("source"):
                        for s in mention_sents.get(src.get("m_id", ""), ()):
                            gold[s].add(note)
            name = f.stem  # e.g. 1_10ecbplus
            sents = [" ".join(sent_tokens[k]) for k in sorted(sent_tokens)]
            keep = selected.get(name, set())
            yield name, sents, {s: gold.get(s, set()) for s in keep}


def pairwise(items: list[tuple[str, set[str], set[str]]]) -> tuple[float, float, float, int]:
    """items: (doc, gold instances, predicted groups) per gold sentence."""
    tp = fp = fn = 0
    for (d1, g1, p1), (d2, g2, p2) in combinations(items, 2):
        if d1 == d2:
            continue
        gold = bool(g1 & g2)
        pred = bool(p1 & p2)
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp + fn


def run_factcheck(docs) -> tuple[list[tuple[str, set[str], set[str]]], float]:
    from factcheck import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        line_spans: dict[str, list[tuple[int, int]]] = {}
        for name, sents, _ in docs:
            text = "\n".join(sents) + "\n"
            (Path(tmp) / f"{name}.txt").write_text(text, encoding="utf-8")
            spans, pos = [], 0
            for s in sents:
                spans.append((pos, pos + len(s)))
                pos += len(s) + 1
            line_spans[name] = spans
        t0 = time.perf_counter()
        corpus = pipeline.build([tmp])
        elapsed = time.perf_counter() - t0
    claims_by_doc = {a.key.removesuffix(".txt"): corpus.claims.get(a.key, []) for a in corpus.articles}
    items = []
    for name, _sents, gold in docs:
        claims = claims_by_doc.get(name, [])
        for s, g in gold.items():
            ls, le = line_spans[name][s]
            groups = {c.group for c in claims if c.group and c.start < le and c.end > ls}
            items.append((name, g, groups))
    return items, elapsed


def run_baseline(docs, threshold: float = 60) -> tuple[list[tuple[str, set[str], set[str]]], float]:
    from rapidfuzz import fuzz, process, utils

    sents, owners = [], []
    for name, ss, gold in docs:
        for s in gold:
            sents.append(ss[s])
            owners.append((name, s))
    t0 = time.perf_counter()
    parent = list(range(len(sents)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    m = process.cdist(sents, sents, scorer=fuzz.token_sort_ratio, processor=utils.default_process, workers=-1)
    n = len(sents)
    for i in range(n):
        for j in range(i + 1, n):
            if m[i, j] >= threshold:
                parent[find(i)] = find(j)
    elapsed = time.perf_counter() - t0
    gold_of = {name: gold for name, _, gold in docs}
    items = [(name, gold_of[name][s], {str(find(k))}) for k, (name, s) in enumerate(owners)]
    return items, elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit-topics", type=int, default=None)
    args = ap.parse_args()
    if not (DATA / "docs").is_dir():
        print(f"ECB+ data not found at {DATA} (set FACTCHECK_DATA)", file=sys.stderr)
        return 2
    docs = list(load_docs(args.limit_topics))
    n_sent = sum(len(g) for _, _, g in docs)
    print(f"ECB+ dev: {len(docs)} documents, {n_sent} gold sentences")
    items, t_fc = run_factcheck(docs)
    p, r, f, npos = pairwise(items)
    print(f"{'system':<34} {'P':>6} {'R':>6} {'F1':>6} {'seconds':>8}")
    print(f"{'factcheck (pipeline + grouping)':<34} {p:6.3f} {r:6.3f} {f:6.3f} {t_fc:8.1f}")
    bitems, t_b = run_baseline(docs)
    bp, br, bf, _ = pairwise(bitems)
    print(f"{'baseline token_sort single-link 60':<34} {bp:6.3f} {br:6.3f} {bf:6.3f} {t_b:8.1f}")
    print(
        f"gold-positive cross-document pairs: {npos}; F1 ratio factcheck/baseline: {f / bf if bf else float('inf'):.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
