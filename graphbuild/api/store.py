"""The Neo4j graph's own commands: storing articles, taking them out, recomputing the graph
and checking it against a recompute."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path

from graphbuild.api.common import alias_rules, alias_text, check_settings, open_store
from graphbuild.entities.aliases import AliasRules, parse_aliases
from graphbuild.errors import InputError
from graphbuild.graph import codec
from graphbuild.graph.model import Graph
from graphbuild.pipeline.run import resolve_and_relate
from graphbuild.store import compare, incremental
from graphbuild.store import rows as R
from graphbuild.store.kept import Kept
from graphbuild.store.lock import WriterLock
from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore, SyncStats
from graphbuild.store.settings import graph_settings


def recompute(store: Neo4jStore, window: str, rules: AliasRules | None) -> Graph:
    """The corpus graph of every article the store holds, recomputed from their extractions."""
    return resolve_and_relate(lambda: (codec.from_dict(d) for d in store.extractions()), window, rules)


def sync_store(store: Neo4jStore, window: str, rules: AliasRules | None, force: bool = False) -> SyncStats:
    """Recompute the corpus graph from every article the store holds and sync it (with
    what incremental steps keep)."""
    return incremental.full_sync(store, store.extractions, window, rules, force=force)


def store_extractions(
    store: Neo4jStore,
    extractions: Callable[[], Iterable[dict]],
    config: str,
    window: str,
    rules: AliasRules | None,
    on_rejected: Callable[[str, str], None] | None = None,
) -> tuple[int, SyncStats]:
    """Store new or changed articles (``extractions()``, ``codec.to_dict`` form) and bring
    the graph up to date: by an incremental step when few articles change and the store
    keeps what it needs, else by a full recompute. Returns how many articles were written
    and the sync statistics. The caller holds the writer lock."""
    st = incremental.usable(store, window)
    if st is None:
        return store.put_articles(extractions(), config, on_rejected), sync_store(store, window, rules)
    kept = Kept(store)
    changed, rows, source = [], [], iter(extractions())
    for batch in _chunks(source, 500):
        hashes = kept.article_hashes([x["article_id"] for x in batch])
        for x in batch:
            row = R.article_row(x, config)
            if hashes.get(row["id"]) != row["hash"]:
                changed.append(x)
                rows.append(row)
        if len(changed) > STEP_ARTICLES:  # a bulk load: the batched full path is faster
            written = store.put_articles(chain(changed, source), config, on_rejected)
            return written, sync_store(store, window, rules)
    if not changed:
        return 0, SyncStats()
    refused: set[str] = set()

    def put() -> set[str]:
        def reject(aid: str, why: str) -> None:
            refused.add(aid)
            if on_rejected is not None:
                on_rejected(aid, why)

        store._put(rows, reject)
        return refused

    olds = kept.extractions([x["article_id"] for x in changed])
    stats = incremental.step(store, st, olds, changed, window, rules, put)
    return len(rows) - len(refused), stats if stats is not None else sync_store(store, window, rules)


STEP_ARTICLES = 2000  # more new or changed articles than this go the full path


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(islice(items, size)):
        yield batch


def recorded_rules(stored: dict | None) -> AliasRules | None:
    """The alias rules recorded with a graph, if any."""
    if not stored or not stored.get("aliases"):
        return None
    return parse_aliases(stored["aliases"], f"the graph's alias rules ({stored.get('aliases_file')})")


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
        else:
            rules = recorded_rules(stored)
        diffs = check_settings(store, wanted, change_settings, keys=("window", "aliases"))
        if stored:
            store.write_settings(wanted)
        if diffs:
            return store.remove_articles(ids), sync_store(store, wanted["window"], rules)
        return drop_articles(store, ids, wanted["window"], rules)


def drop_articles(
    store: Neo4jStore, ids: list[str], window: str, rules: AliasRules | None
) -> tuple[list[str], SyncStats]:
    """Delete stored articles and bring the graph up to date; returns the ids that were not
    stored and the sync statistics. The caller holds the writer lock."""
    st = incremental.usable(store, window)
    if st is None:
        return store.remove_articles(ids), sync_store(store, window, rules)
    olds = Kept(store).extractions(ids)
    missing = [i for i in ids if i not in olds]
    if not olds:
        return missing, SyncStats()
    stats = incremental.step(store, st, olds, [], window, rules, lambda: set(store.remove_articles(list(olds))))
    return missing, stats if stats is not None else sync_store(store, window, rules)


def _recorded(store: Neo4jStore) -> tuple[str, AliasRules | None]:
    stored = store.read_settings()
    if stored is None and store.counts()["articles"]:
        raise InputError(
            "the Neo4j graph records no build settings; fix: build into it once with this "
            "version (graphbuild build ... with the Neo4j options) so they are recorded"
        )
    return (stored or {}).get("window") or "sentence", recorded_rules(stored)


def rebuild_store(neo4j: Neo4jSettings) -> SyncStats:
    """Recompute the whole stored graph from the stored articles with the graph's recorded
    settings (after an upgrade, or to repair it) and write every row again."""
    with open_store(neo4j) as store, WriterLock(store):
        window, rules = _recorded(store)
        return sync_store(store, window, rules, force=True)


def check_store(neo4j: Neo4jSettings, limit: int = 20) -> list[str]:
    """Compare the stored graph with a recompute from the stored articles; returns the
    differences, one line each (empty: the graph is what a fresh build gives). Writes
    nothing to the graph."""
    with open_store(neo4j) as store:
        window, rules = _recorded(store)
        wanted = compare.snapshot(recompute(store, window, rules))
        have = compare.snapshot(store.read_graph())
    return compare.differences(have, wanted, limit)
