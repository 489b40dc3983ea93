"""The reading bar of a big batch on a terminal (`extract`, `groups`): a cold batch of a thousand pages printed
nothing on stderr for minutes; now "reading [###...] N/M files", drawn with real controls, cleared at the end.
Nothing on a pipe or file, nothing for a small batch, and the output on stdout is the same."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from factcheck import cli

TEXT = "The council approved a budget of {n} million euros on 3 May 2024, the mayor said.\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _batch(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03}.txt").write_text(TEXT.format(n=i + 1), encoding="utf-8")
    return folder


def test_a_big_batch_shows_how_many_files_are_read_then_clears_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _batch(tmp_path / "batch", cli.FILES_BAR_MIN + 10)
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert cli.main(["extract", "--no-cache", str(folder)]) == 0
    drawn = terminal.getvalue()
    total = cli.FILES_BAR_MIN + 10
    assert "reading [" in drawn and f"/{total} files" in drawn
    assert f"] 1/{total} files" in drawn  # from the first file on
    assert "\r\x1b[2K" in drawn and "␛" not in drawn  # real controls, not the inert stream's marks
    assert drawn.endswith("\r\x1b[2K")  # the line cleared once the last file is read
    assert drawn.count("reading [") <= 101  # redrawn at each percent, not at each file of a huge batch
    assert "approved a budget" in capsys.readouterr().out


def test_no_bar_on_a_pipe_nor_for_a_small_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    big = _batch(tmp_path / "big", cli.FILES_BAR_MIN)
    small = _batch(tmp_path / "small", cli.FILES_BAR_MIN - 1)
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    assert cli.main(["extract", "--no-cache", str(big)]) == 0  # stderr is pytest's capture: no terminal
    assert "reading [" not in capsys.readouterr().err
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert cli.main(["extract", "--no-cache", str(small)]) == 0
    assert "reading [" not in terminal.getvalue()
