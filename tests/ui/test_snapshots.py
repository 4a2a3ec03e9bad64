"""Snapshots of every screen at 80x24 on the fixture pack, with the scripted ask engine.

Regenerate with ``pytest tests/ui/test_snapshots.py --snapshot-update`` and look at every changed
SVG (``__snapshots__/test_snapshots/``) before committing it.
"""

from __future__ import annotations

import pytest

SIZE = (80, 24)


def asking(question: str):
    """A run_before that puts ``question`` in the box and presses Enter."""

    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.screen.query_one("#question").insert_text_at_cursor(question)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(0.1)
        await pilot.pause()

    return run_before


def opening(item_id: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        pilot.app.open_item(pilot.app.pack.get(item_id))
        await pilot.pause()

    return run_before


# --- Ask ----------------------------------------------------------------------------------------


def test_ask_empty_shows_examples(make, snap_compare):
    assert snap_compare(make(), terminal_size=SIZE)


def test_ask_strong_answer_with_related(make, snap_compare):
    assert snap_compare(make(), terminal_size=SIZE, run_before=asking("what is early help?"))


def test_ask_partial_answer(make, snap_compare):
    assert snap_compare(make(), terminal_size=SIZE, run_before=asking("police never saw the kids"))


def test_ask_not_covered_with_did_you_mean(make, snap_compare):
    assert snap_compare(make(), terminal_size=SIZE, run_before=asking("how do I fix the printer"))


def test_ask_case_details_warning(make, snap_compare):
    question = "Jane Smith dob 01/02/2015 lives at 12 High Street, is that early help?"
    assert snap_compare(make(), terminal_size=SIZE, run_before=asking(question))


def test_ask_typed_markup_shown_as_typed(make, snap_compare):
    assert snap_compare(make(), terminal_size=SIZE, run_before=asking("[bold red]x[/] means what?"))


def test_ask_light_theme(make, snap_compare):
    async def run_before(pilot) -> None:
        await asking("what is early help?")(pilot)
        await pilot.press("ctrl+t")

    assert snap_compare(make(), terminal_size=SIZE, run_before=run_before)


# --- Browse and the item view -------------------------------------------------------------------


def test_browse(make, snap_compare):
    assert snap_compare(make(), terminal_size=SIZE, press=["f3"])


def test_item_recommendation_4(make, snap_compare):
    assert snap_compare(make(), terminal_size=SIZE, run_before=opening("rec-4"))


def test_item_glossary_note(make, snap_compare):
    assert snap_compare(make(), terminal_size=SIZE, run_before=opening("gloss-csc"))


def test_item_read_in_order(make, snap_compare):
    assert snap_compare(make(), terminal_size=SIZE, press=["f3", "r", "n"])


# --- Glossary, Help, palette --------------------------------------------------------------------


def test_glossary(make, snap_compare):
    assert snap_compare(make(), terminal_size=SIZE, press=["f4"])


def test_glossary_filtered(make, snap_compare):
    assert snap_compare(make(), terminal_size=SIZE, press=["f4", "e", "h"])


def test_help(make, snap_compare):
    assert snap_compare(make(), terminal_size=SIZE, press=["f1"])


def test_palette_search(make, snap_compare):
    async def run_before(pilot) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"police")
        await pilot.pause(0.5)

    assert snap_compare(make(), terminal_size=SIZE, run_before=run_before)
