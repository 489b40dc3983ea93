"""Real pages in: body kept, furniture kept out, metadata right, HTML pages/s, furniture in raw page text.

Data: ../shared/data/realworld-dev/ (110 real saved pages: html/, trafilatura's json/ of each), read in
place (env FACTCHECK_DATA points elsewhere). Judgements: bench/ingest_gold.toml, written by hand the way
trafilatura's own evaluation is (per page, strings that must be kept and strings that must be dropped, plus
the title, outlet, date and language the page states). Pages with sha1("6:" + name) % 4 == 0 are the
held-out split: their judgements were written after the rules and they were not looked at to write them;
every figure is printed for dev and held-out apart.

Two ways in, both measured:
- HTML: the saved page through ``factcheck.ingest`` (trafilatura, then our furniture rules on its text);
- raw page text: what a person gets by copying a page (the HTML's visible text: lxml, scripts and styles
  dropped, one line per block element), read as a .txt article -- only our rules stand between the page
  chrome and the claims.

Baselines in the same run: trafilatura alone (its own record in json/: text and metadata; its extraction
time), and for raw page text the same text with no furniture rules (every line body).

Figures:
- body kept: share of `with` strings inside the article's body/title segments;
- furniture out: share of `without` strings outside them;
- metadata right: title, outlet, date, language equal to the judgement (where one is given);
- substantial paragraphs: reference paragraphs (15+ words of trafilatura's text) inside the body; the HTML
  way must drop none without a furniture reason (each dropped one is listed with its reason);
- furniture leakage in raw page text: claims whose sentence is not in the page's article (trafilatura's
  reference text, and the text trafilatura extracts when asked for recall with tables: article text its
  default leaves out; word 4-grams, 60% overlap; the figure against the default text alone is printed
  beside it as "old measure") -- an automatic proxy, so the hand-made `without` figures
  are printed beside it. It counts too much: article text trafilatura leaves out (tables, lists, formulas,
  some ledes and captions) counts as leaked. A second figure does not count a claim inside the article
  that jusText (another boilerplate remover, installed with trafilatura) keeps; jusText keeps some
  furniture as well (site blurbs, notices), so the true figure lies between the two.

A second, independent set (``--extra DIR``, default ``$FACTCHECK_EXTRA``; skipped with a note when absent):
a folder in trafilatura's own evaluation format -- ``DIR/html/*.html`` and ``DIR/evaldata_extra.json`` (else
``DIR/evaldata.json``): url -> {file, with: body snippets that must be kept, without: boilerplate snippets
that must be dropped, ...}. No rule was written looking at its pages: only aggregate figures are printed,
per half (sha1("extra:" + file) % 2; half A may be studied in aggregate, half B is the clean figure), and
half A again per quarter (sha1("A1:" + file) % 2: A1 to develop on, A2 to check that a rule moves pages it was
not written from as much; ``--study FILE`` writes A1's leaked raw claims and lost 15+ word paragraphs).
trafilatura's record of each page (the HTML way's input and the leakage reference) and jusText's text are
cached in the user cache folder (``platformdirs.user_cache_dir("factcheck")/bench-ingest``), keyed by the
page's bytes and the library versions. Figures: raw page text leakage (as above), `with` snippets in the kept
text, `without` snippets out of the kept text and out of the claims, 15+ word paragraphs kept; the leakage with
each leaked claim weighed by the share of furniture the hand-labelled samples of the development halves found
at its place (``label_rates`` and ``rated``: the same fixed rates for every half); and the
leakage measure checked against the hand-made snippets: of the raw claims that hold a `with` snippet (body by
hand), the share it counts as leaked (its false alarms, a floor under every leakage figure), and of those
that hold a `without` snippet (furniture by hand), the share it catches; how concentrated the leakage
is (the share of a half's leaked claims on its 10 worst pages: a few pages that go on with long chrome
weigh more than many pages with one leak each); and where the leaked claims after the article stand in the
raw text as factcheck read it (``after_places``: inside its own span of the article or below it, in lines
of 15+ words, below an end-of-article marker that did not end the article), which tells what kind of rule
could still reach them; and of the leaked claims inside the article, how many lie inside factcheck's own span
of it too (``inside_in_span``: boxes, captions and promotions between its paragraphs) and how many in parts
of the article its span leaves out. Each half's raw claims, leaked and all, are broken down (counts only, so
half B too: ``breakdown``) by the page's detected language, whether that language has a full, thin or no
furniture vocabulary, the page's main script and length, the structural shape of the claim's line and its place in the page (first 10%, middle, last 10%); the
same breakdown is printed for realworld-dev's dev and held-out pages.

``--beside TREE`` runs the same command on a second code tree (e.g. /tmp/base35) in a child process started at
the same time and prints its output after this tree's (each begins with ``code tree: ...``).

    /work/venv/bin/python bench/ingest.py [--list] [--leaks] [--extra DIR] [--extra-only] [--beside TREE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# the code tree measured: this one, or the one ``--beside TREE`` names (its child process is given it here)
TREE = Path(os.environ.get("FACTCHECK_BENCH_TREE") or ROOT)
sys.path.insert(0, str(TREE))

from factcheck import atomic, extract, furniture, ingest, webpage  # noqa: E402
from factcheck import lang as langres  # noqa: E402
from factcheck.model import Segment  # noqa: E402

BLOCK = frozenset(
    """p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article header footer nav aside blockquote
    figure figcaption pre dt dd dl form label button option title""".split()
)


def data_dir() -> Path:
    env = os.environ.get("FACTCHECK_DATA")
    return (Path(env) if env else ROOT.parents[1] / "shared" / "data") / "realworld-dev"


def held_out(name: str) -> bool:
    return int(hashlib.sha1(f"6:{name}".encode()).hexdigest(), 16) % 4 == 0


def visible_text(html: bytes) -> str:
    """The page as a person copies it: visible text, one line per block element."""
    import lxml.html
    from trafilatura.utils import decode_file

    page = decode_file(html)
    try:
        doc = lxml.html.document_fromstring(page)
    except ValueError:  # lxml refuses a str that declares its encoding ("<?xml ... encoding=...?>")
        doc = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", page))
    for bad in doc.xpath("//script|//style|//noscript|//template|//svg"):
        bad.drop_tree()
    for el in doc.iter():
        try:  # a line break in the HTML source is a space on the page
            if el.text:
                el.text = el.text.replace("\n", " ")
            if el.tail:
                el.tail = el.tail.replace("\n", " ")
        except ValueError:  # control characters lxml refuses to write back
            pass
    for el in doc.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK:
            try:
                el.tail = "\n" + (el.tail or "")
                if el.tag.lower() != "br":
                    el.text = "\n" + (el.text or "")
            except ValueError:  # control characters lxml refuses to write back
                pass
    lines = (" ".join(line.split()) for line in doc.text_content().split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


# invisible format characters inside words (soft hyphens "Welt\xadernährungs\xadprogramm", zero-width
# spaces and joiners): a word of the page and the same word of trafilatura's text must compare equal
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


# text encoded as UTF-8 and read back as Latin-1 or Windows-1252 (a page's "didnâ\x80\x99t", "â€œ" for the
# gold's "didn’t", "“"): a lead byte's character followed by one to three continuation bytes' characters
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE = re.compile(f"[\xc2-\xf4][\x80-\xbf{_CP1252_HIGH}]{{1,3}}")


def _byte(c: str) -> int:
    return c.encode("cp1252")[0] if c in _CP1252_HIGH else ord(c)


def _undo_mojibake(m: re.Match[str]) -> str:
    try:
        return bytes(map(_byte, m.group(0))).decode("utf-8")
    except UnicodeDecodeError:  # (not a UTF-8 sequence: the characters are the text's own)
        return m.group(0)


def norm(s: str) -> str:
    """The words of ``s``, case-folded, for comparing a page's text with a reference: without invisible
    format characters, and with UTF-8 read as Latin-1 or Windows-1252 repaired (the same on both sides)."""
    s = _MOJIBAKE.sub(_undo_mojibake, s).translate(_INVISIBLE)  # (repaired first: "\xad" may be a byte of it)
    return " ".join(re.findall(r"\w+", s.casefold()))


def reference_text(rec: dict[str, Any], gold: dict[str, Any] | None = None, recall: str | None = None) -> str:
    """The page's article as the leakage measure's reference: trafilatura's title and text, and the
    headline and summary the page declares (trafilatura's ``excerpt`` = its meta description; the
    evaluation set's title and description): the hand-labelled sample (bench/ingest_leak_labels.tsv)
    showed headlines and ledes counted as leaked where trafilatura's text starts below them. ``recall``:
    the page's text as trafilatura extracts it for recall (``recall_text``), which holds more of the
    article (ledes, captions, tables, sections its default drops): of the sampled leaked claims labelled
    by hand it lets 12 of the 29 that are article text pass (the default text 7) and none of the 48 that
    are furniture."""
    parts = [rec.get("title"), rec.get("excerpt"), rec.get("text"), recall]
    if gold:
        parts[:0] = [gold.get("title"), gold.get("description")]
    return norm("\n".join(str(p) for p in parts if p))


def recall_text(html: bytes) -> str:
    """The page's text as trafilatura extracts it when asked for recall, with tables and without comments
    (cached like its record: see ``_cached``); "" when it finds none."""

    def make() -> str:
        import trafilatura

        doc = trafilatura.bare_extraction(
            html, favor_recall=True, include_tables=True, include_comments=False
        )
        return str(getattr(doc, "text", None) or "") if doc else ""

    return str(_cached("recall", html, make))


def grams(s: str, n: int = 4) -> set[tuple[str, ...]]:
    w = s.split()
    return {tuple(w[i : i + n]) for i in range(max(1, len(w) - n + 1))}


def kept_text(art: ingest.Article) -> str:
    return norm("\n".join(art.text[s.start : s.end] for s in art.segments if s.kind in ("body", "title")))


class Tally:
    def __init__(self) -> None:
        self.n: dict[str, list[int]] = {}

    def add(self, key: str, ok: bool) -> None:
        t = self.n.setdefault(key, [0, 0])
        t[0] += int(ok)
        t[1] += 1

    def count(self, key: str, ok: int, n: int) -> None:
        """``ok`` of ``n`` more."""
        t = self.n.setdefault(key, [0, 0])
        t[0] += ok
        t[1] += n

    def fmt(self, key: str) -> str:
        ok, n = self.n.get(key, [0, 0])
        return f"{ok}/{n} = {ok / n:.1%}" if n else "-"


def same(field: str, got: object, want: object) -> bool:
    if got is None:
        return False
    if field == "title" or field == "outlet":
        return norm(str(got)) == norm(str(want))
    return str(got) == str(want)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--list", action="store_true", help="list every miss")
    ap.add_argument("--leaks", action="store_true", help="list every leaked claim of raw page text")
    ap.add_argument(
        "--extra",
        metavar="DIR",
        default=os.environ.get("FACTCHECK_EXTRA"),
        help="a folder in trafilatura's evaluation format (html/ and evaldata*.json): aggregate figures",
    )
    ap.add_argument("--extra-only", action="store_true", help="only the --extra set, not realworld-dev")
    ap.add_argument(
        "--extra-half",
        choices=("A", "B", "A1", "A2"),
        help="only this half (or quarter) of the --extra set (A1: develop on it; A2: check; B: the clean figure)",
    )
    ap.add_argument(
        "--study",
        metavar="FILE",
        help="write half A1's leaked raw claims and lost 15+ word paragraphs (page, position, text) to FILE",
    )
    ap.add_argument(
        "--lost",
        metavar="FILE",
        help="write half A's (development) 15+ word paragraphs lost in raw page text to FILE (page, the segment "
        "that holds each: its furniture reason, or 'not found in the raw text', the measure's own miss; text); "
        "every half's are counted by that segment in the report",
    )
    ap.add_argument(
        "--beside",
        metavar="TREE",
        help="measure a second code tree (e.g. /tmp/base35) with this script in a child process started at the "
        "same time; its output follows this tree's",
    )
    args = ap.parse_args()
    if args.beside:
        return _beside(args.beside)
    print(f"code tree: {TREE}")
    if args.extra_only:
        return extra_report(args.extra, args.extra_half, args.study, _lost_path(args.lost))
    base = data_dir()
    if not (base / "html").is_dir():
        sys.exit(f"bench/ingest.py: realworld-dev not found at {base} (set FACTCHECK_DATA)")
    gold = tomllib.loads((ROOT / "bench" / "ingest_gold.toml").read_text(encoding="utf-8"))["pages"]
    names = sorted(p.stem for p in (base / "html").glob("*.html"))
    urls = json.loads((base / "urls.json").read_text(encoding="utf-8"))
    raw_html = {n: (base / "html" / f"{n}.html").read_bytes() for n in names}
    ref = {n: json.loads((base / "json" / f"{n}.json").read_text(encoding="utf-8")) for n in names}

    # ---- HTML in: speed (trafilatura alone as the baseline) -----------------------------------------
    import trafilatura

    t0 = time.perf_counter()
    for n in names:
        trafilatura.extract(raw_html[n], output_format="json", with_metadata=True, url=urls.get(f"{n}.html"))
    t_traf = time.perf_counter() - t0
    t0 = time.perf_counter()
    html_art = {}
    for n in names:
        rec = webpage.page_record(raw_html[n], urls.get(f"{n}.html"))
        html_art[n] = ingest.article_from_record(rec, path=n, key=n)
    t_ours = time.perf_counter() - t0
    raw_text = {n: visible_text(raw_html[n]) for n in names}
    t0 = time.perf_counter()
    raw_art = {n: ingest.article_from_text(raw_text[n], path=n, key=n) for n in names}
    t_raw = time.perf_counter() - t0

    print(
        f"realworld-dev: {len(names)} pages ({sum(held_out(n) for n in names)} held out); judged: {len(gold)}"
    )
    print(
        f"HTML pages/s: factcheck {len(names) / t_ours:.1f} (trafilatura + metadata + furniture + language); "
        f"baseline trafilatura.extract alone {len(names) / t_traf:.1f}"
    )
    print(
        f"raw page text pages/s: factcheck {len(names) / t_raw:.1f} (furniture, title, date, language; "
        f"{sum(len(t) for t in raw_text.values()) / len(names) / 1000:.0f} KB a page on average)"
    )

    # ---- with / without, metadata ----------------------------------------------------------------------
    tally = Tally()
    misses: list[str] = []
    for n, g in sorted(gold.items()):
        split = "held-out" if held_out(n) else "dev"
        texts = {
            "html": kept_text(html_art[n]),
            "raw": kept_text(raw_art[n]),
            "trafilatura": norm(str(ref[n].get("title") or "") + "\n" + str(ref[n].get("text") or "")),
            "raw-no-rules": norm(raw_text[n]),
        }
        for way, kept in texts.items():
            for s in g.get("with", []):
                ok = norm(s) in kept
                tally.add(f"{way} {split} with", ok)
                if not ok and way in ("html", "raw"):
                    misses.append(f"  {way} {n}: body lost: {s!r}")
            for s in g.get("without", []):
                ok = norm(s) not in kept
                tally.add(f"{way} {split} without", ok)
                if not ok and way in ("html", "raw"):
                    misses.append(f"  {way} {n}: furniture kept: {s!r}")
        traf_meta = {
            "title": ref[n].get("title"),
            "outlet": ref[n].get("sitename") or ref[n].get("source-hostname"),
            "date": ref[n].get("date"),
            "language": ref[n].get("language"),
        }
        for field in ("title", "outlet", "date", "language"):
            if field not in g:
                continue
            want = g[field]
            for way, art in (("html", html_art[n]), ("raw", raw_art[n])):
                got = {
                    "title": art.title,
                    "outlet": art.outlet,
                    "date": art.published,
                    "language": art.language,
                }[field]
                ok = same(field, got, want)
                tally.add(f"{way} {split} meta", ok)
                tally.add(f"{way} {split} meta {field}", ok)
                if not ok:
                    misses.append(f"  {way} {n}: {field} {got!r}, page states {want!r}")
            ok = same(field, traf_meta[field], want)
            tally.add(f"trafilatura {split} meta", ok)
            tally.add(f"trafilatura {split} meta {field}", ok)

    for split in ("dev", "held-out"):
        print(f"\n[{split}] judged pages: {sum(1 for n in gold if (held_out(n) == (split == 'held-out')))}")
        print(f"  {'':<14}{'body kept':<20}{'furniture out':<20}{'metadata right':<20}")
        for way in ("html", "trafilatura", "raw", "raw-no-rules"):
            meta = tally.fmt(f"{way} {split} meta") if way != "raw-no-rules" else "-"
            print(
                f"  {way:<14}{tally.fmt(f'{way} {split} with'):<20}{tally.fmt(f'{way} {split} without'):<20}{meta:<20}"
            )
        for field in ("title", "outlet", "date", "language"):
            print(
                f"    {field:<10} html {tally.fmt(f'html {split} meta {field}'):<16} raw "
                f"{tally.fmt(f'raw {split} meta {field}'):<16} trafilatura {tally.fmt(f'trafilatura {split} meta {field}')}"
            )

    # ---- substantial paragraphs and leakage, all 110 pages -------------------------------------------
    print("\nsubstantial paragraphs (15+ words of trafilatura's text) kept in the body:")
    for split in ("dev", "held-out"):
        for way, arts in (("html", html_art), ("raw", raw_art)):
            kept = total = unexplained = 0
            for n in names:
                if held_out(n) != (split == "held-out"):
                    continue
                art = arts[n]
                body = grams(kept_text(art))
                for para in str(ref[n].get("text") or "").split("\n"):
                    if len(para.split()) < 15:
                        continue
                    total += 1
                    g = grams(norm(para))
                    if len(g & body) >= 0.6 * len(g):
                        kept += 1
                    elif way == "html":
                        why = _reason(art, para)
                        unexplained += not why.startswith("furniture")
                        misses.append(f"  html {n}: paragraph dropped ({why}): {para[:90]!r}")
            extra = f"; dropped without a furniture reason: {unexplained}" if way == "html" else ""
            print(f"  [{split}] {way}: {kept}/{total} = {kept / max(total, 1):.1%}{extra}")

    print("\nraw page text metadata vs trafilatura's record of the same page (all pages where it gives one):")
    for split in ("dev", "held-out"):
        parts = []
        for field in ("title", "date", "outlet"):
            ok = total = 0
            for n in names:
                if held_out(n) != (split == "held-out"):
                    continue
                want = {
                    "title": ref[n].get("title"),
                    "date": ref[n].get("date"),
                    "outlet": ref[n].get("sitename") or ref[n].get("source-hostname"),
                }[field]
                if not want:
                    continue
                art = raw_art[n]
                got = {"title": art.title, "date": art.published, "outlet": art.outlet}[field]
                total += 1
                hit = same(field, got, want) or (field == "title" and _title_match(got, str(want)))
                ok += hit
                if not hit:
                    misses.append(f"  raw {n}: {field} {got!r}, trafilatura {want!r}")
            parts.append(f"{field} {ok}/{total} = {ok / max(total, 1):.1%}")
        print(f"  [{split}] " + "; ".join(parts))

    print("\nfurniture leakage in raw page text (claims not in the page's article; all claims):")
    print(
        '  (second figure, "jusText": a claim inside the article that jusText, a second boilerplate remover,\n'
        "  keeps is not counted -- article text trafilatura leaves out: tables, lists, formulas, ledes; but\n"
        "  jusText keeps some furniture too, so the figure is a lower bound and the first an upper one)"
    )
    justext_kept = _justext_texts(base, names, raw_art)
    leaks: list[str] = []
    shapes = Tally()  # (the breakdown of factcheck's raw claims, leaked and all: counts only)
    for split in ("dev", "held-out"):
        for way in ("factcheck", "no furniture rules"):
            leak = total = excused = leak_old = 0
            where = {"before": 0, "inside": 0, "after": 0}
            for n in names:
                if held_out(n) != (split == "held-out"):
                    continue
                art = raw_art[n]
                if way == "no furniture rules":
                    art = ingest.article_from_text(art.text, path=n, key=n)
                    art.segments = _all_body(art.text)
                if not ingest.claims_supported(art):
                    continue
                old_text = reference_text(ref[n])
                old_grams = grams(old_text)
                ref_text = reference_text(ref[n], recall=recall_text(raw_html[n]))
                ref_grams = grams(ref_text)
                lo, hi = _article_span(art, ref_grams)
                starts: list[tuple[int, bool]] = []  # (start, leaked) of each claim
                for c in extract.extract(art):
                    t = norm(c.text)
                    if not t:
                        continue
                    total += 1
                    g = grams(t)
                    leak_old += t not in old_text and len(g & old_grams) < 0.6 * len(g)
                    starts.append((c.start, t not in ref_text and len(g & ref_grams) < 0.6 * len(g)))
                    if starts[-1][1]:
                        leak += 1
                        pos = "before" if c.start < lo else "after" if c.start > hi else "inside"
                        where[pos] += 1
                        jt = justext_kept.get(n)
                        if (
                            pos == "inside"
                            and jt is not None
                            and (t in jt[0] or len(g & jt[1]) >= 0.6 * len(g))
                        ):
                            excused += 1
                        if way == "factcheck":
                            leaks.append(f"  [{split}] {n} ({pos} the article): {c.text[:140]!r}")
                if way == "factcheck":
                    values = breakdown(art, art.text, [start for start, _leaked in starts])
                    for (_start, leaked), vals in zip(starts, values, strict=True):
                        for dim, value in zip(BREAKDOWN_DIMS, vals, strict=True):
                            shapes.count(f"raw {split} by {dim} {value}", int(leaked), 1)
                    shapes.count(f"raw {split} leak", sum(leaked for _s, leaked in starts), len(starts))
            by = ", ".join(f"{k} the article {v}" for k, v in where.items())
            print(
                f"  [{split}] {way}: {leak}/{total} = {leak / max(total, 1):.1%} ({by}); "
                f"old measure {leak_old / max(total, 1):.1%}"
            )
            if justext_kept:
                print(
                    f"  [{split}] {way}, jusText: {leak - excused}/{total} = "
                    f"{(leak - excused) / max(total, 1):.1%} ({excused} inside the article kept by jusText)"
                )
    for split in ("dev", "held-out"):
        print(f"  [{split}] factcheck:")
        print_breakdown(shapes, split)
    if args.leaks:
        print("\nleaked claims (raw page text, factcheck):")
        print("\n".join(leaks))
    if args.list:
        print("\nmisses:")
        print("\n".join(misses))
    if args.extra:
        print()
        extra_report(args.extra, args.extra_half, args.study, _lost_path(args.lost))
    return 0


# ---- a second, independent set in trafilatura's evaluation format ------------------------------------------


def _lost_path(path: str | None) -> str | None:
    """``--lost FILE`` of this run: the second tree's run (``--beside``) writes FILE.beside."""
    return None if path is None else path if TREE == ROOT else f"{path}.beside"


def _beside(tree: str) -> int:
    """This script's run in this tree and in ``tree`` (``FACTCHECK_BENCH_TREE``), as two processes started
    together; each one's output printed whole, this tree's first."""
    import subprocess

    argv = [sys.executable, str(Path(__file__).resolve())]
    rest = sys.argv[1:]
    i = rest.index("--beside") if "--beside" in rest else -1
    rest = rest[:i] + rest[i + 2 :] if i >= 0 else [a for a in rest if not a.startswith("--beside=")]
    runs = {}
    for name, where in (("this tree", str(TREE)), ("beside", tree)):
        env = {**os.environ, "FACTCHECK_BENCH_TREE": where}
        runs[name] = subprocess.Popen([*argv, *rest], env=env, stdout=subprocess.PIPE, text=True)
    code = 0
    for name, proc in runs.items():
        out, _ = proc.communicate()
        print(f"==== {name} ====")
        print(out, end="")
        code = code or proc.returncode
    return code


def _cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("factcheck")) / "bench-ingest"


