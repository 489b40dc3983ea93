"""Suggestions inside one group: a later report supersedes a plan or expectation; two reports conflict."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.grouping.features import _ANTE, _content_tokens, _numbers, article_language
from factcheck.grouping.params import DEFAULT, Params
from factcheck.grouping.times import _date_values, _month_key, _times_conflict
from factcheck.model import Article, Claim, Stance, Suggestion


def _source_label(article: Article | None, key: str) -> str:
    if article is None:
        return key
    date = article.published.isoformat() if article.published else "date unknown"
    return f"{article.outlet or key} ({date})"


def suggestions(
    claims: Sequence[Claim], articles: Mapping[str, Article], p: Params = DEFAULT
) -> list[Suggestion]:
    """Supersession and conflict suggestions inside one group, ordered by publication date."""

    def pub(c: Claim) -> str:
        a = articles.get(c.article_key)
        return a.published.isoformat() if a and a.published else ""

    ordered = sorted(claims, key=lambda c: (pub(c) or "9999", c.article_key, c.start))
    out: list[Suggestion] = []
    later_occurred = [c for c in ordered if c.stance == Stance.OCCURRED]
    months = {c.id: [v for v in _date_values(c) if _month_key(v)] for c in claims}
    langs = {k: article_language(articles.get(k)) for k in {c.article_key for c in claims}}
    tokens = {c.id: set(_content_tokens(c.text, langs[c.article_key])) for c in claims}

    def overlap(a: Claim, b: Claim) -> int:
        return len(tokens[a.id] & tokens[b.id])

    for c in ordered:
        if c.stance in _ANTE or c.stance in (Stance.UNCONFIRMED,):
            # the later report that says it occurred, among those that tell of the same thing in so many
            # words (a group is a story's event: not every member restates the plan it fulfils)
            # (or in fewer words at an agreeing month: "will likely arrive in China in the second half of
            # May" and "embarked on a state visit to China on Thursday")
            fits = []
            for o in later_occurred:
                if o.article_key == c.article_key:
                    continue
                po, pc = pub(o), pub(c)
                if po and pc and po < pc:
                    continue
                if months[c.id] and months[o.id] and _times_conflict(months[c.id], months[o.id]):
                    continue
                timed = bool(months[c.id] or months[o.id])  # a month, and no month against it
                if overlap(c, o) < (p.suggest_min_overlap - 1 if timed else p.suggest_min_overlap):
                    continue
                fits.append(o)
            for o in sorted(fits, key=lambda o: -overlap(c, o))[:1]:
                dates = [t.text for t in o.when if t.type in ("DATE", "TIME")]
                when = f" ({dates[0]})" if dates else ""
                out.append(
                    Suggestion(
                        "supersedes",
                        c.id,
                        o.id,
                        f"{_source_label(articles.get(c.article_key), c.article_key)} reported it as {c.stance}; "
                        f"{_source_label(articles.get(o.article_key), o.article_key)} reports it occurred{when}",
                    )
                )
    numbers = {c.id: _numbers(c) for c in claims}
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a.article_key == b.article_key or overlap(a, b) < p.suggest_min_overlap:
                continue  # a disagreement only between claims that tell of the same thing
            ta, tb = months[a.id], months[b.id]
            if ta and tb and _times_conflict(ta, tb):
                out.append(Suggestion("conflicts", a.id, b.id, f"times disagree: {ta[0]} vs {tb[0]}"))
                continue
            na, nb = numbers[a.id], numbers[b.id]
            if na and nb and not (na & nb):
                out.append(
                    Suggestion(
                        "conflicts", a.id, b.id, f"figures disagree: {sorted(na)[0]} vs {sorted(nb)[0]}"
                    )
                )
    return out
