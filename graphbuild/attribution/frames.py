"""Attribution frames without a finite cue verb of their own (no spaCy import).

* **Attitude predicates**: "X is critical of Y", "X is sure that ...", "X is a critic of Y".
* **Passives of feeling**: "X is worried about Y", "X was impressed by Y", "X is
  concerned that ...": the one who feels (Levin's amuse verbs, 31.1).
* **Any verb with a finite "that" / "whether" clause** and a named or personal subject
  ("X calculated that ...", "X noticed that ...", "X shot back that ...", "X queried
  whether ..."): a verb that takes a finite complement clause reports a proposition, and
  with a person or an organization as its subject it is that one's (the lexicon's cues
  have their own rules; "it seems that", "that means that" have no such subject).

Participles modifying their source ("a statement saying ...") are found in :mod:`.retag`,
cue nouns with a holder ("his claim that ...", "her attack on Y") in :mod:`.nouns`, and a
message noun as the object of a message verb ("made the case that ...", "voiced concern
that ...") in :mod:`.quotes`.

Each finder looks at one token and its children only, so a pass stays linear in tokens.
A finder returns ``(source head, first and last cue token, first and last content token)``.
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc, cue_lemma
from graphbuild.lexicon import cues

Frame = tuple[int, int, int, int, int]
_COPULAS = ("be", "seem", "remain", "appear", "become", "sound", "look")


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
        if k.dep == "prep" and k.text.lower() in ("of", "about", "with", "on", "toward", "towards", "over", "by"):
            objs = [o for o in doc.kids[c] if doc.toks[o].dep in ("pobj", "pcomp")]
            if objs:
                return subj, i, c, doc.subtree(objs[0])[0], doc.subtree(c)[1]
        if adjective and k.dep == "ccomp":  # not "eager to ...", "certain to ...": often no attitude
            return subj, i, i, doc.subtree(c)[0], doc.subtree(c)[1]
    return None


_PSYCH_PREPS = ("about", "by", "with", "over", "at")
_HOLDERS = ("PERSON", "ORG", "NORP", "GPE")  # entity types that hold a view or speak


def verb_frame(doc: QuoteDoc, i: int) -> Frame | None:
    """A frame at verb ``i``: :func:`psych_passive` or :func:`finite_clause`."""
    return psych_passive(doc, i) or finite_clause(doc, i)


def finite_clause(doc: QuoteDoc, i: int) -> Frame | None:
    """'X calculated that ...', 'X queried whether ...': a verb outside the cue lexicon
    with a finite clause opened by "that" / "whether" and a named or personal subject."""
    t, toks = doc.toks[i], doc.toks
    if t.pos != "VERB" or cue_lemma(t) in cues.ALL_CUES or cue_lemma(t) in _COPULAS:
        return None
    subj = next((c for c in doc.kids[i] if toks[c].dep == "nsubj"), None)
    if subj is None or not (toks[subj].ent_type in _HOLDERS or toks[subj].text.lower() in cues.PERSONAL_SUBJECTS):
        return None
    for c in doc.kids[i]:
        if c < i or toks[c].dep != "ccomp":
            continue
        kids = [toks[k] for k in doc.kids[c]]
        opened = any(k.dep == "mark" and k.text.lower() in ("that", "whether") for k in kids)
        finite = any(x.tag in ("VBD", "VBZ", "VBP", "MD") for x in [toks[c], *kids])
        if opened and finite:
            return subj, i, i, doc.subtree(c)[0], doc.subtree(c)[1]
    return None


def psych_passive(doc: QuoteDoc, i: int) -> Frame | None:
    """'X is worried about Y', 'X was shocked that ...' at passive participle ``i``."""
    t, toks = doc.toks[i], doc.toks
    if t.tag != "VBN" or cue_lemma(t) not in cues.PSYCH_VERBS:
        return None
    subj = next((c for c in doc.kids[i] if toks[c].dep == "nsubjpass"), None)
    if subj is None or not any(toks[c].dep == "auxpass" for c in doc.kids[i]):
        return None
    for c in doc.kids[i]:
        k = toks[c]
        if c > i and k.dep in ("prep", "agent") and k.text.lower() in _PSYCH_PREPS:
            objs = [o for o in doc.kids[c] if toks[o].dep in ("pobj", "pcomp")]
            if objs:
                return subj, i, c, doc.subtree(objs[0])[0], doc.subtree(c)[1]
        if c > i and k.dep == "ccomp":
            return subj, i, i, doc.subtree(c)[0], doc.subtree(c)[1]
    return None
