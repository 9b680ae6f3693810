#!/usr/bin/env python3
"""Database hits of every library query: Neo4j ``PROFILE`` on a loaded graph.

    python benchmarks/query_profile.py [--load BUILD_DIR --corpus CORPUS.jsonl] [--queries DIR]...

Connection: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD. With ``--load``, the graph of an
earlier ``graphbuild build CORPUS --out BUILD_DIR`` is first written to the database (empty,
or emptied with ``--clear``)
with the current writer (constraints, indexes and lookup keys included), as
benchmarks/neo4j_write.py does. Then every ``*.cypher`` file of each ``--queries`` folder
(default: queries/) is run under ``PROFILE`` with parameters taken from the graph itself:
``name`` / ``x`` = the most mentioned person's name, ``y`` / ``country`` = the most
mentioned country's name; a query with an optional name is also run without one. Prints
one JSON line per (folder, query, parameters): total db hits, rows, milliseconds, and the
db hits of the plan's leaf operators (the scans and seeks that find the starting nodes),
which is where an unindexed lookup shows up as a scan of every Entity node. Last, the
focused export's read (``export graphml --from-neo4j --focus NAME``) is timed against
reading the whole graph.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _hits(plan) -> tuple[int, int, list[str]]:
    """(total db hits, db hits of leaf operators, leaf operator names) of a profiled plan."""
    kids = plan.get("children") or []
    own = plan.get("dbHits", 0)
    if not kids:
        return own, own, [plan.get("operatorType", "?").split("@")[0]]
    total, leaf, names = own, 0, []
    for k in kids:
        t, lf, n = _hits(k)
        total, leaf, names = total + t, leaf + lf, names + n
    return total, leaf, names


def _params(session) -> dict:
    def top(label: str) -> str:
        rec = session.run(
            f"MATCH (e:{label}) RETURN e.name AS name ORDER BY e.mentions DESC, e.id LIMIT 1"  # label from a fixed list
        ).single()
        return rec["name"] if rec else "nobody"

    person, country = top("Person"), top("Country")
    return {"name": person, "x": person, "y": country, "country": country}


def profile(session, query, params: dict) -> dict:
    from graphbuild.store import queries as Q

    bound = Q.bind(query, {k: v for k, v in params.items() if k in query.params})
    t0 = time.perf_counter()
    result = session.run("PROFILE " + query.text, bound)
    rows = len(list(result))
    summary = result.consume()
    ms = (time.perf_counter() - t0) * 1000
    total, leaf, leaves = _hits(summary.profile)
    given = {k: v for k, v in bound.items() if k in params}
    return {
        "query": query.name,
        "params": given,
        "db_hits": total,
        "leaf_hits": leaf,
        "leaves": leaves,
        "rows": rows,
        "ms": round(ms),
    }


def focus_read(store, name: str) -> dict:
    """What ``export graphml --from-neo4j --focus NAME`` reads: the neighbourhood only,
    against reading the whole graph and cutting it (what it did before); same subgraph."""
    from graphbuild.graph.view import subgraph

    t0 = time.perf_counter()
    part = store.read_focus(name, 1, 1)
    t1 = time.perf_counter()
    whole = store.read_graph()
    t2 = time.perf_counter()
    a, b = subgraph(part, focus=name), subgraph(whole, focus=name)
    return {
        "focus": name,
        "focus_read_s": round(t1 - t0, 2),
        "focus_read_edges": len(part.edges),
        "whole_read_s": round(t2 - t1, 2),
        "whole_read_edges": len(whole.edges),
        "kept_nodes": len(a.nodes),
        "same_subgraph": (a.nodes, a.edges) == (b.nodes, b.edges),
    }


def load(store, build_dir: Path, corpus: Path) -> None:
    from neo4j_write import from_earlier_build

    graph, extractions, _ = from_earlier_build(corpus, build_dir)
    store.verify()
    store.put_articles(extractions, "query-profile")
    store.sync(graph)


def main() -> int:
    from graphbuild.store import queries as Q
    from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--load", type=Path, help="build folder whose graph to write first")
    ap.add_argument("--corpus", type=Path, help="the corpus that build folder was built from")
    ap.add_argument("--clear", action="store_true", help="empty the database before --load")
    ap.add_argument("--focus-runs", type=int, default=2, help="times to read the focus view both ways")
    ap.add_argument("--queries", type=Path, nargs="*", default=[HERE.parent / "queries"])
    args = ap.parse_args()
    with Neo4jStore(Neo4jSettings()) as store:
        if args.load:
            if args.clear:
                with store._session() as session:
                    session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
            load(store, args.load, args.corpus)
        with store._session() as session:
            counts = session.run("MATCH (e:Entity) RETURN count(e) AS n").single()["n"]
            print(json.dumps({"entities": counts}), flush=True)
            params = _params(session)
            for folder in args.queries:
                for path in sorted(folder.glob("*.cypher")):
                    query = Q.load(str(path))
                    runs = [params]
                    if any(p in query.params and not query.params[p].required for p in ("name", "country")):
                        runs.append({})  # the optional name left out too
                    for given in runs:
                        row = profile(session, query, given)
                        print(json.dumps({"folder": folder.name, **row}, ensure_ascii=False), flush=True)
        for _ in range(args.focus_runs):
            print(json.dumps(focus_read(store, params["name"]), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
