"""Per-article extraction: parsed article -> mentions with article-level keys + quotes.

This is what extraction workers run, so its result is small and picklable.
"""

from __future__ import annotations

from graphbuild.attribution.quotes import find_quotes
from graphbuild.attribution.speakers import name_unnamed_speakers
from graphbuild.entities.resolve import article_mentions
from graphbuild.graph.model import Article, ArticleExtraction, ParsedArticle


def extract(parsed: ParsedArticle, keep_places: bool = False) -> ArticleExtraction:
    """Everything one article contributes to the graph."""
    art = parsed.article
    mentions, aliases = article_mentions(parsed, keep_places=keep_places)
    quotes = find_quotes(parsed, mentions)
    if quotes:
        added, quotes = name_unnamed_speakers(parsed, quotes, mentions)
        mentions = sorted(mentions + added, key=lambda m: m.start)
    sentences = [(s.start, s.end) for s in parsed.sentences]
    return extraction(art, mentions, quotes, sentences, parsed.paragraphs, aliases)


def extraction(art: Article, mentions, quotes, sentences, paragraphs, aliases) -> ArticleExtraction:
    """The extraction of ``art`` from its parts (its meta: url, published, source)."""
    meta = {k: v for k, v in (("url", art.url), ("published", art.published), ("source", art.source)) if v}
    return ArticleExtraction(art.id, art.text, art.title, mentions, quotes, sentences, paragraphs, aliases, meta)
