"""The roles a practitioner profile may have (no imports: the command line's ``--help`` uses it)."""

from __future__ import annotations

ROLES: tuple[str, ...] = (
    "social worker",
    "early help practitioner",
    "police",
    "health visitor",
    "school nurse",
    "other",
)
"""The roles a profile may have, in the order they are offered."""


def normalise_role(text: str) -> str | None:
    """The role in :data:`ROLES` that ``text`` names ("Social-Worker" -> "social worker"), or None."""
    wanted = " ".join(text.replace("-", " ").replace("_", " ").lower().split())
    return wanted if wanted in ROLES else None
