"""Speakers on PolNeAR: our extractor's claims against the corpus's hand-annotated attributions.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) holds 1,008 US political news articles of 7 outlets with every
attribution annotated as a source span, a cue span and a content span (brat standoff ``.ann`` files beside the
raw ``.txt``), in train / dev / test compartments. Each article is run through ``ingest`` and ``extract`` with
its publication date (``metadata.tsv``); the claims shown by default (score >= model.DEFAULT_MIN_SCORE; all
of them with ``--all``) are scored, each against the annotation:

- a claim is *attributed* when a gold attribution's content covers at least a third of the claim's characters
  (the attribution covering most of it is the claim's); a claim no content touches is *unattributed*; one
  touched by less than a third is left out (counted as ``partial``);
- the gold source is sorted into one of four kinds: a *name* (a capitalised word other than a sentence's
  first: "Trump", "Haley Morris", "O'Malley's campaign", "the Clinton Foundation"), a *pronoun* ("he",
  "they"), a *first-person* source ("I", "we": a speaker quoting himself, left out of every figure), a
  *nominal* one ("the campaign", "officials", "a spokeswoman", and a person described with a capital
  inside: "The Florida senator", "the Democratic presidential nominee"); an attribution with no source
  counts as unattributed;
- a name source is matched when our speaker shares one of its name words (case-insensitive, a possessive
  "'s", quantifiers and title words such as "Sen." or "President" dropped), or when our speaker is a part of
  the annotated phrase ("GOP strategists" of "Some GOP strategists", "state gaming regulators" of "data
  released Friday by state gaming regulators"): "Trump" = "Donald Trump", "O'Malley's
  campaign" = "Martin O'Malley" (the body and its head are not told apart), "Hillary Clinton" = "Bill
  Clinton" (a surname is enough: the bench cannot tell relatives apart);
- a pronoun or nominal source needs resolving: it is matched when our speaker names the source of the nearest
  name-sourced attribution before it in the same article, or a name written in the claim's paragraph or the
  one before, ahead of the claim or, for a source before its content, ahead of the source ("Clinton has taken a
  stance, but she has said that ..."); or our speaker's whole phrase written there, in any case ("military
  analysts" for "Military analysts say ... they said") (the antecedent need not have spoken before: "Michelle
  F. Tanzer, a lawyer who ..., has helped clubs adapt. The golf industry, she said, is ..."), or (a nominal one) when our speaker
  holds its head noun ("officials" for "U.S. officials"). These are reported apart: the check is lenient
  (it cannot tell "he" from "she").

Figures, per outlet and overall: for each kind of source, right / wrong / missing (no speaker) among the
attributed claims, and the share right; *speech* cues (say, tell, according to... the list below) apart from
all cues, since PolNeAR also annotates thoughts and feelings ("X believes", "X fears") that our product does
not necessarily give a speaker to; and the recall-side figures: attributed claims we give no speaker
(``missing``) and unattributed claims we give a speaker (``spurious``, a family of its own in ``--errors``).

``--errors`` (train only: the development data) prints the error families: our errors grouped by the shape of
the gold attribution (error kind, where the source stands against the content, the cue's first word, the
source's kind) with their count, the number of distinct articles and of outlets; ``-v`` adds examples.

``--changed`` (train only, with ``--base``) lists the shown claims whose speaker differs between the two trees,
with the gold source of the attribution covering most of the claim, to be judged by reading.

With ``--base TREE`` the same figures of that code tree are printed beside them, measured in the same run
(each tree in its own process, ``PYTHONPATH=TREE``).

    python bench/speakers_polnear.py --polnear /tmp/polnear/data [--part train|dev|test] [--base /tmp/base14]
        [--all] [--errors [-v]] [--changed] [--files FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

PRONOUNS = frozenset("he she they it him her them his its their who which that this these those".split())
FIRST_PERSON = frozenset("i we me us my our you your".split())
# words of a source that are no part of a name: determiners and titles
NOT_NAME = frozenset(
    """some several many all other others most few both each another one two three four five
    the a an mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. president senator
    governor representative secretary former presidential candidate nominee republican democratic democrat
    gop u.s. us american spokesman spokeswoman chairman chairwoman speaker director rev rev. lt. col.""".split()
)
# cues that report speech rather than a thought or feeling: the first word of the cue, lower case
SPEECH_CUES = frozenset(
    """said says say saying told tells tell telling according added adds add noted notes note wrote writes
    write tweeted tweets tweet stated states announced announces claimed claims claim argued argues argue
    explained explains asked asks ask replied replies responded responds insisted insists warned warns
    reported reports suggested suggests declared declares predicted predicts acknowledged acknowledges
    admitted admits pointed points called calls urged urges promised promises vowed vows charged charges
    accused accuses denied denies confirmed confirms disclosed revealed reveals recalled recalls continued
    continues concluded concluded countered counters quipped joked jokes boasted boasts alleged alleges
    complained complains criticized criticizes praised praises described describes estimated estimates
    released testified mentioned mentions emphasized stressed stresses repeated repeats asserted asserts
    proclaimed proclaims blasted slammed shot fired""".split()
)
CUE_AUX = frozenset(
    "has have had is are was were be been being also not never did does do will would could can may might "
    "should must just even still already repeatedly".split()
)
WORD = re.compile(r"[\w.’'-]+")
# the head noun of a description of a person ("senator", "nominee", "front-runner", "spokeswoman", "mogul")
PERSON_HEAD = re.compile(
    r"(?:er|or|ist|ian|ee|man|woman|ant|ent|ful|ate|chief|aide|mogul|magnate|rival|ally|secretary|attorney"
    r"|judge|mayor)$"
)


@dataclass
class Attr:
    source: str | None
    source_start: int
    cue: str
    content: list[tuple[int, int]]
    cue_start: int


def read_ann(path: Path, text: str) -> list[Attr]:
    """The attributions of a brat standoff file (its text spans read from the article by their offsets)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(T\d+)\t(\S+) ([\d ;]+)\t", line)
        if m:
            parts = [tuple(int(x) for x in p.split()) for p in m.group(3).split(";")]
            spans[m.group(1)] = (m.group(2), [(a, b) for a, b in parts])
            continue
        m = re.match(r"E\d+\t(.*)", line)
        if m:
            events.append(dict(r.split(":", 1) for r in m.group(1).split()))
    out = []
    for ev in events:
        roles = {re.sub(r"\d+$", "", k): v for k, v in ev.items()}
        content = [s for k, v in ev.items() if k.startswith("Content") and v in spans for s in spans[v][1]]
        if not content:
            continue
        src = spans.get(roles.get("Source", ""))
        cue = spans.get(roles.get("Cue", ""))
        source = " ".join(text[a:b] for a, b in src[1]) if src else None
        out.append(
            Attr(
                source=" ".join(source.split()) if source else None,
                source_start=src[1][0][0] if src else -1,
                cue=" ".join(text[a:b] for a, b in cue[1]) if cue else "",
                content=content,
                cue_start=cue[1][0][0] if cue else -1,
            )
        )
    return out


