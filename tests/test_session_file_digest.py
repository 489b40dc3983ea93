"""An article read with other text than at the last save: the session keeps its file's digest beside its text's,
so the notice says whether the file was edited or this version of factcheck reads it differently."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factcheck import session as sess
from factcheck.cli import main
from factcheck.review import Review, file_digest

ALPHA = """Finance Minister Anna Berg said on Monday that inflation rose to 3.4 percent in March, the highest level since 2019.
The central bank in Oslo announced that it will raise interest rates by 0.25 points at its meeting on 12 June.
"""
BETA = """Reuters reported on Tuesday that the Norwegian central bank kept interest rates unchanged at 4.5 percent.
Governor Ida Wolden Bache said the bank expects inflation to fall below 3 percent by the end of 2025.
"""


@pytest.fixture
def proj(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (corpus / "beta.txt").write_text(BETA, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("FACTCHECK_REVIEWER", "carol")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def first_claim(capsys: pytest.CaptureFixture[str], key: str) -> str:
    assert main(["extract", "--json", "corpus"]) == 0
    doc = json.loads(capsys.readouterr().out)
    return next(a["claims"][0]["id"] for a in doc["articles"] if a["key"] == key)


def made(proj: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    cid = first_claim(capsys, "beta.txt")
    assert run(capsys, "mark", "s.toml", cid, "confirmed", "--corpus", "corpus")[0] == 0
    return proj / "s.toml"


def test_a_session_records_each_article_s_file_digest(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = made(proj, capsys)
    recs = sess.load(path).articles
    assert {k: r.file_digest for k, r in recs.items()} == {
        "alpha.txt": file_digest(str(proj / "corpus" / "alpha.txt")),
        "beta.txt": file_digest(str(proj / "corpus" / "beta.txt")),
    }
    assert re.fullmatch(r"[0-9a-f]{16}", recs["alpha.txt"].file_digest)
    assert "file_digest = '" in path.read_text(encoding="utf-8")


def test_an_edited_file_is_said_to_be_edited(proj: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = made(proj, capsys)
    alpha = proj / "corpus" / "alpha.txt"
    alpha.write_text(ALPHA + "The ministry said on Friday that 40 people were hurt.\n", encoding="utf-8")
    code, out, _ = run(capsys, "status", str(path))
    assert code == 0
    assert (
        "note: 1 article(s) read with other text than at the last save (the file edited since): alpha.txt\n"
        in out
    )
    assert "read differently" not in out


def test_an_unchanged_file_read_with_other_text_was_read_differently(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The session saved by a version that read alpha.txt's file as other text (its fingerprint another):
    the file is the one it read, so this version reads it differently."""
    path = made(proj, capsys)
    data = sess.load(path)
    rec = data.articles["alpha.txt"]
    data.articles["alpha.txt"] = sess.ArticleRecord(rec.key, "0123456789abcdef", file_digest=rec.file_digest)
    sess.save(path, data)
    code, out, _ = run(capsys, "status", str(path))
    assert code == 0
    assert (
        "note: 1 article(s) read with other text than at the last save from an unchanged file (read"
        " differently by this version of factcheck): alpha.txt\n" in out
    )
    assert "edited" not in out


def test_a_session_saved_without_file_digests_keeps_today_s_words_and_gets_them(
    proj: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = made(proj, capsys)
    data = sess.load(path)
    for k, rec in data.articles.items():
        fp = "0123456789abcdef" if k == "alpha.txt" else rec.fingerprint
        data.articles[k] = sess.ArticleRecord(rec.key, fp)
    sess.save(path, data)
    assert "file_digest" not in path.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "status", str(path))
    assert code == 0
    assert (
        "note: 1 article(s) read with other text than at the last save (the file edited, or read differently"
        " by this version of factcheck)\n" in out
    )
    assert "file_digest" not in path.read_text(encoding="utf-8")  # (status saves nothing)
    decisions = dict(sess.load(path).decisions)
    with Review.open(path) as review:
        review.save()
    again = sess.load(path)
    assert all(r.file_digest for r in again.articles.values())
    assert again.decisions.keys() == decisions.keys()


def test_the_file_digest_reads_back_as_written(proj: Path) -> None:
    data = sess.SessionData(reviewer="carol", created=sess.utcnow(), corpus=["corpus"])
    data.articles["a.txt"] = sess.ArticleRecord("a.txt", "0e4d18a6a51cbb1a", file_digest="5d0c27e1a9b3f7c4")
    data.articles["b.txt"] = sess.ArticleRecord("b.txt", "1e4d18a6a51cbb1a")
    back = sess.loads(sess.dumps(data))
    assert back.articles == data.articles
