"""The Claims pane's counts under a filter (qa22). The border gave the filter's matches over every claim of the
article, those under the check-worthiness threshold included, and the article's whole count of hidden claims:
"6/36 · 6 low-score hidden (w)" on a page showing 30 claims, none of the 6 hidden ones matching (w then showed
no claim more). A filter matching only hidden claims said "No claim matches the filter." without a word of w."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("textual")

from pilot_steps import settle  # tests/pilot_steps.py

from factcheck.model import DEFAULT_MIN_SCORE
from factcheck.review import Review
from factcheck.tui.app import make_app
from factcheck.tui.screens.main import MainScreen
from factcheck.tui.widgets.claim_list import ClaimList
from factcheck.tui.widgets.event_panel import EventPanel

SIZE = (120, 40)


def _low_claim(r: Review):
    """An article with claims under the threshold and over it, and one of its low ones."""
    for a in r.corpus.articles:
        claims = r.claims(a.key)
        low = [c for c in claims if c.score < DEFAULT_MIN_SCORE]
        if low and len(low) < len(claims):
            return a, claims, low[0]
    raise AssertionError("the seeds have an article with a claim under the threshold")


async def _filter(pilot, text: str) -> None:
    await pilot.press("slash", *text, "enter")
    await pilot.pause()


async def test_a_filter_counts_the_claims_shown_and_only_the_hidden_ones_it_matches(seeds_copy, tmp_path):
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    a, claims, _ = _low_claim(r)
    shown = [c for c in claims if c.score >= DEFAULT_MIN_SCORE]
    # a word of a shown claim of that article that its low claims do not hold
    lows = " ".join(c.text.lower() for c in claims if c.score < DEFAULT_MIN_SCORE)
    word = next(w for c in shown for w in c.text.lower().split() if len(w) > 6 and w not in lows)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen)
        m.go_to_claim(shown[0].id)
        await _filter(pilot, word)
        m.go_to_claim(next(c.id for c in shown if word in c.text.lower()))
        await pilot.pause()
        assert m.article is not None and m.article.key == a.key
        sub = str(m.query_one(ClaimList).border_subtitle)
        matches = sum(1 for c in shown if word in c.text.lower())
        assert sub == f"{matches}/{len(shown)}", sub  # (it read "n/13 · 1 low-score hidden (w)")
        await pilot.press("q")


async def test_a_filter_matching_only_hidden_claims_says_w_shows_them(seeds_copy, tmp_path):
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    _, claims, low = _low_claim(r)
    text = max(re.findall(r"[a-z ]+", low.text.lower()), key=len).strip()  # (typed key by key)
    assert not any(text in c.text.lower() for x in r.corpus.articles for c in r.claims(x.key) if c is not low)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen)
        await _filter(pilot, text)
        assert not m.claims
        said = m.query_one(EventPanel).content.plain
        assert said == (
            "No claim shown matches the filter; w shows the 1 matching claim under the check-worthiness"
            " threshold."
        ), said
        await pilot.press("w")
        await pilot.pause()
        assert [c.id for c in m.claims] == [low.id]
        assert str(m.query_one(ClaimList).border_subtitle) == f"1/{len(claims)} · all scores (w)"
        await pilot.press("q")
