"""The graph as networkx objects, for notebooks: typed attributes, lists as lists.

networkx has no graph with both directed and undirected edges, so :func:`to_networkx`
gives a ``MultiDiGraph`` whose edges say ``directed`` (co-mentions run from the smaller id
and are not directed); :func:`co_mentions` and :func:`said_about` give the two relations as
a plain undirected ``Graph`` and a ``DiGraph``.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from graphbuild.graph.model import ARTICLE, CO_MENTIONED, MENTIONS, SAID_ABOUT, Edge, Graph, Node

if TYPE_CHECKING:
    import networkx as nx


def node_data(n: Node) -> dict:
    """A node's networkx attributes: ``label`` (display name), ``type`` and its properties."""
    return {"label": n.name, "type": n.label, **copy.deepcopy(n.props)}


def edge_data(e: Edge) -> dict:
    """An edge's networkx attributes: ``type``, ``weight``, ``directed`` and its properties."""
    return {"type": e.type, "weight": e.weight, "directed": e.type != CO_MENTIONED, **copy.deepcopy(e.props)}


def _nodes(graph: Graph, articles: bool):
    return [(n.id, node_data(n)) for n in graph.nodes.values() if articles or n.label != ARTICLE]


def to_networkx(graph: Graph, articles: bool = False) -> nx.MultiDiGraph:
    """Every entity and relation as a ``MultiDiGraph`` (edge keys are the relationship
    types); Article nodes and MENTIONS edges only if ``articles``."""
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_nodes_from(_nodes(graph, articles))
    g.add_edges_from(
        (e.source, e.target, e.type, edge_data(e))
        for e in graph.edges.values()
        if (articles or e.type != MENTIONS) and e.source in g and e.target in g
    )
    return g


def co_mentions(graph: Graph) -> nx.Graph:
    """The co-mention network: an undirected ``Graph`` of the entities, ``weight`` = windows."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(_nodes(graph, False))
    g.add_edges_from((e.source, e.target, edge_data(e)) for e in graph.edges.values() if e.type == CO_MENTIONED)
    return g


def said_about(graph: Graph) -> nx.DiGraph:
    """Who spoke about whom: a ``DiGraph`` from speaker to target, ``weight`` = statements."""
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(_nodes(graph, False))
    g.add_edges_from((e.source, e.target, edge_data(e)) for e in graph.edges.values() if e.type == SAID_ABOUT)
    return g
