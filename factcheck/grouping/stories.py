"""Stories: articles clustered by the words of their bodies (TF-IDF cosine, average linkage), split when a
story holds two look-alike events, strays attached, pieces of one story joined."""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from factcheck.grouping.features import _content_tokens, _cosine, _Feat
from factcheck.grouping.linkage import _average_linkage
from factcheck.grouping.params import DEFAULT, Params


@dataclass(slots=True)
class StoryMemo:
    """What stories reuse from the last grouping of a batch (``GroupingState``): each article's term counts,
    by its fingerprint; the document frequencies then (updated by the articles added and gone); and each
    bisection of a story by its articles' fingerprints: the two sides it proposed, reused for the same
    articles, and whether they held, reused while none of their TF-IDF vectors changed (same fingerprint,
    the batch's size and their terms' document frequencies in the same steps: ``_df_update``)."""

    docs: dict[str, Counter[str]] = field(default_factory=dict)
    df: Counter[str] | None = None  # the document frequencies of ``docs`` (None: not known)
    # a story's articles' fingerprints (in batch order) -> the two sides its words propose (places in that
    # tuple, ``_two_sides``) or None, and whether the split held in the batch's vectors then
    splits: dict[tuple[str, ...], tuple[tuple[list[int], list[int]] | None, bool]] = field(
        default_factory=dict
    )
    # the pairs of articles compared (by fingerprints, in batch order) -> their cosine
    sims: dict[tuple[str, str], float] = field(default_factory=dict)
    # an article's top terms (by fingerprint): the terms its TF-IDF vector weighs most, in that order (an
    # article whose vector is last time's has last time's, so its vector need not be made again)
    top: dict[str, list[str]] = field(default_factory=dict)
    # two stories' articles' fingerprints (each in batch order) -> how close the two are (``_merge_stories``)
    closeness: dict[tuple[tuple[str, ...], tuple[str, ...]], float] = field(default_factory=dict)
    # how many articles' TF-IDF vectors the last grouping could not take as last time's (all of them from
    # scratch; after an edit, the edited articles' and those of the articles using a word whose weight moved)
    vectors_moved: int = 0
    # a connected part of the graph of the article pairs compared that can join stories (``_join_floor``; its
    # articles' fingerprints, in batch order; parts of two articles or more) -> its stories: for each of its
    # articles, the place in the part of its story's first article (``_by_part``)
    parts: dict[tuple[str, ...], list[int]] = field(default_factory=dict)
    # the terms whose document frequency the last grouping may have moved: those of the articles new or
    # gone since the run before (None: not known, from scratch)
    moved: set[str] | None = None
    # how many articles' stories the last grouping made again (the articles of the parts it could not take
    # as last time's: all of them from scratch)
    stories_made: int = 0


def _level(n: int, step: float) -> float:
    """log(1 + n) rounded to ``step`` (not rounded when ``step`` is 0): an article count as a word weight
    reads it (``Params.doc_idf_step``)."""
    x = math.log1p(n)
    return round(x / step) * step if step else x


class _Idf(dict[str, float]):
    """The inverse document frequency of a term, log((1 + n_docs) / (1 + df)) with both counts taken in
    steps (``_level``), computed when first asked for (a regrouping after one change weighs the terms of a
    few articles only)."""

    def __init__(self, df: Mapping[str, int], n_docs: int, step: float):
        super().__init__()
        self.df, self.step = df, step
        self.top = _level(n_docs, step)

    def __missing__(self, t: str) -> float:
        v = self[t] = self.top - _level(self.df[t], self.step)
        return v


