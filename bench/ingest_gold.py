"""Furniture in raw page text measured against a hand-made gold article text (not trafilatura's).

Issue #13's open target: furniture leaks in raw page text (what a person gets by copying a page) under 5%
of claims on pages nobody tuned on. bench/ingest.py measures it with trafilatura's extraction of the same
page as the reference (a proxy). This bench measures it against a gold main text written by people, on a
public web-content-extraction benchmark kept OUTSIDE the repo:

    scrapinghub/article-extraction-benchmark (github): html/*.html.gz and ground-truth.json
    ({name: {"url", "articleBody"}}): 181 news and article pages; --gold DIR is the folder holding both.

None of its pages is in the extra set of bench/ingest.py (/work/trafi_extra, trafilatura's evaluation
pages): checked by URL (scheme, "www." and query dropped), by the sha1 of the page's bytes, and by 40
characters of three sentences of each gold article searched in every extra page: no hit.

Other sets in the same layout come from bench/ingest_gold_convert.py: a multilingual one (the DAnIEL corpus
in English and Polish, and in Greek and Russian, which give no claims yet; hand-written German, English and
Croatian extractions of htmltotext-benchmark; the non-English test pages of mozilla/readability). Their
entries also name a ``group`` (the site) and a ``lang``.

Split fixed: sha1("gold11:" + key) % 2 == 0 is the development half (its leaked claims may be read:
``--study FILE``), the rest the check half (totals only); the key is the entry's group where the set gives
one (a site's template is then never on both sides), else the page's name (a split by document).
``--split page`` splits every set by page instead (sha1("gold20:" + name) % 2 == 0 the development half):
the shape of half B's leakage (long prose below an end-of-article marker) sits on a few sites, which the
split by site put almost all in the check half; split by page, both halves hold some of it (a site's pages
then lie on both sides: a rule must hold on other sites too, as everywhere).

The raw page text of a page is made as bench/ingest.py makes it for the extra set (``visible_text``: the
HTML's visible text, one line per block element) and read as a .txt article. Figures per half:
- leakage: claims whose sentence is not in the gold text with the headline and lede the page declares
  (its title and meta description, as bench/ingest.py's reference holds them; the gold has no headline) (word 4-grams, 60% overlap, as bench/ingest.py),
  by position against the article's span (first to last line of 6+ words in the gold text): before,
  inside, after; of those after it, where they stand in the raw text as factcheck read it (bench/ingest.py's
  ``after_places``: inside factcheck's own span of the article, below it or above it, in lines of 15+
  words, below an end-of-article marker the article went on past); and the same with no furniture rules
  (every line body);
- the leakage corrected by the hand-labelled samples (bench/ingest.py's ``label_rates``: bench/
  ingest_leak_labels*.tsv, drawn from the development halves only): each leaked claim weighed by the share
  of sampled claims at its place (before / inside / after the article's span) that are furniture by hand
  (the rest is article text the reference lacks: gaps inside it, headlines, captions, a gold cut short);
  the same fixed rates for every half of every set;
- the proxy beside it: the same claims judged against bench/ingest.py's reference (trafilatura's text,
  its recall text, its title and excerpt), to see how far the proxy is from the gold;
- the proxy judged claim by claim: of the claims it counts as leaked, the share the gold counts too (its
  precision here), and of the claims the gold counts, the share it catches;
- gold paragraphs of 15+ words kept in the article's body (4-grams, 60%), and the gold text's words kept
  (share of its 4-grams in the body);
- leakage and 15+ word paragraphs kept per language, where the set names the languages.

``--base TREE`` measures a second code tree (e.g. /tmp/base11) in a child process in the same run and
prints its figures beside this tree's.

    cd /work/wt/ingest && PYTHONPATH=$PWD /work/venv/bin/python bench/ingest_gold.py \\
        --gold /tmp/ingest_gold/sh --base /tmp/base11 [--study FILE]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def load(tree: Path) -> tuple[Any, Any]:
    """The factcheck package of ``tree`` and this tree's bench/ingest.py running on it."""
    sys.path.insert(0, str(tree))
    import factcheck  # (first, so that bench/ingest.py's own path insert does not replace it)

    assert Path(factcheck.__file__).resolve().is_relative_to(tree.resolve()), factcheck.__file__
    spec = importlib.util.spec_from_file_location("bench_ingest", ROOT / "bench" / "ingest.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    from factcheck import ingest

    return ingest, bench


def half(key: str, salt: str = "gold11") -> str:
    """The half of a page: ``key`` is its group (the site) where the set gives one, else its name (the
    split by site, salt "gold11"); or always its name (the split by page, ``--split page``: salt "gold20")."""
    return "dev" if int(hashlib.sha1(f"{salt}:{key}".encode()).hexdigest(), 16) % 2 == 0 else "check"


SPLITS = ("site", "page")  # (--split: by site, as since session 11; or by page)


def pages(folder: Path) -> list[tuple[str, dict[str, Any], bytes]]:
    """(name, gold entry, page bytes) of every page of the folder."""
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for name in sorted(gold):
        path = folder / "html" / f"{name}.html.gz"
        if path.is_file():
            out.append((name, gold[name], gzip.decompress(path.read_bytes())))
    return out


def headline(rec: dict[str, Any] | None) -> tuple[str, str]:
    """The headline and lede the page declares (its title, and its meta description as trafilatura reads
    them): the gold articleBody holds neither, and bench/ingest.py's reference counts both as the article."""
    return (str(rec.get("title") or ""), str(rec.get("excerpt") or "")) if rec else ("", "")


def reference(bench: Any, entry: dict[str, Any], html: bytes) -> tuple[Any, str, set[tuple[str, ...]]]:
    """trafilatura's record of a page, and the page's reference: its gold text with the headline and lede
    the page declares (normalised), and that text's word 4-grams."""
    rec = bench._cached("record", html, lambda html=html: bench._record_or_none(html))
    body = str(entry.get("articleBody") or "")
    text = bench.norm("\n".join(str(p) for p in (body, *headline(rec)) if p))
    return rec, text, bench.grams(text)


def measure(
    folder: Path, tree: Path, study: str | None, split: str = "site"
) -> dict[str, dict[str, list[int]]]:
    """Per half, ``key -> [ok, n]`` (see the module's docstring)."""
    ingest, bench = load(tree)
    rates = bench.label_rates()
    out: dict[str, dict[str, list[int]]] = {"dev": {}, "check": {}}
    notes: list[str] = []

    def add(h: str, key: str, ok: int, n: int = 1) -> None:
        t = out[h].setdefault(key, [0, 0])
        t[0] += ok
        t[1] += n

    for name, entry, html in pages(folder):
        body = str(entry.get("articleBody") or "")
        lang = str(entry.get("lang") or "")
        h = half(name, "gold20") if split == "page" else half(str(entry.get("group") or name))
        try:
            text = bench.visible_text(html)
        except Exception:  # lxml's errors on a broken or empty page (as bench/ingest.py skips them)
            add(h, "unreadable", 1)
            continue
        add(h, "pages", 1)
        rec, gold_text, gold_grams = reference(bench, entry, html)
        raw = ingest.article_from_text(text, path=name, key=name)
        bare = ingest.article_from_text(text, path=name, key=name)
        bare.segments = bench._all_body(text)
        proxy = bench.reference_text(rec or {}, None, bench.recall_text(html) if rec is not None else None)
        proxy_grams = bench.grams(proxy)
        for way, art in (("raw", raw), ("none", bare)):
            claims = bench._claims(art)
            leaked = bench._leaks(claims, gold_text, gold_grams)
            lo, hi = bench._article_span(art, gold_grams)
            if (
                way == "raw"
            ):  # (each leaked claim weighed by the labelled sample's share of furniture at its place)
                places = ["before" if s < lo else "after" if s > hi else "inside" for s, _t in leaked]
                add(
                    h,
                    "corrected",
                    round(sum(100 * rates.get(p, (1.0, 0))[0] for p in places)),
                    100 * len(claims),
                )
            add(h, f"{way} leak", len(leaked), len(claims))
            if way == "raw":  # (where the claims after the article stand: bench/ingest.py's after_places)
                for place, n in bench.after_places(art, [start for start, _t in leaked], hi).items():
                    add(h, f"after {place}", n, n)
            if lang:
                add(h, f"{way} leak {lang}", len(leaked), len(claims))
            for start, t in leaked:
                pos = "before" if start < lo else "after" if start > hi else "inside"
                add(h, f"{way} leak-{pos}", 1)
                if way == "raw" and study and h == "dev":
                    seg = next((s for s in art.segments if s.start <= start < s.end), None)
                    words = len(art.text[seg.start : seg.end].split()) if seg else 0
                    places = bench.after_places(art, [start], hi) if pos == "after" else {}
                    where = ",".join(p for p, n in places.items() if n and p != "after") or "-"
                    notes.append(f"leak\t{name}\t{pos}\t{where}\t{start}\t{words}\t{t[:200]}")
            if rec is not None:
                by_proxy = bench._leaks(claims, proxy, proxy_grams)
                add(h, f"{way} proxy", len(by_proxy), len(claims))
                if way == "raw":  # (the proxy judged by the gold: claim by claim)
                    both = len(set(by_proxy) & set(leaked))
                    add(h, "proxy precision", both, len(by_proxy))
                    add(h, "proxy recall", both, len(leaked))
            if way != "raw":
                continue
            kept = bench.grams(bench.kept_text(art))
            add(h, "gold words kept", len(gold_grams & kept), len(gold_grams))
            for para in body.split("\n"):
                if len(para.split()) < 15:
                    continue
                g = bench.grams(bench.norm(para))
                ok = len(g & kept) >= 0.6 * len(g)
                add(h, "para", int(ok))
                if lang:
                    add(h, f"para {lang}", int(ok))
                if not ok and study and h == "dev":
                    notes.append(f"lost\t{name}\t{bench._reason(art, para)}\t{para[:300]}")
    if study:
        Path(study).write_text("\n".join(notes) + "\n", encoding="utf-8")
    return out


PLACES = ("before", "inside", "after", "span", "15+", "marker")  # (rows of counts, not shares)


def fmt(t: list[int] | None, scale: int = 1) -> str:
    ok, n = t or [0, 0]
    return f"{ok / scale:.0f}/{n / scale:.0f} = {ok / n:.1%}" if n else "-"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", required=True, metavar="DIR", help="html/*.html.gz and ground-truth.json")
    ap.add_argument("--base", metavar="TREE", help="a second code tree measured in the same run")
    ap.add_argument("--tree", metavar="TREE", default=str(ROOT), help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--study", metavar="FILE", help="write the dev half's leaked claims and lost paragraphs")
    ap.add_argument(
        "--split",
        choices=SPLITS,
        default="site",
        help="halves by site (default: a site's template never on both sides) or by page (a site's pages on both)",
    )
    args = ap.parse_args()
    folder = Path(args.gold)
    if not (folder / "ground-truth.json").is_file():
        sys.exit(f"bench/ingest_gold.py: no ground-truth.json in {folder}")
    if args.json:
        json.dump(measure(folder, Path(args.tree), None, args.split), sys.stdout)
        return 0
    trees = {"this": measure(folder, Path(args.tree), args.study, args.split)}
    if args.base:
        child = subprocess.run(
            [
                sys.executable,
                __file__,
                "--gold",
                str(folder),
                "--tree",
                args.base,
                "--split",
                args.split,
                "--json",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        trees["base"] = json.loads(child.stdout)
    print(
        f"gold set {folder} (split by {args.split}): this tree {args.tree}"
        + (f"; base {args.base}" if args.base else "")
    )
    for h in ("dev", "check"):
        this = trees["this"][h]
        print(f"\n[{h}] pages {this.get('pages', [0])[0]} (unreadable {this.get('unreadable', [0])[0]})")
        for key, label in (
            ("raw leak", "leakage against the gold text"),
            ("corrected", "  corrected by the labelled sample's rates"),
            ("raw leak-before", "  leaked before the article"),
            ("raw leak-inside", "  leaked inside the article"),
            ("raw leak-after", "  leaked after the article"),
            ("after in span", "    inside factcheck's span of the article"),
            ("after below span", "    below factcheck's span"),
            ("after above span", "    above it (another text taken)"),
            ("after 15+", "    in lines of 15+ words"),
            ("after after a marker", "    below a marker the article went on past"),
            ("raw proxy", "leakage by bench/ingest.py's proxy"),
            ("proxy precision", "  of them leaked by the gold too"),
            ("proxy recall", "  of the gold's leaked claims, caught"),
            ("para", "gold 15+ word paragraphs kept"),
            ("gold words kept", "gold 4-grams kept"),
            ("none leak", "no furniture rules: leakage (gold)"),
        ):
            scale = 100 if key == "corrected" else 1  # (hundredths of a claim: an estimate)
            row = f"  {label:<46}{fmt(this.get(key), scale) if not key.endswith(PLACES) else this.get(key, [0])[0]}"
            if "base" in trees:
                b = trees["base"][h]
                row += f"   base {fmt(b.get(key), scale) if not key.endswith(PLACES) else b.get(key, [0])[0]}"
            print(row)
        langs = sorted({k.split()[-1] for k in this if k.startswith("raw leak ")})
        for lang in langs:
            row = f"  [{lang}] leakage {fmt(this.get(f'raw leak {lang}'))}; 15+ paragraphs {fmt(this.get(f'para {lang}'))}"
            if "base" in trees:
                b = trees["base"][h]
                row += f"   base {fmt(b.get(f'raw leak {lang}'))}; {fmt(b.get(f'para {lang}'))}"
            print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
