"""Numbered references in a question: "rec 4", "recs 1 and 2", "learning point two", "the 3rd
recommendation", "lp3", "number 2 of the recommendations", "the last recommendation", "the first
three recommendations".

The briefing numbers its recommendations, learning points and findings, and practitioners ask for
them by number; such a question goes straight to those items.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from rapidfuzz import fuzz

from learnbot.core.matching.english import NUMBER_WORDS

_NUMBERED_KINDS = [
    (re.compile(r"^(rec|recs|recomm?end?ations?|recc?omm?end?ations?|recommend|r)$"), "recommendation"),
    (re.compile(r"^(lp|lps)$"), "learning_point"),
    (re.compile(r"^(findings?|kf|kfs)$"), "finding"),
]
MAX_DIGITS = 9
"""Longer runs of digits are no count a question gives (and Python will not read one of over
4,300 digits as a number at all)."""
_GLUED = re.compile(r"^(rec|recs|lp|kf|r)(\d{1,2})$")
_LEARNING = re.compile(r"^(learning|learnings)$")
_POINT = re.compile(r"^(points?|pt|pts)$")
_ORDINAL_JOINERS = ("of", "the", "one", "in", "among")
"""Words between an ordinal and what it counts: "the first of the learning points"."""


def number_references(raw: list[str], last_number: Callable[[str], int]) -> list[tuple[str, int]]:
    """The (kind, number) pairs ``raw`` (a question's words) refers to, in order.

    Args:
        raw: the question's words, as :func:`learnbot.core.matching.text.words` gives them.
        last_number: the highest number of a kind in the pack ("the last recommendation").
    """
    found: list[tuple[str, int]] = []

    def add(kind: str, number: int) -> None:
        if (kind, number) not in found:
            found.append((kind, number))

    i = 0
    while i < len(raw):
        glued = _GLUED.match(raw[i])
        if glued:
            kind, _ = _numbered_kind([glued.group(1)], 0)
            if kind:
                add(kind, int(glued.group(2)))
                i += 1
                continue
        kind, width = _numbered_kind(raw, i)
        if not kind and raw[i] in ("number", "no", "num", "#") and i + 2 < len(raw):
            # "number 2 of the recommendations"
            value = number_value(raw[i + 1])
            later = 2
            while i + later < len(raw) and raw[i + later] in ("of", "the", "in"):
                later += 1
            if value is not None and i + later < len(raw):
                kind, width = _numbered_kind(raw, i + later)
                if kind:
                    add(kind, value)
                    i += later + width
                    continue
            kind = ""
        if not kind:
            # "the 3rd recommendation", "second learning point", "the last rec", "the first of the
            # learning points", "the final one of the recs"
            value = _ordinal(raw[i])
            if value in (0, 1) and i + 2 < len(raw):
                # "the first three recommendations", "last 2 learning points"
                count = number_value(raw[i + 1])
                kind, width = _numbered_kind(raw, i + 2)
                if kind and count and 2 <= count <= 12:
                    last = last_number(kind)
                    for n in range(1, count + 1) if value else range(max(1, last - count + 1), last + 1):
                        add(kind, n)
                    i += 2 + width
                    continue
            if value is not None:
                at = i + 1
                # "the last of the seven recommendations"
                while at < len(raw) and at - i <= 4 and (
                        raw[at] in _ORDINAL_JOINERS or number_value(raw[at]) is not None):
                    at += 1
                kind, width = _numbered_kind(raw, at) if at < len(raw) else ("", 0)
                if not kind and i + 1 < len(raw) and raw[i + 1] == "one":
                    # "how many recommendations are there, and what's the final one?"
                    kind, width = _kind_named_before(raw, i), 0
                if kind:
                    add(kind, value if value > 0 else last_number(kind))
                    i = at + width
                    continue
            i += 1
            continue
        j = i + width
        numbers: list[int] = []
        while j < len(raw):
            token = raw[j]
            if token in ("no", "number", "num", "nos", "#"):
                j += 1
                continue
            value = number_value(token)
            if value is not None:
                if numbers and raw[j - 1] in ("to", "through", "thru") and numbers[-1] < value <= numbers[-1] + 12:
                    numbers.extend(range(numbers[-1] + 1, value))  # "recommendations 5 to 7"
                numbers.append(value)
                j += 1
                continue
            if numbers and token in ("and", "to", "or", "&", "+", "through", "thru"):
                j += 1
                continue
            break
        if numbers and raw[j - 1] in ("and", "or", "&", "+"):
            j -= 1
        for n in numbers:
            add(kind, n)
        i = max(j, i + 1)
    return found


def number_value(token: str) -> int | None:
    """The number a word of a question is ("4", "four", "fourth"), or None."""
    if token.isascii() and token.isdigit():
        return int(token) if len(token) <= MAX_DIGITS else None
    return NUMBER_WORDS.get(token)


def _numbered_kind(raw: list[str], i: int) -> tuple[str, int]:
    token = raw[i]
    if _LEARNING.match(token) and i + 1 < len(raw) and _POINT.match(raw[i + 1]):
        return "learning_point", 2
    if token in ("key",) and i + 1 < len(raw) and raw[i + 1].startswith("finding"):
        return "finding", 2
    kind = _kind_named(token)
    return (kind, 1) if kind else ("", 0)


def _kind_named_before(raw: list[str], end: int) -> str:
    """The kind of numbered item named last before position ``end`` ("" if none)."""
    for at in range(end - 1, -1, -1):
        kind, _ = _numbered_kind(raw, at)
        if kind:
            return kind
    return ""


@lru_cache(maxsize=4096)
def _kind_named(token: str) -> str:
    """The kind of numbered item one word names ("recs" -> recommendation), or ""."""
    for pattern, kind in _NUMBERED_KINDS:
        if pattern.match(token):
            return kind
    if len(token) >= 8 and fuzz.ratio(token, "recommendation") >= 80:
        return "recommendation"
    return ""


@lru_cache(maxsize=4096)
def _ordinal(token: str) -> int | None:
    """1 for "first"/"1st", 0 for "last"/"final", None if not an ordinal."""
    if token in ("last", "final"):
        return 0
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", token):
        return int(token[:-2])
    if token in NUMBER_WORDS and not token.isdigit() and token not in ("one", "two", "three", "four", "five",
                                                                        "six", "seven", "eight", "nine", "ten",
                                                                        "eleven", "twelve"):
        return NUMBER_WORDS[token]
    return None
