"""The key bar: the keys that matter for the focused pane first, as many as fit, never one cut in half.

Textual's Footer lists every shown binding in declaration order and cuts the last one at the edge; here
each key is placed whole or not at all, ordered by the pane it matters in (``ActionBinding.panes`` and
``rank``, looked up by binding id: Textual copies bindings into plain ones), with the key names as the
reviewer's keymap has them.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from factcheck.tui.bindings import BY_ID


def fit_keys(pieces: list[tuple[Content, Content, bool]], width: int) -> Content:
    """One line of keys, each whole: ``pieces`` are (bare, described, must show) in the order to list them.

    A key is described while the keys after it that must show still fit bare; then it is bare, and so is
    every key after it ("x ^z Undo" read as if x had no use). At 30 columns the main screen had room for
    three described keys and none for j, s or e, and a group's screen for none of c, d or s: ? tells what
    a bare key does. Keys that need not show (the main screen's keys of other panes) fill what is left.
    """
    rest = sum(bare.cell_length for bare, _, must in pieces if must)
    parts: list[Content] = []
    used = 0
    bare_now = False
    for bare, described, must in pieces:
        if must:
            rest -= bare.cell_length
        if not bare_now and used + described.cell_length + rest <= width:
            piece = described
        elif used + bare.cell_length + rest <= width:
            piece, bare_now = bare, True
        else:
            continue  # a shorter one further on may still fit
        parts.append(piece)
        used += piece.cell_length
    return Content.assemble(*parts)


class KeyBar(Static):
    DEFAULT_CSS = "KeyBar { height: 1; background: $footer-background; color: $footer-foreground; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._shown: tuple[object, ...] | None = None
        self._pane: str | None = None  # the pane the keys were last listed for

    def show_keys(self, pane: str | None) -> None:
        """List the active keys of the screen, those of ``pane`` (a widget id) first."""
        self._pane = pane
        entries: dict[str, tuple[tuple[int, int], str, str, bool]] = {}
        for active in self.screen.active_bindings.values():
            b = active.binding
            meta = BY_ID.get(b.id or "")
            if meta is None:
                continue  # (Textual's own keys: tab, the palette; the help lists them)
            ident = meta.id or meta.action
            if ident in entries:
                continue  # (a second key of the same binding: the first one is shown)
            if meta.rank < 0:
                order = (-1, meta.rank)
            elif pane is not None and pane in meta.panes:
                order = (0, meta.rank)
            elif "*" in meta.panes:
                order = (1, meta.rank)
            else:
                order = (2, meta.rank)
            entries[ident] = (order, self.app.get_key_display(b), b.description, active.enabled)
        chosen = sorted(entries.values(), key=lambda e: e[0])
        key = (pane, self.size.width, tuple(chosen))
        if key == self._shown:
            return
        self._shown = key
        width = self.size.width or 80
        pieces = []
        for order, name, description, enabled in chosen:
            style = "bold $footer-key-foreground" if enabled else "$text-disabled"
            bare = Content.styled(f" {name}", style)
            described = Content.assemble(bare, (f" {description} ", "" if enabled else "$text-disabled"))
            pieces.append((bare, described, order[0] <= 0))  # (the pane's keys and help must show)
        self.update(fit_keys(pieces, width))

    def on_resize(self) -> None:
        if self._shown is not None:  # listed before: list them again for the new width
            self._shown = None
            self.show_keys(self._pane)


class ScreenKeys(Static):
    """The key bar of the screens besides the main one (groups, a group, an article): the screen's shown
    keys in the order they are declared, each placed whole or not at all, described while the rest fit.

    One widget with one line of text, where Textual's Footer mounts and styles a widget per key: a group's
    screen opens in a fraction of the time on a big batch. As the Footer, it lists them again when the
    screen's bindings change (the focus moved) and when its width does.
    """

    DEFAULT_CSS = "ScreenKeys { height: 1; background: $footer-background; color: $footer-foreground; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self._list()

    def on_resize(self) -> None:
        self._list()

    def _list(self) -> None:
        entries: dict[str, tuple[Content, Content]] = {}  # id -> the key bare, described
        for active in self.screen.active_bindings.values():
            b = active.binding
            ident = b.id or b.action
            if not b.show or ident in entries:
                continue  # (a hidden key, or a second key of the same binding: the first one is shown)
            key = Content.styled(f" {self.app.get_key_display(b)}", "bold $footer-key-foreground")
            entries[ident] = (key, Content.assemble(key, f" {b.description} "))
        self.update(
            fit_keys([(key, described, True) for key, described in entries.values()], self.size.width)
        )
