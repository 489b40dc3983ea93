"""The shape of a group: one event, not most of an article. Story context extends a group but never founds
one; one claim does not vouch for a whole article; a template sentence on two sites is no evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from factcheck import grouping
from factcheck.grouping import cluster, features
from factcheck.grouping.params import DEFAULT, Params
from factcheck.model import Article, Claim, Entity, TimeRef


def art(key: str, published: str | None = "2024-03-05", language: str = "en") -> Article:
    a = Article(
        path=key, key=key, id=key, text="", published=dt.date.fromisoformat(published) if published else None
    )
    a.language = language
    return a


def claim(cid: str, key: str, text: str, ents: tuple[str, ...] = (), when: str | None = None) -> Claim:
    return Claim(
        id=cid,
        article_id=key,
        article_key=key,
        start=0,
        end=len(text),
        text=text,
        when=[TimeRef(0, 1, when, "DATE", when)] if when else [],
        entities=[
            Entity(e, e.lower(), "person" if e == "Im Gespräch" or " " in e else "misc", e) for e in ents
        ],
    )


def feats_of(claims: list[Claim], arts: dict[str, Article]) -> list[features._Feat]:
    fs, _ = features._features(claims, arts)
    return fs


ARTS = {"a": art("a"), "b": art("b"), "c": art("c")}
A_CLAIMS = [
    claim(f"a{k}", "a", f"The harbour council met on day {k} to discuss the budget") for k in range(6)
]
B_CLAIMS = [
    claim(f"b{k}", "b", f"Harbour traders asked the council about parking number {k}") for k in range(6)
]


def story_edge(ts: float = 40.0, cos: float = 0.2) -> cluster._Edge:
    return (ts, 0.0, 1, cos)


def test_story_context_alone_founds_no_group() -> None:
    """Two articles of one story whose claims only the story context links (no pair that would link on its
    own evidence) form no group: two guides on one topic share a story, not an event."""
    fs = feats_of([*A_CLAIMS[:2], *B_CLAIMS[:2]], ARTS)
    detail = {0: {2: story_edge(), 3: story_edge(38)}, 1: {2: story_edge(37), 3: story_edge(36)}}
    assert cluster._earned([0, 1, 2, 3], fs, detail, [{}] * 4, DEFAULT) == []
    # one pair that matches on its own evidence (a pair of two stories) founds it; the story extends it
    detail[0][2] = (90.0, 0.0, 0, -1.0)
    assert cluster._earned([0, 1, 2, 3], fs, detail, [{}] * 4, DEFAULT) == [0, 1, 2, 3]


def test_one_claim_does_not_vouch_for_a_whole_article() -> None:
    """A claim linked by the story context to every claim of another article keeps only its best partners
    there (``story_partners``), not the whole article."""
    fs = feats_of(
        [A_CLAIMS[0], *B_CLAIMS, claim("c0", "c", "The harbour council met to discuss the budget")], ARTS
    )
    # a0 (0) to b0..b5 (1..6) by the story alone, b0 best; a0 and c0 (7) match on their own evidence
    detail = {0: {1 + k: story_edge(60 - k) for k in range(6)} | {7: (95.0, 0.0, 0, -1.0)}}
    kept = cluster._earned(list(range(8)), fs, detail, [{}] * 8, DEFAULT)
    assert kept == [0, 1, 2, 7]
    wide = dataclasses.replace(DEFAULT, story_partners=6)
    assert cluster._earned(list(range(8)), fs, detail, [{}] * 8, wide) == list(range(8))


def test_story_context_reaches_only_near_the_direct_evidence() -> None:
    """Claims the story context alone joins stay within ``story_hops`` joins of a pair of direct evidence: a
    chain of best partners does not walk from one shared fact through two whole articles."""
    fs = feats_of([*A_CLAIMS[:3], *B_CLAIMS[:3]], ARTS)  # a0 a1 a2 (0-2), b0 b1 b2 (3-5)
    # a0-b0 direct; then a chain by the story alone: b0-a1, a1-b1, b1-a2, a2-b2
    detail = {
        0: {3: (95.0, 0.0, 0, -1.0)},
        1: {3: story_edge(50), 4: story_edge(49)},
        2: {4: story_edge(48), 5: story_edge(47)},
    }
    assert cluster._earned(list(range(6)), fs, detail, [{}] * 6, DEFAULT) == [0, 1, 3, 4]
    one = dataclasses.replace(DEFAULT, story_hops=1)
    assert cluster._earned(list(range(6)), fs, detail, [{}] * 6, one) == [0, 1, 3]
    anywhere = dataclasses.replace(DEFAULT, story_hops=-1)
    assert cluster._earned(list(range(6)), fs, detail, [{}] * 6, anywhere) == list(range(6))


def test_the_same_template_sentence_on_two_sites_is_no_event() -> None:
    """A comment rule word for word under two unrelated articles does not group; the same event told in
    other words by two outlets does."""
    arts = {"x": art("x", language="de"), "y": art("y", language="de")}
    rule = "Es gibt kein Recht auf Veröffentlichung der Kommentare im Forum der Redaktion."
    assert grouping.group_claims([claim("x1", "x", rule), claim("y1", "y", rule)], arts) == []
    told = [
        claim(
            "x2",
            "x",
            "Der Stadtrat von Nordbrück sperrte am Dienstag die alte Flussbrücke",
            ("Nordbrück",),
            "2024-03-05",
        ),
        claim(
            "y2",
            "y",
            "Am Dienstag sperrte der Stadtrat von Nordbrück die alte Flussbrücke",
            ("Nordbrück",),
            "2024-03-05",
        ),
    ]
    assert [sorted(g.claims) for g in grouping.group_claims(told, arts)] == [["x2", "y2"]]


def ent(text: str, kind: str = "misc", name: str = "") -> Entity:
    from factcheck.entities import norm_key

    return Entity(text, norm_key(name or text), kind, name or text)


def test_a_capitalised_common_noun_is_no_participant_in_german() -> None:
    """German capitalises its nouns: a month, a common noun or a preposition with a noun taken for a name is
    no participant; people's names (made of common words too), places and rare names are."""
    for e in (
        ent("Februar"),
        ent("Recht"),
        ent("Im Gespräch", "person"),
        ent("Gespräche", "person", "Im Gespräch"),
    ):
        assert not features.participant(e, "de"), e
    for e in (
        ent("Angela Merkel", "person"),
        ent("Hans Müller", "person"),
        ent("Peking", "place"),
        ent("Bundesförderung"),
        ent("Slido"),
    ):
        assert features.participant(e, "de"), e
    # in a language that writes its nouns in lower case a capitalised word is a name
    assert features.participant(ent("February"), "en")
    assert features.participant(ent("Recht"), None)


