"""Answers as plain text for `learnbot ask` and `learnbot chat`.

Plain words, no colour and no box drawing, so that they read the same in any terminal, through a
screen reader, and over a basic remote shell.
"""

from __future__ import annotations

from learnbot.core.answer import Answer
from learnbot.core.textfmt import passage, source_line


def render_answer(answer: Answer, show_others: bool = True) -> str:
    """One answer as plain text."""
    lines: list[str] = []
    if answer.case_details_warning:
        lines += [f"WARNING: {answer.case_details_warning}", ""]
    if answer.message:
        lines.append(answer.message)
        return "\n".join(lines)
    if answer.note:
        lines.append(answer.note)
    if not answer.answered:
        if not answer.note:
            lines.append(answer.not_covered_line)
        if answer.suggestions:
            lines += ["", "Did you mean:"]
            lines += [f"  - {item.title}  [{item.id}]" for item in answer.suggestions]
        if answer.further:
            lines += ["", "The briefing points to these for current procedures (check the latest versions):"]
            lines += [f"  - {item.title}  [{item.id}]" for item in answer.further]
        return "\n".join(lines)
    best = answer.best
    assert best is not None
    lines += [
        f"{best.title}  [{best.id}]",
        f"{source_line(best)}. Match: {answer.confidence}.",
        "",
        passage(best),
    ]
    others = [m.item for m in answer.matches[1:3]]
    if show_others and others:
        lines += ["", "Also relevant:"]
        lines += [f"  - {item.title}  [{item.id}]" for item in others]
    if answer.related:
        lines += ["", "Related:"]
        lines += [f"  - {item.title}  [{item.id}]" for item in answer.related]
    return "\n".join(lines)
