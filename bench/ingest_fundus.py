"""Metadata and body of saved news pages of many publishers and languages: the product's reading of each page
against fundus's publisher-specific parse of it.

Data: the parser test pages of flairNLP/fundus (a news crawler; its code MIT, the pages belong to their
publishers), read at run time from a git directory of its repository (a clone or a mirror:
https://github.com/flairNLP/fundus; ``--fundus GIT_DIR``), never copied into this repository:
``tests/resources/parser/test_data/<country>/<Publisher>_<DATE>.html.gz`` (~258 pages of ~180 publishers in
~40 countries), each country's ``meta.info`` (every page's address), ``<Publisher>.json`` beside the pages
(fundus's parse of one page per parser version: title, authors, publishing_date, body) and the publishers'
names, domains and languages in ``src/fundus/publishers/<country>/__init__.py`` (read with ``ast``, not
imported). A publisher's pages and the versions of its parse are paired as fundus's own tests pair them
(``tests/utility.py``: each page goes to the parser version valid on its crawl date, one page per version): the
pages in date order with the versions in order (V1, V1_1, V2 ...).

Each page is written to a temporary ``.html`` file and read as ``factcheck`` reads a saved page, with no cache.
Per page:
- **title**, **authors**: as ``bench/ingest_meta.py`` compares them (its normalisation and kinds), against
  fundus's title and authors;
- **date**: the day of fundus's ``publishing_date`` (as the page writes it, its own zone): right / wrong /
  missing / given where fundus has none;
- **language**: the publisher's languages in fundus (the country group's ``default_language``, and the
  ``languages=`` its sources declare): right / wrong / missing;
- **outlet**: "the publisher's name" (fundus's name, letters and figures compared, or its part before a
  bracket: "Neue Zürcher Zeitung (NZZ)"), "names the publisher" (a part of the name or of the domain's
  labels, or their initials: ``bench/ingest_meta.py``'s ``outlet_kind`` on fundus's domain; accents
  aside), "the host itself" (the readable domain), "another name" (neither: an account, a company, a slogan,
  and also the publisher's own name in its own script, "朝日新聞デジタル" for fundus's "Asahi Shimbun", or
  another of its names, "Mail Online": read the list), "none";
- **body**: fundus's body paragraphs (summary and sections) of 15+ words kept in our text (title and body
  segments): 60% of the paragraph's 4-grams of words, as ``bench/ingest.py`` counts them;
- **claims** (pages whose language the claims stage supports): where each claim's sentence is in fundus's
  parse: in a body paragraph, in the title or summary only (counted apart), or in none (a leak proxy: furniture
  or text fundus leaves out, such as captions and boxes).

Two halves by publisher (sha1("fundus:" + Publisher) % 2): **A**, development, listed with ``--list``; **B**,
check, aggregate only, never listed. The publishers of the labelled splits drawn from this set, round 31's dev15 /
dev15h and round 32's dev16 / dev16h (``tests/fixtures/realworld/make_dev15.py`` and ``make_dev16.py``: 12
English pages of 12 outlets each), are left out of both halves (all their pages).

``--raw``: the same pages as **raw page text** too (what a person gets by copying the page: ``bench/ingest.py``'s
``visible_text``, read as a .txt article, so only factcheck's furniture rules stand between the page's chrome and
the claims), a development pool of the shape of ``bench/ingest.py --extra``'s half B (news pages of many sites,
most of them short, as raw text; round 37): per half, fundus's 15+-word paragraphs kept in the raw body, and the
claims leaked: a claim whose sentence is in neither fundus's parse (title, summary, paragraphs) nor the text
trafilatura extracts from the page for recall (``bench/ingest.py``'s ``recall_text``, cached as there), 4-grams
of words at 60% as elsewhere. Like every leak proxy it counts too much (captions, boxes and tables that both
parses leave out). ``--list raw-leaks`` / ``raw-body`` print half A's leaked raw claims / lost raw paragraphs
(each with the segment of the raw text that holds it: its furniture reason, or "not found in the raw text",
the measure's own miss; ``bench/ingest.py``'s ``lost_reason``); the lost paragraphs are counted by that
segment for both halves; half B stays aggregate only.

``--base TREE`` measures a second code tree in a child process in the same run. ``--list KIND`` prints half
A's pages whose value differs between the trees (``changed``) or whose figure is not right (``title``,
``authors``, ``date``, ``language``, ``outlet``), the lost paragraphs (``body``) or the claims in no fundus
paragraph (``leaks``).

    FACTCHECK_DATA=... python bench/ingest_fundus.py --fundus /work/.mirror/flairNLP+fundus/repo \\
        [--base /tmp/base31] [--raw] [--list changed]
"""