class _DocVectors(Sequence[dict[str, float]]):
    """Each article's TF-IDF unit vector (log-scaled term counts ``tf``, weights ``idf``), made when first
    asked for: after one change, only the articles compared again need theirs."""

    def __init__(self, tf: Sequence[Counter[str]], idf: Mapping[str, float]):
        self.tf, self.idf = tf, idf
        self.made: dict[int, dict[str, float]] = {}

    def __len__(self) -> int:
        return len(self.tf)

    def __getitem__(self, d: int) -> dict[str, float]:  # type: ignore[override]  # (no slices)
        got = self.made.get(d)
        if got is None:
            idf = self.idf
            v = {t: (1 + math.log(n)) * idf[t] for t, n in self.tf[d].items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            got = self.made[d] = {t: x / norm for t, x in v.items()}
        return got


def _doc_clusters(
    feats: list[_Feat],
    n_docs: int,
    doc_years: list[str | None],
    bodies: Sequence[str] | None = None,
    p: Params = DEFAULT,
    fps: Sequence[str] | None = None,
    memo: StoryMemo | None = None,
    profiled: Callable[[_Feat], bool] | None = None,
    by_doc: Mapping[int, Sequence[_Feat]] | None = None,
) -> list[int]:
    """Cluster articles by TF-IDF cosine over their body words (average linkage). With ``memo`` (and the
    articles' fingerprints ``fps``), an article's term counts are last time's when it did not change.
    ``profiled``: which claims' features make their article's profile (all when None), asked only of the
    articles whose term counts are made (after one change, of that article alone: a state's claims read
    their words when first asked, ``state.LazyFeat``). ``by_doc``: each article's claims' features, in
    batch order (then only those of the articles whose term counts are made are gone through)."""
    old = memo.docs if memo is not None and fps is not None else {}
    need = {d for d in range(n_docs) if fps is None or fps[d] not in old}
    made = feats if by_doc is None else [f for d in sorted(need) for f in by_doc[d]]
    counted = [f for f in made if f.doc in need and (profiled is None or profiled(f))]
    lang = [""] * n_docs
    for f in counted:
        lang[f.doc] = f.lang or ""
    tf: list[Counter[str]] = [Counter() if d in need else old[fps[d]] for d in range(n_docs)]  # type: ignore[index]
    if bodies is not None:
        for d in sorted(need):
            tf[d].update(_content_tokens(bodies[d], lang[d] or None))
    for f in counted:
        if bodies is None or not bodies[f.doc]:
            tf[f.doc].update(set(f.tokens))
        if p.doc_entity_weight:
            for e in f.entities:
                tf[f.doc]["e:" + e] += p.doc_entity_weight
    unchanged = [False] * n_docs  # (with a memo) the article's TF-IDF vector is last time's
    if memo is not None and fps is not None and memo.df is not None:
        df, unchanged = _df_update(memo, fps, tf, need, p)
    else:
        if memo is not None:
            memo.moved = None
        df = Counter()
        for c in tf:
            df.update(c.keys())
    if memo is not None and fps is not None:
        memo.docs = {fps[d]: tf[d] for d in range(n_docs)}
        memo.df = df
        memo.vectors_moved = unchanged.count(False)
    vecs = _DocVectors(tf, _Idf(df, n_docs, p.doc_idf_step))  # (each made when first needed: the same floats)
    known = memo.top if memo is not None and fps is not None else {}
    top: list[list[str]] = []
    for d in range(n_docs):
        got = known.get(fps[d]) if fps is not None and unchanged[d] else None
        if got is None:
            v = vecs[d]
            got = sorted(v, key=lambda t: -v[t])[: p.doc_top_terms]
        top.append(got)
    if memo is not None and fps is not None:
        memo.top = {fps[d]: top[d] for d in range(n_docs)}
    cap = _posting_cap(n_docs, p)
    postings: dict[str, list[int]] = defaultdict(list)
    for d, terms in enumerate(top):
        for t in terms:
            if df[t] <= cap:
                postings[t].append(d)
    # A pair of articles is compared when they share p.doc_shared_min of their top terms.
    if memo is not None and fps is not None and any(unchanged):
        shared, sims = _memo_pairs(memo, fps, unchanged, postings, p.doc_shared_min)
    else:
        shared, sims = Counter(), {}
        for docs in postings.values():
            for i, a in enumerate(docs):
                shared.update((a, b) for b in docs[i + 1 :])
    for (a, b), k in shared.items():
        if k >= p.doc_shared_min:
            va, vb = vecs[a], vecs[b]
            if len(va) > len(vb):
                va, vb = vb, va
            sims[(a, b)] = sum([x * vb[t] for t, x in va.items() if t in vb])
    sims = dict(sorted(sims.items()))  # (one order whichever way they came: sums over them are the same)
    if memo is not None and fps is not None:
        memo.sims = {(fps[a], fps[b]): sc for (a, b), sc in sims.items()}
    years: list[set[str]] = [({y} if y else set()) for y in doc_years]
    if memo is None or fps is None:
        return _first_labels(_stories(sims, n_docs, tf, vecs, years, p))
    return _by_part(memo, fps, unchanged, sims, tf, vecs, years, p)


def _stories(
    sims: Mapping[tuple[int, int], float],
    n_docs: int,
    tf: list[Counter[str]],
    vecs: Sequence[dict[str, float]],
    years: list[set[str]],
    p: Params,
    memo: tuple[StoryMemo, Sequence[str], list[bool]] | None = None,
) -> list[int]:
    """The stories of the articles (a label per article): average linkage over the pairs compared (``sims``),
    stories of two look-alike events split, strays attached, pieces of one story joined. Every step joins
    or compares articles along those pairs only, and joins them only along pairs of ``_join_floor`` or
    more, so the stories of a connected part of the graph of those pairs are a function of that part alone
    (``_by_part``). With ``memo`` (the memo, the articles' fingerprints and which articles' vectors are last
    time's), the bisections and closeness of last time are reused."""
    label = _average_linkage(
        n_docs,
        sims,
        edge_min=p.doc_sim_min,
        avg_min=p.doc_sim_min,
        states=years,
        compatible_states=lambda a, b: not (a and b and not (a & b)),
        merge_states=lambda a, b: a | b,
    )
    if memo is not None:
        label = _split_stories(label, tf, vecs, p, _memo_bisect(*memo, tf, vecs, p))
    else:
        label = _split_stories(label, tf, vecs, p)
    label = _attach_strays(label, sims, vecs, years, p)
    if memo is None:
        return _merge_stories(label, sims, vecs, tf, p)
    return _merge_stories(label, sims, vecs, tf, p, _memo_closeness(*memo))


def _first_labels(label: Sequence[int]) -> list[int]:
    """The same stories, each labelled by its first article (the lowest index): a story's label says which
    articles are in it, whatever order its steps ran in (and it is never another article's own index)."""
    first: dict[int, int] = {}
    return [first.setdefault(lab, d) for d, lab in enumerate(label)]


def _parts(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected parts of the graph of ``n`` articles with edges ``pairs`` (each part's articles in
    ascending order; parts in the order of their first article)."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    out: dict[int, list[int]] = {}
    for d in range(n):
        out.setdefault(find(d), []).append(d)
    return list(out.values())


def _by_part(
    memo: StoryMemo,
    fps: Sequence[str],
    unchanged: list[bool],
    sims: Mapping[tuple[int, int], float],
    tf: list[Counter[str]],
    vecs: Sequence[dict[str, float]],
    years: list[set[str]],
    p: Params,
) -> list[int]:
    """``_first_labels(_stories(...))``, with the stories of a connected part of the article-pair graph taken
    from last time when the part is last time's: the same articles (fingerprints, in the same order), each
    with last time's vector. Then the pairs compared among them are last time's with the same cosines
    (``_memo_pairs``), no pair that can join two stories leaves the part, and their years and term counts
    are their fingerprints', so every step of ``_stories`` gives the part what it gave it then. A part is
    connected by the pairs that can join (``_join_floor``), not by every pair compared: a weaker pair joins
    nothing, and it tied unrelated stories into large parts (on the reopen bench's batch, after one body
    edit, the stories of 517 of 941 articles were made again, the largest part holding 267; 297 with parts
    of the pairs that can join, the largest 98).
    The other parts' stories are made (by ``_stories`` on the pairs among their articles alone); the
    bisections and closeness of the parts taken are kept for the next run, and each part's stories are left
    in ``memo.parts``."""
    before, memo.parts = memo.parts, {}
    label = list(range(n_docs := len(fps)))
    made: set[int] = set()  # the articles of the parts whose stories are made
    floor = _join_floor(p)
    joining = (pair for pair, sc in sims.items() if sc >= floor)
    parts = [part for part in _parts(n_docs, joining) if len(part) > 1]
    for part in parts:
        got = before.get(tuple(fps[d] for d in part)) if all(unchanged[d] for d in part) else None
        if got is None:
            made.update(part)
        else:
            for d, x in zip(part, got, strict=True):
                label[d] = part[x]
    splits, closeness = memo.splits, memo.closeness
    if made:
        own = {(a, b): sc for (a, b), sc in sims.items() if a in made and b in made}
        now = _first_labels(_stories(own, n_docs, tf, vecs, years, p, (memo, fps, unchanged)))
        for d in made:
            label[d] = now[d]
    else:
        memo.splits, memo.closeness = {}, {}
    # (a bisection or a closeness is of the articles of one story: of one part)
    kept = {fps[d] for part in parts for d in part if d not in made}
    memo.splits.update((k, v) for k, v in splits.items() if k[0] in kept)
    memo.closeness.update((k, v) for k, v in closeness.items() if k[0][0] in kept)
    for part in parts:
        at = {d: x for x, d in enumerate(part)}
        memo.parts[tuple(fps[d] for d in part)] = [at[label[d]] for d in part]
    memo.stories_made = len(made)
    return label


def _join_floor(p: Params) -> float:
    """The weakest article pair that can join two articles' stories in ``_stories``, so that the stories of a
    connected part of the pairs at least this strong are a function of that part alone (``_by_part``): the
    linkage merges along pairs of ``doc_sim_min`` or more; a stray joins a story through a pair of
    ``attach_factor`` of it or more; two stories merge only when their blocked pairs' mean reaches
    ``merge_min`` of it, which no sum of weaker pairs does (lowered by a relative 1e-9 so that the rounding
    of those sums cannot make it); a split only cuts a story. A weaker pair is compared, and it adds to the
    sums between two stories of one part, but it joins no two parts."""
    return p.doc_sim_min * min(1.0, p.attach_factor, p.merge_min) * (1 - 1e-9)


def _posting_cap(n_docs: int, p: Params) -> int:
    """The most articles a word compared on may be in (``Params.doc_posting_max``, ``doc_posting_share``)."""
    return min(max(8, int(n_docs * p.doc_posting_share)), p.doc_posting_max)


def _df_update(
    memo: StoryMemo, fps: Sequence[str], tf: list[Counter[str]], need: set[int], p: Params
) -> tuple[Counter[str], list[bool]]:
    """The document frequencies from last time's (``memo.df``), the articles gone and the new ones; and
    which articles' TF-IDF vectors are last time's: an unchanged article, whose terms all weigh as last
    time (the batch's size and their document frequencies in the same steps, ``_level``) and are
    compared on as last time (on the same side of the posting cap)."""
    assert memo.df is not None
    df = Counter(memo.df)
    now = set(fps)
    moved: set[str] = set()
    for fp, counts in memo.docs.items():
        if fp not in now:
            df.subtract(counts.keys())
            moved.update(counts)
    for d in need:
        df.update(tf[d].keys())
        moved.update(tf[d])
    for t in [t for t in moved if df[t] <= 0]:
        del df[t]
    memo.moved = moved
    step, n_then, n_now = p.doc_idf_step, len(memo.docs), len(fps)
    cap_then, cap_now = _posting_cap(n_then, p), _posting_cap(n_now, p)

    def same(t: str) -> bool:
        a, b = memo.df.get(t, 0), df.get(t, 0)  # type: ignore[union-attr]  # (asserted above)
        return _level(a, step) == _level(b, step) and (a <= cap_then) == (b <= cap_now)

    changed = {t for t in moved if not same(t)}
    same_n = _level(n_then, step) == _level(n_now, step)
    # (a dict's keys tested against a set go through the smaller: ``changed`` holds a few terms, where
    # ``changed.isdisjoint(tf[d])`` would go through every term of every article)
    unchanged = [same_n and d not in need and tf[d].keys().isdisjoint(changed) for d in range(n_now)]
    return df, unchanged


def _memo_pairs(
    memo: StoryMemo,
    fps: Sequence[str],
    unchanged: list[bool],
    postings: Mapping[str, list[int]],
    shared_min: int,
) -> tuple[Counter[tuple[int, int]], dict[tuple[int, int], float]]:
    """The top terms two articles share, counted for the pairs with an article whose vector changed; and
    the cosines of last time for the others: two articles whose vectors are last time's have the same top
    terms, so they are compared as last time, with the same cosine (a pair now in the other order is
    compared again: its cosine may sum in another order)."""
    place = {fp: d for d, fp in enumerate(fps)}
    sims: dict[tuple[int, int], float] = {}
    shared: Counter[tuple[int, int]] = Counter()
    for (fa, fb), sc in memo.sims.items():
        a, b = place.get(fa), place.get(fb)
        if a is not None and b is not None and unchanged[a] and unchanged[b]:
            if a < b:
                sims[(a, b)] = sc
            else:
                shared[(b, a)] = shared_min
    for docs in postings.values():
        if all(unchanged[d] for d in docs):
            continue
        for i, a in enumerate(docs):
            shared.update((a, b) for b in docs[i + 1 :] if not (unchanged[a] and unchanged[b]))
    return shared, sims


def _memo_bisect(
    memo: StoryMemo,
    fps: Sequence[str],
    unchanged: list[bool],
    tf: list[Counter[str]],
    vecs: Sequence[dict[str, float]],
    p: Params,
) -> Callable[[list[int]], tuple[list[int], list[int]] | None]:
    """``_bisect`` of a story, from last time's for the same articles: the two sides it proposes are a
    function of their term counts alone (``_two_sides``: word weights taken among them), so they are last
    time's; whether the split holds reads the batch's vectors, and is last time's answer only when none of
    them changed. The bisections of this run are left in ``memo.splits`` for the next."""
    before, memo.splits = memo.splits, {}

    def bisect(ms: list[int]) -> tuple[list[int], list[int]] | None:
        key = tuple(fps[m] for m in ms)
        got = before.get(key)
        if got is None:
            sides, holds = _two_sides(ms, tf, p), None
        else:
            sides, holds = got
        if holds is None or not all(unchanged[m] for m in ms):
            holds = sides is not None and _split_holds(ms, sides, vecs, p)
        memo.splits[key] = (sides, holds)
        if sides is None or not holds:
            return None
        return _split_at(ms, sides)

    return bisect


def _memo_closeness(
    memo: StoryMemo, fps: Sequence[str], unchanged: list[bool]
) -> Callable[[list[int], list[int], Callable[[], float]], float]:
    """How close two stories are (``_merge_stories``), or last time's for the same articles when none of
    their vectors changed (it is a function of their vectors and term counts alone; the summed cosines
    between them sum the same pairs in the same order); this run's are left in ``memo.closeness``."""
    before, memo.closeness = memo.closeness, {}

    def known(a: list[int], b: list[int], compute: Callable[[], float]) -> float:
        key = (tuple(fps[m] for m in a), tuple(fps[m] for m in b))
        got = before.get(key)
        if got is None or not all(unchanged[m] for m in (*a, *b)):
            got = compute()
        memo.closeness[key] = got
        return got

    return known


def _summed(vectors: list[dict[str, float]]) -> tuple[dict[str, float], float]:
    """The sum of articles' vectors and the sum of their self-products. The vectors are unit length (or empty),
    so the cosines summed between two sets of articles are the dot product of their sums, and those within a set
    ``_inner`` of its sum: each set's vectors are summed once, not every pair's cosine made."""
    acc: dict[str, float] = {}
    for v in vectors:
        for t, x in v.items():
            acc[t] = acc.get(t, 0.0) + x
    return acc, sum(_cosine(v, v) for v in vectors)


def _inner(total: dict[str, float], selfdot: float) -> float:
    """The cosines summed over the pairs of a set of articles, from ``_summed``'s sum and self-products:
    (|sum|^2 - self-products) / 2."""
    return (_cosine(total, total) - selfdot) / 2


def _merge_stories(
    label: list[int],
    sims: Mapping[tuple[int, int], float],
    vecs: Sequence[dict[str, float]],
    tf: list[Counter[str]],
    p: Params = DEFAULT,
    known: Callable[[list[int], list[int], Callable[[], float]], float] | None = None,
) -> list[int]:
    """Join two stories whose articles are as close across as they are within (the mirror of the split
    test): one event's coverage that the average linkage left in pieces. Story pairs come from the blocked
    article pairs; a pair whose blocked similarity already falls far short is not looked at further, the
    others get exact sums over all their article pairs. Best pair first; a merge adds the sums.

    Two stories the split would take apart again are left apart: with word weights taken inside their
    union, what they share weighs nothing and their own words decide (two emergency patches of one
    browser five years apart, each story with its own dates, versions and names).

    ``known(a, b, compute)``: how close two stories (their articles) are, as ``compute()`` tells it or
    as it was last time (``_memo_closeness``)."""
    members: dict[int, list[int]] = defaultdict(list)
    for d, lab in enumerate(label):
        members[lab].append(d)
    blocked: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), sc in sims.items():
        a, b = label[i], label[j]
        if a != b:
            blocked[a][b] = blocked[a].get(b, 0.0) + sc
            blocked[b][a] = blocked[b].get(a, 0.0) + sc
    bar = p.doc_sim_min * p.merge_min
    # The summed cosines between two stories and within one, from each story's summed vector (``_summed``),
    # made for a story when first needed (most stories are never compared past the blocked pairs' test)
    total: dict[int, dict[str, float]] = {}
    selfdot: dict[int, float] = {}

    def summed(lab: int) -> dict[str, float]:
        if lab not in total:
            total[lab], selfdot[lab] = _summed([vecs[m] for m in members[lab]])
        return total[lab]

    inner: dict[int, float] = {}

    def within(lab: int) -> float:
        if lab not in inner:
            inner[lab] = _inner(summed(lab), selfdot[lab])
        return inner[lab]

    def cross(a: int, b: int) -> float:
        return _cosine(summed(a), summed(b))

    def ratio(a: int, b: int) -> float:
        na, nb = len(members[a]), len(members[b])
        if na < 2 or nb < 2 or blocked[a].get(b, 0.0) / (na * nb) < bar:
            return 0.0  # a lone article is left to _attach_strays; or even the blocked pairs say no
        if known is not None and version[a] == version[b] == 0:  # (two stories as they came)
            return known(members[a], members[b], lambda: closeness(a, b, na, nb))
        return closeness(a, b, na, nb)

    def closeness(a: int, b: int, na: int, nb: int) -> float:
        cohesion = [within(x) / (n * (n - 1) / 2) for x, n in ((a, na), (b, nb))]
        if min(cohesion) <= 0:
            return 0.0
        mean = cross(a, b) / (na * nb)
        if mean < bar or mean / min(cohesion) < p.merge_ratio:
            return 0.0
        if min(na, nb) >= p.split_min_side and _apart(members[a], members[b], tf, p):
            return 0.0
        return mean / min(cohesion)

    version: Counter[int] = Counter()
    # A tie in closeness is broken by the stories' first articles (batch order), not by their labels: a
    # split story's label comes from a batch-wide counter, so the stories of one part are merged in the
    # same order whichever other parts were made with them (``_by_part``). The story with the earlier
    # first article is the one that stays.
    first = {lab: ms[0] for lab, ms in members.items()}
    heap: list[tuple[float, int, int, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        if first[b] < first[a]:
            a, b = b, a
        r = ratio(a, b)
        if r >= p.merge_ratio:
            heapq.heappush(heap, (-r, first[a], first[b], a, b, version[a], version[b]))

    for a in sorted(blocked):
        for b in blocked[a]:
            if a < b:
                push(a, b)
    while heap:
        _, _, _, a, b, va, vb = heapq.heappop(heap)
        if version[a] != va or version[b] != vb or a not in members or b not in members:
            continue
        acc = summed(a)  # (both made before their members are joined)
        summed(b)
        for t, x in total.pop(b).items():
            acc[t] = acc.get(t, 0.0) + x
        selfdot[a] += selfdot.pop(b)
        inner.pop(a, None)
        for c, w in blocked.pop(b).items():
            if c == a:
                continue
            blocked[a][c] = blocked[a].get(c, 0.0) + w
            blocked[c][a] = blocked[c].get(a, 0.0) + w
            blocked[c].pop(b, None)
        blocked[a].pop(b, None)
        members[a].extend(members.pop(b))
        version[a] += 1
        for c in sorted(blocked[a]):
            push(a, c)
    out = list(label)
    for lab, ms in members.items():
        for m in ms:
            out[m] = lab
    return out


def _attach_strays(
    label: list[int],
    sims: Mapping[tuple[int, int], float],
    vecs: Sequence[dict[str, float]],
    years: list[set[str]],
    p: Params = DEFAULT,
) -> list[int]:
    """An article left alone joins the story it is closest to on average (exact cosines over all the story's
    articles, not only the pairs the blocking found), when that mean clears the story bar."""
    members: dict[int, list[int]] = defaultdict(list)
    for d, lab in enumerate(label):
        members[lab].append(d)
    bar = p.doc_sim_min * p.attach_factor
    alone = {ms[0] for ms in members.values() if len(ms) == 1}
    # a story is a candidate when one of its articles, found by the blocking, already clears the bar
    near: dict[int, set[int]] = defaultdict(set)
    for (i, j), sc in sims.items():
        if sc >= bar:
            if i in alone:
                near[i].add(label[j])
            if j in alone:
                near[j].add(label[i])
    out = list(label)
    total: dict[int, dict[str, float]] = {}  # summed article vectors of a story
    for d in sorted(near):
        lab = label[d]
        best, best_lab = 0.0, None
        for lab2 in sorted(near[d] - {lab}):
            ms = members[lab2]
            if len(ms) < 2:
                continue
            ys = set().union(*(years[m] for m in ms))
            if years[d] and ys and not _years_near(years[d], ys, p.attach_year_gap):
                continue
            if lab2 not in total:
                acc: dict[str, float] = {}
                for m in ms:
                    for t, x in vecs[m].items():
                        acc[t] = acc.get(t, 0.0) + x
                total[lab2] = acc
            mean = _cosine(vecs[d], total[lab2]) / len(ms)  # unit vectors: the mean cosine to the story
            if mean > best:
                best, best_lab = mean, lab2
        if best_lab is not None and best >= bar:
            out[d] = best_lab
    return out


def _years_near(a: set[str], b: set[str], gap: int) -> bool:
    """Whether two sets of dominant years hold years at most ``gap`` apart (0: a year in common)."""
    return any(abs(int(x) - int(y)) <= gap for x in a for y in b)


def _split_stories(
    label: list[int],
    tf: list[Counter[str]],
    vecs: Sequence[dict[str, float]],
    p: Params = DEFAULT,
    bisect: Callable[[list[int]], tuple[list[int], list[int]] | None] | None = None,
) -> list[int]:
    """Split a story cluster that holds two look-alike events (two fires at the same supermarket chain, two
    games between different teams): inside the cluster, words shared by all its articles carry no weight
    (local IDF), and a split is kept only when each side has words of its own ("Banstead", "Surrey" on one
    side, "Wellington", "Somerset" on the other) that the other side hardly uses."""
    members: dict[int, list[int]] = defaultdict(list)
    for d, lab in enumerate(label):
        members[lab].append(d)
    out = list(label)
    next_label = max(label, default=-1) + 1
    todo = [ms for ms in members.values() if len(ms) >= 2 * p.split_min_side]
    while todo:
        ms = todo.pop()
        sides = _bisect(ms, tf, vecs, p) if bisect is None else bisect(ms)
        if sides is None:
            continue
        for m in sides[1]:
            out[m] = next_label
        next_label += 1
        todo.extend(s for s in sides if len(s) >= 2 * p.split_min_side)
    return out


def _local_vectors(ms: Sequence[int], tf: list[Counter[str]]) -> list[dict[str, float]]:
    """TF-IDF unit vectors of articles ``ms`` with the IDF taken among them alone: a word all of them use
    weighs nothing, a word of one article only is left out."""
    n = len(ms)
    df: Counter[str] = Counter()
    for d in ms:
        df.update(tf[d].keys())
    vecs: list[dict[str, float]] = []
    for d in ms:
        v = {t: (1 + math.log(k)) * math.log(n / df[t]) for t, k in tf[d].items() if 2 <= df[t] < n}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({t: x / norm for t, x in v.items()})
    return vecs


def _apart(a: Sequence[int], b: Sequence[int], tf: list[Counter[str]], p: Params = DEFAULT) -> bool:
    """Whether two stories would be split again: with word weights taken inside their union (what all
    their articles share weighs nothing), they are closer within than across by ``split_ratio``."""
    vecs = _local_vectors([*a, *b], tf)
    va, vb = vecs[: len(a)], vecs[len(a) :]

    def inner(xs: list[dict[str, float]]) -> float:
        n = len(xs)
        return sum(_cosine(xs[i], xs[j]) for i in range(n) for j in range(i + 1, n)) / (n * (n - 1) / 2)

    within = min(inner(va), inner(vb))
    across = sum(_cosine(x, y) for x in va for y in vb) / (len(va) * len(vb))
    return within > 0 and across / within <= p.split_ratio


def _bisect(
    ms: list[int], tf: list[Counter[str]], gvecs: Sequence[dict[str, float]], p: Params = DEFAULT
) -> tuple[list[int], list[int]] | None:
    """A story's two look-alike events (``_split_stories``), or None: two sides proposed by its articles'
    own words (``_two_sides``), kept when they hold apart in the batch's vectors (``_split_holds``)."""
    sides = _two_sides(ms, tf, p)
    if sides is None or not _split_holds(ms, sides, gvecs, p):
        return None
    return _split_at(ms, sides)


def _split_at(ms: list[int], sides: tuple[list[int], list[int]]) -> tuple[list[int], list[int]]:
    """The story ``ms`` cut in its two sides (places in ``ms``), each in batch order."""
    return [ms[i] for i in sorted(sides[0])], [ms[i] for i in sorted(sides[1])]


def _two_sides(
    ms: list[int], tf: list[Counter[str]], p: Params = DEFAULT
) -> tuple[list[int], list[int]] | None:
    """The two sides a story's articles fall into with word weights taken among them alone (places in
    ``ms``, each side in the order its set holds them, the order ``_split_holds`` sums in), or None: a
    function of the articles' term counts alone."""
    n = len(ms)
    vecs = _local_vectors(ms, tf)
    sim = [[_cosine(vecs[i], vecs[j]) if i != j else 0.0 for j in range(n)] for i in range(n)]
    # Average linkage until two clusters hold most articles (stragglers then join the nearer one). ``total``
    # keeps the summed similarity between live clusters, so a merge costs one row update.
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    total = [row[:] for row in sim]
    big = max(p.split_min_side, int(0.15 * n))
    while len(groups) > 2:
        bigs = [k for k, g in groups.items() if len(g) >= big]
        if len(bigs) == 2 and len(groups[bigs[0]]) + len(groups[bigs[1]]) >= 0.8 * n:
            break
        best, pair = -1.0, (0, 0)
        keys = sorted(groups)
        for x, a in enumerate(keys):
            row, na = total[a], len(groups[a])
            for b in keys[x + 1 :]:
                mean = row[b] / (na * len(groups[b]))
                if mean > best:
                    best, pair = mean, (a, b)
        a, b = pair
        groups[a].extend(groups.pop(b))
        for k in groups:
            if k != a:
                total[a][k] += total[b][k]
                total[k][a] = total[a][k]

    def avg(xs: list[int], ys: set[int]) -> float:
        return sum(sim[i][j] for i in xs for j in ys) / (len(xs) * len(ys))

    bigs = sorted((k for k, g in groups.items() if len(g) >= big), key=lambda k: min(groups[k]))
    if len(bigs) != 2:
        return None
    ga, gb = set(groups[bigs[0]]), set(groups[bigs[1]])
    for k, g in groups.items():
        if k not in bigs:
            (ga if avg(g, ga) >= avg(g, gb) else gb).update(g)
    if min(len(ga), len(gb)) < p.split_min_side:
        return None
    return list(ga), list(gb)


def _split_holds(
    ms: list[int], sides: tuple[list[int], list[int]], gvecs: Sequence[dict[str, float]], p: Params = DEFAULT
) -> bool:
    """Whether a story's two sides (places in ``ms``) are closer within than across in the batch's vectors
    ``gvecs`` by ``split_ratio``.

    The articles' vectors are unit length (or empty), so, as in ``_merge_stories``, the cosines summed across
    the sides are the dot product of their summed vectors, and those within a side (|its sum|^2 minus its
    self-products) / 2: each side's vectors are summed once, not every pair's cosine made (a story of n
    articles holding a vector an edit moved cost n^2 / 2 cosines)."""
    ga, gb = sides
    (total_a, self_a), (total_b, self_b) = (_summed([gvecs[ms[i]] for i in side]) for side in sides)

    def mean_inner(total: dict[str, float], selfdot: float, n: int) -> float:
        return _inner(total, selfdot) / max(1, n * (n - 1) // 2)

    within = min(mean_inner(total_a, self_a, len(ga)), mean_inner(total_b, self_b, len(gb)))
    across = _cosine(total_a, total_b) / max(1, len(ga) * len(gb))
    return not (within <= 0 or across / within > p.split_ratio)
