"""The time values claims carry on pages nobody labelled for this project: a random sample, judged by hand.

The pages: trafilatura's evaluation pages outside realworld-dev (/work/trafi_extra/html, read-only, outside
the repository), read as the app reads a saved page (``ingest.load``); English pages with a publication date
only, none of those tests/fixtures/realworld was made from (its dev2, dev3, dev4 and fresh splits), in an
order shuffled with ``random.Random(SEED)``, the first ``PAGES`` of them. The pairs: every time
value of every claim shown by default (score >= DEFAULT_MIN_SCORE), sorted by (file, start), then
``random.Random(SEED).sample(..., N)``, drawn at commit 1b09098 (main at the start of round 9). Each page
falls in half "A" (development: its errors may be read to find a rule) or "B" (check: never studied; a rule
is kept only if B does not get worse) by ``sha1("claimtimes:" + file) % 2``.

Labels (bench/claim_times_labels.tsv, column ``label``): ``right`` (a labeller of tests/fixtures/realworld
would write the value in ``when`` or ``when_ok``: a time of the claim's event or statement, valued right),
``choice`` (the expression is no time of the claim: it dates something the claim names, another sentence's
event, or is no time at all), ``value`` (a time of the claim, valued wrong), ``unclear``. A distance from
another event valued as a duration ("four days before the crash" P4D, "A year later" P1Y) is ``right``, as the
fixtures' labels give it (``when_ok``) and TimeML annotates it (settled in round 21; the three rows of the
earlier samples labelled ``value`` for that reason alone were relabelled, each saying so in its note). A
rate's unit, adverbial or in a noun ("$6.99-a-month service", "your daily calorie target") is ``right`` too, as
the development splits' labels give it ("has seen well above average daily fire activity" P1D, "$200 to $450 a
month" P1M; settled in round 23: three rows labelled ``choice`` were relabelled, each saying so in its note).

    # draw the sample at a tree and show each pair in its page, to label it
    PYTHONPATH=/tmp/base9 /work/venv/bin/python bench/claim_times_sample.py --extra /work/trafi_extra [--tsv OUT]
    # score code trees on the labels (one child process per tree; the first is the baseline)
    /work/venv/bin/python bench/claim_times_sample.py --extra /work/trafi_extra --score /tmp/base9 .

The second set, ``--set news`` (bench/claim_times_news_labels.tsv, drawn in round 12 at 2a6c64e,
/tmp/base12): pages of news sources, of three kinds: the English pages of ../shared/data/realworld-dev with a
publication date that no fixture split was made from (what is left there is mostly blogs and docs), ECB+
``ecbplus`` texts (../shared/data/ecbplus-dev) outside the ``ecb`` split, rebuilt as ``make_ecbplus.py`` does
and dated by their own date line (a text without one is left out), and the pages of /work/trafi_extra with
an author and a date in ``evaldata_extra.json`` (bylined: news-like) that the first sample's labels do not
hold. ``NEWS_PAGES`` English dated pages of each kind, in an order shuffled with ``random.Random(SEED)``; at
most ``PER_PAGE`` values of a page (drawn at random), then ``NEWS_N`` values; halves as above.

    PYTHONPATH=/tmp/base12 /work/venv/bin/python bench/claim_times_sample.py --set news --extra /work/trafi_extra
    /work/venv/bin/python bench/claim_times_sample.py --set news --extra /work/trafi_extra --score /tmp/base12 .

The third set, ``--set polnear`` (bench/claim_times_polnear_labels.tsv, drawn in round 20 at 101e178,
/tmp/base20): US political news of 2015-2016 from seven outlets, PolNeAR's train compartment as JSON records
(``bench/stream_polnear.py --write-records``: one folder per compartment, ``--polnear-records DIR`` names the
folder holding ``train/``); no split, no earlier sample and no tagger rule was made from them. ``POL_PAGES``
records in an order shuffled with ``random.Random(SEED)``, at most ``POL_PER_PAGE`` values of a page (drawn at
random), then ``POL_N`` values; halves as above.

    PYTHONPATH=/tmp/base20 /work/venv/bin/python bench/claim_times_sample.py --set polnear --polnear-records /tmp/cwork/pol
    /work/venv/bin/python bench/claim_times_sample.py --set polnear --polnear-records /tmp/cwork/pol --score /tmp/base20 .

The fourth set, ``--set polnear2`` (bench/claim_times_polnear2_labels.tsv, drawn in round 21 at f4803c9,
/tmp/base21): more of PolNeAR's train records, the ``POL2_PAGES`` records that follow, in the same shuffled
order, the last record the third set drew from; at most ``POL_PER_PAGE`` values of a page, then ``POL2_N``
values; halves as above. Labelled and committed before any code changed.

    PYTHONPATH=/tmp/base21 /work/venv/bin/python bench/claim_times_sample.py --set polnear2 --polnear-records /tmp/cwork/pol

The fifth set, ``--set modern`` (bench/claim_times_modern_labels.tsv, drawn in round 22 at f90d4cf,
/tmp/base22): modern news pages of 2018-2019 from many outlets, scrapinghub's article-extraction-benchmark
(its ``html/*.html.gz``, ``--extra DIR`` names the folder holding ``html/``, e.g. /tmp/ingest_gold/sh), read
as the app reads a saved page; no split, no earlier sample and no rule was made from them. Every English page
with a publication date, in an order shuffled with ``random.Random(SEED)``; at most ``MODERN_PER_PAGE``
values of a page (drawn at random), then ``MODERN_N`` values; halves as above. Labelled and committed before
any code changed.

    PYTHONPATH=/tmp/base22 /work/venv/bin/python bench/claim_times_sample.py --set modern --extra /tmp/ingest_gold/sh
    /work/venv/bin/python bench/claim_times_sample.py --set modern --extra /tmp/ingest_gold/sh --score /tmp/base22 .

The sixth set, ``--set mixed`` (bench/claim_times_mixed_labels.tsv, drawn in round 30 at 773950c5,
/tmp/base30): two kinds of page no split, sample or rule was made from: the ``MIXED_PAGES`` PolNeAR train
records that follow, in the same shuffled order, the last record the second PolNeAR sample drew from, and the
``MIXED_PAGES`` ECB+ ``ecbplus`` texts outside the ``ecb`` split that follow, in the news set's shuffled order,
the last text the news sample drew from (the bylined trafi_extra pages after the news sample's last one hold
no English dated page of the extra set's development half). At most ``MIXED_PER_PAGE`` values of a page, then
``MIXED_N`` values; halves as above. ``--extra`` names /work/trafi_extra (the news set's order is drawn from it)
and ``--polnear-records`` the records' folder. Labelled and committed before any code changed.

    PYTHONPATH=/tmp/base30 /work/venv/bin/python bench/claim_times_sample.py --set mixed --extra /work/trafi_extra \
        --polnear-records /tmp/ctimes20w/pol

The seventh set, ``--set fundus`` (bench/claim_times_fundus_labels.tsv, drawn in round 36 at dd0f3d16,
/tmp/base36): flairNLP/fundus's parser test pages (news of 2019-2026 from many outlets), written by
``bench/make_fundus_pages.py`` into ``DIR/html`` (``--extra DIR``), read as the app reads a saved page. Left
out: the pages the fixture splits dev15, dev16 and dev17 (and their held-out halves) were made from, and
every other page of a held-out page's publisher (``FUNDUS_SPLIT_PAGES``, ``FUNDUS_HELD_OUT_PUBLISHERS``).
Every English page with a publication date, in an order shuffled with ``random.Random(SEED)``; at most
``FUNDUS_PER_PAGE`` values of a page (drawn at random), then ``FUNDUS_N`` values; halves as above. Labelled and
committed before any code changed.

    python bench/make_fundus_pages.py /work/.mirror/flairNLP+fundus/repo -o /tmp/fd/html
    PYTHONPATH=/tmp/base36 /work/venv/bin/python bench/claim_times_sample.py --set fundus --extra /tmp/fd

The eighth set, ``--set recent`` (bench/claim_times_recent_labels.tsv, drawn in round 37 at e37ce802,
/tmp/base37), of two kinds no split, sample or rule was made from: scrapinghub's article-extraction-benchmark
pages (``--extra DIR`` names the folder holding ``html/`` and ``ground-truth.json``) in bench/ingest_gold.py's
development half under both its splits (as make_dev10.py / make_dev11.py draw), outside the modern sample, the
fixture splits' pages and their outlets (by the ground truth's URL); and the ``RECENT_POL_PAGES`` PolNeAR train
records that follow, in the same shuffled order, the last record the mixed sample drew from
(``--polnear-records DIR``). At most ``RECENT_PER_PAGE`` values of a page, then ``RECENT_N`` values; halves as
above. Labelled and committed before any code changed.

    PYTHONPATH=/tmp/base37 /work/venv/bin/python bench/claim_times_sample.py --set recent --extra /tmp/t20/sh \
        --polnear-records /tmp/ct23/pol

A page a fixture split was also made from is no check page: dev10's eight pages come from the same benchmark
as the modern set, and one of them (sportsnet 0d46122928b6, listed by ``extract_quality.py --list-times
dev10``) fell in the modern set's half B. Its pairs are left out of half B's figure and counted apart
(``in a split``); in half A such pages stay (development either way).

Scoring: a labelled pair the tree still gives the claim (same expression, same value) counts with its
label; a pair the tree drops is counted apart (by label: dropping a ``choice`` is a fix, a ``right`` a
loss); a pair whose value changed is counted as not judged; each dropped or changed pair is listed under its
tree's totals. A time the tree adds is not seen.

``--time-kinds`` (with ``--score``): each tree's wrong pairs of each half, kept as labelled, counted by label
(choice / value) and by the shape of the value (year, month, day, duration...; bench/extract_quality.py's
``value_shape``): counts only, so the check half's figure can be broken down without reading its rows.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "claim_times_labels.tsv"
NEWS_LABELS = ROOT / "bench" / "claim_times_news_labels.tsv"
POL_LABELS = ROOT / "bench" / "claim_times_polnear_labels.tsv"
POL2_LABELS = ROOT / "bench" / "claim_times_polnear2_labels.tsv"
MODERN_LABELS = ROOT / "bench" / "claim_times_modern_labels.tsv"
MIXED_LABELS = ROOT / "bench" / "claim_times_mixed_labels.tsv"
FUNDUS_LABELS = ROOT / "bench" / "claim_times_fundus_labels.tsv"
RECENT_LABELS = ROOT / "bench" / "claim_times_recent_labels.tsv"
DATA = Path(os.environ.get("FACTCHECK_DATA", "/work/shared/data"))
SEED = 16
PAGES = 160
N = 160
NEWS_PAGES = 45  # per source
PER_PAGE = 6
NEWS_N = 200
POL_PAGES = 45
POL_PER_PAGE = 5
POL_N = 150
POL2_PAGES = 30
POL2_N = 100
MODERN_PAGES = 1000  # (all of them)
MODERN_PER_PAGE = 3
MODERN_N = 100
MIXED_PAGES = 25  # per kind
MIXED_PER_PAGE = 4
MIXED_N = 100
FUNDUS_PER_PAGE = 4
FUNDUS_N = 170
RECENT_POL_PAGES = 15
RECENT_PER_PAGE = 3
RECENT_N = 80
# the fundus pages (bench/make_fundus_pages.py's names) tests/fixtures/realworld's make_dev15/16/17.py drew
FUNDUS_SPLIT_PAGES = {
    "au_NineNews_2024_05_02.html", "us_BusinessInsider_2025_04_01.html", "uk_DailyStar_2026_04_20.html",
    "za_DurbanLocal_2025_11_09.html", "uk_iNews_2023_08_30.html", "mx_MexicoNewsDaily_2025_04_16.html",
    "ca_NationalPost_2024_08_28.html", "us_TheGatewayPundit_2026_07_19.html",
    "ca_TheGlobeAndMail_2024_08_28.html", "au_WestAustralian_2024_11_26.html",
    "us_VoiceOfAmerica_2024_04_28.html", "us_WashingtonTimes_2023_04_28.html", "us_APNews_2024_09_03.html",
    "za_DailyMaverick_2025_05_22.html", "tz_DailyNewsTZ_2025_01_23.html", "uk_EuronewsEN_2024_04_30.html",
    "ca_GlobalNews_2026_05_24.html", "ls_LesothoTimes_2025_05_23.html", "my_MalayMail_2024_11_22.html",
    "na_TheNamibian_2023_11_16.html", "us_OccupyDemocrats_2023_06_20.html", "us_TheNation_2023_05_15.html",
    "za_TimesLive_2025_05_22.html", "jp_TheJapanNews_2024_10_13.html", "ca_CanadaCom_2026_06_06.html",
    "za_TheCitizen_2025_11_28.html", "ca_FinancialPost_2026_06_06.html", "us_FreeBeacon_2023_04_28.html",
    "uk_Metro_2024_07_17.html", "ca_OttawaCitizen_2026_05_26.html", "us_RestOfWorld_2025_10_21.html",
    "tw_TaipeiTimes_2024_10_15.html", "us_TechCrunch_2024_04_28.html",
}  # fmt: skip
# the publishers of the held-out halves' pages (dev15h, dev16h, dev17h): none of their pages is drawn
FUNDUS_HELD_OUT_PUBLISHERS = {
    "NineNews", "BusinessInsider", "DailyStar", "DurbanLocal", "TheGlobeAndMail", "WashingtonTimes",
    "APNews", "DailyMaverick", "DailyNewsTZ", "OccupyDemocrats", "TheNation", "TimesLive", "CanadaCom",
    "FinancialPost", "OttawaCitizen", "TaipeiTimes",
}  # fmt: skip
HEAD = "file\tstart\tend\ttext\tvalue\thalf\tlabel\tnote"


def half(file: str) -> str:
    return "AB"[int(hashlib.sha1(f"claimtimes:{file}".encode()).hexdigest(), 16) % 2]


def fixture_pages() -> set[str]:
    """The pages tests/fixtures/realworld's splits were made from (make_*.py name them): left out."""
    import re

    names: set[str] = set()
    for make in (ROOT / "tests" / "fixtures" / "realworld").glob("make_*.py"):
        names.update(re.findall(r'"([^"\s]+\.html)"', make.read_text(encoding="utf-8")))
    return names