def _cached(kind: str, data: bytes, make: Any) -> Any:
    """``make()`` of one page, cached by the page's bytes and the versions of the libraries."""
    import justext
    import trafilatura

    tag = f"{kind}:{trafilatura.__version__}:{getattr(justext, '__version__', '?')}:".encode()
    path = _cache_dir() / kind / (hashlib.sha1(tag + data).hexdigest() + ".json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))["v"]
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not cached yet, or an entry a crashed run left unreadable: made again
    value = make()
    # atomic: a bench running beside this one never reads a half-written entry
    atomic.write_atomic(path, json.dumps({"v": value}, ensure_ascii=False))
    return value


def _record_or_none(html: bytes) -> dict[str, Any] | None:
    try:
        return webpage.page_record(html)
    except webpage.PageError:
        return None


def _justext_of(html: bytes, lang: str | None) -> str:
    import justext

    stop = justext.get_stoplist(JUSTEXT_STOPLISTS.get(lang or "", "English"))
    return norm("\n".join(p.text for p in justext.justext(html, stop) if not p.is_boilerplate))


def extra_half(file: str) -> str:
    return "A" if int(hashlib.sha1(f"extra:{file}".encode()).hexdigest(), 16) % 2 == 0 else "B"


def extra_quarter(file: str) -> str:
    """Half A split in two by the file name (sha1("A1:" + file) % 2): A1 to develop on, A2 to check that a
    rule moves pages it was not written from as much; half B is B."""
    if extra_half(file) == "B":
        return "B"
    return "A1" if int(hashlib.sha1(f"A1:{file}".encode()).hexdigest(), 16) % 2 == 0 else "A2"


def _in_part(file: str, part: str) -> bool:
    return extra_half(file) == part or extra_quarter(file) == part


def readable_pages(
    base: Path, keep: Callable[[str], bool]
) -> Iterator[tuple[str, dict[str, Any], bytes, dict[str, Any], str]]:
    """(file, gold entry, html, trafilatura's record, visible text) of the pages of an extra set whose file
    ``keep`` accepts, that trafilatura reads and lxml can show as text (the others are skipped, as the bench
    skips them)."""
    gold_path = next(p for p in (base / "evaldata_extra.json", base / "evaldata.json") if p.is_file())
    gold = {v["file"]: v for v in json.loads(gold_path.read_text(encoding="utf-8")).values()}
    for f in sorted(gold):
        if not keep(f) or not (base / "html" / f).is_file():
            continue
        html = (base / "html" / f).read_bytes()
        rec = _cached("record", html, lambda html=html: _record_or_none(html))
        if rec is None:
            continue
        try:
            text = visible_text(html)
        except Exception:  # lxml's errors on a broken or empty page
            continue
        yield f, gold[f], html, rec, text


def _claims(art: ingest.Article) -> list[tuple[int, str]]:
    """(start, normalised text) of the article's claims."""
    if not ingest.claims_supported(art):
        return []
    return [(c.start, t) for c in extract.extract(art) if (t := norm(c.text))]


def _leaks(
    claims: list[tuple[int, str]], ref_text: str, ref_grams: set[tuple[str, ...]]
) -> list[tuple[int, str]]:
    """The claims not in the page's article (trafilatura's text; word 4-grams, 60% overlap)."""
    out = []
    for start, t in claims:
        g = grams(t)
        if t not in ref_text and len(g & ref_grams) < 0.6 * len(g):
            out.append((start, t))
    return out


def _in_claims(snippet: str, claims: list[str]) -> bool:
    """A `without` snippet lands in the claims: it is inside one, or one (4+ words) is inside it."""
    return any(snippet in c or (len(c.split()) >= 4 and c in snippet) for c in claims)


def extra_report(
    folder: str | None, only: str | None = None, study: str | None = None, lost_file: str | None = None
) -> int:
    """Aggregate figures on a folder in trafilatura's evaluation format (never a page's text; ``lost_file``:
    half A's lost raw 15+ word paragraphs, each with the segment that holds it, written there)."""
    base = Path(folder) if folder else None
    if base is None or not (base / "html").is_dir():
        print(f"extra set: {folder or '(none given: --extra DIR or $FACTCHECK_EXTRA)'} not found, skipped")
        return 0
    gold_path = next((p for p in (base / "evaldata_extra.json", base / "evaldata.json") if p.is_file()), None)
    if gold_path is None:
        print(f"extra set: no evaldata_extra.json or evaldata.json in {base}, skipped")
        return 0
    gold = {
        v["file"]: v
        for v in json.loads(gold_path.read_text(encoding="utf-8")).values()
        if (base / "html" / v["file"]).is_file()
    }
    files = sorted(f for f in gold if only is None or _in_part(f, only))
    notes: list[str] = []  # (--study: half A1's leaked claims and lost paragraphs)
    lost_list: list[str] | None = [] if lost_file else None  # (--lost: half A's lost raw paragraphs)
    tally = Tally()
    labels = _leak_labels()
    lost: dict[str, dict[str, int]] = {"raw": {}, "html": {}}  # half A: lost 15+ word paragraphs by reason
    per_page: dict[str, list[int]] = {}  # leaked raw claims of each page, per part (aggregated when printed)
    labelled_files = {f for f, _t in labels}
    t_raw = 0.0
    n_ref = 0
    unreadable: list[str] = []
    for f in files:
        half = extra_half(f)
        keys = (half, extra_quarter(f), "all") if half == "A" else (half, "all")
        html = (base / "html" / f).read_bytes()
        rec = _cached("record", html, lambda html=html: _record_or_none(html))
        try:
            text = visible_text(html)
        except Exception as e:  # lxml's errors on a broken or empty page
            unreadable.append(type(e).__name__)
            continue
        t0 = time.perf_counter()
        raw = ingest.article_from_text(text, path=f, key=f)
        t_raw += time.perf_counter() - t0
        bare = ingest.article_from_text(text, path=f, key=f)
        bare.segments = _all_body(text)
        arts = {"raw": raw, "raw-no-rules": bare}
        if rec is not None:
            n_ref += 1
            arts["html"] = ingest.article_from_record(rec, path=f, key=f)
        claims = {way: _claims(a) for way, a in arts.items()}
        texts = {way: [t for _s, t in cl] for way, cl in claims.items()}
        kept = {way: kept_text(a) for way, a in arts.items()}
        ref_old = reference_text(rec or {}, gold[f])
        ref_text = reference_text(rec or {}, gold[f], recall_text(html) if rec is not None else None)
        if rec is not None:  # (trafilatura's own output: its title and text)
            kept["trafilatura"] = norm(str(rec.get("title") or "") + "\n" + str(rec.get("text") or ""))
        for key in keys:
            for way, k in kept.items():
                for s in gold[f]["with"]:
                    tally.add(f"{way} {key} with", norm(s) in k)
                for s in gold[f]["without"]:
                    tally.add(f"{way} {key} without", norm(s) not in k)
            for way, cl in texts.items():
                for s in gold[f]["without"]:
                    tally.add(f"{way} {key} without-claims", not _in_claims(norm(s), cl))
        if rec is None:
            continue  # (no reference text: no leakage, no paragraphs)
        ref_grams = grams(ref_text)
        old_grams = grams(ref_old)
        jt = _cached("justext", html, lambda html=html, lang=raw.language: _justext_of(html, lang))
        jt_grams = grams(jt)
        for way in ("raw", "raw-no-rules"):
            leaked = _leaks(claims[way], ref_text, ref_grams)
            lo, hi = _article_span(arts[way], ref_grams)
            excused = sum(  # (as above: a claim inside the article that jusText keeps)
                1
                for start, t in leaked
                if lo <= start <= hi and (t in jt or len(grams(t) & jt_grams) >= 0.6 * len(grams(t)))
            )
            if way == "raw":  # the breakdown of every raw claim and of the leaked ones (counts only)
                leaked_claims = set(leaked)
                values = breakdown(raw, text, [start for start, _t in claims[way]])
                for claim, vals in zip(claims[way], values, strict=True):
                    for dim, value in zip(BREAKDOWN_DIMS, vals, strict=True):
                        for key in keys:
                            tally.count(f"raw {key} by {dim} {value}", int(claim in leaked_claims), 1)
                places = after_places(raw, [start for start, _t in leaked], hi)
                spanned = inside_in_span(raw, [start for start, _t in leaked if lo <= start <= hi])
                for key in keys:
                    per_page.setdefault(key, []).append(len(leaked))
                    for place, n in places.items():
                        tally.count(f"raw {key} after {place}", n, n)
                    tally.count(f"raw {key} inside in span", spanned, spanned)
                for start, t in leaked:
                    pos = "before" if start < lo else "after" if start > hi else "inside"
                    if study and extra_quarter(f) == "A1":
                        seg = next((s for s in raw.segments if s.start <= start < s.end), None)
                        notes.append(f"leak\t{f}\t{pos}\t{start}\t{seg.kind if seg else '?'}\t{t[:200]}")
                    for key in keys:
                        tally.add(f"raw {key} leak-{pos}", True)
                    lab = _label_of(labels, f, t) if f in labelled_files else None
                    if lab is not None:
                        tally.add(f"labels {pos} furniture", lab == "furniture")
                        tally.add(f"labels {pos} unclear", lab == "unclear")
                if f in labelled_files:  # labelled claims our rules still emit that the measure lets pass
                    for t in {t for _s, t in claims[way]} - {t for _s, t in leaked}:
                        lab = _label_of(labels, f, t)
                        if lab is not None:
                            tally.add(f"labels passed {lab}", True)
            leaked_old = len(_leaks(claims[way], ref_old, old_grams))  # (against trafilatura's default text)
            for key in keys:
                tally.count(f"{way} {key} leak", len(leaked), len(claims[way]))
                tally.count(f"{way} {key} leak-old", leaked_old, len(claims[way]))
                tally.count(f"{way} {key} leak-jt", len(leaked) - excused, len(claims[way]))
            if way == "raw":  # the measure itself, on claims that hold a hand-labelled snippet
                leaked_set = set(leaked)
                for label in ("with", "without"):
                    snippets = [norm(s) for s in gold[f][label]]
                    for c in claims[way]:
                        if any(_in_claims(s, [c[1]]) for s in snippets):
                            for key in keys:
                                tally.add(f"measure {key} {label}", c in leaked_set)
        for way in ("raw", "html"):
            body = grams(kept[way])
            for para in str(rec.get("text") or "").split("\n"):
                if len(para.split()) < 15:
                    continue
                g = grams(norm(para))
                ok = len(g & body) >= 0.6 * len(g)
                for key in keys:
                    tally.add(f"{way} {key} para", ok)
                if not ok and extra_quarter(f) == "A1":  # (A1 may be studied: why its paragraphs are lost)
                    why = _reason(arts[way], para)
                    lost[way][why] = lost[way].get(why, 0) + 1
                    if study:
                        notes.append(f"lost-{way}\t{f}\t{why}\t{para[:300]}")
                if not ok:  # every half: counted by the segment that holds the paragraph (lost_reason)
                    where = lost_reason(arts[way], para)
                    for key in keys:
                        tally.add(f"{way} {key} lost-by {where}", True)
                    if lost_list is not None and way == "raw" and half == "A":
                        lost_list.append(f"{f}\t{where}\t{para[:300]}")

    halves = {h: sum(1 for f in gold if _in_part(f, h)) for h in ("A", "B", "A1", "A2")}
    if study:
        Path(study).write_text("\n".join(notes) + "\n", encoding="utf-8")
    if lost_list is not None and lost_file:
        Path(lost_file).write_text("\n".join(sorted(lost_list)) + "\n", encoding="utf-8")
    print(
        f"extra set {base} ({gold_path.name}): {len(files)} pages (half A {halves['A']} = A1 {halves['A1']} "
        f"+ A2 {halves['A2']}, half B {halves['B']}: "
        f"the clean figure); trafilatura extracts text from {n_ref}; pages lxml cannot read: {len(unreadable)}"
    )
    print(f"  raw page text pages/s: factcheck {len(files) / max(t_raw, 1e-9):.1f}")
    for key in (only,) if only else ("A1", "A2", "A", "B", "all"):
        print(f"\n  [{key}]")
        print(f"    {'':<14}{'with kept':<22}{'without out':<22}{'without not a claim':<22}")
        for way in ("raw", "raw-no-rules", "html", "trafilatura"):
            print(
                f"    {way:<14}{tally.fmt(f'{way} {key} with'):<22}{tally.fmt(f'{way} {key} without'):<22}"
                f"{tally.fmt(f'{way} {key} without-claims'):<22}"
            )
        for way in ("raw", "raw-no-rules"):
            print(
                f"    leakage {way}: {tally.fmt(f'{way} {key} leak')}; jusText-corrected "
                f"{tally.fmt(f'{way} {key} leak-jt')}; old measure {tally.fmt(f'{way} {key} leak-old')}"
            )
        print(_corrected(tally, key))
        print(rated(tally, key))
        after = tally.n.get(f"raw {key} after after", [0, 0])[0]
        places = {p: tally.n.get(f"raw {key} after {p}", [0, 0])[0] for p in AFTER_PLACES}
        print(
            f"    leaked claims after the article: {after}; inside factcheck's own span of the article "
            f"{places['in span']}, below it {places['below span']}, above it {places['above span']}; in lines of 15+ "
            f"words {places['15+']}; "
            f"below an end-of-article marker that did not end the article {places['after a marker']}"
        )
        print_breakdown(tally, key)
        inside = tally.n.get(f"raw {key} leak-inside", [0, 0])[0]
        spanned = tally.n.get(f"raw {key} inside in span", [0, 0])[0]
        print(
            f"    leaked claims inside the article: {inside}; inside factcheck's own span of the article too "
            f"{spanned}, in parts of the article its span leaves out {inside - spanned}"
        )
        counts = sorted(per_page.get(key, []), reverse=True)
        if counts and sum(counts):
            worst = sum(counts[:CONCENTRATION_PAGES])
            print(
                f"    concentration: the {CONCENTRATION_PAGES} pages with the most leaked raw claims hold {worst} of "
                f"{sum(counts)} ({worst / sum(counts):.0%}); pages with none: {counts.count(0)} of {len(counts)}"
            )
        if key == "A1":
            for way in ("raw", "html"):
                top = sorted(lost[way].items(), key=lambda kv: -kv[1])[:12]
                print(f"    half A1, 15+ word paragraphs lost ({way}), by the segment they fall in: {top}")
        print(
            f"    15+ word paragraphs kept: raw {tally.fmt(f'raw {key} para')}, html {tally.fmt(f'html {key} para')}"
        )
        for way in ("raw", "html"):
            prefix = f"{way} {key} lost-by "
            by = sorted(
                ((k[len(prefix) :], v[1]) for k, v in tally.n.items() if k.startswith(prefix)),
                key=lambda kv: -kv[1],
            )
            print(f"    15+ word paragraphs lost ({way}), by the segment that holds them (counts): {by}")
        print(
            f"    the leakage measure on raw claims that hold a hand-labelled snippet: body (`with`) counted as "
            f"leaked {tally.fmt(f'measure {key} with')} (its false alarms: part of every leakage figure), "
            f"furniture (`without`) counted as leaked {tally.fmt(f'measure {key} without')} (the rest is in "
            "trafilatura's text too)"
        )
    return 0


AFTER_PLACES = ("above span", "in span", "below span", "15+", "after a marker")  # (after_places)

CONCENTRATION_PAGES = 10  # (the leakage of a half is read beside how much of it its worst pages hold)

# hand labels of sampled leaked claims: half A's first sample (session 7), a sample drawn over every
# development half (extra half A and the gold sets' development halves by page, session 21), and a fresh sample
# of half A (round 28: the claims the measure of that round counts, at the places it gives them)
LABELS = (
    ROOT / "bench" / "ingest_leak_labels.tsv",
    ROOT / "bench" / "ingest_leak_labels_dev.tsv",
    ROOT / "bench" / "ingest_leak_labels_s28.tsv",
)


def _leak_labels() -> dict[tuple[str, str], str]:
    """(file, normalised claim) -> the hand label of a sampled leaked claim (bench/ingest_leak_labels*.tsv:
    furniture, body or unclear). The claim column holds the claim's first 160 characters: a claim is matched
    by its normalised text up to the last whole word of that prefix."""
    out = {}
    for line in (ln for f in LABELS if f.is_file() for ln in f.read_text(encoding="utf-8").splitlines()):
        if line.startswith("#") or line.startswith("file\t"):
            continue
        f, _start, _pos, _jt, label, _note, claim = line.split("\t")
        words = norm(claim).split()
        out[(f, " ".join(words[:-1] if len(claim) >= 160 else words))] = label
    return out


def label_scores() -> dict[str, list[float]]:
    """Per position of a leaked claim (before / inside / after the article's span, as it was when drawn), the
    hand labels of the samples as scores: furniture 1, unclear 0.5, body 0 (every label file, every
    development half they were drawn from)."""
    out: dict[str, list[float]] = {}
    for line in (ln for f in LABELS if f.is_file() for ln in f.read_text(encoding="utf-8").splitlines()):
        if line.startswith("#") or line.startswith("file\t"):
            continue
        _f, _start, pos, _jt, label, *_rest = line.split("\t")
        out.setdefault(pos, []).append({"furniture": 1.0, "unclear": 0.5}.get(label, 0.0))
    return out


def label_rates() -> dict[str, tuple[float, int]]:
    """Per position of a leaked claim, the share of the hand-labelled samples that is furniture (an unclear
    one counts half) and the samples' size (``label_scores``)."""
    return {pos: (sum(sc) / len(sc), len(sc)) for pos, sc in label_scores().items()}


def rated_interval(parts: dict[str, int], total: int) -> float:
    """Half the width of the 95% interval of the weighed leakage (``rated``) that the samples' size leaves: a
    normal approximation, each place's rate with the spread of its labels' scores (a place with one label
    or none adds nothing)."""
    scores = label_scores()
    var = 0.0
    for p, n in parts.items():
        sc = scores.get(p, [])
        if len(sc) > 1:
            mean = sum(sc) / len(sc)
            var += n * n * (sum((x - mean) ** 2 for x in sc) / (len(sc) - 1)) / len(sc)
    return 1.96 * var**0.5 / total if total else 0.0


def rated(tally: Tally, key: str) -> str:
    """The raw leakage of a half with each leaked claim weighed by ``label_rates``: the share of furniture the
    hand-labelled samples of the development halves found at its place (before / inside / after the article's
    span). The same fixed rates for every half (and for the gold sets in bench/ingest_gold.py)."""
    total = tally.n.get(f"raw {key} leak", [0, 0])[1]
    rates = label_rates()
    if not total or not rates:
        return "    leakage at the development samples' rates: -"
    parts = {p: tally.n.get(f"raw {key} leak-{p}", [0, 0])[1] for p in ("before", "inside", "after")}
    est = sum(n * rates.get(p, (1.0, 0))[0] for p, n in parts.items())
    return (
        f"    leakage at the development samples' rates (every half alike): {est / total:.1%} = {est:.0f}/{total} "
        f"(95% interval of the samples' size +-{rated_interval(parts, total):.1%}); "
        + "; ".join(
            f"{p} {n} x {rates.get(p, (1.0, 0))[0]:.0%} (of {rates.get(p, (1.0, 0))[1]})"
            for p, n in parts.items()
        )
    )


def _label_of(labels: dict[tuple[str, str], str], f: str, t: str) -> str | None:
    """The hand label of the claim ``t`` (normalised) of page ``f``, or None."""
    for (lf, lt), label in labels.items():
        if lf == f and (t == lt or t.startswith(lt + " ")):
            return label
    return None


def _corrected(tally: Tally, key: str) -> str:
    """The leakage of raw page text corrected by the measure's precision measured on the hand-labelled
    sample (half A), per position of the leaked claim (before / inside / after the article span): the
    share of the sampled claims the measure still counts as leaked that are furniture by hand (an unclear
    one counts half). On half B (and all) it is an estimate: A's rates applied to B's counts."""
    total = tally.n.get(f"raw {key} leak", [0, 0])[1]
    if not total or not tally.n.get("labels inside furniture"):
        return "    measure-corrected leakage: - (no labels)"
    est, parts = 0.0, []
    for pos in ("before", "inside", "after"):
        ok, n = tally.n.get(f"labels {pos} furniture", [0, 0])
        unclear = tally.n.get(f"labels {pos} unclear", [0, 0])[0]
        prec = (ok + 0.5 * unclear) / n if n else 1.0
        leaked = tally.n.get(f"raw {key} leak-{pos}", [0, 0])[1]
        est += leaked * prec
        parts.append(f"{pos} {leaked} x {prec:.0%} (of {n} labelled)")
    word = "measured" if key == "A" else "ESTIMATE with A's rates"
    passed = ", ".join(
        f"{lab} {tally.n.get(f'labels passed {lab}', [0, 0])[1]}" for lab in ("furniture", "body", "unclear")
    )
    return (
        f"    measure-corrected leakage ({word}): {est / total:.1%} = {est:.0f}/{total}; "
        + "; ".join(parts)
        + f"\n    (labelled claims still emitted that the measure now lets pass: {passed})"
    )


JUSTEXT_STOPLISTS = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese"}


def _justext_texts(
    base: Path, names: list[str], arts: dict[str, ingest.Article]
) -> dict[str, tuple[str, set[tuple[str, ...]]]]:
    """Per page, the text jusText keeps (normalised, and its word 4-grams); {} when jusText (installed
    with trafilatura) is missing."""
    try:
        import justext
    except ImportError:
        return {}
    out = {}
    for n in names:
        stop = justext.get_stoplist(JUSTEXT_STOPLISTS.get(arts[n].language or "", "English"))
        paras = justext.justext((base / "html" / f"{n}.html").read_bytes(), stop)
        kept = norm("\n".join(p.text for p in paras if not p.is_boilerplate))
        out[n] = (kept, grams(kept))
    return out


def _article_span(art: ingest.Article, ref_grams: set[tuple[str, ...]]) -> tuple[int, int]:
    """Where the page's article lies in the raw text: from the first to the last line (6+ words) that is in
    trafilatura's text. A leaked claim is before, inside (captions, teasers, bios among the paragraphs) or
    after it (lists of other stories, comments, footers)."""
    at = []
    for seg in art.segments:
        t = norm(art.text[seg.start : seg.end])
        g = grams(t)
        if len(t.split()) >= 6 and len(g & ref_grams) >= 0.6 * len(g):
            at.append(seg.start)
    return (min(at), max(at)) if at else (0, 0)


def after_places(art: ingest.Article, starts: list[int], end: int) -> dict[str, int]:
    """Where the leaked claims that lie after the page's article (their ``starts`` past ``end``, the start
    of the article's last line in the reference) stand in the raw text as factcheck read it: "in span",
    inside factcheck's own span of the article (``ingest._prose_span``: the run of lines with the most
    running text, which the rules below the article never read), "below span", or "above span" (the span
    lies past the article's end: factcheck took another text for the article); "15+", in a line of
    SUBSTANTIAL_WORDS or more (a paragraph: no rule drops one for its place alone); "after a marker", below
    the first end-of-article marker ("Related", "More stories") after the article's third paragraph that
    did not end the article (more text followed it). Counts, of "after" claims in all."""
    after = sorted(s for s in starts if s > end)
    out = dict.fromkeys(("after", "above span", "in span", "below span", "15+", "after a marker"), 0)
    if not after:
        return out
    text = art.text
    lines = ingest._lines(text, ingest._front_matter(text)[0])
    span_start, span_end = _factcheck_span(art, lines)
    vocab = furniture.vocabulary(art.language)
    marker, paragraphs = None, 0
    for ln in lines:
        paragraphs += ln.substantial
        if paragraphs >= 3 and ln.words <= 6 and vocab.tail(ln.text, ln.words):
            marker = ln.start
            break
    at = 0
    for start in after:
        while at + 1 < len(lines) and lines[at + 1].start <= start:
            at += 1
        out["after"] += 1
        out["above span" if start < span_start else "in span" if start <= span_end else "below span"] += 1
        out["15+"] += lines[at].words >= ingest.SUBSTANTIAL_WORDS
        out["after a marker"] += marker is not None and marker < start
    return out


# The breakdown of a half's raw claims, leaked and all (counts only: no page, no text; allowed on half B):
# by the page's detected language and whether that language has a furniture vocabulary ("full": the five
# the issue names; "thin": a file of a few markers; "none": every language's markers are read), by the
# page's main script, by the page's length, and by the shape of the line the claim stands in. The line shapes
# are structural and language-independent, read in this order (the first that fits): "repeated" (the line's
# text stands twice or more on the page), "dated" (a date or clock in the line: teasers, comments, posts),
# "in a short-line run" (the lines above and below both have fewer than 8 words: lists, teasers, menus),
# "no sentence end" (a line not closed like a sentence: headlines, labels, captions), then "paragraph 15+"
# (15+ words) and "short sentence" (the rest).
BREAKDOWN_DIMS = ("vocabulary", "language", "script", "page length", "line shape", "page position")
FULL_VOCABULARY = ("en", "de", "fr", "es", "pt")
PAGE_LENGTHS = ((5_000, "< 5k chars"), (20_000, "5k-20k"), (50_000, "20k-50k"))
_DATED = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./:-]\d{1,2}\b")
SHORT_RUN_WORDS = 8
# where a claim stands in its page's raw text, by its offset's share of the text's length (round 37): the top
# tenth holds the header and its chrome, the last tenth the footer's
PAGE_POSITIONS = ((0.1, "first 10%"), (0.9, "middle"))


