"""Benchmark the temporal tagger on TempEval-3 TBAQ-cleaned (TimeML news), against dateparser.

Usage: python bench/temporal.py [--part dev|heldout|all|corpus-dev] [--errors N] [--error-families K] [--date-causes]
[--sources] [--limit N] [--against REV] [--folds K] [--dev-corpus DIR] [--check DIR] [--beside TREE]

The documents are split by document, with a fixed seed, into a development part (70%) and a held-out
part (30%): rules are written looking at development errors only (``--errors`` refuses the held-out
part), and the held-out figure shows whether they generalise. Without ``--part`` the figures of both
parts and of the whole are printed, each beside the dateparser baseline of the same run.

Each document's TEXT element (tags stripped) is tagged with its DCT as anchor and compared with
the gold TIMEX3 of TEXT (the DCT timex lives in the header and is not counted). Reported:
span precision/recall/F1 (relaxed: overlapping spans) and value F1 (span overlaps a gold one and
the value equals the gold value; also as the TempEval-3 scorer computes it: the share of correct values among
the gold expressions found, times span F1), overall and for DATE alone, plus throughput (KB/s), for
factcheck.temporal.tag and for dateparser.search.search_dates as a baseline.

``--date-causes`` (development parts only) tallies the errors that involve a DATE by kind (missed, spurious, wrong
type, wrong value, extent) and likely cause: a headline or dateline, "X ago", a PRESENT/PAST/FUTURE_REF, a number
read as a year, a year or month alone, granularity, TIME against DATE, a duration against a point, tense direction,
and the anchor (the gold value is the DCT, repeats a date mentioned before, or lies nearer the last-mentioned date
than the DCT), with the most of each cause in one document (a cause that one document repeats moves a part's
figure by the choice of documents). ``--sources`` prints the development part's value F1 by source (APW, NYT, XIE,
WSJ...), the held-out part's make-up by source (its names and gold DATE counts, never its figures or texts), and the
development DATE figure weighted as the held-out part is made up: the part of a gap the mix of sources alone makes.
``bench/temporal_rules.py`` switches each rule off in turn on the development documents.

Every part's value F1 is also printed decomposed, as counts only (no document, text, expression or value, so the
held-out and check parts too): value F1 is 2 right / (gold + system), so each loss is an exact share of it: gold
expressions missed (no engine expression overlaps them), typed otherwise (the engine's overlapping expressions are
all of another type), value wrong; engine expressions spurious (no gold overlaps them), of a wrong type, of a wrong
value; for every type and each type alone, with the type confusion and the DATE wrong values by family (from the
two values and the creation day: granularity by the values' shapes, digits written 9, and whether the year agrees;
anchor; tense direction), and the DATEs missed or spurious by their value's shape. Then the held-out minus development difference of each share: where the gap lies.

``--folds K`` measures how much of a dev/held-out difference the split alone makes: the same engine's
value F1 on K folds by document (their spread), and the held-out minus development difference over many
random 70/30 document splits drawn like the official one (seeded; the official split is unchanged).

``--dev-corpus DIR`` adds a further labelled corpus as development evidence: TimeML (.tml) or NewsReader CAT
(.xml) files, such as the English MEANTIME corpus (120 Wikinews articles, TIMEX3 with values, CC BY 4.0; kept
outside this repository, e.g. from the public StructTempRel-EMNLP17 repository,
data/meantime_newsreader_english_oct15/intra-doc_annotation). It is split by document (seed
``CORPUS_SEED``) into a development half, whose errors ``--part corpus-dev --errors N`` lists, and a check
half scored in totals only. MEANTIME annotates each article's title and first sentences only: the text
scored ends there.

``--check DIR`` also scores every TimeML file under DIR (another English news corpus with TIMEX3 values,
e.g. the TempEval-3 platinum test set), as a check that is never tuned on: only its totals are printed,
never its errors. ``--beside TREE`` runs the same measures, in the same run, on the engine of another
checkout (e.g. the code at the start of a session) and prints its figures in a column beside this tree's.

Data: ``<repo>/../shared/data/tempeval3-tbaq``; override the data directory with FACTCHECK_DATA. The engine
measured is this checkout's, or the one of the checkout FACTCHECK_ENGINE_ROOT names (``--beside`` sets it),
also a checkout from before the engine became a package (one module, ``factcheck/temporal.py``): ``--beside``
a ``git archive`` of 7b3f091, the last commit before the split, measures the two parts with rules written
from every TBAQ document alike. ``--tagged DIR`` scores another tagger's TimeML output, one file a document
(``DIR/<document name>.tml``, e.g. HeidelTime's standalone output), in a column; with ``--folds``, also how much
of this engine's held-out minus development difference that tagger's predicts over the same random splits.

``--against REV`` also runs, interleaved document by document, the single-module tagger of git revision REV
(``factcheck/temporal.py``, e.g. 7b3f091, issue #21's speed reference) and prints its throughput beside this
engine's. The reference runs wholly on REV's code: its ``from factcheck.model import TimeRef`` reads REV's own
``factcheck/model.py`` (imported under a private name), never this tree's, so that a change to this tree's
``TimeRef`` moves only this tree's side of the ratio (until round 23 the reference used the tree's ``TimeRef``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import importlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# the engine under test: this checkout's, or another checkout's (``--beside`` runs this script on it)
sys.path.insert(0, os.environ.get("FACTCHECK_ENGINE_ROOT") or str(Path(__file__).resolve().parents[1]))

# the engine's module, whose result cache the timing clears; in a checkout from before the package, the one
# module factcheck/temporal.py
try:
    temporal_module = importlib.import_module("factcheck.temporal.engine")
except ModuleNotFoundError:
    temporal_module = importlib.import_module("factcheck.temporal")
from factcheck.temporal import tag


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str = ""


@dataclass
class Doc:
    name: str
    dct: dt.date
    text: str
    gold: list[Timex] = field(default_factory=list)


def data_dir() -> Path:
    env = os.environ.get("FACTCHECK_DATA")
    if env:
        return Path(env) / "tempeval3-tbaq"
    # the checkout's sibling ``shared/`` (or, for a git worktree, the one beside its parent folder)
    here = Path(__file__).resolve().parents[1]
    for base in (here.parent, here.parent.parent):
        if (base / "shared" / "data" / "tempeval3-tbaq").is_dir():
            return base / "shared" / "data" / "tempeval3-tbaq"
    return here.parent / "shared" / "data" / "tempeval3-tbaq"


def _walk(e: ET.Element, buf: list[str], gold: list[Timex]) -> None:
    """Collect the text under ``e`` into ``buf`` and its TIMEX3 spans into ``gold``."""
    s = sum(len(b) for b in buf)
    if e.text:
        buf.append(e.text)
    for c in e:
        _walk(c, buf, gold)
        if c.tail:
            buf.append(c.tail)
    if e.tag == "TIMEX3" and e.get("functionInDocument") != "CREATION_TIME":
        pos = sum(len(b) for b in buf)
        gold.append(Timex(s, pos, e.get("type") or "DATE", e.get("value") or ""))


def load(root: Path) -> list[Doc]:
    """The TBAQ documents under ``root`` (its TimeBank and AQUAINT folders)."""
    return load_files(sorted(p for p in root.glob("*/*.tml") if p.parent.name != "testpipeline"))


def load_files(files: list[Path]) -> list[Doc]:
    """TimeML documents with a DCT and a TEXT element, and NewsReader CAT documents (MEANTIME) with a
    creation time; the others are skipped."""
    docs: list[Doc] = []
    for f in files:
        tree = ET.parse(f).getroot()
        if tree.tag == "Document":
            cat = load_cat(tree, f.stem)
            if cat is not None:
                docs.append(cat)
            continue
        dct_el = tree.find("DCT/TIMEX3")
        text_el = tree.find("TEXT")
        if dct_el is None or text_el is None:
            continue
        dct = dt.date.fromisoformat((dct_el.get("value") or "")[:10])
        buf: list[str] = []
        gold: list[Timex] = []
        _walk(text_el, buf, gold)
        text = "".join(buf)
        for g in gold:
            g.text = text[g.start : g.end]
        docs.append(Doc(f.stem, dct, text, gold))
    return docs


CAT_ANNOTATED_SENTENCES = 5  # MEANTIME: the last sentence (0-based) annotated in every document
_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "%",
    "'s",
    "'",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "''",
}
_NO_SPACE_AFTER = {"(", "[", "$", "``"}


def join_tokens(tokens: list[ET.Element], title_sentence: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """CAT ``token`` elements joined back into running text: no space before closing punctuation and clitics,
    quotes as '"', the sentence ``title_sentence`` (a title) on a line of its own. Where a tokeniser split
    what was written as one word (ECB+ does: "8 : 30", "8 . 40am", "p . m ."), the parts are joined again:
    a colon or a point between digits ("8:30", "8.40am", "3.8") and letters each followed by a full stop
    ("p.m.", "U.S."). Returns the text and each token id's (start, end) in it."""
    buf: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    sentence = None
    glue = True
    before = ["", ""]  # the two tokens before this one
    for tok in tokens:
        word = tok.text or ""
        word = '"' if word in ("``", "''") else word
        split_word = (before[1] in (":", ".") and before[0].isdigit() and word[:1].isdigit()) or (
            before[1] == "."
            and len(before[0]) == 1
            and before[0].isalpha()
            and len(word) == 1
            and word.isalpha()
        )
        if sentence is not None and tok.get("sentence") != sentence and sentence == title_sentence:
            sep = "\n"  # the title ends
        elif not buf or glue or split_word or (tok.text or "") in _NO_SPACE_BEFORE:
            sep = ""
        else:
            sep = " "
        sentence = tok.get("sentence")
        glue = (tok.text or "") in _NO_SPACE_AFTER
        before = [before[1], word]
        buf.append(sep + word)
        pos += len(sep)
        offsets[tok.get("t_id") or ""] = (pos, pos + len(word))
        pos += len(word)
    return "".join(buf), offsets


