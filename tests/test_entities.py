from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck import entities
from factcheck.entities import Resolver, mentions, norm_key


def _resolve(sentences: list[str]) -> list[list[tuple[str, str, str]]]:
    per = [mentions(s) for s in sentences]
    r = Resolver([m for ms in per for m in ms])
    return [[(e.text, e.name, e.kind) for e in r.entities(ms)] for ms in per]


def test_titles_are_stripped_and_kinds_found() -> None:
    [ents] = _resolve(
        ["Russian President Vladimir Putin will attend the Belt and Road Forum in Beijing, the Kremlin said."]
    )
    assert ("Vladimir Putin", "Vladimir Putin", "person") in ents
    assert ("Belt and Road Forum", "Belt and Road Forum", "event") in ents
    assert ("Beijing", "Beijing", "place") in ents
    assert ("Kremlin", "Kremlin", "org") in ents


def test_a_links_host_or_path_names_nobody() -> None:
    # "NlyEv9U3rD" of a t.co link or "News" of a path is no name; the names around the link stay, offsets too
    text = "Whatever you say, Donald! https://t.co/NlyEv9U3rD"
    assert [(m.text, text[m.start : m.end]) for m in mentions(text)] == [("Donald", "Donald")]
    text = "Trump on Fox News Sunday says so pic.twitter.com/OUiKqj8qjV and www.example.com/News/Today too."
    assert {m.text for m in mentions(text)} == {"Trump", "Fox News Sunday"}
    # a sentence of a longer text: the link is blanked in that sentence only
    text = "Read www.example.com/Paris now. Macron visited Paris on Monday."
    start = text.index("Macron")
    assert [m.text for m in mentions(text, start)] == ["Macron", "Paris"]
    assert [m.text for m in mentions(text, 0, start)] == []


def test_surname_and_given_name_aliases_resolve_within_the_article() -> None:
    out = _resolve(
        [
            "Russian President Vladimir Putin met Chinese President Xi Jinping.",
            "Putin said the talks went well.",
            "Xi visited Moscow last March.",
        ]
    )
    assert ("Putin", "Vladimir Putin", "person") in out[1]
    assert ("Xi", "Xi Jinping", "person") in out[2]


def test_spelling_variants_merge_with_rapidfuzz() -> None:
    out = _resolve(
        ["Foreign Minister Sergey Lavrov arrived.", "Sergei Lavrov spoke to reporters.", "Zelenskyy left."]
    )
    assert out[1][0][1] == "Sergey Lavrov"


def test_definite_descriptions_resolve_only_when_unambiguous() -> None:
    out = _resolve(
        [
            "Russian President Vladimir Putin met Chinese Foreign Minister Wang Yi.",
            "The Chinese diplomat later met the Russian leader.",
        ]
    )
    names = {n for _, n, _ in out[1]}
    assert names == {"Wang Yi", "Vladimir Putin"}
    # two Russian leaders named: "the Russian leader" is not safe to resolve
    out2 = _resolve(
        [
            "Russian President Vladimir Putin and former Russian President Dmitry Medvedev spoke.",
            "The Russian leader left early.",
        ]
    )
    assert all(n not in ("Vladimir Putin", "Dmitry Medvedev") for _, n, _ in out2[1])


def test_role_word_before_name_marks_a_person() -> None:
    [ents] = _resolve(["Kremlin spokesman Dmitry Peskov said the plan was ready."])
    assert ("Dmitry Peskov", "Dmitry Peskov", "person") in ents


def test_possessive_country_before_title() -> None:
    [ents] = _resolve(["China’s President Xi Jinping told reporters in Paris that trade would grow."])
    assert ("China", "China", "place") in ents
    assert ("Xi Jinping", "Xi Jinping", "person") in ents
    assert ("Paris", "Paris", "place") in ents


def test_sentence_initial_words_and_demonyms_are_not_entities() -> None:
    [ents] = _resolve(["Regarding the conflict, Russian officials and Western diplomats disagreed."])
    assert ents == []


def test_country_compounds_split_into_places() -> None:
    [ents] = _resolve(["The Russia-Ukraine conflict dominated the talks in Gaza."])
    names = [n for _, n, _ in ents]
    assert names[:2] == ["Russia", "Ukraine"]