def _make_ecbplus():  # type: ignore[no-untyped-def]
    import importlib.util

    path = ROOT / "tests" / "fixtures" / "realworld" / "make_ecbplus.py"
    spec = importlib.util.spec_from_file_location("make_ecbplus", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def ecbplus_record(xml: Path) -> dict[str, str] | None:
    """An ECB+ ``ecbplus`` file as ``make_ecbplus.py`` rebuilds it, its date the page's own date line (one
    of the three sentences after the URL); None without a date line."""
    import xml.etree.ElementTree as ET

    mk = _make_ecbplus()
    firsts: dict[int, list[str]] = {}
    for tok in ET.parse(xml).getroot().iter("token"):
        k = int(tok.get("sentence", "0"))
        if 1 <= k <= 3:
            firsts.setdefault(k, []).append(tok.text or "")
    line = next((s for k in sorted(firsts) if mk.DATE_LINE.match(s := mk.join_tokens(firsts[k]))), None)
    return mk.build(xml, line, "date line", ()) if line else None


def news_pages(base: Path) -> list[list[str]]:
    """The news set's candidate pages by source (see the module's doc), each list shuffled, by name."""
    rng = random.Random(SEED)
    used = fixture_pages() | {r["file"] for r in read_labels(LABELS)}
    made = {p.stem for p in (ROOT / "tests" / "fixtures" / "realworld" / "articles").glob("*.json")}
    rw = sorted(
        p.name
        for p in (DATA / "realworld-dev" / "html").glob("*.html")
        if p.name not in used and p.stem not in made
    )
    ecb_split = set(_make_ecbplus().DOCS)
    ecb = sorted(
        p.name for p in (DATA / "ecbplus-dev" / "docs").glob("*/*ecbplus.xml") if p.stem not in ecb_split
    )
    meta = json.loads((base / "evaldata_extra.json").read_text(encoding="utf-8"))
    extra = sorted(
        v["file"] for v in meta.values() if v.get("author") and v.get("date") and v["file"] not in used
    )
    for names in (rw, ecb, extra):
        rng.shuffle(names)
    return [rw, ecb, extra]


def polnear_pages(records: Path) -> list[list[str]]:
    """The PolNeAR set's candidate records (train), shuffled, by name."""
    names = sorted(p.name for p in (records / "train").glob("*.json"))
    random.Random(SEED).shuffle(names)
    return [names]


def polnear2_pages(records: Path) -> list[list[str]]:
    """The second PolNeAR set's candidate records: those after the last record of the first PolNeAR sample
    in the same shuffled order (so no record the first draw took or passed over)."""
    names = polnear_pages(records)[0]
    last = max(names.index(r["file"]) for r in read_labels(POL_LABELS))
    return [names[last + 1 :]]


def mixed_pages(extra: Path, records: Path) -> list[list[str]]:
    """The mixed set's candidate pages: the PolNeAR train records after the second PolNeAR sample's last
    record, and the ECB+ texts after the news sample's last one (in the news set's order)."""
    pol = polnear2_pages(records)[0]
    last_pol = max(pol.index(r["file"]) for r in read_labels(POL2_LABELS))
    ecb = news_pages(extra)[1]
    last_ecb = max(ecb.index(r["file"]) for r in read_labels(NEWS_LABELS) if r["file"] in ecb)
    return [pol[last_pol + 1 :], ecb[last_ecb + 1 :]]


def modern_pages(base: Path) -> list[list[str]]:
    """The modern set's candidate pages (scrapinghub's benchmark, ``base/html/*.html.gz``), shuffled, by name."""
    names = sorted(p.name for p in (base / "html").glob("*.html.gz"))
    random.Random(SEED).shuffle(names)
    return [names]


def fundus_pages(base: Path) -> list[list[str]]:
    """The fundus set's candidate pages (``base/html/*.html``), outside the fixture splits' pages and the
    held-out halves' publishers, shuffled, by name."""
    names = sorted(
        p.name
        for p in (base / "html").glob("*.html")
        if p.name not in FUNDUS_SPLIT_PAGES and p.name.split("_")[1] not in FUNDUS_HELD_OUT_PUBLISHERS
    )
    random.Random(SEED).shuffle(names)
    return [names]


def recent_pages(base: Path, records: Path) -> list[list[str]]:
    """The recent set's candidate pages: scrapinghub's pages in ingest_gold's development half outside the
    modern sample, the fixture splits' pages and outlets (shuffled), and the PolNeAR train records after the
    mixed sample's last record."""
    sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "realworld"))
    import drawing

    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    modern = {r["file"] for r in read_labels(MODERN_LABELS)}
    outlets = drawing.used_outlets()
    ids = split_page_ids()
    sh = sorted(
        p.name
        for p in (base / "html").glob("*.html.gz")
        if drawing.development(p.name.removesuffix(".html.gz"))
        and p.name not in modern
        and p.name[:12] not in ids
        and drawing.outlet(
            urlsplit(truth.get(p.name.removesuffix(".html.gz"), {}).get("url", "")).hostname or ""
        )
        not in outlets
    )
    random.Random(SEED).shuffle(sh)
    pol = polnear2_pages(records)[0]
    last_pol = max(pol.index(r["file"]) for r in read_labels(POL2_LABELS))
    mixed = pol[last_pol + 1 :]
    last_mixed = max(mixed.index(r["file"]) for r in read_labels(MIXED_LABELS) if r["file"] in mixed)
    return [sh, mixed[last_mixed + 1 :]]


