"""bench/ingest.py's page cache: an entry is written atomically, and one left unreadable (a run killed while
writing it, before the write was atomic) is made again instead of crashing the bench."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench_modules import bench_module  # tests/bench_modules.py


@pytest.fixture
def bench(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    mod = bench_module("ingest")
    monkeypatch.setattr(mod, "_cache_dir", lambda: tmp_path)
    return mod


def test_an_entry_is_made_once_and_read_back(bench, tmp_path: Path) -> None:
    made: list[str] = []

    def make(text: str):
        return lambda: made.append(text) or {"text": text}

    assert bench._cached("record", b"<html>page</html>", make("x")) == {"text": "x"}
    assert bench._cached("record", b"<html>page</html>", make("y")) == {"text": "x"}
    assert made == ["x"]
    assert [p.name.endswith(".json") for p in (tmp_path / "record").iterdir()] == [True]  # no temporary left


def test_a_half_written_entry_is_made_again(bench, tmp_path: Path) -> None:
    bench._cached("record", b"<html>page</html>", lambda: {"text": "x"})
    (entry,) = (tmp_path / "record").iterdir()
    entry.write_text('{"v": {"te', encoding="utf-8")  # what a killed non-atomic write leaves
    assert bench._cached("record", b"<html>page</html>", lambda: {"text": "again"}) == {"text": "again"}
    assert bench._cached("record", b"<html>page</html>", lambda: {"text": "never"}) == {"text": "again"}
