"""Inverted frames whose speaker the parse lost (no spaCy import): '"...," said the pilot,
who ...', '"...," read one.', '"...," wrote a man calling himself ...'. The cue opens the
frame right after the quote and the noun phrase right after it is who spoke, however the
parser hung it (an object, the subject of a later clause, an adverb)."""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc
from graphbuild.attribution.speakers import subject_of
from graphbuild.lexicon import cues

_PHRASE = ("DET", "ADJ", "NUM", "NOUN", "PROPN", "PRON")
_HEADS = ("NUM", "NOUN", "PROPN", "PRON")
_STOPS = ("PUNCT", "VERB", "AUX", "ADP", "SCONJ", "CCONJ", "SPACE", "PART")


def inverted_frame(doc: QuoteDoc, lo: int, hi: int, any_verb: bool = False) -> tuple | None:
    """((cue, cue), speaker head) of a frame lo..hi after a quote that opens with a frame
    cue verb and goes on with a noun phrase ('said the pilot', 'read one'); the phrase's
    last noun is the head. Not a time ('said Tuesday') nor a phrase that runs on into
    anything but punctuation, a verb or a preposition."""
    toks = doc.toks
    lo = doc.past_punct(lo, hi)
    v = toks[lo]
    if (
        v.tag not in ("VBD", "VBZ", "VBP", "VB")
        or (not any_verb and v.lemma.lower() not in cues.FRAME_CUES)
        or doc.quoted[lo]
    ):
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


_OWN = ("dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative")  # a verb with its own object says no quote


def bare_frame(doc: QuoteDoc, lo: int, hi: int, inner_end: str) -> tuple | None:
    """((cue, cue), speaker head) of a short frame after a quote that ends in a comma, "?"
    or "!": a finite verb of any kind with nothing of its own to report, right after its
    subject or right before it ('"...," he surmised.', '"...?" Roe pressed.', '"...!"
    beamed Jane Roe'): the manner of saying, so the quote is what was said."""
    toks = doc.toks
    if inner_end not in ",?!":
        return None
    lo = doc.past_punct(lo, hi)
    v = next((j for j in range(lo, min(hi, lo + 4) + 1) if toks[j].pos in ("VERB", "AUX")), None)
    if (
        v is None
        or toks[v].tag not in ("VBD", "VBZ", "VBP")
        or any(doc.quoted[j] or toks[j].pos == "PUNCT" for j in range(lo, v + 1))
    ):
        return None
    if toks[v].lemma.lower() == "be" or any(toks[c].dep in _OWN and not doc.quoted[c] for c in doc.kids[v]):
        return None
    if v == lo:
        return inverted_frame(doc, lo, hi, any_verb=True)
    s = subject_of(doc, v)
    if (
        s is None
        or not lo <= s < v
        or toks[s].pos not in ("PRON", "PROPN", "NOUN")
        or toks[s].text.lower() in ("it", "this", "that")
    ):
        return None
    return (v, v), s


def noun_then_cue(doc: QuoteDoc, lo: int, hi: int) -> tuple | None:
    """((cue, cue), speaker head) of a frame after a quote that is only a noun phrase and a
    frame cue word the tagger took for a noun or lost the subject of ('"...," the email
    read.', '"...," the document states, ...'): the phrase's last word is who spoke. The
    cue must end the clause (punctuation, a preposition or an adverb after it)."""
    toks = doc.toks
    lo = doc.past_punct(lo, hi)
    k = lo
    while k <= min(hi, lo + 6) and toks[k].pos in _PHRASE and not doc.quoted[k]:
        k += 1
    if k > hi or k == lo:
        return None
    # the cue may be the phrase's last word ("the email read" tagged a compound noun)
    for cue in (k, k - 1):
        t = toks[cue]
        if cue <= lo or not t.text.islower() or t.lemma.lower() not in cues.FRAME_CUES or doc.quoted[cue]:
            continue
        after = toks[cue + 1] if cue + 1 < len(toks) else None
        if after is not None and after.sent == t.sent and after.pos not in ("PUNCT", "ADP", "ADV", "SPACE"):
            continue
        if toks[cue - 1].pos in ("NOUN", "PROPN", "PRON"):
            return (cue, cue), cue - 1
    return None
