"""The conversation: follow-ups in context, reset, bad input, and the case-details warning.

Runs on a copy of the bundled pack without ``scenarios/`` (which the conversation never reads and
which may be mid-edit elsewhere).
"""

from __future__ import annotations

import json
import time

import pytest

from learnbot.cli.render import render_answer
from learnbot.core.answer import Answer
from learnbot.core.conversation import MAX_QUESTION_CHARS, TASK_MESSAGE, Conversation
from learnbot.core.matching.matcher import Matcher
from learnbot.core.model import Pack
from learnbot.core.privacy import case_details, case_details_warning


@pytest.fixture(scope="session")
def pack(ask_pack: Pack) -> Pack:
    return ask_pack


@pytest.fixture(scope="session")
def matcher(ask_matcher: Matcher) -> Matcher:
    return ask_matcher


@pytest.fixture
def chat(pack: Pack, matcher: Matcher) -> Conversation:
    return Conversation(pack, matcher)


def ids(answer: Answer) -> list[str]:
    return [m.item.id for m in answer.matches]


def assert_sensible(answer: Answer, question: str) -> None:
    """Whatever the input: an Answer that is consistent, serialisable and renders as plain text."""
    assert isinstance(answer, Answer)
    assert answer.question == question
    assert answer.confidence in ("strong", "partial", "none")
    assert answer.answered == bool(answer.matches)
    assert (answer.confidence == "none") == (not answer.answered)
    json.dumps(answer.to_json(), ensure_ascii=False)
    assert render_answer(answer).strip()


# --- follow-ups -------------------------------------------------------------------------------


def test_tell_me_more_shows_a_related_item_not_yet_shown(chat: Conversation, pack: Pack) -> None:
    first = chat.ask("what is early help?")
    assert first.answered
    more = chat.ask("tell me more")
    assert more.answered
    assert more.best.id != first.best.id
    assert more.best in pack.related_items(first.best)
    assert more.note  # says how the follow-up was read


@pytest.mark.parametrize("phrase", ["tell me more", "more please", "go on", "anything else?", "Tell me more."])
def test_ways_of_asking_for_more(chat: Conversation, pack: Pack, phrase: str) -> None:
    first = chat.ask("was a child ever used to interpret")
    assert first.best.id == "finding-child-interpreter"
    more = chat.ask(phrase)
    assert more.answered
    assert more.best in pack.related_items(first.best)


def test_tell_me_more_never_repeats_and_ends_plainly(chat: Conversation) -> None:
    seen = [chat.ask("what is early help?").best.id]
    for _ in range(10):
        answer = chat.ask("tell me more")
        if not answer.answered:
            assert "all the briefing says" in answer.note
            break
        assert answer.best.id not in seen
        seen.append(answer.best.id)
    else:
        pytest.fail(f"'tell me more' never ran out: {seen}")


def test_successive_tell_me_more_steps_through_the_related_passages(chat: Conversation, pack: Pack) -> None:
    first = chat.ask("what is early help?")
    related = {item.id for item in pack.related_items(first.best)}
    shown_as_passage = set()
    for _ in range(len(related) + 1):
        answer = chat.ask("tell me more")
        if not answer.answered:
            break
        shown_as_passage.add(answer.best.id)
    assert related <= shown_as_passage | {first.best.id}


@pytest.mark.parametrize("why", ["why?", "Why", "how come?", "why is that"])
def test_why_after_rec_4_shows_the_finding_behind_it(chat: Conversation, why: str) -> None:
    assert chat.ask("rec 4").best.id == "rec-4"
    answer = chat.ask(why)
    assert answer.answered
    assert answer.best.id == "finding-police-children-not-seen"
    assert answer.best.kind == "finding"


