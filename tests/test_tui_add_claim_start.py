"""`+` (add a claim the extractor missed) opens on a sentence of the article's own text (qa22). When every sentence
after the current claim was a claim already, it opened on the page furniture after the article's end ("Comments"
after the seeds' article 004), and enter added that as a claim; a sentence of the article that is no claim lay
earlier in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("textual")

from pilot_steps import settle  # tests/pilot_steps.py

from factcheck.review import Review
from factcheck.tui.app import make_app
from factcheck.tui.screens.main import MainScreen

LINE = "Putin’s arrival in China coincided with"
ASIDE = "What a week it was!"  # (an exclamation: no claim)


async def test_add_opens_on_the_articles_own_text_not_on_furniture(seeds_copy: Path, tmp_path: Path) -> None:
    f = seeds_copy / "004_fd0c2abd1f719525.txt"
    text = f.read_text(encoding="utf-8")
    assert text.rstrip().endswith("\nComments") and LINE in text
    f.write_text(text.replace(LINE, f"{ASIDE}\n{LINE}", 1), encoding="utf-8")
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    (a,) = [x for x in r.corpus.articles if x.key == f.name]
    claims = r.claims(a.key, include_dismissed=True)
    assert not any(ASIDE in c.text for c in claims)
    last = max(claims, key=lambda c: c.start)
    assert a.is_furniture(a.text.rindex("Comments"), len(a.text.rstrip()))
    app = make_app(r)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen)
        m.show_low_scores = True
        m.go_to_claim(last.id)  # every sentence after it is a claim, or furniture
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        added = [c for c in r.claims(a.key) if c.manual]
        assert [c.text for c in added] == [ASIDE], [c.text for c in added]  # (it added "Comments")
        await pilot.press("q")
