"""What other outlets said about the current claim's event, reviewer conflicts, evidence and suggestions.

The panel builds its own content from the review (cached per claim until ``forget`` after a change).
"""

from __future__ import annotations

import datetime as dt

from textual.content import Content

from factcheck.matching import Match
from factcheck.memory import Memory
from factcheck.model import Article, Claim, EventGroup, Suggestion, Verdict
from factcheck.review import Review, ReviewError
from factcheck.tui.fmt import (
    article_name,
    badge,
    claim_words,
    clip,
    coded_times,
    date_text,
    group_time,
    literal,
    open_times,
    tell_apart,
    time_text,
    verdict_word,
)
from factcheck.tui.widgets.line_view import LineView

EVENT_LINES = 30  # other reports listed in the panel (all of them: the groups screen)
SUPERSEDES_LINES = 3  # claims named on the "Supersedes:" line


class EventPanel(LineView):
    HELP_TITLE = "Event panel"
    HELP = (
        "Event panel: the current claim's verdict (superseded by which claim), the claims it supersedes, "
        "times, note, evidence (E opens or removes it) and any "
        "conflict between reviewers after a merge (r resolves it); then the other claims of its event group, "
        "from other outlets, by publication date, with their verdicts; the group's time; why they were "
        "grouped; and any suggestion (a later report superseding an earlier one). a accepts the suggestion "
        "shown; G applies a verdict to the whole group (decided claims are left alone unless you say so); "
        "m merges this group with another; x takes the claim out of its group; g opens every group as a "
        "timeline. When an article has no publication date its times stay open ('Wednesday (date "
        "unknown)'): a Time line shows the value itself (XXXX-WXX-3), and p sets the date."
    )

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: tuple[str, tuple[object, ...]] | None = None
        self._review: Review | None = None
        self._articles: dict[str, Article] = {}
        self._groups_src: list[EventGroup] | None = None
        self._groups: dict[str, EventGroup] = {}
        self._cache: dict[str, tuple[Claim, Content]] = {}
        self._suggestions: dict[str, tuple[Claim, list[Suggestion]]] = {}
        self._overtaken: dict[str, list[str]] | None = None  # claim id -> the claims marked superseded by it
        self.memory: Memory | None = None  # the reviewer's archive of checked claims, once indexed

    def set_memory(self, memory: Memory) -> None:
        """The archive is indexed: claims checked before show it from now on."""
        self.memory = memory
        self.forget()

    def attach(self, review: Review) -> None:
        self._review = review
        self._articles = {a.key: a for a in review.corpus.articles}
        self.forget()

    def forget(self) -> None:
        """The session changed: build every claim's content again when it is next shown."""
        self._cache.clear()
        self._suggestions.clear()
        self._overtaken = None

    # ------------------------------------------------------------------------------------------
    # Showing

    def show_claim(self, claim: Claim | None, *, empty: str = "No claim selected.") -> None:
        self._show(self.content_for(claim) if claim is not None else Content(empty))

    def prepare_claim(self, claim: Claim) -> None:
        self.prepare(self.content_for(claim))

    def _show(self, content: Content) -> None:
        key = (content.plain, tuple(content.spans))
        if key == self._shown:
            return  # most moves inside one event change nothing here
        self._shown = key
        self.set_content(content)
        self.scroll_home(animate=False)

    # ------------------------------------------------------------------------------------------
    # What it shows

    def group_of(self, claim: Claim) -> EventGroup | None:
        if self._review is None or claim.group is None:
            return None
        groups = self._review.corpus.groups
        if groups is not self._groups_src:
            self._groups_src = groups
            self._groups = {g.id: g for g in groups}
        return self._groups.get(claim.group)

    def suggestions(self, claim: Claim | None) -> list[Suggestion]:
        """Open suggestions about ``claim``, the actionable kind first (a accepts the first one shown);
        a suggestion the reviewer already followed is not listed."""
        if claim is None or self._review is None or self._review.grouping:
            return []  # (none yet while the batch is grouped: nothing kept of that)
        hit = self._suggestions.get(claim.id)
        if hit is None or hit[0] is not claim:
            if len(self._suggestions) > 200:
                self._suggestions.clear()
            hit = self._suggestions[claim.id] = (claim, self._find_suggestions(claim))
        return hit[1]

    def _find_suggestions(self, claim: Claim) -> list[Suggestion]:
        review = self._review
        assert review is not None
        try:
            found = review.suggestions_for(claim.id)
        except ReviewError:
            return []
        open_ = []
        for s in found:
            if s.kind == "supersedes":
                d = review.decision(s.claim)
                if d.verdict == Verdict.SUPERSEDED and d.superseded_by == s.by:
                    continue  # accepted
            open_.append(s)
        return sorted(open_, key=lambda s: (s.kind != "supersedes", s.claim != claim.id))

    def suggestion_text(self, s: Suggestion) -> Content:
        """A suggestion in words: each claim by its outlet and the start of its text."""
        assert self._review is not None
        try:
            a, b = self._review.claim(s.claim), self._review.claim(s.by)
        except ReviewError:
            return literal(f"{s.claim} {s.kind} {s.by}")
        verb = " is superseded by " if s.kind == "supersedes" else " conflicts with "
        return Content.assemble(
            literal(article_name(self._articles.get(a.article_key)), "bold"),
            literal(f" '{claim_words(a)}'"),
            verb,
            literal(article_name(self._articles.get(b.article_key)), "bold"),
            literal(f" '{claim_words(b)}'"),
        )

    def content_for(self, claim: Claim) -> Content:
        """What the panel shows for ``claim`` (cached until ``forget``)."""
        hit = self._cache.get(claim.id)
        if hit is None or hit[0] is not claim:
            if len(self._cache) > 200:
                self._cache.clear()
            hit = self._cache[claim.id] = (claim, self._build(claim))
        return hit[1]

    def overtaken_by(self, cid: str) -> list[str]:
        """The claims marked superseded by ``cid`` (the link's other end), in the session's order; the index
        is made once per change of the session."""
        if self._overtaken is None:
            assert self._review is not None
            self._overtaken = {}
            for old, d in self._review.data.decisions.items():
                if d.verdict == Verdict.SUPERSEDED and d.superseded_by:
                    self._overtaken.setdefault(d.superseded_by, []).append(old)
        return self._overtaken.get(cid, [])

    def _overtaken_line(self, cid: str) -> Content | None:
        """ "Supersedes: Breitbart 'The New York Post reports…'": what the reviewer marked superseded by this
        claim (its own panel names only the claim it is superseded by)."""
        assert self._review is not None
        olds = self.overtaken_by(cid)
        if not olds:
            return None
        parts: list[Content] = []
        for old in olds[:SUPERSEDES_LINES]:
            try:
                o = self._review.claim(old)
            except ReviewError:  # its article is gone, or not read yet
                parts.append(literal(old))
                continue
            parts.append(
                Content.assemble(
                    literal(article_name(self._articles.get(o.article_key)), "bold"),
                    literal(f" '{claim_words(o)}'"),
                )
            )
        more = len(olds) - SUPERSEDES_LINES
        if more > 0:
            parts.append(Content(f"and {more} more"))
        return Content.assemble(("Supersedes: ", "bold"), Content("; ").join(parts))

    def _verdict(self, cid: str) -> Verdict:
        assert self._review is not None
        d = self._review.data.decisions.get(cid)
        return d.verdict if d else Verdict.UNREVIEWED

    def _build(self, c: Claim) -> Content:
        review = self._review
        assert review is not None
        d = review.decision(c.id)
        lines: list[Content] = []
        # the claim's own id before "by ...": after it, it read as the id of the claim superseding it
        head = [verdict_word(d.verdict), Content.styled(f"  {c.id}", "$text-muted")]
        if d.superseded_by:
            try:
                by = review.claim(d.superseded_by)
                name = article_name(self._articles.get(by.article_key))
                head.append(literal(f"  by {name} '{claim_words(by)}'"))
            except ReviewError:  # not read yet, or its article was deleted or the sentence edited away
                gone = " (not read yet)" if review.loading is not None else " (no longer in the articles)"
                head.append(literal(f"  by {d.superseded_by}{gone}"))
        if c.speaker:
            head += [Content.styled("  speaker ", "$text-muted"), literal(c.speaker, "bold")]
        lines.append(Content.assemble(*head))
        overtaken = self._overtaken_line(c.id)
        if overtaken is not None:
            lines.append(overtaken)
        for conflict in d.conflicts:
            side = Content.assemble(
                ("Conflict", "bold $text-error"),
                (" (r resolves): ", "$text-muted"),
                literal(str(conflict.get("reviewer") or "?"), "bold"),
                " ",
                literal(str(conflict.get("verdict", "?"))),
            )
            if conflict.get("superseded_by"):  # named as the claim's own supersession is, not by its id
                newer = review.named_superseding(str(conflict["superseded_by"]))
                side = Content.assemble(side, literal(f" by {newer}"))
            if conflict.get("note"):
                side = Content.assemble(side, " — ", literal(str(conflict["note"])).stylize("$text-muted"))
            lines.append(side)
        if self.memory is not None and self.memory.ready:
            art = self._articles.get(c.article_key)
            dated = art.published.isoformat() if art is not None and art.published else ""
            language = art.language if art is not None else None
            for m in self.memory.checked_before(
                c.text, top=1, dated=dated, lang=language, own=(c.id, review.path)
            ):
                lines.append(checked_before_line(m))
        when = time_text(c)
        if when:  # every time of the claim (the list shows the first); the values themselves when open
            raw = coded_times(c)
            art = self._articles.get(c.article_key)
            extra = f" · value {', '.join(raw)}" if raw else ""
            if open_times(c) and art is not None and art.published is None:
                extra += " · p sets the publication date"
            lines.append(Content.assemble(("Time: ", "bold"), (when, "$text-accent"), (extra, "$text-muted")))
        for s in self.suggestions(c):
            lines.append(
                Content.assemble(
                    ("Suggestion", "bold $text-warning"),
                    (" (a accepts): " if s.kind == "supersedes" else ": ", "$text-muted"),
                    self.suggestion_text(s),
                    literal(f" — {s.why}" if s.why else "").stylize("$text-muted"),
                )
            )
        if d.note:
            lines.append(Content.assemble(("Note: ", "bold"), literal(d.note)))
        if d.evidence:
            lines.append(
                Content.assemble(
                    ("Evidence", "bold"), (" (E opens): ", "$text-muted"), literal(", ".join(d.evidence))
                )
            )
        if review.loading is not None:
            lines.append(
                Content.styled("Other reports of this event: once the batch is read.", "$text-muted")
            )
            return Content("\n").join(lines)
        if review.grouping:  # (no stale groups: none are shown until the batch's are in)
            lines.append(Content.styled("Other reports of this event: grouping…", "$text-muted"))
            return Content("\n").join(lines)
        g = self.group_of(c)
        members = review.group_claims(g) if g is not None else []
        if g is None or len(members) <= 1:
            lines.append(Content.styled("No other report of this event.", "$text-muted"))
            return Content("\n").join(lines)
        outlets = {o.article_key for o in members}
        lines.append(
            Content.assemble(
                ("Event ", "bold"),
                literal(g.id),
                " · time ",
                group_time(g, members, self._articles),
                f" · {len(members)} claims, {len(outlets)} articles",
            )
        )
        why = g.why.get("summary") if isinstance(g.why, dict) else None
        merged = review.merged_by_reviewer(g)
        if merged:
            why = "merged by a reviewer" + (f"; otherwise {why}" if why else "")
        if why:
            lines.append(Content.assemble(("Why: ", "$text-muted"), literal(str(why))))
        others = []
        for o in members:
            if o.article_key == c.article_key:
                continue
            art = self._articles.get(o.article_key)
            others.append((art.published if art and art.published else dt.date.max, o.article_key, o, art))
        others.sort(key=lambda t: (t[0], t[1], t[2].start))
        more = len(others) - EVENT_LINES
        # two articles of one outlet and day with the same sentence read the same: their titles tell them apart
        which = tell_apart((o for *_, o, _art in others[:EVENT_LINES]), self._articles)
        for pub, _k, o, art in others[:EVENT_LINES]:
            told = which.get(o.id)
            lines.append(
                Content.assemble(
                    badge(self._verdict(o.id)),
                    " ",
                    (date_text(pub if pub != dt.date.max else None), "$text-muted"),
                    " ",
                    literal(clip(article_name(art), 22), "bold"),
                    literal(f" · {clip(told, 60)}", "italic") if told else "",
                    " · ",
                    (time_text(o) or "no time", "$text-accent"),
                    " · ",
                    literal(clip(o.text, 160)),
                )
            )
        if more > 0:  # a big event would cost a long wrap on every move: the groups screen has them all
            lines.append(Content.styled(f"… and {more} more (g: groups screen)", "$text-muted"))
        return Content("\n").join(lines)


def checked_before_line(m: Match, *, prefix: str = "Checked before") -> Content:
    """An earlier check of a claim: its verdict, who checked it and when, the link and why it matches."""
    c = m.check
    bits = [b for b in (c.verdict or "no verdict", c.author, c.date) if b]
    return Content.assemble(
        (prefix, "bold $text-warning"),
        (" (b applies): " if prefix == "Checked before" else ": ", "$text-muted"),
        literal(" · ".join(bits), "bold"),
        literal(f" · {c.url}" if c.url else ""),
        " — ",
        literal(f"'{clip(c.claim, 90)}'"),
        literal(f" ({m.why})").stylize("$text-muted"),
        literal(f" · also archived as {', '.join(m.same_as[:3])}" if m.same_as else "").stylize(
            "$text-muted"
        ),
    )
