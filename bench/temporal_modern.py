"""Benchmark the temporal tagger on a blind set of MODERN English news (2015-2025, many outlets), against dateparser.

Usage: python bench/temporal_modern.py [--part dev|heldout] [--errors N] [--beside TREE] [--no-baseline] [--json]
       python bench/temporal_modern.py --draw [--out DIR]

Every labelled temporal set the other benches read is 1990s newswire (TBAQ, the platinum set) or 2000s
Wikinews (MEANTIME). This set is modern news nobody tuned on: 30 English pages of 30 outlets, drawn with a fixed
seed (``SEED``) from two sources no temporal bench used:

- scrapinghub's article-extraction-benchmark (``--sh``, default /tmp/ingest_gold/sh; pages of 2018-2019): the
  hand-made ``articleBody`` of ``ground-truth.json``; pages a split of tests/fixtures/realworld was made from
  and pages of the check half (B) of ``bench/claim_times_sample.py --set modern`` are left out, and so are
  pages without a publication day of 2015 or later (their address's /YYYY/MM/DD/, else their HTML's
  ``datePublished``);
- trafilatura's evaluation pages of half A of ``/work/trafi_extra`` (``--extra``; sha1("extra:" + file) even),
  signed and dated by ``evaldata_extra.json`` (an author; a date in 2015 or later), read with trafilatura (the text field of its JSON record);
  pages a split of tests/fixtures/realworld was made from are left out.

One page an outlet; a page's text is its paragraphs up to and including the one that passes ``CUT`` characters
(as MEANTIME annotates an article's first sentences only). The pages are split by document, seeded, into
development (two thirds) and held out (one third): ``--errors`` lists development errors only; the held-out
part is printed in totals only.

The labels (``bench/temporal_modern_labels.toml``) were written by hand, per the TimeML / TempEval-3 TIMEX3
guidelines (type DATE / TIME / DURATION / SET, value anchored on the publication date, which each page's entry
gives as read from the page), before the engine was run on these texts; the texts are not copied: each label
names its expression's text and which occurrence of it (whole words) in the page's text it is.

Figures as ``bench/temporal.py`` computes them (its scoring is imported, not copied): span and value F1 with
relaxed spans (overlap), for all TIMEX3 and DATE alone, and also with strict spans (the same start and end),
for this checkout's engine, for dateparser's ``search_dates`` as a baseline and, with ``--beside TREE``, for the
engine of another checkout (run on it, in the same run). The relaxed DATE figures are bench/temporal.py's (engine
DATEs overlapping a gold expression of another type left out); the strict ones count the DATEs of each side.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import temporal as tb  # noqa: E402  (bench/temporal.py: its loader of the engine and its scoring)

SEED = 2712
N_SH = 18
N_EXTRA = 12
HELD_SHARE = 1 / 3
CUT = 1000
LABELS = HERE / "temporal_modern_labels.toml"
_ENGLISH = re.compile(r"\b(the|and|of|to|in|is|that|for|was|with|on|it)\b", re.I)


def english(text: str) -> bool:
    words = len(text.split())
    return words >= 150 and len(_ENGLISH.findall(text)) / words > 0.15


def cut(text: str, limit: int = CUT) -> str:
    """The text's paragraphs (lines) up to and including the one that passes ``limit`` characters."""
    kept: list[str] = []
    for para in (p.strip() for p in text.split("\n")):
        if not para:
            continue
        kept.append(para)
        if sum(len(p) + 1 for p in kept) > limit:
            break
    return "\n".join(kept)


def outlet(url: str) -> str:
    host = re.sub(r"^https?://", "", url).split("/")[0].lower().removeprefix("www.")
    labels = host.split(".")
    n = 3 if len(labels) > 2 and labels[-2] in ("co", "com", "org", "net", "ac", "gov") else 2
    return ".".join(labels[-n:])


def _fixture() -> tuple[set[str], set[str]]:
    """(the trafilatura page names the fixture's splits were made from, the scrapinghub page ids they use)"""
    import claim_times_sample as cts

    return cts.fixture_pages(), cts.split_page_ids()


