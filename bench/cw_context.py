"""Does the article, the paragraph or the speaker's run tell the false claims shown apart? Development splits only.

Check-worthiness scores each sentence from its own terms (``extract._CwTerms``); rounds of sentence rules moved
the held-out precision little (issue #16). This bench measures evidence above the sentence on the shown claims
(score >= ``model.DEFAULT_MIN_SCORE``) of the development pages (``cw_fit.DEV``; no held-out page is read), each
labelled check-worthy (1), not (0) or either (left out), as ``bench/extract_quality.py`` counts them:

- the article: its kind (``bench/article_kinds.toml``: the development pages that are not news reports, judged by
  hand: feature, profile, opinion, analysis, guide, letters, interview), how many of its sentences in the writer's
  own voice hold a cue against (``writer_views``), how few carry a time or a figure (``time_sparse``,
  ``anchor_sparse``) or report an event (``event_sparse``), how many quote someone in the first person
  (``own_quotes``), a headline that asks, names a topic before a colon or opens with a question word
  (``headline_not_report``);
- the paragraph (a line of the page's text): its place (``first_paragraph``, ``paragraph_3on``), its length
  (``long_paragraph``: three sentences or more), no other sentence of it carries a figure or a time
  (``bare_siblings``), the sentence does not open it (``inside_paragraph``);
- the speaker's run: the claim's speaker is the speaker of two earlier sentences or more (``speaker_run``), or of the
  sentence just before (``same_speaker_before``);
- the sentence's own shape, to combine with them: the writer's voice, a quotation with its speaker, no figure, year,
  number word or time (``unanchored``), no figure in digits and no time (``no_figure_time``), nothing named, no
  reported event (``no_event``).

It prints, for every signal, the shown claims it holds (true / false) on two halves of the development splits,
A (dev .. dev8, ecb: tuned on for 30 rounds) and B (dev9 .. dev17); then, for penalties of 0.1, 0.15 and 0.2 on
the signal, the shown claims it would hide (removed false / lost true) per half. A signal is worth a rule only when
it removes twice the true claims it loses on each half (the keep rule of ``bench/claims_diff.py``, split in two so
that a rule written from one half is checked on the other). ``--search K`` tries every conjunction of up to K
signals with each penalty and lists those that pass on both halves, with the number tried (by chance alone a few
small ones pass: a conjunction that removes a handful of claims is no evidence). ``--oracle`` adds the hand kinds
as if a classifier knew them: the upper bound of an article-kind rule.

    python bench/cw_context.py [--search 3] [--oracle]
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cw_fit import DEV, REALWORLD  # noqa: E402  (the development splits: extract_quality's, held-out ones out)

from factcheck import extract, ingest  # noqa: E402
from factcheck.model import DEFAULT_MIN_SCORE  # noqa: E402

KINDS = ROOT / "bench" / "article_kinds.toml"
HALF_A = frozenset({"dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "ecb"})
PENALTIES = (0.1, 0.15, 0.2)
# a sentence term that speaks against a claim, in the writer's own voice: the article's register
CUES_AGAINST = frozenset(
    {
        "opinion",
        "evaluative",
        "frame",
        "personal",
        "advice",
        "uncertain",
        "question",
        "own_question",
        "hypothetical",
    }
)
QUOTED = frozenset(
    {
        "quote_speaker",
        "quoted_view",
        "quoted_self",
        "quoted_nothing",
        "quoted_reaction",
        "quoted_run",
        "judgement",
    }
)
ANCHORS = frozenset({"figure", "time", "year", "number_word"})
# a quotation in the first person (a speaker about themself, their view, their story)
FIRST_PERSON = frozenset({"personal", "quoted_self", "quoted_view"})
QUESTION_WORDS = frozenset({"how", "what", "why", "when", "where", "who", "which"})


@dataclass
class Sentence:
    """One body sentence that ``extract`` scores, with its context."""

    split: str
    page: str
    text: str
    start: int
    score: float
    label: int | None  # 1 check-worthy, 0 not, None either
    terms: dict[str, int]
    speaker: str | None
    ctx: dict[str, Any] = field(default_factory=dict)

    @property
    def shown(self) -> bool:
        return self.score >= DEFAULT_MIN_SCORE

    @property
    def writer(self) -> bool:
        """In the writer's own voice: nobody said it, nothing quoted."""
        return "attributed" not in self.terms and QUOTED.isdisjoint(self.terms)

    @property
    def anchored(self) -> bool:
        return not ANCHORS.isdisjoint(self.terms)


