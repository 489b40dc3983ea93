"""Pilot tests of the groups screen (g) on a batch of many groups: its sort, its search, an empty batch."""

from __future__ import annotations

import pytest

pytest.importorskip("textual")

from pilot_steps import settle  # tests/pilot_steps.py
from textual.widgets import Input, Static

from factcheck.model import Verdict
from factcheck.review import Review
from factcheck.tui.app import make_app
from factcheck.tui.screens.groups import GroupsScreen
from factcheck.tui.screens.help import HelpScreen
from factcheck.tui.widgets.key_bar import ScreenKeys

SIZE = (120, 40)


async def groups_screen(app, pilot) -> GroupsScreen:
    await settle(app, pilot)
    await pilot.press("g")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, GroupsScreen)
    return screen


def title(screen: GroupsScreen) -> str:
    return screen.query_one("#groups-title", Static).content.plain


def keys(screen: GroupsScreen) -> str:
    return screen.query_one(ScreenKeys).content.plain


def claims_of(r: Review, g) -> int:
    dec = r.data.decisions
    return sum(1 for c in r.group_claims(g) if not (c.id in dec and dec[c.id].dismissed))


def undecided_of(r: Review, g) -> int:
    return sum(1 for c in r.group_claims(g) if r.decision(c.id).verdict == Verdict.UNREVIEWED)


async def test_s_sorts_the_groups_by_size_then_undecided_claims_then_time(seeds_copy, tmp_path):
    """A big group was found only by scrolling through a timeline: s orders the groups by their claims
    (largest first), then by their undecided claims, then by time again; the title names the order."""
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    # decide every claim of the largest group: it is first by size, not by undecided claims
    big = max(r.corpus.groups, key=lambda g: claims_of(r, g))
    for c in r.group_claims(big):
        r.mark(c.id, Verdict.CONFIRMED)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        screen = await groups_screen(app, pilot)
        by_time = [g.id for g in screen.groups]
        assert "sorted by event time" in title(screen) and " s Sort " in keys(screen)
        await pilot.press("s")
        sizes = [claims_of(r, g) for g in screen.groups]
        assert sizes == sorted(sizes, reverse=True) and screen.groups[0].id == big.id
        assert "largest first" in title(screen)
        assert screen.table.prompt_at(0).plain == screen._line(screen._rows[0]).plain
        await pilot.press("s")
        todo = [undecided_of(r, g) for g in screen.groups]
        assert todo == sorted(todo, reverse=True) and todo[0] > 0 and screen.groups[0].id != big.id
        assert "most undecided claims first" in title(screen)
        await pilot.press("s")
        assert [g.id for g in screen.groups] == by_time and "sorted by event time" in title(screen)
        # a sort shows what comes first: the cursor on the first group, whichever was chosen
        assert len(screen.groups) >= 3
        screen.table.highlighted = len(screen.groups) - 1
        await pilot.press("s")
        assert screen.table.highlighted == 0 and screen.groups[0].id == big.id
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.group.id == big.id  # type: ignore[attr-defined]


async def test_slash_searches_event_speakers_and_outlets_and_escape_clears(seeds_copy, tmp_path):
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        screen = await groups_screen(app, pilot)
        every = len(screen.groups)
        target = max(r.corpus.groups, key=lambda g: claims_of(r, g))
        outlet = screen._rows[[g.id for g in screen.groups].index(target.id)].outlets.split(", ")[0]
        word = outlet.split()[-1]
        await pilot.press("slash")
        inp = screen.query_one("#groups-search", Input)
        assert inp.display and app.focused is inp
        await pilot.press(*word.upper())  # (case does not matter; g and q are typed, not keys)
        assert 0 < len(screen.groups) <= every
        assert all(word.lower() in screen._search_text(g) for g in screen.groups)
        assert target.id in [g.id for g in screen.groups]
        assert screen.table.count == len(screen.groups)
        assert f"{len(screen.groups)} of {every}" in title(screen) and word.upper() in title(screen)
        await pilot.press("enter")  # keeps the search, back in the list
        assert app.focused is screen.table and screen.search == word.upper()
        await pilot.press("escape")  # clears the search; the screen stays
        assert isinstance(app.screen, GroupsScreen) and not screen.search and not inp.display
        assert len(screen.groups) == every == screen.table.count
        # a speaker: every group with a claim of that speaker, and only those
        speaker = next(c.speaker for g in r.corpus.groups for c in r.group_claims(g) if c.speaker)
        await pilot.press("slash", *speaker.lower())
        with_speaker = {
            g.id
            for g in r.corpus.groups
            if any(speaker.lower() in (c.speaker or "").lower() for c in r.group_claims(g))
        }
        assert with_speaker <= {g.id for g in screen.groups}
        # words that no group holds: nothing listed, a line says why, enter is not offered
        await pilot.press("ctrl+u", *"zzqx nowhere")
        await pilot.pause()
        assert screen.groups == [] and screen.table.count == 0
        empty = screen.query_one("#groups-empty", Static)
        assert empty.display and "zzqx nowhere" in empty.content.plain
        assert "Open group" not in keys(screen)
        await pilot.press("escape")  # in the search field: clears it
        await pilot.pause()
        assert len(screen.groups) == every and not empty.display and "Open group" in keys(screen)
        await pilot.press("escape")
        assert not isinstance(app.screen, GroupsScreen)


