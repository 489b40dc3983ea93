"""Write ``factcheck/lang/en/given_names.toml``: English given names whose bearers are clearly one sex.

    pip download names==0.3.0 --no-deps && tar xzf names-0.3.0.tar.gz && python tools/given_names.py names-0.3.0/names

The source is the US Census Bureau's list of frequently occurring first names of the 1990 census (a work of
the US government, in the public domain), as shipped in the ``names`` package (Trey Hunner, MIT licence):
``dist.male.first`` and ``dist.female.first`` give each name's share of the men (women) counted, in percent,
down to the names that make up 90% of each sex (0.004% of men, 0.001% of women). A name is kept for one sex
when at least ``MAJORITY`` of its bearers are of that sex, the two shares compared as counts (the census
counted about as many men as women); a name missing from the other sex's list is taken at that list's
smallest share, an upper bound, so that a name kept is kept in the worst case. Names of both lists without such
a majority ("Leslie", "Jamie", "Dana", "Casey", "Pat", "Morgan") are left out.
The output is data, reviewed like any other resource; run again only for a new source.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "factcheck" / "lang" / "en" / "given_names.toml"
MAJORITY = 0.75


def read(path: Path) -> dict[str, float]:
    """Name (as written in English text: "Mary") -> its share of the sex, in percent."""
    shares = {}
    for line in path.read_text(encoding="ascii").splitlines():
        if line.strip():
            name, share, _cumulative, _rank = line.split()
            shares[name.title()] = float(share)
    return shares


def split(men: dict[str, float], women: dict[str, float]) -> tuple[list[str], list[str]]:
    """(he, she): the names at least ``MAJORITY`` of whose bearers are men (women), each list sorted."""
    men_floor, women_floor = min(men.values()), min(women.values())
    he, she = [], []
    for name in set(men) | set(women):
        m, w = men.get(name), women.get(name)
        if m is not None and m / (m + (w if w is not None else women_floor)) >= MAJORITY:
            he.append(name)
        elif w is not None and w / (w + (m if m is not None else men_floor)) >= MAJORITY:
            she.append(name)
    return sorted(he), sorted(she)


def toml_list(names: list[str], per_line: int = 12) -> str:
    rows = [", ".join(f'"{n}"' for n in names[i : i + per_line]) for i in range(0, len(names), per_line)]
    return "[\n" + "".join(f"    {row},\n" for row in rows) + "]\n"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    folder = Path(sys.argv[1])
    he, she = split(read(folder / "dist.male.first"), read(folder / "dist.female.first"))
    header = f"""\
# English given names whose bearers are clearly one sex: the pronoun a "he" or "she" of an article most
# likely takes for a person named "<given name> <surname>" when the article itself says nothing (no "Mr."/"Ms.",
# no "his"/"her" after the name). Read by factcheck/extract.py for the first word of a name of two words or
# more, never for a name of one word ("Clinton", "Grant" are surnames as often).
# Source: the US Census Bureau's frequently occurring first names of the 1990 census (public domain), as
# shipped in the names 0.3.0 package (MIT). Procedure (tools/given_names.py; do not edit by hand): a name is
# kept for one sex when at least {MAJORITY:.0%} of its bearers are of that sex, the two sexes' shares compared as
# counts, a name missing from one list taken at that list's smallest share (an upper bound). {len(he)} names
# for "he", {len(she)} for "she"; the census's other names ("Leslie", "Jamie", "Dana", "Pat") are left out.
"""
    OUT.write_text(header + "\nhe = " + toml_list(he) + "\nshe = " + toml_list(she), encoding="utf-8")
    print(f"{OUT}: he {len(he)}, she {len(she)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
