"""The writer works unchanged with a routing URI (neo4j://, as for clusters and Aura)."""

import pytest

from graphbuild.api import BuildOptions, build_files, load_graph_from_neo4j
from graphbuild.store.neo4j import Neo4jSettings

pytestmark = pytest.mark.neo4j


def test_routing_uri_builds_the_same_graph(neo4j_settings, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(
        "Maria Lindqvist met Tomas Okafor in Norway. Okafor said Norway was ready to sign.", encoding="utf-8"
    )
    routed = Neo4jSettings(
        neo4j_settings.uri.replace("bolt://", "neo4j://"), neo4j_settings.user, neo4j_settings.password
    )
    assert routed.uri.startswith("neo4j://")
    result = build_files([str(src)], tmp_path / "out", BuildOptions(write_html=False), neo4j=routed)
    back = load_graph_from_neo4j(routed)
    assert set(back.nodes) == set(result.graph.nodes)
    assert {k: e.weight for k, e in back.edges.items()} == {k: e.weight for k, e in result.graph.edges.items()}