from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_meta import _squash, author_kind, host_labels, outlet_kind, title_kind

ROOT = Path(__file__).resolve().parents[1]
TEST_DATA = "tests/resources/parser/test_data"
PUBLISHERS = "src/fundus/publishers"
# the hosts of dev15 / dev15h (tests/fixtures/realworld/make_dev15.py's DOCS): their publishers are left out
DEV15_HOSTS = frozenset(
    {
        "9news.com.au",
        "theglobeandmail.com",
        "businessinsider.com",
        "dailystar.co.uk",
        "durbanlocal.co.za",
        "inews.co.uk",
        "mexiconewsdaily.com",
        "nationalpost.com",
        "thegatewaypundit.com",
        "thewest.com.au",
        "voanews.com",
        "washingtontimes.com",
    }
)
# the publishers (fundus's names) of dev16 / dev16h's pages (tests/fixtures/realworld/make_dev16.py's DOCS): their
# pages are left out; by name, as other editions share their hosts' registered names (de.euronews.com,
# www.yomiuri.co.jp)
DEV16_PUBLISHERS = frozenset(
    {
        "APNews",
        "DailyMaverick",
        "DailyNewsTZ",
        "EuronewsEN",
        "GlobalNews",
        "LesothoTimes",
        "MalayMail",
        "OccupyDemocrats",
        "TheJapanNews",
        "TheNamibian",
        "TheNation",
        "TimesLive",
    }
)
# the publishers (fundus's names) of dev17 / dev17h's pages (tests/fixtures/realworld/make_dev17.py's DOCS): their
# pages are left out, Metro's and TechCrunch's second page too
DEV17_PUBLISHERS = frozenset(
    {
        "CanadaCom",
        "FinancialPost",
        "FreeBeacon",
        "Metro",
        "OttawaCitizen",
        "RestOfWorld",
        "TaipeiTimes",
        "TechCrunch",
        "TheCitizen",
    }
)
LABELLED_SPLITS = ("dev15", "dev16", "dev17")
# fundus's language codes that are not ISO 639-1 (Taiwan's group writes its country code)
_LANGUAGE = {"tw": "zh"}

DATE_KINDS = ("right", "wrong", "missing", "given where fundus has none")
LANGUAGE_KINDS = ("right", "wrong", "missing")
OUTLET_KINDS = ("the publisher's name", "names the publisher", "the host itself", "another name", "none")
FIELDS = ("title", "authors", "date", "language", "outlet")


def half(publisher: str) -> str:
    return "B" if int(hashlib.sha1(("fundus:" + publisher).encode()).hexdigest(), 16) % 2 else "A"


def _git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], check=True, capture_output=True).stdout


def _show(git_dir: Path, path: str) -> bytes:
    return _git(git_dir, "show", f"HEAD:{path}")


