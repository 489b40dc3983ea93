"""What a change of the tagger for other languages (factcheck/times_intl.py, factcheck/lang/*/dates.toml) changes on
unlabelled pages: every expression that one tree finds and the other does not (or reads otherwise).

The pages are half A of the trafilatura evaluation pages (``--extra``, default /work/trafi_extra;
sha1("extra:" + file) % 2 == 0: half B is the clean set of bench/ingest.py and bench/stream.py and is never
opened here) whose text is in a language with a dates.toml (py3langid on the first 2,000 characters), but the
pages of the labelled splits of tests/fixtures/realworld (their ``source``). Each text is extracted once
(trafilatura, as the fixtures' make scripts do) and tagged by each tree in a process of its own
(``PYTHONPATH=TREE``) against the page's date (evaldata_extra.json), so only the tagger differs. Lines start
with "-" (only OLD_TREE has it) or "+" (only NEW_TREE), with the language, the page and the text around the
expression; the last lines count the changes per language, and the expressions each tree finds.

    python bench/times_intl_diff.py OLD_TREE [NEW_TREE] [--extra DIR] [--lang de ...]

NEW_TREE defaults to this checkout.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGS = ("de", "fr", "es", "pt")

_WORKER = """
import datetime as dt, json, sys
from factcheck import times_intl
pages = json.load(open(sys.argv[1], encoding="utf-8"))
out = []
for p in pages:
    anchor = dt.date.fromisoformat(p["date"]) if p["date"] else None
    out.append([[t.start, t.end, t.type, t.value] for t in times_intl.tag(p["text"], anchor, p["lang"])])
json.dump(out, sys.stdout)
"""


def _labelled_sources() -> set[str]:
    return {
        json.loads(p.read_text(encoding="utf-8")).get("source") or ""
        for p in (HERE.parent / "tests" / "fixtures" / "realworld" / "articles").glob("*.json")
    }


def pages(extra: Path, langs: tuple[str, ...]) -> list[dict]:
    import py3langid
    import trafilatura

    meta = json.loads((extra / "evaldata_extra.json").read_text(encoding="utf-8"))
    skip = _labelled_sources()
    out = []
    for url, m in sorted(meta.items(), key=lambda kv: kv[1]["file"]):
        name = m["file"]
        if int(hashlib.sha1(("extra:" + name).encode()).hexdigest(), 16) % 2 or url in skip:
            continue
        html = (extra / "html" / name).read_text(encoding="utf-8", errors="replace")
        text = trafilatura.extract(html, url=url) or ""
        lang = py3langid.classify(text[:2000])[0] if text else ""
        date = m.get("date") or ""
        if lang in langs and re.fullmatch(
            r"\d{4}-(?:0\d|1[0-2])-\d\d", date
        ):  # (one record writes 2022-29-11)
            out.append({"file": name, "lang": lang, "date": date, "text": text})
    return out


def results(tree: Path, worker: str, batch: Path) -> list[list[list]]:
    """What ``worker`` (a script reading the pages' JSON file named by its argument) prints, run on ``tree``."""
    got = subprocess.run(
        [sys.executable, "-c", worker, str(batch)],
        env={"PYTHONPATH": str(tree.resolve()), "PATH": "/usr/bin:/bin"},
        cwd=tree.resolve(),  # ("python -c" puts the working directory first on the path)
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(got)


def both_trees(description: str, worker: str) -> tuple[list[dict], list[list[list]], list[list[list]]]:
    """The command line's pages, and the results of ``worker`` on them in OLD_TREE and in NEW_TREE."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path, nargs="?", default=HERE.parent)
    ap.add_argument("--extra", type=Path, default=Path("/work/trafi_extra"))
    ap.add_argument("--lang", action="append", choices=LANGS)
    args = ap.parse_args()
    todo = pages(args.extra, tuple(args.lang or LANGS))
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        json.dump(todo, fh)
    batch = Path(fh.name)
    try:
        return todo, results(args.old, worker, batch), results(args.new, worker, batch)
    finally:
        batch.unlink()


def main() -> int:
    todo, old, new = both_trees(__doc__.split("\n\n")[0], _WORKER)
    changes: Counter[str] = Counter()
    found: dict[str, Counter[str]] = {"old": Counter(), "new": Counter()}
    for page, a, b in zip(todo, old, new, strict=True):
        found["old"][page["lang"]] += len(a)
        found["new"][page["lang"]] += len(b)
        sa, sb = {tuple(x) for x in a}, {tuple(x) for x in b}
        for sign, only in (("-", sa - sb), ("+", sb - sa)):
            for s, e, typ, value in sorted(only):
                text = page["text"]
                around = " ".join(text[max(0, s - 60) : e + 30].split())
                print(
                    f"{sign} {page['lang']} {page['file'][:40]} {page['date']} [{text[s:e]}] {typ} {value} | {around}"
                )
                changes[page["lang"]] += 1
    print(f"pages: {Counter(p['lang'] for p in todo)}")
    print(f"changed lines per language: {dict(changes)}")
    print(f"expressions found: old {dict(found['old'])}, new {dict(found['new'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
