"""Browse, Glossary, Help and the item view, driven through Pilot on the fixture pack."""

from __future__ import annotations

from textual.widgets import Markdown, OptionList, Tree

from learnbot.ui.screens.browse import BrowseScreen, reading_order
from learnbot.ui.screens.glossary import GlossaryScreen, filter_terms
from learnbot.ui.screens.help import HelpScreen
from learnbot.ui.screens.item import ItemScreen
from learnbot.ui.widgets.passage import Passage

SIZE = (80, 24)


async def go(pilot, key: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    await pilot.pause()


# --- Browse -------------------------------------------------------------------------------------


async def test_browse_shows_headings_then_items_and_the_currency_notice(make, pack, screen_text):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "f3")
        assert isinstance(app.screen, BrowseScreen)
        tree = app.screen.query_one(Tree)
        headings = [str(node.label) for node in tree.root.children]
        assert headings == [section for section, _ in pack.sections()] + ["Glossary"]
        assert "Check current procedures" in app.screen.query_one("#currency-notice").border_title
        assert pack.meta.currency_notice in screen_text(app)
        assert "Leicester LSCB" in screen_text(app)


async def test_browse_to_recommendation_4(make, recorder):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "f3")
        tree = app.screen.query_one(Tree)
        for _ in range(40):
            node = tree.cursor_node
            if node is not None and node.data is not None and node.data.id == "rec-4":
                break
            await pilot.press("down")
        assert str(tree.cursor_node.label) == "4. Police to speak to children, including in welfare checks"
        await go(pilot, "enter")
        assert isinstance(app.screen, ItemScreen)
        passage = app.screen.query_one(Passage)
        assert passage.item.text == "Police to ensure that children are spoken to, including in welfare checks."
        assert ("rec-4", "app") in recorder.read
        # Its related items are listed, numbered, and it reads on in the briefing's order.
        assert [link.item.id for link in app.screen.links] == ["finding-police-children-not-seen", "lp-1"]
        await go(pilot, "n")
        assert app.screen.item.id == "rec-5"
        await go(pilot, "p")
        await go(pilot, "p")
        assert app.screen.item.id == "rec-3"
        await go(pilot, "escape")
        assert isinstance(app.screen, BrowseScreen)


async def test_read_the_whole_briefing_in_order(make, pack, recorder):
    app = make()
    order = reading_order(pack)
    assert [item.kind for item in order].count("glossary") == 0
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "f3")
        await go(pilot, "r")
        seen = [app.screen.item.id]
        for _ in range(len(order) + 2):
            await go(pilot, "n")
            if app.screen.item.id != seen[-1]:
                seen.append(app.screen.item.id)
        assert seen == [item.id for item in order]
        assert [item_id for item_id, _ in recorder.read] == seen


async def test_an_open_item_stays_open_when_coming_back_to_browse(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "f3")
        await go(pilot, "r")
        await go(pilot, "f2")
        await go(pilot, "f3")
        assert isinstance(app.screen, ItemScreen)
        # F3 again goes back to the tree.
        await go(pilot, "f3")
        assert isinstance(app.screen, BrowseScreen)


# --- Glossary -----------------------------------------------------------------------------------


def test_filter_ranks_term_matches_first(pack):
    assert [item.term for item in filter_terms(pack.glossary, "")] == [
        "CSC", "early help", "EHA", "LSCB", "Voice of the child",
    ]
    assert [item.term for item in filter_terms(pack.glossary, "eh")][0] == "EHA"
    assert [item.term for item in filter_terms(pack.glossary, "social care")] == ["CSC"]
    assert [item.term for item in filter_terms(pack.glossary, "daily life")] == ["Voice of the child"]
    assert filter_terms(pack.glossary, "zzz") == []


