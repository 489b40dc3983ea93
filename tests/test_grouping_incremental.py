"""Incremental regrouping (``group_claims(..., state=GroupingState())``): after any sequence of articles
added, changed and removed, the groups are exactly those of a grouping from scratch; and the state does
reuse last time's work."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import zlib
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import cache, grouping
from factcheck.grouping import cluster as cluster_module
from factcheck.grouping import state as state_module
from factcheck.grouping.features import _Feat
from factcheck.grouping.state import (
    _WORDS,
    GroupingState,
    LazyFeat,
    StateUnavailable,
    state_from_pieces,
    state_pieces,
)
from factcheck.model import Article, Claim, Entity, GroupOverrides, Segment, Stance, TimeRef

MONTHS = ["January", "March", "May", "July", "September", "November"]
EVENTS = [  # (person, place, action, year, month): look-alikes share actors at another time
    ("Maria Lopez", "Valencia", "opened the new harbour bridge", 2023, 5),
    ("Maria Lopez", "Valencia", "opened the new harbour bridge", 2024, 9),
    ("John Smith", "Leeds", "closed the old steel plant", 2022, 11),
    ("John Smith", "Leeds", "closed the old steel plant", 2023, 3),
    ("Anna Berg", "Oslo", "won the chess championship final", 2021, 3),
    ("Kenji Sato", "Osaka", "signed the regional trade agreement", 2023, 7),
]
TEMPLATES = [
    "{person} {action} in {place} in {when}",
    "In {place}, {person} {action} in {when}",
    "Officials said {person} {action} in {place}",
    "{person} {action} in {place} on Friday, witnesses said",
]
FILLERS = [
    "The weather stayed mild for most of the week",
    "Coffee prices rose again in the local markets",
    "The museum extended its opening hours for the summer",
    "Local schools reported record attendance this term",
]
KEYS = [f"a{i:02d}" for i in range(12)]
DATES = ["2021-03-20", "2022-11-30", "2023-05-14", "2023-07-02", "2024-09-10"]

# an article: its publication date and its sentences, each (event or None for filler, template, variant)
sentence = st.tuples(
    st.one_of(st.none(), st.integers(0, len(EVENTS) - 1)), st.integers(0, 3), st.integers(0, 3)
)
article = st.tuples(st.sampled_from(DATES), st.lists(sentence, min_size=1, max_size=4))


def build(key: str, spec, evidence: bool = False) -> tuple[Article, list[Claim]]:
    """An article and its claims; with ``evidence`` its filler sentences score under the extractor's floor
    (the pipeline passes them as grouping evidence, no claims)."""
    published, sents = spec
    lines: list[tuple[str, list[TimeRef], list[Entity]]] = []
    for ev, tpl, var in sents:
        if ev is None:
            lines.append((FILLERS[var], [], []))
            continue
        person, place, action, year, month = EVENTS[ev]
        when = f"{MONTHS[(month - 1) // 2]} {year}"
        text = TEMPLATES[tpl].format(person=person, action=action, place=place, when=when)
        at = text.find(when)
        refs = [TimeRef(at, at + len(when), when, "DATE", f"{year}-{month:02d}")] if at >= 0 else []
        ents = [
            Entity(person, person.split()[-1].lower(), "person", person),
            Entity(place, place.lower(), "place"),
        ]
        lines.append((text, refs, ents))
    a = Article(path=key, key=key, id=key, text="", published=dt.date.fromisoformat(published))
    a.language = "en"
    claims, pos, text = [], 0, ""
    for n, (line, refs, ents) in enumerate(lines):
        a.segments.append(Segment(pos, pos + len(line), "body"))
        claims.append(
            Claim(
                id=f"{key}-{n}-{zlib.crc32(line.encode()):08x}",
                article_id=key,
                article_key=key,
                start=pos,
                end=pos + len(line),
                text=line,
                when=[dataclasses.replace(r, start=pos + r.start, end=pos + r.end) for r in refs],
                entities=ents,
                stance=Stance.OCCURRED,
                score=0.1 if evidence and not ents else 0.5,
            )
        )
        text += line + "\n"
        pos += len(line) + 1
    a.text = text
    return a, claims


def apply(specs, kind, key, spec):
    """One operation of a generated batch history on its article specs: add or change ``key``, or remove it."""
    if kind == "remove":
        specs.pop(key, None)
    else:
        specs[key] = spec


def batch(specs: dict[str, object], evidence: bool = False) -> tuple[list[Claim], dict[str, Article]]:
    claims: list[Claim] = []
    arts: dict[str, Article] = {}
    for key in sorted(specs):  # a folder's order
        a, cs = build(key, specs[key], evidence)
        arts[key] = a
        claims += cs
    return claims, arts


def as_json(groups) -> list[dict]:
    return [g.to_json() for g in groups]


op = st.tuples(st.sampled_from(["add", "change", "remove"]), st.sampled_from(KEYS), article)


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(st.sampled_from(KEYS), article, min_size=2, max_size=8),
    st.lists(op, max_size=6),
    st.booleans(),
    st.sampled_from([0.0, grouping.DEFAULT.doc_idf_step, 0.7]),
)
def test_incremental_regrouping_equals_grouping_from_scratch(start, ops, evidence, step):
    """(``evidence``: the fillers are sentences under the floor, as the pipeline passes them; ``step``: the
    stories' word weights unrounded, in the default steps, and in steps wide enough that most edits of a
    small batch move document frequencies inside one step.)"""
    p = dataclasses.replace(grouping.DEFAULT, doc_idf_step=step)
    specs = dict(start)
    state = GroupingState()
    claims, arts = batch(specs, evidence)
    assert as_json(grouping.group_claims(claims, arts, state=state, params=p)) == as_json(
        grouping.group_claims(claims, arts, params=p)
    )
    for kind, key, spec in ops:
        apply(specs, kind, key, spec)
        claims, arts = batch(specs, evidence)
        overrides = GroupOverrides(merges=[], splits=[claims[0].id]) if kind == "change" and claims else None
        got = grouping.group_claims(claims, arts, state=state, overrides=overrides, params=p)
        fresh = GroupingState()
        assert as_json(got) == as_json(
            grouping.group_claims(claims, arts, overrides=overrides, state=fresh, params=p)
        )
        # what was reused of the stories is what a grouping from scratch computes (the same floats)
        assert state.story_memo.sims == fresh.story_memo.sims
        assert state.story_memo.top == fresh.story_memo.top
        assert state.story_memo.closeness == fresh.story_memo.closeness
        assert state.story_memo.parts == fresh.story_memo.parts


SPLIT_OFTEN = dataclasses.replace(grouping.DEFAULT, split_min_side=2, doc_sim_min=0.05)
# three stories of four articles, each with a filler sentence of its own
THREE_STORIES = {
    key: ("2023-05-14", [((0, 2, 4)[k % 3], k % 4, 0), (None, 0, k % 4), ((0, 2, 4)[k % 3], (k + 1) % 4, 0)])
    for k, key in enumerate(KEYS)
}


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), article, max_size=4), st.lists(op, max_size=6))
def test_reused_story_bisections_equal_grouping_from_scratch(start, ops):
    """Stories of four articles and more are bisected (split_min_side 2): a bisection reused from the state
    (its articles' vectors unchanged) is the one a grouping from scratch makes; through a reload too."""
    specs = {**THREE_STORIES, **start}
    state = GroupingState()
    claims, arts = batch(specs)
    p = SPLIT_OFTEN
    assert as_json(grouping.group_claims(claims, arts, state=state, params=p)) == as_json(
        grouping.group_claims(claims, arts, params=p)
    )
    for n, (kind, key, spec) in enumerate(ops):
        apply(specs, kind, key, spec)
        claims, arts = batch(specs)
        if n % 2:
            state = reloaded(state)
        got = grouping.group_claims(claims, arts, state=state, params=p)
        assert as_json(got) == as_json(grouping.group_claims(claims, arts, params=p))


def test_the_stats_count_the_story_vectors_an_edit_moved():
    """From scratch every article's vector is made; regrouped unchanged (through a reload), none; after one
    article changed, at least that one."""
    specs = dict(THREE_STORIES)
    claims, arts = batch(specs)
    state = GroupingState()
    grouping.group_claims(claims, arts, state=state)
    assert state.stats["story_vectors_moved"] == len(arts)
    state = reloaded(state)
    grouping.group_claims(claims, arts, state=state)
    assert state.stats["story_vectors_moved"] == 0
    key = sorted(specs)[0]
    specs[key] = ("2023-05-14", [(1, 1, 0), (None, 0, 2)])
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state)
    assert 1 <= state.stats["story_vectors_moved"] < len(arts)


