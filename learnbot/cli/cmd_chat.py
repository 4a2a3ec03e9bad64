"""`learnbot chat`: a plain, line-by-line conversation in the terminal.

No full-screen interface: one question per line, answers as plain text. It works with screen
readers, over a basic remote shell, and with questions piped in on standard input. Follow-ups
("tell me more", "why?", "what about fathers?") use the conversation's context. Nothing typed is
stored.
"""

from __future__ import annotations

import argparse
import sys

from learnbot.cli.common import write

WELCOME = """learnbot chat: ask about the Leicester LSCB Early Help audit briefing (2017).
Type a question and press Enter. Follow-ups work: "tell me more", "why?", "what's the
recommendation for that?", "what about fathers?". Type "help" for tips, "new" to start a new
topic, and "quit" (or press Ctrl+D) to leave.
Please note: {notice}
Never type a child's or family's details. Nothing you type is stored."""

TIPS = """Tips:
  - Ask in your own words: "police didn't see the kids, what should happen?"
  - Ask for a numbered item: "rec 4", "learning point 2", "recs 1 and 2".
  - Ask what an abbreviation means: "what does EHA stand for?"
  - Follow up: "tell me more", "why?", "and for police?"
  - "new" starts a new topic; "quit" leaves."""

_QUIT = {"quit", "exit", "q", "bye", "goodbye", ":q"}
_HELP = {"help", "?", "tips", "h"}
_NEW = {"new", "new topic", "reset", "start again", "clear"}


def add_parser(subparsers, parents) -> None:
    parser = subparsers.add_parser(
        "chat", parents=parents, help="a plain line-by-line conversation (screen-reader friendly)",
        description="Ask questions one after another in plain text; follow-ups keep the context. "
                    "Nothing you type is stored.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from learnbot.cli.packs import load_conversation
    from learnbot.cli.render import render_answer

    conversation = load_conversation(args).prepare()  # many questions: compile up front
    interactive = sys.stdin.isatty()
    write(WELCOME.format(notice=conversation.pack.meta.currency_notice))
    while True:
        if interactive:
            sys.stdout.write("\nYou: ")
            sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:
            write("" if interactive else "")
            break
        question = line.strip()
        if not question:
            continue
        lowered = question.lower().strip(" .!")
        if lowered in _QUIT:
            break
        if not interactive:
            write(f"\nYou: {question}")
        if lowered in _HELP:
            write(TIPS)
            continue
        if lowered in _NEW:
            conversation.reset()
            write("learnbot: New topic. Ask away.")
            continue
        answer = conversation.ask(question)
        write("learnbot: " + render_answer(answer))
    write("Goodbye.")
    return 0
