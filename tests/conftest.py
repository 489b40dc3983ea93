from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# No test is a timing test (speed is measured in bench/): hypothesis's per-example deadline (200 ms) failed
# tests on a loaded machine ("DeadlineExceeded" on a first call that imported a module).
settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

# The extraction cache of the tests lives in a folder of their own (subprocesses inherit it), never in the
# user's cache folder.
os.environ["FACTCHECK_CACHE"] = str(Path(tempfile.mkdtemp(prefix="factcheck-test-cache-")) / "cache.sqlite3")
# Fetched pages too (webpage.pages_dir): never the user's data folder.
os.environ["FACTCHECK_PAGES"] = tempfile.mkdtemp(prefix="factcheck-test-pages-")
# Batches are extracted in the test's own process (subprocesses inherit it): a big uncached batch started a
# pool of worker processes by default (the usable CPUs), slow on a CI machine of two cores shared by the
# suite. The tests about the pool ask for one themselves (``--jobs 2``, ``jobs=2``, ``parallel.set_jobs``),
# which this does not change; those about the variable set it themselves.
os.environ["FACTCHECK_JOBS"] = "1"


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the seed articles."""
    dst = tmp_path / "seeds"
    shutil.copytree(SEEDS, dst)
    return dst