def load_cat(root: ET.Element, name: str) -> Doc | None:
    """A NewsReader CAT document (the MEANTIME corpus: tokens, then TIMEX3 markables anchored on token
    ids) as a Doc: the tokens joined back into running text (no space before closing punctuation and
    clitics, quotes as '"'), the title on a line of its own, and its TIMEX3 as gold spans. The creation
    time (the dateline under the title) becomes the DCT and its tokens leave the text, as a TimeML
    file keeps its DCT in the header. MEANTIME annotates the title and the first sentences only (0-5: the
    title, the dateline, four sentences of the body): the text ends there, so that an expression the
    annotators never read counts neither way. None when the document has no creation time written as an
    ISO date."""
    dct_ids: set[str] = set()
    dct: dt.date | None = None
    timexes: list[tuple[list[str], str, str]] = []
    for t in root.iter("TIMEX3"):
        ids = [a.get("t_id") or "" for a in t.findall("token_anchor")]
        if t.get("functionInDocument") == "CREATION_TIME":
            value = t.get("value") or ""
            if re.fullmatch(r"\d{4}-\d\d-\d\d.*", value):  # one MEANTIME file writes "03-02-2009": skipped
                dct = dt.date.fromisoformat(value[:10])
            dct_ids.update(ids)
        elif ids:  # a timex with no tokens (an implicit begin or end point) has no text to find
            timexes.append((ids, t.get("type") or "DATE", t.get("value") or ""))
    if dct is None:
        return None
    tokens = []
    for tok in root.iter("token"):
        if int(tok.get("sentence") or 0) > CAT_ANNOTATED_SENTENCES:
            break
        if (tok.get("t_id") or "") not in dct_ids:
            tokens.append(tok)
    text, offsets = join_tokens(tokens, title_sentence="0")
    return Doc(name, dct, text, gold_timexes(text, offsets, timexes))


def gold_timexes(
    text: str, offsets: dict[str, tuple[int, int]], timexes: list[tuple[list[str], str, str]]
) -> list[Timex]:
    """The gold expressions (token ids, type, value) placed in the text the tokens were joined into, in
    order; an expression none of whose tokens is in the text is left out."""
    gold = []
    for ids, type_, value in timexes:
        spans = [offsets[i] for i in ids if i in offsets]
        if spans:
            start, end = min(s for s, _e in spans), max(e for _s, e in spans)
            gold.append(Timex(start, end, type_, value, text[start:end]))
    gold.sort(key=lambda g: g.start)
    return gold


def load_corpus(folder: Path) -> list[Doc]:
    """Every TimeML (.tml) and CAT (.xml) document under ``folder``."""
    return load_files(sorted([*folder.rglob("*.tml"), *folder.rglob("*.xml")]))


SPLIT_SEED = 20130322  # fixed: the split never changes between runs or machines
HELDOUT_SHARE = 0.3


# a further labelled corpus used as development evidence (``--dev-corpus``, e.g. MEANTIME) is split in halves
# by document with a seed of its own: rules may be written from its development half, never its check half
CORPUS_SEED = 20151231
CORPUS_CHECK_SHARE = 0.5


def split(
    docs: list[Doc], seed: int = SPLIT_SEED, share: float = HELDOUT_SHARE
) -> tuple[list[Doc], list[Doc]]:
    """(development, held-out) parts of ``docs``, by document, from a fixed seed over the sorted
    document names (independent of the order or subset the files are read in)."""
    names = sorted(d.name for d in docs)
    random.Random(seed).shuffle(names)
    held = set(names[: round(len(names) * share)])
    return [d for d in docs if d.name not in held], [d for d in docs if d.name in held]


# ---- baseline ---------------------------------------------------------------------------------


def baseline(text: str, dct: dt.date) -> list[Timex]:
    from dateparser.search import search_dates

    base = dt.datetime(dct.year, dct.month, dct.day)
    try:
        hits = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
    except Exception:
        hits = None
    out: list[Timex] = []
    pos = 0
    for sub, value in hits or []:
        i = text.find(sub, pos)
        if i < 0:
            i = text.find(sub)
            if i < 0:
                continue
        else:
            pos = i + len(sub)
        out.append(Timex(i, i + len(sub), "DATE", _cut(sub, value), sub))
    return out


_MONTH_WORDS = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"


def _cut(sub: str, value: dt.datetime) -> str:
    """Cut a dateparser result to the granularity its substring states."""
    s = sub.lower()
    has_year = bool(re.search(r"\b(1\d|20)\d\d\b", s)) or "year" in s
    has_month = bool(re.search(rf"\b({_MONTH_WORDS})", s)) or "month" in s
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", s))) or bool(
        re.search(
            r"day|today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|ago", s
        )
    )
    has_time = bool(re.search(r"\d:\d\d|\b[ap]\.?m\b", s))
    if has_time:
        return value.strftime("%Y-%m-%dT%H:%M")
    if has_day:
        return value.strftime("%Y-%m-%d")
    if has_month:
        return value.strftime("%Y-%m")
    if has_year:
        return value.strftime("%Y")
    return value.strftime("%Y-%m-%d")


# ---- scoring ----------------------------------------------------------------------------------


def match(sys_: list[Timex], gold: list[Timex]) -> list[int | None]:
    """For each system expression: the index of the gold expression whose value it gets right (each gold
    expression counted once), -1 when it overlaps gold expressions but gets none of their values, None when it
    overlaps none (a spurious expression)."""
    used: set[int] = set()
    out: list[int | None] = []
    for s in sys_:
        hits = [i for i, g in enumerate(gold) if s.start < g.end and g.start < s.end]
        if not hits:
            out.append(None)
            continue
        right = next((i for i in hits if i not in used and gold[i].value == s.value), -1)
        if right >= 0:
            used.add(right)
        out.append(right)
    return out


@dataclass
class Score:
    tp_span_sys: int = 0
    tp_span_gold: int = 0
    tp_value: int = 0
    n_sys: int = 0
    n_gold: int = 0

    def add(self, sys_: list[Timex], gold: list[Timex]) -> None:
        self.n_sys += len(sys_)
        self.n_gold += len(gold)
        for hit in match(sys_, gold):
            if hit is not None:
                self.tp_span_sys += 1
                if hit >= 0:
                    self.tp_value += 1
        for g in gold:
            if any(s.start < g.end and g.start < s.end for s in sys_):
                self.tp_span_gold += 1

    @staticmethod
    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> dict[str, float]:
        sp = self.tp_span_sys / self.n_sys if self.n_sys else 0.0
        sr = self.tp_span_gold / self.n_gold if self.n_gold else 0.0
        vp = self.tp_value / self.n_sys if self.n_sys else 0.0
        vr = self.tp_value / self.n_gold if self.n_gold else 0.0
        return {
            "span P": sp,
            "span R": sr,
            "span F1": self.f1(sp, sr),
            "value P": vp,
            "value R": vr,
            "value F1": self.f1(vp, vr),
            # the TempEval-3 scorer's "value F1" (the figure its published results give, HeidelTime 77.61
            # on the platinum test set): the share of correct values among the gold expressions found,
            # times the relaxed span F1
            "TE3 value F1": (self.tp_value / self.tp_span_gold if self.tp_span_gold else 0.0)
            * self.f1(sp, sr),
        }


_REFERENCE: dict[
    str, Any
] = {}  # the tagger of another revision (--against) or another tagger's files (--tagged)


