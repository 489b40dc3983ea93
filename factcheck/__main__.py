"""``python -m factcheck`` and the ``factcheck`` command (pyproject's ``[project.scripts]``): ``run``."""

from __future__ import annotations

import sys


def run() -> int:
    """``factcheck ARGV``: the exit code. ctrl+c, SIGTERM and SIGHUP are handled from here on, before the
    command's modules are imported (about 0.3 s): a signal then ends it with one line and its code (130, 143,
    129), as later; before, SIGTERM and SIGHUP ended it silently and ctrl+c printed the import's traceback."""
    try:
        from factcheck.interrupts import ending_signals, say_ended
    except KeyboardInterrupt:  # (ctrl+c in the first milliseconds: the one line all the same)
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    try:
        with ending_signals():
            from factcheck.cli import main

            return main()
    except KeyboardInterrupt as e:  # (main says it itself once it runs: this is the import's)
        return say_ended(e)
    except Exception as e:  # a signal that came inside a class's ``__set_name__`` is wrapped (Python 3.11:
        # "RuntimeError: Error calling __set_name__ ..." with the interrupt as its cause): the same one line
        signalled = _interrupt_behind(e)
        if signalled is None:
            raise
        return say_ended(signalled)


def _interrupt_behind(e: BaseException) -> KeyboardInterrupt | None:
    """The ctrl+c or ending signal an exception was raised from (its causes and contexts), if any."""
    seen: set[int] = set()
    cur: BaseException | None = e
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, KeyboardInterrupt):
            return cur
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return None


if __name__ == "__main__":
    raise SystemExit(run())
