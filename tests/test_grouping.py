"""Event grouping: constraints, chaining resistance, overrides, suggestions, determinism (own fixtures)."""

from __future__ import annotations

import datetime as dt

from factcheck import grouping
from factcheck.model import Article, Claim, Entity, GroupOverrides, Stance, TimeRef


def art(key: str, published: str | None) -> Article:
    return Article(
        path=key, key=key, id=key, text="", published=dt.date.fromisoformat(published) if published else None
    )


def claim(
    cid: str,
    key: str,
    text: str,
    *,
    when: tuple[str, ...] = (),
    ents: tuple[str, ...] = (),
    stance=Stance.STATED,
) -> Claim:
    refs = []
    for v in when:
        refs.append(TimeRef(0, 1, v, "DATE", v))
    return Claim(
        id=cid,
        article_id=key,
        article_key=key,
        start=0,
        end=len(text),
        text=text,
        when=refs,
        entities=[Entity(e, e.lower(), "misc", e) for e in ents],
        stance=stance,
    )


ARTS = {
    k: art(k, p)
    for k, p in [("a", "2024-03-19"), ("b", "2024-04-26"), ("c", "2024-05-17"), ("d", "2023-09-20")]
}


def groups_of(claims, overrides=None):
    gs = grouping.group_claims(claims, ARTS, overrides=overrides)
    return {cid: g.id for g in gs for cid in g.claims}, gs


def test_same_event_across_outlets_groups_and_lookalike_stays_apart():
    cs = [
        claim(
            "a1",
            "a",
            "Mayor Jane Holt is expected to open the new harbour bridge in May",
            when=("2024-05",),
            ents=("Jane Holt", "harbour bridge"),
            stance=Stance.EXPECTED,
        ),
        claim(
            "b1",
            "b",
            "Mayor Jane Holt plans to open the harbour bridge this May, officials said",
            when=("2024-05",),
            ents=("Jane Holt", "harbour bridge"),
            stance=Stance.PLANNED,
        ),
        claim(
            "c1",
            "c",
            "Mayor Jane Holt opened the new harbour bridge on Thursday",
            when=("2024-05-16",),
            ents=("Jane Holt", "harbour bridge"),
            stance=Stance.OCCURRED,
        ),
        claim(
            "d1",
            "d",
            "Mayor Jane Holt will open the new harbour bridge in October",
            when=("2023-10",),
            ents=("Jane Holt", "harbour bridge"),
        ),
    ]
    g, gs = groups_of(cs)
    assert g["a1"] == g["b1"] == g["c1"]
    assert "d1" not in g or g["d1"] != g["a1"]
    grp = next(x for x in gs if "a1" in x.claims)
    assert grp.when and grp.when.startswith("2024-05")
    assert grp.why["summary"]
    sup = [s for s in grp.suggestions if s.kind == "supersedes"]
    assert {s.claim for s in sup} == {"a1", "b1"} and all(s.by == "c1" for s in sup)


def test_numbers_and_polarity_keep_claims_apart():
    cs = [
        claim(
            "a1",
            "a",
            "Unemployment in Ruritania rose to 3.1% in March, the statistics office said",
            ents=("Ruritania",),
        ),
        claim(
            "b1",
            "b",
            "Unemployment in Ruritania rose to 3.4% in March, the statistics office said",
            ents=("Ruritania",),
        ),
        claim(
            "c1",
            "c",
            "The central bank of Ruritania raised interest rates at its meeting",
            ents=("Ruritania",),
        ),
        claim(
            "d1",
            "d",
            "The central bank of Ruritania never raised interest rates at its meeting",
            ents=("Ruritania",),
        ),
    ]
    g, _ = groups_of(cs)
    assert g.get("a1") is None or g.get("a1") != g.get("b1")
    assert g.get("c1") is None or g.get("c1") != g.get("d1")


def test_time_constraint_compatibility():
    assert grouping.compatible("2023-SP", "2023-03")
    assert not grouping.compatible("2023-10", "2024-05")
    assert grouping.compatible("2024", "2024-05-16")


def test_chaining_is_resisted():
    # A chain of claims where each neighbour shares most words but the ends share little.
    words = [
        "alpha",
        "bravo",
        "charlie",
        "delta",
        "echo",
        "foxtrot",
        "golf",
        "hotel",
        "india",
        "juliet",
        "kilo",
        "lima",
    ]
    cs = []
    arts = dict(ARTS)
    for i in range(9):
        arts[f"k{i}"] = art(f"k{i}", "2024-01-01")
        text = " ".join(words[i : i + 4]) + " council vote"
        cs.append(claim(f"x{i}", f"k{i}", text))
    gs = grouping.group_claims(cs, arts)
    g = {cid: grp.id for grp in gs for cid in grp.claims}
    assert not (g.get("x0") and g.get("x0") == g.get("x8")), "single-link chain merged the two ends"


def test_overrides_merge_and_take_out_are_honoured():
    cs = [
        claim(
            "a1",
            "a",
            "Mayor Jane Holt is expected to open the new harbour bridge in May",
            when=("2024-05",),
            ents=("Jane Holt",),
        ),
        claim(
            "b1",
            "b",
            "Mayor Jane Holt plans to open the harbour bridge this May",
            when=("2024-05",),
            ents=("Jane Holt",),
        ),
        claim(
            "c1", "c", "Floods closed three schools in the northern district on Tuesday", ents=("district",)
        ),
    ]
    g, _ = groups_of(cs)
    assert g["a1"] == g["b1"] and "c1" not in g
    g2, _ = groups_of(cs, GroupOverrides(merges=[("a1", "c1")]))
    assert g2["c1"] == g2["a1"]
    g3, _ = groups_of(cs, GroupOverrides(splits=["b1"]))
    assert "b1" not in g3 or g3["b1"] != g3.get("a1")


def test_deterministic_ids_and_membership():
    cs = [
        claim(
            "a1", "a", "Mayor Jane Holt is expected to open the new harbour bridge in May", when=("2024-05",)
        ),
        claim("b1", "b", "Mayor Jane Holt plans to open the harbour bridge this May", when=("2024-05",)),
    ]
    first = [g.to_json() for g in grouping.group_claims(cs, ARTS)]
    second = [g.to_json() for g in grouping.group_claims(list(reversed(cs)), ARTS)]
    assert first == second and first


def test_conflict_suggestion_on_times():
    cs = [
        claim(
            "a1",
            "a",
            "Mayor Jane Holt opened the new harbour bridge to traffic",
            when=("2024-05",),
            ents=("Jane Holt",),
        ),
        claim(
            "b1",
            "b",
            "Mayor Jane Holt opened the new harbour bridge to traffic",
            when=("2024-06",),
            ents=("Jane Holt",),
        ),
    ]
    sugg = grouping.suggestions(cs, ARTS)
    assert any(s.kind == "conflicts" and "times" in s.why for s in sugg)
