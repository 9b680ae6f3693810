"""What the Neo4j store keeps so that articles can be added and taken out again without
recomputing the corpus: pure, no Neo4j.

* **Key statistics** (one record per article-level key): the resolver's label, name and
  type-evidence votes and the key's last resolved (id, label); **votes** (one record per
  short-form or acronym slug): the resolver's short-form and alias votes. Together they are
  exactly what :class:`CorpusResolver` counts, so adding or subtracting one article's counts
  and finalizing gives the resolution a fresh build gives.
* **Aggregates** (``_agg`` on every entity and relationship): the sums the graph's
  properties are made of (mentions, articles, surface counts with where each surface was
  first seen, counts per day, undated counts; weights, said-about counts, the capped
  evidence's article and offset), so one article's contribution can be added or taken out.

Taking an article out cannot always be done by subtraction: when it held one of an edge's
capped evidence items, or was where a surface of an entity was first seen, that element is
marked for a recompute from the articles that mention it.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable

from graphbuild.entities.resolve import CorpusResolver
from graphbuild.graph.model import ArticleExtraction
from graphbuild.graph.relate import GraphBuilder, _Agg, _smallest, article_day
from graphbuild.graph.timeline import Seen

STATE_VERSION = 1
EntKey = str
RelKey = tuple[str, str, str]  # (type, src, dst)


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


# --- key statistics -------------------------------------------------------------------------


def article_stats(x: ArticleExtraction) -> CorpusResolver:
    """The resolver counts of one article alone."""
    r = CorpusResolver()
    r.add(x.mentions, x.aliases)
    return r


def fold(into: CorpusResolver, delta: CorpusResolver, sign: int, touched: set[str], slugs: set[str]) -> None:
    """Add (``sign`` 1) or subtract (-1) ``delta``'s counts; empty counters are removed, so
    the resolver holds exactly what a fresh count of the remaining articles holds."""
    for table in ("labels", "names", "evidence"):
        _fold(getattr(into, table), getattr(delta, table), sign, touched)
    for kind, table in (("short", "short"), ("alias", "aliases")):
        before = set(getattr(delta, table))
        _fold(getattr(into, table), getattr(delta, table), sign, set())
        slugs.update(f"{kind}\n{s}" for s in before)


def _fold(into: dict, delta: dict, sign: int, touched: set[str]) -> None:
    for key, votes in delta.items():
        touched.add(key)
        mine = into.get(key)
        if mine is None:
            mine = into[key] = Counter()
        _add_counts(mine, votes, sign)
        if not mine:
            del into[key]


def key_record(r: CorpusResolver, key: str, final: tuple[str, str] | None) -> str | None:
    """The stored form of one key's statistics and its resolved (id, label); None when the
    key has no counts left."""
    if key not in r.labels:
        return None
    return dumps(
        {
            "l": r.labels[key],
            "n": r.names.get(key) or {},
            "e": r.evidence.get(key) or {},
            "id": list(final) if final else None,
        }
    )


def vote_record(r: CorpusResolver, slug_id: str) -> str | None:
    kind, _, s = slug_id.partition("\n")
    votes = (r.short if kind == "short" else r.aliases).get(s)
    return dumps(votes) if votes else None


def load_resolver(
    keys: Iterable[tuple[str, str]], votes: Iterable[tuple[str, str]], rules
) -> tuple[CorpusResolver, dict]:
    """A resolver holding the stored statistics, and the stored key -> (id, label)."""
    r = CorpusResolver(rules)
    old: dict[str, tuple[str, str]] = {}
    for key, rec in sorted(keys):
        d = json.loads(rec)
        r.labels[key] = Counter(d["l"])
        if d["n"]:
            r.names[key] = Counter(d["n"])
        if d["e"]:
            r.evidence[key] = Counter(d["e"])
        if d["id"]:
            old[key] = (d["id"][0], d["id"][1])
    for vid, rec in sorted(votes):
        kind, _, s = vid.partition("\n")
        (r.short if kind == "short" else r.aliases)[s] = Counter(json.loads(rec))
    return r, old


# --- entity and relationship aggregates ---------------------------------------------------


def first_surfaces(x: ArticleExtraction, first: dict) -> None:
    """Record where each (entity, surface) is first seen: (article id, mention index); the
    order of first sightings is the order a fresh build lists aliases in on a tie."""
    for i, m in enumerate(x.mentions):
        if m.entity_id:
            first.setdefault((m.entity_id, m.text), (x.article_id, i))


def _seen_rec(seen: Seen) -> dict:
    return {"d": dict(seen.days), "u": seen.undated}


def builder_aggregates(b: GraphBuilder, first: dict) -> dict:
    """Every entity's and relationship's aggregate, from a builder that has folded articles."""
    out: dict = {}
    for eid, n in b.entity_mentions.items():
        surf = {s: [c, *first[(eid, s)]] for s, c in b.surfaces[eid].items()}
        out[eid] = {"m": n, "a": b.entity_articles[eid], "s": surf, **_seen_rec(b.entity_seen[eid])}
    for rtype, table in (("CO_MENTIONED", b.co), ("SAID_ABOUT", b.said)):
        for (a, c), agg in table.items():
            ev = _smallest(agg.evidence, b.cap)
            out[(rtype, a, c)] = {
                "w": agg.weight,
                "a": agg.articles,
                "x": dict(agg.extra),
                "e": [list(item) for item in ev],
                **_seen_rec(agg.seen),
            }
    return out


def contribution(x: ArticleExtraction, window: str) -> dict:
    """What one article (its mentions carrying final ids) adds to each aggregate."""
    b = GraphBuilder(window)
    b.add(x)
    first: dict = {}
    first_surfaces(x, first)
    return builder_aggregates(b, first)


class Delta:
    """Stored aggregates of the touched elements, with article contributions folded in."""

    def __init__(self, stored: dict, cap: int) -> None:
        self.aggs = stored  # element key -> aggregate (absent: not stored yet)
        self.cap = cap
        self.recompute: set = set()  # elements an article was taken out of that subtraction cannot fix

    def add(self, contrib: dict) -> None:
        for key, c in contrib.items():
            have = self.aggs.get(key)
            if have is None:
                self.aggs[key] = json.loads(json.dumps(c))
                continue
            _add_common(have, c, 1)
            if isinstance(key, tuple):
                _add_counts(have["x"], c["x"], 1)
                have["e"] = [list(i) for i in _smallest([tuple(i) for i in have["e"] + c["e"]], self.cap)]
            else:
                for s, (n, aid, idx) in c["s"].items():
                    mine = have["s"].get(s)
                    if mine is None:
                        have["s"][s] = [n, aid, idx]
                    else:
                        mine[0] += n
                        if (aid, idx) < (mine[1], mine[2]):
                            mine[1], mine[2] = aid, idx

    def subtract(self, contrib: dict, article_id: str) -> None:
        for key, c in contrib.items():
            have = self.aggs.get(key)
            if have is None:  # the store does not hold what it should: recompute it
                self.recompute.add(key)
                continue
            _add_common(have, c, -1)
            if isinstance(key, tuple):
                _add_counts(have["x"], c["x"], -1)
                if any(i[0] == article_id for i in have["e"]):
                    self.recompute.add(key)
            else:
                for s, (n, _aid, _idx) in c["s"].items():
                    mine = have["s"].get(s)
                    if mine is None:
                        self.recompute.add(key)
                        continue
                    mine[0] -= n
                    if mine[0] <= 0:
                        del have["s"][s]
                    elif mine[1] == article_id:
                        self.recompute.add(key)


def _add_common(have: dict, c: dict, sign: int) -> None:
    for f in ("m", "a", "w", "u"):
        if f in c:
            have[f] = have.get(f, 0) + sign * c[f]
    _add_counts(have["d"], c["d"], sign)


def _add_counts(have: dict, c: dict, sign: int) -> None:
    for k, n in c.items():
        v = have.get(k, 0) + sign * n
        if v > 0:
            have[k] = v
        else:
            have.pop(k, None)


def alive(key, agg: dict) -> bool:
    """Whether an element still exists (an entity with mentions, an edge with weight)."""
    return agg.get("w" if isinstance(key, tuple) else "m", 0) > 0


def _seen(agg: dict) -> Seen:
    s = Seen()
    for day, n in sorted(agg["d"].items()):
        s.add(day, n)
    if agg.get("u"):
        s.add(None, agg["u"])
    return s


def builder_of(aggs: dict, window: str, dated: bool) -> GraphBuilder:
    """A builder holding exactly the given aggregates, so its :meth:`GraphBuilder.graph`
    formats their properties as a fresh build does."""
    b = GraphBuilder(window)
    b.dated = dated
    for key, agg in aggs.items():
        if not alive(key, agg):
            continue
        if isinstance(key, tuple):
            rtype, a, c = key
            g = _Agg()
            g.weight, g.articles, g.seen = agg["w"], agg["a"], _seen(agg)
            g.extra = Counter(agg["x"])
            g.evidence = [tuple(i) for i in agg["e"]]
            (b.co if rtype == "CO_MENTIONED" else b.said)[(a, c)] = g
        else:
            b.entity_mentions[key] = agg["m"]
            b.entity_articles[key] = agg["a"]
            b.entity_seen[key] = _seen(agg)
            order = sorted(agg["s"].items(), key=lambda kv: (kv[1][1], kv[1][2]))
            b.surfaces[key] = Counter({s: v[0] for s, v in order})
    return b


def mention_rows(x: ArticleExtraction) -> list[dict]:
    """An article's MENTIONS counts: ``{(article id, entity id): n}`` as rows."""
    counts: Counter = Counter(m.entity_id for m in x.mentions if m.entity_id)
    return [{"aid": x.article_id, "eid": e, "n": n} for e, n in sorted(counts.items())]


def is_dated(x: ArticleExtraction) -> bool:
    return article_day(x) is not None


def group_rel_keys(keys: Iterable[RelKey]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for t, a, b in keys:
        out[t].append({"src": a, "dst": b})
    return out
