"""`factcheck cache info` names every kind of entry (qa22): it named four of the eight, so its parts did not add
up to the entries it counted ("731 entries (50 files read, 50 articles' claims, 10 grouped batches, 503 pieces
of grouping states)" made 613)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import cache, cli


@pytest.fixture
def own_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """A cache of this test's own, whatever an earlier test left: a `--no-cache` run switches the process's cache
    off for good (`cache.disable()`), and the process's cache object is made once."""
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache.sqlite3"))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    cache.reset()
    yield
    cache.reset()


def test_the_kinds_named_add_up_to_the_entries(capsys, own_cache: None, seeds_copy: Path) -> None:
    assert cli.main(["extract", str(seeds_copy)]) == 0
    capsys.readouterr()
    assert cli.main(["cache", "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    kinds = {
        k: n
        for k, n in info.items()
        if k not in ("path", "enabled", "entries", "bytes", "file_bytes", "model_copies")
    }
    assert len(kinds) >= 6 and sum(kinds.values()) == info["entries"]
    assert cli.main(["cache", "info"]) == 0
    line = capsys.readouterr().out.splitlines(keepends=True)[0]  # (then the language model's copy, if kept)
    m = re.fullmatch(r".*: ([\d,]+) entries \((.*)\), [\d.]+ MB\n", line)
    assert m, line
    total, inside = m.groups()
    found = [re.fullmatch(r"([\d,]+) (\D+)", p) for p in inside.split(", ")]
    parts = [(m.group(1), m.group(2)) for m in found if m]
    assert len(parts) == len(found), inside
    assert sum(int(n.replace(",", "")) for n, _ in parts) == int(total.replace(",", "")) == info["entries"]
    assert len(parts) == len(kinds) and not any(name == "other" for _, name in parts)
    assert "1 files" not in line and "1 batches" not in line  # (one of a kind is named so)
