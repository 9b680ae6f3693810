"""Quote and reported-speech attribution from the dependency parse (no spaCy import).

:func:`find_quotes` makes these passes over one article, each about linear in its tokens:

1. **Labels**: "NAME: ..." opening a paragraph (transcripts, headlines).
2. **Direct quotes** (:mod:`graphbuild.direct`): quote marks are paired per paragraph into
   segments, each attributed by the frame next to it ('"...," she said', 'He added:
   "..."'); segments without one continue the quote before them or are scare quotes.
3. **Reported speech**: a cue verb outside quotes with a subject and what it reports ("X
   said that ...", "X vowed to ...", "X cited Y as ...", "X talked about Y", "A, X said,
   B"), "according to X", "In the poll, A." (:mod:`.findings`); speech, attitude ("X
   believes ...", "X wants to ...") and evidence ("the poll shows ...") verbs alike, and
   the frames of :mod:`.frames` ("X is critical of Y", "X was angered by Y"); "A, X
   said, B" for speech verbs ("A, the poll shows." for any); "what X called Y"
   (:mod:`.relatives`); "Y drew criticism from X" (:mod:`.light`). Message verbs with a
   message noun ("X voiced concern that ...", "X made allegations against Y"). A bare object is
   what was said for object cues ("X cited Y"), for saying verbs with a message noun ("X
   noted her concern"), and for saying, stance and desire verbs ("X stressed the risks",
   "X supports the bill", "X wants a recount") in the main clause of a named speaker.
   What is reported stops where the cue's own clause does, at "; " and at ", but" + a
   clause of its own / ", which" / ", despite" / ", while" / ", noting ..." (outside
   quote marks), and before the words' setting ("at a rally", "on Tuesday") and a
   closing comment (", a move that ..."); it starts at the cue's object when the object
   is who is to act ("urged X to ...") or the subject of the clause (:mod:`.bounds`). No
   statement: a passive cue ("was asked"; but "Y was praised by X" is X's), a purpose
   ("came to discuss Y"), a relative clause of a thing ("a group that calls itself
   ..."; "the union, which endorsed Roe" is the union's), an infinitive in a "who"
   clause ("X, who has pledged to ..."). Cues inside another attribution's content are
   part of it, not new ones.
4. **Speakers** (:mod:`graphbuild.speakers`): the subject phrase as written; its key is the
   mention it names, or for a pronoun or a role noun ("the senator") the person the text
   is about: the speaker of the latest attribution, else the latest person subject (never
   the addressee, an object).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator

from graphbuild.attribution.asides import as_aside
from graphbuild.attribution.bounds import around as _around
from graphbuild.attribution.bounds import clause_end as _clause_end
from graphbuild.attribution.bounds import complement_start as _complement_start
from graphbuild.attribution.bounds import goes_on as _goes_on
from graphbuild.attribution.bounds import span as _span
from graphbuild.attribution.direct import continue_paragraphs, direct_quotes, segments
from graphbuild.attribution.doc import Candidate, QuoteDoc, cue_lemma
from graphbuild.attribution.findings import in_finding
from graphbuild.attribution.frames import attitude_predicate, verb_frame
from graphbuild.attribution.kinds import kind_of
from graphbuild.attribution.labels import headline_label
from graphbuild.attribution.light import LIGHT_VERBS, document_owner, light_cue, received_from
from graphbuild.attribution.naming import predicate_after, predicate_only
from graphbuild.attribution.passives import as_reported_by, asked_by
from graphbuild.attribution.relatives import relative_object
from graphbuild.attribution.retag import mend_noun_verbs, participle_subject
from graphbuild.attribution.speakers import according_to, name_before, noun_phrase, resolve_speakers, subject_of
from graphbuild.graph.model import COUNTRY, EVIDENCE, ORGANIZATION, PERSON, SPEECH, Mention, ParsedArticle, Quote
from graphbuild.lexicon import cues

_CUE_POS = frozenset(("VERB", "AUX", "ADJ", "NOUN"))  # "according" is a VERB
_CONDITIONS = ("if", "unless", "whether")
_HOLDERS = ("PERSON", "ORG", "NORP", "GPE")
_MESSAGE_PREPS = ("of", "about", "against", "for", "on", "over", "toward", "towards", "with")
_ANSWER_CUES = frozenset(("say", "answer", "reply", "respond"))  # "said yes", "answered no"
_HEADLINE_WORDS = 6  # "Former AG Roe at the convention: ..." (labels.headline_label)
_LABEL = re.compile(r"[\"“]?\s*([A-Z][\w.’'\- ]{0,40}?)\s*:\s+(?=\S)")


def find_quotes(parsed: ParsedArticle, mentions: list[Mention]) -> list[Quote]:
    """All attributions in the article: direct quotes and reported speech, in text order."""
    if not parsed.tokens or not parsed.paragraphs:  # no content lines: nothing said
        return []
    doc = QuoteDoc(parsed, mentions)
    mend_noun_verbs(doc)
    cands, label_paras = _labels(doc)
    segs = [s for s in segments(doc) if s.para not in label_paras]
    for s in segs:
        doc.mark_quoted(s.open_mark, s.end + 1)
    direct, orphans = direct_quotes(doc, segs)
    used = {c.cue[0] for c in direct}
    index = _Spans(direct)
    cands = _outermost(doc, cands + direct + [c for c in _reported(doc, used) if not _inside(c, index)])
    continue_paragraphs(doc, cands, orphans)
    return resolve_speakers(doc, cands)


# --- 1. labels ------------------------------------------------------------------------------


def _labels(doc: QuoteDoc) -> tuple[list[Candidate], set[int]]:
    """'NAME: words' paragraphs, NAME in capitals or a person's name (in a headline also a
    surname, an outlet or a finding: :mod:`.labels`). In a transcript (3+
    capital labels) the paragraphs between two labels are the first one's speaker's."""
    found = []
    for p, (ps, pe) in enumerate(doc.paras):
        m = _LABEL.match(doc.text, ps, pe)
        if m and len(m.group(1).split()) <= (_HEADLINE_WORDS if p == 0 else 4):
            ls, le = m.span(1)
            caps = m.group(1).isupper() and len(m.group(1)) > 1
            named = any(x.start <= ls and le <= x.end and x.label == PERSON for x in doc.mentions_in(ls, le))
            if caps or named or (p == 0 and headline_label(doc, ls, le)):
                found.append((p, ls, le, m.end(), caps))
    transcript = sum(f[4] for f in found) >= 3
    out: list[Candidate] = []
    paras: set[int] = set()
    for n, (p, ls, le, cs, caps) in enumerate(found):
        last = found[n + 1][0] if transcript and caps and n + 1 < len(found) else p + 1
        content = [(cs if q == p else doc.paras[q][0], doc.paras[q][1]) for q in range(p, last)]
        content = [(s, e - (doc.text[e - 1] in '"”')) for s, e in content]
        colon, head = doc.tok_at(le), doc.tok_at(ls)
        kind = EVIDENCE if cue_lemma(doc.toks[head]) in cues.EVIDENCE_NOUNS else SPEECH  # "Poll: ..."
        out.append(Candidate(head, (colon, colon), content, True, label=(ls, le), kind=kind))
        paras.update(range(p, last))
        for s, e in content:
            doc.mark_quoted(s, e)
    return out, paras


# --- 3. reported speech ---------------------------------------------------------------------


def _reported(doc: QuoteDoc, used: set[int]) -> list[Candidate]:
    """Cue verbs outside quotes with a subject and what they report; "according to X"."""
    out = []
    for t in doc.toks:
        i = t.i
        if doc.quoted[i] or i in used or (t.pos not in _CUE_POS and t.text.lower() not in ("according", "in", "to")):
            continue
        verb = t.pos in ("VERB", "AUX")
        acc, lemma, frame = according_to(doc, i) or in_finding(doc, i), cue_lemma(t) if verb else "", None
        subj: int | None
        found: tuple[int, list] | None
        if acc:
            subj = acc[1]  # the content is the sentence around "according to X"
            found = acc[0], _around(doc, doc.sents[t.sent], i, max(acc[2], i + 1))
        elif verb and lemma in cues.AGENT_CUES and (passive := _by_agent(doc, i)):
            subj, found = passive
        elif verb and (
            asked := asked_by(doc, i, lemma) or received_from(doc, i, lemma) or as_reported_by(doc, i, lemma)
        ):
            subj, found = asked
        elif verb and lemma in LIGHT_VERBS and (light := light_cue(doc, i, lemma, _clause_end)):
            subj = subject_of(doc, i)
            if subj is None or doc.quoted[subj] or _no_statement(doc, i) or _thing_relative(doc, i, subj):
                continue
            found = light
        elif verb and (lemma in cues.ALL_CUES or _passes_message(doc, i, lemma)) and not _no_statement(doc, i):
            owner = document_owner(doc, i)  # a token index: 0 is an owner too
            subj = owner if owner is not None else subject_of(doc, i)
            if subj is None:  # "a statement saying ..." (token 0 is a subject too)
                subj = participle_subject(doc, i)
            if subj is None or doc.para_of(doc.toks[subj].start) != doc.para_of(t.start):
                subj = name_before(doc, i, doc.tok_at(doc.para_span(t.start)[0]))
            if subj is None or doc.quoted[subj]:
                continue
            if _thing_relative(doc, i, subj) or (
                lemma in cues.STANCE_OBJECT and not _stance_stated(doc, i, subj, lemma)
            ):
                continue
            found = _answer(doc, i, lemma) or _parenthetical(doc, i, subj) or _complement(doc, i, lemma)
        elif (t.pos in ("ADJ", "NOUN") and (frame := attitude_predicate(doc, i, subject_of))) or (
            verb and (frame := verb_frame(doc, i))
        ):
            subj, first, last, lo, hi = frame
            if doc.quoted[subj] or doc.quoted[first]:
                continue
            found = _span(doc, last, lo, min(hi, _clause_end(doc, i, lo)))
        else:
            continue
        if found:
            ps, pe = doc.para_span(t.start)  # a bad sentence split may cross paragraphs
            content = [(max(s, ps), min(e, pe)) for s, e in found[1] if e > ps and s < pe]
            if content and not any(s <= doc.toks[subj].start < e for s, e in content):
                cue = (first if frame else i, found[0])
                out.append(Candidate(subj, cue, content, False, kind=kind_of(doc, i, subj, bool(acc))))
    return out


def _by_agent(doc: QuoteDoc, i: int) -> tuple[int, tuple[int, list]] | None:
    """(speaker head, found) of 'Y was praised by X', 'Y is backed by X', 'Y was first
    reported by X', 'Y was seen by X as Z': X's words or stance about Y."""
    toks, kids = doc.toks, doc.kids[i]
    subj = next((c for c in kids if toks[c].dep == "nsubjpass"), None)
    agent = next((c for c in kids if toks[c].dep == "agent"), None)
    if subj is None or agent is None or toks[subj].text.lower() in cues.RELATIVE_PRONOUNS:
        return None
    by = [o for o in doc.kids[agent] if toks[o].dep == "pobj"]
    if not by:
        return None
    lo, hi = doc.subtree(subj)
    found = _span(doc, i, lo, hi)
    return (by[0], found) if found else None


def _passes_message(doc: QuoteDoc, i: int, lemma: str) -> bool:
    """'X voiced concern ...', 'X issued a warning ...': a message verb with a message noun."""
    return lemma in cues.MESSAGE_VERBS and any(
        doc.toks[c].dep == "dobj" and cue_lemma(doc.toks[c]) in cues.MESSAGE_NOUNS for c in doc.kids[i]
    )


def _plain_object(doc: QuoteDoc, i: int, lemma: str) -> bool:
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
        and (_stance(doc, i, subj) or participle or _people_who(doc, i, subj))
    )


def _people_who(doc: QuoteDoc, i: int, subj: int) -> bool:
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


def _stance(doc: QuoteDoc, i: int, subj: int) -> bool:
    """'Roe supports the bill' states Roe's stance when it is the sentence's main verb and
    Roe is named or referred to ('who backs ...', 'you oppose ...' are descriptions)."""
    word = doc.toks[subj].text.lower()
    return doc.toks[i].dep == "ROOT" and word not in cues.RELATIVE_PRONOUNS and word not in ("you", "i", "we")


def _stance_stated(doc: QuoteDoc, i: int, subj: int, lemma: str) -> bool:
    """Whether stance verb ``i`` states its subject's stance: as the main verb (:func:`_stance`),
    or outside it in a finite tense and not in a relative clause ("..., while Roe opposes
    it", "Roe has backed X and supports Y"; "to back", "would support", "if Roe backs X"
    are no stance held), and "oppose" anywhere ("voters who oppose X"): 36 of 62 new
    quotes right on PolNeAR train ("who supports X" stays out: relative clauses of any
    stance verb in a finite tense were 26 of 54)."""
    t = doc.toks[i]
    if t.dep == "ROOT" or doc.toks[subj].text.lower() in ("you", "i", "we"):  # "if you back X": anyone
        return _stance(doc, i, subj)
    if lemma in cues.STANCE_ONLY:
        return True
    kids = [doc.toks[c] for c in doc.kids[i]]
    if t.dep == "relcl" or any(k.tag == "MD" or (k.dep == "mark" and k.text.lower() in _CONDITIONS) for k in kids):
        return False
    return t.tag in ("VBD", "VBZ", "VBP") or (
        t.tag == "VBN" and any(k.dep == "aux" and k.lemma == "have" for k in kids)
    )


def _thing_relative(doc: QuoteDoc, i: int, subj: int) -> bool:
    """Cue ``i`` in a relative clause opened by "that" or "which" ("a group that calls
    itself ...", "a debate that threatened to ..."): a description of a thing, rarely a
    statement ("who said ..." is one), unless the thing is a named body ("the union,
    which endorsed Roe, ...", "a super PAC that backed Doe")."""
    if doc.toks[subj].text.lower() not in ("that", "which") or doc.toks[i].dep != "relcl":
        return False
    head = doc.toks[doc.toks[i].head]
    return not any(m.label in (ORGANIZATION, COUNTRY) for m in doc.mentions_in(head.start, head.end))


def _who_to(doc: QuoteDoc, i: int) -> bool:
    """'X, who has pledged to ...', 'voters who want to ...': an infinitive cue in a "who"
    clause describes the person (0.28 precise on PolNeAR train)."""
    t = doc.toks[i]
    return t.dep == "relcl" and any(
        doc.toks[c].dep == "nsubj" and doc.toks[c].text.lower() == "who" for c in doc.kids[i]
    )


def _no_statement(doc: QuoteDoc, i: int) -> bool:
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
            return not _named_speech(doc, i)  # "arrived to discuss Y": a purpose, nothing said yet
    # a past participle with no auxiliary describes ("the plan, announced in May"); with a
    # subject of its own it is a past tense the tagger missed ("Roe regularly cited X")
    return t.tag == "VBN" and t.dep != "conj" and not any(doc.toks[c].dep in ("aux", "nsubj") for c in doc.kids[i])


def _named_speech(doc: QuoteDoc, i: int) -> bool:
    """Whether speech cue ``i`` has a named subject: "Roe went to Iowa to attack Y" is Roe's
    attack more often than not (21 of 43 right on PolNeAR train; purposes of any subject
    were 52 of 158), "the aides came to discuss Y" no statement."""
    subj = subject_of(doc, i)
    named = subj is not None and (doc.toks[subj].pos == "PROPN" or doc.toks[subj].ent_type in _HOLDERS)
    return named and cue_lemma(doc.toks[i]) in cues.SPEECH_CUES


def _complement(doc: QuoteDoc, i: int, lemma: str) -> tuple[int, list] | None:
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
        if c is not None and _who_to(doc, i):
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
        and (cue_lemma(toks[obj]) in cues.MESSAGE_NOUNS or _plain_object(doc, i, lemma))
    ) or (obj is not None and lemma in cues.DESIRE_OBJECT | cues.BELIEF_OBJECT and _plain_object(doc, i, lemma))
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
        if more or lemma not in cues.NEEDS_PREDICATE or predicate_after(doc, obj):
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
        or not (toks[subj].pos == "PROPN" or toks[subj].ent_type in _HOLDERS)
    ):
        return None
    c = next((c for c in doc.kids[i] if toks[c].dep == "ccomp" and c < i), None)
    chars = None if c is None else doc.chars(*doc.subtree(c))
    return (i, [chars]) if chars else None


