"""Reading sessions written by earlier factcheck versions (schema 1 and 2) into today's records.

Schema 1 held a TOML table per decision and per history entry; schema 2 held decisions and history rows
as JSON lines inside TOML literal strings. Both are read into ``SessionData``; the next save writes the
current schema and keeps the old file beside it (``store.save``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from factcheck.session.fileformat import crc, decision_from_row, history_from_row
from factcheck.session.reading import BadValue
from factcheck.session.records import (
    SCHEMA,
    ArticleRecord,
    HistoryEntry,
    ManualClaim,
    SessionCorrupt,
    SessionData,
    to_utc,
)


def from_old(schema: int, doc: dict[str, Any], text: str, where: str) -> SessionData:
    try:
        data = _from_v1(doc, where) if schema == 1 else _from_v2(doc, text, where)
    except SessionCorrupt:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise SessionCorrupt(
            f"{where}: line 1, column 1: malformed schema {schema} session ({type(e).__name__}: {e})"
        ) from None
    data.notices.append(
        f"a schema {schema} session: the next save writes it in today's format (schema {SCHEMA}) and keeps the"
        f" old file as {Path(where).name}.schema{schema}.bak"
    )
    return data


def _history(h: dict[str, Any]) -> HistoryEntry:
    """A history row of schema 1 or 2, as a checked entry (dates written as text become dates)."""
    h = dict(h)
    if isinstance(h.get("at"), str):
        h["at"] = dt.datetime.fromisoformat(h["at"])
    for side in ("before", "after"):
        vals = h.get(side)
        if h.get("kind") == "article" and isinstance(vals, dict) and isinstance(vals.get("published"), str):
            h[side] = dict(vals, published=dt.date.fromisoformat(vals["published"]))
    return history_from_row(h)


def _manual(mid: str, v: dict[str, Any]) -> ManualClaim:
    return ManualClaim(
        mid,
        str(v["article"]),
        int(v["start"]),
        int(v["end"]),
        str(v["text"]),
        v.get("reviewer"),
        to_utc(v.get("created")),
    )


def _envelope(doc: dict[str, Any]) -> SessionData:
    data = SessionData(
        reviewer=str(doc.get("reviewer", "")),
        created=to_utc(doc.get("created")),
        saved=to_utc(doc.get("saved")),
        corpus=[str(p) for p in doc.get("corpus", [])],
    )
    cur = doc.get("cursor", {})
    data.cursor = (cur.get("article"), cur.get("claim"))
    groups = doc.get("groups", {})
    data.merges = [(str(a), str(b)) for a, b in groups.get("merges", [])]
    data.splits = [str(s) for s in groups.get("splits", [])]
    for mid, v in doc.get("manual", {}).items():
        data.manual[mid] = _manual(mid, v)
    return data


def _rows(block: Any) -> list[str]:
    if not isinstance(block, str):
        raise TypeError("rows must be a string")
    return [r for r in block.split("\n") if r]


def _row_error(text: str, row: str, msg: str, where: str, what: str) -> SessionCorrupt:
    pos = text.find(row)
    line = text.count("\n", 0, pos) + 1 if pos >= 0 else 1
    return SessionCorrupt(f"{where}: line {line}, column 1: bad {what} row ({msg})")


def _from_v2(doc: dict[str, Any], text: str, where: str) -> SessionData:
    data = _envelope(doc)
    articles = doc.get("articles", {})
    for key, v in articles.items():
        if "fingerprint" in v:
            data.articles[key] = ArticleRecord(
                key, str(v["fingerprint"]), v.get("published"), v.get("title"), v.get("outlet")
            )
    n_decisions = 0
    for key, v in articles.items():
        for row in _rows(v.get("decisions", "")):
            try:
                d = decision_from_row(key, json.loads(row))
            except ValueError as e:
                raise _row_error(text, row, getattr(e, "msg", str(e)), where, "decision") from None
            except BadValue as e:
                raise _row_error(text, row, e.msg, where, "decision") from None
            if d.claim_id in data.decisions:
                raise _row_error(text, row, f"a second decision for {d.claim_id}", where, "decision")
            data.decisions[d.claim_id] = d
            n_decisions += 1
    for row in _rows(doc.get("history", {}).get("rows", "")):
        try:
            v = json.loads(row)
            if isinstance(v, list):
                if len(v) != 8:
                    raise ValueError(f"a history row holds 8 values, not {len(v)}")
                v = dict(zip(("step", "at", "by", "op", "kind", "key", "before", "after"), v, strict=True))
            data.history.append(_history(v))
        except ValueError as e:
            raise _row_error(text, row, getattr(e, "msg", str(e)), where, "history") from None
        except BadValue as e:
            raise _row_error(text, row, e.msg, where, "history") from None
    integ = doc.get("integrity")
    if not isinstance(integ, dict) or "checksum" not in integ:
        line = text.count("\n") + 1
        raise SessionCorrupt(
            f"{where}: line {line}, column 1: the file ends before its [integrity] table: it is truncated"
        )
    have = {"articles": len(articles), "decisions": n_decisions, "manual": len(data.manual)}
    have["history"] = len(data.history)
    differ = [f"{n} {k} where factcheck saved {integ.get(k)}" for k, n in have.items() if integ.get(k) != n]
    pos = text.rfind("\n[integrity]\n")
    if integ["checksum"] != f"crc32:{crc(text[:pos].encode('utf-8', 'surrogatepass'))}" or differ:
        what = "; now holds " + ", ".join(differ) if differ else ""
        data.notices.append(f"edited outside factcheck since it was saved{what}; loaded as it is now")
    return data


def _from_v1(doc: dict[str, Any], where: str) -> SessionData:
    data = _envelope(doc)
    data.articles = {
        k: ArticleRecord(k, str(v.get("fingerprint", "")), v.get("published"))
        for k, v in doc.get("articles", {}).items()
    }
    for cid, v in doc.get("decisions", {}).items():
        row = dict(v, id=cid)
        article = str(row.pop("article", ""))
        try:
            data.decisions[cid] = decision_from_row(article, row)
        except BadValue as e:
            raise SessionCorrupt(f"{where}: line 1, column 1: decision {cid}: {e.msg}") from None
    for i, h in enumerate(doc.get("history", [])):
        try:
            data.history.append(_history(h))
        except BadValue as e:
            raise SessionCorrupt(f"{where}: line 1, column 1: history entry {i + 1}: {e.msg}") from None
    count = doc.get("count")
    have = {
        "decisions": len(data.decisions),
        "manual": len(data.manual),
        "history": len(data.history),
        "articles": len(data.articles),
    }
    if not isinstance(count, dict) or any(count.get(k) != v for k, v in have.items()):
        raise SessionCorrupt(
            f"{where}: line 1, column 1: the counts in [count] do not match: the file is truncated or damaged"
        )
    return data
