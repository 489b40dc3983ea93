"""Event groups over a batch of claims: candidate pairs, pair scores, average linkage, overrides, labels."""

from __future__ import annotations

import dataclasses
import functools
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from rapidfuzz import fuzz
from rapidfuzz import process as rf_process

from factcheck.grouping.duplicates import group_id, with_copies
from factcheck.grouping.events import event_kinds
from factcheck.grouping.features import (
    _FORWARD,
    EVENT_WORDS,
    Languages,
    _blocking_keys,
    _Bodies,
    _conflict,
    _cosine,
    _doc_year,
    _Feat,
    _features,
    _idf_vectors,
    _postings,
    groupable_claims,
    is_copy,
)
from factcheck.grouping.linkage import _average_linkage
from factcheck.grouping.params import DEFAULT, Params
from factcheck.grouping.state import (
    ClaimUid,
    GroupingState,
    LazyFeat,
    digest,
    fingerprint,
    group_key,
    read_words,
)
from factcheck.grouping.stories import _doc_clusters
from factcheck.grouping.suggest import suggestions
from factcheck.grouping.times import _days_apart, _month_key, _months_before, compatible
from factcheck.grouping.words import _stem
from factcheck.model import Article, Claim, EventGroup, GroupOverrides

# a pair's token_sort_ratio, shared-entity share, same story (0/1), and IDF-weighted cosine of its words
# (-1 when not computed)
_Edge = tuple[float, float, int, float]

# month mentions, size, stories of a claim cluster, the latest publication month ("YYYY-MM", or "") of
# its members that look forward without a time of their own ("is expected to cut jobs"), and its claims
# per article, and the first and last publication day ("YYYY-MM-DD", or "" when none is dated)
_State = tuple[Counter[str], int, Counter[int], str, Counter[int], tuple[str, str]]


def _link_bar(a: _State, b: _State, p: Params = DEFAULT) -> float:
    """Inside one story a low average-linkage bar (the story context already vouches for the pair);
    across stories the full bar, so look-alike wording alone does not pull two stories' claims together.
    The full bar too for two clusters of one story whose articles together span more than
    ``link_pub_days`` of publication: a story followed over weeks is a topic, and the story context does not
    chain its events (Super Tuesday, the primaries of a week later, those of two weeks later) into one."""
    if a[2].most_common(1)[0][0] != b[2].most_common(1)[0][0]:
        return p.link_min_cross
    dates = [d for d in (*a[5], *b[5]) if d]
    if p.link_pub_days >= 0 and dates and _days_apart(min(dates), max(dates)) > p.link_pub_days:
        return p.link_min_cross
    return p.link_min


def _established(state: _State, p: Params = DEFAULT) -> str | None:
    """A cluster's event time: its most reported month, when more than one member reports it (a lone
    mention in a large cluster, such as a court date in a story about a crime, does not define it)."""
    counts, size = state[0], state[1]
    if not counts:
        return None
    value, n = counts.most_common(1)[0]
    return value if n >= 2 or size <= p.mode_small else None


def _modes_compatible(a: _State, b: _State, p: Params = DEFAULT) -> bool:
    """Two clusters may merge when their established event times are compatible, and neither holds an
    expectation published after the other's event time (it looks forward to a later event)."""
    ma, mb = _established(a, p), _established(b, p)
    if (ma and b[3] and _months_before(ma, b[3]) >= p.forward_gap_months) or (
        mb and a[3] and _months_before(mb, a[3]) >= p.forward_gap_months
    ):
        return False
    return ma is None or mb is None or compatible(ma, mb)


def _shared_evidence(a: _Feat, b: _Feat) -> int:
    """How many participants and other content words two claims share (a participant's own words are
    not counted twice: "Vladimir Putin" and "putin"; "Christmas" and "christma", the content word as
    folded by ``words._stem``)."""
    ents = a.entities & b.entities
    in_names = {_stem(w) for e in ents for w in e.split()}
    words = {w for w in set(a.tokens) & set(b.tokens) if w not in in_names}
    return len(ents) + len(words)


def _kinds(f: _Feat) -> frozenset[str]:
    """The kinds of news event a claim names (``events.py``: an arrest, a death, an election...)."""
    return event_kinds(f.claim.text, f.lang)


def _verbatim(a: str, b: str) -> bool:
    """The same words in the same order (case and punctuation aside)."""
    return _WORDS.findall(a.casefold()) == _WORDS.findall(b.casefold())


_WORDS = re.compile(r"[^\W_]+")


def _framed(a: _Feat, b: _Feat, topic: frozenset[str]) -> bool:
    """Two claims share the frame of an event: two participants, or a person and an event word, in common,
    the batch's topic names (``topic``, ``_topic_names``) aside: in a batch of one campaign "Hillary
    Clinton" and "Donald Trump" are the frame of every report."""
    shared = a.entities & b.entities
    if topic:
        shared -= topic
    if len(shared) >= 2:
        return True
    if shared and shared & (a.people | b.people):
        return bool(EVENT_WORDS.intersection(a.tokens).intersection(b.tokens))
    return False


def _topic_names(df: Mapping[str, int], n_docs: int, p: Params, prefix: str = "") -> frozenset[str]:
    """The participants that are the batch's topic: named by the claims of ``topic_name_share`` of its
    ``n_docs`` articles or more, and of ``topic_name_min`` at least (``df``: a name -> its articles; with
    ``prefix``, its terms that start with it are the names, as the stories' document frequencies count a
    name: the term "e:" + name, ``stories._doc_clusters``)."""
    if p.topic_name_share <= 0:
        return frozenset()
    bar = _topic_bar(n_docs, p)
    if not prefix:
        return frozenset(e for e, n in df.items() if n >= bar)
    # (the count first: most terms are rare, and the few names past the bar are all that is made)
    k = len(prefix)
    return frozenset(t[k:] for t, n in df.items() if n >= bar and t.startswith(prefix))


def _topic_bar(n_docs: int, p: Params) -> float:
    """How many articles must name a participant for it to be a topic name (``_topic_names``)."""
    return max(p.topic_name_min, p.topic_name_share * n_docs)


def _batch_topic(
    feats: Sequence[_Feat], n_docs: int, state: GroupingState | None, p: Params
) -> frozenset[str]:
    """The batch's topic names (``_topic_names``) from how many of its articles name each participant in
    their claims. With a state, read from its stories' document frequencies, which count the names of each
    article's claims (``doc_entity_weight``) and are kept up to date article by article: reading every
    claim's names would read every article's words back from the state. And when the bar is last run's,
    last run's names with those whose count this run moved (``StoryMemo.moved``) told again: the others
    count what they counted then. They are left for the next run (``GroupingState.topic``)."""
    if state is not None and p.doc_entity_weight and (df := state.story_memo.df) is not None:
        moved, bar, then = state.story_memo.moved, _topic_bar(n_docs, p), state.topic
        if p.topic_name_share <= 0:
            topic: frozenset[str] = frozenset()
        elif then is not None and then[1] == bar and moved is not None:
            names = set(then[0])
            for t in moved:
                if t.startswith("e:"):
                    if df.get(t, 0) >= bar:
                        names.add(t[2:])
                    else:
                        names.discard(t[2:])
            topic = frozenset(names)
        else:
            topic = _topic_names(df, n_docs, p, "e:")
        state.topic = (topic, bar)
        return topic
    docs: dict[str, set[int]] = defaultdict(set)
    for f in feats:
        if _claim(f, p):
            for e in f.entities:
                docs[e].add(f.doc)
    return _topic_names({e: len(ds) for e, ds in docs.items()}, n_docs, p)


