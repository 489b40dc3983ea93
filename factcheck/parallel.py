"""A batch's uncached articles extracted on several cores, by a pool of worker processes.

``pipeline.build`` reads a batch in its own process (the files, the cache, the copies and near-copies, the
order of the articles) and hands the articles whose claims are not cached to a ``Pool``, a few articles a
task (``TASK_ARTICLES``); their claims come back in the batch's order, so that claim ids, the cache's
entries, the groups and every output are those of the serial path. Only the main process writes the cache.

- How many workers: ``--jobs N`` (``set_jobs``), else ``$FACTCHECK_JOBS``, else the CPUs this process may
  run on (``usable_cpus``), at most ``MAX_AUTO_JOBS``; 1 is the serial path (no pool).
- When: a pool starts only when it pays (``worth_a_pool``): a batch whose uncached articles, as told by
  those read so far, are expected to number at least ``MIN_UNCACHED``. It is started in a thread of its
  own: the main process reads on meanwhile, and extracts nothing itself once a pool is started (the
  extractor's import and warm-up, ~1.5 CPU s, would be spent twice; a pool that cannot start leaves the
  articles to it), except, until the workers are up, when a viewer waits for the first articles (the TUI).
- How: ``concurrent.futures.ProcessPoolExecutor`` started by "forkserver" (else "spawn"), never by a bare
  fork: the TUI reads its batch in a thread, and a fork of a threaded process may copy a lock held by
  another thread, held forever in the child. The forkserver imports and warms the extractor once
  (``factcheck.parallel_warm``, ~1.5 CPU s) and every worker is forked from it ready to extract.
- Errors: an exception an article's extraction raises in a worker is raised again in the main process, as
  the serial path raises it. Workers ignore SIGINT: ctrl+c reaches the main process alone, which cancels
  the tasks not started and waits for those running (a task is a few articles: tens of milliseconds), so
  no process is left behind. A worker that dies (killed, out of memory) ends the build with ``WorkerDied``,
  never a hang.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # (imported when a pool starts: a command that starts none does not pay ~40 ms)
    import multiprocessing.context
    from concurrent.futures import Future, ProcessPoolExecutor

_T = TypeVar("_T")
_R = TypeVar("_R")

JOBS_ENV = "FACTCHECK_JOBS"
# Workers by default at most (each a process of its own: ~40 MB peak RSS on 1,000 articles).
MAX_AUTO_JOBS = 8
# Uncached articles a batch is expected to hold before a pool is started for it. A pool is up ~1.2-1.5 s
# after its start on an idle machine (the forkserver's start, import and warm-up: ~0.6 CPU s, then ~0.2 a
# worker); each article it extracts saves the main process ~7-9 ms of CPU (bench/extract.py --jobs 2:
# 11.9 -> 5.2 CPU s per 1,000 articles). Under ~200 articles the main process is done before the workers
# help.
MIN_UNCACHED = 200
# Articles a task: enough that handing them over is a small part of their extraction (~6 ms an article;
# a task's round trip ~0.5 ms), few enough that the batch's order is kept with little waiting.
TASK_ARTICLES = 8

_chosen: int | None = None


class JobsError(ValueError):
    """``$FACTCHECK_JOBS`` (or a ``--jobs`` value) that is no number of workers."""


class WorkerDied(RuntimeError):
    """A worker process ended while it extracted (killed, out of memory): the build cannot go on."""

    def __init__(self) -> None:
        super().__init__(
            "a worker process extracting the batch ended unexpectedly (killed, or out of memory?);"
            " run again, or with --jobs 1 to extract in one process"
        )


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity where the system tells it), at least 1."""
    count = getattr(os, "process_cpu_count", None)  # (Python 3.13)
    if count is not None:
        return max(1, count() or 1)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def parse_jobs(value: str) -> int:
    """A number of workers as typed: a whole number of at least 1, or "auto" (``usable_cpus``, at most
    ``MAX_AUTO_JOBS``)."""
    text = value.strip().lower()
    if text == "auto":
        return min(usable_cpus(), MAX_AUTO_JOBS)
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise JobsError(
            f"the number of worker processes must be a whole number of at least 1, or auto: {value!r}"
        )
    return n


def set_jobs(n: int | None) -> None:
    """The workers a build uses from now on (``--jobs``); None: ``$FACTCHECK_JOBS`` or automatic again."""
    global _chosen
    _chosen = n


