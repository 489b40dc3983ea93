"""A ScrollView whose content size changes repaint it and its scrollbar, without laying out the screen.

``Widget.virtual_size`` is a reactive that asks for a layout of the whole screen when it changes (a reflow
and a full repaint of every pane: 5-10 ms on the main screen, on every move to another article). The views
of this app always show their vertical scrollbar (``overflow-y: scroll``), so a new content size changes
nothing around them: ``set_virtual_size`` sets the size with a reactive declared ``layout=False`` and
updates the scrollbar and the scroll limit through their public attributes.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView


class QuietScrollView(ScrollView):
    DEFAULT_CSS = "QuietScrollView { overflow-x: hidden; overflow-y: scroll; }"

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def set_virtual_size(self, size: Size) -> None:
        if self.virtual_size == size:
            return
        self.virtual_size = size
        if self.show_vertical_scrollbar:
            bar = self.vertical_scrollbar
            bar.window_virtual_size = size.height
            bar.window_size = self.scrollable_content_region.height
            bar.refresh()
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self.refresh()
