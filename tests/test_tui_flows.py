"""Whole review flows driven through make_app with Pilot, asserting on the saved session."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

pytest.importorskip("textual")

from pilot_steps import settle  # tests/pilot_steps.py
from textual.content import Content
from textual.widgets import Static

from factcheck import session as sess
from factcheck.model import Suggestion, Verdict
from factcheck.review import Review
from factcheck.tui.app import FactcheckApp, make_app
from factcheck.tui.config import Config, load_config
from factcheck.tui.screens.main import MainScreen
from factcheck.tui.widgets.article_list import ArticleList
from factcheck.tui.widgets.article_view import ArticleView
from factcheck.tui.widgets.event_panel import EventPanel
from factcheck.tui.widgets.key_bar import KeyBar

SIZE = (120, 40)


def open_review(corpus: Path, session: Path, **kw) -> Review:
    return Review.open(session, [str(corpus)], **kw)


def main_of(app) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen), type(screen)
    return screen


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    return tmp_path / "review.toml"


async def test_each_verdict_is_saved_and_supersede_uses_the_picker(seeds_copy, session_path):
    r = open_review(seeds_copy, session_path)
    app = make_app(r, Config(autosave_delay=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        ids = [c.id for c in m.claims[:4]]
        await pilot.press("c", "j", "d", "j", "s")
        await settle(app, pilot)
        candidates = r.superseding_candidates(ids[2])
        await pilot.press("enter")  # the first candidate (suggested ones come first)
        await pilot.press("j", "c", "u")
        await settle(app, pilot)
        assert not r.dirty  # autosaved
        await pilot.press("q")
    data = sess.load(session_path)
    assert data.decisions[ids[0]].verdict == Verdict.CONFIRMED
    assert data.decisions[ids[1]].verdict == Verdict.DISPUTED
    assert data.decisions[ids[2]].verdict == Verdict.SUPERSEDED
    assert data.decisions[ids[2]].superseded_by == candidates[0].id
    assert ids[3] not in data.decisions or data.decisions[ids[3]].verdict == Verdict.UNREVIEWED


async def test_undo_redo(seeds_copy, session_path):
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = main_of(app).claim.id
        await pilot.press("c", "d")
        assert r.decision(first).verdict == Verdict.DISPUTED
        await pilot.press("ctrl+z")
        assert r.decision(first).verdict == Verdict.CONFIRMED
        await pilot.press("ctrl+z")
        assert r.decision(first).verdict == Verdict.UNREVIEWED
        await pilot.press("ctrl+y")
        assert r.decision(first).verdict == Verdict.CONFIRMED
        await pilot.press("q")
    assert sess.load(session_path).decisions[first].verdict == Verdict.CONFIRMED


async def test_multiline_note_and_evidence(seeds_copy, session_path):
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        cid = main_of(app).claim.id
        await pilot.press("e", *"first line", "enter", *"[b]second[/b]", "ctrl+s")
        await pilot.press("o", *"not a url", "enter")
        assert app.screen is not main_of_stack(app)  # invalid evidence keeps the dialog open
        await pilot.press("ctrl+u", *"https://example.org/a", "enter")
        await settle(app, pilot)
        await pilot.press("q")
    d = sess.load(session_path).decisions[cid]
    assert d.note == "first line\n[b]second[/b]"
    assert list(d.evidence) == ["https://example.org/a"]


async def test_the_claims_own_id_is_refused_as_its_evidence(seeds_copy, session_path):
    """`o` with the claim's own id said "evidence added" and the claim cited itself."""
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        cid = main_of(app).claim.id
        await pilot.press("o", *cid, "enter")
        assert app.screen is not main_of_stack(app)  # the dialog stays open and says why
        await pilot.press("escape")
        await settle(app, pilot)
        assert r.decision(cid).evidence == ()
        await pilot.press("q")


def main_of_stack(app) -> MainScreen:
    return next(s for s in app.screen_stack if isinstance(s, MainScreen))


async def test_publication_date_on_a_day_the_month_lacks_says_so(seeds_copy, session_path):
    """`p` with "31 de febrero de 2023" or "February 30, 2023" said only "No date in that", which a reviewer who
    typed a date reads as the parser failing: the dialog says the month has no such day, and stays open."""
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        before = m.article.published
        for typed, said in (
            ("31 de febrero de 2023", "February 2023 has no day 31"),
            ("February 30, 2023", "February 2023 has no day 30"),
            ("2019-13-01", "a year has no month 13"),  # (it was saved as 13 January, year-day-month)
        ):
            await pilot.press("p", "ctrl+u", *typed, "enter")
            assert not isinstance(app.screen, MainScreen)
            error = str(app.screen.query_one("#modal-error").render())
            assert said in error and "No date in that" not in error, error
            await pilot.press("escape")
        assert m.article.published == before
        await pilot.press("q")


async def test_publication_date_reresolves_times(seeds_copy, session_path):
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        key = m.article.key
        await pilot.press("p", "ctrl+u", *"2024-04-20", "enter")
        await settle(app, pilot)
        assert m.article.published == dt.date(2024, 4, 20)
        assert "2024-04-20" in str(m.query_one("#articles").prompt_at(m.art_i))
        await pilot.press("p", "ctrl+u", *"no date here", "enter")
        assert not isinstance(app.screen, MainScreen)  # a bad date is refused, the dialog stays
        assert "No date in that" in str(app.screen.query_one("#modal-error").render())
        # any date dateparser reads: other languages, relative phrases
        await pilot.press("ctrl+u", *"20 de setembro de 2023", "enter")
        await settle(app, pilot)
        assert m.article.published == dt.date(2023, 9, 20)
        await pilot.press("p", "ctrl+u", *"3 days ago", "enter")
        await settle(app, pilot)
        assert m.article.published == dt.date.today() - dt.timedelta(days=3)
        # what dateparser does not read, the languages' time rules do: "lundi dernier" is last Monday
        await pilot.press("p", "ctrl+u", *"lundi dernier", "enter")
        await settle(app, pilot)
        today = dt.date.today()
        assert m.article.published == today - dt.timedelta(days=today.weekday() or 7)
        # dates in figures: dots are day first, slashes follow the article's language
        assert m.article.language == "en"
        for typed in ("08.03.2016", "03/08/2016"):
            await pilot.press("p", "ctrl+u", *typed, "enter")
            await settle(app, pilot)
            assert m.article.published == dt.date(2016, 3, 8), typed
        m.article.language = "de"  # (as a German page would be read)
        await pilot.press("p", "ctrl+u", *"09/03/2016", "enter")
        await settle(app, pilot)
        assert m.article.published == dt.date(2016, 3, 9)
        await pilot.press("p", "ctrl+u", *"20 de setembro de 2023", "enter")  # another language still reads
        await settle(app, pilot)
        assert m.article.published == dt.date(2023, 9, 20)
        m.article.language = "en"
        await pilot.press("p", "ctrl+u", *"2024-04-20", "enter")
        await settle(app, pilot)
        await pilot.press("q")
    assert sess.load(session_path).articles[key].published == dt.date(2024, 4, 20)


async def test_filter_by_verdict_and_text(seeds_copy, session_path):
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        first = m.claim.id
        await pilot.press("c", "slash")
        await pilot.pause()
        app.screen.query_one("#filter-verdict").value = "confirmed"
        await pilot.press("enter")
        await settle(app, pilot)
        assert [c.id for c in m.claims] == [first]
        assert len(m.keys) == 1
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one("#filter-verdict").value = "unreviewed"
        await pilot.press("enter")
        await settle(app, pilot)
        assert first not in [c.id for c in m.claims] and m.claims
        assert all(r.decision(c.id).verdict == Verdict.UNREVIEWED for c in m.claims)
        word = m.claims[0].text.split()[1]
        await pilot.press("slash", "ctrl+r")  # clear
        await pilot.press("slash", *word, "enter")
        await settle(app, pilot)
        assert m.claims and all(
            word.lower() in c.text.lower() or word.lower() in (c.speaker or "").lower() for c in m.claims
        )


async def test_apply_verdict_to_group_after_confirmation(seeds_copy, session_path):
    r = open_review(seeds_copy, session_path)
    groups = [g for g in r.corpus.groups if len(g.claims) >= 2]
    if not groups:  # grouping found nothing: make one the way a reviewer would
        a, b = r.corpus.claims[r.corpus.articles[0].key][0], r.corpus.claims[r.corpus.articles[1].key][0]
        r.merge_groups(a.id, b.id)
        groups = [g for g in r.corpus.groups if len(g.claims) >= 2]
    g = groups[0]
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        main_of(app).go_to_claim(g.claims[0])
        await pilot.press("G", "d", "n")  # cancelled: nothing changes
        assert all(r.decision(c).verdict == Verdict.UNREVIEWED for c in g.claims)
        await pilot.press("G", "d", "y")
        await settle(app, pilot)
        await pilot.press("q")
    data = sess.load(session_path)
    # (the claims shown; those hidden under the threshold, never shown with w off, are left as they were)
    shown = [c for c in g.claims if r.corpus.is_shown(r.claim(c))]
    assert shown and all(data.decisions[c].verdict == Verdict.DISPUTED for c in shown)
    assert all(c not in data.decisions for c in g.claims if c not in shown)


