"""When entities and relations were seen: first and last day, counts per month, undated.

Every entity and every CO_MENTIONED / SAID_ABOUT edge gets, from the dates of the articles
it comes from:

* ``first_seen`` / ``last_seen``: the first and last day (``YYYY-MM-DD``) of a dated article;
* ``monthly``: ``{"YYYY-MM": n}``, the entity's mentions or the edge's weight per month
  (memory is bounded by the number of months, not of articles);
* ``undated``: the part of the total that comes from articles without a date.

Totals (``mentions``, ``weight``) always count every article; an element seen only in
undated articles has ``undated`` and no dates. A corpus without dates gets no time
properties at all, so its graph is what it was before dates existed.

The monthly counts serve timelines and trend queries. A cut by exact days (``--since``,
``--until``) is recomputed from the articles' extractions instead, so that it equals the
graph built from only those articles (ids, weights and evidence included): see
``pipeline.run.resolve_and_relate`` and ``api``.
"""

from __future__ import annotations

import calendar

from graphbuild.graph.model import Graph

TIME_PROPS = ("first_seen", "last_seen", "monthly", "undated")


class Seen:
    """Counts of one entity or edge by month, with its first and last day."""

    __slots__ = ("days", "first", "last", "months", "undated")

    def __init__(self) -> None:
        self.first: str | None = None
        self.last: str | None = None
        self.months: dict[str, int] = {}
        self.days: dict[str, int] = {}  # per day: what the Neo4j store keeps to take articles out again
        self.undated = 0

    def add(self, day: str | None, n: int = 1) -> None:
        if day is None:
            self.undated += n
            return
        self.days[day] = self.days.get(day, 0) + n
        if self.first is None or day < self.first:
            self.first = day
        if self.last is None or day > self.last:
            self.last = day
        m = day[:7]
        self.months[m] = self.months.get(m, 0) + n

    def props(self) -> dict:
        """The time properties (see the module docstring); empty for an undated corpus."""
        out: dict = {}
        if self.first is not None:
            out.update(first_seen=self.first, last_seen=self.last, monthly=dict(sorted(self.months.items())))
        if self.undated:
            out["undated"] = self.undated
        return out


def _month_end(month: str) -> str:
    y, m = int(month[:4]), int(month[5:7])
    return f"{month}-{calendar.monthrange(y, m)[1]:02d}"


def spells(props: dict) -> list[tuple[str, str]]:
    """The dated intervals of an entity or edge, ``[(start_day, end_day), ...]``: runs of
    consecutive months with counts, the first starting at ``first_seen`` and the last
    ending at ``last_seen`` (one interval when there are no monthly counts). What a timeline (Gephi's GEXF spells) shows it in; empty when
    the element has no dates."""
    first = props.get("first_seen")
    if not first:
        return []
    last: str = props.get("last_seen") or first
    months = sorted((props.get("monthly") or {}).keys())
    if not months:  # dated without monthly counts (a graph from elsewhere): one interval
        return [(first, last)]
    runs: list[list[str]] = [[months[0], months[0]]]
    for m in months[1:]:
        if _next_month(runs[-1][1]) == m:
            runs[-1][1] = m
        else:
            runs.append([m, m])
    out = [(f"{a}-01", _month_end(b)) for a, b in runs]
    out[0] = (first, out[0][1])
    out[-1] = (out[-1][0], last)
    return out


def _next_month(month: str) -> str:
    y, m = int(month[:4]), int(month[5:7])
    return f"{y + m // 12}-{m % 12 + 1:02d}"


def graph_spells(
    graph: Graph,
) -> tuple[dict[str, list[tuple[str, str]]], dict[tuple[str, str, str], list[tuple[str, str]]]]:
    """The dated intervals (:func:`spells`) of every node and edge of ``graph`` that has
    dates: ``(node id -> spells, edge key -> spells)``. What a timeline writer (GEXF's
    ``<spells>``) needs; elements without dates are absent."""
    nodes = {i: s for i, n in graph.nodes.items() if (s := spells(n.props))}
    edges = {k: s for k, e in graph.edges.items() if (s := spells(e.props))}
    return nodes, edges
