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


if __name__ == "__main__":
    raise SystemExit(run())
