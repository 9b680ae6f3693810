"""The Neo4j store keeps the user's graph: recorded settings, one writer at a time (with a
lease a killed process cannot keep), files before the database, one bad article skipped,
unique article ids, and queries that cannot leave the graph. Real server, real processes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.clirun import run
from tests.neo4jlocal import LocalServer
from tests.relay import Relay
from tests.test_neo4j import A_ARTICLES, B_ARTICLES, _db_graph, _entities, _env, _snapshot, _write

from .conftest import ROOT

pytestmark = pytest.mark.neo4j


def _cli(*args, env, cwd=ROOT):
    return run(*args, env=env, cwd=cwd)


def _counts(settings):
    from graphbuild.store.neo4j import Neo4jStore

    with Neo4jStore(settings) as s:
        return s.counts()


# --- recorded settings -------------------------------------------------------------------


def test_a_command_with_other_settings_is_refused_unless_asked(neo4j_settings, neo4j_env, tmp_path):
    env = _env(neo4j_env)
    a = _write(tmp_path / "A", A_ARTICLES)
    aliases = tmp_path / "aliases.txt"
    aliases.write_text("merge: Elena Varga = Ingrid Solheim\n", encoding="utf-8")
    r = _cli("build", a, "--out", tmp_path / "o", "-q", "--neo4j", "--aliases", aliases, env=env)
    assert r.returncode == 0, r.stderr
    merged = _snapshot(_db_graph(neo4j_settings))
    assert "person:ingrid-solheim" not in merged[0]

    for extra, named in ((["--window", "paragraph"], "window"), ([], "aliases")):
        r = _cli("build", a, "--out", tmp_path / "o2", "-q", "--neo4j", *extra, env=env)
        assert r.returncode == 2, r.stderr
        assert named in r.stderr and "--change-settings" in r.stderr and len(r.stderr.strip().splitlines()) == 1
        assert not (tmp_path / "o2").exists(), "refused before extraction, nothing written"
        assert _snapshot(_db_graph(neo4j_settings)) == merged

    # remove without flags uses the recorded rules: the merge holds
    r = _cli("remove", "a2.txt", env=env)
    assert r.returncode == 0, r.stderr
    after = _db_graph(neo4j_settings)
    assert "person:ingrid-solheim" not in _entities(after)
    r = _cli("remove", "a1.txt", "--window", "article", env=env)
    assert r.returncode == 2 and "window" in r.stderr

    # asked explicitly: recomputed, and said so
    r = _cli(
        "build", a, "--out", tmp_path / "o3", "-q", "--neo4j", "--window", "paragraph", "--change-settings", env=env
    )
    assert r.returncode == 0, r.stderr
    r = _cli("build", a, "--out", tmp_path / "o3", "--neo4j", "--window", "paragraph", env=env)
    assert r.returncode == 0, r.stderr
    assert "person:ingrid-solheim" in _entities(_db_graph(neo4j_settings))  # no alias file any more
    r = _cli("build", a, "--out", tmp_path / "o4", "--neo4j", "--change-settings", env=env)
    assert "settings changed (window: 'paragraph' -> 'sentence')" in r.stdout and "recomputed" in r.stdout


# --- one writer at a time ----------------------------------------------------------------


def _spawn(*args, env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, *map(str, args)],
        env={**env, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


HOLD = textwrap.dedent(
    """
    import sys, time
    from graphbuild.store.lock import WriterLock
    from graphbuild.store.neo4j import Neo4jStore
    store = Neo4jStore(); store.verify()
    WriterLock(store).acquire()
    print("held", flush=True)
    time.sleep(600)
    """
)


def test_a_killed_writer_holds_the_lock_only_for_its_lease(neo4j_settings, neo4j_env, tmp_path):
    from graphbuild.api import BuildOptions, build_files

    env = _env(neo4j_env, GRAPHBUILD_NEO4J_LEASE_SECONDS="4")
    a = _write(tmp_path / "A", A_ARTICLES)
    holder = _spawn("-c", HOLD, env=env)
    try:
        assert holder.stdout.readline().strip() == "held"
        r = _cli(
            "build", a, "--out", tmp_path / "o", "-q", "--neo4j", env={**env, "GRAPHBUILD_NEO4J_LOCK_WAIT_SECONDS": "0"}
        )
        assert r.returncode == 4 and f"pid {holder.pid}" in r.stderr and "another graphbuild" in r.stderr

        # The holder is killed once the next writer waits for it (not before: a lease that
        # ran out while that writer was still extracting would prove nothing).
        seen: dict = {}

        def on_problem(problem):
            if "waiting for the Neo4j graph's writer lock" in problem.reason and not seen:
                seen["wait"] = problem.reason
                holder.send_signal(signal.SIGKILL)
                holder.wait()
                seen["killed"] = time.monotonic()

        build_files(
            [str(a)], tmp_path / "o", BuildOptions(write_html=False), on_problem=on_problem, neo4j=neo4j_settings
        )
    finally:
        holder.kill()
    assert seen and f"pid {holder.pid}" in seen["wait"], seen
    assert time.monotonic() - seen["killed"] < 30  # one lease, not the 600 s a writer waits
    assert _counts(neo4j_settings)["articles"] == 2


def test_two_builds_at_once_lose_no_update(neo4j_settings, neo4j_env, tmp_path):
    env = _env(neo4j_env)
    a, b = _write(tmp_path / "A", A_ARTICLES), _write(tmp_path / "B", B_ARTICLES)
    procs = [
        _spawn("-m", "graphbuild", "build", src, "--out", tmp_path / f"o{i}", "-q", "--neo4j", env=env)
        for i, src in enumerate((a, b))
    ]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    both = _db_graph(neo4j_settings)

    from graphbuild.api import BuildOptions, build_files

    one = build_files([str(a), str(b)], tmp_path / "together", BuildOptions(write_html=False)).graph
    assert _snapshot(both) == _snapshot(one)


# --- files first, then Neo4j ---------------------------------------------------------------


def test_files_are_complete_when_the_server_is_lost_before_the_write(neo4j_settings, neo4j_env, tmp_path):
    from graphbuild.api import BuildOptions, build_files
    from graphbuild.errors import StoreError
    from graphbuild.store.neo4j import Neo4jSettings

    host, port = neo4j_env["NEO4J_URI"].rsplit("/", 1)[1].split(":")
    proxy = Relay((host, int(port)))
    s = Neo4jSettings(f"bolt://127.0.0.1:{proxy.port}", neo4j_settings.user, neo4j_settings.password, retry_seconds=1)
    out = tmp_path / "o"
    with pytest.raises(StoreError, match="run the same command again"):
        build_files(
            [str(_write(tmp_path / "A", A_ARTICLES))],
            out,
            BuildOptions(write_html=False),
            neo4j=s,
            on_progress=lambda n: proxy.close(),  # the server goes away during extraction
        )
    ids = sorted(json.loads(x)["article_id"] for x in (out / "extractions.jsonl").open())
    assert ids == ["a1.txt", "a2.txt"] and (out / "graph.graphml").stat().st_size > 0


# --- one bad article -------------------------------------------------------------------------


def test_an_article_the_server_refuses_is_reported_and_the_rest_stored(neo4j_settings, neo4j_env, tmp_path):
    path = tmp_path / "in.jsonl"
    recs = [{"id": "x" * 40000, "text": A_ARTICLES["a1.txt"]}] + [{"id": k, "text": v} for k, v in B_ARTICLES.items()]
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    r = _cli("build", path, "--out", tmp_path / "o", "-q", "--neo4j", env=_env(neo4j_env))
    assert r.returncode == 0, r.stderr
    assert "not stored in Neo4j" in r.stderr and "too large" in r.stderr and "Traceback" not in r.stderr
    assert _counts(neo4j_settings)["articles"] == 2
    assert "person:daniel-mwangi" in _entities(_db_graph(neo4j_settings))


# --- article ids ---------------------------------------------------------------------------


def test_files_of_the_same_name_in_two_folders_keep_apart(neo4j_settings, neo4j_env, tmp_path):
    _write(tmp_path / "2023", {"001.txt": A_ARTICLES["a1.txt"]})
    _write(tmp_path / "2024", {"001.txt": B_ARTICLES["b1.txt"]})
    r = _cli("build", "2023", "2024", "--out", "o", "-q", "--neo4j", env=_env(neo4j_env), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    ids = [json.loads(x)["article_id"] for x in (tmp_path / "o" / "extractions.jsonl").open()]
    assert ids == ["001.txt", "2024/001.txt"] and "duplicate" not in r.stderr
    assert _counts(neo4j_settings)["articles"] == 2
    # a later build whose file takes a stored id from another source is not silent
    _write(tmp_path / "2025", {"001.txt": B_ARTICLES["b2.txt"]})
    r = _cli("build", "2025", "--out", "o", "-q", "--neo4j", env=_env(neo4j_env), cwd=tmp_path)
    assert "replaces the stored one from 2023/001.txt" in r.stderr


# --- queries ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cypher, why",
    [
        ("LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS line RETURN line", "LOAD CSV"),
        (
            "MATCH (n:Entity) WITH n LIMIT 1 CALL { LOAD CSV FROM 'file:///etc/hostname' AS l RETURN l } RETURN l",
            "LOAD CSV",
        ),
        ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "server command"),
        ("SHOW TRANSACTIONS", "server command"),
        ("CALL dbms.listConfig()", "administers the server"),
        ("CALL db.createLabel('Planted')", "writes"),
        ("MATCH (n) DETACH DELETE n", "writes"),
    ],
)
def test_read_mode_refuses_anything_but_reading_the_graph(neo4j_settings, neo4j_env, tmp_path, cypher, why):
    q = tmp_path / "q.cypher"
    q.write_text(cypher, encoding="utf-8")
    r = _cli("query", q, env=_env(neo4j_env))
    assert r.returncode == 4 and "refused in read-only mode" in r.stderr and why in r.stderr, r.stderr
    assert "--write" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_a_query_name_never_runs_a_file_planted_in_the_current_folder(neo4j_settings, neo4j_env, tmp_path):
    (tmp_path / "queries").mkdir()
    (tmp_path / "queries" / "top-entities.cypher").write_text("RETURN 'planted' AS who", encoding="utf-8")
    (tmp_path / "top-entities").write_text("RETURN 'planted' AS who", encoding="utf-8")
    r = _cli("query", "top-entities", "-f", "json", env=_env(neo4j_env), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "planted" not in r.stdout and json.loads(r.stdout) == []
    r = _cli("query", "./queries/top-entities.cypher", "-f", "json", env=_env(neo4j_env), cwd=tmp_path)
    assert json.loads(r.stdout) == [{"who": "planted"}]


def test_a_password_in_the_uri_is_never_printed(neo4j_env, tmp_path):
    src = _write(tmp_path / "A", {"a1.txt": A_ARTICLES["a1.txt"]})
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for uri in (f"bolt://neo4j:Hush-9x7@127.0.0.1:{port}", "bolt+nope://neo4j:Hush-9x7@127.0.0.1"):
        r = _cli("build", src, "--out", tmp_path / "o", "-q", "--neo4j", "--neo4j-uri", uri, env=_env(neo4j_env))
        assert r.returncode == 4, r.stderr
        assert "Hush-9x7" not in r.stderr + r.stdout and "neo4j:***@" in r.stderr, r.stderr
    assert Path(os.devnull).exists()


def test_neo4j_local_never_puts_the_password_on_a_command_line(local_neo4j, tmp_path):
    """The start of the run's server (tests/neo4jlocal.py) gave scripts/neo4j-local a password
    full of shell quoting and read every process's command line meanwhile; with NEO4J_URI
    set, a server of this test's own is started and watched the same way."""
    from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore

    server = local_neo4j or LocalServer(tmp_path)
    try:
        outcome = server.outcome or server.wait()
        assert outcome["returncode"] == 0, outcome["stderr"]
        password = outcome["password"]
        assert '"' in password and "\\ " in password
        assert outcome["env"]["NEO4J_PASSWORD"] == password  # printed shell-quoted, read back whole
        with Neo4jStore(Neo4jSettings(outcome["env"]["NEO4J_URI"], "neo4j", password)) as store:
            store.verify()
    finally:
        if local_neo4j is None:
            server.stop()
    assert not outcome["seen"], outcome["seen"]
    assert not list(Path(outcome["run"]).glob("*.args"))
