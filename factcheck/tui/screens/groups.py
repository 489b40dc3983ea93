"""Every event group as a timeline sorted by event time; enter shows a group's claims side by side.

The screens answer the main screen through their result: the id of a claim to go to (or None). Verdicts
given here go through the Review like any other; the main screen refreshes when they close.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalScroll, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from factcheck.model import Article, Claim, EventGroup, Verdict
from factcheck.review import Review, ReviewError
from factcheck.tui.app import FactcheckApp
from factcheck.tui.fmt import (
    BADGE,
    article_name,
    claim_words,
    clip,
    date_text,
    event_title,
    fitted_time,
    group_time,
    literal,
    one_line,
    readonly_notice,
    report_line,
    tell_apart,
    time_text,
    verdict_word,
)
from factcheck.tui.screens.help import HelpScreen
from factcheck.tui.screens.modals import PickerModal, PickItem
from factcheck.tui.widgets.article_view import ArticleView
from factcheck.tui.widgets.key_bar import ScreenKeys
from factcheck.tui.widgets.line_input import LineInput
from factcheck.tui.widgets.prompt_list import PromptList

_ORDER = (Verdict.CONFIRMED, Verdict.DISPUTED, Verdict.SUPERSEDED, Verdict.UNREVIEWED)


def _time_key(g: EventGroup) -> tuple[int, str, str]:
    w = g.when or ""
    return (0 if w[:1].isdigit() else 1 if w else 2, w, g.id)  # dated, partly known, unknown


@dataclass(frozen=True)
class _Row:
    """What a group's line on the groups screen says, before it is fitted to a width (the untrusted parts
    already made inert), and what the screen sorts and searches it by."""

    head: str  # the time and the claims per verdict, in columns of fixed width
    outlets: str
    title: str
    claims: int  # its claims (dismissed ones left out)
    undecided: int  # of those, the claims with no verdict
    when: str = ""  # the group's TIMEX3 value (refitted to a narrower When column on two-line rows)


# cells of each column of the groups screen (at most, for the outlets; the event takes the rest of the line)
_WHEN, _COUNT, _OUTLETS = 18, 4, 30
# With fewer cells than this left for the outlets and the event (a terminal under ~60 columns), a group takes
# two lines: its time and counts (the When column narrowed to what is left), then its event.
_TWO_LINES = 20

# The orders of the groups screen (s cycles them): name -> what the title says
ORDERS: dict[str, str] = {
    "time": "sorted by event time",
    "size": "largest first",
    "undecided": "most undecided claims first",
}


def _cell(text: str, width: int) -> Content:
    """``text`` (made inert) in a column ``width`` cells wide: cut with "…" when longer, padded when shorter
    (by cells: wide characters count twice)."""
    # (a character takes one cell or more: the first width + 1 characters decide where the cut falls)
    return Content(text[: width + 1]).truncate(width, ellipsis=True, pad=True)


class GroupsScreen(Screen[str | None]):
    HELP_TITLE = "Groups"
    HELP = (
        "Groups: every event group, one row each, with the number of claims per verdict and the outlets that "
        "report it. s sorts them by event time (unknown times last), by size (largest first) or by their "
        "undecided claims (most first); the title says which. A line keeps its place while its claims are "
        "decided; the groups are ordered anew by s (the next order) or when they change. / searches: only "
        "the groups whose event text, speakers or outlets hold every word typed are listed (enter or ↓ keeps "
        "the search and returns to the list, escape clears it). enter opens the group's claims side by side: there ←/→ "
        "choose a claim, home/end the first/last, c/d/u give it a verdict, x takes it out of the group, v "
        "reads its article, ctrl+z/ctrl+y undo and redo, and enter goes to it on the main screen. escape or g "
        "goes back."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,g,q", "back", "Back", id="groups-back"),
        # priority: the list's own enter (show=False) would hide this one from the key bar
        Binding("enter", "open", "Open group", id="groups-open", priority=True),
        Binding("s", "sort", "Sort", id="groups-sort"),
        Binding("slash", "search", "Search", id="groups-search"),
        Binding("question_mark,f1", "help", "Help", id="groups-help"),
        Binding("j", "cursor_down", "Down", show=False, id="groups-down"),
        Binding("k", "cursor_up", "Up", show=False, id="groups-up"),
        # in the search field (the list takes its own ↓): back to the list, the search kept
        Binding("down", "to_list", "To the list", show=False, id="groups-to-list"),
    ]

    def __init__(self, review: Review) -> None:
        super().__init__(id="groups")
        self.review = review
        self.order = "time"  # a key of ORDERS
        self.search = ""  # the words typed after /, as typed
        self.groups: list[EventGroup] = []  # the groups listed: sorted, searched
        self._rows: list[_Row] = []  # their lines, in the same order
        self._row_by_id: dict[str, _Row] = {}  # every group's line, by group id
        self._words: dict[str, str] = {}  # group id -> what the search looks in (made on the first search)
        self._row_of: dict[str, int] = {}  # claim id -> the index of its group's line
        self._names: dict[str, str] = {}  # article key -> its outlet's name, as the lines show it
        self._counted_at: int | None = None  # the review's version the lines were counted at
        self._widths = (_OUTLETS, _OUTLETS)  # cells of the outlets and event columns (set by _fill)
        self._narrow = 0  # when a group takes two lines: the width of its lines (set by _fill)
        self._articles: dict[str, Article] = {a.key: a for a in review.corpus.articles}

    @property
    def table(self) -> PromptList:
        """The groups, one line each (a line-based list: no widget or table cell per group)."""
        return self.query_one("#groups-table", PromptList)

    def compose(self) -> ComposeResult:
        yield Static(id="groups-title")
        yield LineInput(placeholder="words of the event, a speaker, an outlet", id="groups-search")
        yield Static(id="groups-header")
        yield PromptList(id="groups-table")
        yield Static(id="groups-empty")
        yield ScreenKeys()

    def on_mount(self) -> None:
        self.app.clear_notifications()  # (the notices showing came before: at 30x10 they covered the list)
        self.query_one("#groups-search", Input).display = False
        self._count()  # (the lines are fitted when the list knows its width: PromptList.WidthChanged)
        self._show_state()
        self.table.focus()

    def _show_state(self) -> None:
        """The title (how many groups, in which order, what the search kept) and, when no group is listed,
        a line saying why; the keys that would do nothing then are not offered."""
        total = len(self.review.corpus.groups)
        listed = f"{len(self.groups):,} of {total:,}" if self.search else f"{total:,}"
        groups = "event group" if total == 1 and not self.search else "event groups"  # "1 of 3 event groups"
        parts = [f"{listed} {groups}, {ORDERS[self.order]}"]
        if self.search:
            parts.append(f'search "{one_line(self.search)}"')
        if self.groups:  # (in the search field enter goes back to the list: check_action)
            parts.append("enter or ↓ goes to the list" if self._typing() else "enter opens one")
        parts.append("escape " + ("clears the search" if self.search else "back"))
        self.query_one("#groups-title", Static).update(Content(" · ".join(parts)))
        empty = self.query_one("#groups-empty", Static)
        if not self.groups:
            empty.update(Content(self._why_empty()))
        empty.display = not self.groups  # (in the list's place: the key bar stays at the bottom)
        self.query_one("#groups-header", Static).display = bool(self.groups)
        self.table.display = bool(self.groups)
        self.refresh_bindings()

    def _typing(self) -> bool:
        """Whether the search field has the focus."""
        return isinstance(self.focused, Input)

    def on_descendant_focus(self) -> None:
        self._show_state()  # (the title says what enter does where the focus is)

    def on_descendant_blur(self) -> None:
        self._show_state()

    def action_to_list(self) -> None:
        if self._typing():
            self.table.focus()

    def _why_empty(self) -> str:
        if self.search:
            return (
                f'No group\'s event text, speakers or outlets hold every word of "{one_line(self.search)}". '
                "escape clears the search; / changes it."
            )
        articles = len(self.review.corpus.articles)
        return (
            f"No event groups in these {articles:,} article(s): a group needs claims of two or more articles "
            "that report the same event, and no claims here do (the claims are reviewed on the main screen, "
            "one article at a time). escape goes back."
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter, sort and search are not offered when they would do nothing (no group at all; enter when
        the search left none, or while the search is typed: enter there keeps it)."""
        if action == "open":
            return bool(self.groups) and not self._typing()
        if action in ("sort", "search"):
            return bool(self.review.corpus.groups)
        return True

    def _count(self) -> None:
        """Count each group's claims per verdict (what changes when a decision does), then sort and search."""
        self._articles = {a.key: a for a in self.review.corpus.articles}
        self._names = {}
        self._row_by_id = {g.id: self._row(g) for g in self.review.corpus.groups}
        self._words = {}
        self._counted_at = self.review.version
        self._arrange()

    def _arrange(self) -> None:
        """The groups listed, in the chosen order, with the search applied (no counting: the lines are kept)."""
        rows = self._row_by_id
        groups = sorted(self.review.corpus.groups, key=_time_key)
        if self.order == "size":
            groups.sort(key=lambda g: -rows[g.id].claims)  # (a stable sort: by time within a size)
        elif self.order == "undecided":
            groups.sort(key=lambda g: -rows[g.id].undecided)
        words = self.search.lower().split()
        if words:
            groups = [g for g in groups if all(w in self._search_text(g) for w in words)]
        self.groups = groups
        self._rows = [rows[g.id] for g in groups]
        self._row_of = {cid: i for i, g in enumerate(groups) for cid in g.claims}

    def _row(self, g: EventGroup) -> _Row:
        """One group's line before it is fitted: its time, its claims per verdict and its outlets."""
        dec = self.review.data.decisions
        counts = dict.fromkeys(_ORDER, 0)
        outlets: dict[str, None] = {}
        for c in self.review.group_claims(g):
            d = dec.get(c.id)
            if d is not None and d.dismissed:
                continue
            counts[d.verdict if d else Verdict.UNREVIEWED] += 1
            name = self._names.get(c.article_key)
            if name is None:
                name = self._names[c.article_key] = article_name(self._articles.get(c.article_key))
            outlets[name] = None
        when = fitted_time(g.when, _WHEN - 1) if g.when else "?"
        head = f"{when:<{_WHEN}}" + "".join(f"{counts[v] or '·':>{_COUNT}}" for v in _ORDER)
        title = one_line(event_title(g))
        return _Row(
            head, ", ".join(outlets), title, sum(counts.values()), counts[Verdict.UNREVIEWED], g.when or ""
        )

    def _search_text(self, g: EventGroup) -> str:
        """What the search looks in for group ``g``, lower case: its event text, its claims' speakers and
        its outlets (their names as the line shows them)."""
        text = self._words.get(g.id)
        if text is None:
            speakers = {c.speaker: None for c in self.review.group_claims(g) if c.speaker}
            row = self._row_by_id[g.id]
            text = self._words[g.id] = " ".join([row.title, *speakers, row.outlets]).lower()
        return text

    def _chosen(self) -> str | None:
        """The id of the group the cursor is on (None: no group listed)."""
        row = self.table.highlighted
        return self.groups[row].id if self.groups and row is not None and row < len(self.groups) else None

    def _relist(self, chosen: str | None, row: int = 0) -> None:
        """Fill the list again and put the cursor on group ``chosen`` if listed, else on line ``row``."""
        self._fill()
        ids = [g.id for g in self.groups]
        if ids:  # the same group while it is listed (a split, an undo or the search may have removed it)
            self.table.highlighted = ids.index(chosen) if chosen in ids else min(row, len(ids) - 1)
        self._show_state()

    def _recount(self) -> None:
        """Bring the lines up to date with the review: only the groups of the claims whose decision changed
        since they were counted; everything when groups, articles or claims changed (or it cannot tell)."""
        if self._counted_at is None or self.review.version == self._counted_at:
            return
        changes = self.review.changes_since(self._counted_at)
        if changes is None or any(kind != "decision" for kind, _ in changes):
            chosen, row = self._chosen(), self.table.highlighted or 0
            self._count()
            self._relist(chosen, row)
            return
        for i in sorted({self._row_of[cid] for _, cid in changes if cid in self._row_of}):
            g = self.groups[i]
            self._rows[i] = self._row_by_id[g.id] = self._row(g)
            self.table.set_prompt(i, self._line(self._rows[i]))
        self._counted_at = self.review.version

    def on_screen_resume(self) -> None:
        # (the screen is kept between openings: what changed meanwhile, on the main screen or a group's)
        self._recount()

    def _fill(self) -> None:
        """Fit every group's line to the list's width (again when it changes)."""
        t = self.table
        width = t.line_width
        rest = max(2, width - _WHEN - len(_ORDER) * _COUNT - 3)
        outlets = min(_OUTLETS, rest // 3)  # (narrow terminals: the event keeps two thirds)
        event = rest - outlets
        self._narrow = width if rest < _TWO_LINES else 0
        counts = [Content.assemble(" " * (_COUNT - 1), Content.styled(*BADGE[v])) for v in _ORDER]
        if self._narrow:
            header = Content.assemble(_cell("When", self._when_cells()), *counts)
        else:
            header = Content.assemble(
                _cell("When", _WHEN), *counts, " ", _cell("Outlets", outlets), "  ", _cell("Event", event)
            )
        self.query_one("#groups-header", Static).update(header)
        self._widths = (outlets, event)
        t.set_prompts(self._line(r) for r in self._rows)
        if self.groups and t.highlighted is None:
            t.highlighted = 0

    def _when_cells(self) -> int:
        """The When column's cells on two-line rows: what the counts leave of the line."""
        return max(4, min(_WHEN, self._narrow - len(_ORDER) * _COUNT))

    def _line(self, r: _Row) -> Content:
        if self._narrow:
            cells = self._when_cells()
            when = fitted_time(r.when, cells) if r.when else r.head[:_WHEN].rstrip()
            head = Content.assemble(_cell(when, cells), r.head[_WHEN:]).truncate(self._narrow, ellipsis=True)
            return Content.assemble(head, "\n", _cell(r.title, self._narrow))
        outlets, event = self._widths
        return Content.assemble(r.head, " ", _cell(r.outlets, outlets), "  ", _cell(r.title, event))

    @on(PromptList.WidthChanged)
    def _width_changed(self, event: PromptList.WidthChanged) -> None:
        event.stop()
        self._fill()

    def action_back(self) -> None:
        if self.search or self.query_one("#groups-search", Input).display:
            self._search_for("")  # escape first clears the search (the list as it was, the same group chosen)
            return
        self.dismiss(None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self, [b for b in self.BINDINGS if isinstance(b, Binding)]))

    def action_cursor_down(self) -> None:
        self.table.action_cursor(1)

    def action_cursor_up(self) -> None:
        self.table.action_cursor(-1)

    def action_sort(self) -> None:
        """The next order (time, size, undecided claims), the cursor on the first group: a sort is made to
        see what comes first (keeping the group chosen would leave the view somewhere in the middle)."""
        names = list(ORDERS)
        self.order = names[(names.index(self.order) + 1) % len(names)]
        self._recount()  # (sorted by what is decided now)
        self._arrange()
        self._relist(None)

    def action_search(self) -> None:
        inp = self.query_one("#groups-search", Input)
        inp.display = True
        inp.focus()

    def _search_for(self, text: str) -> None:
        chosen = self._chosen()
        self.search = text
        if not text:
            inp = self.query_one("#groups-search", Input)
            with inp.prevent(Input.Changed):
                inp.value = ""
            inp.display = False
            self.table.focus()
        self._arrange()
        self._relist(chosen)

    @on(Input.Changed, "#groups-search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != self.search:  # the first group found chosen
            self.search = event.value
            self._arrange()
            self._relist(None)

    @on(Input.Submitted, "#groups-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        """enter keeps the search and goes back to the list (escape there clears it)."""
        event.stop()
        if not event.value.strip():
            self._search_for("")
            return
        self.table.focus()

    def action_open(self) -> None:
        if not self.groups:
            return
        row = self.table.highlighted
        if row is None:  # (enter typed right after g, before the lines were fitted: the first group)
            row = 0
        self.table.highlighted = row

        def back(claim_id: str | None) -> None:
            if claim_id:
                self.dismiss(claim_id)
            # (verdicts given there, a split, an undo: the lines are brought up to date on_screen_resume)

        self.app.push_screen(GroupDetailScreen(self.review, self.groups[row]), back)

    @on(PromptList.Selected)
    def _selected(self, event: PromptList.Selected) -> None:
        event.stop()
        self.action_open()


class _CardRow(HorizontalScroll):
    """The row of a group's claim cards. Only the cards near the chosen one (or near those in view) are
    mounted; a spacer on each side stands for the others, so the row scrolls over the whole group. Scrolled
    (by the mouse or the screen) it posts ``Scrolled``, so that the screen mounts the cards come into view."""

    class Scrolled(Message):
        pass

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_x(old_value, new_value)
        self.post_message(self.Scrolled())


class GroupDetailScreen(Screen[str | None]):
    HELP_TITLE = "Event group"
    HELP = (
        "One event group: its claims side by side, oldest report first, each with outlet, publication date, "
        "verdict, text, speaker and time; the title counts the claims decided. ←/→ choose a claim (its card "
        "is framed), home/end the first/last; c/d/u give it a verdict, s marks it superseded by another report "
        "of the event; x takes it out of the group; v reads its article with the claim underlined; "
        "ctrl+z/ctrl+y undo and redo (a merge or split too: the screen then shows the chosen claim's group as "
        "it is now); enter goes to the claim on the main screen; escape goes back."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", id="group-back"),
        Binding("enter", "jump", "Go to claim", id="group-jump"),
        # priority: the focused card row would scroll with the arrows instead of choosing a card
        Binding("right,l", "choose(1)", "Next", id="group-right", priority=True),
        Binding("left,h", "choose(-1)", "Prev", id="group-left", priority=True),
        Binding("home", "choose_at(0)", "First", show=False, id="group-first", priority=True),
        Binding("end", "choose_at(-1)", "Last", show=False, id="group-last", priority=True),
        Binding("c", "mark('confirmed')", "Confirm", id="group-mark-confirmed"),
        Binding("d", "mark('disputed')", "Dispute", id="group-mark-disputed"),
        Binding("u", "mark('unreviewed')", "Unmark", id="group-mark-unreviewed"),
        Binding("v", "read", "Article", id="group-read"),
        # the main screen's ids: a key the reviewer remapped there is the same key here
        Binding("s", "supersede", "Supersede", id="mark-superseded"),
        Binding("x", "take_out", "Out of group", id="take-out-of-group"),
        Binding("ctrl+z", "undo", "Undo", id="undo"),
        Binding("ctrl+y", "redo", "Redo", id="redo"),
        Binding("question_mark,f1", "help", "Help", id="group-help"),
    ]
    # under 40 columns a card (and an article's text) keeps its columns for words: a one-column scrollbar
    HORIZONTAL_BREAKPOINTS = [(0, "-slim"), (40, "-roomy")]  # noqa: RUF012 (as Textual declares it: no ClassVar)
    # Cards mounted on each side of the chosen one (or of those in view): a group of 250 claims costs per
    # key what a group of 15 does. The others are made when they come near, and dropped when they leave.
    AROUND = 6
    CARD_CELLS = 43  # a card's width and right margin (.card in factcheck.tcss), until one is laid out

    def __init__(self, review: Review, group: EventGroup) -> None:
        super().__init__(id="group-detail")
        self.review, self.group = review, group
        self._articles: dict[str, Article] = {a.key: a for a in review.corpus.articles}
        self.claims = self._ordered_claims()
        self.chosen = 0
        self._shown: list[VerticalScroll] = []  # the cards mounted, in order: claims[_first:_first + len]
        self._first = 0
        # stand for the cards before and after those mounted (their widths), so that the row scrolls
        # over the whole group and a card's place in it never moves
        self._before = Static(classes="card-spacer")
        self._after = Static(classes="card-spacer")

    @property
    def fc_app(self) -> FactcheckApp:
        app = self.app
        assert isinstance(app, FactcheckApp)
        return app

    def _published(self, c: Claim) -> dt.date | None:
        a = self._articles.get(c.article_key)
        return a.published if a else None

    def _ordered_claims(self) -> list[Claim]:
        claims = self.review.group_claims(self.group)

        def order(c: Claim) -> tuple[dt.date, str, int]:
            a = self._articles.get(c.article_key)
            return (a.published if a and a.published else dt.date.max, c.article_key, c.start)

        return sorted(claims, key=order)

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="group-title")
        lo, hi = self._window(self.chosen)
        self._shown, self._first = self._cards(lo, hi), lo
        self._size_spacers()
        with _CardRow(id="cards"):
            yield self._before
            yield from self._shown
            yield self._after
        yield ScreenKeys()

    def on_resize(self) -> None:
        self.call_after_refresh(self._scroll_to_chosen)  # (the chosen card stays in view)

    def _title(self) -> Content:
        g = self.group
        decided = sum(1 for c in self.claims if self.review.decision(c.id).verdict != Verdict.UNREVIEWED)
        return Content.assemble(
            ("Event ", "bold"),
            literal(g.id),
            # the count before the time: a narrow screen's title is cut after its second line
            f" · {decided} of {len(self.claims)} claim(s) decided · time ",
            group_time(g, self.claims, self._articles),
            " · ",
            literal(clip(event_title(g), 120)),
        )

    @property
    def _row(self) -> _CardRow:
        return self.query_one("#cards", _CardRow)

    def _cards(self, start: int, stop: int) -> list[VerticalScroll]:
        """New cards for the claims from ``start`` to ``stop``."""
        return [
            VerticalScroll(
                Static(self._card(c), classes="card-text"),
                classes="card -chosen" if i == self.chosen else "card",
            )
            for i, c in enumerate(self.claims[start:stop], start)
        ]

    def _card_widget(self, index: int) -> VerticalScroll | None:
        """The card of ``claims[index]`` when it is mounted."""
        i = index - self._first
        return self._shown[i] if 0 <= i < len(self._shown) else None

    def _card_cells(self) -> int:
        """The cells a card takes in the row, its margin included."""
        for w in self._shown:
            if w.outer_size.width:
                return w.outer_size.width + w.styles.margin.width
        return self.CARD_CELLS

    def _window(self, index: int) -> tuple[int, int]:
        """The cards to mount around ``claims[index]``: AROUND on each side."""
        return max(0, index - self.AROUND), min(len(self.claims), index + 1 + self.AROUND)

    def _place(self, lo: int, hi: int) -> None:
        """Mount the cards of ``claims[lo:hi]`` and only those: the ones mounted already are kept, the others
        are made or removed; the spacers take the width of the cards not mounted."""
        n = len(self.claims)
        lo, hi = max(0, lo), max(0, min(n, hi))
        first, stop = self._first, self._first + len(self._shown)
        if hi <= first or lo >= stop:  # no card to keep
            gone, kept, before, after = self._shown, [], [], self._cards(lo, hi)
        else:
            gone = self._shown[: max(0, lo - first)] + self._shown[max(0, hi - first) :]
            kept = self._shown[max(0, lo - first) : hi - first]
            before, after = self._cards(lo, first), self._cards(stop, hi)
        row = self._row
        if gone:
            row.remove_children(gone)
        if before:
            row.mount_all(before, after=self._before)
        if after:
            row.mount_all(after, before=self._after)
        self._shown, self._first = before + kept + after, lo
        self._size_spacers()

    def _size_spacers(self) -> None:
        cells = self._card_cells()
        self._before.styles.width = self._first * cells
        self._after.styles.width = (len(self.claims) - self._first - len(self._shown)) * cells

    @on(_CardRow.Scrolled)
    def _scrolled(self) -> None:
        """Scrolled (by the mouse) to cards not mounted: the cards around those in view. (The keys scroll
        only to cards around the chosen one, mounted already.)"""
        row, cells = self._row, self._card_cells()
        first = int(row.scroll_x) // cells  # the first and the last card (partly) in view
        last = min(len(self.claims) - 1, (int(row.scroll_x) + row.size.width - 1) // cells)
        if first < self._first or last >= self._first + len(self._shown):
            self._place(first - self.AROUND, last + 1 + self.AROUND)

    def _show_group_of(self, claim_id: str | None) -> None:
        """Show this group as it is now (after an undo, a redo or a split it may have grown, shrunk or gone),
        with ``claim_id`` chosen when it is in it; when the group is gone, the group that now holds
        ``claim_id`` (else one that holds a claim it had)."""
        groups = self.review.corpus.groups
        g = next((x for x in groups if x.id == self.group.id and self.review.group_claims(x)), None)
        if g is None and claim_id:
            g = self.review.corpus.group_of(claim_id)
        if g is None:
            old = {c.id for c in self.claims}
            g = next((x for x in groups if old & set(x.claims)), self.group)
        self.group = g
        self.claims = self._ordered_claims()
        ids = [c.id for c in self.claims]
        self.chosen = ids.index(claim_id) if claim_id in ids else min(self.chosen, max(0, len(ids) - 1))
        self.query_one("#group-title", Static).update(self._title())
        # other claims now: every card is made again (the list emptied first: a scroll while the old cards
        # go must not see them)
        gone, self._shown, self._first = self._shown, [], 0
        self._row.remove_children(gone)
        self._place(*self._window(self.chosen))
        self.call_after_refresh(self._scroll_to_chosen)

    def _scroll_to_chosen(self) -> None:
        """Scroll the row the least that shows the chosen card (its start, when it is wider than the row).
        A card's place is its index times its width: no layout of the cards just made is waited for."""
        row, cells = self._row, self._card_cells()
        start, x, width = self.chosen * cells, int(row.scroll_x), row.size.width
        if start < x or cells > width:
            x = start
        elif start + cells > x + width:
            x = start + cells - width
        if x > row.max_scroll_x:  # (the row not laid out for this group yet)
            self.call_after_refresh(self._scroll_to_chosen)
            return
        row.scroll_to(x=x, animate=False, immediate=True)

    def _card(self, c: Claim) -> Content:
        a = self._articles.get(c.article_key)
        d = self.review.decision(c.id)
        by = Content("")
        if d.verdict == Verdict.SUPERSEDED and d.superseded_by:
            try:
                later = self.review.claim(d.superseded_by)
                by = literal(f" by {article_name(self._articles.get(later.article_key))}")
            except ReviewError:
                by = literal(f" by {d.superseded_by} (no longer in the articles)")
        parts = [
            literal(article_name(a), "bold"),
            Content.assemble(
                (date_text(a.published if a else None), "$text-muted"), "  ", verdict_word(d.verdict), by
            ),
            # the claim's words before its speaker and time: a short card (at 30x10, three rows) shows them
            literal(c.text),
            Content(""),
            Content.assemble(("speaker ", "$text-muted"), literal(one_line(c.speaker or "—"))),
            Content.assemble(
                ("time ", "$text-muted"), (time_text(c) or "none", "$text-accent"), f" · {c.stance}"
            ),
        ]
        if d.note:
            parts += [Content(""), Content.assemble(("Note: ", "bold"), literal(d.note))]
        return Content("\n").join(parts)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self, [b for b in self.BINDINGS if isinstance(b, Binding)]))

    def action_choose(self, step: int) -> None:
        self.action_choose_at(max(0, min(self.chosen + step, len(self.claims) - 1)))

    def action_choose_at(self, index: int) -> None:
        """Choose ``claims[index]`` (-1: the last)."""
        if not self.claims:
            return
        old = self._card_widget(self.chosen)
        if old is not None:
            old.remove_class("-chosen")
        self.chosen = index % len(self.claims)
        self._place(*self._window(self.chosen))
        new = self._card_widget(self.chosen)
        if new is not None:
            new.add_class("-chosen")
        self._scroll_to_chosen()

    def _writable(self) -> bool:
        if self.review.try_writable():
            return True
        self.notify(
            readonly_notice(self.review),
            title="Read-only",
            severity="warning",
            timeout=4,
            markup=False,
        )
        return False

    def action_mark(self, verdict: str) -> None:
        if not self.claims or not self._writable():
            return
        c = self.claims[self.chosen]
        try:
            self.review.mark(c.id, Verdict(verdict))
        except ReviewError as e:
            self.notify(str(e), severity="error", timeout=6, markup=False)
            return
        self._refresh_card(c)
        self.fc_app.schedule_save()

    def action_supersede(self) -> None:
        """The chosen claim superseded by another report of this event (picked among them, latest first)."""
        if not self.claims or not self._writable():
            return
        c = self.claims[self.chosen]
        items = []
        # the dated reports latest first, then the undated ones: an undated report is no later one (the
        # cards' order put them last, and reversed, they came first: "Reuters date?" above the next month's)
        others = [o for o in reversed(self.claims) if o.id != c.id and self._published(o)]
        others += [o for o in self.claims if o.id != c.id and not self._published(o)]
        which = tell_apart(others, self._articles)  # two articles' rows that would read the same
        for o in others:
            a = self._articles.get(o.article_key)
            line = report_line(o, a, which.get(o.id, ""))
            items.append(PickItem(o.id, line, f"{o.id} {article_name(a)} {o.text}".lower()))
        if not items:
            self.notify("No other report of this event to supersede it.", timeout=3, markup=False)
            return

        def picked(by: str | None) -> None:
            if not by:
                return
            try:
                self.review.mark(c.id, Verdict.SUPERSEDED, by=by)
            except ReviewError as e:
                self.notify(str(e), severity="error", timeout=6, markup=False)
                return
            self._refresh_card(c)
            self.fc_app.schedule_save()
            earlier = self.review.earlier_report(c.id, by)
            if earlier:
                self.notify(earlier, title="An earlier report", severity="warning", timeout=8, markup=False)

        self.app.push_screen(PickerModal(f"'{claim_words(c)}' is superseded by…", items), picked)

    def _refresh_card(self, c: Claim) -> None:
        """``c``'s card and the title's count after a verdict."""
        i = next((i for i, x in enumerate(self.claims) if x.id == c.id), None)
        card = self._card_widget(i) if i is not None else None
        if card is not None:  # (scrolled out of view by the mouse, it is made anew when it comes back)
            card.query_one(".card-text", Static).update(self._card(c))
        self.query_one("#group-title", Static).update(self._title())

    def action_take_out(self) -> None:
        if not self.claims or not self._writable():
            return
        c = self.claims[self.chosen]
        if len(self.claims) <= 1:
            self.notify("This claim is in no group with others.", timeout=3, markup=False)
            return
        try:
            self.review.take_out_of_group(c.id)
        except ReviewError as e:
            self.notify(str(e), severity="error", timeout=6, markup=False)
            return
        self.fc_app.schedule_save()
        rest = [x.id for x in self.claims if x.id != c.id]
        self._show_group_of(rest[min(self.chosen, len(rest) - 1)])
        self.notify(f"Taken out of the group: {clip(one_line(c.text), 60)}", timeout=3, markup=False)

    def _undo_redo(self, redo: bool) -> None:
        if not self._writable():
            return
        try:
            desc = self.review.redo() if redo else self.review.undo()
        except ReviewError as e:
            self.notify(str(e), severity="error", timeout=6, markup=False)
            return
        if not desc:
            self.notify(f"Nothing to {'redo' if redo else 'undo'}.", timeout=3, markup=False)
            return
        self.fc_app.schedule_save()
        # the claim it changed when it is one, else the claim chosen: shown in its group as it is now
        changed = [key for kind, key in self.review.last_undo_changes if kind in ("decision", "manual")]
        chosen = self.claims[self.chosen].id if self.claims else None
        self._show_group_of(changed[0] if changed else chosen)
        self.notify(f"{'redone' if redo else 'undone'}: {desc}", timeout=3, markup=False)

    def action_undo(self) -> None:
        self._undo_redo(redo=False)

    def action_redo(self) -> None:
        self._undo_redo(redo=True)

    def action_read(self) -> None:
        if not self.claims:
            return
        c = self.claims[self.chosen]
        article = self._articles.get(c.article_key)
        if article is not None:
            self.app.push_screen(ArticleScreen(self.review, article, c))

    def action_jump(self) -> None:
        self.dismiss(self.claims[self.chosen].id if self.claims else None)