def test_an_unchanged_story_is_not_bisected_again(monkeypatch):
    from factcheck.grouping import stories

    specs = dict(THREE_STORIES)
    claims, arts = batch(specs)
    state = GroupingState()
    grouping.group_claims(claims, arts, state=state, params=SPLIT_OFTEN)
    assert state.story_memo.splits  # stories were bisected
    calls = []
    for name in ("_bisect", "_two_sides", "_split_holds"):
        real = getattr(stories, name)
        monkeypatch.setattr(stories, name, lambda ms, *a, real=real: calls.append(ms) or real(ms, *a))
    got = grouping.group_claims(claims, arts, state=reloaded(state), params=SPLIT_OFTEN)
    assert calls == []
    assert as_json(got) == as_json(grouping.group_claims(claims, arts, params=SPLIT_OFTEN))


def test_a_bisection_of_the_same_articles_with_other_vectors_proposes_last_runs_sides(monkeypatch):
    from collections import Counter

    from factcheck.grouping import stories

    # a story of two look-alike events, four articles each; every article also uses "common"
    words = (["harbour", "bridge", "valencia", "opened"], ["steel", "plant", "leeds", "closed"])
    tf = [Counter({w: 1 + d % 3 for w in words[d // 4]} | {"common": 1, f"own{d}": 1}) for d in range(8)]
    fps, ms = [f"fp{d}" for d in range(8)], list(range(8))

    def vectors(docs: list[Counter[str]]) -> stories._DocVectors:
        df: Counter[str] = Counter(t for c in docs for t in c)
        return stories._DocVectors(docs, stories._Idf(df, len(docs), grouping.DEFAULT.doc_idf_step))

    memo = stories.StoryMemo()
    first = stories._memo_bisect(memo, fps, [False] * 8, tf, vectors(tf), SPLIT_OFTEN)(ms)
    assert first is not None and first == stories._bisect(ms, tf, vectors(tf), SPLIT_OFTEN)
    # one more article in the batch: every weight changes, the story's articles and their words do not
    other = vectors([*tf, Counter({"common": 1, "harbour": 2})])
    checked = []
    two_sides, holds = stories._two_sides, stories._split_holds
    monkeypatch.setattr(stories, "_two_sides", lambda *a: pytest.fail("sides proposed again"))
    monkeypatch.setattr(stories, "_split_holds", lambda *a: checked.append(a) or holds(*a))
    got = stories._memo_bisect(memo, fps, [False] * 8, tf, other, SPLIT_OFTEN)(ms)
    assert len(checked) == 1  # whether they hold is asked again, in the new vectors
    monkeypatch.setattr(stories, "_two_sides", two_sides)
    assert got == stories._bisect(ms, tf, other, SPLIT_OFTEN)


def test_unchanged_stories_are_not_compared_again_for_a_merge(monkeypatch):
    from factcheck.grouping import stories

    specs = dict(THREE_STORIES)
    claims, arts = batch(specs)
    state = GroupingState()
    grouping.group_claims(claims, arts, state=state, params=SPLIT_OFTEN)
    assert state.story_memo.closeness  # pairs of stories were compared
    computed = []
    real = stories._memo_closeness

    def counting(*args):
        known = real(*args)
        return lambda a, b, compute: known(a, b, lambda: computed.append((a, b)) or compute())

    monkeypatch.setattr(stories, "_memo_closeness", counting)
    got = grouping.group_claims(claims, arts, state=reloaded(state), params=SPLIT_OFTEN)
    assert computed == []
    assert as_json(got) == as_json(grouping.group_claims(claims, arts, params=SPLIT_OFTEN))


def test_the_stories_of_the_parts_a_change_does_not_reach_are_last_runs(monkeypatch):
    """The stories are made again only for the connected parts of the article pairs that hold a changed
    article (through a reload too); the others are last run's, and the stories are those from scratch."""
    from factcheck.grouping import stories

    # three events of their own words, four articles each (no filler in common)
    specs = {
        key: ("2023-05-14", [((0, 4, 5)[k % 3], k % 4, 0), ((0, 4, 5)[k % 3], (k + 1) % 4, 0)])
        for k, key in enumerate(KEYS)
    }
    claims, arts = batch(specs)
    state = GroupingState()
    grouping.group_claims(claims, arts, state=state, params=SPLIT_OFTEN)
    assert len(state.story_memo.parts) >= 2  # (the three stories' articles are of more than one part)
    assert state.stats["stories_made"] == len(arts)
    made = []
    real = stories._stories
    monkeypatch.setattr(stories, "_stories", lambda sims, *a: made.append(dict(sims)) or real(sims, *a))
    key = sorted(specs)[0]
    specs[key] = ("2023-07-02", specs[key][1])  # (republished: its words, and so every weight, unchanged)
    claims, arts = batch(specs)
    state = reloaded(state)
    got = grouping.group_claims(claims, arts, state=state, params=SPLIT_OFTEN)
    fresh = GroupingState()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts, params=SPLIT_OFTEN, state=fresh))
    assert state.story_memo.parts == fresh.story_memo.parts
    assert state.story_memo.splits == fresh.story_memo.splits
    assert state.story_memo.closeness == fresh.story_memo.closeness
    assert 0 < state.stats["stories_made"] < len(arts)
    # (the changed article's part only: every pair the stories were made from is of its articles)
    mine = next(part for part in fresh.story_memo.parts if state.fingerprints[key] in part)
    assert len(made) == 2  # (this run's, and the grouping from scratch)
    at = {fp: d for d, fp in enumerate(state.fingerprints.values())}
    assert made[0] and all({i, j} <= {at[fp] for fp in mine} for i, j in made[0])


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.tuples(st.integers(0, 11), st.integers(0, 11)), st.floats(0, 1), max_size=30))
def test_stories_labelled_by_their_first_article(pairs):
    """``_first_labels``: the same stories, each labelled by its first article; the parts of the pairs are a
    partition of the articles."""
    from factcheck.grouping import stories

    label = [(i * 7) % 5 + 20 for i in range(12)]
    first = stories._first_labels(label)
    assert all(first[first[d]] == first[d] <= d for d in range(12))
    assert all((label[a] == label[b]) == (first[a] == first[b]) for a in range(12) for b in range(12))
    parts = stories._parts(12, [(i, j) for i, j in pairs if i < j])
    assert sorted(d for part in parts for d in part) == list(range(12))


def test_a_reloaded_state_tells_the_years_of_unchanged_articles_from_the_state(monkeypatch):
    """An article's dominant year is told from its claims once: a regrouping after one change (through a
    reload) tells that article's only."""
    specs = paired_specs()
    state = grouped_state(specs)
    calls = []
    real = cluster_module._doc_year
    monkeypatch.setattr(cluster_module, "_doc_year", lambda fs, p: calls.append(fs) or real(fs, p))
    specs["a03"] = ("2022-11-30", [(2, 1, 0), (3, 2, 0)])
    claims, arts = batch(specs)
    state = reloaded(state)
    got = grouping.group_claims(claims, arts, state=state)
    assert len(calls) == 1 and calls[0][0].claim.article_key == "a03"
    fresh = GroupingState()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts, state=fresh))
    assert state.years == fresh.years


def test_the_articles_of_one_story_share_its_value():
    """An article's story (``GroupingState.stories``) is made once per story, and read back once per story:
    last run's and this run's are compared once per pair of stories."""
    state = grouped_state(THREE_STORIES)
    for back in (state, reloaded(state)):
        by_story: dict = {}
        for key, story in back.stories.items():
            by_story.setdefault(story[0], []).append(key)
        assert any(len(keys) > 1 for keys in by_story.values())
        for keys in by_story.values():
            assert all(back.stories[k] is back.stories[keys[0]] for k in keys)


def test_a_regrouping_goes_through_the_changed_articles_claims_and_terms_only(monkeypatch):
    """After one change, the stories go through the claims of the changed article only (not every claim of
    the batch) to count its terms, and test each other article's terms against the few whose weight moved
    (not every term of every article against them)."""

    specs = paired_specs()
    state = grouped_state(specs)
    specs["a03"] = ("2022-11-30", [(2, 1, 0), (3, 2, 0)])
    claims, arts = batch(specs)
    gone_through: list[int] = []

    class Recorded(Counter):
        def __iter__(self):
            gone_through.append(id(self))
            return super().__iter__()

    gone = state.fingerprints["a03"]  # (the changed article's counts of last run are taken out: gone through)
    state.story_memo.docs = {fp: c if fp == gone else Recorded(c) for fp, c in state.story_memo.docs.items()}

    class Whole(list):
        def __iter__(self):
            raise AssertionError("every claim gone through")

    real = cluster_module._doc_clusters
    monkeypatch.setattr(cluster_module, "_doc_clusters", lambda feats, *a: real(Whole(feats), *a))
    got = grouping.group_claims(claims, arts, state=state)
    monkeypatch.undo()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))
    assert gone_through == []


