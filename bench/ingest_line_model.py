"""A learned line classifier for the tail of copied pages, fitted and measured beside the hand rules.

Question (issue #13, session 10): can a small model of shallow text features -- the classic text-only
boilerplate detectors: Kohlschütter et al. 2010, "Boilerplate detection using shallow text features"
(words, text density, the previous and next blocks' features), jusText (length, stop-word density, the
neighbours' classes) -- drop the furniture the hand rules keep below the article on raw page text (what a
person gets by copying a page), without losing the article's paragraphs?

Data: the extra set of bench/ingest.py (``--extra DIR``, trafilatura's evaluation format, outside the
repo). Every line of a page's raw text (``bench/ingest.py: visible_text``) below the article's span
(``factcheck.ingest._prose_span``), whatever the rules made of it, is an example. Its label: the line is
in the page's article (the leakage measure's reference: trafilatura's text, its recall text, the page's
declared headline and lede; word 4-grams, 60% overlap, as bench/ingest.py counts a leaked claim). Its
weight: 1 + its sentence ends (a line costs about as many claims as it holds sentences). Its features:
``features`` below (the line; its place below the span and the last paragraph kept; its words among the
article's; its neighbours within WINDOW lines). The model: a logistic regression fitted on half A1 by
Newton's method with an L2 penalty, in plain Python. It is used only to DROP lines the rules keep as body
below the span (under a probability threshold); everything else stays as the rules made it.

Printed, for A1 (fitted on) and A2 (not fitted on: the threshold is read there), and with ``--half B``
for half B (aggregate only):
- the lines the rules keep below the span: how many are the article's text by the reference, how many
  of 15+ words;
- a ranking check: how much furniture (by weight) the model ranks below the first 15+-word line of the
  article (what any threshold can drop without losing an article paragraph);
- the univariate AUC of each feature on the 15+-word kept lines (article against not);
- per threshold, bench/ingest.py's own figures computed the same way in the same run, for the rules
  alone and for the rules with the model: raw-text leakage (claims not in the reference), `with`
  snippets kept, `without` snippets out of the claims, 15+-word paragraphs of trafilatura's text kept.

    cd /work/wt/ingest && PYTHONPATH=$PWD FACTCHECK_DATA=/work/shared/data \\
        /work/venv/bin/python bench/ingest_line_model.py --extra /work/trafi_extra [--half B]
"""

from __future__ import annotations

import argparse
import bisect
import copy
import importlib.util
import math
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck import ingest  # noqa: E402
from factcheck.model import Segment  # noqa: E402

_spec = importlib.util.spec_from_file_location("bench_ingest", ROOT / "bench" / "ingest.py")
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

WINDOW = 3  # neighbours read on each side of a line
THRESHOLDS = (0.05, 0.1, 0.2, 0.3)

FEATURES = (
    "bias",
    "log_words",
    "word_length",
    "capitalised",
    "stop_words",
    "digits",
    "full_stop",
    "sentence",
    "substantial",
    "question",
    "list_mark",
    "position",
    "log_lines_below_span",
    "log_lines_since_kept_prose",
    "topic_share",
    "no_topic_words",
    "prev_kept",
    "next_kept",
    "prev_log_words",
    "next_log_words",
    "window_kept",
    "window_substantial",
    "window_log_words",
    "window_topic_share",
    "prose_below",
)

_TOKEN = re.compile(r"\S+")
_TOPIC_WORD = re.compile(r"[^\W\d_]{3,}")  # (as factcheck.ingest: three letters or more, any script)
_LIST_MARK = re.compile(r"^(?:[-•*·–|>»›]\s|\d{1,2}[.)]\s)")
_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)")


def _log_words(n: int) -> float:
    return math.log1p(n) / 5.0  # (a 150-word paragraph is 1.0)


def _topic(text: str, stop: frozenset[str]) -> set[str]:
    return {w for w in _TOPIC_WORD.findall(text.lower()) if w not in stop}


