"""GraphML via networkx: loads in Gephi, Cytoscape and ``networkx.read_graphml``.

Node attributes: ``name``, ``label``, mention counts; edge attributes: ``type``, ``weight``
and the relation's properties. Lists and dicts are stored as JSON strings.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx

from ..model import Edge, Graph, Node

# XML 1.0 forbids most control characters; GraphML must stay valid whatever the text held.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _value(v):
    if isinstance(v, (list, dict)):
        v = json.dumps(v, ensure_ascii=False, sort_keys=True)
    if isinstance(v, str):
        return _XML_BAD.sub("\ufffd", v)
    if v is None:
        return ""
    return v


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The graph as a networkx MultiDiGraph (CO_MENTIONED edges point from the smaller id)."""
    g = nx.MultiDiGraph()
    for n in graph.nodes.values():
        g.add_node(_value(n.id), name=_value(n.name), label=n.label,
                   **{k: _value(v) for k, v in n.props.items()})
    for e in graph.edges.values():
        g.add_edge(_value(e.source), _value(e.target), key=e.type, type=e.type, weight=e.weight,
                   **{k: _value(v) for k, v in e.props.items()})
    return g


def write(graph: Graph, path: str | Path) -> Path:
    """Write ``graph`` as GraphML to ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(to_networkx(graph), path, encoding="utf-8")
    return path


def _parse(v):
    if isinstance(v, str) and v[:1] in "[{":
        try:
            return json.loads(v)
        except ValueError:
            return v
    return v


def read(path: str | Path) -> Graph:
    """Read a GraphML file written by :func:`write` back into a :class:`Graph`."""
    g = nx.read_graphml(Path(path), force_multigraph=True)
    out = Graph()
    for nid, attrs in g.nodes(data=True):
        attrs = {k: _parse(v) for k, v in attrs.items()}
        out.add_node(Node(nid, attrs.pop("label", ""), attrs.pop("name", nid), attrs))
    for s, t, attrs in g.edges(data=True):
        attrs = {k: _parse(v) for k, v in attrs.items()}
        out.add_edge(Edge(attrs.pop("type"), s, t, int(attrs.pop("weight", 0)), attrs))
    return out