def page_path(base: Path, name: str, tmp: Path) -> Path:
    """Where the page ``name`` of a set is read from (an ECB+ text as a JSON record written to ``tmp``; a
    PolNeAR record from ``base``, the records' folder, then; a gzipped page unpacked into ``tmp``)."""
    if name.endswith(".html.gz"):
        import gzip

        out = tmp / name.removesuffix(".gz")
        out.write_bytes(gzip.decompress((base / "html" / name).read_bytes()))
        return out
    if name.endswith(".json"):
        return Path(os.environ.get("FACTCHECK_POLNEAR_RECORDS", base)) / "train" / name
    if name.endswith(".xml"):
        rec = ecbplus_record(DATA / "ecbplus-dev" / "docs" / name.split("_")[0] / name)
        out = tmp / f"{name}.json"
        out.write_text(json.dumps(rec or {"text": ""}), encoding="utf-8")
        return out
    rw = DATA / "realworld-dev" / "html" / name
    return rw if rw.exists() else base / "html" / name


def pages(base: Path) -> list[Path]:
    used = fixture_pages()
    files = sorted(p for p in (base / "html").glob("*.html") if p.name not in used)
    random.Random(SEED).shuffle(files)
    return files


def load(base: Path, name: str, tmp: Path):  # type: ignore[no-untyped-def]
    """The article of page ``name`` as the app reads it, or None (unreadable)."""
    from factcheck import ingest

    batch = ingest.load([str(page_path(base, name, tmp))])
    return None if batch.errors or not batch.articles else batch.articles[0]