@pytest.mark.parametrize(
    "question, finding, recommendation",
    [
        ("was a child ever used to interpret", "finding-child-interpreter", "rec-3"),
        ("finding 7", "finding-voice-of-the-child", "rec-3"),
        ("the cops never spoke to the children at the house", "finding-police-children-not-seen", "rec-4"),
        ("escalation feedback", "finding-escalation-feedback", "rec-5"),
    ],
)
def test_the_recommendation_for_a_finding(chat: Conversation, pack: Pack, question: str, finding: str,
                                          recommendation: str) -> None:
    first = chat.ask(question)
    assert first.best.id == finding
    answer = chat.ask("what's the recommendation for that?")
    assert answer.answered
    assert answer.best.kind == "recommendation"
    assert answer.best in pack.related_items(pack.get(finding))
    assert recommendation in ids(answer)


def test_what_should_be_done_about_it_after_a_finding(chat: Conversation) -> None:
    chat.ask("police didn't speak to the children")
    answer = chat.ask("what should be done about it?")
    assert answer.best.id == "rec-4"


def test_the_recommendation_for_a_recommendation_is_not_an_unrelated_one(chat: Conversation) -> None:
    chat.ask("rec 4")
    answer = chat.ask("what's the recommendation for that?")
    assert not answer.answered or answer.best.id == "rec-4"


@pytest.mark.parametrize("opening", ["was the voice of the child consistent", "how do agencies hear from children",
                                     "thresholds"])
def test_what_about_fathers(chat: Conversation, opening: str) -> None:
    assert chat.ask(opening).answered
    answer = chat.ask("what about fathers?")
    assert answer.best.id == "finding-fathers"


@pytest.mark.parametrize("opening", ["was the voice of the child consistent", "how do agencies hear from children",
                                     "is the voice of the child heard by every agency"])
def test_and_for_police_after_a_voice_of_the_child_question(chat: Conversation, opening: str) -> None:
    assert chat.ask(opening).answered
    answer = chat.ask("and for police?")
    assert answer.answered
    assert "police" in answer.best.roles
    assert answer.best.id in {"rec-4", "finding-police-children-not-seen"}


def test_and_for_health_after_thresholds(chat: Conversation) -> None:
    chat.ask("thresholds")
    answer = chat.ask("what about health?")
    assert answer.answered
    assert "health" in answer.best.roles


def test_a_new_question_after_follow_ups_is_a_new_topic(chat: Conversation) -> None:
    chat.ask("rec 4")
    chat.ask("why?")
    answer = chat.ask("what does PAAG stand for?")
    assert answer.best.id == "gloss-paag"
    why = chat.ask("why?")
    assert_sensible(why, "why?")
    assert not {"rec-4", "finding-police-children-not-seen", "finding-voice-of-the-child"} & set(ids(why))


@pytest.mark.parametrize(
    "follow_up", ["why?", "tell me more", "what's the recommendation for that?", "and for police?"]
)
def test_follow_ups_with_nothing_before_do_not_raise(chat: Conversation, follow_up: str) -> None:
    answer = chat.ask(follow_up)
    assert_sensible(answer, follow_up)


def test_reset_forgets_the_context(chat: Conversation) -> None:
    chat.ask("rec 4")
    assert chat.last_item is not None
    chat.reset()
    assert chat.last_item is None and chat.last_question == "" and chat.shown == []
    answer = chat.ask("why?")
    assert "finding-police-children-not-seen" not in ids(answer)
    assert_sensible(answer, "why?")


def test_an_unanswered_question_keeps_the_earlier_context(chat: Conversation) -> None:
    chat.ask("rec 4")
    assert not chat.ask("where do I hand in my expenses form").answered
    assert chat.ask("why?").best.id == "finding-police-children-not-seen"


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("blank", ["", " ", "\t\n  ", "???", "?!.", "\u200f\u200e", "\x00\x01"])
def test_empty_or_blank_questions_get_a_message(chat: Conversation, blank: str) -> None:
    answer = chat.ask(blank)
    assert answer.answered is False
    assert answer.confidence == "none"
    assert answer.matches == ()
    assert answer.message and "question" in answer.message.lower()
    assert render_answer(answer) == answer.message


