"""The article's text with every claim highlighted in its verdict's colour.

A line-based scroll view: the text is wrapped once per article and width into line offsets, and only the
visible lines are rendered (and cached). A new article changes the virtual size and repaints this widget;
it never lays out the screen again.
"""

from __future__ import annotations

from bisect import bisect_right

from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from factcheck.model import Article, Claim, Verdict
from factcheck.tui.fmt import CURRENT, TINT, spans_content


class ArticleView(ScrollView, can_focus=True):
    HELP = (
        "Article text: each claim is tinted in its verdict's colour (blue unreviewed, green confirmed, red "
        "disputed, amber superseded); the current claim is underlined and kept in view. Text is shown "
        "literally: markup and escape sequences in an article appear as plain characters. Arrows and page "
        "keys scroll; + adds the next uncovered sentence as a claim."
    )
    DEFAULT_CSS = "ArticleView { overflow-x: hidden; }"

    _shown: str | None = None
    _content: Content = Content("")
    _claim: tuple[int, int] | None = None
    _starts_key: tuple[int, int] | None = None
    _starts: tuple[int, ...] = ()
    _ends: tuple[int, ...] = ()

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._strips: dict[int, Strip] = {}
        self._strips_key: object = None

    @property
    def content(self) -> Content:
        """What the view shows: the sanitized article text with its claim spans."""
        return self._content

    def show(
        self,
        article: Article | None,
        claims: list[Claim],
        verdicts: dict[str, Verdict],
        current: Claim | None,
    ) -> None:
        if article is None:
            self._shown, self._claim = None, None
            self._set_content(Content("No article."), "No article.")
            self.scroll_home(animate=False)
            return
        spans = [(c.start, c.end, TINT[verdicts.get(c.id, Verdict.UNREVIEWED)]) for c in claims]
        if current is not None:
            spans.append((current.start, current.end, CURRENT))
        same_text = self._shown is article.text
        self._shown = article.text
        self._claim = (current.start, current.end) if current is not None else None
        self._set_content(spans_content(article.text, spans), article.text)
        if current is None:
            self.scroll_home(animate=False)
        else:
            self._scroll_claim_into_view(home=not same_text)

    def _set_content(self, content: Content, text: str) -> None:
        if text is not getattr(self, "_text", None):
            self._starts_key = None
        self._content = content
        self._text = text
        self._strips.clear()
        self._update_lines()
        self.refresh()

    def rescroll(self, article: Article | None, current: Claim | None) -> None:
        if article is not None and current is not None:
            self.call_after_refresh(self._scroll_claim_into_view)

    def on_resize(self) -> None:
        self._strips.clear()
        self._update_lines()
        self._scroll_claim_into_view()

    def _update_lines(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        starts = self._line_starts(getattr(self, "_text", ""), width)
        size = Size(width, len(starts))
        if self.virtual_size != size:
            self.virtual_size = size

    def _line_starts(self, text: str, width: int) -> tuple[int, ...]:
        """Offset in the shown text where each wrapped line starts (and ends), wrapped once per text and
        width."""
        key = (id(text), width)
        if key != self._starts_key:
            plain = self._content.plain
            starts, ends, pos = [], [], 0
            for line in Content(plain).wrap(width):
                found = plain.find(line.plain, pos) if line.plain else -1
                if found < 0:  # an empty line (or folded whitespace): it starts where we are
                    found = pos
                starts.append(found)
                pos = found + len(line.plain)
                ends.append(pos)
            self._starts_key, self._starts, self._ends = key, tuple(starts), tuple(ends)
        return self._starts

    def _scroll_claim_into_view(self, home: bool = False) -> None:
        width = self.scrollable_content_region.width
        if self._claim is None or width <= 0:
            if home:
                self.scroll_home(animate=False)
            return
        start, end = self._claim
        starts = self._line_starts(getattr(self, "_text", ""), width)
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

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self.visual_style
        line_no = self.scroll_offset.y + y
        self._line_starts(getattr(self, "_text", ""), width)
        key = (width, style)
        if key != self._strips_key:
            self._strips.clear()
            self._strips_key = key
        strip = self._strips.get(line_no)
        if strip is None:
            if 0 <= line_no < len(self._starts):
                line = self._content[self._starts[line_no] : self._ends[line_no]]
                strips = Visual.to_strips(self, line, width, 1, style)
                strip = strips[0] if strips else Strip.blank(width, style.rich_style)
                strip = strip.extend_cell_length(width, style.rich_style).crop(0, width)
            else:
                strip = Strip.blank(width, style.rich_style)
            self._strips[line_no] = strip
        return strip
