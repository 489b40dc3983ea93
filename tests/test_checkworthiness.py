"""Check-worthiness: the examples of every language's ``checkworthiness`` resource, and what hides a claim."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from bench_modules import bench_module  # tests/bench_modules.py

from factcheck import extract, ingest, lang
from factcheck.model import DEFAULT_MIN_SCORE, Stance

REALWORLD = Path(__file__).parent / "fixtures" / "realworld"


def _examples() -> list[tuple[str, str, bool]]:
    out = []
    for code in lang.available("checkworthiness"):
        for ex in lang.resource(code, "checkworthiness").get("example", []):
            out.append((code, ex["text"], ex["shown"]))
    return out


def _score(text: str, language: str = "en") -> float:
    art = ingest.article_from_text(text + "\n", path="example.txt", key="example.txt")
    art.language = language
    claims = extract.extract(art, min_score=0.0)
    # no claim at all (the line is page furniture, e.g. an update stamp) is as hidden as it gets
    return max((c.score for c in claims), default=0.0)


@pytest.mark.parametrize(("code", "text", "shown"), _examples())
def test_resource_examples(code: str, text: str, shown: bool) -> None:
    score = _score(text, code)
    assert (score >= DEFAULT_MIN_SCORE) is shown, f"{score:.2f}: {text}"


def test_every_language_resource_has_both_kinds_of_example() -> None:
    assert lang.available("checkworthiness"), "no checkworthiness resource"
    for code in lang.available("checkworthiness"):
        shown = {ex["shown"] for ex in lang.resource(code, "checkworthiness").get("example", [])}
        assert shown == {True, False}, code


def test_time_digits_are_no_figure_and_time_words_no_superlative() -> None:
    # "Feb. 9" is a date, not a count; "the last decade" is a time, not a record
    assert extract.checkworthiness(
        "He said no award could be predicted on Feb. 9 at the gala.", 1, n_entities=0
    ) > extract.checkworthiness(
        "He said no award could be predicted on Feb. 9 at the gala.",
        1,
        n_entities=0,
        untimed="He said no award could be predicted on        at the gala.",
    )


def test_a_quoted_denial_stays_a_claim_and_a_quoted_feeling_does_not() -> None:
    denial = _score("“I have never influenced a single contract,” the minister wrote on Monday.")
    feeling = _score("“I feel both excited and relieved about all of it,” the minister wrote on Monday.")
    assert denial >= DEFAULT_MIN_SCORE > feeling


def test_the_vocabulary_of_a_language_without_the_resource_is_english() -> None:
    assert extract._cw_vocab("xx") == extract._cw_vocab("en")


def test_realworld_labels_are_unique_and_split() -> None:
    labels = tomllib.loads((REALWORLD / "labels.toml").read_text(encoding="utf-8"))
    splits = dict.fromkeys(
        (
            "dev",
            "dev2",
            "dev3",
            "dev4",
            "dev5",
            "dev6",
            "dev6h",
            "dev7",
            "dev7h",
            "dev8",
            "dev8h",
            "dev9",
            "dev9h",
            "dev10",
            "dev11",
            "dev11h",
            "dev12",
            "dev12h",
            "dev13",
            "dev13h",
            "dev14",
            "dev14h",
            "dev15",
            "dev15h",
            "dev16",
            "dev16h",
            "dev17",
            "dev17h",
            "heldout",
            "ecb",
            "fresh",
        ),
        0,
    )
    for entry in labels["article"]:
        splits[entry["split"]] += 1
        batch = ingest.load([str(REALWORLD / "articles" / entry["file"])])
        assert not batch.errors and batch.articles, entry["file"]
        text = batch.articles[0].text
        for m in [g["m"] for g in entry.get("claim", [])] + entry.get("either", []):
            assert text.count(m) == 1, (entry["file"], m)
        for g in entry.get("claim", []):
            assert set(g) <= {"m", "speaker", "kind", "speaker_any", "when", "when_ok"}, g
    assert splits["dev"] + splits["heldout"] >= 15 and splits["heldout"] >= 5 and splits["ecb"] >= 8
    assert splits["fresh"] >= 8  # the clean held-out split of round 4
    assert splits["dev2"] >= 10  # the second development split of round 5, of other outlets
    assert splits["dev3"] >= 10  # the third (round 6), of other outlets and other kinds of text
    assert splits["dev4"] >= 10  # the fourth (round 7), labelled before the extractor ran on it
    assert splits["dev5"] >= 10  # round 13's blind sample of unseen pages, labelled likewise
    assert splits["dev6"] >= 8 and splits["dev6h"] >= 8  # round 14's political news, in two halves
    assert splits["dev7"] >= 8 and splits["dev7h"] >= 8  # round 16's blind sample of news, in two halves
    assert splits["dev8"] >= 8 and splits["dev8h"] >= 8  # round 18's blind sample of 2023-2025 news, likewise
    assert splits["dev9"] >= 8 and splits["dev9h"] >= 8  # round 18's blind sample in German, French, Spanish
    assert (
        splits["dev10"] >= 8
    )  # round 22's blind sample of modern English news, labelled before the extractor
    assert splits["dev11"] == splits["dev11h"] == 6  # round 24's blind sample of English news, in two halves
    assert splits["dev12"] == splits["dev12h"] == 6  # round 25's, from postlight/parser's fixtures, likewise
    assert splits["dev13"] == splits["dev13h"] == 6  # round 26's, from the fixtures make_dev12 did not draw
    assert splits["dev14"] == splits["dev14h"] == 6  # round 28's, from htmldate's evaluation pages
    assert splits["dev15"] == splits["dev15h"] == 6  # round 31's, from fundus's parser test pages
    assert splits["dev16"] == splits["dev16h"] == 6  # round 32's, from fundus's pages dev15 left
    assert splits["dev17"] == 5 and splits["dev17h"] == 4  # round 34's, every fundus outlet dev15-16 left


def test_the_score_is_the_weighted_sum_of_its_terms() -> None:
    text = "Putin visited China on Tuesday with 300 officials."
    terms = extract._cw_terms(text, 1, 2, False, False)
    assert terms is not None
    occurred = terms.stance_terms(Stance.OCCURRED)
    # names, a count, a time, an event in the writer's own voice
    assert {"base", "entity", "more_entities", "figure", "time", "event", "plain_event", "mid_length"} <= set(
        occurred
    )
    assert "plain_event" not in terms.stance_terms(Stance.STATED)  # the bonus comes with the event only
    weights = extract._cw_vocab("en").weights
    expected = round(min(1.0, sum(weights[k] * n for k, n in occurred.items())), 3)
    assert extract.checkworthiness(text, 1, n_entities=2, event=Stance.OCCURRED) == expected


def test_a_quoted_reaction_loses_its_terms_only_without_an_event() -> None:
    text = "“It was all wonderful and we are so happy,” she said."
    terms = extract._cw_terms(text, 0, 0, True, True, quoted="It was all wonderful and we are so happy")
    assert terms is not None
    assert "quoted_self" in terms.stance_terms(Stance.STATED)
    assert "quoted_self" not in terms.stance_terms(Stance.OCCURRED)


def test_the_weights_name_every_term_and_no_other() -> None:
    weights = dict(extract._cw_vocab("en").weights)
    assert list(weights) == list(extract.CW_TERMS)
    del weights["time"]
    with pytest.raises(ValueError, match="missing \\['time'\\]"):
        extract._cw_weights(weights)
    with pytest.raises(ValueError, match="unknown \\['tone'\\]"):
        extract._cw_weights({**extract._cw_vocab("en").weights, "tone": 0.1})


def test_a_phrase_quoted_inside_the_writers_clause_is_read_with_the_clause() -> None:
    # the quoted phrase names nothing, the writer's clause around it names, counts and reports: a claim (a
    # dev5 page's shape; the rule also shows two ecb claims and 74 Snopes-checked ones, bench/claims_diff.py)
    text = (
        "Coach Jim Smith was fired in June.\n"
        "The NCAA report says Smith allegedly gave the player the money through his assistant, Paul Brown.\n"
        'Smith and Brown are accused of acting "contrary to principles of ethical conduct" by failing to report '
        "their involvement in NCAA rules violations, the report said.\n"
        '"I am so relieved and happy about all of it," the coach said.\n'
    )
    art = ingest.article_from_text(text, path="example.txt", key="example.txt")
    scores = {c.text.split()[0]: c.score for c in extract.extract(art, min_score=0.0)}
    assert scores["Smith"] >= DEFAULT_MIN_SCORE  # the phrase is part of the writer's report
    assert scores['"I'] < DEFAULT_MIN_SCORE  # a whole quotation that names and counts nothing stays hidden


def test_a_count_of_tens_and_units_in_words_is_a_number_word() -> None:
    vocab = extract._cw_vocab("en")
    assert {"forty-three", "twenty-nine", "eleven", "ninety", "one"} <= vocab.numbers
    assert "forty-eleven" not in vocab.numbers and "three-forty" not in vocab.numbers
    terms = extract._cw_terms("The poll gave Clinton forty-three percent of the vote.", 0, None, False, False)
    assert terms is not None and terms.always.get("number_word") == 1


def test_the_quality_bench_never_lists_the_held_out_splits_and_pools_dev6() -> None:
    q = bench_module("extract_quality")
    assert set(q.HELD_OUT) == {
        "fresh",
        "dev6h",
        "dev7h",
        "dev8h",
        "dev9h",
        "dev11h",
        "dev12h",
        "dev13h",
        "dev14h",
        "dev15h",
        "dev16h",
        "dev17h",
    } and not set(q.HELD_OUT) & set(q.LISTABLE)
    assert q.POOLED["dev6+dev6h"] == ("dev6", "dev6h") and q.POOLED["dev7+dev7h"] == ("dev7", "dev7h")
    assert q.POOLED["dev8+dev8h"] == ("dev8", "dev8h") and q.POOLED["dev9+dev9h"] == ("dev9", "dev9h")
    assert q.same_speaker("O'Neill", "James O’Neill") and not q.same_speaker("O'Neill", "James Bond")
    assert q.same_speaker("Murátov", "Muratov") and q.same_speaker("Jose Pérez", "José Pérez")  # accents
    assert not q.same_speaker("Murátov", "Moratov")
    a, b = (
        q.RealScores(shown=3, shown_ok=2, labelled=4, found=2),
        q.RealScores(shown=1, shown_ok=1, labelled=2),
    )
    summed = q.pooled([{"shown": a}, {"shown": b}])
    assert (summed.shown, summed.shown_ok, summed.labelled, summed.found) == (4, 3, 6, 2)


def test_an_evaluative_word_counts_in_the_writers_voice_only() -> None:
    text = "The council's plan to fix the roads was a paltry gesture towards the residents."
    own = extract._cw_terms(text, 0, 0, False, False)
    assert own is not None and own.always.get("evaluative") == 1
    quoted = "“The council's plan to fix the roads was a paltry gesture towards the residents,” she said."
    theirs = extract._cw_terms(quoted, 0, 0, True, True, quoted=text)
    assert theirs is not None and "evaluative" not in theirs.always
    # a word that only describes is not in the vocabulary: "toxic" materials, "torrential" rain
    assert extract._cw_vocab("en").evaluative.isdisjoint({"toxic", "torrential", "deliberately"})


def test_a_frame_takes_the_plain_event_away_and_a_reason_is_no_frame() -> None:
    framed = extract._cw_terms(
        "Saturday's rally was a reminder of the senator's unrestrained side.", 1, 1, False, False
    )
    assert framed is not None and framed.always.get("frame") == 1
    assert "plain_event" not in framed.stance_terms(Stance.OCCURRED)
    plain = extract._cw_terms("Saturday's rally was held in the senator's home town.", 1, 1, False, False)
    assert plain is not None and "frame" not in plain.always
    assert "plain_event" in plain.stance_terms(Stance.OCCURRED)
    # a reason is a cause, which can be checked; a kind among others is a reading
    reason = extract._cw_terms("The strike is one of the reasons output fell in March.", 1, 0, False, False)
    assert reason is not None and "frame" not in reason.always
    kind = extract._cw_terms(
        "Rising rents are one of the things driving families out of Lisbon.", 0, 1, False, False
    )
    assert kind is not None and kind.always.get("frame") == 1


def test_a_quoted_view_earns_no_event_bonus_whatever_the_stance() -> None:
    text = "“I will discuss with him and the Cabinet the way forward,” Governor John Rankin said."
    own = extract._cw_terms(
        text, 0, 2, True, True, quoted="I will discuss with him and the Cabinet the way forward"
    )
    assert own is not None and own.always.get("quoted_view") == 1
    # the view is the quotation's main clause: an event the stance reads elsewhere is not what it asserts, and
    # every stance that reports an event scores as an occurred one (what the extractor's stance gate assumes)
    for stance in (Stance.PLANNED, Stance.EXPECTED, Stance.OCCURRED, Stance.DENIED, Stance.ANNOUNCED):
        assert "event" not in own.stance_terms(stance)
        assert own.score(stance) == own.score(Stance.OCCURRED)
        assert not extract._cw_own_terms(own, stance)
    # an institution's plan keeps its event
    text = "“We will move cautiously on interest rates,” governor Ana Ruiz said."
    ours = extract._cw_terms(text, 0, 1, True, True, quoted="We will move cautiously on interest rates")
    assert ours is not None and "quoted_view" not in ours.always
    assert "event" in ours.stance_terms(Stance.PLANNED)


def test_a_perfect_a_passive_or_a_title_is_no_quoted_view() -> None:
    view = extract._cw_vocab("en").quoted_view
    assert view is not None
    for quoted in (
        "that’s tightened up the race in florida",  # 's = has: a perfect with its object
        "it’s been continued by the governor",
        "it was heard by your supporters",
    ):
        assert not view.search(quoted), quoted
    for quoted in (
        "it’s been a tough year",
        "it’s complicated",
        "it's a sign of the distemper",
        "that was a shame",
    ):
        assert view.search(quoted), quoted
    small = extract._cw_vocab("en").title_small_words
    assert extract._title_cased("He wrote a poem entitled “I Am a Christian.”", "I Am a Christian.", small)
    assert not extract._title_cased(
        "“That’s Jeb Bush and Marco Rubio.”", "That’s Jeb Bush and Marco Rubio.", small
    )
    assert not extract._title_cased("He wrote “I am a Christian.”", "I am a Christian.", small)


def test_we_with_a_verb_of_feeling_or_advice_is_a_quoted_view_but_an_institutions_act_is_not() -> None:
    view = extract._cw_vocab("en").quoted_view
    assert view is not None
    for quoted in (  # dev7 (ECB+ 16_9) and PolNeAR train (USA Today, 2016-06-03)
        "we understand and we appreciate the gravity of the decision that the jury had to make",
        "we think that these voters are particularly motivated, they're registering in big numbers",
        "we suggest applying the fix-it as soon as possible if you use ie to access the internet.",
    ):
        assert view.search(quoted), quoted
    for quoted in (
        "we will move cautiously on interest rates",
        "we found the car abandoned on the highway",
        "we have informed the families",
    ):
        assert not view.search(quoted), quoted


def test_a_peoples_adjective_names_its_country() -> None:
    court = extract._cw_terms("A Russian court sentenced him to prison.", 0, 0, False, False)
    country = extract._cw_terms("Russia sentenced him to prison.", 0, 1, False, False)
    assert court is not None and country is not None
    assert court.always.get("entity") == country.always.get("entity") == 1
    # a demonym the entity finder reads (U.S.), a language ("American English"), a plural: not counted here
    for text in (
        "U.S. officials said the talks failed.",
        "It is spelt so in American English today.",
        "The American people were angry about the talks.",  # no actor: a nation's people at large
    ):
        terms = extract._cw_terms(text, 0, 0, False, False)
        assert terms is not None and "entity" not in terms.always, text


def test_a_quoted_view_is_read_in_the_main_clause_after_a_fronted_clause() -> None:
    view = extract._cw_vocab("en").quoted_view
    assert view is not None
    for quoted in (
        "to avoid unnecessary speculation, i intend to move ahead with the report",
        "if the council rejects the plan, it will be a long fight",
        "we lost. right now, it's hard to say more",
    ):
        assert view.search(quoted), quoted
    for quoted in (
        "when the storm hit, it tore the roofs off 40 homes",  # a past event in the main clause
        "in 2010, it was the largest plant in the state",  # no fronted clause: a date
        "if you ask me it's too early",  # no comma: the pattern does not guess where the clause ends
        "it's important to remember that iraq was stable",  # a hedge that introduces a fact
    ):
        assert not view.search(quoted), quoted


def test_a_tribute_reported_of_someone_is_an_opinion_but_a_passive_reports_an_act() -> None:
    praised = extract._cw_terms(
        "She also congratulated Bernie Sanders for competing hard in several states.", 0, 1, False, False
    )
    assert praised is not None and praised.always.get("opinion") == 1
    passive = extract._cw_terms(
        "A boy named Lucas was praised as a hero for shooting a burglar.", 0, 1, False, False
    )
    assert passive is not None and "opinion" not in passive.always


_TRANSCRIPT = """Plumbers train as substitute teachers

