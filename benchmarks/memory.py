#!/usr/bin/env python3
"""Memory of the embedded build as the corpus grows: peak RSS at N and k x N articles.

    python benchmarks/memory.py [--corpus ../shared/eval/bbc.jsonl] [--articles 2225 8900]
                                [--workers 1] [--after-extraction [--from-build DIR]]
                                [--before TREE] [--keep DIR] [--inputs PATH...]

The corpus is repeated with new ids (copy ``k`` of article ``ID`` is ``ID~k``) up to each
article count, so at four times the articles the entities and the entity-entity edges are
the same and only what is held per article can grow. Each size runs as a whole process,
``python -m graphbuild build COPIES --out TMP -q`` (the command a user runs: GraphML, HTML,
extractions.jsonl), under a small wrapper that reports its wall seconds, CPU seconds and
peak RSS (``getrusage(RUSAGE_CHILDREN)``: the process or its largest worker).

``--after-extraction`` measures only what follows extraction, much faster: it extracts the
corpus once (``graphbuild build``), then for each size copies that build's spool
(``articles.jsonl.gz``) with new ids and runs pass two and the writers
(``resolve_and_relate`` and ``_write_outputs``) in a fresh process (``--from-build DIR``:
copy the spool of that earlier build of the corpus instead). That is the part whose
memory depends on the corpus size; extraction holds one batch of articles at a time.
``--warm N`` first extracts the corpus's first N articles in that process and lets go of
the pipeline where graphbuild does (``release_model``), as a whole build does before pass
two: its peak is then that of a whole build whose extraction peaks like N articles' (a
whole build at 8,900 articles takes hours on a shared machine; its extraction repeats the
2,225 articles' batches, so its own peak is that of 2,225).

``--inputs PATH...`` measures whole builds of those inputs as they are (the seeds).
``--before TREE`` also measures an earlier version of graphbuild (a source tree, e.g.
``git worktree add /tmp/before main`` or ``git archive main | tar -x -C /tmp/before``) in
the same run, interleaved with this one at each size; ``--keep DIR`` keeps every output
folder there (``DIR/{before,after}-N``) to compare them (``md5sum``).

Prints one JSON line per size (and tree) and, at the end, the ratio of the largest size's
peak RSS to the smallest's for each tree.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "t0 = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(time.perf_counter() - t0, u.ru_utime + u.ru_stime, u.ru_maxrss / 1024)\n"
)
# Pass two alone, on a spool written by pass one: what build_files does after extraction.
PASS_TWO = """
import sys, tempfile
from pathlib import Path
try:
    from graphbuild.api.build import write_outputs
except ImportError:  # graphbuild before the streaming build
    from graphbuild.api.build import _write_outputs as write_outputs
from graphbuild.entities.resolve import CorpusResolver
from graphbuild.pipeline.run import BuildOptions, read_spool
spool, out, corpus, warm = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
if warm:  # a whole build's state after pass one: the pipeline loaded and used, then (if it can) let go
    from graphbuild.api.common import with_model
    from graphbuild.ingest.sources import read_articles
    from graphbuild.pipeline import run
    opts = with_model(BuildOptions())
    articles = list(read_articles([corpus], lambda p: None, options=opts.read))[:warm]
    for _ in run.extract_all(articles, opts):
        pass
    if hasattr(run, "release_model"):
        run.release_model()
resolver = CorpusResolver(None)
for x in read_spool(spool):
    resolver.add(x.mentions, x.aliases)
