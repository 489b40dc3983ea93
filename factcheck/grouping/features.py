"""Per-claim features for grouping (content words, entities, times, figures, polarity), blocking, and the
hard constraints that keep two claims apart."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from factcheck.grouping.figures import ages, figures
from factcheck.grouping.params import DEFAULT, Params
from factcheck.grouping.times import (
    _date_values,
    _days_apart,
    _granular,
    _iso_date,
    _latest_month,
    _month_buckets,
    _tuples_conflict,
)
from factcheck.grouping.words import (
    _content_tokens,
    _negation,
    _stem,
    common_words,
    nouns_capitalised,
    rarity,
)
from factcheck.lang import detect
from factcheck.lang import resource as lang_resource
from factcheck.model import Article, Claim, Entity, Segment, Stance

_ANTE = (Stance.EXPECTED, Stance.PLANNED, Stance.ANNOUNCED, Stance.HYPOTHETICAL)
_FORWARD = (Stance.EXPECTED, Stance.PLANNED)  # the claim looks forward from its publication date
_SLACK = dt.timedelta(days=3)


@dataclass(slots=True)
class _Feat:
    idx: int
    claim: Claim
    doc: int
    tokens: list[str]
    text: str  # content tokens joined, for rapidfuzz
    entities: frozenset[str]
    times: tuple[str, ...]
    numbers: frozenset[str]
    negated: bool
    published: str | None
    months: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    lang: str | None = None


def _numbers(claim: Claim, lang: str | None = None) -> frozenset[str]:
    """The values of a claim's figures outside its time expressions ("60%" and "60 per cent" are "60")."""
    skip = [(t.start - claim.start, t.end - claim.start) for t in claim.when]
    return frozenset(f.value for f in figures(claim.text, lang, skip))


class _Bodies(Sequence[str]):
    """Each article's body text (page furniture left out; ``keys``: the batch's articles' keys in document
    order), made when first asked for: after one change, the stories count the words of that article alone."""

    def __init__(self, keys: Sequence[str], articles: Mapping[str, Article]):
        self.keys, self.articles = keys, articles
        self.made: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, d: int) -> str:  # type: ignore[override]  # (no slices)
        got = self.made.get(d)
        if got is None:
            art = self.articles.get(self.keys[d])
            got = ""
            if art is not None and art.text:
                got = " ".join(art.text[s.start : s.end] for s in art.body_segments) or " "
            self.made[d] = got
        return got


def _doc_year(feats: list[_Feat], p: Params = DEFAULT) -> str | None:
    years: Counter[str] = Counter()
    for f in feats:
        for v in f.times:
            y, _, _ = _granular(v)
            if y:
                years[y] += 1
    if f_pub := (feats[0].published if feats else None):
        years[f_pub[:4]] += p.pub_year_weight
    if not years:
        return None
    (y, n), *rest = [*years.most_common(2), ("", 0)]
    return y if n >= 2 and n > rest[0][1] else None


# ----------------------------------------------------------------------------------------------


_SEPARATOR = re.compile(r"\s[|·•]\s|\s[|·•]$|^[|·•]\s")
_FIELD = re.compile(r"(?:^|\s)[^\W\d_]{3,}\s?:\s")  # "Autor: ", "Publicado: ", "categories: "


def byline_like(claim: Claim) -> bool:
    """A byline, dateline or metadata line taken for a claim ("Autor: Omara García Mederos Publicado:
    27/04/2022 | 03:04 am", "January 13, 2020 at 08:45 AM | categories: Python | View Comments"): a time
    with separator bars or two or more "Label:" fields. Such lines tell of no event and never group."""
    if not claim.when:
        return False
    return bool(_SEPARATOR.search(claim.text)) or len(_FIELD.findall(claim.text)) >= 2


def groupable(claim: Claim, article: Article | None, *, copies: bool = False) -> bool:
    """Whether a claim may take part in grouping: it lies in the article's title or body (not in page
    furniture or metadata), is not a byline-like line, and its article is not a copy of another one of the
    batch (``Article.duplicate_of``, ``near_duplicate_of``: listed as such, with a notice; with ``copies``
    a copy's claims are let through: they follow their original's groups)."""
    if byline_like(claim):
        return False
    if not copies and is_copy(article):
        return False
    if article is None or not article.segments:
        return True
    return any(s.start < claim.end and claim.start < s.end for s in article.claim_segments)


def is_copy(article: Article | None) -> bool:
    """Whether the article is a copy of another one of the batch (exact or near)."""
    return article is not None and bool(article.duplicate_of or article.near_duplicate_of)


