"""JSON Lines files: the ``extractions.jsonl`` audit trail and the build's spool."""

from __future__ import annotations

import gzip
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from graphbuild.writers.common import atomic_open


class JsonlWriter:
    """Append one JSON object per line (UTF-8, no ASCII escaping, compact)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = self.path.open("w", encoding="utf-8", newline="\n")
        self.count = 0

    def write(self, obj: dict) -> None:
        self._fh.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
        self._fh.write("\n")
        self.count += 1

    def write_pieces(self, pieces: Iterable[str]) -> None:
        """Append one object given as its JSON text in pieces (compact, as :meth:`write`
        writes it): a long record is never one string."""
        for piece in pieces:
            self._fh.write(piece)
        self._fh.write("\n")
        self.count += 1

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def read_jsonl(path: str | Path) -> Iterator[dict]:
    """Objects of a JSON Lines file written by :class:`JsonlWriter` (or gzipped, ``.gz``)."""
    with _open_text(Path(path)) as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def read_lines(path: str | Path) -> Iterator[str]:
    """The non-blank lines of a JSON Lines file, each handed over and not held meanwhile."""
    with _open_text(Path(path)) as fh:
        for line in fh:
            if line and not line.isspace():
                held = [line]
                del line  # a long article's record is freed as soon as its reader drops it
                yield held.pop()


def _open_text(path: Path) -> IO[str]:
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")


def _replace_when_done(path: Path, write) -> Path:
    """Call ``write(tmp_path)``, then move the file into place: complete or absent."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def copy_gzipped(src: str | Path, dst: str | Path) -> Path:
    """Copy the file ``src`` to ``dst`` gzipped (fast level: it is a working copy, not an
    archive)."""

    def write(tmp: Path) -> None:
        with Path(src).open("rb") as fin, gzip.open(tmp, "wb", compresslevel=1) as fout:
            shutil.copyfileobj(fin, fout, 1 << 20)

    return _replace_when_done(Path(dst), write)


def write_json(obj: dict, path: str | Path) -> Path:
    """Write one JSON object to ``path`` (complete or absent)."""
    with atomic_open(path) as fh:
        fh.write(json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return Path(path)


def read_json(path: str | Path) -> dict:
    """The object :func:`write_json` wrote."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
