"""Unnamed sources: one form for the speaker, and phrases whose head words after it say who they are."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.attribution import attribute, unnamed_form


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Officials", "officials"),
        ("officials", "officials"),
        ("Two sources", "two sources"),
        ("One Democratic official", "one Democratic official"),
        ("Public health experts", "public health experts"),
        # a common word that opens a name stays as written
        ("State Department official", "State Department official"),
        ("Trump campaign source", "Trump campaign source"),
        ("Americans", "Americans"),
    ],
)
def test_unnamed_form(name: str, form: str) -> None:
    assert unnamed_form(name) == form


@given(st.text(max_size=40))
def test_unnamed_form_changes_at_most_the_first_letter_case(name: str) -> None:
    form = unnamed_form(name)
    assert form[1:] == name[1:] and form[:1].lower() == name[:1].lower()
    assert unnamed_form(form) == form


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the bridge would reopen in March.",
        "The bridge would reopen in March, officials said.",
        "The bridge would reopen in March, according to officials.",
    ],
)
def test_an_unnamed_source_has_one_form_wherever_it_stands(text: str) -> None:
    att = attribute(text)
    assert att is not None and (att.speaker, att.kind) == ("officials", "anonymous")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A source close to the campaign said the plan was dropped.", "source close to the campaign"),
        ("The plan was dropped, a source close to the campaign said.", "source close to the campaign"),
        ("The plan was dropped, said a person close to Trump.", "person close to Trump"),
        (
            "Multiple sources privy to negotiations say the plan was dropped.",
            "multiple sources privy to negotiations",
        ),
        (
            "People with direct knowledge of the work said that the plan was dropped.",
            "people with direct knowledge of the work",
        ),
        (
            "Committee sources who spoke on the condition of anonymity said the plan was dropped.",
            "Committee sources",
        ),
    ],
)
def test_a_postmodified_unnamed_source_speaks(text: str, speaker: str) -> None:
    att = attribute(text)
    assert att is not None and (att.speaker, att.kind) == (speaker, "anonymous")


def test_a_named_person_close_to_someone_is_no_unnamed_source() -> None:
    att = attribute("Trump, who is close to the donors, said the plan was dropped.")
    assert att is not None and att.speaker == "Trump"


def test_only_spaces_after_an_inverted_verb_is_no_source() -> None:
    # (found by the hypothesis test of two-apostrophe quotation marks: an IndexError before)
    assert attribute("'' said  ''") is None
