"""Titles, authors and outlets of saved web pages: the product's metadata of each page against trafilatura's
evaluation.

Data: a folder in trafilatura's evaluation format (``DIR/html/*.html`` and ``DIR/evaldata_extra.json`` or
``DIR/evaldata.json``: url -> {file, title, author, ...}), such as the lead's export of trafilatura's
evaluation pages (/work/trafi_extra, outside the repo). Each page is read as ``factcheck`` reads a saved
``.html`` file, with no cache. Halves as in ``bench/ingest_dates.py`` (sha1("extra:" + file) % 2): half A may
be studied, half B is the clean figure, aggregate only.

What "right" means (the evaluation was written by hand from the rendered page, the product reads markup):
- **title**: equal after a normalisation that removes what rendering changes and a reader does not see as a
  different title: Unicode NFKC and HTML entities, case (a headline set in capitals by the page's style),
  quotation marks of any kind dropped ("„Titel“" and "\"Titel\"" and "« Titre »"), dashes made one, runs of
  white space one space, punctuation at either end dropped. A wrong title is further told apart as "the
  site's name kept" (the evaluation's title is a part of ours, ours longer by a part after or before a
  separator: "Headline - Site"), "cut short" (ours is a part of the evaluation's), or "other".
- **authors**: the same set of name words (NFKC, case folded, words of letters and figures; the joining words
  "and", "und", "et", "y", "&" and the separators not counted): the evaluation writes several authors in one
  string ("A, B & C"), the product a list; words, not a split, are compared so that neither side's splitting
  decides. "partly" shares a word, "wrong" none; "given where the evaluation has none" (a placeholder, a
  site, a menu label... or an author the evaluation left out) is counted apart, as is "missing".
- **outlet** (the evaluation gives none): right when the outlet names the host of the page's URL (the
  original's, for a web archive's copy): the squashed outlet (letters and figures, case folded) is part of
  the host's labels without "www" and the public suffix ("zeit" for zeit.de), or the host's own label is
  part of the outlet ("ZEIT ONLINE"), or the outlet's initials are it ("Neue Zürcher Zeitung" for nzz.ch).
  "the host itself" is the readable domain the product falls back to; "another name" names no part of the
  host: a site name the host does not spell (right or not: judge by reading) or a slogan, menu label,
  headline; pages the evaluation gives no URL for are not counted.

``--base TREE`` measures a second code tree in a child process in the same run. ``--list KIND`` prints half
A's pages (never half B's) whose value differs between the trees (``changed``) or whose figure is a kind
(``title``, ``authors``, ``outlet``: the pages not right).

    FACTCHECK_DATA=... python bench/ingest_meta.py --extra /work/trafi_extra [--base /tmp/base18c] [--list changed]
"""

from __future__ import annotations

import argparse
import html as htmllib
import json
import os
import re
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_dates import half, trees_measured  # (the same split as the dates' bench, the same runs)

ROOT = Path(__file__).resolve().parents[1]

TITLE_KINDS = ("right", "the site's name kept", "cut short", "other", "missing", "given where none")
AUTHOR_KINDS = ("right", "partly", "wrong", "missing", "given where the evaluation has none")
OUTLET_KINDS = ("names the host", "the host itself", "another name", "none")

_QUOTES = re.compile(r"[\"'`´„“”‟«»‹›‚‘’‛〝〞＂]")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_JOINERS = frozenset({"and", "und", "et", "y", "e", "i", "en", "og", "och"})
# the public suffixes that take two labels ("bbc.co.uk"), read as one
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "or", "ne", "gv"})
_ARCHIVE = re.compile(r"^https?://(?:web\.)?archive\.org/web/\d+[a-z_]*/+(?:https?:/+)?(?P<rest>.+)$", re.I)


def norm_title(s: str) -> str:
    s = unicodedata.normalize("NFKC", htmllib.unescape(s))
    s = _DASHES.sub("-", _QUOTES.sub("", s))
    s = " ".join(s.casefold().split())
    return s.strip(" .,;:!?-|·•*")


def title_kind(gold: str, got: str) -> str:
    if not gold:
        return "given where none" if got else ""
    if not got:
        return "missing"
    g, o = norm_title(gold), norm_title(got)
    if g == o:
        return "right"
    if g and g in o:
        return "the site's name kept"
    if o and o in g:
        return "cut short"
    return "other"


def name_words(s: str) -> set[str]:
    s = unicodedata.normalize("NFKC", htmllib.unescape(s)).casefold()
    return {w for w in re.findall(r"\w+", s) if w not in _JOINERS}


def author_kind(gold: str, got: list[str]) -> str:
    g, o = name_words(gold), name_words(" ; ".join(got))
    if not g:
        return "given where the evaluation has none" if o else ""
    if not o:
        return "missing"
    if g == o:
        return "right"
    return "partly" if g & o else "wrong"


