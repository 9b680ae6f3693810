"""Relations: co-mention, said-about and article-mentions edges, aggregated over the corpus.

Evidence lists keep the ``evidence_cap`` smallest (article id, offset) items (for said-about,
that many of each kind: speech, attitude, evidence), so the graph does not depend on the
order articles arrive in (building A then B equals A and B at once).
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import combinations

from graphbuild.graph.model import (
    ARTICLE,
    CO_MENTIONED,
    KINDS,
    MENTIONS,
    SAID_ABOUT,
    ArticleExtraction,
    Edge,
    Graph,
    Node,
)
from graphbuild.graph.timeline import Seen
from graphbuild.ingest import dates

WINDOWS = ("sentence", "paragraph", "article")
EVIDENCE_CAP = 5
SNIPPET_CHARS = 300
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:T|$)")


def article_node_id(article_id: str) -> str:
    return f"article:{article_id}"


# What one article contributes as provenance: (article id, its properties, [(entity id,
# mentions), ...] sorted by entity id). The streaming build spools these to disk instead of
# holding them, so only per-entity and per-relationship aggregates stay in memory.
Provenance = tuple[str, dict, list[tuple[str, int]]]


def provenance(x: ArticleExtraction) -> Provenance:
    """The Article node's properties and the MENTIONS counts of a final-id extraction."""
    counts: Counter = Counter(m.entity_id for m in x.mentions if m.entity_id is not None)
    return x.article_id, _article_props(x), sorted(counts.items())


def _article_props(x: ArticleExtraction) -> dict:
    return {k: v for k, v in {"title": x.title, **x.meta}.items() if v}


def article_node(article_id: str, props: dict) -> Node:
    """The Article node of one article (``props``: title, url, published, source)."""
    return Node(
        article_node_id(article_id), ARTICLE, props.get("title") or article_id, {"article_id": article_id, **props}
    )


def mention_edges(article_id: str, counts: Iterable[tuple[str, int]]) -> Iterator[Edge]:
    """The article's MENTIONS edges, in the order of ``counts``."""
    source = article_node_id(article_id)
    for eid, n in counts:
        yield Edge(MENTIONS, source, eid, n, {"count": n})


def with_provenance(graph: Graph, records: Iterable[Provenance]) -> Graph:
    """The entity ``graph`` with the Article nodes and MENTIONS edges of ``records`` (sorted
    by article id, as :meth:`GraphBuilder.graph` orders them): the whole graph, in the same
    order as a builder that held every article would have made it."""
    g = Graph()
    g.nodes.update(graph.nodes)
    mentions: list[Edge] = []
    for aid, props, counts in records:
        g.add_node(article_node(aid, props))
        mentions.extend(mention_edges(aid, counts))
    for e in mentions:
        g.add_edge(e)
    g.edges.update(graph.edges)
    return g


def apply_ids(x: ArticleExtraction, ids: dict) -> ArticleExtraction:
    """A copy of ``x`` whose mentions and quotes carry their final entity ids; mentions of
    dropped keys are left out. ``x`` itself is not changed."""
    kept = []
    for m in x.mentions:
        final = ids.get(m.key)
        if final is not None:
            kept.append(replace(m, entity_id=final[0], label=final[1]))
    # Mentions by start, so each quote looks only at the mentions that start inside it:
    # linear in the article, not mentions x quotes (a long article has thousands of each).
    spans = sorted((m.start, m.end, m.entity_id) for m in kept if m.entity_id)
    starts = [s for s, _, _ in spans]
    quotes = []
    for q in x.quotes:
        final = ids.get(q.speaker_key) if q.speaker_key else None
        speaker = final[0] if final else None
        inside = set()
        for s, e in q.content:
            j = bisect_left(starts, s)
            while j < len(spans) and spans[j][0] < e:
                if spans[j][1] <= e:
                    inside.add(spans[j][2])
                j += 1
        inside.discard(speaker)
        quotes.append(replace(q, speaker_entity=speaker, targets=sorted(inside)))
    return replace(x, mentions=kept, quotes=quotes)


