"""A plain text's first line gives an outlet only when the part after its " - " / " | " / " — " names one.

The shapes come from ECB+ texts (tokenised: every hyphen is spaced), where a compound's hyphen ("Break - In",
"face - off", "two - party") or a kicker label ("Breaking News - ...") was read as the line's site.
"""

from __future__ import annotations

import pytest

from factcheck.ingest import article_from_text
from factcheck.lang import available, resource

BODY = (
    "The county sheriff said on Monday that three people were hurt in the incident and that the "
    "investigation would go on for several weeks.\n"
    "Officials told reporters that more details would be released later this week after the families "
    "had been informed.\n"
)


def _read(first_line: str) -> tuple[str | None, str | None]:
    a = article_from_text(first_line + "\n" + BODY, path="a.txt", key="a.txt")
    return a.title, a.outlet


@pytest.mark.parametrize(
    "line",
    [
        # a compound's hyphen, the word after it in lower case ("two-party", "face-off", "90-day")
        "Parliamentary elections in Turkmenistan to be held on two - party basis",
        "MUST SEE : Navy pins down Somali pirates in heroic face - off",
        "Lindsay Lohan checks into rehab to begin 90 - day stint , lawyer says",
        # a compound's hyphen before a particle ("Break-In", "Shake-Up") or a chain ("Hit-And-Run")
        "Frederick LaRue , 75 ; Had Key Role in Coverup of the Watergate Break - In",
        "Prison Agency Faces Shake - Up",
        "Cops : Queens Woman Killed In Hit - And - Run",
        # a score or a range between two numbers
        "Colts Clinch Playoff Spot with 20 - 13 Win Over Chiefs",
        # a subtitle in quotation marks, a clause after a comma
        "Lindsay Lohan Checks Into Betty Ford Rehab - Where She 'Knows Everyone'",
        "Woman Killed In Queens Hit - Run , Driver Charged",
    ],
)
def test_a_tail_that_names_no_outlet_stays_in_the_title(line: str) -> None:
    title, outlet = _read(line)
    assert outlet is None
    assert title == line


@pytest.mark.parametrize(
    "line",
    [
        "Breaking News - Three People Shot in Office Shooting in Suburban Detroit",
        "BREAKING NEWS - 3 Dead After Molotov Cocktail Hits Bank",
        # the headline after a site's name opens with a capital: "ram-raiders", "hit-run" are compounds
        "Ram - raiders hit Paris jewellery store for two million euros",
        "Hit - run crash leaves Queens mother of two dead",
    ],
)
def test_a_label_or_a_compound_before_the_headline_is_no_outlet(line: str) -> None:
    _title, outlet = _read(line)
    assert outlet is None


@pytest.mark.parametrize(
    ("line", "title", "outlet"),
    [
        ("Bridge closed after barge strike - Reuters", "Bridge closed after barge strike", "Reuters"),
        (
            "Bridge closed after barge strike | The Guardian",
            "Bridge closed after barge strike",
            "The Guardian",
        ),
        ("Bridge closed after barge strike - BBC News", "Bridge closed after barge strike", "BBC News"),
        (
            "Bridge closed after barge strike — Harbour Times",
            "Bridge closed after barge strike",
            "Harbour Times",
        ),
        (
            "Bridge closed after barge strike | Times of India",
            "Bridge closed after barge strike",
            "Times of India",
        ),
        (
            "Bridge closed after barge strike - harbourtimes.com",
            "Bridge closed after barge strike",
            "harbourtimes.com",
        ),
        ("Bridge closed after barge strike - NPR", "Bridge closed after barge strike", "NPR"),
    ],
)
def test_a_real_outlet_tail_is_the_outlet(line: str, title: str, outlet: str) -> None:
    assert _read(line) == (title, outlet)


def _label_examples() -> list[tuple[str, str, str]]:
    return [
        (lang, *ex) for lang in available("titles") for ex in resource(lang, "titles").get("examples", [])
    ]


@pytest.mark.parametrize(("lang", "line", "outlet"), _label_examples())
def test_title_label_examples(lang: str, line: str, outlet: str) -> None:
    a = article_from_text(line + "\n" + BODY, path="a.txt", key="a.txt")
    assert (a.outlet or "") == outlet, line


def test_a_headline_of_function_words_keeps_its_site() -> None:
    # ("What we do" is no particle of a compound "Hit - And - Run": a headline of short words)
    assert _read("What we do - Creative Commons") == ("What we do", "Creative Commons")


@pytest.mark.parametrize(
    "text",
    [
        # one line (Thai closes no sentence with a mark): the whole text was its title
        "รัฐบาลประกาศเมื่อวันอังคารว่างบประมาณจะเพิ่มขึ้นร้อยละห้า รัฐมนตรีกระทรวงการคลังกล่าวว่าอัตราการว่างงานลดลง\n",
        # two paragraphs, the first too long for a headline: the last paragraph was the title
        "กรุงเทพมหานคร เมื่อวันจันทร์ที่ผ่านมา กระทรวงสาธารณสุขได้ประกาศมาตรการใหม่เพื่อรับมือกับการระบาดของโรค"
        "ไข้เลือดออก ซึ่งมีผู้ป่วยเพิ่มขึ้นกว่าสามพันรายในเดือนที่ผ่านมา เจ้าหน้าที่ระบุว่าจะมีการฉีดพ่นยากำจัดยุงใน"
        "พื้นที่เสี่ยงทั่วประเทศ และขอให้ประชาชนช่วยกันกำจัดแหล่งเพาะพันธุ์ยุงลายในบ้านเรือน\n\n"
        "นายแพทย์ผู้เชี่ยวชาญกล่าวว่า สถานการณ์ปีนี้รุนแรงกว่าปีที่แล้ว เนื่องจากฝนตกชุกและอุณหภูมิสูง\n",
    ],
)
def test_a_text_with_no_sentence_marks_takes_no_line_below_it_for_a_title(text: str) -> None:
    """A headline stands above the text: the last line of a text (its only one, or its last paragraph) is
    none, so an article with no title line is untitled (named by its key or its first words, as other
    untitled articles are) instead of being titled with its whole text."""
    a = article_from_text(text, path="th.txt", key="th.txt")
    assert a.title is None, a.title


def test_a_headline_over_unpunctuated_paragraphs_is_still_the_title() -> None:
    a = article_from_text(
        "Dengue cases triple in Bangkok\nOfficials said cases rose to three thousand this month\n"
        "Spraying will start in every district next week\n",
        path="a.txt",
        key="a.txt",
    )
    assert a.title == "Dengue cases triple in Bangkok"


@pytest.mark.parametrize("text", ["", "Claim\n\n"])
def test_a_text_of_one_headline_line_keeps_it_as_its_title_and_claim(text: str) -> None:
    """A claim checked alone, one line with no full stop (alone, or under a one-word label, as the
    Snopes-checked claims are read): no text stands above it, so the line is the text's title and its claim."""
    from factcheck.extract import extract
    from factcheck.model import DEFAULT_MIN_SCORE

    a = article_from_text(text + "Facebook has banned the sale of firearms\n", path="c.txt", key="c.txt")
    assert a.title == "Facebook has banned the sale of firearms"
    shown = [c.text for c in extract(a) if c.score >= DEFAULT_MIN_SCORE]
    assert shown == ["Facebook has banned the sale of firearms"]
