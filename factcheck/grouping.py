"""Event grouping: claims from different articles that describe the same real event form one group.

How it works (all steps are explainable and recorded in ``EventGroup.why``):

1. **Features** per claim: content tokens (stop words out), entity keys, DATE values, numbers (outside
   time expressions), polarity and stance.
2. **Document context (stories)**: articles are clustered by TF-IDF cosine of their body words (average
   linkage, blocked by shared rare words, kept apart when their dominant years differ). Then:
   a story that holds two look-alike events is split (inside the story, words all its articles share
   weigh nothing; the split is kept only when the two sides are far apart: two fires at one supermarket
   chain in two towns); a lone article joins the story it is closest to on average; and two story pieces
   as close across as within are joined. Claims of articles in the same story get a bonus and a low
   linkage bar: a news story's sentences mostly describe its seminal event.
3. **Candidate pairs** come from blocking: claims sharing one of their rarest content tokens or an entity
   key, never all pairs. rapidfuzz ``token_sort_ratio`` scores the text of each candidate pair.
4. **Hard constraints** keep apart claims with incompatible times (``2023-10`` vs ``2024-05``), different
   numbers, opposite polarity.
5. **Average linkage** over the sparse score graph (edges taken best first; two clusters merge only when
   the mean score over all their member pairs clears the bar, low inside a story and full across stories,
   and their established event times, a month reported by two members, are compatible), which resists the
   chaining that single-link suffers.
6. **Overrides**: reviewer merges and take-outs are applied last, on every run.
7. **Suggestions** per group: ``supersedes`` (a later ``occurred`` report after ``expected``/``planned``
   ones, a confirmation after an unconfirmed report) and ``conflicts`` (times, numbers or places disagree).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz import process as rf_process

from factcheck.model import Article, Claim, EventGroup, GroupOverrides, Stance, Suggestion
from factcheck.temporal import is_compatible

# Tunables (chosen on ECB+ dev and the seeds; see bench/ecbplus.py)
EDGE_MIN = 0.5  # minimum pair score for an edge
LINK_MIN = 0.05  # minimum average-linkage score for two clusters of the same story to merge
LINK_MIN_CROSS = 0.2  # the same for clusters of different stories
TEXT_FLOOR = 30  # token_sort_ratio floor for any edge
DOC_SIM_MIN = 0.15  # article cosine similarity for the same-story context
CROSS_MIN = 0.7  # text evidence needed to link claims of different stories
STORY_MAX_CLAIMS = 400  # larger story clusters get no all-pairs context
STORY_TEXT_MIN = 0.05  # even inside a story, a pair needs this much text in common
SAME_STORY_BONUS = 0.5  # pair-score bonus for claims of articles in the same story cluster
UNTIMED_EXTRA = 0.1  # a claim with no time needs more text evidence to join another story's claim
UNTIMED_PUB_GAP = 90  # days between two untimed reports beyond which they tell of different events
SUGGEST_MIN_OVERLAP = 3  # content words two claims share before one supersedes or contradicts the other
FORWARD_GAP_MONTHS = 2  # a cluster's event this many months before an expectation's publication is another
FRAME_BONUS = 0.25  # two shared entities and an agreeing month
USE_BODIES = True  # article profiles from the whole body, not only from its claims
DOC_ENTITY_WEIGHT = 1  # extra weight of named participants in an article's profile
PUB_YEAR_WEIGHT = 2  # how many year mentions a publication date counts for
DOC_AVG_FACTOR = 1.0  # average-linkage bar for stories, relative to DOC_SIM_MIN
RARE_TOKENS = 8  # blocking keys per claim
MAX_POSTING = 60  # a blocking key shared by more claims than this is too common to block on
DOC_POSTING_MAX = 60  # the same for words shared by articles
DOC_TOP_TERMS = 40  # an article is blocked on its highest-weighted terms
DOC_SHARED_MIN = 3  # and compared with the articles sharing this many of them
SPLIT_STORIES = True
MERGE_STORIES = True
MERGE_YEARS = False
MERGE_RATIO = 0.85  # two stories as close across as this share of their cohesion are one
MERGE_MIN = 0.7  # and their mean similarity reaches this share of the story bar
ATTACH_FACTOR = 0.8  # a lone article joins a story when its mean similarity reaches this share of the bar
MODE_SMALL = 3  # a cluster this small is defined by a single time mention
SPLIT_MIN_SIDE = 5
SPLIT_RATIO = 0.7

STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor
    not of off on once only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself said says say told
    according reported report reports one two three new also last next first year years month months week
    weeks day days time monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today yesterday tomorrow ago since s t mr mrs ms
    """.split()
)
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_NUM = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:\s*(?:%|percent|per cent))?")
_NEGATION = re.compile(r"\b(?:not|never|no|n't|denied|denies|deny|refused|without)\b", re.I)
_ANTE = (Stance.EXPECTED, Stance.PLANNED, Stance.ANNOUNCED, Stance.HYPOTHETICAL)
_FORWARD = (Stance.EXPECTED, Stance.PLANNED)  # the claim looks forward from its publication date
_SLACK = dt.timedelta(days=3)


@dataclass(slots=True)
class _Feat:
    idx: int
    claim: Claim
    doc: int
    tokens: list[str]
    text: str  # content tokens joined, for rapidfuzz
    entities: frozenset[str]
    times: tuple[str, ...]
    numbers: frozenset[str]
    negated: bool
    published: str | None
    months: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()