def _trafilatura_text(html: str, url: str) -> str:
    import trafilatura

    rec = json.loads(trafilatura.extract(html, output_format="json", with_metadata=True, url=url) or "{}")
    return str(rec.get("text") or "")


def page_text(page: str, sh: Path, extra: Path) -> str:
    """The text of ``page`` (``sh:<id>`` or ``extra:<file>``), cut."""
    kind, name = page.split(":", 1)
    if kind == "sh":
        gt = json.loads((sh / "ground-truth.json").read_text(encoding="utf-8"))
        return cut(gt[name]["articleBody"])
    meta = json.loads((extra / "evaldata_extra.json").read_text(encoding="utf-8"))
    url = next(u for u, v in meta.items() if v["file"] == name)
    return cut(_trafilatura_text((extra / "html" / name).read_text(encoding="utf-8", errors="replace"), url))


def sh_date(url: str, page: Path) -> str:
    """A scrapinghub page's publication day: the one its address holds (/2019/11/19/, local), else the first
    ``datePublished`` / ``published_time`` of its HTML; "" without one."""
    m = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", url)
    if m:
        return "-".join(m.groups())
    html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
    m = re.search(r'(?:datePublished|published_time)"?\s*(?::|content=)\s*"(\d{4}-\d\d-\d\d)', html)
    return m[1] if m else ""


def draw(sh: Path, extra: Path) -> list[dict[str, str]]:
    """The drawn pages: ``page``, ``url``, ``part`` (dev / heldout), ``date`` (a hint for the labeller)."""
    import claim_times_sample as cts

    fixture, ids = _fixture()
    rng = random.Random(SEED)
    gt = json.loads((sh / "ground-truth.json").read_text(encoding="utf-8"))
    sh_names = sorted(
        k
        for k, v in gt.items()
        if k[:12] not in ids and cts.half(k + ".html.gz") == "A" and english(cut(v["articleBody"], 10**9))
    )
    rng.shuffle(sh_names)
    meta = json.loads((extra / "evaldata_extra.json").read_text(encoding="utf-8"))
    ex = sorted(
        (v["file"], u)
        for u, v in meta.items()
        if v["file"] not in fixture
        and int(hashlib.sha1(f"extra:{v['file']}".encode()).hexdigest(), 16) % 2 == 0
        and str(v.get("date") or "") >= "2015"
        and v.get("author")  # a signed article (as ``claim_times_sample.py --set news`` draws)
    )
    rng.shuffle(ex)
    seen: set[str] = set()
    out: list[dict[str, str]] = []
    for k in sh_names:
        if len(out) >= N_SH:
            break
        o = outlet(gt[k]["url"])
        if o not in seen:
            date = sh_date(gt[k]["url"], sh / "html" / f"{k}.html.gz")
            if date >= "2015":
                seen.add(o)
                out.append({"page": f"sh:{k}", "url": gt[k]["url"], "date": date})
    n_sh = len(out)
    for f, u in ex:
        if len(out) - n_sh >= N_EXTRA:
            break
        o = outlet(u)
        if o in seen:
            continue
        text = _trafilatura_text((extra / "html" / f).read_text(encoding="utf-8", errors="replace"), u)
        if english(text):
            seen.add(o)
            out.append({"page": f"extra:{f}", "url": u, "date": str(meta[u]["date"])})
    names = sorted(p["page"] for p in out)
    random.Random(SEED).shuffle(names)
    held = set(names[: round(len(names) * HELD_SHARE)])
    for p in out:
        p["part"] = "heldout" if p["page"] in held else "dev"
    return out


@dataclass
class Page:
    page: str
    dct: dt.date
    part: str


def read_labels(path: Path = LABELS) -> list[tuple[Page, list[list[Any]]]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [(Page(d["page"], dt.date.fromisoformat(d["dct"]), d["part"]), d["timex"]) for d in data["doc"]]


def locate(text: str, phrase: str, nth: int) -> tuple[int, int]:
    """Where the ``nth`` (from 1) whole-word, case-sensitive occurrence of ``phrase`` lies in ``text``."""
    hits = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]
    if len(hits) < nth:
        raise ValueError(f"{phrase!r} occurs {len(hits)} times, not {nth}")
    return hits[nth - 1]


