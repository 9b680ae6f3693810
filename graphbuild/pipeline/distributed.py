"""Extraction on a Dask distributed cluster (optional extra ``graphbuild[distributed]``).

Batches of articles go to the workers; each worker process loads the spaCy pipeline once
(cached in this module, keyed by model) and returns compact extractions. Results come back
in input order with a bounded number of batches in flight, so memory stays flat.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from graphbuild.errors import GraphbuildError
from graphbuild.graph.model import Article, ArticleExtraction
from graphbuild.pipeline.windows import extract_articles

_PARSERS: dict = {}


def run_batch(batch: list[Article], model: str | None, keep_places: bool) -> list[ArticleExtraction]:
    """What a Dask worker runs: parse and extract one batch with its cached pipeline."""
    from graphbuild.nlp.parser import Parser

    parser = _PARSERS.get(model)
    if parser is None:
        parser = _PARSERS[model] = Parser(model)
    return list(extract_articles(parser, batch, keep_places))


def extract_on_cluster(
    batches: Iterable[list[Article]], address, model: str | None, keep_places: bool
) -> Iterator[ArticleExtraction]:
    """Extract every batch on the cluster at ``address`` (a scheduler address or a Client)."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise GraphbuildError(
            "running on a Dask cluster needs Dask; fix: pip install 'graphbuild[distributed]'"
        ) from None
    own = not hasattr(address, "submit")
    try:
        client = Client(address, timeout="10s") if own else address
    except (OSError, TimeoutError) as exc:
        raise GraphbuildError(
            f"cannot reach the Dask scheduler at {address} ({exc}); fix: check "
            "the scheduler address (tcp://HOST:8786) and that the scheduler runs"
        ) from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        for batch in batches:
            pending.append(client.submit(run_batch, batch, model, keep_places, pure=False))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        if own:
            client.close()
