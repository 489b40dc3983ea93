"""Imported by the forkserver of an extraction pool (``factcheck.parallel``), once, before it forks the
workers: it extracts one article made of the English check-worthiness examples (``lang/en/
checkworthiness.toml``), so that every worker starts with the extractor imported, its rules compiled and
its vocabularies read, shared with the forkserver's memory (each worker otherwise spent ~0.9 CPU s on this
over its first articles). The warm-up's results are those of any extraction of that text: later articles
get what they would get in a fresh process."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib

from factcheck import extract, lang
from factcheck.model import Article, Segment


def warm_up() -> None:
    examples = lang.resource("en", "checkworthiness").get("example", [])
    text = "\n\n".join(str(e.get("text", "")) for e in examples if e.get("text"))
    if not text:
        return
    article = Article(
        path="warm-up",
        key="warm-up",
        id=hashlib.blake2b(text.encode(), digest_size=8).hexdigest(),
        text=text,
        published=dt.date(2024, 4, 15),
        segments=[Segment(0, len(text), "body")],
        language="en",
    )
    extract.extract(article, min_score=0.0)


with contextlib.suppress(Exception):  # (a warm-up that fails leaves each worker to warm up on its articles)
    warm_up()
