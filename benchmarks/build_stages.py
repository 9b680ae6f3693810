#!/usr/bin/env python3
"""CPU seconds of each stage of one build, in one process: where graphbuild's own cost is.

    python benchmarks/build_stages.py [--corpus ../shared/eval/bbc.jsonl] [--limit 500] [--workers 1 2]

Runs the stages of ``graphbuild build`` one after another on the first ``--limit`` articles
and prints one JSON line with each stage's CPU time (``time.process_time``, so other jobs on
a shared machine barely change it): reading the input, loading the pipeline, parsing with
the copy out of spaCy (what bare ``nlp.pipe`` also pays, lemmas included), extraction
(candidates, mentions, quotes), the spool and the resolver's counts, resolve + relate +
``extractions.jsonl``, GraphML, the HTML view and the gzipped article file. Everything after
the parse is graphbuild's own cost; ``own_share`` is its share of the whole.

With ``--workers`` counts above 1 it also runs pass one as a build does with that many
worker processes (``spool_extractions``), then the same tail, and prints the CPU of the
parent during extraction, of the workers (``RUSAGE_CHILDREN``), of one worker's start
(interpreter, imports, pipeline load: measured apart, in a worker that does nothing else),
and the serial part that more workers cannot share (a worker's start, which every worker
pays at once, plus the tail after extraction). From these, what N workers would take on N
idle cores (``ideal_wall_s``: start + the rest of the workers' and the parent's extraction
CPU spread over N cores + tail) and its speed-up over one process (the one-process total
above): a CPU-time model for a machine too busy to time wall speed-ups on.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

from graphbuild.entities.resolve import CorpusResolver
from graphbuild.graph import codec
from graphbuild.ingest.sources import read_articles
from graphbuild.nlp.parser import Parser
from graphbuild.pipeline import run
from graphbuild.pipeline.extract import extract
from graphbuild.pipeline.run import BuildOptions, read_spool, resolve_and_relate, spool_extractions
from graphbuild.writers import graphml, html
from graphbuild.writers.jsonl import JsonlWriter, copy_gzipped

HERE = Path(__file__).resolve().parent


def _subset(corpus: Path, limit: int, folder: Path) -> Path:
    out = folder / "corpus.jsonl"
    with corpus.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        for n, line in enumerate(fh):
            if n >= limit:
                break
            dst.write(line)
    return out


def _children_cpu() -> float:
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def _noop(x):
    return x


def worker_start_cpu() -> float:
    """CPU seconds of one extraction worker's start (spawned, imports, pipeline load)."""
    before = _children_cpu()
    ctx = mp.get_context("spawn")
    with ctx.Pool(1, run._worker_init, (None, False)) as pool:
        pool.apply(_noop, (0,))
        pool.close()
        pool.join()
    return round(_children_cpu() - before, 3)


def _tail(cpu: dict, timed, spool: Path, out: Path, resolver) -> None:
    def relate():
        with JsonlWriter(out / "extractions.jsonl") as ex:
            return resolve_and_relate(
                lambda: read_spool(spool), "sentence", None, resolver, sink=lambda x: ex.write(codec.to_public(x))
            )

    graph = timed("resolve_relate", relate)
    timed("graphml", lambda: graphml.write(graph, out / "graph.graphml"))
    timed("html", lambda: html.write(graph, out / "graph.html"))
    timed("gzip", lambda: copy_gzipped(spool, out / "articles.jsonl.gz"))


def _timer(cpu: dict):
    def timed(name, fn):
        t = time.process_time()
        out = fn()
        cpu[name] = round(time.process_time() - t, 3)
        return out

    return timed


def with_workers(corpus: Path, folder: Path, workers: int) -> dict:
    """CPU of pass one run with ``workers`` processes, then of the tail, in this process."""
    cpu: dict[str, float] = {}
    timed = _timer(cpu)
    spool, out = folder / f"spool-{workers}.jsonl", folder / f"out-{workers}"
    out.mkdir()
    children, wall = _children_cpu(), time.perf_counter()
    opts = BuildOptions(workers=workers)
    _, resolver = timed(
        "parent_extract", lambda: spool_extractions(read_articles([corpus], lambda _: None), opts, None, spool)
    )
    cpu["workers_extract"] = round(_children_cpu() - children, 3)
    cpu["extract_wall"] = round(time.perf_counter() - wall, 3)
    _tail(cpu, timed, spool, out, resolver)
    return cpu


def stages(corpus: Path, folder: Path) -> dict[str, float]:
    """CPU seconds per stage of a build of ``corpus`` (files go under ``folder``)."""
    cpu: dict[str, float] = {}
    timed = _timer(cpu)

    articles = timed("read", lambda: list(read_articles([corpus], lambda _: None)))
    parser = timed("load", Parser)
    parsed = timed("parse", lambda: list(parser.parse(articles)))
    extractions = timed("extract", lambda: [extract(p) for p in parsed])
    parsed.clear()  # the tokens are the build's peak; a build holds one article's at a time
    spool, out = folder / "spool.jsonl", folder / "out"
    out.mkdir()
    resolver = CorpusResolver()

    def write_spool() -> None:
        with JsonlWriter(spool) as w:
            for x in extractions:
                resolver.add(x.mentions, x.aliases)
                w.write(codec.to_dict(x))

    timed("spool", write_spool)
    _tail(cpu, timed, spool, out, resolver)
    return cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "eval" / "bbc.jsonl")
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--workers", type=int, nargs="*", default=[1], help="1: the stages in one process")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = _subset(args.corpus, args.limit, Path(tmp))
        cpu = stages(corpus, Path(tmp))
        total = sum(cpu.values())
        own = total - cpu["read"] - cpu["load"] - cpu["parse"]
        row = {"articles": args.limit, "cpu_s": cpu, "total_s": round(total, 2), "own_s": round(own, 2)}
        row["own_share"] = round(own / total, 3)
        print(json.dumps(row), flush=True)
        start = worker_start_cpu() if any(n > 1 for n in args.workers) else 0.0
        for n in (n for n in args.workers if n > 1):
            print(json.dumps(_model(args.limit, n, with_workers(corpus, Path(tmp), n), start, total)), flush=True)
    return 0


def _model(articles: int, n: int, cpu: dict, start: float, one: float) -> dict:
    """The ideal N-core wall time of an N-worker build from its CPU figures (see above)."""
    tail = sum(cpu[k] for k in ("resolve_relate", "graphml", "html", "gzip"))
    shared = cpu["workers_extract"] - n * start + cpu["parent_extract"]
    ideal = start + shared / n + tail
    return {
        "articles": articles,
        "workers": n,
        "cpu_s": cpu,
        "worker_start_cpu_s": start,
        "serial_s": round(start + tail, 2),
        "serial_share": round((start + tail) / one, 3),
        "ideal_wall_s": round(ideal, 2),
        "ideal_speedup": round(one / ideal, 2),
        "total_cpu_vs_1": round((cpu["workers_extract"] + cpu["parent_extract"] + tail) / one, 3),
    }


if __name__ == "__main__":
    sys.exit(main())
