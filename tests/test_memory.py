"""Claim memory: the archive, its sources, matching and the CLI."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import memory
from factcheck.matching import Matcher, clean_query, numbers
from factcheck.memory import Check, add_to_archive, load_archive, read_claimreview, read_sources, read_table

ROOT = Path(__file__).resolve().parents[1]

ARCHIVE = [
    Check(
        "c1",
        "The city council approved a 12% rise in bus fares starting in March 2024.",
        "Did bus fares rise 12%?",
    ),
    Check(
        "c2",
        "Wombats invited other animals into their burrows to escape the Australian wildfires.",
        "Wombat heroes?",
    ),
    Check(
        "c3", "A photograph shows a giant ammonite fossil from southeastern British Columbia.", "Giant fossil"
    ),
    Check("c4", "The president signed an order banning plastic straws in federal buildings.", "Straw ban"),
    Check(
        "c5",
        "Kellogg's Corn Flakes were invented to discourage masturbation.",
        "Were Corn Flakes invented...",
    ),
]


def _seeds_session(tmp_path: Path, decide: Any) -> tuple[Path, Any]:
    """A session on a copy of the seeds in which ``decide(review, claim)`` decided the first claim (saved):
    the session file and that claim."""
    import shutil

    from factcheck.review import Review

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    session = tmp_path / "s.toml"
    review = Review.open(session, [str(corpus)], reviewer="alice")
    try:
        claim = review.claims(review.corpus.articles[0].key)[0]
        decide(review, claim)
        review.save()
    finally:
        review.close()
    return session, claim


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )


# ---------------------------------------------------------------------------------------------
# Sources


def test_table_with_header_aliases_and_unnamed_id_column() -> None:
    text = (
        "\tvclaim\ttitle\trating\turl\n7\tThe moon is made of cheese.\tCheese moon?\tFalse\thttps://x.org/a\n"
    )
    (c,), _ = read_table(text, source="t.tsv")
    assert (c.id, c.claim, c.title, c.verdict, c.url) == (
        "7",
        "The moon is made of cheese.",
        "Cheese moon?",
        "False",
        "https://x.org/a",
    )


def test_table_drops_non_http_urls_and_needs_a_claim_column() -> None:
    (c,), _ = read_table("claim,url\nSomething happened.,javascript:alert(1)\n", delimiter=",")
    assert c.url == "" and c.id.startswith("m")
    with pytest.raises(ValueError, match="claim"):
        read_table("id\ttext2\n1\tx\n")


def _review(claim: str, rating: str = "False", **extra: object) -> dict[str, object]:
    return {
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "reviewRating": {"@type": "Rating", "alternateName": rating},
        "url": "https://checks.example/r1",
        "author": {"@type": "Organization", "name": "Example Check"},
        "datePublished": "2024-05-06T10:00:00Z",
        **extra,
    }


@pytest.mark.parametrize(
    "doc",
    [
        lambda r: json.dumps(r),
        lambda r: json.dumps([r]),
        lambda r: json.dumps({"@context": "https://schema.org", "@graph": [r]}),
        lambda r: json.dumps(r) + "\n" + json.dumps(r | {"claimReviewed": "Another claim here."}),
    ],
)
def test_claimreview_shapes(doc) -> None:  # type: ignore[no-untyped-def]
    checks, bad = read_claimreview(doc(_review("Bus fares rose 12% in March.")))
    assert not bad
    c = checks[0]
    assert (c.claim, c.verdict, c.author, c.date, c.url) == (
        "Bus fares rose 12% in March.",
        "False",
        "Example Check",
        "2024-05-06",
        "https://checks.example/r1",
    )


def test_claimreview_jsonl_bad_line_is_listed_and_the_rest_loads() -> None:
    text = json.dumps(_review("First claim.")) + "\n{not json\n" + json.dumps(_review("Third claim."))
    checks, bad = read_claimreview(text)
    assert [c.claim for c in checks] == ["First claim.", "Third claim."]
    assert bad and bad[0][0] == 2


def test_read_sources_one_line_per_bad_file(tmp_path: Path) -> None:
    (tmp_path / "good.tsv").write_text("claim\tverdict\nThe dam burst in 1975.\tTrue\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "latin1.csv").write_bytes("claim\nCaf\xe9 opened.\n".encode("latin-1"))
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    checks, errors = read_sources([tmp_path, tmp_path / "missing.tsv"])
    assert [c.claim for c in checks] == ["The dam burst in 1975."]
    reasons = {Path(e.path.split(":")[0]).name: e.reason for e in errors}
    assert set(reasons) == {"bad.json", "latin1.csv", "deep.json", "missing.tsv"}
    assert reasons["latin1.csv"] == "not UTF-8 text"


def test_table_rows_left_out_are_listed_with_their_line(tmp_path: Path) -> None:
    text = (
        "claim,verdict,url\n"
        '"The dam burst in 1975.",True,\n'
        ",False,https://fc.example/x\n"  # a row with no claim: listed, not silently dropped
        ",,\n"  # an empty row: nothing was given
        '"A claim written\nover two lines.",False,\n'
        '"Half a row that never closes,False,\n'
        "Would be swallowed into the cell above,True,\n"
    )
    checks, bad = read_table(text, delimiter=",")
    assert [c.claim for c in checks] == ["The dam burst in 1975.", "A claim written\nover two lines."]
    assert bad == [
        (3, "a row with no claim text"),
        (7, "a quotation mark opened on this line is never closed (the rest of the file)"),
    ]
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    checks, errors = read_sources([tmp_path / "t.csv"])
    assert len(checks) == 2
    assert [str(e) for e in errors] == [
        f"{tmp_path / 't.csv'}:3: a row with no claim text",
        f"{tmp_path / 't.csv'}:7: a quotation mark opened on this line is never closed (the rest of the file)",
    ]
    # A TSV cell that only starts with a quoted word is read as before.
    (c,), bad = read_table('claim\tverdict\n"Fake" news says it\tFalse\n')
    assert c.claim == "Fake news says it" and bad == []


def test_archive_add_update_and_never_rewrites_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "memory.jsonl"
    assert add_to_archive(path, ARCHIVE[:2]) == (2, 0)
    changed = Check("c2", ARCHIVE[1].claim, verdict="disputed")
    assert add_to_archive(path, [changed, ARCHIVE[2]]) == (1, 1)
    checks, errors = load_archive(path)
    assert not errors and [c.id for c in checks] == ["c1", "c2", "c3"] and checks[1].verdict == "disputed"
    # one readable JSON object per line
    assert all(json.loads(line)["claim"] for line in path.read_text(encoding="utf-8").splitlines())
    with path.open("a", encoding="utf-8") as f:
        f.write("not json\n")
    checks, errors = load_archive(path)
    assert len(checks) == 3 and str(errors[0]) == f"{path}:4: not a JSON line"
    before = path.read_bytes()
    with pytest.raises(ValueError, match=r"^1 bad line \(4: not a JSON line\): fix or remove them first"):
        add_to_archive(path, [ARCHIVE[3]])
    assert path.read_bytes() == before
    # `memory add` names the archive once, then the lines to fix; nothing is written
    src = tmp_path / "more.tsv"
    src.write_text("id\tclaim\nz9\tA claim added later.\n", encoding="utf-8")
    got = run("memory", "add", str(src), "--archive", str(path))
    assert got.returncode != 0 and got.stderr.count(str(path)) == 1 and "4: not a JSON line" in got.stderr
    assert path.read_bytes() == before


# ---------------------------------------------------------------------------------------------
# Matching


def test_numbers_are_values() -> None:
    assert numbers("60%") == numbers("60 per cent") == numbers("60") == {"60"}
    assert numbers("1,200 people and 3.50 dollars") == {"1200", "3.5"}


def test_numbers_written_the_continental_way_are_the_same_values() -> None:
    # a French, German or Spanish claim writes 3.5 as "3,5" and 1456 as "1 456": `match` said "numbers differ:
    # 35 vs 1, 456" between "1 456 heures" and "35 heures", and "3,5 %" was the two numbers 3 and 5
    assert numbers("3,5 %") == numbers("3.5%") == {"3.5"}
    assert numbers("1 456 heures et 350\u00a0000 emplois, 2\u202f300 euros") == {"1456", "350000", "2300"}
    assert numbers("un taux de 0,25 et 12,75 %") == {"0.25", "12.75"}
    assert numbers("Il y en avait 350 000.") == {"350000"}
    # the English readings stay: a thousands comma, numbers in a list, a year before a count
    assert numbers("1,200 and 12,345,678 people") == {"1200", "12345678"}
    assert numbers("1, 2 and 3") == {"1", "2", "3"}
    assert numbers("in 2019 300 people") == {"2019", "300"}


def test_clean_query_splits_hashtags_and_keeps_the_author_of_a_post() -> None:
    q = clean_query(
        "Google why #cornflakes were invented pic.twitter.com/x1 — Jane Roe (@janeroe) August 16, 2019"
    )
    assert "cornflakes" in q and "Jane Roe" in q and "pic.twitter" not in q and "@janeroe" not in q
    assert "Australian Fires" in clean_query("#AustralianFires")


def test_match_finds_the_checked_claim_with_evidence() -> None:
    m = Matcher(ARCHIVE)
    (best, *_rest) = m.match("Unbelievable: a giant ammonite fossil was found in British Columbia!")
    assert best.check.id == "c3"
    assert "ammonite" in best.why and "british" in best.why
    (hit,) = m.match("Google why #cornflakes were invented", top=1)
    assert hit.check.id == "c5"  # the hashtag finds "Corn Flakes"


def test_a_different_number_is_evidence_against() -> None:
    m = Matcher(ARCHIVE)
    same, other = (
        m.match("The council approved a 12% rise in bus fares.", top=1)[0],
        m.match("The council approved a 30% rise in bus fares.", top=1)[0],
    )
    assert same.check.id == other.check.id == "c1"
    assert other.score < same.score and "numbers differ: 30 vs" in other.why
    assert same.strong and not other.strong  # another figure is never "checked before" unasked


def test_a_different_month_is_evidence_against() -> None:
    from factcheck.matching import months

    assert months("In March 2020 the council met; on 5 June it voted") == {3, 6}
    assert months("Sept. 4 rally") == {9} and months("Jan 5") == {1}
    assert months("May I ask? The march went on. Mayor Smith") == set()  # not dates
    archive = [Check("d1", "Protesters blocked the bridge in March 2019.", "Bridge protest")]
    m = Matcher(archive)
    (same,) = m.match("Protesters blocked the bridge in March.", top=1)
    (other,) = m.match("Protesters blocked the bridge in June.", top=1)
    assert same.strong and not other.strong
    assert "dates differ: June vs March" in other.why and "dates differ" not in same.why
    assert other.score < same.score


def test_rank_weights_are_data_and_validated() -> None:
    from factcheck.matching import FEATURES, Weights, default_weights

    w = default_weights()
    assert w.bm25 > 0 and w.number_clash <= 0 and w.date_clash <= 0
    assert Weights.from_data({"bm25": 1}).score(dict.fromkeys(FEATURES, 1.0)) == 1.0
    with pytest.raises(ValueError, match="unknown"):
        Weights.from_data({"bm25": 1, "colour": 2})
    with pytest.raises(ValueError, match="evidence against"):
        Weights.from_data({"number_clash": 0.5})
    # BM25 alone: the score is the BM25 score relative to the query's best.
    alone = Matcher(ARCHIVE, weights=Weights()).match("wombats sheltered animals from the wildfires")
    assert alone[0].score == 1.0 and all(0 < m.score <= 1.0 for m in alone)


def test_index_is_cached_and_rebuilt_when_the_archive_changes_or_the_cache_is_damaged(tmp_path: Path) -> None:
    first = Matcher(ARCHIVE, cache_dir=tmp_path)
    assert not first.from_cache
    again = Matcher(ARCHIVE, cache_dir=tmp_path)
    assert again.from_cache
    q = "wombats sheltered animals from the wildfires"
    assert [(r.check.id, round(r.score, 6)) for r in again.match(q)] == [
        (r.check.id, round(r.score, 6)) for r in first.match(q)
    ]
    changed = Matcher([*ARCHIVE, Check("c6", "A new claim about wombats.")], cache_dir=tmp_path)
    assert not changed.from_cache
    for f in (tmp_path / again.digest).iterdir():
        if f.suffix == ".npy":
            f.write_bytes(b"garbage")
    damaged = Matcher(ARCHIVE, cache_dir=tmp_path)
    assert not damaged.from_cache and damaged.match(q)[0].check.id == "c2"


def test_empty_archive_and_empty_query() -> None:
    assert Matcher([]).match("anything") == []
    assert Matcher(ARCHIVE).match("the of and") == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_matching_and_tables_never_crash(text: str) -> None:
    clean_query(text)
    Matcher(ARCHIVE[:2]).match(text)
    with contextlib.suppress(ValueError):
        read_table(text)
    with contextlib.suppress(ValueError):
        read_claimreview(text)
    memory.read_history("id\tmatched\n" + text)
    memory.read_history(text, delimiter=",")


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["c1", "c2", "c3"]), st.text(max_size=80)), max_size=8),
    st.text(max_size=80),
)
def test_matched_wordings_round_trip_and_never_break_matching(
    rows: list[tuple[str, str]], query: str
) -> None:
    said: dict[str, list[str]] = {}
    for cid, text in rows:
        said.setdefault(cid, []).append(text)
    checks = [c.with_matched(said.get(c.id, ())) for c in ARCHIVE[:3]]
    for c in checks:
        assert Check.from_json(json.loads(json.dumps(c.to_json()))) == c
        assert all(m.strip() and m == " ".join(m.split()) for m in c.matched)
    matcher = Matcher(checks)
    found = matcher.match(query)
    assert all(0.0 <= m.features["history"] <= 1.0 for m in found)
    matcher.remember("c1", query)


# ---------------------------------------------------------------------------------------------
# CLI


def test_match_cli_json_contract(tmp_path: Path) -> None:
    archive = tmp_path / "archive.tsv"
    archive.write_text(
        "id\tclaim\ttitle\tverdict\turl\n"
        + "".join(f"{c.id}\t{c.claim}\t{c.title}\tFalse\thttps://c.example/{c.id}\n" for c in ARCHIVE),
        encoding="utf-8",
    )
    queries = tmp_path / "q.tsv"
    queries.write_text(
        "id\ttext\nq1\tWas a giant ammonite fossil found in British Columbia?\n", encoding="utf-8"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = run("match", str(queries), "--against", str(archive), "--top", "2", "--json", env=env)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    (q,) = doc["queries"]
    assert q["id"] == "q1" and len(q["matches"]) == 1  # only checks that share a word are candidates
    best = q["matches"][0]
    assert best["id"] == "c3" and best["verdict"] == "False" and best["url"] == "https://c.example/c3"
    assert set(best) >= {"id", "score", "claim", "title", "verdict", "url", "why"}


def test_memory_add_list_and_match_against_the_archive(tmp_path: Path) -> None:
    env = {**os.environ, "FACTCHECK_MEMORY": str(tmp_path / "m.jsonl"), "XDG_CACHE_HOME": str(tmp_path / "c")}
    reviews = tmp_path / "reviews.json"
    reviews.write_text(
        json.dumps([_review("Bus fares rose 12% in March 2024.", "Mostly false")]), encoding="utf-8"
    )
    (tmp_path / "broken.csv").write_text("nothing,here\n1,2\n", encoding="utf-8")
    out = run("memory", "add", str(reviews), str(tmp_path / "broken.csv"), env=env)
    assert out.returncode == 1 and "1 added" in out.stdout and "broken.csv" in out.stderr
    listed = run("memory", "list", "--json", env=env)
    assert json.loads(listed.stdout)["verdict"] == "Mostly false"
    queries = tmp_path / "q.tsv"
    queries.write_text("id\ttext\nq\tDid bus fares really rise 12% in March?\n", encoding="utf-8")
    got = run("match", str(queries), "--json", env=env)
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout)["queries"][0]["matches"][0]["claim"] == "Bus fares rose 12% in March 2024."
    plain = run("match", str(queries), env=env)  # the text a desk reads: the verdict, who, when and the link
    hit = json.loads(got.stdout)["queries"][0]["matches"][0]
    assert "[Mostly false]" in plain.stdout and f"{hit['by']} · {hit['date']} · {hit['url']}" in plain.stdout


def test_memory_add_from_a_session(tmp_path: Path) -> None:
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    session = tmp_path / "s.toml"
    env = {**os.environ, "FACTCHECK_MEMORY": str(tmp_path / "m.jsonl"), "FACTCHECK_REVIEWER": "alice"}
    extracted = json.loads(run("extract", str(corpus), "--json", env=env).stdout)
    claim = extracted["articles"][0]["claims"][0]
    marked = run(
        "mark",
        str(session),
        claim["id"],
        "disputed",
        "--note",
        "wrong month",
        "--corpus",
        str(corpus),
        env=env,
    )
    assert marked.returncode == 0, marked.stderr
    checks, errors = read_sources([session])
    assert not errors
    (c,) = checks
    assert (
        c.id == claim["id"]
        and c.claim == claim["text"]
        and c.verdict == "disputed"
        and c.note == "wrong month"
    )
    assert c.author == "alice"


def test_bad_query_inputs(tmp_path: Path) -> None:
    q = tmp_path / "q.tsv"
    q.write_text("id\tnot_text\n1\tx\n", encoding="utf-8")
    out = run("match", str(q), "--against", str(tmp_path))
    assert out.returncode == 2 and "text" in out.stderr and "Traceback" not in out.stderr
    assert memory.memory_path().name == "memory.jsonl"


def test_rating_vocabularies_run_their_examples() -> None:
    from factcheck import lang
    from factcheck.memory import suggested_verdict

    codes = lang.available("ratings")
    assert {"en", "de", "es", "fr", "pt"} <= set(codes)
    for code in codes:
        for verdict, table in lang.resource(code, "ratings").items():
            for example in table["examples"]:
                assert suggested_verdict(example) == verdict, (code, example)
    assert suggested_verdict("disputed (by c15a7d5a429)") == "disputed"
    assert suggested_verdict("Research in progress") is None


def test_memory_service_strong_matches_only(tmp_path: Path) -> None:
    from factcheck.memory import Memory

    path = tmp_path / "m.jsonl"
    add_to_archive(path, ARCHIVE)
    mem = Memory(path, cache=tmp_path / "cache")
    assert mem.checked_before("anything") == []  # not loaded yet
    steps: list[tuple[str, float | None]] = []
    mem.load(lambda msg, fraction: steps.append((msg, fraction)))
    assert len(mem) == 5 and not mem.errors
    assert steps[0] == ("reading the archive", None)
    fractions = [f for _, f in steps[1:]]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)
    assert steps[-1][0] == "indexing 5 checked claims"
    steps.clear()
    Memory(path, cache=tmp_path / "cache").load(lambda msg, fraction: steps.append((msg, fraction)))
    assert steps == [("reading the archive", None)]  # the cached index: nothing to build
    (hit,) = mem.checked_before("A photograph shows a giant ammonite fossil from British Columbia.", top=1)
    assert hit.check.id == "c3" and hit.strong
    assert mem.checked_before("The mayor opened a new library on Tuesday.") == []


def test_build_progress_is_reported_every_few_thousand_checks(monkeypatch) -> None:
    from factcheck import matching

    monkeypatch.setattr(matching, "PROGRESS_EVERY", 2)
    calls: list[tuple[int, int]] = []
    Matcher(ARCHIVE, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 5), (2, 5), (4, 5), (5, 5)]


def test_archive_beside_the_sessions_is_used_when_there_is_one(tmp_path: Path, monkeypatch) -> None:
    from factcheck.memory import memory_path

    monkeypatch.delenv("FACTCHECK_MEMORY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    session = tmp_path / "desk" / "monday.toml"
    session.parent.mkdir()
    mine = memory_path(session)
    assert mine == memory_path() and mine.name == "memory.jsonl" and "desk" not in mine.parts
    add_to_archive(tmp_path / "desk" / "memory.jsonl", ARCHIVE)
    assert memory_path(session) == tmp_path / "desk" / "memory.jsonl"  # the desk's shared archive
    monkeypatch.setenv("FACTCHECK_MEMORY", str(tmp_path / "elsewhere.jsonl"))
    assert memory_path(session) == tmp_path / "elsewhere.jsonl"  # an explicit setting wins


def test_a_check_archived_twice_is_one_match_naming_the_copies() -> None:
    archive = [
        Check("n1", "A new claim about wombats and wildfires in Australia.", "Did wombats shelter animals?"),
        Check("old", 'Wombats "sheltered" other animals from the wildfires in Australia.', "Wombat heroes?"),
        Check("other", "Wombats sheltered other animals from the wildfires in Australia.", verdict="False"),
        Check("copy", "Wombats 'sheltered' other animals from the WILDFIRES in Australia", "Wombat heroes"),
    ]
    found = Matcher(archive).match("Wombats sheltered other animals from the wildfires in Australia!", top=5)
    ids = [m.check.id for m in found]
    assert ids.count("copy") == 0 and "old" in ids and "other" in ids  # another verdict is another check
    old = found[ids.index("old")]
    assert old.same_as == ("copy",) and old.to_json()["same_as"] == ["copy"]
    assert found[ids.index("other")].same_as == ()
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)


def test_scored_lists_every_candidate_and_match_collapses_them_into_its_list() -> None:
    archive = [
        Check("n1", "A new claim about wombats and wildfires in Australia.", "Did wombats shelter animals?"),
        Check("old", 'Wombats "sheltered" other animals from the wildfires in Australia.', "Wombat heroes?"),
        Check("other", "Wombats sheltered other animals from the wildfires in Australia.", verdict="False"),
        Check("copy", "Wombats 'sheltered' other animals from the WILDFIRES in Australia", "Wombat heroes"),
    ]
    matcher = Matcher(archive)
    claim = "Wombats sheltered other animals from the wildfires in Australia!"
    scored = matcher.scored(claim)
    assert sorted(matcher.checks[i].id for i, _ in scored) == ["copy", "n1", "old", "other"]
    assert [m.score for _, m in scored] == sorted((m.score for _, m in scored), reverse=True)
    by_id = {m.check.id: i for i, m in scored}
    assert matcher.copy_key(by_id["old"]) == matcher.copy_key(
        by_id["copy"]
    )  # the same claim, verdict, checker
    assert matcher.copy_key(by_id["old"]) != matcher.copy_key(by_id["other"])  # another verdict
    # match lists the copies once, under the first archived, at the best place any of them reached
    expected = {}
    for i, m in scored:  # best first: a group's first member seen is its best place
        key = matcher.copy_key(i)
        if key not in expected:
            members = [j for j, _ in scored if matcher.copy_key(j) == key]
            expected[key] = (matcher.checks[min(members)].id, m.score)
    assert [(m.check.id, m.score) for m in matcher.match(claim, top=5)] == list(expected.values())


# ---------------------------------------------------------------------------------------------
# Match history: wordings matched to a check before


def test_match_history_table_adds_wordings_to_checks_read_with_it_or_archived(tmp_path: Path) -> None:
    (tmp_path / "checks.tsv").write_text(
        "id\tclaim\nc1\tWombats shelter animals from fires.\n", encoding="utf-8"
    )
    (tmp_path / "history.tsv").write_text(
        "id\tmatched\nc1\twombats  save animals\nc1\twombats  save animals\nc9\tno such check\n"
        "a1\tan archived check said otherwise\n",
        encoding="utf-8",
    )
    archived = Check("a1", "An archived check.")
    checks, errors = read_sources([tmp_path / "checks.tsv", tmp_path / "history.tsv"], known=[archived])
    by_id = {c.id: c for c in checks}
    assert by_id["c1"].matched == ("wombats save animals",)  # spaces normalised, kept once
    assert by_id["a1"].matched == (
        "an archived check said otherwise",
    )  # the archived check comes back updated
    assert [str(e) for e in errors] == [f"{tmp_path / 'history.tsv'}: no check with the id of line(s) 4 (c9)"]
    # A history alone, naming nothing known: every row listed, nothing else read.
    checks, errors = read_sources([tmp_path / "history.tsv"])
    assert checks == [] and "line(s) 2 (c1), 3 (c1), 4 (c9), 5 (a1)" in str(errors[0])


def test_matched_wordings_round_trip_and_survive_a_reimport(tmp_path: Path) -> None:
    archive = tmp_path / "memory.jsonl"
    c = Check("c1", "Wombats shelter animals.", verdict="False", matched=("wombats save animals",))
    add_to_archive(archive, [c])
    assert json.loads(archive.read_text(encoding="utf-8"))["matched"] == ["wombats save animals"]
    assert load_archive(archive)[0] == [c]
    # The same check imported again (a feed re-read, its rating changed) keeps what was matched to it.
    added, updated = add_to_archive(
        archive, [Check("c1", "Wombats shelter animals.", verdict="Mostly false")]
    )
    assert (added, updated) == (0, 1)
    assert load_archive(archive)[0][0].matched == ("wombats save animals",)
    archive.write_text('{"claim": "x", "matched": "not a list"}\n', encoding="utf-8")
    checks, errors = load_archive(archive)
    assert checks == [] and "'matched' must be a list of texts" in str(errors[0])


def test_memory_add_attaches_a_match_history_to_archived_checks(tmp_path: Path) -> None:
    env = dict(os.environ, FACTCHECK_MEMORY=str(tmp_path / "memory.jsonl"), XDG_CACHE_HOME=str(tmp_path))
    (tmp_path / "checks.tsv").write_text(
        "id\tclaim\nc1\tWombats shelter animals from fires.\n", encoding="utf-8"
    )
    (tmp_path / "history.csv").write_text("id,matched\nc1,wombats save animals\n", encoding="utf-8")
    assert run("memory", "add", str(tmp_path / "checks.tsv"), env=env).returncode == 0
    got = run("memory", "add", str(tmp_path / "history.csv"), env=env)
    assert got.returncode == 0, got.stderr
    assert "0 added, 1 updated" in got.stdout
    (c,) = load_archive(tmp_path / "memory.jsonl")[0]
    assert c.matched == ("wombats save animals",)


def test_translation_model_learns_which_words_say_the_same() -> None:
    from factcheck.matching import learn_translation

    pairs = [
        (["pic", "shark", "street"], ["photograph", "shark", "flood"]),
        (["pic", "wombat"], ["photograph", "wombat", "fire"]),
        (["pic", "cat"], ["photograph", "cat"]),
    ]
    t = learn_translation(pairs)
    assert t["pic"]["photograph"] > 0.5  # said "pic", checked as "photograph"
    assert t["shark"]["shark"] > t["pic"].get("shark", 0.0)
    assert all(abs(sum(row.values()) - 1) < 0.05 for row in t.values())  # p(. | w): about 1 above the floor
    assert learn_translation([]) == {}


def test_history_feature_ranks_the_check_matched_to_such_wordings_before(tmp_path: Path) -> None:
    from factcheck.matching import Weights

    plain = Check("h2", "A rocket launch at night in a video.")
    learned = Check(
        "h1",
        "A video shows a rocket launch over the Mojave desert at night.",
        matched=("Amazing footage of a rocket over Arizona tonight", "Arizona rocket footage, wow"),
    )
    q = "rocket launch at night, footage from Arizona"
    assert Matcher([plain, learned], weights=Weights()).match(q)[0].check.id == "h2"  # BM25 alone
    ranked = Matcher([plain, learned], weights=Weights(bm25=1.0, history=1.0)).match(q)
    assert ranked[0].check.id == "h1"
    assert ranked[0].features["history"] == 1.0 and ranked[1].features["history"] < 0.5
    assert ranked[0].why.endswith("; matched before to “Arizona rocket footage, wow”")
    assert "matched before" not in ranked[1].why
    # No history in the archive: the feature is 0 for every candidate.
    assert all(m.features["history"] == 0.0 for m in Matcher([plain]).match(q))
    # The wordings are part of the index's identity: the cache is rebuilt when they change.
    Matcher([plain, learned], cache_dir=tmp_path)
    again = Matcher([plain, learned.with_matched(["one more wording"])], cache_dir=tmp_path)
    assert not again.from_cache
    cached = Matcher([plain, learned], cache_dir=tmp_path, weights=Weights(bm25=1.0, history=1.0))
    assert cached.from_cache and cached.match(q)[0].check.id == "h1"


def test_a_claim_the_reviewer_applied_an_earlier_check_to_is_a_wording_of_that_check(tmp_path: Path) -> None:
    from factcheck.model import Verdict

    session, claim = _seeds_session(
        tmp_path, lambda r, c: r.apply_check(c.id, Verdict.DISPUTED, evidence="https://checks.example/1")
    )
    earlier = Check("fc1", "An earlier fact-check.", verdict="False", url="https://checks.example/1")
    other = Check("fc2", "Another fact-check.", url="https://checks.example/2")
    checks, errors = read_sources([session], known=[earlier, other])
    assert not errors
    by_id = {c.id: c for c in checks}
    assert by_id["fc1"].matched == (" ".join(claim.text.split()),)  # the archived check comes back with it
    assert "fc2" not in by_id
    assert by_id[claim.id].verdict == "disputed"  # the decided claim is archived too, as before


def test_a_claim_reading_like_a_wording_matched_before_is_a_strong_match() -> None:
    check = Check(
        "h1",
        "A video shows a rocket launch over the Mojave desert at night.",
        matched=("Amazing footage of a rocket over Arizona tonight",),
    )
    (m,) = Matcher([check]).match("amazing footage of a rocket over arizona tonight!! #space")
    assert m.features["coverage"] < 0.5 and m.features["fuzz"] < 0.7  # the check's own words would not do
    assert m.strong
    (weak,) = Matcher([check]).match(
        "Arizona tonight: storms, lightning and hail"
    )  # shared words: not strong
    assert not weak.strong


def test_a_check_table_may_carry_a_matched_wording_per_row(tmp_path: Path) -> None:
    (c,), _ = read_table("id\tclaim\tmatched\nc1\tWombats shelter animals.\twombats save   animals\n")
    assert c.matched == ("wombats save animals",)
    (c,), _ = read_table("id\tclaim\tmatched\nc1\tWombats shelter animals.\t\n")
    assert c.matched == ()


def test_a_check_applied_in_this_sitting_is_found_for_claims_worded_alike() -> None:
    check = Check("h1", "A video shows a rocket launch over the Mojave desert at night.")
    other = Check("h2", "Arizona banned fireworks.")
    matcher = Matcher([check, other])
    claim = "Amazing footage of a rocket over Arizona tonight"
    assert not matcher.match(claim)[0].strong
    assert matcher.remember("h1", claim) and not matcher.remember("h1", claim)
    assert not matcher.remember("nope", claim)
    assert matcher.checks[0].matched == (claim,)
    again = matcher.match("amazing footage of a rocket over arizona tonight!!")
    assert again[0].check.id == "h1" and again[0].strong
    assert "matched before to" in again[0].why


def test_word_vectors_put_words_of_the_same_checks_close() -> None:
    import numpy as np

    from factcheck.matching import learn_word_vectors

    # 0 mum, 1 mother, 2 photo, 3 queen, 4 vaccine, 5 autism, 6 study, 7 fossil
    docs = [[0, 3, 2], [1, 3, 2], [0, 1, 3], [4, 5, 6], [4, 5], [5, 6, 4], [7, 2], [7, 6]]
    v = learn_word_vectors(docs, 9, dim=3)
    assert v.shape == (9, 3) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v[:8], axis=1), 1.0, atol=1e-5)
    assert not v[8].any()  # a word in no check has no vector
    assert v[0] @ v[1] > 0.9  # "mum" and "mother": the same checks' words
    assert v[0] @ v[4] < 0.3 and v[1] @ v[5] < 0.3  # words of other checks
    assert np.array_equal(v, learn_word_vectors(docs, 9, dim=3))  # seeded: the same archive, the same vectors
    assert learn_word_vectors([], 0).shape == (0, 0)
    assert learn_word_vectors([[5]], 2).shape == (2, 0)  # ids out of range are left out


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.integers(0, 12), max_size=8), max_size=12), st.integers(1, 6))
def test_word_vectors_are_unit_or_zero_for_any_archive(docs: list[list[int]], dim: int) -> None:
    import numpy as np

    from factcheck.matching import learn_word_vectors

    v = learn_word_vectors(docs, 13, dim=dim)
    assert v.shape[0] == 13 and v.shape[1] <= dim and np.isfinite(v).all()
    norms = np.linalg.norm(v, axis=1)
    assert all(abs(n - 1) < 1e-4 or n == 0 for n in norms)
    seen = {i for d in docs for i in d}
    assert all(norms[i] == 0 for i in range(13) if i not in seen)


def test_related_features_bridge_words_the_archive_uses_together(tmp_path: Path) -> None:
    from factcheck.matching import Weights

    archive = [
        Check("r1", "The queen's mother was photographed at the palace garden party."),
        Check("r2", "A photo of the queen's mum at the palace with her corgis."),
        Check("r3", "Mum and the queen opened the palace gates to the public."),
        Check("r4", "A study found that a vaccine causes autism in children."),
        Check("r5", "Children given the vaccine in the study developed autism."),
        Check("r6", "A fossil of a giant ammonite was found in a quarry."),
    ]
    q = "mother of the queen at a garden"
    ranked = Matcher(archive, weights=Weights(bm25=1.0, related=1.0, query_related=1.0)).match(q, top=6)
    got = {m.check.id: m.features for m in ranked}
    assert ranked[0].check.id == "r1"
    # r2 shares only "queen" with the claim, but its "mum" is the archive's near-synonym of "mother".
    assert got["r2"]["related"] > got["r2"]["coverage"]
    assert all(0.0 <= f[k] <= 1.0 + 1e-9 for f in got.values() for k in ("related", "query_related"))
    # The vectors are cached with the index and give the same features from the cache.
    Matcher(archive, cache_dir=tmp_path)
    cached = Matcher(archive, cache_dir=tmp_path, weights=Weights(bm25=1.0, related=1.0, query_related=1.0))
    assert cached.from_cache
    assert [(m.check.id, round(m.score, 6)) for m in cached.match(q, top=6)] == [
        (m.check.id, round(m.score, 6)) for m in ranked
    ]


def test_an_earlier_check_applied_to_a_claim_that_had_evidence_links_it_back_too(tmp_path: Path) -> None:
    from factcheck.model import Verdict

    def decide(review: Any, claim: Any) -> None:
        review.apply_check(claim.id, None, evidence="https://news.example/source")  # the reviewer's own link
        review.apply_check(claim.id, Verdict.DISPUTED, evidence="https://checks.example/1")  # then `b`

    session, claim = _seeds_session(tmp_path, decide)
    earlier = Check("fc1", "An earlier fact-check.", verdict="False", url="https://checks.example/1")
    checks, errors = read_sources([session], known=[earlier])
    assert not errors
    by_id = {c.id: c for c in checks}
    assert by_id["fc1"].matched == (" ".join(claim.text.split()),)
    archived = by_id[claim.id]
    assert archived.url == "https://news.example/source"
    assert archived.evidence == ("https://news.example/source", "https://checks.example/1")
    # The archive keeps every link (JSON Lines round trip); a bad value is a bad line.
    assert Check.from_json(json.loads(json.dumps(archived.to_json()))) == archived
    with pytest.raises(ValueError):
        Check.from_json({"claim": "x", "evidence": "https://a.example"})
    assert Check.from_json({"claim": "x", "evidence": ["ftp://a.example", "https://b.example"]}).evidence == (
        "https://b.example",
    )


# ---------------------------------------------------------------------------------------------
# The post's own structure: quoted phrases, its date, its signature; the re-ranker's hidden layer


def test_a_post_is_split_into_its_words_and_its_signature() -> None:
    from factcheck.matching import quoted, split_post, years

    body, name, date = split_post(
        "Fake Melania is back y’all pic.twitter.com/EuaT — James St. James (@JSJdarling) July 10, 2018"
    )
    assert "Fake Melania" in body and "pic.twitter" not in body and "James" not in body
    assert (name, date) == ("James St. James", "July 10, 2018")
    assert split_post("No signature here https://t.co/x") == ("No signature here  ", "", "")
    assert years("In 1943 the court ruled; in 2016 and 1999") == {"1943", "2016", "1999"}
    assert years("call 911 or 123456") == set()
    # Apostrophes never open or close a quotation.
    assert quoted('We’re 190 years old and ‘tag’ doesn’t mean “touch and go.” — he said "aren’t people"') == [
        "tag",
        "touch and go",
        "aren t people",
    ]
    assert quoted("It's the people's choice, isn't it") == []


def test_quoted_phrases_and_the_post_s_year_are_features() -> None:
    from factcheck.matching import Weights

    archive = [
        Check("q1", "The children's game of tag is named for touch and go.", "Etymology of tag"),
        Check("q2", "A dictionary changed the meaning of a game's name in 1987.", "Dictionary game"),
        Check("y1", "Voting machines in Cook County were rigged in 2014.", "Rigged machines?"),
        Check("y2", "Voting machines in Cook County were rigged in 2018.", "Rigged machines again?"),
    ]
    m = Matcher(archive)
    (best, *_) = m.match("‘tag’ doesn’t mean “touch and go.” says the dictionary of the game")
    assert best.check.id == "q1" and best.features["quoted"] == 1.0
    assert "quoted: “tag”, “touch and go”" in best.why
    post = "Check your votes, the machines in Cook County are rigged — Jim Roe (@jimroe) October 21, 2014"
    got = {r.check.id: r.features for r in m.match(post)}
    assert got["y1"]["post_year"] == 1.0 and got["y1"]["other_year"] == 0.0
    assert got["y2"]["post_year"] == 0.0 and got["y2"]["other_year"] == 1.0
    only_quotes = Matcher(archive, weights=Weights(quoted=1.0))
    assert only_quotes.match("they said it was “rigged in 2018” all along")[0].check.id == "y2"


def test_the_year_of_the_post_or_of_the_given_date_is_a_feature(tmp_path: Path, capsys) -> None:
    from factcheck.matching import date_parts

    assert date_parts("May 24, 2019") == ({"2019"}, {5})
    assert date_parts("2019-05-24") == ({"2019"}, {5})
    assert date_parts("2019-13") == ({"2019"}, set())
    assert date_parts("") == (set(), set())
    archive = [
        Check("y19", "A video shows Nancy Pelosi slurring her speech at an event in 2019.", "Pelosi video"),
        Check("y20", "A video shows Nancy Pelosi slurring her speech at an event in 2020.", "Pelosi"),
    ]
    m = Matcher(archive)
    post = "Pelosi stammers through news conference — Jim Roe (@jimroe) May 24, 2019"
    got = {r.check.id: r.features for r in m.match(post)}
    assert got["y19"]["post_year"] == 1.0 and got["y20"]["other_year"] == 1.0
    # A claim of an article: the article's date stands for the post's; the post's own date wins.
    claim = "Pelosi stammered through a news conference."
    got = {r.check.id: r.features for r in m.match(claim, dated="2020-08-02")}
    assert got["y20"]["post_year"] == 1.0 and got["y19"]["other_year"] == 1.0
    assert {r.check.id: r.features["post_year"] for r in m.match(claim)} == {"y19": 0.0, "y20": 0.0}
    got = {r.check.id: r.features for r in m.match(post, dated="2020-08-02")}
    assert got["y19"]["post_year"] == 1.0 and got["y20"]["post_year"] == 0.0
    # The CLI reads a `date` column of the query table.
    queries = tmp_path / "q.tsv"
    queries.write_text(
        "id\ttext\tdate\nq1\tPelosi stammered through a news conference.\t2019-08-02\nq2\t\t2019-08-03\n\t\t\n"
    )
    from factcheck.cli_memory import read_queries

    assert read_queries(queries) == ([("q1", "Pelosi stammered through a news conference.", "2019-08-02")], 1)
    assert f"{queries}:3: a query with no text" in capsys.readouterr().err
    # a date that names no year ranks nothing: said, not used silently (the query is still matched)
    queries.write_text("id\ttext\tdate\nq1\tPelosi stammered.\tnot a date\nq2\tPelosi spoke.\t24 May 2019\n")
    assert [q[0] for q in read_queries(queries)[0]] == ["q1", "q2"]
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"factcheck: {queries}:2: the date 'not a date' names no year: the query is matched as undated"
    ]


def test_hidden_units_are_data_and_never_read_evidence_against() -> None:
    import math

    from factcheck.matching import FEATURES, Weights, default_weights

    w = Weights.from_data(
        {"bm25": 1.0, "number_clash": -0.5},
        [{"bias": 0.5, "out": 2.0, "weights": {"fuzz": 1.0}}, {"bias": -1.0, "out": -1.0, "weights": {}}],
    )
    f = dict.fromkeys(FEATURES, 0.0) | {"bm25": 0.5, "fuzz": 0.25, "number_clash": 1.0}
    assert w.score(f) == pytest.approx(0.5 - 0.5 + 2.0 * math.tanh(0.75) - math.tanh(-1.0))
    with pytest.raises(ValueError, match="evidence against"):
        Weights.from_data({"bm25": 1.0}, [{"bias": 0.0, "out": 1.0, "weights": {"date_clash": 1.0}}])
    with pytest.raises(ValueError, match="unknown"):
        Weights.from_data({"bm25": 1.0}, [{"out": 1.0, "weights": {"colour": 1.0}}])
    # The shipped re-ranker: a differing number or month never raises a match's score.
    shipped = default_weights()
    for name in ("number_clash", "date_clash"):
        base = dict.fromkeys(FEATURES, 0.5) | {"number_clash": 0.0, "date_clash": 0.0}
        assert shipped.score(base | {name: 1.0}) <= shipped.score(base)


# ---------------------------------------------------------------------------------------------
# The sentence-embedding model (wordllama, offline)


def test_semantic_feature_uses_the_real_model_and_reads_paraphrase() -> None:
    from factcheck.matching import sentence_model

    model = sentence_model()
    assert sentence_model() is model  # loaded once per process
    archive = [
        Check("b1", "Drinking bleach cures coronavirus.", "Bleach cure?"),
        Check("b2", "Drinking water from the tap spreads the new coronavirus.", "Tap water?"),
        Check("b3", "Cats can catch the coronavirus from their owners.", "Cats?"),
    ]
    found = {
        m.check.id: m.features["semantic"]
        for m in Matcher(archive).match("A post says you can get rid of COVID-19 by swallowing bleach", top=3)
    }
    assert set(found) <= {"b1", "b2", "b3"} and "b1" in found
    assert all(0.0 <= v <= 1.0 for v in found.values())
    # the paraphrase is closer than a check that shares as many words ("drinking", "coronavirus")
    assert found["b1"] > 0.5 and all(found["b1"] > v for k, v in found.items() if k != "b1")


def test_semantic_rank_is_the_candidate_s_place_by_sentence_similarity() -> None:
    from factcheck.matching import reciprocal_ranks

    assert reciprocal_ranks([0.2, 0.9, 0.5]) == [1 / 3, 1.0, 0.5]
    assert reciprocal_ranks([0.4, 0.4]) == [1.0, 0.5]  # equal values keep their order
    assert reciprocal_ranks([]) == []
    archive = [
        Check("b1", "Drinking bleach cures coronavirus.", "Bleach cure?"),
        Check("b2", "Drinking water from the tap spreads the new coronavirus.", "Tap water?"),
        Check("b3", "Cats can catch the coronavirus from their owners.", "Cats?"),
    ]
    found = Matcher(archive).match("A post says you can get rid of the coronavirus by drinking bleach", top=3)
    by_cosine = sorted(found, key=lambda m: -m.features["semantic"])
    assert [m.features["semantic_rank"] for m in by_cosine] == [1.0, 0.5, 1 / 3][: len(found)]
    assert by_cosine[0].check.id == "b1"


def test_missing_model_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck import matching
    from factcheck.cli import main

    with pytest.raises(matching.ModelMissing, match=r"sentence-embedding model is missing: .*safetensors"):
        matching.sentence_model(tmp_path)  # a folder without the model's files

    def missing() -> None:
        raise matching.ModelMissing("the sentence-embedding model is missing: /nowhere (reinstall wordllama)")

    monkeypatch.setattr(matching, "sentence_model", missing)
    archive = tmp_path / "archive.tsv"
    archive.write_text("id\tclaim\nc1\tWombats sheltered other animals.\n", encoding="utf-8")
    queries = tmp_path / "q.tsv"
    queries.write_text("id\ttext\nq1\twombats in the fires\n", encoding="utf-8")
    assert main(["match", str(queries), "--against", str(archive), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "factcheck: the sentence-embedding model is missing: /nowhere (reinstall wordllama)"
    ]


def test_commands_without_memory_do_not_import_the_model() -> None:
    code = (
        "import sys\n"
        "from factcheck.cli import main\n"
        "main(['extract', 'seeds', '--json'])\n"
        "import factcheck.matching\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] == 'wordllama'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_checks_in_other_languages_are_still_found() -> None:
    """The sentence model is mostly English: a check in another language must still come first for a claim in
    that language (BM25 finds it; the semantic feature never pushes an English check above it)."""
    archive = [
        *ARCHIVE,
        Check("es1", "El gobierno subió el IVA al 25% en enero.", "¿Sube el IVA?"),
        Check("de1", "Die Regierung hat die Mehrwertsteuer auf 25 Prozent erhöht.", "Mehrwertsteuer?"),
        Check("fr1", "Le gouvernement a augmenté la TVA à 25 % en janvier.", "La TVA à 25 % ?"),
        Check("en1", "The government raised VAT to 25% in January.", "VAT at 25%?"),
    ]
    m = Matcher(archive)
    for query, want in (
        ("Dicen que el IVA sube al 25 por ciento desde enero", "es1"),
        ("Angeblich steigt die Mehrwertsteuer auf 25 Prozent", "de1"),
        ("On dit que la TVA passe à 25 % en janvier", "fr1"),
    ):
        assert m.match(query, top=1)[0].check.id == want, query


# ---------------------------------------------------------------------------------------------
# The compact index (memory at 100k checks): the same index as bm25s makes from per-check lists


def _archive_of_words() -> list[Check]:
    import random

    rnd = random.Random(3)
    words = "wombat fire shelter koala smoke rain flood river bridge mayor tax school vaccine".split()
    return [
        Check(
            f"c{n}", " ".join(rnd.choices(words, k=rnd.randint(1, 9))).capitalize() + ".", rnd.choice(words)
        )
        for n in range(60)
    ]


def test_compact_index_scores_like_bm25s_from_plain_lists() -> None:
    import bm25s
    import numpy as np

    from factcheck.matching import _doc_tokens, _stemmer, _TokenIds

    checks = _archive_of_words()
    m = Matcher(checks)
    stem = _stemmer()
    vocab: dict[str, int] = {}
    ids = [
        [vocab.setdefault(t, len(vocab)) for t in _doc_tokens(f"{c.claim} {c.title}", stem)[0]]
        for c in checks
    ]
    ref = bm25s.BM25()
    ref.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)
    assert m._bm25.vocab_dict == ref.vocab_dict
    for tok in ("wombat", "koala", "river", "wombatfir", "nowhere"):
        if tok in vocab:
            got = [vocab[tok]]
            assert np.allclose(m._bm25.get_scores(got), ref.get_scores(got))
        # a token's document frequency, read from the BM25 matrix, is the number of checks that have it
        df = sum(tok in set(_doc_tokens(f"{c.claim} {c.title}", stem)[0]) for c in checks)
        assert m._idf(tok) == pytest.approx(np.log(1 + (len(checks) - df + 0.5) / (df + 0.5)))
        assert m._known(tok) == (df > 0)
    # the flat token ids read back as the per-check lists, as often as bm25s reads them
    import array

    flat, ends = array.array("i", [1, 2, 3, 4]), array.array("q", [2, 2, 4])
    seq = _TokenIds(flat, ends)
    assert len(seq) == 3 and list(seq) == [[1, 2], [], [3, 4]] == list(seq)


def test_feature_caches_are_bounded_and_change_no_result(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import matching

    checks = _archive_of_words()
    queries = ["wombat fire shelter", "koala in the smoke", "the mayor raised the school tax", "river flood"]
    full = Matcher(checks)
    want = [[(r.check.id, round(r.score, 9)) for r in full.match(q, top=10)] for q in queries]
    monkeypatch.setattr(matching, "DOC_CACHE", 5)
    small = Matcher(checks)
    for _ in range(2):  # the second round re-ranks checks whose features were dropped
        got = [[(r.check.id, round(r.score, 9)) for r in small.match(q, top=10)] for q in queries]
        assert got == want
        assert len(small._docs) <= 5 and len(small._semantic_vectors) <= 5
    assert len(full._docs) > 5


def test_model_token_vectors_are_kept_as_float16() -> None:
    import numpy as np

    from factcheck.matching import sentence_model

    model = sentence_model()
    assert model.embedding.dtype == np.float16
    v = model.embed(["Wombats sheltered other animals from the bushfires."], norm=True)
    assert v.dtype == np.float32 and abs(float(np.linalg.norm(v[0])) - 1.0) < 1e-3


def test_a_claims_own_decision_archived_from_its_session_is_no_earlier_check(tmp_path: Path) -> None:
    """`memory add` on the session under review archives its decisions: asked for that claim, the archive must
    not answer with the claim's own decision; the same claim decided in another session is an earlier check."""
    import dataclasses
    import shutil

    from factcheck.model import Verdict

    session, claim = _seeds_session(tmp_path, lambda r, c: r.mark(c.id, Verdict.DISPUTED))
    other = tmp_path / "earlier.toml"
    shutil.copy(session, other)
    archive = tmp_path / "m.jsonl"
    checks, errors = read_sources([session])
    assert not errors and [c.id for c in checks] == [claim.id]
    add_to_archive(archive, checks)
    mem = memory.Memory(archive, cache=tmp_path / "cache")
    mem.load()
    assert [m.check.id for m in mem.checked_before(claim.text, strong_only=False)] == [claim.id]
    assert mem.checked_before(claim.text, strong_only=False, own=(claim.id, session)) == []
    assert mem.checked_before(claim.text, strong_only=False, own=(claim.id, tmp_path / "." / "s.toml")) == []
    # the same decision archived from another session file is an earlier check of this claim
    add_to_archive(archive, [dataclasses.replace(checks[0], source=str(other))])
    mem = memory.Memory(archive, cache=tmp_path / "cache")
    mem.load()
    found = mem.checked_before(claim.text, strong_only=False, own=(claim.id, session))
    assert [m.check.source for m in found] == [str(other)]


