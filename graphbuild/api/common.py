"""What the library entry points share: alias rules, recorded graph settings, opening the
store, checking a period, and the files a build folder keeps besides its graph."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from graphbuild.entities.aliases import AliasRules, load_aliases
from graphbuild.errors import InputError
from graphbuild.ingest import dates
from graphbuild.pipeline.run import BuildOptions
from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore
from graphbuild.store.settings import KEYS, describe, differences, graph_settings
from graphbuild.version import __version__

# What a build folder keeps besides the graph, so that a period can be cut from it exactly:
# every article's lossless extraction, and the settings the graph was built with.
ARTICLES_FILE = "articles.jsonl.gz"
BUILD_FILE = "build.json"


def alias_rules(aliases: str | Path | None) -> AliasRules | None:
    """The user's alias rules from the file ``aliases``, if one is given."""
    return None if aliases is None else load_aliases(aliases)


def alias_text(aliases: str | Path | None) -> str | None:
    """The alias file's text (read after :func:`alias_rules` has checked the file)."""
    return None if aliases is None else Path(aliases).read_text(encoding="utf-8-sig")


def wanted_settings(opts: BuildOptions) -> dict:
    """The graph settings a build with ``opts`` records in (and expects of) the store."""
    name = None if opts.aliases is None else Path(opts.aliases).name
    return graph_settings(opts.window, alias_text(opts.aliases), name, str(opts.model), opts.keep_places)


def check_settings(store: Neo4jStore, wanted: dict, change: bool, keys=KEYS) -> list[tuple[str, str]]:
    """The differences between the graph's recorded settings and ``wanted``; an error when
    there are any and ``change`` was not asked for."""
    diffs = differences(store.read_settings(), wanted, keys)
    if diffs and not change:
        raise InputError(
            f"the Neo4j graph was built with other settings ({describe(diffs)}); fix: use the graph's "
            "settings, or ask to change them (the whole graph is then recomputed with the new ones)",
            setting=diffs[0][0],
        )
    return diffs


def with_model(opts: BuildOptions) -> BuildOptions:
    """``opts`` with the model named (the default pipeline when none was asked for)."""
    if opts.model is not None:
        return opts
    from graphbuild.nlp.parser import default_model

    return replace(opts, model=default_model())


def open_store(settings: Neo4jSettings) -> Neo4jStore:
    """A connected store, its server checked; closed again when the check fails."""
    store = Neo4jStore(settings)
    try:
        store.verify()
    except Exception:
        store.close()
        raise
    return store


def period(since: str | None = None, until: str | None = None) -> tuple[str | None, str | None]:
    """Check and normalise a period's bounds to days (``YYYY-MM-DD``); raises InputError."""
    out = []
    for name, value in (("since", since), ("until", until)):
        try:
            out.append(dates.bound(value))
        except ValueError:
            raise InputError(
                f"{name} {value!r} is not a date; fix: give a day such as 2026-03-01", setting=name
            ) from None
    if out[0] and out[1] and out[0] > out[1]:
        raise InputError(f"the period starts ({out[0]}) after it ends ({out[1]}); fix: swap the dates", setting="since")
    return out[0], out[1]


def store_config(opts: BuildOptions) -> str:
    """What an article's stored extraction was made with (model, places, version)."""
    return f"{opts.model}|places={opts.keep_places}|{__version__}"
