"""Rules that keep whatever a user points graphbuild at from crashing or hanging a build.

* Only regular files are read (a symlink is followed first): devices (``/dev/zero``),
  FIFOs and sockets are reported and skipped, and a file is read up to
  :data:`MAX_FILE_BYTES`, never further.
* Text with a byte order mark is decoded by it (UTF-8, UTF-16 and UTF-32, either order).
* A lone surrogate (``"\\ud800"`` in JSON) cannot be written as UTF-8 anywhere; it becomes
  U+FFFD, one code point for one, so offsets stay exact.
* A file name that is not valid UTF-8 gets an id with U+FFFD for the bad bytes.
* graphbuild's own output folders (they hold :data:`OUTPUT_MARKER`) are never read as input.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

MAX_FILE_BYTES = 256 << 20  # a single input file larger than this is skipped
OUTPUT_MARKER = ".graphbuild"  # the marker every build's output folder holds

_BOMS = (  # longest first: the UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SURROGATE = re.compile("[\ud800-\udfff]")


class Unreadable(Exception):
    """A path that is not read; the message is the reason shown to the user."""


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed), at most ``limit``.

    Raises :class:`Unreadable` for anything else, without blocking: the file is opened
    non-blocking and checked on the open descriptor, so a FIFO cannot hang the build."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Unreadable(f"{_kind(st.st_mode)}, not a regular file; not read")
        if st.st_size > limit:
            raise Unreadable(f"larger than {limit:,} bytes ({st.st_size:,}); not read")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # grew while we read
            raise Unreadable(f"larger than {limit:,} bytes; not read")
        return b"".join(chunks)
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading if it is a regular file (symlinks followed); raises
    :class:`Unreadable` otherwise, without blocking on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise Unreadable(f"{_kind(st.st_mode)}, not a regular file; not read")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def utf8_lines(fh: BinaryIO, limit: int | None = None) -> Iterator[bytes]:
    """The lines of a file as UTF-8 bytes: streamed as they are, or, behind a UTF-16/32 byte
    order mark, decoded (up to ``limit`` bytes) and re-encoded."""
    head = fh.read(4)
    text, enc = bom_decode(head)
    if enc is None or enc == "utf-8":
        first = [head + fh.readline()]
        yield first.pop()  # not held while the line is used (a one-line file: its whole text)
        yield from fh
        return
    limit = MAX_FILE_BYTES if limit is None else limit
    data = head + fh.read(limit)
    text, _ = bom_decode(data)
    yield from (text or "").encode("utf-8", "surrogatepass").splitlines()


def bom_decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, encoding) when ``data`` starts with a byte order mark, else (None, None).
    Bytes that do not decode by their mark are replaced with U+FFFD."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, "replace"), enc
    return None, None


def without_surrogates(text: str) -> tuple[str, bool]:
    """``text`` with lone surrogates replaced by U+FFFD, and whether any was."""
    cleaned = _SURROGATE.sub("\ufffd", text)
    return cleaned, cleaned is not text and cleaned != text


def path_text(path: Path | str) -> tuple[str, bool]:
    """A path as valid text (bytes that are not UTF-8 become U+FFFD), and whether it had to
    change."""
    raw = os.fsencode(path)
    text = raw.decode("utf-8", "replace")
    return text, text != os.fsdecode(raw)


def is_build_artifact(name: str) -> bool:
    """A build's staging or old folder, or its lock file, beside an output folder."""
    return name.startswith((".graphbuild-new-", ".graphbuild-old-")) or (
        name.startswith(".") and name.endswith(".graphbuild-lock")
    )


def is_output_folder(path: Path) -> bool:
    """True for a folder a graphbuild build wrote (never read as input)."""
    return (path / OUTPUT_MARKER).is_file()
