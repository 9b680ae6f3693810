"""Library entry points, one per CLI command (the CLI only parses, calls one of these, prints).

Each function takes plain values (paths, :class:`BuildOptions`, Neo4j settings) and returns
a result value; problems with the input are reported through ``on_problem`` and collected
in the result, never printed here.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from graphbuild.entities.aliases import AliasRules, load_aliases
from graphbuild.errors import InputError, StoreError
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
from graphbuild.store import queries
from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore, SyncStats
from graphbuild.store.queries import Query
from graphbuild.version import __version__
from graphbuild.writers import graphml, html
from graphbuild.writers.jsonl import JsonlWriter, read_jsonl

__all__ = [
    "EXPORT_FORMATS",
    "BuildOptions",
    "BuildResult",
    "QueryResult",
    "build_files",
    "export_graph",
    "load_graph",
    "load_graph_from_neo4j",
    "remove_articles",
    "run_query",
]


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
            count, resolver = spool_extractions(
                read_articles(inputs, sink, options=opts.read), opts, rules, spool, on_progress
            )
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
    graphml.write(graph, out / "graph.graphml", articles=opts.articles)
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


EXPORT_FORMATS = ("graphml", "gexf", "csv")


def export_graph(
    fmt: str,
    out: str | Path,
    *,
    build_dir: str | Path | None = None,
    neo4j: Neo4jSettings | None = None,
    articles: bool = False,
    mixed: bool = False,
    min_weight: int = 1,
    focus: str | None = None,
    depth: int = 1,
) -> list[Path]:
    """Write the graph of an earlier build (``build_dir``) or of Neo4j (``neo4j``) as
    ``fmt`` (graphml, gexf: a file; csv: a folder of tables) and return what was written.

    ``focus``/``depth`` keep an entity's neighbourhood, ``min_weight`` drops lighter
    relations; Article nodes and MENTIONS edges only with ``articles``; ``mixed`` gives
    GraphML per-edge directions (see :func:`graphbuild.writers.graphml.write`).
    """
    from graphbuild.graph.model import ARTICLE
    from graphbuild.writers import csv, gexf

    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; fix: use one of {', '.join(EXPORT_FORMATS)}")
    graph = load_graph_from_neo4j(neo4j) if neo4j is not None else load_graph(build_dir or "graphbuild-out")
    if articles and neo4j is None and not any(n.label == ARTICLE for n in graph.nodes.values()):
        raise InputError(
            f"the build in {build_dir} kept no Article nodes; fix: build it again with Article nodes, "
            "or export from Neo4j, which keeps every article",
            setting="articles",
        )
    if focus or min_weight > 1:
        from graphbuild.graph.view import subgraph

        graph = subgraph(graph, min_weight=min_weight, focus=focus, depth=depth)
    if fmt == "graphml":
        return [graphml.write(graph, out, articles=articles, mixed=mixed)]
    if fmt == "gexf":
        return [gexf.write(graph, out, articles=articles)]
    return csv.write(graph, out, articles=articles)


@dataclass
class QueryResult:
    """What a library query returned: the query, column names and rows of plain values."""

    query: Query
    keys: list[str]
    rows: list[list]


def run_query(name: str, params: list[str], neo4j: Neo4jSettings, write: bool = False) -> QueryResult:
    """Run the library query (or .cypher file) ``name`` with ``params`` (``NAME=VALUE``).

    The server is checked first, so an unreachable one fails at once; a query that returns
    nothing because an entity parameter names no entity raises :class:`InputError` with
    the nearest names instead.
    """
    q = queries.load(name)
    bound = queries.bind(q, queries.parse_params(params))
    with Neo4jStore(neo4j) as store:
        store.ping()
        try:
            keys, rows = store.query(q.text, bound, write=write)
        except StoreError as exc:
            if not write and ("AccessMode" in str(exc) or "read access mode" in str(exc).lower()):
                raise StoreError(
                    f"query {q.name} writes to the database; fix: allow writes if that is intended", setting="write"
                ) from None
            raise
        if not rows:
            queries.check_entities(q, bound, lambda text, p: store.query(text, p))
    return QueryResult(q, keys, rows)
