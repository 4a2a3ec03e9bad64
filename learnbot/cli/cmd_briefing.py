"""`learnbot briefing`: open the app on a team briefing (rounds of scenario questions for teams).

Names, rounds and questions are checked in the core before Textual is imported: a bad argument is
a one-line message and exit 2, and this module imports no Textual. With ``--teams`` or
``--participants`` the first question opens at once; without, the set-up screen, where the
facilitator types them.
"""

from __future__ import annotations

import argparse
import sys

from learnbot.cli.cmd_quiz import count, seed
from learnbot.core.topics import QUIZ_TOPICS

EXIT_USAGE = 2


def add_parser(subparsers, parents) -> None:
    parser = subparsers.add_parser(
        "briefing", parents=parents, help="run scenario rounds for teams in a team meeting",
        description=(
            "Open learnbot on a team briefing: a facilitator runs rounds of scenario questions for "
            "teams or named participants, records each team's answer, reveals the right one with "
            "the briefing's words, and saves a session summary as Markdown and CSV."
        ),
    )
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--teams", metavar='"A,B"', help='team names, separated by commas (e.g. "Red,Blue")')
    who.add_argument("--participants", metavar='"A,B"',
                     help="named participants instead of teams, separated by commas")
    parser.add_argument("--rounds", type=count, default=2, metavar="N", help="how many rounds (default: 2)")
    parser.add_argument("--questions", type=count, default=3, metavar="N",
                        help="scenarios per round (default: 3)")
    parser.add_argument("--topic", choices=QUIZ_TOPICS, default="mixed",
                        help="escalation, voice-of-the-child, or mixed (default: mixed)")
    parser.add_argument("--timer", type=count, metavar="SECONDS",
                        help="show a countdown for each question (default: no timer)")
    parser.add_argument("--seed", type=seed, metavar="N", help="the same seed gives the same session")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Check the set-up, then open the app on the briefing (or on its set-up screen)."""
    from learnbot.cli.common import load_pack
    from learnbot.core.quiz import QuizError, require_scenarios
    from learnbot.core.team_briefing import check_names, parse_names
    from learnbot.locations import data_dir

    pack = load_pack(args)
    names_text = args.participants if args.participants is not None else args.teams
    try:
        names = check_names(parse_names(names_text)) if names_text is not None else ()
        require_scenarios(pack, args.topic)
    except QuizError as err:
        print(f"learnbot: {err}", file=sys.stderr)
        return EXIT_USAGE

    from learnbot.cli.records import progress_for_app
    from learnbot.ui.app import make_app
    from learnbot.ui.screens.briefing import BriefingSettings, first_screen

    store, profile = progress_for_app(args)
    settings = BriefingSettings(
        names=names,
        participants=args.participants is not None,
        rounds=args.rounds,
        questions=args.questions,
        topic=args.topic,
        seed=args.seed,
        timer=args.timer or 0,
        save_dir=data_dir(getattr(args, "data_dir", None)) / "briefings",
    )
    make_app(pack, store=store, profile=profile, start_screen=lambda: first_screen(pack, settings)).run()
    return 0
