"""py3langid's language identifier, its model kept ready to map in the cache folder.

py3langid ships its model LZMA-compressed (``model.npz.xz``, 4.5 MB); every process that detects a
language decompresses it (68 MB) before its first answer: about 0.5 CPU s, paid by each CLI command
that reads an article and each worker of an extraction pool. The first process to need the model writes
its arrays uncompressed beside the extraction cache (``langid-<py3langid version>-<model size>/``, one
``.npy`` file per array); later processes read them from there: the transition table is read into memory
(the detector walks it byte by byte), the weights are mapped, and only the rows of the features a text
holds are read (the pages are shared by the processes of a pool).

The arrays are the ones py3langid's own loader returns, given to py3langid's ``LanguageIdentifier``: the
answers are those of ``py3langid.classify``. When the folder cannot be written or read (a read-only home,
a file damaged), the model is loaded from the package as py3langid does; so it is with the cache switched
off (``--no-cache``, ``FACTCHECK_NO_CACHE``: nothing is read from or written to its folder). ``factcheck cache
info`` counts the kept copies, ``factcheck cache clear`` removes them.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import tempfile
from array import array
from pathlib import Path
from typing import Any

# The layout of the folder written here; a change of it names a new folder.
LAYOUT = 1

# The arrays of the model (py3langid's ``load_model`` order) and the file each is kept in.
_FILES = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def model_file() -> Path:
    """py3langid's compressed model, as its loader finds it."""
    from py3langid import langid

    return Path(langid.MODEL_DIR) / langid.MODEL_FILE


def cache_folder() -> Path:
    """Where the uncompressed model is kept: beside the extraction cache (``FACTCHECK_CACHE``'s folder, else
    the user's cache folder), named by py3langid's version, the model file's size and ``LAYOUT``."""
    from importlib import metadata

    import py3langid

    from factcheck import cache

    version = getattr(py3langid, "__version__", None) or metadata.version("py3langid")
    size = model_file().stat().st_size
    return cache.default_path().parent / f"langid-{version}-{size}-{LAYOUT}"


@functools.cache
def identifier() -> Any:
    """py3langid's ``LanguageIdentifier`` on its packaged model (loaded once a process)."""
    from py3langid.langid import LanguageIdentifier

    ptc, pc, classes, nextmove, row, out_feat = _model()
    return LanguageIdentifier(ptc, pc, classes, nextmove, out_feat, tk_row=row)


def kept_copies() -> list[Path]:
    """The uncompressed models kept beside the extraction cache (one per py3langid version and layout)."""
    from factcheck import cache

    with contextlib.suppress(OSError):
        return sorted(p for p in cache.default_path().parent.glob("langid-*") if p.is_dir())
    return []


def size_of(folder: Path) -> int:
    """The bytes the files of ``folder`` take (0 when it cannot be read)."""
    with contextlib.suppress(OSError):
        return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    return 0


def clear_copies() -> int:
    """Remove the kept models (``factcheck cache clear``); returns the bytes freed. The next process that
    detects a language writes its copy again."""
    freed = 0
    for folder in kept_copies():
        size = size_of(folder)
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            freed += size
    return freed


def _model() -> tuple[Any, ...]:
    from factcheck import cache

    folder: Path | None = None
    if cache.default().enabled:  # (--no-cache: nothing is read from or written to the cache folder)
        with contextlib.suppress(OSError, ValueError, ImportError):  # no version to name it by, no model file
            folder = cache_folder()
    if folder is not None:
        with contextlib.suppress(OSError, ValueError):
            return _read(folder)
    from py3langid.modelio import load_model

    model: tuple[Any, ...] = load_model(model_file())
    if folder is not None:
        with contextlib.suppress(OSError, ValueError):
            _write(folder, model)
    return model


def _read(folder: Path) -> tuple[Any, ...]:
    """The model's arrays as py3langid's ``load_model`` gives them, from ``folder``."""
    import numpy as np

    def load(name: str, *, mapped: bool = False) -> Any:
        return np.load(folder / f"{name}.npy", mmap_mode="r" if mapped else None, allow_pickle=False)

    ptc = np.asarray(load("ptc", mapped=True))  # an ndarray on the mapped file, as py3langid holds it
    pc = load("pc")
    classes = load("classes").tolist()
    nextmove = _stdlib_array(load("nextmove", mapped=True))
    row = _stdlib_array(load("nextmove_row"))
    out_feat = load("out_feat").tolist()
    if ptc.ndim != 2 or not ptc.shape[1] == len(pc) == len(classes) or len(row) != len(out_feat):
        raise ValueError(f"{folder}: the model's arrays do not fit together")
    return ptc, pc, classes, nextmove, row, out_feat


def _stdlib_array(values: Any) -> array[int]:
    """An unsigned integer NumPy array as a stdlib ``array`` of the same item size (what py3langid walks)."""
    code = next(c for c in "HILQ" if array(c).itemsize == values.dtype.itemsize)
    out = array(code)
    out.frombytes(memoryview(values).cast("B"))
    return out


def _write(folder: Path, model: tuple[Any, ...]) -> None:
    """Keep ``model``'s arrays in ``folder``: written in a folder of their own, then renamed to ``folder``, so
    that a process never reads a folder half written (two processes writing at once: the first rename
    stands)."""
    import numpy as np

    if folder.exists():
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        for name, values in zip(_FILES, model, strict=True):
            np.save(tmp / f"{name}.npy", np.asarray(values), allow_pickle=False)
        os.rename(tmp, folder)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
