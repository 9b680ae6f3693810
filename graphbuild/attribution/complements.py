"""What a reported-speech cue reports (:mod:`graphbuild.attribution.quotes`): its clause,
infinitive, object, prepositional object or message noun, as token span and char spans."""

from __future__ import annotations

from graphbuild.attribution.asides import as_aside
from graphbuild.attribution.bounds import around as _around
from graphbuild.attribution.bounds import clause_end as _clause_end
from graphbuild.attribution.bounds import complement_start as _complement_start
from graphbuild.attribution.bounds import span as _span
from graphbuild.attribution.doc import QuoteDoc, cue_lemma
from graphbuild.attribution.gates import HOLDERS, plain_object, who_to
from graphbuild.attribution.naming import predicate_after, predicate_only, predicate_within
from graphbuild.attribution.relatives import relative_object
from graphbuild.lexicon import cues

_MESSAGE_PREPS = ("of", "about", "against", "for", "on", "over", "toward", "towards", "with")


def complement(doc: QuoteDoc, i: int, lemma: str) -> tuple[int, list] | None:
    """(last cue token, content spans) of what cue ``i`` reports."""
    toks, kids = doc.toks, doc.kids[i]
    if relative := relative_object(doc, i, lemma, _clause_end):  # "which Roe described as Y"
        return relative
    if lemma in cues.CLAUSE_CUES:  # "said (that) ...": the clause runs on to the sentence end
        c = next((c for c in kids if toks[c].dep == "ccomp" and c > i), None)
        if c is not None:  # ("a charity that prosecutors said was ...": what follows the cue)
            return _span(doc, i, max(_complement_start(doc, i, c, True), i + 1), _clause_end(doc, i, c))
        # "said legalizing it would help": a gerund subject the parser hung on the cue
        c = next((c for c in kids if toks[c].dep == "xcomp" and toks[c].tag == "VBG" and c > i), None)
        if c is not None and lemma not in cues.TO_CUES:
            return _span(doc, i, doc.subtree(c)[0], _clause_end(doc, i, c))
    if lemma in cues.QUESTION_VERBS and (c := _question_clause(doc, i)) is not None:
        return _span(doc, i, doc.subtree(c)[0], _clause_end(doc, i, c))
    negated = any(toks[c].dep == "neg" or toks[c].text.lower() == "never" for c in kids)
    for c in kids:  # "called for X", "called on X to ...", "pointed out that ..."
        if (
            not negated  # "never responded to Y": nothing said about Y
            and toks[c].dep in ("prep", "prt")
            and toks[c].text.lower() in cues.CUE_PARTICLES.get(lemma, ())
            and c > i
            and _between_adjuncts(doc, i, c)  # "lashed out at", "spoke on Tuesday about"
            and not any(toks[o].ent_type in ("DATE", "TIME") for o in doc.kids[c])  # "campaigned on Friday"
        ):
            rest = doc.kids[c] + [k for k in kids if k > c and toks[k].dep in ("ccomp", "dobj")]
            if rest:
                return _span(doc, c, doc.subtree(min(rest))[0], _clause_end(doc, i, min(rest)))
        if not negated and (found := _for_clause(doc, i, c, lemma)):
            return found
    if lemma in cues.TO_CUES:  # "vowed to X" (not "..., and Y")
        c = next((c for c in kids if toks[c].dep == "xcomp"), None)
        if c is not None and who_to(doc, i):
            return None
        if c is not None:
            return _span(doc, i, _complement_start(doc, i, c, False), _clause_end(doc, i, c))
    obj = next((c for c in kids if toks[c].dep == "dobj" and c > i), None)
    if lemma in cues.MESSAGE_VERBS:
        found = _message(doc, i, obj, lemma) if obj is not None and cue_lemma(toks[obj]) in cues.MESSAGE_NOUNS else None
        if found or lemma not in cues.ALL_CUES:
            return found
    message = (
        obj is not None
        and lemma in cues.SPEECH_CLAUSE - cues.ADDRESSEE_VERBS
        and (cue_lemma(toks[obj]) in cues.MESSAGE_NOUNS or plain_object(doc, i, lemma))
    ) or (obj is not None and lemma in cues.DESIRE_OBJECT | cues.BELIEF_OBJECT and plain_object(doc, i, lemma))
    if (lemma in cues.OBJECT_CUES or message) and obj is not None:  # "cited X as Y", "called X a Y"
        more = [
            c
            for c in kids
            if c > obj
            and (
                toks[c].dep in ("oprd", "ccomp", "xcomp", "attr")
                or (toks[c].dep == "prep" and toks[c].text.lower() in ("as", "for", "of"))
            )
        ]
        if lemma in cues.AS_PREDICATE:  # "viewed X as Y", "deemed X Z", not "cast votes for Y"
            more = [c for c in more if toks[c].dep in ("oprd", "ccomp") or toks[c].text.lower() == "as"]
        if lemma in cues.PREP_CONTENT and more and toks[more[0]].dep == "prep":  # "accused X of Y"
            return _span(doc, obj, more[0], _clause_end(doc, i, more[0]))
        named = lemma in cues.NAMING and predicate_within(doc, obj)
        if more or lemma not in cues.NEEDS_PREDICATE or predicate_after(doc, obj) or named:
            hi = max(doc.subtree(c)[1] for c in [obj, *more])
            return _span(doc, i, doc.subtree(obj)[0], _clause_end(doc, i, obj))
    if obj is None and lemma in cues.NAMING and (c := predicate_only(doc, i)) is not None:
        return _span(doc, i, doc.subtree(c)[0], _clause_end(doc, i, c))
    if lemma in cues.CLAUSE_CUES:  # "said in remarks cited by X that ...": a lost attachment
        for j in range(i + 1, min(i + 16, doc.sents[toks[i].sent].end_tok)):
            if toks[j].text.lower() == "that" and toks[j].dep == "mark":
                return _span(doc, i, j, _clause_end(doc, i, j))
            if toks[j].tag in ("VBD", "VBZ", "VBP", "VBG", "MD") or toks[j].text in (";", ":") or doc.quoted[j]:
                break
    if aside := as_aside(doc, i):  # "As Roe noted, the plan failed."
        return aside
    if toks[i].dep == "parataxis" and toks[i].head < i:  # "The plan, he said, will fail."
        lo, hi = doc.subtree(toks[i].head)
        spans = _around(doc, None, *doc.subtree(i), lo, hi)
        if spans:
            return i, spans
    return (
        _main_clause_complement(doc, i, lemma) or _clause_before_named(doc, i, lemma) or _open_complement(doc, i, lemma)
    )


