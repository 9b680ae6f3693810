"""Shared fixtures: the real spaCy pipeline, one build of the seeds, and a real Neo4j."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def parser():
    from graphbuild.nlp.parser import Parser

    return Parser()


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The seeds built once with the default options: (out_dir, BuildResult)."""
    from graphbuild.api import build_files

    out = tmp_path_factory.mktemp("seeds-build")
    result = build_files([str(SEEDS)], out)
    return out, result


def _start_local_neo4j(run_dir: Path) -> dict:
    import os
    import subprocess

    env = {**os.environ, "GRAPHBUILD_NEO4J_RUN": str(run_dir)}
    env.pop("NEO4J_PASSWORD", None)
    res = subprocess.run(
        [str(ROOT / "scripts" / "neo4j-local"), "start"], env=env, capture_output=True, text=True, timeout=900
    )
    if res.returncode != 0:
        raise RuntimeError(f"scripts/neo4j-local start failed:\n{res.stderr[-3000:]}")
    return dict(line.split("=", 1) for line in res.stdout.splitlines() if "=" in line)


@pytest.fixture(scope="session")
def neo4j_env(tmp_path_factory):
    """A real Neo4j: the one NEO4J_URI names, else a local server started (and stopped) here."""
    import os
    import subprocess

    if os.environ.get("NEO4J_URI"):
        yield {k: os.environ[k] for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD") if k in os.environ}
        return
    run_dir = tmp_path_factory.mktemp("neo4j-run")
    env = _start_local_neo4j(run_dir)
    try:
        yield env
    finally:
        subprocess.run(
            [str(ROOT / "scripts" / "neo4j-local"), "stop"],
            env={**os.environ, "GRAPHBUILD_NEO4J_RUN": str(run_dir)},
            capture_output=True,
            timeout=120,
        )


@pytest.fixture()
def neo4j_settings(neo4j_env):
    """Settings for an emptied database (every test starts from nothing)."""
    from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore

    s = Neo4jSettings(neo4j_env["NEO4J_URI"], neo4j_env.get("NEO4J_USER", "neo4j"), neo4j_env["NEO4J_PASSWORD"])
    with Neo4jStore(s) as store:
        store._write("MATCH (n) DETACH DELETE n")
    return s
