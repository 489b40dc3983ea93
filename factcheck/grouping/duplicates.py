"""Near-duplicate articles: the same text in two files (a page saved twice, a wire story reprinted word for
word) is one report, not a news event told by two outlets.

An article is compared by the word 5-grams ("shingles") of its title and body (page furniture left out), as
in Broder's resemblance of documents: two different reports of one event share names and phrases, but hardly
a run of five words after run of five words; two copies of one text share nearly all of them. Only the
shingles whose CRC-32 falls in one quarter of the range are kept (a sample that does not depend on the rest of
the batch, so the shares it gives are estimates of the true ones and the same in every process).

A later article of a batch is a near-duplicate of an earlier one when the shingles they share make up most of
both: ``LATER_SHARE`` of the later article's and ``EARLIER_SHARE`` of the earlier's (a short excerpt of a
long article, or a long article quoting a short statement, is not a copy of it). The decision is a function of
the two articles alone and of their order in the batch, like the exact duplicate of ``pipeline``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from factcheck.model import Article, Claim, EventGroup

SHINGLE_WORDS = 5
SAMPLE = 4  # a shingle is kept when its CRC-32 is 0 modulo this
MIN_SHINGLES = 10  # a text with fewer sampled shingles (about 40 words) is too short to call a copy
LATER_SHARE = 0.8
EARLIER_SHARE = 0.6
MIN_HELD_WORDS = 4  # a copy's claim follows an original's claim it holds (or is held by) of this many words

_WORD = re.compile(r"[^\W_]+")


def shingles(text: str) -> frozenset[int]:
    """The sampled word 5-grams of ``text`` (case folded, punctuation left out), as CRC-32 values: the CRC-32
    of each run of ``SHINGLE_WORDS`` words joined by spaces, in UTF-8."""
    words = _WORD.findall(text.casefold())
    # the words joined and encoded once: each shingle is a slice of it, from its first word's start to the
    # space after its last word (each word's start: its bytes and one space after each word before it)
    joined = " ".join(words).encode("utf-8", "surrogatepass")
    sizes = map(len, words) if joined.isascii() else (len(w.encode("utf-8", "surrogatepass")) for w in words)
    starts = list(itertools.accumulate((n + 1 for n in sizes), initial=0))
    crc = zlib.crc32
    # (one shingle per word but the last four: the shorter list ends the pairs)
    hashes = (crc(joined[a : b - 1]) for a, b in zip(starts, starts[SHINGLE_WORDS:], strict=False))
    return frozenset(h for h in hashes if h % SAMPLE == 0)


def shingled_text(article: Article) -> str:
    """What an article is compared by: its title and body (all its text when it has no segments)."""
    segs = article.claim_segments
    return "\n".join(article.text[s.start : s.end] for s in segs) if segs else article.text


def article_shingles(article: Article) -> frozenset[int]:
    """The sampled shingles of an article's title and body (all its text when it has no segments)."""
    return shingles(shingled_text(article))


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    of: str  # the key of the earlier article
    shared: float  # the share of this article's text (sampled shingles) that the earlier one holds too

    def reason(self) -> str:
        # (short, at 80x24 it sits over the text; the review names the article by its outlet and title)
        return f"nearly a copy ({self.shared:.0%}) of {self.of}: its claims follow that one's groups"


@dataclass(slots=True)
class DuplicateIndex:
    """The articles of a batch seen so far, to tell whether the next one repeats one of them."""

    keys: list[str] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    postings: dict[int, list[int]] = field(default_factory=dict)

    def add(self, article: Article, sh: frozenset[int] | None = None) -> NearDuplicate | None:
        """Index ``article`` (in batch order) and say which earlier article it nearly repeats, if any
        (``sh``: its ``article_shingles`` when known, from a cache)."""
        if sh is None:
            sh = article_shingles(article)
        found = self.match(sh)
        self.place(article.key, sh)
        return self.near_duplicate(found)

    def place(self, key: str, sh: frozenset[int]) -> None:
        """Index the next article of the batch (its key and shingles) without comparing it."""
        doc = len(self.keys)
        self.keys.append(key)
        self.sizes.append(len(sh))
        for h in sh:
            self.postings.setdefault(h, []).append(doc)

    def near_duplicate(self, found: tuple[int, int, int] | None) -> NearDuplicate | None:
        """The near-duplicate that a ``match`` names: (the earlier article's place in the batch, the shingles
        the two share, the later article's shingles)."""
        if found is None:
            return None
        doc, n, size = found
        return NearDuplicate(self.keys[doc], n / size)

    def match(self, sh: frozenset[int]) -> tuple[int, int, int] | None:
        """The earlier article that an article of shingles ``sh`` nearly repeats, as (its place in the batch,
        the shingles the two share, ``len(sh)``), or None."""
        if len(sh) < MIN_SHINGLES:
            return None
        common: Counter[int] = Counter()
        for h in sh:
            common.update(self.postings.get(h, ()))
        return best_match(len(sh), ((doc, n, self.sizes[doc]) for doc, n in common.items()))


