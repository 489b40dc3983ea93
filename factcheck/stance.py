"""Stance (modality) and polarity of the event a sentence reports, by rule.

``classify(text, *, reported=False, announce=False, mask=())`` returns ``(Stance, polarity)``:

- ``unconfirmed``: "did not confirm nor deny", "declined to confirm", "could not be verified"
- ``denied``: "denied", "rejected reports", "ruled out", "has no plans to"
- ``hypothetical``: "might", "could", "may" (the modal), "if", "perhaps", "possibly", "would" (not in
  reported speech)
- ``expected``: "is expected to", "are anticipated to", "will likely", "is set to", "is due to"
- ``planned``: "will visit", "plans to", "scheduled", "slated to", "intention to", "being prepared"
- ``announced``: a planned/expected event whose attribution verb is "announced"/"confirmed"/"declared"
- ``occurred``: a past-tense or perfect event verb ("visited", "embarked", "has met", "did not visit"), but not
  one after a modal ("must have feared", "can never be counted on") or heading a clause used as a noun ("what
  happened today is that ...")
- ``stated``: anything else (a position, a figure, a quotation with no event modality)

The earliest cue in the sentence wins (the main clause usually comes first), except that
unconfirmed/denied always win. ``mask`` holds spans (attribution words such as "said") to ignore.
Polarity is -1 when the chosen cue is negated ("did not visit", "will not attend", "never raised") or
the event is denied.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck import stance_intl
from factcheck.gazetteer import trie_pattern
from factcheck.lang import resource
from factcheck.model import Stance

_EN = resource("en", "stance")  # English cues: factcheck/lang/en/stance.toml
_P = _EN["patterns"]
_W = _EN["words"]

_UNCONFIRMED = re.compile(_P["unconfirmed"])
_DENIED = re.compile(_P["denied"])
_HYPOTHETICAL = re.compile(_P["hypothetical"])
_EXPECTED = re.compile(_P["expected"])
_PLANNED = re.compile(_P["planned"])
# "should arrive next week": expected when the claim carries a date (``extract`` decides, it has the times)
SHOULD_TIMED = re.compile(_P["should_timed"])
_IRREGULAR_PAST_WORDS = list(_W["irregular_past"])
_IRREGULAR_PAST = trie_pattern(_IRREGULAR_PAST_WORDS)
# past participles count only after an auxiliary ("has risen", "was taken"), not as modifiers ("known as")
_PARTICIPLES = trie_pattern(_W["participles"])
# same form in present and past: past unless a modal, "to" or "do" precedes ("Mitsotakis cut short his holiday")
_AMBIGUOUS_PAST = "|".join(_W["ambiguous_past"])
_AUX_PART = _P["aux_part"]
_OCCURRED = re.compile(
    # "\b[a-z]{2,}(?:ed|ied)\b" written without backtracking: a whole lower-case word of 4+ letters ending in -ed
    rf"\b(?:did\s+not|didn[’']t|never)\s+[a-z]+\b|\b(?:{_IRREGULAR_PAST}|{_AMBIGUOUS_PAST})\b|\b(?=[a-z]{{4}})[a-z]++(?<=ed)\b|"
    rf"\b{_AUX_PART}(?:been\s+[a-z]+ing|{_PARTICIPLES})\b|\b(?:was|were)\s+(?:still\s+|also\s+)?[a-z]+ing\b|"
    + _P["past_obligation"],  # "had to carry": the act done
)
_MODAL_BEFORE = frozenset(_W["modal_before"])
_AMBIGUOUS_PAST_SET = frozenset(_W["ambiguous_past"])
# "is being investigated" is an action under way (an event); "the item being produced" is a modifier
_BEING_AUX = frozenset(_W["being_aux"])
# a present-tense copula in the main clause: a statement of fact or position ("X is ...", "Y remains ...")
_COPULA = re.compile(_P["copula"])
# -ed words that are not events (adjectives, modality words handled elsewhere, reporting verbs)
# and past forms of verbs of state ("idolised", "remained", "seemed")
_NOT_EVENT_ED = frozenset(_W["not_event_ed"]) | frozenset(_W["states"])
# "declared"/"claimed" with an act for object is an event: "declared victory", "claimed a win" (no "that" between)
_ACT_DECLARED_VERBS = frozenset(_W["act_declared_verbs"])
_ACT_DECLARED_WORDS = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _W["act_declared_objects"])
_ACT_DECLARED_OBJECT = re.compile(
    r"\s+(?:(?!that\b)[a-z’'-]+\s+){0,3}(?:" + _ACT_DECLARED_WORDS + r")\b", re.I
)
# a declaration that is an act, not a statement, after its verb in any form ("declared a state of emergency",
# "declares war on"): read by factcheck/extract.py for a report by "declare" that attribution found
DECLARED_ACT = re.compile(
    r"\bdeclared?s?\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}(?:" + _ACT_DECLARED_WORDS + r")\b", re.I
)
_PASSIVE_EVENTS = frozenset(_W.get("passive_events", []))
# the words of _NOT_EVENT_ED that no context makes an event ("said", "expected"; see _valid_occurred): one look-up
_NOT_EVENT_ED_ALWAYS = _NOT_EVENT_ED - {"called"} - _PASSIVE_EVENTS - _ACT_DECLARED_VERBS
_PASSIVE_AUX = frozenset(_W.get("passive_auxiliaries", []))
_PASSIVE_ADVERBS = frozenset(_W.get("passive_adverbs", []))
_DETERMINERS = frozenset(_W["determiners"])
_PREPOSITIONS = frozenset(_W.get("prepositions", []))
_AGENTS = frozenset(_W["agents"])
# cues that report no event of the main clause (``_not_main_event``; see the resource's comments and examples)
_MODALS = frozenset(_W["modals"])
_FREE_RELATIVE = frozenset(_W["free_relative"])
_PRONOUNS = frozenset(_W["pronouns"])
_PERFECT = frozenset(_W["perfect"])
_INITIAL_CUES = frozenset(_W.get("initial_cues", []))
_NEG = re.compile(_P["negation"], re.I)
# _NEG opening with its first letter, so that the scan jumps to the n's instead of trying every position
_NEG_SCAN = re.compile(_P["negation_scan"], re.I)
_WORD_BEFORE = re.compile(r"([A-Za-z’'-]+)\W*$")
# _WORD_BEFORE starting where a run of its letters starts: the character class first, then a lookbehind
# for the character before it (see _word_search)
_WORD_AT_RUN = re.compile(r"([A-Za-z’'-](?<![A-Za-z’'-].)[A-Za-z’'-]*)\W*$")
_LETTER = re.compile(r"[A-Za-z]")
# the rest of an aside (no other punctuation) up to its closing comma, and the lower-case word after it
_ASIDE_END = re.compile(r"[^,;:.!?()\u2014\u2013\"\u201c\u201d]{1,80}?,\s+([a-z]+)\b")
# the main clause's verb after an aside: an auxiliary or a copula (or a present form in -s, see ``_in_aside``)
_ASIDE_VERBS = frozenset(_W["aside_verbs"])
# what follows a participle of an aside (a preposition: "designed for", "headed by") and a verb in -s after it
# (a preposition or an article: "struggles under", "carries no")
_ASIDE_LINKS = frozenset(_W["aside_links"])
_ASIDE_ARTICLES = frozenset(_W["aside_articles"])
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


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


_ANNOUNCE_VERBS = frozenset(_W["announce_verbs"])

# A present act: a specific subject (a name, a determiner and up to four words, a number) opening the content, a
# present verb of action or report in -s before a complement, or "is/are" before a form in -ing or a participle
# (a progressive or a present passive) and a further word ("A photograph shows a palm-sized rabbit.", "Nabisco
# is issuing Spam-flavored Oreos."); see ``present_act``
_ACT_NOT_WORDS = (
    frozenset(_W["act_not_subjects"]) | frozenset(_W["act_determiners"]) | _DETERMINERS | _PREPOSITIONS
)
_ACT_STATES = frozenset(_W["act_states"])
# a word of the subject's noun phrase: no verb or relative word ("That is also true in places that ..." is no subject)
_NP_WORD = rf"(?!(?:{trie_pattern(_W['act_np_breaks'])})\b)[\w’'.-]++"
_PRESENT_ACT = re.compile(
    r"[\"“‘']?(?P<subj>[A-Z][\w’'.&-]*+(?:\s+[A-Z][\w’'.&-]*+)*+"
    rf"|(?i:(?:{trie_pattern(_W['act_parts'])})\s+of\s+)?(?i:{trie_pattern(_W['act_determiners'])})\s+(?:{_NP_WORD}\s+){{0,3}}?{_NP_WORD}"
    r"|\d[\d,.]*(?:\s+[\w’'.-]+){1,3}?)"
    r"\s+(?:(?:[a-z]+ly|now|also|still|reportedly)\s+)?"
    rf"(?:(?P<verb>[a-z]{{3,}}+(?<=s)(?<!ss)(?<!us)(?<!is))\s+(?:(?:{trie_pattern(_W['act_complements'])})\b|[A-Z0-9$])"
    rf"|(?:is|are)\s+(?:(?:[a-z]+ly|now|also|still)\s+)?(?P<part>[a-z]{{2,}}(?:ing|ed)|{_PARTICIPLES})\s+\S)"
)

# ... and a progressive of any subject but a pronoun or a quantifier: an action under way, not the generic present
# ("Criminals in the U.S. are using ...", "Young women are inserting ...")
_PROGRESSIVE_ACT = re.compile(
    r"[\"“‘']?(?P<subj>[A-Z][\w’'.-]*)(?:\s+[\w’'.-]++){0,5}?\s+(?:is|are)\s+(?:(?:[a-z]+ly|now|also|still)\s+)?"
    r"(?P<part>[a-z]{5,}+(?<=ing))\s+\S"
)


def present_act(text: str) -> bool:
    """Whether ``text`` (a claim's content, as written) opens with a present act of a specific subject: a present
    simple or progressive verb of action or report, or a present passive, with a complement ("A photograph shows
    a palm-sized rabbit.", "Nabisco is issuing Spam-flavored Oreos.", "An inappropriate song is mistakenly played
    at a funeral."), not the writer's generic present (a pronoun or a quantifier for subject: "It shows how",
    "Most people prefer"; a verb of state: "The plan seems to work")."""
    for pattern in (_PRESENT_ACT, _PROGRESSIVE_ACT):
        if pattern is _PROGRESSIVE_ACT and "ing" not in text:
            break  # (a cheap gate: the progressive needs a form in -ing)
        m = pattern.match(text)
        if m is None:
            continue
        subj = m.group("subj")
        if " " not in subj and subj.lower().strip("\"“‘'") in _ACT_NOT_WORDS:
            continue  # a pronoun, a quantifier, or a capitalised function word ("The years that", "For investors in")
        verb = m.group("verb") if pattern is _PRESENT_ACT else None
        verb = verb or m.group("part")
        if verb not in _ACT_STATES and verb not in _NOT_EVENT_ED:
            return True
    return False


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
_NEG_OCCURRED = re.compile(_P["negated_occurred"], re.I)
_LEAD_NOT = re.compile(r"^\s+(?:not\s+)?")
_UNCONFIRMED_GATE = re.compile(_P["unconfirmed_gate"])
_DENIED_GATE = re.compile(_P["denied_gate"])
# one scan for most sentences: the literals of both gates ("den[iy]" spelt out, "unconfirm" holds "confirm"),
# factored as a trie: at each candidate letter one alternative is tried instead of sixteen
_EITHER_GATE_WORDS = list(_W["either_gate"])
_EITHER_GATE = re.compile(trie_pattern(_EITHER_GATE_WORDS))


# The first word (a run of a-z) of every cue of _CUES_LOWER: a cue can only start in front of a word of
# this set or of a word of four letters or more ending in -ed (the -ed branch of _OCCURRED).
_CUE_FIRST_WORDS = (
    frozenset(_W["cue_first_words"]) | frozenset(_IRREGULAR_PAST_WORDS) | frozenset(_W["ambiguous_past"])
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


def _after_passive_aux(t: str, start: int) -> bool:
    """Whether the word at ``start`` follows a passive auxiliary ("was", "been"; one adverb between)."""
    prev = _word_before(t, start)
    if prev is None:
        return False
    pw = prev.group(1).lower()
    if pw.endswith("ly") or pw in _PASSIVE_ADVERBS:
        prev = _word_before(t, prev.start())
        pw = prev.group(1).lower() if prev is not None else ""
    return pw in _PASSIVE_AUX


def _prev_skipping_adverbs(t: str, start: int) -> str:
    """The word before ``start``, lower-cased, past adverbs ("-ly", "not", "never", "also"...)."""
    prev = _word_before(t, start)
    while prev is not None:
        pw = prev.group(1).lower()
        if not (pw.endswith("ly") or pw in _PASSIVE_ADVERBS or pw in ("not", "never", "n't", "still")):
            return pw
        prev = _word_before(t, prev.start())
    return ""


def _not_main_event(t: str, w: str, start: int) -> bool:
    """Whether the cue ``w`` (lower-cased, at ``start``) reports no event of the main clause: a modal perfect or
    a modal "never" ("must have feared", "can never be counted on": what must or may be, not what happened),
    or the verb of a clause used as a noun ("what happened today is that ...", "shaken up by what happened")."""
    if w.startswith(("have ", "never ")) and _prev_skipping_adverbs(t, start) in _MODALS:
        return True  # "must have taken", "can never be counted on"
    before = t[max(0, start - 24) : start].lower()
    if "have" not in before and "what" not in before:
        return False  # (a cheap gate: the shapes below need one of these words right before the cue)
    prev = _word_before(t, start)
    if prev is None:
        return False
    pw = prev.group(1).lower()
    if pw == "have" and " " not in w and _prev_skipping_adverbs(t, prev.start()) in _MODALS:
        return True  # "must have feared"
    if pw in _PRONOUNS:
        prev2 = _word_before(t, prev.start())
        pw = prev2.group(1).lower() if prev2 is not None else ""
    return pw in _FREE_RELATIVE


def _in_aside(t: str, start: int, end: int) -> bool:
    """Whether the past form at ``start``-``end`` (after ", ") is a participle in an aside between commas after
    its noun, followed by the main clause's verb: "Traditional infrastructure, designed for steady-state
    workloads, struggles under that combination" (the participle describes the noun; the main verb,
    "struggles", tells no event). The participle takes a preposition, not an object ("which leans right,
    introduced a tax" is the verb); the verb after the aside is an auxiliary or a copula, or a form in -s
    before a preposition or an article ("struggles under", "carries no"; not "officials said")."""
    noun = _word_before(t, start - 2)
    if noun is None or not noun.group(1).islower():
        # an aside after a lower-case noun (not "Smith, 45, died", "a drug called Jenkem, made by")
        return False
    link = _NEXT_WORD.match(t, end)
    if link is None or link.group(1) not in _ASIDE_LINKS:
        return False
    m = _ASIDE_END.match(t, end)
    if m is None:
        return False
    verb = m.group(1)
    if verb in _ASIDE_VERBS:
        return True
    after = _NEXT_WORD.match(t, m.end())
    return (
        verb.endswith("s")
        and not verb.endswith(("ss", "us", "is"))
        and after is not None
        and (after.group(1) in _ASIDE_LINKS or after.group(1) in _ASIDE_ARTICLES)
    )


def _valid_occurred(t: str, word: str, start: int, end: int) -> bool:
    w = word.lower()
    if w in _NOT_EVENT_ED and (
        w in _NOT_EVENT_ED_ALWAYS
        or not (
            (w == "called" and t.startswith(" for ", end))
            or (w in _PASSIVE_EVENTS and _after_passive_aux(t, start))
            or (w in _ACT_DECLARED_VERBS and _ACT_DECLARED_OBJECT.match(t, end))
        )
    ):
        return False  # but "have called for an inquiry" is an event, and so are "were admitted", "declared victory"
    if " " not in w:
        prev = _word_before(t, start)
        pw = prev.group(1).lower() if prev else ""
        if pw in _DETERMINERS:
            return False  # "the planned visit"
        if (
            pw in _PREPOSITIONS
            and (w.endswith("ed") or w in _AMBIGUOUS_PAST_SET)
            and not (
                pw == "since" and prev is not None and _prev_skipping_adverbs(t, prev.start()) in _PERFECT
            )
        ):
            # no finite verb follows a preposition: "at sophisticated games", "in limited cases" (but "since"
            # after a perfect auxiliary is an adverb: "Police have since launched a search")
            return False
        if pw == "being" and prev is not None:
            prev2 = _word_before(t, prev.start())
            if prev2 is None or prev2.group(1).lower() not in _BEING_AUX:
                return False  # "the quality of the item being produced": a reduced relative, not the event
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
            "remains",
            "remain",
            "seems",
            "appears",
        ):
            return False  # adjectival / present state: "are unvaccinated", "is based" ("are being
            # evacuated" is an action under way: an event)
    if " " not in w and t[start - 2 : start] == ", " and _in_aside(t, start, end):
        return False  # (the comma first: a cheap gate, most cues follow none)
    return not _not_main_event(t, w, start)


def classify(
    text: str,
    *,
    reported: bool = False,
    announce: bool = False,
    mask: tuple[tuple[int, int], ...] | list[tuple[int, int]] = (),
    lang: str | None = None,
) -> tuple[Stance, int]:
    """Stance and polarity of a sentence. ``reported``: the sentence has a speech attribution
    ("said"), so "would" is reported future, not a hypothesis; ``announce``: its attribution verb is
    "announced"/"confirmed" (a planned event then becomes ``announced``). ``lang``: a language with a
    ``factcheck/lang/<code>/stance.toml`` other than English is read by ``factcheck.stance_intl``."""
    t = _masked(text, mask)
    if lang is not None and lang != "en" and stance_intl.supported(lang):
        return stance_intl.classify(t, lang, announce=announce)
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
            if kind in ("h", "c", "o") and t[ms].isupper() and word not in _INITIAL_CUES:
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
