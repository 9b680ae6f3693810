"""GraphML: what we write, networkx, igraph and our reader read back; every edge has its own
id, nodes show their name, the entity graph is the default."""

import igraph
import networkx as nx
import pytest

from graphbuild.graph.model import ARTICLE, CO_MENTIONED, MENTIONS, SAID_ABOUT, Edge, Graph, Node
from graphbuild.writers import graphml


def _graph():
    g = Graph()
    g.add_node(
        Node("person:ann-lee", "Person", "Ann Lee", {"mentions": 3, "articles": 1, "aliases": ["Ann Lee", "Lee"]})
    )
    g.add_node(Node("country:FRA", "Country", "France", {"mentions": 2, "articles": 1, "iso": "FRA"}))
    g.add_node(Node("organization:x", "Organization", 'Odd <name> & "co" \x07🙂 עברית', {"mentions": 1}))
    g.add_node(Node("article:a1", ARTICLE, "A day in Paris", {"article_id": "a1", "url": "https://example.org/a1"}))
    g.add_edge(
        Edge(
            CO_MENTIONED,
            "country:FRA",
            "person:ann-lee",
            2,
            {"articles": 1, "evidence": [{"article": "a1", "text": "Ann Lee visited France."}]},
        )
    )
    g.add_edge(
        Edge(
            SAID_ABOUT,
            "person:ann-lee",
            "country:FRA",
            1,
            {"count": 1, "cues": ["said"], "evidence": [{"article": "a1", "quote": "<script>x</script>"}]},
        )
    )
    g.add_edge(Edge(SAID_ABOUT, "organization:x", "person:ann-lee", 4, {"count": 4, "cues": ["told", "said"]}))
    g.add_edge(Edge(MENTIONS, "article:a1", "person:ann-lee", 3, {"count": 3}))
    return g


def _entities(g: Graph):
    return {i for i, n in g.nodes.items() if n.label != ARTICLE}


def test_round_trip_through_our_reader(tmp_path):
    g = _graph()
    back = graphml.read(graphml.write(g, tmp_path / "g.graphml", articles=True))
    assert set(back.nodes) == set(g.nodes)
    assert {i: (n.label, n.name) for i, n in back.nodes.items()} == {
        i: (n.label, n.name.replace("\x07", "\ufffd")) for i, n in g.nodes.items()
    }
    assert back.nodes["person:ann-lee"].props["aliases"] == ["Ann Lee", "Lee"]
    assert {k: e.weight for k, e in back.edges.items()} == {k: e.weight for k, e in g.edges.items()}
    assert (
        back.edges[(SAID_ABOUT, "person:ann-lee", "country:FRA")].props["evidence"][0]["quote"] == "<script>x</script>"
    )


def test_entity_graph_by_default_articles_when_asked(tmp_path):
    g = _graph()
    plain = graphml.read(graphml.write(g, tmp_path / "g.graphml"))
    assert set(plain.nodes) == _entities(g)
    assert MENTIONS not in {e.type for e in plain.edges.values()}
    full = graphml.read(graphml.write(g, tmp_path / "a.graphml", articles=True))
    assert "article:a1" in full.nodes and (MENTIONS, "article:a1", "person:ann-lee") in full.edges


def test_networkx_sees_names_types_unique_ids_and_direction(tmp_path):
    path = graphml.write(_graph(), tmp_path / "g.graphml")
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.is_directed()
    assert g.nodes["person:ann-lee"]["label"] == "Ann Lee"
    assert g.nodes["person:ann-lee"]["type"] == "Person"
    name = g.nodes["organization:x"]["label"]
    assert "\x07" not in name and "<name>" in name and "🙂" in name
    ids = [k for _, _, k in g.edges(keys=True)]
    assert len(ids) == len(set(ids)) == 3
    by_type = {d["type"]: d for _, _, d in g.edges(data=True)}
    assert set(by_type) == {CO_MENTIONED, SAID_ABOUT}
    assert by_type[CO_MENTIONED]["directed"] is False and by_type[SAID_ABOUT]["directed"] is True
    assert isinstance(by_type[CO_MENTIONED]["weight"], int)


def test_igraph_reads_every_edge_with_weights(tmp_path):
    path = graphml.write(_graph(), tmp_path / "g.graphml")
    g = igraph.Graph.Read_GraphML(str(path))
    assert g.vcount() == 3 and g.ecount() == 3
    names = {v["id"]: v["label"] for v in g.vs}
    assert names["country:FRA"] == "France"
    edges = {(names[g.vs[e.source]["id"]], names[g.vs[e.target]["id"]], e["type"]): e["weight"] for e in g.es}
    assert edges[("Ann Lee", "France", SAID_ABOUT)] == 1
    assert edges[("France", "Ann Lee", CO_MENTIONED)] == 2


def test_mixed_marks_co_mentions_undirected_in_graphml_itself(tmp_path):
    path = graphml.write(_graph(), tmp_path / "g.graphml", mixed=True)
    text = path.read_text(encoding="utf-8")
    co = [line for line in text.splitlines() if 'label="CO_MENTIONED"' in line]
    said = [line for line in text.splitlines() if 'label="SAID_ABOUT"' in line]
    assert co and all('directed="false"' in line for line in co)
    assert said and not any('directed="false"' in line for line in said)
    with pytest.raises(nx.NetworkXError):  # why it is not the default
        nx.read_graphml(path)


def test_a_failed_write_leaves_the_old_file(tmp_path):
    path = graphml.write(_graph(), tmp_path / "g.graphml")
    before = path.read_bytes()

    class Unprintable:
        def __str__(self):
            raise RuntimeError("no text")

    bad = _graph()
    bad.nodes["person:ann-lee"].props["note"] = Unprintable()
    with pytest.raises(RuntimeError):
        graphml.write(bad, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.graphml"]
