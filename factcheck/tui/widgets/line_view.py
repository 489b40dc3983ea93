"""A read-only, wrapped, line-based text view on Textual's public Line API (``ScrollView.render_line``).

The text is wrapped once per text and width into line offsets and only the visible lines are rendered (and
cached), as the log viewer toolong and Textual's own ``Log`` do: a new text changes the view's virtual size
and repaints it, with no Static inside a scroll container.

When only the styles of a shown text change (a claim's verdict, the current claim), only the lines under
the changed spans are rendered again and repainted. ``prepare`` wraps a text and renders its first screen
ahead of time (the next article, while the app is idle), so showing it later costs no rendering.

Mouse selection works as in ``Log``: every line carries its offsets, ``get_selection`` extracts the text and
selected lines are rendered with the screen's selection style (uncached). A click on a line posts
``LineView.Clicked`` with the offset of the character under the mouse in the shown text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.content import Content, Span
from textual.geometry import Size
from textual.message import Message
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from factcheck.tui.widgets.scrolling import QuietScrollView

_KEEP = 6  # wrapped texts and rendered line sets kept (the shown one, prepared neighbours, recent ones)
_LONG = 400  # a span longer than this (characters) is looked at for every line; shorter ones by their start


class SpanIndex:
    """The spans of one ``Content`` found by the range of text they touch, so that a line's part of the text
    takes its own spans only: ``Content[start:end]`` walks every span of the text (an article of 20,000
    claims took ~20 ms a line, each key repainting a screenful). Spans keep their order (a later one is
    drawn over an earlier one)."""

    def __init__(self, content: Content) -> None:
        self.content = content
        spans = content.spans
        short = sorted(
            (i for i, s in enumerate(spans) if s.end - s.start <= _LONG), key=lambda i: spans[i].start
        )
        self._short = short
        self._starts = [spans[i].start for i in short]
        self._long = [i for i, s in enumerate(spans) if s.end - s.start > _LONG]

    def part(self, start: int, end: int) -> Content:
        """``content[start:end]``, with the same spans cut to it."""
        spans = self.content.spans
        first = bisect_right(self._starts, start - _LONG - 1)
        last = bisect_right(self._starts, end - 1)
        found = [i for i in self._short[first:last] if spans[i].end > start]
        found += [i for i in self._long if spans[i].start < end and spans[i].end > start]
        found.sort()
        cut = [
            Span(max(0, spans[i].start - start), min(spans[i].end, end) - start, spans[i].style)
            for i in found
        ]
        return Content(self.content.plain[start:end], spans=cut, strip_control_codes=False)


Wrap = tuple[tuple[int, ...], tuple[int, ...]]  # (line starts, line ends) in the text


def wrap_offsets(plain: str, width: int) -> Wrap:
    """Where each line of ``plain`` wrapped at ``width`` cells starts and ends (``width`` >= 1)."""
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for line in Content(plain).wrap(max(1, width)):
        at = plain.find(line.plain, pos) if line.plain else -1
        if at < 0:  # an empty line (or folded whitespace): it starts where we are
            at = pos
        starts.append(at)
        pos = at + len(line.plain)
        ends.append(pos)
    return tuple(starts), tuple(ends)


class LineView(QuietScrollView, can_focus=True):
    # The scrollbar is always there: it never appears or disappears with the length of a text (that would
    # change the wrap width and wrap the text again).
    DEFAULT_CSS = "LineView { overflow-x: hidden; overflow-y: scroll; }"

    @dataclass
    class Clicked(Message):
        """A click on the text: ``offset`` is the character under the mouse (None: below the text)."""

        view: LineView
        offset: int | None

        @property
        def control(self) -> LineView:
            return self.view

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._content = Content("")
        self._wraps: OrderedDict[tuple[str, int], Wrap] = OrderedDict()
        # (text, spans, width, style) -> rendered lines by number
        self._renders: OrderedDict[tuple[object, ...], dict[int, Strip]] = OrderedDict()
        self._index: SpanIndex | None = None  # the spans of the last content a line was cut from

    @property
    def content(self) -> Content:
        """What the view shows (already sanitized by the caller: Content is never parsed as markup)."""
        return self._content

    @property
    def text_width(self) -> int:
        """The width the text is wrapped at (0 while the view has no room)."""
        return max(0, self.scrollable_content_region.width)

    def set_content(self, content: Content) -> None:
        """Show ``content``. When only its styles differ from the shown text, only the lines under the
        changed spans are repainted."""
        old = self._content
        self._content = content
        width = self.text_width
        if width <= 0:
            self.refresh()
            return
        style = self.visual_style
        key = self._render_key(content, width, style)
        old_key = self._render_key(old, width, style)
        if old.plain == content.plain and (key in self._renders or old_key in self._renders):
            # same text: repaint only the lines a changed span touches (the others read as they do)
            changed = set(old.spans).symmetric_difference(content.spans)
            starts = self.line_starts(width)
            dirty: set[int] = set()
            for span in changed:
                first = max(0, bisect_right(starts, span.start) - 1)
                last = max(first, bisect_right(starts, max(span.start, span.end - 1)) - 1)
                dirty.update(range(first, last + 1))
            if key not in self._renders:  # (not rendered ahead: keep the old lines no changed span touches)
                kept = {n: s for n, s in self._renders[old_key].items() if n not in dirty}
                self._remember(self._renders, key, kept)
            top = self.scroll_offset.y
            for n in sorted(dirty):
                if top <= n < top + self.scrollable_content_region.height:
                    self.refresh_line(n)
            return
        self._update_size()
        self.refresh()

    def prepare(self, content: Content, lines: int | None = None) -> None:
        """Wrap ``content`` and render its first ``lines`` lines (default: a screenful) ahead of showing it."""
        width = self.text_width
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
                strips[n] = self._line_strip(content, n, starts[n], ends[n], width, style)

    def on_resize(self) -> None:
        self._update_size()

    def _update_size(self) -> None:
        width = self.text_width
        if width <= 0:
            return
        size = Size(width, len(self.line_starts(width)))
        self.set_virtual_size(size)

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

    def _wrap(self, plain: str, width: int) -> Wrap:
        key = (plain, width)
        found = self._wraps.get(key)
        if found is not None:
            self._wraps.move_to_end(key)
            return found
        wrapped: Wrap = self._remember(self._wraps, key, wrap_offsets(plain, width))
        return wrapped

    def line_starts(self, width: int) -> tuple[int, ...]:
        """Offset in the shown text where each wrapped line starts, wrapped once per text and width."""
        return self._wrap(self._content.plain, width)[0] if width > 0 else ()

    def line_of(self, offset: int) -> int:
        """The wrapped line (at the current width) that holds ``offset`` of the shown text."""
        return max(0, bisect_right(self.line_starts(self.text_width), offset) - 1)

    def _line_strip(
        self, content: Content, line_no: int, start: int, end: int, width: int, style: Style
    ) -> Strip:
        index = self._index
        if index is None or index.content is not content:
            index = self._index = SpanIndex(content)
        strips = Visual.to_strips(self, index.part(start, end), width, 1, style)
        strip = strips[0] if strips else Strip.blank(width, style.rich_style)
        return strip.extend_cell_length(width, style.rich_style).crop(0, width).apply_offsets(0, line_no)

    def render_line(self, y: int) -> Strip:
        width = self.text_width
        style = self.visual_style
        if width <= 0:
            return Strip.blank(self.size.width, style.rich_style)
        line_no = self.scroll_offset.y + y
        starts, ends = self._wrap(self._content.plain, width)
        if not 0 <= line_no < len(starts):
            return Strip.blank(width, style.rich_style)
        selection = self.text_selection
        if selection is not None:
            span = selection.get_span(line_no)
            if span is not None:  # selected lines are drawn as they are, not cached
                content = self._content[starts[line_no] : ends[line_no]]
                lo, hi = span
                hi = len(content.plain) if hi == -1 else hi
                selected = self.screen.get_visual_style("screen--selection", partial=True)
                content = content.stylize(selected, lo, hi)
                return self._line_strip(content, line_no, 0, len(content.plain), width, style)
        key = self._render_key(self._content, width, style)
        strips = self._renders.get(key)
        if strips is None:
            strips = self._remember(self._renders, key, {})
        strip = strips.get(line_no)
        if strip is None:
            strip = strips[line_no] = self._line_strip(
                self._content, line_no, starts[line_no], ends[line_no], width, style
            )
        return strip

    # Selection and clicks

    def _wrapped_text(self) -> str:
        plain = self._content.plain
        starts, ends = self._wrap(plain, self.text_width)
        return "\n".join(plain[s:e] for s, e in zip(starts, ends, strict=True))

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        if self.text_width <= 0:
            return None
        return selection.extract(self._wrapped_text()), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        at = event.get_content_offset(self)
        width = self.text_width
        if at is None or width <= 0:
            return
        starts, ends = self._wrap(self._content.plain, width)
        line_no = self.scroll_offset.y + at.y
        if not 0 <= line_no < len(starts):
            self.post_message(self.Clicked(self, None))
            return
        text = self._content.plain[starts[line_no] : ends[line_no]]
        column, cells = 0, 0
        while column < len(text) and cells + Content(text[column]).cell_length <= at.x:
            cells += Content(text[column]).cell_length
            column += 1
        self.post_message(self.Clicked(self, starts[line_no] + column))
