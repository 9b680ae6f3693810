"""GEXF 1.3: nodes labelled with their names, typed attributes, a mixed graph (co-mentions
undirected, said-about directed), every edge with its own id, time only when dated.
Read back here with ElementTree; tests/test_gephi.py imports it with Gephi itself."""

import json
import xml.etree.ElementTree as ET

from graphbuild.graph.model import ARTICLE, CO_MENTIONED, MENTIONS, SAID_ABOUT, Edge, Graph, Node
from graphbuild.writers import gexf

NS = {"g": gexf.NAMESPACE}


def _graph():
    g = Graph()
    g.add_node(
        Node("person:ann-lee", "Person", "Ann Lee", {"mentions": 3, "articles": 2, "aliases": ["Ann Lee", "Lee"]})
    )
    g.add_node(Node("country:FRA", "Country", "France", {"mentions": 2, "articles": 1, "iso": "FRA"}))
    g.add_node(Node("organization:q", "Organization", 'Q & "Co", <Ltd>', {"mentions": 1, "aliases": ['Q, "Co"']}))
    g.add_node(Node("article:a1", ARTICLE, "A day", {"article_id": "a1"}))
    g.add_edge(Edge(CO_MENTIONED, "country:FRA", "person:ann-lee", 2, {"articles": 1}))
    g.add_edge(Edge(SAID_ABOUT, "person:ann-lee", "country:FRA", 1, {"count": 1, "cues": ["said"], "direct": 1}))
    g.add_edge(Edge(SAID_ABOUT, "organization:q", "person:ann-lee", 3, {"count": 3, "cues": ["told"]}))
    g.add_edge(Edge(MENTIONS, "article:a1", "person:ann-lee", 3, {"count": 3}))
    return g


def _read(path):
    """nodes {id: (label, {title: (type, value)})}, edges [(attrib, {title: (type, value)})]."""
    root = ET.parse(path).getroot()
    graph = root.find("g:graph", NS)
    cols = {
        a.get("class"): {x.get("id"): (x.get("title"), x.get("type")) for x in a.findall("g:attribute", NS)}
        for a in graph.findall("g:attributes", NS)
    }

    def values(el, cls):
        out = {}
        for v in el.findall("g:attvalues/g:attvalue", NS):
            title, typ = cols[cls][v.get("for")]
            out[title] = (typ, v.get("value"))
        return out

    nodes = {n.get("id"): (n.get("label"), values(n, "node")) for n in graph.findall("g:nodes/g:node", NS)}
    edges = [(dict(e.attrib), values(e, "edge")) for e in graph.findall("g:edges/g:edge", NS)]
    return graph, nodes, edges


def test_nodes_edges_and_typed_attributes(tmp_path):
    graph, nodes, edges = _read(gexf.write(_graph(), tmp_path / "g.gexf"))
    assert graph.get("mode") == "static" and graph.get("defaultedgetype") is None  # mixed
    assert set(nodes) == {"person:ann-lee", "country:FRA", "organization:q"}
    label, attrs = nodes["person:ann-lee"]
    assert label == "Ann Lee"
    assert attrs["type"] == ("string", "Person")
    assert attrs["mentions"] == ("long", "3")
    assert attrs["aliases"][0] == "liststring" and json.loads(attrs["aliases"][1]) == ["Ann Lee", "Lee"]
    assert nodes["organization:q"][0] == 'Q & "Co", <Ltd>'
    assert json.loads(nodes["organization:q"][1]["aliases"][1]) == ['Q, "Co"']
    assert len({e["id"] for e, _ in edges}) == len(edges) == 3
    by = {(e["source"], e["target"], e["kind"]): (e, a) for e, a in edges}
    co, co_attrs = by[("country:FRA", "person:ann-lee", CO_MENTIONED)]
    assert co["type"] == "undirected" and co["weight"] == "2" and co_attrs["type"] == ("string", CO_MENTIONED)
    said, said_attrs = by[("organization:q", "person:ann-lee", SAID_ABOUT)]
    assert said["type"] == "directed" and said["weight"] == "3" and said_attrs["count"] == ("long", "3")


def test_articles_only_when_asked(tmp_path):
    _, nodes, edges = _read(gexf.write(_graph(), tmp_path / "g.gexf", articles=True))
    assert nodes["article:a1"][1]["type"] == ("string", ARTICLE)
    assert any(e["kind"] == MENTIONS and e["type"] == "directed" for e, _ in edges)


def test_dated_elements_make_a_dynamic_graph(tmp_path):
    g = _graph()
    g.nodes["person:ann-lee"].props.update(first_seen="2024-03-01", last_seen="2024-05-20")
    g.edges[(CO_MENTIONED, "country:FRA", "person:ann-lee")].props["first_seen"] = "2024-04-02"
    path = gexf.write(g, tmp_path / "g.gexf")
    root = ET.parse(path).getroot()
    graph = root.find("g:graph", NS)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    ann = graph.find("g:nodes/g:node[@id='person:ann-lee']", NS)
    assert (ann.get("start"), ann.get("end")) == ("2024-03-01", "2024-05-20")
    fra = graph.find("g:nodes/g:node[@id='country:FRA']", NS)
    assert fra.get("start") is None
    co = [e for e in graph.findall("g:edges/g:edge", NS) if e.get("kind") == CO_MENTIONED][0]
    assert co.get("start") == "2024-04-02" and co.get("end") is None
