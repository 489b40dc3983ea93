"""The CLI and its JSON contract, exit codes and error lines (run in-process through cli.main)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import cli, ingest


def run(capsys, *args: str) -> tuple[int, str, str]:
    rc = cli.main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def test_extract_json_contract_on_seeds(capsys, seeds_copy: Path):
    rc, out, err = run(capsys, "extract", str(seeds_copy), "--json")
    assert rc == 0, err
    doc = json.loads(out)
    assert set(doc) >= {"articles", "groups"}
    arts = {Path(a["path"]).name[:3]: a for a in doc["articles"]}
    assert sorted(arts) == ["000", "001", "002", "003", "004"]
    assert arts["001"]["published"] == "2024-04-26"
    assert arts["002"]["published"] == "2024-03-19"
    for k in ("000", "003", "004"):
        assert arts[k]["published"] is None
    ids = set()
    for a in doc["articles"]:
        text = Path(a["path"]).read_text(encoding="utf-8")
        assert {"path", "title", "outlet", "published", "claims"} <= set(a)
        furniture = [(f["start"], f["end"]) for f in a["furniture"]]
        assert a["claims"], a["path"]
        for c in a["claims"]:
            assert {"id", "text", "start", "end", "when", "speaker", "group"} <= set(c)
            assert text[c["start"] : c["end"]] == c["text"]
            assert not any(s <= c["start"] and c["end"] <= e for s, e in furniture), c["text"]
            for w in c["when"]:
                assert {"text", "value"} <= set(w)
            ids.add(c["id"])
    for g in doc["groups"]:
        assert {"id", "label", "when", "claims", "suggestions"} <= set(g)
        assert set(g["claims"]) <= ids
        for s in g["suggestions"]:
            assert (
                s["kind"] in ("supersedes", "conflicts") and s["claim"] in ids and s["by"] in ids and s["why"]
            )


def test_claim_ids_are_stable_across_runs(capsys, seeds_copy: Path):
    _, out1, _ = run(capsys, "extract", str(seeds_copy), "--json")
    _, out2, _ = run(capsys, "extract", str(seeds_copy), "--json")
    ids = lambda out: [c["id"] for a in json.loads(out)["articles"] for c in a["claims"]]  # noqa: E731
    assert ids(out1) == ids(out2) and len(set(ids(out1))) == len(ids(out1))


def test_furniture_never_yields_claims(capsys, seeds_copy: Path):
    _, out, _ = run(capsys, "extract", str(seeds_copy), "--json")
    texts = " ".join(c["text"] for a in json.loads(out)["articles"] for c in a["claims"])
    for chrome in (
        "Previous Story",
        "12 hours ago",
        "This website uses cookies",
        "I am Michael Melvin",
        "Getty Images",
    ):
        assert chrome not in texts


def test_readable_extract_and_groups(capsys, seeds_copy: Path):
    rc, out, _ = run(capsys, "extract", str(seeds_copy))
    assert rc == 0 and "claims" in out and "score" in out
    rc, out, _ = run(capsys, "groups", str(seeds_copy))
    assert rc == 0 and out.strip()


def test_times_json(capsys, tmp_path: Path):
    p = tmp_path / "t.txt"
    p.write_text("The minister said on Thursday she will travel to Rome in May.\n", encoding="utf-8")
    rc, out, _ = run(capsys, "times", str(p), "--anchor", "2024-05-16", "--json")
    assert rc == 0
    refs = json.loads(out)
    text = p.read_text(encoding="utf-8")
    assert refs and all({"start", "end", "text", "type", "value"} <= set(r) for r in refs)
    assert all(text[r["start"] : r["end"]] == r["text"] for r in refs)
    assert any(r["value"] == "2024-05-16" for r in refs)


def test_times_text_gives_line_and_column_not_counting_a_bom(capsys, tmp_path: Path):
    p = tmp_path / "t.txt"
    p.write_bytes("\ufeffThe minister said on Tuesday that the plan\nstarts in March 2024.\n".encode())
    rc, out, _ = run(capsys, "times", str(p), "--anchor", "2024-01-10")
    assert rc == 0
    where = {line.split("'")[1]: line.split()[0] for line in out.splitlines()[1:]}
    assert where == {"Tuesday": "1:22", "March 2024": "2:11"}


def test_txt_with_a_bom_has_a_title_without_it(tmp_path: Path):
    p = tmp_path / "t.txt"
    p.write_bytes("\ufeffPort plan approved\n\nThe port authority approved the plan on Tuesday.\n".encode())
    art = ingest.load([p]).articles[0]
    assert art.title == "Port plan approved"
    assert art.text.startswith("\ufeff")  # (offsets index the file as Python reads it)


def test_times_lang_is_read_whatever_its_case(capsys, tmp_path: Path):
    p = tmp_path / "t.txt"
    p.write_text("El ministro dijo el lunes pasado que viajará a Roma en mayo.\n", encoding="utf-8")
    rc, lower, _ = run(capsys, "times", str(p), "--anchor", "2024-05-16", "--lang", "es", "--json")
    assert rc == 0 and json.loads(lower)
    rc, upper, _ = run(capsys, "times", str(p), "--anchor", "2024-05-16", "--lang", "ES", "--json")
    assert rc == 0 and upper == lower


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["extract", "/definitely/missing"], 2, "no such file"),
        (["times", "/definitely/missing"], 2, "no such file"),
        (["times", "{tmp}", "--anchor", "2024-13-01"], 2, "--anchor"),
        (["times", "{tmp}", "--lang", "xx"], 2, "--lang"),  # was read as English, printed "language xx"
        (["review", "/definitely/missing"], 2, "no such file"),
    ],
)
def test_bad_input_one_line_no_traceback(capsys, tmp_path, args, code, needle):
    f = tmp_path / "x.txt"
    f.write_text("The council met on Monday to approve the budget of 3 million euros.\n", encoding="utf-8")
    args = [a.replace("{tmp}", str(f)) for a in args]
    rc, _out, err = run(capsys, *args)
    assert rc == code
    assert needle in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["groups", "extract"])
def test_nothing_readable_prints_no_empty_listing(capsys, tmp_path, command):
    """`groups` on an empty folder said "no event groups" on stdout beside the error (exit 2): nothing was read,
    so there is nothing to list."""
    rc, out, err = run(capsys, command, str(tmp_path))
    assert rc == 2
    assert out == "" and "holds no article files" in err


def test_partial_batch_exit_code_1(capsys, tmp_path):
    (tmp_path / "good.txt").write_text(
        "The council met on Monday to approve the budget of 3 million euros.\n", encoding="utf-8"
    )
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    rc, out, err = run(capsys, "extract", str(tmp_path), "--json")
    assert rc == 1
    assert "bad.txt" in err and json.loads(out)["articles"]


def test_usage_error_exit_2(capsys):
    rc, _, _ = run(capsys, "extract")
    assert rc == 2


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["extract"], "factcheck extract: error: the following arguments are required: PATH;"),
        (
            ["mark", "s.toml"],
            "factcheck mark: error: the following arguments are required: VERDICT;",
        ),
        (["times", "--anchor"], "factcheck times: error: argument --anchor: expected one argument;"),
        (
            ["review", "--published", "2019-12-31", "seeds"],
            "factcheck review: error: unrecognized arguments: --published (--published is an option of"
            " `factcheck edit`);",
        ),
    ],
)
def test_a_usage_error_is_one_line_naming_the_command_s_help(capsys, args, said):
    """argparse printed its usage (two lines, more for a long command) above the error; every other error is
    one line. The line names the command, what is wrong, where its arguments are listed, and an option of
    another command says which."""
    rc, out, err = run(capsys, *args)
    assert rc == 2 and out == ""
    assert err.count("\n") == 1 and "usage:" not in err, err
    assert err.startswith(said), err
    command = args[0]
    assert err.rstrip().endswith(f"`factcheck {command} --help` lists what it takes"), err


def test_python_dash_m(tmp_path):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and "factcheck" in r.stdout


def _claims_of(out: str) -> list[dict]:
    return [c for a in json.loads(out)["articles"] for c in a["claims"]]


def test_extract_hides_claims_below_the_threshold_and_all_lists_them(capsys, seeds_copy: Path):
    from factcheck.model import DEFAULT_MIN_SCORE

    rc, out, err = run(capsys, "extract", str(seeds_copy), "--json")
    assert rc == 0, err
    assert json.loads(out)["min_score"] == DEFAULT_MIN_SCORE
    shown = _claims_of(out)
    assert shown and all(c["score"] >= DEFAULT_MIN_SCORE and "hidden" not in c for c in shown)
    rc, out, err = run(capsys, "extract", str(seeds_copy), "--json", "--all")
    every = _claims_of(out)
    hidden = [c for c in every if c.get("hidden")]
    assert hidden, "the seeds have claims below the default threshold"
    assert all(c["score"] < DEFAULT_MIN_SCORE for c in hidden)
    assert [c["id"] for c in every if not c.get("hidden")] == [c["id"] for c in shown]
    # the default output's groups list only shown claims; under --all their hidden members too
    doc = json.loads(out)
    listed = {cid for g in doc["groups"] for cid in g["claims"]}
    assert listed <= {c["id"] for c in every}
    rc, out, err = run(capsys, "extract", str(seeds_copy), "--json")
    default = json.loads(out)
    assert {cid for g in default["groups"] for cid in g["claims"]} <= {c["id"] for c in shown}
    # a lower threshold shows more claims, and groups consider them; a sentence under the extractor's
    # floor (kept as grouping evidence) is no claim whatever the threshold
    from factcheck.extract import MIN_SCORE

    rc, out, err = run(capsys, "extract", str(seeds_copy), "--json", "--min-score", "0")
    assert len(_claims_of(out)) == len([c for c in every if c["score"] >= MIN_SCORE]) > len(shown)
    # the readable listing counts the hidden claims and marks them under --all
    rc, out, err = run(capsys, "extract", str(seeds_copy))
    assert "hidden below score" in out and "  hidden" not in out
    rc, out, err = run(capsys, "extract", str(seeds_copy), "--all")
    evidence = [c for c in hidden if c.get("evidence")]
    assert all(c["score"] < MIN_SCORE for c in evidence)
    assert all(c["score"] >= MIN_SCORE for c in hidden if not c.get("evidence"))
    assert out.count("  hidden\n") == len(hidden) - len(evidence)
    assert out.count("  evidence\n") == len(evidence)


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high"])
def test_min_score_must_be_a_score(capsys, seeds_copy: Path, value: str):
    rc, _out, err = run(capsys, "extract", str(seeds_copy), "--min-score", value)
    assert rc == 2 and "--min-score" in err and "Traceback" not in err


def test_every_group_holds_a_shown_claim_and_hidden_ones_join_their_event(seeds_copy: Path):
    from factcheck import pipeline
    from factcheck.model import GroupOverrides

    corpus = pipeline.build([str(seeds_copy)])
    index = corpus.claim_index()
    assert corpus.groups
    for g in corpus.groups:
        assert any(corpus.is_shown(index[cid]) for cid in g.claims), g.id
    hidden = [c for c in corpus.all_claims() if not corpus.is_shown(c)]
    assert hidden
    # nothing is grouped when nothing is shown
    corpus.min_score = 1.0
    pipeline.regroup(corpus)
    assert corpus.groups == [] and all(c.group is None for c in corpus.all_claims())
    # ... but a reviewer's merge of two hidden claims is honoured
    a, b = hidden[0], next(c for c in hidden if c.article_key != hidden[0].article_key)
    pipeline.regroup(corpus, GroupOverrides(merges=[(a.id, b.id)]))
    assert corpus.group_of(a.id) is corpus.group_of(b.id) is not None


def test_an_unknown_command_names_the_commands(tmp_path, monkeypatch) -> None:
    from factcheck.cli import main

    monkeypatch.chdir(tmp_path)
    err_lines: list[str] = []
    monkeypatch.setattr("factcheck.cli.err", err_lines.append)
    assert main(["bogus"]) == 2
    assert "bogus: no such file or folder" in err_lines[0] and "commands: " in err_lines[0]
    assert "extract" in err_lines[0]
    err_lines.clear()
    assert main(["extrct"]) == 2
    assert "did you mean `factcheck extract`?" in err_lines[0]


def test_extract_counts_one_claim_in_the_singular(capsys, tmp_path: Path) -> None:
    """A page with one claim was listed "1 claims"."""
    (tmp_path / "a.txt").write_text(
        "+++\npublished = 2024-03-04\n+++\nThe city council approved the Elm Street bridge on Monday by 7 votes"
        " to 2, the mayor said.\n",
        encoding="utf-8",
    )
    rc, out, _ = run(capsys, "extract", "--no-cache", str(tmp_path / "a.txt"))
    assert rc == 0 and out.splitlines()[1] == "  1 claim", out


def test_extract_json_is_corpus_json_one_article_a_line(capsys, seeds_copy: Path):
    """``extract --json`` streams ``corpus_json`` (same keys, same order, same values), one article a line."""
    from factcheck import pipeline

    rc, out, err = run(capsys, "extract", str(seeds_copy), "--json", "--all")
    assert rc == 0, err
    doc = json.loads(out)
    want = cli.corpus_json(pipeline.build([str(seeds_copy)]), show_hidden=True)
    assert list(doc) == list(want) == ["articles", "min_score", "groups", "errors"]
    assert doc == json.loads(json.dumps(want))
    lines = out.splitlines()
    # the head, the articles, "],", min_score, the groups' head, the groups, "],", errors
    assert len(lines) == 1 + len(doc["articles"]) + 3 + len(doc["groups"]) + 2
    for line, art in zip(lines[1:], doc["articles"], strict=False):
        assert json.loads(line.rstrip(",")) == art


@given(
    st.lists(st.dictionaries(st.text(max_size=5), st.text(max_size=8), max_size=3), max_size=4),
    st.lists(
        st.tuples(
            st.text(max_size=5),
            st.one_of(st.none(), st.floats(allow_nan=False), st.lists(st.text(max_size=4), max_size=3)),
        )
    ),
)
def test_json_lines_round_trip(items, tail):
    from factcheck.textout import json_lines

    text = "".join(json_lines("articles", iter(items), tail))
    want = {"articles": items} | dict(tail)
    assert json.loads(text) == want
    assert text.endswith("}\n")
    assert all(line.strip() for line in text.splitlines())


def test_fetch_and_extract_agree_when_every_url_failed(capsys, tmp_path: Path, monkeypatch) -> None:
    """Nothing readable is exit 2 for every command (README): `fetch` said 1 where `extract` said 2."""
    from factcheck import webpage

    def fail(url, *a, **k):
        raise webpage.PageError("HTTP error 404 Not Found")

    monkeypatch.setattr(webpage, "fetch_record", fail)
    url = "http://127.0.0.1:9/missing"
    rc_fetch, _, err_fetch = run(capsys, "fetch", url, "-o", str(tmp_path / "pages"))
    rc_extract, _, err_extract = run(capsys, "extract", url)
    assert "HTTP error 404 Not Found" in err_fetch and "HTTP error 404 Not Found" in err_extract
    assert rc_fetch == rc_extract == 2


@pytest.mark.parametrize("value", ["-1", "0", "nan", "inf"])
def test_fetch_timeout_must_be_a_positive_number_of_seconds(
    capsys, tmp_path: Path, monkeypatch, value
) -> None:
    """`--timeout -1` was passed on to each fetch ("cannot fetch: Timeout value out of range" per URL), and 0 made
    the sockets non-blocking: a usage error before anything is fetched."""
    from factcheck import webpage

    def never(*a, **k):
        raise AssertionError("nothing is fetched with a bad --timeout")

    monkeypatch.setattr(webpage, "fetch_record", never)
    rc, _, err = run(capsys, "fetch", "http://127.0.0.1:9/a", "--timeout", value, "-o", str(tmp_path))
    assert rc == 2 and err.strip() == "factcheck: --timeout must be a number of seconds above 0", err


def test_the_command_list_says_what_edit_sets(capsys) -> None:
    """`factcheck -h` said edit sets "an article's title or outlet, or a claim's speaker": it sets the
    publication date too (`--published`)."""
    rc, out, _ = run(capsys, "-h")
    assert rc == 0
    flat = " ".join(out.split())
    assert "edit set an article's title, outlet or publication date, or a claim's speaker" in flat


def test_cache_clear_json_prints_json(tmp_path: Path) -> None:
    """`factcheck cache clear --json` printed the text line ('--json' was taken and ignored)."""
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "FACTCHECK_CACHE": str(tmp_path / "c.sqlite3"),
        "FACTCHECK_CONFIG": str(tmp_path / "x"),
    }
    art = tmp_path / "a.txt"
    art.write_text(
        "The minister said on Monday that inflation rose to 3.4 percent in March.\n", encoding="utf-8"
    )

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, env=env, check=False
        )

    assert run("extract", str(art)).returncode == 0
    entries = json.loads(run("cache", "info", "--json").stdout)["entries"]
    r = run("cache", "clear", "--json")
    cleared = json.loads(r.stdout)
    assert r.returncode == 0 and cleared == {
        "path": str(tmp_path / "c.sqlite3"),
        "removed": entries,
        "model_bytes_freed": cleared["model_bytes_freed"],
    }
    assert entries > 0
    assert (
        cleared["model_bytes_freed"] > 0
    )  # (the language model's copy the extraction kept beside the cache)


def test_times_says_when_a_detected_language_has_no_time_rules(capsys, tmp_path: Path):
    """`factcheck times` on a Russian text printed "0 time expressions, ..., language ru", as if Russian
    rules had found none; the English rules read it (`--lang ru` is a usage error for that reason). The
    header says so."""
    p = tmp_path / "ru.txt"
    p.write_text(
        "Первое заседание штаба поддержки Путина прошло в Екатеринбурге 6 января 2012 года. "
        "В нём приняли участие представители общественных организаций и предприятий региона.\n",
        encoding="utf-8",
    )
    rc, out, _ = run(capsys, "times", str(p))
    assert (
        rc == 0 and "language ru (no time rules for it: read with the English rules)" in out.splitlines()[0]
    )
    p.write_text("The minister said on Thursday she will travel to Rome in May.\n", encoding="utf-8")
    rc, out, _ = run(capsys, "times", str(p))
    assert rc == 0 and out.splitlines()[0].endswith("language en")


def test_an_empty_folder_names_every_kind_of_file_read(tmp_path, capsys):
    """A folder of nothing readable said "(.txt, .md, .json, .jsonl, .html)", leaving out .htm, .xhtml,
    .ndjson, .markdown and .text, which are read too."""
    from factcheck.ingest import SUPPORTED

    (tmp_path / "notes.docx").write_bytes(b"PK")
    assert cli.main(["extract", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "holds no article files" in err
    assert all(suffix in err for suffix in SUPPORTED), err


def test_a_command_runs_with_the_collector_paused_and_leaves_it_as_it_was(monkeypatch, seeds_copy: Path):
    """The batch a CLI command builds lives until it ends: the cycle collector is paused over the command (its
    full passes over the batch cost ~0.2 CPU s a run) and enabled again when the command returns or fails."""
    import gc

    seen: list[bool] = []

    def command(args) -> int:
        seen.append(gc.isenabled())
        return 0

    def failing(args) -> int:
        seen.append(gc.isenabled())
        raise cli.UsageError("no")

    assert gc.isenabled()
    monkeypatch.setattr(cli, "cmd_extract", command)
    assert cli.main(["extract", str(seeds_copy)]) == 0
    monkeypatch.setattr(cli, "cmd_extract", failing)
    assert cli.main(["extract", str(seeds_copy)]) == cli.EXIT_USAGE
    assert seen == [False, False]
    assert gc.isenabled()


PAGE = """<!DOCTYPE html><html lang="en"><head><title>Council approves bridge</title>
<meta property="article:published_time" content="2024-03-14T09:00:00Z">
<script>var last = "Monday, 2 January 2023"; function track() { return "2019"; }</script></head>
<body><nav><a href="/">Home</a> <a href="/archive/2020">2020 archive</a></nav>
<article><h1>Council approves bridge</h1>
<p>The city council approved the new bridge on Tuesday after a debate that lasted four hours.</p>
<p>Construction will start in May and the bridge should open in the autumn of 2026, the mayor said.</p>
</article><footer>Copyright 2021 Example News</footer></body></html>
"""


def test_times_reads_a_web_page_as_extract_does(capsys, tmp_path: Path):
    """`factcheck times page.html` tagged the raw HTML: its scripts' and menus' dates ("2 January 2023",
    "2019", "2020 archive") came out as the page's times, and the anchor was "unknown" though the page is
    dated. A page (or a scraper record) is read as `extract` reads it: the article's text, dated by the
    page."""
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    rc, out, _ = run(capsys, "times", str(p))
    assert rc == 0
    head, *rows = out.splitlines()
    assert "anchor 2024-03-14" in head and "in the article's text" in head
    found = {row.split("'")[1]: row.split()[2] for row in rows}
    assert found.get("Tuesday") == "2024-03-12"
    assert "2 January 2023" not in found and "2019" not in found and "2021" not in found
    rc, out, _ = run(capsys, "times", str(p), "--json")
    assert rc == 0 and {r["text"] for r in json.loads(out)} == set(found)


def test_times_reads_each_record_of_a_jsonl_file(capsys, tmp_path: Path):
    p = tmp_path / "r.jsonl"
    recs = [
        {
            "title": "A",
            "date": "2024-05-16",
            "text": "The minister said on Thursday she will travel to Rome in May.",
        },
        {"title": "B", "date": "2023-01-10", "text": "The port authority approved the plan on Tuesday."},
    ]
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    rc, out, _ = run(capsys, "times", str(p), "--json")
    assert rc == 0
    got = json.loads(out)
    assert [g["anchor"] for g in got] == ["2024-05-16", "2023-01-10"]
    assert any(t["value"] == "2023-01-10" for t in got[1]["times"])


def test_times_reads_a_url_as_extract_does(capsys, tmp_path: Path, monkeypatch):
    # `times http://...` said "no such file" (exit 2), though `factcheck --help` has it read "a web page" and
    # extract, groups and review take URLs
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text(
        "<html><head><title>Rates rise</title><meta property='article:published_time' content='2024-05-16'>"
        "</head><body><article><h1>Rates rise</h1><p>The central bank said on Thursday that it will raise "
        "rates in June, its governor told reporters in Frankfurt.</p><p>The last rise was in March 2023, "
        "when inflation reached 8 percent.</p></article></body></html>",
        encoding="utf-8",
    )
    monkeypatch.setenv("FACTCHECK_PAGES", str(tmp_path / "pages"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/a.html"
        rc, from_url, err = run(capsys, "times", url, "--json")
        assert rc == 0, err
        rc, from_file, err = run(capsys, "times", str(site / "a.html"), "--json")
        assert rc == 0, err
        assert json.loads(from_url) == json.loads(from_file)
        assert any(r["value"] == "2024-05-16" for r in json.loads(from_url))  # dated by the page
        rc, out, err = run(capsys, "times", url.replace("a.html", "missing.html"))
        assert rc == 2 and out == "" and "404" in err and len(err.strip().splitlines()) == 1
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(
    ("args", "option", "missing"),
    [
        (["match", "--against", "a.tsv", "b.tsv"], "--against", "QUERIES"),
        (["status", "--corpus", "corpus", "s.toml"], "--corpus", "SESSION"),
        (["mark", "--corpus", "c", "s.toml", "ID", "confirmed"], "--corpus", "SESSION"),
        # an option after the values ends the list, not the explanation (it said only "required: CLAIM_ID";
        # mark takes one id or more, so VERDICT is what is missing now)
        (["mark", "s.toml", "--corpus", "c", "ID", "confirmed", "--note", "n"], "--corpus", "VERDICT"),
        (["report", "--corpus", "c", "s.toml", "-f", "csv"], "--corpus", "SESSION"),
    ],
)
def test_a_list_option_that_took_the_positionals_says_so(capsys, args, option, missing) -> None:
    """`match --against A B` hands B to --against (it takes every value after it): the usage error says so and
    how to write it, instead of only that QUERIES is missing."""
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert f"required: {missing}" in err
    assert f"{option} took every value after it" in err and " -- " in err
    assert err.count("error:") == 1


def test_a_list_option_ended_with_two_dashes_leaves_the_positionals(tmp_path: Path, capsys) -> None:
    archive = tmp_path / "a.tsv"
    archive.write_text("id\tclaim\tverdict\nc1\tBus fares rose 12% in March 2024.\tFalse\n", encoding="utf-8")
    queries = tmp_path / "q.tsv"
    queries.write_text("id\ttext\nq1\tBus fares rose 12% in March 2024.\n", encoding="utf-8")
    code = cli.main(["match", "--no-cache", "--against", str(archive), "--", str(queries)])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "q1" in out.out and "c1" in out.out


def _dated_twice(tmp_path: Path) -> None:
    """A record and a saved page whose metadata dates them 2019-06-19 while the text's dateline says 2018-10-23."""
    body = [
        "Published: 23 October 2018",
        "The council voted on Tuesday to raise bus fares by 12 percent, its leader said in a statement.",
        "The rise takes effect in March, according to the transport office. Critics said the increase would hit"
        " low-income riders hardest, and several groups promised to protest.",
    ]
    rec = {"title": "Council votes on bus fares", "date": "2019-06-19", "text": "\n\n".join(body)}
    (tmp_path / "rec.json").write_text(json.dumps(rec), encoding="utf-8")
    (tmp_path / "my page.html").write_text(
        '<html><head><title>Council votes on bus fares</title><meta property="article:published_time"'
        ' content="2019-06-19"></head><body><article><h1>Council votes on bus fares</h1>'
        + "".join(f"<p>{p}</p>" for p in body)
        + "</article></body></html>",
        encoding="utf-8",
    )