def _open_complement(doc: QuoteDoc, i: int, lemma: str) -> tuple[int, list] | None:
    """'Roe pushed to repeal the tax', 'Roe expects the council to act': an open complement
    (xcomp) of any lexicon cue outside a relative clause is what it reports when nothing
    else is (39 of 65 new quotes right on PolNeAR train); not "proved to be" (a copula:
    no message) nor "who pledged to ..." (a description, :func:`_who_to`)."""
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


def _parenthetical(doc: QuoteDoc, i: int, subj: int) -> tuple[int, list] | None:
    """'A, he said, B.' and 'A, said Jane Roe.': the sentence around a frame set off by
    commas (subject, cue and a few verbless words such as "told me on Friday"); in 'A, he
    said, adding that B' the participle reports B itself, so the content is A. Other
    kinds only closing the sentence after their clause ('A, the poll shows.', 'A, he
    believes.'): 'A, he thinks, B' and 'A, the poll shows, B' are more often asides."""
    toks = doc.toks
    if toks[i].lemma.lower() not in cues.CLAUSE_CUES or toks[subj].text.lower() in cues.RELATIVE_PRONOUNS:
        return None  # ("X, which declined to comment, ...": a relative clause, no frame)
    if _own_object(doc, i):
        return None  # "Last year, the police reported 906 attacks, ...": the object is what was said
    speech = kind_of(doc, i, subj) == SPEECH
    sn = doc.sents[toks[i].sent]
    lo, hi = noun_phrase(doc, subj)
    if subj > i:  # "..., said Jane Roe, a senator from Ohio.": the apposition is in the frame
        hi = doc.subtree(subj)[1]
    lo, hi = min(lo, i), max(hi, i)
    while (
        hi + 1 < sn.end_tok
        and hi - i < 8
        and toks[hi + 1].pos not in ("VERB", "AUX", "PUNCT")
        and toks[hi + 1].text.lower() not in ("that", "if", "whether")
    ):
        hi += 1
    if lo - 1 <= sn.start_tok or toks[lo - 1].text != "," or hi + 1 >= sn.end_tok:
        return None
    goes_on = toks[hi + 1].text == "," and _goes_on(doc, i, hi + 2)
    if not speech and (toks[hi + 1].text not in (".", "!", "?") or not _clause_before(doc, i, lo)):
        return None
    h = toks[i].head
    if toks[hi + 1].text == "," and not goes_on and _inner_clause(doc, h, lo):
        spans = _around(doc, None, lo - 1, hi + 1, *doc.subtree(h))  # "A, and B, X said, C": B C
    elif toks[hi + 1].text == "," and not goes_on:
        spans = _around(doc, sn, lo - 1, hi + 1)
    elif goes_on or toks[hi + 1].text in (".", "!", "?") or (toks[hi + 1].pos == "PUNCT" and hi + 2 >= sn.end_tok):
        spans = [s for s in [doc.chars(sn.start_tok, lo - 2)] if s]
    else:
        return None
    # the content may open in quote marks: '"A" before B, she said.' (a quote the direct
    # pass left unframed; one it framed is dropped as already found, quotes._inside)
    return (i, spans) if spans else None


