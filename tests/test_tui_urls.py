"""`factcheck review URL ...` end to end, headless, against a local HTTP server the test starts."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any, ClassVar

import pytest
from local_server import serving  # tests/local_server.py
from pilot_steps import settle  # tests/pilot_steps.py

from factcheck.cli import main
from factcheck.tui.app import FactcheckApp

TEXT = (
    "Finance Minister Anna Berg said on Monday that inflation rose to 3.4 percent in March.\n"
    "The central bank in Oslo announced that it will raise interest rates by 0.25 points on 12 June.\n"
)


class _CountingHandler(SimpleHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        super().do_GET()


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A local server of one article (``/a.html``; anything else is a 404); its base URL."""
    root = tmp_path / "site"
    root.mkdir()
    paragraphs = "".join(f"<p>{line}</p>" for line in TEXT.splitlines())
    (root / "a.html").write_text(
        f"<html><head><title>Rates</title></head><body><article><h1>Rates</h1>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    monkeypatch.setenv("FACTCHECK_PAGES", str(tmp_path / "pages"))
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.chdir(tmp_path)
    _CountingHandler.requests = []
    with serving(functools.partial(_CountingHandler, directory=str(root))) as base:
        yield base


def _headless(monkeypatch: pytest.MonkeyPatch, seen: dict[str, Any]) -> None:
    """`review` runs the app headless: it waits for the batch, notes what the reviewer is told, and quits."""
    real_run = FactcheckApp.run

    async def reviewer(pilot: Any) -> None:
        app = pilot.app
        for _ in range(200):  # the batch is read in a worker: wait until the main screen has it
            await settle(app, pilot)
            if app.review is not None and app.review.loading is None:
                break
        seen["notices"] = [(n.title, n.message) for n in app._notifications]
        seen["articles"] = [a.key for a in app.review.corpus.articles] if app.review else []
        await pilot.press("q")

    def run(self: FactcheckApp, *args: Any, **kw: Any) -> Any:
        return real_run(self, headless=True, size=(120, 40), auto_pilot=reviewer)

    monkeypatch.setattr(FactcheckApp, "run", run)


def test_review_fetches_a_failing_url_once_and_names_why_on_screen(
    site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`factcheck review GOOD BAD` fetched every URL before the app opened, then the app read the batch and
    fetched the one that had failed again: a slow or hanging server cost its timeout twice (20 s at
    'fetching', 20 s more at 'Reading articles…'). The app now reads the pages just stored, and the notice
    says why the URL was not read (not 'not fetched yet')."""
    seen: dict[str, Any] = {}
    _headless(monkeypatch, seen)
    good, bad = f"{site}/a.html", f"{site}/gone.html"
    assert (
        main(["review", "--session", str(tmp_path / "u.toml"), good, bad]) == 1
    )  # partial: one URL not read
    # named on stderr once (by the fetch before the app opened), not again when the app closes
    assert [line for line in capsys.readouterr().err.splitlines() if bad in line] == [
        f"factcheck: {bad}: HTTP error 404 File not found"
    ]
    assert _CountingHandler.requests.count("/gone.html") == 1
    assert _CountingHandler.requests.count("/a.html") == 1
    assert seen["articles"] == [good]
    unread = [message for title, message in seen["notices"] if title.startswith("Not read")]
    assert len(unread) == 1 and bad in unread[0] and "404" in unread[0], seen["notices"]


def test_review_reopened_from_its_session_fetches_a_url_not_stored(
    site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session reopened without paths (its corpus from the file) still fetches what is not stored."""
    seen: dict[str, Any] = {}
    _headless(monkeypatch, seen)
    good = f"{site}/a.html"
    session = tmp_path / "u.toml"
    assert main(["review", "--session", str(session), good]) == 0
    assert _CountingHandler.requests.count("/a.html") == 1
    for stored in (tmp_path / "pages").iterdir():
        stored.unlink()
    assert main(["review", "--session", str(session)]) == 0
    assert _CountingHandler.requests.count("/a.html") == 2
    assert seen["articles"] == [good]


def test_review_refresh_of_a_session_fetches_its_urls_again(
    site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`factcheck review --refresh --session S` (the session's own corpus, no paths given) fetched nothing: the
    URLs of the corpus were read as stored, and --refresh did nothing without a word."""
    seen: dict[str, Any] = {}
    _headless(monkeypatch, seen)
    good = f"{site}/a.html"
    session = tmp_path / "u.toml"
    assert main(["review", "--session", str(session), good]) == 0
    assert main(["review", "--session", str(session)]) == 0
    assert _CountingHandler.requests.count("/a.html") == 1  # (stored: read offline)
    assert main(["review", "--refresh", "--session", str(session)]) == 0
    assert _CountingHandler.requests.count("/a.html") == 2
    assert seen["articles"] == [good]


def test_review_refresh_that_fails_reads_the_stored_copy(
    site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page that cannot be fetched again (its server down, the page gone) while a copy of it is stored: the
    review opens on that copy, says so, and ends with 1 (partial). It refused to open (exit 2, "nothing
    readable") though every page was stored."""
    seen: dict[str, Any] = {}
    _headless(monkeypatch, seen)
    good = f"{site}/a.html"
    session = tmp_path / "u.toml"
    assert main(["review", "--session", str(session), good]) == 0
    (tmp_path / "site" / "a.html").unlink()  # the page is gone from the web: a 404 now
    capsys.readouterr()
    seen.clear()
    assert main(["review", "--refresh", "--session", str(session), good]) == 1
    (line,) = [line for line in capsys.readouterr().err.splitlines() if good in line]
    assert line.startswith(
        f"factcheck: {good}: not fetched again (HTTP error 404 File not found); its copy stored "
    )
    assert line.endswith(", read instead")
    assert seen["articles"] == [good]
