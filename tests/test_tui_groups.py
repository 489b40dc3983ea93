"""Pilot tests of a group's own screen (g, enter): undo there, its key bar, its count, its articles."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("textual")

from pilot_steps import settle  # tests/pilot_steps.py

from factcheck import session as sess
from factcheck.model import Verdict
from factcheck.review import Review
from factcheck.tui.app import make_app
from factcheck.tui.screens.groups import ArticleScreen, GroupDetailScreen, GroupsScreen
from factcheck.tui.screens.main import MainScreen
from factcheck.tui.widgets.article_view import ArticleView
from factcheck.tui.widgets.key_bar import ScreenKeys

if TYPE_CHECKING:
    from textual.pilot import Pilot

SIZE = (120, 40)
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    return tmp_path / "review.toml"


def biggest_group(r: Review):
    return max(r.corpus.groups, key=lambda g: len(r.group_claims(g)))


async def open_group(app, pilot, group) -> GroupDetailScreen:
    await pilot.press("g")
    await pilot.pause()
    groups = app.screen
    assert isinstance(groups, GroupsScreen)
    groups.table.highlighted = [g.id for g in groups.groups].index(group.id)
    await pilot.press("enter")
    await pilot.pause()
    detail = app.screen
    assert isinstance(detail, GroupDetailScreen)
    return detail


def title(detail: GroupDetailScreen) -> str:
    return detail.query_one("#group-title").content.plain


async def test_a_verdict_given_in_a_group_is_undone_and_redone_there(seeds_copy, session_path):
    """ctrl+z did nothing on a group's screen: a wrong c/d there could be taken back only on the main screen."""
    r = Review.open(session_path, [str(seeds_copy)])
    g = biggest_group(r)
    assert len(r.group_claims(g)) >= 2, "the seeds have a group of two claims or more"
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = await open_group(app, pilot, g)
        n = len(detail.claims)
        assert f"0 of {n} claim(s) decided" in title(detail)
        await pilot.press("right", "d")
        chosen = detail.claims[1]
        assert r.decision(chosen.id).verdict == Verdict.DISPUTED
        assert f"1 of {n} claim(s) decided" in title(detail)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.screen is detail
        assert r.decision(chosen.id).verdict == Verdict.UNREVIEWED
        assert f"0 of {n} claim(s) decided" in title(detail)
        assert detail.claims[detail.chosen].id == chosen.id
        card = detail.query(".card")[detail.chosen]
        assert "-chosen" in card.classes and "disputed" not in str(card.query_one(".card-text").render())
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert r.decision(chosen.id).verdict == Verdict.DISPUTED
        assert "disputed" in str(detail.query(".card")[detail.chosen].query_one(".card-text").render())
        await pilot.press("escape", "escape", "q")
    assert sess.load(session_path).decisions[chosen.id].verdict == Verdict.DISPUTED


async def test_a_split_in_a_group_is_taken_back_there(seeds_copy, session_path):
    """x takes the chosen claim out of the group on its own screen; ctrl+z there brings it back, and the
    screen shows the group as it is after each step (never a stale list of cards)."""
    r = Review.open(session_path, [str(seeds_copy)])
    g = min((x for x in r.corpus.groups if len(r.group_claims(x)) >= 3), key=lambda x: len(x.claims))
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = await open_group(app, pilot, g)
        before = [c.id for c in detail.claims]
        await pilot.press("right", "x")
        await pilot.pause()
        out = before[1]
        assert out in r.data.splits
        # the same event, one claim fewer (its id may change with its members)
        assert [c.id for c in detail.claims] == [c for c in before if c != out]
        assert len(detail.query(".card")) == len(before) - 1
        assert detail.claims[detail.chosen].id == before[2 if len(before) > 2 else 0]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert out not in r.data.splits
        assert sorted(c.id for c in detail.claims) == sorted(before)
        assert len(detail.query(".card")) == len(before)
        await pilot.press("escape")
        await pilot.pause()
        groups = app.screen
        assert isinstance(groups, GroupsScreen)
        assert sorted(x.id for x in groups.groups) == sorted(x.id for x in r.corpus.groups)
        await pilot.press("escape", "q")


