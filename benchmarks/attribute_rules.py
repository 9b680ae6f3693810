#!/usr/bin/env python3
"""spaCy's attribute ruler against graphbuild's per-token-key rules: same attributes? how fast?

    python benchmarks/attribute_rules.py [--corpus ../shared/eval/bbc.jsonl] [--limit 500]

Parses the first ``--limit`` texts with the default pipeline up to the attribute ruler, then
applies to a copy of each Doc spaCy's ``attribute_ruler`` and to another copy
:class:`graphbuild.nlp.rules.FastRules` built from it, and prints one JSON line: the Docs
whose tokens differ in any attribute (ORTH, POS, TAG, DEP, HEAD, LEMMA, MORPH, SENT_START;
0 means the same Docs) and each one's CPU seconds (``time.process_time``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ATTRS = ["ORTH", "POS", "TAG", "DEP", "HEAD", "LEMMA", "MORPH", "SENT_START"]


def main() -> int:
    import spacy

    from graphbuild.nlp.parser import default_model
    from graphbuild.nlp.rules import FastRules

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "eval" / "bbc.jsonl")
    ap.add_argument("--limit", type=int, default=500)
    args = ap.parse_args()
    with args.corpus.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for _, line in zip(range(args.limit), fh)]
    nlp = spacy.load(default_model(), exclude=["lemmatizer", "ner"])
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastRules(ruler)
    spent = {"ruler": 0.0, "fast": 0.0}
    differing = tokens = 0
    with nlp.select_pipes(disable=["attribute_ruler"]):
        for doc in nlp.pipe(texts, batch_size=16):
            theirs, ours = doc.copy(), doc.copy()
            for name, fn, d in (("ruler", ruler, theirs), ("fast", fast, ours)):
                t = time.process_time()
                fn(d)
                spent[name] += time.process_time() - t
            tokens += len(doc)
            same = (theirs.to_array(ATTRS) == ours.to_array(ATTRS)).all()
            differing += not (same and [str(t.morph) for t in theirs] == [str(t.morph) for t in ours])
    row = {"docs": len(texts), "tokens": tokens, "differing_docs": differing}
    row |= {f"{k}_cpu_s": round(v, 2) for k, v in spent.items()}
    print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