def load_reference(rev: str, root: Path | None = None) -> Any:
    """``factcheck/temporal.py`` as it was at git revision ``rev`` of the repository ``root`` (this one by
    default; a single-module tagger, as before the package), imported under another name so that both run in
    this process, interleaved. It runs wholly on that revision's code: its time values are the ``TimeRef`` of
    the revision's own ``factcheck/model.py`` (imported as ``temporal_reference_model``), not this tree's, so
    that a change to this tree's ``TimeRef`` moves only this tree's side of the ratio."""
    import importlib.util
    import subprocess
    import tempfile

    root = root or Path(__file__).resolve().parents[1]
    folder = Path(tempfile.mkdtemp())

    def load(path: str, name: str) -> Any:
        src = subprocess.run(
            ["git", "-C", str(root), "show", f"{rev}:{path}"], capture_output=True, text=True, check=True
        ).stdout
        (folder / f"{name}.py").write_text(src, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
        assert spec is not None and spec.loader is not None
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod  # its dataclasses look their module up
        spec.loader.exec_module(mod)
        return mod

    model = load("factcheck/model.py", "temporal_reference_model")
    # the engine's ``from factcheck.model import TimeRef`` reads the revision's model while it is imported
    tree_model = sys.modules.get("factcheck.model")
    sys.modules["factcheck.model"] = model
    try:
        return load("factcheck/temporal.py", "temporal_reference")
    finally:
        if tree_model is None:
            del sys.modules["factcheck.model"]
        else:
            sys.modules["factcheck.model"] = tree_model


_TAGGED_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)


def read_tagged(markup: str, text: str) -> list[Timex]:
    """The TIMEX3 of another tagger's TimeML output for ``text`` (the text with its tags inline, as
    HeidelTime's standalone TimeML output writes it), at their offsets in ``text``. ValueError when the
    output's text, tags taken out, is not ``text``."""
    body = markup.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    pieces: list[str] = []
    found: list[Timex] = []
    pos = last = 0
    for m in _TAGGED_TIMEX.finditer(body):
        before = html.unescape(body[last : m.start()])
        inner = html.unescape(re.sub(r"<[^>]*>", "", m.group(2)))
        pos += len(before)
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        found.append(Timex(pos, pos + len(inner), attrs.get("type", "DATE"), attrs.get("value", ""), inner))
        pieces += [before, inner]
        pos += len(inner)
        last = m.end()
    plain = "".join([*pieces, html.unescape(body[last:])])
    lead = len(plain) - len(plain.lstrip())
    start = text.find(plain.strip())
    if start < 0 or plain.strip() != text.strip():
        raise ValueError("the tagged text is not the document's text")
    return [Timex(t.start - lead + start, t.end - lead + start, t.type, t.value, t.text) for t in found]


class TaggedFiles:
    """Another tagger's output, one TimeML file a document (``DIR/<document name>.tml``; ``--tagged DIR``),
    measured in a column beside this engine: a tagger tuned on none of the split's parts tells how much of a
    development / held-out difference the documents make by themselves."""

    def __init__(self, folder: Path, docs: list[Doc]) -> None:
        # by text and creation time: TBAQ holds the same text under two names and days (APW20000107.0088)
        self.found: dict[tuple[str, dt.date | None], list[Timex]] = {}
        for d in docs:
            path = folder / f"{d.name}.tml"
            if path.is_file():
                self.found[d.text, d.dct] = read_tagged(path.read_text(encoding="utf-8"), d.text)

    def tag(self, text: str, dct: dt.date | None) -> list[Timex]:
        return self.found.get((text, dct), [])

    def covers(self, docs: list[Doc]) -> bool:
        """Whether every one of ``docs`` has its file (a part it lacks any of is not scored)."""
        return all((d.text, d.dct) in self.found for d in docs)


def run_one(d: Doc, system: str) -> list[Timex]:
    if system == "factcheck":
        return [Timex(t.start, t.end, t.type, t.value, t.text) for t in tag(d.text, d.dct)]
    if system in _REFERENCE:
        refs = _REFERENCE[system].tag(d.text, d.dct)
        return [Timex(t.start, t.end, t.type, t.value, t.text) for t in refs]
    return baseline(d.text, d.dct)


def run(docs: list[Doc], system: str) -> list[tuple[Doc, list[Timex]]]:
    return [(d, run_one(d, system)) for d in docs]


def timed_runs(
    docs: list[Doc], systems: list[str], repeat: int
) -> tuple[dict[str, list[float]], dict[str, list[tuple[Doc, list[Timex]]]]]:
    """Run every system ``repeat`` times over all documents, interleaved document by document so that
    all see the same machine load, and keep each system's best time per document: on a machine shared
    with other work a whole pass is often slowed by someone else, a single document rarely in every
    pass."""
    caches = {name: getattr(_REFERENCE.get(name, temporal_module), "_tag_cached", None) for name in systems}
    best = {name: [float("inf")] * len(docs) for name in systems}
    outputs: dict[str, list[tuple[Doc, list[Timex]]]] = {name: [] for name in systems}
    for r in range(max(1, repeat)):
        order = systems[r % len(systems) :] + systems[: r % len(systems)]  # no system always goes first
        for i, d in enumerate(docs):
            for name in order:  # each document by every system in turn: the same machine load
                cached = caches[name]
                if cached is not None:
                    cached.cache_clear()  # time real tagging, not the result cache
                t0 = time.perf_counter()
                found = run_one(d, name)
                best[name][i] = min(best[name][i], time.perf_counter() - t0)
                if r == 0:
                    outputs[name].append((d, found))
    return best, outputs


def evaluate(outputs: list[tuple[Doc, list[Timex]]]) -> tuple[Score, Score]:
    """Overall and DATE-only scores of one system's outputs."""
    overall, date = Score(), Score()
    for d, found in outputs:
        overall.add(found, d.gold)
        # DATE alone: gold DATE timexes against system expressions that overlap no non-DATE gold
        gold_date = [g for g in d.gold if g.type == "DATE"]
        other = [g for g in d.gold if g.type != "DATE"]
        sys_date = [
            s
            for s in found
            if s.type == "DATE" and not any(s.start < g.end and g.start < s.end for g in other)
        ]
        date.add(sys_date, gold_date)
    return overall, date


def value_f1s(outputs: list[tuple[Doc, list[Timex]]]) -> tuple[float, float]:
    """Value F1 overall and for DATE alone of one system's outputs."""
    overall, date = evaluate(outputs)
    return overall.figures()["value F1"], date.figures()["value F1"]


def show_errors(outputs: list[tuple[Doc, list[Timex]]], limit: int) -> None:
    n = 0
    for d, found in outputs:
        for s in found:
            hit = [g for g in d.gold if s.start < g.end and g.start < s.end]
            if not hit:
                print(
                    f"FP  {d.dct}  {s.type:8} {s.value:14} {s.text!r:30} | {d.text[max(0, s.start - 50) : s.end + 30]!r}"
                )
                n += 1
            elif all(g.value != s.value for g in hit):
                g = hit[0]
                print(
                    f"VAL {d.dct}  {s.type:8} {s.value:14} gold {g.type:8} {g.value:14} {s.text!r:25} gold {g.text!r:25} | "
                    f"{d.text[max(0, s.start - 60) : s.end + 20]!r}"
                )
                n += 1
        for g in d.gold:
            if not any(s.start < g.end and g.start < s.end for s in found):
                print(
                    f"FN  {d.dct}  {g.type:8} {g.value:14} {g.text!r:30} | {d.text[max(0, g.start - 50) : g.end + 30]!r}"
                )
                n += 1
        if n >= limit:
            break


def _sd(xs: list[float]) -> float:
    mean = sum(xs) / len(xs)
    return (sum((x - mean) ** 2 for x in xs) / (len(xs) - 1)) ** 0.5 if len(xs) > 1 else 0.0


def _stats(xs: list[float]) -> str:
    return f"mean {sum(xs) / len(xs):.3f}  sd {_sd(xs):.3f}  min {min(xs):.3f}  max {max(xs):.3f}"


def _interval(xs: list[float]) -> tuple[float, float]:
    """The central 95% of ``xs``."""
    ranked = sorted(xs)
    return ranked[int(0.025 * len(ranked))], ranked[int(0.975 * len(ranked)) - 1]


def fold_figures(outputs: list[tuple[Doc, list[Timex]]], k: int) -> list[tuple[float, float]]:
    """Value F1 (all, DATE) on each of ``k`` folds by document: the folds ``split_noise`` prints."""
    order = sorted(d.name for d, _f in outputs)
    random.Random(SPLIT_SEED + 1).shuffle(order)
    figures = []
    for i in range(k):
        fold = set(order[i::k])
        overall, date = evaluate([(d, f) for d, f in outputs if d.name in fold])
        figures.append((overall.figures()["value F1"], date.figures()["value F1"]))
    return figures


