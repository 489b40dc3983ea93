"""Sentence segmentation for scraped news text, with exact character offsets.

Robust to abbreviations ("Mr.", "Feb. 24", "U.S.", "St. Petersburg"), initials ("J. K. Rowling"),
decimals, quotations that close after the full stop, and headlines/datelines with no full stop
(a line break ends a sentence).

A quotation of several sentences is split at its sentence ends like any other text ('"We are ready. We will
win," he said.' is two sentences): a fact-checker judges each sentence of it on its own, and
``extract`` gives each the quotation's speaker.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.lang import resource

ABBREVIATIONS = frozenset(resource("en", "sentences")["abbreviations"])
# Abbreviations that usually end a sentence when followed by a capitalised word.
_SENTENCE_FINAL_ABBR = frozenset(resource("en", "sentences")["sentence_final"])


@dataclass(frozen=True, slots=True)
class _Rules:
    """A language's exceptions (factcheck/lang/<code>/sentences.toml)."""

    abbreviations: frozenset[str]
    sentence_final: frozenset[str]
    common_starters: frozenset[str]
    ordinal_before: frozenset[str]  # lower case: "am 30. Januar", "im 19. Jahrhundert"
    ordinal_after: frozenset[str]  # lower case: "im 1. Stockwerk" (a number after "im" is an ordinal)


@functools.cache
def _rules(lang: str | None) -> _Rules | None:
    """None for English (the module's own sets) and for a language without a sentences.toml."""
    if not lang or lang == "en":
        return None
    data = resource(lang, "sentences")
    if not data:
        return None
    ordinals = [*data.get("ordinal_before", [])]
    if ordinals:  # the language's months count too ("am 30. Januar")
        ordinals += list(resource(lang, "dates").get("months", {}))
    return _Rules(
        frozenset(w.lower().rstrip(".") for w in data.get("abbreviations", [])),
        frozenset(w.lower() for w in data.get("sentence_final", [])),
        frozenset(data.get("common_starters", [])),
        frozenset(w.lower() for w in ordinals),
        frozenset(w.lower() for w in data.get("ordinal_after", [])),
    )


# ([.!?…][.!?…]* rather than [.!?…]+: a pattern that opens with a character class, not a repeat, lets the
# scan jump to the candidate characters instead of trying a match at every position)
# a footnote mark after the full stop ("is being restored.* This latest ...") closes the sentence like a quote
# (and the full stops of Chinese and Japanese: their sentence inside an English paragraph ends there)
# closing quotation marks: English ” ’, German “ ‘ (after „ ‚) and « (after »), French » after a space
_BOUNDARY = re.compile(r"""([.!?…。！？][.!?…。！？]*)((?:["'”’“‘»«)\]*†‡」』]|[ \u00a0\u202f]»)*)(\s+)""")
# the letters of scripts without case (Chinese, Japanese, Korean) open a sentence as a capital does
_CASELESS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
# (wire copy opens a quotation with two backquotes: ``We will win,'' he said)
_NEXT_START = re.compile(rf"""["'“‘«(\[「『`]*[A-Z0-9¿¡{_CASELESS}]""")
# in other languages a sentence may open with a Latin-1 capital ("Él", "Über", "À"), a French
# quotation with a space ("« Nous") or a German one („Aber", »Wir)
_NEXT_START_INTL = re.compile(rf"""(?:["'“‘«„‚»(\[「『`]|«\s)*[A-Z0-9¿¡À-ÖØ-Þ{_CASELESS}]""")


def _token_before(text: str, i: int) -> str:
    """The word ending just before position i (the dot at i excluded)."""
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    return text[j:i]


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str] = ABBREVIATIONS) -> bool:
    word = _token_before(text, dot)
    low = word.lower().rstrip(".")
    if not low:
        return False
    if low in abbreviations:
        return True
    if len(low) == 1 and low.isalpha():  # an initial: "J. K. Rowling", "George W. Bush"
        # (not a unit after a figure: "a warming of 2.4°C. This October ...", "rose to 5 °C. Then ...")
        before = text[dot - 2] if dot >= 2 else " "
        return not (before == "°" or before.isdigit())
    # acronyms with dots: "U.S.", "N.A.T.O."
    return _DOTTED.fullmatch(low) is not None


