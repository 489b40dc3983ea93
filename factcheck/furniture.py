"""Page-furniture markers as data: ``factcheck/lang/<code>/furniture.toml``, one file per language.

Each ``[[marker]]`` has a ``kind``, a ``reason`` (what ``extract --json`` lists beside the excluded span), a
``pattern`` (a Python regular expression, case-insensitive, with no named groups) and the ``examples`` it
must match and lines it must leave alone (``not``); ``tests/test_furniture_data.py`` runs them all.

Kinds and how their patterns are anchored:

- ``line``: the whole line is chrome ("Skip to navigation", "Lesen Sie auch", "Send Facebook Twitter");
  matched against the full line, trailing punctuation allowed, on lines of at most ``max_words`` (8).
- ``link``: a labelled link to another story, the whole line ("Read more: <headline>", "Lire aussi : ...");
  matched like ``line`` on lines of at most ``max_words`` (30) that hold a colon (ingest asks no other).
- ``notice``: (with ``hints``, substrings one of which any match contains, tested first for speed)
  a boilerplate sentence anywhere in a line of at most ``max_words`` (40) words: cookie and
  privacy consent, CSS/JS/iframe notices, newsletter and app promotions, comment-form rules, licences,
  "originally appeared on", "All quotes delayed".
- ``tail``: a section header that ends the article ("Related", "Kommentare", "More stories") -- only when
  what follows looks like furniture (see ``factcheck.ingest``).
- ``comment``: a comment header or footer line ("Juni 2018 um 13:54 Uhr - Antworten", "Reply").
- ``caption``: the label that opens a caption or credit ("Foto:", "Photo:", "Crédit :").
- ``credit``: the label of a photo credit that closes a caption after its text, searched at the line's end:
  in parentheses ("... begangen (Foto: R. Grischott, 15.01.2022).", "... (Bildquelle: Neumann)") or after
  the caption's last sentence ("... fiscal general de Colombia. Foto: Nación Media.", "Rene Benko.
  Photographer: Sebastian Widmann/Getty Images Europe"); the credit itself is a name, an agency or an
  address of a few words (``CREDIT_NAME``), never a sentence. Only photo words: a source ("Quelle:",
  "Source:") closing a paragraph is the article's own citation. With ``hints`` (the label words, one of
  which every label holds), tested first for speed.
- ``crawl``: the label of a crawl stamp ("Today", "Heute", "Aujourd'hui"): a short labelled date line.
- ``published``: the label of a publication date line ("Published", "Veröffentlicht am", "Publié le").
- ``update``: the label of an update stamp ("Update July 3rd, 8:05AM ET:", "Aktualisiert am").
- ``byline``: the word before the author's names in a byline line ("By", "Von", "Par", "Por").
- ``about``: the word before an organisation's name in the heading of its profile at the end of a press
  release ("About Acme", "Über die Acme AG", "À propos d'Acme"); ingest checks that the paragraph below
  opens with that name.
- ``profile``: the heading of a site's or an author's box ("About us", "Über mich", "Qui sommes-nous ?"),
  a whole line; ingest takes the one or two paragraphs under it for the box only after the article's prose
  and when furniture follows them.
- ``label``: (with ``hints``) a screen reader's label of a link, written out in a copied page's text where the
  link stands ("(opens in a new window)", ", opens new tab", "(öffnet im neuen Fenster)"); searched anywhere in a
  line. Ingest takes a line of nothing but labelled links for a line of links, and a label that ends a line of
  text for a span of furniture of its own (the text before it stays body).
- ``tags``: the label of a line of tags or topics ("Tags:", "Schlagwörter:", "Mots-clés :", "Etiquetas:"),
  followed by a colon; ingest takes the line, however long, only when what follows the label is a list of
  short items separated by commas (``factcheck.ingest._tags_line``).

A language folder may hold this file alone (pl, it, nl, ru): its pages' chrome is then found and listed, and
nothing else changes for it. Every other part asks for its own resource (``lang.has(code, "sentences")``,
``times_intl.supported``, ``attribution_intl.supported`` ...), so a furniture file makes no language
"supported" for sentences, times or claims (tests/test_furniture_languages.py).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from factcheck import lang as langres

KINDS = (
    "line",
    "link",
    "notice",
    "tail",
    "comment",
    "caption",
    "credit",
    "crawl",
    "published",
    "update",
    "byline",
    "about",
    "profile",
    "tags",
    "label",
)
DEFAULT_MAX_WORDS = {
    "line": 8,
    "link": 30,
    "notice": 40,
    "tail": 6,
    "comment": 16,
    "caption": 60,
    "about": 6,
    "profile": 5,
}


@dataclass(frozen=True, slots=True)
class Marker:
    lang: str
    kind: str
    reason: str
    pattern: str
    max_words: int
    examples: tuple[str, ...] = ()
    not_: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()  # notices, credits: lower-case substrings one of which every match holds


def markers(lang: str) -> list[Marker]:
    """The markers of one language, in file order."""
    out = []
    for m in langres.resource(lang, "furniture").get("marker", []):
        kind = m["kind"]
        if kind not in KINDS:
            raise langres.ResourceError(f"{lang}/furniture.toml: unknown marker kind {kind!r}")
        out.append(
            Marker(
                lang=lang,
                kind=kind,
                reason=m.get("reason", kind),
                pattern=m["pattern"],
                max_words=int(m.get("max_words", DEFAULT_MAX_WORDS.get(kind, 16))),
                examples=tuple(m.get("examples", ())),
                not_=tuple(m.get("not", ())),
                hints=tuple(h.lower() for h in m.get("hints", ())),
            )
        )
    return out


# a credit's characters at most, from its opening parenthesis or its label to the line's end (the parenthesis's
# 80 characters, a label, its colon and spaces): ``Vocabulary.credit`` searches no further back
CREDIT_CHARS = 120
# the credit after a ``credit`` label outside parentheses: a name, an agency or an address ("Nación Media",
# "U. Tischhauser", "Sebastian Widmann/Getty Images Europe", "stock.adobe.com/maryia"): no sentence's stop
# but an initial's or an address's dot, no colon, at most 60 characters
CREDIT_NAME = r"[^\W_](?:[^.!?:;()|]|(?<=\b[^\W\d_])\.|(?<=[^\W\d_])\.(?=[^\W\d_])){1,60}"


# a list item's bullet before a line's marker: an extractor writes a page's list items with a dash ("- Veröffentlicht
# am 13. Mai 2026 um 15:44", "- 3 Minuten Lesezeit", "- Von: ..."), a copied page keeps its bullets ("• Share"); the
# markers anchored at the line's start read the line after it
LIST_BULLET = r"(?:[-–—•·*▪►▸●■◦‣]\s+)?"


def _wrap(kind: str, body: str) -> str:
    if kind in ("line", "link", "tail", "comment", "profile"):
        return rf"^{LIST_BULLET}(?:{body})[\W_]*$"
    if kind == "notice":
        return body
    if kind == "caption":
        return rf"^{LIST_BULLET}(?:{body})\s*[:|]"
    if kind == "credit":
        # (or glued to the caption, as a page's markup loses the space between two elements: after its stop,
        # "... He didn't get it.Credit...Doug Mills/The New York Times", or a capital after its last word,
        # "... a hunter killed and ate a rabbitCredit: Getty - Contributor"; the label then takes a colon or
        # an ellipsis)
        return (
            rf"(?:\(\s*(?:{body})\s*:\s*[^()]{{2,80}}\)"
            rf"|(?<=[.!?)\"”»])\s+(?:{body})\s*:\s*{CREDIT_NAME}"
            rf"|(?:(?<=[.!?])|(?<=[^\W\d_]{{2}})(?=(?-i:[A-ZÀ-Ö])))(?:{body})\s*(?::|\.\.\.|…)\s*{CREDIT_NAME})"
            rf"\s*\.?\s*$"
        )
    if kind in ("crawl", "published"):
        return rf"^{LIST_BULLET}(?:{body})\s*[:\-–—,]?\s*(?P<rest>.+)$"
    if kind == "update":
        return rf"^{LIST_BULLET}(?:{body})\b(?P<rest>.{{0,60}}?\d.{{0,40}}?):\s"
    if kind == "byline":
        return rf"^{LIST_BULLET}(?:{body})\s*:?\s+(?P<rest>.+)$"
    if kind == "tags":
        return rf"^{LIST_BULLET}(?:{body})\s*:\s*(?P<rest>.+)$"
    if kind == "label":
        # (with what sets it apart from the link's text before it: a comma, a dash or a parenthesis)
        return rf"[\s,;–—-]*[(\[]?\s*(?:{body})\s*[)\]]?"
    if kind == "about":
        return rf"^{LIST_BULLET}(?:{body})\b\s*(?P<rest>[^\W\d_].*)$"  # (a name: "About 200 people" is no heading)
    raise ValueError(kind)


def compile_marker(m: Marker) -> re.Pattern[str]:
    return re.compile(_wrap(m.kind, m.pattern), re.I)


def _hints_of(ms: list[Marker]) -> tuple[str, ...] | None:
    """The hints of markers ``ms``, one of which every match of theirs holds; None when one has none (or there
    are no markers): the markers are then always searched."""
    return tuple(sorted({h for m in ms for h in m.hints})) if ms and all(m.hints for m in ms) else None


class Vocabulary:
    """The compiled markers of a set of languages: one alternation per kind, with the reason of each."""

    def __init__(self, langs: tuple[str, ...]) -> None:
        self.langs = langs
        by_kind: dict[str, list[Marker]] = {k: [] for k in KINDS}
        for code in langs:
            for m in markers(code):
                by_kind[m.kind].append(m)
        self._markers = by_kind
        self._rx: dict[str, re.Pattern[str] | None] = {}
        for kind, ms in by_kind.items():
            if not ms:
                self._rx[kind] = None
                continue
            if kind in ("line", "link", "tail", "comment", "notice", "caption", "profile"):
                body = "|".join(f"(?P<m{i}>{m.pattern})" for i, m in enumerate(ms))
            else:
                body = "|".join(f"(?:{m.pattern})" for m in ms)
            self._rx[kind] = re.compile(_wrap(kind, body), re.I)
        self.max_words = {k: max((m.max_words for m in ms), default=0) for k, ms in by_kind.items()}
        # Notices are searched anywhere in long lines, credits in a line's end: a cheap substring test on their
        # hints comes first (a marker without hints is always searched).
        notices = by_kind["notice"]
        self._notice_hints = _hints_of(notices)
        self._credit_hints = _hints_of(by_kind["credit"])
        # a line is searched only for the notice markers whose hints it holds (a marker with none of its
        # hints in the line cannot match it): the markers of each hint, and a pattern per set of markers
        self._notice_markers_of: dict[str, list[int]] = {}
        for i, m in enumerate(notices):
            for h in m.hints:
                self._notice_markers_of.setdefault(h, []).append(i)
        self._notice_rx: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._bare_clock = _bare_clock(langs)
        self._label_hints = _hints_of(by_kind["label"])
        self._agencies = frozenset(a.lower() for code in langs for a in agency_names(code))
        self._agency_credit = _agency_credit(self._agencies)

    def _reason(self, kind: str, text: str, words: int, search: bool = False) -> str | None:
        rx = self._rx[kind]
        if rx is None or words > self.max_words[kind]:
            return None
        m = rx.search(text) if search else rx.match(text)
        if not m:
            return None
        ms = self._markers[kind]
        for name, val in m.groupdict().items():
            if val is not None and name.startswith("m") and name[1:].isdigit():
                marker = ms[int(name[1:])]
                return marker.reason if words <= marker.max_words else None
        return kind

    def line(self, text: str, words: int) -> str | None:
        return self._reason("line", text, words)

    def link(self, text: str, words: int) -> str | None:
        """A labelled link to another story ("Read more: <headline>"): asked only of a line with a colon."""
        return self._reason("link", text, words)

    def hints_in(self, page: str) -> tuple[str, ...] | None:
        """The notice hints found anywhere in ``page``: a line of it can only hold those, so ``notice``
        tests fewer per line (None when some notice has no hints)."""
        if self._notice_hints is None:
            return None
        low = page.lower()
        return tuple(h for h in self._notice_hints if h in low)

    def notice(self, text: str, words: int, hints: tuple[str, ...] | None = None) -> str | None:
        """``hints``: ``hints_in`` of the page the line is from (default: every hint)."""
        marker = self._notice_marker(text, words, hints)
        return marker.reason if marker is not None and words <= marker.max_words else None

    def notice_led(self, first: str, first_words: int, words: int) -> str | None:
        """The reason of the notice that opens a paragraph of ``words`` words (``first``, its first
        sentence of ``first_words``), when the paragraph is too long for the notice itself: more words than
        its marker's own ``max_words`` (a line the marker may match whole is ``notice``'s), and than the
        kind's default. Each marker keeps its own limit: one allowed longer lines leads only longer
        paragraphs, the others' are unchanged."""
        marker = self._notice_marker(first, first_words)
        if marker is None or first_words > marker.max_words:
            return None
        return marker.reason if words > max(marker.max_words, DEFAULT_MAX_WORDS["notice"]) else None

    def _notice_marker(self, text: str, words: int, hints: tuple[str, ...] | None = None) -> Marker | None:
        """The notice marker of the leftmost match in ``text`` (ties to the earlier marker), on a line of
        at most the longest notice's words; only the markers whose hints the line holds are tried."""
        if self._rx["notice"] is None or words > self.max_words["notice"]:
            return None
        if hints == ():  # (the page holds no notice's hint: no line of it is lowered and searched)
            return None
        if self._notice_hints is None:
            which = tuple(range(len(self._markers["notice"])))
        else:
            low = text.lower()
            tried = self._notice_hints if hints is None else hints
            found = {i for h in tried if h in low for i in self._notice_markers_of[h]}
            if not found:
                return None
            which = tuple(sorted(found))
        rx = self._notice_rx.get(which)
        if rx is None:
            ms = self._markers["notice"]
            body = "|".join(f"(?P<m{i}>{ms[i].pattern})" for i in which)
            rx = self._notice_rx[which] = re.compile(_wrap("notice", body), re.I)
        m = rx.search(text)
        if not m:
            return None
        name = next(k for k, v in m.groupdict().items() if v is not None)  # (a marker's group: m<i>)
        return self._markers["notice"][int(name[1:])]

    def tail(self, text: str, words: int) -> str | None:
        return self._reason("tail", text, words)

    def comment(self, text: str, words: int) -> str | None:
        return self._reason("comment", text, words)

    def profile(self, text: str, words: int) -> str | None:
        return self._reason("profile", text, words)

    def caption(self, text: str, words: int) -> bool:
        return self._reason("caption", text, words) is not None

    def credit(self, text: str) -> bool:
        """A photo credit closes the line (``credit``: "... (Foto: R. Grischott, 15.01.2022).").

        Only the line's last ``CREDIT_CHARS`` characters are searched: a credit is a label and a name of a few
        words, and the pattern is tried at every place it is searched from."""
        rx = self._rx["credit"]
        if rx is None:
            return False
        start = max(0, len(text) - CREDIT_CHARS)
        if self._credit_hints is not None:
            end = text[start:].lower()
            if not any(h in end for h in self._credit_hints):
                return False  # (no label's word: the pattern, tried at every place, is not searched)
        return rx.search(text, start) is not None

    def label_hints_in(self, page: str) -> bool:
        """Whether ``page`` may hold a link's label at all (one of the labels' hints in it)."""
        if self._rx["label"] is None:
            return False
        if self._label_hints is None:
            return True
        low = page.lower()
        return any(h in low for h in self._label_hints)

    def labels(self, text: str) -> list[tuple[int, int]]:
        """The spans of the links' labels in ``text`` (a screen reader's "(opens in a new window)")."""
        rx = self._rx["label"]
        if rx is None:
            return []
        if self._label_hints is not None:
            low = text.lower()
            if not any(h in low for h in self._label_hints):
                return []
        return [m.span() for m in rx.finditer(text)]

    def agency_credit(self, text: str) -> bool:
        """A photo's credit closes the line with no label: a photographer's name and an agency joined by a
        slash, either way round ("... not American citizens. AP Photo/Jacquelyn Martin", "... in September. |
        Patrick Semansky/AP Photo", "... Los Gallardos, en concreto en ... BédarEmergencias Andalucía/EFE",
        ``[credit] agencies``). Two agencies joined by a slash sign off a story ("... sagte er. dpa/AFP"), and
        an agency with a desk's initials in parentheses is its sign-off ("(dpa/gem)"): neither is a credit."""
        if self._agency_credit is None:
            return False
        m = self._agency_credit.search(text, max(0, len(text) - CREDIT_CHARS))
        if m is None:
            return False
        name = " ".join((m["first"] or m["second"] or "").split()).lower()
        return name not in self._agencies

    def bare_clock(self, text: str) -> bool:
        """The line is nothing but a clock time, with the words the languages write after one ("17:42 Uhr",
        "2:05 pm", "07:46hrs": ``[stamp] clock_after``)."""
        return self._bare_clock.fullmatch(text) is not None

    def labelled(self, kind: str, text: str) -> str | None:
        """For crawl/published/update/byline/about/tags: the text after the label, or None."""
        rx = self._rx[kind]
        m = rx.match(text) if rx is not None else None
        return m["rest"].strip() if m else None


