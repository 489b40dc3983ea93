"""The extraction and grouping cache: same results with and without it, exact invalidation, never trusted."""

from __future__ import annotations

import gc
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from bench_modules import bench_module  # tests/bench_modules.py
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import cache, extract, pipeline
from factcheck.cli import corpus_json
from factcheck.model import Article

REPO = Path(__file__).resolve().parents[1]
LABELLED = REPO / "tests" / "fixtures" / "labelled"


def _doc(corpus: pipeline.Corpus) -> str:
    return json.dumps(corpus_json(corpus), sort_keys=True)


@pytest.fixture
def store(tmp_path: Path) -> cache.Cache:
    return cache.Cache(tmp_path / "c.sqlite3")


@pytest.mark.parametrize("folder", [REPO / "seeds", LABELLED])
def test_results_are_identical_with_and_without_the_cache(folder: Path, store: cache.Cache) -> None:
    plain = _doc(pipeline.build([folder], cache=cache.Cache(enabled=False)))
    cold = pipeline.build([folder], cache=store)
    assert store.hits == 0 and store.misses == len(cold.articles)
    warm = pipeline.build([folder], cache=store)
    assert store.hits == len(warm.articles)
    assert _doc(cold) == _doc(warm) == plain
    # groups too (their own entry) and each claim's group field
    assert [g.to_json() for g in warm.groups] == [g.to_json() for g in cold.groups]


def test_one_changed_article_is_the_only_one_extracted_again(tmp_path: Path, store: cache.Cache) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", corpus)
    first = pipeline.build([corpus], cache=store)
    one = sorted(corpus.glob("*.txt"))[1]
    one.write_text(
        one.read_text(encoding="utf-8") + "\nThe ministry said on Friday that 40 people were hurt.\n"
    )
    store.hits = store.misses = 0
    again = pipeline.build([corpus], cache=store)
    assert (store.hits, store.misses) == (len(first.articles) - 1, 1)
    assert _doc(again) == _doc(pipeline.build([corpus], cache=cache.Cache(enabled=False)))


def test_the_same_text_gives_the_same_ids_wherever_it_lies(tmp_path: Path, store: cache.Cache) -> None:
    nested = tmp_path / "corpus" / "ecb" / "36"
    shutil.copytree(REPO / "seeds", nested)
    ids_near = [c.id for c in pipeline.build([nested], cache=store).all_claims()]
    ids_far = [c.id for c in pipeline.build([tmp_path / "corpus"], cache=store).all_claims()]
    ids_plain = [
        c.id for c in pipeline.build([REPO / "seeds"], cache=cache.Cache(enabled=False)).all_claims()
    ]
    assert ids_near == ids_far == ids_plain


def test_a_duplicate_article_keeps_its_claims_apart(tmp_path: Path, store: cache.Cache) -> None:
    src = sorted((REPO / "seeds").glob("*.txt"))[0]
    (tmp_path / "a.txt").write_bytes(src.read_bytes())
    (tmp_path / "b.txt").write_bytes(src.read_bytes())
    corpus = pipeline.build([tmp_path], cache=store)
    a, b = corpus.articles
    assert b.duplicate_of == a.key and any(a.key in n for n in b.notices)
    ids_a, ids_b = ({c.id for c in corpus.claims[x.key]} for x in (a, b))
    assert ids_a and ids_b and ids_a.isdisjoint(ids_b)
    again = pipeline.build([tmp_path], cache=store)
    assert _doc(again) == _doc(corpus)


def test_a_new_extractor_version_misses(monkeypatch: pytest.MonkeyPatch, store: cache.Cache) -> None:
    pipeline.build([REPO / "seeds"], cache=store)
    monkeypatch.setattr(cache, "code_version", lambda: "another-version")
    store.hits = store.misses = 0
    pipeline.build([REPO / "seeds"], cache=store)
    assert store.hits == 0 and store.misses == 5


def test_corrupt_and_foreign_entries_are_ignored_and_rebuilt(store: cache.Cache) -> None:
    expected = _doc(pipeline.build([REPO / "seeds"], cache=store))
    db = sqlite3.connect(store.path)
    keys = [k for (k,) in db.execute("SELECT key FROM entries WHERE kind = 'claims' ORDER BY key")]
    db.execute("UPDATE entries SET data = ? WHERE key = ?", (b"not zlib", keys[0]))
    foreign = zlib.compress(json.dumps({"key": "x:other", "value": []}).encode())
    db.execute("UPDATE entries SET data = ? WHERE key = ?", (foreign, keys[1]))
    bad_json = zlib.compress(json.dumps({"key": keys[2], "value": [{"id": 1, "no": "such field"}]}).encode())
    db.execute("UPDATE entries SET data = ? WHERE key = ?", (bad_json, keys[2]))
    db.commit()
    db.close()
    store.hits = store.misses = 0
    assert _doc(pipeline.build([REPO / "seeds"], cache=store)) == expected
    assert store.misses == 3
    store.hits = store.misses = 0
    pipeline.build([REPO / "seeds"], cache=store)
    assert store.misses == 0  # rebuilt


def test_an_unusable_cache_file_is_switched_off_with_a_reason(tmp_path: Path) -> None:
    bad = tmp_path / "c.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    store = cache.Cache(bad)
    corpus = pipeline.build([REPO / "seeds"], cache=store)
    assert corpus.all_claims() and not store.enabled and store.problem and str(bad) in store.problem
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        if os.access(ro, os.W_OK):  # root ignores folder permissions
            pytest.skip("running as root: a read-only folder is still writable")
        store = cache.Cache(ro / "c.sqlite3")
        pipeline.build([REPO / "seeds"], cache=store)
        assert not store.enabled and store.problem
    finally:
        ro.chmod(0o700)


def test_groups_follow_the_reviewers_overrides(store: cache.Cache) -> None:
    from factcheck.model import GroupOverrides

    corpus = pipeline.build([REPO / "seeds"], cache=store)
    grouped = next(g for g in corpus.groups if len(g.claims) > 1)
    split = GroupOverrides(splits=[grouped.claims[0]])
    pipeline.regroup(corpus, split, cache=store)
    assert all(grouped.claims[0] not in g.claims or len(g.claims) == 1 for g in corpus.groups)
    plain = pipeline.build([REPO / "seeds"], cache=cache.Cache(enabled=False), overrides=split)
    assert [g.to_json() for g in corpus.groups] == [g.to_json() for g in plain.groups]


def test_an_old_session_keeps_its_decisions_under_the_new_ids(tmp_path: Path) -> None:
    """Sessions written when claim ids were made from the article's path re-attach by text."""
    from factcheck import session as sess
    from factcheck.model import Verdict
    from factcheck.review import Review

    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "seeds", corpus)
    built = pipeline.build([corpus], cache=cache.Cache(enabled=False))
    art = built.articles[0]
    claim = built.claims[art.key][0]
    old_id = extract._claim_id(art.key, extract._norm(claim.text), 0)  # the path-based id of the last release
    assert old_id != claim.id
    data = sess.SessionData(reviewer="alice", created=sess.utcnow(), corpus=["corpus"])
    data.decisions[old_id] = sess.Decision(
        claim_id=old_id,
        article=art.key,
        text=claim.text[: sess.TEXT_KEEP],
        verdict=Verdict.DISPUTED,
        note="old",
    )
    path = tmp_path / "s.toml"
    sess.save(path, data)
    r = Review.open(path, reviewer="alice")
    try:
        d = r.decision(claim.id)
        assert (d.verdict, d.note) == (Verdict.DISPUTED, "old")
        assert (old_id, claim.id) in [(o, n) for o, n, _ in r.report.reattached]
    finally:
        r.close()


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        check=False,
    )


