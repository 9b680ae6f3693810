"""`graphbuild export FORMAT`: GraphML, GEXF, CSV and HTML from a build folder or Neo4j."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from graphbuild.cli.common import (
    ALIASES,
    ARTICLES,
    DEPTH,
    FOCUS,
    FROM,
    FROM_NEO4J,
    MIN_WEIGHT,
    SINCE,
    UNTIL,
    WINDOW,
    Window,
    app,
    fail,
    filled_by_neo4j_options,
    neo4j_options,
)
from graphbuild.errors import GraphbuildError

export_app = typer.Typer(help="Export an earlier build's graph to another format.", no_args_is_help=True)
app.add_typer(export_app, name="export")


def _export(fmt: str, out: Path, neo4j: Callable | None, **kw) -> None:
    from graphbuild.api import export_graph

    try:
        written = export_graph(fmt, out, neo4j=neo4j() if neo4j else None, **kw)
    except GraphbuildError as exc:
        fail(exc)
    typer.echo("wrote " + ", ".join(map(str, written)))


@export_app.command("graphml")
@neo4j_options
def export_graphml(
    out: Path = typer.Argument(..., help="GraphML file to write."),
    build_dir: Path = FROM,
    from_neo4j: bool = FROM_NEO4J,
    articles: bool = ARTICLES,
    mixed: bool = typer.Option(
        False,
        "--mixed",
        help="Mark co-mentions undirected per edge (Gephi, Cytoscape and yEd read it; networkx cannot).",
    ),
    min_weight: int = MIN_WEIGHT,
    focus: str | None = FOCUS,
    depth: int = DEPTH,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    window: Window = WINDOW,
    aliases: Path | None = ALIASES,
    neo4j: Callable = filled_by_neo4j_options,
) -> None:
    """Write the graph as GraphML (Gephi, Cytoscape, yEd, networkx, igraph).

    The entities and their relations; name as label, type as 'type'."""
    _export(
        "graphml",
        out,
        neo4j if from_neo4j else None,
        build_dir=build_dir,
        articles=articles,
        mixed=mixed,
        min_weight=min_weight,
        focus=focus,
        depth=depth,
        since=since,
        until=until,
        window=window.value,
        aliases=aliases,
    )


@export_app.command("gexf")
@neo4j_options
def export_gexf(
    out: Path = typer.Argument(..., help="GEXF file to write."),
    build_dir: Path = FROM,
    from_neo4j: bool = FROM_NEO4J,
    articles: bool = ARTICLES,
    min_weight: int = MIN_WEIGHT,
    focus: str | None = FOCUS,
    depth: int = DEPTH,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    window: Window = WINDOW,
    aliases: Path | None = ALIASES,
    neo4j: Callable = filled_by_neo4j_options,
) -> None:
    """Write the graph as GEXF, Gephi's own format.

    Co-mentions undirected, said-about directed, typed attributes."""
    _export(
        "gexf",
        out,
        neo4j if from_neo4j else None,
        build_dir=build_dir,
        articles=articles,
        min_weight=min_weight,
        focus=focus,
        depth=depth,
        since=since,
        until=until,
        window=window.value,
        aliases=aliases,
    )


@export_app.command("csv")
@neo4j_options
def export_csv(
    out: Path = typer.Argument(..., help="Folder to write nodes.csv, edges.csv and quotes.csv into."),
    build_dir: Path = FROM,
    from_neo4j: bool = FROM_NEO4J,
    articles: bool = ARTICLES,
    min_weight: int = MIN_WEIGHT,
    focus: str | None = FOCUS,
    depth: int = DEPTH,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    window: Window = WINDOW,
    aliases: Path | None = ALIASES,
    neo4j: Callable = filled_by_neo4j_options,
) -> None:
    """Write the graph as CSV tables for spreadsheets, pandas and Cytoscape.

    nodes.csv, edges.csv and quotes.csv (speaker, target, quote, cue, article)."""
    _export(
        "csv",
        out,
        neo4j if from_neo4j else None,
        build_dir=build_dir,
        articles=articles,
        min_weight=min_weight,
        focus=focus,
        depth=depth,
        since=since,
        until=until,
        window=window.value,
        aliases=aliases,
    )


@export_app.command("html")
@neo4j_options
def export_html(
    out: Path = typer.Argument(..., help="HTML file to write."),
    build_dir: Path = FROM,
    min_weight: int = typer.Option(1, help="Hide edges lighter than this."),
    focus: str | None = FOCUS,
    depth: int = DEPTH,
    from_neo4j: bool = FROM_NEO4J,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    window: Window = WINDOW,
    aliases: Path | None = ALIASES,
    neo4j: Callable = filled_by_neo4j_options,
) -> None:
    """Write an interactive HTML view of an earlier build's graph (or of Neo4j)."""
    from graphbuild.writers import html

    try:
        graph = _load(build_dir, from_neo4j, neo4j, since, until, window, aliases, provenance=True)
        html.write(graph, out, min_weight=min_weight, focus=focus, depth=depth)
    except GraphbuildError as exc:
        fail(exc)
    typer.echo(f"wrote {out}")


def _load(
    build_dir: Path, from_neo4j: bool, neo4j: Callable, since, until, window: Window, aliases, provenance: bool = False
):
    from graphbuild.api import load_graph, load_graph_from_neo4j

    if from_neo4j:
        return load_graph_from_neo4j(neo4j(), since, until, window.value, aliases)
    return load_graph(build_dir, since, until, provenance)
