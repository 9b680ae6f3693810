"""Queries that can be found: ``query --list``, ``query NAME --help``, an entity name that
matches nothing answered with the nearest names, the README's examples returning rows on
the seeds, and a fast one-line failure when the server is down."""

from __future__ import annotations

import re
import shlex
import socket
import time
from pathlib import Path

import pytest

from graphbuild.store import queries as Q
from tests.clirun import run as cli
from tests.neo4jlocal import EMPTY

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def test_list_shows_every_query_with_purpose_and_parameters(tmp_path):
    r = cli("query", "--list", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    for q in Q.catalog(tmp_path):
        assert re.search(rf"^{re.escape(q.name)}\s+{re.escape(q.purpose)}$", r.stdout, re.M), q.name
    said = r.stdout.split("said-about", 1)[1].splitlines()[1]
    assert 'params: name, kind="all", limit=100' in said


def test_help_of_one_query_gives_parameters_and_example(tmp_path):
    r = cli("query", "said-about", "--help", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("said-about: everything said about an entity")
    assert re.search(r"^\s+name\s+\(required\) the entity", r.stdout, re.M)
    assert re.search(r"^\s+limit=100\s+at most", r.stdout, re.M)
    assert "graphbuild query said-about --param name=" in r.stdout
    plain = cli("query", "--help", cwd=tmp_path)
    assert plain.returncode == 0 and "--list" in plain.stdout and "--param" in plain.stdout


def test_help_of_an_unknown_query_lists_the_known_ones(tmp_path):
    r = cli("query", "said-abuot", "--help", cwd=tmp_path)
    assert r.returncode == 2 and "said-about" in r.stderr


def test_entity_parameters_are_those_naming_an_entity():
    entity = {(q.name, p.name) for q in Q.catalog() for p in q.params.values() if p.entity}
    assert ("said-about", "name") in entity and ("shortest-path", "y") in entity
    assert ("country-relations", "country") in entity
    assert ("find-entity", "name") not in entity  # a search text, not a name
    assert not any(p == "limit" for _, p in entity)


def test_suggestions_are_the_nearest_names():
    ents = [
        {"name": "Odile Brack", "aliases": ["Brack", "Odile Brack"], "mentions": 4},
        {"name": "Odile Bracken", "aliases": [], "mentions": 1},
        {"name": "Vela TV", "aliases": ["Vela"], "mentions": 9},
        {"name": "Crimson Valley Brigade", "aliases": ["CVB"], "mentions": 2},
    ]
    assert Q.suggest("Odil Brak", ents)[0] == "Odile Brack"
    assert Q.suggest("brigade", ents) == ["Crimson Valley Brigade"]
    assert Q.suggest("zzzz", ents) == []


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_query_with_the_server_down_fails_in_one_line_fast(tmp_path):
    import graphbuild.api  # noqa: F401  (time the failure, not the first import on a busy machine)

    env = {"NEO4J_URI": f"bolt://127.0.0.1:{_closed_port()}", "NEO4J_PASSWORD": "x", "PATH": "/usr/bin:/bin"}
    t0 = time.monotonic()
    r = cli("query", "top-entities", env=env, cwd=tmp_path)
    took = time.monotonic() - t0
    assert r.returncode == 4
    assert len(r.stderr.strip().splitlines()) == 1 and "cannot reach Neo4j" in r.stderr, r.stderr
    assert took < 5, took  # the driver's transaction retries took 30 s


# --- on the seeds in a real Neo4j ------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_env(neo4j_env):
    from graphbuild.api import build_files
    from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore

    s = Neo4jSettings(neo4j_env["NEO4J_URI"], neo4j_env.get("NEO4J_USER", "neo4j"), neo4j_env["NEO4J_PASSWORD"])
    with Neo4jStore(s) as store:
        store._write(EMPTY)
    import tempfile

    with tempfile.TemporaryDirectory() as out:
        build_files([str(SEEDS)], out, neo4j=s)
    return {k: v for k, v in neo4j_env.items() if k.startswith("NEO4J_")}


def _readme_examples() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = re.findall(r"^(graphbuild query \S.*?)(?:\s+#.*)?$", text, re.M)
    # commands, not the usage lines (QUERY, NAME, [options]) nor redirections to files
    return [shlex.split(line)[1:] for line in lines if not re.search(r"[>\[]|QUERY|NAME", line)]


@pytest.mark.neo4j
def test_readme_query_examples_return_rows_on_the_seeds(seeds_env, tmp_path):
    examples = _readme_examples()
    assert len(examples) >= 3
    for args in examples:
        r = cli(*args, "-f", "json", env=seeds_env, cwd=tmp_path)
        assert r.returncode == 0, (args, r.stderr)
        import json

        assert json.loads(r.stdout), f"README example {' '.join(args)} returns no rows on the seeds"


@pytest.mark.neo4j
def test_a_misspelt_entity_gets_the_nearest_names(seeds_env, tmp_path, seeds_build):
    graph = seeds_build[1].graph
    person = max((n for n in graph.nodes.values() if n.label == "Person"), key=lambda n: n.props["mentions"])
    typo = person.name[:-1] + ("x" if person.name[-1] != "x" else "y")
    r = cli("query", "said-about", "-p", f"name={typo}", env=seeds_env, cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1
    assert f"no entity is named {typo!r}" in r.stderr and repr(person.name) in r.stderr
    known = cli("query", "said-by", "-p", f"name={person.id}", env=seeds_env, cwd=tmp_path)
    assert known.returncode == 0, known.stderr
