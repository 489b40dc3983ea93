"""Who a sentence attributes its content to, and through which outlets (the source chain).

Rules over one sentence, no NLP model:

- subject + speech verb: "Putin said", "Kremlin spokesperson Dmitry Peskov said", "Two of the sources said",
  "Putin was quoted as saying"; inverted: '..." said Kremlin spokesman Dmitry Peskov.'
- reporters: "according to Chinese state media", "as reported by CNN", "Reuters reported, citing five
  sources familiar with the matter", "Kyodo reported citing Russian news agency TASS", "in an interview with
  Chinese state media Xinhua", "in a comment for Reuters".

``attribute(sentence)`` returns an ``Attribution``: the speaker (the innermost source: a person or
organisation that speaks, else the last source in the chain), its kind (person | outlet | organisation |
media | anonymous), the chain of reporting outlets and the sources they cite (outermost first), and the
spans of the attribution words (so stance detection can ignore "said", "announced" used as reporting).
A pronoun subject ("He said") is returned as ``pronoun`` for the caller to resolve from context.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from factcheck import attribution_intl, entities
from factcheck.gazetteer import (
    CAP_STOP,
    CHAMBERS,
    DEMONYMS,
    ORG_HEADS,
    ORG_TAIL_HEADS,
    ORGS,
    OUTLET_HEADS,
    OUTLETS,
    PARTY_MEMBERS,
    PLACES,
    ROLE_WORDS,
    TITLE_WORDS,
    trie_pattern,
)
from factcheck.lang import resource

_EN = resource("en", "speech")  # English vocabulary and cues: factcheck/lang/en/speech.toml
_W = _EN["words"]
# given names (factcheck/lang/en/given_names.toml): "Kelly said", "Beverly told" name a person, though the
# word ends in -ly like an adverb ("Eventually, ...")
_GIVEN_NAMES = frozenset(n for names in resource("en", "given_names").values() for n in names)
_P = _EN["patterns"]

SAY_VERBS = frozenset(_EN["verbs"]["say"])
REPORT_VERBS = frozenset(_EN["verbs"]["report"])
_AUX = frozenset(_W["aux"])
_LY_NOUNS = frozenset(_W["ly_nouns"])
_QUANTIFIERS = frozenset(_W["quantifiers"])
_CITED_NOUNS = frozenset(_W["cited_nouns"])
_DAYS = frozenset(_W["days"])
_TIME_DETERMINERS = frozenset(_W["time_determiners"])
_OBJECT_PREPOSITIONS = frozenset(_W["object_prepositions"])
_TIME_UNITS = frozenset(_W["time_units"])
_PRONOUN_OPENERS = frozenset(_W["pronoun_openers"])
CLAUSE_MARKS = tuple(_W["clause_marks"])  # (the marks that open a clause of its own: ":", ";")
_PRONOUN_AFTER = frozenset(_W["pronoun_after"])  # (right before a speaking pronoun)
PRONOUN_SUBORDINATORS = tuple(_W["pronoun_subordinators"])  # ("..., when she said ...")
_PARTICIPLE_OPENER_ENDING = _W["participle_opener_ending"]  # ("Speaking through an interpreter he added")
_PARTICIPLE_OPENER_NOT = tuple(_W["participle_opener_not"])
_SUBORDINATE_SPEECH = frozenset(_W["subordinate_speech_verbs"])
_SUBORDINATE_TOLD_VERBS = frozenset(_W["subordinate_told_verbs"])
_CONDITIONS = frozenset(_W["conditions"])
_SAID_OBJECT = re.compile(r" (?:" + "|".join(map(re.escape, _W["said_objects"])) + r")\b")
_TIME_PHRASE_ENDS = frozenset(_W.get("time_phrase_ends", []))
_TIME_PREPOSITIONS = frozenset(_W["time_prepositions"])
# the words of a time phrase that opens a sentence ("In 2009", "On Monday", "Last week", "Earlier this month")
_TIME_WORDS = _DAYS | frozenset(_W["months"]) | _TIME_UNITS | _TIME_DETERMINERS
# lower-case words that can be part of a speaker noun phrase
_NP_WORDS = frozenset(_W["np"])
_ANON_HEADS = frozenset(_W["anonymous_heads"])
_UNNAMED_SINGULARS = frozenset(_W["unnamed_singulars"])  # "One analyst said": one of a kind, unnamed
_DOCUMENTS = frozenset(_W["documents"])
_DOCUMENT_JOINERS = frozenset(_W["document_joiners"])
COMMISSIVE_VERBS = frozenset(_EN["verbs"]["commissive"])
_ORG_NOUNS = frozenset(_W["org_nouns"])
_COMPANY_FORMS = frozenset(_W["company_forms"])
_GROUP_PRONOUNS = frozenset(_W["group_pronouns"])
_STATE_ABBREVIATIONS = frozenset(_W["state_abbreviations"])
_GROUP_PLURALS = frozenset(_W.get("group_plurals", []))
_PRONOUNS = {w: w for w in _W["pronouns"]}
# abbreviated titles keep their full stop: "Troy police Lt. Gerry Scherlinck said", "Dist. Atty. Steve Cooley"
_TITLE_ABBR = r"(?:" + trie_pattern(_W["title_abbreviations"]) + r")\."
# a single initial before a name is one token: "Walter A. Clyburn Reed" is never cut at "A."
# a website's address, a name and a top-level domain: "Tchadinfos.com", "Factcheck.org" (one token, one name)
_WEB_DOMAIN = r"\.(?:" + "|".join(re.escape(d) for d in _W["web_domains"]) + r")\b(?![.\w-]*\w)"
_TOKEN_HEAD = r"[A-Z][\w-]*" + _WEB_DOMAIN + r"|(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|" + _TITLE_ABBR
_TOKEN = re.compile(_TOKEN_HEAD + r"|[\w’'\-]+|[^\w\s]")
_KEEP_CAP = frozenset(_W["keep_cap"])
_STATE_MEDIA = re.compile(_P["state_media"], re.I)
_OUTLET_WORDS = re.compile(_P["outlet_words"], re.I)
_WEBSITE = re.compile(r"[A-Z][\w-]*" + _WEB_DOMAIN + r"\Z")
_WEB_DOMAIN_AT = re.compile(_WEB_DOMAIN)
_WEBSITE_NOUNS = frozenset(_W["website_nouns"])
_FORWARD_NP = re.compile(
    _P["forward_np"].replace("{ABBR}", r"(?:[A-Z]\.){2,}|\b[A-Z]\.(?=\s+[A-Z])|\b" + _TITLE_ABBR)
)
_ACCORDING = re.compile(_P["according"], re.I)
# a share of those polled opening a sentence before a speech verb ("Twenty-four percent said", "About four in 10
# voters said") and the poll it was polled in
_SHARE_SUBJECT = re.compile(_P["share_subject"], re.I)
_POLL_NOUNS = frozenset(_W["poll_nouns"])
# (the noun in either case: "a CNN/ORC International Poll")
_POLL_NAMED = re.compile(r"((?:[A-Z][\w’'/&.-]*\s+)*)((?i:" + "|".join(sorted(_POLL_NOUNS)) + r"))\b")
_CONNECTIVE_SAID = re.compile(_P["connective_said"], re.I)
_AS_REPORTED = re.compile(_P["as_reported"], re.I)
_CONFIRMED_BY = re.compile(_P["confirmed_by"], re.I)
_CITING = re.compile(_P["citing"], re.I)
_PER = re.compile(_P["per"])


_DOCUMENT_BY = re.compile(_P["document_by"])
_INTERVIEW = re.compile(_P["interview"], re.I)
_QUOTED_AS = re.compile(_P["quoted_as"])
_X_QUOTED_Y = re.compile(_P["x_quoted_y"])
_INVERTED = re.compile(
    r"[,”\"’]\s*(?P<verb>" + _EN["verbs"]["inverted"] + r")\s+"
    r"(?P<np>(?:the\s+|a\s+|an\s+)?(?:\b"
    + _TITLE_ABBR
    + r"|\b(?:[A-Z]\.){2,}|\b[A-Z]\.(?=\s+[A-Z])|[^,.;:!?\"“”()]){2,90}?)"
    # ("..., said Sen. Chris Murphy (D-Conn.).": the name ends at the bracket; "said a former U.S. law
    # enforcement official who oversaw ...": not at the full stop of an initialism, but before "who")
    r"(?=\s*(?:[,;!?“\"(]|\.(?![A-Z]\.)|$)|\s+(?:who|which)\b)"
)

_INVERTED_TAIL = re.compile(_P["inverted_tail"])
# a quotation closed with its comma right before a verb: the verb's inverted subject follows ('“...,” added')
_CLOSED_QUOTATION_BEFORE = re.compile(r"(?:,[”\"’]|[”\"’],)\s*\Z")
# a person's name in apposition after a role: ", Jane Doe." / ", Dr. Jane Doe, in a statement" / ", Andrew J.
# Pincus of the law firm Mayer Brown."
_NAME_AFTER_ROLE = re.compile(
    r",\s+(?P<name>(?:"
    + _TITLE_ABBR
    + r"\s+)?[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){1,3})(?=\s*(?:[.,;!?]|$)|\s+(?:of|at|from|with)\s)"
)
_DOCUMENT_OWNER = re.compile(_P["document_owner"])

# speech verbs that are also ordinary transitive verbs: with a quantity for object they report no speech
_TRANSITIVE_SAY = frozenset(_EN["verbs"]["transitive"])
# speech verbs that speak only before one of the given words: "called for", "found that" (not "found the tool")
_SAY_BEFORE: dict[str, tuple[str, ...]] = {
    verb: (before,) if isinstance(before, str) else tuple(before)
    for verb, before in _EN["verbs"].get("say_before", {}).items()
}
_AT_QUOTATION = frozenset(_EN["verbs"].get("at_quotation", []))
_WITH_OBJECT_THAT = frozenset(_EN["verbs"].get("with_object_that", []))
_OBJECT_THAT = re.compile(_P["object_that"])
OBJECT_OF_VERBS = frozenset(_EN["verbs"].get("object_of_verbs", []))
_OBJECT_OF = re.compile(_P["object_of"])
OBJECT_AS_VERBS = frozenset(_EN["verbs"].get("object_as_verbs", []))
_FIRST_CLAUSE_VERBS = frozenset(_EN["verbs"]["first_clause_verbs"])  # ("..., and the firm expects that")
_OBJECT_AS = re.compile(_P["object_as"])
# an accusation or a characterisation is the act the sentence reports, whole ("She accused her coworkers of
# ...", "Trump described the country as ..."): no clause of it to read apart
WHOLE_ACT_VERBS = OBJECT_OF_VERBS | OBJECT_AS_VERBS
_CONTENT_ONLY = frozenset(_EN["verbs"]["content_only"])
_QUOTATION_OBJECT_VERBS = frozenset(_EN["verbs"]["quotation_object"])
_DETERMINED_OBJECT_VERBS = frozenset(_EN["verbs"]["determined_object_verbs"])
_DETERMINED_OBJECT = re.compile(r"\s+(?:" + "|".join(_EN["verbs"]["object_determiners"]) + r")\s")
_FINDING_OBJECT = re.compile(
    r"\s+(?:"
    + "|".join(_EN["verbs"]["object_determiners"])
    + r")\s+(?:[\w’'-]+\s+){0,2}?(?:"
    + "|".join(_EN["verbs"]["finding_objects"])
    + r")\b"
)
_RELATIVE_NAMING = frozenset(_W["relative_naming"])
# the object of one of those verbs and a quotation opening after it: "called her “the first lady of ...”",
# "called Obama’s ignorance of solid advice from seasoned military commanders “...”" (up to ten words)
_OBJECT_QUOTATION = re.compile(r"\s+(?:[\w’'.-]+\s+){0,9}[\w’'.-]+,?\s+[“\"]")
_CONTENT_AFTER = re.compile(_P["content_after"])
_ACT_OBJECT_VERBS = frozenset(_EN["verbs"]["act_object_verbs"])
# the verb's object, one of `act_objects`, after up to four words (a determiner, a possessive, modifiers), no "that"
_ACT_OBJECT = re.compile(
    r"\s+(?:(?!that\b)[\w’'$.-]+\s+){0,4}?(?:"
    + "|".join(map(re.escape, _EN["verbs"]["act_objects"]))
    + r")\b"
)
# a progressive speech verb ("Researchers are warning") speaks after a form of "be"
_BE = frozenset(_W.get("be", []))
_CLAUSE_VERBS = frozenset(_W.get("clause_verbs", []))
_PARTICIPLE_HEADS = frozenset(_W.get("participle_heads", []))
_SPEECH_PARTICIPLES = frozenset(_W.get("speech_participles", []))
_OPENING_PREPOSITIONS = frozenset(_W.get("opening_prepositions", []))
_ASIDES = frozenset(_W.get("asides", []))
# nouns that describe the person named after them ("Republican presidential candidate Ted Cruz")
_NAME_DESCRIPTORS = frozenset(_W["name_descriptors"])
_ASIDE_PREPOSITIONS = frozenset(_W["aside_prepositions"])
_SAY_NOUN_BEFORE = frozenset(_W.get("say_noun_before", []))
_STATES_NOUN_BEFORE = frozenset(_W.get("states_noun_before", []))
_NOUN_BEFORE_OF = frozenset(_W["noun_before_of"])
_ADVERB_ENDINGS = tuple(_W["adverb_endings"])
# the word right before a speech verb (the verb's match starts after its space)
_RELATIVE_VERB_BEFORE = re.compile(_P["relative_verb_before"])
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w’'])(" + "|".join(_W["adjective_before"]) + r")\s$", re.I)
_DEMONSTRATIVES = frozenset(_W["demonstratives"])  # ("this says": the verb)
# "told <someone> about <a topic>": what was said is not given ("she told him about Amir's statements")
_TOLD_VERBS = frozenset(_W["told_verbs"])
# (not "told the paper the talks were about to collapse", "told CNN about 40 people had died")
_TOLD_ABOUT = re.compile(
    r"\s+(?:(?!(?:that|was|were|is|are|had|has|have|would|will|could)\b)[\w’'.-]+\s+){1,8}?about\s+(?!to\b|\d|\$)"
)
_BUSINESS_ANAPHORS = frozenset(_W.get("business_anaphors", []))
_PUBLIC_ANAPHORS = frozenset(_W.get("public_anaphors", []))
# heads of a described organisation ("the Seattle-based retailer") that "the company" resolution knows
_ANAPHOR_HEADS = _BUSINESS_ANAPHORS | _PUBLIC_ANAPHORS
# "media reports monitoring the incident", "a criminal complaint unsealed Tuesday"
_PARTICIPLE_TAIL = re.compile(r"(?<=\w)\s+[a-z]+(?:ing|ed)\b")


def _acronym(word: str) -> bool:
    """A word of capitals ("TTF"), or mostly capitals ("TsKVPR"): an acronym, never a person's name."""
    upper = sum(1 for ch in word if ch.isupper())
    return len(word) >= 2 and (word.isupper() or (upper >= 3 and upper * 2 > len(word)))


def organisation_referent(
    text: str, speaker: str, last_org: str | None, full: str | None = None
) -> str | None:
    """The organisation "the company" (``speaker``, as the sentence names it with "the") stands for: the
    organisation named last, when the noun fits it (any business for a company name; "the ministry" only
    for a name that holds "Ministry"), else None. ``full``: the name ``last_org`` abbreviates, when it is
    an acronym ("NHTSA" ... "the agency said": the Administration's name says what NHTSA is)."""
    if last_org is None or not (
        f"the {speaker}" in text or f"The {speaker}" in text or _described_as(text, speaker)
    ):
        return None
    words = last_org.lower().split()
    if full is not None:
        words += full.lower().split()
    # (a company's legal form makes it a business: "Service Corp. International" is no public service)
    typed = not any(w.rstrip(".") in _COMPANY_FORMS for w in last_org.split()) and any(
        w in _ORG_NOUNS and w not in _BUSINESS_ANAPHORS for w in words
    )
    if speaker in _BUSINESS_ANAPHORS and not typed:
        return last_org  # "Acme Corp. ... the company said"; not "the Health Ministry ... the company"
    if speaker in _ORG_NOUNS and speaker in words:
        return last_org  # "the Ministry of Health ... the ministry said"
    if speaker in _PUBLIC_ANAPHORS and not _PUBLIC_ANAPHORS.isdisjoint(words):
        return last_org  # "The Texas Department of Criminal Justice ..., the agency announced"
    return None


@functools.lru_cache(maxsize=256)
def _described_pattern(noun: str) -> re.Pattern[str]:
    """The pattern of ``noun`` after "the" and a few modifiers, compiled once per noun (the nouns are few:
    "company", "agency", "retailer"...)."""
    return re.compile(r"\b[Tt]he\s+(?:[\w’'-]+\s+){1,5}" + re.escape(noun) + r"\b")


def _described_as(text: str, noun: str) -> bool:
    """Whether ``text`` names ``noun`` after "the" and a few modifiers ("The Los Angeles thrift holding
    company", "the Seattle-based retailer")."""
    return _described_pattern(noun).search(text) is not None


def organisation_antecedent(
    text: str, speaker: str, named: list[str | None], short_forms: dict[str, str]
) -> str | None:
    """The organisation "the agency" (``speaker``) stands for: the most recent of the last four
    organisations ``named`` (last last; None: none) that the noun fits (``organisation_referent``), so
    that "NHTSA opened a probe into Tesla ... Tesla did not respond ... the agency said" is NHTSA.
    ``short_forms``: acronym -> the full name it stands for in the article."""
    tried: set[str] = set()
    for org in reversed(named):
        if org is None or org in tried:
            continue
        if len(tried) == 4:
            break
        tried.add(org)
        got = organisation_referent(text, speaker, org, short_forms.get(org))
        if got is not None:
            return got
    return None


def initials(name: str) -> str:
    """The acronym a name of several words is shortened to: the capitals that open its words, the small
    words left out ("National Highway Traffic Safety Administration" -> "NHTSA", "Organisation for Economic
    Co-operation and Development" -> "OECD"); "" for a name of one word."""
    caps = [w[0] for w in name.split() if w[:1].isupper()]
    return "".join(caps) if len(caps) >= 2 else ""


def acronyms(text: str, orgs: list[tuple[str, int]]) -> dict[str, str]:
    """Acronym -> the full name it stands for in one article, from the organisations it names (``orgs``:
    name and end offset in ``text``, in text order): the initials of a name of several words, or the
    capitals written in brackets right after it ("the Organisation for Economic Co-operation and
    Development (OECD)"). The first name wins."""
    out: dict[str, str] = {}
    for name, end in orgs:
        if " " not in name:
            continue
        short = initials(name)
        if short:
            out.setdefault(short, name)
        m = _BRACKETED_ACRONYM.match(text, end)
        if m is not None:
            out.setdefault(m.group(1), name)
    return out


# after a name: a comma and the title the name holds ("Jane Smith, the chief executive of Acme Corp.", "Meghan,
# Duchess of Sussex", "Tom Brown, mayor of Springfield"): the title's last word before "of"/"for"/"at"/...,
# a comma, a possessive or the end
_APPOSITIVE_TITLE = re.compile(
    r",\s+(?:the\s+)?(?P<title>(?:[a-z][\w-]*\s+){0,2}?(?P<head>[A-Za-z][a-z-]+))"
    r"(?=\s+(?:of|for|at|from|in|with)\s|\s*[,;.]|[’']s\s)"
)


def title_after(text: str, end: int) -> str | None:
    """The title (lower case) that an appositive right after a name ending at ``end`` gives it: "Jane
    Smith, the chief executive of Acme Corp., said" -> "chief executive"; "Meghan, Duchess of Sussex" ->
    "duchess"; else None. The title is a role word, or a capitalised word before "of" ("Duchess of
    Sussex", "Secretary of State"): what "the duchess" of a later sentence stands for."""
    if not text.startswith(", ", end):
        return None
    m = _APPOSITIVE_TITLE.match(text, end)
    if m is None:
        return None
    head = m["head"]
    low = head.lower()
    if low in ROLE_WORDS or (head[0].isupper() and text.startswith(" of ", m.end())):
        return m["title"].lower()
    return None


# a title before an appositive name ("the interior secretary, Ken Salazar,", "the company's chief executive,
# Tim Cook,"): the title's words after "the" or a possessive, ending on a role word, right before the name
_TITLE_BEFORE = re.compile(
    r"(?:\b[Tt]he|[’']s)\s+(?P<title>(?:[a-z][\w-]*\s+){0,2}(?P<head>[a-z][a-z-]+)),\s+\Z"
)


def title_before(text: str, start: int) -> str | None:
    """The title (lower case) that an appositive name starting at ``start`` follows: "the interior
    secretary, Ken Salazar" -> "interior secretary"; else None: what "the interior secretary" of a later
    sentence stands for."""
    m = _TITLE_BEFORE.search(text, max(0, start - 60), start)
    return m["title"] if m is not None and m["head"] in ROLE_WORDS else None


_COMPOUND_TITLE_MAX = 4  # words of a capitalised title before a name, at most ("Deputy Prime Minister")


def compound_title_before(text: str, start: int) -> str | None:
    """The title of two words or more that the capitalised words right before a name starting at ``start``
    give it, ending on a role word, in lower case, without the demonym or place that opens it: "Russian
    Prime Minister Mikhail Mishustin" -> "prime minister", "Defense Secretary Jim Mattis" -> "defense
    secretary", "Boeing spokesman Dan Hart" -> "boeing spokesman": what "the prime minister" of a
    later sentence stands for. The whole title, never a tail of it ("Deputy Prime Minister" -> "deputy prime
    minister": a deputy is not the prime minister); None when no role word ends the words before the name, or
    it stands alone ("Mayor Jane Smith": the role word alone is read as a title already)."""
    words = text[max(0, start - 80) : start].split()
    if not words or words[-1].lower() not in ROLE_WORDS:
        return None
    run = [words[-1]]
    for w in reversed(words[:-1]):
        if (
            len(run) >= _COMPOUND_TITLE_MAX
            or not w.replace("-", "").isalpha()  # "said,", "U.S.", "Russia's": no part of the title
            or not w[:1].isupper()
            or w in CAP_STOP
        ):
            break
        run.insert(0, w)
    # (the country or place the title is of: "New Zealand Prime Minister", "Florida Sen.")
    cut = next(
        (
            i
            for i in range(len(run) - 1, 0, -1)
            if " ".join(run[:i]) in PLACES or " ".join(run[:i]) in DEMONYMS
        ),
        0,
    )
    run = run[cut:]
    return " ".join(run).lower() if len(run) >= 2 else None


def title_subject(sentence: str, titled: dict[str, set[str]]) -> str | None:
    """The one person that the "the <title>" opening ``sentence`` stands for ("The duchess has hinted ..."
    after "Meghan, Duchess of Sussex"; ``titled``: title (lower case) -> the persons the article gave it),
    or None (no title opens the sentence, or several persons hold it)."""
    words = sentence.split(None, 4)
    if not words or words[0] not in ("The", "the"):
        return None
    for n in (1, 2, 3):
        names = titled.get(" ".join(words[1 : n + 1]), ())
        if names:
            return next(iter(names)) if len(names) == 1 else None
    return None


_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&]*[A-Z])\)")


# a speech verb in a clause opened by these words frames no claim of the sentence ("after Trump announced in
# 2017 his decision ..."): the sentence reports what followed, in its own voice
_SUBORDINATORS = frozenset(_W.get("subordinators", []))
# "Our own analysis shows": whoever speaks the sentence, not a new source
_FIRST_PERSON = frozenset(_W.get("first_person", []))
# "a study published in Nature found": the document, not the journal, is the subject
_DOCUMENT_PARTICIPLES = frozenset(_W.get("document_participles", []))
_QUANTITY_OBJECT = re.compile(_P["quantity_object"], re.I)
# "Researchers found the links ...": after these subjects "found", "showed" report a finding without "that"
_FINDERS = frozenset(_EN["verbs"].get("finders", []))
_FINDER_VERBS = frozenset(_EN["verbs"].get("finder_verbs", []))
_FINDER_DESCRIPTIONS = frozenset(_EN["verbs"]["finder_descriptions"])
_FINDER_AGENTS = frozenset(_EN["verbs"]["finder_agents"])
_FINDER_MODIFIERS = 4  # the most tokens before a finding document's head ("A new national CNN/ORC poll")
_FINDER_SPAN = 14  # the most tokens of its description before the verb
# what makes the object of "found" a finding: "found the links being spread", "found the drug to be safe",
# "found the water was unsafe" (a verb within a few words, before any punctuation)
_SMALL_CLAUSE = re.compile(
    r"\s+(?:[\w’'-]+\s+){1,5}?(?:being|to\s+be|to\s+have|was|were|is|are|had|has|have|could|would|may)\b"
)
# "a paper published last month in The Lancet": time words between the participle and the place
_DOCUMENT_TIME_WORDS = frozenset(_W.get("document_time_words", []))

