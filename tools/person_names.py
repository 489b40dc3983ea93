"""Write ``factcheck/lang/<code>/person_names.toml`` (de, fr, es): given names and surnames, the evidence that
a capitalised phrase is a person's name (factcheck/entities.py: a given name first, or in French and Spanish a
surname last).

    pip download --no-deps faker==40.54.0 && python tools/person_names.py faker-40.54.0-py3-none-any.whl

Source: the person providers of Faker (MIT licence, https://github.com/joke2k/faker), the first names (male,
female and unisex) and last names of each locale of the language, taken from the wheel without installing it.
English given names (lang/en/given_names.toml) are read beside these. Run once; the output is data, reviewed
like any other.
"""

from __future__ import annotations

import importlib
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALES = {
    "de": ("de_DE", "de_AT", "de_CH"),
    "fr": ("fr_FR", "fr_CH", "fr_BE", "fr_CA"),
    "es": ("es_ES", "es_MX", "es_CO", "es_AR"),
}


GIVEN = ("first_names_male", "first_names_female", "first_names_nonbinary", "first_names")


def _names(provider: type, attrs: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for attr in attrs:
        value = provider.__dict__.get(attr)
        if isinstance(value, (list, tuple, dict)):
            out.update(value)
    return out


def main() -> int:
    wheel = Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        zipfile.ZipFile(wheel).extractall(tmp)
        sys.path.insert(0, tmp)
        for lang, locales in LOCALES.items():
            tables: dict[str, list[str]] = {}
            for key, attrs in (("given", GIVEN), ("surnames", ("last_names",))):
                names: set[str] = set()
                for loc in locales:
                    names |= _names(importlib.import_module(f"faker.providers.person.{loc}").Provider, attrs)
                tables[key] = sorted(n for n in names if n.isalpha() and n[:1].isupper())
            lines = [
                f"# Given names and surnames of {lang} (factcheck/entities.py: evidence that a capitalised phrase is",
                f"# a person's name). Written by tools/person_names.py from {wheel.name},",
                f"# locales {', '.join(locales)} (Faker, MIT licence). Do not edit by hand.",
            ]
            for key, words in tables.items():
                lines += ["", f"{key} = ["]
                row = "   "
                for w in words:
                    if len(row) + len(w) + 4 > 115:
                        lines.append(row)
                        row = "   "
                    row += f' "{w}",'
                lines += [row, "]"]
            out = ROOT / "factcheck" / "lang" / lang / "person_names.toml"
            out.write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(lang, {k: len(v) for k, v in tables.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
