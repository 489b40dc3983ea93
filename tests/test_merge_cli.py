"""``factcheck merge`` as a careful user meets it: what it writes, what it refuses, what it says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck import session as sess
from factcheck.cli import main
from factcheck.session.history import history_path

TEXT = """Finance Minister Anna Berg said on Monday that inflation rose to 3.4 percent in March, the highest level since 2019.
The central bank in Oslo announced that it will raise interest rates by 0.25 points at its meeting on 12 June.
According to Statistics Norway, unemployment fell to 2.1 percent in the first quarter of the year.
"""


@pytest.fixture
def proj(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "alpha.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def ids(capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["extract", "--json", "corpus"]) == 0
    return [c["id"] for a in json.loads(capsys.readouterr().out)["articles"] for c in a["claims"]]


def mark(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, who: str, path: str, *args: str
) -> None:
    monkeypatch.setenv("FACTCHECK_REVIEWER", who)
    code, _, err = run(capsys, "mark", path, *args, "--corpus", "corpus")
    assert code == 0, err


@pytest.fixture
def two(proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    c = ids(capsys)
    mark(capsys, monkeypatch, "ann", "a.toml", c[0], "confirmed", "--note", "ann's note")
    mark(capsys, monkeypatch, "bob", "b.toml", c[0], "disputed")
    mark(capsys, monkeypatch, "bob", "b.toml", c[1], "confirmed")
    return c


@pytest.mark.parametrize("target", ["a.toml", "./b.toml", "a.history.toml", "b.toml.bak1", "a.toml.lock"])
def test_merge_never_writes_over_an_input_session_or_its_files(
    two: list[str], proj: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    before = {p.name: p.read_bytes() for p in proj.iterdir() if p.is_file()}
    code, out, err = run(capsys, "merge", "a.toml", "b.toml", "-o", target, "--force")
    assert code == 2 and "not written over" in err and "Traceback" not in err, (out, err)
    after = {p.name: p.read_bytes() for p in proj.iterdir() if p.is_file()}
    assert after == before  # nothing written, no backup made
    assert sess.load(proj / "a.toml").decisions[two[0]].note == "ann's note"


def test_merge_into_a_new_file_keeps_both_inputs(
    two: list[str], proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_before, ha_before = (proj / "a.toml").read_bytes(), history_path(proj / "a.toml").read_bytes()
    code, _, err = run(capsys, "merge", "a.toml", "b.toml", "-o", "m.toml")
    assert code == 0, err
    assert (proj / "a.toml").read_bytes() == a_before
    assert history_path(proj / "a.toml").read_bytes() == ha_before
    m = sess.load(proj / "m.toml")
    assert len(m.decisions[two[0]].conflicts) == 2
    assert {h.by for h in m.history_entries()} >= {"ann", "bob"}


@pytest.mark.parametrize("target", ["corpus/alpha.txt", "corpus/m.toml"])
def test_merge_never_writes_into_the_corpus(
    two: list[str], proj: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    code, _, err = run(capsys, "merge", "a.toml", "b.toml", "-o", target, "--force")
    assert code == 2 and "in the corpus of a.toml" in err, err
    assert (proj / "corpus" / "alpha.txt").read_text(encoding="utf-8") == TEXT
    assert not (proj / "corpus" / "m.toml").exists()


@pytest.mark.parametrize("target", ["a.history.toml.bak1", "a.toml.schema3.bak"])
def test_report_never_writes_over_the_history_backups_either(
    two: list[str], proj: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    code, _, err = run(capsys, "report", "a.toml", "-o", target)
    assert code == 2 and "a file of the session" in err, err
    assert not (proj / target).exists()


def test_the_session_keeps_its_reviewer_when_someone_else_saves_it(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    c = ids(capsys)
    mark(capsys, monkeypatch, "alice", "a.toml", c[0], "confirmed")
    mark(capsys, monkeypatch, "root", "a.toml", c[1], "disputed")  # a later save by another user
    mark(capsys, monkeypatch, "bob", "b.toml", c[0], "disputed")
    code, out, _ = run(capsys, "status", "a.toml", "--json")
    assert code == 0 and json.loads(out)["reviewer"] == "alice"
    data = sess.load(proj / "a.toml")
    assert (data.decisions[c[0]].reviewer, data.decisions[c[1]].reviewer) == ("alice", "root")
    code, out, err = run(capsys, "merge", "a.toml", "b.toml", "-o", "m.toml")
    assert code == 0, err
    assert f"conflict {c[0]}: alice confirmed, bob disputed" in out


def test_a_third_reviewer_does_not_settle_an_open_conflict_silently(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    c = ids(capsys)
    mark(capsys, monkeypatch, "ann", "a.toml", c[0], "superseded", "--by", c[1])
    mark(capsys, monkeypatch, "bob", "b.toml", c[0], "superseded", "--by", c[2])
    mark(capsys, monkeypatch, "cat", "c.toml", c[0], "confirmed")
    assert run(capsys, "merge", "a.toml", "b.toml", "-o", "ab.toml")[0] == 0
    for first, second in (("ab.toml", "c.toml"), ("c.toml", "ab.toml")):
        code, out, err = run(capsys, "merge", first, second, "-o", "abc.toml", "--force")
        assert code == 0, err
        assert f"conflict {c[0]}:" in out and "cat confirmed" in out, out
        d = sess.load(proj / "abc.toml").decisions[c[0]]
        assert d.verdict == "unreviewed" and d.superseded_by is None
        sides = sorted((s["reviewer"], s["verdict"], s.get("superseded_by", "")) for s in d.conflicts)
        assert sides == [("ann", "superseded", c[1]), ("bob", "superseded", c[2]), ("cat", "confirmed", "")]
        code, out, _ = run(capsys, "report", "abc.toml", "-f", "json")
        row = next(r for r in json.loads(out)["claims"] if r["claim_id"] == c[0])
        assert row["verdict"] == "unreviewed" and len(row["conflicts"]) == 3


def test_merge_keeps_a_url_corpus_a_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://news.example/2024/05/a.html"
    (tmp_path / "desk").mkdir()
    for name in ("a", "b"):
        sess.save(tmp_path / "desk" / f"{name}.toml", sess.SessionData(reviewer=name, corpus=[url]))
    code, _, err = run(
        capsys,
        "merge",
        str(tmp_path / "desk/a.toml"),
        str(tmp_path / "desk/b.toml"),
        "-o",
        str(tmp_path / "m.toml"),
    )
    assert code == 0, err
    assert sess.load(tmp_path / "m.toml").corpus == [url]


def test_merge_reads_the_articles_only_the_second_session_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two desks' sessions of overlapping batches: B's decisions on articles A never had are no orphans."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    for folder, names in (("x", ("alpha", "beta")), ("y", ("beta", "gamma"))):
        (tmp_path / folder).mkdir()
        for n in names:
            (tmp_path / folder / f"{n}.txt").write_text(
                TEXT.replace("Anna Berg", f"Anna {n}"), encoding="utf-8"
            )
    assert main(["extract", "--json", "y"]) == 0
    arts = {a["key"]: a["claims"] for a in json.loads(capsys.readouterr().out)["articles"]}
    beta, gamma = arts["beta.txt"][0]["id"], arts["gamma.txt"][0]["id"]
    for who, folder, cid in (("ann", "x", beta), ("bob", "y", beta), ("bob", "y", gamma)):
        monkeypatch.setenv("FACTCHECK_REVIEWER", who)
        assert run(capsys, "mark", f"{who}.toml", cid, "confirmed", "--corpus", folder)[0] == 0
    code, out, err = run(capsys, "merge", "ann.toml", "bob.toml", "-o", "m.toml")
    assert code == 0, err
    assert "y" in sess.load(tmp_path / "m.toml").corpus and "bob.toml's corpus" in out
    code, out, _ = run(capsys, "status", "m.toml", "--json")
    status = json.loads(out)
    assert status["orphans"] == [] and status["progress"]["confirmed"] == 2
    # the same batch in two folders (each desk its copy): the merged session reads one of them
    (tmp_path / "y" / "gamma.txt").unlink()
    (tmp_path / "y" / "alpha.txt").write_text((tmp_path / "x" / "alpha.txt").read_text(encoding="utf-8"))
    monkeypatch.setenv("FACTCHECK_REVIEWER", "cat")
    assert run(capsys, "mark", "cat.toml", beta, "confirmed", "--corpus", "y")[0] == 0
    assert run(capsys, "merge", "ann.toml", "cat.toml", "-o", "m2.toml")[0] == 0
    assert sess.load(tmp_path / "m2.toml").corpus == ["x"]


@pytest.mark.parametrize("bob_says", ["confirmed", "disputed"])  # agreement / a conflict
def test_undo_in_the_merged_session_does_not_undo_a_reviewers_own_steps(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, bob_says: str
) -> None:
    from factcheck.review import Review

    c = ids(capsys)
    mark(capsys, monkeypatch, "ann", "a.toml", c[0], "confirmed")
    mark(capsys, monkeypatch, "bob", "b.toml", c[0], bob_says)
    mark(capsys, monkeypatch, "bob", "b.toml", c[1], "disputed")
    assert run(capsys, "merge", "a.toml", "b.toml", "-o", "m.toml")[0] == 0
    review = Review.open(proj / "m.toml", None, group=False)
    try:
        before = {cid: review.decision(cid) for cid in c[:2]}
        assert review.undo() is None  # the merge is where the merged session's undo stops
        assert {cid: review.decision(cid) for cid in c[:2]} == before
        review.mark(c[2], "confirmed")  # a step of the merged session itself is undone as always
        assert review.undo() is not None and review.decision(c[2]).verdict == "unreviewed"
        assert review.decision(c[1]).verdict == "disputed"
    finally:
        review.close()


def test_two_supersessions_that_close_a_cycle_are_left_for_resolution(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """ann: c0 superseded by c1; bob: c1 superseded by c0. Each is valid alone; merged, neither would be current
    (mark refuses such a cycle): bob's side is kept as a conflict to resolve, ann's stands."""
    c = ids(capsys)
    mark(capsys, monkeypatch, "ann", "a.toml", c[0], "superseded", "--by", c[1])
    mark(capsys, monkeypatch, "bob", "b.toml", c[1], "superseded", "--by", c[0])
    code, out, err = run(capsys, "merge", "a.toml", "b.toml", "-o", "m.toml")
    assert code == 0, err
    assert f"conflict {c[1]}: ann unreviewed, bob superseded by {c[0]}" in out
    assert "cycle" in out
    m = sess.load(proj / "m.toml")
    assert (m.decisions[c[0]].verdict, m.decisions[c[0]].superseded_by) == ("superseded", c[1])
    d = m.decisions[c[1]]
    assert (d.verdict, d.superseded_by) == ("unreviewed", None)
    assert [(s["reviewer"], s["superseded_by"]) for s in d.conflicts] == [("bob", c[0])]


def test_a_session_merged_with_itself_is_refused(
    two: list[str], proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It would report a kappa of 1.0 between a reviewer and themselves and write every history row twice."""
    code, _, err = run(capsys, "merge", "a.toml", "./a.toml", "-o", "m.toml")
    assert code == 2 and "the same session" in err
    assert not (proj / "m.toml").exists()