async def test_a_merge_made_on_the_main_screen_is_undone_from_a_group_screen(seeds_copy, session_path):
    """After m on the main screen, the merged group's screen can undo it: the cards shrink back to the
    chosen claim's own group."""
    r = Review.open(session_path, [str(seeds_copy)])
    g = biggest_group(r)
    other = next(x for x in r.corpus.groups if x.id != g.id and r.group_claims(x))
    a, b = r.group_claims(g)[0].id, r.group_claims(other)[0].id
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        main.go_to_claim(a)
        await pilot.pause()
        r.merge_groups(a, b)  # (as m does; the picker is tested elsewhere)
        merged = r.corpus.group_of(a)
        assert merged is not None and b in merged.claims
        main.after_change(None)
        detail = await open_group(app, pilot, merged)
        assert {a, b} <= {c.id for c in detail.claims}
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert r.corpus.group_of(a) is not r.corpus.group_of(b)
        shown = {c.id for c in detail.claims}
        assert (a in shown) != (b in shown)
        lo, hi = detail.chosen - detail.AROUND, detail.chosen + 1 + detail.AROUND
        assert len(detail.query(".card")) == min(len(detail.claims), hi) - max(0, lo)
        await pilot.press("escape", "escape", "q")


async def test_group_screen_key_bar_names_each_arrow_once(seeds_copy, session_path):
    """The key bar read '← ← Prev → Next →': the arrows were in the descriptions too."""
    r = Review.open(session_path, [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = await open_group(app, pilot, biggest_group(r))
        shown = [
            f"{app.get_key_display(a.binding)} {a.binding.description}"
            for a in detail.active_bindings.values()
            if a.binding.show
        ]
        assert "← Prev" in shown and "→ Next" in shown
        assert not any(s.count("←") + s.count("→") > 1 for s in shown), shown
        bar = detail.query_one(ScreenKeys).content.plain
        assert "← Prev" in bar and "→ Next" in bar and bar.count("←") == 1, bar
        await pilot.press("escape", "escape", "q")


async def test_the_group_screens_key_bar_fits_each_width_with_whole_keys(seeds_copy, session_path):
    """The group screens list their shown keys on one line (one widget, not one per key), in the order
    declared, each key whole, described or (when the rest would not fit) bare: those that do not fit are
    left out, and a resize lists them again."""
    r = Review.open(session_path, [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = await open_group(app, pilot, biggest_group(r))
        pieces = {
            (f" {app.get_key_display(b)} {b.description} ", f" {app.get_key_display(b)}"): None
            for b in (a.binding for a in detail.active_bindings.values())
            if b.show
        }
        for size in (SIZE, (60, 24), (30, 10), SIZE):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            bar = detail.query_one(ScreenKeys)
            text = bar.content.plain
            assert len(text) <= bar.size.width
            at, was_bare = 0, False  # whole keys only, in their order; once one is bare, the rest are
            for described, bare in pieces:
                if text.startswith(described, at):
                    assert not was_bare, text
                    at += len(described)
                elif text.startswith(bare, at) and text[at + len(bare) : at + len(bare) + 1] in ("", " "):
                    at, was_bare = at + len(bare), True
            assert at == len(text), (text, at)
            if size == SIZE:
                assert " esc Back " in text and " c Confirm " in text
        assert len(detail.query(ScreenKeys)) == 1
        await pilot.press("escape", "escape", "q")


async def test_a_claims_article_is_read_from_its_group(seeds_copy, session_path):
    """v on a group's screen shows the chosen claim's article, the claim underlined and in view; escape
    goes back to the group with the same claim chosen."""
    r = Review.open(session_path, [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        detail = await open_group(app, pilot, biggest_group(r))
        await pilot.press("right")
        chosen = detail.claims[detail.chosen]
        await pilot.press("v")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ArticleScreen) and reader.article.key == chosen.article_key
        view = reader.query_one(ArticleView)
        shown = "\n".join(view.render_line(y).text for y in range(view.scrollable_content_region.height))
        assert chosen.text.split()[0] in shown
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is detail and detail.claims[detail.chosen].id == chosen.id
        await pilot.press("escape", "escape", "q")


async def test_going_back_without_a_change_recounts_nothing(seeds_copy, session_path, monkeypatch):
    """Leaving a group's screen refilled the groups table, and leaving that recounted every article on the
    main screen, though nothing had changed (hundreds of ms a key on a batch of 1,000 articles)."""
    r = Review.open(session_path, [str(seeds_copy)])
    app = make_app(r)
    counted: list[str] = []
    recount = MainScreen._recount
    count = GroupsScreen._count

    def main_recount(self, keys):
        counted.append("main" if keys is None else "keys")
        return recount(self, keys)

    def groups_count(self):
        counted.append("groups")
        count(self)

    monkeypatch.setattr(MainScreen, "_recount", main_recount)
    monkeypatch.setattr(GroupsScreen, "_count", groups_count)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        counted.clear()
        detail = await open_group(app, pilot, biggest_group(r))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert counted == ["groups"]  # (the groups screen's own opening)
        counted.clear()
        detail = await open_group(app, pilot, biggest_group(r))
        groups = app.screen_stack[-2]
        assert isinstance(groups, GroupsScreen)
        row = [g.id for g in groups.groups].index(detail.group.id)
        await pilot.press("c", "escape")
        await pilot.pause()
        assert counted == []  # a verdict given: only its group's line is counted again, not every group
        assert groups.table.prompt_at(row).plain == fresh_lines(r, app)[row]
        await pilot.press("escape")
        await pilot.pause()
        assert "main" in counted and r.decision(detail.claims[0].id).verdict == Verdict.CONFIRMED
        await pilot.press("q")


def fresh_lines(r: Review, app) -> list[str]:
    """The groups screen's lines as a screen opened now would count them."""
    screen = GroupsScreen(r)
    screen._count()
    screen._widths = app.screen_stack[-1]._widths if isinstance(app.screen, GroupsScreen) else screen._widths
    return [screen._line(row).plain for row in screen._rows]


async def test_the_groups_screen_kept_between_openings_shows_every_change(seeds_copy, session_path):
    """The groups screen is made once and kept: what changed while it was closed (a verdict on the main
    screen, a claim dismissed, a group split on a group's screen) shows when it opens again, line for line as
    a screen counted from scratch shows it."""
    r = Review.open(session_path, [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        first = app.screen
        assert isinstance(first, GroupsScreen)
        await pilot.press("escape")
        await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen)
        g = biggest_group(r)
        a, b = r.group_claims(g)[:2]
        main.go_to_claim(a.id)
        await pilot.pause()
        await pilot.press("d")  # a verdict given on the main screen
        await pilot.pause()
        r.dismiss(b.id)  # and a claim dismissed (its outlet may leave the line)
        await pilot.press("g")
        await pilot.pause()
        assert app.screen is first
        t = first.table
        assert [t.prompt_at(i).plain for i in range(t.count)] == fresh_lines(r, app)
        claims_before = len(r.group_claims(g))
        t.highlighted = [x.id for x in first.groups].index(g.id)
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, GroupDetailScreen)
        await pilot.press("x")  # a claim taken out of the group: the groups themselves change
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is first and len(r.group_claims(detail.group)) < claims_before
        assert len(first.groups) == len(r.corpus.groups)
        assert [t.prompt_at(i).plain for i in range(t.count)] == fresh_lines(r, app)
        assert first.groups[t.highlighted].id == detail.group.id  # the same group stays chosen
        await pilot.press("escape", "q")


def test_changes_since_names_what_changed_after_a_version(seeds_copy, session_path):
    r = Review.open(session_path, [str(seeds_copy)])
    g = biggest_group(r)
    a, b = r.group_claims(g)[:2]
    v0 = r.version
    assert r.changes_since(v0) == set()
    r.set_cursor(a.article_key, a.id)
    assert r.version != v0 and r.changes_since(v0) == set()  # the cursor: nothing to redraw
    r.mark(a.id, Verdict.CONFIRMED)
    v1 = r.version
    r.mark(b.id, Verdict.DISPUTED)
    assert r.changes_since(v0) == {("decision", a.id), ("decision", b.id)}
    assert r.changes_since(v1) == {("decision", b.id)}
    r.undo()
    assert r.changes_since(v1) == {("decision", b.id)}
    r.take_out_of_group(a.id)
    assert ("groups", "") in (r.changes_since(v1) or set())
    for i in range(Review._LOG_KEPT + 1):  # a version older than the changes remembered: cannot tell
        r.mark(a.id, Verdict.CONFIRMED if i % 2 else Verdict.DISPUTED)
    assert r.changes_since(v0) is None
    assert r.changes_since(r.version) == set()


async def test_groups_screen_columns_fit_every_width(seeds_copy, session_path):
    """Each group is one line fitted to the list's width, a wide (CJK) outlet cut by cells; no size breaks it."""
    r = Review.open(session_path, [str(seeds_copy)])
    for g in r.corpus.groups:  # the first outlet named in each group's line
        r.set_outlet(r.group_claims(g)[0].article_key, "人民日报海外版" * 4)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GroupsScreen)
        for size in (SIZE, (80, 24), (30, 10), SIZE):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            t = screen.table
            assert t.count == len(r.corpus.groups)
            if t.line_width >= 60:  # (narrower, the time and counts alone fill it: the list crops them)
                assert all(t.prompt_at(i).cell_length == t.line_width for i in range(t.count))
        assert all("人民日报" in t.prompt_at(i).plain for i in range(t.count))
        await pilot.press("escape", "q")


async def test_enter_typed_right_after_g_opens_the_first_group(seeds_copy, session_path):
    """g then enter at typing speed showed the groups screen and ignored the enter (no line chosen yet)."""
    r = Review.open(session_path, [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("g")
        screen = app.screen
        assert isinstance(screen, GroupsScreen)
        screen.table.highlighted = None  # as in a terminal, where enter can come before the first layout
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GroupDetailScreen)
        first = sorted(
            r.corpus.groups, key=lambda g: (0 if (g.when or "")[:1].isdigit() else 1, g.when, g.id)
        )
        assert app.screen.group.id == first[0].id
        await pilot.press("escape", "escape", "q")


@contextlib.asynccontextmanager
async def big_group_screen(
    tmp_path: Path, session_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Review, Pilot, GroupDetailScreen, int]]:
    """The app open on a group of 30 claims or more, two cards mounted on each side of the chosen one:
    (the review, the pilot, the group's screen, its number of claims)."""
    monkeypatch.setattr(GroupDetailScreen, "AROUND", 2)
    r, g = big_group(tmp_path, session_path, 30)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = await open_group(app, pilot, g)
        await pilot.pause()
        yield r, pilot, detail, len(r.group_claims(g))


def big_group(tmp_path: Path, session_path: Path, size: int) -> tuple[Review, object]:
    """A review whose one group has ``size`` claims or more: the seeds copied twice, claims merged."""
    for k in range(2):  # 120 claims
        shutil.copytree(SEEDS, tmp_path / "corpus" / f"copy{k}")
    r = Review.open(session_path, [str(tmp_path / "corpus")])
    claims = [c for a in r.corpus.articles for c in r.claims(a.key)]
    for c in claims[1:size]:
        r.merge_groups(claims[0].id, c.id)
    g = r.corpus.group_of(claims[0].id)
    assert g is not None and len(r.group_claims(g)) >= size
    return r, g


def mounted(detail: GroupDetailScreen) -> list[str]:
    """The texts of the cards mounted, in order."""
    return [c.query_one(".card-text").content.plain for c in detail.query(".card")]


def shows(detail: GroupDetailScreen, lo: int, hi: int) -> bool:
    """The cards mounted are those of claims[lo:hi], the chosen one framed."""
    claims = detail.claims[max(0, lo) : hi]
    texts = mounted(detail)
    chosen = [c.has_class("-chosen") for c in detail.query(".card")]
    return (
        len(texts) == len(claims)
        and all(c.text[:20] in t for c, t in zip(claims, texts, strict=True))
        and chosen.count(True) == 1
        and claims[chosen.index(True)] is detail.claims[detail.chosen]
    )


async def test_a_big_group_mounts_only_the_cards_near_the_chosen_one(tmp_path, session_path, monkeypatch):
    """Every card made stayed mounted: on a group of 250 claims → cost ~24 ms of CPU at the first card and
    ~116 ms at the 240th, an undo there ~0.5 s. Only AROUND cards on each side of the chosen one are
    mounted; home and end go to the first and last card; every claim is still reached, in order."""
    async with big_group_screen(tmp_path, session_path, monkeypatch) as (r, pilot, detail, n):
        assert shows(detail, 0, 3)
        for i in range(1, n):
            await pilot.press("right")
            await pilot.pause()
            assert detail.chosen == i and shows(detail, i - 2, i + 3)
        await pilot.press("right", "c")  # (the last one stays chosen) a verdict on the last card
        await pilot.pause()
        assert r.decision(detail.claims[-1].id).verdict == Verdict.CONFIRMED
        assert "confirmed" in mounted(detail)[-1]
        assert f"1 of {n} claim(s) decided" in title(detail)
        await pilot.press("home")
        await pilot.pause()
        assert detail.chosen == 0 and shows(detail, 0, 3)
        row = detail.query_one("#cards")
        assert row.scroll_x == 0
        await pilot.press("end")
        await pilot.pause()
        assert detail.chosen == n - 1 and shows(detail, n - 3, n)
        assert row.scroll_x == row.max_scroll_x > 0  # the last card in view, at the end of the row
        await pilot.press("left", "left")
        await pilot.pause()
        assert detail.chosen == n - 3 and shows(detail, n - 5, n)
        await pilot.press("escape", "escape", "q")


async def test_the_mouse_scrolls_over_the_whole_group(tmp_path, session_path, monkeypatch):
    """The row is as wide as every card of the group (spacers stand for the cards not mounted): scrolled by
    the mouse anywhere, the cards in view are there."""
    async with big_group_screen(tmp_path, session_path, monkeypatch) as (_r, pilot, detail, n):
        row = detail.query_one("#cards")
        cells = detail._card_cells()
        assert row.virtual_size.width >= n * cells - 1
        for x in (row.max_scroll_x, row.max_scroll_x // 2, 0):
            row.scroll_to(x=x, animate=False)
            await pilot.pause()
            await pilot.pause()
            first, last = x // cells, min(n - 1, (x + row.size.width) // cells)
            texts = mounted(detail)
            assert len(texts) <= 2 * 2 + 1 + row.size.width // cells + 1
            for c in detail.claims[first : last + 1]:  # every card in view is mounted
                assert any(c.text[:20] in t for t in texts)
        await pilot.press("end", "c")  # the keys still choose, the cards follow
        await pilot.pause()
        assert detail.chosen == n - 1 and shows(detail, n - 3, n)
        assert "confirmed" in mounted(detail)[-1]
        await pilot.press("escape", "escape", "q")


async def test_an_undo_at_the_end_of_a_big_group_makes_only_the_cards_near_the_chosen_one(
    tmp_path, session_path, monkeypatch
):
    """An undo at the 240th card of a big group made every card up to it again (~0.5 s)."""
    async with big_group_screen(tmp_path, session_path, monkeypatch) as (r, pilot, detail, n):
        await pilot.press("end", "left", "d")
        await pilot.pause()
        chosen = detail.claims[n - 2]
        assert r.decision(chosen.id).verdict == Verdict.DISPUTED
        await pilot.press("ctrl+z")  # (the row scrolled to its end: the cards went while it scrolled)
        await pilot.pause()
        await pilot.pause()
        assert r.decision(chosen.id).verdict == Verdict.UNREVIEWED
        assert detail.claims[detail.chosen].id == chosen.id  # the claim undone is chosen, in view
        assert shows(detail, n - 4, n)
        assert "disputed" not in "".join(mounted(detail))
        await pilot.press("home", "ctrl+y")  # from the first card: the claim redone chosen
        await pilot.pause()
        await pilot.pause()
        assert r.decision(chosen.id).verdict == Verdict.DISPUTED
        assert detail.claims[detail.chosen].id == chosen.id and shows(detail, n - 4, n)
        assert "disputed" in mounted(detail)[-2]
        row, cells = detail.query_one("#cards"), detail._card_cells()
        assert row.scroll_x <= detail.chosen * cells <= row.scroll_x + row.size.width - cells  # in view
        await pilot.press("escape", "escape", "q")


async def test_every_claim_of_a_group_of_more_than_sixty_is_on_its_screen(tmp_path, session_path):
    """A group of 249 claims (PolNeAR) opened on a screen that said '0 of 60 claim(s) decided' and had no card
    beyond the 60th: the groups list counted 249, the other claims could not be reached from the group."""
    for k in range(2):  # 120 claims
        shutil.copytree(SEEDS, tmp_path / "corpus" / f"copy{k}")
    r = Review.open(session_path, [str(tmp_path / "corpus")])
    claims = [c for a in r.corpus.articles for c in r.claims(a.key)]
    for c in claims[1:70]:
        r.merge_groups(claims[0].id, c.id)
    g = r.corpus.group_of(claims[0].id)
    n = len(r.group_claims(g))
    assert n > 60
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = await open_group(app, pilot, g)
        assert len(detail.claims) == n
        assert f"0 of {n} claim(s) decided" in title(detail)
        for _ in range(n - 1):
            await pilot.press("right")
        await pilot.press("c")
        await pilot.pause()
        assert detail.chosen == n - 1
        assert r.decision(detail.claims[-1].id).verdict == Verdict.CONFIRMED
        assert f"1 of {n} claim(s) decided" in title(detail)
        await pilot.press("escape", "escape", "q")


async def test_a_group_screen_at_30x10_shows_its_cards(seeds_copy, session_path):
    """At 30x10 a group's title (event id, time, count and the event's words) took 8 of the 10 lines: no
    card was visible. Titles take at most 3 lines; the cards get the rest."""
    r = Review.open(session_path, [str(seeds_copy)])
    g = biggest_group(r)
    app = make_app(r)
    async with app.run_test(size=(30, 10)) as pilot:
        await settle(app, pilot)
        detail = await open_group(app, pilot, g)
        await pilot.pause()
        assert detail.query_one("#group-title").size.height <= 3
        assert detail.query_one("#cards").size.height >= 5
        # a card was 42 columns wide whatever the screen: at 30 columns its right border and words were cut
        card = detail.query(".card").first()
        assert card.region.right <= app.size.width, (card.region, app.size)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.query_one("#group-article-title").size.height <= 3
        await pilot.press("escape", "escape", "escape", "q")


async def test_the_chosen_card_stays_in_view_when_the_terminal_narrows(tmp_path, session_path):
    """Narrowed from 120 to 30 columns at the last card of a big group, the row showed the middle of another
    card, none framed."""
    r, g = big_group(tmp_path, session_path, 30)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = await open_group(app, pilot, g)
        await pilot.press("end", "left")
        await pilot.pause()
        for width, height in ((80, 24), (30, 10), (120, 40)):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            await pilot.pause()
            row, cells = detail.query_one("#cards"), detail._card_cells()
            start = detail.chosen * cells
            assert row.scroll_x <= start < row.scroll_x + row.size.width, (width, height)
        await pilot.press("escape", "escape", "q")


async def test_an_events_time_says_which_reports_words_it_comes_from(tmp_path):
    """ECB+ (undated texts): the Event panel and a group's screen read "time 2008" for claims whose articles
    bear no date, and nothing said where 2008 came from. Both name the words and the article."""
    from factcheck.tui.widgets.event_panel import EventPanel

    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Navy seizes pirate boats\n\nThe Indian Navy captured 23 Somali pirates in the Gulf of Aden on"
        " September 15, 2008, a Defence Ministry release said.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Pirates captured in the Gulf of Aden\n\nIndian Navy commandos captured 23 Somali pirates in the Gulf"
        " of Aden in September, the Defence Ministry said.\n",
        encoding="utf-8",
    )
    r = Review.open(tmp_path / "s.toml", [str(folder)])
    (g,) = r.corpus.groups
    b = next(c for c in r.group_claims(g) if c.article_key == "b.txt")
    app = make_app(r)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        main = app.screen
        main.go_to_claim(b.id)
        await settle(app, pilot)
        panel = main.query_one(EventPanel).content.plain
        assert "time 2008-09-15 from “September 15, 2008” in a.txt ·" in " ".join(panel.split()), panel
        await pilot.press("g", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GroupDetailScreen)
        title = app.screen.query_one("#group-title").content.plain
        assert "time 2008-09-15 from “September 15, 2008” in a.txt ·" in title, title


async def test_a_claim_is_superseded_by_another_report_from_its_groups_screen(seeds_copy, session_path):
    """A group's screen shows an event's reports side by side, oldest first: the place to see that a later
    report overtakes an earlier one. It had c/d/u but no s: the reviewer went back to the main screen and
    searched the later claim in the picker. s there picks among the group's other reports (latest first), and
    the card says by which outlet."""
    from factcheck.tui.screens.modals import PickerModal

    r = Review.open(session_path, [str(seeds_copy)])
    g = biggest_group(r)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        detail = await open_group(app, pilot, g)
        first = detail.claims[0]
        dated = [c for c in detail.claims if r.corpus.article(c.article_key).published]
        undated = [c for c in detail.claims if not r.corpus.article(c.article_key).published]
        assert len(dated) > 1 and undated  # (the seeds' biggest group has an undated report: listed last)
        last = dated[-1]
        await pilot.press("s")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerModal)
        assert picker._items is not None and picker._items[0].id == last.id  # the latest report first
        assert [i.id for i in picker._items][-len(undated) :] == [c.id for c in undated]  # undated, no later
        assert first.id not in {i.id for i in picker._items}
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is detail
        d = r.decision(first.id)
        assert d.verdict == Verdict.SUPERSEDED and d.superseded_by == last.id
        later = r.corpus.article(last.article_key)
        assert f"superseded by {later.outlet or later.key}" in " ".join(mounted(detail)[0].split())
        assert "1 of" in title(detail)
        await pilot.press("escape", "escape", "q")


@pytest.mark.parametrize("size", [(30, 10), (80, 24)])
async def test_a_group_card_shows_its_claims_words_and_the_title_its_count_at_every_size(
    seeds_copy, session_path, size
):
    """At 30x10 a group's card showed its outlet, date, verdict and speaker, and not one word of the claim;
    the title's three lines cut its count after "· 0". The claim's text comes right after the outlet, date and
    verdict (speaker and time follow it), the title says its count before the event's time, and under 16 rows
    it keeps two lines."""
    r = Review.open(session_path, [str(seeds_copy)])
    g = biggest_group(r)
    app = make_app(r)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        detail = await open_group(app, pilot, g)
        await pilot.pause()
        card = detail.query(".card.-chosen").first()
        text = card.query_one(".card-text")
        rows = card.scrollable_content_region.height
        shown = " ".join(text.render_line(y).text for y in range(rows))
        claim = detail.claims[detail.chosen]
        assert claim.text.split()[0] in shown.split(), (shown, claim.text)
        head = detail.query_one("#group-title")
        said = " ".join(head.render_line(y).text.strip() for y in range(head.size.height))
        assert f"0 of {len(detail.claims)} claim(s) decided" in said, said
        await pilot.press("escape", "escape", "q")


@pytest.mark.parametrize("size", [(30, 10), (80, 24)])
async def test_at_30_columns_a_card_keeps_its_columns_for_words_and_the_key_bar_lists_every_key(
    seeds_copy, session_path, size
):
    """At 30x10 a card's scrollbar took 2 of its 26 columns (and its right padding one more), and the key bar,
    three keys described, had no room for c, d or s. Under 40 columns a card (and an article read from it)
    has a one-column scrollbar and no right padding; the key bar describes its keys while the others still
    fit as bare keys after them, so every key is listed (? tells what each does)."""
    r = Review.open(session_path, [str(seeds_copy)])
    g = biggest_group(r)
    app = make_app(r)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        detail = await open_group(app, pilot, g)
        await pilot.pause()
        card = detail.query(".card.-chosen").first()
        words = card.scrollable_content_region.width
        keys = detail.query_one(ScreenKeys).render_line(0).text.split()
        for key in ("←", "→", "esc", "c", "d", "u", "s", "x", "v", "?"):
            assert key in keys, (key, keys)
        if size[0] == 30:
            assert words == card.outer_size.width - 2 - 1 - 1, words  # border, left padding, scrollbar
            await pilot.press("v")
            await pilot.pause()
            text = app.screen.query_one("#group-article-text")
            assert text.scrollable_content_region.width == text.outer_size.width - 1 - 1
            await pilot.press("escape")
        else:
            assert "Confirm" in keys and "Dispute" in keys  # described where they fit
            assert words >= card.outer_size.width - 2 - 2 - 2, (
                words
            )  # (a scrollbar only when the text runs on)
        await pilot.press("escape", "escape", "q")


async def test_the_supersede_picker_tells_apart_two_articles_with_the_same_sentence(tmp_path):
    """Two Breitbart "The Latest" articles of one day carry the same sentence: the group screen's picker (s)
    showed two identical rows ("Breitbart 2016-03-15 · 2016-03-15" and the same words), nothing to tell
    which article is which. Rows that would read the same now name their article's title."""
    from factcheck.tui.screens.modals import PickerModal

    folder = tmp_path / "arts"
    folder.mkdir()
    head = '+++\noutlet = "{}"\npublished = "{}"\ntitle = "{}"\n+++\n'
    said = (
        "Indian Navy commandos captured 23 Somali pirates in the Gulf of Aden on Monday, the Defence Ministry"
        " said.\n\n"
    )
    (folder / "a.txt").write_text(
        head.format("Harbour Times", "2008-09-15", "Navy seizes pirate boats")
        + "The Indian Navy captured 23 Somali pirates in the Gulf of Aden on September 15, 2008, a Defence"
        " Ministry release said.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        head.format("Wire", "2008-09-16", "The Latest: Navy hands pirates to police")
        + said
        + "The pirates will be handed to the police in Mumbai on Wednesday, officials said.\n",
        encoding="utf-8",
    )
    (folder / "c.txt").write_text(
        head.format("Wire", "2008-09-16", "The Latest: Pirates' boats towed to port")
        + said
        + "Two of the pirates' boats were towed to the port of Kochi by a coast guard ship, a spokesman said.\n",
        encoding="utf-8",
    )
    r = Review.open(tmp_path / "s.toml", [str(folder)])
    (g,) = r.corpus.groups
    assert {c.article_key for c in r.group_claims(g)} == {"a.txt", "b.txt", "c.txt"}
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        from factcheck.tui.widgets.event_panel import EventPanel

        # the Event panel listed the two the same way too
        panel = " ".join(app.screen.query_one(EventPanel).content.plain.split())
        assert "Wire · The Latest: Navy hands pirates" in panel, panel
        assert "Wire · The Latest: Pirates' boats towed" in panel, panel
        detail = await open_group(app, pilot, g)
        assert detail.claims[0].article_key == "a.txt"  # the oldest report is chosen
        await pilot.press("s")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickerModal) and picker._items is not None
        rows = {i.id: i.line().plain for i in picker._items}
        assert len(rows) == 2 and len(set(rows.values())) == 2, rows
        assert any("Navy hands pirates to police" in row for row in rows.values()), rows
        assert any("Pirates' boats towed to port" in row for row in rows.values()), rows
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        # the main screen's picker (every claim of the batch) tells them apart the same way
        await pilot.press("s")
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, PickerModal) and picker._items is not None
        rows = {i.id: i.line().plain for i in picker._items if i.id in {b.id for b in r.group_claims(g)}}
        same = [row for row in rows.values() if "Indian Navy commandos" in row]
        assert len(same) == 2 and len(set(same)) == 2, same
        await pilot.press("escape", "q")
