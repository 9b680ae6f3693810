"""The notebook API behind ``graphbuild.build`` and ``graphbuild.load``: a built graph with
ways to look at it (networkx) and to write it (GraphML, GEXF, CSV, HTML)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graphbuild.graph import convert
from graphbuild.graph.model import ARTICLE, CO_MENTIONED, SAID_ABOUT, Graph, Problem

if TYPE_CHECKING:
    import networkx as nx


@dataclass
class KnowledgeGraph:
    """A graph of entities (people, countries, organizations) and their relations."""

    graph: Graph
    problems: list[Problem] = field(default_factory=list)

    def __repr__(self) -> str:
        ents = sum(n.label != ARTICLE for n in self.graph.nodes.values())
        co = sum(e.type == CO_MENTIONED for e in self.graph.edges.values())
        said = sum(e.type == SAID_ABOUT for e in self.graph.edges.values())
        return f"<KnowledgeGraph: {ents} entities, {co} co-mentions, {said} said-about>"

    def to_networkx(self, articles: bool = False) -> nx.MultiDiGraph:
        """Entities and relations as a networkx ``MultiDiGraph`` (node ``label`` = name,
        ``type`` = Person/Country/...; each edge's ``type``, ``weight``, ``directed``; lists
        as lists). Article nodes and MENTIONS edges only if ``articles``."""
        return convert.to_networkx(self.graph, articles)

    def co_mentions(self) -> nx.Graph:
        """The co-mention network as an undirected networkx ``Graph``."""
        return convert.co_mentions(self.graph)

    def said_about(self) -> nx.DiGraph:
        """Speaker -> target as a networkx ``DiGraph``."""
        return convert.said_about(self.graph)

    def write_graphml(self, path: str | Path, articles: bool = False, mixed: bool = False) -> Path:
        """Write GraphML (see :func:`graphbuild.writers.graphml.write`)."""
        from graphbuild.writers import graphml

        return graphml.write(self.graph, path, articles=articles, mixed=mixed)

    def write_gexf(self, path: str | Path, articles: bool = False) -> Path:
        """Write GEXF for Gephi (see :func:`graphbuild.writers.gexf.write`)."""
        from graphbuild.writers import gexf

        return gexf.write(self.graph, path, articles=articles)

    def write_csv(self, folder: str | Path, articles: bool = False) -> list[Path]:
        """Write nodes.csv, edges.csv and quotes.csv into ``folder``."""
        from graphbuild.writers import csv

        return csv.write(self.graph, folder, articles=articles)


def build(
    inputs: str | Path | Iterable[str | Path], out: str | Path | None = None, *, neo4j=None, **options
) -> KnowledgeGraph:
    """Build the graph of ``inputs`` (files, folders, .jsonl; one or a list).

    With ``out``, the build's files (graph.graphml, graph.html, extractions.jsonl) are
    written there as ``graphbuild build`` does; without, nothing is kept on disk.
    ``options`` are the fields of :class:`graphbuild.api.BuildOptions` (``window``,
    ``aliases``, ``keep_places``, ``workers``, ``model`` ...); ``neo4j`` (settings) also
    stores the articles in Neo4j.

    The graph is held in memory whole (Article nodes and MENTIONS edges included), so its
    memory grows with the corpus; ``graphbuild build`` (:func:`graphbuild.api.write_build`)
    writes the same files without holding what is per article.
    """
    from graphbuild.api import BuildOptions, build_files

    paths = [str(inputs)] if isinstance(inputs, (str, Path)) else [str(p) for p in inputs]
    if out is not None:
        result = build_files(paths, out, BuildOptions(**options), neo4j=neo4j)
    else:
        with tempfile.TemporaryDirectory(prefix="graphbuild-") as tmp:
            opts = BuildOptions(**{"write_html": False, **options})
            result = build_files(paths, tmp, opts, neo4j=neo4j)
    return KnowledgeGraph(result.graph, result.problems)


def load(source: str | Path = "graphbuild-out", *, neo4j=None) -> KnowledgeGraph:
    """The graph of an earlier build: ``source`` is its output folder or a GraphML file;
    with ``neo4j`` (``True`` for the NEO4J_* environment, or
    :class:`~graphbuild.store.neo4j.Neo4jSettings`), the graph stored in Neo4j instead."""
    from graphbuild import api

    if neo4j is not None and neo4j is not False:
        from graphbuild.store.neo4j import Neo4jSettings

        return KnowledgeGraph(api.load_graph_from_neo4j(Neo4jSettings() if neo4j is True else neo4j))
    path = Path(source)
    if path.is_file():
        from graphbuild.writers import graphml

        return KnowledgeGraph(graphml.read(path))
    return KnowledgeGraph(api.load_graph(path))
