"""Adding and taking out articles at the cost of what they change.

:func:`full_sync` recomputes the graph from every stored article (the one path before this
module existed) and also writes what :mod:`store.aggregates` describes. :func:`step` then
brings the graph up to date after some articles were added, changed or removed:

1. the stored key statistics minus the old articles' counts plus the new ones' are
   finalized by the same :class:`CorpusResolver` (over all keys' statistics: no article is
   read for it);
2. the articles to re-relate are the changed ones plus every stored article mentioning an
   entity one of whose keys now resolves to another id or label;
3. their old contributions (old ids) are subtracted from the stored aggregates of the
   elements they touch and their new ones added; an element an article was taken out of that
   subtraction cannot fix (capped evidence, where an alias was first seen) is recomputed
   from the articles that mention it;
4. only the touched entities, relationships, MENTIONS and key records are written.

A step gives up (returns None, and the caller runs :func:`full_sync`) when the kept state
is missing, from another version or window, left half-written by an interrupted step, when
the corpus turns from undated to dated or back, or when more than a share of the articles
would have to be re-related. The state is marked dirty while a step writes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from graphbuild.entities.resolve import CorpusResolver
from graphbuild.graph import codec
from graphbuild.graph.model import ArticleExtraction, Resolution
from graphbuild.graph.relate import EVIDENCE_CAP, GraphBuilder, apply_ids
from graphbuild.store import aggregates as A
from graphbuild.store import closure as K
from graphbuild.store import rows as R
from graphbuild.store.kept import Kept, mention_row
from graphbuild.store.neo4j import Neo4jStore, SyncStats

MIN_FULL = 200  # a step re-relating fewer articles than this never falls back
MAX_SHARE = 0.25  # GRAPHBUILD_INCREMENTAL_MAX_SHARE: above this share of the corpus, recompute all


def full_sync(
    store: Neo4jStore, extractions: Callable[[], Iterable[dict]], window: str, rules, force: bool = False
) -> SyncStats:
    """Recompute the graph from ``extractions()`` (every stored article, called twice),
    sync it, and replace the kept state."""
    kept = Kept(store)
    kept.write_state({"dirty": True})
    resolver = CorpusResolver(rules)
    for d in extractions():
        x = codec.from_dict(d)
        resolver.add(x.mentions, x.aliases)
    res = resolver.finalize()
    b, dated, count = GraphBuilder(window), 0, 0
    first: dict = {}
    for d in extractions():
        x = apply_ids(codec.from_dict(d), res.ids)
        b.add(x)
        A.first_surfaces(x, first)
        dated += A.is_dated(x)
        count += 1
    # read before the graph is made: GraphBuilder.graph uses its relations' aggregates up
    aggs = {k: A.dumps(v) for k, v in A.builder_aggregates(b, first).items()}
    graph = b.graph(res.entities)
    del b, first
    stats = store.sync(graph, force=force, kept=aggs)
    del graph, aggs
    keys = {k: A.key_record(resolver, k, _final(res.ids.get(k))) for k in resolver.labels}
    votes: dict[str, str | None] = {f"short\n{s}": A.dumps(v) for s, v in resolver.short.items()}
    votes.update({f"alias\n{s}": A.dumps(v) for s, v in resolver.aliases.items()})
    kept.replace_all(keys, votes)
    kept.write_state(_state(window, dated, count))
    return stats


def _final(t) -> tuple[str, str] | None:
    return None if t is None else (t[0], t[1])


def _state(window: str, dated: int, articles: int) -> dict:
    return {"version": A.STATE_VERSION, "window": window, "dated": dated, "articles": articles, "dirty": False}


def usable(store: Neo4jStore, window: str) -> dict | None:
    """The kept state when a step can build on it, else None."""
    st = Kept(store).state()
    if not st or st.get("dirty") or st.get("version") != A.STATE_VERSION or st.get("window") != window:
        return None
    return st


def _max_share() -> float:
    return float(os.environ.get("GRAPHBUILD_INCREMENTAL_MAX_SHARE", MAX_SHARE))


class _Step:
    """One incremental step's working state (bounded by the articles it re-relates)."""

    def __init__(self, store: Neo4jStore, window: str, rules, st: dict) -> None:
        self.store, self.kept, self.window, self.rules, self.st = store, Kept(store), window, rules, st

    def resolve(self, olds: list[ArticleExtraction], news: list[ArticleExtraction]) -> bool:
        """Fold the delta into the key statistics and resolve the closure of the touched
        keys again; False: give up."""
        stored_keys = self.kept.keys()
        r, self.old_ids = A.load_resolver(stored_keys, self.kept.votes(), self.rules)
        known = {k for k, _ in stored_keys}
        del stored_keys
        deltas = [(A.article_stats(x), -1) for x in olds] + [(A.article_stats(x), 1) for x in news]
        keys = {k for d, _ in deltas for k in d.labels}
        slugs = {v for d, _ in deltas for v in set(d.short) | set(d.aliases)}
        old_tags, old_votes = K.before(r, keys, slugs)
        self.touched_keys: set[str] = set()
        self.slugs: set[str] = set()
        for d, sign in deltas:
            A.fold(r, d, sign, self.touched_keys, self.slugs)
        self.resolver = r
        if self.rules is not None:  # a rule can name any entity: resolve every key
            closed = set(r.labels)
            res = r.finalize()
        else:
            closure = K.Closure(r, self.old_ids, old_tags, old_votes)
            closed = closure.grow(self.touched_keys | {m for v in old_votes.values() for m in v})
            for _ in range(10):
                res = K.subset(r, closed).finalize()
                more = {k for eid in res.entities for k in closure.index.get("e:" + eid, ())} - closed
                if not more:
                    break
                closed = closure.grow(more, closed)
            else:
                return False
        self.closed = closed
        self.res = Resolution(dict(self.old_ids), res.entities)
        for k in closed:
            self.res.ids.pop(k, None)
        self.res.ids.update(res.ids)
        self.changed = {k for k in closed if self.old_ids.get(k) != _final(self.res.ids.get(k))}
        # A key that was dropped (alias rules) has no MENTIONS to find its articles by.
        return not any(k in known and k not in self.old_ids and k in self.res.ids for k in self.changed)


