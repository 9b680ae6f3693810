"""The exports opened with the real Gephi: the Gephi toolkit 0.10.1 (Maven Central
``org.gephi:gephi-toolkit:0.10.1:jar:all``, fetched once into ~/.cache/graphbuild/gephi)
runs the importer Gephi Desktop runs on File > Open (tests/gephi/GephiImport.java), and
the test checks what Gephi ends up holding: every entity with its name as label, every
co-mention and said-about edge with its weight and direction.

Needs Java 17 (java, javac) and, the first time, Maven; skipped without them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import select
import shutil
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from graphbuild.graph.model import ARTICLE, CO_MENTIONED, MENTIONS, SAID_ABOUT, Edge, Graph, Node
from graphbuild.writers import gexf, graphml

pytestmark = pytest.mark.gephi
XDIST_GROUP = "gephi"  # one worker, so one Gephi JVM for the module

HARNESS = Path(__file__).parent / "gephi" / "GephiImport.java"
TOOLKIT = "org.gephi:gephi-toolkit:0.10.1:jar:all"
DEP_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1"


def _cache() -> Path:
    return Path(os.environ.get("GRAPHBUILD_GEPHI_CACHE") or Path.home() / ".cache/graphbuild/gephi")


def _toolkit(cache: Path) -> Path:
    jar = cache / "gephi-toolkit-0.10.1-all.jar"
    if jar.is_file():
        return jar
    if not shutil.which("mvn"):
        pytest.skip("Maven (mvn) is needed once to fetch the Gephi toolkit")
    cache.mkdir(parents=True, exist_ok=True)
    tmp = cache / f".fetch-{os.getpid()}"
    res = subprocess.run(
        ["mvn", "-B", "-q", f"{DEP_PLUGIN}:copy", f"-Dartifact={TOOLKIT}", f"-DoutputDirectory={tmp}"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=1800,
    )
    if res.returncode != 0:
        raise RuntimeError(f"fetching {TOOLKIT} failed:\n{(res.stdout + res.stderr)[-3000:]}")
    (tmp / jar.name).replace(jar)  # atomic: the jar exists only when complete
    shutil.rmtree(tmp, ignore_errors=True)
    return jar


@pytest.fixture(scope="session")
def gephi():
    """A function: path of a graph file -> what Gephi imported (a dict, see the harness)."""
    if not (shutil.which("java") and shutil.which("javac")):
        pytest.skip("Java 17 (java and javac) is needed for the Gephi import tests")
    cache = _cache()
    jar = _toolkit(cache)
    source = HARNESS.read_bytes()
    classes = cache / ("harness-" + hashlib.sha256(source).hexdigest()[:12])
    if not (classes / "GephiImport.class").is_file():
        tmp = cache / f".javac-{os.getpid()}"
        subprocess.run(["javac", "-d", str(tmp), "-cp", str(jar), str(HARNESS)], check=True, capture_output=True)
        tmp.replace(classes)

    # One JVM opens every file of the session (each in a new project, as Gephi Desktop does
    # on File > Open), instead of a JVM start per file; the client compiler alone starts
    # and runs these small imports fastest.
    with tempfile.TemporaryFile() as log:
        jvm = subprocess.Popen(
            ["java", "-Djava.awt.headless=true", "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
            + ["-cp", f"{classes}{os.pathsep}{jar}", "GephiImport"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            encoding="utf-8",
        )
        assert jvm.stdin and jvm.stdout

        def run(path: Path) -> dict:
            jvm.stdin.write(f"{path}\n")
            jvm.stdin.flush()
            # one line per file, so nothing waits in the reader's buffer
            line = jvm.stdout.readline() if select.select([jvm.stdout], [], [], 900)[0] else ""
            if not line:
                jvm.kill()
                log.seek(0)
                raise AssertionError(f"the Gephi harness stopped:\n{log.read().decode(errors='replace')[-3000:]}")
            imported = json.loads(line)
            assert "error" not in imported, imported["error"]
            return imported

        try:
            yield run
        finally:
            jvm.stdin.close()
            jvm.wait(60)


def _expected(graph: Graph):
    """(entity id -> name, {(source, target, type): weight}) of the entity graph."""
    names = {i: n.name for i, n in graph.nodes.items() if n.label != ARTICLE}
    edges = {e.key: e.weight for e in graph.edges.values() if e.type in (CO_MENTIONED, SAID_ABOUT)}
    return names, edges


def _seen(imported: dict):
    names = {n["id"]: n["label"] for n in imported["nodes"]}
    edges = {(e["kind"], e["source"], e["target"]): e["weight"] for e in imported["edges"]}
    return names, edges


def _problems(imported: dict) -> list[str]:
    return [i for i in imported["issues"] if not i.startswith("INFO")]


def assert_gephi_has_everything(imported: dict, graph: Graph) -> None:
    """Every entity under its name, every co-mention and said-about edge with its weight."""
    want_names, want_edges = _expected(graph)
    got_names, got_edges = _seen(imported)
    assert want_edges, "the graph should have relations"
    assert got_names == want_names
    assert len(imported["edges"]) == len(want_edges)
    assert got_edges == want_edges
    assert _problems(imported) == []


def test_seeds_graphml_opens_completely_in_gephi(seeds_build, gephi):
    out, result = seeds_build
    imported = gephi(out / "graph.graphml")
    assert_gephi_has_everything(imported, result.graph)
    types = {n["id"]: n["attrs"]["type"]["value"] for n in imported["nodes"]}
    assert types == {i: n.label for i, n in result.graph.nodes.items() if n.label != ARTICLE}
    weights = {e["attrs"]["weight"]["type"] if "weight" in e["attrs"] else None for e in imported["edges"]}
    assert weights == {None}  # the weight is Gephi's own edge weight, not an extra column


def test_seeds_gexf_opens_as_a_mixed_graph_in_gephi(seeds_build, gephi, tmp_path):
    _, result = seeds_build
    imported = gephi(gexf.write(result.graph, tmp_path / "seeds.gexf"))
    assert_gephi_has_everything(imported, result.graph)
    assert imported["mixed"] and not imported["dynamic"]
    assert Counter((e["kind"], e["directed"]) for e in imported["edges"]) == Counter(
        (e.type, e.type == SAID_ABOUT) for e in result.graph.edges.values() if e.type != MENTIONS
    )
    node = next(n for n in imported["nodes"] if len(result.graph.nodes[n["id"]].props["aliases"]) > 1)
    assert node["attrs"]["aliases"] == {"type": "String[]", "value": result.graph.nodes[node["id"]].props["aliases"]}
    assert all(n["attrs"]["mentions"]["type"] == "Long" for n in imported["nodes"])


def test_mixed_graphml_has_undirected_co_mentions_in_gephi(seeds_build, gephi, tmp_path):
    _, result = seeds_build
    imported = gephi(graphml.write(result.graph, tmp_path / "mixed.graphml", mixed=True))
    assert_gephi_has_everything(imported, result.graph)
    assert {e["kind"]: e["directed"] for e in imported["edges"]} == {CO_MENTIONED: False, SAID_ABOUT: True}


def _awkward() -> Graph:
    g = Graph()
    g.add_node(Node("person:ann-lee", "Person", "Ann Lee", {"mentions": 2, "aliases": ["Ann Lee", 'A. "Annie", Lee']}))
    g.add_node(Node("organization:q", "Organization", 'Q & "Co" <Ltd> \x07 עברית 🙂', {"mentions": 1}))
    g.add_node(Node("country:FRA", "Country", "France", {"mentions": 1}))
    # a co-mention and a said-about edge between the same two entities stay two edges
    g.add_edge(Edge(CO_MENTIONED, "organization:q", "person:ann-lee", 3, {"articles": 1}))
    g.add_edge(Edge(SAID_ABOUT, "organization:q", "person:ann-lee", 2, {"count": 2, "cues": ["said"]}))
    g.add_edge(Edge(SAID_ABOUT, "person:ann-lee", "organization:q", 1, {"count": 1, "cues": ["told"]}))
    g.add_edge(Edge(CO_MENTIONED, "country:FRA", "person:ann-lee", 1, {"articles": 1}))
    return g


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_parallel_relations_and_awkward_names_survive_gephi(gephi, tmp_path, fmt):
    g = _awkward()
    writer = graphml.write if fmt == "graphml" else gexf.write
    imported = gephi(writer(g, tmp_path / f"g.{fmt}"))
    want_names, want_edges = _expected(g)
    want_names["organization:q"] = want_names["organization:q"].replace("\x07", "\ufffd")
    assert _seen(imported) == (want_names, want_edges)
    assert _problems(imported) == []


def test_dated_gexf_plays_on_gephis_timeline(gephi, tmp_path):
    g = _awkward()
    g.nodes["person:ann-lee"].props.update(first_seen="2024-03-01", last_seen="2024-05-20")
    g.edges[(CO_MENTIONED, "organization:q", "person:ann-lee")].props.update(
        first_seen="2024-04-02", last_seen="2024-04-30"
    )
    imported = gephi(gexf.write(g, tmp_path / "dated.gexf"))
    assert imported["dynamic"] and _problems(imported) == []

    def ms(day: str) -> float:
        return dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC).timestamp() * 1000

    ann = next(n for n in imported["nodes"] if n["id"] == "person:ann-lee")
    assert ann["intervals"] == [[ms("2024-03-01"), ms("2024-05-20")]]
    co = next(e for e in imported["edges"] if e["kind"] == CO_MENTIONED and e["source"] == "organization:q")
    assert co["intervals"] == [[ms("2024-04-02"), ms("2024-04-30")]]


def _bbc_build(tmp_path_factory) -> Path:
    """A build of the BBC eval corpus: GRAPHBUILD_BBC_BUILD names one already made, else
    it is built here from $GRAPHBUILD_EVAL/bbc.jsonl (minutes); skipped when neither is set."""
    ready = os.environ.get("GRAPHBUILD_BBC_BUILD")
    if ready:
        return Path(ready)
    if not os.environ.get("GRAPHBUILD_EVAL"):
        pytest.skip("set GRAPHBUILD_EVAL=../shared/eval (builds BBC, minutes) or GRAPHBUILD_BBC_BUILD=DIR")
    corpus = Path(os.environ["GRAPHBUILD_EVAL"])
    if not (corpus / "bbc.jsonl").is_file():
        pytest.skip(f"no {corpus / 'bbc.jsonl'}")
    from graphbuild.api import BuildOptions, build_files

    out = tmp_path_factory.mktemp("bbc")
    build_files([str(corpus / "bbc.jsonl")], out, BuildOptions(workers=2, write_html=False))
    return out


@pytest.mark.slow
def test_bbc_graph_opens_completely_in_gephi(gephi, tmp_path_factory, tmp_path):
    out = _bbc_build(tmp_path_factory)
    graph = graphml.read(out / "graph.graphml")
    assert len(graph.edges) > 10_000
    assert_gephi_has_everything(gephi(out / "graph.graphml"), graph)
    imported = gephi(gexf.write(graph, tmp_path / "bbc.gexf"))
    assert_gephi_has_everything(imported, graph)
    assert imported["mixed"]
