"""Quality of claim extraction on the hand-labelled fixtures.

1. tests/fixtures/labelled/ (articles written for this project). Splits "dev" (articles 01-08, used while
   writing the rules), "heldout" (09-12) and "heldout2" (13-15), labelled afterwards, never tuned on.
   Reports precision and recall of claim detection, attribution (speaker, kind, chain), stance and
   polarity, and quotation marking.
2. tests/fixtures/realworld/ (excerpts of real pages from ../shared/data/realworld-dev, labelled sentence by
   sentence). Splits "dev" (12 articles, tuned on), "heldout" (8) and "ecb" (11 ECB+ articles): both held
   out when labelled, both informed since (their errors were read after the fact in rounds 2 and 3); "fresh"
   (12 pages of 12 outlets, round 4) is the clean held-out split: do not list its misses while tuning.
   "dev2" (15 pages of 15 other outlets, round 5) is a second development split, labelled before the
   extractor was run on it and tuned on since. "dev3" (15 pages of 15 more outlets, round 6, of kinds of text
   dev and dev2 lack: sports, a live blog, opinion, an interview write-up, a feature, science...) likewise,
   "dev4" (15 pages of 15 more outlets, round 7), and "dev5" (round 13: a blind sample of 15 unseen pages of
   15 outlets, 14 of them ECB+ news texts outside "ecb", labelled before the extractor was run on them).
   "dev6" and "dev6h" (round 14): a blind sample of 16 US political news articles of 2016 (PolNeAR), labelled
   before the extractor was run on them, in two halves by article: "dev6" is tuned on, "dev6h" is held out
   like "fresh" (its misses are never listed); a last row gives the two halves together. "dev7" and "dev7h"
   (round 16): a blind sample of 16 unseen ECB+ news texts of 16 outlets (make_dev7.py), labelled and the
   labels committed before the extractor was run on them, in two halves by article like dev6: "dev7" is
   tuned on, "dev7h" is held out (never listed). "dev8" and "dev8h" (round 18): a blind sample of 16 unseen
   news pages of 2023-2025 of 16 outlets (make_dev8.py), labelled and the labels committed before the
   extractor was run on them, in two halves by article like dev7: "dev8" is tuned on, "dev8h" is held out.
   "dev9" and "dev9h" (round 18): a blind sample of 16 unseen news pages in German (8), French (4) and
   Spanish (4) of 16 outlets (make_dev9.py), labelled and the labels committed before the extractor was run
   on them, in two halves by article like dev8 (each 4 / 2 / 2): "dev9" is tuned on, "dev9h" is held out.
   "dev10" (round 22): a blind sample of 8 English news pages of November 2019 of 8 outlets no split used,
   from scrapinghub's article-extraction-benchmark (make_dev10.py), labelled and the labels committed before
   the extractor was run on them; all 8 are development pages. "dev11" and "dev11h" (round 24): a blind sample of
   12 English news pages of 12 outlets no split used, from the development half of the same benchmark and the
   English test pages of mozilla/readability (make_dev11.py), labelled and the labels committed before the
   extractor was run on them, in two halves by article like dev8: "dev11" is tuned on, "dev11h" is held out.
   "dev12" and "dev12h" (round 25): a blind sample of 12 English news pages of 12 outlets no split used, from
   the test fixtures of postlight/parser (make_dev12.py), labelled and the labels committed before the
   extractor was run on them, in two halves by article like dev11: "dev12" is tuned on, "dev12h" is held out.
   "dev13" and "dev13h" (round 26): a blind sample of 12 English news pages of 12 outlets no split used, from
   the part of postlight/parser's fixtures make_dev12.py did not draw (make_dev13.py), labelled and the labels
   committed before the extractor was run on them, in two halves by article like dev12: "dev13" is tuned on,
   "dev13h" is held out. "dev14" and "dev14h" (round 28): a blind sample of 12 English news pages of 12 outlets
   no split used, from the evaluation pages of adbar/htmldate (make_dev14.py), labelled and the labels committed
   before the extractor was run on them, in two halves by article like dev13: "dev14" is tuned on, "dev14h" is
   held out. "dev15" and "dev15h" (round 31): a blind sample of 12 English news pages of 12 outlets no split
   used, from the parser test pages of flairNLP/fundus (make_dev15.py), labelled and the labels committed before
   the extractor was run on them, in two halves by article like dev14: "dev15" is tuned on, "dev15h" is held out.
   "dev16" and "dev16h" (round 32): a blind sample of 12 English news pages of 12 outlets no split used, from the
   part of fundus's parser test pages make_dev15.py did not draw (make_dev16.py), labelled and the labels
   committed before the extractor was run on them, in two halves by article like dev15: "dev16" is tuned on,
   "dev16h" is held out. "dev17" and "dev17h" (round 34): a blind sample of 9 English news pages of 9 outlets no
   split used, the part of fundus's parser test pages make_dev15.py and make_dev16.py did not draw
   (make_dev17.py), labelled and the labels committed before the extractor was run on them, in two halves by
   article like dev16: "dev17" (5 pages) is tuned on, "dev17h" (4 pages) is held out.
   Reports, among the claims shown by default (score >= model.DEFAULT_MIN_SCORE), the precision and recall
   of check-worthy claims, the speaker accuracy on attributed claims and the time values; beside them, in
   the same run, the same figures for every candidate claim (score >= extract.MIN_SCORE, what ``--all``
   shows) and for the naive baseline "every body sentence is a claim".

With ``--seeds`` also checks the seed articles for claims taken from page furniture. With ``-v`` lists
every miss of the development splits (``--split`` limits the real-article listing to one split; the held-out
splits "fresh", "dev6h", "dev7h", "dev8h", "dev9h", "dev11h", "dev12h", "dev13h", "dev14h", "dev15h", "dev16h" and "dev17h" are never listed). ``--list-times SPLIT`` lists the time misses of one development split with the whole claim
and each of its time expressions (text, type, value): which expressions a claim carries, and their values
(refused for "fresh", "dev6h", "dev7h", "dev8h", "dev9h", "dev11h", "dev12h", "dev13h", "dev14h", "dev15h", "dev16h" and "dev17h", which are never listed). ``--untimed SPLIT ...`` asks what the labels say of the shown
claims whose text holds no time expression: how many are labelled with a time, and how often the time a
claim could inherit (the last date before it in its paragraph, in the article, the publication date) is a
value its labels allow.
``--time-kinds`` counts the time errors of the shown, found claims by kind, the development splits and the
held-out splits each summed (counts only: no held-out claim is listed): a wrong CHOICE (an expression that is no
time of the claim carried where the labels give none or beside the labelled one, by the shape of its value; the
labelled time left in another expression of the claim, another sentence, or the publication date), a wrong VALUE
(the claim's expression valued otherwise: granularity, year, tense direction, anchor, a duration against a
point), or the TAGGER (no expression of the article has the labelled value); then how the labels read (claims
with a required time, with ``when_ok``) and the carried values by shape, right or wrong. ``--only`` limits it.

    /work/venv/bin/python bench/extract_quality.py [-v] [--seeds] [--split dev|dev2|dev3|dev4|dev5|dev6|dev7|dev8|dev9|dev10|dev11|dev12|dev13|dev14|dev15|dev16|dev17|heldout|ecb]
        [--only SPLIT ...] [--labels FILE] [--list-times dev|dev2|dev3|dev4|dev5|dev6|dev7|dev8|dev9|heldout|ecb] [--untimed SPLIT ...]
        [--time-kinds]
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck import extract, ingest, sentences  # noqa: E402
from factcheck.model import DEFAULT_MIN_SCORE, Article, Claim  # noqa: E402

LABELLED = ROOT / "tests" / "fixtures" / "labelled"
REALWORLD = ROOT / "tests" / "fixtures" / "realworld"
REAL_SPLITS = (
    "dev",
    "dev2",
    "dev3",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "dev13",
    "dev14",
    "dev15",
    "dev16",
    "dev17",
    "heldout",
    "ecb",
    "fresh",
    "dev6h",
    "dev7h",
    "dev8h",
    "dev9h",
    "dev11h",
    "dev12h",
    "dev13h",
    "dev14h",
    "dev15h",
    "dev16h",
    "dev17h",
)
HELD_OUT = (
    "fresh",
    "dev6h",
    "dev7h",
    "dev8h",
    "dev9h",
    "dev11h",
    "dev12h",
    "dev13h",
    "dev14h",
    "dev15h",
    "dev16h",
    "dev17h",
)  # clean held-out splits: their misses and sentences are never listed
LISTABLE = [s for s in REAL_SPLITS if s not in HELD_OUT]
POOLED = {
    "dev6+dev6h": ("dev6", "dev6h"),
    "dev7+dev7h": ("dev7", "dev7h"),
    "dev8+dev8h": ("dev8", "dev8h"),
    "dev9+dev9h": ("dev9", "dev9h"),
    "dev11+dev11h": ("dev11", "dev11h"),
    "dev12+dev12h": ("dev12", "dev12h"),
    "dev13+dev13h": ("dev13", "dev13h"),
    "dev14+dev14h": ("dev14", "dev14h"),
    "dev15+dev15h": ("dev15", "dev15h"),
    "dev16+dev16h": ("dev16", "dev16h"),
    "dev17+dev17h": ("dev17", "dev17h"),
}  # a sample drawn as one, scored in halves: also given whole


def norm_name(s: str | None) -> str:
    if not s:
        return ""
    s = re.sub(r"[’']s\b", "", s.casefold()).replace("’", "'")  # "O’Neill" and "O'Neill" are one name
    # a page's accents against a label's plain letters ("Murátov", "Muratov"; "José", "Jose") are one name
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    s = re.sub(r"^(?:the|a|an|some)\s+", "", " ".join(s.split()))
    return s


def same_speaker(pred: str | None, gold: str | None) -> bool:
    p, g = norm_name(pred), norm_name(gold)
    if not p or not g:
        return p == g
    return p == g or p in g or g in p


@dataclass
class Scores:
    predicted: int = 0
    labelled: int = 0
    matched_pred: int = 0
    matched_gold: int = 0
    offered_not_claims: int = 0
    not_claims: int = 0
    sp_pred: int = 0  # matched claims with a predicted speaker
    sp_gold: int = 0  # matched claims with a labelled speaker
    sp_correct: int = 0
    kind_correct: int = 0
    chain_gold: int = 0
    chain_correct: int = 0
    stance_total: int = 0
    stance_correct: int = 0
    polarity_correct: int = 0
    quote_gold: int = 0
    quote_found: int = 0
    per_stance: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, pred)
    misses: list[str] = field(default_factory=list)
    headline_claims: int = 0


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


def evaluate(verbose: bool = False, split: str = "dev", labels_file: Path | None = None) -> Scores:
    labels = tomllib.loads((labels_file or LABELLED / "labels.toml").read_text(encoding="utf-8"))
    sc = Scores()
    for entry in labels["article"]:
        if entry.get("split", "dev") != split:
            continue
        path = LABELLED / "articles" / entry["file"]
        batch = ingest.load([str(path)])
        if batch.errors or not batch.articles:
            sys.exit(f"extract_quality: cannot read {path}: {batch.errors}")
        art = batch.articles[0]
        claims = extract.extract(art)
        gold: list[dict[str, Any]] = entry.get("claim", [])
        for g in gold:
            if art.text.count(g["m"]) != 1:
                sys.exit(f"extract_quality: label {g['m']!r} is not unique in {entry['file']}")
        sc.labelled += len(gold)
        used: set[int] = set()
        either = entry.get("either", [])
        # the labels cover the body; headline claims (if extract offers them) are counted, not scored
        titles = [sg for sg in art.segments if sg.kind == "title"]
        headline = [c for c in claims if any(sg.start <= c.start and c.end <= sg.end for sg in titles)]
        sc.headline_claims += len(headline)
        claims = [c for c in claims if c not in headline]
        sc.predicted += len(claims)
        for c in claims:
            hit = [i for i, g in enumerate(gold) if g["m"] in c.text]
            if hit:
                sc.matched_pred += 1
            elif any(e in c.text for e in either):
                sc.predicted -= 1  # acceptable either way: not scored
            else:
                sc.misses.append(
                    f"{entry['file']}: not a labelled claim (score {c.score:.2f}): {c.text[:90]}"
                )
        for i, g in enumerate(gold):
            match: Claim | None = next((c for c in claims if g["m"] in c.text), None)
            if match is None:
                sc.misses.append(f"{entry['file']}: labelled claim not found: {g['m']}")
                continue
            used.add(i)
            sc.matched_gold += 1
            _score_claim(sc, entry["file"], g, match)
        for nc in entry.get("not_claims", []):
            sc.not_claims += 1
            if any(nc in c.text for c in claims):
                sc.offered_not_claims += 1
                sc.misses.append(f"{entry['file']}: offered a non-claim: {nc}")
    if verbose:
        for m in sc.misses:
            print("  " + m)
    return sc


def _score_claim(sc: Scores, file: str, g: dict[str, Any], c: Claim) -> None:
    gs, gk = g.get("speaker"), g.get("kind")
    if c.speaker:
        sc.sp_pred += 1
    if gs:
        sc.sp_gold += 1
    if gs and c.speaker and same_speaker(c.speaker, gs):
        sc.sp_correct += 1
        if c.speaker_kind == gk:
            sc.kind_correct += 1
        else:
            sc.misses.append(f"{file}: speaker kind {c.speaker_kind} != {gk}: {g['m']}")
    elif gs or c.speaker:
        sc.misses.append(f"{file}: speaker {c.speaker!r} != {gs!r}: {g['m']}")
    if g.get("chain"):
        sc.chain_gold += 1
        if [norm_name(x) for x in c.source_chain] == [norm_name(x) for x in g["chain"]]:
            sc.chain_correct += 1
        else:
            sc.misses.append(f"{file}: chain {c.source_chain} != {g['chain']}: {g['m']}")
    sc.stance_total += 1
    sc.per_stance[(g["stance"], str(c.stance))] += 1
    if str(c.stance) == g["stance"]:
        sc.stance_correct += 1
    else:
        sc.misses.append(f"{file}: stance {c.stance} != {g['stance']}: {g['m']}")
    if c.polarity == g.get("polarity", 1):
        sc.polarity_correct += 1
    else:
        sc.misses.append(f"{file}: polarity {c.polarity} != {g.get('polarity', 1)}: {g['m']}")
    if g.get("quote"):
        sc.quote_gold += 1
        sc.quote_found += int(c.quote)


def report(sc: Scores, split: str) -> None:
    print(
        f"== {split} set, {LABELLED.relative_to(ROOT)}: {sc.labelled} labelled claims, "
        f"{sc.not_claims} labelled non-claims"
    )
    print(
        f"claim detection   precision {ratio(sc.matched_pred, sc.predicted)}   recall {ratio(sc.matched_gold, sc.labelled)}"
    )
    print(
        f"  labelled non-claims offered: {sc.offered_not_claims}/{sc.not_claims}; "
        f"headline claims (not scored): {sc.headline_claims}"
    )
    print(
        f"attribution       precision {ratio(sc.sp_correct, sc.sp_pred)}   recall {ratio(sc.sp_correct, sc.sp_gold)}"
        f"   kind right when speaker right {ratio(sc.kind_correct, sc.sp_correct)}"
    )
    print(f"  source chains exactly right {ratio(sc.chain_correct, sc.chain_gold)}")
    print(
        f"stance            accuracy {ratio(sc.stance_correct, sc.stance_total)}"
        f"   polarity accuracy {ratio(sc.polarity_correct, sc.stance_total)}"
    )
    stances = sorted({g for g, _ in sc.per_stance} | {p for _, p in sc.per_stance})
    for s in stances:
        tp = sc.per_stance[(s, s)]
        pred = sum(v for (_, p), v in sc.per_stance.items() if p == s)
        gold = sum(v for (g, _), v in sc.per_stance.items() if g == s)
        print(f"  {s:<12} precision {ratio(tp, pred):<14} recall {ratio(tp, gold)}")
    print(f"quotations marked {ratio(sc.quote_found, sc.quote_gold)}")


def seeds_check() -> None:
    seeds = ROOT / "seeds"
    batch = ingest.load([str(seeds)])
    n = bad = 0
    for art in batch.articles:
        for c in extract.extract(art):
            n += 1
            if art.is_furniture(c.start, c.end) or any(
                s.kind not in ("body", "title") and s.start < c.end and c.start < s.end for s in art.segments
            ):
                bad += 1
                print(f"  furniture claim in {art.key}: {c.text[:80]}")
    print(
        f"seeds: {len(batch.articles)} articles, {n} claims (headlines included), {bad} from page furniture or metadata"
    )


# ----------------------------------------------------------------------------------------------
# real articles


@dataclass
class RealScores:
    shown: int = 0  # shown claims, headlines and "either" sentences left out
    shown_ok: int = 0  # of which check-worthy (they contain a labelled claim)
    labelled: int = 0
    found: int = 0  # labelled claims shown
    in_furniture: int = 0  # labelled claims inside text that ingest marks as furniture/metadata
    headline: int = 0
    sp_total: int = 0  # found claims with a labelled or a predicted speaker (speaker_any left out)
    sp_right: int = 0
    sp_spurious: int = 0  # a speaker where the article speaks in its own voice
    t_pred: int = 0  # time values of found claims
    t_right: int = 0
    t_gold: int = 0  # required time values of found claims
    t_found: int = 0
    misses: list[str] = field(default_factory=list)
    time_misses: list[str] = field(default_factory=list)  # the claims whose times miss, in full
    time_kinds: Counter[str] = field(default_factory=Counter)  # each time error by kind (``--time-kinds``)


def _naive_claims(art: Article) -> list[Claim]:
    """The baseline: every sentence of the body is shown as a claim (no speaker, no time)."""
    out = []
    for seg in art.claim_segments:
        if seg.kind == "title":
            continue
        for s, e in sentences.spans(art.text, seg.start, seg.end):
            out.append(
                Claim(id="", article_id=art.id, article_key=art.key, start=s, end=e, text=art.text[s:e])
            )
    return out


def evaluate_real(split: str, mode: str, verbose: bool = False, kinds: bool = False) -> RealScores:
    """``mode``: "shown" (score >= DEFAULT_MIN_SCORE), "all" (every candidate) or "naive". ``kinds``: count
    each time error of a found claim by kind in ``time_kinds`` (``time_kind``)."""
    labels = tomllib.loads((REALWORLD / "labels.toml").read_text(encoding="utf-8"))
    sc = RealScores()
    for entry in labels["article"]:
        if entry["split"] != split:
            continue
        path = REALWORLD / "articles" / entry["file"]
        batch = ingest.load([str(path)])
        if batch.errors or not batch.articles:
            sys.exit(f"extract_quality: cannot read {path}: {batch.errors}")
        art = batch.articles[0]
        gold: list[dict[str, Any]] = entry.get("claim", [])
        either: list[str] = entry.get("either", [])
        for m in [g["m"] for g in gold] + either:
            if art.text.count(m) != 1:
                sys.exit(f"extract_quality: label {m!r} is not unique in {entry['file']}")
        if mode == "naive":
            claims = _naive_claims(art)
        else:
            claims = extract.extract(art)
            if mode == "shown":
                claims = [c for c in claims if c.score >= DEFAULT_MIN_SCORE]
        titles = [sg for sg in art.segments if sg.kind == "title"]
        headline = [c for c in claims if any(sg.start <= c.start and c.end <= sg.end for sg in titles)]
        sc.headline += len(headline)
        claims = [c for c in claims if c not in headline]
        name = entry["file"]
        for c in claims:
            if any(g["m"] in c.text for g in gold):
                sc.shown += 1
                sc.shown_ok += 1
            elif not any(e in c.text for e in either):
                sc.shown += 1
                sc.misses.append(f"{name}: shown, not check-worthy (score {c.score:.2f}): {c.text[:100]}")
        sc.labelled += len(gold)
        for g in gold:
            match = next((c for c in claims if g["m"] in c.text), None)
            if match is None:
                pos = art.text.index(g["m"])
                hidden = art.is_furniture(pos, pos + len(g["m"])) or any(
                    sg.kind not in ("body", "title") and sg.start <= pos < sg.end for sg in art.segments
                )
                sc.in_furniture += int(hidden)
                where = " (in text ingest marks as furniture/metadata)" if hidden else ""
                sc.misses.append(f"{name}: check-worthy claim not shown{where}: {g['m']}")
                continue
            sc.found += 1
            if mode != "naive":
                _score_real(sc, name, g, match)
                if kinds:
                    sc.time_kinds.update(time_kinds(art, extract._times_for(art), g, match))
                    _label_habits(sc.time_kinds, g, match)
    if verbose:
        for m in sc.misses:
            print("  " + m)
    return sc


_CLOCK_ONLY = re.compile(r"T\d\d(?::\d\d)?")
_YEAR_PREFIX = re.compile(r"\d{1,3}X{1,3}")


def same_value(value: str) -> str:
    """One spelling of a TIMEX3 value: a label's bare clock time "T10:00" is the value "XXXX-XX-XXT10:00"
    (10:00 on a day not given), and a century or decade padded with X ("18XX", "198X") is the truncated
    year "18", "198" the engine writes, as TimeML does. The labels write no time zone: a clock time the engine
    gives ISO 8601's UTC designator ("5 p.m. UTC": "2019-08-28T17:00Z") is the label's "2019-08-28T17:00"."""
    if "T" in value and value.endswith("Z"):
        value = value[:-1]
    if _CLOCK_ONLY.fullmatch(value):
        return "XXXX-XX-XX" + value
    if len(value) == 4 and _YEAR_PREFIX.fullmatch(value):
        return value.rstrip("X")
    return value


def _score_real(sc: RealScores, file: str, g: dict[str, Any], c: Claim) -> None:
    if not g.get("speaker_any"):
        gs = g.get("speaker")
        if gs or c.speaker:
            sc.sp_total += 1
            if gs and c.speaker and same_speaker(c.speaker, gs):
                sc.sp_right += 1
            else:
                sc.sp_spurious += int(gs is None)
                sc.misses.append(f"{file}: speaker {c.speaker!r} != {gs!r}: {g['m']}")
    need = [same_value(v) for v in g.get("when", [])]
    ok = set(need) | {same_value(v) for v in g.get("when_ok", [])}
    values = [same_value(t.value) for t in c.when]
    sc.t_pred += len(values)
    sc.t_right += sum(1 for v in values if v in ok)
    sc.t_gold += len(need)
    sc.t_found += sum(1 for v in need if v in values)
    if any(v not in ok for v in values) or any(v not in values for v in need):
        got = ", ".join(f"{t.text!r}={t.value}" for t in c.when)
        sc.misses.append(f"{file}: times [{got}] != {need} (also fine: {sorted(ok - set(need))}): {g['m']}")
        wrong = [t for t in c.when if same_value(t.value) not in ok]
        missing = [v for v in need if v not in values]
        lines = [f"{file}: label {g['m']!r}", "    claim: " + " ".join(c.text.split())]
        lines += [f"    wrong: {t.text!r} {t.type} {t.value} (at {t.start - c.start})" for t in wrong]
        lines += [f"    missing: {v}" for v in missing]
        lines.append(f"    required {need}, also fine {sorted(ok - set(need))}")
        sc.time_misses.append("\n".join(lines))


_DURATION = re.compile(r"P[\dXT].*")
_DAYISH = re.compile(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?")


def _point(value: str) -> tuple[int, ...] | None:
    """A calendar value's (year, month, day) as far as it goes ("2019-05" -> (2019, 5)); None for others."""
    m = _DAYISH.fullmatch(value)
    return tuple(int(g) for g in m.groups() if g) if m else None


