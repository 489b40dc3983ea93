"""Has this been checked before? Rank earlier checks for a new claim.

Two stages, as retrieval systems do:

1. **Recall** with BM25 (the bm25s library) over each check's claim and headline, stemmed, with English stop
   words removed. Compound words are indexed joined as well ("Corn Flakes" also as "cornflakes"), so a hashtag
   such as ``#cornflakes`` finds them. The checks whose earlier matched wordings (``Check.matched``) read like
   the claim join the candidates (a second, small BM25 index over those wordings).
2. **Re-ranking** of the best ``RECALL`` candidates with features a reviewer would accept as evidence: the BM25
   score relative to the best one, rapidfuzz similarity of the texts, the names and numbers the two share, and
   the numbers or years that differ (evidence against: such a match is never ``strong``). The weights are data
   (``lang/en/memory_rank.toml``), fitted on the CLEF 2020 CheckThat! task 2 training tweets by
   ``bench/memory.py --fit`` (which measures them on the held-out dev tweets).

Paraphrase that shares no rare word is learned from the archive's own history: the wordings earlier matched to
a check (``Check.matched``) train a word translation model (IBM model 1: the probability that a check says
word c where the claim said word w), and the ``history`` feature is the share of a candidate's words, absent from
the claim, that the claim's words translate to.

Paraphrase with no history is bridged by word vectors learned from the archive itself when the index is built
(latent semantic analysis: a truncated SVD of the checks' TF-IDF matrix, so that words used in the same checks
lie close, "mum" near "mother"): the ``related`` features are the share of a candidate's words (and of the
claim's) that have a close word on the other side, weighted by rarity (a soft coverage).

Paraphrase that shares few words at all (a reaction, a rewording) is scored by a sentence-embedding model that
works offline (wordllama: static token embeddings of a large language model, averaged and trained for sentence
similarity, shipped inside its wheel): the ``semantic`` feature is the cosine of the claim's and the check's
claim's vectors, and ``semantic_rank`` the check's place by that cosine among the claim's candidates (``1 / (1 +
rank)``: the nearest reads as such whatever the cosines' scale, which varies with the claim's length and
wording). The model loads when a ``Matcher`` is made (only memory commands make one); a check's vector is
computed when it is first a candidate, so the index costs nothing more to build or to hold. The same model's word
vectors (each word's tokens averaged) give the ``wsoft`` features: the soft coverage of the ``related`` ones,
through wordllama's vectors instead of the archive's (the same stem counts 1); a word's vector is computed once
and kept (``WORD_CACHE``), a check's words with its other re-ranking features.

Memory (an archive of 100k checks in well under 300 MB, the model loaded): while the index is built, the checks'
tokens are ids in one flat array, never a Python list per check; document frequencies are read off the BM25
matrix; the re-ranking features and sentence vectors of the checks ranked lately are kept (``DOC_CACHE``), not
those of every check ever ranked.

Each match carries ``why``: the names, numbers and words the claim and the check share, and any number or year
that differs.
"""

from __future__ import annotations

import array
import calendar
import collections
import functools
import hashlib
import itertools
import json
import math
import re
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, utils

from factcheck.lang import resource

if TYPE_CHECKING:
    from factcheck.memory import Check

# How many BM25 candidates are re-ranked per query, and how many more come from the wordings matched before.
RECALL = 50
RECALL_MATCHED = 10
# A match is "checked before" (shown unasked in the TUI) only on direct evidence: most of the check's words,
# weighted by rarity, are in the claim, or the two read nearly alike. Measured on CLEF 2020 task 2 train
# (correct top matches) against our seeds and labelled articles (which no Snopes check repeats): coverage >= 0.5
# keeps a third of the correct matches and 9% of the wrong ones; fuzz >= 0.7 a fifth and 4%. A check that states
# numbers and none of the claim's is never strong (it is listed under `b` as a possible match). A claim that reads
# nearly like a wording matched to the check before (token_sort_ratio >= STRONG_FUZZ: a copy, a retweet) is strong.
STRONG_COVERAGE = 0.5
STRONG_FUZZ = 0.7
# How many checks' re-ranking features (and sentence vectors) are kept for the next queries, the least recently
# used dropped first: a query re-ranks at most RECALL + RECALL_MATCHED checks.
DOC_CACHE = 1024
WORD_CACHE = 20_000  # wordllama word vectors kept (float16, 512 bytes each)
# Index build progress is reported every this many checks.
PROGRESS_EVERY = 2000
# Bump when tokenisation changes: cached indexes of an older version are rebuilt.
INDEX_VERSION = 4
# EM rounds of the translation model learned from matched wordings, and the smallest probability it keeps.
TRANSLATION_ROUNDS = 8
TRANSLATION_FLOOR = 0.01
# The archive's word vectors (latent semantic analysis): their dimension, the power iterations of the randomised
# SVD.
VECTOR_DIM = 100
VECTOR_ITERATIONS = 1
VECTOR_CHUNK = 8192  # checks per block while learning them (memory: a block of rows, never one per check)

# The sentence-embedding model (``sentence_model``): wordllama's l2_supercat at its full 256 dimensions (vectors
# are computed for candidates only, so the dimension costs no index memory).
SEMANTIC_MODEL = "l2_supercat"
SEMANTIC_DIM = 256
_SEMANTIC_FILES = (
    f"weights/{SEMANTIC_MODEL}_{SEMANTIC_DIM}.safetensors",
    f"tokenizers/{SEMANTIC_MODEL}_tokenizer_config.json",
)

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*", re.I)
# "— Name (@handle) Month D, YYYY" closing an embedded post.
_SIGNATURE = re.compile(
    r"[—–-]\s*(?P<name>[^—–()]{1,80}?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*$"
)
_TAG = re.compile(r"[#@](\w+)")
# A phrase in quotation marks: the quote opens after a space or bracket and closes before one or a punctuation
# mark, so that an apostrophe ("doesn’t") never opens or closes one.
_QUOTE = re.compile(r"(?:^|(?<=[\s(\[]))[\"“‘']([^\"“”]{3,80}?)[\"”’'](?=[\s.,;:!?)]|$)")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_WORD = re.compile(r"\w\w+", re.UNICODE)
# A number: digits in groups of three (1,200; 1 456 and 350 000 as French, German and Spanish write them), or
# digits with a decimal point or comma (3.5; 3,5); a percent after it is the same value.
_NUMBER = re.compile(
    r"(?<![\w.])(?:(?P<grouped>\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[,.]\d))"
    r"|(?P<plain>\d+(?:[.,]\d+)?))(?:\s*(%|per ?cent|percent))?",
    re.I,
)
_NAME = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|the|de|van|von|al)){0,4}")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|[\"“‘(]\s*)$")

