"""GraphML for Gephi, Cytoscape, yEd, networkx and igraph, written by a streaming writer.

Nodes: the entity id as GraphML id, the display name as ``label`` (what Gephi shows) and
``name`` (what Cytoscape shows), the entity type (Person, Country, ...) as ``type``, then
the counts and ``aliases``. Edges: a unique id, ``type`` (CO_MENTIONED, SAID_ABOUT,
MENTIONS), ``weight``, ``directed`` and the relation's properties.

Every value keeps its type through a write and a read: numbers and booleans by the key's
``attr.type``; GraphML has no list type, so a key holding lists or dicts is declared
``attr.type="string"`` with ``<desc>JSON</desc>``, every one of its values is written as
JSON, and only such keys are decoded on reading (a name or title that looks like JSON,
``[2020]``, stays text).

Direction: networkx refuses a file whose edges disagree with the graph's ``edgedefault``,
and igraph holds one direction for the whole graph, so by default the graph is directed
and each edge says in its ``directed`` attribute whether it really is (co-mentions go from
the smaller id and are not). ``mixed=True`` writes GraphML's own per-edge ``directed``
instead, which Gephi, Cytoscape and yEd draw as undirected co-mentions. Each edge also
carries the relationship type as the XML attribute ``label``, Gephi's edge "kind", so Gephi
keeps a co-mention and a said-about edge between the same two entities apart.
"""

from __future__ import annotations

import json
from pathlib import Path

from graphbuild.graph.model import Edge, Graph, Node
from graphbuild.writers.common import Articles, atomic_open, is_directed, streams, xml_text

_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))
_NODE_FIXED = {"label": "string", "name": "string", "type": "string"}
_EDGE_FIXED = {"type": "string", "weight": "long", "directed": "boolean"}
JSON_DESC = "JSON"  # the <desc> of a key whose values are JSON
# Files written before keys were declared: these attributes were the JSON ones.
_LEGACY_JSON = {"node": {"aliases"}, "edge": {"evidence", "cues"}}


def _type(v) -> str:
    return next((name for t, name in _TYPES if isinstance(v, t)), "string")


def _keys(items, scope: str, fixed: dict) -> dict[str, tuple[str, str]]:
    """attribute name -> (key id, GraphML type or ``JSON``) over all items, first-seen order.
    A key with any list or dict value is JSON for all its values."""
    types = dict(fixed)
    for props in items:
        for k, v in props.items():
            if isinstance(v, (list, dict)) and k not in fixed:
                types[k] = JSON_DESC
            elif k not in types and v is not None:
                types[k] = _type(v)
    return {k: (f"{scope}{i}", t) for i, (k, t) in enumerate(types.items())}


def _data(keys: dict, attrs: dict) -> str:
    return "".join(
        f'<data key="{keys[k][0]}">{xml_text(json.dumps(v, ensure_ascii=False, sort_keys=True) if keys[k][1] == JSON_DESC else v)}</data>'
        for k, v in attrs.items()
        if v is not None
    )


def _key(kid: str, scope: str, name: str, typ: str) -> str:
    if typ == JSON_DESC:
        return f'<key id="{kid}" for="{scope}" attr.name="{xml_text(name)}" attr.type="string"><desc>{JSON_DESC}</desc></key>\n'
    return f'<key id="{kid}" for="{scope}" attr.name="{xml_text(name)}" attr.type="{typ}"/>\n'


def _json_keys(path: Path) -> dict[str, set[str]]:
    """Attribute names declared JSON (``<desc>JSON</desc>``), per scope (node / edge)."""
    import xml.etree.ElementTree as ET

    ns = "{http://graphml.graphdrawing.org/xmlns}"
    out: dict[str, set[str]] = {"node": set(), "edge": set()}
    for _, el in ET.iterparse(path, events=("end",)):
        if el.tag == ns + "key":
            if (el.findtext(ns + "desc") or "").strip() == JSON_DESC:
                out.setdefault(el.get("for", ""), set()).add(el.get("attr.name", ""))
        elif el.tag in (ns + "node", ns + "edge", ns + "graph"):
            break  # the keys come first
    return out


