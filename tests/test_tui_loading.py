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
from factcheck.tui import app as tui_app
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


def ready(app) -> bool:  # type: ignore[no-untyped-def]
    """The batch is read and grouped (the main screen is filled once it is read; the groups follow)."""
    return not app.loading and not app.grouping


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
        # what needs the whole batch says so: a group verdict, merging, taking out, adding a claim, the groups
        # screen, the report; moves work
        await pilot.press("j", "k", "G", "m", "x", "plus", "w", "w", "J")
        await pilot.press("g")
        assert app.screen is m  # the groups screen waits for the batch
        await pilot.press("R")
        assert app.screen is m  # so does the report
        await pilot.pause()
        for what in ("whole event", "merged", "taken out", "added"):
            assert any("Still loading the batch" in s and what in s for s in told), what
        assert any("Still loading the batch" in s and "events" in s for s in told)
        assert any("Still loading the batch" in s and "report" in s for s in told)
        assert not m.review.data.decisions and not session.exists()  # nothing decided, nothing saved
        gate.set()
        await wait_until(pilot, lambda: ready(app), "the whole batch")
        await pilot.pause()
        assert m.review is app.review and m.review.loading is None and not m.review.readonly
        assert len(m.review.corpus.articles) == 5 and m.review.corpus.groups
        assert "loading" not in status_text(m) and str(m.article_list.border_subtitle) == "5"
        cid = m.claim.id
        await pilot.press("c")  # a decision now lands on the claim under the cursor
        assert m.review.decision(cid).verdict == Verdict.CONFIRMED
        await pilot.press("q")
    assert sess.load(session).decisions[cid].verdict == Verdict.CONFIRMED


async def test_decisions_made_while_loading_are_kept_and_saved_once_loaded(seeds_copy, tmp_path, gate):
    """Verdicts, notes, speakers, dismissals and dates work on the articles read so far; undo and redo reach
    them; nothing is written meanwhile; once the batch is read each lands on its claim, is saved, and can
    still be undone."""
    session = tmp_path / "s.toml"
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app), "the main screen")
        m = app.screen
        assert isinstance(m, MainScreen) and app.loading
        told: list[str] = []
        m.notify = lambda message, **kw: told.append(str(message))  # type: ignore[method-assign]
        key = m.article.key if m.article else ""
        first = m.claim.id if m.claim else ""
        await pilot.press("c")
        assert m.verdict(first) == Verdict.CONFIRMED
        await pilot.press("e", *"from the press office", "ctrl+s")
        await pilot.press("S", "ctrl+u", *"Ana Lima", "enter")
        assert m.claim is not None and m.claim.speaker == "Ana Lima"  # on the preview's copy of the claim
        await pilot.press("j")
        second = m.claim.id if m.claim else ""
        assert second != first
        await pilot.press("d")
        assert m.verdict(second) == Verdict.DISPUTED
        await pilot.press("ctrl+z")  # undoes the last one, made while loading
        assert m.verdict(second) == Verdict.UNREVIEWED
        await pilot.press("ctrl+y", "ctrl+z", "minus")  # redone, undone again; the second claim dismissed
        assert m.review.data.decisions[second].dismissed
        await pilot.press("p", "ctrl+u", *"2024-04-20", "enter")
        assert str(m.review.corpus.article(key).published) == "2024-04-20"  # type: ignore[union-attr]
        assert m.article is not None and str(m.article.published) == "2024-04-20"  # what the screen shows
        assert "unsaved" in status_text(m) and "loading" in status_text(m)
        await pilot.press("ctrl+s")
        assert any("kept" in s and "saved as soon as" in s for s in told)
        await pilot.pause(0.2)
        assert not session.exists()  # nothing written while the batch loads
        gate.set()
        await wait_until(pilot, lambda: ready(app), "the whole batch")
        await wait_until(pilot, lambda: session.exists() and not app.review.dirty, "the autosave")
        r = m.review
        assert r is app.review and r.loading is None
        assert r.decision(first).verdict == Verdict.CONFIRMED
        assert r.decision(first).note == "from the press office"
        assert r.claim(first).speaker == "Ana Lima" and r.decision(first).speaker == "Ana Lima"
        assert r.decision(second).dismissed and r.decision(second).verdict == Verdict.UNREVIEWED
        art = r.corpus.article(key)
        assert art is not None and str(art.published) == "2024-04-20" and art.published_source == "reviewer"
        assert r.data.articles[key].published is not None
        saved = sess.load(session)
        assert saved.decisions[first].verdict == Verdict.CONFIRMED and saved.decisions[second].dismissed
        assert str(saved.articles[key].published) == "2024-04-20"
        # the steps made while loading are this sitting's: undo goes back through them
        await pilot.press("ctrl+z")
        assert r.data.articles[key].published is None
        await pilot.press("ctrl+z")
        assert second not in r.data.decisions
        await pilot.press("q")
    assert not app.error
    after = sess.load(session)
    assert after.decisions[first].verdict == Verdict.CONFIRMED and second not in after.decisions


