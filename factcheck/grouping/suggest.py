"""Suggestions inside one group, each only with evidence and each saying why in one line that names the
claims by a short quote of their own words (their time phrases left out):

- ``supersedes``: a later report says occurred what an earlier one expected, planned or left unconfirmed,
  and the two tell of the same event (they share its participants and action words, and no month of
  theirs disagrees);
- ``conflicts``: two reports of the same fact (mostly the same words, apart from figures and times) give
  different values: figures of the same unit after normalising ("60%" = "60 per cent" = "60"), or months
  that cannot be the same time.

Neither is suggested between two claims that name events of different kinds only (``events.py``: "Page
will be buried at Westwood Cemetery" is not superseded by "Page has died in Los Angeles"; a count of the
dead does not conflict with a count of arrests), nor between reports published more than
``Params.suggest_pub_days`` apart unless their own words place them at one time (both state a month, or one
states the month the other was published in): a poll's figures weeks later are another poll, not a
disagreement, and a forecast that names no time is rarely what a report weeks later says happened. The same
two sentences carried by two pairs of articles (wire copy, live blogs that repeat their entries) are
suggested once. Two figures or times disagree only between two texts: not when one of the two articles
carries both (different) sentences itself (a page saved twice, a reprint with a box added, live blogs that
repeat each other's entries: one text saying both, as inside one article). Likewise a plan is not
superseded by a later report when its own article already carries that report's sentence (an updated story
keeping its earlier lines is still a later report).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from factcheck.grouping.events import different_events, event_kinds
from factcheck.grouping.features import _ANTE, languages
from factcheck.grouping.figures import Figure, disagree, figures
from factcheck.grouping.params import DEFAULT, Params
from factcheck.grouping.times import _date_values, _month_key, _times_conflict
from factcheck.grouping.words import _content_tokens, stopwords
from factcheck.model import Article, Claim, Stance, Suggestion

QUOTE_WORDS = 8  # words of a claim quoted in a suggestion's reason


def quote(claim: Claim, words: int = QUOTE_WORDS) -> str:
    """The first words of a claim with its time phrases cut out, in quotation marks: "Foundry Ltd is
    expected to cut 1,200 jobs at…"."""
    text = claim.text
    for t in sorted((t for t in claim.when if t.type in ("DATE", "TIME")), key=lambda t: -t.start):
        s, e = t.start - claim.start, t.end - claim.start
        if 0 <= s < e <= len(text):
            text = text[:s] + text[e:]
    parts = text.split()
    cut = " ".join(parts[:words]).rstrip(",;:")
    return f"“{cut}{'…' if len(parts) > words else ''}”"


def _source_label(article: Article | None, key: str) -> str:
    if article is None:
        return key
    date = article.published.isoformat() if article.published else "date unknown"
    return f"{article.outlet or key}, {date}"


_WORDS = re.compile(r"[^\W_]+")


def _wording(text: str) -> str:
    """A sentence's words, case and punctuation aside: two articles carrying one sentence word for word."""
    return " ".join(_WORDS.findall(text.casefold()))


def _shown(f: Figure) -> str:
    return f"{f.value}{'%' if f.unit == '%' else (' ' + f.unit if f.unit else '')}"


