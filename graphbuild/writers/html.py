"""Interactive HTML view of the graph: one self-contained file that works offline.

pyvis builds the vis-network node and edge records, and its bundled vis-network 9.1.2 is
inlined. The page itself comes from the small template below, not from pyvis's own: that
one links Bootstrap from a CDN in every mode, and the view must make no request at all.

Safety: every text from the data (names, aliases, evidence) travels as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, so it can
never close the script; in the page it is only ever put into the DOM with ``textContent``
(tooltips are DOM elements, because vis-network shows string titles as HTML in some versions).

Which nodes and edges are drawn is decided by :func:`graphbuild.view.select`; the
:class:`~graphbuild.view.Selection` of the latest :func:`write` is kept in
:data:`last_selection` so that a caller can report the pruning note.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import lru_cache
from pathlib import Path
from string import Template

import pyvis
from pyvis.network import Network

from graphbuild.graph.model import (
    ARTICLE,
    CO_MENTIONED,
    COUNTRY,
    MENTIONS,
    ORGANIZATION,
    PERSON,
    PLACE,
    SAID_ABOUT,
    Edge,
    Graph,
    Node,
)
from graphbuild.graph.view import MAX_EDGES, MAX_NODES, Selection, mentions, select

NODE_COLORS = {PERSON: "#4e79a7", COUNTRY: "#59a14f", ORGANIZATION: "#f28e2b", PLACE: "#b07aa1", ARTICLE: "#9d9d9d"}
OTHER_COLOR = "#76b7b2"
EDGE_COLORS = {CO_MENTIONED: "#a0a8b0", SAID_ABOUT: "#d62728", MENTIONS: "#cfcfcf"}
EVIDENCE_SHOWN = 5  # evidence items per edge tooltip (relate keeps at most this many)
SNIPPET = 300  # characters per evidence item in a tooltip

last_selection: Selection | None = None

# The vis-network build pyvis ships (and inlines with cdn_resources="in_line"): the newest one.
_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib"
# Control characters would show as boxes or break lines; lone surrogates cannot be UTF-8.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

# vis-network's physics and look. Physics is switched off by the page once stabilised, so
# the layout stays put and the page costs no CPU afterwards; the fixed seed gives the same
# layout on every load.
OPTIONS = {
    "layout": {"randomSeed": 7},
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.2},
        "stabilization": {"enabled": True, "iterations": 600, "fit": True},
    },
    "nodes": {
        "shape": "dot",
        "borderWidth": 1,
        "scaling": {"min": 8, "max": 40},
        "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
    },
    "edges": {"scaling": {"min": 1, "max": 8}, "smooth": False, "selectionWidth": 2},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
}


def _clean(text) -> str:
    """Text safe to encode and to show: control characters and lone surrogates become U+FFFD."""
    return _CONTROL.sub("\ufffd", str(text))


def _iso(text) -> str:
    """Bidi-isolate one data string so RTL text or stray overrides cannot reorder the rest."""
    return f"\u2068{_clean(text)}\u2069"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node_text(n: Node) -> str:
    lines = [
        _iso(n.name),
        f"{n.label} · {mentions(n)} mentions"
        + (f" in {n.props['articles']} articles" if isinstance(n.props.get("articles"), int) else ""),
    ]
    aliases = [a for a in n.props.get("aliases") or () if a != n.name]
    if aliases:
        lines.append("aliases: " + ", ".join(_iso(a) for a in aliases))
    lines.append(f"id: {_iso(n.id)}")
    return "\n".join(lines)


def _edge_text(e: Edge, names: dict[str, str]) -> str:
    arrow = "→" if e.type != CO_MENTIONED else "—"
    lines = [f"{_iso(names[e.source])} {arrow} {_iso(names[e.target])}", f"{e.type} · weight {e.weight}"]
    evidence = e.props.get("evidence")
    if isinstance(evidence, list) and evidence:
        lines.append(f"evidence ({len(evidence)}):")
        for item in evidence[:EVIDENCE_SHOWN]:
            if isinstance(item, dict):
                said = item.get("quote", item.get("text", ""))
                lines.append(f"• [{_iso(item.get('article', '?'))}] {_iso(_short(str(said), SNIPPET))}")
    return "\n".join(lines)


def _edge_id(e: Edge) -> str:
    """Stable edge id; also what ``graph.html#<id>`` selects."""
    return f"{e.type}|{e.source}|{e.target}"


