"""Speakers the parse lost (no spaCy import): the cue has no subject in the tree, but the
words right before it are a speaker phrase set off the way English sets off a speaker.

* "Roe, who chairs the panel, said ...", "Roe, 44, said ...", "Roe, meanwhile, said ...",
  "Senator Roe, the minority leader, said ...", "Roe (a Democrat from Ohio) says ...": a
  noun phrase, then parentheticals (a "who"/"whose" clause, an age, an adverb, an
  apposition, a bracketed aside), then the cue. The small parser often hangs the name
  on the parenthetical's verb or on an opening adjunct ("As part of the deal, Roe, 44,
  said ..."), and the cue is left without a subject.
* "In New York on Tuesday, former senator Jane Roe said ...": a noun phrase right before the
  cue, after the comma that ends an opening adjunct.
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc

_SEPARATORS = (",", "(", ")", "-", "–", "—", "--")
_RELATIVE_OPENERS = ("who", "whose")
_NP_POS = ("PROPN", "NOUN", "DET", "ADJ", "NUM", "PART", "PUNCT")
_NP_PREPS = ("of", "for", "at", "from")  # "a spokesman for the ministry"
_SKIP_ADVERBS = ("also", "then", "later", "again", "now", "previously", "earlier", "still", "too")


def lost_speaker(doc: QuoteDoc, i: int) -> int | None:
    """The head of the speaker phrase right before cue ``i`` when the parse gave it no subject."""
    toks, sn = doc.toks, doc.sents[doc.toks[i].sent]
    first = sn.start_tok
    if toks[i].tag not in ("VBD", "VBZ", "VBP"):  # "a book calling for X": the participle's noun, elsewhere
        return None
    j = i - 1
    while j > first and toks[j].text.lower() in _SKIP_ADVERBS:
        j -= 1
    if j <= first:
        return None
    if toks[j].text not in _SEPARATORS:  # "..., former senator Jane Roe said"
        k = _chunk_start(doc, first, j)
        if k > first and toks[k - 1].text == ",":
            return _np_head(doc, k, j)
        return None
    # walk back over parentheticals to the phrase they set off
    while j > first:
        if toks[j].text == ")":
            k = j - 1
            while k > first and toks[k].text != "(":
                k -= 1
            if toks[k].text != "(" or k - 1 <= first:
                return None
            j = k - 1
            if toks[j].text not in _SEPARATORS:  # "Roe (a Democrat from Ohio) says"
                return _named(doc, first, _chunk_start(doc, first, j), j)
            continue
        if toks[j].text not in _SEPARATORS:
            return None
        r = _relative_opener(doc, first, j)
        if r is not None:  # ", who chairs the panel," / ", whose firm, Acme, makes X,"
            j = r
            continue
        k = _chunk_start(doc, first, j - 1)
        words = [toks[x] for x in range(k, j)]
        if not words:
            return None
        if all(w.pos == "NUM" for w in words) or all(w.pos == "ADV" for w in words) or words[0].tag in ("VBG", "VBN"):
            j = k - 1  # ", 44," / ", meanwhile," / ", leading a coalition of states,"
            continue
        head = _np_head(doc, k, j - 1)
        if head is not None and toks[head].pos != "PROPN" and k - 1 > first and toks[k - 1].text == ",":
            name = _np_head(doc, _chunk_start(doc, first, k - 2), k - 2)
            if name is not None and toks[name].pos == "PROPN":
                return name  # "Senator Roe, the minority leader, said"
        return _named(doc, first, k, j - 1)
    return None


def _named(doc: QuoteDoc, first: int, k: int, j: int) -> int | None:
    """The head of noun phrase k..j as a speaker: a name, or any noun phrase opening the
    sentence ("One attendee, who ..., said")."""
    head = _np_head(doc, k, j)
    if head is None:
        return None
    return head if doc.toks[head].pos == "PROPN" or _opens_sentence(doc, first, k) else None


def _chunk_start(doc: QuoteDoc, first: int, j: int) -> int:
    """The first token after the separator before token ``j`` (or the sentence start)."""
    k = j
    while k > first and doc.toks[k - 1].text not in _SEPARATORS:
        k -= 1
    return k


def _relative_opener(doc: QuoteDoc, first: int, j: int) -> int | None:
    """The "who" / "whose" opening a parenthetical that ends at separator ``j``: it follows a
    comma and no cue-like finite verb of the main clause lies between (a short look-back)."""
    for r in range(j - 1, max(first, j - 30), -1):
        if doc.toks[r].text.lower() in _RELATIVE_OPENERS and doc.toks[r - 1].text == ",":
            return r - 1  # the comma before it
        if doc.toks[r].text in ("(", ")", ";", ":"):
            return None
    return None


def _np_head(doc: QuoteDoc, k: int, j: int) -> int | None:
    """The head of tokens k..j when they are a noun phrase ("former senator Jane Roe", "a
    spokesman for the ministry", "One attendee"), after an opening "but" / "and"."""
    toks = doc.toks
    while k <= j and toks[k].pos == "CCONJ":
        k += 1
    if k > j or j - k > 12 or toks[j].pos not in ("PROPN", "NOUN") or doc.quoted[j]:
        return None
    head = j
    for x in range(k, j + 1):
        t = toks[x]
        if t.pos == "ADP" and t.text.lower() in _NP_PREPS and x > k:
            head = min(head, x - 1)
            continue
        if t.pos not in _NP_POS or (t.pos == "PUNCT" and t.text not in (".", "'")):
            return None
    if toks[head].pos not in ("PROPN", "NOUN") or toks[head].ent_type in ("DATE", "TIME", "LOC"):
        return None
    return head


def _opens_sentence(doc: QuoteDoc, first: int, k: int) -> bool:
    """Whether the phrase at ``k`` opens the sentence (after punctuation or a conjunction)."""
    return all(doc.toks[x].pos in ("PUNCT", "CCONJ", "SPACE") for x in range(first, k))