def groupable_claims(
    claims: Sequence[Claim], articles: Mapping[str, Article], *, copies: bool = False
) -> list[Claim]:
    """The claims that are ``groupable`` (with ``copies`` as there), each article's claim segments listed
    once (not once per claim)."""
    # article key -> its claim segments' starts in order, and the furthest end of the segments up to each
    # (None: any place): a claim overlaps one of them when the furthest end of those that start before
    # it ends is past its start (one bisection per claim, not a scan of the article's segments)
    segments: dict[str, tuple[list[int], list[int]] | None] = {}
    skip: dict[str, bool] = {}  # article key -> a copy left out
    out = []
    for c in claims:
        if c.article_key not in segments:
            art = articles.get(c.article_key)
            segments[c.article_key] = _reach(art.claim_segments) if art is not None and art.segments else None
            skip[c.article_key] = not copies and is_copy(art)
        segs = segments[c.article_key]
        if skip[c.article_key] or byline_like(c):
            continue
        if segs is None:
            out.append(c)
            continue
        starts, reach = segs
        k = bisect.bisect_left(starts, c.end)
        if k and reach[k - 1] > c.start:
            out.append(c)
    return out


def _reach(segs: Sequence[Segment]) -> tuple[list[int], list[int]]:
    """Segments' starts in order, and the furthest end among the segments up to each (see
    ``groupable_claims``)."""
    ordered = sorted(segs, key=lambda s: s.start)
    reach = list(itertools.accumulate((s.end for s in ordered), max))
    return [s.start for s in ordered], reach


def participant(entity: Entity, lang: str | None) -> bool:
    """Whether an entity can name a participant of an event. In a language that capitalises its nouns
    (German), a capitalised word is not yet a name: a run of capitalised words that are all stop words or
    common words of the language is a noun phrase, not a participant: "Februar", "Recht" (taken for other
    names, kind "misc"), "Im Gespräch" (taken for a person's name). People's names are made of common words
    too ("Hans Müller", "Angela Merkel"): a person's name is set aside only when a function word is one of
    them (the name as the article resolves it: "Gespräche" taken for "Im Gespräch"). Places and
    organisations are the gazetteer's, and kept. Elsewhere (English, Spanish...) a
    capitalised word inside a sentence is a name."""
    if entity.kind not in ("misc", "person") or not nouns_capitalised(lang):
        return True
    common, with_function_word = common_words(entity.name or entity.text, lang)
    return not (common and (entity.kind == "misc" or with_function_word))


def article_language(article: Article | None) -> str | None:
    """The article's language: its own (record or ingest), else detected from its body."""
    if article is None:
        return None
    if article.language:
        return article.language
    body = " ".join(article.text[s.start : s.end] for s in article.body_segments) if article.text else ""
    return detect(body)


def languages(claims: Sequence[Claim], articles: Mapping[str, Article]) -> dict[str, str | None]:
    """The language of each article the claims come from (read or detected once per article)."""
    return {k: article_language(articles.get(k)) for k in dict.fromkeys(c.article_key for c in claims)}


class Languages(Mapping[str, str | None]):
    """``languages`` of a batch's articles, each told when first asked for (``article_language``): after one
    change, a regrouping asks for those of the articles whose features or groups it makes, not for every
    article's. A key of no article of the batch has no language (None), as in ``languages``."""

    def __init__(self, articles: Mapping[str, Article]):
        self.articles = articles
        self.told: dict[str, str | None] = {}

    def __getitem__(self, key: str) -> str | None:
        if key not in self.told:
            self.told[key] = article_language(self.articles.get(key))
        return self.told[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)


def _features(
    claims: Sequence[Claim], articles: Mapping[str, Article], langs: Mapping[str, str | None] | None = None
) -> tuple[list[_Feat], int]:
    doc_ids: dict[str, int] = {}
    langs = languages(claims, articles) if langs is None else langs
    feats = []
    for i, c in enumerate(claims):
        d = doc_ids.setdefault(c.article_key, len(doc_ids))
        art = articles.get(c.article_key)
        lang = langs.get(c.article_key)
        toks = _content_tokens(c.text, lang)
        ents = frozenset(e.key for e in c.entities if participant(e, lang)) if c.entities else frozenset()
        polarity = getattr(c, "polarity", None)
        negated = (isinstance(polarity, int) and polarity < 0) or bool(_negation(lang).search(c.text))
        pub = art.published.isoformat() if art and art.published else None
        times = tuple(_date_values(c))
        feats.append(
            _Feat(
                i,
                c,
                d,
                toks,
                " ".join(toks),
                ents,
                times,
                _numbers(c, lang),
                negated,
                pub,
                _month_buckets(times),
                lang=lang,
            )
        )
    for f in feats:
        f.people = frozenset(e.key for e in f.claim.entities if e.kind == "person" and e.key in f.entities)
    _complete_from_article(feats)
    return feats, len(doc_ids)


def _complete_from_article(feats: list[_Feat]) -> None:
    """An open-year value ("XXXX-SP", "next spring" in an undated article) takes the year the same
    article gives that month or season explicitly ("spring 2023"), when it gives exactly one."""
    years: dict[tuple[int, str], set[str]] = defaultdict(set)
    for f in feats:
        for v in f.times:
            y, m, _ = _granular(v)
            if y and m:
                years[(f.doc, m)].add(y)
    for f in feats:
        if not any(v.startswith("XXXX-") for v in f.times):
            continue
        new = []
        for v in f.times:
            _, m, _ = _granular(v)
            ys = years.get((f.doc, m), set()) if v.startswith("XXXX-") and m else set()
            new.append(next(iter(ys)) + v[4:] if len(ys) == 1 else v)
        f.times = tuple(new)


