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

import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby

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


# One article as the page's data reads it: (article id, Article-node properties, [(entity
# id, mentions), ...]); a build streams them sorted by id from its spool (writers.provenance).
Record = tuple[str, dict, list[tuple[str, int]]]


def graph_articles(graph: Graph) -> Iterator[Record]:
    """The articles of a graph that holds its Article nodes and MENTIONS edges, sorted by
    article node id, each with the entities it mentions (sorted by id)."""
    keys = sorted(k for k in graph.edges if k[0] == MENTIONS)
    for source, group in groupby(keys, key=lambda k: k[1]):
        if source not in graph.nodes:
            continue
        aid = graph.nodes[source].props.get("article_id") or source.removeprefix("article:")
        yield aid, _node_props(graph)(clean(aid)), [(k[2], graph.edges[k].weight) for k in group]


def _node_props(graph: Graph) -> Callable[[str], dict]:
    """The properties of the Article node of a (cleaned) article id, for the page's row."""

    def props(aid: str) -> dict:
        node = graph.nodes.get(f"article:{aid}")
        if node is None:
            return {}
        out = dict(node.props)
        if not out.get("title") and node.name != aid:
            out["title"] = node.name
        return out

    return props


def _no_props(aid: str) -> dict:
    return {}


class _Articles:
    """The article table, built in index order: each row goes to ``emit`` as it is made, so
    the table is never held. Only the articles that evidence items name are looked up by id
    later (``wanted``): their index, date and properties are kept, nothing of the others."""

    def __init__(self, emit: Callable[[dict], None], wanted: set[str], unseen: Callable[[str], dict]) -> None:
        self.emit = emit
        self.unseen = unseen  # the properties of a wanted article the records did not bring
        self.count = 0
        self.wanted = wanted
        self.index: dict[str, int] = {}  # wanted ids that have a row
        self.dates: dict[int, str | None] = {}  # the rows of those
        self.props: dict[str, dict] = {}  # wanted ids met without a row (yet)

    def add(self, aid: str, props: dict) -> int:
        """A new row for ``aid`` (already cleaned) with the properties of its Article node."""
        title, url = props.get("title"), props.get("url")
        row = {"id": aid, "t": clean(title) if title else None, "d": _date(props.get("published"))}
        row["u"] = clean(url) if isinstance(url, str) and _URL.match(url) else None
        i = self.count
        self.count += 1
        if aid in self.wanted:
            self.index[aid] = i
            self.dates[i] = row["d"]
        self.emit(row)
        return i

    def get(self, article_id) -> int:
        """The row of an article an evidence item names, made now if it has none yet."""
        aid = clean(article_id)
        if aid not in self.index:
            self.add(aid, self.props.pop(aid) if aid in self.props else self.unseen(aid))
        return self.index[aid]

    def date(self, i: int) -> str | None:
        return self.dates[i]


class _Links:
    """What a node's row says of the articles that mention it, kept bounded: how many, the
    first and last date, and the :data:`ARTICLES_PER_NODE` with most mentions."""

    __slots__ = ("count", "first", "last", "top")

    def __init__(self) -> None:
        self.count = 0
        self.first: str | None = None
        self.last: str | None = None
        self.top: list[tuple[int, int]] = []  # heap of (mentions, -row): the weakest on top

    def add(self, row: int, n: int, day: str | None) -> None:
        self.count += 1
        if day:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)
        if len(self.top) < ARTICLES_PER_NODE:
            heapq.heappush(self.top, (n, -row))
        elif (n, -row) > self.top[0]:
            heapq.heapreplace(self.top, (n, -row))

    def ranked(self) -> list[list[int]]:
        """[row, mentions] pairs, most mentions first, then by row."""
        return [[-r, n] for n, r in sorted(self.top, key=lambda x: (-x[0], -x[1]))]

    def span(self) -> list[str] | None:
        return [self.first, self.last] if self.first and self.last else None