def development_documents(dev_corpus: str | Path | None) -> tuple[list[Doc], list[Doc]] | None:
    """TBAQ's development part and a further corpus' development half (``--dev-corpus``): never a held-out
    or check document. None, with a line saying why, when the TempEval-3 data is not found."""
    root = data_dir()
    if not root.is_dir():
        print(f"TempEval-3 data not found at {root} (set FACTCHECK_DATA to the shared data directory)")
        return None
    dev, _held = split(load(root))  # the held-out part is never tagged here
    other = split(load_corpus(Path(dev_corpus)), CORPUS_SEED, CORPUS_CHECK_SHARE)[0] if dev_corpus else []
    return dev, other


def split_noise(
    outputs: list[tuple[Doc, list[Timex]]],
    k: int,
    draws: int = 1000,
    beside: list[tuple[float, float]] | None = None,
) -> None:
    """Print the spread of value F1 that the choice of documents alone makes, with the engine fixed:
    (1) ``k`` folds by document, (2) held-out minus development over ``draws`` random 70/30 splits, and
    where the official split's difference falls among them, (3) a bootstrap over documents of each
    official part (the interval its figure could have come out in with other documents of the same
    kind). Seeded, so the figures repeat."""
    # value F1 needs only (tp_value, n_sys, n_gold), which add up over documents: count each once
    counts: dict[str, tuple[int, int, int, int, int, int]] = {}
    for d, found in outputs:
        overall, date = evaluate([(d, found)])
        counts[d.name] = (
            overall.tp_value,
            overall.n_sys,
            overall.n_gold,
            date.tp_value,
            date.n_sys,
            date.n_gold,
        )
    names = sorted(counts)

    def f1s(part: list[str]) -> tuple[float, float]:
        t = [sum(counts[n][i] for n in part) for i in range(6)]
        return Score.f1(t[0] / t[1] if t[1] else 0.0, t[0] / t[2] if t[2] else 0.0), Score.f1(
            t[3] / t[4] if t[4] else 0.0, t[3] / t[5] if t[5] else 0.0
        )

    rng = random.Random(SPLIT_SEED + 1)
    order = names[:]
    rng.shuffle(order)
    folds = [order[i::k] for i in range(k)]
    per = [f1s(f) for f in folds]
    print(f"== {k} folds by document (the same engine; seed {SPLIT_SEED + 1})")
    for i, (f, (a, dte)) in enumerate(zip(folds, per, strict=True)):
        n_gold = sum(counts[n][2] for n in f)
        other = f"   (beside: all {beside[i][0]:.3f}  DATE {beside[i][1]:.3f})" if beside else ""
        print(
            f"fold {i + 1}: {len(f):4} documents {n_gold:5} gold   value F1 all {a:.3f}  DATE {dte:.3f}{other}"
        )
    print(f"{'all  ':>8}{_stats([a for a, _ in per])}")
    print(f"{'DATE ':>8}{_stats([d for _, d in per])}")
    if beside:
        print(f"{'beside all  ':>15}{_stats([a for a, _ in beside])}")
        print(f"{'beside DATE ':>15}{_stats([d for _, d in beside])}")
    print()

    n_held = round(len(names) * HELDOUT_SHARE)
    diffs_all: list[float] = []
    diffs_date: list[float] = []
    for _ in range(draws):
        shuffled = names[:]
        rng.shuffle(shuffled)
        (ha, hd), (da, dd) = f1s(shuffled[:n_held]), f1s(shuffled[n_held:])
        diffs_all.append(ha - da)
        diffs_date.append(hd - dd)
    dev_docs, held_docs = split([d for d, _f in outputs])
    official = {"dev": [d.name for d in dev_docs], "held out": [d.name for d in held_docs]}
    (ha, hd), (da, dd) = f1s(official["held out"]), f1s(official["dev"])
    print(f"== held-out minus development value F1 over {draws} random 70/30 document splits")
    for label, diffs, off in (("all", diffs_all, ha - da), ("DATE", diffs_date, hd - dd)):
        below = sum(x <= off for x in diffs) / len(diffs)
        lo, hi = _interval(diffs)
        print(
            f"{label:>5}: {_stats(diffs)}  95% in [{lo:+.3f}, {hi:+.3f}]; "
            f"official split {off:+.3f} (at or below it: {below:.0%})"
        )
    print()
    print(f"== bootstrap over the documents of each official part ({draws} resamples)")
    for part, part_names in official.items():
        boot = [f1s([rng.choice(part_names) for _ in part_names]) for _ in range(draws)]
        fa, fd = f1s(part_names)
        for label, i, fig in (("all", 0, fa), ("DATE", 1, fd)):
            xs = [b[i] for b in boot]
            lo, hi = _interval(xs)
            print(f"{part:>9} {label:>4}: value F1 {fig:.3f}  sd {_sd(xs):.3f}  95% in [{lo:.3f}, {hi:.3f}]")
    print()


def shared_noise(
    outputs: list[tuple[Doc, list[Timex]]], other: list[tuple[Doc, list[Timex]]], name: str, draws: int = 1000
) -> None:
    """How much of this engine's held-out minus development difference another tagger's (``--tagged``) has
    too, over the same random 70/30 document splits: the correlation of the two differences, this engine's
    difference predicted from the other's (least squares), and where the official split's remainder falls
    among the splits' remainders (a remainder at the edge is this engine's own, not the documents')."""
    per: dict[str, list[tuple[Score, Score]]] = {}
    for outs in (outputs, other):
        for d, found in outs:
            per.setdefault(d.name, []).append(evaluate([(d, found)]))

    def diff(held: set[str], system: int, kind: int) -> float:
        parts = []
        for inside in (True, False):
            s = Score()
            for n, scores in per.items():
                if (n in held) == inside:
                    for f in ("tp_span_sys", "tp_span_gold", "tp_value", "n_sys", "n_gold"):
                        setattr(s, f, getattr(s, f) + getattr(scores[system][kind], f))
            parts.append(s.figures()["value F1"])
        return parts[0] - parts[1]

    names = sorted(per)
    rng = random.Random(SPLIT_SEED + 2)
    n_held = round(len(names) * HELDOUT_SHARE)
    splits = []
    for _ in range(draws):
        rng.shuffle(names)
        splits.append(set(names[:n_held]))
    official = {d.name for d in split([d for d, _f in outputs])[1]}
    print(f"== held-out minus development, this engine beside {name}, over the same {draws} random splits")
    for label, kind in (("all", 0), ("DATE", 1)):
        xs = [diff(h, 1, kind) for h in splits]
        ys = [diff(h, 0, kind) for h in splits]
        fit = statistics.linear_regression(xs, ys)
        rest = [y - (fit.intercept + fit.slope * x) for x, y in zip(xs, ys, strict=True)]
        ox, oy = diff(official, 1, kind), diff(official, 0, kind)
        orest = oy - (fit.intercept + fit.slope * ox)
        below = sum(r <= orest for r in rest) / len(rest)
        print(
            f"{label:>5}: r {statistics.correlation(xs, ys):.2f}; official split {name} {ox:+.3f}, this engine "
            f"{oy:+.3f}, predicted from {name} {fit.intercept + fit.slope * ox:+.3f}; the rest {orest:+.3f} "
            f"(sd {_sd(rest):.3f}; at or below it: {below:.0%})"
        )
    print()


_SHAPES = (
    (re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"), "WEEKDAY"),
    (
        re.compile(
            r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|"
            r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?"
        ),
        "MONTH",
    ),
    (
        re.compile(
            r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)\b"
        ),
        "N",
    ),
    (re.compile(r"\d+"), "9"),
    (re.compile(r"(?i)\b(?:morning|afternoon|evening|night)\b"), "PART"),
)


def shape(text: str) -> str:
    """The shape of an expression: weekdays, months, numbers and parts of day replaced by their class,
    lower case ("on Tuesday" -> "on WEEKDAY", "13 years" -> "9 years")."""
    s = re.sub(r"\s+", " ", text.strip()).lower()
    for pattern, name in _SHAPES:
        s = pattern.sub(name, s)
    return s


def error_kinds(outputs: list[tuple[Doc, list[Timex]]], top: int) -> None:
    """Tally the tagger's errors by kind (missed, spurious, wrong type, wrong value) and by the shape of
    the expression, so that general patterns stand out from single phrases."""
    kinds: dict[str, dict[str, int]] = {}

    def note(kind: str, text: str) -> None:
        by = kinds.setdefault(kind, {})
        key = shape(text)
        by[key] = by.get(key, 0) + 1

    for d, found in outputs:
        for s in found:
            hit = [g for g in d.gold if s.start < g.end and g.start < s.end]
            if not hit:
                note("spurious", s.text)
            elif all(g.value != s.value for g in hit):
                same_type = any(g.type == s.type for g in hit)
                note("wrong value" if same_type else "wrong type", s.text)
        for g in d.gold:
            if not any(s.start < g.end and g.start < s.end for s in found):
                note("missed", g.text)
    for kind in ("missed", "spurious", "wrong type", "wrong value"):
        by = kinds.get(kind, {})
        total = sum(by.values())
        ranked = sorted(by.items(), key=lambda kv: (-kv[1], kv[0]))
        print(f"== {kind}: {total} ({len(by)} shapes)")
        print("   " + "; ".join(f"{k!r} {n}" for k, n in ranked[:top]))
    print()


