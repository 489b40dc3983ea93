"""Hostile input: terminal injection, corpus containment, special files, reports (issue #19).

Each test fails on the code before the fix it covers (real symlinks, FIFOs and read-only folders)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
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


@settings(deadline=None)  # (file system work on a shared machine)
@given(st.text())
def test_inert_leaves_no_control_or_bidi_character(s: str) -> None:
    out = inert(s)
    assert clean(out.replace("\n", "").replace("\t", ""))
    assert all(ch.isprintable() or ch in "\n\t" or ord(ch) > 0x9F for ch in out)
    assert inert(out) == out  # idempotent: printing twice is safe


@settings(deadline=None)  # (file system work on a shared machine)
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


@settings(deadline=None)  # (file system work on a shared machine)
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


@pytest.mark.parametrize(
    "data",
    [
        # a Latin-1 text that opens with "ÿþ", read in pairs as UTF-16: CJK letters and unassigned code points
        "ÿþHello world, this is text!\nAnd a second line of it here.".encode("latin-1"),
        b"\xff\xfe\x01\x00\x02\x00",  # control codes
        b"\xff\xfe" + "\ue000\ue001 private".encode("utf-16-le"),
    ],
)
def test_a_utf16_mark_over_no_utf16_text_is_unreadable(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "x.txt").write_bytes(data)
    assert "another encoding behind a UTF-16 byte-order mark" in _reasons(_load(tmp_path / "x.txt"))["x.txt"]


@pytest.mark.parametrize(
    "text",
    ["北京时间2024年5月，记者报道。\n第二段。", "Привет, мир.\n\tЭто текст.", "من\u200cخواهم رفت.\n"],
)
def test_utf16_text_of_any_script_is_read(tmp_path: Path, text: str) -> None:
    (tmp_path / "x.txt").write_bytes(text.encode("utf-16"))
    batch = _load(tmp_path / "x.txt")
    assert not batch.errors and batch.articles[0].text == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_read(tmp_path: Path, codec: str) -> None:
    text = f"Story\n\n{GOOD}"
    raw = text.encode(codec)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    (tmp_path / "x.txt").write_bytes(raw)
    batch = _load(tmp_path / "x.txt")
    assert not batch.errors and batch.articles[0].text == text


@settings(deadline=None)  # (file system work on a shared machine)
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


# ---------------------------------------------------------------------------------------------
# Item 3: corpus containment


def test_symlink_out_of_the_corpus_is_not_followed(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _good(corpus, 2)
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "private.txt").write_text(
        "The secret plan was approved by the board on 3 March 2024 in Oslo.\n"
    )
    (corpus / "leak.txt").symlink_to(secret / "private.txt")
    (corpus / "leakdir").symlink_to(secret)
    (corpus / "inside.txt").symlink_to(corpus / "good0.txt")
    batch = _load(corpus)
    reasons = _reasons(batch)
    assert "outside the corpus folder" in reasons["leak.txt"] and "outside" in reasons["leakdir"]
    assert sorted(a.key for a in batch.articles) == ["good0.txt", "good1.txt", "inside.txt"]
    rc, out, err = run(capsys, "extract", str(corpus), "--json")
    assert rc == 1 and "secret plan" not in out and "leak.txt: symlink pointing outside" in err


def test_session_reopens_with_its_corpus_in_every_command(tmp_path: Path, capsys, monkeypatch) -> None:
    c2 = tmp_path / "c2"
    c2.mkdir()
    _good(c2, 2)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("FACTCHECK_REVIEWER", "ann")
    doc = json.loads(run(capsys, "extract", "../c2", "--json")[1])
    cid = doc["articles"][0]["claims"][0]["id"]
    rc, _out, err = run(capsys, "mark", "s.toml", cid, "confirmed", "--corpus", "../c2")
    assert rc == 0, err
    rc, out, err = run(capsys, "status", "s.toml")
    assert rc == 0 and "1 of" in out and f"corpus: {c2.resolve()}" in out, err
    rc, out, err = run(capsys, "report", "s.toml", "-f", "json")
    assert rc == 0 and json.loads(out)["summary"]["articles"] == 2, err
    rc, out, err = run(capsys, "mark", "s.toml", cid, "disputed")
    assert rc == 0, err
    monkeypatch.chdir(tmp_path)  # from another folder: paths are relative to the session, not the cwd
    rc, out, err = run(capsys, "status", "work/s.toml", "--json")
    assert (
        rc == 0
        and json.loads(out)["progress"]["disputed"] == 1
        and json.loads(out)["corpus"] == [str(c2.resolve())]
    )


def test_session_commands_print_notes_names_and_reviewers_inertly(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    from factcheck import textout

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _good(corpus, 2)
    monkeypatch.chdir(tmp_path)
    doc = json.loads(run(capsys, "extract", "corpus", "--json")[1])
    cid = doc["articles"][0]["claims"][0]["id"]
    for who in (f"ann{OSC52}", f"bob{RLO}"):
        monkeypatch.setenv("FACTCHECK_REVIEWER", who)
        verdict = "confirmed" if who.startswith("ann") else "disputed"
        rc, out, err = run(
            capsys,
            "mark",
            f"{who[:3]}{CSI}.toml",
            cid,
            verdict,
            "--note",
            f"see{OSC52}{RLO}",
            "--corpus",
            "corpus",
        )
        assert rc == 0 and clean(out) and clean(err), err
    a, b = f"ann{CSI}.toml", f"bob{CSI}.toml"
    rc, out, err = run(capsys, "merge", a, b, "-o", f"m{OSC52}.toml")
    assert rc == 0 and clean(out) and clean(err) and "ann␛]52" in out
    rc, out, err = run(capsys, "status", a)
    assert rc == 0 and clean(out) and clean(err) and "ann␛]52" in out
    monkeypatch.setattr(textout.InertStream, "isatty", lambda self: True)  # a report to a terminal
    for fmt in ("md", "csv", "json", "claimreview"):
        rc, out, err = run(
            capsys, "report", a, "-f", fmt, "--org", f"Org{OSC52}", "--base-url", "https://x.org/r"
        )
        assert rc == 0 and clean(out) and clean(err), (fmt, out, err)


# ---------------------------------------------------------------------------------------------
# Items 4, 14, 15: reports


@pytest.fixture
def reviewed(tmp_path: Path, monkeypatch):
    """A session with one reviewed claim per article; one article undated, one with a javascript: url."""
    from factcheck.review import Review

    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    recs = [
        {"text": GOOD, "url": "https://news.example/2024/03/10/harbour", "sitename": "News"},
        {
            "text": "The governor of Valmora said on Monday that the harbour would reopen next week after repairs.",
            "url": "javascript:alert(1)",
        },
    ]
    (corpus / "feed.json").write_text(json.dumps(recs), encoding="utf-8")
    r = Review.open(tmp_path / "s.toml", [str(corpus)], reviewer="ann")
    for a, verdict in zip(r.corpus.articles, ("confirmed", "disputed"), strict=True):
        c = r.claims(a.key)[0]
        r.mark(c.id, verdict, note="</script><script>alert(1)</script> & more")
    r.save()
    return r


def test_claimreview_is_safe_inside_a_script_element(reviewed) -> None:
    from factcheck.report import render

    notes: list[str] = []
    text = render(reviewed, "claimreview", organisation="O", base_url="https://o.example/r", notes=notes)
    assert "</script" not in text.lower() and "<" not in text and "&" not in text
    objs = json.loads(text)
    assert objs[0]["reviewRating"]["ratingExplanation"].startswith("</script>")
    urls = [w.get("url") for o in objs for w in o["itemReviewed"]["appearance"]]
    assert "javascript:alert(1)" not in urls and "https://news.example/2024/03/10/harbour" in urls
    # the undated record: its date fields left out, and said so
    assert any("itemReviewed.datePublished and firstAppearance left out for 1 claim" in n for n in notes)


def test_only_http_urls_are_evidence(reviewed) -> None:
    from factcheck.review import ReviewError

    cid = reviewed.claims(reviewed.corpus.articles[0].key)[0].id
    for bad in ("javascript:alert(1)", "http://[::1", "data:text/html,x", "file:///etc/passwd"):
        with pytest.raises(ReviewError, match="http"):
            reviewed.add_evidence(cid, bad)
    reviewed.add_evidence(cid, "https://evidence.example/a_b?x=1&y=2")


def test_bad_evidence_is_left_out_of_claimreview(reviewed, tmp_path: Path, monkeypatch) -> None:
    """A session refuses such evidence on load (file, line, column); should one reach a report anyway, the
    export leaves it out and says so."""
    import dataclasses

    from factcheck import session as sess
    from factcheck.report import render
    from factcheck.review import Review

    reviewed.close()
    target = next(iter(sess.load(tmp_path / "s.toml").decisions))
    r = Review.open(tmp_path / "s.toml", readonly=True)
    real = r.decision

    def decision(cid: str):  # type: ignore[no-untyped-def]
        d = real(cid)
        return (
            dataclasses.replace(d, evidence=("javascript:alert(1)", "https://ok.example/x"))
            if cid == target
            else d
        )

    monkeypatch.setattr(r, "decision", decision)
    notes: list[str] = []
    objs = json.loads(render(r, "claimreview", organisation="O", base_url="https://o.example", notes=notes))
    assert [o.get("citation") for o in objs if o.get("citation")] == [["https://ok.example/x"]]
    assert any("citation left out" in n for n in notes)
    r.close()


def test_cli_report_claimreview_required_and_strict(reviewed, tmp_path: Path, capsys) -> None:
    reviewed.close()
    s = str(tmp_path / "s.toml")
    rc, out, err = run(capsys, "report", s, "-f", "claimreview", "--org", "O")
    assert rc == 2 and out == "" and "--base-url" in err
    rc, out, err = run(
        capsys, "report", s, "-f", "claimreview", "--org", "O", "--base-url", "https://o.example"
    )
    assert rc == 0 and len(json.loads(out)) == 2 and "recommended itemReviewed.datePublished" in err
    rc, out, err = run(
        capsys, "report", s, "-f", "claimreview", "--org", "O", "--base-url", "https://o.example", "--strict"
    )
    assert rc == 2 and out == "" and "--strict" in err


@settings(deadline=None)  # (file system work on a shared machine)
@given(
    st.text(alphabet=st.sampled_from(" \t\r\n\u3000\u00a0=+-@＝＋－＠a1'"), max_size=6),
    st.text(max_size=10),
)
def test_csv_cells_are_never_formulas(prefix: str, rest: str) -> None:
    from factcheck.report import safe_cell

    cell = safe_cell(prefix + rest)
    assert cell.startswith("'") or (
        cell.lstrip()[:1] not in set("=+-@＝＋－＠") and cell[:1] not in ("\t", "\r")
    )


def test_csv_cells_carry_no_terminal_escapes() -> None:
    from factcheck.report import safe_cell

    # a note with an OSC 52 clipboard write and a bell: `cat report.csv` would run them
    cell = safe_cell("ok\x1b]52;c;ZXZpbA==\x07 done\nsecond\tline")
    assert "\x1b" not in cell and "\x07" not in cell
    assert cell == "ok\u241b]52;c;ZXZpbA==\u2407 done\nsecond\tline"  # newline and tab kept
    assert safe_cell("\r=1+1").startswith("'")


def test_markdown_keeps_urls_clickable_and_notes_multiline() -> None:
    from factcheck.report import md, md_lines

    assert md("see https://x.org/a_b?c=1&d=2.") == "see <https://x.org/a_b?c=1&d=2>."
    assert md("(https://en.example/Foo_(bar))") == "(<https://en.example/Foo_(bar)>)"
    # a bracket the URL opened stays in it (evidence "https://x.org/da/[release]" was "<…/[release>\]")
    assert md("https://x.org/da/[release]") == "<https://x.org/da/[release]>"
    assert md("[see https://x.org/a]") == "\\[see <https://x.org/a>\\]"
    assert md("{https://x.org/q?f={a}}") == "\\{<https://x.org/q?f={a}>\\}"
    assert md("a_b <b> javascript:x") == "a\\_b \\<b\\> javascript:x"
    note = md_lines("first\n- second\n2. third\n\nhttps://x.org/y_z", "    ")
    assert note == "first\\\n    \\- second\\\n    2\\. third\\\n    <https://x.org/y_z>"


@settings(deadline=None)
@given(st.text())
def test_markdown_of_untrusted_text_holds_no_control_or_bidi_character(s: str) -> None:
    """A Markdown report is read with cat as often as in an editor: a note's ESC or RLO must not reach it."""
    from factcheck.report import md, md_lines

    for out in (md(s), md_lines(s, "    ")):
        assert clean(out.replace("\n", ""))
        assert all(ch.isprintable() or ch == "\n" or ord(ch) > 0x9F for ch in out)
    assert md("red \x1b[31mtext\u202e") == "red ␛\\[31mtext\ufffd"