async def test_session_resumed_while_loading_keeps_decisions_and_cursor(seeds_copy, tmp_path, gate):
    session = tmp_path / "s.toml"
    gate.set()  # the session is made at full speed
    with Review.open(session, [str(seeds_copy)]) as r:
        first_key = r.corpus.articles[0].key
        last_key = r.corpus.articles[-1].key
        first = r.claims(first_key)[0].id
        later = [c for c in r.claims(last_key) if r.corpus.is_shown(c)][1].id  # (the list shows it)
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
        await pilot.press("c")  # made on the preview; the saved decisions of articles not read yet stay
        assert m.verdict(first) == Verdict.CONFIRMED
        gate.set()
        await wait_until(pilot, lambda: ready(app), "the whole batch")
        await pilot.pause()
        # the reviewer did not move: the session's cursor is where they are now
        assert m.article is not None and m.article.key == last_key and m.claim is not None
        assert m.claim.id == later
        d = m.review.decision(later)
        assert d.verdict == Verdict.CONFIRMED and d.note == "checked"
        assert m.review.decision(first).verdict == Verdict.CONFIRMED
        await pilot.press("q")
    after = sess.load(session)
    assert after.decisions[first].verdict == Verdict.CONFIRMED
    assert after.decisions[later].verdict == Verdict.CONFIRMED and after.decisions[later].note == "checked"
    assert session.read_bytes() != saved
    with Review.open(session) as again:  # what was decided while loading undoes to what was saved before
        assert again.undo() == f"mark {again.named_claim(first)} confirmed"
        assert again.decision(first).verdict == Verdict.DISPUTED


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
        await wait_until(pilot, lambda: ready(app), "the whole batch")
        await pilot.pause()
        assert m.claim is not None and m.claim.id == mine
        await pilot.press("q")


async def test_quitting_while_loading_saves_what_was_decided_and_frees_the_session(
    seeds_copy, tmp_path, gate
):
    """Quitting while the batch loads saves the decisions made meanwhile (the normal quit), beside the
    session's saved decisions on articles not read yet; moving alone writes nothing."""
    session = tmp_path / "s.toml"
    gate.set()
    with Review.open(session, [str(seeds_copy)], reviewer="alice") as r:  # (someone else: see below)
        last = r.claims(r.corpus.articles[-1].key)[0].id
        r.mark(last, Verdict.CONFIRMED, note="saved before")
        r.save()
    saved = session.read_bytes()
    gate.clear()
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app), "the main screen")
        await pilot.press("j", "k", "q")
    assert session.read_bytes() == saved  # nothing decided: nothing written
    gate.set()
    await _wait_for_lock(session)
    gate.clear()
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app), "the main screen")
        m = app.screen
        assert isinstance(m, MainScreen) and app.loading
        first = m.claim.id if m.claim else ""
        await pilot.press("d", "q")
        gate.set()  # the worker goes on to the next article, sees the app gone and stops
    assert app.error is None and app.save_error is None
    data = sess.load(session)
    assert data.decisions[first].verdict == Verdict.DISPUTED
    assert data.decisions[first].reviewer == sess.reviewer_name() != "alice"  # who made it, not the last one
    assert data.decisions[last].verdict == Verdict.CONFIRMED and data.decisions[last].note == "saved before"
    # the worker stops and releases the session's lock; the session reopens with both, and the decision
    # made while loading is in its history (undone by the next sitting's undo)
    again = await _wait_for_lock(session)
    with again:
        assert again.decision(first).verdict == Verdict.DISPUTED
        assert again.decision(last).verdict == Verdict.CONFIRMED
        assert again.undo() == f"mark {again.named_claim(first)} disputed"
        assert again.decision(first).verdict == Verdict.UNREVIEWED


