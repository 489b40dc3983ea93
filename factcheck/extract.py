"""Sentences -> check-worthy claims, with offsets into the article text, speaker, entities, stance, times.

Pipeline for one article (rules only, no NLP model):

1. body segments (ingest marks page furniture) -> sentences (``sentences.split_spans``), datelines
   ("MOSCOW (Reuters) -") trimmed off the first sentence;
2. entity mentions of every sentence, then one ``entities.Resolver`` for the article (aliases);
3. per sentence: attribution (``attribution.attribute``), split into two claims when it joins two
   separate facts ("X occurred in 2023, while Y visited Moscow"), stance and polarity
   (``stance.classify``), times from the temporal tagger, a check-worthiness score;
4. context: a quotation continuing across sentences inherits the quote's speaker; "He said"
   takes the last person speaker; ids are ``claim_id(id_basis_of(article), text, occurrence)``.

Fields of each Claim (see model.Claim):

- ``speaker``/``speaker_kind``: the innermost source of the content, i.e. who says it ("Vladimir
  Putin"/person, "Kremlin"/organisation, "five sources familiar with the matter"/anonymous,
  "Chinese state media"/media, "CNN"/outlet); None when the article states it in its own voice.
  Person speakers carry the article's canonical name ("Putin said" -> "Vladimir Putin").
- ``source_chain``: the reporting outlets, outermost first, then the source they cite:
  "Kyodo reported citing Russian news agency TASS" -> ["Kyodo", "TASS"]; "Reuters reported, citing
  five sources" -> ["Reuters", "five sources ..."]; "according to CNN" -> ["CNN"]; [] for a person or
  organisation speaking directly.
- ``quote``: the claim is (or contains) a direct quotation of three or more words; scare quotes
  ("glad") do not count.
- ``entities``: people, places, organisations and events named in the claim, aliases resolved within
  the article; ``Entity.key`` is the normalised canonical name (accents, case and punctuation dropped).
  Outlets that only report the claim are left out, so claims of one outlet do not look related.
- ``stance`` and ``polarity``: see ``stance.classify``; a speech verb "denied" makes the claim
  ``denied`` (-1), "vowed/pledged/promised" ``planned``, "confirmed/reported <figure>" ``occurred``.
- ``score``: check-worthiness 0-1 (``checkworthiness``); claims under ``min_score`` are not returned.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from factcheck import attribution, entities, sentences, stance
from factcheck.gazetteer import OUTLETS, trie_pattern
from factcheck.model import Article, Claim, Stance, TimeRef

MIN_SCORE = 0.35  # below this a sentence is not offered as a claim

_NUMBER = re.compile(
    r"\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?|billions?)\b"
)
_HEADLINE_SOURCE = re.compile(r"^[A-Z][\w.&' ]{1,30}:\s+")
_HEADLINE_TO = re.compile(r"^[^,:]{0,60}?\b[A-Za-z’'-]+\s+to\s+(?!be\b|the\b|a\b)[a-z]{3,}\b")
_HEADLINE_PRESENT = re.compile(r"^(?:[A-Z][\w’'-]*\s+){1,3}(?:[a-z]+\s+)??(?![a-z]*ss\b)[a-z]{3,}(?<!ss)s\b")
TITLE_BONUS = 0.05


def _sentence_case(headline: str) -> str:
    """ "Texas Lifer Escapes Prison Van" / "LIFER ESCAPES PRISON VAN" -> "Texas lifer escapes prison van", so
    that the headline verb patterns see the verb in lower case; other headlines are returned unchanged."""
    words = headline.split()
    caps = sum(1 for w in words if w[:1].isupper())
    if len(words) < 3 or caps < 0.7 * len(words):
        return headline
    return " ".join([words[0][:1] + words[0][1:].lower(), *(w.lower() for w in words[1:])])


_DENY_VERBS = frozenset({"denied", "denies", "deny"})
_TALLY_VERBS = frozenset({"confirmed", "confirms", "reported", "reports", "recorded", "registered"})
_TALLY = re.compile(r"\s*(?:about|at\s+least|more\s+than|nearly|almost|some|over|a\s+further|another)?\s*\d")
_FIRST_PERSON = re.compile(r"^[\"“'‘]?(?:I|We|You|Let's|Let us)\b")
_BOILERPLATE = re.compile(
    r"\b(?:click|subscribe|sign\s+up|follow\s+us|read\s+more|read\s+also|newsletter|contact\s+us|email\s+us|"
    r"all\s+rights\s+reserved|this\s+(?:story|article)\s+(?:has\s+been|was)\s+updated|editing\s+by|"
    r"(?:additional\s+)?reporting\s+by|writing\s+by|compiled\s+by|for\s+more\s+(?:news|stories|information)|"
    r"download\s+(?:our|the)\s+app|watch\s+(?:the\s+)?video|listen\s+to|share\s+this|cookies?)\b",
)
_LOWER_WORDS = re.compile(r"[a-z][a-z’'-]*")
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten dozen dozens hundred hundreds thousand thousands million "
    "millions billion billions".split()
)
_SUPERLATIVES = frozenset(
    "most least largest biggest highest lowest fastest first last record worst best strongest deadliest longest "
    "oldest youngest only all-time".split()
)
_OPINION_WORDS = frozenset(
    """personally frankly arguably undoubtedly amazing awesome terrible wonderful beautiful shocking disgraceful
    ridiculous brilliant outrageous stunning incredible travesty disgrace fantastic perfect perfectly great
    excellent horrible awful sad unacceptable happy unhappy pleased proud delighted disappointed disappointing
    thrilled upset""".split()
)
_OPINION_TRIGGERS = frozenset({"i", "we", "called", "opinion", "needless"})
_OPINION = re.compile(
    r"\b(?:i|we)\s+(?:think|believe|feel|hope|guess|love|like|wonder)\b|\bin\s+my\s+opinion\b|"
    r"\bneedless\s+to\s+say\b|\bcalled\s+(?:the|it|this|that|his|her|their)\b[^.,;]{0,40}?\b(?:an?)\s"
)
_BOILER_WORDS = frozenset({"click", "subscribe", "newsletter", "cookie", "cookies"})
_BOILER_TRIGGERS = frozenset(
    "sign follow read contact email rights updated editing reporting writing compiled more download watch listen "
    "share".split()
)
# The words of the sets above that occur as whole words of ``_LOWER_WORDS`` in " " + the lower-cased
# sentence: a word of it starts after a character that is not [a-z’'-], or after ’'- marks that follow
# one, and ends before one. Only these words matter, so the scoring need not split the whole sentence.
_SCORE_VOCAB = (
    _NUMBER_WORDS | _SUPERLATIVES | _OPINION_WORDS | _OPINION_TRIGGERS | _BOILER_WORDS | _BOILER_TRIGGERS
)
_VOCAB_WORDS = re.compile(r"[^a-z’'-][’'-]*(" + trie_pattern(_SCORE_VOCAB) + r")(?![a-z’'-])")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\- ]{1,40}?(?:,\s*[A-Z][\w.]+(?:\s+\d{1,2})?)?\s*\([A-Z][\w&.' ]{1,30}\)|"
    r"[A-Z]{3,}(?:[ ,]+[A-Z]{2,}){0,3}(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2})?)\s*[:\-–—]+\s+",
    re.M,
)
_WORDS = re.compile(r"\w[\w’'-]*")
_SPLIT_AT = re.compile(
    r";\s+|,\s+(?:while|whereas)\s+|,\s+and\s+(?=(?:the\s+)?(?:[A-Z][\w’'-]+\s+){1,3}"
    r"(?:has|have|had|was|were|is|are|will|said|says|also|[a-z]+ed)\b)"
)
_QUOTE_CHARS = '"“”'
_QUOTED = re.compile(r"[“\"]([^“”\"]+)[”\"]")
_OPEN_QUOTE_CHARS = ('"', "“", "‘", "'")
_PRONOUN_KIND = {
    "he": ("person",),
    "she": ("person",),
    "they": ("person", "organisation", "anonymous"),
    "it": ("organisation", "outlet", "media"),
}


def claim_id(basis: str, text: str, occurrence: int) -> str:
    """A claim's id: from its article's content (``id_basis_of``), its normalised text and its occurrence."""
    return _claim_id(basis, _norm(text), occurrence)


def id_basis_of(article: Article) -> str:
    """What claim ids are made from: the article's content hash, so that the same text gives the same ids
    wherever it lies and whichever folder the batch was opened from; a second copy of a text in one batch
    uses its key instead, so that the two copies' claims stay apart."""
    return article.key if article.duplicate_of else article.id