def test_a_date_notice_names_what_dated_the_article_and_how_to_set_it(capsys, tmp_path: Path) -> None:
    """realworld-dev's ADAC page (a saved .html): "date: the record says 2019-06-19, ..." where there is no
    record (the page's metadata gave the date), and "(set it: p in the review, or factcheck edit --published)",
    a command missing the session and the article. The notice in `--json` carries no instructions."""
    _dated_twice(tmp_path)
    rc, out, err = run(
        capsys, "extract", "--no-cache", str(tmp_path / "rec.json"), str(tmp_path / "my page.html")
    )
    assert rc == 0
    lines = err.splitlines()
    (page,) = [x for x in lines if "my page.html" in x]
    (record,) = [x for x in lines if "rec.json" in x]
    assert "date: the page's metadata says 2019-06-19, the text's own dateline 2018-10-23" in page
    assert "factcheck edit SESSION --article 'my page.html' --published DATE" in page
    assert "date: the record says 2019-06-19" in record and "--article rec.json --published DATE" in record
    rc, out, err = run(capsys, "extract", "--no-cache", "--json", str(tmp_path / "my page.html"))
    (notice,) = json.loads(out)["articles"][0]["notices"]
    assert notice == "date: the page's metadata says 2019-06-19, the text's own dateline 2018-10-23"


