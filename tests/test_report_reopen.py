"""`factcheck report` on a batch it read before (issue #22): the path it takes with the cache warm and after a
few articles changed, and its output the same as with ``--no-cache``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import cache, grouping, pipeline
from factcheck.cli import main
from factcheck.report import _MD_SPECIAL, _md_escape

REPO = Path(__file__).resolve().parents[1]
LABELLED = REPO / "tests" / "fixtures" / "labelled"
FORMATS = ("md", "json", "csv")


def _batch(tmp_path: Path) -> Path:
    """The seeds and the labelled articles in one folder (20 articles, a few groups)."""
    folder = tmp_path / "batch"
    shutil.copytree(REPO / "seeds", folder)
    for p in (LABELLED / "articles").iterdir():
        shutil.copy(p, folder / p.name)
    return folder


def _report(session: Path, fmt: str, capsys: pytest.CaptureFixture[str], *more: str) -> str:
    """The report's stdout, its generation time cut out (the only part that differs from run to run)."""
    cache.reset()  # (each command as a fresh process runs it: nothing of the last one in memory)
    assert main(["report", str(session), "--format", fmt, *more]) == 0
    out = capsys.readouterr().out
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?", "T", out)


@pytest.fixture
def session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Path]:
    """A session on ``_batch`` with one decision, its claims cached (by the ``mark`` that made it)."""
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "c.sqlite3"))
    monkeypatch.setenv("FACTCHECK_REVIEWER", "carol")
    monkeypatch.setenv("FACTCHECK_JOBS", "1")
    cache.reset()
    folder = _batch(tmp_path)
    path = tmp_path / "s.toml"
    first = pipeline.build([folder], group=False, cache=cache.Cache(enabled=False)).all_claims()[0].id
    assert main(["mark", str(path), first, "disputed", "--corpus", str(folder)]) == 0
    capsys.readouterr()
    yield path
    cache.reset()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_warm_report_neither_extracts_nor_groups(
    session: Path, fmt: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = _report(session, fmt, capsys, "--no-cache")
    assert _report(session, fmt, capsys) == plain  # (cold: fills the cache, groups included)

    def refuse(*a: object, **k: object) -> None:
        raise AssertionError("a warm report extracted or grouped")

    monkeypatch.setattr(pipeline, "_extract_one", refuse)
    monkeypatch.setattr(grouping, "group_claims", refuse)
    assert _report(session, fmt, capsys) == plain
    assert cache.default().misses == 0


def test_after_a_few_changes_a_report_extracts_those_alone_and_regroups_from_the_saved_state(
    session: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An article edited, then one added, then one removed: each report extracts only the articles changed or
    added, groups from the state the last grouping saved, and prints what ``--no-cache`` prints."""
    folder = session.parent / "batch"
    _report(session, "md", capsys)  # (the batch grouped once: its state saved)
    extracted: list[str] = []
    states: list[bool] = []
    extract_one, group_claims = pipeline._extract_one, grouping.group_claims

    def counted(article: Any, *a: Any, **k: Any) -> Any:
        extracted.append(article.key)
        return extract_one(article, *a, **k)

    def grouped(*a: Any, **k: Any) -> Any:  # (whether the state handed over holds a grouping: the saved one)
        states.append(k.get("state") is not None and bool(k["state"].fingerprints))
        return group_claims(*a, **k)

    edited = sorted(folder.glob("*.txt"))[9]
    added = folder / "zz_new.txt"
    removed = sorted(folder.glob("*.txt"))[2]
    steps: tuple[tuple[Callable[[], object], list[str]], ...] = (
        (
            lambda: edited.write_text(
                edited.read_text(encoding="utf-8")
                + "\n\nThe ministry said on Friday that 40 people were hurt in the blast.\n",
                encoding="utf-8",
            ),
            [edited.name],
        ),
        (
            lambda: added.write_text(
                "The mayor said on Monday that the bridge would reopen in May.\n", encoding="utf-8"
            ),
            [added.name],
        ),
        (removed.unlink, []),
    )
    for change, keys in steps:
        change()
        with monkeypatch.context() as m:
            m.setattr(pipeline, "_extract_one", counted)
            m.setattr(grouping, "group_claims", grouped)
            got = _report(session, "md", capsys)
        assert sorted(extracted) == keys
        assert states == [True]
        extracted.clear()
        states.clear()
        assert got == _report(session, "md", capsys, "--no-cache")


def test_a_warm_report_does_not_import_the_extractor(tmp_path: Path) -> None:
    """Reconciling an unchanged batch re-ids no edited article: a warm report does not load the extractor's
    modules (their rules, ~0.3 CPU s), as a warm ``extract --json`` does not."""
    folder = _batch(tmp_path)
    session = tmp_path / "s.toml"
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "FACTCHECK_CACHE": str(tmp_path / "c.sqlite3"),
        "FACTCHECK_REVIEWER": "carol",
        "FACTCHECK_JOBS": "1",
    }
    first = pipeline.build([folder], group=False, cache=cache.Cache(enabled=False)).all_claims()[0].id
    for args in (
        ["mark", str(session), first, "disputed", "--corpus", str(folder)],
        ["report", str(session)],
    ):
        subprocess.run([sys.executable, "-m", "factcheck", *args], env=env, capture_output=True, check=True)
    code = (
        "import contextlib, io, sys\n"
        "from factcheck.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main(['report', {str(session)!r}])\n"
        "print(rc, sorted(m for m in sys.modules if m in ('factcheck.extract', 'factcheck.attribution')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "0 []"


@given(st.text(alphabet=st.sampled_from([*_MD_SPECIAL, "a", " ", "é", "\\", "-", "\n"]) | st.characters()))
def test_markdown_escaping_puts_a_backslash_before_each_special_character(text: str) -> None:
    assert _md_escape(text) == "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)
