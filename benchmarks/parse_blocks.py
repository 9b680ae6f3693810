#!/usr/bin/env python3
"""Bare ``nlp.pipe`` against graphbuild's parse and extraction, block by block, in one process.

    python benchmarks/parse_blocks.py [--corpus ../shared/eval/bbc.jsonl] [--limit 2225] [--block 100]

For each block of ``--block`` articles (the BBC corpus is ordered by category: business,
entertainment, politics, sport, tech) it runs a bare spaCy pipeline (default pipeline,
``batch_size=64``) and graphbuild's :class:`~graphbuild.nlp.parser.Parser` plus extraction
over the same texts, one after the other, and prints one JSON line: tokens, the CPU seconds
(``time.process_time``) of each and per 1,000 tokens, and parse / bare. Both run under the
same load, so the ratio says whether graphbuild's per-token cost grows along the corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    import spacy

    from graphbuild.graph.model import Article
    from graphbuild.nlp.parser import Parser, default_model
    from graphbuild.pipeline.extract import extract

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "eval" / "bbc.jsonl")
    ap.add_argument("--limit", type=int, default=2225)
    ap.add_argument("--block", type=int, default=100)
    args = ap.parse_args()
    with args.corpus.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(args.limit), fh)]
    bare, parser = spacy.load(default_model()), Parser()
    for i in range(0, len(rows), args.block):
        block = rows[i : i + args.block]
        t = time.process_time()
        tokens = sum(len(d) for d in bare.pipe([r["text"] for r in block], batch_size=64))
        tb = time.process_time() - t
        t = time.process_time()
        parsed = list(parser.parse(Article(r["id"], r["text"], r.get("title")) for r in block))
        tp = time.process_time() - t
        t = time.process_time()
        for p in parsed:
            extract(p)
        te = time.process_time() - t
        del parsed
        row = {"from": i, "category": str(block[0]["id"]).split("/")[0], "tokens": tokens}
        row |= {"bare_s": round(tb, 2), "parse_s": round(tp, 2), "extract_s": round(te, 2)}
        row |= {
            f"{k}_per_1000_tokens": round(v / tokens * 1000, 4)
            for k, v in (("bare", tb), ("parse", tp), ("extract", te))
        }
        row["parse_vs_bare"] = round(tp / tb, 3)
        print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