def test_cli_cache_info_clear_and_no_cache(tmp_path: Path) -> None:
    env = {**os.environ, "FACTCHECK_CACHE": str(tmp_path / "cli.sqlite3")}
    out = _cli("extract", "seeds", "--json", "--no-cache", env=env)
    assert out.returncode == 0 and not (tmp_path / "cli.sqlite3").exists()
    warm1 = _cli("extract", "seeds", "--json", env=env)
    warm2 = _cli("extract", "seeds", "--json", env=env)
    assert warm1.stdout == warm2.stdout == out.stdout
    info = json.loads(_cli("cache", "info", "--json", env=env).stdout)
    assert info["claims"] == 5 and info["groups"] == 1 and info["state"] >= 2  # manifest + pieces
    cleared = _cli("cache", "clear", env=env)
    assert cleared.returncode == 0 and f"{info['entries']} entries removed" in cleared.stdout
    assert json.loads(_cli("cache", "info", "--json", env=env).stdout)["entries"] == 0


def test_two_processes_at_once_never_see_a_half_written_entry(tmp_path: Path) -> None:
    env = {**os.environ, "FACTCHECK_CACHE": str(tmp_path / "shared.sqlite3")}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "factcheck", "extract", "seeds", str(LABELLED), "--json"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs]
    assert len({o for o, _ in outs}) == 1 and not any(e for _, e in outs)


# ----------------------------------------------------------------------------------------------
# Reading: what ingest reads from a file's content is cached too


def _reading_corpus(folder: Path) -> Path:
    from tests.test_webpage import PAGE

    folder.mkdir()
    for p in sorted((REPO / "seeds").glob("*.txt"))[:2]:
        shutil.copy(p, folder / p.name)
    first = sorted(folder.glob("*.txt"))[0]
    first.with_suffix(".toml").write_text('title = "Set by a sidecar"\noutlet = "Sidecar Times"\n')
    for p in sorted((REPO / "tests" / "fixtures" / "realworld" / "articles").glob("*.json"))[:3]:
        shutil.copy(p, folder / p.name)
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "two.jsonl").write_text(
        json.dumps({"title": "One", "text": "The mayor said on Monday that the bridge would reopen in May."})
        + "\n"
        + json.dumps({"title": "Two", "text": "Officials said 40 people were hurt in the fire on Friday."})
        + "\n"
    )
    return folder


def _read(folder: Path, store: cache.Cache) -> list[dict[str, object]]:
    import dataclasses

    from factcheck import ingest

    batch = ingest.load([folder], cache=store)
    return [dataclasses.asdict(a) for a in batch.articles] + [{"error": str(e)} for e in batch.errors]


def test_reading_is_identical_with_and_without_the_cache(tmp_path: Path, store: cache.Cache) -> None:
    folder = _reading_corpus(tmp_path / "in")
    plain = _read(folder, cache.Cache(enabled=False))
    cold = _read(folder, store)
    assert store.stats().get("article") == 8  # 2 texts, 3 records, 1 page, 2 jsonl records
    warm = _read(folder, store)
    assert plain == cold == warm
    assert any(a.get("title") == "Set by a sidecar" for a in warm)


def _path_forms(tmp_path: Path, folder: Path) -> list[tuple[Path, str]]:
    """The ways a user names ``folder`` (a child of ``tmp_path``): (the working folder, the path given) —
    relative, absolute, through a symlink, from another working folder, with a ``..`` in it."""
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "link").symlink_to(folder, target_is_directory=True)
    return [
        (tmp_path, folder.name),
        (tmp_path, str(folder)),
        (tmp_path, "link"),
        (tmp_path / "elsewhere", f"../{folder.name}"),
        (tmp_path / "elsewhere", str(tmp_path / "elsewhere" / ".." / folder.name)),
    ]


def test_another_path_form_reads_no_file_again(
    tmp_path: Path, store: cache.Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What ingest read of a file is keyed by its content and its key in the batch, not by how its path is
    written (#22): the same folder named another way reads every file back from the cache, each article
    with the path and source file of this opening, as a read without the cache gives them."""
    folder = _reading_corpus(tmp_path / "in")
    forms = _path_forms(tmp_path, folder)
    for n, (cwd, named) in enumerate(forms):
        monkeypatch.chdir(cwd)
        plain = _read(Path(named), cache.Cache(enabled=False))
        got = _read(Path(named), store)
        assert got == plain, named
        assert {a["path"] for a in got if "path" in a} == {a["path"] for a in plain if "path" in a}
        if n:  # no article read anew: the 8 entries of the first opening (see above) serve every form
            assert store.stats().get("article") == 8, named


def test_a_changed_file_or_sidecar_is_read_again(tmp_path: Path, store: cache.Cache) -> None:
    folder = _reading_corpus(tmp_path / "in")
    _read(folder, store)
    first = sorted(folder.glob("*.txt"))[0]
    first.with_suffix(".toml").write_text('title = "Another title"\n')
    page = folder / "page.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("Bridge closed", "Road closed"), encoding="utf-8"
    )
    again = _read(folder, store)
    assert again == _read(folder, cache.Cache(enabled=False))
    assert any(a.get("title") == "Another title" for a in again)
    assert not any(a.get("title") == "Set by a sidecar" for a in again)


def test_a_file_that_cannot_be_read_is_never_cached(tmp_path: Path, store: cache.Cache) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.json").write_text('{"title": "No text", "text": ""}')
    assert _read(folder, store) == _read(folder, store) == _read(folder, cache.Cache(enabled=False))
    assert not store.stats().get("article")


def test_a_page_with_no_text_is_told_from_the_cache_while_unchanged(
    tmp_path: Path, store: cache.Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page with no text to read gives the same notice from the cache, without parsing it again (#22: one such
    page cost every warm command ~1 CPU s); a changed page, or another extractor version, is parsed again."""
    from factcheck import webpage

    folder = tmp_path / "in"
    folder.mkdir()
    page = folder / "menu.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav><p>Menu</p></body></html>", encoding="utf-8")
    plain = _read(folder, cache.Cache(enabled=False))
    assert plain == [{"error": f"{page}: no extractable text on the page"}]
    assert _read(folder, store) == plain
    assert store.stats().get("article") == 1
    parsed = []
    real = webpage.page_record

    def counted(html: bytes | str, *args: object, **kwargs: object) -> dict[str, object]:
        parsed.append(html)
        return real(html, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(webpage, "page_record", counted)
    assert _read(folder, store) == plain
    assert parsed == []
    page.write_text("<html><body><nav><a href='/'>Home</a></nav><p>Menus</p></body></html>", encoding="utf-8")
    assert _read(folder, store) == plain
    assert len(parsed) == 1
    monkeypatch.setattr(cache, "code_version", lambda: "another-version")
    assert _read(folder, store) == plain
    assert len(parsed) == 2
    # an article entry holding a failure is not an article: a read that remembers none rebuilds it
    key = cache.Cache.article_key("html", (page.read_bytes(), "menu.html"))
    assert store.get_value(key) == {"failed": "no extractable text on the page"}
    with pytest.raises(ValueError, match="rebuilt"):
        store.article("html", (page.read_bytes(), "menu.html"), _refuse, path="p", source_file="f")


def _refuse() -> Article:
    raise ValueError("rebuilt")


def test_the_article_key_hashes_the_content_itself() -> None:
    """A page's bytes and a file's text are hashed as they are (not through ``repr``): one byte changed
    misses, parts do not run into each other, bytes and text of the same characters are told apart."""
    page = b"<html><body><p>The bridge reopened on Monday.</p></body></html>"
    key = cache.Cache.article_key("html", (page, "a.html"))
    assert key == cache.Cache.article_key("html", (page, "a.html"))
    assert key != cache.Cache.article_key("html", (page.replace(b"Monday", b"monday"), "a.html"))
    assert key != cache.Cache.article_key("html", (page, "b.html"))
    assert key != cache.Cache.article_key("text", (page, "a.html"))
    assert cache.Cache.article_key("text", ("ab", "c")) != cache.Cache.article_key("text", ("a", "bc"))
    assert cache.Cache.article_key("text", ("x",)) != cache.Cache.article_key("text", (b"x",))
    assert cache.Cache.article_key("record", ({"text": "x"}, "k", 0)) != cache.Cache.article_key(
        "record", ({"text": "y"}, "k", 0)
    )


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=400
    ),
    title=st.one_of(st.none(), st.text(max_size=40)),
)
def test_an_article_round_trips_through_its_cache_entry(text: str, title: str | None) -> None:
    import dataclasses

    from factcheck import ingest

    meta = {"title": title} if title else None
    try:
        art = ingest.article_from_text(text, path="a.txt", key="a.txt", meta=meta)
    except ValueError:
        return
    back = cache.article_from_json(json.loads(json.dumps(cache.article_to_json(art))))
    assert dataclasses.asdict(back) == dataclasses.asdict(art)