def test_one_changed_article_reuses_the_pairs_of_the_others():
    # two articles per event: six stories
    specs = {
        key: ("2023-05-14", [(k // 2, k % 4, 0), (k // 2, (k + 1) % 4, 0)]) for k, key in enumerate(KEYS)
    }
    state = GroupingState()
    claims, arts = batch(specs)
    first = grouping.group_claims(claims, arts, state=state)
    assert first and state.stats["parts_reused"] == 0
    scored_all = state.stats["pairs_scored"]
    specs["a03"] = ("2023-05-14", [(1, 2, 0)])
    claims, arts = batch(specs)
    got = grouping.group_claims(claims, arts, state=state)
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))
    assert state.stats["pairs_scored"] < scored_all / 2
    assert state.stats["parts_reused"] >= 1


def test_a_state_is_reset_by_other_parameters():
    specs = {key: ("2023-05-14", [(k % 3, 0, 0), (k % 3, 1, 0)]) for k, key in enumerate(KEYS[:6])}
    claims, arts = batch(specs)
    state = GroupingState()
    grouping.group_claims(claims, arts, state=state)
    strict = dataclasses.replace(grouping.DEFAULT, edge_min=0.9)
    got = grouping.group_claims(claims, arts, state=state, params=strict)
    assert as_json(got) == as_json(grouping.group_claims(claims, arts, params=strict))
    assert state.params == strict and state.stats["parts_reused"] == 0


def own(f) -> tuple:
    """A claim's features without its place in a batch."""
    return tuple(getattr(f, x.name) for x in dataclasses.fields(f) if x.name not in ("idx", "claim", "doc"))


def stored_form(state: GroupingState) -> tuple[dict, dict]:
    """The state's manifest and pieces through JSON, as the cache stores them."""
    manifest, pieces = state_pieces(state)
    return json.loads(json.dumps(manifest)), {k: json.loads(json.dumps(make())) for k, make in pieces.items()}


def reloaded(state: GroupingState) -> GroupingState:
    """The state through its JSON form (what the cache stores), read back in a new object."""
    manifest, stored = stored_form(state)
    return state_from_pieces(manifest, stored, state.params, group_from_json, stored.get)


def paired_specs() -> dict:
    """Each article holds two claims; articles two by two tell of one event."""
    return {key: ("2023-05-14", [(k // 2, k % 4, 0), (k // 2, (k + 1) % 4, 0)]) for k, key in enumerate(KEYS)}


def grouped_state(specs: dict) -> GroupingState:
    """The state left by grouping ``specs`` from scratch."""
    state = GroupingState()
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state)
    return state


def group_from_json(v):
    return cache.groups_from_json([v])[0]


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), article, min_size=2, max_size=8), st.lists(op, max_size=5))
def test_a_saved_and_reloaded_state_regroups_as_from_scratch(start, ops):
    specs = dict(start)
    state = GroupingState()
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state)
    for kind, key, spec in ops:
        apply(specs, kind, key, spec)
        claims, arts = batch(specs)
        state = reloaded(state)  # a fresh process: the state as the cache gives it back
        overrides = GroupOverrides(merges=[], splits=[claims[0].id]) if kind == "change" and claims else None
        got = grouping.group_claims(claims, arts, state=state, overrides=overrides)
        fresh = GroupingState()
        assert as_json(got) == as_json(grouping.group_claims(claims, arts, overrides=overrides, state=fresh))
        # what was reused of the stories is what a grouping from scratch computes (the same floats)
        assert state.story_memo.sims == fresh.story_memo.sims
        assert state.story_memo.top == fresh.story_memo.top
        assert state.story_memo.closeness == fresh.story_memo.closeness


def test_a_reloaded_state_is_the_same_state():
    specs = {
        key: ("2023-05-14", [(k // 2, k % 4, 0), (k // 2, (k + 1) % 4, 0)]) for k, key in enumerate(KEYS)
    }
    state = GroupingState()
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state)
    back = reloaded(state)
    for name in ("params", "fingerprints", "stories", "groups", "copies"):
        assert getattr(back, name) == getattr(state, name), name
    assert back.parts.keys() == state.parts.keys()
    for key, (uids, links, kept) in state.parts.items():
        assert back.parts[key][0] == uids and back.parts[key][2] == kept
        assert back.parts[key][1] is None  # the edges are read when needed
        assert back.part_links(key) == links
    assert back.story_memo.docs == state.story_memo.docs
    assert back.story_memo.df == state.story_memo.df
    assert back.story_memo.splits == state.story_memo.splits
    assert back.story_memo.sims == state.story_memo.sims and state.story_memo.sims
    assert back.story_memo.top == state.story_memo.top and state.story_memo.top
    assert back.story_memo.closeness == state.story_memo.closeness
    assert back.story_memo.parts == state.story_memo.parts and state.story_memo.parts
    assert back.years == state.years and state.years.keys() == set(state.fingerprints.values())
    assert back.topic == state.topic and state.topic is not None
    assert back.features.keys() == state.features.keys()
    for fp, (fs, ks) in state.features.items():
        bfs, bks = back.features[fp]
        assert bks == ks
        # (read back, a claim's words, names, figures and polarity are read when first asked for)
        assert all(type(f) is LazyFeat for f in bfs)
        assert [own(f) for f in bfs] == [own(f) for f in fs]
    # and it is reused: one changed article scores only its own pairs
    specs["a03"] = ("2023-05-14", [(1, 2, 0)])
    claims, arts = batch(specs)
    got = grouping.group_claims(claims, arts, state=back)
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))
    assert back.stats["parts_reused"] >= 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda m, p: p.pop(next(k for k in p if k.startswith("p"))),  # a part missing
        lambda m, p: p.pop(next(k for k in p if k.startswith("a"))),  # an article missing
        lambda m, p: p.__setitem__(next(k for k in p if k.startswith("p")), {"docs": 3}),
        lambda m, p: p[next(k for k in p if k.startswith("p"))]["doc"].__setitem__(0, 7),  # no such article
        lambda m, p: p[next(k for k in p if k.startswith("p"))]["kept"].append([0, 999]),  # no such claim
        lambda m, p: p[next(k for k in p if k.startswith("p"))][
            "groups"
        ].pop(),  # a cluster's group key short
        lambda m, p: p[next(k for k in p if k.startswith("p"))]["groups"].__setitem__(0, "zz"),  # not hex
        lambda m, p: p[next(k for k in p if k.startswith("p"))].pop("groups"),
        lambda m, p: p[next(k for k in p if k.startswith("a"))]["times"]["all"].append("2020"),
        lambda m, p: p[next(k for k in p if k.startswith("a"))]["keys"]["n"].__setitem__(0, -1),
        lambda m, p: p[next(k for k in p if k.startswith("a"))].__setitem__("published", ["2023-05-14"] * 99),
        lambda m, p: p[next(k for k in p if k.startswith("a"))].__setitem__("published", 20230514),
        lambda m, p: p[next(k for k in p if k.startswith("a"))].__setitem__("lang", [3] * 99),
        lambda m, p: p[next(k for k in p if k.startswith("a"))].__setitem__("lang", {"en": 1}),
        lambda m, p: p[next(k for k in p if k.startswith("a"))].pop("lang"),
        lambda m, p: p[next(k for k in p if k.startswith("a"))].__setitem__("n", "2"),
        lambda m, p: p[next(k for k in p if k.startswith("a"))].__setitem__("year", 2023),
        lambda m, p: m.__setitem__("groupable", {"k": [-1]}),
        lambda m, p: m.__setitem__("df", [1]),
        lambda m, p: m.__setitem__("groupable", {"k": ["0"]}),
        lambda m, p: p.__setitem__(next(k for k in p if k.startswith("g")), {"id": 1}),
        lambda m, p: m.__setitem__("params", "other"),
        lambda m, p: m.__setitem__("format", 0),
        lambda m, p: m["articles"].append(["zz", "ff", 99]),
        lambda m, p: m["sims"][0].__setitem__(0, 999),  # a story pair of no such article
        lambda m, p: m["sims"][2].__setitem__(0, "0.5"),
        lambda m, p: m["sims"].pop(),
        lambda m, p: m.pop("copies"),
        lambda m, p: m.pop("story_parts"),
        lambda m, p: m.__setitem__("topic", [["Maria Lopez"], "2"]),
        lambda m, p: m.__setitem__("topic", [[1], 2.0]),
        lambda m, p: m["story_parts"][0][0].__setitem__(0, 999),  # a story part of no such article
        lambda m, p: m["story_parts"][0][1].pop(),  # an article's story short
        lambda m, p: m["story_parts"][0][1].__setitem__(0, 1),  # a story's first article after another
        lambda m, p: m["copies"].append(["k1", "k2", ["a00-0"], []]),  # a copy's claim short
        lambda m, p: m["copies"].append(["k1", 2, [], []]),
    ],
)
def test_a_state_of_another_shape_is_refused(damage):
    state = grouped_state(paired_specs())
    manifest, stored = stored_form(state)
    damage(manifest, stored)
    with pytest.raises(ValueError):
        state_from_pieces(manifest, stored, state.params, group_from_json, stored.get)


@pytest.mark.parametrize(
    "damage",
    [
        lambda cols: cols[1].__setitem__(0, 99),  # an edge to a claim the part does not have
        lambda cols: cols[2].__setitem__(0, 1),  # an int score
        lambda cols: cols[3].pop(),  # a column short
        lambda cols: cols.pop(),  # a column missing
        lambda cols: cols.clear(),  # the piece gone
    ],
)
def test_a_part_whose_edges_do_not_read_back_is_not_used(damage):
    state = grouped_state(paired_specs())
    manifest, stored = stored_form(state)
    for k in stored:
        if k.startswith("e"):
            damage(stored[k])
    stored = {k: v for k, v in stored.items() if v != []}
    back = state_from_pieces(manifest, stored, state.params, group_from_json, stored.get)
    # a part's edges are read when first needed, and then refused
    with pytest.raises(StateUnavailable):
        for key in list(back.parts):
            back.part_links(key)


