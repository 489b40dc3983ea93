"""An audit of the temporal rules by document support: which rules earn their place on more than the documents
they were written from. Issue 21 asks that every rule be a general pattern of English news with at least two
examples from different documents; this counts them.

    python bench/temporal_support.py [--dev-corpus DIR] [--min-docs N] [--folds K] [--show NAME ...] [--all]

Each rule is switched off in turn: every ``[[rule]]`` record of ``factcheck/lang/en/time.toml`` and every code
rule of ``factcheck/temporal/`` that stands as a function or pattern of its own (the post-passes over the
expressions found, the vetoes and the exceptions of the tense reading: ``CODE_RULES`` below). The development
documents are tagged with the rule and without it (TBAQ's development part and, with ``--dev-corpus``, e.g.
MEANTIME English, its development half; never a held-out or check document), and per document it counts:

- gains: gold expressions whose value the rule makes right (missing or wrong without it), and spurious
  expressions (overlapping no gold one) that the rule takes away;
- costs: gold expressions right without the rule that it makes wrong or loses, and spurious expressions it adds.

A document's net is gains minus costs. The table gives, per rule: the documents where it gains (TBAQ / other
corpus), where it costs, the documents whose net is negative, the net over all documents, and on the unlabelled
English texts of ``bench/temporal_diff.py`` (ECB+, realworld-dev and the trafilatura pages outside the fresh
split) the readings only the rule gives and the number of texts they are in. Then:

- the weak rules: gains in fewer than ``--min-docs`` documents (default 2);
- the rules with no effect on any text: redundant (their examples read the same without them: another rule
  reads them) or a shape no text holds;
- value F1 of the development parts with every weak rule switched off at once;
- the support test by document-level cross-validation (``--folds K``, default 5, 0 to skip): each fold of
  TBAQ's development part scored with and without the rules that are weak on the documents outside it;
- the rules whose net is negative on some document.

``--show NAME`` prints what a rule changes, expression by expression, on the development documents (gold
beside) and on the unlabelled texts, to judge it. ``--all`` lists every rule, also those that change nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

import temporal as bench  # bench/temporal.py: corpus loading and scoring
import temporal_diff  # bench/temporal_diff.py: the unlabelled texts

from factcheck.temporal import datarules, discourse, engine, rules_dates, rules_relative, tense

_NEVER = re.compile(r"(?!)")


def _keep_ref(text: str, ref: Any) -> Any:
    return ref


def _keep_refs(text: str, refs: Any) -> Any:
    return refs


def _no(*_args: Any, **_kw: Any) -> None:
    return None


def _false(*_args: Any, **_kw: Any) -> bool:
    return False


# A code rule: (module, name, stand-in). Switched off, the name is bound to the stand-in, which does nothing: a
# post-pass returns what it was given, a veto or an exception never applies, a second expression is never found.
CODE_RULES: dict[str, tuple[ModuleType, str, object]] = {
    "code:prefix (mid-, the end of, about)": (engine, "_extend_prefix", _keep_ref),
    "code:range end year": (engine, "_range_end", lambda text, prev, r: r),
    "code:weekday range": (engine, "_weekday_range", lambda text, prev, r, anchor: (prev, r)),
    "code:week/day of a day (the week of March 6)": (engine, "_day_relation", lambda text, r, prev_end: r),
    "code:spoken year (January nineteen ninety)": (engine, "_spoken_year_of", _no),
    "code:clock time + day (5 p.m. Nov. 9)": (engine, "_clock_on_day", _no),
    "code:clock time + part of day (6am Sunday morning)": (engine, "_clock_in_day_part", _no),
    "code:first day (9 and 10 March)": (engine, "_first_day", _no),
    "code:second day (April 24 and 25)": (engine, "_second_day", _no),
    "code:second year (2019-20)": (engine, "_second_year", _no),
    "code:second decade (1930s and 40s)": (engine, "_second_decade", _no),
    "code:programme name": (discourse, "is_programme_name", _false),
    "code:title-case Future/Past": (discourse, "_TITLE_CASE_REF", _NEVER),
    "code:month in a SET": (discourse, "month_in_set", _keep_refs),
    "code:clock time, day further on (discourse)": (discourse, "clock_day_after", _keep_refs),
    "code:clock time in a SET": (discourse, "clock_in_set", _keep_refs),
    "code:clock time on many days": (discourse, "clock_in_many_days", _keep_refs),
    "code:compound durations": (discourse, "compound_durations", _keep_refs),
    "code:today in a quotation": (discourse, "quoted_day", lambda text, refs, i: refs[i]),
    "code:year veto: a title": (rules_dates, "_is_title", _false),
    "code:season: generic sentence": (rules_dates, "_generic_sentence", _false),
    "code:quarter veto: a game period": (rules_dates, "_game_period", _false),
    "code:weekday veto: a title": (rules_relative, "_in_weekday_title", _false),
    "code:one day: indefinite": (rules_relative, "_one_day_indefinite", _no),
    "code:tense: past governs to-clause": (tense, "_past_governs", _false),
    "code:tense: reduced plan in the past": (tense, "_reduced_plan", _false),
    "code:tense: scheduled present": (tense, "_scheduled_present", _false),
}


def data_rule_names() -> list[str]:
    return [engine._ALL_RULES[d.prio][2] for d in engine._DISPATCH]


@contextlib.contextmanager
def switched_off(*names: str) -> Iterator[None]:
    """Tag with the rules ``names`` switched off (none: every rule on); the tagger's result cache is emptied on
    the way in and out."""
    data_rules = data_rule_names()
    prios = {data_rules.index(n) for n in names if n not in CODE_RULES}
    engine._tag_cached.cache_clear()
    try:
        with contextlib.ExitStack() as stack:
            for n in names:
                if n in CODE_RULES:
                    stack.enter_context(mock.patch.object(*CODE_RULES[n]))
            if prios:
                kept = {
                    k: tuple(d for d in ds if d.prio not in prios) for k, ds in engine._RULES_OF_KIND.items()
                }
                stack.enter_context(mock.patch.object(engine, "_RULES_OF_KIND", kept))
            yield
    finally:
        engine._tag_cached.cache_clear()


Key = tuple[int, int, str, str]


@dataclass
class Outcome:
    """One document's tagging against its gold: the gold expressions whose value is right, and the spurious
    system expressions (overlapping no gold one)."""

    right: frozenset[int]
    spurious: frozenset[Key]


def outcome(found: list[bench.Timex], gold: list[bench.Timex]) -> Outcome:
    hits = bench.match(found, gold)
    return Outcome(
        frozenset(h for h in hits if h is not None and h >= 0),
        frozenset((s.start, s.end, s.type, s.value) for s, h in zip(found, hits, strict=True) if h is None),
    )


@dataclass
class Support:
    """What one rule does on the development documents and the unlabelled texts."""

    gains: dict[str, int] = field(
        default_factory=dict
    )  # document: expressions made right, spurious ones removed
    costs: dict[str, int] = field(default_factory=dict)  # document: right ones lost, spurious ones added
    readings: int = 0  # unlabelled texts: expressions only the rule gives
    texts: int = 0

    def net(self, doc: str) -> int:
        return self.gains.get(doc, 0) - self.costs.get(doc, 0)

    def docs(self) -> set[str]:
        return set(self.gains) | set(self.costs)


def compare(on: Outcome, off: Outcome) -> tuple[int, int]:
    """(gains, costs) of the rule in one document: with it ``on``, without it ``off``."""
    gains = len(on.right - off.right) + len(off.spurious - on.spurious)
    costs = len(off.right - on.right) + len(on.spurious - off.spurious)
    return gains, costs


def examples_hold(name: str) -> bool:
    """Whether the examples and counterexamples of the data rule ``name`` still come out right with the rule
    switched off: another rule reads them the same."""
    rule = next(r for r in engine._DATA_RULES if r.name == name)
    with switched_off(name):
        for ex in rule.examples:
            got = {r.text: r for r in engine.tag(ex["text"], datarules.example_anchor(ex))}
            ref = got.get(ex["span"])
            if ref is None or ref.value != ex["value"] or ref.type != ex.get("type", ref.type):
                return False
        for ex in rule.counterexamples:
            if any(r.text == ex["span"] for r in engine.tag(ex["text"], datarules.example_anchor(ex))):
                return False
    return True


def tag_docs(docs: list[bench.Doc]) -> dict[str, Outcome]:
    return {d.name: outcome(found, d.gold) for d, found in bench.run(docs, "factcheck")}


def tag_texts(texts: list[dict[str, str | None]]) -> list[set[Key]]:
    return temporal_diff.readings(texts)


def show(name: str, docs: list[bench.Doc], texts: list[dict[str, str | None]], base: list[set[Key]]) -> None:
    """What the rule ``name`` changes: development expressions (gold beside) and unlabelled readings."""
    print(f"\n== {name}")
    with switched_off(name):
        off = {d.name: found for d, found in bench.run(docs, "factcheck")}
        off_texts = tag_texts(texts)
    for d, found in bench.run(docs, "factcheck"):
        a = {(t.start, t.end, t.type, t.value) for t in found}
        b = {(t.start, t.end, t.type, t.value) for t in off[d.name]}
        for sign, only in (("+", a - b), ("-", b - a)):
            for st, en, typ, val in sorted(only):
                gold = [g for g in d.gold if g.start < en and st < g.end]
                gs = "; ".join(f"{d.text[g.start : g.end]!r} {g.type} {g.value}" for g in gold) or "no gold"
                print(f"  {sign} {d.name} {d.text[st:en]!r} {typ} {val}  | gold: {gs}")
    for t, on_set, off_set in zip(texts, base, off_texts, strict=True):
        text = str(t["text"])
        for sign, only in (("+", on_set - off_set), ("-", off_set - on_set)):
            for st, en, typ, val in sorted(only):
                around = text[max(0, st - 60) : en + 30].replace("\n", " ")
                print(f"  {sign} {t['id']} {text[st:en]!r} {typ} {val} | {around}")


def cross_validate(
    table: dict[str, Support], dev: list[bench.Doc], other: list[bench.Doc], k: int, min_docs: int
) -> None:
    """The support test by document-level cross-validation: for each of ``k`` folds of TBAQ's development part,
    the rules with gains in fewer than ``min_docs`` documents outside the fold (the other folds and the other
    corpus's development half) are switched off, and the fold is scored with and without them. What they gain
    on the fold is what weak rules do on documents they were not written from."""
    names = sorted(d.name for d in dev)
    random.Random(bench.SPLIT_SEED + 1).shuffle(names)
    fold_of = {n: i % k for i, n in enumerate(names)}
    print(
        f"\nCross-validation, {k} folds of the TBAQ development part: value F1 all / DATE of each fold with every"
    )
    print(f"rule, and without the rules that gain in fewer than {min_docs} documents outside it")
    for f in range(k):
        seen = {n for n, g in fold_of.items() if g != f} | {d.name for d in other}
        weak = [n for n, s in table.items() if len(seen.intersection(s.gains)) < min_docs]
        held = [d for d in dev if fold_of[d.name] == f]
        with_all = bench.value_f1s(bench.run(held, "factcheck"))
        with switched_off(*weak):
            without = bench.value_f1s(bench.run(held, "factcheck"))
        useful = [n for n in weak if set(table[n].gains) - seen]
        print(
            f"  fold {f} ({len(held)} documents): {with_all[0]:.3f} / {with_all[1]:.3f} -> "
            f"{without[0]:.3f} / {without[1]:.3f}; {len(weak)} rules weak outside it, "
            f"{len(useful)} of them gain in it ({', '.join(useful) or 'none'})"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--dev-corpus", metavar="DIR", help="a further corpus; only its development half is read")
    ap.add_argument("--min-docs", type=int, default=2, help="fewer documents gaining than this: weak")
    ap.add_argument("--show", action="append", default=[], metavar="NAME", help="print what a rule changes")
    ap.add_argument(
        "--folds", type=int, default=5, metavar="K", help="cross-validate the support test (0: no)"
    )
    ap.add_argument("--all", action="store_true", help="list also the rules that change nothing")
    ap.add_argument("--extra", type=Path, default=Path("/work/trafi_extra"), help="the trafilatura pages")
    args = ap.parse_args(argv)

    found = bench.development_documents(args.dev_corpus)
    if found is None:
        return 0
    dev, other = found
    root = bench.data_dir()
    docs = dev + other
    tbaq = {d.name for d in dev}
    texts = temporal_diff.texts(root.parent, args.extra)
    names = data_rule_names() + list(CODE_RULES)
    unknown = [n for n in args.show if n not in names]
    if unknown:
        ap.error(f"no rule named {', '.join(unknown)}")
    with switched_off():
        base = tag_docs(docs)
        base_texts = tag_texts(texts)
    if args.show:
        for name in args.show:
            show(name, docs, texts, base_texts)
        return 0

    table: dict[str, Support] = {}
    for name in names:
        with switched_off(name):
            off = tag_docs(docs)
            off_texts = tag_texts(texts)
        sup = Support()
        for doc, on in base.items():
            g, c = compare(on, off[doc])
            if g:
                sup.gains[doc] = g
            if c:
                sup.costs[doc] = c
        for a, b in zip(base_texts, off_texts, strict=True):
            if a != b:
                sup.texts += 1
                sup.readings += len(a - b)
        table[name] = sup

    print(
        f"Development documents: TBAQ {len(dev)}"
        + (f", {args.dev_corpus} development half {len(other)}" if other else "")
        + f"; unlabelled English texts {len(texts)}"
    )
    print(
        f"{'rule':<50} {'+docs TBAQ/other':>16} {'-docs':>5} {'net<0':>5} {'net':>5}  "
        f"{'unlabelled readings/texts':>25}"
    )
    for name, sup in table.items():
        if not (args.all or sup.docs() or sup.texts):
            continue
        plus_t = sum(1 for d in sup.gains if d in tbaq)
        plus_o = len(sup.gains) - plus_t
        negative = sum(1 for d in sup.docs() if sup.net(d) < 0)
        net = sum(sup.net(d) for d in sup.docs())
        print(
            f"{name:<50} {plus_t:>10d} / {plus_o:<3d} {len(sup.costs):5d} {negative:5d} {net:+5d}  "
            f"{sup.readings:>17d} / {sup.texts:<5d}"
        )
    weak = [n for n, s in table.items() if len(s.gains) < args.min_docs]
    print(f"\nWeak: gains in fewer than {args.min_docs} development documents ({len(weak)} of {len(table)}):")
    for n in weak:
        s = table[n]
        where = ", ".join(f"{d} +{g}" for d, g in sorted(s.gains.items())) or "none"
        print(
            f"  {n}: gains {where}; costs in {len(s.costs)}; unlabelled {s.readings} readings in {s.texts} texts"
        )
    idle = [n for n, s in table.items() if not (s.docs() or s.texts)]
    print(f"\nNo effect on any development or unlabelled text ({len(idle)}):")
    for n in idle:
        if n in CODE_RULES:
            print(f"  {n}: a code rule, its shape in no text")
        elif examples_hold(n):
            print(f"  {n}: redundant, its examples read the same without it")
        else:
            print(f"  {n}: its examples need it, its shape in no text")
    tbaq_docs = [d for d in docs if d.name in tbaq]
    print(f"\nValue F1 all / DATE with every rule, and with the {len(weak)} weak rules all switched off:")
    for label, part in (("TBAQ development part", tbaq_docs), (f"{args.dev_corpus} development half", other)):
        if not part:
            continue
        with_all = bench.value_f1s(bench.run(part, "factcheck"))
        with switched_off(*weak):
            without = bench.value_f1s(bench.run(part, "factcheck"))
        print(f"  {label}: {with_all[0]:.3f} / {with_all[1]:.3f} -> {without[0]:.3f} / {without[1]:.3f}")
    if args.folds:
        cross_validate(table, dev, other, args.folds, args.min_docs)
    print("\nNet negative on some development document:")
    for n, s in table.items():
        neg = sorted(d for d in s.docs() if s.net(d) < 0)
        if neg:
            pos = sum(1 for d in s.docs() if s.net(d) > 0)
            print(f"  {n}: negative in {len(neg)} ({', '.join(neg)}), positive in {pos}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
