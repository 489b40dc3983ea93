"""Combining two reviewers' sessions of the same corpus, with Cohen's kappa of their agreement."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from factcheck.model import Verdict
from factcheck.session.records import Decision, HistoryEntry, SessionData, SessionError, iso, utcnow
from factcheck.textout import clipped, counted, padded


@dataclass(slots=True)
class MergeReport:
    reviewers: tuple[str, str]
    # claims per verdict in A, B and merged; "unreviewed" counts only the claims left in conflict to resolve
    # (a decision record that is only an edit, a speaker or a note, is no verdict and is not counted)
    counts: tuple[dict[str, int], dict[str, int], dict[str, int]]
    both_reviewed: int = 0
    agreements: int = 0
    conflicts: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # claim id, A's side, B's side (_label)
    kappa: float | None = None
    only_a: int = 0
    only_b: int = 0
    notes: list[str] = field(default_factory=list)  # other things the reviewer should know
    # both sessions name one reviewer (a copy of a session handed to a colleague): ``reviewers`` are then
    # "NAME (A)" and "NAME (B)", and the table and the conflicts say which session is which
    same_reviewer: bool = False
    sessions: tuple[str, str] = ("", "")  # the two files as given (``cmd_merge``), named when same_reviewer

    def lines(self) -> list[str]:
        a, b = self.reviewers
        out = []
        heads = (a, b)
        if self.same_reviewer:  # (the tag first: a long name is cut, never the tag)
            name = a.removesuffix(" (A)")
            if all(self.sessions):
                out.append(f"(A) is {self.sessions[0]}, (B) is {self.sessions[1]}: both reviewed by {name}")
            heads = (f"(A) {self.sessions[0] or name}", f"(B) {self.sessions[1] or name}")
        # a reviewer's name cut to its column by terminal cells, as every table's (a CJK name takes two a character)
        out.append(
            f"{'claims':<12} {padded(clipped(heads[0], 14), 14, right=True)}"
            f" {padded(clipped(heads[1], 14), 14, right=True)} {'merged':>8}"
        )
        # the verdicts, then the claims left to resolve: what the merge decided before what it leaves to do
        for v in [*(v for v in Verdict if v != Verdict.UNREVIEWED), Verdict.UNREVIEWED]:
            label = "in conflict" if v == Verdict.UNREVIEWED else str(v)
            out.append(f"{label:<12} {self.counts[0][v]:>14} {self.counts[1][v]:>14} {self.counts[2][v]:>8}")
        out.append(
            f"reviewed by both: {self.both_reviewed}; agree: {self.agreements}; conflicts: {len(self.conflicts)}"
        )
        out.append(f"reviewed only by {a}: {self.only_a}; only by {b}: {self.only_b}")
        if self.kappa is None:
            why = "no claim reviewed by both" if not self.both_reviewed else "every verdict in one category"
            out.append(f"Cohen's kappa: undefined ({why})")
        else:
            out.append(f"Cohen's kappa: {self.kappa:.3f} over {counted(self.both_reviewed, 'claim')}")
        for cid, side_a, side_b in self.conflicts:
            if self.same_reviewer:
                side_a, side_b = f"(A) {side_a}", f"(B) {side_b}"
            out.append(f"conflict {cid}: {side_a}, {side_b}")
        out.extend(self.notes)
        return out


def cohen_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' labels; None when undefined (no pairs, or chance agreement is 1)."""
    n = len(pairs)
    if n == 0:
        return None
    po = sum(1 for x, y in pairs if x == y) / n
    labels = {x for x, _ in pairs} | {y for _, y in pairs}
    pe = sum(
        (sum(1 for x, _ in pairs if x == k) / n) * (sum(1 for _, y in pairs if y == k) / n) for k in labels
    )
    if pe >= 1.0:
        return None
    return (po - pe) / (1 - pe)


def _merge_notes(a: Decision, b: Decision, reviewer: str | None) -> str:
    """Both reviewers' notes (the same words once), each after its author's name unless that is
    ``reviewer``, the one the merged decision names: a note left unnamed reads as theirs."""
    notes = [(a.reviewer, "A", a.note)] + ([(b.reviewer, "B", b.note)] if b.note != a.note else [])
    return "\n\n".join(
        text if who == reviewer else f"[{who or side}] {text}" for who, side, text in notes if text
    )


