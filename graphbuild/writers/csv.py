"""CSV tables for spreadsheets, pandas and Cytoscape's table import: ``nodes.csv``,
``edges.csv`` and ``quotes.csv`` in one folder.

UTF-8, a header row, quoting as the csv module does (RFC 4180); lists and dicts are JSON
in their cell. ``edges.csv`` names both ends by id and by name, so it reads on its own in a
spreadsheet and imports into Cytoscape as a network (source, target, interaction = type).
``quotes.csv`` has one row per quote kept as evidence of a said-about edge (the first five
per speaker and target, as in the graph); ``cue`` lists the verbs that introduced that
speaker's statements about the target ("said; told").
"""

from __future__ import annotations

import contextlib
import csv
from pathlib import Path

from graphbuild.graph.model import SAID_ABOUT, Graph
from graphbuild.writers.common import as_text, atomic_open, entity_graph, is_directed

NODE_COLUMNS = ["id", "label", "type"]
EDGE_COLUMNS = ["source", "target", "type", "weight", "directed", "source_label", "target_label"]
QUOTE_COLUMNS = ["speaker", "target", "quote", "cue", "article", "speaker_id", "target_id"]
_LAST = ["evidence"]  # long text goes to the right of the table


def _columns(fixed: list[str], items) -> list[str]:
    seen = dict.fromkeys(fixed)
    for props in items:
        seen.update(dict.fromkeys(k for k in props if k not in _LAST))
    return [*seen, *(k for k in _LAST if any(k in p for p in items))]


def _table(fh, columns: list[str], rows) -> None:
    w = csv.writer(fh, lineterminator="\r\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([as_text(row.get(c)) for c in columns])


def write(graph: Graph, folder: str | Path, *, articles: bool = False) -> list[Path]:
    """Write ``nodes.csv``, ``edges.csv`` and ``quotes.csv`` into ``folder`` (created if
    needed) and return their paths. Article nodes and MENTIONS edges only if ``articles``."""
    folder = Path(folder)
    graph = entity_graph(graph, articles)
    nodes = [{"id": n.id, "label": n.name, "type": n.label, **n.props} for n in graph.nodes.values()]
    names = {n.id: n.name for n in graph.nodes.values()}
    edges = [
        {
            "source": e.source,
            "target": e.target,
            "type": e.type,
            "weight": e.weight,
            "directed": is_directed(e.type),
            "source_label": names.get(e.source, e.source),
            "target_label": names.get(e.target, e.target),
            **e.props,
        }
        for e in graph.edges.values()
    ]
    quotes = [
        {
            "speaker": names.get(e.source, e.source),
            "target": names.get(e.target, e.target),
            "quote": ev.get("quote", ""),
            "cue": "; ".join(e.props.get("cues") or []),
            "article": ev.get("article", ""),
            "speaker_id": e.source,
            "target_id": e.target,
        }
        for e in graph.edges.values()
        if e.type == SAID_ABOUT
        for ev in e.props.get("evidence") or []
    ]
    out = [folder / "nodes.csv", folder / "edges.csv", folder / "quotes.csv"]
    # All three are written before any replaces its older copy, so a failure leaves the
    # folder's earlier tables together, never a new nodes.csv beside an old edges.csv.
    with contextlib.ExitStack() as stack:
        fhs = [stack.enter_context(atomic_open(p, newline="")) for p in out]
        _table(fhs[0], _columns(NODE_COLUMNS, nodes), nodes)
        _table(fhs[1], _columns(EDGE_COLUMNS, edges), edges)
        _table(fhs[2], QUOTE_COLUMNS, quotes)
    return out