_NEG_SPEECH = re.compile(_P["neg_speech"], re.I)
_AS_PUT_IT = re.compile(_P["as_put_it"])
_PUT_IT_TAIL = re.compile(r"[^,;:]*\Z")  # (after the cue: no clause of its own, up to the sentence's end)


# run on " " + the sentence: the verb (lower-case letters) follows a non-word character, which the match
# consumes so that the pattern opens with a character class and the scan jumps to candidate positions
# (a match at i in the padded text is the verb at i .. end - 1 in the sentence)
# ([^a-zA-Z0-9_] is a bitmap test; only where it holds, the lookbehind asks the Unicode database whether the
# consumed character is a word character: together they are [^\w] at a fraction of its cost per character)
_SAY_RE = re.compile(r"[^a-zA-Z0-9_](?<!\w)(?:" + trie_pattern(SAY_VERBS) + r")\b")
# every byte but an ASCII letter -> a space: what is left of a sentence's ASCII letters, as words
_LETTER_WORDS = bytes(b if chr(b).isascii() and chr(b).isalpha() else 32 for b in range(256))
_SAY_WORDS = frozenset(v.encode("ascii") for v in SAY_VERBS)


def say_verb_matches(text: str) -> list[re.Match[str]]:
    """The matches of ``_SAY_RE`` in " " + ``text`` (a match at i is the verb at i in ``text``). A verb form
    (ASCII letters) has a non-word character before it and a word boundary after it, so it is a word of
    the sentence's ASCII letters once every other character is a space: a sentence whose letters make
    none of the forms has no match, and the trie pattern (a regex scan, dear on every sentence) runs only
    on the others."""
    if _SAY_WORDS.isdisjoint(text.encode("ascii", "replace").translate(_LETTER_WORDS).split()):
        return []
    return list(_SAY_RE.finditer(" " + text))


# the verbs that report words whatever their subject ("Cuban said", "Will wrote"), for bare_word_subject
_SURNAME_SPEECH_VERBS = frozenset(_W["surname_speech_verbs"])
# one capitalised word that opens a clause right before a speech verb, an adverb or auxiliary between
_BARE_WORD = re.compile(r"(?:^|[,;:\"”’]\s+|\b(?:and|but)\s+)(?P<w>[A-Z][a-z]+)\s+(?:(?P<a>[a-z]+)\s+)?$")


def common_word_name(word: str) -> bool:
    """Whether a capitalised word, a surname, reads as a common word to the attribution alone, which then names
    no one before a speech verb: a demonym ("Cuban"), a word that never starts an entity ("Will", "From"), a
    word in -ly read as an adverb ("Schlafly", "Jolly")."""
    return word in DEMONYMS or word in CAP_STOP or word.endswith("ly")


def bare_word_subject(text: str) -> tuple[str, int, int] | None:
    """The one capitalised word that opens a clause as the subject of a speech verb, and the verb's offsets,
    for a sentence whose attribution names no one: a surname that is also a common word ("Nevertheless,
    Cuban said", "Jolly said he has worked", "Schlafly said she considered", "Will wrote") is no speaker by
    its shape alone; ``factcheck.extract`` makes it the person the article names in full with it. None when
    no such word stands before a verb of ``surname_speech_verbs``, which report words whatever their
    subject."""
    for vm in say_verb_matches(text):
        v = vm.start()
        if text[v : vm.end() - 1] not in _SURNAME_SPEECH_VERBS or not _may_speak(text, vm):
            # ("Trump went after Walker", "Palin called a delegate", "Armstead told jurors at the trial about
            # the moment she was struck": an act or a topic, not words)
            continue
        m = _BARE_WORD.search(text, max(0, v - 40), v)
        if m is None or not (m.group("a") is None or _adverb(m.group("a"))):
            continue
        w = m.start("w")
        if any(a <= w < b for a, b in _quotations(text)):
            continue  # inside a quotation: someone else's words ("... Trump says different things," X said)
        return m.group("w"), v, vm.end() - 1
    return None


_INTERVIEW_GATE = tuple(_EN["gates"]["interview"])  # substrings the pattern needs
_NEG_GATE = tuple(_EN["gates"]["neg_speech"])
_AS_PUT_IT_GATE = tuple(_EN["gates"]["as_put_it"])


def _has_any(low: str, words: tuple[str, ...]) -> bool:
    for w in words:  # noqa: SIM110 (a plain loop is faster than any() over a generator)
        if w in low:
            return True
    return False


@dataclass(slots=True)
class Source:
    name: str
    kind: str  # person | outlet | organisation | media | anonymous
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Attribution:
    speaker: str | None = None
    kind: str | None = None
    chain: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # attribution words (offsets in the sentence)
    pronoun: str | None = None  # "he"/"she"/"they"/"it": the speaker is to be resolved from context
    verb: str | None = None
    content: tuple[int, int] | None = None  # span of the reported content when a speech verb frames it


_TRAILING_NAME = re.compile(r"\b(?:[a-z\-]+)\s+(?P<name>(?:[A-Z][\w&.\-]*)(?:\s+[A-Z][\w&.\-]*){0,3})$")


def classify_source(np: str) -> Source | None:
    """Name and kind of a source noun phrase ("Kremlin spokesperson Dmitry Peskov" -> person "Dmitry Peskov")."""
    got = _classify_source_cached(np)
    return Source(got[0], got[1]) if got else None


@functools.lru_cache(maxsize=8192)
def _classify_source_cached(np: str) -> tuple[str, str] | None:
    src = _classify_source(np)
    if src is None:
        return None
    return (unnamed_form(src.name) if src.kind == "anonymous" else src.name), src.kind


def unnamed_form(name: str) -> str:
    """The one form of an unnamed speaker: its phrase without the article, its first word in lower case when
    it is a common word capitalised only because it opens the sentence ("Officials said" and "officials
    said" -> "officials"; "Two sources", "Public health experts", "One Democratic official"), not when it
    opens a name ("Trump campaign source", "State Department official")."""
    first, sep, rest = name.partition(" ")
    if not (
        first[:1].isupper()
        and first[1:].islower()
        and (first.lower() in _COMMON_OPENERS or _unnamed_head(first.lower()))
    ):
        return name
    if rest[:1].isupper() and first.lower() not in _QUANTIFIERS | _ONE_OF_A_KIND:
        return name
    head = rest.split(None, 1)[0] if rest else ""
    if first.lower() not in _COMMON_OPENERS and head.islower() and _agent_noun(head):
        return name  # "Sanders volunteer": a name before the head (a plural head would end the phrase)
    return first.lower() + sep + rest


_PARTICIPLE_AUXILIARIES = frozenset(_W["participle_auxiliaries"])


def _participle_clause(low: list[str]) -> bool:
    """Whether a phrase (lower case) opens with a participle and its object or verb, a clause that names no
    one ("Having announced", "referencing a confirmed Breitbart News", "citing the"): not "leading
    economists", "visiting scholars" (a participle as an adjective)."""
    if len(low) == 1:
        return low[0] in _PARTICIPLE_AUXILIARIES  # "Having announced that ..., Judge Berman proceeded"
    return (
        low[0].endswith("ing")
        and len(low[0]) > 5
        and (low[1] in _DETS or (low[1].endswith("ed") and low[1].isalpha()))
    )


# A first name and initials ending right before a name the entity scan cut there ("Walter A. " before
# "Clyburn Reed").
_NAME_AND_INITIALS_BEFORE = re.compile(r"(?:[A-Z][\w’'-]+\s+)(?:[A-Z]\.\s+)+\Z")
_WORD_CHAR = re.compile(r"\w")


def _boundary(text: str, i: int) -> bool:
    """Whether ``\\b`` holds at position ``i`` of ``text``."""
    before = i > 0 and _WORD_CHAR.match(text, i - 1) is not None
    after = i < len(text) and _WORD_CHAR.match(text, i) is not None
    return before != after


def _with_initials(np: str, name: str) -> str:
    """``name`` with the first name and initials that stand right before it in ``np`` (a name is never cut at
    an initial), found with fixed patterns: a pattern built per name is compiled anew on most calls."""
    if not name:
        return name
    pos = np.find(name)
    while pos >= 0:
        end = pos + len(name)
        if pos > 0 and _boundary(np, end):
            m = _NAME_AND_INITIALS_BEFORE.search(np, 0, pos)
            if m is not None:
                return np[m.start() : end]
        pos = np.find(name, pos + 1)
    return name


_INSTITUTION_NOUNS = frozenset(_W["institution_nouns"])
_CONTRACTION_ENDINGS = tuple(_W["contraction_endings"])
_CONTRACTION_STEMS = frozenset(_W["contraction_stems"])
_NEGATIVE_ENDING = _W["negative_ending"]
_SAID_WHAT = frozenset(_W["said_what"])


def _contraction(word: str) -> bool:
    """A word run together with the next ("Here's", "That’s", "Don't", "Won't"): no one's name."""
    w = word.replace("’", "'")
    if w.endswith(_NEGATIVE_ENDING):
        return True
    end = next((e for e in _CONTRACTION_ENDINGS if w.endswith(e)), None)
    return end is not None and w[: -len(end)].lower() in _CONTRACTION_STEMS


def _classify_source(np: str) -> Source | None:
    np = " ".join(np.split()).strip(" ,")
    words = np.split()
    if words and _contraction(words[0]):
        # "Here's what the report found", "That's what the minister said": the words after it, without the
        # "what" that opens the clause
        words = words[2:] if words[1:2] and words[1].lower() in _SAID_WHAT else words[1:]
    if words and _WEBSITE.match(words[-1]) and (len(words) == 1 or words[-2].lower() in _WEBSITE_NOUNS):
        return Source(words[-1], "outlet")  # "according to Tchadinfos.com", "the website GunBroker.com"
    if len(words) == 1 and words[0].lower() in _GROUP_PRONOUNS:
        return Source(np, "anonymous")  # "Some said", "Others said": unnamed people
    definite = indefinite = False
    while (
        words
        and (
            words[0].lower() in ("the", "a", "an")
            # (a quantifier before "of" stays: "Some of the protesters", "Many of the residents")
            or (
                words[0] in CAP_STOP
                and words[0] not in _KEEP_CAP
                and not (words[0].lower() in _QUANTIFIERS and words[1:2] == ["of"])
                # ("Another said": one of the people just named, alone too)
                and not (words[0] in ("One", "Another") and (len(words) == 1 or words[1].islower()))
            )
            or words[0] in _LEADING_CONNECTIVES  # "which the Indian navy", "although her publicist"
            or (len(words) > 1 and words[0].istitle() and _adverb(words[0].lower()))  # "Apparently officials"
        )
    ):
        definite = definite or words[0].lower() == "the"
        indefinite = indefinite or words[0].lower() in ("a", "an")
        words.pop(0)
    if not words:
        return None
    np = " ".join(words)
    low = [w.lower().strip("’'") for w in words]
    if _participle_clause(low):
        return None  # "Having announced that ...", "referencing a confirmed Breitbart News report that ..."
    if len(low) > 1 and low[0] in _PRONOUNS and low[0] not in _DETS:
        return (
            None  # a clause of its own: "Surveys of caucus-goers taken as they entered caucus sites showed"
        )
    if words[0] in _CLAUSE_VERBS:
        # a finite verb opens a predicate, no one's name: "The presidential candidates — current and former —
        # must file their February campaign finance reports to ..." (the subject before the dash aside)
        return None
    if low[0] in _PHRASE_PREPOSITIONS:
        # a preposition opens no one's name: the name after it ("at the end of 2016 Dion revealed"), else
        # none ("in a statement posted on its website")
        named = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
        if named is None:
            return None
        words = words[named:]
        np, low = " ".join(words), low[named:]
    if low[-1] in _BE:
        return None  # "It's been reported that ...": a passive, no one named
    if _party_member_surname(words):
        return Source(words[1], "person")  # "Republican Jolly said": the party goes, the surname speaks
    if len(words) == 1 and (
        words[0].lower().endswith(_ADVERB_ENDINGS)
        or (words[0] in PARTY_MEMBERS and not words[0].endswith("s"))
    ):
        # an adverb ("Initially a Democrat, he ... declared"), a party's adjective ("could blunt Republican
        # claims"): no one's name alone
        return None
    if low in (["one"], ["another"]):
        return Source(np, "anonymous")  # "One told the BBC ...": one of the people just named
    if _unnamed_head_postmodified(low):
        return Source(np, "anonymous")  # "People briefed on the situation", "sources privy to the talks"
    if (
        low[0] in ("one", "another")
        and 1 < len(words) <= 4
        and all(w.islower() for w in words[2:])
        and words[-1].islower()
        and (low[-1] in _UNNAMED_SINGULARS or _agent_noun(low[-1]))
    ):
        # "One commenter wrote", "One friend said", "One Clinton spokesman has called": not a person "One" or
        # "One Clinton"
        return Source(np, "anonymous")
    if (
        (indefinite or definite or low[0] in ("one", "another"))
        and 1 < len(words) <= 5
        and words[-1].replace("-", "").isalpha()
        and words[-1].islower()
        and low[-1] not in ROLE_WORDS
        and (_agent_noun(low[-1]) or low[-1] in _NAME_DESCRIPTORS)
        and not any(w.endswith(("’s", "'s")) for w in words)
    ):
        # "a former Podesta employee", "a Sanders volunteer": unnamed, not Podesta; "the presumptive Republican
        # presidential nominee": a person named by what they are
        plural = low[-1].endswith("s") and not low[-1].endswith("ss")
        return Source(np, "person" if definite and not plural else "anonymous")
    if definite and len(words) == 1 and words[0] in _NAME_DESCRIPTORS:
        # "The candidate said": a person by what they are, named elsewhere (factcheck.extract reads whom)
        return Source(np, "person")
    if len(words) > 3 and _DOCUMENT_PUBLISHED.search(np):
        # "study published in Nature", "report released by the ministry": the document speaks, the
        # journal or publisher is where it appeared
        return Source(np, "anonymous")
    r = next((i for i, w in enumerate(low) if w in ROLE_WORDS), 0)
    if (
        0 < r < len(low) - 2
        and low[r + 1] in ("of", "for", "at")
        and words[r - 1].endswith(("’s", "'s"))
        and not low[r].startswith("spokes")
    ):
        return Source(np, "person")  # "the Labour Party's chancellor of the Exchequer": a person by role
    # a specific outlet named inside the phrase ("state broadcaster CCTV", "Russian news agency TASS")
    outlet = _find_outlet(np)
    if outlet is not None and _given_name_before(np, outlet[0]):
        outlet = None  # a person whose surname is an outlet's name: "Michael Bloomberg", "Steve Forbes"
    # unnamed sources: "five sources familiar with the matter", "people close to the player"
    head = next((w for w in low[:4] if w in _ANON_HEADS), None)
    if head in ("official", "officials") and re.search(r"\b(?:in|at|from|of)\s+(?:the\s+)?[A-Z]", np):
        return Source(np, "organisation")  # "Health officials in Clark County": an official body, named
    if (
        low[-1] in _ANON_HEADS
        # unnamed people in the plural: "party strategists", "Other Republican leaders" (not "Lehman Brothers")
        or (
            words[-1].islower()
            and words[-1].endswith(("s", "men"))
            and _agent_noun(words[-1])
            and words[-1] not in _ORG_NOUNS  # ("prosecutors": an office)
        )
        or "familiar" in low
        or (
            head
            and any(w in ("close", "with", "who", "in", "at", "within", "inside", "from", "for") for w in low)
        )
        # "people briefed on the talks", "officials privy to the plan": the words that say who they are
        or (head and any(_postmodifier_at(low, i) in _POSTMODIFIERS_KEEP for i in range(1, len(low))))
        # "Friends of Mr. Clinton's say": people in the plural, first, of someone (they speak, not the one named)
        or (len(low) >= 3 and low[0] == head and head.endswith("s") and low[1] in ("of", "to"))
        # "A senior adviser to Gov. Jane Smith said": the adviser speaks, not the one advised
        or (head and low.index(head) + 1 < len(low) and low[low.index(head) + 1] == "to")
    ):
        return Source(np, "anonymous")
    body, _, where = np.partition(" in ")
    if where in PLACES and body.split()[-1].islower():  # who is in a place the gazetteer knows
        if _OUTLET_WORDS.search(body.split()[-1]):
            return _classify_source(body)  # "The Cape Argus newspaper in Cape Town": the newspaper
        if _people_head(body.split()[-1]) and body.split()[-1] not in _ORG_NOUNS:
            return Source(np, "anonymous")  # "office worker in Dubai", "Religious leaders in London"
    trailing = _TRAILING_NAME.search(np)
    if _STATE_MEDIA.search(np):
        return Source(outlet[0] if outlet else (trailing["name"] if trailing else np), "media")
    if outlet:
        staff = _outlet_staff(np, outlet[0])
        if staff is not None:
            return staff  # "ABC Entertainment Group president Paul Lee": a person who works for the outlet
        return Source(outlet[0], outlet[1])
    if _OUTLET_WORDS.search(np) or (len(words) > 1 and words[-1] in OUTLET_HEADS and definite):
        return Source(trailing["name"] if trailing else np, "outlet")
    if low[-1] in ("media", "press", "reports", "outlets"):  # "local media", "Japanese media"
        return Source(np, "outlet")
    if where[:1].isupper() and low[0] not in ROLE_WORDS and any(w in ORG_HEADS for w in body.split()[1:]):
        # "California's 4th District Court of Appeal in Santa Ana": the court, not the town it sits in
        return Source(body, "organisation")
    owner = _DOCUMENT_OWNER.match(np) if low[-1] in _DOCUMENTS and len(words) > 1 else None
    if owner:  # "the grid operator's 2019 resource assessment": the grid operator
        src = _classify_source(owner["owner"])
        if src is not None and src.kind in ("person", "organisation", "outlet", "media"):
            return src
        return Source(owner["owner"].strip(), "organisation")
    aff = _AFFILIATION.match(np)
    if aff:  # "Sgt. Marty Earley with the Bloomington Police Department": the person, not the department
        person = _classify_source(aff["head"])
        if (
            person is not None
            and person.kind == "person"
            and 2 <= len(person.name.split()) <= 4
            and all(
                w[:1].isupper() and w not in ORG_HEADS and w not in ORG_TAIL_HEADS
                for w in person.name.split()
            )
            # "U.S. Secretary of State Antony Blinken": a title, not a name, before "of"
            and not all(w in TITLE_WORDS or w in PLACES for w in person.name.split())
            # "RNC Chief of Staff Katie Walsh": a title cut before its "of"
            and person.name.split()[-1] not in TITLE_WORDS
        ):
            return person
    if (
        low[-1] in _ORG_NOUNS
        or _org_plural(low[-1])
        # (a noun in lower case, no office's: not "Mr. Tribe", "the former secretary of state")
        or (low[-1] in _INSTITUTION_NOUNS and words[-1].islower() and ROLE_WORDS.isdisjoint(low))
    ):
        # "Governor Jay Inslee's office", "the banks", "the city", "the county"
        return Source(np, "organisation")
    if (
        len(words) >= 2
        and words[-1].isalpha()
        and words[-1].islower()
        and words[-2].endswith(("’s", "'s"))
        and words[-2][:1].isupper()
        and low[-1] not in ROLE_WORDS
        and _agent_noun(low[-1])
    ):
        return Source(np, "anonymous")  # "Lopez's brother", "Elian Gonzalez's father": not Lopez, not Elian
    origins = words[-1].rsplit("-", 1)[-1]
    if (
        (len(words) == 2 or origins != words[-1])
        and len(words) <= 2
        and origins[-1:] == "s"
        and origins[:-1] in DEMONYMS
        and all(w[:1].isupper() for w in words)
    ):
        # "Cuban Americans said", "African-Americans": people of an origin, never a "he" (a demonym's plural
        # alone, "the Russians", is read below: a side as often as people)
        return Source(np, "anonymous")
    ms = [m for m in entities.mentions(np) if m.kind in ("person", "org", "place", "misc", "event")]
    persons = [m for m in ms if m.kind == "person"]
    if (
        len(words) > 1
        and low[-1] in ROLE_WORDS
        and words[-1][:1].isupper()
        and not low[-1].startswith("spokes")
    ):
        return Source(np, "person")  # "the International Trade Secretary": a person named by office
    if (
        definite
        and persons
        and all(w[:1].isupper() and not w.endswith(("’s", "'s")) for w in words)
        and not any(m.titled for m in persons)
        and words[0] not in TITLE_WORDS
        and not words[0].endswith(".")  # "the Rev. Larry Kroon"
    ):
        return Source(np, "organisation")  # "The Red Sox said": people's names take no article
    # ("Republican Trump and Democrat Clinton": surnames after party members, no full name)
    pair = _person_pair(np) if (persons or not PARTY_MEMBERS.isdisjoint(words)) and " and " in np else None
    if pair is not None:
        return pair  # "Jane Doe and John Smith said": both speak
    if persons and _joined_name(np, persons[-1].text):
        # "Customs and Border Protection", "U.S. Customs and Border Protection": one word joined by "and"
        # to a name of several is one organisation's name (people are joined whole: "Jane Doe and John Roe")
        return Source(np, "organisation")
    # (the entity scan types most such names an organisation itself: the one that ends a phrase of its documents,
    # "Figures from the European Centre for Disease Prevention and Control"; not "Service Corp. International",
    # "sources quoted by the Miami Herald", "The Citizens’ Independent Transportation Trust")
    shaped = persons or [m for m in ms if m.kind == "org" and _document_of(np, m.text)]
    if shaped and organisation_shaped(shaped[-1].text):
        # a name built like an organisation's ("European Centre for Disease Prevention and Control"), a
        # party named by its members ("the Christian Democrats")
        return Source(shaped[-1].text, "organisation")
    if persons and (
        (persons[-1].titled and " " in persons[-1].text)
        or not any(w in PLACES for w in persons[-1].text.split())
    ):
        # a name is never cut at an initial: "Walter A. Clyburn Reed"; a place's name is a person's after a
        # title, in a full name ("Rep. Steve Israel", "Sen. Mark Washington"; not "Security Pacific said": a
        # bank, whose "Security" the entity scan reads as a title)
        return Source(_with_initials(np, persons[-1].text), "person")
    if low[-1] in ROLE_WORDS and not low[-1].startswith("spokes"):
        return Source(np, "person")  # "the Navy chief", "the army commander": a person named by role
    if any(w in _ORG_NOUNS for w in low):  # "the government in Berlin", "the foreign ministry"
        # "the anti-graft agency EFCC", "the Iraqi activist group Mosul Eye": the name after the noun
        if trailing and trailing.group(0).split(None, 1)[0] in _ORG_NOUNS:
            return Source(trailing["name"], "organisation")
        return Source(np, "organisation")
    if np in ORGS or words[-1] in ORG_HEADS or words[-1] in ORG_TAIL_HEADS or any(w in ORGS for w in words):
        org = next((w for w in words if w in ORGS), None)
        return Source(ORGS.get(np, np if org is None or len(words) > 2 else org), "organisation")
    if np in PLACES:  # "China said", "Beijing said": the government
        return Source(np, "organisation")
    caps = [w for w in words if w[:1].isupper() and w not in DEMONYMS]
    if (
        low[-1].endswith(("maker", "firm", "company", "giant"))
        and len(words) <= 2
        and low[-1] not in _PERSON_MAKERS
    ):
        return Source(np, "organisation")  # "Drugmaker says", "the chipmaker said"
    if any(w.startswith("spokes") for w in low) and not [
        m for m in entities.mentions(np) if m.kind == "person"
    ]:
        return Source(np, "organisation")  # "A Brenner spokesperson", "a spokesperson for Veritas"
    if len(words) == 2 and low[-1] in ROLE_WORDS and words[0][:1].isupper() and words[0] not in PLACES:
        return Source(np, "person")  # "Opposition leader says"
    if (
        low[0] in ROLE_WORDS
        and len(low) > 2
        and low[1] in ("of", "for", "at")
        and not low[0].startswith("spokes")
    ):
        return Source(np, "person")  # "the mayor of Springfield": a person named by role
    if low[-1] in _DOCUMENTS and len(words) <= 4:  # "citing internal emails", "industry figures"
        return Source(np, "anonymous")
    if not caps:
        if low[-1] in ROLE_WORDS:  # "the regional governor", "the superintendent"
            return Source(np, "person")
        if len(words) <= 4 and _agent_noun(low[-1]) and all(_plain_word(w) for w in low):
            return Source(np, "anonymous")  # "a piracy monitor", "one witness", "a security guard"
        of = next((i for i, w in enumerate(low) if w in ("of", "for")), 0)
        if 0 < of <= 3 and _agent_noun(low[of - 1]) and len(words) <= of + 4:
            return Source(np, "anonymous")  # "a close friend of the victim"
        return None
    if persons or any(w in PLACES for w in words):  # "Statistics Sweden", "U.S. Geological Survey"
        return Source(np, "organisation")
    if definite and len(words) == len(caps):  # "the Riksbank said": people take no article
        return Source(np, "organisation")
    if len(words) == 1 and _CAMEL.search(np):  # "TechRadar", "MyBroadband": no one's name is built so
        return Source(np, "organisation")
    if ms:
        m = ms[-1]
        if m.kind == "misc" and len(caps) == 1:
            if _acronym(caps[0]):  # "the Dutch TTF hub", "according to TsKVPR": an acronym names no person
                return Source(m.text, "organisation")
            if caps[0] in _GROUP_PLURALS:  # "Republicans criticised the cost": a party, never a "he"
                return Source(m.text, "organisation")
            if caps[0].endswith("s") and caps[0][:-1] in DEMONYMS:  # "Americans say": people, never a "he"
                return Source(m.text, "anonymous")
            return Source(m.text, "person")
        return Source(m.text, "organisation" if m.kind != "person" else "person")
    return Source(np, "person")


