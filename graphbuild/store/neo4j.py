"""The Neo4j store: articles keep their extraction, the graph is derived and synced.

Each Article node stores its own extraction, so the corpus-wide graph can always be
recomputed from what the database holds: adding articles later equals building them all at
once, re-ingesting a changed article replaces its old contribution, and removing one leaves
the graph as if it had never been built. A sync writes only rows whose content hash changed
(batched ``UNWIND $rows`` in managed write transactions, which the driver retries on
transient errors) and deletes what no longer exists.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from graphbuild.errors import InputError, StoreError, redact
from graphbuild.graph.model import Graph, Node
from graphbuild.store import cypher as C
from graphbuild.store import rows as R
from graphbuild.store.readonly import refusal

BATCH = 2000


class Refused(StoreError):
    """A read-mode query that would do more than read the graph."""


class Rejected(StoreError):
    """The server refused a statement for what it holds (not a connection problem)."""


@dataclass
class Neo4jSettings:
    """Connection settings; empty fields come from NEO4J_URI/USER/PASSWORD/DATABASE."""

    uri: str | None = None
    user: str | None = None
    password: str | None = None
    database: str | None = None
    retry_seconds: float = 30.0  # how long a write retries transient errors (server gone, leader switch)

    def resolved(self) -> Neo4jSettings:
        env = os.environ
        return Neo4jSettings(
            self.uri or env.get("NEO4J_URI") or "bolt://localhost:7687",
            self.user or env.get("NEO4J_USER") or "neo4j",
            self.password if self.password is not None else env.get("NEO4J_PASSWORD"),
            self.database or env.get("NEO4J_DATABASE") or None,
            float(env.get("GRAPHBUILD_NEO4J_RETRY_SECONDS", self.retry_seconds)),
        )


@dataclass
class SyncStats:
    written: dict = field(default_factory=dict)
    unchanged: int = 0
    deleted: int = 0
    incremental: bool = False  # written by an incremental step, not a full recompute

    @property
    def total_written(self) -> int:
        return sum(self.written.values())


def _map_error(exc: Exception, s: Neo4jSettings, connected: bool = False) -> StoreError:
    """The one-line error for a driver exception; a password in the URI never shows."""
    err = _describe(exc, s, connected)
    return type(err)(redact(str(err)), err.setting)


def _describe(exc: Exception, s: Neo4jSettings, connected: bool) -> StoreError:
    from neo4j import exceptions as E

    code = getattr(exc, "code", "") or ""
    if isinstance(exc, E.AuthError) or "Unauthorized" in code or "AuthenticationRateLimit" in code:
        return StoreError(
            f"Neo4j at {s.uri} rejected the credentials of user {s.user!r}; fix: set "
            "NEO4J_PASSWORD (and the user, NEO4J_USER)"
        )
    if "DatabaseNotFound" in code or "database does not exist" in str(exc).lower():
        return StoreError(
            f"Neo4j has no database {s.database!r}; fix: set the database (NEO4J_DATABASE) "
            "to an existing database (Community edition has only 'neo4j')",
            setting="database",
        )
    # A server going down mid-write shows as a lost connection or, while it shuts down, as a
    # transient "database unavailable": both are fixed by running the same command again.
    gone = isinstance(exc, (E.ServiceUnavailable, E.SessionExpired, OSError)) or "DatabaseUnavailable" in code
    if gone and connected:
        return StoreError(
            f"lost the connection to Neo4j at {s.uri} during the write and retries did not "
            "bring it back; every batch written so far is complete; fix: restart the server "
            "and run the same command again to finish"
        )
    if isinstance(exc, (E.ServiceUnavailable, E.SessionExpired, OSError)):
        return StoreError(
            f"cannot reach Neo4j at {s.uri}; fix: start it (scripts/neo4j-local start or "
            "docker compose up -d) or point NEO4J_URI at the server",
            setting="neo4j_uri",
        )
    if isinstance(exc, (E.ConfigurationError, ValueError)):
        return StoreError(f"bad Neo4j URI {s.uri!r} ({exc}); fix: use bolt://HOST:PORT or neo4j://HOST:PORT")
    text = getattr(exc, "message", None) or str(exc)
    first = text.splitlines()[0] if text else type(exc).__name__
    if code.startswith(("Neo.ClientError.Statement.", "Neo.ClientError.Schema.", "Neo.DatabaseError.Statement.")):
        return Rejected(f"Neo4j refused it: {first.split(', please')[0][:200]}")
    return StoreError(f"Neo4j error: {first[:200]}")


def _plain_props(entity) -> dict:
    """An entity's properties without the writer's bookkeeping (``_hash``, ``_extraction``),
    JSON-string properties (``evidence``) decoded."""
    props = {}
    for k, v in dict(entity).items():
        if k.startswith("_"):
            continue
        if k in R.JSON_PROPS and isinstance(v, str):
            try:
                v = json.loads(v)
            except ValueError:
                pass
        props[k] = _plain(v)
    return props


def _plain(value):
    """A query result value as plain Python: a node becomes its properties plus ``_labels``,
    a relationship its properties plus ``_type``, ``_start`` and ``_end`` (node ids), a path
    ``{"nodes": [...], "relationships": [...]}``; temporal and spatial values become strings."""
    from neo4j import graph as G

    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, G.Node):
        return {**_plain_props(value), "_labels": sorted(value.labels)}
    if isinstance(value, G.Relationship):

        def end(n):
            return None if n is None else n.get("id", n.element_id)

        return {
            **_plain_props(value),
            "_type": value.type,
            "_start": end(value.start_node),
            "_end": end(value.end_node),
        }
    if isinstance(value, G.Path):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).hex()
    return str(value)  # Date, DateTime, Duration, Point, ...


class Neo4jStore:
    """A connection to one Neo4j database, with the graph-level operations graphbuild needs."""

    def __init__(self, settings: Neo4jSettings | None = None):
        from neo4j import GraphDatabase

        self.settings = (settings or Neo4jSettings()).resolved()
        s = self.settings
        self._connected = False
        if not s.password:
            raise StoreError("no Neo4j password; fix: set NEO4J_PASSWORD (or answer the prompt)")
        assert s.uri is not None and s.user is not None  # resolved() fills them
        try:
            self.driver = GraphDatabase.driver(
                s.uri,
                auth=(s.user, s.password),
                max_transaction_retry_time=s.retry_seconds,
                connection_timeout=10.0,
                notifications_min_severity="OFF",
            )
        except Exception as exc:  # bad URI scheme and the like
            raise _map_error(exc, s) from None

    # -- plumbing ---------------------------------------------------------------------------
    def _session(self):
        return self.driver.session(database=self.settings.database)

    def _write(self, query: str, **params):
        return self._write_tx(lambda tx: tx.run(query, **params).data())

    def _write_tx(self, work):
        """Run ``work(tx)`` in a managed write transaction (retried on transient errors)."""
        try:
            with self._session() as session:
                return session.execute_write(work)
        except Exception as exc:
            raise _map_error(exc, self.settings, self._connected) from None

    def _read(self, query: str, **params) -> list[dict]:
        try:
            with self._session() as session:
                return session.execute_read(lambda tx: tx.run(query, **params).data())
        except Exception as exc:
            raise _map_error(exc, self.settings) from None

    def _batched(self, query: str, rows: list, name: str = "rows") -> None:
        for i in range(0, len(rows), BATCH):
            self._write(query, **{name: rows[i : i + BATCH]})

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- operations --------------------------------------------------------------------------
    def ping(self) -> None:
        """Fail fast, writing nothing: the server answers and accepts the credentials."""
        try:
            self.driver.verify_connectivity()
        except Exception as exc:
            raise _map_error(exc, self.settings) from None

    def verify(self) -> None:
        """Fail fast, before any extraction: reachable, credentials accepted, database exists."""
        try:
            self.driver.verify_connectivity()
        except Exception as exc:
            raise _map_error(exc, self.settings) from None
        self._read("RETURN 1 AS ok")
        for q in C.CONSTRAINTS + C.META_CONSTRAINTS + C.STATE_CONSTRAINTS:
            self._write(q)
        self._write(C.BACKFILL_NAMES)
        self._connected = True

    def article_hashes(self) -> dict[str, str]:
        return {r["id"]: r["hash"] for r in self._read(C.ARTICLE_HASHES)}

    def put_articles(
        self, extractions: Iterable[dict], config: str, on_rejected: Callable[[str, str], None] | None = None
    ) -> int:
        """Store new or changed articles with their extraction; returns how many were written.

        An article the server refuses (an id too large to index, say) is handed to
        ``on_rejected(article_id, reason)`` and skipped; the others are stored."""
        existing = self.article_hashes()
        written, batch = 0, []
        for x in extractions:  # streamed: only one batch of article texts in memory
            row = R.article_row(x, config)
            if existing.get(row["id"]) != row["hash"]:
                batch.append(row)
            if len(batch) >= BATCH // 4:
                written += self._put(batch, on_rejected)
                batch = []
        if batch:
            written += self._put(batch, on_rejected)
        return written

    def _put(self, rows: list[dict], on_rejected) -> int:
        try:
            self._write(C.PUT_ARTICLES, rows=rows)
            return len(rows)
        except Rejected as exc:
            if len(rows) == 1:
                if on_rejected is None:
                    raise
                on_rejected(rows[0]["id"], str(exc))
                return 0
            half = len(rows) // 2  # halving finds the bad rows in log(n) batches each
            return self._put(rows[:half], on_rejected) + self._put(rows[half:], on_rejected)

    def sources(self, ids: list[str]) -> dict[str, str | None]:
        """The recorded source (file) of each stored article among ``ids``."""
        return {r["id"]: r["source"] for r in self._read(C.ARTICLE_SOURCES, ids=ids)}

    def read_settings(self) -> dict | None:
        """The build settings recorded with the graph, or None when none are."""
        rows = self._read(C.READ_SETTINGS)
        return {k: v for k, v in rows[0]["props"].items() if k != "id"} if rows else None

    def write_settings(self, settings: dict) -> None:
        """Record the settings the graph is built with."""
        self._write(C.WRITE_SETTINGS, props={k: v for k, v in settings.items() if v is not None})

    def remove_articles(self, ids: list[str]) -> list[str]:
        """Delete articles; returns the ids that were not there."""
        existing = self.article_hashes()
        present = [i for i in ids if i in existing]
        if present:
            self._batched(C.DELETE_ARTICLES, present, name="ids")
        return [i for i in ids if i not in existing]

    def extractions(self, since: str | None = None, until: str | None = None) -> Iterator[dict]:
        """Every stored article's extraction (``codec.to_dict`` form), in article-id order;
        with ``since`` / ``until`` (``YYYY-MM-DD``, inclusive), only the articles published
        in that period."""
        if since is None and until is None:
            records = self._read(C.ARTICLE_EXTRACTIONS)
        else:
            records = self._read(C.PERIOD_EXTRACTIONS, since=since, until=until)
        for r in records:
            if r["x"]:
                yield json.loads(r["x"])

    def sync(self, graph: Graph, force: bool = False, kept: dict | None = None) -> SyncStats:
        """Make the database's entities and relationships equal to ``graph``; ``force``
        rewrites every row, not only those whose recorded hash differs (a repair); ``kept``
        maps entity ids and (type, src, dst) to the aggregates stored with them."""
        stats = SyncStats()
        ents = R.entity_rows(graph, kept)
        existing = {r["id"]: r["hash"] for r in self._read(C.ENTITY_HASHES)}
        wanted = {r["id"] for rows in ents.values() for r in rows}
        stale = [i for i in existing if i not in wanted]
        if stale:
            self._batched(C.DELETE_ENTITIES, stale, name="ids")
            stats.deleted += len(stale)
        for label, rows in ents.items():
            changed, same = R.diff(rows, {} if force else existing, key=lambda r: r["id"])
            self._batched(C.MERGE_ENTITIES[label], changed)
            stats.written[label] = len(changed)
            stats.unchanged += same
        rels = R.rel_rows(graph, kept)
        for rtype in R.REL_TYPES:
            have = {(r["src"], r["dst"]): r["hash"] for r in self._read(C.REL_HASHES[rtype])}
            rows = rels.get(rtype, [])
            keys = {(r["src"], r["dst"]) for r in rows}
            gone = [{"src": s, "dst": d} for (s, d) in have if (s, d) not in keys]
            if gone:
                self._batched(C.DELETE_RELS[rtype], gone)
                stats.deleted += len(gone)
            changed, same = R.diff(rows, {} if force else have, key=lambda r: (r["src"], r["dst"]))
            self._batched(C.MERGE_RELS[rtype], changed)
            stats.written[rtype] = len(changed)
            stats.unchanged += same
        return stats

    def read_graph(self) -> Graph:
        """The stored graph as a :class:`Graph` (what ``export --from-neo4j`` writes)."""
        ents = [(r["id"], r["label"], r["props"]) for r in self._read(C.READ_ENTITIES)]
        arts = [(r["id"], r["props"]) for r in self._read(C.READ_ARTICLES)]
        rels = [(r["type"], r["src"], r["dst"], r["props"]) for r in self._read(C.READ_RELS)]
        return R.graph_from_records(ents, arts, rels)

    def read_focus(self, focus: str, depth: int = 1, min_weight: int = 1, articles: bool = True) -> Graph:
        """The part of the stored graph a focused export keeps: the entities within
        ``depth`` hops of ``focus`` over relations of at least ``min_weight``, the relations
        among them and (``articles``) their Article nodes and MENTIONS edges, found through
        the indexes hop by hop, never by reading the whole graph. ``view.subgraph`` of it
        equals ``view.subgraph`` of the whole graph. An unknown focus raises InputError as
        for a whole graph."""
        from graphbuild.graph.view import find

        def names_graph(records) -> Graph:
            g = Graph()
            for r in records:
                g.add_node(Node(r["id"], r["label"], r["name"] or r["id"], {"aliases": r["aliases"] or []}))
            return g

        try:
            seeds = find(names_graph(self._read(C.FOCUS_CANDIDATES, focus=focus, key=focus.strip())), focus)
        except InputError:  # none through the index: the whole-graph rule decides and explains
            seeds = find(names_graph(self._read(C.ENTITY_NAMES)), focus)
        keep, frontier = set(seeds), list(seeds)
        for _ in range(depth):
            if not frontier:
                break
            found = {r["id"] for r in self._read(C.NEIGHBOURS, ids=frontier, min_weight=min_weight)}
            frontier = sorted(found - keep)
            keep |= found
        ids = sorted(keep)
        ents = [(r["id"], r["label"], r["props"]) for r in self._read(C.ENTITIES_BY_ID, ids=ids)]
        rels = [(r["type"], r["src"], r["dst"], r["props"]) for r in self._read(C.RELS_AMONG, ids=ids)]
        arts: dict[str, dict] = {}
        if articles:
            for r in self._read(C.MENTIONS_OF, ids=ids):
                arts[r["src"]] = r["article"]
                rels.append(("MENTIONS", r["src"], r["dst"], r["props"]))
        return R.graph_from_records(ents, sorted(arts.items()), rels)

    def counts(self) -> dict:
        return self._read(C.COUNTS)[0]

    def query(self, cypher: str, params: dict, write: bool = False) -> tuple[list[str], list[list]]:
        """Run a user query (read-only transaction unless ``write``); returns keys and rows of
        plain values (nodes, relationships and paths as dicts, see :func:`_plain`)."""

        def work(tx):
            if not write:
                summary = tx.run("EXPLAIN " + cypher, params).consume()
                why = refusal(summary.query_type, summary.plan)
                if why:
                    raise Refused(f"the query {why}, which read mode does not allow")
            result = tx.run(cypher, params)
            return list(result.keys()), [[_plain(v) for v in rec.values()] for rec in result]

        try:
            with self._session() as session:
                return (session.execute_write if write else session.execute_read)(work)
        except Refused:
            raise
        except Exception as exc:
            raise _map_error(exc, self.settings) from None
