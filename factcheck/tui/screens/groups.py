"""Every event group as a timeline sorted by event time; enter shows a group's claims side by side."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalScroll, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from factcheck.model import EventGroup, Verdict
from factcheck.review import Review, ReviewError
from factcheck.tui.fmt import (
    BADGE,
    article_name,
    clip,
    date_text,
    literal,
    one_line,
    readable_time,
    short_key,
    time_text,
    verdict_word,
)

if TYPE_CHECKING:
    from factcheck.tui.screens.main import MainScreen

_ORDER = (Verdict.CONFIRMED, Verdict.DISPUTED, Verdict.SUPERSEDED, Verdict.UNREVIEWED)


def _time_key(g: EventGroup) -> tuple[int, str, str]:
    w = g.when or ""
    return (0 if w[:1].isdigit() else 1 if w else 2, w, g.id)  # dated, partly known, unknown


class GroupsScreen(Screen[None]):
    HELP = (
        "Groups: every event group, one row each, sorted by the event's time (unknown times last), with the "
        "number of claims per verdict and the outlets that report it. enter opens the group's claims side "
        "by side; escape or g goes back."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,g,q", "back", "Back", id="groups-back"),
        Binding("enter", "open", "Open group", id="groups-open"),
        Binding("j", "cursor_down", "Down", show=False, id="groups-down"),
        Binding("k", "cursor_up", "Up", show=False, id="groups-up"),
    ]

    def __init__(self, review: Review, main: MainScreen) -> None:
        super().__init__(id="groups")
        self.review = review
        self.main = main
        self.groups: list[EventGroup] = []

    def compose(self) -> ComposeResult:
        yield Static(Content("Event groups by event time"), id="groups-title")
        yield DataTable(id="groups-table", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        t = self.query_one(DataTable)
        t.add_column("When", key="when")
        for v in _ORDER:
            t.add_column(BADGE[v][0], key=str(v))
        t.add_column("Articles", key="articles")
        t.add_column("Event", key="label")
        self.groups = sorted(self.review.corpus.groups, key=_time_key)
        dec = self.review.data.decisions
        for g in self.groups:
            counts = dict.fromkeys(_ORDER, 0)
            arts: list[str] = []
            for cid in g.claims:
                d = dec.get(cid)
                if d is not None and d.dismissed:
                    continue
                counts[d.verdict if d else Verdict.UNREVIEWED] += 1
                try:
                    k = self.review.claim(cid).article_key
                except ReviewError:
                    continue
                if k not in arts:
                    arts.append(k)
            t.add_row(
                Text(readable_time(g.when, short=True) if g.when else "?"),
                *(Text(str(counts[v]) if counts[v] else "·") for v in _ORDER),
                Text(clip(", ".join(short_key(k) for k in arts), 24)),
                Text(clip(g.label, 200)),
                key=g.id,
            )
        self.query_one("#groups-title", Static).update(
            Content(f"{len(self.groups)} event groups, sorted by event time · enter opens one · escape back")
        )
        t.focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_open(self) -> None:
        t = self.query_one(DataTable)
        if not self.groups or t.cursor_row < 0:
            return
        self.app.push_screen(GroupDetailScreen(self.review, self.groups[t.cursor_row], self.main))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()


class GroupDetailScreen(Screen[None]):
    HELP = (
        "One event group: its claims side by side, oldest report first, each with outlet, publication date, "
        "verdict, speaker, time and text. ←/→ scroll; enter jumps to the first claim on the main screen; "
        "escape goes back."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back", id="group-back"),
        Binding("enter", "jump", "Go to claims", id="group-jump"),
        Binding("right,l", "scroll_cards(1)", "Scroll →", id="group-right"),
        Binding("left,h", "scroll_cards(-1)", "Scroll ←", id="group-left"),
    ]
    MAX_CARDS = 60

    def __init__(self, review: Review, group: EventGroup, main: MainScreen) -> None:
        super().__init__(id="group-detail")
        self.review, self.group, self.main = review, group, main

    def compose(self) -> ComposeResult:
        g = self.group
        yield Static(
            Content.assemble(
                ("Event ", "bold"),
                literal(g.id),
                " · time ",
                (readable_time(g.when) if g.when else "unknown", "$text-accent"),
                " · ",
                literal(clip(g.label, 120)),
            ),
            id="group-title",
        )
        with HorizontalScroll(id="cards"):
            for content in self._cards():
                yield VerticalScroll(Static(content), classes="card")
        yield Footer(compact=True)

    def _cards(self) -> list[Content]:
        out = []
        claims = []
        for cid in self.group.claims:
            try:
                claims.append(self.review.claim(cid))
            except ReviewError:
                continue
        arts = {a.key: a for a in self.review.corpus.articles}

        def order(c):  # type: ignore[no-untyped-def]
            a = arts.get(c.article_key)
            return (a.published if a and a.published else dt.date.max, c.article_key, c.start)

        for c in sorted(claims, key=order)[: self.MAX_CARDS]:
            a = arts.get(c.article_key)
            d = self.review.decision(c.id)
            parts = [
                Content.assemble((short_key(c.article_key), "bold"), " ", literal(article_name(a))),
                Content.assemble(
                    (date_text(a.published if a else None), "$text-muted"), "  ", verdict_word(d.verdict)
                ),
                Content.assemble(("speaker ", "$text-muted"), literal(one_line(c.speaker or "—"))),
                Content.assemble(
                    ("time ", "$text-muted"), (time_text(c) or "none", "$text-accent"), f" · {c.stance}"
                ),
                Content(""),
                literal(c.text),
            ]
            if d.note:
                parts += [Content(""), Content.assemble(("Note: ", "bold"), literal(d.note))]
            out.append(Content("\n").join(parts))
        return out

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_scroll_cards(self, step: int) -> None:
        hs = self.query_one("#cards", HorizontalScroll)
        hs.scroll_to(x=hs.scroll_x + step * 42, animate=False)

    def action_jump(self) -> None:
        first = self.group.claims[0] if self.group.claims else None
        self.app.pop_screen()
        self.app.pop_screen()
        if first:
            self.main.go_to_claim(first)