def features(
    lines: Sequence[ingest._Line],
    kinds: Sequence[tuple[str, str]],
    span: tuple[int, int],
    stop: frozenset[str],
) -> list[list[float]]:
    """One feature vector (in the order of FEATURES) per line below the span (lines[span[1] + 1:])."""
    n = len(lines)
    lo, hi = span
    kept = [k[0] in ("body", "title") for k in kinds]
    prose = [kept[i] and lines[i].substantial for i in range(n)]
    vocab: set[str] = set()
    for i in range(lo, hi + 1):
        if kept[i]:
            vocab |= _topic(lines[i].text, stop)
    topic_share = [0.0] * n
    for i in range(n):
        if kept[i]:
            tw = _topic(lines[i].text, stop)
            topic_share[i] = len(tw & vocab) / len(tw) if tw else 0.0
    prose_after = [0] * (n + 1)  # kept paragraphs from line i on
    for i in range(n - 1, -1, -1):
        prose_after[i] = prose_after[i + 1] + prose[i]
    total_prose = max(1, prose_after[0])
    last_prose = hi  # (the span ends with a paragraph)
    out = []
    for i in range(hi + 1, n):
        ln = lines[i]
        tokens = _TOKEN.findall(ln.text)
        nt = max(1, len(tokens))
        letters = [t for t in tokens if t[:1].isalpha()]
        topic = _topic(ln.text, stop)
        window = [j for j in range(i - WINDOW, i + WINDOW + 1) if j != i and 0 <= j < n]
        near = max(1, len(window))
        kept_near = [j for j in window if kept[j]]
        out.append(
            [
                1.0,
                _log_words(ln.words),
                min(sum(len(t) for t in tokens) / nt, 15.0) / 10.0,
                sum(1 for t in letters if t[0].isupper()) / max(1, len(letters)),
                sum(1 for t in tokens if t.lower().strip(".,;:!?\"'()") in stop) / nt,
                sum(1 for t in tokens if any(c.isdigit() for c in t)) / nt,
                float(ln.full_stop_end),
                float(ln.sentence),
                float(ln.substantial),
                float(ln.text.rstrip("\"'”’»").endswith("?")),
                float(_LIST_MARK.match(ln.text) is not None),
                i / max(1, n - 1),
                math.log1p(i - hi) / 5.0,
                math.log1p(i - last_prose) / 5.0,
                len(topic & vocab) / len(topic) if topic else 0.0,
                float(len(topic) < 3),
                float(kept[i - 1]),
                float(i + 1 < n and kept[i + 1]),
                _log_words(lines[i - 1].words),
                _log_words(lines[i + 1].words) if i + 1 < n else 0.0,
                len(kept_near) / near,
                sum(prose[j] for j in window) / near,
                sum(_log_words(lines[j].words) for j in window) / near,
                sum(topic_share[j] for j in kept_near) / len(kept_near) if kept_near else 0.0,
                prose_after[i + 1] / total_prose,
            ]
        )
        if prose[i]:
            last_prose = i
    return out


@dataclass
class Page:
    """One page of the extra set, read once: the rules' article and lines, the reference, the examples."""

    file: str
    art: ingest.Article
    rec: dict[str, Any]
    gold: dict[str, Any]
    ref_text: str
    ref_grams: set[tuple[str, ...]]
    below: list[int] = field(default_factory=list)  # indices of the lines below the span
    x: list[list[float]] = field(default_factory=list)
    label: list[int] = field(default_factory=list)
    weight: list[float] = field(default_factory=list)
    lines: list[ingest._Line] = field(default_factory=list)
    kinds: list[tuple[str, str]] = field(default_factory=list)


def read_pages(base: Path, part: str) -> list[Page]:
    """The pages of ``part`` (A1, A2 or B) that trafilatura reads and whose language has claims."""
    pages = []
    for f, entry, html, rec, text in bench.readable_pages(base, lambda f: bench._in_part(f, part)):
        art = ingest.article_from_text(text, path=f, key=f)
        ref_text = bench.reference_text(rec, entry, bench.recall_text(html))
        page = Page(f, art, rec, entry, ref_text, bench.grams(ref_text))
        if ingest.claims_supported(art):
            _examples(page, text)
        pages.append(page)
    return pages


def _examples(page: Page, text: str) -> None:
    kind_at = {s.start: (s.kind, s.reason) for s in page.art.segments}
    lines = ingest._lines(text, ingest._front_matter(text)[0])
    kinds = [kind_at.get(ln.start, ("title", "")) for ln in lines]  # (a title line split in parts)
    span = ingest._prose_span(lines, kinds, [ln.substantial for ln in lines])
    if span is None:
        return
    page.lines, page.kinds = lines, kinds
    stop = ingest._stop_words(page.art.language)
    for i, x in zip(range(span[1] + 1, len(lines)), features(lines, kinds, span, stop), strict=True):
        t = bench.norm(lines[i].text)
        if not t:
            continue
        g = bench.grams(t)
        page.below.append(i)
        page.x.append(x)
        page.label.append(int(t in page.ref_text or len(g & page.ref_grams) >= 0.6 * len(g)))
        page.weight.append(1.0 + len(_SENTENCE_END.findall(lines[i].text)))


