"""Passive cues whose agent is the speaker (no spaCy import).

* **"Asked by X whether ..."**: "Asked by a reporter whether the tax would pass, Roe
  ...", "Roe, pressed by Doe on the tax, ...": the one asking is the agent, the question
  the clause or the prepositional object of the verb (the one asked is no speaker; that
  stays a rule of :mod:`.quotes`).
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc

QUESTION_VERBS = frozenset("ask question press quiz query".split())
_TOPIC = ("about", "on", "over", "regarding")


def asked_by(doc: QuoteDoc, i: int, lemma: str) -> tuple[int, tuple[int, list]] | None:
    """(agent head, (last cue token, content spans)) of a passive question verb at ``i``."""
    toks = doc.toks
    if lemma not in QUESTION_VERBS or toks[i].tag != "VBN":
        return None
    agent = next((c for c in doc.kids[i] if toks[c].dep == "agent"), None)
    by = [o for o in doc.kids[agent] if toks[o].dep == "pobj"] if agent is not None else []
    if not by:
        return None
    for c in doc.kids[i]:
        t = toks[c]
        if c > i and (t.dep == "ccomp" or (t.dep == "prep" and t.text.lower() in _TOPIC)):
            lo, hi = doc.subtree(c)
            if t.dep == "prep":
                lo = lo + 1
            span = doc.chars(lo, hi)
            return (by[0], (i, [span])) if span and hi > lo else None
    return None