def test_status_on_a_warm_cache_neither_extracts_nor_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck import grouping
    from factcheck.cli import main

    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "c.sqlite3"))
    monkeypatch.setenv("FACTCHECK_REVIEWER", "carol")
    # the batch read whole from the claims' entries, never from its index (tests/test_batch_index.py)
    monkeypatch.setattr("factcheck.batch_index.RACY_NS", 10**20)
    cache.reset()
    corpus = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", corpus)
    session = tmp_path / "s.toml"
    first = pipeline.build([corpus], group=False).all_claims()[0].id
    assert main(["mark", str(session), first, "disputed", "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["status", str(session), "--json"]) == 0
    before = capsys.readouterr().out

    def refuse(*a: object, **k: object) -> None:
        raise AssertionError("status extracted or grouped")

    monkeypatch.setattr(pipeline, "_extract_one", refuse)
    monkeypatch.setattr(grouping, "group_claims", refuse)
    monkeypatch.setattr("factcheck.ingest.article_from_text", refuse)
    cache.reset()
    assert main(["status", str(session), "--json"]) == 0
    assert capsys.readouterr().out == before
    assert cache.default().misses == 0 and cache.default().hits == 5
    cache.reset()


def test_regroup_hands_an_incremental_grouping_what_changed(tmp_path: Path, store: cache.Cache) -> None:
    from factcheck import grouping

    corpus = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", corpus)
    calls: list[pipeline.GroupingDelta] = []

    def incremental(claims, articles, overrides, delta):  # type: ignore[no-untyped-def]
        calls.append(delta)
        return grouping.group_claims(claims, articles, overrides=overrides)

    first = pipeline.build([corpus], group=False, cache=store)
    pipeline.regroup(first, cache=store, incremental=incremental)
    assert calls == []  # never grouped before: the whole batch is
    before = [g.to_json() for g in first.groups]
    one = sorted(corpus.glob("*.txt"))[1]
    one.write_text(
        one.read_text(encoding="utf-8") + "\n\nThe ministry said on Friday that 40 people were hurt.\n"
    )
    (corpus / "zz_new.txt").write_text("The mayor said on Monday that the bridge would reopen in May.\n")
    gone = sorted(corpus.glob("*.txt"))[0]
    gone.unlink()
    second = pipeline.build([corpus], group=False, cache=store)
    pipeline.regroup(second, cache=store, incremental=incremental)
    (delta,) = calls
    assert delta.changed == {one.name, "zz_new.txt"} and delta.removed == {gone.name}
    assert [g.to_json() for g in delta.previous] == before
    plain = pipeline.build([corpus], cache=cache.Cache(enabled=False))
    assert [g.to_json() for g in second.groups] == [g.to_json() for g in plain.groups]
    # unchanged since: the cached groups, no regrouping at all
    third = pipeline.build([corpus], group=False, cache=store)
    pipeline.regroup(third, cache=store, incremental=incremental)
    assert len(calls) == 1


def test_articles_are_extracted_while_the_batch_is_read(tmp_path: Path) -> None:
    """The first articles reach ``extracted`` before the whole batch is read (``total`` 0 until then), in
    order, and the result is the same as without a listener."""
    folder = LABELLED / "articles"
    n = len(list(folder.iterdir()))
    assert n > pipeline.FIRST_CHUNK
    events: list[tuple[list[str], int, int]] = []
    store = cache.Cache(enabled=False)
    corpus = pipeline.build(
        [folder],
        cache=store,
        extracted=lambda items, done, total: events.append(([a.key for a, _ in items], done, total)),
    )
    assert events[0][1:] == (1, 0)  # the first article, while the rest was still being read
    assert events[-1][1:] == (n, n)
    assert [k for keys, _, _ in events for k in keys] == [a.key for a in corpus.articles]
    assert _doc(corpus) == _doc(pipeline.build([folder], cache=store))


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=0x2100) | st.sampled_from("\r\n\t\x1b\x85\u2028\u202e\u200f")))
def test_output_escaping_fast_paths_change_nothing(text: str) -> None:
    """inert and json_text skip their translate when nothing needs it: the result is the same as always."""
    from factcheck import textout

    assert textout.inert(text) == text.replace("\r\n", "\n").translate(textout._INERT)
    doc = {"text": text, "list": [text, 1]}
    want = json.dumps(doc, ensure_ascii=False, indent=1).translate(textout._JSON_ESCAPES)
    assert textout.json_text(doc) == want


