"""Convert public hand-made main-text benchmarks to the ``--gold DIR`` layout of bench/ingest_gold.py.

bench/ingest_gold.py reads a folder of ``html/NAME.html.gz`` and ``ground-truth.json`` ({NAME: {"url",
"articleBody", ...}}), the layout of scrapinghub/article-extraction-benchmark (English only). Half B of
bench/ingest.py's extra set leaks mostly on non-English pages, so a gold set in other languages is needed to
write and check rules for them. This script converts three public sets with a gold text made by people
(each fetched from GitHub and unpacked under /tmp first; nothing of them goes into the repo):

- ``--daniel DIR``: the DAnIEL corpus (Lejeune et al.; rundimeco/waddle, corpora/Corpus_daniel_v2.1):
  ``html/NAME`` and ``reference/NAME`` (the article's paragraphs, one ``<p>`` a line), languages in
  ``doc_lg.json``: English, Polish, Greek, Russian (Chinese is left out: the tool has no sentences for it);
- ``--htmltotext DIR``: leogao2/htmltotext-benchmark's ``benchmarkdata/LANG/{html,text}`` (hand-written
  extractions; English, German, Croatian; Chinese left out);
- ``--readability DIR``: mozilla/readability's ``test/test-pages/X/{source,expected}.html`` (the expected
  article, reviewed by the project's maintainers), non-English pages only (the English ones are not the gap;
  Japanese left out).

Every entry gets a ``group``: the site it comes from. bench/ingest_gold.py splits a set by its groups when
they are given, so that a site's template is never on both sides of the split (DAnIEL holds up to 84 pages
of one site).

Pages that are also in the extra set of bench/ingest.py (``--extra DIR``) are dropped, so that its half B
stays unseen: by the sha1 of the page's bytes, and by 40 characters of three sentences of the gold text
searched in every extra page's visible text (none of the three sets records its pages' URLs, so a URL
check cannot be made). The counts are printed.

    PYTHONPATH=$PWD /work/venv/bin/python bench/ingest_gold_convert.py --out /tmp/ingest_gold/multi \\
        --daniel /tmp/ingest_gold/waddle/corpora/Corpus_daniel_v2.1 \\
        --htmltotext /tmp/ingest_gold/h2t/benchmarkdata --readability /tmp/ingest_gold/rdb/test/test-pages \\
        --extra /work/trafi_extra
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html as htmllib
import importlib.util
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
DANIEL_LANGS = {"English": "en", "Polish": "pl", "Greek": "el", "Russian": "ru"}
LEFT_OUT_LANGS = {"zh", "ja"}


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_ingest", ROOT / "bench" / "ingest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _paragraphs_of_markup(markup: str) -> str:
    """Paragraphs of a reference written as HTML (one per <p>, <li>, heading...), one per line."""
    text = re.sub(r"(?i)<(?:/p|br\s*/?|/li|/h[1-6]|/div|/blockquote|/tr)>", "\n", markup)
    text = htmllib.unescape(re.sub(r"<[^>]+>", " ", text))
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())


def daniel(folder: Path) -> Iterator[tuple[str, dict[str, str], bytes]]:
    langs = json.loads((folder / "doc_lg.json").read_text(encoding="utf-8"))
    for page in sorted((folder / "html").iterdir()):
        ref = folder / "reference" / page.name
        lang = DANIEL_LANGS.get(langs.get(page.name, ""))
        if lang is None or not ref.is_file():
            continue
        host = page.name.split("_")[1]
        body = _paragraphs_of_markup(ref.read_text(encoding="utf-8", errors="replace"))
        yield (
            f"daniel-{lang}-{page.name}",
            {"url": "", "articleBody": body, "lang": lang, "group": host},
            (page.read_bytes()),
        )


def htmltotext(folder: Path) -> Iterator[tuple[str, dict[str, str], bytes]]:
    for lang_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        if lang_dir.name in LEFT_OUT_LANGS:
            continue
        for page in sorted((lang_dir / "html").glob("*.html")):
            ref = lang_dir / "text" / f"{page.stem}.txt"
            if ref.is_file():
                # (file names are "news-SITE-..." or "forum-SITE-...": the site is the second part)
                group = page.stem.split("-")[1] if "-" in page.stem else page.stem
                body = ref.read_text(encoding="utf-8", errors="replace")
                yield (
                    f"h2t-{lang_dir.name}-{page.stem}",
                    {
                        "url": "",
                        "articleBody": body,
                        "lang": lang_dir.name,
                        "group": group,
                    },
                    page.read_bytes(),
                )


def readability(folder: Path) -> Iterator[tuple[str, dict[str, str], bytes]]:
    for case in sorted(p for p in folder.iterdir() if p.is_dir()):
        source, expected, meta = case / "source.html", case / "expected.html", case / "expected-metadata.json"
        if not (source.is_file() and expected.is_file() and meta.is_file()):
            continue
        lang = str(json.loads(meta.read_text(encoding="utf-8")).get("lang") or "").split("-")[0].lower()
        if not lang or lang == "en" or lang in LEFT_OUT_LANGS:
            continue
        body = _paragraphs_of_markup(expected.read_text(encoding="utf-8", errors="replace"))
        yield (
            f"readability-{lang}-{case.name}",
            {"url": "", "articleBody": body, "lang": lang, "group": case.name},
            (source.read_bytes()),
        )


def _sentences(body: str, n: int = 3) -> list[str]:
    """Up to ``n`` 40-character pieces of the gold text's longer lines, normalised (the search keys)."""
    lines = [" ".join(line.split()) for line in body.split("\n") if len(line.split()) >= 10]
    step = max(1, len(lines) // n)
    return [line[:40].lower() for line in lines[::step][:n]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, metavar="DIR")
    ap.add_argument("--daniel", metavar="DIR")
    ap.add_argument("--htmltotext", metavar="DIR")
    ap.add_argument("--readability", metavar="DIR")
    ap.add_argument("--extra", metavar="DIR", help="bench/ingest.py's extra set: its pages are dropped here")
    args = ap.parse_args()
    bench = _bench()
    extra_hashes: set[str] = set()
    extra_text = ""
    if args.extra:
        pages = sorted((Path(args.extra) / "html").glob("*.html"))
        extra_hashes = {hashlib.sha1(p.read_bytes()).hexdigest() for p in pages}
        texts = []
        for p in pages:
            try:
                texts.append(" ".join(bench.visible_text(p.read_bytes()).split()).lower())
            except Exception:  # an unreadable page holds no gold sentence
                continue
        extra_text = "\n".join(texts)
    out = Path(args.out)
    (out / "html").mkdir(parents=True, exist_ok=True)
    sources = [
        (args.daniel, daniel),
        (args.htmltotext, htmltotext),
        (args.readability, readability),
    ]
    truth: dict[str, dict[str, str]] = {}
    kept: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    for folder, read in sources:
        if not folder:
            continue
        for name, entry, page in read(Path(folder)):
            if not entry["articleBody"].strip():
                dropped["empty gold text"] += 1
                continue
            if hashlib.sha1(page).hexdigest() in extra_hashes:
                dropped["same bytes as an extra page"] += 1
                continue
            if extra_text and any(s in extra_text for s in _sentences(entry["articleBody"])):
                dropped["a gold sentence in an extra page"] += 1
                continue
            (out / "html" / f"{name}.html.gz").write_bytes(gzip.compress(page, mtime=0))
            truth[name] = entry
            kept[f"{read.__name__} {entry['lang']}"] += 1
    (out / "ground-truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(truth)} pages written to {out}")
    for key, n in sorted(kept.items()):
        print(f"  {key}: {n}")
    print(f"dropped: {dict(dropped) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
