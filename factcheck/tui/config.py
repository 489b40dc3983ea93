"""User configuration: ``~/.config/factcheck/config.toml`` (or the file named by $FACTCHECK_CONFIG).

```toml
theme = "textual-dark"          # any Textual theme name
[keys]                          # binding id -> key(s), comma-separated
mark-confirmed = "y"
next-claim = "j,ctrl+n"
```
A broken config never stops the app: problems are collected in ``Config.warnings`` and shown once.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class Config:
    keymap: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    autosave_delay: float = 0.4  # seconds after the last change
    warnings: list[str] = field(default_factory=list)


def config_path() -> Path:
    env = os.environ.get("FACTCHECK_CONFIG")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "factcheck" / "config.toml"


def load_config(path: Path | None = None) -> Config:
    p = path or config_path()
    cfg = Config()
    if not p.exists():
        return cfg
    try:
        doc = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        cfg.warnings.append(f"{p}: {e}; using the default keys")
        return cfg
    keys = doc.get("keys", {})
    if not isinstance(keys, dict):
        cfg.warnings.append(f'{p}: [keys] must be a table of binding id = "key"')
        keys = {}
    for k, v in keys.items():
        if isinstance(v, list):
            v = ",".join(str(x) for x in v)
        if not isinstance(v, str) or not v.strip():
            cfg.warnings.append(f'{p}: keys.{k} must be a key name such as "y" or "ctrl+n"')
            continue
        cfg.keymap[str(k)] = v.strip()
    theme = doc.get("theme")
    if isinstance(theme, str):
        cfg.theme = theme
    delay = doc.get("autosave_delay")
    if isinstance(delay, int | float) and 0 <= delay <= 60:
        cfg.autosave_delay = float(delay)
    return cfg