def test_a_claim_cut_in_a_listing_says_so(capsys, seeds_copy: Path, tmp_path: Path) -> None:
    """`groups` listed each claim cut at 90 characters and `match` each query at 100, mid-word and with nothing
    to say the claim went on ("... merchant vessel flying an Ethiopian f"): a reviewer read it as the claim."""
    rc, out, _ = run(capsys, "groups", "--no-cache", str(seeds_copy))
    assert rc == 0
    rc, doc, _ = run(capsys, "extract", "--no-cache", "--json", str(seeds_copy))
    texts = {c["id"]: " ".join(c["text"].split()) for a in json.loads(doc)["articles"] for c in a["claims"]}
    cut = 0
    for line in out.splitlines():  # a member: "  DATE  OUTLET  ID  STANCE  TEXT"
        member = re.match(r"  (?:\d{4}-\d\d-\d\d|\?{4}-\?\?-\?\?)  ", line)
        cid = next((w for w in line.split() if w in texts), None) if member else None
        if cid and len(texts[cid]) > 90:
            cut += 1
            assert line.endswith("…"), line
    assert cut
    long = "The Indian Navy on Saturday prevented pirates from attacking a merchant vessel flying an Ethiopian flag"
    queries = tmp_path / "q.tsv"
    queries.write_text(f"id\ttext\nq1\t{long} in the Gulf of Aden.\n", encoding="utf-8")
    archive = tmp_path / "a.tsv"
    archive.write_text(
        f"id\tclaim\tverdict\nc1\t{long}, officials said on Saturday.\tTrue\n", encoding="utf-8"
    )
    rc, out, _ = run(capsys, "match", "--no-cache", str(queries), "--against", str(archive))
    assert rc == 0
    lines = out.splitlines()
    assert lines[0].startswith("q1  ") and lines[0].endswith("…") and len(lines[0]) <= len("q1  ") + 100
    assert lines[1].split("  ")[-1].endswith("…")


