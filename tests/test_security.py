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
    (d / "c\x1b[31m.txt").write_bytes(b"\x00\x01bad")
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


# ---------------------------------------------------------------------------------------------
# Items 5-10: one bad input never sinks the batch

GOOD = "The mayor of Valmora said on Monday that the harbour would reopen on 12 March 2024 after repairs.\n"


def _good(d: Path, n: int = 3) -> None:
    for i in range(n):
        (d / f"good{i}.txt").write_text(f"Story {i}\n\n{GOOD}", encoding="utf-8")


def _load(*paths: Path):
    from factcheck import ingest

    return ingest.load(list(paths))


def _reasons(batch) -> dict[str, str]:
    return {Path(e.path).name: e.reason for e in batch.errors}


DEEP = 100_000


@pytest.mark.parametrize(
    "name, content",
    [
        ("deep.json", "[" * DEEP + "]" * DEEP),
        ("deep.jsonl", '{"text": "ok ok"}\n' + "[" * DEEP + "]" * DEEP + "\n"),
        ("deepfm.md", "+++\nx = " + "[" * DEEP + "]" * DEEP + "\n+++\n" + GOOD),
        ("deeprec.json", '{"text": "' + GOOD.strip() + '", "authors": ' + "[" * 5000 + "]" * 5000 + "}"),
    ],
)
def test_deeply_nested_input_is_one_line_and_the_rest_is_read(
    tmp_path: Path, name: str, content: str
) -> None:
    _good(tmp_path)
    (tmp_path / name).write_text(content, encoding="utf-8")
    batch = _load(tmp_path)
    assert len([a for a in batch.articles if a.key.startswith("good")]) == 3
    reasons = _reasons(batch)
    assert "nested too deeply" in reasons.get(name, "") or "nested too deeply" in " ".join(reasons.values())


def test_deeply_nested_sidecar(tmp_path: Path) -> None:
    _good(tmp_path)
    (tmp_path / "good1.toml").write_text("x = " + "[" * DEEP + "]" * DEEP + "\n", encoding="utf-8")
    batch = _load(tmp_path)
    assert len(batch.articles) == 2 and "nested too deeply" in _reasons(batch)["good1.txt"]


def test_non_utf8_file_name_is_listed_and_the_rest_read(tmp_path: Path, capsys) -> None:
    _good(tmp_path)
    bad = tmp_path.as_posix().encode() + b"/caf\xe9.txt"
    with open(bad, "w", encoding="utf-8") as f:
        f.write(GOOD)
    batch = _load(tmp_path)
    assert len(batch.articles) == 3
    assert any("caf\\xe9.txt" in e.path and "UTF-8" in e.reason for e in batch.errors)
    rc, out, err = run(capsys, "extract", str(tmp_path))
    assert rc == 1 and "caf\\xe9.txt" in err and out.count("good") == 3


@pytest.mark.skipif(__import__("os").geteuid() == 0, reason="root reads everything")
def test_unreadable_sidecar_and_subfolder_are_listed(tmp_path: Path) -> None:
    _good(tmp_path)
    (tmp_path / "good0.toml").write_text('title = "x"\n', encoding="utf-8")
    (tmp_path / "good0.toml").chmod(0)
    sub = tmp_path / "sub"
    sub.mkdir()
    _good(sub)
    sub.chmod(0)
    try:
        batch = _load(tmp_path)
    finally:
        sub.chmod(0o755)
    reasons = _reasons(batch)
    assert "sidecar good0.toml cannot be read" in reasons["good0.txt"]
    assert "folder cannot be read" in reasons["sub"]
    assert len(batch.articles) == 2


def test_unreadable_subfolder_even_as_root(tmp_path: Path, monkeypatch) -> None:
    """The same path as a chmod 0 folder, for runs as root (which reads everything): scandir fails."""
    import os

    _good(tmp_path)
    sub = tmp_path / "sub"
    sub.mkdir()
    _good(sub)
    real = os.scandir

    def scandir(p):
        if Path(p) == sub:
            raise PermissionError(13, "Permission denied")
        return real(p)

    monkeypatch.setattr(os, "scandir", scandir)
    batch = _load(tmp_path)
    assert len(batch.articles) == 3 and "folder cannot be read (Permission denied)" in _reasons(batch)["sub"]


