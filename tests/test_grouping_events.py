"""Kinds of news events (factcheck/grouping/events.py, data in factcheck/lang/<code>/events.toml): every
example runs, the vocabulary is sound, and suggestions are never made between claims of different events."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from factcheck import grouping, lang
from factcheck.grouping.events import _stemmer, different_events, event_kinds
from factcheck.model import Article, Claim, Stance

LANGS = ("en", "de", "es", "fr", "pt")


def _examples():
    for code in lang.available("events"):
        data = tomllib.loads((lang.ROOT / code / "events.toml").read_text(encoding="utf-8"))
        for ex in data.get("examples", []):
            yield code, ex


@pytest.mark.parametrize(("code", "ex"), list(_examples()))
def test_event_examples(code, ex):
    assert sorted(event_kinds(ex["text"], code)) == sorted(ex["kinds"])


@pytest.mark.parametrize("code", LANGS)
def test_each_language_has_a_sound_vocabulary(code):
    data = lang.resource(code, "events")
    assert data.get("kinds"), f"{code}/events.toml has no kinds"
    assert len(data.get("examples", [])) >= 3
    stemmer = _stemmer(code)
    assert stemmer is not None
    for kind, entries in data["kinds"].items():
        assert entries, kind
        for entry in entries:
            # every entry names its own kind when it stands alone
            assert kind in event_kinds(entry, code), (code, kind, entry)


def test_different_events_needs_both_named_and_nothing_shared():
    assert different_events(frozenset({"incident"}), frozenset({"arrest"}))
    assert not different_events(frozenset({"incident", "arrest"}), frozenset({"arrest"}))
    assert not different_events(frozenset(), frozenset({"arrest"}))
    assert not different_events(frozenset(), frozenset())


def test_inflections_match_through_the_stem():
    assert event_kinds("Two men were arrested", "en") == event_kinds("Police arrest two men", "en")
    assert event_kinds("She checks into rehab", "en") == {"rehab_entry"}
    assert event_kinds("She checked out of rehab", "en") == {"rehab_exit"}


def test_unknown_language_reads_as_english_and_a_language_without_data_names_none():
    assert event_kinds("The suspect was arrested", None) == {"arrest"}
    assert event_kinds("Podejrzany został aresztowany", "pl") == frozenset()


def _art(key: str, published: str) -> Article:
    a = Article(path=key, key=key, id=key, text="", published=dt.date.fromisoformat(published))
    a.outlet = f"Outlet {key.upper()}"
    a.language = "en"
    return a


def _claim(cid: str, key: str, text: str, stance: Stance = Stance.STATED) -> Claim:
    return Claim(id=cid, article_id=key, article_key=key, start=0, end=len(text), text=text, stance=stance)


def test_no_supersession_between_a_funeral_plan_and_the_death():
    arts = {"a": _art("a", "2008-12-12"), "b": _art("b", "2008-12-13")}
    plan = _claim(
        "a1",
        "a",
        "The former pin-up star Bettie Page will be buried at Westwood cemetery in Los Angeles",
        Stance.EXPECTED,
    )
    death = _claim(
        "b1", "b", "The former pin-up star Bettie Page died at a hospital in Los Angeles", Stance.OCCURRED
    )
    burial = _claim(
        "b2",
        "b",
        "The former pin-up star Bettie Page was buried at Westwood cemetery in Los Angeles",
        Stance.OCCURRED,
    )
    assert not grouping.suggestions([plan, death], arts)
    # the same plan is superseded by the report of the burial itself
    sup = grouping.suggestions([plan, death, burial], arts)
    assert [(s.kind, s.claim, s.by) for s in sup] == [("supersedes", "a1", "b2")]


def test_no_conflict_between_a_count_of_the_dead_and_a_count_of_arrests():
    arts = {"a": _art("a", "2022-04-28"), "b": _art("b", "2022-04-29")}
    dead = _claim("a1", "a", "Police said 3 people were killed in the Northbury riot")
    held = _claim("b1", "b", "Police said 12 people were arrested in the Northbury riot")
    more_dead = _claim("b2", "b", "Police said 5 people were killed in the Northbury riot")
    assert not grouping.suggestions([dead, held], arts)
    (s,) = grouping.suggestions([dead, more_dead], arts)
    assert s.kind == "conflicts" and "3" in s.why and "5" in s.why


def test_no_suggestion_when_one_article_carries_both_sentences():
    # a page saved twice (the later save with an update added): each copy holds the plan and the report, so
    # the later copy's report does not supersede the earlier copy's plan; the later copy gives both counts
    # itself, so its new count does not conflict with the earlier copy's
    arts = {"a": _art("a", "2023-04-28"), "b": _art("b", "2023-04-29"), "c": _art("c", "2023-04-30")}
    plan = "The ministry will publish the draft of the Northbury housing law next week"
    done = "The ministry published the draft of the Northbury housing law on Friday"
    three = "Police said 3 people were killed in the Northbury riot"
    five = "Police said 5 people were killed in the Northbury riot"
    first = [
        _claim("a1", "a", plan, Stance.EXPECTED),
        _claim("a2", "a", done, Stance.OCCURRED),
        _claim("a3", "a", three),
    ]
    again = [
        _claim("b1", "b", plan, Stance.EXPECTED),
        _claim("b2", "b", done, Stance.OCCURRED),
        _claim("b4", "b", three),
    ]
    assert not grouping.suggestions([*first, *again, _claim("b3", "b", five)], arts)
    # another text that reports what the plan said: a supersession; a count the first text never gave: a conflict
    other = [
        _claim("c1", "c", done.replace("on Friday", "on Saturday"), Stance.OCCURRED),
        _claim("c2", "c", five),
    ]
    sup = grouping.suggestions(
        [_claim("a1", "a", plan, Stance.EXPECTED), _claim("a3", "a", three), *other], arts
    )
    assert sorted((s.kind, s.claim, s.by) for s in sup) == [
        ("conflicts", "a3", "c2"),
        ("supersedes", "a1", "c1"),
    ]
