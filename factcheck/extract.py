"""Sentences -> check-worthy claims, with offsets into the article text, speaker, entities, stance, times.

Pipeline for one article (rules only, no NLP model):

1. body segments (ingest marks page furniture) -> sentences (``sentences.split_spans``), datelines
   ("MOSCOW (Reuters) -") trimmed off the first sentence;
2. entity mentions of every sentence, then one ``entities.Resolver`` for the article (aliases);
3. per sentence: attribution (``attribution.attribute``), split into two claims when it joins two
   separate facts ("X occurred in 2023, while Y visited Moscow"), stance and polarity
   (``stance.classify``), times from the temporal tagger, a check-worthiness score;
4. context: each sentence of a quotation of several sentences is a claim of its own, with the quotation's
   speaker (a source named inside the quoted words is the speaker's report, not a new speaker) and its own
   times; a further sentence of it that names, counts, ranks and dates nothing scores as no claim; "He said"
   takes the last person speaker; ids are ``claim_id(id_basis_of(article), text, occurrence)``.

Fields of each Claim (see model.Claim):

- ``speaker``/``speaker_kind``: the innermost source of the content, i.e. who says it ("Vladimir
  Putin"/person, "Kremlin"/organisation, "five sources familiar with the matter"/anonymous,
  "Chinese state media"/media, "CNN"/outlet); None when the article states it in its own voice.
  Person speakers carry the article's canonical name ("Putin said" -> "Vladimir Putin").
- ``source_chain``: the reporting outlets, outermost first, then the source they cite:
  "Kyodo reported citing Russian news agency TASS" -> ["Kyodo", "TASS"]; "Reuters reported, citing
  five sources" -> ["Reuters", "five sources ..."]; "according to CNN" -> ["CNN"]; [] for a person or
  organisation speaking directly.
- ``quote``: the claim is (or contains) a direct quotation of three or more words; scare quotes
  ("glad") do not count.
- ``entities``: people, places, organisations and events named in the claim, aliases resolved within
  the article; ``Entity.key`` is the normalised canonical name (accents, case and punctuation dropped).
  Outlets that only report the claim are left out, so claims of one outlet do not look related.
- ``stance`` and ``polarity``: see ``stance.classify``; a speech verb "denied" makes the claim
  ``denied`` (-1), "vowed/pledged/promised" ``planned``, "confirmed/reported <figure>" ``occurred``.
- ``score``: check-worthiness 0-1 (``checkworthiness``, vocabulary in ``lang/<code>/checkworthiness.toml``);
  claims under ``min_score`` (the floor ``MIN_SCORE``) are not returned; those under
  ``model.DEFAULT_MIN_SCORE`` are returned but hidden by default (``pipeline.Corpus.is_shown``). With a
  ``min_score`` under ``MIN_SCORE`` the sentences under the floor are returned too, read as stated (their
  stance is not classified): the pipeline keeps them, hidden, as grouping evidence (``pipeline._extract_one``).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from factcheck import attribution, attribution_intl, claim_times, entities, sentences, stance, tables
from factcheck.article_kind import view_piece as _view_piece
from factcheck.gazetteer import (
    DEMONYMS,
    ORG_HEADS,
    ORG_TAIL_HEADS,
    ORGS,
    OTHER_OFFICE_WORDS,
    OUTLET_HEADS,
    OUTLETS,
    PLACES,
    ROLE_WORDS,
    TITLE_NOUNS,
    TITLE_WORDS,
    trie_pattern,
)
from factcheck.lang import resource
from factcheck.links import blank_links
from factcheck.model import MIN_SCORE, Article, Claim, Segment, Stance, TimeRef

_NUMBER = re.compile(
    r"\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?)\b"
)
_HEADLINE_SOURCE = re.compile(r"^[A-Z][\w.&' ]{1,30}:\s+")
_HEADLINE_MAX = (
    160  # a paragraph of one sentence at most this long may be a headline ("Trump: 'We will win.'")
)
_HEADLINE_TO = re.compile(r"^[^,:]{0,60}?\b[A-Za-z’'-]+\s+to\s+(?!be\b|the\b|a\b)[a-z]{3,}\b")
_HEADLINE_PRESENT = re.compile(r"^(?:[A-Z][\w’'-]*\s+){1,3}(?:[a-z]+\s+)??(?![a-z]*ss\b)[a-z]{3,}(?<!ss)s\b")


def _sentence_case(headline: str) -> str:
    """ "Texas Lifer Escapes Prison Van" / "LIFER ESCAPES PRISON VAN" -> "Texas lifer escapes prison van", so
    that the headline verb patterns see the verb in lower case; other headlines are returned unchanged."""
    words = headline.split()
    caps = sum(1 for w in words if w[:1].isupper())
    if len(words) < 3 or caps < 0.7 * len(words):
        return headline
    return " ".join([words[0][:1] + words[0][1:].lower(), *(w.lower() for w in words[1:])])


# attribution verbs that set a claim's stance (``lang/en/stance.toml``: denied, a tally of cases, an announcement)
_STANCE_VERBS = resource("en", "stance")["words"]
_DENY_VERBS = frozenset(_STANCE_VERBS["deny_verbs"])
_TALLY_VERBS = frozenset(_STANCE_VERBS["tally_verbs"])
_UNVEIL_VERBS = frozenset(_STANCE_VERBS["unveil_verbs"])
_TALLY = re.compile(r"\s*(?:about|at\s+least|more\s+than|nearly|almost|some|over|a\s+further|another)?\s*\d")
_DIGIT = re.compile(r"\d")
_FIGURE = re.compile(r"\d[\d,.]*")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
# "no one" is nobody, no count: written as the one word "no-one" before the words are looked up
_NO_ONE = re.compile(r"\bno one\b")


def _compile(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


@dataclass(frozen=True, slots=True)
class _Rule:
    """Patterns that run only when one of their trigger words is in the sentence (see the resource)."""

    triggers: frozenset[str]
    anywhere: re.Pattern[str] | None
    start: re.Pattern[str] | None

    def search(self, low: str, words: set[str]) -> bool:
        if self.start is not None and self.start.match(low):
            return True
        return (
            self.anywhere is not None
            and not words.isdisjoint(self.triggers)
            and bool(self.anywhere.search(low))
        )

    def count(self, low: str, words: set[str]) -> int:
        if self.anywhere is None or words.isdisjoint(self.triggers):
            return 0
        return len(self.anywhere.findall(low))


def _rule(table: dict[str, Any]) -> _Rule:
    return _Rule(
        frozenset(table.get("triggers", [])),
        _compile(table.get("patterns", [])),
        _compile(table.get("start", [])),
    )


@dataclass(frozen=True, slots=True)
class _CwVocab:
    """The check-worthiness vocabulary of one language (``factcheck/lang/<code>/checkworthiness.toml``)."""

    words: re.Pattern[str] | None  # every word and trigger, whole, in " " + the lower-cased sentence
    numbers: frozenset[str]
    not_count: _Rule  # a number word that counts nothing ("one of the reasons", "the one he built")
    superlatives: frozenset[str]
    not_rank: _Rule  # a superlative word that ranks nothing ("not only ... but")
    comparatives: frozenset[str]
    opinion: frozenset[str]  # opinion and reaction words
    evaluative: frozenset[str]  # words that judge, in the writer's own voice ("a paltry fund", "blithely")
    exclamation: re.Pattern[str] | None  # the writer's "!" at the end ("Get in touch with Jill today!")
    boiler_words: frozenset[str]
    opinion_rule: _Rule
    advice: _Rule
    should: re.Pattern[str] | None
    timed_obligation: frozenset[str]  # obligation words that a time makes a dated rule, not advice
    uncertain: _Rule
    boilerplate: _Rule
    handover: _Rule  # a presenter's hand-over ("NPR's Greg Myre reports from Kyiv."): boilerplate
    refusal: _Rule  # a bare refusal to comment ("Mr. Thiel declined to comment."): boilerplate
    mind_view: _Rule  # a want, a wish or an expectation ("we expected"), a certainty ("no doubt"): opinion
    forecast: _Rule  # how hard or easy something will be, what it depends on: uncertain
    addressed: _Rule  # the reader addressed as the subject ("you may already be focused on"): advice
    appeal: (
        _Rule  # an appeal reported as emphasis ("stressed the need to ..."), in the whole sentence: advice
    )
    instruction: re.Pattern[str] | None  # a guide's step in the writer's voice ("Choose pliers ..."): advice
    personal_triggers: frozenset[str]
    personal: re.Pattern[str] | None  # searched in the text as written
    personal_singular: re.Pattern[str] | None
    mind: frozenset[str]  # what someone thought, felt or noticed: no plain event
    report_hedges: frozenset[str]  # "reportedly", "allegedly": what others report or allege (`attributed`)
    interview: _Rule  # an answer framed by the interviewer's question
    poll: _Rule  # a poll's result: who leads, trails, rises or falls in it
    frame: _Rule  # a frame that gives a reading of events ("one of the things", "the question is whether")
    concession: _Rule  # a fronted concession ("Whatever the outcome ..., "): a frame
    likeness: _Rule  # a reading given as a likeness ("It was as if his rivals had decided ..."): a frame
    idiom: _Rule  # a stock figure of speech ("knows a thing or two", "a two-way street"): a frame
    colour: _Rule  # the writer's colour: a face or a gesture described ("Clinton nodded and smiled"): a frame
    quoted_view: re.Pattern[str] | None  # a quoted clause that gives the speaker's view (at a sentence start)
    self_view: _Rule  # the speaker's feeling or concern about themself opens the quotation (``_self_view``)
    account: _Rule  # the speaker's own story opens a sentence of the quotation ("I was back at ...")
    title_small_words: frozenset[str]  # the words a title leaves in lower case ("I Am a Christian")
    country_actors: re.Pattern[str] | None  # a country's actor by its people's adjective ("a Russian court")
    country_nouns: frozenset[str]  # the nouns of those actors (also among ``words``)
    view_holders: frozenset[str]  # unnamed opinion-holders as a speaker ("critics", "opponents", "some")
    view_groups: frozenset[str]  # a party or a camp, a holder after a quantifier ("many Democrats")
    view_quantified: str  # the quantifier before such a group, a pattern ("some", "many liberal")
    turn_label: re.Pattern[str] | None  # a broadcast transcript's speaker label ("UNIDENTIFIED PERSON #1: ")
    turn_line: re.Pattern[str] | None  # the same label at the start of a line
    direction: re.Pattern[str] | None  # a transcript's stage direction ("(Chanting)", "(SOUNDBITE OF ...)")
    not_prose: re.Pattern[str] | None  # a line of code, a reference entry, an ingredient line, at its start
    not_prose_firsts: str  # the characters its shapes open with (after a list's bullet, an item number)
    reference: (
        re.Pattern[str] | None
    )  # a reference in Vancouver style at a line's start ("Lin I-C et al. ...")
    locator: re.Pattern[str] | None  # a journal's year;volume:pages or a DOI, anywhere
    code_mark: (
        re.Pattern[str] | None
    )  # a mark of code ("theme(", " = "): two make a line of code (a brace: one)
    code_name: re.Pattern[str] | None  # a name with underscores ("element_text"): one mark, however many
    weights: dict[str, float]  # the weight of each term of the score (``_CwTerms``)


def _country_actors(nouns: frozenset[str]) -> re.Pattern[str] | None:
    """A people's adjective before one of the ``[country_actor] nouns`` of the resource, one word between allowed ("a
    Russian court", "the Saudi Arabian prince", "a Japanese fishing trawler"): an actor of a country, which names the
    country as "Russia" would. The adjectives the entity finder already reads as a place or an organisation ("U.S.
    officials", "Kremlin aides") are left to it. (The pattern opens with the adjectives, so that the regex engine
    looks only at their first letters; ``_country_actor_count`` checks that a match starts a word.)"""
    if not nouns:
        return None
    peoples = [d for d in DEMONYMS if d not in PLACES and d not in ORGS]
    return re.compile(
        "(" + trie_pattern(peoples) + r")\s+(?:[a-z]+\s+)?(?:" + trie_pattern(nouns) + r")(?![\w’'-])"
    )


def _group_view(speaker: str, sentence: str, voc: _CwVocab) -> bool:
    """Whether ``speaker`` is an unnamed group of opinion-holders (``[group_view]`` of the resource): "critics",
    "opponents", a bare "some", or a party after a quantifier in ``sentence`` ("many Democrats say")."""
    low = speaker.lower()
    if low in voc.view_holders:
        return True
    return (
        low in voc.view_groups
        and bool(voc.view_quantified)
        and re.search(voc.view_quantified + re.escape(low) + r"\b", sentence.lower()) is not None
    )


def _country_actor_count(content: str, pattern: re.Pattern[str]) -> int:
    """How many peoples ``pattern`` (``_country_actors``) finds as a country's actor in ``content``, each once."""
    found = set()
    for m in pattern.finditer(content):
        before = content[m.start() - 1 : m.start()]
        if not (before.isalnum() or before in ("’", "'", ".", "-", "_")):
            found.add(m.group(1))
    return len(found)


@functools.cache
def _cw_vocab(lang: str | None) -> _CwVocab:
    """The vocabulary of ``lang``: English's, with the language's own resource added to it (a quoted English
    post stays read; its words are inert elsewhere); English alone for a language that has none."""
    data = resource("en", "checkworthiness")
    if lang and lang != "en":
        data = _added(data, resource(lang, "checkworthiness"))
    op, adv, unc = data.get("opinion", {}), data.get("advice", {}), data.get("uncertain", {})
    boil, pers = data.get("boilerplate", {}), data.get("personal", {})
    units, tens = data.get("number_units", []), data.get("number_tens", [])
    compounds = [f"{t}-{u}" for t in tens for u in units]  # "forty-three"
    numbers = frozenset(data.get("number_words", []) + units + tens + compounds)
    sup = frozenset(data.get("superlatives", []))
    comp = frozenset(data.get("comparatives", []))
    opinion = frozenset(op.get("words", [])) | frozenset(op.get("reactions", []))
    evaluative = frozenset(data.get("evaluative", {}).get("words", []))
    exclamation = data.get("evaluative", {}).get("exclamation")
    boiler_words = frozenset(boil.get("words", []))
    mind = frozenset(data.get("mind_words", []))
    report_hedges = frozenset(data.get("report_hedges", []))
    country_nouns = frozenset(data.get("country_actor", {}).get("nouns", []))
    view = data.get("group_view", {})
    rules = [
        _rule(t)
        for t in (op, adv, unc, boil, data.get("poll", {}), data.get("frame", {}), data.get("handover", {}))
    ]
    concession, likeness = _rule(data.get("concession", {})), _rule(data.get("likeness", {}))
    idiom, refusal = _rule(data.get("idiom", {})), _rule(data.get("refusal", {}))
    rules += [concession, likeness, idiom, refusal]
    colour = _rule(data.get("colour", {}))
    rules.append(colour)
    addressed, appeal = _rule(data.get("addressed", {})), _rule(data.get("appeal", {}))
    rules += [addressed, appeal]
    mind_view, forecast = _rule(data.get("mind_view", {})), _rule(data.get("forecast", {}))
    rules += [mind_view, forecast]
    self_view, not_count = _rule(data.get("self_view", {})), _rule(data.get("not_count", {}))
    not_rank = _rule(data.get("not_rank", {}))
    account = _rule(data.get("account", {}))
    rules += [self_view, not_count, not_rank, account]
    label, direction = data.get("transcript", {}).get("label"), data.get("transcript", {}).get("direction")
    prose = data.get("not_prose", {})
    step = data.get("instruction", {}).get("start")  # a guide's step in the writer's voice
    every = numbers | sup | comp | opinion | evaluative | boiler_words | mind | country_nouns | report_hedges
    every |= frozenset(pers.get("triggers", []))
    for r in rules:
        every |= r.triggers
    words = re.compile(r"[^a-z’'-][’'-]*(" + trie_pattern(every) + r")(?![a-z’'-])") if every else None
    return _CwVocab(
        words=words,
        numbers=numbers,
        not_count=not_count,
        superlatives=sup,
        not_rank=not_rank,
        comparatives=comp,
        opinion=opinion,
        evaluative=evaluative,
        exclamation=re.compile(exclamation) if exclamation else None,
        boiler_words=boiler_words,
        opinion_rule=rules[0],
        advice=rules[1],
        should=re.compile(adv["should"]) if adv.get("should") else None,
        timed_obligation=frozenset(adv.get("timed_obligation", [])),
        uncertain=rules[2],
        boilerplate=rules[3],
        handover=rules[6],
        refusal=refusal,
        mind_view=mind_view,
        forecast=forecast,
        addressed=addressed,
        appeal=appeal,
        instruction=re.compile(step) if step else None,
        personal_triggers=frozenset(pers.get("triggers", [])),
        personal=re.compile(pers["pattern"]) if pers.get("pattern") else None,
        personal_singular=re.compile(pers["singular"]) if pers.get("singular") else None,
        mind=mind,
        report_hedges=report_hedges,
        interview=_rule(data.get("interview", {})),
        poll=rules[4],
        frame=rules[5],
        concession=concession,
        likeness=likeness,
        idiom=idiom,
        colour=colour,
        quoted_view=_quoted_view(data.get("quoted_view", {})),
        self_view=self_view,
        account=account,
        title_small_words=frozenset(data.get("quoted_view", {}).get("title_small_words", [])),
        country_actors=_country_actors(country_nouns),
        country_nouns=country_nouns,
        view_holders=frozenset(view.get("holders", [])),
        view_groups=frozenset(view.get("groups", [])),
        view_quantified=view.get("quantified", ""),
        turn_label=re.compile(label) if label else None,
        turn_line=re.compile(f"^(?:{label})", re.M) if label else None,
        direction=re.compile(direction) if direction else None,
        not_prose=_not_prose_start(prose),
        not_prose_firsts=prose.get("firsts", ""),
        reference=re.compile(prose.get("lead", "") + prose["reference"]) if prose.get("reference") else None,
        locator=_compile(prose.get("patterns", [])),
        code_mark=re.compile(prose["code"]) if prose.get("code") else None,
        code_name=re.compile(prose["name"]) if prose.get("name") else None,
        weights=_cw_weights(data.get("weights", {})),
    )


