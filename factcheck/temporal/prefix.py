"""Modifier prefixes ("mid-", "the end of", "about", "nearly") that extend a found expression leftwards."""

from __future__ import annotations

import re

from factcheck.model import TimeRef
from factcheck.temporal.rules_relative import _DUR_MOD
from factcheck.temporal.vocab import _AGO_POINT_VALUE, _SPACES, _VOCAB, _may_end_in

# --------------------------------------------------------------------------------------------
# Modifier prefixes: "mid-April", "the second half of May", "early next year", "about two years"
# --------------------------------------------------------------------------------------------

_PREFIX_MOD_RE = re.compile(
    r"(?i:(?:\b(?:the\s+|in\s+the\s+)?(?P<pos>beginning|start|end|middle|close|first\s+half|second\s+half|"
    r"latter\s+half|last\s+half|first\s+part|latter\s+part|early\s+part|later\s+part)\s+of\s+(?:the\s+)?)"
    r"|(?:\b(?P<el>early|mid|late)(?:\s+|-))|(?:\bmid-?))$"
)
_PREFIX_DURQ_RE = re.compile(
    r"(?i:\b(?:the\s+)?(?:(?:past|last|next|first|coming|previous|latest|final|following|remaining|same|"
    r"year-earlier|initial|further|additional|another|other)\s+)?)$"
)
_PREFIX_DUR_RE = re.compile(
    r"(?i:\b(?P<q>about|around|some|roughly|approximately|nearly|almost|more\s+than|over|less\s+than|"
    r"fewer\s+than|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than)\s+)$"
)
_LAST_AS_VERB = re.compile(
    r"(?i:\b(?:to|will|would|could|can|may|might|must|should|shall|did|does|do|not|n['’]t|['’]ll)\s+last\s+)$"
)
_DURING_PERIOD = re.compile(r"(?i:(?:the|these|those|this|that|its|their|as)\s)")  # "over as many days"
_POS_MOD: dict[str, str] = dict(_VOCAB["position_modifiers"])
_PART_SUFFIXES = tuple(f"T{code}" for code in _VOCAB["parts_of_day"].values())


def _may_end_durq(before: str) -> bool:
    """Whether ``_PREFIX_DURQ_RE`` can match at the end of ``before`` and move the start: its non-empty
    matches end in "the" or a qualifier and whitespace (the empty one, at a word boundary at the end,
    leaves the span as it is). A final newline (before which ``$`` matches too) runs the search."""
    return before.endswith("\n") or _may_end_in(before, _DURQ_WORDS)


def _may_end_dur(before: str) -> bool:
    """Whether ``_PREFIX_DUR_RE`` can match at the end of ``before``: one of its words followed by
    whitespace only (as in :func:`_may_end_durq`)."""
    return before.endswith("\n") or _may_end_in(before, _DUR_WORDS)


def _may_end_mod(before: str) -> bool:
    """Whether ``_PREFIX_MOD_RE`` can match at the end of ``before``: its matches end in "of", "the",
    "early", "mid" or "late" and whitespace, in "early-", "mid-" or "late-", or in "mid" (a cheap test
    before the regex search, as in :func:`_may_end_durq`)."""
    if before.endswith("\n"):
        return True
    c = before[-1:]
    if c.isspace():
        words: tuple[str, ...] = ("of", "the", "early", "mid", "late")
        tail = before.rstrip()[-5:]
    elif c == "-":
        words = ("early", "mid", "late")
        tail = before[-6:-1]
    else:
        words = ("mid",)
        tail = before[-3:]
    return not tail.isascii() or tail.lower().endswith(words)


_DURQ_WORDS = tuple(
    """the past last next first coming previous latest final following remaining same year-earlier
    initial further additional another other""".split()
)
_DUR_WORDS = tuple(
    "about around some roughly approximately nearly almost than over under least most to".split()
)


def _extend_prefix(text: str, ref: TimeRef) -> TimeRef:
    before = text[max(0, ref.start - 40) : ref.start]
    if ref.type == "DURATION":
        # "the past two months", "the first nine months". Every non-empty match ends in
        # whitespace; the empty one (the word boundary at the end) would leave the span as it is
        mq = _PREFIX_DURQ_RE.search(before) if _may_end_durq(before) else None
        if mq and _LAST_AS_VERB.search(before, 0, mq.end()):
            mq = None  # "expected to last three to four weeks": the verb, no part of the duration
        if mq:
            start = ref.start - (len(before) - mq.start())
            ref = TimeRef(start, ref.end, text[start : ref.end], ref.type, ref.value, ref.mod)
            before = text[max(0, ref.start - 40) : ref.start]
    if ref.type == "DURATION" or (
        # "ago" first: the value's regex is read only for the few dates written with it ("five years ago"); a week
        # or a month back takes its prefix as a year or a day does ("more than three weeks ago", "nearly two
        # months ago")
        ref.type == "DATE" and " ago" in ref.text and _AGO_POINT_VALUE.match(ref.value)
    ):
        mm = _PREFIX_DUR_RE.search(before) if _may_end_dur(before) else None
        if mm and mm["q"].lower() in ("over", "under") and _DURING_PERIOD.match(ref.text):
            # "over the past ten years", "over the next four years": "over" means during, not more than
            return ref
        if mm:
            start = ref.start - (len(before) - mm.start())
            return TimeRef(
                start,
                ref.end,
                text[start : ref.end],
                ref.type,
                ref.value,
                _DUR_MOD[_SPACES.sub(" ", mm["q"].lower())],
            )
        return ref
    # a part of a day takes its position words too: "early Friday morning", "late Thursday night"
    part_of_day = ref.type == "TIME" and ref.value.endswith(_PART_SUFFIXES)
    if (ref.type != "DATE" and not part_of_day) or ref.mod is not None or ref.value.endswith("_REF"):
        return ref
    mm = _PREFIX_MOD_RE.search(before) if _may_end_mod(before) else None
    if not mm:
        return ref
    key = mm["pos"] or mm["el"] or "mid"
    key = _SPACES.sub(" ", key.lower())
    mod = _POS_MOD.get(key)
    if mod is None:
        return ref
    start = ref.start - (len(before) - mm.start())
    return TimeRef(start, ref.end, text[start : ref.end], ref.type, ref.value, mod)