def node_attrs(n: Node) -> dict:
    """The attributes a node is written with, fixed ones first."""
    return {"label": n.name, "name": n.name, "type": n.label, **n.props}


def edge_attrs(e: Edge) -> dict:
    """The attributes an edge is written with, fixed ones first."""
    return {"type": e.type, "weight": e.weight, "directed": is_directed(e.type), **e.props}


def write(
    graph: Graph, path: str | Path, *, articles: bool = False, mixed: bool = False, provenance: Articles | None = None
) -> Path:
    """Write ``graph`` as GraphML to ``path`` and return the path.

    The entity graph only, unless ``articles`` (then Article nodes and MENTIONS edges too:
    ``graph``'s own, or, when ``graph`` is the entity graph, those ``provenance()`` yields,
    read from it twice and never held; see :func:`~graphbuild.writers.common.streams`).
    ``mixed`` marks co-mentions undirected in GraphML's own per-edge ``directed`` attribute
    (Gephi, Cytoscape, yEd; networkx cannot read such a file). The file is complete or
    absent: it is written next to ``path`` and moved into place at the end.
    """
    path = Path(path)
    nodes, edges = streams(graph, articles, provenance)
    nkeys = _keys((n.props for n in nodes()), "n", _NODE_FIXED)
    ekeys = _keys((e.props for e in edges()), "e", _EDGE_FIXED)
    with atomic_open(path) as fh:
        fh.write(
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
        )
        for scope, keys in (("node", nkeys), ("edge", ekeys)):
            for name, (kid, typ) in keys.items():
                fh.write(_key(kid, scope, name, typ))
        fh.write('<graph id="graphbuild" edgedefault="directed">\n')
        for n in nodes():
            fh.write(f'<node id="{xml_text(n.id)}">{_data(nkeys, node_attrs(n))}</node>\n')
        for i, e in enumerate(edges()):
            direction = ' directed="false"' if mixed and not is_directed(e.type) else ""
            fh.write(
                f'<edge id="e{i}" source="{xml_text(e.source)}" target="{xml_text(e.target)}"{direction} '
                f'label="{xml_text(e.type)}">{_data(ekeys, edge_attrs(e))}</edge>\n'
            )
        fh.write("</graph>\n</graphml>\n")
    return path


def _decode(attrs: dict, json_keys: set[str]) -> dict:
    out = {}
    for k, v in attrs.items():
        if k in json_keys and isinstance(v, str):
            try:
                v = json.loads(v)
            except ValueError:
                pass
        out[k] = v
    return out


def read(path: str | Path) -> Graph:
    """Read a GraphML file written by :func:`write` (or by graphbuild before node types
    moved to ``type``) back into a :class:`Graph`; every value comes back with its type."""
    import networkx as nx

    path = Path(path)
    declared = _json_keys(path)
    if not any(declared.values()):
        declared = _LEGACY_JSON
    g = nx.read_graphml(path, force_multigraph=True)
    out = Graph()
    for nid, attrs in g.nodes(data=True):
        attrs = _decode(attrs, declared["node"])
        if "type" in attrs:
            attrs.pop("label", None)
            out.add_node(Node(nid, attrs.pop("type"), str(attrs.pop("name", nid)), attrs))
        else:  # older files: the entity type was the label
            out.add_node(Node(nid, attrs.pop("label", ""), str(attrs.pop("name", nid)), attrs))
    for s, t, attrs in g.edges(data=True):
        attrs = _decode({k: v for k, v in attrs.items() if k != "directed"}, declared["edge"])
        out.add_edge(Edge(attrs.pop("type"), s, t, int(attrs.pop("weight", 0)), attrs))
    return out