def _page_position(start: int, length: int) -> str:
    at = start / max(length, 1)
    return next((name for limit, name in PAGE_POSITIONS if at < limit), "last 10%")


def _script(text: str) -> str:
    """The page's main script: the first word of the Unicode name of most of its first 5,000 letters."""
    import unicodedata

    counts: dict[str, int] = {}
    for ch in text[:20_000]:
        if ch.isalpha():
            name = unicodedata.name(ch, "UNKNOWN").split(" ")[0]
            counts[name] = counts.get(name, 0) + 1
            if sum(counts.values()) >= 5_000:
                break
    return max(counts, key=lambda k: counts[k]).lower() if counts else "none"


def _line_shape(lines: list[Any], at: int, seen: dict[str, int]) -> str:
    ln = lines[at]
    if seen.get(ln.text, 0) >= 2:
        return "repeated"
    if _DATED.search(ln.text):
        return "dated"
    above = lines[at - 1].words if at > 0 else 0
    below = lines[at + 1].words if at + 1 < len(lines) else 0
    if above < SHORT_RUN_WORDS and below < SHORT_RUN_WORDS:
        return "in a short-line run"
    if not ln.full_stop_end:
        return "no sentence end"
    return "paragraph 15+" if ln.words >= ingest.SUBSTANTIAL_WORDS else "short sentence"