def _value_kind(value: str) -> str:
    if value.startswith("P"):
        return "duration"
    return "ref" if value.endswith("_REF") else "point"


def error_family(s: Timex | None, g: Timex | None, dct: dt.date) -> str:
    """The decision family of one error: a system expression ``s`` against the gold one ``g`` it overlaps
    (None when the error is a miss or a spurious expression)."""
    if s is None:
        return "no value: missed"
    if g is None:
        return "no value: spurious"
    if s.text.strip(" ,.") != g.text.strip(" ,."):
        return "extent (span differs, value lost)"
    ks, kg = _value_kind(s.value), _value_kind(g.value)
    if ks != kg or (s.type == "SET") != (g.type == "SET"):
        return f"type: {ks} {s.type} for {kg} {g.type}"
    if ks != "point":
        return "duration or ref value"
    a, b = s.value, g.value
    if s.type != g.type:
        return "granularity: TIME vs DATE"
    if len(a) != len(b) or any((c in a) != (c in b) for c in "WQX"):
        return "granularity"
    day = dct.isoformat()
    if (a > day[: len(a)]) != (b > day[: len(b)]):
        return "tense direction"
    return "reference time"


def error_families(outputs: list[tuple[Doc, list[Timex]]], all_names: list[str], k: int) -> None:
    """Tally the errors by decision family (reference time, granularity, tense direction, value vs no
    value, extent, type), per fold of the same ``k`` folds as ``--folds`` (only the documents given, the
    development part: each fold's development documents)."""
    order = sorted(all_names)
    random.Random(SPLIT_SEED + 1).shuffle(order)
    fold = {n: i for i in range(k) for n in order[i::k]}
    table: dict[str, list[int]] = {}
    docs_of: dict[str, set[str]] = {}

    def note(family: str, d: Doc) -> None:
        table.setdefault(family, [0] * k)[fold[d.name]] += 1
        docs_of.setdefault(family, set()).add(d.name)

    for d, found in outputs:
        for s in found:
            hit = [g for g in d.gold if s.start < g.end and g.start < s.end]
            if not hit:
                note(error_family(s, None, d.dct), d)
            elif all(g.value != s.value for g in hit):
                note(error_family(s, hit[0], d.dct), d)
        for g in d.gold:
            if not any(s.start < g.end and g.start < s.end for s in found):
                note(error_family(None, g, d.dct), d)
    print(
        f"== errors by decision family, per fold ({k} folds, seed {SPLIT_SEED + 1}; development documents only)"
    )
    print(f"{'family':44}" + "".join(f"{'f' + str(i + 1):>6}" for i in range(k)) + f"{'all':>6}{'docs':>6}")
    for family, row in sorted(table.items(), key=lambda kv: (-sum(kv[1]), kv[0])):
        print(f"{family:44}" + "".join(f"{n:6}" for n in row) + f"{sum(row):6}{len(docs_of[family]):6}")
    totals = [sum(row[i] for row in table.values()) for i in range(k)]
    print(f"{'total':44}" + "".join(f"{n:6}" for n in totals) + f"{sum(totals):6}")
    print()


_MONTH_ALONE = re.compile(
    r"(?i)^(?:in |the )?(?:(?:this|last|next|past|early|late|mid-?)\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?$"
)
_YEAR_ALONE = re.compile(r"^(?:in |fiscal |the )?(?:1[6-9]|20)\d\d$")
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")


def date_cause(s: Timex | None, g: Timex | None, d: Doc, earlier: list[str]) -> tuple[str, str]:
    """The kind (missed, spurious, wrong type, wrong value, extent) and the likely cause of one error that
    involves a DATE: a system expression ``s`` against the gold one ``g`` it overlaps (None for a miss or a
    spurious expression); ``earlier`` holds the values of the gold DATEs before it in the text."""
    e = s if s is not None else g
    assert e is not None
    text = d.text[e.start : e.end].strip(" ,.")
    if s is None:
        kind = "missed"
    elif g is None:
        kind = "spurious"
    elif d.text[s.start : s.end].strip(" ,.") != d.text[g.start : g.end].strip(" ,."):
        kind = "extent"
    elif s.type != g.type:
        kind = "wrong type"
    else:
        kind = "wrong value"
    values = [t.value for t in (s, g) if t is not None]
    before = d.text[: e.start].lstrip()
    line = d.text[e.start - len(before) :].split("\n", 1)[0]
    if "\n" not in before and len(line.split()) <= 12:
        return kind, "headline or dateline (a short first line)"
    if re.search(r"(?i)\bago\b", text):
        return kind, '"X ago"'
    if any(v.endswith("_REF") for v in values):
        return kind, "PRESENT/PAST/FUTURE_REF"
    if kind == "spurious" and re.fullmatch(r"\d+", text):
        return kind, "a number read as a year"
    if kind in ("missed", "spurious"):
        if _YEAR_ALONE.match(text) or _MONTH_ALONE.match(text):
            return kind, "a year or month alone"
        return kind, "other expression"
    assert s is not None and g is not None
    if {s.type, g.type} == {"DATE", "TIME"}:
        return kind, "granularity: TIME vs DATE"
    if s.type != g.type:
        return kind, f"{s.type} for {g.type}"
    if kind == "extent":
        return kind, "extent"
    if _YEAR_ALONE.match(text) or _MONTH_ALONE.match(text):
        return kind, "a year or month alone"
    a, b = s.value, g.value
    if len(a) != len(b) or any((c in a) != (c in b) for c in "WQX"):
        return kind, "granularity"
    day = d.dct.isoformat()
    if b == day:
        return kind, "anchor: gold is the DCT"
    if a == day:
        return kind, "anchor: system took the DCT"
    if b in earlier:
        return kind, "anchor: gold repeats a date mentioned before"
    if _DAY_VALUE.match(b) and earlier and _DAY_VALUE.match(earlier[-1]):
        gap_last = abs((dt.date.fromisoformat(b) - dt.date.fromisoformat(earlier[-1])).days)
        if gap_last < abs((dt.date.fromisoformat(b) - d.dct).days):
            return kind, "anchor: gold nearer the last-mentioned date than the DCT"
    if (a > day[: len(a)]) != (b > day[: len(b)]):
        return kind, "tense direction"
    return kind, "reference time: other"


def date_causes(outputs: list[tuple[Doc, list[Timex]]]) -> None:
    """Tally the errors that involve a DATE (the system's or the gold one) by kind and likely cause."""
    table: dict[tuple[str, str], int] = {}
    docs_of: dict[tuple[str, str], set[str]] = {}
    errors_of: dict[str, int] = {}
    in_doc: dict[tuple[str, str], dict[str, int]] = {}
    for d, found in outputs:
        golds = sorted(d.gold, key=lambda t: t.start)
        pairs: list[tuple[Timex | None, Timex | None]] = []
        for s in found:
            hit = [g for g in golds if s.start < g.end and g.start < s.end]
            if not hit:
                pairs.append((s, None))
            elif all(g.value != s.value for g in hit):
                pairs.append((s, hit[0]))
        pairs += [(None, g) for g in golds if not any(s.start < g.end and g.start < s.end for s in found)]
        for s, g in pairs:
            if "DATE" not in {t.type for t in (s, g) if t is not None}:
                continue
            at = (s or g).start  # type: ignore[union-attr]
            earlier = [t.value for t in golds if t.end <= at and t.type == "DATE"]
            key = date_cause(s, g, d, earlier)
            table[key] = table.get(key, 0) + 1
            errors_of[d.name] = errors_of.get(d.name, 0) + 1
            docs_of.setdefault(key, set()).add(d.name)
            in_doc.setdefault(key, {})[d.name] = in_doc.get(key, {}).get(d.name, 0) + 1
    print("== errors involving a DATE, by kind and likely cause (worst: the most of them in one document)")
    print(f"{'kind':14}{'cause':58}{'n':>5}{'docs':>6}{'worst':>7}")
    for (kind, cause), n in sorted(table.items(), key=lambda kv: (kv[0][0], -kv[1])):
        worst_doc = max(in_doc[(kind, cause)].values())
        print(f"{kind:14}{cause:58}{n:5}{len(docs_of[(kind, cause)]):6}{worst_doc:7}")
    total = sum(table.values())
    print(f"{'total':72}{total:5}")
    worst = sorted(errors_of.values(), reverse=True)[:15]
    if total:
        print(
            f"the {len(worst)} documents with the most of these errors hold {sum(worst) / total:.0%} of them"
        )
    print()


