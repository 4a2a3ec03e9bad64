"""A pack, loaded and indexed, kept between runs so `learnbot ask` starts fast.

Loading the YAML and building the matcher's index takes a few hundred milliseconds; unpickling
both takes a few. The cache is keyed by every pack file's path, size and modification time and by
learnbot's own core code, so an edited pack or a new learnbot is never answered from a stale
index. It lives in the user cache folder (``LEARNBOT_CACHE_DIR`` to move it, ``off`` to disable),
is written atomically, is only ever written for a pack that loaded cleanly, and any problem reading
it just means building afresh.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from pathlib import Path

from learnbot import __version__
from learnbot.core.model import Pack

_FORMAT = 1


def cache_dir() -> Path | None:
    """Where cached indexes live, or None when caching is off."""
    chosen = os.environ.get("LEARNBOT_CACHE_DIR")
    if chosen:
        return None if chosen.lower() in ("off", "0", "none", "no") else Path(chosen)
    if sys.platform.startswith("linux"):
        # What platformdirs answers on Linux, without importing it on the fast path of `ask`.
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return Path(base) / "learnbot"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("learnbot", appauthor=False))


def _fingerprint(pack_dir: Path) -> str:
    parts = [f"{_FORMAT}:{__version__}"]
    core = Path(__file__).resolve().parent
    code = [*core.glob("*.py"), *(core / "matching").glob("*.py"), core / "matching" / "english_words.txt"]
    for path in sorted([*pack_dir.rglob("*.yaml"), *code]):
        try:
            stat = path.stat()
        except OSError:
            continue
        parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    data = "\n".join(parts).encode()
    # Two 32-bit checksums (zlib is already loaded; hashlib would cost more than the lookup saves).
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def load_matcher(pack_dir: str | os.PathLike):
    """The pack in ``pack_dir`` and a :class:`~learnbot.core.matching.matcher.Matcher` for it.

    Raises:
        ContentError: the pack has problems (never cached).
    """
    pack_dir = Path(pack_dir).resolve()
    folder = cache_dir()
    path = None
    if folder is not None and pack_dir.is_dir():
        path = folder / f"pack-{_fingerprint(pack_dir)}.pickle"
        try:
            with open(path, "rb") as handle:
                pack, matcher = pickle.load(handle)
            if isinstance(pack, Pack):
                return pack, matcher
        except Exception:  # a missing, partial or foreign cache file: build afresh
            pass
    from learnbot.core.loader import load_pack
    from learnbot.core.matching.matcher import Matcher

    pack = load_pack(pack_dir)
    matcher = Matcher(pack)
    if path is not None:
        _write(path, (pack, matcher))
    return pack, matcher


def _write(path: Path, value) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("pack-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".pack-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:
        # A read-only or full disk only costs speed next time.
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except Exception:
            pass