def test_a_groups_time_says_which_reports_words_it_comes_from(capsys, tmp_path: Path) -> None:
    """ECB+ (undated texts): a group was listed "2008  2008: New Delhi had taken a serious view ..." above
    members all dated "????-??-??", and nothing said where 2008 came from (one member's "September 15, 2008";
    the label's claim said "September this year"). The listing names the words and the report, once."""
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Navy seizes pirate boats\n\nThe Indian Navy captured 23 Somali pirates in the Gulf of Aden on"
        " September 15, 2008, a Defence Ministry release said.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Pirates captured in the Gulf of Aden\n\nIndian Navy commandos captured 23 Somali pirates in the Gulf"
        " of Aden in September, the Defence Ministry said.\n",
        encoding="utf-8",
    )
    rc, out, _ = run(capsys, "groups", "--no-cache", str(folder))
    assert rc == 0
    head, source = out.splitlines()[:2]
    assert re.fullmatch(r"g\w+  2008-09-15  The Indian Navy captured .*", head), head  # the time once
    assert source.startswith("  time 2008-09-15 from “September 15, 2008” in c"), source
    assert source.endswith("(a.txt)"), source


def test_a_time_completed_from_elsewhere_in_its_article_says_so() -> None:
    """An undated text's "in November" (XXXX-11) that grouping dated 1991-11 by the article's "November
    1991" elsewhere: its words are the source, and the year is said to come from elsewhere in the article."""
    from factcheck.model import Claim, TimeRef
    from factcheck.textout import time_source

    def claim(cid: str, key: str, text: str, words: str, value: str) -> Claim:
        at = text.index(words)
        return Claim(
            id=cid, article_id=key, article_key=key, text=text, start=0, end=len(text),
            when=[TimeRef(text=words, value=value, type="DATE", start=at, end=at + len(words))],
        )  # fmt: skip

    undated = claim(
        "c1", "a.txt", "It was in November that the government authorized the navy.", "November", "XXXX-11"
    )
    other = claim("c2", "b.txt", "The navy acted on Thursday.", "Thursday", "XXXX-WXX-4")
    assert time_source("1991-11", [other, undated]) == (undated, undated.when[0], True)
    dated = claim("c3", "b.txt", "The navy was authorized in November 1991.", "November 1991", "1991-11")
    assert time_source("1991-11", [undated, dated]) == (dated, dated.when[0], False)
    assert time_source("1991", [other]) is None


