"""Library entry points, one per CLI command (the CLI only parses, calls one of these, prints).

Each function takes plain values (paths, :class:`BuildOptions`, Neo4j settings) and returns
a result value; problems with the input are reported through ``on_problem`` and collected
in the result, never printed here.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from graphbuild.entities.aliases import AliasRules, load_aliases, parse_aliases
from graphbuild.entities.review import Finding, review
from graphbuild.errors import InputError, StoreError
from graphbuild.graph import codec
from graphbuild.graph.model import ARTICLE, Article, Graph, Problem
from graphbuild.ingest import dates
from graphbuild.ingest.sources import read_articles
from graphbuild.pipeline.run import (
    BuildOptions,
    BuildResult,
    Progress,
    extract_all,
    in_period,
    period_extractions,
    read_spool,
    resolve_and_relate,
    spool_extractions,
)
from graphbuild.store import queries
from graphbuild.store.lock import WriterLock
from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore, Refused, SyncStats
from graphbuild.store.queries import Query
from graphbuild.store.settings import KEYS, describe, differences, graph_settings
from graphbuild.version import __version__
from graphbuild.writers import aliasfile, graphml, html
from graphbuild.writers.jsonl import JsonlWriter, copy_gzipped, read_json, read_jsonl, write_json
from graphbuild.writers.outdir import OutputFolder, output_error

# What a build folder keeps besides the graph, so that a period can be cut from it exactly:
# every article's lossless extraction, and the settings the graph was built with.
ARTICLES_FILE = "articles.jsonl.gz"
BUILD_FILE = "build.json"

__all__ = [
    "EXPORT_FORMATS",
    "BuildOptions",
    "BuildResult",
    "QueryResult",
    "ReviewResult",
    "build_files",
    "export_graph",
    "load_graph",
    "load_graph_from_neo4j",
    "remove_articles",
    "review_graph",
    "run_query",
]


def _rules(aliases: str | Path | None) -> AliasRules | None:
    return None if aliases is None else load_aliases(aliases)


def _alias_text(aliases: str | Path | None) -> str | None:
    """The alias file's text (read after :func:`_rules` has checked the file)."""
    return None if aliases is None else Path(aliases).read_text(encoding="utf-8-sig")


def _wanted(opts: BuildOptions) -> dict:
    name = None if opts.aliases is None else Path(opts.aliases).name
    return graph_settings(opts.window, _alias_text(opts.aliases), name, str(opts.model), opts.keep_places)


def _check_settings(store: Neo4jStore, wanted: dict, change: bool, keys=KEYS) -> list[tuple[str, str]]:
    """The differences between the graph's recorded settings and ``wanted``; an error when
    there are any and ``change`` was not asked for."""
    diffs = differences(store.read_settings(), wanted, keys)
    if diffs and not change:
        raise InputError(
            f"the Neo4j graph was built with other settings ({describe(diffs)}); fix: use the graph's "
            "settings, or ask to change them (the whole graph is then recomputed with the new ones)",
            setting=diffs[0][0],
        )
    return diffs


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


def period(since: str | None = None, until: str | None = None) -> tuple[str | None, str | None]:
    """Check and normalise a period's bounds to days (``YYYY-MM-DD``); raises InputError."""
    out = []
    for name, value in (("since", since), ("until", until)):
        try:
            out.append(dates.bound(value))
        except ValueError:
            raise InputError(
                f"{name} {value!r} is not a date; fix: give a day such as 2026-03-01", setting=name
            ) from None
    if out[0] and out[1] and out[0] > out[1]:
        raise InputError(f"the period starts ({out[0]}) after it ends ({out[1]}); fix: swap the dates", setting="since")
    return out[0], out[1]


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
    since, until = period(opts.since, opts.until)
    opts = replace(opts, since=since, until=until)
    rules = _rules(opts.aliases)
    problems: list[Problem] = []
    outside = [0]

    def sink(p: Problem) -> None:
        problems.append(p)
        if on_problem:
            on_problem(p)

    with OutputFolder(out) as folder:  # checked, locked and staged before any extraction
        store = _open_store(neo4j) if neo4j is not None else None
        try:
            if store is not None:  # refused before any extraction work is spent
                wanted = _wanted(opts)
                _check_settings(store, wanted, opts.change_settings)
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
                try:
                    graph = _write_outputs(folder.staging, spool, opts, rules, resolver)
                except OSError as exc:
                    raise output_error(exc, folder.shown) from None
                folder.commit()  # the files are complete before Neo4j is touched
                stats = _store(store, spool, opts, rules, sink, wanted) if store is not None else {}
        finally:
            if store is not None:
                store.close()
    undated = sum(1 for n in graph.nodes.values() if n.label == ARTICLE and not n.props.get("published"))
    return BuildResult(graph, count, problems, stats, outside[0], undated)