def build(
    graph: Graph,
    sel: Selection,
    articles: Iterable[Record] | None = None,
    emit: Callable[[dict], None] | None = None,
) -> dict:
    """The page's data for ``sel`` (a selection of ``graph``); same input, same output.

    The article table comes from ``articles`` (sorted by id; by default ``graph``'s own
    Article nodes and MENTIONS edges, :func:`graph_articles`). With ``emit``, its rows go
    there one by one, in order, and the data's ``articles`` is left empty: a build streams
    them from disk and into the page without holding them. Then ``edges``, ``texts`` and
    ``nodes`` are generators, to be read in that order (the order of the page's sorted
    keys): each row is made as it is written.
    """
    rows_out: list[dict] = []
    nodes = sorted(sel.nodes, key=lambda n: n.id)
    index = {n.id: i for i, n in enumerate(nodes)}
    kept = [e for e in sel.edges if e.source in index and e.target in index]
    wanted = {
        clean(item.get("article", "?"))
        for e in kept
        for item in e.props.get("evidence") or ()
        if isinstance(item, dict)
    }
    arts = _Articles(emit or rows_out.append, wanted, _node_props(graph) if articles is None else _no_props)
    links: dict[str, _Links] = {}
    for aid, props, counts in graph_articles(graph) if articles is None else articles:
        cid = clean(aid)
        own = props if cid == aid or articles is None else {}  # a row names its article cleaned
        row, day = None, None
        for eid, n in counts:
            if eid not in index:
                continue
            if row is None:
                row = arts.index.get(cid)
                row, day = (arts.add(cid, own), _date(own.get("published"))) if row is None else (row, arts.date(row))
            links.setdefault(eid, _Links()).add(row, n, day)
        if row is None and cid in wanted:
            arts.props.setdefault(cid, own)
    texts: dict[str, int] = {}
    for e in kept:  # evidence articles without a row yet get theirs now, as rows come before edges
        for item in e.props.get("evidence") or ():
            if isinstance(item, dict):
                arts.get(item.get("article", "?"))
    edge_rows = (_edge(e, index, arts, texts) for e in kept)
    node_rows = (_node(n, links.get(n.id) or _Links()) for n in nodes)
    first = set(sel.drawn_edges)
    provenance = any(n.label == ARTICLE for n in nodes)  # Article nodes only when asked for
    labels = Counter(n.label for n in graph.nodes.values() if n.label != ARTICLE or provenance)
    types = Counter(e.type for e in graph.edges.values() if e.type != MENTIONS or provenance)
    kind_totals: Counter = Counter()
    for e in graph.edges.values():
        kind_totals.update((kinds(e) or {}) if e.type == SAID_ABOUT else {})
    lazy = emit is not None  # rows made as they are written: edges first, then texts and nodes
    return {
        "nodes": node_rows if lazy else list(node_rows),
        "edges": edge_rows if lazy else list(edge_rows),
        "articles": rows_out,
        "texts": _keys_when_read(texts) if lazy else list(texts),
        "drawn": [index[i] for i in sel.drawn if i in index],
        "focus": [index[i] for i in sel.focus if i in index],
        "drawn_edges": [k for k, e in enumerate(kept) if e.key in first],
        "labels": dict(sorted(labels.items())),
        "types": dict(sorted(types.items())),
        "kinds": dict(sorted(kind_totals.items())),
    }


def _keys_when_read(d: dict) -> Iterator:
    yield from d  # not iter(d) now: the edges' rows fill it first


def _node(n: Node, links: _Links) -> dict:
    aliases = [clean(a) for a in n.props.get("aliases") or () if isinstance(a, str) and a != n.name]
    articles = n.props.get("articles")
    row = {
        "id": clean(n.id),
        "n": clean(n.name) or clean(n.id),
        "l": clean(n.label),
        "m": mentions(n),
        "a": articles if isinstance(articles, int) else links.count,
        "al": aliases,
        "d": _own_span(n) or links.span(),
        "ar": links.ranked(),
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
