"""`learnbot`'s entry point: global options, the subcommands, and clean failure.

Each subcommand lives in its own module in this package with ``add_parser(subparsers, parents)``,
which registers it and sets ``run`` (a function of the parsed args returning an exit code).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from learnbot import __version__

#: Modules that register subcommands, in the order ``--help`` lists them.
COMMAND_MODULES = (
    "learnbot.cli.cmd_ask",
    "learnbot.cli.cmd_chat",
    "learnbot.cli.cmd_quiz", "learnbot.cli.cmd_briefing",
    "learnbot.cli.cmd_show",
    "learnbot.cli.cmd_validate",
    "learnbot.cli.cmd_export",
    "learnbot.cli.cmd_progress", "learnbot.cli.cmd_export_records", "learnbot.cli.cmd_cpd",
    "learnbot.cli.cmd_profiles", "learnbot.cli.cmd_forget",
)

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


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (also used by tests and --help)."""
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
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(subparsers, parents)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run learnbot; returns the process exit code."""
    from learnbot.core.problems import ContentError

    parser = build_parser()
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