def test_wsoft_features_cover_words_softly_through_wordllama_word_vectors() -> None:
    from factcheck import matching
    from factcheck.matching import _soft_coverage

    m = Matcher(ARCHIVE)
    mother, mum, fossil = (m._words(w) for w in ("mother", "mum", "fossil"))
    # a synonym is closer than an unrelated word; both directions are 0..1
    assert _soft_coverage(mother, mum)[0] > _soft_coverage(mother, fossil)[0]
    assert all(0.0 <= v <= 1.0 for v in _soft_coverage(mother, mum) + _soft_coverage(mother, fossil))
    # the same stem counts 1, whatever the word vectors say; a text without words covers nothing
    assert _soft_coverage(m._words("fossils"), m._words("fossil")) == (1.0, 1.0)
    assert _soft_coverage(m._words("the of"), mum) == (0.0, 0.0)
    # by rarity: a check's words half covered, the claim's fully
    both = _soft_coverage(m._words("fossil ammonite"), m._words("fossils"))
    assert both[1] == 1.0 and 0.0 < both[0] < 1.0
    # each word's vector is computed once and kept (bounded); the features are on every match
    assert "mother" in m._word_vectors and len(m._word_vectors) <= matching.WORD_CACHE
    (hit, *_) = m.match("Unbelievable: a giant ammonite fossil was found in British Columbia!")
    assert (
        hit.check.id == "c3" and 0.0 < hit.features["wsoft"] <= 1.0 and 0.0 < hit.features["wsoft_q"] <= 1.0
    )
    # ``match --json`` still returns the documented fields only (no feature leaks into it)
    assert set(hit.to_json()) == {
        "id",
        "score",
        "claim",
        "title",
        "verdict",
        "url",
        "date",
        "by",
        "strong",
        "why",
        "same_as",
    }


