"""Building: articles in, the graph's files out (and, when asked, into Neo4j)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, replace
from pathlib import Path

from graphbuild.api.common import (
    ARTICLES_FILE,
    BUILD_FILE,
    alias_rules,
    check_settings,
    open_store,
    period,
    store_config,
    wanted_settings,
    with_model,
)
from graphbuild.api.store import store_extractions, sync_store
from graphbuild.errors import InputError
from graphbuild.graph import codec
from graphbuild.graph.model import Article, Graph, Problem
from graphbuild.graph.relate import provenance, with_provenance
from graphbuild.graph.summary import summarize
from graphbuild.ingest.sources import read_articles
from graphbuild.pipeline.run import (
    BuildOptions,
    BuildResult,
    BuildSummary,
    Progress,
    collect_less,
    extract_all,
    in_period,
    read_spool,
    release_model,
    resolve_and_relate,
    spool_extractions,
)
from graphbuild.store.lock import WriterLock
from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore
from graphbuild.writers import graphml, html
from graphbuild.writers.jsonl import JsonlWriter, copy_gzipped, read_jsonl, write_json
from graphbuild.writers.outdir import OutputFolder, output_error
from graphbuild.writers.provenance import ProvenanceSpool


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

    The result holds the whole graph (Article nodes and MENTIONS edges included), so its
    memory grows with the corpus; :func:`write_build` writes the same files and returns
    only a summary.
    """
    graph, summary = _build(inputs, out, options, on_problem, on_progress, neo4j, whole=True)
    return BuildResult(
        graph, summary.articles, summary.problems, summary.store, summary.outside_period, summary.undated
    )


def write_build(
    inputs: Iterable[str],
    out: str | Path,
    options: BuildOptions | None = None,
    *,
    on_problem: Callable[[Problem], None] | None = None,
    on_progress: Progress | None = None,
    neo4j: Neo4jSettings | None = None,
) -> BuildSummary:
    """What :func:`build_files` does, returning a summary (counts, files, problems, the top
    entities and pairs) instead of the graph: the build that ``graphbuild build`` runs.

    Its memory does not grow with the number of articles: the Article nodes, MENTIONS edges
    and the page's article table are streamed from the extraction spool on disk, and only
    per-entity and per-relationship aggregates (evidence capped) are held. The spaCy
    pipeline this process loaded for extraction is let go before the graph is made (a
    later build loads it again).
    """
    _, summary = _build(inputs, out, options, on_problem, on_progress, neo4j, whole=False)
    return summary


def _build(inputs, out, options, on_problem, on_progress, neo4j, *, whole: bool) -> tuple[Graph, BuildSummary]:
    opts = with_model(options or BuildOptions())
    since, until = period(opts.since, opts.until)
    opts = replace(opts, since=since, until=until)
    rules = alias_rules(opts.aliases)
    problems: list[Problem] = []
    outside = [0]

    def sink(p: Problem) -> None:
        problems.append(p)
        if on_problem:
            on_problem(p)

    with OutputFolder(out) as folder:  # checked, locked and staged before any extraction
        store = open_store(neo4j) if neo4j is not None else None
        try:
            if store is not None:  # refused before any extraction work is spent
                wanted = wanted_settings(opts)
                check_settings(store, wanted, opts.change_settings)
            with tempfile.TemporaryDirectory(prefix="graphbuild-") as tmp:
                spool = Path(tmp) / "spool.jsonl"
                articles = read_articles(inputs, sink, options=opts.read, exclude=[folder.path])
                articles = in_period(articles, since, until, lambda _: outside.__setitem__(0, outside[0] + 1))
                count, resolver = spool_extractions(articles, opts, rules, spool, on_progress)
                if count == 0:
                    what = "no article falls in the period" if outside[0] else "no article could be read"
                    raise InputError(
                        f"{what}, so nothing was written; fix: give text files, folders or JSONL files "
                        "that hold articles" + (", or widen the period" if outside[0] else "")
                    )
                if not whole:
                    release_model()
                try:
                    graph, undated, files = write_outputs(folder.staging, spool, opts, rules, resolver, whole=whole)
                except OSError as exc:
                    raise output_error(exc, folder.shown) from None
                folder.commit()  # the files are complete before Neo4j is touched
                lines = summarize(graph)
                if not whole:
                    graph = Graph()  # only in the files now: not held while Neo4j is written
                stats = _store(store, spool, opts, rules, sink, wanted) if store is not None else {}
        finally:
            if store is not None:
                store.close()
    files = [folder.path / f.name for f in files]
    return graph, BuildSummary(count, problems, stats, outside[0], undated, lines, files)