def _left_open(d: Decision, sides: list[dict[str, Any]], updated: dt.datetime) -> Decision:
    """``d`` left for resolution with ``sides`` added to its conflicts: no verdict, and no reviewer (an open
    conflict is nobody's decision: its sides name the reviewers)."""
    return replace(
        d,
        verdict=Verdict.UNREVIEWED,
        superseded_by=None,
        reviewer=None,
        conflicts=(*d.conflicts, *sides),
        updated=updated,
    )


def _counted(d: Decision) -> bool:
    """A claim the merge table counts: one with a verdict, or left in conflict to resolve."""
    return d.verdict != Verdict.UNREVIEWED or bool(d.conflicts)


def _latest(a: Decision, b: Decision) -> dt.datetime:
    """The time a merge's decision of ``a`` and ``b`` stands at: the later of theirs, or now."""
    return max(t for t in (a.updated, b.updated, utcnow()) if t)


def _side(d: Decision, session_reviewer: str) -> dict[str, Any]:
    """``d`` as a side of a conflict the review shows: named by who marked it (its own ``reviewer``), or by
    its session's reviewer when the decision names nobody."""
    out: dict[str, Any] = {"reviewer": d.reviewer or session_reviewer, "verdict": str(d.verdict)}
    if d.superseded_by:
        out["superseded_by"] = d.superseded_by
    if d.note:
        out["note"] = d.note
    if d.updated:
        out["updated"] = iso(d.updated)
    return out


