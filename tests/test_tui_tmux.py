"""The real `factcheck` in a real terminal (tmux): start on a copy of the seeds, press keys, read the
screen with capture-pane, quit, and check the session file. Skipped where tmux is missing."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck import session as sess
from factcheck.model import Verdict

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Tmux:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def run(self, *args: str) -> str:
        out = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20)
        return out.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "fc")

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        end = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < end:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{shown}")


def test_factcheck_in_tmux(seeds_copy: Path, tmp_path: Path):
    session = tmp_path / "review.toml"
    env = {
        "FACTCHECK_CONFIG": str(tmp_path / "no-config.toml"),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
    }
    cmd = (
        f"cd {shlex.quote(str(tmp_path))} && "
        f"{shlex.quote(sys.executable)} -m factcheck review {shlex.quote(str(seeds_copy))} "
        f"--session {shlex.quote(str(session))}; echo FC_EXIT=$?; sleep 30"
    )
    t = Tmux(f"fc-test-{os.getpid()}")
    args = ["new-session", "-d", "-s", "fc", "-x", "120", "-y", "40"]
    for k, v in env.items():
        args += ["-e", f"{k}={v}"]
    t.run(*args, cmd)
    try:
        # the first articles show while the batch loads; changes wait until it is read ("saved"/"unsaved"
        # replaces "loading" in the status line; slow on a busy machine)
        t.wait_for("saved", timeout=90)
        screen = t.wait_for("reviewed")
        assert "Articles" in screen and "Claims" in screen
        assert "0/" in screen  # nothing reviewed yet
        t.run("send-keys", "-t", "fc", "c")
        screen = t.wait_for("✓1")
        t.run("send-keys", "-t", "fc", "j", "d")
        t.wait_for("✗1")
        t.run("send-keys", "-t", "fc", "q")
        t.wait_for("FC_EXIT=0")
    finally:
        t.run("kill-server")
    data = sess.load(session)
    verdicts = sorted(str(d.verdict) for d in data.decisions.values() if d.verdict != Verdict.UNREVIEWED)
    assert verdicts == ["confirmed", "disputed"]


def _start(
    t: Tmux,
    tmp_path: Path,
    corpus: Path,
    session: Path,
    size: tuple[int, int],
    *,
    exec_: bool = False,
    env_extra: dict[str, str] | None = None,
) -> None:
    env = {
        "FACTCHECK_CONFIG": str(tmp_path / "no-config.toml"),
        "FACTCHECK_STATE": str(tmp_path / "state.toml"),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        **(env_extra or {}),
    }
    run = (
        f"{shlex.quote(sys.executable)} -m factcheck review {shlex.quote(str(corpus))} "
        f"--session {shlex.quote(str(session))}"
    )
    if exec_:  # the pane's process is factcheck itself (for signals)
        cmd = f"cd {shlex.quote(str(tmp_path))} && exec {run}"
    else:
        cmd = f"cd {shlex.quote(str(tmp_path))} && {run}; echo FC_EXIT=$?; sleep 30"
    args = ["new-session", "-d", "-s", "fc", "-x", str(size[0]), "-y", str(size[1])]
    for k, v in env.items():
        args += ["-e", f"{k}={v}"]
    t.run(*args, cmd)


def _wait_main(t: Tmux) -> str:
    """The main screen is up, with the whole batch read, when the status bar shows the session file's name
    and whether it is saved (while the batch loads it says "loading" instead)."""
    t.wait_for("review.toml", timeout=90)
    return t.wait_for("saved", timeout=90)


def _kill_the_app(t: Tmux, sig: int) -> None:
    """Send ``sig`` to the app running in the pane and wait (20 s at most) for it to end."""
    pid = int(t.run("list-panes", "-t", "fc", "-F", "#{pane_pid}").split()[0])
    os.kill(pid, sig)
    end = time.monotonic() + 20
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)


@pytest.mark.parametrize("size", [(38, 15), (50, 15), (80, 24), (120, 40)])
def test_no_crash_at_any_size_in_tmux(seeds_copy: Path, tmp_path: Path, size: tuple[int, int]):
    session = tmp_path / "review.toml"
    t = Tmux(f"fc-size-{os.getpid()}-{size[0]}")
    _start(t, tmp_path, seeds_copy, session, size)
    try:
        _wait_main(t)
        t.run("send-keys", "-t", "fc", "j", "c", "J", "tab", "j")
        time.sleep(0.5)
        t.run("send-keys", "-t", "fc", "e")  # the note dialog, shrunk, then escape (the reported crash)
        time.sleep(0.5)
        t.run("resize-window", "-t", "fc", "-x", "30", "-y", "10")
        time.sleep(0.5)
        t.run("send-keys", "-t", "fc", "Escape")
        time.sleep(0.5)
        t.run("resize-window", "-t", "fc", "-x", str(size[0]), "-y", str(size[1]))
        time.sleep(0.5)
        assert "Traceback" not in t.screen()
        t.run("send-keys", "-t", "fc", "q")
        screen = t.wait_for("FC_EXIT=", timeout=30)
        assert "FC_EXIT=0" in screen, screen
    finally:
        t.run("kill-server")
    data = sess.load(session)
    assert [str(d.verdict) for d in data.decisions.values() if d.verdict != Verdict.UNREVIEWED] == [
        "confirmed"
    ]


@pytest.mark.parametrize("signame", ["HUP", "TERM"])
def test_hangup_and_terminate_save_first(seeds_copy: Path, tmp_path: Path, signame: str):
    session = tmp_path / "review.toml"
    (tmp_path / "no-config.toml").write_text("autosave_delay = 60\n", encoding="utf-8")  # no autosave
    t = Tmux(f"fc-sig-{os.getpid()}-{signame}")
    _start(t, tmp_path, seeds_copy, session, (100, 30), exec_=True)
    try:
        _wait_main(t)
        t.run("send-keys", "-t", "fc", "d")
        t.wait_for("✗1")
        _kill_the_app(t, getattr(signal, f"SIG{signame}"))
    finally:
        t.run("kill-server")
    data = sess.load(session)
    assert [str(d.verdict) for d in data.decisions.values() if d.verdict != Verdict.UNREVIEWED] == [
        "disputed"
    ]


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_the_screen_is_drawn_in_utf8_whatever_the_locale_says(
    seeds_copy: Path, tmp_path: Path, encoding: str
):
    """Over SSH the far side's locale may say ASCII or Latin-1 while the terminal reads UTF-8 (qa25): every
    box-drawing glyph and "…" was written as a Python escape ("\\u256d\\u2500 Articles"), a screen of garbage.
    The screen is drawn in UTF-8 (Textual reads the keys as UTF-8 already); marking and quitting work."""
    session = tmp_path / "review.toml"
    t = Tmux(f"fc-enc-{os.getpid()}-{encoding}")
    env = {"PYTHONIOENCODING": encoding, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    _start(t, tmp_path, seeds_copy, session, (100, 30), env_extra=env)
    try:
        screen = _wait_main(t)
        assert "\\u2500" not in screen and "\\u2502" not in screen, screen
        assert "╭─ Articles" in screen, screen
        t.run("send-keys", "-t", "fc", "c")
        t.wait_for("✓1")
        t.run("send-keys", "-t", "fc", "q")
        screen = t.wait_for("FC_EXIT=", timeout=30)
        assert "FC_EXIT=0" in screen, screen
    finally:
        t.run("kill-server")
    data = sess.load(session)
    assert [str(d.verdict) for d in data.decisions.values() if d.verdict != Verdict.UNREVIEWED] == [
        "confirmed"
    ]


@pytest.mark.parametrize("existing", [False, True])
def test_a_decision_survives_sigkill_within_the_autosave_delay(
    seeds_copy: Path, tmp_path: Path, existing: bool
):
    """`kill -9` (a dropped connection, a power cut) right after a mark, long before the autosave: the mark is
    in the session's journal, and the next opening makes it again (on a new session whose file was never
    written, and on one saved before)."""
    from factcheck.review import Review

    session = tmp_path / "review.toml"
    (tmp_path / "no-config.toml").write_text("autosave_delay = 60\n", encoding="utf-8")  # no autosave
    if existing:  # a session saved before, with one decision
        with Review.open(session, [str(seeds_copy)]) as r:
            first = r.corpus.all_claims()[0].id
            r.mark(first, "confirmed")
            r.save()
    t = Tmux(f"fc-kill-{os.getpid()}-{int(existing)}")
    _start(t, tmp_path, seeds_copy, session, (100, 30), exec_=True)
    try:
        _wait_main(t)
        t.run("send-keys", "-t", "fc", "j", "d")
        t.wait_for("✗1")
        _kill_the_app(t, signal.SIGKILL)
    finally:
        t.run("kill-server")
    assert (tmp_path / "review.toml.journal").is_file()
    with Review.open(session, [str(seeds_copy)]) as r:
        got = sorted(str(d.verdict) for d in r.data.decisions.values() if d.verdict != Verdict.UNREVIEWED)
        assert got == (["confirmed", "disputed"] if existing else ["disputed"])
        assert any("made again" in n for n in r.report.notices), r.report.notices
        assert r.undo() is not None  # the mark's history row came back too: it is undone
        assert r.redo() is not None
        r.save()
    # saved and closed: the session file holds it, the journal is gone
    assert not (tmp_path / "review.toml.journal").exists()
    data = sess.load(session)
    assert sorted(str(d.verdict) for d in data.decisions.values() if d.verdict != Verdict.UNREVIEWED) == (
        ["confirmed", "disputed"] if existing else ["disputed"]
    )