def _stem(t: str) -> str:
    if len(t) > 4 and t.endswith("ies"):
        return t[:-3] + "y"
    if len(t) > 4 and t.endswith("s") and not t.endswith("ss"):
        return t[:-1]
    return t


def _content_tokens(text: str) -> list[str]:
    return [
        _stem(t)
        for t in _TOKEN.findall(text.lower().replace("’", "'"))
        if t not in STOP and len(t) > 1 and not t.isdigit()
    ]


def _numbers(claim: Claim) -> frozenset[str]:
    text = claim.text
    spans = [(t.start - claim.start, t.end - claim.start) for t in claim.when]
    out = set()
    for m in _NUM.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        v = m.group(0).replace(",", "").replace(" ", "")
        if re.fullmatch(r"(?:19|20)\d\d", v):
            continue  # years are times, not figures
        out.add(v.replace("percent", "%").replace("percent", "%"))
    return frozenset(out)


_REPORT_BEFORE = re.compile(
    r"\b(?:said|says|say|confirmed|announced|reported|told|stated|added|noted|wrote|tweeted|quoted\s+as\s+saying|"
    r"statement|interview|comments?)\s*(?:on|this|last|late|early|in)?\s*$",
    re.I,
)


def _date_values(claim: Claim) -> list[str]:
    """The claim's event times: DATE/TIME values, without the time of the report itself
    ("Reuters reported on March 19", "Putin said on Friday") and without bare weekdays when a more
    informative value is there."""
    vals: list[str] = []
    report: list[str] = []
    for t in claim.when:
        if t.type not in ("DATE", "TIME") or not t.value or t.value[0] not in "12X":
            continue
        before = claim.text[max(0, t.start - claim.start - 40) : t.start - claim.start]
        (report if _REPORT_BEFORE.search(before) else vals).append(t.value)
    informative = [v for v in vals if not re.match(r"^XXXX(?:-WXX)?(?:-\d)?$", v)]
    return informative or vals or [v for v in report if not v.startswith("XXXX-WXX")]


def _granular(v: str) -> tuple[str, str, str]:
    """(year, month, day) strings, '' when unknown; seasons/quarters/weeks map to month ranges elsewhere."""
    m = re.match(r"^(\d{4}|XXXX)(?:-(\d\d|SP|SU|FA|WI|Q\d|H\d|W\d\d|WXX)(?:-(\d\d))?)?", v)
    if not m:
        return "", "", ""
    y = "" if m.group(1) == "XXXX" else m.group(1)
    return y, m.group(2) or "", m.group(3) or ""


_SEASON = {"SP": {3, 4, 5}, "SU": {6, 7, 8}, "FA": {9, 10, 11}, "WI": {12, 1, 2}}


