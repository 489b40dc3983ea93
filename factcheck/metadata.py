"""Metadata of scraper records and web pages: outlet, authors, language, with general cleaning rules.

Scrapers (trafilatura, news-please) fill their metadata keys from whatever the page offers: a site name
with a slogan or a copyright line, an author field holding the company, the city and the country, a
placeholder ("No Author", "admin"), a link text ("View all posts by ..."). The rules here are general —
separators, placeholders, legal-form suffixes, place names, domain fragments — with the vocabulary per
language in ``factcheck/lang/<code>/furniture.toml`` (``[byline]``), never a site's own wording.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from factcheck import lang as langres
from factcheck.gazetteer import PLACES
from factcheck.urls import is_http_url

# Hosts that serve many independent sites: their subdomain is the site ("denkanstoos.wordpress.com").
_HOSTING = (
    "wordpress.com",
    "blogspot.com",
    "tumblr.com",
    "substack.com",
    "medium.com",
    "ucoz.de",
    "wixsite.com",
)
_HOST_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile)\.")
_DOMAIN_LIKE = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,}$", re.I)
# "Süddeutsche de GmbH", "Wikimedia Foundation, Inc.", "Vaubel Medienberatung GbR"
_LEGAL_FORM = re.compile(
    r"\b(?:G[mM][bB][hH](?:\s*&\s*Co\.?\s*KG)?|gGmbH|AG|KG|GbR|e\.?\s?V\.?|Inc\.?|Ltd\.?|LLC|PLC|S\.?A\.?S?|S\.?L\.?|SARL|"
    r"S\.?p\.?A\.?|B\.?V\.?|N\.?V\.?|Pty|Corp\.?|Co\.)(?=\W|$)"
)
_COPYRIGHT = re.compile(
    r"^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:by\s+)?", re.I
)
_TLD_WORD = re.compile(r"\s(?:de|com|net|org|fr|es|at|ch|uk|eu|info|io)$", re.I)
_WWW_WORD = re.compile(r"^www\s", re.I)
_MONTH_TAIL = re.compile(
    r"\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Januar|Februar|März|Juni|Juli|Oktober|Dezember|janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    r"octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|"
    r"dezembro)(?:\s+\d{1,2})?(?:,?\s+\d{4})?$",
    re.I,
)


def readable_host(url_or_host: str | None) -> str | None:
    """A readable form of a site's domain: no scheme, no ``www.``; the site's own subdomain kept on hosts
    that serve many sites (``denkanstoos.wordpress.com``, never just ``wordpress.com``)."""
    if not url_or_host:
        return None
    s = str(url_or_host).strip()
    host = urlsplit(s).hostname if "//" in s else s.split("/")[0].split(":")[0]
    if not host:
        return None
    host = _HOST_PREFIX.sub("", host.lower().rstrip("."))
    return host or None


def _is_host(s: str) -> bool:
    return bool(_DOMAIN_LIKE.match(s.strip()))


@functools.cache
def _byline_vocab(langs: tuple[str, ...]) -> tuple[frozenset[str], re.Pattern[str] | None, frozenset[str]]:
    """Author placeholders, the prefixes before a name ("View all posts by", "Von", "Rechtsanwalt") and
    place words never taken for a person ("Germany", "Munich"), from each language's ``[byline]``."""
    placeholders: set[str] = set()
    prefixes: list[str] = []
    places: set[str] = set()
    for code in langs or tuple(langres.available("furniture")):
        by = langres.resource(code, "furniture").get("byline", {})
        placeholders.update(p.casefold() for p in by.get("placeholders", []))
        prefixes.extend(by.get("prefixes", []))
        places.update(p.casefold() for p in by.get("places", []))
    prefixes.extend(_author_vocab()[3])
    placeholders.update(_author_vocab()[2])
    places.update(p.casefold() for p in PLACES)  # the gazetteer's countries and cities
    prefix_rx = (
        re.compile(r"^(?:" + "|".join(sorted(prefixes, key=len, reverse=True)) + r")\s*:?\s+", re.I)
        if prefixes
        else None
    )
    return frozenset(placeholders), prefix_rx, frozenset(places)


