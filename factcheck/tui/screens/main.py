"""The main screen: the reading screen (reading.py) and what its keys do.

``MainScreen`` turns keys into Review calls on what ``ReadingScreen`` shows; the dialogs and the groups
screens answer through their results, and what each key needs is said on its binding
(factcheck.tui.bindings).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import webbrowser
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.binding import Binding, BindingType
from textual.content import Content

from factcheck import sentences, times_intl
from factcheck.extract import CLAIM_ID
from factcheck.memory import Memory, memory_path, suggested_verdict
from factcheck.model import Claim, Verdict
from factcheck.review import ReviewError, future_publication
from factcheck.textout import counted
from factcheck.tui.bindings import BY_ACTION, BY_ID, MAIN_BINDINGS
from factcheck.tui.fmt import (
    article_name,
    badge,
    claim_words,
    clip,
    date_text,
    event_title,
    literal,
    readable_time,
    readonly_notice,
    report_line,
    tell_apart,
)
from factcheck.tui.screens.modals import (
    AddClaimModal,
    ConfirmModal,
    EvidenceModal,
    Filter,
    FilterModal,
    GroupVerdictModal,
    InputModal,
    NoteModal,
    OrphansModal,
    PickerModal,
    PickItem,
    ReportModal,
    UnreadModal,
)
from factcheck.tui.screens.reading import ReadingScreen
from factcheck.tui.widgets.event_panel import checked_before_line
from factcheck.urls import is_http_url

if TYPE_CHECKING:
    from factcheck.tui.screens.groups import GroupsScreen

BIG_GROUP_CLAIMS = 12  # G on a group larger than this (or spanning more articles than the next) asks twice
BIG_GROUP_ARTICLES = 6
NARROW = 40  # columns under which a notification covers half the main screen (it is shown for less time)
# each default key (as Textual names it) -> its binding: said when a remap left the key unbound
DEFAULT_KEYS = {b.key: BY_ID[b.id] for b in Binding.make_bindings(MAIN_BINDINGS) if b.id in BY_ID}


def _has_gui_browser() -> bool:
    """Whether a browser can open beside the terminal (over SSH there is none: a console browser would
    take the terminal over)."""
    if sys.platform in ("darwin", "win32"):
        return not os.environ.get("SSH_CONNECTION")
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class MainScreen(ReadingScreen):
    """The reading screen with what the keys do: every action turns into one Review call (``_mutate``)
    or a dialog whose answer does."""

    _ok = False  # whether the last _mutate succeeded
    _groups_screen: GroupsScreen | None = None  # the groups screen (g), made on its first opening
    _filter_modal: FilterModal | None = None  # the filter dialog (/), likewise
    report_decided = False  # the report dialog's last choice: only the decided claims (R offers it again)
    BINDINGS: ClassVar[list[BindingType]] = list(MAIN_BINDINGS)

    def on_key(self, event: events.Key) -> None:
        """A default key the reviewer's keymap moved elsewhere says where its action went (instead of
        doing nothing without a word)."""
        moved = DEFAULT_KEYS.get(event.key)
        if moved is None or event.key in self.active_bindings:
            return
        keys = self.fc_app.keymap.get(moved.id or "", "")
        shown = ", ".join(
            self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(",") if k.strip()
        )
        self.notify(
            f"{event.key} is not bound: {moved.tooltip or moved.description} is on {shown or 'no key'}",
            timeout=4,
            markup=False,
        )

    # ------------------------------------------------------------------------------------------
    # Actions: what each needs is on its binding

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        b = BY_ACTION.get(action)
        if b is not None and b.needs_claim and self.claim is None:
            return None  # shown disabled
        return True

    def _loaded(self, what: str, *, grouped: bool = True) -> bool:
        """False (and the reviewer told so) while the batch is still loading or, unless not ``grouped``, being
        grouped: ``what`` needs all of it, or its groups."""
        loading = self.review.loading
        if loading is None and grouped and self.review.grouping:
            self.notify(
                f"Still grouping the batch: {what} once it is grouped.",
                title="Grouping",
                timeout=4,
                markup=False,
            )
            return False
        if loading is None:
            return True
        done, total = loading
        read = f" ({done:,}/{total:,} articles read)" if done < total else " (grouping)"
        if not total:  # (the number of articles is not known yet; that of files is)
            files = self.review.files_read
            of = f", {files[0]:,} of {counted(files[1], 'file')}" if files else ""
            read = f" ({counted(done, 'article')} read{of})"
        self.notify(
            f"Still loading the batch{read}: {what} once it is read.",
            title="Loading",
            timeout=4,
            markup=False,
        )
        return False

    def _writable(self) -> bool:
        """False (and the reviewer told why, in one line: ``readonly_notice``) when the session is read-only
        (a backup, locked elsewhere, --readonly); a session that was locked elsewhere when it opened becomes
        writable once the other one has closed."""
        if not self.review.try_writable():
            self.notify(
                readonly_notice(self.review),
                title="Read-only",
                severity="warning",
                timeout=4,
                markup=False,
            )
            return False
        return True

    def action_next_claim(self) -> None:
        if self.claim_i < len(self.claims) - 1:
            self._select_claim(self.claim_i + 1)
        elif self.art_i < len(self.keys) - 1:
            self._select_article(self.art_i + 1)

    def action_prev_claim(self) -> None:
        if self.claim_i > 0:
            self._select_claim(self.claim_i - 1)
        elif self.art_i > 0:
            self._select_article(self.art_i - 1, claim_index=-1)

    def action_next_article(self) -> None:
        if self.art_i < len(self.keys) - 1:
            self._select_article(self.art_i + 1)

    def action_prev_article(self) -> None:
        if self.art_i > 0:
            self._select_article(self.art_i - 1)

    def _needs_visit(self, c: Claim) -> bool:
        d = self.review.data.decisions.get(c.id)
        if d is None:
            return not self._low(c) or self.show_low_scores
        if d.dismissed:
            return False
        return d.verdict == Verdict.UNREVIEWED and (not self._low(c) or self.show_low_scores)

    def _open_conflicts(self) -> set[str]:
        """The claims a merge left in conflict between reviewers, not yet resolved (dismissed ones and
        decisions attached to no claim aside)."""
        open_ = {cid for cid, d in self.review.data.decisions.items() if d.conflicts and not d.dismissed}
        return open_ - {d.claim_id for d in self.review.orphans} if open_ else open_

    def action_next_unreviewed(self) -> None:
        """The next claim to decide after the cursor, in any article (wrapping round): while a reviewers'
        conflict is open (after ``factcheck merge``), the next conflict; then the next unreviewed claim. A
        conflicted claim has verdicts already, so walking the unreviewed claims first left the conflicts,
        what a merge asks to settle, for the very end of the batch."""
        conflicts = self._open_conflicts()
        here = self.claim.id if self.claim is not None else None
        found = self._next_after(lambda c: c.id in conflicts) if conflicts else None
        if found is not None and found.id != here:  # (on the last one left: n goes on to the unreviewed)
            self.go_to_claim(found.id)
            # (short: at 80 columns the counts leave it ~29 cells; the Event panel says "r resolves")
            self.set_message(f"conflict: {len(conflicts):,} left (r resolves)")
            return
        found = self._next_after(self._needs_visit)
        if found is not None:
            self.go_to_claim(found.id)
            return
        self.set_message("every claim has a verdict")
        self.notify("Every claim has a verdict and no conflict is left.", timeout=3, markup=False)

    def _next_after(self, wanted: Callable[[Claim], bool]) -> Claim | None:
        """The first claim after the cursor, in any article (wrapping round to it), that is ``wanted``."""
        arts = [a.key for a in self.review.corpus.articles]
        if not arts:
            return None
        cur_key = self.keys[self.art_i] if self.article else arts[0]
        start = arts.index(cur_key) if cur_key in arts else 0
        cur_claim = self.claim
        for step in range(len(arts) + 1):
            key = arts[(start + step) % len(arts)]
            for c in self.review.claims(key):
                if step == 0 and cur_claim is not None and c.start <= cur_claim.start:
                    continue
                if step == len(arts) and cur_claim is not None and c.start > cur_claim.start:
                    break
                if wanted(c):
                    return c
        return None

    # ------------------------------------------------------------------------------------------
    # Actions: decisions

    def _mutate(
        self, fn: Callable[..., Any], *args: Any, keys: set[str] | bool | None = True, **kw: Any
    ) -> Any:
        """Run one Review call; on success refresh what it changed and schedule an autosave.

        ``keys``: the articles whose list lines change (True: the current one; None: all of them).
        """
        self._ok = False
        if not self._writable():
            return None
        try:
            result = fn(*args, **kw)
        except ReviewError as e:
            self._recount(None)
            self.notify(str(e), severity="error", timeout=6, markup=False)
            return None
        self._ok = True
        changed: set[str] | None
        if keys is True:
            changed = {self.keys[self.art_i]} if self.article else set()
        elif keys is False:
            changed = set()
        else:
            changed = keys
        self.after_change(changed)
        self.fc_app.schedule_save()
        return result

    def action_mark(self, verdict: str) -> None:
        c = self.claim
        if c is None or not self._writable():
            return
        self._mutate(self.review.mark, c.id, Verdict(verdict))
        self.set_message(f"{clip(c.text, 30)} {verdict}")

    def action_supersede(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return
        if self.review.grouping and not self._loaded("the superseding claim can be picked (by event)"):
            return
        suggested = {
            s.by for s in self.event_panel.suggestions(c) if s.kind == "supersedes" and s.claim == c.id
        }
        g = self.event_panel.group_of(c)
        same = set(g.claims) if g else set()

        def prompt(o: Claim, which: str) -> Content:
            tag: tuple[str, str] = (
                ("★ suggested ", "bold $text-warning")
                if o.id in suggested
                else (("same event ", "$text-accent") if o.id in same else ("", ""))
            )
            art = self._articles.get(o.article_key)
            return Content.assemble(tag, badge(self.verdict(o.id)), " ", report_line(o, art, which))

        def items() -> list[PickItem]:  # every claim of the batch ranked: made in the picker's worker
            out = []
            candidates = self.review.superseding_candidates(c.id)
            which = tell_apart(candidates, self._articles)  # two articles' rows that would read the same
            for o in candidates:  # lines made when listed
                art = self._articles.get(o.article_key)
                search = f"{o.id} {o.article_key} {art.outlet if art else ''} {o.text}".lower()
                out.append(PickItem(o.id, partial(prompt, o, which.get(o.id, "")), search))
            return out

        def picked(by: str | None) -> None:
            if by:
                self._mutate(self.review.mark, c.id, Verdict.SUPERSEDED, by=by)
                self.set_message(f"superseded by '{claim_words(self.review.claim(by))}'")
                earlier = self.review.earlier_report(c.id, by) if self._ok else None
                if earlier:
                    self.notify(
                        earlier, title="An earlier report", severity="warning", timeout=8, markup=False
                    )

        self.app.push_screen(PickerModal(f"'{claim_words(c)}' is superseded by…", items), picked)

    def action_show_orphans(self) -> None:
        """The session's decisions on claims no longer in the articles (kept, shown on no claim). While the batch
        loads, a decision on a claim not read yet, or not yet re-attached to its edited article, would look
        like one."""
        if not self._loaded("the decisions attached to no claim are known", grouped=False):
            return
        self.app.push_screen(OrphansModal(self.review.orphans, self.review.orphan_why))

    def action_show_unread(self) -> None:
        """The inputs of the batch that could not be read, each with why (the opening notice lists a few)."""
        if not self._loaded("the inputs not read are known", grouped=False):
            return
        self.app.push_screen(UnreadModal([str(e) for e in self.review.corpus.errors]))

    def action_follow_link(self) -> None:
        """Go to the other end of the current claim's superseded link: the claim superseding it, else the
        first claim it supersedes (the Event panel names both)."""
        c = self.claim
        if c is None:
            return
        d = self.review.data.decisions.get(c.id)
        target = d.superseded_by if d is not None and d.verdict == Verdict.SUPERSEDED else None
        if not target:
            olds = self.event_panel.overtaken_by(c.id)
            target = olds[0] if olds else None
        if not target:
            self._say_whole("no superseded link on this claim")
            return
        linked = self.review.data.decisions.get(target)
        if linked is not None and linked.dismissed:
            try:
                other: Claim | None = self.review.claim(target)
            except ReviewError:
                other = None  # (go_to_claim names an unknown claim)
            if other is not None and all(x.id != target for x in self.visible_claims(other.article_key)):
                # (the cursor went to the article's first claim, as if that one were the link)
                self._say_whole(
                    f"the linked claim is dismissed: '{claim_words(other)}' (/ filters on dismissed)"
                )
                return
        self.go_to_claim(target)

    def action_accept_suggestion(self) -> None:
        c = self.claim
        if self.review.grouping and not self._loaded("suggestions can be accepted"):
            return
        sugg = self.event_panel.suggestions(c)
        if c is None or not sugg:
            self.notify("No open suggestion for this claim.", timeout=3, markup=False)
            return
        s = sugg[0]
        if s.kind != "supersedes":
            self.notify("A conflict is not a verdict: mark each claim yourself.", timeout=5, markup=False)
            return
        self._mutate(self.review.mark, s.claim, Verdict.SUPERSEDED, by=s.by, keys=None)
        if self._ok:
            self.set_message(f"accepted: '{claim_words(self.review.claim(s.claim))}' superseded")

    def action_resolve_conflict(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return
        d = self.review.decision(c.id)
        if not d.conflicts:
            self.notify("No conflict between reviewers on this claim.", timeout=3, markup=False)
            return
        items = []
        for i, side in enumerate(d.conflicts):
            verdict = str(side.get("verdict", "unreviewed"))
            prompt = Content.assemble(
                ("take ", "$text-muted"),
                literal(str(side.get("reviewer") or "?"), "bold"),
                "'s ",
                (verdict, "bold"),
                literal(
                    f" by {self.review.named_superseding(str(side['superseded_by']))}"
                    if side.get("superseded_by")
                    else ""
                ),
                literal(f" — {clip(str(side['note']), 80)}" if side.get("note") else "").stylize(
                    "$text-muted"
                ),
            )
            items.append(PickItem(str(i), prompt, f"{side.get('reviewer', '')} {verdict}".lower()))

        def picked(choice: str | None) -> None:
            if choice is None:
                return
            side = d.conflicts[int(choice)]
            try:
                verdict = Verdict(str(side.get("verdict", "unreviewed")))
            except ValueError:
                self.notify(f"unknown verdict {side.get('verdict')!r}", severity="error", markup=False)
                return
            by = side.get("superseded_by") if verdict == Verdict.SUPERSEDED else None
            note = str(side["note"]) if side.get("note") and not d.note else None
            self._mutate(self.review.mark, c.id, verdict, by=by, note=note)
            self.set_message(f"conflict resolved: {verdict}")

        self.app.push_screen(
            PickerModal(
                f"Resolve the conflict on {self.review.named_claim(c.id)}: whose verdict stands? (c/d/s on the"
                " claim also resolve it)",
                items,
            ),
            picked,
        )

    # ------------------------------------------------------------------------------------------
    # Claim memory: has this been checked before?

    def on_mount(self) -> None:
        self.memory: Memory | None = None  # not ready until indexed (b says "still being indexed" meanwhile)
        if memory_path(self.review.path).exists():  # (one that cannot be read is said, not taken as none)
            self.memory = Memory(memory_path(self.review.path))
            self._load_memory(self.memory)

    @work(thread=True, exclusive=True, group="memory")
    def _load_memory(self, memory: Memory) -> None:
        """Read and index the reviewer's archive (the index is cached on disk; a rebuild shows progress)."""

        def progress(msg: str, fraction: float | None) -> None:
            bar = ""
            if fraction is not None:  # a text progress bar in the status line while the index is built
                filled = round(20 * fraction)
                bar = f" {'█' * filled}{'░' * (20 - filled)} {fraction:.0%}"
            self.app.call_from_thread(self.set_message, f"claim memory: {msg}…{bar}")

        try:
            memory.load(progress)
        except Exception as e:  # a broken archive must not take the review down: say so and go on
            self.app.call_from_thread(self._memory_failed, str(e))
            return
        self.app.call_from_thread(self._memory_ready, memory)

    def _memory_failed(self, error: str) -> None:
        self.memory = None
        self.notify(f"claim memory not loaded: {error}", severity="warning", timeout=8, markup=False)

    def _memory_ready(self, memory: Memory) -> None:
        self.memory = memory
        self.event_panel.set_memory(memory)
        for err in memory.errors[:3]:
            self.notify(str(err), title="Claim memory", severity="warning", timeout=6, markup=False)
        self.set_message(f"claim memory: {len(memory):,} checked claim{'' if len(memory) == 1 else 's'}")
        self._show_claim()

    def action_checked_before(self) -> None:
        c = self.claim
        if c is None:
            return
        memory = self.memory
        if memory is None and memory_path(self.review.path).exists():
            # an archive made since the review opened (`factcheck memory add` in another terminal): read now; it
            # said "No archive of checked claims yet" until the review was reopened
            self.memory = memory = Memory(memory_path(self.review.path))
            self._load_memory(memory)
        if memory is None or not memory.ready:
            self.notify(
                "No archive of checked claims yet (factcheck memory add SESSIONS-OR-FEEDS...)"
                if memory is None
                else "The claim memory is still being indexed.",
                timeout=5,
                markup=False,
            )
            return
        art = self._articles.get(c.article_key)
        dated = art.published.isoformat() if art is not None and art.published else ""
        matches = memory.checked_before(
            c.text,
            top=10,
            strong_only=False,
            dated=dated,
            lang=art.language if art is not None else None,
            own=(c.id, self.review.path),
        )
        if not matches:
            self.notify("Nothing in the archive matches this claim.", timeout=3, markup=False)
            return
        items = [
            PickItem(
                str(i),
                checked_before_line(m, prefix="strong match" if m.strong else "possible match"),
                f"{m.check.claim} {m.check.verdict} {m.check.author}".lower(),
            )
            for i, m in enumerate(matches)
        ]

        def picked(choice: str | None) -> None:
            if choice is None or not self._writable():
                return
            check = matches[int(choice)].check
            verdict = suggested_verdict(check.verdict)
            d = self.review.decision(c.id)
            give = verdict if verdict in (Verdict.CONFIRMED, Verdict.DISPUTED) else None
            link = check.url if check.url and check.url not in d.evidence else None
            if give is None and link is None:
                self.notify(
                    f"'{check.verdict or 'no verdict'}' suggests no verdict here and the check has no new link: mark it yourself.",
                    timeout=5,
                    markup=False,
                )
                return
            who = ", ".join(b for b in (check.author, check.date) if b)
            note = (
                None
                if d.note or give is None
                else f"checked before: {check.verdict}{f' ({who})' if who else ''}: '{clip(check.claim, 100)}'"
            )
            # One undoable step: the verdict, its note and the link as evidence together.
            self._mutate(self.review.apply_check, c.id, give, note=note, evidence=link)
            if self._ok:
                memory.remember(check.id, c.text)  # claims worded like this one find the check from now on
                applied = []
                if give is not None:
                    applied.append(str(give))
                if link is not None:
                    applied.append("its link as evidence")
                self.set_message("checked before: " + " and ".join(applied))

        self.app.push_screen(PickerModal(f"Checked before? '{claim_words(c)}'", items), picked)

    def action_edit_note(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return

        def keep(note: str) -> None:
            self._mutate(self.review.set_note, c.id, note)
            self.set_message("note saved" if note else "note removed")

        self.app.push_screen(NoteModal(f"Note on '{claim_words(c)}'", self.review.decision(c.id).note, keep))

    def action_add_evidence(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return

        def check(v: str) -> str | None:
            if v.strip() == c.id:
                return "A claim is not its own evidence: give another claim's id or a URL."
            if is_http_url(v):
                return None
            try:
                self.review.claim(v.strip())
            except ReviewError as e:
                if CLAIM_ID.fullmatch(v.strip()):  # a claim id, of no claim of this batch: say so
                    return f"{e}: give the id of a claim of this batch, or a URL."
            else:
                return None
            return "Give an http(s) URL (no spaces) or a claim id."

        def done(item: str | None) -> None:
            if item:
                self._mutate(self.review.add_evidence, c.id, item)
                if self._ok:
                    self.set_message("evidence added")

        self.app.push_screen(
            InputModal(
                f"Evidence for '{claim_words(c)}'",
                placeholder="https://… or a claim id",
                validate=check,
                keep=done,
            ),
            done,
        )

    def action_manage_evidence(self) -> None:
        c = self.claim
        if c is None:
            return
        evidence = list(self.review.decision(c.id).evidence)
        if not evidence:
            self.notify("This claim has no evidence (o adds some).", timeout=3, markup=False)
            return

        def done(choice: tuple[str, str] | None) -> None:
            if choice is None:
                return
            what, item = choice
            if what == "remove":
                self._mutate(self.review.remove_evidence, c.id, item)
                if self._ok:
                    self.set_message("evidence removed")
            elif is_http_url(item):
                if _has_gui_browser():
                    self._open_url(item)
                else:  # a console browser would take over the terminal: the URL goes to the clipboard
                    self.app.copy_to_clipboard(item)
                    self.set_message(f"copied {item} (no graphical browser here)")
            else:
                self.go_to_claim(item)

        self.app.push_screen(EvidenceModal(f"Evidence for '{claim_words(c)}'", evidence), done)

    @work(thread=True, group="browser")
    def _open_url(self, url: str) -> None:
        try:
            opened = webbrowser.open(url)
        except Exception:  # a broken browser setup must not take the review down
            opened = False
        self.app.call_from_thread(
            self.set_message, f"opened {url}" if opened else f"no browser to open {url}"
        )

    def action_add_claim(self) -> None:
        a = self.article
        if a is None or not self._writable() or not self._loaded("claims can be added"):
            return
        spans = list(sentences.split_spans(a.text))
        existing = [(x.start, x.end, x.id) for x in self.review.claims(a.key, include_dismissed=True)]
        cur = self.claim
        after = cur.end if cur else 0

        def covered(s: int, e: int) -> bool:
            return any(cs < e and s < ce for cs, ce, _ in existing)

        text_parts = a.claim_segments  # (the headline and the body: not page furniture, bylines or dates)

        def article_text(s: int, e: int) -> bool:
            return not a.segments or any(p.start < e and s < p.end for p in text_parts)

        # the first sentence after this claim that is no claim yet, of the article's own text (it offered the
        # page furniture after the article's end, "Comments", when every sentence after the claim was one)
        free = [i for i, (s, e) in enumerate(spans) if not covered(s, e)]
        idx = next((i for i in free if spans[i][0] >= after and article_text(*spans[i])), None)
        if idx is None:
            idx = next((i for i in free if article_text(*spans[i])), free[0] if free else 0)
        key = a.key

        def done(span: tuple[int, int] | None) -> None:
            if span:
                new = self._mutate(self.review.add_claim, key, span[0], span[1])
                if new is not None:
                    self.after_change({key}, claim_id=new.id)
                    self.set_message(f"added claim '{claim_words(new)}'")

        self.app.push_screen(AddClaimModal(a.text, spans, idx, [(s, e) for s, e, _ in existing]), done)

    def action_toggle_dismiss(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return
        if self.review.decision(c.id).dismissed:
            self._mutate(self.review.restore, c.id)
            self.set_message("claim restored")
            return
        relying = [cid for cid, d in self.review.data.decisions.items() if d.superseded_by == c.id]

        def dismiss(yes: bool | None = True) -> None:
            if yes:
                self._mutate(self.review.dismiss, c.id)
                self.set_message("dismissed (- again under the 'dismissed' filter restores it)")

        verdict = self.review.decision(c.id).verdict
        if not relying and verdict == Verdict.UNREVIEWED:
            dismiss()
            return
        why: list[str] = []
        if verdict != Verdict.UNREVIEWED:
            # a dismissed claim is no claim: its verdict stays in the session but leaves every report
            why.append(f"It is {verdict.value}: the verdict stays in the session but leaves every report. ")
        if relying:
            why.append(
                f"{len(relying)} claim(s) are marked superseded by it; their verdicts stay and point to "
                "a dismissed claim."
            )
        self.app.push_screen(
            ConfirmModal(Content.assemble(("Dismiss this claim? ", "bold"), *why)),
            dismiss,
        )

    def action_toggle_low_scores(self) -> None:
        self.show_low_scores = not self.show_low_scores
        cur = self.claim.id if self.claim else None
        self._rebuild_articles()
        i = self.art_i
        self.art_i = -1
        self._select_article(max(0, i), claim_id=cur)
        self.set_message(
            "every claim shown (counted once decided)"
            if self.show_low_scores
            else f"claims under {self.review.corpus.min_score:.2f} hidden"
        )

    def action_apply_to_group(self) -> None:
        c = self.claim
        if c is None or not self._writable() or not self._loaded("a verdict can be given to a whole event"):
            return
        g = self.event_panel.group_of(c)
        if g is None or len(self.review.group_claims(g)) <= 1:
            # (it asked to "Apply a verdict to the 1 claim(s) of this event", a dialog for what c, d and u do)
            self._say_whole("in no group: c/d/u mark it alone")
            return
        dec = self.review.data.decisions
        claims = [o for o in self.review.group_claims(g) if not (o.id in dec and dec[o.id].dismissed)]
        # The verdict goes to the claims the reviewer is shown: those under the check-worthiness threshold
        # stay as they are unless w shows them (on ECB+ G had confirmed 31 of 335 claims never shown).
        hidden = 0 if self.show_low_scores else sum(1 for o in claims if self._low(o))
        if hidden:
            claims = [o for o in claims if not self._low(o)]
        if len(claims) <= 1:
            self._say_whole(
                "its event's other claims are hidden under the threshold (w shows them): c/d/u mark it"
            )
            return
        lines = []
        for o in claims:
            lines.append(
                Content.assemble(
                    badge(self.verdict(o.id)),
                    " ",
                    literal(clip(article_name(self._articles.get(o.article_key)), 20), "bold"),
                    " ",
                    literal(clip(o.text, 90)),
                )
            )
        decided: dict[Verdict, int] = {}
        for o in claims:
            v = self.verdict(o.id)
            if v != Verdict.UNREVIEWED:
                decided[v] = decided.get(v, 0) + 1
        outlets = sorted({article_name(self._articles.get(o.article_key)) for o in claims}, key=str.casefold)
        n_articles = len({o.article_key for o in claims})
        big = len(claims) > BIG_GROUP_CLAIMS or n_articles > BIG_GROUP_ARTICLES
        title = f"Apply a verdict to the {len(claims)} claim(s) of this event ({n_articles} article(s))"
        left = ""
        if hidden:
            left = f"{hidden} hidden under the check-worthiness threshold left as they are (w shows them)"
            title = f"Apply a verdict to the {len(claims)} claim(s) shown of this event ({n_articles} article(s)); {left}"
        shown_only = not self.show_low_scores

        def done(choice: tuple[Verdict, bool] | None) -> None:
            if choice is None:
                return
            v, overwrite = choice
            changed = self._mutate(
                self.review.apply_to_group,
                c.id,
                v,
                keep_decided=not overwrite,
                shown_only=shown_only,
                keys=None,
            )
            if changed is not None:
                kept = [f"{sum(decided.values())} decided"] if decided and not overwrite else []
                kept += [f"{hidden} hidden (w)"] if hidden else []
                said = f"{len(changed)} claim(s) marked {v}"
                # (the whole message, in a notification too where the status line cuts it: the hidden count
                # is what a reviewer must not miss)
                self._say_whole(f"{said}; {' and '.join(kept)} left as they were" if kept else said)

        self.app.push_screen(
            GroupVerdictModal(title, lines, decided=decided, outlets=outlets, big=big, hidden_note=left), done
        )

    def action_groups(self) -> None:
        from factcheck.tui.screens.groups import GroupsScreen

        if not self._loaded("the events show"):
            return

        version = self.review.version

        def back(claim_id: str | None) -> None:
            if self.review.version != version:  # (a verdict given there, a split, an undo)
                self._recount(None)
                self.after_change(None)
            if claim_id:
                self.go_to_claim(claim_id)

        # one groups screen, kept (installed) between openings: it recounts only the groups that changed
        screen = self._groups_screen
        if screen is None or screen.review is not self.review:
            self.app.uninstall_screen("groups")
            screen = self._groups_screen = GroupsScreen(self.review)
            self.app.install_screen(screen, "groups")
        self.app.push_screen(screen, back)

    def action_merge_group(self) -> None:
        c = self.claim
        if c is None or not self._writable() or not self._loaded("events can be merged"):
            return
        mine = self.event_panel.group_of(c)
        items = []
        for g in sorted(self.review.corpus.groups, key=lambda g: (g.when or "~", g.id)):
            members = self.review.group_claims(g)
            if (mine is not None and g.id == mine.id) or not members:
                continue
            prompt = Content.assemble(
                (readable_time(g.when) if g.when else "no time", "$text-accent"),
                f" · {len(members)} claim(s) · ",
                literal(clip(event_title(g), 100)),
            )
            items.append(PickItem(members[0].id, prompt, f"{g.id} {g.when} {g.label}".lower()))

        def done(other: str | None) -> None:
            if other:
                self._mutate(self.review.merge_groups, c.id, other, keys=set())
                self.set_message("groups merged")

        self.app.push_screen(PickerModal("Merge this claim's event with…", items), done)

    def action_take_out(self) -> None:
        c = self.claim
        if c is None or not self._writable() or not self._loaded("claims can be taken out of their event"):
            return
        g = self.event_panel.group_of(c)
        if g is None or len(self.review.group_claims(g)) <= 1:
            self._say_whole("this claim is in no group with others")
            return
        self._mutate(self.review.take_out_of_group, c.id, keys=set())
        self.set_message("taken out of its group")

    def action_set_published(self) -> None:
        a = self.article
        if a is None or not self._writable():
            return
        if self.review.grouping and not self._loaded(
            "a publication date can be set (its claims are read again)"
        ):
            return
        today = dt.date.today()

        def parse(v: str) -> dt.date | None:
            return times_intl.typed_date(v, a.language, today)

        def check(v: str) -> str | None:
            if not v:
                return None
            date = parse(v)
            if date is not None:
                return future_publication(date, today)
            no_day = times_intl.impossible_day(v, a.language, today)
            if no_day:
                return f"No such day: {no_day}"
            return "No date in that: write it as 2024-05-03, '3 May 2024', '20 de setembro de 2023' or '3 days ago'."

        key = a.key

        def done(v: str | None) -> None:
            if v is None:
                return
            date = parse(v) if v else None
            # the article is read again and the whole batch regrouped (seconds on a thousand articles): the
            # screen says so, without the dialog, before the work starts
            n = len(self.review.corpus.articles)
            self.set_message(f"publication date: regrouping {n:,} article(s)…")
            self.call_after_refresh(apply, date)

        def apply(date: dt.date | None) -> None:
            self._mutate(self.review.set_published, key, date, keys={key})
            self.set_message(f"publication date: {date.isoformat() if date else 'as detected'}")

        self.app.push_screen(
            InputModal(
                f"Publication date of {article_name(a)} (now {date_text(a.published)})",
                a.published.isoformat() if a.published else "",
                placeholder="2024-05-03, 3 May 2024, 20 de setembro de 2023, 3 days ago…",
                hint="enter keep (empty: the detected date) · escape cancel",
                validate=check,  # (no keep on a signal: a half-typed date reads as another one)
            ),
            done,
        )

    def _edit_text(
        self,
        title: str,
        current: str | None,
        apply: Callable[[str | None], None],
        what: str,
        *,
        keys: set[str] | None = None,
    ) -> None:
        """Ask for one line of text (empty: back to what was read from the article) and apply it. ``apply``
        looks up ``self.review`` when called: the batch may finish loading while the dialog is open, and a
        change made on the preview then would be lost."""

        def done(v: str | None) -> None:
            if v is None:
                return
            self._mutate(apply, v or None, keys=keys if keys is not None else True)
            if self._ok:
                self.set_message(f"{what}: {v}" if v else f"{what}: as read from the article")

        self.app.push_screen(
            InputModal(
                title, current or "", hint="enter keep (empty: as read from the article) · escape", keep=done
            ),
            done,
        )

    def action_set_title(self) -> None:
        a = self.article
        if a is None or not self._writable():
            return
        key = a.key
        self._edit_text(
            f"Title of {article_name(a)}",
            a.title,
            lambda v: self.review.set_title(key, v),
            "title",
            keys={key},
        )

    def action_set_outlet(self) -> None:
        a = self.article
        if a is None or not self._writable():
            return
        key = a.key
        self._edit_text(
            f"Outlet of {clip(a.title or a.key, 60)}",
            a.outlet,
            lambda v: self.review.set_outlet(key, v),
            "outlet",
            keys={key},
        )

    def action_set_speaker(self) -> None:
        c = self.claim
        if c is None or not self._writable():
            return
        self._edit_text(
            f"Speaker of '{claim_words(c)}'", c.speaker, lambda v: self.review.set_speaker(c.id, v), "speaker"
        )

    def action_filter(self) -> None:
        outlets = sorted({a.outlet or a.key for a in self.review.corpus.articles}, key=str.casefold)

        def done(f: Filter | None) -> None:
            if f is not None:
                self.apply_filter(f)

        # one dialog, kept (installed) between openings: its outlet list is not made again each time
        modal = self._filter_modal
        if modal is None:
            self.app.uninstall_screen("filter")
            modal = self._filter_modal = FilterModal(self.filter, outlets)
            self.app.install_screen(modal, "filter")
        else:
            modal.reopen(self.filter, outlets)
        self.app.push_screen(modal, done)

    def action_clear_filter(self) -> None:
        self.apply_filter(Filter())

    def action_filter_verdict(self, verdict: str) -> None:
        self.apply_filter(Filter(verdict=verdict, outlet=self.filter.outlet, text=self.filter.text))

    def _undo_redo(self, fn: Callable[[], str | None], done: str, nothing: str) -> None:
        if not self._writable():
            return
        desc = self._mutate(fn, keys=None)
        if not desc:
            if self.review.loading is not None and self._ok:  # only this sitting's steps, while loading
                nothing += " made while loading (earlier steps once the batch is read)"
            self._say_whole(nothing)
            return
        # the reviewer sees what changed back: the claim, else the article
        changes = self.review.last_undo_changes
        claims = [key for kind, key in changes if kind in ("decision", "manual")]
        articles = [key for kind, key in changes if kind == "article"]
        if claims:
            self.go_to_claim(self._shown_in_its_place(claims[0]))
        elif articles and articles[0] in self._key_index:
            self._select_article(self._key_index[articles[0]])
        message = f"{done}: {desc}"
        self.set_message(message)
        # Shown whole also in a notification when the status line cuts it (the claim superseding one read "…")
        # or leaves it out (under 40 columns the counts take the line). There the notification covered half
        # the main screen for 4 s, over the claim the cursor went back to: long enough to read the words once,
        # not to hide the next step.
        if not self.message_whole:
            self.notify(message, timeout=2 if self.size.width < NARROW else 4, markup=False)

    def _shown_in_its_place(self, cid: str) -> str:
        """``cid``, or when it is hidden as dismissed (a redone ``-``), the claim shown after it in its article
        (before it, when it was the last), where ``-`` leaves the cursor: the cursor went to the article's first
        claim, and with no filter a dismissed claim is never shown."""
        try:
            c = self.review.claim(cid)
        except ReviewError:
            return cid
        shown = self.visible_claims(c.article_key)
        if not shown or not self.review.decision(cid).dismissed or any(x.id == cid for x in shown):
            return cid
        after = [x for x in shown if x.start >= c.start]
        return min(after, key=lambda x: x.start).id if after else max(shown, key=lambda x: x.start).id

    def _say_whole(self, message: str) -> None:
        """The status line's message, also in a short notification when the line cuts it or leaves it out
        (under 40 columns): a key that only says why it did nothing seemed to do nothing there."""
        self.set_message(message)
        if not self.message_whole:
            self.notify(message, timeout=2 if self.size.width < NARROW else 4, markup=False)

    def action_undo(self) -> None:
        self._undo_redo(self.review.undo, "undone", "nothing to undo")

    def action_redo(self) -> None:
        self._undo_redo(self.review.redo, "redone", "nothing to redo")

    def action_save(self) -> None:
        if not self._writable():
            return
        if self.review.loading is not None:
            self.notify(
                "Still loading the batch: your changes are kept and saved as soon as it is read"
                " (quitting now saves them).",
                title="Loading",
                timeout=5,
                markup=False,
            )
            return
        if not self.review.dirty:
            self._say_whole("nothing to save: every change is saved")
            return
        self.set_message("saving…")
        self.fc_app.save_soon(announce=True)

    def report_path(self, fmt: str) -> str:
        """Default report file: ``reports/<session stem>.<ext>`` beside a ``sessions/`` folder, else next to
        the session file."""
        ext = {"md": "md", "csv": "csv", "json": "json", "claimreview": "claimreview.json"}.get(fmt, fmt)
        return str(self.default_report_folder() / f"{self.review.path.stem}.{ext}")

    def default_report_folder(self) -> Path:
        s = self.review.path
        return s.parent.parent / "reports" if s.parent.name == "sessions" else s.parent

    def action_write_report(
        self, fmt: str = "md", path: str | None = None, error: str | None = None, decided: bool | None = None
    ) -> None:
        if not self._loaded("the report can be written"):
            return

        def done(choice: tuple[str, str, bool] | None) -> None:
            if choice:
                self.report_decided = choice[2]  # (the dialog offers the same choice next time)
                self.set_message(f"writing {choice[1]}…")
                self._write_report(*choice)

        decided = self.report_decided if decided is None else decided
        self.app.push_screen(
            ReportModal(
                fmt, self.report_path, self.default_report_folder(), path=path, error=error, decided=decided
            ),
            done,
        )

    @work(thread=True, exclusive=True, group="report")
    def _write_report(self, fmt: str, path: str, decided: bool = False) -> None:
        from factcheck.report import ReportError, write_report

        target = Path(path).expanduser()
        try:
            if target.parent == self.default_report_folder() and not target.parent.exists():
                target.parent.mkdir()  # the default reports/ folder (one level only)
            written = write_report(self.review, fmt, target, decided=decided)
        except ReportError as e:
            self.app.call_from_thread(self._report_done, fmt, path, None, str(e))
        except OSError as e:
            self.app.call_from_thread(self._report_done, fmt, path, None, f"{path}: {e.strerror or e}")
        except Exception as e:  # a bug in the core must not take the app (and the review) down
            self.app.call_from_thread(
                self._report_done, fmt, path, None, f"internal error: {type(e).__name__}: {e}"
            )
        else:
            self.app.call_from_thread(self._report_done, fmt, path, str(written), None)

    def _report_done(self, fmt: str, path: str, written: str | None, error: str | None) -> None:
        if error:
            self.set_message("report not written")
            self.action_write_report(fmt, path, error)  # the dialog again, with the path and the error
        else:
            self.set_message(f"report written: {written}")
            self.notify(f"Written {written}", title="Report", timeout=6, markup=False)

    def action_help(self) -> None:
        from factcheck.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.app.focused, MAIN_BINDINGS, self.fc_app.keymap))

    async def action_quit(self) -> None:
        await self.fc_app.action_quit()  # saves first