def _months(part: str) -> set[int] | None:
    if not part or part in ("WXX",):
        return None
    if part.isdigit():
        return {int(part)}
    if part in _SEASON:
        return _SEASON[part]
    if part.startswith("Q"):
        q = int(part[1])
        return {3 * q - 2, 3 * q - 1, 3 * q}
    if part.startswith("H"):
        h = int(part[1])
        return set(range(1, 7)) if h == 1 else set(range(7, 13))
    if part.startswith("W") and part[1:].isdigit():
        w = int(part[1:])
        first = max(1, min(12, 1 + (w - 1) * 12 // 53))
        return {first, min(12, first + 1)} | ({first - 1} if first > 1 else set())
    return None


@lru_cache(maxsize=1 << 16)
def compatible(a: str, b: str) -> bool:
    """Whether two TIMEX3 values can denote the same time (``2023-SP`` and ``2023-03`` can; ``2023-10`` and
    ``2024-05`` cannot); cached, since a batch repeats the same few hundred values."""
    return bool(is_compatible(a, b))


def _times_conflict(ta: Sequence[str], tb: Sequence[str]) -> bool:
    """Both claims fix a time and no pair of their times is compatible."""
    if not ta or not tb:
        return False
    return _tuples_conflict(tuple(ta), tuple(tb))


@lru_cache(maxsize=1 << 16)
def _tuples_conflict(ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    return not any(compatible(a, b) for a in ta for b in tb)


def _month_buckets(values: Sequence[str]) -> frozenset[str]:
    """Month-level buckets ("XX-05") of values that fix a month; used as agreement evidence."""
    out: set[str] = set()
    for v in values:
        _, m, _ = _granular(v)
        ms = _months(m)
        if ms and len(ms) <= 3:
            out.update(f"{x:02d}" for x in ms)
    return frozenset(out)


def _month_key(v: str) -> str | None:
    """``YYYY-MM`` (or ``XXXX-MM`` when the year is open) of a value that fixes a month or season."""
    y, m, _ = _granular(v)
    if m and (m.isdigit() or m in _SEASON):
        return f"{y or 'XXXX'}-{m}"
    return None


# ----------------------------------------------------------------------------------------------
# Document context


def _doc_clusters(
    feats: list[_Feat], n_docs: int, doc_years: list[str | None], bodies: Sequence[str] | None = None
) -> list[int]:
    """Cluster articles by TF-IDF cosine over their body words (average linkage)."""
    tf: list[Counter[str]] = [Counter() for _ in range(n_docs)]
    if bodies is not None:
        for d, body in enumerate(bodies):
            tf[d].update(_content_tokens(body))
    for f in feats:
        if bodies is None or not bodies[f.doc]:
            tf[f.doc].update(set(f.tokens))
        if DOC_ENTITY_WEIGHT:
            for e in f.entities:
                tf[f.doc]["e:" + e] += DOC_ENTITY_WEIGHT
    df: Counter[str] = Counter()
    for c in tf:
        df.update(c.keys())
    vecs: list[dict[str, float]] = []
    for c in tf:
        v = {t: (1 + math.log(n)) * math.log((1 + n_docs) / (1 + df[t])) for t, n in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({t: x / norm for t, x in v.items()})
    cap = min(max(8, int(n_docs * 0.2)), DOC_POSTING_MAX)
    postings: dict[str, list[int]] = defaultdict(list)
    for d, v in enumerate(vecs):
        for t in sorted(v, key=lambda t: -v[t])[:DOC_TOP_TERMS]:
            if df[t] <= cap:
                postings[t].append(d)
    # A pair of articles is compared when they share DOC_SHARED_MIN of their top terms.
    shared: Counter[tuple[int, int]] = Counter()
    for docs in postings.values():
        for i, a in enumerate(docs):
            shared.update((a, b) for b in docs[i + 1 :])
    sims: dict[tuple[int, int], float] = {}
    for (a, b), k in shared.items():
        if k >= DOC_SHARED_MIN:
            va, vb = vecs[a], vecs[b]
            if len(va) > len(vb):
                va, vb = vb, va
            sims[(a, b)] = sum([x * vb[t] for t, x in va.items() if t in vb])
    years: list[set[str]] = [({y} if y else set()) for y in doc_years]
    label = _average_linkage(
        n_docs,
        sims,
        edge_min=DOC_SIM_MIN,
        avg_min=DOC_SIM_MIN * DOC_AVG_FACTOR,
        states=years,
        compatible_states=lambda a, b: not (a and b and not (a & b)),
        merge_states=lambda a, b: a | b,
    )
    if SPLIT_STORIES:
        label = _split_stories(label, tf, vecs)
    label = _attach_strays(label, sims, vecs, years)
    return _merge_stories(label, sims, vecs, years) if MERGE_STORIES else label


def _merge_stories(
    label: list[int],
    sims: Mapping[tuple[int, int], float],
    vecs: list[dict[str, float]],
    years: list[set[str]],
) -> list[int]:
    """Join two stories whose articles are as close across as they are within (the mirror of the split
    test): one event's coverage that the average linkage left in pieces. Story pairs come from the blocked
    article pairs; a pair whose blocked similarity already falls far short is not looked at further, the
    others get exact sums over all their article pairs. Best pair first; a merge adds the sums."""
    members: dict[int, list[int]] = defaultdict(list)
    for d, lab in enumerate(label):
        members[lab].append(d)
    blocked: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), sc in sims.items():
        a, b = label[i], label[j]
        if a != b:
            blocked[a][b] = blocked[a].get(b, 0.0) + sc
            blocked[b][a] = blocked[b].get(a, 0.0) + sc
    bar = DOC_SIM_MIN * MERGE_MIN
    # Articles' vectors are unit length, so the summed cosine between two stories is the dot product of
    # their summed vectors, and a story's summed inner cosine is (|sum|^2 - sum of self-products) / 2.
    total: dict[int, dict[str, float]] = {}
    selfdot: dict[int, float] = {}
    for lab, ms in members.items():
        acc: dict[str, float] = {}
        for m in ms:
            for t, x in vecs[m].items():
                acc[t] = acc.get(t, 0.0) + x
        total[lab] = acc
        selfdot[lab] = sum(_cosine(vecs[m], vecs[m]) for m in ms)

    inner: dict[int, float] = {}

    def within(lab: int) -> float:
        if lab not in inner:
            inner[lab] = (_cosine(total[lab], total[lab]) - selfdot[lab]) / 2
        return inner[lab]

    def cross(a: int, b: int) -> float:
        return _cosine(total[a], total[b])

    def ratio(a: int, b: int) -> float:
        na, nb = len(members[a]), len(members[b])
        if na < 2 or nb < 2 or blocked[a].get(b, 0.0) / (na * nb) < bar:
            return 0.0  # a lone article is left to _attach_strays; or even the blocked pairs say no
        cohesion = [within(x) / (n * (n - 1) / 2) for x, n in ((a, na), (b, nb))]
        if min(cohesion) <= 0:
            return 0.0
        if MERGE_YEARS:
            ya = set().union(*(years[m] for m in members[a]))
            yb = set().union(*(years[m] for m in members[b]))
            if ya and yb and not (ya & yb):
                return 0.0
        mean = cross(a, b) / (na * nb)
        return mean / min(cohesion) if mean >= bar else 0.0

    version: Counter[int] = Counter()
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        r = ratio(a, b)
        if r >= MERGE_RATIO:
            heapq.heappush(heap, (-r, a, b, version[a], version[b]))

    for a in sorted(blocked):
        for b in blocked[a]:
            if a < b:
                push(a, b)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if version[a] != va or version[b] != vb or a not in members or b not in members:
            continue
        acc = total[a]
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
    vecs: list[dict[str, float]],
    years: list[set[str]],
) -> list[int]:
    """An article left alone joins the story it is closest to on average (exact cosines over all the story's
    articles, not only the pairs the blocking found), when that mean clears the story bar."""
    members: dict[int, list[int]] = defaultdict(list)
    for d, lab in enumerate(label):
        members[lab].append(d)
    bar = DOC_SIM_MIN * ATTACH_FACTOR
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
            if years[d] and ys and not (years[d] & ys):
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


def _split_stories(label: list[int], tf: list[Counter[str]], vecs: list[dict[str, float]]) -> list[int]:
    """Split a story cluster that holds two look-alike events (two fires at the same supermarket chain, two
    games between different teams): inside the cluster, words shared by all its articles carry no weight
    (local IDF), and a split is kept only when each side has words of its own ("Banstead", "Surrey" on one
    side, "Wellington", "Somerset" on the other) that the other side hardly uses."""
    members: dict[int, list[int]] = defaultdict(list)
    for d, lab in enumerate(label):
        members[lab].append(d)
    out = list(label)
    next_label = max(label, default=-1) + 1
    todo = [ms for ms in members.values() if len(ms) >= 2 * SPLIT_MIN_SIDE]
    while todo:
        ms = todo.pop()
        sides = _bisect(ms, tf, vecs)
        if sides is None:
            continue
        for m in sides[1]:
            out[m] = next_label
        next_label += 1
        todo.extend(s for s in sides if len(s) >= 2 * SPLIT_MIN_SIDE)
    return out


def _bisect(
    ms: list[int], tf: list[Counter[str]], gvecs: list[dict[str, float]]
) -> tuple[list[int], list[int]] | None:
    n = len(ms)
    df: Counter[str] = Counter()
    for d in ms:
        df.update(tf[d].keys())
    vecs: list[dict[str, float]] = []
    for d in ms:
        v = {t: (1 + math.log(k)) * math.log(n / df[t]) for t, k in tf[d].items() if 2 <= df[t] < n}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({t: x / norm for t, x in v.items()})
    sim = [[_cosine(vecs[i], vecs[j]) if i != j else 0.0 for j in range(n)] for i in range(n)]
    # Average linkage until two clusters hold most articles (stragglers then join the nearer one). ``total``
    # keeps the summed similarity between live clusters, so a merge costs one row update.
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    total = [row[:] for row in sim]
    big = max(SPLIT_MIN_SIDE, int(0.15 * n))
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
    if min(len(ga), len(gb)) < SPLIT_MIN_SIDE:
        return None

    def mean_sim(a: set[int], b: set[int]) -> float:
        pairs = [(i, j) for i in a for j in b if i != j and (a is not b or i < j)]
        return sum(_cosine(gvecs[ms[i]], gvecs[ms[j]]) for i, j in pairs) / max(1, len(pairs))

    within = min(mean_sim(ga, ga), mean_sim(gb, gb))
    if within <= 0 or mean_sim(ga, gb) / within > SPLIT_RATIO:
        return None

    return [ms[i] for i in sorted(ga)], [ms[i] for i in sorted(gb)]


# month mentions, size, stories of a claim cluster, and the latest publication month ("YYYY-MM", or "") of
# its members that look forward without a time of their own ("is expected to cut jobs")
_State = tuple[Counter[str], int, Counter[int], str]


def _link_bar(a: _State, b: _State) -> float:
    """Inside one story a low average-linkage bar (the story context already vouches for the pair);
    across stories the full bar, so look-alike wording alone does not pull two stories' claims together."""
    return LINK_MIN if a[2].most_common(1)[0][0] == b[2].most_common(1)[0][0] else LINK_MIN_CROSS


def _established(state: _State) -> str | None:
    """A cluster's event time: its most reported month, when more than one member reports it (a lone
    mention in a large cluster, such as a court date in a story about a crime, does not define it)."""
    counts, size = state[0], state[1]
    if not counts:
        return None
    value, n = counts.most_common(1)[0]
    return value if n >= 2 or size <= MODE_SMALL else None


def _months_before(month_key: str, published: str) -> int:
    """How many months an event month ("2022-11", a season "2022-SU" by its last month) lies before a
    publication month ("2023-06"); 0 for an open year or a later month."""
    last = _last_month(month_key)
    if last is None:
        return 0
    return max(0, int(published[:4]) * 12 + int(published[5:7]) - (int(last[:4]) * 12 + int(last[5:7])))


def _last_month(v: str) -> str | None:
    """The last ``YYYY-MM`` a value reaches (a season its last month, a year its December), or None
    when its year is open or its part names no months."""
    y, m, _ = _granular(v)
    if not y:
        return None
    ms = _months(m) if m else set(range(1, 13))
    if not ms:
        return None
    return f"{y}-{12 if m == 'WI' else max(ms):02d}"


def _modes_compatible(a: _State, b: _State) -> bool:
    """Two clusters may merge when their established event times are compatible, and neither holds an
    expectation published after the other's event time (it looks forward to a later event)."""
    ma, mb = _established(a), _established(b)
    if (ma and b[3] and _months_before(ma, b[3]) >= FORWARD_GAP_MONTHS) or (
        mb and a[3] and _months_before(mb, a[3]) >= FORWARD_GAP_MONTHS
    ):
        return False
    return ma is None or mb is None or compatible(ma, mb)


def _average_linkage(
    n: int,
    sims: Mapping[tuple[int, int], float],
    *,
    edge_min: float,
    avg_min: float,
    states: list[Any],
    compatible_states: Callable[[Any, Any], bool],
    merge_states: Callable[[Any, Any], Any],
    avg_min_for: Callable[[Any, Any], float] | None = None,
) -> list[int]:
    """Average linkage over a sparse similarity graph (missing pairs count as 0).

    Pairs are taken best first; the clusters of a pair merge when the mean similarity over all their
    member pairs reaches ``avg_min`` and ``compatible_states`` allows it (cannot-link constraints).
    Inter-cluster sums are kept up to date, so each merge costs the size of the smaller neighbourhood.
    """
    label = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    state: dict[int, Any] = dict(enumerate(states))
    link: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), sc in sims.items():
        link[i][j] = link[i].get(j, 0.0) + sc
        link[j][i] = link[j].get(i, 0.0) + sc
    for (i, j), sc in sorted(sims.items(), key=lambda kv: (-kv[1], kv[0])):
        if sc < edge_min:
            break
        a, b = label[i], label[j]
        if a == b:
            continue
        bar = avg_min_for(state[a], state[b]) if avg_min_for is not None else avg_min
        if link[a].get(b, 0.0) / (len(members[a]) * len(members[b])) < bar:
            continue
        if not compatible_states(state[a], state[b]):
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for m in members[b]:
            label[m] = a
        members[a].extend(members.pop(b))
        state[a] = merge_states(state[a], state.pop(b))
        for nb, w in link.pop(b, {}).items():
            if nb == a:
                continue
            link[a][nb] = link[a].get(nb, 0.0) + w
            link[nb][a] = link[nb].get(a, 0.0) + w
            link[nb].pop(b, None)
        link[a].pop(b, None)
    return label


def _bodies(feats: list[_Feat], n_docs: int, articles: Mapping[str, Article]) -> list[str]:
    """Each article's body text (page furniture left out)."""
    out = [""] * n_docs
    for f in feats:
        if out[f.doc]:
            continue
        art = articles.get(f.claim.article_key)
        if art is not None and art.text:
            out[f.doc] = " ".join(art.text[s.start : s.end] for s in art.body_segments) or " "
    return out


def _doc_year(feats: list[_Feat]) -> str | None:
    years: Counter[str] = Counter()
    for f in feats:
        for v in f.times:
            y, _, _ = _granular(v)
            if y:
                years[y] += 1
    if f_pub := (feats[0].published if feats else None):
        years[f_pub[:4]] += PUB_YEAR_WEIGHT
    if not years:
        return None
    (y, n), *rest = [*years.most_common(2), ("", 0)]
    return y if n >= 2 and n > rest[0][1] else None


# ----------------------------------------------------------------------------------------------


def _features(claims: Sequence[Claim], articles: Mapping[str, Article]) -> tuple[list[_Feat], int]:
    doc_ids: dict[str, int] = {}
    feats = []
    for i, c in enumerate(claims):
        d = doc_ids.setdefault(c.article_key, len(doc_ids))
        toks = _content_tokens(c.text)
        ents = frozenset(e.key for e in c.entities) if c.entities else frozenset()
        polarity = getattr(c, "polarity", None)
        negated = (isinstance(polarity, int) and polarity < 0) or bool(_NEGATION.search(c.text))
        art = articles.get(c.article_key)
        pub = art.published.isoformat() if art and art.published else None
        times = tuple(_date_values(c))
        feats.append(
            _Feat(
                i, c, d, toks, " ".join(toks), ents, times, _numbers(c), negated, pub, _month_buckets(times)
            )
        )
    for f in feats:
        f.people = frozenset(e.key for e in f.claim.entities if e.kind == "person")
    _complete_from_article(feats)
    return feats, len(doc_ids)


def _complete_from_article(feats: list[_Feat]) -> None:
    """An open-year value ("XXXX-SP", "next spring" in an undated article) takes the year the same
    article gives that month or season explicitly ("spring 2023"), when it gives exactly one."""
    years: dict[tuple[int, str], set[str]] = defaultdict(set)
    for f in feats:
        for v in f.times:
            y, m, _ = _granular(v)
            if y and m:
                years[(f.doc, m)].add(y)
    for f in feats:
        if not any(v.startswith("XXXX-") for v in f.times):
            continue
        new = []
        for v in f.times:
            _, m, _ = _granular(v)
            ys = years.get((f.doc, m), set()) if v.startswith("XXXX-") and m else set()
            new.append(next(iter(ys)) + v[4:] if len(ys) == 1 else v)
        f.times = tuple(new)


def _idf_vectors(feats: list[_Feat]) -> list[dict[str, float]]:
    df: Counter[str] = Counter()
    for f in feats:
        df.update(set(f.tokens))
    n = len(feats)
    out = []
    for f in feats:
        v = {t: math.log((1 + n) / (1 + df[t])) + 1.0 for t in set(f.tokens)}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({t: x / norm for t, x in v.items()})
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum([x * b[t] for t, x in a.items() if t in b])  # same order, same float as summing zeros too


EVENT_WORDS = frozenset(
    _stem(w)
    for w in """visit visited visits trip travel travelled traveled tour meet met meeting talks summit attack attacked
    strike killed kill died death shooting shot bombing explosion crash fire earthquake flood storm election elected
    vote voted sign signed deal agreement treaty arrest arrested charged sentenced trial verdict launch launched
    resign resigned appointed appoint fired dismissed won win lost defeat protest protests sanctions invasion
    invaded war ceasefire acquisition acquire acquired merger release released recall strike walkout rehab
    married divorce award nominated hosts host""".split()
)


def _same_frame(a: _Feat, b: _Feat) -> bool:
    """Two claims share the frame of an event: two participants, or a person and an event word."""
    shared = a.entities & b.entities
    if len(shared) >= 2:
        return True
    if shared and shared & (a.people | b.people):
        return bool(EVENT_WORDS.intersection(a.tokens).intersection(b.tokens))
    return False


def _frame_keys(f: _Feat) -> set[str]:
    """Blocking keys pairing a participant with a month bucket: "vladimir putin|10"."""
    if not f.months or not f.entities:
        return set()
    ents = sorted(f.entities)[:6]
    return {f"f:{e}|{m}" for e in ents for m in sorted(f.months)[:3]}


def _candidates(feats: list[_Feat]) -> dict[int, set[int]]:
    """Blocking: a claim's rarest words and entities, plus participant-and-month keys."""
    df: Counter[str] = Counter()
    frames = [_frame_keys(f) for f in feats]
    for f, fk in zip(feats, frames, strict=True):
        df.update(set(f.tokens))
        df.update(f"e:{e}" for e in f.entities)
        df.update(fk)
    postings: dict[str, list[int]] = defaultdict(list)
    keys_of: list[list[str]] = []
    for f, fk in zip(feats, frames, strict=True):
        keys = sorted({*f.tokens, *(f"e:{e}" for e in f.entities)}, key=lambda k: (df[k], k))
        keys = [k for k in keys if 1 < df[k] <= MAX_POSTING][:RARE_TOKENS]
        keys += sorted(k for k in fk if 1 < df[k] <= MAX_POSTING)
        keys_of.append(keys)
        for k in keys:
            postings[k].append(f.idx)
    cands: dict[int, set[int]] = defaultdict(set)
    for f in feats:
        for k in keys_of[f.idx]:
            for j in postings[k]:
                if j > f.idx:
                    cands[f.idx].add(j)
    return cands


def _conflict(a: _Feat, b: _Feat, same_story: bool = False) -> str | None:
    if a.times and b.times and _tuples_conflict(a.times, b.times):
        return "times"
    if a.published and b.published and a.doc != b.doc:
        why = _publication_conflict(a, b) or _publication_conflict(b, a)
        if why:
            return why
    if same_story:
        return None
    if a.numbers and b.numbers and not (a.numbers & b.numbers):
        return "numbers"
    if a.negated != b.negated and a.doc != b.doc:
        return "polarity"
    return None


def _days_apart(a: str, b: str) -> int:
    return abs((_iso_date(a) - _iso_date(b)).days)


@lru_cache(maxsize=4096)
def _iso_date(v: str) -> dt.date:
    return dt.date.fromisoformat(v[:10])


def _latest_month(times: Sequence[str]) -> str | None:
    """The latest ``YYYY-MM`` a claim's times reach (a year reaches its December), or None when open."""
    out: str | None = None
    for v in times:
        last = _last_month(v)
        if last is None:
            return None  # an open year could be any year
        out = last if out is None or last > out else out
    return out


def _publication_conflict(a: _Feat, b: _Feat) -> str | None:
    """Report order rules out one event (a and b are published, in different articles):

    - an expectation or plan published after the whole of the other report's time ("is expected to
      cut jobs", June 2023, against "cut 800 jobs" dated November 2022) looks forward to a later event;
    - an expectation published after another report says the event occurred is about the next one;
    - two reports that give no time at all, published months apart, tell of different events.
    """
    assert a.published is not None and b.published is not None
    if a.claim.stance in _FORWARD and not a.times:
        if b.times:
            last = _latest_month(b.times)
            if last is not None and last < a.published[:7]:
                return "expected after the event's time"
        elif b.claim.stance is Stance.OCCURRED and _iso_date(b.published) < _iso_date(a.published) - _SLACK:
            return "expected after the event was reported"
    if not a.times and not b.times and _days_apart(a.published, b.published) > UNTIMED_PUB_GAP:
        return "untimed reports months apart"
    return None


def group_claims(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    *,
    overrides: GroupOverrides | None = None,
    min_size: int = 2,
) -> list[EventGroup]:
    """Event groups over a batch of claims (any topics). Deterministic: same input, same groups and ids."""
    claims = list(claims)
    if not claims:
        return []
    feats, n_docs = _features(claims, articles)
    by_doc: dict[int, list[_Feat]] = defaultdict(list)
    for f in feats:
        by_doc[f.doc].append(f)
    doc_years = [_doc_year(by_doc[d]) for d in range(n_docs)]
    doc_label = _doc_clusters(
        feats, n_docs, doc_years, _bodies(feats, n_docs, articles) if USE_BODIES else None
    )

    cands = _candidates(feats)
    # Same-story context: every cross-article pair inside a (not too large) story cluster is a candidate.
    story: dict[int, list[int]] = defaultdict(list)
    for f in feats:
        story[doc_label[f.doc]].append(f.idx)
    for ms in story.values():
        if len(ms) > STORY_MAX_CLAIMS or len({feats[m].doc for m in ms}) < 2:
            continue
        for x, i in enumerate(ms):
            for j in ms[x + 1 :]:
                if feats[i].doc != feats[j].doc:
                    cands[min(i, j)].add(max(i, j))
    vec = _idf_vectors(feats)
    edges: list[tuple[float, int, int]] = []
    detail: dict[int, dict[int, tuple[float, float, int]]] = defaultdict(dict)
    for i, js in cands.items():
        fi = feats[i]
        if not fi.text:
            continue
        order = sorted(js)
        hits = rf_process.extract(
            fi.text,
            [feats[j].text for j in order],
            scorer=fuzz.token_sort_ratio,
            limit=None,
            score_cutoff=0,
        )
        for _choice, ts, k in sorted(hits, key=lambda h: h[2]):
            j = order[k]
            fj = feats[j]
            if not fj.text:
                continue
            same_story = fi.doc != fj.doc and doc_label[fi.doc] == doc_label[fj.doc]
            same_month = bool(fi.months and fj.months and fi.months & fj.months)
            framed = same_month and _same_frame(fi, fj)
            if ts < TEXT_FLOOR and not same_story and not framed:
                continue
            # Near-identical wording that differs in a figure or a negation is a look-alike, story or not.
            if _conflict(fi, fj, same_story and ts < 70):
                continue
            ent = (
                len(fi.entities & fj.entities) / len(fi.entities | fj.entities)
                if fi.entities and fj.entities
                else 0.0
            )
            # The cosine matters only where the wording alone does not already decide.
            cos = _cosine(vec[i], vec[j]) if ts < (STORY_TEXT_MIN * 100 if same_story else 60) else 0.0
            base = max(ts / 100.0, cos)
            if same_story and base < STORY_TEXT_MIN:
                continue
            # Same participants at the same month: the frame of one event, whatever the wording.
            frame = FRAME_BONUS if framed else 0.0
            need = CROSS_MIN + (UNTIMED_EXTRA if not (fi.times and fj.times) else 0.0)
            if not same_story and base + 0.3 * ent + (0.15 if same_month else 0.0) + frame < need:
                continue
            score = base + frame + 0.15 * ent + (SAME_STORY_BONUS if same_story else 0.0)
            score += 0.15 if same_month else 0.0
            if score >= EDGE_MIN:
                edges.append((score, i, j))
                detail[i][j] = (float(ts), ent, int(same_story))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))

    # Average linkage on the sparse graph with cannot-link on cluster event times.
    # A cluster's state: its month mentions, its size and the stories its claims come from.
    states: list[_State] = []
    for f in feats:
        tc: Counter[str] = Counter()
        for v in f.times:
            mk = _month_key(v)
            if mk:
                tc[mk] += 1
        fwd = f.published[:7] if f.published and not f.times and f.claim.stance in _FORWARD else ""
        states.append((tc, 1, Counter({doc_label[f.doc]: 1}), fwd))
    label = _average_linkage(
        len(feats),
        {(i, j): sc for sc, i, j in edges},
        edge_min=EDGE_MIN,
        avg_min=LINK_MIN,
        states=states,
        compatible_states=_modes_compatible,
        merge_states=lambda a, b: (a[0] + b[0], a[1] + b[1], a[2] + b[2], max(a[3], b[3])),
        avg_min_for=_link_bar,
    )

    members: dict[int, list[int]] = defaultdict(list)
    for f in feats:
        members[label[f.idx]].append(f.idx)
    sets = [sorted(m) for m in members.values()]
    sets = _apply_overrides(sets, feats, overrides)

    groups = []
    for ms in sets:
        docs = {feats[m].doc for m in ms}
        if len(ms) < min_size or (len(docs) < 2 and not _forced(ms, feats, overrides)):
            continue
        groups.append(_make_group([feats[m] for m in ms], detail, articles))
    groups.sort(key=lambda g: (g.when or "9999", g.id))
    return groups


