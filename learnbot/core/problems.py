"""Content problems: what the loader reports, and the error that carries them.

Kept apart from the loader so that the command line can catch :class:`ContentError` without
importing YAML (which the cached `learnbot ask` path never needs).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a pack, located in a file."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class ContentError(Exception):
    """A pack that cannot be loaded; ``problems`` says why, each naming its file and line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