async def test_glossary_filters_as_you_type_and_opens_a_term(make, recorder, screen_text):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "f4")
        assert isinstance(app.screen, GlossaryScreen)
        terms = app.screen.query_one(OptionList)
        assert terms.option_count == 5
        await pilot.press(*"lscb")
        await pilot.pause()
        assert terms.option_count == 1
        assert "1 of 5 terms" in screen_text(app)
        await go(pilot, "enter")
        assert isinstance(app.screen, ItemScreen)
        assert app.screen.item.id == "gloss-lscb"
        assert ("gloss-lscb", "app") in recorder.read
        await go(pilot, "escape")
        await go(pilot, "escape")
        assert app.screen.query_one("#filter").value == ""
        assert terms.option_count == 5


async def test_glossary_arrows_move_while_typing(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "f4")
        await pilot.press("down", "down")
        await go(pilot, "enter")
        assert app.screen.item.id == "gloss-eha"


async def test_glossary_says_when_nothing_matches(make, screen_text):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "f4")
        await pilot.press(*"qqq")
        await pilot.pause()
        assert "No term matches" in screen_text(app)
        await go(pilot, "enter")
        assert isinstance(app.screen, GlossaryScreen)


# --- Help ---------------------------------------------------------------------------------------


async def test_help_says_what_learnbot_is_and_is_not(make, pack):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        page = app.screen.query_one(Markdown).source
        for words in ("a learning aid", "not procedure", "not advice on a case", "case details",
                      "Nothing you type is stored", pack.meta.currency_notice.split(":")[0],
                      "| F1 |", "| F2 |", "| Ctrl+Q |", "| 1 to 9 |", "| Esc |", "| Up arrow |"):
            assert words in page, words


async def test_help_lists_the_keys_of_every_screen_once(make):
    from learnbot.ui.screens.progress import ProgressScreen
    from learnbot.ui.screens.quiz import QuizScreen

    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await go(pilot, "f1")
        page = app.screen.query_one(Markdown).source
        for heading in ("### Progress", "### Choosing a profile", "### A quiz", "### A quiz's summary",
                        "### Setting up a team briefing", "### A team briefing", "### A team briefing's summary",
                        "### Leaving a quiz or a team briefing"):
            assert heading in page, heading
        # Each row is the binding's own tooltip: one source of truth.
        for binding in (*QuizScreen.BINDINGS, *ProgressScreen.BINDINGS):
            if not binding.group and not binding.action.startswith("app."):
                assert binding.tooltip in page, binding.id
        assert "| F5 | What you have covered" in page
        assert "| Enter or Y | Yes: leave" in page and "| Esc or N |" in page
        assert "| Tab |" in page and "| Shift+Tab |" in page
        assert "| 1 to 9 | Pick the option with that number" in page
        # A key a screen binds again only to keep it out of its footer is listed once, under Everywhere.
        assert page.count("| F2 |") == 1 and page.count("| F3 |") == 1


# --- The item view ------------------------------------------------------------------------------


async def test_item_view_marks_a_note_that_is_not_the_briefing(make, pack, screen_text):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_item(pack.get("gloss-csc"))
        await pilot.pause()
        text = screen_text(app)
        assert "learnbot's note, not the briefing's words" in text
        assert "Children Social Care" in text
        assert app.screen.sub_title == "Glossary: CSC"


async def test_item_view_shows_links_the_item_carries(make, pack, screen_text):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_item(pack.get("further-escalation"))
        await pilot.pause()
        assert "Link: LLR LSCB Resolving Disagreement and Escalation of Concerns procedure" in screen_text(app)


async def test_pack_text_that_looks_like_markup_is_shown_as_written(pack, screen_text):
    """Markdown (passages) and Content (titles) never read Rich markup out of the content."""
    from dataclasses import replace

    from textual.widgets._markdown import MarkdownParagraph

    from learnbot.core.model import Pack
    from learnbot.ui.app import make_app

    odd = replace(pack.get("rec-4"), title="[bold]Bracketed[/] title", text="Say [red]x[/] plainly.")
    app = make_app(Pack(meta=pack.meta, items=(odd,)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_item(odd)
        await pilot.pause()
        assert "[bold]Bracketed[/] title" in screen_text(app)
        paragraph = app.screen.query_one(MarkdownParagraph)
        assert "Say [red]x[/] plainly." in str(paragraph.render())
