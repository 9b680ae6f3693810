"""Server faults against a real local Neo4j: the server is stopped in the middle of a write,
or every connection to it is lost (a relay in front of it is cut).

With retries long enough, the write waits for the server to come back and completes; with
short retries it fails with one clear line, and running the same sync again completes it.
Either way the final graph equals an uninterrupted write: no half-written batch, no double
counts.
"""

import threading
import time

import pytest

from graphbuild.errors import StoreError
from graphbuild.graph.model import CO_MENTIONED, Edge, Graph, Node
from graphbuild.store import neo4j as store_module
from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore
from tests.neo4jlocal import EMPTY, LocalServer
from tests.relay import Relay

pytestmark = pytest.mark.neo4j

# What these tests need is a write of several batches, cut between two of them; the size of
# a batch does not matter to that. Batches of 200 rows make it a write of 1,200 rows rather
# than 12,000 (a tenth of the server's and the driver's work, the same batches and cuts);
# the sync's replies come through the relay a little late, so that a batch still takes long
# enough for the fault to come between two.
BATCH = 200
LATE = 0.05  # seconds; a batch is a few round trips


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    monkeypatch.setattr(store_module, "BATCH", BATCH)


def _ctl(server: LocalServer):
    """``ctl(command)``: scripts/neo4j-local on the server's run folder, back on its ports."""
    conf = server.outcome["env"]
    browser = conf.get("NEO4J_BROWSER_URL", "")
    ports = {
        "GRAPHBUILD_NEO4J_PORT": conf["NEO4J_URI"].rsplit(":", 1)[1],
        "GRAPHBUILD_NEO4J_HTTP_PORT": browser.split(":")[2].split("/")[0] if browser else "off",
    }

    def ctl(cmd):
        r = server.ctl(cmd, **ports)
        assert r.returncode == 0, r.stderr[-2000:]

    return ctl


@pytest.fixture(scope="module")
def server(neo4j_env):
    """The connection settings of a real Neo4j (the run's, or the one NEO4J_URI names)."""
    return {"NEO4J_USER": "neo4j", **neo4j_env}


def _big_graph(n_edges: int, n_nodes: int = 300) -> Graph:
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


def _interrupt(conf, cut, graph, settings, relay):
    """Start a sync of ``graph`` in a thread with ``settings`` (through ``relay``); once some
    rows are in, call ``cut(probe)`` (the fault) and wait for the sync to end. Returns
    (outcome, rows written before)."""
    with Neo4jStore(_settings(conf, 30)) as s:
        s._write(EMPTY)
    outcome = {}
    store = Neo4jStore(settings)
    store.verify()  # through the relay too, at full speed: a dozen small writes, none cut
    relay.delay = LATE  # from here on the sync's batches come back late

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
        written = cut(probe)
    t.join(timeout=300)
    store.close()
    return outcome, written


@pytest.fixture()
def own_server(restart_neo4j):
    """A local server of this test's own, which it may stop and start while the run's server
    serves the other Neo4j tests (started with the run's: tests/conftest.py)."""
    try:
        yield restart_neo4j.outcome["env"], _ctl(restart_neo4j)
    finally:
        restart_neo4j.stop()  # done with it: its memory and CPU back for the rest of the run


@pytest.mark.neo4j_restart
def test_write_survives_a_restart_by_retrying(own_server):
    """The server itself is stopped mid-write and started again. The sync
    goes through a relay that holds every byte from the moment the first rows are in until
    the server is back, so the write is surely in flight when the server stops: the sync
    cannot have heard of more batches than the count taken then."""
    conf, ctl = own_server
    graph = _big_graph(n_edges=6 * BATCH)  # six batches of rows
    host, port = conf["NEO4J_URI"].rsplit("/", 1)[1].split(":")
    relay = Relay((host, int(port)))

    def restart(probe):
        relay.hold()
        try:
            written = probe.counts()["relationships"]
            ctl("stop")
            ctl("start")
        finally:
            relay.delay = 0  # the cut is made: the rest of the write need not be slow
            relay.resume()  # a failed start must not leave the sync hanging on held bytes
        return written

    through = Neo4jSettings(
        f"bolt://127.0.0.1:{relay.port}", conf["NEO4J_USER"], conf["NEO4J_PASSWORD"], retry_seconds=120
    )
    try:
        outcome, written = _interrupt(conf, restart, graph, through, relay)
    finally:
        relay.close()
    assert 0 < written < len(graph.edges), "the server was not stopped mid-write"
    assert "error" not in outcome, outcome
    with Neo4jStore(_settings(conf, 30)) as s:
        back = s.read_graph()
        assert _weights(back) == _weights(graph)
        assert s.counts()["relationships"] == len(graph.edges)


def test_short_retries_fail_clearly_and_rerun_completes(server):
    """Every connection of the sync is lost mid-write and no new one gets through (a relay in
    front of the server is held, then cut), for longer than its retries last."""
    conf = server
    graph = _big_graph(n_edges=4 * BATCH)  # four batches of rows
    host, port = conf["NEO4J_URI"].rsplit("/", 1)[1].split(":")
    relay = Relay((host, int(port)))

    def lose_connections(probe):
        relay.hold()  # nothing more reaches the server
        written = probe.counts()["relationships"]
        relay.close()
        return written

    through = Neo4jSettings(
        f"bolt://127.0.0.1:{relay.port}", conf["NEO4J_USER"], conf["NEO4J_PASSWORD"], retry_seconds=1
    )
    outcome, written = _interrupt(conf, lose_connections, graph, through, relay)
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
