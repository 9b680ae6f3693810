"""What the readers can be told: column mapping for tables, file patterns for folders, size limit."""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from graphbuild.errors import InputError

FIELDS = ("id", "text", "title", "published", "url", "source")
MAX_FILE_BYTES = 64 * 2**20  # one article (or one feed) larger than this is no article


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read.

    ``columns`` maps an article field (``text``, ``id``, ...) to a table's header name and
    overrides the common names; ``include`` / ``exclude`` are glob patterns that choose the
    files of a folder (matched against the path relative to the folder and against the file
    name, case-insensitively; an excluded folder excludes everything under it); files named
    directly are always read. ``max_file_bytes`` bounds files read whole (text, pages, feeds).
    ``date_from_path``: an article without a publication date takes the date in its path.
    """

    columns: Mapping[str, str] = field(default_factory=dict)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_file_bytes: int = MAX_FILE_BYTES
    date_from_path: bool = False  # an undated article takes the YYYY/MM/DD or YYYY-MM-DD in its path

    def __post_init__(self) -> None:
        unknown = sorted(set(self.columns) - set(FIELDS))
        if unknown:
            raise InputError(
                f"unknown article field {unknown[0]!r} in the column mapping; fix: map one of {', '.join(FIELDS)}",
                setting="columns",
            )


def parse_columns(spec: str) -> dict[str, str]:
    """``"text=body,id=guid"`` -> ``{"text": "body", "id": "guid"}`` (fields checked)."""
    out: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not sep or not value:
            raise InputError(
                f"column mapping {part.strip()!r} is not FIELD=HEADER; fix: write it like text=body", setting="columns"
            )
        if key not in FIELDS:
            raise InputError(
                f"unknown article field {key!r} in the column mapping; fix: map one of {', '.join(FIELDS)}",
                setting="columns",
            )
        out[key] = value
    return out


def _matches(rel: PurePosixPath, pattern: str) -> bool:
    pat = pattern.lower()
    return fnmatch.fnmatchcase(str(rel).lower(), pat) or fnmatch.fnmatchcase(rel.name.lower(), pat)


def left_out(rel: PurePosixPath, opts: ReadOptions) -> str | None:
    """Why the patterns leave the folder file ``rel`` out, or None when it is chosen."""
    for pattern in opts.exclude:
        for part in (rel, *rel.parents[:-1]):
            if _matches(part, pattern):
                return f"excluded by pattern {pattern!r}"
    if opts.include and not any(_matches(rel, p) for p in opts.include):
        return "matches no include pattern"
    return None
