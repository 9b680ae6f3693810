"""`graphbuild query`, `graphbuild review` and `graphbuild version`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import List

import typer

from graphbuild.cli.common import (
    FROM,
    FROM_NEO4J,
    app,
    fail,
    filled_by_neo4j_options,
    neo4j_options,
)
from graphbuild.errors import GraphbuildError
from graphbuild.store.queries import Format
from graphbuild.version import __version__


@app.command(context_settings={"help_option_names": []})
@neo4j_options
def query(
    ctx: typer.Context,
    query: str | None = typer.Argument(
        None,
        help="A library query name (top-entities, said-about, shortest-path, ...), "
        "or the path of a .cypher file (./queries/x.cypher).",
        show_default=False,
    ),
    param: List[str] = typer.Option(
        [],
        "--param",
        "-p",
        metavar="NAME=VALUE",
        help='A query parameter; VALUE is JSON when it parses (5, true, [1,2], "007"), else text. Repeatable.',
    ),
    fmt: Format = typer.Option(
        Format.table,
        "--format",
        "-f",
        help="Output: aligned table (long cells cut), JSON array of objects, or CSV with a header row.",
    ),
    write: bool = typer.Option(False, "--write", help="Run in a write transaction (default: read-only)."),
    list_: bool = typer.Option(False, "--list", "-l", help="List the queries: purpose and parameters."),
    show_help: bool = typer.Option(
        False, "--help", "-h", help="Show this message, or with QUERY that query's parameters and example."
    ),
    neo4j: Callable = filled_by_neo4j_options,
) -> None:
    """Run a Cypher query from the query library (or a file) against the Neo4j graph.
    `graphbuild query --list` lists them; `graphbuild query NAME --help` explains one."""
    from graphbuild.store import queries

    try:
        if list_:
            typer.echo(queries.listing(queries.catalog()), nl=False)
            return
        if show_help or query is None:
            typer.echo(queries.usage(queries.load(query)) if query else ctx.get_help(), nl=not query)
            return
        from graphbuild.api import run_query

        result = run_query(query, param, neo4j(), write=write)
        typer.echo(queries.format_rows(result.keys, result.rows, fmt.value), nl=False)
    except GraphbuildError as exc:
        fail(exc)


@app.command()
@neo4j_options
def review(
    build_dir: Path = FROM,
    from_neo4j: bool = FROM_NEO4J,
    top: int = typer.Option(50, "--top", help="Show this many findings (0: all)."),
    write_aliases: Path | None = typer.Option(
        None, "--write-aliases", help="Write a draft alias file for build --aliases (confident rules active)."
    ),
    neo4j: Callable = filled_by_neo4j_options,
) -> None:
    """List what most likely needs a human: probable duplicates, wrong types and junk."""
    from graphbuild.api import review_graph

    try:
        res = review_graph(build_dir, neo4j() if from_neo4j else None, write_aliases, top or None)
    except GraphbuildError as exc:
        fail(exc)
    for n, f in enumerate(res.findings, 1):
        typer.echo(f"{n:3}. {f.kind}: {f.reason}")
        typer.echo(f"     {'rule' if f.confident else 'suggest'}: {f.rule}")
        for line in f.evidence[:3]:
            typer.echo(f"     | {line}")
    typer.echo(f"{len(res.findings)} of {res.total} findings shown")
    if write_aliases is not None:
        typer.echo(
            f"wrote {write_aliases} ({res.active_written} active rules, {res.total - (res.active_written or 0)} commented)"
        )


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)
