"""The build: ingest -> extract (spaCy, optionally in worker processes) -> resolve -> relate.

Two streaming passes keep memory flat: pass one (:func:`spool_extractions`) extracts each
article and spools its extraction to disk while the resolver counts names; pass two
(:func:`resolve_and_relate`) reads the spool back, gives every mention its final id and
folds it into the graph, handing each final extraction to a sink (``extractions.jsonl``).
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.entities.aliases import AliasRules
from graphbuild.entities.resolve import CorpusResolver
from graphbuild.graph import codec
from graphbuild.graph.model import Article, ArticleExtraction, Graph, Problem
from graphbuild.graph.relate import GraphBuilder, apply_ids, article_day
from graphbuild.ingest import dates
from graphbuild.ingest.options import ReadOptions
from graphbuild.pipeline.windows import extract_articles
from graphbuild.writers.jsonl import JsonlWriter, read_lines

Progress = Callable[[int], None]  # called with the number of articles just finished
# Python's cyclic collector looks at its youngest objects every 700 new containers. A
# build makes thousands per article (tokens, candidates, mentions, aggregates) that live
# about as long as the article, so they outlive two young collections and each batch of
# them ends in a full collection that walks the spaCy pipeline's objects as well. Looked
# at every 20,000 instead, most are gone by then (the build makes little cyclic garbage).
GC_YOUNG = 20_000


@contextmanager
def collect_less() -> Iterator[None]:
    """Run the block with the collector's youngest generation collected every
    :data:`GC_YOUNG` allocations (or as set, if rarer); the thresholds are put back after."""
    old = _collect_young_less()
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _collect_young_less() -> tuple[int, ...]:
    """Collect the youngest generation every :data:`GC_YOUNG` allocations (or as set, if
    rarer) from now on; returns the thresholds before."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_YOUNG), *old[1:])
    return old


@dataclass(frozen=True)
class BuildOptions:
    """Everything a build can be told, in one value; defaults are the CLI's defaults."""

    model: str | None = None  # spaCy pipeline name or path; None: the default pipeline
    window: str = "sentence"  # co-mention window: sentence, paragraph or article
    keep_places: bool = False  # cities and regions become Place nodes
    aliases: str | Path | None = None  # alias file (merge / rename / label / drop rules)
    workers: int = 1  # extraction processes
    dask_scheduler: object = None  # scheduler address (or a dask Client) to extract on
    task_articles: int = 16  # articles per worker / cluster task
    min_weight: int = 1  # the HTML view hides lighter edges
    write_html: bool = True
    articles: bool = False  # graph.graphml also holds Article nodes and MENTIONS edges
    read: ReadOptions = field(default_factory=ReadOptions)  # table columns, folder patterns, size limit
    since: str | None = None  # only articles published on or after this day (YYYY-MM-DD)
    until: str | None = None  # only articles published on or before this day
    change_settings: bool = False  # Neo4j: rebuild the stored graph with these settings


@dataclass
class BuildResult:
    """What :func:`graphbuild.api.build_files` returns: the whole graph, held in memory."""

    graph: Graph
    articles: int = 0
    problems: list[Problem] = field(default_factory=list)
    store: dict = field(default_factory=dict)  # Neo4j write statistics, when written
    outside_period: int = 0  # articles left out by since / until (undated ones included)
    undated: int = 0  # articles built without a publication date


@dataclass
class BuildSummary:
    """What :func:`graphbuild.api.write_build` returns: everything but the graph, which
    is only in the files it wrote (its memory does not grow with the corpus)."""

    articles: int = 0
    problems: list[Problem] = field(default_factory=list)
    store: dict = field(default_factory=dict)  # Neo4j write statistics, when written
    outside_period: int = 0  # articles left out by since / until (undated ones included)
    undated: int = 0  # articles built without a publication date
    summary: list[str] = field(default_factory=list)  # top entities and pairs (graph.summary)
    files: list[Path] = field(default_factory=list)  # what was written into the output folder


# --- pass one: extraction --------------------------------------------------------------

_WORKER: dict = {}


def _worker_init(model: str | None, keep_places: bool) -> None:
    import signal

    from graphbuild.nlp.parser import Parser

    # Ctrl-C reaches the whole process group: the parent stops the pool, and a worker
    # printing its own traceback would only bury the one-line message
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    _collect_young_less()  # this process only builds: see collect_less
    _WORKER["parser"] = Parser(model)
    _WORKER["keep_places"] = keep_places