def fit(pages: list[Page], l2: float, rounds: int = 12) -> list[float]:
    """Logistic regression by Newton's method (iteratively reweighted least squares), L2 on all weights
    but the bias: weights over FEATURES."""
    k = len(FEATURES)
    w = [0.0] * k
    for _ in range(rounds):
        grad = [l2 * wi for wi in w]
        grad[0] = 0.0
        hess = [[l2 * (a == b and a > 0) for b in range(k)] for a in range(k)]
        for p in pages:
            for x, y, c in zip(p.x, p.label, p.weight, strict=True):
                q = prob(w, x)
                r, s = c * (q - y), c * q * (1.0 - q)
                for a in range(k):
                    if x[a] == 0.0:
                        continue
                    grad[a] += r * x[a]
                    row, sxa = hess[a], s * x[a]
                    for b in range(a, k):
                        row[b] += sxa * x[b]
        for a in range(k):
            for b in range(a):
                hess[a][b] = hess[b][a]
        w = [wi - si for wi, si in zip(w, solve(hess, grad), strict=True)]
    return w


def solve(m: list[list[float]], v: list[float]) -> list[float]:
    """m x = v by Gaussian elimination with partial pivoting (m is positive definite here)."""
    n = len(v)
    a = [[*row, v[i]] for i, row in enumerate(m)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(a[r][c]))
        a[c], a[p] = a[p], a[c]
        for r in range(c + 1, n):
            f = a[r][c] / a[c][c]
            for j in range(c, n + 1):
                a[r][j] -= f * a[c][j]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][j] * x[j] for j in range(r + 1, n))) / a[r][r]
    return x


