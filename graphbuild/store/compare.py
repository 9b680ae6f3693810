"""Comparing a stored graph with a recomputed one (``graphbuild store check``). Pure.

Both sides are brought to the stored form first (properties through the writer's encoding), so dates, monthly counts and JSON evidence compare as the database holds them.
"""

from __future__ import annotations

from graphbuild.graph.model import Graph
from graphbuild.store import rows as R

Snapshot = tuple[dict, dict]


def snapshot(graph: Graph) -> Snapshot:
    """Nodes ``{id: (label, name, props)}`` and edges ``{(type, src, dst): (weight, props)}``,
    properties in the form the writer stores them."""

    def norm(props: dict) -> dict:
        return R.to_neo4j_props(props)

    nodes = {n.id: (n.label, n.name, norm(n.props)) for n in graph.nodes.values()}
    edges = {e.key: (e.weight, norm(e.props)) for e in graph.edges.values()}
    return nodes, edges


def differences(stored: Snapshot, wanted: Snapshot, limit: int = 20) -> list[str]:
    """What differs between the stored and the wanted graph, one line each (at most
    ``limit`` lines, then a count of the rest)."""
    out: list[str] = []
    for what, have, want in (("node", stored[0], wanted[0]), ("relationship", stored[1], wanted[1])):
        for key in sorted(want.keys() - have.keys(), key=str):
            out.append(f"missing {what} {_show(key)}")
        for key in sorted(have.keys() - want.keys(), key=str):
            out.append(f"extra {what} {_show(key)}")
        for key in sorted(want.keys() & have.keys(), key=str):
            if have[key] != want[key]:
                out.append(f"{what} {_show(key)} differs: {_delta(have[key], want[key])}")
    if len(out) > limit:
        out = out[:limit] + [f"... and {len(out) - limit} more differences"]
    return out


def _show(key) -> str:
    return " ".join(map(str, key)) if isinstance(key, tuple) else str(key)


def _delta(have: tuple, want: tuple) -> str:
    """The fields that differ: stored value -> recomputed value."""
    parts = []
    *head_h, props_h = have
    *head_w, props_w = want
    for i, (h, w) in enumerate(zip(head_h, head_w)):
        if h != w:
            parts.append(f"{['label', 'name'][i] if len(head_h) == 2 else 'weight'} {h!r} -> {w!r}")
    for k in sorted(props_h.keys() | props_w.keys()):
        if props_h.get(k) != props_w.get(k):
            parts.append(f"{k} {_short(props_h.get(k))} -> {_short(props_w.get(k))}")
    return "; ".join(parts)


def _short(v) -> str:
    s = repr(v)
    return s if len(s) <= 60 else s[:57] + "..."