def test_the_report_of_a_merged_session_names_every_reviewer_of_a_conflict(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    c = ids(capsys)
    mark(capsys, monkeypatch, "ann", "a.toml", c[0], "confirmed")
    mark(capsys, monkeypatch, "bob", "b.toml", c[0], "disputed")  # bob's only verdict: a side of the conflict
    assert run(capsys, "merge", "a.toml", "b.toml", "-o", "m.toml")[0] == 0
    code, out, err = run(capsys, "report", "m.toml", "-f", "json")
    assert code == 0, err
    assert json.loads(out)["summary"]["reviewers"] == ["ann", "bob"]


def test_what_only_the_second_reviewer_corrected_is_kept(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """bob fixed the outlet, title and a speaker where ann fixed nothing: the merge kept ann's nothing."""
    c = ids(capsys)
    mark(capsys, monkeypatch, "ann", "a.toml", c[0], "confirmed")
    mark(capsys, monkeypatch, "bob", "b.toml", c[0], "confirmed")
    for args in (
        ("--article", "alpha.txt", "--outlet", "Oslo Daily", "--title", "Rates"),
        ("--claim", c[0], "--speaker", "Anna Berg"),
    ):
        assert run(capsys, "edit", "b.toml", *args)[0] == 0
    for args in (("--article", "alpha.txt", "--title", "Inflation"),):
        assert run(capsys, "edit", "a.toml", *args)[0] == 0
    code, out, err = run(capsys, "merge", "a.toml", "b.toml", "-o", "m.toml")
    assert code == 0, err
    m = sess.load(proj / "m.toml")
    rec = m.articles["alpha.txt"]
    assert (rec.outlet, rec.title) == ("Oslo Daily", "Inflation")  # both set a title: A's kept, and said
    assert "title of alpha.txt: ann Inflation, bob Rates; kept Inflation" in out
    assert m.decisions[c[0]].speaker == "Anna Berg"


def test_a_claim_one_reviewer_dismissed_and_the_other_decided_stays_in_the_report(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.review import Review

    c = ids(capsys)
    mark(capsys, monkeypatch, "ann", "a.toml", c[1], "confirmed")
    review = Review.open(proj / "a.toml", None, group=False)
    try:
        review.dismiss(c[0])
        review.save()
    finally:
        review.close()
    mark(capsys, monkeypatch, "bob", "b.toml", c[0], "disputed")
    code, out, err = run(capsys, "merge", "a.toml", "b.toml", "-o", "m.toml")
    assert code == 0, err
    assert f"{c[0]}: ann dismissed it, bob disputed" in out
    d = sess.load(proj / "m.toml").decisions[c[0]]
    assert (d.verdict, d.dismissed) == ("disputed", False)


def test_two_copies_of_one_reviewers_session_say_which_session_is_which(
    proj: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session copied to a colleague keeps its reviewer: both columns were headed `Ann "O'Brien"…` and a
    conflict read `conflict c…: Ann … disputed, Ann … confirmed`, with nothing to say which file held which."""
    c = ids(capsys)
    who = 'Ann "O\'Brien" Ümit-Longname'
    mark(capsys, monkeypatch, who, "mine.toml", c[0], "confirmed")
    mark(capsys, monkeypatch, who, "copy.toml", c[0], "disputed")
    mark(capsys, monkeypatch, who, "copy.toml", c[1], "confirmed")
    code, out, err = run(capsys, "merge", "mine.toml", "copy.toml", "-o", "m.toml")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"(A) is mine.toml, (B) is copy.toml: both reviewed by {who}"
    assert lines[1].split()[:3] == ["claims", "(A)", "mine.toml"] and "(B) copy.toml" in lines[1], lines[1]
    assert f"conflict {c[0]}: (A) {who} confirmed, (B) {who} disputed" in lines
    assert f"reviewed only by {who} (A): 0; only by {who} (B): 1" in lines
    monkeypatch.setenv("FACTCHECK_REVIEWER", "bob")  # two reviewers: as it was
    mark(capsys, monkeypatch, "bob", "bob.toml", c[0], "disputed")
    code, out, _ = run(capsys, "merge", "mine.toml", "bob.toml", "-o", "m2.toml")
    assert code == 0 and "(A)" not in out and f"conflict {c[0]}: {who} confirmed, bob disputed" in out