def suggestions(
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    p: Params = DEFAULT,
    langs: Mapping[str, str | None] | None = None,
) -> list[Suggestion]:
    """Supersession and conflict suggestions inside one group, ordered by publication date. ``langs``: the
    articles' languages when the caller knows them already."""

    def pub(c: Claim) -> str:
        a = articles.get(c.article_key)
        return a.published.isoformat() if a and a.published else ""

    ordered = sorted(claims, key=lambda c: (pub(c) or "9999", c.article_key, c.start))
    out: list[Suggestion] = []
    later_occurred = [c for c in ordered if c.stance == Stance.OCCURRED]
    months = {c.id: [v for v in _date_values(c) if _month_key(v)] for c in claims}
    month_keys = {c.id: {_month_key(v) for v in months[c.id]} for c in claims}
    langs = languages(claims, articles) if langs is None else langs
    tokens = {c.id: set(_content_tokens(c.text, langs[c.article_key])) for c in claims}
    kinds = {c.id: event_kinds(c.text, langs[c.article_key]) for c in claims}

    def other_event(a: Claim, b: Claim) -> bool:
        return different_events(kinds[a.id], kinds[b.id])

    def overlap(a: Claim, b: Claim) -> int:
        return len(tokens[a.id] & tokens[b.id])

    def dice(a: Claim, b: Claim) -> float:
        n = len(tokens[a.id]) + len(tokens[b.id])
        return 2 * overlap(a, b) / n if n else 0.0

    def label(c: Claim) -> str:
        return _source_label(articles.get(c.article_key), c.article_key)

    def apart(a: Claim, b: Claim) -> bool:
        """Published more than ``suggest_pub_days`` apart, and not placed at one time by their own words:
        both state a month (then their months tell whether they can be of one event), or one states the
        month the other was published in ("is to be sentenced May 3" and a report of May 3)."""
        pa, pb = articles.get(a.article_key), articles.get(b.article_key)
        if not (pa and pb and pa.published and pb.published) or (months[a.id] and months[b.id]):
            return False
        if (
            pa.published.strftime("%Y-%m") in month_keys[b.id]
            or pb.published.strftime("%Y-%m") in month_keys[a.id]
        ):
            return False
        return abs((pa.published - pb.published).days) > p.suggest_pub_days

    wording = {c.id: _wording(c.text) for c in claims}
    carried: dict[str, set[str]] = {}  # a wording -> the articles of the group that carry it
    for c in claims:
        carried.setdefault(wording[c.id], set()).add(c.article_key)

    def holds(a: Claim, b: Claim) -> bool:
        """``a``'s article carries ``b``'s sentence too, word for word, beside its own other sentence (one
        sentence in two articles read at two times is two texts)."""
        return wording[a.id] != wording[b.id] and a.article_key in carried[wording[b.id]]

    made: set[tuple[str, str, str]] = set()  # (kind, the two claims' wordings): one suggestion each

    def add(kind: str, a: Claim, b: Claim, why: str) -> None:
        key = (kind, wording[a.id], wording[b.id])
        if key not in made:
            made.add(key)
            out.append(Suggestion(kind, a.id, b.id, why))

    for c in ordered:
        if c.stance in _ANTE or c.stance in (Stance.UNCONFIRMED,):
            # the later report that says it occurred, among those that tell of the same event in so many
            # words (or in fewer words at an agreeing month: "will likely arrive in China in the second
            # half of May" and "embarked on a state visit to China on Thursday")
            fits = []
            for o in later_occurred:
                if o.article_key == c.article_key or holds(c, o):
                    continue
                po, pc = pub(o), pub(c)
                if po and pc and po < pc:
                    continue
                if months[c.id] and months[o.id] and _times_conflict(months[c.id], months[o.id]):
                    continue
                timed = bool(months[c.id] or months[o.id])  # a month, and no month against it
                if overlap(c, o) < (p.suggest_min_overlap - 1 if timed else p.suggest_min_overlap):
                    continue
                if dice(c, o) < p.supersede_min_share or other_event(c, o) or apart(c, o):
                    continue
                fits.append(o)
            for o in sorted(fits, key=lambda o: (-dice(c, o), -overlap(c, o), o.id))[:1]:
                why = f"{quote(c)} ({label(c)}) is {c.stance}; {quote(o)} ({label(o)}) says it occurred"
                add("supersedes", c, o, why)
    figs: dict[str, list[Figure]] = {}

    def figures_of(c: Claim) -> list[Figure]:
        if c.id not in figs:
            lang = langs.get(c.article_key)
            skip = [(t.start - c.start, t.end - c.start) for t in c.when]
            figs[c.id] = figures(c.text, lang, skip, stopwords(lang))
        return figs[c.id]

    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if (
                a.article_key == b.article_key
                or overlap(a, b) < p.suggest_min_overlap
                or holds(a, b)
                or holds(b, a)
            ):
                continue
            if dice(a, b) < p.conflict_min_share or other_event(a, b) or apart(a, b):
                continue  # a disagreement only between two reports of the same fact, at the same time
            ta, tb = months[a.id], months[b.id]
            # a plan and a report of what happened are not two reports of one time ("will call tomorrow",
            # "arrested on Thursday"): only reports looking the same way can disagree on when
            if ta and tb and (a.stance in _ANTE) == (b.stance in _ANTE) and _times_conflict(ta, tb):
                add("conflicts", a, b, f"times disagree: {quote(a)} says {ta[0]}, {quote(b)} says {tb[0]}")
                continue
            pair = disagree(figures_of(a), figures_of(b))
            if pair:
                fa, fb = pair
                add(
                    "conflicts",
                    a,
                    b,
                    f"figures disagree: {quote(a)} says {_shown(fa)}, {quote(b)} says {_shown(fb)}",
                )
    return out
