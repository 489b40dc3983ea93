"""The claims of the selected article: verdict badge, speaker, time value, stance, score and text."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message

from factcheck.model import Claim
from factcheck.session import Decision
from factcheck.tui.fmt import badge, clip, time_text
from factcheck.tui.widgets.options import PatchableOptionList


class ClaimList(PatchableOptionList):
    @dataclass
    class Resized(Message):
        """The list's width changed: its lines must be cut again."""

    def on_resize(self) -> None:
        self.post_message(self.Resized())

    HELP = (
        "Claims: the claims of the current article, in text order. Each line shows the verdict badge "
        "(· unreviewed, ✓ confirmed, ✗ disputed, ↷ superseded), the speaker, the normalised time of the "
        "event, the stance and the check-worthiness score, then the claim's text. j/k (or arrows) move; "
        "c/d/s/u set the verdict; e edits the note; o adds evidence; - dismisses a claim (again restores)."
    )

    def prompt_for(self, claim: Claim, decision: Decision, width: int) -> Content:
        when = time_text(claim)
        bits: list[str | tuple[str, str] | Content] = [badge(decision.verdict), " "]
        speaker = clip(claim.speaker or "—", 28)
        bits.append((speaker, "bold" if claim.speaker else "$text-muted"))
        if when:
            bits += [" · ", (clip(when, 24), "$text-accent")]
        bits += [" · ", (str(claim.stance), "$text-muted"), " ", (f"{claim.score:.2f}", "$text-muted")]
        if claim.manual:
            bits.append((" +manual", "$text-muted"))
        if decision.dismissed:
            bits.append((" dismissed", "$text-warning"))
        if decision.note:
            bits.append((" ✎", "$text-muted"))
        if decision.evidence:
            bits.append((f" ⚲{len(decision.evidence)}", "$text-muted"))
        if width < 40:  # narrow terminal: one line per claim, the text follows the badge
            return Content.assemble(
                badge(decision.verdict),
                " ",
                (when + " " if when else "", "$text-accent"),
                clip(claim.text, 200),
            ).truncate(max(10, width - 1), ellipsis=True)
        head = Content.assemble(*bits).truncate(max(10, width - 1), ellipsis=True)
        return Content.assemble(head, "\n", (clip(claim.text, max(10, width - 1)), "$text-muted"))