class ArticleScreen(Screen[None]):
    """A claim's article, read from a group's screen: its text with every claim tinted, this one underlined
    and in view; escape goes back to the group."""

    HELP_TITLE = "Article"
    HELP = (
        "The article of the claim chosen in the event group: its text with each claim tinted in its verdict's "
        "colour and the chosen claim underlined. Arrows and page keys scroll; escape goes back to the group."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        # the group screen's ids: remapped there, the same keys here
        Binding("escape,q,v", "back", "Back", id="group-back"),
        Binding("question_mark,f1", "help", "Help", id="group-help"),
    ]
    HORIZONTAL_BREAKPOINTS = GroupDetailScreen.HORIZONTAL_BREAKPOINTS

    def __init__(self, review: Review, article: Article, claim: Claim) -> None:
        super().__init__(id="group-article")
        self.review, self.article, self.claim = review, article, claim

    def compose(self) -> ComposeResult:
        a = self.article
        yield Static(
            Content.assemble(
                literal(article_name(a), "bold"),
                ("  ", ""),
                (date_text(a.published), "$text-muted"),
                " · ",
                literal(clip(one_line(a.title or a.key), 120)),
            ),
            id="group-article-title",
        )
        yield ArticleView(id="group-article-text")
        yield ScreenKeys()

    def on_mount(self) -> None:
        claims = self.review.claims(self.article.key)
        verdicts = {c.id: self.review.decision(c.id).verdict for c in claims}
        view = self.query_one(ArticleView)
        view.focus()
        self.call_after_refresh(view.show, self.article, claims, verdicts, self.claim)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self, [b for b in self.BINDINGS if isinstance(b, Binding)]))
