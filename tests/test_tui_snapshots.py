"""Snapshots (pytest-textual-snapshot) of the main screen, the groups screen and help, at 120x40.

The corpus is three short articles written here (plain attributed sentences with explicit dates), not the
seeds: the screens then change when the TUI changes, and rarely when the extractor or the grouping is tuned.
Regenerate after an intended change: pytest tests/test_tui_snapshots.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytest_textual_snapshot")

from factcheck.review import Review
from factcheck.tui.app import make_app
from factcheck.tui.config import Config

SIZE = (120, 40)

CORPUS = {
    "01_harbour.md": (
        "+++\n"
        'title = "Harbour bridge to reopen in June, council says"\n'
        'outlet = "Harbour Times"\n'
        "published = 2024-03-04\n"
        "+++\n"
        "\n"
        "The harbour bridge will reopen on 12 June 2024, the city council said on Monday.\n"
        "\n"
        '"The repairs are on schedule," council engineer Anna Keller told reporters.\n'
        "\n"
        "The bridge was closed in January after inspectors found cracks in two supports.\n"
    ),
    "02_metro.md": (
        "+++\n"
        'title = "Bridge reopening delayed to July"\n'
        'outlet = "Metro Wire"\n'
        "published = 2024-05-20\n"
        "+++\n"
        "\n"
        "The harbour bridge will not reopen until 1 July 2024, council engineer Anna Keller said on Monday.\n"
        "\n"
        "Keller said the delay was caused by a shortage of steel.\n"
        "\n"
        "Traffic on the ferry route rose by 40 percent since the closure, the port authority said.\n"
        "\n"
        "Inspectors found cracks in two supports of the harbour bridge in January, the council said.\n"
    ),
    "03_ledger.md": (
        "+++\n"
        'title = "Ferry operator adds evening crossings"\n'
        'outlet = "Daily Ledger"\n'
        "published = 2024-05-22\n"
        "+++\n"
        "\n"
        "The ferry operator will add four evening crossings from next week, its chief executive Omar Haddad said.\n"
        "\n"
        "Haddad said passenger numbers had doubled since the bridge closed in January.\n"
    ),
}


@pytest.fixture
def app(tmp_path: Path):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for name, text in CORPUS.items():  # the metadata goes to a sidecar: the article pane shows only the text
        _, meta, body = text.split("+++\n", 2)
        stem = name.rsplit(".", 1)[0]
        (corpus / f"{stem}.txt").write_text(body.lstrip("\n"), encoding="utf-8")
        (corpus / f"{stem}.toml").write_text(meta, encoding="utf-8")
    review = Review.open(tmp_path / "session.toml", [str(corpus)], reviewer="tester")
    # no autosave during the snapshot: the status line must not flip from "unsaved" to "saved"
    a = make_app(review, Config(autosave_delay=600))
    yield a
    review.close()


def test_main_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["j", "c", "j", "d"])


def test_groups_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, press=["g"])


def test_help_screen(snap_compare, app, monkeypatch):
    # help names the configuration file in use: the default one under a home folder, whatever this machine's
    monkeypatch.delenv("FACTCHECK_CONFIG", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", "/home/reviewer")
    assert snap_compare(app, terminal_size=SIZE, press=["question_mark"])
