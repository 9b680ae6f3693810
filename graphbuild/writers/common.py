"""What the file exporters share: the entity graph they write by default, XML-safe text,
and writing a file so that it is complete or absent."""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import IO

from graphbuild.graph.model import ARTICLE, CO_MENTIONED, MENTIONS, Edge, Graph, Node
from graphbuild.graph.relate import Provenance, article_node, mention_edges

# The articles of a build as the writers read them, sorted by article id: called once per
# pass over them (the build's spool on disk, see writers.provenance)
Articles = Callable[[], Iterable[Provenance]]

# Node and edge properties a later stage may add for a timeline (ISO dates); exporters
# that know about time (GEXF) turn them into the element's time interval.
TIME_PROPS = ("first_seen", "last_seen")

# XML 1.0 forbids most control characters; files must stay valid whatever the text held.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def is_directed(edge_type: str) -> bool:
    """Whether edges of ``edge_type`` have a direction: said-about and mentions do,
    co-mentions (stored from the smaller id) do not."""
    return edge_type != CO_MENTIONED


def entity_graph(graph: Graph, articles: bool = False) -> Graph:
    """``graph`` without Article nodes and MENTIONS edges, unless ``articles``."""
    if articles:
        return graph
    out = Graph()
    for n in graph.nodes.values():
        if n.label != ARTICLE:
            out.add_node(n)
    for e in graph.edges.values():
        if e.type != MENTIONS and e.source in out.nodes and e.target in out.nodes:
            out.add_edge(e)
    return out


def streams(
    graph: Graph, articles: bool = False, provenance: Articles | None = None
) -> tuple[Callable[[], Iterator[Node]], Callable[[], Iterator[Edge]]]:
    """(nodes, edges): functions giving the nodes and the edges a file holds, in order, as
    often as the writer needs to go over them. The entity graph, unless ``articles``; then
    also the Article nodes and MENTIONS edges: ``graph``'s own, or, with ``provenance``
    (``graph`` then being the entity graph), those of its records, read as they are written
    (entities, then articles; MENTIONS edges, then the relations).
    """
    if provenance is None or not articles:
        g = entity_graph(graph, articles)
        return (lambda: iter(g.nodes.values())), (lambda: iter(g.edges.values()))

    def nodes() -> Iterator[Node]:
        return chain(graph.nodes.values(), (article_node(aid, props) for aid, props, _ in provenance()))

    def edges() -> Iterator[Edge]:
        mentions = (e for aid, _, counts in provenance() for e in mention_edges(aid, counts))
        return chain(mentions, graph.edges.values())

    return nodes, edges


def as_text(v) -> str:
    """A property value as one cell or XML text: lists and dicts as JSON, None empty."""
    if isinstance(v, (list, dict)):
        v = json.dumps(v, ensure_ascii=False, sort_keys=True)
    elif isinstance(v, bool):
        v = "true" if v else "false"
    elif v is None:
        v = ""
    return str(v)


def xml_text(v) -> str:
    """:func:`as_text` with XML-forbidden characters replaced and markup escaped."""
    s = _XML_BAD.sub("\ufffd", as_text(v))
    # chained str.replace runs in C; str.translate with a dict is ~10x slower on big graphs
    return (
        s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
    )


@contextlib.contextmanager
def atomic_open(path: str | Path, newline: str | None = "\n") -> Iterator[IO[str]]:
    """Open ``path`` for writing text; the file appears (replacing an older one) only when
    the block finishes, so a failed export leaves the previous file or none."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
