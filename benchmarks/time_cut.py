#!/usr/bin/env python3
"""Time: what dates cost and what a cut by date takes.

    python benchmarks/time_cut.py [--corpus ../shared/eval/bbc.jsonl] [--limit 600]

Gives the first ``--limit`` articles invented dates (one a day from 2026-01-01, so the
corpus spans months), builds them once, then measures, best of ``--repeat``:

* relate with dates against the same extractions undated (the cost of first/last seen and
  the monthly counts), time and peak Python memory (tracemalloc);
* ``export --since/--until`` of one month from the build folder (rebuilt from the stored
  extractions, no NLP) against the build itself;
* the size of ``articles.jsonl.gz`` (what the cut reads) against the input.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from graphbuild import api  # noqa: E402
from graphbuild.graph import codec  # noqa: E402
from graphbuild.pipeline.run import resolve_and_relate  # noqa: E402
from graphbuild.writers.jsonl import read_jsonl  # noqa: E402


def _dated_corpus(src: Path, limit: int, dst: Path) -> None:
    with src.open(encoding="utf-8") as fin, dst.open("w", encoding="utf-8") as fout:
        for i, line in enumerate(fin):
            if i >= limit:
                break
            rec = json.loads(line)
            rec["published"] = (date(2026, 1, 1) + timedelta(days=i)).isoformat()
            fout.write(json.dumps(rec) + "\n")


def _best(fn, repeat: int) -> tuple[float, int, object]:
    """Fastest wall time of ``fn()``, its peak traced memory, and its result."""
    best, peak, out = float("inf"), 0, None
    for _ in range(repeat):
        tracemalloc.start()
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
        peak = max(peak, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    return best, peak, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "eval" / "bbc.jsonl")
    ap.add_argument("--limit", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="graphbuild-time-") as tmp:
        corpus, out = Path(tmp) / "dated.jsonl", Path(tmp) / "out"
        _dated_corpus(args.corpus, args.limit, corpus)
        t = time.perf_counter()
        result = api.build_files([str(corpus)], out, api.BuildOptions(write_html=False))
        build_s = time.perf_counter() - t
        stored = [codec.from_dict(d) for d in read_jsonl(out / api.ARTICLES_FILE)]
        undated = [replace(x, meta={k: v for k, v in x.meta.items() if k != "published"}) for x in stored]
        dated_s, dated_mem, graph = _best(lambda: resolve_and_relate(lambda: iter(stored), "sentence"), args.repeat)
        plain_s, plain_mem, _ = _best(lambda: resolve_and_relate(lambda: iter(undated), "sentence"), args.repeat)
        month = "2026-02-01", "2026-02-28"
        cut_s, _, cut = _best(lambda: api.load_graph(out, *month), args.repeat)
        n_cut = sum(1 for n in cut.nodes.values() if n.label == "Article")  # type: ignore[attr-defined]
        sizes = corpus.stat().st_size, (out / api.ARTICLES_FILE).stat().st_size
    print(f"{result.articles} articles, {len(graph.nodes)} nodes, {len(graph.edges)} edges")  # type: ignore[attr-defined]
    print(f"build (spaCy included): {build_s:.1f} s")
    print(
        f"resolve+relate dated: {dated_s:.2f} s, peak {dated_mem / 2**20:.1f} MiB; "
        f"undated: {plain_s:.2f} s, peak {plain_mem / 2**20:.1f} MiB "
        f"(dates cost {100 * (dated_s / plain_s - 1):+.0f}% time, {100 * (dated_mem / plain_mem - 1):+.0f}% memory)"
    )
    print(
        f"cut of one month ({n_cut} articles) from the build folder: {cut_s:.2f} s ({build_s / cut_s:.0f}x faster than the build)"
    )
    print(f"articles.jsonl.gz: {sizes[1] / 2**20:.1f} MiB for {sizes[0] / 2**20:.1f} MiB of input JSONL")


if __name__ == "__main__":
    main()
