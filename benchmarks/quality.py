#!/usr/bin/env python3
"""Quality figures: build each eval corpus with graphbuild and score it with the shared scorer.

    python benchmarks/quality.py [--eval ../shared/eval] [--out bench-out] [--only polnear msnbc reuters128]

Prints one line per corpus with the scorer's JSON. Nothing from the eval data is copied
into the project; paths are arguments.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

CORPORA = {  # name -> (scorer mode, input file, gold file)
    "polnear": ("quotes", "polnear-dev.jsonl", "polnear-dev.gold.jsonl"),
    "msnbc": ("resolution", "msnbc.jsonl", "msnbc.gold.jsonl"),
    "reuters128": ("resolution", "reuters128.jsonl", "reuters128.gold.jsonl"),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parent.parent
    ap.add_argument("--eval", type=Path, default=here.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path, default=here / "bench-out")
    ap.add_argument("--only", nargs="*", default=list(CORPORA))
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    for name in args.only:
        mode, inp, gold = CORPORA[name]
        out = args.out / name
        cmd = [sys.executable, "-m", "graphbuild", "build", str(args.eval / inp), "--out", str(out), "-q"]
        if args.model:
            cmd += ["--model", args.model]
        subprocess.run(cmd, check=True)
        res = subprocess.run(
            [sys.executable, str(args.eval / "score.py"), mode, str(args.eval / gold), str(out / "extractions.jsonl")],
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(res.stdout)
        print(f"{name}: {json.dumps(figures)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