# a name in capitals at the start of a phrase, after "the" ("the Daily Herald" of "the Daily Herald the ...")
_LEADING_NAME = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w’'.&-]*)*"
    r"(?=\s+(?:the|a|an|he|she|it|they|we|i|his|her|its|their|this|there|no|police|officials)\s)"
)
# (not a surname with a prefix: "McDermott", "MacLeod", "DiLeo", "DeGeneres", "VanDeest", "LaRue")
_CAMEL = re.compile(r"^(?!(?:Mc|Mac|Di|De|Da|Du|Van|Von|La|Le|Del|Fitz|St)[A-Z])[A-Z][a-z]+[A-Z][a-z]")


def _party_member_surname(words: list[str]) -> bool:
    """Whether a phrase is a party member and a surname ("Republican Jolly", "Democrat Clinton"): not a
    party's body ("Republican Party", "Republican House", "Democrat Leader")."""
    return (
        len(words) == 2
        and words[0] in PARTY_MEMBERS
        and words[1][:1].isupper()
        and words[1].isalpha()
        and words[1] not in TITLE_WORDS
        and words[1] not in ORG_HEADS
        and words[1] not in ORG_TAIL_HEADS
        and words[1] not in PLACES
        and words[1] not in CHAMBERS
    )


def _person_pair(np: str) -> Source | None:
    """Two persons named in full and joined by "and" ("Jane Doe and John Smith", "Ms. Jane Doe and Dr. John
    Smith"): one source that names both, else None (a surname alone may be a firm's: "Marks and Spencer")."""
    first, _, second = np.partition(" and ")
    if " and " in second:
        return None
    # "Clinton and Sen. Bernie Sanders", "Gilson and Mr. Rosenthal": a surname alone beside a person with a
    # title is a person's too
    titled = second.split(None, 1)[0] in TITLE_WORDS and "," not in first
    names = []
    for part in [*first.split(", "), second]:  # "Jane Doe, John Smith and Bill Brown": a list of three
        src = _classify_source(part)
        if src is None or src.kind != "person":
            return None
        # ("Republican Trump and Democrat Clinton": a party member's surname is a person's)
        party = _party_member_surname(part.split())
        if len(src.name.split()) < 2 and not party and not (titled and (part is second or src.name == part)):
            return None
        if any(w.lower() in ROLE_WORDS for w in src.name.split()):
            return None  # ("76ers President and General Manager Billy King": one person's two roles)
        names.append(src.name)
    return Source(", ".join(names[:-1]) + " and " + names[-1], "person")


def _joined_name(np: str, person: str) -> bool:
    """Whether the person name ``person`` ends ``np`` after "and" and a single capitalised word (places
    and demonyms before it aside): "Customs and Border Protection" is one name, not a person's."""
    if not np.endswith(person) or len(person.split()) < 2:
        return False
    head = np[: len(np) - len(person)].split()
    if len(head) < 2 or head[-1] != "and":
        return False
    before = [w for w in head[:-1] if w not in PLACES and w not in DEMONYMS and w not in ("U.S.", "US", "UK")]
    return len(before) == 1 and before[0][:1].isupper() and not before[0].endswith(("’s", "'s", "."))


def _plain_word(w: str) -> bool:
    """Letters, a hyphen or a possessive: "a piracy monitor", "the boy's mother"."""
    return w.isalpha() or "-" in w or (w.endswith(("’s", "'s")) and w[:-2].isalpha())


def _opens_after_semicolon(text: str, start: int) -> bool:
    """Whether the words at ``start`` open the clause after a semicolon."""
    semi = text.rfind(";", 0, start)
    return semi >= 0 and not text[semi + 1 : start].strip()


def names_poll(text: str) -> bool:
    """Whether the text may name a poll at all (``poll_before`` finds none in an article that names none): a
    plain substring test, much cheaper than a pattern over the whole text ("pollster" passes it too)."""
    return any(noun in text for noun in _POLL_NOUNS)


def share_subject(sentence: str) -> bool:
    """Whether the sentence opens with a share of those polled as the subject of a speech verb ("Twenty-four
    percent said ...", "85% of Democrats said ...", "About four in 10 voters said ...")."""
    return _SHARE_SUBJECT.match(sentence) is not None


def share_opening(sentence: str) -> str:
    """The opening phrase before a share of those polled ("In a CNN/ORC International Poll the same month, " of
    "In a CNN/ORC International Poll the same month, 38 percent of voters said ..."), else ""."""
    m = _SHARE_SUBJECT.match(sentence)
    return (m.group("opening") or "") if m is not None else ""


def poll_before(sentences: list[str]) -> Source | None:
    """The poll a share of those polled was polled in: in the nearest of ``sentences`` (nearest first) that names
    a poll, the last one it names, by the capitalised words before the noun ("A new Quinnipiac University poll"
    -> "Quinnipiac University poll", an organisation), else unnamed ("the poll" -> "poll", anonymous)."""
    for sentence in sentences:
        found = list(_POLL_NAMED.finditer(sentence))
        if not found:
            continue
        words = found[-1].group(1).split()
        while words and words[0].lower() in _DETS:
            words = words[1:]
        noun = found[-1].group(2)
        return (
            Source(" ".join([*words, noun]), "organisation") if words else Source(noun.lower(), "anonymous")
        )
    return None


def frames(att: Attribution, start: int, end: int) -> bool:
    """Whether a sentence's attribution frames its clause at ``start:end`` (offsets in the sentence): not when
    what it reports lies wholly after the clause or wholly before it ("Robert A. Levinson ... was not part of
    the swap; Iran insists it does not know his whereabouts": Iran speaks for the clause after the semicolon
    only)."""
    if att.content is None:
        return True
    return att.content[0] < end and start < att.content[1]


def names_document(name: str) -> bool:
    """Whether a speaker is a single document ("report", "new study", "study published in Nature"): what
    "it" may stand for in the next sentence."""
    words = name.lower().split()
    head = next((w for w in words if w in ("published", "released", "by", "from", "of")), None)
    if head is not None:
        words = words[: words.index(head)]
    last = words[-1] if words else ""
    return last in _DOCUMENTS and (not last.endswith("s") or last.endswith(("sis", "us")))  # not "figures"


def _document_of(np: str, name: str) -> bool:
    """Whether the phrase ``np`` ends with the organisation ``name`` after words that name its documents only
    ("Figures from the European Centre for Disease Prevention and Control")."""
    head = np.rstrip(" .")
    if not head.endswith(name):
        return False
    before = [w.lower() for w in head[: len(head) - len(name)].split()]
    words = [w for w in before if w not in _DOCUMENT_JOINERS]
    return bool(words) and all(w in _DOCUMENTS for w in words)


def organisation_shaped(name: str) -> bool:
    """A name built like an organisation's ("European Centre for Disease Prevention and Control") or a
    party named by its members ("Christian Democrats"), whatever the entity scan took it for."""
    words = name.split()
    return bool(words) and (
        any(w in ORG_HEADS or w in ORG_TAIL_HEADS for w in words[1:]) or words[-1] in _GROUP_PLURALS
    )


def _unknown_name(np: str, src: Source) -> bool:
    """A proper name the gazetteer does not know, not a titled person nor a recognised organisation."""
    bare = np[4:] if np[:4] in ("The ", "the ") else np  # "The team reports": a common noun
    if src.kind not in ("person", "organisation") or not bare[:1].isupper():
        return False
    ms = entities.mentions(np)
    if any(m.titled for m in ms):
        return False
    words = src.name.split()
    return not (src.name in ORGS or any(w in ORG_HEADS or w in PLACES for w in words) or src.name in PLACES)


_OUTLET_RE = re.compile(r"(?<![\w])(?:" + trie_pattern(OUTLETS) + r")(?![\w])")


def _outlet_staff(np: str, outlet: str) -> Source | None:
    """The person a phrase names after an outlet and a role ("CNN president Jeff Zucker", "ABC
    Entertainment Group president Paul Lee"), or before it ("Paul Krugman of the New York Times"), or None."""
    head = np[: np.find(outlet)].split()
    if head and head[-1] in ("the", "The"):
        head.pop()
    if len(head) >= 3 and head[-1] in ("of", "at", "from"):
        # "Paul Krugman of the New York Times", "Jim Acosta of CNN": a person named in full, first
        person = _classify_source(" ".join(head[:-1]))
        if (
            person is not None
            and person.kind == "person"
            and len(person.name.split()) >= 2
            and all(w[:1].isupper() for w in person.name.split())
        ):
            return person
    rest = np[np.find(outlet) + len(outlet) :].split()
    if rest and rest[0] in ("’s", "'s", "’", "'") and 2 <= len(rest) - 1 <= 4:
        # "The BBC's Frances Harrison", "Axios' Kaveh Waddell": the outlet's reporter
        person = _classify_source(" ".join(rest[1:]))
        if person is not None and person.kind == "person" and len(person.name.split()) >= 2:
            return person
    r = next((i for i, w in enumerate(rest) if w in ROLE_WORDS), None)
    if r is None or not 1 <= len(rest) - r - 1 <= 4 or not all(w[:1].isupper() for w in rest[r + 1 :]):
        return None
    person = _classify_source(" ".join(rest[r + 1 :]))
    return person if person is not None and person.kind == "person" else None


def _given_name_before(np: str, name: str) -> bool:
    """Whether a given name stands right before ``name`` of one word in ``np``: "Don Guardian", "Michael
    Bloomberg" name a person, not the outlet."""
    if " " in name:
        return False
    pos = np.find(name)
    before = np[:pos].split() if pos > 0 else []
    return bool(before) and before[-1] in _GIVEN_NAMES


def surname_of(name: str, full: str) -> bool:
    """Whether ``full`` is a person's name, a given name first, that ends in ``name`` of one word: "Michael
    Bloomberg" for "Bloomberg", "Don Guardian" for "Guardian" (not "CBS This Morning" for "CBS")."""
    words = full.split()
    return len(words) >= 2 and words[-1] == name and words[0] in _GIVEN_NAMES


def _find_outlet(np: str) -> tuple[str, str] | None:
    """The longest known outlet named in a phrase."""
    best: str | None = None
    for m in _OUTLET_RE.finditer(np):
        if best is None or len(m.group(0)) > len(best):
            best = m.group(0)
    return (best, OUTLETS[best]) if best else None


# words that end the head of a phrase named after "according to" ("reports from the scene", "an advisory
# issued today", "the first clinical trial of the device")
_HEAD_ENDS = frozenset(_W["head_ends"])


def _cited_common_noun(np: str) -> Source | None:
    """The source "according to" names by a common noun that ``classify_source`` takes for no one: a document
    or a group of people, by the head of the phrase ("the criminal charges", "reports from the scene", "cops"),
    or None ("according to the license", "according to plan": what something accords with)."""
    words = np.split()
    cut = next((i for i, w in enumerate(words) if w in _HEAD_ENDS), len(words))
    head = words[:cut]
    while head and head[0].lower() in _DETS:
        head = head[1:]
    if not head or len(head) > 4 or not all(w.isalpha() and w.islower() for w in head):
        return None
    last = head[-1]
    if last in _DOCUMENTS or last in _ANON_HEADS or last in _CITED_NOUNS:
        return Source(" ".join(head), "anonymous")
    return None


def _records_speech(src: Source, say_verbs: list[re.Match[str]], cue: int) -> bool:
    """Whether the source "according to" names at ``cue`` is a document that records a verb of saying right
    before it ("Hewitt said, according to a transcript of the show", "he said according to a transcript
    reviewed by Business Insider", "the mayor told the council, according to the minutes"): the one who said it
    speaks, the document only keeps the words. Not a document named after the verb's clause goes on ("Trump
    wrote to the company's chief executive, threatening a lawsuit, according to a copy of the letter": what
    the writer read in the letter; "Clinton has praised ... and won 77 percent of the vote, according to exit
    polls")."""
    if src.kind != "anonymous" or src.name.rsplit(" ", 1)[-1] not in _DOCUMENTS:
        return False
    for vm in say_verbs:
        gap = vm.string[vm.end() : cue].strip().rstrip(",")
        if vm.end() <= cue and "," not in gap and len(gap.split()) <= _RECORDED_GAP:
            return True
    return False


# the words at most between the verb and "according to" ("told the council", "said Tuesday morning that")
_RECORDED_GAP = 4


_CITED_OUTLETS = frozenset(_W["cited_outlets"])  # "citing local news outlets"


def _cites_source(np: str) -> bool:
    """Whether what "citing" names before its first preposition holds a source: a name (not a possessive or a
    title), a document, a cited noun, people or an organisation noun ("citing Reuters", "citing people
    familiar with the matter", "citing the company's statement"), not a reason ("citing Canada's efforts to
    lure American companies", "citing expected losses in its Emery Worldwide shipping business")."""
    words = np.split()
    cut = next((i for i, w in enumerate(words) if w in _HEAD_ENDS or w == "to"), len(words))
    for w in words[:cut]:
        low = w.lower()
        if (w[:1].isupper() and not w.endswith(("’s", "'s", "’", ".")) and low not in _DETS) or (
            low in _DOCUMENTS
            or low in _CITED_NOUNS
            or low in _ANON_HEADS
            or low in _ORG_NOUNS
            or low in _CITED_OUTLETS
            or _agent_noun(low)
        ):
            return True
    return False


def _forward_np(text: str, pos: int) -> tuple[str, int] | None:
    by = _DOCUMENT_BY.match(text, pos)
    if by is not None:  # "figures released Tuesday by the Commerce Department": the author after "by"
        pos = by.end()
    m = _FORWARD_NP.match(text, pos)
    if not m:
        return None
    np = m["np"].strip()
    np = re.sub(
        r"^(?:(?:an?|the)\s+(?:statement|report|post|message|broadcast|readout|survey|poll|study|analysis)|"
        r"(?:the\s+)?(?:latest\s+|official\s+|new\s+|preliminary\s+)?(?:figures|data|statistics|estimates))\s+"
        r"(?:from|by|of|on|released\s+by|published\s+by)\s+",
        "",
        np,
    )
    np = re.sub(r"\s+(?:reported|said|says)$", "", np)
    end = pos + len(m["np"].rstrip())
    if np and np == m["np"].strip() and (dom := _WEB_DOMAIN_AT.match(text, end)) is not None:
        np, end = np + dom.group(0), dom.end()  # "according to Tchadinfos.com": the address is the name
    return (np, end) if np else None


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """``(token, start, end)`` of every ``_TOKEN`` match in text[start:end] (offsets in ``text``)."""
    # Every character but whitespace starts a token ([\w’'\-]+ or [^\w\s]), so only whitespace lies
    # between two tokens: one pattern takes the gap and the token, and the offsets follow from the lengths
    # (no match object per token)
    out: list[tuple[str, int, int]] = []
    pos = start
    stop = len(text) if end is None else end
    gap_token = _GAP_TOKEN_AMPERSAND if text.find("&", start, stop) >= 0 else _GAP_TOKEN
    for gap, tok in gap_token.findall(text, start, stop):
        pos += len(gap)
        e = pos + len(tok)
        out.append((tok, pos, e))
        pos = e
    return out


_GAP_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")
# an ampersand between capitals is inside a name ("PG&E officials said", "AT&T said": were "PG & E", "T"), for
# a text that holds an "&" (most hold none)
_TOKEN_AMPERSAND = re.compile(_TOKEN_HEAD + r"|[\w’'\-]+(?:(?<=[A-Z])&[A-Z][\w’'\-]*)*|[^\w\s]")
_GAP_TOKEN_AMPERSAND = re.compile(r"(\s*)(" + _TOKEN_AMPERSAND.pattern + ")")


_POSSESSIVE_OUTLET = re.compile(r"^(?P<o>[A-Z][\w.\- ]*?)[’']s?\s+\S")
_CLAUSE_START = frozenset(
    {",", ";", ":", "”", '"', "’", "—", "–", "-", "(", "and", "but", "that", "while", "as", "so"}
)
_DETS = frozenset(_W["dets"])
# who speaks for an organisation named in lower case after them ("a spokesman for the army")
_AFFILIATED = frozenset(_W["affiliated"])


def _np_token(t: str) -> bool:
    return (
        t[:1].isupper()
        or t.lower() in _NP_WORDS
        or t in ROLE_WORDS  # "The chief executive said"
        or t in _ANON_HEADS  # "One academic told"
        or t in _DOCUMENTS  # "A new study suggests"
        or t in _ORG_NOUNS
        or (t[-1:] == "s" and _org_plural(t))  # "the banks said", "appeals courts said"
        or t[:1].isdigit()
        or ("-" in t and t[:1].isalpha())
    )


def _org_plural(w: str) -> bool:
    """Whether a lower-case word is the plural of an organisation noun ("banks", "companies", "courts")."""
    if len(w) < 5 or w[-1] != "s" or w in _ANON_HEADS:
        return False  # ("groups" are people who speak as one: an unnamed head)
    return (w.endswith("ies") and w[:-3] + "y" in _ORG_NOUNS) or w[:-1] in _ORG_NOUNS


def _walk_np(toks: list[tuple[str, int, int]], j: int) -> int:
    """Index of the first token of the noun phrase ending at token j."""
    head = toks[j][0] if j >= 0 else ""
    if head.removesuffix("s") in _AGENT_NOUNS and not _np_token(head):
        j -= 1  # a listed agent noun heads the phrase: "One California delegate said", "his childhood friend told"
    while j >= 0:
        t = toks[j][0]
        if _np_token(t):
            j -= 1
            continue
        # connectors inside a name: "Centers for Disease Control and Prevention", "Bank of England"
        if (
            t in ("of", "for", "and", "&")
            and j >= 1
            and toks[j - 1][0][:1].isupper()
            and toks[j + 1][0][:1].isupper()
        ):
            j -= 1
            continue
        # particles inside a person's name: "Ursula von der Leyen", "Charles de Gaulle" (never cut there)
        if (
            t in entities.NAME_PARTICLES
            and j >= 1
            and (toks[j - 1][0][:1].isupper() or toks[j - 1][0] in entities.NAME_PARTICLES)
            and j + 1 < len(toks)
            and (toks[j + 1][0][:1].isupper() or toks[j + 1][0] in entities.NAME_PARTICLES)
        ):
            j -= 1
            continue
        # an adjective after a determiner or a possessive: "the anti-graft agency", "the country's disaster agency"
        if (
            t.islower()
            and j >= 1
            and (toks[j - 1][0].lower() in _DETS or toks[j - 1][0].endswith(("’s", "'s")))
        ):
            j -= 1
            continue
        # one of several modifiers after the article that opens the clause, before a head that names people or a
        # body: "A civil rights group", "A major Muslim civil rights group", "The Platte River employee"
        if t.islower() and head.islower() and _plain_modifier(t) and _people_head(head):
            article = _opening_article(toks, j, head)
            if article is not None and (article == 0 or toks[article - 1][0] in _CLAUSE_START):
                return article  # (the phrase opens at its article, and the article its clause)
        break
    return j + 1


def _plain_modifier(t: str) -> bool:
    """A lower-case word, no possessive, that may stand inside a noun phrase ("civil", "gun-rights")."""
    return t.islower() and t.replace("-", "").isalpha() and _modifier_word(t)


def _opening_article(toks: list[tuple[str, int, int]], j: int, head: str) -> int | None:
    """The index of the article that opens the run of modifiers before token j (up to three: plain lower-case
    modifiers, or capitalised words other than a sentence's opening words) of a phrase ending on ``head``;
    else None. Not "the" before a noun that stands for a body named before ("The Los Angeles thrift holding
    company said" is "the company", which the caller resolves)."""
    i = j - 1
    while i >= 0 and j - i <= 4:
        t = toks[i][0]
        if t.lower() in _INDEFINITE_ARTICLES:
            return i
        if t.lower() == "the":
            return i if head not in _ANAPHOR_HEADS else None
        if not (
            _plain_modifier(t) or (t[:1].isupper() and t not in CAP_STOP and t.replace("-", "").isalpha())
        ):
            return None
        i -= 1
    return None


_INDEFINITE_ARTICLES = frozenset(_W["indefinite_articles"])
_ADJECTIVE_ENDS = tuple(_W["adjective_ends"])  # "presidential", "Democratic", "partisan", "primary"