def _last_topic(state: GroupingState | None, p: Params) -> frozenset[str] | None:
    """Last run's topic names (``_topic_names``), read from the state before this run's stories (None: not
    known, so every pair is decided again): those it left (``GroupingState.topic``), else told from its
    stories' document frequencies."""
    if p.topic_name_share <= 0:
        return frozenset()
    if state is None or not p.doc_entity_weight or state.story_memo.df is None:
        return None
    if state.topic is not None:
        return state.topic[0]
    return _topic_names(state.story_memo.df, len(state.fingerprints), p, "e:")


def _direct(
    fi: _Feat, fj: _Feat, ts: float, cos: float, p: Params = DEFAULT, topic: frozenset[str] = frozenset()
) -> bool:
    """Whether two claims of different articles tell of one event on their own evidence, without the context
    of a shared story: two shared participants or content words, and wording, rare words, shared names and
    an agreeing month enough for ``cross_min`` (more when one states no time). ``cos``: the IDF-weighted
    cosine of their words (0 when the wording alone decides); ``topic``: the batch's topic names, no frame
    of an event."""
    if _shared_evidence(fi, fj) < p.cross_shared_min:
        return False
    same_month = bool(fi.months and fj.months and fi.months & fj.months)
    framed = same_month and _framed(fi, fj, topic)
    if ts < p.text_floor and not framed:
        return False
    # The batch's topic names are no participants of one event: "Hillary Clinton" and "Donald Trump" (and
    # no other name) in common, at an agreeing month, is a campaign's topic at that month.
    shared = fi.entities & fj.entities
    if topic and shared:
        shared = shared - topic
        same_month = same_month and bool(shared)
    ent = len(shared) / len(fi.entities | fj.entities) if fi.entities and fj.entities else 0.0
    need = p.cross_min + (p.untimed_extra if not (fi.times and fj.times) else 0.0)
    # One shared name is a topic ("Rust", "Oscars"), not yet the participants of one event: the share of
    # shared entities counts in full from ``entity_shared_full`` names on.
    ent_evidence = p.entity_evidence_weight * ent * min(1.0, len(shared) / p.entity_shared_full)
    frame = p.frame_bonus if framed else 0.0
    return max(ts / 100.0, cos) + ent_evidence + (p.month_bonus if same_month else 0.0) + frame >= need


def _one_time(fi: _Feat, fj: _Feat, p: Params = DEFAULT) -> bool:
    """Whether the context of their story may vouch for two claims: their reports were published within
    ``story_pub_days`` of each other (or one is undated), or their own words place them at one time (a month
    of a year both state, or one states the month the other was published in: a follow-up weeks later that
    gives the event's date). Else the story is a topic followed over weeks, and the pair must match on its
    own evidence, as two claims of different stories do."""
    if p.story_pub_days < 0 or not (fi.published and fj.published):
        return True
    if _days_apart(fi.published, fj.published) <= p.story_pub_days:
        return True
    mi, mj = _stated_months(fi), _stated_months(fj)
    return bool(mi & mj) or fi.published[:7] in mj or fj.published[:7] in mi


def _stated_months(f: _Feat) -> set[str]:
    """The months of a known year (``YYYY-MM``) a claim's times name."""
    return {k for v in f.times if (k := _month_key(v)) and not k.startswith("XXXX")}


def _shape_ok(a: _State, b: _State, cap: Mapping[int, int]) -> bool:
    """A group tells of one event, not of most of an article: the merge keeps each article's share of
    the group within its cap."""
    small, large = (a[4], b[4]) if len(a[4]) <= len(b[4]) else (b[4], a[4])
    return all(n + large[d] <= cap[d] for d, n in small.items() if d in large)