def publishers(git_dir: Path, country: str) -> dict[str, dict[str, Any]]:
    """The publishers of a country's group: attribute name -> {name, domain, languages}."""
    try:
        source = _show(git_dir, f"{PUBLISHERS}/{country}/__init__.py").decode("utf-8")
    except subprocess.CalledProcessError:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for cls in ast.walk(ast.parse(source)):
        if not isinstance(cls, ast.ClassDef):
            continue
        default = ""
        for node in cls.body:
            if not isinstance(node, ast.Assign) or len(node.targets) != 1:
                continue
            target = node.targets[0]
            if not isinstance(target, ast.Name):
                continue
            if target.id == "default_language" and isinstance(node.value, ast.Constant):
                default = str(node.value.value)
            elif isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "Publisher":
                kw = {k.arg: k.value for k in node.value.keywords}
                langs = {default} if default else set()
                for sub in ast.walk(
                    node.value
                ):  # the languages its sources declare (NewsMap(languages={...}))
                    if isinstance(sub, ast.keyword) and sub.arg == "languages":
                        langs |= {str(c.value) for c in ast.walk(sub.value) if isinstance(c, ast.Constant)}
                out[target.id] = {
                    "name": str(getattr(kw.get("name"), "value", "")),
                    "domain": str(getattr(kw.get("domain"), "value", "")),
                    "languages": sorted(_LANGUAGE.get(x, x) for x in langs),
                }
    return out


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", name))


