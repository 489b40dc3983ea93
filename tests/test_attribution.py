from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck import attribution
from factcheck.attribution import attribute, classify_source


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "chain"),
    [
        ("Putin said he was glad to accept the invitation.", "Putin", "person", []),
        (
            "Kremlin spokesperson Dmitry Peskov said the visit was being prepared.",
            "Dmitry Peskov",
            "person",
            [],
        ),
        (
            '"Several visits are being prepared," Kremlin spokesperson Dmitry Peskov said.',
            "Dmitry Peskov",
            "person",
            [],
        ),
        ('"We will win," said Ukrainian President Volodymyr Zelensky.', "Volodymyr Zelensky", "person", []),
        (
            "Xi told Putin that Beijing and Moscow should cooperate, according to Chinese state media.",
            "Xi",
            "person",
            ["Chinese state media"],
        ),
        (
            "The leaders will sign several agreements, according to Chinese state media.",
            "Chinese state media",
            "media",
            ["Chinese state media"],
        ),
        (
            "Putin is expected to visit China in May, Reuters reported on March 19, citing five sources familiar with the matter.",
            "five sources familiar with the matter",
            "anonymous",
            ["Reuters", "five sources familiar with the matter"],
        ),
        (
            "Putin embarked on a state visit to China on Thursday, as reported by CNN.",
            "CNN",
            "outlet",
            ["CNN"],
        ),
        (
            "Putin said that he has plans to visit China this May, Kyodo reported citing Russian news agency TASS.",
            "Putin",
            "person",
            ["Kyodo", "TASS"],
        ),
        (
            "“I have a visit scheduled in May,” Putin was quoted as saying, Kyodo reported.",
            "Putin",
            "person",
            ["Kyodo"],
        ),
        (
            "Reuters' sources said Putin will likely arrive in May.",
            "Reuters' sources",
            "anonymous",
            ["Reuters"],
        ),
        (
            "Two of the sources said that the trip will precede the visit.",
            "two of the sources",
            "anonymous",
            [],
        ),
        (
            "The Kremlin did not confirm nor deny the planned visit in a comment for Reuters.",
            "Kremlin",
            "organisation",
            ["Reuters"],
        ),
        (
            "In an interview with Chinese state media Xinhua prior to his trip, Putin lauded the partnership.",
            "Putin",
            "person",
            ["Xinhua"],
        ),
        (
            "Xi said peace talks would not be smooth, according to state broadcaster CCTV.",
            "Xi",
            "person",
            ["CCTV"],
        ),
        (
            "The New York Times reported that the deal was signed.",
            "New York Times",
            "outlet",
            ["New York Times"],
        ),
        (
            "A senior US official, speaking on condition of anonymity, said the talks failed.",
            "senior US official",
            "anonymous",
            [],
        ),
        ("Police said the suspect was arrested on Monday.", "Police", "organisation", []),
        (
            "According to a statement from the Kremlin, the talks will take place in June.",
            "Kremlin",
            "organisation",
            [],
        ),
        ("The state news agency KCNA said the missile flew 600 km.", "KCNA", "media", ["KCNA"]),
        # "X told Y": X speaks, the outlet told is the chain; an unnamed speaker in lower case
        (
            "“We ask for privacy,” the 41-year-old singer's manager Paula Grant told the magazine exclusively.",
            "Paula Grant",
            "person",
            ["magazine"],
        ),
        (
            "The crew was freed on Sunday, a shipping monitor told Reuters.",
            "shipping monitor",
            "anonymous",
            ["Reuters"],
        ),
        (
            "A witness told the Daily Record Friday that the car sped off.",
            "witness",
            "anonymous",
            ["Daily Record"],
        ),
        # abbreviated titles stay inside the speaker's phrase
        ("“It was a setup,” said county police Lt. Dana Whitfield.", "Dana Whitfield", "person", []),
        ("The suspect fled on foot, Sgt. Omar Haddad of the city police said.", "Omar Haddad", "person", []),
        (
            "“We tried to help,” said Sgt. Rosa Llorente with the Riverton Police Department.",
            "Rosa Llorente",
            "person",
            [],
        ),
        # a name after "the" is an organisation's; a person named by role; a name and its affiliation
        ("The Blue Jays said on Monday that the pitcher had signed.", "Blue Jays", "organisation", []),
        ("The Rev. Amos Whitcombe said the chapel would reopen.", "Amos Whitcombe", "person", []),
        (
            "“We acted within the rules,” said the Coast Guard commander.",
            "Coast Guard commander",
            "person",
            [],
        ),
        ("Brazil's navy said it had seized two tonnes of cocaine.", "Brazil's navy", "organisation", []),
        ("Helen Marsh from the Red Cross said the aid convoy had arrived.", "Helen Marsh", "person", []),
        # a sentence subject that is a capitalised word of the police kind, before "and say"
        (
            "Police stopped the van near the bridge and say they found 40 kg of heroin.",
            "Police",
            "organisation",
            [],
        ),
    ],
)
def test_attribution_patterns(text: str, speaker: str, kind: str, chain: list[str]) -> None:
    att = attribute(text)
    assert att is not None
    assert (att.speaker, att.kind, att.chain) == (speaker, kind, chain)


