"""The kinds of news event a claim names (an arrest, a trial, a death, a hiring...), from the per-language
vocabulary ``factcheck/lang/<code>/events.toml``, matched on Snowball stems (PyStemmer).

Two claims of one story that both name events, all of different kinds, tell of different events of the
story: "Driver charged in fatal Queens crash" names both the crash and the charge and may join either,
"Raj Chohan was walking along 117th Street when she was struck and killed" (an incident) and "Police arrested
the driver a few blocks away" (an arrest) do not join. The kinds depend on the claim's text and language
alone, never on the rest of the batch.
"""

from __future__ import annotations

import functools
import re

import Stemmer

from factcheck.lang import resource as lang_resource

_FALLBACK = "en"  # a text of unknown language is read as English (as its stop words are)
_SNOWBALL = {"en": "english", "de": "german", "es": "spanish", "fr": "french", "pt": "portuguese"}
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _stemmer(lang: str) -> Stemmer.Stemmer | None:
    name = _SNOWBALL.get(lang)
    return Stemmer.Stemmer(name) if name else None


def _stems(text: str, stemmer: Stemmer.Stemmer) -> list[str]:
    return list(stemmer.stemWords(_WORD.findall(text.lower())))


@functools.cache
def _vocabulary(
    lang: str,
) -> tuple[dict[str, frozenset[str]], dict[tuple[str, ...], frozenset[str]], frozenset[str]]:
    """The language's event words (stem -> kinds), phrases (stems -> kinds) and the stems a phrase is matched
    without (``inserted``: "checked herself into" is "checked into"); empty without a table or a stemmer."""
    stemmer = _stemmer(lang)
    data = lang_resource(lang, "events") if stemmer else {}
    words: dict[str, set[str]] = {}
    phrases: dict[tuple[str, ...], set[str]] = {}
    inserted = (
        frozenset(s for w in data.get("inserted", []) for s in _stems(w, stemmer)) if stemmer else frozenset()
    )
    for kind, entries in data.get("kinds", {}).items():
        for entry in entries:
            assert stemmer is not None
            stems = tuple(s for s in _stems(entry, stemmer) if s not in inserted)
            if len(stems) == 1:
                words.setdefault(stems[0], set()).add(kind)
            elif stems:
                phrases.setdefault(stems, set()).add(kind)
    return (
        {k: frozenset(v) for k, v in words.items()},
        {k: frozenset(v) for k, v in phrases.items()},
        inserted,
    )


def event_kinds(text: str, lang: str | None) -> frozenset[str]:
    """The kinds of event ``text`` names (``events.toml`` of its language; English when unknown; none in a
    language without a table)."""
    code = lang or _FALLBACK
    stemmer = _stemmer(code)
    if stemmer is None:
        return frozenset()
    words, phrases, inserted = _vocabulary(code)
    if not words and not phrases:
        return frozenset()
    stems = _stems(text, stemmer)
    found: set[str] = set()
    for s in stems:
        found.update(words.get(s, ()))
    if phrases:
        if inserted:
            stems = [s for s in stems if s not in inserted]
        longest = max(map(len, phrases))
        for i in range(len(stems)):
            for n in range(2, longest + 1):
                found.update(phrases.get(tuple(stems[i : i + n]), ()))
    return frozenset(found)


def different_events(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two claims tell of different events: each names an event, and no kind is named by both."""
    return bool(a) and bool(b) and not (a & b)
