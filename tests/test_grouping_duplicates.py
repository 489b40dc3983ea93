"""Near-duplicate articles (a page saved twice, a reprint): told by their word 5-grams, listed with a notice,
never a group of their own, their claims beside their original's in a group of other outlets."""

from __future__ import annotations

import datetime as dt
import re
import zlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import grouping, pipeline
from factcheck.grouping.duplicates import DuplicateIndex, original_of, shingles
from factcheck.model import Article, Claim, Entity, Segment, TimeRef

STORY = (
    "The city council of Northbridge voted on Tuesday to close the old river bridge to heavy traffic after "
    "engineers found deep cracks in two of its supporting piers. The mayor, Helen Marsh, said the closure "
    "would last at least six months while the county looks for money to repair the structure. Lorry drivers "
    "will have to take a detour of twelve miles through the industrial estate, and the bus company said two "
    "of its routes would change from next week. Local shop owners fear the detour will keep customers away "
    "from the high street during the busiest months of the year."
)
OTHER = (
    "A new exhibition of early photographs opened at the Lakeside gallery, showing the harbour as it looked "
    "a hundred years ago. The curator, Tom Reyes, spent two years collecting prints from families across the "
    "region, many of which had never been shown in public before. Visitors can also see the cameras the "
    "photographers used, and a room is given over to portraits of the fishing families of the old town. "
    "The gallery will stay open late on Thursdays until the end of the summer."
)


def page(key: str, text: str) -> Article:
    a = Article(path=key, key=key, id=key, text=text, published=dt.date(2024, 3, 5))
    a.segments = [Segment(0, len(text), "body")]
    return a


def test_the_same_text_with_other_furniture_is_a_near_duplicate_and_another_text_is_not() -> None:
    ix = DuplicateIndex()
    assert ix.add(page("a", STORY)) is None
    assert ix.add(page("other", OTHER)) is None
    edited = STORY.replace("Tuesday", "Wednesday") + " Share this article. Comments are closed."
    found = ix.add(page("b", edited))
    assert found is not None and found.of == "a" and found.shared >= 0.8
    assert "a" in found.reason()
    # a short excerpt of the article is not a copy of it (most of the article is not in it)
    assert ix.add(page("lede", STORY[:260])) is None


def test_furniture_is_not_compared() -> None:
    """Two different articles under the same long site furniture are not copies of each other."""
    furniture = " ".join(["Subscribe to our newsletter for the latest local news and offers"] * 6)
    ix = DuplicateIndex()
    for key, body in (("a", STORY), ("b", OTHER)):
        text = body + "\n" + furniture
        art = page(key, text)
        art.segments = [Segment(0, len(body), "body"), Segment(len(body) + 1, len(text), "furniture")]
        assert ix.add(art) is None


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(STORY.split() + OTHER.split()), min_size=0, max_size=200))
def test_shingles_are_a_function_of_the_words_alone(words: list[str]) -> None:
    text = " ".join(words)
    assert shingles(text) == shingles(text.upper().replace(" ", " , "))
    assert shingles(text) <= shingles(text + " and more words at the end of it")


def _shingles_by_definition(text: str) -> frozenset[int]:
    """Each run of five words joined and hashed on its own (what ``shingles`` computes from one encoded text)."""
    words = re.findall(r"[^\W_]+", text.casefold())
    runs = (" ".join(words[i : i + 5]).encode("utf-8", "surrogatepass") for i in range(len(words) - 4))
    return frozenset(h for h in map(zlib.crc32, runs) if h % 4 == 0)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [*STORY.split(), "Straße", "İstanbul", "ﬁnal", "日本語", "Ωmega", "\ud800x", "naïve"]
            ),
            st.text(max_size=12),
        ),
        max_size=60,
    ),
    st.sampled_from([" ", "  ", ", ", "\n", "—", " _ "]),
)
def test_shingles_are_the_crc_of_each_run_of_five_words(words: list[str], sep: str) -> None:
    text = sep.join(words)
    assert shingles(text) == _shingles_by_definition(text)


def claim(cid: str, key: str, text: str, when: str) -> Claim:
    return Claim(
        id=cid,
        article_id=key,
        article_key=key,
        start=0,
        end=len(text),
        text=text,
        when=[TimeRef(0, 1, when, "DATE", when)],
        entities=[Entity("Helen Marsh", "helen marsh", "person", "Helen Marsh")],
    )


def test_a_copy_makes_no_group_and_follows_its_original() -> None:
    a, b, c = (
        page("a", STORY),
        page("b", STORY + " Share this."),
        page("c", STORY.replace("council", "board")),
    )
    b.near_duplicate_of = "a"
    arts = {x.key: x for x in (a, b, c)}
    text = "Mayor Helen Marsh closed the old river bridge in Northbridge to heavy traffic on Tuesday"
    copies_only = [claim("a1", "a", text, "2024-03-05"), claim("b1", "b", text, "2024-03-05")]
    assert grouping.group_claims(copies_only, arts) == []
    other = claim(
        "c1",
        "c",
        "Helen Marsh said the old river bridge in Northbridge was closed to heavy traffic",
        "2024-03-05",
    )
    groups = grouping.group_claims([*copies_only, other], arts)
    assert [sorted(g.claims) for g in groups] == [["a1", "b1", "c1"]]
    assert groups[0].why["copies"] == ["b"]
    assert groups[0].id == grouping.cluster.group_id(["a1", "b1", "c1"])
    # copies of copies follow the first article; a copy of an article gone from the batch is no copy
    d = page("d", STORY)
    d.near_duplicate_of = "b"
    assert original_of(d, {**arts, "d": d}) == "a"
    assert original_of(d, {"d": d}) is None


