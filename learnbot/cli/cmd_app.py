"""Opening the full-screen app (the only command-line path that imports Textual)."""

from __future__ import annotations

import argparse
import sys


def run_app(args: argparse.Namespace) -> int:
    """Start the app on the chosen pack."""
    print("learnbot: the full-screen app is not built yet. Try `learnbot --help`.", file=sys.stderr)
    return 1
