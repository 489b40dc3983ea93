"""Tense of the clause around an expression: decides the direction of bare weekdays, months and seasons."""

from __future__ import annotations

import re

from factcheck.lang import resource
from factcheck.temporal.vocab import _DEADLINE_WORDS, _VOCAB, _may_end_in

_TENSE = resource("en", "tense")  # the clause scan's English words: factcheck/lang/en/tense.toml

# --------------------------------------------------------------------------------------------
# Tense of the clause around an expression
# --------------------------------------------------------------------------------------------

_FUTURE_WORDS = frozenset(_TENSE["future_words"])
# "due to" + one of these (or of [vocab] to_verbs) is a plan: "due to appear in court on Tuesday"
_DUE_TO_VERBS = frozenset(_TENSE["due_to_verbs"])
# a promise looks ahead only to what is promised ("promised to deliver by Friday"), not from when it was made
_PROMISE_VERBS = frozenset(_TENSE["promise_verbs"])
# a finite verb right after an expression makes the expression its subject
_FINITE_AFTER_SUBJECT = frozenset(_TENSE["finite_after_subject"])
_FUTURE_IF_TO = frozenset(_TENSE["future_if_to"])
_PAST_PLANNING_ACTS = frozenset(_TENSE["past_planning_acts"])
# "to" + one of these ([vocab] to_verbs) is an infinitive that looks ahead: "to visit Moscow in May"
_TO_VERBS = frozenset(_VOCAB["to_verbs"])
_OPENING_QUOTES = frozenset('"“')
_PAST_WORDS = frozenset(_TENSE["past_words"])
# present forms of verbs that start or end a period or a meeting: scheduled, ahead ("his term ends in December")
_SCHEDULE_S_FORMS = frozenset(_TENSE["schedule_s_forms"])
# ... and the first word of a date right after one ("ends Sept. 30", "expires Friday")
_DATE_WORD = re.compile(
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$"
)
# modals that look ahead with a bare verb after them ("should finish", "may close"); not before these
_MODALS_AHEAD = frozenset(_TENSE["modals_ahead"])
_NOT_AHEAD_AFTER_MODAL = frozenset(_TENSE["not_ahead_after_modal"])
# a negated modal of obligation or possibility looks ahead as the modal does when a bare verb follows ("must not only
# win in November", "should not appear on the March 15 ballot"); not "may not have", "should not be" (a state or a
# guess), nor "can't", often a rhetorical present ("You can't trash us in February and then come back")
_NEGATABLE_MODALS = frozenset(_TENSE["negatable_modals"])
_NEGATED_MODALS = frozenset(_TENSE["negated_modals"])
_NEGATION_FILLERS = frozenset(_TENSE["negation_fillers"])
# a conditional or time clause whose first finite verb is a present auxiliary looks ahead: "if he is the nominee in
# November" ([vocab] conditional_openers, present_auxiliaries, past_auxiliaries)
_CONDITIONAL_OPENERS = frozenset(_VOCAB["conditional_openers"])
_PRESENT_AUX = frozenset(_VOCAB["present_auxiliaries"])
_PAST_AUX = frozenset(_VOCAB["past_auxiliaries"])
# past forms that are the bare verb too and, unlike "set"/"hit", mostly verbs: past right after a subject
_BARE_PAST_AFTER_SUBJECT = frozenset(_TENSE["bare_past_after_subject"])
_SUBJECT_PRONOUNS = frozenset(_TENSE["subject_pronouns"])
# a determiner opening a noun subject ("the bank", "its board") and words that are no object after a verb
_SUBJECT_DETERMINERS = frozenset(_TENSE["subject_determiners"])
_NOT_OBJECT = frozenset(_TENSE["not_object"])
# past forms that are also the bare verb (or a noun): past only where no modal, "do" or determiner precedes
_BARE_PAST = frozenset(_TENSE["bare_past"])
_NOT_PAST_BEFORE = frozenset(_TENSE["not_past_before"])
_ED_NOT_PAST = frozenset(_TENSE["ed_not_past"])
_ABBREVIATIONS = frozenset(_TENSE["abbreviations"])
# capitalised only: "Birmingham, Ala., killed"; "he fell ill." ends a sentence
_STATE_ABBREVIATIONS = frozenset(_TENSE["state_abbreviations"])
_REPORTING = frozenset(_TENSE["reporting"])
_REPORTED_POSSIBILITY_MODALS = frozenset(_TENSE["reported_possibility_modals"])
_DEADLINE_BEFORE = re.compile(
    r"(?i:(?:\bas\s+(?:early|soon|late)\s+as|\bno\s+later\s+than|\b(?:extended|postponed|delayed|moved|"
    r"adjourned|deferred|rescheduled|pushed\s+back)\s+(?:to|until|till))\s+(?:on\s+)?$)"
)
# "The deadline is December 31", "the closing date for bids is Friday": a deadline stated in the present
# (or future) is still ahead ([vocab] deadline_nouns); "the deadline was Friday" stays past (its verb decides)
_DEADLINE_IS = re.compile(
    r"(?i:\b(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _VOCAB["deadline_nouns"])
    + r")\b(?:\s+(?:for|to|of|on)\b[^.;:!?\n]{0,50}?)?\s+(?:is|remains|falls(?:\s+on)?|will\s+be)\s+(?:on\s+)?$)"
)
_DEADLINE_IS_ENDS = ("is", "remains", "falls", "on", "be")
# "ahead of", "in advance of", "in the lead-up to", "in the run-up to" (and "the"): what follows is still to come
_AHEAD_OF = re.compile(
    r"(?i:\b(?:ahead\s+of|in\s+advance\s+of|(?:in\s+the\s+)?(?:lead|run)[\s-]+up\s+to)\s+(?:the\s+)?$)"
)
_AHEAD_OF_ENDS = ("of", "to", "the")
# "looking ahead to", "heading into", "marching toward" (and "the"): a month or season the story moves toward
_HEADING_TOWARD = frozenset(_TENSE["heading_toward"])
_HEADING_TOWARD_BEFORE = re.compile(
    r"(?i:\b(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_HEADING_TOWARD))
    + r")\s+(?:the\s+)?$)"
)
_HEADING_TOWARD_ENDS = tuple(sorted({w.split()[-1] for w in _HEADING_TOWARD} | {"the"}))  # its last words
# "down from 5.6 percent in June", "compared with 22 percent on Monday": the base of a comparison of figures, measured
# before the story's figure ([tense] comparison_base_openers, figure_units): an opener, a hedge, a figure (a currency
# sign and an amount, or an amount and a unit), then "in" / "on" / "during" (a weekday's span holds its "on")
_COMPARISON_BASE_OPENERS = frozenset(_TENSE["comparison_base_openers"])
_FIGURE_UNITS = frozenset(_TENSE["figure_units"])
_FIGURE = (
    r"(?:[$£€]\d[\d,.]*(?:\s+(?:million|billion|trillion)\b)?|\d[\d,.]*\s*(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_FIGURE_UNITS, key=len, reverse=True))
    + r")(?!\w))"
)
_COMPARISON_BASE = re.compile(
    r"(?i:\b(?:"
    + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_COMPARISON_BASE_OPENERS))
    + r")\s+(?:(?:about|around|nearly|almost|roughly|just|only)\s+)?"
    + _FIGURE
    + r"(?:\s+(?:in|on|during)(?:\s+the)?)?\s+$)"
)
# the last words such a match may end in (the cheap test before the search, ``_may_end_in``)
_COMPARISON_BASE_ENDS = ("in", "on", "during", "the", *(w.split()[-1] for w in _FIGURE_UNITS), *"0123456789")
# an article or a possessive: "a comfortable hold", "his first start" (``_scheduled_present``)
_ARTICLES = frozenset(_TENSE["articles"])
_DETERMINERS = frozenset(_TENSE["determiners"])
# words that open a reported clause after a reporting verb ("said that", "said it would", "announced they")
_CLAUSE_OPENERS = frozenset(_TENSE["clause_openers"])
# "last" before one of these (or before a past verb: "they last met") points to the past
_LAST_PERIOD = frozenset(_TENSE["last_period"])
_PROPOSED_PAST_NEXT = frozenset(_TENSE["proposed_past_next"])
_PLAN_PARTICIPLES = frozenset(_TENSE["plan_participles"])
_PAST_ADVERBS = frozenset(_TENSE["past_adverbs"])
_INTERVIEW_PARTICIPLES = frozenset(_TENSE["interview_participles"])
_AUXILIARIES = frozenset(_TENSE["auxiliaries"])
_PASSIVE_AUX = frozenset(_TENSE["passive_aux"])
# linking verbs in the present or bare form: a participle after them is an adjective
_PRESENT_LINKING = frozenset(_TENSE["present_linking"])
_FUTURE_IN_PAST = frozenset(_TENSE["future_in_past"])
_PLAN_CHAIN = frozenset(_TENSE["plan_chain"])
_PAST_PLAN_AUX = frozenset(_TENSE["past_plan_aux"])
_LIKELIHOOD_WORDS = frozenset(_TENSE["likelihood_words"])
# a full stop after a number ends a sentence ("record Nov. 15. The split"): kept with its digit
# ("5.") so that it is not taken for an abbreviation's dot. A decimal point ("up 4.5% from") is
# a boundary too: the figures of a financial report are their own short clauses.
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]*(?:'(?:ll|s|ve|d|re|t))?|\d?\.|[!?;:\n\"“”]")
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
# a score or a tally ("5-4", "45-17,", "51-49 on") right before an expression
_TALLY_BEFORE = re.compile(r"(?<![\d-])\d{1,3}-\d{1,3},?\s+(?:on\s+)?$")
_BOUNDARY = frozenset([".", "!", "?", ";", "\n", *(f"{d}." for d in range(10))])


def _words(text: str) -> list[str]:
    """The words and boundaries of ``text`` for the clause scan. A typographic apostrophe, as web pages write
    it, is read as the typewriter one: "I’ll vote for her in November", "won’t", "hasn’t" are the same words
    as "I'll", "won't", "hasn't"."""
    return _WORD_RE.findall(text.replace("’", "'"))


def _abbreviation(word: str) -> bool:
    """Whether a full stop after ``word`` marks an abbreviation ("Mr.", "Ala.", "U.S."), not a sentence end."""
    return (
        len(word) == 1
        or word.lower() in _ABBREVIATIONS
        or (word[0].isupper() and word in _STATE_ABBREVIATIONS)
    )


# an adverb in -ly between an auxiliary and its participle ("to be formally sentenced", "was quickly
# dismissed"); a capitalised word is a name ("Kelly"), never one, nor is a noun of [tense] ly_nouns ("The rally
# ended on Friday": the subject)
_MANNER_ADVERB = re.compile(r"[a-z]{3,}ly")
_LY_NOUNS = frozenset(_TENSE["ly_nouns"])


def _manner_adverb(word: str) -> bool:
    """Whether ``word`` is a manner adverb in -ly ("formally", "quickly"), not a name or a noun ("family")."""
    return _MANNER_ADVERB.fullmatch(word) is not None and word not in _LY_NOUNS


def _word_at(tokens: list[str], i: int) -> str:
    return tokens[i].lower() if i < len(tokens) else ""


def _classify(tokens: list[str], i: int) -> str | None:
    w = tokens[i]
    lw = w.lower()
    nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    prev = tokens[i - 1].lower() if i > 0 else ""
    if lw == "next" and nxt == "to":
        return None  # "next to the embassy": a place
    raw_next = tokens[i + 1] if i + 1 < len(tokens) else ""
    if lw == "proposed" and (
        nxt in _DETERMINERS
        or nxt in _PROPOSED_PAST_NEXT
        or (
            nxt not in ("for", "to")
            and prev not in _DETERMINERS
            and (
                prev in _SUBJECT_PRONOUNS
                or (i > 0 and tokens[i - 1][:1].isupper())
                or (len(nxt) > 5 and nxt.endswith("ing"))
            )
        )
    ):
        # the act of proposing, not a plan: "The regulator proposed the rules in May", "first proposed in
        # 2019", after its subject or before what it proposed doing ("In October, Mrs. Clinton, the nominee,
        # proposed enforcing a no-fly zone", "she proposed a tax"); "the proposed May meeting", "the proposed
        # spending cuts", "proposed for next year", "the plan he proposed for May" stay plans
        return "PAST"
    if lw == "last" and not (
        nxt in _LAST_PERIOD or nxt in _PAST_WORDS or (nxt.endswith("ed") and nxt not in _ED_NOT_PAST)
    ):
        return None  # "her last day is April 1", "the last train": an adjective, no past ("last week", "last met")
    if lw == "coming" and prev in ("was", "were"):
        return "PAST"  # the past progressive, not "the coming months": "was coming off a knockout in July"
    if lw == "due" and nxt == "to" and _word_at(tokens, i + 2) not in _TO_VERBS | _DUE_TO_VERBS:
        return None  # "due to low light levels", "due to the storm": because of, no plan
    if lw in _PROMISE_VERBS and not (
        nxt == "that" or (nxt == "to" and _word_at(tokens, i + 2) not in _DETERMINERS | _CLAUSE_OPENERS)
    ):
        # "As it promised Tuesday", "pledged to the trust in July", "vowed on Friday to fight on": the time
        # of the promise; "promised to deliver by Friday" looks ahead
        return "PAST" if lw.endswith("ed") else None
    if lw == "going" and nxt != "to":
        return None  # "get going in the second quarter", "keep going": no "going to" future
    if lw in ("able", "unable") and nxt == "to" and prev in ("was", "were"):
        return "PAST"  # "SEACOM was able to restore some services by Saturday afternoon"
    if (
        lw in _LIKELIHOOD_WORDS
        and nxt not in ("to", "that", "be")
        and prev not in _AUXILIARIES
        and prev not in _PRESENT_LINKING
        and prev not in _ARTICLES
        and prev != "another"
    ):
        # an adjective of a group or after "more", no look ahead: "Poll of 1,000 likely voters taken Wednesday
        # through Sunday", "That's the part that didn't grow any more likely on Tuesday"; "is likely to", "seems
        # unlikely", "likely that" and an event expected ("another likely rout this weekend") look ahead
        return None
    if (
        lw in _FUTURE_WORDS
        or (lw in _FUTURE_IF_TO and nxt == "to")
        or (lw in ("set", "scheduled", "slated", "planned", "due") and nxt == "for")
        or (lw == "due" and nxt in ("on", "by", "in"))
        # a scheduled present: "the law takes effect on July 1", "the rules come into force in May"
        or (lw in ("takes", "take") and nxt == "effect")
        or (
            lw in ("comes", "come", "enters", "enter")
            and nxt == "into"
            and _word_at(tokens, i + 2) == "force"
        )
        or lw.endswith("'ll")
        or lw == "won't"
        or (lw == "to" and raw_next.isalpha() and nxt in _TO_VERBS)
    ):
        # a plan seen from an earlier time is over: "had been due to expire Friday", "as
        # previously planned", "originally scheduled for"
        for t in reversed(tokens[max(0, i - 4) : i]):
            lt = t.lower()
            if lt in _FUTURE_IN_PAST:
                return "PAST"
            if lt not in _PLAN_CHAIN:
                break
        return "FUT"
    if (
        lw in _SCHEDULE_S_FORMS
        and (
            nxt in ("in", "on", "at")
            or (raw_next[:1].isupper() and _DATE_WORD.match(nxt))
            or nxt[:1].isdigit()
        )
        and prev not in _DETERMINERS
    ):
        # a period's end or start told in the present is the one ahead: "whose term ends in December", "the
        # offer expires on Friday", "the session opens in January", "this fiscal year, which ends Sept. 30" (not
        # "the ends"; "ended" is past)
        return "FUT"
    if lw in _MODALS_AHEAD and nxt not in _NOT_AHEAD_AFTER_MODAL and not w[0].isupper():
        # "should finish in November", "may close in March", "can vote in June": a modal with a bare verb
        # looks ahead from the time of the clause ("should have finished", "may be closed": no)
        return "FUT"
    if (lw in _NEGATABLE_MODALS and nxt in ("not", "n't")) or lw in _NEGATED_MODALS:
        # negated: "must not only win in November" looks ahead as the modal does; "may not have" does not
        j = i + 1
        while j < len(tokens) and tokens[j].lower() in _NEGATION_FILLERS:
            j += 1
        verb = tokens[j].lower() if j < len(tokens) else ""
        if verb.isalpha() and verb not in _NOT_AHEAD_AFTER_MODAL and not w[0].isupper():
            return "FUT"
    if lw in _BARE_PAST_AFTER_SUBJECT:
        # "The Fed cut rates in September", "They put the plan on hold in May": past only right after a
        # subject pronoun or a name; "a rate cut in September", "to cut", "will cut" are no past events
        if prev in _SUBJECT_PRONOUNS or (i > 0 and tokens[i - 1][:1].isupper()):
            return "PAST"
        if (
            i > 1
            and tokens[i - 2].lower() in _SUBJECT_DETERMINERS
            and prev.isalpha()
            and prev not in _DETERMINERS
            and (nxt in _DETERMINERS or nxt[:1].isdigit() or (nxt.isalpha() and nxt not in _NOT_OBJECT))
        ):
            # a noun subject and an object: "The bank cut rates in September", "The company cut 500 jobs";
            # a singular subject would say "cuts" in the present. "a rate cut in September" (a noun, no
            # object after it) stays no past
            return "PAST"
        return None
    is_past = lw in _PAST_WORDS or (
        lw.endswith("ed") and len(lw) >= 5 and lw not in _ED_NOT_PAST and not w[0].isupper()
    )
    if not is_past:
        return None
    j = i - 1  # the verb's auxiliary stands before its adverbs: "is to be formally sentenced May 3"
    while j > 0 and _manner_adverb(tokens[j]):
        j -= 1
    prev = tokens[j].lower() if j >= 0 else ""
    if prev in ("will", "would", "shall", "to") or prev.endswith("'ll"):
        return "FUT"
    if prev == "been" and j > 1 and tokens[j - 1].lower() == "have" and tokens[j - 2].lower() == "to":
        return None  # a perfect infinitive looks back: "polls appear to have been conducted prior to Tuesday"
    if prev in ("be", "been"):
        aux = {t.lower() for t in tokens[max(0, j - 3) : j]}
        if aux & {"will", "would", "to", "shall", "'ll"}:
            return "FUT"
        if aux & {"could", "might", "may", "must", "should", "can"}:
            return None
    if prev in _PASSIVE_AUX or prev in _PRESENT_LINKING:
        return None  # "is closed", "might remain undecided", "seems settled": a state, no past event
    if prev in _DETERMINERS and prev not in ("that", "which") and (lw.endswith("ed") or lw in _BARE_PAST):
        return None  # an adjective or a noun: "a still unspecified date", "the armed forces", "a hit"
    if lw in _BARE_PAST and prev in _NOT_PAST_BEFORE:
        return None  # "could hit", "did not set": the bare verb
    return "PAST"


def _event_noun_pattern(lead: str, words: str, most: int) -> re.Pattern[str]:
    """A scheduled event's noun ([vocab] scheduled_event_nouns) after ``lead`` and at most ``most`` words
    before it: ``words`` (a pattern) or [vocab] scheduled_event_modifiers."""
    modifiers = "|".join(re.escape(w) for w in _VOCAB["scheduled_event_modifiers"])
    nouns = "|".join(re.escape(w) for w in _VOCAB["scheduled_event_nouns"])
    return re.compile(rf"{lead}(?:(?:{words}|{modifiers})\s+){{0,{most}}}?(?:{nouns})\b")


# a possessive expression naming a scheduled event: "Tuesday's New Hampshire primary", "Saturday's Nevada
# caucus", "Tuesday's five Democratic presidential primaries", "November's crunch election", "May's slow trickle of
# contests": up to four words before the event's noun, none of [tense] event_name_stops, an auxiliary, a modal or the
# noun of a reported act ("Monday's decision to postpone the vote"; a possessive naming no event is a reported act)
_EVENT_NAME_STOPS = frozenset(_TENSE["event_name_stops"])
_EVENT_NAME_BREAKS = "|".join(
    re.escape(w)
    for w in sorted(
        _EVENT_NAME_STOPS | _AUXILIARIES | _FINITE_AFTER_SUBJECT | frozenset(_TENSE["reported_act_nouns"])
    )
    if " " not in w
)
_SCHEDULED_EVENT_AFTER = _event_noun_pattern(
    r"['’]s\s+", rf"(?!(?i:{_EVENT_NAME_BREAKS})\b)[^\W_][\w.’'-]*", 4
)

# the same event named with the time before its noun: "the February conference", "the November election", "a
# Thursday rally", "the March 15 primary"
_SCHEDULED_EVENT_ATTRIBUTIVE = _event_noun_pattern(r"[^\S\n]+", r"[A-Z][\w.’'-]*|[A-Za-z]+-[\w-]+", 3)

# an event after one of these is over by the time of a clause with no tense of its own
_OVER_BEFORE = re.compile(
    r"(?i:\b(?:after|since|following|in\s+the\s+wake\s+of|in\s+the\s+aftermath\s+of)\s+)$"
)


def scheduled_event_after(text: str, end: int) -> bool:
    """Whether the expression ending at ``end`` is the possessive of a scheduled event: "Tuesday's primary"."""
    return _SCHEDULED_EVENT_AFTER.match(text, end) is not None


# the word before a time written before its event's noun: "the February conference", "a Saturday rally"
_ATTRIBUTIVE_AFTER = frozenset(_TENSE["attributive_after"])


def names_scheduled_event(text: str, start: int, end: int) -> bool:
    """Whether the expression text[start:end] is written before the noun of the scheduled event it dates, after a
    determiner or a possessive: "the Nov. 8 election", "a March 1 caucus", "the prime minister's Dec. 28
    meeting"."""
    return _after_attributive(text, start) and _SCHEDULED_EVENT_ATTRIBUTIVE.match(text, end) is not None


# the noun of a scheduled event right before a day, "on" between them or not: "the Iowa caucuses Feb. 1", "the
# California primary on June 7"
_SCHEDULED_EVENT_BEFORE = re.compile(
    r"(?i:\b(?:" + "|".join(re.escape(w) for w in _VOCAB["scheduled_event_nouns"]) + r")[ \t]+(?:on[ \t]+)?)$"
)


def follows_scheduled_event(text: str, start: int) -> bool:
    """Whether the day at text[start] comes right after the noun of the scheduled event it dates, "on" between
    them or not: "as Trump and Cruz led the field before the Iowa caucuses Feb. 1", "vowed to remain in the fight
    through the California primary on June 7"."""
    return _SCHEDULED_EVENT_BEFORE.search(text, max(0, start - 30), start) is not None


def _after_attributive(text: str, start: int) -> bool:
    """Whether the word before text[start] is a determiner or a possessive ("the", "a", "her", "NASA's"): a time
    written there modifies the noun after it."""
    before = text[max(0, start - 30) : start].split()
    if not before:
        return False
    prev = before[-1].lower()
    return prev in _ATTRIBUTIVE_AFTER or prev.endswith(("'s", "’s"))


# the noun of a reported act after a time written before it: "her March comment", "NASA's Monday announcement"
_REPORTED_ACT_NOUNS = frozenset(_TENSE["reported_act_nouns"])
_REPORTED_ACT_AFTER = re.compile(
    r"[^\S\n]+(?:"
    + "|".join(
        re.escape(w).replace(r"\ ", r"[^\S\n]+") for w in sorted(_REPORTED_ACT_NOUNS, key=len, reverse=True)
    )
    + r")\b(?!['’-])"
)


def names_reported_act(text: str, start: int, end: int) -> bool:
    """Whether the expression text[start:end] is written before the noun of a reported act it dates, after a
    determiner or a possessive: "her March comment", "NASA's Monday announcement", "Trump's July 25 call"
    ([tense] reported_act_nouns)."""
    return _after_attributive(text, start) and _REPORTED_ACT_AFTER.match(text, end) is not None


def _scheduled_event(text: str, start: int, end: int) -> re.Match[str] | None:
    """The name of the scheduled event the expression text[start:end] dates, possessive ("Tuesday's primary") or
    attributive after a determiner ("the November election"; the word before is looked up first, the cheaper
    test)."""
    possessive = _SCHEDULED_EVENT_AFTER.match(text, end)
    if possessive is not None:
        return possessive
    before = text[max(0, start - 6) : start].split()
    if before and before[-1].lower() in _ATTRIBUTIVE_AFTER:
        return _SCHEDULED_EVENT_ATTRIBUTIVE.match(text, end)
    return None


# the noun of an event nobody schedules, then a place or none, then the time ([tense] unplanned_event_nouns): "the
# slaying in Chicago on Friday", "the terrorist attacks in Paris on Friday", "the Charleston church massacre in June"
_UNPLANNED_EVENT_NOUNS = frozenset(_TENSE["unplanned_event_nouns"])
_UNPLANNED_EVENT_NOT_AFTER = frozenset(_TENSE["unplanned_event_not_after"])
_UNPLANNED_EVENT_VERB_AFTER = frozenset(_TENSE["unplanned_event_verb_after"])
_UNPLANNED_NOUN = "|".join(re.escape(w) for w in sorted(_UNPLANNED_EVENT_NOUNS, key=len, reverse=True))
_UNPLANNED_EVENT_BEFORE = re.compile(
    rf"(?i:\b(?P<noun>{_UNPLANNED_NOUN}))(?:[^\S\n]+(?i:in|at|near|outside)[^\S\n]+(?:the[^\S\n]+)?"
    r"[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,3},?)?[^\S\n]+(?:(?i:on|in|during)[^\S\n]+)?$"
)
_UNPLANNED_EVENT_AFTER = re.compile(rf"[^\S\n]+(?i:{_UNPLANNED_NOUN})\b(?!['’-])")


def dates_unplanned_event(text: str, start: int, end: int) -> bool:
    """Whether the time text[start:end] dates an event nobody schedules, told after it happened: right after its noun
    (a place between them or not: "the slaying in Chicago on Friday", "the Charleston church massacre in June") or
    right before it after a determiner ("the Friday attack"); not where the words before the noun make it feared,
    planned or prevented, or make it a verb ([tense] unplanned_event_nouns, unplanned_event_not_after,
    unplanned_event_verb_after)."""
    left = text[max(0, start - 90) : start]
    m = _UNPLANNED_EVENT_BEFORE.search(left)
    if m is not None:
        before = [w.lower() for w in _words(left[: m.start("noun")])[-3:]]
        if before and before[-1] in _UNPLANNED_EVENT_VERB_AFTER:
            return False  # "they will attack on Friday": a verb
        return not any(w in _UNPLANNED_EVENT_NOT_AFTER for w in before)
    return _after_attributive(text, start) and _UNPLANNED_EVENT_AFTER.match(text, end) is not None


def _comparison_base(text: str, start: int) -> bool:
    """Whether the time at ``start`` dates the base of a comparison of figures: "down from 5.6 percent in June", "up
    from 2 points on Friday" ([tense] comparison_base_openers, figure_units)."""
    left = text[max(0, start - 70) : start]
    return _may_end_in(left, _COMPARISON_BASE_ENDS) and _COMPARISON_BASE.search(left) is not None


_PROSPECTIVE_GERUND_OPENERS = frozenset(_TENSE["prospective_gerund_openers"])
_ING_NOUNS = frozenset(_TENSE["ing_nouns"])
_GERUND_PARTICLES = frozenset(_TENSE["gerund_particles"])
_CLAUSE_MARK = re.compile(r"[,;:.!?()\"“”—–\n]")
_PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _ed_form(word: str) -> bool:
    """A past form in -ed ("accused", "released"), not a verb whose stem ends so ("succeed", "need")."""
    return word.endswith("ed") and not word.endswith("eed")


def _prospective_gerund(text: str, start: int) -> bool:
    """Whether the time at ``start`` ends the object of a gerund that a preposition opens, in the same clause ("is
    key to scoring a White House win in November", "succeed in mobilizing new voters in November"): the act the
    gerund names is still to come ([tense] prospective_gerund_openers). The gerund is the last -ing word before the
    time, at most eight words before it; not after a past participle ("accused of taking bribes in March"), not
    before a preposition ("a surge of hiring in October") but a particle before an article ("taking on the
    socialist"), not an -ing noun ("the level of funding"), and no past form between it and the time."""
    left = text[max(0, start - 120) : start]
    marks = list(_CLAUSE_MARK.finditer(left))
    if marks:
        left = left[marks[-1].end() :]
    words = [w.lower() for w in _PLAIN_WORD.findall(left)]
    at = next((i for i in range(len(words) - 1, -1, -1) if words[i].endswith("ing")), None)
    if at is None or at == 0 or len(words) - at - 1 > 8 or len(words) - at - 1 < 2:
        return False
    gerund, opener = words[at], words[at - 1]
    if gerund in _ING_NOUNS or len(gerund) < 5 or opener not in _PROSPECTIVE_GERUND_OPENERS:
        return False
    if at >= 2 and (_ed_form(words[at - 2]) or words[at - 2] in _PAST_WORDS):
        return False  # "accused of taking bribes in March", "was key to winning": a reported act
    nxt, after = words[at + 1], words[at + 2]
    if nxt in _NOT_OBJECT and not (nxt in _GERUND_PARTICLES and after in _ARTICLES):
        return False
    return not any(w in _PAST_WORDS or _ed_form(w) for w in words[at + 1 :])


def _tense(text: str, start: int, end: int, short: bool = False) -> str | None:
    """'FUT', 'PAST' or None for the clause around text[start:end] (:func:`_clause_tense`).

    A possessive naming a scheduled event ("Tuesday's primary", "Saturday's debate") is told before the event
    as often as after it: the clause's tense decides, as for any other time ("will do well in Tuesday's
    primary", "Sanders scored a victory in Tuesday's primary"). Any other possessive names a reported act, past
    unless its own clause looks ahead (:func:`_clause_tense`)."""
    event = _scheduled_event(text, start, end)
    if event is None:
        tense = _clause_tense(text, start, end, short)
        if tense != "PAST" and dates_unplanned_event(text, start, end):
            # "will vote for him because of the slaying in Chicago on Friday": an attack, a shooting or a death is
            # told after it happened, whatever the clause that mentions it looks toward
            return "PAST"
        if tense != "FUT" and _comparison_base(text, start):
            # "Unemployment is 5 percent, down from 5.6 percent in June": the figure compared with was measured
            # before the story's figure; in a future clause the time may be the change's ("the fare will rise to
            # $3 from $2.75 on Sunday"), and the clause decides
            return "PAST"
        if tense is None and not short and _prospective_gerund(text, start):
            return "FUT"  # "key to scoring a White House win in November": an act still to come
        if tense == "FUT" and names_reported_act(text, start, end):
            # "after her March comment", "NASA's Monday announcement to expand ...": a reported act is told after
            # it happened; a clause that looks ahead says nothing of when it did. The nearest occurrence (a past
            # clause keeps its past: "Carson's commitments included a May 11 speech")
            return None
        return tense
    tense = _clause_tense(text, start, end, short, event=event)
    if tense is None and _OVER_BEFORE.search(text, max(0, start - 30), start):
        return "PAST"  # "Polls taken after Tuesday's vote show a tie": the event is over by the clause's time
    if tense is None and not short and _prospective_gerund(text, start):
        return "FUT"  # "the prospect of taking on the socialist in November's general election"
    return tense


def _clause_tense(
    text: str, start: int, end: int, short: bool = False, event: re.Match[str] | None = None
) -> str | None:
    """'FUT', 'PAST' or None for the clause around text[start:end]: nearest marker wins,
    looking left first (the verb governing a time adverbial usually precedes it).

    ``short``: the expression names a day within a week of the anchor (a bare weekday). Then
    an infinitive ("staged celebrations to mark the entry on Friday") and a clause-initial
    "until" ("Until Thursday, they had not called") take the tense of the rest of the clause and
    make it future only when nothing else does; for months and seasons they stay future ("gave it until
    mid-November", "plans to visit in May"), except that an infinitive under a past verb of its clause
    looks ahead from that past time, not from the anchor, and leaves the nearest occurrence ("was
    kidnapped to make the late-November trip")."""
    left = text[max(0, start - 160) : start]
    # the words after: those after the event's name when the expression is its possessive ("Tuesday's vote
    # show": "vote" is no verb)
    scheduled = event is not None
    after = event.end() if event else end
    ltoks = _words(left)
    cut = _clause_start(ltoks)
    if cut and ltoks[cut - 1][:1].isdigit() and _DECIMAL_POINT.search(left):
        # a decimal point ends no clause ("Inflation fell to 3.2% in March", "the Mercurial 5.2 release,
        # planned for early November"): where the clause was cut at one, the figure is read as one word
        ltoks = _words(_DECIMAL_POINT.sub("", left))
        cut = _clause_start(ltoks)
    # the twelve words before the expression are scanned; the ones before them stay as context
    # for reading those ("would be paid on a still unspecified date ... of record Dec. 21")
    ltoks = ltoks[cut:]
    first = max(0, len(ltoks) - 12 - sum(1 for t in ltoks[-16:] if t == "."))
    opening = len(ltoks) <= 2 or _opening_phrase(ltoks, text, end)
    rtoks: list[str] | None = None

    def right() -> list[str]:
        """The words after the expression (:func:`_words_after`), read the first time a test needs them: most
        clauses are decided by the words before it."""
        nonlocal rtoks
        if rtoks is None:
            rtoks = _words_after(text, after, left, opening)
        return rtoks

    ahead = _AHEAD_OF.search(text, max(0, start - 40), start) if _may_end_in(left, _AHEAD_OF_ENDS) else None
    if ahead is not None and not _opens_sentence(text, ahead.start()):
        # "ahead of Tuesday's primary", "in the lead-up to Monday's caucuses": an event still to come for the
        # story, whatever the verb before it ("Polls show Trump trailing just ahead of Tuesday's vote", "even as
        # she remains the favorite ahead of the Nov. 8 vote"). Opening its sentence it is the setting of the main
        # clause, whose verb decides below ("Ahead of Friday's meeting, France and Germany unveiled a proposal"
        # in a Sunday story: the Friday gone)
        return "FUT"
    if not short and _may_end_in(left, _HEADING_TOWARD_ENDS) and _HEADING_TOWARD_BEFORE.search(left[-40:]):
        # "Looking ahead to the fall, Mr. Manafort was joined by ...", "marching toward November": the month or
        # season the story moves toward is still to come, whatever the verb ([tense] heading_toward)
        return "FUT"
    # the word right after the expression can decide first: "Wednesday's ruling" (``scheduled``: the possessive
    # names a scheduled event, which the clause decides like any other time)
    if not scheduled and text[end : end + 2] in ("'s", "’s"):
        # "Wednesday's ruling" is a reported act, past; a future after it tells its consequences ("Monday's
        # decision will reverberate down the ballot", "Friday's agreement may merely reset the clock")
        return "PAST"
    if short and _TALLY_BEFORE.search(left[-24:]):
        # a final score or a vote's tally right before the day ("beat the Penguins 5-4 Tuesday night to extend their
        # streak", "rolled past Northern Illinois, 45-17, on Tuesday night"): the game or the vote is over; the
        # nearest day, whatever infinitive follows
        return None
    if _may_end_in(left, _DEADLINE_WORDS) and _DEADLINE_BEFORE.search(left[-60:]):
        return "FUT"
    if _may_end_in(left, _DEADLINE_IS_ENDS) and _DEADLINE_IS.search(left[-100:]):
        return "FUT"
    if left.rstrip().endswith(",") and right() and right()[0].lower() in _FINITE_AFTER_SUBJECT:
        # the expression opens a clause of its own as its subject: ", Wednesday is forecast to be even
        # colder": that clause's verb decides, not the clause before the comma
        first = len(ltoks)
    elif _RELATIVE_THEN_TIME.search(left[-24:]):
        # the time opens a relative clause, its verb after it ("the critics who on Sunday cast Trump's responses as
        # inappropriate", "Sanders, who on Tuesday won Indiana, ..."): the words before the relative pronoun are
        # another clause's
        first = len(ltoks)
    weak: str | None = None
    # the last word before the expression is read with the expression's first word after it ("due on
    # Friday"), not with the word after the expression ("decided on Saturday to fire him" is no "decided to")
    both = ltoks + _words(text[start:end])[:1]
    for k in range(len(ltoks) - 1, first - 1, -1):
        if ltoks[k].lower() in _REPORTING and k < len(ltoks) - 2:
            # "said it is calling for a vote on Dec. 7": the reporting verb's tense is not the
            # tense of the reported clause; a time right after it ("said on Friday") is past. With
            # no clause after it, only its object ("reported results in July", "told reporters in
            # May"), the time is the report's: its tense decides unless the words after the
            # expression do ("said the plant in July would close"). A possessive there opens no clause of its
            # own before the time: it heads the object ("announced her candidacy in March", "unveiled its plan on
            # Friday"); a reported clause's verb after the time still decides ("said his visit in May would ...")
            if not any(t.lower() in _CLAUSE_OPENERS and t.lower() not in _ARTICLES for t in ltoks[k + 1 :]):
                weak = weak or _classify(ltoks, k)
            break
        lk = ltoks[k].lower()
        if lk in _CONDITIONAL_OPENERS and _present_clause(both[k + 1 :] + right()):
            # "if he is the Republican nominee in November", "if the November election does not break their way":
            # a conditional or time clause in the present looks ahead, whatever the main clause's tense
            return "FUT"
        if k == 0 and lk in _INTERVIEW_PARTICIPLES and ltoks[k][:1].isupper() and len(ltoks) <= 6:
            # a question put to someone, its participle opening the sentence ("Asked on Monday whether Mr. Clinton
            # would hold a cabinet position, Mrs. Clinton shook her head"): put before the story, whatever the
            # tense of what it asked
            return "PAST"
        c = _classify(both, k)
        if c == "FUT" and lk == "would" and _reported_before(both, k):
            # a future in the past of a report ("the cities said they would light landmarks on Monday night" in a
            # Wednesday story): seen from the report's time, the nearest occurrence
            return None
        if (
            c is None
            and lk in _REPORTED_POSSIBILITY_MODALS
            and _word_at(both, k + 1).isalpha()
            and _word_at(both, k + 1) not in _NOT_AHEAD_AFTER_MODAL - {"be"}  # "could be persuaded" too
            and _reported_before(both, k)
        ):
            # "said the heat could last through the end of the week": a possibility in the past of a report, seen
            # from the report's time as "would" is there, the nearest occurrence ("could have", "could not": no)
            return None
        if c == "FUT" and _plan_told_in_past(both, k):
            # "Assange was due to be released in September", "he was set to receive an endorsement on Friday": a
            # plan told in the past tense is seen from that past time, the nearest occurrence
            return None
        if c == "FUT" and short and lk == "to" and _past_governs(both, k):
            # an infinitive under a past verb says nothing of the direction of a day near the anchor ("called on
            # President Obama to replace the head of the SEC on Friday" in a Saturday story): the nearest day
            continue
        if c == "FUT" and short and (lk == "to" or lk in ("until", "till")):
            # an infinitive before a scheduled event says nothing of when the event is ("failing to act in the
            # minutes leading up to Monday's caucuses", "polls appear to have been conducted prior to Tuesday's
            # primary")
            weak = weak if scheduled and lk == "to" else "FUT"
            continue
        if c == "FUT" and lk in ("until", "till") and _past_in_clause(both, k):
            # "said it couldn't answer anything until September": a limit set in the past, seen from then;
            # the nearest occurrence
            return None
        if c == "FUT" and lk in _FUTURE_IF_TO and lk.endswith("ed"):
            # a past act whose infinitive looks ahead from the act's time, not from the anchor: "the RNC agreed
            # to allow Trump to use the voter file in late November" (a January story): the nearest occurrence
            return None
        if c == "FUT" and lk == "to" and _past_governs(both, k):
            # an infinitive under a past verb looks ahead from that past time, not from the
            # anchor: "was kidnapped to make the late-November trip", "made it hard to meet
            # demand well into the summer": the nearest occurrence
            return None
        head = _passive_infinitive(both, k) if c == "FUT" and lk != "to" else None
        if head is not None and _past_governs(both, head):
            # a passive or perfect infinitive under a past verb, as the bare one above: "the inquiry only asked
            # for messages to be handed over in September" (a November story), "ordered the plant to be closed
            # in March": seen from the past act, the nearest occurrence (a weekday: the rest of the clause decides)
            if short:
                continue
            return None
        if c == "FUT" and _reduced_plan(ltoks, k) and _past_in(ltoks[:k] + right()):
            # a plan told inside a past report looks ahead from that past time: "the release,
            # planned for early November" in a story of last autumn, "a service planned for
            # Saturday was canceled": the nearest occurrence
            return None
        if c:
            return c
        if short and _scheduled_present(ltoks, k):
            return "FUT"
    rtoks = right()
    if weak and rtoks and (rtoks[0].lower() in _CLAUSE_OPENERS or rtoks[0] in _OPENING_QUOTES):
        # the time ends the report's own words and the reported clause opens after it ("told reporters in
        # January that she would run", "told the court on Friday he will appeal", "said at a town hall on
        # Monday, “we would be looking at ...”"): its verb governs that clause, not the time; the report's
        # tense decides
        return weak
    for k, t in enumerate(rtoks):
        if t in _BOUNDARY:
            if t == "." and k > 0 and _abbreviation(rtoks[k - 1]):
                continue  # "Roe vs. Wade", "Birmingham, Ala., killed"
            break
        c = _classify(rtoks, k)
        if c == "FUT" and _past_act_of_planning(rtoks, k):
            # the time before a past act of promising or deciding dates the act, not what it looks ahead to: "On
            # Thursday, Sanders promised to legalize ...", "In March, the board agreed to sell the unit"
            return "PAST"
        if c:
            return c
        if short and _scheduled_present(rtoks, k):
            return "FUT"
    return weak or _participle_governs(ltoks)


# a participle after one of these is a gerund, the object of a noun or a preposition ("in hopes of seeing the duo
# on the ticket in the fall"), or a progressive ("is running in Tuesday's primary"): no participle clause
_NOT_BEFORE_PARTICIPLE = frozenset(_TENSE["not_before_participle"])
_NOT_PARTICIPLES = frozenset(_VOCAB["not_participles"])
_AIM_NOUNS = frozenset(_VOCAB["aim_nouns"])
# a word that gives the words before the participle a tense or a clause of their own: the scan stops there
_TENSED_STOPS = frozenset(_TENSE["tensed_stops"])
_BEFORE_VERB_STOPS = _TENSED_STOPS | _REPORTING  # before the participle, up to its verb
_AFTER_PARTICIPLE_STOPS = _BEFORE_VERB_STOPS | _AIM_NOUNS  # between the participle and the time


def _participle(tokens: list[str], k: int) -> bool:
    """``tokens[k]`` is the present participle of an untensed clause ("while testifying", ", dating")."""
    w = tokens[k]
    prev = tokens[k - 1].lower() if k > 0 else ""
    return (
        w.islower()
        and len(w) >= 6
        and w.endswith("ing")
        and w not in _NOT_PARTICIPLES
        and prev not in _NOT_BEFORE_PARTICIPLE
        and prev not in _DETERMINERS
    )


def _participle_governs(ltoks: list[str]) -> str | None:
    """The tense of the verb a participle clause hangs on, when the time is in that clause and neither the scanned
    window nor the words after the time hold a tense: the participle has none of its own, and the stretch after it
    (its object and adverbials) may be longer than the window ("Clinton perjured herself on the email controversy
    while testifying before Benghazi Committee investigators in October", "The prosecution played 20 minutes of
    clips for the court, dating as far back as June"). An infinitive, a modal, a present auxiliary or a clause
    opener between the time and the participle, or before the participle's verb, means no past or future verb
    governs it ("teeing up the November showdown" after "to win"; "could help unify the party heading into the
    fall"); a reporting verb opens a clause whose tense is not the time's; an aim's noun after the participle
    ("leaving it within $100 million of its goal of a reduction of $500 million by the end of the year") makes the
    time the aim's."""
    k = len(ltoks) - 1
    while k >= 0 and not _participle(ltoks, k):
        if ltoks[k].lower() in _AFTER_PARTICIPLE_STOPS:
            return None
        k -= 1
    if k >= 0 and _classify(ltoks, k) == "FUT":
        # a participle that looks ahead by itself governs its clause, whatever the verb before it: "an
        # anthology ... coming in e-book June 9 and as a hardcover in November" (a May story), "the upcoming film,
        # coming to theaters in December"
        return "FUT"
    for j in range(k - 1, -1, -1):
        lj = ltoks[j].lower()
        if lj in _BEFORE_VERB_STOPS:
            return None
        c = _classify(ltoks, j)
        if c:
            return c
    return None


def _past_act_of_planning(tokens: list[str], k: int) -> bool:
    """``tokens[k]`` is the past tense of a verb of promising, deciding or planning before its infinitive ("pledged
    to", "agreed to", "planned to"; [tense] past_planning_acts), in the active voice of a past: no auxiliary but a
    perfect's before it ("had agreed to" is past; "is intended to", "will be promised to" are no past acts)."""
    prev = _word_at(tokens, k - 1) if k else ""
    return (
        tokens[k].lower() in _PAST_PLANNING_ACTS
        and _word_at(tokens, k + 1) == "to"
        and (prev not in _AUXILIARIES or prev in ("had", "has", "have"))
    )


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` begins a sentence: nothing but a boundary (or the text's start) in the words before it."""
    before = _words(text[max(0, pos - 60) : pos])
    return _clause_start(before) == len(before)


def _present_clause(tokens: list[str]) -> bool:
    """Whether the first finite auxiliary among ``tokens`` (up to a clause boundary or a comma) is a present one
    ([vocab] present_auxiliaries): the clause a conditional or time opener heads tells what is still to come."""
    for t in tokens:
        lt = t.lower().replace("’", "'")
        if t in _BOUNDARY or t == ",":
            return False
        if lt in _PRESENT_AUX:
            return True
        if lt in _PAST_AUX or lt in _PAST_WORDS:
            return False
    return False


def _clause_start(ltoks: list[str]) -> int:
    """The index of the first token after the last boundary among ``ltoks`` (0: none)."""
    for k in range(len(ltoks) - 1, -1, -1):
        t = ltoks[k]
        if t in _BOUNDARY:
            if t == "." and k > 0 and _abbreviation(ltoks[k - 1]):
                continue
            return k + 1
    return 0


# ", and ...", ", but ...": a coordinated clause after the expression has its own tense ("Her last day is
# April 1, and Warners has not named a replacement")
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\b")


# a relative pronoun right before the expression (and its preposition): "who on Sunday cast", "which in May voted"
_RELATIVE_THEN_TIME = re.compile(r"\b(?:who|which)\s+(?:(?:on|in|at|last|this|earlier|late|early)\s+)?$")


# a relative clause set off by a comma and not closed before the expression: ", who badly needs a win in"
_RELATIVE_OPEN = re.compile(r",\s+(?:who|which)\b[^,;:.!?\n]*$")


_OPENING_PREPOSITIONS = frozenset(_TENSE["opening_prepositions"])


def _opening_phrase(ltoks: list[str], text: str, end: int) -> bool:
    """Whether the expression ending at ``end`` closes a prepositional phrase that opens its sentence, a comma after
    it ("In a letter to the president in May, Zippy Duvall, the president of the American Farm Bureau, said ..."):
    an adverbial of the main clause after it, as a time that opens its sentence is (the clause's own words
    ``ltoks``, up to ten)."""
    return (
        2 < len(ltoks) <= 10
        and ltoks[0][:1].isupper()
        and ltoks[0].lower() in _OPENING_PREPOSITIONS
        and text.startswith(",", end)
    )


def _words_after(text: str, after: int, left: str, opening: bool) -> list[str]:
    """The words after an expression (or after the event it names) that end at ``after``, which the clause scan
    reads: those of its own clause, up to eight; read on to the sentence's end, up to 32, for an adverbial that
    opens its sentence (``opening``: "In January, a week after the anniversary, a bombing killed a guard" is
    governed by the main verb after the subject; a decimal point there is no boundary: "In February, a quake
    measuring 6.4 ... hit the town"). ``left`` is the text before the expression."""
    if opening:
        return _words(_DECIMAL_POINT.sub("", text[after : after + 240]))[:32]
    right = _own_clause(text[after : after + 100])
    if _RELATIVE_OPEN.search(left):
        # inside a relative clause set off by commas ("Ted Cruz, who badly needs a win in Tuesday's primary in
        # Indiana, received ..."): the main verb after its closing comma tells nothing of its time
        right = right.split(",", 1)[0]
    return _words(right)[:8]


def _own_clause(right: str) -> str:
    """``right`` (the text after an expression) up to a coordinated clause of its own."""
    m = _NEXT_CLAUSE.search(right)
    return right[: m.start()] if m else right


def _reduced_plan(tokens: list[str], k: int) -> bool:
    """``tokens[k]`` is a plan's participle with no auxiliary of its own: "the release, planned for"."""
    prev = tokens[k - 1].lower() if k > 0 else ""
    return tokens[k].lower() in _PLAN_PARTICIPLES and prev not in _AUXILIARIES and prev != "not"


def _past_in(tokens: list[str]) -> bool:
    """A past-tense verb among ``tokens`` (up to the sentence's end), and nothing that looks ahead."""
    past = False
    for j, t in enumerate(tokens):
        if t in _BOUNDARY and not (t == "." and j > 0 and _abbreviation(tokens[j - 1])):
            if j > 0:
                break
            continue
        lt = t.lower()
        if lt in _PLAN_PARTICIPLES:
            continue
        c = _classify(tokens, j)
        if c == "FUT":
            return False  # "is expected to discuss it at a conference already planned Wednesday"
        past = past or (c == "PAST" and lt not in _PAST_ADVERBS)
    return past


_PAST_MODALS = frozenset(_TENSE["past_modals"])


def _past_in_clause(tokens: list[str], k: int) -> bool:
    """A past verb or a past modal in the eight words of the clause before ``tokens[k]`` (up to a reporting
    verb, which opens the clause)."""
    for j in range(k - 1, max(0, k - 8) - 1, -1):
        lj = tokens[j].lower()
        if lj in _REPORTING or tokens[j] in _BOUNDARY:
            return False
        if lj in _PAST_MODALS or _classify(tokens, j) == "PAST":
            return True
    return False


def _reported_before(tokens: list[str], k: int) -> bool:
    """A reporting verb in the past ([tense] reporting: "said", "told") among the five words before ``tokens[k]``,
    within its sentence: "said they would", "has said that as president he would"."""
    for j in range(k - 1, max(0, k - 6) - 1, -1):
        if tokens[j] in _BOUNDARY:
            return False
        if tokens[j].lower() in _REPORTING and _classify(tokens, j) == "PAST":
            return True
    return False


def _plan_told_in_past(tokens: list[str], k: int) -> bool:
    """``tokens[k]`` looks ahead at the end of a chain of plan words ([tense] plan_chain) that a past form of "be"
    ([tense] past_plan_aux) or a word of a plan that is over ([tense] future_in_past) opens: "was due to be
    released", "was set to receive", "were scheduled for", "once expected to be completed" (the infinitive's
    verb; "once expected to" itself is past, :func:`_classify`). A
    progressive is no such plan: "were planning to drive around the airport on Monday" (TBAQ, a Friday story: the
    Monday ahead) tells what the subject still means to do."""
    if tokens[k].lower().endswith("ing"):
        return False
    for t in reversed(tokens[max(0, k - 5) : k]):
        lt = t.lower()
        if lt in _PAST_PLAN_AUX or lt in _FUTURE_IN_PAST:
            return True
        if lt not in _PLAN_CHAIN:
            return False
    return False


def _passive_infinitive(tokens: list[str], k: int) -> int | None:
    """The index of the "to" of a passive or perfect infinitive whose participle is ``tokens[k]`` ("to be handed
    over", "to be formally sentenced", "to have been completed"), or None."""
    j = k - 1
    while j > 0 and _manner_adverb(tokens[j]):
        j -= 1
    if j > 0 and tokens[j].lower() == "been":
        j -= 1
    if j > 0 and tokens[j].lower() in ("be", "have"):
        j -= 1
        return j if tokens[j].lower() == "to" and j < k - 1 else None
    return None


def _past_governs(tokens: list[str], k: int) -> bool:
    """A past-tense verb in the eight words of the clause before the infinitive ``tokens[k]``: also a past act of
    planning ("the RNC agreed to allow Trump to use the file in late November") and the past verb of a chain of
    infinitives ("scrambled to secure enough gas to get them through the winter")."""
    for j in range(k - 1, max(0, k - 8) - 1, -1):
        lj = tokens[j].lower()
        if lj in _REPORTING:
            return False
        if lj in _FUTURE_IF_TO and lj.endswith("ed"):
            return True
        c = _classify(tokens, j)
        if c == "FUT" and lj == "to":
            continue
        if c == "FUT" or (c is None and lj in _FUTURE_IF_TO):
            return False
        if c == "PAST":
            return True
    return False


_SCHEDULED_VERBS = frozenset(_TENSE["scheduled_verbs"])


def _scheduled_present(tokens: list[str], i: int) -> bool:
    """A present-tense event verb ("Talks resume Tuesday", "Voters go to the polls on Sunday"):
    with a bare weekday, news uses it for what is scheduled."""
    w = tokens[i]
    if w.lower() not in _SCHEDULED_VERBS or w[0].isupper():
        return False
    prev = tokens[i - 1].lower() if i > 0 else ""
    prev2 = tokens[i - 2].lower() if i > 1 else ""
    nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    # "the vote", "to meet", "did not go", "could open", "the start of": no present-tense verb; nor a bare form
    # after an article and a lower-case word that is no plural subject ("a comfortable hold on his titles", "his
    # first start"; "the Lakers host", "the two sides meet", "the council meets", "He and the premier meet" stay
    # verbs)
    before_article = tokens[i - 3].lower() if i > 2 else ""
    adjective_noun = (
        prev2 in _ARTICLES
        and before_article not in ("and", "or")
        and not w.endswith("s")
        and prev.islower()
        and not prev.endswith("s")
    )
    # a bare form right after a singular lower-case noun cannot agree with it as its verb: a noun, most often a title
    # before a name ("radio host Hugh Hewitt on Wednesday", "talk-radio host Mike Gallagher"); a plural subject
    # ("voters go", "the two sides meet"), a pronoun ("they meet") or a coordinated subject ("He and the premier
    # meet") stays a verb
    singular_noun_before = (
        i > 0
        and not w.lower().endswith("s")
        and not {t.lower() for t in tokens[max(0, i - 4) : i - 1]} & {"and", "or"}
        and prev.replace("-", "").isalpha()
        and tokens[i - 1].islower()
        and not prev.endswith("s")
        and prev not in _BARE_FORM_SUBJECTS
    )
    return (
        prev not in _DETERMINERS
        and not adjective_noun
        and not singular_noun_before
        and prev not in _NOT_PRESENT_BEFORE
        and not prev.endswith("'s")
        and nxt != "of"
    )


# subjects that take a bare present form without an -s of their own: pronouns and plurals in no -s
_BARE_FORM_SUBJECTS = frozenset(_TENSE["bare_form_subjects"])
_NOT_PRESENT_BEFORE = frozenset(_TENSE["not_present_before"])
