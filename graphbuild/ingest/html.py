"""Saved web pages: the article's main text and metadata, extracted with trafilatura.

Navigation, related links, comments, cookie banners, ads and footers are left out by
trafilatura's boilerplate removal, so none of them can become an entity. The extracted text
is the article's text: every offset graphbuild gives refers to it, and ``extractions.jsonl``
keeps it. Feed items carry HTML fragments that are already the article: :func:`fragment_text`
turns them into text without boilerplate removal. Nothing here touches the network.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from graphbuild.graph.model import Article, Problem
from graphbuild.ingest.text import ProblemSink, is_binary

# trafilatura and its helpers log page-level complaints; the reader reports its own problems.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "tr", "table", "section", "article", "header", "footer", "figcaption", "dd", "dt",
}  # fmt: skip
_WORD = re.compile(r"\w+")
_MIN_LINE_WORDS = 4  # a page whose every line is shorter ("Home", "Menu") holds no article
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def _clean(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def page_article(
    data: bytes, article_id: str, origin: str, on_problem: ProblemSink, url: str | None = None
) -> Iterator[Article]:
    """The article of one saved page (``url``: where it was fetched from, when known)."""
    if is_binary(data):
        on_problem(Problem(origin, "binary file (NUL bytes), not a web page"))
        return
    if not data.strip():
        on_problem(Problem(origin, "empty file"))
        return
    import trafilatura

    try:
        # Precision over recall: a lost paragraph costs less than a menu item made an entity.
        doc = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception as exc:  # a page trafilatura cannot parse is one bad item, not the end of the run
        on_problem(Problem(origin, f"cannot read the page ({type(exc).__name__})"))
        return
    meta: dict = doc if isinstance(doc, dict) else doc.as_dict() if doc is not None else {}
    text = _clean(meta.get("text") or "")
    if not any(len(_WORD.findall(line)) >= _MIN_LINE_WORDS for line in text.split("\n")):
        on_problem(Problem(origin, "no article text found in the page"))
        return
    yield Article(
        id=article_id,
        text=text,
        title=meta.get("title") or None,
        url=meta.get("url") or url or None,
        published=meta.get("date") or None,
        source=meta.get("sitename") or meta.get("hostname") or origin,
        origin=origin,
    )


def mhtml_article(data: bytes, article_id: str, origin: str, on_problem: ProblemSink) -> Iterator[Article]:
    """The article of a single-file saved page (MHTML: the page and its resources in one
    MIME message): its first HTML part, read like an ``.html`` file."""
    from email import message_from_bytes, policy

    msg = message_from_bytes(data, policy=policy.compat32)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            body = part.get_payload(decode=True)
            if isinstance(body, bytes):
                url = msg.get("Snapshot-Content-Location") or part.get("Content-Location")
                yield from page_article(body, article_id, origin, on_problem, url=url)
                return
    on_problem(Problem(origin, "no HTML page in the saved MHTML file"))


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed item's content): one line per block element."""
    import lxml.html
    from lxml import etree

    if "<" not in fragment:
        return _clean(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _clean(fragment)
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
    return _clean(root.text_content())
