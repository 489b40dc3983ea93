"""bench/claim_times_sample.py's PolNeAR set: drawn from a folder of JSON records, labelled in the repository."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from bench_modules import bench_module  # tests/bench_modules.py


def _bench():
    return bench_module("claim_times_sample")


def _records(root: Path) -> Path:
    train = root / "train"
    train.mkdir(parents=True)
    texts = {
        "nyt_2016-02-02_a.json": (
            "2016-02-02",
            "Cruz wins in Iowa\n\nTed Cruz won the Iowa caucuses on Monday, beating Donald Trump by four points.\n",
        ),
        "politico_2016-02-03_b.json": (
            "2016-02-03",
            "Trump says vote was stolen\n\nDonald Trump said on Wednesday that Ted Cruz stole the Iowa caucuses in 2016.\n",
        ),
    }
    for name, (date, text) in texts.items():
        rec = {"title": text.split("\n")[0], "outlet": "x", "date": date, "text": text}
        (train / name).write_text(json.dumps(rec), encoding="utf-8")
    return root


def test_the_polnear_set_reads_the_records_of_train(tmp_path: Path) -> None:
    mod = _bench()
    base = _records(tmp_path / "pol")
    groups = mod.polnear_pages(base)
    assert sorted(groups[0]) == ["nyt_2016-02-02_a.json", "politico_2016-02-03_b.json"]
    got, used = mod.pairs(base, groups, mod.POL_PAGES)
    assert used == 2
    by_text = {(p["file"], p["text"]): p["value"] for p in got}
    assert by_text[("nyt_2016-02-02_a.json", "Monday")] == "2016-02-01"
    assert by_text[("politico_2016-02-03_b.json", "Wednesday")] == "2016-02-03"


def test_the_polnear_labels_are_a_capped_sample_in_two_halves() -> None:
    mod = _bench()
    rows = mod.read_labels(mod.POL_LABELS)
    assert len(rows) == mod.POL_N
    assert {r["label"] for r in rows} <= {"right", "choice", "value", "unclear"}
    assert all(r["half"] == mod.half(r["file"]) for r in rows)
    assert max(Counter(r["file"] for r in rows).values()) <= mod.POL_PER_PAGE
    assert all(" | " in r["note"] for r in rows if r["label"] != "right")  # a reason, then the claim


def test_the_second_polnear_set_starts_after_the_first_samples_last_record(
    tmp_path: Path, monkeypatch
) -> None:
    mod = _bench()
    base = _records(tmp_path / "pol")
    first = mod.polnear_pages(base)[0]
    labels = tmp_path / "first.tsv"
    labels.write_text(f"{mod.HEAD}\n{first[0]}\t0\t1\tx\t2016\tA\tright\tx\n", encoding="utf-8")
    monkeypatch.setattr(mod, "POL_LABELS", labels)
    assert mod.polnear2_pages(base) == [first[1:]]


def test_the_second_polnear_labels_are_a_capped_sample_of_other_records() -> None:
    mod = _bench()
    rows = mod.read_labels(mod.POL2_LABELS)
    assert len(rows) == mod.POL2_N
    assert {r["label"] for r in rows} <= {"right", "choice", "value", "unclear"}
    assert all(r["half"] == mod.half(r["file"]) for r in rows)
    assert max(Counter(r["file"] for r in rows).values()) <= mod.POL_PER_PAGE
    assert not {r["file"] for r in rows} & {r["file"] for r in mod.read_labels(mod.POL_LABELS)}
    assert all(" | " in r["note"] for r in rows if r["label"] != "right")


def test_the_mixed_set_starts_after_the_last_page_each_earlier_sample_drew(
    tmp_path: Path, monkeypatch
) -> None:
    """The mixed set (round 30) takes PolNeAR records after the second PolNeAR sample's last one and ECB+ texts
    after the news sample's last one: no page an earlier sample took or passed over."""
    mod = _bench()
    base = _records(tmp_path / "pol")
    first = mod.polnear_pages(base)[0]
    pol1 = tmp_path / "first.tsv"
    pol1.write_text(f"{mod.HEAD}\n{first[0]}\t0\t1\tx\t2016\tA\tright\tx\n", encoding="utf-8")
    pol2 = tmp_path / "second.tsv"
    pol2.write_text(f"{mod.HEAD}\n{first[1]}\t0\t1\tx\t2016\tA\tright\tx\n", encoding="utf-8")
    monkeypatch.setattr(mod, "POL_LABELS", pol1)
    monkeypatch.setattr(mod, "POL2_LABELS", pol2)
    ecb = ["3_1ecbplus.xml", "1_2ecbplus.xml", "7_5ecbplus.xml", "2_9ecbplus.xml"]
    news = tmp_path / "news.tsv"
    news.write_text(f"{mod.HEAD}\n{ecb[1]}\t0\t1\tx\t2016\tA\tright\tx\n", encoding="utf-8")
    monkeypatch.setattr(mod, "NEWS_LABELS", news)
    monkeypatch.setattr(mod, "news_pages", lambda extra: [["rw.html"], ecb, ["byline.html"]])
    assert mod.mixed_pages(tmp_path, base) == [[], ecb[2:]]


