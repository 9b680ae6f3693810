"""Inverted frames whose speaker the parse lost (no spaCy import): '"...," said the woman,
who ...', '"...," read one.', '"...," wrote a man calling himself ...'. The cue opens the
frame right after the quote and the noun phrase right after it is who spoke, however the
parser hung it (an object, the subject of a later clause, an adverb)."""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc
from graphbuild.lexicon import cues

_PHRASE = ("DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON")
_HEADS = ("NUM", "NOUN", "PROPN", "PRON")
_STOPS = ("PUNCT", "VERB", "AUX", "ADP", "SCONJ", "CCONJ", "SPACE", "PART")


def inverted_frame(doc: QuoteDoc, lo: int, hi: int) -> tuple | None:
    """((cue, cue), speaker head) of a frame lo..hi after a quote that opens with a frame
    cue verb and goes on with a noun phrase ('said the woman', 'read one'); the phrase's
    last noun is the head. Not a time ('said Tuesday') nor a phrase that runs on into
    anything but punctuation, a verb or a preposition."""
    toks = doc.toks
    while lo < hi and toks[lo].pos in ("PUNCT", "SPACE"):
        lo += 1
    v = toks[lo]
    if v.tag not in ("VBD", "VBZ", "VBP", "VB") or v.lemma.lower() not in cues.FRAME_CUES or doc.quoted[lo]:
        return None
    j, head = lo + 1, None
    while (
        j <= hi and not doc.quoted[j] and (toks[j].pos in _PHRASE or (toks[j].text.istitle() and toks[j].pos != "VERB"))
    ):
        if toks[j].pos in _HEADS or toks[j].text.istitle():
            head = j
        j += 1
    if head is None or (j <= hi and toks[j].pos not in _STOPS) or toks[head].ent_type in ("DATE", "TIME"):
        return None
    return (lo, lo), head
