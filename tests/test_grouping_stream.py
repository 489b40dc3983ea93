"""Grouping in a real stream: groups are earned, unrelated articles do not change the others' groups,
suggestions need evidence and quote the claims, bylines never group, language data runs its examples."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import grouping, lang, pipeline
from factcheck.grouping import figures as figs
from factcheck.grouping.features import byline_like, groupable
from factcheck.grouping.words import _content_tokens, _stem
from factcheck.model import Article, Claim, Entity, Segment, Stance, TimeRef


def art(key: str, published: str | None = None, language: str | None = "en") -> Article:
    a = Article(
        path=key, key=key, id=key, text="", published=dt.date.fromisoformat(published) if published else None
    )
    a.outlet = f"Outlet {key.upper()}"
    a.language = language
    return a


def claim(
    cid: str,
    key: str,
    text: str,
    *,
    when: tuple[tuple[str, str], ...] = (),
    ents: tuple[str, ...] = (),
    stance: Stance = Stance.STATED,
) -> Claim:
    refs = [
        TimeRef(text.index(phrase), text.index(phrase) + len(phrase), phrase, "DATE", v) for phrase, v in when
    ]
    return Claim(
        id=cid,
        article_id=key,
        article_key=key,
        start=0,
        end=len(text),
        text=text,
        when=refs,
        entities=[Entity(e, e.lower(), "person", e) for e in ents],
        stance=stance,
    )


# ---------------------------------------------------------------------------------------------
# Language data: every example of stopwords.toml and figures.toml runs


def _examples(name: str):
    for code in lang.available(name):
        data = tomllib.loads((lang.ROOT / code / f"{name}.toml").read_text(encoding="utf-8"))
        for ex in data.get("examples", []):
            yield code, ex


@pytest.mark.parametrize(("code", "ex"), list(_examples("stopwords")))
def test_stopword_examples(code, ex):
    assert _content_tokens(ex["text"], code) == [_stem(w) for w in ex["content"]]


@pytest.mark.parametrize(("code", "ex"), list(_examples("figures")))
def test_figure_examples(code, ex):
    from factcheck.grouping.words import stopwords

    got = [[f.value, f.unit] for f in figs.figures(ex["text"], code, stop=stopwords(code))]
    assert got == ex["figures"]


@pytest.mark.parametrize(("code", "ex"), list(_examples("ages")))
def test_age_examples(code, ex):
    assert sorted(figs.ages(ex["text"], code)) == sorted(ex["ages"])


@pytest.mark.parametrize(("code", "pair"), list(_examples("frequency")))
def test_frequency_examples(code, pair):
    """Each example of frequency.toml is (more common, rarer): the rarer word weighs more."""
    from factcheck.grouping.words import rarity

    common, rare = (_stem(w) for w in pair)
    assert rarity(common, code, 7.0) < rarity(rare, code, 7.0)


def test_word_weights_do_not_depend_on_the_batch():
    from factcheck.grouping.words import rarity

    assert rarity("supermarket", "en", 7.0) > rarity("people", "en", 7.0) >= 1.0
    assert rarity("zzqxv", "en", 7.0) > rarity("supermarket", "en", 7.0)  # not in the table: rarer
    assert rarity("anything", "xx", 7.0) == rarity("else", "xx", 7.0) == 1.0  # no table: all alike
    assert rarity("supermarket", None, 7.0) == rarity("supermarket", "en", 7.0)  # unknown: as stop words


def test_stopwords_exist_for_the_five_languages():
    assert {"en", "de", "fr", "es", "pt"} <= set(lang.available("stopwords"))
    assert {"en", "de", "fr", "es", "pt"} <= set(lang.available("figures"))
    assert {"en", "de", "fr", "es", "pt"} <= set(lang.available("frequency"))


def test_german_function_words_are_not_content():
    assert _content_tokens("Es gibt kein Recht auf Veröffentlichung der Kommentare", "de") == [
        "recht",
        "veröffentlichung",
        "kommentare",
    ]


# ---------------------------------------------------------------------------------------------
# Figures


def test_percentages_written_three_ways_are_one_value():
    a = figs.figures("Turnout was 60% in the city")
    b = figs.figures("Turnout was 60 per cent in the city")
    c = figs.figures("Turnout was 60 in the city")
    assert a[0].value == b[0].value == c[0].value == "60"
    assert a[0].unit == b[0].unit == "%"
    assert figs.disagree(a, b) is None and figs.disagree(a, c) is None


def test_different_figures_of_the_same_unit_disagree():
    pair = figs.disagree(figs.figures("rose to 3.1% in March"), figs.figures("rose to 3.4 percent in March"))
    assert pair is not None and {pair[0].value, pair[1].value} == {"3.1", "3.4"}


@given(st.integers(min_value=1000, max_value=10**9), st.integers(min_value=0, max_value=99))
@settings(max_examples=200, deadline=None)
def test_thousands_and_decimals_round_trip_in_both_conventions(whole, cents):
    en = f"{whole:,}.{cents:02d}"
    de = en.replace(",", "X").replace(".", ",").replace("X", ".")
    expect = f"{whole}.{cents:02d}".rstrip("0").rstrip(".")
    assert figs.normalise(en, decimal_comma=False) == expect
    assert figs.normalise(de, decimal_comma=True) == expect


# ---------------------------------------------------------------------------------------------
# Bylines and furniture


def test_bylines_never_group():
    byline = claim(
        "a1",
        "a",
        "Autor: Omara García Mederos Publicado: 27/04/2022 | 03:04 am",
        when=(("27/04/2022", "2022-04-27"),),
    )
    header = claim(
        "b1",
        "b",
        "January 13, 2020 at 08:45 AM | categories: Python, Mercurial | View Comments",
        when=(("January 13, 2020", "2020-01-13"),),
    )
    assert byline_like(byline) and byline_like(header)
    twin = claim(
        "c1",
        "c",
        "Autor: Omara García Mederos Publicado: 27/04/2022 | 03:04 am",
        when=(("27/04/2022", "2022-04-27"),),
    )
    arts = {k: art(k, "2022-04-27") for k in "abc"}
    assert grouping.group_claims([byline, twin, header], arts) == []


def test_claims_in_page_furniture_do_not_take_part():
    a = art("a")
    a.text = "Menu Home News\nThe mayor opened the bridge.\n"
    a.segments = [Segment(0, 14, "furniture"), Segment(15, 43, "body")]
    inside = Claim(id="x", article_id="a", article_key="a", start=15, end=43, text=a.text[15:43])
    outside = Claim(id="y", article_id="a", article_key="a", start=0, end=14, text=a.text[0:14])
    assert groupable(inside, a) and not groupable(outside, a)


# ---------------------------------------------------------------------------------------------
# Earned groups


def test_a_claim_without_time_needs_specific_words_to_join_a_timed_group():
    arts = {"a": art("a", "2024-03-19"), "b": art("b", "2024-04-26"), "c": art("c", "2023-12-20")}
    cs = [
        claim(
            "a1",
            "a",
            "Putin previously visited China last October to attend the Belt and Road Forum in Beijing",
            when=(("last October", "2023-10"),),
            ents=("Putin", "China", "Beijing"),
            stance=Stance.OCCURRED,
        ),
        claim(
            "b1",
            "b",
            "Putin's last visit to Beijing was in October 2023 during the Belt and Road Forum",
            when=(("October 2023", "2023-10"),),
            ents=("Putin", "Beijing"),
            stance=Stance.OCCURRED,
        ),
        # names and titles in common, no words of the visit: another event (a video call)
        claim(
            "c1",
            "c",
            "Chinese President Xi told Russian President Putin that Beijing and Moscow should closely coordinate",
            ents=("Putin", "Beijing"),
        ),
    ]
    gs = grouping.group_claims(cs, arts)
    where = {cid: g.id for g in gs for cid in g.claims}
    assert where.get("a1") and where.get("a1") == where.get("b1")
    assert "c1" not in where


def test_a_long_page_gets_no_story_context_and_members_need_a_cross_article_edge():
    # Two long essays that share a topic word: nothing groups on the topic alone.
    arts = {"a": art("a", "2020-01-13"), "b": art("b", "2020-01-20")}
    topics = ["memory", "compiler", "types", "strings", "errors", "tools", "community", "libraries"]
    cs = [
        claim(f"a{k}", "a", f"Rust {topics[k % 8]} essay part {k} talks about porting {k}")
        for k in range(160)
    ] + [claim(f"b{k}", "b", f"Rust has good {topics[k % 8]} says blog post {k}") for k in range(160)]
    assert grouping.group_claims(cs, arts) == []


# ---------------------------------------------------------------------------------------------
# Stability


UNRELATED = {
    "900_recipe.txt": "How to bake sourdough bread\n\nMix 500 grams of flour with 350 grams of water and "
    "let the dough rest for an hour.\nThe baker said the starter needs feeding twice a day.\n",
    "901_garden.txt": "Spring gardening tips\n\nPlant tomatoes after the last frost, usually in May.\n"
    "The gardener said that tomatoes need six hours of sun a day.\n",
    "902_software.txt": "Release notes\n\nVersion 3.2 of the editor was released on Tuesday with faster search.\n"
    "The maintainers said the plugin API will change in the next release.\n",
    "903_sport.txt": "Local derby\n\nThe home side won the derby 2-1 on Saturday in front of 30,000 fans.\n"
    "The coach said the team had played its best game of the season.\n",
}


def test_unrelated_articles_do_not_change_the_groups_of_the_others(seeds_copy: Path, tmp_path: Path):
    before = pipeline.build([str(seeds_copy)])
    mixed_dir = tmp_path / "mixed"
    shutil.copytree(seeds_copy, mixed_dir)
    for name, text in UNRELATED.items():
        (mixed_dir / name).write_text(text, encoding="utf-8")
    after = pipeline.build([str(mixed_dir)])

    def partition(corpus, keep: set[str]) -> set[frozenset[str]]:
        return {frozenset(c for c in g.claims if c in keep) for g in corpus.groups} - {frozenset()}

    seed_ids = {c.id for c in before.all_claims()}
    assert seed_ids <= {c.id for c in after.all_claims()}
    assert partition(before, seed_ids) == partition(after, seed_ids)
    assert partition(before, seed_ids)


# ---------------------------------------------------------------------------------------------
# Suggestions


def test_no_conflict_between_the_same_figure_written_two_ways():
    arts = {"a": art("a", "2022-04-28"), "b": art("b", "2022-04-29")}
    cs = [
        claim("a1", "a", "Turnout in the Northbury referendum reached 60% of registered voters"),
        claim("b1", "b", "Turnout in the Northbury referendum reached 60 per cent of registered voters"),
    ]
    assert not grouping.suggestions(cs, arts)


def test_a_conflict_names_the_claims_by_their_words():
    arts = {"a": art("a", "2022-04-28"), "b": art("b", "2022-04-29")}
    cs = [
        claim("a1", "a", "Turnout in the Northbury referendum reached 60% of registered voters on Sunday"),
        claim("b1", "b", "Turnout in the Northbury referendum reached 64% of registered voters on Sunday"),
    ]
    (s,) = grouping.suggestions(cs, arts)
    assert s.kind == "conflicts"
    assert "“Turnout in the Northbury referendum reached 60%" in s.why and "64%" in s.why
    assert "\n" not in s.why


def test_times_do_not_disagree_between_a_planned_call_and_an_arrest():
    arts = {"a": art("a", "2022-04-28"), "b": art("b", "2022-04-29")}
    cs = [
        claim(
            "a1",
            "a",
            "The governor will call the police chief tomorrow about the protest",
            when=(("tomorrow", "2022-04-29"),),
            stance=Stance.PLANNED,
        ),
        claim(
            "b1",
            "b",
            "Police arrested the protest leader outside the governor's office on Thursday",
            when=(("on Thursday", "2022-04-28"),),
            stance=Stance.OCCURRED,
        ),
    ]
    assert not [s for s in grouping.suggestions(cs, arts) if s.kind == "conflicts"]


def test_supersedes_only_when_the_later_report_tells_of_the_same_event():
    arts = {"a": art("a", "2022-04-27"), "b": art("b", "2022-04-29")}
    cs = [
        claim(
            "a1",
            "a",
            "I would call for calm in the city, the governor said",
            stance=Stance.HYPOTHETICAL,
        ),
        claim(
            "b1",
            "b",
            "Protesters clashed with police in the city centre on Friday as the governor met union leaders",
            stance=Stance.OCCURRED,
        ),
        claim(
            "a2", "a", "The governor is expected to meet union leaders in the city", stance=Stance.EXPECTED
        ),
        claim("b2", "b", "The governor met union leaders in the city on Friday", stance=Stance.OCCURRED),
    ]
    sup = [s for s in grouping.suggestions(cs, arts) if s.kind == "supersedes"]
    assert [(s.claim, s.by) for s in sup] == [("a2", "b2")]
    assert "“The governor is expected to meet union leaders" in sup[0].why
    assert "on Friday" not in sup[0].why


# ---------------------------------------------------------------------------------------------
# Parameters


def test_parameters_are_one_frozen_object_a_bench_can_vary():
    p = grouping.DEFAULT
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.edge_min = 0.1  # type: ignore[misc]
    strict = dataclasses.replace(p, edge_min=5.0, link_min=5.0, link_min_cross=5.0)
    cs = [
        claim("a1", "a", "Mayor Jane Holt opened the new harbour bridge in May", when=(("May", "2024-05"),)),
        claim("b1", "b", "Mayor Jane Holt opened the new harbour bridge in May", when=(("May", "2024-05"),)),
    ]
    arts = {"a": art("a", "2024-05-17"), "b": art("b", "2024-05-18")}
    assert grouping.group_claims(cs, arts)
    assert not grouping.group_claims(cs, arts, params=strict)


def test_one_word_in_common_is_no_evidence_across_stories():
    """Two unrelated pages whose claims come down to one shared word ("Problem") are not one event, however
    alike their content words are (token_sort_ratio of "problem" and "problem" is 100)."""
    arts = {"a": art("a", "2020-06-02", "de"), "b": art("b", "2020-06-20", "de")}
    cs = [
        claim("a1", "a", "Bei mir hatte ich auch das Problem."),
        claim("b1", "b", "Dann haben wir im Juni ein Problem.", when=(("im Juni", "2020-06"),)),
    ]
    assert not grouping.group_claims(cs, arts)
    # the same two claims with the rule off: the one shared word was enough
    loose = dataclasses.replace(grouping.DEFAULT, cross_shared_min=0)
    assert grouping.group_claims(cs, arts, params=loose)
