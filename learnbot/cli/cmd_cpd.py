"""`learnbot cpd`: a draft CPD record in Markdown, for the practitioner to edit."""

from __future__ import annotations

import argparse
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from learnbot.cli.common import load_pack, write
from learnbot.cli.records import EXIT_ERROR, choose_profile, say, store_command

if TYPE_CHECKING:
    from learnbot.core.progress.store import ProgressStore


def add_parser(subparsers, parents) -> None:
    parser = subparsers.add_parser(
        "cpd", parents=parents, help="draft a CPD record (Markdown) from your learning records",
        description=(
            "Print a draft CPD record in Markdown: what you learnt and when, the items and scenarios "
            "behind it, peer reflection from team briefings, and prompts on the impact on your "
            "practice. It is a draft: edit it before you use it (learnbot cpd > my-cpd.md)."
        ),
    )
    parser.set_defaults(run=store_command(run))


def run(args: argparse.Namespace, store: ProgressStore) -> int:
    from learnbot.core.progress.cpd import cpd_markdown

    profile = choose_profile(args, store)
    pack = load_pack(args)
    statements = store.statements(profile, pack_id=pack.meta.id)
    if not statements:
        say(f"there are no learning records for {profile.name} yet, so there is nothing to draft. "
            "Read an item (learnbot show ID) or use the app first.")
        return EXIT_ERROR
    write(cpd_markdown(pack, profile, statements, datetime.now(timezone.utc)))
    return 0
