"""Event grouping across outlets (issue 5 builds the real engine; until then no groups)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.model import Article, Claim, EventGroup, GroupOverrides


def group_claims(
    claims: Sequence[Claim], articles: Mapping[str, Article], *, overrides: GroupOverrides | None = None
) -> list[EventGroup]:
    return []