def test_two_reviewers_sessions_on_one_claim_are_two_checks(tmp_path: Path) -> None:
    """Alice confirmed a claim, Bob disputed it in his own session: archiving both kept only the last one
    added (the same claim id), so Bob's dispute vanished when Alice's session was archived after his."""
    from factcheck.model import Verdict
    from factcheck.review import Review

    alice, claim = _seeds_session(tmp_path, lambda r, c: r.mark(c.id, Verdict.CONFIRMED))
    bob = tmp_path / "bob.toml"
    review = Review.open(bob, [str(tmp_path / "corpus")], reviewer="bob")
    try:
        review.mark(claim.id, Verdict.DISPUTED, note="wrong month")
        review.save()
    finally:
        review.close()
    for order in ((bob, alice), (alice, bob)):
        archive = tmp_path / f"{order[0].stem}-first.jsonl"
        for s in order:
            checks, errors = read_sources([s])
            assert not errors
            assert add_to_archive(archive, checks) == (1, 0)
        kept, _ = memory.load_archive(archive)
        assert sorted((c.author, c.verdict) for c in kept) == [("alice", "confirmed"), ("bob", "disputed")]
        assert len({c.id for c in kept}) == 2
        for s in order:  # archived again: each updates its own check
            assert add_to_archive(archive, read_sources([s])[0]) == (0, 0)
        assert len(memory.load_archive(archive)[0]) == 2
        # in Alice's session, Bob's dispute is an earlier check of the claim; her own decision is not
        mem = memory.Memory(archive, cache=tmp_path / "cache")
        mem.load()
        found = mem.checked_before(claim.text, strong_only=False, own=(claim.id, alice))
        assert [(m.check.author, m.check.verdict) for m in found] == [("bob", "disputed")]


