"""Write fundus's parser test pages to a folder, as a batch of real pages nobody tuned on.

fundus (https://github.com/flairNLP/fundus) keeps one saved article page per publisher parser in
``tests/resources/parser/test_data/<country>/<Publisher>_<YYYY_MM_DD>.html.gz`` (about 258 pages of about 200
publishers, many languages, 2019-2026). This script reads them from a git directory of that repository (a
clone, or a mirror without a work tree) at one commit and writes each page, unzipped, as

    OUT/<country>_<Publisher>_<YYYY_MM_DD>.html

which ``bench/stream.py --extra OUT`` and ``factcheck groups OUT`` take. The pages are not copied into this
repository. Session 31 (stream20) used commit 18da6e53 (2026-08-05): 258 pages.

    python bench/make_fundus_pages.py GIT_DIR -o /tmp/stream20/fundus [--commit 18da6e53]
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
from pathlib import Path, PurePosixPath

COMMIT = "18da6e53"
PAGE_FOLDER = "tests/resources/parser/test_data"


def git(git_dir: Path, *args: str) -> bytes:
    """The output of ``git --git-dir=GIT_DIR ARGS`` (raises CalledProcessError naming the command)."""
    return subprocess.run(["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True).stdout


def git_dir_of(path: Path) -> Path:
    """The git directory of a clone (``path/.git``) or of a mirror (``path`` itself)."""
    return path / ".git" if (path / ".git").is_dir() else path


def page_paths(git_dir: Path, commit: str) -> list[str]:
    """The saved pages' paths in the commit, sorted."""
    listing = git(git_dir, "ls-tree", "-r", "-z", "--name-only", commit, PAGE_FOLDER).decode("utf-8")
    return sorted(p for p in listing.split("\0") if p.endswith(".html.gz"))


def out_name(path: str) -> str:
    """``<country>_<Publisher>_<date>.html`` for ``.../test_data/<country>/<Publisher>_<date>.html.gz``."""
    pure = PurePosixPath(path)
    return f"{pure.parent.name}_{pure.name.removesuffix('.gz')}"


def build(git_dir: Path, commit: str, out: Path) -> int:
    """Write every page of the commit to OUT; the number written."""
    out.mkdir(parents=True, exist_ok=True)
    paths = page_paths(git_dir, commit)
    for path in paths:
        (out / out_name(path)).write_bytes(gzip.decompress(git(git_dir, "show", f"{commit}:{path}")))
    return len(paths)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("git_dir", type=Path, help="a clone or mirror of flairNLP/fundus")
    parser.add_argument("-o", "--out", type=Path, required=True, help="folder to write the pages to")
    parser.add_argument("--commit", default=COMMIT, help=f"the commit to read (default {COMMIT})")
    args = parser.parse_args(argv)
    try:
        written = build(git_dir_of(args.git_dir), args.commit, args.out)
    except (subprocess.CalledProcessError, OSError, EOFError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{written} pages written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
