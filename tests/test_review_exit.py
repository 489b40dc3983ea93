"""`factcheck review`'s exit code and stderr once the app closes, for a batch with unreadable inputs.

The app itself is replaced by one that reads the batch through the real opener and quits at once: what is
tested is what `review` tells the shell after the reviewer quits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import factcheck.tui.app as tui_app
from factcheck.cli import main
from factcheck.review import Review

TEXT = "The finance minister said on Monday that inflation rose to 3.4 percent in March, the highest level since 2019.\n"


class _ReadsAndQuits:
    """An app that opens the review as the real one's worker does, then quits (q) at once."""

    def __init__(self, opener: tui_app.Opener) -> None:
        self.opener = opener
        self.error: str | None = None
        self.save_error: str | None = None
        self.rescued: Path | None = None
        self.return_code: int | None = 0
        self.review: Review | None = None

    def run(self) -> None:
        loading = SimpleNamespace(
            progress=lambda done, total: None, extracted=None, session_read=None, files_read=None
        )
        self.review = self.opener(loading)  # type: ignore[arg-type]
        self.review.close()


@pytest.fixture
def quits_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tui_app, "make_app", lambda _screen, _config, opener: _ReadsAndQuits(opener))


def test_review_of_a_batch_with_an_unreadable_file_exits_1_and_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], quits_at_once: None
) -> None:
    """README: every command exits 1 when some inputs are unreadable, each listed on stderr. `review` exited 0
    and said nothing once the app closed: the file not read (here Latin-1 text) was named only in a notice
    that had gone by the time the reviewer quit."""
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a.txt").write_text(TEXT, encoding="utf-8")
    (batch / "latin1.txt").write_bytes(
        "Le ministre a déclaré lundi que le chômage a baissé.\n".encode("latin-1")
    )
    code = main(["review", str(batch), "--session", str(tmp_path / "s.toml")])
    err = capsys.readouterr().err
    assert code == 1, err
    lines = err.splitlines()
    assert (
        len(lines) == 1 and lines[0].startswith("factcheck: ") and "latin1.txt: not valid UTF-8" in lines[0]
    )


def test_review_of_a_readable_batch_still_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], quits_at_once: None
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["review", str(tmp_path / "a.txt"), "--session", str(tmp_path / "s.toml")]) == 0
    assert capsys.readouterr().err == ""


def test_review_without_a_terminal_says_so_and_exits_2(tmp_path: Path) -> None:
    """qa19: `factcheck review ... < /dev/null` (a pipe, a cron job) drew its screen, read end-of-file from
    standard input forever and spun a core until killed (45 CPU minutes once on a shared machine). It now
    says in one line that the screen needs a terminal and exits 2, making no session. Run as a process, with a
    timeout: the old behaviour never ends."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    session = tmp_path / "s.toml"
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "review", str(tmp_path / "a.txt"), "--session", str(session)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "FACTCHECK_NO_CACHE": "1"},
    )
    assert done.returncode == 2, done.stderr[-500:]
    lines = done.stderr.splitlines()
    assert lines == [lines[0]] and "needs a terminal" in lines[0] and "standard input" in lines[0], lines
    assert not session.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_review_on_a_dumb_terminal_says_so_in_one_line_and_exits_2(tmp_path: Path) -> None:
    """qa29: with TERM=dumb (Emacs's shell buffer, a serial console) `factcheck review` drew its screen all
    the same: cursor moves and 24-bit colours written as text. On a terminal (a pseudo-terminal here) that
    says it is dumb it now says so in one line naming TERM, exits 2 and makes no session; the same terminal
    with another TERM is not refused (the screen opens: this test then quits it with ctrl+c)."""
    import pty
    import select
    import time

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")

    def run_on_a_terminal(term: str, session: Path) -> tuple[int | None, bytes]:
        master, slave = pty.openpty()
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "review", str(tmp_path / "a.txt"), "--session", str(session)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**os.environ, "FACTCHECK_NO_CACHE": "1", "TERM": term},
            close_fds=True,
        )
        os.close(slave)
        out = b""
        deadline = time.monotonic() + 90
        try:
            while time.monotonic() < deadline and proc.poll() is None:
                if select.select([master], [], [], 0.2)[0]:
                    try:
                        out += os.read(master, 65536)
                    except OSError:  # (the process ended: its side is closed)
                        proc.wait(timeout=30)
                        break
                if term != "dumb" and b"\x1b[" in out:  # the screen is being drawn: enough
                    break
            return proc.poll(), out
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=30)
            os.close(master)

    session = tmp_path / "dumb.toml"
    code, out = run_on_a_terminal("dumb", session)
    text = out.decode("utf-8", "replace")
    assert code == 2, text[-500:]
    assert "\x1b" not in text, text[:300]  # nothing drawn
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("factcheck: ") and "TERM=dumb" in lines[0], lines
    assert not session.exists()
    code, out = run_on_a_terminal("xterm-256color", tmp_path / "xterm.toml")
    assert code is None and b"\x1b[" in out, out[-300:]  # (still running, drawing)