def test_an_archive_file_is_a_source_as_the_readme_says(tmp_path: Path) -> None:
    """`match --against memory.jsonl` (or `memory add` of another desk's archive) said "no checked claims
    found": archive lines were read as ClaimReview only. A folder as the archive was a traceback."""
    archive = tmp_path / "desk" / "memory.jsonl"
    archive.parent.mkdir()
    checks = [
        Check(id="c1", claim="Bus fares rose 12% in March 2024.", verdict="disputed", author="ann"),
        Check(
            id="c2",
            claim="The bridge reopened on 3 May.",
            verdict="confirmed",
            matched=("bridge open again",),
        ),
    ]
    add_to_archive(archive, checks)
    got, errors = read_sources([archive])
    assert not errors and got == load_archive(archive)[0] and [c.id for c in got] == ["c1", "c2"]
    got, errors = read_sources([archive.parent])  # in a folder of sources too
    assert not errors and [c.id for c in got] == ["c1", "c2"]
    mine = tmp_path / "mine.jsonl"
    assert add_to_archive(mine, read_sources([archive])[0]) == (2, 0)
    # a bad line of an archive is named with its line, the rest still read
    with archive.open("a", encoding="utf-8") as f:
        f.write('{"id": "c3"}\n')
    got, errors = read_sources([archive])
    assert [c.id for c in got] == ["c1", "c2"] and [str(e) for e in errors] == [f"{archive}:3: no claim text"]
    env = {**os.environ, "FACTCHECK_MEMORY": str(tmp_path / "m.jsonl")}
    queries = tmp_path / "q.tsv"
    queries.write_text("id\ttext\nq\tDid bus fares rise 12% in March 2024?\n", encoding="utf-8")
    out = run("match", str(queries), "--against", str(archive), "--json", "--no-cache", env=env)
    assert json.loads(out.stdout)["queries"][0]["matches"][0]["id"] == "c1", out.stderr
    folder = tmp_path / "folder.jsonl"
    folder.mkdir()
    for args in (("memory", "list"), ("memory", "add", str(archive))):
        out = run(*args, "--archive", str(folder), env=env)
        assert out.returncode == 2 and "Traceback" not in out.stderr and str(folder) in out.stderr, out.stderr


