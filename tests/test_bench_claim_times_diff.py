"""bench/claim_times_diff.py: PolNeAR's train records less the claim-times samples' check half; the times of
shown claims as a tree gives them."""

from __future__ import annotations

import json
from pathlib import Path

from bench_modules import bench_module  # tests/bench_modules.py


def _record(train: Path, name: str, text: str) -> None:
    rec = {"title": "x", "outlet": "x", "date": "2016-02-02", "text": text}
    (train / name).write_text(json.dumps(rec), encoding="utf-8")


def test_the_samples_check_half_records_are_left_out(tmp_path: Path) -> None:
    mod = bench_module("claim_times_diff")
    cts = bench_module("claim_times_sample")
    check = next(r["file"] for r in cts.read_labels(cts.POL2_LABELS) if r["half"] == "B")
    development = next(r["file"] for r in cts.read_labels(cts.POL2_LABELS) if r["half"] == "A")
    train = tmp_path / "train"
    train.mkdir()
    for name in (check, development, "other_2016-02-02_x.json"):
        _record(train, name, "Ted Cruz won the Iowa caucuses on Monday, beating Donald Trump by four points.")
    ids = [str(d["id"]) for d in mod.polnear_texts(tmp_path)]
    assert f"polnear:{check}" not in ids
    assert sorted(ids) == sorted([f"polnear:{development}", "polnear:other_2016-02-02_x.json"])


def test_the_mixed_samples_check_half_is_left_out_too(tmp_path: Path) -> None:
    """The sixth sample (round 30) holds PolNeAR records and ECB+ texts: its half B of both is never read."""
    mod = bench_module("claim_times_diff")
    cts = bench_module("claim_times_sample")
    rows = cts.read_labels(cts.MIXED_LABELS)
    check = {r["file"] for r in rows if r["half"] == "B"}
    assert any(f.endswith(".xml") for f in check) and any(f.endswith(".json") for f in check)
    assert check <= mod.check_pages()
    assert not {r["file"] for r in rows if r["half"] == "A"} & mod.check_pages()
    train = tmp_path / "train"
    train.mkdir()
    record = next(f for f in sorted(check) if f.endswith(".json"))
    _record(train, record, "Ted Cruz won the Iowa caucuses on Monday, beating Donald Trump by four points.")
    assert mod.polnear_texts(tmp_path) == []


def test_the_child_gives_the_times_of_shown_claims(tmp_path: Path, capsys) -> None:
    mod = bench_module("claim_times_diff")
    corpus = tmp_path / "c.jsonl"
    text = (
        "Cruz wins in Iowa\n\nTed Cruz won the Iowa caucuses on Monday, beating Donald Trump by four points "
        "after an office Christmas party shooting rattled the state.\n"
    )
    corpus.write_text(json.dumps({"id": "a", "date": "2016-02-02", "text": text}) + "\n", encoding="utf-8")
    mod.carried_all(corpus)
    got = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert [v for _s, _e, _t, v in got["a"]] == ["2016-02-01"]  # "Christmas" names a kind of party