def _write_outputs(out: Path, spool: Path, opts: BuildOptions, rules, resolver) -> Graph:
    with JsonlWriter(out / "extractions.jsonl") as ex:
        graph = resolve_and_relate(
            lambda: read_spool(spool), opts.window, rules, resolver, sink=lambda x: ex.write(codec.to_public(x))
        )
    graphml.write(graph, out / "graph.graphml", articles=opts.articles)
    if opts.write_html:
        html.write(graph, out / "graph.html", min_weight=opts.min_weight)
    copy_gzipped(spool, out / ARTICLES_FILE)
    write_json({"window": opts.window, "aliases": asdict(rules) if rules else None}, out / BUILD_FILE)
    return graph


def _store(store: Neo4jStore, spool: Path, opts: BuildOptions, rules, sink, wanted: dict) -> dict:
    def rejected(article_id: str, reason: str) -> None:
        sink(Problem(f"article {article_id[:80]!r}", f"not stored in Neo4j: {reason}"))

    with WriterLock(store, on_wait=lambda msg: sink(Problem("neo4j", msg, skipped=False))):
        diffs = _check_settings(store, wanted, opts.change_settings)  # again, now that we write
        _warn_replaced(store, spool, sink)
        written = store.put_articles(read_jsonl(spool), _config(opts), rejected)
        if any(k in ("model", "places") for k, _ in diffs):
            written += _reextract(store, spool, opts, rejected)
        store.write_settings(wanted)
        return {"articles_written": written, "sync": sync_store(store, opts.window, rules), "changed": diffs}


def _config(opts: BuildOptions) -> str:
    return f"{opts.model}|places={opts.keep_places}|{__version__}"


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
    return store.put_articles(redone, _config(opts), rejected)


def remove_articles(
    ids: list[str],
    neo4j: Neo4jSettings,
    window: str | None = None,
    aliases: str | Path | None = None,
    change_settings: bool = False,
) -> tuple[list[str], SyncStats]:
    """Take articles out of the Neo4j graph with everything they contributed.

    ``window`` and ``aliases`` default to the graph's recorded settings; different ones are
    an error unless ``change_settings``. Returns the ids that were not found and the sync
    statistics.
    """
    rules = _rules(aliases)
    with _open_store(neo4j) as store, WriterLock(store):
        stored = store.read_settings() or {}
        wanted = {**stored, "window": window or stored.get("window") or "sentence"}
        if aliases is not None:
            given = graph_settings(wanted["window"], _alias_text(aliases), Path(aliases).name, "", False)
            wanted.update({k: given[k] for k in ("aliases", "aliases_sha", "aliases_file")})
        elif stored.get("aliases"):
            rules = parse_aliases(stored["aliases"], f"the graph's alias rules ({stored.get('aliases_file')})")
        _check_settings(store, wanted, change_settings, keys=("window", "aliases"))
        missing = store.remove_articles(ids)
        if stored:
            store.write_settings(wanted)
        return missing, sync_store(store, wanted["window"], rules)


def load_graph(
    build_dir: str | Path, since: str | None = None, until: str | None = None, provenance: bool = False
) -> Graph:
    """The graph an earlier build into ``build_dir`` wrote; with ``since`` / ``until``
    (days, inclusive), the graph of the articles published in that period. With
    ``provenance``, the graph keeps its Article nodes and MENTIONS edges (titles, links and
    dates of the articles behind each entity), whatever the build's GraphML holds.

    A period's graph is rebuilt from the articles' stored extractions (resolution, weights
    and evidence counted in the period only), so it equals building only those articles.
    """
    since, until = period(since, until)
    folder = Path(build_dir)
    path = folder / "graph.graphml"
    if not path.is_file():
        raise InputError(f"no graph at {path}; fix: build into {build_dir} first, or read another build folder")
    arts, cfg = folder / ARTICLES_FILE, folder / BUILD_FILE
    kept = arts.is_file() and cfg.is_file()
    if since is None and until is None and not (provenance and kept):
        return graphml.read(path)  # an older build folder without extractions: its GraphML as it is
    if not kept:
        raise InputError(
            f"{build_dir} has no {ARTICLES_FILE} (built by an older graphbuild); fix: build it again to cut it by date"
        )
    settings = read_json(cfg)
    rules = AliasRules(**settings["aliases"]) if settings.get("aliases") else None
    return resolve_and_relate(
        lambda: period_extractions(read_spool(arts), since, until), settings.get("window", "sentence"), rules
    )


