"""Mend one tagging slip of the small parser before extraction: a present-tense cue verb
read as a plural noun at the root of a headline-like clause ("Mayor predicts the plan will
fail", "Council blasts the budget"). The parser hangs the name before it as a compound or
subject and the clause or object after it on the "noun"; read as a verb, the name is its
subject and the quote pass treats it like any other cue verb. Also the speaker the parser
leaves out for a present participle on a noun ("a letter warning that ...", "X issued a
statement saying ...": :func:`participle_subject`) or after a preposition ("X took the
rare step of announcing that ...")."""

from __future__ import annotations

from dataclasses import replace

from graphbuild.attribution.doc import QuoteDoc, cue_lemma
from graphbuild.attribution.speakers import perceived, subject_of
from graphbuild.lexicon import cues

_SUBJECT_DEPS = ("nsubj", "compound")
_REPORT_DEPS = ("ccomp", "dobj", "xcomp", "prep")
_DESCRIBED_DEPS = ("dobj", "nsubj", "attr", "ROOT")
_NOUN_MARKS = ("det", "poss", "amod", "nummod", "case")  # "the claims", "his plans": a real noun


def mend_noun_verbs(doc: QuoteDoc) -> None:
    """Retag, in ``doc`` only (the parse stays as it was), each plural "noun" that is a
    present-tense cue verb (:func:`_noun_verb`) as a verb whose subject is the name before it."""
    toks = None
    for t in doc.toks:
        subj = _noun_verb(doc, t.i)
        if subj is None:
            continue
        if toks is None:
            toks = doc.toks = list(doc.toks)  # copy: the cached parse is shared
        toks[t.i] = replace(t, pos="VERB", tag="VBZ", lemma=cue_lemma(t))
        toks[subj] = replace(toks[subj], dep="nsubj")


def _noun_verb(doc: QuoteDoc, i: int) -> int | None:
    """The subject of ``i`` when it is a cue verb tagged as a plural noun: the root of its
    sentence, an "-s" form whose lemma is a cue, with no determiner or modifier of its own, a
    name or noun right before it (hung on it) and a clause or object after it."""
    t, kids = doc.toks[i], doc.kids[i]
    if t.dep != "ROOT" or t.tag not in ("NNS", "NNPS") or not t.text.lower().endswith("s"):
        return None
    if cue_lemma(t) not in cues.ALL_CUES or any(doc.toks[c].dep in _NOUN_MARKS for c in kids):
        return None
    if not any(c > i and doc.toks[c].dep in _REPORT_DEPS for c in kids):
        return None
    left = [c for c in kids if c < i and doc.toks[c].dep in _SUBJECT_DEPS]
    if len(left) != 1 or doc.toks[left[0]].pos not in ("PROPN", "NOUN"):
        return None
    s = left[0]
    if doc.subtree(s)[1] != i - 1:  # the name ends right before the verb
        return None
    return s


def participle_subject(doc: QuoteDoc, i: int) -> int | None:
    """The speaker of present participle ``i`` on a noun: the subject of the verb whose object
    the noun is ("X issued a statement saying ...": X), else the noun itself ("a letter
    warning that ..."). Not on a prepositional object ("money went to ads attacking X"):
    on PolNeAR train those were right 21 times of 52, the rest 37 of 56). After a
    preposition: :func:`_gerund_subject`."""
    t = doc.toks[i]
    if t.tag == "VBG" and t.dep == "pcomp":
        return _gerund_subject(doc, i)
    if t.tag != "VBG" or t.dep != "acl" or t.head >= i:
        return None
    head = doc.toks[t.head]
    if head.pos not in ("NOUN", "PROPN") or head.dep not in _DESCRIBED_DEPS:
        return None
    if head.dep == "dobj" and perceived(doc, i) is None:  # (not "saw a board defending X")
        return subject_of(doc, head.head)  # "X issued a statement saying ...": X's statement says it
    return t.head


def _gerund_subject(doc: QuoteDoc, i: int) -> int | None:
    """The doer of gerund ``i`` after a preposition of :data:`cues.SUBJECT_GERUND_PREPS`:
    the subject of the clause the preposition hangs on, directly ("turned to
    criticizing"), through an adjective or adverb ("was loud in denouncing", "stopped
    short of endorsing") or through the verb's object ("took the rare step of
    announcing"), whose possessor comes first ("dropped their plan of attacking").
    (On PolNeAR train 17 of the 25 quotes this adds were right.)"""
    toks = doc.toks
    prep = toks[toks[i].head]
    if prep.pos != "ADP" or prep.head >= i or prep.text.lower() not in cues.SUBJECT_GERUND_PREPS:
        return None
    h = toks[prep.head]
    if h.pos in ("VERB", "AUX"):
        return subject_of(doc, h.i)
    if h.pos == "NOUN" and h.dep == "dobj":
        poss = next((c for c in doc.kids[h.i] if toks[c].dep == "poss"), None)
        return poss if poss is not None else subject_of(doc, h.head)
    if h.pos in ("ADJ", "ADV") and h.dep in ("acomp", "advmod", "attr") and toks[h.head].pos in ("VERB", "AUX"):
        return subject_of(doc, h.head)
    return None
