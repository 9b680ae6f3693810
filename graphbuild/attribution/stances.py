"""Verbs of taking a position or of stating a topic, in the shapes the lexicon's gates
leave out (:mod:`graphbuild.attribution.quotes` asks :func:`stance_cue` before its
general branch).

* a stance verb (``cues.STANCE_OBJECT``) as a participle on the subject: "voters backing
  Roe have ...": the subject holds the stance (the stance gate of :mod:`.quotes` wants a
  finite verb);
* a verb of stating a topic or of answering a claim (``cues.TOPIC_OBJECT``,
  ``cues.REJOINDER_OBJECT``) with an object, which is what was stated, talked about or
  answered: "Roe discussed the plan", "Roe listed three reasons", "Roe compared the tax
  to theft", "Roe disputed the figures", "..., while Roe addressed the fares"; and with
  a preposition (``cues.TOPIC_PREPS``): "Roe focused on the fares", "the council voted
  against the plan". A cue where a saying verb with a plain object or a stance verb is
  one (:func:`~.gates.plain_object`, :func:`~.gates.stance_stated`).

The figures in the docstrings are the share of new quotes right on PolNeAR train when
the shape was measured (nothing from the data is stored here).
"""

from __future__ import annotations

from graphbuild.attribution.bounds import clause_end, span
from graphbuild.attribution.doc import QuoteDoc, cue_lemma
from graphbuild.attribution.gates import HOLDERS, plain_object, stance_stated
from graphbuild.attribution.speakers import subject_of
from graphbuild.lexicon import cues

_TOPICS = cues.TOPIC_OBJECT | cues.REJOINDER_OBJECT | frozenset(cues.TOPIC_PREPS)
Found = tuple[int, tuple[int, list]]  # (speaker head, (last cue token, content spans))


def stance_cue(doc: QuoteDoc, i: int, lemma: str) -> Found | None:
    """(speaker head, found) of verb ``i`` in one of this module's shapes, else None (the
    general branch then looks at it as before)."""
    if lemma in _TOPICS and (found := _topic(doc, i, lemma)):
        return found
    if lemma in cues.STANCE_OBJECT and (found := _participle_on_noun(doc, i)):
        return found
    return None


def _object(doc: QuoteDoc, i: int, lemma: str = "") -> int | None:
    """The direct object of ``i`` after it, when ``i`` has no particle (with one it is
    another verb: "backed away from X", "listed off X")."""
    toks = doc.toks
    if any(toks[c].dep == "prt" for c in doc.kids[i]):
        return None
    if lemma in cues.TOPIC_PREPS:  # "voted against X": the preposition's object
        preps = [
            c
            for c in doc.kids[i]
            if c > i and toks[c].dep == "prep" and toks[c].text.lower() in cues.TOPIC_PREPS[lemma]
        ]
        return next((o for c in preps[:1] for o in doc.kids[c] if toks[o].dep in ("pobj", "pcomp")), None)
    return next((c for c in doc.kids[i] if toks[c].dep == "dobj" and c > i), None)


def _content(doc: QuoteDoc, i: int, obj: int) -> tuple[int, list] | None:
    """The object and what follows it in the cue's clause ("compared X to Y")."""
    return span(doc, i, doc.subtree(obj)[0], clause_end(doc, i, obj))


def _topic(doc: QuoteDoc, i: int, lemma: str) -> Found | None:
    """'Roe discussed the plan', 'Roe listed three reasons': a verb of stating a topic with
    an object, as the main verb (or a participle on it, or in "voters who ..."), or in a
    finite clause of its own: 60 of 89 new quotes right on PolNeAR train (of the verbs
    tried, "debate" was 1 of 3, "embrace" 6 of 17); answering verbs 19 of 31, "voted
    for / against" 19 of 33, "focused on" 18 of 37."""
    subj = subject_of(doc, i)
    obj = _object(doc, i, lemma)
    if any(doc.toks[c].dep == "prep" and doc.toks[c].text.lower() == "after" for c in doc.kids[i]):
        return None  # "named the boat after her mother": a naming, nothing stated
    if subj is None or obj is None or not (plain_object(doc, i, lemma) or stance_stated(doc, i, subj, lemma)):
        return None
    if lemma in cues.AUDIENCE_SENSES and _audience(doc, i, obj):
        return None
    found = _content(doc, i, obj)
    return (subj, found) if found else None


def _audience(doc: QuoteDoc, i: int, obj: int) -> bool:
    """Whether object ``obj`` of verb ``i`` is someone or a gathering, not a topic:
    "addressed the rally", "addressed voters" (5 of 6 such quotes wrong on PolNeAR train)."""
    o = doc.toks[obj]
    return o.ent_type in HOLDERS or o.text.lower() in cues.PERSON_OBJECTS or cue_lemma(o) in cues.GATHERING_NOUNS


def _participle_on_noun(doc: QuoteDoc, i: int) -> Found | None:
    """'Voters backing Roe have turned out early': a stance verb as a present participle on
    the sentence's subject, with an object: the subject holds the stance (8 of 11 new
    quotes right on PolNeAR train; on any noun, "money went to groups backing Roe", 21 of
    41, and 0 of 4 on dev)."""
    t = doc.toks[i]
    if t.tag != "VBG" or t.dep != "acl" or t.head >= i:
        return None
    head, obj = doc.toks[t.head], _object(doc, i)
    if head.pos not in ("NOUN", "PROPN", "PRON") or head.dep != "nsubj" or obj is None:
        return None
    found = _content(doc, i, obj)
    return (t.head, found) if found else None
