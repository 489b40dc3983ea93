"""Grouping at scale: 10k, 30k and 100k generated news-like claims; seconds (wall, and CPU in the notes) and
peak memory, beside the naive all-pairs ``process.cdist(..., scorer=token_sort_ratio, workers=-1)`` baseline at 10k.

Each size runs in a fresh subprocess so that its peak RSS (``ru_maxrss``) is its own.

    python bench/grouping_scale.py [--sizes 10000,30000,100000] [--no-baseline] [--evidence F]

``--evidence F``: beside the N claims, F sentences per claim under the extractor's floor (score 0.1, no
time: the grouping evidence the pipeline passes with the claims; real batches hold about 0.3 of ECB+ and
0.5 of the real pages), in the same articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time

FIRST = "Anna Boris Carla Dmitri Elena Farid Greta Hiro Ines Jonas Kofi Lena Marta Nadia Omar Pavel Rosa Sven Tariq Ulla Viktor Wen Yara Zoltan".split()
LAST = "Abara Berg Castillo Dorn Eklund Farah Gruber Haddad Ivanova Jensen Kowalski Larsen Moreau Novak Okafor Petrov Quist Rossi Santos Tanaka Ueda Varga Weber Xu Young Zeller".split()
ROLES = "President Minister Governor Mayor Senator Chancellor Ambassador General".split()
PLACES = "Berlin Lagos Lima Oslo Hanoi Quito Riga Doha Accra Turin Perth Kyiv Dakar Minsk Sofia Tunis Male Baku Porto Gdansk Bergen Cork Split Brno".split()
ORGS = "Parliament Central Bank Supreme Court Port Authority Health Ministry Trade Council Energy Agency Rail Union".split(
    " "
)
ACTIONS = [
    ("visit", "visited", "will visit", "is expected to visit"),
    ("meet", "met", "will meet", "is expected to meet"),
    (
        "sign a trade deal with",
        "signed a trade deal with",
        "will sign a trade deal with",
        "plans to sign a trade deal with",
    ),
    ("open a summit in", "opened a summit in", "will open a summit in", "is due to open a summit in"),
    (
        "announce sanctions on",
        "announced sanctions on",
        "will announce sanctions on",
        "may announce sanctions on",
    ),
    ("raise tariffs on", "raised tariffs on", "will raise tariffs on", "plans to raise tariffs on"),
]
MONTHS = "January February March April May June July August September October November December".split()
TAILS = [
    "officials said on {day}",
    "according to state media",
    "the ministry said in a statement",
    "two sources familiar with the matter said",
    "in a move that surprised observers",
    "amid growing tensions in the region",
    "as reported by local outlets",
]


SYLLABLES = "ka lo mi ra te su no vi da re zu ha bel mor tan kri sol ven dal gor nis pa ul ex yo".split()


def _name(rnd: random.Random, parts: int) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(parts)).capitalize()


def generate(n: int, evidence: float = 0.0, seed: int = 7):
    """n claims: events reported several times (paraphrases) plus look-alikes (same actors, another month).

    Names are drawn from a vocabulary that grows with n (as the names in real news do): about one person
    per 40 claims and one place per 60, besides a fixed set of common ones."""
    from factcheck.model import Article, Claim, Entity, Stance, TimeRef

    rnd = random.Random(seed)
    firsts = FIRST + [_name(rnd, 2) for _ in range(max(1, n // 200))]
    lasts = LAST + [_name(rnd, 3) for _ in range(max(1, n // 200))]
    places = PLACES + [
        _name(rnd, 2) + rnd.choice(["", "burg", "ville", " City", "stan"]) for _ in range(max(1, n // 60))
    ]
    claims: list[Claim] = []
    articles: dict[str, Article] = {}
    per_article = 10
    n_articles = max(1, n // per_article)
    for k in range(n_articles):
        key = f"a{k:06d}.txt"
        pub = dt.date(2020, 1, 1) + dt.timedelta(days=rnd.randrange(0, 1800))
        articles[key] = Article(path=key, key=key, id=key, text="", published=pub, outlet=f"Outlet {k % 97}")
    keys = list(articles)
    gold: dict[str, int] = {}
    event = 0
    i = 0
    while len(claims) < n:
        person = f"{rnd.choice(ROLES)} {rnd.choice(firsts)} {rnd.choice(lasts)}"
        place = rnd.choice(places)
        org = rnd.choice(ORGS)
        action = rnd.choice(ACTIONS)
        year = rnd.randrange(2019, 2025)
        month = rnd.randrange(1, 13)
        figure = rnd.choice(
            [
                "",
                f" worth {rnd.randrange(2, 900)} million dollars",
                f" covering {rnd.randrange(3, 60)} products",
            ]
        )
        variants = [(year, month)]
        if rnd.random() < 0.4:  # a look-alike: the same actors at another time
            variants.append((year + rnd.choice([-1, 1]), (month + rnd.randrange(2, 10)) % 12 + 1))
        for y, m in variants:
            event += 1
            for _ in range(rnd.randrange(2, 7)):
                if len(claims) >= n:
                    break
                stance_i = rnd.randrange(4)
                verb = action[stance_i if stance_i else 1]
                when_text = f"{MONTHS[m - 1]} {y}"
                tail = rnd.choice(TAILS).format(day=rnd.choice(["Monday", "Tuesday", "Friday"]))
                text = f"{person} {verb} {place} and the {org}{figure} in {when_text}, {tail}."
                start = text.index(when_text)
                key = rnd.choice(keys)
                claims.append(
                    Claim(
                        id=f"c{i:07d}",
                        article_id=key,
                        article_key=key,
                        start=0,
                        end=len(text),
                        text=text,
                        when=[TimeRef(start, start + len(when_text), when_text, "DATE", f"{y}-{m:02d}")],
                        entities=[
                            Entity(person, person.split(" ", 1)[1].lower(), "person", person),
                            Entity(place, place.lower(), "place", place),
                            Entity(org, org.lower(), "org", org),
                        ],
                        stance=[Stance.OCCURRED, Stance.OCCURRED, Stance.PLANNED, Stance.EXPECTED][stance_i],
                    )
                )
                gold[claims[-1].id] = event
                i += 1
    for k, c in enumerate(list(claims)[: round(evidence * len(claims))]):
        text = f"It was the {rnd.choice(['first', 'second', 'last'])} time, {rnd.choice(TAILS)}."
        claims.append(
            Claim(
                id=f"e{k:07d}",
                article_id=c.article_id,
                article_key=c.article_key,
                start=0,
                end=len(text),
                text=text.format(day="Monday"),
                score=0.1,
            )
        )
    return claims, articles, gold


def pairwise_f1(gold: dict[str, int], pred: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision/recall/F1 from contingency counts (no pair enumeration)."""
    from collections import Counter

    def pairs(counter: Counter) -> int:
        return sum(v * (v - 1) // 2 for v in counter.values())

    g = Counter(gold.values())
    p = Counter(pred[c] for c in gold if c in pred)
    both = Counter((gold[c], pred[c]) for c in gold if c in pred)
    tp, pp, gp = pairs(both), pairs(p), pairs(g)
    prec = tp / pp if pp else 0.0
    rec = tp / gp if gp else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def child(kind: str, n: int, evidence: float = 0.0) -> None:
    claims, articles, gold = generate(n, evidence)
    t0, c0 = time.perf_counter(), time.process_time()
    if kind == "factcheck":
        from factcheck.grouping import group_claims

        groups = group_claims(claims, articles)
        pred = {cid: g.id for g in groups for cid in g.claims}
        prec, rec, f1 = pairwise_f1(gold, pred)
        extra = {
            "groups": len(groups),
            "grouped_claims": len(pred),
            "p": round(prec, 3),
            "r": round(rec, 3),
            "f1": round(f1, 3),
        }
    else:
        from rapidfuzz import fuzz, process, utils

        texts = [c.text for c in claims]
        m = process.cdist(
            texts,
            texts,
            scorer=fuzz.token_sort_ratio,
            processor=utils.default_process,
            workers=-1,
            dtype="uint8",
        )
        extra = {"matrix_mb": round(m.nbytes / 1e6)}
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "kind": kind,
                "n": n,
                "seconds": round(elapsed, 2),
                "cpu": round(cpu, 2),
                "peak_mb": round(peak_mb),
            }
            | extra
        )
    )