async def test_accept_suggestion(seeds_copy, session_path):
    r = open_review(seeds_copy, session_path)
    arts = r.corpus.articles
    old, new = r.corpus.claims[arts[0].key][0], r.corpus.claims[arts[1].key][0]
    r.merge_groups(old.id, new.id)
    g = r.corpus.group_of(old.id)
    g.suggestions.append(Suggestion("supersedes", old.id, new.id, "a later report"))
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m.go_to_claim(old.id)
        await pilot.pause()
        assert "is superseded by" in m.query_one(EventPanel).content.plain
        shown = m.event_panel.suggestions(m.claim)[0]  # "a" accepts the first suggestion shown
        assert shown.kind == "supersedes" and shown.claim == old.id
        await pilot.press("a")
        await pilot.pause()
        # an accepted suggestion is no longer listed (so "a" never accepts it twice)
        assert shown not in m.event_panel.suggestions(m.claim)
        await pilot.press("q")
    d = sess.load(session_path).decisions[old.id]
    assert d.verdict == Verdict.SUPERSEDED and d.superseded_by == shown.by


async def test_a_redone_dismissal_leaves_the_cursor_where_the_dismissal_did(seeds_copy, session_path):
    """ctrl+y of a dismissal (-) went to the article's first claim: the dismissed claim is hidden, and the
    cursor now goes where - left it, to the claim shown after it."""
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        await pilot.press("j", "j")
        cid = m.claim.id
        assert m.claim_i == 2
        await pilot.press("minus")
        after_dismissal = m.claim.id
        assert after_dismissal != cid and m.claim_i == 2
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert m.claim.id == cid and not r.decision(cid).dismissed
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert r.decision(cid).dismissed
        assert m.claim.id == after_dismissal, [c.id for c in m.claims].index(m.claim.id)
        await pilot.press("q")


async def test_dismiss_restore_and_add_claim(seeds_copy, session_path):
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        n = len(m.claims)
        cid = m.claim.id
        await pilot.press("minus")
        assert len(m.claims) == n - 1 and cid not in [c.id for c in m.claims]
        assert r.decision(cid).dismissed
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one("#filter-verdict").value = "dismissed"
        await pilot.press("enter")
        await pilot.pause()
        assert [c.id for c in m.claims] == [cid]
        await pilot.press("minus")
        assert not r.decision(cid).dismissed
        await pilot.press("slash", "ctrl+r")
        await pilot.pause()
        before = {c.id for c in r.claims(m.article.key)}
        await pilot.press("plus", "shift+left", "enter")
        await settle(app, pilot)
        added = [c for c in r.claims(m.article.key) if c.id not in before]
        assert len(added) == 1 and added[0].manual
        assert m.claim.id == added[0].id
        await pilot.press("q")
    assert added[0].id in sess.load(session_path).manual


async def test_quit_and_reopen_restores_decisions_and_cursor(seeds_copy, session_path):
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "J", "J", "j", "d", "e", *"why", "ctrl+s")
        m = main_of(app)
        where = (m.article.key, m.claim.id)
        await pilot.press("q")
    r2 = open_review(seeds_copy, session_path)
    app2 = make_app(r2)
    async with app2.run_test(size=SIZE) as pilot:
        await settle(app2, pilot)
        m2 = main_of(app2)
        assert (m2.article.key, m2.claim.id) == where
        assert r2.decision(where[1]).verdict == Verdict.DISPUTED
        assert r2.decision(where[1]).note == "why"
        assert r2.progress()[Verdict.CONFIRMED] == 1
        await pilot.press("n")  # next unreviewed: the claim after the cursor
        assert r2.decision(m2.claim.id).verdict == Verdict.UNREVIEWED
        await pilot.press("q")


