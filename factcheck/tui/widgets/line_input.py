"""A one-line input that keeps every line of a paste."""

from __future__ import annotations

from textual import events, on
from textual.widgets import Input


class LineInput(Input):
    """Textual's Input keeps only the first line of a paste: a title or a note pasted from a page as two lines
    lost the second without a word. This one keeps them all, joined by spaces (tabs too), as one line."""

    @on(events.Paste)
    def _paste_every_line(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own handler, which takes the first line
        event.stop()
        text = " ".join(event.text.split())
        if not text:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)
