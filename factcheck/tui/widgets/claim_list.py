"""The claims of the selected article: verdict badge, speaker, time value, stance, score and text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.content import Content
from textual.message import Message

from factcheck.model import Claim
from factcheck.session import Decision
from factcheck.tui.fmt import badge, clip, readable_time
from factcheck.tui.widgets.options import PatchableOptionList


class ClaimList(PatchableOptionList):
    @dataclass
    class Resized(Message):
        """The list's width changed: its lines must be cut again."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # claim id -> (claim, what of its decision shows, width, prompt): a revisited or prepared article's
        # lines are not built (nor measured) again
        self._prompts: dict[str, tuple[Claim, tuple[object, ...], int, Content]] = {}

    def on_resize(self) -> None:
        self.post_message(self.Resized())

    def prompt(self, claim: Claim, decision: Decision, width: int) -> Content:
        """``prompt_for``, cached while the claim and what its line shows of the decision are unchanged."""
        shown = (decision.verdict, bool(decision.note), len(decision.evidence), decision.dismissed)
        hit = self._prompts.get(claim.id)
        if hit is not None and hit[0] is claim and hit[1] == shown and hit[2] == width:
            return hit[3]
        if len(self._prompts) > 1000:
            self._prompts.clear()
        content = self.prompt_for(claim, decision, width)
        self._prompts[claim.id] = (claim, shown, width, content)
        return content

    def forget_prompts(self) -> None:
        """Drop the cached lines (claims may have been re-extracted in place)."""
        self._prompts.clear()

    HELP = (
        "Claims: the claims of the current article, in text order. Each line shows the verdict badge "
        "(· unreviewed, ✓ confirmed, ✗ disputed, ↷ superseded), ✎ when it has a note and ⚲ its evidence, "
        "the speaker, the normalised time of the event (+n: more times, all in the event panel), the stance "
        "and the check-worthiness score, then the claim's text. A time such as 'Wednesday?' or 'May?' stays "
        "open because the article has no publication date (the event panel says 'Wednesday (date "
        "unknown)' and gives the value): p sets it and the times resolve. j/k (or arrows) move; c/d/s/u "
        "set the verdict; e edits the note; o adds evidence; - dismisses a claim (again restores)."
    )

    def prompt_for(self, claim: Claim, decision: Decision, width: int) -> Content:
        values = list(dict.fromkeys(claim.time_values))
        more = f" +{len(values) - 1}" if len(values) > 1 else ""
        when = readable_time(values[0], tiny=True) + more if values else ""  # all of them: event panel
        # the markers right after the badge: a long speaker or time must not push them out of the line
        marks: list[tuple[str, str]] = []
        if decision.dismissed:
            marks.append(("dismissed ", "$text-warning"))
        if claim.manual:
            marks.append(("+manual ", "$text-muted"))
        if decision.note:
            marks.append(("✎ ", "$text-muted"))
        if decision.evidence:
            marks.append((f"⚲{len(decision.evidence)} ", "$text-muted"))
        bits: list[str | tuple[str, str] | Content] = [badge(decision.verdict), " ", *marks]
        speaker = clip(claim.speaker or "—", 22)
        bits.append((speaker, "bold" if claim.speaker else "$text-muted"))
        if when:
            bits += [" · ", (clip(when, 24), "$text-accent")]
        bits += [" · ", (str(claim.stance), "$text-muted"), " ", (f"{claim.score:.2f}", "$text-muted")]
        if width < 40:  # narrow terminal: one line per claim, the text follows the badge and first time
            return Content.assemble(
                badge(decision.verdict),
                " ",
                *marks,
                (clip(when, 16) + " " if when else "", "$text-accent"),
                clip(claim.text, 200),
            ).truncate(max(10, width - 1), ellipsis=True)
        head = Content.assemble(*bits).truncate(max(10, width - 1), ellipsis=True)
        return Content.assemble(head, "\n", (clip(claim.text, max(10, width - 1)), "$text-muted"))
