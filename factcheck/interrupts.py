"""How a command ends on ctrl+c, SIGTERM or SIGHUP: one line saying so and the signal's conventional exit code.

Standard library only, and nothing else imported: the entry points (``python -m factcheck``, the ``factcheck``
command) install these handlers before the command's own modules are imported (about 0.3 s of start-up), so a
signal sent then ends the command with its line too, not silently (SIGTERM, SIGHUP) or with a traceback of
the import (ctrl+c). A signal that comes before even this module runs (the interpreter starting) ends the
process by the system's default action: silently, with the signal's code (130, 143, 129 in a shell).
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any, ClassVar


class Ended(KeyboardInterrupt):
    """SIGTERM or SIGHUP (an SSH link dropped) sent to a plain command: it ends as ctrl+c ends it (every
    ``except KeyboardInterrupt`` of a command runs: ``fetch`` lists what it stored), one line saying so, with
    the signal's conventional exit code (128 + its number: 143, 129) where ctrl+c gives 130. Before, Python's
    default action ended the command without a word. The review app puts handlers of its own in place while
    it runs (it saves the session first)."""

    NAMES: ClassVar[dict[str, str]] = {"SIGTERM": "terminated (SIGTERM)", "SIGHUP": "hung up (SIGHUP)"}

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @staticmethod
    def code(e: KeyboardInterrupt) -> int:
        """The exit code of a command ended by ``e``."""
        return 128 + e.signum if isinstance(e, Ended) else 130

    @staticmethod
    def word(e: KeyboardInterrupt) -> str:
        """What ended the command, as its last line says it."""
        if isinstance(e, Ended):
            return Ended.NAMES.get(signal.Signals(e.signum).name, f"ended by signal {e.signum}")
        return "interrupted"


def say_ended(e: KeyboardInterrupt) -> int:
    """Say on stderr what ended the command (on a line of its own after a progress bar on a terminal: the
    shell's prompt came on the bar's line); its exit code."""
    with contextlib.suppress(
        OSError, ValueError, AttributeError
    ):  # (after a hangup the terminal may be gone)
        on_terminal = bool(sys.stderr and sys.stderr.isatty())
        line = f"factcheck: {Ended.word(e)}"
        print("\n" + line if on_terminal else line, file=sys.stderr)
    return Ended.code(e)


@contextlib.contextmanager
def ending_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP raise ``Ended`` inside (not where the process ignores them: ``nohup`` keeps a
    command running after a hangup); the handlers before are put back after."""
    if threading.current_thread() is not threading.main_thread():  # (signal handlers: main thread only)
        yield
        return

    def end(signum: int, frame: object) -> None:
        raise Ended(signum)

    before: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) is not signal.SIG_IGN:
            before[sig] = signal.signal(sig, end)
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


# SIGTERM's and SIGHUP's handlers as the process had them when this module was first imported (the system's
# default action, or "ignored" under nohup): what ``as_at_start`` puts back.
_AT_START: dict[int, Any] = {
    sig: signal.getsignal(sig) for sig in (getattr(signal, n, None) for n in ("SIGTERM", "SIGHUP")) if sig
}


@contextlib.contextmanager
def as_at_start() -> Iterator[None]:
    """SIGTERM and SIGHUP handled inside as the process had them at start: around the review app, which puts
    handlers of its own in place once it runs (saving the session first). ``Ended`` raised inside its event
    loop, before they are in place, would leave the terminal in the app's screen mode."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {sig: signal.signal(sig, handler) for sig, handler in _AT_START.items() if handler is not None}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
