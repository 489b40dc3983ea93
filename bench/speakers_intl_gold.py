"""Speakers on unseen pages in German, Spanish, French and Portuguese, against hand labels: who speaks in
sentences that look attributed, on half A of the trafilatura evaluation pages.

The labels (bench/speakers_intl_gold.toml) were drawn and written before the extractor's speakers were looked
at. Drawing (round 24, seed 24): the half-A pages (``/work/trafi_extra``, sha1("extra:" + file) % 2 == 0; half B
is never opened) in those languages, but the pages of the labelled splits, cut into sentences at a full stop
before a capital; a sentence is a candidate when it holds a quotation mark or a speech cue of a short hand list
per language (German: sagte, erklärte, laut, zufolge, ", so der" ...; only pages with three such cues or more),
at most 2 candidates a German page, 6 a Spanish one; 80 German, 60 Spanish and every French and Portuguese
candidate drawn. Each was labelled by reading the page around it: the source whose words the sentence reports
(its name as the page writes it, a role or a group when the page names none; alternatives split by "|"), or
"-" for the writer's own voice; sentences whose source the page leaves unclear were left out. The pages are
split in two halves (``half``: sha1("intl9:" + page) % 2): rules are written looking at "tune" only; "check"
is reported beside it.

Each page is extracted with trafilatura, and its claims (every claim, hidden ones too) by each tree in a
process of its own (``PYTHONPATH=TREE``). A labelled sentence's claim is the claim that overlaps it most. Per
language and half: attributed sentences (label not "-") whose claim's speaker is right (a label alternative and
the speaker hold one another, accents and case aside), wrong, missing (no speaker), or that have no claim; and
the writer's own sentences given a speaker (spurious). ``-v`` lists each attributed sentence that is not right
(tune half only).

    python bench/speakers_intl_gold.py [--beside TREE] [--extra DIR] [-v]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from times_intl_diff import results  # noqa: E402  (a worker run on a tree in a process of its own)

GOLD = HERE / "speakers_intl_gold.toml"

_WORKER = """
import datetime as dt, json, sys
from factcheck import extract, ingest
pages = json.load(open(sys.argv[1], encoding="utf-8"))
out = []
for p in pages:
    art = ingest.article_from_text(p["text"], path=p["file"], key=p["file"])
    art.language = p["lang"]
    art.published = dt.date.fromisoformat(p["date"]) if p["date"] else None
    out.append([[c.start, c.end, c.speaker or ""] for c in extract.extract(art, min_score=0.0)])
json.dump(out, sys.stdout)
"""


def fold(text: str) -> str:
    """Lower case without accents, for comparing names."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch)
    ).strip()


def right(label: str, speaker: str) -> bool:
    """The speaker names the labelled source: one holds the other (a surname alone, a name with its title)."""
    got = fold(speaker)
    return any(alt and (alt in got or (len(got) >= 3 and got in alt)) for alt in map(fold, label.split("|")))


def pages(extra: Path, names: set[str], langs: dict[str, str]) -> list[dict]:
    import trafilatura

    meta = json.loads((extra / "evaldata_extra.json").read_text(encoding="utf-8"))
    out = []
    for url, m in sorted(meta.items(), key=lambda kv: kv[1]["file"]):
        name = m["file"]
        if name not in names:
            continue
        assert int(hashlib.sha1(("extra:" + name).encode()).hexdigest(), 16) % 2 == 0  # half A only
        html = (extra / "html" / name).read_text(encoding="utf-8", errors="replace")
        date = m.get("date") or ""
        ok = len(date) == 10 and date[4] == "-" and date[5:7] <= "12"
        out.append(
            {
                "file": name,
                "lang": langs[name],
                "date": date if ok else "",
                "text": trafilatura.extract(html, url=url) or "",
            }
        )
    return out


def score(
    gold: list[dict], todo: list[dict], claims: list[list[list]], verbose: bool
) -> dict[tuple, Counter]:
    by_page = {p["file"]: (p, c) for p, c in zip(todo, claims, strict=True)}
    counts: dict[tuple, Counter] = {}
    for g in gold:
        page, found = by_page[g["page"]]
        start = page["text"].find(g["anchor"])
        if start < 0:
            raise SystemExit(f"anchor not found: {g['page']}: {g['anchor']}")
        end = start + g["length"]
        best, overlap = None, 0
        for s, e, sp in found:
            o = min(e, end) - max(s, start)
            if o > overlap:
                best, overlap = sp, o
        c = counts.setdefault((g["lang"], g["half"]), Counter())
        if g["speaker"] == "-":
            c["own"] += 1
            c["spurious"] += bool(best)
            continue
        c["attributed"] += 1
        kind = (
            "noclaim"
            if best is None
            else "missing"
            if not best
            else "right"
            if right(g["speaker"], best)
            else "wrong"
        )
        c[kind] += 1
        if verbose and kind != "right" and g["half"] == "tune":
            print(
                f"  {g['lang']} {kind}: label {g['speaker']!r}, got {best!r} | {g['page'][:32]} | {g['anchor']}"
            )
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--beside", type=Path, help="a code tree to measure in the same run (e.g. the base)")
    ap.add_argument("--extra", type=Path, default=Path("/work/trafi_extra"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    gold = tomllib.loads(GOLD.read_text(encoding="utf-8"))["sentence"]
    todo = pages(args.extra, {g["page"] for g in gold}, {g["page"]: g["lang"] for g in gold})
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as fh:
        json.dump(todo, fh)
    batch = Path(fh.name)
    trees = [("this", HERE.parent)] + ([("beside", args.beside)] if args.beside else [])
    try:
        table = {}
        for name, tree in trees:
            if args.verbose:
                print(f"{name} ({tree}):")
            table[name] = score(gold, todo, results(tree, _WORKER, batch), args.verbose)
    finally:
        batch.unlink()
    print(f"{len(gold)} labelled sentences on {len(todo)} half-A pages")
    print("lang half   tree    right/attributed  wrong missing noclaim  spurious/own")
    total: dict[str, Counter] = {name: Counter() for name in table}
    for key in sorted(table["this"]):
        for name in table:
            c = table[name][key]
            total[name].update(c)
            print(
                f"{key[0]:4} {key[1]:6} {name:7} {c['right']:3}/{c['attributed']:<3} ({c['right'] / max(1, c['attributed']):.2f})"
                f"  {c['wrong']:5} {c['missing']:7} {c['noclaim']:7}  {c['spurious']:4}/{c['own']}"
            )
    for name, c in total.items():
        print(
            f"all         {name:7} {c['right']:3}/{c['attributed']:<3} ({c['right'] / max(1, c['attributed']):.2f})"
            f"  {c['wrong']:5} {c['missing']:7} {c['noclaim']:7}  {c['spurious']:4}/{c['own']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
