"""GraphML round trip: what we write, networkx and our reader read back unchanged."""

import networkx as nx

from graphbuild.graph.model import CO_MENTIONED, SAID_ABOUT, Edge, Graph, Node
from graphbuild.writers import graphml


def _graph():
    g = Graph()
    g.add_node(Node("person:ann-lee", "Person", "Ann Lee", {"mentions": 3, "aliases": ["Ann Lee", "Lee"]}))
    g.add_node(Node("country:FRA", "Country", "France", {"mentions": 2, "iso": "FRA"}))
    g.add_node(Node("organization:x", "Organization", 'Odd <name> & "co" \x07🙂 עברית', {"mentions": 1}))
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
    return g


def test_round_trip(tmp_path):
    g = _graph()
    path = graphml.write(g, tmp_path / "g.graphml")
    back = graphml.read(path)
    assert set(back.nodes) == set(g.nodes)
    assert back.nodes["person:ann-lee"].props["aliases"] == ["Ann Lee", "Lee"]
    assert {k: e.weight for k, e in back.edges.items()} == {k: e.weight for k, e in g.edges.items()}
    assert (
        back.edges[(SAID_ABOUT, "person:ann-lee", "country:FRA")].props["evidence"][0]["quote"] == "<script>x</script>"
    )


def test_networkx_reads_types_and_control_chars_are_replaced(tmp_path):
    path = graphml.write(_graph(), tmp_path / "g.graphml")
    g = nx.read_graphml(path)
    assert {d["type"] for _, _, d in g.edges(data=True)} == {CO_MENTIONED, SAID_ABOUT}
    name = g.nodes["organization:x"]["name"]
    assert "\x07" not in name and "<name>" in name and "🙂" in name
