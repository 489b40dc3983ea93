"""The fetch progress line on a terminal (qa22): shown while a URL is fetched, one URL too, and drawn with real
controls. `extract`, `groups` and `fetch` print through the inert stream, which showed the bar's carriage
return and erase-line as "␍␛[2K" before every step; and nothing at all was shown while the first URL (or the
only one) was fetched, so a server slow to answer left the terminal blank until the fetch timed out."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from factcheck import cli, webpage

TEXT = (
    "The city council approved a budget of 40 million euros on 3 May 2024, the mayor said. "
    "The new bridge over the river will open in June, according to the transport office."
)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal() -> _Terminal:
    return _Terminal()


def on_terminal(monkeypatch, terminal: _Terminal, *args: str) -> int:
    """``factcheck ARGS`` with standard error a terminal (set here: pytest's capture sets it at each phase)."""
    monkeypatch.setattr(sys, "stderr", terminal)
    return cli.main(list(args))


@pytest.fixture
def pages(tmp_path: Path, monkeypatch, terminal: _Terminal) -> list[str]:
    """``webpage.fetch_record`` answering from a stored record; each call notes what the terminal showed then."""
    seen: list[str] = []
    record = tmp_path / "page.json"
    record.write_text(json.dumps({"title": "Budget", "date": "2024-05-03", "text": TEXT}), encoding="utf-8")

    def fetch_record(url, *a, **k):
        seen.append(terminal.getvalue())
        return record, True

    monkeypatch.setattr(webpage, "fetch_record", fetch_record)
    return seen


@pytest.mark.parametrize("command", ["extract", "groups", "fetch"])
def test_the_bar_of_several_urls_is_drawn_with_real_controls(
    pages, terminal, tmp_path, monkeypatch, command
) -> None:
    urls = ["http://127.0.0.1:9/a.html", "http://127.0.0.1:9/b.html"]
    extra = ["-o", str(tmp_path / "out")] if command == "fetch" else []
    assert on_terminal(monkeypatch, terminal, command, *urls, *extra) == 0
    shown = terminal.getvalue()
    assert "␍" not in shown and "␛[2K" not in shown  # (the inert stream's stand-ins of \r and ESC)
    assert "\r\x1b[2Kfetching [" in shown and "2/2" in shown
    # each URL is named while it is fetched, the first one before anything is done
    assert "0/2 http://127.0.0.1:9/a.html" in pages[0]
    assert "1/2 http://127.0.0.1:9/b.html" in pages[1]


@pytest.mark.parametrize("command", ["extract", "fetch"])
def test_one_url_is_named_while_it_is_fetched_then_its_line_cleared(
    pages, terminal, tmp_path, monkeypatch, command
) -> None:
    url = "http://127.0.0.1:9/a.html"
    extra = ["-o", str(tmp_path / "out")] if command == "fetch" else []
    assert on_terminal(monkeypatch, terminal, command, url, *extra) == 0
    assert pages[0].endswith(f"fetching {url} …")  # (there was no line at all for one URL)
    assert terminal.getvalue().count("\r\x1b[2K") == 2  # drawn, then cleared


def test_one_url_fetched_in_a_terminal_still_says_where_it_is_stored(
    pages, terminal, tmp_path, monkeypatch, capsys
) -> None:
    url = "http://127.0.0.1:9/a.html"
    assert on_terminal(monkeypatch, terminal, "fetch", url, "-o", str(tmp_path / "out")) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith(f"fetched\t{url}"), out


def test_no_line_when_standard_error_is_no_terminal(monkeypatch, tmp_path) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    assert cli.fetch_progress_bar(["http://127.0.0.1:9/a.html"]) is None
    assert cli.fetch_progress_bar([str(tmp_path)]) is None  # no URL: nothing to show either


def test_several_urls_fetched_in_a_terminal_say_where_they_are_stored(
    pages, terminal, tmp_path, monkeypatch, capsys
) -> None:
    """With the bar, the lines saying where each page went were left out: a terminal listed no record."""
    urls = ["http://127.0.0.1:9/a.html", "http://127.0.0.1:9/b.html"]
    assert on_terminal(monkeypatch, terminal, "fetch", *urls, "-o", str(tmp_path / "out")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[1:] for line in lines] == [["fetched", u] for u in urls], lines


@pytest.mark.parametrize("columns", [80, 40, 24])
def test_the_bar_fits_the_terminal(pages, terminal, tmp_path, monkeypatch, columns) -> None:
    """The bar and its URL made a line of ~97 cells: on an 80-column terminal it wrapped, and the carriage
    return of each step went back to the start of the last row only, leaving a new line behind at every step
    (seen over SSH in tmux, qa25). Each line now fits, with three cells to spare (an echoed ^C)."""
    monkeypatch.setattr(
        cli.shutil, "get_terminal_size", lambda *a, **k: __import__("os").terminal_size((columns, 24))
    )
    urls = [f"http://127.0.0.1:9/{'long-section-name/' * 4}page-{i}.html" for i in range(3)]
    assert on_terminal(monkeypatch, terminal, "fetch", *urls, "-o", str(tmp_path / "out")) == 0
    steps = [s for line in terminal.getvalue().split("\n") for s in line.split("\r\x1b[2K") if s]
    assert steps and all(len(s) <= max(columns - 3, 20) for s in steps), steps  # (room for an echoed ^C)
    assert all(s.endswith("…") for s in steps), steps  # a cut URL says it is cut
    assert columns < 80 or all("127.0.0.1:9/long-sect" in s for s in steps), (
        steps
    )  # (on 80 columns, 30 of a URL)


def test_ctrl_c_during_a_fetch_still_lists_the_pages_stored(tmp_path, monkeypatch, terminal, capsys) -> None:
    """With the bar, where each page went was printed only once every URL was read: ctrl+c in the middle
    (a slow server) listed none of the pages already stored, and the shell's prompt came after the bar
    (qa25). They are listed, the bar's line is ended, and a line says the fetch was interrupted (exit 130)."""
    record = tmp_path / "page.json"
    record.write_text(json.dumps({"title": "Budget", "date": "2024-05-03", "text": TEXT}), encoding="utf-8")
    calls: list[str] = []

    def fetch_record(url, *a, **k):
        calls.append(url)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return record, True

    monkeypatch.setattr(webpage, "fetch_record", fetch_record)
    urls = [f"http://127.0.0.1:9/{c}.html" for c in "abcd"]
    assert on_terminal(monkeypatch, terminal, "fetch", *urls, "-o", str(tmp_path / "out")) == 130
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[2] for line in lines] == urls[:2], lines
    shown = terminal.getvalue()
    assert shown.endswith(
        "\nfactcheck: interrupted: 2 of 4 pages stored in " + str(tmp_path / "out") + "\n"
    ), shown