def value_shape(value: str) -> str:
    """The shape of a TIMEX3 value, to break the choice errors down (``time_kinds``): a year, a month or
    season, a week, a day, a clock time, a reference (PRESENT_REF...), a duration, or other."""
    if value.endswith("_REF"):
        return "ref"
    if _DURATION.fullmatch(value):
        return "duration"
    if "T" in value[10:11] or value.startswith("T") or re.fullmatch(r"XXXX-XX-XXT.*", value):
        return "clock"
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", value):
        return "day"
    if re.fullmatch(r"[\dX]{4}-W[\dX]{2}(-WE)?", value):
        return "week"
    if re.fullmatch(r"[\dX]{4}-([\dX]{2}|SP|SU|FA|WI|Q\d|H\d)", value):
        return "month/season/quarter"
    if re.fullmatch(r"\d{1,4}X*", value):
        return "year/decade"
    return "other"


def _value_kind(got: str, need: str, published: str | None) -> str:
    """How the right expression's value differs from the label's (``time_kinds``): granularity, year, tense
    direction (one before the publication date, the other after), a duration against a point, or other."""
    if got.startswith(need) or need.startswith(got):
        return "value: granularity (one value a part of the other)"
    if bool(_DURATION.fullmatch(got)) != bool(_DURATION.fullmatch(need)):
        return "value: a duration against a point"
    g, n = _point(got[:10]), _point(need[:10])
    pub = _point(published) if published else None
    if g and n and len(g) == len(n):
        if pub and (g < pub[: len(g)]) != (n < pub[: len(n)]):
            return "value: tense direction (before / after the publication date)"
        if g[1:] == n[1:]:
            return "value: year (same month or day)"
        return "value: anchor (same granularity, another point)"
    return "value: other"


