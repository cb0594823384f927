"""Read text files (encoding, BOM) and write them back atomically in the same form."""

from __future__ import annotations

import codecs
import errno
import os
from collections import Counter
from pathlib import Path
from .model import Value
from .patterns import compile_re


class InputError(Exception):
    """A file that cannot be read as text; the message names the file."""


class BinaryFileError(InputError):
    """A file that is not text at all (skipped with a note)."""


class Source(Value):
    __slots__ = ("path", "text", "encoding", "bom")
    _fields = __slots__

    def __init__(self, path: str, text: str, encoding: str, bom: bytes) -> None:
        self.path = path
        self.text = text
        self.encoding = encoding  # codec used to write back
        self.bom = bom


# UTF-32's byte order marks first: UTF-32-LE's (FF FE 00 00) starts with UTF-16-LE's (FF FE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, path: str) -> Source:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return Source(path, body.decode(enc), enc, bom)
            except UnicodeDecodeError as e:
                raise InputError(f"{path}: not valid {enc.upper()} at byte {e.start + len(bom)}") from None
    if b"\x00" in data[:8192]:
        raise BinaryFileError(f"{path}: binary file (contains NUL bytes), skipped")
    try:
        return Source(path, data.decode("utf-8"), "utf-8", b"")
    except UnicodeDecodeError as e:
        utf8_error = e
    # Not UTF-8: the usual encoding of Chinese Windows documents is GBK, whose superset is GB18030. Accept it
    # only when the bytes decode strictly and the result is mostly Chinese, so that a broken UTF-8 file or a
    # Latin-1 file is reported instead of being read as nonsense.
    try:
        text = data.decode("gb18030")
        gb_problem = "its characters are not mostly common Chinese ones"
    except UnicodeDecodeError as e:
        text = None
        gb_problem = f"at byte {e.start}"
    if text is not None and _looks_chinese(text) and _common_han(text):
        return Source(path, text, "gb18030", b"")
    raise InputError(
        f"{path}: cannot decode as UTF-8 at byte {utf8_error.start} (0x{data[utf8_error.start]:02x}), nor as GB18030/GBK "
        f"({gb_problem}); save the file as UTF-8, UTF-16 with a BOM, or GB18030"
    ) from None


# CJK characters and the punctuation and symbols Chinese text uses: CJK punctuation, ideographs (and extension A),
# full-width forms; general punctuation (“ ” ‘ ’ … — ·), letterlike symbols and number forms (℃ №, Ⅲ),
# enclosed numbers (① ⑴ ⒈), box drawing and geometric shapes (─ ■ ○ ★), and the Latin-1 signs GBK holds (° ± × ÷ §).
_CJK = compile_re(
    r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2000-\u206f\u2100-\u218f\u2460-\u24ff"
    r"\u2500-\u26ff\u00a4\u00a7\u00a8\u00b0\u00b1\u00b7\u00d7\u00f7\u0391-\u03c9\u0401-\u0451]"
)
_NON_ASCII = compile_re(r"[^\x00-\x7f]")


def _looks_chinese(text: str) -> bool:
    """Most non-ASCII characters are CJK characters or CJK punctuation."""
    text = text[:100_000]  # a sample decides: the whole text was decoded strictly already
    non_ascii = len(_NON_ASCII.findall(text))
    return non_ascii > 0 and len(_CJK.findall(text)) >= 0.9 * non_ascii


#: Chinese prose is written almost wholly in common characters: the 3,755 of GB 2312's first level (lead bytes
#: B0-D7) for simplified text, the 5,401 of Big5's (lead bytes A4-C6) for traditional text. Latin-1 text read as
#: GBK (an accented letter and the next byte make a pair) and UTF-8 cut or misread as GBK give rare characters
#: instead (駉, 韆, 鏍): such a reading is refused.
COMMON_HAN_SHARE = 0.8


def _common(c: str) -> bool:
    for codec, lo, hi in (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6)):
        try:
            if lo <= c.encode(codec)[0] <= hi:
                return True
        except UnicodeEncodeError:
            pass
    return False


def _common_han(text: str) -> bool:
    """Are at least COMMON_HAN_SHARE of the Han characters (of the first 100,000 characters) common ones?"""
    counts = Counter(c for c in text[:100_000] if "\u4e00" <= c <= "\u9fff")
    total = sum(counts.values())
    if not total:
        return True  # punctuation and symbols only: nothing to tell them apart
    common = sum(n for c, n in counts.items() if _common(c))
    return common >= COMMON_HAN_SHARE * total


def read_file(path: Path) -> Source:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    return decode(data, str(path))


def encode(source: Source, text: str) -> bytes:
    return source.bom + text.encode(source.encoding)


def _keep_owner(tmp: str, st: os.stat_result) -> None:
    """Give the new file the owner and group of the file it replaces, as far as the user may (root may give any;
    others their own groups): a shared, group-writable file stays the group's."""
    if not hasattr(os, "chown"):
        return
    new = os.stat(tmp)
    if (new.st_uid, new.st_gid) == (st.st_uid, st.st_gid):
        return
    for uid, gid in ((st.st_uid, st.st_gid), (-1, st.st_gid)):
        try:
            os.chown(tmp, uid, gid)
            return
        except OSError:
            continue


def new_file_mode() -> int:
    """The permission bits a new file gets under the process's umask (0o666 without it)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it over ``path``.

    The original is untouched unless the whole new content is on disk; its permission bits are kept.
    """
    import tempfile  # only when writing: it costs start-up otherwise

    # a symbolic link is written through to its target (renaming over the link would replace it by a file)
    path = Path(os.path.realpath(path))
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    if st is not None and st.st_nlink > 1:
        # renaming a new file over it would split it from its other names, and writing in place is not atomic
        raise OSError(
            errno.EMLINK,
            f"the file has {st.st_nlink} hard links (zhproof writes a new file and renames it, which would split them)",
        )
    directory = path.parent
    mode = st.st_mode & 0o7777 if st is not None else None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".zhproof-tmp", dir=directory)
    except PermissionError:
        raise PermissionError(
            13,
            f"the folder {directory} is not writable (zhproof writes a temporary file beside the file and renames it)",
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if st is not None:
            _keep_owner(tmp, st)  # (first: a change of owner clears the set-user-ID and set-group-ID bits)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