@pytest.mark.parametrize(
    "damage",
    [
        lambda v: v.pop("text"),
        lambda v: v["text"].__setitem__(0, 7),
        lambda v: v["tokens"]["all"].append("extra"),
        lambda v: v["entities"]["n"].__setitem__(0, -1),
        lambda v: v["negated"].pop(),
        lambda v: v.clear(),  # the piece gone
    ],
)
def test_an_article_whose_words_do_not_read_back_is_not_used(damage):
    """An article's ``f`` piece is read when one of its claims is first compared, and then refused."""
    state = grouped_state(paired_specs())
    manifest, stored = stored_form(state)
    for k in stored:
        if k.startswith("f"):
            damage(stored[k])
    stored = {k: v for k, v in stored.items() if v != {}}
    back = state_from_pieces(manifest, stored, state.params, group_from_json, stored.get)
    with pytest.raises(StateUnavailable):
        for fs, _keys in back.features.values():
            fs[0].text  # noqa: B018


def test_a_claims_words_are_made_when_that_claim_is_first_compared(monkeypatch):
    """Read back, an article's ``f`` piece is read and checked whole when one of its claims is first
    compared, but each other claim's words are made only when it is compared in turn (after one change most
    claims of the articles met are not), with the values the grouping had."""
    state = grouped_state(paired_specs())
    manifest, stored = stored_form(state)
    back = state_from_pieces(manifest, stored, state.params, group_from_json, stored.get)
    fp, (fs, _keys) = next((fp, got) for fp, got in back.features.items() if len(got[0]) > 1)
    had = state.features[fp][0]
    made: list[str] = []  # (each list-valued field of a claim made)

    def counted(name: str, kind):
        return lambda values: made.append(name) or kind(values)

    kinds = tuple((name, counted(name, kind)) for name, kind in state_module._WORD_LISTS)
    monkeypatch.setattr(state_module, "_WORD_LISTS", kinds)
    assert fs[0].text == had[0].text
    assert sorted(made) == sorted(name for name, _kind in kinds)  # (claim 0's alone)
    with pytest.raises(AttributeError):
        _Feat.tokens.__get__(fs[1])  # (its slot, read without making it: not made yet)
    for f, g in zip(fs, had, strict=True):
        assert [getattr(f, n) for n in _WORDS] == [getattr(g, n) for n in _WORDS]


def test_one_changed_article_reads_the_words_of_the_articles_it_meets_only():
    """Read back, the ``f`` pieces read after one change are those of the articles its claims are compared
    with (here the articles of its event), not the whole batch's."""
    specs = paired_specs()
    state = grouped_state(specs)
    manifest, stored = stored_form(state)
    read: list[str] = []
    lookups: list[list[str]] = []

    def pieces_of(names: list[str]) -> dict:
        lookups.append(names)
        return {n: stored[n] for n in names if n in stored}

    back = state_from_pieces(
        manifest,
        stored,
        state.params,
        group_from_json,
        lambda name: read.append(name) or stored.get(name),
        pieces_of,
    )
    specs["a03"] = ("2023-05-14", [(1, 2, 0), (1, 0, 0)])
    claims, arts = batch(specs)
    got = grouping.group_claims(claims, arts, state=back)
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))
    words = [name for names in lookups for name in names] + [n for n in read if n.startswith("f")]
    assert 0 < len(words) <= 3  # (a03 meets a02, the other article of its event; a03's own are new)
    assert len(lookups) == 1  # (the claims compared: their words read in one lookup)


def test_one_changed_article_reads_the_words_of_the_claims_it_is_compared_with(monkeypatch):
    """An article's words are saved in pieces of ``_WORDS_CHUNK`` claims: after one change, the pieces read
    for the claims compared are those holding them, not the whole of each article met (here, with pieces of
    one claim, a02's two claims of the changed article's event, not its two claims of another event)."""
    monkeypatch.setattr(state_module, "_WORDS_CHUNK", 1)
    p = dataclasses.replace(grouping.DEFAULT, story_max_claims=0)  # (pairs by blocking keys only)
    specs = paired_specs()
    specs["a02"] = ("2023-05-14", [(1, 0, 0), (4, 2, 0), (1, 1, 0), (4, 3, 0)])
    state = GroupingState(p)
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state, params=p)
    manifest, stored = stored_form(state)
    assert not [k for k in manifest["pieces"] if k.startswith("f")]  # (named from their ``a`` piece)
    lookups: list[list[str]] = []

    def pieces_of(names: list[str]) -> dict:
        lookups.append(names)
        return {n: stored[n] for n in names if n in stored}

    back = state_from_pieces(manifest, stored, p, group_from_json, stored.get, pieces_of)
    specs["a03"] = ("2023-05-14", [(1, 2, 0), (1, 0, 0)])
    claims, arts = batch(specs)
    got = grouping.group_claims(claims, arts, state=back, params=p)
    assert as_json(got) == as_json(grouping.group_claims(claims, arts, params=p))
    fp = back.fingerprints["a02"]
    assert sorted(n for n in lookups[0] if n.startswith("f" + fp)) == [f"f{fp}.0", f"f{fp}.2"]


@pytest.mark.parametrize("kind", ["add", "change", "remove"])
@pytest.mark.parametrize("override", [None, "merge", "split", "empty"])
def test_parts_reused_whole_give_last_runs_groups_as_from_scratch(monkeypatch, kind, override):
    """After an article is added, changed or removed, the parts of the claim graph it does not touch are
    last run's whole: without a reviewer's merges and splits their groups are last run's, taken by part and
    their claims never placed in the batch (``_Reuse.whole_groups``); with them every part is placed, as
    the overrides may join or cut its groups. Either way the groups are those of a grouping from scratch."""
    specs = paired_specs()
    state = grouped_state(specs)
    apply(specs, "remove" if kind == "remove" else "add", "a03" if kind != "add" else "a12", None)
    if kind != "remove":
        specs["a03" if kind == "change" else "a12"] = ("2023-05-14", [(1, 2, 0), (1, 0, 0)])
    claims, arts = batch(specs)
    ids = [c.id for c in claims]
    overrides = {
        None: None,
        "merge": GroupOverrides(merges=[(ids[0], ids[-1])], splits=[]),
        "split": GroupOverrides(merges=[], splits=[ids[4]]),
        "empty": GroupOverrides(merges=[], splits=[]),
    }[override]
    runs: list[cluster_module._Reuse] = []
    whole = cluster_module._Reuse.whole_groups

    def spied(self):
        runs.append(self)
        return whole(self)

    monkeypatch.setattr(cluster_module._Reuse, "whole_groups", spied)
    back = reloaded(state)
    got = grouping.group_claims(claims, arts, overrides=overrides, state=back)
    assert as_json(got) == as_json(grouping.group_claims(claims, arts, overrides=overrides))
    run = runs[0]  # (the regrouping with the state)
    if override in (None, "empty"):
        assert run.whole  # (the other events' parts)
        placed = {back.parts[key][0][x] for m, key in run.part_of.items() for x in [run.place[m]]}
        assert placed.isdisjoint(u for key, _gks in run.whole for u in back.parts[key][0])
    else:
        assert not run.whole


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),  # article
            st.integers(0, 60),  # claim start
            st.integers(1, 30),  # claim length
            st.sampled_from(["A fire broke out", "Autor: X Publicado: 27/04/2022", "Page | 2024-01-02"]),
        ),
        max_size=12,
    ),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30), st.sampled_from(["body", "title", "meta"]))),
)
def test_groupable_claims_is_groupable_per_claim(spec, segments):
    """Segments listed once per article give what ``groupable`` gives claim by claim."""
    from factcheck.grouping.features import groupable, groupable_claims

    arts = {
        f"k{d}": Article(
            path=f"k{d}",
            key=f"k{d}",
            id=f"k{d}",
            text="x" * 100,
            segments=[Segment(s, s + n, kind) for s, n, kind in segments] if d % 2 else [],
        )
        for d in range(3)  # (article 3 is missing)
    }
    claims = [
        Claim(
            id=f"c{x}",
            article_id="",
            article_key=f"k{d}",
            start=s,
            end=s + n,
            text=text,
            when=[TimeRef(0, 4, "2024", "DATE", "2024")] if x % 2 else [],
        )
        for x, (d, s, n, text) in enumerate(spec)
    ]
    assert groupable_claims(claims, arts) == [c for c in claims if groupable(c, arts.get(c.article_key))]