def time_kinds(art: Article, times: list[Any], g: dict[str, Any], c: Claim) -> list[str]:
    """Each time error of a found claim as a kind: a wrong CHOICE (the claim carries an expression that is
    no time of its event, or none where one is labelled) or a wrong VALUE (the right expression valued
    wrong). Counts only: held-out splits are summed, never listed. The carried times wrong (not in ``when``
    or ``when_ok``) are paired with the required values missing, in order; a pair is a VALUE error unless the
    claim's sentence holds the required value in an expression it did not carry, or the wrong one is a
    duration or a set given for a point; a wrong time left unpaired is a CHOICE (an extra expression, or a
    time where the labels give none); a required value left unpaired is a CHOICE when the claim's text holds
    it in an expression it did not carry, or when only another sentence holds it, else a miss of the tagger
    (the claim's text holds no expression with that value)."""
    need = [same_value(v) for v in g.get("when", [])]
    ok = set(need) | {same_value(v) for v in g.get("when_ok", [])}
    carried = {(t.start, t.end) for t in c.when}
    wrong = [t for t in c.when if same_value(t.value) not in ok]
    missing = [v for v in need if v not in {same_value(t.value) for t in c.when}]
    published = art.published.isoformat() if art.published else None
    inside = [t for t in times if c.start <= t.start and t.end <= c.end and (t.start, t.end) not in carried]
    para_start = art.text.rfind("\n", 0, c.start) + 1
    para_end = art.text.find("\n", c.end)
    para_end = len(art.text) if para_end < 0 else para_end
    out: list[str] = []
    for t, v in zip(wrong, missing, strict=False):
        if any(same_value(o.value) == v for o in inside):
            out.append("choice: another expression of the claim carried, the labelled one dropped")
        elif t.type in ("DURATION", "SET") and not _DURATION.fullmatch(v):
            out.append(f"choice: a {t.type} carried for a point")
        elif (
            (got := same_value(t.value))
            and not (got.startswith(v) or v.startswith(got))
            and (value_shape(got) != value_shape(v))
        ):  # another shape, neither a part of the other: another expression, not this one's value
            out.append(f"choice: a {value_shape(got)} carried for the labelled {value_shape(v)}")
        else:
            out.append(_value_kind(same_value(t.value), v, published))
    allowed = sorted(ok - set(need))
    for t in wrong[len(missing) :]:
        got = same_value(t.value)
        shape = value_shape(got)
        near = [v for v in allowed if value_shape(v) == shape]
        if near and not need:  # the labels allow a value of the same shape: the expression, valued otherwise
            out.append(_value_kind(got, near[0], published) + ", when_ok's value of that shape")
            continue
        what = (
            "a duration or set" if t.type in ("DURATION", "SET") or shape == "duration" else "a date or time"
        )
        if got == published:
            what = "the publication day"
        if need:
            out.append(f"choice: {what} carried beside the labelled time(s) [{shape}]")
        else:
            out.append(f"choice: {what} carried, no time labelled [{shape}]")
    carried_values = [same_value(t.value) for t in c.when]
    for v in missing[len(wrong) :]:
        if any(x.startswith(v) or v.startswith(x) for x in carried_values):
            out.append("value: granularity, a finer or coarser value carried (a miss of 'found' only)")
        elif any(same_value(o.value) == v for o in inside):
            out.append("choice: the labelled time not carried, the claim's own expression dropped")
        elif inside:
            out.append(
                "value: the labelled time not carried, the claim's expression (dropped) valued otherwise"
            )
        elif v == published:
            out.append("choice: the labelled time not carried, the publication day (no expression)")
        elif any(same_value(o.value) == v and para_start <= o.start < para_end for o in times):
            out.append("choice: the labelled time not carried, in another sentence of the paragraph")
        elif any(same_value(o.value) == v for o in times):
            out.append("choice: the labelled time not carried, elsewhere in the article")
        else:
            out.append("tagger: the labelled time not carried, no expression with that value")
    return out


