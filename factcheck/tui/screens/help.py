"""Help for the focused part of the screen, and every key of the screen (as remapped by the user's config)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label, Static

from factcheck.tui.config import config_path

INTRO = (
    "Work through the claims of each article: give each a verdict (confirmed, disputed, superseded by a later "
    "claim), a note and evidence. The event panel shows what other outlets said about the same event. Every "
    "decision is saved automatically and can be undone."
)

EXTRA_KEYS = [
    ("tab / shift+tab", "move focus between the panes"),
    ("↑ ↓", "move in the focused list"),
    ("ctrl+p", "command palette: every action by name"),
    # (a note typed in its dialog is kept; a line typed in a one-line dialog is asked about: InputModal)
    (
        "ctrl+q",
        "quit (saves first, with a note being typed; asks first when a one-line dialog holds typed text)",
    ),
]


class HelpScreen(ModalScreen[None]):
    # under 60 columns the keys and their descriptions are one column (a description beside an 18-cell key
    # column had two cells to wrap in at 30x10)
    HORIZONTAL_BREAKPOINTS = [(0, "-slim"), (60, "-roomy")]  # noqa: RUF012 (as Textual declares it: no ClassVar)
    # j / k scroll as the arrows do (they move the claims below, where the help is read from; they did nothing)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close", id="help-close"),
        Binding("j", "scroll_body(1)", show=False),
        Binding("k", "scroll_body(-1)", show=False),
    ]

    def __init__(
        self, focused: Widget | None, bindings: Sequence[Binding], keymap: dict[str, str] | None = None
    ) -> None:
        super().__init__(id="help")
        self._focused = focused
        self._listed = list(bindings)
        self._keymap = keymap or {}  # binding id -> the user's keys

    def _part_help(self) -> tuple[str, str]:
        node: DOMNode | None = self._focused
        while node is not None:
            text = getattr(type(node), "HELP", None)
            if isinstance(text, str):
                name = getattr(type(node), "HELP_TITLE", None) or type(node).__name__
                return (str(name), text)
            node = node.parent
        return ("factcheck", INTRO)

    def on_mount(self) -> None:
        # (as a dialog does: the notices showing were there before the reviewer asked for help, and in a
        # small window the "Not read" one covered the help for its 30 s; the palette lists those inputs again)
        self.app.clear_notifications()

    def compose(self) -> ComposeResult:
        part, text = self._part_help()
        keymap = self._keymap
        rows: list[tuple[str, str]] = []
        for b in self._listed:
            if not b.description:
                continue
            keys = keymap.get(b.id or "", b.key)
            shown = ", ".join(self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
            rows.append((shown, b.tooltip or b.description))
        # a key name shown as the bindings' are ("^p", as "^z" above it; "ctrl+p" read as another notation)
        rows += [
            (k if " " in k else self.app.get_key_display(Binding(k, "")), said) for k, said in EXTRA_KEYS
        ]
        with Vertical(classes="dialog -wide -tall"):
            yield Label(Content.assemble(("Help · ", "bold"), part), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(Content(text), classes="help-part")
                yield Static(Content(INTRO), classes="help-part")
                # keys right-aligned in a column, each description wrapping in its own (a long one went on
                # under the keys)
                with Grid(classes="help-keys"):
                    for keys, said in rows:
                        yield Static(Content.styled(keys, "bold $text-accent"), classes="help-key")
                        yield Static(Content(said), classes="help-said")
            # how to scroll first: in a small window the help is read a few lines at a time, and the end of
            # this line is cut off there (at 30x10 it said "escape closes · keys ca…", never how to scroll;
            # "esc", so that "closes" fits there)
            yield Label(
                Content(f"↑↓ scroll · esc closes · keys can be remapped in {_shown(config_path())} [keys]"),
                classes="dialog-hint",
            )

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll_body(self, lines: int) -> None:
        self.query_one(".dialog-body", VerticalScroll).scroll_relative(y=lines, animate=False)


def _shown(path: Path) -> str:
    """``path`` as a reviewer would type it: under the home folder as ``~/...``."""
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)
