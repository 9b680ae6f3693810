#!/usr/bin/env python3
"""List the most mentioned entities of a build for checking by hand.

    python benchmarks/entity_audit.py OUT_DIR INPUT.jsonl [--top 200] [--samples 2]

For each entity (by mentions): rank, id, label, mentions, articles, the surface forms it was
written with (counts) and a few sentences, so a reader can mark wrong types, junk, splits
and wrong merges quickly. Reads ``OUT_DIR/graph.graphml`` and ``OUT_DIR/extractions.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from graphbuild.writers import graphml


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("input", type=Path)
    ap.add_argument("--top", type=int, default=200)
    ap.add_argument("--samples", type=int, default=2)
    args = ap.parse_args()
    graph = graphml.read(args.out / "graph.graphml")
    texts = {}
    with args.input.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts[rec["id"]] = rec["text"]
    forms: dict[str, Counter] = defaultdict(Counter)
    samples: dict[str, list[str]] = defaultdict(list)
    with (args.out / "extractions.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = texts.get(rec["article_id"], "")
            for m in rec["mentions"]:
                eid = m["entity_id"]
                forms[eid][m["text"]] += 1
                if len(samples[eid]) < 40:
                    a = max(text.rfind(".", 0, m["start"]), text.rfind("\n", 0, m["start"])) + 1
                    b = text.find(".", m["end"])
                    b = len(text) if b < 0 else b + 1
                    s = " ".join(text[a:b].split())
                    samples[eid].append(f"[{rec['article_id']}] {s[:220]}")
    ents = [n for n in graph.nodes.values() if n.label != "Article"]
    ents.sort(key=lambda n: (-int(n.props.get("mentions", 0)), n.id))
    for rank, n in enumerate(ents[: args.top], 1):
        f = ", ".join(f"{t}×{c}" for t, c in forms[n.id].most_common(6))
        print(f"{rank:3} {n.id} [{n.label}] m={n.props.get('mentions')} a={n.props.get('articles')} | {f}")
        step = max(1, len(samples[n.id]) // max(1, args.samples))
        for s in samples[n.id][::step][: args.samples]:
            print(f"      {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
