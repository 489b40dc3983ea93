"""The main screen: articles, the article's text, its claims and the event panel.

The screen keeps the reading state (which article and claim, the filter) and turns keys into Review calls;
the widgets render themselves (the event panel builds its own content), the dialogs and the groups screens
answer through their results, and what each key needs is said on its binding (factcheck.tui.bindings).
"""

from __future__ import annotations

import datetime as dt
import webbrowser
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from factcheck import sentences
from factcheck.dates import parse_date_text
from factcheck.model import DEFAULT_MIN_SCORE, Article, Claim, Verdict
from factcheck.review import Review, ReviewError
from factcheck.tui.app import FactcheckApp
from factcheck.tui.bindings import BY_ACTION, BY_ID, MAIN_BINDINGS
from factcheck.tui.fmt import (
    BADGE,
    article_name,
    badge,
    claim_words,
    clip,
    date_text,
    literal,
    readable_time,
    time_text,
)
from factcheck.tui.screens.modals import (
    AddClaimModal,
    ConfirmModal,
    EvidenceModal,
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
from factcheck.tui.widgets.key_bar import KeyBar
from factcheck.tui.widgets.line_view import LineView
from factcheck.urls import is_http_url

PREFETCH_DELAY = 0.03  # seconds after a move before the neighbouring articles are prepared
BIG_GROUP_CLAIMS = 12  # G on a group larger than this (or spanning more articles than the next) asks twice
BIG_GROUP_ARTICLES = 6
# each default key (as Textual names it) -> its binding: said when a remap left the key unbound
DEFAULT_KEYS = {b.key: BY_ID[b.id] for b in Binding.make_bindings(MAIN_BINDINGS) if b.id in BY_ID}


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = list(MAIN_BINDINGS)

    def __init__(self, review: Review) -> None:
        super().__init__(id="main")
        self.review = review
        self.keys: list[str] = []  # visible article keys (filter applied)
        self._key_index: dict[str, int] = {}
        self.art_i = -1
        self.claims: list[Claim] = []  # visible claims of the current article
        self.claim_i = -1
        self.filter = Filter()
        self.show_low_scores = False  # claims under DEFAULT_MIN_SCORE are hidden until w
        self.message = ""
        self._articles: dict[str, Article] = {}
        self._started = False
        self._progress: dict[Verdict, int] | None = None  # totals, kept up to date from _art_prog
        self._art_prog: dict[str, dict[Verdict, int]] = {}  # per-article counts (list lines)
        self._shown_claims: list[str] | None = None
        self._prefetch_timer: Timer | None = None
        self._prefetch_gen = 0  # bumped by every move: a prefetch under way for an older one stops
        self._keys_state: tuple[object, ...] | None = None
        self._ok = False  # whether the last _mutate succeeded

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
        key, cid = self.review.cursor
        self._rebuild_articles()
        i = self._key_index.get(key or "", 0)
        self._select_article(i, claim_id=cid)
        self.claim_list.focus()
        self._started = True
        if self.review.lock_message:
            self.notify(
                self.review.lock_message, title="Read-only", severity="warning", timeout=8, markup=False
            )
        for line in self.review.report.lines():
            self.notify(line, title="Session", timeout=6, markup=False)
        errors = self.review.corpus.errors
        for e in errors[:10]:
            self.notify(str(e), title="Not read", severity="warning", timeout=30, markup=False)
        if len(errors) > 10:
            self.notify(
                f"… and {len(errors) - 10} more inputs not read (factcheck extract lists them all)",
                title="Not read",
                severity="warning",
                timeout=30,
                markup=False,
            )

    def on_resize(self, event: events.Resize) -> None:
        self._apply_layout_class(event.size.width)

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

    def on_key(self, event: events.Key) -> None:
        """A default key the reviewer's keymap moved elsewhere says where its action went (instead of
        doing nothing without a word)."""
        moved = DEFAULT_KEYS.get(event.key)
        if moved is None or event.key in self.active_bindings:
            return
        keys = self.fc_app.keymap.get(moved.id or "", "")
        shown = ", ".join(
            self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(",") if k.strip()
        )
        self.notify(
            f"{event.key} is not bound: {moved.tooltip or moved.description} is on {shown or 'no key'}",
            timeout=4,
            markup=False,
        )

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
        """Under the check-worthiness threshold (hidden until w); claims added by hand never are."""
        return c.score < DEFAULT_MIN_SCORE and not c.manual

    def _claim_visible(self, c: Claim, dismissed: set[str]) -> bool:
        f = self.filter
        if not self.show_low_scores and self._low(c):
            return False
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

    def hidden_low(self, key: str) -> int:
        """Claims of ``key`` hidden for their low check-worthiness score."""
        if self.show_low_scores:
            return 0
        return sum(1 for c in self.review.claims(key) if self._low(c))

    def _article_visible(self, a: Article, dismissed: set[str]) -> bool:
        f = self.filter
        if f.outlet and (a.outlet or a.key) != f.outlet:
            return False
        if f.verdict or f.text:
            return bool(self.visible_claims(a.key, dismissed))
        return True

    # ------------------------------------------------------------------------------------------
    # Progress counters: a decision changes one article's counts, so the totals are adjusted rather than
    # recounted over every claim.

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
            old_counts = self._art_prog.pop(k, None)
            new = self.article_progress(k)
            if old_counts != new:
                changed.add(k)
                if old_counts is None:
                    self._progress = None  # never counted: the totals are recounted
                elif self._progress is not None:
                    for v in Verdict:
                        self._progress[v] += new[v] - old_counts[v]
        return changed

    # ------------------------------------------------------------------------------------------
    # Filling widgets

    def _article_prompt(self, key: str, width: int) -> Content:
        return self.article_list.prompt_for(self._articles[key], self.article_progress(key), width)

    def _rebuild_articles(self) -> None:
        dismissed = self._dismissed()
        arts = self.review.corpus.articles
        self.keys = [a.key for a in arts if self._article_visible(a, dismissed)]
        lst = self.article_list
        width = lst.line_width
        lst.set_prompts(self._article_prompt(k, width) for k in self.keys)
        self._key_index = {k: i for i, k in enumerate(self.keys)}
        lst.border_subtitle = f"{len(self.keys)}/{len(arts)}" if self.filter.active else str(len(arts))

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
            for i, c in enumerate(self.claims):
                cl.set_prompt(i, cl.prompt(c, dec(c.id), width))
        else:
            cl.set_prompts(cl.prompt(c, dec(c.id), width) for c in self.claims)
        self._shown_claims = ids
        cl.highlighted = self.claim_i if 0 <= self.claim_i < len(self.claims) else None
        a = self.article
        n_all = len(self.review.claims(a.key)) if a else 0
        sub = f"{len(self.claims)}/{n_all}" if self.filter.active else str(len(self.claims))
        hidden = self.hidden_low(a.key) if a else 0
        if hidden:
            sub += f" · {hidden} low-score hidden (w)"
        elif self.show_low_scores:
            sub += " · all scores (w)"
        cl.border_subtitle = sub

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

    def _update_title(self) -> None:
        a = self.article
        view = self.article_view
        notices = self.query_one("#notices", Static)
        if a is None:
            view.border_title = "Article"
            notices.display = False
            return
        lang = f" · {a.language}" if a.language else ""
        view.border_title = Content.assemble(
            literal(article_name(a), "bold"),
            " · ",
            date_text(a.published),
            lang,
            " · ",
            literal(clip(a.title or a.key, 60)),
        )
        if a.notices:
            notices.update(
                Content("\n").join(Content.assemble(("⚠ ", "$text-warning"), literal(n)) for n in a.notices)
            )
        notices.display = bool(a.notices)

    def _select_claim(self, j: int) -> None:
        if not self.claims:
            return
        j = max(0, min(j, len(self.claims) - 1))
        if j == self.claim_i:
            return
        self.claim_i = j
        self.claim_list.highlighted = j
        self._show_claim()

    def _show_claim(self) -> None:
        a, c = self.article, self.claim
        if a is not None:
            claims = self.review.claims(a.key)
            verdicts = {x.id: self.verdict(x.id) for x in claims}
            self.article_view.show(a, claims, verdicts, c)
        else:
            self.article_view.show(None, [], {}, None)
        empty = "No claim matches the filter." if self.filter.active else "No claim selected."
        self.event_panel.show_claim(c, empty=empty)
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
        prompts = [cl.prompt(c, dec(c.id), width) for c in claims]
        cl.prerender(prompts, highlighted=0, count=cl.size.height // 3 + 1)  # (three lines per claim)
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
        at = event.offset
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

    # ------------------------------------------------------------------------------------------
    # Actions: what each needs is on its binding

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        b = BY_ACTION.get(action)
        if b is not None and b.needs_claim and self.claim is None:
            return None  # shown disabled
        return True

    def _writable(self) -> bool:
        """False (and the reviewer told why) when the session is read-only."""
        if self.review.readonly:
            self.notify(
                self.review.lock_message or "The session is open read-only: nothing can be changed.",
                title="Read-only",
                severity="warning",
                timeout=4,
                markup=False,
            )
            return False
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

    def _needs_visit(self, c: Claim) -> bool:
        d = self.review.data.decisions.get(c.id)
        if d is None:
            return not self._low(c) or self.show_low_scores
        if d.dismissed:
            return False
        if d.conflicts:
            return True
        return d.verdict == Verdict.UNREVIEWED and (not self._low(c) or self.show_low_scores)

    def action_next_unreviewed(self) -> None:
        """The next unreviewed claim (or one with a reviewer conflict) after the cursor, in any article
        (wrapping round)."""
        arts = [a.key for a in self.review.corpus.articles]
        if not arts:
            return
        cur_key = self.keys[self.art_i] if self.article else arts[0]
        start = arts.index(cur_key) if cur_key in arts else 0
        cur_claim = self.claim
        for step in range(len(arts) + 1):
            key = arts[(start + step) % len(arts)]
            for c in self.review.claims(key):
                if step == 0 and cur_claim is not None and c.start <= cur_claim.start:
                    continue
                if step == len(arts) and cur_claim is not None and c.start > cur_claim.start:
                    break
                if self._needs_visit(c):
                    self.go_to_claim(c.id)
                    return
        self.set_message("every claim has a verdict")
        self.notify("Every claim has a verdict and no conflict is left.", timeout=3, markup=False)

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

    # ------------------------------------------------------------------------------------------
    # Actions: decisions

    def _mutate(
        self, fn: Callable[..., Any], *args: Any, keys: set[str] | bool | None = True, **kw: Any
    ) -> Any:
        """Run one Review call; on success refresh what it changed and schedule an autosave.

        ``keys``: the articles whose list lines change (True: the current one; None: all of them).
        """
        self._ok = False
        if not self._writable():
            return None
        try:
            result = fn(*args, **kw)
        except ReviewError as e:
            self._recount(None)
            self.notify(str(e), severity="error", timeout=6, markup=False)
            return None
        self._ok = True
        changed: set[str] | None
        if keys is True:
            changed = {self.keys[self.art_i]} if self.article else set()
        elif keys is False:
            changed = set()
        else:
            changed = keys
        self.after_change(changed)
        self.fc_app.schedule_save()
        return result

    def after_change(self, keys: set[str] | None, *, claim_id: str | None = None) -> None:
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

    def action_mark(self, verdict: str) -> None:
        c = self.claim
        if c is None or not self._writable():
            return
        self._mutate(self.review.mark, c.id, Verdict(verdict))
        self.set_message(f"{clip(c.text, 30)} {verdict}")

    def action_supersede(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return
        suggested = {
            s.by for s in self.event_panel.suggestions(c) if s.kind == "supersedes" and s.claim == c.id
        }
        g = self.event_panel.group_of(c)
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
                literal(clip(article_name(art), 24), "bold"),
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
                self.set_message(f"superseded by '{claim_words(self.review.claim(by))}'")

        self.app.push_screen(PickerModal(f"'{claim_words(c)}' is superseded by…", items), picked)

    def action_accept_suggestion(self) -> None:
        c = self.claim
        sugg = self.event_panel.suggestions(c)
        if c is None or not sugg:
            self.notify("No open suggestion for this claim.", timeout=3, markup=False)
            return
        s = sugg[0]
        if s.kind != "supersedes":
            self.notify("A conflict is not a verdict: mark each claim yourself.", timeout=5, markup=False)
            return
        self._mutate(self.review.mark, s.claim, Verdict.SUPERSEDED, by=s.by, keys=None)
        if self._ok:
            self.set_message(f"accepted: '{claim_words(self.review.claim(s.claim))}' superseded")

    def action_resolve_conflict(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return
        d = self.review.decision(c.id)
        if not d.conflicts:
            self.notify("No conflict between reviewers on this claim.", timeout=3, markup=False)
            return
        items = []
        for i, side in enumerate(d.conflicts):
            verdict = str(side.get("verdict", "unreviewed"))
            prompt = Content.assemble(
                ("take ", "$text-muted"),
                literal(str(side.get("reviewer") or "?"), "bold"),
                "'s ",
                (verdict, "bold"),
                literal(f" by {side['superseded_by']}" if side.get("superseded_by") else ""),
                literal(f" — {clip(str(side['note']), 80)}" if side.get("note") else "").stylize(
                    "$text-muted"
                ),
            )
            items.append(PickItem(str(i), prompt, f"{side.get('reviewer', '')} {verdict}".lower()))

        def picked(choice: str | None) -> None:
            if choice is None:
                return
            side = d.conflicts[int(choice)]
            try:
                verdict = Verdict(str(side.get("verdict", "unreviewed")))
            except ValueError:
                self.notify(f"unknown verdict {side.get('verdict')!r}", severity="error", markup=False)
                return
            by = side.get("superseded_by") if verdict == Verdict.SUPERSEDED else None
            note = str(side["note"]) if side.get("note") and not d.note else None
            self._mutate(self.review.mark, c.id, verdict, by=by, note=note)
            self.set_message(f"conflict resolved: {verdict}")

        self.app.push_screen(
            PickerModal(
                "Resolve the conflict: whose verdict stands? (c/d/s on the claim also resolve it)", items
            ),
            picked,
        )

    def action_edit_note(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return

        def done(note: str | None) -> None:
            if note is not None:
                self._mutate(self.review.set_note, c.id, note)
                self.set_message("note saved" if note else "note removed")

        self.app.push_screen(NoteModal(f"Note on '{claim_words(c)}'", self.review.decision(c.id).note), done)

    def action_add_evidence(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return

        def check(v: str) -> str | None:
            if is_http_url(v):
                return None
            try:
                self.review.claim(v)
            except ReviewError:
                pass
            else:
                return None
            return "Give an http(s) URL (no spaces) or a claim id."

        def done(item: str | None) -> None:
            if item:
                self._mutate(self.review.add_evidence, c.id, item)
                self.set_message("evidence added")

        self.app.push_screen(
            InputModal(
                f"Evidence for '{claim_words(c)}'", placeholder="https://… or a claim id", validate=check
            ),
            done,
        )

    def action_manage_evidence(self) -> None:
        c = self.claim
        if c is None:
            return
        evidence = list(self.review.decision(c.id).evidence)
        if not evidence:
            self.notify("This claim has no evidence (o adds some).", timeout=3, markup=False)
            return

        def done(choice: tuple[str, str] | None) -> None:
            if choice is None:
                return
            what, item = choice
            if what == "remove":
                self._mutate(self.review.remove_evidence, c.id, item)
                if self._ok:
                    self.set_message("evidence removed")
            elif is_http_url(item):
                self._open_url(item)
            else:
                self.go_to_claim(item)

        self.app.push_screen(EvidenceModal(f"Evidence for '{claim_words(c)}'", evidence), done)

    @work(thread=True, group="browser")
    def _open_url(self, url: str) -> None:
        try:
            opened = webbrowser.open(url)
        except Exception:  # a broken browser setup must not take the review down
            opened = False
        self.app.call_from_thread(
            self.set_message, f"opened {url}" if opened else f"no browser to open {url}"
        )

    def action_add_claim(self) -> None:
        a = self.article
        if a is None or not self._writable():
            return
        spans = list(sentences.split_spans(a.text))
        existing = [(x.start, x.end, x.id) for x in self.review.claims(a.key, include_dismissed=True)]
        cur = self.claim
        after = cur.end if cur else 0

        def covered(s: int, e: int) -> bool:
            return any(cs < e and s < ce for cs, ce, _ in existing)

        idx = next((i for i, (s, e) in enumerate(spans) if s >= after and not covered(s, e)), None)
        if idx is None:
            idx = next((i for i, (s, e) in enumerate(spans) if not covered(s, e)), 0)
        key = a.key

        def done(span: tuple[int, int] | None) -> None:
            if span:
                new = self._mutate(self.review.add_claim, key, span[0], span[1])
                if new is not None:
                    self.after_change({key}, claim_id=new.id)
                    self.set_message(f"added claim '{claim_words(new)}'")

        self.app.push_screen(AddClaimModal(a.text, spans, idx, [(s, e) for s, e, _ in existing]), done)

    def action_toggle_dismiss(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return
        if self.review.decision(c.id).dismissed:
            self._mutate(self.review.restore, c.id)
            self.set_message("claim restored")
            return
        relying = [cid for cid, d in self.review.data.decisions.items() if d.superseded_by == c.id]

        def dismiss(yes: bool | None = True) -> None:
            if yes:
                self._mutate(self.review.dismiss, c.id)
                self.set_message("dismissed (- again under the 'dismissed' filter restores it)")

        if not relying:
            dismiss()
            return
        self.app.push_screen(
            ConfirmModal(
                Content.assemble(
                    ("Dismiss this claim? ", "bold"),
                    f"{len(relying)} claim(s) are marked superseded by it; their verdicts stay and point to "
                    "a dismissed claim.",
                )
            ),
            dismiss,
        )

    def action_toggle_low_scores(self) -> None:
        self.show_low_scores = not self.show_low_scores
        cur = self.claim.id if self.claim else None
        self._rebuild_articles()
        i = self.art_i
        self.art_i = -1
        self._select_article(max(0, i), claim_id=cur)
        self.set_message(
            "every claim shown" if self.show_low_scores else f"claims under {DEFAULT_MIN_SCORE:.2f} hidden"
        )

    def action_apply_to_group(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return
        g = self.event_panel.group_of(c)
        ids = list(g.claims) if g else [c.id]
        claims: list[Claim] = []
        for x in ids:
            try:
                claims.append(self.review.claim(x))
            except ReviewError:
                continue
        dec = self.review.data.decisions
        claims = [o for o in claims if not (o.id in dec and dec[o.id].dismissed)]
        lines = []
        for o in claims:
            lines.append(
                Content.assemble(
                    badge(self.verdict(o.id)),
                    " ",
                    literal(clip(article_name(self._articles.get(o.article_key)), 20), "bold"),
                    " ",
                    literal(clip(o.text, 90)),
                )
            )
        decided: dict[Verdict, int] = {}
        for o in claims:
            v = self.verdict(o.id)
            if v != Verdict.UNREVIEWED:
                decided[v] = decided.get(v, 0) + 1
        outlets = sorted({article_name(self._articles.get(o.article_key)) for o in claims})
        n_articles = len({o.article_key for o in claims})
        big = len(claims) > BIG_GROUP_CLAIMS or n_articles > BIG_GROUP_ARTICLES
        title = f"Apply a verdict to the {len(claims)} claim(s) of this event ({n_articles} article(s))"

        def done(choice: tuple[Verdict, bool] | None) -> None:
            if choice is None:
                return
            v, overwrite = choice
            changed = self._mutate(self.review.apply_to_group, c.id, v, keep_decided=not overwrite, keys=None)
            if changed is not None:
                kept = "" if overwrite else f", {sum(decided.values())} decided left alone"
                self.set_message(f"{len(changed)} claim(s) marked {v}{kept}")

        self.app.push_screen(GroupVerdictModal(title, lines, decided=decided, outlets=outlets, big=big), done)

    def action_groups(self) -> None:
        from factcheck.tui.screens.groups import GroupsScreen

        def back(claim_id: str | None) -> None:
            self._recount(None)
            self.after_change(None)
            if claim_id:
                self.go_to_claim(claim_id)

        self.app.push_screen(GroupsScreen(self.review), back)

    def action_merge_group(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return
        mine = self.event_panel.group_of(c)
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
        if c is None or not self._writable():
            return
        g = self.event_panel.group_of(c)
        if g is None or len(g.claims) <= 1:
            self.set_message("this claim is in no group with others")
            return
        self._mutate(self.review.take_out_of_group, c.id, keys=set())
        self.set_message("taken out of its group")

    def action_set_published(self) -> None:
        a = self.article
        if a is None or not self._writable():
            return
        today = dt.date.today()

        def parse(v: str) -> dt.date | None:
            try:
                return dt.date.fromisoformat(v)
            except ValueError:
                return parse_date_text(v, anchor=today)

        def check(v: str) -> str | None:
            if not v or parse(v) is not None:
                return None
            return "No date in that: write it as 2024-05-03, '3 May 2024', '20 de setembro de 2023' or '3 days ago'."

        key = a.key

        def done(v: str | None) -> None:
            if v is None:
                return
            date = parse(v) if v else None
            self._mutate(self.review.set_published, key, date, keys={key})
            self.set_message(f"publication date: {date.isoformat() if date else 'as detected'}")

        self.app.push_screen(
            InputModal(
                f"Publication date of {article_name(a)} (now {date_text(a.published)})",
                a.published.isoformat() if a.published else "",
                placeholder="2024-05-03, 3 May 2024, 20 de setembro de 2023, 3 days ago…",
                hint="enter keep (empty: the detected date) · escape cancel",
                validate=check,
            ),
            done,
        )

    def _edit_text(
        self,
        title: str,
        current: str | None,
        apply: Callable[[str | None], None],
        what: str,
        *,
        keys: set[str] | None = None,
    ) -> None:
        """Ask for one line of text (empty: back to what was read from the article) and apply it."""

        def done(v: str | None) -> None:
            if v is None:
                return
            self._mutate(apply, v or None, keys=keys if keys is not None else True)
            if self._ok:
                self.set_message(f"{what}: {v}" if v else f"{what}: as read from the article")

        self.app.push_screen(
            InputModal(title, current or "", hint="enter keep (empty: as read from the article) · escape"),
            done,
        )

    def action_set_title(self) -> None:
        a = self.article
        if a is None or not self._writable():
            return
        key = a.key
        self._edit_text(
            f"Title of {article_name(a)}", a.title, partial(self.review.set_title, key), "title", keys={key}
        )

    def action_set_outlet(self) -> None:
        a = self.article
        if a is None or not self._writable():
            return
        key = a.key
        self._edit_text(
            f"Outlet of {clip(a.title or a.key, 60)}",
            a.outlet,
            partial(self.review.set_outlet, key),
            "outlet",
            keys={key},
        )

    def action_set_speaker(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return
        self._edit_text(
            f"Speaker of '{claim_words(c)}'", c.speaker, partial(self.review.set_speaker, c.id), "speaker"
        )

    def action_filter(self) -> None:
        outlets = sorted({a.outlet or a.key for a in self.review.corpus.articles})

        def done(f: Filter | None) -> None:
            if f is not None:
                self.apply_filter(f)

        self.app.push_screen(FilterModal(self.filter, outlets), done)

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

    def action_clear_filter(self) -> None:
        self.apply_filter(Filter())

    def action_filter_verdict(self, verdict: str) -> None:
        self.apply_filter(Filter(verdict=verdict, outlet=self.filter.outlet, text=self.filter.text))

    def _undo_redo(self, fn: Callable[[], str | None], done: str, nothing: str) -> None:
        if not self._writable():
            return
        desc = self._mutate(fn, keys=None)
        if not desc:
            self.set_message(nothing)
            return
        touched = self.review.last_claims
        if touched:
            self.go_to_claim(touched[0])  # the reviewer sees what changed back
        self.set_message(f"{done}: {desc}")

    def action_undo(self) -> None:
        self._undo_redo(self.review.undo, "undone", "nothing to undo")

    def action_redo(self) -> None:
        self._undo_redo(self.review.redo, "redone", "nothing to redo")

    def action_save(self) -> None:
        if not self._writable():
            return
        if not self.review.dirty:
            self.set_message("nothing to save: every change is saved")
            return
        self.set_message("saving…")
        self.fc_app.save_soon(announce=True)

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

    def report_path(self, fmt: str) -> str:
        """Default report file: ``reports/<session stem>.<ext>`` beside a ``sessions/`` folder, else next to
        the session file."""
        ext = {"md": "md", "csv": "csv", "json": "json", "claimreview": "claimreview.json"}.get(fmt, fmt)
        return str(self.default_report_folder() / f"{self.review.path.stem}.{ext}")

    def default_report_folder(self) -> Path:
        s = self.review.path
        return s.parent.parent / "reports" if s.parent.name == "sessions" else s.parent

    def action_write_report(self, fmt: str = "md", path: str | None = None, error: str | None = None) -> None:
        def done(choice: tuple[str, str] | None) -> None:
            if choice:
                self.set_message(f"writing {choice[1]}…")
                self._write_report(*choice)

        self.app.push_screen(
            ReportModal(fmt, self.report_path, self.default_report_folder(), path=path, error=error), done
        )

    @work(thread=True, exclusive=True, group="report")
    def _write_report(self, fmt: str, path: str) -> None:
        from factcheck.report import ReportError, write_report

        target = Path(path).expanduser()
        try:
            if target.parent == self.default_report_folder() and not target.parent.exists():
                target.parent.mkdir()  # the default reports/ folder (one level only)
            written = write_report(self.review, fmt, target)
        except ReportError as e:
            self.app.call_from_thread(self._report_done, fmt, path, None, str(e))
        except OSError as e:
            self.app.call_from_thread(self._report_done, fmt, path, None, f"{path}: {e.strerror or e}")
        except Exception as e:  # a bug in the core must not take the app (and the review) down
            self.app.call_from_thread(
                self._report_done, fmt, path, None, f"internal error: {type(e).__name__}: {e}"
            )
        else:
            self.app.call_from_thread(self._report_done, fmt, path, str(written), None)

    def _report_done(self, fmt: str, path: str, written: str | None, error: str | None) -> None:
        if error:
            self.set_message("report not written")
            self.action_write_report(fmt, path, error)  # the dialog again, with the path and the error
        else:
            self.set_message(f"report written: {written}")
            self.notify(f"Written {written}", title="Report", timeout=6, markup=False)

    def action_help(self) -> None:
        from factcheck.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.app.focused, MAIN_BINDINGS, self.fc_app.keymap))

    async def action_quit(self) -> None:
        await self.fc_app.action_quit()  # saves first
