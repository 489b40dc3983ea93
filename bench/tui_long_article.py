"""Keys on an article of thousands of claims (qa19's 20,000-sentence text), this tree beside another.

    /work/venv/bin/python bench/tui_long_article.py --base /tmp/base30 [--claims 20000] [--reps 3]

The batch, in a temporary folder: one text of ``--claims`` statements of fact (as tests/test_tui_keys.py's
``_long_article`` writes them, some short enough for one line of the Claims pane) and a short text. Each
tree runs in a fresh process (its own folder first on PYTHONPATH, the extraction cache off, so the batch is
read and grouped as a first opening is) and opens the review TUI headless at 120x40 as ``factcheck review``
does: the main screen is filled first and the batch is grouped in a worker. It times:

- ``j`` pressed while the batch is grouped (from the filled screen until the groups are in; each press);
- then, the batch grouped, each of ``j``, ``k``, ``c`` (confirm), ``J`` and ``K`` (to the short article and
  back: the long one filled again), ``end`` and ``home`` (the last and the first claim), ``--reps`` times.

Each figure is the key's wall time from the press to the screen update it caused settling (bench/tui.py's
hook) and the CPU time of the app's thread meanwhile. Also: seconds from start to the filled main screen.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent


def write_batch(folder: Path, n: int) -> None:
    """tests/test_tui_keys.py's ``_long_article``: ``n`` statements of fact in one text, and a short text."""
    folder.mkdir(parents=True)
    sentences = []
    for i in range(n):
        tail = "" if i % 3 else f", the lowest level since {1990 + i % 30} according to the national office"
        sentences.append(
            f"The mayor said on Monday that unemployment fell to {2 + i % 97 / 10:.1f} percent{tail}."
        )
    (folder / "long.txt").write_text(" ".join(sentences), encoding="utf-8")
    (folder / "short.txt").write_text(
        "The council said on Tuesday that the bridge will close on 3 May 2024 for repairs.", encoding="utf-8"
    )


async def settled(last: list[float], t0: float) -> None:
    """Wait until the screen has not been redrawn for 80 ms (``last[0]``: the time of the last redraw)."""
    while time.perf_counter() - max(last[0], t0) < 0.08:
        await asyncio.sleep(0.005)


async def _child(folder: str, session: str, reps: int) -> dict:
    from factcheck.tui.app import make_app, opener_for
    from factcheck.tui.config import Config
    from factcheck.tui.screens.main import MainScreen

    sys.path.insert(0, str(HERE))
    from tui import _hook_display  # type: ignore[import-not-found]

    t_start = time.perf_counter()
    app = make_app(None, Config(autosave_delay=30.0), opener=opener_for([folder], session))
    out: dict[str, list[list[float]]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        last = _hook_display(app)

        def filled() -> bool:
            m = app.screen
            return isinstance(m, MainScreen) and m.article is not None and not app.loading

        while not filled():
            await asyncio.sleep(0.05)
        out["filled main screen"] = [[time.perf_counter() - t_start, 0.0]]

        async def timed(name: str, *keys: str) -> None:
            last[0] = last[1] = 0.0
            c0, t0 = time.thread_time(), time.perf_counter()
            await pilot.press(*keys)
            await settled(last, t0)
            end = max(last[0], t0)
            out.setdefault(name, []).append([end - t0, time.thread_time() - c0])

        m = app.screen
        assert isinstance(m, MainScreen)
        if len(m.claims) < 100:  # (the long article first)
            await pilot.press("J")
        while app.grouping:
            await timed("j (while grouping)", "j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(reps):
            for name, key in (("j", "j"), ("k", "k"), ("c", "c"), ("J", "J"), ("K", "K"), ("end", "end")):
                await timed(name, key)
            await timed("home", "home")
        await pilot.press("q")
    return out


def run_child(script: str, tree: Path, folder: Path, tmp: Path, count: int) -> dict:
    """``script --child FOLDER SESSION COUNT`` run with the code tree ``tree`` and the extraction cache off: the
    result it prints on its ``RESULT`` line."""
    session = tmp / f"s-{tree.name}-{time.monotonic_ns()}.toml"
    proc = subprocess.run(
        [sys.executable, str(Path(script).resolve()), "--child", str(folder), str(session), str(count)],
        capture_output=True,
        text=True,
        cwd=tmp,
        env={**os.environ, "PYTHONPATH": str(tree), "FACTCHECK_NO_CACHE": "1"},
        timeout=3600,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise SystemExit(f"child on {tree} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print("RESULT " + json.dumps(asyncio.run(_child(sys.argv[2], sys.argv[3], int(sys.argv[4])))))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--base", type=Path, required=True, help="the baseline tree (a git archive of the round's start)"
    )
    ap.add_argument("--claims", type=int, default=20000, help="statements of fact in the long article")
    ap.add_argument("--reps", type=int, default=3, help="presses of each key once the batch is grouped")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="fc-tui-long-") as name:
        tmp = Path(name)
        folder = tmp / "batch"
        write_batch(folder, a.claims)
        trees = {"this tree": ROOT, "baseline": a.base.resolve()}
        results = {label: run_child(__file__, tree, folder, tmp, a.reps) for label, tree in trees.items()}
        print(
            f"one article of {a.claims:,} statements and a short one; 120x40; cache off; {a.reps} presses a key"
        )
        print(
            f"{'key':24} {'this tree: wall mean / max, CPU mean':>42}   {'baseline: wall mean / max, CPU mean':>42}"
        )
        for key in results["this tree"]:
            cells = []
            for label in trees:
                vals = results[label].get(key, [])
                if not vals:
                    cells.append(f"{'-':>42}")
                    continue
                wall = [v[0] * 1000 for v in vals]
                cpu = [v[1] * 1000 for v in vals]
                cells.append(
                    f"{len(vals):3}x {statistics.mean(wall):8.0f} / {max(wall):8.0f} ms, CPU {statistics.mean(cpu):7.0f}"
                )
            print(f"{key:24} {cells[0]:>42}   {cells[1]:>42}")


if __name__ == "__main__":
    main()