def test_a_100_kb_question_is_read_in_part_and_answered_quickly(chat: Conversation) -> None:
    question = ("police didn't see the kids, what should happen? " * 3000)[:100_000]
    assert len(question) == 100_000
    start = time.perf_counter()
    answer = chat.ask(question)
    assert time.perf_counter() - start < 2.0
    assert_sensible(answer, question)
    assert answer.answered
    assert answer.best.id in {"rec-4", "finding-police-children-not-seen"}
    assert str(MAX_QUESTION_CHARS) in answer.note


def test_100_kb_of_noise_does_not_raise(chat: Conversation) -> None:
    question = "".join(chr(0x20 + (i * 7919) % 0x2FF0) for i in range(100_000))
    answer = chat.ask(question)
    assert_sensible(answer, question)


@pytest.mark.parametrize(
    "question",
    ["what is\x00 early\x07 help?", "what is\u200b early\ufeff help?",
     "what\r\nis\r\nearly\r\nhelp"],
)
def test_control_characters_are_read_through(chat: Conversation, matcher: Matcher, pack: Pack, question: str) -> None:
    answer = chat.ask(question)
    assert_sensible(answer, question)
    plain = Conversation(pack, matcher).ask("what is early help?")
    assert ids(answer)[:1] == ids(plain)[:1]


def test_terminal_colour_codes_do_not_raise(chat: Conversation) -> None:
    question = "what\x1b[31m is early help\x1b[0m"
    assert_sensible(chat.ask(question), question)


def test_emoji_around_a_question(chat: Conversation) -> None:
    question = "\U0001f468\u200d\U0001f469\u200d\U0001f467 dads \U0001f642"
    answer = chat.ask(question)
    assert_sensible(answer, question)
    assert answer.best.id in {"finding-fathers", "rec-3"}


@pytest.mark.parametrize("question", ["\U0001f642", "\U0001f622\U0001f622\U0001f622", "\u2764\ufe0f"])
def test_emoji_alone_is_not_answered(chat: Conversation, question: str) -> None:
    answer = chat.ask(question)
    assert_sensible(answer, question)
    assert answer.answered is False


def test_right_to_left_marks_around_a_question(chat: Conversation) -> None:
    question = "\u200fwhat is early help?\u200f"
    answer = chat.ask(question)
    assert_sensible(answer, question)
    assert answer.best.id == Conversation(chat.pack, chat.matcher).ask("what is early help?").best.id


@pytest.mark.parametrize(
    "question",
    ["\u05de\u05d4 \u05d6\u05d4 early help",                       # Hebrew, with English words
     "\u0645\u0627 \u0647\u0648 \u0627\u0644\u062a\u062f\u062e\u0644 \u0627\u0644\u0645\u0628\u0643\u0631",  # Arabic
     "\u202eplehylrae si tahw\u202c"],
)
def test_right_to_left_text_gets_a_sensible_answer(chat: Conversation, question: str) -> None:
    answer = chat.ask(question)
    assert_sensible(answer, question)


def test_right_to_left_text_with_english_words_is_matched_on_them(chat: Conversation) -> None:
    answer = chat.ask("\u05de\u05d4 \u05d6\u05d4 early help")
    assert answer.answered
    assert "early help" in (answer.best.text + answer.best.title).lower()


@pytest.mark.parametrize(
    "question",
    ["[bold]x[/]", "[link=http://x]y[/link]", "[/]", "[bold red on white]", "[link=javascript:alert(1)]click[/link]",
     "\\[bold]escaped[/bold]"],
)
def test_rich_markup_is_plain_text(chat: Conversation, question: str) -> None:
    answer = chat.ask(question)
    assert_sensible(answer, question)
    assert answer.answered is False
    assert "[link=" not in render_answer(answer)


def test_rich_markup_around_a_real_question_still_raises_nothing(chat: Conversation) -> None:
    question = "[bold]what is early help?[/bold]"
    answer = chat.ask(question)
    assert_sensible(answer, question)


def test_rich_markup_tags_do_not_count_against_the_question(chat: Conversation) -> None:
    answer = chat.ask("[bold]police[/bold] didn't speak to the children")
    assert answer.answered
    assert answer.best.id in {"finding-police-children-not-seen", "rec-4"}


