"""Object cues whose object is a relative or interrogative pronoun (no spaCy import).

* **"what X called Y"**: "what the mayor called "a reckless plan"", "the tax, which Roe
  described as a burden", "a rival whom Doe views as a peer": what was said is the
  pronoun (it stands for what was talked about) and the predicate the speaker gave it.

* **"asked X if ..."**: "Roe asked the mayor if the ferry was safe": the parser hangs an
  indirect yes/no question on a question verb as a conditional clause (advcl); it is
  what was asked.

The gold of PolNeAR marks the pronoun, not its antecedent, as the content (resolving it to
the antecedent was tried in round two and lowered f1).
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc
from graphbuild.lexicon import cues

_PRONOUNS = frozenset(("what", "which", "whom", "who", "that"))
_PREDICATE_PREPS = ("as", "to", "for", "of")  # "described as Y", "likened to Y", "blamed for Y"


def relative_object(doc: QuoteDoc, i: int, lemma: str, clause_end) -> tuple[int, list] | None:
    """(last cue token, content spans) of object cue ``i`` whose object is a pronoun before
    it with a predicate after it ("which Roe described as a burden"); ``clause_end``
    finds where the clause stops (bounds.clause_end)."""
    toks, kids = doc.toks, doc.kids[i]
    obj = next((c for c in kids if c < i and toks[c].dep == "dobj" and toks[c].text.lower() in _PRONOUNS), None)
    if obj is None or lemma not in cues.OBJECT_CUES:
        return None
    pred = next(
        (
            c
            for c in kids
            if c > i
            and (
                toks[c].dep in ("oprd", "attr", "dobj", "ccomp")
                or (toks[c].dep == "prep" and toks[c].text.lower() in _PREDICATE_PREPS)
            )
        ),
        None,
    )
    if pred is None:
        return None
    if toks[pred].dep == "prep" and lemma in cues.AS_PREDICATE and toks[pred].text.lower() != "as":
        return None
    end = clause_end(doc, i, pred)
    words = doc.chars(doc.subtree(pred)[0], end)
    if words is None:
        return None
    return i, [(toks[obj].start, toks[obj].end), words]
