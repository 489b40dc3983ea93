"""bench/stream_polnear.py feeds PolNeAR as a user would: one JSON record per article, read by the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from bench_modules import bench_module  # tests/bench_modules.py

from factcheck import ingest

ROOT = Path(__file__).resolve().parents[1]
HEADER = "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\ttrump_count\tclinton_count\tcredit\twire\n"


def _bench():
    return bench_module("stream_polnear")


def _corpus(root: Path) -> None:
    rows = [
        (
            "train",
            "nyt_2016-02-02_a",
            "nyt",
            "2016-02-02",
            "By JANE ROE",
            "Cruz wins the Iowa caucuses",
            "Cruz wins the Iowa caucuses.\n\nTed Cruz won the Iowa caucuses on Monday, beating Donald Trump by four points.\n",
        ),
        (
            "dev",
            "politico_2016-02-03_b",
            "politico",
            "2016-02-03",
            "None",
            "A headline the metadata cuts",
            "A headline the metadata cuts short here\n\nDonald Trump said on Tuesday that Ted Cruz stole the Iowa caucuses.\n",
        ),
        (
            "annotator-training",
            "breitbart_2016-03-11_c",
            "breitbart",
            "2016-03-11",
            "AP",
            "Not in the batch",
            "Not in the batch\n\nSome text.\n",
        ),
    ]
    lines = [HEADER]
    for split, name, publisher, date, author, title, text in rows:
        (root / split / "text").mkdir(parents=True, exist_ok=True)
        (root / split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        lines.append(f"{split}\t{name}\tNone\tx\t{publisher}\t{date}\t{author}\t{title}\t1\t0\tNone\tNone\n")
    (root / "metadata.tsv").write_text("".join(lines), encoding="utf-8")


def test_records_keep_the_split_outlet_date_and_the_longer_headline(tmp_path: Path) -> None:
    bench = _bench()
    _corpus(tmp_path / "polnear")
    got = {name: (split, rec) for split, name, rec in bench.records(tmp_path / "polnear")}
    assert set(got) == {"nyt_2016-02-02_a", "politico_2016-02-03_b"}  # train, dev and test only
    split, rec = got["politico_2016-02-03_b"]
    assert split == "dev" and rec["outlet"] == "Politico" and rec["date"] == "2016-02-03"
    assert rec["title"] == "A headline the metadata cuts short here" and "author" not in rec
    assert rec["text"].startswith("Donald Trump said")  # the headline line is the title, not the body


def test_the_records_read_back_as_articles_with_their_metadata(tmp_path: Path) -> None:
    bench = _bench()
    _corpus(tmp_path / "polnear")
    assert bench.write_records(tmp_path / "polnear", tmp_path / "records") == 2
    path = tmp_path / "records" / "train" / "nyt_2016-02-02_a.json"
    rec = json.loads(path.read_text(encoding="utf-8"))
    art = ingest.article_from_record(rec, path=str(path), key="a")
    assert (art.title, art.outlet, str(art.published)) == (
        "Cruz wins the Iowa caucuses.",
        "The New York Times",
        "2016-02-02",
    )
    assert art.text.startswith("Ted Cruz won")
