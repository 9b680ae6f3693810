#!/usr/bin/env python3
"""Long articles: one article of N MB against the same text split into 200 articles.

    python benchmarks/long_article.py [--corpus ../shared/eval/bbc.jsonl] [--sizes 0.1 0.5 1 3]
                                      [--compare 1]

The text is the corpus's articles joined by blank lines up to N MB (characters). Each build
(``build_files``, GraphML and extractions, no HTML) runs in a fresh subprocess with the
pipeline loaded before the clock starts, so the seconds are the build's own and the peak
RSS is its own. Prints, per size, both times, their ratio (single / split: 1.0 means a long
article costs what the same text in pieces costs) and both peak RSS figures (MiB).

An article over ``graphbuild.pipeline.windows.LONG_CHARS`` is extracted in windows.
``--compare MB`` also builds the single article of that size in one pass (windowing off, as
before windows existed) and prints how far the two graphs differ: entities and edges in
one graph and not the other, and shared edges whose weight differs.
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


def run_one(corpus: Path, mb: float, mode: str, keep: Path | None = None) -> dict:
    from graphbuild.api import BuildOptions, build_files
    from graphbuild.nlp.parser import Parser
    from graphbuild.pipeline import windows

    text = _text(corpus, int(mb * 1_000_000))
    texts = _split(text, PIECES) if mode == "split" else [text]
    if mode == "unwindowed":
        windows.LONG_CHARS = len(text) + 1
    Parser()  # load the pipeline before the clock starts
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"a{i}", "text": t}) + "\n")
        t0 = time.perf_counter()
        result = build_files([str(path)], Path(tmp) / "out", BuildOptions(write_html=False))
        secs = time.perf_counter() - t0
    if keep is not None:
        g = result.graph
        ents = sorted(i for i, n in g.nodes.items() if n.label != "Article")
        edges = {"|".join(k): e.weight for k, e in g.edges.items() if e.type != "MENTIONS"}
        keep.write_text(json.dumps({"entities": ents, "edges": edges}))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mb": mb, "mode": mode, "articles": len(texts), "seconds": secs, "rss_mib": rss}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "eval" / "bbc.jsonl")
    ap.add_argument("--sizes", type=float, nargs="*", default=[0.1, 0.5, 1.0, 3.0])
    ap.add_argument("--compare", type=float, help="also build this size in one pass and compare the graphs")
    ap.add_argument("--one", nargs=2, metavar=("MB", "MODE"), help=argparse.SUPPRESS)
    ap.add_argument("--keep", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.corpus, float(args.one[0]), args.one[1], args.keep)))
        return
    if args.compare:
        compare(args.corpus, args.compare)
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


def compare(corpus: Path, mb: float) -> None:
    """The single article of ``mb`` MB built in windows and in one pass: how the graphs differ."""
    with tempfile.TemporaryDirectory() as tmp:
        got = {}
        for mode in ("single", "unwindowed"):
            keep = Path(tmp) / f"{mode}.json"
            cmd = [sys.executable, __file__, "--corpus", str(corpus), "--one", str(mb), mode, "--keep", str(keep)]
            run = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
            got[mode] = {**json.loads(keep.read_text()), **run}
    w, u = got["single"], got["unwindowed"]
    ew, eu = set(w["entities"]), set(u["entities"])
    shared = set(w["edges"]) & set(u["edges"])
    print(
        json.dumps(
            {
                "mb": mb,
                "windowed": {
                    "entities": len(ew),
                    "edges": len(w["edges"]),
                    "seconds": round(w["seconds"], 1),
                    "rss_mib": round(w["rss_mib"]),
                },
                "one_pass": {
                    "entities": len(eu),
                    "edges": len(u["edges"]),
                    "seconds": round(u["seconds"], 1),
                    "rss_mib": round(u["rss_mib"]),
                },
                "entities_only_windowed": len(ew - eu),
                "entities_only_one_pass": len(eu - ew),
                "edges_only_windowed": len(set(w["edges"]) - shared),
                "edges_only_one_pass": len(set(u["edges"]) - shared),
                "shared_edges_other_weight": sum(w["edges"][k] != u["edges"][k] for k in shared),
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
