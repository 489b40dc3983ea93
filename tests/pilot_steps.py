"""Shared by the Pilot tests: steps a test takes between keys."""

from __future__ import annotations

from typing import Any


async def settle(app: Any, pilot: Any) -> None:
    """Let the app's messages and workers run out: a key's work is on screen after it."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