def test_no_overrides_and_empty_overrides_share_one_groups_entry(store: cache.Cache) -> None:
    """``extract`` groups with no overrides, a session with empty ones: the same groups, one entry."""
    from factcheck.model import GroupOverrides

    corpus = pipeline.build([REPO / "seeds"], cache=store)
    before = store.stats().get("groups")
    pipeline.regroup(corpus, GroupOverrides(merges=[], splits=[]), cache=store)
    assert store.stats().get("groups") == before
    plain = pipeline.build([REPO / "seeds"], group=False, cache=cache.Cache(enabled=False))
    pipeline.regroup(plain, GroupOverrides(merges=[], splits=[]), cache=cache.Cache(enabled=False))
    assert [g.to_json() for g in corpus.groups] == [g.to_json() for g in plain.groups]


def test_a_slow_read_is_extracted_in_chunks_of_a_few_tenths_of_a_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When reading is slow (a cold run on web pages), a chunk is what was read in ``CHUNK_SECONDS``, not 200
    articles: the articles are handed over steadily, each chunk still read from the cache in one lookup, and
    the result is the same. The clock is a fake one that moves 0.1 s each time it is read."""
    import types

    folder = LABELLED / "articles"
    ticks = iter(range(1_000_000))
    monkeypatch.setattr(pipeline, "time", types.SimpleNamespace(monotonic=lambda: next(ticks) / 10))
    store = cache.Cache(tmp_path / "c.sqlite3")
    lookups: list[int] = []
    real = store.get_claims

    def get_claims(articles, *rest):  # type: ignore[no-untyped-def]
        lookups.append(len(articles))
        return real(articles, *rest)

    monkeypatch.setattr(store, "get_claims", get_claims)
    corpus = pipeline.build([folder], cache=store)
    n = len(corpus.articles)
    assert sum(lookups) == n and len(lookups) >= n // 5 - 1, lookups
    assert all(1 < size <= 5 for size in lookups[:-1])  # 0.5 s of a clock read about twice per article
    assert _doc(corpus) == _doc(pipeline.build([folder], cache=cache.Cache(enabled=False)))
    lookups.clear()
    monkeypatch.setattr(pipeline, "CHUNK_SECONDS", float("inf"))  # by count only: 8, then up to 200
    assert _doc(pipeline.build([folder], cache=store)) == _doc(corpus)
    assert lookups[0] == pipeline.FIRST_CHUNK and lookups[1:] == [n - pipeline.FIRST_CHUNK]


def _states(path: Path) -> dict[str, bytes]:
    db = sqlite3.connect(path)
    try:
        return dict(db.execute("SELECT key, data FROM entries WHERE kind = 'state'").fetchall())
    finally:
        db.close()


def _mixed(tmp_path: Path) -> Path:
    """The seeds and the labelled articles in one folder (20 articles, a few groups; the seeds are one story,
    the labelled articles from the 6th on a story each)."""
    folder = tmp_path / "mixed"
    shutil.copytree(REPO / "seeds", folder)
    for p in (LABELLED / "articles").iterdir():
        shutil.copy(p, folder / p.name)
    return folder


def _change(folder: Path, n: int, line: str) -> None:
    one = sorted(folder.glob("*.txt"))[n]
    one.write_text(one.read_text(encoding="utf-8") + f"\n\n{line}\n", encoding="utf-8")


def test_a_fresh_process_regroups_only_what_changed_from_the_saved_state(tmp_path: Path) -> None:
    folder = _mixed(tmp_path)
    path = tmp_path / "c.sqlite3"
    first = pipeline.build([folder], cache=cache.Cache(path))
    assert first.groups and _states(path)  # the state is saved beside the groups
    scratch = first.grouping_state
    assert scratch is not None
    all_pairs = scratch.stats["pairs_scored"]
    _change(folder, 9, "The ministry said on Friday that 40 people were hurt in the blast.")
    store = cache.Cache(path)  # a new process: nothing in memory
    again = pipeline.build([folder], cache=store)
    state = again.grouping_state
    assert state is not None and state.stats["parts_reused"] >= 1
    assert state.stats["pairs_scored"] < all_pairs / 3
    plain = pipeline.build([folder], cache=cache.Cache(enabled=False))
    assert [g.to_json() for g in again.groups] == [g.to_json() for g in plain.groups]
    assert _doc(again) == _doc(plain)
    # the state of the other corpus root is its own, and --no-cache neither reads nor writes one
    assert plain.grouping_state is None
    store.close()
    before = _states(path)
    _change(folder, 12, "Officials said on Monday that the bridge would reopen in May.")
    pipeline.build([folder], cache=cache.Cache(enabled=False))
    assert _states(path) == before


def test_with_the_cache_off_grouping_makes_no_key_and_a_state_in_memory_still_regroups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the cache off (``--no-cache``) no groups are read back or stored, so no groups key is made (it
    digests the extractor's sources, ``code_version``): neither is called. A state kept in memory (the
    review's, which regroups without the cache) is still used after a change, and its groups are those of a
    grouping from scratch."""
    from factcheck.grouping.state import GroupingState

    folder = _mixed(tmp_path)
    off = cache.Cache(enabled=False)

    def cache_used(*args: object, **kwargs: object) -> str:
        raise AssertionError("a key made with the cache off")

    with monkeypatch.context() as m:
        m.setattr(cache.Cache, "groups_key", staticmethod(cache_used))
        m.setattr(cache, "code_version", cache_used)
        first = pipeline.build([folder], cache=off, group=False)
        first.grouping_state = GroupingState()
        pipeline.regroup(first, cache=off)
        _change(folder, 9, "The ministry said on Friday that 40 people were hurt in the blast.")
        again = pipeline.build([folder], cache=off, group=False)
        again.grouping_state = first.grouping_state
        pipeline.regroup(again, cache=off)
    assert first.groups and again.groups
    assert again.grouping_state.stats["parts_reused"] >= 1  # (the state in memory was used)
    plain = pipeline.build([folder], cache=cache.Cache(tmp_path / "c.sqlite3"))
    assert [g.to_json() for g in again.groups] == [g.to_json() for g in plain.groups]
    assert _doc(again) == _doc(plain)


def test_another_path_form_regroups_only_what_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same batch opened by another path form (relative, absolute, through a symlink, from another
    working folder) keeps every article's content key (#22): unchanged, nothing is read, extracted or
    grouped again; after one change, the saved grouping state is reused as when the path is written the
    same way. Each opening's output is that of a run without the cache, for the path as written."""
    folder = _mixed(tmp_path)
    path = tmp_path / "c.sqlite3"
    forms = _path_forms(tmp_path, folder)
    monkeypatch.chdir(forms[0][0])
    first = pipeline.build([forms[0][1]], cache=cache.Cache(path))
    assert first.grouping_state is not None
    all_pairs = first.grouping_state.stats["pairs_scored"]
    for n, (cwd, named) in enumerate(forms[1:]):
        monkeypatch.chdir(cwd)
        _change(folder, 9 + n, f"The ministry said on Friday that {40 + n} people were hurt in the blast.")
        store = cache.Cache(path)  # a new process: nothing in memory
        again = pipeline.build([named], cache=store)
        state = again.grouping_state
        assert state is not None and state.stats["parts_reused"] >= 1, named
        assert state.stats["pairs_scored"] < all_pairs / 3, named
        assert _doc(again) == _doc(pipeline.build([named], cache=cache.Cache(enabled=False)))
        store.close()
        # unchanged since, opened as the form before this one was: nothing read, extracted or grouped again
        monkeypatch.chdir(forms[n][0])
        store = cache.Cache(path)
        entries = {k: store.stats().get(k) for k in ("article", "claims", "groups")}
        warm = pipeline.build([forms[n][1]], cache=store)
        assert store.misses == 0, named
        assert {k: store.stats().get(k) for k in entries} == entries, named
        assert warm.grouping_state is None  # (the groups read back whole)
        assert _doc(warm) == _doc(pipeline.build([forms[n][1]], cache=cache.Cache(enabled=False)))
        store.close()


