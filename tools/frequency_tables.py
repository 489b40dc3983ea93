"""Write ``factcheck/lang/<code>/frequency.toml``: background word frequencies for grouping, from wordfreq.

    pip install wordfreq==3.1.1 && python tools/frequency_tables.py

wordfreq (Robyn Speer; code Apache-2.0, data CC BY-SA 4.0) combines Wikipedia, subtitles, news, books, web
text and more per language. Grouping weighs a claim's words by how rare they are in the language (a word's
weight does not depend on what else is in the batch, so groups can be updated one article at a time). The
tables keep the words of Zipf frequency >= ``CUT`` (at least one per million words), folded as grouping folds
its tokens (lower case, plural endings), in buckets of 0.1 Zipf; a word not in the table is rarer than that.
Run once per wordfreq release; the output is data, reviewed like any other resource.
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.grouping.words import _WORD, _stem  # noqa: E402

CUT = 3.0
EXAMPLES = {  # (more common, rarer) pairs the table must order so; run as tests
    "en": [["people", "police"], ["police", "supermarket"], ["fire", "earthquake"]],
    "de": [["leute", "polizei"], ["polizei", "supermarkt"], ["feuer", "erdbeben"]],
    "fr": [["gens", "police"], ["police", "supermarché"], ["feu", "séisme"]],
    "es": [["gente", "policía"], ["policía", "supermercado"], ["fuego", "terremoto"]],
    "pt": [["pessoas", "polícia"], ["polícia", "supermercado"], ["fogo", "terremoto"]],
}


def main() -> int:
    import wordfreq

    for lang in sorted(EXAMPLES):
        best: dict[str, float] = {}
        for word, freq in wordfreq.get_frequency_dict(lang).items():
            zipf = round(math.log10(freq * 1e9), 1)
            if zipf < CUT:
                continue
            if not _WORD.fullmatch(word) or word.isdigit() or len(word) < 2:
                continue
            key = _stem(word)
            best[key] = max(best.get(key, 0.0), zipf)
        buckets: dict[float, list[str]] = defaultdict(list)
        for word, zipf in best.items():
            buckets[zipf].append(word)
        lines = [
            f"# Background word frequencies of '{lang}' for grouping (factcheck/grouping/words.py): words of Zipf",
            f"# frequency >= {CUT} (log10 of uses per billion words), folded as grouping folds tokens, by bucket.",
            "# Derived from wordfreq 3.1.1 (https://github.com/rspeer/wordfreq, data CC BY-SA 4.0, by Robyn Speer",
            "# and contributors) with tools/frequency_tables.py; do not edit by hand. A word not listed is rarer.",
            "# The examples run as tests: each pair is (more common, rarer).",
            "",
            f"cut = {CUT}",
            "examples = [" + ", ".join(f'["{a}", "{b}"]' for a, b in EXAMPLES[lang]) + "]",
            "",
            "[zipf]",
        ]
        for zipf in sorted(buckets, reverse=True):
            lines.append(f'"{zipf:.1f}" = "{" ".join(sorted(buckets[zipf]))}"')
        out = ROOT / "factcheck" / "lang" / lang / "frequency.toml"
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{out.relative_to(ROOT)}: {len(best)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
