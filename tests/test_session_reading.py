"""One way to read the session's files and to check their values (``session.reading``): the session file,
its history and its journal are read alike, and no session module reaches into another's private names."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import session as sess
from factcheck.session import reading

SESSION_PACKAGE = Path(sess.__file__).parent


def test_no_session_module_imports_another_modules_private_names():
    """A helper shared by two modules has a public name in the module both use (the journal imported the
    session file format's ``_Bad``, ``_Locator`` and ``_want_*``)."""
    private = []
    for path in sorted(SESSION_PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("factcheck.session"):
                private += [f"{path.name}: {a.name}" for a in node.names if a.name.startswith("_")]
    assert private == []


@pytest.mark.parametrize("kind", ["folder", "pipe", "link"])
def test_a_journal_that_is_not_a_regular_file_is_refused_by_name_not_read(tmp_path: Path, kind: str):
    """The journal is read as the history file is: a folder or a pipe in its place is refused with the file's
    name (a pipe was waited on forever, a folder raised IsADirectoryError), a link is not followed."""
    path = tmp_path / "s.toml"
    data = sess.SessionData(reviewer="ana", corpus=["../c"])
    sess.save(path, data)
    jpath = tmp_path / "s.toml.journal"
    if kind == "folder":
        jpath.mkdir()
    elif kind == "pipe":
        os.mkfifo(jpath)
    else:
        (tmp_path / "elsewhere").write_text("{journal = 1, base = ''}\n", encoding="utf-8")
        jpath.symlink_to(tmp_path / "elsewhere")
    child = f"from factcheck import session as s; s.load({str(path)!r})"
    got = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60)
    assert got.returncode == 1 and "Traceback" in got.stderr  # (the child has no CLI: the error is raised)
    last = got.stderr.strip().splitlines()[-1]
    assert last.startswith("factcheck.session.records.SessionError: ") and str(jpath) in last, last
    assert "changes not saved" in last
    cli = subprocess.run(
        [sys.executable, "-m", "factcheck", "status", str(path)], capture_output=True, text=True, timeout=60
    )
    assert cli.returncode == 2 and "Traceback" not in cli.stderr and str(jpath) in cli.stderr, cli.stderr


def test_read_file_gives_none_for_a_missing_file_and_bytes_for_a_file(tmp_path: Path):
    assert reading.read_file(tmp_path / "none") is None
    (tmp_path / "f").write_bytes(b"caf\xc3\xa9\n")
    assert reading.read_file(tmp_path / "f") == b"caf\xc3\xa9\n"


def test_line_col_counts_from_one_in_bytes_and_text():
    assert reading.line_col(b"ab\ncd", 4) == (2, 2)
    assert reading.line_col("ab\ncd", 0) == (1, 1)