def could_repeat(size: int, earlier: int) -> bool:
    """Whether an article of ``size`` sampled shingles could nearly repeat one of ``earlier`` (the shingles
    they share are at most the fewer of the two)."""
    return LATER_SHARE * size <= earlier and EARLIER_SHARE * earlier <= size


def best_match(size: int, shared: Iterable[tuple[int, int, int]]) -> tuple[int, int, int] | None:
    """The earlier article that an article of ``size`` sampled shingles nearly repeats, from what it shares
    with the earlier ones (``shared``: (an earlier article's place in the batch, the shingles the two share,
    that article's shingles)): the one sharing the most of those that share enough, the earliest of a tie, as
    (its place, the shingles shared, ``size``); None when none does (or the text is too short to tell)."""
    if size < MIN_SHINGLES:
        return None
    best: tuple[int, int] | None = None  # (shingles shared, -place)
    for doc, n, doc_size in shared:
        if n >= LATER_SHARE * size and n >= EARLIER_SHARE * doc_size and (best is None or (n, -doc) > best):
            best = (n, -doc)
    return None if best is None else (-best[1], best[0], size)


# An article's decision as a batch's run told it: None, or (the key of the earlier article it nearly repeats,
# the shingles the two share, its own shingles)
Told = tuple[str, int, int] | None
# at most this many articles of a batch are compared with every earlier one in turn (~1 ms each on 1,000
# articles); from there on an index of the batch's shingles (``DuplicateIndex``, ~0.05 s to build) compares
# the rest
SCAN_LIMIT = 64


@dataclass(frozen=True, slots=True)
class LastRun:
    """What the last run of a batch told: its articles' keys in order (each once), the digests of their
    compared texts and their decisions."""

    keys: list[str]
    texts: list[str]
    told: list[Told]


