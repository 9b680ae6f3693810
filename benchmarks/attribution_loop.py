#!/usr/bin/env python3
"""The attribution fast loop: parse a PolNeAR split once, then rerun extraction and score.

    python benchmarks/attribution_loop.py [--eval ../shared/eval] [--splits dev train]
        [--cache bench-out/parses] [--out DIR] [--code DIR]

The first run parses each split with the default pipeline and pickles its parsed articles
(tokens, sentences, entities) under ``--cache``; later runs load them, so a change to the
attribution rules is scored in seconds instead of minutes. Extraction, resolution and the
``extractions.jsonl`` record are the build's own functions, so the scorer's line is the one
``graphbuild build`` then ``score.py quotes`` gives (checked in BENCHMARKS.md). The cache is
keyed by split and the spaCy pipeline's name and version; delete it when the parser module
changes. With ``--out``, writes ``SPLIT.extractions.jsonl`` there for error sorting.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def _scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score", eval_dir / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _parses(split: str, eval_dir: Path, cache: Path) -> list:
    from importlib.metadata import PackageNotFoundError, version

    from graphbuild.ingest.sources import read_articles
    from graphbuild.nlp.parser import Parser, default_model

    name = default_model()
    try:
        ver = version(name)
    except PackageNotFoundError:
        ver = "x"
    path = cache / f"{split}.{name}-{ver}.pickle"
    if path.exists():
        return pickle.loads(path.read_bytes())
    arts = list(read_articles([str(eval_dir / f"polnear-{split}.jsonl")]))
    parsed = list(Parser().parse(arts))
    cache.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(path)
    return parsed


def run_split(split: str, eval_dir: Path, cache: Path, out: Path | None) -> dict:
    """Extract, resolve and score one split; returns the scorer's figures."""
    from graphbuild.graph import codec
    from graphbuild.pipeline.extract import extract
    from graphbuild.pipeline.run import resolve_and_relate

    parsed = _parses(split, eval_dir, cache)
    t = time.process_time()
    xs = [extract(p) for p in parsed]
    rows: list[dict] = []
    resolve_and_relate(lambda: iter(xs), "sentence", sink=lambda x: rows.append(codec.to_public(x)), articles=False)
    spent = time.process_time() - t
    sys_path = (out or cache) / f"{split}.extractions.jsonl"
    sys_path.parent.mkdir(parents=True, exist_ok=True)
    sys_path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    figures = _scorer(eval_dir).quotes(str(eval_dir / f"polnear-{split}.gold.jsonl"), str(sys_path))
    return figures | {"extract_cpu_s": round(spent, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=HERE.parent / "shared" / "eval")
    ap.add_argument("--splits", nargs="+", default=["dev"])
    ap.add_argument("--cache", type=Path, default=HERE / "bench-out" / "parses")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--code", type=Path, default=None, help="import graphbuild from this checkout")
    args = ap.parse_args()
    sys.path.insert(0, str(args.code or HERE))
    for split in args.splits:
        print(split, json.dumps(run_split(split, args.eval, args.cache, args.out)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
