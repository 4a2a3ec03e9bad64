"""Example questions for an empty Ask screen, drawn from the pack so a new briefing brings its own.

No Textual here: it is plain logic over the content model.
"""

from __future__ import annotations

from learnbot.core.model import Item, Pack

QUESTION_WORDS = ("what", "why", "who", "when", "where", "how", "which", "should", "can", "is", "are", "do", "does")


def as_question(hint: str) -> str:
    """A hint written as a question a person would type (capital first letter; '?' if it asks)."""
    text = hint.strip().rstrip(".")
    if not text:
        return text
    text = text[0].upper() + text[1:]
    if text.split()[0].lower() in QUESTION_WORDS and not text.endswith("?"):
        text += "?"
    return text


def _first_hint(item: Item | None) -> str:
    return as_question(item.hints[0]) if item is not None and item.hints else ""


def example_questions(pack: Pack, limit: int = 4) -> list[str]:
    """A few questions that show the kinds of thing learnbot answers.

    One per kind of question: a definition, a numbered recommendation, a finding asked about in
    everyday words, and an abbreviation.
    """
    questions: list[str] = []
    definitions = pack.of_kind("definition")
    questions.append(_first_hint(definitions[0]) if definitions else "")

    recommendations = [r for r in pack.of_kind("recommendation") if r.number is not None]
    recommendation = next((r for r in recommendations if r.roles), recommendations[0] if recommendations else None)
    if recommendation is not None:
        questions.append(f"What does recommendation {recommendation.number} say?")
        findings = [r for r in pack.related_items(recommendation) if r.kind == "finding"]
        questions.append(_first_hint(findings[0]) if findings else "")

    abbreviation = next((g for g in pack.glossary if g.term.isupper()), None)
    if abbreviation is not None:
        questions.append(f"What does {abbreviation.term} stand for?")

    seen: set[str] = set()
    out = []
    for question in questions:
        if question and question.lower() not in seen:
            seen.add(question.lower())
            out.append(question)
    return out[:limit]
