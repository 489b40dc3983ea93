"""The article header shows the page's last revision beside its publication date, and says when the article's
relative times are read as of it (``Article.anchor``)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("textual")

from pilot_steps import settle  # tests/pilot_steps.py
from textual.content import Content

from factcheck.review import Review
from factcheck.tui.app import make_app
from factcheck.tui.screens.main import MainScreen
from factcheck.tui.widgets.article_view import ArticleView

BODY = (
    "This year the best heated airers dry a full load in under four hours, and the cheapest model we tested uses"
    " less power than a light bulb, our reviewers found after two weeks of testing.\n"
)


@pytest.mark.parametrize(
    "updated, shown",
    [
        ("30 August 2023", "2019-02-05 · updated 2023-08-30, times as of it"),
        (
            "8 February 2019",
            "2019-02-05 · updated 2019-02-08 · en",
        ),  # (a correction days later: times as published)
    ],
)
async def test_the_header_shows_the_revision(tmp_path: Path, updated: str, shown: str) -> None:
    text = (
        f"Heated airers: the best of the year\n\nPublished: 5 February 2019\n\nUpdated: {updated}\n\n{BODY}"
    )
    title = await _article_header(tmp_path, text)
    assert shown in title, title


async def test_the_header_says_an_undated_text_is_read_as_of_its_update(tmp_path: Path) -> None:
    # no publication date, only an "Updated:" line: the times are read as of it (Article.dated_by_update)
    title = await _article_header(
        tmp_path, f"Heated airers: the best of the year\n\nUpdated: 30 August 2023\n\n{BODY}"
    )
    assert "updated 2023-08-30, times as of it" in title, title


async def _article_header(tmp_path: Path, text: str) -> str:
    """The article pane's header (its border title, as plain text) when the review opens a folder holding
    ``text`` as its one article, at 120x40."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "airers.txt").write_text(text, encoding="utf-8")
    app = make_app(Review.open(tmp_path / "review.toml", [str(corpus)]))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        title = Content.from_markup(str(screen.query_one(ArticleView).border_title)).plain
        await pilot.press("q")
    return title