def _network(sel: Selection) -> Network:
    """The selection as a pyvis Network (directed, so parallel edges of two types both stay)."""
    net = Network(directed=True)
    names = {n.id: _clean(n.name) for n in sel.nodes}
    for n in sel.nodes:
        net.add_node(
            n.id,
            label=_short(_clean(n.name), 40) or n.id,
            title=_node_text(n),
            value=max(mentions(n), 1),
            color=NODE_COLORS.get(n.label, OTHER_COLOR),
        )
    for e in sel.edges:
        extra = (
            {"arrows": "to", "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15}}
            if e.type == SAID_ABOUT
            else {"arrows": {"to": {"enabled": e.type == MENTIONS, "scaleFactor": 0.5}}, "dashes": e.type == MENTIONS}
        )
        net.add_edge(
            e.source,
            e.target,
            id=_edge_id(e),
            title=_edge_text(e, names),
            value=max(e.weight, 1),
            color=EDGE_COLORS.get(e.type, OTHER_COLOR),
            **extra,
        )
    net.options = OPTIONS
    return net


def _json(value) -> str:
    """JSON that cannot end the surrounding <script> block (no raw <, >, & or non-ASCII)."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@lru_cache(maxsize=1)
def _vis_js() -> str:
    # The library has no "</script" today; make sure a future one cannot end the block.
    builds = _VIS_DIR.glob("vis-*/vis-network.min.js")
    js = max(builds, key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.name)])
    return re.sub(r"</(script)", r"<\\/\1", js.read_text(encoding="utf-8"), flags=re.I)


def _csp(*scripts: str) -> str:
    """Content-Security-Policy allowing exactly our inline scripts (by hash) and inline styles.

    The browser then refuses any request (scripts, styles, images, fonts, fetch) and any
    script or event handler that is not ours: a second line of defence behind the escaping.
    """
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)
    return f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _heading(sel: Selection, min_weight: int, focus: str | None, depth: int) -> tuple[str, str]:
    """(title, sub-line) as plain text."""
    title = f"{sel.entities} entities, {sel.relations} relations"
    parts = []
    if sel.pruned:
        parts.append(sel.note)
    elif sel.entities < sel.total_entities:
        parts.append(f"of {sel.total_entities} entities and {sel.total_relations} relations in the graph")
    if min_weight > 1:
        parts.append(f"min weight {min_weight}")
    if focus is not None:
        parts.append(f"focus {_iso(focus.strip())}, depth {depth}")
    return title, " · ".join(parts)


def _legend(sel: Selection) -> str:
    labels = {n.label for n in sel.nodes}
    types = {e.type for e in sel.edges}
    always = (PERSON, COUNTRY, ORGANIZATION, CO_MENTIONED, SAID_ABOUT)
    items = [
        f'<li><span class="dot" style="background:{c}"></span>{html.escape(label)}</li>'
        for label, c in NODE_COLORS.items()
        if label in labels or label in always
    ]
    items += [
        f'<li><span class="line" style="border-color:{c}"></span>{html.escape(t)}'
        f"{' →' if t != CO_MENTIONED else ''}</li>"
        for t, c in EDGE_COLORS.items()
        if t in types or t in always
    ]
    if labels - NODE_COLORS.keys():
        items.append(f'<li><span class="dot" style="background:{OTHER_COLOR}"></span>other</li>')
    return "".join(items)


def render(
    graph: Graph,
    min_weight: int = 1,
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
    articles: bool = False,
) -> tuple[str, Selection]:
    """The page as a string, and what it shows. Same graph and arguments, same bytes."""
    sel = select(graph, min_weight, focus, depth, max_nodes, max_edges, articles)
    net = _network(sel)
    nodes, edges, _, _, _, options = net.get_network_data()
    title, sub = _heading(sel, min_weight, focus, depth)
    page = _PAGE.substitute(
        title=html.escape(title),
        sub=html.escape(sub),
        legend=_legend(sel),
        vis_js=_vis_js(),
        main_js=_MAIN_JS,
        csp=_csp(_vis_js(), _MAIN_JS),
        data=_json({"nodes": nodes, "edges": edges, "options": json.loads(options)}),
    )
    return page, sel


def write(
    graph: Graph,
    path: str | Path,
    min_weight: int = 1,
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
    articles: bool = False,
) -> Path:
    """Write the view to ``path`` and return it; the pruning info is in :data:`last_selection`.

    ``min_weight`` hides lighter relations, ``focus``/``depth`` keep a neighbourhood
    (unknown focus: InputError), ``max_nodes``/``max_edges`` cap big graphs (announced in
    the page heading), ``articles`` adds the Article nodes and MENTIONS edges.
    """
    global last_selection
    page, last_selection = render(graph, min_weight, focus, depth, max_nodes, max_edges, articles)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8", newline="\n")
    return path


# $-placeholders only; substituted values are not scanned again.
_PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="$csp">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>graphbuild: $title</title>
<style>
html, body { margin: 0; height: 100%; font-family: sans-serif; color: #222; }
body { display: flex; flex-direction: column; }
header { flex: none; display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 24px;
         padding: 8px 14px; border-bottom: 1px solid #ddd; }
h1 { margin: 0; font-size: 20px; }
#sub { color: #555; font-size: 14px; }
#legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px;
          font-size: 13px; }
#legend .dot { display: inline-block; width: 12px; height: 12px; border-radius: 50%;
               margin-right: 5px; vertical-align: -1px; }
#legend .line { display: inline-block; width: 22px; border-top: 3px solid; margin-right: 5px;
                vertical-align: 3px; }
#graph { flex: 1 1 0; min-height: 0; position: relative; }
#details { flex: none; max-height: 25vh; overflow: auto; margin: 0; padding: 6px 14px;
           border-top: 1px solid #ddd; font: 13px sans-serif; white-space: pre-wrap; color: #333; }
div.vis-tooltip { position: absolute; visibility: hidden; z-index: 5; max-width: 480px;
                  padding: 6px 8px; white-space: pre-wrap; font: 13px sans-serif; color: #111;
                  background: #fffff4; border: 1px solid #999; border-radius: 3px;
                  box-shadow: 2px 2px 8px rgba(0, 0, 0, 0.2); pointer-events: none; }
</style>
<script>$vis_js</script>
</head>
<body>
<header>
<h1>$title</h1>
<span id="sub">$sub</span>
<ul id="legend">$legend</ul>
</header>
<div id="graph"></div>
<pre id="details">Click a node or edge for details.</pre>
<script type="application/json" id="graph-data">$data</script>
<script>$main_js</script>
</body>
</html>
""")

