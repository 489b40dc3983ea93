"""Stance (modality) and polarity of the event a sentence reports, by rule.

``classify(text, *, reported=False, announce=False, mask=())`` returns ``(Stance, polarity)``:

- ``unconfirmed``: "did not confirm nor deny", "declined to confirm", "could not be verified"
- ``denied``: "denied", "rejected reports", "ruled out", "has no plans to"
- ``hypothetical``: "might", "could", "may" (the modal), "if", "perhaps", "possibly", "would" (not in
  reported speech)
- ``expected``: "is expected to", "are anticipated to", "will likely", "is set to", "is due to"
- ``planned``: "will visit", "plans to", "scheduled", "slated to", "intention to", "being prepared"
- ``announced``: a planned/expected event whose attribution verb is "announced"/"confirmed"/"declared"
- ``occurred``: a past-tense or perfect event verb ("visited", "embarked", "has met", "did not visit")
- ``stated``: anything else (a position, a figure, a quotation with no event modality)

The earliest cue in the sentence wins (the main clause usually comes first), except that
unconfirmed/denied always win. ``mask`` holds spans (attribution words such as "said") to ignore.
Polarity is -1 when the chosen cue is negated ("did not visit", "will not attend", "never raised") or
the event is denied.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.gazetteer import trie_pattern
from factcheck.model import Stance

_UNCONFIRMED = re.compile(
    r"\b(?:(?:did|does|do|would|could|will)\s+not|didn[’']t|wouldn[’']t|won[’']t|declined\s+to|refused\s+to|"
    r"has\s+yet\s+to|have\s+yet\s+to|has\s+not|have\s+not)\s+(?:immediately\s+|officially\s+|publicly\s+)?"
    r"(?:confirm|comment|verify|disclose|disclosed|reveal|revealed)|\bneither\s+confirmed\s+nor\s+denied|\bnot\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:officially\s+|independently\s+)?(?:confirmed|verified)|\bunconfirmed\b|\bcould\s+not\s+be\s+"
    r"(?:independently\s+)?(?:verified|confirmed)|\bno\s+official\s+confirmation|\bunverified\b|\brumou?r(?:s|ed)\b",
)
_DENIED = re.compile(
    r"\b(?:den(?:ied|ies|y|ying)|refuted|rebuffed|disputed)\b|\b(?:rejected|dismissed)\s+(?:the\s+)?"
    r"(?:reports?|claims?|allegations?|accusations?|speculation|rumou?rs?|suggestions?)|\bruled\s+out\b|"
    r"\b(?:has|have|had)\s+no\s+plans?\b|\bno\s+plans?\s+to\b|\bfalse\s+(?:reports?|claims?)",
)
_HYPOTHETICAL = re.compile(
    r"\b(?:might|could|may|would)\b(?!\s+(?:not\s+)?(?:confirm|comment))|\bif\b|\b(?:perhaps|possibly|potentially|"
    r"conceivably|hypothetically|whether|unless)\b|\bpossible\b|"
    r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:considering|weighing|exploring|mulling|contemplating|studying)\b",
)
_EXPECTED = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:widely\s+|also\s+|now\s+)?(?:expected|anticipated|likely|poised|set|"
    r"due|tipped|predicted|forecast|projected)\s+to\b|\bwill\s+(?:likely|probably|reportedly)\b|\blikely\s+to\b|"
    r"\b(?:expects?|expecting|anticipates?|anticipating)\b|\bexpected\b|"
    r"\bwill\s+(?:not\s+)?be\s+(?!held\b|able\b|[a-z]+ed\b|[a-z]+en\b|in\b|at\b|on\b)[a-z]{3,}\b",
)
_PLANNED = re.compile(
    r"\b(?:will|shall)\b|\bwon[’']t\b|\bplan(?:s|ned|ning)?\s+to\b|\b(?:has|have|had)\s+(?:plans?|a\s+\w+\s+scheduled)\b|"
    r"\bplanned\b|\bscheduled\b|\bslated\b|\bintend(?:s|ed|ing)?\s+to\b|\bintention\b|\b(?:is|are)\s+to\s+\w+|"
    r"\bbeing\s+prepared\b|\bpreparing\s+(?:for|to)\b|\b(?:upcoming|forthcoming)\b|\bgoing\s+to\b|\bset\s+for\b|"
    r"\bto\s+be\s+held\b|\bon\s+the\s+agenda\b",
)
_IRREGULAR_PAST = (
    "met|held|went|came|took|made|gave|won|lost|rose|fell|left|began|saw|sent|led|spoke|flew|struck|broke|"
    "fought|sold|bought|paid|built|brought|caught|drove|ran|became|grew|found|kept|stood|sat|threw|stole|"
    "chose|drew|fled|hid|slid|sank|swore|tore|woke|wore|withdrew|overthrew|underwent|oversaw|arose|forgave|"
    "undertook|spent|lent|sought|taught|fed|dealt|felt|meant|heard|understood|got|shot|bit|froze"
)
# past participles count only after an auxiliary ("has risen", "was taken"), not as modifiers ("known as")
_PARTICIPLES = (
    "risen|fallen|grown|gone|taken|given|seen|begun|done|flown|spoken|broken|chosen|driven|known|shown|"
    "stolen|thrown|written|beaten|drawn|undergone|overseen|withdrawn|arisen|forgotten|come|become|run|put|"
    "cut|hit|set|let|spread|cost|shut|read|overcome|held|made|met|found|lost|won|sent|built|kept|left|paid|"
    "sold|struck|caught|brought|fought|sought|told|said|killed|been"
)
# same form in present and past: past unless a modal, "to" or "do" precedes ("Mitsotakis cut short his holiday")
_AMBIGUOUS_PAST = "cut|set|put|hit|let|shut|spread|cost|quit|beat"
_IRREGULAR_PAST_WORDS = _IRREGULAR_PAST.split("|")
_IRREGULAR_PAST = trie_pattern(_IRREGULAR_PAST_WORDS)
_PARTICIPLES = trie_pattern(_PARTICIPLES.split("|"))
_AUX_PART = (
    r"(?:has|have|had|was|were|been|be|being|is|are)\s+"
    r"(?:(?:also|already|now|not|never|yet|just|reportedly|since|still|recently|previously)\s+){0,2}"
)
_OCCURRED = re.compile(
    # "\b[a-z]{2,}(?:ed|ied)\b" written without backtracking: a whole lower-case word of 4+ letters ending in -ed
    rf"\b(?:did\s+not|didn[’']t|never)\s+[a-z]+\b|\b(?:{_IRREGULAR_PAST}|{_AMBIGUOUS_PAST})\b|\b(?=[a-z]{{4}})[a-z]++(?<=ed)\b|"
    rf"\b{_AUX_PART}(?:been\s+[a-z]+ing|{_PARTICIPLES})\b|\b(?:was|were)\s+(?:still\s+|also\s+)?[a-z]+ing\b",
)
_MODAL_BEFORE = frozenset("to will would could can may might must should shall did does do not n't".split())
# a present-tense copula in the main clause: a statement of fact or position ("X is ...", "Y remains ...")
_COPULA = re.compile(
    r"\b(?:is|are|remains|remain|has\s+no|have\s+no|cannot|can\s*not|can't|can’t)\b"
    r"(?!\s+(?:not\s+)?(?:\w+ly\s+)?(?:[a-z]+ed|(?!willing|ongoing|missing|leading|remaining|outstanding)[a-z]+ing|"
    r"set|due|to|likely|expected|about|poised|slated)\b)"
)
# -ed words that are not events (adjectives, modality words handled elsewhere, reporting verbs)
_NOT_EVENT_ED = frozenset(
    """expected planned scheduled alleged based related limited united advanced detailed concerned interested
    isolated rigged perceived so-called supposed unprecedented unlimited unrelated experienced skilled talented
    armed unarmed heated divided mixed balanced biased
    said reported added noted stated announced confirmed claimed declared insisted warned acknowledged admitted
    revealed disclosed stressed emphasised emphasized explained argued tweeted posted replied responded urged
    lauded praised commended criticised criticized condemned pledged vowed promised predicted estimated
    suggested asserted reiterated underlined highlighted mentioned recalled indicated signalled signaled
    informed assured remarked observed conceded quoted cited denied called dubbed termed need needed used red bed shed hundred
    anticipated dedicated sophisticated complicated crowded wicked naked rugged ragged beloved learned
    aged blessed cursed dogged""".split()
)
_DETERMINERS = frozenset(
    "the a an its his her their our your my this that these those of with for and or most more less very so too".split()
)
_AGENTS = frozenset(
    """he she they we i it government company defence defense campaign party team ministry bank union club council
    administration board firm group army military police court authorities officials""".split()
)
_NEG = re.compile(r"\b(?:not|never|no|n[’']t|no\s+longer)\b|n[’']t\b", re.I)
# _NEG opening with its first letter, so that the scan jumps to the n's instead of trying every position (with
# re.I only "n" and "N" match an n; the lookbehind is the \b before the n). Matches where _NEG matches.
_NEG_SCAN = re.compile(r"(?-i:[nN])(?:(?<!\w.)(?:ot|ever|o|[’']t|o\s+longer)\b|[’']t\b)", re.I)
_WORD_BEFORE = re.compile(r"([A-Za-z’'-]+)\W*$")
# _WORD_BEFORE starting where a run of its letters starts: the character class first, then a lookbehind
# for the character before it (see _word_search)
_WORD_AT_RUN = re.compile(r"([A-Za-z’'-](?<![A-Za-z’'-].)[A-Za-z’'-]*)\W*$")
_LETTER = re.compile(r"[A-Za-z]")


def _word_search(t: str, lo: int, pos: int) -> re.Match[str] | None:
    """``_WORD_BEFORE.search(t, lo, pos)``, without trying the pattern at every letter.

    The search returns the leftmost match. One that starts after ``lo`` starts a run of [A-Za-z’'-]: were the
    character before it in the class, a match would start there too. So: the match at ``lo``, else the
    leftmost from ``lo + 1`` on that starts a run.
    """
    m = _WORD_BEFORE.match(t, lo, pos)
    return m if m is not None else _WORD_AT_RUN.search(t, lo + 1, pos)


def _word_before(t: str, pos: int) -> re.Match[str] | None:
    """``_WORD_BEFORE.search(t, 0, pos)`` (the word before ``pos``), trying the last 48 characters first.

    The search from 0 tries every position of the sentence. A match in the window that starts after the
    window's first character and holds a letter is the same match: an earlier one would have to run
    through that letter, so it would also start at the window's first character.
    """
    if pos > 48:
        ws = pos - 48
        m = _word_search(t, ws, pos)
        if m is not None and m.start() > ws and _LETTER.search(m.group(1)) is not None:
            return m
    return _word_search(t, 0, pos)


_ANNOUNCE_VERBS = frozenset(
    {"announced", "announces", "confirmed", "confirms", "declared", "unveiled", "revealed"}
)


def _masked(text: str, mask: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> str:
    if not mask:
        return text
    n = len(text)
    spans = sorted((max(0, s), min(n, e)) for s, e in mask if min(n, e) > max(0, s))
    parts: list[str] = []
    pos = 0
    for s, e in spans:
        if e <= pos:
            continue
        s = max(s, pos)
        parts.append(text[pos:s])
        parts.append(" " * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _negated(text: str, s: int, e: int) -> bool:
    window = text[max(0, s - 16) : e + 6]
    return _NEG_SCAN.search(window) is not None


# all cues in one pattern: the earliest cue wins, and at the same position the order below decides
_CUES = re.compile(
    rf"(?P<h>{_HYPOTHETICAL.pattern})|(?P<e>(?i:{_EXPECTED.pattern}))|(?P<p>(?i:{_PLANNED.pattern}))|"
    rf"(?P<c>{_COPULA.pattern})|(?P<o>{_OCCURRED.pattern})"
)
# the same, run on the lower-cased sentence (faster than inline case-insensitive groups); matches on a
# capitalised word are then skipped for the case-sensitive cues ("May" the month, "Ahmed", "Is ...?")
# Every cue starts a word with a lower-case letter, so it is run on " " + the sentence with the character
# before the cue consumed: a pattern that starts with a character class lets the scan jump to candidate
# positions (the cue is the named group that matched, its offsets one more than in the sentence).
_CUES_LOWER = re.compile(
    rf"[^\w](?=[a-z])(?:(?P<h>{_HYPOTHETICAL.pattern})|(?P<e>{_EXPECTED.pattern})|(?P<p>{_PLANNED.pattern})|"
    rf"(?P<c>{_COPULA.pattern})|(?P<o>{_OCCURRED.pattern}))"
)
_NEG_OCCURRED = re.compile(r"(?:did\s+not|didn[’']t|never)\b", re.I)
_LEAD_NOT = re.compile(r"^\s+(?:not\s+)?")
_UNCONFIRMED_GATE = re.compile(r"confirm|comment|verif|rumo|unconfirm|disclos|reveal")
_DENIED_GATE = re.compile(r"den[iy]|refut|rebuff|disput|reject|dismiss|ruled|no plan|false")
# one scan for most sentences: the literals of both gates ("den[iy]" spelt out, "unconfirm" holds "confirm"),
# factored as a trie: at each candidate letter one alternative is tried instead of sixteen
_EITHER_GATE_WORDS = [
    *"confirm comment verif rumo disclos reveal deni deny refut rebuff disput reject dismiss ruled false".split(),
    "no plan",
]
_EITHER_GATE = re.compile(trie_pattern(_EITHER_GATE_WORDS))


# The first word (a run of a-z) of every cue of _CUES_LOWER: a cue can only start in front of a word of
# this set or of a word of four letters or more ending in -ed (the -ed branch of _OCCURRED).
_CUE_FIRST_WORDS = (
    frozenset(
        """might could may would if perhaps possibly potentially conceivably hypothetically whether unless
        possible is are was were be been being will likely expects expect expecting anticipates anticipate
        anticipating expected shall won plan plans planned planning has have had scheduled slated intend
        intends intended intending intention preparing upcoming forthcoming going set to on remains remain
        cannot can did didn never""".split()
    )
    | frozenset(_IRREGULAR_PAST_WORDS)
    | frozenset(_AMBIGUOUS_PAST.split("|"))
)
# where _CUES_LOWER can match (the same consumed character in front): a far cheaper scan than the cues
# ([^a-zA-Z0-9_] then the lookbehind is [^\w]: a bitmap test at every character, the Unicode word test only
# before a lower-case letter)
# "to" and "on" (common words) start only the cues "to be held" and "on the agenda": they are candidates
# only in front of those
_CUE_START = re.compile(
    r"[^a-zA-Z0-9_](?=[a-z])(?<!\w)(?:"
    + trie_pattern(_CUE_FIRST_WORDS - {"to", "on"})
    + r"(?![a-z])|to(?=\s+be\s+held\b)|on(?=\s+the\s+agenda\b)|(?=[a-z]{4})[a-z]++(?<=ed)(?![a-z]))"
)


def _cues_lower(s: str) -> Iterator[re.Match[str]]:
    """``_CUES_LOWER.finditer(s)``: the cue pattern is tried only where a cue can start."""
    resume = 0
    for c in _CUE_START.finditer(s):
        pos = c.start()
        if pos < resume:
            continue
        m = _CUES_LOWER.match(s, pos)
        if m is not None:
            resume = m.end()
            yield m


def _valid_occurred(t: str, word: str, start: int, end: int) -> bool:
    w = word.lower()
    if w in _NOT_EVENT_ED and not (w == "called" and t.startswith(" for ", end)):
        return False  # but "have called for an inquiry" is an event
    if " " not in w:
        prev = _word_before(t, start)
        pw = prev.group(1).lower() if prev else ""
        if pw in _DETERMINERS:
            return False  # "the planned visit"
        if pw in _MODAL_BEFORE:
            if pw not in ("not", "n't"):
                return False  # "to hit the area", "could cut"
            prev2 = _word_before(t, prev.start()) if prev else None
            if prev2 is None or prev2.group(1).lower() not in (
                "has",
                "have",
                "had",
                "was",
                "were",
                "is",
                "are",
            ):
                return False  # "could not cut"; but "had not received" is a negated event
        if w.endswith("ed") and pw in (
            "is",
            "are",
            "am",
            "be",
            "being",
            "remains",
            "remain",
            "seems",
            "appears",
        ):
            return False  # adjectival / present state: "are unvaccinated", "is based"
    return True


def classify(
    text: str,
    *,
    reported: bool = False,
    announce: bool = False,
    mask: tuple[tuple[int, int], ...] | list[tuple[int, int]] = (),
) -> tuple[Stance, int]:
    """Stance and polarity of a sentence. ``reported``: the sentence has a speech attribution
    ("said"), so "would" is reported future, not a hypothesis; ``announce``: its attribution verb is
    "announced"/"confirmed" (a planned event then becomes ``announced``)."""
    t = _masked(text, mask)
    tl = t.lower()
    if _EITHER_GATE.search(tl):
        if _UNCONFIRMED_GATE.search(tl) and _UNCONFIRMED.search(tl):
            return Stance.UNCONFIRMED, 1
        if _DENIED_GATE.search(tl) and _DENIED.search(tl):
            return Stance.DENIED, -1
    lowered = len(tl) == len(t)  # lower() keeps offsets for nearly all text
    for m in _cues_lower(" " + tl) if lowered else _CUES.finditer(t):
        kind = m.lastgroup or ""
        if lowered:
            word = m.group(kind)
            ms, me = m.span(kind)
            ms, me = ms - 1, me - 1
            if kind in ("h", "c", "o") and t[ms].isupper():
                continue
        else:
            word = m.group(0)
            ms, me = m.span()
        if kind == "o":
            if not _valid_occurred(t, word, ms, me):
                continue
            neg = bool(_NEG_OCCURRED.match(word)) or _negated(t, ms, me)
            return Stance.OCCURRED, -1 if neg else 1
        if kind == "c":
            return Stance.STATED, 1
        if kind == "h":
            if word == "may" and t[me : me + 1].isdigit():
                continue
            st = Stance.HYPOTHETICAL
            if word == "would" and reported:
                # reported intention ("Brenner would cut jobs", "the defence would appeal") or prediction
                # ("the plant would create jobs", "the visit would demonstrate")
                prev = _word_before(t, ms)
                pw = prev.group(1) if prev else ""
                agent = pw[:1].isupper() or pw.lower() in _AGENTS
                nxt = _LEAD_NOT.sub(" ", t[me : me + 12])
                st = Stance.PLANNED if agent and not nxt.startswith(" be ") else Stance.EXPECTED
        else:
            st = Stance.EXPECTED if kind == "e" else Stance.PLANNED
        if st in (Stance.PLANNED, Stance.EXPECTED) and announce:
            st = Stance.ANNOUNCED
        neg = _negated(t, ms, me)
        return st, -1 if neg else 1
    return Stance.STATED, 1
