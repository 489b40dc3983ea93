"""The claims of the selected article: verdict badge, marks, score, stance, time, speaker, then the text."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from textual.content import Content

from factcheck.model import Claim
from factcheck.session import Decision
from factcheck.textout import one_line
from factcheck.tui.fmt import badge, claim_time, clip, fit_lines
from factcheck.tui.widgets.prompt_list import PromptList

TEXT_LINES = 2  # lines of claim text under each claim's head line


class ClaimList(PromptList):
    HELP_TITLE = "Claims"
    HELP = (
        "Claims: the claims of the current article, in text order. Each claim's first line shows the verdict "
        "badge (· unreviewed, ✓ confirmed, ✗ disputed, ↷ superseded), ✎ when it has a note, ⚲ its evidence "
        "and ⚠ a conflict between reviewers, the check-worthiness score and the stance, the normalised time "
        "of the event (+n: more times, all in the event panel) and the speaker; the claim's text follows on "
        "two lines. Claims under the check-worthiness threshold are hidden (the count is in the list's "
        "title): w shows them all. A time such as 'Wednesday?' or 'May?' stays open because the article has "
        "no publication date: p sets it and the times resolve. j/k (or arrows) move; c/d/s/u set the "
        "verdict; e edits the note; o adds evidence; - dismisses a claim (again restores); a click on a "
        "sentence in the article selects its claim."
    )

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        # claim id -> (claim, what of its decision shows, width, prompt): a revisited or prepared article's
        # lines are not built again
        self._prompts_by_id: dict[str, tuple[Claim, tuple[object, ...], int, Content]] = {}
        # (claim id, width) -> (claim, its text wrapped on TEXT_LINES lines): a verdict changes only the
        # head line, so a decision does not wrap the article's claims again
        self._text_lines: dict[tuple[str, int], tuple[Claim, str, list[Content]]] = {}

    def show_claims(self, claims: list[Claim], decision: Callable[[str], Decision]) -> None:
        """Fill the list with ``claims``; a claim's lines are made when first drawn (``PromptList.set_rows``),
        so an article of 20,000 claims fills it in milliseconds (each made, it held the screen for seconds)."""
        width = self.line_width

        def make(i: int) -> Content:
            c = claims[i]
            return self.prompt(c, decision(c.id), width)

        self.set_rows(len(claims), make, lambda i: self.lines_of(claims[i], width))

    def lines_of(self, claim: Claim, width: int) -> int:
        """The lines of ``claim``'s prompt, foretold without wrapping its text: its head line, then one line
        of text when the text fits on it, else ``TEXT_LINES``."""
        lines = self._text_lines.get((claim.id, width))
        if lines is not None and lines[0] is claim and lines[1] == claim.text:
            return 1 + len(lines[2])
        return 1 + (1 if cell_len(one_line(claim.text)) <= max(1, width) else TEXT_LINES)

    def prompt(self, claim: Claim, decision: Decision, width: int) -> Content:
        """``prompt_for``, cached while the claim and what its line shows of the decision are unchanged."""
        shown = (
            decision.verdict,
            bool(decision.note),
            len(decision.evidence),
            decision.dismissed,
            bool(decision.conflicts),
            claim.speaker,
        )
        hit = self._prompts_by_id.get(claim.id)
        if hit is not None and hit[0] is claim and hit[1] == shown and hit[2] == width:
            return hit[3]
        if len(self._prompts_by_id) > 1000:
            self._prompts_by_id.clear()
        lines = self._text_lines.get((claim.id, width))
        if lines is None or lines[0] is not claim or lines[1] != claim.text:
            if len(self._text_lines) > 2000:
                self._text_lines.clear()
            lines = self._text_lines[claim.id, width] = (
                claim,
                claim.text,
                fit_lines(claim.text, width, TEXT_LINES),
            )
        content = self.prompt_for(claim, decision, width, text_lines=lines[2])
        self._prompts_by_id[claim.id] = (claim, shown, width, content)
        return content

    def forget_prompts(self) -> None:
        """Drop the cached lines (claims may have been re-extracted in place)."""
        self._prompts_by_id.clear()

    @staticmethod
    def prompt_for(
        claim: Claim, decision: Decision, width: int, *, text_lines: list[Content] | None = None
    ) -> Content:
        """The head line (what never fits is the speaker's tail, cut last) and the text on two lines."""
        values = list(dict.fromkeys(claim.time_values))
        more = f" +{len(values) - 1}" if len(values) > 1 else ""  # all of them: event panel
        marks: list[tuple[str, str]] = []
        if decision.dismissed:
            marks.append(("dismissed ", "$text-warning"))
        if decision.conflicts:
            marks.append(("⚠conflict ", "bold $text-error"))
        if claim.manual:
            marks.append(("+manual ", "$text-muted"))
        if decision.note:
            marks.append(("✎ ", "$text-muted"))
        if decision.evidence:
            marks.append((f"⚲{len(decision.evidence)} ", "$text-muted"))
        head = Content.assemble(
            badge(decision.verdict),
            " ",
            *marks,
            (f"{claim.score:.2f}", "$text-muted"),
            " ",
            (str(claim.stance), "$text-muted"),
        )
        # then the first time (up to 14 cells) and the speaker in what is left (a long one is cut)
        room = width - head.cell_length - 3
        if values and room >= 5:
            # the time fitted before the "+n" of its other times, which a cut used to take with the year
            fit = min(14, room)
            if fit - len(more) >= 5:
                when = claim_time(values[0], fit - len(more)) + more
            else:
                when = claim_time(values[0], fit)
            head = Content.assemble(head, " · ", (when, "$text-accent"))
        room = width - head.cell_length - 3
        if room >= 4:
            speaker = clip(claim.speaker or "—", min(24, room))
            head = Content.assemble(head, " · ", (speaker, "bold" if claim.speaker else "$text-muted"))
        head = head.truncate(width, ellipsis=True)
        text = fit_lines(claim.text, width, TEXT_LINES) if text_lines is None else text_lines
        return Content("\n").join([head, *(line.stylize("$text-muted") for line in text)])
