"""`learnbot quiz`: open the app on a scenario quiz (escalation, the voice of the child, or both).

The arguments are checked, and the quiz is set up in the core, before Textual is imported: a bad
argument or a pack with no scenarios on the topic is a one-line message and exit 2, and this module
imports no Textual (``learnbot --help`` stays fast).
"""

from __future__ import annotations

import argparse
import sys

from learnbot.core.topics import QUIZ_TOPICS

EXIT_USAGE = 2


def count(text: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def seed(text: str) -> int:
    """An argparse type: a whole number that replays the same shuffle."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None


def add_parser(subparsers, parents) -> None:
    parser = subparsers.add_parser(
        "quiz", parents=parents, help="practise with scenario questions on your own",
        description=(
            "Open learnbot on a scenario quiz. Number keys choose options, Enter submits, and the "
            "feedback shows the briefing's own words. The end shows your score, what you missed and "
            "the passages to read again."
        ),
    )
    parser.add_argument("--topic", choices=QUIZ_TOPICS, default="mixed",
                        help="escalation, voice-of-the-child, or mixed (default: mixed)")
    parser.add_argument("--questions", type=count, default=5, metavar="N",
                        help="how many scenarios (default: 5; a multi-step scenario asks each step)")
    parser.add_argument("--seed", type=seed, metavar="N",
                        help="shuffle the same way again (the same seed gives the same quiz)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Set the quiz up, then open the app on it."""
    from learnbot.cli.common import load_pack
    from learnbot.cli.records import progress_for_app
    from learnbot.core.quiz import Quiz, QuizError, require_scenarios

    pack = load_pack(args)
    try:
        require_scenarios(pack, args.topic)
    except QuizError as err:
        print(f"learnbot: {err}", file=sys.stderr)
        return EXIT_USAGE
    store, profile = progress_for_app(args)

    from learnbot.ui.app import make_app
    from learnbot.ui.screens.quiz import QuizScreen

    def start():
        # The screen reports answers through the app's recorder (set once a profile is chosen).
        return QuizScreen(Quiz.start(pack, args.topic, args.questions, args.seed))

    make_app(pack, store=store, profile=profile, start_screen=start).run()
    return 0
