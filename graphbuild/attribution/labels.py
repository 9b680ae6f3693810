"""Colon layouts of a headline (no spaCy import): "Name: words", "Outlet: words", "Poll:
words". In the article's first paragraph the words before the colon name whoever said or
found what follows, even when they are one surname the entity tagger did not see. Not a
speaker: a tag of the story ("Breaking:", "Revealed:", "Wow:"), nor a phrase of several
common words ("The Latest:", "Spoiler no more:"), which in body text, where a colon ends
lists and field names ("Iowa: ...", "Contributing: ..."), are never speakers either.
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc
from graphbuild.graph.model import ORGANIZATION, PERSON


def headline_label(doc: QuoteDoc, start: int, end: int) -> bool:
    """Whether chars start..end (before a headline's colon) name a source: one noun or
    name that is no gerund or participle, or words ending in a person's or an
    organization's name ("NY Daily News", "Judicial Watch")."""
    words = doc.text[start:end].split()
    if any(m.end >= end - 1 and m.label in (PERSON, ORGANIZATION) for m in doc.mentions_in(start, end)):
        return True
    if len(words) > 1 and _names_speaker(doc, start, end):
        return True
    t = doc.toks[doc.tok_at(start)]
    return len(words) == 1 and t.pos in ("NOUN", "PROPN") and not t.text.lower().endswith(("ing", "ed"))


def _names_speaker(doc: QuoteDoc, start: int, end: int) -> bool:
    """'Former AG Roe at the convention: ...', 'Roe on the tax: ...': a person named
    first, then where or about what."""
    first = [m for m in doc.mentions_in(start, end) if m.start < end]
    if not first or first[0].label != PERSON:
        return False
    after = doc.text[first[0].end : end].split()
    return not after or after[0].lower() in ("at", "on", "to", "in", "about")
