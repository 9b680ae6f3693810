"""Per-article extraction: parsed article -> mentions with article-level keys + quotes.

This is what extraction workers run, so its result is small and picklable.
"""
from __future__ import annotations

from .model import ArticleExtraction, ParsedArticle
from .quotes import find_quotes
from .resolve import article_mentions
from .speakers import name_unnamed_speakers


def extract(parsed: ParsedArticle, keep_places: bool = False) -> ArticleExtraction:
    """Everything one article contributes to the graph."""
    art = parsed.article
    mentions, aliases = article_mentions(parsed, keep_places=keep_places)
    quotes = find_quotes(parsed, mentions)
    if quotes:
        mentions = sorted(mentions + name_unnamed_speakers(parsed, quotes, mentions), key=lambda m: m.start)
    meta = {k: v for k, v in (("url", art.url), ("published", art.published),
                              ("source", art.source)) if v}
    return ArticleExtraction(art.id, art.text, art.title, mentions, quotes,
                             [(s.start, s.end) for s in parsed.sentences], parsed.paragraphs,
                             aliases, meta)