def test_the_mixed_labels_are_a_capped_sample_of_pages_no_earlier_sample_took() -> None:
    mod = _bench()
    rows = mod.read_labels(mod.MIXED_LABELS)
    assert len(rows) == mod.MIXED_N
    assert {r["label"] for r in rows} <= {"right", "choice", "value", "unclear"}
    assert all(r["half"] == mod.half(r["file"]) for r in rows)
    assert max(Counter(r["file"] for r in rows).values()) <= mod.MIXED_PER_PAGE
    earlier = {
        r["file"]
        for f in (mod.LABELS, mod.NEWS_LABELS, mod.POL_LABELS, mod.POL2_LABELS, mod.MODERN_LABELS)
        for r in mod.read_labels(f)
    }
    assert not {r["file"] for r in rows} & earlier
    assert {r["file"].rsplit(".", 1)[1] for r in rows} == {"json", "xml"}  # both kinds of page
    assert all(" | " in r["note"] for r in rows if r["label"] != "right")


def test_the_modern_set_reads_gzipped_pages(tmp_path: Path) -> None:
    mod = _bench()
    import gzip

    html = tmp_path / "sh" / "html"
    html.mkdir(parents=True)
    page = (
        "<html><head><title>Cruz wins in Iowa</title>"
        '<meta property="article:published_time" content="2016-02-02"></head><body><article>'
        "<h1>Cruz wins in Iowa</h1><p>Ted Cruz won the Iowa caucuses on Monday, beating Donald Trump by four "
        "points in a state that Mr. Trump had led in the polls for months.</p></article></body></html>"
    )
    (html / "abc.html.gz").write_bytes(gzip.compress(page.encode()))
    groups = mod.modern_pages(tmp_path / "sh")
    assert groups == [["abc.html.gz"]]
    got, used = mod.pairs(tmp_path / "sh", groups, mod.MODERN_PAGES)
    assert used == 1
    assert {(p["text"], p["value"]) for p in got} >= {("Monday", "2016-02-01")}


def test_the_modern_labels_are_a_capped_sample_in_two_halves() -> None:
    mod = _bench()
    rows = mod.read_labels(mod.MODERN_LABELS)
    assert len(rows) == mod.MODERN_N
    assert {r["label"] for r in rows} <= {"right", "choice", "value", "unclear"}
    assert all(r["half"] == mod.half(r["file"]) for r in rows)
    assert max(Counter(r["file"] for r in rows).values()) <= mod.MODERN_PER_PAGE
    assert all(r["file"].endswith(".html.gz") for r in rows)
    assert all(" | " in r["note"] for r in rows if r["label"] != "right")