# words left out before matching (``memory`` in lang/en/stopwords.toml)
_STOP = frozenset(resource("en", "stopwords")["memory"])


@functools.cache
def stop_words(lang: str | None = None) -> frozenset[str]:
    """The words left out of a claim in ``lang`` before it is matched: English's (archives and claims mix
    English in) and the language's own (``memory`` in lang/<code>/stopwords.toml), so that a German claim does
    not match a German check on "und" and "im" alone."""
    if not lang or lang == "en" or not lang.isalpha():
        return _STOP
    return _STOP | frozenset(resource(lang, "stopwords").get("memory", ()))


def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def clean_query(text: str) -> str:
    """A post or claim made searchable: links dropped, hashtags and handles split into their words, an embedded
    post's closing signature kept as its author's name."""
    t = _URL.sub(" ", text)
    m = _SIGNATURE.search(t)
    if m:
        t = t[: m.start()] + " " + m.group("name")
    return _TAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)) + " " + m.group(1), t)


def split_post(text: str) -> tuple[str, str, str]:
    """A post's own words, links dropped, and the name and date of an embedded post's closing signature ("— Name
    (@handle) Month D, YYYY"; empty when there is none)."""
    t = _URL.sub(" ", text)
    m = _SIGNATURE.search(t)
    if not m:
        return t, "", ""
    return t[: m.start()], m.group("name"), m.group("date") or ""


def quoted(text: str) -> list[str]:
    """The phrases a text puts in quotation marks (links dropped), processed for comparison."""
    return [q for q in (utils.default_process(g) for g in _QUOTE.findall(_URL.sub(" ", text))) if len(q) >= 3]


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d\d)(?:-\d\d)?")


def date_parts(when: str) -> tuple[set[str], set[int]]:
    """The years and months of a date, ISO ("2019-05-24", "2019-05") or written ("May 24, 2019")."""
    m = _ISO_DATE.match(when)
    if m:
        month = int(m.group(2))
        return {m.group(1)} & years(m.group(1)), {month} if 1 <= month <= 12 else set()
    return years(when), months(when)


def years(text: str) -> set[str]:
    """The years (1800-2099) a text names."""
    return set(_YEAR.findall(text))


def _words(text: str, stop: frozenset[str] = _STOP) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in stop]


def _tokens(text: str, stem: Any, stop: frozenset[str] = _STOP) -> list[str]:
    words = _words(text, stop)
    return list(stem.stemWords(words)) if words else []


def _doc_tokens(text: str, stem: Any) -> tuple[list[str], int]:
    """Tokens of an archived check, plus each pair of neighbouring words joined ("corn flakes" -> "cornflakes"),
    and how many come first as plain words (those of ``_tokens``)."""
    words = _words(text)
    joined = [a + b for a, b in itertools.pairwise(words) if len(a) + len(b) >= 6]
    return (list(stem.stemWords(words + joined)), len(words)) if words else ([], 0)


def numbers(text: str) -> set[str]:
    """Numbers as values: "60%", "60 per cent" and "60" all give "60"; "1,200" and "1 200" give "1200", "3,5" and
    "3.5" give "3.5"."""
    out = set()
    for m in _NUMBER.finditer(text):
        grouped = m.group("grouped")
        v = re.sub(r"\D", "", grouped) if grouped else m.group("plain").replace(",", ".")
        if "." in v:
            v = v.rstrip("0").rstrip(".")
        out.add(v)
    return out


@functools.cache
def _month_numbers() -> dict[str, int]:
    from factcheck.lang import resource

    vocab = resource("en", "time").get("vocab", {})
    return {**vocab.get("month_abbreviations", {}), **vocab.get("months", {})}


# A capitalised month name (or abbreviation) used as a date: "in March", "5 March", "Sept. 4", "January 2020".
_MONTH = re.compile(
    r"(?:\b(?P<pre>(?i:in|on|since|until|by)|\d{1,2})\s+)?\b(?P<m>[A-Z][a-z]{2,8})\b\.?(?P<post>\s+\d)?"
)


def months(text: str) -> set[int]:
    """The months a text dates something in (English month names, from lang/en/time.toml)."""
    known = _month_numbers()
    out = set()
    for m in _MONTH.finditer(text):
        n = known.get(m.group("m").lower())
        if n and (m.group("pre") or m.group("post")):
            out.add(n)
    return out


def _month_names(ms: Iterable[int]) -> str:
    return ", ".join(calendar.month_name[n] for n in sorted(ms)[:3])


def names(text: str, stop: frozenset[str] = _STOP) -> set[str]:
    """Capitalised words that are not just the first word of a sentence, lower-cased (none of ``stop``)."""
    out = set()
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        if _SENTENCE_START.search(text[: m.start()]) and len(words) == 1:
            continue
        for w in words:
            w = w.strip(".'’").lower()
            if len(w) > 1 and w not in stop:
                out.add(w)
    return out


class ModelMissing(RuntimeError):
    """The sentence-embedding model cannot be loaded (the wordllama package or its model files are missing)."""


@functools.cache
def sentence_model(folder: Path | None = None) -> Any:
    """The wordllama sentence-embedding model, from the files its wheel ships (``folder``: the package's own
    folder by default); nothing is downloaded. Raises ``ModelMissing`` with one line saying what is missing."""
    try:
        import numpy as np
        import wordllama
        from wordllama import WordLlama
    except ImportError as e:
        raise ModelMissing(
            f"claim memory needs the wordllama package (pip install 'wordllama>=0.4,<0.5'): {e}"
        ) from e
    where = folder or Path(wordllama.__file__).parent
    missing = [f for f in _SEMANTIC_FILES if not (where / f).is_file()]
    if missing:
        raise ModelMissing(
            f"the sentence-embedding model is missing: {where / missing[0]} (reinstall wordllama)"
        )
    try:
        model = WordLlama.load(
            SEMANTIC_MODEL, cache_dir=where, dim=SEMANTIC_DIM, trunc_dim=SEMANTIC_DIM, disable_download=True
        )
    except Exception as e:  # damaged files: say so in one line, never a traceback
        raise ModelMissing(f"the sentence-embedding model in {where} could not be loaded: {e}") from e
    # The token vectors as the file stores them (float16: half the memory of the float32 copy wordllama makes);
    # a sentence's vector is still pooled in float32.
    model.embedding = np.ascontiguousarray(model.embedding, dtype=np.float16)
    return model


# The re-ranking features, in the order of ``Weights``; each is 0..1 (``bm25`` relative to the query's best).
FEATURES = (
    "bm25",
    "coverage",
    "query_coverage",
    "fuzz",
    "title_fuzz",
    "names",
    "numbers",
    "number_clash",
    "date_clash",
    "history",
    "related",
    "query_related",
    "quoted",
    "post_year",
    "other_year",
    "semantic",
    "semantic_rank",
    "wsoft",
    "wsoft_q",
)
_CLASHES = ("number_clash", "date_clash")  # evidence against: weights <= 0, and such a match is never strong


