"""The article's text with every claim highlighted in its verdict's colour.

A line-based view (see line_view): a new article only changes the virtual size and repaints the visible lines.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from textual.content import Content, Span

from factcheck.ingest import front_matter_end
from factcheck.model import Article, Claim, Verdict
from factcheck.tui.fmt import CURRENT, FURNITURE, TINT, sanitize
from factcheck.tui.widgets.line_view import LineView


class ArticleView(LineView):
    HELP_TITLE = "Article text"
    HELP = (
        "Article text: each claim is tinted in its verdict's colour (blue unreviewed, green confirmed, red "
        "disputed, amber superseded); the current claim is underlined and kept in view. Text is shown "
        "literally: markup and escape sequences in an article appear as plain characters. Arrows and page "
        "keys scroll; a click on a sentence selects its claim; + adds the next uncovered sentence as a "
        "claim. Page furniture (menus, teasers, captions, bylines) is greyed and in italics: it yields no claims, and a "
        "click on it says why it was set aside. Warnings about the article (a language without claim "
        "extraction, a record date that disagrees with the dateline) are listed above its text. A text "
        "file's front matter (its +++ or --- block of metadata) is not shown: its outlet, title and date "
        "are shown above the text."
    )

    _shown: str | None = None
    _claim: tuple[int, int] | None = None  # the current claim, in the shown text's offsets
    # where the shown text starts in the article's text: after its front matter (metadata, never text);
    # claims and furniture index the whole text, the view shifts them by this much
    _skip = 0

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._sanitized: dict[str, str] = {}
        # the article, claims and verdicts last drawn, and their spans (furniture, then each claim's tint): a
        # move to another claim only moves the current claim's span (an article of 20,000 claims made 20,000
        # spans a key)
        # (three: the shown article and the neighbours prepared ahead)
        self._tints: list[tuple[Article, str, list[Claim], dict[str, Verdict], list[Span]]] = []

    def show(
        self,
        article: Article | None,
        claims: list[Claim],
        verdicts: dict[str, Verdict],
        current: Claim | None,
    ) -> None:
        if article is None:
            self._shown, self._claim = None, None
            self.set_content(Content("No article."))
            self.scroll_home(animate=False)
            return
        same_text = self._shown is article.text
        self._shown = article.text
        self._skip = skip = front_matter_end(article)
        self._claim = (current.start - skip, current.end - skip) if current is not None else None
        self.set_content(self.content_for(article, claims, verdicts, current))
        if current is None:
            self.scroll_home(animate=False)
        else:
            self._scroll_claim_into_view(home=not same_text)

    def content_for(
        self, article: Article, claims: list[Claim], verdicts: dict[str, Verdict], current: Claim | None
    ) -> Content:
        skip = front_matter_end(article)
        tints = next((t for t in self._tints if t[0] is article and t[1] is article.text), None)
        if tints is None or tints[2] != claims or tints[3] != verdicts:
            marks = [(s.start, s.end, FURNITURE) for s in article.furniture_segments]
            marks += [(c.start, c.end, TINT[verdicts.get(c.id, Verdict.UNREVIEWED)]) for c in claims]
            # (front matter yields no claim nor furniture: every span is below it)
            shifted = [(max(0, a - skip), max(0, b - skip), style) for a, b, style in marks]
            kept = [Span(a, b, style) for a, b, style in shifted if b > a]
            tints = (article, article.text, list(claims), dict(verdicts), kept)
            self._tints = [tints, *(t for t in self._tints if t[0] is not article)][:3]
        drawn = tints[4]
        if current is not None and current.end > current.start:
            start, end = max(0, current.start - skip), max(0, current.end - skip)
            drawn = [*drawn, Span(start, end, CURRENT)] if end > start else drawn
        text = self._sanitized.get(article.text)
        if text is None:  # the same str object for one article: its hash is computed once
            if len(self._sanitized) > 8:
                self._sanitized.clear()
            text = self._sanitized[article.text] = sanitize(article.text)[skip:]
        return Content(text, spans=drawn)

    def text_offset(self, offset: int) -> int:
        """The offset in the article's text of ``offset`` in the shown text (a click's)."""
        return offset + self._skip

    def prepare_article(
        self, article: Article, claims: list[Claim], verdicts: dict[str, Verdict], current: Claim | None
    ) -> None:
        """Wrap and render the first screen of ``article`` as ``show`` would show it, ahead of time."""
        self.prepare(self.content_for(article, claims, verdicts, current))

    def on_resize(self) -> None:
        super().on_resize()
        self._scroll_claim_into_view()

    def _scroll_claim_into_view(self, home: bool = False) -> None:
        """Scroll so the current claim shows (a third of the way down when it was not), from the top when
        ``home`` (a new article)."""
        width = self.scrollable_content_region.width
        if self._claim is None or width <= 0:
            if home:
                self.scroll_home(animate=False)
            return
        start, end = self._claim
        starts = self.line_starts(width)
        top = max(0, bisect_right(starts, start) - 1)
        bottom = max(top, bisect_right(starts, max(start, end - 1)) - 1)
        height = self.scrollable_content_region.height
        y = 0 if home else self.scroll_y
        if top >= y and bottom < y + height:
            if home:
                self.scroll_home(animate=False)
            return
        target = top - max(0, (height - (bottom - top + 1)) // 3)
        self.scroll_to(y=max(0, target), animate=False)
