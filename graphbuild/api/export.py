"""Reading a graph back (a build folder or Neo4j, whole, by period or around a focus) and
exporting it to GraphML, GEXF or CSV."""

from __future__ import annotations

from pathlib import Path

from graphbuild.api.common import ARTICLES_FILE, BUILD_FILE, alias_rules, open_store, period
from graphbuild.entities.aliases import AliasRules
from graphbuild.errors import InputError
from graphbuild.graph import codec
from graphbuild.graph.model import Graph
from graphbuild.pipeline.run import period_extractions, read_spool, resolve_and_relate
from graphbuild.store.neo4j import Neo4jSettings
from graphbuild.writers import graphml
from graphbuild.writers.jsonl import read_json


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
    with open_store(neo4j) as store:
        if since is None and until is None:
            if focus is not None:
                return store.read_focus(focus, depth, min_weight)
            return store.read_graph()
        rules = alias_rules(aliases)
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
