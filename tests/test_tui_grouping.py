"""Pilot tests of the TUI while the opened batch is grouped (issue 22): the main screen is filled as soon as
the review is opened and reconciled, the groups come in from a worker, and until they do the Event panel says
"grouping…", what needs the groups or changes what they are made of says why it waits, and a decision works
at once and is saved.

Grouping is slowed through its seam (``pipeline._grouped``, the batch grouped when its groups are not
cached; the cache is off): it waits for the test to let it go, so "while grouping" is a state the test
controls, not a race.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

pytest.importorskip("textual")

from factcheck import cache, pipeline
from factcheck import session as sess
from factcheck.model import Verdict
from factcheck.review import Review
from factcheck.tui.app import make_app, opener_for
from factcheck.tui.config import Config
from factcheck.tui.screens.groups import GroupsScreen
from factcheck.tui.screens.main import MainScreen

SIZE = (120, 40)


@pytest.fixture
def slow_grouping(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Grouping the batch waits until the returned event is set (cache off: the batch is grouped)."""
    released = threading.Event()
    real = pipeline._grouped

    def slow(*args, **kw):  # type: ignore[no-untyped-def]
        released.wait(60)
        return real(*args, **kw)

    monkeypatch.setattr(pipeline, "_grouped", slow)
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    cache.reset()
    yield released
    released.set()
    cache.reset()


async def wait_until(pilot, cond: Callable[[], bool], what: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(1500):
        if cond():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def filled(app) -> bool:  # type: ignore[no-untyped-def]
    """The main screen is up on the opened review (not a preview of a batch being read), with an article."""
    return isinstance(app.screen, MainScreen) and app.screen.article is not None and not app.loading


def status_text(m: MainScreen) -> str:
    return str(m.query_one("#status").render())


def panel_text(m: MainScreen) -> str:
    assert m.claim is not None
    return m.event_panel.content_for(m.claim).plain


async def test_the_main_screen_fills_before_the_batch_is_grouped_and_what_needs_groups_waits(
    seeds_copy, tmp_path, slow_grouping
):
    session = tmp_path / "s.toml"
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: filled(app), "the filled main screen")
        m = app.screen
        assert isinstance(m, MainScreen)
        assert app.grouping and m.review is app.review and m.review.grouping  # (grouping is held back)
        # (the worker is not described by the repr of its arguments, the whole batch: seconds on a big one)
        assert [w.description for w in app.workers if w.group == "grouping"] == ["grouping the batch"]
        assert len(m.review.corpus.articles) == 5 and m.claims and m.claim is not None
        assert str(m.article_list.border_subtitle) == "5"
        assert "grouping…" in status_text(m) and "loading" not in status_text(m)
        # no stale groups: none at all, and the Event panel says they are coming
        assert m.review.corpus.groups == [] and all(c.group is None for c in m.review.corpus.all_claims())
        assert "Other reports of this event: grouping…" in panel_text(m)
        told: list[
            str
        ] = []  # (notifications expire: on a busy machine they may be gone before they are read)
        m.notify = lambda message, **kw: told.append(str(message))  # type: ignore[method-assign]
        # a decision works at once and is saved while the batch is grouped
        first = m.claim.id
        await pilot.press("c")
        assert m.verdict(first) == Verdict.CONFIRMED
        await pilot.press("e", *"from the press office", "ctrl+s")
        await wait_until(pilot, lambda: session.exists() and not app.review.dirty, "the autosave")
        saved = sess.load(session)
        assert saved.decisions[first].verdict == Verdict.CONFIRMED
        assert saved.decisions[first].note == "from the press office"
        assert app.grouping
        # what needs the groups or changes what they are made of says why it waits, and does nothing
        for key, what in (
            ("G", "whole event"),
            ("g", "events show"),
            ("m", "merged"),
            ("x", "taken out"),
            ("plus", "added"),
            ("p", "publication date"),
            ("s", "superseding claim"),
            ("a", "suggestions"),
            ("R", "report"),
        ):
            told.clear()
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is m, key  # no dialog, no groups screen
            assert any("Still grouping the batch" in s and what in s for s in told), (key, told)
        assert m.review.data.merges == [] and m.review.data.splits == [] and not m.review.data.manual
        assert all(rec.published is None for rec in m.review.data.articles.values())
        assert m.verdict(first) == Verdict.CONFIRMED
        assert m.review.corpus.groups == []
        # the groups come in: the Event panel shows them, and what needs them works
        slow_grouping.set()
        await wait_until(pilot, lambda: not app.grouping, "the groups")
        await pilot.pause()
        r = m.review
        assert r.corpus.groups and "grouping…" not in status_text(m) and "saved" in status_text(m)
        assert "grouping…" not in panel_text(m)
        g = next(g for g in r.corpus.groups if len(r.group_claims(g)) >= 2)
        m.go_to_claim(r.group_claims(g)[0].id)
        await pilot.pause()
        assert f"Event {g.id}" in panel_text(m)
        groups = [x.to_json() for x in r.corpus.groups]
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
        await pilot.press("escape")
        await pilot.press("q")
    assert not app.error
    assert sess.load(session).decisions[first].verdict == Verdict.CONFIRMED
    slow_grouping.set()
    with Review.open(session, readonly=True) as grouped:  # the groups a grouped opening makes
        assert [x.to_json() for x in grouped.corpus.groups] == groups