class BatchDuplicates:
    """The near-duplicates of a batch told article by article, in order, from what its last run told
    (``last``) where that still holds.

    An article's decision is a function of its shingles and of those of the articles before it, in order.
    When it has the same key and text as last time, and the articles kept from last time come in the same
    order, its decision can differ from last time's only if its shingles meet those of an article that
    changed before it: one gone from before it, one new, moved or edited there (its old and new shingles).
    Otherwise every count of shared shingles it has is the same, and so is the best of them. So only the
    articles whose shingles meet the changed ones (``touched``) are compared again, and the shingles of
    the others are read only to tell that.

    ``shingles(digests)``: the shingles of texts by digest (those of this batch's texts always, those of
    older texts when they are known). An older text whose shingles are not known makes every later article
    compared."""

    def __init__(
        self,
        last: LastRun | None,
        shingles: Callable[[list[str]], Mapping[str, frozenset[int]]],
        scan_limit: int = SCAN_LIMIT,
    ):
        self.last = last
        self.place = {k: i for i, k in enumerate(last.keys)} if last is not None else {}
        self.shingles = shingles
        self.scan_limit = scan_limit
        self.seen = -1  # the place, last time, of the latest article kept in order
        self.touched: set[int] = set()  # the shingles of the articles changed so far
        self.blind = last is None  # no bound on what changed: every article is compared
        self.keys: list[str] = []  # this run's articles so far, in order
        self.texts: list[str] = []
        self.told: list[Told] = []
        self.known: dict[str, frozenset[int]] = {}  # shingles read so far, by text digest
        self.scans = 0  # articles compared with every earlier one in turn
        self.index: DuplicateIndex | None = None
        self.compared = 0  # articles compared (a figure for the benches and tests)

    def tell(self, items: Sequence[tuple[str, str]]) -> list[NearDuplicate | None]:
        """The decisions of the next articles of the batch (``items``: each one's key and text digest)."""
        last = self.last
        plan: list[tuple[int | None, list[str]]] = []  # each item: its place last time when it is the same
        # there (its text, and in the same order), and the texts of last time that changed up to it
        for key, text in items:
            i = self.place.get(key)
            if last is None or i is None or i <= self.seen:  # new, or moved before others kept
                plan.append((None, []))
                continue
            older = last.texts[self.seen + 1 : i]  # gone from before it
            same = last.texts[i] == text
            if not same:
                older.append(last.texts[i])  # edited: its old text
            self.seen = i
            plan.append((i if same else None, older))
        olds = [t for _i, older in plan for t in older]
        if self.blind or self.touched or self.index is not None or olds or any(i is None for i, _ in plan):
            self._read(olds + [text for _key, text in items])
        out = []
        for (key, text), (i, older) in zip(items, plan, strict=True):
            for t in older:
                if t not in self.known:
                    self.blind = True  # nothing bounds what that text changed: every later one is compared
                else:
                    self.touched |= self.known[t]
            if i is None:
                self.touched |= self.known[text]
            if i is not None and last is not None and not self.blind and self._untouched(text):
                told = last.told[i]
            else:
                told = self._compare(self.known[text])
            self.keys.append(key)
            self.texts.append(text)
            self.told.append(told)
            if self.index is not None:
                self.index.place(key, self.known[text])
            out.append(None if told is None else NearDuplicate(told[0], told[1] / told[2]))
        return out

    def run(self) -> LastRun:
        """What this run told so far (for the next run of the batch)."""
        return LastRun(list(self.keys), list(self.texts), list(self.told))

    def _untouched(self, text: str) -> bool:
        return not self.touched or self.touched.isdisjoint(self.known[text])

    def _read(self, texts: Iterable[str]) -> None:
        missing = [t for t in dict.fromkeys(texts) if t not in self.known]
        if missing:
            self.known.update(self.shingles(missing))

    def _compare(self, sh: frozenset[int]) -> Told:
        """The decision of the next article (of shingles ``sh``), from the articles before it."""
        self.compared += 1
        if len(sh) < MIN_SHINGLES:
            return None
        if self.index is None and self.scans < self.scan_limit:
            self.scans += 1
            self._read(self.texts)
            size = len(sh)
            sizes = ((doc, len(self.known[t]), t) for doc, t in enumerate(self.texts))
            found = best_match(
                size, ((doc, len(sh & self.known[t]), n) for doc, n, t in sizes if could_repeat(size, n))
            )
        else:
            if self.index is None:
                self._read(self.texts)
                self.index = DuplicateIndex()
                for key, t in zip(self.keys, self.texts, strict=True):
                    self.index.place(key, self.known[t])
            found = self.index.match(sh)
        return None if found is None else (self.keys[found[0]], found[1], found[2])


