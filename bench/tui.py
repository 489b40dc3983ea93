"""TUI responsiveness: time to first screen and per-keypress latency, beside an empty Textual App.

    /work/venv/bin/python bench/tui.py            # seeds and 1,000 generated articles
    /work/venv/bin/python bench/tui.py --articles 200

Each startup is measured in a fresh interpreter (imports included): an empty ``App`` until it is running,
and factcheck until its main screen is filled (Review.open in a worker, as ``factcheck review`` does).
Keypresses (``j``, ``c``, ``J``) are timed as press + the refresh that follows, headless, at 120x40; the CPU
time of the app's thread up to that refresh is printed too (on a shared machine it varies far less than the
wall-clock figures). The generated articles differ in length and paragraphs, and a few have no date.
Targets: first screen <= 1.5x the empty App (the loading screen, with its progress indicator, is the first
screen; the main screen follows when the batch is read: under 1 s on the seeds); keypress mean <= 30 ms,
max <= 100 ms at 1,000 articles.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUTLETS = ["Daily Ledger", "Harbour Times", "Metro Wire", "Northern Post", "Capital Review", "Coast Herald"]
PEOPLE = [
    "Anna Keller",
    "Omar Haddad",
    "Li Wen",
    "Maria Duarte",
    "James Okafor",
    "Sofia Berg",
    "the minister",
]
VERBS = ["said", "announced", "told reporters", "confirmed", "denied", "claimed"]
EVENTS = [
    "the bridge will reopen",
    "the summit will take place",
    "the new law takes effect",
    "the factory will close",
    "talks resumed",
    "the budget was approved",
    "the strike ended",
    "the vaccine rollout starts",
]
TIMES = [
    "on Monday",
    "next week",
    "in May",
    "on 12 June 2024",
    "last year",
    "in March 2023",
    "by the end of the month",
]


def _upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def generate(folder: Path, n: int, claims_per_article: int = 20, seed: int = 7) -> None:
    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        outlet = rnd.choice(OUTLETS)
        day = 1 + i % 28
        lines = [  # TOML front matter, as ingest reads it
            "+++",
            f'title = "{rnd.choice(EVENTS).capitalize()}, officials say ({i})"',
            f'outlet = "{outlet}"',
            f"published = 2024-{1 + i % 12:02d}-{day:02d}",
            "+++",
            "",
        ]
        if rnd.random() < 0.05:  # a few undated articles: their times stay open
            del lines[3]
        # articles of different lengths and paragraphs (as real ones): moving between them changes the
        # sizes of the text, the claims list and the event panel
        n_claims = rnd.randint(max(1, claims_per_article // 4), claims_per_article * 7 // 4)
        paragraph: list[str] = []
        for k in range(n_claims):
            paragraph.append(
                f"{_upper_first(rnd.choice(PEOPLE))} {rnd.choice(VERBS)} {rnd.choice(TIMES)} that "
                f"{rnd.choice(EVENTS)} after {rnd.randint(2, 90)} days of talks in {rnd.choice(OUTLETS).split()[0]}."
            )
            if k == n_claims - 1 or rnd.random() < 0.45:
                lines += [" ".join(paragraph), ""]
                paragraph = []
        (folder / f"{i:04d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


# ------------------------------------------------------------------------------------------------
# Child processes: one measurement each, printed as JSON.


def _hook_display(app, first: list[float] | None = None) -> list[float]:
    """Record when the app last (and first) wrote an update to the (headless) terminal.

    ``last[0]`` is the latest update, ``last[1]`` the first one since it was reset to 0, ``last[2]`` the
    CPU time of the app's thread at that first update (``time.thread_time``)."""
    last = [0.0, 0.0, 0.0]
    orig = app._display

    def hooked(screen, renderable):  # type: ignore[no-untyped-def]
        if renderable is not None:
            last[0] = time.perf_counter()
            if not last[1]:
                last[1] = last[0]
                last[2] = time.thread_time()
            if first is not None and not first:
                first.append(last[0])
        return orig(screen, renderable)

    app._display = hooked
    return last


async def _timed_presses(app, pilot, key: str, n: int, last: list[float]) -> list[list[float]]:
    """Latency of each press: from sending the key to the first screen update it caused (the answer
    shows) and to the last one (follow-ups such as scrolling the claim into view have settled)."""
    out = []
    for _ in range(n):
        last[0] = last[1] = 0.0
        c0 = time.thread_time()
        t0 = time.perf_counter()
        await pilot.press(key)
        while time.perf_counter() - max(last[0], t0) < 0.06:
            await asyncio.sleep(0.005)
        if last[0]:
            out.append([last[1] - t0, last[0] - t0, last[2] - c0])
    return out


async def _child_empty(keys: int) -> dict:
    t0 = time.perf_counter()
    from textual.app import App
    from textual.widgets import OptionList

    class Bare(App):
        def compose(self):  # type: ignore[no-untyped-def]
            yield OptionList(*[f"option {i}" for i in range(keys * 2)])

    empty = App()
    painted: list[float] = []
    _hook_display(empty, painted)
    async with empty.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = painted[0] - t0
    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        last = _hook_display(app)
        down = await _timed_presses(app, pilot, "down", keys, last)
    return {"first_screen": first, "down": down}