def test_the_cli_and_the_tui_say_a_groups_time_source_with_one_core_function() -> None:
    """The CLI's ``groups`` and the TUI each built the words of a group's time source (the same quotes, the
    same "its year from elsewhere"): one core function makes the phrase, each view gives only how it names
    the report. The words of a hard-wrapped text are read on one line."""
    from factcheck.model import Claim, EventGroup, TimeRef
    from factcheck.textout import time_source_words
    from factcheck.tui.fmt import group_time

    text = "The navy was authorized in November\n1991, the minister said."
    at = text.index("November")
    c = Claim(
        id="c1", article_id="a.txt", article_key="a.txt", text=text, start=0, end=len(text),
        when=[TimeRef(text="November\n1991", value="1991-11", type="DATE", start=at, end=at + 13)],
    )  # fmt: skip
    assert (
        time_source_words("1991", [c], lambda c: f"{c.id} ({c.article_key})")
        == "“November 1991” in c1 (a.txt)"
    )
    assert time_source_words("1991", [c], lambda c: "the Herald") == "“November 1991” in the Herald"
    assert time_source_words("1990", [c], lambda c: "x") is None
    g = EventGroup(id="g1", label="1991: The navy was authorized", claims=["c1"], when="1991")
    assert group_time(g, [c], {}).plain == "1991 from “November 1991” in ?"


