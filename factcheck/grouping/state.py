"""What one grouping of a batch leaves for the next, so that a batch with one article changed is regrouped
at about the cost of that article (``group_claims(..., state=GroupingState())``).

Every step of the grouping is a function of evidence that does not depend on the rest of the batch (word
weights are rarities in the language, blocking keys a claim's own), except for a few batch-wide facts that
are recomputed each time and compared with last time's: which stories the articles form, and which blocking
keys are held by too many claims to block on. So, exactly as a grouping from scratch would:

- the scored claim pairs between two articles that did not change, whose stories did not change and that
  share no blocking key whose cap status changed, are last time's: only the pairs of the other articles are
  scored again;
- claims are clustered per connected part of the pair graph, and a part with the same claims, stories and
  pair scores as last time gets last time's clusters;
- a group with the same claims and pair scores as last time is last time's group.

Nothing is trusted by name: an article counts as unchanged only when its fingerprint (the article and its
claims, every field grouping reads) is the same, and each reused piece is keyed by all that it was computed
from. A state is tied to one ``Params``; it is reset when other parameters come.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.grouping.features import _Feat
from factcheck.grouping.params import DEFAULT, Params
from factcheck.grouping.stories import StoryMemo
from factcheck.model import Article, Claim, EventGroup

_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim) if f.name != "group")  # ``group`` is output


def fingerprint(article: Article | None, claims: Sequence[Claim]) -> str:
    """Every field grouping reads of an article and of its claims, as a digest."""
    h = hashlib.blake2b(digest_size=16)
    h.update(repr(article).encode("utf-8", "surrogatepass"))
    for c in claims:
        h.update(repr(tuple(getattr(c, n) for n in _CLAIM_FIELDS)).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# a claim across runs: its article's key and fingerprint, and its place among the article's claims
ClaimUid = tuple[str, str, int]


class StateUnavailable(ValueError):
    """A piece of a saved state cannot be read (gone, corrupt or foreign): the state is not used."""


@dataclass(slots=True)
class GroupingState:
    """Last grouping's reusable pieces (see the module's docstring). Create one per batch and pass it to
    every ``group_claims`` call of that batch; it is only ever an accelerator: the groups are those of a
    grouping from scratch."""

    params: Params = DEFAULT
    fingerprints: dict[str, str] = field(default_factory=dict)  # article key -> fingerprint
    # article key -> its story: the keys of its articles, and whether it holds more claims than
    # ``story_max_claims`` (then it gives no pairs of its own)
    stories: dict[str, tuple[frozenset[str], bool]] = field(default_factory=dict)
    # connected parts of the claim graph: digest -> (its claims, its edges between them as (claim, claim,
    # score, (token_sort_ratio, entity share, same story, cosine)) in local indices, its kept clusters)
    # (edges None: not read yet, see ``part_links``)
    parts: dict[
        bytes, tuple[tuple[ClaimUid, ...], list[tuple[int, int, float, Any]] | None, list[list[int]]]
    ] = field(default_factory=dict)
    groups: dict[bytes, EventGroup] = field(default_factory=dict)  # group digest -> group
    # group digest -> the digest of its claims and the edges between them (a group of a part that changed
    # is last run's when those are the same)
    group_content: dict[bytes, bytes] = field(default_factory=dict)
    # article fingerprint -> its claims' features and blocking keys
    features: dict[str, tuple[list[Any], list[list[str]]]] = field(default_factory=dict)
    story_memo: StoryMemo = field(default_factory=StoryMemo)  # articles' term counts
    stats: dict[str, int] = field(default_factory=dict)  # what the last run reused and computed
    # (a state read back from the cache) a part's edges, read when first needed: the edges of a part
    # reused whole are never read (see ``part_links``)
    load_links: Callable[[bytes, int], list[tuple[int, int, float, Any]]] | None = None
    # (set by the caller before each call, not saved) article key -> the caller's digest of everything
    # grouping reads of that article and its claims, used as its fingerprint instead of hashing each claim
    # (``fingerprint``: ~0.4 s on 23,000 claims). The pipeline's (``pipeline.content_key``): the article's
    # extraction key (its claims are that extraction's), its key in the batch (not how its path is written:
    # grouping reads none), and its claims' ids and offsets and reviewer-added claims; a reviewer's speaker
    # is the one field a review changes in place, and grouping does not read it.
    content_keys: dict[str, str] = field(default_factory=dict)
    # content key -> the places, among its article's claims, of those that may be grouped
    # (``features.groupable_claims``: a function of the article and its claims alone)
    groupable: dict[str, list[int]] = field(default_factory=dict)
    # (a copy's content key, its original's) -> which of its claims follow which of the original's:
    # [(original's claim id, copy's claim id)] (``duplicates.with_copies``)
    copies: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)
    # (not saved: made from ``parts``) a part's articles by its key (``part_articles``)
    articles_of: dict[bytes, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # a part's key -> the keys of its clusters' groups, in the order of its clusters (``part_group_keys``;
    # saved with the part: a part reused whole tells its groups without a digest per group)
    group_keys: dict[bytes, list[bytes]] = field(default_factory=dict)
    # last run's topic names and the bar they were told at (``cluster._batch_topic``; None: not known)
    topic: tuple[frozenset[str], float] | None = None
    # article fingerprint -> its dominant year (``features._doc_year`` of its claims' features: a function of
    # the article alone; saved in its ``a`` piece)
    years: dict[str, str | None] = field(default_factory=dict)

    def groupable_claims(self, claims: Sequence[Claim], articles: Mapping[str, Article]) -> list[Claim]:
        """``features.groupable_claims(claims, articles, copies=True)``, told again only for the articles
        whose content key is new (an article without one is told anew each time)."""
        from factcheck.grouping.features import groupable_claims

        if not self.content_keys:
            return groupable_claims(claims, articles, copies=True)
        own: dict[str, list[Claim]] = {}
        for c in claims:
            own.setdefault(c.article_key, []).append(c)
        keep: set[int] = set()  # (ids of the claims kept)
        known, self.groupable = self.groupable, {}
        for key, cs in own.items():
            ck = self.content_keys.get(key)
            places = known.get(ck) if ck is not None else None
            if places is None or (places and max(places) >= len(cs)):
                ok = {id(c) for c in groupable_claims(cs, articles, copies=True)}
                places = [x for x, c in enumerate(cs) if id(c) in ok]
            if ck is not None:
                self.groupable[ck] = places
            keep.update(id(cs[x]) for x in places)
        return [c for c in claims if id(c) in keep]

    def part_articles(self, key: bytes) -> tuple[tuple[str, str], ...]:
        """The articles of part ``key`` (each one's key and fingerprint, as its claims' uids name them)."""
        got = self.articles_of.get(key)
        if got is None:
            got = self.articles_of[key] = tuple(dict.fromkeys(u[:2] for u in self.parts[key][0]))
        return got

    def part_group_keys(self, key: bytes) -> list[bytes]:
        """The keys of the groups of part ``key``'s clusters (``group_key``), in the order of its clusters."""
        got = self.group_keys.get(key)
        if got is None:
            got = self.group_keys[key] = [group_key(key, c) for c in self.parts[key][2]]
        return got

    def part_links(self, key: bytes) -> list[tuple[int, int, float, Any]]:
        """The edges of part ``key``, read when first asked for (raises ``StateUnavailable`` when they cannot
        be: the grouping is then made from scratch)."""
        uids, links, kept = self.parts[key]
        if links is None:
            if self.load_links is None:
                raise StateUnavailable("a part's edges are missing")
            links = self.load_links(key, len(uids))
            self.parts[key] = (uids, links, kept)
        return links

    def reset(self, params: Params) -> None:
        fresh = GroupingState(params)
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(fresh, f.name))