_UNITS = {"Y": 12, "M": 1, "DE": 120, "E": 120, "C": 1200, "CE": 1200, "L": 12000}


def canonical(value: str) -> str:
    """A duration of one calendar unit in months, in years where whole (P1.5Y, P18M -> P18M; P1DE -> P10Y);
    every other value as it is."""
    m = re.fullmatch(r"P(\d+(?:\.\d+)?)(DE|CE|[YMECL])", value)
    if not m:
        return value
    months = float(m[1]) * _UNITS[m[2]]
    if months != int(months):
        return value
    return f"P{int(months) // 12}Y" if months % 12 == 0 else f"P{int(months)}M"


def load_docs(sh: Path, extra: Path, path: Path = LABELS) -> list[tuple[Page, tb.Doc]]:
    """The labelled pages as bench/temporal.py's documents (gold values made canonical)."""
    out: list[tuple[Page, tb.Doc]] = []
    for page, labels in read_labels(path):
        text = page_text(page.page, sh, extra)
        gold = []
        for phrase, nth, kind, value in labels:
            start, end = locate(text, phrase, nth)
            gold.append(tb.Timex(start, end, kind, canonical(value), phrase))
        out.append((page, tb.Doc(page.page, page.dct, text, sorted(gold, key=lambda g: g.start))))
    return out


def strict(outputs: list[tuple[tb.Doc, list[tb.Timex]]], only: str | None = None) -> tuple[float, float]:
    """(span F1, value F1) with strict spans (the same start and end), of every type or of ``only``."""
    n_sys = n_gold = span = value = 0
    for d, found in outputs:
        gold = [g for g in d.gold if only is None or g.type == only]
        sys_ = [s for s in found if only is None or s.type == only]
        n_sys += len(sys_)
        n_gold += len(gold)
        exact = {(g.start, g.end): g.value for g in gold}
        for s in sys_:
            if (s.start, s.end) in exact:
                span += 1
                value += exact[(s.start, s.end)] == s.value
    return (2 * span / (n_sys + n_gold) if n_sys + n_gold else 0.0), (
        2 * value / (n_sys + n_gold) if n_sys + n_gold else 0.0
    )


def figures(outputs: list[tuple[tb.Doc, list[tb.Timex]]]) -> dict[str, float]:
    overall, date = tb.evaluate(outputs)
    out: dict[str, float] = {}
    for label, score, only in (("all", overall, None), ("DATE", date, "DATE")):
        f = score.figures()
        s_span, s_value = strict(outputs, only)
        out |= {
            f"{label} span F1": f["span F1"],
            f"{label} strict span F1": s_span,
            f"{label} value P": f["value P"],
            f"{label} value R": f["value R"],
            f"{label} value F1": f["value F1"],
            f"{label} strict value F1": s_value,
            f"{label} gold": score.n_gold,
            f"{label} found": score.n_sys,
        }
    return out


def tagged(docs: list[tb.Doc], system: str) -> list[tuple[tb.Doc, list[tb.Timex]]]:
    """Each document with ``system``'s expressions (values made canonical as the labels' are)."""
    return [
        (d, [tb.Timex(t.start, t.end, t.type, canonical(t.value), t.text) for t in tb.run_one(d, system)])
        for d in docs
    ]


def show_errors(outputs: list[tuple[tb.Doc, list[tb.Timex]]]) -> None:
    """Every development error: a gold expression missed or valued otherwise, an expression not in the gold."""
    for d, found in outputs:
        for g in d.gold:
            over = [s for s in found if s.start < g.end and g.start < s.end]
            if not over:
                print(f"MISSED   {d.name[:24]:24} {g.text!r} {g.type} {g.value}  | {d.dct}")
            elif not any(s.value == g.value for s in over):
                got = ", ".join(f"{s.text!r} {s.type} {s.value}" for s in over)
                print(f"VALUE    {d.name[:24]:24} {g.text!r} {g.type} {g.value} <- {got}  | {d.dct}")
        for s in found:
            if not any(s.start < g.end and g.start < s.end for g in d.gold):
                ctx = d.text[max(0, s.start - 40) : s.end + 30].replace("\n", " ")
                print(f"SPURIOUS {d.name[:24]:24} {s.text!r} {s.type} {s.value}  | {ctx!r}")


