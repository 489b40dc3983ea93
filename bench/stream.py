"""Grouping in a real news stream: ECB+ topics 1-35 mixed with the 110 real pages of realworld-dev as
distractors, all in ONE batch through the real pipeline.

Figures (each beside the rapidfuzz single-link baseline of bench/ecbplus.py, measured in the same run):

- ECB+ pairwise P/R/F1 in the mix (scored as bench/ecbplus.py does), on all topics, on the odd topics (the
  tuning half) and on the even topics (held out: never tuned on);
- distractor groups: groups whose claims come from two or more distractor articles; their number per 100
  distractor articles, their claims, the largest, and the suggestions they carry (per 100 distractor
  articles); groups that mix ECB+ and distractor claims;
- where the false-positive pairs come from (look-alike events of a topic, or sub-events of one story), odd
  and even topics apart;
- the ceiling of splitting: the F1 the groups would have if each were split perfectly into its gold events
  (an upper bound for any rule that splits groups, such as one event per group);
- stability: ECB+ alone vs ECB+ in the mix, the share of ECB+ claims whose group (restricted to ECB+ claims)
  is the same in both runs.

    python bench/stream.py [--limit-topics N] [--show] [--no-baseline] [--extra DIR] [--extract-cost N]

The pipeline extracts every sentence of a body (``pipeline.EVIDENCE_FLOOR``): those under the extractor's
floor are grouping evidence, no claims; the mix line counts them apart. ``--extract-cost N`` times the
extraction of N articles of the mix as the pipeline does it and with the extractor's default floor
(claims only), CPU time, alternated, best of 3.

``--show`` prints every distractor group with its claims, to be judged by hand. ``--extra DIR`` adds the web
pages of DIR (saved ``.html`` or trafilatura ``.json``, read-only) to the distractor stream beside
realworld-dev: a second, larger check that unrelated pages stay apart. Its pages are split in two halves by
a hash of the file name (sha1("extra:" + name) % 2, as bench/ingest.py does): each half is also grouped as a
batch of its own and its distractor groups counted; half A is the development half (``--show-half A``
prints its groups to be judged by hand), half B is only reported (never tuned on, never looked at). Set FACTCHECK_DATA to the
folder holding ecbplus-dev/ and realworld-dev/ (default: ../shared/data beside the repository).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ecbplus

REALWORLD = ecbplus.DATA.parent / "realworld-dev" / "json"
PREFIX = "zz_real_"  # distractor files are named so; ECB+ files are "<topic>_<n>ecb[plus].txt"


def build_corpus(docs: list[Any], distractors: list[Path]) -> tuple[Any, dict[str, list[tuple[int, int]]]]:
    from factcheck import pipeline

    with tempfile.TemporaryDirectory() as tmp:
        line_spans: dict[str, list[tuple[int, int]]] = {}
        for name, sents, _ in docs:
            (Path(tmp) / f"{name}.txt").write_text("\n".join(sents) + "\n", encoding="utf-8")
            spans, pos = [], 0
            for s in sents:
                spans.append((pos, pos + len(s)))
                pos += len(s) + 1
            line_spans[name] = spans
        for p in distractors:
            dest = Path(tmp) / f"{PREFIX}{p.name}"
            if dest.exists():  # the same file name in two distractor folders
                dest = Path(tmp) / f"{PREFIX}{p.parent.name}_{p.name}"
            shutil.copyfile(p, dest)
        corpus = pipeline.build([tmp], group=False)
    return corpus, line_spans


def run_grouping(corpus: Any, keys: set[str] | None = None, params: Any = None) -> dict[str, str]:
    """Claim id -> group id over the corpus's claims (only those of ``keys`` when given)."""
    from factcheck import grouping

    arts = {a.key: a for a in corpus.articles if keys is None or a.key in keys}
    claims = [c for c in corpus.all_claims() if c.article_key in arts]
    kwargs = {"params": params} if params is not None else {}
    groups = grouping.group_claims(claims, arts, **kwargs)
    run_grouping.groups = groups  # type: ignore[attr-defined]
    return {cid: g.id for g in groups for cid in g.claims}