def digest(value: object) -> bytes:
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def group_key(part: bytes, places: Sequence[int]) -> bytes:
    """The key of the group of the claims at ``places`` (ascending) of part ``part``: a part's key names its
    claims and edges, so their places name the group."""
    return digest((part, tuple(places)))


# ---------------------------------------------------------------------------------------------
# The state as JSON (``factcheck.cache`` keeps it between processes): a manifest (the articles in batch
# order with their fingerprints and stories, and the keys of the pieces) and content-addressed pieces, so
# that saving after a change writes only the new pieces. Read back, every value is checked for its type: a
# piece of another shape raises ``ValueError`` and the state is not used.

STATE_FORMAT = 13


def params_digest(p: Params) -> str:
    return hashlib.blake2b(repr(p).encode(), digest_size=12).hexdigest()


# A claim's features are saved in two pieces per article. The ``a`` piece holds what a regrouping reads of
# every article (stories, blocking and clustering: each claim's blocking keys, times, publication date and
# language, the last two once for the article when its claims agree, and the article's term counts), read
# with the state. The ``f`` piece holds the rest (its words, names, figures and polarity), read when a claim
# of the article is first compared: after one change, the articles the changed one meets (``LazyFeat``).
_WORD_LISTS: tuple[tuple[str, Callable[[list[str]], Any]], ...] = (
    ("tokens", list),
    ("entities", frozenset),
    ("numbers", frozenset),
    ("months", frozenset),
    ("people", frozenset),
)
_WORDS = ("text", "negated", *(name for name, _kind in _WORD_LISTS))  # the ``f`` piece's fields
# An article's ``f`` fields are saved in pieces of ``_WORDS_CHUNK`` claims each (``f<fingerprint>.<k>``: its
# claims ``k * _WORDS_CHUNK`` on), so that a regrouping after one change reads the words of the claims it
# compares and of few others: on the reopen batch, the claims compared after one edit are ~1,030 of the
# ~15,300 claims of the ~410 articles they lie in; read by article, every one of those 15,300 is decoded,
# read in pieces of 8 claims ~4,600 (in ~580 pieces), for ~50 bytes a claim more of the cache (row keys, and
# smaller pieces compress less). Pieces of one claim would decode the fewest but cost ~550 bytes a claim
# (round 19).
_WORDS_CHUNK = 8


