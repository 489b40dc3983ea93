"""The article's text with every claim highlighted in its verdict's colour."""

from __future__ import annotations

from bisect import bisect_right

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from factcheck.model import Article, Claim, Verdict
from factcheck.tui.fmt import CURRENT, TINT, sanitize, spans_content


class ArticleView(VerticalScroll):
    HELP = (
        "Article text: each claim is tinted in its verdict's colour (blue unreviewed, green confirmed, red "
        "disputed, amber superseded); the current claim is underlined and kept in view. Text is shown "
        "literally: markup and escape sequences in an article appear as plain characters. Arrows and page "
        "keys scroll; + adds the next uncovered sentence as a claim."
    )

    _shown: str | None = None

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="article-text")

    def show(
        self,
        article: Article | None,
        claims: list[Claim],
        verdicts: dict[str, Verdict],
        current: Claim | None,
    ) -> None:
        text_widget = self.query_one("#article-text", Static)
        if article is None:
            self._shown = None
            text_widget.update(Content("No article."))
            return
        spans = [(c.start, c.end, TINT[verdicts.get(c.id, Verdict.UNREVIEWED)]) for c in claims]
        if current is not None:
            spans.append((current.start, current.end, CURRENT))
        same_text = self._shown is article.text
        self._shown = article.text
        # same text: only the highlight changed, so the height did not; skip the layout pass
        text_widget.update(spans_content(article.text, spans), layout=not same_text)
        if current is not None and same_text:
            self._scroll_claim_into_view(article.text, current.start, current.end)  # no extra paint
        elif current is not None and self._in_first_screen(article.text, current.end):
            self.scroll_home(animate=False)  # now: no second paint once the new text is laid out
        elif current is not None:  # new text: scroll once it has been laid out
            self.call_after_refresh(self._scroll_claim_into_view, article.text, current.start, current.end)
        else:
            self.scroll_home(animate=False)

    def _in_first_screen(self, text: str, end: int) -> bool:
        region = self.scrollable_content_region
        if region.width <= 0 or region.height <= 0:
            return False
        starts = self._line_starts(text, region.width)
        return bisect_right(starts, max(0, end - 1)) <= region.height

    def rescroll(self, article: Article | None, current: Claim | None) -> None:
        if article is not None and current is not None:
            self.call_after_refresh(self._scroll_claim_into_view, article.text, current.start, current.end)

    _starts_key: tuple[int, int] | None = None
    _starts: tuple[int, ...] = ()

    def _line_starts(self, text: str, width: int) -> tuple[int, ...]:
        """Offset in ``text`` where each wrapped line starts, wrapped once per article and width (each
        move used to wrap the text up to the claim twice)."""
        key = (id(text), width)
        if key != self._starts_key:
            plain = sanitize(text)
            starts, pos = [], 0
            for line in Content(plain).wrap(width):
                found = plain.find(line.plain, pos) if line.plain else -1
                if found < 0:  # an empty line (or folded whitespace): it starts where we are
                    found = pos
                starts.append(found)
                pos = found + len(line.plain)
            self._starts_key, self._starts = key, tuple(starts)
        return self._starts

    def _scroll_claim_into_view(self, text: str, start: int, end: int) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        starts = self._line_starts(text, width)
        top = max(0, bisect_right(starts, start) - 1)
        bottom = max(top, bisect_right(starts, max(start, end - 1)) - 1)
        height = self.scrollable_content_region.height
        if top >= self.scroll_y and bottom < self.scroll_y + height:
            return
        target = top - max(0, (height - (bottom - top + 1)) // 3)
        self.scroll_to(y=max(0, target), animate=False)