def test_a_session_archived_by_a_relative_path_knows_itself_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`memory add s.toml` stored "s.toml" as the source: a TUI started from another folder showed the claim's
    own decision as checked before (the path was read from the wrong folder)."""
    from factcheck.model import Verdict

    session, claim = _seeds_session(tmp_path, lambda r, c: r.mark(c.id, Verdict.DISPUTED))
    monkeypatch.chdir(tmp_path)
    archive = tmp_path / "m.jsonl"
    checks, errors = read_sources(["s.toml"])
    assert not errors
    add_to_archive(archive, checks)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "s.toml").write_text("", encoding="utf-8")  # another session of the same name there
    monkeypatch.chdir(elsewhere)
    mem = memory.Memory(archive, cache=tmp_path / "cache")
    mem.load()
    assert mem.checked_before(claim.text, strong_only=False, own=(claim.id, session)) == []
    assert [c.source for c in load_archive(archive)[0]] == [str(session)]


def test_fields_of_a_newer_archive_survive_memory_add(tmp_path: Path) -> None:
    """An archive written by a newer factcheck (a field this one does not know) lost that field on the first
    `memory add`: the archive is rewritten from the checks as read."""
    archive = tmp_path / "m.jsonl"
    line = {
        "id": "n1",
        "claim": "Bus fares rose 12% in March 2024.",
        "verdict": "disputed",
        "lang": "en",
        "review": {"score": 0.2, "tags": ["transport"]},
    }
    archive.write_text(json.dumps(line) + "\n", encoding="utf-8")
    (c,) = load_archive(archive)[0]
    assert c.claim == line["claim"] and c.verdict == "disputed"
    assert add_to_archive(archive, [Check(id="n2", claim="The bridge reopened on 3 May.")]) == (1, 0)
    kept = [json.loads(x) for x in archive.read_text(encoding="utf-8").splitlines()]
    assert kept[0] == line and kept[1] == {"id": "n2", "claim": "The bridge reopened on 3 May."}
    # updating the check keeps them too; a known field is never overridden by a stray copy
    assert add_to_archive(archive, [Check(id="n1", claim=line["claim"], verdict="confirmed")]) == (0, 1)
    again = json.loads(archive.read_text(encoding="utf-8").splitlines()[0])
    assert again["verdict"] == "confirmed" and again["lang"] == "en" and again["review"] == line["review"]


def test_an_archive_saved_with_a_bom_is_read(tmp_path: Path) -> None:
    """An archive saved by an editor that writes a UTF-8 BOM: its first check was "not a JSON line", and
    `memory add` then refused to rewrite it."""
    archive = tmp_path / "m.jsonl"
    line = json.dumps({"id": "b1", "claim": "Bus fares rose 12% in March 2024."})
    archive.write_bytes(b"\xef\xbb\xbf" + line.encode() + b"\r\n")
    checks, errors = load_archive(archive)
    assert not errors and [c.id for c in checks] == ["b1"]
    assert add_to_archive(archive, [Check(id="b2", claim="The bridge reopened on 3 May.")]) == (1, 0)
    assert [c.id for c in load_archive(archive)[0]] == ["b1", "b2"]


def test_a_session_whose_corpus_moved_is_said_so_by_memory_add(tmp_path: Path) -> None:
    """A session copied away from its corpus said "no checked claims found" though it holds decisions."""
    import shutil

    from factcheck.model import Verdict

    session, _claim = _seeds_session(tmp_path, lambda r, c: r.mark(c.id, Verdict.DISPUTED))
    moved = tmp_path / "elsewhere" / "s.toml"
    moved.parent.mkdir()
    shutil.copy(session, moved)
    checks, errors = read_sources([moved])
    assert checks == [] and len(errors) == 1
    assert errors[0].path == str(moved)
    assert "none of its corpus could be read" in errors[0].reason and "1 decision" in errors[0].reason


def test_match_queries_an_articles_claims_as_extract_shows_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # an article's claims under the check-worthiness threshold (and the sentences kept only as grouping
    # evidence) were queries too: a page's "| | | |" and "Thanks for reading!" were matched like claims
    from factcheck import pipeline
    from factcheck.cli import main

    article = tmp_path / "article.txt"
    article.write_text(
        "Wombats sheltered other animals\n\n"
        "Wombats sheltered other animals in their burrows during the 2020 bushfires, officials said on Monday.\n\n"
        "The fires burned 17 million hectares in New South Wales, the state government said.\n\n"
        "Thanks for reading! Share this.\n\nWhat do you think?\n\n| | | |\n",
        encoding="utf-8",
    )
    corpus = pipeline.build([str(article)], group=False)
    claims = [c for cs in corpus.claims.values() for c in cs]
    shown = [c.id for c in claims if corpus.is_shown(c)]
    assert shown and len(shown) < len(claims)  # the fixture has claims of both kinds
    archive = tmp_path / "archive.tsv"
    archive.write_text("id\tclaim\nc1\tWombats sheltered other animals during the fires.\n", encoding="utf-8")
    assert main(["match", str(article), "--against", str(archive), "--json", "--no-cache"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [q["id"] for q in doc["queries"]] == shown


GERMAN_ARCHIVE = [
    Check("g1", "Die Regierung hat im Jahr 2023 die Steuern für Diesel erhöht und die Pendler belastet."),
    Check("g2", "Im Norden wurden 40 Windräder gebaut und ans Netz genommen."),
    Check("g3", "Le gouvernement a augmenté les impôts sur le gazole et les navetteurs paient plus."),
    Check("g4", "El Gobierno subió los impuestos del gasóleo y los conductores pagan más desde enero."),
    Check("g5", "O governo aumentou os impostos sobre o gasóleo e os motoristas pagam mais desde janeiro."),
]


@pytest.mark.parametrize(
    ("lang", "claim"),
    [
        ("de", "Der Bürgermeister und die Stadt im Süden eröffnen eine neue Brücke."),
        ("fr", "Le maire et les élus de la ville ont inauguré un pont sur le fleuve."),
        ("es", "El alcalde y los vecinos del barrio inauguraron un puente sobre el río."),
        ("pt", "O prefeito e os moradores do bairro inauguraram uma ponte sobre o rio."),
    ],
)
def test_a_claim_matches_no_check_on_its_languages_function_words_alone(lang: str, claim: str) -> None:
    """A German claim sharing only "und", "im", "die" with German checks (a French one only "le", "les", "et";
    a Spanish and a Portuguese one only "el", "los", "y" and "o", "os", "e") matches none of them: the claim's language's stop words (``memory`` in its stopwords.toml) are left out."""
    m = Matcher(GERMAN_ARCHIVE)
    assert m.match(claim, lang=lang) == []
    # the claim's real words still match: a German claim about diesel taxes finds the German check
    (hit, *_) = m.match("Die Steuern für Diesel wurden erhöht, sagte der Minister.", lang="de")
    assert hit.check.id == "g1" and hit.why == "names: diesel, steuern; words: erhöht"


def test_memory_add_reads_a_session_without_grouping_its_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`memory add SESSION` opened the session's review grouped (the slowest step of opening a batch) and read
    no group. It opens it ungrouped, as `mark`, `edit` and `status` do: the checks it archives are the same."""
    from factcheck import pipeline
    from factcheck.model import Verdict
    from factcheck.review import Review

    def decide(review: Any, claim: Any) -> None:
        others = [c for a in review.corpus.articles[1:] for c in review.claims(a.key)]
        review.mark(claim.id, Verdict.SUPERSEDED, by=others[0].id, note="a later report")
        review.mark(others[1].id, Verdict.DISPUTED)

    session, _ = _seeds_session(tmp_path, decide)
    real_open = Review.open.__func__  # type: ignore[attr-defined]

    def grouped(cls: type[Review], *args: Any, **kw: Any) -> Review:
        return real_open(cls, *args, **{**kw, "group": True})

    monkeypatch.setattr(Review, "open", classmethod(grouped))
    as_grouped = list(memory.read_session(session))
    monkeypatch.setattr(Review, "open", classmethod(real_open))

    def refuse(*args: Any, **kw: Any) -> None:
        raise AssertionError("the batch was grouped")

    monkeypatch.setattr(pipeline, "regroup", refuse)
    lazy = list(memory.read_session(session))
    assert len(lazy) == 2 and lazy == as_grouped and " (by c" in lazy[0].verdict + lazy[1].verdict


