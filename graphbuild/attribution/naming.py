"""Naming verbs whose predicate the parser lost (no spaCy import).

"X called Y Z" ("call", "label", "brand", "dub": verbs that need a predicate, Levin's
29.3 dub verbs) reports Y and Z together; without a predicate ("X called Y") it reports
nothing. When the predicate is quoted or an adjective the parser often hangs it wrongly:

* 'called the protesters "thugs"': the quoted predicate is the object (or the verb's
  ``oprd``) and the real object hangs on it; there is no ``dobj`` left;
* 'called the squabble unusual', 'called it "beyond silly"': the predicate became a
  preposition or its object, after the verb's object;
* 'called Roe "the best of us"', 'called the plan a failure', 'called her son her hero':
  the predicate is inside the object's phrase, the real object a modifier of a quoted
  predicate or the predicate an apposition of the object with no comma between.

These give what the verb reports: from the object to the end of the clause.
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc

_OPENING = ('"', "“", "''", "``", "‘")


def predicate_after(doc: QuoteDoc, obj: int) -> bool:
    """Whether the words right after object ``obj`` are its lost predicate: a quote mark
    opening a quote, or an adjective ('called the squabble unusual')."""
    nxt = doc.subtree(obj)[1] + 1
    if nxt >= len(doc.toks) or doc.toks[nxt].sent != doc.toks[obj].sent:
        return False
    t = doc.toks[nxt]
    if t.text in _OPENING:
        return nxt + 1 < len(doc.toks) and doc.toks[nxt + 1].pos not in ("PUNCT", "VERB", "AUX")
    if t.pos == "ADP" and t.head == doc.toks[obj].head:  # "called it beyond silly"
        return any(doc.toks[k].pos == "ADJ" and doc.toks[k].dep == "pobj" for k in doc.kids[nxt])
    return t.pos == "ADJ" and t.dep in ("pobj", "amod", "oprd", "acomp")


def predicate_only(doc: QuoteDoc, i: int) -> int | None:
    """'called the protesters "thugs"', 'called Roe unfit' parsed without an object: the
    predicate child (``oprd``) when its subtree opens with the object, words before a
    quote mark or before the adjective ("called an emergency session" is no naming)."""
    for c in doc.kids[i]:
        if c < i or doc.toks[c].dep != "oprd":
            continue
        lo, hi = doc.subtree(c)
        ends = [c] if doc.toks[c].pos == "ADJ" else [q for q in range(lo + 1, hi + 1) if doc.toks[q].text in _OPENING]
        if ends and any(doc.toks[k].pos not in ("DET", "PUNCT") for k in range(lo, ends[0])):
            return c
    return None


def predicate_within(doc: QuoteDoc, obj: int) -> bool:
    """Whether the phrase of object ``obj`` holds the lost predicate: a quote mark opening
    after the phrase's first word ('called Roe "the best of us"'), an apposition right
    after the object with no comma ('called the plan a failure'), or an adjective closing
    the phrase after its noun ('called the squabble with the agency unusual')."""
    toks = doc.toks
    lo, hi = doc.subtree(obj)
    for q in range(lo + 1, hi):
        if toks[q].text in _OPENING and toks[q + 1].pos not in ("PUNCT", "VERB", "AUX") and toks[q - 1].text != ",":
            return True
    for c in doc.kids[obj]:
        if c > obj and toks[c].dep == "appos" and toks[doc.subtree(c)[0] - 1].text not in (",", "(", "-", "–", "—"):
            return True
    last = toks[hi]
    return last.pos == "ADJ" and last.dep == "amod" and last.head < hi
