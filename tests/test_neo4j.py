"""The Neo4j store against a real server: the stored graph equals the embedded build, syncs
are incremental and order-independent, re-ingest and remove leave no trace, and connection
problems are one-line errors naming the setting to fix.

Articles are invented here (names made up for these tests); the seeds are only compared
structurally with their own embedded build.
"""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

import pytest

from graphbuild.graph.model import ARTICLE
from tests.clirun import run
from tests.neo4jlocal import EMPTY

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

A_ARTICLES = {
    "a1.txt": "Canadian Prime Minister Elena Varga met Brazilian President Tomas Brenner in Ottawa on "
    "Monday to discuss a new trade agreement between Canada and Brazil.\n"
    "\u201cCanada and Brazil share a future built on open markets,\u201d Varga told reporters "
    "after the meeting.\n"
    "Brenner said that Brazil would cut tariffs on Canadian grain within a year.\n",
    "a2.txt": "Officials from Norway joined the talks on Tuesday. Norwegian Foreign Minister Ingrid "
    "Solheim said Norway supported the deal between Canada and Brazil.\n"
    "\u201cThis agreement shows what Canada can achieve,\u201d Solheim said of Elena Varga's plan.\n",
}
B_ARTICLES = {
    "b1.txt": "Brazilian President Tomas Brenner flew to Nairobi on Wednesday, where Kenyan President "
    "Daniel Mwangi welcomed him.\n"
    "\u201cKenya sees Brazil as a partner in agriculture,\u201d Mwangi said.\n"
    "Brenner said Elena Varga had encouraged him to visit Kenya.\n",
    "b2.txt": "Ingrid Solheim praised Kenya on Thursday. Solheim said Kenya and Norway would sign a "
    "fisheries accord, and that Daniel Mwangi would visit Oslo.\n",
}
# The changed version of a1.txt: other people, other words.
A1_CHANGED = (
    "Canadian Prime Minister Elena Varga met Chilean President Lucas Ferreira in Ottawa on Friday.\n"
    "\u201cChile is a friend of Canada,\u201d Ferreira told reporters before the dinner.\n"
)
A1_OLD_ONLY = ("open markets", "cut tariffs on Canadian grain", "Tomas Brenner")


