"""ArticleExtraction <-> plain dicts (JSON), for spooling, storing in Neo4j and the
``extractions.jsonl`` audit file."""

from __future__ import annotations

from graphbuild.graph.model import SPEECH, ArticleExtraction, Mention, Quote, Span


def _span(s: Span | None) -> dict | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def to_dict(x: ArticleExtraction) -> dict:
    """Full form, lossless (keys, sentences, paragraphs, text): for spool and store."""
    return {
        "article_id": x.article_id,
        "title": x.title,
        "text": x.text,
        "meta": x.meta,
        "sentences": x.sentences,
        "paragraphs": x.paragraphs,
        "aliases": x.aliases,
        "mentions": [[m.start, m.end, m.text, m.label, m.key, m.sentence, m.paragraph, m.name] for m in x.mentions],
        "quotes": [
            {
                "speaker": _span(q.speaker),
                "speaker_key": q.speaker_key,
                "cue": _span(q.cue),
                "content": q.content,
                "direct": q.direct,
                "kind": q.kind,
            }
            for q in x.quotes
        ],
    }


def from_dict(d: dict) -> ArticleExtraction:
    """Inverse of :func:`to_dict`."""
    mentions = [Mention(*m) for m in d["mentions"]]
    quotes = [
        Quote(
            Span(**q["speaker"]),
            q["speaker_key"],
            Span(**q["cue"]) if q["cue"] else None,
            [tuple(c) for c in q["content"]],
            q["direct"],
            kind=q.get("kind", SPEECH),
        )
        for q in d["quotes"]
    ]
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


def to_public(x: ArticleExtraction) -> dict:
    """The ``extractions.jsonl`` record (format of ``shared/eval/README.md``), final ids.

    It ends with the article's text, the one every offset refers to: for a web page that is
    the extracted text, which no input file holds.
    """
    return {
        "article_id": x.article_id,
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "label": m.label, "entity_id": m.entity_id}
            for m in x.mentions
        ],
        "quotes": [
            {
                "speaker": {**(_span(q.speaker) or {}), "entity_id": q.speaker_entity},
                "cue": _span(q.cue),
                "content": [list(c) for c in q.content],
                "direct": q.direct,
                "kind": q.kind,
                "targets": q.targets,
            }
            for q in x.quotes
        ],
        "text": x.text,
    }
