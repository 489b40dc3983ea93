"""What a change of the speakers in other languages (factcheck/attribution_intl.py, factcheck/lang/*/speech.toml)
changes on unlabelled pages: every shown claim whose speaker differs between two code trees, to be judged by
reading.

The pages are those of bench/times_intl_diff.py: half A of the trafilatura evaluation pages (``--extra``,
default /work/trafi_extra; sha1("extra:" + file) % 2 == 0: half B is never opened here) in German, French,
Spanish or Portuguese, but the pages of the labelled splits. Each text is extracted once (trafilatura) and its
claims by each tree in a process of its own (``PYTHONPATH=TREE``), so only the code differs. Each line gives the
language, the page, the speaker of OLD_TREE -> that of NEW_TREE, and the claim with the text before it; the last
lines count the changes per language, and the claims with a speaker in each tree.

    python bench/speakers_intl_diff.py OLD_TREE [NEW_TREE] [--extra DIR] [--lang de ...]

NEW_TREE defaults to this checkout.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from times_intl_diff import both_trees  # noqa: E402  (the same pages, each tree in its own process)

_WORKER = """
import datetime as dt, json, sys
from factcheck import extract, ingest
pages = json.load(open(sys.argv[1], encoding="utf-8"))
out = []
for p in pages:
    art = ingest.article_from_text(p["text"], path=p["file"], key=p["file"])
    art.language, art.published = p["lang"], dt.date.fromisoformat(p["date"])
    out.append([[c.start, c.end, c.speaker or "", c.speaker_kind or ""] for c in extract.extract(art)])
json.dump(out, sys.stdout)
"""


def main() -> int:
    todo, old, new = both_trees(__doc__.split("\n\n")[0], _WORKER)
    changes: Counter[str] = Counter()
    with_speaker: dict[str, Counter[str]] = {"old": Counter(), "new": Counter()}
    for page, a, b in zip(todo, old, new, strict=True):
        with_speaker["old"][page["lang"]] += sum(1 for c in a if c[2])
        with_speaker["new"][page["lang"]] += sum(1 for c in b if c[2])
        before = {(s, e): (sp, kind) for s, e, sp, kind in a}
        for s, e, sp, kind in b:
            was = before.get((s, e))
            if was is None or was == (sp, kind):
                continue
            text = page["text"]
            context = " ".join(text[max(0, s - 300) : s].split())
            claim = " ".join(text[s:e].split())
            print(
                f"{page['lang']} {page['file'][:40]}: {was[0] or '-'} ({was[1] or '-'}) -> {sp or '-'} "
                f"({kind or '-'})\n    before: ...{context}\n    claim: {claim[:300]}"
            )
            changes[page["lang"]] += 1
    print(f"pages: {dict(Counter(p['lang'] for p in todo))}")
    print(f"changed speakers per language: {dict(changes)}")
    print(f"claims with a speaker: old {dict(with_speaker['old'])}, new {dict(with_speaker['new'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