def agency_names(lang: str) -> list[str]:
    """``[credit] agencies`` of a language: the news and photo agencies its captions credit, as they write them."""
    return [str(a) for a in langres.resource(lang, "furniture").get("credit", {}).get("agencies", [])]


# the lower-case particles inside a person's name ("de", "von", "van", ...: en/entities.toml)
_BYLINE_PARTICLES = tuple(langres.resource("en", "entities")["byline_particles"])
# a photographer's name in a credit: up to five capitalised words (and the particles of a name between them),
# or a social network's handle ("@Plan_INFOCA via X")
_CREDITED = (
    r"(?:@\w+(?:\s+via\s+\w+)?|[A-ZÀ-Þ][\w.'’-]*(?:\s+(?:[A-ZÀ-Þ][\w.'’-]*|"
    + "|".join(map(re.escape, _BYLINE_PARTICLES))
    + r")){0,4})"
)


def _agency_credit(agencies: frozenset[str]) -> re.Pattern[str] | None:
    """A credit at the line's end: an agency, a slash and the photographer ("AP Photo/Jacquelyn Martin",
    "IMAGO/Nico Herbertz", ", File" after it), or the photographer, a slash and one agency or more ("Patrick
    Semansky/AP Photo", "Uncredited/AP/dpa"); not inside parentheses. The photographer's name is written
    with capitals (an agency in any case: "REUTERS", "imago")."""
    if not agencies:
        return None
    names = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(agencies, key=len, reverse=True))
    agency = f"(?i:{names})"  # ("REUTERS", "Reuters"; "IMAGO", "imago")
    photo = r"(?:\s+(?:Photo|Foto|Images|Pictures))?"
    return re.compile(
        rf"(?:(?<![(\w])(?:{agency}){photo}\s*/\s*(?P<first>{_CREDITED})(?:,\s*(?:File|Archiv|Archivo))?"
        rf"|(?<![(\w/])(?P<second>{_CREDITED})\s*/\s*(?:via\s+)?(?:{agency}){photo}(?:\s*/\s*(?:{agency}){photo})*)"
        r"\s*$"
    )


