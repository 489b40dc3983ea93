"""`factcheck status` (or `report`) of a session whose corpus names a URL never stored, served by a server
that never answers.

Times the command (wall seconds, exit code) in two trees, each in a fresh process, on the same session: the
server accepts the connection and sends nothing, so a command that fetches waits for the full fetch timeout.

    python bench/status_unfetched.py [--base /tmp/base12c] [--runs 2] [--command status|report]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from factcheck import session as sess

HERE = Path(__file__).resolve().parent.parent
ARTICLE = "Finance Minister Anna Berg said on Monday that inflation rose to 3.4 percent in March.\n"


def status(tree: Path, session: Path, env: dict[str, str], command: str = "status") -> tuple[float, int, str]:
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "factcheck", command, str(session)],
        env={**env, "PYTHONPATH": str(tree)},
        cwd=session.parent,  # (python -m puts the working folder first on the path)
        capture_output=True,
        text=True,
        check=False,
    )
    return (
        time.perf_counter() - t0,
        r.returncode,
        r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "",
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--base", default="/tmp/base12c")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--command", choices=("status", "report"), default="status")
    args = ap.parse_args()
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)  # accepts (the kernel does) and never answers
    url = f"http://127.0.0.1:{silent.getsockname()[1]}/never.html"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "corpus").mkdir()
        (root / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
        session = root / "s.toml"
        sess.save(session, sess.SessionData(reviewer="bench", corpus=["corpus", url], created=sess.utcnow()))
        env = {
            **os.environ,
            "FACTCHECK_PAGES": str(root / "pages"),
            "FACTCHECK_CACHE": str(root / "cache.sqlite3"),
            "FACTCHECK_CONFIG": str(root / "none.toml"),
        }
        print(
            f"{args.command} of a session naming {url} (a server that never answers), {args.runs} run(s) each"
        )
        for i in range(args.runs):
            for name, tree in (("this tree", HERE), ("baseline", Path(args.base))):
                secs, code, last = status(tree, session, env, args.command)
                print(f"  run {i + 1} {name:<9} {secs:6.2f} s  exit {code}  {last[:110]}")
    silent.close()


if __name__ == "__main__":
    main()
