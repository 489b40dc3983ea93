"""Snapshots (pytest-textual-snapshot) of the main screen, the groups screen and help, at 120x40.

Regenerate after an intended change: pytest tests/test_tui_snapshots.py --snapshot-update
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("pytest_textual_snapshot")

from factcheck.review import Review
from factcheck.tui.app import make_app
from factcheck.tui.config import Config

REPO = Path(__file__).resolve().parents[1]
SIZE = (120, 40)


@pytest.fixture
def app(tmp_path: Path):
    corpus = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", corpus)
    review = Review.open(tmp_path / "session.toml", [str(corpus)], reviewer="tester")
    # no autosave during the snapshot: the status line must not flip from "unsaved" to "saved"
    a = make_app(review, Config(autosave_delay=600))
    yield a
    review.close()


def test_main_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["j", "c", "j", "d"])


def test_groups_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["g"])


def test_help_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["question_mark"])
