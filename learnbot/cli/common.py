"""Helpers the subcommands share: loading the chosen pack, writing text safely."""

from __future__ import annotations

import argparse
import sys

from learnbot.core.model import Pack


def load_pack(args: argparse.Namespace) -> Pack:
    """Load the pack chosen by ``--content`` / ``LEARNBOT_CONTENT`` / the bundled default.

    Raises:
        ContentError: the pack has problems (the caller prints them and exits 2).
    """
    from learnbot.core.loader import load_pack as _load
    from learnbot.locations import content_dir

    return _load(content_dir(getattr(args, "content", None)))


def write(text: str = "") -> None:
    """Print ``text``, replacing characters the terminal's encoding cannot show."""
    stream = sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(text.encode(encoding, "replace").decode(encoding) + "\n")
