"""What the main screen shows: articles, the article's text, its claims, the event panel, status and keys.

``ReadingScreen`` keeps the reading state (which article and claim, the filter, whether low-score claims
show) and fills the widgets from the review; ``MainScreen`` (main.py) adds what the keys do. The widgets
render themselves (the event panel builds its own content).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from factcheck.ingest import claims_supported, is_date_notice
from factcheck.model import Article, Claim, Verdict
from factcheck.review import Review, ReviewError
from factcheck.textout import counted, one_line
from factcheck.tui.app import FactcheckApp
from factcheck.tui.fmt import (
    BADGE,
    article_name,
    clip,
    date_text,
    literal,
)
from factcheck.tui.screens.modals import (
    Filter,
)
from factcheck.tui.widgets.article_list import ArticleList
from factcheck.tui.widgets.article_view import ArticleView
from factcheck.tui.widgets.claim_list import ClaimList
from factcheck.tui.widgets.event_panel import EventPanel
from factcheck.tui.widgets.key_bar import KeyBar
from factcheck.tui.widgets.line_view import LineView

PREFETCH_DELAY = 0.03  # seconds after a move before the neighbouring articles are prepared
DATE_HINT = " (p sets it)"  # how the review sets the date a date notice is about (the notice does not say)
MESSAGE_WIDTH = 60  # the most of a message the status line shows (cut with "…")


class ReadingScreen(Screen[None]):
    UNREAD_SHOWN = 5  # inputs not read named in the opening notice (the rest counted)

    def __init__(self, review: Review) -> None:
        super().__init__(id="main")
        self.review = review
        self.keys: list[str] = []  # visible article keys (filter applied)
        self._key_index: dict[str, int] = {}
        self.art_i = -1
        self.claims: list[Claim] = []  # visible claims of the current article
        self.claim_i = -1
        self.filter = Filter()
        self.show_low_scores = False  # claims under the threshold (Corpus.is_shown) are hidden until w
        self.message = ""
        self.message_whole = False  # the status line shows the message whole (not cut, nor left out)
        self._articles: dict[str, Article] = {}
        self._borders: dict[tuple[str | None, str], object] = {}  # pane id, title or subtitle -> text set
        self._started = False
        # Counts at the batch's threshold (Review.article_progress, article_hidden), as status and report
        # count them: w shows the hidden claims but changes no count (one decided is counted from then on).
        self._progress: dict[Verdict, int] | None = None  # totals, kept up to date from _art_prog
        self._art_prog: dict[str, dict[Verdict, int]] = {}  # per-article counts (list lines)
        self._hidden = 0  # claims under the threshold with no verdict, not counted (with _progress)
        self._art_hidden: dict[str, int] = {}  # the same per article (with _art_prog)
        # each article's list line and what it was made from: a filter or a recount that leaves an article as
        # it was hands the list the same line (its rendering is cached by the line)
        self._art_lines: dict[str, tuple[Article, tuple[object, ...], Content]] = {}
        self._shown_claims: list[str] | None = None
        self._prefetch_timer: Timer | None = None
        self._prefetch_gen = 0  # bumped by every move: a prefetch under way for an older one stops
        self._keys_state: tuple[object, ...] | None = None
        self._start_position: tuple[str | None, str | None] = (None, None)
        # the session's cursor as it was opened: showing the first article sets the review's cursor, so a batch
        # still loading keeps here where to go once the cursor's article is read
        self._saved_cursor: tuple[str | None, str | None] = (None, None)

    @property
    def fc_app(self) -> FactcheckApp:
        """The app, typed (this screen only runs in a FactcheckApp)."""
        app = self.app
        assert isinstance(app, FactcheckApp)
        return app

    # ------------------------------------------------------------------------------------------
    # Layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="nav"):
                yield ArticleList(id="articles")
                yield ClaimList(id="claims")
            with Vertical(id="reading"):
                yield Static(id="notices", markup=False)
                yield ArticleView(id="article")
                yield EventPanel(id="event")
        yield Static(id="status")
        yield KeyBar(id="keys")

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def claim_list(self) -> ClaimList:
        return self.query_one(ClaimList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def event_panel(self) -> EventPanel:
        return self.query_one(EventPanel)

    def on_mount(self) -> None:
        self.article_list.border_title = "Articles"
        self.claim_list.border_title = "Claims"
        self.article_view.border_title = "Article"
        self.event_panel.border_title = "Event"
        self._articles = {a.key: a for a in self.review.corpus.articles}
        self.event_panel.attach(self.review)
        self._apply_layout_class(self.app.size.width)
        key, cid = self._saved_cursor = self.review.cursor
        self._rebuild_articles()
        i = self._key_index.get(key or "", 0)
        self._select_article(i, claim_id=cid)
        self.claim_list.focus()
        self._started = True
        self._start_position = self._position()
        if self.review.loading is None:  # opened before any preview was shown (a small or cached batch)
            self._opened()

    def _position(self) -> tuple[str | None, str | None]:
        """The article and claim under the cursor."""
        a, c = self.article, self.claim
        return (a.key if a else None, c.id if c else None)

    def _opened(self) -> None:
        """The review is open: how many articles it read, and what the reviewer should know about it. (A batch
        shown while it loads says so when the opened review takes over; one opened at once, on mount.)"""
        self.set_message(f"{counted(len(self.review.corpus.articles), 'article')} read")
        self._announce()

    def _announce(self) -> None:
        """What the reviewer should know about the opened review: read-only, reconciliation, unread inputs."""
        if self.review.lock_message:
            self.notify(
                self.review.lock_message, title="Read-only", severity="warning", timeout=8, markup=False
            )
        said = self.review.report.lines()
        if self.review.orphans:  # (kept, on no claim: after this notice only the palette shows them)
            said.append("ctrl+p “decisions attached to no claim (orphans)” lists them")
        if said:  # one notice (a toast a line stacked over the panes)
            self.notify("\n".join(said), title="Session", timeout=min(12, 4 + 2 * len(said)), markup=False)
        errors = self.review.corpus.errors
        if errors:  # one notice: a toast each stacked over the panes for 30 s (a small window all covered);
            # a dialog opened meanwhile dismisses it (screens.modals.Dialog), the palette lists them again
            lines = [str(e) for e in errors[: self.UNREAD_SHOWN]]
            if len(errors) > self.UNREAD_SHOWN:
                more = len(errors) - self.UNREAD_SHOWN
                lines.append(f"… and {more} more")
            lines.append("ctrl+p “inputs not read” lists them")
            self.notify(
                "\n".join(lines),
                title=f"Not read: {len(errors)} input(s)",
                severity="warning",
                timeout=30,
                markup=False,
            )

    # ------------------------------------------------------------------------------------------
    # A batch that is still loading: the screen starts on a read-only preview of the articles read so far
    # (Review.preview); more come in (articles_added), then the opened review takes over (loaded).

    def articles_added(self, keys: list[str]) -> None:
        """Articles read meanwhile (already in the preview review): the list grows, the cursor stays."""
        if not self._started:
            return  # not mounted yet: on_mount shows what the review has then
        for k in keys:
            a = self.review.corpus.article(k) if k not in self._articles else None
            if a is not None:
                self._articles[k] = a
        if self.filter.active:
            self._rebuild_articles()
        else:
            lst = self.article_list
            width = lst.line_width
            new = [k for k in keys if k in self._articles and k not in self._key_index]
            for k in new:
                self._key_index[k] = len(self.keys)
                self.keys.append(k)
            lst.add_prompts(self._article_prompt(k, width) for k in new)
            self._article_count()
        self._progress = None
        if self.art_i < 0 and self.keys:
            self._select_article(0)
            self._start_position = self._position()
        else:
            self._go_to_saved_cursor()
            self._refresh_status()

    def files_read_changed(self) -> None:
        """More of the batch's input files read (``Review.files_read``): the counts say how far it is."""
        if self._started and self.review.loading is not None:
            self._article_count()
            self._refresh_status()

    def _go_to_saved_cursor(self) -> None:
        """The session's cursor, as soon as its article is there (unless the reviewer moved meanwhile)."""
        key, cid = self._saved_cursor
        if key is None or self._position() != self._start_position or self._position()[0] == key:
            return
        i = self._key_index.get(key)
        if i is not None:
            self._select_article(i, claim_id=cid)
            self._start_position = self._position()

    def loaded(self, review: Review) -> None:
        """The batch is read, reconciled and grouped: the opened review replaces the preview (the reviewer
        stays where they are, or goes to the session's cursor if they did not move)."""
        if not self._started:  # not mounted yet (a warm cache is that fast): on_mount shows this one
            self.review = review
            return
        moved = self._position() != self._start_position
        key, cid = self._position() if moved else review.cursor
        if key is None:
            key, cid = self._position()
        self.review = review
        self._articles = {a.key: a for a in review.corpus.articles}
        self._forget_counts()
        self.event_panel.attach(review)
        self.claim_list.forget_prompts()
        self._rebuild_articles()
        self.art_i = -1
        self._select_article(self._key_index.get(key or "", 0), claim_id=cid)
        self._refresh_keys(force=True)
        self._opened()

    def grouped(self) -> None:
        """The batch's groups are in (grouped in a worker once this screen was filled): the Event panel shows
        the current claim's event, and the status line no longer says "grouping…"."""
        if not self._started:  # not mounted yet: on_mount shows the grouped review
            return
        self.event_panel.forget()
        self._show_claim()

    def on_resize(self, event: events.Resize) -> None:
        self._apply_layout_class(event.size.width)
        self.call_after_refresh(self._refresh_status)  # (the message is fitted to the line's width)

    @on(ArticleList.WidthChanged)
    @on(ClaimList.WidthChanged)
    def _lists_resized(self) -> None:
        """Prompts are fitted to their list's width: fit them again."""
        if self._started:
            self.claim_list.forget_prompts()
            self._update_article_prompts(None)
            self._fill_claims()

    def _apply_layout_class(self, width: int) -> None:
        self.set_class(width < 110, "-narrow")
        self.set_class(width < 70, "-tiny")

    def on_descendant_focus(self) -> None:
        self._refresh_keys(force=True)

    # ------------------------------------------------------------------------------------------
    # Reading state

    @property
    def article(self) -> Article | None:
        if 0 <= self.art_i < len(self.keys):
            return self._articles.get(self.keys[self.art_i])
        return None

    @property
    def claim(self) -> Claim | None:
        if 0 <= self.claim_i < len(self.claims):
            return self.claims[self.claim_i]
        return None

    def verdict(self, cid: str) -> Verdict:
        d = self.review.data.decisions.get(cid)
        return d.verdict if d else Verdict.UNREVIEWED

    def _low(self, c: Claim) -> bool:
        """Under the check-worthiness threshold (hidden until w); claims added by hand never are. The claims of
        a review hold no evidence sentences, so this is ``not Corpus.is_shown(c)``, without its call (it is
        asked of every claim when a filter is applied)."""
        return c.score < self.review.corpus.min_score and not c.manual

    def _claim_visible(self, c: Claim, dismissed: set[str]) -> bool:
        if not self.show_low_scores and self._low(c):
            return False
        return self._matches_filter(c, dismissed)

    def _matches_filter(self, c: Claim, dismissed: set[str]) -> bool:
        """The filter's own test (verdict, dismissed, text), the score aside."""
        f = self.filter
        if f.verdict == "dismissed":
            if c.id not in dismissed:
                return False
        elif c.id in dismissed or (f.verdict and self.verdict(c.id) != f.verdict):
            return False
        if f.text:
            t = f.text.lower()
            if t not in c.text.lower() and t not in (c.speaker or "").lower():
                return False
        return True

    def _dismissed(self) -> set[str]:
        return {cid for cid, d in self.review.data.decisions.items() if d.dismissed}

    def visible_claims(self, key: str, dismissed: set[str] | None = None) -> list[Claim]:
        dismissed = self._dismissed() if dismissed is None else dismissed
        return [
            c for c in self.review.claims(key, include_dismissed=True) if self._claim_visible(c, dismissed)
        ]

    def hidden_low(self, key: str, dismissed: set[str] | None = None) -> int:
        """Claims of ``key`` hidden for their low check-worthiness score; with a filter on, those of them the
        filter would show (w shows them). The whole article's count beside a filter's matches read as hidden
        matches: "6/36 · 6 low-score hidden (w)", and w then showed no claim more."""
        if self.show_low_scores:
            return 0
        if self.filter.active:
            dismissed = self._dismissed() if dismissed is None else dismissed
            return sum(
                1
                for c in self.review.claims(key, include_dismissed=True)
                if self._low(c) and self._matches_filter(c, dismissed)
            )
        return sum(1 for c in self.review.claims(key) if self._low(c))

    def _article_visible(self, a: Article, dismissed: set[str]) -> bool:
        f = self.filter
        if f.outlet and (a.outlet or a.key) != f.outlet:
            return False
        if f.verdict or f.text:
            visible = self._claim_visible
            return any(visible(c, dismissed) for c in self.review.claims(a.key, include_dismissed=True))
        return True

    # ------------------------------------------------------------------------------------------
    # Progress counters: a decision changes one article's counts, so the totals are adjusted rather than
    # recounted over every claim.

    def article_progress(self, key: str) -> dict[Verdict, int]:
        """An article's claims per verdict at the threshold: those over it and any decided
        (``Review.article_progress``), counted once and then kept up to date by ``_recount``."""
        p = self._art_prog.get(key)
        if p is None:
            p = self._art_prog[key] = self.review.article_progress(key)
            self._art_hidden[key] = self.review.article_hidden(key)
        return p

    def _forget_counts(self) -> None:
        """Count every article again when next shown (the threshold or the review changed)."""
        self._art_prog = {}
        self._art_hidden = {}
        self._progress = None

    def _recount(self, keys: set[str] | None) -> set[str]:
        """Recount the given articles (None: all of them); returns the keys whose counts changed."""
        if keys is None:
            old = self._art_prog
            self._forget_counts()
            return {
                a.key for a in self.review.corpus.articles if old.get(a.key) != self.article_progress(a.key)
            }
        changed = set()
        for k in keys:
            old_counts = self._art_prog.pop(k, None)
            old_hidden = self._art_hidden.pop(k, 0)
            new = self.article_progress(k)
            if old_counts != new:
                changed.add(k)
                if old_counts is None:
                    self._progress = None  # never counted: the totals are recounted
                elif self._progress is not None:
                    for v in Verdict:
                        self._progress[v] += new[v] - old_counts[v]
                    self._hidden += self._art_hidden[k] - old_hidden
        return changed

    # ------------------------------------------------------------------------------------------
    # Filling widgets

    def _article_prompt(self, key: str, width: int) -> Content:
        a = self._articles[key]
        warn = bool(self.review.notices(a))
        progress = self.article_progress(key)
        made_of = (width, warn, a.outlet, a.title, a.published, a.language, tuple(progress.values()))
        kept = self._art_lines.get(key)
        if kept is not None and kept[0] is a and kept[1] == made_of:
            return kept[2]
        line = ArticleList.prompt_for(a, progress, width, warn=warn)
        self._art_lines[key] = (a, made_of, line)
        return line

    def _rebuild_articles(self) -> None:
        dismissed = self._dismissed()
        arts = self.review.corpus.articles
        self.keys = [a.key for a in arts if self._article_visible(a, dismissed)]
        lst = self.article_list
        width = lst.line_width
        lst.set_prompts(self._article_prompt(k, width) for k in self.keys)
        self._key_index = {k: i for i, k in enumerate(self.keys)}
        self._article_count()

    def _article_count(self) -> None:
        arts = self.review.corpus.articles
        sub = f"{len(self.keys):,}/{len(arts):,}" if self.filter.active else f"{len(arts):,}"
        loading = self.review.loading
        if loading is not None and loading[1]:
            sub += f" of {loading[1]:,}"
        elif loading is not None:  # (a total of 0: the number of articles is not known yet, that of files is)
            files = self.review.files_read
            sub += f" · {files[0]:,}/{files[1]:,} files" if files else " of …"
        errors = len(self.review.corpus.errors)
        self._set_border(
            self.article_list, "border_subtitle", f"{sub} · {errors:,} not read" if errors else sub
        )

    def _update_article_prompts(self, keys: set[str] | None) -> None:
        """Redraw the lines of ``keys`` (None: all of them; a line whose text and style are unchanged is
        left as it is)."""
        lst = self.article_list
        width = lst.line_width
        for k in self.keys if keys is None else keys:
            i = self._key_index.get(k)
            if i is not None and i < lst.count:
                lst.set_prompt(i, self._article_prompt(k, width))

    def _fill_claims(self, *, patch: bool = False) -> None:
        """Fill the claim list; ``patch``: the same claims as shown, so only changed lines are redrawn."""
        cl = self.claim_list
        width = cl.line_width
        dec = self.review.decision
        ids = [c.id for c in self.claims]
        if patch and ids == self._shown_claims and cl.count == len(ids):
            for i in cl.made_rows():  # (the rows not made yet are made as they stand when drawn)
                c = self.claims[i]
                cl.set_prompt(i, cl.prompt(c, dec(c.id), width))
        else:
            cl.show_claims(self.claims, dec)
        self._shown_claims = ids
        cl.highlighted = self.claim_i if 0 <= self.claim_i < len(self.claims) else None
        a = self.article
        sub = f"{len(self.claims):,}"
        if (
            self.filter.active
        ):  # of the claims the article shows unfiltered (it counted those under the threshold)
            shown = self.show_low_scores
            n_all = sum(1 for c in self.review.claims(a.key) if shown or not self._low(c)) if a else 0
            sub += f"/{n_all:,}"
        hidden = self.hidden_low(a.key) if a else 0
        if hidden:
            sub += f" · {hidden:,} low-score hidden (w)"
        elif self.show_low_scores:
            sub += " · all scores (w)"
        self._set_border(cl, "border_subtitle", sub)

    def _select_article(self, i: int, *, claim_id: str | None = None, claim_index: int = 0) -> None:
        lst = self.article_list
        if not self.keys:
            self.art_i = -1
            self.claims = []
            self.claim_i = -1
            lst.highlighted = None
            self._fill_claims()
            self._update_title()
            self._show_claim()
            return
        self.art_i = max(0, min(i, len(self.keys) - 1))
        lst.highlighted = self.art_i
        self.claims = self.visible_claims(self.keys[self.art_i])
        idx = next((j for j, c in enumerate(self.claims) if c.id == claim_id), None)
        if idx is None:
            idx = claim_index if claim_index >= 0 else len(self.claims) + claim_index
        self.claim_i = max(0, min(idx, len(self.claims) - 1)) if self.claims else -1
        self._fill_claims()
        self._update_title()
        self._show_claim()

    def _set_border(self, pane: Widget, which: str, text: str | Content) -> None:
        """Set a pane's ``border_title`` or ``border_subtitle`` (``which``) only when it changed: Textual
        repaints the whole pane each time one is set, even to the same text (a verdict given rewrote the
        article's and the claims' panes to the terminal)."""
        key = text if isinstance(text, str) else (text.plain, tuple(text.spans))
        if self._borders.get((pane.id, which)) != key:
            self._borders[(pane.id, which)] = key
            setattr(pane, which, text)

    def _update_title(self) -> None:
        a = self.article
        view = self.article_view
        notices = self.query_one("#notices", Static)
        if a is None:
            self._set_border(view, "border_title", "Article")
            notices.display = False
            return
        lang = f" · {a.language}" if a.language else ""
        # the key stands for a missing title, once: with no outlet it is already the name
        # ("sub/deeper/markup.txt · date? · en · sub/deeper/markup.txt")
        named = a.title or (a.key if a.outlet else "")
        title = Content.assemble(
            literal(article_name(a), "bold"),
            " · ",
            date_text(a.published),
            # the page's last revision, and whether its relative times are read as of it (Article.anchor)
            *(
                (
                    f" · updated {a.modified.isoformat()}"
                    + (", times as of it" if a.revised or a.dated_by_update else ""),
                )
                if a.modified and a.modified != a.published
                else ()
            ),
            lang,
            *((" · ", literal(clip(named, 60))) if named else ()),
        )
        self._set_border(view, "border_title", title)
        warnings = self.review.notices(a)
        if warnings:
            notices.update(
                Content("\n").join(
                    Content.assemble(
                        ("⚠ ", "$text-warning"), literal(n), DATE_HINT if is_date_notice(n) else ""
                    )
                    for n in warnings
                )
            )
        notices.display = bool(warnings)

    def _select_claim(self, j: int) -> None:
        if not self.claims:
            return
        j = max(0, min(j, len(self.claims) - 1))
        if j == self.claim_i:
            return
        self.claim_i = j
        self.claim_list.highlighted = j
        self._show_claim()

    def _no_claim_why(self, a: Article | None) -> str:
        """What the Event panel says when no claim is selected: why the article shows none, when it shows
        none (an empty Claims pane said nothing)."""
        if self.filter.active:
            hidden = 0
            if (
                not self.claims
            ):  # (no article shown at all: the batch's claims under the threshold that match)
                outlet = self.filter.outlet
                arts = [a] if a is not None else self.review.corpus.articles
                dismissed = self._dismissed()
                hidden = sum(
                    self.hidden_low(x.key, dismissed)
                    for x in arts
                    if not outlet or (x.outlet or x.key) == outlet
                )
            if hidden:
                return (
                    f"No claim shown matches the filter; w shows the {counted(hidden, 'matching claim')}"
                    " under the check-worthiness threshold."
                )
            return "No claim matches the filter."
        if a is None or self.claims:
            return "No claim selected."
        if not claims_supported(a):
            return "No claim: this article's language is not supported for claims."
        every = self.review.claims(a.key, include_dismissed=True)
        if not every and not a.claim_segments:  # (a page whose text trafilatura missed: a caption alone)
            return (
                "No claim in this article: none of its text is article text, all of it is page furniture"
                " (greyed, in italics: a click on it says why)."
            )
        if not every:
            return (
                "No claim in this article: no sentence of its text reads as a check-worthy statement of fact"
                " (+ adds one by hand)."
            )
        hidden = self.hidden_low(a.key)
        if hidden:
            return (
                f"No claim shown: {counted(hidden, 'claim')} under the check-worthiness threshold"
                " (w shows them)."
            )
        return f"No claim shown: {counted(len(every), 'claim')} dismissed (/ filters on dismissed)."

    def _show_claim(self) -> None:
        a, c = self.article, self.claim
        if a is not None:
            claims = self.review.claims(a.key)
            verdicts = {x.id: self.verdict(x.id) for x in claims}
            self.article_view.show(a, claims, verdicts, c)
        else:
            self.article_view.show(None, [], {}, None)
        self.event_panel.show_claim(c, empty=self._no_claim_why(a))
        if a is not None and not self.review.readonly:
            self.review.set_cursor(a.key, c.id if c else None)
            self.fc_app.schedule_save(cursor_only=True)
        self._refresh_status()
        self._refresh_keys()
        self._schedule_prefetch()

    # ------------------------------------------------------------------------------------------
    # Prefetch: while the reviewer reads, the next article's claim lines, text and event panel are built
    # (and their first screen rendered), so J/K only swap in what is ready.

    def _schedule_prefetch(self) -> None:
        self._prefetch_gen += 1
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        self._prefetch_timer = self.set_timer(PREFETCH_DELAY, self._prefetch)

    def _prefetch(self) -> None:
        """Prepare the next article, then the previous one: one step per callback, so that a key pressed
        meanwhile is handled between them (and stops the rest)."""
        self._prefetch_timer = None
        gen = self._prefetch_gen
        steps: list[Callable[[], None]] = []
        if self.is_current:
            for i in (self.art_i + 1, self.art_i - 1):
                if 0 <= i < len(self.keys):
                    steps.append(partial(self._prepare_article, self.keys[i]))

        def run(k: int = 0) -> None:
            if gen == self._prefetch_gen and k < len(steps):
                steps[k]()
                self.call_later(run, k + 1)

        run()

    def _prepare_article(self, key: str) -> None:
        a = self._articles.get(key)
        if a is None:
            return
        claims = self.visible_claims(key)
        cl = self.claim_list
        width = cl.line_width
        dec = self.review.decision
        # the first screen of its claims (three lines each at most): the rest is made when scrolled to
        shown = claims[: cl.size.height // 2 + 1]
        cl.prerender([cl.prompt(c, dec(c.id), width) for c in shown], highlighted=0)
        i = self._key_index.get(key)
        lst = self.article_list
        if i is not None and i < lst.count:
            lst.prerender([lst.prompt_at(i)], highlighted=0)
        first = claims[0] if claims else None
        every = self.review.claims(key)
        self.article_view.prepare_article(a, every, {x.id: self.verdict(x.id) for x in every}, first)
        if first is not None:
            self.event_panel.prepare_claim(first)

    def _refresh_keys(self, *, force: bool = False) -> None:
        """Refresh the key bar when what applies has changed (the focused pane, a claim or none, read-only)."""
        focused = self.focused
        pane = focused.id if focused is not None else None
        state = (pane, self.claim is None, self.review.readonly)
        if force or state != self._keys_state:
            self._keys_state = state
            self.query_one(KeyBar).show_keys(pane)

    def _refresh_status(self) -> None:
        r = self.review
        if self._progress is None:  # counted once, then adjusted by _recount
            self._progress = dict.fromkeys(Verdict, 0)
            for a in r.corpus.articles:
                for v, n in self.article_progress(a.key).items():
                    self._progress[v] += n
            self._hidden = sum(self._art_hidden[a.key] for a in r.corpus.articles)
        prog, hidden = self._progress, self._hidden
        bits: list[Any] = [literal(r.path.name, "bold"), " "]
        if r.loading is not None:
            done, total = r.loading
            files = r.files_read
            if not total and files:  # the number of articles is not known yet, that of input files is
                state = f"loading {files[0]:,}/{files[1]:,} files"
            elif not total:
                state = f"loading {done:,}…"
            else:
                state = f"loading {done:,}/{total:,}" if done < total else "grouping…"
            if r.unsaved:  # decisions made meanwhile: kept, saved once the batch is read (or on quit)
                state += " · unsaved"
            bits.append((state, "$text-warning"))
        elif r.grouping:  # the screen is filled; the Event panel and what needs groups wait for them
            bits.append(("grouping…" + (" · read-only" if r.readonly else ""), "$text-warning"))
            if r.unsaved and not r.readonly:
                bits.append((" · unsaved", "$text-warning"))
        elif r.readonly:
            bits.append(("read-only", "$text-warning"))
        elif r.unsaved:
            bits.append(("unsaved", "$text-warning"))
        else:
            bits.append(("saved", "$text-success"))
        head = Content.assemble(*bits)
        status = self.query_one("#status", Static)
        line = Content.assemble(head, self._counts(prog, hidden, compact=False))
        # The counts take their short form ("3/3,049 +830 (w)") when they do not fit the line, or leave a
        # message too little room (at 80 columns "publicat…" was left of "publication date set").
        width = status.content_size.width
        if width and (
            line.cell_length > width
            # (the message measured in cells: a Chinese letter takes two, and counted as one the counts kept
            # their long form and cut a message the short form left room for)
            or (
                self.message
                and width - line.cell_length - 2 < min(Content(one_line(self.message)).cell_length, 40)
            )
        ):
            line = Content.assemble(head, self._counts(prog, hidden, compact=True))
            if line.cell_length > width:  # (at 30 columns: cut with "…", never a count cut to look whole)
                line = line.truncate(width, ellipsis=True)
        self.message_whole = False
        if self.message:
            # the message takes what the line leaves (a cut message ends with "…": "21 articles read" at 80
            # columns read "21"); before the first layout the line's width is not known yet
            room = width - line.cell_length - 2 if width else 60
            if room >= 2:
                shown = clip(self.message, min(MESSAGE_WIDTH, room))
                self.message_whole = shown == one_line(self.message)
                line = Content.assemble(line, "  ", literal(shown).stylize("$text-muted"))
        status.update(line, layout=False)

    def _counts(self, prog: dict[Verdict, int], hidden: int, *, compact: bool) -> Content:
        """The status line's counts: per verdict, claims reviewed, claims hidden (``w``), the filter. Compact:
        no unreviewed count (the reviewed count says it), no words ("3/3,049", "+830 (w)")."""
        bits: list[Any] = []
        shown = (Verdict.CONFIRMED, Verdict.DISPUTED, Verdict.SUPERSEDED)
        for v in shown if compact else (*shown, Verdict.UNREVIEWED):
            ch, style = BADGE[v]
            bits += ["  ", (f"{ch}{prog[v]:,}", style)]
        total = sum(prog.values())
        done = total - prog[Verdict.UNREVIEWED]
        bits.append(f"  {done:,}/{total:,}" + ("" if compact else " reviewed"))
        if hidden:  # claims under the threshold with no verdict: not counted, shown or not (w)
            said = "shown, not counted (w)" if self.show_low_scores else "hidden (w)"
            bits.append((f" +{hidden:,} {'(w)' if compact else said}", "$text-muted"))
        if self.filter.active:
            bits += ["  ", ("filter: ", "$text-accent"), literal(self.filter.describe())]
        return Content.assemble(*bits)

    def set_message(self, msg: str) -> None:
        self.message = msg
        self._refresh_status()

    # ------------------------------------------------------------------------------------------
    # Events from the widgets

    @on(ArticleList.Highlighted, "#articles")
    def _article_highlighted(self, event: ArticleList.Highlighted) -> None:
        if event.index != self.art_i:
            self._select_article(event.index)

    @on(ClaimList.Highlighted, "#claims")
    def _claim_highlighted(self, event: ClaimList.Highlighted) -> None:
        if event.index != self.claim_i:
            self._select_claim(event.index)

    @on(ArticleList.Selected, "#articles")
    def _article_selected(self) -> None:
        self.claim_list.focus()

    @on(LineView.Clicked, "#article")
    def _text_clicked(self, event: LineView.Clicked) -> None:
        """A click on a sentence selects its claim; on page furniture, says why it was set aside."""
        a = self.article
        if a is None or event.offset is None:
            return
        at = self.article_view.text_offset(event.offset)  # (the view does not show the front matter)
        for j, c in enumerate(self.claims):
            if c.start <= at < c.end:
                self._select_claim(j)
                self.claim_list.focus()
                return
        hidden = [c for c in self.review.claims(a.key, include_dismissed=True) if c.start <= at < c.end]
        if hidden:
            self.set_message("that claim is hidden (low score: w shows all; or the filter)")
            return
        for seg in a.furniture_segments:
            if seg.start <= at < seg.end:
                self.set_message(f"page furniture, no claims: {seg.reason or 'not article text'}")
                return

    def go_to_claim(self, cid: str) -> None:
        try:
            c = self.review.claim(cid)
        except ReviewError as e:
            self.notify(str(e), severity="error", markup=False)
            return
        shown_all = self._low(c) and not self.show_low_scores
        if shown_all:
            self.show_low_scores = True  # a claim under the threshold was asked for: show every claim
        hidden = c.article_key not in self._key_index or all(
            x.id != cid for x in self.visible_claims(c.article_key)
        )
        if hidden and self.filter.active:
            self.filter = Filter()
            self.set_message("filter cleared")
        if hidden or shown_all:
            self._rebuild_articles()
            self.art_i = -1
        i = self._key_index.get(c.article_key)
        if i is None:
            return
        if i != self.art_i:
            self._select_article(i, claim_id=cid)
        else:
            j = next((j for j, x in enumerate(self.claims) if x.id == cid), self.claim_i)
            self._select_claim(j)

    def after_change(self, keys: set[str] | None, *, claim_id: str | None = None) -> None:
        if self.review.loading is not None:  # a preview re-extracts a re-dated article on a copy of its own
            mine = self._articles
            mine.update((a.key, a) for a in self.review.corpus.articles if mine.get(a.key) is not a)
        self.event_panel.forget()
        self.claim_list.forget_prompts()
        cur = self.claim
        cid = claim_id or (cur.id if cur else None)
        if keys is not None and self.article is not None:
            keys = keys | {self.keys[self.art_i]}
        # only the lines of articles whose counts changed (and the given ones: a new date, a new claim)
        changed = self._recount(keys)
        self._update_article_prompts(None if keys is None else changed | keys)
        if self.article is not None:
            self.claims = self.visible_claims(self.keys[self.art_i])
            idx = next((j for j, c in enumerate(self.claims) if c.id == cid), None)
            if idx is not None:
                self.claim_i = idx
            self.claim_i = min(self.claim_i, len(self.claims) - 1)
            if self.claims and self.claim_i < 0:
                self.claim_i = 0
        self._fill_claims(patch=True)
        self._update_title()
        self._show_claim()

    def apply_filter(self, f: Filter) -> None:
        cur_key = self.keys[self.art_i] if self.article else None
        cur_claim = self.claim.id if self.claim else None
        self.filter = f
        self._rebuild_articles()
        i = self._key_index.get(cur_key or "", 0)
        self.art_i = -1
        self._select_article(i, claim_id=cur_claim)
        if not self.keys:
            self.set_message("nothing matches")
        else:
            self.set_message("filter set" if f.active else "filter cleared")

    def saved(self, error: str | None, announce: bool) -> None:
        """The app finished a save: the status shows it (and says so when the reviewer asked for it)."""
        if not self.is_mounted:
            return
        try:
            if error or announce:
                self.set_message(f"save failed: {error}" if error else "saved")
            else:
                self._refresh_status()
        except NoMatches:  # the app is closing: its widgets are gone
            pass
