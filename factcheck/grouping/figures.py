"""Figures in a claim, normalised so that two reports of one fact compare: "60%" = "60 per cent" = "60",
"1,200 jobs" = "1.200 Stellen"'s 1200 (in a language with a decimal comma), "3,4 Prozent" = "3.4%".

How a language writes figures is data: ``factcheck/lang/<code>/figures.toml`` (percent words, decimal comma).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.grouping.words import _stem
from factcheck.lang import resource as lang_resource

_FALLBACK = "en"
# a figure: digits with thousands groups ("1,200", "1.200", "1 256") and a decimal part ("3.4", "3,4")
_FIGURE = re.compile(
    r"(?<![\w.,])\d{1,3}(?:(?:[,.]|[ \u00a0\u202f])\d{3})+(?:[.,]\d+)?(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])"
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@dataclass(frozen=True, slots=True)
class Figure:
    value: str  # normalised: "1200", "3.4"
    unit: str  # "%", the word after the figure ("job"), or ""
    text: str  # as written


_NEXT = re.compile(r"\s*([^\W\d_]+)")


@functools.cache
def _conventions(lang: str | None) -> tuple[re.Pattern[str], bool]:
    """What follows a figure that makes it a percentage, and whether the language writes a decimal comma."""
    data = lang_resource(lang, "figures") if lang else {}
    if not data:
        data = lang_resource(_FALLBACK, "figures")
    words = sorted((re.escape(w.lower()) for w in data.get("percent", ())), key=len, reverse=True)
    percent = re.compile(r"\s*(?:%|(?:{})\b)".format("|".join(words)) if words else r"\s*%")
    return percent, bool(data.get("decimal_comma", False))


def normalise(raw: str, decimal_comma: bool) -> str:
    """The value of a written figure as a plain decimal string: "1,200" -> "1200", "3,4" (decimal comma)
    -> "3.4", "1 256" -> "1256", "3.40" -> "3.4"."""
    s = re.sub(r"[ \u00a0\u202f]", "", raw)
    dec, group = (",", ".") if decimal_comma else (".", ",")
    whole, _, frac = s.rpartition(dec) if dec in s else (s, "", "")
    whole = whole.replace(group, "").lstrip("0") or "0"
    frac = frac.rstrip("0")
    return f"{whole}.{frac}" if frac else whole


def figures(
    text: str,
    lang: str | None = None,
    skip: Sequence[tuple[int, int]] = (),
    stop: frozenset[str] = frozenset(),
) -> list[Figure]:
    """The figures of ``text`` (not years, not inside the ``skip`` spans such as time expressions), each with
    its unit: "%" for a percentage (sign or the language's percent words), else the next word unless it is
    a stop word, else ""."""
    percent, decimal_comma = _conventions(lang)
    out = []
    for m in _FIGURE.finditer(text):
        if any(s <= m.start() < e for s, e in skip) or _YEAR.fullmatch(m.group(0)):
            continue
        rest = text[m.end() : m.end() + 40].lower()
        unit = ""
        if percent.match(rest):
            unit = "%"
        else:
            nxt = _NEXT.match(rest)
            if nxt and nxt.group(1) not in stop and len(nxt.group(1)) > 1:
                unit = _stem(nxt.group(1))
        out.append(Figure(normalise(m.group(0), decimal_comma), unit, m.group(0)))
    return out


def disagree(a: Sequence[Figure], b: Sequence[Figure]) -> tuple[Figure, Figure] | None:
    """Two figures of the same unit that differ, when the two reports share no value at all ("60%" and
    "60" agree: a bare figure is the same value whatever the other's unit); None when they agree."""
    values_a, values_b = {f.value for f in a}, {f.value for f in b}
    if values_a & values_b:
        return None
    for fa in a:
        for fb in b:
            if fa.unit and fa.unit == fb.unit and fa.value != fb.value:
                return fa, fb
    return None


@functools.cache
def _age_patterns(lang: str | None) -> tuple[re.Pattern[str], ...]:
    """How the language states a person's age (``lang/<code>/ages.toml``; English for an unknown language,
    none for a language without the file)."""
    data = lang_resource(lang or _FALLBACK, "ages")
    return tuple(re.compile(p) for p in data.get("patterns", ()))


@functools.lru_cache(maxsize=1 << 18)
def ages(text: str, lang: str | None = None) -> frozenset[str]:
    """The ages of people that ``text`` states ("a 36-year-old climber", "Robert Buckley, 32,"), as written
    figures ("36", "32"). Cached: grouping asks once per claim pair."""
    return frozenset(m.group(1) for pat in _age_patterns(lang) for m in pat.finditer(text))