def _answer(doc: QuoteDoc, i: int, lemma: str) -> tuple[int, list] | None:
    """(cue token, content spans) of 'most said yes', 'half said so', '26 percent said the
    same': a saying verb whose object is an answer word; what was said is that word (for
    "the same", its phrase: "the same of Roe")."""
    if lemma not in _ANSWER_CUES:
        return None
    toks = doc.toks
    for c in doc.kids[i]:
        word = toks[c].text.lower()
        if (
            c > i
            and word in ("yes", "no", "so")
            and toks[c].dep in ("dobj", "intj", "advmod", "ccomp", "attr", "npadvmod")
        ):
            return i, [(toks[c].start, toks[c].end)]
        if c > i and word == "same" and toks[c].dep == "dobj":
            span = doc.chars(doc.subtree(c)[0], min(doc.subtree(c)[1], _clause_end(doc, i, c)))
            return (i, [span]) if span else None
    return None


def _own_object(doc: QuoteDoc, i: int) -> bool:
    """Whether cue ``i`` has an object or clause right after it, not set off by a comma (a
    tell-type verb's object is the addressee): then it frames no parenthetical."""
    toks, tell = doc.toks, cue_lemma(doc.toks[i]) in cues.ADDRESSEE_VERBS
    for c in doc.kids[i]:
        t = toks[c]
        if c > i and (t.dep in ("ccomp", "xcomp") or (t.dep == "dobj" and not tell)):
            if toks[doc.subtree(c)[0] - 1].text != ",":
                return True
    return False


