"""A story followed over weeks is a topic: its context joins claims of reports published close together, or
claims whose own words place them at one time (``cluster._one_time``, ``cluster._link_bar``)."""

from __future__ import annotations

import dataclasses
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from factcheck.grouping import DEFAULT, features
from factcheck.grouping.cluster import _link_bar, _one_time
from tests.test_grouping import art, claim

ARTS = {
    "mar1": art("mar1", "2016-03-01"),
    "mar8": art("mar8", "2016-03-08"),
    "apr15": art("apr15", "2016-04-15"),
    "nodate": art("nodate", None),
}


def feats(*cs):
    return features._features(list(cs), ARTS)[0]


def test_reports_weeks_apart_need_their_own_words_to_share_the_story():
    a, b, c, d = feats(
        claim("a", "mar1", "Trump won seven of the eleven states on Tuesday", ents=("Trump",)),
        claim("b", "apr15", "Trump won five states in the Northeast", ents=("Trump",)),
        claim("c", "mar8", "Trump won Michigan and Mississippi", ents=("Trump",)),
        claim("d", "nodate", "Trump won most states", ents=("Trump",)),
    )
    assert not _one_time(a, b)  # six weeks apart, no time stated
    assert _one_time(a, c)  # a week apart
    assert _one_time(a, d) and _one_time(b, d)  # an undated report is compatible with any time
    assert _one_time(a, b, dataclasses.replace(DEFAULT, story_pub_days=-1))


def test_a_follow_up_weeks_later_that_states_the_events_month_keeps_the_story():
    a, b, c = feats(
        claim("a", "mar1", "Rubio won the Minnesota caucuses", ents=("Rubio",)),
        claim("b", "apr15", "Rubio won Minnesota in March", when=("2016-03",), ents=("Rubio",)),
        claim("c", "apr15", "Rubio won Minnesota in March 2015", when=("2015-03",), ents=("Rubio",)),
    )
    assert _one_time(a, b)  # it states the month the other report was published in
    assert not _one_time(a, c)  # another year's March
    x, y = feats(
        claim("x", "mar1", "The primary of March 15 decides Florida", when=("2016-03-15",)),
        claim("y", "apr15", "Florida voted on March 15", when=("2016-03-15",)),
    )
    assert _one_time(x, y)  # a month both state


@given(st.dates().map(str), st.dates().map(str), st.sampled_from([(), ("2016-03",), ("2016-04-15",)]))
def test_one_time_is_symmetric(pa, pb, when):
    arts = {"p": art("p", pa[:10]), "q": art("q", pb[:10])}
    f = features._features([claim("p", "p", "x happened", when=when), claim("q", "q", "x happened")], arts)[0]
    assert _one_time(f[0], f[1]) == _one_time(f[1], f[0])


def state(story: int, first: str, last: str):
    return (Counter(), 1, Counter({story: 1}), "", Counter({0: 1}), (first, last))


def test_clusters_of_one_story_weeks_apart_get_the_full_bar():
    p = DEFAULT
    assert (
        _link_bar(state(1, "2016-03-01", "2016-03-02"), state(1, "2016-03-03", "2016-03-04"), p) == p.link_min
    )
    assert (
        _link_bar(state(1, "2016-03-01", "2016-03-02"), state(1, "2016-03-08", "2016-03-15"), p)
        == p.link_min_cross
    )
    assert _link_bar(state(1, "", ""), state(1, "2016-03-15", "2016-03-15"), p) == p.link_min  # undated
    assert _link_bar(state(1, "2016-03-01", "2016-03-01"), state(2, "2016-03-01", "2016-03-01"), p) == (
        p.link_min_cross
    )
    off = dataclasses.replace(p, link_pub_days=-1)
    assert (
        _link_bar(state(1, "2015-03-01", "2015-03-01"), state(1, "2016-03-01", "2016-03-01"), off)
        == p.link_min
    )