def stamp_words(lang: str) -> list[str]:
    """``[stamp] clock_after`` of a language: the words after a clock time on a line of nothing else."""
    return [str(w) for w in langres.resource(lang, "furniture").get("stamp", {}).get("clock_after", [])]


def _bare_clock(langs: tuple[str, ...]) -> re.Pattern[str]:
    """A clock time ("17:42", "9.30") and one of the languages' words after it ("Uhr", "pm", "hrs")."""
    words = sorted({w.lower() for code in langs for w in stamp_words(code)}, key=len, reverse=True)
    after = "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in words)
    return re.compile(r"\d{1,2}[:.]\d\d" + (rf"(?:\s*(?:{after}))?" if after else ""), re.I)


@functools.cache
def vocabulary(lang: str | None, also: str | None = None) -> Vocabulary:
    """Markers of ``lang`` and English (web chrome is often English); of every language when unknown.

    ``also``: a second language whose markers are added (a page first read in one language and then, from
    its body, in another keeps the first language's chrome as chrome: an English article under a German
    cookie banner); ignored when it has no furniture file or ``lang`` is unknown (every language's already)."""
    have = langres.available("furniture")
    if lang and lang in have:
        langs = tuple(dict.fromkeys((lang, *([also] if also else []), "en")))
    else:
        langs = tuple(have)
    return Vocabulary(tuple(c for c in langs if c in have))
