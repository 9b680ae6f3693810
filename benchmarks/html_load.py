#!/usr/bin/env python3
"""How big the HTML explorer of a build is, how fast it opens and settles, and what the tab costs.

    python benchmarks/html_load.py BUILD_DIR [--chromium /usr/bin/chromium] [--runs 3]
                                   [--shot PNG [--shot-search NAME]]

BUILD_DIR is an earlier ``graphbuild build --articles --out`` folder (e.g. of
../shared/eval/bbc.jsonl); ``--articles`` keeps the Article nodes in its GraphML, so that the
page written from it equals the ``graph.html`` of the build (titles, articles per entity).
Writes the view with the defaults (as ``graphbuild build`` does), then opens it ``--runs``
times in headless Chromium (driven by Playwright, networking off, a 1300x850 window) and
reports, best and worst of the runs:

* ``settle_ms``: page time from navigation start until the first layout has settled and
  physics stopped (the page's ``data-settle-ms``);
* ``open_s``: wall clock from asking for the page until then, as a user waits for it;
* ``search_s``: typing the name of the most mentioned entity not drawn at first, picking the
  suggestion, until it and its neighbours are drawn and settled;
* ``js_heap_mb`` (the page's used JS heap) and ``renderer_rss_mb`` (resident memory of the
  renderer processes, read from /proc), after the search; ``blank_tab_rss_mb`` is the same
  for an empty tab.

``--shot PNG`` also saves a screenshot of the page as it opens (after searching for
``--shot-search NAME`` when given): the README's pictures.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from graphbuild.api import load_graph
from graphbuild.graph.model import ARTICLE
from graphbuild.graph.view import mentions
from graphbuild.writers import html

NO_NETWORK = ["--no-sandbox", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]


def _rss_mb(browser) -> float:
    """Resident memory of the browser's renderer processes (one per tab here)."""
    cdp = browser.new_browser_cdp_session()
    procs = cdp.send("SystemInfo.getProcessInfo")["processInfo"]
    total = 0
    for p in procs:
        if p["type"] != "renderer":
            continue
        try:
            status = Path(f"/proc/{p['id']}/status").read_text()
        except OSError:
            continue
        total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    cdp.detach()
    return round(total / 1024, 1)


def run_once(browser, page_path: Path, name: str) -> dict:
    context = browser.new_context(offline=True, viewport={"width": 1300, "height": 850})
    page = context.new_page()
    t0 = time.perf_counter()
    page.goto(page_path.as_uri())
    page.wait_for_selector("body[data-stabilized]", state="attached", timeout=120_000)
    opened = time.perf_counter() - t0
    settle_ms = int(page.get_attribute("body", "data-settle-ms"))
    t1 = time.perf_counter()
    page.fill("#search", name)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "(n) => document.querySelector('#details h2') && document.querySelector('#details h2').textContent === n"
        " && !document.body.hasAttribute('data-settling')",
        arg=name,
        timeout=60_000,
    )
    searched = time.perf_counter() - t1
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    out = {
        "settle_ms": settle_ms,
        "open_s": round(opened, 2),
        "search_s": round(searched, 2),
        "js_heap_mb": round(metrics["JSHeapUsedSize"] / 2**20, 1),
        "renderer_rss_mb": _rss_mb(browser),
        "drawn_after_search": int(page.get_attribute("body", "data-shown-nodes")),
    }
    context.close()
    return out


def screenshot(browser, page_path: Path, out: Path, name: str | None) -> None:
    context = browser.new_context(offline=True, viewport={"width": 1300, "height": 800})
    page = context.new_page()
    page.goto(page_path.as_uri())
    page.wait_for_selector("body[data-stabilized]", state="attached", timeout=120_000)
    if name:
        page.fill("#search", name)
        page.keyboard.press("Enter")
        page.wait_for_function("!document.body.hasAttribute('data-settling')", timeout=60_000)
    page.wait_for_timeout(800)  # the centring animation
    page.screenshot(path=str(out))
    context.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_dir", type=Path)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shot", type=Path, help="also save a screenshot here (PNG)")
    ap.add_argument("--shot-search", help="search for this entity before the screenshot")
    args = ap.parse_args()
    graph = load_graph(args.build_dir)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "graph.html"
        t0 = time.perf_counter()
        sel = html.write(graph, page)
        write_s = time.perf_counter() - t0
        drawn = set(sel.drawn)
        hidden = [n for n in sel.nodes if n.label != ARTICLE and n.id not in drawn]
        target = min(hidden, key=lambda n: (-mentions(n), n.id)).name if hidden else sel.nodes[0].name
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=NO_NETWORK)
            blank = browser.new_context(offline=True).new_page()
            blank.goto("about:blank")
            blank_rss = _rss_mb(browser)  # what an empty tab costs, to read the others against
            blank.context.close()
            runs = [run_once(browser, page, target) for _ in range(args.runs)]
            if args.shot:
                screenshot(browser, page, args.shot, args.shot_search)
            browser.close()
        size = page.stat().st_size
    keys = ("settle_ms", "open_s", "search_s", "js_heap_mb", "renderer_rss_mb")
    print(
        json.dumps(
            {
                "graph_nodes": len(graph.nodes),
                "graph_edges": len(graph.edges),
                "graph_articles": sum(n.label == ARTICLE for n in graph.nodes.values()),
                "page_entities": sel.entities,
                "page_relations": sel.relations,
                "drawn_first": len(sel.drawn),
                "drawn_edges_first": len(sel.drawn_edges),
                "page_mb": round(size / 1e6, 2),
                "write_s": round(write_s, 2),
                "searched_for": target,
                **{k: [min(r[k] for r in runs), max(r[k] for r in runs)] for k in keys},
                "drawn_after_search": runs[-1]["drawn_after_search"],
                "blank_tab_rss_mb": blank_rss,
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