def _words(s: str) -> list[str]:
    return [re.sub(r"[’']s?$", "", w.strip(".,’'-")).lower() for w in WORD.findall(s)]


def source_kind(source: str, text: str, start: int) -> str:
    """name / pronoun / first / nominal (see the module's docstring)."""
    raw = WORD.findall(source)
    low = [w.lower() for w in raw]
    if all(w in FIRST_PERSON for w in low):
        return "first"
    if all(w in PRONOUNS for w in low):
        return "pronoun"
    if len(low) >= 2 and low[0] == "the" and raw[-1].islower() and PERSON_HEAD.search(low[-1]):
        return "nominal"  # a person described, not named: "The Florida senator", "the GOP front-runner"
    before = text[:start].rstrip(" “\"‘'")
    sentence_start = not before or before[-1] in ".!?\n:"
    for i, w in enumerate(raw):
        if not w[:1].isupper() or w.lower().strip(".") in NOT_NAME or w.lower() in PRONOUNS | FIRST_PERSON:
            continue
        if i == 0 and sentence_start and f" {w.lower()} " in text:
            continue  # a common word capitalised at a sentence's start ("Officials said")
        return "name"
    return "nominal"


def name_keys(source: str) -> set[str]:
    return {
        _words(w)[0]
        for w in WORD.findall(source)
        if w[:1].isupper() and _words(w) and _words(w)[0] not in NOT_NAME and w.lower() not in PRONOUNS
    }


