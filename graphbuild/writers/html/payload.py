"""The data an explorer page carries: a compact, index-based JSON form of a Selection.

Pure (no I/O). The page draws only ``Selection.drawn`` at first, and holds the rest so that
search, expansion and the details panel work without a server:

* ``nodes``: ``{id, n: name, l: label, m: mentions, a: articles, al: aliases, d: [first,
  last], ar: [[article, count], ...]}``; ``ar`` are the articles that mention it (most
  mentions first, at most :data:`ARTICLES_PER_NODE`).
* ``edges``: ``{s, t: node indexes, y: type, w: weight, a: articles, k: {kind: count},
  d, ev: [[article, text, kind?], ...], x: {direct, indirect, cues}}``; a field that would
  be empty is left out.
* ``articles``: ``{id, t: title, u: url (http/https only), d: date}``; ``texts``: each
  evidence snippet once (one sentence backs every pair of entities in it).
* ``drawn``, ``focus``: node indexes; ``drawn_edges``: edge indexes; ``labels``/``types``/``kinds``:
  what the filters offer, with totals over the whole graph.

Dates: an item's ``first_seen``/``last_seen`` properties when it has them; else, for a
node, the dates of the articles that mention it and, for an edge, those of its evidence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from graphbuild.graph.model import ARTICLE, MENTIONS, SAID_ABOUT, Edge, Graph, Node
from graphbuild.graph.view import Selection, mentions
from graphbuild.writers.common import TIME_PROPS

ARTICLES_PER_NODE = 30
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_URL = re.compile(r"^https?://[^\s]+$", re.I)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(text) -> str:
    """Text safe to encode and to show: control characters and lone surrogates become U+FFFD."""
    return _CONTROL.sub("\ufffd", str(text))


def _date(value) -> str | None:
    """The ``YYYY-MM-DD`` a date-like value starts with, else None."""
    m = _DATE.match(str(value)) if isinstance(value, str) else None
    return m.group(0) if m else None


def _span(dates) -> list[str] | None:
    found = sorted(d for d in dates if d)
    return [found[0], found[-1]] if found else None


def _own_span(item: Node | Edge) -> list[str] | None:
    first, last = (_date(item.props.get(k)) for k in TIME_PROPS)
    return _span([first or last, last or first])


def kinds(edge: Edge) -> dict[str, int] | None:
    """Said-about kinds of an edge with their counts: its ``kinds`` (dict or list) or ``kind``
    property, else the ``kind`` of its evidence items; None when it has none."""
    raw = edge.props.get("kinds")
    if isinstance(raw, dict):
        out = {clean(k): int(v) for k, v in raw.items() if isinstance(v, int) and v > 0}
        return out or None
    if isinstance(raw, list) and raw:
        return dict(Counter(clean(k) for k in raw if isinstance(k, str))) or None
    kind = edge.props.get("kind")
    if isinstance(kind, str) and kind:
        return {clean(kind): max(edge.weight, 1)}
    # else the kinds of its evidence items (a sample: evidence lists are capped)
    found = Counter(
        clean(item["kind"])
        for item in edge.props.get("evidence") or ()
        if isinstance(item, dict) and isinstance(item.get("kind"), str) and item["kind"]
    )
    return dict(found) or None


class _Articles:
    """Article table: index by article id; titles, links and dates from the Article nodes."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.index: dict[str, int] = {}
        self.rows: list[dict] = []

    def get(self, article_id) -> int:
        aid = clean(article_id)
        if aid not in self.index:
            node = self.graph.nodes.get(f"article:{aid}")
            props = node.props if node is not None else {}
            title = props.get("title") or (node.name if node is not None and node.name != aid else None)
            url = props.get("url")
            row = {"id": aid, "t": clean(title) if title else None, "d": _date(props.get("published"))}
            row["u"] = clean(url) if isinstance(url, str) and _URL.match(url) else None
            self.index[aid] = len(self.rows)
            self.rows.append(row)
        return self.index[aid]

    def date(self, i: int) -> str | None:
        return self.rows[i]["d"]


