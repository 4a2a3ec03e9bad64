"""`learnbot forget-me [--yes]`: delete a profile and every record of it, after a confirmation."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from learnbot.cli.common import write
from learnbot.cli.records import EXIT_ERROR, choose_profile, store_command

if TYPE_CHECKING:
    from learnbot.core.progress.store import ProgressStore


def add_parser(subparsers, parents) -> None:
    parser = subparsers.add_parser(
        "forget-me", parents=parents, help="delete your profile and every record of it",
        description=(
            "Delete the chosen profile and every learning record of it from this machine. Asks for "
            "confirmation first (type yes) unless --yes is given. It cannot be undone."
        ),
    )
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.set_defaults(run=store_command(run))


def run(args: argparse.Namespace, store: ProgressStore) -> int:
    profile = choose_profile(args, store)
    count = store.activity().get(profile.id, (0, None))[0]
    if not args.yes:
        print(
            f"This deletes the profile {profile.name!r} and its {count} learning record"
            f"{'s' if count != 1 else ''} from {store.path}. It cannot be undone.\n"
            "Type yes to delete: ",
            end="", file=sys.stderr, flush=True,
        )
        answer = sys.stdin.readline().strip().lower()
        if answer not in ("yes", "y"):
            print("Nothing was deleted.", file=sys.stderr)
            return EXIT_ERROR
    deleted = store.forget_profile(profile)
    write(f"Deleted the profile {profile.name!r} and {deleted} learning record{'s' if deleted != 1 else ''}.")
    aside = sorted(store.path.parent.glob(f"{store.path.name}.damaged-*"))
    aside = [p for p in aside if not p.name.endswith(("-wal", "-shm", "-journal"))]
    if aside:
        write("Older stores moved aside as damaged are not changed; delete them yourself if they hold "
              "your records: " + ", ".join(str(p) for p in aside))
    return 0
