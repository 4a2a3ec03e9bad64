"""`learnbot`'s entry point: global options, the subcommands, and clean failure.

Each subcommand lives in its own module in this package with ``add_parser(subparsers, parents)``,
which registers it and sets ``run`` (a function of the parsed args returning an exit code).
"""

from __future__ import annotations

import argparse
import os
import sys

from learnbot import __version__

#: Each subcommand and the module that registers it, in the order ``--help`` lists them. Only the
#: chosen command's module is imported, so `learnbot ask` does not pay for the quiz or the store.
COMMANDS = {
    "ask": "learnbot.cli.cmd_ask",
    "chat": "learnbot.cli.cmd_chat",
    "quiz": "learnbot.cli.cmd_quiz",
    "briefing": "learnbot.cli.cmd_briefing",
    "show": "learnbot.cli.cmd_show",
    "validate": "learnbot.cli.cmd_validate",
    "export": "learnbot.cli.cmd_export",
    "progress": "learnbot.cli.cmd_progress",
    "export-records": "learnbot.cli.cmd_export_records",
    "cpd": "learnbot.cli.cmd_cpd",
    "profiles": "learnbot.cli.cmd_profiles",
    "forget-me": "learnbot.cli.cmd_forget",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))
"""Every module that registers a subcommand."""

_VALUE_OPTIONS = ("--content", "--data-dir", "--profile")

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def _common_options(suppress: bool) -> argparse.ArgumentParser:
    """Options accepted both before and after the subcommand."""
    default = argparse.SUPPRESS if suppress else None
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--content", metavar="PACK_DIR", default=default,
        help="content pack folder to use (default: $LEARNBOT_CONTENT, else the bundled briefing)",
    )
    common.add_argument(
        "--data-dir", metavar="DIR", default=default,
        help="folder for progress records (default: $LEARNBOT_DATA_DIR, else your user data folder)",
    )
    common.add_argument(
        "--profile", metavar="NAME", default=default,
        help="practitioner profile to use (default: $LEARNBOT_PROFILE, else ask)",
    )
    return common


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser (also used by tests and --help).

    Args:
        only: register just this subcommand, so that running one command imports only its own
            module (and builds one sub-parser, not twelve). None registers them all.
    """
    parser = argparse.ArgumentParser(
        prog="learnbot",
        description=(
            "learnbot helps safeguarding practitioners learn from the Leicester LSCB multi-agency audit "
            "of Early Help cases (2017). Run it with no command to open the app."
        ),
        parents=[_common_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"learnbot {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    parents = [_common_options(suppress=True)]
    for name, module in COMMANDS.items():
        if only is None or name == only:
            __import__(module, fromlist=["add_parser"]).add_parser(subparsers, parents)
    return parser


def _chosen_command(argv: list[str]) -> str | None:
    """The subcommand named in ``argv``, or None (no command, or help asked for first)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token in ("-h", "--help"):
            return None
        if token in _VALUE_OPTIONS:
            skip = True
            continue
        if token.startswith("-"):
            continue
        return token if token in COMMANDS else None
    return None


#: Commands that only read and print: once their output is flushed, the process may end without
#: the interpreter's teardown (which frees a cached index object by object, a tenth of a one-off
#: `learnbot ask`). Nothing they do needs finalising.
QUICK_EXIT_COMMANDS = frozenset({"ask", "show", "validate"})


def entry() -> None:
    """The `learnbot` script (and `python -m learnbot`): :func:`main`, then exit with its code."""
    argv = sys.argv[1:]
    code = main(argv)
    if _chosen_command(argv) in QUICK_EXIT_COMMANDS:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (BrokenPipeError, ValueError):
            pass
        else:
            os._exit(code)
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    """Run learnbot; returns the process exit code."""
    from learnbot.core.problems import ContentError

    argv = sys.argv[1:] if argv is None else argv
    command = _chosen_command(argv)
    parser = build_parser(only=command) if command else build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from learnbot.cli.cmd_app import run_app

            return run_app(args)
        return args.run(args)
    except ContentError as err:
        print(f"learnbot: the content pack has {len(err.problems)} problem(s):", file=sys.stderr)
        for problem in err.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error worth a traceback.
        sys.stderr.close()
        return EXIT_OK
