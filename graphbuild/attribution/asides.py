"""Asides that attribute the clause they hang on (no spaCy import).

* **"As X said"**: "As Roe noted, the plan failed." and "The plan failed, as Roe has
  acknowledged.": a cue in an adverbial clause opened by "as", with no complement of its
  own (where and when it was said may follow: "as Roe noted in a memo"), reports the clause
  it modifies (without the aside itself). Verbs of saying and finding only.
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc, cue_lemma
from graphbuild.lexicon import cues

_CUES = cues.SPEECH_CLAUSE | cues.EVIDENCE_CLAUSE  # "as X believes" is more often no claim
_OWN = ("ccomp", "dobj", "xcomp", "prep", "dative")  # a complement of its own: not an aside
# where or when the aside's words were said ("as Roe noted in a memo", "as the Herald
# reported on Tuesday"): a setting, no complement
_SETTING = frozenset(("in", "on", "at", "during", "before", "after", "last", "earlier"))


def as_aside(doc: QuoteDoc, i: int) -> tuple[int, list] | None:
    """(cue token, content spans) of cue ``i`` in an "as" clause: the clause it modifies."""
    toks, t = doc.toks, doc.toks[i]
    if t.dep != "advcl" or toks[t.head].pos not in ("VERB", "AUX") or cue_lemma(t) not in _CUES:
        return None
    kids = doc.kids[i]
    if not any(toks[k].dep == "mark" and toks[k].text.lower() == "as" and k < i for k in kids):
        return None
    if any(toks[k].dep in _OWN and k > i and not _setting(doc, k) for k in kids):
        return None
    return aside_content(doc, i)


def aside_content(doc: QuoteDoc, i: int) -> tuple[int, list] | None:
    """(cue token, content spans) of the aside at ``i``: the clause it hangs on, without it."""
    t = doc.toks[i]
    lo, hi = doc.subtree(t.head)
    a, b = doc.subtree(i)
    spans = [
        s
        for s in (doc.chars(lo, a - 1) if a > lo else None, doc.chars(b + 1, hi) if b < hi else None)
        if s and s[1] - s[0] > 1
    ]
    return (i, spans) if spans else None


def _setting(doc: QuoteDoc, k: int) -> bool:
    t = doc.toks[k]
    return t.dep == "prep" and t.text.lower() in _SETTING
