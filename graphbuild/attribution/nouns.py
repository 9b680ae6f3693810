"""Cue nouns with a holder: "X's claim that ...", "X's attack on Y" (no spaCy import).

A noun of saying or of stance (a nominalized cue: "claim", "criticism", "support") is an
attribution when its holder is named on it, as a possessive ("Roe's claim", "her attack")
or by "by" / "from" ("a claim by Roe that ..."), and what is held is its own complement:

* **a "that" clause** ("Roe's claim that the port is safe"): wherever the noun phrase
  stands, the clause is the holder's proposition;
* **a prepositional object or an infinitive** ("Roe's attack on the mayor", "her support
  for the plan", "her plan to sell the port"): only when the noun phrase is the subject
  of its clause, stands alone (a headline) or is the object of an adjunct of time,
  circumstance or concession ("after Roe's attack on ...", "with her support for ...",
  "given his plan to ..."), where the narrator states it. As an object or another
  prepositional object it is mostly someone else's topic ("Doe dismissed Roe's attack on
  the mayor", "in response to Roe's attack on ...").

Measured on PolNeAR train as would-be rules (new quotes right): the "that" clause 26 of
44, the prepositional object as a subject 39 of 68 but as an object 10 of 76 and inside
another prepositional phrase 29 of 121 (left out); the infinitive as a subject 6 of 10,
elsewhere 0.25-0.32 (left out); built, 72 of 115 new quotes right, and in the adjuncts
14 of 22 more. Nouns of deciding ("decision", "refusal", "vow") were right 4 of 12 as
subjects with an infinitive and are no cue nouns; a reaction's object ("Roe's response to the storm") is what was reacted to
(0 of 3). The noun as a cue verb's object is the verb's ("Doe voiced her fear that ...").

* **Backing among a group** ("Roe's support among women"): the group backs Roe (5 of 5).
* **A finding later in the sentence** ("Roe leads by nine points in the latest poll"):
  "In the poll, A." opening the sentence is :mod:`.findings`'; further on, the phrase is
  the poll's finding only on the main verb of a clause that gives a figure and has no cue
  of its own (10 of 20 right on PolNeAR train; without the figure about a third).

:func:`held_noun` returns a frame as :mod:`.frames` does: ``(source head, first and last cue
token, first and last content token)``.
"""

from __future__ import annotations

from graphbuild.attribution.bounds import around
from graphbuild.attribution.doc import QuoteDoc, cue_lemma
from graphbuild.graph.model import ATTITUDE, EVIDENCE, SPEECH
from graphbuild.lexicon import cues

Frame = tuple[int, int, int, int, int]
_HOLDER_PREPS = ("by", "from")  # "a claim by Roe that ...", "criticism from Roe of ..."
_HELD_PREPS = ("of", "on", "about", "for", "against", "to", "toward", "towards")
# adjuncts in which the narrator states the noun phrase ("with his attacks on Y, ...")
_ADJUNCT_PREPS = ("despite", "given", "including", "with", "amid", "after", "since", "before", "during")
_STANDS_ALONE = ("nsubj", "nsubjpass", "ROOT")  # the noun phrase is no one else's topic
# "Roe's response to Y": Y is what was responded to, not what was said (as with the verbs,
# lexicon.cues.SPEECH_PREPS); "Roe's response that ..." is a statement
# Nouns of someone's backing ("her support among women"); not "appeal", a draw of the one
# backed ("his appeal among women" is how he strikes them, no stance they hold).
_BACKING = cues.RECEIVED_NOUNS - frozenset(("appeal",))
_REACTIONS = frozenset(("response", "responses", "reply", "replies", "answer", "answers"))


def held_noun(doc: QuoteDoc, i: int) -> Frame | None:
    """'Roe's claim that ...' (any place), 'Roe's attack on Y', 'Roe's plan to ...' (as a
    subject or in an adjunct) at noun ``i``."""
    toks, t = doc.toks, doc.toks[i]
    if t.pos != "NOUN" or cue_lemma(t) not in cues.HELD_NOUNS:
        return None
    among = support_among(doc, i)
    if among is not None:
        return among
    holder = _holder(doc, i)
    if holder is None:
        return None
    for c in doc.kids[i]:
        k = toks[c]
        if c < i:
            continue
        if k.dep in ("acl", "ccomp") and _that_clause(doc, c) and not _cue_object(doc, i):
            return holder, i, i, doc.subtree(c)[0], doc.subtree(c)[1]
        if t.dep not in _STANDS_ALONE and not (t.dep == "pobj" and toks[t.head].text.lower() in _ADJUNCT_PREPS):
            continue
        if k.dep == "acl" and any(toks[x].dep == "aux" and toks[x].text.lower() == "to" for x in doc.kids[c]):
            return holder, i, i, doc.subtree(c)[0], doc.subtree(c)[1]
        if k.dep == "prep" and k.text.lower() in _HELD_PREPS and cue_lemma(t) not in _REACTIONS:
            objs = [o for o in doc.kids[c] if toks[o].dep in ("pobj", "pcomp")]
            if objs:
                return holder, i, c, doc.subtree(objs[0])[0], doc.subtree(c)[1]
    return None


