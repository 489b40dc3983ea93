"""Reports: Markdown, CSV, JSON, ClaimReview from a fixture session; CLI errors."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import pytest

from factcheck import cli
from factcheck.model import Verdict
from factcheck.report import (
    CSV_FIELDS,
    ReportError,
    claimreviews,
    collect,
    md,
    render,
    render_markdown,
    validate_claimreview,
    write_report,
)
from factcheck.review import Review

A = """+++
outlet = "Daily Alpha"
published = 2024-05-01
url = "https://alpha.example/putin"
+++
Russian President Vladimir Putin said on Monday that he will visit China in October.
Finance Minister Anna Berg said that inflation rose to 3.4 percent in March.
"""

B = """+++
outlet = "Beta News"
published = 2024-05-03
+++
Russian President Vladimir Putin will visit China in May, the Kremlin said on Wednesday.
Officials in Oslo confirmed that 12,000 new homes were completed in 2024.
"""

C = """+++
outlet = "Gamma Post"
published = 2024-05-05
+++
The Kremlin said on Friday that President Vladimir Putin will travel to Beijing on 16 May.
"""

HOSTILE = '=HYPERLINK("http://evil.example","x") said "quoted"\nsecond line, with comma'


@pytest.fixture
def review(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in {"a.txt": A, "b.txt": B, "c.txt": C}.items():
        (corpus / name).write_text(text, encoding="utf-8")
    r = Review.open(tmp_path / "s.toml", [str(corpus)], reviewer="alice")
    a = [c.id for c in r.claims("a.txt")]
    b = [c.id for c in r.claims("b.txt")]
    c = [c.id for c in r.claims("c.txt")]
    assert len(a) >= 2 and len(b) >= 2 and len(c) >= 1
    # one event across three outlets, with a supersession chain a0 -> b0 -> c0
    r.merge_groups(a[0], b[0])
    r.merge_groups(b[0], c[0])
    r.mark(a[0], Verdict.SUPERSEDED, by=b[0], note=HOSTILE)
    r.mark(b[0], Verdict.SUPERSEDED, by=c[0], note="-1 day, +2 @home")
    r.mark(c[0], Verdict.CONFIRMED, note="Kremlin readout")
    r.add_evidence(c[0], "https://kremlin.example/readout")
    r.mark(a[1], Verdict.DISPUTED, note="Statistics office says 3.1")
    r.save()
    r.ids = {"a": a, "b": b, "c": c}  # type: ignore[attr-defined]
    yield r
    r.close()


def test_markdown_has_every_group_chain_and_unreviewed(review: Review) -> None:
    text = render(review, "md")
    ids = review.ids  # type: ignore[attr-defined]
    groups = [g for g in review.corpus.groups]
    assert groups
    for g in groups:
        assert f"## {md(g.label or g.id)}" in text
    chain = f"`{ids['a'][0]}` (Daily Alpha, 2024-05-01) -> superseded by `{ids['b'][0]}`"
    assert chain in text
    assert f"`{ids['b'][0]}` (Beta News, 2024-05-03) -> superseded by `{ids['c'][0]}`" in text
    # untrusted note is escaped (its URL an autolink), its two lines kept (a hard break between them)
    assert (
        'Note: =HYPERLINK("<http://evil.example>","x") said "quoted"\\\n    second line, with comma' in text
    )
    assert "## Still unreviewed (1)" in text
    assert ids["b"][1] in text.split("## Still unreviewed")[1]
    assert "Orphaned decisions (0)" in text
    assert "Reviewers: alice" in text
    assert "https://kremlin" in text.replace("\\", "")


def test_csv_round_trips_hostile_text(review: Review, tmp_path: Path) -> None:
    out = write_report(review, "csv", tmp_path / "r.csv")
    raw = out.read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == CSV_FIELDS
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert len(body) == sum(len(review.claims(a.key)) for a in review.corpus.articles)
    ids = review.ids  # type: ignore[attr-defined]
    first = next(r for r in body if r["claim_id"] == ids["a"][0])
    assert first["note"] == "'" + HOSTILE  # quotes and newline kept, formula defused
    assert first["verdict"] == "superseded" and first["superseded_by"] == ids["b"][0]
    assert first["outlet"] == "Daily Alpha" and first["published"] == "2024-05-01"
    second = next(r for r in body if r["claim_id"] == ids["b"][0])
    assert second["note"] == "'-1 day, +2 @home"
    for r in body:
        for v in r.values():
            assert not v.startswith(("=", "+", "-", "@"))


def test_a_csv_file_opens_in_a_spreadsheet_with_its_accents(review: Review, tmp_path: Path) -> None:
    """A CSV written to a file begins with a UTF-8 byte-order mark, the one sign Excel reads a CSV file as
    UTF-8 by: without it a Spanish desk's report opened by a double click read "JosÃ© NÃºÃ±ez" and
    "â€žvÃ¶llig Ã¼berzogenâ€œ". Standard output (a script's pipe) has none."""
    first = review.claims(review.corpus.articles[0].key)[0]
    note = "Confirmado por José Núñez: «cifra exacta», „völlig überzogen“, não"
    review.mark(first.id, Verdict.CONFIRMED, note=note)
    raw = write_report(review, "csv", tmp_path / "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == CSV_FIELDS  # (the mark is no part of the first header)
    assert next(r for r in rows if r["claim_id"] == first.id)["note"] == note
    assert not render(review, "csv").startswith("\ufeff")
    for fmt in ("md", "json"):  # (only a CSV is opened by a spreadsheet)
        assert not write_report(review, fmt, tmp_path / f"r.{fmt}").read_bytes().startswith(b"\xef")


def test_a_desk_whose_decimal_mark_is_a_comma_gets_its_csv_with_semicolons(
    review: Review, tmp_path: Path, capsys, monkeypatch
) -> None:
    """Excel opening a CSV by a double click splits it at the list separator of the system's settings, ";"
    where the decimal mark is a comma (German, French, Spanish, Portuguese...): a comma-separated report put
    every row into one column. `[report] csv_separator = ";"` in the config file (the review's R too) or
    `--separator ';'` write it with semicolons; a bad value in the file is a warning and the default."""
    first = review.claims(review.corpus.articles[0].key)[0]
    note = "cifra: 1,4 %; fuente «INE»"
    review.mark(first.id, Verdict.DISPUTED, note=note)
    assert render(review, "csv").startswith("article,outlet,")  # (the default stays RFC 4180's comma)
    conf = tmp_path / "config.toml"
    conf.write_text('[report]\ncsv_separator = ";"\n', encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CONFIG", str(conf))
    raw = write_report(review, "csv", tmp_path / "r.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw, newline=""), delimiter=";"))
    assert raw.startswith("article;outlet;") and tuple(rows[0]) == CSV_FIELDS
    assert next(r for r in rows if r["claim_id"] == first.id)["note"] == note
    session = str(review.path)
    review.close()
    out = tmp_path / "cli.csv"
    assert cli.main(["report", session, "-f", "csv", "--separator", ",", "-o", str(out)]) == 0
    assert out.read_text("utf-8-sig").startswith("article,outlet,")
    conf.write_text('[report]\ncsv_separator = "tab"\n', encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["report", session, "-f", "csv", "-o", str(out)]) == 0
    assert "'report.csv_separator' must be one of ',', ';', not 'tab'; ignored" in capsys.readouterr().err
    assert out.read_text("utf-8-sig").startswith("article,outlet,")
    assert cli.main(["report", session, "-f", "csv", "--separator", "|"]) == 2
    assert "invalid choice: '|'" in capsys.readouterr().err
    with pytest.raises(ReportError, match="unknown CSV separator"):
        render(review, "csv", csv_separator="|")


def test_json_keeps_every_decision(review: Review) -> None:
    data = json.loads(render(review, "json"))
    by_id = {r["claim_id"]: r for r in data["claims"]}
    for cid, d in review.data.decisions.items():
        if d.verdict == Verdict.UNREVIEWED:
            continue
        r = by_id[cid]
        assert r["verdict"] == str(d.verdict)
        assert r["note"] == d.note
        assert r["superseded_by"] == d.superseded_by
        assert r["evidence"] == list(d.evidence)
        assert r["reviewer"] == "alice" and r["reviewed_at"]
    assert data["summary"]["progress"]["superseded"] == 2
    assert data["summary"]["articles"] == 3
    assert any(set(review.ids["a"][:1] + review.ids["c"][:1]) <= set(g["claims"]) for g in data["groups"])  # type: ignore[attr-defined]


def test_claimreview_fields_and_configured_ratings(review: Review) -> None:
    ids = review.ids  # type: ignore[attr-defined]
    objs = json.loads(
        render(
            review,
            "claimreview",
            organisation="Check Desk",
            base_url="https://check.example/reviews",
            ratings={"confirmed": "Accurate"},
        )
    )
    assert {o["identifier"] for o in objs} == {ids["a"][0], ids["b"][0], ids["c"][0], ids["a"][1]}
    for o in objs:
        validate_claimreview(o)
        assert o["@context"] == "https://schema.org" and o["@type"] == "ClaimReview"
        assert o["author"]["name"] == "Check Desk"
        assert o["url"].startswith("https://check.example/reviews#")
        assert o["itemReviewed"]["@type"] == "Claim" and o["itemReviewed"]["appearance"]
    by = {o["identifier"]: o for o in objs}
    assert by[ids["c"][0]]["reviewRating"]["alternateName"] == "Accurate"
    assert by[ids["a"][1]]["reviewRating"]["alternateName"] == "Disputed"
    old = by[ids["a"][0]]
    assert old["reviewRating"]["alternateName"] == "Outdated"
    assert old["isBasedOn"]["identifier"] == ids["b"][0]
    assert old["itemReviewed"]["firstAppearance"]["url"] == "https://alpha.example/putin"
    # defaults
    objs = json.loads(render(review, "claimreview", organisation="X", base_url="https://x.example/r"))
    assert {o["identifier"]: o for o in objs}[ids["c"][0]]["reviewRating"]["alternateName"] == "True"


def test_claimreview_required_url_and_recommended_author(review: Review, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "none.toml"))
    with pytest.raises(ReportError, match=r"url is required\): give --base-url"):
        render(review, "claimreview", organisation="X")
    notes: list[str] = []
    objs = json.loads(render(review, "claimreview", base_url="https://x.example/r", notes=notes))
    assert objs and all("author" not in o for o in objs)
    assert any("recommended author left out" in n and "--organisation" in n for n in notes)
    with pytest.raises(ReportError, match=r"recommended author left out.*--strict"):
        render(review, "claimreview", base_url="https://x.example/r", strict=True)
    data = collect(review)
    with pytest.raises(ReportError, match="unknown verdict"):
        render(review, "claimreview", organisation="X", ratings={"bogus": "Y"})
    with pytest.raises(ReportError, match="--base-url must be an http"):
        render(review, "claimreview", base_url="javascript:alert(1)")
    assert claimreviews(
        data, {"organisation": "X", "base_url": "https://x.example", "ratings": {"confirmed": "T"}}
    )


def test_claimreview_without_a_base_url_names_the_config_file_to_set_it_in(
    review: Review, monkeypatch, tmp_path: Path
) -> None:
    """The TUI's `R` (ClaimReview) showed "give --base-url https://... or set base_url in the [report] table of
    the config": an option the TUI has no field for, and no word of which file. The message names the file."""
    config = tmp_path / "conf" / "factcheck.toml"
    monkeypatch.setenv("FACTCHECK_CONFIG", str(config))
    with pytest.raises(ReportError) as e:
        render(review, "claimreview", organisation="X")
    assert f"set base_url in the [report] table of {config}" in str(e.value), e.value
    assert "--base-url https://" in str(e.value)  # what `factcheck report` takes


def test_claimreview_url_keeps_the_base_urls_path_as_given(review: Review) -> None:
    """The README: each review's url is BASE#CLAIM_ID. A base ending in "/" (https://x.example/reviews/) lost
    its slash, naming another page (https://x.example/reviews#c...); a base with a fragment of its own would
    make a URL with two "#": it is refused."""
    objs = json.loads(render(review, "claimreview", organisation="X", base_url="https://x.example/reviews/"))
    assert objs and all(o["url"] == f"https://x.example/reviews/#{o['identifier']}" for o in objs)
    objs = json.loads(render(review, "claimreview", organisation="X", base_url="https://x.example/r"))
    assert all(o["url"] == f"https://x.example/r#{o['identifier']}" for o in objs)
    with pytest.raises(ReportError, match=r"--base-url .*#"):
        render(review, "claimreview", organisation="X", base_url="https://x.example/r#top")


def test_claimreview_organisation_from_config(review: Review, monkeypatch, tmp_path: Path) -> None:
    conf = tmp_path / "config.toml"
    conf.write_text('[report]\norganisation = "Conf Org"\n[report.ratings]\ndisputed = "False"\n')
    monkeypatch.setenv("FACTCHECK_CONFIG", str(conf))
    objs = json.loads(render(review, "claimreview", base_url="https://x.example/r"))
    assert {o["author"]["name"] for o in objs} == {"Conf Org"}
    assert "False" in {o["reviewRating"]["alternateName"] for o in objs}


def test_cli_report_writes_and_errors(review: Review, tmp_path: Path, capsys, monkeypatch) -> None:
    session = str(review.path)
    review.close()
    out = tmp_path / "r.json"
    assert cli.main(["report", session, "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["claims"]
    assert cli.main(["report", session]) == 0
    assert "# Fact-check report" in capsys.readouterr().out
    # "-o -" is standard output, as for other tools (it wrote a file named "-")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["report", session, "-o", "-"]) == 0
    assert "# Fact-check report" in capsys.readouterr().out
    assert not (tmp_path / "-").exists()
    capsys.readouterr()
    assert cli.main(["report", str(tmp_path / "missing.toml")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such session" in err
    bad = tmp_path / "bad.toml"
    bad.write_text("schema = [ unclosed\n", encoding="utf-8")
    assert cli.main(["report", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert cli.main(["report", session, "-f", "claimreview", "--rating", "nonsense"]) == 2
    assert "VERDICT=NAME" in capsys.readouterr().err


def test_markdown_flags_conflicts_and_lists_orphans(review: Review) -> None:
    ids = review.ids  # type: ignore[attr-defined]
    review.mark(ids["b"][0], Verdict.DISPUTED, note="no date given by the Kremlin")
    text = render(review, "md")
    assert "both confirmed and disputed" in text
    review.mark(ids["b"][1], Verdict.CONFIRMED, note="ministry figures")
    review.save()
    session, corpus = review.path, Path(review.corpus.paths[0])
    review.close()
    (corpus / "b.txt").write_text(
        B.split("Russian")[0] + "Storms closed every school in the northern region for three days.\n",
        encoding="utf-8",
    )
    with Review.open(session, readonly=True) as again:
        orphans = {d.claim_id for d in again.orphans}
        assert ids["b"][1] in orphans
        text = render(again, "md")
        data = json.loads(render(again, "json"))
    section = text.split("## Orphaned decisions")[1]
    assert ids["b"][1] in section and "ministry figures" in section
    assert ids["b"][1] in {o["claim_id"] for o in data["orphans"]}


def test_unknown_format_is_an_error(review: Review) -> None:
    with pytest.raises(ReportError, match="unknown report format"):
        render(review, "pdf")


def test_reviewer_conflicts_after_merge_are_flagged(review: Review, tmp_path: Path) -> None:
    ids = review.ids  # type: ignore[attr-defined]
    a_path = review.path
    review.close()
    b_path = tmp_path / "bob.toml"
    with Review.open(b_path, review.corpus.paths, reviewer="bob") as bob:
        bob.mark(ids["a"][1], Verdict.CONFIRMED, note="bob checked the bulletin")
        bob.save()
    out = tmp_path / "merged.toml"
    assert cli.main(["merge", str(a_path), str(b_path), "-o", str(out)]) == 0
    with Review.open(out, readonly=True) as merged:
        text = render(merged, "md")
    assert "Reviewer conflict: bob said confirmed (bob checked the bulletin)" in text
    assert "Reviewer conflict: alice said disputed" in text


def test_a_report_never_overwrites_the_session_or_an_article(review: Review, tmp_path: Path, capsys) -> None:
    """`factcheck report s.toml -o s.toml` wrote the Markdown over the session (exit 0: every decision gone);
    an article of the corpus could be overwritten the same way, from the CLI or the TUI's R."""
    session = review.path
    article = tmp_path / "corpus" / "a.txt"
    kept = {p: p.read_bytes() for p in (session, article)}
    targets = [session, article, session.with_name("s.history.toml"), session.with_name("s.toml.bak1")]
    for target in targets:
        with pytest.raises(ReportError, match="not written over"):
            write_report(review, "md", target)
    with pytest.raises(ReportError):  # the same file named another way
        write_report(review, "md", tmp_path / "corpus" / ".." / "s.toml")
    review.close()
    for target in (session, article):
        assert cli.main(["report", str(session), "-o", str(target)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "not written over" in err
    assert {p: p.read_bytes() for p in kept} == kept
    assert write_report(review, "md", tmp_path / "s.md").is_file()  # a name like the session's is fine


def test_a_report_never_replaces_a_device_or_a_pipe(review: Review, tmp_path: Path, capsys) -> None:
    """`factcheck report s.toml -o /dev/full` said "written /dev/full", exit 0: the atomic writer made a temp
    file in /dev and renamed it over the device (as root, /dev/full became a regular file holding the
    report; /dev/null, /dev/stdout or a named pipe the same). A path that exists and is no regular file is
    never replaced: one line, exit 2, the device or pipe left as it was. (A FIFO stands for the device here.)"""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        write_report(review, "md", fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    review.close()
    assert cli.main(["report", str(review.path), "-o", str(fifo)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a regular file" in err and "written" not in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


DE = """+++
outlet = "Tagesblatt"
published = 2024-05-02
+++
Bundeskanzler Olaf Scholz sagte am Montag, dass die Inflation im März auf 3,4 Prozent gestiegen sei.
"""

FR = """+++
outlet = "Le Quotidien"
published = 2024-05-02
+++
Le ministre des Finances a déclaré lundi que l'inflation a atteint 3,4 % en mars, son plus haut niveau depuis 2019.
"""


@pytest.mark.parametrize(("text", "code"), [(DE, "de"), (FR, "fr"), (A, "en")])
def test_claimreview_names_the_language_of_the_claim(tmp_path: Path, text: str, code: str) -> None:
    """A ClaimReview of a German or French claim had no inLanguage: a reader of the feed could not tell the
    claim's language. The claim (itemReviewed) and each article it appears in carry their article's language,
    and the JSON report's claims name it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    r = Review.open(tmp_path / "s.toml", [str(corpus)], reviewer="alice")
    try:
        cid = r.claims("a.txt")[0].id
        r.mark(cid, Verdict.CONFIRMED)
        (obj,) = json.loads(render(r, "claimreview", organisation="X", base_url="https://x.example/r"))
        validate_claimreview(obj)
        assert obj["itemReviewed"]["inLanguage"] == code
        assert [w["inLanguage"] for w in obj["itemReviewed"]["appearance"]] == [code]
        assert obj["itemReviewed"]["firstAppearance"]["inLanguage"] == code
        assert json.loads(render(r, "json"))["claims"][0]["language"] == code
    finally:
        r.close()


def test_a_link_to_a_claim_no_longer_in_the_batch_is_said_in_the_report(tmp_path: Path) -> None:
    """A claim superseded by one whose article was edited since: status named the link "dangling", the TUI
    "(no longer in the articles)", but the Markdown report read "superseded by `c7dc09ea9dc`" as if it were
    there; the JSON report had no word of it."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "The bridge will cost 4 million euros, officials said on Monday.\n", encoding="utf-8"
    )
    later = corpus / "b.txt"
    later.write_text("The bridge will cost 5 million euros, the council said on Tuesday.\n", encoding="utf-8")
    with Review.open(tmp_path / "s.toml", [str(corpus)]) as r:
        (a,) = r.claims("a.txt")
        (b,) = r.claims("b.txt")
        r.mark(a.id, Verdict.SUPERSEDED, by=b.id)
        r.add_evidence(a.id, b.id)
        r.save()
    later.write_text(
        "The bridge will cost 6 million euros, the council said on Wednesday.\n", encoding="utf-8"
    )
    with Review.open(tmp_path / "s.toml", [str(corpus)]) as r:
        data = collect(r)
    assert data["dangling"] == [
        {"claim": a.id, "link": "superseded by", "to": b.id},
        {"claim": a.id, "link": "evidence", "to": b.id},
    ]
    text = render_markdown(data)
    assert f"**superseded by `{b.id}` (no longer in the batch)**" in text, text
    assert f"Evidence: `{b.id}` (no longer in the batch)" in text, text
    assert f"-> superseded by `{b.id}` (no longer in the batch)" in text, text


@pytest.mark.parametrize(
    ("when", "words"),
    [
        ("2016-SU", "summer 2016"),
        ("199", "the 1990s"),
        ("19", "the 20th century"),
        ("XXXX-WXX-3", "Wednesday"),
    ],
)
def test_a_groups_time_reads_as_words_in_the_markdown_report(review: Review, when: str, words: str) -> None:
    """The report headed an event with its TIMEX3 code ("## 2016-SU: Now all he has to do…", "Event time:
    2016-SU"; a decade read "199") where the TUI's groups screen reads "summer 2016". The heading and the
    event's time now read as words, and the time line keeps the code beside them."""
    data = collect(review)
    g = data["groups"][0]
    text = g["label"].split(": ", 1)[-1]
    g["when"], g["label"] = when, f"{when}: {text}"
    out = render_markdown(data)
    assert f"\n## {md(words)}" in out and f": {md(text)}" in out, out
    assert f"\n## {md(when)}:" not in out
    assert f"Event time: {md(words)}" in out and f"({md(when)})" in out


def test_decades_and_centuries_read_as_words() -> None:
    """A decade's TIMEX3 value ("199", from "the 1990s" or "los años 90") showed as "199" in the TUI."""
    from factcheck.timewords import readable_time

    assert readable_time("199") == "the 1990s" and readable_time("201") == "the 2010s"
    assert readable_time("19") == "the 20th century" and readable_time("20") == "the 21st century"
    assert readable_time("2016-SU") == "summer 2016" and readable_time("2024-10") == "2024-10"


def test_claimreview_links_a_newer_claim_without_a_url_to_its_review_or_not_at_all(review: Review) -> None:
    """A superseded claim's `isBasedOn.url`, for a newer claim whose article has no URL, was BASE/CLAIM_ID: a
    page that does not exist (the reviews are at BASE#CLAIM_ID), and for an undecided newer claim no review
    is published at all. It is now the newer claim's review when one is published, and left out if not."""
    ids = review.ids  # type: ignore[attr-defined]
    base = "https://check.example/reviews"
    objs = {
        o["identifier"]: o for o in json.loads(render(review, "claimreview", organisation="X", base_url=base))
    }
    # b0 (Beta News, no URL) is itself reviewed: the link is its review, which this report publishes
    assert objs[ids["a"][0]]["isBasedOn"]["url"] == objs[ids["b"][0]]["url"] == f"{base}#{ids['b'][0]}"
    # an undecided newer claim with no URL has no page to open: no url, its words still quoted
    review.mark(ids["a"][1], Verdict.SUPERSEDED, by=ids["b"][1])
    objs = {
        o["identifier"]: o for o in json.loads(render(review, "claimreview", organisation="X", base_url=base))
    }
    link = objs[ids["a"][1]]["isBasedOn"]
    assert "url" not in link and link["identifier"] == ids["b"][1] and link["text"]
    assert ids["b"][1] not in objs


WIRE = """+++
outlet = "Wire"
published = 2008-09-16
title = "{title}"
+++
{text}
"""


@pytest.mark.parametrize("decided", [False, True])
def test_the_report_tells_apart_two_articles_of_one_outlet_and_day(tmp_path: Path, decided: bool) -> None:
    """A claim superseded by another read "superseded by `c…` (Wire, 2008-09-16)": with two Wire articles of
    that day, the outlet and date did not say which one. The report names each such article by its title (by
    its key when the titles are the same too); an article alone on its outlet and day keeps outlet and date."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "morning.txt").write_text(
        WIRE.format(title="Bank rescue talks fail", text="Lehman Brothers filed for bankruptcy on Monday."),
        encoding="utf-8",
    )
    (corpus / "evening.txt").write_text(
        WIRE.format(
            title="Fed lends AIG $85 billion", text="The Federal Reserve agreed to lend AIG $85 billion."
        ),
        encoding="utf-8",
    )
    (corpus / "beta.txt").write_text(B, encoding="utf-8")
    with Review.open(tmp_path / "s.toml", [str(corpus)], reviewer="alice") as r:
        (m,) = r.claims("morning.txt")
        (e,) = r.claims("evening.txt")
        b = r.claims("beta.txt")[0]
        r.mark(m.id, Verdict.SUPERSEDED, by=e.id)
        r.mark(b.id, Verdict.CONFIRMED)
        r.save()
        text = render_markdown(collect(r, decided=decided))
    assert f"**superseded by `{e.id}` (Wire, 2008-09-16, 'Fed lends AIG $85 billion')**" in text, text
    assert "- **Wire, 2008-09-16, 'Bank rescue talks fail'**" in text, text
    assert "- **Beta News, 2024-05-03** " in text, text
    # the same title on both: the article's key tells them apart
    for name in ("morning.txt", "evening.txt"):
        path = corpus / name
        path.write_text(
            path.read_text(encoding="utf-8").replace("Bank rescue talks fail", "Markets"), "utf-8"
        )
        path.write_text(
            path.read_text(encoding="utf-8").replace("Fed lends AIG $85 billion", "Markets"), "utf-8"
        )
    with Review.open(tmp_path / "s.toml", [str(corpus)], reviewer="alice") as r:
        (e,) = r.claims("evening.txt")  # its id follows its article's text
        text = render_markdown(collect(r, decided=decided))
    assert f"**superseded by `{e.id}` (Wire, 2008-09-16, evening.txt)**" in text, text


def test_a_decided_csv_has_a_row_for_each_claim_a_listed_one_is_superseded_by(review: Review) -> None:
    """`report --decided -f csv` named the claim a decided one is superseded by in its superseded_by cell, yet
    had no row for it when that claim had no verdict: a reader could not find it. Its row follows the decided
    ones, as the Markdown quotes it and the JSON lists it under "superseding"."""
    ids = review.ids  # type: ignore[attr-defined]
    review.mark(ids["c"][0], Verdict.UNREVIEWED)
    rows = list(csv.DictReader(io.StringIO(render(review, "csv", decided=True))))
    by_id = {r["claim_id"]: r for r in rows}
    assert by_id[ids["b"][0]]["superseded_by"] == ids["c"][0]
    assert by_id[ids["c"][0]]["verdict"] == "unreviewed"
    assert by_id[ids["c"][0]]["outlet"] == "Gamma Post"
    assert [r["claim_id"] for r in rows][-1] == ids["c"][0]  # after the decided ones


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["-o", "{folder}"], "a folder; give the report a file name in it"),
        (["-o", "{folder}/none/r.md"], "no such folder"),
        (["-f", "claimreview"], "ClaimReview needs the URL of the page publishing each review"),
    ],
)
def test_report_refuses_before_it_reads_the_batch(
    review: Review, tmp_path: Path, capsys, monkeypatch, options: list[str], said: str
) -> None:
    """`report -o FOLDER` and `report -f claimreview` with no base URL read the whole batch (seconds on a big
    one) and printed its notices (here an unreadable file) before the one-line refusal: both are known from the
    arguments and the config, so the refusal comes first and alone, and nothing of the batch is read."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # (no base_url configured)
    (tmp_path / "corpus" / "latin1.txt").write_bytes("Le ministre a d\xe9clar\xe9 lundi.".encode("latin-1"))
    review.close()
    read: list[object] = []
    monkeypatch.setattr(Review, "open", classmethod(lambda cls, *a, **k: read.append(a) or 1 / 0))
    args = [a.replace("{folder}", str(tmp_path)) for a in options]
    assert cli.main(["report", str(review.path), *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and said in err and "latin1.txt" not in err, err
    assert not read
