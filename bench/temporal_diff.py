"""What a change of the temporal engine changes on real English text no annotator has labelled: every expression
that one tree finds and the other does not (or reads otherwise), on ECB+ news, the English pages of
realworld-dev and the English trafilatura evaluation pages of half A (``bench/ingest.py``'s split), leaving
out every text a held-out split of the real-article fixture was cut from (``extract_quality.HELD_OUT``: fresh,
dev6h, dev7h, dev8h, dev9h, dev11h, dev12h, dev13h, dev14h, dev15h, dev16h), so that their sentences are never
listed here.

    python bench/temporal_diff.py OLD_TREE [NEW_TREE] [--extra DIR]

NEW_TREE defaults to this checkout. Each tree tags the same texts in a process of its own
(FACTCHECK_ENGINE_ROOT, as ``bench/temporal.py --beside``). Lines start with "-" (only OLD_TREE finds it) or "+"
(only NEW_TREE), with the text around the expression; the last line counts them. Data: FACTCHECK_DATA (ECB+
and realworld-dev), ``--extra`` the folder of the trafilatura pages (html/ and evaldata_extra.json; default
/work/trafi_extra). A page counts as English when common English words make up a share of its words.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
_ENGLISH = re.compile(r"\b(?:the|and|of|to|was|said|is|in)\b")


def _fresh_pages() -> set[str]:
    """The saved pages of the fixture's fresh split (tests/fixtures/realworld/make_fresh.py): left out."""
    src = (HERE.parent / "tests" / "fixtures" / "realworld" / "make_fresh.py").read_text(encoding="utf-8")
    return set(re.findall(r'^\s*"([^"]+\.html)":', src, re.M))


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


@functools.cache
def held_out_windows() -> tuple[str, ...]:
    """Runs of 12 words from each article of the fixture's held-out splits: a text holding one is left out."""
    import tomllib

    sys.path.insert(0, str(HERE))
    from extract_quality import HELD_OUT, REALWORLD

    labels = tomllib.loads((REALWORLD / "labels.toml").read_text(encoding="utf-8"))
    out = []
    for art in labels["article"]:
        if art["split"] not in HELD_OUT:
            continue
        rec = json.loads((REALWORLD / "articles" / art["file"]).read_text(encoding="utf-8"))
        for para in sorted(rec["text"].split("\n"), key=len, reverse=True)[:3]:
            words = _words(para).split()
            if len(words) >= 12:
                out.append(" ".join(words[:12]))
    return tuple(out)


def half(file: str) -> str:
    """The trafilatura page's half, as ``bench/ingest.py`` splits them (half B: aggregate only)."""
    return "A" if int(hashlib.sha1(f"extra:{file}".encode()).hexdigest(), 16) % 2 == 0 else "B"


def _english(text: str) -> bool:
    words = len(text.split())
    return words > 50 and len(_ENGLISH.findall(text)) > 0.12 * words


def texts(data: Path, extra: Path) -> list[dict[str, str | None]]:
    """(id, date, text) of every English text with its publication date (ECB+: none)."""
    out: list[dict[str, str | None]] = []
    for f in sorted((data / "realworld-dev" / "json").glob("*.json")):
        rec = json.loads(f.read_text(encoding="utf-8"))
        if rec.get("date") and _english(rec.get("text") or ""):
            out.append({"id": f"realworld:{f.name}", "date": rec["date"][:10], "text": rec["text"]})
    meta_file = extra / "evaldata_extra.json"
    if meta_file.is_file():
        import trafilatura

        fresh = _fresh_pages()
        for meta in json.loads(meta_file.read_text(encoding="utf-8")).values():
            if meta["file"] in fresh or half(meta["file"]) == "B" or not meta.get("date"):
                continue
            html = (extra / "html" / meta["file"]).read_text(encoding="utf-8", errors="replace")
            text = trafilatura.extract(html) or ""
            if _english(text):
                out.append({"id": f"trafilatura:{meta['file']}", "date": meta["date"][:10], "text": text})
    sys.path.insert(0, str(HERE))
    from temporal import join_tokens  # bench/temporal.py

    for f in sorted((data / "ecbplus-dev" / "docs").glob("*/*.xml")):
        sentences: dict[int, list[ET.Element]] = {}
        for tok in ET.parse(f).getroot().iter("token"):
            sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok)
        # each sentence a line, its tokens joined as written ("8:30 p.m.", "U.S.", no space before a comma)
        text = "\n".join(join_tokens(toks, title_sentence="")[0] for _n, toks in sorted(sentences.items()))
        out.append({"id": f"ecbplus:{f.name}", "date": None, "text": text})
    return [t for t in out if not held_out(str(t["text"]))]


