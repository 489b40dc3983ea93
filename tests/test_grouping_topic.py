"""The batch's topic names (``cluster._topic_names``): a participant named in a large share of a big batch's
articles ("Hillary Clinton" in a batch of one campaign) is no evidence of one event; and a regrouping after
edits that move a name across the topic bar is exactly a grouping from scratch."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import grouping
from factcheck.grouping import cluster
from factcheck.grouping.features import _features
from factcheck.grouping.state import GroupingState
from factcheck.model import Article, Claim, Entity, Segment, Stance, TimeRef
from tests.test_grouping_incremental import KEYS, apply, article, as_json, batch, op, reloaded

# a small batch's names cross the bar: in 3 articles and in a quarter of them
SMALL_BAR = dataclasses.replace(grouping.DEFAULT, topic_name_min=3, topic_name_share=0.25)


def test_the_topic_is_the_names_of_a_share_of_the_articles_and_of_enough_of_them():
    counts = {"hillary clinton": 500, "iowa": 124, "ted cruz": 41, "paul manafort": 12}
    assert cluster._topic_names(counts, 840, grouping.DEFAULT) == {"hillary clinton", "iowa"}
    # a few reports of one event: their names are the event's, however many of them name it
    assert cluster._topic_names({"vladimir putin": 6}, 6, grouping.DEFAULT) == frozenset()
    off = dataclasses.replace(grouping.DEFAULT, topic_name_share=0)
    assert cluster._topic_names(counts, 840, off) == frozenset()


def claim(key: str, text: str, names: list[tuple[str, str]], value: str) -> tuple[Claim, Article]:
    at = text.index("June") if "June" in text else text.index("summer")
    phrase = text[at:].split(",")[0].rstrip(".")
    art = Article(path=key, key=key, id=key, text=text)
    art.language = "en"
    c = Claim(
        id=key,
        article_id=key,
        article_key=key,
        start=0,
        end=len(text),
        text=text,
        when=[TimeRef(at, at + len(phrase), phrase, "DATE", value)],
        entities=[Entity(n, n.lower(), kind, n) for n, kind in names],
        stance=Stance.OCCURRED,
        score=0.5,
    )
    return c, art


CLINTON_TRUMP = [("Hillary Clinton", "person"), ("Donald Trump", "person")]


def pair(second_value: str = "2016-06-21") -> tuple:
    a, art_a = claim(
        "a",
        "Hillary Clinton attacked Donald Trump over his business record in a speech in Ohio in June.",
        CLINTON_TRUMP,
        "2016-06",
    )
    b, art_b = claim(
        "b",
        "Donald Trump mocked Hillary Clinton's foreign policy record at a rally in June, aides said.",
        CLINTON_TRUMP,
        second_value,
    )
    feats, _ = _features([a, b], {"a": art_a, "b": art_b})
    return feats


def test_topic_names_frame_no_event():
    fa, fb = pair()
    assert cluster._framed(fa, fb, frozenset())
    assert not cluster._framed(fa, fb, frozenset({"hillary clinton"}))
    ts, cos = 40.0, 0.35
    # the same two claims: the frame of one event in a few reports of it, not in a batch of the campaign
    assert cluster._direct(fa, fb, ts, cos, grouping.DEFAULT, frozenset())
    assert not cluster._direct(
        fa, fb, ts, cos, grouping.DEFAULT, frozenset({"hillary clinton", "donald trump"})
    )


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(st.sampled_from(KEYS), article, min_size=2, max_size=10),
    st.lists(op, max_size=6),
    st.booleans(),
)
def test_edits_that_move_a_name_across_the_topic_bar_regroup_as_from_scratch(start, ops, reload):
    """(``reload``: the state through its stored form between the runs, as the cache gives it back.)"""
    p = SMALL_BAR
    specs = dict(start)
    state = GroupingState()
    claims, arts = batch(specs)
    assert as_json(grouping.group_claims(claims, arts, state=state, params=p)) == as_json(
        grouping.group_claims(claims, arts, params=p)
    )
    for kind, key, spec in ops:
        apply(specs, kind, key, spec)
        claims, arts = batch(specs)
        if reload:
            state = reloaded(state)
        got = grouping.group_claims(claims, arts, state=state, params=p)
        assert as_json(got) == as_json(grouping.group_claims(claims, arts, params=p))
        assert as_json(got) == as_json(grouping.group_claims(claims, arts, state=GroupingState(), params=p))


def report(key: str, published: str, text: str, value: str) -> tuple[Article, list[Claim]]:
    """An article of one claim naming Maria Lopez and Valencia at the time ``value``."""
    art = Article(path=key, key=key, id=key, text=text, published=dt.date.fromisoformat(published))
    art.language = "en"
    art.segments.append(Segment(0, len(text), "body"))
    month = text.rindex(" in ") + 4
    c = Claim(
        id=f"{key}-0",
        article_id=key,
        article_key=key,
        start=0,
        end=len(text),
        text=text,
        when=[TimeRef(month, len(text) - 1, text[month:-1], "DATE", value)],
        entities=[
            Entity("Maria Lopez", "maria lopez", "person", "Maria Lopez"),
            Entity("Valencia", "valencia", "place"),
        ],
        stance=Stance.OCCURRED,
        score=0.5,
    )
    return art, [c]


BRIDGE = {  # two reports of one opening, worded apart
    "a": ("2023-05-20", "Maria Lopez opened the new harbour bridge of Valencia in May 2023.", "2023-05"),
    "b": (
        "2023-05-22",
        "Crowds cheered as the mayor Maria Lopez cut a ribbon over Valencia harbour in May 2023.",
        "2023-05",
    ),
}
OTHERS = {  # other news of the same mayor and city: with them, her name and the city's are the batch's topic
    "c": (
        "2021-03-02",
        "Maria Lopez presented the budget of Valencia to the council in March 2021.",
        "2021-03",
    ),
    "d": (
        "2021-09-14",
        "Teachers of Valencia marched against Maria Lopez over school closures in September 2021.",
        "2021-09",
    ),
    "e": ("2022-01-20", "Maria Lopez named a new police chief for Valencia in January 2022.", "2022-01"),
    "f": (
        "2022-06-08",
        "Flooding in Valencia forced Maria Lopez to cancel a summit in June 2022.",
        "2022-06",
    ),
}


def reports(specs: dict) -> tuple[list[Claim], dict[str, Article]]:
    claims, arts = [], {}
    for key, (published, text, value) in sorted(specs.items()):
        art, cs = report(key, published, text, value)
        arts[key] = art
        claims += cs
    return claims, arts


def together(groups, a: str, b: str) -> bool:
    return any(f"{a}-0" in g.claims and f"{b}-0" in g.claims for g in groups)


def test_a_name_that_becomes_the_batch_topic_no_longer_frames_an_event_in_a_regrouping():
    p = SMALL_BAR
    state = GroupingState()
    claims, arts = reports(BRIDGE)
    assert together(grouping.group_claims(claims, arts, state=state, params=p), "a", "b")
    claims, arts = reports({**BRIDGE, **OTHERS})  # the two reports unchanged, four articles added
    got = grouping.group_claims(claims, arts, state=state, params=p)
    assert as_json(got) == as_json(grouping.group_claims(claims, arts, params=p))
    assert not together(got, "a", "b")
    claims, arts = reports(BRIDGE)  # and back
    got = grouping.group_claims(claims, arts, state=state, params=p)
    assert as_json(got) == as_json(grouping.group_claims(claims, arts, params=p))
    assert together(got, "a", "b")
