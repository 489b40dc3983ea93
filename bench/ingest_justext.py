"""Would jusText's paragraph classes help the furniture rules on raw page text? (issue #13, round 34)

jusText (Pomikalek 2011; installed with trafilatura) is a boilerplate remover made for this job: each
paragraph is classed by its length, its stop-word density in the page's language and its link density
("good", "neargood", "short", "bad"), then short and near-good paragraphs take the class of their
neighbours (its context pass). factcheck's furniture rules do the same job by hand on raw page text (what
a person gets by copying a page). This bench asks whether jusText's class is a better or complementary
signal for the lines the rules keep as body that are furniture, without losing the article.

Each raw line (``bench/ingest.py: visible_text``, read as a .txt article by this tree) is one jusText
paragraph: raw text has no links and no headings, so link density and the heading pass do not apply (a
copied page has neither). The stoplist is the detected language's (``STOPLISTS``), English otherwise, as
bench/ingest.py chooses it. The classes are computed by jusText's own ``classify_paragraphs`` and
``revise_paragraph_classification`` on paragraphs made from the lines.

Only lines the rules keep as body are ever dropped; a combination is a parameter set (``PARAMS``: jusText's
defaults and looser ones for one-line paragraphs) and a mode (``MODES``): every line jusText calls
boilerplate (the upper bound), only outside factcheck's span of the article (``ingest._prose_span``), only
short lines, only lines bad by jusText's context-free class or by its context pass. For each, per pool:
claims it removes that are not in the page's article (leaked: the reference and 60% word 4-gram rule of
bench/ingest.py), claims it removes that are (true), and lines of 15+ words in the reference it drops
(paragraphs). A claim belongs to the line it starts in; the rules' kinds are not changed otherwise (the
drop would run last), so the counts are what the combination would do.

Pools (development material only, aggregate counts, no page or text printed): the extra set's half A
(``--extra DIR``; ``--extra-half B`` for the check half, to be run once for a kept combination), the
realworld-dev pages outside its held-out split (``$FACTCHECK_DATA``), fundus's test pages of half A as raw
text (``--fundus GIT_DIR``; the reference its parse and trafilatura's recall text) and the development
halves (split by page) of gold sets of bench/ingest_gold.py (``--gold DIR``, repeatable; ``--gold-half
check`` for the check halves, totals only).

    cd /work/wt/furniture23 && PYTHONPATH=$PWD FACTCHECK_DATA=/work/shared/data /work/venv/bin/python \\
        bench/ingest_justext.py --extra /work/trafi_extra \\
        --fundus /work/.mirror/flairNLP+fundus/repo --gold /tmp/f22/gold/sh --gold /tmp/f22/gold/multi
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("FACTCHECK_NO_CACHE", "1")

import ingest as bench  # noqa: E402  (bench/ingest.py)
import ingest_fundus  # noqa: E402
import ingest_gold  # noqa: E402

from factcheck import ingest  # noqa: E402

# jusText's stoplist of each detected language (ISO 639-1 -> its file name); English for any other
STOPLISTS = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
    "cs": "Czech",
    "da": "Danish",
    "sv": "Swedish",
    "hr": "Croatian",
    "id": "Indonesian",
    "tr": "Turkish",
    "vi": "Vietnamese",
    "ru": "Russian",
    "el": "Greek",
}

# jusText's parameters: its defaults, and looser ones for one-line paragraphs (a news paragraph of raw
# text is often under its 200 characters of a "good" paragraph)
PARAMS: dict[str, dict[str, float]] = {
    "default": {},
    "length_low 50": {"length_low": 50},
    "length_low 100": {"length_low": 100},
    "stopwords 0.25": {"stopwords_low": 0.25, "stopwords_high": 0.27},
    "stopwords 0.20": {"stopwords_low": 0.20, "stopwords_high": 0.22},
    "length_high 100": {"length_high": 100},
    "length_high 140, stopwords 0.25": {"length_high": 140, "stopwords_low": 0.25, "stopwords_high": 0.27},
}


class Row(NamedTuple):
    """One raw line as this tree read it."""

    text: str
    words: int
    kind: str  # the rules' kind: body, title, meta, furniture
    in_span: bool  # inside factcheck's span of the article (``ingest._prose_span``)
    leaked: int  # claims starting in the line that are not in the page's article
    true: int  # claims starting in the line that are
    paragraph: bool  # 15+ words, in the page's article


MODES: dict[str, Callable[[Row, str, str], bool]] = {  # (row, context-free class, final class) -> drop
    "every boilerplate line (upper bound)": lambda r, cf, c: c == "bad",
    "outside the span": lambda r, cf, c: c == "bad" and not r.in_span,
    "short lines (< 15 words)": lambda r, cf, c: c == "bad" and r.words < ingest.SUBSTANTIAL_WORDS,
    "short lines outside the span": lambda r, cf, c: (
        c == "bad" and r.words < ingest.SUBSTANTIAL_WORDS and not r.in_span
    ),
    "bad before context, outside the span": lambda r, cf, c: cf == "bad" and not r.in_span,
    "bad before context, 15+ words, outside": lambda r, cf, c: (
        cf == "bad" and r.words >= ingest.SUBSTANTIAL_WORDS and not r.in_span
    ),
    "bad by the context pass, outside": lambda r, cf, c: cf == "short" and c == "bad" and not r.in_span,
    "bad before context, inside the span": lambda r, cf, c: cf == "bad" and r.in_span,
}


class _Path:
    """The DOM path jusText's Paragraph reads: a plain paragraph (no heading, no <select>)."""

    dom = "body.p"
    xpath = "/html/body/p"