def breakdown(art: ingest.Article, text: str, starts: list[int]) -> list[tuple[str, ...]]:
    """The values of ``BREAKDOWN_DIMS`` of each claim at ``starts`` of a raw page, in the order given."""
    if not starts:
        return []
    lang = art.language or "unknown"
    have = langres.available("furniture")
    vocab = "full" if lang in FULL_VOCABULARY else "thin" if lang in have else "none"
    script = _script(text)
    size = next((name for limit, name in PAGE_LENGTHS if len(text) < limit), "50k+ chars")
    lines = ingest._lines(art.text, ingest._front_matter(art.text)[0])
    seen: dict[str, int] = {}
    for ln in lines:
        seen[ln.text] = seen.get(ln.text, 0) + 1
    shape_at: dict[int, str] = {}
    at = 0
    for start in sorted(set(starts)):
        while at + 1 < len(lines) and lines[at + 1].start <= start:
            at += 1
        shape_at[start] = _line_shape(lines, at, seen) if lines else "none"
    return [
        (vocab, lang, script, size, shape_at[start], _page_position(start, len(art.text))) for start in starts
    ]


def print_breakdown(tally: Tally, key: str) -> None:
    """Leaked raw claims of a half by each ``BREAKDOWN_DIMS``: leaked / claims (the value's leakage) and its
    share of the half's leaked claims; languages and scripts with fewer than 1% of the leaked claims in one."""
    total = tally.n.get(f"raw {key} leak", [0, 0])[0]
    for dim in BREAKDOWN_DIMS:
        prefix = f"raw {key} by {dim} "
        rows = sorted(
            ((k[len(prefix) :], v) for k, v in tally.n.items() if k.startswith(prefix)),
            key=lambda kv: -kv[1][0],
        )
        small = [0, 0]
        cells = []
        for value, (leaked, n) in rows:
            if dim in ("language", "script") and leaked < 0.01 * max(total, 1):
                small[0] += leaked
                small[1] += n
                continue
            cells.append(f"{value} {leaked}/{n} = {leaked / n:.1%} ({leaked / max(total, 1):.0%} of leaked)")
        if small[1]:
            cells.append(f"others {small[0]}/{small[1]} ({small[0] / max(total, 1):.0%} of leaked)")
        print(f"    leaked raw claims by {dim}: " + "; ".join(cells))


