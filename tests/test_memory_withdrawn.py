"""A decision taken back in a session is taken out of the archive when the session is archived again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.memory import load_archive

TEXT = """Finance Minister Anna Berg said on Monday that inflation rose to 3.4 percent in March, the highest level since 2019.
The central bank in Oslo announced that it will raise interest rates by 0.25 points at its meeting on 12 June.
According to Statistics Norway, unemployment fell to 2.1 percent in the first quarter of the year.
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def test_a_verdict_taken_back_leaves_the_shared_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for desk in ("one", "two"):
        (tmp_path / desk / "corpus").mkdir(parents=True)
        (tmp_path / desk / "corpus" / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    assert main(["extract", "--json", "one/corpus"]) == 0
    ids = [c["id"] for a in json.loads(capsys.readouterr().out)["articles"] for c in a["claims"]]
    marks = [
        ("ann", "one", ids[0], "confirmed"),
        ("ann", "one", ids[1], "disputed"),
        ("ann", "one", ids[2], "confirmed"),
        ("bob", "two", ids[1], "confirmed"),
    ]
    for who, desk, cid, verdict in marks:
        monkeypatch.setenv("FACTCHECK_REVIEWER", who)
        assert run(capsys, "mark", f"{desk}/s.toml", cid, verdict, "--corpus", f"{desk}/corpus")[0] == 0
    for desk in ("one", "two"):
        assert run(capsys, "memory", "add", "--archive", "shared.jsonl", f"{desk}/s.toml")[0] == 0
    assert len(load_archive(tmp_path / "shared.jsonl")[0]) == 4
    monkeypatch.setenv("FACTCHECK_REVIEWER", "ann")
    assert run(capsys, "mark", "one/s.toml", ids[1], "unreviewed")[0] == 0  # ann takes her verdict back
    code, out, err = run(capsys, "memory", "add", "--archive", "shared.jsonl", "one/s.toml")
    assert code == 0, err
    assert "1 taken back" in out
    checks = load_archive(tmp_path / "shared.jsonl")[0]
    assert sorted((c.id.split("-")[0], c.author, c.verdict) for c in checks) == sorted(
        [(ids[0], "ann", "confirmed"), (ids[2], "ann", "confirmed"), (ids[1], "bob", "confirmed")]
    )  # bob's check of the same claim, from his own session, stays
