"""GEXF 1.3, Gephi's native format: a mixed graph (co-mentions undirected, said-about
directed), the display name as label, typed attributes, the relationship type as the
edge's ``kind``.

Time: when nodes or edges carry ``first_seen`` / ``last_seen`` (ISO dates, added by a
later stage once articles have dates), the graph is written in ``dynamic`` mode with
``timeformat="date"`` and each such element gets ``start`` / ``end``, so Gephi's timeline
can play the graph; without them the graph is ``static`` and nothing else changes. An
element seen in months that are not consecutive (its ``monthly`` counts have gaps) gets
one ``<spell>`` per run of months instead (:func:`graphbuild.graph.timeline.spells`), so
the timeline shows it only when it was in the news.
"""

from __future__ import annotations

import json
from pathlib import Path

from graphbuild.graph.model import Graph
from graphbuild.graph.timeline import spells
from graphbuild.version import __version__
from graphbuild.writers.common import TIME_PROPS, atomic_open, entity_graph, is_directed, xml_text

NAMESPACE = "http://gexf.net/1.3"
# GEXF attribute types; lists of strings are ``liststring`` (Gephi shows them as lists),
# anything else structured is JSON text.
_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))


def _type(v) -> str:
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return "liststring"
    return next((name for t, name in _TYPES if isinstance(v, t)), "string")


def _value(v, typ: str) -> str:
    if typ == "liststring":
        # Gephi reads "[a, b]" lists; JSON quoting keeps commas inside an item intact
        return xml_text(json.dumps(v, ensure_ascii=False))
    return xml_text(v)


def _columns(items, skip: set[str]) -> dict[str, tuple[str, str]]:
    """attribute title -> (attribute id, GEXF type), in first-seen order; a title whose
    values disagree in type falls back to string."""
    types: dict[str, str] = {}
    for props in items:
        for k, v in props.items():
            if k in skip or v is None:
                continue
            t = _type(v)
            if types.setdefault(k, t) != t:
                types[k] = "string"
    return {k: (str(i), t) for i, (k, t) in enumerate(types.items())}


def _attvalues(cols: dict, props: dict) -> str:
    vals = "".join(
        f'<attvalue for="{cols[k][0]}" value="{_value(v, cols[k][1])}"/>'
        for k, v in props.items()
        if k in cols and v is not None
    )
    return f"<attvalues>{vals}</attvalues>" if vals else ""


def _time(props: dict) -> tuple[str, str]:
    """The element's time: (``start``/``end`` attributes, ``<spells>`` child), one of them
    empty; several spells when its months have gaps."""
    runs = spells(props)
    if len(runs) > 1:
        inner = "".join(f'<spell start="{xml_text(a)}" end="{xml_text(b)}"/>' for a, b in runs)
        return "", f"<spells>{inner}</spells>"
    start, end = (props.get(k) for k in TIME_PROPS)
    return (f' start="{xml_text(start)}"' if start else "") + (f' end="{xml_text(end)}"' if end else ""), ""


def _has_time(graph: Graph) -> bool:
    items = [n.props for n in graph.nodes.values()] + [e.props for e in graph.edges.values()]
    return any(p.get(k) for p in items for k in TIME_PROPS)


def _declare(fh, cls: str, cols: dict) -> None:
    fh.write(f'<attributes class="{cls}" mode="static">\n')
    for title, (aid, typ) in cols.items():
        fh.write(f'<attribute id="{aid}" title="{xml_text(title)}" type="{typ}"/>\n')
    fh.write("</attributes>\n")


def write(graph: Graph, path: str | Path, *, articles: bool = False) -> Path:
    """Write ``graph`` as GEXF 1.3 to ``path`` and return the path: the entity graph, with
    Article nodes and MENTIONS edges only if ``articles``. Complete or absent."""
    path = Path(path)
    graph = entity_graph(graph, articles)
    ncols = _columns(({"type": n.label, **n.props} for n in graph.nodes.values()), set())
    ecols = _columns(({"type": e.type, **e.props} for e in graph.edges.values()), {"weight"})
    mode = 'mode="dynamic" timeformat="date"' if _has_time(graph) else 'mode="static"'
    with atomic_open(path) as fh:
        fh.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<gexf xmlns="{NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xsi:schemaLocation="{NAMESPACE} {NAMESPACE}/gexf.xsd" version="1.3">\n'
            f"<meta><creator>graphbuild {__version__}</creator>"
            "<description>entities of news articles: CO_MENTIONED (undirected) and SAID_ABOUT "
            "(directed) relations</description></meta>\n"
            # no defaultedgetype: each edge says whether it is directed (a mixed graph)
            f"<graph {mode}>\n"
        )
        _declare(fh, "node", ncols)
        _declare(fh, "edge", ecols)
        fh.write("<nodes>\n")
        for n in graph.nodes.values():
            props = {"type": n.label, **n.props}
            when, spelled = _time(n.props)
            fh.write(
                f'<node id="{xml_text(n.id)}" label="{xml_text(n.name)}"{when}>'
                f"{_attvalues(ncols, props)}{spelled}</node>\n"
            )
        fh.write("</nodes>\n<edges>\n")
        for i, e in enumerate(graph.edges.values()):
            kind = "directed" if is_directed(e.type) else "undirected"
            props = {"type": e.type, **e.props}
            when, spelled = _time(e.props)
            fh.write(
                f'<edge id="e{i}" source="{xml_text(e.source)}" target="{xml_text(e.target)}" type="{kind}" '
                f'kind="{xml_text(e.type)}" label="{xml_text(e.type)}" weight="{e.weight}"{when}>'
                f"{_attvalues(ecols, props)}{spelled}</edge>\n"
            )
        fh.write("</edges>\n</graph>\n</gexf>\n")
    return path
