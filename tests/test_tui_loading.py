"""Pilot tests of the TUI while a batch loads (issue 22): the first article shows before the rest is read,
keys pressed meanwhile are safe (no crash, nothing saved, no decision on a wrong claim), and a session resumed
while loading keeps every decision and goes to its cursor.

Extraction is slowed through its seam (``pipeline._extract_one``): after the first article it waits for the
test to let it go, so "while loading" is a state the test controls, not a race.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("textual")

from factcheck import cache, pipeline
from factcheck import session as sess
from factcheck.model import Verdict
from factcheck.review import Review
from factcheck.tui.app import make_app, opener_for
from factcheck.tui.config import Config
from factcheck.tui.screens.main import MainScreen

SIZE = (120, 40)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Extraction of every seed article but the first waits until the returned event is set (cache off, so that
    every article is extracted)."""
    released = threading.Event()
    real = pipeline._extract_one

    def slow(article):  # type: ignore[no-untyped-def]
        if not article.key.startswith("000_"):  # the first seed article
            released.wait(60)
        return real(article)

    monkeypatch.setattr(pipeline, "_extract_one", slow)
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


def main_up(app) -> bool:  # type: ignore[no-untyped-def]
    """The main screen is up with an article."""
    return isinstance(app.screen, MainScreen) and app.screen.article is not None


def status_text(m: MainScreen) -> str:
    return str(m.query_one("#status").render())


async def test_first_article_shows_while_the_rest_loads_and_keys_are_safe(seeds_copy, tmp_path, gate):
    session = tmp_path / "s.toml"
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app), "the main screen")
        m = app.screen
        assert isinstance(m, MainScreen)
        assert app.loading and m.review.loading is not None
        assert [a.key for a in m.review.corpus.articles] == ["000_f93a6b8ceb696436.txt"]
        assert m.claims and m.claim is not None  # the first article with its claims, before the rest
        assert "loading 1/5" in status_text(m)
        assert "1 of 5" in str(m.article_list.border_subtitle)
        told: list[
            str
        ] = []  # (notifications expire: on a busy machine they may be gone before they are read)
        m.notify = lambda message, **kw: told.append(str(message))  # type: ignore[method-assign]
        # every key a reviewer may press meanwhile: moves work, changes and whole-batch actions say why not
        await pilot.press("j", "k", "c", "d", "u", "minus", "e", "G", "m", "ctrl+z", "ctrl+s", "w", "w", "J")
        await pilot.press("g")
        assert app.screen is m  # the groups screen waits for the batch
        await pilot.press("R")
        assert app.screen is m  # so does the report
        await pilot.pause()
        assert any("still loading the batch" in s for s in told)
        assert any("Still loading the batch" in s and "events" in s for s in told)
        assert any("Still loading the batch" in s and "report" in s for s in told)
        assert not m.review.data.decisions and not session.exists()  # nothing decided, nothing saved
        gate.set()
        await wait_until(pilot, lambda: not app.loading, "the whole batch")
        await pilot.pause()
        assert m.review is app.review and m.review.loading is None and not m.review.readonly
        assert len(m.review.corpus.articles) == 5 and m.review.corpus.groups
        assert "loading" not in status_text(m) and str(m.article_list.border_subtitle) == "5"
        cid = m.claim.id
        await pilot.press("c")  # a decision now lands on the claim under the cursor
        assert m.review.decision(cid).verdict == Verdict.CONFIRMED
        await pilot.press("q")
    assert sess.load(session).decisions[cid].verdict == Verdict.CONFIRMED


async def test_session_resumed_while_loading_keeps_decisions_and_cursor(seeds_copy, tmp_path, gate):
    session = tmp_path / "s.toml"
    gate.set()  # the session is made at full speed
    with Review.open(session, [str(seeds_copy)]) as r:
        first_key = r.corpus.articles[0].key
        last_key = r.corpus.articles[-1].key
        first = r.claims(first_key)[0].id
        later = r.claims(last_key)[1].id
        r.mark(first, Verdict.DISPUTED)
        r.mark(later, Verdict.CONFIRMED, note="checked")
        r.set_cursor(last_key, later)
        r.save()
    saved = session.read_bytes()
    gate.clear()
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app), "the main screen")
        m = app.screen
        assert isinstance(m, MainScreen) and app.loading
        # the saved verdicts show on the claims read so far; the cursor waits for its article
        assert m.verdict(first) == Verdict.DISPUTED
        assert m.article is not None and m.article.key == first_key
        await pilot.press("c")  # refused: the session is not open for changes yet
        assert m.verdict(first) == Verdict.DISPUTED
        gate.set()
        await wait_until(pilot, lambda: not app.loading, "the whole batch")
        await pilot.pause()
        # the reviewer did not move: the session's cursor is where they are now
        assert m.article is not None and m.article.key == last_key and m.claim is not None
        assert m.claim.id == later
        d = m.review.decision(later)
        assert d.verdict == Verdict.CONFIRMED and d.note == "checked"
        assert m.review.decision(first).verdict == Verdict.DISPUTED
        await pilot.press("q")
    after = sess.load(session)
    assert after.decisions[first].verdict == Verdict.DISPUTED
    assert after.decisions[later].verdict == Verdict.CONFIRMED
    assert session.read_bytes() == saved or not app.review.dirty