async def _child_factcheck(corpus: str, session: str, keys: int) -> dict:
    t0 = time.perf_counter()
    from factcheck.tui.app import make_app, opener_for
    from factcheck.tui.config import Config

    # (what `factcheck review` opens the batch with)
    app = make_app(None, Config(autosave_delay=2.0), opener=opener_for([corpus], Path(session)))
    out: dict = {}
    painted: list[float] = []
    last = _hook_display(app, painted)
    async with app.run_test(size=(120, 40)) as pilot:
        while type(app.screen).__name__ != "MainScreen":
            await asyncio.sleep(0.002)
        await pilot.pause()
        out["first_paint"] = painted[0] - t0
        out["first_article"] = last[0] - t0  # the main screen on the first articles read (a preview)
        while app.loading:
            await asyncio.sleep(0.002)
        await pilot.pause()
        out["first_screen"] = last[0] - t0  # filled: every article, reconciled (and grouped, if it waits)
        # the groups in (the Event panel shows them): grouped in a worker once the screen is filled (the keys
        # below are timed after it, as before)
        while getattr(app, "grouping", False):
            await asyncio.sleep(0.002)
        await pilot.pause()
        out["grouped"] = last[0] - t0
        m = app.screen
        out["articles"] = len(m.review.corpus.articles)
        out["claims"] = sum(len(v) for v in m.review.corpus.claims.values())
        for key in ("j", "c", "J"):
            out[key] = await _timed_presses(app, pilot, key, keys, last)
        await app.workers.wait_for_complete()
    return out


def child(argv: list[str]) -> None:
    kind = argv[0]
    if kind == "empty":
        res = asyncio.run(_child_empty(int(argv[1])))
    else:
        if len(argv) > 4:  # the chunks of pipeline.build, by time (seconds; "inf": by count only)
            from factcheck import pipeline

            pipeline.CHUNK_SECONDS = float(argv[4])
        res = asyncio.run(_child_factcheck(argv[1], argv[2], int(argv[3])))
    print("RESULT " + json.dumps(res))


def measure(args: list[str]) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, cwd=ROOT, timeout=1800
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise SystemExit(f"child {args[0]} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")


def ms(x: float) -> str:
    return f"{x * 1000:7.1f} ms"


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--keys", type=int, default=30, help="presses of each key")
    ap.add_argument("--runs", type=int, default=3, help="startup runs (the median is printed)")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="fc-bench-"))
    try:
        seeds = tmp / "seeds"
        shutil.copytree(ROOT / "seeds", seeds)
        big = tmp / "big"
        generate(big, a.articles)
        bare = [measure(["empty", str(a.keys)]) for _ in range(a.runs)]
        empty = statistics.median(x["first_screen"] for x in bare)
        down = [y[0] for x in bare for y in x["down"]]
        down_cpu = [y[2] for x in bare for y in x["down"]]
        print(f"empty textual App, start to first paint:  {ms(empty)}   (baseline)")
        print(
            f"  bare OptionList, key 'down' to update: mean {ms(statistics.mean(down))}  max {ms(max(down))}"
            f";  CPU mean {ms(statistics.mean(down_cpu))}   (baseline)"
        )
        sets = [("seeds", seeds)] + ([(f"{a.articles} generated", big)] if a.articles else [])
        for name, corpus in sets:
            runs = []
            for i in range(a.runs if name == "seeds" else 1):
                runs.append(
                    measure(["factcheck", str(corpus), str(tmp / f"{name[:5]}{i}.toml"), str(a.keys)])
                )
            r = runs[0]
            first = statistics.median(x["first_screen"] for x in runs)
            paint = statistics.median(x["first_paint"] for x in runs)
            art = statistics.median(x["first_article"] for x in runs)
            print(
                f"{name}: {r['articles']} articles, {r['claims']} claims\n"
                f"  first screen (loading, with progress):    {ms(paint)}   {paint / empty:4.2f}x empty App"
                "   (target <= 1.5x)\n"
                f"  first article shown (the rest loading):   {ms(art)}   {art / empty:4.2f}x empty App\n"
                f"  main screen filled:                       {ms(first)}   {first / empty:4.2f}x empty App"
                + ("   (target: under 1 s on the seeds)" if name == "seeds" else "")
            )
            for key in ("j", "c", "J"):
                t1 = [y[0] for x in runs for y in x[key]]
                t2 = [y[1] for x in runs for y in x[key]]
                cpu = [y[2] for x in runs for y in x[key]]
                print(
                    f"  key {key!r} to first update: mean {ms(statistics.mean(t1))}  max {ms(max(t1))};"
                    f"  settled: mean {ms(statistics.mean(t2))}  max {ms(max(t2))}   (target 30 / 100 ms)\n"
                    f"          CPU to first update: mean {ms(statistics.mean(cpu))}  median {ms(statistics.median(cpu))}"
                    "   (the app's thread: what the key costs, whatever else the machine runs)"
                )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