def test_mark_superseded_by_an_earlier_report_says_so(capsys, tmp_path: Path) -> None:
    """A 2022 claim marked superseded by a report of 2018 was recorded without a word; it is recorded (dates
    can be wrong), and stderr says the report is no later one."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "early.txt").write_text(
        "+++\npublished = 2018-09-11\n+++\nThe council approved the Elm Street bridge on Monday, the mayor said.\n",
        encoding="utf-8",
    )
    (corpus / "late.txt").write_text(
        "+++\npublished = 2022-05-04\n+++\nThe council will vote on the Elm Street bridge in June, the mayor said.\n",
        encoding="utf-8",
    )
    rc, out, _ = run(capsys, "extract", "--no-cache", "--json", str(corpus))
    ids = {Path(a["path"]).name: a["claims"][0]["id"] for a in json.loads(out)["articles"]}
    session = str(tmp_path / "s.toml")
    rc, out, err = run(
        capsys,
        "mark",
        session,
        ids["late.txt"],
        "superseded",
        "--by",
        ids["early.txt"],
        "--corpus",
        str(corpus),
    )
    assert rc == 0 and out.strip() == f"{ids['late.txt']}: superseded by {ids['early.txt']}"
    assert "2018-09-11" in err and "before" in err, err
    rc, out, err = run(capsys, "mark", session, ids["late.txt"], "confirmed")
    rc, out, err = run(capsys, "mark", session, ids["early.txt"], "superseded", "--by", ids["late.txt"])
    assert rc == 0 and "before" not in err


def test_mark_with_the_id_of_a_claim_whose_article_changed_names_its_new_id(capsys, tmp_path: Path) -> None:
    """A claim id comes from its article's content: after an edit elsewhere in the article, `mark SESSION OLD`
    said only "unknown claim id", though `status` had just said its decision was re-attached. The error names
    the claim the decision now follows."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    page = corpus / "b.txt"
    page.write_text(
        "Council approves bridge\n\nThe city council approved the Elm Street bridge on Monday by 7 votes to 2, the"
        " mayor said.\n\nThe bridge will cost 5 million euros, the council said on Monday.\n",
        encoding="utf-8",
    )
    rc, out, _ = run(capsys, "extract", "--no-cache", "--json", str(corpus))
    old, gone = (c["id"] for c in json.loads(out)["articles"][0]["claims"])
    session = str(tmp_path / "s.toml")
    assert run(capsys, "mark", session, old, "disputed", "--corpus", str(corpus))[0] == 0
    assert run(capsys, "mark", session, gone, "confirmed")[0] == 0
    page.write_text(page.read_text(encoding="utf-8").replace("5 million", "6 million"), encoding="utf-8")
    rc, out, _ = run(capsys, "extract", "--no-cache", "--json", str(corpus))
    new = json.loads(out)["articles"][0]["claims"][0]["id"]
    assert new != old
    rc, _, err = run(capsys, "mark", session, old, "confirmed")
    assert rc == 2
    assert f"unknown claim id '{old}'" in err and f"now follows claim {new}" in err, err
    # once a command (or the review) saved the re-attachment, the next one found the article unchanged and
    # said only "unknown claim id": the session's history of re-attachments names where the decision went
    assert run(capsys, "edit", session, "--article", "b.txt", "--title", "Bridge")[0] == 0
    rc, _, err = run(capsys, "mark", session, old, "confirmed")
    assert rc == 2 and f"unknown claim id '{old}': its article changed" in err, err
    assert f"now follows claim {new}" in err, err
    rc, _, err = run(capsys, "mark", session, new, "superseded", "--by", old)
    assert rc == 2 and f"now follows claim {new}" in err, err
    # the claim whose own text changed: its decision is kept, attached to no claim
    rc, _, err = run(capsys, "mark", session, gone, "disputed")
    assert rc == 2 and f"unknown claim id '{gone}': no longer in its article" in err, err


