"""What one grouping of a batch leaves for the next, so that a batch with one article changed is regrouped
at about the cost of that article (``group_claims(..., state=GroupingState())``).

Every step of the grouping is a function of evidence that does not depend on the rest of the batch (word
weights are rarities in the language, blocking keys a claim's own), except for a few batch-wide facts that
are recomputed each time and compared with last time's: which stories the articles form, and which blocking
keys are held by too many claims to block on. So, exactly as a grouping from scratch would:

- the scored claim pairs between two articles that did not change, whose stories did not change and that
  share no blocking key whose cap status changed, are last time's: only the pairs of the other articles are
  scored again;
- claims are clustered per connected part of the pair graph, and a part with the same claims, stories and
  pair scores as last time gets last time's clusters;
- a group with the same claims and pair scores as last time is last time's group.

Nothing is trusted by name: an article counts as unchanged only when its fingerprint (the article and its
claims, every field grouping reads) is the same, and each reused piece is keyed by all that it was computed
from. A state is tied to one ``Params``; it is reset when other parameters come.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.grouping.params import DEFAULT, Params
from factcheck.grouping.stories import StoryMemo
from factcheck.model import Article, Claim, EventGroup

_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim) if f.name != "group")  # ``group`` is output


def fingerprint(article: Article | None, claims: Sequence[Claim]) -> str:
    """Every field grouping reads of an article and of its claims, as a digest."""
    h = hashlib.blake2b(digest_size=16)
    h.update(repr(article).encode("utf-8", "surrogatepass"))
    for c in claims:
        h.update(repr(tuple(getattr(c, n) for n in _CLAIM_FIELDS)).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# a claim across runs: its article's key and fingerprint, and its place among the article's claims
ClaimUid = tuple[str, str, int]


@dataclass(slots=True)
class GroupingState:
    """Last grouping's reusable pieces (see the module's docstring). Create one per batch and pass it to
    every ``group_claims`` call of that batch; it is only ever an accelerator: the groups are those of a
    grouping from scratch."""

    params: Params = DEFAULT
    fingerprints: dict[str, str] = field(default_factory=dict)  # article key -> fingerprint
    # article key -> its story's fingerprints
    stories: dict[str, frozenset[str]] = field(default_factory=dict)
    posting_sizes: dict[str, int] = field(default_factory=dict)  # blocking key -> claims holding it
    # connected parts of the claim graph: digest -> (its claims, its edges between them as (claim, claim,
    # score, (token_sort_ratio, entity share, same story, cosine)) in local indices, its kept clusters)
    parts: dict[bytes, tuple[tuple[ClaimUid, ...], list[tuple[int, int, float, Any]], list[list[int]]]] = (
        field(default_factory=dict)
    )
    groups: dict[bytes, EventGroup] = field(default_factory=dict)  # group digest -> group
    # article fingerprint -> its claims' features, blocking keys and word vectors
    features: dict[str, tuple[list[Any], list[list[str]], list[dict[str, float]]]] = field(
        default_factory=dict
    )
    story_memo: StoryMemo = field(default_factory=StoryMemo)  # articles' term counts
    stats: dict[str, int] = field(default_factory=dict)  # what the last run reused and computed

    def reset(self, params: Params) -> None:
        fresh = GroupingState(params)
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(fresh, f.name))


def digest(value: object) -> bytes:
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=16).digest()
