"""Library entry points, one per CLI command (the CLI only parses and prints)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import InputError
from .ingest import read_articles
from .model import Graph, Problem
from .pipeline import BuildOptions, BuildResult, build
from .writers import graphml, html


def _progress_bar(enabled: bool):
    if not enabled:
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    import sys

    bar = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                   TimeElapsedColumn(), transient=True, console=None, disable=not sys.stderr.isatty())
    return bar, bar.add_task("extract", total=None)


def build_files(inputs: Iterable[str], out: str | Path, *, model: str | None = None,
                window: str = "sentence", aliases: str | Path | None = None,
                keep_places: bool = False, workers: int = 1, min_weight: int = 1,
                on_problem: Callable[[Problem], None] | None = None,
                show_progress: bool = False) -> BuildResult:
    """Read ``inputs``, build the graph, write GraphML, HTML and extractions into ``out``."""
    problems: list[Problem] = []

    def sink(p: Problem) -> None:
        problems.append(p)
        if on_problem:
            on_problem(p)

    rules = None
    if aliases is not None:
        from .aliases import load_aliases

        rules = load_aliases(aliases)
    opts = BuildOptions(model=model, window=window, keep_places=keep_places, workers=workers,
                        aliases=rules)
    if opts.model is None:
        from .nlp import default_model

        opts.model = default_model()
    bar, task = _progress_bar(show_progress)
    articles = read_articles(inputs, sink)
    if bar is not None:
        with bar:
            result = build(articles, opts, out, progress=lambda n: bar.advance(task, n))
    else:
        result = build(articles, opts, out)
    result.problems = problems
    out = Path(out)
    graphml.write(result.graph, out / "graph.graphml")
    html.write(result.graph, out / "graph.html", min_weight=min_weight)
    return result


def load_graph(build_dir: str | Path) -> Graph:
    """The graph an earlier ``graphbuild build --out build_dir`` wrote."""
    path = Path(build_dir) / "graph.graphml"
    if not path.is_file():
        raise InputError(f"no graph at {path}; fix: run 'graphbuild build INPUT --out {build_dir}' first")
    return graphml.read(path)