def test_a_csv_with_semicolons_is_read_as_a_spreadsheet_saved_it(tmp_path: Path) -> None:
    """Excel in German, French, Spanish, Portuguese settings (where the decimal mark is a comma) saves a CSV
    with semicolons between cells, and so does `factcheck report --separator ';'`: such a desk's table was
    refused ("the header names no 'claim' column": the header was one cell). A header line with more
    semicolons than commas is read with semicolons; a comma-separated file whose cells hold semicolons stays
    comma-separated."""
    from factcheck.cli_memory import read_queries

    semi = tmp_path / "desk.csv"
    semi.write_bytes(
        "\ufeffclaim;verdict;url;date\n"
        "„Die Bahn streicht 80 % der Fernzüge“, sagte ein Sprecher;falsch;https://x.example/1;07.03.2024\n"
        "La inflación bajó al 1,4 % en diciembre;verdadero;https://x.example/2;10/01/2024\n".encode()
    )
    commas = tmp_path / "wire.csv"
    commas.write_text('claim,verdict\n"Zwei Sätze; ein Komma, eins",falsch\n', encoding="utf-8")
    checks, errors = read_sources([semi, commas])
    assert errors == []
    by_claim = {c.claim: c for c in checks}
    assert by_claim["„Die Bahn streicht 80 % der Fernzüge“, sagte ein Sprecher"].verdict == "falsch"
    assert by_claim["La inflación bajó al 1,4 % en diciembre"].url == "https://x.example/2"
    assert by_claim["Zwei Sätze; ein Komma, eins"].verdict == "falsch"
    queries = tmp_path / "q.csv"
    queries.write_text("id;text\n1;La Generalitat declaró la emergencia, dijo\n", encoding="utf-8")
    rows, left_out = read_queries(queries)
    assert [(i, t) for i, t, _ in rows] == [("1", "La Generalitat declaró la emergencia, dijo")]
    assert left_out == 0


def test_a_reports_claims_with_no_verdict_are_no_checks(tmp_path: Path) -> None:
    """`factcheck report -f csv` lists every claim of a batch, the undecided ones too (verdict `unreviewed`):
    a desk's report added to the archive made each of them a check "checked before" (15 checks from a report
    with 4 decisions), which `match` and `b` then offered. Only its decided rows are checks."""
    from factcheck.report import CSV_FIELDS

    rows = [
        {
            "claim_id": "c1",
            "text": "Nach Angaben der Bahn fallen rund 80 Prozent der Fernzüge aus.",
            "verdict": "disputed",
        },
        {
            "claim_id": "c2",
            "text": "Die Deutsche Bahn nannte den Streik „völlig überzogen“.",
            "verdict": "unreviewed",
        },
        {
            "claim_id": "c3",
            "text": "Bereits im Januar hatte ein Ausstand Schäden verursacht.",
            "verdict": "Unreviewed",
        },
    ]
    path = tmp_path / "report.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        w.writeheader()
        w.writerows(rows)
    checks, errors = read_sources([path])
    assert errors == []
    assert [(c.claim, c.verdict) for c in checks] == [(rows[0]["text"], "disputed")]
