"""``ingest.load``'s ``files_read``: every given folder is listed before any file is read, so the number of
input files and URLs to read is known from the start (a big batch's loading says "412 of 1,228 files"
where it said "loading 795…", qa24), and what is read is the same as without it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck import cache, ingest

BODY = "The council approved a budget of {n} million euros on 3 May 2024, the mayor said on Tuesday.\n"


@pytest.fixture
def batch_dir(tmp_path: Path) -> Path:
    root = tmp_path / "batch"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("Budget A\n\n" + BODY.format(n=1) * 3, encoding="utf-8")
    (root / "sub" / "b.md").write_text("# Budget B\n\n" + BODY.format(n=2) * 3, encoding="utf-8")
    records = [{"title": f"Budget {i}", "text": BODY.format(n=10 + i) * 3} for i in range(3)]
    (root / "c.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden\n\n" + BODY.format(n=3), encoding="utf-8")  # not an input
    (root / "notes.bin").write_bytes(b"\0\1")  # not an article file
    return root


def _load(paths: list[str], events: list[object] | None = None) -> ingest.Batch:
    def read(art: object) -> None:
        if events is not None:
            events.append("read")

    def files_read(done: int, total: int) -> None:
        if events is not None:
            events.append((done, total))

    return ingest.load(
        paths, cache=cache.Cache(None), read=read, files_read=files_read if events is not None else None
    )


def test_the_number_of_input_files_is_told_before_the_first_is_read(batch_dir: Path, tmp_path: Path):
    lone = tmp_path / "d.txt"
    lone.write_text("Budget D\n\n" + BODY.format(n=4) * 3, encoding="utf-8")
    # a folder, a file of it given again (read once), a file elsewhere, a path that is not there
    paths = [str(batch_dir), str(batch_dir / "a.txt"), str(lone), str(tmp_path / "missing.txt")]
    events: list[object] = []
    batch = _load(paths, events)
    told = [e for e in events if e != "read"]
    assert events[0] == (0, 4)  # a.txt, sub/b.md, c.jsonl, d.txt: files, not articles
    assert len(batch.articles) == 6  # (c.jsonl holds three)
    assert told == [(n, 4) for n in range(5)]  # one step per input read, up to the total
    assert events.index("read") > 0
    plain = _load(paths)
    assert [a.key for a in batch.articles] == [a.key for a in plain.articles]
    assert batch.errors == plain.errors and any("missing.txt" in e.path for e in batch.errors)


def test_urls_count_as_inputs(batch_dir: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ingest, "_load_url", lambda *a, **k: None)  # (no network: what is counted is checked)
    urls = ["https://example.org/a", "https://example.org/a#again", "https://example.org/b"]
    events: list[object] = []
    _load([*urls, str(batch_dir)], events)
    told = [e for e in events if e != "read"]
    assert told[0] == (0, 5) and told[-1] == (5, 5)  # two URLs (one given twice) and three files


def test_an_empty_or_missing_input_is_no_file_to_read(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    events: list[object] = []
    batch = _load([str(tmp_path / "empty"), str(tmp_path / "missing")], events)
    assert events == [(0, 0)] and not batch.articles and len(batch.errors) == 2
