"""Speakers per claim on real pages in several languages, before and after the per-language vocabularies.

Usage: python bench/speakers_intl.py

Reads the realworld-dev JSON records (trafilatura's output for 110 saved pages), names each article's
language with ``factcheck.lang.detect`` when the record has none, and extracts its claims twice in the same
run: once as English (the engines before there were other languages: ``article.language = None``) and
once in the article's own language. Printed per language: articles, claims, the share of claims that carry
a speaker, the share of "attributed" claims (those holding a speech verb or attribution cue of their
language, by the language's speech.toml) that carry one, the share of claims cut at an ordinal date
("... am 30.") and the time expressions per claim. English is the reference (target: every other
language at least as high as English).

Data: ``<repo>/../shared/data/realworld-dev/json``; override the data directory with FACTCHECK_DATA.
"""

from __future__ import annotations

import os
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck import extract, ingest
from factcheck.lang import detect, resource


def data_dir() -> Path:
    env = os.environ.get("FACTCHECK_DATA")
    if env:
        return Path(env) / "realworld-dev" / "json"
    for up in Path(__file__).resolve().parents[1].parents:
        if (up / "shared" / "data").is_dir():
            return up / "shared" / "data" / "realworld-dev" / "json"
    return Path("shared/data/realworld-dev/json")


def cue_pattern(lang: str) -> re.Pattern[str] | None:
    """Any speech verb or attribution cue of the language (what makes a claim "attributed")."""
    data = resource(lang, "speech")
    if lang == "en":
        words = [*data["verbs"]["say"], "according to"]
    else:
        words = [*data.get("verbs", []), *data.get("according_before", []), *data.get("according_after", [])]
    # (words of one or two letters, such as German "so", are mostly something else: not counted)
    words = [w for w in words if len(w) > 2]
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.I)


# a claim that ends on a day number ("... am 30.") was cut at an ordinal date ("am 30. Januar")
_CUT_ORDINAL = re.compile(r"(?<![\d.])\d{1,2}\.$")


def main() -> int:
    root = data_dir()
    if not root.is_dir():
        print(f"realworld-dev not found at {root} (set FACTCHECK_DATA to the shared data directory)")
        return 0
    batch = ingest.load([root])
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for art in batch.articles:
        lang = art.language or detect(art.text) or "en"
        cue = cue_pattern(lang)
        for label, code in (("before", None), ("after", lang)):
            art.language = code
            claims = extract.extract(art)
            r = rows[lang]
            r[f"claims {label}"] += len(claims)
            r[f"speaker {label}"] += sum(1 for c in claims if c.speaker)
            attributed = [c for c in claims if cue is not None and cue.search(c.text)]
            r[f"attributed {label}"] += len(attributed)
            r[f"attributed speaker {label}"] += sum(1 for c in attributed if c.speaker)
            r[f"cut {label}"] += sum(1 for c in claims if _CUT_ORDINAL.search(c.text))
            r[f"times {label}"] += sum(len(c.when) for c in claims)
        rows[lang]["articles"] += 1
        art.language = lang
    print(f"realworld-dev: {len(batch.articles)} articles")
    print(
        f"{'lang':5}{'articles':>9}{'claims':>8}  {'speaker/claim before':>21}{'after':>8}"
        f"  {'speaker/attributed before':>26}{'after':>8}  {'cut at an ordinal before':>25}{'after':>8}"
        f"  {'times/claim before':>19}{'after':>7}"
    )
    for lang in sorted(rows, key=lambda k: -rows[k]["articles"]):
        r = rows[lang]

        def share(a: str, b: str, r: dict[str, int] = r) -> str:
            return f"{r[a] / r[b]:.1%}" if r[b] else "-"

        def ratio(a: str, b: str, r: dict[str, int] = r) -> str:
            return f"{r[a] / r[b]:.2f}" if r[b] else "-"

        print(
            f"{lang:5}{r['articles']:>9}{r['claims after']:>8}  "
            f"{share('speaker before', 'claims before'):>21}{share('speaker after', 'claims after'):>8}  "
            f"{share('attributed speaker before', 'attributed before'):>26}"
            f"{share('attributed speaker after', 'attributed after'):>8}"
            f"  {share('cut before', 'claims before'):>25}{share('cut after', 'claims after'):>8}"
            f"  {ratio('times before', 'claims before'):>19}{ratio('times after', 'claims after'):>7}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