@settings(max_examples=25, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), article, min_size=3, max_size=8), st.randoms())
def test_articles_in_another_order_regroup_as_from_scratch(specs, rnd):
    """The same articles in another order (the stories' cosines of last time are reused only for pairs
    in the same order: a cosine sums in its pair's order)."""
    state = GroupingState()
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state)
    keys = list(arts)
    rnd.shuffle(keys)
    claims = [c for k in keys for c in claims if c.article_key == k]
    arts = {k: arts[k] for k in keys}
    back = reloaded(state)
    got = grouping.group_claims(claims, arts, state=back)
    fresh = GroupingState()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts, state=fresh))
    assert back.story_memo.sims == fresh.story_memo.sims


def test_a_claims_features_start_with_its_place_in_the_batch():
    """``_claim_features`` places a state's features with ``_Feat(idx, claim, doc, *the rest)``."""
    import dataclasses

    from factcheck.grouping.cluster import _OWN
    from factcheck.grouping.features import _Feat

    names = tuple(f.name for f in dataclasses.fields(_Feat))
    assert names[:3] == ("idx", "claim", "doc") and names[3:] == _OWN


def keyed(state: GroupingState, claims, arts) -> GroupingState:
    """``state`` with each article's content key set as the pipeline sets it (a digest of the article and its
    claims, whatever stands for them)."""
    state.content_keys = {
        k: "k" + zlib.crc32(repr((a, [c for c in claims if c.article_key == k])).encode()).to_bytes(4).hex()
        for k, a in arts.items()
    }
    return state


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), article, min_size=2, max_size=8), st.lists(op, max_size=5))
def test_with_content_keys_a_reloaded_state_regroups_as_from_scratch(start, ops):
    """With content keys (the pipeline's), what may be grouped of an unchanged article is last run's."""
    specs = dict(start)
    claims, arts = batch(specs)
    state = keyed(GroupingState(), claims, arts)
    grouping.group_claims(claims, arts, state=state)
    for kind, key, spec in ops:
        apply(specs, kind, key, spec)
        claims, arts = batch(specs)
        state = keyed(reloaded(state), claims, arts)
        got = grouping.group_claims(claims, arts, state=state)
        assert as_json(got) == as_json(grouping.group_claims(claims, arts))


def test_what_may_be_grouped_is_told_again_only_for_a_changed_article(monkeypatch):
    from factcheck.grouping import features

    specs = {
        key: ("2023-05-14", [(k // 2, k % 4, 0), (k // 2, (k + 1) % 4, 0)]) for k, key in enumerate(KEYS)
    }
    claims, arts = batch(specs)
    state = keyed(GroupingState(), claims, arts)
    grouping.group_claims(claims, arts, state=state)
    specs["a03"] = ("2023-05-14", [(1, 2, 0)])
    claims, arts = batch(specs)
    told: list[str] = []
    real = features.groupable_claims
    monkeypatch.setattr(
        features,
        "groupable_claims",
        lambda cs, *a, **k: told.extend(c.article_key for c in cs) or real(cs, *a, **k),
    )
    got = grouping.group_claims(claims, arts, state=keyed(reloaded(state), claims, arts))
    assert set(told) == {"a03"}
    monkeypatch.undo()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))


def test_article_counts_weigh_in_steps_of_their_logarithm():
    from factcheck.grouping import stories

    assert stories._level(12, 0.1) == stories._level(13, 0.1)  # log(13) 2.565 and log(14) 2.639: 2.6
    assert stories._level(13, 0.1) != stories._level(14, 0.1)  # log(15) 2.708: 2.7
    assert stories._level(1, 0.1) != stories._level(2, 0.1)  # small counts keep a step each
    assert stories._level(7, 0.0) == math.log(8)  # (0: not rounded)


@pytest.mark.parametrize(
    ("df_then", "step", "redone"),
    [
        (19, 0.1, 0),  # 19 -> 20 articles: log(20) 2.996 and log(21) 3.045 weigh 3.0 both
        (13, 0.1, 13),  # 13 -> 14: 2.6 -> 2.7, the 13 articles using the word are made again
        (19, 0.0, 19),  # weights not rounded: every article using the word
        (8, 0.7, 8),  # 8 -> 9: the same weight, but past the posting cap of 40 articles (8)
    ],
)
def test_an_edit_redoes_the_vectors_of_articles_using_a_word_whose_weight_moved(df_then, step, redone):
    """One article of 40 gains a word ``w`` that ``df_then`` others use: the others' vectors are last
    time's unless the word's weight moved or it crossed the posting cap (and the edited article's own is
    always made again)."""
    from collections import Counter

    from factcheck.grouping import stories

    tf = [Counter({"common": 1, f"own{d}": 2, **({"w": 1} if 1 <= d <= df_then else {})}) for d in range(40)]
    fps = [f"fp{d}" for d in range(40)]
    df: Counter[str] = Counter(t for c in tf for t in c)
    memo = stories.StoryMemo(docs=dict(zip(fps, tf, strict=True)), df=df)
    edited = Counter({**tf[0], "w": 1})
    fps_now = ["fp0-edited", *fps[1:]]
    p = dataclasses.replace(grouping.DEFAULT, doc_idf_step=step)
    assert stories._posting_cap(40, p) == 8
    df_now, unchanged = stories._df_update(memo, fps_now, [edited, *tf[1:]], {0}, p)
    assert df_now["w"] == df_then + 1
    assert not unchanged[0]
    assert unchanged.count(False) - 1 == redone
    assert all(unchanged[d] for d in range(df_then + 1, 40))


@settings(max_examples=25, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), article, min_size=2, max_size=12), st.lists(op, max_size=4))
def test_a_state_through_a_cache_file_regroups_as_from_scratch(start, ops):
    """Each regrouping from the state a cache file gives back (a fresh process), saved after each (only its
    new pieces written). Batches of up to 12 articles, so that a word's article count can cross weight steps
    and the stories' posting cap (8 articles)."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        store = cache.Cache(Path(tmp) / "c.sqlite3")
        prefix = "s:test:"
        specs = dict(start)
        state = GroupingState()
        claims, arts = batch(specs)
        grouping.group_claims(claims, arts, state=state)
        store.put_state(prefix, *state_pieces(state))
        for kind, key, spec in ops:
            apply(specs, kind, key, spec)
            claims, arts = batch(specs)
            got = store.get_state(prefix)
            assert got is not None
            state = state_from_pieces(
                *got,
                grouping.DEFAULT,
                group_from_json,
                lambda name: store.get_state_piece(prefix, name),
                lambda names: store.get_state_pieces(prefix, names),
            )
            regrouped = grouping.group_claims(claims, arts, state=state)
            fresh = GroupingState()
            assert as_json(regrouped) == as_json(grouping.group_claims(claims, arts, state=fresh))
            assert state.story_memo.sims == fresh.story_memo.sims
            assert state.story_memo.df == fresh.story_memo.df
            assert state.story_memo.parts == fresh.story_memo.parts
            store.put_state(prefix, *state_pieces(state))
        store.close()


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["fire", "bridge", "leeds", "oslo", "e:Maria Lopez"]), st.integers(1, 5)
        ),
        min_size=1,
        max_size=6,
    )
)
def test_document_vectors_made_when_asked_are_those_made_at_once(counts):
    """The stories' article vectors, each made when first asked for, are the same floats as all of them made
    at once the way a grouping from scratch made them before."""
    import math
    from collections import Counter

    from factcheck.grouping import stories

    tf = [Counter(c) for c in counts]
    df: Counter[str] = Counter()
    for c in tf:
        df.update(c.keys())
    n = len(tf)
    step = grouping.DEFAULT.doc_idf_step
    idf = {t: stories._level(n, step) - stories._level(k, step) for t, k in df.items()}
    lazy = stories._DocVectors(tf, stories._Idf(df, n, step))
    for d in reversed(range(n)):  # (any order)
        v = {t: (1 + math.log(k)) * idf[t] for t, k in tf[d].items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        assert lazy[d] == {t: x / norm for t, x in v.items()}
    assert len(lazy) == n


def copied(specs: dict, copies: dict[str, str]) -> tuple[list[Claim], dict[str, Article]]:
    """``batch(specs)`` with the articles of ``copies`` (copy -> original) marked as near-duplicates."""
    claims, arts = batch(specs)
    for key, original in copies.items():
        if key in arts and original in arts:
            arts[key].near_duplicate_of = original
    return claims, arts


@settings(max_examples=30, deadline=None)
@given(
    st.lists(article, min_size=3, max_size=6),
    st.lists(st.tuples(st.sampled_from(["original", "shifted", "copy", "other"]), article), max_size=4),
)
def test_copies_follow_their_originals_from_a_reloaded_state_as_from_scratch(start, ops):
    """Which claims of a copy follow which of its original is told again only when one of the two changed
    (``GroupingState.copies``): a reloaded state with content keys regroups copies as from scratch."""
    specs = {KEYS[i]: spec for i, spec in enumerate(start)}
    copies = {"a11": "a00", "a10": "a01"}  # word for word, and with a sentence of its own
    specs["a11"] = specs["a00"]
    specs["a10"] = (specs["a01"][0], [*specs["a01"][1], (0, 1, 2)])
    claims, arts = copied(specs, copies)
    state = keyed(GroupingState(), claims, arts)
    grouping.group_claims(claims, arts, state=state)
    for kind, spec in ops:
        if kind == "original":
            specs["a00"] = spec
        elif kind == "shifted":  # (the same sentences after a new one: other claim ids)
            specs["a00"] = (spec[0], [*spec[1][:1], *specs["a00"][1]])
        elif kind == "copy":
            specs["a11"] = (spec[0], [*specs["a00"][1], *spec[1][:1]])
        else:
            specs["a02"] = spec
        claims, arts = copied(specs, copies)
        state = keyed(reloaded(state), claims, arts)
        got = grouping.group_claims(claims, arts, state=state)
        assert as_json(got) == as_json(grouping.group_claims(claims, arts))


def test_an_unchanged_copy_is_not_compared_with_its_original_again(monkeypatch):
    from factcheck.grouping import duplicates

    specs = paired_specs()
    specs["a11"] = specs["a00"]
    copies = {"a11": "a00"}
    claims, arts = copied(specs, copies)
    state = keyed(GroupingState(), claims, arts)
    first = grouping.group_claims(claims, arts, state=state)
    assert any("a11" in g.why.get("copies", []) for g in first)  # (the copy follows its original)
    assert state.copies
    specs["a05"] = ("2023-05-14", [(2, 3, 0)])
    claims, arts = copied(specs, copies)
    told: list[str] = []
    real = duplicates._norm
    monkeypatch.setattr(duplicates, "_norm", lambda text: told.append(text) or real(text))
    got = grouping.group_claims(claims, arts, state=keyed(reloaded(state), claims, arts))
    assert told == []
    monkeypatch.undo()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))


@pytest.mark.parametrize("story_max_claims", [0, 6, grouping.DEFAULT.story_max_claims])
@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), article, min_size=2, max_size=8), st.lists(op, max_size=5))
def test_blocking_keys_crossing_their_cap_regroup_as_from_scratch(story_max_claims, start, ops):
    """With a cap of three claims a key (with and without pairs from stories; stories of up to six claims
    get them: changes move stories across that cap too), articles added, changed and removed move keys across
    it: how many claims held a key last time is told from the articles changed (it is not saved), and a
    reloaded state regroups as from scratch."""
    tight = dataclasses.replace(grouping.DEFAULT, max_posting=3, story_max_claims=story_max_claims)
    specs = dict(start)
    claims, arts = batch(specs)
    state = GroupingState(tight)
    grouping.group_claims(claims, arts, state=state, params=tight)
    for kind, key, spec in ops:
        apply(specs, kind, key, spec)
        claims, arts = batch(specs)
        state = reloaded(state)
        got = grouping.group_claims(claims, arts, state=state, params=tight)
        fresh = GroupingState(tight)
        assert as_json(got) == as_json(grouping.group_claims(claims, arts, params=tight, state=fresh))
        assert (
            state.parts.keys() == fresh.parts.keys()
        )  # (the same claim graph: no pair kept past its key's cap)


def _record_scored_pairs(monkeypatch) -> list[tuple[Claim, Claim]]:
    """The claim pairs the grouping scores from now on (until ``monkeypatch.undo()``), in the order scored."""
    from factcheck.grouping import cluster

    scored: list[tuple[Claim, Claim]] = []
    real = cluster._score_pairs

    def score_pairs(cands, feats, *args):
        scored.extend((feats[i].claim, feats[j].claim) for i, js in cands.items() for j in js)
        return real(cands, feats, *args)

    monkeypatch.setattr(cluster, "_score_pairs", score_pairs)
    return scored


def test_a_key_crossing_its_cap_decides_again_only_the_pairs_of_its_claims(monkeypatch):
    """A blocking key that crosses its cap adds or removes pairs between its own claims only: the other pairs
    of the articles holding it are last run's. (Every pair of those articles was scored again: a fifth edit
    of one body article of the bench's batch scored 404,206 pairs, not ~1,000.)"""

    tight = dataclasses.replace(grouping.DEFAULT, max_posting=3, story_max_claims=0)  # (pairs by keys only)
    # four articles tell of event 0 in the same words (its keys held by four claims: past the cap); a00 and
    # a01 also tell of event 2, a02 and a03 of event 4
    specs = {KEYS[k]: ("2023-05-14", [(0, 0, 0), ((2, 2, 4, 4)[k], k % 2, 0)]) for k in range(4)}
    claims, arts = batch(specs)
    state = GroupingState(tight)
    grouping.group_claims(claims, arts, state=state, params=tight)
    specs["a03"] = (
        "2023-05-14",
        [(None, 0, 0), (4, 1, 0)],
    )  # event 0's keys now held by three: under the cap
    claims, arts = batch(specs)
    scored = _record_scored_pairs(monkeypatch)
    got = grouping.group_claims(claims, arts, state=reloaded(state), params=tight)
    monkeypatch.undo()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts, params=tight))
    event0 = {c.id for c in claims if c.text.startswith(EVENTS[0][0])}
    crossed = [(a, b) for a, b in scored if a.id in event0 and b.id in event0]
    assert len(crossed) == 3  # the three claims of event 0 are now paired
    # every other pair scored is of the changed article: not the event 2 pair of a00 and a01
    assert all("a03" in (a.article_key, b.article_key) for a, b in scored if (a, b) not in crossed)