async def _wait_for_lock(session: Path) -> Review:
    """The session opened writable, once the worker of a closed app has let it go."""
    for _ in range(200):
        again = Review.open(session)
        if not again.readonly:
            return again
        again.close()
        time.sleep(0.05)
    raise AssertionError(again.lock_message)


def test_preview_review_refuses_what_needs_the_batch_and_counts_what_was_read(seeds_copy, tmp_path):
    with Review.open(tmp_path / "s.toml", [str(seeds_copy)]) as full:
        items = [(a, full.claims(a.key, include_dismissed=True)) for a in full.corpus.articles[:2]]
    preview = Review.preview(Path(tmp_path / "s.toml"), sess.SessionData())
    preview.add_loaded(items, 2, 5)
    assert not preview.readonly and preview.loading == (2, 5)
    cid, other = items[0][1][0].id, items[1][1][0].id
    assert preview.claim(cid) is items[0][1][0]
    with pytest.raises(
        Exception, match=r"still loading the batch \(2/5 articles read\): events can be merged"
    ):
        preview.merge_groups(cid, other)
    for refused in (
        lambda: preview.apply_to_group(cid, Verdict.CONFIRMED),
        lambda: preview.take_out_of_group(cid),
        lambda: preview.add_claim(items[0][0].key, 0, 10),
    ):
        with pytest.raises(Exception, match="still loading"):
            refused()
    preview.mark(cid, Verdict.CONFIRMED)
    assert preview.decision(cid).verdict == Verdict.CONFIRMED and preview.dirty
    locked = Review.preview(Path(tmp_path / "s.toml"), sess.SessionData(), readonly=True, lock_message="held")
    locked.add_loaded(items, 2, 5)
    with pytest.raises(Exception, match="held"):
        locked.mark(cid, Verdict.CONFIRMED)


def test_the_opened_review_makes_again_what_was_done_on_the_preview(seeds_copy, tmp_path, monkeypatch):
    """``take_over``: each step made on the preview is made again on the opened review, in order, with undo and
    redo; a step that changes nothing there (its decision re-attached meanwhile) does not shift the others;
    the preview never touched the opened review's articles."""
    import datetime as dt

    path = tmp_path / "s.toml"
    with Review.open(path, [str(seeds_copy)]) as r:
        r.save()
    data = sess.load(path)
    with Review.open(path) as full:
        arts = full.corpus.articles
        items = [(a, full.claims(a.key, include_dismissed=True)) for a in arts]
        a, b, c, d = (items[i][1][0].id for i in range(4))
        key = arts[1].key
        published = {x.key: x.published for x in arts}
        full.mark(c, Verdict.DISPUTED)  # what the open review already has (a decision re-attached, say)
        preview = Review.preview(path, data)
        preview.add_loaded(items, len(items), len(items))
        preview.mark(a, Verdict.CONFIRMED, note="one")
        preview.mark(b, Verdict.DISPUTED)
        preview.undo()  # b back to unreviewed
        preview.mark(c, Verdict.DISPUTED)  # a no-op once made again on the opened review
        preview.undo()  # ... so is its undo there: the opened review keeps its own decision on c
        preview.set_published(key, dt.date(2024, 4, 20))
        preview.set_published(arts[2].key, dt.date(2024, 4, 21))
        preview.dismiss(d)
        preview.undo()
        preview.redo()
        assert preview.undo() is not None and preview.redo() is not None
        assert {x.key: x.published for x in arts} == published  # the opened review's articles: untouched
        assert preview.corpus.article(key).published == dt.date(2024, 4, 20)  # type: ignore[union-attr]
        regrouped: list[int] = []
        real_regroup = pipeline.regroup
        monkeypatch.setattr(
            pipeline, "regroup", lambda *a, **k: (regrouped.append(1), real_regroup(*a, **k))[1]
        )
        assert full.take_over(preview) == []
        assert regrouped == [1]  # two dates set meanwhile: the batch regrouped once, at the end
        assert full.corpus.article(arts[2].key).published == dt.date(2024, 4, 21)  # type: ignore[union-attr]
        assert full.decision(a).verdict == Verdict.CONFIRMED and full.decision(a).note == "one"
        assert b not in full.data.decisions
        assert full.decision(c).verdict == Verdict.DISPUTED
        assert full.decision(d).dismissed
        assert full.corpus.article(key).published == dt.date(2024, 4, 20)  # type: ignore[union-attr]
        assert full.undo() == f"dismiss {full.named_claim(d)}"
        assert full.undo() == f"publication date of {full.named_article(arts[2].key)}"
        assert full.undo() == f"publication date of {full.named_article(key)}"
        assert full.corpus.article(key).published == published[key]  # type: ignore[union-attr]
        assert full.undo() == f"mark {full.named_claim(a)} confirmed"
        assert (
            full.undo() == f"mark {full.named_claim(c)} disputed"
        )  # the open review's own step, made before
        assert full.undo() is None


