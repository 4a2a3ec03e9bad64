"""Opening the full-screen app (the only command-line path that imports Textual)."""

from __future__ import annotations

import argparse


def run_app(args: argparse.Namespace) -> int:
    """Load the chosen pack and run the app on it until the practitioner quits.

    The pack comes from the per-user cache when it is current (see ``learnbot.core.packcache``),
    so the first screen does not wait for the YAML to be read again.

    Returns:
        The process exit code.
    """
    from learnbot.cli.records import progress_for_app
    from learnbot.core.packcache import load_pack_cached
    from learnbot.locations import content_dir
    from learnbot.ui.app import make_app

    pack = load_pack_cached(content_dir(getattr(args, "content", None)))
    store, profile = progress_for_app(args)
    make_app(pack, store=store, profile=profile).run()
    return 0
