"""A small on-disk cache of what is costly to build at start-up: compiled patterns and parsed rule files.

A pre-commit hook starts zhproof for a few small files, so start-up is most of its time; compiling the rules'
patterns (the Han class alone costs `re` 3 ms) and importing and running the TOML parser were the larger part.
The cache keeps their results in one file per Python version and installation of zhproof (a pre-commit
environment, a project's virtual environment and a checkout each have their own: in one shared file each would
read the others' entries at every start, which cost 8 ms of a 150 ms start on a machine with a few of them):

- every entry holds, or is keyed by, everything its value depends on: a pattern's source and flags; a file's
  path, size and a checksum of its contents (read each time: reading a small file is cheap, parsing it is
  not). The file's header holds the interpreter's version and the regular expression engine's magic number,
  so another Python never reads it;
- the file is trusted only if it is intact (a CRC-32 of its body) and the user's own, not writable by others:
  a compiled pattern is code for `re`'s C engine, which does not check it fully. A missing, damaged or foreign
  file is ignored and written anew; writes are atomic (a temporary file, then a rename), and a failed write
  only means no cache;
- ``ZHPROOF_NO_CACHE=1`` (or ``zhproof check --no-cache``) turns it off, ``ZHPROOF_CACHE_DIR`` moves it
  (default: the platform's user cache folder, e.g. ``~/.cache/zhproof``). Importing zhproof never reads it.
- a file in use is touched once a day; writing a cache removes the other installations' files that nobody has
  used for PRUNE_DAYS days (a virtual environment deleted long ago).
"""

from __future__ import annotations

import os
import sys

_LIMIT = 4000  # entries per section; zhproof's own rules need about 150
PRUNE_DAYS = 30
_MAGIC = b"zhproof-cache 2\n"
_sections: dict[str, dict] | None = None
_dirty = False


def cache_dir() -> str | None:
    """Where zhproof keeps its cache, or None when caching is off."""
    if os.environ.get("ZHPROOF_NO_CACHE"):
        return None
    explicit = os.environ.get("ZHPROOF_CACHE_DIR")
    if explicit:
        return explicit
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return os.path.join(base, "zhproof", "Cache")
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/zhproof")
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "zhproof")


def _header() -> tuple:
    import _sre

    return ("zhproof-cache", 2, sys.implementation.name, sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXGROUPS)


_ENV = ("ZHPROOF_NO_CACHE", "ZHPROOF_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA", "HOME")
_path_memo: tuple[tuple, str | None] | None = None


def cache_path() -> str | None:
    """The cache file (None: caching is off); worked out again only when the environment it depends on
    changes (a few dictionary lookups per call)."""
    global _path_memo, _sections
    env = tuple(map(os.environ.get, _ENV))
    if _path_memo is None or _path_memo[0] != env:
        d = cache_dir()
        path = None
        if d is not None and sys.implementation.name == "cpython":
            path = os.path.join(d, f"startup-{sys.implementation.cache_tag}-{_installation()}.marshal")
        if _path_memo is not None and _path_memo[1] != path:
            _sections = None  # another cache file: read it when needed
        _path_memo = (env, path)
    return _path_memo[1]


def _installation() -> str:
    """Eight hex digits that name this installation of zhproof (its folder)."""
    import zlib

    return f"{zlib.crc32(os.path.dirname(os.path.abspath(__file__)).encode('utf-8', 'surrogateescape')):08x}"


def enabled() -> bool:
    return cache_path() is not None


def _trusted(st: os.stat_result) -> bool:
    """Our own file, which nobody else can write (on systems with owners)."""
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _read(path: str) -> dict[str, dict]:
    import marshal
    import zlib

    with open(path, "rb") as f:
        st = os.fstat(f.fileno())
        if not _trusted(st):
            return {}
        data = f.read()
    if _now() - st.st_mtime > 86400:
        try:
            os.utime(path)  # in use: not pruned as another installation's (PRUNE_DAYS)
        except OSError:
            pass  # (marshal.load reads a file piece by piece: 10x slower than loads)
    head = len(_MAGIC)
    if data[:head] != _MAGIC or len(data) < head + 4:
        return {}
    body = data[head + 4 :]
    if zlib.crc32(body) != int.from_bytes(data[head : head + 4], "big"):
        return {}  # damaged
    header, sections = marshal.loads(body)
    if header != _header() or not isinstance(sections, dict):
        return {}
    return {k: v for k, v in sections.items() if isinstance(k, str) and isinstance(v, dict)}


def _load() -> dict[str, dict]:
    global _sections
    if _sections is None:
        _sections = {}
        path = cache_path()
        if path is not None:
            try:
                _sections = _read(path)
            except (OSError, EOFError, ValueError, TypeError):
                pass  # no cache yet, or a damaged one: it is written anew
    return _sections


def get(section: str, key):
    """The cached value, or None."""
    if not enabled():
        return None
    return _load().get(section, {}).get(key)


def put(section: str, key, value) -> None:
    """Remember a value (it must be marshallable); written to disk when the process ends."""
    global _dirty
    if not enabled():
        return
    entries = _load().setdefault(section, {})
    if len(entries) >= _LIMIT and key not in entries:
        entries.clear()  # full of what older versions of the rules needed: start afresh
    entries[key] = value
    if not _dirty:
        import atexit

        atexit.register(save)
        _dirty = True


def save() -> None:
    """Write the cache if this process added to it: atomically; errors only mean no cache."""
    global _dirty
    path = cache_path()
    if not _dirty or _sections is None or path is None:
        return
    import marshal
    import tempfile
    import zlib

    try:
        body = marshal.dumps((_header(), _sections))
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".startup-", suffix=".tmp")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _dirty = False
        _prune(folder, path)
    except (OSError, ValueError):
        pass  # a read-only home, a full disk, an unmarshallable value: run without the cache


def _now() -> float:
    import time

    return time.time()


def _prune(folder: str, keep: str) -> None:
    """Remove the cache files of other installations (or of the one-file-for-all layout before them) that
    nobody has used for PRUNE_DAYS days."""
    limit = _now() - PRUNE_DAYS * 86400
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        path = os.path.join(folder, name)
        if not (name.startswith("startup-") and name.endswith(".marshal")) or path == keep:
            continue
        try:
            if os.stat(path).st_mtime < limit:
                os.unlink(path)
        except OSError:
            pass


def checksum(data: bytes) -> int:
    import zlib

    return zlib.crc32(data)


def load_toml(path) -> dict:
    """``tomllib.loads`` of a UTF-8 file, from the cache when the file's contents are those it parsed.

    Raises what reading and parsing raise (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError)."""
    import marshal

    with open(path, "rb") as f:
        raw = f.read()
    key = os.path.abspath(path)
    stamp = (len(raw), checksum(raw))
    hit = get("toml", key)
    if isinstance(hit, tuple) and len(hit) == 2 and hit[0] == stamp and isinstance(hit[1], dict):
        return marshal.loads(marshal.dumps(hit[1]))  # a copy: callers may change what they get
    import tomllib

    data = tomllib.loads(raw.decode("utf-8"))
    if enabled():
        try:
            frozen = marshal.dumps(data)  # TOML dates and times are not marshallable: such files are not cached
        except ValueError:
            return data
        put("toml", key, (stamp, marshal.loads(frozen)))  # a copy: the caller may change ``data``
    return data
