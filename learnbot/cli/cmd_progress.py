"""`learnbot progress [--json]`: what a practitioner has covered, their quiz results, and what next.

The JSON shape is :meth:`learnbot.core.progress.summary.Progress.to_json`, a contract: keep its keys.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from learnbot.cli.common import load_pack, write
from learnbot.cli.records import choose_profile, store_command

if TYPE_CHECKING:
    from learnbot.core.progress.store import ProgressStore
    from learnbot.core.progress.summary import Progress

REVIEW_SHOWN = 10
"""How many review-next entries the text lists (the JSON has them all)."""


def add_parser(subparsers, parents) -> None:
    parser = subparsers.add_parser(
        "progress", parents=parents, help="what you have covered, quiz results, and what to review next",
        description=(
            "Show a profile's progress through the briefing: which learning points, findings and "
            "recommendations have been reviewed and when, quiz results per topic, the scenarios missed "
            "most, and what to review next."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print JSON for other tools")
    parser.set_defaults(run=store_command(run))


def run(args: argparse.Namespace, store: ProgressStore) -> int:
    from learnbot.core.progress.summary import summarise

    profile = choose_profile(args, store)
    pack = load_pack(args)
    progress = summarise(pack, profile, store.statements(profile, pack_id=pack.meta.id), datetime.now(timezone.utc))
    if args.json:
        write(json.dumps(progress.to_json(), indent=2, ensure_ascii=False))
    else:
        write(progress_text(progress))
    return 0


def progress_text(progress: Progress) -> str:
    """The plain-text report (no colour, so it reads the same through a screen reader or a pipe)."""
    from learnbot.core.progress.summary import REASON_LABELS, day, plural_label

    profile = progress.profile
    who = ", ".join(x for x in (profile.role, profile.agency) if x)
    lines = [
        f"Progress for {profile.name} ({who}) on {day(progress.now)}",
        f"{progress.pack.meta.title}",
        "",
        "Coverage",
    ]
    for kind, (done, total) in progress.coverage().items():
        lines.append(f"  {plural_label(kind):<18}{done} of {total} reviewed")
    for kind in progress.coverage():
        lines += ["", plural_label(kind)]
        for p in (p for p in progress.items if p.item.kind == kind):
            state = f"reviewed, last on {day(p.last_reviewed)}" if p.last_reviewed else "not reviewed yet"
            lines.append(f"  {p.item.title}  [{p.item.id}]: {state}")

    lines += ["", "Quiz results"]
    if not progress.topics:
        lines.append("  This pack has no scenarios.")
    for t in progress.topics:
        topic = t.topic.replace("-", " ")
        if not t.answered:
            lines.append(f"  {topic}: not tried yet ({t.steps} steps)")
        else:
            lines.append(
                f"  {topic}: {t.correct} of {t.answered} answers right; {t.steps_answered} of {t.steps} "
                f"steps tried, {t.steps_right} right last time"
            )
    if progress.missed_most:
        lines += ["", "Scenarios missed most"]
        for m in progress.missed_most:
            lines.append(f"  {m.scenario.title}  [{m.scenario.id}]: {m.wrong} of {m.answered} answers wrong")

    lines += ["", "Review next"]
    if not progress.review_next:
        lines.append("  Nothing: every point is reviewed and up to date.")
    for number, entry in enumerate(progress.review_next[:REVIEW_SHOWN], start=1):
        lines.append(f"  {number}. {entry.title}  [{entry.id}]: {REASON_LABELS[entry.reason]}")
    hidden = len(progress.review_next) - REVIEW_SHOWN
    if hidden > 0:
        lines.append(f"  ... and {hidden} more (learnbot progress --json lists them all)")
    return "\n".join(lines)