def test_a_rate_is_labelled_as_the_fixtures_label_it() -> None:
    """A rate's unit, adverbial or in a noun ("$6.99-a-month service", "$15-an-hour minimum wage"), is a value a
    claim may carry, as the development splits' labels give it ("average daily fire activity" P1D, "$200 to $450 a
    month" P1M): every sample labels a hyphened rate right (settled in round 23)."""
    import tomllib

    mod = _bench()
    root = Path(__file__).resolve().parent / "fixtures" / "realworld" / "labels.toml"
    articles = tomllib.loads(root.read_text(encoding="utf-8"))["article"]
    ok = {
        c["m"]: c.get("when_ok", [])
        for a in articles
        if a["split"] in ("dev", "dev8")
        for c in a.get("claim", [])
    }
    assert "P1D" in ok["has seen well above average daily fire activity"]
    assert "P1M" in ok["which range from $200 to $450 a month depending on the dose"]
    files = (
        mod.LABELS,
        mod.NEWS_LABELS,
        mod.POL_LABELS,
        mod.POL2_LABELS,
        mod.MODERN_LABELS,
        mod.MIXED_LABELS,
    )
    rates = [r for f in files for r in mod.read_labels(f) if r["text"].startswith(("a-", "an-", "per-"))]
    assert len(rates) >= 2
    assert all(r["label"] == "right" for r in rates), rates


def test_a_check_half_pair_of_a_fixture_splits_page_is_left_out(monkeypatch) -> None:
    """dev10's sportsnet page (0d46122928b6) is also in the modern set's half B: a development split lists its
    claims, so half B's figure leaves its pairs out (counted apart); a half-A pair of such a page still counts."""
    mod = _bench()
    assert "0d46122928b6" in mod.split_page_ids()
    sport = "0d46122928b6" + "f" * 52 + ".html.gz"
    other = "a" * 64 + ".html.gz"
    rows = [
        {
            "file": sport,
            "start": "1",
            "end": "5",
            "text": "x",
            "value": "2019",
            "half": "B",
            "label": "value",
        },
        {
            "file": other,
            "start": "1",
            "end": "5",
            "text": "x",
            "value": "2019",
            "half": "B",
            "label": "right",
        },
        {
            "file": sport,
            "start": "9",
            "end": "12",
            "text": "y",
            "value": "2018",
            "half": "A",
            "label": "value",
        },
    ]
    monkeypatch.setattr(
        mod, "tree_values", lambda base, files: {f: [(1, 5, "2019"), (9, 12, "2018")] for f in files}
    )
    res, moved = mod.score_tree(Path("."), rows)
    assert res["B"] == Counter({"right": 1, "in a split": 1})
    # a wrong pair kept as labelled is also counted by kind (--time-kinds): label and the value's shape
    assert res["A"] == Counter({"value": 1, "kind:value: year/decade": 1})
    assert moved == []


def test_the_fundus_set_leaves_out_the_split_pages_and_the_held_out_publishers(tmp_path: Path) -> None:
    """The fundus set (round 36) draws from fundus's test pages but those dev15, dev16 and dev17 were made from
    and every page of a publisher whose page is held out."""
    mod = _bench()
    html = tmp_path / "fd" / "html"
    html.mkdir(parents=True)
    names = [
        "us_APNews_2023_01_01.html",
        "uk_Metro_2024_07_17.html",
        "uk_Metro_2024_11_29.html",
        "us_X_2024.html",
    ]
    for name in names:
        (html / name).write_text("<html></html>", encoding="utf-8")
    # APNews: a held-out page's publisher; Metro 2024_07_17: dev17's page; its other page stays
    assert sorted(mod.fundus_pages(tmp_path / "fd")[0]) == ["uk_Metro_2024_11_29.html", "us_X_2024.html"]


def test_the_fundus_split_pages_are_the_fixture_pages_made_from_fundus() -> None:
    """One left-out page per dev15/16/17 article, and one left-out publisher per held-out article of them."""
    mod = _bench()
    root = Path(__file__).resolve().parent / "fixtures" / "realworld" / "articles"
    arts = [json.loads(p.read_text(encoding="utf-8")) for p in root.glob("dev1[567].*.json")]
    assert len(mod.FUNDUS_SPLIT_PAGES) == len(arts)
    assert len(mod.FUNDUS_HELD_OUT_PUBLISHERS) == sum(a["half"].endswith("h") for a in arts)
    held = {p.split("_")[1] for p in mod.FUNDUS_SPLIT_PAGES} & mod.FUNDUS_HELD_OUT_PUBLISHERS
    assert held == mod.FUNDUS_HELD_OUT_PUBLISHERS


