#!/usr/bin/env python3
"""CPU seconds of each stage of one build, in one process: where graphbuild's own cost is.

    python benchmarks/build_stages.py [--corpus ../shared/eval/bbc.jsonl] [--limit 500]

Runs the stages of ``graphbuild build`` one after another on the first ``--limit`` articles
and prints one JSON line with each stage's CPU time (``time.process_time``, so other jobs on
a shared machine barely change it): reading the input, loading the pipeline, parsing with
the copy out of spaCy (what bare ``nlp.pipe`` also pays, lemmas included), extraction
(candidates, mentions, quotes), the spool and the resolver's counts, resolve + relate +
``extractions.jsonl``, GraphML, the HTML view and the gzipped article file. Everything after
the parse is graphbuild's own cost; ``own_share`` is its share of the whole.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from graphbuild.entities.resolve import CorpusResolver
from graphbuild.graph import codec
from graphbuild.ingest.sources import read_articles
from graphbuild.nlp.parser import Parser
from graphbuild.pipeline.extract import extract
from graphbuild.pipeline.run import read_spool, resolve_and_relate
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


def stages(corpus: Path, folder: Path) -> dict[str, float]:
    """CPU seconds per stage of a build of ``corpus`` (files go under ``folder``)."""
    clock = time.process_time
    cpu: dict[str, float] = {}

    def timed(name, fn):
        t = clock()
        out = fn()
        cpu[name] = round(clock() - t, 3)
        return out

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

    def relate():
        with JsonlWriter(out / "extractions.jsonl") as ex:
            return resolve_and_relate(
                lambda: read_spool(spool), "sentence", None, resolver, sink=lambda x: ex.write(codec.to_public(x))
            )

    graph = timed("resolve_relate", relate)
    timed("graphml", lambda: graphml.write(graph, out / "graph.graphml"))
    timed("html", lambda: html.write(graph, out / "graph.html"))
    timed("gzip", lambda: copy_gzipped(spool, out / "articles.jsonl.gz"))
    return cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "eval" / "bbc.jsonl")
    ap.add_argument("--limit", type=int, default=500)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cpu = stages(_subset(args.corpus, args.limit, Path(tmp)), Path(tmp))
    total = sum(cpu.values())
    own = total - cpu["read"] - cpu["load"] - cpu["parse"]
    row = {"articles": args.limit, "cpu_s": cpu, "total_s": round(total, 2), "own_s": round(own, 2)}
    row["own_share"] = round(own / total, 3)
    print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
