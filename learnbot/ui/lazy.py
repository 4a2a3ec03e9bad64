"""A value built on first use, or ahead of time on a worker thread.

The ask engine builds its index when it is made; the app makes it after the first screen is drawn
(so start-up stays light) and, should a question arrive first, builds it there and then instead.
"""

from __future__ import annotations

import threading
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class Lazy(Generic[T]):
    """Holds a value built at most once, by whichever of :meth:`get` callers comes first."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._value: T | None = None
        self._built = False

    @property
    def ready(self) -> bool:
        """True once the value has been built."""
        return self._built

    def get(self) -> T:
        """The value, building it now if nobody has yet (thread-safe)."""
        if not self._built:
            with self._lock:
                if not self._built:
                    self._value = self._factory()
                    self._built = True
        return self._value  # type: ignore[return-value]