def write_outputs(
    out: Path, spool: Path, opts: BuildOptions, rules, resolver, *, whole: bool = False
) -> tuple[Graph, int, list[Path]]:
    """Pass two and the writers, on the extraction spool of pass one: extractions.jsonl,
    graph.graphml, graph.html (unless ``opts.write_html`` is off), articles.jsonl.gz and
    build.json into the folder ``out``. Returns (the entity graph, or with ``whole`` the
    whole graph; the number of undated articles; the files written).

    Each article's provenance (Article node, MENTIONS counts) goes to a spool beside
    ``spool`` as the graph is made; the writers read it back sorted, so it is never held.
    """
    undated = [0]
    with JsonlWriter(out / "extractions.jsonl") as ex, ProvenanceSpool(spool.parent) as prov, collect_less():

        def sink(x) -> None:
            ex.write_pieces(codec.public_json(x))
            prov.add(provenance(x))
            undated[0] += not x.meta.get("published")  # ids are unique: ingest keeps the first

        graph = resolve_and_relate(lambda: read_spool(spool), opts.window, rules, resolver, sink=sink, articles=False)
        files = [ex.path, graphml.write(graph, out / "graph.graphml", articles=opts.articles, provenance=prov.records)]
        if opts.write_html:
            html.write(graph, out / "graph.html", min_weight=opts.min_weight, provenance=prov.records)
            files.append(out / "graph.html")
        if whole:
            graph = with_provenance(graph, prov.records())
    files.append(copy_gzipped(spool, out / ARTICLES_FILE))
    files.append(write_json({"window": opts.window, "aliases": asdict(rules) if rules else None}, out / BUILD_FILE))
    return graph, undated[0], files


def _store(store: Neo4jStore, spool: Path, opts: BuildOptions, rules, sink, wanted: dict) -> dict:
    def rejected(article_id: str, reason: str) -> None:
        sink(Problem(f"article {article_id[:80]!r}", f"not stored in Neo4j: {reason}"))

    with WriterLock(store, on_wait=lambda msg: sink(Problem("neo4j", msg, skipped=False))):
        diffs = check_settings(store, wanted, opts.change_settings)  # again, now that we write
        _warn_replaced(store, spool, sink)
        if not diffs:  # same settings: only what these articles change is recomputed
            store.write_settings(wanted)
            written, stats = store_extractions(
                store, lambda: read_jsonl(spool), store_config(opts), opts.window, rules, rejected
            )
            return {"articles_written": written, "sync": stats, "changed": diffs}
        written = store.put_articles(read_jsonl(spool), store_config(opts), rejected)
        if any(k in ("model", "places") for k, _ in diffs):
            written += _reextract(store, spool, opts, rejected)
        store.write_settings(wanted)
        return {"articles_written": written, "sync": sync_store(store, opts.window, rules), "changed": diffs}


def _warn_replaced(store: Neo4jStore, spool: Path, sink) -> None:
    """An article replacing a stored one of the same id from another source is worth a word."""
    batch: dict[str, str | None] = {}

    def check() -> None:
        for aid, old in store.sources(list(batch)).items():
            if old and batch[aid] and old != batch[aid]:
                sink(Problem(str(batch[aid]), f"article id {aid!r} replaces the stored one from {old}", skipped=False))
        batch.clear()

    for x in read_jsonl(spool):
        batch[x["article_id"]] = (x.get("meta") or {}).get("source")
        if len(batch) >= 1000:
            check()
    check()


def _reextract(store: Neo4jStore, spool: Path, opts: BuildOptions, rejected) -> int:
    """Extract again, with the new model or places setting, every stored article this
    build did not bring (their text is stored with them)."""
    fresh = {x["article_id"] for x in read_jsonl(spool)}
    old = (
        Article(d["article_id"], d["text"], d.get("title"), origin=f"neo4j:{d['article_id']}", **(d.get("meta") or {}))
        for d in store.extractions()
        if d["article_id"] not in fresh
    )
    redone = (codec.to_dict(x) for x in extract_all(old, opts))
    return store.put_articles(redone, store_config(opts), rejected)
