"""Claim memory in the review TUI: "checked before" in the event panel and `b` to apply an earlier check."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("textual")

from pilot_steps import settle  # tests/pilot_steps.py

from factcheck import session as sess
from factcheck.memory import Check, add_to_archive
from factcheck.model import Verdict
from factcheck.review import Review
from factcheck.tui.app import make_app
from factcheck.tui.config import Config
from factcheck.tui.screens.main import MainScreen

SIZE = (120, 40)


async def test_checked_before_is_shown_and_b_applies_the_earlier_verdict(
    seeds_copy, tmp_path: Path, monkeypatch
):
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    claim = r.claims(r.corpus.articles[0].key)[0]
    archive = tmp_path / "memory.jsonl"
    add_to_archive(
        archive,
        [
            Check(
                "x1",
                claim.text,
                verdict="False",
                url="https://checks.example/x1",
                author="Other Desk",
                date="2024-05-02",
            ),
            Check("x2", "An unrelated claim about the price of bread in 1990.", verdict="True"),
        ],
    )
    monkeypatch.setenv("FACTCHECK_MEMORY", str(archive))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app = make_app(r, Config(autosave_delay=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen)
        assert m.claim is not None and m.claim.id == claim.id
        asked: list[str] = []
        memory = m.memory
        assert memory is not None
        ask = memory.checked_before
        watched = {claim.text}  # (the panel may prepare a neighbouring claim meanwhile: not asked about here)

        def spy(text: str, **kw):  # type: ignore[no-untyped-def]
            if text in watched:
                asked.append(kw.get("dated", ""))
            return ask(text, **kw)

        monkeypatch.setattr(memory, "checked_before", spy)
        shown = m.event_panel.content_for(claim).plain
        assert "Checked before" in shown and "False · Other Desk · 2024-05-02" in shown
        assert "https://checks.example/x1" in shown
        await pilot.press("b")
        await pilot.pause()
        # A claim is matched as of its article's publication date (the month and year a check may name).
        assert r.corpus.articles[0].published is None and asked and set(asked) == {""}
        dated = next(a for a in r.corpus.articles if a.published and r.claims(a.key))
        asked.clear()
        watched = {r.claims(dated.key)[0].text}
        m.event_panel.forget()
        m.event_panel.content_for(r.claims(dated.key)[0])
        assert dated.published is not None and asked == [dated.published.isoformat()]
        await pilot.press("enter")
        await settle(app, pilot)
        d = r.decision(claim.id)
        assert d.verdict == Verdict.DISPUTED and "https://checks.example/x1" in d.evidence
        assert "checked before: False" in d.note
        assert m.memory is not None and m.memory._matcher.checks[0].matched == (" ".join(claim.text.split()),)
        await pilot.press("ctrl+z")  # one step undoes the verdict, its note and the link
        await settle(app, pilot)
        d = r.decision(claim.id)
        assert (d.verdict, d.note, d.evidence) == (Verdict.UNREVIEWED, "", ())
        await pilot.press("ctrl+y")
        await settle(app, pilot)
        assert r.decision(claim.id).verdict == Verdict.DISPUTED
        assert "https://checks.example/x1" in r.decision(claim.id).evidence
        await pilot.press("q")
    saved = sess.load(tmp_path / "s.toml")
    assert saved.decisions[claim.id].verdict == Verdict.DISPUTED


def _record_notices(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages the main screen notifies from now on, in order."""
    said: list[str] = []
    real = MainScreen.notify

    def notify(self, message, *args, **kw):  # type: ignore[no-untyped-def]
        said.append(str(message))
        return real(self, message, *args, **kw)

    monkeypatch.setattr(MainScreen, "notify", notify)
    return said