@pytest.mark.parametrize(
    "text",
    [
        "The storm killed 12 people in the region.",
        "China and Russia held joint naval maneuvers in the Pacific last August.",
        "The announcement by Putin came shortly after Blinken landed in Beijing.",
        # speech verbs used as ordinary verbs: a quantity for object reports no speech
        "The county board added another $20,000 to the reward fund.",
        "The retailer added 1,200 jobs in the last quarter.",
        "Marta Ruiz added 15 points and eight rebounds for the visitors.",
        "The club posted a record profit of 40 million euros.",
        # an adverb that opens the sentence is no speaker of "and reported"
        "Shortly after midnight a neighbour called the fire brigade and reported smoke in the hall.",
        # a passive "told" names no outlet
        "The family had not been told whether the driver would be charged.",
    ],
)
def test_no_attribution(text: str) -> None:
    assert attribute(text) is None


def test_pronoun_speaker_left_for_context() -> None:
    att = attribute("He said the visit would demonstrate the closeness of relations.")
    assert att is not None and att.speaker is None and att.pronoun == "he"


def test_content_span_excludes_the_framing_clause() -> None:
    text = "Kremlin spokesman Dmitry Peskov said Putin will receive Wang Yi."
    att = attribute(text)
    assert att is not None and att.content is not None
    assert text[att.content[0] : att.content[1]].strip() == "Putin will receive Wang Yi."


@pytest.mark.parametrize(
    ("np", "name", "kind"),
    [
        ("Russian President Vladimir Putin", "Vladimir Putin", "person"),
        ("Chinese state media", "Chinese state media", "media"),
        ("Russian state television", "Russian state television", "media"),
        ("Russian news agency TASS", "TASS", "media"),
        ("the Kremlin", "Kremlin", "organisation"),
        ("five sources familiar with the matter", "five sources familiar with the matter", "anonymous"),
        ("Reuters", "Reuters", "outlet"),
        ("the Foreign Ministry", "Foreign Ministry", "organisation"),
    ],
)
def test_classify_source(np: str, name: str, kind: str) -> None:
    src = classify_source(np)
    assert src is not None and (src.name, src.kind) == (name, kind)


def test_an_outlet_that_was_told_is_the_chain_not_the_speaker() -> None:
    att = attribute(
        "A man who said he was the driver's brother told local reporters on Friday that the car was stolen."
    )
    assert att is None or att.speaker is None
    att = attribute(
        "A woman who said she was his cousin told news outlets Thursday that the shop had closed."
    )
    assert att is not None and att.speaker is None and att.chain == ["news outlets"]


def test_a_reporter_of_an_outlet_reports_through_the_outlet() -> None:
    att = attribute("Dana Keller of Harbour Radio reports that three league sources said the deal was done.")
    assert att is not None
    assert (att.speaker, att.kind, att.chain) == ("three league sources", "anonymous", ["Harbour Radio"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["said", "says", "told", "warned", " ", "_", "é", "x", "9", "’", "-", "\u00b2", "\u0663", "ǅ"]
        )
        | st.text(max_size=3),
        max_size=12,
    ).map("".join)
)
def test_say_verb_scan_is_the_word_boundary_scan(text: str) -> None:
    import re

    old = re.compile(r"[^\w](?:" + attribution.trie_pattern(attribution.SAY_VERBS) + r")\b")
    padded = " " + text
    assert [m.span() for m in attribution._SAY_RE.finditer(padded)] == [
        m.span() for m in old.finditer(padded)
    ]
    # the word-run test that skips the scan skips only texts where it finds nothing
    assert [m.span() for m in attribution.say_verb_matches(text)] == [m.span() for m in old.finditer(padded)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Dr.",
                "U.S.",
                "St",
                "A.",
                " ",
                "  ",
                "\t",
                "\n",
                "\xa0",
                "\u2009",
                ",",
                "’",
                "-",
                "é",
                "&",
                "AT&T",
            ]
        )
        | st.text(max_size=3),
        max_size=15,
    ).map("".join),
    st.integers(0, 60),
    st.integers(0, 60),
)
@example("A&Dr.", 0, 5)  # (failed on 8d6dba6's test: its reference knew no "&" inside a name)
def test_tokens_are_the_token_matches(text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    # (a text with an "&" keeps it inside a name between capitals: "AT&T", "A&D")
    token = attribution._TOKEN_AMPERSAND if "&" in text[start:end] else attribution._TOKEN
    want = [(m.group(), m.start(), m.end()) for m in token.finditer(text, start, end)]
    assert attribution._tokens(text, start, end) == want
    token = attribution._TOKEN_AMPERSAND if "&" in text else attribution._TOKEN
    assert attribution._tokens(text) == [(m.group(), m.start(), m.end()) for m in token.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Walter", "A.", "B.", "Clyburn", "Reed", "Sen.", "said", "of", "the", "X.", "Reeds", "o'Neil"]
        ),
        max_size=8,
    ),
    st.lists(st.sampled_from(["Clyburn", "Reed", "B.", "Reeds", "A."]), min_size=1, max_size=3),
)
def test_name_with_initials_equals_the_per_name_pattern(words: list[str], name_words: list[str]) -> None:
    """The fixed-pattern lookup gives what the per-name regex it replaced gave."""
    import re

    from factcheck.attribution import _with_initials

    np, name = " ".join(words + name_words + words[:2]), " ".join(name_words)
    old = re.search(r"(?:[A-Z][\w’'-]+\s+)(?:[A-Z]\.\s+)+" + re.escape(name) + r"\b", np)
    assert _with_initials(np, name) == (old.group(0) if old else name)