def _scored(art: Any) -> list[tuple[Any, dict[str, int]]]:
    """(claim, terms) of every body sentence of ``art`` (headlines left out), terms as ``cw_fit`` records them."""
    recorded: dict[str, list[Any]] = defaultdict(list)
    real = extract._cw_terms

    def record(text: str, *args: Any, **kw: Any) -> Any:
        terms = real(text, *args, **kw)
        recorded[text].append(terms)
        return terms

    extract._cw_terms = record
    try:
        claims = extract.extract(art, min_score=0.0)
    finally:
        extract._cw_terms = real
    titles = [s for s in art.segments if s.kind == "title"]
    out = []
    for c in claims:
        calls = recorded.get(c.text)
        terms = calls.pop(0) if calls else None
        if any(t.start <= c.start and c.end <= t.end for t in titles):
            continue
        out.append((c, terms.stance_terms(c.stance) if terms is not None else {}))
    return out


def sentences(splits: tuple[str, ...] = DEV, fixtures: Path = REALWORLD) -> list[Sentence]:
    """Every scored body sentence of the labelled pages of ``splits`` (no other split's page is read), in text
    order page by page, with its context (``add_context``)."""
    labels = tomllib.loads((fixtures / "labels.toml").read_text(encoding="utf-8"))
    out: list[Sentence] = []
    for entry in labels["article"]:
        split, page = entry["split"], entry["file"]
        if split not in splits:
            continue
        batch = ingest.load([str(fixtures / "articles" / page)])
        if batch.errors or not batch.articles:
            sys.exit(f"cw_context: cannot read {page}: {batch.errors}")
        art = batch.articles[0]
        gold = [g["m"] for g in entry.get("claim", [])]
        either = entry.get("either", [])
        page_rows = []
        for c, terms in _scored(art):
            y = 1 if any(m in c.text for m in gold) else (None if any(e in c.text for e in either) else 0)
            page_rows.append(Sentence(split, page, c.text, c.start, c.score, y, terms, c.speaker))
        add_context(page_rows, art.text, art.title)
        out.extend(page_rows)
    return out


def add_context(rows: list[Sentence], text: str, title: str | None = None) -> None:
    """Fill each sentence's ``ctx`` from the other sentences of its page (``rows``, one page), its text and its
    headline."""
    rows.sort(key=lambda r: r.start)
    if not rows:
        return
    n = len(rows)
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    paragraph = [bisect.bisect_right(line_starts, r.start) - 1 for r in rows]
    order = sorted(set(paragraph))
    by_paragraph: dict[int, list[Sentence]] = defaultdict(list)
    for r, p in zip(rows, paragraph, strict=True):
        by_paragraph[p].append(r)
    writer_views = sum(1 for r in rows if r.writer and not CUES_AGAINST.isdisjoint(r.terms))
    timed = sum(1 for r in rows if "time" in r.terms) / n
    anchored = sum(1 for r in rows if r.anchored) / n
    events = sum(1 for r in rows if "event" in r.terms) / n
    own_quotes = sum(1 for r in rows if not r.writer and not FIRST_PERSON.isdisjoint(r.terms))
    head = (title or "").strip()
    # a headline that asks, announces a topic after a colon or opens with a question word: not a report's
    headline_not_report = (
        head.endswith("?") or ": " in head or head.split(" ", 1)[0].lower() in QUESTION_WORDS
    )
    seen: Counter[str] = Counter()
    for i, (r, p) in enumerate(zip(rows, paragraph, strict=True)):
        siblings = by_paragraph[p]
        r.ctx = {
            "writer_views": writer_views,
            "time_share": timed,
            "anchor_share": anchored,
            "event_share": events,
            "own_quotes": own_quotes,
            "headline_not_report": headline_not_report,
            "paragraph": order.index(p),
            "paragraph_size": len(siblings),
            "opens_paragraph": siblings[0] is r,
            "anchored_sibling": any(s.anchored for s in siblings if s is not r),
            "speaker_before": seen[r.speaker] if r.speaker else 0,
            "same_speaker_before": bool(i and r.speaker and rows[i - 1].speaker == r.speaker),
        }
        if r.speaker:
            seen[r.speaker] += 1


Signal = Callable[[Sentence], bool]


def signals(kinds: dict[str, str] | None = None) -> dict[str, Signal]:
    """The context signals and the sentence shapes they combine with; ``kinds`` (page -> kind) adds the hand
    kinds as signals (``--oracle``)."""
    s: dict[str, Signal] = {
        # the article
        "writer_views": lambda r: r.ctx["writer_views"] >= 3,
        "time_sparse": lambda r: r.ctx["time_share"] < 0.25,
        "anchor_sparse": lambda r: r.ctx["anchor_share"] < 0.3,
        "event_sparse": lambda r: r.ctx["event_share"] < 0.4,
        "own_quotes": lambda r: r.ctx["own_quotes"] >= 2,
        "headline_not_report": lambda r: r.ctx["headline_not_report"],
        # the paragraph
        "first_paragraph": lambda r: r.ctx["paragraph"] == 0,
        "paragraph_3on": lambda r: r.ctx["paragraph"] >= 3,
        "long_paragraph": lambda r: r.ctx["paragraph_size"] >= 3,
        "bare_siblings": lambda r: not r.ctx["anchored_sibling"],
        "inside_paragraph": lambda r: not r.ctx["opens_paragraph"],
        # the speaker's run
        "speaker_run": lambda r: r.ctx["speaker_before"] >= 2,
        "same_speaker_before": lambda r: r.ctx["same_speaker_before"],
        # the sentence
        "writer_voice": lambda r: r.writer,
        "quote_speaker": lambda r: "quote_speaker" in r.terms,
        "unanchored": lambda r: not r.anchored,
        "no_figure_time": lambda r: "figure" not in r.terms and "time" not in r.terms,
        "nothing_named": lambda r: "entity" not in r.terms,
        "no_event": lambda r: "event" not in r.terms,  # no reported event: a statement
    }
    if kinds is not None:
        s["kind_not_news"] = lambda r: r.page in kinds
        s["kind_feature_profile"] = lambda r: kinds.get(r.page) in ("feature", "profile")
        s["kind_opinion_analysis"] = lambda r: kinds.get(r.page) in ("opinion", "analysis")
    return s


