"""Bytes the TUI writes to the terminal per key (what a reviewer over SSH waits for), this tree beside another.

    /work/venv/bin/python bench/tui_bytes.py --base /tmp/base13b [--size 120x40]

Each tree runs ``factcheck review`` on a copy of the seeds, with a new session, in a tmux server of its own
(a socket named after this process) at the given size; tmux's ``pipe-pane`` copies what the app writes to a
file, which is emptied before each key and measured once the screen has settled. Keys: ``j`` twice, ``c``
three times (a verdict; the cursor moves on), ``J``, ``g`` and ``escape``. A key that changes one line
should write about one line; a screen switch (``g``, ``escape``) redraws the screen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEYS = ["j", "j", "c", "c", "c", "J", "g", "Escape"]


def _run_tree(tree: Path, tmp: Path, size: tuple[int, int], settle: float) -> list[tuple[str, int]]:
    seeds = tmp / f"seeds-{tree.name}"
    shutil.copytree(ROOT / "seeds", seeds)
    out = tmp / f"pipe-{tree.name}.bin"
    out.touch()
    sock = f"fc-bytes-{os.getpid()}-{tree.name}"  # (a server of its own for each tree)
    tmux = ["tmux", "-L", sock]
    cmd = (
        f"cd {tmp} && PYTHONPATH={tree} FACTCHECK_CACHE={tmp / 'cache.sqlite3'} {sys.executable} -m factcheck "
        f"review {seeds} --session {tmp / f'{tree.name}.toml'}; sleep 60"
    )
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "fc", "-x", str(size[0]), "-y", str(size[1]), cmd], check=True
    )
    try:
        time.sleep(settle * 4)  # (the batch read and the first screen drawn)
        subprocess.run([*tmux, "pipe-pane", "-t", "fc", "-o", f"cat >> {out}"], check=True)
        time.sleep(settle)
        sizes = []
        for key in KEYS:
            out.write_bytes(b"")
            subprocess.run([*tmux, "send-keys", "-t", "fc", key], check=True)
            time.sleep(settle)
            sizes.append((key, out.stat().st_size))
        return sizes
    finally:
        subprocess.run([*tmux, "kill-server"], check=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--base", type=Path, required=True, help="the baseline tree (a worktree of the round's start)"
    )
    ap.add_argument("--size", default="120x40", help="terminal columns x rows")
    ap.add_argument("--settle", type=float, default=1.5, help="seconds a key is given to draw its screen")
    a = ap.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed")
    cols, rows = (int(x) for x in a.size.split("x"))
    tmp = Path(tempfile.mkdtemp(prefix="fc-tui-bytes-"))
    try:
        trees = {"this tree": ROOT, "baseline": a.base.resolve()}
        got = {name: _run_tree(tree, tmp, (cols, rows), a.settle) for name, tree in trees.items()}
        print(f"bytes written to a {cols}x{rows} terminal per key (seeds, a new session)")
        print(f"{'key':10} {'this tree':>10} {'baseline':>10}")
        for i, key in enumerate(KEYS):
            print(f"{key:10} {got['this tree'][i][1]:>10,} {got['baseline'][i][1]:>10,}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
