"""A batch extracted by a pool of worker processes (``factcheck.parallel``, ``pipeline.build(jobs=N)``) gives
what the serial path gives, byte for byte: ``extract --json --all`` on the seeds, the labelled set and a mixed
folder (text files, web page records, a copy, an unreadable file), and the cache's entries. A worker's error is
raised as the serial path raises it; a worker that dies ends the build with ``WorkerDied``; an interrupted
build leaves no worker behind. Every test runs under a watchdog: a hang ends the test run with a traceback
instead of holding CI forever."""

from __future__ import annotations

import faulthandler
import os
import shutil
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import cache, cli, parallel, pipeline
from factcheck.model import Article, Claim

REPO = Path(__file__).resolve().parents[1]
LABELLED = REPO / "tests" / "fixtures" / "labelled" / "articles"
REALWORLD = REPO / "tests" / "fixtures" / "realworld" / "articles"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the pool's tests read /proc")


@pytest.fixture(autouse=True)
def watchdog() -> Iterator[None]:
    """No test of a pool may hang: after 240 s the run ends, every thread's traceback printed. The process's
    cache and ``--jobs`` are put back after each test (``--no-cache`` switches the cache off)."""
    faulthandler.dump_traceback_later(240, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()
    cache.reset()
    parallel.set_jobs(None)


class WaitingPool(parallel.Pool):
    """A pool whose workers are up before the build goes on (a small batch is otherwise read before they
    are, and extracted in the main process alone); it counts the tasks it is given."""

    made: list[WaitingPool] = []  # noqa: RUF012 (every pool a test made)

    def __init__(self, workers: int):
        super().__init__(workers)
        self._started.wait(120)
        assert self.ready
        self.tasks = 0
        WaitingPool.made.append(self)

    def submit(self, task: Callable[[list[Any]], list[Any]], items: list[Any]) -> Future[list[Any]]:
        self.tasks += 1
        return super().submit(task, items)


@pytest.fixture
def pool_always(monkeypatch: pytest.MonkeyPatch) -> type[WaitingPool]:
    """A pool for any batch with an uncached article, up at once, with tasks of 2 articles (several tasks
    in flight, so that the batch's order is at stake)."""
    monkeypatch.setattr(parallel, "MIN_UNCACHED", 1)
    monkeypatch.setattr(parallel, "TASK_ARTICLES", 2)
    monkeypatch.setattr(parallel, "Pool", WaitingPool)
    WaitingPool.made = []
    return WaitingPool


def _workers() -> set[int]:
    """The pool workers under this process: the forkserver's children."""
    servers = set()
    kids: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if b"forkserver" in cmdline and ppid == os.getpid():
                servers.add(int(entry.name))
            kids[int(entry.name)] = ppid
    return {pid for pid, ppid in kids.items() if ppid in servers}


def _extract_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["extract", "--json", "--all", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _mixed_folder(tmp_path: Path) -> Path:
    """Text files, web page records of two development splits, a copy of an article, an unreadable file."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for p in sorted(LABELLED.glob("*.txt"))[:6]:
        shutil.copy(p, folder / p.name)
    for p in sorted(REALWORLD.glob("dev2.*.json"))[:6] + sorted(REALWORLD.glob("dev3.*.json"))[:6]:
        shutil.copy(p, folder / p.name)
    for p in sorted((REPO / "seeds").glob("*.txt")):
        shutil.copy(p, folder / p.name)
    first = sorted(LABELLED.glob("*.txt"))[0]
    shutil.copy(first, folder / "zz_copy.txt")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    return folder


@pytest.mark.parametrize("batch", ["seeds", "labelled", "mixed"])
def test_pool_gives_the_serial_output(
    batch: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], pool_always: type[WaitingPool]
) -> None:
    path = {"seeds": REPO / "seeds", "labelled": LABELLED}.get(batch) or _mixed_folder(tmp_path)
    serial = _extract_json(capsys, "--no-cache", "--jobs", "1", str(path))
    assert not pool_always.made
    pooled = _extract_json(capsys, "--no-cache", "--jobs", "2", str(path))
    assert pool_always.made and sum(p.tasks for p in pool_always.made) >= 2  # (the pool did extract)
    assert pooled == serial
    assert serial[0] == (1 if batch == "mixed" else 0)  # (the broken file is reported, the rest goes on)
    if batch == "mixed":
        assert "broken.json" in serial[2]


def test_pool_writes_the_serial_cache(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    pool_always: type[WaitingPool],
) -> None:
    """A cold run with a pool stores the entries a serial run stores; a warm run reads them back the same."""
    folder = _mixed_folder(tmp_path)
    rows = {}
    outputs = {}
    for jobs in ("1", "2"):
        where = tmp_path / f"cache{jobs}.sqlite3"
        monkeypatch.setenv("FACTCHECK_CACHE", str(where))
        cache.reset()
        cold = _extract_json(capsys, "--jobs", jobs, str(folder))
        warm = _extract_json(capsys, "--jobs", jobs, str(folder))
        assert cold == warm
        outputs[jobs] = cold
        cache.reset()
        with sqlite3.connect(where) as db:
            rows[jobs] = sorted(db.execute("SELECT key, data FROM entries WHERE kind = 'claims'"))
    assert outputs["1"] == outputs["2"]
    assert rows["1"] and rows["1"] == rows["2"]


def _boom(items: list[int]) -> list[int]:
    raise LookupError(f"no claims in {len(items)} articles")


def _die(items: list[Any], encode: bool = False) -> list[Any]:
    os.kill(os.getpid(), signal.SIGKILL)
    return items


def test_a_workers_error_is_raised_as_it_is() -> None:
    pool = parallel.Pool(2)
    try:
        pool._started.wait(120)
        assert pool.ready
        with pytest.raises(LookupError, match="no claims in 3 articles"):
            parallel.result(pool.submit(_boom, [1, 2, 3]))
        assert parallel.result(pool.submit(sorted, [3, 1, 2])) == [1, 2, 3]  # (the pool goes on)
    finally:
        pool.close()
    assert not _workers()


def _stdout_of_worker(items: list[int]) -> list[str]:
    return [os.readlink("/proc/self/fd/1") for _ in items]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc")
def test_nothing_a_worker_prints_reaches_the_output() -> None:
    pool = parallel.Pool(1)
    try:
        pool.wait()
        assert parallel.result(pool.submit(_stdout_of_worker, [1])) == [os.devnull]
    finally:
        pool.close()


def test_a_dead_worker_ends_the_pool() -> None:
    pool = parallel.Pool(2)
    try:
        pool.wait()
        assert pool.ready
        with pytest.raises(parallel.WorkerDied, match="--jobs 1"):
            parallel.result(pool.submit(_die, [1]))
        with pytest.raises(parallel.WorkerDied):  # (what is sent after it, too)
            parallel.result(pool.submit(sorted, [2, 1]))
    finally:
        pool.close()
    assert not _workers()


def test_a_dead_worker_is_a_clear_error_not_a_hang(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    pool_always: type[WaitingPool],
) -> None:
    monkeypatch.setattr(pipeline, "_extract_task", _die)
    code, _, err = _extract_json(capsys, "--no-cache", "--jobs", "2", str(LABELLED))
    assert code == 2
    assert "worker process" in err and "--jobs 1" in err and "Traceback" not in err
    assert not _workers()


def test_an_interrupted_build_leaves_no_worker(pool_always: type[WaitingPool]) -> None:
    handed: list[tuple[Article, list[Claim]]] = []

    def extracted(items: list[tuple[Article, list[Claim]]], done: int, total: int) -> None:
        handed.extend(items)
        if len(handed) >= 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        pipeline.build([str(LABELLED)], cache=cache.Cache(enabled=False), jobs=2, extracted=extracted)
    assert pool_always.made
    assert not _workers()


def test_a_small_batch_starts_no_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    made = []
    monkeypatch.setattr(parallel, "Pool", lambda n: made.append(n))
    corpus = pipeline.build([str(LABELLED)], cache=cache.Cache(enabled=False), jobs=2, group=False)
    assert corpus.articles and not made


def test_worth_a_pool() -> None:
    n = parallel.MIN_UNCACHED
    assert not parallel.worth_a_pool(0, 8, 8, 10 * n)  # (a warm batch)
    assert parallel.worth_a_pool(8, 8, 8, n)  # (a cold one, big enough)
    assert not parallel.worth_a_pool(8, 8, 8, n // 2)  # (too small)
    assert not parallel.worth_a_pool(1, 8, 8, n)  # (mostly cached: an eighth of n is left)


def test_jobs_from_the_setting_and_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(parallel.JOBS_ENV, raising=False)
    monkeypatch.setattr(parallel, "_chosen", None)
    assert parallel.jobs() == min(parallel.usable_cpus(), parallel.MAX_AUTO_JOBS)
    monkeypatch.setenv(parallel.JOBS_ENV, "3")
    assert parallel.jobs() == 3
    parallel.set_jobs(1)
    assert parallel.jobs() == 1
    parallel.set_jobs(None)
    monkeypatch.setenv(parallel.JOBS_ENV, "lots")
    with pytest.raises(parallel.JobsError, match="FACTCHECK_JOBS"):
        parallel.jobs()


def test_a_wrong_jobs_value_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["extract", "--jobs", "0", str(LABELLED)]) == 2
    assert "--jobs" in capsys.readouterr().err
    monkeypatch.setenv(parallel.JOBS_ENV, "two")
    assert cli.main(["extract", str(LABELLED)]) == 2
    err = capsys.readouterr().err
    assert "FACTCHECK_JOBS" in err and "Traceback" not in err


@given(st.text(max_size=12))
def test_parse_jobs_takes_a_number_or_auto(text: str) -> None:
    try:
        n = parallel.parse_jobs(text)
    except parallel.JobsError:
        assert text.strip().lower() != "auto"
        return
    assert n >= 1
    assert text.strip().lower() == "auto" or int(text) == n


async def test_the_tui_loads_a_batch_with_a_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pool_always: type[WaitingPool]
) -> None:
    """Under the TUI (Textual captures ``sys.stderr``: multiprocessing's resource tracker could not start
    there, and every pool failed) the batch is extracted by the pool, and the review holds the serial
    path's claims."""
    pytest.importorskip("textual")
    from factcheck.tui.app import make_app, opener_for
    from factcheck.tui.config import Config

    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    cache.reset()
    parallel.set_jobs(2)
    app = make_app(None, Config(autosave_delay=0.05), opener=opener_for([str(LABELLED)], tmp_path / "s.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3000):
            if app.error or (app.review is not None and not app.loading):
                break
            await pilot.pause(0.02)
        assert app.error is None
        assert app.review is not None and not app.loading
        got = {k: [c.to_json() for c in cs] for k, cs in app.review.corpus.claims.items()}
    assert pool_always.made and sum(p.tasks for p in pool_always.made) >= 2
    serial = pipeline.build([str(LABELLED)], cache=cache.Cache(enabled=False), jobs=1, group=False)
    assert got == {k: [c.to_json() for c in cs] for k, cs in serial.claims.items()}


def test_the_suite_extracts_in_one_process_unless_a_test_asks_for_a_pool() -> None:
    """conftest sets ``$FACTCHECK_JOBS`` to 1 (a big uncached batch started a pool by default, slow on a CI
    machine of two cores); a test about the pool still gets one by asking for it."""
    assert os.environ.get(parallel.JOBS_ENV) == "1"
    assert parallel.jobs() == 1
    parallel.set_jobs(2)
    try:
        assert parallel.jobs() == 2
    finally:
        parallel.set_jobs(None)