def extra_half(name: str) -> str:
    """The half of the --extra set a page belongs to (the same split as bench/ingest.py's)."""
    return "A" if int(hashlib.sha1(f"extra:{name}".encode()).hexdigest(), 16) % 2 == 0 else "B"


def distractor_groups(
    groups: list[Any], by_id: dict[str, Any], dkeys: set[str]
) -> tuple[list[Any], list[Any]]:
    """The groups whose claims come from two or more distractor articles, and those mixing one distractor
    article with ECB+ claims."""
    dgroups, mixed_groups = [], []
    for g in groups:
        arts = {by_id[c].article_key for c in g.claims}
        d = arts & dkeys
        if len(d) >= 2:
            dgroups.append(g)
        elif d and arts - dkeys:
            mixed_groups.append(g)
    return dgroups, mixed_groups


def report_distractors(title: str, dgroups: list[Any], n_dist: int) -> None:
    per100 = 100 / max(1, n_dist)
    n_claims = sum(len(g.claims) for g in dgroups)
    largest = max((len(g.claims) for g in dgroups), default=0)
    n_sugg = sum(len(g.suggestions) for g in dgroups)
    print(
        f"{title}: {len(dgroups)} ({len(dgroups) * per100:.1f} per 100 articles; "
        f"target <= 1), {n_claims} claims, largest {largest} (target <= 30), {n_sugg} suggestions "
        f"({n_sugg * per100:.1f} per 100 articles; target <= 5)"
    )


def show_groups(gs: list[Any], by_id: dict[str, Any]) -> None:
    for g in gs:
        print(f"\n== {g.id} {len(g.claims)} claims: {g.why.get('summary')}")
        for cid in g.claims:
            c = by_id[cid]
            print(f"   [{c.article_key.removeprefix(PREFIX)[:28]}] {c.text[:150]!r}")
        for s in g.suggestions:
            print(f"   -> {s.kind}: {s.why}")


def ecb_items(corpus: Any, docs: list[Any], line_spans: dict[str, list[tuple[int, int]]], group_of):
    claims_by_doc: dict[str, list[Any]] = defaultdict(list)
    for c in corpus.all_claims():
        claims_by_doc[c.article_key.removesuffix(".txt")].append(c)
    items = []
    for name, _sents, gold in docs:
        for s, g in gold.items():
            ls, le = line_spans[name][s]
            groups = {
                group_of[c.id]
                for c in claims_by_doc.get(name, [])
                if c.id in group_of and c.start < le and c.end > ls
            }
            items.append((name, g, groups))
    return items


def scores(items) -> dict[str, tuple[float, float, float]]:
    def topic(name: str) -> int:
        return int(name.split("_", 1)[0])

    return {
        "all": ecbplus.pairwise(items)[:3],
        "odd (tuning)": ecbplus.pairwise([it for it in items if topic(it[0]) % 2])[:3],
        "even (held out)": ecbplus.pairwise([it for it in items if not topic(it[0]) % 2])[:3],
    }


def split_by_main_event(items):
    """The items as they would be if every predicted group were split perfectly into its gold events: each
    sentence keeps, of each of its groups, the part of the gold event most frequent in that group among
    its own events. An upper bound for any rule that splits groups (it never joins two groups); ECB+ gold
    sentences often name several events, so a split also loses true pairs."""
    freq: dict[str, Counter[str]] = defaultdict(Counter)
    for _d, gold, pred in items:
        for x in pred:
            freq[x].update(gold)
    out = []
    for d, gold, pred in items:
        parts = {f"{x}/{max(gold, key=lambda e: (freq[x][e], e))}" if gold else f"{x}/-" for x in pred}
        out.append((d, gold, parts))
    return out


