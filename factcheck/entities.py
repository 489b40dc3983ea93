"""Named entities by rule: capitalised phrases, a small gazetteer, titles, and alias resolution.

``mentions(text, start, end)`` finds candidate mentions in a span of text (people, places,
organisations, events, and definite descriptions such as "the Russian leader"). ``Resolver`` is
built from all mentions of one article and turns mentions into ``Entity`` values with a canonical
name ("Putin" -> "Vladimir Putin", "Xi" -> "Xi Jinping", "the Kremlin leader" -> "Vladimir Putin"
when exactly one Russian leader is named in the article) and a key usable across articles.
No NLP model: rapidfuzz is used only to match spelling variants of names within one article.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, utils

from factcheck.gazetteer import (
    CAP_STOP,
    CHAMBERS,
    CLUB_HEADS,
    DEMONYMS,
    EVENT_HEADS,
    ORG_HEADS,
    ORG_TAIL_HEADS,
    ORGS,
    OUTLETS,
    PARTY_MEMBERS,
    PLACES,
    ROLE_CLASSES,
    ROLE_WORDS,
    TITLE_WORDS,
    trie_pattern,
)
from factcheck.lang import resource
from factcheck.links import blank_links
from factcheck.model import Entity

_WORDS = resource("en", "entities")  # the vocabularies of names in English text (``lang/en/entities.toml``)
_ABBRS = list(_WORDS["abbreviations"])
# (the word lists factored as tries: each word is followed by "." or by a space, so at most one alternative
# can match and the order of the alternatives does not matter; a trie tries one per first letter)
_ABBR_TOK = rf"(?:{trie_pattern(_ABBRS)})\."
# (a middle initial before a name is a token of the name: "Walter A. Clyburn Reed" is not cut at "A.")
# (not before a word that opens sentences: "World War I. The war ended" is two sentences)
# an initial inside a name, before a capitalised word ("Denise E. Smith", "Robert F. O'Rourke": an Irish O' or
# a D' opens the word too)
_NAME_START = r"[A-Z](?:[a-z]|[’'][A-Z])"
_INITIAL = rf"[A-Z]\.(?=[ \t]+(?:[A-Z]\.[ \t]+)?{_NAME_START})(?![ \t]+(?:{trie_pattern(CAP_STOP)})\b)"
# a web domain's ending stays part of the word it ends ("Amazon.com Inc.", "Booking.com": not "Amazon" and "Inc")
_DOMAIN = rf"(?:\.(?:{trie_pattern(_WORDS['domain_endings'])})\b)?"
_CAPTOK = rf"(?:(?:[A-Z]\.){{2,}}|{_ABBR_TOK}|[A-Z][\w’'\-]*[\w’']{_DOMAIN}|{_INITIAL}|[A-Z])"
# an ampersand between capitals joins one word of a name: "AT&T", "PG&E", "Texas A&M" (were "AT" and "T")
_AMPERSAND = r"(?:&[A-Z][\w’'\-]*)*"
_CONNECT_WORDS = [*_WORDS["name_joiners"], *_WORDS["name_particles"]]
_CONNECT = rf"(?:{trie_pattern(_CONNECT_WORDS)})"
# an Arabic article joined to the name: "Abdel Fattah el-Sisi", "Bashar al-Assad"
_HYPHEN_PARTICLE = r"(?:al|el|ad|ar|as|ash|an|at|az)-"
# a generational suffix ends the name: "Martin Luther King Jr.", "Robert F. Kennedy Jr."
_SUFFIX = r"(?:Jr|Sr)\.|(?:III|II|IV)\b"
_SUFFIX_WORDS = frozenset(_WORDS["name_suffixes"])
_HEADLINE_FUNCTION_WORDS = frozenset(_WORDS["headline_function_words"])
_GIVEN_NAMES = frozenset(n for names in resource("en", "given_names").values() for n in names)
# a quoted nickname between a given name and a surname: "Juan "Chico" Manriquez", "John “Tig” Tiegen" (one or two
# capitalised words inside matching marks; a quotation after a name, "Smith “We will win”", has words in lower case)
_NICKNAME_PAIRS = frozenset((a, b) for a, b in _WORDS["nickname_quotes"])
_NICKNAME_OPENS = re.escape("".join(sorted({a for a, _b in _NICKNAME_PAIRS})))
_NICKNAME_CLOSES = re.escape("".join(sorted({b for _a, b in _NICKNAME_PAIRS})))
# (the pattern opens with the mark itself, so that the scan jumps from mark to mark; the given name before it
# is read apart, _GIVEN_BEFORE)
_NICKNAME = re.compile(
    rf"[{_NICKNAME_OPENS}](?<=[ \t][{_NICKNAME_OPENS}])[A-Z][\w’\-]*\.?(?:[ \t][A-Z][\w’\-]*)?"
    rf"(?P<close>[{_NICKNAME_CLOSES}])[ \t]+(?P<last>[A-Z][\w’'\-]*[a-z][\w’'\-]*)(?![\w’'])"
)
# a given name right before a position (after it, a space)
_GIVEN_BEFORE = re.compile(r"(?<![\w’'.])([A-Z][a-z]+)[ \t]+\Z")
# "in Maine I got": a place after a preposition, then the pronoun "I" and a word in lower case (a regnal
# number follows a given name: "Queen Elizabeth I was", "World War I ended")
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Tt]o|[Nn]ear|[Aa]round|[Aa]cross)[ \t]+\Z")
_PRONOUN_I_AFTER = re.compile(r"[ \t]+[a-z]")
# A run of capitalised name tokens, with connectors. The pattern opens with the capital itself (a pattern that
# opens with a character class lets the scan jump to candidate positions) and checks the character before it
# with a lookbehind (which also sees the text before the ``pos`` of a search): the first token is _CAPTOK
# with its capital consumed first (initials, an abbreviation, a word, a lone capital, in _CAPTOK's order).
_ABBR_REST = (
    "(?:"
    + "|".join(
        f"(?<={c})(?:{'|'.join(a[1:] for a in _ABBRS if a[0] == c)})"
        for c in dict.fromkeys(a[0] for a in _ABBRS)
    )
    + r")\."
)
# a first name given as initials with spaces: "A. J. Smith", "J. Smith" (the initial before a name, as inside)
_FIRST_INITIAL = rf"\.(?=[ \t]+(?:[A-Z]\.[ \t]+)?{_NAME_START})(?![ \t]+(?:{trie_pattern(CAP_STOP)})\b)"


def _span_cap(amp: str) -> re.Pattern[str]:
    """The run of name tokens, each followed by ``amp`` (the words an ampersand joins, or nothing)."""
    return re.compile(
        rf"[A-Z](?<![\w’'\-.][A-Z])(?:\.(?:[A-Z]\.)+|{_FIRST_INITIAL}|{_ABBR_REST}|[\w’'\-]*[\w’']{_DOMAIN}|){amp}"
        rf"(?:[ \t]+(?:{_CONNECT}[ \t]+)*(?:{_HYPHEN_PARTICLE})?{_CAPTOK}{amp})*"
        rf"(?:,?[ \t]+{_SUFFIX})?"
    )


_SPAN_CAP = _span_cap("")
_SPAN_CAP_AMPERSAND = _span_cap(_AMPERSAND)  # (for a text that holds an "&": most hold none)
_ORG_WORDS = ORG_HEADS | ORG_TAIL_HEADS
_PARTICLES = frozenset(_WORDS["name_particles"])
NAME_PARTICLES = _PARTICLES  # (read by the attribution rules: a name is never cut at its particle)
_ROLE_ALT = trie_pattern(ROLE_CLASSES)
_DEF_DESC = re.compile(
    # (opens with the character class; the lookbehind is the \b before "The": no word character before it)
    rf"[Tt](?<!\w.)he\s+(?:(?:top|senior|former|current|new|veteran|visiting)\s+)?"
    rf"(?P<mod>[A-Z][\w.]+(?:\s+House)?)\s+(?P<role>(?i:{_ROLE_ALT}))\b(?!\s+[A-Z])"
)
# what every _DEF_DESC match contains; its literal start makes this scan much faster than _DEF_DESC's
_DEF_DESC_GATE = re.compile(r"he\s+(?:(?:top|senior|former|current|new|veteran|visiting)\s+)?[A-Z]")
_PLACE_AFTER = re.compile(
    r"\s+(?:region|province|oblast|county|city|state|district|village|town|island|river|airport|port|"
    r"prefecture|municipality|capital)\b"
)
PLACE_HEADS = frozenset(_WORDS["place_heads"])
_PLACE_PREFIXES = frozenset(_WORDS["place_prefixes"])
_VESSEL_PREFIXES = frozenset(_WORDS["vessel_prefixes"])
_NAME_MODIFIERS = frozenset(_WORDS["name_modifiers"])  # ("Former Carson advisers": Carson)
_ADJ_END = tuple(_WORDS["adjective_endings"])
_ORG_NOUN_BEFORE = frozenset(_WORDS["org_nouns_before"])
_COUNTRIES = frozenset(DEMONYMS.values())
_COUNTRY_WORDS = frozenset(p for p, c in PLACES.items() if c in set(DEMONYMS.values()) and " " not in p)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str  # the name without titles, possessive stripped
    kind: str  # person | place | org | event | misc | ref
    nation: str | None = None  # person: country named in the title ("Russian President")
    role: str | None = None  # person/ref: role class (leader, diplomat, spokesperson)
    initial: bool = False  # a single unknown word at the start of a sentence
    titled: bool = False
    # a common noun (phrase) of a language that capitalises nouns (German "App"): no entity, unless it is a
    # word of a person's name in the article (kept as a mention: a sentence's check-worthiness counts the
    # capitalised things it names, calibrated so)
    common: bool = False
    # a name of several words read as no person's for the article before it only ("the Reckoning Crew"): a
    # person's where the article names that person elsewhere ("The Kamala Harris campaign ... Kamala Harris said")
    after_article: bool = False


@functools.lru_cache(maxsize=4096)
def norm_key(name: str) -> str:
    """Key usable across articles: accents and punctuation dropped, case folded, spaces collapsed."""
    if name.isascii():  # NFKD leaves ASCII as it is, with no combining marks to drop
        s = name
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _POSSESSIVE_S.sub("", s)
    s = _PUNCT.sub(" ", s).casefold()
    s = _LEAD_THE.sub("", " ".join(s.split()))
    return s


_POSSESSIVE_S = re.compile(r"[’']s\b")
_PUNCT = re.compile(r"[^\w\s]")
_LEAD_THE = re.compile(r"^the\s+")


def _strip_possessive(tok: str) -> tuple[str, bool]:
    last = tok[-1:]
    if last == "s":
        if tok[-2:-1] in ("’", "'"):
            return tok[:-2], True
    elif last in ("’", "'") and tok[-2:-1] == "s":
        return tok[:-1], True
    return tok, False


def _role_of(titles: list[str]) -> str | None:
    t = set(titles)
    if "Vice" in t or "Deputy" in t:
        return None
    if t & {"Spokesman", "Spokeswoman", "Spokesperson"}:
        return "spokesperson"
    if (
        ("Foreign" in t and "Minister" in t)
        or ("Secretary" in t and "State" in t)
        or t & {"Ambassador", "Envoy"}
    ):
        return "diplomat"
    if (
        "President" in t
        or ("Prime" in t and "Minister" in t)
        or t & {"Chancellor", "Premier", "King", "Queen"}
    ):
        return "leader"
    return None


def _heads(tokens: list[str]) -> bool:
    return any(t in _ORG_WORDS or t in EVENT_HEADS or t in PLACE_HEADS for t in tokens)


def _pieces(tokens: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """Split a capitalised run at connectors and possessives unless it is one organisation/event name."""
    for tok, _, _ in tokens:
        if not tok[0].isupper() or tok[-1] in "’'" or tok.endswith(("’s", "'s")):
            break  # a connector or particle (lower case, "&"), or a possessive
    else:
        return [list(tokens)]  # capitalised words only (most runs): one piece
    pieces: list[list[tuple[str, int, int]]] = [[]]
    i = 0
    n = len(tokens)
    while i < n:
        tok, s, e = tokens[i]
        if tok in _PARTICLES and pieces[-1]:
            pieces[-1].append((tok, s, e))
        elif tok in ("of", "and", "&", "the", "for"):
            cur = [t[0] for t in pieces[-1]]
            after = []
            j = i + 1
            while j < n and tokens[j][0] not in ("of", "and", "&", "for"):
                after.append(tokens[j][0])
                j += 1
            if tok == "&":
                # "Pacific Gas & Electric", "Palmer Fire & Rescue": one name, no person's; but after a given name
                # ("Harry & David": the two names are read apart, as before)
                # (nor before a title: "Palmer Fire & Rescue Chief John McNutt" names the chief)
                keep = (
                    bool(cur)
                    and bool(after)
                    and cur[-1] not in _GIVEN_NAMES
                    and TITLE_WORDS.isdisjoint(after)
                )
            elif tok == "and":
                # "Belt and Road Forum", "Centers for Disease Control and Prevention"; not "China and Russia"
                keep = bool(cur) and (_heads(after) or (_heads(cur) and any(c in ("of", "for") for c in cur)))
            else:
                keep = bool(cur) and (_heads(cur) or cur[-1] in TITLE_WORDS)
            if keep:
                pieces[-1].append((tok, s, e))
            else:
                pieces.append([])
        else:
            base, poss = _strip_possessive(tok)
            if poss and tok[-1] in "’'" and i + 1 < n and tokens[i + 1][0] in _ORG_WORDS:
                # a plural possessive inside an organisation's name: "Universities and Colleges Employers’
                # Association" is one name, never cut at the apostrophe
                pieces[-1].append((tok, s, e))
                i += 1
                continue
            pieces[-1].append((base, s, s + len(base)))
            if poss:
                pieces.append([])
        i += 1
    return [
        p for p in pieces if p and p[-1][0] not in _PARTICLES and p[-1][0] not in ("of", "and", "&", "the")
    ]


def mentions(text: str, start: int = 0, end: int | None = None, lang: str | None = None) -> list[Mention]:
    """Entity mentions in text[start:end] (a sentence), offsets into ``text``; ``lang``: the article's
    language (a language with a ``names.toml`` asks evidence of a name: ``_names_in_language``)."""
    end = len(text) if end is None else end
    out: list[Mention] = []
    refs = (
        [m for m in _DEF_DESC.finditer(text, start, end) if m["mod"] in DEMONYMS or m["mod"] == "White House"]
        if text.find("he ", start, end) != -1 and _DEF_DESC_GATE.search(text, start, end)
        else []
    )
    for m in refs:
        mod = m["mod"]
        out.append(
            Mention(
                m.start(),
                m.end(),
                m.group(0),
                "ref",
                DEMONYMS.get(mod, "United States"),
                ROLE_CLASSES[m["role"].lower()],
            )
        )
    ref_spans = [(m.start(), m.end()) for m in refs]
    first_word = start
    while first_word < end and not text[first_word].isalnum():
        first_word += 1
    span_cap = _SPAN_CAP_AMPERSAND if text.find("&", start, end) >= 0 else _SPAN_CAP
    # a link's host or path names nobody ("https://t.co/NlyEv9U3rD", "pic.twitter.com/OUiKqj8qjV"): read the
    # sentence with its links blanked out (offsets kept; the sentence itself when it holds none)
    # (three scans in C, as blank_links makes them: a regex search costs more than these memchr-like finds)
    if (
        text.find("/", start, end) >= 0
        or text.find("@", start, end) >= 0
        or text.find("www.", start, end) >= 0
    ):
        sentence = text[start:end]  # (most sentences hold none of a link's marks: no copy is made for them)
        unlinked = blank_links(sentence)
        if unlinked is not sentence:
            text = text[:start] + unlinked + text[end:]
    for sm in span_cap.finditer(text, start, end):  # (the lookbehind sees the text before ``start``)
        word = sm.group(0)
        if word in CAP_STOP:  # "The", "In", "He": the most common capitalised words
            continue
        ws = sm.end() - len(word)
        if ref_spans and any(a <= ws < b for a, b in ref_spans):
            continue
        if " " not in word and "\t" not in word:
            base, _ = _strip_possessive(word)
            mention = _classify_word(text, base, ws, ws + len(base), first_word, end)
            if mention is not None:
                out.append(mention)
            continue
        # the run's tokens are its words: name tokens (_CAPTOK) and connectors, separated by [ \t]+
        toks: list[tuple[str, int, int]] = []
        i = 0
        for w in word.split():
            i = word.find(w, i)
            toks.append((w, ws + i, ws + i + len(w)))
            i += len(w)
        if (
            toks[-1][0] == "I"
            and _PLACE_PREPOSITION_BEFORE.search(text, max(0, toks[-2][1] - 12), toks[-2][1])
            and _PRONOUN_I_AFTER.match(text, toks[-1][2])
        ):
            toks.pop()  # "in Maine I got a tick bite": a place, then the pronoun (not "Elizabeth I was")
        pieces = _pieces(toks)
        prev_nation: str | None = None
        for piece in pieces:
            if len(piece) == 1:
                tok, ts, te = piece[0]
                mention = _classify_word(text, tok, ts, te, first_word, end, prev_nation)
            else:
                mention = _classify(text, piece, first_word, end, prev_nation)
            prev_nation = None
            if mention is None:
                continue
            if mention.kind == "place" and mention.text in _COUNTRIES:
                prev_nation = mention.text
            out.append(mention)
    if _NICKNAME.search(text, start, end) is not None:  # (one scan in C; most sentences have no nickname)
        out = _join_nicknames(text, start, end, out)
    if refs:  # the other mentions come in text order
        out.sort(key=lambda x: x.start)
    if lang is not None and lang != "en" and out:
        voc = _name_vocab(lang)
        if voc is not None:
            return _names_in_language(out, text, start, first_word, end, voc)
    return out


def _given_before(text: str, start: int, pos: int) -> re.Match[str] | None:
    """The given name that ends right before ``pos`` (a space between), not before ``start``."""
    got = _GIVEN_BEFORE.search(text, max(start, pos - 30), pos)
    return got if got is not None and got[1] in _GIVEN_NAMES else None


def _join_nicknames(text: str, start: int, end: int, out: list[Mention]) -> list[Mention]:
    """``out`` with each name written with a quoted nickname ("Juan "Chico" Manriquez") read as one person, the
    given names and the surname ("Juan Manriquez"; "Deputy Luis Gerardo "Jerry" Ortiz": "Luis Gerardo Ortiz"),
    in place of the mentions of its words."""
    for m in _NICKNAME.finditer(text, start, end):
        if (text[m.start()], m["close"]) not in _NICKNAME_PAIRS or m["last"] in CAP_STOP:
            continue
        given = _given_before(text, start, m.start())
        if given is None:
            continue
        a, b = given.start(1), m.end("last")
        while (before := _given_before(text, start, a)) is not None:
            a = before.start(1)  # a second given name: "Luis Gerardo", "Mary Ann"
        name = f"{' '.join(text[a : given.end(1)].split())} {m['last']}"
        # (what a title before the name told of the person stays: "Deputy Luis Gerardo", "Russian President")
        titled = next((x for x in out if x.kind == "person" and x.start <= a < x.end), None)
        person = (
            Mention(a, b, name, "person", titled.nation, titled.role, titled=titled.titled)
            if titled is not None
            else Mention(a, b, name, "person")
        )
        kept = [x for x in out if x.end <= a or x.start >= b]
        at = next((i for i, x in enumerate(kept) if x.start >= b), len(kept))
        out = [*kept[:at], person, *kept[at:]]
    return out


def _last_word(text: str) -> str:
    """``text.split()[-1]`` ("" for no word): the last word, read from the end (the words before it are read only
    where it asks for them, a role word)."""
    got = text.rsplit(None, 1)
    return got[-1] if got else ""


def _role_nation(words_before: list[str]) -> str | None:
    """The country of the demonym among the two words before a role word that ends ``words_before``
    ("his Chinese counterpart", "North Korean leader": a demonym of two words before one of its words)."""
    pair = " ".join(words_before[-3:-1])
    if pair in DEMONYMS:
        return DEMONYMS[pair]
    return next((DEMONYMS[w] for w in words_before[-3:-1] if w in DEMONYMS), None)


def _classify_word(
    text: str, tok: str, s: int, e: int, first_word: int, end: int, ctx_nation: str | None = None
) -> Mention | None:
    """``_classify`` of a one-word piece (most of them): the same rules in the same order, without the
    steps that need two words or more."""
    if tok in CAP_STOP:
        return None
    if tok in ORGS or tok in OUTLETS:
        return Mention(s, e, tok, "org")
    if tok in PLACES:
        return Mention(s, e, tok, "place")
    if tok in EVENT_HEADS:
        return Mention(s, e, tok, "event")
    if tok in ORG_HEADS:
        return Mention(s, e, tok, "org")
    if tok in TITLE_WORDS:  # a lone title: "the President" refers to someone, "President" alone does not
        if text[max(0, s - 4) : s].lower().endswith("the "):
            return Mention(s, e, tok, "ref", ctx_nation, _role_of([tok]))
        return None
    after_lower = s > 2 and text[s - 1] == " " and text[s - 2].islower()
    if after_lower:
        before = text[max(0, s - 40) : s]
        last = _last_word(before)
        if last in ROLE_WORDS:
            role = ROLE_CLASSES.get(last)
            return Mention(s, e, tok, "person", _role_nation(before.split()) or ctx_nation, role, titled=True)
    if tok in PLACE_HEADS:
        return Mention(s, e, tok, "place")
    if after_lower and _last_word(text[max(0, s - 20) : s]) in _ORG_NOUN_BEFORE:
        return Mention(s, e, tok, "org")
    if tok in DEMONYMS or tok.endswith(_ADJ_END):
        return None
    if _PLACE_AFTER.match(text, e, end):
        return Mention(s, e, tok, "place")
    if tok.isupper() and len(tok) >= 2:
        if tok.title() in PLACES:  # "MOSCOW" in a dateline
            return Mention(s, e, tok.title(), "place")
        return Mention(s, e, tok, "org")
    if "-" in tok:  # "Russia-China", "Russia-Ukraine": the places, not a new name
        parts = tok.split("-")
        if all(p in PLACES or p in DEMONYMS for p in parts):
            return Mention(s, e, tok, "compound")
    return Mention(s, e, tok, "misc", initial=(s == first_word))


def _classify(
    text: str, piece: list[tuple[str, int, int]], first_word: int, end: int, ctx_nation: str | None
) -> Mention | None:
    toks = [t[0] for t in piece]
    # where the run starts, its function words in (a quotation mark or an article may stand before it), and its
    # first word
    opened, opener = piece[0][1], piece[0][0]
    # leading function words ("The", "After", "Regarding")
    while toks and toks[0] in CAP_STOP:
        toks.pop(0)
        piece = piece[1:]
    if len(toks) > 1 and toks[0] in _NAME_MODIFIERS:
        toks.pop(0)  # "Former Carson advisers", "Top Sanders strategists": the name after the describing word
        piece = piece[1:]
    if not toks:
        return None
    if (
        len(toks) >= 4
        and toks[1] in PARTY_MEMBERS
        and (toks[0] in CHAMBERS or toks[0] in PLACES or toks[0] in DEMONYMS)
        and toks[2][:1].isupper()
        and not any(t in ORG_HEADS for t in toks[2:])
    ):
        # "House Republican Thomas Massie", "Texas Republican Ted Cruz": where the party member sits goes with
        # the party, the name after them is the person's (the party itself goes below)
        toks.pop(0)
        piece = piece[1:]
    elif (
        len(toks) >= 4
        and toks[0] in CHAMBERS
        and (toks[1] in TITLE_WORDS or toks[2] in TITLE_WORDS)
        # (a name of three words at most after the title: not "Senate Minority Whip Richard J. Durbin of
        # Illinois", whose title the walk below would not find)
        and len(toks) - (3 if toks[2] in TITLE_WORDS else 2) <= 3
        and not any(t in ORG_HEADS or t in ORG_TAIL_HEADS for t in toks[1:])
        and toks[-1][:1].isupper()
        and toks[-1] not in TITLE_WORDS
    ):
        # "Senate Majority Leader Mitch McConnell", "Senate Judiciary Chairman Chuck Grassley": the chamber
        # opens the title of a person named after it, as "House" does ("House Speaker Paul Ryan"); not its
        # committees ("Senate Armed Services Committee")
        toks.pop(0)
        piece = piece[1:]
    if len(toks) == 1:  # "The Kremlin": the same rules as a one-word piece
        return _classify_word(text, toks[0], piece[0][1], piece[0][2], first_word, end, ctx_nation)
    whole = " ".join(toks)
    s, e = piece[0][1], piece[-1][2]
    surface = text[s:e]
    if whole in ORGS or surface in ORGS:
        return Mention(s, e, surface, "org")
    if whole in OUTLETS:
        return Mention(s, e, surface, "org")
    # a place's name opened by its kind, no title in it ("Gulf of Aden"; not "District of Columbia Mayor Muriel
    # Bowser", "Lake County Sheriff Jane Doe")
    placed = TITLE_WORDS.isdisjoint(toks[1:])
    if whole in PLACES or (placed and toks[0] in PLACE_HEADS and toks[1] == "of"):
        return Mention(s, e, surface, "place")
    if toks[0] in _VESSEL_PREFIXES:
        return Mention(s, e, surface, "misc")  # a ship: "MV Stolt Valor"
    if (
        whole in DEMONYMS
    ):  # "North Korean leader Kim Jong Un": a demonym of two words names no one, as one of one
        return None
    if toks[-1] in EVENT_HEADS or (toks[-1] in _EVENT_NUMBERS and toks[-2] in EVENT_HEADS):
        return Mention(s, e, surface, "event")  # ("World War One", "World War II")
    if (
        toks[-1] in ORG_HEADS
        or toks[0] in ORG_HEADS
        or toks[-1] in ORG_TAIL_HEADS
        or (len(toks) > 1 and toks[-1] in CLUB_HEADS)
        or "&" in whole  # a word joined by "&" names no person ("S&P Global", "AT&T Mobility")
        # a body "of" or "for" something after a place or an adjective: "Florida Department of Health", "European
        # Centre for Disease Prevention and Control", "Academy of Motion Picture Arts and Sciences" (most runs hold
        # neither: one list scan decides before the walk over the words)
        or (
            ("of" in toks or "for" in toks)
            and any(t in _ORG_WORDS and toks[i + 1] in ("of", "for") for i, t in enumerate(toks[:-1]))
        )
    ):
        return Mention(s, e, surface, "org")
    if placed and toks[0] in _PLACE_PREFIXES:  # "Mount Cook", "Lake Erie" (not "Mount Sinai Hospital": above)
        return Mention(s, e, surface, "place")
    quoted_end = _fills_quotation(text, opened, e)
    if quoted_end:
        # the title of a work, a show or a feature, the whole of a quotation ("“Marriage Story”", "“The Marvelous
        # Mrs Maisel”", "“CBS This Morning” co-host"): no person, whatever its words (a quoted nickname is one word)
        return Mention(s, quoted_end, text[s:quoted_end], "misc")
    # titles: "Russian President", "US Secretary of State", "Kremlin spokesman" (lower-case: context)
    nation = ctx_nation
    titles: list[str] = []
    # "Democrat Hillary Clinton": the party goes, the name after it is the person's; a lone surname after it
    # too ("Republican Jolly", "Republicans Jolly of Indian Shores and DeSantis"), not a chamber ("Republican
    # House")
    i = (
        1
        if toks[0] in PARTY_MEMBERS
        and toks[1][:1].isupper()
        and (len(toks) >= 3 or (toks[1] not in CHAMBERS and toks[1] not in TITLE_WORDS))
        else 0
    )
    while i < len(toks):
        t = toks[i]
        if t in DEMONYMS and not titles and i + 1 < len(toks) and toks[i + 1] in TITLE_WORDS:
            nation = DEMONYMS[t]
        elif t in TITLE_WORDS:
            titles.append(t)
        elif t == "of" and titles and i + 1 < len(toks):
            titles.append(toks[i + 1])
            i += 1
        else:
            break
        i += 1
    if titles:
        # a title of several words ("General Manager Billy King", "Chief Operating Officer Jane Roe"): the
        # name starts after its last title or role word (never the name's last word)
        more = max(
            (
                k
                for k in range(min(2, len(toks) - i - 1))
                if toks[i + k] in TITLE_WORDS or toks[i + k].lower() in ROLE_WORDS
            ),
            default=-1,
        )
        titles += toks[i : i + more + 1]
        i += more + 1
    # "the Labour MP for Newcastle Central", "the Secretary of State for Health": what the title is for, no name
    rest = [] if titles and i < len(toks) and toks[i] == "for" else piece[i:]
    if rest and not titles and len(rest) > 2 and not placed:
        # an organisation or place before the title: "NATO Secretary General Mark Rutte"
        # (a title word that ends the run is the name's last word: "New York Congressman Pete King"; ``placed``: no
        # title word after the first, so none to look for)
        last_title = max((k for k, t in enumerate(toks[:-1]) if t in TITLE_WORDS), default=-1)
        if 0 < last_title < len(toks) - 3 and toks[last_title + 1] == "of":
            last_title += 2  # the title's own "of": "RNC Chief of Staff Katie Walsh"
        # (not when only a generational suffix follows: "Martin Luther King Jr." is a name, "King" no title)
        if (
            0 < last_title < len(toks) - 1
            and len(toks) - 1 - last_title <= 3
            and toks[last_title + 1].rstrip(".") not in _SUFFIX_WORDS
        ):
            titles = [t for t in toks[: last_title + 1] if t in TITLE_WORDS]
            rest = piece[last_title + 1 :]
    if not rest:
        if titles:
            before = text[max(0, s - 4) : s]
            if before.lower().endswith("the "):
                return Mention(s, e, surface, "ref", nation, _role_of(titles))
        return None  # a lone demonym or title
    rs, re_ = rest[0][1], rest[-1][2]
    name = text[rs:re_]
    rtoks = [t[0] for t in rest]
    if titles:
        return Mention(rs, re_, name, "person", nation, _role_of(titles), titled=True)
    if name in PLACES:
        return Mention(rs, re_, name, "place")
    after_lower = s > 2 and text[s - 1] == " " and text[s - 2].islower()  # "... spokesman Dmitry Peskov"
    if after_lower and len(rtoks) <= 4:
        before = text[max(0, s - 40) : s]
        last = _last_word(before)
        if last in ROLE_WORDS:
            # "Kremlin spokesman Dmitry Peskov", "his Chinese counterpart Xi Jinping"
            role = ROLE_CLASSES.get(last)
            return Mention(rs, re_, name, "person", _role_nation(before.split()) or nation, role, titled=True)
    if rtoks[-1] in PLACE_HEADS:
        return Mention(rs, re_, name, "place")
    # "labour union IG Metall", "carmaker Brenner AG"
    if after_lower and _last_word(text[max(0, s - 20) : s]) in _ORG_NOUN_BEFORE:
        return Mention(rs, re_, name, "org")
    if len(rtoks) == 1 and (rtoks[0] in DEMONYMS or rtoks[0].endswith(_ADJ_END)):
        return None
    if _PLACE_AFTER.match(text, re_, end):
        return Mention(rs, re_, name, "place")
    if len(rtoks) == 1:
        tok = rtoks[0]
        if tok.isupper() and len(tok) >= 2:
            if tok.title() in PLACES:  # "MOSCOW" in a dateline
                return Mention(rs, re_, tok.title(), "place")
            return Mention(rs, re_, name, "org")
        if "-" in tok:  # "Russia-China", "Russia-Ukraine": the places, not a new name
            parts = tok.split("-")
            if all(p in PLACES or p in DEMONYMS for p in parts):
                return Mention(rs, re_, name, "compound")
        return Mention(rs, re_, name, "misc", initial=(rs == first_word))
    if (
        (rtoks[0].isupper() and all(t.isupper() for t in rtoks))  # (most names' first word decides)
        or not _COUNTRY_WORDS.isdisjoint(rtoks)
        or _ACRONYM_TAIL.fullmatch(rtoks[-1]) is not None
    ):
        return Mention(rs, re_, name, "org")  # "Statistics Sweden", "U.S. Geological Survey", "Dutch TTF"
    before = text[max(0, rs - 24) : rs]
    if _PLACE_BEFORE.search(before):
        return Mention(rs, re_, name, "place")  # "near the port of Bandar Abbas", "outside Vila Nova"
    inner = (
        0  # (most names hold no such word: one set operation decides)
        if _HEADLINE_FUNCTION_WORDS.isdisjoint(rtoks)
        else max((k for k, t in enumerate(rtoks[1:-2], 1) if t in _HEADLINE_FUNCTION_WORDS), default=0)
    )
    if _acronym_after(text, re_, rtoks):
        return Mention(rs, re_, name, "org")  # "the Screen Actors Guild (SAG)": people have no acronym
    placed_kind = _place_opened(rtoks)
    if placed_kind is not None:
        return Mention(rs, re_, name, placed_kind)
    if _org_opened(rtoks):
        # "Google Ad Settings", "CBS News Battleground Tracker": the organisation's thing
        return Mention(rs, re_, name, "misc")
    if rs == s and _after_article(text, opener, rtoks, opened, s):
        # "the Reckoning Crew", "The Hollywood Reporter", "The Greatest Showman": people's names take no article
        return Mention(rs, re_, name, "misc", after_article=True)
    if inner and rtoks[inner + 1] in _GIVEN_NAMES:
        # a headline in title case ("Megyn Kelly Responds To Attacks On Donald Trump"): the person is the name a
        # given name opens after its last function word (a run of other words stays whole, for the person of
        # the article it holds: "Donald Trump Tweets A Wildly Inaccurate Graphic To Portray Voters")
        rs = rest[inner + 1][1]
        return Mention(rs, re_, text[rs:re_], "person")
    return Mention(rs, re_, name, "person")


_EVENT_NUMBERS = frozenset(_WORDS["event_numbers"])
_OPENING_MARKS = {a: b for a, b in _NICKNAME_PAIRS}
# after a quoted title: the point or comma a quotation takes inside, then its closing mark, no letter after it (not
# the apostrophe of "Smith’s")
_QUOTE_CLOSE = re.compile(r"[ \t]?[.,!?]?[ \t]?(?P<mark>[^\w\s])(?!\w)")
# an acronym in brackets right after a name: "Screen Actors Guild (SAG)"
_ACRONYM_AFTER = re.compile(r"[ \t]+\((?P<acr>[A-Z]{2,8})\)")


def _fills_quotation(text: str, start: int, end: int) -> int:
    """Where the name ends when ``text[start:end]`` is the whole of a quotation (an opening mark right before
    it, a space between as tokenised text writes it, "‘ Catching Fire ’"; its closing mark right after it, or
    its last character, an apostrophe the scan read as a word's: "‘Lift Off’"), else 0."""
    k = start - 1
    if k > 0 and text[k] == " ":
        k -= 1
    if k < 0 or text[k] not in _OPENING_MARKS or (k > 0 and text[k - 1].isalnum()):
        return 0
    close = _OPENING_MARKS[text[k]]
    if text[end - 1] == close and not text[end : end + 1].isalnum():
        return end - 1
    m = _QUOTE_CLOSE.match(text, end)
    return end if m is not None and m["mark"] == close else 0


_COMPASS_WORDS = frozenset(_WORDS["compass_words"])
_CITY_WORDS = frozenset(_WORDS["city_words"])


def _place_opened(words: list[str]) -> str | None:
    """The kind of a name opened by a place, no title and no given name in it (those are persons' names:
    "Los Angeles Mayor-elect Antonio Villaraigosa"). A compass point opens a region ("Southern California", "East
    Harlem", "Upper East Side"), and with a known place and more words after it an organisation ("Southern
    California Edison", "South Florida Sun Sentinel"). A known place and a city's word is a city ("New York
    City", "Kansas City"); a known place and two words more or further, an organisation ("California
    Independent System Operator", "Boston Red Sox"; not "Paris Hilton", "London Breed": a person's name of two
    words may open with a place)."""
    if len(words) == 2 and words[-1] in _CITY_WORDS:
        return "place"  # "Carson City", "Kansas City"
    if _named_person_inside(words):
        return None  # (a given name before another word: "Antonio Villaraigosa"; not "Southern California Edison")
    if words[0] in _COMPASS_WORDS:
        rest = 2 if " ".join(words[1:3]) in PLACES else 1 if words[1] in PLACES else 0
        return "org" if rest and len(words) > rest + 1 else "place"
    opening = 2 if " ".join(words[:2]) in PLACES else 1 if words[0] in PLACES else 0
    if opening and len(words) > opening and words[-1] in _CITY_WORDS:
        return "place"
    # (two words more than the place: not "New Hampshire Republican", one more)
    return "org" if opening and len(words) >= opening + 2 else None


def _named_person_inside(words: list[str]) -> bool:
    """Whether a title, an initial ("Jumaane D. Williams") or a given name before another word stands in a run:
    a person's name may be in it."""
    return any(w in TITLE_WORDS or (len(w) == 2 and w[1] == ".") for w in words) or any(
        w in _GIVEN_NAMES for w in words[:-1]
    )


def _org_opened(words: list[str]) -> bool:
    """A known organisation or outlet and more words after it, no person's name in them: the organisation's
    product, programme or service ("Google Ad Settings", "CBS News Battleground Tracker", "Toyota Camry")."""
    if len(words) < 2 or _named_person_inside(words):
        return False
    first, pair = words[0], " ".join(words[:2])
    if pair in ORGS or pair in OUTLETS:
        return len(words) > 2
    return first in ORGS or first in OUTLETS


def _after_article(text: str, opener: str, toks: list[str], opened: int, s: int) -> bool:
    """Whether a run of two words or more, no given name before another word in it and not opened by a title
    written with its point ("the Rev. Al Sharpton"), stands right after "the" (read before it, or its first
    word): a group's, a work's or an outlet's name, no person's."""
    if len(toks) < 2 or toks[0].endswith(".") or any(w in _GIVEN_NAMES for w in toks[:-1]):
        return False
    if opened < s:
        return opener == "The" and text[opened + 3 : s].isspace()
    return text[max(0, s - 4) : s] == "the "


def _acronym_after(text: str, end: int, words: list[str]) -> bool:
    """Whether the acronym in brackets after a name is made of the name's initials, in order, from its first
    ("Screen Actors Guild (SAG)", "European Centre for Disease Prevention and Control (ECDC)"); a code after
    a person's name is not ("Dorothea Wierer (ITA)", "Jair Bolsonaro (PL)")."""
    m = _ACRONYM_AFTER.match(text, end)
    if m is None:
        return False
    initials = "".join(w[0] for w in words if w[:1].isupper())
    acr = m["acr"]
    if acr[0] != initials[:1]:
        return False
    it = iter(initials)
    return all(ch in it for ch in acr)


_PLACE_BEFORE = re.compile(
    r"(?:\b(?:port|city|town|village|province|region|state|island|district|county|capital|suburb|outskirts)"
    r"\s+of|\b(?:near|outside|north\s+of|south\s+of|east\s+of|west\s+of))\s+(?:the\s+)?$"
)


# an acronym that ends a name is an organisation's ("the Dutch TTF hub"), not a roman numeral ("Ike LaRue III")
_ACRONYM_TAIL = re.compile(r"(?![IVXLC]+$)[A-Z]{3,}")


# --- names in other languages (``lang/<code>/names.toml``) ----------------------------------------------------
# The scan above reads English capitalisation: a capitalised run is a name. German capitalises every noun, and
# every language capitalises the word that opens a sentence ("Im Gespräch", "Además de Punta Arenas"), so in
# a language with a names.toml a run is a person's name only with evidence: a given name first, or a title or a
# role before it (``titled``); the rest is an organisation (a head word: "Uni Marburg", "Ministerio de Salud"),
# a place (a head word or a known place), a misc name, or, when its words are common nouns, no entity at all
# (``Mention.common``).


@dataclass(frozen=True, slots=True)
class _NameVocab:
    lang: str
    openers: frozenset[str]  # lower case: words that never start a name (function words, "además")
    articles: frozenset[str]  # lower case: articles that start names mid-sentence ("El Espectador")
    run_breaks: frozenset[str]  # lower case: articles that join two noun phrases, never a name's words
    break_particles: frozenset[str]  # a given name's particles before such an article ("von der Leyen")
    nouns: frozenset[str]  # common nouns (German: a capitalised word names no one by itself)
    noun_suffixes: tuple[str, ...]  # nominal endings of common nouns ("-ung", "-heit")
    noun_inflections: tuple[str, ...]  # endings a noun's plural or genitive adds ("n", "en", "s")
    adjective_endings: tuple[str, ...]  # endings of capitalised adjectives in names ("Europäischen Union")
    given: frozenset[str]  # given names, folded (no accents, lower case)
    surnames: frozenset[str]  # surnames, folded: evidence where nouns are in lower case (French, Spanish)
    # where nouns are in lower case: the language's common words (frequency.toml, Zipf >= ``common_zipf``),
    # in lower case; a run of rarer words (no common word, no head word) is a person's name ("Ehud Barak")
    common_words: frozenset[str]
    titles: frozenset[str]  # titles before a name ("Frau", "Presidente", "Mme")
    title_endings: tuple[str, ...]  # the titles in lower case: the end of a compound ("HDE-Präsident")
    org_heads: frozenset[str]
    org_endings: tuple[str, ...]  # heads written as the end of a compound ("Bundesministerium")
    place_heads: frozenset[str]
    places: frozenset[str]
    orgs: frozenset[str]


@functools.lru_cache(maxsize=16384)
def _fold(word: str) -> str:
    """The word in lower case without accents, as the given names are compared."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


@functools.cache
def _name_vocab(lang: str) -> _NameVocab | None:
    data = resource(lang, "names")
    if not data:
        return None
    stop = resource(lang, "stopwords")
    openers = {*stop.get("function", ()), *data.get("openers", ())}
    if data.get("calendar_nouns"):  # German: "Im Februar", "Am Montag" name no one
        openers |= set(stop.get("calendar", ()))
    people = resource(lang, "person_names")
    given = {_fold(n) for n in people.get("given", ())}
    given |= {_fold(n) for names in resource("en", "given_names").values() for n in names}
    return _NameVocab(
        lang=lang,
        openers=frozenset(openers),
        articles=frozenset(data.get("name_articles", ())),
        run_breaks=frozenset(data.get("run_breaks", ())),
        break_particles=frozenset(data.get("break_particles", ())),
        nouns=frozenset(resource(lang, "nouns").get("nouns", ())),
        noun_suffixes=tuple(data.get("noun_suffixes", ())),
        noun_inflections=tuple(data.get("noun_inflections", ())),
        adjective_endings=tuple(data.get("adjective_endings", ())),
        given=frozenset(given),
        common_words=_common_words(lang, data["common_zipf"]) if "common_zipf" in data else frozenset(),
        surnames=frozenset(_fold(n) for n in people.get("surnames", ()))
        if data.get("surname_evidence")
        else frozenset(),
        titles=frozenset(data.get("titles", ())),
        title_endings=tuple(t.lower() for t in data.get("titles", ()) if t[-1].isalpha()),
        org_heads=frozenset(data.get("org_heads", ())),
        org_endings=tuple(data.get("org_endings", ())),
        place_heads=frozenset(data.get("place_heads", ())),
        places=frozenset(data.get("places", ())),
        orgs=frozenset(data.get("orgs", ())),
    )


def _common_words(lang: str, cut: float) -> frozenset[str]:
    """The words of ``lang``'s frequency table (lower case, plurals folded) of Zipf frequency ``cut`` or more."""
    table = resource(lang, "frequency").get("zipf", {})
    return frozenset(w for z, words in table.items() if float(z) >= cut for w in words.split())


def _rare_word(word: str, voc: _NameVocab) -> bool:
    """Whether a capitalised word is no common word of its language (as the frequency table folds it: lower
    case, a plural "s" dropped)."""
    low = word.lower()
    return low not in voc.common_words and not (low.endswith("s") and low[:-1] in voc.common_words)


def _common_noun(word: str, voc: _NameVocab, compounds: bool = False) -> bool:
    return _common_noun_in(voc.lang, word, compounds)


@functools.lru_cache(maxsize=16384)
def _common_noun_in(lang: str, word: str, compounds: bool) -> bool:
    """Whether a capitalised word is a common noun of the language (its nouns list or a nominal ending); with
    ``compounds``, also a compound that ends with a listed noun of five letters or more ("Fußleiste": a
    surname may end so too, "Neubauer", so only where a given name or a person's full name is no evidence).
    Cached: an article names the same things again and again."""
    voc = _name_vocab(lang)
    assert voc is not None
    if word in voc.nouns or any(
        word.endswith(i) and word[: -len(i)] in voc.nouns for i in voc.noun_inflections
    ):
        return True  # (a listed noun, or an inflected form of one: "Banane" -> "Bananen")
    low = word.lower()
    if any(low.endswith(s) and len(low) >= len(s) + 4 for s in voc.noun_suffixes):
        return True
    # German: a compound ending in a lower-case word is no name ("EU-weiten", "Corona-bedingt")
    if voc.nouns and word.rpartition("-")[2][:1].islower():
        return True
    return compounds and any(word[i:].capitalize() in voc.nouns for i in range(2, len(word) - 4))


def _tokens(m: Mention) -> list[tuple[str, int, int]]:
    """The words of a mention with their offsets in the text."""
    out = []
    i = 0
    for w in m.text.split():
        i = m.text.find(w, i)
        out.append((w, m.start + i, m.start + i + len(w)))
        i += len(w)
    return out


def _names_in_language(
    found: list[Mention], text: str, start: int, first_word: int, end: int, voc: _NameVocab
) -> list[Mention]:
    out: list[Mention] = []
    for m in found:
        if m.kind in ("ref", "compound") or m.text in PLACES or m.text in ORGS or m.text in OUTLETS:
            out.append(m)
            continue
        toks = _tokens(m)
        pieces: list[list[tuple[str, int, int]]] = [[]]
        for k, tok in enumerate(toks):
            low = tok[0].lower()
            if low in voc.run_breaks and k and not (k == 2 and toks[1][0] in voc.break_particles):
                # German: an article between two capitalised words joins two noun phrases ("Fußleiste der
                # App", "Tag der Quarantäne", "Christian Drosten von der Charité"), never a name's words but
                # after a given name's "von" ("Ursula von der Leyen")
                pieces.append([])
                continue
            # an opener is left out and ends the run before it ("Im Gespräch", "Schirrmacher Es"), but for an
            # article inside a name ("Calle El Trabajador", "el diario El Espectador")
            if (
                tok[0][:1].isupper()
                and low in voc.openers
                and tok[0] not in voc.titles
                and (low not in voc.articles or (k == 0 and _opens(text, start, tok[1])))
            ):
                pieces.append([])
                continue
            pieces[-1].append(tok)
        for piece in pieces:
            while piece and not piece[0][0][:1].isupper():
                piece.pop(0)
            while piece and not piece[-1][0][:1].isupper():
                piece.pop()
            if not piece:
                continue
            if piece != toks:  # words left out: what remains is classified anew
                got = (
                    _classify_word(text, piece[0][0], piece[0][1], piece[0][2], first_word, end)
                    if len(piece) == 1
                    else _classify(text, piece, first_word, end, None)
                )
                if got is None:
                    continue
            else:
                got = m
            out.extend(_name_evidence(got, text, first_word, end, voc))
    return out


def _opens(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` starts the sentence (from ``start``) or follows punctuation, not a word."""
    before = text[start:pos].rstrip()
    return not before or not before[-1].isalnum()


def _name_evidence(m: Mention, text: str, first_word: int, end: int, voc: _NameVocab) -> list[Mention]:
    """``m`` as the language's evidence has it: a person only with a given name first or a title; a run that
    holds a given name later is what comes before it and the person ("Convergencia Social Diego Ibáñez")."""
    words = m.text.split()
    if m.kind == "place" or m.kind == "event":
        return [m]
    if voc.nouns and len(words) > 1 and m.kind != "org":
        # German: common nouns before or after a name are no words of it ("Virologe Christian Drosten",
        # "Landes Baden-Württemberg", "Europäische Kommission Atomkraft"), but for an organisation's head
        # ("Uni Marburg") or an adjective ("Europäischen Union": an organisation by English heads is left whole)
        toks = _tokens(m)
        k, n = 0, len(toks)
        while (
            k < n - 1
            and toks[k][0] not in voc.org_heads
            and not toks[k][0].endswith(voc.adjective_endings)
            and _common_noun(toks[k][0], voc, compounds=True)
        ):
            k += 1
        named = _fold(toks[k][0]) in voc.given and toks[k][0] not in voc.nouns  # ("Helmut Glück")
        while (
            n > k + 1
            and not named
            and toks[n - 1][0] not in voc.org_heads
            and _common_noun(toks[n - 1][0], voc)
        ):
            n -= 1
        while k < n and not toks[k][0][:1].isupper():
            k += 1
        while n > k and not toks[n - 1][0][:1].isupper():
            n -= 1
        if (k, n) != (0, len(toks)):
            role = k > 0 and toks[k - 1][0].lower().endswith(voc.title_endings)
            piece = toks[k:n]
            if len(piece) == 1:
                got = _classify_word(text, piece[0][0], piece[0][1], piece[0][2], first_word, end)
            else:
                got = _classify(text, piece, first_word, end, None)
            if got is None:
                return []
            if role and got.kind in ("person", "misc"):
                got = Mention(got.start, got.end, got.text, "person", titled=True)
            m, words = got, got.text.split()
    if m.kind == "org" and len(words) > 1:
        return [m]
    if len(words) == 1:
        if m.text in voc.orgs:
            return [Mention(m.start, m.end, m.text, "org")]
        if m.text in voc.places:
            return [Mention(m.start, m.end, m.text, "place")]
        if voc.nouns and (m.text in voc.org_heads or m.text.lower() in voc.org_endings):
            m.common = True  # German: the head alone is a noun ("die Regierung", "das Amt")
            return [m]
        if m.kind == "misc":
            if m.text in voc.org_heads or m.text.lower().endswith(voc.org_endings):
                return [Mention(m.start, m.end, m.text, "org")]
            if _common_noun(m.text, voc, compounds=True) or m.text.lower() in voc.openers:
                m.common = True
        return [m]
    toks = _tokens(m)
    if m.kind == "person" and m.titled:  # (English title and role words: a common noun after one is no name)
        return [m] if not _common_noun(toks[-1][0], voc, compounds=True) else _kind_by_words(toks, text, voc)
    first = toks[0][0]
    if first in voc.titles or (first[-1].isalpha() and first.lower().endswith(voc.title_endings)):
        # a title ("Frau Neubauer", "Presidente Boric", German "Staatspräsident Kais Saied")
        rest = toks[1:]
        while rest and not rest[0][0][:1].isupper():
            rest.pop(0)
        if rest:
            s = rest[0][1]
            return [Mention(s, m.end, text[s : m.end], "person", m.nation, m.role, titled=True)]
    names = [k for k, t in enumerate(toks) if t[0][:1].isupper() and _fold(t[0]) in voc.given]
    later = [k for k in names if 0 < k < len(toks) - 1 and k - 1 not in names]
    # (a given name that is a common noun too is no evidence: "Art von Seuche")
    if names and names[0] == 0 and toks[0][0] not in voc.nouns:
        return [Mention(m.start, m.end, m.text, "person", m.nation, m.role)]
    if later:
        k = later[0]
        head = toks[:k]
        while head and not head[-1][0][:1].isupper():
            head.pop()
        # a title that ends the words before is the person's ("HDE-Präsident Alexander von Preen")
        titled = bool(head) and head[-1][0].lower().endswith(voc.title_endings)
        person = Mention(toks[k][1], m.end, text[toks[k][1] : m.end], "person", titled=titled)
        return [*(_kind_by_words(head, text, voc) if head and not titled else []), person]
    return _kind_by_words(toks, text, voc)


def _kind_by_words(toks: list[tuple[str, int, int]], text: str, voc: _NameVocab) -> list[Mention]:
    """A run with no evidence of a person: an organisation or a place by its head word, a common noun
    phrase (no entity) when its capitalised words are all common nouns, else a misc name."""
    s, e = toks[0][1], toks[-1][2]
    name = text[s:e]
    caps = [t[0] for t in toks if t[0][:1].isupper()]
    if any(w in voc.org_heads or w.lower().endswith(voc.org_endings) for w in caps):
        return [Mention(s, e, name, "org")]
    if caps[0] in voc.place_heads or name in voc.places:
        return [Mention(s, e, name, "place")]
    if all(_common_noun(w, voc, compounds=True) for w in caps):
        return [Mention(s, e, name, "misc", common=True)]
    if len(caps) <= 4 and _fold(caps[-1]) in voc.surnames:  # "Mirtha Sánchez"
        return [Mention(s, e, name, "person")]
    if voc.common_words and 2 <= len(caps) <= 3 and all(_rare_word(w, voc) for w in caps):
        return [Mention(s, e, name, "person")]  # "Ehud Barak", "Kenji Fujimori"; not "Carta Magna"
    return [Mention(s, e, name, "misc")]


_HEADLINE_RUN_WORDS = 5  # words of a capitalised run, at least, that may be a headline ending with a name


class Resolver:
    """Canonical names for one article's mentions (alias resolution within the article)."""

    def __init__(self, all_mentions: list[Mention]) -> None:
        self.persons: list[str] = []  # canonical full names, first-seen order
        self.nation: dict[str, str] = {}
        self.role: dict[str, str] = {}
        self._alias: dict[str, str] = {}
        self._non_initial: set[str] = set()
        # person name -> (rapidfuzz's default_process of it, its word after the last space)
        self._processed: dict[str, tuple[str, str]] = {}
        self._single_person: set[str] = set()
        # one article, one kind for a name: a name of several words that its shape makes no person's somewhere
        # (a quoted title, a head word) is no person where nothing says so ("the new “FaceTime Attention
        # Correction” feature ... How FaceTime Attention Correction works"), but after a title
        self._shaped: dict[str, str] = {
            m.text: m.kind
            for m in all_mentions
            if m.kind in ("org", "event", "misc") and " " in m.text and not m.common and not m.after_article
        }
        for m in all_mentions:
            if m.kind in ("person", "misc") and not m.initial:
                self._non_initial.add(m.text)
            if m.kind == "person" and not m.titled and m.text in self._shaped:
                continue
            if m.kind == "person" and " " in m.text:
                canon = self._match_full(m.text)
                if canon is None:
                    self.persons.append(m.text)
                    self._processed[m.text] = (utils.default_process(m.text), m.text.rpartition(" ")[2])
                    canon = m.text
                self._alias[m.text] = canon
                if m.nation:
                    self.nation.setdefault(canon, m.nation)
                if m.role:
                    self.role.setdefault(canon, m.role)
            elif m.kind == "person":
                self._single_person.add(m.text)
        self._drop_longer_runs()
        self.orgs: dict[str, str] = {}  # single word of a multi-word organisation -> the organisation
        for m in all_mentions:
            if m.kind == "org" and " " in m.text:
                for tok in m.text.split():
                    if tok[:1].isupper() and len(tok) > 2:
                        self.orgs[tok] = m.text if self.orgs.get(tok, m.text) == m.text else ""
        # a one-word short form of an organisation, case aside -> the organisation: its own name when it is one
        # word ("SEACOM" ... "Seacom said"), the part of its first word before a hyphen ("Anheuser-Busch Cos." ...
        # "Anheuser said")
        self.short_orgs: dict[str, str] = {}
        for m in all_mentions:
            if m.kind == "org":
                first = m.text.split()[0]
                forms = [first] if first == m.text else []
                if "-" in first:
                    forms.append(first.split("-", 1)[0])
                for form in forms:
                    if form[:1].isupper() and len(form) > 2:
                        key = form.casefold()
                        self.short_orgs[key] = m.text if self.short_orgs.get(key, m.text) == m.text else ""
        self._token_index: dict[str, list[str]] = {}
        self._single_cache: dict[str, str | None] = {}
        # index keys of five letters or more by their first letter (built on first use)
        self._by_initial: dict[str, list[tuple[str, list[str]]]] | None = None
        # entity() depends only on these fields of a mention; entities are never mutated, so one article's
        # repeated mentions ("Putin" in every other sentence) share one Entity
        self._entity_cache: dict[tuple[str, str, str | None, str | None, bool, bool], Entity | None] = {}
        for p in self.persons:
            for tok in p.split():
                if tok[0].isupper() and len(tok) > 1:
                    self._token_index.setdefault(tok.casefold(), []).append(p)
        for m in all_mentions:
            if m.kind == "person" and " " not in m.text:
                canon = self._match_single(m.text)
                if canon:
                    if m.nation:
                        self.nation.setdefault(canon, m.nation)
                    if m.role:
                        self.role.setdefault(canon, m.role)

    def _drop_longer_runs(self) -> None:
        """A "person" that holds another person's full name and two words more or further ("New York Congressman
        Pete King", a headline "Donald Trump Tweets A Wildly Inaccurate Graphic") is no person of its own: it is
        that person when it holds one, and its words name no one ("Trump" is Donald Trump, not ambiguous)."""
        runs: dict[str, str | None] = {}
        words = {p: p.count(" ") + 1 for p in self.persons}
        for p in _name_holders(self.persons, words):
            n = words[p]
            inner = {q for q in self.persons if words[q] <= n - 2 and f" {q} " in f" {p} "}
            if inner:
                runs[p] = inner.pop() if len(inner) == 1 else None
        if not runs:
            return
        self.persons = [p for p in self.persons if p not in runs]
        for alias, canon in self._alias.items():
            if canon in runs:
                self._alias[alias] = runs[canon] or canon

    def _match_full(self, name: str) -> str | None:
        """An already-seen full name this one is a variant of ("Sergey Lavrov" ~ "Sergei Lavrov")."""
        if name in self._alias:
            return self._alias[name]
        proc = utils.default_process(name)
        n = len(proc)
        last = name.rpartition(" ")[2]
        for p in self.persons:
            pp, plast = self._processed[p]
            # one name ending with " " + the other: both end with the same word after their last space
            if plast == last and (
                name.endswith(" " + p)
                or (
                    p.endswith(" " + name)
                    # (not a headline's run that ends with the name: "Progressives Are Celebrating Hillary
                    # Clinton" seen first is no person whom "Hillary Clinton" is a variant of; it is hers, below)
                    and not (p.count(" ") >= _HEADLINE_RUN_WORDS - 1 and p.count(" ") - name.count(" ") >= 2)
                )
            ):
                return p
            # ratio(a, b, processor=f) is ratio(f(a), f(b)), at most 100 * (1 - |len diff| / total length)
            if abs(len(pp) - n) <= 0.125 * (len(pp) + n) and fuzz.ratio(proc, pp) >= 88:
                return p
        return None

    def _match_single(self, tok: str) -> str | None:
        if tok in self._single_cache:
            return self._single_cache[tok]
        out = self._match_single_uncached(tok)
        self._single_cache[tok] = out
        return out

    def _match_single_uncached(self, tok: str) -> str | None:
        hits = self._token_index.get(tok.casefold())
        if hits is not None:
            return hits[0] if len(set(hits)) == 1 else None
        if len(tok) >= 5:
            low = tok.casefold()
            n = len(low)
            # ratio <= 100 * (1 - |len difference| / total length): skip keys that cannot reach 88
            if self._by_initial is None:
                self._by_initial = {}
                for key, ps in self._token_index.items():
                    if len(key) >= 5:
                        self._by_initial.setdefault(key[0], []).append((key, ps))
            cands = {
                p
                for key, ps in self._by_initial.get(low[0], ())
                for p in ps
                if abs(len(key) - n) <= 0.125 * (len(key) + n) and fuzz.ratio(low, key) >= 88
            }
            if len(cands) == 1:
                return cands.pop()
        return None

    def canonical_person(self, name: str) -> str:
        """The article's full name for a person named ``name`` ("Putin" -> "Vladimir Putin"), else ``name``."""
        if " " in name:
            return self._alias.get(name, name)
        return self._match_single(name) or name

    def resolve_ref(self, nation: str | None, role: str | None) -> str | None:
        if not nation or not role:
            return None
        cands = [p for p in self.persons if self.nation.get(p) == nation and self.role.get(p) == role]
        return cands[0] if len(cands) == 1 else None

    def entity(self, m: Mention) -> Entity | None:
        # (``common`` follows from the text and kind)
        key = (m.kind, m.text, m.nation, m.role, m.initial, m.titled or m.after_article)
        try:
            return self._entity_cache[key]
        except KeyError:
            pass
        ent = self._entity(m)
        self._entity_cache[key] = ent
        return ent

    def _entity(self, m: Mention) -> Entity | None:
        if m.kind == "compound":
            return None
        if m.kind == "ref":
            canon = self.resolve_ref(m.nation, m.role)
            if canon is None:
                return None
            return Entity(text=m.text, key=norm_key(canon), kind="person", name=canon)
        if m.kind == "place":
            canon = PLACES.get(m.text, m.text)
            return Entity(text=m.text, key=norm_key(canon), kind="place", name=canon)
        if m.kind == "org":
            canon = ORGS.get(m.text, m.text)
            if canon.startswith("The ") and canon not in OUTLETS:
                canon = canon[4:]
            return Entity(text=m.text, key=norm_key(canon), kind="org", name=canon)
        if m.kind == "event":
            canon = m.text[4:] if m.text.startswith("the ") else m.text
            return Entity(text=m.text, key=norm_key(canon), kind="event", name=canon)
        if m.kind == "person" and not m.titled and m.text in self._shaped:
            return Entity(text=m.text, key=norm_key(m.text), kind=self._shaped[m.text], name=m.text)
        if m.kind == "person":
            canon = (
                self._alias.get(m.text)
                or (self._match_single(m.text) if " " not in m.text else None)
                or m.text
            )
            return Entity(text=m.text, key=norm_key(canon), kind="person", name=canon)
        if (
            m.after_article and m.text in self._alias
        ):  # "The Kamala Harris campaign", Kamala Harris named elsewhere
            canon = self._alias[m.text]
            return Entity(text=m.text, key=norm_key(canon), kind="person", name=canon)
        # misc: a single capitalised word; a person if it is part of a person's name in this article
        canon2 = self._match_single(m.text)
        if canon2:
            return Entity(text=m.text, key=norm_key(canon2), kind="person", name=canon2)
        if m.common:  # a common noun that is no word of a person's name in this article
            return None
        if m.initial and m.text not in self._non_initial:
            return None
        if m.text in self._single_person:
            return Entity(text=m.text, key=norm_key(m.text), kind="person", name=m.text)
        return Entity(text=m.text, key=norm_key(m.text), kind="misc", name=m.text)

    def entities(self, ms: list[Mention]) -> list[Entity]:
        out: list[Entity] = []
        seen: set[str] = set()
        for m in ms:
            if m.kind == "compound":
                for part in m.text.split("-"):
                    canon = PLACES.get(part) or DEMONYMS.get(part, part)
                    key = norm_key(canon)
                    if key not in seen:
                        seen.add(key)
                        out.append(Entity(text=part, key=key, kind="place", name=canon))
                continue
            ent = self.entity(m)
            if ent is None or not ent.key or ent.key in seen:
                continue
            seen.add(ent.key)
            out.append(ent)
        return out


def _name_holders(persons: list[str], words: dict[str, int]) -> list[str]:
    """The persons (``words``: each one's number of words) that may hold another person's full name and two
    words more: names of three words or more. Most names have two, so ``Resolver._drop_longer_runs`` compares
    them with no other name (the pairs of an article's persons were all compared before)."""
    return [p for p in persons if words[p] >= 3]


def same_person(key_a: str, key_b: str) -> bool:
    """Whether two person keys from different articles can name the same person.

    Within an article aliases are resolved, but an article that only ever writes "Putin" gives the
    key "putin" while another gives "vladimir putin". Keys match when their last names agree and
    the given names, where both have one, agree or one is the other's initial ("v putin").
    Spelling variants of the last name ("zelensky"/"zelenskyy") match with rapidfuzz >= 88.
    """
    if key_a == key_b:
        return True
    a, b = key_a.split(), key_b.split()
    if not a or not b:
        return False
    if a[-1] != b[-1] and not (len(a[-1]) >= 5 and a[-1][0] == b[-1][0] and fuzz.ratio(a[-1], b[-1]) >= 88):
        # Chinese, Korean and Vietnamese names put the family name first: "xi" ~ "xi jinping"
        if len(a) == 1 and len(b) > 1:
            return a[0] == b[0]
        if len(b) == 1 and len(a) > 1:
            return b[0] == a[0]
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    fa, fb = a[0], b[0]
    return fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))