@pytest.mark.parametrize("what", ["manifest", "piece", "foreign", "wrong shape", "words gone"])
def test_a_corrupt_or_foreign_grouping_state_is_rebuilt(tmp_path: Path, what: str) -> None:
    folder = _mixed(tmp_path)
    path = tmp_path / "c.sqlite3"
    pipeline.build([folder], cache=cache.Cache(path))
    keys = sorted(_states(path))
    manifest = next(k for k in keys if k.endswith(":m"))
    part = next(k for k in keys if k.split(":")[-1].startswith("p"))
    db = sqlite3.connect(path)
    if what == "manifest":
        db.execute("UPDATE entries SET data = ? WHERE key = ?", (b"not zlib", manifest))
    elif what == "piece":
        db.execute("DELETE FROM entries WHERE key = ?", (part,))
    elif what == "foreign":
        other = zlib.compress(json.dumps({"key": "s:other:p00", "value": {}}).encode())
        db.execute("UPDATE entries SET data = ? WHERE key = ?", (other, part))
    elif what == "words gone":  # the claims' words, read when first compared (``state.LazyFeat``)
        for words in [k for k in keys if k.split(":")[-1].startswith("f")]:
            db.execute("DELETE FROM entries WHERE key = ?", (words,))
    else:
        links = [[0], [10**6], [1.0], [90.0], [0.0], [1], [-1.0]]  # an edge to a claim the part does not have
        for edges in [k for k in keys if k.split(":")[-1].startswith("e")]:  # every part's
            data = zlib.compress(json.dumps({"key": edges, "value": links}).encode())
            db.execute("UPDATE entries SET data = ? WHERE key = ?", (data, edges))

    db.commit()
    db.close()
    # (a part's edges are read only when needed: here a seed changes, and the seeds' part with it)
    _change(
        folder,
        1 if what in ("wrong shape", "words gone") else 9,
        "The ministry said on Friday that 40 people were hurt.",
    )
    again = pipeline.build([folder], cache=cache.Cache(path))
    plain = pipeline.build([folder], cache=cache.Cache(enabled=False))
    assert [g.to_json() for g in again.groups] == [g.to_json() for g in plain.groups]
    assert again.grouping_state is not None and again.grouping_state.stats["parts_reused"] == 0  # not trusted
    scratch_pairs = again.grouping_state.stats["pairs_scored"]
    # rebuilt: the next change regroups from the new state
    _change(
        folder,
        2 if what in ("wrong shape", "words gone") else 12,
        "Officials said on Monday that the bridge would reopen.",
    )
    third = pipeline.build([folder], cache=cache.Cache(path))
    assert third.grouping_state is not None and third.grouping_state.stats["pairs_scored"] < scratch_pairs
    plain = pipeline.build([folder], cache=cache.Cache(enabled=False))
    assert [g.to_json() for g in third.groups] == [g.to_json() for g in plain.groups]


def test_a_build_hashes_each_article_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its extraction's lookup and its grouping read each article's digest made once (warm and after a
    change), with the same output as without the cache."""
    folder = _mixed(tmp_path)
    path = tmp_path / "c.sqlite3"
    pipeline.build([folder], cache=cache.Cache(path))
    hashed: list[str] = []
    digest = cache.article_digest

    def counted(article: Article) -> str:
        hashed.append(article.key)
        return digest(article)

    monkeypatch.setattr(cache, "article_digest", counted)
    for change in (False, True):
        if change:
            _change(folder, 9, "The ministry said on Friday that 40 people were hurt in the blast.")
        hashed.clear()
        again = pipeline.build([folder], cache=cache.Cache(path))
        assert sorted(hashed) == sorted(a.key for a in again.articles)
        assert _doc(again) == _doc(pipeline.build([folder], cache=cache.Cache(enabled=False)))


def _alive(kind: type) -> int:
    """How many objects of ``kind`` the collector tracks (alive, or garbage held in a cycle)."""
    return sum(1 for o in gc.get_objects() if type(o) is kind)


def test_a_built_corpus_is_freed_as_soon_as_it_is_dropped(tmp_path: Path) -> None:
    """A batch built (warm, and after one change with its grouping state read back) holds no reference cycle:
    dropped, its claims are freed at once. Held in a cycle, the corpus outlived every command until a full
    collection walked it (0.14-0.26 CPU s of each CLI command on 1,110 articles)."""
    from factcheck.model import Claim

    folder = _mixed(tmp_path)
    path = tmp_path / "c.sqlite3"
    pipeline.build([folder], cache=cache.Cache(path))
    for change in (False, True):
        if change:
            _change(folder, 9, "The ministry said on Friday that 40 people were hurt in the blast.")
        gc.collect()
        before = _alive(Claim)
        with cache.collector_paused():  # (nothing collected meanwhile: what is freed, reference counts free)
            store = cache.Cache(path)
            corpus = pipeline.build([folder], cache=store)
            assert corpus.groups and _alive(Claim) > before
            if change:
                assert corpus.grouping_state is not None and corpus.grouping_state.stats["parts_reused"] >= 1
            del corpus
            store.close()
            assert _alive(Claim) == before


def test_cache_clear_removes_the_grouping_state(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    pipeline.build([REPO / "seeds"], cache=cache.Cache(path))
    assert _states(path)
    assert cache.Cache(path).clear() > 0
    assert not _states(path)


def test_two_threads_share_one_cache_without_switching_it_off(tmp_path: Path) -> None:
    """The TUI's loading thread and its UI thread use one cache object: their transactions take turns."""
    import threading

    store = cache.Cache(tmp_path / "c.sqlite3")
    corpus = pipeline.build([REPO / "seeds"], cache=store)
    state = corpus.grouping_state
    assert state is not None
    prefix = store.state_prefix(corpus.paths, "p")
    pairs = [(a, corpus.claims[a.key]) for a in corpus.articles]
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for _ in range(40):
                store.put_claims(pairs)
        except BaseException as e:
            errors.append(e)

    def states() -> None:
        from factcheck.grouping.state import state_pieces

        try:
            for _ in range(40):
                store.put_state(prefix, *state_pieces(state))
                assert store.get_state(prefix) is not None
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=writer), threading.Thread(target=states)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and store.enabled and store.problem is None


def test_the_collector_is_paused_for_a_bulk_step_and_left_as_it_was() -> None:
    import gc

    assert gc.isenabled()
    with pipeline.collector_paused():
        assert not gc.isenabled()
        with pipeline.collector_paused():  # (nested, or another thread's pause meanwhile)
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), pipeline.collector_paused():
        raise RuntimeError("a failing step")
    assert gc.isenabled()
    gc.disable()
    try:
        with pipeline.collector_paused():
            pass
        assert not gc.isenabled()  # paused by someone else: left paused
    finally:
        gc.enable()