def _snippet(text: str, start: int, end: int) -> str:
    s = " ".join(text[start:end].split())
    # interned: one sentence backs every pair in it, and a story syndicated under several
    # ids backs its pairs once per copy; each distinct snippet is held once
    return sys.intern(s if len(s) <= SNIPPET_CHARS else s[: SNIPPET_CHARS - 1] + "…")


class _Agg:
    __slots__ = ("articles", "evidence", "extra", "last", "seen", "weight")

    def __init__(self) -> None:
        self.weight = 0
        self.articles = 0  # articles arrive one at a time: counting needs only the last id
        self.last: str | None = None
        self.evidence: list[tuple] = []
        self.extra: Counter = Counter()
        self.seen = Seen()

    def add(self, article_id: str, day: str | None) -> None:
        self.weight += 1
        self.seen.add(day)
        if article_id != self.last:
            self.articles += 1
            self.last = article_id

    def add_evidence(self, item: tuple, cap: int) -> None:
        """Add (article id, offset, text, day, kind); keep the ``cap`` smallest distinct
        items of each kind, sorted: what :func:`_smallest` picks from all of them at once."""
        ev = self.evidence
        if item in ev:
            return
        same = [e for e in ev if e[-1] == item[-1]]
        if len(same) >= cap:
            worst = max(same)
            if item > worst:
                return
            ev.remove(worst)
        insort(ev, item)


def _smallest(items: list[tuple], cap: int) -> list[tuple]:
    """The ``cap`` smallest distinct items of each kind (the last field), in order."""
    seen: Counter = Counter()
    out = []
    for item in sorted(set(items)):
        if seen[item[-1]] < cap:
            seen[item[-1]] += 1
            out.append(item)
    return out


