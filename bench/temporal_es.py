"""Benchmark the time tagger for other languages on the Spanish TimeBank (TempEval-3 Spanish), against dateparser.

Usage: python bench/temporal_es.py [--errors N] [--part dev|held-out|all] [--no-baseline]

Each document is rebuilt from its tokens (joined by spaces), tagged with its DCT as anchor and compared
with its gold TIMEX3 the way bench/temporal.py measures English: span P/R/F1 (overlapping spans) and value
P/R/F1 (a span that overlaps a gold one and has its value). The baseline, in the same run, is dateparser
alone: ``search_dates(text, languages=["es"])``, each hit cut to the granularity dateparser itself gives
(``DateDataParser(...).get_date_data(hit).period``).

The documents are split by a fixed seed into a dev part (rules were written looking at it only) and a
held-out part (never looked at); both are reported.

Data: ``<repo>/../shared/data/timebank-es/train.tsv``; override the data directory with FACTCHECK_DATA.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from temporal import Doc, Score, Timex, evaluate, show_errors  # bench/temporal.py

from factcheck import times_intl

SEED = 14  # the split of documents into dev and held-out parts (fixed: never re-drawn)
HELD_OUT_SHARE = 0.3


def data_file() -> Path:
    env = os.environ.get("FACTCHECK_DATA")
    if env:
        return Path(env) / "timebank-es" / "train.tsv"
    # ../shared/data beside the repository (or beside the folder of worktrees holding it)
    for up in Path(__file__).resolve().parents[1].parents:
        if (up / "shared" / "data").is_dir():
            return up / "shared" / "data" / "timebank-es" / "train.tsv"
    return Path("shared/data/timebank-es/train.tsv")


def load(path: Path) -> list[Doc]:
    """Documents of the TSV: tokens joined by spaces, sentences by newlines, gold TIMEX3 from the BIO tags."""
    docs: list[Doc] = []
    cur: Doc | None = None
    buf: list[str] = []
    pos = 0
    open_tx: Timex | None = None

    def close() -> None:
        nonlocal open_tx
        if open_tx is not None and cur is not None:
            open_tx.text = "".join(buf)[open_tx.start : open_tx.end]
            cur.gold.append(open_tx)
        open_tx = None

    def finish() -> None:
        close()
        if cur is not None:
            cur.text = "".join(buf)
            docs.append(cur)

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("*!-DCTVALUE="):
            finish()
            cur = Doc(f"doc{len(docs):03d}", dt.date.fromisoformat(line.split('"')[1][:10]), "")
            buf, pos = [], 0
            continue
        if cur is None:
            continue
        if not line.strip():
            close()
            if buf and buf[-1] != "\n":
                buf.append("\n")
                pos += 1
            continue
        token, tag, value = ([*line.split("\t"), "", ""])[:3]
        if buf and buf[-1] != "\n":
            buf.append(" ")
            pos += 1
        start = pos
        buf.append(token)
        pos += len(token)
        if tag.startswith("B-") or (tag.startswith("I-") and open_tx is None):
            close()
            open_tx = Timex(start, pos, tag[2:], value)
        elif tag.startswith("I-") and open_tx is not None:
            open_tx.end = pos
        else:
            close()
    finish()
    return docs


def split(docs: list[Doc]) -> tuple[list[Doc], list[Doc]]:
    """(dev, held-out): a fixed shuffle of the documents."""
    order = list(range(len(docs)))
    random.Random(SEED).shuffle(order)
    n_held = round(len(docs) * HELD_OUT_SHARE)
    held = set(order[:n_held])
    return [d for i, d in enumerate(docs) if i not in held], [d for i, d in enumerate(docs) if i in held]


# ---- baseline ---------------------------------------------------------------------------------

_PERIOD_FORMAT = {
    "year": "%Y",
    "month": "%Y-%m",
    "week": "%Y-%m-%d",
    "day": "%Y-%m-%d",
    "time": "%Y-%m-%dT%H:%M",
}


def baseline(text: str, dct: dt.date) -> list[Timex]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = dt.datetime(dct.year, dct.month, dct.day)
    settings = {"RELATIVE_BASE": base}
    try:
        hits = search_dates(text, languages=["es"], settings=settings)  # type: ignore[arg-type]
    except Exception:
        hits = None
    ddp = DateDataParser(languages=["es"], settings=settings)  # type: ignore[arg-type]
    out: list[Timex] = []
    pos = 0
    for sub, value in hits or []:
        i = text.find(sub, pos)
        if i < 0:
            continue
        pos = i + len(sub)
        try:
            period = ddp.get_date_data(sub).period or "day"
        except Exception:
            period = "day"
        out.append(
            Timex(i, i + len(sub), "DATE", value.strftime(_PERIOD_FORMAT.get(period, "%Y-%m-%d")), sub)
        )
    return out


def system(text: str, dct: dt.date) -> list[Timex]:
    return [Timex(t.start, t.end, t.type, t.value, t.text) for t in times_intl.tag(text, dct, "es")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument(
        "--errors", type=int, default=0, help="print up to N errors of the tagger (dev part only)"
    )
    ap.add_argument("--part", choices=("dev", "held-out", "all"), default="all")
    ap.add_argument("--no-baseline", action="store_true", help="skip the (slow) dateparser baseline")
    args = ap.parse_args(argv)

    path = data_file()
    if not path.is_file():
        print(f"Spanish TimeBank not found at {path} (set FACTCHECK_DATA to the shared data directory)")
        return 0
    docs = load(path)
    dev, held = split(docs)
    parts = {"dev": dev, "held-out": held}
    if args.part != "all":
        parts = {args.part: parts[args.part]}
    system("Calentamiento el 3 de mayo de 2020.", dt.date(2020, 1, 1))
    systems = {"factcheck": system} | ({} if args.no_baseline else {"dateparser": baseline})
    if "dateparser" in systems:
        baseline("Calentamiento el 3 de mayo de 2020.", dt.date(2020, 1, 1))
    print(
        f"Spanish TimeBank (train.tsv): {len(docs)} documents, split by seed {SEED}: "
        f"dev {len(dev)}, held-out {len(held)}"
    )
    for part, pdocs in parts.items():
        n_gold = sum(len(d.gold) for d in pdocs)
        kb = sum(len(d.text.encode("utf-8")) for d in pdocs) / 1024
        print(f"\n{part}: {len(pdocs)} documents, {kb:.0f} KB, {n_gold} gold TIMEX3")
        results: dict[str, tuple[Score, float, list[tuple[Doc, list[Timex]]]]] = {}
        for name, fn in systems.items():
            times_intl.clear_cache()
            t0 = time.perf_counter()
            outputs = [(d, fn(d.text, d.dct)) for d in pdocs]
            elapsed = time.perf_counter() - t0
            results[name] = (evaluate(outputs)[0], len(pdocs) / elapsed, outputs)
        print(f"{'':22}" + "".join(f"{c:>14}" for c in results))
        for key in ("span P", "span R", "span F1", "value P", "value R", "value F1"):
            print(f"{key:22}" + "".join(f"{r[0].figures()[key]:14.3f}" for r in results.values()))
        print(f"{'documents/s':22}" + "".join(f"{r[1]:14.1f}" for r in results.values()))
        if args.errors and part == "dev":
            print()
            show_errors(results["factcheck"][2], args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
