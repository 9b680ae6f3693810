#!/usr/bin/env python3
"""A store that grows: adding and removing one article at N stored articles, incremental
step against the full recompute, same run.

    python benchmarks/incremental.py --from-build DIR [--sizes 2000,20000,100000] [--local]
                                     [--full-sizes 2000,20000,100000] [--out results.json]

DIR is an earlier ``graphbuild build CORPUS --out DIR`` (its ``articles.jsonl.gz`` holds the
stored form of every extraction; e.g. CORPUS = ../shared/eval/bbc.jsonl). The store is
filled with copies of those extractions under new ids (``c00001-<id>``, loaded directly, no
spaCy), in ascending sizes; at each size, after one full sync (timed: the bulk load):

* ``add-incremental``: one new article (a copy of a corpus article under a new id) through
  ``api.store.store_extractions`` (an incremental step);
* ``remove-incremental``: one stored article from the middle of the id order, through
  ``api.store.drop_articles``;
* ``add-full`` / ``remove-full``: the same kinds of change followed by the full recompute
  (``sync_store``: every stored extraction read back, resolved and related again; the only
  path before incremental steps).

Each operation runs in its own process, so its peak RSS (``ru_maxrss``) is its own; wall
time is the operation alone (imports and connection excluded). At the smallest size the
stored graph is then compared with a recompute (``store check``), and the first load is
timed against the batched sync alone (``Neo4jStore.sync`` of the recomputed graph, without
the kept state), the writer ``benchmarks/neo4j_write.py`` measures.

Connection: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (the database is emptied first), or
``--local`` to start a throwaway server (scripts/neo4j-local, heap 2g) that is stopped after.
Note: copies share the corpus's keys, so resolution state does not grow with N here; a real
stream brings new names too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONFIG = "benchmark"
WINDOW = "sentence"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _store():
    from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore

    store = Neo4jStore(Neo4jSettings())
    store.verify()
    return store


def _corpus(build_dir: Path) -> list[dict]:
    with gzip.open(build_dir / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _copy(x: dict, copy: int) -> dict:
    return {**x, "article_id": f"c{copy:05d}-{x['article_id']}"}


def _replicas(corpus: list[dict], start: int, stop: int):
    for i in range(start, stop):
        yield _copy(corpus[i % len(corpus)], i // len(corpus))


# --- one operation, in a child process -------------------------------------------------------


def op(name: str, payload: dict) -> dict:
    """Run one operation; returns its wall time and this process's peak RSS."""
    from graphbuild.api import store as S
    from graphbuild.pipeline.run import resolve_and_relate

    store = _store()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    stats = None
    if name == "add-incremental":
        _, stats = S.store_extractions(store, lambda: iter([payload["x"]]), CONFIG, WINDOW, None)
    elif name == "remove-incremental":
        _, stats = S.drop_articles(store, [payload["id"]], WINDOW, None)
    elif name == "add-full":
        store.put_articles([payload["x"]], CONFIG)
        stats = S.sync_store(store, WINDOW, None)
    elif name == "remove-full":
        store.remove_articles([payload["id"]])
        stats = S.sync_store(store, WINDOW, None)
    elif name == "load-full":
        stats = S.sync_store(store, WINDOW, None)
    elif name == "load-sync-only":  # the batched writer alone, as before the kept state
        from graphbuild.graph import codec

        graph = resolve_and_relate(lambda: (codec.from_dict(d) for d in store.extractions()), WINDOW, None)
        stats = store.sync(graph)
    elif name == "check":
        from graphbuild.store import compare

        wanted = compare.snapshot(S.recompute(store, WINDOW, None))
        have = compare.snapshot(store.read_graph())
        return {"differences": compare.differences(have, wanted)}
    wall = time.perf_counter() - t0
    store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "seconds": round(wall, 2),
        "peak_rss_mb": round(peak / 1024),
        "rss_before_mb": round(base / 1024),
        "incremental": bool(stats and stats.incremental),
        "written": stats.total_written if stats else 0,
    }