def _worker_run(batch: list[Article]) -> list[ArticleExtraction]:
    return list(extract_articles(_WORKER["parser"], batch, _WORKER["keep_places"]))


def _batches(items: Iterable, size: int, workers: int = 1) -> Iterator[list]:
    """Tasks of ``size`` items; the last ``workers`` tasks' worth are cut four times smaller,
    so that the workers finish together instead of one idling while another parses its
    last full task (with 2 workers that wait was up to a second at the build's end)."""
    held: deque = deque()
    for item in items:
        held.append(item)
        if len(held) >= size * (workers + 1):
            yield [held.popleft() for _ in range(size)]
    small = max(1, size // 4) if workers > 1 else size
    while held:
        yield [held.popleft() for _ in range(min(small, len(held)))]


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

        yield from extract_articles(Parser(opts.model), articles, opts.keep_places)
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    with _quiet_children():
        pool = ctx.Pool(opts.workers, _worker_init, (opts.model, opts.keep_places))
    with pool:
        for batch in pool.imap(_worker_run, _batches(articles, opts.task_articles, opts.workers)):
            yield from batch


def release_model() -> None:
    """Let go of the spaCy pipeline this process loaded for extraction (workers' pipelines
    go with their processes), so that pass two reuses its memory instead of adding to it."""
    from graphbuild.nlp.parser import unload

    unload()


@contextmanager
def _quiet_children() -> Iterator[None]:
    """Processes started inside are born ignoring SIGINT (Python keeps an inherited
    SIG_IGN), so a Ctrl-C while they import does not make each print a traceback."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


# --- pass two: resolve and relate --------------------------------------------------------


def resolve_and_relate(
    source: Callable[[], Iterable[ArticleExtraction]],
    window: str,
    rules: AliasRules | None = None,
    resolver: CorpusResolver | None = None,
    sink: Callable[[ArticleExtraction], None] | None = None,
    articles: bool = True,
) -> Graph:
    """Resolve over all extractions of ``source()`` and build the graph.

    ``source`` is called once, or twice when no pre-filled ``resolver`` is given; ``sink``
    receives every extraction with its final ids. With ``articles=False`` the graph is the
    entity graph, without Article nodes and MENTIONS edges (the sink may keep them:
    :func:`graphbuild.graph.relate.provenance`).
    """
    if resolver is None:
        resolver = CorpusResolver(rules)
        for x in source():
            resolver.add(x.mentions, x.aliases)
    resolution = resolver.finalize()
    builder = GraphBuilder(window, articles=articles)
    for x in source():
        x = apply_ids(x, resolution.ids)
        builder.add(x)
        if sink:
            sink(x)
    return builder.graph(resolution.entities)


def in_period(
    articles: Iterable[Article], since: str | None, until: str | None, on_outside: Callable[[Article], None]
) -> Iterator[Article]:
    """The articles published in ``[since, until]`` (days, inclusive); every other one, the
    undated included when a bound is set, goes to ``on_outside``."""
    for art in articles:
        if dates.in_period(dates.day(art.published), since, until):
            yield art
        else:
            on_outside(art)


def period_extractions(
    extractions: Iterable[ArticleExtraction], since: str | None, until: str | None
) -> Iterator[ArticleExtraction]:
    """The extractions of the articles published in ``[since, until]``."""
    return (x for x in extractions if dates.in_period(article_day(x), since, until))


def spool_extractions(
    articles: Iterable[Article],
    opts: BuildOptions,
    rules: AliasRules | None,
    spool: Path,
    progress: Progress | None = None,
) -> tuple[int, CorpusResolver]:
    """Pass one: extract every article into the JSONL file ``spool`` (``codec.to_dict``
    form) while a resolver counts its names; returns the article count and the resolver."""
    resolver = CorpusResolver(rules)
    count = 0
    with JsonlWriter(spool) as w, collect_less():
        for x in extract_all(articles, opts):
            resolver.add(x.mentions, x.aliases)
            w.write_pieces(codec.spool_json(x))
            count += 1
            if progress:
                progress(1)
    return count, resolver


def read_spool(spool: Path) -> Iterator[ArticleExtraction]:
    """The extractions :func:`spool_extractions` wrote, in order."""
    for line in read_lines(spool):
        held = [line]
        del line  # neither the record's line nor the extraction as read is held meanwhile
        yield codec.from_json(held.pop())
