"""Frames of direct quotes (no spaCy import): where the words that attribute a quote are
('"...," she said', 'He added: "..."', a name after a dash signing a paragraph) and which cue
and speaker they hold. ``direct`` pairs the quote marks and asks this module for the frame
after and before each segment."""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc, Segment
from graphbuild.attribution.inverted import bare_frame, inverted_frame, noun_then_cue
from graphbuild.attribution.labels import colon_frame, name_colon
from graphbuild.attribution.speakers import according_to, name_after, name_before, subject_of
from graphbuild.lexicon import cues

_DASHES = ("―", "—", "–", "--")
_MAX_FRAME = 30  # tokens; a longer stretch of narrative is no attribution frame
_MAX_SIGNOFF = 8  # tokens of a frame that follows a quote's full stop ('"... ." Roe said.')


def after_frame(doc: QuoteDoc, seg: Segment, limit: int) -> tuple | None:
    """Attribution right after a closed segment: '"...," she said.', '"...?" asked X.'"""
    lo = doc.tok_at(seg.end + 1)
    ps, pe = doc.paras[seg.para]
    if seg.closed and seg.open_mark == ps and limit == pe and not doc.text[seg.end + 1 : pe].strip(" .\"”’'"):
        if (signed := _signed_below(doc, seg.para)) is not None:
            return signed
    if not seg.closed or lo >= len(doc.toks) or doc.toks[lo].start >= limit:
        return None
    if doc.toks[lo].text in _DASHES:
        return _signature(doc, lo, limit)
    inner_end = doc.text[seg.start : seg.end].rstrip(" ’'\"”")[-1:]
    first = doc.toks[lo]
    if inner_end not in ",?!.—–-…" and first.text != "," and first.lemma.lower() not in cues.FRAME_CUES:
        return None  # (but '"..." said X' may lack its comma)
    if inner_end in ".…" and first.text[:1].isupper() and _runs_into_quote(doc, lo, limit):
        return None  # '"..." She added, "..."' frames the next quote
    if doc.toks[doc.past_punct(lo, len(doc.toks) - 1)].text.lower() in _NARRATOR_LINKS:
        return None  # '"...," which critics dispute': the narrator's clause on the words, no frame
    hi = lo
    while (
        hi + 1 < len(doc.toks)
        and hi - lo < _MAX_FRAME
        and doc.toks[hi + 1].start < limit
        and doc.toks[hi + 1].sent == first.sent
    ):
        hi += 1
    if inner_end in ".!?…" and first.text[:1].isupper() and hi - lo > _MAX_SIGNOFF and not _opens_frame(doc, lo, hi):
        return None  # '"... much." According to the records, the jet flew ...': a new sentence
    found = (
        _frame_cue(doc, lo, hi, last=False)
        or inverted_frame(doc, lo, hi)
        or (
            (noun_then_cue(doc, lo, hi) or bare_frame(doc, lo, hi, inner_end))
            if starts_sentence(doc, seg, doc.paras[seg.para][0])
            else None
        )
    )
    if found and _new_clause(doc, lo, found[0][0]) and not starts_sentence(doc, seg, doc.paras[seg.para][0]):
        return None  # 'Roe said it would "glow," and Doe vowed to ...': Doe's own clause
    return found


def _new_clause(doc: QuoteDoc, lo: int, cue: int) -> bool:
    """Whether a conjunction of clauses ("and", "but" on a verb, not "Roe and Doe") stands
    between a quote in mid-sentence and the cue after it: the cue opens a clause of its
    own, no frame of the quote (PolNeAR train: +16 right, -2)."""
    toks = doc.toks
    return any(
        toks[k].pos == "CCONJ" and toks[toks[k].head].pos not in ("NOUN", "PROPN", "PRON") for k in range(lo, cue)
    )


_OBJECTS = ("dobj", "ccomp", "xcomp", "attr", "dative")
# words after a quote's closing mark that start the narrator's own clause, not a frame
_NARRATOR_LINKS = frozenset("which whom whose while although though whereas because".split())


