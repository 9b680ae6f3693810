"""JSON Lines files: the ``extractions.jsonl`` audit trail and the build's spool."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path


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

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def read_jsonl(path: str | Path) -> Iterator[dict]:
    """Objects of a JSON Lines file written by :class:`JsonlWriter`."""
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
