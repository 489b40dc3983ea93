"""End to end, the incremental regrouping is exact: after each edit of a batch, ``extract BATCH --json`` with
the cache (regrouped from the state the last run left) prints the same bytes as ``--no-cache`` (from scratch).
bench/reopen_exact.py's six edits on a small batch, and random sequences of edits (hypothesis)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from bench_modules import bench_module  # tests/bench_modules.py
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import cache
from factcheck.cli import main
from factcheck.grouping import state as state_module

bench = bench_module("reopen_exact")

# three events, each reported by three outlets in their own words, and a page of another kind
EVENTS = [
    (
        "Storm floods the harbour district of Valencia",
        "March 3, 2023",
        [
            "Mayor Maria Lopez said on March 3, 2023 that the storm flooded 300 homes in the harbour district.",
            "Rescue teams evacuated 1,200 residents from the harbour district of Valencia on March 3, 2023.",
            "The storm that hit Valencia on March 3, 2023 flooded 300 homes, Maria Lopez told reporters.",
        ],
    ),
    (
        "Leeds steel plant closes with 800 jobs lost",
        "November 30, 2022",
        [
            "British Steel closed its Leeds plant on November 30, 2022, cutting 800 jobs, John Smith said.",
            "Union leader John Smith said 800 workers lost their jobs when the Leeds plant shut on November 30, 2022.",
            "The Leeds steel plant closed on November 30, 2022, and 800 jobs went with it, John Smith said.",
        ],
    ),
    (
        "Anna Berg wins the chess championship in Oslo",
        "May 14, 2021",
        [
            "Anna Berg won the world chess championship final in Oslo on May 14, 2021 after twelve games.",
            "Norway's Anna Berg took the world chess title in Oslo on May 14, 2021, beating the champion.",
            "In Oslo on May 14, 2021, Anna Berg won the final of the world chess championship.",
        ],
    ),
]
OUTLETS = [
    ("Daily Courier", "The Courier's weather desk expects a dry weekend across the county."),
    ("Morning Post", "Readers can send their letters to the Post's new office on the high street."),
    ("Evening Herald", "The Herald's crossword returns on Monday after a two-week break."),
]


def write_batch(folder: Path) -> list[str]:
    """The small batch (nine reports of three events and a garden page), its file names."""
    folder.mkdir()
    names = []
    for e, (title, day, lines) in enumerate(EVENTS):
        for o, (outlet, own) in enumerate(OUTLETS):
            name = f"art_{e}{o}.txt"
            body = "\n\n".join([lines[o], own])
            (folder / name).write_text(f"{title}\n\n{outlet}, {day}\n\n{body}\n", encoding="utf-8")
            names.append(name)
    (folder / "garden.txt").write_text(bench.GARDEN, encoding="utf-8")
    return [*names, "garden.txt"]


NEW_TEXT = (
    "Valencia counts the cost of the harbour flood\n\nCoastal Times, March 4, 2023\n\n"
    "Mayor Maria Lopez said the storm of March 3, 2023 flooded 300 homes in Valencia's harbour district.\n"
)


def in_process(capsys: pytest.CaptureFixture[str]) -> Callable[[list[str]], bytes]:
    """``factcheck ARGS`` in this process, as a fresh process runs it (the grouping state read back from the
    cache), its standard output."""

    def run(args: list[str]) -> bytes:
        cache.reset()
        capsys.readouterr()
        assert main(args) == 0
        out = capsys.readouterr().out
        cache.reset()  # (``--no-cache`` switched the process's cache off)
        return out.encode()

    return run


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many grouping states were read back from the cache (one per incremental run)."""
    got: list[int] = []
    real = state_module.state_from_pieces

    def counted(*a: object, **k: object) -> state_module.GroupingState:
        got.append(1)
        return real(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(state_module, "state_from_pieces", counted)
    return got


def test_six_edits_regroup_as_from_scratch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], loads: list[int]
) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "c.sqlite3"))
    folder = tmp_path / "batch"
    write_batch(folder)
    run = in_process(capsys)
    before = run(["extract", str(folder), "--json"])  # (cold: fills the cache and leaves a state)
    assert json.loads(before)["groups"]
    # (the article rewritten is the last report of its event but one: its group goes, and comes back)
    batch = bench.Batch(
        body="art_00.txt", title="art_11.txt", removed="art_21.txt", moved="art_22.txt", new_text=NEW_TEXT
    )
    lines: list[str] = []
    assert bench.check(folder, batch, {"incremental": run}, lines.append), "\n".join(lines)
    assert len(lines) == 6 and all("identical=yes" in line for line in lines)
    # every incremental run regrouped from the state the last one left, but the last: its batch is the one
    # of the fourth edit, whose groups the cache holds by its articles
    assert len(loads) == 5
    groups = [int(line.split("groups=")[1].split()[0]) for line in lines]
    assert groups[4] == groups[3] - 1 and groups[5] == groups[3]


# one edit: (kind, article, line)
edit = st.tuples(
    st.sampled_from(["line", "title", "remove", "restore", "garden", "new"]),
    st.integers(0, 9),
    st.sampled_from(
        [
            "The police said two men were arrested on Friday.",
            "Maria Lopez said on March 3, 2023 that 300 homes were flooded in Valencia.",
            "John Smith said the plant would not reopen.",
        ]
    ),
)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(edit, min_size=1, max_size=4))
def test_random_edit_sequences_regroup_as_from_scratch(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    ops: list[tuple[str, int, str]],
) -> None:
    tmp = tmp_path_factory.mktemp("reopen")
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp / "c.sqlite3"))
    folder = tmp / "batch"
    names = write_batch(folder)
    originals = {n: (folder / n).read_text(encoding="utf-8") for n in names}
    run = in_process(capsys)
    run(["extract", str(folder), "--json"])
    for kind, k, line in ops:
        p = folder / names[k]
        if kind == "line" and p.exists():
            p.write_text(p.read_text(encoding="utf-8") + f"\n\n{line}\n", encoding="utf-8")
        elif kind == "title" and p.exists():
            first, _, rest = p.read_text(encoding="utf-8").partition("\n")
            p.write_text(f"Update: {first}\n{rest}", encoding="utf-8")
        elif kind == "remove" and p.exists() and len(list(folder.iterdir())) > 2:
            p.unlink()
        elif kind == "restore":
            p.write_text(originals[names[k]], encoding="utf-8")
        elif kind == "garden":
            p.write_text(bench.GARDEN, encoding="utf-8")
        elif kind == "new":
            (folder / f"new_{k}.txt").write_text(NEW_TEXT.replace("300", str(300 + k)), encoding="utf-8")
        incremental = run(["extract", str(folder), "--json"])
        assert incremental == run(["extract", str(folder), "--json", "--no-cache"]), (kind, names[k])