def _label_habits(counts: Counter[str], g: dict[str, Any], c: Claim) -> None:
    """How the labels of the found claims read (``--time-kinds``, counts only): how many give a required
    time, how many allow more (``when_ok``), and the carried values by shape, right or wrong."""
    counts["label: found claims"] += 1
    counts["label: a time required (when)"] += bool(g.get("when"))
    counts["label: more allowed (when_ok)"] += bool(g.get("when_ok"))
    ok = {same_value(v) for v in g.get("when", []) + g.get("when_ok", [])}
    for t in c.when:
        right = same_value(t.value) in ok
        counts[f"shape: {value_shape(same_value(t.value))} {'right' if right else 'wrong'}"] += 1


def report_time_kinds(dev: list[str], held: list[str]) -> None:
    """``--time-kinds``: the time errors of the shown, found claims by kind, development splits and held-out
    splits each summed (counts only: the held-out misses are never listed)."""
    cols = {"development": dev, "held out": held}
    counts = {name: Counter[str]() for name in cols}
    totals = {name: RealScores() for name in cols}
    for name, splits in cols.items():
        for split in splits:
            sc = evaluate_real(split, "shown", kinds=True)
            counts[name].update(sc.time_kinds)
            for f in ("t_pred", "t_right", "t_gold", "t_found"):
                setattr(totals[name], f, getattr(totals[name], f) + getattr(sc, f))
    for name, splits in cols.items():
        t = totals[name]
        print(
            f"{name} ({', '.join(splits)}): times right {ratio(t.t_right, t.t_pred)}, "
            f"found {ratio(t.t_found, t.t_gold)}; errors "
            f"{sum(v for k, v in counts[name].items() if k.split(':')[0] in ('choice', 'value', 'tagger'))}"
        )
    kinds = sorted(set(counts["development"]) | set(counts["held out"]))
    kinds.sort(key=lambda k: (k.split(":")[0], -(counts["development"][k] + counts["held out"][k]), k))
    print(f"  {'kind':<96} {'dev':>5} {'held':>5}")
    for group in ("choice", "value", "tagger", "label", "shape"):
        rows = [k for k in kinds if k.startswith(group + ":")]
        for k in rows:
            print(f"  {k:<96} {counts['development'][k]:>5} {counts['held out'][k]:>5}")
        if group in ("choice", "value", "tagger"):
            print(
                f"  {'  all ' + group:<96} {sum(counts['development'][k] for k in rows):>5} "
                f"{sum(counts['held out'][k] for k in rows):>5}"
            )