def test_an_article_joining_a_story_does_not_make_its_other_articles_pairs_scored_again(monkeypatch):
    """The articles of a story that a new article joins keep their pairs among themselves and with the other
    stories (their story context is the same for those): only the new article's pairs are scored. (Every pair
    of those articles was scored again: 76,688 pairs for a new article of an 11-article story of the bench's
    batch, not ~16,000.)"""

    # six articles of event 0 (one story), each with a filler; two of event 2
    specs = {KEYS[k]: ("2023-05-14", [(0, k % 4, k % 2), (None, 0, k % 4)]) for k in range(6)}
    specs |= {KEYS[k]: ("2022-11-30", [(2, k % 4, 0)]) for k in (6, 7)}
    claims, arts = batch(specs)
    state = GroupingState()
    grouping.group_claims(claims, arts, state=state)
    specs["a08"] = ("2023-05-14", [(0, 1, 1)])
    claims, arts = batch(specs)
    scored = _record_scored_pairs(monkeypatch)
    before, state = state.stories, reloaded(state)
    got = grouping.group_claims(claims, arts, state=state)
    monkeypatch.undo()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))
    joined = state.stories["a08"][0] - {"a08"}
    assert joined and all(before[k] != state.stories[k] for k in joined)  # (their story moved)
    assert scored and all("a08" in (a.article_key, b.article_key) for a, b in scored)


def test_sentences_kept_as_evidence_do_not_make_a_regrouping_read_every_articles_words():
    """Whether a sentence kept as grouping evidence names anyone (it then stays out of its article's profile)
    is asked only for the articles whose term counts are made again: after one change, the ``f`` pieces
    read are still those of the articles the changed one meets, not the whole batch's."""
    specs = {
        key: ("2023-05-14", [(k // 2, k % 4, 0), (None, 0, k % 4), (k // 2, (k + 1) % 4, 0)])
        for k, key in enumerate(KEYS)
    }
    state = GroupingState()
    claims, arts = batch(specs, evidence=True)
    grouping.group_claims(claims, arts, state=state)
    manifest, stored = stored_form(state)
    lookups: list[list[str]] = []

    def pieces_of(names: list[str]) -> dict:
        lookups.append(names)
        return {n: stored[n] for n in names if n in stored}

    back = state_from_pieces(manifest, stored, state.params, group_from_json, stored.get, pieces_of)
    specs["a03"] = ("2023-05-14", [(1, 2, 0), (None, 0, 1), (1, 0, 0)])
    claims, arts = batch(specs, evidence=True)
    got = grouping.group_claims(claims, arts, state=back)
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))
    words = {name for names in lookups for name in names}
    assert 0 < len(words) <= 3  # (of 12 articles)


def test_a_group_of_a_changed_part_with_the_same_claims_and_edges_is_not_made_again(monkeypatch):
    from factcheck.grouping import cluster

    # two look-alike events (same actors, 2023 and 2024) joined in one part of the claim graph by a claim
    # with no time; a change to a 2024 article changes the part, not the 2023 group
    specs = {
        key: ("2023-05-14" if k < 4 else "2024-09-10", [(0 if k < 4 else 1, 0, 0), (0 if k < 4 else 1, 1, 0)])
        for k, key in enumerate(KEYS[:7])
    }
    specs["a07"] = ("2024-09-10", [(1, 2, 0), (0, 2, 1)])
    claims, arts = batch(specs)
    state = GroupingState()
    first = grouping.group_claims(claims, arts, state=state)
    assert len(first) == 2 and state.stats["parts"] == 1
    (before,) = [g for g in first if g.when == "2023-05"]
    made = []
    real = cluster._make_group
    monkeypatch.setattr(cluster, "_make_group", lambda ms, *a, **k: made.append(len(ms)) or real(ms, *a, **k))
    specs["a06"] = ("2024-09-10", [(1, 1, 0), (None, 2, 2)])
    claims, arts = batch(specs)
    state = reloaded(state)
    got = grouping.group_claims(claims, arts, state=state)
    assert state.stats["parts_reused"] == 0  # the part changed ...
    assert len(made) == 1 and before.to_json() in as_json(got)  # ... its 2023 group is last run's
    monkeypatch.setattr(cluster, "_make_group", real)
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))