def _forced(ms: list[int], feats: list[_Feat], overrides: GroupOverrides | None) -> bool:
    if not overrides or not overrides.merges:
        return False
    ids = {feats[m].claim.id for m in ms}
    return any(a in ids and b in ids for a, b in overrides.merges)


def _apply_overrides(
    sets: list[list[int]], feats: list[_Feat], overrides: GroupOverrides | None
) -> list[list[int]]:
    if not overrides:
        return sets
    index = {f.claim.id: f.idx for f in feats}
    label = {m: k for k, ms in enumerate(sets) for m in ms}
    next_label = len(sets)
    for cid in overrides.splits:
        if cid in index:
            label[index[cid]] = next_label
            next_label += 1
    for a, b in overrides.merges:
        if a in index and b in index:
            la, lb = label[index[a]], label[index[b]]
            if la != lb:
                for m, lab in list(label.items()):
                    if lab == lb:
                        label[m] = la
    out: dict[int, list[int]] = defaultdict(list)
    for m, lab in label.items():
        out[lab].append(m)
    return [sorted(v) for v in out.values()]


def _group_id(claim_ids: Sequence[str]) -> str:
    return "g" + hashlib.blake2b("\0".join(sorted(claim_ids)).encode(), digest_size=4).hexdigest()


def _specific(values: list[str]) -> str | None:
    """The most specific time value the members agree on."""
    if not values:
        return None
    counts = Counter(values)
    best = None
    for v in sorted(counts, key=lambda v: ("X" in v, -len(v), -counts[v], v)):
        if all(compatible(v, o) for o in counts):
            best = v
            break
    if best:
        return best
    return counts.most_common(1)[0][0]