out.mkdir()
write_outputs(out, spool, BuildOptions(), None, resolver)
"""


def copies(lines: list[str], n: int, dst: Path, key: str = "id") -> Path:
    """The JSONL ``lines`` repeated up to ``n`` records, copy ``k`` with ids ``ID~k``."""
    with dst.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = json.loads(lines[i % len(lines)])
            k = i // len(lines)
            if k:
                rec[key] = f"{rec[key]}~{k}"
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return dst


def measure(cmd: list[str], tree: Path = HERE.parent) -> dict:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one whole process, running the
    graphbuild of the source tree ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    # run in the tree: `python -c` and `-m` put the working folder before PYTHONPATH
    run = [sys.executable, "-c", WRAPPER, *cmd]
    res = subprocess.run(run, check=True, env=env, capture_output=True, text=True, cwd=tree)
    wall, cpu, rss = res.stdout.split()
    return {"seconds": round(float(wall), 1), "cpu_seconds": round(float(cpu), 1), "peak_rss_mib": round(float(rss))}


def trees(before: Path | None) -> list[tuple[str, Path]]:
    return ([("before", before.resolve())] if before else []) + [("after", HERE.parent)]


def full_builds(corpus: Path, sizes: list[int], workers: int, tmp: Path, before: Path | None, keep: Path) -> list[dict]:
    lines = corpus.read_text(encoding="utf-8").splitlines()
    rows = []
    for n in sizes:
        src = copies(lines, n, tmp / f"copies-{n}.jsonl")
        for name, tree in trees(before):
            out = keep / f"{name}-{n}"
            cmd = [sys.executable, "-m", "graphbuild", "build", str(src), "--out", str(out), "-q"]
            row = {"articles": n, "mode": "build", "tree": name, "workers": workers}
            rows.append({**row, **measure([*cmd, "--workers", str(workers)], tree)})
            print(json.dumps(rows[-1]), flush=True)
    return rows


def plain_builds(inputs: list[Path], before: Path | None, keep: Path) -> list[dict]:
    """Whole builds of ``inputs`` as they are (no copies), e.g. the seeds folder."""
    rows = []
    for name, tree in trees(before):
        out = keep / f"{name}-inputs"
        cmd = [sys.executable, "-m", "graphbuild", "build", *map(str, inputs), "--out", str(out), "-q"]
        rows.append({"inputs": [str(i) for i in inputs], "mode": "build", "tree": name, **measure(cmd, tree)})
        print(json.dumps(rows[-1]), flush=True)
    return rows


def after_extraction(
    corpus: Path,
    sizes: list[int],
    workers: int,
    tmp: Path,
    base: Path | None,
    before: Path | None,
    keep: Path,
    warm: int = 0,
) -> list[dict]:
    if base is None:
        base = tmp / "base"
        cmd = [sys.executable, "-m", "graphbuild", "build", str(corpus), "--out", str(base), "-q"]
        subprocess.run([*cmd, "--workers", str(workers)], check=True, env=dict(os.environ, PYTHONPATH=str(HERE.parent)))
    spool = base / "articles.jsonl.gz" if base.is_dir() else base
    with gzip.open(spool, "rt", encoding="utf-8") if spool.suffix == ".gz" else spool.open(encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    rows = []
    for n in sizes:
        spool = copies(lines, n, tmp / f"spool-{n}.jsonl", key="article_id")
        for name, tree in trees(before):
            cmd = [sys.executable, "-c", PASS_TWO, str(spool), str(keep / f"{name}-{n}"), str(corpus), str(warm)]
            row = {"articles": n, "mode": "after-extraction", "tree": name, "warm": warm}
            rows.append({**row, **measure(cmd, tree)})
            print(json.dumps(rows[-1]), flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "eval" / "bbc.jsonl")
    ap.add_argument("--articles", type=int, nargs="+", default=[2225, 8900])
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--after-extraction", action="store_true", help="extract once, then time pass two per size")
    ap.add_argument(
        "--from-build", type=Path, help="with --after-extraction: the build of the corpus (or its spool) to copy"
    )
    ap.add_argument(
        "--warm",
        type=int,
        default=0,
        help="with --after-extraction: first extract this many articles of the corpus in the same process",
    )
    ap.add_argument("--before", type=Path, help="also measure the graphbuild of this source tree, interleaved")
    ap.add_argument("--inputs", type=Path, nargs="+", help="whole builds of these inputs as they are (no copies)")
    ap.add_argument("--keep", type=Path, help="keep the output folders here (DIR/{before,after}-N)")
    args = ap.parse_args()
    for name in ("corpus", "from_build", "before", "keep"):  # the processes run in their tree
        if getattr(args, name) is not None:
            setattr(args, name, getattr(args, name).resolve())
    if args.inputs:
        with tempfile.TemporaryDirectory(prefix="graphbuild-mem-") as tmp:
            plain_builds([i.resolve() for i in args.inputs], args.before, args.keep or Path(tmp))
        return
    sizes = sorted(args.articles)
    with tempfile.TemporaryDirectory(prefix="graphbuild-mem-") as tmp:
        keep = args.keep or Path(tmp)
        keep.mkdir(parents=True, exist_ok=True)
        if args.after_extraction:
            rows = after_extraction(
                args.corpus, sizes, args.workers, Path(tmp), args.from_build, args.before, keep, args.warm
            )
        else:
            rows = full_builds(args.corpus, sizes, args.workers, Path(tmp), args.before, keep)
    for name, _ in trees(args.before):
        mine = [r for r in rows if r["tree"] == name]
        lo, hi = mine[0], mine[-1]
        ratio = round(hi["peak_rss_mib"] / lo["peak_rss_mib"], 3)
        print(json.dumps({"tree": name, "rss_ratio": ratio, "of": [lo["articles"], hi["articles"]]}))


if __name__ == "__main__":
    main()
