"""Readable terminal output for the CLI (plain text, no colour codes)."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any


def _wrap(s: str, indent: str, width: int = 100) -> str:
    return textwrap.fill(" ".join(s.split()), width=width, initial_indent=indent, subsequent_indent=indent)


def article_header(a: Any) -> str:
    date = a.published.isoformat() if a.published else "date unknown"
    bits = [a.outlet or "outlet unknown", date]
    if a.title:
        bits.append(f"“{a.title}”")
    return f"{a.path}  —  " + " · ".join(bits)


def print_extract(corpus: Any, *, show_hidden: bool = False) -> None:
    for a in corpus.articles:
        every = corpus.claims.get(a.key, [])
        shown = [c for c in every if corpus.is_shown(c)]
        claims = every if show_hidden else shown
        print(article_header(a))
        hidden = len(every) - len(shown)
        print(
            f"  {len(shown)} claims"
            + (f" ({hidden} hidden below score {corpus.min_score:.2f})" if hidden else "")
        )
        for c in claims:
            stance = str(c.stance) + (" (negated)" if getattr(c, "polarity", 1) < 0 else "")
            mark = "" if corpus.is_shown(c) else "  hidden"
            print(f"  {c.id}  score {c.score:.2f}  {stance}" + ("  quote" if c.quote else "") + mark)
            print(_wrap(c.text, "    "))
            meta = []
            if c.speaker:
                kind = f" [{c.speaker_kind}]" if c.speaker_kind else ""
                meta.append(f"speaker: {c.speaker}{kind}")
            if c.source_chain:
                meta.append("source chain: " + " -> ".join(c.source_chain))
            if c.when:
                meta.append("when: " + ", ".join(f"{t.value} ({t.text})" for t in c.when))
            if c.entities:
                meta.append("entities: " + ", ".join(f"{e.name or e.text} [{e.kind}]" for e in c.entities))
            if c.group:
                meta.append(f"group: {c.group}")
            for m in meta:
                print(f"      {m}")
        print()


def print_groups(corpus: Any) -> None:
    if not corpus.groups:
        print("no event groups")
        return
    claims = corpus.claim_index()
    arts = {a.key: a for a in corpus.articles}
    for g in corpus.groups:
        print(f"{g.id}  {g.when or 'time unknown'}  {g.label}")
        members = [claims[cid] for cid in g.claims if cid in claims]
        members.sort(key=lambda c: (arts[c.article_key].published or dt.date.max, c.start))
        for c in members:
            a = arts[c.article_key]
            date = a.published.isoformat() if a.published else "????-??-??"
            print(f"  {date}  {a.outlet or a.key:<22.22}  {c.id}  {c.stance!s:<11} {c.text[:90]}")
        for s in g.suggestions:
            if s.kind == "supersedes":
                print(f"  suggestion: {s.claim} superseded by {s.by}: {s.why}")
            else:
                print(f"  conflict: {s.claim} vs {s.by}: {s.why}")
        print()