def _added(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``extra`` added: its lists extend base's, its tables are added table by table, and any other
    value (a pattern written alone, a weight) replaces base's."""
    out = dict(base)
    for key, value in extra.items():
        was = out.get(key)
        if isinstance(value, dict) and isinstance(was, dict):
            out[key] = _added(was, value)
        else:
            out[key] = was + value if isinstance(value, list) and isinstance(was, list) else value
    return out


def _not_prose_start(table: dict[str, Any]) -> re.Pattern[str] | None:
    """The ``[not_prose]`` shapes of a line's start, after its ``lead`` (a list's bullet or item number): the
    ``start`` patterns and the ``reference``."""
    shapes = table.get("start", []) + ([table["reference"]] if table.get("reference") else [])
    return re.compile(table.get("lead", "") + "(?:" + "|".join(shapes) + ")") if shapes else None


def _reference_shaped(text: str) -> bool:
    """Whether a sentence may open with a reference in Vancouver style: "et al" within its first 48 characters, or its
    first comma, within 24, after a capital ("Agier M, et al.", "Black LI, Barnes PM, ..."; not "On Monday,")."""
    comma = text.find(",", 0, 24)
    return (comma > 0 and text[comma - 1].isupper()) or text.find(" et al", 0, 48) > 0


def _not_prose(text: str, voc: _CwVocab, digits: bool = True) -> bool:
    """Whether a sentence is a line of code, an entry of a reference list or an ingredient line (``[not_prose]``):
    a shape at its start (a list's item, a traceback's line, a reference), a journal's locator or a DOI (``digits``:
    the sentence holds a digit), or two marks of code or more (names with underscores count as one). (Each scan runs
    only when what it needs is there: one of the shapes' first characters, or a reference's "et al" or comma after a
    capital; ";" or "doi" for a locator; "(", "=", "{" or "}" for a mark of code, "<-" having its "(" after it.)"""
    if text[:1] in voc.not_prose_firsts:  # a bullet, an item number, a quantity, a prompt, a traceback
        if voc.not_prose is not None and voc.not_prose.match(text):
            return True
    elif voc.reference is not None and _reference_shaped(text) and voc.reference.match(text):
        return True
    if digits and voc.locator is not None and (";" in text or "doi" in text) and voc.locator.search(text):
        return True
    if voc.code_mark is None or not ("(" in text or "=" in text or "{" in text or "}" in text):
        return False
    marks = len(voc.code_mark.findall(text)) + ("{" in text or "}" in text)  # braces: one mark, however many
    if marks == 1 and "_" in text and voc.code_name is not None:
        marks += voc.code_name.search(text) is not None
    return marks >= 2


# an opening mark left at the start of the quoted words: the second apostrophe of a doubled one ("''I do think Fox
# News helped Trump enormously,'' said ...", the New York Times' style), a single mark inside a double one
_LEFT_MARK = r"(?:['‘’\"“”]\s?)?"


def _quoted_view(table: dict[str, Any]) -> re.Pattern[str] | None:
    """The ``[quoted_view]`` pattern: a ``start`` at the start of a quoted sentence, or after a fronted adverbial
    (a ``lead``: "To avoid unnecessary speculation, I intend to ...": the view is the main clause's)."""
    if not table.get("start"):
        return None
    lead = "(?:" + "|".join(table["lead"]) + ")?" if table.get("lead") else ""
    return re.compile(r"(?:^|(?<=[.!?…])\s+)" + _LEFT_MARK + lead + "(?:" + "|".join(table["start"]) + ")")


# every term of the score (``_cw_terms``, ``_CwTerms.stance_terms``): each has a weight in the resource
CW_TERMS = (
    "base", "question", "entity", "more_entities", "figure", "year", "number_word", "comparative", "superlative",
    "time", "attributed", "mid_length", "long", "title", "opinion", "advice", "uncertain", "interview", "personal",
    "quoted_reaction", "quoted_view", "boilerplate", "lead_in", "event", "hypothetical", "plain_event",
    "quote_speaker", "judgement", "quoted_self", "quoted_nothing", "poll", "evaluative", "frame", "too_short",
    "quoted_run", "group_view", "not_prose", "own_question", "view_piece",
)  # fmt: skip


def _cw_weights(table: dict[str, Any]) -> dict[str, float]:
    """The ``[weights]`` table of a resource: a weight for every term, and no other name."""
    if set(table) != set(CW_TERMS):
        missing, unknown = set(CW_TERMS) - set(table), set(table) - set(CW_TERMS)
        raise ValueError(f"checkworthiness weights: missing {sorted(missing)}, unknown {sorted(unknown)}")
    return {name: float(table[name]) for name in CW_TERMS}


_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\- ]{1,40}?(?:,\s*[A-Z][\w.]+(?:\s+\d{1,2})?)?\s*\([A-Z][\w&.' ]{1,30}\)|"
    r"[A-Z]{3,}(?:[ ,]+[A-Z]{2,}){0,3}(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2})?)\s*[:\-–—]+\s+",
    re.M,
)
_WORDS = re.compile(r"\w[\w’'-]*")
_SPLIT_AT = re.compile(
    r";\s+|,\s+(?:while|whereas)\s+|,\s+and\s+(?=(?:the\s+)?(?:[A-Z][\w’'-]+\s+){1,3}"
    r"(?:has|have|had|was|were|is|are|will|said|says|also|[a-z]+ed)\b)"
)
_QUOTE_CHARS = '"“”'
_QUOTED = re.compile(r"[“\"]([^“”\"]+)[”\"]")
_OPEN_QUOTE_CHARS = ('"', "“", "‘", "'", "„")  # (German opens with the low mark)
_OPENING_MARKS = " \"“‘'(["  # what may come before a sentence's first word
# which kinds of speaker each pronoun may stand for (lang/en/speech.toml pronoun_kinds)
_PRONOUN_KIND: dict[str, tuple[str, ...]] = {
    pronoun: tuple(kinds) for pronoun, kinds in resource("en", "speech")["words"]["pronoun_kinds"].items()
}
# the pronouns that stand for a person only ("he", "she")
_PERSON_PRONOUNS = frozenset(p for p, kinds in _PRONOUN_KIND.items() if kinds == ("person",))


def _possessive_owner(
    text: str, speaker: str, person_for: Any, last_it: tuple[str, str] | None
) -> str | None:
    """Whose ``speaker`` is when the sentence names it with a possessive pronoun ("Her office said" after
    Senator Ann Brook: Ann Brook), or None (``person_for``: "he"/"she" -> the person it stands for)."""
    for det in ("His ", "his ", "Her ", "her "):
        if det + speaker in text:
            return person_for("he" if det.lower() == "his " else "she")
    for det in ("Its ", "its ", "Their ", "their "):
        if det + speaker in text and last_it is not None and last_it[1] == "organisation":
            return last_it[0]
    return None


@dataclass(frozen=True, slots=True)
class _GenderVocab:
    """English pronoun evidence (``lang/en/speech.toml`` [gender])."""

    words: dict[str, str]  # pronoun -> "he"/"she"
    not_name_ends: frozenset[str]  # capitalised words that end no person's name ("Republican", "Year")
    # the pronouns, lower case, ending a word: the pattern opens with their letters, so that the scan jumps
    # from candidate letter to candidate letter (the word boundary before them is tested on one character)
    pattern: re.Pattern[str]
    pattern_any_case: re.Pattern[str]  # whole words, any case (a text whose lower case changes length)
    titles: tuple[tuple[str, str], ...]  # (title + " ", "he"/"she"): "Mr. " -> "he"
    title_ends: tuple[str, ...]  # every title + " ": one test rules out most names
    # given name -> "he"/"she", its bearers clearly one sex (``lang/en/given_names.toml``)
    given: dict[str, str]
    family_first: frozenset[str]  # family names written first ("Kim Jong Un"): no given name there


def _after_gender_title(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` right after a title that says a person's sex ("Mr. Trump", "Ms.
    Lynch": lang/en/speech.toml [gender] he_titles, she_titles)."""
    voc = _gender_vocab()
    return voc is not None and any(t + name in text for t in voc.title_ends)


@functools.cache
def _gender_vocab() -> _GenderVocab | None:
    g = resource("en", "speech").get("gender", {})
    words = {w: k for k in ("he", "she") for w in g.get(k, [])}
    if not words:
        return None
    titles = tuple((t + " ", k) for k in ("he", "she") for t in g.get(f"{k}_titles", []))
    alternatives = "(?:" + "|".join(sorted(words)) + r")\b"
    return _GenderVocab(
        words=words,
        not_name_ends=frozenset(g.get("not_name_ends", [])),
        pattern=re.compile(alternatives),
        pattern_any_case=re.compile(r"\b" + alternatives, re.I),
        titles=titles,
        title_ends=tuple(t for t, _ in titles),
        given={n: k for k, names in resource("en", "given_names").items() for n in names},
        family_first=frozenset(g.get("family_name_first", [])),
    )


def _pronoun_marks(text: str, voc: _GenderVocab) -> list[tuple[int, str]]:
    """(offset, "he"/"she") of every pronoun of ``text`` in any case ("He", "HIS"), found in its lower case:
    a case-insensitive pattern that opens with a word boundary tests every character. A match inside a word
    ("t|he") ends that word, so it hides no pronoun after it. (A text whose lower case changes length, "İ",
    is scanned as written; a word that only case-folds to a pronoun, "ſhe", is none.)"""
    low = text.lower()
    marks = []
    if len(low) != len(text):
        for m in voc.pattern_any_case.finditer(text):
            g = voc.words.get(m.group(0).lower())
            if g is not None:
                marks.append((m.start(), g))
        return marks
    for m in voc.pattern.finditer(low):
        i = m.start()
        if i and (low[i - 1].isalnum() or low[i - 1] == "_"):  # (the characters ``\w`` stands for)
            continue
        marks.append((i, voc.words[m.group(0)]))
    return marks


def _named_speaker(claims: list[Claim], sentence: str) -> str | None:
    """The person who speaks in one of ``claims``, the claims of ``sentence``, named in it ("..., Tester said"; not
    a "she said" or "the senator said" the sentence's words do not name), or None."""
    return next(
        (
            c.speaker
            for c in claims
            if c.speaker and c.speaker_kind == "person" and c.speaker.split()[-1] in sentence
        ),
        None,
    )


def _single_name_speaker(claims: list[Claim], canon: Any, genders: dict[str, str]) -> str | None:
    """The name of one word that speaks in ``claims`` (the sentence before's), typed a person for its shape,
    when nothing says it is one: no fuller name of the article holds it ("Clinton" of Hillary Clinton), no
    given name opens it, the article gives it no "he" or "she" (``genders``); else None."""
    voc = _gender_vocab()
    for c in claims:
        name = c.speaker
        if (
            name
            and c.speaker_kind == "person"
            and " " not in name
            and name[:1].isupper()
            and canon(name) == name
            and name not in genders
            and (voc is None or name not in voc.given)
        ):
            return name
    return None


def _surnames(known: frozenset[str]) -> dict[str, list[str]]:
    """The last word of each person of the article named in full that the attribution alone reads as a common
    word ("Cuban", "Will", "Schlafly") -> the persons of the article whose name it ends (most articles: none)."""
    out: dict[str, list[str]] = {}
    for p in known:
        if " " in p and attribution.common_word_name(last := p.rsplit(" ", 1)[1]):
            out.setdefault(last, []).append(p)
    return out


def _surname_attribution(sent: str, surnames: dict[str, list[str]]) -> attribution.Attribution | None:
    """The person of the article whose surname alone is the subject of a speech verb in ``sent``, where the
    sentence's own attribution saw only a common word: "Nevertheless, Cuban said" (Mark Cuban), "Will wrote"
    (George Will); None unless exactly one person of the article bears that surname (``surnames``)."""
    if not surnames or not any(w in sent for w in surnames):
        return None  # (most articles have no such surname, most sentences name none: no verb read)
    got = attribution.bare_word_subject(sent)
    if got is None:
        return None
    word, vs, ve = got
    persons = surnames.get(word, [])
    if len(persons) != 1:
        return None
    content = (ve, len(sent)) if len(sent) - ve >= 15 else None
    return attribution.Attribution(
        speaker=persons[0], kind="person", spans=[(vs, ve)], verb=sent[vs:ve], content=content
    )


def _pronoun_before_person(text: str, st: _Sent, persons: list[entities.Mention]) -> str:
    """The subject pronoun, "he" or "she", that sentence ``st`` speaks of someone by before it names a person
    (``persons``: its mentions of persons), else "": the sentence is about someone named before ("The Sanders
    campaign was the first time she had been involved, and she doesn't think Clinton can ...")."""
    if not persons:
        return ""
    m = _SUBJECT_PRONOUN.search(text, st.start, persons[0].start)
    return m.group().lower() if m is not None else ""


_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


def _person_mentions(st: _Sent, canon: Any, persons: frozenset[str]) -> list[entities.Mention]:
    """The mentions of persons in ``st``: named as persons, or by a surname the article gives in full (or,
    in ``persons``, a one-word name the article makes speak: "Harry said")."""
    return [m for m in st.mentions if m.kind == "person" or (m.kind == "misc" and canon(m.text) in persons)]


# the verbs of saying next to which a one-word name is a person's ("Harry said", '..., said Meghan.'), and the
# words that open a noun phrase, never a title before a name (``lang/en/persons.toml``)
_PERSONS = resource("en", "persons")
_SAYS_AFTER = tuple(" " + w for w in _PERSONS["says_after"])
_SAYS_BEFORE = tuple(w + " " for w in _PERSONS["says_before"])
_DETERMINERS = frozenset(_PERSONS["title_determiners"])


def _speaking_names(text: str, sents: list[_Sent]) -> frozenset[str]:
    """The one-word names (``misc`` mentions: the entity scan cannot tell a person's first name from any
    other capitalised word) right before or after a verb of saying ("Harry said", '..., said Meghan.'):
    persons, for the pronoun evidence."""
    return frozenset(
        m.text
        for st in sents
        for m in st.mentions
        if m.kind == "misc"
        and " " not in m.text
        and (text.startswith(_SAYS_AFTER, m.end) or text.endswith(_SAYS_BEFORE, 0, m.start))
    )


def _person_genders(text: str, sents: list[_Sent], canon: Any, known: frozenset[str]) -> dict[str, str]:
    """Person (canonical name) -> "he"/"she" from the article's own evidence: a title right before a
    name, and each pronoun, counted for the person named last before it in its sentence (or, in a sentence
    that names no one and opens no quotation, for the one person the sentence before in the paragraph
    names). Each pronoun so counted is a guess at whom it stands for ("Sanders ... has toned down his
    criticism of Hillary Clinton, shifting his focus" counts two "his" for Clinton): a person never named
    with a title whose given name's bearers are clearly one sex takes that one instead. Persons without evidence, or with as much for
    both, are left out (``canon``: name -> the article's full name; ``known``: the article's persons, by
    full name)."""
    voc = _gender_vocab()
    if voc is None:
        return {}
    marks = _pronoun_marks(text, voc)  # one scan per article
    votes: dict[str, Counter[str]] = {}
    titled: set[str] = set()  # the persons named with a title ("Mr. Rendell")
    k = 0
    prev: tuple[int, list[entities.Mention]] | None = None  # the sentence before: its paragraph, persons
    for st in sents:
        persons = _person_mentions(st, canon, known)
        for m in persons:
            before = text[max(0, m.start - 6) : m.start]
            if before.endswith(voc.title_ends):
                for t, g in voc.titles:
                    if before.endswith(t):
                        votes.setdefault(canon(m.text), Counter())[g] += 3
                        titled.add(canon(m.text))
        while k < len(marks) and marks[k][0] < st.start:
            k += 1
        j = k
        while j < len(marks) and marks[j][0] < st.end:
            pos, g = marks[j]
            j += 1
            who = next((m for m in reversed(persons) if m.end <= pos), None)
            if who is None and not persons and prev is not None and prev[0] == st.line:
                names = {canon(m.text) for m in prev[1]}
                if len(names) == 1 and text[st.start : st.start + 1] not in _OPEN_QUOTE_CHARS:
                    who = prev[1][0]
            if who is not None:
                votes.setdefault(canon(who.text), Counter())[g] += 1
        prev = (st.line, persons)
    out = {}
    for name, c in votes.items():
        given = None if name in titled else _given_name_pronoun(name, voc)
        if given is not None:
            out[name] = given
        elif c["he"] != c["she"]:
            out[name] = "he" if c["he"] > c["she"] else "she"
    return out


def _given_genders(known: frozenset[str], evidence: dict[str, str]) -> dict[str, str]:
    """Person (full name) -> "he"/"she" by their given name, for the persons of ``known`` the article's own
    evidence leaves out, when the name's bearers are clearly one sex ("Jane Doe": ``lang/en/given_names.toml``;
    a name of one word is left out: "Clinton", "Grant" are surnames as often, and so is a name that opens with
    a family name written first: "Kim Jong Un", "Lee Chyen Yee")."""
    voc = _gender_vocab()
    if voc is None:
        return {}
    out = {}
    for name in known:
        g = None if name in evidence else _given_name_pronoun(name, voc)
        if g is not None:
            out[name] = g
    return out


def _given_name_pronoun(name: str, voc: _GenderVocab) -> str | None:
    """The pronoun of the bearers of the given name that opens ``name`` when they are clearly one sex, or
    None (a name of one word, or one that opens with a family name written first)."""
    words = name.split()
    if len(words) < 2 or _family_name_first(words, voc):
        return None
    return voc.given.get(words[0])


@dataclass(frozen=True, slots=True)
class _IntlGenderCues:
    """The cues a text in another language gives of a person's gender (``lang/<lang>/speech.toml`` [gender])."""

    words: dict[str, str]  # a title or a noun of a role or kin, as written -> "he"/"she" ("Frau", "ministra")
    determiners: dict[str, str]  # a determiner before a role of the language's ``roles`` -> "he"/"she" ("la")
    roles: frozenset[str]  # the language's roles, lower case ("portavoz", "ministre")
    determiner_words: frozenset[str]  # every determiner of the language, lower case
    apposition_stops: frozenset[str]  # words that open a clause after a name, no apposition ("dessen")


@functools.cache
def _intl_gender_cues(lang: str) -> _IntlGenderCues | None:
    speech = resource(lang, "speech")
    g = speech.get("gender", {})
    words = {w: k for k in ("he", "she") for w in g.get(f"{k}_words", [])}
    if not words:
        return None
    return _IntlGenderCues(
        words=words,
        determiners={d.lower(): k for k in ("he", "she") for d in g.get(f"{k}_determiners", [])},
        roles=frozenset(r.lower() for r in speech.get("roles", [])),
        determiner_words=frozenset(d.lower() for d in speech.get("determiners", [])),
        apposition_stops=frozenset(w.lower() for w in g.get("apposition_stops", [])),
    )


_CUE_WORD = re.compile(r"[^\W\d_][\w.’'-]*")


def _gender_cue_before(text: str, start: int, cues: _IntlGenderCues) -> str | None:
    """ "he"/"she" from the word right before a name that starts at ``start`` ("Frau Merkel", "Ministerin Anna
    Weber", "Mme Dupont"), or from a determiner right before a role right before it ("la portavoz Ana Pérez",
    "le ministre Jean Dupont"); None (a comma or a quotation between them: no cue)."""
    before = text[max(0, start - 40) : start]
    if not before.endswith(" ") or before.endswith("  "):
        return None
    words = before.split()[-2:]
    if not words or _CUE_WORD.fullmatch(words[-1]) is None:
        return None
    g = cues.words.get(words[-1])
    if g is None and len(words) == 2 and words[-1].lower() in cues.roles:
        g = cues.determiners.get(words[0].lower())
    return g


def _gender_cue_after(text: str, end: int, cues: _IntlGenderCues) -> str | None:
    """ "he"/"she" from an apposition right after a name that ends at ``end``: its head among the first three
    words after the comma ("Patricia Llosa, seiner langjährigen Ehefrau", "Ana Pérez, ministra de Sanidad"),
    after nothing but one determiner and lower-case words; or a determiner of the language's that opens it before
    a role ("Ana Pérez, la portavoz del Gobierno"). Not a clause ("Paul Braun, dessen Frau ...")."""
    after = text[end : end + 80]
    if not after.startswith(", "):
        return None
    words = after[2:].split(maxsplit=3)[:3]
    for i, w in enumerate(words):
        w = w.rstrip(",.;:")
        if _CUE_WORD.fullmatch(w) is None:
            return None
        g = cues.words.get(w)
        if g is not None:
            return g
        low = w.lower()
        if (
            i == 0
            and low in cues.determiners
            and len(words) > 1
            and words[1].rstrip(",.;:").lower() in cues.roles
        ):
            return cues.determiners[low]
        # (only the first word may be a determiner: "X, die der Sohn anrief" is a clause)
        if low != w or low in cues.apposition_stops or (i > 0 and low in cues.determiner_words):
            return None
    return None


def _intl_person_genders(
    text: str, sents: list[_Sent], canon: Any, known: frozenset[str], lang: str | None
) -> dict[str, str]:
    """Person (canonical name) -> "he"/"she" in a language other than English, from the text's own cues
    only: a title or a noun of a role or kin right before a name, a determiner before a role, the head of an
    apposition after it (``_gender_cue_before``, ``_gender_cue_after``). Each mention's cue is a vote; persons
    with none, or with as many for both, are left out: a pronoun is never guessed for them (their given name
    says nothing here). (The pronouns themselves are no evidence: "sie", "elle" are also "they", "it".)"""
    cues = _intl_gender_cues(lang) if lang else None
    if cues is None:
        return {}
    votes: dict[str, Counter[str]] = {}
    for st in sents:
        for m in _person_mentions(st, canon, known):
            for g in (_gender_cue_before(text, m.start, cues), _gender_cue_after(text, m.end, cues)):
                if g is not None:
                    votes.setdefault(canon(m.text), Counter())[g] += 1
    return {name: ("he" if c["he"] > c["she"] else "she") for name, c in votes.items() if c["he"] != c["she"]}


def _role_gender(name: str, cues: _IntlGenderCues) -> str | None:
    """ "he"/"she" of a person the text names only by a role noun of the language's gender words, or by a
    compound ending in one ("Vizekanzler", "Rechtsanwältin"; the longest such ending decides: "Kanzlerin" is
    not "Kanzler"), its adjectives before it in lower case ("früherer Vizekanzler"); None otherwise (a name:
    "Frank Nopper")."""
    words = name.split()
    if not words or any(w[:1].isupper() for w in words[:-1]):
        return None
    head = words[-1].lower()
    best = ""
    for word in cues.words:
        low = word.lower()
        if (head == low or (len(low) >= 5 and head.endswith(low))) and len(low) > len(best):
            best = low
    return next((g for w, g in cues.words.items() if w.lower() == best), None) if best else None


_ROLE_RECENT = 4  # the persons named last that a pronoun can stand for (as ``_human_for`` reads them)


def _with_role_genders(
    genders: dict[str, str], humans: list[tuple[str, str]], canon: Any, lang: str
) -> dict[str, str]:
    """``genders`` and the gender of each of the last persons named by a role noun alone (``_role_gender``)."""
    cues = _intl_gender_cues(lang)
    if cues is None:
        return genders
    extra = {}
    for name, kind in humans[-_ROLE_RECENT:]:
        full = canon(name) if kind == "person" else None
        if full is not None and full not in genders:
            g = _role_gender(full, cues)
            if g is not None:
                extra[full] = g
    return {**genders, **extra} if extra else genders


def _family_name_first(words: list[str], voc: _GenderVocab) -> bool:
    """Whether the name of ``words`` opens with a family name written first: one of the vocabulary's
    ("Kim", "Lee") before two words more ("Kim Jong Un") or a hyphenated given name ("Kim Jong-un")."""
    return words[0] in voc.family_first and (len(words) > 2 or "-" in words[1])


_NAME_WORDS = (
    6  # the most words of a person's name with its titles ("Maricopa County Recorder Helen Purcell")
)


def _person_like(name: str, text: str, spoke: bool = False) -> bool:
    """Whether ``name``, which the entity scan read as a person's, can be one for a "he" or "she": no place, not
    a headline's words ("Clinton Accused Of Shocking Act With Bible"), and its last word none that ends no
    person's name (a place, a nationality, a party, a day or a number: "Kentucky Republican", "New Year"; a
    place or a nationality after a given name is a surname: "Mark Cuban");
    for a name that has not spoken (``spoke``), not the head of an organisation's name either ("Thrift
    Savings Plan" is named, "Jane Church" speaks) nor a common noun the article also writes in lower case
    ("Fox Business", "Black Lives Matter"; "Trista Best" speaks, though the article writes "best")."""
    words = name.split()
    if not words or len(words) > _NAME_WORDS or name in PLACES:
        return False
    last = words[-1].rstrip(".,")
    voc = _gender_vocab()
    if voc is not None and last in voc.not_name_ends:
        return False
    if (last in PLACES or last in DEMONYMS) and (voc is None or len(words) < 2 or words[0] not in voc.given):
        return False  # (a given name before it makes it a surname: "Mark Cuban", "Bill English")
    if spoke:
        return True
    if last in ORG_HEADS or last in ORG_TAIL_HEADS or last in OUTLET_HEADS:
        return False
    low = last.lower()
    if low == last or low not in text:
        return True  # (most names: no need for the word-boundary search)
    return re.search(r"(?<![\w’'-])" + re.escape(low) + r"(?![\w’'-])", text) is None


def _named_in_own_clause(
    text: str,
    st: _Sent,
    att: attribution.Attribution,
    base: int,
    quoted: list[tuple[int, int]],
    canon: Any,
    known: frozenset[str],
) -> tuple[frozenset[str], frozenset[str]]:
    """The persons (full names) sentence ``st`` names after the first of ``att``'s attribution words (its
    pronoun: "he called Rubio", "he said Rubio would ...") or inside the content it reports ("'Jeb Bush has
    zero skills,' he said"): none of them is whom the pronoun stands for; those outside quotation marks, then
    all of them. A speaker may name themself in their own quotation ("Sanders is outlining his plans. He says
    ... 'it's not Bernie Sanders'"): a quoted name rules out only a person named earlier, never the one who
    spoke in or opens the sentence before. ``base``: where the offsets of ``att`` count from in the text;
    ``quoted``: the sentence's quoted spans (offsets in the sentence). (Up to the first full stop after the
    pronoun: a sentence the splitter did not cut, at a quotation closed after its stop, names persons of other
    clauses after it.)"""
    if not att.spans:
        return frozenset(), frozenset()
    first = base + min(a for a, _b in att.spans)
    # (only a quoted content: in "Roffman signed a letter that he said ..." the words before are no report)
    content = (
        (base + att.content[0], base + att.content[1])
        if att.content is not None
        and text[base + att.content[0] : base + att.content[1]].lstrip()[:1] in _OPEN_QUOTE_CHARS
        else (first, first)
    )
    stop = _FULL_STOP.search(text, first, st.end)
    end = stop.start() if stop is not None else st.end
    named = [
        m
        for m in _person_mentions(st, canon, known)
        if m.end <= end and (m.start >= first or (content[0] <= m.start and m.end <= content[1]))
    ]
    plain = frozenset(
        canon(m.text)
        for m in named
        if not any(st.start + a <= m.start and m.end <= st.start + b for a, b in quoted)
    )
    return plain, frozenset(canon(m.text) for m in named)


# (not the stop of a title or an initial: "Mr. Rubio", "Sen. Cruz", "John F. Kennedy")
_FULL_STOP = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?][\"”’']?\s")


def _human_for(
    pronoun: str,
    humans: list[tuple[str, str]],
    genders: dict[str, str],
    canon: Any,
    leads: tuple[str | None, ...] = (),
    person_like: Callable[[str], bool] = lambda _name: True,
    given: Mapping[str, str] | None = None,
) -> tuple[str, str] | None:
    """The speaker "he"/"she" stands for: the first of ``leads`` (who spoke in the sentence before, who
    opens it) whose pronoun, from the article's evidence (``genders``) or else from their given name
    (``given``), is that one; else the last of ``humans`` (the persons and spokespeople named so far, last
    last) whose pronoun is not the other one (the given name rules a person out, never in), among the last
    four (a name no person bears, ``person_like`` false, left out); None when they are all ruled out."""
    for lead in leads:
        if lead is not None and person_like(lead):
            full = canon(lead)
            if genders.get(full, given.get(full) if given else None) == pronoun:
                return full, "person"
    for name, kind in reversed(humans[-4:]):
        if kind == "person" and not person_like(name):
            continue
        full = canon(name) if kind == "person" else None
        # (a description's pronoun is its head noun's: "The victim's mother said ... He added" is not hers)
        g = (
            genders.get(full, given.get(full) if given else None)
            if full is not None
            else _NOUN_GENDER.get(_description_head(name))
        )
        if g is None or g == pronoun:
            return name, kind
    return None


_ALSO_NAMED_RECENT = 2  # sentences back that a person named after the first one can be a "he"/"she" of


def _also_named_for(
    pronoun: str,
    also_named: list[tuple[int, list[str]]],
    si: int,
    genders: dict[str, str],
    given: Mapping[str, str],
    canon: Any,
    person_like: Callable[[str], bool],
) -> tuple[str, str] | None:
    """The person "he"/"she" of sentence ``si`` stands for when none of the persons it could stand for first
    (the first person of each sentence, the speakers) is of that pronoun: the last person named after the
    first one in one of the ``_ALSO_NAMED_RECENT`` sentences before whose pronoun, from the article's evidence
    or else their given name, is that one ("Clinton put Sanders on the defensive, but a hoarse-voiced Sanders
    got in numerous digs. He noted that ..." -> Sanders); None when there is no such person."""
    for at, names in reversed(also_named):
        if si - at > _ALSO_NAMED_RECENT:
            break
        for name in reversed(names):
            full = canon(name)
            if person_like(name) and genders.get(full, given.get(full)) == pronoun:
                return full, "person"
    return None


def _subject_person(
    text: str, st: _Sent | None, canon: Any, known: frozenset[str], after_opening: bool = False
) -> str | None:
    """The person named by the phrase that opens sentence ``st`` ("Marmorato, who is ..., campaigned"), or
    None: the one a "she" of the next sentence most likely stands for. ``after_opening``: first the subject
    of its main clause, after any opening phrase ("After meeting Jeb Bush in Washington, Trump was on CNN
    ...")."""
    persons = _person_mentions(st, canon, known) if st is not None else []
    if st is None or not persons:
        return None
    sent = text[st.start : st.end]
    subjects = (attribution.named_opening(sent),) if after_opening else ()
    for subj in (*subjects, attribution.sentence_subject(sent)):
        if subj is not None:
            s, e = st.start + subj[1], st.start + subj[2]
            found = next((m.text for m in persons if s <= m.start and m.end <= e), None)
            if found is not None:
                return found
    return None


def _description_lead(
    text: str, ptext: str, speaker: str, prev_st: _Sent | None, canon: Any, known: frozenset[str]
) -> str | None:
    """The person a description that opens sentence ``ptext`` as its speaker stands for, or None: "Clinton
    acknowledged ... The Democratic presidential nominee explained ...", "Kasich won Ohio. The candidate said
    ...": the person who opened the sentence before, the only person it names (not after "Trump attacked
    Rubio.": either may be "the Florida senator"). Not a bare office ("The sentencing judge said" after
    "Gigante ...": an office without a place, a party or a people's name is someone else's), nor a spokesman."""
    head = speaker.split()[-1]
    if (
        not ptext.startswith(f"The {speaker} ")
        or not attribution.name_descriptor(head)
        or head.startswith("spokes")
        or (head in ROLE_WORDS and speaker.islower())
        or prev_st is None
    ):
        return None
    lead = _subject_person(text, prev_st, canon, known)
    if lead is None or len({canon(m.text) for m in _person_mentions(prev_st, canon, known)}) != 1:
        return None
    return lead


def _clause_subject_person(text: str, st: _Sent, canon: Any, known: frozenset[str]) -> str | None:
    """The person named right after the word that opens sentence ``st`` with a subordinate clause ("When
    Meghan joined the family, she said ..." -> Meghan; "Though Ms. Olivieri has spent ...": titles aside),
    or None."""
    sent = text[st.start : st.end]
    first = sent.split(None, 1)[0] if sent.strip() else ""
    if first.lower() not in attribution.CLAUSE_OPENERS:
        return None
    persons = _person_mentions(st, canon, known)
    # (after nothing but titles: "Though Ms. Olivieri has spent ..., she said")
    if not persons or any(
        w not in TITLE_WORDS for w in text[st.start + len(first) : persons[0].start].split()
    ):
        return None
    return str(canon(persons[0].text))


@functools.cache
def _coordinated_pronoun(pronoun: str) -> re.Pattern[str]:
    """A clause joined to the one before it whose subject is ``pronoun`` (", but she", " and he", " when she"),
    or opened by a colon, a semicolon or a dash ("...: He also said", "... — he told the AP")."""
    marks = "|".join(re.escape(m) for m in attribution.CLAUSE_MARKS)
    return re.compile(
        r"(?:\b(?:"
        + "|".join((*attribution.COORDINATORS, *attribution.PRONOUN_SUBORDINATORS))
        + r")\s+"
        + re.escape(pronoun)
        + r"|(?:"
        + marks
        + r")\s+(?:"
        + re.escape(pronoun)
        + "|"
        + re.escape(pronoun.capitalize())
        + r"))\b"
    )


def _subordinate_subject_persons(
    text: str, st: _Sent, pronoun: str, canon: Any, known: frozenset[str]
) -> list[str]:
    """The persons sentence ``st`` names before a clause of a time or a reason whose subject is ``pronoun``, first
    first: the main clause's subject is the likeliest one it stands for ("The legislature passed a ban, but Gov.
    Mary Fallin vetoed the bill because she said ..." -> Fallin, not a person who spoke before; "Trump's biggest
    applause came when he said ..." -> Trump)."""
    sent = text[st.start : st.end]
    m = re.search(
        r"\b(?:" + "|".join(attribution.PRONOUN_SUBORDINATORS) + r")\s+(" + re.escape(pronoun) + r")\b", sent
    )
    # (only the sentence's first "he"/"she": "Last month, he waded into politics on a Kansas City station when he
    # suggested ..." is about whoever the first "he" is; "He's leaning toward Kasich, he said, because he ...")
    first = re.search(r"\b" + re.escape(pronoun) + r"\b", sent, re.IGNORECASE)
    if m is None or first is None or first.start() != m.start(1):
        return []
    return [str(canon(p.text)) for p in _person_mentions(st, canon, known) if p.end <= st.start + m.start()]


def _coordinate_subject_person(
    text: str, st: _Sent, pronoun: str, canon: Any, known: frozenset[str]
) -> str | None:
    """The person who opens sentence ``st`` when ``pronoun`` is the subject of a clause joined to theirs
    ("Ms. Brainard joined the Fed in 2014, but she said ..." -> Brainard, by full name; "Suu Kyi's fate is
    unclear, but she said": the owner too; "The Romney attack hit Trump, and he responded": no one), or None."""
    sent = text[st.start : st.end]
    m = _coordinated_pronoun(pronoun).search(sent)
    if m is None:
        return None
    subj = attribution.sentence_subject(sent)
    if subj is None or subj[1] != 0 or subj[2] > m.start():
        return None
    e = st.start + subj[2]
    for p in _person_mentions(st, canon, known):
        # the name opens the sentence, after nothing but titles ("Ms.", "Former Sen."; never "The Romney
        # attack"), and ends the phrase or owns its head; or ends a description that opens it, an aside after
        # it ("The Ethiopian marathoner Feyisa Lilesa, who won ...; he says": the person described, not "The
        # wife of John Smith")
        titles = text[st.start : p.start].split()
        if p.end == e and text.startswith(",", p.end) and "of" not in titles:
            return str(canon(p.text))
        if any(not w[:1].isupper() or w in _DETERMINERS for w in titles):
            continue
        if p.end == e or (p.end < e and text.startswith(("'s ", "’s "), p.end)):
            return str(canon(p.text))
    return None


def _group_word(text: str, speaker: str) -> bool:
    """Whether a one-word speaker is a capitalised plural the article also writes in lower case ("Dealers
    said" and "gold dealers in London"): a group of people, not a person's name ("Sanders said")."""
    if " " in speaker or not speaker.endswith("s") or speaker.endswith("ss") or not speaker[:1].isupper():
        return False
    low = speaker.lower()
    return re.search(r"(?<![\w’'-])" + re.escape(low) + r"(?![\w’'-])", text) is not None


def _org_before(mentions: list[entities.Mention], pos: int) -> str | None:
    """The last organisation a sentence names before ``pos`` ("Veritas Micro will build ..., the company
    announced"), outlets and a dateline in capitals left out, or None."""
    orgs = [
        m.text
        for m in mentions
        if m.kind == "org" and m.end <= pos and m.text not in OUTLETS and not m.text.isupper()
    ]
    return orgs[-1] if orgs else None


def _group_subject(sentence: str, pronoun: str) -> tuple[str, str] | None:
    """The subject of ``sentence`` when ``pronoun`` ("they", "it") can stand for it in the next one: a
    group of people ("Researchers at the University of Tübingen") for "they", an organisation for both."""
    subj = attribution.sentence_subject(sentence)
    src = attribution.classify_source(subj[0]) if subj else None
    if src is None:
        return None
    if src.kind == "organisation" or (
        pronoun == "they" and src.kind == "anonymous" and any(w.endswith("s") for w in src.name.split()[:3])
    ):
        return src.name, src.kind
    return None


# what a claim id looks like (``_claim_id``): "c" and ten hex digits
CLAIM_ID = re.compile(r"c[0-9a-f]{10}")


def claim_id(basis: str, text: str, occurrence: int) -> str:
    """A claim's id: from its article's content (``id_basis_of``), its normalised text and its occurrence."""
    return _claim_id(basis, _norm(text), occurrence)


def id_basis_of(article: Article) -> str:
    """What claim ids are made from: the article's content hash, so that the same text gives the same ids
    wherever it lies and whichever folder the batch was opened from; a second copy of a text in one batch
    uses its key instead, so that the two copies' claims stay apart."""
    return article.key if article.duplicate_of else article.id


def _norm(text: str) -> str:
    """``" ".join(text.split()).casefold()``. Every whitespace character but the space is unprintable, so a
    printable text with no double space and no space at either end is already joined by single spaces."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text.casefold()
    return " ".join(text.split()).casefold()


def _claim_id(article_key: str, norm: str, occurrence: int) -> str:
    h = hashlib.blake2b(f"{article_key}\0{norm}\0{occurrence}".encode(), digest_size=5).hexdigest()
    return f"c{h}"


def checkworthiness(
    text: str,
    n_times: int,
    *,
    n_entities: int | None = None,
    attributed: bool = False,
    event: Stance | None = None,
    quote_speaker: bool = False,
    content: str | None = None,
    content_entities: int | None = None,
    quoted: str | None = None,
    lang: str | None = None,
    untimed: str | None = None,
) -> float:
    """A 0-1 score: how much a sentence looks like a checkable factual statement.

    Named entities, figures, dates, attribution and a reported event (occurred/planned/denied...) score
    high. Questions, boilerplate and notes to the reader, opinion and reactions, the writer's evaluative words
    ("a paltry fund"), a frame that gives a reading of events ("the question is whether ...", "is a reminder
    of ...", a stock figure of speech: "knows a thing or two"), advice, statements that nothing is known,
    first-person chatter (an interview answer, a personal story) and quoted words that name nothing and count nothing (a reaction: "It was a difficult part," quipped
    Pitt) score low.
    ``content`` is what the claim reports (the quotation, the clause a speech verb frames; default the
    whole text) with ``content_entities`` named entities (default ``n_entities``); ``quoted`` the words
    of its direct quotations (three words or more), if any; ``untimed`` the text with its time
    expressions blanked out (the "9" of "Feb. 9" is no figure, the "last" of "last week" no superlative).
    The vocabulary is the language's ``checkworthiness`` resource.
    """
    terms = _cw_terms(
        text, n_times, n_entities, attributed, quote_speaker, content, content_entities, quoted, lang, untimed
    )
    return _cw_score(terms, event, lang)


# a quotation of fewer words is short: an assessment in the present tense, not a description of how things work
QUIP_WORDS = 20


class _CwTerms(NamedTuple):
    """The terms of one sentence's check-worthiness before its stance is known: name -> count, each with a weight
    in the language's ``[weights]`` table. ``always`` count whatever the stance (their weighted sum: ``fixed``);
    ``plain_event`` counts only with a reported event, ``without_event`` only without one (a stated or
    hypothetical claim); ``judgement`` only for a stated claim."""

    always: dict[str, int]
    without_event: dict[str, int]
    plain_event: bool
    quote_speaker: bool
    judgement: bool
    weights: dict[str, float]
    fixed: float
    act_text: str | None  # the content, read for a present act when the claim is stated (None: not English)

    def stance_extra(self, event: Stance | None) -> list[tuple[str, int]]:
        """The terms that a claim of stance ``event`` (None: not classified) adds to ``always``. A stated claim
        that tells a present act of a specific subject (``stance.present_act``: "A photograph shows a palm-sized
        rabbit.") counts as an event; a short quotation that names, counts and dates nothing does not ("This lack
        of rain is keeping the threat of fire very real," said ...: the speaker's assessment)."""
        # a forecast, or (below) a present act: the writer's argument in a piece of opinion (``view_piece``)
        argued = event is Stance.EXPECTED
        if (
            event is Stance.STATED
            and self.act_text is not None
            and not ("quoted_nothing" in self.without_event and self.act_text.count(" ") < QUIP_WORDS)
            and stance.present_act(self.act_text)
        ):
            event, argued = Stance.OCCURRED, True
        extra = []
        if event is Stance.HYPOTHETICAL:
            extra.append(("hypothetical", 1))
        elif "quoted_view" in self.always:
            # the quotation's main clause gives the speaker's view, intention or expectation ("It's a sign of
            # the distemper that voters have shown", "I will discuss with him the way forward"): an event read
            # elsewhere in the sentence is not what the quotation asserts, and earns no bonus
            pass
        elif event is not None and event is not Stance.STATED:
            extra.append(("event", 1))
        if self.quote_speaker:
            extra.append(("quote_speaker", 1))
        if self.judgement and event is Stance.STATED:
            extra.append(("judgement", 1))
        if event in (None, Stance.STATED, Stance.HYPOTHETICAL):
            extra.extend(self.without_event.items())
        else:
            if self.plain_event:
                extra.append(("plain_event", 1))
            if argued and "view_piece" in self.without_event:
                # in a piece of opinion the writer's present act or forecast ("Alpha reflects a calm afternoon.",
                # "Xi will choose the former.") is the argument too: only an event that happened, was announced,
                # planned or denied keeps its score
                extra.append(("view_piece", 1))
        return extra

    def stance_terms(self, event: Stance | None) -> dict[str, int]:
        """Every term that counts for a claim of stance ``event``."""
        return {**self.always, **dict(self.stance_extra(event))}

    def score(self, event: Stance | None) -> float:
        """The weighted sum of the terms that count for a claim of stance ``event``, clipped to 0-1."""
        score = self.fixed  # (added term by term after ``fixed``: the same floats whatever the stance)
        for name, n in self.stance_extra(event):
            score += self.weights[name] * n
        return round(max(0.0, min(1.0, score)), 3)


def _cw_terms(
    text: str,
    n_times: int,
    n_entities: int | None,
    attributed: bool,
    quote_speaker: bool,
    content: str | None = None,
    content_entities: int | None = None,
    quoted: str | None = None,
    lang: str | None = None,
    untimed: str | None = None,
    title: bool = False,
    continues: bool = False,
    bare_paragraph: bool = False,
    group_view: bool = False,
    view_piece: bool = False,
) -> _CwTerms | None:
    """The terms of a sentence's score (see ``checkworthiness``); None for a sentence too short to be a claim.
    ``continues``: the sentence goes on with a quotation opened in an earlier sentence and dates nothing (a
    reference to the present or past, "now", "in the past", is no date). ``bare_paragraph``: its paragraph holds
    two sentences or more and no figure in digits and no time expression (``_bare_paragraph``). ``group_view``: its
    speaker is an unnamed group of opinion-holders (``_group_view``: "critics", "many Democrats"). ``view_piece``: the
    page says it is a piece of opinion, analysis or review (``article_kind.view_piece``)."""
    n = text.count(" ") + 1
    if n < 5:
        return None
    voc = _cw_vocab(lang)
    t = {"base": 1}
    if "?" in text and text.rstrip("\"”’' )").endswith("?"):
        t["question"] = 1
    if n_entities is None:
        n_entities = len(re.findall(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-zA-Z’'-]+", text))
    if content is None:
        content = text
    if content_entities is None:
        content_entities = n_entities
    low = _no_one((untimed or text).lower())
    words = set(voc.words.findall(" " + low)) if voc.words else set()
    if voc.country_actors is not None and not words.isdisjoint(voc.country_nouns):
        # a country's actor weighs like the country named ("a Russian court sentenced him" as "Russia sentenced
        # him"): each people's adjective of the content, once (the sentence's words decide first: a cheap gate)
        content_entities += _country_actor_count(content, voc.country_actors)
    if content_entities:
        t["entity"] = 1
        if content_entities > 1:
            t["more_entities"] = min(content_entities - 1, 3)
    has_fig = True
    if _has_digit(low):
        # a count or an amount ("6,500", "$10", "2 percent") weighs more than a bare year
        years_only = all(_YEAR.fullmatch(f.rstrip(",.")) for f in _FIGURE.findall(low))
        t["year" if years_only else "figure"] = 1
    elif not words.isdisjoint(voc.numbers) and _counts_in_words(low, words, voc):
        t["number_word"] = 1
    else:
        has_fig = False
        # a comparison is an amount in words: "burning less coal", "worse than last year"
        if not words.isdisjoint(voc.comparatives):
            t["comparative"] = 1
    has_sup = not words.isdisjoint(voc.superlatives) and (
        words.isdisjoint(voc.not_rank.triggers) or _ranks(low, words, voc)
    )
    if has_sup:
        t["superlative"] = 1
    if n_times:
        t["time"] = 1
    if attributed or not words.isdisjoint(voc.report_hedges):
        # someone says it; or the writer tells what others report or allege ("OpenAI is reportedly deep into
        # developing AI agent systems", "a booster allegedly giving cash"): a claim made by someone, checkable
        t["attributed"] = 1
    if quote_speaker and bare_paragraph:
        # a quotation with its speaker in a paragraph of talk that counts and dates nothing: the speaker's run of
        # views, reactions or stories after the news ("“They set it up like this is a historic event,” said ...
        # “This should not have triggered blackouts.”"), not the news itself
        t["quoted_run"] = 1
    if group_view:
        # what "critics", "opponents" or "many Democrats" say is their reading, forecast or complaint ("Critics
        # said he was playing a spoiler by staying in."), not a fact the article reports
        t["group_view"] = 1
    if title:
        t["title"] = 1  # a headline states the article's main claim
    n_op = len(words & voc.opinion) + voc.opinion_rule.count(low, words) + _mind_views(text, low, words, voc)
    if n_op:
        t["opinion"] = min(2, n_op)
    if not attributed and quoted is None and not words.isdisjoint(voc.evaluative):
        t["evaluative"] = 1  # the writer judges ("a paltry fund", "blithely skip past"): analysis, not a fact
    # the content's rules run on the content; their trigger words are looked up among the sentence's (a cheap
    # gate: the content is part of the sentence), so the content is not scanned for words a second time
    clow = low if content is text else content.lower()
    if voc.addressed.search(clow, words):
        t["advice"] = 1  # the reader addressed: "With January around the corner, you may be focused on"
    elif voc.advice.search(clow, words):
        # advice, obligation: "corporations need to create ..."; but an obligation with a time is a rule
        # with its date ("Travellers arriving after 4am on Saturday must self-isolate"), checkable like a
        # timed "should" (an imperative stays advice: "Notice the warping ...")
        if not (
            n_times
            and _has_word(clow, words, voc.timed_obligation, voc)
            and (voc.advice.start is None or voc.advice.start.match(clow) is None)
        ):
            t["advice"] = 1
    elif voc.should is not None and not n_times and "should" in words and voc.should.search(clow):
        t["advice"] = 1  # "should" without a time: advice ("the prize should have gone to ...")
    elif voc.appeal.search(low, words):
        t["advice"] = (
            1  # an appeal reported as emphasis: "Reid ... stressed the need to treat both Sanders and ..."
        )
    elif not attributed and quoted is None and voc.instruction is not None and voc.instruction.match(text):
        t["advice"] = 1  # a guide's step in the writer's voice: "Choose pliers with comfortable handles ..."
    if voc.uncertain.search(clow, words) or voc.forecast.search(clow, words):
        # "no-one could predict what might happen", "Building support for it will be difficult"
        t["uncertain"] = 1
    if voc.poll.search(low, words):
        t["poll"] = 1  # a poll's result ("Biden and Sanders lead in national polls"): a figure in words
    if (
        voc.frame.search(low, words)
        or voc.concession.search(low, words)
        or voc.likeness.search(low, words)
        or voc.idiom.search(low, words)
        or voc.colour.search(low, words)
    ):
        # a reading of events, not an event: "the question is whether ...", "is a reminder that ...", "it's as if",
        # a stock figure of speech ("knows a thing or two about ..."), the writer's colour ("the admiral chuckled")
        t["frame"] = 1
    if "asked" in low and voc.interview.search(low, words):  # (the substring: a cheap gate)
        t["interview"] = 1  # "Asked why he settled on Sanders, Blocker said, ...": an interview answer
    # terms that a reported event (occurred, planned, denied...) lifts: "My client never took a single naira,"
    # he said is a claim; "We do not see any roadblocks," says Li is not
    soft: dict[str, int] = {}
    if (
        "!" in text
        and voc.exclamation is not None
        and not attributed
        and quoted is None
        and "evaluative" not in t
        and voc.exclamation.search(text) is not None
    ):
        # the writer exclaims and reports no event: a call or a cheer ("Get in touch with Jill today!"), promotion,
        # not a fact (an event told with an exclamation stays: "human fingers have been found in the dog's throat!")
        soft["evaluative"] = 1
    personal = (
        voc.personal is not None
        and not words.isdisjoint(voc.personal_triggers)
        and voc.personal.search(content) is not None
        and (
            not content_entities
            or (voc.personal_singular is not None and voc.personal_singular.search(content) is not None)
        )
    )
    if personal:
        if attributed or (voc.personal is not None and _quoted_first_person(content, voc.personal)):
            # a speaker quoted about themself (not a record: "the largest investment in our history");
            # in reported speech "we" is the writer's ("life as we know it"); unattributed, the writer's sentence
            # quotes someone's first-person words ("He funds ... and has stated, "I'm very much against guns."")
            if quoted is not None and not has_sup and not has_fig:
                soft["quoted_self"] = 1
        else:
            t["personal"] = 1  # the writer about themself: a personal story, an interview answer
    if view_piece and not attributed and quoted is None and not title and not has_fig and not n_times:
        # the writer's own sentence in a piece of opinion, analysis or review that counts and dates nothing: the
        # piece's argument ("The real question is who will pay for it."), unless it reports an event that happened,
        # was announced, planned or denied (``_CwTerms.stance_extra``)
        soft["view_piece"] = 1
    if quoted is not None and not content_entities and not has_sup and not _counts(quoted, voc):
        # quoted words that name nothing, count nothing and rank nothing: a reaction, whatever the
        # verbs of the sentence around it when it speaks of feelings
        if n_op:
            t["quoted_reaction"] = 1
        elif continues:
            # a further sentence of a quotation that names, counts, ranks and dates nothing: whatever it
            # reports ("I don't have any set ideas."), it is no claim of its own
            t["quoted_nothing"] = 1
        else:
            soft["quoted_nothing"] = 1
        quote_speaker = False
    if (
        quoted is not None
        and voc.quoted_view is not None
        and not has_sup
        and voc.quoted_view.search(quoted.lower()) is not None
        and not _counts(quoted, voc)
        and not _title_cased(text, quoted, voc.title_small_words)
    ):
        t["quoted_view"] = 1  # the speaker's view ("It was a big stretch," he said), not a checkable fact
    if quoted is not None and not has_fig and not has_sup and voc.account.search(quoted.lower(), words):
        # the speaker's own story, a sentence of the quotation opening "I was ...", "We were chatting ..." and
        # counting and ranking nothing ("I was one of the first senators to do that" is a record): a personal
        # account, like an interview answer, not the news
        t["personal"] = 1
    if quoted is not None and _self_view(quoted, voc, words):
        # the speaker's feeling or concern about themself opens the quotation ("I will always be appreciative of his
        # 24/7 dedication ..."): a view and a reaction, whatever it counts or names
        t["quoted_view"] = 1
        t["opinion"] = min(2, t.get("opinion", 0) + 1)
    if (
        not words.isdisjoint(voc.boiler_words)
        or voc.boilerplate.search(low, words)
        or voc.handover.search(low, words)
        or voc.refusal.search(low, words)
    ):
        t["boilerplate"] = 1
    if _not_prose(text, voc, "figure" in t or "year" in t):
        t["not_prose"] = 1  # code, a reference, an ingredient: "File "<stdin>", line 1", "Lin I-C et al."
    if text.rstrip().endswith(":"):
        t["lead_in"] = 1  # a lead-in ("Re. “Prop. 13 proves costly”, Page A8, Jan. 13:")
    # a plain statement in the writer's own voice that reports an event is a claim, however short ("Full-scale
    # clashes then erupted.", "An investigation has begun."), unless it tells what someone thought or felt,
    # or a cue above speaks against it
    # the writer's own question (not one quoted at the end: "a reporter asked him, 'How long have you been ...?'")
    # asks whether an event happened, it does not report one
    asks = "question" in t and text.rstrip().endswith("?")
    if asks and not attributed and quoted is None and ": " not in text:
        # nobody is quoted asking it: the writer's own question, a rhetorical one ("If Ukraine was really turning the
        # tide of the war, ..., do you think ... would dismiss his Defense Minister?"), whatever it names and dates
        # (a statement that leads in a question after a colon states its first part: "Clinton's victory ... has
        # brought Sanders one step closer to decisions that can be summed up in one simple question: Should he ...?")
        t["own_question"] = 1
    plain_event = (
        not asks
        and not attributed
        and quoted is None
        and not personal
        and not n_op
        and _CW_CUES_AGAINST.isdisjoint(t)
        and words.isdisjoint(voc.mind)
    )
    if n > 70:
        t["long"] = 1
    if 6 <= n <= 50:
        t["mid_length"] = 1
    weights = voc.weights
    judgement = quote_speaker and content_entities <= 1 and not has_fig and not has_sup
    # (positional: a NamedTuple built with keywords costs twice as much, and this runs for every sentence)
    # (a stated claim that tells a present act of a specific subject is scored as an event: ``stance_extra``)
    act_text = content if lang in (None, "en") else None
    return _CwTerms(
        t, soft, plain_event, quote_speaker, judgement, weights, _weighted_sum(t, weights), act_text
    )


def _mind_views(text: str, low: str, words: set[str], voc: _CwVocab) -> int:
    """How many ``[mind_view]`` patterns the sentence holds (``low``: ``text`` lower-cased), a title's words left
    out: a match whose words after the first are all capitalised in ``text`` is a title ("knocking Whitney
    Houston's “I Want to Dance With Somebody” off the top spot"), not the speaker's want."""
    rule = voc.mind_view
    if rule.anywhere is None or words.isdisjoint(rule.triggers):
        return 0
    n = 0
    for m in rule.anywhere.finditer(low):
        after = text[m.start() : m.end()].split()[1:] if len(low) == len(text) else []
        if not (after and all(w[:1].isupper() for w in after)):
            n += 1
    return n


def _self_view(quoted: str, voc: _CwVocab, words: set[str]) -> bool:
    """Whether a sentence of the quoted words opens with the speaker's feeling or concern about themself
    (``[self_view]``: "I will always be appreciative of ...", "my major concern is ..."); ``words``: the sentence's
    words, a cheap gate. A match whose words after the first are all capitalised in ``quoted`` is a title ("“My
    Heart Will Go On” also won ..."), not the speaker's."""
    rule = voc.self_view
    if rule.anywhere is None or words.isdisjoint(rule.triggers):
        return False
    low = quoted.lower()
    for m in rule.anywhere.finditer(low):
        after = quoted[m.start() : m.end()].split()[1:] if len(low) == len(quoted) else []
        if not (after and all(w[:1].isupper() for w in after)):
            return True
    return False


def _weighted_sum(terms: dict[str, int], weights: dict[str, float]) -> float:
    """The sum of the terms' weights times their counts (a plain loop: faster than sum() over a generator)."""
    total = 0.0
    for name, n in terms.items():
        total += weights[name] * n
    return total


# the terms that take a plain event's bonus away
_CW_CUES_AGAINST = frozenset({
    "advice", "uncertain", "interview", "quoted_reaction", "quoted_view", "boilerplate", "lead_in", "frame",
    "not_prose",
})  # fmt: skip


def _has_word(clow: str, words: set[str], wanted: frozenset[str], voc: _CwVocab) -> bool:
    """Whether the lower-cased content ``clow`` holds one of the vocabulary's words ``wanted``; ``words``, those
    of the whole sentence, decide first (the content is part of the sentence)."""
    if words.isdisjoint(wanted):
        return False
    return voc.words is not None and not wanted.isdisjoint(voc.words.findall(" " + clow))


def _counts(quoted: str, voc: _CwVocab) -> bool:
    """Whether quoted words count something: a figure or a number in words ("Three people were hurt")."""
    if _has_digit(quoted):
        return True
    if voc.words is None:
        return False
    low = _no_one(quoted.lower())
    words = set(voc.words.findall(" " + low))
    return not voc.numbers.isdisjoint(words) and _counts_in_words(low, words, voc)


def _counts_in_words(low: str, words: set[str], voc: _CwVocab) -> bool:
    """Whether the lower-cased ``low``, whose words ``words`` hold a number word, counts in words: a number word
    outside the phrases in which it counts nothing (``[not_count]``: "one of the reasons", "the one he built")."""
    rule = voc.not_count
    if rule.anywhere is None or words.isdisjoint(rule.triggers) or rule.anywhere.search(low) is None:
        return True
    rest = rule.anywhere.sub(" ", low)
    return voc.words is not None and not voc.numbers.isdisjoint(voc.words.findall(" " + rest))


def _ranks(low: str, words: set[str], voc: _CwVocab) -> bool:
    """Whether the lower-cased ``low``, whose words ``words`` hold a superlative, ranks something: a superlative
    outside the phrases in which it ranks nothing (``[not_rank]``: "not only a moral imperative but ...")."""
    rule = voc.not_rank
    if rule.anywhere is None or words.isdisjoint(rule.triggers) or rule.anywhere.search(low) is None:
        return True
    rest = rule.anywhere.sub(" ", low)
    return voc.words is not None and not voc.superlatives.isdisjoint(voc.words.findall(" " + rest))


def _no_one(low: str) -> str:
    """``low`` with "no one" written "no-one": nobody, not the count "one" ("no one knew what it was")."""
    return _NO_ONE.sub("no-one", low) if "no one" in low else low


def _title_cased(text: str, quoted: str, small: frozenset[str]) -> bool:
    """Whether quoted words are a title ("a poem entitled “I Am a Christian.”"): two words or more, each
    capitalised but the small words a title leaves in lower case, quoted inside the sentence (a quotation that
    opens it is speech: "“That’s Jeb Bush and Marco Rubio.”")."""
    words = quoted.split()
    return (
        len(words) > 1
        and all(w[:1].isupper() or w in small for w in words)
        and not text.lstrip(_OPENING_MARKS).startswith(words[0])
    )


def _has_digit(s: str) -> bool:
    """``_DIGIT.search(s) is not None``. Substring scans for the ASCII digits are far cheaper than the
    pattern's Unicode test at every character; only a text with non-ASCII characters can hold another
    decimal digit ("٣"), and only there the pattern runs."""
    for d in "0123456789":  # (a plain loop: faster than any() over a generator)
        if d in s:
            return True
    return not s.isascii() and _DIGIT.search(s) is not None


def _cw_own_terms(terms: _CwTerms | None, event: Stance) -> bool:
    """Whether a claim of stance ``event`` scores other terms than an occurred event: a stated or hypothetical
    claim (every other stance earns the event bonus, or, after a quoted view, none: as an occurred event)."""
    return event is Stance.STATED or event is Stance.HYPOTHETICAL


def _cw_score(terms: _CwTerms | None, event: Stance | None, lang: str | None) -> float:
    """The score once the stance is known (``too_short``'s weight for a sentence without terms)."""
    return _cw_vocab(lang).weights["too_short"] if terms is None else terms.score(event)


def _is_transcript(text: str, lang: str | None) -> bool:
    """Whether an article is a broadcast transcript (NPR, CNN, BBC and PBS publish them): three lines or more
    open with a speaker's label in capitals ("SACHA PFEIFFER, HOST: ...", "UNIDENTIFIED PERSON #1: ...")."""
    voc = _cw_vocab(lang)
    # (most articles have no such lines: a count of ": " decides first)
    return voc.turn_line is not None and text.count(": ") >= 3 and len(voc.turn_line.findall(text)) >= 3


def _turn_words(ptext: str, lang: str | None) -> int:
    """Where the spoken words of a transcript's turn start in ``ptext``: after its speaker's label, which names
    no one the claim is about (0 without a label)."""
    voc = _cw_vocab(lang)
    m = voc.turn_label.match(ptext) if voc.turn_label is not None else None
    return m.end() if m else 0


def _too_few_spoken(spoken: str, lang: str | None) -> bool:
    """Whether a transcript's turn says under five words once its stage directions ("(Chanting) Boot.",
    "Whoo (ph).") are left out: a chant, a cry or an aside, no claim."""
    voc = _cw_vocab(lang)
    words = voc.direction.sub(" ", spoken) if voc.direction is not None else spoken
    return len(words.split()) < 5


def _named_entities(resolver: Any, ms: list[entities.Mention]) -> list[Any]:
    """The entities ``ms`` mention, reporting outlets left out."""
    return [en for en in resolver.entities(ms) if not (en.kind == "org" and en.name in OUTLETS)]


def _common_nouns(resolver: Any, ms: list[entities.Mention]) -> int:
    """The common nouns (German) of a sentence's mentions that are no entities (no word of a person's name):
    the check-worthiness counts them as things the sentence names, as it counted them before they were told
    from names (its weights were set so)."""
    return len({m.text for m in ms if m.common and resolver.entity(m) is None})


def find_speaker(text: str) -> str | None:
    """Who a sentence attributes its content to (context-free; see ``extract`` for context)."""
    att = attribution.attribute(text)
    return att.speaker if att else None


def _times_for(article: Article) -> list[TimeRef]:
    from factcheck import times_intl

    # English (and an unknown language) through factcheck.temporal; es/de/fr/pt... through times_intl
    return times_intl.tag_language(article.text, article.anchor, article.language)  # (the text shown's date)


@dataclass(slots=True)
class _Sent:
    start: int
    end: int
    line: int  # index of the paragraph (body segment) it belongs to
    title: bool = False  # a headline: headline grammar ("Putin to visit China", "Quake kills 41")
    heading: bool = False  # a section heading inside the body ("Right-wing resistance"): no claim
    mentions: list[entities.Mention] = field(default_factory=list)


_HEADING_END = tuple('.!?:;,"”)…')
_PROSE_END = tuple('.!?"”…')


def _bare_paragraph(text: str, sents: list[_Sent], si: int, lead: int, times: list[TimeRef]) -> bool:
    """Whether the paragraph of sentence ``si`` is one after the body's first (``lead``, its ``_Sent.line``) of two
    sentences or more with no figure in digits and no time expression: where a quotation is the speaker's run of
    views or stories after the news, no report of what happened when (the first paragraph tells the news: a
    quotation there is the news)."""
    line = sents[si].line
    if line == lead:
        return False
    first = last = si  # the paragraph's sentences are neighbours
    while first > 0 and sents[first - 1].line == line:
        first -= 1
    while last + 1 < len(sents) and sents[last + 1].line == line:
        last += 1
    a, b = sents[first].start, sents[last].end
    return first < last and not _has_digit(text[a:b]) and not any(a <= t.start < b for t in times)


def _is_heading(sentence: str) -> bool:
    """A section heading: a paragraph of one short sentence with no final punctuation, in title case or in
    capitals ("Meta Outage Sparks Surge in Reports", "DISAPPOINTING NIGHT FOR ‘IRISHMAN’")."""
    t = sentence.strip()
    words = t.split()
    if not words or len(words) > 12 or t.endswith(_HEADING_END):
        return False
    if t.isupper() or len(words) <= 4:
        return True
    long = [w for w in words if len(w) > 3]
    caps = sum(1 for w in long if w[:1].isupper())
    return bool(long) and caps >= 0.6 * len(long)


def _is_subhead(text: str, segs: list[Segment], li: int, sentence: str) -> bool:
    """A section heading in sentence case ("Harry and Meghan felt 'trapped' in the family", "American skiers in
    Portugal seek European resort prices"): paragraph ``li``, one sentence of 3-12 words with no final
    punctuation, right between two paragraphs of prose (each over 12 words, ending a sentence). Not a line of a run
    of short lines, a list whose items may each state a fact (a line ingest left out next to it breaks the run),
    nor the line under the headline, its standfirst (the second paragraph of a text whose headline is its first)."""
    t = sentence.strip()
    if t.endswith(_HEADING_END) or not t[:1].isupper() or not 2 <= li < len(segs) - 1:
        return False  # (the cheap tests first: nearly every paragraph ends a sentence)
    if segs[li - 1].kind == "title" or not 3 <= len(t.split()) <= 12:
        return False
    before, seg, after = segs[li - 1], segs[li], segs[li + 1]
    if text[before.end : seg.start].strip() or text[seg.end : after.start].strip():
        return False
    return all(
        len(p.split()) > 12 and p.rstrip().endswith(_PROSE_END)
        for p in (text[before.start : before.end], text[after.start : after.end])
    )


def _is_prose(cell: str) -> bool:
    """A table cell that is a sentence: eight words or more, half of them lower-case (a product's or a
    team's name is capitalised word after word)."""
    words = cell.split()
    return len(words) >= 8 and 2 * sum(1 for w in words if w[:1].islower()) >= len(words)


def _is_data_row(line: str) -> bool:
    """A row of a table, as a saved page's text reads it ("Joie i-Level · 300 € · ja · 1,7": factcheck.tables)
    or a Markdown file writes it ("| Joie i-Level | 300 € | ja | 1,7 |"): two cells or more, none of them a
    sentence. Torn from its header it states nothing a reviewer can check; a layout table's row that holds a
    paragraph of prose is no data row."""
    t = line.strip()
    if t.startswith("|"):
        return t.count("|") >= 3 and not any(_is_prose(c) for c in t.strip("|").split("|"))
    return tables.CELL_JOIN in t and not any(_is_prose(c) for c in t.split(tables.CELL_JOIN))


def _sentences(article: Article) -> list[_Sent]:
    out: list[_Sent] = []
    text = article.text
    segs = article.claim_segments
    for li, seg in enumerate(segs):
        spans = sentences.spans(text, seg.start, seg.end, article.language)
        title = seg.kind == "title"
        heading = not title and (
            (
                len(spans) == 1
                and (_is_heading(one := text[spans[0][0] : spans[0][1]]) or _is_subhead(text, segs, li, one))
            )
            or _is_data_row(text[seg.start : seg.end])  # a table's row is no claim either
        )
        for s, e in spans:
            # (_DATELINE opens with ^ under re.M: only a sentence at the start of a line can match)
            m = _DATELINE.match(text, s, e) if s == 0 or text[s - 1] == "\n" else None
            if m and m.end() < e - 10:
                s = m.end()
            out.append(_Sent(s, e, li, title=title, heading=heading))
    return out


# the name that opens a paragraph of an interview's transcript ("Marissa: Axios launched in 2017 ...")
_TURN_LABEL = re.compile(r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}(?=: )")
_TURN_LINE = re.compile(r"^" + _TURN_LABEL.pattern, re.M)


def _interview_turns(
    text: str, sents: list[_Sent], canon: Callable[[str], str], known: frozenset[str]
) -> dict[int, tuple[str, str]]:
    """The speaker of each paragraph of an interview's transcript, by paragraph index: a paragraph that opens
    with a name and a colon ("Rick: There was ...", "Mr Malone: Usually, ..."), when at least two names each
    open two paragraphs or more (a dialogue; "Note:", "Step One:", "Related:" open one each). The name is a
    person the article names in full (``canon``: name -> the article's full name; ``known``: its persons) or
    an outlet that asks ("The Economist: You argue ..."); "Price:" and "Color:" of a shop page, "Q:", a
    program's "IndexError:" are no one."""
    # (most articles have no such lines: a count of ": " decides, then one scan of the text for the lines)
    if text.count(": ") < 4 or len(_TURN_LINE.findall(text)) < 4:
        return {}
    labels: dict[int, str] = {}
    line = -1
    for st in sents:
        if st.line != line:
            line = st.line
            m = _TURN_LABEL.match(text, st.start, st.end)
            if m is not None and not st.title:
                labels[line] = m.group(0)
    if len(labels) < 4:
        return {}
    counts = Counter(labels.values())
    if sum(1 for n in counts.values() if n >= 2) < 2:
        return {}
    turns = {}
    for line, label in labels.items():
        src = attribution.classify_source(label) if counts[label] >= 2 else None
        if src is None:
            continue
        if src.kind in ("outlet", "media"):
            turns[line] = (src.name, src.kind)
        elif src.kind == "person" and canon(src.name) in known:
            turns[line] = (canon(src.name), "person")
    return turns


def _fact_spans(text: str, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Offsets (in ``text``) of the separate facts a sentence reports; usually just one. ``quoted``: the spans
    of its quoted words (``_quoted_spans``), never split."""
    if ";" not in text and "," not in text:  # every split point starts with one of them
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    cur = 0
    # "...; require three years more; and raise the age to 65": semicolons between the items of one list
    listed = "; and " in text or "; or " in text
    for m in _SPLIT_AT.finditer(text):
        if listed and text[m.start()] == ";":
            continue
        if not (_has_words(text, cur, m.start(), 6) and _has_words(text, m.end(), len(text), 6)):
            continue
        # inside a quotation the clauses belong together
        if any(a <= m.start() < b for a, b in quoted):
            continue
        spans.append((cur, m.start()))
        cur = m.end()
    spans.append((cur, len(text)))
    return spans


_EXCLAIMED_ENDS = ('!"', '?"', "!”", "?”")  # a quotation that ends in an exclamation or a question
_BARE_SPEECH_WORDS = 8  # words of a sentence that only says who spoke, at most ("Trump said on Twitter.")


def _bare_speech(sent: str, claims: list[Claim]) -> bool:
    """Whether ``sent`` only says who spoke: a sentence of a few words, no quotation, whose one claim has a
    speaker and whose speech verb ends it or comes before a few words of where or when ("Trump said on
    Twitter.", "she told reporters on Monday.")."""
    return (
        len(claims) == 1
        and claims[0].speaker is not None
        and len(sent.split()) <= _BARE_SPEECH_WORDS
        and not any(q in sent for q in _QUOTE_CHARS)
        and sent[:1].isupper()
    )


_LEAD_IN_WORDS = 4  # words before a comma or a colon that may lead into a quotation going on


def _led_in_quotation(sent: str, quoted: list[tuple[int, int]]) -> bool:
    """Whether ``sent`` is a few words and a comma, then one quotation that runs to its end and makes half of it
    or more: "Now, ''within the business community there is ...''", 'In 2012, "the government raised the tax
    ..."' (the words of the speaker quoted before, going on in a new paragraph; not after a colon, which
    follows a clause of its own: 'The sign read: "Trust in the Force ..."')."""
    if len(quoted) != 1 or 2 * (quoted[0][1] - quoted[0][0]) < len(sent.strip()):
        return False
    lead = sent[: quoted[0][0]].rstrip(" " + _QUOTE_CHARS + "‘'")
    tail = sent[quoted[0][1] :].strip(" .?!" + _QUOTE_CHARS + "’'")
    return not tail and lead.endswith(",") and 0 < len(lead.split()) <= _LEAD_IN_WORDS


_QUOTE_MARK = re.compile(r'["“”]')
_QUOTE_PUNCT = " .,;:!?…\"“”‘’'"  # what may stand around the words of a sentence that is all quotation


def _quoted_spans(text: str, inside: bool = False) -> list[tuple[int, int]]:
    """The spans of ``text`` between double quotation marks; ``inside``: the text opens inside a quotation
    begun in an earlier sentence (its words up to the closing mark are quoted). A quotation still open at the
    end of the text runs to its end; a closing mark outside a quotation, and an opening mark inside one, are
    stray marks."""
    if not inside and '"' not in text and "“" not in text:
        return []
    spans = []
    start = 0 if inside else -1
    for m in _QUOTE_MARK.finditer(text):
        if start < 0:
            if m.group() != "”":
                # the words start after the spaces that follow the mark (the quote view writes an opening
                # ''/`` as a mark and a space: "''I'd like to ..." is no quotation of "'I'd like to ...")
                start = m.end()
                while text[start : start + 1] == " ":
                    start += 1
        elif m.group() != "“":
            spans.append((start, m.start()))
            start = -1
    if start >= 0:
        spans.append((start, len(text)))
    return spans


def _quoted_first_person(content: str, pattern: re.Pattern[str]) -> bool:
    """Whether ``content`` opens in the writer's words and holds its first-person words (``pattern``) only inside
    quotation marks: someone quoted speaks of themself, not the writer ("He funds a variety of gun control groups
    and has stated, "I'm very much against guns.""). A sentence that opens with a quotation is left alone: its
    speaker may be named nowhere (an interview answer)."""
    if content[:1] in _OPEN_QUOTE_CHARS:
        return False
    spans = _quoted_spans(content)
    return bool(spans) and all(any(a <= m.start() < b for a, b in spans) for m in pattern.finditer(content))


def _closes_later(text: str, pos: int) -> bool:
    """Whether a closing quote mark follows ``pos`` in its paragraph (line)."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    return text.find("”", pos, end) != -1 or text.find('"', pos, end) != -1


def _quoted_paragraph_on(text: str, sent: str, end: int) -> bool:
    """Whether ``sent`` (ending at ``end`` in ``text``) is all the words of a quotation that runs on into the
    next paragraph: it opens with a quote mark, holds no other, and the next paragraph opens with one (a
    quotation over several paragraphs closes only in its last). A source named in it is the quotation's."""
    if sent[:1] not in '"“' or _QUOTE_MARK.search(sent, 1) is not None:
        return False
    nl = text.find("\n", end)
    return nl != -1 and text[nl:].lstrip()[:1] in ('"', "“")


_LOW_QUOTES = str.maketrans({"„": "“", "“": "”"})


def _quote_view(text: str) -> str:
    """``text`` with each quotation mark written as two apostrophes or two backquotes (news archives, wire
    copy: "''They didn't tell us. That was not the turning point,'' he said.", "``We will win,'' he said.")
    as a double quotation mark followed by a space, so that every offset stays where it was: the view in
    which the quotation logic below finds where a quotation of several sentences opens and closes. A text
    that writes backquotes opens its quotations with them and closes them with the apostrophes (wire copy):
    '“' and '”'; in one without, two apostrophes open and close by turns: '"'. A text that opens its
    quotations with the low mark („Nein heißt Nein“, German) closes them with the mark English opens with:
    '„' is read as '“' and '“' as '”'. Guillemets are the marks of French, Spanish, Portuguese (and of some
    German) pages: « opens and » closes ("« Absurde. Ce processus est la norme »", "«...», puntualizó el
    oficial."), or the other way round in a text whose » stands before a word more often than its « does
    (German "»Wir wollen das nicht«"; a » between spaces, as in a page's "Startseite » Politik", counts for
    neither)."""
    if "«" in text or "»" in text:
        text = _guillemets_view(text)
    if "„" in text:
        return text.translate(_LOW_QUOTES)
    if "``" in text:
        return text.replace("``", "“ ").replace("''", "” ")
    if "''" in text:
        return text.replace("''", '" ')
    return text


_GUILLEMETS = str.maketrans({"«": "“", "»": "”"})
_GUILLEMETS_REVERSED = str.maketrans({"»": "“", "«": "”"})


_OPENS_RIGHT = re.compile(r"»(?=\w)")  # "»Wir ...": a mark before a word opens
_OPENS_LEFT = re.compile(r"«(?=\s?\w)")  # "«Text", "« Absurde"


def _guillemets_view(text: str) -> str:
    """``text`` with its guillemets written as the English double marks, the one that opens as "“"."""
    reversed_marks = len(_OPENS_RIGHT.findall(text)) > len(_OPENS_LEFT.findall(text))
    return text.translate(_GUILLEMETS_REVERSED if reversed_marks else _GUILLEMETS)


def _has_words(text: str, a: int, b: int, n: int) -> bool:
    """Whether ``text[a:b]`` holds ``n`` words or more (``n`` >= 1; the scan stops at the n-th word: a clause
    of a long sentence is not read to its end)."""
    return next(itertools.islice(_WORDS.finditer(text, a, b), n - 1, None), None) is not None


def _three_words(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` holds three words or more (stops at the third)."""
    words = _WORDS.finditer(text, a, b)
    return bool(next(words, None) and next(words, None) and next(words, None))


def _open_quote_after(text: str) -> bool:
    """True when a quotation opened in this sentence is still open at its end. A sentence that mixes the
    straight mark with the curly ones is read mark by mark: “ opens, ” closes the quotation open last, " closes
    one it opened, or one “ opened when it follows a word (else it opens): '“I fundamentally disagree," said
    X.' and 'say they would “definitely not support" him' close what they open; '"The bottom line is ...
    issues.' then '... their behavior.”' hold one quotation over two sentences, as '"The department isn't
    about “Equal Justice Under Law” anymore.' does with a quotation inside it."""
    if '"' not in text and "“" not in text:
        return False
    if '"' in text and ("“" in text or "”" in text):
        marks: list[str] = []  # the quotations open, the last one last
        for m in _QUOTE_MARK.finditer(text):
            ch, i = m.group(), m.start()
            if ch == "“":
                marks.append(ch)
            elif ch == "”" or (marks and (marks[-1] == '"' or (i > 0 and not text[i - 1].isspace()))):
                if marks:
                    marks.pop()
            else:
                marks.append(ch)
        return bool(marks)
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


# other languages: a role alone ("erklärt der Sprecher") may stand for the one person who spoke in the sentence
# before it, or in its paragraph within this many sentences before it
_ROLE_SPEAKER_RECENT = 5
# a speaker phrase that names one human being ("a spokesperson for UCEA", "One academic"): "he"/"she" later
_HUMAN_HEAD = re.compile(
    r"\b(?:spokes(?:man|woman|person)|representative|official|academic|lecturer)\b", re.I
)
_ONE_PERSON_HEADS = frozenset(resource("en", "speech")["words"]["one_person_heads"])
_NOUN_GENDER = {w: k for k in ("he", "she") for w in resource("en", "speech")["gender"].get(f"{k}_nouns", [])}
# the words that end the head of a description ("friend of the victim", "owner at ..."; lang/en/speech.toml)
_HEAD_ENDS = frozenset(resource("en", "speech")["words"]["head_ends"])


# "the newspaper said": the words that name a newspaper, the last words of a newspaper's name (lang/en/speech.toml)
_PRINT_OUTLET_NOUNS = frozenset(resource("en", "speech")["words"]["print_outlet_nouns"])
_PRINT_OUTLET_HEADS = frozenset(resource("en", "speech")["words"]["print_outlet_heads"])
_PRINT_OUTLET_ADJECTIVES = frozenset(resource("en", "speech")["words"]["print_outlet_adjectives"])
_CAP_WORD = r"[A-Z][\w’'&.-]*"
_PAPER_NAMED = re.compile(
    # "newspaper Dagens Nyheter", "the tabloid Bild" (not "the daily White House briefing")
    r"\b(?:"
    + "|".join(sorted(_PRINT_OUTLET_NOUNS - _PRINT_OUTLET_ADJECTIVES))
    + rf")\s+(?P<after>(?:{_CAP_WORD} ){{0,3}}{_CAP_WORD})"
    # "the nationalist Global Times tabloid"
    + r"|\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}"
    + rf"(?P<before>(?:{_CAP_WORD} ){{0,3}}{_CAP_WORD}) (?:"
    + "|".join(sorted(_PRINT_OUTLET_NOUNS))
    + r")\b"
    # "the Orlando Sentinel", "The New York Times"
    + rf"|\b[Tt]he\s+(?P<head>(?:{_CAP_WORD} ){{0,3}}(?:"
    + "|".join(sorted(_PRINT_OUTLET_HEADS))
    + r"))\b"
)
_PAPER_BACK = 1500  # "the newspaper" stands for one named at most this many characters before


def _paper_antecedent(text: str, at: int, times: list[TimeRef]) -> str | None:
    """The newspaper "the newspaper" / "the paper" at offset ``at`` of ``text`` stands for: the one named last
    before it, at most ``_PAPER_BACK`` characters before ("... revelations by newspaper Dagens Nyheter. In a
    report published over the weekend, the paper claimed ..." -> Dagens Nyheter; "..., the Orlando Sentinel
    reported. ... The newspaper reported that ..." -> Orlando Sentinel), or None. A name that is a time ("the
    paper Monday") or a place ("a Baton Rouge newspaper": which one?) names no newspaper."""
    best: str | None = None
    for m in _PAPER_NAMED.finditer(text, max(0, at - _PAPER_BACK), at):
        key = "after" if m["after"] else "before" if m["before"] else "head"
        name = m[key].rstrip(".")
        a = m.start(key)
        if name in PLACES or any(t.start < a + len(name) and a < t.end for t in times):
            continue
        best = name
    return best


def _description_head(speaker: str) -> str:
    """The head noun of a speaker phrase, in lower case: "close friend of the victim" -> "friend", "victim's
    mother" -> "mother", "A police spokeswoman" -> "spokeswoman"."""
    head = ""
    for w in speaker.split():
        if w in _HEAD_ENDS:
            break
        head = w
    return head.lower()


def _one_person(speaker: str) -> bool:
    """Whether a speaker phrase that is no name names one person a later "he" or "she" can stand for ("The
    friend said", "the boy's mother told reporters")."""
    return bool(_HUMAN_HEAD.search(speaker)) or _description_head(speaker) in _ONE_PERSON_HEADS


# the signature of a post quoted in a page: "— Dave Schukin (@schukin) July 3, 2019"
_POST_SIGNATURE = re.compile(
    r"^[ \t]*[—–-]+[ \t]*(?P<name>[^\n(@]{2,80}?)[ \t]*\(@(?P<handle>\w{1,30})\)[ \t]*(?P<stamp>[^\n]{0,40})$",
    re.M,
)
_POST_MAX = 320  # a post is at most 280 characters, plus the link to its picture


def _embedded_posts(
    text: str, times: list[TimeRef], lang: str | None = None
) -> list[tuple[int, int, str, str, TimeRef | None]]:
    """Posts (tweets) quoted in a page: ``(start, end, author, kind, stamp)`` for the paragraphs before each
    signature line ("— Name (@handle) date"), as many as fit in one post; ``stamp`` is the time expression of
    the signature's date, if tagged. The run back from the signature stops at the first paragraph that is the
    outlet's own: one that names the author or introduces the post (ends with ":"), one that does not fit in
    a post with those below it, the signature of an earlier post, and one that reports someone's words ("State
    media reported on Tuesday that ...", "Officials said ..."): only the paragraph right above the signature
    is the post's whatever it says."""
    if "(@" not in text:
        return []
    out = []
    for m in _POST_SIGNATURE.finditer(text):
        name = " ".join(m["name"].split())
        src = attribution.classify_source(name)
        kind = (
            src.kind
            if src is not None and src.kind in ("person", "organisation", "outlet", "media")
            else "person"
        )
        start = end = m.start()
        while end > 0 and text[end - 1] == "\n":
            end -= 1
        start = end
        surname = name.split()[-1] if name.split() else name
        while start > 0:
            prev = text.rfind("\n", 0, start - 1) + 1 if start > 1 else 0
            para = text[prev:start].strip()
            if end - prev > _POST_MAX or prev == start:
                break
            if start < end and para and (surname in para or m["handle"] in para or para.endswith(":")):
                break  # the outlet's paragraph that introduces the post ("On Twitter, Schukin explains ...")
            if start < end and (_POST_SIGNATURE.match(para) is not None or _reports_speech(para, lang)):
                break  # an earlier post's signature; the outlet's report of what someone said
            start = prev
        if start >= end:
            continue
        stamp = next(
            (
                t
                for t in times
                if m.start("stamp") <= t.start and t.end <= m.end("stamp") and t.type == "DATE"
            ),
            None,
        )
        out.append((start, end, name, kind, stamp))
    return out


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def _post_times(
    text: str, post: tuple[int, int, str, str, TimeRef | None], anchor: dt.date | None, lang: str | None
) -> dict[tuple[int, int], TimeRef]:
    """The time expressions of an embedded post read from the day of its own stamp, by their offsets in ``text``:
    a post's "today", "yesterday" or "on Friday" count from when it was posted, as a quotation's count from the day
    of its attribution ("Voters go to the polls today ... — Jane Doe (@janedoe) March 8, 2016" in a story of 12
    March: 8 March), not from the page's date (issue #16: an embedded post is dated by its own stamp). Empty when
    the stamp names no day or the page's own."""
    from factcheck import times_intl

    start, end, stamp = post[0], post[1], post[4]
    if stamp is None or not _DAY_VALUE.fullmatch(stamp.value):
        return {}
    day = dt.date.fromisoformat(stamp.value)
    if day == anchor:
        return {}
    return {
        (t.start + start, t.end + start): replace(t, start=t.start + start, end=t.end + start)
        for t in times_intl.tag_language(text[start:end], day, lang)
    }


def _reports_speech(para: str, lang: str | None) -> bool:
    """Whether a sentence of ``para`` is attributed to a speaker ("State media reported that ...", "he said")."""
    for a, b in sentences.spans(para, lang=lang):
        got = attribution.attribute(para[a:b], lang)
        if got is not None and (got.speaker is not None or got.pronoun is not None):
            return True
    return False


def _untimed(ptext: str, start: int, when: list[TimeRef]) -> str | None:
    """``ptext`` with its time expressions and links blanked out (same length); None when it has none."""
    out = blank_links(ptext)  # the digits of "pic.twitter.com/U7PMa4oNGN" are no figure
    if not when:
        return out if out is not ptext else None
    for t in when:
        a, b = max(0, t.start - start), min(len(ptext), t.end - start)
        if a < b:
            out = out[:a] + " " * (b - a) + out[b:]
    return out


def _unmasked(text: str, mask: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``text`` outside the ``mask`` spans (its attribution words)."""
    spans: list[tuple[int, int]] = []
    cur = 0
    for a, b in sorted(x for x in mask if x[1] > x[0]):
        if a > cur:
            spans.append((cur, a))
        cur = max(cur, b)
    if cur < len(text):
        spans.append((cur, len(text)))
    return spans


def _partial_quotation(text: str, mask: list[tuple[int, int]], qspans: list[tuple[int, int]]) -> bool:
    """Whether the quoted words ``qspans`` are a phrase inside a clause of the writer's: the clause opens
    before them (three words or more: a quotation that opens the sentence, or runs on from the one before,
    is the speaker's), and the words outside them and outside the attribution words (``mask``) are more
    than the quoted words, and at least six (a quotation with its "he said" has next to none)."""
    if not _three_words(text, 0, qspans[0][0]):
        return False
    quoted = sum(len(_WORDS.findall(text, a, b)) for a, b in qspans)
    own = sum(len(_WORDS.findall(text, a, b)) for a, b in _unmasked(text, mask)) - quoted
    return own >= 6 and own > quoted


def _content(
    ptext: str,
    start: int,
    cspan: tuple[int, int] | None,
    mask: list[tuple[int, int]],
    is_quote: bool,
    mentions: list[entities.Mention],
    speaker: str | None,
    qspans: list[tuple[int, int]],
) -> tuple[str | None, int | None, str | None]:
    """What a claim reports, for check-worthiness: (content, its named entities, its quoted words).

    The content is the words of its direct quotations (``qspans``, offsets in ``ptext``: those of three words
    or more, the words of a quotation running on from an earlier sentence or still open at the sentence's
    end included; without them, a quotation's continuation is the sentence without its attribution words),
    else the clause a speech verb frames, else the whole claim (None, None, None). Entities are the names
    mentioned inside it, the speaker's own name and reporting outlets left out.
    """
    spans: list[tuple[int, int]] = []
    quoted = False
    if is_quote:
        if qspans and _partial_quotation(ptext, mask, qspans):
            # a phrase quoted inside the writer's own clause ('are accused of acting "contrary to principles
            # of ethical conduct" by failing to report ...'): the clause is what is reported, in the
            # writer's words, not the quoted phrase
            spans = _unmasked(ptext, mask)
        else:
            # (no long quotation: a short one running on, the sentence without its attribution words)
            spans = list(qspans) or _unmasked(ptext, mask)
            quoted = bool(spans)
    elif cspan is not None:
        spans = [cspan]
    if not spans:
        return None, None, None
    names = {
        m.text
        for m in mentions
        if not m.initial
        and m.text != speaker
        and m.text not in OUTLETS
        and any(a <= m.start - start and m.end - start <= b for a, b in spans)
    }
    content = " ".join(ptext[a:b] for a, b in spans)
    return content, len(names), content if quoted else None


def _unnamed_quotation(
    line: int,
    quoted: bool,
    all_quoted: bool,
    sent_claims: list[Claim],
    waiting: list[Claim],
    waiting_line: int,
) -> tuple[list[Claim], int]:
    """Carry a paragraph of quoted words that no one is named for to the quotation of the next paragraph: its
    claims take that quotation's speaker, who is named in it ('"Some more bandwidth was brought online ..."'
    then '"We are working on ...," said MWEB Operations.'). ``quoted``: the sentence is inside a quotation
    from its start; ``all_quoted``: all its words are (no words of the writer around them: '"...?" Hannity
    started.' is the interviewer's question, not the next speaker's); ``waiting``: the claims of such a
    paragraph still waiting, of paragraph ``waiting_line``. Returns what waits after this sentence."""
    if not waiting and not (quoted and all_quoted):
        return waiting, waiting_line  # (most sentences)
    if waiting and line == waiting_line + 1:
        named = next(
            (
                (c.speaker, c.speaker_kind)
                for c in sent_claims
                if quoted and c.quote and c.speaker and c.speaker_kind in ("person", "organisation")
            ),
            None,
        )
        if named is not None:
            for c in waiting:
                c.speaker, c.speaker_kind = named
        return [], -1
    if (
        not (quoted and all_quoted)
        or any(c.speaker for c in sent_claims)
        or not all(c.quote for c in sent_claims)
    ):
        return ([], -1) if line == waiting_line or waiting else (waiting, waiting_line)
    if line != waiting_line:
        waiting = []
    return [*waiting, *sent_claims], line


def _named_elsewhere(name: str, label: str, st: _Sent, text: str) -> bool:
    """Whether ``name``, a person's full name that ends in the surname ``label`` ends in, is written outside
    sentence ``st``: a label the page reads as a name ("Step One: Add 200 grams of flour") is written nowhere
    else, "Truth:" is not the surname of "Examining Truth Smith"."""
    if name.rsplit(" ", 1)[-1] != label.rsplit(" ", 1)[-1]:
        return False
    return text.find(name, 0, st.start) != -1 or text.find(name, st.end) != -1


def _headline_statement(rest: str) -> bool:
    """Whether the words after a headline's "Name:" state something: three words or more, no question ("Ted
    Cruz: Constitutional conservative or another typical career politician?"), no count ("Clinton: 2,316.")."""
    return not rest.rstrip(" .’'\"”").endswith("?") and len(re.findall(r"[A-Za-z]+", rest)) >= 3


def _speaks_elsewhere(
    person: str, st: _Sent, text: str, sents: list[_Sent], canon: Callable[[str], str]
) -> bool:
    """Whether a sentence other than ``st`` gives ``person`` (a full name: ``canon`` maps a speaker to it)
    words of their own ("Graham said", '..., said Sen. Lindsey Graham'): a label that a page only names
    ("Examining Truth") speaks nowhere."""
    for other in sents:
        if other is st or person.split()[-1] not in text[other.start : other.end]:
            continue
        att = attribution.attribute(text[other.start : other.end], "en")
        if att is not None and att.kind == "person" and att.speaker and canon(att.speaker) == person:
            return True
    return False


def extract(
    article: Article, *, min_score: float = MIN_SCORE, times: list[TimeRef] | None = None
) -> list[Claim]:
    """Check-worthy claims of an article's body, in text order, with stable ids."""
    if times is None:
        times = _times_for(article)
    text = article.text
    lang = article.language  # the vocabulary of speech verbs and cues (English when None)
    english = lang in (None, "en")
    view = _view_piece(article)  # the page says it is opinion, analysis or review
    polled = english and attribution.names_poll(text)  # (a share of those polled is read only then)
    sents = _sentences(article)
    for st in sents:
        st.mentions = entities.mentions(text, st.start, st.end, lang)
    resolver = entities.Resolver([m for st in sents for m in st.mentions])
    full_name = functools.cache(resolver.canonical_person)
    known = frozenset(resolver.persons)
    # the surname of each person named in full (a surname alone that speaks: "Nevertheless, Cuban said")
    surnames = _surnames(known) if english else {}
    # the persons and spokespeople "he"/"she" can stand for, in the order they were named or spoke
    humans: list[tuple[str, str]] = []
    # the persons a sentence with no speaker names after its first one (which ``humans`` holds), by sentence
    also_named: list[tuple[int, list[str]]] = []

    @functools.cache
    def speaking() -> frozenset[str]:  # the article's persons, and the one-word names it makes speak
        return known | _speaking_names(text, sents)

    @functools.cache
    def genders() -> dict[str, str]:  # each person's pronoun, read once and only when a "he"/"she" needs it
        if english:
            return _person_genders(text, sents, full_name, speaking())
        return _intl_person_genders(text, sents, full_name, known, lang)

    @functools.cache
    def given() -> dict[str, str]:  # the pronoun of the persons the article gives none, by their given name
        return _given_genders(speaking(), genders()) if english else {}

    forms: list[dict[str, str]] = []

    def short_forms() -> dict[str, str]:  # acronym -> full name, read once, when "the agency" needs it
        if not forms:
            orgs = [(m.text, m.end) for st in sents for m in st.mentions if m.kind == "org"]
            forms.append(attribution.acronyms(text, orgs))
        return forms[0]

    spoke: set[str] = set()  # the persons the article has given words of their own so far
    # each of them -> the sentence they last spoke in (number, line)
    spoke_in: dict[str, tuple[int, int]] = {}

    @functools.cache
    def named_person_like(name: str, has_spoken: bool) -> bool:
        return _person_like(name, text, has_spoken)

    def person_like(name: str) -> bool:  # a name a "he" or "she" can stand for
        return named_person_like(name, name in spoke)

    def person_but(
        others: frozenset[str],
    ) -> Callable[[str], bool]:  # person_like, save the persons ``others``
        return lambda name: person_like(name) and full_name(name) not in others

    # the sentences that name a person and no speaker, each with the number of ``humans`` named before it: one
    # whose "he" or "she" comes before that person is about whom the pronoun stood for, who is named again
    # after them; read only when a later "he" or "she" needs it (and the pronoun evidence with it)
    topics: list[tuple[int, _Sent]] = []

    def settle_topics() -> None:
        for i, (at, sent) in enumerate(topics):
            pronoun = _pronoun_before_person(text, sent, _person_mentions(sent, full_name, known))
            got = (
                _human_for(pronoun, humans[:at], genders(), full_name, (), person_like, given())
                if pronoun
                else None
            )
            if got is not None:
                humans.insert(at + 1, got)  # (after the person the sentence names)
                topics[i + 1 :] = [(a + 1, p) for a, p in topics[i + 1 :]]
        topics.clear()

    def person_for(pronoun: str) -> str | None:
        settle_topics()
        got = _human_for(
            pronoun, [h for h in humans if h[1] == "person"], genders(), full_name, (), person_like, given()
        )
        return got[0] if got is not None else None

    claims: list[Claim] = []
    ti = 0
    n_times = len(times)
    last_by_kind: dict[str, str] = {}
    last_group: tuple[str, str] | None = None  # the last speaker "they" can be: an organisation, a group
    # the organisations named so far, last last ("the company" of a later sentence)
    orgs_named: list[str] = []
    titled: dict[str, set[str]] = {}  # title word -> the persons named with it ("mayor" -> Jane Smith)
    # a description before a name -> the persons named with it ("presidential nominee" -> Hillary Clinton)
    described: dict[str, set[str]] = {}
    # the persons named since ``described`` was last read (where each name starts, its words): what the words
    # before them describe is read only when a speaker needs it ("the candidate said"; most articles never ask)
    undescribed: list[tuple[int, str]] = []

    def descriptions() -> dict[str, set[str]]:
        for at, name in undescribed:
            for d in attribution.descriptions_before(text, at):
                described.setdefault(d, set()).add(full_name(name))
        undescribed.clear()
        return described

    last_it: tuple[str, str] | None = (
        None  # the last speaker "it" can be: an organisation, an outlet, a document
    )
    posts = _embedded_posts(text, times, lang)  # (start, end, author, kind, stamp): tweets quoted in the page
    post_times: dict[
        int, dict[tuple[int, int], TimeRef]
    ] = {}  # a post's start -> its times read from its stamp
    turns = _interview_turns(text, sents, full_name, known)  # paragraph -> who speaks in a transcript
    transcript = _is_transcript(text, lang)  # a broadcast transcript: turns open with a label in capitals
    prev_quote_speaker: tuple[str, str] | None = None  # speaker, kind of the previous sentence's quotation
    # other languages: the source a sentence of indirect speech continues, from the sentence before: the speaker
    # of its claims, else the source that opens it as its subject (read only when needed: the sentence, and how
    # many of ``humans`` were named before it)
    reported_from: tuple[str, str] | None = None
    before_reported: tuple[str, int] = ("", 0)
    prev_plain: str | None = None  # the previous sentence, when it named no speaker (English only)
    prev_line = -1
    prev_st: _Sent | None = None  # the sentence before (who opens it: whom a "she" most likely means)
    prev_claims: list[Claim] = []  # the claims of the sentence before (who spoke in it)
    in_open_quote = False
    # the claims of a sentence that is all one quotation ending in "!" or "?" with no speaker, and its paragraph:
    # the splitter ends a sentence there, so the '... Trump said.' after it is a sentence of its own
    exclaimed: list[Claim] = []
    exclaimed_line = -1
    open_speaker: tuple[str, str | None] | None = None  # who speaks in the quotation still open
    pending: list[Claim] = []  # claims inside an open quotation still waiting for their speaker
    # a paragraph of quoted words that no one is named for, closed at its end, and its paragraph: the speaker of a
    # quotation in the next paragraph speaks it ('"Some more bandwidth was brought online ..."' then '"We are
    # working on ...," said MWEB Operations.')
    unnamed_quote: list[Claim] = []
    unnamed_line = -1
    qtext = _quote_view(text)  # the quotation marks, offsets kept
    line_sents = Counter(st.line for st in sents)  # paragraph -> its number of sentences

    bare: dict[int, bool] = {}  # paragraph -> whether it is talk that counts and dates nothing (English)
    first_line = next((st.line for st in sents if not st.title), -1)  # the body's first paragraph

    for si, st in enumerate(sents):
        sent = text[st.start : st.end]
        qsent = qtext[st.start : st.end] if qtext is not text else sent
        whole = attribution.attribute(sent, lang)
        if whole is None and english and (st.title or (si == 0 and line_sents[st.line] == 1)):
            # a headline (the page's title, or a first line that stands alone): "Bernie Sanders Says He's ..."
            whole = attribution.headline_attribute(sent)
        if english and (whole is None or not (whole.speaker or whole.pronoun or whole.chain)):
            whole = _surname_attribution(sent, surnames) or whole
        starts_quote = sent[:1] in _OPEN_QUOTE_CHARS or qsent[:1] == "“"
        if in_open_quote and st.line != prev_line and not starts_quote:
            in_open_quote, pending = False, []  # a new paragraph without a quote mark: the quotation ended
        was_open = in_open_quote
        # the sentence's quoted words: a quotation begun in an earlier sentence runs from its start (unless a
        # quote mark opens it again, as at a new paragraph of a long quotation)
        quoted_spans = _quoted_spans(qsent, was_open and qsent[:1] not in '"“')
        if quoted_spans and quoted_spans[-1][1] == len(sent) and not _closes_later(qtext, st.end):
            quoted_spans.pop()  # a stray quote mark: no quotation closes it in the paragraph
        # (most sentences quote nothing: no generator for them)
        long_quote = bool(quoted_spans) and any(_three_words(sent, a, b) for a, b in quoted_spans)
        # a sentence all of the words of a quotation that spans sentences: a source it names ("... the US
        # government has informed the UK government") is the speaker's report, not a new speaker
        all_quoted = (
            len(quoted_spans) == 1
            and (was_open or quoted_spans[0][1] == len(sent))
            and not qsent[: quoted_spans[0][0]].strip(_QUOTE_PUNCT)
            and not qsent[quoted_spans[0][1] :].strip(_QUOTE_PUNCT)
        )
        if (all_quoted or _quoted_paragraph_on(qtext, qsent, st.end)) and not (
            whole is not None
            and whole.speaker is not None
            and whole.spans
            and attribution_intl.quoted_incise(sent, lang, whole.spans[-1], whole.speaker)
        ):
            whole = None
        # a quotation that goes on: it closes in this sentence, or (a quotation running over several
        # paragraphs opens each with a quote mark) stays open
        continuing = (
            in_open_quote
            or (
                (starts_quote or _led_in_quotation(qsent, quoted_spans))
                and (
                    qsent.rstrip().endswith(tuple(_QUOTE_CHARS + "’'"))
                    or _open_quote_after(qsent)
                    # a quotation that closes before the writer's few words end the sentence: '"He
                    # listened to her ... whether or not to go after" Osama bin Laden.' (half of the sentence
                    # or more quoted; not '"In 2030, we'll all speak Chinese," is one common saying here.' nor
                    # '"...," Hannity started.': words closed at a comma or a stop are framed by what follows)
                    or (
                        len(quoted_spans) == 1
                        and quoted_spans[0][0] <= 2
                        and 2 * quoted_spans[0][1] >= len(sent)
                        and sent[quoted_spans[0][1] - 1 : quoted_spans[0][1]].isalnum()
                    )
                )
                and (whole is None or (whole.speaker is None and whole.pronoun is None))
                and prev_quote_speaker is not None
                and st.line - prev_line <= 1
            )
        )
        parts = _fact_spans(sent, quoted_spans)
        sent_claims: list[Claim] = []
        provisional = False
        for ps, pe in parts:
            s, e = st.start + ps, st.start + pe
            while e > s and text[e - 1] in " ,;":
                e -= 1
            ptext = text[s:e]
            att = whole if len(parts) == 1 or all_quoted else (attribution.attribute(ptext, lang) or whole)
            if (
                att is whole
                and whole is not None
                and len(parts) > 1
                and not attribution.frames(whole, ps, pe)
            ):
                att = None  # "X was not part of the swap; Iran insists ...": Iran speaks for the other clause
            speaker = kind = None
            org_ref = False  # the speaker is the organisation "the company" stands for
            chain: list[str] = []
            mask: list[tuple[int, int]] = []
            cspan: tuple[int, int] | None = None  # what the claim reports, when a speech verb frames it
            if att is not None:
                speaker, kind, chain = att.speaker, att.kind, list(att.chain)
                off = st.start - s if att is whole and len(parts) > 1 else 0
                # (an accusation is the act the sentence reports: "She accused her coworkers of spraying her
                # ...": its verb stays in what is read)
                mask = (
                    []
                    if att.verb in attribution.WHOLE_ACT_VERBS
                    else [(a + off, b + off) for a, b in att.spans]
                )
                # (what a document found is read with the document: "A paper published in Nature suggests
                # that ...": the journal and the publication are part of the claim)
                if att.content is not None and not (speaker and attribution.names_document(speaker)):
                    cs, ce = att.content[0] + off, att.content[1] + off
                    if ce - cs >= 15:  # analyse only what is reported, not the framing clause
                        cspan = (max(0, cs), min(len(ptext), ce))
                        if not starts_quote:
                            mask += [(0, cs), (ce, len(ptext))]
                if att.pronoun and speaker is None:
                    allowed = _PRONOUN_KIND.get(att.pronoun, ())
                    # "Researchers at X have analysed a tool. They say ...": the group the sentence before
                    # was about, though it said nothing
                    group = (
                        _group_subject(prev_plain, att.pronoun)
                        if prev_plain is not None and att.pronoun in ("they", "it")
                        else None
                    )
                    if group is not None:
                        speaker, kind = group
                    elif att.pronoun == "they" and last_group is not None:
                        speaker, kind = (
                            last_group  # "Deputies said ... They said ...": a group, never a person
                        )
                    elif (
                        att.pronoun == "it"
                        and english
                        and prev_st is not None
                        and (single := _single_name_speaker(prev_claims, full_name, genders())) is not None
                    ):
                        # "The launch was delayed, Roscosmos said. It said ...": a name of one word that no
                        # person of the article bears, taken up by "it", is an organisation's (the speaker
                        # of the sentence before, before any named earlier)
                        speaker, kind = single, "organisation"
                        for c in prev_claims:
                            if c.speaker == single:
                                c.speaker_kind = "organisation"
                    elif att.pronoun == "it" and last_it is not None:
                        speaker, kind = last_it  # "The report ... found that ... It said ...": the report
                    elif att.pronoun in ("he", "she", attribution_intl.LEFT_OUT) and (humans or titled):
                        settle_topics()
                        # a subject left out ("dijo que ...", '"...", afirmou.') says no gender: the last person
                        # named, whatever the text says of theirs
                        unmarked = att.pronoun == attribution_intl.LEFT_OUT
                        pron = "he" if unmarked else att.pronoun
                        sexes = {} if unmarked else genders()
                        if not unmarked and not english and lang:
                            # (a person named by a role noun is of its gender: "sie" is not "Vizekanzler")
                            sexes = _with_role_genders(sexes, humans, full_name, lang)
                        by_name = {} if unmarked else given()
                        # "Within minutes, he called Rubio ...", "'Jeb Bush has ...,' he said": a person the
                        # sentence names after its pronoun, or in what it reports, is not whom it stands for
                        plain, others = _named_in_own_clause(
                            text,
                            st,
                            att,
                            st.start if att is whole else s,
                            quoted_spans,
                            full_name,
                            speaking(),
                        )
                        # "The duchess has hinted ... She revealed": the one person of the title that opens
                        # the sentence before, unless the article's pronouns for them say otherwise
                        lead = (
                            attribution.title_subject(text[prev_st.start : prev_st.end], titled)
                            if titled and prev_st is not None
                            else None
                        )
                        # "... a spokesperson for UCEA said. '...,' he said": the last person or spokesperson
                        # named, unless the article's pronouns for them say otherwise
                        # "When Meghan joined the family, she said": the subject of the clause that opens the
                        # sentence, when the article's pronouns for them are this one
                        if lead is None:
                            lead = next(
                                (
                                    p
                                    for p in _subordinate_subject_persons(
                                        text, st, pron, full_name, speaking()
                                    )
                                    if sexes.get(p, by_name.get(p)) == pron
                                ),
                                None,
                            )
                        if lead is None:
                            lead = _clause_subject_person(text, st, full_name, speaking())
                            if lead is not None and sexes.get(lead) != pron:
                                lead = None
                        # "Ms. Brainard joined the Fed in 2014, but she said ...": the person who opens the
                        # sentence, when their pronoun (the article's, or their given name's) is this one
                        if lead is None:
                            lead = _coordinate_subject_person(text, st, pron, full_name, speaking())
                            if lead is not None and sexes.get(lead, by_name.get(lead)) != pron:
                                lead = None
                        if lead is not None and full_name(lead) in plain:
                            lead = None
                        # "...; he also notes that ...", "...: He said ...": a pronoun that opens a clause after a
                        # colon or a semicolon stands for the person who opens the sentence, or for no one
                        # (never for a person named earlier: "Looking back at the crisis, the economist Joseph
                        # Stiglitz comments that ...; he also notes" named no one the rules read as its subject)
                        marked = (
                            (sent if att is whole else ptext)[: min(a for a, _b in att.spans)]
                            .rstrip()
                            .endswith(attribution.CLAUSE_MARKS)
                        )
                        got = (
                            (lead, "person")
                            if lead is not None
                            and sexes.get(full_name(lead), by_name.get(full_name(lead), pron)) == pron
                            and person_like(lead)
                            else None
                            if marked
                            else _human_for(
                                pron,
                                [h for h in humans if h[1] != "person" or full_name(h[0]) not in others]
                                if others
                                else humans,
                                sexes,
                                full_name,
                                # (the person who spoke in the sentence before, then the one who opens it:
                                # "Even McCain ... is in trouble, Tester said. He said ...")
                                (
                                    _named_speaker(prev_claims, text[prev_st.start : prev_st.end])
                                    if prev_st is not None
                                    else None,
                                    _subject_person(text, prev_st, full_name, known, True),
                                ),
                                person_but(plain) if plain else person_like,
                                by_name,
                            )
                        )
                        if got is None and not marked:
                            # "Clinton put Sanders on the defensive, but a hoarse-voiced Sanders got in digs. He
                            # noted that ...": the persons a recent sentence named after its first one, when
                            # the pronoun is theirs and every person before ruled out
                            got = _also_named_for(
                                pron,
                                also_named,
                                si,
                                sexes,
                                by_name,
                                full_name,
                                person_but(plain) if plain else person_like,
                            )
                        if got is not None:
                            speaker, kind = got
                    else:
                        for k in allowed:
                            if k in last_by_kind:
                                speaker, kind = last_by_kind[k], k
                                break
                elif speaker is not None and english and " " not in speaker and speaker[:1].islower():
                    # "Her office said", "his lawyer told the court": whose, from the person named before
                    owner = _possessive_owner(ptext, speaker, person_for, last_it)
                    if owner is not None:
                        speaker = f"{owner}’s {speaker}"
                    elif (
                        speaker in _PRINT_OUTLET_NOUNS
                        and (at := max(ptext.find(f"the {speaker}"), ptext.find(f"The {speaker}"))) >= 0
                        and (paper := _paper_antecedent(text, s + at, times)) is not None
                    ):
                        # "revelations by newspaper Dagens Nyheter ... the paper claimed": that newspaper
                        speaker, kind = paper, "outlet"
                        org_ref = True
                    elif attribution.bare_description(speaker):
                        # "Kasich ... The candidate said ...": as a description of several words (below), or the
                        # one person the article described with a description ending in the noun ("Presidential
                        # candidate Donald Trump ... the candidate claims"); not an organisation whose name holds
                        # the word ("the Presidential Candidates Debate")
                        given_to = {
                            p
                            for d, ps in descriptions().items()
                            if d.rsplit(" ", 1)[-1] == speaker
                            for p in ps
                        }
                        speaker = (
                            _description_lead(text, ptext, speaker, prev_st, full_name, known)
                            or (next(iter(given_to)) if len(given_to) == 1 else None)
                            or speaker
                        )
                    elif (
                        org := attribution.organisation_antecedent(
                            ptext,
                            speaker,
                            [*orgs_named, _org_before(st.mentions, s + ptext.rfind(f"he {speaker}"))],
                            short_forms(),  # "NHTSA ... the agency"
                        )
                    ) is not None:
                        speaker, kind = org, "organisation"  # "SEACOM ... the company said": SEACOM
                        org_ref = True
                    elif len(titled.get(speaker, ())) == 1:
                        # "The mayor later said" after "Mayor Jane Smith": the one person of that title
                        speaker, kind = next(iter(titled[speaker])), "person"
                    elif (
                        kind is not None
                        and (prev := last_by_kind.get(kind)) is not None
                        and prev.endswith(f" {speaker}")
                        and f"the {speaker}" in ptext.lower()
                    ):
                        # "“...,” the prime minister's spokesman said. ... The spokesman added": the spokesman
                        # who spoke last
                        speaker = prev
                elif (
                    speaker is not None
                    and english
                    and len(titled.get(speaker.lower(), ())) == 1
                    and (speaker.islower() or kind == "person")
                ):
                    # "The chief executive said" after "Jane Smith, the chief executive of Acme"; "the Prime
                    # Minister said" after "Prime Minister Anna Berg", "the FBI director said" after "FBI Director
                    # James Comey"
                    speaker, kind = next(iter(titled[speaker.lower()])), "person"
                elif (
                    speaker is not None
                    and english
                    and kind == "person"
                    and speaker.split()[-1].islower()
                    and len(descriptions().get(speaker.lower(), ())) == 1
                ):
                    # "The Democratic presidential nominee explained" after "Democratic presidential nominee
                    # Hillary Clinton": the one person so described
                    speaker = next(iter(described[speaker.lower()]))
                elif (
                    speaker is not None
                    and english
                    and kind == "person"
                    and " " in speaker  # (not "The senator said": titles are read above)
                    and (lead := _description_lead(text, ptext, speaker, prev_st, full_name, known))
                    is not None
                ):
                    speaker = lead
                elif (
                    speaker is not None
                    and not english
                    and kind == "person"
                    and (
                        lead := attribution_intl.role_person(
                            speaker,
                            str(lang),
                            text[: st.start],
                            text[prev_st.start : prev_st.end] if prev_st is not None else "",
                            [
                                who
                                for who, (at, line) in spoke_in.items()
                                if si - at == 1 or (line == st.line and si - at <= _ROLE_SPEAKER_RECENT)
                            ],
                        )
                    )
                    is not None
                ):
                    # "Bundeswirtschaftsminister Robert Habeck dringt ... Der Grünen-Politiker sagte": the person
                    # the role stands for
                    speaker = lead
                elif (
                    speaker is not None
                    and not english
                    and kind == "organisation"
                    and (
                        named := attribution_intl.surname_person(
                            speaker, str(lang), [h for h, k in humans if k == "person"]
                        )
                    )
                    is not None
                ):
                    # "Bundestrainer Michael Kohlmann ... „...“, so Kohlmann": the person of that last name
                    speaker, kind = named, "person"
            if (
                st.title or (english and line_sents[st.line] == 1 and e - s <= _HEADLINE_MAX)
            ) and att is None:
                hs = _HEADLINE_SOURCE.match(ptext)
                label = hs.group(0).rstrip(": ") if hs else ""
                src = attribution.classify_source(label) if hs else None
                # the page's headline: its title, or the article's first sentence, a paragraph of its own
                headline = st.title or si == 0
                rest = ptext[hs.end() :] if hs else ""
                if (
                    src is not None
                    and src.kind in ("outlet", "media")
                    and (st.title or (headline and src.name == label and _headline_statement(rest)))
                ):
                    # "Reuters: Putin to visit China", "AP: Trump chair routed Ukrainian money to D.C. lobbyists."
                    # (not "Clinton to Planned Parenthood: ...")
                    speaker, kind, chain = src.name, src.kind, [src.name]
                elif (
                    src is not None
                    and src.kind == "person"
                    # (a given name the entity scan does not know: "Carly Fiorina" read as "Fiorina"; not "Clinton
                    # to Planned Parenthood")
                    and (
                        src.name == label
                        or (label.endswith(" " + src.name) and all(w[:1].isupper() for w in label.split()))
                    )
                    and label not in PLACES
                    and english
                    and full_name(src.name) in known
                    and (
                        any(full_name(who) == full_name(src.name) for who, _ in turns.values())
                        or _speaks_elsewhere(full_name(src.name), st, text, sents, full_name)
                        or (
                            headline
                            and _headline_statement(rest)
                            and _named_elsewhere(full_name(src.name), src.name, st, text)
                        )
                    )
                ):
                    # "Graham: Trump's rhetoric destroying GOP's chance", a headline or a paragraph of its own:
                    # a person the article makes speak elsewhere (or who answers in its transcript) speaks; in
                    # the headline, a person the article names in full ("Lynch: No outside influence on FBI
                    # probe ..." above "Attorney General Loretta Lynch is reaffirming ...")
                    speaker, kind, chain = full_name(src.name), "person", [src.name]
            if speaker is None and polled and att is None and attribution.share_subject(ptext):
                # "A new Quinnipiac University poll ... Twenty-four percent said ...": the poll's finding, its
                # source the poll named in the sentences before, never a person (none when none names a poll)
                poll = attribution.poll_before(
                    [
                        attribution.share_opening(ptext),  # ("In a CNN/ORC poll last month, 38 percent said")
                        # (then all the sentences before, nearest first: in a poll story its shares come
                        # paragraphs after the poll is named, "More than six in 10 said ..." deep in the NYT/CBS
                        # poll's report)
                        *(text[sents[j].start : sents[j].end] for j in range(si - 1, -1, -1)),
                    ]
                )
                if poll is not None:
                    speaker, kind, chain = poll.name, poll.kind, []
            is_quote = long_quote or continuing
            if speaker is None and continuing:
                # a further sentence of a quotation: the speaker of the quotation, else of the one before
                inherited = open_speaker if was_open and open_speaker is not None else prev_quote_speaker
                if inherited is not None:
                    speaker, kind = inherited
                    provisional = True  # the quotation may still name its speaker further on
            if speaker is None and turns and st.line in turns:
                # "Rick: There was a symbiotic relationship ...": Rick's answer (a quotation going on in the
                # answer is still its own speaker's)
                speaker, kind = turns[st.line]
            post = next((p for p in posts if p[0] <= s < p[1]), None) if posts else None
            if post is not None:  # an embedded post: its author's words, not the outlet's
                speaker, kind, chain, is_quote = post[2], post[3], [], True
            while ti < len(times) and times[ti].end <= st.start:
                ti += 1
            when = []
            for tk in range(ti, n_times):  # times are sorted by start
                t = times[tk]
                if t.start > e:
                    break
                if t.start >= s and t.end <= e:
                    when.append(t)
            if post is not None and when:
                if post[0] not in post_times:
                    post_times[post[0]] = _post_times(text, post, article.anchor, lang)
                own = post_times[post[0]]
                when = [own.get((t.start, t.end), t) for t in when]  # its "today" is the day it was posted
            if post is not None and post[4] is not None and not any(t.type == "DATE" for t in when):
                when.append(post[4])  # dated by the post's own stamp
            if len(when) > 1 and any(t.value.endswith("_REF") for t in when):
                # "now", "currently", "in the past" say nothing a date of the same claim does not say better
                # ("On Thursday, the court found that Amazon can now be held liable": Thursday)
                dated = [t for t in when if not t.value.endswith("_REF")]
                when = dated or when
            # (one part: every mention of the sentence; a name never ends on the " ,;" trimmed off)
            ms = st.mentions if len(parts) == 1 else [m for m in st.mentions if m.start >= s and m.end <= e]
            ents = _named_entities(resolver, ms)
            if (
                speaker
                # (an outlet of one word may be a person's surname: "Bloomberg said" after "Michael Bloomberg")
                and (kind in ("person", "organisation") or (kind == "outlet" and " " not in speaker))
                and english
                and not org_ref
                and not attribution.bare_description(speaker)  # ("candidate": no name, no surname)
            ):
                canon = resolver.canonical_person(speaker)
                if (
                    canon in resolver.persons
                    and (kind != "outlet" or attribution.surname_of(speaker, canon))
                    and not (
                        kind == "organisation"
                        and (
                            f"the {speaker}" in ptext
                            or f"The {speaker}" in ptext
                            or attribution.organisation_shaped(speaker)
                            or speaker in ORGS  # "Microsoft claims" after a headline read as a name
                        )
                    )
                ):  # "Park said" is Linda Park, not a park; "the Red Crescent said", "the opposition Christian
                    # Democrats said" stay organisations
                    speaker, kind = canon, "person"
                elif (
                    kind == "person"
                    and " " not in speaker
                    and (resolver.orgs.get(speaker) or resolver.short_orgs.get(speaker.casefold()))
                    and not _after_gender_title(ptext, speaker)
                    and not (att is not None and att.pronoun in _PERSON_PRONOUNS)
                    and not any(p.endswith(" " + speaker) for p in known)
                ):
                    # "United have not commented" after "Manchester United" (not "Mr. Trump said" in an article
                    # that names "the Trump Organization": a "Mr." or "Ms." names a person, and so does the
                    # "he" or "she" that stands for them, or the surname of a person the article names in full:
                    # "Cornyn told reporters" after "Sen. John Cornyn", "Ali called on" beside "the Muhammad Ali
                    # Center")
                    kind = "organisation"
                elif kind == "person" and _group_word(text, speaker):
                    kind = "anonymous"  # "Dealers said" where the article writes "dealers": never a "he"
            qspans = (
                [
                    (max(a, ps) - ps, min(b, pe) - ps)
                    for a, b in quoted_spans
                    if a < pe and b > ps and _three_words(sent, max(a, ps), min(b, pe))
                ]
                if is_quote and quoted_spans
                else []
            )
            content, content_ents, quoted = _content(ptext, s, cspan, mask, is_quote, ms, speaker, qspans)
            # a transcript's turn is scored on its spoken words: its speaker's label is no name of the claim
            turn = _turn_words(ptext, lang) if transcript else 0
            untimed = _untimed(ptext, s, when)
            # a section heading names a topic, it states nothing; a chant or a cry of a transcript is no claim
            terms = (
                None
                if (st.heading and not st.title) or (turn and _too_few_spoken(ptext[turn:], lang))
                else _cw_terms(
                    ptext[turn:] if turn else ptext,
                    len(when),
                    len(_named_entities(resolver, [m for m in ms if m.start >= s + turn]) if turn else ents)
                    + (0 if english else _common_nouns(resolver, ms)),
                    speaker is not None,
                    is_quote and speaker is not None,
                    content,
                    content_ents,
                    quoted,
                    article.language,
                    untimed[turn:] if turn and untimed is not None else untimed,
                    title=st.title,
                    continues=was_open and is_quote and all(t.value.endswith("_REF") for t in when),
                    bare_paragraph=is_quote
                    and speaker is not None
                    and english
                    and (
                        bare[st.line]
                        if st.line in bare
                        else bare.setdefault(st.line, _bare_paragraph(text, sents, si, first_line, times))
                    ),
                    group_view=english
                    and speaker is not None
                    and _group_view(speaker, ptext, _cw_vocab("en")),
                    view_piece=view,
                )
            )
            # the stance only matters for a claim: skip it when even the best stance (an event: +0.12)
            # leaves the sentence under min_score, or under MIN_SCORE (a sentence returned under the floor
            # is read as stated: grouping evidence, no claim; stance is not used as context)
            best = _cw_score(terms, Stance.OCCURRED, article.language)
            if best < max(min_score, MIN_SCORE):
                st_val, polarity = Stance.STATED, 1
            else:
                reported = att is not None and (att.verb is not None or att.pronoun is not None)
                announce = att is not None and att.verb in stance._ANNOUNCE_VERBS
                st_val, polarity = stance.classify(
                    ptext, reported=reported or is_quote, announce=announce, mask=mask, lang=lang
                )
                if st.title and st_val is Stance.STATED:
                    # headline grammar: "Putin to visit China" is planned, "Quake kills 41" occurred
                    body = _sentence_case(_HEADLINE_SOURCE.sub("", ptext))
                    to, pres = _HEADLINE_TO.search(body), _HEADLINE_PRESENT.search(body)
                    # "Rail workers to strike": the -s word right before "to" is a plural subject, not a verb
                    if to and (
                        pres is None or to.end() < pres.end() or body[pres.end() :].startswith(" to ")
                    ):
                        st_val = Stance.PLANNED
                    elif pres:
                        st_val = Stance.OCCURRED
                if att is not None and att.verb in _DENY_VERBS and att.speaker is not None:
                    st_val, polarity = Stance.DENIED, -1  # "The ministry denied that troops had crossed"
                elif att is not None and att.verb in attribution.COMMISSIVE_VERBS and st_val is Stance.STATED:
                    st_val = Stance.PLANNED  # "Putin has vowed to respond"
                elif att is not None and att.verb == "called" and st_val is Stance.STATED:
                    st_val = (
                        Stance.OCCURRED
                    )  # "The opposition has called for an inquiry": the call is the event
                elif (
                    st_val is Stance.STATED
                    and att is not None
                    and att.verb in _TALLY_VERBS
                    and att.content is not None
                    and _TALLY.match(sent, att.content[0])
                ):
                    st_val = (
                        Stance.OCCURRED
                    )  # "Officials confirmed 14 new cases", "the agency reported 97 cases"
                elif st_val is Stance.STATED and att is not None and att.verb in _UNVEIL_VERBS:
                    st_val = Stance.ANNOUNCED  # "Berlin announced a 200 billion euro support package"
                elif (
                    st_val is Stance.STATED
                    and english
                    and any(t.type in ("DATE", "TIME") for t in when)
                    and stance.SHOULD_TIMED.search(ptext)
                ):
                    st_val = Stance.EXPECTED  # "The feature should arrive in the public beta next week"
                elif (
                    st_val is Stance.STATED
                    and att is not None
                    and att.verb in ("declared", "declares")
                    and stance.DECLARED_ACT.search(ptext)
                ):
                    st_val = Stance.OCCURRED  # "Gov. Jay Inslee declared a state of emergency on Jan. 18"
            # every other stance scores like an occurred event (same terms, same floats)
            score = _cw_score(terms, st_val, article.language) if _cw_own_terms(terms, st_val) else best
            sent_claims.append(
                Claim(
                    id="",
                    article_id=article.id,
                    article_key=article.key,
                    start=s,
                    end=e,
                    text=ptext,
                    # (the score and stance read every expression of the text; the claim carries those that
                    # date its event, see factcheck/claim_times.py; one under ``min_score`` is not returned,
                    # it is only context for the sentences after it, which read its speaker, never its times)
                    when=claim_times.carried(ptext, when, s, lang) if when and score >= min_score else when,
                    speaker=speaker,
                    speaker_kind=kind,
                    source_chain=chain,
                    quote=is_quote,
                    entities=ents,
                    stance=st_val,
                    score=score,
                    polarity=polarity,
                )
            )
        if not english and attribution_intl.supported(lang):
            # "Der US-Nachrichtensender CNN scheint skeptischer zu sein. Die Echtheit der Bilder könne nicht
            # bestätigt werden.": indirect speech with no cue of its own continues the source before
            if (
                whole is None
                and not all_quoted
                and not was_open
                and any(c.speaker is None for c in sent_claims)
                and attribution_intl.reported_speech(sent, str(lang))
            ):
                prev_text, named_before = before_reported
                source = reported_from or attribution_intl.opening_source(
                    prev_text, str(lang), [h for h, k in humans[:named_before] if k == "person"]
                )
                for c in sent_claims:
                    if c.speaker is None and source is not None:
                        c.speaker, c.speaker_kind = source
                        if source[1] == "outlet":
                            c.source_chain = [source[0]]
            reported_from = next(
                ((c.speaker, c.speaker_kind) for c in sent_claims if c.speaker and c.speaker_kind), None
            )
            before_reported = (sent, len(humans))
        if exclaimed and st.line == exclaimed_line and _bare_speech(sent, sent_claims):
            # '"We are going to build the wall!" Trump said on Twitter.': the quotation before is theirs
            for c in exclaimed:
                c.speaker, c.speaker_kind, c.quote = sent_claims[0].speaker, sent_claims[0].speaker_kind, True
        exclaimed, exclaimed_line = [], -1
        if (
            english
            and all(c.speaker is None for c in sent_claims)
            and qsent.rstrip()[-2:] in _EXCLAIMED_ENDS
            and len(quoted_spans) == 1
            and quoted_spans[0][0] <= 2
            and quoted_spans[0][1] >= len(sent.rstrip()) - 1
        ):
            exclaimed, exclaimed_line = list(sent_claims), st.line
        # context for the next sentences
        for c in sent_claims:
            if c.speaker and c.speaker_kind:
                last_by_kind[c.speaker_kind] = c.speaker
                if c.speaker_kind in _PRONOUN_KIND["it"] or attribution.names_document(c.speaker):
                    last_it = (c.speaker, c.speaker_kind)
                if c.speaker_kind in ("organisation", "anonymous") and not attribution.names_document(
                    c.speaker
                ):
                    last_group = (c.speaker, c.speaker_kind)  # (a letter, a report is no "they")
                if c.speaker_kind == "person" and " and " in c.speaker:
                    # "Jane Doe and John Smith said", "Jane Doe, John Smith and Bill Brown said": "they" is
                    # all of them, "he" or "she" one of them
                    last_group = (c.speaker, c.speaker_kind)
                    humans.extend((name, "person") for name in re.split(r", | and ", c.speaker))
                elif c.speaker_kind == "person" and not attribution.bare_description(c.speaker):
                    # (not "candidate" left unresolved: no "he" of a later sentence stands for it)
                    humans.append((c.speaker, "person"))
                    spoke.add(c.speaker)
                    spoke_in[c.speaker] = (si, st.line)
                elif _one_person(c.speaker):
                    humans.append((c.speaker, c.speaker_kind))
        if english:  # the organisation named last: a speaker first, else the sentence's first organisation
            named_org = next(
                (
                    c.speaker
                    for c in sent_claims
                    if c.speaker and c.speaker_kind == "organisation" and c.speaker[:1].isupper()
                ),
                None,
            ) or next((en.name for c in sent_claims for en in c.entities if en.kind == "org"), None)
            if named_org is not None and (not orgs_named or orgs_named[-1] != named_org):
                orgs_named.append(named_org)
        if whole is None and english:  # (the entity scan is tuned to English names)
            for c in sent_claims:
                # (a person a quotation names is whom its speaker speaks of, not whom a later "he" stands for:
                # "'Everybody is laughing at Jeb Bush. A pathetic figure!' he wrote")
                if c.speaker_kind == "person" or all_quoted:
                    break
            else:
                persons = [en.name for c in sent_claims for en in c.entities if en.kind == "person"]
                if persons:
                    # "..., and she doesn't think Clinton can ...": the sentence is about the person "she"
                    # stood for, who stays the one a later "she" most likely means
                    topics.append((len(humans), st))
                    humans.append((persons[0], "person"))
                    if len(persons) > 1:  # (the others: read only when every person before is ruled out)
                        also_named.append((si, persons[1:]))
        elif whole is None and attribution_intl.supported(lang) and not all_quoted:
            # other languages: the first person the sentence names, for a later "sagt er" or "dit-il" (not in a
            # sentence all of a quotation, whose speaker speaks of them: «... zu Mr. Gay Germany gewählt. ...»
            # Weiter schreibt er)
            named = attribution_intl.person_named(sent, str(lang), () if was_open else known)
            if named is not None:
                humans.append((named, "person"))
        prev_plain = sent if english and whole is None and not any(c.speaker for c in sent_claims) else None
        first = sent_claims[0]
        if was_open:
            # inside a quotation opened earlier: its speaker, once named, is every part's speaker
            if first.speaker and not provisional:
                for pc in pending:
                    pc.speaker, pc.speaker_kind, pc.quote = first.speaker, first.speaker_kind, True
                pending = []
            else:
                pending.extend(sent_claims)
            if "”" in qsent or qsent.count('"') % 2 == 1:
                in_open_quote, pending = False, []  # the quotation closes in this sentence
        elif _open_quote_after(qsent):
            in_open_quote = True
            pending = list(sent_claims) if first.speaker is None or provisional else []
        if in_open_quote:  # the speaker its further sentences carry: the one named last in it
            quote_named = next(((c.speaker, c.speaker_kind) for c in sent_claims if c.speaker), None)
            open_speaker = quote_named if quote_named is not None else (open_speaker if was_open else None)
        else:
            open_speaker = None
        # who speaks in a quotation that follows: the speaker of a quotation, or of reported speech
        # ("Brooks said the outbreak was preventable." then '"We are urging every parent..."')
        quote_sp: tuple[str, str] | None = None
        for c in sent_claims:
            # (an unnamed speaker only of a quotation: '..., said one Florida Republican strategist.'; an outlet
            # too: '"... Sanders' was 695.49," The Blaze reported. "If Sanders had won ..."', '"...," wrote Time
            # magazine. "Cruz's domination ..."', and a state news agency: '"...," Xinhua, the official Chinese
            # news agency, wrote. "But to understand ..."')
            if (
                c.speaker
                and (
                    c.speaker_kind in ("person", "organisation")
                    or (c.speaker_kind in ("anonymous", "outlet", "media") and c.quote)
                )
                and (c.quote or whole is not None)
            ):
                quote_sp = (c.speaker, c.speaker_kind)
                break
        prev_quote_speaker = quote_sp if quote_sp else (prev_quote_speaker if continuing else None)
        prev_line, prev_st = st.line, st
        prev_claims = sent_claims
        if english:  # the persons named with a title ("Mayor Jane Smith"), for a later "the mayor said"
            for m in st.mentions:
                if m.kind == "person" and m.titled and " and " not in m.text:
                    before = text[max(0, m.start - 20) : m.start].split()
                    # the title's nouns: "Mayor" -> "mayor", "Sen." -> "senator"
                    nouns: list[str] = TITLE_NOUNS.get(before[-1], []) if before else []
                    if before and before[-1].lower() in ROLE_WORDS:
                        nouns = [before[-1].lower()]
                    if len(before) >= 2 and before[-2].lower() in OTHER_OFFICE_WORDS:
                        # "Vice President Joe Biden" is no "the president", "former President Bill Clinton" is
                        # "the former president"
                        other = before[-2].lower()
                        nouns = [f"{other} {n}" for n in nouns] if other == "former" else []
                    for noun in nouns:
                        # (by the full name: "President Barack Obama" ... "President Obama" is one person)
                        titled.setdefault(noun, set()).add(full_name(m.text))
                        if len(before) >= 2 and before[-2] in PLACES:
                            # "Florida Sen. Marco Rubio": "the Florida senator" of a later sentence
                            described.setdefault(f"{before[-2].lower()} {noun}", set()).add(full_name(m.text))
                    # and the whole title of several words: "Russian Prime Minister Mikhail Mishustin" -> "prime
                    # minister" (not "minister" alone, which a foreign minister may be too)
                    compound = attribution.compound_title_before(text, m.start)
                    if compound is not None:
                        titled.setdefault(compound, set()).add(full_name(m.text))
                if m.kind == "person" and " and " not in m.text:
                    undescribed.append((m.start, m.text))  # (its descriptions: ``descriptions``)
                # and with a title before the name between commas: "the interior secretary, Ken Salazar,"
                if m.kind == "person" and text.endswith(", ", 0, m.start):
                    title = attribution.title_before(text, m.start)
                    if title is not None:
                        titled.setdefault(title, set()).add(full_name(m.text))
                # and with a title after the name: "Jane Smith, the chief executive of Acme", "Meghan, Duchess
                # of Sussex"
                if m.kind in ("person", "misc") and text.startswith(", ", m.end):
                    title = attribution.title_after(text, m.end)
                    if title is not None:
                        titled.setdefault(title, set()).add(
                            full_name(m.text) if m.kind == "person" else m.text
                        )
        if english:
            unnamed_quote, unnamed_line = _unnamed_quotation(
                st.line, starts_quote or was_open, all_quoted, sent_claims, unnamed_quote, unnamed_line
            )
        claims.extend(sent_claims)

    return assign_ids([c for c in claims if c.score >= min_score], id_basis_of(article))


def assign_ids(claims: list[Claim], basis: str) -> list[Claim]:
    """Give each claim its id: ``claim_id(basis, text, occurrence)``, the occurrence counting the earlier
    claims of the same words. Only claims count: a sentence returned under the floor (grouping evidence, a
    title or heading of the same words) never shifts the id a session's decision is kept under; evidence
    counts apart, from -1 down, so its ids never meet a claim's."""
    seen: Counter[str] = Counter()
    seen_evidence: Counter[str] = Counter()
    for c in claims:
        norm = _norm(c.text)
        if c.score >= MIN_SCORE:
            c.id = _claim_id(basis, norm, seen[norm])
            seen[norm] += 1
        else:
            seen_evidence[norm] += 1
            c.id = _claim_id(basis, norm, -seen_evidence[norm])
    return claims


__all__ = ["MIN_SCORE", "assign_ids", "checkworthiness", "claim_id", "extract", "find_speaker"]