def pages(git_dir: Path) -> list[dict[str, Any]]:
    """Every test page with its publisher, address and the version of fundus's parse that goes with it."""
    names = _git(git_dir, "ls-tree", "-r", "--name-only", "HEAD", TEST_DATA).decode().split("\n")
    by_publisher: dict[tuple[str, str], list[str]] = {}
    for n in names:
        if n.endswith(".html.gz"):
            country, file = n[len(TEST_DATA) + 1 :].split("/", 1)
            by_publisher.setdefault((country, file.split("_", 1)[0]), []).append(n)
    groups: dict[str, dict[str, dict[str, Any]]] = {}
    metas: dict[str, dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for (country, pub), paths in sorted(by_publisher.items()):
        if country not in groups:
            groups[country] = publishers(git_dir, country)
            metas[country] = json.loads(_show(git_dir, f"{TEST_DATA}/{country}/meta.info"))
        info = groups[country].get(pub, {"name": pub, "domain": "", "languages": []})
        parse = json.loads(_show(git_dir, f"{TEST_DATA}/{country}/{pub}.json"))
        versions = sorted(parse, key=_version_key)
        paths = sorted(paths)  # Publisher_YYYY_MM_DD: in date order
        if len(versions) != len(paths):
            continue  # (not paired as fundus's tests pair them)
        for path, version in zip(paths, versions, strict=True):
            file = path.rsplit("/", 1)[1]
            url = str(metas[country].get(file, {}).get("url") or "")
            host = ".".join(host_of(url).split(".")[-3:])
            out.append(
                {
                    "path": path,
                    "page": f"{country}/{file}",
                    "publisher": pub,
                    "url": url,
                    "info": info,
                    "parse": parse[version],
                    "labelled": labelled(host, pub),
                }
            )
    return out


def labelled(host: str, publisher: str) -> str | None:
    """The labelled split whose publishers' pages are left out (``LABELLED_SPLITS``), or None."""
    if any(host == h or host.endswith("." + h) for h in DEV15_HOSTS):
        return "dev15"
    if publisher in DEV16_PUBLISHERS:
        return "dev16"
    return "dev17" if publisher in DEV17_PUBLISHERS else None


def host_of(url: str) -> str:
    from urllib.parse import urlsplit

    return (urlsplit(url).hostname or "").lower()


def norm(s: str) -> str:
    """The words of ``s``, case folded (NFKC, soft hyphens and zero-width characters dropped)."""
    s = unicodedata.normalize("NFKC", s).translate(
        dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
    )
    return " ".join(re.findall(r"\w+", s.casefold()))


def grams(s: str, n: int = 4) -> set[tuple[str, ...]]:
    w = s.split()
    return {tuple(w[i : i + n]) for i in range(max(1, len(w) - n + 1))}


def _inside(text: str, ref: str, ref_grams: set[tuple[str, ...]]) -> bool:
    g = grams(text)
    return text in ref or len(g & ref_grams) >= 0.6 * len(g)


def body_parts(parse: dict[str, Any]) -> tuple[list[str], list[str]]:
    """fundus's summary paragraphs and its sections' paragraphs (headlines apart: not paragraphs)."""
    body = parse.get("body") or {}
    summary = [str(p) for p in body.get("summary") or []]
    paragraphs = [str(p) for s in body.get("sections") or [] for p in s.get("paragraphs") or []]
    return summary, paragraphs


def _bench_ingest(tree: Path) -> Any:
    """``bench/ingest.py`` of this repository as a module, measuring ``tree``'s factcheck (its
    ``visible_text`` and ``recall_text``)."""
    import importlib.util

    os.environ["FACTCHECK_BENCH_TREE"] = str(tree)
    spec = importlib.util.spec_from_file_location("bench_ingest", ROOT / "bench" / "ingest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def paragraphs_kept(art: Any, paragraphs: list[str]) -> tuple[int, list[str]]:
    """How many of fundus's paragraphs of 15+ words ``art``'s title and body hold (60% of their word grams),
    and the start of each one they do not."""
    body = grams(
        norm("\n".join(art.text[s.start : s.end] for s in art.segments if s.kind in ("body", "title")))
    )
    kept = 0
    lost: list[str] = []
    for para in paragraphs:
        if len(para.split()) < 15:
            continue
        g = grams(norm(para))
        if len(g & body) >= 0.6 * len(g):
            kept += 1
        else:
            lost.append(para[:120])
    return kept, lost


def claims_placed(
    art: Any, places: list[tuple[str, list[str]]], elsewhere: str
) -> tuple[dict[str, int], list[str]]:
    """How many of ``art``'s claims stand in each of ``places`` (a name and its texts; the first that holds the
    claim counts it), and in none (``elsewhere``), with the start of each of those; all zero when the
    article's language has no claims."""
    from factcheck import extract, ingest

    counts = {name: 0 for name, _ in places} | {elsewhere: 0}
    outside: list[str] = []
    if not ingest.claims_supported(art):
        return counts, outside
    refs = [(name, ref, grams(ref)) for name, ref in ((n, norm("\n".join(t))) for n, t in places)]
    for c in extract.extract(art):
        t = norm(c.text)
        if not t:
            continue
        name = next((name for name, ref, g in refs if _inside(t, ref, g)), None)
        if name is None:
            counts[elsewhere] += 1
            outside.append(c.text[:140])
        else:
            counts[name] += 1
    return counts, outside


def raw_measure(bi: Any, html: bytes, name: str, parse: dict[str, Any]) -> dict[str, Any]:
    """The page as raw page text (``bi``: ``bench/ingest.py`` as a module): fundus's 15+-word paragraphs kept
    in the body, and the claims whose sentence is in neither fundus's parse nor trafilatura's recall text."""
    from factcheck import ingest

    art = ingest.article_from_text(bi.visible_text(html), path=name, key=name)
    summary, paragraphs = body_parts(parse)
    kept, lost_paras = paragraphs_kept(art, paragraphs + summary)
    # why each lost paragraph is lost: the segment of the raw text that holds it (bench/ingest.py's lost_reason)
    body = grams(
        norm("\n".join(art.text[s.start : s.end] for s in art.segments if s.kind in ("body", "title")))
    )
    reasons = [
        bi.lost_reason(art, para)
        for para in paragraphs + summary
        if len(para.split()) >= 15 and len(grams(norm(para)) & body) < 0.6 * len(grams(norm(para)))
    ]
    article = [str(parse.get("title") or ""), *summary, *paragraphs, bi.recall_text(html)]
    claims, leaks = claims_placed(art, [("in the article", article)], "leaked")
    return {
        "raw_kept": kept,
        "raw_lost": len(lost_paras),
        "raw_lost_paras": [f"[{why}] {para}" for why, para in zip(reasons, lost_paras, strict=True)],
        "raw_lost_reasons": reasons,
        "raw_claims": claims,
        "raw_leaks": leaks,
    }


def measure(git_dir: Path, tree: Path, raw: bool = False) -> dict[str, dict[str, Any]]:
    sys.path.insert(0, str(tree))
    os.environ["FACTCHECK_NO_CACHE"] = "1"
    from factcheck import ingest

    bi = _bench_ingest(tree) if raw else None

    out: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="ingest_fundus_") as tmp:
        for p in pages(git_dir):
            if p["labelled"]:
                out[p["page"]] = {"half": p["labelled"]}
                continue
            file = Path(tmp) / p["page"].replace("/", "_").removesuffix(".gz")
            file.write_bytes(gzip.decompress(_git(git_dir, "show", f"HEAD:{p['path']}")))
            batch = ingest.load([file])
            art = batch.articles[0] if batch.articles else None
            parse = p["parse"]
            summary, paragraphs = body_parts(parse)
            kept = lost = 0
            lost_paras: list[str] = []
            claims = {"in a paragraph": 0, "in the title or summary": 0, "in none": 0}
            leaks: list[str] = []
            if art is not None:
                kept, lost_paras = paragraphs_kept(art, paragraphs + summary)
                lost = len(lost_paras)
                claims, leaks = claims_placed(
                    art,
                    [
                        ("in a paragraph", paragraphs),
                        ("in the title or summary", [str(parse.get("title") or ""), *summary]),
                    ],
                    "in none",
                )
            out[p["page"]] = {
                "half": half(p["publisher"]),
                "publisher": p["info"]["name"],
                "domain": p["info"]["domain"],
                "url": p["url"],
                "gold_title": str(parse.get("title") or ""),
                "gold_authors": [str(a) for a in parse.get("authors") or []],
                "gold_date": str(parse.get("publishing_date") or "")[:10],
                "gold_languages": p["info"]["languages"],
                "title": (art.title or "") if art else "",
                "authors": list(art.authors) if art else [],
                "date": art.published.isoformat() if art and art.published else "",
                "language": (art.language or "") if art else "",
                "outlet": (art.outlet or "") if art else "",
                "kept": kept,
                "lost": lost,
                "lost_paras": lost_paras,
                "claims": claims,
                "leaks": leaks,
            }
            if bi is not None:
                out[p["page"]].update(raw_measure(bi, file.read_bytes(), file.stem, parse))
    return out


def date_kind(gold: str, got: str) -> str:
    if gold and got:
        return "right" if gold == got else "wrong"
    if got:
        return "given where fundus has none"
    return "missing" if gold else ""


def language_kind(gold: list[str], got: str) -> str:
    if not gold:
        return ""
    if not got:
        return "missing"
    return "right" if got in gold else "wrong"


def _plain(s: str) -> str:
    """Letters and figures, case folded, accents dropped ("Habertürk" -> "haberturk")."""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", s).casefold())
    return _squash("".join(ch for ch in s if not unicodedata.combining(ch)))


def publisher_kind(name: str, domain: str, outlet: str) -> str:
    if not outlet:
        return "none"
    o = _plain(outlet)
    names = {_plain(name), _plain(name.split("(")[0])}
    if o in names:
        return "the publisher's name"
    k = outlet_kind(domain, outlet) if domain else ""
    if k == "the host itself":
        return k
    own = _plain(host_labels(domain)[-1]) if domain and host_labels(domain) else ""
    initials = "".join(w[0] for w in re.findall(r"\w+", unicodedata.normalize("NFKC", name).casefold()))
    if (
        k == "names the host"
        or (o and any(len(o) >= 3 and (o in n or n in o) for n in names if n))
        or o == initials
        or (len(own) >= 2 and (o.startswith(own) or (len(own) >= 4 and own in o)))
    ):
        return "names the publisher"
    return "another name"


def kinds_of(p: dict[str, Any]) -> dict[str, str]:
    return {
        "title": title_kind(p["gold_title"], p["title"]),
        "authors": author_kind(" ; ".join(p["gold_authors"]), p["authors"]),
        "date": date_kind(p["gold_date"], p["date"]),
        "language": language_kind(p["gold_languages"], p["language"]),
        "outlet": publisher_kind(p["publisher"], p["domain"], p["outlet"]),
    }


def counts(pages_: dict[str, dict[str, Any]], h: str) -> dict[str, dict[str, int]]:
    from ingest_meta import AUTHOR_KINDS, TITLE_KINDS

    c: dict[str, dict[str, int]] = {
        "title": dict.fromkeys(TITLE_KINDS, 0),
        "authors": dict.fromkeys(AUTHOR_KINDS, 0),
        "date": dict.fromkeys(DATE_KINDS, 0),
        "language": dict.fromkeys(LANGUAGE_KINDS, 0),
        "outlet": dict.fromkeys(OUTLET_KINDS, 0),
        "body: fundus's 15+ word paragraphs": {"kept": 0, "lost": 0},
        "claims: their sentence in fundus's parse": {
            "in a paragraph": 0,
            "in the title or summary": 0,
            "in none": 0,
        },
    }
    for p in pages_.values():
        if p["half"] != h:
            continue
        for field, k in kinds_of(p).items():
            if k:
                c[field][k] += 1
        c["body: fundus's 15+ word paragraphs"]["kept"] += p["kept"]
        c["body: fundus's 15+ word paragraphs"]["lost"] += p["lost"]
        for k, v in p["claims"].items():
            c["claims: their sentence in fundus's parse"][k] += v
        if "raw_claims" in p:
            raw_body = c.setdefault(
                "raw page text, body: fundus's 15+ word paragraphs", {"kept": 0, "lost": 0}
            )
            raw_body["kept"] += p["raw_kept"]
            raw_body["lost"] += p["raw_lost"]
            by_reason = c.setdefault(RAW_LOST, {})
            for why in p.get("raw_lost_reasons", []):
                by_reason[why] = by_reason.get(why, 0) + 1
            raw_claims = c.setdefault(RAW_CLAIMS, {"in the article": 0, "leaked": 0})
            for k, v in p["raw_claims"].items():
                raw_claims[k] += v
    return c


RAW_CLAIMS = "raw page text, claims: in fundus's parse or trafilatura's recall text"
# (counts only, so for half B too; "not found in the raw text": the measure's own miss, not a loss)
RAW_LOST = "raw page text, 15+ word paragraphs lost, by the segment that holds them"


def _share(claims: dict[str, int]) -> str:
    total = sum(claims.values())
    return f"{claims['leaked']}/{total} = {claims['leaked'] / max(total, 1):.1%}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fundus", required=True, metavar="GIT_DIR", help="a git directory of flairNLP/fundus")
    ap.add_argument("--base", metavar="TREE", help="a second code tree measured in the same run")
    ap.add_argument(
        "--list",
        choices=("changed", *FIELDS, "body", "leaks", "raw-body", "raw-leaks"),
        help="half A's pages whose value differs between the trees, or whose figure is not right",
    )
    ap.add_argument(
        "--raw",
        action="store_true",
        help="the same pages as raw page text too: fundus's paragraphs kept, claims leaked (a development pool)",
    )
    ap.add_argument("--tree", default=str(ROOT), help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    git_dir = Path(args.fundus)
    try:
        _git(git_dir, "rev-parse", f"HEAD:{TEST_DATA}")
    except (subprocess.CalledProcessError, FileNotFoundError):
        sys.exit(f"bench/ingest_fundus.py: no {TEST_DATA} in the git directory {git_dir}")
    t0 = time.process_time()
    if args.list in ("raw-body", "raw-leaks") and not args.raw:
        sys.exit(f"bench/ingest_fundus.py: --list {args.list} needs --raw")
    this = measure(git_dir, Path(args.tree), args.raw)
    if args.json:
        json.dump(this, sys.stdout)
        return 0
    cpu = time.process_time() - t0
    base: dict[str, dict[str, Any]] | None = None
    if args.base:
        child = subprocess.run(
            [sys.executable, __file__, "--fundus", str(git_dir), "--tree", args.base, "--json"]
            + (["--raw"] if args.raw else []),
            check=True,
            capture_output=True,
            text=True,
        )
        base = json.loads(child.stdout)
    commit = _git(git_dir, "rev-parse", "--short", "HEAD").decode().strip()
    left = sum(1 for p in this.values() if p["half"] in LABELLED_SPLITS)
    print(
        f"{len(this)} saved pages of fundus's parser tests ({git_dir} at {commit}); {left} pages of the"
        f" publishers of {' and '.join(LABELLED_SPLITS)} left out; this tree {args.tree} ({cpu:.0f} CPU s)"
    )
    for h in ("A", "B"):
        mine = counts(this, h)
        theirs = counts(base, h) if base else None
        n = sum(1 for p in this.values() if p["half"] == h)
        pubs = len({p["publisher"] for p in this.values() if p["half"] == h})
        print(
            f"\nhalf {h} ({'development' if h == 'A' else 'check: aggregate only'}), {n} pages of {pubs} publishers"
        )
        for field, c in mine.items():
            print(f"  {field} ({sum(c.values())}{' pages' if field in FIELDS else ''})")
            other = theirs.get(field, {}) if theirs else {}
            keys = list(c) + sorted(set(other) - set(c)) if field == RAW_LOST else list(c)
            if field == RAW_LOST:
                keys.sort(key=lambda k: -c.get(k, 0))
            for k in keys:
                print(f"    {k:<40}{c.get(k, 0):>5}" + (f"   base {other.get(k, 0):>5}" if theirs else ""))
        raw = mine.get(RAW_CLAIMS)
        if raw is not None:
            line = f"  raw page text leakage: {_share(raw)}"
            if theirs:
                line += f"; base {_share(theirs[RAW_CLAIMS])}"
            print(line)
    if args.list:
        print(f"\nhalf A, {args.list} (fundus | this tree | base):")
        for name, p in this.items():
            if p["half"] != "A":
                continue
            b = base.get(name) if base else None
            if args.list == "changed":
                for f in ("title", "authors", "date", "language", "outlet", "kept", "claims"):
                    if b is not None and p[f] != b[f]:
                        print(f"  {name} {f}: {p[f]!r} | {b[f]!r}")
            elif args.list == "body":
                for para in p["lost_paras"]:
                    print(f"  {name}: {para!r}")
            elif args.list == "leaks":
                for leak in p["leaks"]:
                    print(f"  {name}: {leak!r}")
            elif args.list in ("raw-body", "raw-leaks"):
                for line in p.get("raw_lost_paras" if args.list == "raw-body" else "raw_leaks", []):
                    print(f"  {name}: {line!r}")
            else:
                k = kinds_of(p)[args.list]
                if k and k not in ("right", "the publisher's name", "names the publisher"):
                    gold = {
                        "title": p["gold_title"],
                        "authors": p["gold_authors"],
                        "date": p["gold_date"],
                        "language": p["gold_languages"],
                        "outlet": f"{p['publisher']} ({p['domain']})",
                    }[args.list]
                    print(
                        f"  {name} [{k}]: {gold!r} | {p[args.list]!r}" + (f" | {b[args.list]!r}" if b else "")
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