@functools.cache
def _byline_tails(langs: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Where a contact line starts in an author field, and a credit of a contribution that names no
    author, from each language's ``[byline]`` ``contact`` and ``contributions``."""
    contact: list[str] = []
    contributions: list[str] = []
    for code in langs:
        by = langres.resource(code, "furniture").get("byline", {})
        contact.extend(by.get("contact", []))
        contributions.extend(by.get("contributions", []))

    def alternation(words: list[str]) -> str:
        return "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
        )

    contact_rx = (
        re.compile(r"(?:[.;,]\s*|\s+[-–—|]\s+)(?:" + alternation(contact) + r")\b.*$", re.I | re.S)
        if contact
        else None
    )
    credit_rx = re.compile(r"\b(?:" + alternation(contributions) + r")\b", re.I) if contributions else None
    return contact_rx, credit_rx


def _all_langs() -> tuple[str, ...]:
    return tuple(langres.available("furniture"))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def _author_vocab() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, frozenset[str], tuple[str, ...]]:
    """From each language's ``metadata.toml`` ``[author]``: a reader's comment header ("Art Edwards says"),
    the labels after a name that end the field ("Tiempo de lectura"), the words alone that name nobody
    ("Datum", "PhD"), and more prefixes before a name ("Interview", "Vom")."""
    verbs: list[str] = []
    labels: list[str] = []
    not_names: set[str] = set()
    prefixes: list[str] = []
    for code in langres.available("metadata"):
        au = langres.resource(code, "metadata").get("author", {})
        verbs.extend(au.get("comment_verbs", []))
        labels.extend(au.get("labels_after", []))
        not_names.update(w.casefold() for w in au.get("not_names", []))
        prefixes.extend(au.get("prefixes", []))
    comment_rx = (
        re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){0,3}\s+(?:" + _alternation(verbs) + r")$")
        if verbs
        else None
    )
    labels_rx = (
        re.compile(r"\s+(?:\d+\s+)?(?:" + _alternation(labels) + r")\b.*$", re.I | re.S) if labels else None
    )
    return comment_rx, labels_rx, frozenset(not_names), tuple(prefixes)


def clean_author(name: str, *, outlet: str | None = None) -> str | None:
    """One author name cleaned, or None when it is no person or desk ("No Author", "Germany", "GmbH")."""
    placeholders, prefix_rx, places = _byline_vocab(_all_langs())
    n = re.sub(r"\s+", " ", str(name)).strip(" \t,;|·•-–—:")
    for _ in range(2):  # "View all posts by Daniel Lemire", "Autor: Rechtsanwalt Dennis Tölle"
        if prefix_rx is not None:
            n = prefix_rx.sub("", n).strip()
    n = _MONTH_TAIL.sub("", n).strip()  # "CBS News February" -> "CBS News"
    n = re.sub(r"^(?:Dr|Prof|Mag|Dipl)\.?(?:-\w+\.?)?\s+", "", n)
    if not n or not re.search(r"[^\W\d_]", n):
        return None
    low = n.casefold()
    if low in placeholders or low in places:
        return None
    if _LEGAL_FORM.search(n) or _COPYRIGHT.match(n) or _is_host(n):
        return None  # the publisher's company ("Süddeutsche de GmbH"), not an author
    if _WWW_WORD.match(n) or (_TLD_WORD.search(n) and len(n.split()) <= 3 and n.split()[-1][:1].isupper()):
        return None  # a domain turned into words ("Www Medianotions De", "Speicherguide De")
    if len(n.split()) > 6 or re.search(r"https?://|@\w+\.\w", n):
        return None
    if outlet and low == outlet.casefold():
        return None  # the outlet itself is no author ("SPIEGEL ONLINE" by "SPIEGEL ONLINE")
    return n


# Real separators between names: "; " (trafilatura), " | ", " / ", " and " / " und " / " et " / " y " / " e ",
# "&", and a comma between two full names; never the space inside a name.
_AUTHOR_SEP = re.compile(r"\s*[;|/]\s*|\s*&\s*|\s+(?:and|und|et|y|e|en|i|og|och|ve)\s+|\s*\n\s*", re.I)


_GENDER_FORM = re.compile(r"\b(Autor|Redakteur|Reporter|Moderator|Sprecher|Journalist)\s*[/:*;]\s*[iI]n\b")


