"""Loaded packs and their question index, kept between runs so learnbot starts fast.

Reading a pack's YAML and building the matcher's index take a few hundred milliseconds; unpickling
them takes a few. Two things are cached, each in its own file, because their users want them at
different moments: the pack alone (the app wants it before its first paint) and the pack with its
matcher (`learnbot ask` wants both at once).

A cached copy is used only while it is current: every file of the pack (path, size, modification
time), learnbot's core code and version, and the Python version must be unchanged. It lives in the
user cache folder (``LEARNBOT_CACHE_DIR`` moves it, ``off`` turns it off), is written atomically
with owner-only permissions, is never written for a pack with problems, and is only ever read when
this user owns it and nobody else can write it or its folder. Any problem reading it just means
loading afresh.
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
import zlib
from pathlib import Path
from typing import Callable

from learnbot import __version__
from learnbot.core.model import Pack

_FORMAT = 2


def cache_dir() -> Path | None:
    """Where cached packs live, or None when caching is off."""
    chosen = os.environ.get("LEARNBOT_CACHE_DIR")
    if chosen:
        return None if chosen.lower() in ("off", "0", "none", "no") else Path(chosen)
    if sys.platform.startswith("linux"):
        # What platformdirs answers on Linux, without importing it on the fast path of `ask`.
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return Path(base) / "learnbot"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("learnbot", appauthor=False))


def _digest(text: str) -> str:
    data = text.encode("utf-8", "surrogatepass")
    # Two 32-bit checksums and the length: zlib is already loaded, hashlib would cost more to
    # import than the whole cache lookup.
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def fingerprint(root: Path) -> str:
    """What must be unchanged for a cached copy of the pack in ``root`` to be used."""
    parts = [f"{_FORMAT}:{__version__}:{sys.version_info[:2]}:{root.resolve()}"]
    core = Path(__file__).resolve().parent
    code = [*core.glob("*.py"), *(core / "matching").glob("*.py"), core / "matching" / "english_words.txt"]
    pack_files = [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted(pack_files) + sorted(code):
        try:
            info = path.stat()
        except OSError:
            continue
        parts.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    return _digest("\n".join(parts))


def _cache_file(folder: Path, kind: str, root: Path) -> Path:
    return folder / f"{kind}-{_digest(str(root.resolve()))}.pickle"


def _safe_to_read(path: Path) -> bool:
    """Owned by this user, and neither it nor its folder writable by anyone else."""
    if not hasattr(os, "getuid"):
        return True  # Windows: the per-user cache folder is private by default
    for node in (path, path.parent):
        info = node.stat()
        if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return False
    return True


def _read(path: Path, key: str):
    """The cached value under ``key`` in ``path``, or None."""
    try:
        if path.is_file() and _safe_to_read(path):
            with open(path, "rb") as handle:
                cached = pickle.load(handle)
            if isinstance(cached, dict) and cached.get("key") == key:
                return cached.get("value")
    except Exception:  # a missing, partial, stale or foreign file is simply not used
        pass
    return None


def _store(path: Path, key: str, value) -> None:
    """Write atomically (a private temporary file, then a rename); failing only costs speed."""
    import tempfile

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = pickle.dumps({"key": key, "value": value}, protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
    except (OSError, pickle.PicklingError):
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def _cached(kind: str, root: Path, folder: Path | None, build: Callable[[], object]):
    if folder is None or not root.is_dir():
        return build()
    try:
        key = fingerprint(root)
        path = _cache_file(folder, kind, root)
    except (OSError, ValueError):
        return build()
    value = _read(path, key)
    if value is None:
        value = build()
        _store(path, key, value)
    return value


def load_pack_cached(
    root: str | os.PathLike,
    load: Callable[[Path], Pack] | None = None,
    folder: Path | None = None,
) -> Pack:
    """The pack in ``root``, from the cache when it is current, else loaded (and then cached).

    Args:
        root: The pack folder.
        load: How to load it for real (default: :func:`learnbot.core.loader.load_pack`).
        folder: The cache folder (default: :func:`cache_dir`).

    Raises:
        ContentError: the pack has problems (nothing is cached).
    """
    root = Path(root)
    if load is None:
        def load(path: Path) -> Pack:
            from learnbot.core.loader import load_pack

            return load_pack(path)

    folder = folder if folder is not None else cache_dir()
    pack = _cached("pack", root, folder, lambda: load(root))
    if not isinstance(pack, Pack):
        pack = load(root)
    return pack


def load_matcher(root: str | os.PathLike, folder: Path | None = None):
    """The pack in ``root`` (as :meth:`~learnbot.core.model.Pack.for_answering` keeps it) and a
    :class:`~learnbot.core.matching.matcher.Matcher` for it.

    Raises:
        ContentError: the pack has problems (never cached).
    """
    root = Path(root)

    def build():
        from learnbot.core.loader import load_pack
        from learnbot.core.matching.matcher import Matcher

        pack = load_pack(root)
        matcher = Matcher(pack)
        matcher.pack = pack.for_answering()
        return matcher.pack, matcher

    folder = folder if folder is not None else cache_dir()
    value = _cached("index", root, folder, build)
    if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Pack)):
        value = build()
    return value