@pytest.mark.parametrize("url", ["http://[::1", "javascript:alert(1)", 42, "ftp://x.org/a"])
def test_bad_url_field_never_drops_records(tmp_path: Path, url) -> None:
    recs = [{"text": GOOD, "url": "https://a.example/1"}, {"text": GOOD, "url": url}, {"text": GOOD}]
    (tmp_path / "list.json").write_text(json.dumps(recs), encoding="utf-8")
    batch = _load(tmp_path / "list.json")
    assert len(batch.articles) == 3 and not batch.errors
    bad = batch.articles[1]
    assert bad.url is None and bad.outlet is None and "not an http(s) URL" in bad.notices[0]


def test_bad_url_in_sidecar(tmp_path: Path) -> None:
    _good(tmp_path, 1)
    (tmp_path / "good0.toml").write_text('url = "http://[::1"\n', encoding="utf-8")
    batch = _load(tmp_path)
    assert len(batch.articles) == 1 and batch.articles[0].url is None and batch.articles[0].notices


def test_a_bad_jsonl_line_skips_that_record_only(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text(
        json.dumps({"text": GOOD}) + "\n{broken\n" + json.dumps({"text": GOOD}) + "\n", encoding="utf-8"
    )
    batch = _load(f)
    assert [a.record for a in batch.articles] == [0, 2]
    assert "line 2" in batch.errors[0].reason


@given(
    st.lists(
        st.text(alphabet=st.sampled_from('ab \u2028\u2029\u0085\r"\\é'), max_size=30), min_size=1, max_size=5
    )
)
def test_jsonl_with_unicode_line_separators_in_strings(tmp_path_factory, texts: list[str]) -> None:
    from factcheck import ingest

    recs = [{"text": "x" + t} for t in texts]
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n"
    got, problems = ingest._json_records(body, ".jsonl")
    assert not problems and [r for _, r in got] == recs


def test_fifo_device_and_socket_are_refused_without_blocking(tmp_path: Path, capsys) -> None:
    import os
    import socket

    _good(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(tmp_path / "sock.md"))
    try:
        batch = _load(tmp_path)
    finally:
        s.close()
    reasons = _reasons(batch)
    assert len(batch.articles) == 3
    assert "FIFO" in reasons["pipe.txt"] and "socket" in reasons["sock.md"]
    for special in ("/dev/zero", "/dev/urandom", str(tmp_path / "pipe.txt")):
        rc, _out, err = run(capsys, "times", special)
        assert rc == 2 and "refused" in err, err


def test_symlinked_fifo_inside_the_corpus_is_refused_at_open(tmp_path: Path) -> None:
    import os

    _good(tmp_path)
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link.txt").symlink_to(tmp_path / "pipe")
    batch = _load(tmp_path)
    assert len(batch.articles) == 3 and "FIFO" in _reasons(batch)["link.txt"]


def test_many_short_lines_are_refused_quickly(tmp_path: Path) -> None:
    from factcheck import ingest

    f = tmp_path / "lines.txt"
    f.write_text("a\n" * (ingest.MAX_LINES + 1), encoding="utf-8")
    _good(tmp_path)
    batch = _load(tmp_path)
    assert len(batch.articles) == 3 and "lines; an article has at most" in _reasons(batch)["lines.txt"]


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\xef\xbb\xbf", "empty file"),
        (b"\xef\xbb\xbf \n\t\n", "empty file"),
        (GOOD.encode() * 2000 + b"\x00" + GOOD.encode(), "binary"),
        (b"\xff\xfe" + "a\x00b".encode("utf-16-le"), "binary"),
    ],
)
def test_bom_only_is_empty_and_nul_anywhere_is_binary(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "x.txt").write_bytes(data)
    assert reason in _reasons(_load(tmp_path / "x.txt"))["x.txt"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_read(tmp_path: Path, codec: str) -> None:
    text = f"Story\n\n{GOOD}"
    raw = text.encode(codec)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    (tmp_path / "x.txt").write_bytes(raw)
    batch = _load(tmp_path / "x.txt")
    assert not batch.errors and batch.articles[0].text == text


@given(st.binary(max_size=300))
def test_read_text_file_never_raises_anything_but_valueerror(tmp_path_factory, data: bytes) -> None:
    from factcheck import ingest

    f = tmp_path_factory.mktemp("r") / "x.txt"
    f.write_bytes(data)
    try:
        text = ingest.read_text_file(f)
    except ValueError:
        return
    assert "\x00" not in text and text.replace("\ufeff", "").strip()