def _clause_before(doc: QuoteDoc, i: int, lo: int) -> bool:
    """Whether the parse makes the words before the frame at ``lo`` the clause cue ``i``
    reports ("A, the poll found."), not an opening adjunct ("In May, the poll found ...")."""
    t = doc.toks[i]
    return any(doc.toks[c].dep == "ccomp" and c < lo for c in doc.kids[i]) or (t.dep == "parataxis" and t.head < lo)


def _inner_clause(doc: QuoteDoc, h: int, lo: int) -> bool:
    """Whether the frame starting at token ``lo`` sits in clause ``h``, a conjunct or a
    relative clause that starts before it: what the frame reports is that clause, not the
    whole sentence ("He had a rally planned, and the permit, aides said, was late")."""
    return doc.toks[h].dep in ("conj", "relcl") and doc.subtree(h)[0] < lo


def _outermost(doc: QuoteDoc, cands: list[Candidate]) -> list[Candidate]:
    """Candidates in text order, without reported speech whose cue lies inside what another
    one reports ("Roe said Doe vowed to ..." is one attribution, by Roe)."""
    spans = sorted((s, e) for c in cands for s, e in c.content)
    starts, reach, far = [s for s, _ in spans], [], 0
    for _, e in spans:
        far = max(far, e)
        reach.append(far)  # the furthest any span starting up to here reaches
    out = []
    for c in sorted(cands, key=lambda c: c.cue[0]):
        at = doc.toks[c.cue[0]].start
        k = bisect_right(starts, at) - 1
        if c.direct or k < 0 or reach[k] <= at:
            out.append(c)
    return out


class _Spans:
    """The content spans of the direct quotes, sorted, for overlap look-ups in log time."""

    def __init__(self, direct: list[Candidate]):
        self.spans = sorted((ds, de, i) for i, d in enumerate(direct) for ds, de in d.content)
        self.starts = [s for s, _, _ in self.spans]
        self.longest = max((de - ds for ds, de, _ in self.spans), default=0)

    def overlaps(self, s: int, e: int) -> Iterator[tuple[int, int]]:
        """(direct quote index, characters in common) for each span overlapping [s, e)."""
        lo, hi = bisect_left(self.starts, s - self.longest), bisect_left(self.starts, e)
        for ds, de, i in self.spans[lo:hi]:
            common = min(e, de) - max(s, ds)
            if common > 0:
                yield i, common


def _inside(c: Candidate, direct: _Spans) -> bool:
    """Reported content that is mostly one of the direct quotes already found."""
    size = sum(e - s for s, e in c.content) or 1
    shared: Counter = Counter()
    for s, e in c.content:
        for i, common in direct.overlaps(s, e):
            shared[i] += common
    return any(2 * n > size for n in shared.values())