def group_claims(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    *,
    overrides: GroupOverrides | None = None,
    min_size: int = 2,
    params: Params = DEFAULT,
    state: GroupingState | None = None,
) -> list[EventGroup]:
    """Event groups over a batch of claims (any topics). Deterministic: same input, same groups and ids.

    ``state`` (a ``GroupingState`` kept between the calls for one batch) makes a regrouping after a few
    articles changed cost about those articles: the groups are exactly those of a grouping from scratch."""
    p = params
    if state is not None and state.params != p:
        state.reset(p)
    every = (
        groupable_claims(claims, articles, copies=True)
        if state is None
        else state.groupable_claims(claims, articles)
    )
    copied = {key for key, a in articles.items() if is_copy(a)}  # (told once per article, not per claim)
    copies = [c for c in every if c.article_key in copied]  # they follow their originals
    claims = [c for c in every if c.article_key not in copied]
    if not claims:
        if state is not None:
            state.reset(p)
        return []
    langs = Languages(articles)
    earlier = state.features if state is not None else {}  # (last run's, for ``_Reuse``)
    feats, n_docs, fps, keys_of = _claim_features(claims, articles, langs, p, state)
    vec = _Vectors(feats, p)
    by_doc: dict[int, list[_Feat]] = defaultdict(list)
    n_claims: Counter[int] = Counter()  # an article's claims (the sentences kept as evidence aside)
    for f in feats:
        by_doc[f.doc].append(f)
        if _claim(f, p):
            n_claims[f.doc] += 1
    keys = [by_doc[d][0].claim.article_key for d in range(n_docs)]
    doc_years = _doc_years(by_doc, n_docs, fps, state, p)
    bodies = _Bodies(keys, articles)

    # An article's profile names the participants of its claims: a sentence kept as evidence adds none (the
    # names of every sentence made the stories move as unrelated pages were added: stability 0.94). Those
    # that name no one stay, so an article of evidence sentences only still tells its language.
    def named(f: _Feat) -> bool:
        return _claim(f, p) or not f.entities

    topic_then = _last_topic(state, p)  # (read before the stories count this run's articles)
    if state is None:
        doc_label = _doc_clusters(feats, n_docs, doc_years, bodies, p, profiled=named)
    else:
        doc_label = _doc_clusters(feats, n_docs, doc_years, bodies, p, fps, state.story_memo, named, by_doc)
    # A long page (an essay, documentation) is not a report of one event: it is a story of its own.
    # (counted in claims: the sentences kept as evidence do not make an article long, nor a story too large
    # for its context, so the stories' context is that of the claims alone)
    doc_label = [
        lab if n_claims[d] <= p.story_article_max_claims else n_docs + d for d, lab in enumerate(doc_label)
    ]
    doc_size = {d: len(fs) for d, fs in by_doc.items()}
    topic = _batch_topic(feats, n_docs, state, p)
    postings = _Postings(keys_of)
    story_docs: dict[int, list[int]] = defaultdict(list)  # a story's articles
    for d, lab in enumerate(doc_label):
        story_docs[lab].append(d)

    def story_claims(lab: int) -> list[int]:
        """The claims of a story, in batch order."""
        return sorted(f.idx for d in story_docs[lab] for f in by_doc[d])

    moved = None if topic_then is None else topic ^ topic_then
    run = _Reuse(
        state, feats, by_doc, keys, fps, (doc_label, n_claims), (postings, keys_of, earlier), p, moved
    )
    if run.touched is None:
        cands = _pairs(feats, _postings(keys_of).values(), map(story_claims, sorted(story_docs)), None, p)
    else:  # (only the keys and stories that hold a claim of a touched article or a redone pair give pairs)
        mine = [f.idx for d in sorted(run.touched) for f in by_doc[d]] + sorted(run.redo.claims)
        held = sorted({k for i in mine for k in keys_of[i]})
        told = sorted({doc_label[feats[i].doc] for i in mine})
        cands = _pairs(feats, postings.of(held).values(), map(story_claims, told), run.touched, p, run.redo)
    edges, detail = run.edges(cands, doc_label, vec, topic)

    # Average linkage on the sparse graph with cannot-link on cluster event times, per connected part.
    # A cluster's state: its month mentions, its size and the stories its claims come from.
    # (made for the claims of the parts clustered: after one change, those of a few parts)
    def claim_state(f: _Feat) -> _State:
        tc: Counter[str] = Counter()
        for v in f.times:
            mk = _month_key(v)
            if mk:
                tc[mk] += 1
        fwd = f.published[:7] if f.published and not f.times and f.claim.stance in _FORWARD else ""
        pub = f.published[:10] if f.published else ""
        return (tc, 1, Counter({doc_label[f.doc]: 1}), fwd, Counter({f.doc: 1}), (pub, pub))

    doc_cap = {d: max(p.article_claims_min, int(p.article_share_max * n)) for d, n in doc_size.items()}

    def merge_states(a: _State, b: _State) -> _State:
        pubs = [d for d in (*a[5], *b[5]) if d]
        span = (min(pubs), max(pubs)) if pubs else ("", "")
        return (a[0] + b[0], a[1] + b[1], a[2] + b[2], max(a[3], b[3]), a[4] + b[4], span)

    def compatible_states(a: _State, b: _State) -> bool:
        return _modes_compatible(a, b, p) and _shape_ok(a, b, doc_cap)

    def cluster(ms: list[int], sims: dict[tuple[int, int], float]) -> list[list[int]]:
        states = [claim_state(feats[m]) for m in ms]
        label = _average_linkage(
            len(ms),
            sims,
            edge_min=p.edge_min,
            avg_min=p.link_min,
            states=states,
            compatible_states=compatible_states,
            merge_states=merge_states,
            avg_min_for=lambda a, b: _link_bar(a, b, p),
        )
        label = _attach_corroborated(
            label, ms, sims, states, feats, detail, p, compatible_states, merge_states, topic
        )
        members: dict[int, list[int]] = defaultdict(list)
        for x, lab in enumerate(label):
            members[lab].append(ms[x])
        return [
            kept
            for m in members.values()
            if len(m) > 1
            for kept in [_earned(m, feats, detail, vec, p, topic)]
            if kept
        ]

    # Without a reviewer's merges and splits, a group is a cluster of two articles or more (``_earned``):
    # the claims left alone make none, and the parts reused whole give last run's groups by part
    # (``_Reuse.whole_groups``), their claims never placed in the batch.
    plain = overrides is None or not (overrides.merges or overrides.splits)
    sets = run.clusters(edges, detail, cluster, min_size if plain else None)
    if not plain:
        placed = {m for ms in sets for m in ms}
        sets += [[f.idx] for f in feats if f.idx not in placed]
        sets = _apply_overrides(sets, feats, overrides)

    groups = run.whole_groups()
    for ms in sets:
        docs = {feats[m].doc for m in ms}
        if len(ms) < min_size or (len(docs) < 2 and not _forced(ms, feats, overrides)):
            continue
        make = functools.partial(_make_group, [feats[m] for m in ms], detail, articles, p, langs)
        groups.append(run.group(ms, detail, make))
    run.finish()
    if state is None:
        groups = with_copies(groups, copies, claims, articles)
    else:
        groups = with_copies(groups, copies, claims, articles, state.copies, state.content_keys)
    groups.sort(key=lambda g: (g.when or "9999", g.id))
    return groups


def _doc_years(
    by_doc: Mapping[int, list[_Feat]], n_docs: int, fps: Sequence[str], state: GroupingState | None, p: Params
) -> list[str | None]:
    """Each article's dominant year (``_doc_year``); with a state, last run's for an article with last run's
    fingerprint (a function of its claims' features alone), and this run's left for the next."""
    if state is None:
        return [_doc_year(by_doc[d], p) for d in range(n_docs)]
    known, state.years = state.years, {}
    out: list[str | None] = []
    for d, fp in enumerate(fps):
        year = known[fp] if fp in known else _doc_year(by_doc[d], p)
        state.years[fp] = year
        out.append(year)
    return out


class _Vectors(dict[int, dict[str, float]]):
    """Each claim's word vector (``_idf_vectors``: its own words' rarities) by its index, made when first
    asked for: a regrouping after one change compares the claims of a few articles only."""

    def __init__(self, feats: Sequence[_Feat], p: Params):
        super().__init__()
        self.feats, self.p = feats, p

    def __missing__(self, i: int) -> dict[str, float]:
        v = self[i] = _idf_vectors([self.feats[i]], self.p)[0]
        return v


def _claim_features(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    langs: Mapping[str, str | None],
    p: Params,
    state: GroupingState | None,
) -> tuple[list[_Feat], int, list[str], list[list[str]]]:
    """Each claim's features and blocking keys (both its article's alone), and each article's fingerprint
    (with a state: an article with last run's fingerprint gets last run's features).

    A sentence kept as grouping evidence (under ``claim_floor``) holds no blocking key: it is compared with
    the claims of its story only. (Every sentence of the batch's other pages on the keys would fill them
    past ``max_posting``: claims would lose their pairs as unrelated pages are added.)"""
    if state is None:
        every, n_docs = _features(claims, articles, langs)
        return every, n_docs, [], [_claim_keys(f, p) for f in every]
    own: dict[str, list[Claim]] = {}
    for c in claims:
        own.setdefault(c.article_key, []).append(c)
    fps: list[str] = []
    doc_of: dict[str, int] = {}
    done: dict[str, tuple[list[_Feat], list[list[str]]]] = {}
    for key, cs in own.items():
        doc_of[key] = len(fps)
        fp = state.content_keys.get(key) or fingerprint(articles.get(key), cs)
        fps.append(fp)
        got = state.features.get(fp) or done.get(fp)
        if got is None:
            fs, _ = _features(cs, articles, langs)
            got = (fs, [_claim_keys(f, p) for f in fs])
        done[fp] = got
    state.features = done
    feats: list[_Feat] = []
    keys_of: list[list[str]] = []
    seen: Counter[str] = Counter()
    for c in claims:  # the batch's order (an article's claims need not be contiguous)
        d = doc_of[c.article_key]
        x = seen[c.article_key]
        seen[c.article_key] += 1
        fs, ks = done[fps[d]]
        f = fs[x]
        feats.append(
            f.placed(len(feats), c, d) if isinstance(f, LazyFeat) else _Feat(len(feats), c, d, *_own(f))
        )
        keys_of.append(ks[x])
    return feats, len(fps), fps, keys_of


