#!/usr/bin/env python3
"""Long articles: one article of N MB against the same text split into 200 articles.

    python benchmarks/long_article.py [--corpus ../shared/eval/bbc.jsonl] [--sizes 0.1 0.5 1]

The text is the corpus's articles joined by blank lines up to N MB (characters). Each build
(``build_files``, GraphML and extractions, no HTML) runs in a fresh subprocess with the
pipeline loaded before the clock starts, so the seconds are the build's own and the peak
RSS is its own. Prints, per size, both times, their ratio (single / split: 1.0 means a long
article costs what the same text in pieces costs) and both peak RSS figures (MiB).
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
PIECES = 200


def _text(corpus: Path, chars: int) -> str:
    parts, total = [], 0
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line)["text"].strip()
            parts.append(t)
            total += len(t) + 2
            if total >= chars:
                break
    text = "\n\n".join(parts)
    while len(text) < chars:  # a small corpus is repeated
        text = text + "\n\n" + text
    return text[:chars]


def _split(text: str, pieces: int) -> list[str]:
    """``text`` cut at paragraph breaks into ``pieces`` parts of about equal length."""
    out, start, step = [], 0, len(text) / pieces
    for i in range(1, pieces):
        cut = text.find("\n\n", int(i * step))
        if cut <= start:
            continue
        out.append(text[start:cut])
        start = cut + 2
    out.append(text[start:])
    return [t for t in out if t.strip()]


def run_one(corpus: Path, mb: float, mode: str) -> dict:
    from graphbuild.api import BuildOptions, build_files
    from graphbuild.nlp.parser import Parser

    text = _text(corpus, int(mb * 1_000_000))
    texts = [text] if mode == "single" else _split(text, PIECES)
    Parser()  # load the pipeline before the clock starts
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"a{i}", "text": t}) + "\n")
        t0 = time.perf_counter()
        build_files([str(path)], Path(tmp) / "out", BuildOptions(write_html=False))
        secs = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mb": mb, "mode": mode, "articles": len(texts), "seconds": secs, "rss_mib": rss}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "eval" / "bbc.jsonl")
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 0.5, 1.0])
    ap.add_argument("--one", nargs=2, metavar=("MB", "MODE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.corpus, float(args.one[0]), args.one[1])))
        return
    print(f"{'MB':>5} {'split s':>8} {'single s':>9} {'ratio':>6} {'split MiB':>10} {'single MiB':>11}")
    for mb in args.sizes:
        res = {}
        for mode in ("split", "single"):
            cmd = [sys.executable, __file__, "--corpus", str(args.corpus), "--one", str(mb), mode]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            res[mode] = json.loads(out.strip().splitlines()[-1])
        s, o = res["split"], res["single"]
        print(
            f"{mb:>5} {s['seconds']:>8.1f} {o['seconds']:>9.1f} {o['seconds'] / s['seconds']:>6.2f} "
            f"{s['rss_mib']:>10.0f} {o['rss_mib']:>11.0f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
