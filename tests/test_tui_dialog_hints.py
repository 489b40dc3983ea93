"""Each dialog's hint line says what every key it lists does."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("textual")

from pilot_steps import settle  # tests/pilot_steps.py
from textual.widgets import Label

from factcheck.review import Review
from factcheck.tui.app import make_app
from factcheck.tui.screens.main import MainScreen
from factcheck.tui.screens.modals import Dialog


def _bare_keys(hint: str) -> list[str]:
    """The parts of a hint ("enter add · escape") that name a key and no action."""
    return [part for part in hint.split(" · ") if len(part.split()) < 2]


@pytest.mark.parametrize(
    "keys",
    [
        ("e",),  # the note
        ("plus",),  # add a claim
        ("o",),  # evidence to add
        ("E",),  # the evidence to open or remove
        ("p",),  # the publication date
        ("slash",),  # the filter
        ("R",),  # the report
    ],
)
async def test_a_dialogs_hint_says_what_each_of_its_keys_does(
    seeds_copy: Path, tmp_path: Path, keys: tuple[str, ...]
) -> None:
    """The add-claim dialog (`+`) ended its hint with a bare "escape", as did the evidence dialog (`E`):
    every other dialog says "escape cancel" or "escape closes"."""
    review = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(review)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        if keys == ("E",):  # (E opens only on a claim with evidence)
            await pilot.press("o", *"https://example.org/a", "enter")
            await settle(app, pilot)
        await pilot.press(*keys)
        await settle(app, pilot)
        assert isinstance(app.screen, Dialog), type(app.screen)
        hints = [str(label.render()) for label in app.screen.query(".dialog-hint").results(Label)]
        assert hints
        for hint in hints:
            assert not _bare_keys(hint), hint


@pytest.mark.parametrize("size", [(30, 10), (80, 24), (120, 40)])
async def test_help_says_how_to_scroll_and_scrolls(
    seeds_copy: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    """At 30x10 the help's hint was cut to "escape closes · keys ca…": nothing said how to read on. It now
    begins with how to scroll, which is seen at every size, and ↓ / j scroll the help there."""
    from textual.containers import VerticalScroll

    from factcheck.tui.screens.help import HelpScreen

    review = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(review)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        hint = app.screen.query_one(".dialog-hint", Label)
        said = "↑↓ scroll · esc closes"
        assert str(hint.render()).startswith(said)
        # on the screen, with room for those words (the rest of the line may be cut off)
        assert hint.region.width >= len(said) and hint.region.y + hint.region.height <= size[1]
        body = app.screen.query_one(".dialog-body", VerticalScroll)
        if body.max_scroll_y:
            await pilot.press("down", "j")
            await settle(app, pilot)
            assert body.scroll_y == 2
        assert size != (30, 10) or body.max_scroll_y > 0  # (there the help needs scrolling)
