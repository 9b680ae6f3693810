"""Interactive HTML view (pyvis) — stub, filled in by the HTML work."""
from __future__ import annotations

from pathlib import Path

from ..model import Graph


def write(graph: Graph, path: str | Path, min_weight: int = 1, focus: str | None = None,
          depth: int = 1) -> Path:
    path = Path(path)
    path.write_text("<html><body>graph</body></html>", encoding="utf-8")
    return path
