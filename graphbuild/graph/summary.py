"""A short text summary of a graph: top entities, strongest pairs, said-about edges."""

from __future__ import annotations

from graphbuild.graph.model import ARTICLE, CO_MENTIONED, SAID_ABOUT, Graph


def summarize(graph: Graph, top: int = 5) -> list[str]:
    """Lines to print after a build."""
    ents = [n for n in graph.nodes.values() if n.label != ARTICLE]
    edges = list(graph.edges.values())
    co = sorted((e for e in edges if e.type == CO_MENTIONED), key=lambda e: (-e.weight, e.source, e.target))
    said = sorted((e for e in edges if e.type == SAID_ABOUT), key=lambda e: (-e.weight, e.source, e.target))
    name = {n.id: n.name for n in graph.nodes.values()}
    lines = [f"{len(ents)} entities, {len(co)} co-mention edges, {len(said)} said-about edges"]
    ents.sort(key=lambda n: (-n.props.get("mentions", 0), n.id))
    if ents:
        lines.append(
            "top entities: " + ", ".join(f"{n.name} ({n.label}, {n.props.get('mentions', 0)})" for n in ents[:top])
        )
    if co:
        lines.append(
            "strongest pairs: " + ", ".join(f"{name[e.source]} – {name[e.target]} ({e.weight})" for e in co[:top])
        )
    if said:
        lines.append(
            "said about: " + ", ".join(f"{name[e.source]} → {name[e.target]} ({e.weight})" for e in said[:top])
        )
    return lines
