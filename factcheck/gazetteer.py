"""A small curated gazetteer for rule-based entity and attribution handling (no NLP models).

Countries and their demonyms and a few hundred well-known places (data in ``lang/en/places.toml``); well-known
organisations, news outlets, role classes and the word lists of names and titles (organisation and event head
words, title and role words, capitalised words that are never a name: data in ``lang/en/gazetteer.toml``). Keys
are lower-case canonical names usable across articles ("united states", "kremlin").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from factcheck.lang import resource

# the word lists of names, titles and the words around them (``lang/en/gazetteer.toml``)
_G = resource("en", "gazetteer")

# places (``lang/en/places.toml``): countries and their demonyms, other spellings of countries, cities and regions
_P = resource("en", "places")

# canonical place name for each spelling (countries, aliases, cities)
PLACES: dict[str, str] = {}
for _c in _P["countries"]:
    PLACES[_c] = _c
PLACES.update(_P["country_aliases"])
for _n in _P["cities"]:
    PLACES.setdefault(_n, _n)
PLACES.update(_P["canonical"])

# demonym / country modifier -> country
DEMONYMS: dict[str, str] = {}
for _c, _ds in _P["countries"].items():
    for _d in _ds:
        DEMONYMS[_d] = _c
DEMONYMS.update(_P["other_demonyms"])

# words that make a capitalised phrase an organisation when they end (or start) it
ORG_HEADS = frozenset(_G["org_heads"])
# (not the heads that open job titles: "Software Engineer", "Energy Secretary", "Chief Financial Officer")
# last words of an organisation's name that may also open a person's title ("Academy President Boone Isaacs")
ORG_TAIL_HEADS = frozenset(_G["org_tail_heads"])
# well-known organisations -> their canonical name, and those named by words not shaped like an organisation's name
ORGS: dict[str, str] = dict(_G["orgs"]) | {name: name for name in _G["orgs_named"]}
# last words of sports clubs ("Manchester United", "Leeds Rovers")
CLUB_HEADS = frozenset(_G["club_heads"])
EVENT_HEADS = frozenset(_G["event_heads"])

# title words before a person's name
TITLE_WORDS = frozenset(_G["title_words"])
# a party's member before a person's full name, no part of it ("Democrat Hillary Clinton", "Republican Donald
# Trump", "Tory Boris Johnson")
PARTY_MEMBERS = frozenset(_G["party_members"])
# what a party member is one of before a name, besides a place: "House Republican Thomas Massie"
CHAMBERS = frozenset(_G["chambers"])
# words right before a title that make it another office or a past one ("Vice President", "former President")
OTHER_OFFICE_WORDS = frozenset(_G["other_office_words"])
# lower-case role words that introduce a person name ("Kremlin spokesman Dmitry Peskov")
ROLE_WORDS = frozenset(_G["role_words"])
# role nouns used in definite descriptions ("the Russian leader") -> role class
ROLE_CLASSES: dict[str, str] = dict(_G["role_classes"])
# title words that define the role class of a titled person
TITLE_ROLE: dict[str, str] = dict(_G["title_roles"])
# a title before a name -> the nouns a later description of the person uses ("Sen." -> "senator")
TITLE_NOUNS: dict[str, list[str]] = {t: list(ns) for t, ns in _G["title_nouns"].items()}

# News outlets: name -> kind ("outlet" or "media" for state media)
OUTLETS: dict[str, str] = dict(_G["outlets"])
OUTLET_HEADS = frozenset(_G["outlet_heads"])

# Capitalised words that start sentences or phrases but are never entities by themselves
CAP_STOP = frozenset(_G["cap_stop"])


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored as a trie ("said|says" -> "sa(?:id|ys)").

    Python's ``re`` tries alternatives one by one at every position; factoring shared prefixes
    makes a large word list nearly as cheap to scan for as a single word. No anchors are added.
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and not end:
            return alts[0]
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if end else body

    return emit(trie)
