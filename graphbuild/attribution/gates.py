"""Whether a cue word in its clause states something: the gates of the reported-speech
pass (:mod:`graphbuild.attribution.quotes`). Each is a predicate on one cue token; the
figures in the docstrings are the share of would-be quotes right on PolNeAR train when
the gate was measured (nothing from the data is stored here)."""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc, cue_lemma
from graphbuild.attribution.speakers import subject_of
from graphbuild.graph.model import COUNTRY, ORGANIZATION
from graphbuild.lexicon import cues

CONDITIONS = ("if", "unless", "whether")
HOLDERS = ("PERSON", "ORG", "NORP", "GPE")  # entity types that hold a view


def passes_message(doc: QuoteDoc, i: int, lemma: str) -> bool:
    """'X voiced concern ...', 'X issued a warning ...': a message verb with a message noun."""
    return lemma in cues.MESSAGE_VERBS and any(
        doc.toks[c].dep == "dobj" and cue_lemma(doc.toks[c]) in cues.MESSAGE_NOUNS for c in doc.kids[i]
    )


def plain_object(doc: QuoteDoc, i: int, lemma: str) -> bool:
    """'Roe stressed the risks': a saying verb with any object reports it when it is the
    sentence's main verb (or a participle on it: "..., stressing the risks") and its
    speaker is named or referred to, and the verb has no common sense in which its
    object is no message ("added a floor", "claimed victory")."""
    subj = subject_of(doc, i)
    t = doc.toks[i]
    participle = t.dep == "advcl" and t.tag == "VBG" and doc.toks[t.head].dep == "ROOT"
    return (
        lemma not in cues.OBJECT_SENSES
        and subj is not None
        and doc.toks[subj].pos in ("PROPN", "PRON", "NOUN")
        and (stance(doc, i, subj) or participle or people_who(doc, i, subj))
    )


def people_who(doc: QuoteDoc, i: int, subj: int) -> bool:
    """'voters who want a recount', 'those who see Roe as a threat': a "who" clause of a
    common noun states what those people say or hold (13 of 21 right on PolNeAR train;
    of a named person, "Roe, who wants ...", it mostly describes: 3 of 12)."""
    t = doc.toks[i]
    head = doc.toks[t.head]
    return (
        t.dep == "relcl"
        and doc.toks[subj].text.lower() == "who"
        and head.pos == "NOUN"
        and head.ent_type not in ("PERSON", "ORG", "NORP", "GPE")
    )


def stance(doc: QuoteDoc, i: int, subj: int) -> bool:
    """'Roe supports the bill' states Roe's stance when it is the sentence's main verb and
    Roe is named or referred to ('who backs ...', 'you oppose ...' are descriptions)."""
    word = doc.toks[subj].text.lower()
    return doc.toks[i].dep == "ROOT" and word not in cues.RELATIVE_PRONOUNS and word not in ("you", "i", "we")


def stance_stated(doc: QuoteDoc, i: int, subj: int, lemma: str) -> bool:
    """Whether stance verb ``i`` states its subject's stance: as the main verb (:func:`stance`),
    or outside it in a finite tense and not in a relative clause ("..., while Roe opposes
    it", "Roe has backed X and supports Y"; "to back", "would support", "if Roe backs X"
    are no stance held), and "oppose" anywhere ("voters who oppose X"): 36 of 62 new
    quotes right on PolNeAR train ("who supports X" stays out: relative clauses of any
    stance verb in a finite tense were 26 of 54)."""
    t = doc.toks[i]
    if t.dep == "ROOT" or doc.toks[subj].text.lower() in ("you", "i", "we"):  # "if you back X": anyone
        return stance(doc, i, subj)
    if lemma in cues.STANCE_ONLY:
        return True
    kids = [doc.toks[c] for c in doc.kids[i]]
    if t.dep == "relcl" or any(k.tag == "MD" or (k.dep == "mark" and k.text.lower() in CONDITIONS) for k in kids):
        return False
    return t.tag in ("VBD", "VBZ", "VBP") or (
        t.tag == "VBN" and any(k.dep == "aux" and k.lemma == "have" for k in kids)
    )


