"""A cold test server's first queries, run before any test waits on it.

A fresh Neo4j plans each query the first time it sees it and compiles its own planner and
runtime code on the way: the first test to write a build paid about 6 s for it, on the one
worker that runs the Neo4j tests one after another. tests/neo4jlocal.py runs this once the
server is up and before it tells the tests so, while the workers are still busy with the
other tests: a small made-up corpus goes through the same store code a build, a changed
re-ingest, a remove and a read use (the same query texts, so their plans are kept: see
``dbms.cypher.min_replan_interval`` there), then the database is emptied again.

Nothing here imports spaCy: the articles are extractions written out by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.neo4jlocal import EMPTY

WINDOW = "sentence"


def _article(aid: str, text: str, people: list[str], orgs: list[str], speaker: str | None) -> dict:
    from graphbuild.graph import codec
    from graphbuild.graph.model import ArticleExtraction, Mention, Quote, Span

    mentions = []
    for label, names in (("Person", people), ("Organization", orgs)):
        for name in names:
            at = text.index(name)
            mentions.append(Mention(at, at + len(name), name, label, name.lower(), 0, 0, name))
    mentions.sort(key=lambda m: m.start)
    quotes = []
    if speaker is not None:
        at, cue = text.index(speaker), text.index("said")
        who, said = Span(at, at + len(speaker), speaker), Span(cue, cue + 4, "said")
        quotes.append(Quote(who, speaker.lower(), said, [(cue + 5, len(text) - 1)], False))
    x = ArticleExtraction(
        aid, text, aid, mentions, quotes, [(0, len(text))], [(0, len(text))], [], {"published": "2024-03-04"}
    )
    return codec.to_dict(x)


def _corpus(changed: bool) -> list[dict]:
    second = "Orla Brack met Tobias Fenwick of Solvane Institute." if changed else "Orla Brack met Tobias Fenwick."
    return [
        _article(
            "w1",
            "Orla Brack of Quarrow Bank said that Tobias Fenwick would lend more.",
            ["Orla Brack", "Tobias Fenwick"],
            ["Quarrow Bank"],
            "Orla Brack",
        ),
        _article("w2", second, ["Orla Brack", "Tobias Fenwick"], ["Solvane Institute"] if changed else [], None),
        _article(
            "w3",
            "Ida Brack said that Quarrow Bank cut its loans to Tobias Fenwick.",
            ["Ida Brack", "Tobias Fenwick"],
            ["Quarrow Bank"],
            "Ida Brack",
        ),
    ]


def warm(env: dict, folder: Path) -> None:
    """Build, re-ingest, remove and read a made-up corpus through the store, then empty it."""
    from graphbuild.api import build as B
    from graphbuild.api.store import check_store, remove_articles
    from graphbuild.pipeline.run import BuildOptions
    from graphbuild.store.neo4j import Neo4jSettings, Neo4jStore

    settings = Neo4jSettings(env["NEO4J_URI"], env.get("NEO4J_USER", "neo4j"), env["NEO4J_PASSWORD"])
    opts = BuildOptions(model="warm-up", window=WINDOW)
    wanted = B.wanted_settings(opts)
    with Neo4jStore(settings) as store:
        store.verify()
        for changed in (False, True):  # a first build, then an incremental step
            spool = folder / "neo4j-warm-spool.jsonl"
            spool.write_text("".join(json.dumps(x) + "\n" for x in _corpus(changed)), encoding="utf-8")
            B._store(store, spool, opts, None, lambda p: None, wanted)
        store.read_graph()
        store.counts()
    remove_articles(["w3"], settings)
    check_store(settings)
    with Neo4jStore(settings) as store:
        store._write(EMPTY)