async def test_groups_screen_and_help(seeds_copy, session_path):
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        assert app.screen.id == "groups"
        if r.corpus.groups:
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen.id == "group-detail"
            await pilot.press("escape")
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert app.screen.id == "help"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_keys_are_remappable_from_config(seeds_copy, session_path, tmp_path, monkeypatch):
    cfg = tmp_path / "config.toml"
    cfg.write_text('[keys]\nmark-confirmed = "y"\nnext-claim = "ctrl+n"\n', encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CONFIG", str(cfg))
    config = load_config()
    assert config.keymap == {"mark-confirmed": "y", "next-claim": "ctrl+n"}
    r = open_review(seeds_copy, session_path)
    app = make_app(r, config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        first = m.claim.id
        await pilot.press("c")  # no longer bound
        assert r.decision(first).verdict == Verdict.UNREVIEWED
        await pilot.press("y", "ctrl+n")
        assert r.decision(first).verdict == Verdict.CONFIRMED
        assert m.claim.id != first


async def test_a_misspelt_binding_id_in_keys_is_said(seeds_copy, session_path, tmp_path, monkeypatch):
    """`mark-confirm = "y"` (for mark-confirmed) was ignored without a word: y did nothing, c still worked."""
    cfg = tmp_path / "config.toml"
    cfg.write_text('[keys]\nmark-confirm = "y"\nnext-claim = "ctrl+n"\n', encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CONFIG", str(cfg))
    said: list[str] = []
    real = FactcheckApp.notify

    def notify(self, message, *args, **kw):  # type: ignore[no-untyped-def]
        said.append(str(message))
        return real(self, message, *args, **kw)

    monkeypatch.setattr(FactcheckApp, "notify", notify)
    app = make_app(open_review(seeds_copy, session_path), load_config())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "keys.mark-confirm: no such binding; ignored (did you mean 'mark-confirmed'?)" in said
        assert not any("next-claim" in s for s in said)


async def test_a_key_taken_from_another_binding_or_unknown_is_said(
    seeds_copy, session_path, tmp_path, monkeypatch
):
    """`mark-confirmed = "d"` took d from mark-disputed without a word: d confirmed, "d Dispute" left the key
    bar and disputing had no key; `next-claim = "ctrl+nonsense"` (no such key) left j unbound and the key bar
    showed "^nonsense Next". Both are said when the app starts."""
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[keys]\nmark-confirmed = "d"\nnext-claim = "ctrl+nonsense"\nprev-claim = "up,question_mark,slash"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("FACTCHECK_CONFIG", str(cfg))
    said: list[str] = []
    real = FactcheckApp.notify

    def notify(self, message, *args, **kw):  # type: ignore[no-untyped-def]
        said.append(str(message))
        return real(self, message, *args, **kw)

    monkeypatch.setattr(FactcheckApp, "notify", notify)
    app = make_app(open_review(seeds_copy, session_path), load_config())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert any(s.startswith('keys.mark-confirmed: "d" is also the key of mark-disputed') for s in said), (
            said
        )
        assert any(s.startswith('keys.next-claim: "ctrl+nonsense" is not a key name') for s in said), said
        # known names (a key, a character's name) are not said; "?" and "/" are taken from help and filter
        assert not any("up" in s.split(":")[0] for s in said)
        assert any('keys.prev-claim: "question_mark" is also the key of help' in s for s in said), said
        assert any('keys.prev-claim: "slash" is also the key of filter' in s for s in said), said
        assert not any("is not a key name" in s and "prev-claim" in s for s in said)


def test_broken_config_is_a_warning(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text("[keys\n", encoding="utf-8")
    c = load_config(cfg)
    assert c.keymap == {} and c.warnings


async def test_readonly_session_changes_nothing(seeds_copy, session_path):
    r = open_review(seeds_copy, session_path, readonly=True)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = main_of(app).claim.id
        await pilot.press("c", "d", "q")
    assert r.decision(first).verdict == Verdict.UNREVIEWED
    assert not session_path.exists()


async def test_markup_and_escapes_in_articles_are_literal(tmp_path):
    corpus = tmp_path / "batch"
    corpus.mkdir()
    nasty = (
        "Title [b]bold[/b]\n\nThe minister said on Monday that [/b] the law [link=http://x]was[/link] "
        "changed in May 2024, \x1b[31mred\x1b[0m and [bold red]loud[/] \x07 bell.\n"
        "Officials said the plan would start in June 2024 according to [/i] reports.\n"
    )
    (corpus / "[red]outlet[red] \x1b.txt").write_text(nasty, encoding="utf-8")
    r = open_review(corpus, tmp_path / "s.toml")
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        view = m.query_one(ArticleView)
        shown = view.content.plain
        painted = "".join(view.render_line(y).text for y in range(view.size.height))
        assert "[/b]" in painted and "\x1b" not in painted
        assert "[/b]" in shown and "[link=http://x]" in shown and "\u241b[31m" in shown
        assert "\x1b" not in shown
        await pilot.press("j", "e", *"[/b] note", "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert "[/b] note" in m.query_one(EventPanel).content.plain or not m.claims


async def test_write_report_from_key_and_palette(seeds_copy, tmp_path, monkeypatch):
    import json

    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    session = tmp_path / "sessions" / "batch.toml"
    session.parent.mkdir()
    r = open_review(seeds_copy, session)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        cid = m.claim.id
        await pilot.press("c", "R")
        await pilot.pause()
        path_input = app.screen.query_one("#report-path")
        assert path_input.value == str(tmp_path / "reports" / "batch.md")  # reports/ beside sessions/
        await pilot.press("escape")
        # the palette entry preselects the format; the default path follows it
        await pilot.press("ctrl+p", *"write JSON")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#report-path").value == str(tmp_path / "reports" / "batch.json")
        await pilot.press("enter")
        await settle(app, pilot)
        out = tmp_path / "reports" / "batch.json"
        doc = json.loads(out.read_text(encoding="utf-8"))
        assert cid in json.dumps(doc) and "confirmed" in json.dumps(doc)
        assert "report written" in m.message
        # a path whose folder does not exist: said in the dialog, which stays open with the path as typed;
        # no folder is made
        blocker = tmp_path / "a-file"
        blocker.write_text("x")
        await pilot.press("R", "ctrl+u", *str(blocker / "out.md"), "enter")
        await settle(app, pilot)
        assert app.screen is not m
        assert "No folder" in str(app.screen.query_one("#modal-error").render())
        assert app.screen.query_one("#report-path").value == str(blocker / "out.md")
        missing = tmp_path / "fc [b]x[/b]" / "r.md"
        await pilot.press("ctrl+u", *str(missing), "enter")
        await settle(app, pilot)
        assert not missing.parent.exists() and app.screen is not m
        await pilot.press("escape")
        assert not (blocker / "out.md").exists()
        await pilot.press("j", "q")


async def test_kept_counters_match_a_recount(seeds_copy, session_path):
    """The status line and article lines are updated from kept counters: they must agree with the core."""
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        await pilot.press("c", "j", "d", "J", "c", "G")
        await pilot.pause()
        await pilot.press("c", "y")  # the whole group confirmed (several articles may change)
        await pilot.press("ctrl+z", "k", "u", "ctrl+z", "ctrl+y")
        await pilot.press("j", "d", "J", "c", "j", "s")
        await pilot.pause()
        await pilot.press("enter", "j", "c", "u")
        await settle(app, pilot)
        assert m._progress == r.progress()
        lst = m.query_one("#articles")
        for i, key in enumerate(m.keys):
            p = r.article_progress(key)
            done = sum(p.values()) - p[Verdict.UNREVIEWED]
            assert f" {done}/{sum(p.values())}" in str(lst.prompt_at(i)), key
        await pilot.press("q")


def test_open_time_values_read_as_words():
    from factcheck.tui.fmt import readable_time

    assert readable_time("XXXX-WXX-3") == "Wednesday (date unknown)"
    assert readable_time("XXXX-05", short=True) == "May (year?)"
    assert readable_time("XXXX-05-07") == "7 May (year unknown)"
    assert readable_time("XXXX-XX-23") == "the 23rd (month unknown)"
    assert readable_time("XXXX-WXX-4TMO", tiny=True) == "Thursday morning?"
    assert readable_time("XXXX-SP") == "spring (year unknown)"
    assert readable_time("XXXX-XX-XX") == "a day (date unknown)"
    assert readable_time("2024-05-16") == "2024-05-16"  # known values are shown as they are
    assert readable_time("2007-04-06T16:00") == "2007-04-06T16:00"


def test_times_of_day_read_as_words_not_codes():
    """The groups screen, the pickers and the claim list showed '2013-03-13TNI' and 'T01:00'."""
    from factcheck.tui.fmt import readable_time

    assert readable_time("2013-03-13TNI") == "2013-03-13 night"
    assert readable_time("2013-05-02TMO") == "2013-05-02 morning"
    assert readable_time("2013-SUTEV") == "summer 2013 evening"
    assert readable_time("T01:00") == "01:00 (date unknown)"
    assert readable_time("T01:00", short=True) == "01:00 (date?)"
    assert readable_time("TAF", tiny=True) == "afternoon?"
    assert readable_time("PRESENT_REF") == "now" and readable_time("FUTURE_REF") == "the future"


def test_a_known_day_s_part_of_day_fits_the_when_column_in_words():
    """The groups screen's When column (17 cells) showed the code '2023-05-03TMO' at full width: the words
    "2023-05-03 morning" take 18 cells; the part of the day shortened fits, and the code only where it does not."""
    from factcheck.tui.fmt import fitted_time, readable_time

    assert fitted_time("2023-05-03TMO", 17) == "2023-05-03 morn."
    assert fitted_time("2023-11-23TAF", 17) == "2023-11-23 aftn."
    assert fitted_time("2023-05-03TNI", 17) == "2023-05-03 night"  # the words fit whole
    assert fitted_time("2023-05-03TMO", 13) == "2023-05-03TMO"
    assert readable_time("2023-05-03TEV", tiny=True) == "2023-05-03 eve."
    assert readable_time("2023-05-03TEV") == "2023-05-03 evening"  # the event panel keeps the whole word


async def test_undated_article_reads_its_open_times_until_p_sets_the_date(tmp_path, session_path):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a_undated.txt").write_text(
        "The transport minister said on Wednesday that the harbour bridge will reopen in May, after repairs.\n",
        encoding="utf-8",
    )
    (corpus / "b_dated.txt").write_text(
        "The harbour bridge reopened on 3 May 2024, the city council said on Friday.\n", encoding="utf-8"
    )
    (corpus / "b_dated.toml").write_text('published = 2024-05-04\noutlet = "Metro"\n', encoding="utf-8")
    r = open_review(corpus, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        assert m.article.published is None and "XXXX-WXX-3" in m.claim.time_values
        line = str(m.query_one("#claims").prompt_at(0))
        assert "Wednesday? +1" in line and "XXXX" not in line  # the first time, and how many more
        panel = m.query_one(EventPanel).content.plain
        assert (
            "Wednesday (date unknown), May (year unknown)" in panel and "XXXX-WXX-3" in panel
        )  # values kept
        assert "p sets the publication date" in panel
        await pilot.press("J", "K")  # (the neighbours were prepared ahead: the same article comes back)
        await settle(app, pilot)
        assert m.article.key == "a_undated.txt"
        assert m.query_one(ArticleView).content.plain.startswith("The transport minister")
        await pilot.press("p")
        await pilot.press(*"2024-05-08", "enter")
        await settle(app, pilot)
        c = m.claim
        assert m.article.published == dt.date(2024, 5, 8) and not any(
            v.startswith("XX") for v in c.time_values
        )
        line = str(m.query_one("#claims").prompt_at(0))
        assert "?" not in line.split("\n")[0]
        assert "p sets the publication date" not in m.query_one(EventPanel).content.plain
        await pilot.press("q")


async def test_event_panel_says_a_group_was_merged_by_a_reviewer(seeds_copy, session_path):
    """After `m`, the panel gave only the grouper's reason ("similar wording ...") for a group the
    reviewer had put together, as if the claims had been found alike."""
    r = open_review(seeds_copy, session_path)
    a = r.corpus.claims[r.corpus.articles[0].key][0]
    mine = r.corpus.group_of(a.id)
    other = next(g for g in r.corpus.groups if r.group_claims(g) and (mine is None or g.id != mine.id))
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m.go_to_claim(a.id)
        await pilot.pause()
        assert "merged by a reviewer" not in m.query_one(EventPanel).content.plain
        await pilot.press("m", *other.id, "enter")
        await settle(app, pilot)
        assert r.corpus.group_of(a.id).id != (mine.id if mine else None)
        assert "Why: merged by a reviewer" in m.query_one(EventPanel).content.plain
        await pilot.press("x")
        await settle(app, pilot)
        assert "merged by a reviewer" not in m.query_one(EventPanel).content.plain
        await pilot.press("q")


async def test_filter_lists_outlets_in_reading_order_whatever_their_case(tmp_path):
    import json

    from factcheck.tui.screens.modals import FilterModal

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, site in enumerate(["BeFifty", "BMJV", "abc News"]):
        record = {
            "title": f"Report {i}",
            "sitename": site,
            "date": "2024-05-0" + str(i + 1),
            "text": f"The council approved {100 + i} new homes on Monday, the mayor said in a statement.",
        }
        (corpus / f"a{i}.json").write_text(json.dumps(record), encoding="utf-8")
    r = Review.open(tmp_path / "s.toml", [str(corpus)])
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, FilterModal)
        assert modal._outlets == ["abc News", "BeFifty", "BMJV"]
        await pilot.press("escape")
        await pilot.press("q")


async def test_event_titles_read_their_time_as_words_not_codes(seeds_copy, session_path):
    """The groups screen's Event column, a group's own screen and the merge picker began each event with its
    raw TIMEX3 value ('2013-03-13TNI: On Wednesday night ...', '2013-FA: ...') beside the time read as words."""
    from factcheck.tui.screens.groups import GroupDetailScreen, GroupsScreen

    r = open_review(seeds_copy, session_path)
    first = r.corpus.claims[r.corpus.articles[0].key][0]
    mine = r.corpus.group_of(first.id)
    g = next(g for g in r.corpus.groups if r.group_claims(g) and (mine is None or g.id != mine.id))
    text = g.label.split(": ", 1)[-1]
    g.when, g.label = "2013-03-13TNI", f"2013-03-13TNI: {text}"
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m.go_to_claim(first.id)
        await pilot.press("m")
        await pilot.pause()
        options = app.screen.query_one("#picker-list")
        picker = " ".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))
        await pilot.press("escape", "g")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
        row = app.screen.groups.index(g)
        line = app.screen.table.prompt_at(row).plain
        assert line.startswith("2013-03-13 night ") and "TNI" not in line
        assert line.rstrip().endswith(text[:40]) or text[:40] in line
        app.screen.table.highlighted = row
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GroupDetailScreen)
        title = app.screen.query_one("#group-title").content.plain
        assert "2013-03-13 night" in title and "TNI" not in title and text[:40] in title
        await pilot.press("escape", "escape", "q")
    assert "2013-03-13 night" in picker and "TNI" not in picker


async def test_a_tui_opened_while_another_held_the_session_works_once_that_one_closes(
    seeds_copy, session_path
):
    """Opened while `factcheck mark` held the session: read-only, "close the other one to make changes"; once
    it had closed, every key still said read-only and the reviewer had to quit and reopen."""
    other = open_review(seeds_copy, session_path)
    other.save()
    r = open_review(seeds_copy, session_path)
    app = make_app(r, Config(autosave_delay=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        cid = m.claim.id
        await pilot.press("c")
        await settle(app, pilot)
        assert r.readonly and cid not in r.data.decisions  # the other one still holds it
        other.close()
        await pilot.press("c")
        await settle(app, pilot)
        assert not r.readonly and r.decision(cid).verdict == Verdict.CONFIRMED
        assert "read-only" not in str(m.query_one("#status").render())
        await pilot.press("q")
    assert sess.load(session_path).decisions[cid].verdict == Verdict.CONFIRMED


async def test_a_date_warning_goes_once_the_reviewer_sets_the_date(seeds_copy, session_path):
    """ADAC's page: "⚠ date: the record says 2019-06-19, the text's own dateline 2018-10-23 (set it: p in
    the review ...)". After p set 2018-10-23 the warning stayed above the text and ⚠ in the article list,
    also after reopening; the reviewer had done what it asked. Other notices stay.
    The warning told the reviewer, in the review, "(set it: p in the review, or factcheck edit --published)":
    in the review it says the key, and nothing of a command."""
    r = open_review(seeds_copy, session_path)
    a = r.corpus.articles[0]
    clash = "date: the page's metadata says 2019-06-19, the text's own dateline 2018-10-23"
    a.notices[:] = [clash]
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        shown = str(m.query_one("#notices").render())
        assert f"{clash} (p sets it)" in shown and "factcheck" not in shown
        assert "⚠" in m.article_list.prompt_at(0).plain
        await pilot.press("p", *"2018-10-23", "enter")
        await settle(app, pilot)
        assert not m.query_one("#notices").display
        assert "⚠" not in m.article_list.prompt_at(0).plain
        await pilot.press("q")
    other = "xx: no claims extracted: language not supported"
    a.notices.append(other)
    assert r.notices(a) == [other]


async def test_a_supersession_whose_claim_is_gone_says_so(seeds_copy, session_path):
    """The claim a supersession names was in an article deleted since: the event panel said "superseded by
    c0b50a0c7e4" like any link, nothing saying the claim is no longer there to be read."""
    r = open_review(seeds_copy, session_path)
    first, second = r.corpus.articles[0], r.corpus.articles[1]
    a, b = r.claims(first.key)[0].id, r.claims(second.key)[0].id
    r.mark(a, Verdict.SUPERSEDED, by=b)
    r.save()
    r.close()
    (seeds_copy / second.key).unlink()
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m.go_to_claim(a)
        await pilot.pause()
        panel = m.query_one(EventPanel).content.plain
        assert f"superseded  {a}  by {b} (no longer in the articles)" in panel
        await pilot.press("q")


async def test_a_superseded_claims_panel_gives_its_own_id_before_the_claim_superseding_it(
    seeds_copy, session_path
):
    """The panel read "superseded by ADAC 'Der Bezugsstoff…'  ca908656071": the id after the quoted words
    read as the superseding claim's, and it was the claim's own. It now comes right after the verdict."""
    r = open_review(seeds_copy, session_path)
    first, second = r.corpus.articles[0], r.corpus.articles[1]
    a, b = r.claims(first.key)[0], r.claims(second.key)[0]
    r.mark(a.id, Verdict.SUPERSEDED, by=b.id)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m.go_to_claim(a.id)
        await pilot.pause()
        head = m.query_one(EventPanel).content.plain.split("\n")[0]
        assert head.startswith(f"superseded  {a.id}  by "), head
        assert b.id not in head and a.id not in head.split(" by ", 1)[1], head
        await pilot.press("q")


async def test_the_superseding_claims_panel_names_the_claims_it_supersedes(seeds_copy, session_path):
    """A claim marked superseded names its superseding claim, but the superseding claim's panel said nothing
    of the link: reading the later report, nothing told that an earlier claim was overtaken by it. Its
    panel names the claims it supersedes, and forgets one unmarked."""
    r = open_review(seeds_copy, session_path)
    first, second = r.corpus.articles[0], r.corpus.articles[1]
    a, b = r.claims(first.key)[0], r.claims(second.key)[0]
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m.go_to_claim(b.id)
        await pilot.pause()
        assert "Supersedes" not in m.query_one(EventPanel).content.plain
        m.go_to_claim(a.id)
        await pilot.pause()
        m._mutate(r.mark, a.id, Verdict.SUPERSEDED, by=b.id)
        m.go_to_claim(b.id)
        await pilot.pause()
        panel = " ".join(m.query_one(EventPanel).content.plain.split())
        words = " ".join(a.text.split()[:3])
        assert "Supersedes: " in panel and words in panel.split("Supersedes: ", 1)[1], panel
        m.go_to_claim(a.id)
        await pilot.pause()
        await pilot.press("u")
        m.go_to_claim(b.id)
        await pilot.pause()
        assert "Supersedes" not in m.query_one(EventPanel).content.plain
        await pilot.press("q")


async def test_the_palette_goes_from_a_superseded_claim_to_its_superseding_claim_and_back(
    seeds_copy, session_path
):
    """Nothing led from a superseded claim to the claim superseding it (in another article) but a search by
    hand. The palette's "Go to the linked claim" follows the link both ways."""
    from factcheck.tui.bindings import BY_ACTION

    r = open_review(seeds_copy, session_path)
    first, second = r.corpus.articles[0], r.corpus.articles[1]
    a, b = r.claims(first.key)[0], r.claims(second.key)[0]
    assert "follow_link" in BY_ACTION
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m.go_to_claim(a.id)
        await pilot.pause()
        await m.run_action("follow_link")
        await pilot.pause()
        assert m.claim is not None and m.claim.id == a.id  # no link: stays, and says so
        m._mutate(r.mark, a.id, Verdict.SUPERSEDED, by=b.id)
        await m.run_action("follow_link")
        await pilot.pause()
        assert m.claim is not None and m.claim.id == b.id and m.article is not None
        assert m.article.key == second.key
        await m.run_action("follow_link")
        await pilot.pause()
        assert m.claim is not None and m.claim.id == a.id
        await pilot.press("q")


async def test_l_goes_to_the_linked_claim_and_the_key_bar_help_and_palette_name_it(seeds_copy, session_path):
    """The palette's "Go to the linked claim" had no key: `l` (binding id `follow-link`) follows a superseded
    link both ways, the Event panel's key bar and the help list it, and the palette names it once, with it."""
    from factcheck.tui.commands import FactcheckCommands

    r = open_review(seeds_copy, session_path)
    first, second = r.corpus.articles[0], r.corpus.articles[1]
    a, b = r.claims(first.key)[0], r.claims(second.key)[0]
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m.go_to_claim(a.id)
        m._mutate(r.mark, a.id, Verdict.SUPERSEDED, by=b.id)
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert m.claim is not None and m.claim.id == b.id
        await pilot.press("l")
        await pilot.pause()
        assert m.claim is not None and m.claim.id == a.id
        commands = FactcheckCommands(app.screen)._commands()
        linked = [(name, keys) for name, action, keys in commands if action == "follow_link"]
        assert (
            len(linked) == 1 and linked[0][0].startswith("Go to the linked claim") and linked[0][1] == "key l"
        )
        m.event_panel.focus()
        await pilot.pause()
        assert "l Linked" in str(m.query_one(KeyBar).content)
        await pilot.press("question_mark")
        await pilot.pause()
        from textual.widgets import Static

        assert "Go to the linked claim" in " ".join(str(w.content) for w in app.screen.query(Static))
        await pilot.press("escape")
        await pilot.press("q")


async def test_a_batch_of_one_article_is_one_article_read(tmp_path):
    """The status line said "1 articles read"."""
    (tmp_path / "a.txt").write_text(
        "The city council approved the Elm Street bridge on Monday by 7 votes to 2, the mayor said.\n",
        encoding="utf-8",
    )
    from factcheck.tui.app import opener_for

    app = make_app(None, Config(), opener=opener_for([str(tmp_path / "a.txt")], tmp_path / "s.toml"))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(1500):  # up to 30 s of pauses: the suite runs beside other work on two cores
            if not app.loading and isinstance(app.screen, MainScreen) and app.screen.message:
                break
            await pilot.pause(0.02)
        assert main_of(app).message == "1 article read"
        await pilot.press("q")


def test_an_untitled_articles_list_line_is_its_first_sentence_not_its_front_matter(tmp_path) -> None:
    """A .txt article with TOML front matter and no title was listed as '+++ outlet = "Daily Alpha"
    published = …' (the start of the file); the line stands for the article's first text."""
    from factcheck import ingest
    from factcheck.tui.widgets.article_list import ArticleList

    f = tmp_path / "a.txt"
    f.write_text(
        '+++\noutlet = "Daily Alpha"\npublished = 2024-05-01\n+++\nThe minister said on Monday that rates rose.\n',
        encoding="utf-8",
    )
    (art,) = ingest.load([str(f)]).articles
    assert art.title is None
    line = ArticleList.prompt_for(art, dict.fromkeys(Verdict, 0), 60, warn=False).plain.splitlines()[1]
    assert line.startswith("The minister said") and "+++" not in line


async def test_the_supersede_picker_makes_only_the_lines_it_lists(seeds_copy, session_path, monkeypatch):
    """`s` on a batch of 1,008 articles (25,908 claims) took 1.5 s: the picker's line was made for every
    claim of the batch, though it lists at most LIMIT of them. The lines are made when listed; a filter
    typed then lists (and makes) those that match, and the pick is the claim listed."""
    from factcheck.tui import fmt as fmt_module  # (a picker's line is fmt.report_line)
    from factcheck.tui.screens.modals import PickerModal

    monkeypatch.setattr(PickerModal, "LIMIT", 5, raising=False)
    made: list[str] = []
    real = fmt_module.time_text

    def counted(c):
        made.append(c.id)
        return real(c)

    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        c = m.claims[0]
        candidates = r.superseding_candidates(c.id)
        assert len(candidates) > 10
        monkeypatch.setattr(fmt_module, "time_text", counted)
        await pilot.press("s")
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, PickerModal)
        assert made == [o.id for o in candidates[:5]]
        target = candidates[-1]
        await pilot.press(*target.id)  # the id is in what the filter reads
        await pilot.pause()
        assert made[-1] == target.id
        await pilot.press("enter")
        await settle(app, pilot)
        assert r.decision(c.id).verdict == Verdict.SUPERSEDED and r.decision(c.id).superseded_by == target.id
        await pilot.press("q")


async def test_help_names_the_configuration_file_in_use(seeds_copy, session_path, tmp_path, monkeypatch):
    """With FACTCHECK_CONFIG set, help said keys are remapped in ~/.config/factcheck/config.toml: a file this
    reviewer's factcheck does not read. It names the file in use (under the home folder as ~)."""
    from factcheck.tui.screens.help import HelpScreen

    mine = tmp_path / "team [2016].toml"
    monkeypatch.setenv("FACTCHECK_CONFIG", str(mine))
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        hint = app.screen.query(".dialog-hint").last().content.plain
        assert f"remapped in {mine} [keys]" in hint
        await pilot.press("escape", "q")
    monkeypatch.delenv("FACTCHECK_CONFIG")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "conf"))
    app = make_app(Review.open(tmp_path / "other.toml", [str(seeds_copy)]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert (
            "remapped in ~/conf/factcheck/config.toml [keys]"
            in app.screen.query(".dialog-hint").last().content.plain
        )
        await pilot.press("escape", "q")


async def test_a_new_publication_date_says_it_regroups_before_it_does(seeds_copy, session_path, monkeypatch):
    """`p` on a batch of 1,008 articles: after enter the date dialog stayed on screen, unchanged, for 5 s
    (the article read again and the batch regrouped), as if enter had been lost. The dialog goes and the
    status line says what is being done before the work starts; then it gives the date."""
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    seen: list[tuple[str, bool]] = []
    real = r.set_published

    def watched(key, date):
        seen.append((main_of(app).message, isinstance(app.screen, MainScreen)))
        return real(key, date)

    monkeypatch.setattr(r, "set_published", watched)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        key = m.article.key
        await pilot.press("p", "ctrl+u", *"2024-05-08", "enter")
        await settle(app, pilot)
        assert len(seen) == 1
        message, on_main = seen[0]
        assert on_main and f"regrouping {len(r.corpus.articles)} article(s)" in message
        assert r.corpus.article(key).published == dt.date(2024, 5, 8)
        assert m.message == "publication date: 2024-05-08"
        await pilot.press("q")


@pytest.mark.parametrize("size", [(30, 10), (80, 12)])
async def test_the_supersede_picker_shows_its_filter_and_candidates_in_a_low_window(
    seeds_copy, session_path, size
):
    """At 30x10 the picker's title ("'The minister said on…' is superseded by…") took every row the dialog
    had: neither the filter nor one candidate was on screen. In a low window a dialog's title is one line."""
    from textual.widgets import Input, OptionList

    from factcheck.tui.screens.modals import PickerModal

    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        picker = app.screen
        assert isinstance(picker, PickerModal)
        screen = picker.region
        for w in (picker.query_one(Input), picker.query_one(OptionList)):
            region = w.content_region
            assert region.height >= 1 and screen.contains_region(region), (w, region)
        assert picker.query_one(OptionList).content_region.height >= 2  # a candidate's two lines
        await pilot.press("escape")
        await pilot.press("q")


async def test_an_articles_notice_leaves_its_text_a_row_in_a_low_window(tmp_path: Path) -> None:
    """At 30x10 the notice of a Wayback Machine copy ("an archived copy (..., captured ...) of http://...") took 4
    of the window's 10 rows, and the article pane under it showed its border and no line of the text. In a
    low window a notice is one line, cut with "…" (the article list's ⚠ still marks the article)."""
    import json

    from textual.widgets import Static

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    original = "http://example.com/news/orga-life-das-leben-organisieren-und-mehr/"
    (corpus / "a.json").write_text(
        json.dumps(
            {
                "url": f"https://web.archive.org/web/20160526181643/{original}",
                "title": "Budget",
                "text": "The mayor said on Tuesday that the new bridge will cost 40 million dollars.\n"
                "Opposition leader Jane Roe claimed the city had overspent by 12 percent last year.\n",
            }
        ),
        encoding="utf-8",
    )
    r = open_review(corpus, tmp_path / "s.toml")
    assert any("archived copy" in n for n in r.notices(r.corpus.articles[0]))
    for size, notice_rows in (((30, 10), 1), ((120, 40), 2)):
        app = make_app(r)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            notices = app.screen.query_one("#notices", Static)
            assert notices.display and notices.region.height >= notice_rows  # wrapped in a tall window
            if size[1] < 16:
                assert notices.region.height == 1
                assert str(notices.render_line(0).text).rstrip().endswith("…")
            assert app.screen.query_one(ArticleView).content_region.height >= 1
            await pilot.press("q")


async def test_the_article_list_keeps_a_row_in_a_low_window(seeds_copy, session_path) -> None:
    """At 30x10 the Articles pane was its two border lines, no row of the list: the reviewer could not see
    which article was selected, nor move in the list with anything on screen. It keeps one row there, and
    the claim list under it its rows."""
    r = open_review(seeds_copy, session_path)
    for size in ((30, 10), (30, 12), (80, 24)):
        app = make_app(r)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            m = main_of(app)
            assert m.article_list.content_region.height >= 1, size
            assert m.claim_list.content_region.height >= 2, size
            await pilot.press("q")


async def test_a_long_error_in_a_dialog_wraps_in_a_narrow_window():
    # at 80 columns the date dialog's error was cut after "'20 de sete": its line now wraps
    from textual.app import App

    from factcheck.tui import app as tui_app
    from factcheck.tui.screens.modals import InputModal

    class Styled(App[None]):  # the app's own style sheet, no batch
        CSS_PATH = str(Path(tui_app.__file__).with_name("factcheck.tcss"))

    message = (
        "No date in that: write it as 2024-05-03, '3 May 2024', '20 de setembro de 2023' or '3 days ago'."
    )
    app = Styled()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(InputModal("Publication date", "x", validate=lambda v: message))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        error = app.screen.query_one("#modal-error")
        dialog = app.screen.query_one(".dialog")
        assert error.region.height >= 2
        assert dialog.region.contains_region(error.region)


async def test_counts_over_a_thousand_are_written_one_way(tmp_path: Path) -> None:
    """On PolNeAR's 1,008 articles the status bar read "·21623  0/21,623 reviewed" and the article list "1008 of
    1,008": one count with its thousands separated, the next not."""
    import re

    from textual.widgets import Static

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(1001):
        (corpus / f"a{i:04}.txt").write_text(
            f"Bus fares in district {i} rose by {i % 90 + 3} percent in March 2024, the council said.\n",
            encoding="utf-8",
        )
    r = open_review(corpus, tmp_path / "s.toml")
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        status = str(m.query_one("#status", Static).render())
        assert "1,001" in status and not re.search(r"\d{4}", status), status
        assert m.article_list.border_subtitle == "1,001"
        await pilot.press("q")


@pytest.mark.parametrize("size", [(80, 24), (30, 10)])
async def test_a_long_key_description_in_help_wraps_in_its_own_column(seeds_copy, session_path, size) -> None:
    """At 80 columns help's "b  Checked before: earlier checks of this claim in your archive (apply one's" went
    on under the keys ("verdict and link)" at the dialog's edge); at 30 columns every description did."""
    from textual.widgets import Static

    from factcheck.tui.screens.help import HelpScreen

    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        said = [w for w in app.screen.query(Static) if "help-said" in w.classes]
        (before,) = [w for w in said if str(w.content).startswith("Checked before")]
        assert before.size.height >= 2  # wrapped ...
        assert {w.region.x for w in said} == {before.region.x}  # ... in the descriptions' column
        keys = [w for w in app.screen.query(Static) if "help-key" in w.classes]
        assert before.content_region.x > min(k.content_region.x for k in keys)
        await pilot.press("escape", "q")


async def test_helps_ctrl_q_line_says_it_asks_first_about_a_typed_line(seeds_copy, session_path) -> None:
    """ctrl+q asks first when a one-line dialog holds typed text (qa13), yet help still read "quit (saves
    first)": a reviewer reading help expected it to quit at once."""
    from textual.widgets import Static

    from factcheck.tui.screens.help import HelpScreen

    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        cells = [str(w.content) for w in app.screen.query(Static) if {"help-key", "help-said"} & w.classes]
        said = cells[cells.index("^q") + 1]
        assert "saves first" in said and "asks first when a one-line dialog holds typed text" in said, said
        # every key in one notation: "ctrl+p" and "ctrl+q" were listed under "^z" and "^s"
        assert "^z" in cells and "^p" in cells and not any(c.startswith("ctrl+") for c in cells), cells
        await pilot.press("escape", "q")


async def test_superseding_by_an_earlier_report_is_said(tmp_path, session_path):
    """The picker lists every claim of the batch; picking a report published before the claim (a 2018 report
    for a 2022 claim) was taken without a word. The link is kept and a warning says so."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "early.txt").write_text(
        "+++\npublished = 2018-09-11\n+++\nThe council approved the Elm Street bridge on Monday, the mayor said.\n",
        encoding="utf-8",
    )
    (corpus / "late.txt").write_text(
        "+++\npublished = 2022-05-04\n+++\nThe council will vote on the Elm Street bridge in June, the mayor said.\n",
        encoding="utf-8",
    )
    r = open_review(corpus, session_path)
    (early,) = r.claims("early.txt")
    (late,) = r.claims("late.txt")
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m.go_to_claim(late.id)
        await pilot.press("s")
        await settle(app, pilot)
        await pilot.press(*early.id, "enter")
        await settle(app, pilot)
        assert r.decision(late.id).superseded_by == early.id
        warned = [n.message for n in app._notifications if n.severity == "warning"]
        assert any("2018-09-11" in w and "before" in w for w in warned), warned


async def test_a_publication_date_after_today_is_refused(seeds_copy, session_path):
    """`p` took "in two weeks" (meant: two weeks ago) and dated the article 14 days ahead: every relative time
    of the article was then resolved against a day that has not come. The dialog says so and stays."""
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        before = m.article.published
        await pilot.press("p", "ctrl+u", *"in two weeks", "enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, MainScreen)
        ahead = (dt.date.today() + dt.timedelta(days=14)).isoformat()
        said = str(app.screen.query_one("#modal-error").render())
        assert f"{ahead} is after today" in said, said
        await pilot.press("escape")
        await settle(app, pilot)
        assert m.article.published == before
        await pilot.press("q")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_status_message_too_long_for_the_line_ends_with_an_ellipsis(seeds_copy, session_path, size):
    """At 80 columns the status line's message was cut by the screen's edge ("… +240 hidden (w)  21" for
    "21 articles read"): a cut message reads as a whole one. It takes what the line leaves, with "…"."""
    from textual.widgets import Static

    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        status = m.query_one("#status", Static)
        m.set_message("superseded by 'The city council approved the Elm Street bridge on Monday'")
        await pilot.pause()
        line = status.render()
        assert line.cell_length <= status.content_size.width, str(line)
        assert str(line).rstrip().endswith("…"), str(line)
        m.set_message("note saved")
        await pilot.pause()
        assert str(status.render()).rstrip().endswith("note saved")
        await pilot.press("q")


async def test_at_80_columns_a_short_status_message_is_shown_whole(seeds_copy, session_path):
    """At 80x24 the counts left a message 8 cells: "publication date set" read "publicat…", "note saved" and
    "undone: …" no better. When the message would be cut short, the counts take their short form (no
    unreviewed count, "3/58", "+2 (w)"); with no message, or room for it, they stay whole."""
    from textual.widgets import Static

    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        status = m.query_one("#status", Static)
        m.set_message("")
        await pilot.pause()
        assert " reviewed" in str(status.render()) and "hidden (w)" in str(status.render())
        m.set_message("publication date set")
        await pilot.pause()
        line = str(status.render()).rstrip()
        assert line.endswith("  publication date set"), line
        assert re.search(r"  \d+/\d+ \+[\d,]+ \(w\)  ", line), line
        assert len(line) <= status.content_size.width
        # with no message, counts wider than the line kept their long form and lost their end ("(w)")
        await pilot.press("w")
        m.set_message("")
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        line = str(status.render()).rstrip()
        assert re.search(r" \+\d+ \(w\)$", line) and len(line) <= status.content_size.width, line
        # at 30 columns even the short form is wider than the line: "review.toml unsaved  ✓0  ✗0" looked like
        # the whole of the counts; the line ends with "…"
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        line = str(status.render()).rstrip()
        assert line.endswith("…") and len(line) <= status.content_size.width, line
        await pilot.press("q")


async def test_decisions_that_cannot_be_saved_are_written_to_a_rescue_copy_on_quit(
    seeds_copy, session_path, tmp_path, monkeypatch
):
    """A session that cannot be written (a full disk, a folder made read-only while the app runs): the app
    said "Press ctrl+q again to quit without saving", and quitting lost every decision since the last save.
    On the way out they are written to a copy in the temporary folder, whose corpus paths still lead to the
    articles, and that copy opens with the decision in it."""
    import tempfile

    from factcheck.session import SessionNotWritable

    rescue = tmp_path / "tmp"
    rescue.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(rescue))
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)

        def full(*_a, **_k):
            raise SessionNotWritable(f"{session_path}: not saved: no space left on the device")

        monkeypatch.setattr(r, "save", full)
        cid = m.claim.id
        await pilot.press("c")
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running  # told, not gone
        await pilot.press("q")
        await pilot.pause()
    assert app.save_error and "no space left" in app.save_error
    assert app.rescued is not None and app.rescued.parent == rescue
    assert app.rescued.name.startswith(session_path.stem + ".unsaved-")
    kept = sess.load(app.rescued)
    assert kept.decisions[cid].verdict == Verdict.CONFIRMED
    assert all(Path(c).is_absolute() and Path(c).exists() for c in kept.corpus)
    with Review.open(app.rescued, kept.corpus) as again:
        assert again.decision(cid).verdict == Verdict.CONFIRMED


async def test_decisions_attached_to_no_claim_are_listed_after_the_notice(
    seeds_copy, session_path, monkeypatch
):
    """A decision whose sentence was edited away and one whose article was deleted are kept in the session,
    on no claim: the app told so in a toast a line for 6 seconds (several stacked over the panes), and then
    nothing in the app showed them. One notice names them and where to see them; the palette's "decisions
    attached to no claim" lists each with its verdict, text and note."""
    from factcheck.tui.commands import EXTRA
    from factcheck.tui.screens.modals import OrphansModal

    r = open_review(seeds_copy, session_path)
    first, second = r.corpus.articles[0], r.corpus.articles[1]
    a, b = r.claims(first.key)[0], r.claims(second.key)[0]
    r.mark(a.id, Verdict.DISPUTED)
    r.set_note(a.id, "the [b]figure[/b] is wrong")
    r.mark(b.id, Verdict.CONFIRMED)
    r.save()
    r.close()
    page = seeds_copy / first.key
    page.write_text(
        page.read_text(encoding="utf-8").replace(a.text, "Nothing of the kind happened."), "utf-8"
    )
    (seeds_copy / second.key).unlink()
    told: list[tuple[str, str | None]] = []
    monkeypatch.setattr(MainScreen, "notify", lambda self, m, **kw: told.append((str(m), kw.get("title"))))
    r = open_review(seeds_copy, session_path)
    assert {d.claim_id for d in r.orphans} == {a.id, b.id}
    assert "show_orphans" in {action for _name, action, _help in EXTRA}
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        session = [t for t, title in told if title == "Session"]
        assert len(session) == 1 and "re-attached" in session[0] and "no claim" in session[0], told
        # `status` calls them orphans: the palette's search for the word found nothing
        await pilot.press("ctrl+p", *"orphans")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OrphansModal)
        await pilot.press("escape")
        await m.run_action("show_orphans")
        await pilot.pause()
        assert isinstance(app.screen, OrphansModal)
        shown = " ".join(str(s.render()) for s in app.screen.query(".orphan"))
        assert "disputed" in shown and "the [b]figure[/b] is wrong" in shown and a.text[:30] in shown
        assert "confirmed" in shown and second.key in shown
        # each says why it is on no claim (an article deleted and a sentence edited read alike before)
        assert "Why: its sentence is no longer in the article's text (edited)" in shown
        assert "Why: its article is no longer in the corpus" in shown
        await pilot.press("escape")
        assert app.screen is m
        await pilot.press("q")


async def test_an_autosave_does_not_describe_the_session_it_saves(seeds_copy, session_path, monkeypatch):
    # Textual describes a worker by the repr of its arguments unless told otherwise: the save worker's
    # argument is the whole session, so each autosave spent time growing with the session on the UI thread
    from factcheck import review as review_mod

    described = []

    def counted_repr(self) -> str:
        described.append(1)
        return "<snapshot>"

    monkeypatch.setattr(review_mod._Snapshot, "__repr__", counted_repr)
    r = open_review(seeds_copy, session_path)
    app = make_app(r, Config(autosave_delay=0.05))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "j", "d")
        await settle(app, pilot)
        assert not r.dirty  # autosaved
        await pilot.press("q")
    assert sess.load(session_path).decisions  # saved
    assert described == []


