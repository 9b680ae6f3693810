#!/usr/bin/env python3
"""How fast the HTML view of a big graph loads and settles in headless Chromium.

    python benchmarks/html_load.py BUILD_DIR [--chromium /usr/bin/chromium]

BUILD_DIR is an earlier ``graphbuild build --out`` folder (e.g. of ../shared/eval/bbc.jsonl).
Writes the view with the default pruning, then loads it in headless Chromium with networking
disabled, giving the page a budget of page time (1 s, 2 s, ...) until its script has marked
``data-stabilized`` (physics done). Prints the graph size, what the view shows, the page-time
budget that sufficed and the wall-clock seconds that Chromium run took (load, layout, dump).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graphbuild.api import load_graph
from graphbuild.writers import html

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


def settled_after(chromium: str, page: Path, budget_ms: int) -> bool:
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run(
            [
                chromium,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--virtual-time-budget={budget_ms}",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout
    return 'data-stabilized="1"' in dom


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_dir", type=Path)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    graph = load_graph(args.build_dir)
    with tempfile.TemporaryDirectory() as tmp:
        page = html.write(graph, Path(tmp) / "graph.html")
        sel = html.last_selection
        # smallest real-time budget (in 1 s steps) after which the page reports it has settled
        for budget in range(1, 31):
            t0 = time.perf_counter()
            if settled_after(args.chromium, page, budget * 1000):
                wall = time.perf_counter() - t0
                break
        else:
            budget, wall = None, None
    print(
        json.dumps(
            {
                "graph_nodes": len(graph.nodes),
                "graph_edges": len(graph.edges),
                "shown": sel.note if sel is not None else "",
                "settled_within_s": budget,
                "chromium_wall_s": round(wall, 1) if wall else None,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