# ---- value F1's losses as totals (every part, the held-out one too: counts only) ----------------------------

TYPES = ("DATE", "TIME", "DURATION", "SET")
LOSSES = ("missed", "typed otherwise", "value wrong", "spurious", "sys type wrong", "sys value wrong")


@dataclass
class Losses:
    """Where one scoring's value F1 goes, as counts. Value F1 is 2 * right / (gold + system), so
    1 - F1 = (the six losses) / (gold + system): each loss is an exact share of the figure. Gold side: ``missed``
    (no engine expression overlaps it), ``typed_otherwise`` (engine expressions overlap it, none of its type: for one
    type's scoring, e.g. a gold DATE the engine types TIME or DURATION, which that scoring leaves out),
    ``value_wrong`` (overlapped by one of its type, its value not given; ``extent`` of them with another extent).
    System side: ``spurious`` (overlaps no gold expression), ``sys_type_wrong`` (overlaps gold expressions, none of
    its type, no value right: only in the scoring of all types), ``sys_value_wrong`` (the rest that get no value)."""

    gold: int = 0
    system: int = 0
    right: int = 0
    missed: int = 0
    typed_otherwise: int = 0
    value_wrong: int = 0
    extent: int = 0
    spurious: int = 0
    sys_type_wrong: int = 0
    sys_value_wrong: int = 0

    def add(self, found: list[Timex], gold: list[Timex], kind: str | None) -> list[tuple[Timex, Timex]]:
        """One document's engine expressions ``found`` against its ``gold``, scored as ``evaluate`` does: every
        type (``kind`` None), or one type's gold against the engine's expressions of that type that overlap no gold
        of another type. Returns the value-wrong pairs (the engine's expression, the gold one)."""
        golds = [g for g in gold if kind is None or g.type == kind]
        scored = [
            s
            for s in found
            if kind is None
            or (
                s.type == kind
                and not any(s.start < g.end and g.start < s.end for g in gold if g.type != kind)
            )
        ]
        self.gold += len(golds)
        self.system += len(scored)
        hits = match(scored, golds)
        used = {h for h in hits if h is not None and h >= 0}
        wrong: list[tuple[Timex, Timex]] = []
        for s, hit in zip(scored, hits, strict=True):
            if hit is None:
                self.spurious += 1
            elif hit >= 0:
                self.right += 1
            elif any(g.type == s.type for g in golds if s.start < g.end and g.start < s.end):
                self.sys_value_wrong += 1
            else:
                self.sys_type_wrong += 1
        for i, g in enumerate(golds):
            if i in used:
                continue
            over = [s for s in found if s.start < g.end and g.start < s.end]
            same = [s for s in over if s.type == g.type and s in scored]
            if not over:
                self.missed += 1
            elif not same:
                self.typed_otherwise += 1
            else:
                self.value_wrong += 1
                self.extent += same[0].text.strip(" ,.") != g.text.strip(" ,.")
                wrong.append((same[0], g))
        return wrong

    def loss(self, name: str) -> float:
        """The share of value F1 that loss ``name`` (one of ``LOSSES``) takes."""
        total = self.gold + self.system
        return getattr(self, name.replace(" ", "_")) / total if total else 0.0

    def f1(self) -> float:
        total = self.gold + self.system
        return 2 * self.right / total if total else 0.0


def _value_shape(value: str) -> str:
    """A value's shape: every digit written 9 ("1998-Q3" -> "9999-Q9", "XXXX-10-23" -> "XXXX-99-99")."""
    return re.sub(r"\d", "9", value)


def _overlaps(t: Timex, others: list[Timex]) -> bool:
    return any(o.start < t.end and t.start < o.end for o in others)


def value_family(s: Timex, g: Timex, dct: dt.date, earlier: list[str]) -> str:
    """The family of a wrong value, from the two values, the document's creation day and the values of the gold
    expressions before it (``earlier``) alone: no text."""
    a, b = s.value, g.value
    day = dct.isoformat()
    if _value_kind(a) != _value_kind(b):
        return f"{_value_kind(a)} for {_value_kind(b)}"
    if _value_kind(a) != "point":
        return "duration or ref: other value"
    year = "same year" if a[:4] == b[:4] else "another year"
    if any((c in a) != (c in b) for c in "WQX"):
        return f"granularity: engine {_value_shape(a)} for gold {_value_shape(b)}, {year}"
    if len(a) < len(b):
        return f"granularity: engine coarser, {year}"
    if len(a) > len(b):
        return f"granularity: engine finer, {year}"
    if b == day[: len(b)]:
        return "anchor: the gold is the creation day / month / year"
    if a == day[: len(a)]:
        return "anchor: the engine gave the creation day / month / year"
    if b in earlier:
        return "anchor: the gold repeats an earlier gold value"
    if (a > day[: len(a)]) != (b > day[: len(b)]):
        return "tense direction (one before, one after the creation day)"
    return "reference time: other"


def decompose(outputs: list[tuple[Doc, list[Timex]]]) -> dict[str, Any]:
    """A part's value F1 losses, as counts only: for every type together and each type alone (``Losses``), the
    type confusion, gold type by the engine's type, of the expressions that overlap ("none": no overlap), and the
    DATE scoring's wrong values by ``value_family`` (with the number of documents they lie in and the most in one)."""
    losses = {kind or "all": Losses() for kind in (None, *TYPES)}
    confusion: dict[str, dict[str, int]] = {}
    families: dict[str, dict[str, int]] = {}  # family -> document number -> count (numbers never printed)
    alone: dict[str, dict[str, int]] = {}  # DATE missed or spurious, by the value's shape: the same
    for n, (d, found) in enumerate(outputs):
        for kind in (None, *TYPES):
            wrong = losses[kind or "all"].add(found, d.gold, kind)
            for s, g in wrong if kind == "DATE" else []:
                earlier = [t.value for t in d.gold if t.end <= g.start and t.type == "DATE"]
                per_doc = families.setdefault(value_family(s, g, d.dct, earlier), {})
                per_doc[str(n)] = per_doc.get(str(n), 0) + 1
        unmatched = [
            f"missed: gold {_value_shape(g.value)}"
            for g in d.gold
            if g.type == "DATE" and not _overlaps(g, found)
        ]
        unmatched += [
            f"spurious: engine {_value_shape(s.value)}"
            for s in found
            if s.type == "DATE" and not _overlaps(s, d.gold)
        ]
        for key in unmatched:
            per_doc = alone.setdefault(key, {})
            per_doc[str(n)] = per_doc.get(str(n), 0) + 1
        hits = match(found, d.gold)
        right = {h: s for s, h in zip(found, hits, strict=True) if h is not None and h >= 0}
        for i, g in enumerate(d.gold):
            over = [s for s in found if s.start < g.end and g.start < s.end]
            engine = right[i].type if i in right else over[0].type if over else "none"
            row = confusion.setdefault(g.type, {})
            row[engine] = row.get(engine, 0) + 1
        for s, hit in zip(found, hits, strict=True):
            if hit is None:
                row = confusion.setdefault("none", {})
                row[s.type] = row.get(s.type, 0) + 1
    return {
        "losses": {k: asdict(v) for k, v in losses.items()},
        "confusion": confusion,
        "DATE values": {
            f: {"n": sum(per.values()), "docs": len(per), "most in one": max(per.values())}
            for f, per in families.items()
        },
        "DATE unmatched": {
            f: {"n": sum(per.values()), "docs": len(per), "most in one": max(per.values())}
            for f, per in alone.items()
        },
    }


