"""A small on-disk cache of what is costly to build at start-up: compiled patterns and parsed rule files.

A pre-commit hook starts zhproof for a few small files, so start-up is most of its time; compiling the rules'
patterns (the Han class alone costs `re` 3 ms) and importing and running the TOML parser were the larger part.
The cache keeps their results in one `marshal` file per Python version:

- every entry's key holds everything its value depends on (a pattern's source and flags; a file's path, size
  and modification time), and the file's header holds the interpreter's version and the regular expression
  engine's magic number, so a stale entry is never used: a changed input has another key, another Python
  another header;
- a missing, unreadable or damaged file is ignored and written anew; writes are atomic (a temporary file,
  then a rename), and a failed write only means no cache;
- ``ZHPROOF_NO_CACHE=1`` turns it off, ``ZHPROOF_CACHE_DIR`` moves it (default: the platform's user cache
  folder, e.g. ``~/.cache/zhproof``).
"""
from __future__ import annotations

import os
import sys

_LIMIT = 4000  # entries per section; zhproof's own rules need about 150
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

    return ("zhproof-cache", 1, sys.implementation.name, sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXGROUPS)


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
            path = os.path.join(d, f"startup-{sys.implementation.cache_tag}.marshal")
        if _path_memo is not None and _path_memo[1] != path:
            _sections = None  # another cache file: read it when needed
        _path_memo = (env, path)
    return _path_memo[1]


def enabled() -> bool:
    return cache_path() is not None


def _load() -> dict[str, dict]:
    global _sections
    if _sections is None:
        _sections = {}
        path = cache_path()
        if path is not None:
            import marshal

            try:
                with open(path, "rb") as f:
                    header, sections = marshal.loads(f.read())  # (marshal.load reads a file piece by piece: 10x slower)
                if header == _header() and isinstance(sections, dict):
                    _sections = sections
            except (OSError, EOFError, ValueError, TypeError):
                pass  # no cache yet, or a damaged one: it is written anew
    return _sections


def get(section: str, key):
    """The cached value, or None."""
    if not enabled():
        return None
    return _load().get(section, {}).get(key)


def put(section: str, key, value, replaces=None) -> None:
    """Remember a value (it must be marshallable); written to disk when the process ends. ``replaces``: a
    test for keys this one makes stale (the same file's older versions), which are dropped."""
    global _dirty
    if not enabled():
        return
    entries = _load().setdefault(section, {})
    if replaces is not None:
        for old in [k for k in entries if replaces(k)]:
            del entries[old]
    if len(entries) >= _LIMIT:
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

    try:
        data = marshal.dumps((_header(), _sections))
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".startup-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _dirty = False
    except (OSError, ValueError):
        pass  # a read-only home, a full disk, an unmarshallable value: run without the cache


def file_key(path) -> tuple | None:
    """A key that changes whenever the file does: its absolute path, size and modification time (ns)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (os.path.abspath(path), st.st_size, st.st_mtime_ns)


def load_toml(path) -> dict:
    """``tomllib.loads`` of a UTF-8 file, from the cache when the file has not changed since.

    Raises what reading and parsing raise (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError)."""
    key = file_key(path)
    if key is not None:
        hit = get("toml", key)
        if hit is not None:
            import marshal

            return marshal.loads(marshal.dumps(hit))  # a copy: callers may change what they get
    import tomllib

    with open(path, "rb") as f:
        raw = f.read()
    data = tomllib.loads(raw.decode("utf-8"))
    if key is not None:
        try:
            import marshal

            frozen = marshal.dumps(data)  # TOML dates and times are not marshallable: such files are not cached
        except ValueError:
            return data
        # a copy (the caller may change ``data``), in place of the entries of this file's older versions
        put("toml", key, marshal.loads(frozen), replaces=lambda k: k[0] == key[0])
    return data