def run_op(name: str, payload: dict | None = None) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(payload or {}, f)
    try:
        res = subprocess.run(
            [sys.executable, __file__, "--op", name, "--payload", f.name],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    finally:
        os.unlink(f.name)
    if res.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


# --- the run ---------------------------------------------------------------------------------


def _clear(store) -> None:
    q = "MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n"
    while store._write(q)[0]["n"]:
        pass


def _clear_graph(store) -> None:
    q = "MATCH (n) WHERE NOT n:Article WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n"
    while store._write(q)[0]["n"]:
        pass


def bench(build_dir: Path, sizes: list[int], full_sizes: set[int]) -> list[dict]:
    corpus = _corpus(build_dir)
    log(f"corpus: {len(corpus)} extractions from {build_dir}")
    store = _store()
    _clear(store)
    results, have = [], 0
    for n in sizes:
        t0 = time.perf_counter()
        store.put_articles(_replicas(corpus, have, n), CONFIG)
        put = time.perf_counter() - t0
        have = n
        log(f"N={n}: articles stored in {put:.1f}s; full sync (bulk load) ...")
        row: dict = {"articles": n, "put_articles_s": round(put, 1)}
        if n == sizes[0]:
            _clear_graph(store)
            row["first_load_sync_only"] = run_op("load-sync-only")
            _clear_graph(store)
        row["load-full"] = run_op("load-full")
        log(f"  load-full {row['load-full']}")
        middle = _copy(corpus[len(corpus) // 2], (n // len(corpus)) // 2)["article_id"]
        fresh = [_copy(corpus[(n + k) % len(corpus)], 90000 + k) for k in range(2)]
        row["add-incremental"] = run_op("add-incremental", {"x": fresh[0]})
        row["remove-incremental"] = run_op("remove-incremental", {"id": middle})
        if n in full_sizes:
            row["add-full"] = run_op("add-full", {"x": fresh[1]})
            row["remove-full"] = run_op("remove-full", {"id": fresh[0]["article_id"]})
        if n == sizes[0]:
            row["check"] = run_op("check")
        for k in ("add-incremental", "remove-incremental", "add-full", "remove-full", "check"):
            if k in row:
                log(f"  {k} {row[k]}")
        results.append(row)
    store.close()
    return results


def _local():
    run = Path(tempfile.mkdtemp(prefix="graphbuild-bench-neo4j-"))
    env = {**os.environ, "GRAPHBUILD_NEO4J_RUN": str(run), "GRAPHBUILD_NEO4J_HEAP": "2g"}
    env.setdefault("GRAPHBUILD_NEO4J_PAGECACHE", "1g")
    env["GRAPHBUILD_NEO4J_HTTP_PORT"] = "off"
    out = subprocess.run([str(ROOT / "scripts" / "neo4j-local"), "start"], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    os.environ.update(dict(line.split("=", 1) for line in out.stdout.splitlines() if "=" in line))
    return env


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from-build", type=Path)
    ap.add_argument("--sizes", default="2000,20000,100000")
    ap.add_argument("--full-sizes", default=None, help="sizes to also time the full recompute at (default: all)")
    ap.add_argument("--local", action="store_true")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--op")
    ap.add_argument("--payload")
    a = ap.parse_args()
    if a.op:
        print(json.dumps(op(a.op, json.loads(Path(a.payload).read_text()))))
        return
    if a.from_build is None:
        ap.error("--from-build DIR is required")
    sizes = sorted(int(s) for s in a.sizes.split(","))
    full = set(sizes) if a.full_sizes is None else {int(s) for s in a.full_sizes.split(",")}
    env = _local() if a.local else None
    try:
        results = bench(a.from_build, sizes, full)
    finally:
        if env is not None:
            subprocess.run([str(ROOT / "scripts" / "neo4j-local"), "stop"], env=env, capture_output=True)
            shutil.rmtree(env["GRAPHBUILD_NEO4J_RUN"], ignore_errors=True)
    text = json.dumps(results, indent=1)
    if a.out:
        a.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
