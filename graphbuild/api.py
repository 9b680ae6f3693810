"""Library entry points, one per CLI command (the CLI only parses and prints)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from graphbuild import __version__
from graphbuild.errors import InputError
from graphbuild.graph import codec
from graphbuild.graph.model import Graph, Problem
from graphbuild.ingest.sources import read_articles
from graphbuild.pipeline.run import BuildOptions, BuildResult, build, resolve_and_relate
from graphbuild.writers import graphml, html


def _progress_bar(enabled: bool):
    if not enabled or not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TimeElapsedColumn(),
        transient=True,
        console=Console(stderr=True),
    )
    return bar, bar.add_task("extract", total=None)


def _rules(aliases):
    if aliases is None:
        return None
    from graphbuild.entities.aliases import load_aliases

    return load_aliases(aliases)


def _options(model, window, aliases, keep_places, workers, dask_scheduler=None) -> BuildOptions:
    if model is None:
        from graphbuild.nlp.parser import default_model

        model = default_model()
    return BuildOptions(
        model=model,
        window=window,
        keep_places=keep_places,
        workers=workers,
        aliases=_rules(aliases),
        dask_scheduler=dask_scheduler,
    )


def _open_store(neo4j):
    from graphbuild.store.neo4j import Neo4jStore

    store = Neo4jStore(neo4j)
    try:
        store.verify()
    except Exception:
        store.close()
        raise
    return store


def sync_store(store, opts: BuildOptions):
    """Recompute the corpus graph from every article the store holds and sync it."""
    graph = resolve_and_relate(lambda: (codec.from_dict(d) for d in store.extractions()), opts)
    return store.sync(graph)


def build_files(
    inputs: Iterable[str],
    out: str | Path,
    *,
    model: str | None = None,
    window: str = "sentence",
    aliases: str | Path | None = None,
    keep_places: bool = False,
    workers: int = 1,
    min_weight: int = 1,
    on_problem: Callable[[Problem], None] | None = None,
    show_progress: bool = False,
    write_html: bool = True,
    neo4j=None,
    dask_scheduler=None,
) -> BuildResult:
    """Read ``inputs``, build the graph, write GraphML, HTML and extractions into ``out``.

    With ``neo4j`` (a :class:`~graphbuild.writers.neo4j.Neo4jSettings`), the articles are
    also stored in Neo4j and its graph is recomputed over everything it holds and synced;
    the server is checked before any extraction work is spent. With ``dask_scheduler`` (an
    address or a ``dask.distributed.Client``) extraction runs on that cluster.
    """
    problems: list[Problem] = []

    def sink(p: Problem) -> None:
        problems.append(p)
        if on_problem:
            on_problem(p)

    opts = _options(model, window, aliases, keep_places, workers, dask_scheduler)
    store = _open_store(neo4j) if neo4j is not None else None
    stats = {}

    def to_store(spooled):
        config = f"{opts.model}|places={opts.keep_places}|{__version__}"
        stats["articles_written"] = store.put_articles(spooled(), config)
        stats["sync"] = sync_store(store, opts)

    bar, task = _progress_bar(show_progress)
    articles = read_articles(inputs, sink)
    try:
        hook = to_store if store is not None else None
        if bar is not None:
            with bar:
                result = build(articles, opts, out, lambda n: bar.advance(task, n), hook)
        else:
            result = build(articles, opts, out, after_extract=hook)
    finally:
        if store is not None:
            store.close()
    result.problems = problems
    result.store = stats
    out = Path(out)
    graphml.write(result.graph, out / "graph.graphml")
    if write_html:
        html.write(result.graph, out / "graph.html", min_weight=min_weight)
    return result


def remove_articles(
    ids: list[str], neo4j, window: str = "sentence", aliases: str | Path | None = None
) -> tuple[list[str], object]:
    """Take articles out of the Neo4j graph with everything they contributed.

    Returns the ids that were not found and the sync statistics.
    """
    opts = BuildOptions(window=window, aliases=_rules(aliases))
    with _open_store(neo4j) as store:
        missing = store.remove_articles(ids)
        return missing, sync_store(store, opts)


def load_graph(build_dir: str | Path) -> Graph:
    """The graph an earlier ``graphbuild build --out build_dir`` wrote."""
    path = Path(build_dir) / "graph.graphml"
    if not path.is_file():
        raise InputError(f"no graph at {path}; fix: build into {build_dir} first, or read another build folder")
    return graphml.read(path)


def load_graph_from_neo4j(neo4j) -> Graph:
    """The graph stored in Neo4j."""
    with _open_store(neo4j) as store:
        return store.read_graph()