def untimed(splits: list[str]) -> None:
    """What the labels say of the found, shown claims whose text holds no time expression."""
    labels = tomllib.loads((REALWORLD / "labels.toml").read_text(encoding="utf-8"))
    n = timed_label = 0
    inherit: Counter[str] = Counter()  # "<source>" found / "<source> allowed"
    for entry in labels["article"]:
        if entry["split"] not in splits:
            continue
        art = ingest.load([str(REALWORLD / "articles" / entry["file"])]).articles[0]
        times = extract._times_for(art)
        claims = [c for c in extract.extract(art, times=times) if c.score >= DEFAULT_MIN_SCORE]
        for g in entry.get("claim", []):
            c = next((c for c in claims if g["m"] in c.text), None)
            if c is None or c.when:
                continue
            n += 1
            timed_label += bool(g.get("when"))
            ok = {same_value(v) for v in g.get("when", []) + g.get("when_ok", [])}
            dated = [t for t in times if t.end <= c.start and t.type in ("DATE", "TIME")]
            dated = [t for t in dated if not t.value.endswith("_REF")]
            para = art.text.rfind("\n", 0, c.start)
            sources = {
                "the last date before it in its paragraph": [t for t in dated if t.start > para][-1:],
                "the last date before it in the article": dated[-1:],
            }
            for name, got in sources.items():
                if got:
                    inherit[name] += 1
                    inherit[f"{name} allowed"] += same_value(got[0].value) in ok
            if art.published is not None:
                inherit["the publication date"] += 1
                inherit["the publication date allowed"] += art.published.isoformat() in ok
    print(
        f"{'+'.join(splits)}: {n} shown claims with no time expression; labelled with a time: {timed_label}"
    )
    for name in (
        "the last date before it in its paragraph",
        "the last date before it in the article",
        "the publication date",
    ):
        print(f"  {name}: a value its labels allow for {ratio(inherit[f'{name} allowed'], inherit[name])}")