def _write(folder: Path, articles: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _build(inputs, out, settings):
    from graphbuild.api import BuildOptions, build_files

    return build_files([str(i) for i in inputs], out, BuildOptions(write_html=False), neo4j=settings)


def _store(settings):
    from graphbuild.store.neo4j import Neo4jStore

    return Neo4jStore(settings)


def _db_graph(settings):
    with _store(settings) as store:
        return store.read_graph()


def _empty(settings):
    with _store(settings) as store:
        store._write(EMPTY)


def _snapshot(graph):
    """Everything that must match: nodes (label, name, props) and edges (weight, props)."""
    nodes = {n.id: (n.label, n.name, n.props) for n in graph.nodes.values()}
    edges = {e.key: (e.weight, e.props) for e in graph.edges.values()}
    return nodes, edges


def _entities(graph):
    return {n.id for n in graph.nodes.values() if n.label != ARTICLE}


def _env(neo4j_env, **over):
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_") and k != "GRAPHBUILD_DEBUG"}
    env.update(
        {
            "NEO4J_URI": neo4j_env["NEO4J_URI"],
            "NEO4J_USER": neo4j_env.get("NEO4J_USER", "neo4j"),
            "NEO4J_PASSWORD": neo4j_env["NEO4J_PASSWORD"],
        }
    )
    for k, v in over.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def _cli(*args, env, timeout=600):
    return run(*args, env=env, cwd=ROOT)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _assert_one_line_error(r, setting: str):
    assert r.returncode != 0, r.stdout
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert setting in lines[0], lines[0]


# --- the stored graph equals the embedded build ----------------------------------------


def test_seeds_export_from_neo4j_equals_embedded_graphml(seeds_build, neo4j_settings, neo4j_env, tmp_path):
    from graphbuild.writers import graphml

    embedded_dir, _ = seeds_build
    _build([SEEDS], tmp_path / "out", neo4j_settings)
    r = _cli("export", "graphml", tmp_path / "db.graphml", "--from-neo4j", env=_env(neo4j_env))
    assert r.returncode == 0, r.stderr
    want = graphml.read(embedded_dir / "graph.graphml")
    got = graphml.read(tmp_path / "db.graphml")
    assert _entities(want), "the seeds should have entities"
    assert _entities(got) == _entities(want)
    for nid, node in want.nodes.items():
        assert (got.nodes[nid].label, got.nodes[nid].name) == (node.label, node.name), nid
    assert {k: e.weight for k, e in got.edges.items()} == {k: e.weight for k, e in want.edges.items()}
    assert _snapshot(got) == _snapshot(want)


def test_building_twice_writes_nothing_and_changes_nothing(neo4j_settings, tmp_path):
    src = _write(tmp_path / "A", A_ARTICLES)
    first = _build([src], tmp_path / "o1", neo4j_settings)
    assert first.store["sync"].total_written > 0
    with _store(neo4j_settings) as store:
        counts = store.counts()
        graph = store.read_graph()
    second = _build([src], tmp_path / "o2", neo4j_settings)
    assert second.store["articles_written"] == 0
    assert second.store["sync"].total_written == 0
    assert second.store["sync"].deleted == 0
    with _store(neo4j_settings) as store:
        assert store.counts() == counts
        assert _snapshot(store.read_graph()) == _snapshot(graph)


def test_building_a_then_b_equals_building_both(neo4j_settings, tmp_path):
    a = _write(tmp_path / "A", A_ARTICLES)
    b = _write(tmp_path / "B", B_ARTICLES)
    only_a = _build([a], tmp_path / "oa", neo4j_settings).graph
    _build([b], tmp_path / "ob", neo4j_settings)
    incremental = _db_graph(neo4j_settings)

    _empty(neo4j_settings)
    both = _build([a, b], tmp_path / "oab", neo4j_settings).graph
    at_once = _db_graph(neo4j_settings)

    # the setup is meaningful: B adds to entities of A, so weights/articles had to be re-derived
    shared = _entities(only_a) & _entities(_build_embedded([b], tmp_path / "eb"))
    assert shared, "A and B should share entities"
    assert any(both.nodes[i].props["articles"] > only_a.nodes[i].props["articles"] for i in shared)
    assert _snapshot(incremental) == _snapshot(at_once)
    assert _snapshot(at_once) == _snapshot(both)  # and both equal the embedded build of A and B


def _build_embedded(inputs, out):
    from graphbuild.api import BuildOptions, build_files

    return build_files([str(i) for i in inputs], out, BuildOptions(write_html=False)).graph


_HAS = (
    "any(k IN keys(n) WHERE (n[k] IS :: STRING AND n[k] CONTAINS $p) "
    "OR (n[k] IS :: LIST<STRING> AND any(x IN n[k] WHERE x CONTAINS $p)))"
)


def test_reingesting_a_changed_article_leaves_no_trace_of_its_old_text(neo4j_settings, tmp_path):
    src = _write(tmp_path / "A", A_ARTICLES)
    old = _build([src], tmp_path / "o1", neo4j_settings).graph
    assert "person:tomas-brenner" in old.nodes
    with _store(neo4j_settings) as store:  # the check below does find the old text while it is there
        for phrase in A1_OLD_ONLY:
            hits = store._read(
                f"MATCH (n) WHERE {_HAS} RETURN count(n) AS n UNION ALL "
                f"MATCH ()-[n]->() WHERE {_HAS} RETURN count(n) AS n",
                p=phrase,
            )
            assert sum(h["n"] for h in hits) > 0, phrase
    (src / "a1.txt").write_text(A1_CHANGED, encoding="utf-8")
    result = _build([src], tmp_path / "o2", neo4j_settings)
    assert result.store["articles_written"] == 1

    with _store(neo4j_settings) as store:
        for phrase in A1_OLD_ONLY:
            # any string or list-of-strings property of any node (the stored _extraction too)
            # or relationship
            hits = store._read(
                f"MATCH (n) WHERE {_HAS} RETURN count(n) AS n UNION ALL "
                f"MATCH ()-[n]->() WHERE {_HAS} RETURN count(n) AS n",
                p=phrase,
            )
            assert sum(h["n"] for h in hits) == 0, phrase
            evidence = store._read(
                "MATCH ()-[r:CO_MENTIONED|SAID_ABOUT]->() WHERE r.evidence CONTAINS $p RETURN count(r) AS n", p=phrase
            )
            assert evidence[0]["n"] == 0, phrase
        graph = store.read_graph()
    assert "person:tomas-brenner" not in graph.nodes

    fresh = _build_embedded([src], tmp_path / "o3")
    assert _snapshot(graph) == _snapshot(fresh)


def test_remove_leaves_the_graph_as_if_never_built(neo4j_settings, neo4j_env, tmp_path):
    a = _write(tmp_path / "A", A_ARTICLES)
    b = _write(tmp_path / "B", B_ARTICLES)
    _build([a, b], tmp_path / "o1", neo4j_settings)
    r = _cli("remove", "b2.txt", env=_env(neo4j_env))
    assert r.returncode == 0, r.stderr
    assert "removed 1 articles" in r.stdout
    after_remove = _db_graph(neo4j_settings)
    assert "article:b2.txt" not in after_remove.nodes

    (b / "b2.txt").unlink()
    _empty(neo4j_settings)
    _build([a, b], tmp_path / "o2", neo4j_settings)
    never = _db_graph(neo4j_settings)
    assert _snapshot(after_remove) == _snapshot(never)


def test_remove_of_unknown_article_warns(neo4j_settings, neo4j_env, tmp_path):
    r = _cli("remove", "no-such-article.txt", env=_env(neo4j_env))
    assert r.returncode == 0, r.stderr
    assert "no article 'no-such-article.txt'" in r.stderr and "removed 0 articles" in r.stdout


# --- connection errors through the CLI -------------------------------------------------


def _input(tmp_path, n=1) -> Path:
    path = tmp_path / "in.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = " ".join(A_ARTICLES.values()) + " " + " ".join(B_ARTICLES.values())
            fh.write(json.dumps({"id": f"doc-{i}", "text": text}) + "\n")
    return path


def test_wrong_password_is_one_line_naming_neo4j_password(neo4j_env, tmp_path):
    r = _cli(
        "build",
        _input(tmp_path),
        "--out",
        tmp_path / "o",
        "-q",
        "--neo4j",
        env=_env(neo4j_env, NEO4J_PASSWORD="not-the-password-7Qx"),
    )
    _assert_one_line_error(r, "NEO4J_PASSWORD")
    assert "not-the-password-7Qx" not in r.stderr + r.stdout


def test_unreachable_server_fails_fast_before_extraction(neo4j_env, tmp_path):
    big = _input(tmp_path, n=2000)  # minutes of extraction if it were started
    t0 = time.monotonic()
    r = _cli(
        "build",
        big,
        "--out",
        tmp_path / "o",
        "-q",
        "--neo4j",
        "--neo4j-uri",
        f"bolt://127.0.0.1:{_closed_port()}",
        env=_env(neo4j_env),
        timeout=120,
    )
    elapsed = time.monotonic() - t0
    _assert_one_line_error(r, "--neo4j-uri")
    assert elapsed < 15, f"took {elapsed:.1f}s: extraction ran before the server was checked"
    assert not (tmp_path / "o" / "extractions.jsonl").exists()


def test_unknown_database_is_one_line_naming_database(neo4j_env, tmp_path):
    r = _cli(
        "build", _input(tmp_path), "--out", tmp_path / "o", "-q", "--neo4j", "--database", "nosuch", env=_env(neo4j_env)
    )
    _assert_one_line_error(r, "NEO4J_DATABASE")


def test_password_option_warns_and_is_never_printed(neo4j_settings, neo4j_env, tmp_path):
    password = neo4j_env["NEO4J_PASSWORD"]
    src = _write(tmp_path / "A", {"a2.txt": A_ARTICLES["a2.txt"]})
    r = _cli(
        "build",
        src,
        "--out",
        tmp_path / "o",
        "--neo4j",
        "--neo4j-password",
        password,
        env=_env(neo4j_env, NEO4J_PASSWORD=None),
    )
    assert r.returncode == 0, r.stderr
    assert "warning" in r.stderr and "NEO4J_PASSWORD" in r.stderr
    assert "neo4j: 1 articles stored" in r.stdout
    assert password not in r.stdout and password not in r.stderr

    secret = "Sup3r-secret-pw-91"  # and on an error path
    r = _cli(
        "export",
        "graphml",
        tmp_path / "x.graphml",
        "--from-neo4j",
        "--neo4j-password",
        secret,
        "--neo4j-uri",
        f"bolt://127.0.0.1:{_closed_port()}",
        env=_env(neo4j_env, NEO4J_PASSWORD=None),
    )
    assert r.returncode != 0 and "warning" in r.stderr
    assert secret not in r.stdout and secret not in r.stderr and "Traceback" not in r.stderr
