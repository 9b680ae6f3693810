"""Shared fixtures: the real spaCy pipeline, one build of the seeds, and a real Neo4j."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.neo4jlocal import EMPTY, LocalServer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GROUPS = "xdist-groups.json"


@pytest.fixture(scope="session")
def parser():
    from graphbuild.nlp.parser import Parser

    return Parser()


@pytest.fixture(scope="session")
def attribute(parser):
    """text -> (text, its quotes): one invented article through the real extraction."""
    from graphbuild.graph.model import Article
    from graphbuild.pipeline.extract import extract

    def run(text: str):
        return text, extract(next(parser.parse([Article("t", text)]))).quotes

    return run


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The seeds built once with the default options: (out_dir, BuildResult)."""
    from graphbuild.api import build_files

    out = tmp_path_factory.mktemp("seeds-build")
    result = build_files([str(SEEDS)], out)
    return out, result


def _run_root(config: pytest.Config) -> Path:
    """A folder of this test run that every xdist worker of it shares."""
    base = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    return base.parent if hasattr(config, "workerinput") else base


def _uses_local_neo4j(item: pytest.Item) -> bool:
    return "local_neo4j" in getattr(item, "fixturenames", ())


_started_here = False  # this process may have started the run's server (tests/neo4jlocal.py)


RESTART = "neo4j-restart"  # the xdist group of the test that stops and starts a server of its own


def _order(item: pytest.Item) -> tuple[bool, bool]:
    """The test that restarts a server first (it starts its own, which takes a while), Neo4j
    tests after the others (the run's server starts meanwhile)."""
    return item.get_closest_marker("neo4j_restart") is None, _uses_local_neo4j(item)


def _group(item: pytest.Item) -> str | None:
    if item.get_closest_marker("neo4j_restart"):
        return RESTART  # a server of its own: it runs beside the other Neo4j tests, on the other worker
    if item.get_closest_marker("neo4j") or _uses_local_neo4j(item):
        return "neo4j"  # one server, one user of its database at a time
    if item.get_closest_marker("browser"):
        return "browser"  # one Chromium
    return getattr(getattr(item, "module", None), "XDIST_GROUP", None)  # a module's one helper process


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Neo4j tests run last (the server starts meanwhile), the restart with its own server
    first; under xdist, each worker tells the controller's scheduler which tests belong together (see
    pytest_xdist_make_scheduler)."""
    items.sort(key=_order)  # stable
    if hasattr(config, "workerinput"):
        groups = {i.nodeid: g for i in items if (g := _group(i))}
        path = _run_root(config) / GROUPS
        tmp = path.with_name(f"{GROUPS}.{config.workerinput['workerid']}")  # type: ignore[attr-defined]
        tmp.write_text(json.dumps(groups))
        tmp.replace(path)  # every worker writes the same; the controller reads it once all have collected


@pytest.hookimpl(optionalhook=True, tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """`--dist load` (the default) keeping each group of tests in one worker and handing out
    the others one by one. xdist's own `--dist loadgroup` does the same through the
    xdist_group mark, but it renames node ids in a way pytest 9 no longer sees."""
    if config.getvalue("dist") not in ("load", "loadgroup"):
        return None
    from xdist.scheduler import LoadScopeScheduling

    root = _run_root(config)
    servers = {"neo4j": LocalServer(root), RESTART: LocalServer(root / RESTART)}

    class GroupScheduling(LoadScopeScheduling):
        groups: dict | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.groups is None:
                path = root / GROUPS
                self.groups = json.loads(path.read_text()) if path.exists() else {}
            return self.groups.get(nodeid, nodeid)

        def _assign_work_unit(self, node) -> None:
            # While the run's Neo4j is still starting, hand out single tests first, not a
            # group: whichever worker asks once the server is up is free for the Neo4j tests
            # within a test or two (they are the run's longest chain), and the other worker
            # takes the groups (browser, build launcher, Gephi).
            # The same for the restart test while its own server starts.
            starting = {g for g, s in servers.items() if s.claim.exists() and not s.result.exists()}
            if next(iter(self.workqueue)) in starting:
                single = next((s for s, unit in self.workqueue.items() if len(unit) == 1 and s not in starting), None)
                if single is not None:
                    self.workqueue.move_to_end(single, last=False)
            super()._assign_work_unit(node)

    return GroupScheduling(config, log)


@pytest.hookimpl(tryfirst=True)  # under xdist: claimed before the controller hears the collection
def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the run's Neo4j in the background as soon as a selected test will want it."""
    global _started_here
    if session.config.option.collectonly:
        return
    root = _run_root(session.config)
    first = None
    if not os.environ.get("NEO4J_URI") and any(_uses_local_neo4j(i) for i in session.items):
        _started_here = True
        first = LocalServer(root)
        first.start_in_background()
    if any(i.get_closest_marker("neo4j_restart") for i in session.items):
        _started_here = True
        # after the run's (its tests are the longer chain), ready when the restart's turn comes
        LocalServer(root / RESTART).start_in_background(after=first)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Stop the run's Neo4j: here without xdist, in the controller once every worker is done."""
    config = session.config
    if hasattr(config, "workerinput"):
        return
    if _started_here or config.pluginmanager.has_plugin("dsession"):
        root = _run_root(config)
        for server in (LocalServer(root), LocalServer(root / RESTART)):
            server.stop()  # each only if this run started it


@pytest.fixture(scope="session")
def local_neo4j(request):
    """The run's own server (tests/neo4jlocal.py), started; None when NEO4J_URI names one."""
    global _started_here
    if os.environ.get("NEO4J_URI"):
        return None
    _started_here = True
    server = LocalServer(_run_root(request.config))
    server.outcome = server.wait()
    if server.outcome["returncode"] != 0:
        raise RuntimeError(f"scripts/neo4j-local start failed:\n{server.outcome['stderr']}")
    return server


@pytest.fixture(scope="session")
def restart_neo4j(request):
    """A local server of the restart test's own (whatever NEO4J_URI says), started in the
    background after the run's: that test stops and starts it while the run's server serves
    the other Neo4j tests."""
    global _started_here
    _started_here = True
    server = LocalServer(_run_root(request.config) / RESTART)
    server.outcome = server.wait()
    if server.outcome["returncode"] != 0:
        raise RuntimeError(f"scripts/neo4j-local start failed:\n{server.outcome['stderr']}")
    return server


@pytest.fixture(scope="session")
def neo4j_env(local_neo4j):
    """A real Neo4j: the one NEO4J_URI names, else the run's own local server."""
    if local_neo4j is None:
        return {k: os.environ[k] for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD") if k in os.environ}
    return local_neo4j.outcome["env"]


@pytest.fixture()
def neo4j_settings(neo4j_env):
    """Settings for an emptied database (every test starts from nothing)."""
    from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore

    s = Neo4jSettings(neo4j_env["NEO4J_URI"], neo4j_env.get("NEO4J_USER", "neo4j"), neo4j_env["NEO4J_PASSWORD"])
    with Neo4jStore(s) as store:
        store._write(EMPTY)
    return s