@dataclass(frozen=True, slots=True)
class Weights:
    """How the re-ranking features are combined: a match's score is the weighted sum of its features (a negative
    weight is evidence against). The weights are data (``lang/en/memory_rank.toml``), fitted on CLEF 2020 task 2
    train by ``bench/memory.py --fit`` (a listwise logistic model over each tweet's candidates)."""

    bm25: float = 1.0  # BM25 score / the query's best BM25 score
    coverage: float = 0.0  # share of the check's words (weighted by rarity) found in the query
    query_coverage: float = 0.0  # share of the query's words (weighted by rarity) found in the check
    fuzz: float = 0.0  # rapidfuzz token_set_ratio of the cleaned texts, 0..1
    title_fuzz: float = 0.0  # the same against the check's headline
    names: float = 0.0  # share of the query's names found in the check
    numbers: float = 0.0  # share of the query's numbers found in the check
    number_clash: float = 0.0  # both state numbers and share none (<= 0: evidence against)
    date_clash: float = 0.0  # both name months and share none (<= 0: evidence against)
    history: float = 0.0  # the check's words the claim's translate to, learned from matched wordings
    related: float = (
        0.0  # share of the check's words (by rarity) with a close word in the claim (word vectors)
    )
    query_related: float = 0.0  # share of the claim's words (by rarity) with a close word in the check
    quoted: float = 0.0  # share of the phrases the claim puts in quotation marks that the check contains
    post_year: float = 0.0  # the check names the year of the post (the date of an embedded post's signature)
    other_year: float = 0.0  # the check names years, and not the post's
    semantic: float = (
        0.0  # cosine of the sentence embeddings of the claim and the check's claim, clipped to 0..1
    )
    semantic_rank: float = 0.0  # 1 / (1 + the check's rank by that cosine among the claim's candidates)
    wsoft: float = 0.0  # as ``related``, through wordllama's word vectors (1 for the same stem)
    wsoft_q: float = 0.0  # as ``query_related``, through wordllama's word vectors
    # Units of one hidden layer (a small neural network over the same features): each adds
    # ``out * tanh(bias + its weighted sum of the features)``. They never read the clash features, so that a
    # number or date that differs stays evidence against, whatever the rest.
    hidden: tuple[HiddenUnit, ...] = ()

    @classmethod
    def from_data(cls, data: dict[str, Any], hidden: Sequence[dict[str, Any]] = ()) -> Weights:
        """Weights from a ``[weights]`` table (a missing name is 0: BM25 alone is ``bm25 = 1``) and the
        ``[[hidden]]`` units (each ``bias``, ``out`` and a ``[hidden.weights]`` table)."""
        vals = _feature_values(data)
        for k in _CLASHES:
            if vals.get(k, 0.0) > 0:
                raise ValueError(f"{k} is evidence against: its weight must be <= 0")
        units = []
        for u in hidden:
            w = _feature_values(u.get("weights", {}))
            if any(w.get(k) for k in _CLASHES):
                raise ValueError("a hidden unit may not read number_clash or date_clash (evidence against)")
            units.append(
                HiddenUnit(
                    float(u.get("bias", 0.0)),
                    float(u.get("out", 0.0)),
                    tuple(w.get(k, 0.0) for k in FEATURES),
                )
            )
        return cls(**{k: vals.get(k, 0.0) for k in FEATURES}, hidden=tuple(units))

    def score(self, f: dict[str, float]) -> float:
        x = [f[k] for k in FEATURES]
        linear = sum(getattr(self, k) * v for k, v in zip(FEATURES, x, strict=True))
        return linear + sum(
            u.out * math.tanh(u.bias + sum(a * v for a, v in zip(u.weights, x, strict=True)))
            for u in self.hidden
        )


@dataclass(frozen=True, slots=True)
class HiddenUnit:
    bias: float
    out: float
    weights: tuple[float, ...]  # one per feature, in the order of FEATURES


def _feature_values(data: dict[str, Any]) -> dict[str, float]:
    unknown = set(data) - set(FEATURES)
    if unknown:
        raise ValueError(f"unknown re-ranking feature(s): {', '.join(sorted(unknown))}")
    return {k: float(v) for k, v in data.items()}


@functools.cache
def default_weights() -> Weights:
    from factcheck.lang import resource

    data = resource("en", "memory_rank")
    return Weights.from_data(data["weights"], data.get("hidden", ())) if data.get("weights") else Weights()


@dataclass(frozen=True, slots=True)
class _DocFeatures:
    """What re-ranking needs of one check, computed when it is first a candidate."""

    tokens: frozenset[str]
    weight: float  # the summed rarity of its tokens
    names: frozenset[str]
    numbers: frozenset[str]
    months: frozenset[int]
    years: frozenset[str]
    claim: str  # processed for rapidfuzz
    title: str
    matched: tuple[frozenset[str], ...]  # the tokens of each wording matched to it before
    matched_text: tuple[str, ...]  # those wordings processed for rapidfuzz
    ordered: tuple[str, ...]  # its tokens in a fixed order, that of the next two
    vector_rows: Any  # numpy int array: the rows of its tokens' word vectors (-1: a token without one)
    idfs: Any  # numpy float array: the rarity of each of those tokens
    words: _Words  # its claim's and headline's words with their wordllama vectors (the ``wsoft`` features)


@dataclass(frozen=True, slots=True)
class _Words:
    """The distinct words of a text (stop words out), for soft coverage through wordllama's word vectors."""

    stems: Any  # numpy str array: each word's stem (the same stem counts as the same word)
    idfs: Any  # numpy float array: the rarity of each stem
    # numpy float16 array, a row per word: its wordllama vector (the mean of its tokens', normalised)
    vectors: Any


@dataclass(slots=True)
class Match:
    check: Check
    score: float
    why: str
    features: dict[str, float] = field(default_factory=dict)
    same_as: tuple[str, ...] = ()  # ids of the same check archived again (same claim, verdict and checker)

    @property
    def strong(self) -> bool:
        f = self.features
        if any(f.get(k) for k in _CLASHES):  # the same words with other numbers or dates: another claim
            return False
        return (
            f.get("coverage", 0.0) >= STRONG_COVERAGE
            or f.get("fuzz", 0.0) >= STRONG_FUZZ
            or f.get("matched_fuzz", 0.0) >= STRONG_FUZZ
        )

    def to_json(self) -> dict[str, Any]:
        c = self.check
        return {
            "id": c.id,
            "score": round(self.score, 4),
            "claim": c.claim,
            "title": c.title,
            "verdict": c.verdict,
            "url": c.url,
            "date": c.date,
            "by": c.author,
            "strong": self.strong,
            "why": self.why,
            "same_as": list(self.same_as),
        }