def test_sidecar_symlinked_out_of_the_corpus_is_not_followed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _good(corpus, 2)
    (tmp_path / "outside.toml").write_text('title = "Outside secret"\n', encoding="utf-8")
    (corpus / "good0.toml").symlink_to(tmp_path / "outside.toml")
    (corpus / "real.toml").write_text('title = "Inside title"\n', encoding="utf-8")
    (corpus / "good1.toml").symlink_to(corpus / "real.toml")
    batch = _load(corpus)
    assert "symlink out of the corpus folder" in _reasons(batch)["good0.txt"]
    assert [a.title for a in batch.articles] == ["Inside title"]


def test_usage_errors_are_inert(capsys) -> None:
    rc, out, err = run(capsys, "extract", "x.txt", f"--bogus{OSC52}{RLO}")
    assert rc == 2 and clean(out) and clean(err) and "--bogus␛]52" in err


def test_records_per_file_are_bounded_and_the_rest_named(tmp_path: Path, monkeypatch) -> None:
    from factcheck import ingest

    monkeypatch.setattr(ingest, "MAX_RECORDS", 5)
    f = tmp_path / "many.jsonl"
    f.write_text("".join(json.dumps({"text": f"{GOOD} {i}"}) + "\n" for i in range(8)), encoding="utf-8")
    batch = _load(f)
    assert len(batch.articles) == 5
    assert "3 records after the first 5 not read" in batch.errors[0].reason


