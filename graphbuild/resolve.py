"""Resolution: one key per entity within an article, one id per real entity across the corpus.

(Minimal first version; see the resolution work for titles, short forms, acronyms, countries.)
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

from .model import COUNTRY, ORGANIZATION, PERSON, PLACE, Mention, ParsedArticle, Resolution

_LABELS = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE}


def slug(name: str) -> str:
    """ASCII, lowercase, hyphenated form of a name: 'Barack Obama' -> 'barack-obama'."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def article_mentions(parsed: ParsedArticle, keep_places: bool = False):
    """Mentions of one article with article-level keys, and acronym alias pairs."""
    out = []
    para_of = parsed.paragraphs
    for e in parsed.ents:
        label = _LABELS.get(e.label)
        if label is None or (label == PLACE and not keep_places):
            continue
        key = slug(e.text)
        if not key:
            continue
        tok = parsed.tokens[e.start_tok]
        para = next((i for i, (s, x) in enumerate(para_of) if s <= e.start < x), 0)
        out.append(Mention(e.start, e.end, e.text, label, key, tok.sent, para, e.text))
    return out, []


class CorpusResolver:
    """Collects key statistics over the corpus, then decides the final id of every key."""

    def __init__(self, aliases=None) -> None:
        self.rules = aliases
        self.labels: dict[str, Counter] = defaultdict(Counter)
        self.names: dict[str, Counter] = defaultdict(Counter)
        self.aliases: list[tuple[str, str]] = []

    def add(self, mentions: list[Mention], aliases: list[tuple[str, str]]) -> None:
        for m in mentions:
            self.labels[m.key][m.label] += 1
            self.names[m.key][m.name] += 1
        self.aliases.extend(aliases)

    def finalize(self) -> Resolution:
        """Decide the final id, label and name of every key."""
        res = Resolution()
        for key, votes in self.labels.items():
            label = votes.most_common(1)[0][0]
            name = self.names[key].most_common(1)[0][0]
            eid = f"{label.lower()}:{key}"
            res.ids[key] = (eid, label, name)
            res.entities[eid] = (label, name, {})
        return res
