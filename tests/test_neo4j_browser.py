"""scripts/neo4j-local serves Neo4j Browser on 127.0.0.1, and the Browser finds the server."""

import json
import urllib.request

import pytest


@pytest.mark.neo4j
def test_local_server_serves_the_browser_pointing_at_its_bolt_port(neo4j_env):
    url = neo4j_env.get("NEO4J_BROWSER_URL")
    if not url:
        pytest.skip("NEO4J_URI names an outside server; the Browser is scripts/neo4j-local's")
    assert url.startswith("http://127.0.0.1:") and url.endswith("/browser/")
    with urllib.request.urlopen(url, timeout=30) as page:
        assert page.status == 200 and "<title>Neo4j Browser</title>" in page.read().decode("utf-8")
    root = url.removesuffix("browser/")
    with urllib.request.urlopen(root, timeout=30) as discovery:  # what the Browser asks first
        assert json.load(discovery)["bolt_direct"] == neo4j_env["NEO4J_URI"]