def _norm(text: str) -> str:
    """``" ".join(text.split()).casefold()``. Every whitespace character but the space is unprintable, so a
    printable text with no double space and no space at either end is already joined by single spaces."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text.casefold()
    return " ".join(text.split()).casefold()


def _claim_id(article_key: str, norm: str, occurrence: int) -> str:
    h = hashlib.blake2b(f"{article_key}\0{norm}\0{occurrence}".encode(), digest_size=5).hexdigest()
    return f"c{h}"


def checkworthiness(
    text: str,
    n_times: int,
    *,
    n_entities: int | None = None,
    attributed: bool = False,
    event: Stance | None = None,
    quote_speaker: bool = False,
) -> float:
    """A 0-1 score: how much a sentence looks like a checkable factual statement.

    Questions, boilerplate, first-person chatter and pure opinion score low; named entities,
    figures, dates, attribution and a reported event (occurred/planned/denied...) score high.
    """
    return _cw_finish(_cw_features(text, n_times, n_entities, attributed, quote_speaker), event)


# what checkworthiness knows before the stance: the score so far and the terms still to apply
_CwFeatures = tuple[float, bool, int, bool, bool, bool, int]


def _cw_features(
    text: str, n_times: int, n_entities: int | None, attributed: bool, quote_speaker: bool
) -> _CwFeatures | None:
    """None for a sentence too short to be a claim."""
    n = text.count(" ") + 1
    if n < 5:
        return None
    score = 0.2
    if "?" in text and text.rstrip("\"”’' )").endswith("?"):
        score -= 0.35
    if n_entities is None:
        n_entities = len(re.findall(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-zA-Z’'-]+", text))
    if n_entities:
        score += 0.12 + min(n_entities - 1, 3) * 0.06
    low = text.lower()
    words = set(_VOCAB_WORDS.findall(" " + low))  # (the sentence's words that are in _SCORE_VOCAB)
    has_num = _has_digit(low) or not words.isdisjoint(_NUMBER_WORDS)
    has_sup = not words.isdisjoint(_SUPERLATIVES)
    n_op = len(words & _OPINION_WORDS)
    if not words.isdisjoint(_OPINION_TRIGGERS):
        n_op += len(_OPINION.findall(low))
    boiler = not words.isdisjoint(_BOILER_WORDS) or (
        not words.isdisjoint(_BOILER_TRIGGERS) and _BOILERPLATE.search(low) is not None
    )
    if has_num:
        score += 0.1
    if has_sup:
        score += 0.06
    if n_times:
        score += 0.12
    if attributed:
        score += 0.1
    judgement = quote_speaker and not has_num and n_entities <= 1
    first_person = n_entities == 0 and _FIRST_PERSON.match(text) is not None
    return score, quote_speaker, n_op, judgement, first_person, boiler, n


def _has_digit(s: str) -> bool:
    """``_DIGIT.search(s) is not None``. Substring scans for the ASCII digits are far cheaper than the
    pattern's Unicode test at every character; only a text with non-ASCII characters can hold another
    decimal digit ("٣"), and only there the pattern runs."""
    for d in "0123456789":  # (a plain loop: faster than any() over a generator)
        if d in s:
            return True
    return not s.isascii() and _DIGIT.search(s) is not None


def _cw_finish(f: _CwFeatures | None, event: Stance | None) -> float:
    """The score once the stance is known (the terms applied in a fixed order: identical floats)."""
    if f is None:
        return 0.05
    score, quote_speaker, n_op, judgement, first_person, boiler, n = f
    if event is not None and event is not Stance.STATED:
        score += 0.03 if event is Stance.HYPOTHETICAL else 0.12
    if quote_speaker:
        score += 0.08
    score -= 0.2 * min(2, n_op)
    if judgement and event is Stance.STATED:
        score -= 0.15  # a quoted judgement ("This verdict is a travesty," he said)
    if first_person:
        score -= 0.1
    if boiler:
        score -= 0.4
    if n > 70:
        score -= 0.1
    if 8 <= n <= 50:
        score += 0.05
    return round(max(0.0, min(1.0, score)), 3)


def find_speaker(text: str) -> str | None:
    """Who a sentence attributes its content to (context-free; see ``extract`` for context)."""
    att = attribution.attribute(text)
    return att.speaker if att else None


def _times_for(article: Article) -> list[TimeRef]:
    from factcheck import temporal

    return temporal.tag(article.text, article.published)


@dataclass(slots=True)
class _Sent:
    start: int
    end: int
    line: int  # index of the paragraph (body segment) it belongs to
    title: bool = False  # a headline: headline grammar ("Putin to visit China", "Quake kills 41")
    mentions: list[entities.Mention] = field(default_factory=list)


def _sentences(article: Article) -> list[_Sent]:
    out: list[_Sent] = []
    text = article.text
    for li, seg in enumerate(article.claim_segments):
        for s, e in sentences.spans(text, seg.start, seg.end):
            # (_DATELINE opens with ^ under re.M: only a sentence at the start of a line can match)
            m = _DATELINE.match(text, s, e) if s == 0 or text[s - 1] == "\n" else None
            if m and m.end() < e - 10:
                s = m.end()
            out.append(_Sent(s, e, li, title=seg.kind == "title"))
    return out


def _fact_spans(text: str) -> list[tuple[int, int]]:
    """Offsets (in ``text``) of the separate facts a sentence reports; usually just one."""
    if ";" not in text and "," not in text:  # every split point starts with one of them
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    cur = 0
    for m in _SPLIT_AT.finditer(text):
        left = text[cur : m.start()]
        right = text[m.end() :]
        if len(_WORDS.findall(left)) < 6 or len(_WORDS.findall(right)) < 6:
            continue
        # inside an open quotation the clauses belong together
        if left.count("“") > left.count("”") or text[: m.start()].count('"') % 2:
            continue
        spans.append((cur, m.start()))
        cur = m.end()
    spans.append((cur, len(text)))
    return spans


def _quote_words(text: str) -> int:
    if '"' not in text and "“" not in text:
        return 0
    return max((len(_WORDS.findall(q)) for q in _QUOTED.findall(text)), default=0)


def _quotes_three_words(text: str) -> bool:
    """``_quote_words(text) >= 3``: stops at the third word of a quotation instead of listing every word."""
    if '"' not in text and "“" not in text:
        return False
    for q in _QUOTED.findall(text):
        words = _WORDS.finditer(q)
        if next(words, None) and next(words, None) and next(words, None):
            return True
    return False


def _open_quote_after(text: str) -> bool:
    """True when a quotation opened in this sentence is still open at its end."""
    if '"' not in text and "“" not in text:
        return False
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


_UNVEIL_VERBS = frozenset({"announced", "announces", "unveiled", "unveils"})
# a declaration that is an act, not a statement: "declared a state of emergency", "declared war on"
_DECLARED_ACT = re.compile(
    r"\bdeclared?s?\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}(?:emergency|war|martial\s+law|independence|bankruptcy|"
    r"ceasefire|truce|curfew|disaster|victory|lockdown|pandemic|holiday|mourning|candidacy|insolvency)\b",
    re.I,
)


def extract(
    article: Article, *, min_score: float = MIN_SCORE, times: list[TimeRef] | None = None
) -> list[Claim]:
    """Check-worthy claims of an article's body, in text order, with stable ids."""
    if times is None:
        times = _times_for(article)
    text = article.text
    sents = _sentences(article)
    for st in sents:
        st.mentions = entities.mentions(text, st.start, st.end)
    resolver = entities.Resolver([m for st in sents for m in st.mentions])

    claims: list[Claim] = []
    seen: Counter[str] = Counter()
    ti = 0
    n_times = len(times)
    last_person: str | None = None
    last_by_kind: dict[str, str] = {}
    prev_quote_speaker: tuple[str, str] | None = None  # speaker, kind of the previous sentence's quotation
    prev_line = -1
    in_open_quote = False
    pending: list[Claim] = []  # claims inside an open quotation still waiting for their speaker
    for st in sents:
        sent = text[st.start : st.end]
        whole = attribution.attribute(sent)
        starts_quote = sent[:1] in _OPEN_QUOTE_CHARS
        long_quote = _quotes_three_words(sent)  # a quotation of three words or more
        if in_open_quote and st.line != prev_line and not starts_quote:
            in_open_quote, pending = False, []  # a new paragraph without a quote mark: the quotation ended
        was_open = in_open_quote
        continuing = in_open_quote or (
            starts_quote
            and sent.rstrip().endswith(tuple(_QUOTE_CHARS + "’'"))
            and (whole is None or (whole.speaker is None and whole.pronoun is None))
            and prev_quote_speaker is not None
            and st.line - prev_line <= 1
        )
        parts = _fact_spans(sent)
        sent_claims: list[Claim] = []
        for ps, pe in parts:
            s, e = st.start + ps, st.start + pe
            while e > s and text[e - 1] in " ,;":
                e -= 1
            ptext = text[s:e]
            att = whole if len(parts) == 1 else (attribution.attribute(ptext) or whole)
            speaker = kind = None
            chain: list[str] = []
            mask: list[tuple[int, int]] = []
            if att is not None:
                speaker, kind, chain = att.speaker, att.kind, list(att.chain)
                off = st.start - s if att is whole and len(parts) > 1 else 0
                mask = [(a + off, b + off) for a, b in att.spans]
                if att.content is not None and not starts_quote:
                    cs, ce = att.content[0] + off, att.content[1] + off
                    if ce - cs >= 15:  # analyse only what is reported, not the framing clause
                        mask += [(0, cs), (ce, len(ptext))]
                if att.pronoun and speaker is None:
                    allowed = _PRONOUN_KIND.get(att.pronoun, ())
                    if att.pronoun in ("he", "she") and last_person:
                        speaker, kind = last_person, "person"
                    else:
                        for k in allowed:
                            if k in last_by_kind:
                                speaker, kind = last_by_kind[k], k
                                break
            if st.title and att is None:
                hs = _HEADLINE_SOURCE.match(ptext)
                src = attribution.classify_source(hs.group(0).rstrip(": ")) if hs else None
                if src is not None and src.kind in ("outlet", "media"):
                    speaker, kind, chain = src.name, src.kind, [src.name]  # "Reuters: Putin to visit China"
            is_quote = long_quote or continuing
            if speaker is None and continuing and prev_quote_speaker is not None:
                speaker, kind = prev_quote_speaker
            while ti < len(times) and times[ti].end <= st.start:
                ti += 1
            when = []
            for tk in range(ti, n_times):  # times are sorted by start
                t = times[tk]
                if t.start > e:
                    break
                if t.start >= s and t.end <= e:
                    when.append(t)
            # (one part: every mention of the sentence; a name never ends on the " ,;" trimmed off)
            ms = st.mentions if len(parts) == 1 else [m for m in st.mentions if m.start >= s and m.end <= e]
            ents = [en for en in resolver.entities(ms) if not (en.kind == "org" and en.name in OUTLETS)]
            if speaker and kind in ("person", "organisation"):
                canon = resolver.canonical_person(speaker)
                if canon in resolver.persons and not (
                    kind == "organisation" and (f"the {speaker}" in ptext or f"The {speaker}" in ptext)
                ):  # "Park said" is Linda Park, not a park; "the Red Crescent said" stays an organisation
                    speaker, kind = canon, "person"
                elif kind == "person" and " " not in speaker and resolver.orgs.get(speaker):
                    kind = "organisation"  # "United have not commented" after "Manchester United"
            feats = _cw_features(
                ptext, len(when), len(ents), speaker is not None, is_quote and speaker is not None
            )
            if st.title and feats is not None:
                feats = (feats[0] + TITLE_BONUS, *feats[1:])  # a headline states the article's main claim
            # the stance only matters for a claim that is kept: skip it when even the best stance
            # (an event: +0.12) leaves the sentence under min_score (stance is not used as context)
            best = _cw_finish(feats, Stance.OCCURRED)
            if best < min_score:
                st_val, polarity = Stance.STATED, 1
            else:
                reported = att is not None and (att.verb is not None or att.pronoun is not None)
                announce = att is not None and att.verb in stance._ANNOUNCE_VERBS
                st_val, polarity = stance.classify(
                    ptext, reported=reported or is_quote, announce=announce, mask=mask
                )
                if st.title and st_val is Stance.STATED:
                    # headline grammar: "Putin to visit China" is planned, "Quake kills 41" occurred
                    body = _sentence_case(_HEADLINE_SOURCE.sub("", ptext))
                    to, pres = _HEADLINE_TO.search(body), _HEADLINE_PRESENT.search(body)
                    # "Rail workers to strike": the -s word right before "to" is a plural subject, not a verb
                    if to and (
                        pres is None or to.end() < pres.end() or body[pres.end() :].startswith(" to ")
                    ):
                        st_val = Stance.PLANNED
                    elif pres:
                        st_val = Stance.OCCURRED
                if att is not None and att.verb in _DENY_VERBS and att.speaker is not None:
                    st_val, polarity = Stance.DENIED, -1  # "The ministry denied that troops had crossed"
                elif att is not None and att.verb in attribution.COMMISSIVE_VERBS and st_val is Stance.STATED:
                    st_val = Stance.PLANNED  # "Putin has vowed to respond"
                elif (
                    st_val is Stance.STATED
                    and att is not None
                    and att.verb in _TALLY_VERBS
                    and att.content is not None
                    and _TALLY.match(sent, att.content[0])
                ):
                    st_val = (
                        Stance.OCCURRED
                    )  # "Officials confirmed 14 new cases", "the agency reported 97 cases"
                elif st_val is Stance.STATED and att is not None and att.verb in _UNVEIL_VERBS:
                    st_val = Stance.ANNOUNCED  # "Berlin announced a 200 billion euro support package"
                elif (
                    st_val is Stance.STATED
                    and att is not None
                    and att.verb in ("declared", "declares")
                    and _DECLARED_ACT.search(ptext)
                ):
                    st_val = Stance.OCCURRED  # "Gov. Jay Inslee declared a state of emergency on Jan. 18"
            # every stance but stated/hypothetical scores like an occurred event (same terms, same floats)
            score = _cw_finish(feats, st_val) if st_val in (Stance.STATED, Stance.HYPOTHETICAL) else best
            sent_claims.append(
                Claim(
                    id="",
                    article_id=article.id,
                    article_key=article.key,
                    start=s,
                    end=e,
                    text=ptext,
                    when=when,
                    speaker=speaker,
                    speaker_kind=kind,
                    source_chain=chain,
                    quote=is_quote,
                    entities=ents,
                    stance=st_val,
                    score=score,
                    polarity=polarity,
                )
            )
        # context for the next sentences
        for c in sent_claims:
            if c.speaker and c.speaker_kind:
                last_by_kind[c.speaker_kind] = c.speaker
                if c.speaker_kind == "person":
                    last_person = c.speaker
        if whole is None:
            for c in sent_claims:
                if c.speaker_kind == "person":
                    break
            else:
                persons = [en.name for c in sent_claims for en in c.entities if en.kind == "person"]
                if persons:
                    last_person = persons[0]
        first = sent_claims[0]
        if was_open:
            # inside a quotation opened earlier: its speaker, once named, is every part's speaker
            if first.speaker:
                for pc in pending:
                    pc.speaker, pc.speaker_kind, pc.quote = first.speaker, first.speaker_kind, True
                pending = []
            else:
                pending.extend(sent_claims)
            if "”" in sent or sent.count('"') % 2 == 1:
                in_open_quote, pending = False, []  # the quotation closes in this sentence
        elif _open_quote_after(sent):
            in_open_quote = True
            pending = list(sent_claims) if first.speaker is None else []
        # who speaks in a quotation that follows: the speaker of a quotation, or of reported speech
        # ("Brooks said the outbreak was preventable." then '"We are urging every parent..."')
        quote_sp: tuple[str, str] | None = None
        for c in sent_claims:
            if c.speaker and c.speaker_kind in ("person", "organisation") and (c.quote or whole is not None):
                quote_sp = (c.speaker, c.speaker_kind)
                break
        prev_quote_speaker = quote_sp if quote_sp else (prev_quote_speaker if continuing else None)
        prev_line = st.line
        claims.extend(sent_claims)

    out: list[Claim] = []
    id_basis = id_basis_of(article)
    for c in claims:
        if c.score < min_score:
            continue
        norm = _norm(c.text)
        occ = seen[norm]
        seen[norm] += 1
        c.id = _claim_id(id_basis, norm, occ)
        out.append(c)
    return out


__all__ = ["MIN_SCORE", "checkworthiness", "claim_id", "extract", "find_speaker"]
