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

# One folder for the test run, removed when it ends (``pytest_unconfigure``): each run left its folders in the
# temp folder, one holding py3langid's model copy (68 MB) that the cache folder receives (langid_model).
RUN_FOLDER = Path(tempfile.mkdtemp(prefix="factcheck-test-run-"))
# The extraction cache of the tests lives in it (subprocesses inherit it, and share the model copy: made
# once a run), never in the user's cache folder. The tests about the cache point FACTCHECK_CACHE at their own.
os.environ["FACTCHECK_CACHE"] = str(RUN_FOLDER / "cache" / "cache.sqlite3")
# Fetched pages too (webpage.pages_dir): never the user's data folder.
os.environ["FACTCHECK_PAGES"] = str(RUN_FOLDER / "pages")
(RUN_FOLDER / "pages").mkdir()
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


def pytest_unconfigure(config: pytest.Config) -> None:
    """The run's folder (cache, model copy, pages) removed when the run ends."""
    shutil.rmtree(RUN_FOLDER, ignore_errors=True)