def original_of(article: Article, articles: Mapping[str, Article]) -> str | None:
    """The key of the article of the batch that ``article`` is a copy of (through copies of copies), or None
    when it is no copy."""
    seen = {article.key}
    key = article.duplicate_of or article.near_duplicate_of
    while key is not None and key in articles and key not in seen:
        seen.add(key)
        nxt = articles[key].duplicate_of or articles[key].near_duplicate_of
        if nxt is None:
            return key
        key = nxt
    return None


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def with_copies(
    groups: list[EventGroup],
    copies: Sequence[Claim],
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    known: dict[tuple[str, str], list[tuple[str, str]]] | None = None,
    keys: Mapping[str, str] | None = None,
) -> list[EventGroup]:
    """The groups with the claims of copies (``copies``: claims of articles that repeat another of the batch)
    beside their originals: a copy's claim joins the group of its original article's claim with the same
    words. A copy never makes a group (two copies of one text are one report), nor keeps one from being made;
    it only follows its original. The ids of the groups that gain claims are made anew from their claims.

    ``known``: which claims of a copy follow which claims of its original, as told last time for the same
    two articles: (the copy's content key, the original's) -> [(original's claim id, copy's claim id)]
    (``keys``: article key -> a digest of everything grouping reads of it and its claims, such as
    ``GroupingState.content_keys``; the pairs are a function of the two articles alone). This run's replace
    them, for the next."""
    if not copies or not groups:
        return groups
    roots: dict[str, str | None] = {}  # a copy's article key -> the key of its original
    mine: dict[str, list[Claim]] = defaultdict(list)  # a copy's article key -> its claims
    for c in copies:
        if c.article_key not in roots:
            art = articles.get(c.article_key)
            roots[c.article_key] = original_of(art, articles) if art is not None else None
        mine[c.article_key].append(c)
    memo = dict(known) if known is not None else {}
    # (a copy and its original by their content keys, or ("", the copy's key) without) -> the pairs
    told: dict[tuple[str, str], list[tuple[str, str]]] = {}
    todo: dict[str, tuple[str, str] | None] = {}  # copies to tell now -> their memo key (None: none)
    for key, root in roots.items():
        if root is None:
            continue
        mk = _memo_key(keys, key, root) if known is not None else None
        if mk is not None and mk in memo:
            told[mk] = memo[mk]
        else:
            todo[key] = mk
    if todo:
        originals = {roots[k] for k in todo}
        by_text: dict[tuple[str, str], str] = {}  # (article key, words) -> claim id, of the originals' claims
        own: dict[str, list[tuple[str, str]]] = defaultdict(list)  # article key -> its claims' (words, id)
        for c in claims:
            if c.article_key in originals:
                by_text.setdefault((c.article_key, _norm(c.text)), c.id)
                own[c.article_key].append((_norm(c.text), c.id))
        for key, mk in todo.items():
            root = roots[key]
            assert root is not None
            pairs = []
            for c in mine[key]:
                words = _norm(c.text)
                got = by_text.get((root, words)) or _holding(words, own.get(root, ()))
                if got is not None:
                    pairs.append((got, c.id))
            told[mk if mk is not None else ("", key)] = pairs
    if known is not None:
        known.clear()
        known.update((mk, pairs) for mk, pairs in told.items() if mk[0])
    original = {cid: got for pairs in told.values() for got, cid in pairs}
    follow: dict[str, list[str]] = defaultdict(list)  # original claim id -> its copies' claim ids
    for c in copies:
        if c.id in original:
            follow[original[c.id]].append(c.id)
    copy_article = {c.id: c.article_key for c in copies}
    out = []
    for g in groups:
        added = [x for cid in g.claims for x in follow.get(cid, ())]
        if not added:
            out.append(g)
            continue
        ids = [y for cid in g.claims for y in (cid, *follow.get(cid, ()))]
        why = dict(g.why)
        why["copies"] = sorted({copy_article[cid] for cid in added})
        out.append(dataclasses.replace(g, id=group_id(ids), claims=ids, why=why))
    return out


def _memo_key(keys: Mapping[str, str] | None, copy: str, original: str) -> tuple[str, str] | None:
    a, b = (keys.get(copy), keys.get(original)) if keys is not None else (None, None)
    return (a, b) if a and b else None


def _holding(words: str, originals: Sequence[tuple[str, str]]) -> str | None:
    """The original's claim that a copy's claim holds or is held by, word for word (the copy's page split
    its sentences another way: "Woman Killed In Queens Hit - And - Run Accident , Driver Charged" holds the
    original's "Woman Killed In Queens Hit"): the longest such claim, both of at least ``MIN_HELD_WORDS``
    words."""
    best: tuple[int, str] | None = None
    if not words or words.count(" ") + 1 < MIN_HELD_WORDS:
        return None
    padded = f" {words} "
    for text, cid in originals:
        n = text.count(" ") + 1 if text else 0
        if n < MIN_HELD_WORDS or (best is not None and n <= best[0]):
            continue
        if f" {text} " in padded or padded in f" {text} ":
            best = (n, cid)
    return best[1] if best is not None else None


def group_id(claim_ids: Sequence[str]) -> str:
    """A group's id: a digest of its claims' ids (the same claims, the same id)."""
    return "g" + hashlib.blake2b("\0".join(sorted(claim_ids)).encode(), digest_size=4).hexdigest()