def pairs(base: Path, groups: list[list[str]], limit: int) -> tuple[list[dict[str, object]], int]:
    """Every (claim, time) pair of the shown claims of the first ``limit`` English pages with a date of each
    group of page names: ``file``, ``start``, ``end``, ``text``, ``value``, ``type``, ``claim`` (start, end,
    text), ``published``."""
    import tempfile

    from factcheck import extract
    from factcheck.model import DEFAULT_MIN_SCORE

    out: list[dict[str, object]] = []
    used = 0
    with tempfile.TemporaryDirectory() as tmp:
        for names in groups:
            taken = 0
            for name in names:
                if taken >= limit:
                    break
                art = load(base, name, Path(tmp))
                if art is None or art.language not in (None, "en") or art.published is None:
                    continue
                taken += 1
                for c in extract.extract(art):
                    if c.score < DEFAULT_MIN_SCORE:
                        continue
                    for t in c.when:
                        out.append(
                            {
                                "file": name,
                                "start": t.start,
                                "end": t.end,
                                "text": t.text,
                                "value": t.value,
                                "type": t.type,
                                "claim": [c.start, c.end, c.text],
                                "published": art.published.isoformat(),
                            }
                        )
            used += taken
    return out, used


def _clean(s: str) -> str:
    return " ".join(s.split())


