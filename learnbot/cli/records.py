"""The command line's one way to the progress store: opening it, choosing a profile, recording.

Every subcommand that reads or keeps records goes through here, so they all choose a profile the
same way (``--profile``, else ``$LEARNBOT_PROFILE``, else the only profile there is) and report
store problems the same way: a sentence on stderr, never a traceback; exit 2 for a store from a
newer learnbot or a profile that cannot be chosen, 1 when the store cannot be read or written.
"""

from __future__ import annotations

import argparse
import atexit
import functools
import os
import sys
from typing import TYPE_CHECKING, Callable

from learnbot.core.progress.roles import ROLES

if TYPE_CHECKING:  # the store (and sqlite3) load only when a command runs, not for every --help
    from learnbot.core.model import Pack
    from learnbot.core.progress.store import Profile, ProgressStore
    from learnbot.core.records import Recorder

EXIT_ERROR = 1
EXIT_USAGE = 2
PROFILE_ENV = "LEARNBOT_PROFILE"


class ProfileNotChosen(Exception):
    """No profile could be chosen; the message says why and what to do."""


def say(message: str) -> None:
    """Tell the person something on stderr, as ``learnbot: ...``."""
    print(f"learnbot: {message}", file=sys.stderr)


def profile_name(args: argparse.Namespace) -> str | None:
    """The profile asked for: ``--profile``, else ``$LEARNBOT_PROFILE``, else None."""
    chosen = getattr(args, "profile", None) or os.environ.get(PROFILE_ENV, "")
    return chosen.strip() or None


def open_store(args: argparse.Namespace) -> ProgressStore:
    """Open the store in the chosen data folder, telling the person anything it had to do.

    Raises:
        StoreError: it cannot be used (StoreTooNew: from a newer learnbot).
    """
    from learnbot.core.progress.store import ProgressStore
    from learnbot.locations import data_dir

    store = ProgressStore.open(data_dir(getattr(args, "data_dir", None)))
    tell_notices(store)
    return store


def tell_notices(store: ProgressStore) -> None:
    for notice in store.take_notices():
        say(notice)


def add_hint() -> str:
    return f"learnbot profiles --add NAME --role ROLE --agency AGENCY (roles: {', '.join(ROLES)})"


def choose_profile(args: argparse.Namespace, store: ProgressStore) -> Profile:
    """The profile named by ``--profile`` / ``$LEARNBOT_PROFILE``, or the only one there is.

    Raises:
        ProfileNotChosen: the named profile does not exist, or there are none or several.
    """
    name = profile_name(args)
    profiles = store.profiles()
    names = ", ".join(p.name for p in profiles)
    if name:
        found = store.find_profile(name)
        if found is None:
            known = f" Profiles here: {names}." if profiles else " There are no profiles yet."
            raise ProfileNotChosen(f"there is no profile named {name!r}.{known} To add it: {add_hint()}")
        return found
    if len(profiles) == 1:
        return profiles[0]
    if not profiles:
        raise ProfileNotChosen(f"there are no profiles yet. Add yours first: {add_hint()}")
    raise ProfileNotChosen(
        f"there are several profiles ({names}); choose one with --profile NAME or ${PROFILE_ENV}."
    )


def store_command(body: Callable[[argparse.Namespace, ProgressStore], int]) -> Callable[[argparse.Namespace], int]:
    """Wrap a subcommand that needs the store: open it, run ``body(args, store)``, close it, and
    turn every store or profile problem into a message and an exit code."""

    @functools.wraps(body)
    def run(args: argparse.Namespace) -> int:
        from learnbot.core.progress.store import ProfileError, StoreError, StoreTooNew

        try:
            store = open_store(args)
        except StoreError as err:
            say(str(err))
            return EXIT_USAGE if isinstance(err, StoreTooNew) else EXIT_ERROR
        try:
            return body(args, store)
        except (ProfileNotChosen, ProfileError, StoreTooNew) as err:
            say(str(err))
            return EXIT_USAGE
        except StoreError as err:
            say(str(err))
            return EXIT_ERROR
        finally:
            tell_notices(store)
            store.close()

    return run


def recorder_for(args: argparse.Namespace, pack: Pack, quiet: bool = True) -> Recorder:
    """A recorder for the chosen profile, or a :class:`NullRecorder` when none is chosen or the
    store cannot be used: reading must never fail because of the store.

    Args:
        quiet: say nothing when no profile is chosen (there may be no one to record for). A
            profile named but missing, a store moved aside or a failed write is always told.
    """
    from learnbot.core.progress.recorder import StoreRecorder
    from learnbot.core.progress.store import StoreError
    from learnbot.core.records import NullRecorder

    try:
        store = open_store(args)
    except StoreError as err:
        say(f"{err} (this is not being recorded)")
        return NullRecorder()

    @atexit.register
    def finish() -> None:
        tell_notices(store)
        store.close()

    try:
        profile = choose_profile(args, store)
    except ProfileNotChosen as err:
        if not quiet or profile_name(args):
            say(f"{err} (this is not being recorded)")
        return NullRecorder()
    except StoreError as err:
        say(f"{err} (this is not being recorded)")
        return NullRecorder()

    def failed(err: StoreError) -> None:
        say(f"this was not recorded: {err}")

    return StoreRecorder(store, profile, pack, on_error=failed)


def progress_for_app(args: argparse.Namespace) -> tuple[ProgressStore | None, Profile | None]:
    """The store and profile the app starts with: the profile chosen as on the command line, or
    None for the app to ask; no store at all (said on stderr) when it cannot be used."""
    from learnbot.core.progress.store import StoreError

    try:
        store = open_store(args)
    except StoreError as err:
        say(f"{err} (progress is not being kept)")
        return None, None
    try:
        return store, choose_profile(args, store)
    except ProfileNotChosen as err:
        if profile_name(args):
            say(str(err))
        return store, None
    except StoreError as err:
        say(f"{err} (progress is not being kept)")
        store.close()
        return None, None
