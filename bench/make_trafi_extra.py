"""Build the ``--extra`` set of the ingest benches from trafilatura's own evaluation data.

trafilatura's repository (https://github.com/adbar/trafilatura) keeps its evaluation pages in ``tests/eval/``
and ``tests/cache/`` and, in ``tests/evaldata.json``, for each page's URL its ``file`` and the hand-made
``with`` (body text that must be kept) and ``without`` (boilerplate that must be dropped) snippets. This script
reads both from a git directory of that repository at one commit (a clone, or a mirror without a work tree)
and writes, for every page of the evaluation whose file the commit holds and that realworld-dev does not
already hold (``$FACTCHECK_DATA/realworld-dev/html``, the ingest bench's first set):

    OUT/html/<file>            the saved page, byte for byte
    OUT/evaldata_extra.json    url -> the evaluation's entry, for those pages only

which is the folder ``bench/ingest.py``, ``bench/ingest_meta.py``, ``bench/ingest_dates.py`` and the other
benches take as ``--extra DIR`` (or ``$FACTCHECK_EXTRA``). The pages are not copied into this repository.
Round 19 built it from commit 56bd698c (2026-08-11): 884 pages, half A 458, half B 426. Earlier rounds used a
copy of an older commit (844 pages), so their ``--extra`` figures are on another page set.

    python bench/make_trafi_extra.py GIT_DIR -o /work/trafi_extra [--commit 56bd698c]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path, PurePosixPath

COMMIT = "56bd698c"
PAGE_FOLDERS = ("tests/eval", "tests/cache")


def git(git_dir: Path, *args: str) -> bytes:
    """The output of ``git --git-dir=GIT_DIR ARGS`` (raises CalledProcessError naming the command)."""
    return subprocess.run(["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True).stdout


def git_dir_of(path: Path) -> Path:
    """The git directory of a clone (``path/.git``) or of a mirror (``path`` itself)."""
    return path / ".git" if (path / ".git").is_dir() else path


def pages_at(git_dir: Path, commit: str) -> dict[str, str]:
    """file name -> its path in the commit, for the evaluation's page folders."""
    listing = git(git_dir, "ls-tree", "-r", "-z", "--name-only", commit, *PAGE_FOLDERS).decode("utf-8")
    return {PurePosixPath(p).name: p for p in listing.split("\0") if p}


def build(git_dir: Path, commit: str, out: Path, exclude: set[str]) -> tuple[int, int]:
    """Write the extra set; (pages written, evaluation entries without a page in the commit or excluded)."""
    gold = json.loads(git(git_dir, "show", f"{commit}:tests/evaldata.json"))
    paths = pages_at(git_dir, commit)
    (out / "html").mkdir(parents=True, exist_ok=True)
    kept: dict[str, dict[str, object]] = {}
    for url, entry in gold.items():
        name = entry.get("file")
        if not isinstance(name, str) or name not in paths or name in exclude:
            continue
        (out / "html" / name).write_bytes(git(git_dir, "show", f"{commit}:{paths[name]}"))
        kept[url] = entry
    (out / "evaldata_extra.json").write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(kept), len(gold) - len(kept)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("git_dir", type=Path, help="trafilatura's repository: a clone or a git mirror")
    ap.add_argument(
        "-o", "--out", type=Path, required=True, help="the folder to write (html/, evaldata_extra.json)"
    )
    ap.add_argument("--commit", default=COMMIT, help=f"the commit to read (default {COMMIT})")
    args = ap.parse_args(argv)
    data = Path(os.environ.get("FACTCHECK_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    realworld = data / "realworld-dev" / "html"
    exclude = {p.name for p in realworld.glob("*.html")} if realworld.is_dir() else set()
    if not exclude:
        print(f"note: {realworld} not found: no page is left out as realworld-dev's", file=sys.stderr)
    try:
        written, left = build(git_dir_of(args.git_dir), args.commit, args.out, exclude)
    except subprocess.CalledProcessError as err:
        print(f"error: {' '.join(err.cmd)}: {err.stderr.decode(errors='replace').strip()}", file=sys.stderr)
        return 1
    print(
        f"{args.out}: {written} pages (left out: {left} entries without a page at {args.commit} or in realworld-dev)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