def learn_translation(
    pairs: Sequence[tuple[Sequence[str], Sequence[str]]], rounds: int = TRANSLATION_ROUNDS
) -> dict[str, dict[str, float]]:
    """IBM model 1 (Brown et al. 1993) by EM over (claim tokens, check tokens) pairs: ``t[w][c]``, the probability
    that a check says ``c`` where the claim said ``w`` (an empty claim word takes the check words nothing
    translates). Probabilities below ``TRANSLATION_FLOOR`` are dropped.

    Each (check word, claim word) pair seen together is one entry; every round is a few ``bincount`` over the
    entries of all pairs (the E step normalises over each check word's claim words, the M step over each claim
    word's check words)."""
    import numpy as np

    src_ids: dict[str, int] = {"": 0}  # 0: the empty word
    tgt_ids: dict[str, int] = {}
    coded = [
        (
            [0, *(src_ids.setdefault(w, len(src_ids)) for w in src)],
            [tgt_ids.setdefault(c, len(tgt_ids)) for c in tgt],
        )
        for src, tgt in pairs
        if src and tgt
    ]
    if not coded:
        return {}
    width = len(src_ids)
    keys, rows, n_rows = [], [], 0
    for ws, cs in coded:
        src, tgt = np.array(ws, dtype=np.int64), np.array(cs, dtype=np.int64)
        keys.append((tgt[:, None] * width + src[None, :]).ravel())
        rows.append(np.repeat(np.arange(n_rows, n_rows + len(tgt)), len(src)))
        n_rows += len(tgt)
    entries, where = np.unique(np.concatenate(keys), return_inverse=True)
    row = np.concatenate(rows)
    ent_w = entries % width
    t = np.ones(len(entries))
    for _ in range(rounds):
        v = t[where]
        post = v / np.bincount(row, v, minlength=n_rows)[row]
        counts = np.bincount(where, post, minlength=len(entries))
        t = counts / np.bincount(ent_w, counts, minlength=width)[ent_w]
    src_words = {i: w for w, i in src_ids.items()}
    tgt_words = {i: c for c, i in tgt_ids.items()}
    out: dict[str, dict[str, float]] = {}
    for e in np.flatnonzero((t >= TRANSLATION_FLOOR) & (ent_w != 0)):
        c, w = divmod(int(entries[e]), width)
        out.setdefault(src_words[w], {})[tgt_words[c]] = round(float(t[e]), 4)
    return out


def learn_word_vectors(
    docs: Iterable[Iterable[int]], n_words: int, *, dim: int = VECTOR_DIM, iterations: int = VECTOR_ITERATIONS
) -> Any:
    """Word vectors by latent semantic analysis (Deerwester et al. 1990) of the archive itself: the words' side of
    a truncated SVD of the checks' TF-IDF matrix (rows L2-normalised, ``1 + log tf`` times BM25's idf), scaled by
    the singular values and L2-normalised, so that the cosine of two words tells how alike the checks they are in
    read. ``docs`` are each check's word ids (``0 <= id < n_words``; other ids are left out), read once.

    A randomised SVD (Halko, Martinsson & Tropp 2011) with ``iterations`` power iterations, in numpy alone: the
    sparse products are sums over the matrix's entries (``np.bincount``, a column at a time), a block of checks
    at a time, and a tall block is orthonormalised through its small Gram matrix, so that only the words' side
    is held whole. Seeded: the same archive gives the same vectors. Returns a
    ``float32`` array of ``n_words`` rows (all zero for a word in no check) and at most ``dim`` columns."""
    import numpy as np

    # The matrix's entries (check, word, count), by check and word, in flat arrays (no Python object each).
    row_of, col_of, count_of = array.array("i"), array.array("i"), array.array("f")
    n_docs = 0
    for r, ids in enumerate(docs):
        n_docs = r + 1
        in_doc = sorted(collections.Counter(i for i in ids if 0 <= i < n_words).items())
        row_of.extend(itertools.repeat(r, len(in_doc)))
        col_of.extend(i for i, _ in in_doc)
        count_of.extend(n for _, n in in_doc)
    if not n_docs or not n_words or not row_of:
        return np.zeros((n_words, 0), dtype=np.float32)
    rows = np.frombuffer(row_of, dtype=np.int32)
    cols = np.frombuffer(col_of, dtype=np.int32)
    df = np.bincount(cols, minlength=n_words)
    idf = np.log(1 + (n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
    vals = (1 + np.log(np.frombuffer(count_of, dtype=np.float32))) * idf[cols]
    del count_of
    norms = np.sqrt(np.bincount(rows, vals * vals, minlength=n_docs)).astype(np.float32)
    vals /= np.where(norms > 0, norms, 1)[rows]

    bounds = np.searchsorted(rows, np.arange(0, n_docs + VECTOR_CHUNK, VECTOR_CHUNK))

    def through(omega: Any) -> tuple[Any, Any]:
        """With ``Y = A @ omega``: ``Y.T @ Y`` and ``A.T @ Y``, a block of checks at a time (``Y`` has a row per
        check: it is never held whole). Each sparse product is a ``bincount`` per column."""
        by_column = np.ascontiguousarray(omega.T)
        gram = np.zeros((len(by_column), len(by_column)))
        back = np.zeros((len(by_column), n_words))  # (A.T @ Y).T
        for lo, hi in itertools.pairwise(bounds):
            if lo == hi:
                continue
            r, c, v = rows[lo:hi] - rows[lo], cols[lo:hi], vals[lo:hi]
            n = int(r[-1]) + 1
            y = np.stack([np.bincount(r, v * col[c], minlength=n) for col in by_column]).astype(np.float32)
            gram += y @ y.T
            for j, col in enumerate(y):
                back[j] += np.bincount(c, v * col[r], minlength=n_words)
        back = back.T.astype(np.float32)
        return gram, back

    def whitening(gram: Any) -> Any:
        """``M`` such that ``Y @ M`` is orthonormal, from ``Y.T @ Y``."""
        w, u = np.linalg.eigh(gram)
        keep = w > w.max() * 1e-8
        return (u[:, keep] / np.sqrt(w[keep])).astype(np.float32)

    rng = np.random.default_rng(0)
    omega = rng.standard_normal((n_words, min(dim + 10, n_words, n_docs)), dtype=np.float32)
    gram, back = through(omega)
    del omega  # each step's (words x dim) matrices are dropped once the next is made: a lower peak
    for _ in range(iterations):
        z = back @ whitening(gram)  # A.T @ Q, Q an orthonormal basis of A @ omega
        del back
        omega = z @ whitening((z.T @ z).astype(np.float64))
        del z
        gram, back = through(omega)
        del omega
    bt = back @ whitening(gram)  # (Q.T A).T: its right singular vectors come from the small (Q.T A)(Q.T A).T
    w, u = np.linalg.eigh((bt.T @ bt).astype(np.float64))
    top = np.argsort(-w)[:dim]
    top = top[w[top] > w.max() * 1e-8]
    vectors = bt @ u[:, top].astype(np.float32)  # = V S: the words' side scaled by the singular values
    norm = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norm > 0, norm, 1.0)).astype(np.float32)