def test_two_german_reports_sharing_only_a_month_and_a_noun_do_not_group() -> None:
    """ "Februar" and "Im Gespräch" (the only names two unrelated German pages share) are no evidence."""
    arts = {"a": art("a", language="de"), "b": art("b", language="de")}
    a = claim(
        "a1",
        "a",
        "Am 27. Februar 2019 nahmen die Regierung und das Oppositionsbündnis die Gespräche wieder auf.",
        ("Februar", "Regierung", "Im Gespräch"),
        "2019-02-27",
    )
    b = claim(
        "b1",
        "b",
        "Im Gespräch mit Malte Persike im Februar dieses Jahres hatten wir ein Open-Source-Pendant beschlossen.",
        ("Im Gespräch", "Malte Persike", "Februar"),
        "2019-02",
    )
    fa, fb = feats_of([a, b], arts)
    assert fa.entities == frozenset() and fb.entities == {"malte persike"}
    assert grouping.group_claims([a, b], arts) == []


def test_two_untimed_claims_of_different_stories_need_an_event_in_common() -> None:
    """Two pages that describe one funding programme, neither stating a time, share a name, not an event;
    two reports of one arrest (an event kind both name) link without a time."""
    arts = {"a": art("a", language="de"), "b": art("b", language="de")}
    ents = ("BEG", "Bundesförderung")
    topic = [
        claim(
            "a1",
            "a",
            "Daher musste die KfW die Bundesförderung für effiziente Gebäude (BEG) mit einem Programmstopp belegen.",
            ents,
        ),
        claim(
            "b1",
            "b",
            "Unterstützung gibt es über die Bundesförderung für effiziente Gebäude (BEG), wenn die Technik effizient arbeitet.",
            ents,
        ),
    ]
    assert grouping.group_claims(topic, arts) == []
    off = dataclasses.replace(DEFAULT, untimed_cross_kind=False)
    assert [sorted(g.claims) for g in grouping.group_claims(topic, arts, params=off)] == [["a1", "b1"]]
    event = [
        claim(
            "a2",
            "a",
            "Die Polizei hat den Bürgermeister von Nordbrück Karl Wendt festgenommen.",
            ("Nordbrück", "Karl Wendt"),
        ),
        claim(
            "b2",
            "b",
            "Der Bürgermeister von Nordbrück Karl Wendt wurde von der Polizei festgenommen.",
            ("Nordbrück", "Karl Wendt"),
        ),
    ]
    assert [sorted(g.claims) for g in grouping.group_claims(event, arts)] == [["a2", "b2"]]


