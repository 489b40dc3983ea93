"""Time per key a reviewer feels on a big real batch, this tree beside another (the round's baseline).

    FACTCHECK_DATA=/work/shared/data /work/venv/bin/python bench/tui_keys.py --base /tmp/base13 [--n 1000]

Corpus: ``--n`` ECB+ articles and the 110 real pages of realworld-dev/json (as bench/reopen.py builds them),
in a temporary folder; the extraction cache is warmed once (both trees read the same cache: the keys, not
the loading, are measured). Each tree opens the TUI headless at 120x40 in a fresh process (its own folder
first on PYTHONPATH, run from the temporary folder) and times, alternating the trees, each of:

- ``j`` (next claim), ``J`` (next article), ``c`` (confirm);
- a filter: ``/``, a word typed, ``enter`` (the filter applied to every claim) and then cleared; ``w`` twice
  (the claims under the threshold shown and counted, then hidden again);
- ``s`` (the supersede picker opened: every claim of the batch a candidate), then ``escape``;
- ``c`` (untimed), then ``g`` (the groups screen: the first opening, then the later ones, each after a
  verdict given meanwhile), ``enter`` (a group's own screen: the first group, then, after ``escape``, the
  largest group: its first cards), ``escape`` back to the main screen; on the groups screen, in a tree that
  has them, ``s`` three times (by size, by undecided claims, by time again) and the search: ``/``, the last
  letter of a word typed (the list searched), ``escape`` (cleared);
- the walk (``--walk N``, default 200): the largest group's screen, ``→`` pressed N times (the mean of
  the presses, of the first 20 and of the last 20), a verdict given there (untimed) and ``ctrl+z``, then
  ``home`` and ``end`` (the baseline has no home / end of its own: there they scroll the row).

Each figure is the key's wall time from press to the screen update it caused settling (bench/tui.py's
hook) and the CPU time of the app's thread meanwhile (steadier on a shared machine). Target: ~50 ms a key.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent


async def _settled(pilot, last: list[float], t0: float) -> None:
    while time.perf_counter() - max(last[0], t0) < 0.08:
        await asyncio.sleep(0.005)


async def _child(corpus: str, session: str, reps: int, walk: int) -> dict:
    from factcheck.review import Review
    from factcheck.tui.app import make_app
    from factcheck.tui.config import Config

    sys.path.insert(0, str(HERE))
    from tui import _hook_display  # type: ignore[import-not-found]

    r = Review.open(Path(session), [corpus])
    app = make_app(r, Config(autosave_delay=30.0))
    out: dict[str, list[list[float]]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        last = _hook_display(app)

        async def timed(name: str, *keys: str) -> None:
            last[0] = last[1] = 0.0
            c0, t0 = time.thread_time(), time.perf_counter()
            await pilot.press(*keys)
            await _settled(pilot, last, t0)
            end = max(last[0], t0)
            out.setdefault(name, []).append([end - t0, time.thread_time() - c0])

        for _ in range(reps):
            await timed("j", "j")
            await timed("J", "J")
            await timed("c", "c")
        for _ in range(max(1, reps // 3)):
            await timed("/ (dialog)", "slash")
            await pilot.press(*"police")
            await timed("enter (filter applied)", "enter")
            await timed("j (filtered)", "j")
            await pilot.press("slash")
            await pilot.pause()
            await timed("ctrl+r (filter cleared)", "ctrl+r")
            await timed("w (every claim shown)", "w")
            await timed("w (hidden again)", "w")
            await timed("s (supersede picker)", "s")
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("c")  # (a verdict given since the groups screen was last seen)
            await pilot.pause()
            first = "g (groups screen, first)"
            await timed(first if first not in out else "g (groups screen, again)", "g")
            await timed("enter (a group)", "enter")
            await timed("escape (to groups)", "escape")
            groups = app.screen
            if hasattr(groups, "action_sort"):  # (the groups screen's sort and search: not in older trees)
                for _ in range(3):  # by size, by undecided claims, by time again
                    await timed("s (groups sorted)", "s")
                await timed("/ (groups search)", "slash")
                await pilot.press(*"trum")
                await timed("a letter (groups search)", "p")
                await timed("escape (search cleared)", "escape")
            sizes = [len(g.claims) for g in groups.groups]
            groups.table.highlighted = sizes.index(max(sizes))
            await timed("enter (the largest group)", "enter")
            await pilot.press("escape")
            await pilot.pause()
            await timed("escape (to main)", "escape")
            await pilot.press("J")
        if walk:
            await _walk(pilot, app, timed, out, walk)
        await pilot.press("q")
    return out


async def _walk(pilot, app, timed, out: dict[str, list[list[float]]], walk: int) -> None:
    """The largest group's screen walked with → ``walk`` times (each press timed; the first 20 and the last
    20 apart); then a verdict (untimed) and its undo there, home and end."""
    await pilot.press("g")
    await pilot.pause()
    groups = app.screen
    sizes = [len(g.claims) for g in groups.groups]
    groups.table.highlighted = sizes.index(max(sizes))
    await pilot.press("enter")
    await pilot.pause()
    for i in range(walk):
        await timed("→ (walk, each)", "right")
        if i < 20 or i >= walk - 20:  # (the cost of a press as cards were made, by the walk's start and end)
            out.setdefault("→ (walk, first 20)" if i < 20 else "→ (walk, last 20)", []).append(
                out["→ (walk, each)"][-1]
            )
    await pilot.press("c")
    await pilot.pause()
    await timed("ctrl+z (at the walk's end)", "ctrl+z")
    await timed("home (first card)", "home")
    await timed("end (last card)", "end")
    await pilot.press("escape", "escape")
    await pilot.pause()


def _run_tree(tree: Path, corpus: Path, tmp: Path, reps: int, walk: int, env: dict[str, str]) -> dict:
    session = tmp / f"s-{tree.name}-{time.monotonic_ns()}.toml"
    proc = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            str(corpus),
            str(session),
            str(reps),
            str(walk),
        ],
        capture_output=True,
        text=True,
        cwd=tmp,
        env={**env, "PYTHONPATH": str(tree)},
        timeout=3600,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise SystemExit(f"child on {tree} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(
            "RESULT "
            + json.dumps(asyncio.run(_child(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))))
        )
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--base", type=Path, required=True, help="the baseline tree (a worktree of the round's start)"
    )
    ap.add_argument("--n", type=int, default=1000, help="ECB+ articles (beside the 110 real pages)")
    ap.add_argument("--reps", type=int, default=12, help="presses of j, J and c per run")
    ap.add_argument("--runs", type=int, default=2, help="runs of each tree, alternating")
    ap.add_argument(
        "--walk", type=int, default=200, help="→ presses on the largest group's screen (0: no walk)"
    )
    ap.add_argument("--corpus", type=Path, help="a folder to use instead of building one")
    ap.add_argument(
        "--cache", type=Path, help="an extraction cache already warmed on it (copied; not changed)"
    )
    a = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from extract import corpus, write_reopen_batch  # type: ignore[import-not-found]

    tmp = Path(tempfile.mkdtemp(prefix="fc-tui-keys-"))
    env = {**os.environ, "FACTCHECK_CACHE": str(tmp / "cache.sqlite3")}
    if a.cache is not None:
        shutil.copy(a.cache, tmp / "cache.sqlite3")
    try:
        folder = a.corpus
        if folder is None:
            folder = tmp / "batch"
            write_reopen_batch(folder, corpus(a.n))
        subprocess.run(
            [sys.executable, "-m", "factcheck", "extract", str(folder), "--json"],
            cwd=tmp,
            env={**env, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        trees = {"this tree": ROOT, "baseline": a.base.resolve()}
        results: dict[str, dict[str, list[list[float]]]] = {name: {} for name in trees}
        for _ in range(a.runs):
            for name, tree in trees.items():
                for key, vals in _run_tree(tree, folder, tmp, a.reps, a.walk, env).items():
                    results[name].setdefault(key, []).extend(vals)
        print(
            f"corpus: {sum(p.is_file() for p in folder.rglob('*'))} files ({folder}); {a.runs} runs per tree, alternating"
        )
        print(
            f"{'key':26} {'this tree: wall mean / max, CPU mean':>40}   {'baseline: wall mean / max, CPU mean':>40}"
        )
        for key in results["this tree"]:
            cells = []
            for name in trees:
                vals = results[name].get(key, [])
                if not vals:
                    cells.append(f"{'-':>40}")
                    continue
                wall = [v[0] * 1000 for v in vals]
                cpu = [v[1] * 1000 for v in vals]
                cells.append(
                    f"{statistics.mean(wall):7.1f} / {max(wall):7.1f} ms, CPU {statistics.mean(cpu):7.1f} ms"
                )
            print(f"{key:26} {cells[0]:>40}   {cells[1]:>40}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
