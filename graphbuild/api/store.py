"""The Neo4j graph's own commands: recomputing it, and taking articles out of it."""

from __future__ import annotations

from pathlib import Path

from graphbuild.api.common import alias_rules, alias_text, check_settings, open_store
from graphbuild.entities.aliases import AliasRules, parse_aliases
from graphbuild.graph import codec
from graphbuild.pipeline.run import resolve_and_relate
from graphbuild.store.lock import WriterLock
from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore, SyncStats
from graphbuild.store.settings import graph_settings


def sync_store(store: Neo4jStore, window: str, rules: AliasRules | None) -> SyncStats:
    """Recompute the corpus graph from every article the store holds and sync it."""
    graph = resolve_and_relate(lambda: (codec.from_dict(d) for d in store.extractions()), window, rules)
    return store.sync(graph)


def remove_articles(
    ids: list[str],
    neo4j: Neo4jSettings,
    window: str | None = None,
    aliases: str | Path | None = None,
    change_settings: bool = False,
) -> tuple[list[str], SyncStats]:
    """Take articles out of the Neo4j graph with everything they contributed.

    ``window`` and ``aliases`` default to the graph's recorded settings; different ones are
    an error unless ``change_settings``. Returns the ids that were not found and the sync
    statistics.
    """
    rules = alias_rules(aliases)
    with open_store(neo4j) as store, WriterLock(store):
        stored = store.read_settings() or {}
        wanted = {**stored, "window": window or stored.get("window") or "sentence"}
        if aliases is not None:
            given = graph_settings(wanted["window"], alias_text(aliases), Path(aliases).name, "", False)
            wanted.update({k: given[k] for k in ("aliases", "aliases_sha", "aliases_file")})
        elif stored.get("aliases"):
            rules = parse_aliases(stored["aliases"], f"the graph's alias rules ({stored.get('aliases_file')})")
        check_settings(store, wanted, change_settings, keys=("window", "aliases"))
        missing = store.remove_articles(ids)
        if stored:
            store.write_settings(wanted)
        return missing, sync_store(store, wanted["window"], rules)