def test_claims_stating_different_ages_tell_of_different_people() -> None:
    """Two claims that state people's ages, none in common, tell of different people: no edge between them,
    even inside one story (two climbers' deaths in one national park a day apart); the same age, or an age
    against no age, is no conflict."""
    fs = feats_of(
        [
            claim(
                "a0", "a", "A 36-year-old Australian climber died after falling from a ridge at Mount Cook"
            ),
            claim("b0", "b", "Robert Buckley, 32, died after falling from a ridge near Mount Cook"),
            claim("b1", "b", "The 36 year old climber died after falling from a ridge at Mount Cook"),
            claim("c0", "c", "A climber died after falling from a ridge at Mount Cook"),
        ],
        ARTS,
    )
    assert features._conflict(fs[0], fs[1], same_story=True) == "ages"
    assert features._conflict(fs[0], fs[2], same_story=True) is None
    assert features._conflict(fs[0], fs[3], same_story=True) is None
    off = dataclasses.replace(DEFAULT, ages_apart=False)
    assert features._conflict(fs[0], fs[1], same_story=True, p=off) is None
    # through the whole grouping: the 32-year-old's death joins no report of the 36-year-old's
    groups = grouping.group_claims([f.claim for f in fs], ARTS)
    assert all(not {"a0", "b0"} <= set(g.claims) for g in groups)


def test_a_lone_article_of_the_next_year_joins_its_story() -> None:
    """A lone article joins the story it is closest to when its dominant year is at most ``attach_year_gap``
    from the story's (a follow-up over the turn of a year), never one years apart (a look-alike event)."""
    from factcheck.grouping import stories

    vec = {"escape": 0.8, "prison": 0.6}
    vecs = [dict(vec), dict(vec), dict(vec)]
    sims = {(0, 1): 1.0, (0, 2): 1.0, (1, 2): 1.0}
    label = [0, 0, 2]  # articles 0 and 1 a story, 2 alone
    for year, joins in (("2009", True), ("2010", True), ("2012", False)):
        years = [{"2009"}, {"2009"}, {year}]
        got = stories._attach_strays(label, sims, vecs, years, DEFAULT)
        assert (got[2] == 0) is joins, year
    same_year = dataclasses.replace(DEFAULT, attach_year_gap=0)
    assert stories._attach_strays(label, sims, vecs, [{"2009"}, {"2009"}, {"2010"}], same_year)[2] == 2


