"""The same batch opened by another path form, in fresh processes: issue #22's "nothing redone when the articles
have not changed", whichever way the batch's folder is written, on this tree beside a baseline tree in the same run.

    FACTCHECK_DATA=../shared/data /work/venv/bin/python bench/reopen_paths.py [--n 1000] [--baseline TREE]

Each tree gets its own copy of bench/reopen.py's batch (``--n`` ECB+ articles plus the 110 real pages) and its
own cache; the two run at the same time (same machine load). Per tree, every run ``python -m factcheck extract
PATH --json`` as a user runs it: cold by a relative path (``batch``, from the batch's parent folder), then warm by
the same path, by its absolute path, through a symlink (``link``) and from another working folder
(``../batch``); then one article changed (``reopen_changed.BODY_ARTICLE``, a line of ``CHANGED_LINES``) and
opened by the relative path again (the same form as the last grouping), changed once more and opened by the
absolute path (another form). Printed: CPU seconds (wall beside) of each run, and whether each run's output is
that of ``--no-cache`` (one run by the absolute path after the last change; a warm run's paths, as the user
wrote them, are compared with the batch's folder written as ``BATCH``, and the warm runs before the change
with each other the same way).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from extract import corpus, write_reopen_batch  # noqa: E402
from reopen import run  # noqa: E402
from reopen_changed import BODY_ARTICLE, _digest, article_changer, run_trees  # noqa: E402


def _as_batch(out: str, named: str) -> str:
    """A run's output with the batch's folder, as this run named it, written ``BATCH`` (the JSON escapes no
    character of these paths)."""
    return out.replace(f'"{named}/', '"BATCH/')


def measure(tree: Path, n: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-reopen-paths-"))
    try:
        folder = tmp / "batch"
        write_reopen_batch(folder, corpus(n))
        (tmp / "link").symlink_to(folder, target_is_directory=True)
        (tmp / "elsewhere").mkdir()
        env = {**os.environ, "FACTCHECK_CACHE": str(tmp / "cache" / "cache.sqlite3"), "PYTHONPATH": str(tree)}
        forms = [
            ("relative", "batch", tmp),
            ("absolute", str(folder), tmp / "elsewhere"),
            ("symlink", "link", tmp),
            ("other working folder", "../batch", tmp / "elsewhere"),
        ]
        cold = run(["extract", "batch", "--json"], env, tmp)
        warm = {name: run(["extract", named, "--json"], env, cwd) for name, named, cwd in forms}
        same_warm = len({_digest(_as_batch(warm[name][2], named)) for name, named, _ in forms}) == 1
        change = article_changer(folder / BODY_ARTICLE)
        change()
        ch_same = run(["extract", "batch", "--json"], env, tmp)
        change()
        ch_other = run(["extract", str(folder), "--json"], env, tmp / "elsewhere")
        plain = run(["extract", str(folder), "--json", "--no-cache"], env, tmp / "elsewhere")
        print(f"tree {tree}: {len(list(folder.iterdir()))} articles")
        print(f"  extract --json cold (relative path) {cold[1]:6.2f} CPU s ({cold[0]:6.1f} wall)")
        for name, _named, _cwd in forms:
            w = warm[name]
            print(f"  warm, unchanged, {name + ' path':<27} {w[1]:6.2f} CPU s ({w[0]:6.1f} wall)")
        print(
            f"  the warm runs' outputs identical (the folder as written aside): {'yes' if same_warm else 'NO'}"
        )
        print(
            f"  one changed, opened by the same path form (relative)   {ch_same[1]:6.2f} CPU s ({ch_same[0]:6.1f} wall)"
        )
        print(
            f"  one changed, opened by another path form (absolute)   {ch_other[1]:6.2f} CPU s ({ch_other[0]:6.1f} wall)"
        )
        print(
            f"  --no-cache after the change {plain[1]:.2f} CPU s; identical with and without the cache:"
            f" {'yes' if ch_other[2] == plain[2] else 'NO'}"
        )
        print(
            f"  output after the change {_digest(_as_batch(plain[2], str(folder)).replace(str(tmp), 'TMP'))}"
        )
        sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    return run_trees(
        __file__,
        __doc__.splitlines()[0],
        measure,
        "  output after the change ",
        "extract --json output after the change",
    )


if __name__ == "__main__":
    sys.exit(main())
