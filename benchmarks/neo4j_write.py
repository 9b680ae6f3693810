#!/usr/bin/env python3
"""Neo4j write speed: the batched sync writer against one MERGE per transaction, same run.

    python benchmarks/neo4j_write.py CORPUS.jsonl [--from-build DIR] [--local | --clear]
                                     [--naive-nodes 2000] [--naive-rels 5000]

The graph of CORPUS (e.g. ../shared/eval/bbc.jsonl) is written to an empty database:

1. ``Neo4jStore.put_articles`` (Article nodes with their stored extraction), timed alone;
2. ``Neo4jStore.sync`` (entities, then relationships, in ``UNWIND $rows`` batches), timed,
   with the entity and relationship phases split, giving nodes/s and relationships/s;
3. the naive writer: the same MERGE ... SET per row as the sync writer (same labels, same
   index-backed lookups), but one row per transaction. It is timed on a fixed sample (the
   first ``--naive-nodes`` entity nodes on a database without entities, then the first
   ``--naive-rels`` relationships, spread over all relationship types, on a database with
   all nodes and no relationships) and its rate is extrapolated to the whole graph. The
   output says so.

The graph comes from a full build of CORPUS (minutes of spaCy) or, with ``--from-build
DIR``, from an earlier ``graphbuild build CORPUS --out DIR --articles`` (graph.graphml
with the Article nodes and MENTIONS edges the store writes too). In that case
the stored extractions are rebuilt from CORPUS and DIR/extractions.jsonl: the same texts,
titles, mentions and quotes, but without the sentence and paragraph offsets, so
``put_articles`` writes a slightly smaller payload than a real build (the output says so).

Connection: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (the database must be empty, or pass
``--clear`` to empty it first), or ``--local`` to start a throwaway server with
scripts/neo4j-local in a temporary folder (stopped afterwards).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# The naive baseline: the sync writer's statements for one row, one transaction each.
NAIVE_MERGE_ENTITY = {
    label: f"MERGE (n:Entity {{id: $id}}) SET n = $props, n.id = $id, n._hash = $hash, n:{label}"
    for label in ("Person", "Organization", "Country", "Place")
}
NAIVE_MERGE_REL = {
    "CO_MENTIONED": "MATCH (a:Entity {id: $src}), (b:Entity {id: $dst}) MERGE (a)-[r:CO_MENTIONED]->(b) "
    "SET r = $props, r._hash = $hash",
    "SAID_ABOUT": "MATCH (a:Entity {id: $src}), (b:Entity {id: $dst}) MERGE (a)-[r:SAID_ABOUT]->(b) "
    "SET r = $props, r._hash = $hash",
    "MENTIONS": "MATCH (a:Article {id: $src}), (b:Entity {id: $dst}) MERGE (a)-[r:MENTIONS]->(b) "
    "SET r = $props, r._hash = $hash",
}
DELETE_ALL_RELS = "MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS"
DELETE_ENTITIES = "MATCH (n:Entity) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"
DELETE_ALL = "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --- the graph and the stored extractions ---------------------------------------------


def from_full_build(corpus: Path):
    """Build CORPUS (spaCy), keeping the spooled extractions: (graph, extraction dicts, exact)."""
    from graphbuild.ingest.sources import read_articles
    from graphbuild.pipeline.run import BuildOptions, read_spool, resolve_and_relate, spool_extractions
    from graphbuild.writers.jsonl import read_jsonl

    with tempfile.TemporaryDirectory() as tmp:
        spool = Path(tmp) / "spool.jsonl"
        _, resolver = spool_extractions(read_articles([str(corpus)]), BuildOptions(), None, spool)
        graph = resolve_and_relate(lambda: read_spool(spool), "sentence", None, resolver)
        kept = list(read_jsonl(spool))
    return graph, kept, True


def from_earlier_build(corpus: Path, build_dir: Path):
    """The graph of an earlier build, and extraction dicts rebuilt from CORPUS and the build's
    extractions.jsonl (no sentence / paragraph offsets): (graph, extraction dicts, exact)."""
    from graphbuild.api import load_graph

    graph = load_graph(build_dir)
    if not any(n.label == "Article" for n in graph.nodes.values()):
        sys.exit(f"{build_dir}/graph.graphml has no Article nodes; build it with --articles")
    public = {}
    with (build_dir / "extractions.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            public[rec["article_id"]] = rec
    out = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            x = public.get(str(rec.get("id")))
            if x is None:
                continue
            out.append(
                {
                    "article_id": x["article_id"],
                    "title": rec.get("title"),
                    "text": rec["text"],
                    "meta": {k: rec[k] for k in ("url", "published", "source") if rec.get(k)},
                    "sentences": [],
                    "paragraphs": [],
                    "aliases": [],
                    "mentions": [
                        [m["start"], m["end"], m["text"], m["label"], m["entity_id"], 0, 0, m["text"]]
                        for m in x["mentions"]
                    ],
                    "quotes": [
                        {
                            "speaker": {k: q["speaker"][k] for k in ("start", "end", "text")},
                            "speaker_key": q["speaker"]["entity_id"],
                            "cue": q["cue"],
                            "content": q["content"],
                            "direct": q["direct"],
                        }
                        for q in x["quotes"]
                    ],
                }
            )
    return graph, out, False


# --- timing helpers ---------------------------------------------------------------------


def run_auto(store, query: str) -> None:
    """An auto-commit statement (CALL ... IN TRANSACTIONS needs one)."""
    with store._session() as session:
        session.run(query).consume()


class PhaseTimer:
    """Wraps ``store._batched`` to add up the time spent in entity vs relationship merges."""

    def __init__(self, store, cypher):
        self.store, self.spent = store, defaultdict(float)
        self.kind = {q: "nodes" for q in cypher.MERGE_ENTITIES.values()}
        self.kind.update({q: "rels" for q in cypher.MERGE_RELS.values()})
        self.kind.update({q: "deletes" for q in cypher.DELETE_RELS.values()})
        self.kind[cypher.DELETE_ENTITIES] = "deletes"
        self.original = store._batched

    def __enter__(self):
        def timed(query, rows, name="rows"):
            t0 = time.perf_counter()
            try:
                return self.original(query, rows, name)
            finally:
                self.spent[self.kind.get(query, "other")] += time.perf_counter() - t0

        self.store._batched = timed
        return self

    def __exit__(self, *exc):
        self.store._batched = self.original


def spread(rows: list, n: int) -> list:
    """``n`` rows taken evenly over ``rows`` (all of them when there are fewer)."""
    if len(rows) <= n:
        return list(rows)
    step = len(rows) / n
    return [rows[int(i * step)] for i in range(n)]


def naive(store, statements: list[tuple[str, dict]]) -> float:
    """Run each statement in its own managed write transaction; returns seconds."""
    t0 = time.perf_counter()
    with store._session() as session:
        for query, params in statements:
            session.execute_write(lambda tx, q=query, p=params: tx.run(q, p).consume())
    return time.perf_counter() - t0


# --- the benchmark ----------------------------------------------------------------------


def bench(settings, graph, extractions, exact: bool, naive_nodes: int, naive_rels: int, clear: bool) -> None:
    from graphbuild import __version__
    from graphbuild.store import cypher as C
    from graphbuild.store import rows as R
    from graphbuild.store.neo4j import BATCH, Neo4jStore

    ent_rows = R.entity_rows(graph)
    rel_rows = R.rel_rows(graph)
    n_nodes = sum(map(len, ent_rows.values()))
    n_rels = sum(map(len, rel_rows.values()))
    n_arts = len(extractions)

    with Neo4jStore(settings) as store:
        store.verify()
        counts = store.counts()
        if counts["entities"] or counts["articles"] or counts["relationships"]:
            if not clear:
                sys.exit(
                    f"neo4j_write: the database at {store.settings.uri} is not empty ({counts}); "
                    "pass --clear to empty it (everything in it is deleted) or use --local"
                )
            run_auto(store, DELETE_ALL)

        # 1-2: the batched writer on an empty database
        t0 = time.perf_counter()
        written = store.put_articles(iter(extractions), f"bench|{__version__}")
        t_articles = time.perf_counter() - t0
        assert written == n_arts, (written, n_arts)
        with PhaseTimer(store, C) as timer:
            t0 = time.perf_counter()
            stats = store.sync(graph)
            t_sync = time.perf_counter() - t0
        got = store.counts()
        assert (got["entities"], got["relationships"]) == (n_nodes, n_rels), (got, n_nodes, n_rels)
        assert stats.total_written == n_nodes + n_rels

        # 3a: naive nodes on a database without entities
        run_auto(store, DELETE_ENTITIES)
        flat_nodes = [(label, r) for label, rows in sorted(ent_rows.items()) for r in rows]
        sample_nodes = spread(flat_nodes, naive_nodes)
        t_naive_nodes = naive(
            store,
            [
                (NAIVE_MERGE_ENTITY[label], {"id": r["id"], "props": r["props"], "hash": r["hash"]})
                for label, r in sample_nodes
            ],
        )
        # 3b: naive relationships on a database with every node and no relationship
        store.sync(graph)
        run_auto(store, DELETE_ALL_RELS)
        flat_rels = [(rtype, r) for rtype in R.REL_TYPES for r in rel_rows.get(rtype, [])]
        sample_rels = spread(flat_rels, naive_rels)
        t_naive_rels = naive(
            store,
            [
                (NAIVE_MERGE_REL[rtype], {"src": r["src"], "dst": r["dst"], "props": r["props"], "hash": r["hash"]})
                for rtype, r in sample_rels
            ],
        )
        written_rels = store.counts()["relationships"]
        assert written_rels == len(sample_rels), (written_rels, len(sample_rels))
        run_auto(store, DELETE_ALL)

    node_rate_naive = len(sample_nodes) / t_naive_nodes
    rel_rate_naive = len(sample_rels) / t_naive_rels
    t_naive_total = n_nodes / node_rate_naive + n_rels / rel_rate_naive
    t_nodes, t_rels = timer.spent["nodes"], timer.spent["rels"]
    by_type = ", ".join(f"{k} {len(v)}" for k, v in sorted(rel_rows.items()))
    print(f"graph: {n_nodes} entity nodes, {n_rels} relationships ({by_type}), {n_arts} articles")
    print(
        f"put_articles: {n_arts} articles in {t_articles:.2f}s = {n_arts / t_articles:,.0f} articles/s"
        + ("" if exact else " (extractions rebuilt from --from-build: no sentence/paragraph offsets)")
    )
    print(
        f"batched sync (UNWIND batches of {BATCH}, "
        f"empty database): {t_sync:.2f}s in all = {(n_nodes + n_rels) / t_sync:,.0f} rows/s"
    )
    print(f"  nodes: {n_nodes} in {t_nodes:.2f}s = {n_nodes / t_nodes:,.0f} nodes/s")
    print(f"  relationships: {n_rels} in {t_rels:.2f}s = {n_rels / t_rels:,.0f} relationships/s")
    print(f"  (reading hashes and other overhead: {t_sync - t_nodes - t_rels:.2f}s)")
    print("naive, one MERGE per transaction, measured on a sample and extrapolated:")
    print(f"  nodes: {len(sample_nodes)} in {t_naive_nodes:.2f}s = {node_rate_naive:,.0f} nodes/s")
    print(f"  relationships: {len(sample_rels)} in {t_naive_rels:.2f}s = {rel_rate_naive:,.0f} relationships/s")
    print(f"  whole graph, extrapolated: {t_naive_total:.1f}s")
    print(
        f"ratio (batched over naive): nodes {n_nodes / t_nodes / node_rate_naive:.1f}x, relationships "
        f"{n_rels / t_rels / rel_rate_naive:.1f}x, whole sync {t_naive_total / t_sync:.1f}x"
    )


def local_server(run_dir: Path) -> dict:
    env = {**os.environ, "GRAPHBUILD_NEO4J_RUN": str(run_dir)}
    env.pop("NEO4J_PASSWORD", None)
    res = subprocess.run(
        [str(ROOT / "scripts" / "neo4j-local"), "start"], env=env, capture_output=True, text=True, timeout=900
    )
    if res.returncode != 0:
        sys.exit(f"neo4j_write: scripts/neo4j-local start failed:\n{res.stderr[-2000:]}")
    return dict(line.split("=", 1) for line in res.stdout.splitlines() if "=" in line)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="JSONL corpus ({id, text, title?, ...}), e.g. ../shared/eval/bbc.jsonl")
    ap.add_argument("--from-build", type=Path, help="earlier 'graphbuild build CORPUS --out DIR' output")
    ap.add_argument("--naive-nodes", type=int, default=2000, help="entity nodes in the naive sample")
    ap.add_argument("--naive-rels", type=int, default=5000, help="relationships in the naive sample")
    ap.add_argument("--local", action="store_true", help="start a throwaway local server (scripts/neo4j-local)")
    ap.add_argument("--clear", action="store_true", help="empty the database first (deletes everything in it)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    if args.from_build:
        graph, extractions, exact = from_earlier_build(args.corpus, args.from_build)
    else:
        log("neo4j_write: building the corpus (spaCy; use --from-build DIR to reuse a build)")
        graph, extractions, exact = from_full_build(args.corpus)
    log(f"neo4j_write: graph ready in {time.perf_counter() - t0:.1f}s")

    from graphbuild.store.neo4j import Neo4jSettings

    if args.local:
        with tempfile.TemporaryDirectory(prefix="neo4j-bench-") as run_dir:
            env = local_server(Path(run_dir))
            try:
                bench(
                    Neo4jSettings(env["NEO4J_URI"], env["NEO4J_USER"], env["NEO4J_PASSWORD"]),
                    graph,
                    extractions,
                    exact,
                    args.naive_nodes,
                    args.naive_rels,
                    clear=True,
                )
            finally:
                subprocess.run(
                    [str(ROOT / "scripts" / "neo4j-local"), "stop"],
                    capture_output=True,
                    env={**os.environ, "GRAPHBUILD_NEO4J_RUN": run_dir},
                    timeout=120,
                )
    else:
        bench(Neo4jSettings(), graph, extractions, exact, args.naive_nodes, args.naive_rels, args.clear)


if __name__ == "__main__":
    main()