def _opens_frame(doc: QuoteDoc, lo: int, hi: int) -> bool:
    """'"...?" Roe said of the plan in May, when ...': the sentence after the quote opens
    with its frame (its first verb, within a name's length, is a frame cue with no object
    of its own but the addressee: 'Roe told the council in May')."""
    verb = next((j for j in range(lo, min(hi, lo + 5) + 1) if doc.toks[j].pos in ("VERB", "AUX")), None)
    if verb is None or doc.toks[verb].lemma.lower() not in cues.FRAME_CUES:
        return False
    objects = ("ccomp", "xcomp", "attr") if doc.toks[verb].lemma.lower() in cues.ADDRESSEE_VERBS else _OBJECTS
    return not any(doc.toks[c].dep in objects for c in doc.kids[verb])


def before_frame(doc: QuoteDoc, seg: Segment, limit: int) -> tuple | None:
    """Attribution right before a segment: 'He said, "..."', 'He added: "..."', 'He says
    "..."' when the quote ends the sentence, or a paragraph before it ending in a colon."""
    hi = doc.tok_at(seg.open_mark) - 1
    while hi >= 0 and doc.toks[hi].pos == "SPACE":
        hi -= 1
    if hi < 0:
        return None
    last = doc.toks[hi]
    if last.start < doc.paras[seg.para][0]:  # the quote opens its paragraph
        if last.text != ":" or doc.para_of(last.start) != seg.para - 1:
            return None
        limit = doc.paras[seg.para - 1][0]
    elif last.text not in (",", ":", "—") and not (last.lemma.lower() in cues.FRAME_CUES and _ends_sentence(doc, seg)):
        return None
    lo = hi
    while lo > 0 and hi - lo < _MAX_FRAME and doc.toks[lo - 1].sent == last.sent and doc.toks[lo - 1].start >= limit:
        lo -= 1
    if last.text == ":" and (named := name_colon(doc, hi, lo)):
        return named  # 'Polls missed it - Jane Roe: "..."': the name, not a verb before the dash
    return _frame_cue(doc, lo, hi, last=True) or (colon_frame(doc, hi, lo) if last.text == ":" else None)


def after_colon(doc: QuoteDoc, seg: Segment) -> bool:
    """Whether the segment's opening mark follows a colon ('She was blunt: "..."')."""
    j = doc.tok_at(seg.open_mark) - 1
    while j >= 0 and doc.toks[j].pos == "SPACE":
        j -= 1
    return j >= 0 and doc.toks[j].text == ":"


def cue_verb(doc: QuoteDoc, frame: tuple) -> bool:
    """Whether a frame after a quote is a cue verb ('"...," she wrote.'), which attributes
    the quote rather than the colon before it: the words before a colon describe the
    speaker ("Roe seemed irritated:", "Roe followed up by lamenting the cost:"), the verb
    after says who spoke (PolNeAR train: +12 right, none lost). Not "according to"."""
    t = doc.toks[frame[0][0]]
    return t.pos == "VERB" and t.text.lower() != "according"


def _frame_cue(doc: QuoteDoc, lo: int, hi: int, last: bool) -> tuple | None:
    """((first, last cue token), speaker head) of the attribution in the frame lo..hi; the
    cue nearest the quote. A cue reporting a clause of its own frames nothing."""
    order = range(hi, lo - 1, -1) if last else range(lo, hi + 1)
    lo = doc.past_punct(lo, hi)
    for i in order:
        t = doc.toks[i]
        acc = according_to(doc, i)
        if doc.quoted[i] or (acc and doc.quoted[acc[1]]):
            continue
        if acc:
            return (i, acc[0]), acc[1]
        if t.pos not in ("VERB", "AUX") or not (
            t.lemma.lower() in cues.FRAME_CUES or (last and _issues_message(doc, i))
        ):
            continue
        s = subject_of(doc, i)
        if s is None or doc.quoted[s] or doc.toks[s].sent != t.sent:
            s = name_before(doc, i, lo) if i > lo else name_after(doc, i, hi)
            if s is None and not last and i > lo and doc.toks[i - 1].text == ",":  # 'Roe, a senator, told X'
                s = name_after(doc, lo - 1, i - 1)
        if s is not None and (
            last or not any(i < c <= hi and not doc.quoted[c] and _own_clause(doc, c) for c in doc.kids[i])
        ):
            return (_reported_by(doc, i, hi) if not last else None) or ((i, i), s)
    return None


