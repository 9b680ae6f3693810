"""What every command shares: the app, printing, mapping library errors to exit codes and
options, the Neo4j connection options, the progress bar and the options that read a graph."""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

import typer

from graphbuild.errors import GraphbuildError, printable

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


def err(msg: str) -> None:
    """One line on stderr, prefixed with the program's name."""
    # every message passes here: escape sequences in file names never reach the terminal
    # raw, and a password in a URI is never shown
    typer.echo(f"graphbuild: {printable(msg)}", err=True)


def say(line: str) -> None:
    """One line on stdout, escape sequences made printable."""
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


def fail(exc: GraphbuildError) -> None:
    """Report a library error (naming the option that changes its setting) and exit."""
    flag = _OPTION_OF.get(exc.setting or "")
    hint = f" (option {flag})" if flag else ""
    if exc.setting in _GRAPH_SETTINGS:
        hint = f" (option {flag}; add --change-settings to change the graph's settings)"
    err(f"error: {exc}{hint}")
    raise typer.Exit(exc.exit_code)


def _neo4j_settings(uri, user, password, database):
    """Connection settings; the password comes from the environment or a hidden prompt."""
    import os

    from graphbuild.store.neo4j import Neo4jSettings

    if password is not None:
        err(
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


def filled_by_neo4j_options():
    """The default of a command's ``neo4j`` argument; @neo4j_options replaces it."""
    raise AssertionError("the command lacks @neo4j_options")


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Callable[[int], None] | None]:
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


# Options of the commands that read an earlier graph (export, review).
FROM = typer.Option(Path("graphbuild-out"), "--from", help="Earlier build's --out folder.")
FROM_NEO4J = typer.Option(False, "--from-neo4j", help="Read the graph from Neo4j instead.")
FOCUS = typer.Option(None, help="Only the neighbourhood of this entity (name or id).")
DEPTH = typer.Option(1, help="Hops around --focus.")
SINCE = typer.Option(None, help="The graph of the articles published on or after this day (YYYY-MM-DD).")
UNTIL = typer.Option(None, help="The graph of the articles published on or before this day (YYYY-MM-DD).")
WINDOW = typer.Option(Window.sentence, help="With --from-neo4j and a period: the co-mention window of the graph.")
ALIASES = typer.Option(None, help="With --from-neo4j and a period: the alias file of the graph.")


ARTICLES = typer.Option(False, "--articles", help="Also the Article nodes and MENTIONS edges (provenance).")
MIN_WEIGHT = typer.Option(1, help="Leave out edges lighter than this.")