SACHA PFEIFFER, HOST:

The Texas Legislature is holding a special session this week. The Texas Newsroom's Sergio Martinez-Beltran explains.

SERGIO MARTINEZ-BELTRAN, BYLINE: The march drew hundreds to the grounds of the Texas Capitol on Saturday.

(SOUNDBITE OF ARCHIVED RECORDING)

UNIDENTIFIED PERSON #1: This side, you're going to yell boot.

UNIDENTIFIED PERSON #4: Whoo (ph).

UNIDENTIFIED GROUP #1: (Chanting) Boot.

MARTINEZ-BELTRAN: Curts is getting help from her friend, Travis Cantwell, a plumber.
"""


def _shown(text: str) -> dict[str, float]:
    art = ingest.article_from_text(text, path="t.txt", key="t.txt")
    return {c.text: c.score for c in extract.extract(art, min_score=0.0) if c.score >= DEFAULT_MIN_SCORE}


def test_a_broadcast_transcripts_labels_chants_and_hand_overs_are_no_claims() -> None:
    shown = _shown(_TRANSCRIPT)
    assert not [t for t in shown if "UNIDENTIFIED" in t or "explains" in t], shown
    # a turn's statement stays a claim, scored on its spoken words
    turn = "SERGIO MARTINEZ-BELTRAN, BYLINE: The march drew hundreds to the grounds of the Texas Capitol on Saturday."
    assert turn in shown
    # the label is no name of the claim: the same words without it, in the same transcript, score the same
    alone = _shown(_TRANSCRIPT.replace("SERGIO MARTINEZ-BELTRAN, BYLINE: ", ""))
    assert shown[turn] == alone["The march drew hundreds to the grounds of the Texas Capitol on Saturday."]


def test_capitals_before_a_colon_make_no_transcript_below_three_lines() -> None:
    # one "UPDATE:" or "WASHINGTON:" line is no turn: its capitals still count as a name
    text = "Title\n\nWASHINGTON: Hundreds gathered on Saturday.\n\nThe march went on.\n"
    assert not extract._is_transcript(text, "en")
    assert extract._is_transcript(_TRANSCRIPT, "en")
    assert extract._turn_words("UNIDENTIFIED PERSON #1: This side.", "en") == len("UNIDENTIFIED PERSON #1: ")
    assert extract._turn_words("SEN. TED CRUZ (R-TX): We voted.", "en") == len("SEN. TED CRUZ (R-TX): ")
    assert (
        extract._turn_words("Rick: There was a fire.", "en") == 0
    )  # an interview's name: the speaker part's
    assert extract._too_few_spoken("(Chanting) Boot.", "en")
    assert not extract._too_few_spoken("(LAUGHTER) We voted for it in 2019.", "en")


def test_the_patterns_of_a_shared_table_open_with_a_word_boundary() -> None:
    # a table's patterns are searched as one alternation, at every position of a sentence that holds a trigger;
    # a pattern that opens with "^" or a lookbehind instead of \b keeps the regex engine from
    # skipping to the patterns' first letters, for the whole table (the speculation's guard, first written
    # as a leading lookbehind, made [uncertain] twenty times slower); a table of one or two patterns, run
    # only with its own words ([handover], [addressed]), may be anchored
    for code in lang.available("checkworthiness"):
        for name, table in lang.resource(code, "checkworthiness").items():
            pats = table.get("patterns", []) if isinstance(table, dict) else []
            if len(pats) < 3:
                continue
            for p in pats:
                assert p.startswith("\\b"), f"{code} [{name}]: {p[:40]}"


def test_a_short_quotation_that_names_nothing_is_no_present_act() -> None:
    # the present tense of a quoted assessment earns no event bonus; the same words told by the writer do
    quip = "“This lack of rain is keeping the threat of fire very real,” said Ana Ruiz, the utility's meteorologist."
    terms = extract._cw_terms(
        quip,
        0,
        0,
        True,
        True,
        content="This lack of rain is keeping the threat of fire very real,",
        quoted="This lack of rain is keeping the threat of fire very real,",
    )
    assert terms is not None and "quoted_nothing" in terms.without_event
    assert "event" not in terms.stance_terms(Stance.STATED)
    plain = extract._cw_terms("The utility is keeping fire crews ready in the north.", 0, 0, False, False)
    assert plain is not None and "event" in plain.stance_terms(Stance.STATED)
    # a long quotation that describes how something works keeps its present act
    words = "These messages include links to the ransomware and the link is presented as a link to an app that uses the victim’s photos"
    assert words.count(" ") >= extract.QUIP_WORDS
    long = extract._cw_terms(f"“{words},” said Ana Ruiz.", 0, 0, True, True, content=words, quoted=words)
    assert long is not None and "event" in long.stance_terms(Stance.STATED)


# a speaker's run of talk after the news: a paragraph of two sentences or more that counts and dates nothing
_BLACKOUTS = (
    "Rolling blackouts puzzle power experts\n\n"
    "California's grid operator ordered rolling blackouts on Friday and Saturday as 2 million homes lost power.\n\n"
    "“They set it up like this is a historic event,” said Bill Powers, an engineer who testifies before the "
    "state's regulators. “This should not have triggered blackouts.”\n"
)
_TENNIS = (
    "Nadal keeps Spain alive in the Davis Cup\n\n"
    "Rafael Nadal won his singles match on Tuesday and Spain beat Russia 2-1 in Madrid.\n\n"
    '"The format makes things very difficult because every mistake puts you in a bad position," Nadal said. '
    '"And losing that first match, we were under pressure."\n'
)


def test_a_quotation_in_a_paragraph_of_talk_after_the_news_counts_its_run() -> None:
    # two documents' shapes (an energy report, a sports report): the speaker's run after the news is hidden
    for text, quote in (
        (_BLACKOUTS, "“They set it up like this is a historic event,” said Bill Powers"),
        (_TENNIS, '"And losing that first match, we were under pressure."'),
    ):
        art = ingest.article_from_text(text, path="t.txt", key="t.txt")
        claims = {c.text: c.score for c in extract.extract(art, min_score=0.0)}
        run = next(s for t, s in claims.items() if t.startswith(quote))
        assert run < DEFAULT_MIN_SCORE, (quote, claims)
        # the news of the first paragraph stays shown
        assert max(claims.values()) >= DEFAULT_MIN_SCORE
        # the same paragraph dated, or as the article's first paragraph, is news: the run's term does not count
        for other in (
            text.replace(" said Bill Powers,", " said Bill Powers on Friday,").replace(
                " Nadal said.", " Nadal said on Tuesday."
            ),
            "\n\n".join(p for i, p in enumerate(text.split("\n\n")) if i != 1),
        ):
            art = ingest.article_from_text(other, path="t.txt", key="t.txt")
            again = [c for c in extract.extract(art, min_score=0.0) if c.text.startswith(quote[:30])]
            assert again and all(c.score > run for c in again), (other, again)


def test_a_bare_paragraph_comes_after_the_first_with_two_sentences_no_figure_and_no_time() -> None:
    text = (
        "Headline here\n\nThe mayor spoke at length. She praised the crews.\n\n"
        "“It was a long night,” she said. “We are proud of them.”\n\n"
        "“We hired 40 more staff,” she said. “They start soon.”\n\n"
        "“Next week we open the bridge,” she said. “It is ready.”\n\n"
        "“Thank you all,” she said.\n"
    )
    art = ingest.article_from_text(text, path="t.txt", key="t.txt")
    sents = extract._sentences(art)
    lead = next(st.line for st in sents if not st.title)
    times = extract._times_for(art)
    bare = {
        text[st.start : st.end][:12]
        for si, st in enumerate(sents)
        if extract._bare_paragraph(text, sents, si, lead, times)
    }
    # the lead (first body paragraph), a figure, a time and a lone sentence keep a paragraph from being bare
    assert bare == {"“It was a lo", "“We are prou"}, bare


def test_a_language_resource_adds_to_the_english_one() -> None:
    # German's lists extend English's (a quoted English post is still read), its pattern written alone replaces
    # English's (the English "me" of "hide.me" is no first person in German), and the weights stay English's
    de, en = extract._cw_vocab("de"), extract._cw_vocab("en")
    assert en.opinion < de.opinion and "hoffentlich" in de.opinion and "glad" in de.opinion
    assert en.advice.triggers < de.advice.triggers
    assert de.weights == en.weights
    assert en.personal is not None and en.personal.search("hide.me senkt die Preise")
    assert de.personal is not None and not de.personal.search("hide.me senkt die Preise")
    assert de.personal.search("Ich komme selbst aus der Bewegung")


def test_an_unnamed_group_of_opinion_holders_is_a_group_view_and_a_party_alone_is_not() -> None:
    voc = extract._cw_vocab("en")
    # a holder of views, whatever its quantifier; a bare quantifier as the speaker ("Some say ...")
    assert extract._group_view("critics", "Critics said he was playing a spoiler.", voc)
    assert extract._group_view("some", "Some have urged Republicans to focus on the election.", voc)
    # a party or a camp only after a quantifier, one word between allowed
    assert extract._group_view("Democrats", "But many Democrats say her lead hides worries.", voc)
    assert extract._group_view("Democrats", "Many liberal Democrats have also warned the Fed.", voc)
    assert not extract._group_view("Democrats", "Democrats said they are in far better shape.", voc)
    # sources of what happened, and analysts' forecasts (the labelled set's "Analysts warned that ..."), are no views
    for speaker in ("officials", "police", "witnesses", "analysts", "experts"):
        assert not extract._group_view(speaker, f"Some {speaker} said the road was closed.", voc)
    # the term costs the claim its place among the shown ones, not its attribution
    text = "Opponents say the wage increase will raise prices for consumers."
    assert _score(text) < DEFAULT_MIN_SCORE
    assert (
        _score("The mayor's office says the wage increase will raise prices for consumers.")
        >= DEFAULT_MIN_SCORE
    )


def test_a_first_person_want_or_expectation_is_an_opinion_but_a_comparison_with_it_is_not() -> None:
    # (a table of its own, [mind_view], counted as `opinion`: run only with its verbs, not with every "i" or "we")
    rule = extract._cw_vocab("en").mind_view
    words = {"expected", "want", "wanted", "regret"}
    for view in (
        "the allegations are consistent with what we expected",
        "we don't want to be like the rest of the world",
        "i just wanted to be at home",
        "i regret making them",
        "we didn't want to slide in the back door",
    ):
        assert rule.count(view, words) == 1, view
    for comparison in (
        "inflation has come down faster than we expected",
        "as we expected, the vote was close",
    ):
        assert rule.count(comparison, words) == 0, comparison
    # the labelled set's central bank sentence stays shown: a comparison with the forecast is a claim
    assert _score("Inflation has come down faster than we expected, the central bank said on Tuesday.") >= (
        DEFAULT_MIN_SCORE
    )


def test_no_doubt_is_an_opinion_but_no_way_to_know_and_no_need_are_not() -> None:
    rule = extract._cw_vocab("en").mind_view
    words = {"doubt", "question", "way", "need"}
    for view in (
        "there is no doubt that he leads",
        "there's no question she could win",
        "there's absolutely no way",
    ):
        assert rule.count(view, words) == 1, view
    for other in (
        "there was no way to know",
        "there is no question of a delay",
        "there was no need for a permit",
    ):
        assert rule.count(other, words) == 0, other


def test_code_a_reference_entry_or_an_ingredient_line_is_not_prose() -> None:
    voc = extract._cw_vocab("en")
    for text in (
        'File "a.py", line 6, in <module>',  # a traceback
        "- 7. •• Kardaun S et al. Drug reaction with eosinophilia and systemic symptoms.",  # after an item number
        "Motiv Emot 2009 Jan 6;33(1):88-97.",  # a journal's locator
        "target_port = 80  # create a socket object",  # an assignment and a name with underscores
        "- 1 – 1 1/2 tbsp light soya sauce",  # a range of a kitchen's unit
        "Rosenblum JL, Castro VM, Moore CE, Kaplan LM.",  # authors without "et al": a comma after a capital
    ):
        assert extract._not_prose(text, voc), text
    for text in (
        "langly_stunnel_key.pem (the key) and langly_stunnel_req.pem (the signing request) are created.",  # names alone
        "The log provides the O(log N) consistency proof and the witness stores the O(1) latest checkpoint.",
        "The talks (which began in 2019) resumed on Monday, officials said.",
        "On Monday, NBC and CBS reported that the talks had resumed.",  # its first comma after a small letter
        "Reuters UK, AP and AFP reported that the talks had resumed.",  # a comma after a capital, no initials
    ):
        assert not extract._not_prose(text, voc), text
    assert not extract._not_prose(
        "Motiv Emot 2009 Jan 6;33(1):88-97.", voc, digits=False
    )  # no digit: no locator read
    terms = extract._cw_terms('File "<stdin>", line 1, in <module> foo', 0, None, False, False)
    assert terms is not None and terms.always.get("not_prose") == 1 and not terms.plain_event


def test_a_quoted_view_is_read_after_an_opening_mark_left_in_the_quoted_words() -> None:
    # the New York Times' doubled apostrophe leaves its second mark at the start of the quoted words (PolNeAR train)
    view = extract._cw_vocab("en").quoted_view
    assert view is not None
    for quoted in (
        "'i do think fox news helped trump enormously,",
        "'i think i'll get there,",
        "‘it was a shame",
    ):
        assert view.search(quoted), quoted
    for quoted in ("'we found the car abandoned on the highway,", "'it was heard by your supporters"):
        assert not view.search(quoted), quoted


def test_the_speakers_feeling_about_themself_opening_a_quotation_is_a_view_whatever_it_counts() -> None:
    voc = extract._cw_vocab("en")
    for text, quoted in (
        (  # dev13's Uproxx page: the 24/7 is what the gratitude is about
            "“I will always be appreciative of his 24/7 dedication to our campaign,” Trump said in the statement.",
            "I will always be appreciative of his 24/7 dedication to our campaign,",
        ),
        (  # dev13's America Now page, after a sentence adverb
            '"Essentially, my major concern is and will always be my four children," she said.',
            "Essentially, my major concern is and will always be my four children,",
        ),
        ('"We are so thrilled to welcome them," said the director.', "We are so thrilled to welcome them,"),
        (  # dev9's embedded post: "I, for one," between the subject and its verb
            "“I, for one, am glad to see he is back, and well!” Trump tweeted.",
            "I, for one, am glad to see he is back, and well!",
        ),
        (  # a stand (PolNeAR train, two articles)
            '"We stand in solidarity and partnership with France, our oldest ally," the statement said.',
            "We stand in solidarity and partnership with France, our oldest ally,",
        ),
        (
            "“I stand by everything I said during the campaign,” the Florida senator told the magazine.",
            "I stand by everything I said during the campaign,",
        ),
    ):
        terms = extract._cw_terms(text, 0, 1, True, True, quoted=quoted)
        assert terms is not None and terms.always.get("quoted_view") == 1, text
        assert terms.always.get("opinion", 0) >= 1, text
    words = {"grateful", "heart", "stand"}
    for quoted in (
        "Luckily no-one has been hurt and we are very grateful to the fire service",  # a fact first
        "My Heart Will Go On",  # a title
        "We were told that 3,000 jobs would go by March",  # what was done to the speaker
        "We were standing outside when the roof collapsed",  # no stand taken
    ):
        assert not extract._self_view(quoted, voc, words), quoted


def test_a_one_that_counts_nothing_is_no_count_in_words() -> None:
    # [not_count]: "one" that picks a member of a kind or stands for a noun counts nothing; the sentence's other
    # number words, a member of a rank, "the only one" and a possessive's member still count
    voc = extract._cw_vocab("en")

    def counts(text: str) -> bool:
        low = text.lower()
        words = set(voc.words.findall(" " + low)) if voc.words else set()
        return bool(words & voc.numbers) and extract._counts_in_words(low, words, voc)

    assert not counts("It is one of the reasons they are still at the top of the tech game.")
    assert not counts("He was never one of those to get into trouble.")
    assert not counts("We need a superstructure like the one Plouffe built.")
    assert counts("One of the three suspects was arrested.")
    assert counts("The mosque is one of the oldest in this part of Florida.")
    assert counts("I'm the only one with foreign policy experience.")
    assert counts("In one of his films, he delivered the line.")
    assert counts("One of the American Government’s wartime powers was the War Finance Corporation.")
    assert counts("He was one of the few heads of state not invited.")
    assert counts("He anticipated that one of the biggest challenges would be the debt.")
    # "one-year" is no count word, and "one of those" counts nothing
    assert not counts("They signed a one-year contract and one of those deals.")
    # a quotation that counts nothing this way is no count either (``_counts``: the quoted words' count)
    assert not extract._counts("Whole Foods is one of the better ones, to be honest with you", voc)
    assert extract._counts("Two of the better ones closed", voc)


def test_the_writers_own_question_is_rhetorical_but_a_quoted_one_is_the_speakers() -> None:
    # `own_question`: a question nobody is quoted asking, whatever it names; not a quoted or attributed question,
    # nor a statement that leads in a question after a colon
    def own(text: str, attributed: bool = False, quoted: str | None = None) -> bool:
        terms = extract._cw_terms(text, 1, 3, attributed, False, quoted=quoted)
        assert terms is not None
        return "own_question" in terms.always

    assert own(
        "Why did the Federal Reserve raise interest rates three times in 2018 while inflation stayed low?"
    )
    assert not own("Why did the Federal Reserve raise interest rates three times in 2018?", attributed=True)
    assert not own(
        "“Why did the Fed raise rates three times in 2018?” the senator asked.",
        attributed=True,
        quoted="Why did the Fed raise rates three times in 2018?",
    )
    assert not own("The victory brought him closer to one simple question: Should he stay in the race?")
    assert not own("The Federal Reserve raised interest rates three times in 2018.")


def test_not_only_ranks_nothing() -> None:
    # [not_rank]: "not only ... but" joins two things said of a subject, it is no rank; "only" elsewhere in the
    # sentence and the sentence's other superlatives still rank
    def ranked(text: str) -> bool:
        terms = extract._cw_terms(text, 0, 1, False, False)
        assert terms is not None
        return "superlative" in terms.always

    assert not ranked("Action on climate change is not only a moral imperative but critical for industry.")
    assert not ranked("The fundraiser will not only raise money for his care but also make the public aware.")
    assert ranked("The bridge is not only the longest in Europe but also the most expensive.")
    assert ranked("It is not only cheap, it is the only plan that was costed.")
    assert ranked("Only 12 people came, not only because of the rain.")
    assert ranked("He was the only candidate who did not attend.")


def test_the_superlative_of_a_comparative_is_a_rank_and_greatest_a_judgement() -> None:
    # "coldest", "smallest", "fewest" rank like "highest" (a record, checkable); "greatest" is left out, a judgement
    # more often than a rank ("the greatest place in the world"), as "better" and "worse" are no comparatives
    def ranked(text: str) -> bool:
        terms = extract._cw_terms(text, 0, 1, False, False)
        assert terms is not None
        return "superlative" in terms.always

    assert ranked("Cheorwon claimed the coldest temperature in the country.")
    assert ranked("The company reported its smallest quarterly profit in years.")
    assert ranked("Missouri had the fewest delegates at stake that night.")
    assert ranked("It was the highest turnout in the country.")
    assert not ranked("This is the greatest place in the world.")
    assert (
        _score(
            "Cheorwon in Gangwon Province claimed the coldest temperature in the country at negative six-point-six degrees Celsius in the morning."
        )
        >= DEFAULT_MIN_SCORE
    )


def test_had_to_before_a_verb_is_an_act_done() -> None:
    # lang/en/stance.toml `past_obligation`: "had to carry" tells that the team carried him, an event that lifts
    # the score as a past tense would; "had to be" before no participle is an inference, a cue before it decides
    rescue = "The rescue team had to carry the man by stretcher down a glacier, walking two hours to reach a rescue helicopter."
    carried = "The rescue team carried the man by stretcher down a glacier, walking two hours to reach a rescue helicopter."
    assert _score(rescue) == _score(carried) >= DEFAULT_MIN_SCORE
    assert _score("He says the firemen also had to protect nearby buildings.") >= DEFAULT_MIN_SCORE
    assert _score("He says there had to be something driving her on.") < DEFAULT_MIN_SCORE


def test_the_signature_line_of_an_embedded_post_is_no_claim(tmp_path: Path) -> None:
    # [boilerplate] `start`: "— Name (@handle) date" under a post quoted in a page is its credit, which a page record's
    # text keeps as a line of its own; the post's words above it stay its author's, and the lines around it are read
    def claims(name: str) -> dict[str, float]:
        batch = ingest.load([str(name)])
        return {c.text: c.score for c in extract.extract(batch.articles[0], min_score=0.0)}

    real = claims(str(REALWORLD / "articles" / "dev9.fr.de.nordkorea.json"))  # a page of the dev9 split
    assert real["— Donald J. Trump (@realDonaldTrump) May 2, 2020"] < DEFAULT_MIN_SCORE
    probe = tmp_path / "probe.json"  # a written probe: a weather service's post quoted in a story
    lines = [
        "Police closed Highway 9 on Tuesday after flooding cut the road in two places, the county sheriff said.",
        "The weather service posted a warning on Twitter:",
        "Flash flood warning for Pinellas County until 6 p.m. pic.twitter.com/abc123",
        "— NWS Tampa Bay (@NWSTampaBay) May 2, 2020",
        "The road reopened on Wednesday morning.",
    ]
    probe.write_text(
        json.dumps({"title": "Highway closed by flooding", "text": "\n".join(lines)}), encoding="utf-8"
    )
    got = claims(str(probe))
    assert got[lines[3]] < DEFAULT_MIN_SCORE
    assert got[lines[0]] >= DEFAULT_MIN_SCORE
