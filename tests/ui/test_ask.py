"""The Ask screen, driven through Pilot: asking, answers, links, "did you mean", recall, case details."""

from __future__ import annotations

from learnbot.ui.screens.ask import AskScreen
from learnbot.ui.screens.item import ItemScreen
from learnbot.ui.widgets.answer_card import AnswerCard
from learnbot.ui.widgets.links import Link
from learnbot.ui.widgets.passage import Passage

SIZE = (80, 24)
CASE_DETAILS_QUESTION = "Jane Smith dob 01/02/2015 lives at 12 High Street, is that early help?"
"""A question that holds (made-up) case details: a name, a date of birth and an address."""


async def ask(pilot, question: str) -> None:
    """Put ``question`` in the box (as a paste would: typing key by key is slow under Pilot), press Enter."""
    await pilot.pause()
    pilot.app.screen.query_one("#question").insert_text_at_cursor(question)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def cards(app) -> list[AnswerCard]:
    return list(app.screen.query(AnswerCard))


async def test_what_is_early_help_with_the_real_engine(make, recorder, screen_text):
    app = make(real=True)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "what is early help?")
        (card,) = cards(app)
        passage = card.query_one(Passage)
        assert "Early help means providing support as soon as a problem emerges" in passage.item.text
        assert "Working Together" in passage.item.title
        assert "Match: strong" in screen_text(app)
        assert "the briefing's words" in screen_text(app)
        assert (passage.item.id, "app") in recorder.read


async def test_empty_screen_offers_examples_picked_by_number(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        examples = [link.label.plain for link in app.screen.query(Link)]
        assert examples[0] == "What is early help?"
        assert [link.number for link in app.screen.query(Link)] == [1, 2, 3, 4]
        await pilot.press("1")
        await pilot.pause()
        await pilot.pause()
        (card,) = cards(app)
        assert card.answer.question == "What is early help?"
        assert app.screen.query_one("#question").value == ""


async def test_answer_card_shows_passage_heading_confidence_and_related(make, screen_text):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "what is early help?")
        text = screen_text(app)
        assert "You asked: what is early help?" in text
        assert "Match: strong" in text
        assert "Definition \u00b7 under \u201cWhat is Early Help?\u201d \u00b7 the briefing's words" in text
        related = [link.label.plain for link in cards(app)[0].links]
        assert related == [
            "Definition \u00b7 Early help, as the LLR thresholds describe it",
            "EHA \u00b7 Early Help Assessment",
        ]
        # The welcome's numbers moved to the new card.
        assert [link.number for link in app.screen.query(Link) if link.number] == [1, 2]


async def test_partial_answer_says_so(make, screen_text):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "police never saw the kids")
        assert "Match: partial" in screen_text(app)


async def test_follow_a_related_link_by_number_and_come_back(make, recorder, screen_text):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "what is early help?")
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.item.id == "def-thresholds"
        assert "Early Help is the phrase used to describe services" in app.screen.query_one(Passage).item.text
        assert ("def-thresholds", "app") in recorder.read
        # The item shows its own related items, and they open too.
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.item.id == "def-working-together"
        await pilot.press("escape")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)


async def test_follow_a_related_link_with_the_mouse(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "what is early help?")
        link = cards(app)[0].links[1]
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert link.region.height, "the link is on screen"
        await pilot.click(link)
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.item.id == "gloss-eha"


async def test_a_fact_the_briefing_does_not_give_is_named(make, screen_text):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "who chairs the group?")
        text = screen_text(app)
        assert "The briefing touches on this but does not give who chairs it." in text
        assert "The briefing does not cover that." not in text
        assert "Did you mean:" in text