async def test_a_reviewer_who_moves_while_loading_stays_there(seeds_copy, tmp_path, gate):
    session = tmp_path / "s.toml"
    gate.set()
    with Review.open(session, [str(seeds_copy)]) as r:
        last_key = r.corpus.articles[-1].key
        r.set_cursor(last_key, None)
        r.save()
    gate.clear()
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app), "the main screen")
        m = app.screen
        assert isinstance(m, MainScreen)
        await pilot.press("j")
        mine = m.claim.id if m.claim else None
        assert mine is not None
        gate.set()
        await wait_until(pilot, lambda: not app.loading, "the whole batch")
        await pilot.pause()
        assert m.claim is not None and m.claim.id == mine
        await pilot.press("q")


async def test_quitting_while_loading_saves_nothing_and_frees_the_session(seeds_copy, tmp_path, gate):
    session = tmp_path / "s.toml"
    gate.set()
    with Review.open(session, [str(seeds_copy)]) as r:
        r.mark(r.corpus.all_claims()[0].id, Verdict.CONFIRMED)
        r.save()
    saved = session.read_bytes()
    gate.clear()
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app), "the main screen")
        await pilot.press("d", "q")
        gate.set()  # the worker goes on to the next article, sees the app gone and stops
    # the worker stops at its next article and releases the session's lock: it opens writable again
    for _ in range(200):
        with Review.open(session) as again:
            if not again.readonly:
                break
        time.sleep(0.05)
    assert not again.readonly, again.lock_message
    assert session.read_bytes() == saved


def test_preview_review_refuses_changes_and_counts_what_was_read(seeds_copy, tmp_path):
    with Review.open(tmp_path / "s.toml", [str(seeds_copy)]) as full:
        items = [(a, full.claims(a.key, include_dismissed=True)) for a in full.corpus.articles[:2]]
    preview = Review.preview(Path(tmp_path / "s.toml"), sess.SessionData())
    preview.add_loaded(items, 2, 5)
    assert preview.readonly and preview.loading == (2, 5)
    assert "2/5 articles read" in (preview.readonly_reason or "")
    cid = items[0][1][0].id
    assert preview.claim(cid) is items[0][1][0]
    with pytest.raises(Exception, match="still loading"):
        preview.mark(cid, Verdict.CONFIRMED)


async def test_a_batch_read_at_once_opens_without_a_hitch(seeds_copy, tmp_path):
    """The opened review can arrive before the preview's screen is even mounted (a warm cache): it takes over
    all the same."""
    session = tmp_path / "s.toml"
    with Review.open(session, [str(seeds_copy)]) as r:  # (fills the cache)
        r.save()
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app) and not app.loading, "the whole batch")
        await pilot.pause()
        m = app.screen
        assert isinstance(m, MainScreen) and m.review is app.review
        assert len(m.keys) == 5 and "loading" not in status_text(m)
        cid = m.claim.id
        await pilot.press("c")
        assert m.review.decision(cid).verdict == Verdict.CONFIRMED
        await pilot.press("q")
    assert app.error is None


async def test_a_batch_of_unknown_size_says_so_while_loading(seeds_copy, tmp_path, gate, monkeypatch):
    """Articles extracted while the batch is still being read come with no total yet (0): the screen says
    "1 of …" and "loading 1…", never "of 0" or "grouping…"."""
    monkeypatch.setattr(pipeline, "FIRST_CHUNK", 1)  # the first article is extracted as soon as it is read
    app = make_app(
        None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], tmp_path / "s.toml")
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app), "the main screen")
        m = app.screen
        assert isinstance(m, MainScreen) and m.review.loading is not None
        assert m.review.loading == (1, 0)  # the rest waits on the gate: no total yet
        assert "loading 1…" in status_text(m) and "grouping" not in status_text(m)
        assert str(m.article_list.border_subtitle) == "1 of …"
        gate.set()
        await wait_until(pilot, lambda: not app.loading, "the whole batch")
        assert "loading" not in status_text(m)