def test_keys_are_usable_across_articles() -> None:
    assert norm_key("Vladimir Putin") == "vladimir putin"
    assert norm_key("Volodymyr Zelenskyy’s") == "volodymyr zelenskyy"
    assert norm_key("Zürich") == "zurich"
    out_a = _resolve(["The U.S. and Britain signed the pact."])
    out_b = _resolve(["The United States and the United Kingdom signed the pact."])
    keys = lambda out: {n for _, n, _ in out[0]}  # noqa: E731
    assert keys(out_a) == keys(out_b) == {"United States", "United Kingdom"}


def test_same_person_across_articles() -> None:
    from factcheck.entities import same_person

    assert same_person("putin", "vladimir putin")
    assert same_person("vladimir putin", "v putin")
    assert same_person("xi", "xi jinping")
    assert same_person("volodymyr zelensky", "volodymyr zelenskyy")
    assert not same_person("joe biden", "hunter biden")
    assert not same_person("vladimir putin", "xi jinping")
    assert not same_person("", "putin")


def test_acronym_ended_names_and_org_tails_are_organisations_and_titles_are_not() -> None:
    def kinds(s: str) -> dict[str, str]:
        return {m.text: m.kind for m in mentions(s)}

    assert kinds("Prices rose, according to the Norwegian NBP hub.").get("Norwegian NBP") == "org"
    assert kinds("The report by Coastal Rights Watch was published.").get("Coastal Rights Watch") == "org"
    assert kinds("His son, Amos Brandt III, said he died in his sleep.").get("Amos Brandt III") == "person"
    assert kinds("Museum President Clara Stein opened the show.").get("Clara Stein") == "person"
    assert kinds("Acme CTO Ravi Menon said the flaw was fixed.").get("Ravi Menon") == "person"
    assert "Early November" not in kinds("Early November the ship sailed for Djibouti.")


_OLD_CAPTOK = (
    r"(?:(?:[A-Z]\.){2,}|(?:St|Mt|Ft|Gen|Lt|Col|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|Sgt|Capt|Adm|Maj)\.|"
    r"[A-Z][\w’'\-]*[\w’']|" + entities._INITIAL + r"|[A-Z])"
)
_OLD_CONNECT = r"(?:of|and|&|the|for|de|da|del|der|den|van|von|bin|al|le|la|du|dos|das|della|delle|degli|dei|di|des|ibn|el)"
_NAME_PIECES = st.sampled_from(
    [
        *"Mr Mrs Ms Dr St Gen Maj U.S. A. The the of and & de del della van Bin Putin Kremlin Russian".split(),
        *"President leader spokesman top House White".split(),
        *[" ", "  ", "\t", ".", ",", "’s", "'", "-", "é", "\n"],
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_NAME_PIECES | st.text(max_size=2), max_size=14).map("".join), st.integers(0, 20))
@example("A. MrMr", 0)  # an initial before a name: one span since the first initial joined its name
def test_name_and_description_scans_are_the_alternation_patterns(text: str, start: int) -> None:
    import re

    # the alternations spelled out; the pieces added since (a first name given as an initial, "A. J. Smith";
    # an Arabic article joined by a hyphen; a generational suffix) are the pattern's own
    old_span = re.compile(
        rf"[A-Z](?<![\w’'\-.][A-Z])(?:\.(?:[A-Z]\.)+|{entities._FIRST_INITIAL}|{entities._ABBR_REST}|[\w’'\-]*[\w’']|)"
        rf"(?:[ \t]+(?:{_OLD_CONNECT}[ \t]+)*(?:{entities._HYPHEN_PARTICLE})?{_OLD_CAPTOK})*"
        rf"(?:,?[ \t]+{entities._SUFFIX})?"
    )
    assert [m.span() for m in entities._SPAN_CAP.finditer(text, start)] == [
        m.span() for m in old_span.finditer(text, start)
    ]
    new_start = r"[Tt](?<!\w.)he\s+"
    assert entities._DEF_DESC.pattern.startswith(new_start)
    old_desc = re.compile(r"(?=[Tt]he\s)\b[Tt]he\s+" + entities._DEF_DESC.pattern.removeprefix(new_start))
    assert [(m.span(), m.groupdict()) for m in entities._DEF_DESC.finditer(text, start)] == [
        (m.span(), m.groupdict()) for m in old_desc.finditer(text, start)
    ]


def test_a_name_after_port_of_or_near_is_a_place() -> None:
    kinds = {
        m.text: m.kind
        for m in mentions("The quake struck near the port of Bandar Kashi and outside Vila Serra.")
    }
    assert kinds.get("Bandar Kashi") == "place"
    assert kinds.get("Vila Serra") == "place"