def build(graph: Graph, sel: Selection) -> dict:
    """The page's data for ``sel`` (a selection of ``graph``); same input, same output."""
    arts = _Articles(graph)
    nodes = sorted(sel.nodes, key=lambda n: n.id)
    index = {n.id: i for i, n in enumerate(nodes)}
    by_node: dict[str, list[tuple[int, int]]] = defaultdict(list)
    # sorted by the dict's own keys (each edge's key): no list of every edge, no new tuples
    for key in sorted(k for k in graph.edges if k[0] == MENTIONS):
        e = graph.edges[key]
        if e.target in index and e.source in graph.nodes:
            aid = graph.nodes[e.source].props.get("article_id") or e.source.removeprefix("article:")
            by_node[e.target].append((arts.get(aid), e.weight))
    texts: dict[str, int] = {}
    kept = [e for e in sel.edges if e.source in index and e.target in index]
    edges = [_edge(e, index, arts, texts) for e in kept]
    first = set(sel.drawn_edges)
    rows = [_node(n, by_node.get(n.id, []), arts) for n in nodes]
    provenance = any(n.label == ARTICLE for n in nodes)  # Article nodes only when asked for
    labels = Counter(n.label for n in graph.nodes.values() if n.label != ARTICLE or provenance)
    types = Counter(e.type for e in graph.edges.values() if e.type != MENTIONS or provenance)
    kind_totals: Counter = Counter()
    for e in graph.edges.values():
        kind_totals.update((kinds(e) or {}) if e.type == SAID_ABOUT else {})
    return {
        "nodes": rows,
        "edges": edges,
        "articles": arts.rows,
        "texts": list(texts),
        "drawn": [index[i] for i in sel.drawn if i in index],
        "focus": [index[i] for i in sel.focus if i in index],
        "drawn_edges": [k for k, e in enumerate(kept) if e.key in first],
        "labels": dict(sorted(labels.items())),
        "types": dict(sorted(types.items())),
        "kinds": dict(sorted(kind_totals.items())),
    }


def _node(n: Node, links: list[tuple[int, int]], arts: _Articles) -> dict:
    ranked = sorted(links, key=lambda x: (-x[1], x[0]))
    aliases = [clean(a) for a in n.props.get("aliases") or () if isinstance(a, str) and a != n.name]
    articles = n.props.get("articles")
    row = {
        "id": clean(n.id),
        "n": clean(n.name) or clean(n.id),
        "l": clean(n.label),
        "m": mentions(n),
        "a": articles if isinstance(articles, int) else len(links),
        "al": aliases,
        "d": _own_span(n) or _span(arts.date(a) for a, _ in links),
        "ar": [list(x) for x in ranked[:ARTICLES_PER_NODE]],
    }
    return _compact(row)


def _compact(row: dict) -> dict:
    """The row without empty fields (the page reads a missing field as empty): a smaller page."""
    return {k: v for k, v in row.items() if v is not None and v != [] and v != {}}


def _edge(e: Edge, index: dict[str, int], arts: _Articles, texts: dict[str, int]) -> dict:
    evidence, sources = [], []
    for item in e.props.get("evidence") or ():
        if isinstance(item, dict):
            said = clean(item.get("quote", item.get("text", "")))
            sources.append(arts.get(item.get("article", "?")))
            row: list[int | str] = [sources[-1], texts.setdefault(said, len(texts))]
            if isinstance(item.get("kind"), str) and item["kind"]:
                row.append(clean(item["kind"]))
            evidence.append(row)
    extra = {k: e.props[k] for k in ("direct", "indirect") if isinstance(e.props.get(k), int)}
    cues = e.props.get("cues")
    if isinstance(cues, list) and cues:
        extra["cues"] = [clean(c) for c in cues]
    articles = e.props.get("articles")
    return _compact(
        {
            "s": index[e.source],
            "t": index[e.target],
            "y": clean(e.type),
            "w": e.weight,
            "a": articles if isinstance(articles, int) else None,
            "k": kinds(e) if e.type == SAID_ABOUT else None,
            "d": _own_span(e) or _span(arts.date(a) for a in sources),
            "ev": evidence,
            "x": extra,
        }
    )
