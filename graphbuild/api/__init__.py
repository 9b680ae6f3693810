"""Library entry points, one per CLI command (the CLI only parses, calls one of these, prints).

Each function takes plain values (paths, :class:`BuildOptions`, Neo4j settings) and returns
a result value; problems with the input are reported through ``on_problem`` and collected
in the result, never printed here. One module per kind of command: :mod:`.build`,
:mod:`.store` (the Neo4j graph's own commands), :mod:`.export` (reading a graph back and
exporting it), :mod:`.query` (library queries and review).
"""

from graphbuild.api.build import build_files, write_build
from graphbuild.api.common import ARTICLES_FILE, BUILD_FILE, period
from graphbuild.api.export import EXPORT_FORMATS, export_graph, load_graph, load_graph_from_neo4j
from graphbuild.api.query import QueryResult, ReviewResult, review_graph, run_query
from graphbuild.api.store import check_store, rebuild_store, remove_articles, sync_store
from graphbuild.pipeline.run import BuildOptions, BuildResult, BuildSummary

__all__ = [
    "ARTICLES_FILE",
    "BUILD_FILE",
    "EXPORT_FORMATS",
    "BuildOptions",
    "BuildResult",
    "BuildSummary",
    "QueryResult",
    "ReviewResult",
    "build_files",
    "check_store",
    "export_graph",
    "load_graph",
    "load_graph_from_neo4j",
    "period",
    "rebuild_store",
    "remove_articles",
    "review_graph",
    "run_query",
    "sync_store",
    "write_build",
]
