"""The article's kind, from what the page says about itself: a piece of opinion, analysis or review.

A news report tells what happened; a column, an op-ed, an analysis or a review gives its writer's reading of it.
The writer's own sentences in such a piece ("The real question is who will pay for it.") are the piece's argument,
not facts it reports, while the facts, figures, events and quotations it cites stay checkable. The page says which
kind it is in three places, each read from the language's ``article_kind`` resource (English's, with the article's
own language's added):

- its address: a section of the URL's path (``/opinion/``, ``/commentisfree/``, ``/reviews/``) or the first label
  of its host (``opinion.example.com``), ``sections``;
- a label over or beside its headline: a kicker line, the title's opening or a part of the title after a separator
  ("Opinion", "Analysis: ...", "Review | ...", "Why the plan fails | Opinion"), ``labels``;
- the writer's note at its foot: a columnist's byline ("Jane Doe is a columnist for ...") or the disclaimer that
  the views are the writer's own ("The views expressed are the author's own."), ``signed``.

Nothing here depends on Textual.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from factcheck.lang import resource
from factcheck.model import Article

# how far into the text a label line is looked for (a kicker stands over the headline or just under it), and how
# long a line may be to be a byline or a disclaimer (a paragraph of the story that names a columnist is longer)
_LABEL_LINES = 3
_LABEL_CHARS = 600
_SIGNED_CHARS = 300


@dataclass(frozen=True)
class _KindVocab:
    sections: frozenset[str]  # a URL path section (lower case): the page filed as opinion, analysis, review
    label: re.Pattern[str] | None  # a kicker line or the title's opening label, matched at the start
    title_part: re.Pattern[str] | None  # a label as a part of the title after a separator
    signed: re.Pattern[str] | None  # a byline or disclaimer line of the writer's own views, searched
    signed_hints: tuple[str, ...]  # a line holds one of them (lower case) for ``signed`` to be tried on it


def _either(patterns: list[str]) -> re.Pattern[str] | None:
    # (multiline: "^" opens a line when a line of the text is searched from its start)
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I | re.M) if patterns else None


# a headline's separators: a colon or a bar after a label ("Opinion: ...", "Review | ..."), a spaced dash
_AFTER_LABEL = r"\s*(?:$|[:|]\s*|\s[-–—]\s)"
_BEFORE_PART = r"\s(?:[|]|[-–—])\s*"


@functools.cache
def _vocab(lang: str | None) -> _KindVocab:
    tables = [resource("en", "article_kind")]
    if lang and lang != "en":
        tables.append(resource(lang, "article_kind"))
    sections: set[str] = set()
    labels: list[str] = []
    signed: list[str] = []
    hints: list[str] = []
    for t in tables:
        sections.update(s.lower() for s in t.get("view_piece", {}).get("sections", []))
        labels.extend(t.get("view_piece", {}).get("labels", []))
        signed.extend(t.get("view_piece", {}).get("signed", []))
        hints.extend(t.get("view_piece", {}).get("signed_hints", []))
    words = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(labels, key=len, reverse=True))
    return _KindVocab(
        frozenset(sections),
        re.compile(f"(?:{words}){_AFTER_LABEL}", re.I) if labels else None,
        re.compile(f"{_BEFORE_PART}(?:{words})\\s*(?:$|{_BEFORE_PART})", re.I) if labels else None,
        _either(signed),
        tuple(hints),
    )


def url_says_view(url: str | None, lang: str | None = None) -> bool:
    """Whether the page's address files it under opinion, analysis or review: a section of its path before the
    last one (the last is the story's own slug: "/opinion/2020/..." files it, ".../why-the-opinion-polls-..." does
    not), or the first label of its host ("opinion.example.com")."""
    if not url:
        return False
    voc = _vocab(lang)
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").split(".")
    if len(host) > 2 and host[0] in voc.sections:
        return True
    segments = [s for s in parts.path.lower().split("/") if s]
    return any(s in voc.sections for s in segments[:-1])


def label_says_view(article: Article) -> bool:
    """Whether a label over or beside the headline says the piece is opinion, analysis or review: the title's
    opening ("Opinion | Why ...", "Analysis: ..."), a part of the title after a separator ("... | Opinion") or one
    of the text's first lines ("OPINION")."""
    voc = _vocab(article.language)
    if voc.label is None:
        return False
    head = article.text[:_LABEL_CHARS].lstrip()  # (a label line is short: the text's start is enough)
    lines = [article.title or "", *head.split("\n", _LABEL_LINES)[:_LABEL_LINES]]
    return any(
        voc.label.match(line.strip()) or (voc.title_part is not None and voc.title_part.search(line.strip()))
        for line in lines
    )


def signed_view(article: Article) -> bool:
    """Whether a short line of the text is the writer's byline as a columnist or the disclaimer that the views
    are the writer's own ("Jane Doe is a columnist for The Example Times.")."""
    voc = _vocab(article.language)
    if voc.signed is None:
        return False
    raw = article.text
    low = raw.lower()
    if not voc.signed_hints or len(low) != len(raw):
        # (no hints, or a letter whose lower case is longer: every short line is read)
        return any(len(line) <= _SIGNED_CHARS and voc.signed.search(line) for line in raw.split("\n"))
    read: set[int] = set()
    for hint in voc.signed_hints:  # only the lines that hold a hint are read (most texts hold none)
        at = low.find(hint)
        while at >= 0:
            start = raw.rfind("\n", 0, at) + 1
            end = raw.find("\n", at)
            end = len(raw) if end < 0 else end
            if start not in read and end - start <= _SIGNED_CHARS:
                read.add(start)
                if voc.signed.search(raw, start, end):
                    return True
            at = low.find(hint, end)
    return False


def view_piece(article: Article) -> bool:
    """Whether the page says it is a piece of opinion, analysis or review (see the module's doc)."""
    return url_says_view(article.url, article.language) or label_says_view(article) or signed_view(article)