def test_a_body_of_something_after_a_place_is_an_organisation_and_a_suffix_no_title() -> None:
    for text, name, kind in (
        ("The Florida Department of Health said it had 12 cases.", "Florida Department of Health", "org"),
        ("The Brazilian Ministry of Health reported 40 deaths.", "Brazilian Ministry of Health", "org"),
        ("Martin Luther King Jr. led the march in 1963.", "Martin Luther King Jr", "person"),
        ("NATO Secretary General Mark Rutte met the minister.", "Mark Rutte", "person"),
        ("John A. B. Smith met the minister.", "John A. B. Smith", "person"),  # never cut at initials
    ):
        got = [(m.text, m.kind) for m in entities.mentions(text, 0, len(text))]
        assert (name, kind) in got, (text, got)


def test_a_title_of_several_words_is_not_part_of_the_name() -> None:
    def persons(text: str) -> list[str]:
        return [m.text for m in mentions(text) if m.kind == "person"]

    assert persons("The 76ers President and General Manager Billy King spoke.") == ["Billy King"]
    assert persons("Its Chief Operating Officer Jane Roe spoke.") == ["Jane Roe"]
    assert persons("Governor Gary Player spoke.") == ["Gary Player"]  # (the name's last word stays)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("New York Congressman Pete King spoke to reporters.", "Pete King"),
        ("Iowa Rep. Steve King spoke to reporters.", "Steve King"),
        ("Florida Sen. Amy Bishop spoke to reporters.", "Amy Bishop"),
        ("Martin Luther King Jr. spoke to reporters.", "Martin Luther King Jr"),
    ],
)
def test_a_title_after_a_place_goes_when_the_surname_is_a_title_word(text: str, name: str) -> None:
    # ("King", "Bishop" end the name: the title is the one before the name)
    assert [m.text for m in mentions(text) if m.kind == "person"] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("U.S. Attorney Denise E. O'Donnell declined to comment.", "Denise E. O'Donnell"),
        ("Robert F. O'Rourke spoke on Monday.", "Robert F. O'Rourke"),
        ("J. D'Souza spoke on Monday.", "J. D'Souza"),
        ("Denise E. Smith spoke on Monday.", "Denise E. Smith"),
    ],
)
def test_an_initial_before_an_irish_or_elided_surname_stays_in_the_name(text: str, name: str) -> None:
    persons = [m.text for m in entities.mentions(text, 0, len(text)) if m.kind == "person"]
    assert persons == [name]


def test_a_demonym_of_two_words_names_no_one() -> None:
    # "North Korean" is no person before "leader Kim Jong Un", and the leader's country is North Korea
    ms = mentions("North Korean leader Kim Jong Un said on Monday that talks would resume.")
    assert [(m.text, m.kind, m.nation) for m in ms if m.kind == "person"] == [
        ("Kim Jong Un", "person", "North Korea")
    ]
    ms = mentions("His Chinese counterpart Xi Jinping said the visit was a success.")
    assert [(m.text, m.nation) for m in ms if m.kind == "person"] == [("Xi Jinping", "China")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Democrat Hillary Clinton said on Friday that she would win.", ("Hillary Clinton", "person")),
        ("Tory Boris Johnson said on Friday that he would win.", ("Boris Johnson", "person")),
        (
            "The Republican National Committee said on Friday that it would sue.",
            ("Republican National Committee", "org"),
        ),
        # where the member sits, before the party: a chamber or a state
        ("House Republican John Doe said on Friday that he would win.", ("John Doe", "person")),
        ("Senate Democrat Jane Roe said on Friday that she would win.", ("Jane Roe", "person")),
        ("Ohio Democrat Jane Roe said on Friday that she would win.", ("Jane Roe", "person")),
        ("The Texas Republican Party said on Friday that it would sue.", ("Texas Republican Party", "org")),
    ],
)
def test_a_party_member_before_a_full_name_is_no_part_of_it(text: str, found: tuple[str, str]) -> None:
    assert [(m.text, m.kind) for m in mentions(text) if m.kind in ("person", "org")] == [found]


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("Labour MP Chi Onwurah said the report was damning.", ["Chi Onwurah"]),
        ("Chi Onwurah, the Labour MP for Newcastle Central, said the report was damning.", ["Chi Onwurah"]),
        ("The Secretary of State for Health said the report was damning.", []),
    ],
)
def test_a_member_of_parliament_is_a_title_and_what_a_title_is_for_no_name(
    text: str, persons: list[str]
) -> None:
    assert [m.text for m in mentions(text) if m.kind == "person"] == persons