def test_non_string_input_is_read_as_text(chat: Conversation) -> None:
    answer = chat.ask(4)  # type: ignore[arg-type]
    assert isinstance(answer, Answer)


# --- case details -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Jamie Smith DOB 04/05/2015 was not seen by police", "name or date of birth"),
        ("Jamie Smith 04/05/2015 - should I escalate?", "name or date of birth"),
        ("Priya Patel born 4 May 2015, what should I do", "name or date of birth"),
        ("child dob 3/4/2014, dad not involved", "date of birth"),
        ("the family live at LE1 5WW is that early help", "postcode"),
        ("family in le15ww, who do I call", "postcode"),
        ("Mum lives in SW1A 1AA", "postcode"),
        ("they live at 14 Mill Lane, is it CSC", "street address"),
        ("the house at 22a Victoria Road had no fathers involved", "street address"),
        ("NHS number 943 476 5919 what now", "NHS number"),
        ("9434765919", "NHS number"),
        ("is 943-476-5919 the right child", "NHS number"),
        ("call mum on 07700 900123", "phone number"),
        ("dad's mobile is 07700900123", "phone number"),
        ("ring the school on 0116 496 0123", "phone number"),
        ("her number is +44 7700 900123", "phone number"),
        ("(0116) 4960123 is the nursery", "phone number"),
    ],
)
def test_case_details_are_spotted(text: str, kind: str) -> None:
    found = case_details(text)
    assert any(kind in f for f in found), (text, found)
    assert "case details" in case_details_warning(text)


def test_an_nhs_number_needs_a_valid_check_digit_unless_named() -> None:
    assert not any("NHS" in f for f in case_details("reference 9434765918"))  # bad check digit
    assert any("NHS" in f for f in case_details("NHS no 943 476 5918"))     # named as one: warn anyway


@pytest.mark.parametrize(
    "text",
    [
        "Working Together 2015",
        "what does Working Together 2015 say about early help",
        "rec 4",
        "recs 1 and 2",
        "learning point 2 and rec 7",
        "February and March 2017",
        "the audit ran in February and March 2017",
        "was the audit completed by 6th March 2017",
        "the 10 cases",
        "what happened in the 10 cases",
        "4 of the 10 cases were escalated and 2 were police",
        "Leicestershire Police and Children Social Care",
        "what did University Hospitals of Leicester find",
        "Leicester City Council Safeguarding Unit",
        "Team around the Family meeting",
        "what is a section 47 enquiry",
        "a 14 year old girl wasn't spoken to",
        "I have 12 cases on my caseload",
        "is there a contact number for the Early Help Service",
        "police didn't see the kids, what should happen?",
        "I escalated to CSC and never heard back",
    ],
)
def test_no_false_alarm_on_ordinary_questions(text: str) -> None:
    assert case_details(text) == []
    assert case_details_warning(text) == ""


@pytest.mark.parametrize("text", ["Ellie-Mae O'Brien 12.03.2016 dad not spoken to",
                                  "jamie smith 04/05/2015 not seen by police"])
def test_a_name_with_a_date_is_spotted_however_typed(text: str) -> None:
    assert case_details(text)


def test_case_details_on_huge_text_is_quick() -> None:
    start = time.perf_counter()
    case_details("0" * 100_000 + " call 07700 900123")
    case_details("Aa Bb " * 20_000)
    assert time.perf_counter() - start < 1.0




