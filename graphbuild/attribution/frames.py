"""Attribution frames without a finite cue verb of their own (no spaCy import).

* **Participles** modifying their source: "a statement saying ...", "polls showing ...".
* **Attitude predicates**: "X is critical of Y", "X is sure that ...", "X is a critic of Y".
* **Cue nouns**: "his claim that ...", "her support for Y", and light verbs whose object
  is the cue noun ("made the case that ...", "took the view that ...").

Each finder looks at one token and its children only, so a pass stays linear in tokens.
A finder returns ``(source head, first and last cue token, first and last content token)``.
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc, cue_lemma
from graphbuild.lexicon import cues

Frame = tuple[int, int, int, int, int]
_COPULAS = ("be", "seem", "remain", "appear", "become", "sound", "look")


def participle_source(doc: QuoteDoc, i: int) -> int | None:
    """The noun a cue participle modifies is its source: "a memo saying ...", "data showing"."""
    t = doc.toks[i]
    if t.dep == "acl" and t.tag == "VBG" and doc.toks[t.head].pos in ("NOUN", "PROPN"):
        return t.head
    return None


def attitude_predicate(doc: QuoteDoc, i: int, subject) -> Frame | None:
    """'X is critical of Y', 'X was sure (that) ...', 'X is eager to ...', 'X is a critic of Y'.
    ``subject`` finds the subject of a verb (speakers.subject_of)."""
    t, lemma = doc.toks[i], cue_lemma(doc.toks[i])
    adjective = t.pos == "ADJ" and t.dep == "acomp" and lemma in cues.ATTITUDE_ADJECTIVES
    agent = t.pos == "NOUN" and t.dep == "attr" and lemma in cues.ATTITUDE_AGENTS
    if not (adjective or agent) or cue_lemma(doc.toks[t.head]) not in _COPULAS:
        return None
    subj = subject(doc, t.head)
    if subj is None:
        return None
    for c in doc.kids[i]:
        k = doc.toks[c]
        if c < i:
            continue
        if k.dep == "prep" and k.text.lower() in ("of", "about", "with", "on", "toward", "towards", "over"):
            objs = [o for o in doc.kids[c] if doc.toks[o].dep in ("pobj", "pcomp")]
            if objs:
                return subj, i, c, doc.subtree(objs[0])[0], doc.subtree(c)[1]
        if adjective and k.dep in ("ccomp", "xcomp"):
            return subj, i, i, doc.subtree(c)[0], doc.subtree(c)[1]
    return None


def cue_noun(doc: QuoteDoc, i: int) -> Frame | None:
    """'his claim that ...', 'their support for Y', 'made the case that ...'. The source is
    the noun's possessor, or the subject of a light verb whose object the noun is."""
    t, lemma = doc.toks[i], cue_lemma(doc.toks[i])
    if t.pos != "NOUN" or lemma not in cues.CUE_NOUNS:
        return None
    content = None
    for c in doc.kids[i]:
        k = doc.toks[c]
        if c < i:
            continue
        if k.dep in ("acl", "ccomp") and any(doc.toks[m].text.lower() == "that" for m in doc.kids[c]):
            content = (c, doc.subtree(c)[0], doc.subtree(c)[1])
        elif k.dep == "prep" and k.text.lower() in cues.CUE_NOUNS[lemma]:
            objs = [o for o in doc.kids[c] if doc.toks[o].dep in ("pobj", "pcomp")]
            if objs:
                content = (c, doc.subtree(objs[0])[0], doc.subtree(c)[1])
        if content:
            break
    if content is None:
        return None
    last, lo, hi = content
    last = last if doc.toks[last].dep == "prep" else i
    owner = next((c for c in doc.kids[i] if doc.toks[c].dep == "poss"), None)
    if owner is not None:
        return owner, i, last, lo, hi
    if t.dep == "dobj" and cue_lemma(doc.toks[t.head]) in cues.LIGHT_VERBS:
        subj = next((c for c in doc.kids[t.head] if doc.toks[c].dep == "nsubj"), None)
        if subj is not None:
            return subj, t.head, last, lo, hi  # the cue is "made the case"
    return None
