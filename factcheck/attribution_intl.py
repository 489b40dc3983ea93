"""Who a sentence attributes its content to, in languages other than English, from vocabulary as data.

English keeps its tuned rules (``factcheck.attribution``). Every other language with a
``factcheck/lang/<code>/speech.toml`` is read here by one engine over the same tables (speech verbs, report
and deny verbs, cues before and after the source, pronouns, determiners, words that join a name, role,
organisation, outlet and anonymous heads, words that are never a subject):

- a cue and its source: "según la policía", "laut Bundestagsverwaltung", "selon l'Élysée", "segundo a
  Lusa"; "der Studie zufolge" (the source before the cue);
- a speech verb and its subject after it ('..." sagte der Fraktionsvorsitzende Michael Panse', '", dijo el
  presidente') or before it ("Stefan Keuter sagt", "El ministro de Economía, Luis de Guindos, dijo" -> the
  name between the commas);
- a subject pronoun ("sagte er", "il a déclaré") or, in a language that leaves the subject out ("dijo
  que..."), nothing: the speaker is then resolved from context by the caller (``Attribution.pronoun``).

Speakers are classified as person, organisation, outlet (also the gazetteer's outlets), media or
anonymous; a role before a name is dropped ("el ministro Juan Pérez" -> "Juan Pérez").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from factcheck.gazetteer import OUTLETS, PLACES
from factcheck.lang import resource

# given names (factcheck/lang/en/given_names.toml, compared without accents): where a role's domain ends and
# the name after it begins ("presidente de Perú Mario Vargas Llosa")
# the pronoun of a subject left out ("dijo que ...", '"...", afirmou.'): the last person named, of either gender
LEFT_OUT = "he/she"
_GIVEN_NAMES = frozenset(n for names in resource("en", "given_names").values() for n in names)
# the words of placeholder text a page's template left in ("Lorem Ipsum is simply dummy text ..."): no source
_PLACEHOLDER_NAMES = frozenset(resource("en", "persons").get("placeholder_names", []))

# words (with inner hyphens and apostrophes: "porta-voz", "aujourd'hui"), abbreviations with their full stop
# ("Dr.", "M."), elided articles ("l'", "d'"), punctuation
_TOKEN = re.compile(r"[^\W\d_]{1,3}\.(?=\s+[A-ZÄÖÜÉÈÀ])|[^\W\d_][’']|\w+(?:[-’']\w+)*|[^\w\s]")


@dataclass(slots=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int


def _low(word: str) -> str:
    """A word as the tables are looked up: lower case, one apostrophe ("s’est" = "s'est")."""
    return word.lower().replace("’", "'")


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(0), _low(m.group(0)), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(_low(m.group(0)) for m in _TOKEN.finditer(phrase))


class _Phrases(dict[tuple[str, ...], str]):
    """A table of phrases (word tuples -> value), with the length of its longest phrase per first word: a
    token that opens none is passed over without building a tuple (most tokens open none)."""

    def __init__(self, items: dict[tuple[str, ...], str]) -> None:
        super().__init__(items)
        self.longest: dict[str, int] = {}
        for key in items:
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))


class _Speech:
    """One language's speech.toml, ready for lookups."""

    def __init__(self, lang: str, data: dict[str, Any]) -> None:
        def phrases(name: str) -> _Phrases:
            return _Phrases({_key(p): p for p in data.get(name, []) if _key(p)})

        self.verbs = phrases("verbs")
        self.pronoun_verbs = _Phrases(
            {_key(p): str(v) for p, v in data.get("pronoun_verbs", {}).items() if _key(p)}
        )
        self.report_verbs = phrases("report_verbs")
        self.deny_verbs = phrases("deny_verbs")
        # cues of a publication ("peut-on lire dans Les Échos"): read like "according to", a name after them
        # an outlet
        self.publication_cues = phrases("publication_cues")
        # a participle of saying and its agent between a cue and the source ("según lo informado por la policía",
        # "de acuerdo con lo señalado por el ministro"): the word before the participle, the agent's preposition
        self.cue_frame_openers = frozenset(_low(w) for w in data.get("cue_frame_openers", []))
        self.cue_frame_agents = frozenset(_low(w) for w in data.get("cue_frame_agents", []))
        # participles of such a frame that are no speech verb of their own ("según lo dispuesto por el
        # ministerio": "ha dispuesto" orders, it does not report)
        # impersonal verbs of saying after a source that opens the sentence with a preposition ("Aus dem
        # Ministerium heißt es, ..."), the prepositions, and those that open a document only ("Im Bericht heißt
        # es")
        self.preposed_verbs = phrases("preposed_verbs")
        # cues of a subject's own account ("laut eigenen Angaben"): the subject that opens the sentence speaks
        self.own_account_cues = phrases("own_account_cues")
        self.preposed_openers = frozenset(_low(w) for w in data.get("preposed_openers", []))
        self.preposed_document_openers = frozenset(_low(w) for w in data.get("preposed_document_openers", []))
        self.cue_frame_participles = frozenset(_low(w) for w in data.get("cue_frame_participles", []))
        self.before = _Phrases({**phrases("according_before"), **self.publication_cues})
        # prepositions that open a sentence with whose view it gives, the source before a comma ("Para la
        # Fiscalía, el daño fue de ...", "Para ele, há um interesse ...", "Pour les auteurs, ...")
        self.opinion_cues = frozenset(_low(w) for w in data.get("opinion_cues", []))
        self.after = phrases("according_after")
        self.pronouns = {_low(k): v for k, v in data.get("pronouns", {}).items()}
        # pronouns after a cue ("selon lui"): the subject pronouns and the cue's own forms
        self.cue_pronouns = {
            **self.pronouns,
            **{_low(k): v for k, v in data.get("cue_pronouns", {}).items()},
        }
        # compound tenses: an auxiliary, maybe adverbs, a participle ("a déclaré", "a également souligné")
        self.auxiliaries = frozenset(_low(w) for w in data.get("auxiliaries", []))
        self.participles = phrases("participles")
        # the perfect's verb bracket: an auxiliary, the clause's middle, a participle that closes the clause
        # before what was said ("Die Bundesregierung hat angekündigt, ...", "Am Montag hat er in Berlin
        # erklärt, dass ..."); a reflexive in the middle makes it no speech ("hat sich bereit erklärt")
        self.bracket_auxiliaries = frozenset(_low(w) for w in data.get("bracket_auxiliaries", []))
        self.bracket_participles = frozenset(_low(w) for w in data.get("bracket_participles", []))
        self.bracket_not_between = frozenset(_low(w) for w in data.get("bracket_not_between", []))
        # separable verbs: a listed verb of two words whose second is one of these particles may hold the
        # clause's middle between its parts ("Die Bundesbahn teilte am Sonntag mit, ...", "Er weist darauf hin,
        # dass ..."): the finite verb's first word -> its particles
        particles = frozenset(_low(w) for w in data.get("separable_particles", []))
        self.separable: dict[str, frozenset[str]] = {}
        for phrase in (*self.verbs, *self.deny_verbs):
            if len(phrase) == 2 and phrase[1] in particles:
                self.separable[phrase[0]] = self.separable.get(phrase[0], frozenset()) | {phrase[1]}
        # a subject pronoun written after its verb ("dit-il", "a-t-elle ajouté"), longest suffix first
        self.inverted = sorted(
            ((_low(k), str(v)) for k, v in data.get("inverted_pronouns", {}).items()),
            key=lambda kv: len(kv[0]),
            reverse=True,
        )
        # prepositions that open a phrase between a verb and its subject ("a indiqué à l'AFP le ministre")
        self.datives = frozenset(_low(w) for w in data.get("datives", []))
        self.dative_pronouns = frozenset(_low(w) for w in data.get("dative_pronouns", []))
        # determiners that make a phrase without a name an unnamed source ("un responsable syndical")
        self.indefinites = frozenset(_low(w) for w in data.get("indefinites", []))
        # possessives are no adjectives of a speaker phrase ("die ihre Aussagen betont": a relative clause)
        self.possessives = frozenset(_low(w) for w in data.get("possessives", []))
        # quantifiers of a plural source after a cue ("selon plusieurs sources", "según diversas fuentes")
        self.quantifiers = frozenset(_low(w) for w in data.get("quantifiers", []))
        # determiners of a plural ("les ministres"): no antecedent of "il"/"he"
        self.plural_determiners = frozenset(_low(w) for w in data.get("plural_determiners", []))
        # adjectives follow their noun ("le porte-parole gouvernemental", "un responsable syndical")
        self.adjectives_follow = bool(data.get("adjectives_follow", False))
        # passive auxiliaries: "wurde mir erklärt", "erklärt wurde" is no speech of a subject
        self.passive = frozenset(_low(w) for w in data.get("passive_auxiliaries", []))
        self.determiners = frozenset(_low(w) for w in data.get("determiners", []))
        self.linkers = frozenset(_low(w) for w in data.get("linkers", []))
        # the prepositions that open a role's domain before a name ("ministre de l'Intérieur Gérald Darmanin")
        self.domain_linkers = frozenset(_low(w) for w in data.get("domain_linkers", []))
        # linkers that after a bare name (no article, no head) open its addressee, an outlet, not a part of the
        # name ("sagte Scholz der Deutschen Presse-Agentur", where "der" is dative; "Sprecher der Polizei" has a
        # head before it)
        self.addressee_linkers = frozenset(_low(w) for w in data.get("addressee_linkers", []))
        self.roles = frozenset(_low(w) for w in data.get("roles", []))
        # nouns of a person by kinship or by what they are to others, no office ("la hermana de la víctima",
        # "diz a garota", "sagte seine Mutter"): a speaker's head as a role is, but another person than any
        # named before with no such noun (never the person who opens the sentence before)
        self.people = frozenset(_low(w) for w in data.get("people", []))
        self.organisations = frozenset(_low(w) for w in data.get("organisations", []))
        self.outlets = frozenset(_low(w) for w in data.get("outlets", []))
        self.anonymous = frozenset(_low(w) for w in data.get("anonymous", []))
        # documents that speak ("le rapport précise", "der Bericht zeigt"): unnamed sources, as English
        # "the report said"; they alone may be the subject of a document verb ("zeigt", "montre")
        self.documents = frozenset(_low(w) for w in data.get("documents", []))
        self.document_verbs = phrases("document_verbs")
        # verbs that characterise an object by quoted words ("Barr bezeichnete den Bericht als »unerschrocken«",
        # "nannte die Kundgebung „schwer erträglich“"): speech only when a quotation opens soon after them
        self.characterising_verbs = phrases("characterising_verbs")
        # the articles of an object that opens the sentence, the subject after the verb ("Den Tausch ... bezeichnete
        # Heusgen ...")
        self.object_openers = frozenset(_low(w) for w in data.get("object_openers", []))
        # reflexive pronouns: beside a characterising verb, a name ("nannte sich", "se califica de")
        self.reflexives = frozenset(_low(w) for w in data.get("reflexives", []))
        # words after a cue that make it no attribution: a conjunction ("selon que") or a noun that is no
        # source but a rule, a schedule or a classification ("laut Fahrplan", "según el artículo 3")
        self.not_sources = frozenset(_low(w) for w in data.get("not_sources", []))
        # subjects that make a speech verb no attribution: generic or first person ("on dit", "wie man sagt")
        self.impersonal = frozenset(_low(w) for w in data.get("impersonal_subjects", []))
        # the same, written after the verb ("sagt man"; Spanish "dijo se" is no such thing)
        self.impersonal_after = frozenset(_low(w) for w in data.get("impersonal_after_verb", []))
        dates = resource(lang, "dates")  # weekdays, months and relative days are never a subject
        date_words = [*dates.get("weekdays", {}), *dates.get("months", {}), *dates.get("relative_days", {})]
        # the first word of a cue is never a subject ("Según informó la agencia EFE")
        cue_words = [
            p.split()[0]
            for p in [*data.get("according_before", []), *data.get("publication_cues", [])]
            if p.split()
        ]
        self.not_subjects = frozenset(
            _low(w) for w in [*data.get("not_subjects", []), *date_words, *cue_words]
        )
        self.clause_words = frozenset(_low(w) for w in data.get("clause_words", []))
        self.adverbs = frozenset(_low(w) for w in data.get("adverbs", []))
        # phrases that may stand between a speech verb and the subject after it ("erklärt auf Nachfrage Martin
        # Rölen", "señaló en rueda de prensa el ministro")
        # ... and time adverbials there ("informó este martes el Banco Central", "a déclaré mardi soir le
        # ministre"), written with {weekday} for each weekday of the language's dates table
        weekdays = list(dates.get("weekdays", {}))
        timed = [
            p.replace("{weekday}", day)
            for p in data.get("time_adjuncts", [])
            for day in (weekdays if "{weekday}" in p else [""])
        ]
        self.verb_adjuncts = _Phrases(
            {_key(p): p for p in [*data.get("verb_adjuncts", []), *timed] if _key(p)}
        )
        # relative pronouns: an appositive they open may stand long between a subject and its verb
        self.relatives = frozenset(_low(w) for w in data.get("relatives", []))
        # conjunctions that open a clause whose verb comes last, its subject right after them (German "wie":
        # "wie der Minister am Montag sagte")
        self.verb_final_openers = frozenset(_low(w) for w in data.get("verb_final_openers", []))
        # relative pronouns that are the subject of the speech verb after them, their antecedent before a comma
        # ("el jefe de la misión, Santiago Murray, quien anunció")
        self.subject_relatives = frozenset(_low(w) for w in data.get("subject_relatives", []))
        # given names (English's and the language's own): a name that opens with one is a person's
        self.given_names = _GIVEN_NAMES | frozenset(resource(lang, "person_names").get("given", []))
        # conjunctions before a second verb whose subject opens the sentence ("Biden sonrió y dijo")
        self.coordinators = frozenset(_low(w) for w in data.get("coordinators", []))
        # gerunds of speech before "que" or a colon: their subject is the clause's ("Juan Pappier ... reaccionó
        # en Twitter diciendo: “...”", "elogiaron este episodio diciendo que ...")
        self.gerunds = phrases("gerunds")
        self.gerund_objects = frozenset(_low(w) for w in data.get("gerund_objects", []))
        # the particles that open a surname named alone after a speech verb ("sagte von Preen", "sagt de Decker")
        self.surname_particles = phrases("surname_particles")
        # ... the surname no common word (at least ``surname_common_zipf`` in the frequency table: "von Problemen")
        self.surname_common = (
            frozenset(
                w
                for zipf, words in resource(lang, "frequency").get("zipf", {}).items()
                if float(zipf) >= float(data.get("surname_common_zipf", 0))
                for w in words.split()
            )
            if self.surname_particles
            else frozenset()
        )
        # a negation between the subject and its verb ("el portavoz no aclaró", "o ministro não confirmou")
        self.negations = frozenset(_low(w) for w in data.get("negations", []))
        # particles that may stand between the subject and its verb ("Güvercin hingegen mahnt ...")
        self.subject_particles = frozenset(_low(w) for w in data.get("subject_particles", []))
        # indirect speech: Konjunktiv I forms, the phrases of them that report no one, the subjects before which
        # the form is indicative
        self.subjunctive = frozenset(_low(w) for w in data.get("subjunctive_verbs", []))
        self.subjunctive_idioms = phrases("subjunctive_idioms")
        self.subjunctive_not_after = frozenset(_low(w) for w in data.get("subjunctive_not_after", []))
        # conjunctions of a subordinate clause before the main clause, whose verb follows the comma
        self.subjunctive_subordinators = frozenset(_low(w) for w in data.get("subjunctive_subordinators", []))
        self.subjunctive_comparisons = frozenset(_low(w) for w in data.get("subjunctive_comparisons", []))
        # Konjunktiv I by its form: a lower-case word of the ending whose infinitive and present indicative
        # are both common words of the language (its frequency table), but for the words listed
        self.subjunctive_ending = str(data.get("subjunctive_ending", ""))
        self.subjunctive_infinitive = tuple(data.get("subjunctive_infinitive_endings", []))
        self.subjunctive_indicative = tuple(data.get("subjunctive_indicative_endings", []))
        self.subjunctive_not_forms = frozenset(_low(w) for w in data.get("subjunctive_not_forms", []))
        # the vowel changes of the strong verbs' present indicative ("betreffe"/"betrifft", "trage"/"trägt"):
        # (vowel of the stem's last syllable, vowel of the indicative)
        self.subjunctive_vowel_changes = tuple(
            (str(a), str(b)) for a, b in data.get("subjunctive_vowel_changes", [])
        )
        self.subjunctive_form_not_after = frozenset(
            _low(w) for w in data.get("subjunctive_form_not_after", [])
        )
        self.lexicon: frozenset[str] = (
            frozenset(
                w for words in resource(lang, "frequency").get("zipf", {}).values() for w in words.split()
            )
            if self.subjunctive_ending
            else frozenset()
        )
        # a sentence with none of those forms is read no further (most sentences)
        self.subjunctive_gate = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(self.subjunctive))) + r")(?!\w)", re.I)
            if self.subjunctive
            else None
        )
        # the lower-case words of the ending, each then tested by its shape
        self.subjunctive_words = (
            re.compile(r"(?<![\w-])[^\W\d_A-ZÄÖÜ]{3,}" + re.escape(self.subjunctive_ending) + r"(?!\w)")
            if self.subjunctive_ending
            else None
        )
        self.nouns_capitalised = bool(data.get("nouns_capitalised", False))
        # a person who opens a sentence with a colon and a quotation is its speaker ("Peter Aurnhammer: „...“")
        self.colon_quotes = bool(data.get("colon_quotes", False))
        self.clause_colon_quotes = bool(data.get("clause_colon_quotes", False))
        # German »...«: a sentence whose first guillemet is » (a « after it) quotes between » and «
        self.reversed_guillemets = bool(data.get("reversed_guillemets", False))
        self.pro_drop = bool(data.get("pro_drop", False))
        # the endings of a finite verb right after a quotation and its comma, where any verb says who spoke
        # ('“...”, resalta González', '"...", acrescenta o repórter'); the function words are never one
        self.incise_endings = tuple(_low(w) for w in data.get("incise_endings", []))
        # a person named by their age ("der 86-Jährige"): the noun's endings, the articles and their pronouns
        # subject pronouns that are never an object: right after the verb they are its subject, whatever
        # phrase stands before it ("diesen Satz sagte er")
        self.nominative_pronouns = frozenset(_low(w) for w in data.get("nominative_pronouns", []))
        self.age_noun_endings = tuple(_low(w) for w in data.get("age_noun_endings", []))
        self.age_determiners = {_low(k): str(v) for k, v in data.get("age_determiners", {}).items()}
        # phrases that stand for the person named last ("ce dernier", "esta última"): their pronoun
        self.anaphors = _Phrases({_key(p): str(v) for p, v in data.get("anaphors", {}).items() if _key(p)})
        # particles inside a person's name from another language ("Von der Leyen", "Van der Bellen"): they join
        # capitalised words as linkers do
        self.name_particles = frozenset(_low(w) for w in data.get("name_particles", []))
        # linkers between a person's name and the body they belong to ("Benjamin Jendro von der Gewerkschaft
        # der Polizei" -> the person, "Benjamin Jendro")
        self.affiliation_linkers = frozenset(_low(w) for w in data.get("affiliation_linkers", []))
        # the typography writes an incise inside the quotation it interrupts, with no marks around it ("« Absurde.
        # Ce processus est la norme, explique Antony Fastier, toxicologue. »"): a quoted sentence's incise is
        # the writer's, and names who speaks
        self.incise_inside_quotes = bool(data.get("incise_inside_quotes", False))
        self.function_words = frozenset(_low(w) for w in resource(lang, "stopwords").get("function", []))
        # words before a verb with no subject that make it no speech of the last person ("se dice")
        self.no_subject_after = frozenset(_low(w) for w in data.get("no_subject_after", []))
        # cues that count only at the start of a clause (German "so": ", so der Sprecher")
        self.clause_cues = frozenset(_low(w) for w in data.get("clause_cues", []))
        self.maxlen = max(
            (
                len(k)
                for d in (
                    self.verbs,
                    self.before,
                    self.after,
                    self.pronoun_verbs,
                    self.participles,
                    self.document_verbs,
                    self.characterising_verbs,
                    self.verb_adjuncts,
                    self.anaphors,
                    self.preposed_verbs,
                    self.own_account_cues,
                )
                for k in d
            ),
            default=1,
        )
        # compound heads ("Bundestagsverwaltung", "Regierungssprecher") in a language that writes them
        self._suffix_orgs = tuple(sorted(self.organisations, key=len, reverse=True))
        self._suffix_roles = tuple(sorted(self.roles, key=len, reverse=True))
        self._suffix_documents = tuple(sorted(self.documents, key=len, reverse=True))
        self._suffix_outlets = tuple(sorted(self.outlets, key=len, reverse=True))

    def head_kind(self, low: str) -> str | None:
        if low in self.roles or low in self.people:
            return "person"
        if low in self.organisations:
            return "organisation"
        if low in self.outlets:
            return "outlet"
        if low in self.anonymous or low in self.documents:
            return "anonymous"
        if self.nouns_capitalised and len(low) > 6:
            if low.endswith(self._suffix_roles):
                return "person"
            if low.endswith(self._suffix_orgs):
                return "organisation"
            if low.endswith(self._suffix_documents):
                return "anonymous"
        return None

    def is_document(self, low: str) -> bool:
        return low in self.documents or (
            self.nouns_capitalised and len(low) > 6 and low.endswith(self._suffix_documents)
        )