def classes(texts: list[str], lang: str | None, params: dict[str, float]) -> list[tuple[str, str]]:
    """(context-free class, final class) of each line as a jusText paragraph."""
    import justext
    from justext.core import classify_paragraphs, revise_paragraph_classification
    from justext.paragraph import Paragraph

    paragraphs = []
    for t in texts:
        p = Paragraph(_Path())
        p.append_text(t)
        paragraphs.append(p)
    stop = justext.get_stoplist(STOPLISTS.get(lang or "", "English"))
    classify_paragraphs(paragraphs, stop, no_headings=True, **params)
    revise_paragraph_classification(paragraphs)
    return [(p.cf_class, p.class_type) for p in paragraphs]


def rows_of(name: str, text: str, ref: str) -> tuple[str | None, list[Row]] | None:
    """The page's raw lines as this tree reads them; None when its language gives no claims."""
    art = ingest.article_from_text(text, path=name, key=name)
    if not ingest.claims_supported(art):
        return None
    ref_grams = bench.grams(ref)
    lines = ingest._lines(art.text, ingest._front_matter(art.text)[0])
    kind_at = {s.start: s.kind for s in art.segments}
    kinds = [kind_at.get(ln.start, "title") for ln in lines]  # (a title line split in parts)
    span = ingest._prose_span(lines, [(k, "") for k in kinds], [ln.substantial for ln in lines])
    claims = bench._claims(art)
    leaked = set(bench._leaks(claims, ref, ref_grams))
    starts = [ln.start for ln in lines]
    per_line = [[0, 0] for _ in lines]
    for c in claims:
        at = bisect.bisect_right(starts, c[0]) - 1
        if at >= 0:
            per_line[at][0 if c in leaked else 1] += 1
    rows = []
    for i, ln in enumerate(lines):
        t = bench.norm(ln.text)
        g = bench.grams(t)
        in_ref = bool(t) and (t in ref or len(g & ref_grams) >= 0.6 * len(g))
        rows.append(
            Row(
                ln.text,
                ln.words,
                kinds[i],
                bool(span and span[0] <= i <= span[1]),
                per_line[i][0],
                per_line[i][1],
                in_ref and ln.words >= ingest.SUBSTANTIAL_WORDS,
            )
        )
    return art.language, rows


def extra_pages(folder: Path, half: str) -> Iterator[tuple[str, str, str]]:
    for f, gold, html, rec, text in bench.readable_pages(folder, lambda f: bench.extra_half(f) == half):
        yield f, text, bench.reference_text(rec or {}, gold, bench.recall_text(html))


def realworld_pages() -> Iterator[tuple[str, str, str]]:
    folder = bench.data_dir()
    for p in sorted((folder / "html").glob("*.html")):
        if bench.held_out(p.stem):
            continue
        html = p.read_bytes()
        rec = ingest.parse_json((folder / "json" / f"{p.stem}.json").read_text(encoding="utf-8"))
        yield p.stem, bench.visible_text(html), bench.reference_text(rec, recall=bench.recall_text(html))