async def test_no_archive_says_how_to_make_one(seeds_copy, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_MEMORY", str(tmp_path / "none.jsonl"))
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    said = _record_notices(monkeypatch)
    app = make_app(r, Config(autosave_delay=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("b")
        await pilot.pause()
        assert any("factcheck memory add" in m for m in said)
        await pilot.press("q")


async def test_an_archive_made_while_the_review_is_open_is_read_by_b(seeds_copy, tmp_path: Path, monkeypatch):
    """With no archive when the review opened, `b` said "No archive of checked claims yet" for the rest of the
    review, also once `factcheck memory add` had made one in another terminal. `b` reads it then."""
    archive = tmp_path / "memory.jsonl"
    monkeypatch.setenv("FACTCHECK_MEMORY", str(archive))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    claim = r.claims(r.corpus.articles[0].key)[0]
    said = _record_notices(monkeypatch)
    app = make_app(r, Config(autosave_delay=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen) and m.memory is None
        add_to_archive(archive, [Check("x1", claim.text, verdict="False", author="Other Desk")])
        await pilot.press("b")
        await pilot.pause()
        assert not any("No archive" in s for s in said), said
        for _ in range(500):
            if m.memory is not None and m.memory.ready:
                break
            await pilot.pause(0.02)
        assert m.memory is not None and m.memory.ready and len(m.memory) == 1
        await pilot.press("q")


async def test_a_desk_archive_beside_the_session_is_used(seeds_copy, tmp_path: Path, monkeypatch):
    monkeypatch.delenv("FACTCHECK_MEMORY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # no archive of the user's own
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    desk = tmp_path / "desk"
    desk.mkdir()
    r = Review.open(desk / "s.toml", [str(seeds_copy)])
    claim = r.claims(r.corpus.articles[0].key)[0]
    add_to_archive(desk / "memory.jsonl", [Check("d1", claim.text, verdict="True", author="Our Desk")])
    app = make_app(r, Config(autosave_delay=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = app.screen
        assert isinstance(m, MainScreen)
        assert m.memory is not None and len(m.memory) == 1
        assert m.memory.path == desk / "memory.jsonl"
        assert "True · Our Desk" in m.event_panel.content_for(claim).plain
        assert m.message == "claim memory: 1 checked claim"  # was "1 checked claims"
        await pilot.press("q")


async def test_an_archive_that_is_a_folder_is_said(seeds_copy, tmp_path: Path, monkeypatch):
    archive = tmp_path / "memory.jsonl"
    archive.mkdir()
    monkeypatch.setenv("FACTCHECK_MEMORY", str(archive))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    said = _record_notices(monkeypatch)
    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    app = make_app(r, Config(autosave_delay=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert any(str(archive) in s and "directory" in s for s in said), said
        await pilot.press("q")


def test_checked_before_line_names_the_copies_of_a_check() -> None:
    from factcheck.matching import Match
    from factcheck.tui.widgets.event_panel import checked_before_line

    m = Match(
        Check("a1", "[b]Claim[/b] text", verdict="False", author="Desk"), 1.0, "words: claim", same_as=("a7",)
    )
    line = checked_before_line(m).plain
    assert "False · Desk" in line and "[b]Claim[/b]" in line and "also archived as a7" in line
    assert "also archived" not in checked_before_line(Match(m.check, 1.0, "words: claim")).plain


async def test_b_while_the_archive_is_indexed_says_so_not_that_there_is_none(
    seeds_copy, tmp_path: Path, monkeypatch
):
    """`b` pressed while the archive was still being read said "No archive of checked claims yet (factcheck
    memory add ...)": the reviewer who has one was told to make it. It says it is being indexed."""
    import threading

    from factcheck.memory import Memory

    r = Review.open(tmp_path / "s.toml", [str(seeds_copy)])
    claim = r.claims(r.corpus.articles[0].key)[0]
    archive = tmp_path / "memory.jsonl"
    add_to_archive(archive, [Check("x1", claim.text, verdict="False")])
    monkeypatch.setenv("FACTCHECK_MEMORY", str(archive))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    release = threading.Event()
    real = Memory.load

    def slow(self, *a, **kw):  # type: ignore[no-untyped-def]
        release.wait(30)
        return real(self, *a, **kw)

    monkeypatch.setattr(Memory, "load", slow)
    told: list[str] = []
    monkeypatch.setattr(MainScreen, "notify", lambda self, m, **kw: told.append(str(m)))
    app = make_app(r, Config(autosave_delay=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # (not settle: it waits for the archive's worker, held here)
        assert isinstance(app.screen, MainScreen) and app.screen.claim is not None
        await pilot.press("b")
        await pilot.pause()
        assert told and "being indexed" in told[-1] and "No archive" not in told[-1], told
        release.set()
        m = app.screen
        assert isinstance(m, MainScreen)
        for _ in range(300):
            if m.memory is not None and m.memory.ready:
                break
            await pilot.pause(0.02)
        assert m.memory is not None and m.memory.ready
        await pilot.press("q")
