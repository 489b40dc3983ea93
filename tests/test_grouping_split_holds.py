"""Whether a story's split holds (``stories._split_holds``) is told from each side's summed vector, not from
every pair's cosine: the same means (to rounding) at the cost of one pass over the story's vectors, so a
change that moves a vector of a big story does not pay n^2 / 2 cosines again."""

from __future__ import annotations

import math
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import grouping
from factcheck.grouping import stories

WORDS = ["harbour", "bridge", "plant", "steel", "chess", "final", "trade", "deal", "fire", "flood"]


def vectors(tf: list[Counter[str]]) -> stories._DocVectors:
    df: Counter[str] = Counter(t for c in tf for t in c)
    return stories._DocVectors(tf, stories._Idf(df, len(tf), grouping.DEFAULT.doc_idf_step))


def pairwise(ms, sides, gvecs) -> tuple[float, float]:
    """The split test's two figures by its definition: the lower of the sides' mean inner cosines, and the
    mean cosine across them."""

    def mean_sim(a: list[int], b: list[int]) -> float:
        pairs = [(i, j) for i in a for j in b if i != j and (a is not b or i < j)]
        return sum(stories._cosine(gvecs[ms[i]], gvecs[ms[j]]) for i, j in pairs) / max(1, len(pairs))

    ga, gb = sides
    return min(mean_sim(ga, ga), mean_sim(gb, gb)), mean_sim(ga, gb)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.dictionaries(st.sampled_from(WORDS), st.integers(1, 3), min_size=1), min_size=4, max_size=14),
    st.randoms(use_true_random=False),
)
def test_the_split_holds_as_its_pairwise_means_say(counts, rnd):
    tf = [Counter(c) for c in counts]
    # one more article holding every word: no word weighs nothing in the batch
    tf.append(Counter(dict.fromkeys(WORDS, 1)))
    gvecs = vectors(tf)
    ms = list(range(len(tf) - 1))
    rnd.shuffle(ms)
    cut = rnd.randint(2, len(ms) - 2)
    sides = (list(range(cut)), list(range(cut, len(ms))))
    within, across = pairwise(ms, sides, gvecs)
    p = grouping.DEFAULT
    if within > 1e-9 and not math.isclose(across / within, p.split_ratio, rel_tol=1e-9):
        assert stories._split_holds(ms, sides, gvecs, p) == (across / within <= p.split_ratio)
    elif within <= 0:
        assert not stories._split_holds(ms, sides, gvecs, p)


def test_the_split_of_a_big_story_makes_no_cosine_per_pair(monkeypatch):
    tf = [Counter({WORDS[d % 5]: 2, WORDS[5 + d % 3]: 1, "common": 1}) for d in range(60)]
    gvecs = vectors(tf)
    ms = list(range(60))
    sides = (list(range(30)), list(range(30, 60)))
    made: list[int] = []
    cosine = stories._cosine

    def counted(a: dict[str, float], b: dict[str, float]) -> float:
        made.append(1)
        return cosine(a, b)

    monkeypatch.setattr(stories, "_cosine", counted)
    stories._split_holds(ms, sides, gvecs, grouping.DEFAULT)
    assert len(made) <= 2 * len(ms)  # (every pair's cosine: 1,770)


def test_a_side_whose_articles_share_no_word_does_not_hold():
    tf = [Counter({w: 1}) for w in WORDS[:6]] + [Counter({"x": 1}), Counter({"x": 1, "y": 1})]
    gvecs = vectors(tf)
    ms = list(range(8))
    # the first side's six articles share no word: its mean inner cosine is 0
    assert not stories._split_holds(ms, ([0, 1, 2, 3, 4, 5], [6, 7]), gvecs, grouping.DEFAULT)