async def test_undo_names_the_claim_by_its_words_and_the_superseding_one_by_its_outlet(
    seeds_copy, session_path
):
    """ctrl+z said "undone: mark ca908656071 superseded by c0bcf7715…": two ids a reviewer never sees. It names
    the claim by its first words and the superseding claim by its outlet and words; what the status line
    cuts is shown whole in a notification."""
    r = open_review(seeds_copy, session_path)
    first, second = r.corpus.articles[0], r.corpus.articles[1]
    a, b = r.claims(first.key)[0], r.claims(second.key)[0]
    outlet = second.outlet or Path(second.key).name
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m.go_to_claim(a.id)
        await pilot.pause()
        m._mutate(r.mark, a.id, Verdict.SUPERSEDED, by=b.id)
        await pilot.press("ctrl+z")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert m.message.startswith("undone: mark '" + " ".join(a.text.split()[:3])), m.message
        assert said and said[-1] == m.message, said
        assert f" superseded by {outlet} '" + " ".join(b.text.split()[:3]) in m.message, m.message
        assert a.id not in m.message and b.id not in m.message
        await pilot.press("q")


async def test_an_undo_the_status_line_shows_whole_is_not_notified_over_the_screen(
    tmp_path, session_path, monkeypatch
):
    """The branch the seeds never take (their undo messages are all cut, even at 120 columns): a short claim's
    undo and redo fit the status line whole, and then no notification covers the screen."""
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Bus fares rose 3 percent in May, Berg said.\n", encoding="utf-8")
    r = open_review(corpus, session_path)
    (claim,) = r.claims("a.txt")
    app = make_app(r)
    said: list[str] = []
    notify = app.notify

    def recorded(message, *args, **kw):
        said.append(str(message))
        return notify(message, *args, **kw)

    monkeypatch.setattr(app, "notify", recorded)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m.go_to_claim(claim.id)
        await pilot.pause()
        for key, done, verdict in (
            ("ctrl+z", "undone", Verdict.UNREVIEWED),
            ("ctrl+y", "redone", Verdict.CONFIRMED),
        ):
            if key == "ctrl+z":
                await pilot.press("c")
            said.clear()
            await pilot.press(key)
            await pilot.pause()
            status = str(m.query_one("#status", Static).content)
            assert m.message == f"{done}: mark 'Bus fares rose 3 percent in…' confirmed", m.message
            assert m.message_whole and m.message in status, status  # the branch: shown whole
            assert not [s for s in said if s.startswith(done)], said  # so no notification over the screen
            assert r.decision(claim.id).verdict == verdict
        await pilot.press("q")


