"""The review TUI application: ``make_app(review, config)`` (used by tests and ``run``) and ``run``."""

from __future__ import annotations

import asyncio
import contextlib
import difflib
import gc
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.widgets import Label, ProgressBar
from textual.worker import Worker, get_current_worker

from factcheck.tui.commands import FactcheckCommands
from factcheck.tui.config import Config, load_config

if TYPE_CHECKING:  # the core and the main screen are imported lazily: the first paint comes sooner
    from factcheck.model import Article, Claim, EventGroup, InputError
    from factcheck.review import Review
    from factcheck.tui.screens.main import MainScreen

# How often (seconds) articles read meanwhile are handed to the screen while a batch loads.
STREAM_INTERVAL = 0.3


class LoadCancelled(Exception):
    """The app closed while the batch was being read: the opener stops."""


class Loading:
    """What an opener reports through, from the worker's thread: ``Review.open(..., progress=loading.progress,
    extracted=loading.extracted, session_read=loading.session_read)``.

    Once the session is read, articles go to the main screen (on ``Review.preview``) as they are extracted
    (the first ones at once, then every ``STREAM_INTERVAL``); before that (and for an opener that streams
    nothing) the loading screen shows the progress. Every call raises ``LoadCancelled`` once the app no longer
    waits for the batch.
    """

    def __init__(self, app: FactcheckApp, worker: Worker[None]):
        self._app = app
        self._worker = worker
        self._preview: Review | None = None
        self._items: list[tuple[Article, list[Claim]]] = []
        self._sent: float | None = None
        self._files_sent: float | None = None
        self._files: tuple[int, int] | None = (
            None  # the last ``files_read`` (sent, or due with the next call)
        )
        self._files_due = False

    def _check(self) -> None:
        if self._worker.is_cancelled:
            raise LoadCancelled

    def progress(self, done: int, total: int) -> None:
        self._check()
        if self._preview is None and (done == total or done % 10 == 0):
            self._send_files()
            self._call(self._app._progress, done, total)

    def files_read(self, done: int, total: int) -> None:
        """The batch's input files and URLs read, of how many (known from the start: ``ingest.load``)."""
        self._check()
        self._files, self._files_due = (done, total), True
        now = time.monotonic()
        if done in (0, total) or self._files_sent is None or now - self._files_sent >= STREAM_INTERVAL:
            self._send_files()

    def _send_files(self) -> None:
        """The last ``files_read`` to the app (one held back, sent with the next articles: while a chunk is
        extracted no file is read, and the count shown was the one before the chunk)."""
        if self._files is not None and self._files_due:
            self._call(self._app._files_read, self._preview, *self._files)
            self._files_sent, self._files_due = time.monotonic(), False

    def session_read(self, preview: Review) -> None:
        self._check()
        self._preview = preview

    def extracted(self, items: list[tuple[Article, list[Claim]]], done: int, total: int) -> None:
        self._check()
        if self._preview is None:
            return
        self._items += items
        now = time.monotonic()
        if self._sent is None or done == total or now - self._sent >= STREAM_INTERVAL:
            batch, self._items = self._items, []
            self._send_files()
            self._call(self._app._streamed, self._preview, batch, done, total)
            self._sent = time.monotonic()

    def _call(self, fn: Callable[..., object], *args: object) -> None:
        try:
            self._app.call_from_thread(fn, *args)
        except RuntimeError:  # the app is no longer running
            raise LoadCancelled from None


Opener = Callable[[Loading], "Review"]

# Garbage collector thresholds while the main screen is up (young objects, gen1, gen2): see _show_main.
GC_THRESHOLD = (50_000, 50, 1_000)

# Signals that end the app from outside (an SSH drop, a shutdown, kill): the session is saved first.
EXIT_SIGNALS = (signal.SIGHUP, signal.SIGTERM) if hasattr(signal, "SIGHUP") else (signal.SIGTERM,)


