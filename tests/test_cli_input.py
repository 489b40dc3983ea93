"""Input files of other tools as a reviewer gets them (a BOM a Windows editor adds, CRLF line ends)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main

TEXT = "The finance minister said on Monday that inflation rose to 3.4 percent in March, the highest level since 2019."


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_jsonl_or_json_file_saved_with_a_utf8_bom_is_read_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], newline: str
) -> None:
    """A JSONL file saved with a UTF-8 BOM (Notepad, PowerShell's Out-File) lost its first record: "invalid
    JSON at line 1, column 1: Unexpected UTF-8 BOM (decode using utf-8-sig); record skipped"; a .json record
    with one was not read at all. A BOM is no part of the JSON (README: files with a BOM are read)."""
    lines = [json.dumps({"title": f"T{i}", "text": TEXT.replace("3.4", f"3.{i}")}) for i in range(3)]
    (tmp_path / "a.jsonl").write_bytes(("\ufeff" + newline.join(lines) + newline).encode("utf-8"))
    (tmp_path / "b.json").write_bytes(("\ufeff" + json.dumps({"title": "B", "text": TEXT})).encode("utf-8"))
    assert main(["extract", "--json", str(tmp_path)]) == 0
    cap = capsys.readouterr()
    titles = [a["title"] for a in json.loads(cap.out)["articles"]]
    assert titles == ["T0", "T1", "T2", "B"], (titles, cap.err)
    assert "BOM" not in cap.err


def test_a_sidecar_saved_with_a_utf8_bom_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sidecar `a.toml` saved with a UTF-8 BOM made its article unreadable ("sidecar a.toml is not valid
    TOML: Invalid statement (at line 1, column 1)"): the article was left out of the batch."""
    (tmp_path / "a.txt").write_text(TEXT + "\n", encoding="utf-8")
    (tmp_path / "a.toml").write_text('title = "Side title"\noutlet = "Side Outlet"\n', encoding="utf-8-sig")
    assert main(["extract", "--json", str(tmp_path)]) == 0
    cap = capsys.readouterr()
    (art,) = json.loads(cap.out)["articles"]
    assert (art["title"], art["outlet"]) == ("Side title", "Side Outlet"), cap.err


def test_a_file_given_twice_is_one_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`factcheck extract a.txt a.txt` (or a file and its folder, `review corpus corpus/a.txt`) read the
    file twice: a second article "a.txt~2", "a copy of a.txt", counted twice by status and report."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT + "\n", encoding="utf-8")
    (corpus / "b.txt").write_text(
        TEXT.replace("3.4", "3.9").replace("Monday", "Friday") + "\n", encoding="utf-8"
    )
    a = str(corpus / "a.txt")
    for args in (
        [a, a],
        [str(corpus), a],
        [a, str(corpus)],
        [a, str(tmp_path / "corpus" / ".." / "corpus" / "a.txt")],
    ):
        assert main(["extract", "--json", *args]) == 0
        cap = capsys.readouterr()
        keys = [x["key"] for x in json.loads(cap.out)["articles"]]
        assert sorted(keys) == (
            ["a.txt"] if len(set(args)) == 1 or ".." in args[1] else ["a.txt", "b.txt"]
        ), (
            args,
            keys,
        )
        assert "copy" not in cap.err, cap.err


def test_a_text_file_saved_with_a_utf8_bom_gives_no_bom_in_its_first_claim(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A .txt article saved with a UTF-8 BOM gave a first claim whose text opened with U+FEFF: it went into
    the session, the reports and the TUI's list. The BOM stays in the article's text (offsets are the
    file's), but no line, sentence or claim starts with it."""
    (tmp_path / "bom.txt").write_bytes(
        "\ufeffThe mayor said on Monday that the bridge will cost 40 million dollars.\n".encode()
    )
    assert main(["extract", "--json", "--no-cache", str(tmp_path)]) == 0
    (art,) = json.loads(capsys.readouterr().out)["articles"]
    (claim,) = art["claims"]
    assert claim["text"].startswith("The mayor said")
    assert claim["start"] == 1  # the offset in the file's text, after the BOM
