"""A read-only, wrapped, line-based text view.

The text is wrapped once per text and width into line offsets and only the visible lines are rendered (and
cached), so new text only changes the virtual size and repaints this widget: no Static inside a scroll
container whose height change re-lays out the screen (twice: once for the text, once for its container).
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual


class LineView(ScrollView, can_focus=True):
    DEFAULT_CSS = "LineView { overflow-x: hidden; }"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._content = Content("")
        self._version = 0  # bumped when the text (not only its styles) changes
        self._starts_key: tuple[int, int] | None = None
        self._starts: tuple[int, ...] = ()
        self._ends: tuple[int, ...] = ()
        self._strips: dict[int, Strip] = {}
        self._strips_key: object = None

    @property
    def content(self) -> Content:
        """What the view shows (already sanitized by the caller: Content is never parsed as markup)."""
        return self._content

    def set_content(self, content: Content, *, same_text: bool = False) -> None:
        """Show ``content``; ``same_text`` says only its styles changed (the wrapping is kept)."""
        if not same_text or content.plain != self._content.plain:
            self._version += 1
        self._content = content
        self._strips.clear()
        self._update_lines()
        self.refresh()

    def on_resize(self) -> None:
        self._strips.clear()
        self._update_lines()

    def _update_lines(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        size = Size(width, len(self.line_starts(width)))
        if self.virtual_size != size:
            self.virtual_size = size

    def line_starts(self, width: int) -> tuple[int, ...]:
        """Offset in the shown text where each wrapped line starts, wrapped once per text and width."""
        key = (self._version, width)
        if key != self._starts_key:
            plain = self._content.plain
            starts, ends, pos = [], [], 0
            for line in Content(plain).wrap(width):
                found = plain.find(line.plain, pos) if line.plain else -1
                if found < 0:  # an empty line (or folded whitespace): it starts where we are
                    found = pos
                starts.append(found)
                pos = found + len(line.plain)
                ends.append(pos)
            self._starts_key, self._starts, self._ends = key, tuple(starts), tuple(ends)
        return self._starts

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self.visual_style
        line_no = self.scroll_offset.y + y
        self.line_starts(width)
        key = (width, style)
        if key != self._strips_key:
            self._strips.clear()
            self._strips_key = key
        strip = self._strips.get(line_no)
        if strip is None:
            if 0 <= line_no < len(self._starts):
                line = self._content[self._starts[line_no] : self._ends[line_no]]
                strips = Visual.to_strips(self, line, width, 1, style)
                strip = strips[0] if strips else Strip.blank(width, style.rich_style)
                strip = strip.extend_cell_length(width, style.rich_style).crop(0, width)
            else:
                strip = Strip.blank(width, style.rich_style)
            self._strips[line_no] = strip
        return strip