def test_a_copys_claim_split_another_way_follows_the_claim_it_holds() -> None:
    a, b, c = page("a", STORY), page("b", STORY), page("c", STORY.replace("council", "board"))
    b.near_duplicate_of = "a"
    arts = {x.key: x for x in (a, b, c)}
    text = "Mayor Helen Marsh closed the old river bridge in Northbridge to heavy traffic on Tuesday"
    other = claim(
        "c1",
        "c",
        "Helen Marsh said the old river bridge in Northbridge was closed to heavy traffic",
        "2024-03-05",
    )
    # the copy's page ran the sentence on into the next one: its claim holds the original's
    longer = claim("b1", "b", text + ", and lorries take a detour", "2024-03-05")
    groups = grouping.group_claims([claim("a1", "a", text, "2024-03-05"), longer, other], arts)
    assert [sorted(g.claims) for g in groups] == [["a1", "b1", "c1"]]
    # a few words in common are no such hold ("on Tuesday")
    short = claim("b2", "b", "on Tuesday", "2024-03-05")
    groups = grouping.group_claims([claim("a1", "a", text, "2024-03-05"), short, other], arts)
    assert [sorted(g.claims) for g in groups] == [["a1", "c1"]]


def test_the_pipeline_lists_a_page_saved_twice(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Home | News | Sport\n" + STORY + "\nShare this article\n", encoding="utf-8"
    )
    (tmp_path / "c.txt").write_text(OTHER + "\n", encoding="utf-8")
    corpus = pipeline.build([tmp_path])
    a, b, c = corpus.articles
    assert b.near_duplicate_of == "a.txt" and not b.duplicate_of
    assert any("a.txt" in n and "a copy" in n for n in b.notices)
    assert a.near_duplicate_of is None and c.near_duplicate_of is None
    assert corpus.groups == []


def test_a_copys_notice_names_the_article_by_outlet_and_title_short_and_true(tmp_path: Path) -> None:
    """The near-copy notice named record files ("nearly the same text as fetched/127.0.0.1-ae912833011b.json
    (93% of its word sequences): a copy, grouped only beside fetched/…'s claims"): 4 rows at 80x24, its last
    word cut, and "grouped only beside" read as if the copy joined a group. It now names the article by its
    outlet and title, says what its claims do (a copy makes no group: they follow its original's), and is
    short."""
    from factcheck.review import Review

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    head = '+++\noutlet = "{}"\n+++\nBridge closed to lorries after cracks found\n\n'
    (corpus / "a.txt").write_text(head.format("Northbridge Post") + STORY + "\n", encoding="utf-8")
    (corpus / "b.txt").write_text(
        head.format("County Wire") + "Home | News | Sport\n" + STORY + "\nShare this article\n",
        encoding="utf-8",
    )
    r = Review.open(tmp_path / "s.toml", [str(corpus)])
    try:
        b = r.corpus.article("b.txt")
        assert b is not None and b.near_duplicate_of == "a.txt"
        (said,) = [n for n in r.notices(b) if "copy" in n]
        assert said.startswith("nearly a copy (100%) of Northbridge Post 'Bridge closed to lorries"), said
        assert said.endswith(": its claims follow that one's groups"), said
        assert "a.txt" not in said and "grouped only beside" not in said
        assert len(said) <= 120, said
    finally:
        r.close()


def test_extract_names_a_copys_original_by_outlet_and_title_as_the_review_does(
    tmp_path: Path, capsys
) -> None:
    """`factcheck extract` printed the copy notice with the original's key ("nearly a copy (100%) of a.txt:
    …"; for a fetched page, "of fetched/127.0.0.1-ae912833011b.json"), where the review names it by outlet
    and title. It names it as the review does now; `extract --json` keeps the key (scripts read it)."""
    from factcheck.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    head = '+++\noutlet = "{}"\n+++\nBridge closed to lorries after cracks found\n\n'
    (corpus / "a.txt").write_text(head.format("Northbridge Post") + STORY + "\n", encoding="utf-8")
    (corpus / "b.txt").write_text(
        head.format("County Wire") + STORY + "\nShare this article\n", encoding="utf-8"
    )
    main(["extract", str(corpus)])
    err = capsys.readouterr().err
    (said,) = [line for line in err.splitlines() if "copy" in line]
    assert "of Northbridge Post 'Bridge closed to lorries" in said, err
    assert " of a.txt:" not in said, err
    main(["extract", "--json", str(corpus)])
    assert " of a.txt: " in capsys.readouterr().out


def test_a_copy_named_like_its_original_also_names_the_originals_file(tmp_path: Path, capsys) -> None:
    """A page saved as .html and as its trafilatura .json in one folder: both read "BeFifty 'Das vielleicht
    schönste Ende der Welt:…'", and "befifty.montauk.json: a copy of BeFifty 'Das vielleicht …'" did not say
    which file is the original. When the copy's own outlet and title are the original's, its file is named."""
    from factcheck.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    head = '+++\noutlet = "Northbridge Post"\n+++\nBridge closed to lorries after cracks found\n\n'
    (corpus / "a.txt").write_text(head + STORY + "\n", encoding="utf-8")
    (corpus / "b.txt").write_text(head + STORY + "\nShare this article\n", encoding="utf-8")
    main(["extract", str(corpus)])
    err = capsys.readouterr().err
    (said,) = [line for line in err.splitlines() if "copy" in line]
    assert (
        "b.txt: " in said
        and " of Northbridge Post 'Bridge closed to lorries after cracks…' (a.txt): " in said
    ), err