def step(
    store: Neo4jStore,
    st: dict,
    olds: dict[str, dict],
    news: list[dict],
    window: str,
    rules,
    apply_articles: Callable[[], set[str]],
) -> SyncStats | None:
    """Bring the graph up to date after the articles ``olds`` (their stored versions) are
    replaced by or removed for ``news``; ``apply_articles()`` writes or deletes the Article
    nodes and returns the ids of new articles it could not store. None: the caller must run
    :func:`full_sync` (nothing of the graph was written yet; the Article nodes may be)."""
    s = _Step(store, window, rules, st)
    s.kept.write_state({**st, "dirty": True})
    refused = apply_articles()  # a refused article keeps its stored version, if any
    old_x = [codec.from_dict(d) for aid, d in sorted(olds.items()) if aid not in refused]
    new_x = [codec.from_dict(d) for d in sorted(news, key=lambda d: d["article_id"]) if d["article_id"] not in refused]
    dated = st["dated"] - sum(A.is_dated(x) for x in old_x) + sum(A.is_dated(x) for x in new_x)
    if (dated > 0) != (st["dated"] > 0) or not s.resolve(old_x, new_x):
        return None
    delta_ids = {x.article_id for x in old_x} | {x.article_id for x in new_x}
    olds_of = {s.old_ids[k][0] for k in s.changed if k in s.old_ids}
    rerelate = sorted(s.kept.articles_mentioning(sorted(olds_of)) - delta_ids) if olds_of else []
    total = st["articles"] - len(old_x) + len(new_x)
    if len(rerelate) + len(delta_ids) > max(MIN_FULL, _max_share() * total):
        return None
    again = [codec.from_dict(d) for _, d in sorted(s.kept.extractions(rerelate).items())]
    minus = [(x.article_id, A.contribution(apply_ids(x, s.old_ids), window)) for x in old_x + again]
    plus_x = [apply_ids(x, s.res.ids) for x in new_x + again]
    plus = [A.contribution(x, window) for x in plus_x]
    del again
    _net(minus, [(x.article_id, c) for x, c in zip(plus_x, plus)])
    touched = {k for _, c in minus for k in c} | {k for c in plus for k in c}
    ents = sorted(k for k in touched if not isinstance(k, tuple))
    delta = A.Delta(s.kept.aggregates(ents, A.group_rel_keys(k for k in touched if isinstance(k, tuple))), EVIDENCE_CAP)
    for aid, c in minus:
        delta.subtract(c, aid)
    for c in plus:
        delta.add(c)
    if any(A.alive(k, delta.aggs[k]) and k not in s.res.entities for k in ents if k in delta.aggs):
        return None  # an entity outside the closure would need its row: not expected, be safe
    stats = _write(s, delta, touched, plus_x, sorted(delta_ids | set(rerelate)), dated)
    records = {k: A.key_record(s.resolver, k, _final(s.res.ids.get(k))) for k in s.touched_keys | s.changed}
    s.kept.update(records, {v: A.vote_record(s.resolver, v) for v in s.slugs})
    s.kept.write_state(_state(window, dated, total))
    return stats