@pytest.mark.parametrize("size", [(30, 10), (80, 24), (120, 40)])
async def test_undo_is_notified_only_when_the_status_line_does_not_show_it_whole_and_briefly_when_narrow(
    seeds_copy, session_path, size
):
    """At 30x10 the undo notification covered half the main screen for 4 s; at 80 columns a message of under 60
    cells the status line cut at its room was not notified at all. A notification now shows exactly when the
    status line does not show the message whole, for 2 s under 40 columns."""
    r = open_review(seeds_copy, session_path)
    a = r.claims(r.corpus.articles[0].key)[0]
    app = make_app(r)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m.go_to_claim(a.id)
        await pilot.pause()
        await pilot.press("c", "ctrl+z")
        await pilot.pause()
        status = str(m.query_one("#status", Static).content)
        undone = [n for n in app._notifications if n.message.startswith("undone")]
        assert m.message.startswith("undone"), m.message
        if m.message in status:  # shown whole: no notification over the screen
            assert not undone, [n.message for n in undone]
        else:
            assert undone and undone[-1].message == m.message
            assert undone[-1].timeout == (2 if size[0] < 40 else 4)
        if size[0] == 30:
            assert m.message not in status and undone  # the only place the words show
        await pilot.press("q")


async def test_an_article_with_no_claim_shown_says_why(tmp_path, session_path):
    """An article with no claim showed an empty Claims pane and "No claim selected.", nothing saying why. The
    Event panel now gives the reason: no check-worthy sentence, every claim dismissed, or every claim under
    the threshold (with `w` to show them)."""
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Bus fares rose 3 percent in May, Berg said.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Why would anyone ever want to do that to a neighbour?\n", encoding="utf-8")
    (corpus / "c.txt").write_text("Thank you for reading.\n", encoding="utf-8")  # page furniture alone
    r = open_review(corpus, session_path)
    (claim,) = r.claims("a.txt")
    assert not r.claims("b.txt", include_dismissed=True)
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)

        async def panel_on(key: str) -> str:
            m._select_article(m.keys.index(key))
            await pilot.pause()
            return " ".join(m.query_one(EventPanel).content.plain.split())

        said = await panel_on("b.txt")
        assert "no sentence" in said and "check-worthy" in said, said
        assert "No claim selected" not in said
        # a text that is page furniture alone (a page whose article trafilatura missed: SCMP's gave one photo
        # caption) has no sentence to read at all: it says so, not "no check-worthy sentence"
        said = await panel_on("c.txt")
        assert "all of it is page furniture" in said and "check-worthy" not in said, said
        await panel_on("a.txt")
        await pilot.press("minus")
        await pilot.pause()
        said = await panel_on("a.txt")
        assert "1 claim" in said and "dismissed" in said, said
        await pilot.press("ctrl+z")
        await pilot.pause()
        r.corpus.min_score = claim.score + 0.01
        said = await panel_on("a.txt")
        assert "1 claim" in said and "threshold" in said and "(w" in said, said
        await pilot.press("w")
        await pilot.pause()
        assert m.claims and m.claims[0].id == claim.id
        await pilot.press("q")


