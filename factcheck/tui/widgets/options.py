"""An OptionList whose prompts can be changed one at a time, measured and rendered ahead of time.

``OptionList.replace_option_prompt_at_index`` clears the whole line cache, so the next paint measures the
height of every option again (1,000 articles: ~15 ms per keypress). When the new prompt keeps the option's
height, only that option's cached render is dropped and the list is repainted from the other cached lines.

``set_options`` drops every rendered option, so filling the list with another article's claims rendered
all of them again on the keypress. ``prerender`` renders prompts ahead of time (while the app is idle) into
a cache keyed by the prompt object itself, which the list's own render then uses.

This reaches into OptionList internals (``_line_cache``, ``_option_render_cache``, ``_get_option_render``):
Textual is pinned exactly, and tests/test_tui_flows.py drives these lists.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

_PRERENDERED = 600  # prompts kept rendered (with each style they were rendered in)


class PatchableOptionList(OptionList):
    # Another article's claims change only this list's scroll range: Widget.virtual_size would lay out the
    # whole screen; OptionList updates its scrollbar itself right after setting it. (A list with an auto
    # height still lays out: OptionList.add_options asks for it.)
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # (id(prompt), style, padding, width) -> (prompt, strips without the option's index)
        self._prerendered: dict[tuple[object, ...], tuple[Content, list[Strip]]] = {}

    def prompt_height(self, prompt: Content) -> int:
        """The lines ``prompt`` takes, measured as the list measures it (and cached in the Content, so
        measuring a prompt ahead of time makes filling the list with it cheap)."""
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        padding = self.get_component_styles("option-list--option").padding
        return prompt.get_height(self.styles, width - padding.width)

    def prerender(
        self, prompts: list[Content], *, highlighted: int | None = None, count: int | None = None
    ) -> None:
        """Measure ``prompts`` as options of this list and render the first ``count`` of them (default: all;
        ``highlighted``: that one also as the highlighted option), so showing them later costs no rendering."""
        normal = self.get_visual_style("option-list--option")
        high = self.get_visual_style("option-list--option", "option-list--option-highlighted")
        for i, prompt in enumerate(prompts):
            self.prompt_height(prompt)
            if count is None or i < count:
                self._base_render(prompt, normal)
            if i == highlighted:
                self._base_render(prompt, high)

    def _base_render(self, prompt: Content, style: Style) -> list[Strip]:
        padding = self.get_component_styles("option-list--option").padding
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        key = (id(prompt), style, padding, width)
        hit = self._prerendered.get(key)
        if hit is not None and hit[0] is prompt:
            return hit[1]
        visual: Visual = Padding(prompt, padding) if padding else prompt
        strips = [
            strip.extend_cell_length(width, style.rich_style)
            for strip in Visual.to_strips(self, visual, width, None, style)
        ]
        if len(self._prerendered) >= _PRERENDERED:
            self._prerendered.clear()
        self._prerendered[key] = (prompt, strips)
        return strips

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        prompt = option.prompt
        if option._divider or not isinstance(prompt, Content):
            return super()._get_option_render(option, style)
        padding = self.get_component_styles("option-list--option").padding
        key = (option, style, padding)
        strips = self._option_render_cache.get(key)
        if strips is None:
            meta = {"option": self._option_to_index[option]}
            strips = [strip.apply_meta(meta) for strip in self._base_render(prompt, style)]
            self._option_render_cache[key] = strips
        return strips

    def set_prompt(self, index: int, prompt: Content) -> bool:
        """Give option ``index`` a new prompt; returns False when it was already that prompt."""
        option = self.get_option_at_index(index)
        old = option.prompt
        if isinstance(old, Content) and old.plain == prompt.plain and old.spans == prompt.spans:
            return False  # (Content's == compares the text only)
        old_height = self._line_cache.heights.get(index)
        option._set_prompt(prompt)
        new_height = self.prompt_height(prompt) + option._divider
        if old_height is None or new_height != old_height:
            self._clear_caches()  # the lines below move: measure again
            return True
        cache = self._option_render_cache
        for key in [k for k in cache.keys() if k[0] is option]:  # noqa: SIM118 (LRUCache has no __iter__)
            cache.discard(key)
        self.refresh()  # the other options repaint from their cached strips
        return True
