"""Findings named by a preposition (no spaCy import).

* **"In the poll, A."**: "In a Velmora poll released Sunday, the mayor led by nine
  points.": the sentence is what the poll, survey, study or report found, as with
  "according to the poll" (:func:`.speakers.according_to`). Only a phrase opening the
  sentence: "Roe leads in the polls" (anywhere: 36 of 136 right on PolNeAR train) is
  mostly the narrator's. "In her view, A." and "To Roe, A." (Roe a person or people)
  are an opinion. "In the poll, 31 percent said A." is the poll's too (a share of those
  polled said it).
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc, cue_lemma
from graphbuild.graph.model import PERSON
from graphbuild.lexicon import cues

_OPINION_NOUNS = frozenset(("view", "opinion", "words", "estimation", "judgment", "judgement", "mind", "eyes"))


def in_finding(doc: QuoteDoc, i: int) -> tuple[int, int, int] | None:
    """(cue token, source head, last source token) of "In the poll, A." at token ``i``: the
    phrase opens the sentence and a comma closes it, and no cue verb in the rest of the
    sentence has words of its own to report ("In the poll, most said ..." is theirs)."""
    toks, t = doc.toks, doc.toks[i]
    word = t.text.lower()
    if word not in ("in", "to") or t.dep != "prep":
        return None
    sn = doc.sents[t.sent]
    if i != sn.start_tok or toks[t.head].dep != "ROOT":
        return None
    obj = next((o for o in doc.kids[i] if toks[o].dep == "pobj"), None)
    if obj is None or doc.quoted[obj]:
        return None
    owner = next((o for o in doc.kids[obj] if toks[o].dep == "poss"), None)
    if word == "to":  # "To Roe, the plan is a trap.": in Roe's eyes
        if not _someone(doc, obj):
            return None
    elif cue_lemma(toks[obj]) in _OPINION_NOUNS and owner is not None:
        obj = owner  # "In her view, ...": hers
    elif cue_lemma(toks[obj]) not in cues.FINDING_DOCUMENTS:
        return None
    last = doc.subtree(i)[1]
    while last > obj and toks[last].pos == "PUNCT":  # (the parser may hang the comma on the phrase)
        last -= 1
    if last + 1 >= sn.end_tok or toks[last + 1].text != ",":
        return None
    if any(toks[j].pos == "VERB" and cue_lemma(toks[j]) in cues.ALL_CUES for j in range(last + 1, sn.end_tok)):
        if word != "in" or not _share_says(doc, t.head):
            return None
    return i, obj, last


def _someone(doc: QuoteDoc, j: int) -> bool:
    """Whether token ``j`` names a person or people ("Roe", "her", "many voters", "others")."""
    t = doc.toks[j]
    if any(m.label == PERSON and m.start <= t.start < m.end for m in doc.mentions_in(t.start, t.end)):
        return True
    return t.text.lower() in _PEOPLE or cue_lemma(t) in cues.PERSON_TITLES


_PEOPLE = frozenset(
    "him her them me us others many some most voters supporters critics fans opponents people observers".split()
)


def _share_says(doc: QuoteDoc, v: int) -> bool:
    """Whether the sentence's main verb ``v`` says what a share of those polled said ("In
    the poll, 31 percent of voters said ...", "..., most Republicans said ..."): the
    poll's finding (PolNeAR's source is the poll)."""
    subj = next((c for c in doc.kids[v] if doc.toks[c].dep == "nsubj"), None)
    if subj is None:
        return False
    lo, hi = doc.subtree(subj)
    return any(doc.toks[j].pos == "NUM" or doc.toks[j].text.lower() in _SHARES for j in range(lo, hi + 1))


_SHARES = frozenset("percent % majority majorities most half third quarter plurality".split())
