"""Modal dialogs: note, text input (evidence, date), picker, confirmation, group verdict, filter, add claim."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from factcheck.model import Verdict
from factcheck.session import Decision
from factcheck.tui.fmt import literal, sanitize, spans_content
from factcheck.tui.widgets.line_input import LineInput

_R = TypeVar("_R")


class Dialog(ModalScreen[_R]):
    """A dialog the reviewer must answer. The notices showing when it opens are dismissed: a notice stacks
    over the window's bottom right for up to 30 s, and in a small window (80x24, 30x10) it covered the
    dialog's fields until its time ran out. The reviewer opened the dialog after the notices came: they had
    their turn, and what the longest of them lists (the inputs not read) the palette shows again. A notice
    raised while the dialog is open (a field's error) shows as usual."""

    def on_mount(self) -> None:
        self.app.clear_notifications()


class TypeAhead:
    """A dialog with a text field that takes the keys typed before it was drawn: the app hands it the
    printable keys that reach the app while it is the screen (typed while it was opened, they went to
    the screen below or to the dialog before its field had the focus). Kept until the dialog is mounted,
    then put in the field in the order typed. The field is the dialog's Input, or its TextArea (a note)."""

    _typed: str | None = ""  # None once mounted: keys then go straight into the field

    def _type_ahead_field(self) -> Input | TextArea:
        assert isinstance(self, ModalScreen)
        inputs = self.query(Input)
        return inputs.first() if inputs else self.query_one(TextArea)

    @staticmethod
    def _insert(field: Input | TextArea, text: str) -> None:
        if isinstance(field, Input):
            field.insert_text_at_cursor(text)
        else:
            field.insert(text)

    def type_ahead(self, text: str) -> bool:
        """Take ``text`` for the field; False when the reviewer is elsewhere in the dialog (a list)."""
        if self._typed is not None:
            self._typed += text
            return True
        assert isinstance(self, ModalScreen)
        field = self._type_ahead_field()
        if self.focused not in (None, field):
            return False
        field.focus()
        self._insert(field, text)
        return True

    def _take_typed(self, field: Input | TextArea) -> None:
        """Put what was typed before mounting into ``field`` (called once, on mount)."""
        typed, self._typed = self._typed or "", None
        if typed:
            self._insert(field, typed)


class NoteModal(TypeAhead, Dialog[None]):
    """Multi-line note editor: ctrl+s keeps the note (``keep(text)``), escape leaves it unchanged. When the app
    quits (ctrl+q, SIGHUP, SIGTERM) with the dialog open, what was typed is kept too (``keep_typed``): it
    used to be lost without a word. Escape with a changed note asks first (escape again drops it, ctrl+s
    keeps it): one stray escape dropped a paragraph without a word."""

    DROP_QUESTION = "Not kept yet: ctrl+s keeps it, escape again drops it."

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "keep", "Keep note", id="note-keep"),
        Binding("escape", "cancel", "Cancel", id="note-cancel"),
    ]

    def __init__(self, title: str, note: str, keep: Callable[[str], None]) -> None:
        super().__init__()
        self._title = title
        self._note = note
        self._keep = keep
        self._asked = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Label(literal(self._title), classes="dialog-title")
            yield TextArea(self._note, id="note-area", soft_wrap=True, show_line_numbers=False)
            yield Label(Content(""), id="modal-error", classes="dialog-error")
            yield Label(Content("ctrl+s keep · escape cancel"), classes="dialog-hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.cursor_blink = False
        area.move_cursor(area.document.end)
        area.focus()
        self._take_typed(area)

    def keep_typed(self) -> None:
        """Keep the text as ctrl+s would, when it differs from the note the dialog opened with."""
        text = self.query_one(TextArea).text
        if text != self._note:
            self._note = text
            self._keep(text)

    def action_keep(self) -> None:
        self._keep(self.query_one(TextArea).text)
        self.dismiss(None)

    def action_cancel(self) -> None:
        if self.query_one(TextArea).text != self._note and not self._asked:
            self._asked = True
            self.query_one("#modal-error", Label).update(Content(self.DROP_QUESTION))
            return
        self.dismiss(None)

    @on(TextArea.Changed)
    def _edited(self) -> None:
        """A key typed after the question asks it again at the next escape."""
        if self._asked:
            self._asked = False
            self.query_one("#modal-error", Label).update(Content(""))


class InputModal(TypeAhead, Dialog[str | None]):
    """One line of input; ``validate`` returns an error message or None.

    What was typed is never lost without a word when the app quits with the dialog open: ctrl+q first asks
    (``ask_on_quit``: enter keeps it, escape drops it, ctrl+q again quits without it). SIGHUP / SIGTERM,
    which nobody can answer, keep it as enter would (``keep_typed``) when the dialog has a ``keep`` and it
    is valid; a date dialog has none (a half-typed date reads as another: "3 Ma" is 3 December)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="input-cancel")]

    QUIT_QUESTION = "Not kept yet: enter keeps it, escape drops it, ctrl+q again quits without it."

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        placeholder: str = "",
        hint: str = "enter keep · escape cancel",
        validate: Callable[[str], str | None] | None = None,
        keep: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self._title, self._value, self._placeholder, self._hint = title, value, placeholder, hint
        self._validate = validate
        self._keep = keep
        self._asked = False

    def _changed_text(self) -> str | None:
        """What the field holds when it differs from what the dialog opened with (stripped), else None."""
        if not self.is_mounted:
            typed = (self._typed or "").strip()
            return typed or None  # (keys typed before the dialog was drawn)
        value = self.query_one(Input).value.strip()
        return value if value != self._value.strip() else None

    def ask_on_quit(self) -> bool:
        """True, with the question shown, when ctrl+q would drop typed text not asked about yet."""
        if self._asked or self._changed_text() is None:
            return False
        self._asked = True
        self.query_one("#modal-error", Label).update(Content(self.QUIT_QUESTION))
        return True

    def keep_typed(self) -> None:
        """Keep what was typed as enter would, when it changed and is valid (the app is ending)."""
        value = self._changed_text()
        if self._keep is None or value is None or (self._validate and self._validate(value)):
            return
        self._value = value
        self._keep(value)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal(self._title), classes="dialog-title")
            yield LineInput(self._value, placeholder=self._placeholder, id="modal-input")
            yield Label(Content(""), id="modal-error", classes="dialog-error")
            yield Label(Content(self._hint), classes="dialog-hint")

    def on_mount(self) -> None:
        inp = self.query_one(Input)
        inp.cursor_blink = False
        inp.focus()
        self._take_typed(inp)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        problem = self._validate(value) if self._validate else None
        if problem:
            self.query_one("#modal-error", Label).update(literal(problem))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True, slots=True)
class PickItem:
    id: str
    prompt: Content | Callable[[], Content]  # a function: the line is made only when listed (long lists)
    search: str  # lower-case text the filter matches

    def line(self) -> Content:
        return self.prompt() if callable(self.prompt) else self.prompt


class PickerModal(TypeAhead, Dialog[str | None]):
    """Choose one item; typing filters. At most ``LIMIT`` items are listed at once.

    ``items`` may be a function that makes them (a long list, e.g. every claim of a big batch ranked): the
    dialog opens at once saying it is loading, the function runs in a thread worker, and what was typed
    meanwhile filters the items when they arrive."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker-cancel"),
        Binding("down", "cursor_down", "Down", show=False, id="picker-down"),
        Binding("up", "cursor_up", "Up", show=False, id="picker-up"),
    ]

    LIMIT = 300
    FIRST = 40
    LOADING = "loading candidates…"
    _fills = 0  # how many times the list was filled: rows added after a paint belong to the last filling

    @dataclass
    class ItemsMade(Message):
        items: list[PickItem]

    def __init__(self, title: str, items: list[PickItem] | Callable[[], list[PickItem]]) -> None:
        super().__init__()
        self._title = title
        self._items: list[PickItem] | None = items if isinstance(items, list) else None
        self._make = None if isinstance(items, list) else items

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide -tall"):
            yield Label(literal(self._title), classes="dialog-title")
            yield LineInput(placeholder="type to filter", id="picker-filter")
            yield OptionList(id="picker-list")
            yield Label(Content("↑/↓ choose · enter pick · escape cancel"), classes="dialog-hint")

    def on_mount(self) -> None:
        inp = self.query_one(Input)
        inp.cursor_blink = False
        inp.focus()
        self._take_typed(inp)
        if self._make is not None:
            self.query_one(OptionList).set_options([Option(Content(self.LOADING), disabled=True)])
            self._load(self._make)
        else:
            self._fill(inp.value)

    @work(thread=True, exclusive=True, group="picker")
    def _load(self, make: Callable[[], list[PickItem]]) -> None:
        self.post_message(self.ItemsMade(make()))

    @on(ItemsMade)
    def _made(self, event: ItemsMade) -> None:
        self._items = event.items
        self._fill(self.query_one(Input).value)

    def _fill(self, query: str) -> None:
        """List the items matching ``query``: the first ``FIRST`` at once (more than a tall window shows), the
        rest (to ``LIMIT``) after that paint, unless the filter changed meanwhile."""
        if self._items is None:  # still loading: what is typed filters the items when they arrive
            return
        words = query.lower().split()
        shown = [it for it in self._items if all(w in it.search for w in words)][: self.LIMIT]
        ol = self.query_one(OptionList)
        ol.set_options(Option(it.line(), id=it.id) for it in shown[: self.FIRST])
        if shown:
            ol.highlighted = 0
        self._fills += 1
        if len(shown) > self.FIRST:
            self.call_after_refresh(self._fill_more, self._fills, shown[self.FIRST :])

    def _fill_more(self, fill: int, rest: list[PickItem]) -> None:
        if fill == self._fills:  # (a later filter lists its own)
            self.query_one(OptionList).add_options(Option(it.line(), id=it.id) for it in rest)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        ol = self.query_one(OptionList)
        opt = ol.highlighted_option
        if opt is not None and opt.id is not None:
            self.dismiss(opt.id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(event.option.id)

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmModal(Dialog[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm-no"),
    ]

    def __init__(self, message: Content) -> None:
        super().__init__()
        self._message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self._message)
            yield Label(Content("y / enter: yes · n / escape: no"), classes="dialog-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class GroupVerdictModal(Dialog[tuple[Verdict, bool] | None]):
    """Pick the verdict for a whole group (c/d/u), whether decided claims change too (o), then y.

    Nothing is chosen at first: enter without a choice says so (it never resets a group by accident).
    A big group (``big``) names its size and outlets at the head of the list; ``hidden_note`` (the claims
    left as they are, said in the title) heads it too in a window under 16 rows, where the title is cut.
    The list scrolls: the choice line and the hint stay in view whatever the group's size."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "choose('confirmed')", "Confirmed", id="group-confirmed"),
        Binding("d", "choose('disputed')", "Disputed", id="group-disputed"),
        Binding("u", "choose('unreviewed')", "Unreviewed", id="group-unreviewed"),
        Binding("o", "toggle_overwrite", "Overwrite decided", id="group-overwrite"),
        Binding("y,enter", "apply", "Apply", id="group-apply"),
        Binding("n,escape", "cancel", "Cancel", id="group-cancel"),
    ]

    def __init__(
        self,
        title: str,
        lines: list[Content],
        *,
        decided: dict[Verdict, int],
        outlets: list[str],
        big: bool = False,
        hidden_note: str = "",
    ) -> None:
        super().__init__()
        self._title, self._lines = title, lines
        self._decided = decided
        self._outlets = outlets
        self._big = big
        self._hidden_note = hidden_note
        self._choice: Verdict | None = None
        self._overwrite = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Label(literal(self._title), classes="dialog-title")
            # (the big group's paragraph stood above the list: on a group of many outlets, or at 30x10 on any
            # big group, it pushed the choice line and the hint below the dialog's edge)
            with VerticalScroll(classes="dialog-body", id="group-body"):
                if self._hidden_note:
                    yield Static(literal(self._hidden_note), id="group-hidden")
                if self._big:
                    yield Static(
                        Content.assemble(
                            ("A big group: ", "bold $text-warning"),
                            f"{len(self._lines)} claims from {len(self._outlets)} outlet(s): ",
                            literal(", ".join(self._outlets)),
                            ". Check that they are one event before applying.",
                        ),
                        id="group-big",
                    )
                yield Static(Content("\n").join(self._lines))
            yield Label(self._choice_text(), id="group-choice")
            yield Label(
                # (how to scroll first: at 30x10 the list is a few lines and the end of this line is cut off)
                Content(
                    "↑↓ scroll · c confirmed · d disputed · u unreviewed · o overwrite decided · y apply"
                    " · escape cancel"
                ),
                classes="dialog-hint",
            )

    def _decided_text(self) -> str:
        n = sum(self._decided.values())
        if not n:
            return "no claim of the group is decided yet"
        parts = ", ".join(f"{k} {v}" for v, k in sorted(((str(v), k) for v, k in self._decided.items())))
        if self._overwrite:
            return f"{n} decided claim(s) would change: {parts}"
        # (what o does before the counts: under 16 rows the line is cut after its third line)
        return f"{n} decided claim(s) left alone, o to change them too ({parts})"

    def _choice_text(self) -> Content:
        choice = (
            (str(self._choice), "bold reverse") if self._choice else ("choose c, d or u", "$text-warning")
        )
        return Content.assemble("Apply: ", choice, "  ·  ", (self._decided_text(), "$text-muted"))

    def _update(self) -> None:
        self.query_one("#group-choice", Label).update(self._choice_text())

    def action_choose(self, verdict: str) -> None:
        self._choice = Verdict(verdict)
        self._update()

    def action_toggle_overwrite(self) -> None:
        self._overwrite = not self._overwrite
        self._update()

    def action_apply(self) -> None:
        if self._choice is None:
            self.notify("Choose a verdict first: c, d or u.", timeout=3, markup=False)
            return
        self.dismiss((self._choice, self._overwrite))

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True, slots=True)
class Filter:
    verdict: str = ""  # "" all, a Verdict value, or "dismissed"
    outlet: str = ""
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.verdict or self.outlet or self.text)

    def describe(self) -> str:
        bits = []
        if self.verdict:
            bits.append(self.verdict)
        if self.outlet:
            bits.append(f"outlet={self.outlet}")
        if self.text:
            bits.append(f"“{self.text}”")
        return " ".join(bits)


_NONE = "__all__"


class FilterModal(TypeAhead, Dialog[Filter | None]):
    """Filter claims by verdict, outlet and text; enter applies, ctrl+r clears, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="filter-cancel"),
        Binding("ctrl+r", "clear", "Show all claims", id="filter-clear"),
        # not a priority binding: an open dropdown takes enter first (it picks the item), as in the report
        # dialog; a closed one opens on enter
        Binding("ctrl+enter,ctrl+j", "apply", "Apply", id="filter-apply", show=False),
    ]

    def __init__(self, current: Filter, outlets: list[str]) -> None:
        super().__init__()
        self._current, self._outlets = current, outlets

    def compose(self) -> ComposeResult:
        verdicts = [(Content("all claims"), _NONE)] + [
            (Content(v), v) for v in [*(str(v) for v in Verdict), "dismissed"]
        ]
        outlets = [(Content("all outlets"), _NONE)] + [(literal(o), o) for o in self._outlets]
        with Vertical(classes="dialog -wide"):
            yield Label(Content("Filter claims"), classes="dialog-title")
            yield LineInput(self._current.text, placeholder="text contains…", id="filter-text")
            yield Select(
                verdicts, value=self._current.verdict or _NONE, allow_blank=False, id="filter-verdict"
            )
            yield Select(outlets, value=self._current.outlet or _NONE, allow_blank=False, id="filter-outlet")
            yield Label(
                Content(
                    "tab moves · enter in the text (or ctrl+enter) applies · ctrl+r shows all claims and closes · escape cancel"
                ),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        inp = self.query_one(Input)
        inp.cursor_blink = False
        inp.focus()
        self._take_typed(inp)

    def reopen(self, current: Filter, outlets: list[str]) -> None:
        """Show ``current`` when the dialog opens again (the main screen keeps it: its outlet list, one
        option per outlet, is made once, and again only when the outlets changed)."""
        self._current = current
        inp = self.query_one(Input)
        inp.value = current.text
        inp.cursor_position = len(current.text)
        verdict = self.query_one("#filter-verdict", Select)
        outlet = self.query_one("#filter-outlet", Select)
        verdict.expanded = outlet.expanded = False
        if outlets != self._outlets:
            self._outlets = outlets
            outlet.set_options([(Content("all outlets"), _NONE)] + [(literal(o), o) for o in outlets])
        verdict.value = current.verdict or _NONE
        outlet.value = current.outlet if current.outlet in outlets else _NONE
        self.set_focus(inp)

    def current(self) -> Filter:
        v = self.query_one("#filter-verdict", Select).value
        o = self.query_one("#filter-outlet", Select).value
        return Filter(
            verdict="" if v in (_NONE, Select.BLANK) else str(v),
            outlet="" if o in (_NONE, Select.BLANK) else str(o),
            text=self.query_one(Input).value.strip(),
        )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(self.current())

    def action_apply(self) -> None:
        self.dismiss(self.current())

    def action_clear(self) -> None:
        self.dismiss(Filter())

    def action_cancel(self) -> None:
        self.dismiss(None)


_WORD = re.compile(r"\S+")


class AddClaimModal(Dialog[tuple[int, int] | None]):
    """Choose a span of the article to add as a claim: a sentence, adjustable word by word."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "sentence(1)", "Next sentence", id="add-next"),
        Binding("left", "sentence(-1)", "Previous sentence", id="add-prev"),
        Binding("shift+right", "end(1)", "End +word", id="add-end-more"),
        Binding("shift+left", "end(-1)", "End −word", id="add-end-less"),
        Binding("ctrl+right", "start(1)", "Start +word", id="add-start-later"),
        Binding("ctrl+left", "start(-1)", "Start −word", id="add-start-earlier"),
        Binding("enter", "add", "Add claim", id="add-confirm"),
        Binding("escape", "cancel", "Cancel", id="add-cancel"),
    ]

    def __init__(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        index: int,
        existing: list[tuple[int, int]] | None = None,
    ) -> None:
        super().__init__()
        self._text, self._sentences = text, sentences or [(0, len(text))]
        self._index = max(0, min(index, len(self._sentences) - 1))
        self._start, self._end = self._sentences[self._index]
        self._existing = existing or []  # spans that are claims already (tinted; not added twice)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide -tall"):
            yield Label(Content("Add a claim the extractor missed"), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(id="add-span")
            yield Label(Content(""), id="add-state", classes="dialog-error")
            yield Label(
                Content(
                    "←/→ sentence · shift+←/→ move end by a word · ctrl+←/→ move start · enter add · escape cancel"
                ),
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        lo = max(0, self._start - 200)
        hi = min(len(self._text), self._end + 200)
        ctx = self._text[lo:hi]
        spans = [
            (max(0, s - lo), min(hi, e) - lo, "on $primary 30%")
            for s, e in self._existing
            if s < hi and e > lo
        ]
        spans.append((self._start - lo, self._end - lo, "bold reverse"))
        self.query_one("#add-span", Static).update(spans_content(ctx, spans))
        same = self._same_claim()
        state = "already a claim: enter does nothing (tinted: the article's claims)" if same else ""
        if not same and self._overlaps():
            state = "overlaps a claim (tinted); enter adds it all the same"
        self.query_one("#add-state", Label).update(Content(state))

    def _same_claim(self) -> bool:
        return (self._start, self._end) in self._existing or any(
            s <= self._start and self._end <= e for s, e in self._existing
        )

    def _overlaps(self) -> bool:
        return any(s < self._end and self._start < e for s, e in self._existing)

    def _words(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _WORD.finditer(self._text)]

    def action_sentence(self, step: int) -> None:
        self._index = max(0, min(self._index + step, len(self._sentences) - 1))
        self._start, self._end = self._sentences[self._index]
        self._show()

    def action_end(self, step: int) -> None:
        words = self._words()
        if step > 0:
            nxt = [e for s, e in words if e > self._end]
            if nxt:
                self._end = nxt[0]
        else:
            prev = [e for s, e in words if self._start < e < self._end]
            if prev:
                self._end = prev[-1]
        self._show()

    def action_start(self, step: int) -> None:
        words = self._words()
        if step > 0:
            nxt = [s for s, e in words if self._start < s < self._end]
            if nxt:
                self._start = nxt[0]
        else:
            prev = [s for s, e in words if s < self._start]
            if prev:
                self._start = prev[-1]
        self._show()

    def action_add(self) -> None:
        if self._same_claim():
            self.notify("That span is already a claim.", timeout=3, markup=False)
            return
        self.dismiss((self._start, self._end))

    def action_cancel(self) -> None:
        self.dismiss(None)


def sanitize_line(s: str) -> str:
    return sanitize(s).replace("\n", " ")


REPORT_FORMATS = [
    ("Markdown", "md"),
    ("CSV", "csv"),
    ("JSON", "json"),
    ("ClaimReview (JSON-LD)", "claimreview"),
]


# What a report lists: every claim, or only the decided ones and their groups (``factcheck report --decided``)
REPORT_CLAIMS = [
    ("Every claim", "all"),
    ("Decided claims only, in their groups", "decided"),
]


class ReportModal(Dialog[tuple[str, str, bool] | None]):
    """Choose a report format, the claims it lists and the file to write; ``default_path(fmt)`` gives each
    format's default. Its result: (format, path, only the decided claims).

    The file's folder must exist (only the default ``reports/`` folder is made when missing); a problem is
    shown in the dialog, which stays open with the path as typed."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="report-cancel")]

    def __init__(
        self,
        fmt: str,
        default_path: Callable[[str], str],
        default_folder: Path,
        *,
        path: str | None = None,
        error: str | None = None,
        decided: bool = False,
    ) -> None:
        super().__init__()
        self._fmt = fmt
        self._decided = decided
        self._default_path = default_path
        self._default_folder = default_folder
        self._path = path
        self._error = error

    def compose(self) -> ComposeResult:
        # Scrolls in a small window: tab to the claims choice brings it into view.
        with VerticalScroll(classes="dialog"):
            yield Label(Content("Write a report"), classes="dialog-title")
            yield Select(REPORT_FORMATS, value=self._fmt, allow_blank=False, id="report-format")
            yield LineInput(
                self._path or self._default_path(self._fmt), placeholder="file to write", id="report-path"
            )
            yield Select(
                REPORT_CLAIMS,
                value="decided" if self._decided else "all",
                allow_blank=False,
                id="report-claims",
            )
            yield Label(literal(self._error or ""), id="modal-error", classes="dialog-error")
            yield Label(Content("enter write · tab format, claims · escape cancel"), classes="dialog-hint")

    def on_mount(self) -> None:
        inp = self.query_one(Input)
        inp.cursor_blink = False
        # (focusing scrolls the field into view: at 30x10 that put the title, which says what the dialog is,
        # above the view; the field is in view from the top)
        inp.focus(scroll_visible=False)

    @on(Select.Changed, "#report-format")
    def _format_changed(self, event: Select.Changed) -> None:
        event.stop()
        new = str(event.value)
        inp = self.query_one(Input)
        if inp.value.strip() in ("", self._default_path(self._fmt)):  # untouched: follow the format
            inp.value = self._default_path(new)
        self._fmt = new

    def problem(self, value: str) -> str | None:
        if not value:
            return "Give the file to write."
        target = Path(value).expanduser()
        if target.is_dir():
            return f"{value} is a folder: give a file name."
        folder = target.parent
        if not folder.is_dir() and not (folder == self._default_folder and folder.parent.is_dir()):
            return f"No folder {folder}: make it first, or give another path."
        return None

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        problem = self.problem(value)
        if problem:
            self.query_one("#modal-error", Label).update(literal(problem))
            return
        decided = self.query_one("#report-claims", Select).value == "decided"
        self.dismiss((self._fmt, value, decided))

    def action_cancel(self) -> None:
        self.dismiss(None)


class EvidenceModal(Dialog[tuple[str, str] | None]):
    """A claim's evidence: enter opens the one highlighted (a URL in the browser, a claim on screen),
    delete removes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="evidence-cancel"),
        Binding("delete,backspace,x", "remove", "Remove", id="evidence-remove"),
    ]

    def __init__(self, title: str, items: list[str]) -> None:
        super().__init__()
        self._title, self._items = title, items

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Label(literal(self._title), classes="dialog-title")
            yield OptionList(*(Option(literal(item)) for item in self._items), id="evidence-list")
            yield Label(
                Content("↑/↓ choose · enter open · delete remove · escape close"), classes="dialog-hint"
            )

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        ol.highlighted = 0
        ol.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(("open", self._items[event.option_index]))

    def action_remove(self) -> None:
        i = self.query_one(OptionList).highlighted
        if i is not None:
            self.dismiss(("remove", self._items[i]))

    def action_cancel(self) -> None:
        self.dismiss(None)


class OrphansModal(Dialog[None]):
    """The session's decisions on claims no longer in the articles (an article deleted, a sentence edited past
    re-attaching): kept in the session, shown on no claim. Each with its verdict, article, text and note."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", "Close")]

    def __init__(self, decisions: list[Decision], why: Callable[[Decision], str] | None = None) -> None:
        super().__init__()
        self._decisions = decisions
        self._why = why  # why a decision is on no claim (Review.orphan_why)

    def compose(self) -> ComposeResult:
        n = len(self._decisions)
        with Vertical(classes="dialog -wide -tall"):
            yield Label(Content(f"Decisions attached to no claim ({n})"), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(
                    Content.styled(
                        "Kept in the session: their claims are no longer in the articles (an article deleted or"
                        " moved away, a sentence edited, or no longer read as a claim): each says why.",
                        "$text-muted",
                    )
                )
                if not self._decisions:
                    yield Static(Content("None: every decision is on a claim of the articles."))
                for d in self._decisions:
                    head = f"{d.verdict}" + (f" by {d.superseded_by}" if d.superseded_by else "")
                    when = d.updated.strftime("%Y-%m-%d %H:%M UTC") if d.updated else ""
                    lines = [
                        Content.assemble(
                            (head, "bold"),
                            literal(f" · {d.article} · {d.claim_id}", "$text-muted"),
                            literal(f" · {d.reviewer or '?'} {when}".rstrip(), "$text-muted"),
                        ),
                        literal(d.text or "(no text kept)"),
                    ]
                    if self._why is not None:
                        lines.append(literal(f"Why: {self._why(d)}", "$text-muted"))
                    if d.note:
                        lines.append(Content.assemble(("Note: ", "bold"), literal(d.note)))
                    yield Static(Content("\n").join(lines), classes="orphan")
            yield Label(Content("escape closes · factcheck status lists them too"), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)


class UnreadModal(Dialog[None]):
    """The inputs of the batch that could not be read (a file not text, a page that failed), each with why:
    the opening notice lists the first few for a while; this, from the palette, all of them."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", "Close")]

    def __init__(self, errors: list[str]) -> None:
        super().__init__()
        self._errors = errors

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide -tall"):
            yield Label(Content(f"Inputs not read ({len(self._errors)})"), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                if not self._errors:
                    yield Static(Content("None: every input of the batch was read."))
                for e in self._errors:
                    yield Static(literal(e))
            yield Label(Content("escape closes · factcheck extract lists them too"), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
