#!/usr/bin/env python3
"""Throughput: the whole ``graphbuild build`` against bare spaCy ``nlp.pipe``, same run.

    python benchmarks/throughput.py [--corpus ../shared/eval/bbc.jsonl] [--limit N]... [--workers 1 2]

For each article count and worker count it runs ``--repeat`` times, interleaved, each in a
fresh subprocess so peak RSS is its own, and keeps the fastest of each kind: (1) bare ``nlp.pipe`` over the texts with the same pipeline (same components
excluded) and process count, (2) the full build (ingest, extract, resolve, relate, write
GraphML and extractions.jsonl). Prints words/s for both, their ratio, and peak RSS (MiB,
the process and its workers).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BARE_BATCH = 16  # about the articles per batch graphbuild's 24k-character batches hold


def _words(path: Path, limit: int | None) -> tuple[list[str], int]:
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(texts) >= limit:
                break
            texts.append(json.loads(line)["text"])
    return texts, sum(len(t.split()) for t in texts)


def _peak_rss_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def run_bare(corpus: Path, limit: int | None, workers: int, model: str | None) -> dict:
    from graphbuild.nlp.parser import Parser

    texts, words = _words(corpus, limit)
    nlp = Parser(model).nlp
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BARE_BATCH, n_process=workers):
        pass
    secs = time.perf_counter() - t0
    return {"words": words, "seconds": secs, "rss_mib": _peak_rss_mib()}


def run_full(corpus: Path, limit: int | None, workers: int, model: str | None) -> dict:
    from graphbuild.api import BuildOptions, build_files

    _, words = _words(corpus, limit)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with corpus.open(encoding="utf-8") as fh, src.open("w", encoding="utf-8") as out:
            for n, line in enumerate(fh):
                if limit is not None and n >= limit:
                    break
                out.write(line)
        t0 = time.perf_counter()
        result = build_files(
            [str(src)], Path(tmp) / "out", BuildOptions(model=model, workers=workers, write_html=False)
        )
        secs = time.perf_counter() - t0
    return {
        "words": words,
        "seconds": secs,
        "rss_mib": _peak_rss_mib(),
        "articles": result.articles,
        "nodes": len(result.graph.nodes),
        "edges": len(result.graph.edges),
    }


def _child(kind: str, corpus: Path, limit: int | None, workers: int, model: str | None) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, "--corpus", str(corpus), "--workers", str(workers)]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    if model:
        cmd += ["--model", model]
    res = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "eval" / "bbc.jsonl")
    ap.add_argument("--limit", type=int, nargs="*", default=[None])
    ap.add_argument("--workers", type=int, nargs="*", default=[1])
    ap.add_argument("--model", default=None)
    ap.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="runs of each, interleaved; the best of each counts (the machines are shared and noisy)",
    )
    ap.add_argument("--child", choices=["bare", "full"])
    args = ap.parse_args()
    if args.child:
        fn = run_bare if args.child == "bare" else run_full
        print(json.dumps(fn(args.corpus, args.limit[0], args.workers[0], args.model)))
        return 0
    for limit in args.limit:
        for workers in args.workers:
            bares, fulls = [], []
            for _ in range(args.repeat):
                bares.append(_child("bare", args.corpus, limit, workers, args.model))
                fulls.append(_child("full", args.corpus, limit, workers, args.model))
            bare = min(bares, key=lambda r: r["seconds"])
            full = min(fulls, key=lambda r: r["seconds"])
            bw, fw = bare["words"] / bare["seconds"], full["words"] / full["seconds"]
            print(
                json.dumps(
                    {
                        "articles": full["articles"],
                        "words": full["words"],
                        "workers": workers,
                        "bare_wps": round(bw),
                        "full_wps": round(fw),
                        "ratio": round(fw / bw, 3),
                        "bare_rss_mib": round(bare["rss_mib"]),
                        "full_rss_mib": round(full["rss_mib"]),
                        "nodes": full["nodes"],
                        "edges": full["edges"],
                        "repeat": args.repeat,
                        "all_ratios": [
                            round(f["seconds"] and (f["words"] / f["seconds"]) / (b["words"] / b["seconds"]), 3)
                            for b, f in zip(bares, fulls)
                        ],
                    }
                ),
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
