"""A store that grows: any sequence of adds, changed re-adds and removes ends with the graph a
single fresh build of the same articles gives (ids, labels, names, weights, counts and
capped evidence), against a real Neo4j; ``store check`` sees a difference and ``store
rebuild`` repairs it.

The corpus is invented (made-up people, firms and places) so that the corpus-level rules
interact: a bare surname joins the only full name with it until a second person of that
surname arrives, an acronym joins its long form, a country-prefixed organization joins the
bare one, and re-added versions take a mention away or bring new ones.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.clirun import run
from tests.neo4jlocal import EMPTY

pytestmark = pytest.mark.neo4j

WINDOW = "sentence"
CONFIG = "test-config"

# article id -> versions (the second, when there is one, is a changed re-ingest)
CORPUS = {
    "n1": (
        "Orla Brack, the chief executive of Quarrow Daleford Bank (QDB), said on Monday that Canada "
        "would lend more to farmers.\n\u201cCanada is ready to help,\u201d Brack said in Ottawa.\n",
        "Orla Brack, the chief executive of Quarrow Daleford Bank, said on Monday that Kenya would "
        "lend more to farmers.\n\u201cKenya is ready,\u201d Brack told reporters.\n",
    ),
    "n2": (
        "Brack met Tobias Fenwick in Ottawa on Tuesday. QDB shares rose after Fenwick praised the bank and Canada.\n",
        "Brack met Tobias Fenwick and Norway's envoy on Tuesday. Fenwick said Norway and Canada would talk again.\n",
    ),
    "n3": (
        "Tobias Fenwick said Norway and Kenya would sign a fisheries accord. Mr Fenwick told "
        "reporters that the Solvane Institute backed the accord.\n",
    ),
    "n4": (
        "The U.S. Solvane Institute said on Thursday that Kenya and Canada had agreed. Solvane "
        "Institute staff praised Tobias Fenwick.\n",
    ),
    "n5": (
        "Ida Brack, a farmer in Kenya, said that Quarrow Daleford Bank had cut its loans. "
        "\u201cThe bank forgot us,\u201d Ida Brack said. Brack sold her farm.\n",
        "Ida Brack, a farmer in Norway, said that Canada was a friend. Brack said Orla Brack had visited.\n",
    ),
    "n6": (
        "Quarrow Daleford Bank named Orla Brack chair on Friday. Brack said Canada, Kenya and "
        "Norway were its markets.\n",
    ),
}
DAYS = {"n1": "2024-03-04", "n2": "2024-03-05", "n3": "2024-04-11", "n4": "2024-04-12", "n5": "2024-05-20"}


@pytest.fixture(scope="module")
def extractions(parser):
    """(article id, version) -> extraction dict, extracted once with the real pipeline."""
    from graphbuild.graph import codec
    from graphbuild.graph.model import Article
    from graphbuild.pipeline.extract import extract

    keys = [(aid, v) for aid, versions in CORPUS.items() for v in range(len(versions))]
    arts = [Article(aid, CORPUS[aid][v], f"{aid} v{v}", published=DAYS.get(aid)) for aid, v in keys]
    return {k: codec.to_dict(extract(p)) for k, p in zip(keys, parser.parse(arts))}


def _store(settings):
    from graphbuild.store.neo4j import Neo4jStore

    store = Neo4jStore(settings)
    store.verify()
    return store


def _empty(store):
    store._write(EMPTY)


PATHS: list[bool] = []  # per step: whether it was incremental


def _add(store, xs, rules=None):
    from graphbuild.api.store import store_extractions

    _, stats = store_extractions(store, lambda: iter(xs), CONFIG, WINDOW, rules)
    PATHS.append(stats.incremental)
    return stats


def _remove(store, ids, rules=None):
    from graphbuild.api.store import drop_articles

    _, stats = drop_articles(store, ids, WINDOW, rules)
    PATHS.append(stats.incremental)


def _snapshot(store):
    from graphbuild.store import compare

    return compare.snapshot(store.read_graph())


def _fresh(store, xs, rules=None):
    """The graph one build of ``xs`` into an empty database gives."""
    _empty(store)
    if xs:
        _add(store, xs, rules)
    return _snapshot(store)


def _play(store, extractions, ops, rules=None) -> dict:
    """Apply ``ops`` to an empty store; returns the final article id -> version."""
    _empty(store)
    state: dict[str, int] = {}
    for op, aid, version in ops:
        if op == "add":
            version = min(version, len(CORPUS[aid]) - 1)
            _add(store, [extractions[(aid, version)]], rules)
            state[aid] = version
        else:
            _remove(store, [aid], rules)
            state.pop(aid, None)
    return state


OPS = st.lists(
    st.tuples(st.sampled_from(["add", "add", "remove"]), st.sampled_from(sorted(CORPUS)), st.integers(0, 1)),
    min_size=1,
    max_size=7,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_any_sequence_of_adds_and_removes_equals_a_fresh_build(neo4j_settings, extractions, ops):
    with _store(neo4j_settings) as store:
        state = _play(store, extractions, ops)
        grown = _snapshot(store)
        fresh = _fresh(store, [extractions[(aid, v)] for aid, v in sorted(state.items())])
    assert grown == fresh, ops


def _grow(store, extractions, ops, rules=None, at=None) -> list[tuple[int, dict, object]]:
    """Apply ``ops`` one by one to an empty store; after each step (or the steps in ``at``,
    counted from 1) the state so far and the store's snapshot. One pass: the store of step i
    is the store of step i - 1 changed once, as it is for a user."""
    _empty(store)
    state: dict[str, int] = {}
    seen = []
    for i, (op, aid, version) in enumerate(ops, 1):
        if op == "add":
            _add(store, [extractions[(aid, version)]], rules)
            state[aid] = version
        else:
            _remove(store, [aid], rules)
            state.pop(aid, None)
        if at is None or i in at:
            seen.append((i, dict(state), _snapshot(store)))
    return seen


def test_growing_one_article_at_a_time_then_shrinking_equals_fresh_builds(neo4j_settings, extractions):
    # The fixed sequence the rules interact most in: surname joins made and unmade (a second
    # Brack), acronym votes shifting, re-adds that change mentions, removal to nothing.
    ops = [("add", a, 0) for a in sorted(CORPUS)]
    ops += [("add", "n1", 1), ("add", "n5", 1), ("remove", "n6", 0), ("add", "n2", 1), ("remove", "n5", 0)]
    PATHS.clear()
    with _store(neo4j_settings) as store:
        steps = _grow(store, extractions, ops)
        grown_paths = PATHS[1:]  # every step after the first add was incremental
        assert len(grown_paths) == len(ops) - 1 and all(grown_paths), PATHS
        for i, state, grown in steps:
            fresh = _fresh(store, [extractions[(aid, v)] for aid, v in sorted(state.items())])
            assert grown == fresh, ops[:i]
        assert any(n[0] == "Person" for n in grown[0].values())
        assert any(k[0] == "SAID_ABOUT" for k in grown[1])


def test_with_alias_rules_every_step_equals_a_fresh_build(neo4j_settings, extractions):
    from graphbuild.entities.aliases import parse_aliases

    rules = parse_aliases("merge: QDB = Solvane Institute\nrename: Tobias Fenwick => Tobias J. Fenwick\ndrop: Norway\n")
    ops = [("add", a, 0) for a in sorted(CORPUS)] + [("add", "n5", 1), ("remove", "n1", 0), ("add", "n2", 1)]
    PATHS.clear()
    with _store(neo4j_settings) as store:
        steps = _grow(store, extractions, ops, rules, at=(3, len(CORPUS), len(ops)))
        assert all(PATHS[1:]), PATHS  # every step after the first add was incremental
        for i, state, grown in steps:
            fresh = _fresh(store, [extractions[(aid, v)] for aid, v in sorted(state.items())], rules)
            assert grown == fresh, ops[:i]
    assert "person:tobias-j-fenwick" in grown[0]
    assert not any(k.startswith("country:NOR") for k in grown[0])


def test_an_interrupted_step_is_repaired_by_the_next_one(neo4j_settings, extractions):
    # A step that died mid-write leaves the kept state marked dirty (and, here, a wrong
    # aggregate): the next change recomputes everything instead of building on it.
    from graphbuild.store.kept import Kept

    with _store(neo4j_settings) as store:
        _empty(store)
        _add(store, [extractions[("n1", 0)], extractions[("n2", 0)]])
        kept = Kept(store)
        kept.write_state({**kept.state(), "dirty": True})
        # rows a half-done step wrote carry the hash of what it wrote
        store._write("MATCH (n:Entity) SET n._agg = '{\"m\": 1}', n.mentions = 1, n._hash = 'half'")
        stats = _add(store, [extractions[("n3", 0)]])
        assert not stats.incremental
        grown = _snapshot(store)
        assert grown == _fresh(store, [extractions[(a, 0)] for a in ("n1", "n2", "n3")])
        _add(store, [extractions[("n3", 0)], extractions[("n1", 0)], extractions[("n2", 0)]])
        assert _add(store, [extractions[("n4", 0)]]).incremental


def test_store_check_names_a_difference_and_rebuild_repairs_it(neo4j_settings, neo4j_env, extractions):
    from graphbuild.store.settings import graph_settings

    env = {
        "NEO4J_URI": neo4j_env["NEO4J_URI"],
        "NEO4J_USER": neo4j_env.get("NEO4J_USER", "neo4j"),
        "NEO4J_PASSWORD": neo4j_env["NEO4J_PASSWORD"],
    }
    with _store(neo4j_settings) as store:
        store.write_settings(graph_settings(WINDOW, None, None, "m", False))
        _add(store, [extractions[(a, 0)] for a in sorted(CORPUS)])
    r = run("store", "check", env={**os.environ, **env})
    assert r.returncode == 0, r.stderr
    assert "ok" in r.stdout
    with _store(neo4j_settings) as store:
        store._write("MATCH (n:Person) WITH n LIMIT 1 SET n.mentions = 999")
        store._write("MATCH ()-[r:CO_MENTIONED]->() WITH r LIMIT 1 DELETE r")
    r = run("store", "check", env={**os.environ, **env})
    assert r.returncode == 1
    assert "mentions 999 ->" in r.stdout
    assert "missing relationship CO_MENTIONED" in r.stdout
    r = run("store", "rebuild", env={**os.environ, **env})
    assert r.returncode == 0, r.stderr
    assert "rebuilt" in r.stdout
    r = run("store", "check", env={**os.environ, **env})
    assert r.returncode == 0, r.stdout + r.stderr