def split_authors(v: Any, *, outlet: str | None = None) -> list[str]:
    """Authors of a record's ``author``/``authors`` value, split on real separators and cleaned."""
    contact_rx, credit_rx = _byline_tails(_all_langs())
    comment_rx, labels_rx, _not_names, _prefixes = _author_vocab()
    if isinstance(v, str):
        v = _GENDER_FORM.sub(r"\1in", v)  # "Autor/in", "Autor:in", "Autor; In" (a split "Autor/in")
        if contact_rx is not None:
            v = contact_rx.sub("", v)  # "By EDUARDO PORTER. Email: eporter@...": the contact line goes
        if labels_rx is not None:
            v = labels_rx.sub("", v)  # "José Miguel Wilson Tiempo de lectura": the box's next label goes
        pieces = [p.strip() for p in v.split(";") if p.strip()]
        if comment_rx is not None and any(comment_rx.match(p) for p in pieces):
            return []  # "Art Edwards says": a reader's comment header, no byline
        if _an_address(pieces):
            return []  # "Olympia-Verlag GmbH; Nürnberg; Germany": the publisher's address
        # a publisher's legal name is no author, nor its legal form split off ("Stiftung e V" -> "V")
        v = "; ".join(p for p in pieces if not _LEGAL_FORM.search(p))
    if isinstance(v, dict):
        v = [v]
    if isinstance(v, list | tuple):
        # a person may be an object with a name (schema.org's {"@type": "Person", "name": ...}), never its repr
        names = [x.get("name") if isinstance(x, dict) else x for x in v]
        parts = [str(x) for x in names if isinstance(x, str | int | float)]
        raw: list[str] = []
        for p in parts:
            raw.extend(_AUTHOR_SEP.split(p) if ";" in p or "|" in p else [p])
    else:
        raw = _AUTHOR_SEP.split(str(v))
        # "Ana Ruiz, Bo Chen": a comma between names that each have two capitalised words (the empty piece of
        # a serial comma, "Ana Ruiz, Bo Chen, and Li Wei", or of a doubled one is no name)
        more: list[str] = []
        for p in raw:
            pieces = [x.strip() for x in p.split(",") if x.strip()] or [p]
            if len(pieces) > 1 and all(_full_name(x) for x in pieces):
                more.extend(pieces)
            else:
                more.append(pieces[0] if len(pieces) > 1 and _full_name(pieces[0]) else p)
        raw = more
    out: list[str] = []
    for p in raw:
        if credit_rx is not None and credit_rx.search(p):
            continue  # "Zachary Wichter contributed research.": a credit, not an author
        name = p.strip().rstrip(".") if _ENDS_NAME_DOT.search(p) else p  # "By EDUARDO PORTER."
        n = clean_author(name, outlet=outlet)
        if n and n not in out:
            out.append(n)
    return out


def _an_address(pieces: list[str]) -> bool:
    """A publisher's address as scrapers give it ("Name; City; Country"): two pieces or more, the last a
    country or city of the vocabularies or the gazetteer."""
    _placeholders, _prefix, places = _byline_vocab(_all_langs())
    return len(pieces) >= 2 and pieces[-1].casefold() in places


# a name that ends a sentence ("By EDUARDO PORTER."), not an initial ("George W.")
_ENDS_NAME_DOT = re.compile(r"[^\W\d_]{2,}\.\s*$")


def _full_name(s: str) -> bool:
    words = s.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _squash(s: str) -> str:
    return re.sub(r"[\W_]+", "", s.casefold())


def _shares_name(part: str, host_key: str) -> bool:
    """``part`` names the site of a host: a word of 4+ letters of it (or all of it) is in the host."""
    p = _squash(part)
    if p and p in host_key:
        return True
    return any(len(w) >= 4 and _squash(w) in host_key for w in part.split())


def same_site(a: str, b: str) -> bool:
    """Two spellings of one site's name ("MODEPILOT.de" and "Modepilot", "Kulu Media" and "kulu-media.com")."""
    x, y = _squash(_TLD_SUFFIX.sub("", a)), _squash(_TLD_SUFFIX.sub("", b))
    return bool(x and y) and (x == y or x.startswith(y) or y.startswith(x))


_TLD_SUFFIX = re.compile(r"\.(?:de|com|net|org|fr|es|at|ch|co\.uk|uk|eu|info|io|it|pt|br)$", re.I)


