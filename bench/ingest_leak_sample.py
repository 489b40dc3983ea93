"""Draw a random sample of the raw-page claims bench/ingest.py counts as leaked on half A of the extra set,
and show each in its page so it can be labelled by hand (the labels: bench/ingest_leak_labels.tsv).
With ``--gold DIR`` (repeatable) the pool also holds the leaked claims of the development half of each
gold set of bench/ingest_gold.py (split by page, ``--split page``; judged against the gold text), so one
seeded sample is drawn over every development half.

The sample: every leaked claim of half A (raw page text, factcheck's rules, at the tree this runs on),
sorted by (file, start), then ``random.Random(SEED).sample(..., N)``. Each is shown with its position
(before / inside / after the article span), whether jusText keeps it, and the raw lines around it with
the kind our rules gave each line.

Labels (third column of the TSV): ``furniture`` (page chrome, other stories, comments, ads: a true leak),
``body`` (the article's own text that trafilatura's reference lacks: a false alarm of the measure),
``unclear``. Half B is never sampled.

    /work/venv/bin/python bench/ingest_leak_sample.py --extra /work/trafi_extra [--tsv OUT]
        [--gold /tmp/ingest_gold/sh --gold /tmp/ingest_gold/multi] [--n 60] [--seed 21]
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import ingest as bench  # noqa: E402  (bench/ingest.py)
import ingest_gold  # noqa: E402  (bench/ingest_gold.py)

from factcheck import ingest  # noqa: E402

SEED = 13
N = 80


REFS: dict[str, set[tuple[str, ...]]] = {}  # (each page's reference 4-grams, to mark its lines when shown)


def leaked_claims(base: Path) -> list[tuple[str, int, str, str, bool]]:
    """(file, start, position, claim text, kept by jusText) of every leaked raw claim of half A: leaked against
    the reference bench/ingest.py's figures take (``reference_text``: trafilatura's title, text and recall
    text, the page's own title and description), so the sample is drawn from the claims it counts."""
    out = []
    for f, entry, html, rec, text in bench.readable_pages(base, lambda f: bench.extra_half(f) == "A"):
        art = ingest.article_from_text(text, path=f, key=f)
        ref_text = bench.reference_text(rec, entry, bench.recall_text(html))
        ref_grams = REFS[f] = bench.grams(ref_text)
        lo, hi = bench._article_span(art, ref_grams)
        jt = bench._cached(
            "justext", html, lambda html=html, lang=art.language: bench._justext_of(html, lang)
        )
        jt_grams = bench.grams(jt)
        by_start = (
            {c.start: c.text for c in bench.extract.extract(art)} if ingest.claims_supported(art) else {}
        )
        for start, t in bench._leaks(bench._claims(art), ref_text, ref_grams):
            pos = "before" if start < lo else "after" if start > hi else "inside"
            kept_jt = t in jt or len(bench.grams(t) & jt_grams) >= 0.6 * len(bench.grams(t))
            out.append((f, start, pos, by_start.get(start, t), kept_jt))
    return out


def gold_leaked_claims(folder: Path, split: str = "page") -> list[tuple[str, int, str, str, bool]]:
    """(page, start, position, claim text, False) of every leaked raw claim of a gold set's development
    half (bench/ingest_gold.py's measure: against the gold text with the page's headline and lede)."""
    out = []
    for name, entry, html in ingest_gold.pages(folder):
        key = name if split == "page" else str(entry.get("group") or name)
        if ingest_gold.half(key, "gold20" if split == "page" else "gold11") != "dev":
            continue
        try:
            text = bench.visible_text(html)
        except Exception:  # (lxml's errors on a broken or empty page, skipped as the bench skips them)
            continue
        _rec, gold_text, gold_grams = ingest_gold.reference(bench, entry, html)
        REFS[name] = gold_grams
        art = ingest.article_from_text(text, path=name, key=name)
        lo, hi = bench._article_span(art, gold_grams)
        for start, t in bench._leaks(bench._claims(art), gold_text, gold_grams):
            pos = "before" if start < lo else "after" if start > hi else "inside"
            out.append((name, start, pos, t, False))
    return out


def in_reference(line: str, ref_grams: set[tuple[str, ...]]) -> bool:
    """A raw line (6+ words) is in the page's reference (word 4-grams, 60%, as the measure)."""
    g = bench.grams(bench.norm(line))
    return len(line.split()) >= 6 and len(g & ref_grams) >= 0.6 * len(g)


def page_text(extra: Path | None, golds: dict[str, Path], f: str) -> str:
    """The raw page text of a sampled page (an extra page, or a gold set's page)."""
    for folder in golds.values():
        path = folder / "html" / f"{f}.html.gz"
        if path.is_file():
            return bench.visible_text(gzip.decompress(path.read_bytes()))
    assert extra is not None
    return bench.visible_text((extra / "html" / f).read_bytes())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extra", default=os.environ.get("FACTCHECK_EXTRA"), required=False)
    ap.add_argument("--tsv", help="write the sample's skeleton (labels empty) to this file")
    ap.add_argument("--context", type=int, default=3, help="raw lines shown either side")
    ap.add_argument("--gold", action="append", default=[], metavar="DIR", help="a gold set's dev half too")
    ap.add_argument("--split", choices=ingest_gold.SPLITS, default="page", help="the gold sets' halves")
    ap.add_argument("--n", type=int, default=N)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()
    if not args.extra:
        sys.exit("bench/ingest_leak_sample.py: --extra DIR (or $FACTCHECK_EXTRA) is needed")
    base = Path(args.extra)
    allc = leaked_claims(base)
    golds = {str(g): Path(g) for g in args.gold}
    pools = [f"extra half A {len(allc)}"]
    for g, folder in golds.items():
        more = gold_leaked_claims(folder, args.split)
        pools.append(f"{g} dev half {len(more)}")
        allc += more
    sample = sorted(random.Random(args.seed).sample(allc, min(args.n, len(allc))))
    print(f"leaked claims: {len(allc)} ({'; '.join(pools)}); sample of {len(sample)} (seed {args.seed})")
    rows = []
    for k, (f, start, pos, text, jt) in enumerate(sample, 1):
        page = page_text(base, golds, f)
        art = ingest.article_from_text(page, path=f, key=f)
        segs = sorted(art.segments, key=lambda s: s.start)
        at = next((i for i, s in enumerate(segs) if s.start <= start < s.end), 0)
        in_ref = [in_reference(art.text[s.start : s.end], REFS.get(f, set())) for s in segs]
        below = sum(in_ref[at + 1 :])
        print(
            f"\n=== {k} {f} @{start} ({pos}; jusText keeps: {jt}; reference lines below: {below})"
            f"\n  CLAIM: {text[:300]!r}"
        )
        for i in range(max(0, at - args.context), min(len(segs), at + args.context + 1)):
            s = segs[i]
            mark = ">>" if s.start <= start < s.end else "  "
            ref = "R" if in_ref[i] else "-"
            print(
                f"  {mark}{ref} [{s.kind}{': ' + s.reason if s.reason else ''}] {art.text[s.start : s.end][:200]!r}"
            )
        rows.append(f"{f}\t{start}\t{pos}\t{int(jt)}\t\t\t{' '.join(text.split())[:160]}")
    if args.tsv:
        head = "file\tstart\tposition\tjustext\tlabel\tnote\tclaim"
        Path(args.tsv).write_text(head + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