def support_among(doc: QuoteDoc, i: int) -> Frame | None:
    """'Roe's support among women' at noun ``i``: the women back Roe (the possessive is
    who is backed, the object of "among" who backs them)."""
    toks = doc.toks
    if cue_lemma(toks[i]) not in _BACKING:
        return None
    backed = next((c for c in doc.kids[i] if toks[c].dep == "poss" and c < i), None)
    among = next((c for c in doc.kids[i] if c > i and toks[c].dep == "prep" and toks[c].text.lower() == "among"), None)
    if backed is None or among is None:
        return None
    by = next((o for o in doc.kids[among] if toks[o].dep == "pobj"), None)
    if by is None:
        return None
    lo = doc.subtree(backed)[0]
    hi = max([backed] + [c for c in doc.kids[backed] if toks[c].dep != "case"])
    return by, i, among, lo, doc.subtree(hi)[1] if hi != backed else backed


def _cue_object(doc: QuoteDoc, i: int) -> bool:
    """Whether noun ``i`` is the object of a cue verb, which reports the clause itself
    ("Roe voiced her fear that ...", "the council heard Roe's claim that ...")."""
    head = doc.toks[doc.toks[i].head]
    lemma = cue_lemma(head)
    return doc.toks[i].dep == "dobj" and (lemma in cues.ALL_CUES or lemma in cues.MESSAGE_VERBS)


def _holder(doc: QuoteDoc, i: int) -> int | None:
    """The possessive on noun ``i`` ("Roe's", "her"), or the object of its "by" / "from"."""
    toks = doc.toks
    for c in doc.kids[i]:
        if toks[c].dep == "poss" and c < i and toks[c].text.lower() != "whose":  # (a relative pronoun)
            return c
        if c > i and toks[c].dep == "prep" and toks[c].text.lower() in _HOLDER_PREPS:
            by = [o for o in doc.kids[c] if toks[o].dep == "pobj"]
            if by:
                return by[0]
    return None


def _that_clause(doc: QuoteDoc, c: int) -> bool:
    """Whether token ``c`` heads a clause opened by the conjunction "that" (not a relative
    clause, whose "that" is its subject or object)."""
    return any(doc.toks[k].dep == "mark" and doc.toks[k].text.lower() == "that" for k in doc.kids[c])


def noun_kind(lemma: str) -> str:
    """What kind of attribution cue noun ``lemma`` makes: a stance or feeling is an
    attitude ("her support for Y", "his fear that ..."), a finding evidence, else speech."""
    if lemma in cues.ATTITUDE_NOUNS:
        return ATTITUDE
    return EVIDENCE if lemma in cues.EVIDENCE_NOUNS else SPEECH


def later_finding(doc: QuoteDoc, i: int, clause_end) -> tuple[int, tuple[int, list]] | None:
    """(source head, (cue token, content spans)) of 'Roe leads by nine points in the latest
    poll' at "in" token ``i``: a poll, survey or study phrase on the main verb (or on its
    object: "has a lead in the poll") after the sentence's start, in a clause that gives
    a figure and has no cue of its own. The content is the main clause around the phrase,
    up to where it ends (``clause_end``: bounds.clause_end)."""
    toks, t = doc.toks, doc.toks[i]
    if t.text.lower() != "in" or t.dep != "prep":
        return None
    sn = doc.sents[t.sent]
    if i == sn.start_tok:
        return None  # (findings.in_finding)
    obj = next((o for o in doc.kids[i] if toks[o].dep == "pobj"), None)
    if obj is None or doc.quoted[obj] or cue_lemma(toks[obj]) not in cues.FINDING_DOCUMENTS:
        return None
    h = t.head
    if toks[h].pos not in ("VERB", "AUX") and toks[h].dep in ("dobj", "attr"):
        h = toks[h].head  # "has a lead in the poll"
    if toks[h].dep != "ROOT" or toks[h].pos not in ("VERB", "AUX"):
        return None
    lo, hi = doc.subtree(i)
    rest = [toks[j] for j in range(sn.start_tok, sn.end_tok) if not lo <= j <= hi]
    if not any(x.pos == "NUM" or x.text in ("%", "percent") for x in rest):
        return None
    if any(x.text.lower() == "according" or (x.pos == "VERB" and cue_lemma(x) in cues.ALL_CUES) for x in rest):
        return None  # the sentence has a cue of its own ("..., 31 percent said", "according to")
    first = max(doc.subtree(h)[0], sn.start_tok)
    spans = around(doc, None, lo, hi, first, clause_end(doc, h, h))
    return (obj, (i, spans)) if spans else None
