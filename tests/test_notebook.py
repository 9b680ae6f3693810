"""The notebook API: graphbuild.build / graphbuild.load and the networkx views."""

import subprocess
import sys

import networkx as nx

import graphbuild
from graphbuild.graph.model import CO_MENTIONED, SAID_ABOUT

TEXT = (
    "Odile Brack met Tomas Vireo in Paris on Monday. "
    '"France will not wait," Odile Brack said about the talks with Norway.\n\n'
    "Tomas Vireo told reporters that Norway and France had agreed.\n"
)


def test_import_is_light():
    code = (
        "import sys, graphbuild; print(sorted(m for m in ('spacy', 'networkx', 'neo4j', 'pyvis') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_build_then_networkx_with_typed_attributes(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    kg = graphbuild.build(tmp_path / "a.txt")
    assert not list(tmp_path.glob("graphbuild-out"))  # no out: nothing kept on disk
    g = kg.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    names = {d["label"]: d for _, d in g.nodes(data=True)}
    assert names["Odile Brack"]["type"] == "Person" and names["France"]["type"] == "Country"
    assert isinstance(names["Odile Brack"]["aliases"], list) and isinstance(names["Odile Brack"]["mentions"], int)
    assert all(d["type"] != "Article" for _, d in g.nodes(data=True))
    types = {d["type"] for _, _, d in g.edges(data=True)}
    assert types == {CO_MENTIONED, SAID_ABOUT}
    said = [d for _, _, d in g.edges(data=True) if d["type"] == SAID_ABOUT]
    assert all(d["directed"] and isinstance(d["cues"], list) and isinstance(d["weight"], int) for d in said)
    co = kg.co_mentions()
    assert not co.is_directed() and co.number_of_edges() == sum(
        1 for _, _, d in g.edges(data=True) if d["type"] == CO_MENTIONED
    )
    assert kg.said_about().is_directed()
    assert "entities" in repr(kg)


def test_load_a_build_folder_and_a_graphml_file(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    built = graphbuild.build(tmp_path / "a.txt", out=tmp_path / "out", window="paragraph")
    assert (tmp_path / "out" / "graph.graphml").is_file()
    for source in (tmp_path / "out", tmp_path / "out" / "graph.graphml"):
        back = graphbuild.load(source).to_networkx()
        want = built.to_networkx()
        assert dict(back.nodes(data=True)) == dict(want.nodes(data=True))
        assert sorted(back.edges(keys=True)) == sorted(want.edges(keys=True))
