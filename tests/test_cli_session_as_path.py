"""A session file given where articles go (qa22). `factcheck review sessions/x.toml` (the session, without
--session) read the session as an article and, the session of one file being named after it, made the session
its own corpus: `corpus = ['x.toml']`, its articles' decisions left outside the corpus. Now `review SESSION` opens
the session as `--session SESSION` does; a session or history file among other paths, or given to `extract`,
`groups` or a `--corpus`, is refused with what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck import cli, ingest


@pytest.fixture
def session(seeds_copy: Path, tmp_path: Path, capsys) -> tuple[Path, str]:
    """A session of the seeds with one decision, and that claim's id."""
    assert cli.main(["extract", str(seeds_copy), "--json"]) == 0
    cid = json.loads(capsys.readouterr().out)["articles"][0]["claims"][0]["id"]
    path = tmp_path / "sessions" / "seeds.toml"
    path.parent.mkdir()
    assert cli.main(["mark", str(path), cid, "confirmed", "--corpus", str(seeds_copy)]) == 0
    capsys.readouterr()
    return path, cid


def test_review_of_a_session_file_opens_that_session(session, monkeypatch) -> None:
    path, _ = session
    before = path.read_text(encoding="utf-8")
    opened: list[tuple[list[str], Path]] = []

    def run(paths, session_path, **kw) -> int:
        opened.append((list(paths), Path(session_path)))
        return 0

    import factcheck.tui.app as tui_app

    monkeypatch.setattr(tui_app, "run", run)
    assert cli.main(["review", str(path)]) == 0
    assert opened == [([], path)]  # as `review --session PATH`: the corpus it was made with
    assert path.read_text(encoding="utf-8") == before


@pytest.mark.parametrize("which", ["session", "history", "backup"])
def test_a_session_file_among_articles_is_refused(session, seeds_copy, capsys, monkeypatch, which) -> None:
    path, _ = session
    given = {
        "session": path,
        "history": path.with_name("seeds.history.toml"),
        "backup": path.with_name("seeds.toml.bak1"),
    }[which]
    if which == "backup":
        given.write_bytes(path.read_bytes())  # (a backup is a copy)
    before = path.read_text(encoding="utf-8")

    def run(*a, **kw) -> int:
        raise AssertionError("the review does not open")

    import factcheck.tui.app as tui_app

    monkeypatch.setattr(tui_app, "run", run)
    args = ["review", str(given)] if which != "session" else ["review", str(given), str(seeds_copy)]
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert "not an article" in err and "factcheck review --session FILE" in err, err
    assert path.read_text(encoding="utf-8") == before


def test_extract_refuses_a_session_file_and_reads_the_rest(session, seeds_copy, capsys) -> None:
    path, _ = session
    assert cli.main(["extract", str(path)]) == 2
    assert (
        capsys.readouterr().err.strip() == f"factcheck: {path}: a factcheck session, not an article; refused"
    )
    history = path.with_name("seeds.history.toml")
    batch = ingest.load([str(history), str(seeds_copy / "000_f93a6b8ceb696436.txt")])
    assert [e.reason for e in batch.errors] == ["a factcheck session's history, not an article; refused"]
    assert len(batch.articles) == 1


def test_a_text_that_only_mentions_sessions_is_an_article(tmp_path: Path) -> None:
    text = tmp_path / "notes.toml"
    text.write_text("title = 'x'\n# factcheck review session notes\n", encoding="utf-8")
    assert ingest.factcheck_file_kind(text) is None