def show_decomposition(part: str, mine: dict[str, Any], beside: dict[str, Any] | None = None) -> None:
    """Print a part's ``decompose`` figures: counts and shares of value F1, nothing of any document (no name,
    text, expression or value), so that it may be printed for the held-out and check parts too; with ``beside``,
    the other tree's count after a slash."""

    def cell(table: str, key: str, field_name: str | None = None) -> str:
        def get(fig: dict[str, Any]) -> int:
            row = fig[table].get(key, {})
            return int(row.get(field_name, 0)) if field_name else 0

        n = get(mine)
        return f"{n}/{get(beside)}" if beside is not None else str(n)

    print(
        f"== {part}: value F1's losses (counts{', this tree / beside' if beside else ''}; pts: share of F1)"
    )
    heads = ("gold", "system", "right", *LOSSES, "extent", "F1")
    print(f"{'':10}" + "".join(f"{h:>16}" for h in heads))
    for key in ("all", *TYPES):
        fig = Losses(**mine["losses"][key])
        cells = [cell("losses", key, h.replace(" ", "_")) for h in heads[:-1]]
        print(f"{key:10}" + "".join(f"{c:>16}" for c in cells) + f"{fig.f1():16.3f}")
        pts = [f"{100 * fig.loss(h):.1f}" for h in LOSSES]
        print(f"{'  pts':10}" + " " * 48 + "".join(f"{p:>16}" for p in pts))
    engine_types = (*TYPES, "none")
    corner = "gold / engine"
    print(f"{corner:14}" + "".join(f"{t:>12}" for t in engine_types))
    for g in (*TYPES, "none"):
        if g in mine["confusion"] or (beside and g in beside["confusion"]):
            print(f"{g:14}" + "".join(f"{cell('confusion', g, t):>12}" for t in engine_types))
    for table, heading in (
        ("DATE values", "DATE value wrong, by family"),
        ("DATE unmatched", "DATE missed or spurious, by the value's shape"),
    ):
        print(f"{heading:68}{'n':>10}{'docs':>10}{'most in one':>14}")
        shown = sorted(set(mine[table]) | set(beside[table] if beside else ()))
        for f in sorted(shown, key=lambda f: -mine[table].get(f, {}).get("n", 0)):
            print(
                f"{f:68}"
                + "".join(
                    f"{cell(table, f, k):>{w}}" for k, w in (("n", 10), ("docs", 10), ("most in one", 14))
                )
            )
    print()


def show_gap(dev: dict[str, Any], held: dict[str, Any]) -> None:
    """Where the held-out part's value F1 falls behind the development part's: each loss's share of F1 in both parts
    and the difference, for every type and for DATE, then the DATE wrong values by family (a wrong value costs its
    gold and its engine expression: 2 n / (gold + system)). Counts and shares only, as ``show_decomposition``."""
    print(
        "== held-out minus development: value F1 points lost, by loss (a positive difference widens the gap)"
    )
    print(f"{'':24}{'dev':>8}{'held-out':>10}{'difference':>12}")
    for key in ("all", "DATE"):
        d, h = Losses(**dev["losses"][key]), Losses(**held["losses"][key])
        print(f"{key + ' F1':24}{d.f1():8.3f}{h.f1():10.3f}{h.f1() - d.f1():+12.3f}")
        for name in LOSSES:
            a, b = 100 * d.loss(name), 100 * h.loss(name)
            print(f"{'  ' + name:24}{a:8.1f}{b:10.1f}{b - a:+12.1f}")
    d, h = Losses(**dev["losses"]["DATE"]), Losses(**held["losses"]["DATE"])
    print(f"{'DATE value wrong, by family (pts)':68}{'dev':>8}{'held-out':>10}{'difference':>12}")
    families = set(dev["DATE values"]) | set(held["DATE values"])

    def pts(fig: dict[str, Any], losses: Losses, family: str) -> float:
        return 200 * fig["DATE values"].get(family, {}).get("n", 0) / (losses.gold + losses.system)

    for f in sorted(families, key=lambda f: -(pts(held, h, f) - pts(dev, d, f))):
        a, b = pts(dev, d, f), pts(held, h, f)
        print(f"{f:68}{a:8.1f}{b:10.1f}{b - a:+12.1f}")
    print()


def source(name: str) -> str:
    """A TBAQ document's source, from its name: APW, NYT, XIE (AQUAINT), WSJ, AP, CNN, ABC, PRI, VOA... (TimeBank)."""
    m = re.match(r"[A-Za-z]+", name)
    return (m.group() if m else name).upper()[:3]


def sources(outputs: list[tuple[Doc, list[Timex]]], held: list[Doc]) -> None:
    """The development part's value F1 by source, beside the held-out part's make-up by source (its documents'
    names and gold DATE counts only: no figure, no text), and the development figures weighted as the held-out
    part is made up: how much of a gap between the parts the mix of sources alone would make."""
    by: dict[str, list[tuple[Doc, list[Timex]]]] = {}
    for d, found in outputs:
        by.setdefault(source(d.name), []).append((d, found))
    held_docs: dict[str, int] = {}
    held_dates: dict[str, int] = {}
    for d in held:
        src = source(d.name)
        held_docs[src] = held_docs.get(src, 0) + 1
        held_dates[src] = held_dates.get(src, 0) + sum(g.type == "DATE" for g in d.gold)
    print("== value F1 by source: development part; the held-out part's make-up (names and gold counts only)")
    print(f"{'source':8}{'dev docs':>9}{'DATEs':>7}{'all':>8}{'DATE':>8}{'held docs':>11}{'DATEs':>7}")
    dev_dates: dict[str, int] = {}
    date_f1: dict[str, float] = {}
    for src in sorted(set(by) | set(held_docs)):
        part = by.get(src, [])
        dev_dates[src] = sum(g.type == "DATE" for d, _f in part for g in d.gold)
        if part:
            overall, date = evaluate(part)
            date_f1[src] = date.figures()["value F1"]
            cells = f"{overall.figures()['value F1']:8.3f}{date_f1[src]:8.3f}"
        else:
            cells = f"{'-':>8}{'-':>8}"
        print(
            f"{src:8}{len(part):9}{dev_dates[src]:7}{cells}{held_docs.get(src, 0):11}{held_dates.get(src, 0):7}"
        )
    weighted = sum(held_dates[s] for s in held_dates if s in date_f1)
    if weighted:
        expected = sum(date_f1[s] * held_dates[s] for s in held_dates if s in date_f1) / weighted
        total = sum(dev_dates.values())
        print(
            f"development DATE value F1 by source, weighted by the development part's DATEs "
            f"{sum(date_f1[s] * dev_dates[s] for s in date_f1) / total:.3f}, by the held-out part's {expected:.3f}"
        )
    print()


def report(
    title: str, docs: list[Doc], results: dict[str, tuple[Score, Score, float]], cols: list[str]
) -> None:
    n_gold = sum(len(d.gold) for d in docs)
    kb = sum(len(d.text.encode("utf-8")) for d in docs) / 1024
    print(f"== {title}: {len(docs)} documents, {kb:.0f} KB of text, {n_gold} gold TIMEX3")
    print(f"{'':22}" + "".join(f"{c:>14}" for c in cols))
    for label, idx in (("all TIMEX3", 0), ("DATE only", 1)):
        for key in ("span P", "span R", "span F1", "value P", "value R", "value F1", "TE3 value F1"):
            row = [results[c][idx].figures()[key] for c in cols]  # type: ignore[attr-defined]
            print(f"{label + ' ' + key:22}" + "".join(f"{v:14.3f}" for v in row))
        print()
    print(f"{'throughput KB/s':22}" + "".join(f"{results[c][2]:14.1f}" for c in cols))
    for other in cols[1:]:
        if not isinstance(_REFERENCE.get(other), TaggedFiles):  # files read are no tagging speed
            print(f"{'factcheck speed / ' + other:22}{results['factcheck'][2] / results[other][2]:14.2f}x")
    print()