def test_edit_published_refuses_a_date_after_today(capsys, tmp_path: Path) -> None:
    """`edit --published "in two weeks"` (meant: two weeks ago) dated the article 14 days ahead, and 2031-01-01
    was taken as well: a publication date after today is a slip, refused with the date it read."""
    import datetime as dt

    from factcheck.review import Review, ReviewError

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "The council approved the bridge on Monday, the mayor said.\n", encoding="utf-8"
    )
    session = tmp_path / "s.toml"
    ahead = (dt.date.today() + dt.timedelta(days=14)).isoformat()
    edit = ["edit", str(session), "--article", "a.txt", "--published"]
    with Review.open(session, [str(corpus)]) as r:
        r.save()
    rc, out, _ = run(capsys, *edit, "3 days ago")
    assert rc == 0 and (dt.date.today() - dt.timedelta(days=3)).isoformat() in out
    rc, _, err = run(capsys, *edit, "in two weeks")
    assert rc == 2 and f"{ahead} is after today" in err, err
    rc, _, err = run(capsys, *edit, "2031-01-01")
    assert rc == 2 and "2031-01-01 is after today" in err, err
    with Review.open(session, None) as r, pytest.raises(ReviewError, match="is after today"):
        r.set_published("a.txt", dt.date.today() + dt.timedelta(days=2))