def measure(docs: dict[str, list[tb.Doc]], baseline: bool) -> dict[str, dict[str, dict[str, float]]]:
    systems = ["factcheck"] + (["dateparser"] if baseline else [])
    return {part: {name: figures(tagged(ds, name)) for name in systems} for part, ds in docs.items()}


def measure_beside(tree: str, argv: list[str]) -> dict[str, dict[str, dict[str, float]]]:
    """The figures of the engine of the checkout ``tree``: this script run on it, read back as JSON."""
    env = {**os.environ, "FACTCHECK_ENGINE_ROOT": str(Path(tree).resolve())}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--json", "--no-baseline", *argv]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    figs: dict[str, dict[str, dict[str, float]]] = json.loads(done.stdout.strip().splitlines()[-1])
    return figs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--sh", default="/tmp/ingest_gold/sh", help="scrapinghub's benchmark folder")
    ap.add_argument("--extra", default=os.environ.get("FACTCHECK_EXTRA", "/work/trafi_extra"))
    ap.add_argument("--part", choices=["dev", "heldout"], help="one part only")
    ap.add_argument("--errors", action="store_true", help="list the development part's errors")
    ap.add_argument("--beside", help="also measure the engine of this checkout, in a column")
    ap.add_argument("--no-baseline", action="store_true", help="skip the dateparser baseline")
    ap.add_argument("--draw", action="store_true", help="print the drawn pages (page, part, date hint)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON (what --beside reads)")
    args = ap.parse_args(argv)
    sh, extra = Path(args.sh), Path(args.extra)
    for folder in (sh / "ground-truth.json", extra / "evaldata_extra.json"):
        if not folder.exists():
            print(f"error: {folder} not found (see --sh, --extra)", file=sys.stderr)
            return 2
    if args.draw:
        for p in draw(sh, extra):
            print(f"{p['part']}\t{p['date']}\t{p['page']}\t{p['url']}")
        return 0
    pages = load_docs(sh, extra)
    drawn = {p["page"]: p["part"] for p in draw(sh, extra)}
    if drawn != {p.page: p.part for p, _ in pages}:
        print("error: the labels' pages are not the pages the draw deals", file=sys.stderr)
        return 2
    parts = [args.part] if args.part else ["dev", "heldout"]
    docs = {part: [d for p, d in pages if p.part == part] for part in parts}
    if args.errors:
        if "dev" not in docs:
            print("error: --errors lists the development part only", file=sys.stderr)
            return 2
        show_errors(tagged(docs["dev"], "factcheck"))
        return 0
    figs = measure(docs, not args.no_baseline)
    if args.json:
        print(json.dumps(figs))
        return 0
    if args.beside:
        extra_args = ["--sh", str(sh), "--extra", str(extra)] + (["--part", args.part] if args.part else [])
        for part, cols in measure_beside(args.beside, extra_args).items():
            figs[part] = {"factcheck": figs[part]["factcheck"], "beside": cols["factcheck"]} | {
                k: v for k, v in figs[part].items() if k != "factcheck"
            }
    for part, cols in figs.items():
        ds = docs[part]
        n = sum(len(d.gold) for d in ds)
        n_date = sum(g.type == "DATE" for d in ds for g in d.gold)
        print(
            f"== {part}: {len(ds)} documents, {n} gold TIMEX3 ({n_date} DATE)"
            + (" (totals only)" if part == "heldout" else "")
        )
        names = list(cols)
        print(f"{'':26}" + "".join(f"{c:>12}" for c in names))
        for key in next(iter(cols.values())):
            if key.endswith(("gold", "found")):
                row = "".join(f"{int(cols[c][key]):12d}" for c in names)
            else:
                row = "".join(f"{cols[c][key]:12.3f}" for c in names)
            print(f"{key:26}{row}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
