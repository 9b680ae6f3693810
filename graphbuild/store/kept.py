"""Reading and writing what the store keeps for incremental adds and removes (the key
statistics, votes and aggregates of :mod:`store.aggregates`) and the changed rows of one
incremental step. Every statement is a named constant of :mod:`store.cypher`."""

from __future__ import annotations

import json

from graphbuild.store import cypher as C
from graphbuild.store import rows as R
from graphbuild.store.neo4j import Neo4jStore


class Kept:
    """The kept state of one store."""

    def __init__(self, store: Neo4jStore) -> None:
        self.store = store

    def state(self) -> dict | None:
        rows = self.store._read(C.READ_STATE)
        return {k: v for k, v in rows[0]["props"].items() if k != "id"} if rows else None

    def write_state(self, props: dict) -> None:
        self.store._write(C.WRITE_STATE, props=props)

    def keys(self) -> list[tuple[str, str]]:
        return [(r["key"], r["stats"]) for r in self.store._read(C.READ_KEYS)]

    def votes(self) -> list[tuple[str, str]]:
        return [(r["id"], r["votes"]) for r in self.store._read(C.READ_VOTES)]

    def replace_all(self, keys: dict[str, str | None], votes: dict[str, str | None]) -> None:
        """Replace every key and vote record (after a full recompute)."""
        for q in (C.DELETE_SOME_KEYS, C.DELETE_SOME_VOTES):
            while self.store._write(q)[0]["n"]:
                pass
        self.update(keys, votes)

    def update(self, keys: dict[str, str | None], votes: dict[str, str | None]) -> None:
        """Write changed key and vote records; a None record is deleted."""
        s = self.store
        s._batched(C.WRITE_KEYS, [{"key": k, "stats": v} for k, v in keys.items() if v is not None])
        s._batched(C.DELETE_KEYS, [k for k, v in keys.items() if v is None], name="ids")
        s._batched(C.WRITE_VOTES, [{"id": k, "votes": v} for k, v in votes.items() if v is not None])
        s._batched(C.DELETE_VOTES, [k for k, v in votes.items() if v is None], name="ids")

    def article_hashes(self, ids: list[str]) -> dict[str, str]:
        return {r["id"]: r["hash"] for r in self.store._read(C.ARTICLE_HASHES_OF, ids=ids)}

    def extractions(self, ids: list[str]) -> dict[str, dict]:
        return {r["id"]: json.loads(r["x"]) for r in self.store._read(C.EXTRACTIONS_OF, ids=ids) if r["x"]}

    def articles_mentioning(self, entity_ids: list[str]) -> set[str]:
        return {r["id"] for r in self.store._read(C.ARTICLES_MENTIONING, ids=entity_ids)}

    def articles_mentioning_both(self, src: str, dst: str) -> set[str]:
        return {r["id"] for r in self.store._read(C.ARTICLES_MENTIONING_BOTH, src=src, dst=dst)}

    def aggregates(self, entity_ids: list[str], rel_keys: dict[str, list[dict]]) -> dict:
        """The stored aggregates of these entities and relationships (absent ones left out)."""
        out: dict = {}
        for r in self.store._read(C.ENTITY_AGGS, ids=entity_ids):
            if r["agg"]:
                out[r["id"]] = json.loads(r["agg"])
        for t, rows in rel_keys.items():
            for r in self.store._read(C.REL_AGGS[t], rows=rows):
                if r["agg"]:
                    out[(t, r["src"], r["dst"])] = json.loads(r["agg"])
        return out

    def write_step(
        self,
        entity_rows: dict[str, list[dict]],
        rel_rows: dict[str, list[dict]],
        gone_entities: list[str],
        gone_rels: dict[str, list[dict]],
        mention_articles: list[str],
        mention_rows: list[dict],
    ) -> int:
        """Write one incremental step's changed rows: entities first (relationships need
        both ends), the re-related articles' MENTIONS, relationships, then deletions.
        Returns how many rows were written."""
        s = self.store
        written = 0
        for label, rows in entity_rows.items():
            s._batched(C.MERGE_ENTITIES[label], rows)
            written += len(rows)
        s._batched(C.DELETE_ARTICLE_MENTIONS, mention_articles, name="ids")
        s._batched(C.WRITE_MENTIONS, mention_rows)
        written += len(mention_rows)
        for t, rows in gone_rels.items():
            s._batched(C.DELETE_RELS[t], rows)
        for t, rows in rel_rows.items():
            s._batched(C.MERGE_RELS[t], rows)
            written += len(rows)
        s._batched(C.DELETE_ENTITIES, gone_entities, name="ids")
        return written


def mention_row(aid: str, eid: str, n: int) -> dict:
    """A MENTIONS row as the sync writer makes it (same properties, same hash)."""
    props = R.to_neo4j_props({"count": n, "weight": n})
    return {"src": aid, "dst": eid, "props": props, "hash": R._hash(props)}
