"""The build's output folder, written all-or-nothing.

A build writes into a staging folder beside ``--out`` (same file system, hidden name) and,
only once every file is complete and flushed to disk, swaps it in with one rename. So the
output folder always holds one complete build: the previous one until the swap, the new one
after it, whatever happens in between (kill, Ctrl-C, full disk). A lock file beside the
folder keeps two builds from writing into it at once; the second is told who holds it.

The folder is checked before any extraction work is spent: it must be a folder (or not
exist yet), hold nothing but graphbuild's own outputs, be writable and have some free space.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import json
import os
import shutil
import socket
import tempfile
import time
from pathlib import Path

from graphbuild.errors import Interrupted, OutputError
from graphbuild.version import __version__

MARKER = ".graphbuild"  # written into every output folder: says "graphbuild wrote this"
# what a build writes (api/build.py); anything else in --out is the user's, and the folder is refused
OUTPUT_NAMES = frozenset(
    {"graph.graphml", "graph.html", "extractions.jsonl", "articles.jsonl.gz", "build.json", MARKER}
)
MIN_FREE_BYTES = 1 << 20  # below this the build is refused before extraction
_STAGING, _OLD = ".graphbuild-new-", ".graphbuild-old-"
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        return False
    at_fdcwd = -100
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class OutputFolder:
    """Context manager for one build's outputs: checks, locks, stages, and commits.

    ``with OutputFolder(out) as o: write into o.staging ...; o.commit()``; leaving the block
    without :meth:`commit` leaves ``out`` exactly as it was.
    """

    def __init__(self, out: str | Path):
        self.shown = Path(out)
        self.path = Path(os.path.abspath(out))
        if self.path.is_symlink():
            self.path = self.path.resolve()
        self.parent = self.path.parent
        self.staging = self.parent / (_STAGING + self.path.name)
        self._lock_fd: int | None = None
        self._created: list[Path] = []
        self._committed = False

    # -- checks ---------------------------------------------------------------------------
    def check(self) -> None:
        """Refuse an unusable output folder with one line, before any work is done."""
        p, shown = self.path, self.shown
        if p.exists() and not p.is_dir():
            raise OutputError(f"{shown} is a file, not a folder; fix: choose a folder for the outputs", "out")
        if p.is_dir():
            foreign = sorted(e.name for e in p.iterdir() if e.name not in OUTPUT_NAMES)
            if foreign:
                raise OutputError(
                    f"{shown} holds files graphbuild did not write ({', '.join(foreign[:3])}"
                    f"{', ...' if len(foreign) > 3 else ''}); fix: choose a new or empty output folder",
                    "out",
                )
        anc = self.parent
        while not anc.exists():
            anc = anc.parent
        if not anc.is_dir():
            raise OutputError(f"{anc} is a file, so {shown} cannot be created; fix: choose another folder", "out")
        free = shutil.disk_usage(anc).free
        if free < MIN_FREE_BYTES:
            raise OutputError(f"no space left for {shown} ({free} bytes free); fix: free disk space", "out")

    def __enter__(self) -> OutputFolder:
        self.check()
        try:
            self._make_parents()
            self._lock()
            self._clean_leftovers()
            self.staging = Path(tempfile.mkdtemp(prefix=_STAGING + self.path.name + "-", dir=self.parent))
            os.chmod(self.staging, 0o777 & ~_umask())  # mkdtemp's 0700 would hide the outputs
            self._probe()
        except OSError as exc:
            self._abort()
            raise output_error(exc, self.shown) from None
        except BaseException:
            self._abort()
            raise
        return self

    def _make_parents(self) -> None:
        missing = []
        d = self.parent
        while not d.exists():
            missing.append(d)
            d = d.parent
        for d in reversed(missing):
            d.mkdir()
            self._created.append(d)

    def _probe(self) -> None:
        """Write and flush a little data, so a read-only or full disk shows up now."""
        probe = self.staging / ".probe"
        with open(probe, "wb") as fh:
            fh.write(b"\0" * 65536)
            fh.flush()
            os.fsync(fh.fileno())
        probe.unlink()
        with open(self.staging / MARKER, "w", encoding="utf-8") as fh:
            fh.write(json.dumps({"tool": "graphbuild", "version": __version__, "started": time.time()}) + "\n")

    # -- lock -----------------------------------------------------------------------------
    @property
    def lock_path(self) -> Path:
        return self.parent / f".{self.path.name}.graphbuild-lock"

    def _lock(self) -> None:
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise OutputError(
                f"another graphbuild build is writing {self.shown} ({holder}); fix: wait for it to "
                "finish, or build into another folder",
                "out",
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}\n".encode(), 0)
        self._lock_fd = fd

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._lock_fd, 0)
            os.close(self._lock_fd)  # closing releases the flock
            self._lock_fd = None

    def _clean_leftovers(self) -> None:
        """Staging or old folders of a build that was killed (we hold the lock: none is live)."""
        old = sorted(self.parent.glob(_OLD + self.path.name + "-*"))
        if not self.path.exists() and old:  # killed between the two renames of the fallback swap
            old[-1].rename(self.path)
        for d in self.parent.glob(_STAGING + self.path.name + "-*"):
            shutil.rmtree(d, ignore_errors=True)
        for d in self.parent.glob(_OLD + self.path.name + "-*"):
            shutil.rmtree(d, ignore_errors=True)

    # -- commit ---------------------------------------------------------------------------
    def commit(self) -> None:
        """Flush the staged files and swap them in as the output folder."""
        try:
            for f in self.staging.iterdir():
                with open(f, "rb") as fh:
                    os.fsync(fh.fileno())
            if not self.path.exists():
                os.rename(self.staging, self.path)
            elif not _exchange(self.staging, self.path):
                old = Path(tempfile.mkdtemp(prefix=_OLD + self.path.name + "-", dir=self.parent))
                os.rename(self.path, old / "x")
                os.rename(self.staging, self.path)
                self.staging = old
            self._committed = True
            with contextlib.suppress(OSError):
                dfd = os.open(self.parent, os.O_RDONLY)
                os.fsync(dfd)
                os.close(dfd)
        except OSError as exc:
            raise output_error(exc, self.shown) from None
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)  # after a swap: the previous build

    def _abort(self) -> None:
        if self.staging.name.startswith(_STAGING + self.path.name + "-"):
            shutil.rmtree(self.staging, ignore_errors=True)
        if self._created and self._lock_fd is not None:  # we made its folder: leave nothing behind
            with contextlib.suppress(OSError):
                self.lock_path.unlink()
        self._unlock()
        for d in reversed(self._created):
            with contextlib.suppress(OSError):
                d.rmdir()

    def __exit__(self, exc_type, exc, tb) -> None:
        if not self._committed:
            self._abort()
        else:
            self._unlock()
        if isinstance(exc, KeyboardInterrupt) and not isinstance(exc, Interrupted):
            # say what Ctrl-C left behind: the swap is one rename, so either all or nothing
            kept = (self.path / MARKER).exists()
            raise Interrupted(str(self.shown), self._committed, kept) from exc


def output_error(exc: OSError, shown: Path) -> OutputError:
    """The one-line error for a failed write into the output folder ``shown``."""
    if exc.errno == errno.ENOSPC:
        why, fix = "the disk is full", "free disk space"
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        why, fix = "it is not writable", "choose a writable folder"
    else:
        why, fix = exc.strerror or str(exc), "choose another output folder"
    return OutputError(f"cannot write {shown}: {why}; the previous outputs are unchanged; fix: {fix}", "out")
