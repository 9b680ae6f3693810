"""Passive cues whose agent is the speaker (no spaCy import).

* **"Asked by X whether ..."**: "Asked by a reporter whether the tax would pass, Roe
  ...", "Roe, pressed by Doe on the tax, ...": the one asking is the agent, the question
  the clause or the prepositional object of the verb (the one asked is no speaker; that
  stays a rule of :mod:`.quotes`).
* **"As reported by X, ..."**: a passive cue in an "as" clause with a "by" agent: the agent
  said the clause the aside hangs on (the active "As X reported, ..." is :mod:`.asides`).
"""

from __future__ import annotations

from graphbuild.attribution.asides import aside_content
from graphbuild.attribution.doc import QuoteDoc
from graphbuild.lexicon import cues

QUESTION_VERBS = frozenset("ask question press quiz query".split())
_TOPIC = ("about", "on", "over", "regarding")
_AS_CUES = cues.SPEECH_CLAUSE | cues.EVIDENCE_CLAUSE  # "as reported by X", "as shown by the poll"


def asked_by(doc: QuoteDoc, i: int, lemma: str) -> tuple[int, tuple[int, list]] | None:
    """(agent head, (last cue token, content spans)) of a passive question verb at ``i``."""
    toks = doc.toks
    if lemma not in QUESTION_VERBS or toks[i].tag != "VBN":
        return None
    agent = doc.by_agent(i)
    if agent is None:
        return None
    for c in doc.kids[i]:
        t = toks[c]
        if c > i and (t.dep == "ccomp" or (t.dep == "prep" and t.text.lower() in _TOPIC)):
            lo, hi = doc.subtree(c)
            if t.dep == "prep":
                lo = lo + 1
            span = doc.chars(lo, hi)
            return (agent, (i, [span])) if span and hi > lo else None
    return None


def as_reported_by(doc: QuoteDoc, i: int, lemma: str) -> tuple[int, tuple[int, list]] | None:
    """(agent head, (cue token, content spans)) of 'As reported by X, A' and 'A, as first
    noted by X': a passive cue in an "as" clause with a "by" agent reports the clause it
    hangs on, and the agent said it."""
    toks, t = doc.toks, doc.toks[i]
    if t.tag != "VBN" or t.dep != "advcl" or lemma not in _AS_CUES:
        return None
    kids = doc.kids[i]
    if not any(toks[k].dep == "mark" and toks[k].text.lower() == "as" and k < i for k in kids):
        return None
    agent = doc.by_agent(i)
    if agent is None or toks[t.head].pos not in ("VERB", "AUX"):
        return None
    found = aside_content(doc, i)
    return (agent, found) if found else None
