"""A per-user cache of loaded content packs, so the app's first screen does not wait for YAML.

Reading and checking the bundled pack's YAML costs about as much as everything else the app does
before its first paint. A loaded pack is plain immutable dataclasses, so the app keeps a pickled
copy in the user's cache folder and reuses it for as long as every file of the pack, and the code
that reads packs, is unchanged (same size and modification time), under the same Python and
learnbot versions. Anything unexpected (no cache, an unreadable, stale or foreign file) means the
pack is loaded as usual; a pack with problems raises as usual and is never cached.

It shares the folder of the ask engine's cache (:func:`learnbot.core.packcache.cache_dir`:
``LEARNBOT_CACHE_DIR`` moves it, ``off`` turns both off) under its own file names, because the app
wants the pack alone before its first paint and the engine's index only after it. Only a file the
current user owns, in a folder only they can write, is ever unpickled. No Textual here: the
command line calls it before the app is built.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import Callable

import learnbot
from learnbot.core.model import Pack
from learnbot.core.packcache import cache_dir

_READER_CODE = ("core/model.py", "core/loader.py", "core/yamlread.py", "ui/pack_cache.py")
"""The modules that decide what a loaded pack is: a change to any of them retires every cache."""


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


def fingerprint(root: Path) -> tuple:
    """What must be unchanged for a cached copy of the pack in ``root`` to be used."""
    files = sorted(
        (str(path.relative_to(root)), *_stamp(path))
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )
    package = Path(learnbot.__file__).parent
    code = tuple((name, *_stamp(package / name)) for name in _READER_CODE if (package / name).exists())
    return (str(root.resolve()), tuple(files), code, learnbot.__version__, sys.version_info[:2])


def _safe_to_read(path: Path) -> bool:
    """Owned by this user, and neither it nor its folder writable by anyone else."""
    if not hasattr(os, "getuid"):
        return True  # Windows: the per-user cache folder is private by default
    for node in (path, path.parent):
        info = node.stat()
        if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return False
    return True


def _cache_file(folder: Path, root: Path) -> Path:
    digest = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return folder / f"app-pack-{digest}.pickle"


def load_pack_cached(
    root: str | os.PathLike,
    load: Callable[[Path], Pack] | None = None,
    folder: Path | None = None,
) -> Pack:
    """The pack in ``root``, from the cache when it is current, else loaded (and then cached).

    Args:
        root: The pack folder.
        load: How to load it for real (default: ``learnbot.core.loader.load_pack``).
        folder: The cache folder (default: :func:`cache_dir`).

    Raises:
        ContentError: the pack has problems (nothing is cached).
    """
    root = Path(root)
    folder = folder if folder is not None else cache_dir()
    if folder is None or not root.is_dir():
        return _load(root, load)
    try:
        key = fingerprint(root)
        path = _cache_file(folder, root)
    except (OSError, ValueError):
        return _load(root, load)
    try:
        if path.is_file() and _safe_to_read(path):
            cached = pickle.loads(path.read_bytes())
            if isinstance(cached, dict) and cached.get("key") == key and isinstance(cached.get("pack"), Pack):
                return cached["pack"]
    except Exception:  # a stale or damaged cache is simply not used
        pass
    pack = _load(root, load)
    _store(folder, path, {"key": key, "pack": pack})
    return pack


def _load(root: Path, load: Callable[[Path], Pack] | None) -> Pack:
    if load is None:
        from learnbot.core.loader import load_pack as load
    return load(root)


def _store(folder: Path, path: Path, payload: dict) -> None:
    """Write the cache atomically (a private temporary file, then a rename); failing is no problem."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".app-pack-")
    except (OSError, pickle.PicklingError):
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
