"""Write ``factcheck/lang/de/nouns.toml``: German common nouns, from German text on this machine.

    python tools/german_nouns.py [--extra /work/trafi_extra]

German capitalises every noun, so a capitalised word says nothing of a name. A word is taken as a common noun
when the pages show it right after an article or a preposition fused with one ("der App", "des Jahres", "im
Gespräch", "am Rande"), or a possessive or quantifier ("Eure Tasse", "viele Leute"), possibly with one
inflected adjective between ("die neue App"), and before no other capitalised word (an adjective in a name:
"die Europäische Union"), in at least ``MIN_PAGES`` page: persons' names do not take an article in news
German, nouns nearly always do. Given names (lang/de/person_names.toml, lang/en/given_names.toml) are left
out, for a blog's "die Maria"; so are the words of the gazetteer (places, organisations, outlets) and the
places and institutions of lang/de/names.toml: those are names whatever article they take ("der Schweiz",
"die Alpen", "der Bundestag"). The pages are half A of the trafilatura evaluation pages in German (those of
bench/times_intl_diff.py; half B is never opened). Run once; the output is data, reviewed like any other.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

MIN_PAGES = 1
ARTICLES = (
    "der die das des dem den ein eine einer eines einem einen im am zum zur vom beim ins ans kein keine keinen "
    "keiner keinem dieser diese dieses diesem diesen jeder jede jedes jedem jeden mein meine meinen meinem "
    "meiner dein deine deinen deinem deiner sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser "
    "unsere unseren unserem unserer eure euren eurem eurer viele vielen einige einigen mehrere alle allen"
).split()
_AFTER_ARTICLE = re.compile(
    rf"\b(?:{'|'.join(ARTICLES)})\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?([A-ZÄÖÜ][a-zäöüß]{{2,}})\b(?![-’']|\s+[A-ZÄÖÜ])"
)


def main() -> int:
    from times_intl_diff import pages

    from factcheck.gazetteer import ORGS, OUTLETS, PLACES
    from factcheck.lang import resource

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extra", type=Path, default=Path("/work/trafi_extra"))
    args = ap.parse_args()
    seen: dict[str, set[str]] = defaultdict(set)
    todo = pages(args.extra, ("de",))
    for page in todo:
        for m in _AFTER_ARTICLE.finditer(page["text"]):
            seen[m.group(1)].add(page["file"])
    de = resource("de", "names")
    names = {*PLACES, *ORGS, *OUTLETS, *de["places"], *de["orgs"], *resource("de", "person_names")["given"]}
    names |= {n for table in resource("en", "given_names").values() for n in table}
    words = sorted(w for w, files in seen.items() if len(files) >= MIN_PAGES and w not in names)
    out = ROOT / "factcheck" / "lang" / "de" / "nouns.toml"
    lines = [
        "# German common nouns: a capitalised word listed here names no one by itself (factcheck/entities.py).",
        f"# Written by tools/german_nouns.py from {len(todo)} German pages (half A of the trafilatura evaluation",
        f"# pages): each word follows an article in at least {MIN_PAGES} of them (given names left out). Do not edit by hand.",
        "",
        "nouns = [",
    ]
    row = "   "
    for w in words:
        if len(row) + len(w) + 4 > 115:
            lines.append(row)
            row = "   "
        row += f' "{w}",'
    lines += [row, "]", ""]
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(words)} nouns from {len(todo)} pages -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