def test_a_preposition_opens_no_speaker_s_name() -> None:
    # the phrase before a speech verb cut after a preposition: the name after it, else no one
    assert attribution.classify_source("in a statement") is None
    src = attribution.classify_source("of 2016 Dion")
    assert src is not None and src.name == "Dion"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["''", "``", "'", "`", '"', "“", "”", "said", "Smith", ",", ".", " ", "It's", "x"]),
        max_size=14,
    ).map("".join)
)
def test_two_apostrophes_are_read_as_a_quotation_mark_in_place(text: str) -> None:
    """Quotation marks written as two apostrophes or backquotes are read as '"' / '“' with every offset kept:
    the attribution's spans are spans of the text as written."""
    read = attribution.plain_text_quotes(text)
    assert len(read) == len(text)
    assert "''" not in read and "``" not in read
    assert all(a == b for a, b in zip(text, read, strict=True) if a not in "'`")
    att = attribute(text)
    if att is not None:
        assert all(0 <= s <= e <= len(text) for s, e in att.spans)


def test_a_quotation_in_two_apostrophes_frames_like_one_in_double_quotes() -> None:
    for q in ("''", '"'):
        att = attribute(f"{q}The plant will close in May,{q} said Robert McDonough, a senior executive.")
        assert att is not None
        assert (att.speaker, att.kind) == ("Robert McDonough", "person")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a plain speech participle: the named subject of the main clause, after any opening phrase
        ("After the vote, Cruz dropped out of the race, saying he saw no path to victory.", "Cruz"),
        (
            "In 2016, Mrs. Schlafly endorsed Donald J. Trump for president, saying he had the courage.",
            "Schlafly",
        ),
        # never past the verb, nor past a pronoun subject ("he"), nor a name inside a quotation that follows
        (
            "In interviews on Sunday, he defended Mr. Trump's views, saying that Mr. Trump would be firm.",
            None,
        ),
        ("When Trump spoke, the crowd cheered, saying his name.", None),
        # asides of any shape between the opening name and its verb
        ("Cory James, 22, of Flint, Mich., said he had not given up hope.", "Cory James"),
        ("And Trump, said Sunshine, who remains friendly with her former boss, does not forget.", "Sunshine"),
        # a legislator's party and state, with and without a comma after them
        ("Gov. John Kasich (R-OH), said the state had added 400,000 jobs.", "John Kasich"),
    ],
)
def test_named_subjects_of_the_main_clause(text: str, speaker: str | None) -> None:
    att = attribute(text)
    assert (att.speaker if att else None) == speaker


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("It is impossible, Russian Prime Minister Mikhail Mishustin", "prime minister"),
        ("New York (AFP) – Vice President Joe Biden", "vice president"),
        ("On Monday, New Zealand Prime Minister Jacinda Ardern", "prime minister"),  # (a place of two words)
        ("said Defense Secretary Jim Mattis", "defense secretary"),
        ("Deputy Prime Minister Eva Dahl", "deputy prime minister"),  # the whole title, not its tail
        ("Boeing spokesman Dan Hart", "boeing spokesman"),
        ("Mayor Jane Smith", None),  # one word: the title word alone is read elsewhere
        ("Russian President Vladimir Putin", None),  # a demonym and the role: the role alone
        ("the prime minister, Anna Berg", None),  # no capitalised title right before the name
        ("U.S. Sen. Marco Rubio", None),  # no role word before the name
    ],
)
def test_compound_title_before(text: str, title: str | None) -> None:
    name = text.rsplit(" ", 2)[-2]
    assert attribution.compound_title_before(text, text.rindex(name)) == title


@given(
    st.lists(
        st.sampled_from(["Deputy", "Acting", "Defense", "Health", "Prime", "Vice", "Foreign"]),
        min_size=1,
        max_size=3,
    ),
    st.sampled_from(["Minister", "Secretary", "President", "spokesman", "Chancellor"]),
)
def test_a_compound_title_is_the_words_before_the_name(modifiers: list[str], role: str) -> None:
    text = f"On Monday, {' '.join(modifiers)} {role} Ann Lee"
    assert attribution.compound_title_before(text, text.index("Ann")) == " ".join([*modifiers, role]).lower()
