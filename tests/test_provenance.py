"""The HTML view exported from a build folder keeps the articles behind each entity, even
though the build's GraphML is the entity graph only (Article nodes need --articles)."""

from graphbuild.api import load_graph
from graphbuild.graph.model import ARTICLE, MENTIONS
from tests.clirun import run


def test_export_html_from_a_build_keeps_the_articles(seeds_build, tmp_path):
    out, _ = seeds_build
    plain = load_graph(out)
    assert not any(n.label == ARTICLE for n in plain.nodes.values())
    full = load_graph(out, provenance=True)
    articles = {i for i, n in full.nodes.items() if n.label == ARTICLE}
    assert len(articles) == 2  # the two seed files
    assert any(e.type == MENTIONS for e in full.edges.values())
    # the entity graph itself is the build's, unchanged
    entities = {i: n.name for i, n in full.nodes.items() if n.label != ARTICLE}
    assert entities == {i: n.name for i, n in plain.nodes.items()}
    assert {k: e.weight for k, e in full.edges.items() if e.type != MENTIONS} == {
        k: e.weight for k, e in plain.edges.items()
    }
    page = tmp_path / "view.html"
    r = run("export", "html", page, "--from", out)
    assert r.returncode == 0, r.stderr
    text = page.read_text(encoding="utf-8")
    assert all(a.removeprefix("article:") in text for a in articles)
