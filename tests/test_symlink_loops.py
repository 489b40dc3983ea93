"""A symlink loop given as an input, or inside a folder given (fix38): `extract LOOP` ended in a traceback
(``Path.resolve`` raises RuntimeError on a loop, in the cache's key of the batch), and a loop inside a folder was
called a "broken symlink". Each is one line naming the link and saying it is a loop, exit code 2 (nothing read)
or 1 (the rest read), no traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck import cli

ARTICLE = (
    "The minister said on Monday that inflation rose to 3.4 percent in March, the statistics office said.\n"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def loops(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink("self.txt", folder / "self.txt")  # a link to itself
    os.symlink("two.txt", folder / "one.txt")  # two links to each other
    os.symlink("one.txt", folder / "two.txt")
    os.symlink("gone.txt", folder / "broken.txt")
    return folder


@pytest.mark.parametrize("name", ["self.txt", "one.txt"])
@pytest.mark.parametrize("command", ["extract", "groups", "review"])
def test_a_loop_given_is_one_line(
    capsys: pytest.CaptureFixture[str], loops: Path, name: str, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_CONFIG", str(loops.parent / "no-config.toml"))
    code, out, err = run(capsys, command, str(loops / name))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"factcheck: {loops / name}: symlink loop (the link leads back to itself): nothing to read"
    ]


def test_a_loop_as_the_corpus_of_a_session_command_is_one_line(
    capsys: pytest.CaptureFixture[str], loops: Path
) -> None:
    session = loops.parent / "s.toml"
    code, _, err = run(capsys, "mark", str(session), "c0", "confirmed", "--corpus", str(loops / "one.txt"))
    assert code == 2 and "symlink loop" in err and len(err.splitlines()) == 1
    assert not session.exists()


def test_loops_in_a_folder_are_named_and_the_rest_read(
    capsys: pytest.CaptureFixture[str], loops: Path
) -> None:
    code, out, err = run(capsys, "extract", str(loops))
    assert code == 1 and "a.txt" in out and "inflation" in out
    said = sorted(line for line in err.splitlines() if "symlink" in line)
    assert said == [
        f"factcheck: {loops / 'broken.txt'}: broken symlink (what it points to does not exist)",
        *(
            f"factcheck: {loops / n}: symlink loop (the link leads back to itself): nothing to read"
            for n in ("one.txt", "self.txt", "two.txt")
        ),
    ], err