async def test_a_batch_read_at_once_opens_without_a_hitch(seeds_copy, tmp_path):
    """The opened review can arrive before the preview's screen is even mounted (a warm cache): it takes over
    all the same."""
    session = tmp_path / "s.toml"
    with Review.open(session, [str(seeds_copy)]) as r:  # (fills the cache)
        r.save()
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app) and ready(app), "the whole batch")
        await pilot.pause()
        m = app.screen
        assert isinstance(m, MainScreen) and m.review is app.review
        assert len(m.keys) == 5 and "loading" not in status_text(m)
        cid = m.claim.id
        await pilot.press("c")
        assert m.review.decision(cid).verdict == Verdict.CONFIRMED
        await pilot.press("q")
    assert app.error is None


async def test_a_batch_of_unknown_size_says_how_many_files_are_read(seeds_copy, tmp_path, gate, monkeypatch):
    """Articles extracted while the batch is still being read come with no total yet (0): the screen said
    "1 of …" and "loading 1…" (at 1,200 inputs "loading 795…": how long is left, nobody could tell; qa24).
    The input files are listed before any is read: the status line and the article list say how many of
    them are read, of how many ("loading 5/5 files", "1 · 5/5 files"), never "of 0" or "grouping…"."""
    monkeypatch.setattr(pipeline, "FIRST_CHUNK", 1)  # the first article is extracted as soon as it is read
    monkeypatch.setattr(pipeline, "CHUNK_SECONDS", 600)  # the others once every file is read
    app = make_app(
        None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], tmp_path / "s.toml")
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app), "the main screen")
        m = app.screen
        assert isinstance(m, MainScreen) and m.review.loading is not None
        assert m.review.loading == (1, 0)  # the rest waits on the gate: no total yet
        # every seed file is read (the extraction of the second article waits on the gate): the last count
        # is always told
        await wait_until(pilot, lambda: m.review.files_read == (5, 5), "the number of files")
        assert "loading 5/5 files" in status_text(m) and "grouping" not in status_text(m)
        assert str(m.article_list.border_subtitle) == "1 · 5/5 files"
        told: list[str] = []
        m.notify = lambda message, **kw: told.append(str(message))  # type: ignore[method-assign]
        await pilot.press("g")  # the groups screen waits for the batch, and says how far it is
        assert any("(1 article read, 5 of 5 files)" in t for t in told), told
        gate.set()
        await wait_until(pilot, lambda: ready(app), "the whole batch")
        assert "loading" not in status_text(m)


