"""What other outlets said about the current claim's event, and any suggestion."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static


class EventPanel(VerticalScroll):
    HELP = (
        "Event panel: the other claims of the current claim's event group, from other outlets, by "
        "publication date, with their verdicts; the group's time; why they were grouped; and any "
        "suggestion (a later report superseding an earlier one). a accepts the suggestion shown; G applies "
        "a verdict to the whole group; m merges this group with another; x takes the claim out of its "
        "group; g opens every group as a timeline."
    )

    _shown: tuple[str, tuple[object, ...]] | None = None
    _height = -1

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="event-text")

    def show(self, content: Content) -> None:
        key = (content.plain, tuple(content.spans))
        if key == self._shown:
            return  # most moves inside one event change nothing here
        self._shown = key
        static = self.query_one("#event-text", Static)
        width = static.content_region.width
        height = len(content.wrap(width)) if width > 0 else -1
        # a layout pass re-arranges the whole screen: skip it when the text keeps its height
        static.update(content, layout=height < 0 or height != self._height)
        self._height = height
        self.scroll_home(animate=False)