def _idf_vectors(feats: list[_Feat], p: Params = DEFAULT) -> list[dict[str, float]]:
    """Each claim's words weighted by their rarity in the claim's language (``words.rarity``: background
    frequencies, not the batch's), as unit vectors: a claim's vector never changes with the rest of the
    batch, so adding unrelated articles leaves every weight, and so the groups, as they were."""
    return [_rarity_vector(f.tokens, f.lang, p.rarity_top) for f in feats]


def _rarity_vector(tokens: Sequence[str], lang: str | None, top: float) -> dict[str, float]:
    v = {t: rarity(t, lang, top) for t in set(tokens)}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {t: x / norm for t, x in v.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum([x * b[t] for t, x in a.items() if t in b])  # same order, same float as summing zeros too


# the event words two claims must share to pair on one participant (``shared_event_words`` in lang/en/events.toml)
EVENT_WORDS = frozenset(_stem(w) for w in lang_resource("en", "events")["shared_event_words"])


def _frame_keys(f: _Feat) -> set[str]:
    """Blocking keys pairing a participant with a month bucket: "vladimir putin|10"."""
    if not f.months or not f.entities:
        return set()
    ents = sorted(f.entities)[:6]
    return {f"f:{e}|{m}" for e in ents for m in sorted(f.months)[:3]}


def _blocking_keys(f: _Feat, p: Params = DEFAULT) -> list[str]:
    """A claim's blocking keys: its ``rare_tokens`` rarest words and participants (rarity in its language,
    ``words.rarity``; a participant weighs as the rarest word of its name; equally rare ones the longer first),
    plus participant-and-month keys.
    They depend on the claim alone, never on the rest of the batch."""
    weights = {t: rarity(t, f.lang, p.rarity_top) for t in f.tokens}
    for e in f.entities:
        weights[f"e:{e}"] = max((rarity(w, f.lang, p.rarity_top) for w in e.split()), default=1.0)
    # equally rare: the longer first (in a language without a table every word is equally rare)
    keys = sorted(weights, key=lambda k: (-weights[k], -len(k), k))[: p.rare_tokens]
    return keys + sorted(_frame_keys(f))


def _postings(keys_of: Sequence[Sequence[str]]) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(keys_of):
        for k in keys:
            postings[k].append(i)
    return postings


def _candidates(feats: list[_Feat], p: Params = DEFAULT) -> dict[int, set[int]]:
    """Blocking: claims that share a key (``_blocking_keys``) held by at most ``max_posting`` claims."""
    postings = _postings([_blocking_keys(f, p) for f in feats])
    cands: dict[int, set[int]] = defaultdict(set)
    for ms in postings.values():
        if len(ms) > p.max_posting:
            continue
        for x, i in enumerate(ms):
            if ms[x + 1 :]:
                cands[i].update(ms[x + 1 :])
    return cands


def _conflict(a: _Feat, b: _Feat, same_story: bool = False, p: Params = DEFAULT) -> str | None:
    if a.times and b.times and _tuples_conflict(a.times, b.times):
        return "times"
    if a.published and b.published and a.doc != b.doc:
        why = _publication_conflict(a, b, p) or _publication_conflict(b, a, p)
        if why:
            return why
    if p.ages_apart and _ages_differ(a, b):
        return "ages"
    if same_story:
        return None
    if a.numbers and b.numbers and not (a.numbers & b.numbers):
        return "numbers"
    if a.negated != b.negated and a.doc != b.doc:
        return "polarity"
    return None


def _ages_differ(a: _Feat, b: _Feat) -> bool:
    """Two claims state people's ages and none in common ("a 36-year-old climber" / "Robert Buckley, 32,"):
    they tell of different people, so of different events, even inside one story (two climbers' deaths in
    one national park a day apart)."""
    if not (a.claim.text and b.claim.text):
        return False
    age_a = ages(a.claim.text, a.lang)
    if not age_a:
        return False
    age_b = ages(b.claim.text, b.lang)
    return bool(age_b) and not age_a & age_b


def _publication_conflict(a: _Feat, b: _Feat, p: Params = DEFAULT) -> str | None:
    """Report order rules out one event (a and b are published, in different articles):

    - an expectation or plan published after the whole of the other report's time ("is expected to
      cut jobs", June 2023, against "cut 800 jobs" dated November 2022) looks forward to a later event;
    - an expectation published after another report says the event occurred is about the next one;
    - two reports that give no time at all, published months apart, tell of different events.
    """
    assert a.published is not None and b.published is not None
    if a.claim.stance in _FORWARD and not a.times:
        if b.times:
            last = _latest_month(b.times)
            if last is not None and last < a.published[:7]:
                return "expected after the event's time"
        elif b.claim.stance is Stance.OCCURRED and _iso_date(b.published) < _iso_date(a.published) - _SLACK:
            return "expected after the event was reported"
    if not a.times and not b.times and _days_apart(a.published, b.published) > p.untimed_pub_gap:
        return "untimed reports months apart"
    return None