@pytest.mark.parametrize(
    "question, expected",
    [
        ("police didn't see the kids, mum is on 07700 900123, what should happen?",
         {"rec-4", "finding-police-children-not-seen"}),
        ("family at LE1 5WW: police didn't see the kids, what should happen?",
         {"rec-4", "finding-police-children-not-seen"}),
        ("rec 4 - her mobile is 07700 900123", {"rec-4"}),
        ("dad on 07700 900123 was never spoken to", {"finding-fathers", "rec-3"}),
        ("what does EHA stand for? LE1 5WW", {"gloss-eha"}),
        ("police didn't see the kids at 14 Mill Lane, what should happen?",
         {"rec-4", "finding-police-children-not-seen"}),
        ("Jamie Smith DOB 04/05/2015: what is early help?",
         {"def-working-together", "gloss-early-help", "def-thresholds"}),
        ("Amy Jones born 3 May 2016 - what should happen if police didn't see her?",
         {"rec-4", "finding-police-children-not-seen"}),
    ],
)
def test_ask_warns_about_case_details_and_still_answers(chat: Conversation, question: str, expected: set[str]) -> None:
    answer = chat.ask(question)
    assert "case details" in answer.case_details_warning
    assert answer.to_json()["case_details_warning"] == answer.case_details_warning
    assert render_answer(answer).startswith("WARNING:")
    assert answer.answered
    assert answer.best.id in expected


def test_no_warning_on_an_ordinary_question(chat: Conversation) -> None:
    answer = chat.ask("what does Working Together 2015 say about early help in February and March 2017?")
    assert answer.case_details_warning == ""
    assert answer.to_json()["case_details_warning"] is None


def test_the_warning_holds_for_blank_follow_ups_and_declines_too(chat: Conversation) -> None:
    assert "case details" in chat.ask("07700 900123").case_details_warning
    assert "case details" in chat.ask("who chairs the meeting at LE1 5WW").case_details_warning
    chat.ask("rec 4")
    assert "case details" in chat.ask("why? her number is 07700 900123").case_details_warning


def test_nothing_typed_is_kept_beyond_the_context(chat: Conversation) -> None:
    chat.ask("Jamie Smith DOB 04/05/2015 police didn't see the kids")
    chat.reset()
    assert "Jamie" not in repr(vars(chat))


def test_a_did_you_mean_pick_becomes_the_context_for_follow_ups(chat: Conversation, pack: Pack) -> None:
    chosen = chat.choose(pack.get("rec-4"))
    assert chosen.answered and chosen.best.id == "rec-4"
    answer = chat.ask("why?")
    assert answer.answered and answer.best.id == "finding-police-children-not-seen"


def test_prepare_compiles_up_front_what_answering_would_compile_on_first_use(chat: Conversation) -> None:
    from learnbot.core import conversation, privacy
    from learnbot.core.lazyregex import every_pattern
    from learnbot.core.matching import asking

    assert chat.prepare() is chat
    patterns = every_pattern()
    assert asking._DEFINITIONAL._pattern_source in patterns and privacy._NAME in patterns
    assert conversation._MORE in patterns and conversation._ABOUT in patterns
    assert patterns and all(pattern.is_compiled for pattern in patterns)
    # and answering is unchanged by it
    assert chat.ask("what does EHA stand for?").best.id == "gloss-eha"


@pytest.mark.parametrize(
    "text, gone, kept",
    [
        ("Jamie Smith DOB 04/05/2015: what is early help?", ["Jamie", "Smith", "DOB", "04/05/2015"], ["early help"]),
        ("Jamie Smith, 04/05/2015, what is early help", ["Jamie", "04/05/2015"], ["early help"]),
        ("were DOBs recorded for Early Help 04/05/2015", ["04/05/2015"], ["DOBs", "Early Help"]),
        ("police didnt see kids on 04/05/2020", ["04/05/2020"], ["see kids on"]),
    ],
)
def test_a_name_given_with_a_date_of_birth_is_masked_before_matching(text: str, gone: list[str], kept: list[str]) -> None:
    from learnbot.core.privacy import mask_case_details

    masked = mask_case_details(text)
    assert not any(part in masked for part in gone), masked
    assert all(part in masked for part in kept), masked


def test_asked_to_do_a_task_learnbot_says_what_it_does_instead(chat: Conversation) -> None:
    """"can u write me a cv": no near-miss passages and no procedures, but what to ask instead."""
    answer = chat.ask("can u write me a cv")
    assert not answer.answered and not answer.suggestions and not answer.further
    assert answer.note == TASK_MESSAGE
    assert TASK_MESSAGE in render_answer(answer)
    assert set(answer.to_json()) == set(chat.ask("what is early help").to_json())