def _factcheck_span(art: ingest.Article, lines: list[Any]) -> tuple[int, int]:
    """(start, end) offsets of factcheck's own span of the article (``ingest._prose_span``: the run of lines
    with the most running text) as it read the page, or (0, -1) when it found none."""
    kind_at = {s.start: (s.kind, s.reason) for s in art.segments}
    kinds = [kind_at.get(ln.start, ("title", "")) for ln in lines]  # (a title line split in parts)
    span = ingest._prose_span(lines, kinds, [ln.substantial for ln in lines])
    return (lines[span[0]].start, lines[span[1]].end) if span else (0, -1)


def inside_in_span(art: ingest.Article, starts: list[int]) -> int:
    """Of the leaked claims inside a page's article (``starts``), how many lie inside factcheck's own span of
    the article too (boxes of other stories, captions, promotions between its paragraphs; the rest lie in
    parts of the article factcheck's span leaves out, above or below it)."""
    if not starts:
        return 0
    span_start, span_end = _factcheck_span(art, ingest._lines(art.text, ingest._front_matter(art.text)[0]))
    return sum(1 for s in starts if span_start <= s <= span_end)


def _title_match(got: object, want: str) -> bool:
    """trafilatura's title may keep the site's name ("Headline | DW | 19.01.2020"): the headline part
    counts."""
    if not got:
        return False
    g, w = norm(str(got)), norm(want)
    return bool(g) and w.startswith(g) and len(g.split()) >= 0.5 * len(w.split())