def _by_start(p: dict[str, object]) -> tuple[str, int]:
    return (str(p["file"]), int(str(p["start"])))


def draw(base: Path, tsv: str | None, which: str) -> None:
    import tempfile

    rng = random.Random(SEED)
    if which in ("news", "polnear", "polnear2", "modern", "mixed", "fundus", "recent"):
        if which == "recent":
            records = Path(os.environ["FACTCHECK_POLNEAR_RECORDS"])
            groups = recent_pages(base, records)
            allp, used = pairs(base, groups[:1], len(groups[0]))
            more, used2 = pairs(base, groups[1:], RECENT_POL_PAGES)
            allp, used = allp + more, used + used2
            per_page, n = RECENT_PER_PAGE, RECENT_N
        elif which == "fundus":
            allp, used = pairs(base, fundus_pages(base), len(fundus_pages(base)[0]))
            per_page, n = FUNDUS_PER_PAGE, FUNDUS_N
        elif which == "mixed":
            records = Path(os.environ["FACTCHECK_POLNEAR_RECORDS"])
            allp, used = pairs(base, mixed_pages(base, records), MIXED_PAGES)
            per_page, n = MIXED_PER_PAGE, MIXED_N
        elif which == "modern":
            allp, used = pairs(base, modern_pages(base), MODERN_PAGES)
            per_page, n = MODERN_PER_PAGE, MODERN_N
        elif which == "news":
            allp, used = pairs(base, news_pages(base), NEWS_PAGES)
            per_page, n = PER_PAGE, NEWS_N
        elif which == "polnear2":
            allp, used = pairs(base, polnear2_pages(base), POL2_PAGES)
            per_page, n = POL_PER_PAGE, POL2_N
        else:
            allp, used = pairs(base, polnear_pages(base), POL_PAGES)
            per_page, n = POL_PER_PAGE, POL_N
        per: dict[str, list[dict[str, object]]] = {}
        for p in sorted(allp, key=_by_start):
            per.setdefault(str(p["file"]), []).append(p)
        capped = [p for f in sorted(per) for p in rng.sample(per[f], min(per_page, len(per[f])))]
        sample = rng.sample(capped, min(n, len(capped)))
    else:
        allp, used = pairs(base, [[p.name for p in pages(base)]], PAGES)
        sample = rng.sample(sorted(allp, key=_by_start), min(N, len(allp)))
    sample.sort(key=_by_start)
    print(
        f"{used} English pages with a date, {len(allp)} time values of shown claims; sample of {len(sample)}"
    )
    rows = []
    texts: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k, p in enumerate(sample, 1):
            f = str(p["file"])
            if f not in texts:
                texts[f] = load(base, f, Path(tmp)).text
            text = texts[f]
            cs, _ce, ctext = p["claim"]  # type: ignore[misc]
            before = _clean(text[max(0, int(cs) - 300) : int(cs)])
            print(f"\n=== {k} {f} (half {half(f)}) published {p['published']}")
            print(f"  BEFORE: ...{before}")
            print(f"  CLAIM: {_clean(str(ctext))}")
            print(f"  TIME: {p['text']!r} {p['type']} {p['value']}")
            rows.append(
                f"{f}\t{p['start']}\t{p['end']}\t{_clean(str(p['text']))}\t{p['value']}\t{half(f)}\t\t"
                f"{_clean(str(ctext))[:120]}"
            )
    if tsv:
        Path(tsv).write_text(HEAD + "\n" + "\n".join(rows) + "\n", encoding="utf-8")


