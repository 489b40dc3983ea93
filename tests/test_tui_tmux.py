"""The real `factcheck` in a real terminal (tmux): start on a copy of the seeds, press keys, read the
screen with capture-pane, quit, and check the session file. Skipped where tmux is missing."""

from __future__ import annotations

import os
import shlex
import shutil
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
        screen = t.wait_for("reviewed", timeout=90)  # the batch is read first (slow on a busy machine)
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
