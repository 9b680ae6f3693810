"""CSV export: nodes.csv, edges.csv and quotes.csv read back with the csv module."""

import csv
import json

from graphbuild.graph.model import ARTICLE, CO_MENTIONED, MENTIONS, SAID_ABOUT, Edge, Graph, Node
from graphbuild.writers import csv as csv_writer


def _graph():
    g = Graph()
    g.add_node(
        Node("person:ann-lee", "Person", "Ann Lee", {"mentions": 3, "articles": 2, "aliases": ["Ann Lee", "Lee"]})
    )
    g.add_node(Node("country:FRA", "Country", "France", {"mentions": 2, "articles": 1, "iso": "FRA"}))
    g.add_node(Node("organization:q", "Organization", 'Q, "Co"\nLtd', {"mentions": 1}))
    g.add_node(Node("article:a1", ARTICLE, "A day", {"article_id": "a1"}))
    g.add_edge(
        Edge(
            CO_MENTIONED,
            "country:FRA",
            "person:ann-lee",
            2,
            {"articles": 1, "evidence": [{"article": "a1", "text": "x"}]},
        )
    )
    g.add_edge(
        Edge(
            SAID_ABOUT,
            "organization:q",
            "country:FRA",
            2,
            {
                "count": 2,
                "cues": ["said", "told"],
                "evidence": [
                    {"article": "a1", "quote": 'France, "our friend", will help'},
                    {"article": "a2", "quote": "Paris\nagreed"},
                ],
            },
        )
    )
    g.add_edge(Edge(MENTIONS, "article:a1", "person:ann-lee", 3, {"count": 3}))
    return g


def _rows(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_three_tables_read_back(tmp_path):
    paths = csv_writer.write(_graph(), tmp_path / "out")
    assert [p.name for p in paths] == ["nodes.csv", "edges.csv", "quotes.csv"]
    nodes = {r["id"]: r for r in _rows(paths[0])}
    assert set(nodes) == {"person:ann-lee", "country:FRA", "organization:q"}
    assert (nodes["person:ann-lee"]["label"], nodes["person:ann-lee"]["type"]) == ("Ann Lee", "Person")
    assert nodes["organization:q"]["label"] == 'Q, "Co"\nLtd'
    assert json.loads(nodes["person:ann-lee"]["aliases"]) == ["Ann Lee", "Lee"]
    assert nodes["country:FRA"]["mentions"] == "2" and nodes["country:FRA"]["iso"] == "FRA"

    edges = _rows(paths[1])
    assert {(e["source"], e["target"], e["type"], e["weight"], e["directed"]) for e in edges} == {
        ("country:FRA", "person:ann-lee", CO_MENTIONED, "2", "false"),
        ("organization:q", "country:FRA", SAID_ABOUT, "2", "true"),
    }
    said = next(e for e in edges if e["type"] == SAID_ABOUT)
    assert (said["source_label"], said["target_label"]) == ('Q, "Co"\nLtd', "France")
    assert json.loads(said["cues"]) == ["said", "told"]

    quotes = _rows(paths[2])
    assert [(q["speaker"], q["target"], q["quote"], q["article"]) for q in quotes] == [
        ('Q, "Co"\nLtd', "France", 'France, "our friend", will help', "a1"),
        ('Q, "Co"\nLtd', "France", "Paris\nagreed", "a2"),
    ]
    assert quotes[0]["cue"] == "said; told" and quotes[0]["speaker_id"] == "organization:q"


def test_articles_only_when_asked(tmp_path):
    nodes, edges, _ = csv_writer.write(_graph(), tmp_path, articles=True)
    assert "article:a1" in {r["id"] for r in _rows(nodes)}
    assert MENTIONS in {r["type"] for r in _rows(edges)}
