"""The CLI with odd standard streams and signals, as a reviewer over SSH meets them (qa25): a closed standard
output, ctrl+c in the middle of a batch. Run as real processes: what is checked is what a shell shows."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        FACTCHECK_CONFIG=str(tmp_path / "no-config.toml"),
        FACTCHECK_CACHE=str(tmp_path / "cache.sqlite3"),
    )


@pytest.mark.parametrize("closed", [1, 2])
def test_a_closed_standard_stream_is_no_traceback(seeds_copy: Path, tmp_path: Path, closed: int):
    """`factcheck extract seeds >&-` ended in an AttributeError traceback ('NoneType' object has no attribute
    'flush') and exit code 120: Python makes a closed stream None, and the inert stream wrapped it. What goes
    to a closed stream now goes nowhere, as with a plain print, and the command's exit code is its own."""
    missing = [str(tmp_path / "missing.txt")] if closed == 2 else []  # (a line for the closed stderr)
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "extract", str(seeds_copy), *missing],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE if closed == 1 else subprocess.DEVNULL,
        preexec_fn=lambda: os.close(closed),
        env=_env(tmp_path),
        timeout=120,
    )
    shown = (proc.stderr if closed == 1 else proc.stdout) or b""
    assert proc.returncode == (1 if missing else 0), shown
    assert b"Traceback" not in shown and b"Error" not in shown, shown
    if closed == 2:  # the error line went nowhere, and the listing still came (the traceback ended it first)
        assert b"claims" in proc.stdout, proc.stdout


def test_ctrl_c_during_extract_says_so_and_exits_130(tmp_path: Path):
    """ctrl+c in the middle of `extract` over a big folder ended with exit code 130 and not a word (after a
    progress bar, the shell's prompt came on the bar's line): one line says it, no traceback."""
    folder = tmp_path / "batch"
    folder.mkdir()
    para = (
        "The council approved a budget of {n} million euros on 3 May 2024, the mayor said on Tuesday. "
        "The bridge over the river will open in June, according to the transport office. "
    )
    for i in range(3000):
        (folder / f"a{i:03}.txt").write_text(f"Budget {i}\n\n" + para.format(n=i) * 20, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "extract", "--no-cache", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(tmp_path),
        restore_signals=True,
    )
    time.sleep(2)  # (past the imports: the batch is being read)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.decode().strip().splitlines()[-1] == "factcheck: interrupted", err
    assert b"Traceback" not in err