def jobs() -> int:
    """The workers a build uses: ``set_jobs``'s, else ``$FACTCHECK_JOBS``'s (``JobsError`` when it is no
    number), else automatic (``parse_jobs("auto")``)."""
    if _chosen is not None:
        return _chosen
    env = os.environ.get(JOBS_ENV, "").strip()
    if env:
        try:
            return parse_jobs(env)
        except JobsError as e:
            raise JobsError(f"${JOBS_ENV}: {e}") from None
    return parse_jobs("auto")


def worth_a_pool(uncached: int, articles: int, files_done: int, files_total: int) -> bool:
    """Whether a batch pays for a pool: ``uncached`` of the ``articles`` read so far, from ``files_done`` of
    its ``files_total`` input files, with as many uncached articles an input file in the rest, make at least
    ``MIN_UNCACHED``."""
    if uncached == 0:
        return False
    expected = uncached + (files_total - files_done) * uncached / max(files_done, 1)
    return expected >= MIN_UNCACHED


def _worker_started(quiet: bool) -> None:
    """Each worker's start: ctrl+c is the main process's to handle (it ends the pool cleanly); nothing it
    prints reaches standard output (a command's output: ``extract --json``), nor standard error when the
    main process's is captured (``quiet``: the TUI, where a line would be written over the screen)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        if quiet:
            os.dup2(devnull, 2)
    finally:
        os.close(devnull)


def _ready() -> int:
    return os.getpid()


def _tracker_started() -> None:
    """multiprocessing's resource tracker (the pool's locks are registered with it) started with a real
    standard error: it hands its process ``sys.stderr.fileno()``, and under the TUI (Textual captures
    ``sys.stderr``, whose descriptor is then -1) every pool failed to start ("bad value(s) in fds_to_keep").
    For the moment of its start, ``sys.stderr`` is the process's own (a line another thread prints to
    standard error then goes to the terminal); a process whose stderr is a file needs nothing."""
    try:
        fd = sys.stderr.fileno() if sys.stderr is not None else -1
    except (AttributeError, OSError, ValueError):
        fd = -1
    if fd >= 0:
        return
    from multiprocessing import resource_tracker

    saved = sys.stderr
    with open(os.devnull, "w") as devnull:
        sys.stderr = sys.__stderr__ if _has_fd(sys.__stderr__) else devnull
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


def _has_fd(stream: object) -> bool:
    try:
        return stream is not None and stream.fileno() >= 0  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False


def _context() -> multiprocessing.context.BaseContext:
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["factcheck.parallel_warm"])
        return ctx
    return multiprocessing.get_context("spawn")


class Pool:
    """Worker processes for one build, started in a thread of their own (``ready`` once every worker is
    up: until then the caller extracts by itself). ``close`` ends them; use it in a ``finally``."""

    def __init__(self, workers: int):
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None
        self._started = threading.Event()
        self._failed: BaseException | None = None  # why it could not start
        self._thread = threading.Thread(target=self._start, name="factcheck-pool-start", daemon=True)
        self._thread.start()

    def _start(self) -> None:
        from concurrent.futures import ProcessPoolExecutor

        try:
            _tracker_started()
            executor = ProcessPoolExecutor(
                self.workers,
                mp_context=_context(),
                initializer=_worker_started,
                initargs=(not _has_fd(sys.stderr),),
            )
            self._executor = executor
            # (a worker is made when a task finds none idle: one task each, sent together, makes them all)
            for f in [executor.submit(_ready) for _ in range(self.workers)]:
                f.result()
        except BaseException as e:  # (no pool: the caller goes on alone)
            self._failed = e
        finally:
            self._started.set()

    @property
    def ready(self) -> bool:
        """Every worker is up."""
        return self._started.is_set() and self._failed is None and self._executor is not None

    @property
    def failed(self) -> bool:
        """The pool could not start (the caller extracts alone)."""
        return self._started.is_set() and not self.ready

    def wait(self) -> None:
        """Until the pool is up, or could not start."""
        self._started.wait()

    def submit(self, task: Callable[[list[_T]], list[_R]], items: list[_T]) -> Future[list[_R]]:
        """``task(items)`` in a worker (``task``: a module-level function, as the worker imports it);
        ``WorkerDied`` when a worker of the pool ended before."""
        from concurrent.futures.process import BrokenProcessPool

        assert self._executor is not None
        try:
            return self._executor.submit(task, items)
        except BrokenProcessPool:
            raise WorkerDied() from None

    def close(self) -> None:
        """End the workers: the tasks not started are cancelled, the running ones waited for (the pool's
        start too, when it is still under way)."""
        self._thread.join()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def result(future: Future[list[_R]]) -> list[_R]:
    """A task's claims; ``WorkerDied`` when its worker (or another of the pool) ended meanwhile."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerDied() from None
