"""A tiny pack built in code, and helpers, for the progress tests (not the bundled pack)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from learnbot.core.model import Item, Pack, PackMeta
from learnbot.core.practice import Option, Reflection, Scenario, Step

PACK_ID = "tiny-pack"
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
"""A fixed moment the tests count from."""


def at(days: float = 0, seconds: float = 0) -> datetime:
    """``T0`` plus some days and seconds."""
    return T0 + timedelta(days=days, seconds=seconds)


def _item(item_id: str, kind: str, title: str, number: int | None = None) -> Item:
    return Item(
        id=item_id, kind=kind, title=title, text=f"The briefing's words for {title}.",
        section="Section", quote=True, number=number,
    )


def _step(cites: tuple[str, ...]) -> Step:
    return Step(
        prompt="What do you do?", type="single",
        options=(Option("Right", "Because.", correct=True), Option("Wrong", "Not so.")),
        cites=cites,
    )


def tiny_pack(pack_id: str = PACK_ID) -> Pack:
    """Two learning points, two findings, two recommendations, a background passage, a glossary
    entry, two escalation scenarios (2 steps and 1) and one voice-of-the-child scenario (1 step)."""
    items = (
        _item("bg-1", "background", "Why the audit ran"),
        _item("finding-a", "finding", "Feedback on escalation was missing"),
        _item("finding-b", "finding", "Children were not seen alone"),
        _item("lp-1", "learning_point", "Hear the child's voice", 1),
        _item("lp-2", "learning_point", "Hand over between services", 2),
        _item("rec-1", "recommendation", "Escalate in time", 1),
        _item("rec-2", "recommendation", "Speak to children", 2),
        Item(id="gloss-eha", kind="glossary", title="EHA", text="Early Help Assessment", section="Glossary",
             quote=False, term="EHA"),
    )
    scenarios = (
        Scenario("esc-1", "escalation", "No word back", "A fictional setting.",
                 (_step(("rec-1", "finding-a")), _step(("finding-a",)))),
        Scenario("esc-2", "escalation", "Waiting for the panel", "A fictional setting.", (_step(("rec-1",)),)),
        Scenario("voc-1", "voice-of-the-child", "The quiet child", "A fictional setting.",
                 (_step(("rec-2", "lp-1")),)),
    )
    reflections = (
        Reflection("refl-1", "How do you check that escalated action happened?", ("finding-a", "rec-1")),
        Reflection("refl-2", "When did you last see a child alone?", ("rec-2",)),
    )
    meta = PackMeta(
        id=pack_id, title="Tiny audit briefing", publisher="Test LSCB", audit_period="March 2017",
        currency_notice="A test pack: check current procedures.",
    )
    return Pack(meta=meta, items=items, reflections=reflections, scenarios=scenarios)