def _net(minus: list[tuple[str, dict]], plus: list[tuple[str, dict]]) -> None:
    """Drop what an article contributes the same before and after (a re-related article
    adds to its unchanged entities exactly what it took away)."""
    before = dict(minus)
    for aid, c in plus:
        old = before.get(aid)
        if old is None:
            continue
        for key in [k for k in c if k in old and old[k] == c[k]]:
            del c[key], old[key]


def _write(s: _Step, delta: A.Delta, touched: set, plus_x: list, mention_articles: list[str], dated: int) -> SyncStats:
    stats = SyncStats(incremental=True)
    mentions = [mention_row(r["aid"], r["eid"], r["n"]) for x in plus_x for r in A.mention_rows(x)]
    alive_ents = {k for k in touched if not isinstance(k, tuple) and k in delta.aggs and A.alive(k, delta.aggs[k])}
    # Entities first: MENTIONS and relationships need both ends; then the elements
    # subtraction could not fix are recomputed from the articles that now mention them.
    ent_rows, _ = _rows(s, {k: delta.aggs[k] for k in alive_ents}, dated)
    s.kept.write_step(ent_rows, {}, [], {}, mention_articles, mentions)
    if delta.recompute:
        delta.aggs.update(_recompute(s, delta.recompute))
    final = {k: delta.aggs[k] for k in touched if k in delta.aggs and A.alive(k, delta.aggs[k])}
    ent_rows, rel_rows = _rows(s, final, dated)
    gone_ents = sorted(k for k in touched if not isinstance(k, tuple) and k not in final)
    gone_rels = A.group_rel_keys(sorted(k for k in touched if isinstance(k, tuple) and k not in final))
    redo = {lab: [r for r in rows if r["id"] in delta.recompute] for lab, rows in ent_rows.items()}
    s.kept.write_step(redo, rel_rows, gone_ents, gone_rels, [], [])
    for lab, rows in ent_rows.items():
        stats.written[lab] = len(rows)
    for t, rows in rel_rows.items():
        stats.written[t] = len(rows)
    stats.written["MENTIONS"] = len(mentions)
    stats.deleted = len(gone_ents) + sum(len(v) for v in gone_rels.values())
    return stats


def _rows(s: _Step, aggs: dict, dated: int) -> tuple[dict, dict]:
    b = A.builder_of(aggs, s.window, dated > 0)
    ents = {k: s.res.entities[k] for k in aggs if not isinstance(k, tuple) and k in s.res.entities}
    g = b.graph(ents)
    kept = {k: A.dumps(v) for k, v in aggs.items()}
    rels = R.rel_rows(g, kept)
    rels.pop("MENTIONS", None)
    return R.entity_rows(g, kept), rels


def _recompute(s: _Step, keys: set) -> dict:
    """Fresh aggregates of ``keys`` from every stored article that mentions them."""
    need: set[str] = set()
    for k in keys:
        need |= s.kept.articles_mentioning_both(k[1], k[2]) if isinstance(k, tuple) else s.kept.articles_mentioning([k])
    b, first = GraphBuilder(s.window), dict[tuple, tuple]()
    for _, d in sorted(s.kept.extractions(sorted(need)).items()):
        x = apply_ids(codec.from_dict(d), s.res.ids)
        b.add(x)
        A.first_surfaces(x, first)
    fresh = A.builder_aggregates(b, first)
    return {k: fresh.get(k) or {"m": 0, "w": 0, "a": 0, "d": {}, "u": 0, "s": {}, "x": {}, "e": []} for k in keys}
