"""Colon layouts of a headline (no spaCy import): "Name: words", "Outlet: words", "Poll:
words". In the article's first paragraph the words before the colon name whoever said or
found what follows, even when they are one surname the entity tagger did not see. Not a
speaker: a tag of the story ("Breaking:", "Revealed:", "Wow:"), nor a phrase of several
common words ("The Latest:", "Spoiler no more:"), which in body text, where a colon ends
lists and field names ("Iowa: ...", "Contributing: ..."), are never speakers either.
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc
from graphbuild.attribution.speakers import subject_of
from graphbuild.graph.model import ORGANIZATION, PERSON
from graphbuild.lexicon import cues


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
    first, then where or about what; 'Roe camp: ...', 'Daily Planet editorial: ...': a
    person's or an organization's name and one word for those speaking for it or a
    document of it (PolNeAR train: 3 new quotes, all right)."""
    first = [m for m in doc.mentions_in(start, end) if m.start < end]
    if not first or first[0].label not in (PERSON, ORGANIZATION):
        return False
    after = doc.text[first[0].end : end].split()
    if len(after) == 1 and after[0].lower() in _SPOKESMEN:  # "Roe camp:", "Daily Planet editorial:"
        return True
    return first[0].label == PERSON and (not after or after[0].lower() in ("at", "on", "to", "in", "about"))


_SPOKESMEN = cues.REPRESENTATIVES | cues.DOCUMENTS | {"camp"}
_NO_SPEAKER = ("it", "this", "that", "there", "what", "which")  # "It reads:", "This is it:"
_DASH_LEADS = ("-", "—", "–", "―", "--")  # "Polls missed it - Jane Roe: ..."
_LEAD_INS = ("from", "more", *_DASH_LEADS)  # "- Jane Roe: ...", "More from Roe: ..."


def colon_frame(doc: QuoteDoc, colon: int, lo: int) -> tuple | None:
    """((cue, cue), speaker head) of a colon right before a quote whose frame has no cue
    word: a person's or an organization's name right before the colon that only a dash
    or "from" leads in to ('... - Jane Roe: "..."', 'More from Roe: "..."'), else the verb
    the colon closes when it has a subject ('Roe gloated: "..."', 'She went on: "..."')."""
    return name_colon(doc, colon, lo) or _verb_colon(doc, colon, lo)


def _verb_colon(doc: QuoteDoc, colon: int, lo: int) -> tuple | None:
    toks = doc.toks
    v = toks[colon].head
    if lo <= v < colon and toks[v].pos in ("VERB", "AUX") and (s := subject_of(doc, v)) is not None:
        if lo <= s < v and not doc.quoted[s] and toks[s].text.lower() not in _NO_SPEAKER:
            return (v, v), s
    return None


def name_colon(doc: QuoteDoc, colon: int, lo: int) -> tuple | None:
    """((colon, colon), name head) of a person's or an organization's name right before a
    colon, that the frame opens with or a dash or "from" leads in to; also a run of proper
    nouns the entity tagger missed after a dash ("Polls missed it - HuffPollster: ...",
    train +5 right, none lost)."""
    toks = doc.toks
    j = colon - 1
    while j >= lo and toks[j].pos == "SPACE":
        j -= 1
    if j < lo:
        return None
    names = [m for m in doc.mentions_in(toks[j].start, toks[j].end) if m.end == toks[j].end]
    named = bool(names) and names[0].label in (PERSON, ORGANIZATION)
    first = doc.tok_at(names[0].start) if named else _proper_run(doc, j, lo)
    if first is None:
        return None
    lead = [toks[k].text.lower() for k in range(lo, first) if toks[k].pos != "SPACE"]
    if first > lo and not (lead and lead[-1] in (_LEAD_INS if named else _DASH_LEADS)):
        return None
    return (colon, colon), j


def _proper_run(doc: QuoteDoc, j: int, lo: int) -> int | None:
    """First token of the proper names ending at ``j`` ("Jane Roe and John Doe", a
    one-word outlet the entity tagger missed), or None when ``j`` is no proper noun."""
    toks = doc.toks
    if toks[j].pos != "PROPN":
        return None
    first = j
    while first > lo and (
        toks[first - 1].pos == "PROPN"
        or (toks[first - 1].dep == "cc" and first - 2 >= lo and toks[first - 2].pos == "PROPN")
    ):
        first -= 1
    return first