def load_graph_from_neo4j(
    neo4j: Neo4jSettings,
    since: str | None = None,
    until: str | None = None,
    window: str = "sentence",
    aliases: str | Path | None = None,
    *,
    focus: str | None = None,
    depth: int = 1,
    min_weight: int = 1,
) -> Graph:
    """The graph stored in Neo4j; with ``since`` / ``until``, the graph of the stored
    articles published in that period, rebuilt from their extractions like
    :func:`load_graph` (``window`` and ``aliases`` as the graph was built with). With
    ``focus`` (and no period), only the neighbourhood a focused export keeps (``depth``
    hops over relations of at least ``min_weight``), read through the indexes instead of
    reading the whole graph."""
    since, until = period(since, until)
    with _open_store(neo4j) as store:
        if since is None and until is None:
            if focus is not None:
                return store.read_focus(focus, depth, min_weight)
            return store.read_graph()
        rules = _rules(aliases)
        return resolve_and_relate(lambda: (codec.from_dict(d) for d in store.extractions(since, until)), window, rules)


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
    since: str | None = None,
    until: str | None = None,
    window: str = "sentence",
    aliases: str | Path | None = None,
) -> list[Path]:
    """Write the graph of an earlier build (``build_dir``) or of Neo4j (``neo4j``) as
    ``fmt`` (graphml, gexf: a file; csv: a folder of tables) and return what was written.

    ``focus``/``depth`` keep an entity's neighbourhood, ``min_weight`` drops lighter
    relations; Article nodes and MENTIONS edges only with ``articles``; ``mixed`` gives
    GraphML per-edge directions (see :func:`graphbuild.writers.graphml.write`).
    ``since``/``until`` give the graph of that period (see :func:`load_graph`; ``window``
    and ``aliases`` are the Neo4j graph's, a build folder keeps its own).
    """
    from graphbuild.graph.model import ARTICLE
    from graphbuild.writers import csv, gexf

    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; fix: use one of {', '.join(EXPORT_FORMATS)}")
    if neo4j is not None:
        # a focus reads only its neighbourhood
        graph = load_graph_from_neo4j(
            neo4j, since, until, window, aliases, focus=focus, depth=depth, min_weight=min_weight
        )
    else:
        graph = load_graph(build_dir or "graphbuild-out", since, until)
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
        except Refused as exc:
            raise Refused(
                f"query {q.name} is refused in read-only mode: {exc}; fix: allow writes if that is intended",
                setting="write",
            ) from None
        except StoreError as exc:
            if not write and ("AccessMode" in str(exc) or "read access mode" in str(exc).lower()):
                raise StoreError(
                    f"query {q.name} writes to the database; fix: allow writes if that is intended", setting="write"
                ) from None
            raise
        if not rows:
            queries.check_entities(q, bound, lambda text, p: store.query(text, p))
    return QueryResult(q, keys, rows)


@dataclass
class ReviewResult:
    """What :func:`review_graph` found: ranked findings (all of them, or the first
    ``limit``), how many there were in all, and the active rules written (if asked)."""

    findings: list[Finding]
    total: int
    active_written: int | None = None


def review_graph(
    build_dir: str | Path | None = None,
    neo4j: Neo4jSettings | None = None,
    write_aliases: str | Path | None = None,
    limit: int | None = None,
) -> ReviewResult:
    """Review the graph of a build folder (or of Neo4j when ``neo4j`` is given): probable
    duplicates, wrong types and junk, ranked; optionally write a draft alias file of all
    findings (confident rules active, the others commented out)."""
    graph = load_graph_from_neo4j(neo4j) if neo4j is not None else load_graph(build_dir or "graphbuild-out")
    findings = review(graph)
    written = None
    if write_aliases is not None:
        target = Path(write_aliases)
        if not target.parent.is_dir():
            raise InputError(f"no folder {target.parent} for the alias file; fix: create it or write elsewhere")
        written = aliasfile.write(target, findings)
    shown = findings if limit is None else findings[:limit]
    return ReviewResult(shown, len(findings), written)
