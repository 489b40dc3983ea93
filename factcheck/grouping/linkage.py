"""Average linkage over a sparse similarity graph, with cannot-link constraints on cluster states."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Any


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
