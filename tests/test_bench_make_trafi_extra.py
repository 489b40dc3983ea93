"""bench/make_trafi_extra.py: the --extra set built from a trafilatura repository's evaluation data."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bench_modules import bench_module  # tests/bench_modules.py

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _repo(root: Path) -> str:
    """A tiny trafilatura-like repository: two pages, a page missing, one page realworld-dev holds."""
    (root / "tests" / "eval").mkdir(parents=True)
    (root / "tests" / "cache").mkdir()
    (root / "tests" / "eval" / "a.example.html").write_bytes(b"<html><p>caf\xc3\xa9</p></html>")
    (root / "tests" / "cache" / "b.example.html").write_bytes(b"<html>b</html>")
    (root / "tests" / "cache" / "known.html").write_bytes(b"<html>known</html>")
    gold = {
        "https://a.example/": {"file": "a.example.html", "with": ["café"], "without": ["Menu"]},
        "https://b.example/": {"file": "b.example.html", "with": [], "without": []},
        "https://gone.example/": {"file": "gone.html", "with": [], "without": []},
        "https://known.example/": {"file": "known.html", "with": [], "without": []},
    }
    (root / "tests" / "evaldata.json").write_text(json.dumps(gold), encoding="utf-8")
    run = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run([*run, "add", "."], check=True)
    subprocess.run([*run, "commit", "-q", "-m", "eval"], check=True)
    return subprocess.run(
        [*run, "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()


def test_pages_and_entries_of_the_commit_minus_realworld(tmp_path: Path) -> None:
    mod = bench_module("make_trafi_extra")
    commit = _repo(tmp_path / "trafilatura")
    out = tmp_path / "extra"
    written, left = mod.build(mod.git_dir_of(tmp_path / "trafilatura"), commit, out, {"known.html"})
    assert (written, left) == (2, 2)
    assert sorted(p.name for p in (out / "html").iterdir()) == ["a.example.html", "b.example.html"]
    assert (out / "html" / "a.example.html").read_bytes() == b"<html><p>caf\xc3\xa9</p></html>"
    gold = json.loads((out / "evaldata_extra.json").read_text(encoding="utf-8"))
    assert gold == {
        "https://a.example/": {"file": "a.example.html", "with": ["café"], "without": ["Menu"]},
        "https://b.example/": {"file": "b.example.html", "with": [], "without": []},
    }


def test_a_commit_that_does_not_exist_is_an_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mod = bench_module("make_trafi_extra")
    _repo(tmp_path / "trafilatura")
    rc = mod.main([str(tmp_path / "trafilatura"), "-o", str(tmp_path / "extra"), "--commit", "0" * 40])
    assert rc == 1
    assert "error: git" in capsys.readouterr().err
