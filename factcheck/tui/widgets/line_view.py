"""A read-only, wrapped, line-based text view.

The text is wrapped once per text and width into line offsets and only the visible lines are rendered (and
cached), so new text only changes the virtual size and repaints this widget: no Static inside a scroll
container whose height change re-lays out the screen (twice: once for the text, once for its container).

When only the styles of a shown text change (a claim's verdict, the current claim), only the lines under
the changed spans are rendered again and repainted. ``prepare`` wraps a text and renders its first screen
ahead of time (the next article, while the app is idle), so showing it later costs no rendering.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from typing import Any

from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

_KEEP = 6  # wrapped texts and rendered line sets kept (the shown one, prepared neighbours, recent ones)


class LineView(ScrollView, can_focus=True):
    # The scrollbar is always there: it never appears or disappears with the length of a text (that would
    # change the wrap width and lay out the screen again).
    DEFAULT_CSS = "LineView { overflow-x: hidden; overflow-y: scroll; }"

    # A new text changes only this view's scroll range. Widget.virtual_size lays out the whole screen when
    # it changes (~1 frame); here it only repaints, and _update_lines updates the scrollbar.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._content = Content("")
        # (text, width) -> (line starts, line ends)
        self._wraps: OrderedDict[tuple[str, int], tuple[tuple[int, ...], tuple[int, ...]]] = OrderedDict()
        # (text, spans, width, style) -> rendered lines by number
        self._renders: OrderedDict[tuple[object, ...], dict[int, Strip]] = OrderedDict()
        self._starts: tuple[int, ...] = ()
        self._ends: tuple[int, ...] = ()
        self._key_for: tuple[object, ...] = (None, 0, None, None)  # (content, width, style, render key)

    @property
    def content(self) -> Content:
        """What the view shows (already sanitized by the caller: Content is never parsed as markup)."""
        return self._content

    def set_content(self, content: Content, *, same_text: bool = False) -> None:
        """Show ``content``. When only its styles differ from the shown text, only the lines under the
        changed spans are repainted. (``same_text`` is accepted for callers that know it; it is checked.)"""
        old = self._content
        self._content = content
        width = self.scrollable_content_region.width
        if width <= 0:
            self.refresh()
            return
        style = self.visual_style
        key = self._render_key(content, width, style)
        if key in self._renders:
            self._update_lines()
            self.refresh()
            return
        if old.plain == content.plain and (old_key := self._render_key(old, width, style)) in self._renders:
            # same text: keep every rendered line that no changed span touches, repaint the others
            changed = set(old.spans).symmetric_difference(content.spans)
            starts = self.line_starts(width)
            dirty: set[int] = set()
            for span in changed:
                first = max(0, bisect_right(starts, span.start) - 1)
                last = max(first, bisect_right(starts, max(span.start, span.end - 1)) - 1)
                dirty.update(range(first, last + 1))
            kept = {n: s for n, s in self._renders[old_key].items() if n not in dirty}
            self._remember(self._renders, key, kept)
            top = self.scroll_offset.y
            for n in sorted(dirty):
                if top <= n < top + self.scrollable_content_region.height:
                    self.refresh_line(n)
            return
        self._update_lines()
        self.refresh()

    def prepare(self, content: Content, lines: int | None = None) -> None:
        """Wrap ``content`` and render its first ``lines`` lines (default: a screenful) ahead of showing it."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        style = self.visual_style
        key = self._render_key(content, width, style)
        strips = self._renders.get(key)
        if strips is None:
            strips = self._remember(self._renders, key, {})
        starts, ends = self._wrap(content.plain, width)
        height = self.scrollable_content_region.height if lines is None else lines
        for n in range(min(len(starts), height)):
            if n not in strips:
                strips[n] = self._render(content, starts[n], ends[n], width, style)

    def on_resize(self) -> None:
        self._update_lines()

    def _update_lines(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        size = Size(width, len(self.line_starts(width)))
        if self.virtual_size != size:
            self.virtual_size = size
            self._scroll_update(size)  # scrollbar thumb and scroll limits (what a layout would do here)

    @staticmethod
    def _render_key(content: Content, width: int, style: object) -> tuple[object, ...]:
        return (content.plain, tuple(content.spans), width, style)

    @staticmethod
    def _remember(cache: OrderedDict[Any, Any], key: Any, value: Any) -> Any:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > _KEEP:
            cache.popitem(last=False)
        return value

    def _wrap(self, plain: str, width: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        key = (plain, width)
        found = self._wraps.get(key)
        if found is not None:
            self._wraps.move_to_end(key)
            return found
        starts, ends, pos = [], [], 0
        for line in Content(plain).wrap(width):
            at = plain.find(line.plain, pos) if line.plain else -1
            if at < 0:  # an empty line (or folded whitespace): it starts where we are
                at = pos
            starts.append(at)
            pos = at + len(line.plain)
            ends.append(pos)
        return self._remember(self._wraps, key, (tuple(starts), tuple(ends)))  # type: ignore[no-any-return]

    def line_starts(self, width: int) -> tuple[int, ...]:
        """Offset in the shown text where each wrapped line starts, wrapped once per text and width."""
        self._starts, self._ends = self._wrap(self._content.plain, width)
        return self._starts

    def _render(self, content: Content, start: int, end: int, width: int, style: Any) -> Strip:
        strips = Visual.to_strips(self, content[start:end], width, 1, style)
        strip = strips[0] if strips else Strip.blank(width, style.rich_style)
        return strip.extend_cell_length(width, style.rich_style).crop(0, width)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self.visual_style
        line_no = self.scroll_offset.y + y
        starts = self.line_starts(width)
        cached = self._key_for
        if cached[0] is not self._content or cached[1] != width or cached[2] != style:
            self._key_for = (self._content, width, style, self._render_key(self._content, width, style))
        key = self._key_for[3]
        strips = self._renders.get(key)
        if strips is None:
            strips = self._remember(self._renders, key, {})
        strip = strips.get(line_no)
        if strip is None:
            if 0 <= line_no < len(starts):
                strip = self._render(self._content, starts[line_no], self._ends[line_no], width, style)
            else:
                strip = Strip.blank(width, style.rich_style)
            strips[line_no] = strip
        return strip