def _descriptor_run(toks: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the lower-case words from token i are adjectives before a noun that describes the name after it
    ("Republican presidential candidate Ted Cruz": "presidential")."""
    for j in range(i, min(i + 3, len(toks) - 1)):
        w = toks[j][0]
        if name_descriptor(w) and toks[j + 1][0][:1].isupper():
            return True
        if not (w.isalpha() and w.islower() and w.endswith(_ADJECTIVE_ENDS)):
            return False
    return False


def _sentence_subject(text: str) -> tuple[str, int, int] | None:
    """The noun phrase that opens a sentence ("Labour union IG Metall rejected ... and said")."""
    toks = _tokens(text, 0, min(len(text), 120))
    i = 0
    while i < len(toks) and (
        _np_token(toks[i][0])
        or (toks[i][0].isalpha() and i + 1 < len(toks) and toks[i + 1][0][:1].isupper() and i > 0)
        or (i > 0 and _descriptor_run(toks, i))
    ):
        i += 1
    if i == 0 or not any(t[0][:1].isupper() for t in toks[:i]):
        return None
    if toks[0][0][:-2] in CAP_STOP and toks[0][0].endswith(("’s", "'s")):
        return None  # "There's a jury that ...", "It's a ...": no subject named
    if i == 1 and (
        (toks[0][0] in CAP_STOP and toks[0][0] not in _KEEP_CAP)
        or (toks[0][0].endswith("ly") and toks[0][0] not in _GIVEN_NAMES)
    ):
        return None  # "Shortly after 3:30 someone called 911 and reported a fire": no subject found
    return " ".join(t[0] for t in toks[:i]), toks[0][1], toks[i - 1][2]


def sentence_subject(text: str) -> tuple[str, int, int] | None:
    """The noun phrase that opens a sentence and its offsets, or None (a sentence opening with an adverb or
    a clause): what a pronoun in the next sentence may stand for."""
    return _sentence_subject(text)


def _subject_before(
    toks: list[tuple[str, int, int]], k: int, relative: bool = False
) -> tuple[str, int, int] | None:
    """The noun phrase ending just before token k (the speech verb), or None; never across a word that
    opens a subordinate clause ("The measure comes after health officials said" -> "health officials",
    "in Newark, where prosecutors told him" -> "prosecutors")."""
    subj = _subject_phrase(toks, k, relative)
    if subj is None:
        return None
    cut = None
    for i in range(k - 1, -1, -1):
        t, ts, _ = toks[i]
        if ts < subj[1]:
            break
        if ts < subj[2] and t in _SUBORDINATE_OPENERS:
            cut = i
            break
    if cut is None:
        return subj
    if toks[cut + 1][1] >= subj[2]:
        return None
    return text_between(toks, toks[cut + 1][1], subj[2]), toks[cut + 1][1], subj[2]


def _adverb(w: str) -> bool:
    """A word that may stand between a subject and its verb: a word of ``aux`` ("Putin has also said") or a
    lower-case adverb in -ly ("King emphatically told", "He proudly told"), not a noun in -ly ("the family
    said", "the daily reported")."""
    return w in _AUX or (len(w) > 4 and w.endswith("ly") and w.islower() and w not in _LY_NOUNS)


_RELATIVE_SPAN = 15  # the most tokens of a relative clause between a subject and its verb
# capitalised words that are no one's name ("Eight years ago", "New Year", "the Kentucky Republican")
_NOT_NAME_ENDS = frozenset(_EN.get("gender", {}).get("not_name_ends", []))
# what may follow the head of an unnamed speaker, as token tuples: kept in the speaker's phrase, or not
_POSTMODIFIERS_KEEP = frozenset(tuple(p.split()) for p in _W.get("unnamed_postmodifiers_keep", []))
_POSTMODIFIERS_DROP = frozenset(tuple(p.split()) for p in _W.get("unnamed_postmodifiers_drop", []))
_POSTMODIFIER_FIRST = frozenset(p[0] for p in _POSTMODIFIERS_KEEP | _POSTMODIFIERS_DROP)
_POSTMODIFIER_LENGTHS = sorted({len(p) for p in _POSTMODIFIERS_KEEP | _POSTMODIFIERS_DROP}, reverse=True)
_UNNAMED_MODIFIERS = (
    6  # the most words before the head of an unnamed speaker ("A U.S. law enforcement official")
)


def _postmodifier_at(words: list[str], i: int) -> tuple[str, ...] | None:
    """The words of ``unnamed_postmodifiers_keep`` or ``_drop`` that start at ``words[i]`` (lower case), or
    None."""
    ahead = tuple(words[i : i + _POSTMODIFIER_LENGTHS[0]])
    return next(
        (
            ahead[:n]
            for n in _POSTMODIFIER_LENGTHS
            if ahead[:n] in _POSTMODIFIERS_KEEP or ahead[:n] in _POSTMODIFIERS_DROP
        ),
        None,
    )


def _unnamed_head(w: str) -> bool:
    """A lower-case noun that heads an unnamed speaker's phrase ("source", "officials", "strategists")."""
    return w in _ANON_HEADS or w in _UNNAMED_SINGULARS or (w.endswith(("s", "men")) and _agent_noun(w))


def _unnamed_head_postmodified(low: list[str]) -> bool:
    """Whether one of the first words of a phrase (lower case) is an unnamed speaker's head that words saying
    who they are follow ("people briefed on the situation", "a person close to Trump")."""
    if _POSTMODIFIER_FIRST.isdisjoint(low):
        return False  # (most phrases)
    return any(
        low[i] in _POSTMODIFIER_FIRST and _unnamed_head(low[i - 1]) and _postmodifier_at(low, i) is not None
        for i in range(1, min(len(low), _UNNAMED_MODIFIERS + 2))
    )


def _postmodified_unnamed(toks: list[tuple[str, int, int]], k: int) -> tuple[str, int, int] | None:
    """An unnamed speaker whose head is followed by words that say who they are or how they spoke, the whole
    phrase opening a clause before the verb at token k: "a source close to him said", "People with direct
    knowledge of Gates' work said", "A U.S. law enforcement official familiar with the investigation said"
    (the phrase kept), "An American official who was briefed on the encounter said", "Another intelligence
    source speaking to Fox News said" (the phrase ends at its head), else None. Without it the name inside the
    words after the head was taken for the speaker ("a person close to Trump" -> Trump)."""
    if _POSTMODIFIER_FIRST.isdisjoint([t[0] for t in toks[max(0, k - _RELATIVE_SPAN) : k]]):
        return None  # (most subjects)
    for i in range(k - 1, max(-1, k - _RELATIVE_SPAN), -1):
        t = toks[i][0]
        if not t[:1].isalnum():
            return None  # (punctuation: an aside, a quotation, another clause)
        if t not in _POSTMODIFIER_FIRST or i < 1:
            continue
        if not _unnamed_head(toks[i - 1][0].lower()):
            continue
        found = _postmodifier_at([w[0].lower() for w in toks[i : i + _POSTMODIFIER_LENGTHS[0]]], 0)
        if found is None or i + len(found) >= k:
            continue
        b = i - 1  # the first word of the phrase: modifiers before the head, up to where a clause opens
        while b >= 1 and i - b <= _UNNAMED_MODIFIERS and toks[b - 1][0].lower() not in _CLAUSE_START:
            w = toks[b - 1][0]
            if not w[:1].isalnum() or w.lower() in _PRONOUNS or w.lower() in _FUNCTION_WORDS - _ONE_OF_A_KIND:
                return None
            b -= 1
        if b > 0 and toks[b - 1][0].lower() not in _CLAUSE_START:
            return None
        end = toks[k - 1][2] if found in _POSTMODIFIERS_KEEP else toks[i - 1][2]
        return text_between(toks, toks[b][1], end), toks[b][1], end
    return None


def _relative_clause(toks: list[tuple[str, int, int]], k: int) -> int | None:
    """The token "who" that opens a relative clause between a subject and its verb k, with no comma around
    it ("Committee sources who spoke on the condition of anonymity said", "Thai military officials who monitor
    Cambodian affairs said"), or None. The clause's own subject is "who": a verb (a lower-case word) follows
    it, and at least one more word before the speech verb ("the man who police say", "the man who the police
    said", "a man who reportedly told" are not such clauses)."""
    for i in range(k - 1, max(0, k - _RELATIVE_SPAN), -1):
        t = toks[i][0]
        if t == "who":
            nxt = toks[i + 1][0]
            if (
                k - i >= 3
                and nxt.isalpha()
                and nxt.islower()
                and nxt not in _FUNCTION_WORDS
                and nxt not in _PRONOUNS
                and nxt not in _QUANTIFIERS  # "Gigante, who some experts said was the leader"
                # ("A woman who has accused the former president of assault said": an auxiliary and its verb)
                and (not _adverb(nxt) or (nxt in _AUX and k - i >= 4 and toks[i + 2][0].islower()))
            ):
                return i
            return None
        if not t[:1].isalnum() or t in ("and", "but", "as"):
            # punctuation (an aside, a quotation, another clause), a second predicate ("a neighbor described
            # Hiller as a quiet woman who kept to herself but said ..."), or who the speaker is ("A woman who
            # identified herself as Gray’s cousin told": the cousin)
            return None
    return None


def _relative_speaker(toks: list[tuple[str, int, int]], k: int) -> tuple[str, int, int] | None:
    """The person a relative clause that ends the writer's sentence makes speak, the noun phrase before
    ", who" (a body or a document before ", which") with the speech verb at token k: "Trump was
    out-brutalizing Ted Cruz, who said he would only use waterboarding sparingly" -> "Ted Cruz", "a lecture from the Mexican president, who said that NAFTA ..." ->
    "the Mexican president"; or None. The antecedent follows a word of the main clause (a verb or a
    preposition, in lower case): "Trump, who said ..., won" opens the sentence, and its main verb comes after
    the clause."""
    w = k - 1
    while w >= 0 and _adverb(toks[w][0]):
        w -= 1  # "who has long said", "who also told"
    if w < 3 or toks[w][0] not in ("who", "which") or toks[w - 1][0] != ",":
        return None
    b = _walk_np(toks, w - 2)
    while b < w - 2 and toks[b][0].islower() and toks[b][0].endswith(("ing", "ed")):
        b += 1  # the verb before it ("was out-brutalizing Ted Cruz"): the phrase is its object
    before = toks[b - 1][0].replace("-", "") if b >= 1 else ""
    if not 1 <= b < w - 1 or not (before.isalpha() and before.islower()):
        return None
    if sum(t[0] == "(" for t in toks[:b]) > sum(t[0] == ")" for t in toks[:b]):
        return None  # inside brackets: "(like top Obama aide David Plouffe, who ...)"
    if before in _ROLE_PREPOSITIONS:
        # the place or body of a description between commas: "said Howard Rubel, a senior analyst at Jefferies,
        # who notes" -> the person described ("Armin Laschet, the leader of the opposition in X, who ...")
        c = next((i for i in range(b - 2, max(0, b - 12), -1) if toks[i][0] == ","), None)
        if (
            c is not None
            and c >= 1
            and (toks[c + 1][0].lower() in _DETS or _role_phrase(toks[c + 1 : w - 1]))
        ):
            a = _walk_np(toks, c - 1)
            who = classify_source(text_between(toks, toks[a][1], toks[c - 1][2])) if a < c else None
            if who is None or who.kind != "person":
                return None
            return text_between(toks, toks[a][1], toks[c - 1][2]), toks[a][1], toks[c - 1][2]
    np = text_between(toks, toks[b][1], toks[w - 2][2])
    if toks[w][0] == "which" and ((src := classify_source(np)) is None or src.kind == "person"):
        return (
            None  # "which" stands for a body or a document ("a request by The Washington Post, which argued")
        )
    return np, toks[b][1], toks[w - 2][2]


def _located_speaker(
    toks: list[tuple[str, int, int]], j: int, start: int, end: int
) -> tuple[int, int] | None:
    """Where the people named before "in" are is no speaker: with "in" at token j and a place the gazetteer knows
    from token ``start`` to ``end``, the first and last token of the speaker's phrase, else None. A person named
    in full ("Frances Harrison in Tehran says", "The BBC's Frances Harrison in Tehran") or people of a named
    body ("researchers at OpenAI in San Francisco") without the place; people of a kind with it ("An office
    worker in Dubai said", "Religious leaders in London"); not a single name ("Baker in London": a name or
    a place of its own)."""
    if j < 1 or toks[j][0] != "in" or text_between(toks, toks[start][1], toks[end][2]) not in PLACES:
        return None
    last = toks[j - 1][0]
    if last.islower():
        unnamed = _common_noun_subject(toks, j - 1)
        if unnamed is not None:
            return next(i for i, t in enumerate(toks) if t[1] == unnamed[1]), end
        if last.endswith("s") and _people_head(last) and last not in _ORG_NOUNS:
            b = j - 1
            while b >= 1 and toks[b - 1][0].isalpha() and toks[b - 1][0].lower() not in _CLAUSE_START:
                b -= 1
            return (b, end) if b == 0 or toks[b - 1][0] in _CLAUSE_START else None
        return None
    b = _walk_np(toks, j - 1)
    if b >= 2 and toks[b - 1][0] in ("at", "from", "with") and _people_head(toks[b - 2][0].lower()):
        return _walk_np(toks, b - 2), j - 1  # "researchers at OpenAI in San Francisco"
    src = classify_source(text_between(toks, toks[b][1], toks[j - 1][2]))
    if src is not None and src.kind == "person" and len(src.name.split()) >= 2:
        return b, j - 1
    return None


def _listed_persons(toks: list[tuple[str, int, int]], comma: int, start: int) -> int:
    """The first token of a list of persons named in full that ends in "X and Y" (from token ``start``), with
    the comma at token ``comma`` before it: "Jane Doe, John Smith and Bill Brown said" -> "Jane"; ``start``
    when the persons before it do not open the clause."""
    first = start
    while comma >= 1 and toks[comma][0] == ",":
        b = _walk_np(toks, comma - 1)
        who = classify_source(text_between(toks, toks[b][1], toks[comma - 1][2])) if b < comma else None
        if who is None or who.kind != "person" or len(who.name.split()) < 2:
            break
        first, comma = b, b - 1
    return first if comma < 0 or toks[comma][0] in _CLAUSE_START else start


_PARTY_ASIDE = re.compile(_P["party_aside"])


def _party_aside(toks: list[tuple[str, int, int]], j: int) -> int:
    """The token before a legislator's party and state in brackets that ends at token j (")"), else j:
    "(D-Ga.)", "(R)", or the state alone ("Sen. Ted Cruz (Tex.) has said", "Rep. Sander M. Levin (Mich.), a
    superdelegate, said")."""
    for b in range(j - 2, max(0, j - 6), -1):
        if toks[b][0] == "(":
            inner = "".join(t[0] for t in toks[b + 1 : j])
            party = _PARTY_ASIDE.match(inner) or inner in _STATE_ABBREVIATIONS or inner in PLACES
            return b - 1 if party and toks[b - 1][0][:1].isupper() else j
    return j


_TIME_PHRASE_WORDS = frozenset(_W["time_phrase_words"])
_SPOKEN_IN = frozenset(_W["spoken_in"])
_SPOKEN_IN_DETS = frozenset(_W["spoken_in_dets"])


def _spoken_in_start(toks: list[tuple[str, int, int]], j: int) -> int | None:
    """Where a phrase of where the subject spoke that ends at token j starts ("in a Medium post", "in an
    interview with CNN" is not read: the phrase must end at j), else None."""
    if toks[j][0] not in _SPOKEN_IN:
        return None
    for i in range(j - 1, max(0, j - 5), -1):
        if toks[i][0] in _SPOKEN_IN_DETS:
            return i - 1 if i >= 2 and toks[i - 1][0] == "in" else None
        if not toks[i][0].isalpha() and "-" not in toks[i][0]:
            return None
    return None


def _time_phrase_start(toks: list[tuple[str, int, int]], j: int) -> int | None:
    """Where a time phrase of a preposition that ends at token j starts ("in the past", "in recent weeks",
    "over the last year"), else None."""
    w = toks[j][0]
    if w != "past" and w.removesuffix("s") not in _TIME_UNITS and w not in ("day", "days"):
        return None
    i = j - 1
    while i >= 1 and j - i <= 3 and toks[i][0] in _TIME_PHRASE_WORDS:
        i -= 1
    return i if i < j - 1 and toks[i][0] in ("in", "over", "during") else None


def _bracket_aside(toks: list[tuple[str, int, int]], j: int) -> int:
    """The token before a relative clause in brackets that ends at token j (")") right before the verb, else
    j: "Kasich (who has 25 delegates to date) said". (Not any aside: "Amazonas (the largest state in Brazil)
    declared ..., reported Euro News" stays the outlet's report, as the labelled dev split has it.)"""
    for b in range(j - 1, max(0, j - 20), -1):
        if toks[b][0] == ")":
            return j
        if toks[b][0] == "(":
            return (
                b - 1 if b >= 1 and toks[b - 1][0][:1].isalnum() and toks[b + 1][0] in ("who", "whose") else j
            )
    return j


def _subject_phrase(
    toks: list[tuple[str, int, int]], k: int, relative: bool = False
) -> tuple[str, int, int] | None:
    """The noun phrase ending just before token k (the speech verb), or None (``relative``: the sentence
    holds " who ", and the subject may end before a relative clause)."""
    unnamed = _postmodified_unnamed(toks, k)
    if unnamed is not None:
        return unnamed
    rel = _relative_clause(toks, k) if relative else None
    if rel is not None:
        k = rel
    j = k - 1
    while j >= 0:
        if (
            _adverb(toks[j][0])
            or toks[j][0] in _DAYS
            or (toks[j][0] == "on" and j + 1 < k and toks[j + 1][0] in _DAYS)
            or (toks[j][0] in _TIME_DETERMINERS and j + 1 < k and toks[j + 1][0] in _TIME_UNITS)
            or (toks[j][0] in _TIME_UNITS and j >= 1 and toks[j - 1][0] in _TIME_DETERMINERS)
        ):
            j -= 1
        elif (
            (spoken := _spoken_in_start(toks, j)) is not None
            and toks[k][0] not in _DOCUMENT_PARTICIPLES
            and (
                toks[spoken - 1][0][:1].isupper()
                or toks[spoken - 1][0] in ROLE_WORDS
                or _people_head(toks[spoken - 1][0])
            )
        ):
            # "Jeb Bush in a Medium post said", "The senator in a statement said": where they said it (not "told
            # REVOLT TV in a video posted to its account": the participle goes with the video)
            j = spoken - 1
        elif (timed := _time_phrase_start(toks, j)) is not None and toks[timed - 1][0] in _AUX:
            # "Gore's close friends and allies have in the past said" (after an auxiliary only: "She noted that
            # Sanders in the past has criticized ..." is her content)
            j = timed - 1
        else:
            break
    if 1 <= j < k - 1 and toks[j][0] in _DOCUMENT_PARTICIPLES:
        # "the resolution of the Central Election Commission released on Friday said": when the document
        # came out goes with its participle; the document speaks
        d = _walk_np(toks, j - 1)
        if any(t[0].lower() in _DOCUMENTS for t in toks[max(0, d - 3) : j]):
            j -= 1
    if (
        toks[j][0].lower() in _GROUP_PRONOUNS
        and (j == 0 or toks[j - 1][0].lower() in _CLAUSE_START)
        and (j < 2 or toks[j - 1][0] != "and" or toks[j - 2][0] == ",")
    ):
        # "Some said", "But others said", "..., and others said": unnamed people (not "He and others say", "Sun,
        # Hewlett-Packard and others say": the group of those named and more)
        return toks[j]
    if j >= 3 and toks[j][0] == ")" and toks[j - 2][0] == "(" and toks[j - 1][0].isupper():
        j -= 3  # an acronym in brackets: "the Universities and Colleges Employers’ Association (UCEA) said"
    elif j >= 3 and toks[j][0] == ")":
        j = _party_aside(toks, j)  # "Rep. Hank Johnson (D-Ga.) said"
        if toks[j][0] == ")":
            j = _bracket_aside(
                toks, j
            )  # "Kasich (who has 25 delegates to date) said", "The mayor (a Democrat) said"
    elif j >= 4 and toks[j][0] == "," and toks[j - 1][0] == ")" and _party_aside(toks, j - 1) != j - 1:
        j = _party_aside(toks, j - 1)  # "Gov. John Kasich (R-OH), said"
    # appositive clauses between the subject and its verb, one after the other: "Chi Onwurah, the Labour MP
    # for Newcastle Central, who is supporting the report, said"
    skipped = False
    dash = -1  # an aside between dashes, skipped: its opening dash stands where a comma would
    while j >= 1 and toks[j][0] in (",", "—", "–", "-", "--"):
        if toks[j][0] != "," and j != dash:
            # "Jane Doe — who faces re-election in May — said", "The letter – an edited version of which is
            # reproduced above – warns"; in plain ASCII text a spaced hyphen or two hyphens are the dash
            # ("GOP front-runner Donald Trump - who previously said ... - said")
            dash = next((i for i in range(j - 1, max(0, j - 20), -1) if toks[i][0] == toks[j][0]), -1)
            if dash < 1:
                break
            j, skipped = dash, True
            continue
        dateline = _dateline(toks, j) if j >= 5 else None
        if dateline is not None:
            j, skipped = dateline, True
            continue
        step = None
        for i in range(j - 1, max(-1, j - 20), -1):
            if toks[i][0] == ",":
                inner = toks[i + 1 : j]
                if inner and (
                    inner[0][0].endswith("ing")
                    or inner[0][0] in ("who", "which", "whose")
                    # "Masoud Dalman, head of the province's emergency affairs, said": a role, no article
                    # ("Heydar Alishbandi, Governor of Qeshm island, said": capitalised as a title)
                    or (
                        inner[0][0].lower() in ROLE_WORDS
                        and len(inner) >= 3
                        and inner[1][0] in ("of", "for", "at")
                    )
                    # "Alex Barrios, assistant director for construction, explained", ", deputy director, said"
                    or _role_phrase(inner)
                    # "Officials, however, said", "Brian Murphy, ..., for example, said"
                    or (len(inner) <= 2 and " ".join(t[0].lower() for t in inner) in _ASIDES)
                    # "Judicial Watch, in releasing the email, noted", "Sullivan, in an attempt to draw
                    # attention to ..., wrote": how or why the subject spoke
                    or (
                        len(inner) >= 2
                        and inner[0][0] in _ASIDE_PREPOSITIONS
                        and inner[1][0].endswith("ing")
                        and inner[1][0].islower()
                    )
                    # "Powell’s office, when contacted by Reuters, said", "Cruz, when asked about it, said"
                    or (
                        len(inner) >= 2
                        and inner[0][0] in ("when", "if", "once")
                        and inner[1][0].endswith("ed")
                        and inner[1][0].islower()
                    )
                    or (
                        len(inner) >= 4
                        and inner[0][0] == "in"
                        and inner[1][0] in ("a", "an")
                        and inner[3][0] == "to"
                    )
                    # "The board, in a statement, said": how it spoke
                    or (
                        inner[0][0] == "in"
                        and 2 <= len(inner) <= 10
                        and inner[1][0] in ("a", "an", "its", "his", "her", "their")
                        # ("in a statement posted on its website": a document, and where it appeared)
                        and (len(inner) <= 4 or inner[2][0] in _DOCUMENTS)
                    )
                    # "Matt Jones, from the county council, said": where the speaker works
                    # "The report, by the Institute for Fiscal Studies, found that"
                    or (
                        inner[0][0] in ("from", "of", "with", "at", "by")
                        and len(inner) >= 2
                        and j - 1 - i <= 8
                    )
                    # "The study, published in the journal Science, found", "The team, led by X, reports"
                    or (
                        j - 1 - i >= 2
                        and (
                            inner[0][0] in _DOCUMENT_PARTICIPLES
                            or (inner[0][0].endswith("ed") and inner[1][0] in ("by", "in", "at"))
                        )
                    )
                ):
                    # a participle clause: "A senior official, speaking on condition of anonymity, said"
                    step = i
                elif (
                    i >= 1
                    and _lower_aside(inner)
                    and toks[i - 1][0][:1].isupper()
                    and toks[i - 1][0] not in CAP_STOP
                ):
                    step = (
                        i  # "Gary Lukassen, chief financial officer, said": a lower-case title after a name
                    )
                elif _place_after_place(toks, i, inner):
                    step = i  # "the mayor of Austin, Texas, said": the state goes with the town before it
                elif _title_aside(inner) and _after_name(toks, i):
                    step = i  # "Captain Manohar Nambiar, Chief Public Relations Officer, said": a title, capitalised
                elif (
                    inner
                    and len(inner) <= 4
                    and all(t[0][:1].isupper() for t in inner)
                    and (title := _title_before(toks, i)) is not None
                ):
                    # "..., Chief Public Relations Officer, Defence, said": the body of the title before it
                    step = title
                elif (
                    inner
                    and _walk_np(toks, j - 1) == i + 1
                    and inner[0][0][:1].isupper()
                    and inner[0][0] not in _DETS
                    and not inner[0][0].endswith(("’s", "'s"))
                ):
                    # an appositive name: "His lawyer, Chidi Eze, said" -> the name; a list of names, all of
                    # them: "three of its directors, Burt Sugarman, James M. Trotter III and William E.
                    # Trotter II, indicated"
                    first = _listed_persons(toks, i, i + 1) if any(t[0] == "and" for t in inner) else i + 1
                    return text_between(toks, toks[first][1], inner[-1][2]), toks[first][1], inner[-1][2]
                elif (named := _titled_apposition(toks, i, inner)) is not None:
                    # a person named after a description, with a title or an affiliation: "One abortion
                    # opponent, the Rev. Donald Spitz, said", "One pastor, Darran Whiting of Liberty Baptist
                    # Church in Marion, said" -> the name
                    return named
                elif (
                    len(inner) >= 3
                    and inner[0][0] in ROLE_WORDS
                    and _walk_np(toks, j - 1) == i + 1
                    and all(t[0][:1].isupper() for t in inner[1:])
                ):
                    # a role and a name: "Her son, actor Lorenzo Lamas, tweeted" -> the name
                    return " ".join(t[0] for t in inner[1:]), inner[1][1], inner[-1][2]
                elif (
                    inner
                    and (
                        inner[0][0].lower() in _DETS
                        or inner[0][0] == "another"  # "Sen. Rob Portman (R-Ohio), another incumbent, said"
                        or inner[0][0].endswith(("’s", "'s"))  # "Brad Smith, Microsoft's president, said"
                        or inner[0][0][:1].isdigit()
                        or re.match(r"[A-Z]-[A-Z]", inner[0][0])  # "Sen. Chuck Schumer, D-N.Y., said"
                    )
                ):
                    # an appositive description or age: "Dr. Alan Brooks, the county's chief officer, said"
                    step = i
                break
        if step is None:
            break
        j, skipped = step, True
    if skipped:
        j -= 1
        if toks[j][0] == ")":
            j = _party_aside(toks, j)  # "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said"
    end = j
    start = _walk_np(toks, j)
    j = start - 1
    if start > end:
        return _common_noun_subject(toks, end)
    if toks[end][0].islower() and _agent_noun(toks[end][0]):
        # "A close friend of the victim said": the whole phrase, where the walk stops at "of the victim"
        whole = _common_noun_subject(toks, end)
        if whole is not None and whole[1] < toks[start][1]:
            return whole
    if j >= 3 and toks[j][0] in ("in", "by", "on"):
        # "a paper published last month in The Lancet": the time words go with the participle
        w = j - 1
        while w >= 2 and j - w <= 3 and toks[w][0] in _DOCUMENT_TIME_WORDS:
            w -= 1
        if w < j - 1 and toks[w][0] in _DOCUMENT_PARTICIPLES and toks[w - 1][0].lower() in _DOCUMENTS:
            start = min(_walk_np(toks, w - 2), w - 1) if w >= 2 else w - 1
            j = start - 1
    if (
        j >= 2
        and toks[j][0] in ("in", "by", "on")
        and toks[j - 1][0] in _DOCUMENT_PARTICIPLES
        and toks[j - 2][0].lower() in _DOCUMENTS
    ):  # "A study published in Nature found": the study, where it was published kept
        start = min(_walk_np(toks, j - 3), j - 2) if j >= 3 else j - 2
        j = start - 1
    located = _located_speaker(toks, j, start, end)
    if located is not None:  # "The BBC's Frances Harrison in Tehran says": not the town
        start, end = located
        j = start - 1
    # "the government in Berlin", "officials in Kyiv"
    if (
        j >= 1
        and toks[j][0] == "by"
        and toks[j - 1][0].lower() in _DOCUMENTS
        and (
            toks[j + 1][0][:1].isupper()
            or (toks[j + 1][0] == "the" and toks[min(j + 2, end)][0][:1].isupper())
        )
    ):  # "The report by the University and College Union claims"
        start = _walk_np(toks, j - 1)
        j = start - 1
    while (
        j >= 1
        and (
            toks[j][0] in ("in", "at", "from", "for", "of", "with")
            # "Aides to Clinton say", "a senior adviser to the governor said": whose people they are
            or (toks[j][0] == "to" and toks[j - 1][0].lower() in _ANON_HEADS)
        )
        and (
            toks[j + 1][0][:1].isupper()
            or (
                toks[j + 1][0] == "the"
                and (
                    toks[min(j + 2, end)][0][:1].isupper()
                    # "A spokesman for the army said", "Officials with the county health department said"
                    or (j + 2 <= end and toks[j - 1][0].lower() in _AFFILIATED and toks[end][0] in _ORG_NOUNS)
                )
            )
        )
        and (
            toks[j - 1][0].lower() in _NP_WORDS
            or toks[j - 1][0].lower() in _DOCUMENTS  # "Data from the agency show that"
            # "the Labour Party's chancellor of the Exchequer said": a role
            or toks[j - 1][0] in ROLE_WORDS
            # "John Smith from the Red Cross said": a name and its affiliation
            or (toks[j][0] in ("from", "with", "at") and toks[j - 1][0][:1].isupper())
            # "the Court of Appeal in Santa Ana found": a body and where it sits
            or (toks[j][0] == "in" and any(t[0] in ORG_HEADS for t in toks[max(0, j - 4) : j]))
        )
    ):
        start = _walk_np(toks, j - 1)
        j = start - 1
    if (
        j >= 2
        and toks[j][0] == "by"
        and toks[j - 1][0].endswith("ed")
        and toks[j - 1][0].islower()
        and _people_head(toks[j - 2][0].lower())
    ):
        # "Most of the analysts polled by Reuters said": the agent of a participle inside the subject is not
        # its head; the people before the participle speak
        return _subject_phrase(toks, j - 1)
    if j >= 0 and toks[j][0] in _OBJECT_PREPOSITIONS:
        return None  # "The charges against Olson allege": the object of a preposition, not the subject
    # the phrase must start a clause: sentence start, after punctuation, a quote, or a conjunction
    # (or at least start with a name: "Earlier this week Putin said"); a few more lower-case words are
    # allowed when they reach the clause start: ", party spokesman Pablo Ortiz said", ", the county health department said"
    if j >= 0 and not toks[start][0][:1].isupper() and toks[j][0] not in _CLAUSE_START:
        i = j
        while i >= 0 and j - i < 3 and toks[i][0].isalpha() and toks[i][0].islower():
            i -= 1
        if i >= 0 and toks[i][0] not in _CLAUSE_START:
            # "the 33-year-old actress's rep Jack Ketsoyan told": the full name that ends the phrase
            n = end
            while n >= start and toks[n][0][:1].isupper():
                n -= 1
            if n >= start and end - n >= 1 and toks[n][0] in _ORG_NOUNS:
                # "Subsea cable operator Seacom announced": the organisation noun says what the name is
                return " ".join(t[0] for t in toks[n : end + 1]), toks[n][1], toks[end][2]
            if end - n >= 2 and n >= start and (toks[n][0] in ROLE_WORDS or _agent_noun(toks[n][0])):
                return " ".join(t[0] for t in toks[n + 1 : end + 1]), toks[n + 1][1], toks[end][2]
            if toks[end][0] in _ANAPHOR_HEADS:
                described = _described_organisation(toks, end)
                if described is not None:
                    return described
            b = _modified_np_start(toks, i, start)
            if b is None:
                return None
            # "U.S. trade officials said", "Canada's largest store operator said": a name or a possessive, then
            # lower-case modifiers, from the start of the clause
            return " ".join(t[0] for t in toks[b : end + 1]), toks[b][1], toks[end][2]
        start, j = i + 1, i
    if j >= 1 and toks[j][0] == "," and any(t[0] == "and" for t in toks[start:end]):
        start = _listed_persons(toks, j, start)  # "Jane Doe, John Smith and Bill Brown said": all three
    words = [t[0] for t in toks[start : end + 1]]
    if (
        len(words) == 1
        and words[0].endswith("ly")
        and words[0] not in _GIVEN_NAMES  # ("Kelly said")
        and (start == 0 or toks[start - 1][0] in _CLAUSE_START)
    ):
        return None  # an adverb opens the clause: "Eventually, ..." names no speaker
    return " ".join(words), toks[start][1], toks[end][2]


_DOCUMENT_PUBLISHED = re.compile(
    r"^(?:[\w’'-]+\s+){0,3}(?:"
    + "|".join(sorted(_DOCUMENTS))
    + r")\s+(?:"
    + "|".join(sorted(_DOCUMENT_PARTICIPLES))
    + r")\s+(?:(?:"
    + "|".join(sorted(_DOCUMENT_TIME_WORDS))
    + r")\s+){0,3}(?:in|by|on)\s",
    re.I,
)
_AFFILIATION = re.compile(r"(?P<head>.+?[A-Z][\w’'\-]*)\s+(?:with|from|at|of)\s+(?:the\s+)?[A-Za-z]")
_PASSIVE_BEFORE = re.compile(_P["passive_before"])
_ARTICLE_LEAD = re.compile(r"^\s*(?:with|from|at|of)\s+(?:the\s+)?")
_LEADING_CONNECTIVES = frozenset(_W["leading_connectives"])
_AGENT_SUFFIXES = tuple(_W["agent_suffixes"])
_NOT_AGENTS = frozenset(_W["not_agents"])
_AGENT_NOUNS = frozenset(_W["agent_nouns"])
_PERSON_MAKERS = frozenset(_W.get("person_makers", []))


def _agent_noun(w: str) -> bool:
    """A lower-case noun naming a person by what they do ("monitor", "analyst", "guard")."""
    if w[-1:] == "s":
        if not w.endswith("ss") and len(w) > 5 and w not in _AGENT_NOUNS:
            w = w[:-1]  # a plural: "organizers said", "the inspectors told"
            if w in _NAME_DESCRIPTORS:
                return True  # "All three candidates have said", "his Republican rivals say"
    elif w.endswith("men"):
        w = w[:-2] + "an"  # a plural in -men: "congressmen said", "two spokeswomen", "men"
    return w in _AGENT_NOUNS or (w.endswith(_AGENT_SUFFIXES) and len(w) > 4 and w not in _NOT_AGENTS)


_TITLE_ABBREVIATIONS = frozenset(w + "." for w in _W["title_abbreviations"]) - {
    w + "." for w in _COMPANY_FORMS
}
_AFFILIATION_PREPOSITIONS = frozenset(_W["affiliation_prepositions"])


def _titled_apposition(
    toks: list[tuple[str, int, int]], i: int, inner: list[tuple[str, int, int]]
) -> tuple[str, int, int] | None:
    """The person named between the commas after the description that opens the sentence (toks[:i]: an
    article, "one" or "another" and a lower-case word), when the name has "the" and an abbreviated title
    before it ("One abortion opponent, the Rev. Donald Spitz, said" -> Donald Spitz) or an affiliation after
    it ("One pastor, Darran Whiting of Liberty Baptist Church in Marion, said" -> Darran Whiting)."""
    first = 1 if i > 2 and toks[0][0].lower() in COORDINATORS else 0
    if not (
        i - first >= 2
        and toks[first][0].lower() in _ONE_OF_A_KIND
        and toks[first + 1][0].islower()
        and 2 <= len(inner) <= 12
    ):
        return None
    if inner[0][0] == "the" and inner[1][0] in _TITLE_ABBREVIATIONS:
        rest = inner[2:]
        if 1 <= len(rest) <= 4 and all(t[0][:1].isupper() and t[0] not in CAP_STOP for t in rest):
            return text_between(toks, rest[0][1], rest[-1][2]), rest[0][1], rest[-1][2]
        return None
    r = 0
    while r < len(inner) and inner[r][0][:1].isupper() and inner[r][0] not in CAP_STOP:
        r += 1
    if not (
        2 <= r <= 3
        and r < len(inner) - 1
        and inner[r][0] in _AFFILIATION_PREPOSITIONS
        and (inner[r + 1][0][:1].isupper() or (r < len(inner) - 2 and inner[r + 1][0] == "the"))
    ):
        return None
    if not all(t[0][:1].isupper() or t[0] in _APPOSITION_FUNCTION_WORDS for t in inner[r + 1 :]):
        return None
    name = text_between(toks, inner[0][1], inner[r - 1][2])
    src = classify_source(name)
    if src is None or src.kind != "person":
        return None
    return name, inner[0][1], inner[r - 1][2]


def _dateline(toks: list[tuple[str, int, int]], j: int) -> int | None:
    """The comma after a company or a person named in full when the asides before the comma at token ``j`` are
    its dateline or hometown: a town and its state ("CAMBREX Corp., Bayonne, N.J., said" -> the comma after
    "Corp."; "John Smith, Dayton, Ohio, said" -> the comma after "Smith"), else None."""
    state = j - 1
    while state > j - 3 and toks[state - 1][0] != ",":
        state -= 1
    name = "".join(t[0] for t in toks[state:j])  # ("Ill." is two tokens)
    if toks[state - 1][0] != "," or (name not in _STATE_ABBREVIATIONS and name not in PLACES):
        return None
    town = state - 1
    for i in range(town - 1, max(0, town - 4), -1):
        if toks[i][0] == ",":
            inner = toks[i + 1 : town]
            if i >= 1 and inner and all(t[0][:1].isupper() for t in inner):
                if toks[i - 1][0].rstrip(".") in _COMPANY_FORMS:
                    return i
                # a hometown after a person named in full: "John Smith, Dayton, Ohio, said"
                # ("StatesWest Airlines, Phoenix, Ariz., said": a company named by its kind of business)
                who = classify_source(text_between(toks, toks[_walk_np(toks, i - 1)][1], toks[i - 1][2]))
                if who is not None and who.kind == "organisation" and organisation_shaped(who.name):
                    return i
                return i if who is not None and who.kind == "person" and len(who.name.split()) >= 2 else None
            return None
        if not toks[i][0][:1].isupper():
            return None
    return None


def _place_after_place(
    toks: list[tuple[str, int, int]], comma: int, inner: list[tuple[str, int, int]]
) -> bool:
    """Whether the aside after the comma at token ``comma`` is a known place that follows a capitalised word
    ("Dayton, Ohio", "Austin, Texas"): the second half of a place name, not a speaker."""
    return (
        comma >= 1
        and toks[comma - 1][0][:1].isupper()
        and 1 <= len(inner) <= 3
        and " ".join(t[0] for t in inner) in PLACES
    )


# words that never open or fill a lower-case role or modifier ("chief financial officer", "chemical group"):
# function words and forms of verbs
_FUNCTION_WORDS = frozenset(_W.get("function_words", []))


_ASIDE_TITLES = frozenset(_W["aside_titles"])


def _title_aside(inner: list[tuple[str, int, int]]) -> bool:
    """Whether an aside between commas is a title capitalised as such: up to six capitalised words (with
    "of", "for", "and", "&") that end in a role word ("Chief Public Relations Officer", "Director")."""
    if not 1 <= len(inner) <= 6 or not inner[0][0][:1].isupper():
        return False
    last = inner[-1][0].lower()
    if last not in ROLE_WORDS and last not in _ASIDE_TITLES:
        return False
    return all(
        (t[:1].isupper() and t.replace("-", "").isalpha()) or t in ("of", "for", "and", "&")
        for t, _, _ in inner
    )


def _after_name(toks: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the comma at token i follows a capitalised word that may end a name."""
    return i >= 1 and toks[i - 1][0][:1].isupper() and toks[i - 1][0] not in CAP_STOP


def _title_before(toks: list[tuple[str, int, int]], i: int) -> int | None:
    """The comma that opens a title aside ending at the comma at token i, after a name, or None."""
    for i2 in range(i - 1, max(-1, i - 8), -1):
        if toks[i2][0] == ",":
            return i2 if _title_aside(toks[i2 + 1 : i]) and _after_name(toks, i2) else None
    return None


def _lower_aside(inner: list[tuple[str, int, int]]) -> bool:
    """Whether an aside between commas is a role in lower case with no article: one to six lower-case words,
    acronyms or "and"/"&", none a function word, a form of "be", an -ly adverb or a past form, that do not
    open with "and" ("chief financial officer", "chairman and chief executive officer", "computer products
    group president"): after a name and before the speech verb, the name's title."""
    if not 1 <= len(inner) <= 6 or inner[0][0] in ("and", "&") or inner[-1][0] in ("and", "&"):
        return False
    for t, _, _ in inner:
        if t in ("and", "&") or _acronym(t):
            continue
        if not (t.islower() and t.replace("-", "").isalpha()) or not _modifier_word(t):
            return False
    return True


def _modifier_word(t: str) -> bool:
    """A lower-case word that may stand inside a noun phrase: no function word, adverb or past form
    ("trade" in "U.S. trade officials", not "unveiled", "recently", "would")."""
    return (
        t not in _FUNCTION_WORDS
        and t not in _AUX
        and t not in _BE
        and t not in _CLAUSE_VERBS
        and t not in _PRONOUNS
        and not t.endswith("ly")
        and not (t.endswith("ed") and "-" not in t)
    )


def _described_organisation(toks: list[tuple[str, int, int]], end: int) -> tuple[str, int, int] | None:
    """The head noun of an organisation described by "the" and modifiers that opens its clause ("The Los
    Angeles thrift holding company said", "the Seattle-based retailer said", "The Dutch chemical group
    said" -> "company", "retailer", "group"): which organisation it is, the article named before (the
    caller resolves "the company" from context); the offsets span the whole phrase. None for any other
    phrase."""
    i = end - 1
    while i >= 0 and end - i <= 6:
        t = toks[i][0]
        if t in ("the", "The"):
            if i > 0 and toks[i - 1][0] not in _CLAUSE_START:
                return None
            return f"{t} {toks[end][0]}", toks[i][1], toks[end][2]
        if t[:1].isupper():
            if t in CAP_STOP:
                return None  # a word that opens sentences ("In", "After"): no modifier of the head
        elif not (_modifier_word(t) and t.replace("-", "").isalpha()):
            return None
        i -= 1
    return None


def _modified_np_start(toks: list[tuple[str, int, int]], i: int, start: int) -> int | None:
    """Where a noun phrase starts whose head (from token ``start``) follows lower-case modifiers (tokens
    i+1 .. start-1) after a name, a possessive or an acronym at token ``i`` ("U.S. trade officials",
    "Canada's largest department store operator"), when the phrase opens its clause; else None."""
    if i < 0 or not toks[i][0][:1].isupper() or toks[i][0] in CAP_STOP:
        return None
    if not all(_modifier_word(t) for t, _, _ in toks[i + 1 : start]):
        return None
    b = _walk_np(toks, i)
    if b > i or any(not (t[:1].isupper() or t in ("&", "-")) for t, _, _ in toks[b:i]):
        return None
    if toks[b][0] in CAP_STOP:
        return None  # ("The Dutch chemical group": a description, whose company the context names)
    return b if b == 0 or toks[b - 1][0] in _CLAUSE_START else None


# verbs of saying whose second-predicate use reports speech ("... but said", "... and added"), and words that
# open a subordinate or relative clause, whose subject is not the sentence's
_SECOND_PREDICATE_VERBS = frozenset(_EN["verbs"].get("second_predicate", []))
_SUBORDINATE = _SUBORDINATORS | frozenset(_W["subordinate_extra"])
# (lower case: inside a subject phrase they open a clause of their own)
_SUBORDINATE_OPENERS = _SUBORDINATE | frozenset(_W["subordinate_openers_extra"])
# words that open a sentence with a subordinate clause ("When Meghan joined the family, she said ..."): its
# subject is whom the main clause's pronoun most likely means
CLAUSE_OPENERS = frozenset(_W["clause_openers"])
COORDINATORS = tuple(_W["coordinators"])


def _named_subject(np: str) -> bool:
    """Whether the phrase that opens a sentence names a speaker whole: a person, an organisation, an
    outlet, or unnamed sources ending on their head ("Investigators"), not a phrase cut before its head
    ("a next-door" of "a next-door neighbor")."""
    last = np.split()[-1]
    if not last[:1].isupper() and not (
        last.isalpha()
        and (last in _ANON_HEADS or last in _ORG_NOUNS or last in ROLE_WORDS or _agent_noun(last))
    ):
        return False
    return classify_source(np) is not None


def _second_predicate(toks: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the speech verb at token k opens a second predicate of the sentence's subject: "and" or
    "but" right before it, or before adverbs ("... but said", "... and later said")."""
    c = k - 1
    while c > 0 and _adverb(toks[c][0]):
        c -= 1
    return toks[c][0] in ("and", "but")


_ROLE_PREPOSITIONS = frozenset(_W["role_prepositions"])
# the function words a description after a name may hold ("the communications director for the party")
_APPOSITION_FUNCTION_WORDS = frozenset(_W["apposition_function_words"])
_GROUP_POSSESSIVES = frozenset(_W["group_possessives"])  # "Trump and his attorneys"


def _role_phrase(inner: list[tuple[str, int, int]]) -> bool:
    """Whether an aside between commas is a role without an article: one or two lower-case words before a
    role word that ends the aside or goes on with "of"/"for"/"at" ("assistant director for construction",
    "deputy director"), or up to four lower-case words or acronyms, joined by "and", that go on with a
    preposition ("chair of the board", "president and CEO of the Houston Chamber of Commerce", "senior
    fellow at Brookings")."""
    for r in (1, 2):
        if r < len(inner) and inner[r][0] in ROLE_WORDS:
            return all(t[0].isalpha() and t[0].islower() for t in inner[:r]) and (
                r == len(inner) - 1 or inner[r + 1][0] in ("of", "for", "at")
            )
    head = 0
    while head < len(inner) and inner[head][0] not in _ROLE_PREPOSITIONS:
        head += 1
    if not 1 <= head <= 4 or head == len(inner) or inner[head - 1][0] in ("and", "&"):
        return False
    words = [t for t, _, _ in inner[:head]]
    if inner[0][0] in _LEADING_CONNECTIVES:
        return False
    if words[-1].endswith("s") and _unnamed_head(words[-1]):
        # people in the plural are no one's title: "Even if Clinton can't win in New Hampshire, insiders in the
        # next two states said" (the insiders speak, not New Hampshire)
        return False
    if len(words) == 1 and words[0] + "s" in _GROUP_PLURALS:
        return (
            True  # a party's member of a state: "Senator Shelley Moore Capito, Republican of West Virginia,"
        )
    if all((t.isalpha() and ((t.islower() and _modifier_word(t)) or _acronym(t))) or t == "&" for t in words):
        return True  # (no verb: "Ortiz, an officer, was searching for Orozco, said X" is no role)
    # capitalised as a title: "President and CEO of Valley Dairy", "Chief Executive Officer of the Authority"
    return any(t.lower() in ROLE_WORDS for t in words) and all(
        t in ("and", "&")
        or _acronym(t)
        or (t.istitle() and (t.lower() in ROLE_WORDS or _agent_noun(t.lower())))
        for t in words
    )


_JOIN_STOPS = frozenset(_W["join_stops"])  # (no word of a group joined by "and")
_PHRASE_PREPOSITIONS = frozenset(_W["phrase_prepositions"])
_ONE_OF_A_KIND = frozenset(_W["one_of_a_kind"])  # what opens an unnamed speaker's phrase
# the common words that may open an unnamed speaker's phrase ("Officials", "Two sources", "Other senators")
_COMMON_OPENERS = (
    _NP_WORDS | _ANON_HEADS | _QUANTIFIERS | _GROUP_PRONOUNS | _ONE_OF_A_KIND | _UNNAMED_SINGULARS
)


def _people_head(w: str) -> bool:
    """A lower-case noun that names people or a body of them ("family", "officials", "owners", "police")."""
    return _agent_noun(w) or w in _ANON_HEADS or w in _ORG_NOUNS


def _conjunct_word(toks: list[tuple[str, int, int]], i: int) -> bool:
    """A word of one of two groups joined by "and": lower case (capitalised only as the sentence's first)."""
    w = toks[i][0]
    return w.replace("-", "").isalpha() and (w.islower() or i == 0) and w.lower() not in _JOIN_STOPS


def _after_and(text: str, start: int) -> bool:
    """Whether the word before offset ``start`` of ``text`` is "and"."""
    before = text[max(0, start - 5) : start].split()
    return bool(before) and before[-1] == "and"


def _joined_subject(toks: list[tuple[str, int, int]], k: int) -> tuple[str, int, int] | None:
    """Two groups joined by "and" that open a clause before the verb at token k, each of one to three words
    ending on a noun of people: "cops and family said", "Hospital officials and family members said",
    "Police and fire officials said" (not "He met traders and said": no group before "and")."""
    end = k - 1
    i = end
    while i >= 0 and end - i < 3 and toks[i][0] != "and" and _conjunct_word(toks, i):
        i -= 1
    if i < 1 or i == end or toks[i][0] != "and" or not _people_head(toks[end][0].lower()):
        return None
    j = i - 1
    if not (_conjunct_word(toks, j) and _people_head(toks[j][0].lower())):
        return None
    while j >= 1 and i - j < 3 and _conjunct_word(toks, j - 1):
        j -= 1
    if j >= 1 and toks[j - 1][0].endswith(("’s", "'s")) and toks[j - 1][0][:1].isupper():
        j -= 1  # whose they are: "Orozco's friends and fellow gang members recalled"
    if j > 0 and toks[j - 1][0] not in _CLAUSE_START:
        return None
    return text_between(toks, toks[j][1], toks[end][2]), toks[j][1], toks[end][2]


def _own_group(toks: list[tuple[str, int, int]], j: int) -> int | None:
    """The possessive that opens a group of the person named before it, ending at token j, after "and": "Trump
    and his attorneys have said", "Clinton and her campaign had said", "Bush and his rivals for the Republican
    presidential nomination have said" -> the token of "his"/"her"/"their", else None. Its head names people
    or a body of them, after up to two modifiers, and a preposition's phrase may follow it."""
    p = next((i for i in range(j, max(1, j - 10), -1) if toks[i][0] in _GROUP_POSSESSIVES), None)
    if p is None or p < 2 or toks[p - 1][0] != "and" or p == j or not _after_name(toks, p - 1):
        return None
    q = next((i for i in range(p + 1, j + 1) if toks[i][0] in _ROLE_PREPOSITIONS), j + 1)
    if not 1 <= q - p - 1 <= 3 or not _people_head(toks[q - 1][0]):
        return None
    if not all(_plain_modifier(t[0]) for t in toks[p + 1 : q - 1]):
        return None
    for t, _, _ in toks[q : j + 1]:
        if not (
            t in _APPOSITION_FUNCTION_WORDS
            or (t[:1].isupper() and t not in CAP_STOP)
            or (t.islower() and t.replace("-", "").isalpha() and _modifier_word(t))
        ):
            return None
    return p


def _named_and_others(toks: list[tuple[str, int, int]], k: int) -> tuple[str, int, int] | None:
    """A person named with a group of others like them before the verb at token k: "Former star running back
    Maurice Clarett and other former football players have alleged", "Trump and other Republicans said",
    "Sanders and others say": the person named speaks (the group is no one a reader can check), else None.
    The person's phrase opens the clause, after lower-case words that describe them at most."""
    j = k - 1
    while j > 0 and _adverb(toks[j][0]):
        j -= 1
    o: int | None = j if toks[j][0] == "others" else _own_group(toks, j)
    if o is None:
        w = toks[j][0]
        if not (w.endswith("s") and (_unnamed_head(w.lower()) or w in _GROUP_PLURALS)):
            return None
        o = next((x for x in range(j - 1, max(-1, j - 6), -1) if toks[x][0] == "other"), None)
        if o is None or not all(toks[x][0].replace("-", "").isalpha() for x in range(o, j)):
            return None
    if o < 2 or toks[o - 1][0] != "and":
        return None
    b = _walk_np(toks, o - 2)
    if b > o - 2:
        return None
    d = b  # lower-case words before the name that describe the person ("Former star running back")
    while d > 0 and b - d < 5 and toks[d - 1][0].isalpha() and toks[d - 1][0].lower() not in _CLAUSE_START:
        w = toks[d - 1][0].lower()
        if w in _FUNCTION_WORDS or w in _PRONOUNS or not (toks[d - 1][0].islower() or d == 1):
            return None
        d -= 1
    if d > 0 and toks[d - 1][0].lower() not in _CLAUSE_START:
        return None
    if d > 1 and toks[d - 1][0] == "," and toks[d - 2][0][:1].isupper():
        return None  # a list of those named ("Sun, Hewlett-Packard and others say"): no one of them
    name = text_between(toks, toks[b][1], toks[o - 2][2])
    src = classify_source(name)
    if src is None or src.kind != "person" or " and " in src.name or "," in name:
        return None
    return name, toks[b][1], toks[o - 2][2]


def _unclosed_apposition(toks: list[tuple[str, int, int]], k: int) -> tuple[str, int, int] | None:
    """A person named in full, then a description of them after a comma that no comma closes before the verb
    at token k: "Sam Lau, the communications director for the Iowa Democratic Party said", "Sen. Kristen
    Gillibrand (D-NY), a supporter of Hillary Clinton's 2016 bid for the presidency told" -> the person (not
    a name inside the description). The description is a role or an agent noun with its article or its
    preposition's phrase, and holds no verb, pronoun or clause word ("Lloyd Grove, the Daily Beast editor who
    wrote" is none); the name opens its clause, and the verb agrees with one person ("..., the host of an XM
    Satellite radio show, is" holds no verb "show")."""
    if toks[k][0][-1:] not in ("d", "s"):
        return None
    j = k - 1
    while j > 0 and _adverb(toks[j][0]):
        j -= 1
    if toks[j][0] == ",":
        return None  # ("Chi Onwurah, the Labour MP for Newcastle Central, said": the comma closes it)
    c = j - 1  # the comma that opens the description
    while c >= 2 and c > j - 16 and toks[c][0] != ",":
        c -= 1
    if c < 2 or toks[c][0] != "," or not (toks[c - 1][0][:1].isupper() or toks[c - 1][0] == ")"):
        return None  # (most commas follow a lower-case word: no name before them)
    inner = toks[c + 1 : j + 1]
    for t, _, _ in inner:
        if not (
            t in _APPOSITION_FUNCTION_WORDS
            or (t[:1].isupper() and t not in CAP_STOP)
            or t[:1].isdigit()
            or (t.islower() and t.replace("-", "").isalpha() and _modifier_word(t))
        ):
            return None
    p = next((i for i, t in enumerate(inner) if t[0] in _ROLE_PREPOSITIONS), len(inner))
    head = inner[p - 1][0] if p >= 1 else ""
    if not (head.lower() in ROLE_WORDS or (head.isalpha() and head.islower() and _agent_noun(head))):
        return None  # (a capitalised head is a title, never a guess from its ending: "Xi Jinping, Reuters reported")
    if inner[0][0].lower() not in ("a", "an", "the") and (p > 3 or p == len(inner)):
        return None  # (no article: a role and what it is of, "communications director for the party")
    e = c - 1
    if toks[e][0] == ")":
        e = _party_aside(toks, e)  # "Sen. Kristen Gillibrand (D-NY), a supporter of ..."
    if e < 0 or not toks[e][0][:1].isupper():
        return None
    b = _walk_np(toks, e)
    if b > e or (b > 0 and toks[b - 1][0] not in _CLAUSE_START):
        return None
    # a name, not a phrase the walk took whole ("During the storm Tuesday, a city official told")
    if not all(t[0][:1].isupper() or t[0] in entities.NAME_PARTICLES for t in toks[b : e + 1]):
        return None
    name = text_between(toks, toks[b][1], toks[e][2])
    src = classify_source(name)
    if src is None or src.kind != "person" or len(src.name.split()) < 2 or " and " in name:
        return None
    return name, toks[b][1], toks[e][2]


def _common_noun_subject(toks: list[tuple[str, int, int]], end: int) -> tuple[str, int, int] | None:
    """An unnamed speaker in lower case that opens a clause: ", a piracy monitor told CNN"; a person described
    by what they are: "the Republican presidential candidate told CBS", "The billionaire real estate magnate
    says" (whom, ``factcheck.extract`` reads from the sentences before)."""
    if end < 1 or not (
        _agent_noun(toks[end][0]) or toks[end][0] in _UNNAMED_SINGULARS or toks[end][0] in _NAME_DESCRIPTORS
    ):
        return None
    plural = toks[end][0].endswith(("s", "men"))
    if plural and toks[end - 1][0] in _CLAUSE_START:
        return toks[end][0], toks[end][1], toks[end][2]  # a plural needs no article: ", organizers said"
    if plural:
        # with up to three modifiers, at the start of the sentence or of a clause: "Some party strategists
        # said", "In Virginia, local GOP leaders say", "Other senators said"
        i = end - 1
        while i >= 0 and end - i <= 3 and toks[i][0].isalpha() and toks[i][0].lower() not in _CLAUSE_START:
            i -= 1
        if i < end - 1 and (i < 0 or (toks[i][0].lower() in _CLAUSE_START and toks[i][0] != "and")):
            return text_between(toks, toks[i + 1][1], toks[end][2]), toks[i + 1][1], toks[end][2]
        # whose they are, at the start of the clause: "Clinton's campaign strategists say", "Mrs. Clinton's
        # longtime aides said"
        if i >= 0 and toks[i][0][:1].isupper() and toks[i][0].endswith(("’s", "'s")):
            h = i - 1 if i >= 1 and toks[i - 1][0] in TITLE_WORDS else i
            if h == 0 or toks[h - 1][0].lower() in _CLAUSE_START:
                return text_between(toks, toks[h][1], toks[end][2]), toks[h][1], toks[end][2]
    i = end - 1
    # lower-case words, or a name that says whose the person is ("a BT customer service agent")
    # ("one" and "another" as the article: "As one commentator has argued", ", another witness said")
    while i >= 0 and end - i <= 4 and toks[i][0].lower() not in _ONE_OF_A_KIND:
        if not toks[i][0].replace("-", "").replace("’", "").replace("'", "").isalpha():
            return None
        # (a name after the article or after its lower-case modifiers: "a former Podesta employee")
        if not toks[i][0].islower() and (
            i == 0
            or toks[i][0] in CAP_STOP
            or not (toks[i - 1][0] in ("a", "an", "the", "A", "An", "The") or toks[i - 1][0].islower())
        ):
            return None
        i -= 1
    if i < 0 or toks[i][0].lower() not in _ONE_OF_A_KIND:
        return None
    if i >= 2 and toks[i - 1][0] in ("of", "for"):
        # "A close friend of the victim said", "a neighbour of the family told the paper"
        outer = _common_noun_subject(toks, i - 2)
        if outer is not None:
            return text_between(toks, outer[1], toks[end][2]), outer[1], toks[end][2]
    if (
        i > 0
        and toks[i - 1][0].lower() not in _CLAUSE_START  # ("But one woman told NY1 ...")
        and not (i == 1 and toks[0][0].lower() in CLAUSE_OPENERS)
    ):
        return (
            None  # (after the word that opens the sentence's first clause: "As one commentator has argued")
        )
    return " ".join(t[0] for t in toks[i : end + 1]), toks[i][1], toks[end][2]


def _document_subject(
    toks: list[tuple[str, int, int]], k: int, that_after: bool = False
) -> tuple[str, int, int] | None:
    """A document that opens the sentence and speaks through a long description, where the walk back from
    the verb (token k) finds no subject: "A new research paper published in Frontiers in Ecology and the
    Environment journal suggests", "The research, supported by the Wildlife Conservation Society and ...,
    reveals that"; before a verb and "that" (``that_after``), a description opened by a preposition too ("A
    report about the integration of immigrants issued ... by the OECD noted that", "But research to be
    released this week by four economists suggests that"), after "and"/"but"/"yet"."""
    if toks[k - 1][0] in ("and", "or") or any(w[0] in _CLAUSE_VERBS for w in toks[:k]):
        return None  # "The data ... was sold and said to be worthless": no document speaks
    first = 1 if that_after and k > 2 and toks[0][0].lower() in COORDINATORS else 0
    for d in range(first, min(k - 1, first + 5)):
        t = toks[d][0]
        after = toks[d + 1][0]
        described = that_after and after in _DOCUMENT_POSTMODIFIERS and _plain_description(toks[d + 1 : k])
        if t.lower() in _DOCUMENTS and (after == "," or after in _DOCUMENT_PARTICIPLES or described):
            return " ".join(w[0] for w in toks[first : d + 1]), toks[first][1], toks[d][2]
        if not t.isalpha() or not (_np_token(t) or t.islower()):
            return None
    return None


_DOCUMENT_POSTMODIFIERS = frozenset(_W["document_postmodifiers"])


def _finder_head(toks: list[tuple[str, int, int]], k: int) -> int | None:
    """The token of a finding's document (`finders`) that opens the sentence before the verb at token ``k``,
    after up to `_FINDER_MODIFIERS` modifiers (an article, a year, a name, lower-case adjectives: "A 2009
    report", "A CNN/ORC poll", "New polls") and before a short plain description opened by one of
    `finder_descriptions` ("A Monmouth poll out Monday showed", "A poll from Marquette Law School released
    Wednesday found"); None when the sentence opens otherwise or the description holds a comma, a clause or
    another speech verb ("Surveys of caucus-goers taken as they entered caucus sites showed")."""
    first = 1 if k > 2 and toks[0][0].lower() in COORDINATORS else 0
    for d in range(first, min(k, first + _FINDER_MODIFIERS + 1)):
        t = toks[d][0]
        if t.lower() in _FINDERS and (d + 1 == k or toks[d + 1][0].lower() in _FINDER_DESCRIPTIONS):
            tail = toks[d + 1 : k]
            if len(tail) <= _FINDER_SPAN and all(
                (w[0].isalnum() or w[0] in "/&-.")
                and w[0].lower() not in _CLAUSE_VERBS
                and w[0].lower() not in _SUBORDINATE
                and w[0] != "that"
                and w[0] not in SAY_VERBS
                and (w[0] not in _LEADING_CONNECTIVES or w[0] in COORDINATORS)
                for w in tail
            ):
                return d
            return None
        if (
            not (t.isalnum() or t in "/&-")
            or t.lower() in _CLAUSE_VERBS
            or t in SAY_VERBS
            or t.lower() in _SUBORDINATE
            or t.lower() in CLAUSE_OPENERS
        ):
            return (
                None  # (not "While one study found that ..., that doesn't address ...": a subordinate clause)
            )
    return None


def _finder_agent(toks: list[tuple[str, int, int]], head_end: int, end: int) -> bool:
    """Whether the name that ends at offset ``end``, in the description of a finding's document that ends at
    ``head_end``, follows one of `finder_agents` (the words between are its article, modifiers and other names:
    "A study by the liberal watchdog group Media Matters", "a new poll from USA TODAY/Suffolk University"), not
    another word of `finder_descriptions` ("A survey by the organization in March")."""
    for i in range(len(toks) - 1, 0, -1):
        if toks[i][1] >= end:
            continue
        if toks[i][1] < head_end:
            return False
        w = toks[i][0]
        if w not in _FINDER_DESCRIPTIONS:
            continue
        if toks[i - 1][1] >= head_end and toks[i - 1][0][:1].isupper() and toks[i + 1][0][:1].isupper():
            continue  # a word of a name: "Figures from the European Centre for Disease Prevention and Control"
        # (where a document was published is part of its name: "A study published in Nature found that")
        return w in _FINDER_AGENTS or toks[i - 1][0] in _DOCUMENT_PARTICIPLES
    return False


def _finder_subject(text: str, toks: list[tuple[str, int, int]], k: int) -> tuple[str, int, int] | None:
    """The finding's document that opens the sentence before a finder verb (token ``k``), with its modifiers:
    "A Monmouth poll" of "A Monmouth poll out Monday showed Clinton with a healthy lead" (`_finder_head`)."""
    d = _finder_head(toks, k)
    if d is None:
        return None
    first = 1 if toks[0][0].lower() in COORDINATORS else 0
    return text[toks[first][1] : toks[d][2]], toks[first][1], toks[d][2]


def _plain_description(words: list[tuple[str, int, int]]) -> bool:
    """Whether a document's description holds no clause of its own and no other speech verb (not "The account
    from the base chief adds a voice to the record on Benghazi, an attack so politically charged that ...")."""
    return not any(
        (w[0] in _LEADING_CONNECTIVES and w[0] not in COORDINATORS) or w[0] in SAY_VERBS for w in words
    )


def text_between(toks: list[tuple[str, int, int]], start: int, end: int) -> str:
    """The tokens between two offsets, joined by single spaces."""
    return " ".join(t[0] for t in toks if start <= t[1] and t[2] <= end)


def _word_before(text: str, end: int) -> str:
    """The lower-case word that ends at ``end`` (skipping the words of ``aux``: "researchers also found")."""
    words = text[max(0, end - 40) : end].split()
    while words and _adverb(words[-1]):
        words.pop()
    return words[-1].lower().strip(",") if words else ""


# a possessive right before a speech verb ("Spain’s hopes"), not "he's"/"who’s" ("is"/"has"), at the end
_POSSESSIVE_END = re.compile(
    r"(?<![\w’'])(?!(?:"
    + trie_pattern(_W["possessive_not"])
    + r")[’'])[A-Za-z][\w.\-&]*(?:[’']s|s(?P<plural>[’']))\s+\Z",
    re.I,
)


# a single quotation mark that opens a quotation: a plural's apostrophe after it may close it ("'We will
# fight this bus' says Jones")
_OPENING_SINGLE = re.compile(r"(?:^|(?<=\s))[‘']")


def _may_speak(text: str, vm: re.Match[str]) -> bool:
    """Cheap checks that rule a speech-verb match out before any parsing: "found" without "that", a
    progressive verb with no form of "be" among the three words before it ("warning signs")."""
    t, e = vm.group(0)[1:], vm.end() - 1
    if t[-1] == "s" or t[-2:] == "ed":  # (not "Friends of Mr. Doe's say")
        lead = text[max(0, vm.start() - 3) : vm.start()].rstrip()
        if lead.endswith(("’s", "'s", "s’", "s'")):
            pos = _POSSESSIVE_END.search(text, max(0, vm.start() - 40), vm.start())
            if pos is not None and (
                pos.group(1) is None or _OPENING_SINGLE.search(text, 0, pos.start()) is None
            ):
                return False  # "Spain’s hopes", "Curiel’s alleged bias": a noun or its modifier, no speech
        elif (adj := _ADJECTIVE_BEFORE.search(text, max(0, vm.start() - 7), vm.start())) is not None and not (
            t[-1] == "s" and adj.group(1).lower() in _DEMONSTRATIVES
        ):
            # "the alleged scheme", "an estimated 6,500", "articles from noted scholars": an adjective; "his
            # calls to end the rigged economy", "their claims": a noun (not "this says", "these show"; not across
            # a comma: "without asking her, pledged")
            return False
        elif (
            t[-1] == "s"
            and (rel := _RELATIVE_VERB_BEFORE.search(text, max(0, vm.start() - 24), vm.start())) is not None
            and rel.group(1) not in _PRONOUNS  # "that he says", "which it calls", "that everyone says"
            and not rel.group(1).endswith(("one", "body"))
            and not _adverb(rel.group(1))  # "which also states"
            and not _people_head(rel.group(1))
        ):
            return False  # "the teams that review reports of accounts": the relative clause's object
    if t == "say" and _word_before(text, vm.start()) in _SAY_NOUN_BEFORE:
        return False  # "to give Parliament the final say on trade deals": a noun
    if t in _TOLD_VERBS and _TOLD_ABOUT.match(text, e) and _QUOTE_MARK.search(text, 0, vm.start()) is None:
        # "Armstead told jurors at the trial about the moment she was struck": a topic, no words (not '"...,"
        # Trump told Yahoo in response to a question about the searches': the quotation is what was told)
        return False
    if t in _NOUN_BEFORE_OF and text.startswith(" of ", e):
        return False  # "One of the central claims of President Barack Obama's speech": a noun
    if t == "states":
        before = _word_before(text, vm.start())
        if before in _STATES_NOUN_BEFORE or before[:1].isdigit():
            return False  # "in other solidly Democratic states, like Illinois", "the 50 states": a noun
        if text[vm.start() - 1 : vm.start()] == "-":
            return False  # "Europe's nation-states", "city-states": a noun
        raw = text[max(0, vm.start() - len(before) - 1) : vm.start()].strip()
        two_back = _word_before(text, vm.start() - len(before) - 1) if raw[:1].isupper() else ""
        if two_back in _STATES_NOUN_BEFORE and two_back not in _DETS:
            # "into key Senate states", "the Gulf Arab states": a noun after its capitalised modifier (not "The
            # Constitution states that")
            return False
    if t in _AT_QUOTATION and _QUOTE_MARK.search(text) is None:
        return False  # "Fighting continued."
    if t in _WITH_OBJECT_THAT and _OBJECT_THAT.match(text, e) is None:
        return False  # "It is telling that ...", "they are telling the truth": no words told
    if t in OBJECT_OF_VERBS and _OBJECT_OF.match(text, e) is None:
        return False  # "the accused", "was accused of fraud": no accusation made by the subject
    if t in OBJECT_AS_VERBS and (
        _OBJECT_AS.match(text, e) is None
        or _word_before(text, vm.start()) == "and"
        or any(f", {c} " in text[: vm.start()] for c in COORDINATORS)
    ):
        # "a man described as dangerous", "described in detail how": no characterisation made; "... said a
        # former official who oversaw the inquiry and described it as ...": a second predicate, whose subject
        # the sentence's other verb names; "This neighborhood is mostly made up of Indian families, and
        # residents describe it as quiet": a clause after the writer's own, which stays the writer's
        return False
    if t in _FIRST_CLAUSE_VERBS and (
        _word_before(text, vm.start()) == "and" or any(f", {c} " in text[: vm.start()] for c in COORDINATORS)
    ):
        return False  # "Sales fell in March, and the company expects that ...": the writer's report stays his
    if (
        t in _CONTENT_ONLY
        and _CONTENT_AFTER.match(text, e) is None
        and _OBJECT_THAT.match(text, e) is None
        and _QUOTE_MARK.search(text) is None
    ):
        return False  # "Clinton testified before the panel last fall": no words
    if (
        t in _DETERMINED_OBJECT_VERBS
        and _DETERMINED_OBJECT.match(text, e) is not None
        and _FINDING_OBJECT.match(text, e) is None
        and _SMALL_CLAUSE.match(text, e) is None
        and _OBJECT_THAT.match(text, e) is None
    ):
        # "researchers at OpenAI revealed an algorithm capable of ...", "Trump posted a photo of himself",
        # "Romney announced his candidacy": a thing made public, an act (not "revealed her husband had taken
        # her name", "reveals a few relevant facts: ...", a finding: "Figures from the ECDC revealed a surge of
        # coronavirus cases")
        return False
    if t in _ACT_OBJECT_VERBS and _ACT_OBJECT.match(text, e) is not None:
        return False  # "Sanders maintained his double-digit lead", "claimed a victory": a standing, an act
    if t in _SAY_BEFORE and not text.startswith(_SAY_BEFORE[t], e):
        if t in _AS_FRAME_VERBS and _as_frame(text, vm, _SAY_BEFORE[t]):
            return True  # "As Jane Doe pointed out in December, the delegates ...": what follows the comma is hers
        if (
            t in _QUOTATION_OBJECT_VERBS
            and vm.group(0)[0] == " "
            and _OBJECT_QUOTATION.match(text, e)
            and _RELATIVE_NAMING.isdisjoint(text[max(0, vm.start() - 40) : vm.start()].lower().split()[-4:])
        ):
            # (not a naming aside: "what her team calls her “breaking barriers” agenda", "as Trump called it")
            return True  # "Ms. Friedan called Mrs. Schlafly an “Aunt Tom”": the quoted words are hers
        # "The survey found 40 percent ...", "Researchers found the links being spread": a finding, reported
        # by who found it ("The researchers found the tool in a quarry" is an act: a thing found, no clause)
        if t not in _FINDER_VERBS:
            return False
        who = _word_before(text, vm.start())
        if (
            who not in _FINDERS
            and vm.start() < 160
            and not _FINDERS.isdisjoint(text[: vm.start()].lower().split()[: _FINDER_MODIFIERS + 2])
        ):
            # the document that opens the sentence, described before its verb ("A Monmouth poll out Monday
            # showed Clinton with a lead")
            toks = _tokens(text, 0, vm.start())
            d = _finder_head(toks, len(toks))
            # (a poll's or a survey's finding, or a clause: "A report by the commission found the missing files
            # in a basement" is an act)
            if d is not None and (
                toks[d][0].lower().rstrip("s") in _POLL_NOUNS or _SMALL_CLAUSE.match(text, e) is not None
            ):
                return True
        return who in _FINDERS and (who in _DOCUMENTS or _SMALL_CLAUSE.match(text, e) is not None)
    if t.endswith("ing"):
        return (
            _after_comma(text, vm.start())
            or (t in _SPEECH_PARTICIPLES and _after_by(text, vm.start()))
            or any(w in _BE for w in text[max(0, e - 60) : vm.start()].split()[-3:])
        )
    return True


_AS_FRAME_VERBS = frozenset(_EN["verbs"]["as_frame_verbs"])
_AS_FRAME_BEFORE = re.compile(_P["as_frame_before"])
_AS_FRAME_AFTER = re.compile(_P["as_frame_after"])


def _as_frame(text: str, vm: re.Match[str], befores: tuple[str, ...]) -> bool:
    """Whether the verb ``vm`` (one of `say_before`, without the words it speaks before) ends a clause that
    opens the sentence with "as", a time or a place between it and the comma ("As Jane Doe pointed out in
    December, ...", "But as John Roe points out in a column, ..."): the verb's particle kept ("out" of " out
    that ", " out, "), if its words have one."""
    if text[:1] not in "AaBSY" or _AS_FRAME_BEFORE.match(text[: vm.start()]) is None:
        return False
    after = _AS_FRAME_AFTER.match(text, vm.end() - 1)
    if after is None:
        return False
    particles = {b.split()[0] for b in befores if b[:1] == " " and b.split() and b.split()[0].isalpha()}
    particles -= {"that", "to", "for"}  # (words of the clause, not particles of the verb)
    got = (after["particle"] or "").strip()
    return got in particles if particles else not got


def _pronoun_opener(toks: list[tuple[str, int, int]], p: int) -> bool:
    """Whether the tokens before the pronoun at token ``p`` (from the sentence's start) only open the
    sentence: a connective or adverb ("But he said", "Later she added"), a bullet ("- He warned"), a time
    phrase ("In 2009 she told People", "On Monday he said", "Last week she wrote"), or a connective and a
    time phrase ("And in 2005 she told", "Back in 2009 she told")."""
    first = toks[0][0].lower()
    if p == 1:
        return first in _PRONOUN_OPENERS
    if (
        2 <= p <= 7
        and toks[0][0][:1].isupper()
        and first.endswith(_PARTICIPLE_OPENER_ENDING)
        and not first.endswith(_PARTICIPLE_OPENER_NOT)
        and toks[p][0] in ("he", "she")
        and all(t[:1].isalpha() for t, _, _ in toks[1:p])
    ):
        return True  # a participle phrase with no comma ("Speaking through an interpreter he added")
    if first in _PRONOUN_OPENERS or first == "back":
        toks, p = toks[1:], p - 1
    return (
        2 <= p <= 4
        and toks[0][0].lower() in _TIME_PREPOSITIONS
        and all(t in _TIME_WORDS or t.isdigit() for t, _, _ in toks[1:p])
    )


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a phrase starting at ``start`` is the sentence's subject: only connectives before it."""
    before = text[:start].split()
    return len(before) <= 2 and all(
        w.strip(",").lower() in _LEADING_CONNECTIVES or w.strip(",") in CAP_STOP for w in before
    )


_OPENING_SPAN = 150  # how far into a sentence its opening phrase may run
_NAME_JOINERS = frozenset({"of", "for", "and", "&"}) | entities.NAME_PARTICLES
# the words that open a phrase before a sentence's subject ("In ..., ", "Like Corker, ", "When ..., ")
_OPENING_WORDS = _PHRASE_PREPOSITIONS | _OPENING_PREPOSITIONS | _OBJECT_PREPOSITIONS | _SUBORDINATE_OPENERS


def _no_name(phrase: str) -> bool:
    """Whether a phrase read as a subject is only a time or a number ("Eight", "Eight years", "But on
    Tuesday"), its connectives and prepositions aside."""
    words = [
        w
        for w in phrase.split()
        if w.lower() not in _FUNCTION_WORDS and w.lower() not in _LEADING_CONNECTIVES and w.lower() != "but"
    ]
    return bool(words) and all(
        w in _TIME_WORDS or w.lower() in _TIME_WORDS or w in _NOT_NAME_ENDS or w.isdigit() for w in words
    )


def _pronoun_after_opening(text: str, before: int) -> str:
    """The pronoun that follows the opening phrase of a sentence, up to its first comma before ``before``
    ("Eight years ago, he supported ..." -> "he"), else ""."""
    comma = text.find(", ", 0, min(_OPENING_SPAN, before))
    word = text[comma + 2 :].split(None, 1)[0] if comma > 0 and text[comma + 2 :].strip() else ""
    return word if word in ("he", "she", "they") else ""


def _opening_pronoun(text: str, before: int) -> str:
    """The pronoun subject after a phrase of a preposition or a time that opens the sentence ("In television
    interviews on Sunday, he defended ...", "On Tuesday, she rejected ...") before ``before``, else ""."""
    first = text.split(None, 1)[0].strip(",").lower() if text.strip() else ""
    if first not in _OPENING_WORDS and first.capitalize() not in _TIME_WORDS:
        return ""
    return _pronoun_after_opening(text, before)


def _named_opening(text: str, before: int = _OPENING_SPAN) -> tuple[str, int, int] | None:
    """The person or organisation named as the subject of the sentence's main clause ("Hillary Clinton went on
    offense ...", "In an interview with ABC News, Trump doubled down ...": after an opening phrase of a
    preposition, a time or a subordinate clause, up to its comma), not a thing of theirs ("Trump's remarks
    drew ..."), else None. ``before``: where the speech verb stands (the subject is looked for before it)."""
    words = text.split(None, 2)
    first = words[0].strip(",").lower() if words else ""
    # "Continuing to explain his perspective, Carson rejected ...": a participle phrase opens the sentence
    participle = first.endswith("ing") and len(words) > 1 and words[1][:1].islower()
    # "Hours later, Trump returned ...", "Back in 1999, Mr. Trump ...": a time phrase opens the sentence
    timed = first == "back" or any(
        w.endswith(",") and w[:-1] in _TIME_PHRASE_ENDS for w in text.split(None, 5)[1:5]
    )
    dateline = _DATELINE_OPENING.match(text)
    if dateline is not None:  # "Washington (AFP) – Democrat Hillary Clinton has taken a swipe ..."
        d = dateline.end()
        rest = _named_opening(text[d:], before - d)  # ("BUENA PARK, Calif. - Rallying ..., Hillary Clinton")
        return None if rest is None else (rest[0], rest[1] + d, rest[2] + d)
    got = None if participle or timed else _named_subject_at(text, 0)
    if got is not None or not text:
        return got
    if not (participle or timed or first in _OPENING_WORDS or first.capitalize() in _TIME_WORDS):
        return None
    comma = text.find(", ")
    while 0 < comma < min(_OPENING_SPAN, before):
        if text[comma + 2 :].split(None, 1)[0].lower() in _PRONOUNS:
            return None  # "In television interviews on Sunday, he defended ...": the pronoun is the subject
        got = _named_subject_at(text, comma + 2)
        if got is not None:
            return got
        comma = text.find(", ", comma + 2)
    return None


def named_opening(text: str) -> tuple[str, int, int] | None:
    """The person or organisation named as the subject of a sentence's main clause after an opening phrase
    of a preposition, a participle or a subordinate clause ("On the same day as the rally, Sanders was on
    CNN ...", "After meeting Jeb Bush in Washington, Trump was ..."), and its offsets, or None (also for a
    sentence that opens with no such phrase: ``sentence_subject`` reads its subject): what a pronoun in the
    next sentence may stand for."""
    first = text.split(None, 1)[0].strip(",").lower() if text.strip() else ""
    if first not in _OPENING_WORDS and not first.endswith("ing"):
        return None
    return _named_opening(text)


_DESCRIBED_OPENERS = frozenset(_W["described_openers"])


def _described_opening(text: str, before: int) -> tuple[str, int, int] | None:
    """A person described, not named, as the subject that opens the sentence ("The New York businessman has
    praised Putin, saying ...", "Both parents stiffened their denunciation, saying ..."): an article, up to
    four modifiers and a noun of a person (not of a body: "The army shelled the port, arguing ..."), a
    lower-case word after it; else None."""
    toks = _tokens(text, 0, min(before, _OPENING_SPAN))
    if len(toks) < 3 or toks[0][0].lower() not in _DESCRIBED_OPENERS:
        return None
    for i in range(1, min(6, len(toks) - 1)):
        w = toks[i][0]
        if w.islower() and w not in _ORG_NOUNS and (w in ROLE_WORDS or w in _ANON_HEADS or _agent_noun(w)):
            if not toks[i + 1][0][:1].islower():
                return None
            return text_between(toks, toks[0][1], toks[i][2]), toks[0][1], toks[i][2]
        if not w.replace("-", "").isalpha():
            return None
    return None


def name_descriptor(w: str) -> bool:
    """A lower-case noun that may stand before a name as its title ("candidate", "chairman", "rival")."""
    return w in ROLE_WORDS or w in _NAME_DESCRIPTORS or _agent_noun(w)


def bare_description(speaker: str) -> bool:
    """Whether a speaker is a person described, not named: a describing noun alone ("candidate" of "The
    candidate said") or after its modifiers ("Republican presidential candidate", "billionaire real estate
    magnate"): whom it stands for is read from the sentences before, if anywhere."""
    return speaker.rpartition(" ")[2] in _NAME_DESCRIPTORS


def descriptions_before(text: str, start: int) -> list[str]:
    """The descriptions that the words right before a name at ``start`` give its person, in lower case,
    shortest last: "Democratic presidential nominee Hillary Clinton" -> ["democratic presidential nominee",
    "presidential nominee"], for a later "The Democratic presidential nominee explained" (the noun alone,
    "nominee", is left to the titles: it may describe several). Empty when no describing noun stands there."""
    # (the word right before first: most names have no describing noun there, and the wider look is skipped)
    last = text[max(0, text.rfind(" ", max(0, start - 30), max(0, start - 1)) + 1) : start].strip()
    if not last.islower() or not name_descriptor(last):
        return []
    words = text[max(0, start - 60) : start].split()
    run = [words[-1]]
    for w in reversed(words[:-1]):
        if (
            len(run) >= 4
            or not w.replace("-", "").isalpha()
            or w.lower() in _DETS
            or w.lower() in _FUNCTION_WORDS
        ):
            break
        if w.islower() and not (w.endswith(_ADJECTIVE_ENDS) or name_descriptor(w) or w in _ORG_NOUNS):
            break
        run.insert(0, w)
    return [" ".join(run[i:]).lower() for i in range(len(run) - 1)]


# a dateline that opens a sentence: a place, the agency in brackets, a dash ("WASHINGTON (Reuters) - ")
_DATELINE_OPENING = re.compile(
    # "Washington (AFP) – ", or a town in capitals: "LA CROSSE, Wisc. — ", "CLEVELAND - "
    r"(?:[A-Z][\w.’' ]{1,30}?(?:, [A-Z][\w.]+)? \([A-Z][\w .-]{0,20}\)|[A-Z][A-Z.’' ]{1,30}?(?:, [A-Z][\w.]+)?)"
    r" ?[-–—] ?(?=[A-Z])"
)
_BRACKET_AFTER = re.compile(r"\s*\((?P<inner>[^()]{1,12})\),?")


def _named_subject_at(text: str, start: int) -> tuple[str, int, int] | None:
    """The named subject that opens ``text[start:]`` (see ``_named_opening``), offsets in ``text``."""
    found = _sentence_subject(text[start:])
    if found is None:
        return None
    # the name up to a lower-case word between names: "Mrs. Schlafly endorsed Donald J. Trump" is read as one
    # phrase, of which "Mrs. Schlafly" is the subject
    toks = _tokens(text, found[1] + start, found[2] + start)
    cut = next(
        (
            i
            for i in range(1, len(toks) - 1)
            if toks[i][0][:1].islower()
            and toks[i + 1][0][:1].isupper()
            # (not a word inside a name or a title: "Secretary of State Madeleine Albright", "Iowa and New
            # Hampshire", "Ursula von der Leyen")
            and toks[i][0] not in _NAME_JOINERS
            # (nor a noun that describes the name after it: "Republican presidential candidate Ted Cruz",
            # "Clinton campaign chairman John Podesta")
            and not name_descriptor(toks[i][0])
        ),
        None,
    )
    if cut is not None:
        toks = toks[:cut]
    subj = (text_between(toks, toks[0][1], toks[-1][2]), toks[0][1], toks[-1][2])
    if subj[0].endswith(("’s", "'s")) or "’s " in subj[0] or "'s " in subj[0]:
        return None
    if not subj[0].split()[-1][:1].isupper():
        return None  # "The army shelled the port, arguing ...": a common noun, no name
    first = subj[0].split(None, 1)[0].lower()
    if (
        (start == 0 and not _opens_sentence(text, subj[1]))
        or subj[0].split(None, 1)[0] in _TIME_WORDS  # "Tuesday at Baldwin Wallace University, ..."
        or first in _OPENING_WORDS
    ):
        return None  # "In nearby Decatur, the plant ...", "Outside the campaign, Democrats ...": no subject
    after = subj[2]
    bracket = _BRACKET_AFTER.match(text, after)
    if bracket is not None and _PARTY_ASIDE.match(bracket["inner"]):
        after = bracket.end()  # "Florida Gov. Rick Scott (R) blasted Congress": the party and state
    nxt = text[after:].split(None, 1)
    w = nxt[0].strip(",") if nxt else ""
    if w in ROLE_WORDS or w in _ANON_HEADS or w in _ORG_NOUNS or w in _DOCUMENTS or _agent_noun(w):
        return None  # "The New York businessman has praised ...": the phrase runs on into a common noun
    if first in _DETS and w[:1].islower() and not (w in _AUX or w.endswith(("ed", "s")) or _adverb(w)):
        return None  # "The Miami kin has been battling ...", "The Communist Party daily Granma": its noun
    if start > 0 and not (subj[0][:1].isupper() and w[:1].islower()):
        return None  # a name and its verb ("At a rally in Portsmouth, N.H., on Tuesday, ...": no "N.H." said)
    src = classify_source(subj[0])
    return subj if src is not None and src.kind in ("person", "organisation") else None


# after an inverted verb's speaker, where the speaker spoke: "..., said CEO Craig Menear in the company's news
# release." (the possessive would end the name there)
_INVERTED_SPOKEN_IN = re.compile(
    r"\s+in\s+(?:the|a|an)\s+(?:[\w’'.-]+\s+){0,3}?(?:" + "|".join(map(re.escape, _SPOKEN_IN)) + r")\b.*$"
)


def _inverted_source(text: str, m3: re.Match[str]) -> Source | None:
    """The source named after an inverted speech verb ('..., said prison spokesman Al Quintero.'), or None
    when what follows the verb is a clause, a place or a manner."""
    np3 = _INVERTED_SPOKEN_IN.sub("", _INVERTED_TAIL.sub("", m3["np"]))
    # '..., reported that the agency ...': a clause follows the verb, not its speaker
    # (nor a place or manner: '..., X, said in a statement.')
    complement = re.match(
        r"(?:that|if|whether|how|what|when|where|why|in|on|at|to|with|from|for|during|after)\b", np3
    )
    # (nor a reported clause: ", said the museum would close in March", ", said they touched on ...")
    clause = (
        complement is not None
        or not _CLAUSE_VERBS.isdisjoint(np3.lower().split())
        or np3.split(None, 1)[:1] == []  # (only spaces after the verb: "'' said  ''")
        or np3.split(None, 1)[0].lower() in _PRONOUNS
    )
    src = classify_source(np3) if np3 and not clause else None
    named = _NAME_AFTER_ROLE.match(text, m3.end()) if src is not None else None
    if named is not None and not any(m.kind == "person" for m in entities.mentions(np3)):
        # '..., said the county's director of public health, Jane Doe.': the name after the role
        person = classify_source(named["name"])
        if person is not None and person.kind == "person":
            src = person
    if (
        src
        and src.kind in ("person", "organisation")
        and m3.group(0).lstrip(',”"’ ').startswith("report")
        and (_unknown_name(np3, src) or src.name.split()[-1] in OUTLET_HEADS)
    ):
        src = Source(src.name, "outlet")  # '..., reported Euro News.'
    return src


def _aside_subject(
    text: str, toks: list[tuple[str, int, int]], k: int, after_quotation: bool = False
) -> tuple[str, int, int] | None:
    """The person or organisation that opens the sentence when only asides between commas stand between it
    and the verb k, whatever their shape: "Grant Young, another unaligned Iowa Republican strategist, said",
    "Cory James, 22, of Flint, Mich., said", "Clinton, after the scandal broke in March, initially said";
    or (``after_quotation``: only that) the name that opens what follows a closed quotation."""
    b = k - 1
    while b > 0 and _adverb(toks[b][0]):
        b -= 1
    if b < 1 or toks[b][0] != ",":
        return None
    inverted = _INVERTED.match(text, toks[b][1])
    if inverted is not None and _inverted_source(text, inverted) is not None:
        return None  # ("And Trump, said Sunshine, who ...": the name after the verb speaks)
    subj = None if after_quotation else _named_opening(text, toks[k][1])
    if subj is None:
        # '"...," Adam Green, co-founder of the committee, said': the name opens what follows the quotation
        ends = list(_QUOTATION_THEN.finditer(text, 0, toks[b][1]))
        if ends:
            q = ends[-1]  # (the last quotation before the name's comma)
            got = _named_subject_at(text[q.end() :], 0)
            subj = None if got is None else (got[0], got[1] + q.end(), got[2] + q.end())
    return subj if subj is not None and text.startswith(",", subj[2]) else None


# the end of a quotation and its comma before what follows it ('"...," ', "''...,'' ")
_QUOTATION_THEN = re.compile(r",\s*(?:[”\"]|'')\s+(?=[A-Z])")


def _after_comma(text: str, s: int) -> bool:
    """Whether the word at ``s`` follows a comma: a participle clause ("..., saying it would cost too much"),
    also where a quotation closes after the comma ('a defense of “New York values,” saying the city ...')."""
    return text[max(0, s - 4) : s].rstrip().endswith((",", ",”", ',"', ",’", ",''"))


def _after_by(text: str, s: int) -> bool:
    """Whether the word at ``s`` follows "by": the means of the sentence's main verb ("Bolton distanced himself
    from the movement by saying he would ...")."""
    before = text[max(0, s - 4) : s].rstrip()
    return before.endswith((" by", " By")) or before in ("by", "By")


_QUOTE_MARK = re.compile(r"[“”\"]")
# what may follow a speech verb that closes a sentence after its quotation ('..., Tyler Reguly, technical
# manager at Tripwire, says.', "..., she said on Twitter."): a frame, though the writer left the quote open
_FRAME_END = re.compile(r"[^\"“”]{0,40}$")


def _quotations(text: str) -> list[tuple[int, int]]:
    """The spans of a sentence's quotations: “ and an opening " (at the start or after a space, before a
    word) open one, ” and any other " close it; a closing mark before any opening one ends a quotation
    that began in a sentence before; a quotation still open at the end runs to the end."""
    spans = []
    start: int | None = None
    first = True
    for m in _QUOTE_MARK.finditer(text):
        i, ch = m.start(), m.group(0)
        # (a ” written where “ was meant, after a space and before a word, opens one too: 'let policy aides
        # ”get close to Ben ...”')
        opens = ch == "“" or (
            ch in '"”'
            and (i == 0 or text[i - 1] in " (—–\n")
            and i + 1 < len(text)
            and (text[i + 1].isalnum() if ch == "”" else not text[i + 1].isspace())
        )
        if opens and start is None:
            start = i
        elif not opens:
            if start is not None:
                spans.append((start, i))
            elif first:
                spans.append((0, i))  # '... in everyone's interest," said X': the words before the mark
            start = None
        first = False
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _outside_quotations(text: str, verbs: list[re.Match[str]]) -> list[re.Match[str]]:
    """The speech verbs of ``verbs`` outside the sentence's quotations: 'He said: "... the US government has
    informed the UK ..."' is framed by "He said", and '"Harrison told me that playing in the NBA is
    different.' (a quotation going on from the paragraph before) by no verb of the quoted words. A verb
    that ends the sentence ('..., Tyler Reguly says.') frames it though the writer left the quotation open.
    (A match at i in the padded text is the verb at i in the sentence.)"""
    spans = _quotations(text)
    if not spans:
        return verbs
    return [
        vm
        for vm in verbs
        if not any(a < vm.start() < b for a, b in spans) or _FRAME_END.match(text, vm.end() - 1) is not None
    ]


# two apostrophes right after a word or its punctuation: a closing quotation mark ("deemed ''top secret,'' saying")
_CLOSING_APOSTROPHES = re.compile(r"(?<=\S)''")


def plain_text_quotes(text: str) -> str:
    """``text`` with each quotation mark written as two apostrophes or two backquotes (the plain-text form of
    news archives and wire copy: "''It's bad for the party,'' Mr. Stevens said.", "``We will win,'' he said.")
    read as a quotation mark next to the words it stands by, so that every offset stays where it was: two
    apostrophes right after a word or its punctuation close, '" ' ("''top secret,'' saying" is read as
    '"top secret," saying'); any others are a space and '"' (which opens or closes by the spaces around it);
    the backquotes a space and '“' (which only open, though a space follows: "`` is seeking''")."""
    return _CLOSING_APOSTROPHES.sub('" ', text).replace("''", ' "').replace("``", " “")


def _as_put_it(text: str) -> tuple[Source | str, tuple[int, int], tuple[int, int]] | None:
    """Who speaks in "as X put it" ("The rent is too high, as one tenant put it.", "As Tom Ridge, a former
    secretary of homeland security, put it: ..."): their source (or their pronoun, "as he puts it"), the cue's
    span and the span of what they said (the sentence without the cue and its commas); None when the sentence
    has no such cue or X is no source."""
    m = _AS_PUT_IT.search(text)
    if m is None:
        return None
    # the cue opens the sentence (a connective of three words at most before it: "Or, as ...", "That is
    # because, as he puts it, ...") or ends it ("..., as she put it on Wednesday."); an aside inside it names who
    # said the words quoted next to it only ("the embrace of “the collective society,” as Margaret Thatcher put
    # it, also had ...": the writer's sentence)
    before = text[: m.start()].strip(' “"~*•—–-')  # (a list's mark before it: "~ As Vulture put it, ...")
    if before and (len(before.split()) > 3 or before[-1] != ",") and not _PUT_IT_TAIL.match(text, m.end()):
        return None
    x = m["x"].strip()
    if x.lower() in _PRONOUNS:
        who: Source | str = _PRONOUNS[x.lower()]
    else:
        src = classify_source(x)
        if src is None:
            return None
        src.start, src.end = m.start("x"), m.end("x")
        who = src
    before, after = text[: m.start()].rstrip(" ,;:—–-"), text[m.end() :].lstrip(" ,;:—–-")
    content = (0, len(before)) if len(before) >= len(after) else (len(text) - len(after), len(text))
    return who, (m.start(), m.end()), content


def attribute(text: str, lang: str | None = None) -> Attribution | None:
    """The attribution of one sentence (offsets in ``text``), or None when it has none.

    ``lang``: the article's language; one with a ``factcheck/lang/<code>/speech.toml`` other than English
    is read by ``factcheck.attribution_intl`` from that vocabulary, anything else by the English rules."""
    if lang is not None and lang != "en" and attribution_intl.supported(lang):
        got = attribution_intl.attribute(text, lang)
        if got is None:
            return None
        return Attribution(got.speaker, got.kind, got.chain, got.spans, got.pronoun, got.verb, got.content)
    if "''" in text or "``" in text:
        text = plain_text_quotes(text)
    if text[:1] in "TtHhN" or not text[:1].isalpha():  # (a cheap gate: the connective opens the sentence)
        lead = _CONNECTIVE_SAID.match(text)
        if lead is not None:  # "That said the government has ...": blanked, offsets kept
            text = " " * lead.end() + text[lead.end() :]
    low = text.lower()
    # most sentences have none of the words any rule below needs: one set of cheap checks decides
    reporter_gate = (
        "according" in low
        or " by " in low
        or "citing" in low
        or ", per " in low
        or low[:4] == "per "
        or _has_any(low, _INTERVIEW_GATE)
    )
    quoted_gate = "quoted" in low or "cited" in low
    say_verbs = [vm for vm in say_verb_matches(text) if _may_speak(text, vm)]
    if say_verbs and ("“" in text or "”" in text or '"' in text):
        say_verbs = _outside_quotations(text, say_verbs)
    if not (
        reporter_gate
        or quoted_gate
        or say_verbs
        or _has_any(low, _NEG_GATE)
        or _has_any(low, _AS_PUT_IT_GATE)
    ):
        return None
    # "While experts often say that ..., there is an advantage to ..., says Kostro Miller.", "When the agency
    # said ..., the union said ...": the main clause's source speaks, the subject of a subordinate clause
    # that opens the sentence only when the main clause names none
    if (
        say_verbs
        and text[:1].isupper()
        and text.partition(" ")[0].lower() in CLAUSE_OPENERS
        and (len(say_verbs) > 1 or _INVERTED.search(text) is not None)
    ):
        main = _attribute(text, low, reporter_gate, quoted_gate, say_verbs, skip_opening=True)
        if main is not None:
            return main
    english_att = _attribute(text, low, reporter_gate, quoted_gate, say_verbs)
    said = next((vm for vm in say_verbs if vm.group(0)[1:] in _POSTMODIFIED_VERBS), None)
    if (
        said is not None
        and (
            english_att is None
            # ("The company's workers at the plant in Ohio said": where the people are is no speaker)
            or (english_att.speaker in PLACES and f" in {english_att.speaker} " in text[: said.start() + 1])
        )
    ):
        return _postmodified_subject(text, said) or english_att
    return english_att


_POSTMODIFIED_VERBS = frozenset(_W["postmodified_verbs"])
_POSTMODIFIER_OPENERS = frozenset(_W["postmodifier_openers"])
_POSTMODIFIED_OPENERS = frozenset(_W["postmodified_openers"])
_POSTMODIFIER_SPAN = 16  # the most tokens of the description between the head and the verb
_NO_POSTMODIFIER = re.compile(r"[,;:()“”\"—–]|\s-\s")


def _postmodified_subject(text: str, vm: re.Match[str]) -> Attribution | None:
    """People named by a plural head that opens the sentence, described after it (a participle, a relative
    clause, a preposition), then the speech verb ``vm`` ("say", "said", "told"), nothing between them set off
    by punctuation: "Republican activists clamoring to block Donald Trump from the GOP nomination say ..." ->
    "Republican activists", "Some advocates for stem cell research said ..." -> "advocates", "The state
    officials whose laws have been invalidated say ..." -> "state officials"; else None (only when no other
    rule of ``attribute`` finds a source)."""
    verb = vm.group(0)[1:]
    if _NO_POSTMODIFIER.search(text, 0, vm.start()):
        return None
    toks = _tokens(text, 0, vm.start())
    last = len(toks) - 1
    while last > 0 and _adverb(toks[last][0]):
        last -= 1
    if toks and (toks[last][0].lower() in _BE or toks[last][0].lower() == "being"):
        return None  # "Two workers at the depot were said to have been injured": a passive, no one speaks
    i = 0
    if toks and toks[0][0].lower() in _POSTMODIFIED_OPENERS:
        i = 1  # "But Republican activists ..."
    first = i
    if i < len(toks) and (toks[i][0].lower() in _DETS or toks[i][0].lower() in _QUANTIFIERS):
        i += 1  # "The state officials", "Some advocates", "Her campaign workers"
    head = next(
        (
            j
            for j in range(i, min(i + 4, len(toks) - 1))
            if (
                (toks[j][0].islower() or j == 0)
                and toks[j][0].endswith("s")
                and _people_head(toks[j][0].lower())
            )
            or (toks[j][0] in PARTY_MEMBERS and toks[j][0].endswith("s"))  # "Democrats trying to ..."
        ),
        None,
    )
    if head is None or head + 1 >= len(toks) or len(toks) - head - 1 > _POSTMODIFIER_SPAN:
        return None
    # the words before the head modify it: lower-case words or names ("Republican activists", "state officials")
    if not all(_plain_word(t[0]) and t[0].lower() not in _CLAUSE_VERBS for t in toks[i:head]):
        return None
    after = toks[head + 1][0]
    if not (
        after in _POSTMODIFIER_OPENERS
        or (after.islower() and after.isalpha() and len(after) > 4 and after.endswith(("ing", "ed")))
    ):
        return None
    src = classify_source(text_between(toks, toks[first][1], toks[head][2]))
    if src is None or src.kind not in ("anonymous", "organisation"):
        return None
    return Attribution(
        speaker=src.name,
        kind=src.kind,
        spans=[(vm.start() + 1, vm.end())],
        verb=verb,
        content=(vm.end(), len(text)),
    )


def headline_attribute(text: str) -> Attribution | None:
    """The attribution of a headline in title case whose speaker opens it ("Bernie Sanders Says He's Already
    Started Writing His Inaugural Address", "Trump Just Announced Who He 'Would Love' To See Run") or follows
    a comma ("'ISIS Truther' Donald Trump Is Like A Lawyer's Dumbest Client Ever, Trevor Noah Says"):
    the sentence's attribution with its first capitalised speech verb after the first word, and the
    adverbs right before it ("Just"), read in lower case. The speaker must be the words before them (after
    the comma), three at most ("Ben Carson Defends Himself Against Claims He ..." names no one who claims),
    none a capitalised function word ("Trump May Not Have Suggested ..."). None for a
    headline in sentence case (``attribute`` reads it) or of any other shape."""
    words = list(_HEADLINE_WORD.finditer(text))
    if len(words) < 3 or sum(w.group()[:1].isupper() for w in words) < _TITLE_CASE_SHARE * len(words):
        return None
    verb = next(
        (i for i, w in enumerate(words) if i and w.group()[:1].isupper() and w.group().lower() in SAY_VERBS),
        None,
    )
    if verb is None:
        return None
    first = verb
    while first > 1 and words[first - 1].group().lower() in _AUX:
        first -= 1
    lowered = text
    for w in words[first : verb + 1]:
        lowered = lowered[: w.start()] + w.group().lower() + lowered[w.end() :]
    got = attribute(lowered)
    if got is None or got.speaker is None:
        return None
    # the words before the verb, or after the last comma before it
    subject = text[: words[first].start()].rsplit(",", 1)[-1].strip(" ’'\"”")
    if (
        subject != got.speaker
        or len(subject.split()) > 3
        or any(w in CAP_STOP for w in subject.split())  # "Trump May Not Have Suggested ..."
    ):
        return None
    return got


_HEADLINE_WORD = re.compile(r"[\w’'-]+")
_TITLE_CASE_SHARE = 0.7  # the share of capitalised words that makes a headline title case


def _attribute(
    text: str,
    low: str,
    reporter_gate: bool,
    quoted_gate: bool,
    say_verbs: list[re.Match[str]],
    skip_opening: bool = False,
) -> Attribution | None:
    """The attribution of ``text`` from its cues (see ``attribute``); ``skip_opening``: no speaker from the
    subject of the subordinate clause that opens the sentence."""
    speakers: list[Source] = []
    reporters: list[Source] = []
    cited: list[Source] = []
    spans: list[tuple[int, int]] = []
    pronoun: str | None = None
    verb: str | None = None
    content: tuple[int, int] | None = None

    told: set[str] = set()  # outlets that were told something: the chain, never the speaker
    # documents that record what a speaker of the sentence said ("Hewitt said, according to a transcript of
    # the show"): the source only when the sentence names no one who spoke
    records: list[Source] = []

    def add_reporter(
        np: str, s: int, e: int, *, cite: bool = False, told_to: bool = False, cue: bool = False
    ) -> None:
        src = classify_source(np)
        if src is None and cue:
            src = _cited_common_noun(np)  # "according to the criminal charges", "according to cops"
        if src is None:
            return
        src.start, src.end = s, e
        spans.append((s, e))
        if cue and _records_speech(src, say_verbs, s):
            records.append(src)
        elif cite:
            cited.append(src)
        elif src.kind in ("outlet", "media"):
            reporters.append(src)
            if told_to:
                told.add(src.name)
        else:
            speakers.append(src)

    # most sentences name no reporter: one check before the loop over the patterns
    if reporter_gate:
        for rx, gate in (
            (_ACCORDING, "according"),
            (_AS_REPORTED, " by "),
            (_CONFIRMED_BY, ""),
            (_CITING, "citing"),
            (_PER, ""),
            (_INTERVIEW, ""),
        ):
            if gate and gate not in low:
                continue
            if rx is _CONFIRMED_BY and "confirmed by" not in low and "disclosed by" not in low:
                continue  # (the passive pattern is slow to scan: only where its words are)
            if (rx is _INTERVIEW and not _has_any(low, _INTERVIEW_GATE)) or (
                rx is _PER and ", per " not in low and low[:4] != "per "
            ):
                continue
            quoted = _quotations(text) if rx is _ACCORDING and say_verbs and _QUOTE_MARK.search(text) else []
            for m in rx.finditer(text):
                if rx is _INTERVIEW and _PASSIVE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                    continue  # "his office had not been told if ...": no one is told anything here
                if any(a < m.start() < b for a, b in quoted):
                    # '"It's according to age groups," said Mattie Thomas': the quotation's own words, said
                    # by whom a verb outside it names (say_verbs are outside quotations)
                    continue
                got = _forward_np(text, m.end())
                if not got:
                    continue
                np, e = got
                cut = _PARTICIPLE_TAIL.search(np)
                if cut is not None and classify_source(np) is None:
                    # "according to media reports monitoring the incident": the reports, not what they do
                    np, e = np[: cut.start()], e - (len(np) - cut.start())
                if rx is _CITING and not _cites_source(np):
                    continue  # "citing Canada's efforts to lure American companies": a reason, no source
                if rx is _INTERVIEW:
                    # "told the Daily Herald the suspect was arrested": the outlet's name ends the phrase
                    named = _LEADING_NAME.match(np) if m.group(0)[:4].lower() == "told" else None
                    if named is not None and named.end() < len(np):
                        np, e = named.group(0), m.end() + named.end()
                    src = classify_source(np)
                    if src is None or src.kind not in ("outlet", "media"):
                        continue
                add_reporter(
                    np,
                    m.start(),
                    e,
                    cue=rx is _ACCORDING,
                    cite=rx is _CITING,
                    told_to=rx is _INTERVIEW and m.group(0)[:4].lower() == "told",
                )
    mq = _QUOTED_AS.search(text) if quoted_gate else None
    if mq:
        toks = _tokens(text, 0, mq.start())
        subj = _subject_before([*toks, ("was", mq.start(), mq.start() + 3)], len(toks))
        if subj:
            src = classify_source(subj[0])
            if src:
                speakers.append(src)
                spans.append((subj[1], mq.end()))
                verb = "quoted"
        if mq["by"]:
            add_reporter(mq["by"], mq.start("by"), mq.end("by"))
    elif quoted_gate:
        m2 = _X_QUOTED_Y.search(text)
        if m2:
            src = classify_source(m2["y"])
            if src:
                speakers.append(src)
                spans.append((m2.start(), m2.end()))
                verb = "quoted"
    any_say = False
    relative = " who " in low  # (a subject's relative clause: "Residents who fled the fire said")
    relative_which = ", which " in low  # ("a request by The Washington Post, which argued that ...")
    cue_spans = list(spans)  # "according to media reports": "reports" is part of the source, no verb
    for vm in say_verbs:
        joined: tuple[str, int, int] | None = None  # two groups joined by "and" as the subject
        relative_content = False  # the subject is the antecedent of ", who" or ", which" before the verb
        opening: tuple[str, int, int] | None = None  # the main clause's named subject after an opening phrase
        t, s, e = vm.group(0)[1:], vm.start(), vm.end() - 1
        if any(a < s and e <= b for a, b in cue_spans):
            continue
        if (
            t in _TRANSITIVE_SAY
            and _QUANTITY_OBJECT.match(text, e)
            and not _CLOSED_QUOTATION_BEFORE.search(text, 0, s)
        ):
            # "the board added another $20,000", "the club posted a 3-1 win": not speech (but '“...,” added
            # another New Hampshire Republican': the inverted speaker right after a quotation)
            continue
        if text.startswith(" by ", e) and t.endswith("ed"):
            continue  # passive: "Eventually recalled by the Reich, Peters ..." ("reported by": the reporters)
        any_say = True
        ws = max(0, s - 200)
        toks = _tokens(text, ws, s)
        # a participle after a comma speaks for the subject of the sentence: "LaRue discounted the
        # rumours, saying the source was several people", "He rejected the plan, saying it would cost ..."
        participle = (
            t.endswith("ing")
            and (_after_comma(text, s) or (t in _SPEECH_PARTICIPLES and _after_by(text, s)))
            and (
                not _PARTICIPLE_HEADS.isdisjoint(text[:s].lower().split())
                or (
                    t in _SPEECH_PARTICIPLES
                    and (
                        text.split(None, 1)[0] in ("He", "She", "They")
                        or _opening_pronoun(text, s)
                        or _named_opening(text, s) is not None
                        or _described_opening(text, s) is not None
                    )
                )
            )
        )
        if t.endswith("ing") and _after_comma(text, s) and not participle:
            continue  # "Kyiv struck oil depots, arguing ...", "Similar issues were reported, suggesting ..."
        if t.endswith("ing") and not participle:
            # a progressive verb: "Researchers are (also) warning" speaks, "warning signs" does not; the
            # form of "be" goes, so that the subject is found as before a simple verb
            b = len(toks) - 1
            while b > 0 and _adverb(toks[b][0]):
                b -= 1
            if b < 0 or toks[b][0] not in _BE:
                continue
            del toks[b]
        toks.append((t, s, e))
        k = len(toks) - 1
        p = k - 1  # the pronoun, before adverbs: "He also added that ..."
        while p > 0 and toks[p][0] in _AUX:  # (not any -ly word: "he finally admitted his ruse" is an act)
            p -= 1
        # "Clinton caught flak ... when she said she could not support ...": a clause of a time or a reason
        # after the main one (not one that opens the sentence), with words reported after its verb
        subordinate = (
            p >= 2
            and toks[p - 1][0].lower() in PRONOUN_SUBORDINATORS
            and (
                (
                    t in _SUBORDINATE_SPEECH
                    and (
                        text.startswith(" that ", e)
                        or (t in ("said", "says") and not _SAID_OBJECT.match(text, e))
                    )
                )
                # ("when he told Fox News that Curiel was biased")
                or (t in _SUBORDINATE_TOLD_VERBS and _OBJECT_THAT.match(text, e) is not None)
            )
            and not any(tk[0].lower() in _CONDITIONS for tk in toks[: p - 1])
        )
        if (
            k > 0
            and not (p > 0 and toks[p - 1][0] == "and" and toks[p][0].lower() == "it")
            and toks[p][0].lower() in _PRONOUNS
            and (
                (p < 1 and ws == 0)
                or (p >= 1 and toks[p - 1][0] in _PRONOUN_AFTER)
                or subordinate
                # ("... went further than placating members: He also said that ...": a person's clause of its own)
                or (p >= 1 and toks[p - 1][0] in CLAUSE_MARKS and toks[p][0].lower() in ("he", "she"))
                or (ws == 0 and _pronoun_opener(toks, p))
            )
        ):
            if not speakers and pronoun is None:
                pronoun = _PRONOUNS[toks[p][0].lower()]
                spans.append((toks[p][1], e))
                verb = verb or t
                if content is None and subordinate:
                    # the main clause the subordinate one hangs on stays in what is reported, the writer's words
                    # with it ("A video shows a woman pushing a priest off a stage after he said, “...”" stays a
                    # claim); a clause joined before it ("The legislature passed a ban, but Gov. Fallin vetoed it
                    # because she said ...") is not framed
                    b = p - 1
                    while b > 0 and not (
                        toks[b][0] == ";" or (toks[b][0] in COORDINATORS and toks[b - 1][0] == ",")
                    ):
                        b -= 1
                    content = (toks[b][1] if b > 0 else 0, len(text))
                elif content is None:
                    content = (e, len(text)) if len(text) - e >= toks[p][1] else (0, toks[p][1])
            continue
        if participle:
            first = text.split(None, 1)[0].lower() if text.strip() else ""
            if first not in _PRONOUNS:
                first = _opening_pronoun(text, s) or first  # "On Tuesday, she rejected the plan, saying"
            if first in _PRONOUNS and not speakers and pronoun is None:
                pronoun = _PRONOUNS[first]
                spans.append((s, e))
                verb = verb or t
                continue
            # the subject of the main verb that takes the position ("The mayor rejected the plan, saying")
            h = next((i for i, tk in enumerate(toks) if tk[0].lower() in _PARTICIPLE_HEADS), 0)
            subj = _subject_before(toks[: h + 1], h) if h > 0 else None
            if subj is None or not _opens_sentence(text, subj[1]):
                # "The trust spending $100 million on a line in South Dade refused ...": not Dade; the named
                # subject of the main clause ("At a rally in Portsmouth, N.H., on Tuesday, Senator Bernie
                # Sanders endorsed Mrs. Clinton, saying ...")
                subj = _named_opening(text, s) or _described_opening(text, s)
                if subj is None:
                    continue
        else:
            subj = (
                _named_and_others(toks, k)
                or _unclosed_apposition(toks, k)
                or _subject_before(toks, k, relative)
            )
            if subj is None or _after_and(text, subj[1]):
                # "cops and family said", "Police and fire officials said": both groups speak (unnamed people,
                # whatever name a word of theirs holds: "Mafia informers and defectors said")
                joined = _joined_subject(toks, k)
                subj = joined or subj
            if (
                subj is not None
                and ws == 0
                and t in _FINDER_VERBS
                and (found := _finder_subject(text, toks, k)) is not None
                and subj[2] > found[2]
                and not _finder_agent(toks, found[2], subj[2])
            ):
                # a place, a time or a subject matter in the document's description is no speaker: "Polls in
                # New Hampshire show", "A survey by the organization in March found", "A review of his work in
                # Ukraine shows" (who made it is: "A review by The Times shows" -> The Times)
                subj = found
            if subj is None and ws == 0:
                that_after = text.startswith(" that ", e)
                subj = (
                    _document_subject(toks, k, that_after)
                    or (_finder_subject(text, toks, k) if t in _FINDER_VERBS else None)
                    or _aside_subject(text, toks, k)
                )
            elif subj is None:
                # a long quotation before the name and its aside: '"... (200 characters) ...," Adam Green,
                # co-founder of the Progressive Campaign Change Committee, said in a statement.'
                subj = _aside_subject(text, toks, k, after_quotation=True)
            # (what the relative clause reports is most of the sentence, and words: "said"/"says" and a
            # clause, or "that", a clause's pronoun or name, a quotation; not an act: "groups like ISIS, which
            # claimed responsibility for the attacks")
            if (
                subj is None
                and (relative or relative_which)
                and 3 * (len(text) - e) >= len(text)
                and (
                    t in ("said", "says")
                    or _CONTENT_AFTER.match(text, e) is not None
                    or _OBJECT_THAT.match(text, e) is not None
                )
                and (rel := _relative_speaker(toks, k)) is not None
            ):
                subj, relative_content = rel, True
        if subj is None and k > 0 and toks[k - 1][0] == "and":
            # ("In an interview with The Wall Street Journal, Trump doubled down ... and said": after the
            # opening phrase)
            opening = _named_opening(text, s)
            subj = opening or _sentence_subject(text)
            if subj is not None and _no_name(subj[0]):
                subj = opening = None  # "Eight years ago, he supported Obama and said": the pronoun, below
        if (
            subj is None
            and k > 0
            and not speakers
            and pronoun is None
            and (t in _SECOND_PREDICATE_VERBS or text.startswith(" that ", e))
            and _second_predicate(toks, k)
            and not (t == "said" and text.startswith(" to ", e))
            and _SUBORDINATE.isdisjoint(text[:s].lower().split())
        ):
            # "Investigators would not divulge the evidence but said ...", "He sold the property and later
            # said ...": the sentence's subject speaks (a verb of saying that frames nothing else of the
            # sentence; not in a subordinate clause: "after the rival flashed signs and said ...")
            # ("In an interview with The Wall Street Journal, Trump doubled down ... and said")
            opening = _named_opening(text, s)
            subj = opening or _sentence_subject(text)
            if subj is not None and _no_name(subj[0]):
                # "Eight years ago, he supported Obama and said", "But on Tuesday, he stood ... and urged": a
                # time opens the sentence, the pronoun after it is the subject
                subj = opening = None
            if subj is not None and not _named_subject(subj[0]):
                continue  # "Yet a next-door neighbor ...": the phrase cut before its head
            first = text.split(None, 1)[0] if subj is None and text.strip() else ""
            if subj is None and first.lower() not in _PRONOUNS:
                first = _pronoun_after_opening(text, s)
            if (first.lower() in _PRONOUNS and first[:1].isupper()) or first in ("he", "she", "they"):
                # "He sold the property and said he would double his money"
                if not speakers and pronoun is None:
                    pronoun = _PRONOUNS[first.lower()]
                    spans.append((s, e))
                    verb = verb or t
                    content = content or (e, len(text))
                continue
        if subj is None or (ws > 0 and subj[1] == toks[0][1]):
            continue
        subj_words = subj[0].split()
        if subj_words[0].lower() in _FIRST_PERSON and (
            len(subj_words) == 1 or subj_words[-1].lower() in _DOCUMENTS
        ):
            continue  # "Our own analysis shows that ...": the one who speaks, named elsewhere
        b = k - 1  # the token before the subject
        while b >= 0 and toks[b][1] >= subj[1]:
            b -= 1
        if skip_opening and ws == 0 and b <= 0:
            continue  # the subject of the opening clause ("While experts say ..., says X.")
        if (
            (b >= 0 and toks[b][0].lower() in _SUBORDINATORS) or subj_words[0].lower() in _SUBORDINATORS
        ) and not (t in ("said", "says") or text.startswith(" that ", e)):
            # "... after President Donald Trump announced in 2017 his decision": an act, not a source
            # ("after the authorities said he had ...", "when the agency said that ..." still report)
            continue
        src = (
            Source(subj[0], "anonymous")
            if joined is not None and subj is joined
            else classify_source(subj[0])
        )
        if src is None:
            continue
        src.start, src.end = subj[1], subj[2]
        spans.append((s, e))
        verb = verb or t
        if content is None and not participle:  # (a participle: the main clause is the writer's report)
            # (a subject after an opening phrase: what follows the verb is reported, not the phrase)
            after_opening = opening is not None and subj is opening
            # (a subject that opens the clause after a semicolon reports what follows: "...; Iran insists it
            # does not know his whereabouts")
            after_opening = after_opening or _opens_after_semicolon(text, subj[1]) or relative_content
            content = (e, len(text)) if after_opening or len(text) - e >= subj[1] else (0, subj[1])
        if t in ("reported", "reports") and _unknown_name(subj[0], src):
            aff = _AFFILIATION.match(subj[0])
            if aff and src.kind == "person":  # "Ken Rosenthal of Fox Sports reports": the outlet reports
                src = Source(
                    _ARTICLE_LEAD.sub("", subj[0][aff.end("head") :]).strip(), "outlet", src.start, src.end
                )
            src.kind = "outlet"  # "The Asahi Shimbun had reported", "Sky Sports reported"
        if src.kind in ("outlet", "media") and t in REPORT_VERBS | {"announced", "confirmed"}:
            if not any(r.name == src.name for r in reporters):
                reporters.append(src)
        elif src.kind in ("outlet", "media"):
            reporters.append(src)
        else:
            speakers.append(src)
    if not speakers and pronoun is None and any_say:  # the inverted verbs are all speech verbs
        m3 = _INVERTED.search(text)
        # (not a verb already read after its subject: "Christina C. Wee, MD, Deputy Editor, reports employment
        # with ...": what follows it is its object, not its speaker)
        if m3 and any(a <= m3.start("verb") < b for a, b in spans):
            m3 = None
        if m3:
            src = _inverted_source(text, m3)
            if src:
                (reporters if src.kind in ("outlet", "media") else speakers).append(src)
                spans.append((m3.start(), m3.end()))
                verb = verb or "said"
    if not speakers and pronoun is None and _has_any(low, _NEG_GATE):
        m4 = _NEG_SPEECH.search(text)
        if m4:
            toks4 = _tokens(text, 0, m4.start())
            subj = _subject_before([*toks4, ("did", m4.start(), m4.end())], len(toks4))
            if subj:
                src = classify_source(subj[0])
                if src:
                    speakers.append(src)
    if not speakers and pronoun is None and not reporters and _has_any(low, _AS_PUT_IT_GATE):
        put = _as_put_it(text)  # "..., as one tenant put it.", "As he puts it, ..."
        if put is not None:
            who, span, said = put
            spans.append(span)
            verb = verb or "put"
            content = content or said
            if isinstance(who, str):
                pronoun = who
            else:
                (reporters if who.kind in ("outlet", "media") else speakers).append(who)
    if not speakers and pronoun is None:
        speakers.extend(records)  # "The plant will close, he told the council, according to the minutes"
    if not (speakers or reporters or cited or pronoun):
        return None
    chain: list[str] = []
    for r in sorted(reporters, key=lambda x: x.start):
        if r.name not in chain:
            chain.append(r.name)
    for c in cited:
        if c.name not in chain:
            chain.append(c.name)
    # "Reuters' sources said": the outlet whose sources speak heads the chain
    for sp in speakers:
        pm = _POSSESSIVE_OUTLET.match(sp.name)
        if sp.kind == "anonymous" and pm and _find_outlet(pm["o"]) and pm["o"] not in chain:
            chain.insert(0, pm["o"])
    if verb in WHOLE_ACT_VERBS:
        # "She accused her coworkers of spraying her with deer urine": the accusation is the fact the sentence
        # reports, whole (what follows the verb is no clause of its own to read apart)
        content = None
    att = Attribution(chain=chain, spans=spans, pronoun=pronoun, verb=verb, content=content)
    if speakers:
        sp = speakers[0]
        att.speaker, att.kind = sp.name, sp.kind
        att.pronoun = None
    elif pronoun:
        pass
    elif cited:
        att.speaker, att.kind = cited[-1].name, cited[-1].kind
    else:
        # the last reporter speaks, unless it was only told ("A woman told news outlets ...": who spoke is
        # not named here; the chain keeps the outlet)
        spoke = [r for r in sorted(reporters, key=lambda x: x.start) if r.name not in told]
        if spoke:
            att.speaker, att.kind = spoke[-1].name, spoke[-1].kind
    return att