@functools.cache
def _speech(lang: str) -> _Speech | None:
    data = resource(lang, "speech")
    return _Speech(lang, data) if data else None


def supported(lang: str | None) -> bool:
    return bool(lang) and lang != "en" and _speech(str(lang)) is not None


def _match(table: _Phrases, toks: list[_Tok], i: int, maxlen: int) -> int:
    """Length of the longest phrase of ``table`` starting at token i (0 when none)."""
    longest = table.longest.get(toks[i].low, 0) if i < len(toks) else 0
    for k in range(min(longest, maxlen, len(toks) - i), 0, -1):
        if tuple(t.low for t in toks[i : i + k]) in table:
            return k
    return 0


def _verb_len(sp: _Speech, toks: list[_Tok], i: int) -> int:
    """Tokens of the speech verb starting at token i: a verb of the tables, or an auxiliary, up to two
    adverbs and a participle ("a déclaré", "a également souligné", "ha dicho"); 0 when none."""
    k = _match(sp.verbs, toks, i, sp.maxlen) or _match(sp.deny_verbs, toks, i, sp.maxlen)
    k = k or _match(sp.report_verbs, toks, i, sp.maxlen)
    k = k or (1 if _incise_verb(sp, toks, i) else 0)
    if k and sp.nouns_capitalised and _cap(toks[i]) and i > 0 and not _clause_start(sp, toks, i):
        return 0  # a capitalised word inside the sentence is a noun: "der Beklagte", not "beklagte"
    if k and i > 0 and toks[i - 1].text[-1:] in "'’" and toks[i - 1].low in sp.linkers | sp.determiners:
        return 0  # after an elided article or preposition, a noun: "supplément d’estime"
    if k or toks[i].low not in sp.auxiliaries:
        return k
    return _participle_len(sp, toks, i + 1, i)


_BRACKET_MIDDLE = 12  # the most tokens between the auxiliary and the participle of a verb bracket


def _bracket_len(sp: _Speech, toks: list[_Tok], i: int) -> int:
    """Tokens from the auxiliary at token i to the participle that closes its clause, before a comma or a
    colon (what was said follows) or, after a quotation, at the sentence's end ('„...“, hat Scholz gesagt.');
    0 when there is no such bracket."""
    if toks[i].low not in sp.bracket_auxiliaries:
        return 0
    n = len(toks)
    for p in range(i + 1, min(n, i + 2 + _BRACKET_MIDDLE)):
        t = toks[p]
        if t.low in sp.bracket_not_between or not (t.text[:1].isalnum()):
            return 0  # (the clause ends, or "sich": not speech)
        if t.low in sp.bracket_participles and t.text[:1].islower():
            after = toks[p + 1].text if p + 1 < n else ""
            quoted = i > 1 and toks[i - 1].text == "," and toks[i - 2].text in _QUOTE_CLOSE
            return p + 1 - i if after in (",", ":") or (quoted and after in ("", ".")) else 0
    return 0


def _separable_len(sp: _Speech, toks: list[_Tok], i: int) -> int:
    """Tokens from the finite verb at token i to the particle of its separable verb that closes the clause
    before a comma or a colon ("teilte am Sonntag mit, ...", "weist darauf hin, dass ..."), with the clause's
    middle between them (a bracket's middle: words only, no reflexive); 0 when there is none. After what was
    said and its comma, the particle closes the sentence, the subject in the middle ("..., teilte die Armee am
    späten Abend mit.", "..., gab das Ministerium bekannt.")."""
    particles = sp.separable.get(toks[i].low)
    if not particles or not toks[i].text[:1].islower():
        return 0
    n = len(toks)
    after_content = i > 0 and toks[i - 1].text == ","
    for p in range(i + 2, min(n, i + 2 + _BRACKET_MIDDLE)):
        t = toks[p - 1]
        if t.low in sp.bracket_not_between or not t.text[:1].isalnum():
            return 0  # (the clause ends, or "sich": not speech)
        if toks[p].low in particles and toks[p].text.islower():
            follow = toks[p + 1].text if p + 1 < n else "."
            if follow in (",", ":") or (after_content and follow in _SENTENCE_ENDS and p + 2 >= n):
                return p + 1 - i
    return 0


def _separable_at_end(toks: list[_Tok], i: int, k: int) -> bool:
    """The verb bracket at tokens [i, i + k) follows a comma and closes the sentence."""
    return i > 0 and toks[i - 1].text == "," and (i + k >= len(toks) or toks[i + k].text in _SENTENCE_ENDS)


def _inverted_separable(sp: _Speech, toks: list[_Tok], i: int, k: int, src: _Source | None) -> bool:
    """The separable verb at tokens [i, i + k) follows what was said and its comma and closes the sentence
    ("..., teilte die Armee mit."): its subject is the phrase in its middle when that names a speaker (a head
    of the tables, a name with no article, an outlet), not an object ("..., teilte die Zahlen mit")."""
    if not (i > 0 and toks[i - 1].text == "," and toks[i + k - 1].low not in (",", ":")):
        return False
    if i + k < len(toks) and toks[i + k].text not in _SENTENCE_ENDS:
        return False
    if src is None:
        return True  # a pronoun: "..., teilte er mit."
    words = _tokens(src.name)
    heads = [w.low for w in words if sp.head_kind(w.low) is not None]
    return (
        src.kind in ("outlet", "media")
        or any(not sp.is_document(w) for w in heads)
        or (not heads and len(words) > 1 and all(_cap(w) for w in words))  # "die Deutsche Bahn"
        or _names_outlet(sp, toks, i + 1 + (toks[i + 1].low in sp.determiners))
        or (src.kind == "person" and toks[i + 1].low not in sp.determiners)
    )


def _incise_verb(sp: _Speech, toks: list[_Tok], i: int) -> bool:
    """Token i is a verb in an incise: a lower-case word of the language's ``incise_endings`` right after a
    quotation of four words or more and its comma ('“...”, resalta González.', '"...", acrescenta o
    repórter.', '“...”, subrayó sobre ese punto.'), followed by its subject, a pronoun, an adverb, the
    sentence's end or, in a language that leaves its subjects out, a preposition. Any verb there reports the
    quotation, listed or not; a quoted phrase ('un despegue “turbulento”, marcadas por') or a function word is
    none."""
    if not sp.incise_endings or i < 2:
        return False
    t = toks[i]
    if not (len(t.text) > 3 and t.text.isalpha() and t.text.islower() and t.low.endswith(sp.incise_endings)):
        return False
    if t.low in sp.function_words or t.low in sp.not_subjects or t.low in sp.clause_words:
        return False
    a, b = toks[i - 2].text, toks[i - 1].text
    if not ((a in _QUOTE_CLOSE and b == ",") or (a == "," and b in _QUOTE_CLOSE)):
        return False
    words = 0
    for m in range(i - 3, -1, -1):
        if toks[m].text in _QUOTE_OPEN:
            break
        words += _is_word(toks[m])
    if words < 4:
        return False
    if i + 1 >= len(toks):
        return True
    nxt = toks[i + 1]
    return (
        nxt.text in _SENTENCE_ENDS
        or nxt.text in ",;:"
        or _cap(nxt)
        or nxt.low in sp.determiners
        or nxt.low in sp.pronouns
        or nxt.low in sp.adverbs
        or (sp.pro_drop and (nxt.low in sp.datives or nxt.low in sp.not_subjects))
    )


def _document_verb_len(sp: _Speech, toks: list[_Tok], i: int) -> int:
    """Tokens of a verb by which only a document speaks ("zeigt", "montre", "muestra") at token i; 0 when
    none."""
    return _match(sp.document_verbs, toks, i, sp.maxlen) if sp.document_verbs else 0


_CHARACTERISED = 12  # the most tokens between a characterising verb and the quotation it frames


def _characterising_len(sp: _Speech, toks: list[_Tok], i: int) -> int:
    """Tokens of a verb that characterises its object by quoted words at token i ("bezeichnete den Angriff als
    „feige“", "nannte Baerbock ein „Auslaufmodell“", "describió la situación como “muy grave”"): the
    quotation opens within a few tokens after it, with no mark of another clause between; 0 otherwise ("Er
    nannte weder Venezuela noch ...", "als »Q6A« bezeichnet werden": no quotation after the verb)."""
    k = _match(sp.characterising_verbs, toks, i, sp.maxlen) if sp.characterising_verbs else 0
    if not k:
        return 0
    if (i > 0 and toks[i - 1].low in sp.reflexives) or (
        i + k < len(toks) and toks[i + k].low in sp.reflexives
    ):
        return 0  # a name, no speech: "die Firma nannte sich jetzt „Motoren- und Lastwagen AG“"
    for t in toks[i + k : i + k + _CHARACTERISED]:
        if t.text in _QUOTE_MARKS or t.text in "»«‹›":  # (any mark: „...“, »...«, « ... », "...")
            return k
        if t.text in (",", ";", ":", ".", "(", "–", "—"):
            return 0
    return 0


