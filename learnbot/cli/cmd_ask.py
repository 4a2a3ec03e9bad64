"""`learnbot ask "QUESTION"`: one question, answered with the briefing's words (or JSON).

The ``--json`` shape is a contract other tools read (see learnbot.core.answer.Answer.to_json).
"""

from __future__ import annotations

import argparse
import os
import sys

from learnbot.cli.common import write

_conversation_cache: dict = {}


def add_parser(subparsers, parents) -> None:
    parser = subparsers.add_parser(
        "ask", parents=parents, help="ask one question in your own words",
        description="Answer a question from the briefing, in its own words, with where they come from. "
                    "Nothing you type is stored.",
    )
    parser.add_argument("question", nargs="+", metavar="QUESTION", help="your question (quote it, or not)")
    parser.add_argument("--json", action="store_true", help="print the answer as JSON (for other tools)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from learnbot.cli.packs import load_conversation

    question = " ".join(args.question)
    conversation = load_conversation(args)
    answer = conversation.ask(question)
    if args.json:
        import json

        out = answer.to_json()
        if answer.message:
            out["message"] = answer.message
        write(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        from learnbot.cli.render import render_answer

        write(render_answer(answer))
    if answer.message:
        if not args.json:
            print("learnbot: no question given.", file=sys.stderr)
        return 2
    return 0


def ask_json(question: str) -> dict:
    """In-process `ask --json` (for the evaluation scorer): a fresh conversation per question."""
    from learnbot.core.conversation import Conversation
    from learnbot.core.packcache import load_matcher
    from learnbot.locations import content_dir

    # Keyed on what chooses the pack, so that a scorer's thousands of calls skip resolving paths.
    key = os.environ.get("LEARNBOT_CONTENT", "")
    if key not in _conversation_cache:
        pack, matcher = load_matcher(content_dir())
        Conversation(pack, matcher).prepare()
        _conversation_cache[key] = pack, matcher
    pack, matcher = _conversation_cache[key]
    return Conversation(pack, matcher).ask(question).to_json()