def test_review_with_only_a_session_opens_the_session_corpus(tmp_path: Path, monkeypatch) -> None:
    """`factcheck review --session S` must not replace S's corpus with seeds/."""
    import factcheck.tui.app as app

    seen: list[list[str]] = []
    monkeypatch.setattr(
        app, "run", lambda paths, session, readonly=False, fetch_errors=None: seen.append(list(paths)) or 0
    )
    (tmp_path / "s.toml").write_text("", encoding="utf-8")
    assert cli.main(["review", "--session", str(tmp_path / "s.toml")]) == 0
    assert seen == [[]]  # Review.open then takes the corpus stored in the session
    assert cli.main(["review", "--session", str(tmp_path / "new.toml")]) == 0
    assert len(seen[1]) == 1  # a new session starts on the default corpus


def test_the_review_opens_a_batch_with_a_bad_file(tmp_path: Path) -> None:
    """The TUI's path (Review.open): a deeply nested file beside good ones is one error, not a refusal."""
    from factcheck.review import Review

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _good(corpus)
    (corpus / "deep.json").write_text("[" * DEEP + "]" * DEEP, encoding="utf-8")
    r = Review.open(tmp_path / "s.toml", [str(corpus)], reviewer="ann")
    try:
        assert len(r.corpus.articles) == 3 and "nested too deeply" in r.corpus.errors[0].reason
    finally:
        r.close()


