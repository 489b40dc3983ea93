"""The main screen's key bindings, each with what it needs (a claim, a writable session) and where it helps.

Kept apart from the screen so that help, the command palette and the key bar read them without importing
the screen (no import cycle), and so that what an action needs is said once, on its binding. (Textual
copies bindings into plain ``Binding`` objects when it expands "j,down": look the metadata up by id or
action name in ``BY_ID`` / ``BY_ACTION``.)
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class ActionBinding(Binding):
    """A Binding that says what its action needs and which panes it matters most in."""

    mutating: bool = False  # changes the session: refused (with a word) when it is read-only
    needs_claim: bool = False  # acts on the current claim: disabled when there is none
    panes: tuple[str, ...] = ()  # widget ids where the key bar lists it first ("*": everywhere)
    rank: int = 50  # order in the key bar among the keys of the focused pane (lower first; < 0: always first)


B = ActionBinding

MAIN_BINDINGS: list[ActionBinding] = [
    B(
        "question_mark,f1",
        "help",
        "Help",
        id="help",
        tooltip="Help for the focused part, every key",
        panes=("*",),
        rank=-1,
    ),
    B("j", "next_claim", "Next", id="next-claim", tooltip="Next claim", panes=("claims", "article"), rank=10),
    B("k", "prev_claim", "Prev", id="prev-claim", tooltip="Previous claim", panes=("claims",), rank=60),
    B(
        "J,right_square_bracket",
        "next_article",
        "Next article",
        id="next-article",
        tooltip="Next article",
        panes=("articles", "claims"),
        rank=30,
    ),
    B(
        "K,left_square_bracket",
        "prev_article",
        "Prev article",
        id="prev-article",
        tooltip="Previous article",
        panes=("articles",),
        rank=31,
    ),
    B(
        "n",
        "next_unreviewed",
        "Todo",
        id="next-unreviewed",
        tooltip="Next reviewers' conflict (after a merge), else next unreviewed claim",
        panes=("*",),
        rank=12,
    ),
    B(
        "c",
        "mark('confirmed')",
        "Confirm",
        id="mark-confirmed",
        tooltip="Mark confirmed",
        mutating=True,
        needs_claim=True,
        panes=("claims", "article", "event"),
        rank=1,
    ),
    B(
        "d",
        "mark('disputed')",
        "Dispute",
        id="mark-disputed",
        tooltip="Mark disputed",
        mutating=True,
        needs_claim=True,
        panes=("claims", "article", "event"),
        rank=2,
    ),
    B(
        "s",
        "supersede",
        "Supersede",
        id="mark-superseded",
        tooltip="Mark superseded by…",
        mutating=True,
        needs_claim=True,
        panes=("claims", "event"),
        rank=3,
    ),
    B(
        "u",
        "mark('unreviewed')",
        "Unmark",
        id="mark-unreviewed",
        tooltip="Back to unreviewed",
        mutating=True,
        needs_claim=True,
        panes=("claims",),
        rank=40,
    ),
    B(
        "a",
        "accept_suggestion",
        "Accept",
        id="accept-suggestion",
        tooltip="Accept the suggestion shown",
        mutating=True,
        needs_claim=True,
        panes=("event",),
        rank=1,
    ),
    B(
        "r",
        "resolve_conflict",
        "Resolve",
        id="resolve-conflict",
        tooltip="Resolve a conflict between reviewers",
        mutating=True,
        needs_claim=True,
        panes=("event",),
        rank=4,
    ),
    B(
        "e",
        "edit_note",
        "Note",
        id="edit-note",
        tooltip="Edit the note",
        mutating=True,
        needs_claim=True,
        panes=("claims", "event"),
        rank=5,
    ),
    B(
        "o",
        "add_evidence",
        "Evidence",
        id="add-evidence",
        tooltip="Add evidence",
        mutating=True,
        needs_claim=True,
        panes=("claims", "event"),
        rank=6,
    ),
    B(
        "E",
        "manage_evidence",
        "Open evidence",
        id="manage-evidence",
        tooltip="Open or remove the claim's evidence",
        needs_claim=True,
        panes=("event",),
        rank=7,
    ),
    B(
        "plus",
        "add_claim",
        "Add claim",
        id="add-claim",
        tooltip="Add a missed claim",
        mutating=True,
        panes=("article",),
        rank=1,
    ),
    B(
        "minus",
        "toggle_dismiss",
        "Dismiss",
        id="dismiss-claim",
        tooltip="Dismiss/restore the claim",
        mutating=True,
        needs_claim=True,
        panes=("claims", "article"),
        rank=45,
    ),
    B(
        "w",
        "toggle_low_scores",
        "All claims",
        id="toggle-low-scores",
        tooltip="Show or hide claims under the check-worthiness threshold",
        panes=("claims",),
        rank=50,
    ),
    B(
        "l",
        "follow_link",
        "Linked",
        id="follow-link",
        tooltip="Go to the linked claim: the claim superseding this one, else the first one it supersedes",
        needs_claim=True,
        panes=("event",),
        rank=3,
    ),
    B(
        "b",
        "checked_before",
        "Before",
        id="checked-before",
        tooltip="Checked before: earlier checks of this claim in your archive (apply one's verdict and link)",
        needs_claim=True,
        panes=("claims", "event"),
        rank=45,
    ),
    B(
        "G",
        "apply_to_group",
        "To group",
        id="apply-to-group",
        tooltip="Verdict to the whole event group",
        mutating=True,
        needs_claim=True,
        panes=("event",),
        rank=2,
    ),
    B(
        "g",
        "groups",
        "Groups",
        id="show-groups",
        tooltip="Groups screen: every event as a timeline",
        panes=("*",),
        rank=20,
    ),
    B(
        "m",
        "merge_group",
        "Merge",
        id="merge-group",
        tooltip="Merge the claim's group with…",
        mutating=True,
        needs_claim=True,
        panes=("event",),
        rank=8,
    ),
    B(
        "x",
        "take_out",
        "Out of group",
        id="take-out-of-group",
        tooltip="Take the claim out of its group",
        mutating=True,
        needs_claim=True,
        panes=("event",),
        rank=9,
    ),
    B(
        "p",
        "set_published",
        "Date",
        id="set-published",
        tooltip="Set the article's publication date",
        mutating=True,
        panes=("articles", "article"),
        rank=2,
    ),
    B(
        "S",
        "set_speaker",
        "Speaker",
        id="set-speaker",
        tooltip="Set the claim's speaker",
        mutating=True,
        needs_claim=True,
        panes=("claims", "event"),
        rank=55,
    ),
    B(
        "t",
        "set_title",
        "Title",
        id="set-title",
        tooltip="Set the article's title",
        mutating=True,
        panes=("articles", "article"),
        rank=3,
    ),
    B(
        "O",
        "set_outlet",
        "Outlet",
        id="set-outlet",
        tooltip="Set the article's outlet",
        mutating=True,
        panes=("articles", "article"),
        rank=4,
    ),
    B("slash", "filter", "Filter", id="filter", tooltip="Filter claims", panes=("*",), rank=21),
    B("ctrl+z", "undo", "Undo", id="undo", tooltip="Undo", mutating=True, panes=("*",), rank=22),
    B("ctrl+y", "redo", "Redo", id="redo", tooltip="Redo", mutating=True, panes=("*",), rank=70),
    B("ctrl+s", "save", "Save", id="save", tooltip="Save now", panes=("*",), rank=71),
    B("R", "write_report", "Report", id="write-report", tooltip="Write a report", panes=("*",), rank=72),
    B("q", "quit", "Quit", id="quit", tooltip="Quit (saves first)", panes=("*",), rank=80),
]

BY_ID: dict[str, ActionBinding] = {b.id: b for b in MAIN_BINDINGS if b.id}
BY_ACTION: dict[str, ActionBinding] = {b.action.split("(", 1)[0]: b for b in MAIN_BINDINGS}


def all_binding_ids() -> frozenset[str]:
    """The id of every binding of the TUI's screens, dialogs and widgets: the names ``[keys]`` in the config
    file can remap (a name not among them would be ignored without a word)."""
    import importlib
    import inspect
    import pkgutil

    import factcheck.tui as tui

    ids: set[str] = set()
    for info in pkgutil.walk_packages(tui.__path__, "factcheck.tui."):
        mod = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(mod, inspect.isclass):
            if cls.__module__ == mod.__name__:
                ids |= {b.id for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding) and b.id}
    return frozenset(ids)


_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def is_key_name(key: str) -> bool:
    """Whether ``key`` names a key Textual can report: a character ("y", "J"), a named key ("escape", "f1",
    "pageup"), a character's name ("slash", "question_mark"), each after modifiers ("ctrl+n", "shift+tab")."""
    from textual.keys import KEY_NAME_REPLACEMENTS, Keys, key_to_character

    *mods, base = key.split("+")
    if not base or any(m not in _MODIFIERS for m in mods):
        return False
    if len(base) == 1 or base in KEY_NAME_REPLACEMENTS.values() or key_to_character(base) is not None:
        return True
    return any(base == k.value for k in Keys)


def keymap_problems(keymap: dict[str, str]) -> list[str]:
    """What in the config's ``[keys]`` would not work, one line each: a key name no key has (the binding then
    has no key), and a key a remapped binding of the main screen shares with another one there (one of the
    two then does nothing on it). Unknown binding ids are said by the app."""
    out: list[str] = []
    for name, keys in keymap.items():
        for key in (k.strip() for k in keys.split(",")):
            if not is_key_name(key):
                out.append(f'keys.{name}: "{key}" is not a key name (such as "y", "ctrl+n", "f2" or "slash")')
    holders: dict[str, list[ActionBinding]] = {}
    for b in MAIN_BINDINGS:
        for key in (k.strip() for k in keymap.get(b.id or "", b.key).split(",")):
            holders.setdefault(key, []).append(b)
    for key, bs in holders.items():
        for b in bs:
            others = [o for o in bs if o is not b]
            if others and b.id in keymap:
                names = ", ".join(f"{o.id} ({o.tooltip or o.description})" for o in others)
                out.append(f'keys.{b.id}: "{key}" is also the key of {names}: only one of them can have it')
    return out
