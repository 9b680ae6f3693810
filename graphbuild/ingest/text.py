"""Plain text and JSONL: decoding with a fallback, one article per file or per JSONL record."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from graphbuild.graph.model import Article, Problem

ProblemSink = Callable[[Problem], None]
BINARY_SNIFF = 8192


def is_binary(data: bytes) -> bool:
    """True when the first bytes hold a NUL: no text format graphbuild reads has one."""
    return b"\x00" in data[:BINARY_SNIFF]


def decode(data: bytes, origin: str, on_problem: ProblemSink) -> str | None:
    """Decode bytes by their byte order mark (UTF-8/16/32), else as UTF-8, else cp1252,
    else latin-1; None (and a problem) for binary."""
    from graphbuild.ingest.safety import bom_decode

    marked, _ = bom_decode(data)
    if marked is not None:
        return marked
    if is_binary(data):
        on_problem(Problem(origin, "binary file (NUL bytes), not text"))
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        on_problem(Problem(origin, f"not UTF-8; read as {enc}", skipped=False))
        return text
    return None  # unreachable: latin-1 decodes any bytes


def text_article(data: bytes, article_id: str, origin: str, on_problem: ProblemSink) -> Iterator[Article]:
    """The article of a plain-text file: its text exactly as decoded."""
    text = decode(data, origin, on_problem)
    if text is None:
        return
    if not text.strip():
        on_problem(Problem(origin, "empty file"))
        return
    yield Article(id=article_id, text=text, source=origin, origin=origin)


def read_jsonl_lines(lines: Iterable[bytes], origin: str, on_problem: ProblemSink) -> Iterator[Article]:
    """Articles from JSONL records ``{"id", "text", "title"?, "url"?, "published"?, "source"?}``."""
    n = 0
    for raw in lines:  # not enumerate: its reused tuple would hold each line until the next
        n += 1
        where = f"{origin}:{n}"
        if not raw.strip():
            continue
        line = decode(raw, where, on_problem)
        if line is None:
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            on_problem(Problem(where, f"malformed JSON ({exc.msg})"))
            continue
        if not isinstance(rec, dict):
            on_problem(Problem(where, "record is not a JSON object"))
            continue
        art_id, text = rec.get("id"), rec.get("text")
        if art_id is None or str(art_id).strip() == "":
            on_problem(Problem(where, 'record has no "id"'))
            continue
        if not isinstance(text, str) or not text.strip():
            on_problem(Problem(where, 'record has no "text"'))
            continue
        opt = {k: (str(rec[k]) if rec.get(k) is not None else None) for k in ("title", "url", "published", "source")}
        del raw, line  # a long article's line is not held (twice) while the article is built
        yield Article(id=str(art_id), text=text, origin=where, **opt)
