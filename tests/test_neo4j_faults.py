"""Server faults against a real local Neo4j: the server is stopped in the middle of a write.

With retries long enough, the write waits for the server to come back and completes; with
short retries it fails with one clear line, and running the same sync again completes it.
Either way the final graph equals an uninterrupted write: no half-written batch, no double
counts.
"""

import os
import socket
import subprocess
import threading
import time

import pytest

from graphbuild.errors import StoreError
from graphbuild.graph.model import CO_MENTIONED, Edge, Graph, Node
from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore

from .conftest import ROOT

pytestmark = pytest.mark.neo4j
SCRIPT = str(ROOT / "scripts" / "neo4j-local")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server of our own (not the shared one): this module stops and starts it."""
    env = {
        **os.environ,
        "GRAPHBUILD_NEO4J_RUN": str(tmp_path_factory.mktemp("neo4j-fault")),
        "GRAPHBUILD_NEO4J_PORT": str(_free_port()),
    }
    env.pop("NEO4J_PASSWORD", None)

    def ctl(cmd):
        r = subprocess.run([SCRIPT, cmd], env=env, capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, r.stderr[-2000:]
        return dict(line.split("=", 1) for line in r.stdout.splitlines() if "=" in line)

    conf = ctl("start")
    yield conf, ctl
    ctl("stop")


def _big_graph(n_nodes=2000, n_edges=40000) -> Graph:
    g = Graph()
    for i in range(n_nodes):
        g.add_node(Node(f"person:p{i:05d}", "Person", f"Person {i}", {"mentions": i % 7 + 1, "aliases": [f"P{i}"]}))
    k = 0
    for i in range(n_nodes):
        for j in range(i + 1, n_nodes):
            if k >= n_edges:
                return g
            if (i * 31 + j) % 97 < 40:
                g.add_edge(
                    Edge(
                        CO_MENTIONED,
                        f"person:p{i:05d}",
                        f"person:p{j:05d}",
                        (i + j) % 5 + 1,
                        {"articles": 1, "evidence": [{"article": "a", "text": f"{i} and {j}"}]},
                    )
                )
                k += 1
    return g


def _settings(conf, retry):
    return Neo4jSettings(conf["NEO4J_URI"], conf["NEO4J_USER"], conf["NEO4J_PASSWORD"], retry_seconds=retry)


def _weights(graph):
    return {k: e.weight for k, e in graph.edges.items()}


def _interrupt(conf, ctl, retry, down_seconds):
    """Start a sync in a thread, stop the server once some rows are in, restart it later."""
    with Neo4jStore(_settings(conf, 30)) as s:
        s._write("MATCH (n) DETACH DELETE n")
    graph = _big_graph()
    outcome = {}
    store = Neo4jStore(_settings(conf, retry))
    store.verify()

    def run():
        try:
            outcome["stats"] = store.sync(graph)
        except StoreError as exc:
            outcome["error"] = str(exc)

    t = threading.Thread(target=run)
    t.start()
    with Neo4jStore(_settings(conf, 30)) as probe:
        deadline = time.time() + 120
        while time.time() < deadline and probe.counts()["relationships"] == 0:
            time.sleep(0.05)
        written = probe.counts()["relationships"]
    ctl("stop")
    time.sleep(down_seconds)
    ctl("start")
    t.join(timeout=300)
    store.close()
    return graph, outcome, written


def test_write_survives_a_restart_by_retrying(server):
    conf, ctl = server
    graph, outcome, written = _interrupt(conf, ctl, retry=120, down_seconds=1)
    assert 0 < written < len(graph.edges), "the server was not stopped mid-write"
    assert "error" not in outcome, outcome
    with Neo4jStore(_settings(conf, 30)) as s:
        back = s.read_graph()
        assert _weights(back) == _weights(graph)
        assert s.counts()["relationships"] == len(graph.edges)


def test_short_retries_fail_clearly_and_rerun_completes(server):
    conf, ctl = server
    graph, outcome, written = _interrupt(conf, ctl, retry=1, down_seconds=4)
    assert 0 < written < len(graph.edges)
    msg = outcome.get("error", "")
    assert "run the same command again" in msg and "\n" not in msg and conf["NEO4J_PASSWORD"] not in msg
    with Neo4jStore(_settings(conf, 30)) as s:
        partial = s.counts()["relationships"]
        assert partial < len(graph.edges)
        stats = s.sync(graph)  # the rerun
        assert stats.unchanged > 0  # what was written before is kept, not rewritten
        back = s.read_graph()
        assert _weights(back) == _weights(graph)
        assert s.counts()["relationships"] == len(graph.edges)
