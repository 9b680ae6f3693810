"""Pure row building for the Neo4j writer: graph -> parameter rows, with a content hash per
row so a sync writes only what changed (building the same input twice writes nothing).

Neo4j properties cannot hold maps, so list-of-dict properties (``evidence``) travel as JSON
strings; lists of strings stay native lists (``aliases``, ``cues``) so Cypher can use them.

Dates are Neo4j ``date`` values, so Cypher's date functions and indexes work: ``first_seen``,
``last_seen``, an article's ``date`` (its ``published`` keeps the full normalised text), and
the per-month counts ``monthly`` as two lists, ``months`` (the first day of each month) and
``month_counts``.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from datetime import date

from graphbuild.graph.model import ARTICLE, Edge, Graph, Node

JSON_PROPS = ("evidence",)
ENTITY_LABELS = ("Person", "Organization", "Country", "Place")
REL_TYPES = ("CO_MENTIONED", "SAID_ABOUT", "MENTIONS")
ARTICLE_PREFIX = "article:"


DATE_PROPS = ("first_seen", "last_seen", "date")


def _hash(obj) -> str:
    data = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.blake2b(data.encode("utf-8"), digest_size=12).hexdigest()


def to_neo4j_props(props: dict) -> dict:
    """Properties as Neo4j can store them (no maps, no None)."""
    out = {}
    for k, v in props.items():
        if v is None:
            continue
        if k in DATE_PROPS and isinstance(v, str):
            v = _date(v)
        elif k == "monthly" and isinstance(v, dict):
            out["months"] = [date(int(m[:4]), int(m[5:7]), 1) for m in v]
            out["month_counts"] = list(v.values())
            continue
        if k in JSON_PROPS or isinstance(v, dict) or (isinstance(v, list) and any(isinstance(x, dict) for x in v)):
            v = json.dumps(v, ensure_ascii=False, sort_keys=True)
        out[k] = v
    return out


def from_neo4j_props(props: dict) -> dict:
    """Inverse of :func:`to_neo4j_props` (drops the writer's bookkeeping properties)."""
    out = {}
    for k, v in props.items():
        if k.startswith("_") or k == "id" or k == "month_counts":
            continue
        if k in JSON_PROPS and isinstance(v, str):
            v = json.loads(v)
        elif k in DATE_PROPS and hasattr(v, "iso_format"):
            v = v.iso_format()
        elif k == "months":
            k, v = "monthly", {m.iso_format()[:7]: n for m, n in zip(v, props.get("month_counts") or [])}
        out[k] = v
    return out


def _date(day: str) -> date | str:
    """``YYYY-MM-DD...`` as a date (what the driver sends as a Neo4j date); other text as is."""
    try:
        return date.fromisoformat(day[:10])
    except ValueError:
        return day


def entity_rows(graph: Graph, kept: dict | None = None) -> dict[str, list[dict]]:
    """Entity node rows grouped by label: ``{"id", "props", "hash"}``; ``kept`` maps an
    entity id to the aggregate the store keeps with it (``_agg``, see store.aggregates)."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for n in graph.nodes.values():
        if n.label == ARTICLE:
            continue
        props = to_neo4j_props({**n.props, "name": n.name})
        if kept is not None and n.id in kept:
            props["_agg"] = kept[n.id]
        rows[n.label].append({"id": n.id, "props": props, "hash": _hash([n.label, props])})
    return rows


def rel_rows(graph: Graph, kept: dict | None = None) -> dict[str, list[dict]]:
    """Relationship rows grouped by type: ``{"src", "dst", "props", "hash"}``; MENTIONS rows
    carry the raw article id as ``src``; ``kept`` maps (type, src, dst) to the kept aggregate."""
    rows: dict[str, list[dict]] = defaultdict(list)
    for e in graph.edges.values():
        src = e.source[len(ARTICLE_PREFIX) :] if e.type == "MENTIONS" else e.source
        props = to_neo4j_props({**e.props, "weight": e.weight})
        if kept is not None and e.key in kept:
            props["_agg"] = kept[e.key]
        rows[e.type].append({"src": src, "dst": e.target, "props": props, "hash": _hash(props)})
    return rows


def article_row(extraction: dict, config: str) -> dict:
    """An Article row from a spooled extraction dict (``codec.to_dict``); ``hash`` covers
    the text, metadata and the build configuration, so a changed article is re-written."""
    meta = extraction.get("meta") or {}
    props = {"title": extraction.get("title"), **{k: meta.get(k) for k in ("url", "published", "source")}}
    day = _date(props["published"]) if props["published"] else None
    if isinstance(day, date):
        props["date"] = day
    return {
        "id": extraction["article_id"],
        "props": {k: v for k, v in props.items() if v is not None},
        "extraction": json.dumps(extraction, ensure_ascii=False, separators=(",", ":")),
        "hash": _hash([config, extraction]),
    }


def diff(rows: list[dict], existing: dict, key) -> tuple[list[dict], int]:
    """Rows whose hash differs from ``existing[key(row)]``, and how many were unchanged."""
    changed = [r for r in rows if existing.get(key(r)) != r["hash"]]
    return changed, len(rows) - len(changed)


def graph_from_records(entities, articles, rels) -> Graph:
    """Rebuild a :class:`Graph` from what the store returns (see writers.neo4j.read_graph)."""
    g = Graph()
    for eid, label, props in entities:
        props = from_neo4j_props(props)
        g.add_node(Node(eid, label, props.pop("name", eid), props))
    for aid, props in articles:
        props = from_neo4j_props(props)
        meta = {k: v for k, v in props.items() if k in ("title", "url", "published", "source") and v}
        g.add_node(Node(ARTICLE_PREFIX + aid, ARTICLE, meta.get("title") or aid, {"article_id": aid, **meta}))
    for rtype, src, dst, props in rels:
        props = from_neo4j_props(props)
        weight = int(props.pop("weight", 0))
        if rtype == "MENTIONS":
            src = ARTICLE_PREFIX + src
        g.add_edge(Edge(rtype, src, dst, weight, props))
    return g
