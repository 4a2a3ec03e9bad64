"""`learnbot export --format json|markdown`: the loaded pack, for other tools and for reading.

The JSON shape is a contract other tools read: keep its keys stable (add, never rename).
"""

from __future__ import annotations

import argparse
import json

from learnbot.cli.common import load_pack, write
from learnbot.core.export import pack_to_dict, pack_to_markdown


def add_parser(subparsers, parents) -> None:
    parser = subparsers.add_parser(
        "export", parents=parents, help="print the whole pack as JSON or Markdown",
        description="Print the loaded pack: JSON (for other tools) or Markdown (for reading and sharing).",
    )
    parser.add_argument("--format", choices=("json", "markdown"), default="json", help="output format (default json)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    pack = load_pack(args)
    if args.format == "json":
        write(json.dumps(pack_to_dict(pack), indent=2, ensure_ascii=False))
    else:
        write(pack_to_markdown(pack))
    return 0