def counts(rows: list[Sentence], test: Signal, penalty: float | None = None) -> dict[str, tuple[int, int]]:
    """(false, true) per half ("A", "B") of the shown, labelled sentences the signal holds; with ``penalty``, of
    those it would hide (score minus the penalty under the shown threshold)."""
    out = {"A": [0, 0], "B": [0, 0]}
    for r in rows:
        if not r.shown or r.label is None or not test(r):
            continue
        if penalty is not None and r.score - penalty >= DEFAULT_MIN_SCORE - 1e-9:
            continue
        half = out["A" if r.split in HALF_A else "B"]
        half[0 if r.label == 0 else 1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def passes(c: dict[str, tuple[int, int]], least: int = 1) -> bool:
    """Removed false >= twice the lost true on each half, and at least ``least`` false removed on each."""
    return all(f >= 2 * t and f >= least for f, t in c.values())


def _cell(ft: tuple[int, int]) -> str:
    f, t = ft
    share = f / (f + t) if f + t else 0.0
    return f"{f:3} / {t:3} ({share:.2f})"


def report(rows: list[Sentence], sig: dict[str, Signal]) -> None:
    shown = [r for r in rows if r.shown and r.label is not None]
    tot = counts(rows, lambda r: True)
    print(
        f"shown claims (false / true), half A: {_cell(tot['A'])}, half B: {_cell(tot['B'])}; {len(shown)} in all\n"
    )
    print(
        f"{'signal':22} {'held A':>17} {'held B':>17}   "
        + "   ".join(f"hidden at -{p:<4}" for p in PENALTIES)
    )
    for name, test in sig.items():
        held = counts(rows, test)
        hidden = []
        for p in PENALTIES:
            c = counts(rows, test, p)
            mark = "*" if passes(c) else " "
            hidden.append(f"A {c['A'][0]:2}/{c['A'][1]:<2} B {c['B'][0]:2}/{c['B'][1]:<2}{mark}")
        print(f"{name:22} {_cell(held['A'])} {_cell(held['B'])}   " + "  ".join(hidden))
    print("\n(false / true; * : removes >= 2x the true claims it loses on both halves)")


def search(rows: list[Sentence], sig: dict[str, Signal], k: int, least: int = 3) -> None:
    """Every conjunction of up to ``k`` signals, with each penalty, that passes on both halves (``least`` false
    removed on each), best first."""
    shown = [r for r in rows if r.shown and r.label is not None]
    truth = {name: [test(r) for r in shown] for name, test in sig.items()}
    tried = 0
    found = []
    for size in range(1, k + 1):
        for combo in itertools.combinations(sig, size):
            held = [r for i, r in enumerate(shown) if all(truth[c][i] for c in combo)]
            for p in PENALTIES:
                tried += 1
                c = counts(held, lambda r: True, p)
                if passes(c, least):
                    net = sum(f - 2 * t for f, t in c.values())
                    found.append((net, p, combo, c))
    found.sort(key=lambda x: (-x[0], x[1]))
    print(
        f"\nconjunctions of up to {k} signals x {len(PENALTIES)} penalties tried: {tried}; passing on both halves:"
    )
    for net, p, combo, c in found[:25]:
        print(
            f"  -{p:<4} {' & '.join(combo):60} A {c['A'][0]}/{c['A'][1]}  B {c['B'][0]}/{c['B'][1]}  net {net}"
        )
    if not found:
        print("  none")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--search", type=int, default=0, metavar="K", help="try conjunctions of up to K signals")
    ap.add_argument("--oracle", action="store_true", help="add the hand kinds of bench/article_kinds.toml")
    args = ap.parse_args()
    rows = sentences()
    kinds = tomllib.loads(KINDS.read_text(encoding="utf-8"))["kinds"] if args.oracle else None
    sig = signals(kinds)
    report(rows, sig)
    if args.search:
        search(rows, sig, args.search)
    return 0


if __name__ == "__main__":
    sys.exit(main())
