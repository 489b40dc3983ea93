"""Words of a claim for grouping: tokens of any script, stop words and negation words per language (data:
``factcheck/lang/<code>/stopwords.toml``), plural endings folded."""

from __future__ import annotations

import functools
import re

from factcheck.lang import resource as lang_resource

_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script; apostrophes and hyphens split words
_STOP_KINDS = ("function", "reporting", "calendar")
_FALLBACK = "en"  # the stop words of a text whose language is unknown or has none of its own


@functools.cache
def stopwords(lang: str | None) -> frozenset[str]:
    """The words of ``factcheck/lang/<lang>/stopwords.toml`` (English when the language has none)."""
    data = lang_resource(lang, "stopwords") if lang else {}
    if not data:
        data = lang_resource(_FALLBACK, "stopwords")
    return frozenset(w for kind in _STOP_KINDS for w in data.get(kind, ()))


@functools.cache
def _negation(lang: str | None) -> re.Pattern[str]:
    """Words that turn a claim into its denial ("never raised"), from the language's stopwords.toml."""
    data = lang_resource(lang, "stopwords") if lang else {}
    words = data.get("negation") or lang_resource(_FALLBACK, "stopwords").get("negation", ())
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.I)


def _stem(t: str) -> str:
    if len(t) > 4 and t.endswith("ies"):
        return t[:-3] + "y"
    if len(t) > 4 and t.endswith("s") and not t.endswith("ss"):
        return t[:-1]
    return t


def _content_tokens(text: str, lang: str | None = None) -> list[str]:
    """The words of ``text`` that can tell one event from another: not stop words of its language, not
    single letters, not bare figures; plural endings folded ("visits" -> "visit")."""
    stop = stopwords(lang)
    return [_stem(t) for t in _WORD.findall(text.lower()) if len(t) > 1 and t not in stop and not t.isdigit()]


@functools.cache
def _zipf(lang: str | None) -> dict[str, float]:
    """Word -> Zipf frequency in the language (``factcheck/lang/<lang>/frequency.toml``; {} when the language
    has none; English's when the language is unknown, as for stop words)."""
    data = lang_resource(lang or _FALLBACK, "frequency")
    return {w: float(z) for z, words in data.get("zipf", {}).items() for w in words.split()}


@functools.cache
def _zipf_cut(lang: str | None) -> float:
    return float(lang_resource(lang or _FALLBACK, "frequency").get("cut", 3.0))


@functools.cache
def nouns_capitalised(lang: str | None) -> bool:
    """Whether the language writes its common nouns with a capital (German): the flag of its time data
    (``factcheck/lang/<lang>/dates.toml``)."""
    return bool(lang and lang_resource(lang, "dates").get("nouns_capitalised"))


def common_words(text: str, lang: str | None) -> tuple[bool, bool]:
    """Whether every word of ``text`` is a stop word (a function or calendar word: "Im", "Februar") or a
    common word of the language (listed in its frequency table: "Gespräch", "Recht"), folded as grouping
    folds tokens; and whether one of them is a function word ("im"). (False, False) in a language with no
    frequency table: nothing is known to be common there."""
    table = _zipf(lang) if lang else {}
    if not table:
        return False, False
    stop = stopwords(lang)
    words = [_stem(w) for w in _WORD.findall(text.lower())]
    common = bool(words) and all(w in stop or w in table for w in words)
    return common, common and any(w in _function_words(lang) for w in words)


@functools.cache
def _function_words(lang: str | None) -> frozenset[str]:
    data = lang_resource(lang, "stopwords") if lang else {}
    return frozenset(data.get("function", ()))


def rarity(token: str, lang: str | None, top: float) -> float:
    """How much a (folded) word tells, from how rare it is in its language: ``top`` minus its Zipf
    frequency, at least 1; a word rarer than the table's cut counts as half a point under the cut. The
    weight depends on the language only, never on the rest of the batch (so a batch's groups can be updated
    one article at a time). A language with no table weighs every word alike."""
    table = _zipf(lang)
    if not table:
        return 1.0
    z = table.get(token)
    return max(1.0, top - (z if z is not None else _zipf_cut(lang) - 0.5))
