"""Attack run of issue #19: bad-input cases per category, run through the real CLI in subprocesses.

    python bench/attack.py [--baseline-rev REV]

Every case builds its hostile input in a temporary folder, runs ``python -m factcheck ...`` with a timeout and
checks the outcome. A case fails as one of: ``traceback`` (a Python traceback on stderr), ``hang`` (timeout),
``leak`` (a raw control or bidi character reached the terminal streams, or outside/hostile content got
through), ``wrong`` (wrong exit code, a good input dropped, a bad input not named). With ``--baseline-rev``
(default: the commit before this round's security work) the same cases run against that revision's code
(``git archive`` into a temporary folder), printed beside the current figures.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIDI = [chr(c) for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))]
RAW = ["\x1b", "\x07", "\x9b", "\x9d", *BIDI]
OSC52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
RLO = "\u202e"
GOOD = "The mayor of Valmora said on Monday that the harbour would reopen on 12 March 2024 after repairs.\n"
HOSTILE = (
    f"Harbour fire{OSC52} contained{RLO}\n\nThe fire at the harbour of Valmora was contained on Monday, the fire "
    f"brigade said in a statement.{OSC52}\nOfficials said 40 people were evacuated on Sunday.\x1b[2J\x9b31m{RLO}\n"
)


@dataclass
class Run:
    rc: int | None  # None: timed out
    out: str
    err: str
    seconds: float
    rss_mb: float = 0.0


class Env:
    def __init__(self, code: Path, tmp: Path) -> None:
        self.code, self.tmp = code, tmp
        self.env = dict(os.environ, PYTHONPATH=str(code), FACTCHECK_CONFIG=str(tmp / "no-config.toml"))
        self.env.pop("FACTCHECK_REVIEWER", None)

    def run(
        self, *args: str, cwd: Path | None = None, timeout: float = 30, env: dict[str, str] | None = None
    ) -> Run:
        stats = self.tmp / "time.txt"
        timer = ["/usr/bin/time", "-f", "%M", "-o", str(stats)] if Path("/usr/bin/time").exists() else []
        t0 = time.perf_counter()
        try:
            p = subprocess.run(
                [*timer, sys.executable, "-m", "factcheck", *args],
                capture_output=True,
                timeout=timeout,
                cwd=cwd or self.tmp,
                env={**self.env, **(env or {})},
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as e:
            return Run(None, _text(e.stdout), _text(e.stderr), time.perf_counter() - t0)
        rss = 0.0
        if timer and stats.exists():
            last = stats.read_text().strip().splitlines()[-1:]
            rss = int(last[0]) / 1024 if last and last[0].isdigit() else 0.0
        err = _text(p.stderr)
        if timer:  # /usr/bin/time adds "Command exited with non-zero status N"
            err = "\n".join(ln for ln in err.splitlines() if not ln.startswith("Command exited with"))
        return Run(p.returncode, _text(p.stdout), err, time.perf_counter() - t0, rss)


def _text(b: bytes | str | None) -> str:
    if b is None:
        return ""
    return b if isinstance(b, str) else b.decode("utf-8", "replace")


def folder(base: Path, name: str, files: dict[str, str | bytes] | None = None, good: int = 2) -> Path:
    d = base / name
    d.mkdir(parents=True, exist_ok=True)
    for i in range(good):
        (d / f"good{i}.txt").write_text(f"Story {i}\n\n{GOOD}", encoding="utf-8")
    for n, content in (files or {}).items():
        p = d / n
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
    return d


def n_articles(r: Run) -> int:
    try:
        return len(json.loads(r.out)["articles"])
    except (ValueError, KeyError, TypeError):
        return -1


def verdict(r: Run, ok: bool, *, leak: bool = False) -> str:
    if r.rc is None:
        return "hang"
    if "Traceback (most recent call last)" in r.err:
        return "traceback"
    if leak:
        return "leak"
    return "ok" if ok else "wrong"


def raw_in(*texts: str) -> bool:
    return any(ch in t for t in texts for ch in RAW)


Case = Callable[[Env, Path], str]
CASES: dict[str, list[tuple[str, Case]]] = {}


def case(category: str, name: str) -> Callable[[Case], Case]:
    def deco(f: Case) -> Case:
        CASES.setdefault(category, []).append((name, f))
        return f

    return deco


# ---------------------------------------------------------------------------------------------
# 2. terminal injection


def _hostile_corpus(t: Path) -> Path:
    d = folder(t, "c", {"hostile.txt": HOSTILE, f"name{RLO}gpj.txt": GOOD, "bad\x1b[31m.txt": b"\x00\x01"})
    return d


for _cmd in ("extract", "groups"):
    for _json in (False, True):

        def _f(env: Env, t: Path, cmd: str = _cmd, js: bool = _json) -> str:
            d = _hostile_corpus(t)
            r = env.run(cmd, str(d), *(["--json"] if js else []))
            return verdict(r, r.rc == 1, leak=raw_in(r.out, r.err))

        case("2 terminal injection", f"{_cmd}{' --json' if _json else ''}")(_f)


@case("2 terminal injection", "times")
def _times(env: Env, t: Path) -> str:
    d = _hostile_corpus(t)
    r = env.run("times", str(d / "hostile.txt"))
    return verdict(r, r.rc == 0, leak=raw_in(r.out, r.err))


@case("2 terminal injection", "error line (file name)")
def _errline(env: Env, t: Path) -> str:
    r = env.run("extract", str(t / f"missing{OSC52}{RLO}.txt"))
    return verdict(r, r.rc == 2, leak=raw_in(r.out, r.err))


def _two_sessions(env: Env, t: Path) -> tuple[Path, str]:
    d = _hostile_corpus(t)
    doc = json.loads(env.run("extract", str(d), "--json").out)
    cid = next(c["id"] for a in doc["articles"] for c in a["claims"])
    for who, v in ((f"ann{OSC52}", "confirmed"), (f"bob{RLO}", "disputed")):
        env.run(
            "mark", f"{who[:3]}.toml", cid, v, "--note", f"n{OSC52}{RLO}", "--corpus", str(d),
            env={"FACTCHECK_REVIEWER": who},
        )  # fmt: skip
    return d, cid


@case("2 terminal injection", "status")
def _status(env: Env, t: Path) -> str:
    _two_sessions(env, t)
    r = env.run("status", "ann.toml")
    return verdict(r, r.rc in (0, 1) and "ann" in r.out, leak=raw_in(r.out, r.err))


@case("2 terminal injection", "status --json")
def _status_json(env: Env, t: Path) -> str:
    _two_sessions(env, t)
    r = env.run("status", "ann.toml", "--json")
    return verdict(r, r.rc in (0, 1), leak=raw_in(r.out, r.err))


@case("2 terminal injection", "mark")
def _mark(env: Env, t: Path) -> str:
    d = _hostile_corpus(t)
    r = env.run(
        "mark", "s.toml", "nonexistent", "confirmed", "--corpus", str(d), env={"FACTCHECK_REVIEWER": OSC52}
    )
    return verdict(r, r.rc == 2, leak=raw_in(r.out, r.err))


@case("2 terminal injection", "merge")
def _merge(env: Env, t: Path) -> str:
    _two_sessions(env, t)
    r = env.run("merge", "ann.toml", "bob.toml", "-o", f"m{OSC52}.toml")
    return verdict(r, r.rc == 0, leak=raw_in(r.out, r.err))


@case("2 terminal injection", "report -o (messages)")
def _report_o(env: Env, t: Path) -> str:
    _two_sessions(env, t)
    r = env.run("report", "ann.toml", "-o", f"r{OSC52}.md")
    return verdict(r, r.rc in (0, 1), leak=raw_in(r.out, r.err))


# ---------------------------------------------------------------------------------------------
# 3. corpus containment and special files


def _outside(t: Path) -> Path:
    s = t / "secret"
    s.mkdir()
    (s / "private.txt").write_text("The secret merger was approved by the board on 3 March 2024 in Oslo.\n")
    return s


@case("3 containment", "symlinked file out of the corpus")
def _symfile(env: Env, t: Path) -> str:
    s, d = _outside(t), folder(t, "c")
    (d / "leak.txt").symlink_to(s / "private.txt")
    r = env.run("extract", str(d), "--json")
    return verdict(r, n_articles(r) == 2 and "leak.txt" in r.err, leak="secret merger" in r.out)


@case("3 containment", "symlinked folder out of the corpus")
def _symdir(env: Env, t: Path) -> str:
    s, d = _outside(t), folder(t, "c")
    (d / "leakdir").symlink_to(s)
    r = env.run("extract", str(d), "--json")
    return verdict(r, n_articles(r) == 2 and "leakdir" in r.err, leak="secret merger" in r.out)


@case("3 containment", "FIFO in the corpus")
def _fifo(env: Env, t: Path) -> str:
    d = folder(t, "c")
    os.mkfifo(d / "pipe.txt")
    r = env.run("extract", str(d), "--json", timeout=15)
    return verdict(r, n_articles(r) == 2 and "pipe.txt" in r.err)


@case("3 containment", "symlink to a FIFO in the corpus")
def _fifolink(env: Env, t: Path) -> str:
    d = folder(t, "c")
    os.mkfifo(d / "pipe")
    (d / "p.md").symlink_to(d / "pipe")
    r = env.run("extract", str(d), "--json", timeout=15)
    return verdict(r, n_articles(r) == 2 and "p.md" in r.err)


@case("3 containment", "socket in the corpus")
def _sock(env: Env, t: Path) -> str:
    d = folder(t, "c")
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(d / "s.txt"))
    try:
        r = env.run("extract", str(d), "--json", timeout=15)
    finally:
        s.close()
    return verdict(r, n_articles(r) == 2 and "s.txt" in r.err)


def _c2_session(env: Env, t: Path) -> Path:
    folder(t, "c2")
    work = t / "work"
    work.mkdir()
    doc = json.loads(env.run("extract", "../c2", "--json", cwd=work).out)
    cid = doc["articles"][0]["claims"][0]["id"]
    env.run("mark", "s.toml", cid, "confirmed", "--corpus", "../c2", cwd=work)
    return work


for _cmd2 in ("status", "report"):

    def _g(env: Env, t: Path, cmd: str = _cmd2) -> str:
        work = _c2_session(env, t)
        r = env.run(cmd, "s.toml", cwd=work)
        return verdict(r, r.rc == 0)

    case("3 containment", f"{_cmd2} of a session made with --corpus ../c2")(_g)


@case("3 containment", "mark again on a session made with --corpus ../c2")
def _mark2(env: Env, t: Path) -> str:
    work = _c2_session(env, t)
    doc = json.loads(env.run("extract", "../c2", "--json", cwd=work).out)
    cid = doc["articles"][1]["claims"][0]["id"]
    r = env.run("mark", "s.toml", cid, "disputed", cwd=work)
    return verdict(r, r.rc == 0)


# ---------------------------------------------------------------------------------------------
# 4. JSON-LD and URLs


def _reviewed(env: Env, t: Path, note: str, url: str = "https://news.example/a") -> str:
    d = t / "c"
    d.mkdir()
    (d / "feed.json").write_text(
        json.dumps([{"text": GOOD, "url": url, "sitename": "News", "date": "2024-03-10"}])
    )
    doc = json.loads(env.run("extract", str(d), "--json").out)
    cid = doc["articles"][0]["claims"][0]["id"]
    env.run("mark", "s.toml", cid, "confirmed", "--note", note, "--corpus", str(d))
    return cid


@case("4 JSON-LD and URLs", "</script> in a note")
def _script(env: Env, t: Path) -> str:
    _reviewed(env, t, "</script><script>alert(1)</script>")
    r = env.run("report", "s.toml", "-f", "claimreview", "--org", "O", "--base-url", "https://o.example/r")
    return verdict(r, r.rc == 0, leak="</script" in r.out.lower())


@case("4 JSON-LD and URLs", "javascript: article url")
def _jsurl(env: Env, t: Path) -> str:
    _reviewed(env, t, "n", url="javascript:alert(1)")
    r = env.run("report", "s.toml", "-f", "claimreview", "--org", "O", "--base-url", "https://o.example/r")
    return verdict(r, r.rc == 0, leak="javascript:" in r.out)


@case("4 JSON-LD and URLs", "javascript: --base-url")
def _jsbase(env: Env, t: Path) -> str:
    _reviewed(env, t, "n")
    r = env.run("report", "s.toml", "-f", "claimreview", "--org", "O", "--base-url", "javascript:alert(1)//")
    return verdict(r, r.rc == 2, leak="javascript:" in r.out)


@case("4 JSON-LD and URLs", "javascript: evidence in a hand-edited session")
def _jsevidence(env: Env, t: Path) -> str:
    _reviewed(env, t, "n")
    s = (t / "s.toml").read_text()
    s = s.replace('"verdict":"confirmed"', '"verdict":"confirmed","evidence":["javascript:alert(1)"]', 1)
    s = re.sub(r'checksum = "[^"]*"', 'checksum = "skip"', s)
    (t / "s.toml").write_text(s)
    r = env.run("report", "s.toml", "-f", "claimreview", "--org", "O", "--base-url", "https://o.example/r")
    return verdict(r, r.rc in (0, 2), leak="javascript:" in r.out)


# ---------------------------------------------------------------------------------------------
# 5-10. one bad input never sinks the batch

DEEP = 100_000


def _batch_case(files: dict[str, str | bytes], bad: str, *, articles: int = 2, reason: str = "") -> Case:
    def f(env: Env, t: Path) -> str:
        d = folder(t, "c", files)
        r = env.run("extract", str(d), "--json", timeout=60)
        named = bad in r.err and reason in r.err
        return verdict(r, n_articles(r) == articles and r.rc == 1 and named)

    return f


_BAD = {
    "deep JSON file": ({"deep.json": "[" * DEEP + "]" * DEEP}, "deep.json"),
    "deep JSONL line": ({"deep.jsonl": "[" * DEEP + "]" * DEEP + "\n"}, "deep.jsonl"),
    "deep front matter": ({"fm.md": "+++\nx = " + "[" * DEEP + "]" * DEEP + "\n+++\n" + GOOD}, "fm.md"),
    "deep sidecar": ({"x.txt": GOOD, "x.toml": "x = " + "[" * DEEP + "]" * DEEP + "\n"}, "x.txt"),
    "deep record field": (
        {"r.json": '{"text": "a b", "authors": ' + "[" * 3000 + "]" * 3000 + "}"},
        "r.json",
    ),
    "NUL after 64 KiB": ({"nul.txt": GOOD * 1000 + "\x00" + GOOD}, "nul.txt"),
    "bad JSONL line among good": (
        {
            "feed.jsonl": json.dumps({"text": GOOD})
            + "\n{oops\n"
            + json.dumps({"text": GOOD.replace("mayor", "chief")})
        },
        "feed.jsonl",
    ),
}
for _name, (_files, _bad) in _BAD.items():
    _extra = 2 if _name == "bad JSONL line among good" else 0
    case("5-10 bad input", _name)(_batch_case(_files, _bad, articles=2 + _extra))


@case("5-10 bad input", "non-UTF-8 file name")
def _nonutf8(env: Env, t: Path) -> str:
    d = folder(t, "c")
    with open(os.fsencode(d) + b"/caf\xe9.txt", "w") as f:
        f.write(GOOD)
    r = env.run("extract", str(d), "--json")
    return verdict(r, n_articles(r) == 2 and "caf" in r.err and r.rc == 1)


@case("5-10 bad input", "sidecar not UTF-8")
def _badside(env: Env, t: Path) -> str:
    d = folder(t, "c", {"x.txt": GOOD, "x.toml": b'title = "\xff"\n'})
    r = env.run("extract", str(d), "--json")
    return verdict(r, n_articles(r) == 2 and "x.toml" in r.err)


@case("5-10 bad input", "url field http://[::1 in a JSON list")
def _badurl(env: Env, t: Path) -> str:
    recs = [{"text": GOOD}, {"text": GOOD, "url": "http://[::1"}, {"text": GOOD.replace("mayor", "chief")}]
    d = folder(t, "c", {"list.json": json.dumps(recs)}, good=0)
    r = env.run("extract", str(d), "--json")
    return verdict(r, n_articles(r) == 3)


@case("5-10 bad input", "unreadable subfolder")
def _unreadable(env: Env, t: Path) -> str:
    d = folder(t, "c")
    sub = folder(d, "sub")
    sub.chmod(0)
    try:
        r = env.run("extract", str(d), "--json")
    finally:
        sub.chmod(0o755)
    if os.geteuid() == 0:  # root reads it anyway: both good files of sub are read
        return verdict(r, n_articles(r) == 4)
    return verdict(r, n_articles(r) == 2 and "sub" in r.err)


for _dev in ("/dev/zero", "/dev/urandom"):

    def _d(env: Env, t: Path, dev: str = _dev) -> str:
        r = env.run("times", dev, timeout=20)
        return verdict(r, r.rc == 2)

    case("5-10 bad input", f"times {_dev}")(_d)


@case("5-10 bad input", "times FIFO")
def _timesfifo(env: Env, t: Path) -> str:
    os.mkfifo(t / "pipe")
    r = env.run("times", str(t / "pipe"), timeout=10)
    return verdict(r, r.rc == 2)


@case("5-10 bad input", "JSONL with U+2028/U+2029/U+0085 in strings")
def _seps(env: Env, t: Path) -> str:
    body = "\n".join(
        json.dumps({"text": GOOD.replace(" on ", f" {s}on ")}, ensure_ascii=False)
        for s in "\u2028\u2029\u0085"
    )
    d = folder(t, "c", {"f.jsonl": body + "\n"}, good=0)
    r = env.run("extract", str(d), "--json")
    return verdict(r, n_articles(r) == 3 and r.rc == 0)


@case("5-10 bad input", "only a BOM")
def _bom(env: Env, t: Path) -> str:
    d = folder(t, "c", {"bom.txt": b"\xef\xbb\xbf"})
    r = env.run("extract", str(d), "--json")
    return verdict(r, n_articles(r) == 2 and "bom.txt: empty file" in r.err)


@case("5-10 bad input", "UTF-16 with BOM")
def _utf16(env: Env, t: Path) -> str:
    d = folder(t, "c", {"u16.txt": f"Story\n\n{GOOD}".encode("utf-16")})
    r = env.run("extract", str(d), "--json")
    return verdict(r, n_articles(r) == 3 and r.rc == 0)


@case("5-10 bad input", "2.6 million short lines (5 MB)")
def _lines(env: Env, t: Path) -> str:
    d = t / "c"
    d.mkdir()
    (d / "lines.txt").write_text("\n".join("abx1."[i % 5] for i in range(2_600_000)))
    r = env.run("extract", str(d), timeout=120)
    LINES_FIGURES.append((r.seconds, r.rss_mb))
    return verdict(r, r.rc in (1, 2) and r.seconds < 10 and r.rss_mb < 500)


LINES_FIGURES: list[tuple[float, float]] = []


@case("5-10 bad input", "300,000 tiny JSONL records (4.8 MB)")
def _records(env: Env, t: Path) -> str:
    d = t / "c"
    d.mkdir()
    (d / "r.jsonl").write_text('{"text": "a b"}\n' * 300_000)  # under the 5 MB limit
    r = env.run("extract", str(d), "--json", timeout=120)
    RECORD_FIGURES.append((r.seconds, r.rss_mb))
    return verdict(r, r.rc in (1, 2) and r.seconds < 20 and r.rss_mb < 500)


RECORD_FIGURES: list[tuple[float, float]] = []


# ---------------------------------------------------------------------------------------------
# 14-15. reports


def _dated_session(env: Env, t: Path, note: str, outlet: bool = True, dated: bool = True) -> None:
    d = t / "c"
    d.mkdir()
    rec: dict[str, str] = {"text": GOOD.replace(" on 12 March 2024", "")}
    if outlet:
        rec["sitename"] = "News"
    if dated:
        rec["date"] = "2024-03-10"
    (d / "feed.json").write_text(json.dumps([rec]))
    doc = json.loads(env.run("extract", str(d), "--json").out)
    cid = doc["articles"][0]["claims"][0]["id"]
    env.run("mark", "s.toml", cid, "confirmed", "--note", note, "--corpus", str(d))


@case("14-15 reports", "ClaimReview of an undated article")
def _undated(env: Env, t: Path) -> str:
    _dated_session(env, t, "n", dated=False)
    r = env.run("report", "s.toml", "-f", "claimreview", "--org", "O", "--base-url", "https://o.example/r")
    return verdict(r, r.rc == 0 and r.out.startswith("[") and "left out" in r.err)


@case("14-15 reports", "ClaimReview without --organisation")
def _noorg(env: Env, t: Path) -> str:
    _dated_session(env, t, "n")
    r = env.run("report", "s.toml", "-f", "claimreview", "--base-url", "https://o.example/r")
    return verdict(r, r.rc == 0 and r.out.startswith("[") and "organisation" in r.err)


@case("14-15 reports", "ClaimReview without --base-url (url required)")
def _nourl(env: Env, t: Path) -> str:
    _dated_session(env, t, "n")
    r = env.run("report", "s.toml", "-f", "claimreview", "--org", "O")
    return verdict(r, r.rc == 2 and "--base-url" in r.err)


for _lead in (" =1+1", "\n=1+1", "＝1+1", "\t@SUM(A1)"):

    def _c(env: Env, t: Path, lead: str = _lead) -> str:
        _dated_session(env, t, lead)
        r = env.run("report", "s.toml", "-f", "csv")
        rows = list(csv.DictReader(io.StringIO(r.out, newline="")))
        return verdict(r, r.rc == 0 and len(rows) == 1 and rows[0]["note"].startswith("'"))

    case("14-15 reports", f"CSV cell {_lead!r}")(_c)


@case("14-15 reports", "Markdown URL with _ and &")
def _mdurl(env: Env, t: Path) -> str:
    _dated_session(env, t, "see https://x.example/a_b?c=1&d=2")
    r = env.run("report", "s.toml")
    return verdict(r, r.rc == 0 and "https://x.example/a_b?c=1&d=2" in r.out)


@case("14-15 reports", "Markdown multi-line note")
def _mdlines(env: Env, t: Path) -> str:
    _dated_session(env, t, "first line\nsecond line")
    r = env.run("report", "s.toml")
    return verdict(r, r.rc == 0 and "first line second line" not in r.out and "second line" in r.out)


# ---------------------------------------------------------------------------------------------


def run_all(code: Path) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = {}
    for cat, cases in CASES.items():
        counts: Counter[str] = Counter()
        for name, f in cases:
            if ONLY and ONLY not in name:
                continue
            t = Path(tempfile.mkdtemp(prefix="fc-attack-"))
            try:
                res = f(Env(code, t), t)
            except Exception as e:  # a broken setup is reported, never hidden
                res = f"setup error: {type(e).__name__}"
            finally:
                for p in t.rglob("*"):
                    if p.is_dir() and not p.is_symlink():
                        p.chmod(0o755)
                shutil.rmtree(t, ignore_errors=True)
            counts[res] += 1
            if VERBOSE and res != "ok":
                print(f"  [{code.name}] {cat} / {name}: {res}", file=sys.stderr)
        out[cat] = counts
    return out


VERBOSE = False
ONLY = ""


def main() -> None:
    global VERBOSE, ONLY
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--baseline-rev", default="7b3f091", help="git revision to compare with ('' for none)")
    ap.add_argument("-v", "--verbose", action="store_true", help="name every failing case")
    ap.add_argument("--only", default="", metavar="TEXT", help="run only the cases whose name holds TEXT")
    args = ap.parse_args()
    VERBOSE, ONLY = args.verbose, args.only
    results = {"current": run_all(REPO)}
    lines_now, records_now = list(LINES_FIGURES), list(RECORD_FIGURES)
    LINES_FIGURES.clear()
    RECORD_FIGURES.clear()
    if args.baseline_rev:
        base = Path(tempfile.mkdtemp(prefix="fc-baseline-"))
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", args.baseline_rev], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
        results["baseline"] = run_all(base)
        shutil.rmtree(base, ignore_errors=True)
    kinds = ("traceback", "hang", "leak", "wrong")
    print(
        f"{'category':<24} {'cases':>5}  " + "  ".join(f"{k:>9}" for k in kinds) + "   (current | baseline)"
    )
    for cat in CASES:
        cells = []
        for k in kinds:
            now = results["current"][cat][k]
            before = results["baseline"][cat][k] if "baseline" in results else "-"
            cells.append(f"{now:>3} | {before!s:<3}")
        other = {k: v for k, v in results["current"][cat].items() if k not in (*kinds, "ok")}
        n = sum(results["current"][cat].values())
        print(f"{cat:<24} {n:>5}  " + "  ".join(cells) + (f"   {other}" if other else ""))
    for what, now, before in (
        ("2.6 million short lines (extract)", lines_now, LINES_FIGURES),
        ("300,000 tiny JSONL records (extract --json)", records_now, RECORD_FIGURES),
    ):
        if now:
            print(f"{what}: {_figure(now[0])}" + (f" (baseline {_figure(before[0])})" if before else ""))


def _figure(fig: tuple[float, float]) -> str:
    s, mb = fig
    return f"{s:.1f} s, {mb:.0f} MB max RSS" if mb else f"timed out after {s:.0f} s"


if __name__ == "__main__":
    main()