def false_positives(items, dated: dict[str, bool]) -> Counter[str]:
    """Where the false-positive pairs of ``items`` come from. An ECB+ topic holds two look-alike events, one
    in its ``ecb`` documents and one in its ``ecbplus`` ones: a pair across the two is a look-alike error; a
    pair inside one side joins two sub-events of one story (the arrest and the shooting). Each is split by
    whether exactly one of the two documents has a publication date (in ECB+ the ``ecb`` documents never
    have one, so a rule on dates alone would mostly learn the corpus's split)."""
    out: Counter[str] = Counter()
    for (d1, g1, p1), (d2, g2, p2) in combinations(items, 2):
        if d1 == d2 or not p1 & p2 or g1 & g2:
            continue
        side = "look-alike event" if ("ecbplus" in d1) != ("ecbplus" in d2) else "sub-event of one story"
        out[f"{side}, {'dated/undated' if dated[d1] != dated[d2] else 'both alike'}"] += 1
    return out


def stability(alone: dict[str, str], mixed: dict[str, str], ids: list[str]) -> float:
    """Share of claims whose co-members (among ``ids``) are the same in both groupings."""

    def members(g: dict[str, str]) -> dict[str, frozenset[str]]:
        by: dict[str, set[str]] = defaultdict(set)
        for c in ids:
            if c in g:
                by[g[c]].add(c)
        return {c: frozenset(by[g[c]]) if c in g else frozenset({c}) for c in ids}

    a, m = members(alone), members(mixed)
    return sum(a[c] == m[c] for c in ids) / max(1, len(ids))