_FRAGMENTS = st.sampled_from(
    ["{", "}", "[", "]", '"text"', ":", ",", '"', "\\", "\n", "\r", "+++", "\ufeff", "\x00", "\u2028", "é", " ",
     "url", '"http://[::1"', "null", "1e999", "title = ", "published = 2024-01-01", GOOD]
)  # fmt: skip


@settings(deadline=None)  # (file system work on a shared machine)
@given(st.lists(_FRAGMENTS, max_size=30), st.sampled_from([".json", ".jsonl", ".md", ".txt"]))
def test_any_file_content_is_an_article_or_one_error_line(
    tmp_path_factory, parts: list[str], suffix: str
) -> None:
    d = tmp_path_factory.mktemp("fz")
    (d / f"x{suffix}").write_text("".join(parts), encoding="utf-8", errors="surrogatepass")
    (d / "x.toml").write_text("".join(reversed(parts)), encoding="utf-8", errors="surrogatepass")
    _good(d, 1)
    batch = _load(d)  # never raises
    assert any(a.key == "good0.txt" for a in batch.articles)
    assert all(e.reason and "\n" not in e.reason for e in batch.errors)


def test_an_error_line_stays_one_line(tmp_path: Path, capsys) -> None:
    d = tmp_path / "c"
    d.mkdir()
    _good(d, 1)
    (d / "x\nfactcheck: all fine.txt").write_bytes(b"\x00")
    rc, _out, err = run(capsys, "extract", str(d))
    assert rc == 1 and err.count("\n") == 1 and "x␤factcheck: all fine.txt: binary" in err


@settings(deadline=None)  # (file system work on a shared machine)
@given(st.text(alphabet=st.sampled_from("ab \r\n\ufeffé\u2028"), min_size=1, max_size=40))
def test_utf8_is_read_exactly_as_path_read_text(tmp_path_factory, text: str) -> None:
    from factcheck import ingest

    f = tmp_path_factory.mktemp("u") / "x.txt"
    f.write_bytes(text.encode("utf-8"))
    expected = f.read_text(encoding="utf-8")
    try:
        assert ingest.read_text_file(f) == expected
    except ValueError as e:
        assert str(e) == "empty file" and not expected.replace("\ufeff", "").strip()


def test_tui_bidi_controls_and_line_separators_are_inert_in_the_tui() -> None:
    from factcheck.tui.fmt import literal, sanitize

    hostile = "price \u202erotcaf\u202c up\u2066x\u2069\u2028next \x1b[31m"
    shown = sanitize(hostile)
    assert len(shown) == len(hostile)  # one character for one: claim offsets still hold
    assert not any(ord(ch) in (0x202E, 0x202C, 0x2066, 0x2069, 0x2028, 0x1B) for ch in shown)
    assert literal(hostile).plain == shown