def test_the_fundus_labels_are_a_capped_sample_of_pages_outside_the_splits() -> None:
    mod = _bench()
    rows = mod.read_labels(mod.FUNDUS_LABELS)
    assert 150 <= len(rows) <= mod.FUNDUS_N
    assert {r["label"] for r in rows} <= {"right", "choice", "value", "unclear"}
    assert all(r["half"] == mod.half(r["file"]) for r in rows)
    assert max(Counter(r["file"] for r in rows).values()) <= mod.FUNDUS_PER_PAGE
    files = {r["file"] for r in rows}
    assert not files & mod.FUNDUS_SPLIT_PAGES
    assert not {f.split("_")[1] for f in files} & mod.FUNDUS_HELD_OUT_PUBLISHERS
    assert all(" | " in r["note"] for r in rows if r["label"] != "right")


def test_the_recent_set_leaves_out_the_modern_sample_and_the_splits_outlets(
    tmp_path: Path, monkeypatch
) -> None:
    mod = _bench()
    import gzip
    import json

    sh = tmp_path / "sh"
    (sh / "html").mkdir(parents=True)
    dev = [f"{k:012x}aa" for k in range(40) if mod_development(f"{k:012x}aa")]
    kept, modern, fixture_outlet = dev[0], dev[1], dev[2]
    truth = {
        kept: {"url": "https://www.example-news.com/a"},
        modern: {"url": "https://www.example-news.com/b"},
        fixture_outlet: {"url": "https://www.bbc.co.uk/news/c"},
    }
    (sh / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    for name in truth:
        (sh / "html" / f"{name}.html.gz").write_bytes(gzip.compress(b"<html></html>"))
    labels = tmp_path / "modern.tsv"
    labels.write_text(f"{mod.HEAD}\n{modern}.html.gz\t0\t1\tx\t2019\tA\tright\tx\n", encoding="utf-8")
    monkeypatch.setattr(mod, "MODERN_LABELS", labels)
    monkeypatch.setattr(mod, "polnear2_pages", lambda records: [["p1.json", "p2.json", "p3.json", "p4.json"]])
    pol2 = tmp_path / "pol2.tsv"
    pol2.write_text(f"{mod.HEAD}\np1.json\t0\t1\tx\t2016\tA\tright\tx\n", encoding="utf-8")
    mixed = tmp_path / "mixed.tsv"
    mixed.write_text(f"{mod.HEAD}\np2.json\t0\t1\tx\t2016\tA\tright\tx\n", encoding="utf-8")
    monkeypatch.setattr(mod, "POL2_LABELS", pol2)
    monkeypatch.setattr(mod, "MIXED_LABELS", mixed)
    sh_pages, pol = mod.recent_pages(sh, tmp_path)
    assert sh_pages == [f"{kept}.html.gz"]  # the modern sample's page and a fixture outlet's page left out
    assert pol == ["p3.json", "p4.json"]  # after the mixed sample's last record


def mod_development(name: str) -> bool:
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "realworld"))
    import drawing

    return drawing.development(name)


def test_the_recent_labels_are_a_capped_sample_of_pages_no_earlier_sample_took() -> None:
    mod = _bench()
    rows = mod.read_labels(mod.RECENT_LABELS)
    assert 60 <= len(rows) <= mod.RECENT_N
    assert {r["label"] for r in rows} <= {"right", "choice", "value", "unclear"}
    assert all(r["half"] == mod.half(r["file"]) for r in rows)
    assert max(Counter(r["file"] for r in rows).values()) <= mod.RECENT_PER_PAGE
    earlier = {
        r["file"]
        for f in (
            mod.LABELS, mod.NEWS_LABELS, mod.POL_LABELS, mod.POL2_LABELS, mod.MODERN_LABELS, mod.MIXED_LABELS,
            mod.FUNDUS_LABELS,
        )
        for r in mod.read_labels(f)
    }  # fmt: skip
    assert not {r["file"] for r in rows} & earlier
    assert {r["file"].rsplit(".", 1)[1] for r in rows} == {"json", "gz"}  # both kinds of page
    assert {r["half"] for r in rows} == {"A", "B"}
    assert all(" | " in r["note"] for r in rows if r["label"] != "right")