def _names_document(sp: _Speech, src: _Source) -> bool:
    """The source is (or belongs to) a document: "le rapport", "die neue Studie", "les auteurs du rapport"."""
    return any(sp.is_document(w.lower()) for w in re.findall(r"\w+", src.name))


def _cue_use(sp: _Speech, toks: list[_Tok], i: int, k: int) -> bool:
    """The cue at tokens [i, i + k) introduces a source: not an ordinal ("o segundo lugar"), not a
    conjunction or a rule, schedule or classification ("selon que", "laut Fahrplan", "según el artículo
    3": the language's ``not_sources``), not an adjective ("pusten laut oder"), and, for a cue that
    counts only there, at the start of a clause after a mark (", so der Sprecher"; not "und so das Risiko")."""
    if i > 0 and toks[i - 1].low in sp.determiners:
        return False  # "o segundo", "der laute"
    if toks[i].low in sp.clause_cues and (
        not _clause_start(sp, toks, i) or (i > 0 and toks[i - 1].low in sp.clause_words)
    ):
        return False  # (after a mark, not a conjunction: "und so das Risiko ... zu erhöhen")
    j = i + k
    if j >= len(toks):
        return False
    if toks[j].low in sp.cue_pronouns:
        return True
    while j < len(toks) and (toks[j].low in sp.determiners or toks[j].text in _OPEN_QUOTES):
        j += 1
    if j >= len(toks):
        return False
    nxt = toks[j]
    elided = re.match(r"\w+'", nxt.low)  # "selon qu’il": the conjunction, elided
    if nxt.low in sp.not_sources or (elided is not None and elided.group(0) in sp.not_sources):
        return False
    if sp.nouns_capitalised and j > i + k:  # adjectives before the noun: "gemäß dem zweiten Teil"
        h = j
        while h < len(toks) and h - j < 2 and _plain_word(sp, toks[h]):
            h += 1
        if h < len(toks) and toks[h].low in sp.not_sources:
            return False
    if not _is_word(nxt):
        return False
    # (a lower-case word right after the cue is no noun where nouns are capitalised: "pusten laut oder"; but a
    # possessive or a quantifier opens one: "laut seinem Sprecher", "laut mehreren Quellen")
    return not (
        sp.nouns_capitalised
        and j == i + k
        and not _cap(nxt)
        and nxt.low not in sp.possessives
        and nxt.low not in sp.quantifiers
    )


_OPEN_QUOTES = frozenset('"„“«‚‘')


def _participle_len(sp: _Speech, toks: list[_Tok], j: int, i: int) -> int:
    """Tokens from i to the end of the participle at or after token j (after up to two adverbs); 0 when none."""
    for skip in range(3):
        if j + skip >= len(toks):
            return 0
        m = _match(sp.participles, toks, j + skip, sp.maxlen)
        if m:
            return j + skip + m - i
        if toks[j + skip].low not in sp.adverbs:
            return 0
    return 0


def _inverted(sp: _Speech, toks: list[_Tok], i: int) -> tuple[int, str] | None:
    """A speech verb with its subject pronoun written after it ("dit-il", "a-t-elle ajouté",
    "explique-t-il"): (tokens, pronoun), or None."""
    low = toks[i].low
    for suffix, pronoun in sp.inverted:
        if not low.endswith(suffix) or len(low) == len(suffix):
            continue
        stem = (low[: -len(suffix)],)
        if stem in sp.verbs or stem in sp.deny_verbs or stem in sp.report_verbs:
            return 1, pronoun
        incise = i > 0 and (toks[i - 1].text == "," or toks[i - 1].text in _QUOTE_CLOSE)
        if stem[0] in sp.auxiliaries:
            k = _participle_len(sp, toks, i + 1, i)
            if (
                not k
                and incise
                and i + 1 < len(toks)
                and toks[i + 1].text.isalpha()
                and toks[i + 1].text.islower()
            ):
                k = 2  # '« ... », a-t-il lâché': after a quotation, any participle
            return (k, pronoun) if k else None
        if incise and stem[0].isalpha() and len(stem[0]) > 2 and stem[0] not in sp.function_words:
            return 1, pronoun  # '« ... », tranche-t-il': after a quotation, any verb with its pronoun after
        return None
    return None


def _passive(sp: _Speech, toks: list[_Tok], i: int, k: int) -> bool:
    """The verb at tokens [i, i + k) is a passive participle: a passive auxiliary right after it ("erklärt
    wurde"), or before it in its clause when it ends the clause ("wurde mir ... erklärt.")."""
    j = i + k
    if j < len(toks) and toks[j].low in sp.passive:
        return True
    if j < len(toks) and toks[j].text[:1].isalnum():
        return False
    for t in reversed(toks[:i]):
        if t.low in sp.passive:
            return True
        if t.text in ",;:":
            return False
    return False


def _join(words: list[_Tok]) -> str:
    """The words of a phrase as written: no space after an elided article ("ministère de l'Intérieur")."""
    out = ""
    for t in words:
        out += t.text if not out or out.endswith(("'", "’")) else " " + t.text
    return out


def _cap(t: _Tok) -> bool:
    return t.text[:1].isupper()


def _is_word(t: _Tok) -> bool:
    return t.text[:1].isalpha()


def _np_part(sp: _Speech, t: _Tok) -> bool:
    """A token that can be part of a speaker phrase (not counting determiners and linkers)."""
    if not _is_word(t) or t.low in sp.not_subjects or t.low in sp.clause_words or t.low in sp.determiners:
        return False
    return _cap(t) or sp.head_kind(t.low) is not None or t.text in OUTLETS  # ("dpa")


# the vowels of a word's last syllable ("betreff" -> "e", "lauf" -> "au")
_LAST_VOWELS = re.compile(r"([aeiouäöü]+)[^aeiouäöü]*$")
_QUOTE_OPEN = frozenset('„“"«‚')
_QUOTE_MARKS = frozenset('„“”"«»')
_QUOTE_CLOSE = frozenset('“”"»‘’')
_SENTENCE_ENDS = frozenset(".!?…")


def _quoted_name(toks: list[_Tok], i: int, forward: bool) -> int | None:
    """A name in quotation marks ("die Zeitung „The Sun“", "laut „Spiegel“"): from the quote mark at
    token i, the index of its partner, when up to six capitalised words (and hyphens) stand between;
    else None."""
    step, marks = (1, _QUOTE_CLOSE) if forward else (-1, _QUOTE_OPEN)
    k = i + step
    while 0 <= k < len(toks) and abs(k - i) <= 7:
        t = toks[k]
        if t.text in marks:
            return k if abs(k - i) > 1 else None
        if not (_cap(t) or t.text == "-" or t.text.isdigit()):
            return None
        k += step
    return None


def _cue_frame_len(sp: _Speech, toks: list[_Tok], j: int) -> int:
    """The length of a participle of saying and its agent's preposition from token j, after a cue ("según lo
    informado por la policía": 3, for "lo informado por"), else 0."""
    if (
        j + 3 < len(toks)
        and toks[j].low in sp.cue_frame_openers
        and ((toks[j + 1].low,) in sp.participles or toks[j + 1].low in sp.cue_frame_participles)
        and toks[j + 2].low in sp.cue_frame_agents
    ):
        return 3
    return 0


def _names_publication(sp: _Speech, toks: list[_Tok], i: int, k: int, rng: tuple[int, int]) -> bool:
    """The cue at tokens [i, i + k) is one of a publication and the phrase ``rng`` after it a name (capitalised
    words after its article: "peut-on lire dans Les Échos", "lit-on sur Médiapart"), not a document or a
    body the tables know ("dans un communiqué de la préfecture")."""
    if tuple(t.low for t in toks[i : i + k]) not in sp.publication_cues:
        return False
    words = [t for t in toks[rng[0] : rng[1]] if t.low not in sp.determiners and _is_word(t)]
    return bool(words) and all(_cap(t) and sp.head_kind(t.low) is None for t in words)


