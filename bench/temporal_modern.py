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
engine of another checkout (run on it, in the same run).
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
