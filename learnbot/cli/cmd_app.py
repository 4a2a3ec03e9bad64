"""Opening the full-screen app (the only command-line path that imports Textual)."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace) -> int:
    """Load the chosen pack and run the app on it until the practitioner quits.

    Returns:
        The process exit code.
    """
    from learnbot.cli.common import load_pack
    from learnbot.cli.records import progress_for_app
    from learnbot.ui.app import make_app

    pack = load_pack(args)
    store, profile = progress_for_app(args)
    make_app(pack, store=store, profile=profile).run()
    return 0