def _own_clause(doc: QuoteDoc, c: int) -> bool:
    """Whether the cue's child ``c`` is a clause it reports itself ("told X that ...",
    "asked X to ..."), not a participle the parser made one ('"...," she told the
    Gazette in an interview aired on Sunday': a ccomp with no subject, mark or auxiliary). (An
    xcomp stays a clause: without "to" it was +3 -5 on PolNeAR train.)"""
    t, deps = doc.toks[c], {doc.toks[k].dep for k in doc.kids[c]}
    if t.dep == "ccomp":
        return bool(deps & {"nsubj", "nsubjpass", "expl", "mark", "aux"})
    return t.dep == "xcomp"


def _reported_by(doc: QuoteDoc, i: int, hi: int) -> tuple | None:
    """'"...," Roe said, according to the Herald.': the frame cue at ``i`` goes on with
    ", according to Y": Y is who reports the quote (PolNeAR's source), Roe's words nested."""
    for j in range(i + 2, hi + 1):
        if doc.toks[j - 1].text == "," and (acc := according_to(doc, j)) and not doc.quoted[acc[1]]:
            return (j, acc[0]), acc[1]
    return None


def _signed_below(doc: QuoteDoc, para: int) -> tuple | None:
    """'"..."' closing paragraph ``para`` and the next paragraph a dash and a name ('- Roe.',
    '— Jane Roe, tweeting after the speech'), the quote the whole paragraph: the name signs it."""
    if para + 1 >= len(doc.paras):
        return None
    ps, pe = doc.paras[para + 1]
    dash = doc.tok_at(ps)
    if dash >= len(doc.toks) or doc.toks[dash].text not in (*_DASHES, "-") or doc.toks[dash].start != ps:
        return None
    if any(doc.toks[j].tag in ("VBD", "VBZ", "VBP", "MD") for j in range(dash, doc.tok_at(pe))):
        return None  # '- Roe reported that ...' is a sentence, no signature
    return _signature(doc, dash, pe)


def _issues_message(doc: QuoteDoc, i: int) -> bool:
    """'X issued the following statement: "..."', 'X released a statement, "..."': a
    message verb (or "release", "post", "publish") whose object is a message noun."""
    lemma = doc.toks[i].lemma.lower()
    return (lemma in cues.MESSAGE_VERBS or lemma in cues.RELEASE_VERBS) and any(
        doc.toks[c].dep == "dobj" and doc.toks[c].lemma.lower() in cues.MESSAGE_NOUNS for c in doc.kids[i]
    )


def _signature(doc: QuoteDoc, dash: int, limit: int) -> tuple | None:
    """'"..." ― Jane Roe' closing the paragraph: the name signs the quote."""
    end = doc.tok_at(limit)
    names = [j for j in range(dash + 1, end) if doc.toks[j].pos == "PROPN"]
    if not names or end - dash > 12:
        return None
    head = names[0]
    while head + 1 in names:
        head += 1
    return (dash, dash), head


def _ends_sentence(doc: QuoteDoc, seg: Segment) -> bool:
    """Whether the quoted words end their sentence (a full stop inside or right after the mark)."""
    inner = doc.text[seg.start : seg.end].rstrip(" ’'\"”")[-1:]
    after = doc.text[seg.end : doc.paras[seg.para][1]].lstrip("\"”’' ")[:1]
    return not seg.closed or inner in ".?!…" or after in ("", ".", "?", "!")


def starts_sentence(doc: QuoteDoc, seg: Segment, since: int) -> bool:
    """Whether the segment's opening mark starts a sentence (nothing or a sentence end
    between char ``since`` and the mark)."""
    before = doc.text[since : seg.open_mark].rstrip()
    return not before or before[-1] in '.?!:;…"”'


def _runs_into_quote(doc: QuoteDoc, lo: int, limit: int) -> bool:
    """The text from token ``lo`` runs into the next quote of its paragraph in one sentence."""
    hi = doc.tok_at(limit) - 1
    return limit < doc.para_span(doc.toks[lo].start)[1] and hi >= lo and doc.toks[hi].sent == doc.toks[lo].sent
