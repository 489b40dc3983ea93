"""The CLI with odd standard streams and signals, as a reviewer over SSH meets them (qa25): a closed standard
output, ctrl+c in the middle of a batch. Run as real processes: what is checked is what a shell shows."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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


class _SlowAfterTwo(BaseHTTPRequestHandler):
    """Two pages answered at once, every later one after a minute (a slow server, waited for)."""

    served = 0
    released = threading.Event()  # (set when the test ends: a waiting answer goes, to a client long gone)
    body = (
        "<html><head><title>Budget</title></head><body><article><p>"
        + "The council approved a budget of 4 million euros on 3 May 2024, the mayor said on Tuesday. " * 8
        + "</p></article></body></html>"
    ).encode()

    def do_GET(self) -> None:
        type(self).served += 1
        if type(self).served > 2:
            type(self).released.wait(60)
        # (the client killed meanwhile: its closed socket is no error to print over a later test's stderr)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(self.body)))
            self.end_headers()
            self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize(
    ("sig", "code", "word"), [("SIGTERM", 143, "terminated"), ("SIGHUP", 129, "hung up")]
)
def test_sigterm_or_sighup_during_a_fetch_lists_the_pages_stored(
    tmp_path: Path, sig: str, code: int, word: str
):
    """SIGTERM or SIGHUP (an SSH link dropped) killed `fetch` with Python's default action: not a word, and
    the lines saying where the pages went, still in the output's buffer, were lost though the pages stayed
    on disk (qa25). It ends as ctrl+c does: the pages stored listed, one line saying what ended it, the
    signal's conventional exit code (128 + its number)."""
    if not hasattr(signal, sig):
        pytest.skip(f"no {sig} here")
    _SlowAfterTwo.served = 0
    _SlowAfterTwo.released.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _SlowAfterTwo)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    out = tmp_path / "out"
    urls = [f"http://127.0.0.1:{httpd.server_address[1]}/{c}.html" for c in "abcd"]
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "fetch", *urls, "-o", str(out), "--timeout", "90"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=_env(tmp_path),
            restore_signals=True,
        )
        deadline = time.monotonic() + 60
        while _SlowAfterTwo.served < 3 and time.monotonic() < deadline:  # (the third page is waited for)
            time.sleep(0.05)
        time.sleep(0.3)
        proc.send_signal(getattr(signal, sig))
        got, err = proc.communicate(timeout=60)
    finally:
        _SlowAfterTwo.released.set()
        httpd.shutdown()
        httpd.server_close()
    assert proc.returncode == code, err
    assert [line.split("\t")[2] for line in got.decode().splitlines()] == urls[:2], got
    assert err.decode().strip().splitlines()[-1] == f"factcheck: {word} ({sig}): 2 of 4 pages stored in {out}"
    assert b"Traceback" not in err


@pytest.mark.parametrize(
    ("sig", "code", "word"), [("SIGTERM", 143, "terminated"), ("SIGHUP", 129, "hung up")]
)
def test_sigterm_or_sighup_during_extract_says_so(tmp_path: Path, sig: str, code: int, word: str):
    """A plain command ended by SIGTERM or SIGHUP says so on a line of its own, with the signal's exit code;
    under `nohup` (SIGHUP ignored) a hangup leaves it running."""
    if not hasattr(signal, sig):
        pytest.skip(f"no {sig} here")
    folder = tmp_path / "batch"
    folder.mkdir()
    para = "The council approved a budget of {n} million euros on 3 May 2024, the mayor said on Tuesday. "
    for i in range(3000):
        (folder / f"a{i:03}.txt").write_text(f"Budget {i}\n\n" + para.format(n=i) * 20, encoding="utf-8")
    argv = [sys.executable, "-m", "factcheck", "extract", "--no-cache", str(folder)]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env(tmp_path))
    time.sleep(2)  # (past the imports: the batch is being read)
    proc.send_signal(getattr(signal, sig))
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert err.decode().strip().splitlines()[-1] == f"factcheck: {word} ({sig})", err
    assert b"Traceback" not in err
    if sig == "SIGHUP":  # nohup: the signal is ignored, the command runs on
        ignored = subprocess.Popen(
            argv,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=_env(tmp_path),
            preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN),
        )
        time.sleep(2)
        ignored.send_signal(signal.SIGHUP)
        time.sleep(0.5)
        assert ignored.poll() is None
        ignored.send_signal(signal.SIGTERM)
        ignored.communicate(timeout=60)
