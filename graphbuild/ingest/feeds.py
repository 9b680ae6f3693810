"""RSS and Atom files whose items carry the article text.

Parsed with lxml's XML parser set up to be safe on hostile files: no DTD loading, no entity
expansion, no network. Each item (RSS ``item``, Atom ``entry``) is one article: text from
``content:encoded`` / Atom ``content``, else ``description`` / ``summary`` (HTML becomes text,
one line per block); id from ``guid`` / ``id``, else the link.
"""

from __future__ import annotations

from collections.abc import Iterator
from email.utils import parsedate_to_datetime

from graphbuild.graph.model import Article, Problem
from graphbuild.ingest.html import fragment_text
from graphbuild.ingest.text import ProblemSink, is_binary


def _local(el) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child(el, *names: str):
    for name in names:
        for c in el:
            if _local(c) == name:
                return c
    return None


def _text(el) -> str | None:
    if el is None:
        return None
    value = "".join(el.itertext()).strip()
    return value or None


def _content(el) -> str:
    """Text of a content element: Atom ``type="xhtml"`` is markup in place, the rest is a string."""
    if el is None:
        return ""
    from lxml import etree

    if el.get("type") == "xhtml":
        inner = "".join(etree.tostring(c, encoding="unicode") for c in el)
        return fragment_text(inner)
    raw = "".join(el.itertext())
    return raw.strip() if el.get("type") == "text" else fragment_text(raw)


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).isoformat()  # RSS: RFC 822 dates
    except (TypeError, ValueError, IndexError):
        return value  # Atom dates are ISO 8601 already


def _link(item) -> str | None:
    for c in item:
        if _local(c) == "link":
            if c.get("href"):  # Atom
                if c.get("rel", "alternate") == "alternate":
                    return c.get("href")
            elif _text(c):
                return _text(c)
    return None


def _items(root):
    kind = _local(root)
    if kind == "feed":
        return [c for c in root if _local(c) == "entry"], _text(_child(root, "title"))
    if kind == "rss":
        channel = _child(root, "channel")
        if channel is None:
            return [], None
        return [c for c in channel if _local(c) == "item"], _text(_child(channel, "title"))
    if kind == "rdf":
        channel = _child(root, "channel")
        return [c for c in root if _local(c) == "item"], _text(
            _child(channel, "title")
        ) if channel is not None else None
    return None, None


def read_feed(data: bytes, rel: str, origin: str, on_problem: ProblemSink) -> Iterator[Article]:
    """The articles of an RSS or Atom document (``rel`` names items without id or link)."""
    from lxml import etree

    if is_binary(data):
        on_problem(Problem(origin, "binary file (NUL bytes), not a feed"))
        return
    if not data.strip():
        on_problem(Problem(origin, "empty file"))
        return
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        on_problem(Problem(origin, f"malformed XML ({exc})"))
        return
    items, channel_title = _items(root)
    if items is None:
        on_problem(Problem(origin, f"XML that is not an RSS or Atom feed (root element <{_local(root)}>)"))
        return
    for n, item in enumerate(items, 1):
        where = f"{origin}#item {n}"
        text = max(
            (_content(_child(item, name)) for name in ("encoded", "content", "description", "summary")),
            key=len,
        )
        if not text.strip():
            on_problem(Problem(where, "item has no text"))
            continue
        link = _link(item)
        yield Article(
            id=_text(_child(item, "guid", "id")) or link or f"{rel}#item {n}",
            text=text,
            title=_text(_child(item, "title")),
            url=link,
            published=_date(_text(_child(item, "pubdate", "published", "date", "updated"))),
            source=channel_title or origin,
            origin=where,
        )
