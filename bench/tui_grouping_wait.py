"""The wait of a key while the batch is grouped in the review TUI's worker, this tree beside another.

    FACTCHECK_DATA=/work/shared/data /work/venv/bin/python bench/tui_grouping_wait.py --base /tmp/base30 \
        [--ecb 300] [--claims 20000] [--presses 12]

Two batches, each in a temporary folder, each read cold (the extraction cache off, as a first opening):
``--ecb`` ECB+ articles and realworld-dev's 110 pages (as bench/reopen.py builds them), and one text of
``--claims`` statements of fact beside a short one (bench/tui_long_article.py's batch); ``0`` leaves a batch
out. Each tree runs in a fresh process (its own folder first on PYTHONPATH) and opens the review TUI headless
at 120x40 as ``factcheck review`` does: the main screen is filled first and the batch is grouped in a worker.
Then ``j`` is pressed while the batch is grouped (at most ``--presses`` times, 0.1 s apart). Per press: the
wall time from the press to the first screen update (the answer shown: the key's wait) and to the updates
settling (bench/tui.py's hook), and the CPU time of the app's thread meanwhile. A press during which the
groups came in is counted apart (its updates include the Event panel filled with them).

Then, the batch grouped, ``j`` is pressed as many times (3 at least): what grouping adds to a key is the
difference. And *held*: a watcher thread sleeps 2 ms at a time while the batch is grouped and notes each wake
more than 20 ms late (it could not take the GIL, or no core ran it), in total and the worst, with the grouping
thread's place at that wake: a long C call of the grouping that holds the GIL (a ``repr``, a ``sorted``, the
freeing of a large structure) shows there.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from tui_long_article import run_child, settled, write_batch  # type: ignore[import-not-found]  # noqa: E402


class Watcher(threading.Thread):
    """Sleeps 2 ms at a time; notes the wakes more than 20 ms late, with the grouping thread's place then."""

    def __init__(self, ui: int) -> None:
        super().__init__(daemon=True)
        self.ui = ui
        self.stop = threading.Event()
        self.late: list[tuple[float, str]] = []

    def run(self) -> None:
        while not self.stop.is_set():
            t = time.perf_counter()
            time.sleep(0.002)
            gap = time.perf_counter() - t - 0.002
            if gap <= 0.02:
                continue
            frames = sys._current_frames()
            self.late.append((gap, self._grouping_place(frames)))

    def _grouping_place(self, frames: dict) -> str:
        for ident, frame in frames.items():
            if ident in (self.ui, self.ident):
                continue
            stack = traceback.extract_stack(frame)
            if any("grouping" in f.filename or "pipeline" in f.filename for f in stack):
                inner = stack[-2:]
                return " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(inner))
        return "(no grouping thread)"


async def _child(folder: str, session: str, presses: int) -> dict:
    from factcheck.tui.app import make_app, opener_for
    from factcheck.tui.config import Config
    from factcheck.tui.screens.main import MainScreen

    sys.path.insert(0, str(HERE))
    from tui import _hook_display  # type: ignore[import-not-found]

    app = make_app(None, Config(autosave_delay=30.0), opener=opener_for([folder], session))
    out: dict = {}
    async with app.run_test(size=(120, 40)) as pilot:
        last = _hook_display(app)
        while not (isinstance(app.screen, MainScreen) and app.screen.article is not None and not app.loading):
            await asyncio.sleep(0.05)
        watcher = Watcher(threading.get_ident())
        watcher.start()
        t_grouping = time.perf_counter()

        async def press(phase: str) -> None:
            last[0] = last[1] = 0.0
            c0, t0 = time.thread_time(), time.perf_counter()
            await pilot.press("j")
            await settled(last, t0)
            # wall to the last update, CPU of the app's thread, wall to the first update (the answer shows)
            press = [max(last[0], t0) - t0, time.thread_time() - c0, max(last[1], t0) - t0]
            if phase == "while grouping" and not app.grouping:  # (the groups came in meanwhile: not counted)
                phase = "as the groups came in"
            out.setdefault(phase, []).append(press)
            await asyncio.sleep(0.1)

        out["while grouping"] = []
        while app.grouping and len(out["while grouping"]) < presses:
            await press("while grouping")
        await app.workers.wait_for_complete()
        out["grouping s"] = time.perf_counter() - t_grouping
        watcher.stop.set()
        watcher.join()
        out["late"] = watcher.late
        await pilot.pause()
        out["after grouping"] = []
        for _ in range(max(len(out["while grouping"]), 3)):  # (the same key once grouped: what grouping adds)
            await press("after grouping")
        await pilot.press("q")
    return out


def _keys(presses: list[list[float]]) -> str:
    if not presses:
        return "no press (grouped before the first)"
    shown = [p[2] * 1000 for p in presses]
    return (
        f"{len(shown)} presses, answer shown after {statistics.mean(shown):,.0f} mean / {max(shown):,.0f} max ms;"
        f" settled after {statistics.mean(p[0] * 1000 for p in presses):,.0f} ms, CPU"
        f" {statistics.mean(p[1] * 1000 for p in presses):,.0f} ms (means)"
    )


def _report(label: str, r: dict) -> str:
    late = r["late"]
    worst = max(late, default=[0.0, "-"])
    return (
        f"  {label}: grouped in {r['grouping s']:.1f} s after the filled screen\n"
        f"    j while grouping: {_keys(r['while grouping'])}\n"
        f"    j once grouped:   {_keys(r['after grouping'])}\n"
        f"    (j as the groups came in: {_keys(r.get('as the groups came in', []))})\n"
        f"    held: {len(late)} wakes >20 ms late, {sum(g for g, _ in late):.2f} s in all, worst"
        f" {worst[0] * 1000:,.0f} ms at {worst[1]}"
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print("RESULT " + json.dumps(asyncio.run(_child(sys.argv[2], sys.argv[3], int(sys.argv[4])))))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--base", type=Path, required=True, help="the baseline tree (a git archive of the round's start)"
    )
    ap.add_argument("--ecb", type=int, default=300, help="ECB+ articles of the ordinary batch (0: none)")
    ap.add_argument("--claims", type=int, default=20000, help="statements of the long text (0: none)")
    ap.add_argument("--presses", type=int, default=12, help="presses of j at most while a batch is grouped")
    a = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from extract import corpus, write_reopen_batch  # type: ignore[import-not-found]

    with tempfile.TemporaryDirectory(prefix="fc-tui-grouping-") as name:
        tmp = Path(name)
        batches = {}
        if a.ecb:
            write_reopen_batch(tmp / "ecb", corpus(a.ecb))
            batches[f"{a.ecb} ECB+ articles and 110 real pages"] = tmp / "ecb"
        if a.claims:
            write_batch(tmp / "long", a.claims)
            batches[f"one text of {a.claims:,} statements and a short one"] = tmp / "long"
        trees = {"this tree": ROOT, "baseline": a.base.resolve()}
        for title, folder in batches.items():
            print(f"{title}; 120x40; cache off", flush=True)
            for label, tree in trees.items():
                print(_report(label, run_child(__file__, tree, folder, tmp, a.presses)), flush=True)


if __name__ == "__main__":
    main()