async def test_quitting_while_loading_when_the_save_fails_asks_again(seeds_copy, tmp_path, gate, monkeypatch):
    """The normal quit: a decision made while loading that cannot be saved keeps the app open with the
    reason; a second quit leaves without saving there, the decision written to a rescue copy."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    session = tmp_path / "s.toml"
    gate.set()
    with Review.open(session, [str(seeds_copy)]) as r:
        r.save()
    saved = session.read_bytes()
    gate.clear()
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app), "the main screen")
        m = app.screen
        assert isinstance(m, MainScreen) and app.loading
        told: list[str] = []
        app.notify = lambda message, **kw: told.append(str(message))  # type: ignore[method-assign]
        session.chmod(0o444)  # (made read-only after the app opened it)
        try:
            await pilot.press("d", "q")
            await pilot.pause()
            assert app.is_running and app.loading
            assert any("Could not save" in s and "again to quit without saving" in s for s in told)
            await pilot.press("q")
            await pilot.pause()
        finally:
            gate.set()
    session.chmod(0o644)
    assert session.read_bytes() == saved
    assert app.rescued is not None and app.rescued.parent == tmp_path / "tmp"
    assert [d.verdict for d in sess.load(app.rescued).decisions.values()] == [Verdict.DISPUTED]


def test_a_date_set_and_undone_while_loading_goes_back_to_the_article_s_own(seeds_copy, tmp_path):
    import datetime as dt

    with Review.open(tmp_path / "s.toml", [str(seeds_copy)]) as full:
        items = [(a, full.claims(a.key, include_dismissed=True)) for a in full.corpus.articles[:2]]
    art = items[1][0]
    own = (art.published, art.published_source)
    preview = Review.preview(Path(tmp_path / "s.toml"), sess.SessionData())
    preview.add_loaded(items, 2, 5)
    preview.set_published(art.key, dt.date(2020, 1, 2))
    mine = preview.corpus.article(art.key)
    assert mine is not art and mine is not None and mine.published == dt.date(2020, 1, 2)
    assert [c.id for c in preview.claims(art.key)] == [c.id for c in items[1][1]]  # the same claims, re-dated
    assert preview.undo() == f"publication date of {preview.named_article(art.key)}"
    assert (mine.published, mine.published_source) == own
    assert preview.redo() is not None and mine.published == dt.date(2020, 1, 2)
    assert (art.published, art.published_source) == own  # the opened review's article never changed
    assert preview.corpus.articles[0] is items[0][0]  # nor was any other article copied


async def test_a_bug_while_taking_over_loses_no_decision(seeds_copy, tmp_path, gate, monkeypatch):
    """Should making the changes again on the opened review fail on a bug, the app says so and ends, and the
    decisions made while loading are saved as they were made."""
    session = tmp_path / "s.toml"

    def broken(self, preview):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    monkeypatch.setattr(Review, "take_over", broken)
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app), "the main screen")
        m = app.screen
        assert isinstance(m, MainScreen) and app.loading
        first = m.claim.id if m.claim else ""
        await pilot.press("d")
        gate.set()
        await wait_until(pilot, lambda: app.error is not None, "the error")
    assert app.error is not None and "RuntimeError: boom" in app.error
    assert sess.load(session).decisions[first].verdict == Verdict.DISPUTED


def test_speakers_titles_and_outlets_set_while_loading_show_on_copies_and_are_kept(seeds_copy, tmp_path):
    """A speaker, title or outlet set on the preview shows on its own copies of the claim and the article
    (never on the opened review's objects), undoes back to what was read, and is made again by take_over."""
    path = tmp_path / "s.toml"
    with Review.open(path, [str(seeds_copy)]) as r:
        r.save()
    data = sess.load(path)
    with Review.open(path) as full:
        arts = full.corpus.articles
        items = [(a, full.claims(a.key, include_dismissed=True)) for a in arts]
        art, claim = arts[0], items[0][1][0]
        read = (art.title, art.outlet, claim.speaker)
        preview = Review.preview(path, data)
        preview.add_loaded(items, len(items), len(items))
        preview.set_speaker(claim.id, "Ana Lima")
        preview.set_title(art.key, "A title of mine")
        preview.set_outlet(art.key, "Daily Test")
        mine, shown = preview.claim(claim.id), preview.corpus.article(art.key)
        assert mine is not claim and mine.speaker == "Ana Lima"
        assert preview.claims(art.key)[0] is mine  # what the screen lists
        assert shown is not art and shown is not None
        assert (shown.title, shown.outlet) == ("A title of mine", "Daily Test")
        assert (art.title, art.outlet, claim.speaker) == read  # the opened review's: untouched
        assert preview.undo() == "outlet of Daily Test 'A title of mine'"
        assert shown.outlet == read[1]
        assert preview.redo() is not None
        assert full.take_over(preview) == []
        assert full.claim(claim.id).speaker == "Ana Lima"
        assert (art.title, art.outlet) == ("A title of mine", "Daily Test")
        assert full.undo() == "outlet of Daily Test 'A title of mine'" and art.outlet == read[1]
        assert full.undo() == f"title of {read[1]} 'A title of mine'" and art.title == read[0]
        assert (
            full.undo() == f"speaker of {full.named_claim(claim.id)}"
            and full.claim(claim.id).speaker == read[2]
        )


@pytest.mark.parametrize(
    ("keys", "check"),
    [
        (("t", "ctrl+u", *"A title of mine"), lambda r, a, c: r.corpus.article(a).title == "A title of mine"),
        (("O", "ctrl+u", *"Daily Test"), lambda r, a, c: r.corpus.article(a).outlet == "Daily Test"),
        (("S", "ctrl+u", *"Ana Lima"), lambda r, a, c: r.claim(c).speaker == "Ana Lima"),
        (("p", "ctrl+u", *"2024-04-20"), lambda r, a, c: str(r.corpus.article(a).published) == "2024-04-20"),
        (
            ("o", *"https://example.org/x"),
            lambda r, a, c: r.decision(c).evidence == ("https://example.org/x",),
        ),
    ],
)
async def test_a_dialog_open_when_the_batch_finishes_loading_is_not_lost(
    seeds_copy, tmp_path, gate, keys, check
):
    """A reviewer opened a dialog (title, outlet, speaker, date, evidence) while the batch loaded; the batch
    finished before they pressed enter: the status line said the change was made, but it went to the
    discarded preview and was never saved."""
    session = tmp_path / "s.toml"
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app), "the main screen")
        m = app.screen
        assert isinstance(m, MainScreen) and app.loading and m.article and m.claim
        key, first = m.article.key, m.claim.id
        await pilot.press(*keys)
        gate.set()
        await wait_until(pilot, lambda: ready(app), "the whole batch")
        await pilot.press("enter")
        await wait_until(pilot, lambda: session.exists() and not app.review.dirty, "the autosave")
        assert m.review is app.review and check(app.review, key, first)
        await pilot.press("q")
    assert not app.error
    with Review.open(session, readonly=True) as r:
        assert check(r, key, first)


