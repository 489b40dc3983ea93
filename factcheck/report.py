"""Reports of a review session: Markdown, CSV, JSON and schema.org ClaimReview (JSON-LD).

No UI here: ``render(review, fmt, **options) -> str`` and ``write_report(review, fmt, path, **options)``
are what the CLI (``factcheck report``) and the TUI call. Untrusted text (claims, notes, file names) is
escaped for the target format, never interpreted.

Options (keyword arguments, else the ``[report]`` table of the config file, see ``load_config``):
``organisation`` / ``organisation_url`` (ClaimReview ``author``), ``base_url`` (ClaimReview ``url``),
``ratings`` (verdict -> ``alternateName``), ``csv_separator`` (the CSV's cell separator: "," or ";").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factcheck import config, verdicts
from factcheck import session as sess
from factcheck.atomic import write_atomic
from factcheck.ingest import claims_supported
from factcheck.model import Article, Claim, Verdict
from factcheck.textout import clipped, inert, json_text, share_reviewed
from factcheck.timewords import readable_time
from factcheck.urls import is_http_url

FORMATS = ("md", "csv", "json", "claimreview")

DEFAULT_RATINGS: dict[str, str] = verdicts.default_ratings()

CSV_FIELDS = (
    "article",
    "outlet",
    "published",
    "claim_id",
    "text",
    "speaker",
    "when",
    "stance",
    "group",
    "verdict",
    "superseded_by",
    "note",
    "reviewer",
    "reviewed_at",
    "evidence",
    "orphan",  # "true": a decision whose claim is no longer found in its article (the start of its text kept)
    "score",  # the claim's check-worthiness, 0-1
    "hidden",  # "true": under the threshold with no verdict, not shown by default nor counted (as `status`)
)


class ReportError(Exception):
    """A report cannot be written (bad option, invalid ClaimReview object): one line for the user."""


# ---------------------------------------------------------------------------------------------
# Config


def load_config() -> dict[str, Any]:
    """The ``[report]`` table of the factcheck config file (empty when missing or unreadable)."""
    return config.load().report


def _options(options: Mapping[str, Any]) -> dict[str, Any]:
    conf = load_config()
    out: dict[str, Any] = {}
    for key in ("organisation", "organisation_url", "base_url"):
        v = options.get(key)
        if v is None:
            v = conf.get(key)
        out[key] = str(v).strip() if v else None
    ratings = dict(DEFAULT_RATINGS)
    for source, from_config in ((conf.get("ratings"), True), (options.get("ratings"), False)):
        if isinstance(source, Mapping):
            for k, v in source.items():
                key = str(k).lower()
                if key not in DEFAULT_RATINGS and from_config:
                    continue  # a config file's mistake is a warning (config.load says it), never a stop
                if key not in DEFAULT_RATINGS:
                    raise ReportError(
                        f"rating for unknown verdict {k!r} (use one of: {', '.join(DEFAULT_RATINGS)})"
                    )
                ratings[key] = str(v)
    out["ratings"] = ratings
    sep = options.get("csv_separator")
    if sep is None:
        sep = conf.get("csv_separator")  # (config.load warned of a bad one and dropped it)
    if sep is not None and sep not in CSV_SEPARATORS:
        raise ReportError(
            f"unknown CSV separator {sep!r} (use one of: {', '.join(map(repr, CSV_SEPARATORS))})"
        )
    out["csv_separator"] = sep or ","
    return out


# The CSV's cell separators: "," (RFC 4180, the default) or ";", which a spreadsheet opening the file by a
# double click expects where the decimal mark is a comma (Excel in German, French, Spanish, Portuguese,
# Italian, Dutch... settings put a comma-separated report's every row into its first column).
CSV_SEPARATORS = config.CSV_SEPARATORS


# ---------------------------------------------------------------------------------------------
# The data every format is made from


def _iso_time(t: dt.datetime | None) -> str | None:
    return t.isoformat().replace("+00:00", "Z") if t else None


def _claim_row(review: Any, art: Article, c: Claim) -> dict[str, Any]:
    d = review.decision(c.id)
    # hidden: under the check-worthiness threshold with no verdict, as ``Review.article_hidden`` counts it (the
    # summary's "hidden"): a script told the claims apart by nothing but their count
    hidden = not review.corpus.is_shown(c) and d.verdict == Verdict.UNREVIEWED
    return {
        "article": art.path,
        "article_key": art.key,
        "outlet": art.outlet,
        "title": art.title,
        "url": art.url,
        "language": art.language,  # ISO 639-1, the article's (ClaimReview inLanguage)
        "published": art.published.isoformat() if art.published else None,
        "modified": art.modified.isoformat() if art.modified else None,  # the page's last revision
        "claim_id": c.id,
        "text": c.text,
        "speaker": c.speaker,
        "when": [t.value or t.text for t in c.when],
        "stance": str(c.stance),
        "group": c.group,
        "verdict": str(d.verdict),
        "superseded_by": d.superseded_by,
        "note": d.note or "",
        "evidence": list(d.evidence),
        "reviewer": d.reviewer,
        "reviewed_at": _iso_time(d.updated),
        "manual": c.manual,
        "conflicts": [dict(x) for x in d.conflicts],
        "score": round(c.score, 3),  # (as `extract --json` gives it)
        "hidden": hidden,
    }


def _decided(row: dict[str, Any]) -> bool:
    """A claim with a verdict, or left in conflict by a merge (a decision to make): what ``decided`` keeps."""
    return row["verdict"] != "unreviewed" or bool(row["conflicts"])


def collect(review: Any, *, decided: bool = False) -> dict[str, Any]:
    """Everything a report shows, as plain JSON-ready data with stable field names.

    ``decided``: only the claims with a verdict (or a reviewers' conflict to resolve) and the groups they are
    in; the summary still counts every claim."""
    rows: list[dict[str, Any]] = []
    dismissed = 0
    for art in review.corpus.articles:
        for c in review.claims(art.key, include_dismissed=True):
            if review.decision(c.id).dismissed:
                dismissed += 1
                continue
            rows.append(_claim_row(review, art, c))
    claims = len(rows)
    not_dismissed = {r["claim_id"] for r in rows}
    superseding: list[dict[str, Any]] = []
    cited: list[dict[str, Any]] = []
    if decided:
        every, rows = rows, [r for r in rows if _decided(r)]
        # the claims a listed one is superseded by, not listed themselves: the report names and quotes them
        links = {r["superseded_by"] for r in rows if r["superseded_by"]} - {r["claim_id"] for r in rows}
        superseding = [r for r in every if r["claim_id"] in links]
        # the claims a listed one gives as evidence, not listed themselves: still claims of the batch
        cited_ids = {e for r in rows for e in r["evidence"]} - {r["claim_id"] for r in rows}
        cited = [r for r in every if r["claim_id"] in cited_ids]
    counted = review.progress()
    progress = {str(v): n for v, n in counted.items()}
    # who decided, also each side of a conflict left by a merge (their verdict is in the report as a side)
    sides = {s.get("reviewer") for r in rows for s in r["conflicts"]}
    reviewers = sorted({r["reviewer"] for r in rows if r["reviewer"]} | {s for s in sides if s})
    groups = []
    listed = {r["claim_id"] for r in rows}
    for g in review.corpus.groups:
        members = [cid for cid in g.claims if cid in listed]
        if not members:
            continue
        groups.append(
            {
                "id": g.id,
                "label": g.label,
                "when": g.when,
                "claims": members,
                "size": sum(1 for cid in g.claims if cid in not_dismissed),  # its claims, listed or not
                "suggested_conflicts": [
                    {"claim": s.claim, "other": s.by, "why": s.why}
                    for s in g.suggestions
                    if s.kind == "conflicts"
                ],
            }
        )
    orphans = [
        {
            "claim_id": d.claim_id,
            "article": d.article,
            "text": d.text,
            "verdict": str(d.verdict),
            "superseded_by": d.superseded_by,
            "note": d.note or "",
            "evidence": list(d.evidence),
            "reviewer": d.reviewer,
            "reviewed_at": _iso_time(d.updated),
        }
        for d in review.orphans
    ]
    # articles in a script the sentence splitter cannot read: counted, yet no claim of theirs was looked at
    not_read = [
        {"article": a.key, "language": a.language or "unknown"}
        for a in review.corpus.articles
        if not claims_supported(a)
    ]
    return {
        "session": str(review.path),
        "generated": _iso_time(sess.utcnow()),
        "summary": {
            "articles": len(review.corpus.articles),
            "not_read": not_read,
            "claims": claims,
            "dismissed": dismissed,
            # counted as the review counts them: the claims shown at the check-worthiness threshold and any
            # other with a verdict (``Review.progress``); "hidden": those under it with no verdict
            "progress": progress,
            "hidden": review.hidden(),
            "min_score": review.corpus.min_score,
            "listed": "decided" if decided else "all",
            "reviewers": reviewers,
        },
        "claims": rows,
        # --decided: the claims the listed ones are superseded by that are not listed themselves
        **({"superseding": superseding} if decided else {}),
        # --decided: the claims the listed ones give as evidence that are not listed themselves
        **({"cited": cited} if decided else {}),
        "groups": groups,
        "orphans": orphans,
        # links of kept decisions to a claim no longer in the batch (as `status --json` lists them)
        "dangling": [{"claim": c, "link": how, "to": to} for c, how, to in review.dangling_links],
    }


def chains(rows: list[dict[str, Any]]) -> list[list[str]]:
    """Supersession chains ``[A, B, C]`` (A superseded by B, B by C), longest first per start."""
    by_id = {r["claim_id"]: r for r in rows}
    targets = {r["superseded_by"] for r in rows if r["superseded_by"]}
    out: list[list[str]] = []
    for r in rows:
        if not r["superseded_by"] or r["claim_id"] in targets:
            continue
        chain = [r["claim_id"]]
        nxt = r["superseded_by"]
        while nxt and nxt not in chain:
            chain.append(nxt)
            nxt = by_id[nxt]["superseded_by"] if nxt in by_id else None
        out.append(chain)
    # cycles (A by B, B by A) have no start: draw each once from its first member
    seen = {cid for ch in out for cid in ch}
    for r in rows:
        if r["superseded_by"] and r["claim_id"] not in seen:
            chain = [r["claim_id"]]
            nxt = r["superseded_by"]
            while nxt and nxt not in chain:
                chain.append(nxt)
                nxt = by_id[nxt]["superseded_by"] if nxt in by_id else None
            seen.update(chain)
            out.append(chain)
    return out


# ---------------------------------------------------------------------------------------------
# Markdown

_MD_SPECIAL = set("\\`*_{}[]<>#|~&")  # md() output never starts a line, so -+.! need no escape
# A URL in untrusted text becomes a CommonMark autolink <...>: backslash escapes would break it (a_b, &).
_MD_URL = re.compile(r"https?://[^\s<>\"`]+", re.I)
_URL_TRAIL = ".,;:!?'\")]}*_~"


# (one pattern, and most texts need no escape: a join over every character of every text was ~0.1 CPU s of a
# 10,000 claims' report)
_MD_SPECIAL_RE = re.compile("[" + re.escape("".join(sorted(_MD_SPECIAL))) + "]")


def _md_escape(s: str) -> str:
    """Each of ``_MD_SPECIAL`` in ``s`` after a backslash."""
    return _MD_SPECIAL_RE.sub(r"\\\g<0>", s) if _MD_SPECIAL_RE.search(s) else s


_URL_OPENS = {")": "(", "]": "[", "}": "{"}


def _trim_url(url: str) -> str:
    """A URL found in prose without the punctuation after it ("(see https://x.org/a_(b))." -> .../a_(b)); a
    closing bracket the URL opened stays ("https://x.org/da/[release]": its "]" was cut off the autolink)."""
    while url and url[-1] in _URL_TRAIL:
        opens = _URL_OPENS.get(url[-1])
        if opens and url.count(opens) >= url.count(url[-1]):
            break
        url = url[:-1]
    return url


def _md_inline(s: str) -> str:
    out, pos = [], 0
    for m in _MD_URL.finditer(s):
        url = _trim_url(m[0])
        if not is_http_url(url):
            continue
        out.append(_md_escape(s[pos : m.start()]))
        out.append(f"<{url}>")
        pos = m.start() + len(url)
    out.append(_md_escape(s[pos:]))
    return "".join(out)


def md(text: Any) -> str:
    """Untrusted text as literal Markdown inline text: one line, inline markup characters escaped, http(s)
    URLs as autolinks.

    The result is always placed after other text on its line, so block markers (``-``, ``1.``) are inert.
    Control and bidi characters are shown as visible marks (``textout.inert``): a report read with ``cat``
    must not drive the terminal."""
    return _md_inline(inert(" ".join(str(text if text is not None else "").split())))


_BLOCK_START = re.compile(r"^(?:[-+=]|\d{1,9}(?=[.)]))")


def md_lines(text: Any, indent: str) -> str:
    """Untrusted multi-line text (a note) as literal Markdown that keeps its line breaks: each line escaped
    like ``md``, continuation lines indented by ``indent`` with block markers (``-``, ``+``, ``=``, ``1.``)
    made inert, lines joined by hard breaks. Blank lines are dropped."""
    lines = [md(ln) for ln in str(text if text is not None else "").splitlines() if ln.strip()]
    for i in range(1, len(lines)):
        m = _BLOCK_START.match(lines[i])
        if m:
            at = m.end() if m[0][0].isdigit() else 0
            lines[i] = lines[i][:at] + "\\" + lines[i][at:]
    return ("\\\n" + indent).join(lines)


def code(text: Any) -> str:
    """Untrusted text as an inline code span (ids, group ids): no backtick can close it early."""
    s = " ".join(str(text if text is not None else "").split()).replace("`", "'")
    return f"`{s}`"


def _who(r: dict[str, Any], apart: Mapping[str, str] | None = None) -> str:
    """A claim's article as the report names it: outlet and date, and what tells it apart from another article
    of that outlet and day in the report (``articles_apart``) when there is one."""
    outlet = md(r["outlet"] or r["article_key"])
    other = (apart or {}).get(r["article_key"])
    updated = r.get("modified")
    updated = f" (updated {updated})" if updated and updated != r["published"] else ""
    return f"{outlet}, {r['published'] or 'undated'}{updated}" + (f", {md(other)}" if other else "")


def articles_apart(rows: list[dict[str, Any]]) -> dict[str, str]:
    """For the articles of ``rows`` that share their outlet and date with another one (two Wire articles of
    2008-09-16): what tells each apart, by article key: its title in quotes, else its key (a title they share
    too, or none). The other articles need nothing more than outlet and date."""
    titles: dict[str, str] = {}
    same: dict[tuple[str, str], set[str]] = {}
    for r in rows:
        titles[r["article_key"]] = " ".join((r.get("title") or "").split())
        same.setdefault((r["outlet"] or r["article_key"], r["published"] or ""), set()).add(r["article_key"])
    out: dict[str, str] = {}
    for keys in same.values():
        if len(keys) < 2:
            continue
        shared = [titles[k] for k in keys]
        for k in keys:
            t = titles[k]
            out[k] = f"'{clipped(t, 60)}'" if t and shared.count(t) == 1 else k
    return out


def render_markdown(data: dict[str, Any]) -> str:
    s = data["summary"]
    rows: list[dict[str, Any]] = data["claims"]
    superseding: list[dict[str, Any]] = data.get("superseding", [])
    by_id = {r["claim_id"]: r for r in rows + superseding}
    apart = articles_apart([*by_id.values(), *data.get("cited", ())])

    def who(r: dict[str, Any]) -> str:
        return _who(r, apart)

    out = [f"# Fact-check report: {md(Path(data['session']).name)}", ""]
    not_read = s["not_read"]
    by_lang: dict[str, int] = {}
    for a in not_read:
        by_lang[a["language"]] = by_lang.get(a["language"], 0) + 1
    langs = ", ".join(f"{md(k)} {n}" for k, n in sorted(by_lang.items()))
    out.append(
        f"- Articles: {s['articles']}"
        + (f" ({len(not_read)} not read for claims, language not supported: {langs})" if not_read else "")
    )
    out.append(f"- Claims: {s['claims']}" + (f" ({s['dismissed']} dismissed)" if s["dismissed"] else ""))
    total = sum(s["progress"].values())
    undecided = s["progress"].get("unreviewed", 0)
    done = total - undecided
    out.append(f"- Reviewed: {done} of {total}" + (f" ({share_reviewed(done, total)})" if total else ""))
    for v, n in s["progress"].items():
        out.append(f"  - {v}: {n}")
    hidden = s["hidden"]
    out.append(
        f"- Decided: {done}; undecided: {undecided}"
        + (
            f"; hidden: {hidden} more under the check-worthiness threshold {s['min_score']:.2f}, with no"
            " verdict (not counted in the review)"
            if hidden
            else ""
        )
    )
    decided_only = s["listed"] == "decided"
    out.append(
        "- Listed: the decided claims and the groups they are in (`--decided`; without it, every claim)"
        if decided_only
        else "- Listed: every claim" + (", hidden ones too" if hidden else "")
    )
    out.append("- Reviewers: " + (", ".join(md(x) for x in s["reviewers"]) or "none"))
    n_conf = sum(1 for r in rows if r["conflicts"])
    if n_conf:
        out.append(f"- Reviewer conflicts to resolve: {n_conf}")
    out.append(f"- Generated: {data['generated']}")
    all_chains = chains(rows)

    gone = {x["to"] for x in data["dangling"]}

    def ref(cid: str) -> str:
        r = by_id.get(cid)
        if cid in gone:
            return f"{code(cid)} (no longer in the batch)"
        return f"{code(cid)}" if r is None else f"{code(cid)} ({who(r)})"

    def claim_lines(r: dict[str, Any]) -> list[str]:
        lines = [f"- **{who(r)}** {code(r['claim_id'])}: {md(r['text'])}"]
        verdict = r["verdict"]
        if r["superseded_by"]:
            verdict += f" by {ref(r['superseded_by'])}"
        extra = []
        if r.get("hidden"):  # (counted nowhere: the head's "hidden: N more"; the JSON and CSV say `hidden`)
            extra.append("hidden: under the check-worthiness threshold")
        if r["speaker"]:
            extra.append(f"speaker {md(r['speaker'])}")
        if r["reviewer"]:
            extra.append(f"by {md(r['reviewer'])}" + (f" at {r['reviewed_at']}" if r["reviewed_at"] else ""))
        lines.append(f"  - Verdict: **{verdict}**" + (f" ({'; '.join(extra)})" if extra else ""))
        if r["note"]:
            lines.append(f"  - Note: {md_lines(r['note'], '    ')}")
        for e in r["evidence"]:
            lines.append(f"  - Evidence: {ref(e) if e in gone else md(e)}")
        for c in r["conflicts"]:
            other = c.get("reviewer") or "another reviewer"
            said = md(c.get("verdict", "?"))
            if c.get("superseded_by"):
                said += f" by {ref(str(c['superseded_by']))}"
            if c.get("note"):
                said += f" ({md(c['note'])})"
            lines.append(f"  - ⚠ Reviewer conflict: {md(other)} said {said}")
        return lines

    in_group: set[str] = set()
    for g in data["groups"]:
        members = [by_id[c] for c in g["claims"] if c in by_id]
        in_group.update(g["claims"])
        members.sort(key=lambda r: (r["published"] or "9999", r["outlet"] or "", r["claim_id"]))
        when = g["when"]
        words = readable_time(when) if when else "unknown"
        label = g["label"] or g["id"]
        if when and label.startswith(f"{when}: "):  # the label opens with the time's code: read it as words
            label = f"{words}: {label.removeprefix(f'{when}: ')}"
        out += ["", f"## {md(label)}", ""]
        count = f"{len(members)} claim(s)"
        if len(members) < g["size"]:
            count = f"{len(members)} of its {g['size']} claim(s) decided"
        if when and words != when:
            words += f" ({when})"
        out.append(f"Event time: {md(words)} · group {code(g['id'])} · {count}")
        out.append("")
        for r in members:
            out.extend(claim_lines(r))
        group_chains = [ch for ch in all_chains if ch[0] in g["claims"]]
        if group_chains:
            out += ["", "Supersession:", ""]
            for ch in group_chains:
                out.append("- " + " -> superseded by ".join(ref(c) for c in ch))
        flags = []
        for x in g["suggested_conflicts"]:
            a, b = by_id.get(x["claim"]), by_id.get(x["other"])
            if a and b and "superseded" not in (a["verdict"], b["verdict"]):
                flags.append(f"- ⚠ Possible conflict: {ref(x['claim'])} vs {ref(x['other'])}: {md(x['why'])}")
        verdicts = {r["verdict"] for r in members}
        if {"confirmed", "disputed"} <= verdicts:
            flags.append("- ⚠ Claims in this event are both confirmed and disputed")
        if flags:
            out += ["", "Conflicts:", "", *flags]
    loose = [r for r in rows if r["claim_id"] not in in_group]
    if loose:
        out += ["", "## Claims in no event group", ""]
        for r in loose:
            out.extend(claim_lines(r))
        loose_ids = {r["claim_id"] for r in loose}
        loose_chains = [ch for ch in all_chains if ch[0] in loose_ids]
        if loose_chains:
            out += ["", "Supersession:", ""]
            out += ["- " + " -> superseded by ".join(ref(c) for c in ch) for ch in loose_chains]
    if superseding:
        out += ["", f"## Claims the decided ones are superseded by ({len(superseding)})", ""]
        out += [f"- **{who(r)}** {code(r['claim_id'])}: {md(r['text'])}" for r in superseding]
    if decided_only:
        out += ["", f"## Still unreviewed ({undecided})", ""]
        out.append(
            "Not listed in this report (`--decided`)."
            if undecided
            else "Nothing: every claim shown has a verdict."
        )
    else:
        # the claims shown with no verdict, as many as the head's "undecided" (the hidden ones listed apart: the
        # heading counted them too, 50 under a head saying "unreviewed: 48")
        todo = [r for r in rows if r["verdict"] == "unreviewed" and not r.get("hidden")]
        low = [r for r in rows if r.get("hidden")]
        out += ["", f"## Still unreviewed ({len(todo)})", ""]
        out += [f"- {who(r)} {code(r['claim_id'])}: {md(r['text'])}" for r in todo] or [
            "Nothing: every claim shown has a verdict." if low else "Nothing: every claim has a verdict."
        ]
        if low:
            out += [
                "",
                f"Hidden under the check-worthiness threshold {s['min_score']:.2f}, with no verdict ({len(low)}):",
            ]
            out += [""] + [f"- {who(r)} {code(r['claim_id'])}: {md(r['text'])}" for r in low]
    out += ["", f"## Orphaned decisions ({len(data['orphans'])})", ""]
    if data["orphans"]:
        out.append("Decisions whose claim is no longer found in the articles:")
        out.append("")
        for o in data["orphans"]:
            note = f" — {md(o['note'])}" if o["note"] else ""
            verdict = o["verdict"] + (f" by {code(o['superseded_by'])}" if o["superseded_by"] else "")
            out.append(f"- {code(o['claim_id'])} ({md(o['article'])}): {md(o['text'])} — **{verdict}**{note}")
    else:
        out.append("None.")
    if not_read:
        out += ["", f"## Articles not read for claims ({len(not_read)})", ""]
        out.append(
            "Their language is not supported (no sentence rules for its script): no claim was extracted."
        )
        out.append("")
        out += [f"- {md(a['article'])}: {md(a['language'])}" for a in not_read]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# CSV / JSON

# Characters that make a spreadsheet read a cell as a formula (also after leading blanks, and full width).
_FORMULA = frozenset("=+-@\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\u2212")


def safe_cell(v: Any) -> str:
    """A spreadsheet cell that is never a formula nor a terminal escape: a cell whose first non-blank character
    is =, +, -, @ (or their full-width forms), or that starts with a tab or CR, gets a quote prefix, and its
    control and bidi characters are shown as visible marks (``textout.inert``: ESC as ␛), as in the Markdown
    report, so a CSV printed with ``cat`` runs no escape sequence a note or an article carried."""
    if v is None:
        return ""
    if isinstance(v, bool):
        s = "true" if v else "false"
    elif isinstance(v, list):
        s = "; ".join(str(x) for x in v)
    else:
        s = str(v)
    head = s.lstrip()[:1]
    return inert("'" + s if head in _FORMULA or s[:1] in ("\t", "\r") else s)


def render_csv(data: dict[str, Any], separator: str = ",") -> str:
    buf = io.StringIO(newline="")
    w = csv.writer(
        buf, dialect="excel", delimiter=separator, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"
    )
    w.writerow(CSV_FIELDS)
    # with --decided, the claims a listed one is superseded by follow it (the Markdown quotes them, the JSON
    # lists them as "superseding"): a superseded_by cell named a claim found nowhere in the file
    for r in [*data["claims"], *data.get("superseding", ())]:
        w.writerow([safe_cell(r.get(f, "")) for f in CSV_FIELDS])
    for o in data["orphans"]:  # decisions too, though their claim is gone: the CSV is every decision
        w.writerow([safe_cell({**o, "orphan": "true"}.get(f, "")) for f in CSV_FIELDS])
    return buf.getvalue()


def render_json(data: dict[str, Any]) -> str:
    return json_text(data) + "\n"


# ---------------------------------------------------------------------------------------------
# ClaimReview
#
# Google's ClaimReview rules (developers.google.com/search/docs/appearance/structured-data/factcheck):
# required: claimReviewed, reviewRating (with alternateName) and url (the page of the fact-check);
# recommended: author, datePublished, itemReviewed (a Claim: author, datePublished, appearance,
# firstAppearance). A missing required field is an error naming the option or the claim; a missing
# recommended field is left out and listed (``notes``), or refused with ``strict``.


def validate_claimreview(obj: Mapping[str, Any]) -> None:
    """Raise ReportError when a field Google requires is missing or malformed (claimReviewed,
    reviewRating with alternateName, url) or the types are wrong."""
    cid = str(obj.get("identifier", "?"))
    rating = obj.get("reviewRating")
    if (
        obj.get("@type") != "ClaimReview"
        or not isinstance(rating, Mapping)
        or rating.get("@type") != "Rating"
    ):
        raise ReportError(f"ClaimReview for claim {cid}: wrong @type")
    _check_required(obj, cid, "?")
    if not is_http_url(obj["url"]):
        raise ReportError(f"ClaimReview for claim {cid}: url must be an http(s) URL")


def _check_required(obj: Mapping[str, Any], cid: str, verdict: str) -> None:
    if not str(obj.get("claimReviewed") or "").strip():
        raise ReportError(f"ClaimReview for claim {cid}: the claim has no text (claimReviewed is required)")
    if not str(obj["reviewRating"].get("alternateName") or "").strip():
        raise ReportError(
            f"ClaimReview for claim {cid}: no rating name for verdict {verdict!r} "
            f"(reviewRating.alternateName is required: give --rating {verdict}=NAME)"
        )
    if not obj.get("url"):
        raise ReportError(_no_base_url())


def _no_base_url() -> str:
    return (
        "ClaimReview needs the URL of the page publishing each review (url is required): "
        f"give --base-url https://... or set base_url in the [report] table of {config.config_path()}"
    )


def _check_urls(opts: Mapping[str, Any]) -> None:
    base = opts.get("base_url")
    for name in ("base_url", "organisation_url"):
        if opts.get(name) and not is_http_url(opts[name]):
            option = "--" + name.replace("_", "-")
            raise ReportError(f"{option} must be an http(s) URL, not {opts[name]!r}")
    if base and "#" in base:  # each review's url is BASE#CLAIM_ID: a fragment of its own would make two
        raise ReportError(
            f"--base-url must have no fragment (the part from #), each review's is its claim id: {base!r}"
        )


def _work(r: dict[str, Any]) -> dict[str, Any]:
    w: dict[str, Any] = {"@type": "CreativeWork"}
    if is_http_url(r["url"]):
        w["url"] = r["url"]
    w["name"] = r["title"] or r["article_key"]
    if r["language"]:
        w["inLanguage"] = r["language"]
    if r["outlet"]:
        w["publisher"] = {"@type": "Organization", "name": r["outlet"]}
    if r["published"]:
        w["datePublished"] = r["published"]
    return w


def _claim_url(base: str | None, r: dict[str, Any]) -> str | None:
    """What a reader can open for a claim: its article, else its own review (BASE#CLAIM_ID) when one is
    published (a decided claim), else nothing."""
    if is_http_url(r["url"]):
        return str(r["url"])
    if base and r["verdict"] != "unreviewed":
        return f"{base}#{quote(r['claim_id'], safe='')}"
    return None


class _LeftOut:
    """Recommended fields left out, per field: the claims concerned and why (one stderr line each)."""

    def __init__(self) -> None:
        self.fields: dict[tuple[str, str], list[str]] = {}

    def add(self, field: str, why: str, cid: str) -> None:
        self.fields.setdefault((field, why), []).append(cid)

    def lines(self) -> list[str]:
        out = []
        for (field, why), ids in self.fields.items():
            shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            out.append(f"ClaimReview: recommended {field} left out for {len(ids)} claim(s) ({why}): {shown}")
        return out


def claimreviews(
    data: dict[str, Any], opts: Mapping[str, Any], *, notes: list[str] | None = None, strict: bool = False
) -> list[dict[str, Any]]:
    """One ClaimReview per reviewed claim (unreviewed claims are left out).

    ``appearance`` lists the claim's own article and the articles of other claims in the same event
    group that received the same verdict (the same claim as reported by other outlets). Recommended fields
    that cannot be filled are left out and described in ``notes``; ``strict`` refuses instead.
    """
    rows: list[dict[str, Any]] = data["claims"]
    # (with --decided, a claim a decided one is superseded by has no verdict and is not listed: it is quoted
    # from the report's "superseding" part, as the full report quotes it)
    # (a claim given as evidence, likewise: it is in the "cited" part)
    by_id = {r["claim_id"]: r for r in [*data.get("cited", ()), *data.get("superseding", ()), *rows]}
    ratings: Mapping[str, str] = {**DEFAULT_RATINGS, **(opts.get("ratings") or {})}
    base = opts.get("base_url")
    _check_urls(opts)
    left = _LeftOut()
    out = []
    for r in rows:
        if r["verdict"] == "unreviewed":
            continue
        cid = r["claim_id"]
        same = [r] + [
            o
            for o in rows
            if o is not r
            and o["group"]
            and o["group"] == r["group"]
            and o["verdict"] == r["verdict"]
            and o["article_key"] != r["article_key"]
            and r["superseded_by"] != o["claim_id"]
            and o["superseded_by"] != r["claim_id"]
        ]
        seen: set[str] = set()
        apps = []
        for o in same:
            if o["article_key"] not in seen:
                seen.add(o["article_key"])
                apps.append(o)
        dated = sorted((o for o in apps if o["published"]), key=lambda o: o["published"])
        first = dated[0] if dated else None
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": ratings.get(r["verdict"], "")}
        if r["note"]:
            rating["ratingExplanation"] = r["note"]
        item: dict[str, Any] = {"@type": "Claim"}
        if r["language"]:
            item["inLanguage"] = r["language"]  # the claim is in its article's language
        speaker = r["speaker"] or r["outlet"]
        if speaker:
            item["author"] = {"@type": "Person" if r["speaker"] else "Organization", "name": speaker}
        else:
            left.add("itemReviewed.author", "no speaker and no outlet", cid)
        if first:
            item["datePublished"] = first["published"]
            item["firstAppearance"] = _work(first)
        else:
            left.add("itemReviewed.datePublished and firstAppearance", "the article has no date", cid)
        item["appearance"] = [_work(o) for o in apps]
        obj: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": cid,
            "claimReviewed": r["text"],
            "reviewRating": rating,
            "itemReviewed": item,
        }
        if opts.get("organisation"):
            author: dict[str, Any] = {"@type": "Organization", "name": opts["organisation"]}
            if opts.get("organisation_url"):
                author["url"] = opts["organisation_url"]
            obj["author"] = author
        else:
            left.add("author", "give --organisation", cid)
        obj["datePublished"] = (r["reviewed_at"] or data["generated"] or "")[:10]
        if base:
            obj["url"] = f"{base}#{quote(cid, safe='')}"
        if r["verdict"] == "superseded" and r["superseded_by"]:
            newer = by_id.get(r["superseded_by"])
            link: dict[str, Any] = {"@type": "Claim", "identifier": r["superseded_by"]}
            if newer:
                link["text"] = newer["text"]
                url = _claim_url(base, newer)
                if url:
                    link["url"] = url
                if newer["published"]:
                    link["datePublished"] = newer["published"]
            obj["isBasedOn"] = link
            # (the newer claim may be out of the report: dismissed since, or its article edited)
            newer_text = f": {link['text']}" if link.get("text") else f" (claim {r['superseded_by']})."
            rating.setdefault("ratingExplanation", f"Superseded by a newer report{newer_text}")
        citations = [e for e in r["evidence"] if is_http_url(e) or e in by_id]
        if len(citations) < len(r["evidence"]):
            left.add("citation", "evidence that is neither an http(s) URL nor a claim id", cid)
        if citations:
            obj["citation"] = citations
        _check_required(obj, cid, r["verdict"])
        out.append(obj)
    lines = left.lines()
    if strict and lines:
        raise ReportError(lines[0] + " (--strict)")
    gone = [o["claim_id"] for o in data["orphans"] if o["verdict"] != "unreviewed"]
    if gone:  # no claim in an article to review any more: not published, but said (no field is missing)
        shown = ", ".join(gone[:5]) + (f" and {len(gone) - 5} more" if len(gone) > 5 else "")
        lines.append(
            f"ClaimReview: {len(gone)} decided claim(s) left out (the claim is no longer in its article:"
            f" an orphaned decision, see the Markdown report): {shown}"
        )
    if notes is not None:
        notes.extend(lines)
    return out


def render_claimreview(
    data: dict[str, Any], opts: Mapping[str, Any], *, notes: list[str] | None = None, strict: bool = False
) -> str:
    """ClaimReview JSON-LD, safe to embed in a ``<script>`` element (``<``, ``>``, ``&`` escaped)."""
    return json_text(claimreviews(data, opts, notes=notes, strict=strict), html_safe=True) + "\n"


# ---------------------------------------------------------------------------------------------
# Entry points


def render(
    review: Any,
    fmt: str,
    *,
    notes: list[str] | None = None,
    strict: bool = False,
    decided: bool = False,
    **options: Any,
) -> str:
    """The report of ``review`` in format ``fmt`` (md, csv, json, claimreview) as text.

    ClaimReview: recommended fields left out are described in ``notes`` (when given); ``strict`` refuses.
    ``decided``: only the decided claims and their groups (``collect``)."""
    fmt = _format(fmt)
    opts = _options(options)
    data = collect(review, decided=decided)
    if fmt == "md":
        return render_markdown(data)
    if fmt == "csv":
        return render_csv(data, opts["csv_separator"])
    if fmt == "json":
        return render_json(data)
    return render_claimreview(data, opts, notes=notes, strict=strict)


def _format(fmt: str) -> str:
    fmt = fmt.lower()
    if fmt == "markdown":
        fmt = "md"
    if fmt not in FORMATS:
        raise ReportError(f"unknown report format {fmt!r} (use one of: {', '.join(FORMATS)})")
    return fmt


def check_request(session: Path, fmt: str, output: Path | str | None = None, **options: Any) -> None:
    """Refuse (``ReportError``) what a report of ``session`` is refused for whatever its batch holds, before
    the batch is read (seconds on a big one, and its notices would bury the one line that matters): an unknown
    format, a bad option (a rating, a URL), a ClaimReview with no base URL (given or configured; each review
    needs the URL that publishes it), and an ``output`` that is a folder, in no folder, or a session's file."""
    fmt = _format(fmt)
    opts = _options(options)
    _check_urls(opts)
    if fmt == "claimreview" and not opts["base_url"]:
        raise ReportError(_no_base_url())
    if output is not None:
        _check_target(session, Path(output))


def write_report(
    review: Any,
    fmt: str,
    path: Path | str,
    *,
    notes: list[str] | None = None,
    strict: bool = False,
    decided: bool = False,
    **options: Any,
) -> Path:
    """Render and write atomically (UTF-8, ``factcheck.atomic``; a CSV with a byte-order mark,
    ``CSV_FILE_BOM``); returns the path written.

    Raises ReportError (also for a path that is the session, one of its files, or an article of the corpus:
    never written over), OSError (a missing folder is not created)."""
    target = Path(path)
    _refuse_inputs(review, target)
    text = render(review, fmt, notes=notes, strict=strict, decided=decided, **options)
    if _format(fmt) == "csv":
        text = CSV_FILE_BOM + text
    write_atomic(target, text, mkdir=False)
    return target


# A CSV file opens with a UTF-8 byte-order mark: a spreadsheet opening the file (Excel, by a double click)
# reads it as UTF-8 only then, else in the system's legacy code page ("José Núñez" became "JosÃ© NÃºÃ±ez",
# "„völlig überzogen“" became "â€žvÃ¶llig Ã¼berzogenâ€œ"). Standard output has none (a script's pipe);
# LibreOffice, Google Sheets, pandas and the claim memory's tables skip it, Python's csv module reads it with
# encoding="utf-8-sig".
CSV_FILE_BOM = "\ufeff"


def _refuse_inputs(review: Any, target: Path) -> None:
    """A report written over the session, its history, backups or lock, or an article it was made from,
    would destroy what the report is about; one written over another session would destroy that review."""
    _check_target(Path(review.path), target)
    where = target.resolve()
    for a in review.corpus.articles:
        if a.source_file and Path(a.source_file).resolve() == where:
            raise ReportError(
                f"{target}: an article of the corpus ({a.key}); not written over (give another file)"
            )


def _check_target(session: Path, target: Path) -> None:
    """What refuses ``target`` as the report file of ``session`` without its batch: a folder, a folder that
    does not exist (none is created), the session's own files, another session. (A device or a pipe is
    refused by the writer: ``atomic.write_atomic``.)"""
    if target.is_dir():
        raise ReportError(f"{target}: a folder; give the report a file name in it ({target / 'report.md'})")
    if not target.parent.is_dir():
        raise ReportError(f"{target.parent}: no such folder (the report's folder is not created)")
    where = target.resolve()
    if any(p.resolve() == where for p in sess.session_files(session)):
        raise ReportError(
            f"{target}: a file of the session {session.name}; not written over (give another file)"
        )
    if sess.is_session_file(target):  # another session's (a name typed or completed wrong: a desk's review)
        raise ReportError(f"{target}: a factcheck session file; not written over (give another file)")