def merge(a: SessionData, b: SessionData, corpus: list[str] | None = None) -> tuple[SessionData, MergeReport]:
    """Combine two reviewers' sessions of the same corpus. Agreements are kept; conflicting verdicts leave
    the claim unreviewed with both sides in ``conflicts`` for resolution; nothing is dropped."""
    shared = set(a.articles) & set(b.articles)
    if a.articles and b.articles and not shared:
        raise SessionError("the two sessions share no article: they are not sessions of the same corpus")
    ra, rb = a.reviewer or "A", b.reviewer or "B"
    same = ra == rb
    if same:
        ra, rb = f"{ra} (A)", f"{rb} (B)"
    out = SessionData(
        reviewer=a.reviewer,
        created=min((t for t in (a.created, b.created) if t), default=utcnow()),
        corpus=list(corpus if corpus is not None else a.corpus),
        cursor=a.cursor,
        # (a newer factcheck's fields, which this version does not write: the merge is never saved by it)
        unknown_fields=a.unknown_fields + b.unknown_fields,
    )
    counts: tuple[dict[str, int], dict[str, int], dict[str, int]] = (
        dict.fromkeys(Verdict, 0),
        dict.fromkeys(Verdict, 0),
        dict.fromkeys(Verdict, 0),
    )
    rep = MergeReport((ra, rb), counts, same_reviewer=same)
    for key in list(a.articles) + [k for k in b.articles if k not in a.articles]:
        x, y = a.articles.get(key), b.articles.get(key)
        rec = x or y
        assert rec is not None
        if x and y:
            if x.fingerprint != y.fingerprint:
                rep.notes.append(f"article {key} differs between the two sessions (text changed in between)")
            # what a reviewer set (date, title, outlet): one side's stands; both, A's kept and said
            for name, what in (("published", "publication date"), ("title", "title"), ("outlet", "outlet")):
                va, vb = getattr(x, name), getattr(y, name)
                if va is not None and vb is not None and va != vb:
                    rep.notes.append(f"{what} of {key}: {ra} {va}, {rb} {vb}; kept {va}")
            rec = replace(
                x,
                published=x.published if x.published is not None else y.published,
                title=x.title if x.title is not None else y.title,
                outlet=x.outlet if x.outlet is not None else y.outlet,
            )
        out.articles[key] = rec
    pairs: list[tuple[str, str]] = []
    for cid in list(a.decisions) + [c for c in b.decisions if c not in a.decisions]:
        da, db = a.decisions.get(cid), b.decisions.get(cid)
        for i, d in ((0, da), (1, db)):
            if d is not None and _counted(d):
                counts[i][d.verdict] += 1
        if da is None or db is None:
            d = da or db
            assert d is not None
            if d.verdict != Verdict.UNREVIEWED:
                if da is None:
                    rep.only_b += 1
                else:
                    rep.only_a += 1
            out.decisions[cid] = d
            continue
        reviewed_a, reviewed_b = da.verdict != Verdict.UNREVIEWED, db.verdict != Verdict.UNREVIEWED
        if da.speaker and db.speaker and da.speaker != db.speaker:
            rep.notes.append(f"speaker of {cid}: {ra} {da.speaker}, {rb} {db.speaker}; kept {da.speaker}")
        merged = replace(
            da,
            speaker=da.speaker or db.speaker,
            evidence=tuple(dict.fromkeys(da.evidence + db.evidence)),
            dismissed=_dismissed(cid, (da, a.reviewer, ra), (db, b.reviewer, rb), rep),
            conflicts=da.conflicts + tuple(c for c in db.conflicts if c not in da.conflicts),
        )
        open_a, open_b = bool(da.conflicts) and not reviewed_a, bool(db.conflicts) and not reviewed_b
        if (open_a and reviewed_b) or (open_b and reviewed_a):
            # A conflict left open by an earlier merge stays open: the other reviewer's verdict is one more
            # side to resolve (a third opinion does not settle the first two silently).
            new_side = _side(db, rb) if reviewed_b else _side(da, ra)
            known = {(c.get("reviewer"), c.get("verdict"), c.get("superseded_by")) for c in merged.conflicts}
            is_new = (new_side["reviewer"], new_side["verdict"], new_side.get("superseded_by")) not in known
            rep.conflicts.append((cid, _label(da, a.reviewer, ra), _label(db, b.reviewer, rb)))
            merged = _left_open(merged, [new_side] if is_new else [], _latest(da, db))
        elif reviewed_a and reviewed_b:
            rep.both_reviewed += 1
            pairs.append((str(da.verdict), str(db.verdict)))
            if (da.verdict, da.superseded_by) == (db.verdict, db.superseded_by):
                rep.agreements += 1
            else:
                rep.conflicts.append((cid, _label(da, a.reviewer, ra), _label(db, b.reviewer, rb)))
                merged = _left_open(merged, [_side(da, ra), _side(db, rb)], _latest(da, db))
        elif reviewed_b:
            rep.only_b += 1
            merged = replace(
                merged,
                verdict=db.verdict,
                superseded_by=db.superseded_by,
                reviewer=db.reviewer,
                updated=db.updated,
            )
        elif reviewed_a:
            rep.only_a += 1
        out.decisions[cid] = replace(merged, note=_merge_notes(da, db, merged.reviewer))
    _break_cycles(out, a, b, rep)
    for d in out.decisions.values():
        if _counted(d):
            counts[2][d.verdict] += 1
    rep.kappa = cohen_kappa(pairs)
    out.manual = {**b.manual, **a.manual}
    out.merges = list(dict.fromkeys(a.merges + b.merges))
    out.splits = list(dict.fromkeys(a.splits + b.splits))
    # History: both trails in time order, steps renumbered so each reviewer action stays one step.
    entries = [(h, 0) for h in a.history_entries()] + [(h, 1) for h in b.history_entries()]
    entries.sort(key=lambda e: (e[0].at, e[1], e[0].step))
    renum: dict[tuple[int, int], int] = {}
    for h, side in entries:
        step = renum.setdefault((side, h.step), len(renum) + 1)
        out.add_history(replace(h, step=step))
    # The merge itself is one step: the conflicts it left, else a row of no change. Undo stops there (a
    # merge is a barrier, see Review._stacks): the two trails interleaved are a record, not one sitting to
    # undo into, and undoing a reviewer's own step would silently drop their decision from the merge.
    step, now, by = len(renum) + 1, utcnow(), f"merge of {ra} and {rb}"
    for cid, _, _ in rep.conflicts:
        conflicts = {"conflicts": list(out.decisions[cid].conflicts)}
        out.add_history(HistoryEntry(step, now, by, "merge", "decision", cid, {}, conflicts))
    if not rep.conflicts:
        out.add_history(HistoryEntry(step, now, by, "merge", "decision", "", {}, {}))
    return out, rep