async def test_an_opened_batch_already_grouped_starts_no_grouping(seeds_copy, tmp_path):
    """A review handed over grouped (``Review.open``'s default, the tests' ``make_app(review)``): nothing is
    grouped again, the Event panel shows its groups at once."""
    session = tmp_path / "s.toml"
    with Review.open(session, [str(seeds_copy)]) as r:
        app = make_app(r, Config())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            m = app.screen
            assert isinstance(m, MainScreen) and not app.grouping and r.corpus.groups
            assert "grouping…" not in status_text(m) and "grouping…" not in panel_text(m)
            await pilot.press("q")


async def test_the_collector_resumes_only_once_the_groups_are_frozen(
    seeds_copy, tmp_path, monkeypatch, slow_grouping
):
    """Every object grouping makes is in the collector's youngest generation (grouping pauses it): resumed
    before the groups are frozen, its first collection walked them all with the GIL held (0.26-0.5 s on 300
    ECB+ articles, no key answered meanwhile). So the worker keeps it paused until the app's thread has
    frozen them, and resumes it after; also when grouping fails (first here)."""
    import gc

    seen: list[bool] = []
    real_freeze = gc.freeze

    def freeze() -> None:
        seen.append(gc.isenabled())
        real_freeze()

    monkeypatch.setattr(gc, "freeze", freeze)
    held_back = pipeline._grouped  # (the fixture's: waits for slow_grouping)
    broken_released = threading.Event()

    def broken(*args, **kw):  # type: ignore[no-untyped-def]
        broken_released.wait(60)
        raise ValueError("a bug in grouping")

    for grouping, released in ((broken, broken_released), (held_back, slow_grouping)):
        monkeypatch.setattr(pipeline, "_grouped", grouping)
        assert gc.isenabled()
        session = tmp_path / f"s-{grouping.__name__}.toml"
        app = make_app(None, Config(autosave_delay=30.0), opener=opener_for([str(seeds_copy)], session))
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda app=app: filled(app), "the filled main screen")
            # (the worker pauses the collector once its thread runs, which may be after the screen is filled)
            await wait_until(pilot, lambda: not gc.isenabled(), "the collector paused by the grouping worker")
            assert app.grouping and not gc.isenabled()  # (paused while grouping, as before)
            seen.clear()  # (the batch read was frozen once the main screen was filled)
            released.set()
            await wait_until(pilot, lambda app=app: not app.grouping or bool(app.error), "the groups")
            await app.workers.wait_for_complete()
            assert gc.isenabled()
            if grouping is broken:
                assert seen == [] and "a bug in grouping" in (app.error or "")
            else:
                assert seen == [False] and app.review is not None and app.review.corpus.groups
                await pilot.press("q")
        assert gc.isenabled()