async def test_not_covered_says_so_and_offers_did_you_mean(make, recorder, screen_text):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "how do I fix the office printer")
        text = screen_text(app)
        assert "The briefing does not cover that." in text
        assert "Did you mean:" in text
        assert "Further information the briefing points to:" in text
        keys = [link.key().plain.strip() for link in cards(app)[0].links]
        assert keys == ["1 \u2192", "2 \u2192", "3 \u2192"]
        assert recorder.read == []
        # Pick the second "did you mean" with its number: it is shown as the answer.
        await pilot.press("2")
        await pilot.pause()
        await pilot.pause()
        first, second = cards(app)
        assert second.answer.best.id == "rec-4"
        assert "You chose: Police to speak to children, including in welfare checks" in screen_text(app)
        assert "Match:" not in str(second.query_one(".card--question").render())
        assert ("rec-4", "app") in recorder.read


async def test_further_information_opens_the_item(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "printer")
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.item.id == "further-escalation"


async def test_number_keys_type_when_the_box_has_text_or_no_link_has_that_number(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r", "e", "c", "space", "4")
        assert app.screen.query_one("#question").value == "rec 4"
        assert cards(app) == []
        await pilot.press("ctrl+u")
        await pilot.press("9")
        assert app.screen.query_one("#question").value == "9"


async def test_typed_markup_is_shown_exactly_as_typed(make, screen_text):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"[bold red]x[/]")
        assert app.screen.query_one("#question").value == "[bold red]x[/]"
        await pilot.press("ctrl+u")
        await ask(pilot, "[bold red]x[/] and [link=https://example.org]y[/link]")
        (card,) = cards(app)
        question = card.query_one(".card--question").render()
        assert question.plain == "You asked: [bold red]x[/] and [link=https://example.org]y[/link]"
        assert "You asked: [bold red]x[/]" in screen_text(app)
        # Nothing broke: the app still asks.
        await ask(pilot, "what is early help?")
        assert len(cards(app)) == 2


async def test_up_and_down_recall_this_sessions_questions(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        box = app.screen.query_one("#question")
        await ask(pilot, "first question")
        await ask(pilot, "second question")
        await pilot.press(*"draft")
        await pilot.press("up")
        assert box.value == "second question"
        await pilot.press("up")
        assert box.value == "first question"
        await pilot.press("up")
        assert box.value == "first question"
        await pilot.press("down")
        assert box.value == "second question"
        await pilot.press("down")
        assert box.value == "draft"


async def test_case_details_warning_comes_first_and_nothing_is_kept(make, screen_text):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, CASE_DETAILS_QUESTION)
        (card,) = cards(app)
        children = list(card.children)
        warning = card.query_one(".card--warning")
        answer_part = card.query_one(".card--not-covered")
        assert children.index(warning) < children.index(answer_part)
        shown = screen_text(app)
        assert "case details" in shown.lower()
        assert "case details" in (warning.border_title or "").lower()
        # The question is neither shown again nor kept for recall.
        assert "Jane Smith" not in shown
        assert app.screen.question_input.history == ()
        await pilot.press("up")
        assert app.screen.query_one("#question").value == ""


async def test_case_details_warning_with_the_real_engine(make, screen_text):
    app = make(real=True)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, CASE_DETAILS_QUESTION)
        (card,) = cards(app)
        assert card.answer.case_details_warning
        assert "case details" in screen_text(app).lower()


async def test_new_conversation_starts_again(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "what is early help?")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.pause()
        assert cards(app) == []
        assert app.conversation.get().resets == 1
        assert app.screen.question_input.history == ()
        assert [link.number for link in app.screen.query(Link)] == [1, 2, 3, 4]


async def test_a_failing_engine_does_not_take_the_app_down(pack):
    from learnbot.ui.app import make_app

    def broken(_pack):
        raise RuntimeError("index missing")

    app = make_app(pack, conversation_factory=broken)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "what is early help?")
        assert cards(app) == []
        assert app.is_running


async def test_the_next_best_passages_are_offered_as_also_relevant(make):
    app = make(real=True)
    async with app.run_test(size=SIZE) as pilot:
        await ask(pilot, "police didn't see the kids, what should happen?")
        (card,) = cards(app)
        answer = card.answer
        others = [m.item for m in answer.matches[1:3] if m.item not in answer.related]
        assert others, "the real engine ranks more than one passage for this question"
        shown = [link.item for link in card.links]
        assert shown[: len(others)] == others  # first among the card's links, numbered 1, 2 ...