def speaker_matches(speaker: str, keys: set[str]) -> bool:
    return bool(keys & set(_words(speaker)))


def inside_source(speaker: str, source: str) -> bool:
    """Our speaker is a part of the annotated source phrase ("GOP strategists" of "Some GOP strategists",
    "state gaming regulators" of "data released Friday by state gaming regulators")."""
    mine = [w for w in _words(speaker) if w not in NOT_NAME]
    return bool(mine) and set(mine) <= set(_words(source))


def cue_head(cue: str) -> str:
    """The cue's first word that is not an auxiliary or an adverb ("has also said" -> "said")."""
    words = [w.lower().strip("’'.,") for w in cue.split()]
    return next((w for w in words if w not in CUE_AUX and not w.endswith("ly")), words[0] if words else "")


def head_noun(source: str) -> str:
    ws = _words(source)
    return ws[-1] if ws else ""


def score_article(
    name: str,
    text: str,
    attrs: list[Attr],
    claims: list[dict[str, Any]],
    counts: Counter[str],
    errors: list[dict[str, Any]],
) -> None:
    """Add the article's claims to ``counts`` (keys "kind:outcome" and the recall-side ones) and its errors."""
    outlet = name.split("_", 1)[0]
    named = sorted(
        (a.source_start, name_keys(a.source))
        for a in attrs
        if a.source and source_kind(a.source, text, a.source_start) == "name"
    )
    for c in claims:
        s, e = c["s"], c["e"]
        best, cover = None, 0
        for a in attrs:
            ov = sum(max(0, min(e, b) - max(s, x)) for x, b in a.content)
            if ov > cover:
                best, cover = a, ov
        sp = c["sp"]
        if best is None or best.source is None:
            counts[f"{outlet}|unattributed"] += 1
            if sp:
                counts[f"{outlet}|spurious"] += 1
                errors.append(  # (listed with --errors: a speaker where PolNeAR annotates no source)
                    {
                        "article": name,
                        "outlet": outlet,
                        "family": "spurious",
                        "shape": "spurious",
                        "example": f"{sp!r}: {text[s:e][:140]}",
                    }
                )
            continue
        if cover * 3 < (e - s):
            counts[f"{outlet}|partial"] += 1
            continue
        kind = source_kind(best.source, text, best.source_start)
        if kind == "first":
            counts[f"{outlet}|first"] += 1
            continue
        cue_word = cue_head(best.cue)
        speech = cue_word in SPEECH_CUES
        if sp is None:
            outcome = "missing"
        elif kind == "name":
            ok = speaker_matches(sp, name_keys(best.source)) or inside_source(sp, best.source)
            outcome = "right" if ok else "wrong"
        else:
            prev = [k for st, k in named if st < best.source_start]
            ok = inside_source(sp, best.source) or (bool(prev) and speaker_matches(sp, prev[-1]))
            # or a name of the paragraph, or of the one before, ahead of the claim ("Michelle F. Tanzer, a
            # lawyer who ..., has helped clubs adapt. The golf industry, she said, is ...")
            para = text.rfind("\n\n", 0, s)  # (where the claim's paragraph begins, then the one before)
            para = text.rfind("\n\n", 0, para) if para > 0 else -1
            # (an unnamed speaker, in lower case, by its phrase: "military analysts" ... "they said"); a source
            # before its content may stand for a name of the claim's own words ahead of it ("Clinton has
            # taken a stance on the wage, but she has said that ...")
            first_content = min(a for a, _ in best.content)
            ahead = text[max(0, para) : max(s, best.source_start) if best.source_start < first_content else s]
            ok = ok or bool(name_keys(sp) & name_keys(ahead)) or sp.casefold() in ahead.casefold()
            if kind == "nominal":
                h = head_noun(best.source)
                ok = ok or (bool(h) and any(w in (h, h.rstrip("s")) for w in _words(sp)))
            outcome = "right" if ok else "wrong"
        counts[f"{outlet}|{kind}|{outcome}"] += 1
        if speech:
            counts[f"{outlet}|{kind}|speech|{outcome}"] += 1
        if outcome != "right":
            first_content = min(a for a, _ in best.content)
            pos = (
                "source in another sentence"
                if not (s - 40 <= best.source_start <= e + 40)
                else "source before content"
                if best.source_start < first_content
                else "source after content"
            )
            errors.append(
                {
                    "article": name,
                    "outlet": outlet,
                    "family": f"{outcome} | {kind} | {pos} | cue '{cue_word}'",
                    "shape": f"{outcome} | {kind} | {pos} | {'speech' if speech else 'other'} cue",
                    "example": f"{sp!r} (gold {best.source!r}, cue {best.cue!r}): {text[s:e][:140]}",
                }
            )