def archive_digest(checks: Sequence[Check]) -> str:
    h = hashlib.sha256(f"v{INDEX_VERSION}\n".encode())
    for c in checks:
        h.update(c.id.encode())
        h.update(b"\0")
        h.update(c.claim.encode())
        h.update(b"\0")
        h.update(c.title.encode())
        for m in c.matched:
            h.update(b"\0")
            h.update(m.encode())
        h.update(b"\n")
    return h.hexdigest()[:24]


class _TokenIds:
    """Each check's token ids, from one flat array: a list per check, made when read (bm25s reads them a few
    times while it indexes), so that the archive's tokens are never held as Python lists."""

    def __init__(self, flat: array.array[int], ends: array.array[int]):
        self.flat, self.ends = flat, ends

    def __len__(self) -> int:
        return len(self.ends)

    def __iter__(self) -> Iterator[list[int]]:
        start = 0
        for end in self.ends:
            yield self.flat[start:end].tolist()
            start = end


class Matcher:
    """A BM25 index over an archive of checks, with re-ranking. Build once, query many times."""

    def __init__(
        self,
        checks: Sequence[Check],
        *,
        cache_dir: Path | None = None,
        weights: Weights | None = None,
        progress: Callable[[int, int], None] | None = None,
    ):
        """``progress(done, total)`` is called while the index is built (not when it comes from the cache)."""
        import bm25s
        import numpy as np

        self.checks = list(checks)
        self.weights = weights or default_weights()
        self._stem = _stemmer()
        self.digest = archive_digest(self.checks)
        self.from_cache = False
        self._bm25: Any = None
        self._said_bm25: Any = None  # the wordings matched to checks before: their index, tokens and checks
        self._said_tokens: list[list[str]] = []
        self._said_owner: list[int] = []
        # What re-ranking needs of the checks that were candidates lately (by index), and their sentence vectors
        # (float16): made on first need, the least recently used dropped beyond DOC_CACHE (a long session over a
        # large archive would otherwise keep one for every check it ever ranked).
        self._docs: collections.OrderedDict[int, _DocFeatures] = collections.OrderedDict()
        # How many checks each indexed token is in, by its id in the BM25 vocabulary (the columns of the BM25
        # matrix: a token's scores are one per check that has it), and its rarity, made from it.
        self._df: Any = None
        self._idfs: Any = None
        self._translation: dict[str, dict[str, float]] = {}
        self._vector_row: dict[str, int] = {}  # a word -> its row in ``_vectors``
        self._vectors: Any = None  # the archive's word vectors (``learn_word_vectors``), L2-normalised rows
        self._n = len(self.checks)
        self._semantic_vectors: collections.OrderedDict[int, Any] = collections.OrderedDict()
        # Each word's wordllama vector (float16), the least recently used dropped beyond WORD_CACHE.
        self._word_vectors: collections.OrderedDict[str, Any] = collections.OrderedDict()
        if not self.checks:
            return
        where = cache_dir / self.digest if cache_dir else None
        if where is not None and (where / "done").is_file():
            try:
                self._bm25 = bm25s.BM25.load(str(where), mmap=False, show_progress=False, verbosity=0)
                self._translation = json.loads((where / "translation.json").read_text(encoding="utf-8"))
                self._load_vectors(where)
                self.from_cache = True
            except Exception:  # a damaged cache entry is rebuilt, never trusted
                self._bm25 = None
        if self._bm25 is None:
            self._bm25 = self._build(progress)
            if where is not None:
                self._save(where)
        self._df = np.diff(self._bm25.scores["indptr"]).astype(np.int32)
        self._idfs = np.log(1 + (self._n - self._df + 0.5) / (self._df + 0.5))
        self._index_matched()
        # Loaded once the index is built, when the build's own working memory is freed (a lower peak).
        self._semantic_model = sentence_model()

    def _build(self, progress: Callable[[int, int], None] | None = None) -> Any:
        """The BM25 index and the archive's word vectors. Each check's tokens are held as ids in one flat array
        (4 bytes a token, no per-check Python list), the token strings once, in the vocabulary."""
        import bm25s

        vocab: dict[str, int] = {}
        flat = array.array("i")  # every check's token ids, one check after another
        ends = array.array("q")  # where each check's ids end in ``flat``
        plain = array.array("i")  # how many of each check's ids are plain words (the rest: joined pairs)
        total = len(self.checks)
        for n, c in enumerate(self.checks):
            if progress and n % PROGRESS_EVERY == 0:
                progress(n, total)
            toks, n_plain = _doc_tokens(f"{c.claim} {c.title}", self._stem)
            flat.extend([vocab.setdefault(t, len(vocab)) for t in toks])
            ends.append(len(flat))
            plain.append(n_plain)
        docs = _TokenIds(flat, ends)
        self._learn_vectors(list(vocab), docs, plain)
        # scipy builds the sparse matrix with a third of the working memory of bm25s's numpy default (which
        # sorts 64-bit keys); the index is the same.
        model = bm25s.BM25(csc_backend="scipy")
        model.index(bm25s.tokenization.Tokenized(ids=docs, vocab=vocab), show_progress=False)
        self._translation = self._learn_translation()
        if progress:
            progress(total, total)
        return model

    def _learn_vectors(self, words: list[str], docs: _TokenIds, plain: Sequence[int]) -> None:
        """The archive's word vectors, for the plain words (not joined pairs) of each check and of the wordings
        matched to it before (which then lie close to the check's words). ``words``: the token of each id."""
        import numpy as np

        said = {
            i: [t for m in c.matched for t in _tokens(clean_query(m), self._stem)]
            for i, c in enumerate(self.checks)
            if c.matched
        }
        row: dict[str, int] = {}
        for i, (ids, n_plain) in enumerate(zip(docs, plain, strict=True)):
            for t in itertools.chain((words[j] for j in ids[:n_plain]), said.get(i, ())):
                row.setdefault(t, len(row))

        def rows() -> Iterator[list[int]]:
            for i, (ids, n_plain) in enumerate(zip(docs, plain, strict=True)):
                yield [row[words[j]] for j in ids[:n_plain]] + [row[t] for t in said.get(i, ())]

        self._vector_row = row
        self._vectors = learn_word_vectors(rows(), len(row)) if row else np.zeros((0, 0), dtype=np.float32)

    def _load_vectors(self, where: Path) -> None:
        import numpy as np

        words = json.loads((where / "vector_words.json").read_text(encoding="utf-8"))
        vectors = np.load(where / "vectors.npy", allow_pickle=False)
        if not isinstance(words, list) or vectors.shape[0] != len(words):
            raise ValueError("damaged word vectors")
        self._vector_row = {w: r for r, w in enumerate(words)}
        self._vectors = vectors

    def _learn_translation(self) -> dict[str, dict[str, float]]:
        pairs = [
            (_tokens(clean_query(m), self._stem), _tokens(f"{c.claim} {c.title}", self._stem))
            for c in self.checks
            for m in c.matched
        ]
        return learn_translation([(s, t) for s, t in pairs if s and t])

    def remember(self, check_id: str, text: str) -> bool:
        """``text`` was matched to the check ``check_id`` (a reviewer applied it): from now on this index knows it
        as one of the check's wordings: it recalls the check and reads as a strong match when a claim reads like
        it. The translation model is relearned when the archive is next indexed, and the archive file is not
        changed (``memory add`` of the session keeps it). Returns False when there is no such check or nothing
        new."""
        for i, c in enumerate(self.checks):
            if c.id == check_id:
                new = c.with_matched([text])
                if new is c:
                    return False
                self.checks[i] = new
                self._docs.pop(i, None)
                toks = _tokens(clean_query(text), self._stem)
                if toks:
                    self._said_tokens.append(toks)
                    self._said_owner.append(i)
                    self._said_bm25 = self._index_said()
                return True
        return False

    def _index_matched(self) -> None:
        """A BM25 index of the wordings matched to checks before (small beside the archive: built each time),
        so that a claim worded like one of them finds its check even with none of the check's own words."""
        for i, c in enumerate(self.checks):
            for m in c.matched:
                toks = _tokens(clean_query(m), self._stem)
                if toks:
                    self._said_tokens.append(toks)
                    self._said_owner.append(i)
        self._said_bm25 = self._index_said()

    def _index_said(self) -> Any:
        import bm25s

        if not self._said_tokens:
            return None
        vocab: dict[str, int] = {}
        ids = [[vocab.setdefault(t, len(vocab)) for t in toks] for toks in self._said_tokens]
        model = bm25s.BM25()
        model.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)
        return model

    def _save(self, where: Path) -> None:
        import numpy as np

        tmp = where.with_name(where.name + ".tmp")
        try:
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
            self._bm25.save(str(tmp), show_progress=False)
            (tmp / "translation.json").write_text(json.dumps(self._translation), encoding="utf-8")
            (tmp / "vector_words.json").write_text(json.dumps(list(self._vector_row)), encoding="utf-8")
            with (tmp / "vectors.npy").open("wb") as f:
                np.save(f, self._vectors, allow_pickle=False)
            (tmp / "done").write_text(json.dumps({"checks": len(self.checks), "version": INDEX_VERSION}))
            shutil.rmtree(where, ignore_errors=True)
            tmp.rename(where)
        except OSError:  # a cache that cannot be written only costs the next start its build time
            shutil.rmtree(tmp, ignore_errors=True)

    # ------------------------------------------------------------------------------------------
    def _recall(self, queries: list[list[str]], k: int) -> list[list[tuple[int, float]]]:
        import numpy as np

        vocab = self._bm25.vocab_dict
        out: list[list[tuple[int, float]]] = []
        for toks in queries:
            ids = [vocab[t] for t in toks if t in vocab]
            got: list[tuple[int, float]] = []
            scores = self._bm25.get_scores(ids) if ids else np.zeros(self._n)
            if ids:
                kk = min(k, len(scores))
                top = np.argpartition(-scores, kk - 1)[:kk]
                top = top[np.argsort(-scores[top])]
                got = [(int(i), float(scores[i])) for i in top if scores[i] > 0]
            if self._said_bm25 is not None:  # checks matched before to a similar wording join the candidates
                seen = {i for i, _ in got}
                for i in self._recall_matched(toks):
                    if i not in seen:
                        seen.add(i)
                        got.append((i, float(scores[i])))
            out.append(got)
        return out

    def _recall_matched(self, toks: list[str]) -> list[int]:
        import numpy as np

        vocab = self._said_bm25.vocab_dict
        ids = [vocab[t] for t in toks if t in vocab]
        if not ids:
            return []
        scores = self._said_bm25.get_scores(ids)
        top = np.argsort(-scores, kind="stable")[: RECALL_MATCHED * 2]
        owners = dict.fromkeys(self._said_owner[int(j)] for j in top if scores[j] > 0)
        return list(owners)[:RECALL_MATCHED]

    def _known(self, tok: str) -> bool:
        """Whether a token is in some archived check."""
        return self._bm25.vocab_dict.get(tok, len(self._df)) < len(self._df)

    def _idf(self, tok: str) -> float:
        i = self._bm25.vocab_dict.get(tok, len(self._df))
        if i < len(self._df):
            return float(self._idfs[i])
        return math.log(1 + (self._n + 0.5) / 0.5)

    def _doc(self, i: int) -> _DocFeatures:
        import numpy as np

        got = self._docs.get(i)
        if got is not None:
            self._docs.move_to_end(i)
        else:
            c = self.checks[i]
            text = f"{c.claim} {c.title}"
            toks = frozenset(_tokens(text, self._stem))
            ordered = sorted(toks)
            got = _DocFeatures(
                tokens=toks,
                weight=sum(self._idf(t) for t in toks) or 1.0,
                names=frozenset(names(text)),
                numbers=frozenset(numbers(text)),
                months=frozenset(months(text)),
                years=frozenset(years(text)),
                claim=utils.default_process(c.claim),
                title=utils.default_process(c.title),
                matched=tuple(frozenset(_tokens(clean_query(m), self._stem)) for m in c.matched),
                matched_text=tuple(utils.default_process(clean_query(m)) for m in c.matched),
                ordered=tuple(ordered),
                vector_rows=np.array([self._vector_row.get(t, -1) for t in ordered], dtype=np.int64),
                idfs=np.array([self._idf(t) for t in ordered]),
                words=self._words(text),
            )
            self._docs[i] = got
            if len(self._docs) > DOC_CACHE:
                self._docs.popitem(last=False)
        return got

    def match(self, text: str, *, top: int = 5, dated: str = "", lang: str | None = None) -> list[Match]:
        """The best ``top`` checks for a claim; ``dated`` is when it was said or published (the article's date,
        ISO or written out), used when the text is not a post closing with its own date; ``lang``: the claim's
        language (its function words are left out, ``stop_words``)."""
        return self.match_many([text], top=top, dated=[dated], langs=[lang])[0]

    def match_many(
        self,
        texts: Iterable[str],
        *,
        top: int = 5,
        dated: Sequence[str] | None = None,
        langs: Sequence[str | None] | None = None,
    ) -> list[list[Match]]:
        texts = list(texts)
        if not self.checks:
            return [[] for _ in texts]
        dates = list(dated) if dated is not None else [""] * len(texts)
        stops = [stop_words(lang) for lang in langs] if langs is not None else [_STOP] * len(texts)
        cleaned = [clean_query(t) for t in texts]
        recalled = self._recall(
            [_tokens(t, self._stem, stop) for t, stop in zip(cleaned, stops, strict=True)], RECALL
        )
        results = []
        for raw, text, when, stop, cands in zip(texts, cleaned, dates, stops, recalled, strict=True):
            results.append(self._collapse(self._rerank(raw, text, when, cands, stop))[:top])
        return results

    def scored(self, text: str, *, dated: str = "") -> list[tuple[int, Match]]:
        """Every candidate check of a claim (by its index in ``checks``) with its features and score, best first,
        before a check archived several times is collapsed into one match: what ``match`` ranks (its
        ``bench/memory.py --fit`` learns from exactly this)."""
        cleaned = clean_query(text)
        return self._rerank(text, cleaned, dated, self._recall([_tokens(cleaned, self._stem)], RECALL)[0])

    def copy_key(self, i: int) -> tuple[str, str, str]:
        """What the checks archived more than once share (the same claim text, verdict and checker): ``match``
        lists one of them."""
        c = self.checks[i]
        return (self._doc(i).claim or f"\0{i}", c.verdict.casefold(), c.author.casefold())

    def _rerank(
        self, raw: str, text: str, dated: str, cands: list[tuple[int, float]], stop: frozenset[str] = _STOP
    ) -> list[tuple[int, Match]]:
        if not cands:
            return []
        w = self.weights
        best = cands[0][1] or 1.0
        # When the claim was made: the date closing an embedded post, else the one given (the article's).
        post_years = date_parts(split_post(raw)[2] or dated)[0]
        q_quoted = quoted(text)
        q_names = names(text, stop)
        q_numbers = numbers(text)
        q_months = months(text)
        q_proc = utils.default_process(text)
        q_toks = set(_tokens(text, self._stem, stop))
        q_weight = sum(self._idf(t) for t in q_toks) or 1.0
        said: dict[str, float] = {}  # each check word the claim's words translate to: its best probability
        for tok in q_toks:
            for word, p in self._translation.get(tok, {}).items():
                if p > said.get(word, 0.0):
                    said[word] = p
        history = [self._history(q_toks, self._doc(i), said) for i, _ in cands]
        related = self._related(q_toks, [self._doc(i) for i, _ in cands])
        semantic = self._semantic(text, [i for i, _ in cands])
        semantic_rank = reciprocal_ranks(semantic)
        q_words = self._words(text, stop)
        wsoft = [_soft_coverage(self._doc(i).words, q_words) for i, _ in cands]
        best_history = max(history) or 1.0
        out = []
        for (i, bm), hist, (rel, q_rel), sem, sem_rank, (ws, ws_q) in zip(
            cands, history, related, semantic, semantic_rank, wsoft, strict=True
        ):
            c, d = self.checks[i], self._doc(i)
            shared_names = q_names & d.names
            shared_numbers = q_numbers & d.numbers
            shared = sum(self._idf(t) for t in d.tokens & q_toks)
            in_quotes = [q for q in q_quoted if q in d.claim or q in d.title]
            f = {
                "bm25": bm / best,
                "coverage": shared / d.weight,
                "query_coverage": shared / q_weight,
                "fuzz": fuzz.token_set_ratio(q_proc, d.claim) / 100,
                "title_fuzz": fuzz.token_set_ratio(q_proc, d.title) / 100 if d.title else 0.0,
                "names": len(shared_names) / len(q_names) if q_names else 0.0,
                "numbers": len(shared_numbers) / len(q_numbers) if q_numbers else 0.0,
                "number_clash": 1.0 if q_numbers and d.numbers and not shared_numbers else 0.0,
                "date_clash": 1.0 if q_months and d.months and not q_months & d.months else 0.0,
                "history": hist / best_history,
                "related": rel,
                "query_related": q_rel,
                "quoted": len(in_quotes) / len(q_quoted) if q_quoted else 0.0,
                "post_year": 1.0 if post_years & d.years else 0.0,
                "other_year": 1.0 if post_years and d.years and not post_years & d.years else 0.0,
                "semantic": sem,
                "semantic_rank": sem_rank,
                "wsoft": ws,
                "wsoft_q": ws_q,
                # not weighted: direct evidence for `strong` (the claim reads like a wording matched before)
                "matched_fuzz": max((fuzz.token_sort_ratio(q_proc, m) for m in d.matched_text), default=0)
                / 100,
            }
            score = w.score(f)
            why = _why(q_toks, c, self._stem, shared_names, shared_numbers, q_numbers, d.numbers)
            if in_quotes:
                why += "; quoted: " + ", ".join(f"“{q}”" for q in in_quotes[:3])
            if f["date_clash"]:
                why += f"; dates differ: {_month_names(q_months)} vs {_month_names(d.months)}"
            if d.matched:
                why += self._why_matched(q_toks, c, d)
            out.append((i, Match(c, score, why, f)))
        # A claim that reads like a wording matched to a check before (a copy, a retweet) gets that check first:
        # the desk's own earlier decision is the best evidence there is.
        out.sort(key=lambda im: (im[1].features["matched_fuzz"] < STRONG_FUZZ, -im[1].score))
        return out

    def _semantic(self, text: str, cands: list[int]) -> list[float]:
        """Per candidate, the cosine of the sentence vectors of the claim and the check's claim, clipped to 0..1
        (the vectors are normalised). The candidates not seen lately are embedded together, and kept."""
        import numpy as np

        kept = self._semantic_vectors
        new = [i for i in dict.fromkeys(cands) if i not in kept]
        vecs = self._semantic_model.embed([text] + [self.checks[i].claim for i in new], norm=True)
        q = vecs[0]
        got = {i: v.astype(np.float16) for i, v in zip(new, vecs[1:], strict=True)}
        for i in cands:
            if i not in got:
                got[i] = kept[i]
                kept.move_to_end(i)
        kept.update((i, got[i]) for i in new)
        while len(kept) > DOC_CACHE:
            kept.popitem(last=False)
        return [min(max(float(got[i] @ q), 0.0), 1.0) for i in cands]

    def _words(self, text: str, stop: frozenset[str] = _STOP) -> _Words:
        """A text's distinct words (none of ``stop``) with their stems, rarities and wordllama vectors
        (``_word_vectors``)."""
        import numpy as np

        words = sorted(set(_words(text, stop)))
        stems = list(self._stem.stemWords(words)) if words else []
        return _Words(
            stems=np.array(stems, dtype=str),
            idfs=np.array([self._idf(s) for s in stems]),
            vectors=self._word_vectors_of(words),
        )

    def _word_vectors_of(self, words: list[str]) -> Any:
        """The wordllama vector of each word (float16 rows): the mean of its token vectors, normalised, as the
        model pools a sentence. The words not seen lately are embedded together, and kept."""
        import numpy as np

        kept = self._word_vectors
        new = [w for w in words if w not in kept]
        got = (
            dict(zip(new, self._semantic_model.embed(new, norm=True).astype(np.float16), strict=True))
            if new
            else {}
        )
        for w in words:
            if w not in got:
                got[w] = kept[w]
                kept.move_to_end(w)
        kept.update(got)
        while len(kept) > WORD_CACHE:
            kept.popitem(last=False)
        return np.array([got[w] for w in words], dtype=np.float16).reshape(len(words), SEMANTIC_DIM)

    def _history(self, q_toks: set[str], d: _DocFeatures, said: dict[str, float]) -> float:
        """The check's words absent from the claim that the claim's words translate to (the best translation
        probability of each, weighted by rarity), as a share of the check's words."""
        if not said:
            return 0.0
        return sum(self._idf(c) * said[c] for c in d.tokens - q_toks if c in said) / d.weight

    def _related(self, q_toks: set[str], docs: list[_DocFeatures]) -> list[tuple[float, float]]:
        """Per check, the soft coverage of its words by the claim's and of the claim's (those the archive knows)
        by its: each word counts by rarity times its closeness to the nearest word on the other side (1 when the
        same word is there, else the cosine of their word vectors, 0 without one)."""
        import numpy as np

        known = sorted(t for t in q_toks if self._known(t))
        if not known:
            return [(0.0, 0.0)] * len(docs)
        q_idf = np.array([self._idf(t) for t in known])
        q_rows = np.array([self._vector_row.get(t, -1) for t in known], dtype=np.int64)
        q_vec = self._vectors[q_rows[q_rows >= 0]]
        out = []
        for d in docs:
            same = np.array([t in d.tokens for t in known])
            d_same = np.array([t in q_toks for t in d.ordered], dtype=bool)
            close = np.zeros((len(d.vector_rows), len(known)))
            if len(q_vec) and len(d.vector_rows):
                has = d.vector_rows >= 0
                sims = np.zeros((len(d.vector_rows), len(q_vec)))
                sims[has] = self._vectors[d.vector_rows[has]] @ q_vec.T
                close[:, q_rows >= 0] = np.clip(sims, 0.0, 1.0)
            d_close = np.where(d_same, 1.0, close.max(axis=1, initial=0.0))
            q_close = np.where(same, 1.0, close.max(axis=0, initial=0.0))
            out.append(
                (
                    float((d_close * d.idfs).sum() / d.weight),
                    float((q_close * q_idf).sum() / q_idf.sum()),
                )
            )
        return out

    def _why_matched(self, q_toks: set[str], c: Check, d: _DocFeatures) -> str:
        """The wording matched to the check before that shares most with the claim (when one shares a word)."""
        shared, n = max((math.fsum(self._idf(t) for t in m & q_toks), n) for n, m in enumerate(d.matched))
        if not shared:
            return ""
        said = " ".join(c.matched[n].split())
        return f"; matched before to “{said[:80]}{'…' if len(said) > 80 else ''}”"

    def _collapse(self, ranked: list[tuple[int, Match]]) -> list[Match]:
        """One match per check archived several times (the same claim text, verdict and checker, as when a feed
        is imported twice or a publisher re-issues a check): the first archived of them stands for all, at the
        best place any of them reached, and names the others in ``same_as``."""
        groups: dict[tuple[str, str, str], list[tuple[int, Match]]] = {}
        for i, m in ranked:
            groups.setdefault(self.copy_key(i), []).append((i, m))
        out = []
        for members in groups.values():  # in the order of each group's best match
            best = members[0][1]
            first_i, first = min(members, key=lambda im: im[0])
            others = tuple(m.check.id for i, m in sorted(members, key=lambda im: im[0]) if i != first_i)
            out.append(replace(first, score=best.score, same_as=others) if others else first)
        return out


