"""What other outlets said about the current claim's event, and any suggestion."""

from __future__ import annotations

from textual.content import Content

from factcheck.tui.widgets.line_view import LineView


class EventPanel(LineView):
    HELP = (
        "Event panel: the other claims of the current claim's event group, from other outlets, by "
        "publication date, with their verdicts; the group's time; why they were grouped; and any "
        "suggestion (a later report superseding an earlier one). a accepts the suggestion shown; G applies "
        "a verdict to the whole group; m merges this group with another; x takes the claim out of its "
        "group; g opens every group as a timeline. When an article has no publication date its times stay "
        "open ('Wednesday (date unknown)'): a Time line shows the value itself (XXXX-WXX-3), and p sets "
        "the date."
    )

    _shown: tuple[str, tuple[object, ...]] | None = None

    def show(self, content: Content) -> None:
        key = (content.plain, tuple(content.spans))
        if key == self._shown:
            return  # most moves inside one event change nothing here
        self._shown = key
        self.set_content(content)
        self.scroll_home(animate=False)