def extract_cost(corpus: Any, n: int) -> None:
    """CPU time per article of the extraction as the pipeline does it (every sentence, those under the floor
    as grouping evidence) beside the extractor's default (claims only), alternated, best of 3."""
    from factcheck import extract, pipeline

    floor = getattr(pipeline, "EVIDENCE_FLOOR", None)
    arts = corpus.articles[:: max(1, len(corpus.articles) // n)][:n]
    times = [extract._times_for(a) for a in arts]
    best: dict[str, float] = {}
    runs = {"claims only (default floor)": {}, f"pipeline (floor {floor})": {"min_score": floor}}
    if floor is None:
        runs = {"claims only (default floor)": {}}
    for _ in range(3):
        for name, kw in runs.items():
            t0 = time.process_time()
            for a, tm in zip(arts, times, strict=True):
                extract.extract(a, times=tm, **kw)
            best[name] = min(best.get(name, float("inf")), time.process_time() - t0)
    for name, t in best.items():
        print(
            f"extraction of {len(arts)} articles (times given), {name}: {t / len(arts) * 1e6:,.0f} µs/article CPU"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit-topics", type=int, default=None)
    ap.add_argument("--show", action="store_true", help="print every distractor group")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--extra", type=Path, default=None, help="more distractor pages (.html or .json)")
    ap.add_argument(
        "--extract-cost", type=int, default=0, metavar="N", help="time the extraction of N articles"
    )
    ap.add_argument(
        "--show-half", choices=("A",), default=None, help="print the distractor groups of the --extra half A"
    )
    args = ap.parse_args()
    if not (ecbplus.DATA / "docs").is_dir() or not REALWORLD.is_dir():
        print(f"data not found at {ecbplus.DATA.parent} (set FACTCHECK_DATA)", file=sys.stderr)
        return 2
    docs = list(ecbplus.load_docs(args.limit_topics))
    distractors = sorted(REALWORLD.glob("*.json"))
    if args.extra is not None:
        if not args.extra.is_dir():
            print(f"{args.extra}: not a folder", file=sys.stderr)
            return 2
        extra = sorted(p for p in args.extra.iterdir() if p.suffix in (".html", ".htm", ".json"))
        print(f"extra distractors: {len(extra)} pages from {args.extra}")
        distractors += extra
    from factcheck import extract

    t0 = time.perf_counter()
    corpus, line_spans = build_corpus(docs, distractors)
    t_build = time.perf_counter() - t0
    dkeys = {a.key for a in corpus.articles if a.key.startswith(PREFIX)}
    n_dist = len(dkeys)
    claims = corpus.all_claims()
    by_id = {c.id: c for c in claims}
    n_dclaims = sum(c.article_key in dkeys for c in claims)
    floor = getattr(extract, "MIN_SCORE", 0.0)
    n_evidence = sum(c.score < floor and not c.manual for c in claims)
    print(
        f"mix: {len(docs)} ECB+ documents + {n_dist} distractor pages; {len(claims)} claims and sentences "
        f"({n_dclaims} from distractors; {n_evidence} under the floor {floor}: grouping evidence, no claims); "
        f"extraction {t_build:.1f} s"
    )
    if args.extract_cost:
        extract_cost(corpus, args.extract_cost)
    t0 = time.perf_counter()
    mixed = run_grouping(corpus)
    t_group = time.perf_counter() - t0
    groups = run_grouping.groups  # type: ignore[attr-defined]
    ecb_keys = {a.key for a in corpus.articles if a.key not in dkeys}
    alone = run_grouping(corpus, ecb_keys)
    items = ecb_items(corpus, docs, line_spans, mixed)
    print(f"grouping the mix: {t_group:.1f} s, {len(groups)} groups")
    print(f"{'ECB+ pairwise in the mix':<34} {'P':>6} {'R':>6} {'F1':>6}")
    for split, (p, r, f) in scores(items).items():
        print(f"  factcheck, {split:<23} {p:6.3f} {r:6.3f} {f:6.3f}")
    for split, (p, r, f) in scores(split_by_main_event(items)).items():
        print(f"  {'ceiling of splitting, ' + split:<32} {p:6.3f} {r:6.3f} {f:6.3f}")
    if not args.no_baseline:
        bitems, _ = ecbplus.run_baseline(docs)
        for split, (p, r, f) in scores(bitems).items():
            print(f"  baseline single-link 60, {split:<9} {p:6.3f} {r:6.3f} {f:6.3f}")
    dated = {a.key.removesuffix(".txt"): a.published is not None for a in corpus.articles}
    for split, part in (("odd", 1), ("even", 0)):
        fps = false_positives([it for it in items if int(it[0].split("_", 1)[0]) % 2 == part], dated)
        print(
            f"false-positive pairs, {split} topics ({sum(fps.values())}): "
            + "; ".join(f"{k} {n}" for k, n in sorted(fps.items()))
        )
    ecb_ids = [c.id for c in claims if c.article_key in ecb_keys]
    print(
        f"stability: {stability(alone, mixed, ecb_ids):.4f} of ECB+ claims keep their group with the distractors in"
    )

    dgroups, mixed_groups = distractor_groups(groups, by_id, dkeys)
    report_distractors("distractor groups (2+ distractor articles)", dgroups, n_dist)
    print(f"groups mixing ECB+ and distractor claims: {len(mixed_groups)}")
    kinds = Counter(s.kind for g in groups for s in g.suggestions)
    print(f"suggestions in the whole mix: {dict(sorted(kinds.items()))}")
    if args.show:
        show_groups(dgroups + mixed_groups, by_id)
    if args.extra is not None:
        names = {f"{PREFIX}{p.name}" for p in extra}
        for half in ("A", "B"):
            keys = {k for k in dkeys if k in names and extra_half(k.removeprefix(PREFIX)) == half}
            run_grouping(corpus, keys)
            hgroups, _ = distractor_groups(run_grouping.groups, by_id, keys)  # type: ignore[attr-defined]
            role = "development" if half == "A" else "held out, only reported"
            report_distractors(f"extra half {half} alone ({len(keys)} pages, {role})", hgroups, len(keys))
            if args.show_half == half:
                show_groups(hgroups, by_id)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
