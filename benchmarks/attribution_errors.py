#!/usr/bin/env python3
"""Attribution errors by kind: build PolNeAR splits, score them, and sort every miss.

    python benchmarks/attribution_errors.py [--eval ../shared/eval] [--out bench-out/attribution]
        [--splits dev train] [--code DIR]

For each split it runs ``graphbuild build`` on ``polnear-SPLIT.jsonl`` (with the graphbuild
found in ``--code``, default this checkout, so an older checkout gives the "before"
figures), prints the scorer's line, then sorts the gold attributions with the scorer's own
matching (content overlapping by half of each, greedy in system order):

* ``correct``: content and speaker match;
* ``wrong_speaker``: the content matches, the speaker does not;
* ``too_long`` / ``too_short``: a system quote overlaps the content but not by half of
  each (the system's content is longer / shorter);
* ``missed_speech_cue`` / ``missed_other_cue``: no system quote overlaps; the gold cue is a
  speech verb (the scorer's list) or something else (attitude, intention and evidence
  verbs, light verbs, cue nouns, punctuation);

and the system quotes: ``unmatched`` (no gold content matches them), and per kind (speech,
attitude, evidence) how many there are and the share that is correct. Nothing from the
eval data is copied into the project; paths are arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _spans_overlap(xs, ys) -> int:
    return sum(_overlap(x, y) for x in xs for y in ys)


def _length(xs) -> int:
    return sum(e - s for s, e in xs)


def sort_errors(gold: list[dict], system: list[dict], speech_words: tuple[str, ...]) -> dict:
    """Counts of every gold attribution's fate and of the system quotes (see the module doc)."""
    gold = [g for g in gold if g.get("source")]
    by_doc = defaultdict(list)
    for gi, g in enumerate(gold):
        by_doc[str(g["article_id"])].append(gi)
    used: dict[int, bool] = {}
    kinds: Counter = Counter()
    kinds_ok: Counter = Counter()
    unmatched = 0
    for d in system:
        aid = str(d["article_id"])
        mentions = defaultdict(list)
        for m in d.get("mentions", []):
            mentions[m.get("entity_id")].append((m["start"], m["end"]))
        for q in d.get("quotes", []):
            content = [tuple(c) for c in q.get("content", [])]
            best, best_ov = None, 0
            for gi in by_doc.get(aid, []):
                if gi in used:
                    continue
                gc = gold[gi]["content"]["spans"]
                ov = _spans_overlap(content, gc)
                if ov >= 0.5 * _length(gc) and ov >= 0.5 * max(1, _length(content)) and ov > best_ov:
                    best, best_ov = gi, ov
            kind = q.get("kind", "speech")
            kinds[kind] += 1
            if best is None:
                unmatched += 1
                continue
            src, sp = gold[best]["source"]["spans"], q.get("speaker") or {}
            ok = ("start" in sp and _spans_overlap([(sp["start"], sp["end"])], src) > 0) or bool(
                sp.get("entity_id") and any(_spans_overlap([m], src) > 0 for m in mentions.get(sp["entity_id"], []))
            )
            used[best] = ok
            kinds_ok[kind] += ok
    quotes = defaultdict(list)
    for d in system:
        quotes[str(d["article_id"])] += [[tuple(c) for c in q.get("content", [])] for q in d.get("quotes", [])]
    fate: Counter = Counter()
    for gi, g in enumerate(gold):
        if gi in used:
            fate["correct" if used[gi] else "wrong_speaker"] += 1
            continue
        gc = g["content"]["spans"]
        near = [c for c in quotes[str(g["article_id"])] if _spans_overlap(c, gc) > 0]
        if near:
            longest = max(near, key=lambda c: _spans_overlap(c, gc))
            fate["too_long" if _length(longest) > _length(gc) else "too_short"] += 1
        else:
            cue = ((g.get("cue") or {}).get("text") or "").lower()
            speech = any(w in cue.split() or w == cue for w in speech_words)
            fate["missed_speech_cue" if speech else "missed_other_cue"] += 1
    return {
        "gold": len(gold),
        **{k: fate[k] for k in ("correct", "wrong_speaker", "too_long", "too_short")},
        **{k: fate[k] for k in ("missed_speech_cue", "missed_other_cue")},
        "system": sum(kinds.values()),
        "unmatched": unmatched,
        "by_kind": {k: {"quotes": n, "p": round(kinds_ok[k] / n, 3)} for k, n in sorted(kinds.items())},
    }


def _speech_words(scorer: Path) -> tuple[str, ...]:
    """The scorer's list of speech cues (read from it, so both always agree)."""
    spec = {"__name__": "score"}
    exec(compile(scorer.read_text(encoding="utf-8"), str(scorer), "exec"), spec)
    return tuple(spec["SPEECH"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=HERE.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path, default=HERE / "bench-out" / "attribution")
    ap.add_argument("--splits", nargs="*", default=["dev", "train"])
    ap.add_argument("--code", type=Path, default=HERE, help="checkout whose graphbuild builds (default: this one)")
    args = ap.parse_args()
    args.eval, args.out = args.eval.resolve(), args.out.resolve()
    scorer = args.eval / "score.py"
    env = {**os.environ, "PYTHONPATH": str(args.code.resolve())}
    for split in args.splits:
        inp, gold = args.eval / f"polnear-{split}.jsonl", args.eval / f"polnear-{split}.gold.jsonl"
        out = args.out / split
        build = [sys.executable, "-m", "graphbuild", "build", str(inp), "--out", str(out), "-q"]
        subprocess.run(build, check=True, env=env, cwd=args.code, stdout=subprocess.DEVNULL)
        extractions = out / "extractions.jsonl"
        score = subprocess.run(
            [sys.executable, str(scorer), "quotes", str(gold), str(extractions)],
            check=True,
            capture_output=True,
            text=True,
        )
        print(f"{split}: {score.stdout.strip()}", flush=True)
        errors = sort_errors(_load(gold), _load(extractions), _speech_words(scorer))
        print(f"{split} errors: {json.dumps(errors)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
