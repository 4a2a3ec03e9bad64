"""`learnbot export-records --format csv|json`: every learning record, for a learning record store.

JSON is a list of xAPI-shaped statements (:mod:`learnbot.core.progress.xapi`); CSV holds the same
statements, one row each. By default the chosen profile's records; ``--all-profiles`` for everyone
on this machine (a team laptop's records for a manager).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from learnbot.cli.common import load_pack, write
from learnbot.cli.records import choose_profile, say, store_command

if TYPE_CHECKING:
    from learnbot.core.model import Pack
    from learnbot.core.progress.store import ProgressStore


def add_parser(subparsers, parents) -> None:
    parser = subparsers.add_parser(
        "export-records", parents=parents, help="print every learning record as xAPI JSON or CSV",
        description=(
            "Print learning records: JSON is a list of xAPI statements a learning record store can "
            "take; CSV has the same statements, one row each."
        ),
    )
    parser.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default json)")
    parser.add_argument("--all-profiles", action="store_true",
                        help="every profile's records on this machine, not only the chosen profile's")
    parser.set_defaults(run=store_command(run))


def run(args: argparse.Namespace, store: ProgressStore) -> int:
    from learnbot.core.progress.xapi import statements_to_csv, statements_to_xapi

    profile = None if args.all_profiles else choose_profile(args, store)
    statements = store.statements(profile)
    pack = _pack_for_titles(args)
    if args.format == "json":
        write(json.dumps(statements_to_xapi(statements, pack), indent=2, ensure_ascii=False))
    else:
        write(statements_to_csv(statements, pack).rstrip("\n"))
    return 0


def _pack_for_titles(args: argparse.Namespace) -> Pack | None:
    """The pack, for titles; records are still exported (by id) when it cannot be loaded."""
    from learnbot.core.loader import ContentError

    try:
        return load_pack(args)
    except ContentError as err:
        say(f"the content pack has {len(err.problems)} problem(s), so records are exported by id "
            "without titles (learnbot validate lists them)")
        return None
