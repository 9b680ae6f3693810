#!/usr/bin/env python3
"""Throughput: the whole ``graphbuild build`` process against a bare spaCy ``nlp.pipe`` process.

    python benchmarks/throughput.py [--corpus ../shared/eval/bbc.jsonl] [--limit 500 2225]
                                    [--workers 1 2] [--pairs 3] [--model NAME] [--baseline DIR]

For each article count and worker count it runs ``--pairs`` interleaved pairs of whole
processes, each timed from start to exit by this script (interpreter start, imports and
model load included on both sides):

1. bare: ``spacy.load(MODEL)`` with its default pipeline (nothing excluded), then
   ``nlp.pipe`` over the same texts, ``batch_size=64`` (``n_process`` = workers), results
   discarded;
2. full: ``python -m graphbuild build CORPUS --out TMP --model MODEL --workers N -q``, the
   command a user runs (ingest, extract, resolve, relate, GraphML, HTML, extractions.jsonl).

With ``--baseline DIR`` (a checkout of another commit, e.g. ``git worktree add DIR main``)
every pair also runs that checkout's ``graphbuild build`` (``PYTHONPATH=DIR``) between the
two, so before and after are measured in the same run, under the same load; its figures
carry a ``base_`` prefix.

Prints one JSON line per (articles, workers): medians of the wall times, the ratio
bare / full (1.0 = graphbuild at the parser's speed), every pair's ratio, the same for CPU
time (user + system of the process and its workers: on a loaded shared machine, where a
process waits for a core most of its wall time, the CPU ratio is the stable figure), peak
RSS (MiB, the process or its largest worker), the cores used (CPU seconds per wall second)
and, for graphbuild, the share of wall time in which the process and its workers kept two
cores busy (its CPU sampled from /proc every half second), and the 1-minute load average
before and after. With several worker counts it also prints each count's speed-up over one
worker (the graphbuild wall medians) and its CPU time against one worker's: on a shared
machine a second worker often gets no second core, so the wall speed-up says little there;
the CPU figures say what the extra workers cost.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BARE_BATCH = 64
BARE = """
import json, sys, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
for _ in nlp.pipe(texts, batch_size={batch}, n_process=int(sys.argv[3])):
    pass