# The page's own script. Data reaches the DOM through textContent only (tooltips, details).
_MAIN_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var texts = new Map();  // id -> plain text for the details panel

  function tip(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div;
  }
  data.nodes.forEach(function (n) { texts.set(n.id, n.title); n.title = tip(n.title); });
  data.edges.forEach(function (e) { texts.set(e.id, e.title); e.title = tip(e.title); });

  var nodes = new vis.DataSet(data.nodes);
  var network = new vis.Network(document.getElementById("graph"),
                                {nodes: nodes, edges: new vis.DataSet(data.edges)}, data.options);
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: false});
    document.body.setAttribute("data-stabilized", "1");
  });

  var panel = document.getElementById("details");
  function show(id) {
    if (!texts.has(id)) return false;
    panel.textContent = texts.get(id);
    return true;
  }
  network.on("click", function (p) { show(p.nodes.length ? p.nodes[0] : p.edges[0]); });

  // graph.html#<node or edge id> opens with that item selected and its details shown.
  var wanted = "";
  try { wanted = decodeURIComponent(location.hash.slice(1)); } catch (err) { wanted = ""; }
  if (show(wanted)) {
    if (nodes.get(wanted)) network.selectNodes([wanted]); else network.selectEdges([wanted]);
  }
})();
"""