def held_out(text: str) -> bool:
    """Whether ``text`` holds a run of words of a held-out fixture article."""
    words = _words(text)
    return any(w in words for w in held_out_windows())


def readings(texts: list[dict[str, str | None]]) -> list[set[tuple[int, int, str, str]]]:
    """In this process: the expressions (start, end, type, value) the engine reads in each text."""
    from factcheck.temporal import engine

    out = []
    for t in texts:
        anchor = dt.date.fromisoformat(t["date"]) if t["date"] else None
        out.append({(r.start, r.end, r.type, r.value) for r in engine.tag(str(t["text"]), anchor)})
    return out


def tag_all(corpus: Path) -> None:
    """In the child process: tag every text of ``corpus`` (JSON lines) and print the expressions as JSON."""
    from factcheck.temporal import tag

    found = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        anchor = dt.date.fromisoformat(d["date"]) if d["date"] else None
        found[d["id"]] = [[t.start, t.end, t.text, t.type, t.value, t.mod] for t in tag(d["text"], anchor)]
    print(json.dumps(found))


def run_tree(tree: Path, corpus: Path) -> dict[str, list[list[object]]]:
    env = {**os.environ, "FACTCHECK_ENGINE_ROOT": str(tree.resolve())}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--tag", str(corpus)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    result: dict[str, list[list[object]]] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("old", nargs="?", type=Path, help="the checkout to compare with (e.g. /tmp/base9)")
    ap.add_argument("new", nargs="?", type=Path, default=HERE.parent, help="default: this checkout")
    ap.add_argument("--extra", type=Path, default=Path("/work/trafi_extra"), help="the trafilatura pages")
    ap.add_argument("--tag", type=Path, help=argparse.SUPPRESS)  # the child process's part
    args = ap.parse_args(argv)
    if args.tag:
        sys.path.insert(0, os.environ.get("FACTCHECK_ENGINE_ROOT") or str(HERE.parent))
        tag_all(args.tag)
        return 0
    if args.old is None:
        ap.error("give the checkout to compare with")
    data = Path(os.environ.get("FACTCHECK_DATA") or HERE.parent.parent / "shared" / "data")
    docs = texts(data, args.extra)
    corpus = Path(os.environ.get("TMPDIR", "/tmp")) / f"temporal_diff_{os.getpid()}.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    try:
        old, new = run_tree(args.old, corpus), run_tree(args.new, corpus)
    finally:
        corpus.unlink()
    by_id = {str(d["id"]): str(d["text"]) for d in docs}
    changed = 0
    for doc_id, text in by_id.items():
        a, b = {tuple(x) for x in old[doc_id]}, {tuple(x) for x in new[doc_id]}
        for sign, only in (("-", a - b), ("+", b - a)):
            for st, end, phrase, typ, value, mod in sorted(only, key=lambda x: (int(str(x[0])), str(x))):
                around = text[max(0, int(str(st)) - 60) : int(str(end)) + 30].replace("\n", " ")
                print(f"{sign} {doc_id} {phrase!r} {typ} {value} {mod or ''} | {around}")
                changed += 1
    total = sum(len(v) for v in old.values())
    print(f"{changed} expressions changed of {total} ({len(docs)} English texts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
