"""py3langid's model kept uncompressed in the cache folder (factcheck.langid_model): the same answers as
py3langid's own loader, read from the folder once written, and the package's model when the folder cannot
be used."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import py3langid
import pytest

from factcheck import lang, langid_model

TEXTS = [
    "The president said on Monday that the economy would grow by three percent next year.",
    "Der Bundestag hat am Donnerstag ein neues Gesetz zur Energiewende beschlossen.",
    "Le gouvernement a annoncé mardi une hausse du salaire minimum de deux pour cent.",
    "El ministro de Sanidad confirmó ayer que la campaña de vacunación comenzará en enero.",
    "東京都は月曜日、新たに三百人の感染を確認したと発表した。",
    "Ѓ ok 12 ... ¿",
    "",
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of the test's own, the cache on (an earlier test's `--no-cache` switches the process's
    cache off for good); the process's identifier and cache object forgotten before and after."""
    from factcheck import cache

    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache" / "cache.sqlite3"))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    cache.reset()
    langid_model.identifier.cache_clear()
    yield langid_model.cache_folder()
    langid_model.identifier.cache_clear()
    cache.reset()


def _answers() -> list[tuple[str, float]]:
    return [langid_model.identifier().classify(t) for t in TEXTS]


def test_the_kept_model_answers_as_py3langid(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [py3langid.classify(t) for t in TEXTS]
    assert not folder.exists()
    assert _answers() == expected  # loaded from the package, then kept
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.npy" for n in langid_model._FILES)
    assert [p.name for p in folder.parent.iterdir() if p.name.startswith(".")] == []  # no half-written folder

    # a fresh process reads the folder, not the package's model
    langid_model.identifier.cache_clear()

    def no_package_model(path: object) -> None:
        raise AssertionError("the package's model was decompressed again")

    monkeypatch.setattr("py3langid.modelio.load_model", no_package_model)
    assert _answers() == expected
    assert lang.detect(TEXTS[1]) == "de"


def test_a_damaged_folder_falls_back_to_the_package(folder: Path) -> None:
    expected = [py3langid.classify(t) for t in TEXTS]
    _answers()
    langid_model.identifier.cache_clear()
    ptc = folder / "ptc.npy"
    ptc.write_bytes(ptc.read_bytes()[: 1 << 16])  # cut short
    assert _answers() == expected


def test_a_folder_that_cannot_be_written_falls_back_to_the_package(folder: Path) -> None:
    expected = [py3langid.classify(t) for t in TEXTS]
    folder.parent.write_text("a file where the cache folder would be")
    assert _answers() == expected
    assert not folder.exists()


def test_with_the_cache_off_nothing_is_kept(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import cache

    cache.disable()  # (--no-cache)
    assert _answers() == [py3langid.classify(t) for t in TEXTS]
    assert not folder.exists()


def test_cache_info_lists_the_kept_model_and_clear_removes_it(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from factcheck import cli

    _answers()
    assert folder.is_dir()
    assert cli.main(["cache", "info", "--json"]) == 0
    copies = json.loads(capsys.readouterr().out)["model_copies"]
    assert [c["path"] for c in copies] == [str(folder)] and copies[0]["bytes"] > 10_000_000
    assert cli.main(["cache", "info"]) == 0
    assert "the language model, uncompressed" in capsys.readouterr().out
    assert cli.main(["cache", "clear"]) == 0
    assert "language model copy removed" in capsys.readouterr().out
    assert not folder.exists()
    assert langid_model.kept_copies() == []
