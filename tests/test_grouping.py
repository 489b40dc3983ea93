"""Event grouping: constraints, chaining resistance, overrides, suggestions, determinism (own fixtures)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from factcheck import grouping
from factcheck.grouping import features, stories
from factcheck.model import Article, Claim, Entity, GroupOverrides, Segment, Stance, TimeRef


def art(key: str, published: str | None) -> Article:
    return Article(
        path=key, key=key, id=key, text="", published=dt.date.fromisoformat(published) if published else None
    )


def body_art(key: str, published: str | None, body: str) -> Article:
    a = art(key, published)
    a.text = body
    pos = 0
    for line in body.splitlines(keepends=True):
        if line.strip():
            a.segments.append(Segment(pos, pos + len(line.rstrip("\n")), "body"))
        pos += len(line)
    return a


def claim(
    cid: str,
    key: str,
    text: str,
    *,
    when: tuple[str, ...] = (),
    ents: tuple[str, ...] = (),
    stance=Stance.STATED,
    start: int = 0,
) -> Claim:
    refs = []
    for v in when:
        refs.append(TimeRef(0, 1, v, "DATE", v))
    return Claim(
        id=cid,
        article_id=key,
        article_key=key,
        start=start,
        end=start + len(text),
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
    # A chain of claims from articles of unrelated stories, where each neighbour shares most words but the
    # ends share little: single-link over a threshold would merge the whole chain.
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
    topics = [
        "harbour ferry timetable dredging pier",
        "orchestra violin concert conductor symphony",
        "wheat harvest drought farmers irrigation",
        "volcano eruption ash lava crater",
        "chess tournament grandmaster opening endgame",
        "satellite launch rocket orbit telescope",
        "museum painting exhibition curator sculpture",
        "marathon runners finish sprint medal",
        "vaccine trial clinic dose patients",
    ]
    cs = []
    arts = dict(ARTS)
    for i in range(9):
        text = " ".join(words[i : i + 4]) + " council vote"
        body = f"{text}.\n" + "\n".join(f"The {topics[i]} story goes on, line {k}." for k in range(6))
        arts[f"k{i}"] = body_art(f"k{i}", "2024-01-01", body)
        cs.append(claim(f"x{i}", f"k{i}", text))
    gs = grouping.group_claims(cs, arts)
    g = {cid: grp.id for grp in gs for cid in grp.claims}
    assert not (g.get("x0") and g.get("x0") == g.get("x8")), "single-link chain merged the two ends"


def test_lookalike_stories_stay_apart():
    # Two fires at stores of the same chain, each reported by five articles whose bodies share the chain's
    # background (its history, its statement); each side has its own town, county and fire chief.
    sides = {
        "n": ("Northbury", "Kestrel County", "Alan Pike", "roof"),
        "s": ("Southwick", "Heron Valley", "Mary Dunn", "bakery"),
    }
    background = [
        "Grainger opened its first supermarket in 1961 and now runs 300 stores across the country .",
        "The Grainger chain said insurance would cover the supermarket and its stock .",
        "Grainger shares fell two per cent after news of the supermarket blaze reached investors .",
        "The supermarket chain thanked firefighters and promised to support its staff and customers .",
        "Grainger said it would help customers shop at its other supermarkets in the meantime .",
        "Shoppers posted pictures of the smoke above the Grainger supermarket on social media .",
    ]
    arts = dict(ARTS)
    cs = []
    for side, (town, county, chief, origin) in sides.items():
        for k in range(5):
            lines = [
                f"A fire destroyed the Grainger supermarket in {town} , {county} .",
                f"More than {40 + k} firefighters tackled the blaze at the {town} store .",
                f"Fire chief {chief} said the blaze began in the {origin} of the {town} store .",
            ]
            body_lines = lines[k % 3 :] + lines[: k % 3] + background
            body = "\n".join(body_lines) + "\n"
            key = f"{side}{k}"
            arts[key] = body_art(key, None, body)
            pos = 0
            for i, line in enumerate(body_lines[:3]):
                cs.append(claim(f"{key}-{i}", key, line, ents=(town, county), start=pos))
                pos += len(line) + 1
    # Unrelated articles in the same batch, so that the chain's shared words are rare in the batch.
    for k, topic in enumerate(
        [
            "orchestra violin concert",
            "wheat harvest drought",
            "volcano ash eruption",
            "chess grandmaster tournament",
            "rocket satellite launch",
            "museum painting curator",
            "marathon runners medal",
            "vaccine trial dose",
            "ferry harbour timetable",
            "election ballot turnout",
        ]
    ):
        body = "\n".join(f"The {topic} report number {i} was published ." for i in range(6)) + "\n"
        arts[f"o{k}"] = body_art(f"o{k}", None, body)
        cs.append(claim(f"o{k}-0", f"o{k}", body.splitlines()[0]))
    gs = grouping.group_claims(cs, arts)
    g = {cid: grp.id for grp in gs for cid in grp.claims}
    north = {g.get(f"n{k}-{i}") for k in range(5) for i in range(3)}
    south = {g.get(f"s{k}-{i}") for k in range(5) for i in range(3)}
    assert None not in north and None not in south
    assert not (north & south), "claims about the two look-alike fires share a group"


def _story_vectors(docs: list[list[str]]):
    import math
    from collections import Counter

    tf = [Counter(words) for words in docs]
    vecs = []
    for c in tf:
        norm = math.sqrt(sum(v * v for v in c.values()))
        vecs.append({t: v / norm for t, v in c.items()})
    return tf, vecs


def test_story_with_two_lookalike_sides_is_split():
    shared = ["grainger", "supermarket", "fire", "blaze", "store", "firefighters"]
    north = ["northbury", "kestrel", "pike", "roof"]
    south = ["southwick", "heron", "dunn", "bakery"]
    docs = [shared + north + [f"n{k}"] for k in range(5)] + [shared + south + [f"s{k}"] for k in range(5)]
    tf, vecs = _story_vectors(docs)
    label = stories._split_stories([0] * 10, tf, vecs)
    assert len(set(label[:5])) == 1 and len(set(label[5:])) == 1
    assert label[0] != label[5]


def test_story_of_one_event_is_not_split():
    # Every article shares the story's words and adds words of its own, some shared with one or two others:
    # no two sides with words of their own.
    shared = ["grainger", "supermarket", "fire", "blaze", "store", "firefighters", "northbury"]
    extra = [
        "smoke",
        "roof",
        "police",
        "evacuated",
        "insurance",
        "staff",
        "shoppers",
        "crews",
        "investigation",
    ]
    docs = [[*shared, extra[k % 9], extra[(k + 1) % 9], extra[k * 4 % 9], f"u{k}"] for k in range(12)]
    tf, vecs = _story_vectors(docs)
    assert len(set(stories._split_stories([0] * 12, tf, vecs))) == 1


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


def test_pieces_of_one_story_are_joined_and_distinct_stories_are_not():
    shared = ["grainger", "supermarket", "fire", "blaze", "store", "firefighters", "northbury"]
    extra = ["smoke", "roof", "police", "evacuated", "insurance", "staff", "shoppers", "crews"]
    one_story = [[*shared, extra[k % 8], extra[(k + 3) % 8]] for k in range(8)]
    other = [["orchestra", "violin", "concert", "symphony", "conductor", extra[k % 8]] for k in range(4)]
    tf, vecs = _story_vectors(one_story + other)
    label = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]  # the first story left in two pieces
    sims = {(i, j): 0.5 for i in range(12) for j in range(i + 1, 12)}
    out = stories._merge_stories(label, sims, vecs, tf)
    assert len(set(out[:8])) == 1, "two pieces of one story stay apart"
    assert out[8] != out[0] and len(set(out[8:])) == 1


def test_two_lookalike_stories_are_not_joined_back():
    """Two stories of look-alike events (the same words, each side with a few words of its own that the
    other never uses) are close enough overall to pass the merge ratio, but the split would take them
    apart again: they stay apart."""
    shared = ["microsoft", "emergency", "patch", "internet", "explorer", "flaw", "attack", "browser"] * 2
    first = ["december", "ie7", "password", "gaming"]
    second = ["september", "ie10", "zero", "day"]
    docs = [[*shared, first[k % 4], first[(k + 1) % 4]] for k in range(6)]
    docs += [[*shared, second[k % 4], second[(k + 1) % 4]] for k in range(6)]
    tf, vecs = _story_vectors(docs)
    label = [0] * 6 + [1] * 6
    sims = {(i, j): 0.5 for i in range(12) for j in range(i + 1, 12)}
    assert stories._merge_stories(label, sims, vecs, tf) == label
    # the same stories without words of their own are one story's pieces and are joined
    tf2, vecs2 = _story_vectors([[*shared, "ie", "fix"]] * 12)
    assert len(set(stories._merge_stories(label, sims, vecs2, tf2))) == 1


def test_report_order_keeps_an_expectation_away_from_an_earlier_event():
    arts = {
        "old": art("old", "2022-11-10"),
        "new": art("new", "2023-06-01"),
        "later": art("later", "2023-06-08"),
    }
    cs = [
        # November 2022: the first round of cuts, dated
        claim(
            "o1",
            "old",
            "Foundry Ltd announced it will cut 800 jobs at its Leeds plant",
            when=("2022-11-09",),
            ents=("Foundry Ltd", "Leeds"),
            stance=Stance.ANNOUNCED,
        ),
        # June 2023: a new round is expected; this report gives no time of its own
        claim(
            "n1",
            "new",
            "Foundry Ltd is expected to cut jobs at its Leeds plant",
            ents=("Foundry Ltd", "Leeds"),
            stance=Stance.EXPECTED,
        ),
        claim(
            "l1",
            "later",
            "Foundry Ltd confirmed it will cut jobs at its Leeds plant",
            ents=("Foundry Ltd", "Leeds"),
            stance=Stance.OCCURRED,
        ),
    ]
    got, _ = grouping.group_claims(cs, arts), None
    where = {cid: g.id for g in got for cid in g.claims}
    assert where.get("o1") is None or where.get("o1") != where.get("n1")
    f = {c.id: f for c, f in zip(cs, features._features(cs, arts)[0], strict=True)}
    assert features._conflict(f["n1"], f["o1"]) == "expected after the event's time"


def test_an_expectation_published_after_an_occurred_report_is_another_event():
    arts = {"a": art("a", "2023-10-20"), "b": art("b", "2024-03-19")}
    cs = [
        claim(
            "a1",
            "a",
            "President Ilves visited Tallinn port",
            ents=("Ilves", "Tallinn"),
            stance=Stance.OCCURRED,
        ),
        claim(
            "b1",
            "b",
            "President Ilves is expected to visit Tallinn port",
            ents=("Ilves", "Tallinn"),
            stance=Stance.EXPECTED,
        ),
    ]
    f = features._features(cs, arts)[0]
    assert features._conflict(f[1], f[0]) == "expected after the event was reported"
    assert not grouping.group_claims(cs, arts)


def test_untimed_reports_months_apart_are_different_events_and_weeks_apart_may_be_one():
    arts = {"a": art("a", "2022-11-10"), "b": art("b", "2023-06-08"), "c": art("c", "2022-11-24")}
    cs = [
        claim("a1", "a", "Chief executive Tom Reed said the decision was painful", ents=("Tom Reed",)),
        claim(
            "b1",
            "b",
            "Chief executive Tom Reed said the decision was painful but necessary",
            ents=("Tom Reed",),
        ),
        claim("c1", "c", "Chief executive Tom Reed said the decision was very painful", ents=("Tom Reed",)),
    ]
    f = features._features(cs, arts)[0]
    assert features._conflict(f[0], f[1]) == "untimed reports months apart"
    assert features._conflict(f[0], f[2]) is None


def test_suggestions_need_the_claims_to_tell_of_the_same_thing():
    arts = {"a": art("a", "2023-06-01"), "b": art("b", "2023-06-08")}
    cs = [
        claim("a1", "a", "The company did not confirm nor deny the report", stance=Stance.UNCONFIRMED),
        claim(
            "a2", "a", "Foundry Ltd is expected to cut 1,200 jobs at its Leeds plant", stance=Stance.EXPECTED
        ),
        claim("a3", "a", "The minister said on Sunday that talks would go on", when=("2023-05-28",)),
        claim(
            "b1",
            "b",
            "Foundry Ltd confirmed it will cut 1,200 jobs at its Leeds plant",
            stance=Stance.OCCURRED,
        ),
        claim("b2", "b", "The cuts come seven months after the firm axed 800 jobs", stance=Stance.OCCURRED),
        claim("b3", "b", "Leaders agreed the plan on Friday", when=("2023-06-02",)),
    ]
    got = grouping.suggestions(cs, arts)
    sup = {(s.claim, s.by) for s in got if s.kind == "supersedes"}
    assert sup == {("a2", "b1")}  # not the unrelated "did not confirm nor deny" against "the cuts come ..."
    assert not [s for s in got if s.kind == "conflicts"]  # a Sunday remark and a Friday deal do not disagree


def test_one_shared_name_is_a_topic_not_an_event():
    """Two posts of different stories that both mention Rust, in loosely similar wording and with no time:
    one shared name is not yet the participants of one event, so they do not group. With a second shared
    participant and the same wording, at one month, they would (with no time, not even then: they name no
    kind of event, ``untimed_cross_kind``)."""
    arts = {
        "hg": body_art("hg", "2020-01-13", "Porting Mercurial to Python 3 took a decade.\nRust is fast.\n"),
        "so": body_art("so", "2020-01-20", "What is Rust? A language loved by its users.\nRust is fast.\n"),
    }
    cs = [
        claim(
            "h1",
            "hg",
            "abstractions on top of operating system facilities is Rust, whose approach can",
            ents=("Rust",),
        ),
        claim(
            "s1",
            "so",
            "Rust strives to have as many zero-cost abstractions as possible",
            ents=("Rust",),
        ),
    ]
    assert grouping.group_claims(cs, arts) == []
    twice = [
        claim(
            "h2",
            "hg",
            "Mozilla and Rust strive for zero-cost abstractions",
            ents=("Rust", "Mozilla"),
            when=("2020-01",),
        ),
        claim(
            "s2",
            "so",
            "Rust and Mozilla strive for zero-cost abstractions",
            ents=("Rust", "Mozilla"),
            when=("2020-01",),
        ),
    ]
    assert [sorted(g.claims) for g in grouping.group_claims(twice, arts)] == [["h2", "s2"]]
    untimed = [dataclasses.replace(c, when=[]) for c in twice]
    assert grouping.group_claims(untimed, arts) == []


def test_an_undated_article_leans_less_on_its_story():
    """Inside one story, a claim of an article with no publication date (compatible with any year) gets a
    smaller story bonus beside a claim of a dated article than two dated (or two undated) articles get."""
    from factcheck.grouping import cluster
    from factcheck.grouping.params import DEFAULT

    arts = {
        "dated": art("dated", "2013-10-02"),
        "other": art("other", "2013-10-04"),
        "undated": art("undated", None),
    }
    text = "Voters in Turkmenistan elect a parliament in balloting praised by officials"
    claims = [claim(k, k, text, ents=("Turkmenistan",)) for k in ("dated", "other", "undated")]
    feats, _ = features._features(claims, arts)
    vec = features._idf_vectors(feats, DEFAULT)
    scored = cluster._score_pairs({0: {1, 2}}, feats, [0, 0, 0], vec, DEFAULT)
    both_dated, one_undated = scored[(0, 1)][0], scored[(0, 2)][0]
    assert DEFAULT.same_story_bonus > DEFAULT.undated_story_bonus
    assert both_dated - one_undated == pytest.approx(DEFAULT.same_story_bonus - DEFAULT.undated_story_bonus)
    assert DEFAULT.undated_story_bonus > 0, "an undated article may still join its story's group"


def test_figures_weeks_apart_are_no_conflict_unless_their_months_place_them():
    """A poll's figures weeks later are another poll: two reports published more than
    ``suggest_pub_days`` apart conflict only when both state a month (then the months decide)."""
    poll = "The latest Rasmussen Reports poll shows Trump leading Clinton {} percent to {} percent"
    arts = {"a": art("a", "2016-07-14"), "b": art("b", "2016-07-18"), "c": art("c", "2016-10-17")}
    cs = [claim("a1", "a", poll.format(44, 37)), claim("b1", "b", poll.format(42, 38))]
    later = claim("c1", "c", poll.format(43, 41))
    assert [s.kind for s in grouping.suggestions(cs, arts)] == ["conflicts"]  # four days apart
    assert grouping.suggestions([cs[0], later], arts) == []  # three months apart, no month stated
    dated = [
        claim("a2", "a", "The poll taken in July shows Trump leading Clinton 44 percent", when=("2016-07",)),
        claim("c2", "c", "The poll taken in July shows Trump leading Clinton 41 percent", when=("2016-07",)),
    ]
    assert [s.kind for s in grouping.suggestions(dated, arts)] == ["conflicts"]


def test_a_forecast_with_no_time_is_not_superseded_by_a_report_weeks_later():
    arts = {"a": art("a", "2016-03-21"), "b": art("b", "2016-03-22"), "c": art("c", "2016-05-02")}
    plan = claim(
        "a1",
        "a",
        "Donald Trump will deliver a speech to the American Israel Public Affairs Committee conference",
        stance=Stance.PLANNED,
    )
    done = "Donald Trump delivered his speech to the American Israel Public Affairs Committee conference"
    next_day = claim("b1", "b", done, stance=Stance.OCCURRED)
    weeks_later = claim("c1", "c", done, stance=Stance.OCCURRED)
    assert [(s.kind, s.claim, s.by) for s in grouping.suggestions([plan, next_day], arts)] == [
        ("supersedes", "a1", "b1")
    ]
    assert grouping.suggestions([plan, weeks_later], arts) == []


def test_two_live_blogs_that_both_carry_the_plan_and_the_report_suggest_nothing():
    """Two live blogs of one day that repeat each other's entries: each sentence is in both, so each blog
    says itself that the plan was carried out, as inside one article: no supersession between them (it was
    made once before session 31; on PolNeAR's two Breitbart live blogs of 2016-03-15 all 7 such suggestions
    read wrong)."""
    arts = {k: art(k, "2016-03-15") for k in ("a", "b")}
    plan = "Clinton will be awarded delegates in Ohio, Florida and North Carolina proportionally"
    won = "Clinton won the delegates of Ohio, Florida and North Carolina proportionally on Tuesday"
    cs = [
        claim("a1", "a", plan, stance=Stance.PLANNED),
        claim("a2", "a", won, stance=Stance.OCCURRED, start=200),
        claim("b1", "b", plan, stance=Stance.PLANNED),
        claim("b2", "b", won, stance=Stance.OCCURRED, start=200),
    ]
    assert grouping.suggestions(cs, arts) == []
    # an earlier report with only the plan is superseded by the blogs' report (once for the two of them)
    arts["c"] = art("c", "2016-03-14")
    got = grouping.suggestions([*cs, claim("c1", "c", plan, stance=Stance.PLANNED)], arts)
    assert [(s.kind, s.claim, s.by) for s in got] == [("supersedes", "c1", "a2")]


def test_a_plan_for_a_day_is_superseded_by_the_report_published_that_day():
    """Weeks apart, a plan that names its month is still superseded by the report published in it."""
    arts = {"a": art("a", "2007-04-04"), "b": art("b", "2007-05-03"), "c": art("c", "2007-06-20")}
    plan = claim(
        "a1",
        "a",
        "Orozco is to be formally sentenced to death by Judge Philip Hutchins",
        when=("2007-05-03",),
        stance=Stance.PLANNED,
    )
    done = "Judge Philip Hutchins sentenced Orozco to death"
    assert [
        (s.claim, s.by)
        for s in grouping.suggestions([plan, claim("b1", "b", done, stance=Stance.OCCURRED)], arts)
    ] == [("a1", "b1")]
    assert grouping.suggestions([plan, claim("c1", "c", done, stance=Stance.OCCURRED)], arts) == []