def _dismissed(
    cid: str,
    side_a: tuple[Decision, str | None, str],
    side_b: tuple[Decision, str | None, str],
    rep: MergeReport,
) -> bool:
    """A claim one reviewer dismissed (no claim to check) stays dismissed, unless the other gave it a verdict
    and kept it: then it stays in (dismissed, their verdict would be in no report), and merge says so."""
    da, db = side_a[0], side_b[0]
    if da.dismissed == db.dismissed:
        return da.dismissed
    (kept, kept_reviewer, kept_session), (gone, _, gone_session) = (
        (side_b, side_a) if da.dismissed else (side_a, side_b)
    )
    if kept.verdict == Verdict.UNREVIEWED:
        return True
    gone_by = gone.reviewer or gone_session
    rep.notes.append(
        f"{cid}: {gone_by} dismissed it, {_label(kept, kept_reviewer, kept_session)}: kept in (dismiss it again to agree with"
        f" {gone_by})"
    )
    return False


def _break_cycles(out: SessionData, a: SessionData, b: SessionData, rep: MergeReport) -> None:
    """Supersessions each valid alone can close a cycle once merged (A: x by y; B: y by x), where no claim
    is the current one (``mark`` refuses such a cycle). The link B brought into it is left as a conflict
    to resolve, its claim unreviewed; A's links stand."""
    ra, rb = rep.reviewers
    for cid in list(out.decisions):
        cycle, nxt = [cid], out.decisions[cid].superseded_by
        while nxt and nxt not in cycle and nxt in out.decisions:
            cycle.append(nxt)
            nxt = out.decisions[nxt].superseded_by
        if nxt != cid:
            continue  # no cycle through cid (or one already broken)
        from_b = [
            x
            for x in cycle
            if (d := b.decisions.get(x)) and d.superseded_by == out.decisions[x].superseded_by
        ]
        x = next((y for y in from_b if y not in a.decisions or a.decisions[y] != b.decisions[y]), cycle[0])
        d = out.decisions[x]
        other = a.decisions.get(x) if x in from_b else b.decisions.get(x)
        owner, other_owner = (
            ((b.reviewer, rb), (a.reviewer, ra)) if x in from_b else ((a.reviewer, ra), (b.reviewer, rb))
        )
        other_label = _label(other if other and other != d else None, *other_owner)
        label = _label(d, *owner)
        rep.conflicts.append((x, other_label, label) if x in from_b else (x, label, other_label))
        rep.notes.append(
            f"{x}: {d.reviewer or (rb if x in from_b else ra)}'s 'superseded by {d.superseded_by}' closes a"
            f" supersession cycle ({' -> '.join([*cycle, cid])}): kept as a conflict for resolution"
        )
        out.decisions[x] = _left_open(d, [_side(d, owner[1])], utcnow())


def _label(d: Decision | None, reviewer: str | None, session_reviewer: str) -> str:
    """``d`` as a side of a conflict in merge's summary, named as the review's conflict lines name it: by
    who marked it (the decision's own ``reviewer``: the truth of who decided), or its session's reviewer
    when it names nobody; the session after it (``session_reviewer``, its name in the table) when the
    decision's reviewer is not the session's ``reviewer`` (a copy of another's session marked on, a header
    edited), so the side still maps to its column. ``None``: no decision."""
    if d is None:
        return f"{session_reviewer} {Verdict.UNREVIEWED}"
    if d.conflicts and d.verdict == Verdict.UNREVIEWED:
        sides = ", ".join(f"{c.get('reviewer') or '?'} {c.get('verdict')}" for c in d.conflicts)
        return f"{session_reviewer}: open conflict ({sides})"
    verdict = f"{d.verdict} by {d.superseded_by}" if d.superseded_by else str(d.verdict)
    who = d.reviewer or session_reviewer
    return f"{who} {verdict}" + (
        f" (in {session_reviewer}'s session)" if who != (reviewer or session_reviewer) else ""
    )