def _claim_keys(f: _Feat, p: Params) -> list[str]:
    """A claim's blocking keys (none for a sentence kept as grouping evidence)."""
    return _blocking_keys(f, p) if _claim(f, p) else []


# A claim's features after its place in the batch (``_Feat``'s first fields: idx, claim, doc), read in one
# call: a state's features are placed in the batch (``_claim_features``) five times faster than by
# ``dataclasses.replace`` (its per-field loop). (tests/test_grouping_incremental.py checks the order.)
_OWN = tuple(f.name for f in dataclasses.fields(_Feat))[3:]
_own = operator.attrgetter(*_OWN)


def _pairs(
    feats: list[_Feat],
    postings: Iterable[list[int]],
    stories: Iterable[list[int]],
    touched: set[int] | None,
    p: Params = DEFAULT,
    redo: _Redo | None = None,
) -> dict[int, set[int]]:
    """The candidate pairs (i < j) to score: claims sharing a blocking key held by at most
    ``max_posting`` claims (``postings``: each key's claims), and every cross-article pair inside a (not too
    large) story (``stories``: each story's claims). With ``touched`` (articles), only the pairs with a claim
    of a touched article, and those ``redo`` decides again; the others are reused: then the keys and stories
    without such a claim may be left out."""
    cands: dict[int, set[int]] = defaultdict(set)
    again = redo.claims if redo is not None else set()

    def add(ms: list[int], same_article: bool) -> None:
        if touched is None:
            for x, i in enumerate(ms):
                for j in ms[x + 1 :]:
                    if same_article or feats[i].doc != feats[j].doc:
                        cands[i].add(j)
            return
        for i in ms:
            if feats[i].doc in touched:
                for j in ms:
                    if i != j and (same_article or feats[i].doc != feats[j].doc):
                        cands[min(i, j)].add(max(i, j))
        if redo is not None:
            for i in ms:
                if i in again:
                    for j in ms:
                        if i != j and (same_article or feats[i].doc != feats[j].doc) and redo(i, j):
                            cands[min(i, j)].add(max(i, j))

    # (a key's claims may be of one article: such a pair can link two claims through a third)
    for ms in postings:
        if 1 < len(ms) <= p.max_posting:
            add(ms, True)
    # Same-story context: every cross-article pair inside a (not too large) story cluster is a candidate,
    # but a sentence kept as evidence is compared with the story's claims only (not with other evidence).
    for ms in stories:
        claims = [m for m in ms if _claim(feats[m], p)]
        if len(claims) > p.story_max_claims or len({feats[m].doc for m in ms}) < 2:
            continue
        add(claims, False)
        for e in ms:
            if _claim(feats[e], p):
                continue
            for i in claims:
                if feats[i].doc != feats[e].doc and (
                    touched is None
                    or feats[i].doc in touched
                    or feats[e].doc in touched
                    or (redo is not None and redo(i, e))
                ):
                    cands[min(i, e)].add(max(i, e))
    return cands


def _score_pairs(
    cands: Mapping[int, set[int]],
    feats: list[_Feat],
    doc_label: Sequence[int],
    vec: Mapping[int, dict[str, float]],
    p: Params = DEFAULT,
    topic: frozenset[str] = frozenset(),
) -> dict[tuple[int, int], tuple[float, _Edge]]:
    """Each candidate pair's score and evidence, for the pairs that make an edge (score >= ``edge_min``);
    ``topic``: the batch's topic names (``_topic_names``)."""
    out: dict[tuple[int, int], tuple[float, _Edge]] = {}
    kinds: dict[int, frozenset[str]] = {}  # claim -> the kinds of event it names (told once per claim)

    def kinds_of(x: int) -> frozenset[str]:
        if x not in kinds:
            kinds[x] = _kinds(feats[x])
        return kinds[x]

    for i in sorted(cands):
        fi = feats[i]
        if not fi.text:
            continue
        order = sorted(cands[i])
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
            # (two reports of a story weeks apart are of one topic: their claims' own words must tie them)
            same_story = fi.doc != fj.doc and doc_label[fi.doc] == doc_label[fj.doc] and _one_time(fi, fj, p)
            # An article with no publication date is compatible with any year: beside a dated article of its
            # story its claims lean less on the story and more on their own evidence.
            bonus = (
                p.same_story_bonus
                if (fi.published is None) == (fj.published is None)
                else p.undated_story_bonus
            )
            same_month = bool(fi.months and fj.months and fi.months & fj.months)
            framed = same_month and _framed(fi, fj, topic)
            if ts < p.text_floor and not same_story and not framed:
                continue
            if not same_story and _shared_evidence(fi, fj) < p.cross_shared_min:
                continue
            # Near-identical wording that differs in a figure or a negation is a look-alike, story or not.
            if _conflict(fi, fj, same_story and ts < p.story_lookalike_text, p):
                continue
            ent = (
                len(fi.entities & fj.entities) / len(fi.entities | fj.entities)
                if fi.entities and fj.entities
                else 0.0
            )
            # The cosine (rare words weigh more) counts inside a story and where the wording alone does not
            # already decide.
            cos = _cosine(vec[i], vec[j]) if same_story or ts < p.wording_decides else 0.0
            base = max(ts / 100.0, cos)
            # Inside a story a pair still shows direct evidence: a participant or a content word in common.
            if same_story and _shared_evidence(fi, fj) < p.story_shared_min:
                continue
            # Same participants at the same month: the frame of one event, whatever the wording.
            frame = p.frame_bonus if framed else 0.0
            if not same_story and not _direct(fi, fj, ts, cos, p, topic):
                continue
            # The same sentence word for word, with no time, in two articles of different stories is the
            # sites' template (a comment rule, a disclaimer), not two reports of an event: reports of one
            # event are worded anew, and a reprint is in its original's story (or a copy, ``duplicates``).
            if not same_story and ts == 100 and not fi.times and _verbatim(fi.claim.text, fj.claim.text):
                continue
            # Two claims of different stories that state no time and name no kind of event in common tell
            # of a topic (a funding programme two pages describe), not of one event.
            if (
                p.untimed_cross_kind
                and not same_story
                and not (fi.times or fj.times)
                and not kinds_of(i) & kinds_of(j)
            ):
                continue
            score = base + frame + p.entity_weight * ent + (bonus if same_story else 0.0)
            score += p.month_bonus if same_month else 0.0
            if score >= p.edge_min:
                out[(i, j)] = (score, (float(ts), ent, int(same_story), cos if cos else -1.0))
    return out


