"""Light-verb cues: a common verb and a word that make a saying together (no spaCy import).

* "X made (it) clear that ...", "X made plain that ...": the clause;
* "X made no secret of Y", "X made no mention of Y": Y;
* "X took issue with Y", "X took exception to Y", "X took a swipe at Y", "X took credit
  for Y": Y.

* "X drew criticism from Y", "X won praise from Y", "X received support from Y": Y's
  words or stance about X (:func:`received_from`).

* "X issued an ad that accuses Y of ...": X's words, the document only carries them
  (:func:`document_owner`; the participle form, "X released a statement saying ...", is
  :func:`graphbuild.attribution.retag.participle_subject`'s, for any object noun).

(With a message noun, "made the case that ...", "voiced concern that ...", the verb is a
message verb of :mod:`graphbuild.lexicon.cues` instead.)
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc, cue_lemma
from graphbuild.lexicon import cues

LIGHT_VERBS = frozenset(("make", "take"))
_CLEAR = ("clear", "plain", "known")
_TAKE = {
    "issue": "with",
    "exception": "to",
    "credit": "for",
    "swipe": "at",
    "swipes": "at",
    "shot": "at",
    "shots": "at",
}  # not "took aim at": 2 of 7 right on PolNeAR train


def light_cue(doc: QuoteDoc, i: int, lemma: str, clause_end) -> tuple[int, list] | None:
    """(last cue token, content spans) of a light-verb cue at verb ``i``; ``clause_end``
    finds where the clause stops (quotes._clause_end)."""
    toks, kids = doc.toks, doc.kids[i]
    words = {toks[c].text.lower(): c for c in kids if c > i}
    if lemma == "make":
        clear = next((c for c in kids if c > i and toks[c].text.lower() in _CLEAR), None)
        if clear is not None:
            for c in kids + doc.kids[clear]:
                if c > clear and any(toks[k].dep == "mark" and toks[k].text.lower() == "that" for k in doc.kids[c]):
                    return _content(doc, clear, doc.subtree(c)[0], clause_end(doc, i, c))
        for noun in ("secret", "mention"):  # "made no secret of Y", "made no mention of Y"
            n = words.get(noun)
            if n is not None and toks[n].dep == "dobj":
                return _object_of(doc, i, n, "of", clause_end)
    if lemma == "take":
        for noun, prep in _TAKE.items():
            n = words.get(noun)
            if n is not None and toks[n].dep == "dobj":
                return _object_of(doc, i, n, prep, clause_end)
    return None


def _object_of(doc: QuoteDoc, i: int, noun: int, prep: str, clause_end) -> tuple[int, list] | None:
    """The object of preposition ``prep`` on the verb or on its noun ("took issue with Y")."""
    toks = doc.toks
    for c in doc.kids[i] + doc.kids[noun]:
        if c > noun and toks[c].dep == "prep" and cue_lemma(toks[c]) == prep:
            objs = [o for o in doc.kids[c] if toks[o].dep in ("pobj", "pcomp")]
            if objs:
                return _content(doc, c, doc.subtree(objs[0])[0], min(doc.subtree(c)[1], clause_end(doc, i, c)))
    return None


def _content(doc: QuoteDoc, cue_end: int, lo: int, hi: int) -> tuple[int, list] | None:
    span = doc.chars(lo, hi) if hi > lo else None
    return (cue_end, [span]) if span else None


def document_owner(doc: QuoteDoc, i: int) -> int | None:
    """Subject head of 'X issued an ad that accuses ...' for the cue ``i`` ("that accuses")
    in a relative clause on a document that is the object of a verb of putting out."""
    toks = doc.toks
    t = toks[i]
    noun = toks[t.head]
    if t.dep != "relcl" or noun.dep != "dobj" or cue_lemma(noun) not in cues.DOCUMENTS:
        return None
    own = [c for c in doc.kids[i] if toks[c].dep == "nsubj"]
    if own and toks[own[0]].text.lower() not in ("that", "which"):
        return None  # "the memo that Roe said was drafted ...": Roe's words
    if cue_lemma(toks[noun.head]) not in _PUT_OUT:
        return None
    return next((c for c in doc.kids[noun.head] if toks[c].dep == "nsubj"), None)


# Verbs of putting a document out: "released", "issued", "posted", "published", ...
# (not "run" or "launch": "runs a website that calls itself ..." describes the site)
_PUT_OUT = frozenset("release issue post publish air send unveil put tweet write sign file".split())


# Verbs of getting a reaction ("drew criticism from Y", "won praise from Y", "faced
# condemnation from Y") and the reactions that are someone's words or stance.
_RECEIVE = frozenset("draw receive face attract earn win get garner".split())
_REACTIONS = frozenset(
    """criticism praise condemnation rebuke scorn ridicule fire backlash support backing
    endorsement endorsements applause denunciation""".split()
)


def received_from(doc: QuoteDoc, i: int, lemma: str) -> tuple[int, tuple[int, list]] | None:
    """(source head, (last cue token, content spans)) of 'X drew criticism from Y' at verb
    ``i``: Y reacted to X, the subject (a phrase the content is, not who spoke)."""
    toks, kids = doc.toks, doc.kids[i]
    if lemma not in _RECEIVE:
        return None
    noun = next((c for c in kids if c > i and toks[c].dep == "dobj" and cue_lemma(toks[c]) in _REACTIONS), None)
    subj = next((c for c in kids if toks[c].dep in ("nsubj", "nsubjpass")), None)
    if noun is None or subj is None or toks[subj].text.lower() in cues.RELATIVE_PRONOUNS:
        return None
    frm = next(
        (c for c in doc.kids[noun] + kids if c > noun and toks[c].dep == "prep" and toks[c].text.lower() == "from"),
        None,
    )
    if frm is None:
        return None
    by = [o for o in doc.kids[frm] if toks[o].dep == "pobj"]
    if not by:
        return None
    span = doc.chars(*doc.subtree(subj))
    return (by[0], (frm, [span])) if span else None