def _clause_before_named(doc: QuoteDoc, i: int, lemma: str) -> tuple[int, list] | None:
    """'A, Roe said in May, when ...': a clause cue after the clause it reports (a ccomp
    before it) that no parenthetical frame took (words after the frame, a lost comma),
    when its subject is a name: that clause (11 of 22 new quotes right on PolNeAR train; with a
    pronoun or a common noun, 9 of 33)."""
    toks = doc.toks
    subj = next((c for c in doc.kids[i] if toks[c].dep == "nsubj"), None)
    if (
        lemma not in cues.CLAUSE_CUES
        or subj is None
        or not (toks[subj].pos == "PROPN" or toks[subj].ent_type in HOLDERS)
    ):
        return None
    c = next((c for c in doc.kids[i] if toks[c].dep == "ccomp" and c < i), None)
    chars = None if c is None else doc.chars(*doc.subtree(c))
    return (i, [chars]) if chars else None


def _open_complement(doc: QuoteDoc, i: int, lemma: str) -> tuple[int, list] | None:
    """'Roe pushed to repeal the tax', 'Roe expects the council to act': an open complement
    (xcomp) of any lexicon cue outside a relative clause is what it reports when nothing
    else is (39 of 65 new quotes right on PolNeAR train); not "proved to be" (a copula:
    no message) nor "who pledged to ..." (a description, :func:`who_to`)."""
    toks = doc.toks
    if toks[i].dep == "relcl" or lemma not in cues.ALL_CUES:
        return None
    c = next((c for c in doc.kids[i] if c > i and toks[c].dep == "xcomp" and cue_lemma(toks[c]) != "be"), None)
    return None if c is None else _span(doc, i, doc.subtree(c)[0], _clause_end(doc, i, c))


