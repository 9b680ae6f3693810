"""The closure an incremental step resolves again is closed: resolving only the keys reachable
from one article's keys gives them the ids, labels and names resolving the whole corpus
gives. If a new rule in ``CorpusResolver.finalize`` joins keys through something
``store.closure`` does not tag, this fails (add the tag there)."""

from __future__ import annotations

import gzip
import json

from graphbuild.api import ARTICLES_FILE
from graphbuild.graph import codec
from graphbuild.store import closure as K
from graphbuild.store.aggregates import article_stats, load_resolver


def _resolver(out, parser=None):
    from graphbuild.entities.resolve import CorpusResolver

    with gzip.open(out / ARTICLES_FILE, "rt", encoding="utf-8") as f:
        xs = [codec.from_dict(json.loads(line)) for line in f]
    if parser is not None:  # the invented corpus of the store tests, every version
        from graphbuild.graph.model import Article
        from graphbuild.pipeline.extract import extract
        from tests.test_store_incremental import CORPUS

        arts = [Article(f"{aid}-v{v}", text) for aid, vs in CORPUS.items() for v, text in enumerate(vs)]
        xs += [extract(p) for p in parser.parse(arts)]
    r = CorpusResolver()
    for x in xs:
        r.add(x.mentions, x.aliases)
    return r, xs


def test_resolving_the_closure_of_each_article_equals_resolving_everything(seeds_build, parser):
    out, _ = seeds_build
    r, xs = _resolver(out, parser)
    full = r.finalize()
    old_ids = {k: (v[0], v[1]) for k, v in full.ids.items()}
    closure = K.Closure(r, old_ids, {}, {})
    closures = {}
    for x in xs:
        d = article_stats(x)
        seeds = set(d.labels) | {m for v in K.vote_classes(r, set(d.short) | set(d.aliases)).values() for m in v}
        closed = closure.grow(seeds)
        closures[x.article_id] = closed
        part = K.subset(r, closed).finalize()
        for k in closed & set(r.labels):
            assert part.ids.get(k) == full.ids.get(k), (x.article_id, k)
        for eid, ent in part.entities.items():
            assert full.entities[eid] == ent, (x.article_id, eid)
    # a closure is a neighbourhood, not the corpus: the invented bank is no seed's concern
    seeds = [a for a in closures if not a.startswith("n")]
    assert seeds and not any("quarrow-daleford-bank" in closures[a] for a in seeds)
    assert "quarrow-daleford-bank" in closures["n5-v0"] and "qdb" in closures["n5-v0"]


def test_stored_key_statistics_load_back_to_the_same_resolution(seeds_build):
    from graphbuild.store.aggregates import key_record, vote_record

    out, _ = seeds_build
    r, _ = _resolver(out)
    full = r.finalize()
    keys = [(k, key_record(r, k, None)) for k in r.labels]
    votes = [(f"short\n{s}", vote_record(r, f"short\n{s}")) for s in r.short]
    votes += [(f"alias\n{s}", vote_record(r, f"alias\n{s}")) for s in r.aliases]
    back, _ = load_resolver([(k, v) for k, v in keys if v], [(k, v) for k, v in votes if v], None)
    assert back.finalize().ids == full.ids
