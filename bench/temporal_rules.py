"""Which rules of ``factcheck/lang/en/time.toml`` generalise and which only fit their own documents: each rule is
switched off in turn and the development documents are tagged again (TBAQ's development part, and the
development half of ``--dev-corpus``, e.g. MEANTIME English). Never the held-out part nor the check half.

    python bench/temporal_rules.py [--dev-corpus DIR] [--folds K] [--min-docs N] [--unlabelled]

For each rule that changes anything, one line: the change in value F1 (all / DATE) that the rule makes on TBAQ's
development part and on the other corpus's development half (rule on minus rule off), the number of documents
where it gains correct values and where it costs (a correct value lost, or a wrong expression added), and its
DATE value F1 gain in each of K folds by document of TBAQ's development part. A rule that gains in one
document only, or in one fold only, fits its documents rather than English news: ``--min-docs`` (default 2)
marks the rules whose gains come from fewer documents (``QUIRK``). ``--unlabelled`` adds how many of the
unlabelled English texts of ``bench/temporal_diff.py`` (ECB+, realworld-dev, the trafilatura pages outside the
fresh split) the rule changes: a rule marked QUIRK that changes none of them has no evidence beyond its document.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import temporal as bench  # bench/temporal.py: corpus loading and scoring
import temporal_diff  # bench/temporal_diff.py: the unlabelled texts

engine = bench.temporal_module


def _per_doc(outputs: list[tuple[bench.Doc, list[bench.Timex]]]) -> dict[str, tuple[int, int]]:
    """Per document: (correct values, wrong expressions) of the tagger's output, all types."""
    out: dict[str, tuple[int, int]] = {}
    for d, found in outputs:
        s = bench.Score()
        s.add(found, d.gold)
        out[d.name] = (s.tp_value, s.n_sys - s.tp_value)
    return out


def _run_without(docs: list[bench.Doc], prio: int | None) -> list[tuple[bench.Doc, list[bench.Timex]]]:
    """Tag ``docs`` with the rule of priority ``prio`` switched off (None: every rule on)."""
    full = engine._RULES_OF_KIND
    if prio is not None:
        engine._RULES_OF_KIND = {k: tuple(d for d in ds if d.prio != prio) for k, ds in full.items()}
    engine._tag_cached.cache_clear()
    try:
        return bench.run(docs, "factcheck")
    finally:
        engine._RULES_OF_KIND = full
        engine._tag_cached.cache_clear()


def _tag_texts(texts: list[dict[str, str | None]], prio: int | None) -> list[set[tuple[int, int, str, str]]]:
    """The expressions of each unlabelled text with the rule of priority ``prio`` switched off."""
    full = engine._RULES_OF_KIND
    if prio is not None:
        engine._RULES_OF_KIND = {k: tuple(d for d in ds if d.prio != prio) for k, ds in full.items()}
    engine._tag_cached.cache_clear()
    try:
        return temporal_diff.readings(texts)
    finally:
        engine._RULES_OF_KIND = full
        engine._tag_cached.cache_clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--dev-corpus", metavar="DIR", help="a further corpus; only its development half is read")
    ap.add_argument("--folds", type=int, default=5, metavar="K", help="folds by document of TBAQ's dev part")
    ap.add_argument("--min-docs", type=int, default=2, help="fewer documents gaining than this: QUIRK")
    ap.add_argument(
        "--unlabelled", action="store_true", help="also count the unlabelled texts each rule changes"
    )
    ap.add_argument("--extra", type=Path, default=Path("/work/trafi_extra"), help="the trafilatura pages")
    args = ap.parse_args(argv)

    found = bench.development_documents(args.dev_corpus)
    if found is None:
        return 0
    dev, other = found
    root = bench.data_dir()
    names = sorted(d.name for d in dev)
    random.Random(bench.SPLIT_SEED + 1).shuffle(names)
    fold_of = {n: i % args.folds for i, n in enumerate(names)}

    base_dev = _run_without(dev, None)
    base_other = _run_without(other, None) if other else []
    base_docs = _per_doc(base_dev + base_other)
    base_f1 = bench.value_f1s(base_dev)
    base_other_f1 = bench.value_f1s(base_other) if other else (0.0, 0.0)
    texts = temporal_diff.texts(root.parent, args.extra) if args.unlabelled else []
    base_texts = _tag_texts(texts, None) if texts else []
    base_fold = [
        bench.value_f1s([o for o in base_dev if fold_of[o[0].name] == k])[1] for k in range(args.folds)
    ]
    print(
        f"TBAQ development part: {len(dev)} documents, value F1 {base_f1[0]:.3f} / DATE {base_f1[1]:.3f}"
        + (
            f"; {args.dev_corpus} development half: {len(other)} documents, "
            f"{base_other_f1[0]:.3f} / {base_other_f1[1]:.3f}"
            if other
            else ""
        )
    )
    print(
        f"{'rule':<28} {'TBAQ all':>8} {'DATE':>6} {'other':>6} {'DATE':>6} {'+docs':>5} {'-docs':>5}  "
        f"DATE gain per fold" + ("  unlabelled texts changed" if texts else "")
    )
    for d in engine._DISPATCH:
        name = engine._ALL_RULES[d.prio][2]
        off_dev = _run_without(dev, d.prio)
        off_other = _run_without(other, d.prio) if other else []
        off_docs = _per_doc(off_dev + off_other)
        gains = [n for n, (tp, wrong) in base_docs.items() if tp > off_docs[n][0]]
        costs = [n for n, (tp, wrong) in base_docs.items() if tp < off_docs[n][0] or wrong > off_docs[n][1]]
        if not gains and not costs:
            continue
        f1 = bench.value_f1s(off_dev)
        of1 = bench.value_f1s(off_other) if other else (0.0, 0.0)
        fold_gain = [
            base_fold[k] - bench.value_f1s([o for o in off_dev if fold_of[o[0].name] == k])[1]
            for k in range(args.folds)
        ]
        mark = "  QUIRK" if len(gains) < args.min_docs else ""
        if texts:
            off_texts = _tag_texts(texts, d.prio)
            mark = f"  {sum(a != b for a, b in zip(base_texts, off_texts, strict=True)):5d}" + mark
        print(
            f"{name:<28} {base_f1[0] - f1[0]:+8.3f} {base_f1[1] - f1[1]:+6.3f} {base_other_f1[0] - of1[0]:+6.3f} "
            f"{base_other_f1[1] - of1[1]:+6.3f} {len(gains):5d} {len(costs):5d}  "
            + " ".join(f"{g:+.3f}" for g in fold_gain)
            + mark
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
