"""The tests' own cache folder (tests/conftest.py): one a test run, shared by its subprocesses, removed when
the run ends. Each run left its folders in the temp folder, one holding py3langid's model copy (68 MB)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, RUN_FOLDER  # tests/conftest.py


def test_the_cache_and_the_pages_are_in_the_run_folder() -> None:
    assert Path(os.environ["FACTCHECK_CACHE"]).is_relative_to(RUN_FOLDER)
    assert Path(os.environ["FACTCHECK_PAGES"]).is_relative_to(RUN_FOLDER)


def test_a_subprocess_writes_the_model_copy_in_the_run_folder() -> None:
    code = "from factcheck import langid_model as m; m.identifier(); print(m.cache_folder())"
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_NO_CACHE"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    folder = Path(out.stdout.strip())
    assert folder.is_relative_to(RUN_FOLDER) and (folder / "ptc.npy").is_file()


def test_a_test_run_leaves_no_folder_behind(tmp_path: Path) -> None:
    # (a light test: no model copy written for this check; the run folder is removed whole)
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env |= {"TMPDIR": str(temp), "PYTHONPATH": os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])}
    test = f"{REPO / 'tests' / 'test_test_run_folder.py'}::test_the_cache_and_the_pages_are_in_the_run_folder"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--basetemp",
            str(tmp_path / "bt"),
            test,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert [p.name for p in temp.iterdir()] == []
