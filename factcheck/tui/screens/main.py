"""The main screen: articles, the article's text, its claims and the event panel."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from factcheck import sentences
from factcheck.model import Article, Claim, EventGroup, Suggestion, Verdict
from factcheck.review import Review, ReviewError
from factcheck.tui.fmt import (
    BADGE,
    article_name,
    badge,
    clip,
    coded_times,
    date_text,
    literal,
    open_times,
    readable_time,
    short_key,
    snippet,
    time_text,
    verdict_word,
)
from factcheck.tui.screens.modals import (
    AddClaimModal,
    Filter,
    FilterModal,
    GroupVerdictModal,
    InputModal,
    NoteModal,
    PickerModal,
    PickItem,
    ReportModal,
)
from factcheck.tui.widgets.article_list import ArticleList
from factcheck.tui.widgets.article_view import ArticleView
from factcheck.tui.widgets.claim_list import ClaimList
from factcheck.tui.widgets.event_panel import EventPanel

# The footer shows the short descriptions, in this order (the most used first: an 80-column footer cuts the
# rest); help and the command palette show the tooltips.
MAIN_BINDINGS = [
    Binding("question_mark,f1", "help", "Help", id="help", tooltip="Help for the focused part, every key"),
    Binding("j", "next_claim", "Next", id="next-claim", tooltip="Next claim"),
    Binding("k", "prev_claim", "Prev", id="prev-claim", show=False, tooltip="Previous claim"),
    Binding("J,right_square_bracket", "next_article", "Article", id="next-article", tooltip="Next article"),
    Binding(
        "K,left_square_bracket",
        "prev_article",
        "Prev article",
        id="prev-article",
        show=False,
        tooltip="Previous article",
    ),
    Binding("n", "next_unreviewed", "Todo", id="next-unreviewed", tooltip="Next unreviewed claim, anywhere"),
    Binding("c", "mark('confirmed')", "Confirm", id="mark-confirmed", tooltip="Mark confirmed"),
    Binding("d", "mark('disputed')", "Dispute", id="mark-disputed", tooltip="Mark disputed"),
    Binding("s", "supersede", "Supersede…", id="mark-superseded", tooltip="Mark superseded by…"),
    Binding("u", "mark('unreviewed')", "Unmark", id="mark-unreviewed", tooltip="Back to unreviewed"),
    # shown in the event panel beside the suggestion it accepts, not in the footer: the footer would be
    # rebuilt (two layouts, ~50 ms) whenever a move went between claims with and without a suggestion
    Binding(
        "a", "accept_suggestion", "Accept", id="accept-suggestion", show=False, tooltip="Accept suggestion"
    ),
    Binding("e", "edit_note", "Note", id="edit-note", tooltip="Edit the note"),
    Binding("o", "add_evidence", "Evidence", id="add-evidence", show=False, tooltip="Add evidence"),
    Binding("plus", "add_claim", "Add claim", id="add-claim", show=False, tooltip="Add a missed claim"),
    Binding("minus", "toggle_dismiss", "Dismiss", id="dismiss-claim", show=False, tooltip="Dismiss/restore"),
    Binding(
        "G",
        "apply_to_group",
        "To group",
        id="apply-to-group",
        show=False,
        tooltip="Verdict to the whole group",
    ),
    Binding("g", "groups", "Groups", id="show-groups", tooltip="Groups screen"),
    Binding("m", "merge_group", "Merge", id="merge-group", show=False, tooltip="Merge group with…"),
    Binding("x", "take_out", "Out of group", id="take-out-of-group", show=False, tooltip="Take out of group"),
    Binding(
        "p", "set_published", "Pub. date", id="set-published", show=False, tooltip="Set the publication date"
    ),
    Binding("slash", "filter", "Filter", id="filter", tooltip="Filter"),
    Binding("ctrl+z", "undo", "Undo", id="undo", tooltip="Undo"),
    Binding("ctrl+y", "redo", "Redo", id="redo", show=False, tooltip="Redo"),
    Binding("ctrl+s", "save", "Save", id="save", show=False, tooltip="Save now"),
    Binding("R", "write_report", "Report", id="write-report", show=False, tooltip="Write a report"),
    Binding(
        "q", "quit", "Quit", id="quit", show=False, tooltip="Quit (saves first)"
    ),  # no room at 120 columns
]

EVENT_LINES = 30  # other reports listed in the event panel
PREFETCH_DELAY = 0.03  # seconds after a move before the neighbouring articles are prepared
IDLE_GC_DELAY = 6.0  # seconds without a move before a garbage collection of a pause
DEEP_GC_MOVES = 200  # moves between deep collections (of frozen objects too)
GC_FULL_EVERY = 12  # moves between full garbage collections while the reviewer keeps moving

MUTATING = {
    "mark",
    "supersede",
    "accept_suggestion",
    "edit_note",
    "add_evidence",
    "add_claim",
    "toggle_dismiss",
    "apply_to_group",
    "merge_group",
    "take_out",
    "set_published",
    "undo",
    "redo",
    "save",
}
NEEDS_CLAIM = {
    "mark",
    "supersede",
    "edit_note",
    "add_evidence",
    "toggle_dismiss",
    "apply_to_group",
    "merge_group",
    "take_out",
}


def _is_url(s: str) -> bool:
    u = urlparse(s)
    return u.scheme in ("http", "https") and bool(u.netloc) and not any(ch.isspace() for ch in s)


class MainScreen(Screen[None]):
    BINDINGS = MAIN_BINDINGS

    def __init__(self, review: Review) -> None:
        super().__init__(id="main")
        self.review = review
        self.keys: list[str] = []  # visible article keys (filter applied)
        self.art_i = -1
        self.claims: list[Claim] = []  # visible claims of the current article
        self.claim_i = -1
        self.filter = Filter()
        self.message = ""
        self._groups_src: list[EventGroup] | None = None
        self._groups: dict[str, EventGroup] = {}
        self._articles: dict[str, Article] = {}
        self._started = False
        self._progress: dict[Verdict, int] | None = None  # totals, kept up to date from _art_prog
        self._art_prog: dict[str, dict[Verdict, int]] = {}  # per-article counts (list lines)
        # built for a claim, kept until the session changes (after_change clears them)
        self._event_cache: dict[str, tuple[Claim, Content]] = {}
        self._sugg_cache: dict[str, tuple[Claim, list[Suggestion]]] = {}
        self._prefetch_timer: Timer | None = None
        self._prefetch_gen = 0  # bumped by every move: a prefetch under way for an older one stops
        self._gc_timer: Timer | None = None
        self._moves = 0
        self._deep_gc_at = 0  # self._moves at the last deep collection

    # ------------------------------------------------------------------------------------------
    # Layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="nav"):
                yield ArticleList(id="articles")
                yield ClaimList(id="claims")
            with Vertical(id="reading"):
                yield ArticleView(id="article")
                yield EventPanel(id="event")
        yield Static(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#articles").border_title = "Articles"
        self.query_one("#claims").border_title = "Claims"
        self.query_one("#article").border_title = "Article"
        self.query_one("#event").border_title = "Event"
        self._articles = {a.key: a for a in self.review.corpus.articles}
        self._apply_layout_class(self.app.size.width)
        key, cid = self.review.cursor
        self._rebuild_articles()
        i = self.keys.index(key) if key in self.keys else 0
        self._select_article(i, claim_id=cid)
        self.query_one(ClaimList).focus()
        self._started = True
        if self.review.lock_message:
            self.notify(
                self.review.lock_message, title="Read-only", severity="warning", timeout=8, markup=False
            )
        for line in self.review.report.lines():
            self.notify(line, title="Session", timeout=6, markup=False)

    def on_resize(self, event: events.Resize) -> None:
        self._apply_layout_class(event.size.width)

    @on(ClaimList.Resized)
    def _lists_resized(self) -> None:
        if self._started:
            self._refresh_prompts()
            self.query_one(ArticleView).rescroll(self.article, self.claim)

    def _apply_layout_class(self, width: int) -> None:
        self.set_class(width < 110, "-narrow")

    def _refresh_prompts(self) -> None:
        self._update_article_prompts(None)
        self._fill_claims()

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

    def group_of(self, claim: Claim) -> EventGroup | None:
        groups = self.review.corpus.groups
        if groups is not self._groups_src:
            self._groups_src = groups
            self._groups = {g.id: g for g in groups}
        if claim.group is None:
            return None
        return self._groups.get(claim.group)

    def _claim_visible(self, c: Claim, dismissed: set[str]) -> bool:
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

    def _article_visible(self, a: Article, dismissed: set[str]) -> bool:
        f = self.filter
        if f.outlet and (a.outlet or a.key) != f.outlet:
            return False
        if f.verdict or f.text:
            return bool(self.visible_claims(a.key, dismissed))
        return True

    # ------------------------------------------------------------------------------------------
    # Progress counters: a decision changes one article's counts, so the totals are adjusted rather than
    # recounted over every claim (1,000 articles: ~25 ms per keypress).

    def article_progress(self, key: str) -> dict[Verdict, int]:
        p = self._art_prog.get(key)
        if p is None:
            p = self._art_prog[key] = self.review.article_progress(key)
        return p

    def _recount(self, keys: set[str] | None) -> set[str]:
        """Recount the given articles (None: all of them); returns the keys whose counts changed."""
        if keys is None:
            old = self._art_prog
            self._art_prog = {}
            self._progress = None
            return {
                a.key for a in self.review.corpus.articles if old.get(a.key) != self.article_progress(a.key)
            }
        changed = set()
        for k in keys:
            old = self._art_prog.pop(k, None)
            new = self.article_progress(k)
            if old != new:
                changed.add(k)
                if old is None:
                    self._progress = None  # never counted: the totals are recounted
                elif self._progress is not None:
                    for v in Verdict:
                        self._progress[v] += new[v] - old[v]
        return changed

    # ------------------------------------------------------------------------------------------
    # Filling widgets

    def _list_width(self, widget: OptionList) -> int:
        w = widget.scrollable_content_region.width
        return w if w > 4 else 40

    def _rebuild_articles(self) -> None:
        dismissed = self._dismissed()
        arts = self.review.corpus.articles
        self.keys = [a.key for a in arts if self._article_visible(a, dismissed)]
        lst = self.query_one(ArticleList)
        width = self._list_width(lst)
        with self.app.batch_update():
            lst.set_options(
                Option(lst.prompt_for(self._articles[k], self.article_progress(k), width)) for k in self.keys
            )
        self._key_index = {k: i for i, k in enumerate(self.keys)}
        lst.border_subtitle = f"{len(self.keys)}/{len(arts)}" if self.filter.active else str(len(arts))

    def _update_article_prompts(self, keys: set[str] | None, *, patch: bool = False) -> None:
        """Redraw the lines of ``keys`` (None: all; ``patch``: only those whose text or style changed)."""
        lst = self.query_one(ArticleList)
        width = self._list_width(lst)
        if keys is None and patch:
            keys = set(self.keys)
        if keys is None:  # every line (the width changed)
            highlighted = lst.highlighted
            lst.set_options(
                Option(lst.prompt_for(self._articles[k], self.article_progress(k), width)) for k in self.keys
            )
            lst.highlighted = highlighted
            return
        index = getattr(self, "_key_index", {})
        for k in keys:
            i = index.get(k)
            if i is not None and i < len(self.keys) and self.keys[i] == k:
                lst.set_prompt(i, lst.prompt_for(self._articles[k], self.article_progress(k), width))

    def _fill_claims(self, *, patch: bool = False) -> None:
        """Fill the claim list; ``patch``: the same claims as shown, so only changed lines are redrawn."""
        cl = self.query_one(ClaimList)
        width = self._list_width(cl)
        dec = self.review.decision
        ids = [c.id for c in self.claims]
        if patch and ids == getattr(self, "_shown_claims", None) and cl.option_count == len(ids):
            for i, c in enumerate(self.claims):
                cl.set_prompt(i, cl.prompt(c, dec(c.id), width))
        else:
            cl.set_options(Option(cl.prompt(c, dec(c.id), width)) for c in self.claims)
        self._shown_claims = ids
        if 0 <= self.claim_i < len(self.claims) and cl.highlighted != self.claim_i:
            cl.highlighted = self.claim_i
        a = self.article
        n_all = len(self.review.claims(a.key)) if a else 0
        cl.border_subtitle = f"{len(self.claims)}/{n_all}" if self.filter.active else str(n_all)

    def _select_article(self, i: int, *, claim_id: str | None = None, claim_index: int = 0) -> None:
        lst = self.query_one(ArticleList)
        if not self.keys:
            self.art_i = -1
            self.claims = []
            self.claim_i = -1
            lst.highlighted = None
            self._fill_claims()
            self._show_claim()
            return
        self.art_i = max(0, min(i, len(self.keys) - 1))
        if lst.highlighted != self.art_i:
            lst.highlighted = self.art_i
        self.claims = self.visible_claims(self.keys[self.art_i])
        idx = next((j for j, c in enumerate(self.claims) if c.id == claim_id), None)
        if idx is None:
            idx = claim_index if claim_index >= 0 else len(self.claims) + claim_index
        self.claim_i = max(0, min(idx, len(self.claims) - 1)) if self.claims else -1
        self._fill_claims()
        self._update_title()
        self._show_claim()

    def _update_title(self) -> None:
        a = self.article
        if a is not None:
            self.query_one(ArticleView).border_title = Content.assemble(
                (article_name(a), "bold"), " · ", date_text(a.published), " · ", clip(a.title or a.key, 60)
            )

    def _select_claim(self, j: int) -> None:
        if not self.claims:
            return
        j = max(0, min(j, len(self.claims) - 1))
        if j == self.claim_i:
            return
        self.claim_i = j
        cl = self.query_one(ClaimList)
        if cl.highlighted != j:
            cl.highlighted = j
        self._show_claim()

    def _show_claim(self) -> None:
        a, c = self.article, self.claim
        if a is not None:
            claims = self.review.claims(a.key)
            verdicts = {x.id: self.verdict(x.id) for x in claims}
            self.query_one(ArticleView).show(a, claims, verdicts, c)
        else:
            self.query_one(ArticleView).show(None, [], {}, None)
        self.query_one(EventPanel).show(self._event_content(c))
        if a is not None and not self.review.readonly:
            self.review.set_cursor(a.key, c.id if c else None)
            self.app.schedule_save(cursor_only=True)  # type: ignore[attr-defined]
        self._refresh_status()
        self._refresh_footer()
        self._schedule_prefetch()

    # ------------------------------------------------------------------------------------------
    # Prefetch: while the reviewer reads, the next article's claim lines, text and event panel are built
    # (and its first screen rendered), so J/K only swap in what is ready.

    def _schedule_prefetch(self) -> None:
        self._prefetch_gen += 1
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        self._prefetch_timer = self.set_timer(PREFETCH_DELAY, self._prefetch)

    def _prefetch(self) -> None:
        """Prepare the next article, then the previous one, then collect garbage: one step per callback,
        so that a key pressed meanwhile is handled between them (and stops the rest)."""
        self._prefetch_timer = None
        gen = self._prefetch_gen
        steps: list[Callable[[], None]] = []
        if self.is_current:
            for i in (self.art_i + 1, self.art_i - 1):
                if 0 <= i < len(self.keys):
                    steps.append(partial(self._prepare_article, self.keys[i]))
        steps.append(self._collect_garbage)

        def run(k: int = 0) -> None:
            if gen == self._prefetch_gen and k < len(steps):
                steps[k]()
                self.call_later(run, k + 1)

        run()

    def _collect_garbage(self) -> None:
        # The garbage collections the app holds back (see app.py) run here, while the reviewer reads: the
        # young objects after each move (a few ms); every GC_FULL_EVERY moves the rest, freezing what survives
        # so that the next one costs what was made since (~10-30 ms) rather than every cached line of the
        # session (150+ ms). Rendering leaves reference cycles (a Content's split cache holds the Content):
        # cached lines frozen while alive and dropped later wait for the deep collection of a pause.
        self._moves += 1
        if self._moves % GC_FULL_EVERY == 0:
            gc.collect()
            gc.freeze()
        else:
            gc.collect(1)
        if self._gc_timer is not None:
            self._gc_timer.stop()
        self._gc_timer = self.set_timer(IDLE_GC_DELAY, self._deep_gc)

    def _deep_gc(self) -> None:
        """When the reviewer pauses: every object, frozen ones included (~0.3 s at 1,000 articles, so at
        most once per DEEP_GC_MOVES moves; otherwise what was made since the last freeze)."""
        self._gc_timer = None
        if self._moves - self._deep_gc_at >= DEEP_GC_MOVES:
            self._deep_gc_at = self._moves
            gc.unfreeze()
        gc.collect()
        gc.freeze()

    def _prepare_article(self, key: str) -> None:
        a = self._articles.get(key)
        if a is None:
            return
        claims = self.visible_claims(key)
        cl = self.query_one(ClaimList)
        width = self._list_width(cl)
        dec = self.review.decision
        prompts = [cl.prompt(c, dec(c.id), width) for c in claims]
        cl.prerender(prompts, highlighted=0, count=cl.size.height // 2 + 1)  # (two lines per claim)
        i = self._key_index.get(key)
        lst = self.query_one(ArticleList)
        if i is not None and i < lst.option_count:
            lst.prerender([lst.get_option_at_index(i).prompt], highlighted=0)  # type: ignore[list-item]
        first = claims[0] if claims else None
        every = self.review.claims(key)
        self.query_one(ArticleView).prepare_article(
            a, every, {x.id: self.verdict(x.id) for x in every}, first
        )
        if first is not None:
            self._suggestions(first)
            self.query_one(EventPanel).prepare(self._event_content(first))

    def _refresh_footer(self) -> None:
        """Refresh the footer only when what applies has changed (a footer refresh rebuilds its keys: two
        layouts, ~50 ms). Keys that come and go with every move or decision (a, ctrl+z) are not part of it:
        'a' is shown beside its suggestion, and undo with nothing to undo says so."""
        state = (self.claim is None, self.review.readonly)
        if state != getattr(self, "_footer_state", None):
            self._footer_state = state
            self.refresh_bindings()

    def _suggestions(self, c: Claim | None) -> list[Suggestion]:
        if c is None:
            return []
        hit = self._sugg_cache.get(c.id)
        if hit is None or hit[0] is not c:
            if len(self._sugg_cache) > 200:
                self._sugg_cache.clear()
            hit = self._sugg_cache[c.id] = (c, self._find_suggestions(c))
        return hit[1]

    def _find_suggestions(self, c: Claim) -> list[Suggestion]:
        try:
            found = self.review.suggestions_for(c.id)
        except ReviewError:
            return []
        # the actionable kind first: "a" accepts the first one shown
        return sorted(found, key=lambda s: (s.kind != "supersedes", s.claim != c.id))

    def suggestion_text(self, s: Suggestion) -> Content:
        idx = self.review.claim
        try:
            a, b = idx(s.claim), idx(s.by)
        except ReviewError:
            return literal(f"{s.claim} {s.kind} {s.by}")
        verb = "is superseded by" if s.kind == "supersedes" else "conflicts with"
        return Content.assemble(
            (short_key(a.article_key), "bold"),
            literal(f"'s '{snippet(a)}' {verb} "),
            (short_key(b.article_key), "bold"),
            literal(f"'s '{snippet(b)}'"),
        )

    def _event_content(self, c: Claim | None) -> Content:
        """What the event panel shows for ``c`` (cached until the next change to the session)."""
        if c is None:
            return self._build_event_content(c)
        hit = self._event_cache.get(c.id)
        if hit is None or hit[0] is not c:
            if len(self._event_cache) > 200:
                self._event_cache.clear()
            hit = self._event_cache[c.id] = (c, self._build_event_content(c))
        return hit[1]

    def _build_event_content(self, c: Claim | None) -> Content:
        if c is None:
            return Content("No claim selected." if not self.filter.active else "No claim matches the filter.")
        g = self.group_of(c)
        d = self.review.decision(c.id)
        lines: list[Content] = []
        head = [verdict_word(d.verdict)]
        if d.superseded_by:
            try:
                by = self.review.claim(d.superseded_by)
                head.append(literal(f" by {short_key(by.article_key)}'s '{snippet(by)}'"))
            except ReviewError:
                head.append(literal(f" by {d.superseded_by}"))
        head.append(Content.styled(f"  {c.id}", "$text-muted"))
        lines.append(Content.assemble(*head))
        when = time_text(c)
        if when:  # every time of the claim (the list shows the first); the values themselves when open
            raw = coded_times(c)
            art = self._articles.get(c.article_key)
            extra = f" · value {', '.join(raw)}" if raw else ""
            if open_times(c) and art is not None and art.published is None:
                extra += " · p sets the publication date"
            lines.append(Content.assemble(("Time: ", "bold"), (when, "$text-accent"), (extra, "$text-muted")))
        for s in self._suggestions(c):
            lines.append(
                Content.assemble(
                    ("Suggestion", "bold $text-warning"),
                    (" (a accepts): ", "$text-muted"),
                    self.suggestion_text(s),
                    literal(f" — {s.why}" if s.why else "").stylize("$text-muted"),
                )
            )
        if d.note:
            lines.append(Content.assemble(("Note: ", "bold"), literal(d.note)))
        if d.evidence:
            lines.append(Content.assemble(("Evidence: ", "bold"), literal(", ".join(d.evidence))))
        if g is None or len(g.claims) <= 1:
            lines.append(Content.styled("No other report of this event.", "$text-muted"))
        else:
            outlets = set()
            for x in g.claims:
                try:
                    outlets.add(self.review.claim(x).article_key)
                except ReviewError:
                    continue
            lines.append(
                Content.assemble(
                    ("Event ", "bold"),
                    literal(g.id),
                    " · time ",
                    (readable_time(g.when) if g.when else "unknown", "$text-accent"),
                    f" · {len(g.claims)} claims, {len(outlets)} articles",
                )
            )
            why = g.why.get("summary") if isinstance(g.why, dict) else None
            if why:
                lines.append(Content.assemble(("Why: ", "$text-muted"), literal(str(why))))
            others = []
            for x in g.claims:
                if x == c.id:
                    continue
                try:
                    o = self.review.claim(x)
                except ReviewError:
                    continue
                if o.article_key == c.article_key:
                    continue
                art = self._articles.get(o.article_key)
                others.append(
                    (art.published if art and art.published else dt.date.max, o.article_key, o, art)
                )
            others.sort(key=lambda t: (t[0], t[1], t[2].start))
            more = len(others) - EVENT_LINES
            for pub, _k, o, art in others[:EVENT_LINES]:
                v = self.verdict(o.id)
                lines.append(
                    Content.assemble(
                        badge(v),
                        " ",
                        (date_text(pub if pub != dt.date.max else None), "$text-muted"),
                        " ",
                        (short_key(o.article_key), "bold"),
                        " ",
                        literal(clip(article_name(art), 22)),
                        " · ",
                        (time_text(o) or "no time", "$text-accent"),
                        " · ",
                        literal(clip(o.text, 160)),
                    )
                )
            if more > 0:  # a big event would cost a long wrap on every move: the groups screen has them all
                lines.append(Content.styled(f"… and {more} more (g: groups screen)", "$text-muted"))
        return Content("\n").join(lines)

    def _refresh_status(self) -> None:
        r = self.review
        if self._progress is None:  # counted once, then adjusted by _recount
            self._progress = dict.fromkeys(Verdict, 0)
            for a in r.corpus.articles:
                for v, n in self.article_progress(a.key).items():
                    self._progress[v] += n
        prog = self._progress
        bits: list[Any] = [literal(r.path.name, "bold"), " "]
        if r.readonly:
            bits.append(("read-only", "$text-warning"))
        elif r.dirty:
            bits.append(("unsaved", "$text-warning"))
        else:
            bits.append(("saved", "$text-success"))
        for v in (Verdict.CONFIRMED, Verdict.DISPUTED, Verdict.SUPERSEDED, Verdict.UNREVIEWED):
            ch, style = BADGE[v]
            bits += ["  ", (f"{ch}{prog[v]}", style)]
        total = sum(prog.values())
        done = total - prog[Verdict.UNREVIEWED]
        bits.append(f"  {done}/{total} reviewed")
        if self.filter.active:
            bits += ["  ", ("filter: ", "$text-accent"), literal(self.filter.describe())]
        if self.message:
            bits += ["  ", literal(clip(self.message, 60)).stylize("$text-muted")]
        self.query_one("#status", Static).update(Content.assemble(*bits), layout=False)

    def set_message(self, msg: str) -> None:
        self.message = msg
        self._refresh_status()

    # ------------------------------------------------------------------------------------------
    # Events from the lists

    @on(OptionList.OptionHighlighted, "#articles")
    def _article_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index == event.option_list.highlighted and event.option_index != self.art_i:
            self._select_article(event.option_index)  # (stale events from programmatic moves are ignored)

    @on(OptionList.OptionHighlighted, "#claims")
    def _claim_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index == event.option_list.highlighted and event.option_index != self.claim_i:
            self._select_claim(event.option_index)

    @on(OptionList.OptionSelected, "#articles")
    def _article_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one(ClaimList).focus()

    # ------------------------------------------------------------------------------------------
    # Actions: moving

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in MUTATING and self.review.readonly:
            return None
        if action in NEEDS_CLAIM and self.claim is None:
            return None
        return True

    def action_next_claim(self) -> None:
        if self.claim_i < len(self.claims) - 1:
            self._select_claim(self.claim_i + 1)
        elif self.art_i < len(self.keys) - 1:
            self._select_article(self.art_i + 1)

    def action_prev_claim(self) -> None:
        if self.claim_i > 0:
            self._select_claim(self.claim_i - 1)
        elif self.art_i > 0:
            self._select_article(self.art_i - 1, claim_index=-1)

    def action_next_article(self) -> None:
        if self.art_i < len(self.keys) - 1:
            self._select_article(self.art_i + 1)

    def action_prev_article(self) -> None:
        if self.art_i > 0:
            self._select_article(self.art_i - 1)

    def action_next_unreviewed(self) -> None:
        """The next unreviewed claim after the cursor, in any article (wrapping round)."""
        arts = [a.key for a in self.review.corpus.articles]
        if not arts:
            return
        cur_key = self.keys[self.art_i] if self.article else arts[0]
        start = arts.index(cur_key) if cur_key in arts else 0
        cur_claim = self.claim
        dec = self.review.data.decisions
        for step in range(len(arts) + 1):
            key = arts[(start + step) % len(arts)]
            for c in self.review.claims(key):
                if step == 0 and cur_claim is not None and c.start <= cur_claim.start:
                    continue
                if step == len(arts) and cur_claim is not None and c.start > cur_claim.start:
                    break
                d = dec.get(c.id)
                if d is None or d.verdict == Verdict.UNREVIEWED:
                    self.go_to_claim(c.id)
                    return
        self.set_message("every claim has a verdict")
        self.notify("Every claim has a verdict.", timeout=3, markup=False)

    def go_to_claim(self, cid: str) -> None:
        try:
            c = self.review.claim(cid)
        except ReviewError as e:
            self.notify(str(e), severity="error", markup=False)
            return
        hidden = c.article_key not in self.keys or all(
            x.id != cid for x in self.visible_claims(c.article_key)
        )
        if hidden and self.filter.active:
            self.filter = Filter()
            self._rebuild_articles()
            self.set_message("filter cleared")
        if c.article_key not in self.keys:
            return
        i = self.keys.index(c.article_key)
        if i != self.art_i:
            self._select_article(i, claim_id=cid)
        else:
            j = next((j for j, x in enumerate(self.claims) if x.id == cid), self.claim_i)
            self._select_claim(j)

    # ------------------------------------------------------------------------------------------
    # Actions: decisions

    def _mutate(
        self, fn: Callable[..., Any], *args: Any, keys: set[str] | bool | None = True, **kw: Any
    ) -> Any:
        """Run one Review call; on success refresh what it changed and schedule an autosave.

        ``keys``: the articles whose list lines change (True: the current one; None: all of them).
        """
        if self.review.readonly:
            self.notify(
                self.review.lock_message or "The session is open read-only.", severity="warning", markup=False
            )
            return None
        try:
            result = fn(*args, **kw)
        except ReviewError as e:
            self._recount(None)
            self.notify(str(e), severity="error", timeout=6, markup=False)
            return None
        if keys is True:
            keys = {self.keys[self.art_i]} if self.article else set()
        self.after_change(keys)  # type: ignore[arg-type]
        self.app.schedule_save()  # type: ignore[attr-defined]
        return result

    def after_change(self, keys: set[str] | None, *, claim_id: str | None = None) -> None:
        self._event_cache.clear()
        self._sugg_cache.clear()
        self.query_one(ClaimList).forget_prompts()
        cur = self.claim
        cid = claim_id or (cur.id if cur else None)
        if keys is not None and self.article is not None:
            keys = keys | {self.keys[self.art_i]}
        # only the lines of articles whose counts changed (and the given ones: a new date, a new claim)
        changed = self._recount(keys)
        self._update_article_prompts(None if keys is None else changed | keys, patch=True)
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

    def action_mark(self, verdict: str) -> None:
        c = self.claim
        if c is None:
            return
        self._mutate(self.review.mark, c.id, Verdict(verdict))
        self.set_message(f"{c.id} {verdict}")

    def action_supersede(self) -> None:
        c = self.claim
        if c is None or self.review.readonly:
            return
        suggested = {s.by for s in self._suggestions(c) if s.kind == "supersedes" and s.claim == c.id}
        g = self.group_of(c)
        same = set(g.claims) if g else set()
        items = []
        for o in self.review.superseding_candidates(c.id):
            tag: tuple[str, str] = (
                ("★ suggested ", "bold $text-warning")
                if o.id in suggested
                else (("same event ", "$text-accent") if o.id in same else ("", ""))
            )
            art = self._articles.get(o.article_key)
            prompt = Content.assemble(
                tag,
                badge(self.verdict(o.id)),
                " ",
                (short_key(o.article_key), "bold"),
                " ",
                literal(clip(article_name(art), 20)),
                " ",
                (date_text(art.published if art else None), "$text-muted"),
                " · ",
                (time_text(o) or "no time", "$text-accent"),
                "\n  ",
                literal(clip(o.text, 150)),
            )
            search = f"{o.id} {o.article_key} {art.outlet if art else ''} {o.text}".lower()
            items.append(PickItem(o.id, prompt, search))

        def picked(by: str | None) -> None:
            if by:
                self._mutate(self.review.mark, c.id, Verdict.SUPERSEDED, by=by)
                self.set_message(f"{c.id} superseded by {by}")

        self.app.push_screen(PickerModal(f"{c.id} is superseded by…", items), picked)

    def action_accept_suggestion(self) -> None:
        c = self.claim
        sugg = self._suggestions(c)
        if c is None or not sugg:
            self.notify("No suggestion for this claim.", timeout=3, markup=False)
            return
        s = sugg[0]
        if s.kind != "supersedes":
            self.notify("A conflict is not a verdict: mark each claim yourself.", timeout=5, markup=False)
            return
        self._mutate(self.review.mark, s.claim, Verdict.SUPERSEDED, by=s.by, keys=None)
        self.set_message(f"accepted: {s.claim} superseded by {s.by}")

    def action_edit_note(self) -> None:
        c = self.claim
        if c is None or self.review.readonly:
            return

        def done(note: str | None) -> None:
            if note is not None:
                self._mutate(self.review.set_note, c.id, note)
                self.set_message(f"note on {c.id}")

        self.app.push_screen(
            NoteModal(f"Note on {c.id}: {clip(c.text, 60)}", self.review.decision(c.id).note), done
        )

    def action_add_evidence(self) -> None:
        c = self.claim
        if c is None or self.review.readonly:
            return

        def check(v: str) -> str | None:
            if _is_url(v):
                return None
            try:
                self.review.claim(v)
            except ReviewError:
                pass
            else:
                return None
            return "Give an http(s) URL or a claim id."

        def done(item: str | None) -> None:
            if item:
                self._mutate(self.review.add_evidence, c.id, item)
                self.set_message(f"evidence for {c.id}")

        self.app.push_screen(
            InputModal(f"Evidence for {c.id}", placeholder="https://… or a claim id", validate=check), done
        )

    def action_add_claim(self) -> None:
        a = self.article
        if a is None or self.review.readonly:
            return
        spans = list(sentences.split_spans(a.text))
        claimed = [(x.start, x.end) for x in self.review.claims(a.key, include_dismissed=True)]
        cur = self.claim
        after = cur.end if cur else 0

        def covered(s: int, e: int) -> bool:
            return any(cs < e and s < ce for cs, ce in claimed)

        idx = next((i for i, (s, e) in enumerate(spans) if s >= after and not covered(s, e)), None)
        if idx is None:
            idx = next((i for i, (s, e) in enumerate(spans) if not covered(s, e)), 0)
        key = a.key

        def done(span: tuple[int, int] | None) -> None:
            if span:
                new = self._mutate(self.review.add_claim, key, span[0], span[1])
                if new is not None:
                    self.after_change({key}, claim_id=new.id)
                    self.set_message(f"added claim {new.id}")

        self.app.push_screen(AddClaimModal(a.text, spans, idx), done)

    def action_toggle_dismiss(self) -> None:
        c = self.claim
        if c is None:
            return
        if self.review.decision(c.id).dismissed:
            self._mutate(self.review.restore, c.id)
            self.set_message(f"restored {c.id}")
        else:
            self._mutate(self.review.dismiss, c.id)
            self.set_message(f"dismissed {c.id} (- again under the 'dismissed' filter restores it)")

    def action_apply_to_group(self) -> None:
        c = self.claim
        if c is None or self.review.readonly:
            return
        g = self.group_of(c)
        ids = list(g.claims) if g else [c.id]
        lines = []
        for x in ids:
            try:
                o = self.review.claim(x)
            except ReviewError:
                continue
            lines.append(
                Content.assemble(
                    badge(self.verdict(x)),
                    " ",
                    (short_key(o.article_key), "bold"),
                    " ",
                    literal(clip(o.text, 90)),
                )
            )
        title = f"Apply a verdict to the {len(lines)} claim(s) of this event"

        def done(v: Verdict | None) -> None:
            if v is not None:
                changed = self._mutate(self.review.apply_to_group, c.id, v, keys=None)
                if changed is not None:
                    self.set_message(f"{len(changed)} claim(s) marked {v}")

        self.app.push_screen(GroupVerdictModal(title, lines, self.verdict(c.id)), done)

    def action_groups(self) -> None:
        from factcheck.tui.screens.groups import GroupsScreen

        self.app.push_screen(GroupsScreen(self.review, self))

    def action_merge_group(self) -> None:
        c = self.claim
        if c is None or self.review.readonly:
            return
        mine = self.group_of(c)
        items = []
        for g in sorted(self.review.corpus.groups, key=lambda g: (g.when or "~", g.id)):
            if (mine is not None and g.id == mine.id) or not g.claims:
                continue
            prompt = Content.assemble(
                (readable_time(g.when) if g.when else "no time", "$text-accent"),
                f" · {len(g.claims)} claim(s) · ",
                literal(clip(g.label, 100)),
            )
            items.append(PickItem(g.claims[0], prompt, f"{g.id} {g.when} {g.label}".lower()))

        def done(other: str | None) -> None:
            if other:
                self._mutate(self.review.merge_groups, c.id, other, keys=set())
                self.set_message("groups merged")

        self.app.push_screen(PickerModal("Merge this claim's event with…", items), done)

    def action_take_out(self) -> None:
        c = self.claim
        if c is None:
            return
        self._mutate(self.review.take_out_of_group, c.id, keys=set())
        self.set_message(f"{c.id} taken out of its group")

    def action_set_published(self) -> None:
        a = self.article
        if a is None or self.review.readonly:
            return

        def check(v: str) -> str | None:
            if not v:
                return None
            try:
                dt.date.fromisoformat(v)
            except ValueError:
                return "Write the date as YYYY-MM-DD (empty: back to the detected date)."
            return None

        key = a.key

        def done(v: str | None) -> None:
            if v is None:
                return
            self._mutate(self.review.set_published, key, dt.date.fromisoformat(v) if v else None, keys={key})
            self.set_message(f"publication date of {short_key(key)}: {v or 'as detected'}")

        self.app.push_screen(
            InputModal(
                f"Publication date of {article_name(a)} (now {date_text(a.published)})",
                a.published.isoformat() if a.published else "",
                placeholder="YYYY-MM-DD",
                hint="enter keep (empty: the detected date) · escape cancel",
                validate=check,
            ),
            done,
        )

    def action_filter(self) -> None:
        outlets = sorted({a.outlet or a.key for a in self.review.corpus.articles})

        def done(f: Filter | None) -> None:
            if f is None:
                return
            self.apply_filter(f)

        self.app.push_screen(FilterModal(self.filter, outlets), done)

    def apply_filter(self, f: Filter) -> None:
        cur_key = self.keys[self.art_i] if self.article else None
        cur_claim = self.claim.id if self.claim else None
        self.filter = f
        self._rebuild_articles()
        i = self.keys.index(cur_key) if cur_key in self.keys else 0
        self.art_i = -1
        self._select_article(i, claim_id=cur_claim)
        self.set_message(f"filter: {f.describe()}" if f.active else "filter cleared")

    def action_clear_filter(self) -> None:
        self.apply_filter(Filter())

    def action_filter_verdict(self, verdict: str) -> None:
        self.apply_filter(Filter(verdict=verdict, outlet=self.filter.outlet, text=self.filter.text))

    def action_undo(self) -> None:
        desc = self._mutate(self.review.undo, keys=None)
        self.set_message(f"undone: {desc}" if desc else "nothing to undo")

    def action_redo(self) -> None:
        desc = self._mutate(self.review.redo, keys=None)
        self.set_message(f"redone: {desc}" if desc else "nothing to redo")

    def action_save(self) -> None:
        if self.review.readonly:
            return
        self.app.schedule_save(delay=0)  # type: ignore[attr-defined]
        self.set_message("saving…")

    def report_path(self, fmt: str) -> str:
        """Default report file: ``reports/<session stem>.<ext>`` beside a ``sessions/`` folder, else next to
        the session file."""
        ext = {"md": "md", "csv": "csv", "json": "json", "claimreview": "claimreview.json"}.get(fmt, fmt)
        s = self.review.path
        folder = s.parent.parent / "reports" if s.parent.name == "sessions" else s.parent
        return str(folder / f"{s.stem}.{ext}")

    def action_write_report(self, fmt: str = "md") -> None:
        def done(choice: tuple[str, str] | None) -> None:
            if choice:
                self.set_message(f"writing {choice[1]}…")
                self._write_report(*choice)

        self.app.push_screen(ReportModal(fmt, self.report_path), done)

    @work(thread=True, exclusive=True, group="report")
    def _write_report(self, fmt: str, path: str) -> None:
        from factcheck.report import ReportError, write_report

        target = Path(path).expanduser()
        try:
            if not target.parent.exists() and target.parent.parent.is_dir():
                target.parent.mkdir()  # the default reports/ folder (one level only)
            written = write_report(self.review, fmt, target)
        except ReportError as e:
            self.app.call_from_thread(self._report_done, None, str(e))
        except OSError as e:
            self.app.call_from_thread(self._report_done, None, f"{path}: {e.strerror or e}")
        except Exception as e:  # a bug in the core must not take the app (and the review) down
            self.app.call_from_thread(self._report_done, None, f"internal error: {type(e).__name__}: {e}")
        else:
            self.app.call_from_thread(self._report_done, str(written), None)

    def _report_done(self, written: str | None, error: str | None) -> None:
        if error:
            self.set_message("report failed")
            self.notify(error, title="Report not written", severity="error", timeout=10, markup=False)
        else:
            self.set_message(f"report written: {written}")
            self.notify(f"Written {written}", title="Report", timeout=6, markup=False)

    def action_help(self) -> None:
        from factcheck.tui.screens.help import HelpScreen

        focused = self.app.focused
        self.app.push_screen(HelpScreen(focused))

    async def action_quit(self) -> None:
        await self.app.action_quit()  # saves first
