"""Quote and reported-speech attribution (stub: filled in by the attribution work)."""
from __future__ import annotations

from .model import Mention, ParsedArticle, Quote


def find_quotes(parsed: ParsedArticle, mentions: list[Mention]) -> list[Quote]:
    """All attributions in the article: direct quotes and reported speech."""
    return []