async def test_front_matter_is_neither_shown_as_text_nor_taken_for_a_title(tmp_path, session_path):
    """A .txt file's `+++` front matter showed in the Article pane as text, and an article with no title
    line and no claim got it as its title in the Articles list (`+++ outlet = "Site Admin" +++ Login…`).
    The view shows the text from below the block; claims still index the whole file (front matter
    included), so the view shifts them: the current claim is underlined on its own words and a click on
    them selects it."""
    from factcheck.model import Verdict as V
    from factcheck.tui.fmt import CURRENT
    from factcheck.tui.widgets.article_list import ArticleList
    from factcheck.tui.widgets.line_view import LineView

    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        '+++\noutlet = "Harbour Times"\npublished = "2024-03-05"\n+++\n\n'
        "The council said on Monday that the bridge would close for two weeks.\n\n"
        "Engineers found cracks in three of the bridge's beams last month, the council said.\n",
        encoding="utf-8",
    )
    (corpus / "b.txt").write_text(
        '+++\noutlet = "Site Admin"\n+++\nLogin\n\nThank you for reading.\n', "utf-8"
    )
    r = open_review(corpus, session_path)
    a, b = r.corpus.article("a.txt"), r.corpus.article("b.txt")
    assert a is not None and b is not None
    claims = r.claims("a.txt")
    assert (
        len(claims) == 2 and a.text[claims[1].start : claims[1].end] == claims[1].text
    )  # the file's offsets
    counts = dict.fromkeys(V, 0)
    listed = ArticleList.prompt_for(b, counts, 60, warn=False).plain
    assert "+++" not in listed and "outlet" not in listed and listed.endswith("b.txt"), listed
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m._select_article(m.keys.index("a.txt"))
        await pilot.pause()
        view = m.query_one(ArticleView)
        shown = view.content.plain
        assert shown.startswith("The council said on Monday"), shown
        assert "+++" not in shown and "Harbour Times" not in shown
        # the current claim (the first) is underlined on its words, not 60 characters further on
        (cur,) = [s for s in view.content.spans if s.style == CURRENT]
        assert shown[cur.start : cur.end] == m.claims[0].text
        # a click on the second claim's words selects it
        at = shown.index("Engineers found") + 3
        view.post_message(LineView.Clicked(view, at))
        await pilot.pause()
        assert m.claim is not None and m.claim.id == claims[1].id
        m._select_article(m.keys.index("b.txt"))
        await pilot.pause()
        shown = view.content.plain
        assert "+++" not in shown and shown.startswith("Login"), shown
        await pilot.press("q")