def _main_clause_complement(doc: QuoteDoc, i: int, lemma: str) -> tuple[int, list] | None:
    """'Roe wants the council to act', 'Roe considers the plan a mistake', 'Roe supported
    raising the tax': an infinitive, object or stance cue as the sentence's main verb
    reports a clause with a subject of its own or a gerund the parser hung on it, though
    its class lists no clause (48 of 63 new quotes right on PolNeAR train; any clause of
    any lexicon cue, in any clause, was 58 of 102)."""
    toks = doc.toks
    if toks[i].dep != "ROOT" or lemma not in cues.TO_CUES | cues.OBJECT_CUES:
        return None
    for c in doc.kids[i]:
        if c > i and toks[c].dep == "ccomp" and any(toks[k].dep in ("nsubj", "nsubjpass", "expl") for k in doc.kids[c]):
            return _span(doc, i, max(_complement_start(doc, i, c, True), i + 1), _clause_end(doc, i, c))
        if c > i and toks[c].dep == "xcomp" and toks[c].tag == "VBG":
            return _span(doc, i, doc.subtree(c)[0], _clause_end(doc, i, c))
    return None


def _between_adjuncts(doc: QuoteDoc, i: int, c: int) -> bool:
    """Whether the tokens between cue ``i`` and its particle ``c`` are adverbs, particles or
    the cue's other prepositional phrases and dates ("spoke at the rally on Tuesday about
    Y"), not an object ("pointed the finger at Y")."""
    toks, j = doc.toks, i + 1
    while j < c:
        t = toks[j]
        if t.pos == "ADV" or t.dep == "prt":
            j += 1
        elif t.head == i and t.dep in ("prep", "npadvmod") and doc.subtree(j)[1] < c:
            j = doc.subtree(j)[1] + 1
        else:
            return False
    return True


def _for_clause(doc: QuoteDoc, i: int, c: int, lemma: str) -> tuple[int, list] | None:
    """'X called for Y to do Z': the parser makes "for" the mark of a clause on the cue
    (not a preposition); what was said is the clause after it."""
    toks = doc.toks
    if toks[c].dep != "advcl" or c < i:
        return None
    mark = next((k for k in doc.kids[c] if toks[k].dep == "mark" and k > i), None)
    if mark is None or toks[mark].text.lower() not in cues.CUE_PARTICLES.get(lemma, ()):
        return None
    if not all(toks[j].pos == "ADV" or toks[j].dep == "prt" for j in range(i + 1, mark)):
        return None
    return _span(doc, mark, mark + 1, _clause_end(doc, i, mark))


def _message(doc: QuoteDoc, i: int, obj: int, lemma: str) -> tuple[int, list] | None:
    """What 'X voiced concern that ...', 'X made allegations against Y', 'X offered an
    opinion on Y' report: the message noun's clause or its prepositional object (the noun
    is part of the cue); a bare message ("issued a statement") reports nothing here."""
    toks = doc.toks
    for c in doc.kids[obj]:
        t = toks[c]
        if c > obj and t.dep in ("acl", "ccomp") and any(toks[k].dep == "mark" for k in doc.kids[c]):
            return _span(doc, obj, doc.subtree(c)[0], _clause_end(doc, i, c))
        if c > obj and t.dep == "prep" and t.text.lower() in _MESSAGE_PREPS:
            if lemma == "have" and t.text.lower() == "of" and cue_lemma(toks[obj]) in cues.RECEIVED_NOUNS:
                continue  # "has the support of Y": Y's backing
            objs = [o for o in doc.kids[c] if toks[o].dep in ("pobj", "pcomp")]
            if objs:
                return _span(doc, c, doc.subtree(objs[0])[0], min(doc.subtree(c)[1], _clause_end(doc, i, c)))
    return None


def _question_clause(doc: QuoteDoc, i: int) -> int | None:
    """'asked Roe if she would run', 'wondered whether it was fair': the question, a clause
    opened by "if" / "whether" after the cue that the parser read as a condition (not set
    off by a comma: "asked them, if it rained, to wait" is a condition)."""
    toks = doc.toks
    for c in doc.kids[i]:
        if c > i and toks[c].dep == "advcl":
            mark = next((k for k in doc.kids[c] if toks[k].dep == "mark"), None)
            if (
                mark is not None
                and mark > i
                and toks[mark].text.lower() in ("if", "whether")
                and toks[mark - 1].text != ","
            ):
                return c
    return None
