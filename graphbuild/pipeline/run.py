"""The build: ingest -> extract (spaCy, optionally in worker processes) -> resolve -> relate.

Two streaming passes keep memory flat: pass one extracts each article and spools its
extraction to disk while the resolver counts names; pass two reads the spool back, gives
every mention its final id, folds it into the graph and writes ``extractions.jsonl``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.entities.resolve import CorpusResolver
from graphbuild.graph import codec
from graphbuild.graph.model import Article, ArticleExtraction, Graph, Problem
from graphbuild.graph.relate import GraphBuilder, apply_ids
from graphbuild.pipeline.extract import extract
from graphbuild.writers.jsonl import JsonlWriter, read_jsonl

Progress = Callable[[int], None]  # called with the number of articles just finished


@dataclass
class BuildOptions:
    """What ``graphbuild build`` can be told; defaults are the CLI's defaults."""

    model: str | None = None
    window: str = "sentence"
    keep_places: bool = False
    workers: int = 1
    task_articles: int = 16  # articles per worker / cluster task
    aliases: object = None  # parsed alias rules (aliases.load_aliases) or None
    dask_scheduler: object = None  # scheduler address (or a dask Client) to extract on


@dataclass
class BuildResult:
    graph: Graph
    articles: int = 0
    problems: list[Problem] = field(default_factory=list)
    store: dict = field(default_factory=dict)  # Neo4j write statistics, when written


# --- pass one: extraction --------------------------------------------------------------

_WORKER: dict = {}


def _worker_init(model: str | None, keep_places: bool) -> None:
    from graphbuild.nlp.parser import Parser

    _WORKER["parser"] = Parser(model)
    _WORKER["keep_places"] = keep_places


def _worker_run(batch: list[Article]) -> list[ArticleExtraction]:
    parser = _WORKER["parser"]
    return [extract(p, _WORKER["keep_places"]) for p in parser.parse(batch)]


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_all(articles: Iterable[Article], opts: BuildOptions) -> Iterator[ArticleExtraction]:
    """Extract every article, in input order: in this process, in ``opts.workers`` processes,
    or on a Dask cluster."""
    if opts.dask_scheduler is not None:
        from graphbuild.pipeline.distributed import extract_on_cluster

        yield from extract_on_cluster(
            _batches(articles, opts.task_articles), opts.dask_scheduler, opts.model, opts.keep_places
        )
        return
    if opts.workers <= 1:
        from graphbuild.nlp.parser import Parser

        parser = Parser(opts.model)
        for parsed in parser.parse(articles):
            yield extract(parsed, opts.keep_places)
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    with ctx.Pool(opts.workers, _worker_init, (opts.model, opts.keep_places)) as pool:
        for batch in pool.imap(_worker_run, _batches(articles, opts.task_articles)):
            yield from batch


# --- pass two: resolve and relate --------------------------------------------------------


def resolve_and_relate(
    source: Callable[[], Iterable[ArticleExtraction]],
    opts: BuildOptions,
    resolver: CorpusResolver | None = None,
    sink: Callable[[ArticleExtraction], None] | None = None,
) -> Graph:
    """Resolve over all extractions of ``source()`` and build the graph.

    ``source`` is called once, or twice when no pre-filled ``resolver`` is given; ``sink``
    receives every extraction with its final ids.
    """
    if resolver is None:
        resolver = CorpusResolver(opts.aliases)
        for x in source():
            resolver.add(x.mentions, x.aliases)
    resolution = resolver.finalize()
    builder = GraphBuilder(opts.window)
    for x in source():
        x = apply_ids(x, resolution.ids)
        builder.add(x)
        if sink:
            sink(x)
    return builder.graph(resolution.entities)


def build(
    articles: Iterable[Article],
    opts: BuildOptions,
    out_dir: str | Path,
    progress: Progress | None = None,
    after_extract: Callable[[Callable[[], Iterator[dict]]], None] | None = None,
) -> BuildResult:
    """Build the graph of ``articles`` and write ``extractions.jsonl`` into ``out_dir``.

    ``after_extract`` gets a function that streams the spooled extractions (``codec.to_dict``
    form) once extraction is done: the Neo4j writer stores them from there.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    resolver = CorpusResolver(opts.aliases)
    count = 0
    with tempfile.TemporaryDirectory(prefix="graphbuild-") as tmp:
        spool = Path(tmp) / "spool.jsonl"
        with JsonlWriter(spool) as w:
            for x in extract_all(articles, opts):
                resolver.add(x.mentions, x.aliases)
                w.write(codec.to_dict(x))
                count += 1
                if progress:
                    progress(1)

        def source():
            return (codec.from_dict(d) for d in read_jsonl(spool))

        if after_extract:
            after_extract(lambda: read_jsonl(spool))

        with JsonlWriter(out / "extractions.jsonl") as ex:
            graph = resolve_and_relate(source, opts, resolver, sink=lambda x: ex.write(codec.to_public(x)))
    return BuildResult(graph, count)
