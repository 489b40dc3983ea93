"""A fast list of multi-line prompts, one highlighted, on Textual's public Line API.

One widget for the whole list (no widget per row), rendered line by line with ``ScrollView.render_line``,
as the log viewer toolong does. Each prompt is a ``Content`` whose lines (split at "\\n") the caller has
already fitted to the width, so the list never measures a prompt: its height is its number of lines.
Rendered lines are cached by the line object, the width, the style and whether they are highlighted:

- ``set_prompt(i, prompt)`` replaces one prompt and repaints its lines (the others keep their strips);
- ``set_prompts`` fills the list; prompts rendered before (a revisited article) are not rendered again;
- ``set_rows`` fills it lazily: only the prompts drawn (or asked for) are made, each when first needed, so
  an article of 20,000 claims is shown as fast as one of 20 (made eagerly, they held the screen for seconds);
- ``prerender`` renders prompts ahead of time (the next article's claims, while the app is idle).

Moving with the keys or the mouse posts ``PromptList.Highlighted``; enter or a click on the highlighted
prompt posts ``PromptList.Selected``. Setting ``highlighted`` from code posts nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from factcheck.tui.widgets.scrolling import QuietScrollView

_CACHED = 4000  # rendered lines kept (each with the style it was rendered in)


class PromptList(QuietScrollView, can_focus=True):
    DEFAULT_CSS = """
    PromptList { overflow-x: hidden; overflow-y: scroll; padding: 0 1; }
    PromptList > .prompt-list--highlighted { background: $block-cursor-blurred-background; }
    PromptList:focus > .prompt-list--highlighted {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"prompt-list--highlighted"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    @dataclass
    class Highlighted(Message):
        """The reviewer moved the highlight to ``index``."""

        prompt_list: PromptList
        index: int

        @property
        def control(self) -> PromptList:
            return self.prompt_list

    @dataclass
    class Selected(Message):
        """The reviewer chose ``index`` (enter, or a click on the highlighted prompt)."""

        prompt_list: PromptList
        index: int

        @property
        def control(self) -> PromptList:
            return self.prompt_list

    @dataclass
    class WidthChanged(Message):
        """The list's width changed: prompts fitted to the old width must be made again."""

        prompt_list: PromptList

        @property
        def control(self) -> PromptList:
            return self.prompt_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._split_cache: dict[int, tuple[Content, list[Content]]] = {}
        self._prompts: list[Content | None] = []  # None: not made yet (set_rows)
        self._make: Callable[[int], Content] | None = None  # makes prompt i (set_rows)
        self._heights: list[int] = []  # lines of each prompt (of one not made yet: as foretold)
        self._tops: list[int] = [0]  # first line of each prompt, then the total
        self._highlighted: int | None = None
        self._width = 0  # the line width prompts were last fitted to (WidthChanged when it changes)
        self._strips: dict[tuple[int, int, bool, Style], tuple[Content, Strip]] = {}

    # ------------------------------------------------------------------------------------------
    # Contents

    @property
    def count(self) -> int:
        return len(self._prompts)

    def prompt_at(self, index: int) -> Content:
        prompt = self._prompts[index]
        if prompt is None:  # (a lazy row: made now, and its foretold height corrected if it was wrong)
            assert self._make is not None
            prompt = self._prompts[index] = self._make(index)
            height = len(self._split(prompt))
            if height != self._heights[index]:
                self._heights[index] = height
                self._update_tops()
                self.refresh()
        return prompt

    def made_rows(self) -> list[int]:
        """The rows whose prompt is made (every row of a list filled by ``set_prompts``)."""
        return [i for i, p in enumerate(self._prompts) if p is not None]

    def _lines_at(self, index: int) -> list[Content]:
        return self._split(self.prompt_at(index))

    @property
    def line_width(self) -> int:
        """The cells a prompt line has (callers fit their prompts to it); 40 before the first layout."""
        width = self.scrollable_content_region.width
        return width if width > 4 else 40

    def set_prompts(self, prompts: Iterable[Content]) -> None:
        made = list(prompts)
        self._prompts = list(made)
        self._make = None
        self._heights = [len(self._split(p)) for p in made]
        self._filled()

    def set_rows(self, count: int, make: Callable[[int], Content], height: Callable[[int], int]) -> None:
        """Fill the list with ``count`` prompts made when first drawn or asked for: ``make(i)`` makes prompt
        ``i``, ``height(i)`` foretells its lines cheaply (a wrong guess is corrected once it is made)."""
        self._prompts = [None] * count
        self._make = make
        self._heights = [height(i) for i in range(count)]
        self._filled()

    def _filled(self) -> None:
        self._update_tops()
        if self._highlighted is not None and self._highlighted >= len(self._prompts):
            self._highlighted = len(self._prompts) - 1 if self._prompts else None
        self.refresh()

    def add_prompts(self, prompts: Iterable[Content]) -> None:
        """Append prompts (a list that grows while a batch loads)."""
        new = list(prompts)
        if not new:
            return
        self._prompts += new
        self._heights += [len(self._split(p)) for p in new]
        self._update_tops()
        self.refresh()

    def set_prompt(self, index: int, prompt: Content) -> bool:
        """Give prompt ``index`` new content; returns False when it was already that content."""
        old = self._prompts[index]
        if old is not None and (old is prompt or (old.plain == prompt.plain and old.spans == prompt.spans)):
            return False  # (Content's == compares the text only)
        self._prompts[index] = prompt
        height = len(self._split(prompt))
        moved = height != self._heights[index]
        self._heights[index] = height
        if moved:
            self._update_tops()
            self.refresh()
        else:
            self.refresh_lines(self._tops[index], height)
        return True

    def _split(self, prompt: Content) -> list[Content]:
        """The lines of ``prompt`` (the same line objects for the same prompt: their strips are cached)."""
        hit = self._split_cache.get(id(prompt))
        if hit is not None and hit[0] is prompt:
            return hit[1]
        lines = prompt.split("\n") if "\n" in prompt.plain else [prompt]
        if len(self._split_cache) >= _CACHED:
            self._split_cache.clear()
        self._split_cache[id(prompt)] = (prompt, lines)
        return lines

    def _update_tops(self) -> None:
        self._tops = [0, *accumulate(self._heights)]
        size = Size(self.line_width, self._tops[-1])
        self.set_virtual_size(size)

    def on_resize(self) -> None:
        self._update_tops()
        # A prompt highlighted before the list had a height (a session reopened at its cursor) is scrolled to now.
        if self._highlighted is not None and self._highlighted < len(self._prompts):
            self.scroll_to_prompt(self._highlighted)
        if self.line_width != self._width:
            self._width = self.line_width
            self.post_message(self.WidthChanged(self))

    # ------------------------------------------------------------------------------------------
    # Highlight

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None:
            if not self._prompts:
                index = None
            else:
                index = max(0, min(index, len(self._prompts) - 1))
        old, self._highlighted = self._highlighted, index
        if old == index:
            return
        for i in (old, index):
            if i is not None and i < len(self._prompts):
                self.refresh_lines(self._tops[i], self._heights[i])
        if index is not None:
            self.scroll_to_prompt(index)

    def scroll_to_prompt(self, index: int) -> None:
        """Scroll so that prompt ``index`` is wholly in view (when it fits)."""
        top, bottom = self._tops[index], self._tops[index + 1]
        height = self.scrollable_content_region.height
        y = self.scroll_offset.y
        if height <= 0:
            return
        if top < y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom > y + height:
            self.scroll_to(y=max(top - max(0, height - (bottom - top)), 0), animate=False, immediate=True)

    def _move(self, index: int) -> None:
        if not self._prompts:
            return
        index = max(0, min(index, len(self._prompts) - 1))
        if index != self._highlighted:
            self.highlighted = index
            self.post_message(self.Highlighted(self, index))

    def action_cursor(self, step: int) -> None:
        self._move(step if self._highlighted is None else self._highlighted + step)

    def action_page(self, step: int) -> None:
        if self._highlighted is None:
            self._move(0)
            return
        height = max(1, self.scrollable_content_region.height)
        line = self._tops[self._highlighted] + step * height
        self._move(self.prompt_at_line(max(0, min(line, self._tops[-1] - 1))))

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self._prompts) - 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # nothing chosen: enter goes on to the screen's own binding
        return not (action == "select" and self._highlighted is None)

    def action_select(self) -> None:
        if self._highlighted is not None:
            self.post_message(self.Selected(self, self._highlighted))

    def prompt_at_line(self, line: int) -> int:
        return max(0, bisect_right(self._tops, line) - 1)

    def on_click(self, event: events.Click) -> None:
        at = event.get_content_offset(self)
        if at is None or not self._prompts:
            return
        line = self.scroll_offset.y + at.y
        if line >= self._tops[-1]:
            return
        index = self.prompt_at_line(line)
        if index == self._highlighted:
            self.post_message(self.Selected(self, index))
        else:
            self._move(index)

    # ------------------------------------------------------------------------------------------
    # Rendering

    def _styles(self) -> tuple[Style, Style]:
        return self.visual_style, self.get_visual_style("prompt-list--highlighted")

    def _strip(self, line: Content, width: int, high: bool, style: Style) -> Strip:
        key = (id(line), width, high, style)
        hit = self._strips.get(key)
        if hit is not None and hit[0] is line:
            return hit[1]
        strips = Visual.to_strips(self, line, width, 1, style)
        strip = strips[0] if strips else Strip.blank(width, style.rich_style)
        strip = strip.extend_cell_length(width, style.rich_style).crop(0, width)
        if len(self._strips) >= _CACHED:
            self._strips.clear()
        self._strips[key] = (line, strip)
        return strip

    def prerender(
        self, prompts: list[Content], *, highlighted: int | None = None, count: int | None = None
    ) -> None:
        """Render the lines of the first ``count`` ``prompts`` (default: all; ``highlighted``: that one also
        highlighted), so that showing them later costs no rendering."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        normal, high = self._styles()
        for i, prompt in enumerate(prompts):
            if count is not None and i >= count and i != highlighted:
                continue
            for line in self._split(prompt):
                if count is None or i < count:
                    self._strip(line, width, False, normal)
                if i == highlighted:
                    self._strip(line, width, True, high)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        normal, high = self._styles()
        line = self.scroll_offset.y + y
        if width <= 0 or line >= self._tops[-1]:
            return Strip.blank(max(0, width), normal.rich_style)
        index = self.prompt_at_line(line)
        lines = self._lines_at(index)  # (made now if it was not: its height may have been corrected)
        at = line - self._tops[index]
        if at >= len(lines):
            return Strip.blank(width, normal.rich_style)
        is_high = index == self._highlighted
        return self._strip(lines[at], width, is_high, high if is_high else normal)