async def test_a_message_cut_right_after_its_own_ellipsis_ends_with_one(seeds_copy, session_path):
    """At 80x24 on realworld-dev the status line read "Diesen Produkten liegt eine T……": the message's
    claim words end with "…" ("'…eine T…' confirmed") and the line's cut, landing right after it, added its
    own. A cut ends with one "…", wherever it lands."""
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        status = m.query_one("#status", Static)
        cuts = 0
        for n in range(10, 60):
            m.set_message("w" * n + "… confirmed")
            await pilot.pause()
            shown = str(status.render()).rstrip()
            assert not shown.endswith("……"), shown
            cuts += not shown.endswith("confirmed")
        assert cuts  # (the line's cut was met)
        await pilot.press("q")


async def test_a_cjk_message_and_an_article_count_fit_in_cells(tmp_path):
    """A Chinese letter takes two cells: the status line cut its message by characters, so at 120x40 `c` on
    a claim in Chinese showed "中国…普京。The …" and its "confirmed" ran past the line's end (at 60 columns
    the message was not shown at all), and the article list cut the count of an article from 新华社:
    "新华社 zh 2024-03-07 0/…". Both are measured in cells now: the message's end is shown, cut or whole,
    and the count is whole (the outlet is cut)."""
    corpus = tmp_path / "batch"
    corpus.mkdir()
    (corpus / "x.md").write_text(
        '+++\ntitle = "中国国家主席习近平会见普京"\noutlet = "新华社"\npublished = "2024-03-07"\n+++\n'
        "中国国家主席习近平周一在北京会见了俄罗斯总统普京。The Chinese president met Putin in Beijing on "
        "Monday, Xinhua said.\n",
        encoding="utf-8",
    )
    r = open_review(corpus, tmp_path / "s.toml")
    app = make_app(r)
    for size in ((120, 40), (60, 20)):
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            m = main_of(app)
            assert m.claims, "the Chinese article has a claim"
            await pilot.press("c")
            await pilot.pause()
            status = m.query_one("#status", Static)
            painted = str(status.render()).rstrip()
            assert Content(painted).cell_length <= status.content_size.width, painted
            assert painted.endswith(("confirmed", "…")) and "中国" in painted, painted
            articles = m.query_one(ArticleList)
            listed = "".join(articles.render_line(y).text for y in range(articles.size.height))
            assert "0/1" in listed or "1/1" in listed, listed
            await pilot.press("u", "q")
        app = make_app(open_review(corpus, tmp_path / "s.toml"))


