"""Learn the annotators' conventions from the development documents, and check by cross-validation that what
is learned holds on documents it was not learned from.

    python bench/temporal_conventions.py [--dev-corpus DIR] [--folds K] [--min-n N] [--show CELL]

Two kinds of decision that TimeML annotators make differently from one document to the next:

- **whether to tag a deictic word** ("now", "currently", "recent(ly)", "the future", "soon", "today" meaning
  nowadays: PRESENT_REF, PAST_REF, FUTURE_REF). Each such expression the engine tags is a decision point; its
  label is whether a gold TIMEX3 covers it. Its context is the word and its syntactic slot: after a
  preposition ("in recent years"), inside a noun phrase ("the recent sale"), a sentence-opening discourse
  marker followed by a comma ("Now, he says"), sentence-initial, in apposition before a noun phrase ("X,
  currently vice president"), clause-final ("five months now."), or an adverb inside the clause ("Iraq now
  controls"); apart, the tense of its clause.
- **the granularity of a relative week or year** ("last week" as a week number, ``WXX`` or a month; "a year
  earlier" as a quarter or a year): each such expression tagged as a DATE and covered by a gold DATE is a
  decision point, its label the shape of the gold value (digits as 9), its context the phrase and the tense.

For each context cell the tool prints how often the annotators tag (or which shape they write) on TBAQ's
development part and on the development half of ``--dev-corpus`` (MEANTIME English). Then it learns a policy
from the tallies, cell by cell: a cell changes the engine's decision only when its majority says so with at
least ``--min-n`` cases from at least two documents. The policy is learned on K-1 folds of TBAQ's development
documents and scored on the remaining fold, for each of the K folds (document-level cross-validation), and the
policy learned on the whole development part is scored on MEANTIME's development half. A cell is worth a rule
only when it gains in the folds it appears in and on MEANTIME. Never the held-out part nor the check half.

Data: as bench/temporal.py (FACTCHECK_DATA); the engine measured is this checkout's.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import temporal as bench  # bench/temporal.py: corpus loading and scoring

from factcheck.temporal.tense import _tense

# the deictic words, grouped by lemma (the engine's values come from time.toml's [vocab.deictic])
_GROUPS = {
    "recently": "recent",
    "currently": "current",
    "right now": "now",
    "in the past": "the past",
    "the near future": "the future",
    "formerly": "previously",
}
_PREPOSITIONS = frozenset(
    "in for until from between to into about of since till at by with than during through over within".split()
)
_DETERMINERS = frozenset("the a an its his her their our my your this that these those".split())
_CONJUNCTIONS = frozenset("and but or so yet".split())
_OPENERS = frozenset({".", "?", "!", '"', "``", "''", "`", ":", "--", "_"})
_AUXILIARIES = frozenset(
    "is are was were be been being has have had do does did will would can could may might must shall should".split()
)
_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")


@dataclass
class Point:
    """One decision the annotators made: where, in which context, and what they wrote."""

    doc: str
    cell: tuple[str, str]
    label: str  # REF: "tagged" or "untagged"; granularity: the gold value's shape
    engine: str  # what the engine does: "tagged", or the shape of its value


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _verb_like(word: str) -> bool:
    """A rough test for a verb opening what follows ("operates", "valued", "being"), not a noun phrase."""
    w = word.lower()
    return w in _AUXILIARIES or (word.islower() and re.search(r"(?:s|ed|en|ing)$", w) is not None)


def slot(text: str, start: int, end: int) -> str:
    """The syntactic slot of the expression ``text[start:end]`` read from its neighbours."""
    before = _words(text[max(0, start - 60) : start])
    after = _words(text[end : end + 60])
    prev = before[-1].lower() if before else "."
    nxt = after[0] if after else "."
    at_start = prev in _OPENERS or "\n" in text[max(0, start - 3) : start]
    if text[start].isupper() and at_start:
        return "discourse marker (opening, comma)" if nxt == "," else "sentence-initial"
    if prev in _PREPOSITIONS:
        return "after a preposition"
    if prev in _DETERMINERS or prev.endswith(("'s", "’s")):
        return "inside a noun phrase"
    if prev == "," and not _verb_like(nxt) and nxt not in (",", "."):
        return "apposition, before a noun phrase"
    if prev in _CONJUNCTIONS:
        return "after a conjunction"
    if nxt in (",", ".", ";", "''", '"', "?", "!"):
        return "clause-final"
    return "adverb inside the clause"


def _shape(value: str) -> str:
    return re.sub(r"\d", "9", value)


_WEEK = re.compile(r"(?i)(?:(?:late|early)\s+)?(?:last|this|next|the past|the previous|that)\s+week")
_YEAR_EARLIER = re.compile(
    r"(?i)(?:a|one)\s+year\s+(?:earlier|before|ago)|the\s+year-earlier\s+\w+|year-earlier"
)
_NIGHT = re.compile(r"(?i)\w+day\s+(?:morning|afternoon|evening|night)|tonight|last night")


def _phrase(text: str) -> str | None:
    """The phrase family of a relative expression whose granularity annotators choose differently."""
    if _WEEK.fullmatch(text):
        return "last/this/next week"
    if _YEAR_EARLIER.fullmatch(text):
        return "a year earlier"
    if _NIGHT.fullmatch(text):
        return "weekday + part of day"
    return None


_AGO = re.compile(
    r"(?i)(?P<approx>about|almost|nearly|more than|less than|some|roughly|around|over)?\s*\S+\s+(?P<u>\w+?)s?\s+ago"
)
_RATE = re.compile(
    r"(?i)(?:a|an|per|each)\s+\w+|annually|yearly|daily|weekly|monthly|quarterly|hourly|nightly"
)
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|million|billion|percent|%|cents?|dollars?|shares|units|times|twice|once)\W*(?:\w+\W+){0,2}$"
)


def _ago_cell(text: str) -> tuple[str, str] | None:
    m = _AGO.fullmatch(text.strip())
    if m is None:
        return None
    return ("N units ago, " + ("approximate" if m["approx"] else "exact"), m["u"].lower())


def _rate_slot(text: str, start: int, end: int) -> str:
    """Where a rate or frequency stands: after an amount ("$2 million a year", "rise 8% annually"), before a
    noun as an adjective ("daily volume"), or elsewhere."""
    if _AMOUNT_BEFORE.search(text[max(0, start - 40) : start]):
        return "after an amount"
    nxt = _words(text[end : end + 30])
    if nxt and nxt[0][0].islower() and not _verb_like(nxt[0]) and nxt[0] not in _PREPOSITIONS:
        return "before a noun"
    return "elsewhere"


def points(outputs: list[tuple[bench.Doc, list[bench.Timex]]]) -> dict[str, list[Point]]:
    """The decision points of the tagged documents, by family: REF words (tagged or not), granularity (the gold
    value's shape), "N units ago" (the gold type: DATE or DURATION), rates and frequencies (tagged or not)."""
    fam: dict[str, list[Point]] = {"ref": [], "ref tense": [], "grain": [], "ago": [], "rate": []}
    for d, found in outputs:
        for s in found:
            gold = [g for g in d.gold if s.start < g.end and g.start < s.end]
            text = d.text[s.start : s.end]
            tagged = "tagged" if gold else "untagged"
            if s.value.endswith("_REF"):
                word = re.sub(r"\s+", " ", text.lower())
                word = _GROUPS.get(word, word)
                fam["ref"].append(Point(d.name, (word, slot(d.text, s.start, s.end)), tagged, "tagged"))
                tense = _tense(d.text, s.start, s.end) or "none"
                fam["ref tense"].append(Point(d.name, (word, f"clause tense {tense}"), tagged, "tagged"))
                continue
            if s.type == "SET" and _RATE.fullmatch(text.strip()):
                kind = "a/per/each unit" if " " in text.strip() else text.strip().lower()
                fam["rate"].append(
                    Point(d.name, (kind, _rate_slot(d.text, s.start, s.end)), tagged, "tagged")
                )
                continue
            ago = _ago_cell(text)
            if ago and gold and gold[0].type in ("DATE", "DURATION"):
                fam["ago"].append(Point(d.name, ago, gold[0].type, s.type))
                continue
            family = _phrase(text.strip())
            if family and gold and gold[0].type in ("DATE", "TIME"):
                g = gold[0]
                label = _shape(g.value) if g.type == "DATE" else "TIME " + _shape(g.value)
                engine = _shape(s.value) if s.type == "DATE" else "TIME " + _shape(s.value)
                tense = _tense(d.text, s.start, s.end) or "none"
                fam["grain"].append(Point(d.name, (family, tense), label, engine))
    return fam


def learn(pts: list[Point], min_n: int) -> dict[tuple[str, str], str]:
    """The decision each cell's majority makes, where it differs from the engine's, with at least ``min_n``
    cases from two documents or more; other cells keep the engine's decision."""
    by_cell: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for p in pts:
        by_cell[p.cell].append(p)
    policy: dict[tuple[str, str], str] = {}
    for cell, ps in by_cell.items():
        (best, n), *rest = Counter(p.label for p in ps).most_common()
        engine = Counter(p.engine for p in ps).most_common(1)[0][0]
        tie = rest and rest[0][1] == n
        docs = {p.doc for p in ps if p.label == best}
        if best != engine and not tie and n >= min_n and len(docs) >= 2:
            policy[cell] = best
    return policy


def score(pts: list[Point], policy: dict[tuple[str, str], str]) -> tuple[int, int]:
    """(decisions right with the policy, decisions right as the engine makes them)."""
    learned = sum(policy.get(p.cell, p.engine) == p.label for p in pts)
    return learned, sum(p.engine == p.label for p in pts)


def folds(names: list[str], k: int) -> list[set[str]]:
    order = sorted(names)
    random.Random(bench.SPLIT_SEED).shuffle(order)
    return [set(order[i::k]) for i in range(k)]


def table(title: str, sets: dict[str, list[Point]]) -> None:
    """Per cell, the labels' counts on each corpus."""
    print(f"== {title}")
    cells = sorted({p.cell for pts in sets.values() for p in pts})
    for cell in cells:
        parts = []
        for name, pts in sets.items():
            c = Counter(p.label for p in pts if p.cell == cell)
            docs = len({p.doc for p in pts if p.cell == cell})
            parts.append(
                f"{name}: "
                + (", ".join(f"{lab} {n}" for lab, n in c.most_common()) or "-")
                + f" ({docs} docs)"
            )
        print(f"  {cell[0]:22} {cell[1]:36} " + " | ".join(parts))
    print()


def cross_validate(
    title: str, dev: list[Point], other: list[Point], names: list[str], k: int, min_n: int
) -> dict[tuple[str, str], str]:
    """Learn on K-1 folds, score the K-th, for each fold; then learn on all of dev and score ``other``."""
    print(f"== {title}: document-level cross-validation on TBAQ dev ({k} folds), then MEANTIME dev")
    cell_gain: dict[tuple[str, str], list[int]] = defaultdict(list)
    total = [0, 0, 0]
    for i, held in enumerate(folds(names, k)):
        fit = [p for p in dev if p.doc not in held]
        test = [p for p in dev if p.doc in held]
        policy = learn(fit, min_n)
        right, engine = score(test, policy)
        total[0] += right
        total[1] += engine
        total[2] += len(test)
        print(
            f"  fold {i + 1}: learned {len(policy)} cells; right {right} with them, {engine} as now, of {len(test)}"
        )
        for cell, choice in policy.items():
            in_test = [p for p in test if p.cell == cell]
            gain = sum(choice == p.label for p in in_test) - sum(p.engine == p.label for p in in_test)
            cell_gain[cell].append(gain)
    print(f"  all folds: right {total[0]} with the learned cells, {total[1]} as now, of {total[2]}")
    policy = learn(dev, min_n)
    right, engine = score(other, policy)
    print(
        f"  learned on all of TBAQ dev: {len(policy)} cells; MEANTIME dev right {right} with them, {engine} as now"
    )
    for cell, choice in sorted(policy.items()):
        in_other = [p for p in other if p.cell == cell]
        gain = sum(choice == p.label for p in in_other) - sum(p.engine == p.label for p in in_other)
        print(
            f"    {cell[0]:22} {cell[1]:36} -> {choice:10} fold gains {cell_gain.get(cell, [])} "
            f"MEANTIME gain {gain:+d} ({len(in_other)} cases)"
        )
    print()
    return policy


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev-corpus", metavar="DIR", help="a further corpus; only its development half is read")
    ap.add_argument("--folds", type=int, default=5, metavar="K", help="folds by document of TBAQ's dev part")
    ap.add_argument("--min-n", type=int, default=3, help="fewest cases of a cell's majority to change it")
    args = ap.parse_args(argv)
    dev, _held = bench.split(bench.load(bench.data_dir()))  # the held-out part is never tagged here
    other: list[bench.Doc] = []
    if args.dev_corpus:
        other, _check = bench.split(
            bench.load_corpus(Path(args.dev_corpus)), bench.CORPUS_SEED, bench.CORPUS_CHECK_SHARE
        )
    dev_fam = points(bench.run(dev, "factcheck"))
    other_fam = points(bench.run(other, "factcheck"))
    dev_refs, other_refs = dev_fam["ref"], other_fam["ref"]
    names = [d.name for d in dev]
    untagged = [p for p in dev_refs if p.label == "untagged"]
    gold_ref_docs = {d.name for d in dev for g in d.gold if g.value.endswith("_REF")}
    lone = sum(p.doc not in gold_ref_docs for p in untagged)
    print(
        f"TBAQ dev: {len(dev_refs)} REF expressions tagged, {len(untagged)} of them not annotated "
        f"({len({p.doc for p in untagged})} documents); {lone} of those in documents whose annotators tagged no "
        "REF at all\n"
    )
    slot_only = [Point(p.doc, ("any REF", p.cell[1]), p.label, p.engine) for p in dev_refs]
    slot_other = [Point(p.doc, ("any REF", p.cell[1]), p.label, p.engine) for p in other_refs]
    families = [
        ("REF words, by word and slot: annotated or not", dev_refs, other_refs),
        ("REF words, by slot alone: annotated or not", slot_only, slot_other),
        (
            "REF words, by word and the tense of the clause: annotated or not",
            dev_fam["ref tense"],
            other_fam["ref tense"],
        ),
        (
            "granularity of a relative week, year or part of day, by phrase and tense: the gold value's shape",
            dev_fam["grain"],
            other_fam["grain"],
        ),
        ('"N units ago", by approximation and unit: the gold type', dev_fam["ago"], other_fam["ago"]),
        ("rates and frequencies, by word and slot: annotated or not", dev_fam["rate"], other_fam["rate"]),
    ]
    for title, dev_pts, other_pts in families:
        table(title, {"TBAQ dev": dev_pts, "MEANTIME dev": other_pts})
    for title, dev_pts, other_pts in families:
        cross_validate(title, dev_pts, other_pts, names, args.folds, args.min_n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
