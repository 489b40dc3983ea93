"""The dev10 split of tests/fixtures/realworld: its pages and labels agree with make_dev10.py."""

from __future__ import annotations

import json
import re

from realworld_splits import REALWORLD, split_labels

# isort: split
import make_dev10  # (the fixture's own script, beside its pages: realworld_splits puts its folder on sys.path)


def _labels() -> list[dict]:
    return split_labels("dev10")


def test_every_drawn_page_is_labelled() -> None:
    files = {e["file"] for e in _labels()}
    assert len(make_dev10.DOCS) == make_dev10.N == 8 and len(files) == 8
    for pid, (_drop, line) in make_dev10.DOCS.items():
        (path,) = (REALWORLD / "articles").glob(f"dev10.*.{pid}.json")
        rec = json.loads(path.read_text(encoding="utf-8"))
        assert path.name in files and rec["date_found"] == line
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", rec["date"]) and rec["source"].startswith("https://")


def test_the_pages_come_from_news_outlets_no_other_split_uses() -> None:
    mine = set()
    for path in (REALWORLD / "articles").glob("dev10.*.json"):
        mine.add(make_dev10.outlet(json.loads(path.read_text(encoding="utf-8"))["hostname"]))
    assert len(mine) == 8 and mine <= make_dev10.NEWS_HOSTS
    assert not mine & make_dev10.used_outlets()


def test_the_draw_keeps_only_the_ingest_benchs_development_half() -> None:
    # bench/ingest_gold.py's development half is sha1("gold11:" + name) % 2 == 0 (and "gold20:" split by page)
    assert make_dev10.development("05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f")
    assert not make_dev10.development("042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856")


def test_outlet_is_the_registered_name() -> None:
    assert make_dev10.outlet("www.express.co.uk") == "express.co.uk"
    assert make_dev10.outlet("detroit.cbslocal.com") == "cbslocal.com"