def load_part(polnear: Path, part: str, only: set[str] | None) -> list[tuple[str, str, str, Path]]:
    """(name, date, text path, ann path) of each article of a compartment; the first annotator's file when
    several annotated the article."""
    dates = {}
    with (polnear / "metadata.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            dates[row["filename"]] = row["publication_date"]
    out = []
    anns = sorted((polnear / part / "attributions").glob("*.ann"))
    for t in sorted((polnear / part / "text").glob("*.txt")):
        if only is not None and t.name not in only:
            continue
        ann = next((a for a in anns if a.name.rsplit("_", 1)[0] == t.stem), None)
        if ann is not None:
            out.append((t.stem, dates.get(t.stem, ""), str(t), ann))
    return out


def run_claims(
    articles: list[tuple[str, str, str, Path]], shown_only: bool
) -> dict[str, list[dict[str, Any]]]:
    """The claims of each article by the code tree on the path (run in a child process)."""
    from factcheck import extract, ingest
    from factcheck.model import DEFAULT_MIN_SCORE

    out: dict[str, list[dict[str, Any]]] = {}
    for name, date, path, _ann in articles:
        text = Path(path).read_text(encoding="utf-8")
        art = ingest.article_from_record({"text": text, "date": date, "language": "en"}, path=path, key=name)
        if art.text != text:
            raise SystemExit(f"speakers_polnear: {name}: ingest changed the text; offsets would not match")
        out[name] = [
            {"s": c.start, "e": c.end, "sp": c.speaker}
            for c in extract.extract(art)
            if not shown_only or c.score >= DEFAULT_MIN_SCORE
        ]
    return out


def tree_claims(tree: Path, args: argparse.Namespace) -> dict[str, list[dict[str, Any]]]:
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    cmd = [sys.executable, str(Path(__file__).resolve()), f"--json={tree}", f"--polnear={args.polnear}"]
    cmd += (
        [f"--part={args.part}"]
        + (["--all"] if args.all else [])
        + ([f"--files={args.files}"] if args.files else [])
    )
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tree, check=False)
    if res.returncode != 0:
        sys.exit(f"speakers_polnear: {tree} failed: {res.stderr[-800:]}")
    got: dict[str, list[dict[str, Any]]] = json.loads(res.stdout)
    return got


def tally(
    articles: list[tuple[str, str, str, Path]], claims: dict[str, list[dict[str, Any]]]
) -> tuple[Counter[str], list[dict[str, Any]]]:
    counts: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for name, _date, path, ann in articles:
        text = Path(path).read_text(encoding="utf-8")
        score_article(name, text, read_ann(ann, text), claims[name], counts, errors)
    return counts, errors


def changed(
    articles: list[tuple[str, str, str, Path]],
    base: dict[str, list[dict[str, Any]]],
    new: dict[str, list[dict[str, Any]]],
) -> list[str]:
    """One line per claim shown by both trees whose speaker differs: base -> this tree, the gold source of the
    attribution covering most of the claim (None: no attribution), the claim; to be judged by reading."""
    lines = []
    for name, _date, path, ann in articles:
        text = Path(path).read_text(encoding="utf-8")
        attrs = read_ann(ann, text)
        old = {(c["s"], c["e"]): c["sp"] for c in base[name]}
        for c in new[name]:
            key = (c["s"], c["e"])
            if key not in old or old[key] == c["sp"]:
                continue
            s, e = key
            cover = {a.source: sum(max(0, min(e, b) - max(s, x)) for x, b in a.content) for a in attrs}
            gold = max(cover, key=lambda k: cover[k]) if cover and max(cover.values()) > 0 else None
            lines.append(f"  {name[:40]}: {old[key]!r} -> {c['sp']!r} (gold {gold!r}): {text[s:e][:150]}")
    return [f"\nspeakers changed: {len(lines)}", *lines]


