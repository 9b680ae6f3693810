"""Running a library query against Neo4j, and reviewing a graph for a human."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graphbuild.api.export import load_graph, load_graph_from_neo4j
from graphbuild.entities.review import Finding, review
from graphbuild.errors import InputError, StoreError
from graphbuild.store import queries
from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore, Refused
from graphbuild.store.queries import Query
from graphbuild.writers import aliasfile


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