# blocking keys that cross their cap as articles come and go: the pairs inside them are decided again, and
# the parts of the claim graph they reach are re-formed or, with the same edges, last run's (``_settled``)
FEW_KEYS = dataclasses.replace(grouping.DEFAULT, max_posting=3)


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(st.sampled_from(KEYS), article, min_size=2, max_size=8),
    st.lists(op, max_size=6),
    st.sampled_from([FEW_KEYS, dataclasses.replace(FEW_KEYS, max_posting=5)]),
)
def test_parts_with_pairs_decided_again_regroup_as_from_scratch(start, ops, p):
    specs = dict(start)
    state = GroupingState()
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state, params=p)
    for kind, key, spec in ops:
        apply(specs, kind, key, spec)
        claims, arts = batch(specs)
        got = grouping.group_claims(claims, arts, state=state, params=p)
        assert as_json(got) == as_json(grouping.group_claims(claims, arts, state=GroupingState(), params=p))


def test_a_part_whose_pairs_were_decided_again_with_the_same_edges_is_last_runs(monkeypatch):
    """An article added under keys others hold makes them cross their cap: their pairs are decided again.
    The parts those pairs reach whose edges come out the same are last run's as they are: not formed,
    keyed and looked up again."""
    specs = {
        "a07": ("2024-09-10", [(0, 1, 3)]),
        "a04": ("2023-05-14", [(5, 3, 1), (None, 1, 2)]),
        "a05": ("2021-03-20", [(0, 3, 2)]),
        "a01": ("2023-07-02", [(0, 0, 0)]),
        "a02": ("2024-09-10", [(5, 1, 0)]),
        "a06": ("2023-07-02", [(3, 3, 2), (4, 2, 0), (3, 1, 0)]),
    }
    formed: list[int] = []  # the claims of each part formed anew (keyed, then looked up or clustered)
    part_key = cluster_module._Reuse._part_key
    monkeypatch.setattr(
        cluster_module._Reuse,
        "_part_key",
        lambda self, ms, links: formed.append(len(ms)) or part_key(self, ms, links),
    )

    def added_after(state: GroupingState) -> list[int]:
        """The parts formed when ``a03`` is added (the groups checked against a grouping from scratch)."""
        claims, arts = batch(specs)
        grouping.group_claims(claims, arts, state=state, params=FEW_KEYS)
        formed.clear()
        claims, arts = batch({**specs, "a03": ("2023-07-02", [(2, 3, 3)])})
        got = grouping.group_claims(claims, arts, state=state, params=FEW_KEYS)
        assert as_json(got) == as_json(grouping.group_claims(claims, arts, params=FEW_KEYS))
        return list(formed)

    state = GroupingState()
    assert added_after(state) == [3]  # (the new claim's part)
    assert state.stats["parts_settled"] == 2
    monkeypatch.setattr(cluster_module._Reuse, "_settled", lambda *_a: False)
    assert len(added_after(GroupingState())) == 3


def test_one_changed_article_lists_the_claims_of_its_keys_only(monkeypatch):
    """After one change the blocking keys' claims are found for the keys the changed article's claims hold
    (and those decided again), not listed for every key of the batch (``cluster._Postings``); the groups are
    those of a grouping from scratch."""
    specs = {
        key: ("2023-05-14", [(k // 2, k % 4, 0), (k // 2, (k + 1) % 4, 0)]) for k, key in enumerate(KEYS)
    }
    state = GroupingState()
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state)
    specs["a03"] = ("2023-05-14", [(1, 2, 0), (4, 1, 0)])
    claims, arts = batch(specs)
    asked: list[set[str]] = []
    of = cluster_module._Postings.of

    def recording(self, keys):
        got = of(self, keys)
        asked.append(set(got))
        return got

    def every_key(keys_of):
        raise AssertionError("every key's claims listed")

    monkeypatch.setattr(cluster_module._Postings, "of", recording)
    monkeypatch.setattr(cluster_module, "_postings", every_key)
    got = grouping.group_claims(claims, arts, state=state)
    monkeypatch.undo()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))
    mine = {
        k
        for f in cluster_module._features([c for c in claims if c.article_key == "a03"], arts)[0]
        for k in cluster_module._claim_keys(f, grouping.DEFAULT)
    }
    every = {
        k
        for f in cluster_module._features(claims, arts)[0]
        for k in cluster_module._claim_keys(f, grouping.DEFAULT)
    }
    assert mine <= set().union(*asked)
    assert set().union(*asked) & every < every  # (also the keys the article held before)


def test_one_changed_article_finds_the_claims_of_the_keys_it_asks_in_one_pass(monkeypatch):
    """After one change the blocking keys' claims a regrouping needs (the keys whose count moved, to tell
    which crossed their cap, and the keys of the touched articles' claims, to pair them) are found in one
    pass over the batch's claims, not one pass per ask; the groups are those of a grouping from scratch."""
    specs = {
        key: ("2023-05-14", [(k // 2, k % 4, 0), (k // 2, (k + 1) % 4, 0)]) for k, key in enumerate(KEYS)
    }
    state = GroupingState()
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state)
    specs["a03"] = ("2023-05-14", [(1, 2, 0), (4, 1, 0)])
    claims, arts = batch(specs)
    passes: list[set[str]] = []  # each ask's keys not found before (such an ask goes through every claim)
    of = cluster_module._Postings.of

    def counting(self, keys):
        asked = list(keys)
        if new := set(asked) - self.known.keys():
            passes.append(new)
        return of(self, asked)

    monkeypatch.setattr(cluster_module._Postings, "of", counting)
    got = grouping.group_claims(claims, arts, state=state)
    monkeypatch.undo()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))
    mine = {
        k
        for f in cluster_module._features([c for c in claims if c.article_key == "a03"], arts)[0]
        for k in cluster_module._claim_keys(f, grouping.DEFAULT)
    }
    assert len(passes) == 1 and mine <= passes[0]
    assert state.stats["blocking_scans"] == 1


@given(
    st.lists(st.lists(st.sampled_from("abcdefg"), max_size=4), max_size=12),
    st.lists(st.sampled_from("abcdefgh")),
)
def test_the_claims_of_the_keys_asked_are_those_listed_for_every_key(keys_of, asked):
    postings = cluster_module._Postings(keys_of)
    every = cluster_module._postings(keys_of)
    assert postings.of(asked) == {k: every.get(k, []) for k in asked}
    assert postings.of(reversed(asked)) == {k: every.get(k, []) for k in reversed(asked)}


def test_topic_names_from_the_stories_document_frequencies_are_those_counted_from_the_claims():
    """The batch's topic names read from the stories' document frequencies (a name there is the term
    "e:" + name, among the words) are those counted from the claims' names."""
    p = dataclasses.replace(grouping.DEFAULT, topic_name_share=0.3, topic_name_min=2)
    specs = {key: ("2023-05-14", [(k % 3, k % 4, 0), (k % 2, (k + 1) % 4, 0)]) for k, key in enumerate(KEYS)}
    claims, arts = batch(specs)
    state = GroupingState(p)
    grouping.group_claims(claims, arts, state=state, params=p)
    feats, n_docs = cluster_module._features(claims, arts)
    assert state.story_memo.df is not None and n_docs == len(KEYS)
    from_claims = cluster_module._batch_topic(feats, n_docs, None, p)
    assert from_claims  # (the test holds topic names)
    assert cluster_module._batch_topic(feats, n_docs, state, p) == from_claims
    assert cluster_module._topic_names(state.story_memo.df, n_docs, p, "e:") == from_claims
    assert not any(t.startswith("e:") for t in from_claims)


TOPICAL = dataclasses.replace(grouping.DEFAULT, topic_name_share=0.3, topic_name_min=2)


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), article, min_size=2, max_size=12), st.lists(op, max_size=6))
def test_topic_names_told_from_last_runs_and_the_moved_counts_are_those_from_scratch(start, ops):
    """The topic names a regrouping tells from last run's and the names whose counts it moved (through a
    reload every other run) are those told from every count; and so are the groups."""
    specs = dict(start)
    state = GroupingState(TOPICAL)
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state, params=TOPICAL)
    for n, (kind, key, spec) in enumerate(ops):
        apply(specs, kind, key, spec)
        claims, arts = batch(specs)
        if n % 2:
            state = reloaded(state)
        got = grouping.group_claims(claims, arts, state=state, params=TOPICAL)
        fresh = GroupingState(TOPICAL)
        assert as_json(got) == as_json(grouping.group_claims(claims, arts, state=fresh, params=TOPICAL))
        assert state.topic == fresh.topic


