"""`learnbot validate [PACK_DIR]`: check a content pack and count what it holds."""

from __future__ import annotations

import argparse

from learnbot.cli.common import write
from learnbot.core.model import KIND_LABELS


def add_parser(subparsers, parents) -> None:
    parser = subparsers.add_parser(
        "validate", parents=parents, help="check a content pack and count its items",
        description="Check a content pack. Exit 0 with a count per kind, or 2 with every problem listed.",
    )
    parser.add_argument("pack_dir", nargs="?", metavar="PACK_DIR",
                        help="pack folder (default: --content, $LEARNBOT_CONTENT or the bundled briefing)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from learnbot.core.loader import load_pack
    from learnbot.locations import content_dir

    root = content_dir(args.pack_dir or getattr(args, "content", None))
    pack = load_pack(root)
    write(f"{pack.meta.title}: valid ({root})")
    for kind, count in pack.counts().items():
        write(f"  {KIND_LABELS[kind].lower()}: {count}")
    if pack.reflections:
        write(f"  reflection questions: {len(pack.reflections)}")
    if pack.scenarios:
        write(f"  scenarios: {len(pack.scenarios)}")
    return 0