def thing_relative(doc: QuoteDoc, i: int, subj: int) -> bool:
    """Cue ``i`` in a relative clause opened by "that" or "which" ("a group that calls
    itself ...", "a debate that threatened to ..."): a description of a thing, rarely a
    statement ("who said ..." is one), unless the thing is a named body ("the union,
    which endorsed Roe, ...", "a super PAC that backed Doe")."""
    if doc.toks[subj].text.lower() not in ("that", "which") or doc.toks[i].dep != "relcl":
        return False
    head = doc.toks[doc.toks[i].head]
    return not any(m.label in (ORGANIZATION, COUNTRY) for m in doc.mentions_in(head.start, head.end))


def who_to(doc: QuoteDoc, i: int) -> bool:
    """'X, who has pledged to ...', 'voters who want to ...': an infinitive cue in a "who"
    clause describes the person (0.28 precise on PolNeAR train)."""
    t = doc.toks[i]
    return t.dep == "relcl" and any(
        doc.toks[c].dep == "nsubj" and doc.toks[c].text.lower() == "who" for c in doc.kids[i]
    )


def no_statement(doc: QuoteDoc, i: int) -> bool:
    """No statement made by the subject: 'He was asked about ...', 'Asked about X, ...' (who
    was told is no speaker), 'arrived to discuss Y' (a purpose: nothing said yet)."""
    t = doc.toks[i]
    if any(doc.toks[c].dep in ("nsubjpass", "auxpass") for c in doc.kids[i]):
        return True
    head = cue_lemma(doc.toks[t.head])
    if (
        t.dep in ("xcomp", "advcl")
        and head not in cues.ALL_CUES
        and not (t.dep == "xcomp" and head in cues.ASPECT_VERBS | cues.CONTROL_ADJECTIVES)
        and not (head == "go" and any(doc.toks[c].dep == "prt" for c in doc.kids[t.head]))  # "went on to say"
    ):
        if any(doc.toks[c].dep == "aux" and doc.toks[c].text.lower() == "to" for c in doc.kids[i]):
            return not named_speech(doc, i)  # "arrived to discuss Y": a purpose, nothing said yet
    # a past participle with no auxiliary describes ("the plan, announced in May"); with a
    # subject of its own it is a past tense the tagger missed ("Roe regularly cited X")
    return (
        t.tag == "VBN"
        and t.dep != "conj"
        and not any(doc.toks[c].dep in ("aux", "nsubj") for c in doc.kids[i])
        and not misread_past(doc, i)
    )


def misread_past(doc: QuoteDoc, i: int) -> bool:
    """'Roe, a senator, called the plan "a mistake."', 'Two analysts found that ...': a
    past tense the tagger read as a participle on the subject noun ("Roe" its head) though
    the sentence has no other main verb; it has what it reports after it and no "by"
    agent ("the plan, opposed by Roe," is a participle)."""
    toks, t = doc.toks, doc.toks[i]
    if t.tag != "VBN" or t.dep not in ("acl", "relcl") or cue_lemma(t) in cues.ADDRESSEE_VERBS:
        return False  # ("Roe, asked about X, ...": the one asked)
    if toks[t.head].dep not in ("ROOT", "nsubj", "appos") or toks[t.head].pos not in ("PROPN", "NOUN"):
        return False
    kids = [toks[c] for c in doc.kids[i]]
    if any(k.dep in ("agent", "aux", "auxpass", "nsubj", "nsubjpass") for k in kids):
        return False
    return any(c > i and toks[c].dep in ("oprd", "dobj", "ccomp", "xcomp", "prep") for c in doc.kids[i])


def named_speech(doc: QuoteDoc, i: int) -> bool:
    """Whether speech cue ``i`` has a named subject: "Roe went to the harbour to attack Y" is Roe's
    attack more often than not (21 of 43 right on PolNeAR train; purposes of any subject
    were 52 of 158), "the aides came to discuss Y" no statement."""
    subj = subject_of(doc, i)
    named = subj is not None and (doc.toks[subj].pos == "PROPN" or doc.toks[subj].ent_type in HOLDERS)
    return named and cue_lemma(doc.toks[i]) in cues.SPEECH_CUES