def clean_site_name(name: Any, host: str | None = None) -> str | None:
    """A site's name as a reader knows it: no copyright line, slogan, legal form or city and country."""
    if not isinstance(name, str):
        return None
    s = re.sub(r"\s+", " ", name).strip()
    s = _COPYRIGHT.sub("", s).strip()
    if not s:
        return None
    _placeholders, _prefix, places = _byline_vocab(_all_langs())
    # "News zu VR, AR und KI | MIXED.de", "RS Ingenieure: Bauingenieurbüro | Beratende Ingenieure VBI"
    parts = [p.strip() for p in re.split(r"\s+[|–—·•»]\s+|\s+-\s+", s) if p.strip()]
    if len(parts) > 1:
        # the part that names the domain ("Martina Berg - Lady 50plus" on lady50plus.de), else the first
        key = _squash(readable_host(host) or "") if host else ""
        named = [p for p in parts if key and _shares_name(p, key)]
        s = (named or parts)[0]
    # "SPIEGEL ONLINE, Hamburg, Germany", "Wikimedia Foundation, Inc.", "... GbR Karl Fröhlich, Ulrike Haak"
    pieces = [p.strip() for p in s.split(",")]
    if len(pieces) > 1 and all(p.casefold() in places or _LEGAL_FORM.fullmatch(p) for p in pieces[1:]):
        s = pieces[0]
    m = _LEGAL_FORM.search(s)
    if m and m.start() > 0:
        head = s[: m.start()].strip(" ,")
        s = head or s
    if not any(ch.isalnum() for ch in s):
        return None  # "|", "»": punctuation names no site
    return s or None


_HOSTNAME_KEYS = ("source-hostname", "source_domain", "hostname", "domain")


# A site's name is a few words; the page's whole title given as its site name (trafilatura's source-hostname
# when the page names no site) is a name only as short as one ("BMJV", "Historische Wehranlage in Horka e.V"):
# longer, it is the headline ("Protokoll der Vorstandssitzung vom 10. Oktober 2019"), and the domain names the
# site. (A title that holds the site's name after a separator gives that part: "Cup-Vorschau: ... - Handball
# Schweiz".)
SITE_NAME_WORDS = 5


def _is_headline(v: str, title: Any) -> bool:
    return (
        isinstance(title, str)
        and " ".join(v.split()) == " ".join(title.split())
        and len(v.split()) > SITE_NAME_WORDS
    )


# a date or an ordinal ("02.11.2021", "6. Jahrgang", "Wochenbericht 14."): a page's date line or issue, no name
_DATED = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?\b|\d\.$|^\d{1,3}\.\s+\w+$")
# a sentence: a stop, question or exclamation mark inside or at the end of several words
_SENTENCE_MARK = re.compile(r"[^\W\d_]{3,}\.\s+\w|[?!]\s*$")
SENTENCE_NAME_WORDS = 4


def _no_site_name(name: str, title: Any, host: str | None) -> bool:
    """A site name that is none: a date or an issue number, a sentence ("Vegetarier zu sein. Bedarf, Trend
    oder eigene Entscheidung?"), or the headline part of a page's title whose other part names the site
    ("Bürgerbeteiligung für Windpark Steinheim" of "Bürgerbeteiligung für Windpark Steinheim | EnBW")."""
    if _DATED.search(name):
        return True
    if len(name.split()) >= SENTENCE_NAME_WORDS and _SENTENCE_MARK.search(name):
        return True
    if isinstance(title, str) and host:
        parts = [p.strip() for p in _TITLE_SEPARATOR.split(title)[0::2]]
        return (
            len(parts) >= 2
            and len(parts[0].split()) >= 3
            and " ".join(name.split()) == " ".join(parts[0].split())
            and _names_the_site(parts[-1], None, _host_names(host), strict=False)
        )
    return False


def _run_together_host(name: str, host: str | None) -> bool:
    """A site name that is the page's domain run together, its dot lost or made a capital or an underscore
    ("Futurezoneat" on futurezone.at, "Achgut_com" on achgut.com, "Livenet_Ch", "Wpolityce_Pl": a social
    account's handle): the domain itself reads better. A name of words, or the name without the domain's
    ending ("Futurezone"), is the site's own."""
    if not host or "." in name or len(name.split()) != 1:
        return False
    domain = readable_host(host) or ""
    return "." in domain and _squash(name) == _squash(domain)


