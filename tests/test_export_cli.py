"""graphbuild export graphml|gexf|csv and build --articles, run in-process."""

import csv
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from tests.clirun import run as cli

TEXT = 'Odile Brack met Tomas Vireo in Paris. "France is ready," Odile Brack said about Norway.\n'


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("export-cli")
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    for name, extra in (("plain", []), ("with-articles", ["--articles"])):
        r = cli("build", str(root / "a.txt"), "--out", str(root / name), "-q", *extra)
        assert r.returncode == 0, r.stderr
    return root


def test_build_writes_the_entity_graph_unless_articles(built):
    plain = nx.read_graphml(built / "plain" / "graph.graphml")
    assert "Article" not in {d["type"] for _, d in plain.nodes(data=True)}
    full = nx.read_graphml(built / "with-articles" / "graph.graphml")
    assert "Article" in {d["type"] for _, d in full.nodes(data=True)}


def test_export_gexf_and_csv(built, tmp_path):
    r = cli("export", "gexf", str(tmp_path / "g.gexf"), "--from", str(built / "plain"))
    assert r.returncode == 0, r.stderr
    labels = {n.get("label") for n in ET.parse(tmp_path / "g.gexf").getroot().iter("{http://gexf.net/1.3}node")}
    assert {"Odile Brack", "France"} <= labels
    r = cli("export", "csv", str(tmp_path / "tables"), "--from", str(built / "plain"))
    assert r.returncode == 0, r.stderr
    with (tmp_path / "tables" / "quotes.csv").open(encoding="utf-8", newline="") as fh:
        quotes = list(csv.DictReader(fh))
    assert any(q["speaker"] == "Odile Brack" and "France is ready" in q["quote"] for q in quotes)


def test_export_articles_needs_a_build_that_kept_them(built, tmp_path):
    r = cli("export", "graphml", str(tmp_path / "g.graphml"), "--from", str(built / "plain"), "--articles")
    assert r.returncode == 2 and "--articles" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "g.graphml").exists()
    r = cli("export", "graphml", str(tmp_path / "g.graphml"), "--from", str(built / "with-articles"), "--articles")
    assert r.returncode == 0, r.stderr
    r = cli("export", "graphml", str(tmp_path / "m.graphml"), "--from", str(built / "plain"), "--mixed")
    assert r.returncode == 0 and 'directed="false"' in (tmp_path / "m.graphml").read_text(encoding="utf-8")
