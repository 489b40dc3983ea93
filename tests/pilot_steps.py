"""Shared by the Pilot tests: steps a test takes between keys."""

from __future__ import annotations

import contextlib
from typing import Any

from textual.worker import WorkerCancelled


async def settle(app: Any, pilot: Any) -> None:
    """Let the app's messages and workers run out: a key's work is on screen after it. A worker the app
    cancelled while it was awaited has run out too: an app that exits (a batch refused at loading) cancels
    its workers, and the wait raised WorkerCancelled when the exit came first (a race, seen in CI)."""
    await pilot.pause()
    with contextlib.suppress(WorkerCancelled):
        await app.workers.wait_for_complete()
    await pilot.pause()
