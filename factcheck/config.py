"""The user's configuration file, read in one place for the session, the reports and the TUI.

``$FACTCHECK_CONFIG``, else ``$XDG_CONFIG_HOME/factcheck/config.toml`` (``~/.config/...``)::

    reviewer = "alice"              # the name written beside every decision ($FACTCHECK_REVIEWER otherwise)
    theme = "textual-dark"          # TUI theme
    autosave_delay = 0.4            # TUI: seconds after the last change
    [keys]                          # TUI: binding id -> key(s), comma-separated
    mark-confirmed = "y"
    [report]                        # defaults of `factcheck report` (see factcheck.report)
    organisation = "Example Fact Check"
    csv_separator = ";"             # the CSV's cell separator: "," (default) or ";" (a spreadsheet's, where
                                    # the decimal mark is a comma)
    [report.ratings]
    confirmed = "Accurate"

A missing file is an empty configuration. A broken one never stops factcheck: ``load()`` returns what it
could read and names each problem in ``Config.warnings`` (one line each, with the file).
"""

from __future__ import annotations

import difflib
import getpass
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENV_CONFIG = "FACTCHECK_CONFIG"
ENV_REVIEWER = "FACTCHECK_REVIEWER"


def config_path() -> Path:
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "factcheck" / "config.toml"


@dataclass(slots=True)
class Config:
    path: Path
    doc: dict[str, Any] = field(default_factory=dict)  # the whole file as parsed
    warnings: list[str] = field(default_factory=list)

    @property
    def reviewer(self) -> str | None:
        name = self.doc.get("reviewer")
        return name.strip() if isinstance(name, str) and name.strip() else None

    @property
    def report(self) -> dict[str, Any]:
        """The ``[report]`` table (empty when absent or not a table)."""
        t = self.doc.get("report", {})
        return t if isinstance(t, dict) else {}

    @property
    def keys(self) -> dict[str, Any]:
        """The ``[keys]`` table: binding id -> key(s), as written (the TUI checks the values)."""
        t = self.doc.get("keys", {})
        return t if isinstance(t, dict) else {}

    @property
    def theme(self) -> str | None:
        t = self.doc.get("theme")
        return t if isinstance(t, str) else None

    def get(self, name: str, default: Any = None) -> Any:
        return self.doc.get(name, default)


def load(path: Path | None = None) -> Config:
    """Read the config file (``config_path()`` unless given); never raises."""
    p = Path(path) if path is not None else config_path()
    cfg = Config(p)
    try:
        with open(p, "rb") as f:
            doc = tomllib.load(f)
    except FileNotFoundError:
        return cfg
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        cfg.warnings.append(f"{p}: {reason}; using the defaults")
        return cfg
    cfg.doc = doc
    for name, want in (("report", dict), ("keys", dict), ("reviewer", str), ("theme", str)):
        if name in doc and not isinstance(doc[name], want):
            what = "a table" if want is dict else "a string"
            cfg.warnings.append(f"{p}: '{name}' must be {what}; ignored")
    cfg.warnings += _unknown(p, doc, KNOWN, "")
    cfg.warnings += _unknown(p, cfg.report, KNOWN_REPORT, "report.")
    cfg.warnings += _drop_bad_strings(
        p, cfg.report, ("organisation", "organisation_url", "base_url"), "report."
    )
    sep = cfg.report.get("csv_separator")
    if sep is not None and sep not in CSV_SEPARATORS:
        cfg.warnings.append(
            f"{p}: 'report.csv_separator' must be one of {', '.join(map(repr, CSV_SEPARATORS))}, not {sep!r};"
            " ignored"
        )
        del cfg.report["csv_separator"]
    ratings = cfg.report.get("ratings", {})
    if not isinstance(ratings, dict):
        cfg.warnings.append(f"{p}: 'report.ratings' must be a table; ignored")
    else:
        from factcheck import verdicts

        rated = tuple(verdicts.default_ratings())  # the verdicts a ClaimReview names
        for k in ratings:
            if k.lower() not in rated:
                close = difflib.get_close_matches(k.lower(), rated, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(rated)})"
                cfg.warnings.append(f"{p}: unknown verdict 'report.ratings.{k}' ignored{hint}")
        cfg.warnings += _drop_bad_strings(p, ratings, tuple(ratings), "report.ratings.")
    return cfg


def _drop_bad_strings(p: Path, table: dict[str, Any], names: tuple[str, ...], prefix: str) -> list[str]:
    """Remove from ``table`` each of ``names`` that is no text, or empty, and say so: a value of the wrong
    type is ignored (a ClaimReview would carry ``5`` as a rating name or its publisher's name)."""
    out = []
    for k in names:
        v = table.get(k)
        if k not in table or (isinstance(v, str) and v.strip()):
            continue
        why = "must be a string" if not isinstance(v, str) else "is empty"
        out.append(f"{p}: '{prefix}{k}' {why}; ignored")
        del table[k]
    return out


# a report's CSV cell separators: "," (RFC 4180) or ";" (``report.CSV_SEPARATORS``)
CSV_SEPARATORS = (",", ";")
KNOWN = ("reviewer", "theme", "autosave_delay", "keys", "report")  # the file's top-level keys
# its [report] table's
KNOWN_REPORT = ("organisation", "organisation_url", "base_url", "ratings", "csv_separator")


def _unknown(p: Path, table: dict[str, Any], known: tuple[str, ...], prefix: str) -> list[str]:
    """One line per key of ``table`` that factcheck does not read (a typo would be ignored silently)."""
    out = []
    for k in table:
        if k not in known:
            close = difflib.get_close_matches(k, known, n=1)
            hint = f" (did you mean '{prefix}{close[0]}'?)" if close else f" (known: {', '.join(known)})"
            out.append(f"{p}: unknown key '{prefix}{k}' ignored{hint}")
    return out


def reviewer_name(cfg: Config | None = None) -> str:
    """From the config file (key ``reviewer``), else $FACTCHECK_REVIEWER, else the OS user, else "unknown"."""
    name = (cfg or load()).reviewer or os.environ.get(ENV_REVIEWER, "").strip()
    if not name:
        try:
            name = getpass.getuser() or ""
        except Exception:  # getuser raises KeyError/OSError when no user name can be found
            name = ""
    # One line: a name holding a line break (FACTCHECK_REVIEWER=$'ann\nbob') split `status`'s first line and the
    # report's "Reviewers:" in two.
    name = " ".join(name.split())
    # An environment in another encoding gives surrogate escapes, which no UTF-8 file can hold.
    return name.encode("utf-8", "replace").decode("utf-8") if name else "unknown"