class _Postings:
    """Each blocking key's claims (their indices, ascending), found for the keys asked (``of``): a regrouping
    after one change asks for the keys of a few articles' claims, and one pass testing each claim's keys
    against those costs less than listing every key's claims (~170,000 entries on the reopen batch), which
    a grouping from scratch does (``features._postings``)."""

    def __init__(self, keys_of: Sequence[Sequence[str]]):
        self.keys_of = keys_of
        self.known: dict[str, list[int]] = {}  # the keys asked so far
        self.scans = 0  # passes over the claims' keys (a figure for the benches and tests)

    def of(self, keys: Iterable[str]) -> dict[str, list[int]]:
        """The claims of each of ``keys`` (in the order asked, each once)."""
        asked = list(dict.fromkeys(keys))
        want = set(asked) - self.known.keys()
        if want:
            self.scans += 1
            found: dict[str, list[int]] = {k: [] for k in want}
            for i, ks in enumerate(self.keys_of):
                if not want.isdisjoint(ks):
                    for k in ks:
                        if k in want:
                            found[k].append(i)
            self.known.update(found)
        return {k: self.known[k] for k in asked}


class _Redo:
    """The pairs of claims of two unchanged articles that a regrouping decides again (scored when they are
    candidates, last run's edge dropped when not); the other pairs of unchanged articles are last run's. A
    pair's score reads its two claims and whether their articles are of one story; whether it is a candidate
    reads the blocking keys they share and whether their story gives all its pairs. So: the pairs inside a
    blocking key that crossed its cap (``keys``: each such key's claims), and the pairs of two articles of
    which one joined or left the other's story, or whose story crossed ``story_max_claims`` (``docs``: an
    article -> those articles). The articles a change moved into another story keep their other pairs."""

    def __init__(self, feats: Sequence[_Feat], by_doc: Mapping[int, list[_Feat]]):
        self.feats, self.by_doc = feats, by_doc
        self.keys: list[set[int]] = []
        self.docs: dict[int, set[int]] = defaultdict(set)
        self.claims: set[int] = set()  # (``involved()``, once ``keys`` and ``docs`` are made)

    def involved(self) -> set[int]:
        """The claims with a pair decided again."""
        out: set[int] = set().union(*self.keys)
        out.update(f.idx for d in self.docs for f in self.by_doc[d])
        return out

    def __call__(self, i: int, j: int) -> bool:
        """Whether the pair of claims ``i`` and ``j`` is decided again."""
        di, dj = self.feats[i].doc, self.feats[j].doc
        return (di in self.docs and dj in self.docs[di]) or any(i in s and j in s for s in self.keys)


