"""Draw a random sample of the raw-page claims bench/ingest.py counts as leaked on half A of the extra set,
and show each in its page so it can be labelled by hand (the labels: bench/ingest_leak_labels.tsv).

The sample: every leaked claim of half A (raw page text, factcheck's rules, at the tree this runs on),
sorted by (file, start), then ``random.Random(SEED).sample(..., N)``. Each is shown with its position
(before / inside / after the article span), whether jusText keeps it, and the raw lines around it with
the kind our rules gave each line.

Labels (third column of the TSV): ``furniture`` (page chrome, other stories, comments, ads: a true leak),
``body`` (the article's own text that trafilatura's reference lacks: a false alarm of the measure),
``unclear``. Half B is never sampled.

    /work/venv/bin/python bench/ingest_leak_sample.py --extra /work/trafi_extra [--tsv OUT]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import ingest as bench  # noqa: E402  (bench/ingest.py)

from factcheck import ingest  # noqa: E402

SEED = 13
N = 80


def leaked_claims(base: Path) -> list[tuple[str, int, str, str, bool]]:
    """(file, start, position, claim text, kept by jusText) of every leaked raw claim of half A."""
    out = []
    for f, _entry, html, rec, text in bench.readable_pages(base, lambda f: bench.extra_half(f) == "A"):
        art = ingest.article_from_text(text, path=f, key=f)
        ref_text = bench.norm(str(rec.get("title") or "") + "\n" + str(rec.get("text") or ""))
        ref_grams = bench.grams(ref_text)
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extra", default=os.environ.get("FACTCHECK_EXTRA"), required=False)
    ap.add_argument("--tsv", help="write the sample's skeleton (labels empty) to this file")
    ap.add_argument("--context", type=int, default=3, help="raw lines shown either side")
    args = ap.parse_args()
    if not args.extra:
        sys.exit("bench/ingest_leak_sample.py: --extra DIR (or $FACTCHECK_EXTRA) is needed")
    base = Path(args.extra)
    allc = leaked_claims(base)
    sample = sorted(random.Random(SEED).sample(allc, min(N, len(allc))))
    print(f"half A leaked claims: {len(allc)}; sample of {len(sample)} (seed {SEED})")
    rows = []
    for k, (f, start, pos, text, jt) in enumerate(sample, 1):
        page = bench.visible_text((base / "html" / f).read_bytes())
        art = ingest.article_from_text(page, path=f, key=f)
        segs = sorted(art.segments, key=lambda s: s.start)
        at = next((i for i, s in enumerate(segs) if s.start <= start < s.end), 0)
        print(f"\n=== {k} {f} @{start} ({pos}; jusText keeps: {jt})\n  CLAIM: {text[:300]!r}")
        for s in segs[max(0, at - args.context) : at + args.context + 1]:
            mark = ">>" if s.start <= start < s.end else "  "
            print(
                f"  {mark} [{s.kind}{': ' + s.reason if s.reason else ''}] {art.text[s.start : s.end][:200]!r}"
            )
        rows.append(f"{f}\t{start}\t{pos}\t{int(jt)}\t\t\t{' '.join(text.split())[:160]}")
    if args.tsv:
        head = "file\tstart\tposition\tjustext\tlabel\tnote\tclaim"
        Path(args.tsv).write_text(head + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
