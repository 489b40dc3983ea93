"""Language resources as data: ``factcheck/lang/<code>/<resource>.toml``, one folder per language.

Each resource is a TOML file owned by the part of the core that reads it (``furniture``, ``speech``,
``stance``, ``sentences``, ``dates``, ``time``, ``stopwords``...). Adding a language means adding a folder
with the resources it supports, plus tests; the engines never change for it. A rule's examples live beside
it in the same file and run as tests.

``detect`` names the language of a text with py3langid (a small, well-kept detector), restricted to what is
worth telling apart; ``resource`` loads one file, cached.
"""

from __future__ import annotations

import contextlib
import functools
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

ROOT = Path(__file__).parent


class ResourceError(Exception):
    """A language resource file that does not parse: names the file, line and column."""


def languages() -> list[str]:
    """Language codes that have a resource folder, sorted."""
    return sorted(p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def has(lang: str | None, name: str) -> bool:
    return bool(lang) and name in _resource_names(ROOT, str(lang))


@functools.cache
def _resource_names(root: Path, lang: str) -> frozenset[str]:
    """The resources of one language folder (its ``*.toml`` file names without the suffix), listed once:
    ``has`` is asked for every article read."""
    try:
        return frozenset(p.stem for p in (root / lang).iterdir() if p.suffix == ".toml" and p.is_file())
    except OSError:  # no such folder (or not one)
        return frozenset()


def available(name: str) -> list[str]:
    """Languages that have the resource ``name``."""
    return [code for code in languages() if has(code, name)]


@functools.cache
def resource(lang: str, name: str) -> dict[str, Any]:
    """The parsed ``factcheck/lang/<lang>/<name>.toml``; ``{}`` when the language lacks it.

    Cached: callers must treat the result as read-only.
    """
    path = ROOT / lang / f"{name}.toml"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ResourceError(f"{path}: {e}") from None


def detect(text: str, *, sample: int = 4000) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when it cannot be told.

    Only the first ``sample`` characters are read (an article's language shows in its first paragraphs).
    """
    snippet = text[:sample].strip()
    if len(snippet) < 20:
        return None
    memo = _memo
    if memo is not None:
        known, code = memo.known(snippet)
        if known:
            return code
    from factcheck import langid_model  # (py3langid's model, kept ready in the cache folder)

    found, _score = langid_model.identifier().classify(snippet)
    code = iso639_1(str(found)) if found else None
    if memo is not None:
        memo.remember(snippet, code)
    return code


# py3langid 0.4 names some languages by ISO 639-3 codes. An article's ``language`` is ISO 639-1 (the JSON
# contract, ClaimReview's inLanguage, the ``lang/<code>/`` folders): a variety of a macrolanguage is named by
# the macrolanguage's code; a language ISO 639-1 lacks, and "zxx" (no linguistic content), is unknown
# (short or mixed text such as pinyin lyrics falls on rare creoles: "gcf", "pcm").
ISO639_3_TO_1: dict[str, str | None] = {
    "yue": "zh",  # Cantonese
    "wuu": "zh",  # Wu
    "arz": "ar",  # Egyptian Arabic
    "ary": "ar",  # Moroccan Arabic
    "uzs": "uz",  # Southern Uzbek
    "sdh": "ku",  # Southern Kurdish
    "gug": "gn",  # Paraguayan Guaraní
    "fuv": "ff",  # Nigerian Fulfulde
    "ltg": "lv",  # Latgalian
    "kik": "ki",  # Kikuyu
}


def iso639_1(code: str) -> str | None:
    """The ISO 639-1 code of a detector's answer: two letters as they are, a variety's macrolanguage, else
    None (unknown)."""
    if len(code) == 2:
        return code
    return ISO639_3_TO_1.get(code)


class LanguageMemo(Protocol):
    """What ``detect`` told before (``factcheck.cache`` keeps it between processes, by the snippet read)."""

    def known(self, snippet: str) -> tuple[bool, str | None]: ...

    def remember(self, snippet: str, code: str | None) -> None: ...


_memo: LanguageMemo | None = None


@contextlib.contextmanager
def remembering(memo: LanguageMemo | None) -> Iterator[None]:
    """``detect`` reads and leaves its results in ``memo`` meanwhile: in a fresh process, a text whose
    language was told before (an article edited after its first paragraphs) does not load the detector's
    model (about a second)."""
    global _memo
    before, _memo = _memo, memo
    try:
        yield
    finally:
        _memo = before
