"""Loading the chosen pack with its matcher, for the commands that answer questions."""

from __future__ import annotations

import argparse

from learnbot.core.conversation import Conversation


def load_conversation(args: argparse.Namespace) -> Conversation:
    """A fresh :class:`Conversation` on the chosen pack (its index cached between runs)."""
    from learnbot.core.packcache import load_matcher
    from learnbot.locations import content_dir

    pack, matcher = load_matcher(content_dir(getattr(args, "content", None)))
    return Conversation(pack, matcher)