def report_real(split: str, verbose_split: str | None) -> dict[str, RealScores]:
    res = {
        mode: evaluate_real(split, mode, verbose_split == split and mode == "shown")
        for mode in ("shown", "all", "naive")
    }
    sh = res["shown"]
    print(
        f"== real articles, {split} split, {REALWORLD.relative_to(ROOT)}: {sh.labelled} check-worthy claims "
        f"labelled ({sh.in_furniture} not shown because ingest marks their text as furniture/metadata)"
    )
    rows = (
        (f"shown (score >= {DEFAULT_MIN_SCORE})", res["shown"]),
        (f"all candidates (--all, >= {extract.MIN_SCORE})", res["all"]),
        ("baseline: every body sentence", res["naive"]),
    )
    for label, r in rows:
        line = f"  {label:<36} check-worthy precision {ratio(r.shown_ok, r.shown):<15} recall {ratio(r.found, r.labelled):<15}"
        if r is not res["naive"]:
            line += (
                f" speaker right {ratio(r.sp_right, r.sp_total):<15} times right {ratio(r.t_right, r.t_pred)}"
            )
            line += f" found {ratio(r.t_found, r.t_gold)}"
        print(line)
    print(
        f"  recall of the claims in text ingest keeps: {ratio(sh.found, sh.labelled - sh.in_furniture)}; "
        f"spurious speakers (own voice given a speaker): {sh.sp_spurious}; headline claims (not scored): {sh.headline}"
    )
    return res


