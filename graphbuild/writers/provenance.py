"""The build's provenance spool: each article's Article-node properties and MENTIONS counts,
on disk, read back sorted by article id.

The writers want articles in id order (GraphML's Article nodes and MENTIONS edges, the
HTML page's article table) while pass two meets them in input order. Holding them would
make the build's memory grow with the corpus, so they are sorted on disk instead: records
are written in sorted runs of :data:`RUN` articles, and :meth:`ProvenanceSpool.records`
merges the runs lazily (one record per run in memory). Records of the same article id
(not made by a build, whose ingest keeps the first of duplicate ids) come back as one, as
a builder holding them would make them: the last properties, the counts added up.
"""

from __future__ import annotations

import heapq
import json
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import IO

from graphbuild.graph.relate import Provenance

RUN = 2000  # articles held before a sorted run goes to disk (a few hundred KB of lines)
MAX_RUNS = 256  # more runs than this are first merged into one (open files stay few)


class ProvenanceSpool:
    """Collect :data:`~graphbuild.graph.relate.Provenance` records in any order; read them
    back sorted by article id, as often as needed. ``with ProvenanceSpool() as p:``; the
    runs are deleted on leaving the block."""

    def __init__(self, folder: str | Path | None = None, run: int = RUN, max_runs: int = MAX_RUNS):
        self.dir = Path(tempfile.mkdtemp(prefix="graphbuild-provenance-", dir=folder))
        self.run, self.max_runs = run, max_runs
        self.runs: list[Path] = []
        self._buffer: list[tuple[str, int, str]] = []  # (article id, arrival, JSON line)
        self._seq = 0
        self.count = 0

    def add(self, record: Provenance) -> None:
        aid, props, counts = record
        self._buffer.append((aid, self._seq, json.dumps([aid, self._seq, props, counts], ensure_ascii=False)))
        self._seq += 1
        self.count += 1
        if len(self._buffer) >= self.run:
            self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        self._buffer.sort()
        path = self.dir / f"run-{len(self.runs):06d}.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(line + "\n" for _, _, line in self._buffer)
        self._buffer = []
        self.runs.append(path)
        if len(self.runs) > self.max_runs:
            self._compact()

    def _compact(self) -> None:
        path = self.dir / f"merged-{self._seq:012d}.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            for rec in self._merged(self.runs):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        for p in self.runs:
            p.unlink()
        self.runs = [path]

    def records(self) -> Iterator[Provenance]:
        """Every record, sorted by article id (arrival order among equal ids), one per id."""
        self._flush()
        for aid, group in groupby(self._merged(self.runs), key=lambda r: r[0]):
            same = list(group)
            props, counts = same[-1][2], same[0][3]
            if len(same) > 1:  # the same id twice: last properties, counts added up
                total: Counter = Counter()
                for r in same:
                    total.update(dict(r[3]))
                counts = sorted(total.items())
            yield aid, props, [(eid, n) for eid, n in counts]

    @staticmethod
    def _merged(runs: list[Path]) -> Iterator[list]:
        files: list[IO[str]] = [p.open(encoding="utf-8") for p in runs]
        try:
            streams = [(json.loads(line) for line in fh) for fh in files]
            yield from heapq.merge(*streams, key=lambda r: (r[0], r[1]))
        finally:
            for fh in files:
                fh.close()

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> ProvenanceSpool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
