"""Library entry points, one per CLI command (the CLI only parses, calls one of these, prints).

Each function takes plain values (paths, :class:`BuildOptions`, Neo4j settings) and returns
a result value; problems with the input are reported through ``on_problem`` and collected
in the result, never printed here.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from graphbuild import __version__
from graphbuild.entities.aliases import AliasRules, load_aliases
from graphbuild.errors import InputError
from graphbuild.graph import codec
from graphbuild.graph.model import Graph, Problem
from graphbuild.ingest.sources import read_articles
from graphbuild.pipeline.run import (
    BuildOptions,
    BuildResult,
    Progress,
    read_spool,
    resolve_and_relate,
    spool_extractions,
)
from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore, SyncStats
from graphbuild.writers import graphml, html
from graphbuild.writers.jsonl import JsonlWriter, read_jsonl

__all__ = ["BuildOptions", "BuildResult", "build_files", "load_graph", "load_graph_from_neo4j", "remove_articles"]


def _rules(aliases: str | Path | None) -> AliasRules | None:
    return None if aliases is None else load_aliases(aliases)


def _with_model(opts: BuildOptions) -> BuildOptions:
    if opts.model is not None:
        return opts
    from graphbuild.nlp.parser import default_model

    return replace(opts, model=default_model())


def _open_store(settings: Neo4jSettings) -> Neo4jStore:
    store = Neo4jStore(settings)
    try:
        store.verify()
    except Exception:
        store.close()
        raise
    return store


def sync_store(store: Neo4jStore, window: str, rules: AliasRules | None) -> SyncStats:
    """Recompute the corpus graph from every article the store holds and sync it."""
    graph = resolve_and_relate(lambda: (codec.from_dict(d) for d in store.extractions()), window, rules)
    return store.sync(graph)


def build_files(
    inputs: Iterable[str],
    out: str | Path,
    options: BuildOptions | None = None,
    *,
    on_problem: Callable[[Problem], None] | None = None,
    on_progress: Progress | None = None,
    neo4j: Neo4jSettings | None = None,
) -> BuildResult:
    """Read ``inputs``, build the graph, write GraphML, HTML and extractions into ``out``.

    ``options`` says how (:class:`BuildOptions`; defaults are the CLI's). Every skipped or
    suspicious input item goes to ``on_problem`` and into the result; ``on_progress`` is
    called with the number of articles just extracted. With ``neo4j`` settings, the server
    is checked before any extraction work is spent, and after the files are written the
    articles are stored and the database's graph is recomputed over everything it holds.
    """
    opts = _with_model(options or BuildOptions())
    rules = _rules(opts.aliases)
    problems: list[Problem] = []

    def sink(p: Problem) -> None:
        problems.append(p)
        if on_problem:
            on_problem(p)

    store = _open_store(neo4j) if neo4j is not None else None
    try:
        with tempfile.TemporaryDirectory(prefix="graphbuild-") as tmp:
            spool = Path(tmp) / "spool.jsonl"
            count, resolver = spool_extractions(read_articles(inputs, sink), opts, rules, spool, on_progress)
            graph = _write_outputs(Path(out), spool, opts, rules, resolver)
            stats = _store(store, spool, opts, rules) if store is not None else {}
    finally:
        if store is not None:
            store.close()
    return BuildResult(graph, count, problems, stats)


def _write_outputs(out: Path, spool: Path, opts: BuildOptions, rules, resolver) -> Graph:
    out.mkdir(parents=True, exist_ok=True)
    with JsonlWriter(out / "extractions.jsonl") as ex:
        graph = resolve_and_relate(
            lambda: read_spool(spool), opts.window, rules, resolver, sink=lambda x: ex.write(codec.to_public(x))
        )
    graphml.write(graph, out / "graph.graphml")
    if opts.write_html:
        html.write(graph, out / "graph.html", min_weight=opts.min_weight)
    return graph


def _store(store: Neo4jStore, spool: Path, opts: BuildOptions, rules) -> dict:
    config = f"{opts.model}|places={opts.keep_places}|{__version__}"
    written = store.put_articles(read_jsonl(spool), config)
    return {"articles_written": written, "sync": sync_store(store, opts.window, rules)}


def remove_articles(
    ids: list[str], neo4j: Neo4jSettings, window: str = "sentence", aliases: str | Path | None = None
) -> tuple[list[str], SyncStats]:
    """Take articles out of the Neo4j graph with everything they contributed.

    Returns the ids that were not found and the sync statistics.
    """
    rules = _rules(aliases)
    with _open_store(neo4j) as store:
        missing = store.remove_articles(ids)
        return missing, sync_store(store, window, rules)


def load_graph(build_dir: str | Path) -> Graph:
    """The graph an earlier build into ``build_dir`` wrote."""
    path = Path(build_dir) / "graph.graphml"
    if not path.is_file():
        raise InputError(f"no graph at {path}; fix: build into {build_dir} first, or read another build folder")
    return graphml.read(path)


def load_graph_from_neo4j(neo4j: Neo4jSettings) -> Graph:
    """The graph stored in Neo4j."""
    with _open_store(neo4j) as store:
        return store.read_graph()
