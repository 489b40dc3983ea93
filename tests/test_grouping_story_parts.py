"""The stories after a change are made again only for the connected parts of the article pairs that can join
two stories (``stories._join_floor``): a weaker pair is compared, but it joins no story to another, so the
stories of such a part are a function of that part alone, and the parts a change does not reach are last
run's."""

from __future__ import annotations

import dataclasses
import math
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import grouping
from factcheck.grouping import stories

SPLIT_OFTEN = dataclasses.replace(grouping.DEFAULT, split_min_side=2)
WORDS = ["harbour", "bridge", "plant", "steel", "chess", "final", "trade", "deal", "fire", "flood"]


def vectors(tf: list[Counter[str]], p: grouping.Params) -> stories._DocVectors:
    df: Counter[str] = Counter(t for c in tf for t in c)
    return stories._DocVectors(tf, stories._Idf(df, len(tf), p.doc_idf_step))


def labels(sims, tf, years, p):
    return stories._first_labels(stories._stories(sims, len(tf), tf, vectors(tf, p), years, p))


# a score: mostly near the bars the steps join at (the linkage's, a stray's, two stories' merge)
score = st.one_of(
    st.floats(0, 1),
    st.sampled_from([0.05, 0.1, 0.104, 0.105, 0.106, 0.11, 0.12, 0.13, 0.15, 0.16, 0.2, 0.3]),
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.dictionaries(st.sampled_from(WORDS), st.integers(1, 3), min_size=1), min_size=2, max_size=12),
    st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11), score), max_size=40),
    st.lists(st.sampled_from([None, "2022", "2023"]), min_size=12, max_size=12),
    st.sampled_from([grouping.DEFAULT, SPLIT_OFTEN]),
)
def test_the_stories_of_a_part_of_the_pairs_that_can_join_are_its_own(counts, pairs, year_list, p):
    """Stories made from the pairs among the articles of one part (connected by pairs of ``_join_floor`` or
    more) are those made from every pair, for each part: weaker pairs between parts join nothing."""
    n = len(counts)
    tf = [Counter(c) for c in counts]
    years = [({y} if y else set()) for y in year_list[:n]]
    sims = {(min(i, j), max(i, j)): sc for i, j, sc in pairs if i != j and i < n and j < n}
    sims = dict(sorted(sims.items()))
    whole = labels(sims, tf, years, p)
    floor = stories._join_floor(p)
    for part in stories._parts(n, [pair for pair, sc in sims.items() if sc >= floor]):
        inside = set(part)
        own = {(a, b): sc for (a, b), sc in sims.items() if a in inside and b in inside}
        alone = labels(own, tf, years, p)
        assert [alone[d] for d in part] == [whole[d] for d in part]


def test_a_change_makes_again_the_stories_of_its_own_part_only(monkeypatch):
    """Two stories of three articles linked by one weak pair (compared, too weak to join anything): after an
    edit of an article of the first, the second's stories are last run's (``stories_made``: 3, not 6) and
    the stories are those made from scratch."""
    p = grouping.DEFAULT
    tf = [Counter({w: 2, "fire": 1}) for w in ("harbour", "harbour", "harbour", "plant", "plant", "plant")]
    fps = [f"fp{d}" for d in range(6)]
    years: list[set[str]] = [set()] * 6
    strong = {(0, 1): 0.6, (0, 2): 0.5, (1, 2): 0.55, (3, 4): 0.7, (3, 5): 0.6, (4, 5): 0.65}
    sims = dict(sorted({**strong, (2, 3): 0.05}.items()))
    assert p.doc_sim_min * min(p.attach_factor, p.merge_min) > 0.05  # (too weak for any step to join)
    memo = stories.StoryMemo()
    first = stories._by_part(memo, fps, [False] * 6, sims, tf, vectors(tf, p), years, p)
    assert memo.stories_made == 6
    made: list[dict[tuple[int, int], float]] = []
    real = stories._stories
    monkeypatch.setattr(stories, "_stories", lambda s, *a: made.append(dict(s)) or real(s, *a))
    fps[0] = "fp0-edited"  # (its words, and so its vector, as they were)
    got = stories._by_part(
        memo, fps, [False, True, True, True, True, True], sims, tf, vectors(tf, p), years, p
    )
    assert memo.stories_made == 3
    assert all({a, b} <= {0, 1, 2} for a, b in made[0])
    assert got == first == labels(sims, tf, years, p)
    assert got[:3] == [0, 0, 0] and got[3:] == [3, 3, 3]


def test_a_tie_between_two_merges_is_broken_by_the_stories_first_articles_not_their_labels():
    """Stories A, B, C (two articles each): A and C are mirror images about B, so A-B and B-C are exactly as
    close, and once two of them are joined the third no longer passes the merge ratio. Which pair is
    joined must not depend on the stories' labels (a split story's label comes from a batch-wide counter,
    so the same part can carry other labels incrementally than from scratch): the earlier first article
    decides, whatever the labels."""
    p, q, r = 0.95, math.sqrt(1 - 0.95**2), math.sqrt(0.5)
    a, b, c = {"x": p, "y": q}, {"x": r, "y": r}, {"x": q, "y": p}
    vecs = [a, a, b, b, c, c]
    tf: list[Counter[str]] = [Counter() for _ in vecs]
    sims = {(i, j): 0.5 for i in range(6) for j in range(i + 1, 6)}
    for label in ([0, 0, 1, 1, 2, 2], [2, 2, 1, 1, 0, 0], [4, 4, 0, 0, 2, 2]):
        out = stories._first_labels(stories._merge_stories(label, sims, vecs, tf))
        assert out == [0, 0, 0, 0, 4, 4], label
