"""Hostile input: terminal injection, corpus containment, special files, reports (issue #19).

Each test fails on the code before the fix it covers (real symlinks, FIFOs and read-only folders)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import cli
from factcheck.textout import BIDI_CONTROLS, inert, json_text

OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
CSI = "\x1b[2J\x9b31m"
RLO = "\u202e"
ARTICLE = (
    "Harbour fire{osc} contained{rlo}\n\n"
    "The fire at the harbour of Valmora was contained on Monday, the fire brigade said in a statement.{osc}\n"
    "Officials said 40 people were evacuated from the docks on Sunday night.{csi}{rlo}\n"
)
DANGEROUS = ["\x1b", "\x07", "\x9b", "\x9d", "\r", *map(chr, BIDI_CONTROLS)]


def run(capsys, *args: str) -> tuple[int, str, str]:
    rc = cli.main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def clean(s: str) -> bool:
    return not any(ch in s for ch in DANGEROUS)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE.format(osc=OSC52, rlo=RLO, csi=CSI), encoding="utf-8")
    (d / f"b{RLO}txt.md").write_text(ARTICLE.format(osc="", rlo="", csi=""), encoding="utf-8")
    (d / "c\x1b[31m.txt").write_bytes(b"\xff\xfe\x00bad")
    return d


# ---------------------------------------------------------------------------------------------
# Item 2: terminal injection


@given(st.text())
def test_inert_leaves_no_control_or_bidi_character(s: str) -> None:
    out = inert(s)
    assert clean(out.replace("\n", "").replace("\t", ""))
    assert all(ch.isprintable() or ch in "\n\t" or ord(ch) > 0x9F for ch in out)
    assert inert(out) == out  # idempotent: printing twice is safe


@given(
    st.recursive(st.text() | st.integers() | st.none(), lambda c: st.lists(c) | st.dictionaries(st.text(), c))
)
def test_json_text_is_valid_json_without_raw_terminal_controls(obj) -> None:
    s = json_text(obj, html_safe=True)
    assert json.loads(s) == obj
    assert clean(s) and "<" not in s and ">" not in s and "&" not in s


@pytest.mark.parametrize("command", ["extract", "groups"])
def test_cli_text_output_is_inert(capsys, hostile: Path, command: str) -> None:
    rc, out, err = run(capsys, command, str(hostile))
    assert rc == 1  # one unreadable file
    assert clean(out) and clean(err), (out, err)
    assert "␛]52" in out or command == "groups"
    assert "c␛[31m.txt" in err


def test_cli_json_output_escapes_bidi_and_c1(capsys, hostile: Path) -> None:
    _rc, out, err = run(capsys, "extract", str(hostile), "--json")
    assert clean(out) and clean(err)
    doc = json.loads(out)
    texts = [a["title"] or "" for a in doc["articles"]] + [a["path"] for a in doc["articles"]]
    assert any(RLO in t for t in texts) and any(
        "\x1b" in c["text"] for a in doc["articles"] for c in a["claims"]
    )


def test_times_output_is_inert(capsys, hostile: Path) -> None:
    rc, out, err = run(capsys, "times", str(hostile / "a.txt"))
    assert rc == 0 and clean(out) and clean(err)


def test_error_lines_are_inert(capsys, tmp_path: Path) -> None:
    rc, _out, err = run(capsys, "extract", str(tmp_path / f"nope{OSC52}{RLO}"))
    assert rc == 2 and clean(err) and "nope␛]52" in err
