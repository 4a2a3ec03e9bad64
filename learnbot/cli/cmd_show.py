"""`learnbot show ID`: one item's title, text, heading and related items."""

from __future__ import annotations

import argparse
import sys

from learnbot.cli.common import load_pack, write
from learnbot.core.textfmt import format_item


def add_parser(subparsers, parents) -> None:
    parser = subparsers.add_parser(
        "show", parents=parents, help="show one item by its id (e.g. rec-4)",
        description="Show an item: its title, the passage, where it sits in the briefing, and related items.",
    )
    parser.add_argument("item_id", metavar="ID", help="an item id, such as rec-4 or gloss-eha")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    pack = load_pack(args)
    item = pack.get(args.item_id.strip())
    if item is None:
        from rapidfuzz import process

        close = process.extract(args.item_id, [i.id for i in pack.items], limit=3, score_cutoff=60)
        hint = f" Did you mean: {', '.join(c[0] for c in close)}?" if close else ""
        print(f"learnbot: no item with id {args.item_id!r}.{hint}", file=sys.stderr)
        return 1
    write(format_item(pack, item))
    from learnbot.cli.records import recorder_for
    recorder_for(args, pack).item_read(item.id, "show")
    return 0
