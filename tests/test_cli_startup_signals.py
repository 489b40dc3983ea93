"""A signal in the first moments of a command (its modules still being imported, ~0.3 s): it ended the command
silently (SIGTERM, SIGHUP: the system's default action) or with the import's traceback (ctrl+c). Both entry
points, ``python -m factcheck`` and the ``factcheck`` command as pyproject declares it, are run as real
processes and sent the signal right after they start.

What is accepted, and why: a signal that comes before the process runs any of factcheck's code (the
interpreter starting) can only end it by the system's default action, silently with the signal's code (the
shell shows 130, 143, 129); from the moment factcheck's first module runs, the one line and the conventional
exit code. So each run must end one of these two ways, never with a traceback; and a signal sent once the
interpreter has had time to start (measured here, on this machine, as the time `import factcheck` takes in a
fresh process) must give the line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORDS = {"SIGINT": "interrupted", "SIGTERM": "terminated (SIGTERM)", "SIGHUP": "hung up (SIGHUP)"}


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        FACTCHECK_CONFIG=str(tmp_path / "no-config.toml"),
        FACTCHECK_CACHE=str(tmp_path / "cache.sqlite3"),
        FACTCHECK_NO_CACHE="1",
    )


def _console_script() -> list[str]:
    """The ``factcheck`` command as the installer makes it from pyproject: import the entry, call it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    entry = project["scripts"]["factcheck"]
    module, func = entry.split(":")
    return [sys.executable, "-c", f"import sys; from {module} import {func}; sys.exit({func}())"]


ENTRIES = {"python -m factcheck": [sys.executable, "-m", "factcheck"], "factcheck": _console_script()}


def _started_in(tmp_path: Path) -> float:
    """How long a fresh interpreter takes here to start and import the factcheck package (the machine may be
    busy): the slowest of three."""
    took = []
    for _ in range(3):
        t = time.monotonic()
        subprocess.run([sys.executable, "-c", "import factcheck"], env=_env(tmp_path), check=True)
        took.append(time.monotonic() - t)
    return max(took)


def _run_and_signal(argv: list[str], sig: str, delay: float, tmp_path: Path, seeds: Path) -> tuple[int, str]:
    proc = subprocess.Popen(
        [*argv, "extract", str(seeds)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(tmp_path),
    )
    time.sleep(delay)
    proc.send_signal(getattr(signal, sig))
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err.decode("utf-8", "replace")


def _outcome(code: int, err: str, sig: str) -> str:
    """The run's outcome: "said" (the one line and the code), "not started" (ended by the system before any of factcheck's code
    ran: silently; for ctrl+c, Python's traceback of the interpreter's own start-up), or "wrong"."""
    number = int(getattr(signal, sig))
    lines = err.strip().splitlines()
    if code == 128 + number and lines and lines[-1] == f"factcheck: {WORDS[sig]}" and "Traceback" not in err:
        return "said"
    if code == -number and not lines:
        return "not started"
    frames = [f for f in err.splitlines() if f.strip().startswith("File ")]
    ours = [f for f in frames if f"{os.sep}factcheck{os.sep}" in f]
    if sig == "SIGINT" and "Traceback" in err and not ours:
        return "not started"
    return "wrong"


@pytest.mark.parametrize("entry", sorted(ENTRIES))
@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_signal_during_start_up_ends_with_one_line(seeds_copy: Path, tmp_path: Path, entry: str, sig: str):
    if not hasattr(signal, sig):
        pytest.skip(f"no {sig} here")
    code, err = _run_and_signal(ENTRIES[entry], sig, 0.0, tmp_path, seeds_copy)
    assert _outcome(code, err, sig) != "wrong", (code, err)
    # Sent once the interpreter has had time to start (twice what importing the package takes here): the
    # command's own modules are still being imported (4-7 times as long). The machine may be busy: a run that
    # the signal still finds not started is tried again, up to three times.
    for _ in range(3):
        code, err = _run_and_signal(ENTRIES[entry], sig, 2 * _started_in(tmp_path), tmp_path, seeds_copy)
        got = _outcome(code, err, sig)
        assert got != "wrong", (code, err)
        if got == "said":
            break
    assert got == "said", (code, err)


def test_a_signal_inside_a_classs_set_name_still_ends_with_one_line(monkeypatch, capsys):
    """A SIGTERM that came while a class was being made (``functools.cached_property.__set_name__`` of
    ``ipaddress``, in the import) reached the entry point wrapped: "RuntimeError: Error calling __set_name__
    ...", its cause our ``Ended``, and printed that traceback (Python 3.11). The wrapped signal ends it the same."""
    import factcheck.__main__ as entry
    import factcheck.cli as cli
    from factcheck.interrupts import Ended

    class Holder:
        pass

    def made_during_a_signal() -> int:
        class Named:
            def __set_name__(self, owner: type, name: str) -> None:
                raise Ended(signal.SIGTERM)

        type("Made", (Holder,), {"attr": Named()})  # Python 3.11 wraps it in a RuntimeError; 3.12 does not
        return 0

    monkeypatch.setattr(cli, "main", made_during_a_signal)
    assert entry.run() == 143
    assert capsys.readouterr().err.strip() == "factcheck: terminated (SIGTERM)"

    def a_plain_error() -> int:
        raise RuntimeError("not a signal")

    monkeypatch.setattr(cli, "main", a_plain_error)
    with pytest.raises(RuntimeError, match="not a signal"):
        entry.run()