async def test_a_batch_with_no_group_says_why_and_offers_no_key_that_does_nothing(tmp_path):
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Storm closes bridge\n\nThe city council closed the Elm Street bridge on Monday, officials said.\n",
        encoding="utf-8",
    )
    r = Review.open(tmp_path / "s.toml", [str(folder)])
    assert not r.corpus.groups
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        screen = await groups_screen(app, pilot)
        assert title(screen).startswith("0 event groups")
        empty = screen.query_one("#groups-empty", Static)
        assert empty.display and "needs claims of two or more articles" in empty.content.plain
        shown = keys(screen)
        assert "Open group" not in shown and "Sort" not in shown and "Search" not in shown
        assert "Back" in shown
        await pilot.press("enter", "s", "slash")
        assert app.screen is screen and not screen.query_one("#groups-search", Input).display
        await pilot.press("escape")
        assert not isinstance(app.screen, GroupsScreen)


async def test_the_groups_help_names_every_key_of_a_groups_screen(seeds_copy, tmp_path):
    """It named only c/d/u of a group's screen."""
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await groups_screen(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(s.content.plain for s in app.screen.query(Static))
        for said in ("←/→", "home/end", "c/d/u", "x takes it out", "v reads", "ctrl+z/ctrl+y", "enter goes"):
            assert said in text, said
        for key in ("Sort", "Search"):
            assert key in text


async def test_an_open_time_too_long_for_the_when_column_keeps_its_question_mark(seeds_copy, tmp_path):
    """ECB+ topic 12 (undated texts): "18 November (year?)" did not fit the When column and read
    "18 November (yea…"; what the text fixed is kept whole with the short mark "?" ("18 November?")."""
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    opened = {"XXXX-11-18": "18 November?", "XXXX-09-27": "27 September?", "XXXX-05": "May (year?)"}
    groups = r.corpus.groups[: len(opened)]
    for g, value in zip(groups, opened, strict=True):
        g.label = f"{value}: {g.label.split(': ', 1)[-1]}"
        g.when = value
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        screen = await groups_screen(app, pilot)
        lines = {g.id: screen.table.prompt_at(i).plain for i, g in enumerate(screen.groups)}
        for g, value in zip(groups, opened, strict=True):
            assert lines[g.id].startswith(opened[value] + " "), lines[g.id]
        assert not any("…" in line[:18] for line in lines.values())


@pytest.mark.parametrize(("size", "shown"), [((30, 10), "2023-SP"), ((120, 40), "spring 2023")])
async def test_a_season_too_long_for_a_narrow_when_column_shows_its_timex_value(
    seeds_copy, tmp_path, size, shown
):
    """At 30x10 a group of spring 2023 read "spring 20…" (a season has no tiny form): the year was cut. A time
    whose words do not fit shows its TIMEX3 value ("2023-SP", the same information); wide, the words stay."""
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    coded = {"2023-SP": "spring 2023", "2023-H1": "first half 2023"}
    groups = r.corpus.groups[: len(coded)]
    for g, value in zip(groups, coded, strict=True):
        g.when = value
    app = make_app(r)
    async with app.run_test(size=size) as pilot:
        screen = await groups_screen(app, pilot)
        heads = {g.id: screen.table.prompt_at(i).plain.split("\n")[0] for i, g in enumerate(screen.groups)}
        for g, value in zip(groups, coded, strict=True):
            want = shown if value == "2023-SP" else (value if size[0] < 60 else coded[value])
            assert heads[g.id].startswith(want + " "), heads[g.id]
            assert "…" not in heads[g.id][:18], heads[g.id]


async def test_one_group_is_one_event_group(tmp_path):
    """A batch of two reports of one vote read "1 event groups, sorted by event time"."""
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Council plans bridge\n\nThe city council will vote on the Elm Street bridge on Monday, the mayor said.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Council approves bridge\n\nThe city council approved the Elm Street bridge on Monday by 7 votes to 2,"
        " the mayor said.\n",
        encoding="utf-8",
    )
    r = Review.open(tmp_path / "s.toml", [str(folder)])
    assert len(r.corpus.groups) == 1
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        screen = await groups_screen(app, pilot)
        assert title(screen).startswith("1 event group, sorted by event time"), title(screen)


async def test_a_narrow_groups_list_shows_each_groups_counts_and_event(seeds_copy, tmp_path):
    """At 30 columns a group's line was its When column and two counts: the undecided count, the outlets and
    the event were cut off, so the list named no event. Under 20 cells for outlets and event, a group takes
    two lines: its time and every count (the When column narrowed), then its event."""
    from factcheck.tui.fmt import event_title

    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=(30, 10)) as pilot:
        screen = await groups_screen(app, pilot)
        width = screen.table.line_width
        g = screen.groups[0]
        head, event = screen.table.prompt_at(0).plain.split("\n")
        assert len(head) <= width and len(event) <= width
        assert head.split()[-1] == str(undecided_of(r, g) or "·")
        assert event.rstrip("… ") and event_title(g).startswith(event.rstrip("… ").strip())
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.pause()
        assert "\n" not in screen.table.prompt_at(0).plain  # (wide: one line, in columns)


async def test_down_in_the_search_goes_to_the_list_and_the_title_says_what_enter_does(seeds_copy, tmp_path):
    """In the search field ↓ did nothing and the title said "enter opens one", where enter only went back to
    the list (a reviewer pressed enter twice to open the group found). While the search is typed the title says
    what enter does there, and ↓ goes to the list too, on the first group found."""
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        screen = await groups_screen(app, pilot)
        assert "enter opens one" in title(screen)
        word = screen._rows[0].outlets.split(", ")[0].split()[-1]
        await pilot.press("slash", *word.lower())
        await pilot.pause()
        inp = screen.query_one("#groups-search", Input)
        assert app.focused is inp and screen.groups
        assert "enter opens one" not in title(screen) and "enter or ↓ goes to the list" in title(screen)
        first = screen.groups[0].id
        await pilot.press("down")
        await pilot.pause()
        assert app.focused is screen.table and screen.search == word.lower()
        assert "enter opens one" in title(screen) and screen.table.highlighted == 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.group.id == first  # type: ignore[attr-defined]