_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")
_NEXT_WORD = re.compile(r"[\"“]*(\w+)")


_LINE = re.compile(r"[^\n]+")


def split_spans(
    text: str, start: int = 0, end: int | None = None, lang: str | None = None
) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence in text[start:end], trimmed of surrounding space.

    ``lang``: the text's language; its ``sentences.toml`` (abbreviations, ordinals) replaces English's."""
    yield from spans(text, start, end, lang)


def spans(
    text: str, start: int = 0, end: int | None = None, lang: str | None = None
) -> list[tuple[int, int]]:
    """``split_spans`` as a list (no generator per line and per sentence)."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    rules = _rules(lang)
    if text.find("\n", start, end) < 0:  # one line (most body segments are one paragraph): no scan for lines
        if start < end:
            _split_line(text, start, end, out, rules)
        return out
    # A line break always ends a sentence (headlines, datelines, list items, paragraphs).
    for line in _LINE.finditer(text, start, end):
        _split_line(text, line.start(), line.end(), out, rules)
    return out


def _split_line(text: str, ls: int, le: int, out: list[tuple[int, int]], rules: _Rules | None = None) -> None:
    seg_start = ls
    for m in _BOUNDARY.finditer(text, ls, le):
        punct_end = m.end(1)
        close_end = m.end(2)
        nxt = m.end(3)
        if nxt >= le:
            break
        if not (_NEXT_START if rules is None else _NEXT_START_INTL).match(text, nxt):
            continue  # next word lower-case: "…reports", "p.m. on", "e.g. the"
        punct = m.group(1)
        if punct == "." and not m.group(2):
            dot = punct_end - 1
            if rules is None:
                if _is_abbreviation(text, dot):
                    word = _token_before(text, dot).lower().rstrip(".")
                    nxt_word = _NEXT_WORD.match(text, nxt, le)
                    # "in the U.S. The ..." ends a sentence; "U.S. President" does not.
                    if not (
                        word in _SENTENCE_FINAL_ABBR and nxt_word and nxt_word.group(1) in _COMMON_STARTERS
                    ):
                        continue
            elif _not_an_end(text, dot, nxt, le, rules):
                continue
        _trim(text, seg_start, close_end, out)
        seg_start = nxt
    _trim(text, seg_start, le, out)


_COMMON_STARTERS = frozenset(resource("en", "sentences")["common_starters"])


def _not_an_end(text: str, dot: int, nxt: int, le: int, rules: _Rules) -> bool:
    """The full stop at ``dot`` ends no sentence, by a language's rules."""
    word = _token_before(text, dot)
    nxt_word = _NEXT_WORD.match(text, nxt, le)
    if word.isdigit() and len(word) <= 3 and nxt_word and nxt_word.group(1).lower() in rules.ordinal_before:
        return True  # an ordinal: "am 30. Januar", "im 19. Jahrhundert"
    if (
        word.isdigit()
        and len(word) <= 3
        and rules.ordinal_after
        and nxt_word
        and nxt_word.group(1)[:1].isupper()
    ):
        k = dot - len(word)
        while k > 0 and text[k - 1] == " ":
            k -= 1
        if _token_before(text, k).lower() in rules.ordinal_after:
            return True  # "im 1. Stockwerk", "zum 3. Mal": a number after such a word is an ordinal
    if not _is_abbreviation(text, dot, rules.abbreviations):
        return False
    low = word.lower().rstrip(".")
    return not (low in rules.sentence_final and nxt_word and nxt_word.group(1) in rules.common_starters)


def _trim(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    if e <= s:
        return
    if text[s].isspace() or text[e - 1].isspace():  # (rarely: sentences start and end on a word)
        seg = text[s:e]
        body = seg.strip()  # str.strip() drops exactly the characters for which isspace() is true
        if not body:
            return
        s += len(seg) - len(seg.lstrip())
        e = s + len(body)
    out.append((s, e))


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]
