"""Every key that would change the session, in a review that cannot change it (a backup opened read-only, a
session another factcheck holds, --readonly): each says why in one line, a notification titled "Read-only"
that a small terminal shows whole (fix28). The whole reason, with its advice, filled up to nine lines of a
notification, and at 30x10 only its end was on the screen ("...opened read-only — nothing is saved")."""

from __future__ import annotations

import pytest

pytest.importorskip("textual")

from pilot_steps import settle  # tests/pilot_steps.py
from textual.binding import Binding

from factcheck.model import Verdict
from factcheck.review import Review
from factcheck.tui import bindings
from factcheck.tui.app import make_app
from factcheck.tui.screens.groups import GroupDetailScreen, GroupsScreen
from factcheck.tui.screens.main import MainScreen

EDITING_KEYS = [b.key.split(",")[0] for b in bindings.MAIN_BINDINGS if b.mutating]
GROUP_EDITING_KEYS = ["c", "d", "u", "s", "x", "ctrl+z", "ctrl+y"]


def _backup_of(tmp_path, seeds_copy):
    """A session saved twice (a backup beside it), and its backup opened as `review --session` opens it."""
    session = tmp_path / "s.toml"
    r = Review.open(session, [str(seeds_copy)])
    cid = r.claims(r.corpus.articles[0].key)[0].id
    r.mark(cid, Verdict.CONFIRMED)
    r.save()
    r.mark(cid, Verdict.DISPUTED)
    r.save()
    r.close()
    return (
        Review.open(tmp_path / "s.toml.bak1"),
        "s.toml.bak1 is a backup of s.toml: nothing can be changed",
        None,
    )


def _locked(tmp_path, seeds_copy):
    session = tmp_path / "s.toml"
    holder = Review.open(session, [str(seeds_copy)])
    holder.save()
    return Review.open(session), "s.toml is open in another factcheck: nothing can be changed", holder


def _readonly(tmp_path, seeds_copy):
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)], readonly=True)
    return r, "opened read-only (--readonly): nothing can be changed", None


# (a key that has nothing to act on says so first: `a` on a claim with no suggestion to accept)
NOTHING_TO_DO = {"a": ("", "No open suggestion for this claim.")}


async def _says(app, pilot, key: str, line: str) -> None:
    before = len(app._notifications)
    screen = app.screen
    await pilot.press(key)
    await pilot.pause()
    said = [(n.title, n.message) for n in list(app._notifications)[before:]]
    assert said in ([("Read-only", line)], [NOTHING_TO_DO.get(key)]), (key, said)
    assert app.screen is screen, key  # (no dialog opened for a change that cannot be made)


@pytest.mark.parametrize("opened", [_backup_of, _locked, _readonly])
async def test_every_editing_key_of_a_read_only_review_says_why_in_one_line(tmp_path, seeds_copy, opened):
    r, line, holder = opened(tmp_path, seeds_copy)  # (the holder of the lock is kept open until the end)
    assert r.readonly
    app = make_app(r)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen) and app.screen.claim is not None
        for key in EDITING_KEYS:
            await _says(app, pilot, Binding(key, "").key, line)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
        groups = app.screen
        groups.table.highlighted = max(range(len(groups.groups)), key=lambda i: len(groups.groups[i].claims))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GroupDetailScreen)
        for key in GROUP_EDITING_KEYS:
            await _says(app, pilot, key, line)
    assert r.readonly
    if holder is not None:
        holder.close()


async def test_a_small_terminal_shows_why_whole(tmp_path, seeds_copy):
    r, line, _ = _backup_of(tmp_path, seeds_copy)
    app = make_app(r)
    async with app.run_test(size=(30, 10), notifications=True) as pilot:
        await settle(app, pilot)
        app.clear_notifications()
        await pilot.pause()
        await _says(app, pilot, "c", line)
        await pilot.pause()
        shown = app.export_screenshot()
        for word in ("Read-only", "backup", "nothing", "changed"):
            assert word in shown, word
