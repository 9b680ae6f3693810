#!/usr/bin/env python3
"""Where a long article's build peaks: RSS sampled every 5 ms, the highest per phase.

    python benchmarks/long_article_phases.py [--corpus ../shared/eval/bbc.jsonl] MB [single|split]

Builds the text of ``benchmarks/long_article.py`` (one article of MB megabytes, or the
same text in 200 articles) with ``build_files`` (no HTML) and prints the peak RSS (MiB)
of each phase: each window's extraction (``win01``, ...), the spool write, pass two's
``apply_ids`` and ``extractions.jsonl`` writes, GraphML. A phase is the innermost wrapped
function running when the sample is taken; ``pass1`` is everything else of pass one
(reading, parsing).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from long_article import PIECES, _split, _text  # noqa: E402


def _rss() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "eval" / "bbc.jsonl")
    ap.add_argument("mb", type=float)
    ap.add_argument("mode", nargs="?", default="single", choices=("single", "split"))
    args = ap.parse_args()
    import graphbuild.api.build as build
    import graphbuild.pipeline.run as run
    import graphbuild.pipeline.windows as windows
    from graphbuild.api import BuildOptions, build_files
    from graphbuild.nlp.parser import Parser

    text = _text(args.corpus, int(args.mb * 1_000_000))
    texts = _split(text, PIECES) if args.mode == "split" else [text]
    del text
    Parser()
    phase, peaks = ["load"], {}

    def sample() -> None:
        while True:
            r, p = _rss(), phase[0]
            peaks[p] = max(peaks.get(p, 0.0), r)
            time.sleep(0.005)

    def wrap(owner, name: str, label) -> None:
        f = getattr(owner, name, None)
        if f is None:  # an older tree (the figures of BENCHMARKS.md compare one with this)
            return

        def g(*a, **k):
            old = phase[0]
            phase[0] = label(a) if callable(label) else label
            try:
                return f(*a, **k)
            finally:
                phase[0] = old

        setattr(owner, name, g)

    count = [0]

    def window(_) -> str:
        count[0] += 1
        return f"win{count[0]:02d}"

    wrap(windows, "extract", window)
    wrap(windows, "merge", "merge")
    wrap(run, "apply_ids", "apply_ids")
    wrap(build.graphml, "write", "graphml")
    for name in ("write", "write_pieces"):
        wrap(run.JsonlWriter, name, lambda a: "spool write" if "spool" in a[0].path.name else "extractions write")
    threading.Thread(target=sample, daemon=True).start()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"a{i}", "text": t}) + "\n")
        del texts
        phase[0] = "pass1"
        t0 = time.perf_counter()
        build_files([str(path)], Path(tmp) / "out", BuildOptions(write_html=False))
        secs = time.perf_counter() - t0
        phase[0] = "end"
    time.sleep(0.05)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.mb} MB {args.mode}: {secs:.0f} s, peak RSS {peak:.0f} MiB")
    for name, mib in peaks.items():
        print(f"  {name:18} {mib:6.0f}")


if __name__ == "__main__":
    main()
