"""A session folder made read-only (or a disk that fills up) while a review holds its journal open: the
review says so, keeps every change in memory, and a save once the folder takes files again, or the rescue
copy on the way out, holds every decision. A remount read-only is refused while a file is open for writing,
so the folder's refusal is injected: every ``write`` and ``rename`` into it raises EROFS / EACCES / ENOSPC."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("textual")

from pilot_steps import settle  # tests/pilot_steps.py

from factcheck import session as sess
from factcheck.model import Verdict
from factcheck.review import Review
from factcheck.session.journal import journal_path
from factcheck.tui.app import make_app
from factcheck.tui.config import Config
from factcheck.tui.screens.main import MainScreen


def _refuse_in(folder: Path, code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write to a file of ``folder`` and every rename into it raise OSError(``code``)."""
    real_write, real_replace, real_rename = os.write, os.replace, os.rename
    inside = str(folder.resolve()) + os.sep

    def in_folder(fd: int) -> bool:
        try:
            return os.readlink(f"/proc/self/fd/{fd}").startswith(inside)
        except OSError:
            return False

    def write(fd: int, b: bytes) -> int:
        if in_folder(fd):
            raise OSError(code, os.strerror(code))
        return real_write(fd, b)

    def moved(real):
        def move(src, dst, **kw):
            if os.path.abspath(dst).startswith(inside):
                raise OSError(code, os.strerror(code), str(dst))
            return real(src, dst, **kw)

        return move

    monkeypatch.setattr(os, "write", write)
    monkeypatch.setattr(os, "replace", moved(real_replace))
    monkeypatch.setattr(os, "rename", moved(real_rename))


def _notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES, errno.ENOSPC])
@pytest.mark.parametrize("then", ["retry", "quit"])
async def test_a_folder_that_refuses_files_while_the_review_runs_loses_no_decision(
    seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, then: str
):
    folder = tmp_path / "sessions"
    folder.mkdir()
    session = folder / "review.toml"
    rescue = tmp_path / "tmp"
    rescue.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(rescue))
    r = Review.open(session, [str(seeds_copy)])
    app = make_app(r, Config(autosave_delay=60))  # (saved by ctrl+s: a crash keeps what the journal holds)
    refused = pytest.MonkeyPatch()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            m = app.screen
            assert isinstance(m, MainScreen)
            first = m.claim.id
            await pilot.press("c", "ctrl+s")  # journaled and saved as usual
            await settle(app, pilot)
            assert session.is_file() and app.save_error is None
            _refuse_in(folder, code, refused)
            await pilot.press("j", "d")  # the journal cannot take it
            second = m.claim.id
            await pilot.press("j", "c")
            third = m.claim.id
            await pilot.press("ctrl+s")  # nor can the session file
            await settle(app, pilot)
            told = _notices(app)
            assert any("The journal cannot be written" in n and os.strerror(code) in n for n in told), told
            assert any(n.startswith("Could not save") for n in told), told
            assert app.save_error and r.dirty
            assert r.decision(second).verdict == Verdict.DISPUTED  # kept in memory
            assert r.decision(third).verdict == Verdict.CONFIRMED
            assert sess.loads(session.read_text("utf-8")).decisions.get(second) is None  # (not on disk)
            if then == "retry":  # the folder takes files again: the next change writes the journal whole
                refused.undo()
                await pilot.press("j", "d")
                fourth = m.claim.id
                await settle(app, pilot)
                assert r.journal_error is None
                crashed = sess.load(session)  # what a process killed now leaves
                assert [crashed.decisions[c].verdict for c in (first, second, third, fourth)] == [
                    Verdict.CONFIRMED,
                    Verdict.DISPUTED,
                    Verdict.CONFIRMED,
                    Verdict.DISPUTED,
                ], crashed.notices
                await pilot.press("ctrl+s")  # and a save holds every change
                await pilot.pause(0.1)
                await settle(app, pilot)
                assert app.save_error is None and not r.dirty
            else:
                await pilot.press("q")  # "Could not save ... press q again"
                await pilot.pause()
                assert app.is_running
            await pilot.press("q")
    finally:  # (a quit: the app ended, its decisions written to the rescue copy, before the folder heals)
        refused.undo()
    if then == "retry":
        kept = sess.load(session)
        assert not journal_path(session).exists()  # (everything saved: removed on the way out)
    else:
        assert app.rescued is not None and app.rescued.parent == rescue, app.save_error
        kept = sess.load(app.rescued)
    assert kept.decisions[first].verdict == Verdict.CONFIRMED
    assert kept.decisions[second].verdict == Verdict.DISPUTED
    assert kept.decisions[third].verdict == Verdict.CONFIRMED