def _all_body(text: str) -> list[Segment]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Segment(pos, pos + len(line), "body", ""))
        pos += len(line) + 1
    return out


def _reason(art: ingest.Article, para: str) -> str:
    i = art.text.find(para[:60])
    if i < 0:
        return "not in the text"
    for s in art.segments:
        if s.start <= i < s.end:
            return f"{s.kind}: {s.reason}" if s.reason else s.kind
    return "?"


# a lost paragraph whose word 4-grams the page's text holds less than this share of (all its segments
# together): the reference's own text, not the page's (table cells or lines trafilatura or fundus joined, text
# the page builds with scripts, a reference that holds the page's error messages): the measure's miss
NOT_FOUND_SHARE = 0.5


def lost_reason(art: ingest.Article, para: str) -> str:
    """Why a reference paragraph ``para`` is not in ``art``'s body: the segment (kind and reason) of the page
    that holds most of its word 4-grams ("furniture: teaser", ...), or "not found in the raw text" when the
    page's segments together hold less than NOT_FOUND_SHARE of them (the measure's own miss, not a loss).
    Found by words, not by the paragraph's first characters, so a paragraph the page splits over lines or
    spells with other quotes or spaces is still placed."""
    g = grams(norm(para))
    if not g:
        return "not found in the raw text"
    found: set[tuple[str, ...]] = set()
    by_label: dict[str, int] = {}
    for s in art.segments:
        shared = grams(norm(art.text[s.start : s.end])) & g
        if not shared:
            continue
        found |= shared
        label = f"{s.kind}: {s.reason}" if s.reason else s.kind
        by_label[label] = by_label.get(label, 0) + len(shared)
    if len(found) < NOT_FOUND_SHARE * len(g):
        return "not found in the raw text"
    return max(by_label.items(), key=lambda kv: kv[1])[0]


if __name__ == "__main__":
    raise SystemExit(main())