def test_a_lone_claim_that_several_outlets_match_joins_their_cluster() -> None:
    """Average linkage leaves a claim alone when its mean score over a large cluster falls short, though it
    matches claims of several articles there one by one: it joins the cluster when claims of
    ``attach_articles`` other articles match it on direct evidence, the cluster's time allowing."""
    arts = {k: art(k) for k in "abcd"}
    fs = feats_of(
        [
            *[claim(f"a{k}", "a", f"The harbour council closed the bridge, report {k}") for k in range(3)],
            *[claim(f"b{k}", "b", f"The harbour council closed the bridge, note {k}") for k in range(3)],
            claim("c0", "c", "The harbour council closed the old bridge"),
            claim("d0", "d", "A lorry hit the old bridge"),
        ],
        arts,
    )
    label = [0, 0, 0, 0, 0, 0, 6, 7]  # a0-a2, b0-b2 one cluster; c0 (6) and d0 (7) alone
    ms = list(range(8))
    direct: cluster._Edge = (80.0, 0.0, 0, -1.0)  # an edge of two stories: direct evidence
    sims = {(0, 6): 0.9, (3, 6): 0.8, (5, 7): 0.9}
    detail = {0: {6: direct}, 3: {6: direct}, 5: {7: direct}}
    state: cluster._State = (Counter(), 1, Counter({0: 1}), "", Counter())

    def attach(labels: list[int], allow: bool = True, p: Params = DEFAULT) -> list[int]:
        return cluster._attach_corroborated(
            labels, ms, sims, [state] * 8, fs, detail, p, lambda a, b: allow, lambda a, b: a
        )

    # c0 matches claims of two articles (a and b): it joins; d0 matches one article's claim only
    assert attach(label) == [0, 0, 0, 0, 0, 0, 0, 7]
    # the cluster's time (or an article's cap) refuses it; or the rule is off
    assert attach(label, allow=False) == label
    assert attach(label, p=dataclasses.replace(DEFAULT, attach_articles=0)) == label
    assert attach(label, p=dataclasses.replace(DEFAULT, attach_articles=3)) == label
    # two matching claims of one article are one article's word
    one_article = {(0, 6): 0.9, (1, 6): 0.8}
    assert (
        cluster._attach_corroborated(
            label,
            ms,
            one_article,
            [state] * 8,
            fs,
            {0: {6: direct}, 1: {6: direct}},
            DEFAULT,
            lambda a, b: True,
            lambda a, b: a,
        )
        == label
    )


def test_a_shared_name_counts_once_whatever_its_plural_folding() -> None:
    """A participant's own words are not counted again as content words, also when the content word is
    folded ("Christmas" is the word "christma"): a supermarket's Christmas decorations and an office
    Christmas party share one name, not two pieces of evidence."""
    arts = {"a": art("a"), "b": art("b")}
    fs = feats_of(
        [
            claim("a0", "a", "They're setting up the store's Christmas decorations.", ("Christmas",)),
            claim("b0", "b", "A gunman opened fire at an office Christmas party.", ("Christmas",)),
            claim("b1", "b", "Staff put up the store's Christmas decorations.", ("Christmas",)),
        ],
        arts,
    )
    assert "christma" in fs[0].tokens and "christmas" in fs[0].entities
    assert cluster._shared_evidence(fs[0], fs[1]) == 1
    assert cluster._shared_evidence(fs[0], fs[2]) == 3  # the name, "store", "decoration"


def test_evidence_under_the_floor_joins_but_founds_no_group() -> None:
    """A sentence under the extractor's floor (``claim_floor``: grouping evidence, no claim) never makes
    the pair that founds a group, however alike ("Beste Reisezeit", a section heading, and a sentence of
    another page that names the best season); it joins a group that two claims founded."""
    heading = dataclasses.replace(claim("a0", "a", "Beste Reisezeit"), score=0.05)
    other = claim("b0", "b", "Als beste Reisezeit dafür gelten die Monate September bis März.")
    fs = feats_of([heading, other], ARTS)
    direct = (90.0, 0.0, 0, -1.0)
    assert cluster._earned([0, 1], fs, {0: {1: direct}}, [{}] * 2, DEFAULT) == []
    lower = dataclasses.replace(DEFAULT, claim_floor=0.0)
    assert cluster._earned([0, 1], fs, {0: {1: direct}}, [{}] * 2, lower) == [0, 1]
    # a claim of a third article that matches the second founds the group; the evidence joins it
    third = claim("c0", "c", "Die beste Reisezeit sind die Monate September bis März.")
    fs = feats_of([heading, other, third], ARTS)
    detail = {0: {1: direct}, 1: {2: direct}}
    assert cluster._earned([0, 1, 2], fs, detail, [{}] * 3, DEFAULT) == [0, 1, 2]
    # a manual claim is a claim whatever its score
    manual = dataclasses.replace(heading, manual=True)
    fs = feats_of([manual, other], ARTS)
    assert cluster._earned([0, 1], fs, {0: {1: direct}}, [{}] * 2, DEFAULT) == [0, 1]


def test_claim_floor_is_the_extractors() -> None:
    from factcheck import extract, pipeline

    assert DEFAULT.claim_floor == extract.MIN_SCORE
    assert pipeline.EVIDENCE_FLOOR < extract.MIN_SCORE
