"""Review sessions on disk: the data a reviewer produces, and how it is saved and loaded.

A session file is plain TOML holding only the reviewer's decisions (never the extracted text beyond the
start of each claim, kept to re-attach its decision after re-extraction), so it stays small and a person
can read it, diff it, edit it and commit it. The package, by concern:

- ``records``: Decision, ArticleRecord, ManualClaim, HistoryEntry, SessionData, the errors;
- ``fileformat``: the TOML layout (``dumps``/``loads``), value checks with line and column, integrity;
- ``migrate``: reading schema 1 and 2 files;
- ``store``: load/save on disk (atomic, verified, backups, change detection), the lock;
- ``merge``: combining two reviewers' sessions, Cohen's kappa.

``from factcheck import session as sess; sess.load(...)`` reaches every public name from here.
"""

from __future__ import annotations

from factcheck import config
from factcheck.session.fileformat import dumps, loads, parse_toml
from factcheck.session.history import backed_up_session
from factcheck.session.merge import MergeReport, cohen_kappa, merge
from factcheck.session.records import (
    ARTICLE_FIELDS,
    DECISION_FIELDS,
    SCHEMA,
    TEXT_KEEP,
    ArticleRecord,
    Decision,
    HistoryEntry,
    ManualClaim,
    SessionChanged,
    SessionCorrupt,
    SessionData,
    SessionError,
    SessionLocked,
    SessionNotWritable,
    utcnow,
)
from factcheck.session.store import (
    BACKUPS,
    FileState,
    SessionLock,
    backup_paths,
    is_readonly_file,
    is_session_file,
    load,
    load_with_state,
    lock_path,
    newest_good_backup,
    remove_stale_temp,
    save,
    save_rescue,
    schema_backup_path,
    session_files,
    verify,
)

config_path = config.config_path  # the config file is read by factcheck.config


def reviewer_name() -> str:
    """From the config file (key ``reviewer``), else $FACTCHECK_REVIEWER, else the OS user."""
    return config.reviewer_name()


__all__ = [
    "ARTICLE_FIELDS",
    "BACKUPS",
    "DECISION_FIELDS",
    "SCHEMA",
    "TEXT_KEEP",
    "ArticleRecord",
    "Decision",
    "FileState",
    "HistoryEntry",
    "ManualClaim",
    "MergeReport",
    "SessionChanged",
    "SessionCorrupt",
    "SessionData",
    "SessionError",
    "SessionLock",
    "SessionLocked",
    "SessionNotWritable",
    "backed_up_session",
    "backup_paths",
    "cohen_kappa",
    "config_path",
    "dumps",
    "is_readonly_file",
    "is_session_file",
    "load",
    "load_with_state",
    "loads",
    "lock_path",
    "merge",
    "newest_good_backup",
    "parse_toml",
    "remove_stale_temp",
    "reviewer_name",
    "save",
    "save_rescue",
    "schema_backup_path",
    "session_files",
    "utcnow",
    "verify",
]
