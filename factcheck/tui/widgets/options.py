"""An OptionList whose prompts can be changed one at a time without re-measuring every option.

``OptionList.replace_option_prompt_at_index`` clears the whole line cache, so the next paint measures the
height of every option again (1,000 articles: ~15 ms per keypress). When the new prompt keeps the option's
height, only that option's cached render is dropped and the list is repainted from the other cached lines.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList


class PatchableOptionList(OptionList):
    def set_prompt(self, index: int, prompt: Content) -> bool:
        """Give option ``index`` a new prompt; returns False when it was already that prompt."""
        option = self.get_option_at_index(index)
        old = option.prompt
        if isinstance(old, Content) and old.plain == prompt.plain and old.spans == prompt.spans:
            return False  # (Content's == compares the text only)
        old_height = self._line_cache.heights.get(index)
        option._set_prompt(prompt)
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        padding = self.get_component_styles("option-list--option").padding
        new_height = self._get_visual(option).get_height(self.styles, width - padding.width) + option._divider
        if old_height is None or new_height != old_height:
            self._clear_caches()  # the lines below move: measure again
            return True
        cache = self._option_render_cache
        for key in [k for k in cache.keys() if k[0] is option]:  # noqa: SIM118 (LRUCache has no __iter__)
            cache.discard(key)
        self.refresh()  # the other options repaint from their cached strips
        return True
