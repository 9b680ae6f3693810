"""Hostile text: markup, quote marks and braces, Cypher-looking text, very long names, emoji,
right-to-left text and control characters stay data everywhere: GraphML stays valid XML,
Neo4j writes stay parameterised (what goes in comes back unchanged), nothing is executed."""

import xml.etree.ElementTree as ET

import pytest

from graphbuild.api import build_files
from graphbuild.graph.model import CO_MENTIONED, SAID_ABOUT, Edge, Graph, Node
from graphbuild.store.neo4j import Neo4jStore
from graphbuild.writers import graphml

NASTY = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    'O\'Brien "the {brace}" `tick`',
    "x'}) MATCH (n) DETACH DELETE n //",
    "$param ${x} {{y}}",
    "A" * 5000,
    "🙂👩‍👩‍👧 Flag 🇫🇷",
    "עברית العربية \u202eevil\u202c",
    "tab\there",
]


def _graph():
    g = Graph()
    for i, name in enumerate(NASTY):
        g.add_node(Node(f"person:nasty-{i}", "Person", name, {"mentions": 1, "aliases": [name, name[:3]]}))
    for i in range(len(NASTY) - 1):
        g.add_edge(
            Edge(
                CO_MENTIONED,
                f"person:nasty-{i}",
                f"person:nasty-{i + 1}",
                1,
                {"articles": 1, "evidence": [{"article": NASTY[i], "text": NASTY[i + 1]}]},
            )
        )
    g.add_edge(
        Edge(
            SAID_ABOUT,
            "person:nasty-0",
            "person:nasty-4",
            1,
            {"count": 1, "cues": ["said"], "evidence": [{"article": "a", "quote": NASTY[3]}]},
        )
    )
    return g


def test_graphml_stays_valid_xml_with_control_characters(tmp_path):
    g = _graph()
    g.add_node(Node("person:ctrl", "Person", "bell\x07 nul\x00 esc\x1b", {"mentions": 1}))
    path = graphml.write(g, tmp_path / "g.graphml")
    ET.parse(path)  # raises on invalid XML
    back = graphml.read(path)
    assert back.nodes["person:nasty-0"].name == NASTY[0]
    assert back.nodes["person:nasty-5"].name == "A" * 5000
    assert "\x07" not in back.nodes["person:ctrl"].name


@pytest.mark.neo4j
def test_neo4j_round_trips_hostile_text_unchanged(neo4j_settings):
    g = _graph()
    with Neo4jStore(neo4j_settings) as store:
        store.sync(g)
        back = store.read_graph()
        assert store.counts()["entities"] == len(NASTY)  # the Cypher-looking name deleted nothing
    for nid, node in g.nodes.items():
        assert back.nodes[nid].name == node.name
        assert back.nodes[nid].props["aliases"] == node.props["aliases"]
    for key, edge in g.edges.items():
        assert back.edges[key].props["evidence"] == edge.props["evidence"]


def test_hostile_article_builds_and_keeps_offsets(tmp_path):
    text = (
        "<script>alert('x')</script> Maria Lindqvist said \"{Norway} is ready\" 🙂.\n"
        "MATCH (n) DETACH DELETE n; Tomas Okafor told reporters that עברית \u202e was fine.\x07\n"
    )
    src = tmp_path / "a.txt"
    src.write_text(text, encoding="utf-8")
    result = build_files([str(src)], tmp_path / "out")
    import json

    rec = json.loads((tmp_path / "out" / "extractions.jsonl").read_text(encoding="utf-8"))
    for m in rec["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    ET.parse(tmp_path / "out" / "graph.graphml")
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert('x')</script>" not in page
    assert result.articles == 1
