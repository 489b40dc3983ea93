"""Near-duplicates told from what a batch's last run told (``BatchDuplicates``): after any edits (texts
changed, articles added, removed or moved), every decision is the one a run from scratch makes, and only the
articles whose shingles meet the changed ones are compared again."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cache import text_digest
from factcheck.grouping.duplicates import (
    BatchDuplicates,
    DuplicateIndex,
    LastRun,
    best_match,
    could_repeat,
    shingles,
)

WORDS = (
    "council bridge river mayor closure detour traffic engineers cracks piers county repair lorry drivers "
    "industrial estate routes week shop owners customers street months gallery photographs harbour curator "
    "prints families region cameras portraits fishing town summer police arrested minister election vote"
).split()


def _story(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _batch(seed: int, n: int) -> dict[str, str]:
    """``n`` articles (key -> text): stories, copies of stories with a few words changed, short notes."""
    rng = random.Random(seed)
    out: dict[str, str] = {}
    for i in range(n):
        kind = rng.random()
        if out and kind < 0.4:  # a near copy of an earlier one
            words = rng.choice(list(out.values())).split()
            for _ in range(rng.randint(0, 2)):
                words[rng.randrange(len(words))] = rng.choice(WORDS)
            out[f"a{i:02d}"] = " ".join(words + _story(rng, rng.randint(0, 10)).split())
        elif kind < 0.5:
            out[f"a{i:02d}"] = _story(rng, rng.randint(3, 30))  # too short to tell
        else:
            out[f"a{i:02d}"] = _story(rng, rng.randint(60, 200))
    return out


class _Store:
    """Shingles by text digest, as the cache holds them (``forget``: texts whose shingles are gone)."""

    def __init__(self) -> None:
        self.known: dict[str, frozenset[int]] = {}
        self.forget: set[str] = set()

    def add(self, texts: list[str]) -> list[tuple[str, frozenset[int]]]:
        out = []
        for text in texts:
            d = text_digest(text)
            self.known.setdefault(d, shingles(text))
            out.append((d, self.known[d]))
        return out

    def get(self, digests: list[str]) -> dict[str, frozenset[int]]:
        return {d: self.known[d] for d in digests if d in self.known and d not in self.forget}


def _scratch(batch: list[tuple[str, str]]) -> list[tuple[str, float] | None]:
    ix = DuplicateIndex()
    out = []
    for key, text in batch:
        sh = shingles(text)
        found = ix.near_duplicate(ix.match(sh))
        ix.place(key, sh)
        out.append(None if found is None else (found.of, found.shared))
    return out


def _told(
    batch: list[tuple[str, str]], last: LastRun | None, store: _Store, scan_limit: int, chunk: int
) -> tuple[list[tuple[str, float] | None], BatchDuplicates]:
    store.add([t for _k, t in batch])
    near = BatchDuplicates(last, store.get, scan_limit)
    items = [(k, text_digest(t)) for k, t in batch]
    out = []
    for i in range(0, len(items), chunk):
        out += [None if f is None else (f.of, f.shared) for f in near.tell(items[i : i + chunk])]
    return out, near


def _edit(rng: random.Random, batch: list[tuple[str, str]], fresh: int) -> list[tuple[str, str]]:
    batch = list(batch)
    what = rng.choice(["change", "change", "rewrite", "add", "remove", "move", "copy"])
    if what == "add" or not batch:
        batch.insert(rng.randint(0, len(batch)), (f"n{fresh}", _story(rng, rng.randint(40, 150))))
    elif what == "copy":  # a new article that nearly repeats one of the batch
        _key, text = rng.choice(batch)
        batch.insert(rng.randint(0, len(batch)), (f"n{fresh}", text + " " + rng.choice(WORDS)))
    elif what == "rewrite":  # another text under the same key
        i = rng.randrange(len(batch))
        batch[i] = (batch[i][0], _story(rng, rng.randint(40, 150)))
    elif what == "remove":
        batch.pop(rng.randrange(len(batch)))
    elif what == "move":
        batch.insert(rng.randint(0, len(batch) - 1), batch.pop(rng.randrange(len(batch))))
    else:
        i = rng.randrange(len(batch))
        key, text = batch[i]
        words = text.split()
        j = rng.randint(0, len(words))
        batch[i] = (key, " ".join(words[:j] + _story(rng, rng.randint(1, 12)).split() + words[j:]))
    return batch


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    n=st.integers(0, 24),
    edits=st.integers(1, 6),
    scan_limit=st.sampled_from([0, 3, 1000]),
    chunk=st.sampled_from([1, 4, 100]),
    forget=st.booleans(),
)
def test_decisions_after_edits_are_the_ones_from_scratch(
    seed: int, n: int, edits: int, scan_limit: int, chunk: int, forget: bool
) -> None:
    rng = random.Random(seed)
    batch = list(_batch(seed, n).items())
    store = _Store()
    got, near = _told(batch, None, store, scan_limit, chunk)
    assert got == _scratch(batch)
    for k in range(edits):
        before = {text_digest(t) for _k, t in batch}
        batch = _edit(rng, batch, k)
        if forget:  # the cache lost the shingles of a text no longer in the batch
            store.forget = before - {text_digest(t) for _k, t in batch}
        last = near.run()
        got, near = _told(batch, last, store, scan_limit, chunk)
        assert got == _scratch(batch)


def test_an_unchanged_batch_compares_nothing_and_an_edit_compares_only_the_texts_it_meets() -> None:
    rng = random.Random(7)
    stories = [_story(rng, 150) for _ in range(6)]
    batch = [(f"a{i}", stories[i % 6] + f" {i}") for i in range(30)]  # five copies of each story
    store = _Store()
    first, near = _told(batch, None, store, 1000, 8)
    assert near.compared == 30
    again, near = _told(batch, near.run(), store, 1000, 8)
    assert again == first and near.compared == 0
    # the tenth article (story 4) gains words: the copies of story 4 after it are compared again, no other
    batch[9] = ("a9", batch[9][1] + " " + _story(rng, 20))
    edited, near = _told(batch, near.run(), store, 1000, 8)
    assert edited == _scratch(batch)
    assert near.compared == 1 + len([i for i in range(10, 30) if i % 6 == 9 % 6])
    assert near.index is None  # (every comparison was a scan of the earlier articles)


def test_a_copy_whose_original_gets_another_text_is_no_copy_any_more() -> None:
    rng = random.Random(1)
    story = _story(rng, 150)
    batch = [("a", story), ("b", story + " harbour"), ("c", _story(rng, 150))]
    store = _Store()
    first, near = _told(batch, None, store, 1000, 10)
    assert first == [None, ("a", 1.0), None]
    batch[0] = ("a", _story(rng, 150))
    assert _told(batch, near.run(), store, 1000, 10)[0] == _scratch(batch) == [None, None, None]


def test_the_best_match_is_the_one_sharing_most_and_the_earliest_of_a_tie() -> None:
    assert best_match(20, [(0, 17, 20), (1, 18, 20), (2, 18, 19)]) == (1, 18, 20)
    assert best_match(20, [(3, 16, 30)]) is None  # not most of the earlier one
    assert best_match(20, [(3, 15, 15)]) is None  # not most of this one
    assert best_match(9, [(0, 9, 9)]) is None  # too short to tell
    assert could_repeat(20, 16) and not could_repeat(20, 15) and not could_repeat(20, 34)
