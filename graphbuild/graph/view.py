"""Which part of a graph an interactive view shows: weight filter, focus, size cap.

Pure selection, no I/O, so it can be tested on small hand-made graphs and reused by any
viewer. Rules, applied in this order:

1. Entities are all non-Article nodes; relations are CO_MENTIONED / SAID_ABOUT edges.
   Article nodes and MENTIONS edges are provenance and only shown with ``articles=True``.
2. ``min_weight``: relations lighter than this are hidden.
3. ``focus`` (entity id, or name / alias, case-insensitive) and ``depth``: only entities
   within ``depth`` hops of the focus over the remaining relations (direction ignored).
4. Entities that had relations but lost all of them in 2-4 are hidden: a dot with no line
   is noise. Entities that never had a relation stay (until the cap) and the focus always stays.
5. Size cap, so that a page stays a few megabytes: keep the ``max_nodes`` most mentioned
   entities (focus first), then the ``max_edges`` heaviest relations.
   :attr:`Selection.pruned` says whether the cap dropped anything.
6. What is drawn when the page opens (a browser cannot lay out thousands of nodes readably;
   the rest comes by search or by expanding a node): the focus, then the ``draw_nodes`` most
   mentioned entities that have a relation, with the ``draw_edges`` heaviest relations among
   them; an entity left with none of those is not drawn. With ``articles``, also the Article
   nodes of the ``draw_edges`` heaviest MENTIONS links to them.
"""

from __future__ import annotations

import difflib
from collections import deque
from dataclasses import dataclass, field

from graphbuild.errors import InputError
from graphbuild.graph.model import ARTICLE, MENTIONS, Edge, Graph, Node

MAX_NODES = 25_000  # entities a page holds (searchable and expandable, not all drawn)
MAX_EDGES = 100_000
DRAW_NODES = 100  # entities drawn when the page opens
DRAW_EDGES = 300


@dataclass(slots=True)
class Selection:
    """What to draw (nodes sorted by id, edges by key) and how it relates to the whole graph."""

    nodes: list[Node]
    edges: list[Edge]
    total_entities: int  # entity nodes in the whole graph
    total_relations: int  # CO_MENTIONED / SAID_ABOUT edges in the whole graph
    focus: list[str] = field(default_factory=list)  # ids the focus matched
    pruned: bool = False  # True when the max_nodes / max_edges cap dropped something
    drawn: list[str] = field(default_factory=list)  # node ids drawn when the page opens, by rank
    drawn_edges: list[tuple[str, str, str]] = field(default_factory=list)  # edge keys drawn first

    @property
    def entities(self) -> int:
        return sum(n.label != ARTICLE for n in self.nodes)

    @property
    def relations(self) -> int:
        return sum(e.type != MENTIONS for e in self.edges)

    @property
    def note(self) -> str:
        """One line for a heading or a log; empty when nothing was cut for size."""
        if not self.pruned:
            return ""
        return (
            f"showing {self.entities} of {self.total_entities} entities and {self.relations} of "
            f"{self.total_relations} relations (most mentioned, heaviest); "
            "use --focus/--min-weight to see the rest"
        )


def mentions(node: Node) -> int:
    """The node's ``mentions`` property as an int (0 when missing or not a number)."""
    try:
        return int(node.props.get("mentions", 0))
    except (TypeError, ValueError):
        return 0


def find(graph: Graph, focus: str) -> list[str]:
    """Entity ids matching ``focus``: the id itself, else every entity whose name (else alias)
    equals it case-insensitively. Raises InputError with a suggestion when nothing matches."""
    entities = {i: n for i, n in graph.nodes.items() if n.label != ARTICLE}
    if focus in entities:
        return [focus]
    key = focus.strip().casefold()
    hits = sorted(i for i, n in entities.items() if key in (n.name.casefold(), i.casefold()))
    if not hits:  # "Lee" may be an alias of "Ann Lee"
        hits = sorted(
            i
            for i, n in entities.items()
            if any(isinstance(a, str) and a.casefold() == key for a in n.props.get("aliases") or ())
        )
    if hits:
        return hits
    close = difflib.get_close_matches(focus, sorted({n.name for n in entities.values()}), n=3)
    hint = f" (close: {', '.join(map(repr, close))})" if close else ""
    raise InputError(
        f"no entity named {focus!r}{hint}; fix: pass an entity name or id from "
        "the graph to --focus, or leave --focus out"
    )


def _within(seeds: list[str], edges: list[Edge], depth: int) -> set[str]:
    """Nodes at most ``depth`` hops from ``seeds`` (breadth-first, direction ignored)."""
    adjacent: dict[str, set[str]] = {}
    for e in edges:
        adjacent.setdefault(e.source, set()).add(e.target)
        adjacent.setdefault(e.target, set()).add(e.source)
    seen = set(seeds)
    queue = deque((s, 0) for s in seeds)
    while queue:
        node, hops = queue.popleft()
        if hops == depth:
            continue
        for nxt in adjacent.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append((nxt, hops + 1))
    return seen