def _words_names(fp: str, n: int) -> list[str]:
    """The names of the ``f`` pieces of an article's ``n`` claims (``fp``: its fingerprint)."""
    return [f"f{fp}.{k}" for k in range(-(-n // _WORDS_CHUNK))]


class LazyFeat(_Feat):
    """A claim's features read back from a state, whose ``f`` fields (``_WORDS``) are read from its article's
    ``f`` piece when one of them is first asked for (then the article's piece is decoded once for all its
    claims). Raises ``StateUnavailable`` when that piece cannot be read."""

    __slots__ = ("place", "source")
    source: _WordsSource
    place: int  # the claim's place among the claims of its ``f`` piece

    @classmethod
    def make(
        cls, source: _WordsSource, place: int, times: tuple[str, ...], published: str | None, lang: str | None
    ) -> LazyFeat:
        f = cls.__new__(cls)
        f.idx, f.claim, f.doc = 0, None, 0  # type: ignore[assignment]  # (the batch's: ``placed``)
        f.times, f.published, f.lang = times, published, lang
        f.source, f.place = source, place
        return f

    def placed(self, idx: int, claim: Claim, doc: int) -> LazyFeat:
        """These features at their place in a batch (still read when first needed): as read back from a
        state they are placed nowhere yet and take the place themselves; once placed, a copy does."""
        f = (
            self
            if self.claim is None
            else LazyFeat.make(self.source, self.place, self.times, self.published, self.lang)
        )
        f.idx, f.claim, f.doc = idx, claim, doc
        return f

    def __getattr__(self, name: str) -> Any:  # (called only for a field not set yet)
        if name not in _WORDS:
            raise AttributeError(name)
        for n, value in self.source.columns().claim(self.place).items():
            setattr(self, n, value)
        return getattr(self, name)


class _WordsSource:
    """An ``f`` piece (``name``: the words of ``n`` claims of an article), read and checked when first asked
    for (``read_many`` reads pieces by name, several at once: see ``read_words``); each claim's fields are
    made when that claim is first compared (``_Words.claim``)."""

    __slots__ = ("_columns", "n", "name", "read_many")

    def __init__(self, name: str, n: int, read_many: Callable[[list[str]], dict[str, Any]]):
        self.name, self.n, self.read_many = name, n, read_many
        self._columns: _Words | None = None

    def columns(self) -> _Words:
        if self._columns is None:
            self.fill(self.read_many([self.name]).get(self.name))
            assert self._columns is not None
        return self._columns

    def fill(self, value: Any) -> None:
        try:
            self._columns = _words_from(value, self.n)
        except (ValueError, TypeError, KeyError, AttributeError) as e:
            raise StateUnavailable(f"grouping state: an article's features: {e}") from None


class _Words:
    """The ``f`` fields of the claims of an ``f`` piece (``_words_json``), checked whole when read; one
    claim's values are made when it is first compared."""

    __slots__ = ("lists", "negated", "text")

    def __init__(self, text: list[str], negated: list[bool], lists: dict[str, tuple[list[str], list[int]]]):
        self.text, self.negated = text, negated
        self.lists = lists  # a list-valued field -> all its values and where each claim's begin (n + 1)

    def claim(self, x: int) -> dict[str, Any]:
        """Claim ``x``'s ``f`` fields (``_WORDS``)."""
        out: dict[str, Any] = {"text": self.text[x], "negated": self.negated[x]}
        for name, kind in _WORD_LISTS:
            values, at = self.lists[name]
            out[name] = kind(values[at[x] : at[x + 1]])
        return out


def read_words(feats: Iterable[_Feat]) -> None:
    """Read the ``f`` pieces of the claims ``feats`` that are not read yet, in one lookup (rather than one
    lookup per piece as each is first asked for: the claims a changed article is compared with)."""
    todo: dict[int, _WordsSource] = {}
    for f in feats:
        if type(f) is LazyFeat and f.source._columns is None:
            todo.setdefault(id(f.source), f.source)
    readers: dict[int, list[_WordsSource]] = defaultdict(list)
    for source in todo.values():
        readers[id(source.read_many)].append(source)
    for sources in readers.values():
        got = sources[0].read_many([s.name for s in sources])
        for source in sources:
            source.fill(got.get(source.name))


def _columns(values: Sequence[Any]) -> dict[str, list[Any]]:
    """A list-valued field of an article's claims as one list of all their values and one of their counts
    (read back with a few checks per article, not per claim: ``_split``)."""
    lists = [sorted(v) if isinstance(v, frozenset) else list(v) for v in values]
    return {"n": [len(v) for v in lists], "all": [x for v in lists for x in v]}


def _one_or_each(values: list[str | None]) -> str | list[str | None] | None:
    """A field of an article's claims: its one value when they all hold the same (an article's publication
    date and language are its claims', ``features._features``), else each claim's (a list)."""
    return values[0] if values and values.count(values[0]) == len(values) else values


def _article_json(
    fs: Sequence[_Feat], keys: Sequence[list[str]], tf: Any, year: tuple[str | None] | None
) -> dict[str, Any]:
    """An article's ``a`` piece (see ``_WORD_LISTS``; ``year``: its dominant year, when known)."""
    return {
        **({} if year is None else {"year": year[0]}),
        "n": len(fs),
        "published": _one_or_each([f.published for f in fs]),
        "lang": _one_or_each([f.lang for f in fs]),
        "times": _columns([f.times for f in fs]),
        "keys": _columns(keys),
        "tf": tf,
    }


def _words_json(fs: Sequence[_Feat]) -> dict[str, Any]:
    """An ``f`` piece: the ``f`` fields of claims ``fs`` of an article (see ``_WORD_LISTS``)."""
    out: dict[str, Any] = {"text": [f.text for f in fs], "negated": [f.negated for f in fs]}
    for name, _kind in _WORD_LISTS:
        out[name] = _columns([getattr(f, name) for f in fs])
    return out


def state_pieces(state: GroupingState) -> tuple[dict[str, Any], dict[str, Callable[[], Any]]]:
    """The manifest and the pieces (by key: ``a<fingerprint>`` an article's features and term counts,
    ``f<fingerprint>.<k>`` the words of its claims in pieces of ``_WORDS_CHUNK``, ``p<digest>`` a connected
    part of the claim graph, ``e<digest>`` its edges, ``g<digest>`` a group), each built when called. The
    manifest lists the pieces but the ``f`` ones, which are named from their ``a`` piece."""
    stories: dict[tuple[frozenset[str], bool], int] = {}
    articles = [
        [key, fp, stories.setdefault(state.stories.get(key, (frozenset(), False)), len(stories))]
        for key, fp in state.fingerprints.items()
    ]
    pieces: dict[str, Callable[[], Any]] = {}
    docs = state.story_memo.docs
    for fp, (fs, keys) in state.features.items():
        year = (state.years[fp],) if fp in state.years else None
        pieces["a" + fp] = functools.partial(_article_json, fs, keys, docs.get(fp), year)
        for k, name in enumerate(_words_names(fp, len(fs))):
            pieces[name] = functools.partial(_words_json, fs[k * _WORDS_CHUNK : (k + 1) * _WORDS_CHUNK])
    for pk, (uids, _links, kept) in state.parts.items():
        pieces["p" + pk.hex()] = functools.partial(_part_json, uids, kept, state.part_group_keys(pk))
        pieces["e" + pk.hex()] = functools.partial(lambda pk: _links_json(state.part_links(pk)), pk)
    for gk, g in state.groups.items():
        pieces["g" + gk.hex()] = functools.partial(g.to_json)
    place = {fp: x for x, fp in enumerate(state.fingerprints.values())}
    sims = [(place.get(fa), place.get(fb), sc) for (fa, fb), sc in state.story_memo.sims.items()]
    manifest = {
        "format": STATE_FORMAT,
        "params": params_digest(state.params),
        "articles": articles,
        "stories": [[sorted(keys), big] for keys, big in stories],
        "pieces": sorted(k for k in pieces if k[0] != "f"),
        # the stories' bisections (``StoryMemo.splits``)
        "splits": [
            [list(k), None if sides is None else list(sides), holds]
            for k, (sides, holds) in state.story_memo.splits.items()
        ],
        # the articles compared for stories (places in ``articles``) and their cosines, in columns
        "sims": [list(c) for c in zip(*(x for x in sims if None not in x), strict=True)] or [[], [], []],
        # each article's top terms for stories (``StoryMemo.top``; None: not known), in ``articles`` order
        "top": [state.story_memo.top.get(fp) for fp in state.fingerprints.values()],
        # the stories of each connected part of the article pairs compared (``StoryMemo.parts``): [its
        # articles (places in ``articles``), for each the place in the part of its story's first article]
        "story_parts": [
            [at, labels]
            for fs, labels in state.story_memo.parts.items()
            for at in [[place.get(fp) for fp in fs]]
            if None not in at
        ],
        # how close pairs of stories are (``StoryMemo.closeness``): [their articles' fingerprints, closeness]
        "closeness": [[list(a), list(b), r] for (a, b), r in state.story_memo.closeness.items()],
        # the batch's topic names and the bar they were told at (``GroupingState.topic``)
        "topic": None if state.topic is None else [sorted(state.topic[0]), state.topic[1]],
        # the stories' document frequencies (read back, not counted again over every article)
        "df": None if state.story_memo.df is None else dict(state.story_memo.df),
        # each group's content digest (``GroupingState.group_content``): [group digest, content digest]
        "group_content": [[k.hex(), c.hex()] for k, c in state.group_content.items()],
        # the places of each article's groupable claims, by content key
        "groupable": state.groupable,
        # which claims of a copy follow which of its original's: [copy's content key, original's, the
        # original's claim ids, the copy's]
        "copies": [
            [a, b, [o for o, _c in pairs], [c for _o, c in pairs]] for (a, b), pairs in state.copies.items()
        ],
    }
    return manifest, pieces


def _part_json(uids: tuple[ClaimUid, ...], kept: list[list[int]], groups: list[bytes]) -> dict[str, Any]:
    """A part's claims in columns (its articles once, each claim as its article's index and its place), its
    clusters and their groups' keys. Its edges are a piece of their own (``_links_json``), read only when
    needed."""
    docs: dict[tuple[str, str], int] = {}
    doc = [docs.setdefault((k, fp), len(docs)) for k, fp, _x in uids]
    return {
        "docs": [list(d) for d in docs],
        "doc": doc,
        "x": [x for _k, _fp, x in uids],
        "kept": kept,
        "groups": [k.hex() for k in groups],
    }


def _links_json(links: list[tuple[int, int, float, Any]]) -> list[list[Any]]:
    """A part's edges, each field in a column of its own: compact, checked with a few tests per column."""
    cols = list(zip(*((i, j, sc, *ev) for i, j, sc, ev in links), strict=True)) or [()] * 7
    return [list(c) for c in cols]


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise ValueError(f"grouping state: bad {what}")


_STR, _INT, _FLOAT = frozenset({str}), frozenset({int}), frozenset({float})


def _typed(v: Any, types: frozenset[type], what: str) -> list[Any]:
    """``v``, a list whose items are all of ``types`` (exactly: a bool is not an int)."""
    _check(type(v) is list and set(map(type, v)) <= types, what)
    return v


def _strs(v: Any, what: str) -> list[str]:
    return _typed(v, _STR, what)


def _index(v: Any, n: int, what: str) -> list[int]:
    """``v``, a list of ints in ``range(n)``."""
    _typed(v, _INT, what)
    _check(not v or (min(v) >= 0 and max(v) < n), what)
    return v


def _opt_str(v: Any, what: str) -> str | None:
    _check(v is None or isinstance(v, str), what)
    return v


def _int(v: Any, what: str) -> int:
    _check(type(v) is int, what)
    return int(v)


def _column(v: Any, n: int, what: str) -> list[Any]:
    _check(type(v) is list and len(v) == n, what)
    return v


def _each(piece: dict[str, Any], name: str, n: int) -> list[str | None]:
    """Each of an article's ``n`` claims' value of field ``name`` of its ``a`` piece, saved by
    ``_one_or_each`` (a string or None, or a list of ``n`` of them)."""
    _check(name in piece, "claim features")
    v = piece[name]
    if type(v) is not list:
        _check(v is None or type(v) is str, "claim features")
        return [v] * n
    _check(len(v) == n and set(map(type, v)) <= {str, type(None)}, "claim features")
    return v


def _starts(v: Any, n: int, what: str) -> tuple[list[str], list[int]]:
    """A list-valued field of ``n`` claims from its ``_columns`` column: all its values, and where each
    claim's begin in them (and where the last one's end)."""
    _check(type(v) is dict, what)
    counts, words = _column(v.get("n"), n, what), _strs(v.get("all"), what)
    _typed(counts, _INT, what)
    _check(sum(counts) == len(words) and (not counts or min(counts) >= 0), what)
    return words, [0, *itertools.accumulate(counts)]


def _split(v: Any, n: int, what: str) -> list[list[str]]:
    """A list-valued field of ``n`` claims from its ``_columns`` column, one list per claim."""
    words, at = _starts(v, n, what)
    return [words[at[x] : at[x + 1]] for x in range(n)]


def _article_from(
    v: Any, fp: str, read_many: Callable[[list[str]], dict[str, Any]]
) -> tuple[tuple[list[_Feat], list[list[str]]], Counter[str] | None]:
    """An article's claims' features from its ``a`` piece (``fp``: its fingerprint, which names its ``f``
    pieces, read when needed with ``read_many``)."""
    _check(type(v) is dict, "article piece")
    n = _int(v.get("n"), "claim features")
    _check(n >= 0, "claim features")
    published = _each(v, "published", n)
    lang = _each(v, "lang", n)
    times = _split(v.get("times"), n, "times")
    keys = _split(v.get("keys"), n, "blocking keys")
    c = _WORDS_CHUNK
    sources = [_WordsSource(name, min(c, n - k * c), read_many) for k, name in enumerate(_words_names(fp, n))]
    # (``idx``, ``doc`` and ``claim`` are the batch's: set when the features are used)
    feats: list[_Feat] = [
        LazyFeat.make(sources[x // c], x % c, tuple(times[x]), published[x], lang[x]) for x in range(n)
    ]
    counts: Counter[str] | None = None
    tf = v.get("tf")
    if tf is not None:
        _check(type(tf) is dict and set(map(type, tf.values())) <= _INT, "term counts")
        counts = Counter(tf)
    return (feats, keys), counts


def _words_from(v: Any, n: int) -> _Words:
    """The ``f`` fields of an article's ``n`` claims (``_words_json``), checked whole."""
    _check(type(v) is dict, "article's words")
    return _Words(
        _strs(_column(v.get("text"), n, "claim features"), "claim features"),
        _typed(_column(v.get("negated"), n, "claim features"), frozenset({bool}), "claim features"),
        {name: _starts(v.get(name), n, name) for name, _kind in _WORD_LISTS},
    )


def _counts(v: Any, what: str) -> dict[str, int]:
    """A dict of counts (str -> int)."""
    _check(type(v) is dict and set(map(type, v.values())) <= _INT, what)
    return v


def _part_from(
    v: Any,
) -> tuple[tuple[ClaimUid, ...], None, list[list[int]], tuple[tuple[str, str], ...], list[bytes]]:
    """A part (``_part_json``): its claims, its edges (None: read when needed), its clusters, its articles
    and its clusters' groups' keys."""
    _check(type(v) is dict, "part piece")
    docs = v["docs"]
    _check(type(docs) is list and all(type(d) is list and len(d) == 2 for d in docs), "part's articles")
    pairs = [tuple(_strs(d, "part's articles")) for d in docs]
    x = _typed(v["x"], _INT, "claim places")
    doc = _index(v["doc"], len(pairs), "claims' articles")
    _check(len(x) == len(doc), "part's claims")
    uids = tuple((*pairs[d], i) for d, i in zip(doc, x, strict=True))
    kept = [_index(c, len(uids), "cluster") for c in _typed(v["kept"], frozenset({list}), "clusters")]
    groups = _strs(v["groups"], "clusters' groups")
    _check(len(groups) == len(kept), "clusters' groups")
    keys = [bytes.fromhex(k) for k in groups]
    return uids, None, kept, tuple(pairs), keys  # type: ignore[arg-type]  # (pairs of two, checked above)


def links_from(cols: Any, n: int) -> list[tuple[int, int, float, Any]]:
    """A part's edges from their ``_links_json`` columns (``n``: the part's claims)."""
    _check(type(cols) is list and len(cols) == 7, "edges")
    i, j = _index(cols[0], n, "edges"), _index(cols[1], n, "edges")
    score, ts, ent, cos = (_typed(cols[k], _FLOAT, "edges") for k in (2, 3, 4, 6))
    ss = _typed(cols[5], _INT, "edges")
    _check(len({len(c) for c in cols}) == 1, "edges")
    return list(zip(i, j, score, zip(ts, ent, ss, cos, strict=True), strict=True))


def state_from_pieces(
    manifest: Any,
    pieces: dict[str, Any],
    params: Params,
    group_from: Callable[[Any], EventGroup],
    piece: Callable[[str], Any],
    pieces_of: Callable[[list[str]], dict[str, Any]] | None = None,
) -> GroupingState:
    """The state a ``state_pieces`` manifest and its pieces describe (``group_from``: a group from its JSON),
    the parts' edges (``e`` pieces) and the claims' words (``f`` pieces) left to be read with
    ``piece(name)`` (None when it is gone) when needed, or several at once with ``pieces_of(names)`` (by
    name, those there). Raises ``ValueError`` when a piece is missing or of another shape."""
    if pieces_of is None:
        pieces_of = lambda names: {n: piece(n) for n in names}  # noqa: E731
    _check(isinstance(manifest, dict) and manifest.get("format") == STATE_FORMAT, "format")
    _check(manifest.get("params") == params_digest(params), "parameters")
    arts, story_list, keys = manifest.get("articles"), manifest.get("stories"), manifest.get("pieces")
    _check(isinstance(arts, list) and isinstance(story_list, list) and isinstance(keys, list), "manifest")
    _check(all(type(s) is list and len(s) == 2 and type(s[1]) is bool for s in story_list), "stories")
    story_sets = [(frozenset(_strs(s[0], "story")), bool(s[1])) for s in story_list]
    state = GroupingState(params)
    for a in arts:
        _check(isinstance(a, list) and len(a) == 3, "article")
        key, fp = _strs(a[:2], "article")
        si = _int(a[2], "article")
        _check(0 <= si < len(story_sets), "article's story")
        state.fingerprints[key] = fp
        state.stories[key] = story_sets[si]
    for k in _strs(keys, "piece keys"):
        if k[:1] == "e":
            continue  # read when needed
        _check(k in pieces, "piece (missing)")
        v = pieces[k]
        try:
            if k[0] == "a":
                got, tf = _article_from(v, k[1:], pieces_of)
                state.features[k[1:]] = got
                if "year" in v:
                    state.years[k[1:]] = _opt_str(v["year"], "article's year")
                if tf is not None:
                    state.story_memo.docs[k[1:]] = tf
            elif k[0] == "p":
                uids, links, kept, docs, groups = _part_from(v)
                pk = bytes.fromhex(k[1:])
                state.parts[pk] = (uids, links, kept)
                state.articles_of[pk] = docs
                state.group_keys[pk] = groups
            elif k[0] == "g":
                g = group_from(v)
                _check(
                    isinstance(g.id, str)
                    and isinstance(g.label, str)
                    and (g.when is None or isinstance(g.when, str))
                    and isinstance(g.why, dict),
                    "group",
                )
                _strs(g.claims, "group's claims")
                state.groups[bytes.fromhex(k[1:])] = g
            else:
                _check(False, "piece key")
        except (TypeError, KeyError, AttributeError) as e:
            raise ValueError(f"grouping state: bad piece {k[:9]}: {e}") from None
    # every article of the last run has its features
    _check(all(fp in state.features for fp in state.fingerprints.values()), "article piece (missing)")

    def load_links(key: bytes, n: int) -> list[tuple[int, int, float, Any]]:
        try:
            return links_from(piece("e" + key.hex()), n)
        except (ValueError, TypeError) as e:
            raise StateUnavailable(f"grouping state: a part's edges: {e}") from None

    state.load_links = load_links
    memo = state.story_memo
    df = manifest.get("df")
    if df is not None and memo.docs.keys() == set(state.fingerprints.values()):
        memo.df = Counter(_counts(df, "document frequencies"))  # (those of last time)
    splits = manifest.get("splits", [])
    _check(type(splits) is list and all(type(x) is list and len(x) == 3 for x in splits), "splits")
    cols = manifest.get("sims")
    _check(type(cols) is list and len(cols) == 3, "story pairs")
    fps_at = list(state.fingerprints.values())
    a, b = _index(cols[0], len(fps_at), "story pairs"), _index(cols[1], len(fps_at), "story pairs")
    sc = _typed(cols[2], _FLOAT, "story pairs")
    _check(len(a) == len(b) == len(sc), "story pairs")
    memo.sims = {(fps_at[i], fps_at[j]): x for i, j, x in zip(a, b, sc, strict=True)}
    top = _column(manifest.get("top"), len(fps_at), "top terms")
    memo.top = {
        fp: _strs(terms, "top terms") for fp, terms in zip(fps_at, top, strict=True) if terms is not None
    }
    topic = manifest.get("topic")
    if topic is not None:
        _check(type(topic) is list and len(topic) == 2 and type(topic[1]) in (int, float), "topic names")
        state.topic = (frozenset(_strs(topic[0], "topic names")), float(topic[1]))
    parts = manifest.get("story_parts")
    _check(type(parts) is list and all(type(x) is list and len(x) == 2 for x in parts), "story parts")
    for at, labels in parts:
        n = len(_index(at, len(fps_at), "story parts"))
        _check(len(_index(labels, n, "story parts")) == n, "story parts")
        # (each article's story's first article is at or before it, and is that story's first)
        _check(all(labels[y] == y <= x for x, y in enumerate(labels)), "story parts")
        memo.parts[tuple(fps_at[x] for x in at)] = labels
    closeness = manifest.get("closeness")
    _check(type(closeness) is list and all(type(x) is list and len(x) == 3 for x in closeness), "closeness")
    for a, b, r in closeness:
        memo.closeness[(tuple(_strs(a, "closeness")), tuple(_strs(b, "closeness")))] = _typed(
            [r], _FLOAT, "closeness"
        )[0]
    contents = manifest.get("group_content")
    _check(type(contents) is list and all(type(x) is list and len(x) == 2 for x in contents), "groups")
    for k, c in contents:
        _check(type(k) is str and type(c) is str, "groups")
        state.group_content[bytes.fromhex(k)] = bytes.fromhex(c)
    groupable = manifest.get("groupable", {})
    _check(type(groupable) is dict, "groupable claims")
    for places in groupable.values():
        _typed(places, _INT, "groupable claims")
        _check(not places or min(places) >= 0, "groupable claims")
    state.groupable = groupable
    copies = manifest.get("copies")
    _check(type(copies) is list and all(type(x) is list and len(x) == 4 for x in copies), "copies")
    for a, b, originals, own in copies:
        _check(
            type(a) is str
            and type(b) is str
            and len(_strs(originals, "copies")) == len(_strs(own, "copies")),
            "copies",
        )
        state.copies[(a, b)] = list(zip(originals, own, strict=True))
    for fps, sides, holds in splits:
        n = len(_strs(fps, "split"))
        _check(type(holds) is bool, "split")
        if sides is not None:
            _check(type(sides) is list and len(sides) == 2, "split")
            sides = (_index(sides[0], n, "split"), _index(sides[1], n, "split"))
        memo.splits[tuple(fps)] = (sides, holds)
    return state