def test_a_headline_run_holding_a_full_name_leaves_the_surname_to_that_person() -> None:
    out = _resolve(
        [
            "Donald Trump Tweets A Wildly Inaccurate Graphic To Portray Voters",
            "Donald Trump on Sunday tweeted a chart.",
            "Trump subsequently defended the incident.",
        ]
    )
    assert ("Trump", "Donald Trump", "person") in out[2]
    assert out[0][0][1:] == ("Donald Trump", "person")  # the run is that person
    # a run holding two persons is neither of them; its words stay theirs
    out = _resolve(
        ["Hillary Clinton Ties Donald Trump In New Poll", "Hillary Clinton led.", "Clinton spoke."]
    )
    assert ("Clinton", "Hillary Clinton", "person") in out[2]


def test_only_names_of_three_words_or_more_are_checked_for_a_name_they_hold() -> None:
    # a name of one or two words cannot hold another full name and two words more: such names are compared
    # with no other name (an article's two-word names were all compared pairwise)
    persons = ["Jane Smith", "Donald Trump", "New York Congressman Pete King", "Madonna", "Donald Trump Jr"]
    words = {p: p.count(" ") + 1 for p in persons}
    assert entities._name_holders(persons, words) == ["New York Congressman Pete King", "Donald Trump Jr"]


def test_a_name_one_word_longer_is_another_person() -> None:
    out = _resolve(["Donald Trump Jr. spoke.", "Donald Trump spoke.", "Trump left."])
    assert [e for e in out[0] if e[2] == "person"] == [("Donald Trump Jr", "Donald Trump Jr", "person")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # (PolNeAR train politico 2016-05-23, usa-today 2016-03-24: the party word was glued to the surname)
        (
            "Republicans Jolly of Indian Shores and DeSantis of Ponte Vedra Beach are against it.",
            ["Jolly", "DeSantis"],
        ),
        ("Republican Trump and Democrat Clinton have criticized Nabisco for the move.", ["Trump", "Clinton"]),
    ],
)
def test_a_party_member_before_a_surname_is_no_part_of_it(text: str, names: list[str]) -> None:
    found = [m.text for m in mentions(text)]
    assert set(names) <= set(found)
    assert not [t for t in found if t.split()[0] in ("Republican", "Republicans", "Democrat")]


def test_a_party_member_before_a_chamber_names_no_surname() -> None:
    assert "House" not in [m.text for m in mentions("Republican House leaders met on Friday.")]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # "&" inside one of the run's words: an organisation (the run's joined words are searched for it)
        ("Analysts at S&P Global Ratings cut the outlook.", "S&P Global Ratings", "org"),
        # a head word before "of" inside the run (tested only when the run holds an "of")
        (
            "The Texas Department of State Health Services said so.",
            "Texas Department of State Health Services",
            "org",
        ),
        (
            "The Secretary of State Antony Blinken spoke.",
            "Antony Blinken",
            "person",
        ),  # an "of", no head before it
        # every word in capitals (tested only when the first one is): an organisation; a first word in capitals
        # alone leaves a person
        ("Shares of HSBC UK rose.", "HSBC UK", "org"),
        ("Mr JD Vance spoke.", "JD Vance", "person"),
        # a run of three words or more with no title word after its first: no title to look for in it
        ("Sarah Jane Parker spoke.", "Sarah Jane Parker", "person"),
        ("NATO Secretary General Mark Rutte spoke.", "Mark Rutte", "person"),
    ],
)
def test_the_cheap_tests_before_the_word_walks_leave_each_kind(text: str, name: str, kind: str) -> None:
    got = [(m.text, m.kind) for m in entities.mentions(text, 0, len(text))]
    assert (name, kind) in got, got


@given(st.text(alphabet=st.sampled_from(list("ab C\t\n\u00a0\u2003.,’"))))
def test_the_last_word_is_the_last_of_the_split_words(text: str) -> None:
    words = text.split()
    assert entities._last_word(text) == (words[-1] if words else "")