def outlet_of(rec: dict[str, Any], url: str | None) -> str | None:
    """The site's name when the record knows it, else a readable form of the page's domain."""
    for k in ("sitename", "site_name", "publisher", "outlet", "source-hostname", "source_name"):
        v = rec.get(k)
        if isinstance(v, dict):
            v = v.get("name")
        if isinstance(v, str) and _run_together_host(v.strip(), url or host_of(rec)):
            continue
        if isinstance(v, str) and v.strip() and not is_http_url(v.strip()) and not _is_host(v.strip()):
            name = clean_site_name(v, url or host_of(rec))
            if (
                name
                and not _is_headline(name, rec.get("title"))
                and not _no_site_name(name, rec.get("title"), url or host_of(rec))
            ):
                return name
    if isinstance(rec.get("source"), str) and not is_http_url(rec["source"]) and not _is_host(rec["source"]):
        name = clean_site_name(rec["source"])  # some scrapers write the outlet's name under "source"
        if name:
            return name
    if url:
        return readable_host(url)
    host = host_of(rec)  # (trafilatura's source-hostname may be a headline, no host)
    return readable_host(host) if host else None


def host_of(rec: dict[str, Any]) -> str | None:
    for k in _HOSTNAME_KEYS:
        v = rec.get(k)
        if isinstance(v, str) and _is_host(v.strip()):
            return v.strip()
    return None


def url_of(rec: dict[str, Any]) -> str | None:
    """The page URL: trafilatura's ``source`` (or ``url``), news-please's ``url``, the first that is http(s)."""
    for k in ("url", "source", "source_url", "link", "canonical", "requested-url"):
        v = rec.get(k)
        if isinstance(v, str) and is_http_url(v.strip()):
            return v.strip()
    return None


def language_code(v: Any) -> str | None:
    """``"de"``, ``"de-DE"``, ``"de_AT"``, ``"German"``? -> ISO 639-1 ``"de"`` (None for anything else)."""
    if not isinstance(v, str):
        return None
    m = re.match(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)?\s*$", v)
    return m.group(1).lower() if m else None


# Latin script letters (with the extended blocks used by Vietnamese, Polish, Turkish...).
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_LETTER = re.compile(r"[^\W\d_]")
_NON_LATIN = re.compile(r"[^\W\d_\x00-\u024f\u1e00-\u1eff]")


def language_supported(lang: str | None, text: str) -> bool:
    """Whether claims can be extracted: the sentence splitter reads Latin-script text (capitals after . ! ?),
    and a language folder with ``sentences`` rules extends it to any other script."""
    if lang and langres.has(lang, "sentences"):
        return True
    sample = text[:3000]
    if sample.isascii() or not _NON_LATIN.search(sample):
        return True
    letters = len(_LETTER.findall(sample))
    return letters == 0 or len(_LATIN.findall(sample)) >= 0.5 * letters


# ---------------------------------------------------------------------------------------------
# The site's name in a page's title

# What stands between a page's headline and its site's name in a <title> line: a bar, a dash, a bullet, a
# guillemet or a star with spaces on both sides ("Headline | Site", "Site › Headline", "Headline ⋆ Site"); a bar's
# look-alikes count as one (``PIPE_LIKE``: "Produkttester werden │ Nestlé Marktplatz"), a box-drawing bar with no
# spaces too ("testen│Nestlé Marktplatz": it never stands inside a word, unlike the click letter "ǀ")
PIPE_LIKE = "|│┃ǀ｜¦∣"
_TITLE_SEPARATOR = re.compile(r"(\s+(?:[" + PIPE_LIKE + r"–—·•»›⋆~/-]|::|:)\s+|\s*[│┃]\s*)")
# the site's name joined to the headline with no space, as titles in scripts written without spaces between
# words do ("...津波注意報 気象庁：朝日新聞デジタル", "...왜 밀어붙이나\"-정치ㅣ한국일보"): a full-width colon or bar, or
# the Hangul letter used as a bar, and the outlet's exact name at the end (``title_without_site``)
_TIGHT_SITE_TAIL = re.compile(r"\s*[：｜ㅣ|│]\s*(?P<site>[^：｜ㅣ|│]{2,40})$")
SITE_PART_WORDS = 6  # words at most of a title's part that names the site ("Bundeskanzleramt Österreich")
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _spellings(s: str) -> set[str]:
    """A name squashed to letters and figures, in the spellings a domain gives it: with its accents dropped
    ("El Nuevo Día" -> elnuevodia) and with German umlauts written out ("Löwen" -> loewen)."""
    low = s.casefold()
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", low) if not unicodedata.combining(ch))
    return {x for x in (_squash(low), _squash(plain), _squash(low.translate(_TRANSLITERATION))) if x}


