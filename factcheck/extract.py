"""Sentences -> check-worthy claims, with offsets into the article text, speaker and times."""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from factcheck import sentences
from factcheck.model import Article, Claim, Stance, TimeRef

MIN_SCORE = 0.35  # below this a sentence is not offered as a claim

_NUMBER = re.compile(
    r"\b\d[\d,.]*\s*(?:%|percent|per\s+cent|million|billion|trillion|bn|m\b)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundreds?|thousands?|millions?|billions?)\b",
    re.I,
)
_CAPWORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z’'-]+")
_REPORTING = re.compile(
    r"\b(?:said|says|say|told|stated|announced|confirmed|denied|reported|added|noted|claimed|according\s+to|"
    r"citing|quoted|declared|insisted|warned|acknowledged|admitted|revealed|disclosed)\b",
    re.I,
)
_EVENT_VERB = re.compile(
    r"\b(?:visit(?:ed|s|ing)?|met|meet(?:s|ing)?|arriv(?:ed|es|e|ing)|travel(?:led|ed|s)?|sign(?:ed|s)?|"
    r"held|hold(?:s)?|launch(?:ed|es)?|attack(?:ed|s)?|kill(?:ed|s)?|died|elected|won|lost|rose|fell|grew|"
    r"increas(?:ed|es)|decreas(?:ed|es)|accused|imposed|invaded|embarked|agreed|approved|rejected|"
    r"expected|plans?|planned|scheduled|will|would|has|have|had|was|were|is|are)\b",
    re.I,
)
_OPINION = re.compile(
    r"\b(?:I|we)\s+(?:think|believe|feel|hope|guess|love|like)\b|\b(?:in\s+my\s+opinion|personally)\b|"
    r"\b(?:amazing|awesome|terrible|wonderful|beautiful|shocking)\b",
    re.I,
)
_FIRST_PERSON_ONLY = re.compile(r"^[\"“']?(?:I|We|You)\b")


def claim_id(article_key: str, text: str, occurrence: int) -> str:
    norm = " ".join(text.split()).casefold()
    h = hashlib.blake2b(f"{article_key}\0{norm}\0{occurrence}".encode(), digest_size=5).hexdigest()
    return f"c{h}"


def checkworthiness(text: str, n_times: int) -> float:
    """A 0-1 score: how much a sentence looks like a checkable factual statement."""
    words = re.findall(r"\w[\w’'-]*", text)
    n = len(words)
    if n < 5:
        return 0.05
    score = 0.25
    if text.rstrip("\"”’' ").endswith("?"):
        score -= 0.3
    caps = len(_CAPWORD.findall(text))
    score += min(caps, 4) * 0.06
    if _NUMBER.search(text):
        score += 0.12
    if n_times:
        score += 0.15
    if _REPORTING.search(text):
        score += 0.1
    if _EVENT_VERB.search(text):
        score += 0.08
    if _OPINION.search(text):
        score -= 0.25
    if _FIRST_PERSON_ONLY.match(text) and caps == 0:
        score -= 0.15
    if n > 70:
        score -= 0.1
    if 10 <= n <= 50:
        score += 0.05
    return max(0.0, min(1.0, score))


_SAID_BY = re.compile(
    r"(?P<who>(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'-]+)\s+(?:has\s+|had\s+)?(?:said|says|told|stated|announced|confirmed|reported|added|noted|claimed|declared|warned)\b"
)
_SAID_AFTER = re.compile(r"[,\"”]\s*(?:said|says|told)\s+(?P<who>(?:[A-Z][\w’'.-]*\s*){1,5})")
_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<who>(?:the\s+)?(?:[\w’'-]+\s+){0,5}?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)"
)
_AS_REPORTED = re.compile(
    r"\bas\s+(?:reported|detailed|stated|announced)\s+by\s+(?P<who>(?:[\w’'-]+\s+){0,4}?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)"
)
_LEADING_TITLES = re.compile(
    r"^(?:The\s+)?(?:(?:Russian|Chinese|U\.S\.|US|American|British|French|German|Ukrainian)\s+)?(?:President|Prime\s+Minister|Minister|Spokesperson|Spokesman|Spokeswoman|Chancellor|Secretary|General|Chairman|Senator|Governor|Mayor)\s+"
)
_NOT_SPEAKER = frozenset({"It", "He", "She", "They", "We", "I", "This", "That", "There", "The", "But", "And"})


def find_speaker(text: str) -> str | None:
    """Who a sentence attributes its content to (first version: reporting-verb patterns)."""
    for rx in (_AS_REPORTED, _ACCORDING):
        m = rx.search(text)
        if m:
            return m["who"].strip()
    m = _SAID_AFTER.search(text)
    if m:
        return m["who"].strip()
    m = _SAID_BY.search(text)
    if m:
        who = m["who"].strip()
        first = who.split()[0]
        if first in _NOT_SPEAKER and len(who.split()) == 1:
            return None
        return who
    return None


def _times_for(article: Article) -> list[TimeRef]:
    from factcheck import temporal

    return temporal.tag(article.text, article.published)


def extract(
    article: Article, *, min_score: float = MIN_SCORE, times: list[TimeRef] | None = None
) -> list[Claim]:
    """Check-worthy claims of an article's body, in text order, with stable ids."""
    if times is None:
        times = _times_for(article)
    claims: list[Claim] = []
    seen: Counter[str] = Counter()
    ti = 0
    for seg in article.body_segments:
        for s, e in sentences.split_spans(article.text, seg.start, seg.end):
            text = article.text[s:e]
            while ti < len(times) and times[ti].end <= s:
                ti += 1
            when = [t for t in times[ti:] if t.start < e and t.end <= e and t.start >= s]
            score = checkworthiness(text, len(when))
            if score < min_score:
                continue
            norm = " ".join(text.split()).casefold()
            occ = seen[norm]
            seen[norm] += 1
            claims.append(
                Claim(
                    id=claim_id(article.key, text, occ),
                    article_id=article.id,
                    article_key=article.key,
                    start=s,
                    end=e,
                    text=text,
                    when=when,
                    speaker=find_speaker(text),
                    quote=bool(re.search(r"[\"“”]", text)),
                    stance=Stance.STATED,
                    score=score,
                )
            )
    return claims
