"""`learnbot profiles [--add NAME --role ROLE --agency AGENCY]`: the practitioner profiles here.

A profile is a display name (or initials), a role and an agency: never case data.
"""

from __future__ import annotations

import argparse
import json
import shlex
from typing import TYPE_CHECKING

from learnbot.cli.common import write
from learnbot.cli.records import add_hint, profile_name, store_command
from learnbot.core.progress.roles import ROLES, normalise_role

if TYPE_CHECKING:
    from learnbot.core.progress.store import ProgressStore


def _role(text: str) -> str:
    role = normalise_role(text)
    if role is None:
        raise argparse.ArgumentTypeError(f"unknown role {text!r} (choose one of: {', '.join(ROLES)})")
    return role


def add_parser(subparsers, parents) -> None:
    parser = subparsers.add_parser(
        "profiles", parents=parents, help="list the practitioner profiles here, or add one",
        description=(
            "List the practitioner profiles on this machine, or add one. A profile is a display name "
            "or initials, a role and an agency; learnbot never asks for case details."
        ),
    )
    parser.add_argument("--add", metavar="NAME", help="add a profile with this display name or initials")
    parser.add_argument("--role", type=_role, metavar="ROLE",
                        help=f"the new profile's role: {', '.join(repr(r) for r in ROLES)}")
    parser.add_argument("--agency", default="", help="the new profile's agency (optional)")
    parser.add_argument("--json", action="store_true", help="list as JSON")
    parser.set_defaults(run=_checked(parser))


def _checked(parser: argparse.ArgumentParser):
    wrapped = store_command(run)

    def check_then_run(args: argparse.Namespace) -> int:
        if args.add is None and (args.role or args.agency):
            parser.error("--role and --agency go with --add NAME")
        if args.add is not None and not args.role:
            parser.error(f"--add needs --role (one of: {', '.join(ROLES)})")
        return wrapped(args)

    return check_then_run


def run(args: argparse.Namespace, store: ProgressStore) -> int:
    from learnbot.core.progress.store import iso
    from learnbot.core.progress.summary import day

    if args.add is not None:
        profile = store.add_profile(args.add, args.role, args.agency)
        write(f"Added profile {profile.name} ({profile.role}{', ' + profile.agency if profile.agency else ''}).")
        write(f"Use it with --profile {shlex.quote(profile.name)} or LEARNBOT_PROFILE={shlex.quote(profile.name)}.")
        return 0
    profiles = store.profiles()
    activity = store.activity()
    chosen = profile_name(args)
    if args.json:
        listing = []
        for p in profiles:
            count, last = activity.get(p.id, (0, None))
            listing.append({"name": p.name, "role": p.role, "agency": p.agency, "records": count,
                            "last_record": iso(last) if last else None})
        write(json.dumps(listing, indent=2, ensure_ascii=False))
        return 0
    if not profiles:
        write(f"No profiles yet ({store.path}). Add yours: {add_hint()}")
        return 0
    write(f"Profiles in {store.path}:")
    for p in profiles:
        count, last = activity.get(p.id, (0, None))
        when = f", latest {day(last)}" if last else ""
        mark = "*" if chosen and p.name.casefold() == chosen.casefold() else " "
        agency = f", {p.agency}" if p.agency else ""
        write(f" {mark} {p.name} ({p.role}{agency}): {count} record{'s' if count != 1 else ''}{when}")
    if chosen:
        write("(* the profile chosen by --profile or LEARNBOT_PROFILE)")
    return 0