async def test_a_session_whose_corpus_moved_says_its_decisions_are_kept_and_how_to_open_it(tmp_path):
    """`factcheck review --session s.toml` after the articles' folder moved said only "…/corpus: no such file
    or folder" (status and report add that the decisions are kept and to give the articles' place)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "The city council approved the Elm Street bridge on Monday by 7 votes to 2, the mayor said.\n",
        encoding="utf-8",
    )
    session = tmp_path / "s.toml"
    with Review.open(session, [str(corpus)]) as r:
        r.mark(r.claims("a.txt")[0].id, Verdict.CONFIRMED)
        r.save()
    corpus.rename(tmp_path / "moved")
    app = make_app(None, Config(), opener=opener_for([], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.error is not None, "the error")
    assert app.error is not None
    assert "no such file or folder" in app.error, app.error
    assert "1 decision(s) are kept" in app.error and f"--session {session}" in app.error, app.error


async def test_the_saved_cursor_is_reached_as_soon_as_its_article_is_read(seeds_copy, tmp_path, monkeypatch):
    """A session resumed while its batch loads went to its cursor only once the whole batch was read: the
    first article shown wrote its own place over the preview's cursor, so the saved one was lost until the
    load ended (a 1,200-article batch: minutes on the first article, then a jump away from what the reviewer
    had started reading). The cursor's article is the second one here: the screen goes to it as soon as it is
    read, while the rest still loads, and stays there when the batch is read."""
    session = tmp_path / "s.toml"
    with Review.open(session, [str(seeds_copy)]) as r:
        second_key = r.corpus.articles[1].key
        later = r.claims(second_key)[1].id
        r.set_cursor(second_key, later)
        r.save()
    second, rest = threading.Event(), threading.Event()
    real = pipeline._extract_one

    def slow(article):  # type: ignore[no-untyped-def]
        if article.key.startswith("001_"):  # the cursor's article: once the first one is on screen
            second.wait(60)
        elif not article.key.startswith("000_"):
            rest.wait(60)
        return real(article)

    monkeypatch.setattr(pipeline, "_extract_one", slow)
    monkeypatch.setattr(tui_app, "STREAM_INTERVAL", 0.0)  # each article sent to the screen once read
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    cache.reset()
    try:
        app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: main_up(app), "the main screen")
            m = app.screen
            assert isinstance(m, MainScreen)
            assert m.article is not None and m.article.key != second_key  # not read yet: the first one
            second.set()
            await wait_until(pilot, lambda: len(m.review.corpus.articles) >= 2, "the second article")
            await pilot.pause()
            assert app.loading  # the rest is still being read
            assert m.article is not None and m.article.key == second_key
            assert m.claim is not None and m.claim.id == later
            rest.set()
            await wait_until(pilot, lambda: ready(app), "the whole batch")
            await pilot.pause()
            assert m.article is not None and m.article.key == second_key
            assert m.claim is not None and m.claim.id == later
            await pilot.press("q")
    finally:
        second.set()
        rest.set()
        cache.reset()


async def test_orphans_and_unread_inputs_wait_for_the_batch(seeds_copy, tmp_path, gate):
    """While the batch loaded, the palette's "decisions attached to no claim" listed every saved decision
    whose claim was not read yet, or not yet re-attached to its edited article, as an orphan (8 on a session
    that had 2), and "inputs not read" said every input was read before any had failed. Both wait for the
    batch, as the groups screen does, and say so."""
    session = tmp_path / "s.toml"
    gate.set()
    with Review.open(session, [str(seeds_copy)]) as r:
        last = r.claims(r.corpus.articles[-1].key)[0].id
        r.mark(last, Verdict.CONFIRMED)
        r.save()
    gate.clear()
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(seeds_copy)], session))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_up(app), "the main screen")
        m = app.screen
        assert isinstance(m, MainScreen) and app.loading
        told: list[str] = []
        m.notify = lambda message, **kw: told.append(str(message))  # type: ignore[method-assign]
        for action in ("show_orphans", "show_unread"):
            await m.run_action(action)
            await pilot.pause()
            assert app.screen is m, action
        assert any("Still loading the batch" in s and "no claim" in s for s in told), told
        assert any("Still loading the batch" in s and "not read" in s for s in told), told
        gate.set()
        await wait_until(pilot, lambda: ready(app), "the whole batch")
        await m.run_action("show_orphans")
        await pilot.pause()
        assert app.screen is not m  # once read, the list (none here: the saved decision is on its claim)
        assert "(0)" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("escape")
        await pilot.press("q")


async def test_the_loading_screen_says_how_many_files_are_read_of_how_many(tmp_path):
    """Before the session is read and the first article shown, the loading screen said "Reading articles…
    795" with a bar of unknown length; the number of input files (listed before any is read) gives it a
    length: "Reading articles… 0 · 3 of 10 files"."""
    from textual.widgets import Label, ProgressBar

    from factcheck.tui.app import LoadingScreen

    go_on = threading.Event()

    def opener(loading):  # type: ignore[no-untyped-def]
        loading.files_read(0, 10)
        loading.files_read(3, 10)  # (not sent: within STREAM_INTERVAL of the listing's)
        loading.files_read(10, 10)  # (the last is always sent)
        go_on.wait(30)
        raise tui_app.LoadCancelled

    app = make_app(None, Config(autosave_delay=0.05), opener=opener)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, LoadingScreen), "the loading screen")
        label = app.screen.query_one("#loading-label", Label)
        await wait_until(pilot, lambda: "10 of 10 files" in str(label.render()), "the files read")
        assert str(label.render()) == "Reading articles… 0 · 10 of 10 files"
        bar = app.screen.query_one(ProgressBar)
        assert bar.total == 10 and bar.progress == 10
        app.screen.progress(40, 0)  # articles read meanwhile: their number too
        assert str(label.render()) == "Reading articles… 40 · 10 of 10 files"
        app.screen.progress(40, 45)  # once the batch is read, its articles' total
        assert str(label.render()) == "Reading articles… 40/45" and bar.total == 45
        go_on.set()
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+q")
