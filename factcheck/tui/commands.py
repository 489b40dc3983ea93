"""Command palette (ctrl+p): every action of the main screen by name."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from factcheck.tui.bindings import MAIN_BINDINGS

if TYPE_CHECKING:
    from factcheck.tui.screens.main import MainScreen

EXTRA = [
    (
        "Session: decisions attached to no claim (orphans)",
        "show_orphans",
        "decisions kept from claims no longer in the articles (an article deleted, a sentence edited or no longer"
        " read as a claim)",
    ),
    (
        "Session: inputs not read",
        "show_unread",
        "the files and pages of the batch that could not be read, each with why",
    ),
    ("Filter: clear", "clear_filter", "show every claim again"),
    ("Filter: unreviewed claims only", "filter_verdict('unreviewed')", "hide claims that have a verdict"),
    ("Filter: disputed claims only", "filter_verdict('disputed')", "show disputed claims"),
    ("Report: write Markdown", "write_report('md')", "a readable summary of every verdict"),
    ("Report: write CSV", "write_report('csv')", "one row per claim"),
    ("Report: write JSON", "write_report('json')", "everything, for other tools"),
    ("Report: write ClaimReview", "write_report('claimreview')", "schema.org ClaimReview JSON-LD"),
]


class FactcheckCommands(Provider):
    def _commands(self) -> list[tuple[str, str, str]]:
        """Every main-screen action with its keys as the reviewer's keymap has them, then the extras."""
        from factcheck.tui.app import FactcheckApp  # (app.py imports this module)

        out = []
        keymap = self.app.keymap if isinstance(self.app, FactcheckApp) else {}
        for b in MAIN_BINDINGS:
            keys = keymap.get(b.id or "", b.key)
            shown = ", ".join(self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
            out.append((b.tooltip or b.description, b.action, f"key {shown}"))
        return out + EXTRA

    def _main(self) -> MainScreen | None:
        from factcheck.tui.screens.main import MainScreen

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, MainScreen):
                return screen
        return None

    async def _run(self, action: str) -> None:
        main = self._main()
        if main is None:
            return
        if action.startswith("app."):
            await self.app.run_action(action[4:])
        else:
            await main.run_action(action)

    async def discover(self) -> Hits:
        if self._main() is None:
            return
        for name, action, help_text in self._commands():
            yield DiscoveryHit(name, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        if self._main() is None:
            return
        matcher = self.matcher(query)
        for name, action, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, action), help=help_text)