"""


def _subset(corpus: Path, limit: int | None, folder: Path) -> Path:
    out = folder / f"corpus-{limit or 'all'}.jsonl"
    with corpus.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            dst.write(line)
    return out


def _run(cmd: list[str], env: dict) -> tuple[float, float, float, float]:
    """Wall seconds, CPU seconds (user + system, the process and all its workers), peak RSS
    (MiB, the process or its largest worker) and the share of the wall time in which the
    process and its workers kept two cores busy, of one whole process, run under this script
    as a small wrapper (``--time``) so the figures are its own and not a running maximum."""
    res = subprocess.run(
        [sys.executable, __file__, "--time", *cmd], check=True, env=env, capture_output=True, text=True
    )
    wall, cpu, rss, both = res.stdout.split()
    return float(wall), float(cpu), float(rss), float(both)


def _tree_cpu(root: int) -> float:
    """CPU seconds so far of ``root`` and every live descendant (each one's reaped children
    included), read from /proc."""
    parents: dict[int, list[int]] = {}
    ticks: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        parents.setdefault(int(fields[1]), []).append(pid)
        ticks[pid] = sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += ticks.get(pid, 0)
        todo.extend(parents.get(pid, ()))
    return total / os.sysconf("SC_CLK_TCK")


def _time(cmd: list[str], step: float = 0.5) -> None:
    """Run ``cmd`` and print its wall and CPU seconds, peak RSS and the share of wall time in
    which it used two cores or more (CPU sampled every ``step`` seconds; 1.8 CPU-seconds per
    wall-second counts as two busy cores)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    both = 0.0
    last_t, last_cpu = t0, 0.0
    while proc.poll() is None:
        time.sleep(step)
        now, cpu = time.perf_counter(), _tree_cpu(proc.pid)
        if cpu - last_cpu >= 1.8 * (now - last_t):
            both += now - last_t
        last_t, last_cpu = now, cpu
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(proc.returncode)
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(wall, u.ru_utime + u.ru_stime, u.ru_maxrss / 1024, both / wall)


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def measure(
    corpus: Path, limit: int | None, workers: int, model: str, pairs: int, tmp: Path, baseline: Path | None = None
) -> dict:
    """Interleaved whole-process pairs for one (article count, worker count)."""
    sub = _subset(corpus, limit, tmp)
    env = dict(os.environ)
    bare_cmd = [sys.executable, "-c", BARE.format(batch=BARE_BATCH), str(sub), model, str(workers)]
    full_cmd = [sys.executable, "-m", "graphbuild", "build", str(sub), "--out", str(tmp / "out")]
    full_cmd += ["--model", model, "--workers", str(workers), "-q"]
    base_env = {**env, "PYTHONPATH": str(baseline)} if baseline else None
    load_before = _load()
    bares, fulls, bases = [], [], []
    for _ in range(pairs):
        bares.append(_run(bare_cmd, env))
        if base_env:
            bases.append(_run(full_cmd, base_env))
        fulls.append(_run(full_cmd, env))
    med = statistics.median
    bare_s, full_s = med(r[0] for r in bares), med(r[0] for r in fulls)
    bare_cpu, full_cpu = med(r[1] for r in bares), med(r[1] for r in fulls)
    with sub.open(encoding="utf-8") as fh:
        articles = sum(1 for _ in fh)
    row = {
        "articles": articles,
        "workers": workers,
        "pairs": pairs,
        "bare_s": round(bare_s, 1),
        "full_s": round(full_s, 1),
        "ratio": round(bare_s / full_s, 3),
        "pair_ratios": [round(b[0] / f[0], 3) for b, f in zip(bares, fulls)],
        "bare_cpu_s": round(bare_cpu, 1),
        "full_cpu_s": round(full_cpu, 1),
        "cpu_ratio": round(bare_cpu / full_cpu, 3),
        "pair_cpu_ratios": [round(b[1] / f[1], 3) for b, f in zip(bares, fulls)],
        # CPU seconds per wall second (2.0 = both cores all the time) and the share of wall time
        # with two cores busy: what a second worker could get on this machine while it ran.
        "bare_cores": round(med(r[1] / r[0] for r in bares), 2),
        "full_cores": round(med(r[1] / r[0] for r in fulls), 2),
        "full_two_core_share": round(med(r[3] for r in fulls), 2),
        "bare_rss_mib": round(max(r[2] for r in bares)),
        "full_rss_mib": round(max(r[2] for r in fulls)),
        "load_before": load_before,
        "load_after": _load(),
    }
    if bases:
        base_s, base_cpu = med(r[0] for r in bases), med(r[1] for r in bases)
        row["baseline"] = str(baseline)
        row["base_full_s"] = round(base_s, 1)
        row["base_ratio"] = round(bare_s / base_s, 3)
        row["base_pair_ratios"] = [round(b[0] / f[0], 3) for b, f in zip(bares, bases)]
        row["base_full_cpu_s"] = round(base_cpu, 1)
        row["base_cpu_ratio"] = round(bare_cpu / base_cpu, 3)
        row["base_pair_cpu_ratios"] = [round(b[1] / f[1], 3) for b, f in zip(bares, bases)]
        row["base_full_rss_mib"] = round(max(r[2] for r in bases))
    return row


def main() -> int:
    if sys.argv[1:2] == ["--time"]:
        _time(sys.argv[2:])
        return 0
    from graphbuild.nlp.parser import default_model

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "eval" / "bbc.jsonl")
    ap.add_argument("--limit", type=int, nargs="*", default=[500])
    ap.add_argument("--workers", type=int, nargs="*", default=[1])
    ap.add_argument("--model", default=None)
    ap.add_argument("--pairs", type=int, default=3, help="interleaved (bare, full) pairs; medians count")
    ap.add_argument("--baseline", type=Path, default=None, help="another checkout, run in every pair too")
    args = ap.parse_args()
    model = args.model or default_model()
    with tempfile.TemporaryDirectory() as tmp:
        for limit in args.limit:
            one: dict | None = None
            for workers in args.workers:
                row = measure(args.corpus, limit, workers, model, args.pairs, Path(tmp), args.baseline)
                if workers == 1:
                    one = row
                elif one:
                    for pre in ("", "base_") if args.baseline else ("",):
                        full = "base_full" if pre else "full"
                        row[pre + "speedup_vs_1"] = round(one[full + "_s"] / row[full + "_s"], 2)
                        # CPU the extra workers cost: on a quiet machine the wall speed-up is
                        # at most workers / this (every added CPU-second is parallel overhead).
                        row[pre + "cpu_vs_1"] = round(row[full + "_cpu_s"] / one[full + "_cpu_s"], 3)
                print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
