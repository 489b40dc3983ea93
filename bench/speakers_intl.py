"""Speakers per claim on real pages in several languages, before and after the per-language vocabularies.

Usage: python bench/speakers_intl.py

Reads the realworld-dev JSON records (trafilatura's output for 110 saved pages), names each article's
language with ``factcheck.lang.detect`` when the record has none, and extracts its claims twice in the same
run: once as English (the engines before there were other languages: ``article.language = None``) and
once in the article's own language. Printed per language: articles, claims, the share of claims that carry
a speaker, the share of "attributed" claims (those that report what a source said: ``is_attributed``) that
carry one, with its counts and beside it the share by the last sessions' looser definition (any speech verb
or cue word of the language's speech.toml: "old def."), the share of claims cut at an ordinal date
("... am 30.") and the time expressions per claim. English is the reference (target: every other
language at least as high as English).

Data: ``<repo>/../shared/data/realworld-dev/json``; override the data directory with FACTCHECK_DATA.
Spanish pages: realworld-dev has none, so the Spanish TimeBank's news documents (timebank-es/train.tsv,
rebuilt from their tokens; language "es", published on their creation date) stand in for them.

Split: the pages (and the Spanish documents) are split by a fixed seed into a dev part (the vocabularies were
written looking at it) and a held-out part (never looked at while writing them); both are printed, and the
whole. ``--sample N`` prints N attributed claims of each language drawn with the same seed (speaker and
text), to check by hand that the speakers counted are right.

    python bench/speakers_intl.py [--sample N]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck import attribution_intl, extract, ingest
from factcheck.lang import detect, resource
from factcheck.model import Article

SEED = 14  # the split of pages into dev and held-out parts (fixed: never re-drawn)
HELD_OUT_SHARE = 0.3


def data_dir() -> Path:
    env = os.environ.get("FACTCHECK_DATA")
    if env:
        return Path(env) / "realworld-dev" / "json"
    for up in Path(__file__).resolve().parents[1].parents:
        if (up / "shared" / "data").is_dir():
            return up / "shared" / "data" / "realworld-dev" / "json"
    return Path("shared/data/realworld-dev/json")


# English claims whose speech verb has a generic or first-person subject report no source ("as I said")
_EN_IMPERSONAL = re.compile(r"\b(?:I|we|you|one)\s+(?:\w+\s+)?$", re.I)


def is_attributed(text: str, lang: str, cue: re.Pattern[str] | None) -> bool:
    """The claim reports what a source said (what the speaker share is counted against). Other languages:
    ``attribution_intl.attributed`` (a cue that introduces a source, not "selon que" or "laut Fahrplan"; a
    speech verb that is no passive and has no generic or first-person subject; a document verb after a
    document). English: a speech verb or "according to" whose subject is not "I", "we", "you" or "one"."""
    if lang != "en":
        return attribution_intl.attributed(text, lang)
    if cue is None:
        return False
    return any(not _EN_IMPERSONAL.search(text[: m.start()]) for m in cue.finditer(text))


def cue_pattern(lang: str) -> re.Pattern[str] | None:
    """Any speech verb or attribution cue of the language (what made a claim "attributed" in the last
    sessions' figures, printed as "old"): the verbs, an auxiliary with a participle ("a déclaré"), the
    cues. A word right after an apostrophe is an elided noun or clitic, not a cue ("supplément d'estime",
    "s'ajoutent")."""
    data = resource(lang, "speech")
    if lang == "en":
        words = [*data["verbs"]["say"], "according to"]
    else:
        words = [*data.get("verbs", []), *data.get("according_before", []), *data.get("according_after", [])]
        words += [f"{a} {p}" for a in data.get("auxiliaries", []) for p in data.get("participles", [])]
    # (words of one or two letters, such as German "so", are mostly something else: not counted)
    words = [w for w in words if len(w) > 2]
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{alts})(?!\w)", re.I)


def spanish_docs() -> list[tuple[str, Article]]:
    """(part, article) for each of the Spanish TimeBank's documents: its text, language "es", its creation
    date; parts as bench/temporal_es.py splits them."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import temporal_es  # bench/temporal_es.py: the same loader and document split

    path = temporal_es.data_file()
    if not path.is_file():
        return []
    dev, held = temporal_es.split(temporal_es.load(path))
    out = []
    for part, docs in (("dev", dev), ("held-out", held)):
        for d in docs:
            art = ingest.article_from_text(d.text, path=f"timebank-es/{d.name}", key=d.name)
            art.language, art.published = "es", d.dct
            out.append((part, art))
    return out


def split_pages(articles: list[Article]) -> list[tuple[str, Article]]:
    """(part, article): a fixed shuffle of the pages, by file name, into dev and held-out."""
    names = sorted({a.source_file or a.path for a in articles})
    random.Random(SEED).shuffle(names)
    held = set(names[: round(len(names) * HELD_OUT_SHARE)])
    return [("held-out" if (a.source_file or a.path) in held else "dev", a) for a in articles]


# a claim that ends on a day number ("... am 30.") was cut at an ordinal date ("am 30. Januar")
_CUT_ORDINAL = re.compile(r"(?<![\d.])\d{1,2}\.$")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--sample", type=int, default=0, help="attributed claims per language to print")
    args = ap.parse_args(argv)
    root = data_dir()
    if not root.is_dir():
        print(f"realworld-dev not found at {root} (set FACTCHECK_DATA to the shared data directory)")
        return 0
    batch = ingest.load([root])
    items = split_pages(batch.articles)
    spanish = spanish_docs()
    items += spanish
    rows: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    attributed_claims: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for part, art in items:
        lang = art.language or detect(art.text) or "en"
        cue = cue_pattern(lang)
        for label, code in (("before", None), ("after", lang)):
            art.language = code
            claims = extract.extract(art)
            attributed = [c for c in claims if is_attributed(c.text, lang, cue)]
            old_attributed = [c for c in claims if cue is not None and cue.search(c.text)]
            for key in ((lang, part), (lang, "all")):
                r = rows[key]
                r[f"claims {label}"] += len(claims)
                r[f"speaker {label}"] += sum(1 for c in claims if c.speaker)
                r[f"attributed {label}"] += len(attributed)
                r[f"attributed speaker {label}"] += sum(1 for c in attributed if c.speaker)
                r[f"old attributed {label}"] += len(old_attributed)
                r[f"old attributed speaker {label}"] += sum(1 for c in old_attributed if c.speaker)
                r[f"cut {label}"] += sum(1 for c in claims if _CUT_ORDINAL.search(c.text))
                r[f"times {label}"] += sum(len(c.when) for c in claims)
            if label == "after":
                attributed_claims[lang] += [(c.speaker or "-", c.text) for c in attributed]
        rows[(lang, part)]["articles"] += 1
        rows[(lang, "all")]["articles"] += 1
        art.language = lang
    print(
        f"realworld-dev: {len(batch.articles)} pages, split by seed {SEED} ({HELD_OUT_SHARE:.0%} held out); "
        f"es: {len(spanish)} Spanish TimeBank documents (bench/temporal_es.py's split)"
    )
    print(
        f"{'lang':5}{'part':>9}{'articles':>9}{'claims':>8}  {'speaker/claim before':>21}{'after':>8}"
        f"  {'speaker/attributed before':>26}{'after':>8}{'(count)':>10}{'old def.':>9}"
        f"  {'cut at an ordinal before':>25}{'after':>8}"
        f"  {'times/claim before':>19}{'after':>7}"
    )
    langs = sorted({k[0] for k in rows}, key=lambda k: -rows[(k, "all")]["articles"])
    for lang in langs:
        for part in ("dev", "held-out", "all"):
            r = rows[(lang, part)]
            if not r["articles"]:
                continue

            def share(a: str, b: str, r: dict[str, int] = r) -> str:
                return f"{r[a] / r[b]:.1%}" if r[b] else "-"

            def ratio(a: str, b: str, r: dict[str, int] = r) -> str:
                return f"{r[a] / r[b]:.2f}" if r[b] else "-"

            print(
                f"{lang:5}{part:>9}{r['articles']:>9}{r['claims after']:>8}  "
                f"{share('speaker before', 'claims before'):>21}{share('speaker after', 'claims after'):>8}  "
                f"{share('attributed speaker before', 'attributed before'):>26}"
                f"{share('attributed speaker after', 'attributed after'):>8}"
                f"{r['attributed speaker after']:>5}/{r['attributed after']:<4}"
                f"{share('old attributed speaker after', 'old attributed after'):>9}"
                f"  {share('cut before', 'claims before'):>25}{share('cut after', 'claims after'):>8}"
                f"  {ratio('times before', 'claims before'):>19}{ratio('times after', 'claims after'):>7}"
            )
    if args.sample:
        rng = random.Random(SEED)
        for lang in langs:
            got = attributed_claims[lang]
            print(f"\n{lang}: {min(args.sample, len(got))} of {len(got)} attributed claims (speaker | text)")
            for speaker, text in rng.sample(got, min(args.sample, len(got))):
                print(f"  {speaker[:40]:40} | {' '.join(text.split())[:150]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