def _host_names(url_or_host: str | None) -> tuple[str, str, str]:
    """The host's labels squashed without "www" and the public suffix ("blogteufel" for blog.teufel.de), the
    site's own label ("teufel") and the labels squashed the other way round ("teufelblog": a site named by its
    domain's labels in reading order, "WP SportoweFakty" on sportowefakty.wp.pl)."""
    host = readable_host(url_or_host) or ""
    labels = [x for x in host.split(".") if x]
    if (
        len(labels) >= 3
        and len(labels[-1]) == 2
        and labels[-2] in ("co", "com", "org", "net", "gov", "ac", "gv")
    ):
        labels = labels[:-2]
    else:
        labels = labels[:-1]
    if not labels:
        return "", "", ""
    return _squash("".join(labels)), _squash(labels[-1]), _squash("".join(reversed(labels)))


def _names_the_site(part: str, outlet: str | None, host: tuple[str, str, str], *, strict: bool) -> bool:
    """Whether a part of a title is the site's name: it spells the outlet or the host ("Teufel Blog" on
    blog.teufel.de, "Diario HOY" on hoy.com, "www.AussenGedanken.de"). ``strict`` (a title's first part,
    where the headline usually stands): only the whole name, never a headline that mentions the brand."""
    words = len(part.split())
    if not part or words > SITE_PART_WORDS:
        return False
    names = _spellings(_TLD_SUFFIX.sub("", part.strip()))
    outlets = _spellings(outlet) if outlet else set()
    key, own, turned = host
    for p in names:
        # (a name of two letters only when it is the host's whole name: "DW" on dw.com, never "de" in "dpa.de")
        if (
            p in outlets
            or (key and p in key and (len(p) >= 3 or p == key))
            or (turned != key and p == turned)
        ):
            return True
        if strict:
            if own and len(own) >= 3 and own in p and words <= 3:
                return True
            continue
        if any(o in p or p in o for o in outlets if len(o) >= 3 and len(p) >= 3):
            return True
        if own and len(own) >= 4 and own in p:
            return True
    return False


def names_the_host(name: str, url_or_host: str | None) -> bool:
    """Whether a name spells the page's host ("TagesWoche" for tageswoche.ch, "Teufel Blog" for
    blog.teufel.de)."""
    return bool(url_or_host) and _names_the_site(name, None, _host_names(url_or_host), strict=False)


def is_the_site(title: str, outlet: str | None, url_or_host: str | None) -> bool:
    """Whether a whole title is the site's name ("Krimiblog-Archiv" on archiv.krimiblog.de, "Four Years
    Remaining" of the site so named), not a headline."""
    return bool(url_or_host) and _names_the_site(
        title.strip(" -|"), outlet, _host_names(url_or_host), strict=True
    )


def title_without_site(title: str, outlet: str | None, url_or_host: str | None) -> str:
    """A page's title without the site's name, whatever its separator and side: "Headline - AOC media -
    Analyse Opinion Critique" -> "Headline" (the site's name and what follows it, a slogan or a section);
    "Diario HOY | Headline" -> "Headline". The title as it is when no part names the site."""
    tail = _TIGHT_SITE_TAIL.search(title)
    if (
        tail
        and outlet
        and tail["site"] == outlet.strip()
        and len(title[: tail.start()].strip()) >= 2 * len(outlet)
    ):
        return title[: tail.start()].rstrip()
    pieces = _TITLE_SEPARATOR.split(title)
    parts, seps = pieces[0::2], pieces[1::2]
    if len(parts) < 2:
        return title
    host = _host_names(url_or_host)

    def joined(lo: int, hi: int) -> str:
        out = parts[lo]
        for i in range(lo + 1, hi):
            out += seps[i - 1] + parts[i]
        return out.strip()

    for i in range(1, len(parts)):
        if _names_the_site(parts[i], outlet, host, strict=False):
            head = joined(0, i)
            if not head or _names_the_site(head, outlet, host, strict=True):
                return title  # the title is the site's name ("International Biathlon Union - IBU")
            return head
    if _names_the_site(parts[0], outlet, host, strict=True):
        rest = joined(1, len(parts))
        # (a rest shorter than the name is no headline: "International Biathlon Union - IBU" is the site's name)
        return rest if len(rest.split()) > len(parts[0].split()) else title
    return title


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W\d_]+", name.casefold()))


