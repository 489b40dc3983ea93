"""Crash safety: a save killed with SIGKILL at any moment leaves a session that loads and holds the last
completed save or the new one — never a partial file, never nothing.

The kills are placed, not timed: a child process runs one save and kills itself just before its first,
second, third ... file-system call (creating the temp file, flushing it, fsyncing, rotating each backup,
the rename, the folder's fsync, the history file's own steps), until a save runs to its end. Every state a
kill can leave on disk is reached on every machine, whatever its load (a timed kill lands mostly while the
text is built, before any file is touched, and how many land mid-write depends on the machine's speed).
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from factcheck import session as sess
from factcheck.model import Verdict

# Every os function a save can change the disk with (tempfile.mkstemp opens through os.open; the temp
# file's own write goes through its file object and happens between the open and the fchmod).
_DISK_CALLS = (
    "open",
    "write",
    "pwrite",
    "ftruncate",
    "fchmod",
    "fsync",
    "link",
    "unlink",
    "rename",
    "replace",
)


def _data(generation: int) -> sess.SessionData:
    """Session number ``generation``: its decisions and history say which save it was."""
    data = sess.SessionData(reviewer=f"gen {generation}", corpus=["../corpus"])
    data.articles["a.txt"] = sess.ArticleRecord("a.txt", "f00d")
    for i in range(150):
        cid = f"c{i:010x}"
        data.decisions[cid] = sess.Decision(
            cid, "a.txt", f"claim {i} " * 8, Verdict.CONFIRMED, note=f"generation {generation}\nnote {i} " * 3
        )
    for s in range(generation % 50):
        data.add_history(
            sess.HistoryEntry(
                s + 1, sess.utcnow(), "x", "mark", "decision", "c0000000000", {}, {"g": generation}
            )
        )
    return data


def _die_before_call(step: int) -> None:
    """Child only: SIGKILL this process just before its ``step``-th file-system call (1 = the first)."""
    count = 0

    def wrap(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            nonlocal count
            count += 1
            if count == step:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return call

    for name in _DISK_CALLS:
        setattr(os, name, wrap(getattr(os, name)))


def _save_killed_at(path: Path, generation: int, step: int) -> bool:
    """Save ``generation`` in a child killed before its ``step``-th file-system call; True if the save ran
    to its end first (it had fewer calls than ``step``)."""
    pid = os.fork()
    if pid == 0:
        try:
            _die_before_call(step)
            sess.save(path, _data(generation), expected=False)
            os._exit(0)
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL
        return False
    assert os.WEXITSTATUS(status) == 0, "the save failed"
    return True


def _generation(path: Path) -> int:
    data = sess.load(path)  # never a partial file, never nothing
    gen = int(data.reviewer.split()[1])
    assert all(d.note.startswith(f"generation {gen}\n") for d in data.decisions.values())
    assert len(data.decisions) == 150 and len(data.history) == gen % 50
    return gen


@pytest.mark.parametrize("generation", [1, 2, 3, 4, 50])  # backups filling up; a history that shrinks
def test_sigkill_before_any_step_of_a_save_never_leaves_a_broken_session(
    tmp_path: Path, generation: int
) -> None:
    before = tmp_path / "before"
    before.mkdir()
    for g in range(max(0, generation - 4), generation):  # the saves before: session, history, backups
        sess.save(before / "s.toml", _data(g))
    steps = temps_left = new_visible = 0
    while True:
        steps += 1
        folder = tmp_path / f"kill{steps}"
        shutil.copytree(before, folder)  # each kill interrupts the same save of the same files
        path = folder / "s.toml"
        if _save_killed_at(path, generation, steps):
            break
        gen = _generation(path)
        # The last completed save, or the new one if the kill came after its rename.
        assert gen in (generation - 1, generation), (steps, gen)
        new_visible += gen == generation
        for b in sess.backup_paths(path):
            if b.exists():
                sess.load(b)
        temps = [p for p in folder.iterdir() if p.name.endswith(".tmp")]
        temps_left += bool(temps)
        # The temp files of killed saves are removed by the next writer that holds the lock.
        sess.remove_stale_temp(path)
        assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
        shutil.rmtree(folder)
    assert _generation(path) == generation
    # The kills reached the states that matter: a temp file written but not yet renamed, and the new
    # version in place before the save finished (its folder not yet fsynced).
    assert temps_left >= 2 and new_visible >= 1, (steps, temps_left, new_visible)
