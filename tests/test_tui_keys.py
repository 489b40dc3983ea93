"""Pilot tests of what a key costs on a big batch: work a key need not do is not done."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("textual")

from pilot_steps import settle  # tests/pilot_steps.py

from factcheck.review import Review
from factcheck.tui.app import make_app
from factcheck.tui.screens.main import MainScreen
from factcheck.tui.screens.modals import Filter
from factcheck.tui.widgets.article_list import ArticleList

SIZE = (120, 40)


async def test_a_filter_set_and_cleared_keeps_the_article_lines_it_had(
    seeds_copy, tmp_path: Path, monkeypatch
):
    """Clearing a filter made every article's list line again (1,110 of them: ~130 ms of CPU a key); an
    article whose line reads the same is given the line it had, and only a changed article is redrawn."""
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r)
    made: list[str] = []
    prompt_for = ArticleList.prompt_for

    def counting(article, *args, **kw):
        made.append(article.key)
        return prompt_for(article, *args, **kw)

    monkeypatch.setattr(ArticleList, "prompt_for", staticmethod(counting))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen)
        lst = m.article_list
        before = [lst.prompt_at(i) for i in range(lst.count)]
        word = m.claim.text.split()[0]
        made.clear()
        m.apply_filter(Filter(text=word))
        m.apply_filter(Filter())
        await pilot.pause()
        assert made == []
        assert [lst.prompt_at(i).plain for i in range(lst.count)] == [p.plain for p in before]
        await pilot.press("c")  # the current article's count changes: its line alone is made again
        await pilot.pause()
        assert made == [m.article.key]
        assert "1/" in lst.prompt_at(m.art_i).plain
        await pilot.press("q")


async def test_a_verdict_repaints_the_lines_it_changes_not_whole_panes(
    seeds_copy, tmp_path: Path, monkeypatch
):
    """c rewrote the article's and the claims' panes whole (17 KB to a 120x40 terminal): Textual repaints a
    pane each time its border title or subtitle is set, even to the same text. A verdict given now repaints
    only the lines it changes there."""
    from factcheck.tui.widgets.article_view import ArticleView
    from factcheck.tui.widgets.claim_list import ClaimList

    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r)
    whole: list[str] = []

    def watch(cls):
        refresh = cls.refresh

        def counting(self, *regions, **kw):
            if not regions:
                whole.append(cls.__name__)
            return refresh(self, *regions, **kw)

        monkeypatch.setattr(cls, "refresh", counting)

    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        watch(ArticleView)
        watch(ClaimList)
        for key in ("c", "d", "c"):
            whole.clear()
            await pilot.press(key)
            await pilot.pause()
            assert whole == [], key
        m = app.screen
        assert isinstance(m, MainScreen)
        assert m.article_view.border_title is not None and "Claims" in (m.claim_list.border_title or "")
        await pilot.press("J")  # another article: its title is set (and the panes repainted)
        await pilot.pause()
        assert "ArticleView" in whole
        await pilot.press("q")


async def test_the_filter_dialog_kept_between_openings_shows_the_filter_in_force(seeds_copy, tmp_path: Path):
    """The filter dialog is made once (its outlet list has an option per outlet: ~1,000 on a big batch) and
    kept; each opening shows the filter in force, focus in the text, and outlets renamed meanwhile."""
    from textual.widgets import Input, Select

    from factcheck.tui.screens.modals import FilterModal

    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen)
        await pilot.press("slash")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FilterModal)
        dialog.query_one("#filter-verdict", Select).value = "unreviewed"
        await pilot.press(*"putin", "enter")
        await settle(app, pilot)
        assert m.filter == Filter(verdict="unreviewed", text="putin")
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen is dialog  # the same dialog, showing the filter in force
        assert dialog.query_one(Input).value == "putin" and dialog.focused is dialog.query_one(Input)
        assert dialog.query_one("#filter-verdict", Select).value == "unreviewed"
        await pilot.press("ctrl+r")  # cleared
        await settle(app, pilot)
        assert m.filter == Filter()
        key = r.corpus.articles[0].key
        r.set_outlet(key, "Renamed Gazette")
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen is dialog and dialog.query_one(Input).value == ""
        assert dialog.query_one("#filter-verdict", Select).value != "unreviewed"
        outlet = dialog.query_one("#filter-outlet", Select)
        outlet.value = "Renamed Gazette"  # (a value the list does not hold is refused)
        await pilot.press("enter")
        await settle(app, pilot)
        assert m.filter.outlet == "Renamed Gazette" and m.keys == [key]
        await pilot.press("q")


def _long_article(folder: Path, n: int) -> None:
    """An article of ``n`` claims (qa19's 20,000-sentence text, smaller), each a statement of fact of its own,
    some short enough for one line of the Claims pane, and a small article beside it."""
    folder.mkdir()
    sentences = []
    for i in range(n):
        tail = "" if i % 3 else f", the lowest level since {1990 + i % 30} according to the national office"
        sentences.append(
            f"The mayor said on Monday that unemployment fell to {2 + i % 97 / 10:.1f} percent{tail}."
        )
    (folder / "long.txt").write_text(" ".join(sentences), encoding="utf-8")
    (folder / "short.txt").write_text(
        "The council said on Tuesday that the bridge will close on 3 May 2024 for repairs.", encoding="utf-8"
    )


async def test_an_article_of_thousands_of_claims_makes_only_the_claim_lines_drawn(
    tmp_path: Path, monkeypatch
):
    """qa19's 20,000-claim text held the screen for seconds at every fill of the Claims pane (each claim's
    lines made: ~14 s for a verdict, more while the batch was grouped). The pane makes the lines it draws, and
    a verdict, a move, the next article and back make a screenful at most; the claims scrolled to are made
    then, at the height foretold."""
    from factcheck.tui.widgets.claim_list import ClaimList

    _long_article(tmp_path / "batch", 1500)
    r = Review.open(tmp_path / "s.toml", [str(tmp_path / "batch")])
    app = make_app(r)
    made: list[str] = []
    prompt_for = ClaimList.prompt_for

    def counting(claim, *args, **kw):
        made.append(claim.id)
        return prompt_for(claim, *args, **kw)

    monkeypatch.setattr(ClaimList, "prompt_for", staticmethod(counting))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen)
        if m.article is None or len(m.claims) < 1000:
            await pilot.press("J")
            await settle(app, pilot)
        assert len(m.claims) >= 1000
        cl = m.claim_list
        assert cl.count == len(m.claims)
        assert len(made) < 60, len(made)  # a screenful (13 claims at 120x40), not 1,500
        for keys in (["c"], ["j", "j"], ["J", "K"]):
            made.clear()
            await pilot.press(*keys)
            await settle(app, pilot)
            assert len(made) < 60, (keys, len(made))
        assert m.verdict(m.claims[0].id).value == "confirmed"
        # the article's count reads as the status line's and the border's ("1/1,500", not "1/1500")
        assert re.search(r" 1/\d,\d{3}\b", m.article_list.prompt_at(m.art_i).plain.splitlines()[0])
        made.clear()
        await pilot.press("end")
        await settle(app, pilot)
        assert m.claim_i == len(m.claims) - 1 and len(made) < 60
        last = cl.prompt_at(cl.count - 1)
        assert m.claims[-1].text.split()[0] in last.plain
        # every row's foretold height is the height it has once made: the list's lines add up
        heights = [len(cl.prompt_at(i).split("\n")) for i in range(cl.count)]
        assert cl.virtual_size.height == sum(heights)
        await pilot.press("q")


def test_a_line_of_a_long_text_takes_the_spans_a_slice_takes():
    """LineView cuts a line out of a text of 20,000 spans by looking at the spans near it (``SpanIndex``):
    the same line, styles and order as ``Content[start:end]``, long spans (furniture) included."""
    import random

    from textual.content import Content, Span

    from factcheck.tui.widgets.line_view import SpanIndex

    rng = random.Random(30)
    text = "".join(rng.choice("abc de\u00e9 ") for _ in range(5000))
    spans = []
    for _ in range(800):
        a = rng.randrange(0, 5000)
        b = min(5000, a + rng.choice([1, 5, 40, 300, 401, 1200, 4000]))
        spans.append(Span(a, b, rng.choice(["bold", "italic", "on red", "underline"])))
    content = Content(text, spans=spans)
    index = SpanIndex(content)
    for _ in range(300):
        a = rng.randrange(0, 5000)
        b = min(5000, a + rng.randrange(1, 120))
        want, got = content[a:b], index.part(a, b)
        assert got.plain == want.plain
        assert [s for s in got.spans if s.end > s.start] == [s for s in want.spans if s.end > s.start], (a, b)