class GraphBuilder:
    """Fold final-id extractions into a :class:`Graph`.

    With ``articles=False`` the builder keeps no per-article state (Article nodes, MENTIONS
    counts): its graph holds the entities and their relations only, and the caller keeps
    each article's :func:`provenance` elsewhere (the build spools it to disk).
    """

    def __init__(self, window: str = "sentence", evidence_cap: int = EVIDENCE_CAP, articles: bool = True):
        if window not in WINDOWS:
            raise ValueError(f"window must be one of {WINDOWS}")
        self.window, self.cap, self.keep_articles = window, evidence_cap, articles
        self.co: dict[tuple[str, str], _Agg] = defaultdict(_Agg)
        self.said: dict[tuple[str, str], _Agg] = defaultdict(_Agg)
        self.mentions: dict[str, Counter] = {}  # article id -> entity id -> mentions
        self.entity_mentions: Counter = Counter()
        self.entity_articles: Counter = Counter()
        self.surfaces: dict[str, Counter] = defaultdict(Counter)
        self.entity_seen: dict[str, Seen] = defaultdict(Seen)
        self.dated = False  # any dated article: without one, no time properties at all
        self.articles: dict[str, dict] = {}

    def add(self, x: ArticleExtraction) -> None:
        aid = x.article_id
        day = article_day(x)
        self.dated = self.dated or day is not None
        counts: Counter = Counter()  # let go at once unless the builder keeps the articles
        if self.keep_articles:
            self.articles[aid] = _article_props(x)
            counts = self.mentions.setdefault(aid, counts)
        for m in x.mentions:
            if m.entity_id is None:  # not resolved (apply_ids gives every kept mention an id)
                continue
            counts[m.entity_id] += 1
            self.entity_mentions[m.entity_id] += 1
            self.entity_seen[m.entity_id].add(day)
            self.surfaces[m.entity_id][m.text] += 1
        for eid in {m.entity_id for m in x.mentions}:
            self.entity_articles[eid] += 1
        self._co_mentions(x, day)
        self._said_about(x, day)

    def _windows(self, x: ArticleExtraction):
        groups: dict[int, set] = defaultdict(set)
        for m in x.mentions:
            w = m.sentence if self.window == "sentence" else m.paragraph if self.window == "paragraph" else 0
            groups[w].add(m.entity_id)
        spans = (
            x.sentences
            if self.window == "sentence"
            else x.paragraphs
            if self.window == "paragraph"
            else [(0, len(x.text))]
        )
        for w, ids in groups.items():
            span = spans[w] if w < len(spans) else (0, 0)
            yield ids, span

    def _co_mentions(self, x: ArticleExtraction, day: str | None) -> None:
        for ids, (s, e) in self._windows(x):
            if len(ids) < 2:
                continue
            item = (x.article_id, s, _snippet(x.text, s, e), day or "", "")
            for a, b in combinations(sorted(ids), 2):
                agg = self.co[(a, b)]
                agg.add(x.article_id, day)
                agg.add_evidence(item, self.cap)

    def _said_about(self, x: ArticleExtraction, day: str | None) -> None:
        for q in x.quotes:
            if not q.speaker_entity:
                continue
            s = q.content[0][0] if q.content else q.speaker.start
            quote = _snippet(x.text, s, q.content[-1][1] if q.content else s)
            for t in q.targets:
                agg = self.said[(q.speaker_entity, t)]
                agg.add(x.article_id, day)
                agg.extra["direct" if q.direct else "indirect"] += 1
                agg.extra[q.kind] += 1
                if q.cue:
                    agg.extra["cue:" + q.cue.text.lower()] += 1
                agg.add_evidence((x.article_id, s, quote, day or "", q.kind), self.cap)

    def graph(self, entities: dict[str, tuple[str, str, dict]]) -> Graph:
        """Assemble the graph; ``entities`` maps id -> (label, name, extra node props). The
        relations' aggregates are used up: a builder makes its graph once."""
        g = Graph()
        for eid, (label, name, extra) in sorted(entities.items()):
            if eid not in self.entity_mentions:
                continue
            aliases = [s for s, _ in self.surfaces[eid].most_common(10)]
            g.add_node(
                Node(
                    eid,
                    label,
                    name,
                    {
                        "mentions": self.entity_mentions[eid],
                        "articles": self.entity_articles[eid],
                        "aliases": aliases,
                        **extra,
                        **self._time(self.entity_seen[eid]),
                    },
                )
            )
        for aid, meta in sorted(self.articles.items()):
            g.add_node(article_node(aid, meta))
        # aggregates are let go as their edges are made, so they are never held twice
        for aid in sorted(self.mentions):
            for e in mention_edges(aid, sorted(self.mentions.pop(aid).items())):
                g.add_edge(e)
        for a, b in sorted(self.co):
            agg = self.co.pop((a, b))
            g.add_edge(
                Edge(
                    CO_MENTIONED,
                    a,
                    b,
                    agg.weight,
                    {"articles": agg.articles, "evidence": self._evidence(agg, "text"), **self._time(agg.seen)},
                )
            )
        for a, b in sorted(self.said):
            agg = self.said.pop((a, b))
            cues = sorted(k[4:] for k in agg.extra if k.startswith("cue:"))
            g.add_edge(
                Edge(
                    SAID_ABOUT,
                    a,
                    b,
                    agg.weight,
                    {
                        "count": agg.weight,
                        "articles": agg.articles,
                        "cues": cues,
                        "direct": agg.extra["direct"],
                        "indirect": agg.extra["indirect"],
                        "kinds": [k for k in KINDS if agg.extra[k]],
                        **{f"{k}_count": agg.extra[k] for k in KINDS},
                        "evidence": self._evidence(agg, "quote"),
                        **self._time(agg.seen),
                    },
                )
            )
        return g

    def _time(self, seen: Seen) -> dict:
        return seen.props() if self.dated else {}

    def _evidence(self, agg: _Agg, field: str) -> list[dict]:
        """Evidence items: article, text, date when dated, and for said-about the kind."""
        return [
            {"article": a, field: t, **({"date": d} if d else {}), **({"kind": k} if k else {})}
            for a, _, t, d, k in _smallest(agg.evidence, self.cap)
        ]


def article_day(x: ArticleExtraction) -> str | None:
    """The day (``YYYY-MM-DD``) an article was published, or None when it is undated."""
    published = x.meta.get("published")
    if not published:
        return None
    # normalised at ingest; articles stored by older versions may hold the raw text
    return published[:10] if _ISO_DAY.match(published) else dates.day(dates.normalize(published))