def test_claims_and_groups_are_read_and_written_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bulk cache steps of a reopen build tens of thousands of acyclic objects: a collection meanwhile
    scans the whole batch (and, after one change, the grouping state) again. The steps run with it paused."""
    import gc

    folder = _mixed(tmp_path)
    store = cache.Cache(tmp_path / "c.sqlite3")
    pipeline.build([folder], cache=store)
    _change(folder, 9, "The ministry said on Friday that 40 people were hurt in the blast.")
    seen: dict[str, list[bool]] = {}

    def watch(owner: object, name: str) -> None:
        f = getattr(owner, name)

        def watched(*args: object) -> object:
            seen.setdefault(name, []).append(gc.isenabled())
            return f(*args)

        monkeypatch.setattr(owner, name, watched)

    for name in ("get_groups", "put_groups", "put_last_grouping", "get_state", "put_state"):
        watch(store, name)
    watch(cache, "claim_from_json")  # (each claim read back, inside ``get_claims``)
    again = pipeline.build([folder], cache=store)
    assert seen.keys() == {
        "get_groups",
        "put_groups",
        "put_last_grouping",
        "get_state",
        "put_state",
        "claim_from_json",
    }
    assert not any(on for calls in seen.values() for on in calls)
    assert gc.isenabled()  # and left as it was
    plain = pipeline.build([folder], cache=cache.Cache(enabled=False))
    assert _doc(again) == _doc(plain)


def test_a_warm_reopen_does_not_import_the_time_tagger() -> None:
    """Grouping compares times with the tagger's ``is_compatible``, imported when first asked: a warm reopen
    (which reads the grouping package for its near-duplicate index, and groups nothing) does not load the
    tagger's rules (~0.1-0.3 CPU s)."""
    code = (
        "import sys\n"
        "import factcheck.cli, factcheck.pipeline, factcheck.grouping\n"
        "from factcheck.grouping.duplicates import DuplicateIndex\n"
        "print(sorted(m for m in sys.modules if m.startswith('factcheck.temporal')))\n"
        "from factcheck.grouping.times import compatible\n"
        "print(compatible('2023-SP', '2023-03'), compatible('2023-10', '2024-05'))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["[]", "True False"]


def test_a_language_told_before_is_read_back_without_the_detector(
    tmp_path: Path, store: cache.Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck import lang

    text = "The ministry said on Friday that forty people were hurt in the fire at the market."
    told = "Das Ministerium teilte am Freitag mit, dass vierzig Menschen verletzt wurden."
    with lang.remembering(store):
        en, de = lang.detect(text), lang.detect(told)
    assert (en, de) == ("en", "de")
    store.flush()
    from factcheck import langid_model

    def no_model() -> None:
        raise AssertionError("the detector ran")

    monkeypatch.setattr(langid_model, "identifier", no_model)
    again = cache.Cache(store.path)  # (a fresh process)
    with lang.remembering(again):
        assert (lang.detect(text + "  "), lang.detect(told)) == ("en", "de")  # (the same snippet)
        with pytest.raises(AssertionError):
            lang.detect("Another text, never told before, in any language at all.")
    # a foreign value is not trusted; without a memo the detector runs
    key = again.language_key(text)
    again._put("language", {key: 42})
    assert again.known(text) == (False, None)
    assert cache.Cache(enabled=False).known(text) == (False, None)
    with pytest.raises(AssertionError):
        lang.detect(text)


def test_an_edited_article_in_a_fresh_process_reads_its_language_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck import ingest, langid_model

    folder = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", folder)
    store = cache.Cache(tmp_path / "c.sqlite3")
    before = pipeline.build([folder], cache=store)
    one = max(folder.glob("*.txt"), key=lambda p: p.stat().st_size)
    text = one.read_text(encoding="utf-8")
    assert len(text) > 2 * ingest.DETECT_SAMPLE  # (the edit lies after what the detector reads)
    one.write_text(text + "\nThe police said two men were arrested.\n", encoding="utf-8")
    monkeypatch.setattr(langid_model, "identifier", lambda: pytest.fail("the detector ran"))
    fresh = cache.Cache(store.path)  # (a fresh process)
    after = pipeline.build([folder], cache=fresh)
    assert fresh.misses == 1
    assert [a.language for a in after.articles] == [a.language for a in before.articles]


def test_near_duplicates_are_told_from_cached_shingles(
    tmp_path: Path, store: cache.Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.grouping import duplicates

    folder = tmp_path / "batch"
    shutil.copytree(REPO / "seeds", folder)
    one = max(folder.glob("*.txt"), key=lambda p: p.stat().st_size)
    (folder / "zz_copy.txt").write_text(
        one.read_text(encoding="utf-8") + "\nRead more: our newsletter.\n", encoding="utf-8"
    )
    plain = pipeline.build([folder], cache=cache.Cache(enabled=False))
    copies = {a.key: a.near_duplicate_of for a in plain.articles if a.near_duplicate_of}
    assert copies == {"zz_copy.txt": one.name}
    cold = pipeline.build([folder], cache=store)
    monkeypatch.setattr(duplicates, "shingles", lambda _text: pytest.fail("shingled again"))
    warm = pipeline.build([folder], cache=cache.Cache(store.path))
    assert _doc(cold) == _doc(warm) == _doc(plain)
    assert {a.key: a.near_duplicate_of for a in warm.articles if a.near_duplicate_of} == copies
    # an entry of another shape is not trusted: the text is shingled again
    monkeypatch.undo()
    bad = cache.Cache(store.path)
    text = duplicates.shingled_text(next(a for a in warm.articles if a.key == one.name))
    bad._put("derived", {bad.derived_key("shingles", text): ["x"]})
    assert bad.get_derived("shingles", [text]) == {}
    assert _doc(pipeline.build([folder], cache=bad)) == _doc(plain)


# (JSON values a derived entry could hold: a list of ints is trusted, any other shape is not)
_JSON_ITEMS = st.one_of(
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.text(max_size=3),
    st.none(),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_JSON_ITEMS, max_size=6))
def test_a_derived_entry_is_trusted_only_as_a_list_of_ints(
    tmp_path_factory: pytest.TempPathFactory, value: list[object]
) -> None:
    store = cache.Cache(tmp_path_factory.mktemp("derived") / "cache.sqlite3")
    key = store.derived_key("shingles", "some text")
    store._put("derived", {key: value})
    ints = all(type(x) is int for x in value)  # (a bool is no int here)
    assert store.get_derived("shingles", ["some text"]) == ({"some text": value} if ints else {})
    # an entry not trusted is removed
    assert store._get([key]) == ({key: value} if ints else {})
    store.close()


def _told_entries(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT count(*) FROM entries WHERE kind = 'told'").fetchone()[0]
    finally:
        db.close()


def test_a_warm_reopen_reads_the_near_duplicates_and_compares_nothing(
    tmp_path: Path, store: cache.Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a batch's run told of its near-duplicates is cached under the batch: a warm reopen compares no
    article; after an edit, only the edited article and those whose shingles meet its old or new ones are
    compared, and everything is as without the cache. Small chunks, so that the batch spans several lookups
    and the edit falls inside one."""
    from factcheck.grouping import duplicates

    monkeypatch.setattr(pipeline, "FIRST_CHUNK", 2)
    monkeypatch.setattr(pipeline, "CHUNK", 3)
    monkeypatch.setattr(pipeline, "CHUNK_SECONDS", float("inf"))
    folder = _mixed(tmp_path)
    texts = sorted(folder.glob("*.txt"), key=lambda p: p.stat().st_size)
    for i, original in enumerate(texts[-2:]):  # two copies, told apart from the originals late in the batch
        (folder / f"zz_copy{i}.txt").write_text(
            original.read_text(encoding="utf-8") + "\nRead more: our newsletter.\n", encoding="utf-8"
        )
    plain = pipeline.build([folder], cache=cache.Cache(enabled=False))
    assert len([a for a in plain.articles if a.near_duplicate_of]) == 2
    cold = pipeline.build([folder], cache=store)
    assert _doc(cold) == _doc(plain)
    assert _told_entries(store.path) == 1
    compared: list[int] = []
    compare = duplicates.BatchDuplicates._compare

    def counted(self: duplicates.BatchDuplicates, sh: frozenset[int]) -> duplicates.Told:
        compared.append(len(sh))
        return compare(self, sh)

    monkeypatch.setattr(duplicates.BatchDuplicates, "_compare", counted)
    monkeypatch.setattr(duplicates, "shingles", lambda _text: pytest.fail("shingled again"))
    assert _doc(pipeline.build([folder], cache=cache.Cache(store.path))) == _doc(plain)
    assert compared == []
    monkeypatch.undo()
    monkeypatch.setattr(duplicates.BatchDuplicates, "_compare", counted)
    _change(folder, 4, "The minister said on Tuesday that the new bridge would open next year after a delay.")
    edited_plain = pipeline.build([folder], cache=cache.Cache(enabled=False))
    compared.clear()
    assert _doc(pipeline.build([folder], cache=cache.Cache(store.path))) == _doc(edited_plain)
    assert 1 <= len(compared) < len(plain.articles) - 4  # the edited article and the few its text meets
    compared.clear()
    assert _doc(pipeline.build([folder], cache=cache.Cache(store.path))) == _doc(edited_plain)
    assert compared == []
    assert _told_entries(store.path) == 1  # one per batch, replaced
    assert {a.key: a.near_duplicate_of for a in edited_plain.articles if a.near_duplicate_of} == {
        a.key: a.near_duplicate_of for a in plain.articles if a.near_duplicate_of
    }


@pytest.mark.parametrize(
    "value",
    [
        {"keys": ["a"], "texts": ["x"], "told": [None, None]},  # of unequal lengths
        {"keys": ["a", "a"], "texts": ["x", "y"], "told": [None, None]},  # a key twice
        {"keys": ["a", "b"], "texts": ["x", "y"], "told": [None, ["c", 20, 20]]},  # a copy of no earlier one
        {"keys": ["a", "b"], "texts": ["x", "y"], "told": [None, ["a", 30, 20]]},  # sharing more than it has
        {"keys": ["a"], "texts": [3], "told": [None]},
        [1, 2],
    ],
)
def test_a_foreign_record_of_near_duplicates_is_not_trusted(value: object) -> None:
    assert pipeline.told_from_json(value) is None


def test_a_damaged_record_of_near_duplicates_is_ignored_and_replaced(
    tmp_path: Path, store: cache.Cache
) -> None:
    folder = tmp_path / "batch"
    shutil.copytree(REPO / "seeds", folder)
    one = max(folder.glob("*.txt"), key=lambda p: p.stat().st_size)
    (folder / "zz_copy.txt").write_text(one.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    plain = _doc(pipeline.build([folder], cache=cache.Cache(enabled=False)))
    assert _doc(pipeline.build([folder], cache=store)) == plain
    told = store.get_told([str(folder)])
    keys = told["keys"]
    # every article said to repeat the first one: not of the right shape, so not trusted
    store.put_told([str(folder)], {**told, "told": [None] + [[keys[0], 1, 1]] * (len(keys) - 1)})
    assert _doc(pipeline.build([folder], cache=cache.Cache(store.path))) == plain
    assert cache.Cache(store.path).get_told([str(folder)]) == told


def test_a_fresh_process_hashes_no_claim_and_follows_the_reviewers_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pipeline hands grouping each article's content key: no claim is hashed field by field, and a
    reviewer's edits between runs (a speaker changed, a claim removed, one added by hand) regroup exactly as
    from scratch."""
    import copy
    import dataclasses

    from factcheck.grouping import cluster

    def no_hashing(*_args: object) -> str:
        raise AssertionError("an article's claims were hashed")

    folder = _mixed(tmp_path)
    path = tmp_path / "c.sqlite3"
    pipeline.build([folder], cache=cache.Cache(path))
    monkeypatch.setattr(cluster, "fingerprint", no_hashing)
    _change(folder, 9, "The ministry said on Friday that 40 people were hurt in the blast.")
    again = pipeline.build([folder], cache=cache.Cache(path))
    plain = pipeline.build([folder], cache=cache.Cache(enabled=False))
    assert _doc(again) == _doc(plain)
    assert again.grouping_state is not None and again.grouping_state.stats["parts_reused"] >= 1

    grouped = [c for c in again.all_claims() if c.group]
    first, second, third = grouped[0], grouped[1], grouped[-1]
    first.speaker = "A reviewer's speaker"
    again.claims[second.article_key].remove(second)
    mine = dataclasses.replace(third, id="c_manual_1", manual=True, start=third.start + 1)
    again.claims[third.article_key].append(mine)
    for edits in range(2):  # in this process (the state in memory), then in a fresh one (read back)
        if edits:
            again.grouping_state = None
        scratch = copy.deepcopy(again)
        scratch.grouping_state = None
        pipeline.regroup(scratch, cache=cache.Cache(enabled=False))
        pipeline.regroup(again, cache=cache.Cache(path))
        assert [g.to_json() for g in again.groups] == [g.to_json() for g in scratch.groups]
        assert _doc(again) == _doc(scratch)
        first.speaker = "Another speaker"


def test_the_content_key_reads_what_grouping_reads() -> None:
    """``content_key`` changes with the article's key in the batch, its claims' ids and offsets and a claim
    added by hand; not with a reviewer's speaker, nor with how the path of its file is written (#22: grouping
    reads no path, source file, record index or notice)."""
    import dataclasses

    corpus = pipeline.build([REPO / "seeds"], cache=cache.Cache(enabled=False))
    art = next(a for a in corpus.articles if len(corpus.claims[a.key]) > 1)
    claims = corpus.claims[art.key]
    digest = cache.article_digest(art)
    key = pipeline.content_key(art, claims, digest)
    assert pipeline.content_key(art, claims, digest) == key
    moved = dataclasses.replace(art, key="elsewhere.txt", path="elsewhere.txt")
    assert pipeline.content_key(moved, claims, digest) != key
    for where in (
        {"path": f"/somewhere/else/{art.key}", "source_file": f"/somewhere/else/{art.key}"},
        {"path": f"../seeds/{art.key}", "source_file": f"link/{art.key}"},
        {"record": 3, "notices": [*art.notices, "a notice"]},
    ):
        assert pipeline.content_key(dataclasses.replace(art, **where), claims, digest) == key, where
    assert pipeline.content_key(art, claims[1:], digest) != key
    assert pipeline.content_key(art, claims, "another digest") != key
    manual = [*claims, dataclasses.replace(claims[0], id="c_mine", manual=True)]
    assert pipeline.content_key(art, manual, digest) != key
    assert pipeline.content_key(art, [*manual[:-1], dataclasses.replace(manual[-1], end=9)], digest) != (
        pipeline.content_key(art, manual, digest)
    )
    claims[0].speaker = "A reviewer's speaker"
    assert pipeline.content_key(art, claims, digest) == key


def _ecb_subset(folder: Path, n: int) -> bool:
    """``n`` ECB+ articles (bench/extract.py's: pairs of documents of one topic) written to ``folder``; False
    when the shared data is not there."""
    mod = bench_module("extract")
    if not (mod.data_dir() / "ecbplus-dev" / "docs").is_dir():
        return False
    folder.mkdir()
    for i, text in enumerate(mod.corpus(n)):
        (folder / f"ecb_{i:04d}.txt").write_text(text, encoding="utf-8")
    return True


def test_an_ecb_subset_regroups_from_its_saved_state_as_from_scratch(tmp_path: Path) -> None:
    """On real coverage of look-alike events (stories bisected and tested for merges), each fresh process
    after a change (an article edited, one added, one removed) regroups from the saved state exactly as a
    grouping from scratch does."""
    folder = tmp_path / "ecb"
    if not _ecb_subset(folder, 120):
        pytest.skip("shared ECB+ data not available")
    path = tmp_path / "c.sqlite3"
    first = pipeline.build([folder], cache=cache.Cache(path))
    assert first.grouping_state is not None
    memo = first.grouping_state.story_memo
    assert memo.top and memo.splits and memo.closeness  # the stories' memos are exercised
    extra = tmp_path / "extra.txt"
    shutil.move(sorted(folder.glob("*.txt"))[-1], extra)
    steps = [
        lambda: _change(folder, 3, "The ministry said on Friday that 40 people were hurt in the blast."),
        lambda: shutil.move(extra, folder / "ecb_new.txt"),
        lambda: sorted(folder.glob("*.txt"))[50].unlink(),
    ]
    for step in steps:
        step()
        store = cache.Cache(path)  # a new process: nothing in memory
        again = pipeline.build([folder], cache=store)
        store.close()
        assert again.grouping_state is not None and again.grouping_state.stats["parts_reused"] >= 1
        plain = pipeline.build([folder], group=False, cache=cache.Cache(path))  # (extraction as cached)
        pipeline.regroup(plain, cache=cache.Cache(enabled=False))  # from scratch
        assert [g.to_json() for g in again.groups] == [g.to_json() for g in plain.groups]
        assert _doc(again) == _doc(plain)


def test_a_states_pieces_read_by_every_regrouping_are_stored_uncompressed(tmp_path: Path) -> None:
    store = cache.Cache(tmp_path / "c.sqlite3")
    words = "the same words again " * 500
    manifest = {"pieces": ["a1", "e1", "f1", "g1", "p1"], "note": words}
    store.put_state("s:x:", manifest, {k: (lambda: {"v": words}) for k in manifest["pieces"]})
    db = sqlite3.connect(tmp_path / "c.sqlite3")
    size = {k.rsplit(":", 1)[1]: len(b) for k, b in db.execute("SELECT key, data FROM entries")}
    db.close()
    assert all(size[k] > len(words) for k in ("m", "a1", "g1", "p1"))  # (zlib level 0: stored)
    assert all(size[k] < len(words) / 10 for k in ("e1", "f1"))  # read when needed: compressed
    got = store.get_state("s:x:")
    assert got is not None and got[0] == manifest
    assert got[1] == {k: {"v": words} for k in ("a1", "g1", "p1")}
    assert store.get_state_pieces("s:x:", ["e1", "f1"]) == {"e1": {"v": words}, "f1": {"v": words}}


def test_a_regrouping_reads_back_the_languages_grouping_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Grouping tells the language of an article without one from its body; a later regrouping in a fresh
    process (a review's, outside ``build``) reads it back rather than loading the detector's model."""
    from factcheck import langid_model
    from factcheck.model import GroupOverrides

    folder = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", folder)
    store = cache.Cache(tmp_path / "c.sqlite3")
    corpus = pipeline.build([folder], cache=store)
    assert corpus.groups
    corpus.articles[0].language = None  # (grouping tells it from the body)
    pipeline.regroup(corpus, cache=store)
    store.flush()
    monkeypatch.setattr(langid_model, "identifier", lambda: pytest.fail("the detector ran"))
    fresh = cache.Cache(store.path)  # (a fresh process)
    split = GroupOverrides(splits=[corpus.groups[0].claims[0]])  # (groups not cached: grouped again)
    pipeline.regroup(corpus, split, cache=fresh)
    assert corpus.groups


def test_cache_clear_mends_a_damaged_cache_and_leaves_a_foreign_file_alone(tmp_path: Path) -> None:
    """A cache file damaged on disk switched the cache off for good: every command then ran without it, and
    `cache clear` itself failed ("switched off: file is not a database"), so nothing a user could type mended
    it. `clear` now moves a damaged SQLite file aside (NAME.damaged) and starts a new cache; a file that is no
    SQLite database at all (the variable pointed at something else) is never moved, and the message says what
    to do."""
    path = tmp_path / "c.sqlite3"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, kind TEXT, version TEXT, data BLOB)"
    )
    db.commit()
    db.close()
    raw = bytearray(path.read_bytes())
    raw[100:] = b"\xff" * (len(raw) - 100)  # the SQLite header kept, the pages after it garbage
    path.write_bytes(bytes(raw) + b"\xff" * 4096)
    env = {**os.environ, "FACTCHECK_CACHE": str(path)}
    broken = _cli("cache", "info", env=env)
    assert "switched off" in broken.stdout + broken.stderr
    cleared = _cli("cache", "clear", env=env)
    assert cleared.returncode == 0, cleared.stderr
    assert "damaged cache was moved" in cleared.stdout
    assert (tmp_path / "c.sqlite3.damaged").exists()
    info = json.loads(_cli("cache", "info", "--json", env=env).stdout)
    assert info["entries"] == 0 and not info.get("problem")

    foreign = tmp_path / "notes.txt"
    foreign.write_text("my notes, not a cache\n", encoding="utf-8")
    out = _cli("cache", "clear", env={**os.environ, "FACTCHECK_CACHE": str(foreign)})
    assert out.returncode == 2 and "FACTCHECK_CACHE" in out.stderr and "Traceback" not in out.stderr
    assert foreign.read_text(encoding="utf-8") == "my notes, not a cache\n"