def read_labels(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"), strict=True)) for ln in lines[1:]]


def tree_values(base: Path, files: list[str]) -> dict[str, list[tuple[int, int, str]]]:
    """(start, end, value) of every time of every shown claim, per page, at the tree this runs on."""
    import tempfile

    from factcheck import extract
    from factcheck.model import DEFAULT_MIN_SCORE

    out: dict[str, list[tuple[int, int, str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            art = load(base, f, Path(tmp))
            got = out.setdefault(f, [])
            for c in extract.extract(art):
                if c.score >= DEFAULT_MIN_SCORE:
                    got += [(t.start, t.end, t.value) for t in c.when]
    return out


def split_page_ids() -> set[str]:
    """The page ids (the first 12 hex digits of a benchmark page's name) of the fixture splits' articles made
    from scrapinghub's benchmark, named ``<split>.<host>.<id>.json`` (dev10): the modern set draws from the
    same pages."""
    import re

    arts = (ROOT / "tests" / "fixtures" / "realworld" / "articles").glob("*.json")
    return {m.group(1) for p in arts if (m := re.search(r"\.([0-9a-f]{12})$", p.stem))}


def score_tree(base: Path, labels: list[dict[str, str]]) -> tuple[dict[str, Counter[str]], list[str]]:
    """Per half: the labels of the pairs kept as labelled, ``dropped:<label>``, ``changed``; and one line for
    each labelled pair the tree drops or values otherwise (to read what a change moved). A check-half pair of
    a page a fixture split was made from counts as ``in a split`` only: it is development material."""
    files = sorted({r["file"] for r in labels})
    got = tree_values(base, files)
    res: dict[str, Counter[str]] = {"A": Counter(), "B": Counter()}
    moved: list[str] = []
    in_splits = split_page_ids()
    for r in labels:
        if r["half"] == "B" and r["file"][:12] in in_splits:
            res["B"]["in a split"] += 1
            continue
        vals = {(s, e): v for s, e, v in got[r["file"]]}
        key = (int(r["start"]), int(r["end"]))
        c = res[r["half"]]
        if key in vals and vals[key] == r["value"]:
            c[r["label"]] += 1
            if r["label"] in ("choice", "value"):
                c[f"kind:{r['label']}: {value_shape(r['value'])}"] += 1
            continue
        c["changed" if key in vals else f"dropped:{r['label']}"] += 1
        now = vals.get(key, "dropped")
        moved.append(
            f"half {r['half']} {r['file']}: {r['text']!r} {r['value']} -> {now} (labelled {r['label']})"
        )
    return res, moved


def value_shape(value: str) -> str:
    """The shape of a TIMEX3 value (bench/extract_quality.py's ``value_shape``: year, month, day, duration...)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import extract_quality

    return extract_quality.value_shape(extract_quality.same_value(value))


def report_kinds(tree: str, res: dict[str, Counter[str]]) -> None:
    """``--time-kinds``: the wrong pairs each half keeps, by label (choice / value) and by the shape of the value
    (counts only: the check half's rows are never listed)."""
    for h in ("A", "B"):
        kinds = sorted((k[5:], v) for k, v in res[h].items() if k.startswith("kind:"))
        print(
            f"  {tree}  half {h} wrong pairs by kind: " + (", ".join(f"{k} {v}" for k, v in kinds) or "none")
        )


def report(tree: str, res: dict[str, Counter[str]]) -> None:
    for h in ("A", "B"):
        c = res[h]
        judged = c["right"] + c["choice"] + c["value"]
        prec = f"{c['right'] / judged:.3f} ({c['right']}/{judged})" if judged else "n/a"
        drops = ", ".join(f"{k[8:]} {v}" for k, v in sorted(c.items()) if k.startswith("dropped:")) or "none"
        print(
            f"  {tree}  half {h} ({'development' if h == 'A' else 'check'}): right {prec}; "
            f"wrong: choice {c['choice']}, value {c['value']}; unclear {c['unclear']}; "
            f"dropped: {drops}; value changed (not judged) {c['changed']}"
            + (f"; left out, a fixture split's page: {c['in a split']}" if c["in a split"] else "")
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extra", default=os.environ.get("FACTCHECK_EXTRA"))
    ap.add_argument("--tsv", help="with the draw: write the sample's skeleton (labels empty) to this file")
    ap.add_argument("--score", nargs="+", metavar="TREE", help="score these code trees on the labels")
    ap.add_argument(
        "--set",
        choices=("first", "news", "polnear", "polnear2", "modern", "mixed", "fundus", "recent"),
        default="first",
        help="which sample (default: first)",
    )
    ap.add_argument(
        "--polnear-records", help="with --set polnear: the folder of PolNeAR's records (holds train/)"
    )
    ap.add_argument(
        "--time-kinds",
        action="store_true",
        help="with --score: also count each half's wrong pairs by label and value shape (counts only)",
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)  # score the tree on sys.path, print JSON
    args = ap.parse_args()
    if args.set in ("polnear", "polnear2") and args.polnear_records:
        args.extra = args.polnear_records  # the pages' folder, then
    if args.set in ("mixed", "recent"):
        records = args.polnear_records or os.environ.get("FACTCHECK_POLNEAR_RECORDS")
        if not records:
            sys.exit(f"bench/claim_times_sample.py: --set {args.set} needs --polnear-records DIR")
        os.environ["FACTCHECK_POLNEAR_RECORDS"] = records  # (the child processes inherit it)
    if not args.extra:
        sys.exit("bench/claim_times_sample.py: --extra DIR (or $FACTCHECK_EXTRA) is needed")
    base = Path(args.extra)
    labels_file = {
        "news": NEWS_LABELS,
        "polnear": POL_LABELS,
        "polnear2": POL2_LABELS,
        "modern": MODERN_LABELS,
        "mixed": MIXED_LABELS,
        "fundus": FUNDUS_LABELS,
        "recent": RECENT_LABELS,
    }.get(args.set, LABELS)
    if args.child:
        sys.path.insert(0, args.child)
        res, moved = score_tree(base, read_labels(labels_file))
        print(json.dumps({"halves": res, "moved": moved}))
        return 0
    if args.score:
        labels = read_labels(labels_file)
        print(f"{len(labels)} labelled pairs, {len({r['file'] for r in labels})} pages")
        for tree in args.score:
            path = str(Path(tree).resolve())
            env = dict(os.environ, PYTHONPATH=path)
            out = subprocess.run(
                [sys.executable, __file__, "--extra", str(base), "--set", args.set, "--child", path],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            got = json.loads(out.splitlines()[-1])
            report(tree, {h: Counter(v) for h, v in got["halves"].items()})
            if args.time_kinds:
                report_kinds(tree, {h: Counter(v) for h, v in got["halves"].items()})
            for line in got["moved"]:
                print(f"    {line}")
        return 0
    # (with the tree on PYTHONPATH: the first sample was drawn at 1b09098, /tmp/base9)
    draw(base, args.tsv, args.set)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
