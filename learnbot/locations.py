"""Where learnbot's files live: the bundled content pack and the practitioner's data folder.

One module knows this, so that tests and shared machines can point elsewhere through environment
variables (``LEARNBOT_CONTENT``, ``LEARNBOT_DATA_DIR``) or the matching command-line options.
"""

from __future__ import annotations

import os
from pathlib import Path

BUNDLED_PACK = "early-help-audit-2017"
"""The pack learnbot opens when no other is named."""


def bundled_content_root() -> Path:
    """The folder holding the bundled packs.

    In an installed wheel the top-level ``content/`` folder ships as ``learnbot/_bundled_content``;
    in a source checkout it is ``content/`` beside the package.
    """
    package = Path(__file__).resolve().parent
    shipped = package / "_bundled_content"
    if shipped.is_dir():
        return shipped
    return package.parent / "content"


def content_dir(override: str | os.PathLike | None = None) -> Path:
    """The pack folder to load: the option given, else ``LEARNBOT_CONTENT``, else the bundled pack."""
    chosen = override or os.environ.get("LEARNBOT_CONTENT")
    if chosen:
        return Path(chosen).expanduser()
    return bundled_content_root() / BUNDLED_PACK


def data_dir(override: str | os.PathLike | None = None) -> Path:
    """The folder for the progress store: the option given, else ``LEARNBOT_DATA_DIR``, else the
    platform's user data folder. Nothing is created here: the store creates it when it first writes.
    """
    chosen = override or os.environ.get("LEARNBOT_DATA_DIR")
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("learnbot", appauthor=False))
