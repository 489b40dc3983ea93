"""The TUI's settings, read from the one config file (``factcheck.config``) and a small state file.

```toml
theme = "textual-dark"          # any Textual theme name
autosave_delay = 0.4            # seconds after the last change
[keys]                          # binding id -> key(s), comma-separated
mark-confirmed = "y"
next-claim = "j,ctrl+n"
```
A broken config never stops the app: problems are collected in ``Config.warnings`` and shown once.

A theme chosen in the command palette is remembered in ``tui.toml`` in the user's state folder
(``platformdirs.user_state_dir("factcheck")``, or ``$FACTCHECK_STATE``); the config file's ``theme``, when
set, wins (the user's own file is never rewritten).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from factcheck import config as core_config
from factcheck.atomic import write_atomic


@dataclass(slots=True)
class Config:
    keymap: dict[str, str] = field(default_factory=dict)
    theme: str | None = None  # from the config file
    remembered_theme: str | None = None  # the last one chosen in the app
    autosave_delay: float = 0.4  # seconds after the last change
    warnings: list[str] = field(default_factory=list)
    state_path: Path | None = None  # where the chosen theme is remembered (None: nowhere, as in tests)


def config_path() -> Path:
    return core_config.config_path()


def state_path() -> Path:
    env = os.environ.get("FACTCHECK_STATE")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_state_dir("factcheck")) / "tui.toml"


def load_config(path: Path | None = None, *, state: Path | None = None) -> Config:
    core = core_config.load(path)
    cfg = Config(warnings=list(core.warnings), state_path=state or state_path())
    p = core.path
    for k, v in core.keys.items():
        if isinstance(v, list):
            v = ",".join(str(x) for x in v)
        if not isinstance(v, str) or not v.strip():
            cfg.warnings.append(f'{p}: keys.{k} must be a key name such as "y" or "ctrl+n"')
            continue
        cfg.keymap[str(k)] = v.strip()
    cfg.theme = core.theme
    delay = core.get("autosave_delay")
    if isinstance(delay, int | float) and not isinstance(delay, bool) and 0 <= delay <= 60:
        cfg.autosave_delay = float(delay)
    elif delay is not None:
        cfg.warnings.append(f"{p}: autosave_delay must be a number of seconds from 0 to 60; using 0.4")
    cfg.remembered_theme = _read_state(cfg.state_path).get("theme") if cfg.state_path else None
    return cfg


def _read_state(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}  # a missing or broken state file is no state
    return {k: v for k, v in doc.items() if isinstance(v, str)}


def remember_theme(cfg: Config, theme: str) -> str | None:
    """Remember ``theme`` for the next start; returns a one-line problem, or None."""
    if cfg.state_path is None or cfg.remembered_theme == theme:
        return None
    state = _read_state(cfg.state_path)
    state["theme"] = theme
    try:
        write_atomic(cfg.state_path, tomli_w.dumps(state))
    except OSError as e:
        return f"{cfg.state_path}: {e.strerror or e}"
    cfg.remembered_theme = theme
    return None
