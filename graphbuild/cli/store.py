"""`graphbuild store rebuild` and `graphbuild store check`: the Neo4j graph's upkeep."""

from __future__ import annotations

from collections.abc import Callable

import typer

from graphbuild.cli.common import app, fail, filled_by_neo4j_options, neo4j_options, say
from graphbuild.errors import GraphbuildError

store_app = typer.Typer(help="Recompute or check the graph stored in Neo4j.", no_args_is_help=True)
app.add_typer(store_app, name="store")


@store_app.command("rebuild")
@neo4j_options
def rebuild(neo4j: Callable = filled_by_neo4j_options) -> None:
    """Recompute the whole stored graph with its recorded settings.

    For after an upgrade, or to repair a hand-edited graph: every node and relationship is rewritten."""
    from graphbuild.api import rebuild_store

    try:
        sync = rebuild_store(neo4j())
    except GraphbuildError as exc:
        fail(exc)
    typer.echo(f"rebuilt: {sync.total_written} nodes/relationships written, {sync.deleted} deleted")


@store_app.command("check")
@neo4j_options
def check(neo4j: Callable = filled_by_neo4j_options) -> None:
    """Compare the stored graph with a recompute; exit 1 when they differ.

    Reads every stored article, recomputes the graph in memory, writes nothing, lists the differences."""
    from graphbuild.api import check_store

    try:
        diffs = check_store(neo4j())
    except GraphbuildError as exc:
        fail(exc)
    if not diffs:
        typer.echo("ok: the stored graph equals a fresh build of its articles")
        return
    for line in diffs:
        say(line)
    typer.echo("the stored graph differs from a fresh build; fix: graphbuild store rebuild", err=True)
    raise typer.Exit(1)
