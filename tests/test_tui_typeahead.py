"""Keys typed right after `s` or `/`, before the dialog is drawn, go to the dialog, never to the main screen."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("textual")

from pilot_steps import settle  # tests/pilot_steps.py
from textual import events
from textual.widgets import OptionList

from factcheck.model import Verdict
from factcheck.review import Review
from factcheck.tui.app import make_app
from factcheck.tui.screens.main import MainScreen
from factcheck.tui.screens.modals import FilterModal, PickerModal

SIZE = (120, 40)


def _type(app, keys: str) -> None:
    """Keys as a fast typist sends them: all queued before the app handles the first."""
    for k in keys:
        app.post_message(events.Key("slash" if k == "/" else k, k))


async def test_keys_typed_while_the_supersede_picker_is_made_go_to_its_filter(
    seeds_copy, tmp_path: Path, monkeypatch
):
    """On a big batch the picker took 0.6-3 s to open, and a key typed in that time was a main-screen
    command ('c' confirmed the claim). The picker opens at once; its candidates come from a worker, and
    what was typed filters them when they arrive."""
    real = Review.superseding_candidates

    def slow(self, claim_id):
        time.sleep(0.3)  # a big batch's ranking
        return real(self, claim_id)

    monkeypatch.setattr(Review, "superseding_candidates", slow)
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen)
        c = m.claims[0]
        target = real(r, c.id)[-1]
        word = target.id[:6]
        _type(app, "s" + "cd" + word[2:])  # 'c' and 'd' are verdict keys on the main screen
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, PickerModal)
        assert r.decision(c.id).verdict == Verdict.UNREVIEWED
        assert picker.query_one("#picker-filter").value == "cd" + word[2:]
        await pilot.press("ctrl+u", *word)  # clear, then type the id's start
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert r.decision(c.id).superseded_by == target.id
        await pilot.press("q")


async def test_keys_typed_right_after_slash_go_to_the_filter_dialog(seeds_copy, tmp_path: Path):
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen)
        c = m.claims[0]
        _type(app, "/cd")
        await settle(app, pilot)
        assert isinstance(app.screen, FilterModal)
        assert r.decision(c.id).verdict == Verdict.UNREVIEWED
        assert app.screen.query_one("#filter-text").value == "cd"
        await pilot.press("escape")
        await pilot.press("q")


async def test_the_supersede_picker_opens_before_its_candidates_are_ranked(
    seeds_copy, tmp_path: Path, monkeypatch
):
    """The picker is on screen, saying it is loading, while the candidates are ranked in a worker; the
    first candidate is highlighted once they arrive."""
    real = Review.superseding_candidates
    # the ranking waits for the test (a fixed sleep lost the race on a loaded machine)
    ranked = threading.Event()

    def slow(self, claim_id):
        ranked.wait(timeout=30)
        return real(self, claim_id)

    monkeypatch.setattr(Review, "superseding_candidates", slow)
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen)
        c = m.claims[0]
        await pilot.press("s")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerModal)
        ol = picker.query_one(OptionList)
        assert ol.option_count == 1 and str(ol.get_option_at_index(0).prompt) == PickerModal.LOADING
        await pilot.press("enter")  # nothing to pick yet: the dialog stays
        assert app.screen is picker
        ranked.set()
        await settle(app, pilot)
        assert ol.highlighted_option is not None
        assert ol.highlighted_option.id == real(r, c.id)[0].id
        await pilot.press("escape", "q")


async def test_the_picker_lists_its_first_rows_first_and_the_rest_after_the_paint(
    seeds_copy, tmp_path: Path, monkeypatch
):
    """Making and listing 300 two-line rows took most of the time before the picker showed a candidate: the
    first rows are listed at once, the rest (to LIMIT) right after that paint, in the same order."""
    monkeypatch.setattr(PickerModal, "FIRST", 3, raising=False)
    monkeypatch.setattr(PickerModal, "LIMIT", 8)
    made_at_more: list[int] = []
    real_add = OptionList.add_options

    def add(self, options):
        options = list(options)
        made_at_more.append(len(options))
        return real_add(self, options)

    monkeypatch.setattr(OptionList, "add_options", add)
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen)
        c = m.claims[0]
        await pilot.press("s")
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, PickerModal)
        ol = picker.query_one(OptionList)
        assert made_at_more[-2:] == [3, 5]  # 3 at once (set_options adds them), then the other 5
        assert [ol.get_option_at_index(i).id for i in range(ol.option_count)] == [
            o.id for o in r.superseding_candidates(c.id)[:8]
        ]
        assert ol.highlighted == 0
        await pilot.press("escape", "q")


async def test_keys_typed_right_after_e_go_to_the_note(seeds_copy, tmp_path: Path):
    """A note typed fast after `e` (or on a busy machine, before the note dialog was drawn) lost its first
    letters, or all of them: the dialog had no field with the focus yet. 'c' and 'd' are verdict keys."""
    from factcheck.tui.screens.modals import NoteModal

    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen)
        c = m.claims[0]
        _type(app, "echecked it")
        await settle(app, pilot)
        assert isinstance(app.screen, NoteModal)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert r.decision(c.id).verdict == Verdict.UNREVIEWED
        assert r.decision(c.id).note == "checked it"
