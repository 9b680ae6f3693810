"""ArticleExtraction <-> plain dicts (JSON), for spooling, storing in Neo4j and the
``extractions.jsonl`` audit file.

A long article has tens of thousands of mentions: :func:`spool_json`, :func:`public_json`
and :func:`from_json` give and read the same JSON text a batch of rows at a time, so its
record is never held whole as dicts, lists and one string at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from json.decoder import WHITESPACE  # type: ignore[attr-defined]

from graphbuild.graph.model import SPEECH, ArticleExtraction, Mention, Quote, Span

# the separators and escaping of writers.jsonl.JsonlWriter, so pieces join to what it writes
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_DECODE = json.JSONDecoder().raw_decode
_BATCH = 128  # rows encoded at a time
_TEXT_PIECE = 1 << 16  # characters of a long text encoded at a time


def _span(s: Span | None) -> dict | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def _fields(x: ArticleExtraction) -> dict:
    """The full form with its mentions and quotes as iterators (rows made when read)."""
    return {
        "article_id": x.article_id,
        "title": x.title,
        "text": x.text,
        "meta": x.meta,
        "sentences": x.sentences,
        "paragraphs": x.paragraphs,
        "aliases": x.aliases,
        "mentions": ([m.start, m.end, m.text, m.label, m.key, m.sentence, m.paragraph, m.name] for m in x.mentions),
        "quotes": (
            {
                "speaker": _span(q.speaker),
                "speaker_key": q.speaker_key,
                "cue": _span(q.cue),
                "content": q.content,
                "direct": q.direct,
                "kind": q.kind,
            }
            for q in x.quotes
        ),
    }


def to_dict(x: ArticleExtraction) -> dict:
    """Full form, lossless (keys, sentences, paragraphs, text): for spool and store."""
    return {k: list(v) if isinstance(v, Iterator) else v for k, v in _fields(x).items()}


def spool_json(x: ArticleExtraction) -> Iterator[str]:
    """``to_dict(x)`` as compact JSON text, in pieces."""
    return _pieces(_fields(x))


def _pieces(fields: dict) -> Iterator[str]:
    sep = "{"
    for k, v in fields.items():
        yield sep + _ENCODE(k) + ":"
        sep = ","
        if isinstance(v, list) and len(v) > _BATCH:
            v = iter(v)
        if isinstance(v, Iterator):
            yield "["
            first = True
            while batch := list(islice(v, _BATCH)):
                yield ("" if first else ",") + _ENCODE(batch)[1:-1]
                first = False
            yield "]"
        elif isinstance(v, str) and len(v) > _TEXT_PIECE:  # escaping is per character
            yield '"'
            for i in range(0, len(v), _TEXT_PIECE):
                yield _ENCODE(v[i : i + _TEXT_PIECE])[1:-1]
            yield '"'
        else:
            yield _ENCODE(v)
    yield "}"


def from_dict(d: dict) -> ArticleExtraction:
    """Inverse of :func:`to_dict`."""
    return _extraction(d, [Mention(*m) for m in d["mentions"]], [_quote(q) for q in d["quotes"]])


def _quote(q: dict) -> Quote:
    return Quote(
        Span(**q["speaker"]),
        q["speaker_key"],
        Span(**q["cue"]) if q["cue"] else None,
        [tuple(c) for c in q["content"]],
        q["direct"],
        kind=q.get("kind", SPEECH),
    )


def _extraction(d: dict, mentions: list[Mention], quotes: list[Quote]) -> ArticleExtraction:
    return ArticleExtraction(
        d["article_id"],
        d["text"],
        d.get("title"),
        mentions,
        quotes,
        [tuple(s) for s in d["sentences"]],
        [tuple(p) for p in d["paragraphs"]],
        [tuple(a) for a in d.get("aliases", [])],
        d.get("meta") or {},
    )


def from_json(line: str) -> ArticleExtraction:
    """``from_dict(json.loads(line))``, each mention and quote made as its row is read.

    Repeated strings (a key, a name, a label) are held once.
    """
    strings: dict = {}
    share = strings.setdefault

    def mention(row: list) -> Mention:
        start, end, text, label, key, sentence, paragraph, name = row
        return Mention(
            start, end, share(text, text), share(label, label), share(key, key), sentence, paragraph, share(name, name)
        )

    d: dict = {}
    rows = {"mentions": mention, "quotes": _quote}
    ws = WHITESPACE.match
    i = ws(line, 0).end()
    if line[i : i + 1] != "{":
        raise ValueError("an extraction record is a JSON object")
    i = ws(line, i + 1).end()
    while line[i : i + 1] != "}":
        key, i = _DECODE(line, i)
        i = ws(line, ws(line, i).end() + 1).end()  # past ':'
        if key in rows:
            d[key], i = _rows(line, i, rows[key])
        else:
            d[key], i = _DECODE(line, i)
        i = ws(line, i).end()
        if line[i : i + 1] == ",":
            i = ws(line, i + 1).end()
    return _extraction(d, d["mentions"], d["quotes"])


def _rows(line: str, i: int, make) -> tuple[list, int]:
    """The JSON list at ``line[i]``, each item made into ``make(item)`` as it is read."""
    ws = WHITESPACE.match
    out: list = []
    i = ws(line, i + 1).end()  # past '['
    while line[i : i + 1] != "]":
        item, i = _DECODE(line, i)
        out.append(make(item))
        i = ws(line, i).end()
        if line[i : i + 1] == ",":
            i = ws(line, i + 1).end()
    return out, i + 1


def to_public(x: ArticleExtraction) -> dict:
    """The ``extractions.jsonl`` record (format of ``shared/eval/README.md``), final ids.

    It ends with the article's text, the one every offset refers to: for a web page that is
    the extracted text, which no input file holds.
    """
    return {k: list(v) if isinstance(v, Iterator) else v for k, v in _public_fields(x).items()}


def public_json(x: ArticleExtraction) -> Iterator[str]:
    """``to_public(x)`` as compact JSON text, in pieces."""
    return _pieces(_public_fields(x))


def _public_fields(x: ArticleExtraction) -> dict:
    return {
        "article_id": x.article_id,
        "mentions": (
            {"start": m.start, "end": m.end, "text": m.text, "label": m.label, "entity_id": m.entity_id}
            for m in x.mentions
        ),
        "quotes": (
            {
                "speaker": {**(_span(q.speaker) or {}), "entity_id": q.speaker_entity},
                "cue": _span(q.cue),
                "content": [list(c) for c in q.content],
                "direct": q.direct,
                "kind": q.kind,
                "targets": q.targets,
            }
            for q in x.quotes
        ),
        "text": x.text,
    }
