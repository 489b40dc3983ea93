"""Write ``factcheck/lang/<code>/first_names.toml`` (de, fr, es): given names, the evidence that a capitalised
phrase starting with one is a person's name (factcheck/entities.py).

    pip download --no-deps faker==40.54.0 && python tools/first_names.py faker-40.54.0-py3-none-any.whl

Source: the person providers of Faker (MIT licence, https://github.com/joke2k/faker), the first names of each
locale of the language (male, female and unisex), taken from the wheel without installing it. English given
names (lang/en/given_names.toml) are read beside these. Run once; the output is data, reviewed like any other.
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


def _names(provider: type) -> set[str]:
    out: set[str] = set()
    for attr in ("first_names_male", "first_names_female", "first_names_nonbinary", "first_names"):
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
            names: set[str] = set()
            for loc in locales:
                names |= _names(importlib.import_module(f"faker.providers.person.{loc}").Provider)
            words = sorted(n for n in names if n.isalpha() and n[:1].isupper())
            lines = [
                f"# Given names of {lang} (factcheck/entities.py: a capitalised phrase that starts with one is a person's",
                f"# name). Written by tools/first_names.py from {wheel.name}, locales {', '.join(locales)}",
                "# (Faker, MIT licence). Do not edit by hand.",
                "",
                "names = [",
            ]
            row = "   "
            for w in words:
                if len(row) + len(w) + 4 > 115:
                    lines.append(row)
                    row = "   "
                row += f' "{w}",'
            lines += [row, "]", ""]
            (ROOT / "factcheck" / "lang" / lang / "first_names.toml").write_text("\n".join(lines), encoding="utf-8")
            print(lang, len(words))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