def fundus_pages(git_dir: Path, half: str) -> Iterator[tuple[str, str, str]]:
    for p in ingest_fundus.pages(git_dir):
        if p["labelled"] or ingest_fundus.half(p["publisher"]) != half:
            continue
        html = gzip.decompress(ingest_fundus._git(git_dir, "show", f"HEAD:{p['path']}"))
        try:
            text = bench.visible_text(html)
        except Exception:  # lxml's errors on a broken or empty page (skipped, as the other benches do)
            continue
        summary, paragraphs = ingest_fundus.body_parts(p["parse"])
        parts = [str(p["parse"].get("title") or ""), *summary, *paragraphs, bench.recall_text(html)]
        yield p["page"], text, bench.norm("\n".join(parts))


def gold_pages(folder: Path, half: str) -> Iterator[tuple[str, str, str]]:
    for name, entry, html in ingest_gold.pages(folder):
        if ingest_gold.half(name, "gold20") != half:
            continue
        try:
            text = bench.visible_text(html)
        except Exception:  # (as bench/ingest_gold.py skips them)
            continue
        _rec, ref, _grams = ingest_gold.reference(bench, entry, html)
        yield name, text, ref


def measure(pages: Iterator[tuple[str, str, str]]) -> dict[str, Any]:
    """Per parameter set and mode: [leaked, true, paragraphs] the drop removes; and the pool's totals."""
    read = [page for name, text, ref in pages if (page := rows_of(name, text, ref)) is not None]
    body = [r for _lang, rows in read for r in rows if r.kind == "body"]
    out: dict[str, Any] = {
        "pages": len(read),
        "leaked": sum(r.leaked for r in body),
        "claims": sum(r.leaked + r.true for r in body),
        "paragraphs": sum(r.paragraph for r in body),
    }
    for pname, params in PARAMS.items():
        cls = [classes([r.text for r in rows], lang, params) for lang, rows in read]
        for mname, drop in MODES.items():
            got = [0, 0, 0]
            for (_lang, rows), page_cls in zip(read, cls, strict=True):
                for r, (cf, c) in zip(rows, page_cls, strict=True):
                    if r.kind == "body" and drop(r, cf, c):
                        got[0] += r.leaked
                        got[1] += r.true
                        got[2] += r.paragraph
            out[f"{pname}|{mname}"] = got
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--extra", metavar="DIR", help="trafilatura's evaluation pages (bench/ingest.py's --extra)"
    )
    ap.add_argument("--extra-half", default="A", choices=("A", "B"), help="B: the check half, aggregate")
    ap.add_argument("--fundus", metavar="GIT_DIR", help="a git directory of flairNLP/fundus (half A)")
    ap.add_argument("--gold", metavar="DIR", action="append", default=[], help="a gold set (repeatable)")
    ap.add_argument("--gold-half", default="dev", choices=("dev", "check"), help="check: totals only")
    ap.add_argument("--no-realworld", action="store_true", help="leave realworld-dev out")
    args = ap.parse_args()
    pools: dict[str, Iterator[tuple[str, str, str]]] = {}
    if args.extra:
        pools[f"extra {args.extra_half}"] = extra_pages(Path(args.extra), args.extra_half)
    if not args.no_realworld:
        pools["realworld-dev (dev)"] = realworld_pages()
    if args.fundus:
        pools["fundus A"] = fundus_pages(Path(args.fundus), "A")
    for g in args.gold:
        pools[f"gold {Path(g).name} {args.gold_half}"] = gold_pages(Path(g), args.gold_half)
    results = {name: measure(pages) for name, pages in pools.items()}
    for name, res in results.items():
        print(
            f"{name}: {res['pages']} pages with claims; the rules keep as body {res['claims']} claims, "
            f"{res['leaked']} leaked ({res['leaked'] / max(res['claims'], 1):.1%}), "
            f"{res['paragraphs']} lines of 15+ words in the article"
        )
    print("\nremoved by each combination, per pool: leaked claims / true claims / 15+-word article lines")
    for pname in PARAMS:
        print(f"\n[{pname}]")
        for mname in MODES:
            cells = [
                f"{res[f'{pname}|{mname}'][0]}/{res[f'{pname}|{mname}'][1]}/{res[f'{pname}|{mname}'][2]}"
                for res in results.values()
            ]
            print(f"  {mname:<42}" + "  ".join(f"{c:>14}" for c in cells))
    print("\n  (columns: " + ", ".join(results) + ")")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
