"""Interactive HTML view of the graph: one self-contained explorer page that works offline.

The page holds the selected part of the graph (:func:`graphbuild.graph.view.select`: all of
it for most corpora) and draws the most mentioned entities first; search, filters, the
details panel and "draw more neighbours" work on the rest in the browser. vis-network 9
(the build pyvis ships) draws it; ``assets/[1-6]-*.js`` are the page's own script.

Safety: every text from the data (names, aliases, quotes, titles) travels as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, so it can
never close the script; in the page it is only ever put into the DOM with ``textContent``,
and links get only http(s) addresses. A Content-Security-Policy allows exactly the page's
two inline scripts (by hash) and no request at all.
"""

from __future__ import annotations

import html
import math
import tempfile
from pathlib import Path
from typing import Any

from graphbuild.graph.model import (
    ARTICLE,
    CO_MENTIONED,
    COUNTRY,
    MENTIONS,
    ORGANIZATION,
    PERSON,
    PLACE,
    SAID_ABOUT,
    Graph,
)
from graphbuild.graph.view import DRAW_EDGES, DRAW_NODES, MAX_EDGES, MAX_NODES, Selection, select
from graphbuild.writers.common import Articles, atomic_open
from graphbuild.writers.html import page as _page
from graphbuild.writers.html import payload

NODE_COLORS = {PERSON: "#4e79a7", COUNTRY: "#59a14f", ORGANIZATION: "#f28e2b", PLACE: "#b07aa1", ARTICLE: "#9d9d9d"}
OTHER_COLOR = "#76b7b2"
EDGE_COLORS = {CO_MENTIONED: "#a0a8b0", SAID_ABOUT: "#d62728", MENTIONS: "#cfcfcf"}

# vis-network's physics and look. The page switches physics off once the layout has settled
# (and runs it again only for nodes it adds), so the drawing stays put and costs no CPU; the
# fixed seed gives the same layout on every load. Label size follows importance (node value),
# and a label smaller than drawThreshold on screen is not drawn: zooming in reveals more.
OPTIONS: dict[str, Any] = {
    "layout": {"randomSeed": 7, "improvedLayout": False},
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -70, "springLength": 110, "avoidOverlap": 0.3},
        "stabilization": {"enabled": True, "iterations": 300, "updateInterval": 50, "fit": True},
        "minVelocity": 1,
    },
    "nodes": {
        "shape": "dot",
        "borderWidth": 1,
        "scaling": {
            "min": 6,
            "max": 36,
            "label": {"enabled": True, "min": 10, "max": 30, "maxVisible": 30, "drawThreshold": 6},
        },
        "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
    },
    "edges": {"scaling": {"min": 1, "max": 7}, "smooth": False, "selectionWidth": 2},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True, "hideEdgesOnZoom": True},
}


def _options(drawn: int) -> dict:
    """OPTIONS, with fewer layout rounds for a big first drawing so that it settles quickly."""
    rounds = 300 if drawn <= 150 else max(120, int(300 * math.sqrt(150 / drawn)))
    stabilization = {**OPTIONS["physics"]["stabilization"], "iterations": rounds}
    return {**OPTIONS, "physics": {**OPTIONS["physics"], "stabilization": stabilization}}


def _iso(text) -> str:
    """Bidi-isolate one data string so RTL text or stray overrides cannot reorder the rest."""
    return f"\u2068{payload.clean(text)}\u2069"


def _heading(sel: Selection, min_weight: int, focus: str | None, depth: int) -> tuple[str, str]:
    """(title, sub-line) as plain text."""
    title = f"{sel.entities:,} entities, {sel.relations:,} relations"
    parts = []
    if sel.pruned:
        parts.append(sel.note)
    elif sel.entities < sel.total_entities:
        parts.append(f"of {sel.total_entities:,} entities and {sel.total_relations:,} relations in the graph")
    if min_weight > 1:
        parts.append(f"min weight {min_weight}")
    if focus is not None:
        parts.append(f"focus {_iso(focus.strip())}, depth {depth}")
    drawn = len(sel.drawn)
    if drawn < sel.entities:
        parts.append(f"the {drawn} most mentioned drawn first; search or double-click a node for more")
    return title, " · ".join(parts)


def _parts(
    graph: Graph, sel: Selection, min_weight: int, focus: str | None, depth: int, **build
) -> tuple[str, str, dict]:
    data = payload.build(graph, sel, **build)
    data["colors"] = {"labels": NODE_COLORS, "types": EDGE_COLORS, "other": OTHER_COLOR}
    data["options"] = _options(len(sel.drawn))
    title, sub = _heading(sel, min_weight, focus, depth)
    return html.escape(title), html.escape(sub), data


def render(
    graph: Graph,
    min_weight: int = 1,
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
    articles: bool = False,
    draw_nodes: int = DRAW_NODES,
    draw_edges: int = DRAW_EDGES,
) -> tuple[str, Selection]:
    """The page as a string, and what it holds. Same graph and arguments, same bytes."""
    sel = select(graph, min_weight, focus, depth, max_nodes, max_edges, articles, draw_nodes, draw_edges)
    return _page.page(*_parts(graph, sel, min_weight, focus, depth)), sel


def write(
    graph: Graph,
    path: str | Path,
    min_weight: int = 1,
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
    articles: bool = False,
    draw_nodes: int = DRAW_NODES,
    draw_edges: int = DRAW_EDGES,
    *,
    provenance: Articles | None = None,
) -> Selection:
    """Write the view to ``path``; return the :class:`Selection` it holds (pruning, drawn).

    ``min_weight`` hides lighter relations, ``focus``/``depth`` keep a neighbourhood
    (unknown focus: InputError, nothing written), ``max_nodes``/``max_edges`` cap what the
    page holds (announced in its heading), ``draw_nodes``/``draw_edges`` what it draws
    when it opens, ``articles`` adds the Article nodes and MENTIONS edges (``graph``'s own).
    The page's article table comes from ``graph``'s Article nodes and MENTIONS edges, or,
    when ``graph`` is the entity graph, from ``provenance()`` (read once, never held). The
    same bytes as :func:`render`, written piece by piece.
    """
    sel = select(graph, min_weight, focus, depth, max_nodes, max_edges, articles, draw_nodes, draw_edges)
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n") as rows:
        # the article table goes to disk as it is made and from there into the page
        parts = _parts(
            graph,
            sel,
            min_weight,
            focus,
            depth,
            articles=provenance() if provenance is not None else None,
            emit=lambda row: rows.write(_page.to_json(row) + "\n"),
        )
        rows.seek(0)
        with atomic_open(path) as fh:  # complete or absent
            _page.write_page(fh, *parts, spliced={"articles": (line.rstrip("\n") for line in rows)})
    return sel