def _soft_coverage(d: _Words, q: _Words) -> tuple[float, float]:
    """The soft coverage of a check's words by the claim's and of the claim's by the check's: each word counts by
    rarity times its closeness to the nearest word on the other side (1 for the same stem, else the cosine of
    their wordllama vectors, clipped to 0..1). As ``Matcher._related``, with wordllama's vectors."""
    import numpy as np

    if not len(d.stems) or not len(q.stems):
        return 0.0, 0.0
    sims = np.clip(d.vectors.astype(np.float32) @ q.vectors.astype(np.float32).T, 0.0, 1.0)
    sims[d.stems[:, None] == q.stems[None, :]] = 1.0
    return (
        float((sims.max(axis=1) * d.idfs).sum() / d.idfs.sum()),
        float((sims.max(axis=0) * q.idfs).sum() / q.idfs.sum()),
    )


def reciprocal_ranks(values: Sequence[float]) -> list[float]:
    """``1 / (1 + rank)`` of each value among them, the highest ranked 0 (equal values in their order): how a
    candidate stands among the others by one view, whatever that view's scale for this claim."""
    out = [0.0] * len(values)
    for rank, n in enumerate(sorted(range(len(values)), key=lambda n: -values[n])):
        out[n] = 1.0 / (1 + rank)
    return out


def _why(
    q_toks: set[str],
    c: Check,
    stem: Any,
    shared_names: frozenset[str] | set[str],
    shared_numbers: frozenset[str] | set[str],
    qn: set[str],
    dn: frozenset[str],
) -> str:
    """One line of evidence: the names, numbers and words the two share (as the check writes them), and any
    numbers that differ."""
    d_words = sorted({w for w in _words(f"{c.claim} {c.title}") if not w.isdigit()} - shared_names)
    words = (
        [w for w, t in zip(d_words, stem.stemWords(d_words), strict=True) if t in q_toks] if d_words else []
    )
    bits = []
    if shared_names:
        bits.append("names: " + ", ".join(sorted(shared_names)[:6]))
    if shared_numbers:
        bits.append("numbers: " + ", ".join(sorted(shared_numbers)[:6]))
    if words:
        bits.append("words: " + ", ".join(words[:8]))
    if qn and dn and not shared_numbers:
        bits.append(f"numbers differ: {', '.join(sorted(qn)[:3])} vs {', '.join(sorted(dn)[:3])}")
    return "; ".join(bits) or "similar wording"