class _Reuse:
    """One grouping run's use of a ``GroupingState``: what can be taken from the last run (exactly), and
    what this run leaves for the next. Without a state every piece is computed."""

    def __init__(
        self,
        state: GroupingState | None,
        feats: list[_Feat],
        by_doc: Mapping[int, list[_Feat]],
        keys: list[str],
        fps: list[str],
        stories: tuple[Sequence[int], Mapping[int, int]],
        blocking: tuple[
            _Postings,
            Sequence[Sequence[str]],
            Mapping[str, tuple[Sequence[object], Sequence[Sequence[str]]]],
        ],
        p: Params,
        topic_moved: frozenset[str] | None = None,
    ):
        """``stories``: each article's story, and each article's claims (``_claim``: the sentences kept as
        evidence aside); ``blocking``: each blocking key's claims, each claim's keys, and last run's features and keys of
        each article by its fingerprint (``GroupingState.features`` before this run); ``topic_moved``: the
        names that became or ceased to be topic names since last run (``_topic_names``; None: not known)."""
        self.state, self.feats, self.keys, self.fps, self.p = state, feats, keys, fps, p
        postings, keys_of, earlier = blocking
        self.postings = postings
        doc_label, n_claims = stories
        self.doc_label = doc_label
        self.touched: set[int] | None = None  # None: every article
        self.redo = _Redo(feats, by_doc)  # pairs of unchanged articles decided again
        self.new_groups: dict[bytes, EventGroup] = {}
        self.new_content: dict[bytes, bytes] = {}  # a group's key -> ``_content_key`` (see ``group``)
        self.by_content: dict[bytes, bytes] | None = None  # (last run's, inverted, when first needed)
        self.filled: set[bytes] = set()  # reused parts whose edges are in ``detail``
        self.by_doc = by_doc
        self.places: dict[int, dict[int, int]] = {}  # an article -> its claims' places among its claims
        # an article (key, fingerprint) -> its place in the batch
        self.at = {(k, fp): d for d, (k, fp) in enumerate(zip(keys, fps, strict=True))} if fps else {}
        # the parts reused whole and not placed in the batch: (part key, the keys of its groups)
        self.whole: list[tuple[bytes, list[bytes]]] = []
        self.framed: set[int] = set()  # the claims naming a name that became or ceased to be a topic name
        if state is None:
            return
        n_docs = len(keys)
        members: dict[int, list[int]] = defaultdict(list)
        for d, lab in enumerate(doc_label):
            members[lab].append(d)
        # A pair of two unchanged articles scores the same while they are of one story or not as last time,
        # and their story gives all its pairs as candidates or not as last time (its claims within the cap,
        # as ``_pairs`` counts them). (one value per story, shared by its articles)
        story = {
            lab: (frozenset(keys[m] for m in ms), sum(n_claims[m] for m in ms) > p.story_max_claims)
            for lab, ms in members.items()
        }
        self.stories = {keys[d]: story[lab] for d, lab in enumerate(doc_label)}
        before = state.fingerprints
        now = set(keys)
        if not before or [k for k in before if k in now] != [k for k in keys if k in before]:
            return  # nothing to start from, or the articles came in another order: from scratch
        touched = {d for d in range(n_docs) if before.get(keys[d]) != self.fps[d]}
        doc_of = {k: d for d, k in enumerate(keys)}
        # (last run's story of an article is compared with this run's once per pair of stories: each run's
        # value is one per story)
        same: dict[tuple[int, int], bool] = {}
        for d in range(n_docs):
            then, new = state.stories.get(keys[d]), self.stories[keys[d]]
            if d in touched:
                continue
            if then is None:  # (no story of last run: every pair of the article)
                touched.add(d)
                continue
            both = (id(then), id(new))
            if both not in same:
                same[both] = then == new
            if same[both]:
                continue
            # the articles that joined or left its story; all of its story's when its pairs crossed the cap
            moved = then[0] ^ new[0] if then[1] == new[1] else then[0] | new[0]
            for e in {doc_of[k] for k in moved if k in doc_of} - touched - {d}:
                self.redo.docs[d].add(e)
                self.redo.docs[e].add(d)
        # A blocking key that crossed its cap adds or removes pairs between its claims (only those: a pair
        # scores the same, its claims' stories being the same). How many claims held it last time: as many as
        # now, less those of the articles new since, plus those of the articles gone since (an unchanged
        # article holds the same keys).
        grown: Counter[str] = Counter()
        for d in range(n_docs):
            if before.get(keys[d]) != self.fps[d]:
                for f in by_doc[d]:
                    grown.update(keys_of[f.idx])
        kept = set(zip(keys, self.fps, strict=True))
        for key, fp in before.items():
            if (key, fp) not in kept:
                old = earlier.get(fp)
                if old is None:
                    return  # (last run's features of an article are missing: from scratch)
                for ks in old[1]:
                    grown.subtract(ks)
        cap = p.max_posting
        crossed = [k for k, n in grown.items() if n]
        # (asked with them, the keys ``group_claims`` asks next, of the claims of the touched articles and of
        # the articles whose pairs are decided again: one pass over the batch's claims finds them all)
        near = sorted(touched | self.redo.docs.keys())
        held = postings.of([*crossed, *(k for d in near for f in by_doc[d] for k in keys_of[f.idx])])
        for k in crossed:
            ms, n = held[k], grown[k]
            if ms and (len(ms) <= cap) != (len(ms) - n <= cap):
                self.redo.keys.append(set(ms))
        # A name that became a topic name, or ceased to be one, frames the pairs of the claims that name it
        # otherwise (``_framed``): those pairs are decided again (each such name's claims, as a key's).
        if topic_moved is None:
            return
        if topic_moved:
            holders: dict[str, set[int]] = defaultdict(set)
            for f in feats:
                for name in topic_moved & f.entities:
                    holders[name].add(f.idx)
            self.redo.keys.extend(held for _name, held in sorted(holders.items()) if len(held) > 1)
            self.framed = set().union(*holders.values())
        self.redo.claims = self.redo.involved()
        self.touched = touched

    def edges(
        self,
        cands: Mapping[int, set[int]],
        doc_label: Sequence[int],
        vec: Mapping[int, dict[str, float]],
        topic: frozenset[str],
    ) -> tuple[list[tuple[float, int, int]], dict[int, dict[int, _Edge]]]:
        """The claim graph's edges to cluster anew and each one's evidence (by its lower claim index): every
        edge from scratch; with a state, the edges of the connected parts that a touched article's claims
        are (or were) in, the other parts being last time's exactly (``self.reused``)."""
        state = self.state
        if state is not None:  # (the words of the claims compared, read back from a state in one lookup)
            read_words(self.feats[j] for i, js in cands.items() for j in (i, *js))
        scored = _score_pairs(cands, self.feats, doc_label, vec, self.p, topic)
        n_new = len(scored)
        settled = 0  # last run's parts with pairs decided again and the same edges (``_settled``)
        # (part key, its members' indices now; None: not placed in the batch, see ``clusters``)
        self.reused: list[tuple[bytes, list[int] | None]] = []
        if state is not None and self.touched is not None:
            feats, touched, redo, at = self.feats, self.touched, self.redo, self.at
            by_end: dict[int, list[tuple[int, int]]] = defaultdict(list)  # claim -> its pairs scored now
            for pair in scored:
                by_end[pair[0]].append(pair)
                by_end[pair[1]].append(pair)
            ends = by_end.keys() | redo.claims
            end_uids = {self.uid(i) for i in ends}
            # a pair decided again is of two of these claims: ``redo`` is asked only then
            again_claims = redo.claims
            for key, (uids, _links, _kept) in state.parts.items():
                # a part is last run's when its articles are all here unchanged (an article with last run's
                # fingerprint has last run's claims) and none of its claims has a pair scored or decided
                # again: told by article and by uid, its claims not placed in the batch
                docs = [at.get(a) for a in state.part_articles(key)]
                if all(d is not None and d not in touched for d in docs) and end_uids.isdisjoint(uids):
                    self.reused.append((key, None))
                    continue
                now = self._now(uids)
                # the part's edges now: those not decided again, and those scored again
                kept: dict[tuple[int, int], tuple[float, _Edge]] = {}
                again: dict[tuple[int, int], tuple[float, _Edge]] = {}
                for li, lj, score, ev in state.part_links(key):
                    i, j = now[li], now[lj]
                    if i is None or j is None or feats[i].doc in touched or feats[j].doc in touched:
                        continue
                    decided = i in again_claims and j in again_claims and redo(i, j)
                    (again if decided else kept)[(i, j)] = (score, ev)
                if self._settled(now, again, by_end, scored):
                    self.reused.append((key, [i for i in now if i is not None]))
                    settled += 1
                    continue
                scored.update(kept)  # the part changes: clustered anew
        if state is not None:
            state.stats = {
                "pairs_scored": sum(map(len, cands.values())),
                "edges_new": n_new,
                "story_vectors_moved": state.story_memo.vectors_moved,
                "stories_made": state.story_memo.stories_made,
                "parts_settled": settled,
                "blocking_scans": self.postings.scans,
            }
        edges = [(sc, i, j) for (i, j), (sc, _ev) in scored.items()]
        detail: dict[int, dict[int, _Edge]] = defaultdict(dict)
        for i, j in sorted(scored):
            detail[i][j] = scored[(i, j)][1]
        return edges, detail

    def uid(self, i: int) -> ClaimUid:
        """Claim ``i``'s uid: its article's key and fingerprint, and its place among that article's claims
        (told for the claims asked, not for every claim of the batch: after one change, those of a few
        parts)."""
        d = self.feats[i].doc
        places = self.places.get(d)
        if places is None:
            places = self.places[d] = {f.idx: x for x, f in enumerate(self.by_doc[d])}
        return (self.keys[d], self.fps[d], places[i])

    def _now(self, uids: Sequence[ClaimUid]) -> list[int | None]:
        """The indices now of the claims ``uids`` of last run (None: not in the batch now)."""
        out: list[int | None] = []
        for k, fp, x in uids:
            d = self.at.get((k, fp))
            cs = self.by_doc[d] if d is not None else ()
            out.append(cs[x].idx if x < len(cs) else None)
        return out

    def _settled(
        self,
        now: list[int | None],
        again: Mapping[tuple[int, int], tuple[float, _Edge]],
        by_end: Mapping[int, list[tuple[int, int]]],
        scored: dict[tuple[int, int], tuple[float, _Edge]],
    ) -> bool:
        """Whether last run's part of claims ``now`` (their indices now) is the same part with the same edges
        although some of its pairs were decided again (``again``: its edges among them): then its clusters
        are last run's, and the pairs scored again among its claims are dropped from ``scored``. So when its
        claims are all here, of unchanged articles whose stories are unchanged (the same story partition,
        the same story pairs), none naming a name whose topic status moved (``_framed``, ``_direct``), and
        the pairs scored now that reach its claims are exactly its edges decided again, with the same
        scores and evidence: the clustering reads nothing else (``cluster``: the claims' features, their
        stories, their articles' claim counts, the part's edges)."""
        members = {i for i in now if i is not None}
        if len(members) < len(now) or members & self.framed:
            return False
        touched, moved = self.touched or set(), self.redo.docs
        if any(self.feats[i].doc in touched or self.feats[i].doc in moved for i in members):
            return False
        reach = {pair for i in members for pair in by_end.get(i, ())}
        if len(reach) != len(again) or any(scored[pair] != again.get(pair) for pair in reach):
            return False
        for pair in reach:
            del scored[pair]
        return True

    def clusters(
        self,
        edges: list[tuple[float, int, int]],
        detail: Mapping[int, Mapping[int, _Edge]],
        cluster: Callable[[list[int], dict[tuple[int, int], float]], list[list[int]]],
        min_size: int | None = None,
    ) -> list[list[int]]:
        """``cluster`` run on each connected part of the claim graph (its members in index order, its edges
        in local indices), or last run's result for a part with the same claims, stories and edges. With
        ``min_size`` (no reviewer's merges and splits: each cluster of that size is a group), a part reused
        whole whose groups are all last run's is left out of the result, its groups left to
        ``whole_groups``."""
        parent = list(range(len(self.feats)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for _sc, i, j in edges:
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
        parts: dict[int, list[int]] = defaultdict(list)
        for m in sorted({x for _sc, i, j in edges for x in (i, j)}):
            parts[find(m)].append(m)
        part_edges: dict[int, dict[tuple[int, int], float]] = defaultdict(dict)
        for sc, i, j in edges:
            part_edges[find(i)][(i, j)] = sc
        out: list[list[int]] = []
        state = self.state
        self.part_of: dict[int, bytes] = {}  # claim -> the key of its part (with a state)
        self.place: dict[int, int] = {}  # claim -> its place among its part's claims
        new_parts: dict[
            bytes, tuple[tuple[ClaimUid, ...], list[tuple[int, int, float, _Edge]] | None, list[list[int]]]
        ] = {}
        reused = 0
        if state is not None:
            for key, now in self.reused:
                uids, links, kept = state.parts[key]
                new_parts[key] = (uids, links, kept)
                reused += 1
                if now is None and min_size is not None:
                    # (a group of a part is keyed by the part and its claims' places there: ``group``)
                    gks = [
                        gk
                        for c, gk in zip(kept, state.part_group_keys(key), strict=True)
                        if len(c) >= min_size
                    ]
                    if all(gk in state.groups for gk in gks):
                        self.whole.append((key, gks))
                        continue
                ms = [i for i in (self._now(uids) if now is None else now) if i is not None]
                out.extend([ms[x] for x in c] for c in kept)
                self.part_of.update((m, key) for m in ms)
                self.place.update((m, x) for x, m in enumerate(ms))
        for root, ms in parts.items():
            local = {m: x for x, m in enumerate(ms)}
            sims = {(local[i], local[j]): sc for (i, j), sc in part_edges[root].items()}
            if state is None:
                out.extend(cluster(ms, sims))
                continue
            links = sorted((i, j, sc, detail[ms[i]][ms[j]]) for (i, j), sc in sims.items())
            key = self._part_key(ms, links)
            got = state.parts.get(key)
            if got is not None:
                kept_local = got[2]
                reused += 1
            else:
                kept_local = [[local[m] for m in c] for c in cluster(ms, sims)]
            new_parts[key] = (tuple(self.uid(m) for m in ms), links, kept_local)
            out.extend([ms[x] for x in c] for c in kept_local)
            self.part_of.update((m, key) for m in ms)
            self.place.update(local)
        if state is not None:
            state.parts = new_parts
            state.articles_of = {k: v for k, v in state.articles_of.items() if k in new_parts}
            state.group_keys = {k: v for k, v in state.group_keys.items() if k in new_parts}
            state.stats["parts_reused"] = reused
            state.stats["parts"] = len(new_parts)
        return sorted(out)

    def _part_key(self, ms: list[int], links: list[tuple[int, int, float, _Edge]]) -> bytes:
        stories: dict[int, int] = {}
        doc_label = self.doc_label
        members = tuple(
            (self.uid(m), stories.setdefault(doc_label[self.feats[m].doc], len(stories))) for m in ms
        )
        return digest((members, links))

    def whole_groups(self) -> list[EventGroup]:
        """The groups of the parts reused whole (``clusters``), last run's, as ``group`` gives them."""
        out: list[EventGroup] = []
        if self.state is None:
            return out
        groups, content = self.state.groups, self.state.group_content
        for _key, gks in self.whole:
            for gk in gks:
                got = groups[gk]
                self.new_groups[gk] = got
                if gk in content:
                    self.new_content[gk] = content[gk]
                out.append(_copy(got))
        return out

    def group(
        self, ms: list[int], detail: dict[int, dict[int, _Edge]], make: Callable[[], EventGroup]
    ) -> EventGroup:
        """The group of claims ``ms``: last run's when the same claims came from the same part of the claim
        graph, else ``make()`` (the evidence of reused parts is filled in ``detail`` first)."""
        if self.state is None:
            return make()
        parts = {self.part_of.get(m) for m in ms}
        key = None
        if len(parts) == 1:
            part = parts.pop()
            if part is not None:  # (a part's key names its claims and edges: their places name the group)
                key = group_key(part, [self.place[m] for m in ms])
            else:
                key = digest((tuple(self.uid(m) for m in ms), None))
        state = self.state
        got = state.groups.get(key) if key is not None else None
        content = state.group_content.get(key) if got is not None and key is not None else None
        if got is None:
            # a part that changed: a group of it with the same claims and edges among them as a group of
            # last run is that group (``_make_group`` reads nothing else)
            self._fill(ms, detail)
            content = self._content_key(ms, detail)
            if self.by_content is None:
                self.by_content = {c: k for k, c in state.group_content.items()}
            got = state.groups.get(self.by_content.get(content, b""))
            if got is None:
                got = make()
        if key is not None:
            self.new_groups[key] = got
            if content is not None:
                self.new_content[key] = content
        return _copy(got)

    def _content_key(self, ms: list[int], detail: Mapping[int, Mapping[int, _Edge]]) -> bytes:
        """What ``_make_group`` reads of the claims ``ms``: each claim (its uid: its article's fingerprint and
        its place there) and the evidence of the edges between them (in places among ``ms``)."""
        at = {m: x for x, m in enumerate(ms)}
        links = sorted((at[i], at[j], ev) for i in ms for j, ev in detail.get(i, {}).items() if j in at)
        return digest(("group", tuple(self.uid(m) for m in ms), links))

    def _fill(self, ms: list[int], detail: dict[int, dict[int, _Edge]]) -> None:
        """Put the edges of the reused parts that ``ms`` touches into ``detail``."""
        assert self.state is not None
        for key in {self.part_of[m] for m in ms if m in self.part_of} - self.filled:
            self.filled.add(key)
            now = self._now(self.state.parts[key][0])
            for li, lj, _sc, ev in self.state.part_links(key):
                i, j = now[li], now[lj]
                assert i is not None and j is not None  # (a part placed in the batch has its claims there)
                detail[i][j] = ev

    def finish(self) -> None:
        """Leave this run's pieces for the next one."""
        state = self.state
        if state is None:
            return
        state.fingerprints = dict(zip(self.keys, self.fps, strict=True))
        state.stories = self.stories
        state.groups = self.new_groups
        state.group_content = self.new_content


def _copy(g: EventGroup) -> EventGroup:
    """A group of last run, as this run's (its lists and dict its own: a caller may change them)."""
    return dataclasses.replace(g, claims=list(g.claims), suggestions=list(g.suggestions), why=dict(g.why))


def _attach_corroborated(
    label: list[int],
    ms: list[int],
    sims: Mapping[tuple[int, int], float],
    states: list[_State],
    feats: list[_Feat],
    detail: Mapping[int, Mapping[int, _Edge]],
    p: Params,
    compatible_states: Callable[[_State, _State], bool],
    merge_states: Callable[[_State, _State], _State],
    topic: frozenset[str] = frozenset(),
) -> list[int]:
    """The claims of one article that average linkage left apart from the other articles (a claim alone, or
    a few claims of its article together) join the cluster of several articles whose claims of
    ``attach_articles`` other articles or more they match on direct evidence (``_direct``: shared
    participants and words, not the story context). Average linkage asks for a mean over all the members
    of a cluster: a report's lede that several outlets' reports of the event match, one by one, still
    falls short of a cluster grown to a hundred claims with their background sentences. The most
    corroborating cluster is taken (then the higher summed score, then the lower label); its event time and
    its articles' caps must allow the claims. The clusters are those of average linkage, so the order in
    which the claims are attached does not matter."""
    if p.attach_articles <= 0:
        return label
    members: dict[int, list[int]] = defaultdict(list)
    for x, lab in enumerate(label):
        members[lab].append(x)
    docs_of = {lab: {feats[ms[x]].doc for x in xs} for lab, xs in members.items()}
    units = [lab for lab in sorted(members) if len(docs_of[lab]) == 1]
    if not units:
        return label
    nbrs: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (i, j), sc in sims.items():
        if sc >= p.edge_min:
            nbrs[i].append((j, sc))
            nbrs[j].append((i, sc))
    state: dict[int, _State] = {}

    def state_of(lab: int) -> _State:
        if lab not in state:
            st = states[members[lab][0]]
            for y in members[lab][1:]:
                st = merge_states(st, states[y])
            state[lab] = st
        return state[lab]

    out = list(label)
    for u in units:
        votes: dict[int, tuple[set[int], float]] = {}
        for x in members[u]:
            fx = feats[ms[x]]
            for y, sc in nbrs.get(x, ()):
                lab = label[y]
                fy = feats[ms[y]]
                if len(docs_of[lab]) < 2 or fy.doc == fx.doc:
                    continue
                lo, hi = (ms[x], ms[y]) if ms[x] < ms[y] else (ms[y], ms[x])
                ts, _ent, same_story, cos = detail[lo][hi]
                if same_story and not _direct(fx, fy, ts, max(cos, 0.0), p, topic):
                    continue
                docs, total = votes.get(lab, (set(), 0.0))
                docs.add(fy.doc)
                votes[lab] = (docs, total + sc)
        for lab, (docs, _total) in sorted(votes.items(), key=lambda kv: (-len(kv[1][0]), -kv[1][1], kv[0])):
            if len(docs) < p.attach_articles:
                break
            if compatible_states(state_of(lab), state_of(u)):
                for x in members[u]:
                    out[x] = lab
                break
    return out


def _earned(
    ms: list[int],
    feats: list[_Feat],
    detail: Mapping[int, Mapping[int, _Edge]],
    vec: Mapping[int, dict[str, float]],
    p: Params = DEFAULT,
    topic: frozenset[str] = frozenset(),
) -> list[int]:
    """The members of a cluster that earned their place: each has a direct edge to a claim of another
    article in the cluster (claims that came in only through claims of their own article are let go, so a
    group cannot grow into most of an article). In a cluster whose members state a month, a member that
    states no time of its own needs an edge inside its story, or one of specific words (IDF-weighted
    cosine ``untimed_join_min``; names and titles in a similar order are not enough): "Xi told Putin that
    Beijing and Moscow should closely coordinate" does not join the group of Putin's October visit.
    Story context extends a group but never founds one: a group needs a pair of claims of two articles
    that match on their own evidence (``_direct``, as if the two were of different stories): two guides on
    one topic share a story, not an event. And a pair that
    only the story context makes counts when each of its claims is among the other's ``story_partners``
    best in its article (one lede does not vouch for every sentence of another article).
    And the story context reaches only ``story_hops`` joins from the claims of such direct pairs: one
    fact two outlets share does not carry both whole articles.
    A sentence under the extractor's floor (``claim_floor``: grouping evidence, no claim) takes part as
    any member, but the founding pair is of two claims: "Beste Reisezeit", a section heading, is not
    the event of "Als beste Reisezeit dafür gelten die Monate September bis März."
    Repeated until stable; [] when fewer than two articles are left."""
    kept = set(ms)
    while True:
        timed = any(feats[m].months for m in kept)
        pairs: list[tuple[int, int, _Edge, bool]] = []  # the cluster's pairs across articles, direct or not
        # a claim's pairs of the story context with the claims of one other article, best first
        partners: dict[tuple[int, int], list[tuple[float, int]]] = defaultdict(list)
        for i in kept:
            for j, edge in detail.get(i, {}).items():
                if j not in kept or feats[i].doc == feats[j].doc:
                    continue
                ts, _ent, same_story, cos = edge
                direct = not same_story or _direct(feats[i], feats[j], ts, max(cos, 0.0), p, topic)
                pairs.append((i, j, edge, direct))
                if not direct:
                    sc = max(ts / 100.0, cos)
                    partners[(i, feats[j].doc)].append((-sc, j))
                    partners[(j, feats[i].doc)].append((-sc, i))
        best = {key: {x for _sc, x in sorted(v)[: p.story_partners]} for key, v in partners.items()}
        linked: set[int] = set()
        anchored = False  # a pair tells of the event on its own evidence
        core: set[int] = set()  # the claims of such pairs
        joins: dict[int, set[int]] = defaultdict(set)  # claim -> the claims it vouches for by story context
        for i, j, (_ts, _ent, same_story, cos), direct in pairs:
            if direct:
                anchored = anchored or (_claim(feats[i], p) and _claim(feats[j], p))
            elif j not in best[(i, feats[j].doc)] or i not in best[(j, feats[i].doc)]:
                continue  # one claim does not vouch for a whole article
            if not timed or same_story or (feats[i].times and feats[j].times):
                got = {i, j}
            else:
                if cos < 0:
                    cos = _cosine(vec[i], vec[j])
                strong = cos >= p.untimed_join_min
                got = {x for x in (i, j) if strong or feats[x].times}
            linked |= got
            if direct:
                core |= got
            else:
                for x in got:
                    joins[i + j - x].add(x)
        if p.story_hops >= 0 and anchored:
            linked = _within_hops(core, joins, p.story_hops)
        if not anchored:
            linked = set()
        if linked == kept:
            break
        kept = linked
    return sorted(kept) if len({feats[m].doc for m in kept}) >= 2 else []


def _claim(f: _Feat, p: Params) -> bool:
    """A claim, not a sentence kept as grouping evidence only (under the extractor's floor)."""
    return f.claim.score >= p.claim_floor or f.claim.manual


def _within_hops(core: set[int], joins: Mapping[int, set[int]], hops: int) -> set[int]:
    """The claims of ``core`` and those the story context joins to them in at most ``hops`` steps."""
    reached, frontier = set(core), set(core)
    for _ in range(hops):
        frontier = {y for x in frontier for y in joins.get(x, ()) if y not in reached}
        if not frontier:
            break
        reached |= frontier
    return reached


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
    detail: Mapping[int, Mapping[int, _Edge]],
    articles: Mapping[str, Article],
    p: Params = DEFAULT,
    langs: Mapping[str, str | None] | None = None,
) -> EventGroup:
    ids = [f.claim.id for f in ms]
    gid = group_id(ids)
    # medoid: the member with the highest summed edge score
    strength: Counter[int] = Counter()
    text_scores: list[float] = []
    same_story = 0
    idxs = {f.idx for f in ms}
    for i in idxs:
        for j, (ts, _ent, ss, _base) in detail.get(i, {}).items():
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
    group.suggestions = suggestions([f.claim for f in ms], articles, p, langs)
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