def select(
    graph: Graph,
    min_weight: int = 1,
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
    articles: bool = False,
    draw_nodes: int = DRAW_NODES,
    draw_edges: int = DRAW_EDGES,
) -> Selection:
    """The part of ``graph`` a view holds and what it draws first; see the module docstring."""
    if depth < 0:
        raise InputError(f"depth must be 0 or more, got {depth}; fix: use a depth of 1 or more")
    if max_nodes < 1 or max_edges < 0 or draw_nodes < 1 or draw_edges < 0:
        raise InputError(
            f"max_nodes and draw_nodes must be 1 or more, max_edges and draw_edges 0 or more, got "
            f"{max_nodes}, {draw_nodes}, {max_edges} and {draw_edges}; fix: raise the limits"
        )
    entities = {i: n for i, n in graph.nodes.items() if n.label != ARTICLE}
    relations = [
        e for e in graph.edges.values() if e.type != MENTIONS and e.source in entities and e.target in entities
    ]
    linked = {x for e in relations for x in (e.source, e.target)}

    edges = [e for e in relations if e.weight >= min_weight]
    keep = set(entities)
    seeds: list[str] = []
    if focus is not None:
        seeds = find(graph, focus)
        keep = _within(seeds, edges, depth)
        edges = [e for e in edges if e.source in keep and e.target in keep]

    def drop_isolated(keep: set[str], edges: list[Edge]) -> set[str]:
        ends = {x for e in edges for x in (e.source, e.target)}
        return {i for i in keep if i in ends or i not in linked or i in seeds}

    keep = drop_isolated(keep, edges)
    pruned = False
    if len(keep) > max_nodes:
        ranked = sorted(keep, key=lambda i: (i not in seeds, -mentions(entities[i]), i))
        keep, pruned = set(ranked[:max_nodes]), True
        edges = [e for e in edges if e.source in keep and e.target in keep]
    if len(edges) > max_edges:
        edges = sorted(edges, key=lambda e: (-e.weight, e.key))[:max_edges]
        pruned = True
        keep = drop_isolated(keep, edges)

    nodes = [entities[i] for i in keep]
    if articles:  # provenance on request, within what is left of the edge budget
        links = sorted(
            (e for e in graph.edges.values() if e.type == MENTIONS and e.target in keep and e.source in graph.nodes),
            key=lambda e: (-e.weight, e.key),
        )
        budget = max_edges - len(edges)
        pruned = pruned or len(links) > budget
        links = links[:budget]
        edges += links
        nodes += [graph.nodes[i] for i in sorted({e.source for e in links})]
    drawn, drawn_edges = _opening(entities, keep, edges, seeds, draw_nodes, draw_edges)
    return Selection(
        sorted(nodes, key=lambda n: n.id),
        sorted(edges, key=lambda e: e.key),
        len(entities),
        len(relations),
        seeds,
        pruned,
        drawn,
        drawn_edges,
    )


def _opening(
    entities: dict[str, Node],
    keep: set[str],
    edges: list[Edge],
    seeds: list[str],
    draw_nodes: int,
    draw_edges: int,
) -> tuple[list[str], list[tuple[str, str, str]]]:
    """(ids drawn first, in rank order; keys of the relations drawn first): rule 6."""
    relations = [e for e in edges if e.type != MENTIONS]
    ends = {x for e in relations for x in (e.source, e.target)}
    pool = [i for i in keep if i in ends or i in seeds] if ends else list(keep)
    ranked = sorted(pool, key=lambda i: (i not in seeds, -mentions(entities[i]), i))
    inside = set(ranked[: max(draw_nodes, len(seeds))])
    among = sorted(
        (e for e in relations if e.source in inside and e.target in inside), key=lambda e: (-e.weight, e.key)
    )
    drawn_edges = among[:draw_edges]
    touched = {x for e in drawn_edges for x in (e.source, e.target)}
    # an entity whose every relation fell to the edge budget would be a lone dot: not drawn
    drawn = [i for i in ranked if i in inside and (i in touched or i in seeds or not touched)]
    shown = set(drawn)  # provenance, when the selection has it: the heaviest links to those
    links = sorted((e for e in edges if e.type == MENTIONS and e.target in shown), key=lambda e: (-e.weight, e.key))
    links = links[:draw_edges]
    drawn += sorted({e.source for e in links})
    return drawn, sorted(e.key for e in drawn_edges + links)


def subgraph(graph: Graph, min_weight: int = 1, focus: str | None = None, depth: int = 1) -> Graph:
    """The part of ``graph`` that :func:`select` picks, without any size cap, as a Graph
    (with the Article nodes and MENTIONS edges of the entities kept): for GraphML exports."""
    sel = select(
        graph, min_weight, focus, depth, max_nodes=len(graph.nodes) + 1, max_edges=len(graph.edges) + 1, articles=True
    )
    out = Graph()
    for n in sel.nodes:
        out.add_node(n)
    for e in sel.edges:
        if e.source in out.nodes and e.target in out.nodes:
            out.add_edge(e)
    return out
