"""Stance and polarity of a sentence in languages other than English, from cue patterns as data.

English keeps its tuned rules (``factcheck.stance``). Every other language with a
``factcheck/lang/<code>/stance.toml`` is read here: its patterns (Python regular expressions on the
lower-cased sentence) name the cues of each stance. Unconfirmed and denied always win; otherwise the
earliest cue decides, at the same position in the order hypothetical, expected, planned, occurred; a
planned or expected event whose attribution verb announces it is ``announced``. A negation within a few
words before or after the cue makes the polarity -1; a denied event is -1. No cue: ``stated``.
A kind's ``<kind>_cased`` patterns (``occurred_cased``) run on the sentence as written, not lower-cased: where
a language's capitals tell nouns from verbs (German: "sind mit Balken versehen" is a participle, "sind die
Behörden" a noun), a cue of that kind at the same place as a lower-cased one.
"""

from __future__ import annotations

import functools
import re

from factcheck.lang import resource
from factcheck.model import Stance

_ORDER = (
    ("hypothetical", Stance.HYPOTHETICAL),
    ("expected", Stance.EXPECTED),
    ("planned", Stance.PLANNED),
    ("occurred", Stance.OCCURRED),
)


_RANK = {stance: rank for rank, (_, stance) in enumerate(_ORDER)}  # an earlier kind wins at the same place


class _Cues:
    def __init__(self, patterns: dict[str, list[str]]) -> None:
        def one(name: str) -> re.Pattern[str] | None:
            pats = patterns.get(name, [])
            return re.compile("|".join(f"(?:{p})" for p in pats)) if pats else None

        self.unconfirmed = one("unconfirmed")
        self.denied = one("denied")
        self.kinds = [(stance, rx) for name, stance in _ORDER if (rx := one(name)) is not None]
        # (the sentence as written: the text ``classify`` is given, not its lower-cased copy)
        self.cased = [(stance, rx) for name, stance in _ORDER if (rx := one(f"{name}_cased")) is not None]
        self.negation = one("negation")


@functools.cache
def _cues(lang: str) -> _Cues | None:
    data = resource(lang, "stance")
    return _Cues(data["patterns"]) if data.get("patterns") else None


def supported(lang: str | None) -> bool:
    return bool(lang) and lang != "en" and _cues(str(lang)) is not None


def classify(text: str, lang: str, *, announce: bool = False) -> tuple[Stance, int]:
    """Stance and polarity of ``text`` (already masked by the caller) in language ``lang``."""
    cues = _cues(lang)
    if cues is None:
        return Stance.STATED, 1
    low = text.lower()
    if cues.unconfirmed is not None and cues.unconfirmed.search(low):
        return Stance.UNCONFIRMED, 1
    if cues.denied is not None and cues.denied.search(low):
        return Stance.DENIED, -1
    best: tuple[int, int, Stance, re.Match[str]] | None = None
    for kinds, written in ((cues.kinds, low), (cues.cased, text)):
        for stance, rx in kinds:
            rank = _RANK[stance]
            m = rx.search(written)
            if m is not None and (best is None or (m.start(), rank) < (best[0], best[1])):
                best = (m.start(), rank, stance, m)
    if best is None:
        return Stance.STATED, 1
    stance, m = best[2], best[3]
    if announce and stance in (Stance.PLANNED, Stance.EXPECTED):
        stance = Stance.ANNOUNCED
    negated = cues.negation is not None and (
        cues.negation.search(low, max(0, m.start() - 25), m.start()) is not None
        or cues.negation.search(low[m.start() : m.end() + 25]) is not None
    )
    return stance, -1 if negated else 1


__all__ = ["classify", "supported"]
