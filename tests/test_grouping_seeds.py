"""On the seeds: the May 2024 visit, the October 2023 visit and Xi's March 2023 Moscow visit each form one
group across outlets, and no group mixes two of them. The events are located by their claims' normalised
times and the articles that report them, not by the seeds' wording."""

from __future__ import annotations

from pathlib import Path

from factcheck import pipeline


def test_seed_events_grouped_and_kept_apart(seeds_copy: Path):
    corpus = pipeline.build([str(seeds_copy)])
    group_of = {cid: g.id for g in corpus.groups for cid in g.claims}
    prefix = {c.id: c.article_key[:3] for c in corpus.all_claims()}

    def groups_reporting(articles: set[str], value_prefix: tuple[str, ...]) -> set[str]:
        out = set()
        for c in corpus.all_claims():
            vals = [t.value for t in c.when if t.type == "DATE"]
            if c.id in group_of and any(v.startswith(value_prefix) for v in vals):
                out.add(group_of[c.id])
        return out

    events = {
        "may-2024": ({"001", "002", "004"}, ("2024-05",)),
        "oct-2023": ({"000", "001", "002"}, ("2023-10", "XXXX-10")),
        "mar-2023": ({"003", "000", "001"}, ("2023-03", "2023-SP", "XXXX-03")),
    }
    found = {}
    for name, (arts, values) in events.items():
        candidates = groups_reporting(arts, values)
        best = max(candidates, key=lambda g: len({prefix[c] for c, gg in group_of.items() if gg == g} & arts))
        members = {prefix[c] for c, gg in group_of.items() if gg == best}
        assert arts <= members, f"{name}: group {best} has articles {sorted(members)}"
        found[name] = best
    assert len(set(found.values())) == 3, found
    # no group mixes two of them: each group's fixed months belong to one event only
    for g in corpus.groups:
        months = {
            t.value[:7]
            for cid in g.claims
            for c in [corpus.claim_index()[cid]]
            for t in c.when
            if t.type == "DATE" and t.value[:4].isdigit() and len(t.value) >= 7
        }
        kinds = {m for m in months if m in ("2024-05", "2023-10", "2023-03")}
        assert len(kinds) <= 1, (g.id, months)