def measure(kind: str, n: int, evidence: float = 0.0) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(n), str(evidence)],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        return {
            "kind": kind,
            "n": n,
            "error": out.stderr.strip().splitlines()[-1] if out.stderr else "failed",
        }
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    if len(sys.argv) >= 2 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--evidence", type=float, default=0.0, help="evidence sentences per claim, beside them")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'system':<34} {'claims':>8} {'seconds':>8} {'peak MB':>8}  notes")
    rows = []
    for n in sizes:
        r = measure("factcheck", n, args.evidence)
        rows.append(r)
        note = r.get("error") or (
            f"{r['cpu']} CPU s; {r['groups']} groups, {r['grouped_claims']} claims grouped"
            + (f" (+{round(args.evidence * n)} evidence sentences)" if args.evidence else "")
            + "; pairwise P/R/F1 vs generated events "
            f"{r['p']}/{r['r']}/{r['f1']}"
        )
        print(
            f"{'factcheck group_claims':<34} {n:>8} {r.get('seconds', float('nan')):>8} {r.get('peak_mb', 0):>8}  {note}",
            flush=True,
        )
    if not args.no_baseline:
        b = measure("baseline", 10000)
        note = b.get("error") or f"{b['matrix_mb']} MB score matrix, no clustering yet"
        print(
            f"{'baseline cdist token_sort (all pairs)':<34} {10000:>8} {b.get('seconds', float('nan')):>8} {b.get('peak_mb', 0):>8}  {note}"
        )
        fc10 = next((r for r in rows if r["n"] == 10000 and "seconds" in r), None)
        if fc10 and "seconds" in b:
            print(f"speed-up at 10k: {b['seconds'] / max(fc10['seconds'], 1e-9):.1f}x (target >= 10x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