def _squash(s: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", s).casefold())


def host_labels(url: str) -> list[str]:
    """The host's labels without "www" and the public suffix: ["zeit"], ["de", "globalvoices"]."""
    m = _ARCHIVE.match(url)
    if m:
        url = "http://" + m["rest"]
    host = (urlsplit(url).hostname or "").lower()
    labels = [x for x in host.split(".") if x]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        labels = labels[:-2]
    else:
        labels = labels[:-1]
    return [x for x in labels if x not in ("www", "m", "amp")]


def outlet_kind(url: str, outlet: str) -> str:
    labels = host_labels(url) if url.startswith("http") else []
    if not labels:
        return ""
    if not outlet:
        return "none"
    key = _squash("".join(labels))
    main = _squash(labels[-1])
    o = _squash(outlet)
    if "." in outlet and " " not in outlet.strip() and _squash(outlet.split("/")[0]).startswith(key):
        return "the host itself"
    initials = "".join(w[0] for w in re.findall(r"\w+", unicodedata.normalize("NFKC", outlet).casefold()))
    if o and (o in key or (len(main) >= 3 and main in o) or initials == main):
        return "names the host"
    return "another name"


def measure(folder: Path, tree: Path) -> dict[str, dict[str, object]]:
    sys.path.insert(0, str(tree))
    os.environ["FACTCHECK_NO_CACHE"] = "1"
    from factcheck import ingest

    meta = folder / "evaldata_extra.json"
    evaldata = json.loads((meta if meta.is_file() else folder / "evaldata.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, object]] = {}
    for url, entry in sorted(evaldata.items(), key=lambda e: e[1]["file"]):
        page = folder / "html" / entry["file"]
        if not page.is_file():
            continue
        batch = ingest.load([page])
        art = batch.articles[0] if batch.articles else None
        out[entry["file"]] = {
            "half": half(entry["file"]),
            "url": url,
            "gold_title": str(entry.get("title") or ""),
            "gold_author": str(entry.get("author") or ""),
            "title": (art.title or "") if art else "",
            "authors": list(art.authors) if art else [],
            "outlet": (art.outlet or "") if art else "",
        }
    return out


def kinds_of(p: dict[str, object]) -> dict[str, str]:
    return {
        "title": title_kind(str(p["gold_title"]), str(p["title"])),
        "authors": author_kind(str(p["gold_author"]), list(p["authors"])),  # type: ignore[call-overload]
        "outlet": outlet_kind(str(p["url"]), str(p["outlet"])),
    }


def counts(pages: dict[str, dict[str, object]], h: str) -> dict[str, dict[str, int]]:
    c = {
        "title": dict.fromkeys(TITLE_KINDS, 0),
        "authors": dict.fromkeys(AUTHOR_KINDS, 0),
        "outlet": dict.fromkeys(OUTLET_KINDS, 0),
    }
    for p in pages.values():
        if p["half"] != h:
            continue
        for field, k in kinds_of(p).items():
            if k:
                c[field][k] += 1
    return c


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extra", required=True, metavar="DIR", help="html/ and evaldata_extra.json")
    ap.add_argument("--base", metavar="TREE", help="a second code tree measured in the same run")
    ap.add_argument(
        "--list",
        choices=("changed", "title", "authors", "outlet"),
        help="half A's pages whose value differs between the trees, or whose field is not right",
    )
    ap.add_argument("--tree", default=str(ROOT), help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    folder = Path(args.extra)
    if not (folder / "html").is_dir():
        sys.exit(f"bench/ingest_meta.py: no html/ folder in {folder}")
    got = trees_measured(__file__, folder, args, measure)
    if got is None:
        return 0
    this, base, cpu = got
    print(f"metadata of {len(this)} saved pages ({folder}); this tree {args.tree} ({cpu:.0f} CPU s)")
    for h in ("A", "B"):
        mine = counts(this, h)
        theirs = counts(base, h) if base else None
        n = sum(1 for p in this.values() if p["half"] == h)
        print(f"\nhalf {h} ({'development' if h == 'A' else 'clean: aggregate only'}), {n} pages")
        for field, c in mine.items():
            print(f"  {field} ({sum(c.values())} pages)")
            for k, v in c.items():
                print(f"    {k:<40}{v:>5}" + (f"   base {theirs[field][k]:>5}" if theirs else ""))
    if args.list:
        print(f"\nhalf A, {args.list} (evaluation | this tree | base):")
        for name, p in this.items():
            if p["half"] != "A":
                continue
            b = base.get(name) if base else None
            if args.list == "changed":
                if b is None or all(p[f] == b[f] for f in ("title", "authors", "outlet")):
                    continue
                for f in ("title", "authors", "outlet"):
                    if p[f] != b[f]:
                        gold = p["gold_title"] if f == "title" else p["gold_author"] if f == "authors" else ""
                        print(f"  {name} {f}: {gold!r} | {p[f]!r} | {b[f]!r}")
            else:
                k = kinds_of(p)[args.list]
                if k and k not in ("right", "names the host"):
                    gold = {"title": p["gold_title"], "authors": p["gold_author"], "outlet": p["url"]}[
                        args.list
                    ]
                    print(
                        f"  {name} [{k}]: {gold!r} | {p[args.list]!r}" + (f" | {b[args.list]!r}" if b else "")
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