def _make_group(
    ms: list[_Feat],
    detail: Mapping[int, Mapping[int, tuple[float, float, int]]],
    articles: Mapping[str, Article],
) -> EventGroup:
    ids = [f.claim.id for f in ms]
    gid = _group_id(ids)
    # medoid: the member with the highest summed edge score
    strength: Counter[int] = Counter()
    text_scores: list[float] = []
    same_story = 0
    idxs = {f.idx for f in ms}
    for i in idxs:
        for j, (ts, _ent, ss) in detail.get(i, {}).items():
            if j in idxs:
                strength[i] += int(ts)
                strength[j] += int(ts)
                text_scores.append(ts)
                same_story += ss
    time_values = [v for f in ms for v in f.times if _month_key(v) or re.match(r"^\d{4}", v)]
    when = _specific(time_values)
    # the label: the most central member among those that state the group's time (a report of the
    # event itself, not a later mention of it), else the most central one
    dated = [f for f in ms if when and any(v.startswith(when) or when.startswith(v) for v in f.times)]
    medoid = min(dated or ms, key=lambda f: (-strength[f.idx], -f.claim.score, f.claim.id))
    ent_counts: Counter[str] = Counter(e for f in ms for e in f.entities)
    shared_ents = [e for e, n in sorted(ent_counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2][:6]
    tok_counts: Counter[str] = Counter(t for f in ms for t in set(f.tokens))
    shared_words = [
        t for t, n in sorted(tok_counts.items(), key=lambda kv: (-kv[1], kv[0])) if n >= max(2, len(ms) // 2)
    ][:6]
    label_text = (
        medoid.claim.text if len(medoid.claim.text) <= 120 else medoid.claim.text[:117].rstrip() + "…"
    )
    why = {
        "text_score_mean": round(sum(text_scores) / len(text_scores), 1) if text_scores else None,
        "shared_entities": shared_ents,
        "shared_words": shared_words,
        "time": when,
        "same_story_links": same_story,
        "summary": _why_summary(text_scores, shared_ents, shared_words, when),
    }
    group = EventGroup(
        id=gid, label=f"{when + ': ' if when else ''}{label_text}", when=when, claims=ids, why=why
    )
    group.claims = [f.claim.id for f in sorted(ms, key=lambda f: (_pub(f), f.claim.start, f.claim.id))]
    group.suggestions = suggestions([f.claim for f in ms], articles)
    return group


def _pub(f: _Feat) -> str:
    return f.published or "9999-99-99"


def _why_summary(text_scores: list[float], ents: list[str], words: list[str], when: str | None) -> str:
    bits = []
    if text_scores:
        bits.append(f"similar wording (mean {sum(text_scores) / len(text_scores):.0f}/100)")
    if ents:
        bits.append("same " + ", ".join(ents[:3]))
    elif words:
        bits.append("shared words " + ", ".join(words[:4]))
    if when:
        bits.append(f"compatible time {when}")
    return "; ".join(bits) or "reviewer override"


def _source_label(article: Article | None, key: str) -> str:
    if article is None:
        return key
    date = article.published.isoformat() if article.published else "date unknown"
    return f"{article.outlet or key} ({date})"


def suggestions(claims: Sequence[Claim], articles: Mapping[str, Article]) -> list[Suggestion]:
    """Supersession and conflict suggestions inside one group, ordered by publication date."""

    def pub(c: Claim) -> str:
        a = articles.get(c.article_key)
        return a.published.isoformat() if a and a.published else ""

    ordered = sorted(claims, key=lambda c: (pub(c) or "9999", c.article_key, c.start))
    out: list[Suggestion] = []
    later_occurred = [c for c in ordered if c.stance == Stance.OCCURRED]
    months = {c.id: [v for v in _date_values(c) if _month_key(v)] for c in claims}
    tokens = {c.id: set(_content_tokens(c.text)) for c in claims}

    def overlap(a: Claim, b: Claim) -> int:
        return len(tokens[a.id] & tokens[b.id])

    for c in ordered:
        if c.stance in _ANTE or c.stance in (Stance.UNCONFIRMED,):
            # the later report that says it occurred, among those that tell of the same thing in so many
            # words (a group is a story's event: not every member restates the plan it fulfils)
            # (or in fewer words at an agreeing month: "will likely arrive in China in the second half of
            # May" and "embarked on a state visit to China on Thursday")
            fits = []
            for o in later_occurred:
                if o.article_key == c.article_key:
                    continue
                po, pc = pub(o), pub(c)
                if po and pc and po < pc:
                    continue
                if months[c.id] and months[o.id] and _times_conflict(months[c.id], months[o.id]):
                    continue
                timed = bool(months[c.id] or months[o.id])  # a month, and no month against it
                if overlap(c, o) < (SUGGEST_MIN_OVERLAP - 1 if timed else SUGGEST_MIN_OVERLAP):
                    continue
                fits.append(o)
            for o in sorted(fits, key=lambda o: -overlap(c, o))[:1]:
                dates = [t.text for t in o.when if t.type in ("DATE", "TIME")]
                when = f" ({dates[0]})" if dates else ""
                out.append(
                    Suggestion(
                        "supersedes",
                        c.id,
                        o.id,
                        f"{_source_label(articles.get(c.article_key), c.article_key)} reported it as {c.stance}; "
                        f"{_source_label(articles.get(o.article_key), o.article_key)} reports it occurred{when}",
                    )
                )
    numbers = {c.id: _numbers(c) for c in claims}
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a.article_key == b.article_key or overlap(a, b) < SUGGEST_MIN_OVERLAP:
                continue  # a disagreement only between claims that tell of the same thing
            ta, tb = months[a.id], months[b.id]
            if ta and tb and _times_conflict(ta, tb):
                out.append(Suggestion("conflicts", a.id, b.id, f"times disagree: {ta[0]} vs {tb[0]}"))
                continue
            na, nb = numbers[a.id], numbers[b.id]
            if na and nb and not (na & nb):
                out.append(
                    Suggestion(
                        "conflicts", a.id, b.id, f"figures disagree: {sorted(na)[0]} vs {sorted(nb)[0]}"
                    )
                )
    return out