def _a_declared_name(name: str, host: str) -> bool:
    """A name a page declares for its site that can stand as the outlet: a few words with letters, no domain,
    address, account or company form in it, that spells the host ("BILD" on bild.de, "The Province" on
    theprovince.com, "Habertürk" on haberturk.com) or whose initials are the host's own label ("Frankfurter
    Rundschau" on fr.de)."""
    words = name.split()
    if not 1 <= len(words) <= SITE_NAME_WORDS or "\ufffd" in name or name.startswith("@"):
        return False
    if is_http_url(name) or any(_is_host(w) for w in words) or _LEGAL_FORM.search(name):
        return False
    if not any(ch.isalpha() for ch in name):
        return False
    own = _host_names(host)[1]
    return names_the_host(name, host) or (len(words) >= 2 and len(own) >= 2 and _initials(name) == own)


def _plain(s: str) -> str:
    return _squash("".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)))


def same_name(a: str, b: str) -> bool:
    """One name in two spellings, letter for letter: case, spaces, accents and a domain's ending aside
    ("Seznam Zprávy" and "SeznamZpravy", "ZDFheute" and "zdfheute.de"; never "Golem.de" and "GolemRedaktion")."""
    x, y = _plain(_TLD_SUFFIX.sub("", a.strip())), _plain(_TLD_SUFFIX.sub("", b.strip()))
    return bool(x) and x == y


def _run_together_domain(name: str, host: str) -> bool:
    """A name that is the page's domain with its dots lost ("gazetapl" on wiadomosci.gazeta.pl)."""
    labels = (readable_host(host) or "").split(".")
    p = _plain(name)
    return any(p == _squash("".join(labels[i:])) for i in range(len(labels) - 1))


# a company's legal form (an association's "e.V." is the site's own name: "Deutscher Feuerwehrverband e.V.")
_ASSOCIATION = re.compile(r"e\.?\s?V\.?")


def _a_company(name: str) -> bool:
    m = _LEGAL_FORM.search(name)
    return m is not None and not _ASSOCIATION.fullmatch(m.group(0))


def declared_site_name(current: Any, declared: list[str], host: str | None) -> str | None:
    """The name the page declares for its site (``declared``: its og:site_name, application-name, JSON-LD
    publisher's and organisation's names, in that order) that names the site better than the scraper's
    ``current`` one, else None. Better: ``current`` is missing, a domain ("bild.de", "Metro.co.uk" -> "BILD",
    "Metro": the domain is the fallback, a name of words is the site's), an address, or a company's legal name
    ("TAZ Verlags- und Vertriebs GmbH" -> "taz"); or the declared name is the same name spelled as its
    readers know it, with its spaces or accents ("Theprovince" -> "The Province", "Seznam_Zpravy" -> "Seznam
    Zprávy", "Haberturk" -> "Habertürk"). A declared name that is the page's domain run together ("gazetapl")
    is not read. (A blog named after its writer then gives the writer's name as the outlet, and the author that
    is the outlet goes, as a site's name given as its author does: "Ultima Hora" on ultimahora.com.)"""
    if not host:
        return None
    names = []
    for d in declared:
        if _LEGAL_FORM.search(d):
            continue  # (the company that publishes the site, not the site)
        name = clean_site_name(d, host)
        name = name.strip(" -|–—·•»:") if name else None
        if name and _a_declared_name(name, host) and not _run_together_domain(name, host):
            names.append(name)
    if not names:
        return None
    cur = clean_site_name(current, host) if isinstance(current, str) else None
    if (
        not cur
        or is_http_url(cur)
        or any(_is_host(w) for w in cur.split())
        or (isinstance(current, str) and _a_company(current))
    ):
        return names[0]
    for name in names:
        if _plain(name) == _plain(cur) and (
            len(name.split()) > len(cur.split()) or (not name.isascii() and cur.isascii())
        ):
            return name
    return None