def _forward_np(sp: _Speech, toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """Token range [i, j) of the speaker phrase starting at token i, or None."""
    j = i
    while j < len(toks) and (toks[j].low in sp.determiners or (j == i and toks[j].low in sp.indefinites)):
        j += 1  # ("des sources proches du dossier": an indefinite that is no determiner of the table)
    start_head = j
    while j < len(toks):
        t = toks[j]
        if _np_part(sp, t):
            j += 1
            continue
        if t.text in _QUOTE_OPEN:
            close = _quoted_name(toks, j, forward=True)
            if close is not None:
                j = close + 1  # "laut „Spiegel“", "die Zeitung „The Sun“"
                continue
        if (
            _cap(t)
            and t.low not in sp.not_subjects  # ("teilte die Bahn Anfang März mit")
            and j > start_head
            and j + 1 < len(toks)
            and _cap(toks[j + 1])
            and (_cap(toks[j - 1]) or sp.head_kind(toks[j - 1].low) == "outlet")
        ):
            j += 1  # an article inside a name: "Bruno Le Maire", "le quotidien Le Monde"
            continue
        if (
            sp.adjectives_follow
            and j > start_head
            and sp.head_kind(toks[j - 1].low) == "person"
            and _plain_word(sp, t)
            and j + 1 < len(toks)
            and _cap(toks[j + 1])
            and _np_part(sp, toks[j + 1])
        ):
            j += 1  # an adjective between a role and the name: "afirmó el presidente chileno Ricardo Lagos"
            continue
        if (
            sp.adjectives_follow
            and j > start_head
            and sp.head_kind(toks[j - 1].low) == "person"
            and _plain_word(sp, t)
            and t.low not in sp.function_words
            and j + 2 < len(toks)
            and toks[j + 1].low in sp.linkers
            and _linked_part(sp, toks, j + 2)
        ):
            j += 1  # an adjective between a role and its domain: "la secrétaire générale de la CGT"
            continue
        if (
            t.low in sp.addressee_linkers
            and start_head == i
            and (
                all(sp.head_kind(x.low) is None for x in toks[start_head:j])
                # a role, then the name: "sagte Experte Bernd Bönte der Deutschen Presse-Agentur" (but a role
                # right before it takes it: "Sprecher der Polizei")
                or (_cap(toks[j - 1]) and sp.head_kind(toks[j - 1].low) is None)
            )
            and _names_outlet(sp, toks, j + 1)
        ):
            break  # "sagte Scholz der Deutschen Presse-Agentur": the outlet is spoken to
        # particles inside a name from another language: "Von der Leyen", "Alexander Van der Bellen"
        if t.low in sp.name_particles and j > start_head and _cap(toks[j - 1]):
            k = j
            while k < len(toks) and toks[k].low in sp.name_particles:
                k += 1
            if k < len(toks) and _cap(toks[k]) and _np_part(sp, toks[k]):
                j = k + 1
                continue
        # a linker inside a name or title: "Sprecher des Ministeriums", "Luis de Guindos"
        if t.low in sp.linkers and j + 1 < len(toks):
            k = j + 1
            while k < len(toks) and toks[k].low in sp.determiners:
                k += 1
            if k < len(toks) and _np_part(sp, toks[k]) and j > start_head:
                j = k + 1
                continue
        break
    if j == start_head:
        return None
    return i, j


def _linked_part(sp: _Speech, toks: list[_Tok], k: int) -> bool:
    """Token k, past articles, is a word a linker joins to a phrase ("de la CGT", "del Ministerio")."""
    while k < len(toks) and toks[k].low in sp.determiners:
        k += 1
    return k < len(toks) and _np_part(sp, toks[k])


def _owned_np(sp: _Speech, toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """After a cue, the phrase of a head of the tables after a possessive or a quantifier, from token i
    (maybe past an article): "selon leur étude", "segundo o seu presidente", "selon plusieurs sources",
    "según diversas fuentes" -> the head's phrase; None when the words there are no such phrase."""
    n = len(toks)
    while i < n and toks[i].low in sp.determiners:
        i += 1
    if (
        i + 1 >= n
        or (toks[i].low not in sp.possessives and toks[i].low not in sp.quantifiers)
        or sp.head_kind(toks[i + 1].low) is None
    ):
        return None
    return _forward_np(sp, toks, i + 1)


def _names_outlet(sp: _Speech, toks: list[_Tok], i: int) -> bool:
    """The phrase from token i names an outlet: a name in quotation marks ("der „Augsburger Allgemeinen“"),
    an outlet of the gazetteer ("Spiegel") or a word of the outlets table, also as the end of a compound
    ("der Deutschen Presse-Agentur")."""
    if i < len(toks) and toks[i].text in _QUOTE_OPEN:
        return _quoted_name(toks, i, forward=True) is not None
    while i < len(toks) and _np_part(sp, toks[i]):
        low = toks[i].low
        if (
            toks[i].text in OUTLETS
            or low in sp.outlets
            or (sp.nouns_capitalised and len(low) > 6 and low.endswith(sp._suffix_outlets))
        ):
            return True
        i += 1
    return False


def _adjective_np(sp: _Speech, toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """A phrase with up to two adjectives between its determiner and its head, starting at token i:
    "einer neuen Umfrage", "der zuständigen Behörde"; None when there is none."""
    if i >= len(toks) or toks[i].low not in sp.determiners:
        return None
    m = i + 1
    while m < len(toks) and m - i <= 2 and _plain_word(sp, toks[m]) and sp.head_kind(toks[m].low) is None:
        m += 1
    if m == i + 1 or m >= len(toks) or not _np_part(sp, toks[m]):
        return None
    rng = _forward_np(sp, toks, m)
    return (i, rng[1]) if rng is not None else None


def _backward_np(sp: _Speech, toks: list[_Tok], end: int) -> tuple[int, int] | None:
    """Token range [i, end) of the speaker phrase that ends just before token ``end``, or None."""
    i = end
    while i > 0:
        t = toks[i - 1]
        if _np_part(sp, t):
            i -= 1
            continue
        if t.text in _QUOTE_CLOSE:
            opening = _quoted_name(toks, i - 1, forward=False)
            before = toks[opening - 1] if opening else None
            if (
                opening is not None
                and before is not None
                and (before.low in sp.determiners or sp.head_kind(before.low) is not None)
            ):
                # 'wie die britische Zeitung „The Sun“ berichtete', 'die „Bild“ berichtete' (not 'und
                # “Verunstaltungen” sprach': a quoted word alone is no name)
                i = opening
                continue
        if t.low in sp.linkers and i - 2 >= 0 and i < end and _np_part(sp, toks[i - 2]):
            i -= 2  # "Sprecher des Ministeriums"
            continue
        if t.low in sp.name_particles and i < end and _cap(toks[i]):
            # "Ursula von der Leyen", "Von der Leyen": particles inside a name from another language
            k = i - 1
            while k > 0 and toks[k - 1].low in sp.name_particles:
                k -= 1
            if k > 0 and _cap(toks[k - 1]) and _np_part(sp, toks[k - 1]):
                i = k - 1
                continue
            if _cap(toks[k]):
                i = k  # (the name opens with its particle)
                continue
        # an article inside a name: "Bruno Le Maire", "Marine Le Pen"
        if (
            _cap(t)
            and i < end
            and i >= 2
            and _cap(toks[i])
            and _cap(toks[i - 2])
            and _np_part(sp, toks[i - 2])
        ):
            i -= 2
            continue
        # "le porte-parole de la police", "le chef de l'État": a determiner after the linker
        if t.low in sp.determiners and i - 3 >= 0 and i < end and toks[i - 2].low in sp.linkers:
            k = i - 3
            while k >= 0 and toks[k].low in sp.determiners:
                k -= 1
            if k >= 0 and _np_part(sp, toks[k]):
                i = k
                continue
        # a role and its domain in lower case, an adjective after it or none: "el jefe de la diplomacia
        # española", "esta vecina del barrio madrileño", "le directeur de l'école"
        if sp.adjectives_follow and i == end and _plain_word(sp, t) and t.low not in sp.function_words:
            got = _role_domain_start(sp, toks, i - 1)
            if got is not None:
                i = got
                continue
        # "un responsable syndical", "la police nationale", "l'AG Île-de-France inter-degrés": adjectives
        # after the head noun or name
        if sp.adjectives_follow and i == end and _plain_word(sp, t) and t.low not in sp.function_words:
            # (a clitic is no adjective: "Sandra Quiñónez le expuso")
            k = i - 2
            if k >= 0 and not sp.head_kind(toks[k].low) and _plain_word(sp, toks[k]):
                k -= 1
            if k >= 0 and _np_part(sp, toks[k]):
                i = k
                continue
        break
    if i == end:
        return None
    while i > 0 and toks[i - 1].low in sp.determiners:
        i -= 1
    return i, end


def _role_domain_start(sp: _Speech, toks: list[_Tok], last: int) -> int | None:
    """The token of the role whose domain in lower case ends at token ``last`` ("jefe" of "jefe de la
    diplomacia española", "vecina" of "vecina del barrio"): the domain is one lower-case word, or two (a noun
    and its adjective), after a linker and its articles, right after a role of a person; None otherwise."""
    for words in (1, 2):
        k = last - words + 1
        if k < 0 or not all(
            _plain_word(sp, w) and w.low not in sp.function_words for w in toks[k : last + 1]
        ):
            return None
        k -= 1
        while k >= 0 and toks[k].low in sp.determiners:
            k -= 1
        if k >= 1 and toks[k].low in sp.linkers and sp.head_kind(toks[k - 1].low) == "person":
            return k - 1
    return None


def _plain_word(sp: _Speech, t: _Tok) -> bool:
    """A lower-case word that can be an adjective after a noun (no function word of the tables)."""
    return (
        t.text.replace("-", "").isalpha()
        and t.text.islower()
        and t.low not in sp.not_subjects
        and t.low not in sp.clause_words
        and t.low not in sp.determiners
        and t.low not in sp.linkers
        and t.low not in sp.pronouns
        and t.low not in sp.possessives
        and t.low not in sp.auxiliaries
        and (t.low,) not in sp.verbs
        and (t.low,) not in sp.participles
    )


@dataclass(slots=True)
class _Source:
    name: str
    kind: str
    start: int  # character offsets in the sentence
    end: int


def _classify(
    sp: _Speech, toks: list[_Tok], i: int, j: int, sentence_start: bool, cue: bool = False
) -> _Source | None:
    """The source named by tokens [i, j). ``cue``: named after "laut"/"según" (in a language that
    capitalises nouns, a lone capitalised word there is more often a noun than a name)."""
    lead = i
    while lead < j and (toks[lead].low in sp.determiners or (lead == i and toks[lead].low in sp.indefinites)):
        lead += 1
    words = [t for t in toks[lead:j] if t.text not in _QUOTE_OPEN and t.text not in _QUOTE_CLOSE]
    while (
        len(words) > 1
        and _plain_word(sp, words[0])
        and sp.head_kind(words[0].low) is None
        and words[1].low not in sp.linkers
    ):
        # an adjective before the head: "einer neuen Umfrage" -> "Umfrage" (a word before a linker is the
        # head: "la gestión de Sandra Quiñónez", "un integrante del Poder Ejecutivo")
        words = words[1:]
    if not words:
        return None
    had_det = lead > i
    indefinite = had_det and toks[i].low in sp.indefinites
    phrase = _join(words)
    if any(t.low in _PLACEHOLDER_NAMES for t in words):
        return None  # "Lorem Ipsum is simply dummy text ...": a template's placeholder, no one's name
    start, end = toks[i].start, toks[j - 1].end
    for r in range(min(2, len(words))):  # (maybe after a role: "Sprecher Max Müller von der Polizei")
        named = _affiliated(sp, words[r:])
        if named and (r == 0 or sp.head_kind(words[0].low) == "person"):
            return _Source(_join(named), "person", named[0].start, named[-1].end)
    if phrase in OUTLETS:
        return _Source(
            phrase, OUTLETS[phrase] if OUTLETS[phrase] in ("outlet", "media") else "outlet", start, end
        )
    whole = _join(toks[i:j])
    if had_det and whole in OUTLETS:  # an outlet whose name holds its article: "Le Monde révèle", "Les Échos"
        return _Source(whole, "outlet", start, end)
    for n in range(len(words)):  # an outlet the gazetteer knows, inside the phrase ("la agencia EFE")
        for m in range(len(words), n, -1):
            cand = " ".join(t.text for t in words[n:m])
            if cand in OUTLETS and (m - n > 1 or _cap(words[n]) or words[n].text == cand):
                return _Source(cand, "outlet", words[n].start, words[m - 1].end)
    kinds = [sp.head_kind(t.low) for t in words]
    # a role followed by a name: the name ("el presidente Josep Lluís Núñez", "Geschäftsführer Christian Hanisch")
    roles = [n for n, k in enumerate(kinds) if k == "person"]
    for r in roles:
        name = words[r + 1 :]
        while len(name) > 1 and _plain_word(sp, name[0]) and not sp.nouns_capitalised:
            name = name[1:]  # an adjective after the role: "el escritor peruano Mario Vargas Llosa"
        while len(name) > 2 and name[0].text.isupper() and name[0].text.isalpha():
            name = name[1:]  # a party's acronym between the role and the name: "député LR Éric Ciotti"
        name = _past_domain(sp, name)  # "ministre de l'Intérieur Gérald Darmanin": the name after the domain
        if (
            name
            and all(_cap(t) or t.low in sp.linkers or t.low in sp.determiners for t in name)
            and _cap(name[0])
            and _cap(name[-1])
            and any(sp.head_kind(t.low) is None for t in name)
            and not _domain_as_name(sp, name)
        ):
            return _Source(_join(name), "person", name[0].start, end)
    if kinds[0] == "outlet" and len(words) > 1 and all(_cap(t) for t in words[1:]):
        name = words[1:]  # "das Magazin Technology Review", "le quotidien Le Monde": the outlet's name
        return _Source(_join(name), "outlet", name[0].start, end)
    if roles:
        # "un responsable syndical": an unnamed source, as English "a union official"
        return _Source(phrase, "anonymous" if indefinite else "person", start, end)
    heads = [k for k in kinds if k is not None]
    if heads:  # the first head names the kind: "Fuentes del Ministerio" are sources, not a ministry
        return _Source(phrase, heads[0], start, end)
    caps = [t for t in words if _cap(t)]
    if not caps:
        return None
    if sp.nouns_capitalised and (had_det or (cue and len(caps) == 1)):
        # "der Volksmund", "laut Herstellerangaben": a noun, not a name ("Keuter sagt" is a name)
        return _Source(phrase, "organisation", start, end)
    if len(words) == 1 and len(phrase) > 1 and phrase.isupper():
        return _Source(phrase, "organisation", start, end)  # an acronym: "HBDI", "CORRECTIV", not a person
    if sp.nouns_capitalised and not had_det and len(words) > 2 and words[0].text in sp.given_names:
        # a person's name in the genitive before a noun: "so Birgit Kelles Erfahrung" -> Birgit Kelle
        for k in range(1, len(words) - 1):
            w = words[k]
            if (
                len(w.text) > 3
                and w.text.endswith("s")
                and w.text not in sp.given_names  # (a middle name: "Klaus Jens Müller")
                and _cap(words[k + 1])
                and not w.text.isupper()
            ):
                genitive = " ".join(t.text for t in words[:k]) + " " + w.text[:-1]
                return _Source(genitive, "person", start, w.end)
    if had_det and (len(words) == 1 or (not indefinite and _fold(words[0].text) not in _GIVEN_NAMES)):
        # a name with an article is an institution's, not a person's: "l'Insee", "la CGT", "a Secretaria da
        # Segurança Pública" ("el propio Pedro Sánchez": a given name opens a person's)
        return _Source(phrase, "organisation", start, end)
    return _Source(phrase, "person", start, end)


def _affiliated(sp: _Speech, words: list[_Tok]) -> list[_Tok] | None:
    """The words of a person's name that ``words`` open, before the body the person belongs to ("Benjamin
    Jendro von der Gewerkschaft der Polizei", "Juan Pérez de la Policía Nacional"): two capitalised words or
    more, the first a given name, then a linker of ``affiliation_linkers``, maybe an article, and the head of
    an organisation or an outlet or an acronym; None when ``words`` are no such phrase ("Ursula von der
    Leyen")."""
    if not sp.affiliation_linkers or len(words) < 4 or _fold(words[0].text) not in _GIVEN_NAMES:
        return None
    for k in range(2, len(words) - 1):
        if words[k].low in sp.affiliation_linkers:
            m = k + 1
            while m < len(words) - 1 and words[m].low in sp.determiners:
                m += 1
            body = words[m]
            if all(_cap(t) for t in words[:k]) and (
                sp.head_kind(body.low) in ("organisation", "outlet")
                or (len(body.text) > 1 and body.text.isupper())
            ):
                return words[:k]
            return None
        if not _cap(words[k]):
            return None
    return None


def _past_domain(sp: _Speech, words: list[_Tok]) -> list[_Tok]:
    """The words after a role's domain ("de l'Intérieur", "de Estados Unidos"), when the name of a person
    follows it: a given name and at least one more capitalised word ("de l'Intérieur Gérald Darmanin" ->
    "Gérald Darmanin", "de Estados Unidos Joe Biden" -> "Joe Biden"); else the words as they are ("de la
    Comisión Nacional de Valores": no name)."""
    if len(words) < 4 or words[0].low not in sp.domain_linkers:
        return words
    k = 1
    while k < len(words) and words[k].low in sp.determiners and not _cap(words[k]):
        k += 1  # "de la République", "de l'Intérieur"
    if k >= len(words) or not _cap(words[k]):
        return words
    for n in range(k + 1, len(words) - 1):
        if _fold(words[n].text) in _GIVEN_NAMES and _name_words(sp, words[n:]) >= 2:
            return words[n:]
    return words


def _domain_as_name(sp: _Speech, name: list[_Tok]) -> bool:
    """Capitalised words after a role that are its title and domain, no name: a linker of a domain inside
    them and no given name first ("la Fiscal General del Paraguay", "el Secretario General de la OTAN"; "Luis de Guindos"
    and "Lothar de Maizière" are names)."""
    return any(t.low in sp.domain_linkers for t in name[1:-1]) and _fold(name[0].text) not in _GIVEN_NAMES


def _name_words(sp: _Speech, words: list[_Tok]) -> int:
    """The capitalised words of a name, its particles left out ("Bruno Le Maire": 2)."""
    return sum(1 for t in words if _cap(t) and t.low not in sp.determiners and t.low not in sp.linkers)


def _fold(word: str) -> str:
    """A word without its accents ("Gérald" -> "Gerald")."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _clause_start(sp: _Speech, toks: list[_Tok], i: int) -> bool:
    return (
        i == 0
        or toks[i - 1].text in (",", ";", ":", "(", "«", "»", "„", "“", "”", '"', "–", "—", "-")
        or (toks[i - 1].low in sp.clause_words)
    )


@dataclass(slots=True)
class Found:
    """What attribution.attribute needs to build its Attribution."""

    speaker: str | None
    kind: str | None
    chain: list[str]
    spans: list[tuple[int, int]]
    pronoun: str | None
    verb: str | None
    content: tuple[int, int] | None


def _colon_speaker(sp: _Speech, toks: list[_Tok]) -> tuple[_Source, int] | None:
    """A person who opens the sentence with a colon and a quotation ("Minister Axel Vogel: „Rückblickend
    ...“", "Peter Aurnhammer: „Nachdem ...“"): (source, index of the colon). The person is named by a role
    ("Ministerin Schulze", "le ministre") or by more than one word: one capitalised word before a colon is
    as often a label ("Korrektur:", "Denn:")."""
    rng = _forward_np(sp, toks, 0) if toks else None
    if rng is None or rng[1] + 1 >= len(toks) or toks[rng[1]].text != ":":
        return None
    if toks[rng[1] + 1].text not in _QUOTE_OPEN or _quoted_title(toks, rng[1] + 1):
        return None
    src = _classify(sp, toks, *rng, sentence_start=True)
    if src is None or src.kind != "person":
        return None
    role = any(sp.head_kind(t.low) == "person" for t in toks[rng[0] : rng[1]])
    if not role and not (" " in src.name and _proper_name(sp, src.name)):
        return None
    return src, rng[1]


def _quoted_title(toks: list[_Tok], i: int) -> bool:
    """The quotation opened at token i is a title, not speech: it closes with no sentence end inside and a
    dash or a parenthesis follows it (an author's work: "Deniz Yücel: „Wir sind ja nicht zum Spaß hier“ –
    Edition Nautilus", "Wolfgang Schmale: „Geschichte Frankreichs“ (Stuttgart 2000)")."""
    for j in range(i + 1, len(toks)):
        if toks[j].text in _QUOTE_CLOSE:
            return toks[j - 1].text not in _SENTENCE_ENDS and j + 1 < len(toks) and toks[j + 1].text in "–—-("
    return False


def attribute(text: str, lang: str) -> Found | None:
    sp = _speech(lang)
    if sp is None:
        return None
    toks = _tokens(text)
    colon = _colon_speaker(sp, toks) if sp.colon_quotes else None
    if colon is not None:
        who, k = colon
        return Found(
            who.name, who.kind, [], [(toks[k].start, toks[k].end)], None, None, (toks[k].end, len(text))
        )
    if _QUOTE_MARKS.isdisjoint(text):
        return _scan(sp, toks, text, None, False)
    # a cue or a speech verb outside the quoted words frames them; one inside is the quoted speaker's own
    # report ('„... – laut einer Studie sehen das 67 Prozent so –, dass ...“, hielt Susanne Raab fest',
    # '"Durante o encontro, o Ministro da Defesa afirmou ...", diz o comunicado do STF'), their source only
    # when nothing outside names one (as the English rules read say-verbs outside a quotation first)
    quoted = _quoted_words(toks, text, sp.reversed_guillemets)
    found = _scan(sp, toks, text, quoted, True) or _scan(sp, toks, text, quoted, False)
    if found is None and sp.clause_colon_quotes:
        clause = _clause_colon_speaker(sp, toks)
        if clause is not None:
            who, k = clause
            found = Found(who.name, who.kind, [], [], None, None, (toks[k].end, len(text)))
    return found


def _clause_colon_speaker(sp: _Speech, toks: list[_Tok]) -> tuple[_Source, int] | None:
    """The person named as the subject that opens a clause ending in a colon and a quotation, in a sentence
    with no speech verb or cue ("Luke Bartholomew vom Vermögensverwalter Aberdeen, erwartet keine
    Veränderung: „Die EZB ...“", "Der Walliser Staatsrat Mathias Reynard dankte den Rettungskräften: "Ohne
    ..."": the quotation is the subject's words): (source, index of the colon). Named by a role, or by a given
    name and a surname (a capitalised noun opens many a German sentence: "Ihre Arbeit ...: „...“"); only where
    the name opens the sentence (a name after the verb may be its object: "Merz kritisierte Olaf Scholz: ...").
    """
    q = next(
        (k for k in range(2, len(toks) - 1) if toks[k].text == ":" and toks[k + 1].text in _QUOTE_OPEN), 0
    )
    if q == 0 or _quoted_title(toks, q + 1):
        return None
    rng = _forward_np(sp, toks, 0)
    if rng is None or rng[1] >= q:
        return None
    src = _classify(sp, toks, *rng, sentence_start=True)
    if src is None or src.kind != "person":
        return None
    role = any(sp.head_kind(t.low) == "person" for t in toks[rng[0] : rng[1]])
    given = any(w in sp.given_names or _fold(w) in sp.given_names for w in src.name.split()[:-1])
    # ("Ihre Arbeit hat sie oft an die Grenze gebracht: ...", "Gleich zu Beginn ...": no name)
    if not role and not (given and " " in src.name and _proper_name(sp, src.name)):
        return None
    return src, q


def _own_account(sp: _Speech, toks: list[_Tok], quoted: list[bool] | None) -> tuple[_Source, int, int] | None:
    """The subject that opens the sentence when a cue of its own account stands in it, outside quotation marks
    ("Israels Armee hat laut eigenen Angaben die Hälfte der Führungsriege getötet", "Die Polizei hat nach
    eigenen Angaben 20 Personen festgenommen"): (the subject, the cue's index, its length), or None (no such
    cue, or no subject of the tables' kinds opens the sentence)."""
    for c in range(1, len(toks)):
        k = _match(sp.own_account_cues, toks, c, sp.maxlen)
        if k and (quoted is None or not quoted[c]):
            break
    else:
        return None
    rng = _forward_np(sp, toks, 0) or _adjective_np(sp, toks, 0)
    if rng is None and len(toks) > 2 and toks[0].low in sp.not_subjects and toks[1].low not in sp.determiners:
        rng = (
            0,
            1,
        )  # a connective adverb first, no subject: "Inzwischen hat die Armee nach eigenen Angaben ..."
    if rng is None or rng[1] > c:
        return None
    src = _classify(sp, toks, *rng, sentence_start=True)
    named = src is not None and (
        toks[0].low in sp.determiners
        or any(sp.head_kind(t.low) is not None for t in toks[rng[0] : rng[1]])
        or (" " in src.name and _proper_name(sp, src.name))
        or src.name in OUTLETS
    )
    if not named and rng[1] - rng[0] == 1 and rng[1] + 1 < c and toks[rng[1]].text.islower():
        # verb second after an adverb: "Zuvor hatte die israelische Armee nach eigenen Angaben ..."
        src = _subject_after(sp, toks, rng[1] + 1)
    elif not named:
        return None
    if src is None or src.kind not in ("person", "organisation", "outlet", "media"):
        return None
    return src, c, k


def _preposed_source(sp: _Speech, toks: list[_Tok]) -> tuple[_Source, int, int] | None:
    """A source before an impersonal verb of saying that follows it, the sentence's opening: a preposition of
    ``preposed_openers`` and its phrase ("Aus dem Schulministerium heißt es, ...", "Von Temu heißt es zu den
    Vorwürfen: ...", "Aus Kreisen der Regierung hieß es"), or of ``preposed_document_openers`` and a document
    ("Im Bericht heißt es", "In einer Stellungnahme der Familie hieß es"; "In Berlin hieß es" names no
    source): (source, index of the verb, its length), or None."""
    if len(toks) < 4:
        return None
    opener = toks[0].low
    documents_only = opener in sp.preposed_document_openers
    if opener not in sp.preposed_openers and not documents_only:
        return None
    rng = _forward_np(sp, toks, 1) or _adjective_np(sp, toks, 1)
    if rng is None:
        return None
    k = _match(sp.preposed_verbs, toks, rng[1], sp.maxlen)
    if not k:
        return None
    src = _classify(sp, toks, *rng, sentence_start=False, cue=True)
    if src is None or (documents_only and not any(sp.is_document(t.low) for t in toks[rng[0] : rng[1]])):
        return None
    return src, rng[1], k


def _opinion_holder(sp: _Speech, toks: list[_Tok]) -> tuple[_Source | None, str | None, int, int] | None:
    """(source, pronoun, the cue's token, the comma's) of an opinion cue that opens the sentence, its source right before a comma:
    a pronoun ("Para ele,"), a person ("Para Núñez,", "Para los responsables de la ciudad,") or a body
    ("Para la Fiscalía,"); None for a purpose, a time or a thing ("Para ello,", "Para las elecciones,", "Pour
    le moment,") or a place ("Para Madrid,": what is good for it)."""
    # (at the start, or after one word and its comma: "Cependant, pour les auteurs, le ministre ...")
    c = 2 if len(toks) > 2 and _is_word(toks[0]) and toks[1].text == "," else 0
    if len(toks) < c + 4 or toks[c].low not in sp.opinion_cues:
        return None
    if toks[c + 1].low in sp.cue_pronouns and toks[c + 2].text == ",":
        return None, sp.cue_pronouns[toks[c + 1].low], c, c + 2
    rng = _forward_np(sp, toks, c + 1)
    if rng is None:
        return None
    end = rng[1]
    if end < len(toks) and toks[end].low in sp.linkers:
        # the head's complement in lower case: "Para los responsables de la ciudad,"
        end += 1
        while (
            end < len(toks) and end - rng[1] < 6 and (toks[end].low in sp.determiners or _is_word(toks[end]))
        ):
            if toks[end].low in sp.clause_words or toks[end].low in sp.not_subjects:
                return None
            end += 1
    if end >= len(toks) or toks[end].text != ",":
        return None
    src = _classify(sp, toks, c + 1, end, sentence_start=False, cue=True)
    if src is None or src.kind not in ("person", "organisation") or src.name in PLACES:
        return None
    if not any(sp.head_kind(t.low) is not None for t in toks[c + 1 : end]) and not _cap(toks[c + 1]):
        return None  # (a name, or a noun of the tables: "Para los niños," names no one)
    return src, None, c, end


def _scan(sp: _Speech, toks: list[_Tok], text: str, quoted: list[bool] | None, skip: bool) -> Found | None:
    """The attribution of the sentence ``toks``, ``quoted`` marking its quoted words (None: none): with
    ``skip``, no cue or verb is read among them; a verb bracket never is."""
    n = len(toks)
    opinion = _opinion_holder(sp, toks) if sp.opinion_cues else None
    if opinion is not None:
        who, pron, c, k = opinion
        return Found(
            who.name if who else None,
            who.kind if who else None,
            [],
            [(toks[c].start, toks[c].end)],
            pron,
            None,
            (toks[k].end, len(text)),
        )
    preposed = _preposed_source(sp, toks) if sp.preposed_verbs else None
    if preposed is not None:
        who, v, k = preposed
        return Found(
            who.name,
            who.kind,
            [who.name] if who.kind in ("outlet", "media") else [],
            [(toks[v].start, toks[v + k - 1].end)],
            None,
            " ".join(t.low for t in toks[v : v + k]),
            (toks[v + k - 1].end, len(text)),
        )
    own = _own_account(sp, toks, quoted) if sp.own_account_cues else None
    if own is not None:
        who, c, k = own
        return Found(who.name, who.kind, [], [(toks[c].start, toks[c + k - 1].end)], None, None, None)
    chain: list[str] = []
    spans: list[tuple[int, int]] = []
    speaker: _Source | None = None
    pronoun: str | None = None
    verb: str | None = None
    content: tuple[int, int] | None = None
    i = 0
    while i < n:
        if skip and quoted is not None and quoted[i]:
            i += 1
            continue
        k = _match(sp.before, toks, i, sp.maxlen)
        if k and sp.cue_frame_openers:
            k += _cue_frame_len(sp, toks, i + k)
        if (
            k
            and speaker is None
            and pronoun is None
            and i + k < n
            and toks[i + k].low in sp.cue_pronouns
            and _cue_use(sp, toks, i, k)
        ):
            pronoun = sp.cue_pronouns[toks[i + k].low]  # "selon lui"
            spans.append((toks[i].start, toks[i + k].end))
            i += k + 1
            continue
        if k and speaker is None and _cue_use(sp, toks, i, k):
            owned = _owned_np(sp, toks, i + k)
            rng = owned or _forward_np(sp, toks, i + k) or _adjective_np(sp, toks, i + k)
            src = _classify(sp, toks, *rng, sentence_start=False, cue=True) if rng else None
            # "según la policía", "laut Polizei", "según fuentes del Ministerio"
            # (the first word of the source, past a quote mark: "laut „Spiegel“")
            first = toks[rng[0] + 1] if rng and toks[rng[0]].text in _QUOTE_OPEN else toks[i + k]
            if src is not None and (
                owned is not None
                or first.low in sp.determiners
                or first.low in sp.indefinites
                or _cap(first)
                or sp.head_kind(first.low)
            ):
                spans.append((toks[i].start, toks[i + k - 1].end))
                if (
                    rng is not None
                    and src.kind in ("person", "organisation")
                    and _names_publication(sp, toks, i, k, rng)
                ):
                    src = _Source(src.name, "outlet", src.start, src.end)
                if src.kind in ("outlet", "media"):
                    chain.append(src.name)
                # a title, then the name: "según el vicepresidente de la ANP, Daniel Loureiro"
                speaker = _name_after_title(sp, toks, src, rng[1], closed=True) if rng else None
                speaker = speaker or src
                i += k
                continue
        k = _match(sp.after, toks, i, sp.maxlen)
        if k and speaker is None:
            rng = _backward_np(sp, toks, i)
            src = _classify(sp, toks, *rng, sentence_start=rng[0] == 0, cue=True) if rng else None
            if src is not None:
                spans.append((toks[i].start, toks[i + k - 1].end))
                if src.kind in ("outlet", "media"):
                    chain.append(src.name)
                speaker = src
                i += k
                continue
        k = _match(sp.pronoun_verbs, toks, i, sp.maxlen)
        inv = _inverted(sp, toks, i) if not k and sp.inverted else None
        if inv is not None:
            k = inv[0]
        if k and speaker is None and pronoun is None:
            pronoun = inv[1] if inv is not None else sp.pronoun_verbs[tuple(t.low for t in toks[i : i + k])]
            spans.append((toks[i].start, toks[i + k - 1].end))
            verb = " ".join(t.low for t in toks[i : i + k])
            vs = toks[i].start
            content = (0, vs) if vs > len(text) - toks[i + k - 1].end else (toks[i + k - 1].end, len(text))
            i += k
            continue
        g = _gerund_len(sp, toks, i) if speaker is None and pronoun is None else 0
        if g:
            src = _gerund_subject(sp, toks, i)
            if src is not None:
                spans.append((toks[i].start, toks[i + g - 1].end))
                verb = " ".join(t.low for t in toks[i : i + g])
                speaker = src
                if src.kind in ("outlet", "media") and src.name not in chain:
                    chain.append(src.name)
                content = (toks[i + g - 1].end, len(text))
                i += g
                continue
        k = _verb_len(sp, toks, i) if speaker is None and pronoun is None else 0
        bracket = False
        if (
            not k
            and speaker is None
            and pronoun is None
            and (sp.bracket_auxiliaries or sp.separable)
            and (quoted is None or not quoted[i])
        ):
            # a verb bracket: "hat ... gesagt,", "teilte ... mit,"
            k = _bracket_len(sp, toks, i) or _separable_len(sp, toks, i)
            bracket = k > 0
        document_only = False
        if not k and speaker is None and pronoun is None:
            k = _document_verb_len(sp, toks, i)
            document_only = k > 0
        characterising = False
        if not k and speaker is None and pronoun is None:
            k = _characterising_len(sp, toks, i)
            characterising = k > 0
        if k and sp.passive and _passive(sp, toks, i, k):
            k = 0
        if k:
            # (a bracket's subject stands before its auxiliary or right after it: "Am Montag hat er ...")
            got = _speech_verb(sp, toks, i, 1 if bracket else k)
            inverted = bracket and got is not None and _separable_at_end(toks, i, k)
            if inverted and got is not None and not _inverted_separable(sp, toks, i, k, got[0]):
                got = None  # "..., teilte die Zahlen mit": an object in the middle
            if (
                got is not None
                and bracket
                and not inverted
                and got[0] is not None
                and got[0].start > toks[i].start
                and toks[0].low in sp.determiners
            ):
                got = None  # "Die Website Good on You hat Skims kritisiert": an object after the auxiliary
            if got is not None and document_only and (got[0] is None or not _names_document(sp, got[0])):
                got = None  # "das Bild zeigt": only a document speaks by "zeigt"
            if (
                got is not None
                and characterising
                and got[0] is not None
                and got[0].start > toks[i].start
                and toks[0].low not in sp.object_openers
                and toks[0].low not in sp.not_subjects
            ):
                # a name after a characterising verb is its object ("Die Stiftung ... nannte Vargas Llosa
                # „einen Meister ...“"), its subject only after an object or an adverb that opens the sentence
                # ("Den Tausch ... bezeichnete Heusgen „eine Unverschämtheit“")
                got = None
            if got is not None:
                src, pron = got
                vs, ve = toks[i].start, toks[i + k - 1].end
                spans.append((vs, ve))
                verb = " ".join(t.low for t in ((toks[i], toks[i + k - 1]) if bracket else toks[i : i + k]))
                if src is not None:
                    speaker = src
                    if src.kind in ("outlet", "media") and src.name not in chain:
                        chain.append(src.name)
                else:
                    pronoun = pron
                subj_end = max(ve, src.end if src else ve)
                subj_start = min(vs, src.start if src else vs)
                if src is None and i > 0 and i + k < n and toks[i - 1].text == toks[i + k].text == ",":
                    # an incise inside the sentence: "En España, añadió, fue posible ..."
                    content = (0, len(text))
                elif i > 0 and toks[i - 1].text in (",", *_QUOTE_CLOSE) and (src is None or src.start >= ve):
                    # "Die Lage sei ernst, sagte Scholz dem Spiegel am Montag in Berlin": the verb after a comma
                    # and its subject after it: what was said comes before, however long the words after
                    content = (0, subj_start)
                else:
                    content = (subj_end, len(text)) if len(text) - subj_end >= subj_start else (0, subj_start)
                i += k
                continue
        i += 1
    if speaker is None and pronoun is None:
        return None
    if speaker is not None:
        return Found(speaker.name, speaker.kind, chain, spans, None, verb, content)
    return Found(None, None, chain, spans, pronoun, verb, content)


def attributed(text: str, lang: str) -> bool:
    """The sentence reports what a source said, whether or not its speaker can be named: a cue that
    introduces a source ("selon la police", not "selon que" or "laut Fahrplan"), a speech verb that is no
    passive and has no generic or first-person subject ("a déclaré", "dit-il", not "on dit" or "wurde
    erklärt"), or a document verb after a document ("der Bericht zeigt"). What a speaker share is counted
    against (bench/speakers_intl.py); it does not look for the speaker itself."""
    sp = _speech(lang)
    if sp is None:
        return False
    toks = _tokens(text)
    if sp.opinion_cues and _opinion_holder(sp, toks) is not None:
        return True  # "Para la Fiscalía, ..."
    for i in range(len(toks)):
        k = _match(sp.before, toks, i, sp.maxlen)
        if k and _cue_use(sp, toks, i, k):
            return True
        if _match(sp.after, toks, i, sp.maxlen) and i > 0 and _is_word(toks[i - 1]):
            return True
        if _match(sp.pronoun_verbs, toks, i, sp.maxlen):
            return True
        inv = _inverted(sp, toks, i) if sp.inverted else None
        if inv is not None:
            return True
        k = _verb_len(sp, toks, i)
        if k and not (sp.passive and _passive(sp, toks, i, k)) and not _impersonal(sp, toks, i, i + k):
            return True
        k = _document_verb_len(sp, toks, i)
        if k and any(sp.is_document(t.low) for t in toks[max(0, i - 4) : i]):
            return True
    return False


def person_named(text: str, lang: str, persons: Collection[str] = ()) -> str | None:
    """The first person a sentence names, for a later "sagt er" or "dit-il" to stand for when no speaker
    was named before: a role with a name ("Bundeskanzlerin Angela Merkel" -> "Angela Merkel"), a role
    alone ("die Expertin"), where only names are capitalised a name of two words or more ("Emmanuel
    Macron"), else one that opens with a given name ("Udo Kriese"), or the one person of ``persons`` (the
    article's) whose last name a word alone is ("verpasste Elder den Cut" -> "Lee Elder"); None when there
    is none."""
    sp = _speech(lang)
    if sp is None:
        return None
    toks = _tokens(text)
    quoted = _inside_quotes(toks)
    i = 0
    while i < len(toks):
        rng = _forward_np(sp, toks, i) if _np_part(sp, toks[i]) and not quoted[i] else None
        if rng is None:
            i += 1
            continue
        if rng[0] > 0 and toks[rng[0] - 1].low in sp.plural_determiners:
            i = rng[1]  # "les ministres": no antecedent of "il"
            continue
        words = toks[rng[0] : rng[1]]
        src = _classify(sp, toks, *rng, sentence_start=rng[0] == 0)
        # (a noun of kin alone is no antecedent: "su padre" is never the "he" of a later sentence)
        role = any(sp.head_kind(t.low) == "person" and t.low not in sp.people for t in words)
        # a bare name: not two names joined ("la France et l'Allemagne"), not after a preposition ("au
        # Family Park", "sala de imprensa da Casa Branca")
        name = (
            not sp.nouns_capitalised
            and not any(t.low in sp.clause_words or t.low in sp.people for t in words)
            and not (
                rng[0] > 0 and (toks[rng[0] - 1].low in sp.not_subjects or toks[rng[0] - 1].low in sp.linkers)
            )
        )
        # (where nouns are capitalised too, a name that opens with a given name: "Udo Kriese (75) hat ...")
        given = (
            sp.nouns_capitalised and " " in src.name and src.name.split()[0] in sp.given_names
            if src is not None
            else False
        )
        if src is not None and src.kind == "person" and (role or (name and " " in src.name) or given):
            return src.name
        if (
            src is not None
            and persons
            and " " not in src.name
            and _cap(words[-1])
            and not (
                rng[0] > 0 and (toks[rng[0] - 1].low in sp.linkers or toks[rng[0] - 1].low in sp.not_subjects)
            )
        ):  # (not after a preposition: "sobre la situación de Granda" names no subject)
            full = surname_person(src.name, lang, persons)
            if full is not None:
                return full
        i = rng[1]
    return None


def _role_head(sp: _Speech, speaker: str) -> str | None:
    """The role of a person speaker that is a role alone, without a name ("Sprecher", "Grünen-Politiker",
    "portavoz", "fiscal general"), lower case; None for a name or a role with its organisation ("Sprecher
    der Stadt")."""
    words = _tokens(speaker)
    if not words or not all(_is_word(t) for t in words):
        return None
    head, others = (words[0], words[1:]) if sp.adjectives_follow else (words[-1], words[:-1])
    if sp.head_kind(head.low) != "person" or not all(t.text.islower() for t in others):
        return None
    return head.low


def _proper_name(sp: _Speech, name: str) -> bool:
    """A person's name: capitalised words (not all upper case, as a heading is), none of them a role."""
    words = [t for t in _tokens(name) if t.low not in sp.linkers]
    return bool(words) and all(
        _cap(t) and not t.text.isupper() and sp.head_kind(t.low) is None for t in words
    )


def _titled(sp: _Speech, text: str) -> list[tuple[str, str, frozenset[str]]]:
    """(role, name, words) of each person ``text`` names with a role before the name
    ("Bundeswirtschaftsminister Robert Habeck" -> ("bundeswirtschaftsminister", "Robert Habeck")), roles in
    lower case, with the words of the phrase in lower case ("el fiscal general Juan Pérez": "general"). (A
    name ends at the end of its line: "el senador Rick Scott" / "Washington.- ...".)"""
    out = []
    for line in text.splitlines():
        toks = _tokens(line)
        i = 0
        while i < len(toks):
            rng = _forward_np(sp, toks, i) if _np_part(sp, toks[i]) else None
            if rng is None:
                i += 1
                continue
            src = _classify(sp, toks, *rng, sentence_start=False)
            roles = [t.low for t in toks[rng[0] : rng[1]] if sp.head_kind(t.low) == "person"]
            if (
                src is not None
                and src.kind == "person"
                and roles
                and _proper_name(sp, src.name)
                # (not over an adjective: after "el investigador brasileño Carlos Schaefer", "el investigador"
                # may be another researcher)
                and not any(_plain_word(sp, t) and sp.head_kind(t.low) is None for t in toks[rng[0] : rng[1]])
            ):
                out.append((roles[-1], src.name, frozenset(t.low for t in toks[rng[0] : rng[1]])))
            i = rng[1]
    return out


def _surname(name: str) -> str:
    """A person's last name as two spellings of it compare: "Murátov" and "Muratov" are one."""
    return _fold(name.split()[-1].lower())


def _same_role(sp: _Speech, earlier: str, later: str) -> bool:
    """The role ``later`` takes up ``earlier``: the same word, or (in a language that writes compounds) its
    last part ("Bundeswirtschaftsminister" ... "der Minister")."""
    return earlier == later or (sp.nouns_capitalised and earlier.endswith(later))


def role_person(
    speaker: str, lang: str, before: str, previous: str, speakers: Collection[str] = ()
) -> str | None:
    """The person a speaker that is a role alone stands for ("der Sprecher", "Der Grünen-Politiker", "el
    investigador"), from the text ``before`` the sentence, the ``previous`` sentence and the persons who
    spoke in the sentences just before (``speakers``): the one person named earlier with that role ("Bayerns
    Wirtschaftsminister Hubert Aiwanger ... sagte der Minister"); else, when no one was, the person named
    with a role or by a full name who opens the previous sentence ("Bundeswirtschaftsminister Robert Habeck
    dringt auf ... Der Grünen-Politiker sagte"); else the one person by name who spoke just before ('"...",
    erklärt Martin Rölen aus der Presseabteilung der Stadt. ... erklärt der Sprecher'). None when the speaker
    is no role alone, or the role may stand for more than one person."""
    sp = _speech(lang)
    if sp is None:
        return None
    role = _role_head(sp, speaker)
    if role is None:
        return None
    # a role with its qualifier ("fiscal general") is not that of a person named by the role alone ("el fiscal
    # José Godoy" is another prosecutor)
    qualifiers = {t.low for t in _tokens(speaker)} - {role}
    named = [
        name for r, name, words in _titled(sp, before) if _same_role(sp, r, role) and qualifiers <= words
    ]
    if named:
        # the same person named again ("Hubert Aiwanger" ... "Aiwanger"): their fullest name
        if len({_surname(n) for n in named}) == 1:
            return max(named, key=len)
        return None
    if role in sp.people:
        return None  # "a irmã da vítima" is not the victim named before
    toks = _tokens(previous)
    rng = _forward_np(sp, toks, 0) if toks else None
    src = _classify(sp, toks, *rng, sentence_start=True) if rng else None
    if src is not None and src.kind == "person" and _proper_name(sp, src.name) and " " in src.name:
        return src.name
    names = {name for name in speakers if _proper_name(sp, name)}
    if len({_surname(name) for name in names}) == 1:
        # ("Martin Rölen" ... "Rölen", "Dmitry Muratov" ... "Murátov": the fullest name)
        return max(names, key=len)
    return None


def quoted_incise(text: str, lang: str | None, verb: tuple[int, int], speaker: str) -> bool:
    """Whether a sentence all inside a quotation names its speaker in an incise the language's typography
    writes inside the quotation marks: the verb of saying (at ``verb``) right after a comma, the ``speaker``
    after it ('“La désinformation a été une des caractéristiques de la pandémie, rappelle Ana Sofia Cardenal,
    professeure ...', "Ce processus est la norme, explique Antony Fastier, toxicologue"). False in a language
    that closes the quotation around its incise (German, English)."""
    sp = _speech(str(lang)) if lang else None
    return (
        sp is not None
        and sp.incise_inside_quotes
        and text[: verb[0]].rstrip().endswith(",")
        and speaker in text[verb[1] :]
    )


def surname_person(speaker: str, lang: str, persons: Collection[str]) -> str | None:
    """The person a one-word source stands for that the language reads as an organisation (a capitalised
    word alone after a cue: "so Kohlmann", "laut Aiwanger"), when it is the last name of a person named
    before (``persons``): their fullest name ("Michael Kohlmann"); None when no one of that name was named,
    or the word is a head of the tables ("laut Polizei")."""
    sp = _speech(lang)
    if sp is None or " " in speaker or sp.head_kind(speaker.lower()) is not None:
        return None
    names = [p for p in persons if " " in p and _proper_name(sp, p) and _surname(p) == _surname(speaker)]
    return max(names, key=len) if names else None


def reported_speech(text: str, lang: str) -> bool:
    """The sentence reports what a source said by its mood alone: a finite verb in the subjunctive of
    indirect speech (German Konjunktiv I: "Die Echtheit der Bilder könne nicht bestätigt werden"), outside a
    quotation, in the sentence's first clause, not in a fixed phrase ("es sei denn") nor a comparison ("als
    habe sie", as if), in no sentence of the first person ("ich habe" is indicative). With no cue of its
    own, such a sentence continues the source of the sentence before."""
    sp = _speech(lang)
    if sp is None or not _may_report(sp, text):
        return False
    toks = _tokens(text)
    quoted = _inside_quotes(toks)
    if any(t.low in sp.subjunctive_not_after and not q for t, q in zip(toks, quoted, strict=True)):
        return False  # "Ich gehe früh aus dem Haus": the first person's forms are indicative
    idiom_end = 0
    subordinate = bool(toks) and toks[0].low in sp.subjunctive_subordinators
    for i, t in enumerate(toks):
        if subordinate and i > 0 and t.text == "," and not quoted[i]:
            # a subordinate clause first: the main clause's verb follows its comma ("Da der Fernsehrat ... sein
            # sollte, sei deren Einfluss zu begrenzen")
            return i + 1 < len(toks) and (
                toks[i + 1].low in sp.subjunctive or _subjunctive_form(sp, toks, i + 1)
            )
        if not subordinate and i > 0 and not quoted[i] and (t.text in ",;:–—" or t.low in sp.clause_words):
            # only the first clause: after "Der AStA hatte moniert, Lucke habe ..." or "Cherry hatte angekündigt,
            # dass ... werde" the sentence names its source itself
            return False
        k = _match(sp.subjunctive_idioms, toks, i, 4)
        if k:
            idiom_end = i + k
        # (a form that opens the sentence is no indirect speech, which puts the verb second: "Habe den Kuchen
        # gestern gebacken" leaves out "ich")
        if (
            (t.low in sp.subjunctive or _subjunctive_form(sp, toks, i))
            and i >= idiom_end
            and not quoted[i]
            and i > 0
            and _is_word(toks[i - 1])
            and toks[i - 1].low not in sp.subjunctive_comparisons
        ):
            return True
    return False


def _subjunctive_shape(sp: _Speech, w: str) -> bool:
    """A word of the shape of a Konjunktiv I form: lower case, the ending on a stem of three letters or more
    ("umfasse") whose infinitive ("umfassen") and present indicative ("umfasst") are both common words of the
    language; not a past form (a stem in "t" of a verb without it: "sollte", "sollen"), not a word of that
    shape that is mostly something else ("eine")."""
    end = sp.subjunctive_ending
    if not end or not w.endswith(end) or not w.islower() or w in sp.subjunctive_not_forms:
        return False
    stem = w[: -len(end)]
    if len(stem) < 3:
        return False
    if stem.endswith("t") and any(stem[:-1] + e in sp.lexicon for e in sp.subjunctive_infinitive):
        return False
    if not any(stem + e in sp.lexicon for e in sp.subjunctive_infinitive):
        return False
    return any(s + e in sp.lexicon for s in _indicative_stems(sp, stem) for e in sp.subjunctive_indicative)


def _indicative_stems(sp: _Speech, stem: str) -> list[str]:
    """The stems of a verb's present indicative: its own, and those of the vowel changes of the strong verbs
    ("betreff" -> "betriff", "trag" -> "träg", "empfehl" -> "empfiehl") on the vowel of its last syllable.
    A changed stem whose infinitive is itself a word is another verb, and the word an adjective of its own
    ("stark": "stärken" is a verb, "starke" an adjective), so it is left out."""
    stems = [stem]
    m = _LAST_VOWELS.search(stem)
    if m is None:
        return stems
    for old, new in sp.subjunctive_vowel_changes:
        if m.group(1) == old:
            changed = stem[: m.start(1)] + new + stem[m.end(1) :]
            if not any(changed + e in sp.lexicon for e in sp.subjunctive_infinitive):
                stems.append(changed)
    return stems


def _subjunctive_form(sp: _Speech, toks: list[_Tok], i: int) -> bool:
    """A Konjunktiv I form by its shape (``_subjunctive_shape``), not before a capitalised word, as an
    adjective stands before its noun ("die gleiche Wellenlänge"), nor after an article ("die bessere")."""
    if not _subjunctive_shape(sp, toks[i].text):
        return False
    if i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
        return False
    return not (i > 0 and toks[i - 1].low in sp.subjunctive_form_not_after)


def _may_report(sp: _Speech, text: str) -> bool:
    """Whether a sentence holds a listed Konjunktiv I form or a word of its shape: the cheap test before the
    sentence is read word by word (most sentences hold neither)."""
    if sp.subjunctive_gate is None:
        return False
    if sp.subjunctive_gate.search(text):
        return True
    return sp.subjunctive_words is not None and any(
        _subjunctive_shape(sp, m.group(0)) for m in sp.subjunctive_words.finditer(text)
    )


def _named_source(sp: _Speech, src: _Source, persons: Collection[str]) -> bool:
    """A source named as such: a person the article named before (``persons``, full names or surnames), an
    organisation or outlet by a word of the tables ("Polizei", "Nachrichtensender") or by a name with capitals
    inside ("CNN", "AStA"). Where every noun is capitalised, a capitalised word alone is no name."""
    words = _tokens(src.name)
    if src.kind == "person":
        last = src.name.split()[-1]
        return _proper_name(sp, src.name) and any(last == p.split()[-1] for p in persons)
    return src.name in OUTLETS or any(
        sp.head_kind(t.low) in ("organisation", "outlet") or any(c.isupper() for c in t.text[1:])
        for t in words
    )


def opening_source(text: str, lang: str, persons: Collection[str] = ()) -> tuple[str, str] | None:
    """(name, kind) of the source that opens a sentence as its subject, for a sentence of indirect speech
    after it ("Der US-Nachrichtensender CNN scheint skeptischer zu sein." -> ("CNN", "outlet")): a person
    the article named before (``persons``), an organisation or an outlet named as such (``_named_source``);
    None when the sentence opens otherwise."""
    sp = _speech(lang)
    if sp is None:
        return None
    toks = _tokens(text)
    rng = _forward_np(sp, toks, 0) if toks else None
    src = _classify(sp, toks, *rng, sentence_start=True) if rng else None
    if (
        src is None
        or src.kind not in ("person", "organisation", "outlet")
        or not _named_source(sp, src, persons)
    ):
        return None
    return src.name, src.kind


def _quoted_words(toks: list[_Tok], text: str, reversed_guillemets: bool = False) -> list[bool]:
    """For each token, whether it is quoted words, a quotation begun in an earlier sentence included (a
    closing mark with none open: every word before it). « and „ open, » and ” close; " and “ open after a
    space (or at the start) and close after a word ('sehen das so", hielt Raab fest', „Gut“, sagt er).
    With ``reversed_guillemets`` (German »...«), a sentence whose first guillemet is » with a « after it
    has them the other way round ('Barr bezeichnete den Bericht als »unerschrocken«.')."""
    out = [False] * len(toks)
    depth = 0
    opening = "«„"
    if reversed_guillemets:
        marks = [t.text for t in toks if t.text in ("»", "«")]
        if marks[:1] == ["»"] and "«" in marks:
            opening = "»„"
    for i, t in enumerate(toks):
        if t.text not in _QUOTE_MARKS:
            out[i] = depth > 0
            continue
        opens = t.text in opening or (
            t.text in '"“' and (t.start == 0 or text[t.start - 1].isspace() or text[t.start - 1] in "([")
        )
        if opens:
            depth += 1
        elif depth:
            depth -= 1
        else:
            out[:i] = [True] * i  # the quotation opened in a sentence before
    return out


def _inside_quotes(toks: list[_Tok]) -> list[bool]:
    """For each token, whether it stands inside a quotation (« », „ “, " ")."""
    out = []
    depth = 0
    straight = False
    for t in toks:
        if t.text in ("»", "”") or (t.text == "“" and depth > 0):
            depth = max(0, depth - 1)
        elif t.text == '"':
            straight = not straight
        out.append(depth > 0 or straight)
        if t.text in ("«", "„") or (t.text == "“" and not out[-1]):
            depth += 1
    return out


def _speech_verb(sp: _Speech, toks: list[_Tok], i: int, k: int) -> tuple[_Source | None, str | None] | None:
    """The subject of the speech verb at tokens [i, i + k): (source, None), (None, pronoun) or None.

    In order: a pronoun right before the verb ("er sagte"); a phrase that opens the clause right before
    it ("Die Polizei erklärte", "Stefan Keuter sagt"); a pronoun right after it ("sagte er"); a phrase
    after it ('..., sagte der Sprecher', "Am Montag sagte Merkel"); a name before an appositive between
    commas; in a language that leaves the subject out, the last person named ("dijo que")."""
    n = len(toks)
    j = i + k
    if _impersonal(sp, toks, i, j):
        # "on dit", "wie man sagt", "je dis", "esto indica": no source; but "eso dijo el ministro" (the
        # demonstrative is the object, the subject follows)
        after = _subject_after(sp, toks, j) if j < n and toks[j].low not in sp.impersonal_after else None
        return (after, None) if after is not None else None
    if i > 0 and toks[i - 1].low in sp.pronouns:
        return None, sp.pronouns[toks[i - 1].low]
    for m in (1, 2, 3):
        if i >= m and _clause_start(sp, toks, i - m):
            aged = _age_pronoun(sp, toks, i - m)
            if aged is not None and i - m + _anaphor_len(sp, toks, i - m) == i:
                return None, aged  # "Der 51-Jährige sagte", "Ce dernier rappelle": the person named before
    before = _subject_before(sp, toks, i)
    if before is None and _abbreviation_before(toks, i):
        # a subject's abbreviation in parentheses: "La Organización Mundial de la Salud (OMS) afirmó", "Die
        # Weltgesundheitsorganisation (WHO) teilte mit" -> the subject before it
        before = _subject_before(sp, toks, i - 3)
    if before is None and i > 3 and toks[i - 1].text == ")" and toks[i - 3].text == "(" and _cap(toks[i - 2]):
        # a person's party or place in parentheses: "Dietmar Bartsch (Linke) kritisierte", "Anna Meier (Grüne)
        # sagte" -> the name before it
        named = _subject_before(sp, toks, i - 3)
        if (
            named is not None
            and named.kind == "person"
            and " " in named.name
            and _proper_name(sp, named.name)
        ):
            before = named
    if before is None and i > 2 and toks[i - 1].low in sp.subject_relatives and toks[i - 2].text == ",":
        # "..., Josep González, quien subrayó que ...": the relative's antecedent, right before the comma
        rng = _backward_np(sp, toks, i - 2)
        before = _classify(sp, toks, *rng, sentence_start=rng[0] == 0) if rng is not None else None
    if before is None and sp.verb_final_openers:
        final = _verb_final_subject(sp, toks, i, j)
        if final is not None:
            return final
    if (
        before is None
        and i > 1
        and (
            toks[i - 1].low in sp.negations
            or toks[i - 1].low in sp.dative_pronouns
            or toks[i - 1].low in sp.subject_particles
        )
    ):
        # "o porta-voz não esclareceu", "Sandra Quiñónez le expuso", "Eren Güvercin hingegen mahnt"
        before = _subject_before(sp, toks, i - 1)
    if (
        before is not None
        and sp.nouns_capitalised
        and before.start == toks[0].start
        and toks[0].low not in sp.determiners
        and " " not in before.name
    ):
        # verb second: "Sinngemäß sagt Wodarg", "Gestern sagte Merkel": the word before may be an adverb;
        # a person named right after the verb is the subject
        after = _subject_after(sp, toks, j)
        if after is not None and after.kind == "person" and after.name != before.name:
            return after, None
    if before is None and i > 1 and toks[i - 1].low in sp.coordinators:
        before = _opening_subject(
            sp, toks, i - 1
        )  # "Biden sonrió y dijo", "Pacheco conversou ... e reiterou"
    if (
        before is not None
        and j < n
        and toks[j].low in sp.nominative_pronouns
        and toks[_token_at(toks, before)].low in sp.determiners
    ):
        # "denn diesen Satz sagte er": a pronoun that can only be a subject, right after the verb, is its
        # subject; the phrase with an article before the verb is its object
        return None, sp.pronouns[toks[j].low]
    if before is not None:
        return before, None
    if j < n and toks[j].low in sp.pronouns:
        opener = _colon_quote_subject(sp, toks, i)
        return (opener, None) if opener is not None else (None, sp.pronouns[toks[j].low])
    aged = _age_pronoun(sp, toks, j)
    if aged is not None:
        return None, aged  # '„...“, sagte der 86-Jährige': the person named before
    after = _subject_after(sp, toks, j)
    if after is not None and after.kind != "person" and i > 0 and toks[i - 1].text == ",":
        # a person named before the verb, in apposition, is its subject; a thing after it is its object:
        # "El fiscal general de Colombia, Francisco Barbosa Delgado, destacó la gestión de Sandra Quiñónez"
        appositive = _appositive_subject(sp, toks, i)
        if appositive is not None and " " in appositive.name and _proper_name(sp, appositive.name):
            return appositive, None
    if after is not None:
        return after, None
    if i > 0 and toks[i - 1].text == ",":
        appositive = _appositive_subject(sp, toks, i)
        if appositive is not None:
            return appositive, None
        if sp.pro_drop and (j >= n or toks[j].text in ",.:;!?"):
            # '"...", afirmou.': the verb closes the sentence, its subject left out; or an incise between commas
            # inside it ("En España, añadió, fue posible ...", "Además, recordó, la media diaria ...")
            return None, LEFT_OUT
        if (
            sp.pro_drop
            and (toks[j].low in sp.not_subjects or toks[j].low in sp.datives)
            and i > 1
            and toks[i - 2].text in _QUOTE_CLOSE
        ):
            # '“...”, aseguró a la red Unitel.', '“...”, subrayó sobre ese punto.': after a quotation, a
            # preposition where the subject would stand
            return None, LEFT_OUT
        return None
    if sp.pro_drop and (
        i == 0
        or (
            toks[i - 1].low not in sp.no_subject_after
            and (_clause_start(sp, toks, i) or toks[i - 1].low in sp.not_subjects)
        )
    ):
        return None, LEFT_OUT  # "Dijo que...", ', añadió.': the last person named
    return None


def _token_at(toks: list[_Tok], src: _Source) -> int:
    """The index of the token at which ``src`` starts (its article included)."""
    return next((k for k, t in enumerate(toks) if t.start >= src.start), 0)


def _colon_quote_subject(sp: _Speech, toks: list[_Tok], i: int) -> _Source | None:
    """The person a pronoun after the speech verb at token i stands for when that verb follows a quotation
    opened after a colon: the person named by full name as the subject of the clause before the colon, where
    it opens the sentence or follows its verb ("Lehrer Andreas Heller hat vorher festgelegt, wie ...: „...“,
    erklärt er."); None otherwise (the pronoun is then resolved from context, where a person the sentence
    names is passed over)."""
    if i < 3 or toks[i - 1].text != "," or toks[i - 2].text not in _QUOTE_CLOSE:
        return None
    q = i - 3
    while q > 0 and toks[q].text not in _QUOTE_OPEN:
        q -= 1
    if q < 2 or toks[q - 1].text != ":":
        return None
    starts = [0, *(k for k in range(1, q - 1) if _fold(toks[k].text) in _GIVEN_NAMES)]
    for k in starts[:2]:
        rng = _forward_np(sp, toks, k)
        src = _classify(sp, toks, *rng, sentence_start=k == 0) if rng and rng[1] < q else None
        if src is not None and src.kind == "person" and " " in src.name and _proper_name(sp, src.name):
            return src
    return None


def _age_pronoun(sp: _Speech, toks: list[_Tok], j: int) -> str | None:
    """The pronoun a phrase from token j stands for when it names the person named last: an anaphor of the
    tables ("ce dernier", "esta última"), or an article and a noun of an age ("der 86-Jährige", "die
    51-Jährige", "ein 40-Jähriger"), by the article's gender; None when there is none (or a plural: "die
    20-Jährigen")."""
    k = _match(sp.anaphors, toks, j, sp.maxlen) if sp.anaphors and j < len(toks) else 0
    if k and (j + k >= len(toks) or not _cap(toks[j + k])):  # (not "ce dernier Premier ministre")
        return sp.anaphors[tuple(t.low for t in toks[j : j + k])]
    if j + 1 >= len(toks) or toks[j].low not in sp.age_determiners:
        return None
    word = toks[j + 1].low
    if not (word[:1].isdigit() and word.endswith(sp.age_noun_endings)):
        return None
    return sp.age_determiners[toks[j].low]


def _anaphor_len(sp: _Speech, toks: list[_Tok], j: int) -> int:
    """Tokens of the phrase at token j that ``_age_pronoun`` reads (an anaphor, or an article and an age)."""
    k = _match(sp.anaphors, toks, j, sp.maxlen) if sp.anaphors else 0
    return k or 2


def _gerund_len(sp: _Speech, toks: list[_Tok], i: int) -> int:
    """Tokens of a gerund of speech at token i that opens what was said ("diciendo que", "dizendo:", "en
    affirmant que"); 0 when there is none."""
    g = _match(sp.gerunds, toks, i, sp.maxlen) if sp.gerunds else 0
    if not g or i + g >= len(toks) or i == 0:
        return 0
    nxt = toks[i + g]
    return g if nxt.text == ":" or nxt.low in sp.gerund_objects else 0


def _gerund_subject(sp: _Speech, toks: list[_Tok], i: int) -> _Source | None:
    """The subject of the clause a gerund at token i belongs to: the named subject that opens the sentence
    ("Kovon y Jill Flores elogiaron este episodio diciendo que"), maybe with an appositive between commas
    before its verb ("Juan Pappier, investigador de Human Rights Watch, reaccionó en Twitter diciendo:")."""
    rng = _forward_np(sp, toks, 0)
    if rng is not None and rng[1] < i and toks[rng[1]].text == ",":
        close = next((c for c in range(rng[1] + 1, min(i, rng[1] + 25)) if toks[c].text == ","), None)
        if (
            close is not None
            and close + 1 < i
            and toks[close + 1].text.isalpha()
            and toks[close + 1].text.islower()
        ):
            src = _classify(sp, toks, *rng, sentence_start=True)
            if src is not None and src.kind in ("person", "organisation"):
                # (a title, then the name in apposition: "O chefe dos negociadores, Yoel Singer, realçara")
                return _name_after_title(sp, toks, src, rng[1], closed=True) or src
    return _opening_subject(sp, toks, i)


def _opening_subject(sp: _Speech, toks: list[_Tok], end: int) -> _Source | None:
    """The named subject that opens the sentence before token ``end``, at its start or after a fronted
    phrase and its comma ("En el debate, Betancourt también distó ...", "Na saída, Pacheco conversou ..."):
    a person or an organisation, a verb (a word in lower case) after it; None when there is none. A word
    alone at the start before a preposition is no subject ("Consultado por un periodista, Biden ...")."""
    starts = [0] + [c + 1 for c in range(end) if toks[c].text == ","]
    for p in starts:
        rng = _forward_np(sp, toks, p) if p < end and _np_part(sp, toks[p]) else None
        if rng is None or rng[1] >= end or not toks[rng[1]].text.isalpha() or not toks[rng[1]].text.islower():
            continue
        if (
            p == 0
            and rng[1] == 1
            and (
                toks[1].low in sp.not_subjects
                or toks[1].low in sp.linkers
                or toks[1].low in sp.determiners
                or sp.nouns_capitalised
            )
        ):
            # (nor a verb before its object, "Minimizó el triunfo ... y recordó"; nor, where nouns are
            # capitalised, a word alone: "Erst mal schickt ... und sagt")
            continue
        src = _classify(sp, toks, *rng, sentence_start=rng[0] == 0)
        if src is not None and src.kind in ("person", "organisation"):
            return src
    return None


def _verb_final_subject(
    sp: _Speech, toks: list[_Tok], i: int, j: int
) -> tuple[_Source | None, str | None] | None:
    """The subject of a speech verb at tokens [i, j) that closes a clause opened by one of ``verb_final_openers``,
    adjuncts between: the pronoun or the phrase right after the opener ("wie der Minister am Montag sagte", "wie er
    bei seiner Buchvorstellung sagt", "Wie eine Arbeitsgruppe in »JAMA« berichtet")."""
    if j < len(toks) and toks[j].text not in (",", ".", ";", "!", "?", *_QUOTE_CLOSE):
        return None
    for c in range(i - 1, max(-1, i - 16), -1):
        if toks[c].text in (",", ";", ":", ".", "!", "?"):
            return None
        if toks[c].low in sp.verb_final_openers:
            if c + 2 > i:
                return None
            if toks[c + 1].low in sp.pronouns:
                # the pronoun stands for the person named by the sentence's subject, if any ("Deniz Yücel saß im
                # Gefängnis, wie er ... sagt")
                opening = _forward_np(sp, toks, 0) if c > 0 else None
                named = _classify(sp, toks, *opening, sentence_start=True) if opening else None
                if named is not None and named.kind == "person" and _proper_name(sp, named.name):
                    return named, None
                return None, sp.pronouns[toks[c + 1].low]
            # (adjectives before the head: "wie der britische Sender BBC am Dienstag berichtete")
            rng = _forward_np(sp, toks, c + 1) or _adjective_np(sp, toks, c + 1)
            if rng is None or rng[1] > i:
                return None
            src = _classify(sp, toks, *rng, sentence_start=False)
            return (src, None) if src is not None else None
    return None


def _abbreviation_before(toks: list[_Tok], i: int) -> bool:
    """Tokens [i - 3, i) are an abbreviation in parentheses: "(OMS)", "(LSVD)", "(AGFW)"."""
    return (
        i > 3
        and toks[i - 1].text == ")"
        and toks[i - 3].text == "("
        and len(toks[i - 2].text) > 1
        and toks[i - 2].text[:1].isupper()
        and sum(c.isupper() for c in toks[i - 2].text) > 1
    )


def _impersonal(sp: _Speech, toks: list[_Tok], i: int, j: int) -> bool:
    """The speech verb at tokens [i, j) has a generic or first-person subject right before or after it
    ("on dit", "wie man sagt", "sagt man", "je dis")."""
    if j < len(toks) and toks[j].low in sp.impersonal_after:
        return True
    for t in reversed(toks[max(0, i - 3) : i]):  # "wie man so schön sagt", "on l'a dit"
        if t.low in sp.impersonal:
            return True
        if not _is_word(t) or t.low in sp.clause_words or t.low in sp.determiners or _cap(t):
            return False
    return False


def _subject_before(sp: _Speech, toks: list[_Tok], i: int) -> _Source | None:
    """The phrase that opens the clause and ends right before token i."""
    rng = _backward_np(sp, toks, i)
    if rng is not None and not _clause_start(sp, toks, rng[0]):
        # "Die zuständigen Richter erklärten": adjectives between the determiner and the noun
        m = rng[0]
        while m > 0 and rng[0] - m < 2 and _plain_word(sp, toks[m - 1]):
            m -= 1
        if 0 < m < rng[0] and toks[m - 1].low in sp.determiners and _clause_start(sp, toks, m - 1):
            rng = (m - 1, rng[1])
    if (
        rng is not None
        and not _clause_start(sp, toks, rng[0])
        and toks[rng[0] - 1].low in sp.adverbs
        and _clause_start(sp, toks, rng[0] - 1)
    ):
        # an adverb before the subject: "Auch FDP-Chef Christian Lindner fordert", "Ensuite le ministre a dit"
        return _classify(sp, toks, *rng, sentence_start=False)
    if rng is None or not _clause_start(sp, toks, rng[0]):
        return None
    return _classify(sp, toks, *rng, sentence_start=rng[0] == 0)


def _subject_after(sp: _Speech, toks: list[_Tok], j: int) -> _Source | None:
    """The phrase that starts at token j, right after the verb (adverbs, a year and the language's
    ``verb_adjuncts`` may come first: "Dies erklärte bereits 2017 der damalige Kassenwart", "erklärt auf
    Nachfrage Martin Rölen")."""
    n = len(toks)
    for _ in range(4):
        if j >= n:
            break
        k = _match(sp.verb_adjuncts, toks, j, sp.maxlen) if sp.verb_adjuncts else 0
        if k:
            j += k  # "erklärt auf Nachfrage Martin Rölen"
        elif toks[j].low in sp.adverbs or toks[j].text.isdigit() or toks[j].low in sp.dative_pronouns:
            j += 1  # (and a pronoun addressee: "Das bestätigt uns später auch Sebastian K.")
        else:
            break
    if sp.surname_particles:
        named = _particle_surname(sp, toks, j)
        if named is not None:
            return named
    if j < n and toks[j].low in sp.datives:
        # "a indiqué à l'AFP le porte-parole": the addressee comes first, then the subject
        rng = _forward_np(sp, toks, j + 1)
        outlet = _outlet_len(sp, toks, j + 1)
        if rng is not None and rng[1] < n and toks[rng[1]].low in sp.determiners:
            j = rng[1]
        elif (
            outlet
            and j + 1 + outlet < n
            and (_cap(toks[j + 1 + outlet]) or _bare_source(sp, toks, j + 1 + outlet))
        ):
            # an outlet of the gazetteer spoken to, then a name or unnamed sources: "según confirmó a EFE Zaher
            # al Waheidi", "según informaron a EFE fuentes palestinas"
            j += 1 + outlet
    if _bare_source(sp, toks, j):
        # unnamed sources with no article: "según han informado fuentes del Ministerio de Sanidad"
        rng = _forward_np(sp, toks, j)
        if rng is not None:
            return _classify(sp, toks, *rng, sentence_start=False)
    if j + 1 < n and toks[j].low in sp.possessives and toks[j + 1].low in sp.people:
        # a person by kinship: "sagte seine Mutter", "dijo su madre" -> "Mutter", "madre"
        kin = _forward_np(sp, toks, j + 1)
        return _classify(sp, toks, *kin, sentence_start=False) if kin is not None else None
    if j >= n or (
        toks[j].low in sp.not_subjects
        # (a preposition that is also an article opens the subject before the noun of a person, an organisation
        # or an outlet: pt "a", "disse a ministra", "diz a garota", "informou a Federação", "informou a agência")
        and not (
            toks[j].low in sp.determiners
            and j + 1 < n
            and sp.head_kind(toks[j + 1].low) in ("person", "organisation", "outlet")
        )
    ):
        return None
    if toks[j].low in sp.determiners:
        # adjectives between the determiner and the noun: "der damalige Kassenwart"
        m = j + 1
        while m < n and m - j <= 2 and toks[m].text.isalpha() and toks[m].text.islower():
            if sp.head_kind(toks[m].low) is not None:
                break
            m += 1
        if j + 1 < m < n and _np_part(sp, toks[m]):
            rng = _forward_np(sp, toks, m)
            if rng is not None:
                return _classify(sp, toks, j, rng[1], sentence_start=False)
    if toks[j].low in sp.determiners or _cap(toks[j]):
        rng = _forward_np(sp, toks, j)
        if rng is not None:
            src = _classify(sp, toks, *rng, sentence_start=False)
            return _name_after_title(sp, toks, src, rng[1]) or src
    return None


def _outlet_len(sp: _Speech, toks: list[_Tok], i: int) -> int:
    """Tokens of an outlet of the gazetteer that starts at token i, maybe after an article ("EFE", "la AFP",
    "Europa Press"); 0 when none."""
    j = i + (i < len(toks) and toks[i].low in sp.determiners)
    for m in range(min(len(toks), j + 3), j, -1):
        if all(_cap(t) for t in toks[j:m]) and " ".join(t.text for t in toks[j:m]) in OUTLETS:
            return m - i
    return 0


def _bare_source(sp: _Speech, toks: list[_Tok], j: int) -> bool:
    """Token j is a plural noun of unnamed sources with no article ("fuentes", "fontes"; a plural: the
    singulars of the table are documents, "informe"): a subject after the verb as an article's phrase is."""
    return (
        j < len(toks) and toks[j].text.islower() and toks[j].low in sp.anonymous and toks[j].low.endswith("s")
    )


def _name_after_title(
    sp: _Speech, toks: list[_Tok], src: _Source | None, e: int, closed: bool = False
) -> _Source | None:
    """The person named after a comma that follows the title ``src`` ending before token e ("afirmou o
    presidente da Câmara, Carlos Moedas", "según el vicepresidente de la ANP, Daniel Loureiro"): a name of
    two words or more; None when there is none (not a name, then a title: "informó Raúl Ramírez, periodista
    de Última Hora"). With ``closed``, the name must end at a comma or the sentence's end: after a cue, a name
    before its verb is the subject of the main clause ("Según el ministro, Juan Pérez viajará ...")."""
    if src is None or src.kind != "person" or _proper_name(sp, src.name):
        return None
    n, start = len(toks), e
    if " " not in src.name:
        # "el coordinador del área pública de CCOO, Juan Carles Gallego": the name after the title
        while (
            e < n
            and e - start < 12
            and toks[e].text != ","
            and (toks[e].low not in sp.clause_words or toks[e].low in sp.linkers)
        ):
            e += 1  # ("o ministro interino do Interior e ministro da Defesa, Filomeno Paixão")
    elif sp.adjectives_follow:
        # adjectives after the title's domain: "la présidente de la Commission européenne, Ursula von der
        # Leyen", "el ministro de Exteriores francés, Jean-Noël Barrot"
        while e < n and e - start < 2 and _plain_word(sp, toks[e]) and toks[e].low not in sp.function_words:
            e += 1
    if e + 1 >= n or toks[e].text != "," or toks[e + 1].low in sp.determiners:
        return None
    name = _forward_np(sp, toks, e + 1)
    if name is None or (closed and name[1] < n and toks[name[1]].text not in (",", *_SENTENCE_ENDS)):
        return None
    named = _classify(sp, toks, *name, sentence_start=False)
    return named if named is not None and named.kind == "person" and " " in named.name else None


def _named_before_appositive(sp: _Speech, toks: list[_Tok], i: int) -> _Source | None:
    """The person named by a proper name right before the appositive that ends at the comma before token i
    ("Juan Pérez, ministro de Salud, afirmó" -> Juan Pérez), if the appositive opens after a comma."""
    inner = _backward_np(sp, toks, i - 1)
    if inner is None or inner[0] < 2 or toks[inner[0] - 1].text != ",":
        return None
    rng = _backward_np(sp, toks, inner[0] - 1)
    if rng is None or not _clause_start(sp, toks, rng[0]):
        return None
    named = _classify(sp, toks, *rng, sentence_start=rng[0] == 0)
    return named if named is not None and named.kind == "person" and _proper_name(sp, named.name) else None


def _particle_surname(sp: _Speech, toks: list[_Tok], j: int) -> _Source | None:
    """A surname with its particle at token j that ends the clause ("„...“, sagte von Preen.", "sagt de Decker,
    wo ..."): one or two capitalised words after the particle, none a common word of the language (its frequency
    table: "berichtete von Problemen" names no one)."""
    n = len(toks)
    k = _match(sp.surname_particles, toks, j, 3) if j < n and not _cap(toks[j]) else 0
    if not k:
        return None
    e = j + k
    while e < n and e - (j + k) < 2 and _cap(toks[e]) and toks[e].low not in sp.surname_common:
        e += 1
    if e == j + k or (e < n and toks[e].text not in (",", ".", ";", "!", "?", *_QUOTE_CLOSE)):
        return None
    return _Source(_join(toks[j:e]), "person", toks[j].start, toks[e - 1].end)


def _appositive_subject(sp: _Speech, toks: list[_Tok], i: int) -> _Source | None:
    """The person named around an appositive that ends right before the verb at token i."""
    end = i
    if (
        i > 1
        and toks[i - 2].text in _QUOTE_CLOSE
        and not any(t.text in _QUOTE_OPEN or t.text == "‘" for t in toks[: i - 2])
    ):
        # the end of a quotation opened in a sentence before: its words are speech, never the speaker ('Aí,
        # eu já sou contra", disse'; not a quoted title: 'Ruth Betz, verantwortlich für „Digitale ...“, erklärt')
        return None
    # "El ministro de Economía, Luis de Guindos, dijo" -> the name between the commas
    inner = _backward_np(sp, toks, end - 1)
    if inner is not None and inner[0] > 0 and toks[inner[0] - 1].text == ",":
        src = _classify(sp, toks, *inner, sentence_start=False)
        if src is not None and src.kind == "person":
            # but a title between the commas is said of the name before it: "John Milton Rodríguez, candidato de
            # Colombia Justa Libres, enfatizó" -> John Milton Rodríguez
            named = None if _proper_name(sp, src.name) else _named_before_appositive(sp, toks, i)
            return named or src
    # "Stefan Keuter, damals AfD-Chef in Essen, behauptet": the name before the appositive; a relative clause
    # may be longer ("El periodista ruso, cuyo periódico Novaya Gazeta se ha visto obligado a suspender su
    # publicación en medio de la intervención militar de Moscú, advirtió")
    for c in range(end - 2, max(-1, end - 40), -1):
        if toks[c].text == ",":
            if end - c > 20 and (c + 1 >= end or toks[c + 1].low not in sp.relatives):
                break
            rng = _backward_np(sp, toks, c)
            if rng is not None and rng[0] > 0 and toks[rng[0] - 1].text in _QUOTE_OPEN:
                break  # the first words of a quotation are speech, not its speaker: '“Es difícil, ...”, declaró'
            if rng is not None and _clause_start(sp, toks, rng[0]):
                src = _classify(sp, toks, *rng, sentence_start=rng[0] == 0)
                if src is not None and src.kind == "person":
                    return src
            break
    return None


__all__ = [
    "Found",
    "attribute",
    "attributed",
    "opening_source",
    "person_named",
    "quoted_incise",
    "reported_speech",
    "role_person",
    "supported",
    "surname_person",
]