def _draw_in_utf8(stream: Any) -> None:
    """The screen is drawn in UTF-8 whatever the locale says: Textual reads keys as UTF-8, and with a
    locale of another encoding (a Latin-1 or ASCII one on the far side of an SSH link, ``PYTHONIOENCODING``)
    every box-drawing glyph and "…" was written as a Python escape ("\\u2500"), a screen of garbage."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
            stream.reconfigure(encoding="utf-8", errors="replace")


class LoadingScreen(Screen[None]):
    """Shown while a batch is read, extracted and grouped in a thread worker."""

    _articles: tuple[int, int] = (0, 0)  # (read, of: 0 until the batch is read)
    _files: tuple[int, int] | None = None  # (input files read, of: known once they are listed)

    def compose(self) -> ComposeResult:
        yield Label(Content("Reading articles…"), id="loading-label")
        yield ProgressBar(id="loading-bar", show_eta=False)

    def progress(self, done: int, total: int) -> None:
        self._articles = (done, total)
        self._show()

    def files_read(self, done: int, total: int) -> None:
        self._files = (done, total)
        self._show()

    def _show(self) -> None:
        (done, total), files = self._articles, self._files
        count = f"{done:,}/{total:,}" if total else f"{done:,}"
        if total or not files:
            self.query_one(ProgressBar).update(total=total or None, progress=done)
        else:  # the number of articles is not known yet; that of files is: how far the batch is
            self.query_one(ProgressBar).update(total=files[1] or None, progress=files[0])
            count += f" · {files[0]:,} of {files[1]:,} files"
        self.query_one("#loading-label", Label).update(Content(f"Reading articles… {count}"))


class FactcheckApp(App[int]):
    CSS_PATH = "factcheck.tcss"
    TITLE = "factcheck"
    COMMANDS = App.COMMANDS | {FactcheckCommands}
    # Every screen of a window under 16 rows has the class -low: a dialog's title is one line there (see
    # factcheck.tcss), or a picker's title took every row it had.
    VERTICAL_BREAKPOINTS = [(0, "-low"), (16, "-high")]  # noqa: RUF012 (as Textual declares it: no ClassVar)
    # A screen under another (a dialog's, seen through its tint) has the class -suspended: its notices are not
    # drawn there (factcheck.tcss). A dialog dismisses the notices showing when it opens, but only the top
    # screen's are redrawn: the screen below kept its toast beside the dialog until the notice's time ran out.
    SUSPENDED_SCREEN_CLASS = "-suspended"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app-quit")
    ]

    def __init__(
        self, review: Review | None = None, config: Config | None = None, opener: Opener | None = None
    ):
        super().__init__()
        self.review = review
        self.config = config or Config()
        self._opener = opener
        self._save_timer: Timer | None = None
        self.error: str | None = None
        self.save_error: str | None = None
        self.rescued: Path | None = None  # where the decisions went when the session could not be saved
        self.main_screen: MainScreen | None = None
        self._quit_anyway = False
        self._journal_told = False  # whether the user was told the journal cannot be written
        self._exiting = False  # set when the app ends: an opened review arriving then is closed
        self._frozen = False
        self._gc_threshold: tuple[int, int, int] | None = None  # the thresholds before ours
        self._signals: list[int] = []
        if self.config.keymap:
            self.set_keymap(self.config.keymap)

    @property
    def keymap(self) -> dict[str, str]:
        return dict(self.config.keymap)

    def on_key(self, event: events.Key) -> None:
        """A printable key that comes back to the app while a dialog with a text field is the screen was
        typed while the dialog opened (it went to the screen below, or to the dialog before its field had
        the focus): it is typed into the field, never taken as a command of the screen below."""
        from factcheck.tui.screens.modals import TypeAhead

        screen = self.screen
        typed = event.character if event.is_printable else None
        if typed and isinstance(screen, TypeAhead) and screen.type_ahead(typed):
            event.prevent_default()
            event.stop()

    def run(self, *, headless: bool = False, **kwargs: Any) -> int | None:
        """Run the app on the terminal, or say why not: with standard input not a terminal (``< /dev/null``,
        a pipe, a cron job) the screen read end-of-file forever and spun a core until killed, and with
        standard error (where the screen is drawn) not one it drew into a file; on a terminal that says it is
        dumb (TERM=dumb) it drew escape codes as text."""
        if not headless:
            for stream, name in ((sys.__stdin__, "standard input"), (sys.__stderr__, "standard error")):
                if stream is None or not stream.isatty():
                    self.error = (
                        f"the review screen needs a terminal, and {name} is not one (`factcheck extract`,"
                        " `status`, `mark` and `report` work in scripts and pipes)"
                    )
                    return None
            if os.environ.get("TERM") == "dumb":
                # (Textual draws with cursor moves and 24-bit colours whatever TERM says: on Emacs's shell
                # buffer, a serial console or `TERM=dumb ssh` the screen came out as pages of escape codes)
                self.error = (
                    "the review screen cannot be drawn on this terminal: TERM=dumb says it cannot move the cursor"
                    " (run it in a terminal emulator, or set TERM, e.g. TERM=xterm-256color, if yours is one;"
                    " `factcheck extract`, `status`, `mark` and `report` work on any terminal)"
                )
                return None
            _draw_in_utf8(sys.__stderr__)
        return super().run(headless=headless, **kwargs)

    def on_mount(self) -> None:
        self._catch_exit_signals()
        theme = self.config.theme or self.config.remembered_theme
        if theme:
            if theme in self.available_themes:
                self.theme = theme
            else:
                self.config.warnings.append(f"unknown theme {theme!r}")
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.config.keymap:
            from factcheck.tui.bindings import all_binding_ids, keymap_problems

            known = all_binding_ids()
            for name in sorted(set(self.config.keymap) - known):
                close = difflib.get_close_matches(name, sorted(known), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else " (the README lists the binding ids)"
                self.config.warnings.append(f"keys.{name}: no such binding; ignored{hint}")
            self.config.warnings.extend(keymap_problems(self.config.keymap))
        for w in self.config.warnings:
            self.notify(w, title="Config", severity="warning", timeout=8, markup=False)
        if self.review is not None:
            self._show_main(self.review)
        else:
            self.push_screen(LoadingScreen(id="loading"))
            self._open()

    def _theme_changed(self, theme: Theme) -> None:
        """A theme chosen in the app is remembered for the next start (the config file's theme wins)."""
        from factcheck.tui.config import remember_theme

        problem = remember_theme(self.config, theme.name)
        if problem:
            self.notify(f"The theme is not remembered: {problem}", severity="warning", markup=False)

    def _streamed(
        self, preview: Review, items: list[tuple[Article, list[Claim]]], done: int, total: int
    ) -> None:
        """Articles read while the batch loads: the main screen shows them (on ``preview``) at once."""
        from factcheck.tui.screens.main import MainScreen

        if self._exiting:
            return
        if self.main_screen is None:
            if not items:
                return
            preview.add_loaded(items, done, total)
            self.review = preview
            self._install_main(MainScreen(preview))
            return
        review = self.main_screen.review
        if review.loading is not None:  # (the opened review may have taken its place already)
            review.add_loaded(items, done, total)
            self.main_screen.articles_added([a.key for a, _ in items])

    def _show_main(self, review: Review) -> None:
        from factcheck.tui.screens.main import MainScreen

        if self._exiting:  # the app ends (the preview's decisions, if any, were saved): this one is not used
            review.close()
            return
        if not review.corpus.articles:  # nothing to review: refused as the CLI refuses it, no session made
            review.close()
            errors = review.corpus.errors
            said = [str(e) for e in errors] or ["no articles to review"]
            if review.data.decisions:  # a session whose corpus moved: where its decisions are, and what to do
                n = len(review.data.decisions)
                said.append(
                    f"{review.path}: none of its corpus could be read; its {n:,} decision(s) are kept in the file:"
                    f" give the articles' place (factcheck review PATH --session {review.path})"
                )
            self._fail("\n".join(said))
            return
        self.review = review
        self._freeze_gc()
        if self.main_screen is not None:  # the preview of the batch being read: the opened review takes over
            preview = self.main_screen.review
            try:
                failed = review.take_over(preview) if preview.loading is not None else []
            except Exception as e:  # a bug: the preview stays, and is saved on the way out (never lost)
                review.close()
                self.review = preview
                self._fail(
                    "internal error while making again the changes made during loading:"
                    f" {type(e).__name__}: {e} (they are saved as they were made)"
                )
                return
            self._start_grouping(review)  # (after what was made meanwhile: a date set then re-extracts)
            self.main_screen.loaded(review)
            for line in failed:
                self.notify(
                    f"Not kept (made while loading): {line}",
                    title="Loading",
                    severity="error",
                    timeout=30,
                    markup=False,
                )
            if preview.dirty:
                self.schedule_save()
            return
        self._start_grouping(review)
        self._install_main(MainScreen(review))  # (it says how many articles it read once mounted)

    # ------------------------------------------------------------------------------------------
    # Grouping: the main screen is filled as soon as the review is opened and reconciled (``opener_for``
    # opens it without its groups); the batch is grouped meanwhile in a thread worker, and what needs the
    # groups waits for them (``Review.grouping``).

    def _start_grouping(self, review: Review) -> None:
        """Group ``review``'s batch in a worker, if it is not grouped (before the screen shows the review: what
        it draws then asks for no groups)."""
        job = review.start_grouping()
        if job is not None:
            self._group(review, job)

    # (a description of its own: Textual's default is the repr of the arguments, the whole batch: ~2 s at 1,000
    # articles, on the UI thread)
    # The collector stays paused until the groups are handed over: ``call_from_thread`` returns once
    # ``_grouped`` ran, and it freezes them (``_freeze_gc``). Grouping pauses the collector anyway
    # (``collector_paused``), so every object it made is in the youngest generation; resumed before the
    # freeze, the first collection walked them all, the GIL held: 0.26-0.5 s on 300 ECB+ articles during
    # which no key was answered (bench/tui_grouping_wait.py). A freeze moves them out of its sight at once.
    @work(thread=True, exclusive=True, group="grouping", description="grouping the batch")
    def _group(self, review: Review, job: Callable[[], list[EventGroup]]) -> None:
        from factcheck.cache import collector_paused

        with collector_paused():
            try:
                groups = job()
            except Exception as e:  # a bug in the core must not leave a traceback over the terminal
                self._call_if_running(self._grouping_failed, review, f"{type(e).__name__}: {e}")
                return
            self._call_if_running(self._grouped, review, groups)

    def _call_if_running(self, fn: Callable[..., object], *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # the app has ended meanwhile: nothing is shown
            self.call_from_thread(fn, *args)

    def _grouped(self, review: Review, groups: list[EventGroup]) -> None:
        if self._exiting or review is not self.review:
            return
        review.set_groups(groups)
        self._freeze_gc()  # (the groups live as long as the batch: out of the collector's sight too)
        if self.main_screen is not None:
            self.main_screen.grouped()

    def _grouping_failed(self, review: Review, error: str) -> None:
        review.grouping_failed()
        if not self._exiting and review is self.review:  # (its decisions are saved on the way out)
            self._fail(f"internal error while grouping the batch: {error}")

    @property
    def grouping(self) -> bool:
        """Whether the opened batch is still being grouped (the main screen is filled; what needs the groups
        waits for them)."""
        return self.review is not None and self.review.grouping

    def _install_main(self, screen: MainScreen) -> None:
        """Show the main screen in place of the loading screen (pushed when another screen is on top)."""
        self.main_screen = screen
        if isinstance(self.screen, LoadingScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        self.sub_title = str(screen.review.path)

    def _freeze_gc(self) -> None:
        # The corpus is hundreds of thousands of objects that live as long as the app: moved out of the
        # garbage collector's sight, so that a collection costs what a keypress made, not the whole batch
        # (~200 ms at 1,000 articles). No thresholds are tuned.
        if self._exiting:  # (a review or groups arriving as the app ends: exit would not undo it)
            return
        gc.freeze()
        # After a freeze the collector counts no long-lived objects, so with the default thresholds a full
        # collection (walking every cached line and prompt: 90-170 ms at 1,000 articles) ran every few
        # keypresses. Rarer collections keep keypresses short; the thresholds are restored on exit.
        if self._gc_threshold is None:
            self._gc_threshold = gc.get_threshold()
            gc.set_threshold(*GC_THRESHOLD)
        self._frozen = True

    def _catch_exit_signals(self) -> None:
        """SIGHUP and SIGTERM save the session, then end the app (the terminal may be gone)."""
        try:
            loop = asyncio.get_running_loop()
            for sig in EXIT_SIGNALS:
                loop.add_signal_handler(sig, self._exit_on_signal, int(sig))
                self._signals.append(int(sig))
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no such support
            pass

    def _exit_on_signal(self, signum: int) -> None:
        self._keep_typed_notes(lines=True)
        self.save_now(quiet=True)
        self._exiting = True
        self.exit(128 + signum, return_code=128 + signum)

    @work(thread=True, exclusive=True, group="open")
    def _open(self) -> None:
        from factcheck.parallel import WorkerDied
        from factcheck.review import ReviewError, SessionError

        assert self._opener is not None
        worker = get_current_worker()
        try:
            review = self._opener(Loading(self, worker))
        except LoadCancelled:
            return
        except (SessionError, ReviewError, OSError, ValueError, WorkerDied) as e:
            self.call_from_thread(self._fail, str(e))
            return
        except Exception as e:  # a bug in the core must not leave a traceback over the terminal
            self.call_from_thread(
                self._fail, f"internal error while reading the batch: {type(e).__name__}: {e}"
            )
            return
        if worker.is_cancelled:
            review.close()
            return
        self.call_from_thread(self._show_main, review)

    def _progress(self, done: int, total: int) -> None:
        if isinstance(self.screen, LoadingScreen):
            self.screen.progress(done, total)

    def _files_read(self, preview: Review | None, done: int, total: int) -> None:
        """The batch's input files read so far, of how many: the loading screen, or the main screen's preview
        (its status line and article list), say how far the batch is."""
        if self._exiting:
            return
        if isinstance(self.screen, LoadingScreen):
            self.screen.files_read(done, total)
        if preview is not None and preview.loading is not None:
            preview.files_read = (done, total)
        main = self.main_screen
        if main is not None and main.review.loading is not None:  # (the preview, or the opener's copy of it)
            main.review.files_read = (done, total)
            main.files_read_changed()

    @property
    def loading(self) -> bool:
        """Whether the batch is still being read (the main screen shows a read-only preview meanwhile)."""
        return self.review is None or self.review.loading is not None

    def _fail(self, message: str) -> None:
        self._exiting = True
        self.error = message
        self.exit(2, return_code=2)

    # ------------------------------------------------------------------------------------------
    # Saving: debounced autosave in a thread worker; synchronous save on quit.

    def schedule_save(self, *, delay: float | None = None, cursor_only: bool = False) -> None:
        r = self.review
        if r is None or r.readonly or not r.dirty or r.loading is not None:
            return  # (changes made while loading are saved by the opened review, or on quit)
        if r.journal_error and not self._journal_told:  # (said once: every change would say it again)
            self._journal_told = True
            self.notify(
                f"The journal cannot be written ({r.journal_error}): changes are safe only once saved",
                title="Journal",
                severity="warning",
                timeout=10,
                markup=False,
            )
        elif not r.journal_error and self._journal_told:  # (written again: a new failure is said again)
            self._journal_told = False
        if delay is None:
            delay = self.config.autosave_delay * (4 if cursor_only else 1)
        if cursor_only and self._save_timer is not None:
            return  # a decision's save is already due; it will carry the cursor
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(delay, self.save_soon)

    def save_soon(self, *, announce: bool = False) -> None:
        """Save now, off the UI thread: a snapshot taken here, written by a thread worker. ``announce``:
        the main screen says "saved" when it is done (an autosave is silent unless it fails)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        r = self.review
        if r is None or r.readonly or r.loading is not None:
            return
        if not r.dirty:
            self._saved(None, announce)
            return
        self._save(r.snapshot(), announce)

    # (described in words: Textual's default is the repr of the arguments, the whole session: ~24 ms of the UI
    # thread a save at 2,000 decisions, growing with the session)
    @work(thread=True, exclusive=False, group="save", description="saving the session")
    def _save(self, snapshot: object, announce: bool) -> None:
        from factcheck.review import ReviewError, SessionError

        assert self.review is not None
        try:
            self.review.save(snapshot)
        except (OSError, ReviewError, SessionError, ValueError) as e:
            self.call_from_thread(self._saved, str(e), announce)
            return
        self.call_from_thread(self._saved, None, announce)

    def _saved(self, error: str | None, announce: bool) -> None:
        self.save_error = error
        if error:
            self.notify(
                f"Could not save: {error}", title="Save failed", severity="error", timeout=10, markup=False
            )
        if self.main_screen is not None:
            self.main_screen.saved(error, announce)

    def save_now(self, *, quiet: bool = False) -> bool:
        """Save synchronously (on quit, on a signal). Returns False (and tells the user unless ``quiet``)
        when it failed. While the batch loads, the preview is saved: the session as it was read plus the
        decisions made meanwhile (the review being opened is then dropped)."""
        from factcheck.review import ReviewError, SessionError

        r = self.review
        if r is None or r.readonly or not r.dirty:
            return True
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        try:
            r.save()
        except (OSError, ReviewError, SessionError, ValueError) as e:
            self.save_error = str(e)
            if quiet:
                return False
            self.notify(
                f"Could not save: {e}. Press ctrl+q again to quit without saving here: your decisions are then"
                f" written to a copy in {rescue_folders()[0]} (else your home folder).",
                severity="error",
                markup=False,
            )
            return False
        return True

    def _keep_typed_notes(self, *, lines: bool = False) -> None:
        """A note typed in the note dialog and not kept yet is kept before the app ends (it was lost);
        ``lines``: so is a valid line typed in a one-line dialog that has a ``keep`` (a title, outlet, speaker
        or evidence; never a date), on a signal, when nobody can be asked."""
        from factcheck.tui.screens.modals import InputModal, NoteModal

        for screen in self.screen_stack:
            if isinstance(screen, NoteModal) or (lines and isinstance(screen, InputModal)):
                screen.keep_typed()

    def _asked_about_typed_lines(self) -> bool:
        """True when ctrl+q would drop a line typed in a one-line dialog: the dialog asks instead (once)."""
        from factcheck.tui.screens.modals import InputModal

        return any(isinstance(s, InputModal) and s.ask_on_quit() for s in self.screen_stack)

    async def action_quit(self) -> None:
        if self._asked_about_typed_lines():
            return
        self._keep_typed_notes()
        if not self.save_now() and not self._quit_anyway:
            self._quit_anyway = True
            return
        self._exiting = True
        self.exit(0)

    def on_unmount(self) -> None:
        from factcheck.review import ReviewError, SessionError
        from factcheck.session import SessionChanged, save_rescue

        self._exiting = True  # (however the app ends: what arrives after this freezes nothing, opens nothing)
        if self._frozen:
            gc.unfreeze()  # (tests run many apps in one process: what they froze becomes collectable again)
            self._frozen = False
        if self._gc_threshold is not None:
            gc.set_threshold(*self._gc_threshold)
            self._gc_threshold = None
        if self._signals:
            loop = asyncio.get_running_loop()
            for sig in self._signals:
                loop.remove_signal_handler(sig)
            self._signals.clear()
        r = self.review
        if r is None:
            return
        if not r.readonly and r.dirty:
            try:
                r.save()
            except SessionChanged as e:  # our version is already in the file beside it
                self.save_error = str(e)
            except (OSError, ReviewError, SessionError, ValueError) as e:
                self.save_error = str(e)
                data = r.snapshot().data
                data.reviewer = data.reviewer or r.reviewer
                self.rescued = save_rescue(r.path, data, rescue_folders())
        r.close()


def rescue_folders() -> list[Path]:
    """Where a session that could not be saved is written on the way out (``session.save_rescue``): the
    temporary folder, then the home folder (often another device than the session's)."""
    return [Path(tempfile.gettempdir()), Path.home()]


def make_app(
    review: Review | None, config: Config | None = None, *, opener: Opener | None = None
) -> FactcheckApp:
    """The app for an opened ``Review`` (tests) or, with ``opener``, one that opens it in a worker."""
    return FactcheckApp(review, config, opener=opener)


def opener_for(
    paths: Sequence[str],
    session_path: Path | str,
    readonly: bool = False,
    fetch_errors: Sequence[InputError] | None = None,
) -> Opener:
    """What opens ``session_path`` on ``paths`` in the app's worker, showing articles as they are read.

    ``fetch_errors`` given: the URLs among ``paths`` were fetched just before (``cli.prefetch``), these are
    the ones that failed; the batch is read from the stored pages, and a URL is never fetched a second time
    (a hanging server would cost its timeout again), its notice the reason it failed."""
    path_list = [str(p) for p in paths]

    def opener(loading: Loading) -> Review:
        from factcheck.review import Review

        review = Review.open(
            Path(session_path),
            path_list,
            readonly=readonly,
            progress=loading.progress,
            extracted=loading.extracted,
            session_read=loading.session_read,
            files_read=loading.files_read,
            fetch=fetch_errors is None,
            group=False,  # (grouped in the app's worker once the main screen is filled: _start_grouping)
        )
        if fetch_errors:  # 'not fetched yet (no stored page)' says less than why the fetch failed
            why = {e.path: e for e in fetch_errors}
            review.corpus.errors[:] = [why.get(e.path, e) for e in review.corpus.errors]
        review.read_history_in_background()  # so that the first undo does not wait for the history file
        return review

    return opener


def run(
    paths: Sequence[str],
    session_path: Path | str,
    readonly: bool = False,
    fetch_errors: Sequence[InputError] | None = None,
) -> int:
    """Open the review TUI on ``paths`` with the session file ``session_path``; returns an exit code.
    ``fetch_errors``: see ``opener_for``."""
    config = load_config()
    app = make_app(None, config, opener=opener_for(paths, session_path, readonly, fetch_errors))
    app.run()
    if app.error:
        print(f"factcheck: {app.error}", file=sys.stderr)
        return 2
    if app.save_error:
        print(f"factcheck: the session was not saved: {app.save_error}", file=sys.stderr)
        if app.rescued is not None:
            print(
                f"factcheck: your decisions were written to {app.rescued}: copy it over {session_path} once"
                " that can be written (or open it with --session)",
                file=sys.stderr,
            )
        return 1
    from factcheck.textout import one_line

    code = int(app.return_code or 0)
    unread = _unread_inputs(app.review)
    printed = {e.path for e in fetch_errors or ()}  # (cli.prefetch printed these before the app opened)
    for e in unread:
        if e.path not in printed:
            print(one_line(f"factcheck: {e}"), file=sys.stderr)
    # 1: partial, some inputs unreadable, as every command says it; or a page not fetched again (--refresh),
    # read from its stored copy (cli.prefetch named it)
    return code or (1 if unread or fetch_errors else 0)


def _unread_inputs(review: Review | None) -> list[InputError]:
    """The inputs of the batch the review could not read, once the whole batch was read (a review quit while
    reading has not met them all yet: none)."""
    if review is None or review.loading is not None:
        return []
    return list(review.corpus.errors)


__all__ = ["FactcheckApp", "LoadCancelled", "Loading", "make_app", "opener_for", "run"]