def figures(counts: Counter[str], outlet: str | None) -> dict[str, int]:
    """The counts of one outlet (or all, ``None``) without the outlet prefix."""
    out: Counter[str] = Counter()
    for k, v in counts.items():
        o, rest = k.split("|", 1)
        if outlet is None or o == outlet:
            out[rest] += v
    return dict(out)


def share(f: dict[str, int], kind: str) -> str:
    r, w, m = (f.get(f"{kind}|{x}", 0) for x in ("right", "wrong", "missing"))
    n = r + w + m
    acc = f"{r / n:.3f}" if n else "n/a"
    given = f"{r / (r + w):.3f}" if r + w else "n/a"
    return f"{acc} ({r}/{n}; wrong {w}, missing {m}; right of given {given})"


def report(label: str, f: dict[str, int]) -> list[str]:
    unat = f.get("unattributed", 0)
    spur = f.get("spurious", 0)
    return [
        f"{label}",
        f"    name sources        {share(f, 'name')}",
        f"      speech cues       {share(f, 'name|speech')}",
        f"    pronoun sources     {share(f, 'pronoun')}",
        f"    nominal sources     {share(f, 'nominal')}",
        f"    spurious: {spur}/{unat} unattributed claims given a speaker"
        f" ({spur / unat if unat else 0:.3f}); left out: partial {f.get('partial', 0)}, first-person {f.get('first', 0)}",
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, required=True, help="PolNeAR's data folder (holds metadata.tsv)")
    ap.add_argument("--part", choices=("train", "dev", "test"), default="train")
    ap.add_argument("--base", type=Path, help="a second code tree, measured in the same run")
    ap.add_argument("--all", action="store_true", help="every claim, not only those shown by default")
    ap.add_argument("--errors", action="store_true", help="error families (train only)")
    ap.add_argument("--files", type=Path, help="only the articles named (one .txt file name a line)")
    ap.add_argument("--changed", action="store_true", help="claims whose speaker the trees differ on (train)")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--examples", type=int, default=6, help="examples per error family with -v")
    ap.add_argument("--json", type=Path, help=argparse.SUPPRESS)  # (one tree's claims, in a child process)
    args = ap.parse_args()
    only = set(args.files.read_text(encoding="utf-8").split()) if args.files else None
    articles = load_part(args.polnear, args.part, only)
    if args.json:
        print(json.dumps(run_claims(articles, not args.all)))
        return 0
    if args.errors and args.part != "train":
        sys.exit("speakers_polnear: error families are listed for train only (dev and test are for figures)")
    if args.changed and (args.part != "train" or not args.base):
        sys.exit("speakers_polnear: --changed lists train claims only, and needs --base")
    new_claims = tree_claims(ROOT, args)
    base_claims = tree_claims(args.base.resolve(), args) if args.base else None
    new_counts, errors = tally(articles, new_claims)
    base_counts = tally(articles, base_claims)[0] if base_claims is not None else None
    print(f"PolNeAR {args.part}: {len(articles)} articles, {'all' if args.all else 'shown'} claims")
    outlets = sorted({k.split("|", 1)[0] for k in new_counts})
    for outlet in [None, *outlets]:
        label = outlet or "ALL"
        print("\n".join(report(f"{label}  (this tree)", figures(new_counts, outlet))))
        if base_counts is not None:
            print("\n".join(report(f"{label}  (base {args.base})", figures(base_counts, outlet))))
    if args.changed and base_claims is not None:
        print("\n".join(changed(articles, base_claims, new_claims)))
    if args.errors:
        for key in ("shape", "family"):
            groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for e in errors:
                groups[e[key]].append(e)
            print(f"\nerror {key}s: count, distinct articles, outlets")
            for fam, es in sorted(groups.items(), key=lambda kv: -len(kv[1]))[
                : 40 if key == "family" else 100
            ]:
                arts = {e["article"] for e in es}
                outs = {e["outlet"] for e in es}
                print(f"  {len(es):5d} {len(arts):4d} {len(outs)}  {fam}")
                if args.verbose:
                    for e in es[: args.examples]:
                        print(f"          {e['article'][:40]}: {e['example']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
