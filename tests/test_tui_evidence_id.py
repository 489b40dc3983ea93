"""`o` with a well-formed claim id that is no claim of the batch (qa22): the dialog said "Give an http(s) URL (no
spaces) or a claim id." to a reviewer who had just given one (a claim id copied from another batch's report, or
from before its article changed). It now says the id is unknown, and why when the session knows."""

from __future__ import annotations

import pytest

pytest.importorskip("textual")

from pilot_steps import settle  # tests/pilot_steps.py
from textual.widgets import Label

from factcheck.review import Review
from factcheck.tui.app import make_app
from factcheck.tui.screens.main import MainScreen


async def test_an_unknown_claim_id_as_evidence_is_named(seeds_copy, tmp_path):
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.claim is not None
        cid = main.claim.id
        await pilot.press("o", *"cdeadbeef00", "enter")
        assert app.screen is not main  # the dialog stays open and says why
        said = str(app.screen.query_one("#modal-error", Label).render())
        assert said == "unknown claim id 'cdeadbeef00': give the id of a claim of this batch, or a URL.", said
        await pilot.press(*["backspace"] * 11, *"not a url", "enter")
        said = str(app.screen.query_one("#modal-error", Label).render())
        assert said == "Give an http(s) URL (no spaces) or a claim id."  # not a claim id: as before
        await pilot.press("escape")
        await settle(app, pilot)
        assert r.decision(cid).evidence == ()
        await pilot.press("q")