@pytest.mark.parametrize("json_out", [True, False])
def test_output_closed_early_exits_141_without_a_word(tmp_path: Path, json_out: bool) -> None:
    """`factcheck extract --json | head -c 100` ended with exit 0: a `pipefail` pipeline could not tell its
    output was cut. It exits 141 (128 + SIGPIPE, as a command the pipe ended shows), with no traceback and no
    "Exception ignored" from the interpreter's last flush."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {
        **os.environ,
        "PYTHONPATH": str(root),
        "FACTCHECK_CACHE": str(tmp_path / "c.sqlite3"),
        "FACTCHECK_CONFIG": str(tmp_path / "x"),
    }
    art = tmp_path / "a.txt"
    art.write_text(
        "The minister said on Monday that inflation rose to 3.4 percent in March.\n", encoding="utf-8"
    )
    args = [sys.executable, "-m", "factcheck", "extract", *(["--json"] if json_out else []), str(art)]
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # (the reader gone before the first byte: as `| head -c 0`, or `| true`)
        err = proc.stderr.read()
        code = proc.wait(timeout=120)
    assert (code, err) == (141, b"")
    whole = subprocess.run(args, capture_output=True, env=env, check=False)  # (read whole: as ever)
    assert whole.returncode == 0 and whole.stdout and whole.stderr == b""
