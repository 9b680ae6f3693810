"""What kind of attribution a cue makes: speech, attitude (or intention), or evidence.

A speech verb reports words ("said", "told", "criticized"); an attitude verb a state of
mind or an intention ("believes", "wants", "plans to", "supports"); an evidence verb what
a finding shows ("the poll shows", "investigators found"). Verbs that are speech from a
person are evidence from a finding ("the study suggests", "according to the survey"); a
statement, a letter or a tweet speaks for its author.
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc, cue_lemma
from graphbuild.attribution.nouns import noun_kind
from graphbuild.graph.model import ATTITUDE, EVIDENCE, SPEECH
from graphbuild.lexicon import cues


def kind_of(doc: QuoteDoc, cue: int, subj: int, according: bool = False) -> str:
    """Kind of the attribution whose cue head is token ``cue`` and source head ``subj``."""
    source = doc.toks[subj]
    document = source.pos in ("NOUN", "PROPN") and cue_lemma(source) in cues.EVIDENCE_NOUNS  # ("Field Poll")
    t = doc.toks[cue]
    if according:  # "according to X"; "in X's view" is X's opinion
        document = document or _authored(doc, subj)
        return EVIDENCE if document else ATTITUDE if t.text.lower() in ("in", "to") else SPEECH
    lemma = cue_lemma(t)
    if t.pos == "NOUN" and lemma in cues.HELD_NOUNS:  # "Roe's claim that ...", "her support for Y"
        return noun_kind(lemma)
    if (
        t.pos == "ADJ"
        or (t.pos == "NOUN" and lemma in cues.ATTITUDE_AGENTS)
        or (t.tag == "VBN" and lemma in cues.PSYCH_VERBS)
    ):
        return ATTITUDE
    if lemma in cues.EVIDENCE_ALWAYS or (document and lemma in cues.EVIDENCE_CLAUSE | cues.SPEECH_CLAUSE):
        return EVIDENCE
    return ATTITUDE if lemma in cues.ATTITUDE_CUES else SPEECH


def _authored(doc: QuoteDoc, subj: int) -> bool:
    """Whether source ``subj`` is the author of a finding it hangs on ("according to a
    survey by the Institute": the source is the Institute, the words the survey's)."""
    j = subj
    for _ in range(3):
        j = doc.toks[j].head
        t = doc.toks[j]
        if t.pos == "NOUN" and cue_lemma(t) in cues.EVIDENCE_NOUNS:
            return True
        if t.pos not in ("ADP", "VERB"):
            return False
    return False