@pytest.mark.parametrize("width", [88, 94])
async def test_the_status_line_measures_a_cjk_message_in_cells_to_choose_the_counts_form(
    seeds_copy, session_path, width
):
    """qa29: the status line chose the counts' long form when the message's characters fitted beside it, not
    its cells: at 80-94 columns (a short session name) a message of 17 Chinese letters (34 cells) was cut ("中国国家主席习近…") where
    the short form of the counts left it room to show whole. Measured in cells, it shows whole."""
    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m.set_message("中国国家主席习近平会见普京总统谈话")
        await pilot.pause()
        painted = str(m.query_one("#status", Static).render()).rstrip()
        assert m.message_whole and painted.endswith("普京总统谈话"), painted
        await pilot.press("q")


async def test_j_and_k_scroll_the_help_as_the_arrows_do(seeds_copy, session_path) -> None:
    """In the help (at 30x10 a dozen screens of it) j and k did nothing: a reviewer moving through the claims
    with j pressed j to read on. They scroll the help as ↓ and ↑ do."""
    from textual.containers import VerticalScroll

    from factcheck.tui.screens.help import HelpScreen

    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=(30, 10)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one(".dialog-body", VerticalScroll)
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert body.scroll_y == 3, body.scroll_y
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == 2, body.scroll_y
        await pilot.press("down")
        await pilot.pause()
        assert body.scroll_y == 3, body.scroll_y  # (as the arrow does)
        await pilot.press("escape", "q")


async def test_l_to_a_dismissed_claim_says_so_and_stays(seeds_copy, session_path):
    """`l` on a claim superseded by a claim since dismissed (the dismissal asks first and says the verdicts
    stay) put the cursor on the article's first claim, saying nothing: that claim read as the link. It stays
    on the claim and says the linked one is dismissed, with how to see it."""
    r = open_review(seeds_copy, session_path)
    art = r.corpus.articles[0]
    a, b = r.claims(art.key)[1], r.claims(art.key)[2]
    app = make_app(r)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        m = main_of(app)
        m._mutate(r.mark, a.id, Verdict.SUPERSEDED, by=b.id)
        m._mutate(r.dismiss, b.id)
        m.go_to_claim(a.id)
        await pilot.pause()
        assert m.claim is not None and m.claim.id == a.id
        await pilot.press("l")
        await pilot.pause()
        assert m.claim is not None and m.claim.id == a.id
        status = str(m.query_one("#status", Static).render())
        assert "the linked claim is dismissed" in status, status
        await pilot.press("q")


@pytest.mark.parametrize("size", [(30, 10), (80, 24)])
async def test_the_report_dialog_opens_with_its_title_in_view(seeds_copy, session_path, size) -> None:
    """At 30x10 `R` opened the dialog scrolled to its path field: the title ("Write a report"), which says what
    the dialog is, was above the view. It opens at its top, the path field (focused) in view below it."""
    from textual.containers import VerticalScroll
    from textual.widgets import Input

    from factcheck.tui.screens.modals import ReportModal

    r = open_review(seeds_copy, session_path)
    app = make_app(r)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("R")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReportModal)
        body = app.screen.query_one(VerticalScroll)
        assert body.scroll_y == 0, body.scroll_y
        title = app.screen.query_one(".dialog-title")
        path = app.screen.query_one("#report-path", Input)
        assert app.focused is path
        for widget in (title, path):  # each on screen, inside the dialog's view
            assert widget.region.height > 0 and body.region.contains_region(widget.region), widget.region
        await pilot.press("escape", "q")
