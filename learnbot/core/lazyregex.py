"""Regular expressions compiled on first use, or all at once when a process asks for that.

A one-off `learnbot ask` answers one question, and compiling the patterns it never needs would
cost more than the answer. A process that answers many (the app, `chat`, a scorer) calls
:func:`compile_all` once, so that no question pays for being the first to need a pattern.
"""

from __future__ import annotations

import re

_ALL: list[LazyPattern] = []


class LazyPattern:
    """A regular expression compiled when first used; otherwise it behaves like one."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None
        _ALL.append(self)

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    @property
    def is_compiled(self) -> bool:
        return self._compiled is not None

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)


def compile_all() -> None:
    """Compile every pattern made so far (those of every module imported)."""
    for pattern in _ALL:
        pattern.compiled


def every_pattern() -> tuple[LazyPattern, ...]:
    """Every pattern made so far."""
    return tuple(_ALL)