def prob(w: Sequence[float], x: Sequence[float]) -> float:
    z = sum(wi * xi for wi, xi in zip(w, x, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class Kept(NamedTuple):
    """A line the rules keep as body below the article's span."""

    weight: float
    label: int
    words: int
    x: list[float]


def kept_lines(pages: list[Page]) -> list[Kept]:
    out = []
    for p in pages:
        for i, x, y, c in zip(p.below, p.x, p.label, p.weight, strict=True):
            if p.kinds[i][0] == "body":
                out.append(Kept(c, y, p.lines[i].words, x))
    return out


def ranking(pages: list[Page], w: list[float]) -> str:
    """Furniture weight the model ranks below the first 15+-word article line among the kept lines."""
    lines = sorted(kept_lines(pages), key=lambda e: prob(w, e.x))
    furniture = article = 0.0
    for e in lines:
        if e.label and e.words >= ingest.SUBSTANTIAL_WORDS:
            break
        if e.label:
            article += e.weight
        else:
            furniture += e.weight
    total = sum(e.weight for e in lines if not e.label)
    return f"{furniture:.0f} of {total:.0f} furniture weight (and {article:.0f} article weight)"


def aucs(pages: list[Page]) -> list[tuple[str, float]]:
    """Each feature's AUC (article over not) on the 15+-word lines the rules keep below the span."""
    long = [e for e in kept_lines(pages) if e.words >= ingest.SUBSTANTIAL_WORDS]
    pos = [e for e in long if e.label]
    neg = [e for e in long if not e.label]
    out = []
    for k, name in enumerate(FEATURES[1:], start=1):
        values = sorted(e.x[k] for e in pos)
        hits = 0.0
        for e in neg:
            lo, hi = bisect.bisect_left(values, e.x[k]), bisect.bisect_right(values, e.x[k])
            hits += len(values) - hi + 0.5 * (hi - lo)
        out.append((name, hits / max(1, len(values) * len(neg))))
    return sorted(out, key=lambda kv: -abs(kv[1] - 0.5))


def measure(pages: list[Page], w: list[float] | None, threshold: float) -> dict[str, list[int]]:
    """bench/ingest.py's raw-text figures for the rules alone (``w`` None) or with the model dropping the
    kept lines below the span under ``threshold``; and the hand labels (bench/ingest_leak_labels.tsv, 80
    leaked claims of half A) of the claims the model takes away ("dropped furniture|body|unclear")."""
    t = bench.Tally()
    labels = bench._leak_labels()
    labelled = {f for f, _t in labels}
    for p in pages:
        art = p.art
        if w is not None and p.below:
            drop = {
                p.lines[i].start
                for i, x in zip(p.below, p.x, strict=True)
                if p.kinds[i][0] == "body" and prob(w, x) < threshold
            }
            if drop:
                art = _with_segments(art, drop)
        claims = bench._claims(art)
        if art is not p.art and p.file in labelled:
            for c in {c for _s, c in bench._claims(p.art)} - {c for _s, c in claims}:
                label = bench._label_of(labels, p.file, c)
                if label is not None:
                    t.add(f"dropped {label}", True)
        t.count("leak", len(bench._leaks(claims, p.ref_text, p.ref_grams)), len(claims))
        kept = bench.kept_text(art)
        for s in p.gold["with"]:
            t.add("with", bench.norm(s) in kept)
        texts = [c for _s, c in claims]
        for s in p.gold["without"]:
            t.add("without-claims", not bench._in_claims(bench.norm(s), texts))
        body = bench.grams(kept)
        for para in str(p.rec.get("text") or "").split("\n"):
            if len(para.split()) >= ingest.SUBSTANTIAL_WORDS:
                g = bench.grams(bench.norm(para))
                t.add("para", len(g & body) >= 0.6 * len(g))
    return t.n


def _with_segments(art: ingest.Article, drop: set[int]) -> ingest.Article:
    """A copy of ``art`` whose segments starting at ``drop`` are furniture."""
    out = copy.copy(art)
    out.segments = [
        Segment(s.start, s.end, "furniture", "line model") if s.start in drop else s for s in art.segments
    ]
    return out


def _fmt(n: dict[str, list[int]], key: str) -> str:
    ok, total = n.get(key, [0, 0])
    return f"{ok}/{total} = {ok / total:.1%}" if total else "-"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extra", default=os.environ.get("FACTCHECK_EXTRA"))
    ap.add_argument("--l2", type=float, default=1.0, help="the L2 penalty of the fit")
    ap.add_argument("--half", choices=("B",), help="also measure half B (aggregate only: the clean figure)")
    args = ap.parse_args()
    if not args.extra or not (Path(args.extra) / "html").is_dir():
        sys.exit("bench/ingest_line_model.py: --extra DIR (trafilatura's evaluation format) is needed")
    base = Path(args.extra)
    parts = {part: read_pages(base, part) for part in ("A1", "A2", *((args.half,) if args.half else ()))}
    w = fit(parts["A1"], args.l2)
    print(f"logistic regression fitted on half A1 (L2 {args.l2}); weights:")
    print("  " + ", ".join(f"{name} {wi:+.2f}" for name, wi in zip(FEATURES, w, strict=True)))
    for part, pages in parts.items():
        lines = kept_lines(pages)
        art = sum(e.weight for e in lines if e.label)
        long = [e for e in lines if e.words >= ingest.SUBSTANTIAL_WORDS]
        long_art = sum(e.label for e in long)
        long_not = len(long) - long_art
        print(
            f"\n[{part}] {len(pages)} pages; lines below the article's span: "
            f"{sum(len(p.below) for p in pages)}, kept as body by the rules {len(lines)} "
            f"(weight: article {art:.0f}, not {sum(e.weight for e in lines) - art:.0f}; 15+ words: article "
            f"{long_art}, not {long_not})"
        )
        if part != "B":  # (half B: the figures of bench/ingest.py only)
            print(f"  ranked below the first 15+-word article line: {ranking(pages, w)}")
            top = ", ".join(f"{name} {auc:.2f}" for name, auc in aucs(pages)[:8])
            print(f"  AUC of single features on the 15+-word kept lines (article over not): {top}")
        rules = measure(pages, None, 0.0)
        print(f"  {'':<26}{'leakage':<22}{'with kept':<20}{'without not a claim':<22}{'15+ paragraphs kept'}")
        rows = [("rules alone", rules)] + [(f"rules + model < {t}", measure(pages, w, t)) for t in THRESHOLDS]
        for name, n in rows:
            print(
                f"  {name:<26}{_fmt(n, 'leak'):<22}{_fmt(n, 'with'):<20}{_fmt(n, 'without-claims'):<22}"
                f"{_fmt(n, 'para'):<22}"
                + ", ".join(
                    f"{lab} {n.get(f'dropped {lab}', [0, 0])[1]}" for lab in ("furniture", "body", "unclear")
                )
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