def test_a_role_word_before_a_name_still_reads_the_nation_before_it() -> None:
    got = {
        m.text: (m.kind, m.nation, m.role)
        for m in mentions("He met his Chinese counterpart Wang Yi in Rome.")
    }
    assert got["Wang Yi"][0] == "person" and got["Wang Yi"][1] == "China"
    kinds = {m.text: m.kind for m in mentions("The union said carmaker Brenner would cut jobs.")}
    assert kinds.get("Brenner") == "org"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # (PolNeAR train breitbart 2016-07-13, wash-post 2015-11-24: base, the whole run an organisation)
        (
            "Senate Majority Leader Mitch McConnell said on Tuesday that it was inappropriate.",
            [("Mitch McConnell", "person")],
        ),
        (
            "Senate Minority Leader Harry M. Reid told reporters the bill would fail.",
            [("Harry M. Reid", "person")],
        ),
        ("Senate Judiciary Chairman Jane Roe said the hearing would go ahead.", [("Jane Roe", "person")]),
        # a committee of the chamber stays an organisation; so does the chamber's title with no name after it
        (
            "The Senate Foreign Relations Committee said it would meet.",
            [("Senate Foreign Relations Committee", "org")],
        ),
        ("The Senate Majority Leader said it would meet.", [("Senate Majority Leader", "org")]),
    ],
)
def test_a_chamber_before_a_title_and_a_name_opens_the_title(text: str, found: list[tuple[str, str]]) -> None:
    assert [(m.text, m.kind) for m in mentions(text) if m.kind in ("person", "org")] == found


def test_a_headline_run_seen_first_is_not_the_person_it_ends_with() -> None:
    # (PolNeAR train huff-post 2016-08-12, 2015-12-17: the title-case headline came first and the person named
    # in the body was read as a variant of it)
    text = (
        "Why Progressives Are Celebrating Hillary Clinton\n\n"
        "Hillary Clinton said on Thursday that the tax cuts would go to wealthy people."
    )
    resolver = Resolver(mentions(text))
    assert resolver.canonical_person("Hillary Clinton") == "Hillary Clinton"
    assert resolver.canonical_person("Clinton") == "Hillary Clinton"
    # a fuller name of the same person is still the one a shorter form stands for
    text = "Hillary Rodham Clinton spoke in Iowa.\n\nRodham Clinton said on Thursday that the cuts would go."
    assert Resolver(mentions(text)).canonical_person("Rodham Clinton") == "Hillary Rodham Clinton"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # (theverge.com, realworld-dev: the feature quoted once, named bare later)
        (
            "However, the new “FaceTime Attention Correction” feature appears to use some kind of image "
            "manipulation. How iOS 13 FaceTime Attention Correction works: it simply uses ARKit.",
            "FaceTime Attention Correction",
        ),
        # (tonedeaf.thebrag.com, trafilatura half A: the single named bare first, quoted later)
        (
            "Officially released on Valentine’s Day, Pale Blue Dot / Lift Off and its feature single, ‘Lift Off’ "
            "may be an electronic dreamscape of textured synths.",
            "Lift Off",
        ),
    ],
)
def test_a_name_quoted_as_a_title_is_no_person_anywhere_in_the_article(text: str, name: str) -> None:
    ms = entities.mentions(text, lang="en")
    resolver = entities.Resolver(ms)
    kinds = {e.kind for e in resolver.entities(ms) if e.name == name}
    assert kinds == {"misc"}, kinds
    assert name not in resolver.persons


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # (standard.co.uk, dev3; ECB+ 2_11): the speaker and the claim's entity are one organisation
        (
            "Figures from the European Centre for Disease Prevention and Control revealed a surge of coronavirus "
            "cases in Poland and Italy.",
            "European Centre for Disease Prevention and Control",
        ),
        (
            "The Academy of Motion Pictures Arts and Sciences announced this morning that Ellen DeGeneres would "
            "return to the Academy Awards as emcee.",
            "Academy of Motion Pictures Arts and Sciences",
        ),
    ],
)
def test_an_organisation_speaker_is_an_organisation_among_the_claims_entities(text: str, name: str) -> None:
    from factcheck import extract, ingest

    art = ingest.article_from_record(
        {"text": text, "date": "2020-09-01", "language": "en"}, path="x.json", key="x"
    )
    [claim] = [c for c in extract.extract(art, min_score=0.0) if c.speaker]
    assert (claim.speaker, claim.speaker_kind) == (name, "organisation")
    assert {e.kind for e in claim.entities if e.name == name} == {"org"}