def test_a_regrouping_after_a_body_change_tells_the_topic_names_without_every_count(monkeypatch):
    """With the batch's size unchanged, the topic names are last run's with the names whose counts moved
    told again: neither last run's nor this run's are told from every count (through a reload)."""
    specs = {key: ("2023-05-14", [(k % 3, k % 4, 0), (k % 2, (k + 1) % 4, 0)]) for k, key in enumerate(KEYS)}
    claims, arts = batch(specs)
    state = GroupingState(TOPICAL)
    grouping.group_claims(claims, arts, state=state, params=TOPICAL)
    assert state.topic is not None and state.topic[0]  # (the batch holds topic names)
    specs["a03"] = ("2023-05-14", [(4, 1, 0), (5, 2, 0)])
    claims, arts = batch(specs)
    state = reloaded(state)

    def every_count(*a):
        raise AssertionError("topic names told from every count")

    monkeypatch.setattr(cluster_module, "_topic_names", every_count)
    got = grouping.group_claims(claims, arts, state=state, params=TOPICAL)
    monkeypatch.undo()
    fresh = GroupingState(TOPICAL)
    assert as_json(got) == as_json(grouping.group_claims(claims, arts, state=fresh, params=TOPICAL))
    assert state.topic == fresh.topic


def test_whether_an_article_is_a_copy_is_told_once_per_article(monkeypatch):
    specs = {
        key: ("2023-05-14", [(k // 2, k % 4, 0), (k // 2, (k + 1) % 4, 0)]) for k, key in enumerate(KEYS)
    }
    claims, arts = copied(specs, {"a01": "a00"})
    told: list[object] = []
    is_copy = cluster_module.is_copy

    def counting(article):
        told.append(article)
        return is_copy(article)

    expected = as_json(grouping.group_claims(claims, arts))
    monkeypatch.setattr(cluster_module, "is_copy", counting)
    assert as_json(grouping.group_claims(claims, arts)) == expected
    assert len(told) <= len(arts) < len(claims)


def test_a_regrouping_after_one_change_tells_each_claim_from_evidence_once(monkeypatch):
    """Whether a sentence is a claim or kept as evidence (``_claim``) is told once per claim of the batch
    (the articles' claim counts, and their stories' made from them), and again only for the claims the
    change reaches."""
    specs = {
        key: ("2023-05-14", [(k // 2, k % 4, 0), (k // 2, (k + 1) % 4, 0), (None, k % 4, 0)])
        for k, key in enumerate(KEYS)
    }
    state = GroupingState()
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state)
    specs["a05"] = ("2023-05-14", [(2, 1, 0), (None, 2, 0)])
    claims, arts = batch(specs)
    told: list[object] = []
    is_claim = cluster_module._claim

    def counting(f, p):
        told.append(f)
        return is_claim(f, p)

    monkeypatch.setattr(cluster_module, "_claim", counting)
    got = grouping.group_claims(claims, arts, state=state)
    monkeypatch.undo()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))
    times = Counter(f.claim.article_key for f in told)
    per_article = Counter(c.article_key for c in claims)
    # (a04-a07 tell of the events a05 tells or told of: the change reaches their claims' pairs)
    far = ["a00", "a01", "a02", "a03", "a08", "a09", "a10", "a11"]
    assert all(times[k] == per_article[k] for k in far)


def test_a_reloaded_state_tells_the_groups_of_parts_reused_whole_without_making_their_keys(monkeypatch):
    """A part's clusters' group keys are saved with the part: after one change, the parts reused whole give
    their groups with no key made (``state.group_key``, a digest per group), only those of the parts the
    change reaches are made."""
    specs = {
        key: ("2023-05-14", [(k // 2, k % 4, 0), (k // 2, (k + 1) % 4, 0)]) for k, key in enumerate(KEYS)
    }
    state = grouped_state(specs)
    specs["a03"] = ("2023-05-14", [(1, 2, 0)])
    claims, arts = batch(specs)
    made: list[object] = []
    key_of = state_module.group_key

    def counting(part, places):
        made.append(part)
        return key_of(part, places)

    back = reloaded(state)
    monkeypatch.setattr(state_module, "group_key", counting)
    monkeypatch.setattr(cluster_module, "group_key", counting)
    got = grouping.group_claims(claims, arts, state=back)
    monkeypatch.undo()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))
    assert back.stats["parts_reused"] >= 1
    assert len(made) < len(got)
    assert reloaded(back).group_keys == {k: back.part_group_keys(k) for k in back.parts}


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), article, min_size=2, max_size=8), st.lists(op, max_size=5))
def test_a_state_read_back_once_regroups_edit_after_edit_as_from_scratch(start, ops):
    """A state read back once (as a fresh process gets it from the cache), then kept in process through
    several edits (as the review TUI keeps it), regroups as from scratch after each, and its stories' memo
    holds the same term counts and document frequencies."""
    specs = dict(start)
    state = GroupingState()
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state)
    state = reloaded(state)
    for kind, key, spec in ops:
        apply(specs, kind, key, spec)
        claims, arts = batch(specs)
        got = grouping.group_claims(claims, arts, state=state)
        fresh = GroupingState()
        assert as_json(got) == as_json(grouping.group_claims(claims, arts, state=fresh))
        assert state.story_memo.df == fresh.story_memo.df
        assert state.story_memo.docs == fresh.story_memo.docs
        assert state.story_memo.top == fresh.story_memo.top


def test_one_changed_article_tells_the_uids_of_the_claims_it_needs_only(monkeypatch):
    """After one change, a claim's uid (its article's key and fingerprint, and its place there) is told for
    the claims of the parts and groups made again and of the pairs scored, not for every claim of the batch
    (``cluster._Reuse.uid``); the places are each claim's among its article's claims, in batch order, and
    the groups are those of a grouping from scratch."""
    specs = {key: ("2023-05-14", [(k // 2, k % 4, 0), (None, 0, k % 4)]) for k, key in enumerate(KEYS)}
    state = GroupingState()
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state)
    specs["a03"] = ("2023-05-14", [(1, 2, 0), (4, 1, 0)])
    claims, arts = batch(specs)
    told: list[tuple[str, str, int]] = []
    uid = cluster_module._Reuse.uid

    def recording(self, i):
        got = uid(self, i)
        told.append(got)
        # (its place among its article's claims in batch order)
        assert [c for c in claims if c.article_key == got[0]].index(self.feats[i].claim) == got[2]
        return got

    monkeypatch.setattr(cluster_module._Reuse, "uid", recording)
    got = grouping.group_claims(claims, arts, state=state)
    monkeypatch.undo()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))
    assert told and len({u[:2] for u in told}) < len(KEYS)


def test_one_changed_article_tells_the_languages_of_the_articles_it_reads_only(monkeypatch):
    """After one change, an article's language is told for the articles whose features or groups are made
    (``features.Languages``), not for every article of the batch; the groups are those of a grouping from
    scratch."""
    from factcheck.grouping import features as features_module

    specs = {key: ("2023-05-14", [(k // 2, k % 4, 0), (None, 0, k % 4)]) for k, key in enumerate(KEYS)}
    state = GroupingState()
    claims, arts = batch(specs)
    grouping.group_claims(claims, arts, state=state)
    specs["a03"] = ("2023-05-14", [(1, 2, 0), (4, 1, 0)])
    claims, arts = batch(specs)
    asked: list[str | None] = []
    language = features_module.article_language

    def recording(article):
        asked.append(article.key if article is not None else None)
        return language(article)

    monkeypatch.setattr(features_module, "article_language", recording)
    got = grouping.group_claims(claims, arts, state=state)
    monkeypatch.undo()
    assert as_json(got) == as_json(grouping.group_claims(claims, arts))
    assert "a03" in asked and len(asked) == len(set(asked)) < len(KEYS)


@given(st.dictionaries(st.sampled_from(KEYS), st.sampled_from(["en", "de", None]), max_size=6))
def test_languages_told_when_asked_are_those_told_at_once(langs):
    """``features.Languages`` gives each article the language ``features.languages`` gives it, and no
    language for a key of no article."""
    from factcheck.grouping import features as features_module

    arts = {
        k: Article(path=k, key=k, id=k, text="Ein Satz." if v == "de" else "A sentence.", language=v)
        for k, v in langs.items()
    }
    claims = [Claim(id=f"c{k}", article_id=k, article_key=k, start=0, end=1, text="x") for k in arts]
    lazy = features_module.Languages(arts)
    assert {k: lazy[k] for k in reversed(list(arts))} == features_module.languages(claims, arts)
    assert lazy.get("none of them") is None


@given(st.lists(st.sampled_from(["2023-05-14", "2024-09-10", None]), max_size=6))
def test_an_articles_dates_and_languages_read_back_as_saved(values):
    """A field of an article's claims saved once for the article when they agree, else claim by claim
    (``state._one_or_each``), reads back as each claim's value through JSON (``state._each``)."""
    saved = json.loads(json.dumps({"lang": state_module._one_or_each(values)}))
    assert state_module._each(saved, "lang", len(values)) == values
    if values and len(set(values)) == 1:
        assert type(saved["lang"]) is not list
