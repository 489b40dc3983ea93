"""One atomic writer for every file factcheck writes (sessions, reports, fetched pages, caches).

The path always holds either the old or the new content: the data goes to a temp file in the same folder,
is flushed and fsynced, then ``os.replace``\\ d over the target and the folder is fsynced.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(
    path: Path,
    data: str | bytes,
    *,
    before_replace: Callable[[Path], None] | None = None,
    mkdir: bool = True,
) -> None:
    """Write ``data`` to ``path`` atomically, keeping the mode of an existing file.

    ``before_replace(path)`` runs after the new content is safely on disk and before it replaces the old
    (sessions rotate their backups there).
    """
    path = Path(path)
    folder = path.parent
    if mkdir:
        folder.mkdir(parents=True, exist_ok=True)
    try:
        st = path.stat()
    except FileNotFoundError:
        mode = default_mode()
    else:
        if not stat.S_ISREG(st.st_mode):  # the rename would put a file in its place (as root, /dev/null's)
            raise OSError(errno.EINVAL, "not a regular file (a folder, device, pipe or socket); not replaced")
        mode = stat.S_IMODE(st.st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        if before_replace is not None:
            before_replace(path)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(folder)