def pooled(parts: list[dict[str, RealScores]]) -> RealScores:
    """The shown-claim counts of several splits summed."""
    r = RealScores()
    for res in parts:
        for f in fields(RealScores):
            if f.type in (int, "int"):
                setattr(r, f.name, getattr(r, f.name) + getattr(res["shown"], f.name))
    return r


def report_pooled(name: str, parts: list[dict[str, RealScores]]) -> None:
    """The shown-claim figures of several splits scored together (the counts summed)."""
    r = pooled(parts)
    print(
        f"== real articles, {name} together: shown (score >= {DEFAULT_MIN_SCORE}) check-worthy precision "
        f"{ratio(r.shown_ok, r.shown)} recall {ratio(r.found, r.labelled)} speaker right "
        f"{ratio(r.sp_right, r.sp_total)} times right {ratio(r.t_right, r.t_pred)} found {ratio(r.t_found, r.t_gold)}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--seeds", action="store_true")
    ap.add_argument(
        "--split",
        choices=LISTABLE,
        help="with -v: list the real-article misses of one split",
    )
    ap.add_argument(
        "--list-times",
        choices=LISTABLE,
        metavar="SPLIT",
        help="list the time misses of one split (claims shown by default), each claim in full",
    )
    ap.add_argument(
        "--untimed",
        nargs="+",
        choices=LISTABLE,
        metavar="SPLIT",
        help="what the labels say of shown claims with no time expression (may they inherit one?)",
    )
    ap.add_argument(
        "--time-kinds",
        action="store_true",
        help="count the time errors of shown claims by kind (wrong choice / wrong value), development and "
        "held-out splits each summed (counts only); --only limits the splits",
    )
    ap.add_argument(
        "--labels",
        type=Path,
        metavar="FILE",
        help="score the labelled set (tests/fixtures/labelled/articles) against these labels instead of its "
        "labels.toml (a proposed relabelling, kept outside the repo until adopted)",
    )
    ap.add_argument(
        "--only",
        action="append",
        choices=REAL_SPLITS,
        help="score only these real-article splits (repeatable; e.g. the development ones while tuning)",
    )
    args = ap.parse_args()
    if args.time_kinds:
        chosen = args.only or list(REAL_SPLITS)
        report_time_kinds([s for s in chosen if s not in HELD_OUT], [s for s in chosen if s in HELD_OUT])
        return 0
    if args.untimed:
        untimed(args.untimed)
        return 0
    if args.list_times:
        sc = evaluate_real(args.list_times, "shown")
        for m in sc.time_misses:
            print(m)
        print(
            f"{args.list_times}: {len(sc.time_misses)} claims with a time miss; times right {ratio(sc.t_right, sc.t_pred)}"
        )
        return 0
    for split in ("dev", "heldout", "heldout2"):
        sc = evaluate(args.verbose, split, args.labels)
        report(sc, split)
    scored = {}
    for split in args.only or REAL_SPLITS:
        listed = (args.split or split) if args.verbose and split not in HELD_OUT else None
        scored[split] = report_real(split, listed)
    for name, parts in POOLED.items():
        if all(p in scored for p in parts):
            report_pooled(name, [scored[p] for p in parts])
    if args.seeds:
        seeds_check()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