def measure_beside(args: argparse.Namespace) -> dict[str, Any]:
    """The figures of the engine of the checkout ``args.beside``: this script run on it (FACTCHECK_ENGINE_ROOT)
    with the same documents and options, its figures read back as JSON."""
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--json",
        "--no-baseline",
        "--repeat",
        str(args.repeat),
    ]
    for option, value in (
        ("--part", args.part),
        ("--limit", args.limit),
        ("--folds", args.folds),
        ("--dev-corpus", args.dev_corpus),
    ):
        if value:
            cmd += [option, str(value)]
    for check in args.check:
        cmd += ["--check", check]
    env = {**os.environ, "FACTCHECK_ENGINE_ROOT": str(Path(args.beside).resolve())}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument(
        "--part",
        choices=("dev", "heldout", "all", "corpus-dev"),
        help="report only this part (default: each); corpus-dev: the development half of --dev-corpus",
    )
    ap.add_argument(
        "--errors", type=int, default=0, help="print up to N errors of the tagger (dev part only)"
    )
    ap.add_argument(
        "--error-kinds",
        type=int,
        default=0,
        metavar="N",
        help="tally the tagger's errors by kind and expression shape, N shapes a kind (dev part only)",
    )
    ap.add_argument(
        "--error-families",
        type=int,
        default=0,
        metavar="K",
        help="tally the tagger's errors by decision family, per fold of K folds (dev part only)",
    )
    ap.add_argument(
        "--date-causes",
        action="store_true",
        help="tally the errors involving a DATE by kind and likely cause (development parts only)",
    )
    ap.add_argument("--limit", type=int, default=0, help="use only the first N documents")
    ap.add_argument("--no-baseline", action="store_true", help="skip the (slow) dateparser baseline")
    ap.add_argument("--repeat", type=int, default=3, help="time each document as the best of N runs")
    ap.add_argument(
        "--against",
        metavar="REV",
        help="also run the single-module tagger of git revision REV (e.g. 7b3f091), interleaved, for speed",
    )
    ap.add_argument(
        "--tagged",
        metavar="DIR",
        help="also score another tagger's TimeML output, DIR/<document>.tml (e.g. HeidelTime's), in a column; "
        "with --folds, how much of this engine's held-out minus development difference that tagger's predicts",
    )
    ap.add_argument(
        "--folds",
        type=int,
        default=0,
        metavar="K",
        help="also print the split noise: value F1 over K folds by document and over random 70/30 splits",
    )
    ap.add_argument(
        "--check",
        action="append",
        default=[],
        metavar="DIR",
        help="also score every TimeML file under DIR, totals only (a corpus never tuned on)",
    )
    ap.add_argument(
        "--beside",
        metavar="TREE",
        help="also measure the engine of the checkout TREE (e.g. /tmp/base9) in the same run, in a column",
    )
    ap.add_argument(
        "--dev-corpus",
        metavar="DIR",
        help="a further labelled corpus (TimeML .tml or NewsReader CAT .xml files, e.g. MEANTIME English), "
        f"split by document (seed {CORPUS_SEED}) into a development half (its errors may be read: "
        "--part corpus-dev) and a check half (totals only)",
    )
    ap.add_argument(
        "--sources",
        action="store_true",
        help="the development part's value F1 by source beside the held-out part's make-up (names and gold "
        "counts only), and the development figures weighted as the held-out part is made up (--part dev only)",
    )
    ap.add_argument("--json", action="store_true", help="print the figures as JSON (what --beside reads)")
    args = ap.parse_args(argv)

    root = data_dir()
    if not root.is_dir():
        print(f"TempEval-3 data not found at {root} (set FACTCHECK_DATA to the shared data directory)")
        return 0
    docs = load(root)
    dev, held = split(docs)
    parts = {"dev": dev, "heldout": held, "all": docs}
    if (args.errors or args.error_kinds or args.error_families or args.date_causes) and args.part not in (
        "dev",
        "corpus-dev",
    ):
        print(
            "--errors, --error-kinds and --error-families read a development part only: add --part dev "
            "or --part corpus-dev (held-out and check errors stay unseen)"
        )
        return 2
    if (args.error_families or args.sources) and args.part != "dev":
        print("--error-families and --sources read TBAQ's development part: add --part dev")
        return 2
    corpus_parts: list[str] = []
    if args.dev_corpus:
        folder = Path(args.dev_corpus)
        corpus_docs = load_corpus(folder)
        if not corpus_docs:
            print(f"no TimeML or CAT documents with a creation time under {folder}")
            return 2
        c_dev, c_check = split(corpus_docs, CORPUS_SEED, CORPUS_CHECK_SHARE)
        corpus_parts = [f"{folder.name} dev", f"{folder.name} check"]
        parts[corpus_parts[0]], parts[corpus_parts[1]] = c_dev, c_check
        parts["corpus-dev"] = c_dev
    elif args.part == "corpus-dev":
        print("--part corpus-dev needs --dev-corpus DIR")
        return 2
    for check in args.check:
        check_docs = load_files(sorted(Path(check).rglob("*.tml")))
        if not check_docs:
            print(f"no TimeML documents with a DCT under {check}")
            return 2
        parts[f"check {Path(check).name}"] = check_docs
    if args.part == "corpus-dev":
        names = [corpus_parts[0]] + [f"check {Path(c).name}" for c in args.check]
    else:
        names = (
            ([args.part] if args.part else ["dev", "heldout", "all"])
            + corpus_parts
            + [f"check {Path(c).name}" for c in args.check]
        )
    run_docs = parts[args.part] if args.part else docs
    run_names = [names[0]] if args.part else ["dev", "heldout", "all"]  # the parts run_docs holds
    if args.limit:
        run_docs = run_docs[: args.limit]
    if not args.json:
        print(
            f"TempEval-3 TBAQ-cleaned: {len(docs)} documents; split seed {SPLIT_SEED}: "
            f"{len(dev)} development, {len(held)} held-out"
        )
        if corpus_parts:
            print(
                f"{args.dev_corpus}: split seed {CORPUS_SEED}: {len(parts[corpus_parts[0]])} development, "
                f"{len(parts[corpus_parts[1]])} check (totals only)"
            )
        for check in args.check:
            print(
                f"check {Path(check).name}: {len(parts['check ' + Path(check).name])} documents (totals only)"
            )

    # warm-up (imports, dateparser's first call), not timed
    tag("Warm up on March 3, 2020 and next May.", dt.date(2020, 1, 1))
    systems = ["factcheck"]
    if args.against:
        name = f"rev {args.against}"
        _REFERENCE[name] = load_reference(args.against)
        _REFERENCE[name].tag("Warm up on March 3, 2020 and next May.", dt.date(2020, 1, 1))
        systems.append(name)
    if args.tagged:
        tagged = Path(args.tagged).name
        _REFERENCE[tagged] = TaggedFiles(Path(args.tagged), [d for part in parts.values() for d in part])
        systems.append(tagged)
    systems += [] if args.no_baseline else ["dateparser"]
    if "dateparser" in systems:
        baseline("Warm up on March 3, 2020.", dt.date(2020, 1, 1))
    if args.folds and (args.part or args.limit):
        print("--folds uses every document: leave out --part and --limit")
        return 2
    beside = measure_beside(args) if args.beside else None
    best, outputs = timed_runs(run_docs, systems, args.repeat)
    checked = {part: timed_runs(parts[part], systems, args.repeat) for part in names if part not in run_names}
    figures: dict[str, dict[str, tuple[Score, Score, float]]] = {}
    decomposition: dict[str, dict[str, Any]] = {}  # each part's value F1 losses, counts only
    for part in names:
        part_best, part_outputs = checked.get(part, (best, outputs))
        keep = {d.name for d in parts[part]}
        results: dict[str, tuple[Score, Score, float]] = {}
        for name in systems:
            idx = [i for i, (d, _f) in enumerate(part_outputs[name]) if d.name in keep]
            files = _REFERENCE.get(name)
            if not idx or (isinstance(files, TaggedFiles) and not files.covers(parts[part])):
                continue
            sel = [part_outputs[name][i] for i in idx]
            kb = sum(len(d.text.encode("utf-8")) for d, _f in sel) / 1024
            secs = sum(part_best[name][i] for i in idx)
            results[name] = (*evaluate(sel), kb / secs if secs else 0.0)
            if name == "factcheck":
                decomposition[part] = decompose(sel)
        figures[part] = results
    folds = fold_figures(outputs["factcheck"], args.folds) if args.folds else []
    if args.json:
        print(
            json.dumps(
                {
                    "parts": {
                        part: {"all": asdict(r[0]), "DATE": asdict(r[1]), "kbps": r[2]}
                        for part, res in figures.items()
                        for r in [res["factcheck"]]
                    },
                    "folds": folds,
                    "decomposition": decomposition,
                }
            )
        )
        return 0
    print(f"(throughput: per document, best of {args.repeat}, systems interleaved document by document)")
    if beside:
        print(
            f"(beside: the engine of {args.beside}, same measures, run just before in a process of its own)"
        )
    print()
    for part in names:
        results = figures[part]
        cols = [c for c in systems if c in results]
        if beside and part in beside["parts"]:
            b = beside["parts"][part]
            results["beside"] = (Score(**b["all"]), Score(**b["DATE"]), b["kbps"])
            cols.insert(1, "beside")
        shown = parts[part] if part in checked else run_docs
        keep = {d.name for d in parts[part]}
        report(part, [d for d in shown if d.name in keep], results, cols)
        if part in decomposition:
            show_decomposition(
                part, decomposition[part], beside.get("decomposition", {}).get(part) if beside else None
            )
    if "dev" in decomposition and "heldout" in decomposition:
        show_gap(decomposition["dev"], decomposition["heldout"])
    if args.folds:
        split_noise(
            outputs["factcheck"], args.folds, beside=[(a, d) for a, d in beside["folds"]] if beside else None
        )
        if args.tagged:
            shared_noise(outputs["factcheck"], outputs[Path(args.tagged).name], Path(args.tagged).name)
    if args.error_families:
        error_families(outputs["factcheck"], [d.name for d in docs], args.error_families)
    if args.date_causes:
        date_causes(outputs["factcheck"])
    if args.sources:
        sources(outputs["factcheck"], held)
    if args.error_kinds:
        error_kinds(outputs["factcheck"], args.error_kinds)
    if args.errors:
        show_errors(outputs["factcheck"], args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
