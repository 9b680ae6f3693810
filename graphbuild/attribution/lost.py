"""The speaker of a lexicon cue verb (:func:`cue_speaker`), and the speakers the parse lost
(no spaCy import): the cue has no subject in the tree, but the words right before it are a
speaker phrase set off the way English sets off a speaker.

* "Roe, who chairs the panel, said ...", "Roe, 44, said ...", "Roe, meanwhile, said ...",
  "Senator Roe, the minority leader, said ...", "Roe (a Democrat from Ohio) says ...": a
  noun phrase, then parentheticals (a "who"/"whose" clause, an age, an adverb, an
  apposition, a bracketed aside), then the cue. The small parser often hangs the name
  on the parenthetical's verb or on an opening adjunct ("As part of the deal, Roe, 44,
  said ..."), and the cue is left without a subject.
* "In New York on Tuesday, former senator Jane Roe said ...": a noun phrase right before the
  cue, after the comma that ends an opening adjunct.
* "In a memo, her aide, Jane Roe, wrote ...", "Speaking in Bergen, Roe, without naming him,
  accused ...", "At a rally in Dayton, Ohio, Roe railed ...", "About 6 in 10 say ..."
  (:func:`opening_subject`): the sentence read by its commas, opening phrases first.
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc
from graphbuild.attribution.gates import misread_past
from graphbuild.attribution.light import document_owner
from graphbuild.attribution.retag import participle_subject
from graphbuild.attribution.speakers import name_before, subject_of

_SEPARATORS = (",", "(", ")", "-", "–", "—", "--")
_RELATIVE_OPENERS = ("who", "whose")
_NP_POS = ("PROPN", "NOUN", "DET", "ADJ", "NUM", "PART", "PUNCT")
_NP_PREPS = ("of", "for", "at", "from")  # "a spokesman for the ministry"
_SKIP_ADVERBS = ("also", "then", "later", "again", "now", "previously", "earlier", "still", "too")


def cue_speaker(doc: QuoteDoc, i: int) -> int | None:
    """The head token of the speaker of lexicon cue verb ``i``, the first found of: the owner
    of a document the cue is part of ("an ad that accuses ..."); a second subject the parser
    gave the cue ('The plan will fail, said Jane Roe.'); the cue's subject, climbing
    participles and conjuncts (:func:`.speakers.subject_of`); the noun a past tense read as a
    participle hangs on ("Roe, a senator, called X a Y."); the noun a participle modifies ("a
    statement saying ..."); a name right before the cue in its paragraph, also when the
    subject found lies in another paragraph; then the speakers the parse lost
    (:func:`lost_speaker`, :func:`opening_subject`). Token 0 is a speaker too."""
    t = doc.toks[i]
    owner = document_owner(doc, i)
    subj = owner if owner is not None else _after_cue(doc, i) or subject_of(doc, i)
    if subj is None and misread_past(doc, i):
        subj = t.head
    if subj is None:
        subj = participle_subject(doc, i)
    if subj is None or doc.para_of(doc.toks[subj].start) != doc.para_of(t.start):
        subj = name_before(doc, i, doc.tok_at(doc.para_span(t.start)[0]))
    if subj is None:
        subj = lost_speaker(doc, i)
    if subj is None:
        subj = opening_subject(doc, i)
    return subj


def _after_cue(doc: QuoteDoc, i: int) -> int | None:
    """The subject after cue ``i`` when the parser gave it two and nothing else follows the
    cue ('The plan will fail, said Jane Roe.': "plan" is the subject of what she said, read
    as the cue's too; not 'Roe, whose ..., said plans fail': a clause after the cue)."""
    subjects = [c for c in doc.kids[i] if doc.toks[c].dep == "nsubj"]
    clause_after = any(doc.toks[c].dep in ("ccomp", "xcomp", "dobj") and c > i for c in doc.kids[i])
    if len(subjects) != 2 or clause_after:
        return None
    first, second = subjects
    if first < i < second and doc.toks[i - 1].text == ",":
        return second
    lo, hi = doc.subtree(second)
    if first < second < i and hi == i - 1 and doc.toks[lo - 1].text == ",":  # "A, she said."
        return second
    return None


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


# --- the sentence read by its commas (opening phrases, the subject, asides) ---------------

_FINITE = ("VBD", "VBZ", "VBP")
_CHUNK_POS = frozenset(("NOUN", "PROPN", "DET", "ADJ", "NUM", "PART", "PRON", "CCONJ", "ADP", "SPACE"))
_CHUNK_PUNCT = frozenset(("(", ")", "-", "'s", "’s", ".", "&"))
_NOUNS = ("NOUN", "PROPN", "PRON")
_ASIDE_RELATIVES = frozenset(("who", "whom", "whose", "which"))
_OPENERS = ("ADP", "SCONJ", "ADV")  # "In a statement,", "While on the trail,", "Earlier,"
_TIMES = ("DATE", "TIME")
_MAX_CHUNKS = 8


def opening_subject(doc: QuoteDoc, v: int) -> int | None:
    """Head of the noun phrase that is the lost subject of finite verb ``v`` at its
    sentence's root, read by the commas: opening phrases, then the noun phrase, then only
    asides up to the verb ("In a memo to the board, the harbour master, Jan Ortiz, wrote
    ...", "On Friday, Norway, heading a group of towns, asked ..."); or a count the parser
    hung on the verb ("About 6 in 10 say ..."). None when the words before the verb do not
    read so. Where :func:`lost_speaker` finds none (on PolNeAR train 13 of the 15 quotes
    this adds were right)."""
    toks = doc.toks
    t = toks[v]
    finite = t.tag in _FINITE or (  # "has said"
        t.tag == "VBN" and any(toks[c].dep == "aux" and toks[c].tag in _FINITE for c in doc.kids[v])
    )
    if not finite or t.dep != "ROOT" or doc.quoted[v]:
        return None
    if any(toks[c].dep in ("nsubj", "nsubjpass", "expl", "csubj") for c in doc.kids[v]):
        return None
    count = next((c for c in doc.kids[v] if c < v and toks[c].dep == "nummod" and toks[c].pos == "NUM"), None)
    if count is not None:  # "About 6 in 10 say ...": the count hung on the verb is who says it
        return count
    first = doc.sents[t.sent].start_tok
    if toks[first].pos == "CCONJ":  # "But ..."
        first += 1
    j = v - 1
    while j >= first and toks[j].pos in ("ADV", "AUX", "PART", "SPACE") and toks[j].text not in ("'s", "’s"):
        j -= 1  # "also", "has", "bluntly"
    chunks = _comma_chunks(doc, first, j)
    comma = toks[j].text == ","
    if not chunks or len(chunks) > _MAX_CHUNKS or (comma and len(chunks) < 2):
        return None
    if not comma:  # the noun phrase runs right up to the verb
        if not all(_opening_chunk(doc, *c) or _place_after(doc, chunks, n) for n, c in enumerate(chunks[:-1])):
            return None
        return _chunk_head(doc, *chunks[-1])
    for k, (lo, hi) in enumerate(chunks):
        head = _chunk_head(doc, lo, hi)
        if _place_after(doc, chunks, k) and k + 1 < len(chunks) and _chunk_head(doc, *chunks[k + 1]) is not None:
            continue  # "In court in Alexandria, Va., Roe, ... said"
        if (
            head is not None
            and toks[head].ent_type not in _TIMES
            and all(_aside_chunk(doc, *c) for c in chunks[k + 1 :])
        ):
            return head
        if not _opening_chunk(doc, lo, hi):
            return None
    return None


def _place_after(doc: QuoteDoc, chunks: list[tuple[int, int]], k: int) -> bool:
    """Whether chunk ``k`` is the state or country of a place closing the opening phrase
    before it ("At a rally in Dayton, Ohio, ..."): the rest of that opening."""
    if k == 0 or not _opening_chunk(doc, *chunks[k - 1]):
        return False
    h = _chunk_head(doc, *chunks[k])
    places = ("GPE", "LOC", "FAC")
    return h is not None and doc.toks[h].ent_type in places and doc.toks[chunks[k - 1][1]].ent_type in places


def _comma_chunks(doc: QuoteDoc, first: int, last: int) -> list[tuple[int, int]] | None:
    """Token spans between the commas from ``first`` to ``last`` (a comma ending it opens
    no chunk); None when a quote or a dash breaks in (the frame is another shape)."""
    out, lo = [], first
    for j in range(first, last + 1):
        if doc.quoted[j] or doc.toks[j].text in ("—", "–", "--", ";", ":"):
            return None
        if doc.toks[j].text == ",":
            if j > lo:
                out.append((lo, j - 1))
            lo = j + 1
    if lo <= last:
        out.append((lo, last))
    return out


def _chunk_head(doc: QuoteDoc, lo: int, hi: int) -> int | None:
    """The head noun of tokens lo..hi when they are one noun phrase: no verb, not opened
    by a preposition, one token whose head lies outside and it a noun or a name."""
    toks = doc.toks
    if toks[lo].pos in ("ADP", "CCONJ") or toks[lo].text.lower() in _ASIDE_RELATIVES:
        return None
    if any(toks[j].pos not in _CHUNK_POS and toks[j].text not in _CHUNK_PUNCT for j in range(lo, hi + 1)):
        return None
    heads = [j for j in range(lo, hi + 1) if not lo <= toks[j].head <= hi or toks[j].head == j]
    heads = [j for j in heads if toks[j].pos not in ("PUNCT", "SPACE")]
    if len(heads) != 1 or toks[heads[0]].pos not in _NOUNS:
        return None
    h = heads[0]
    if toks[h].pos == "PRON" and toks[h].tag == "PRP$":
        return None
    return h


def _opening_chunk(doc: QuoteDoc, lo: int, hi: int) -> bool:
    """An opening phrase: a preposition's, a clause's ("While on the trail", "where ..."),
    a participle's ("Alarmed by ...", "Speaking in X") or a time ("On Friday", "Friday")."""
    t = doc.toks[lo]
    if t.pos in _OPENERS or t.tag in ("VBG", "VBN", "WRB"):
        return True
    h = _chunk_head(doc, lo, hi)
    return h is not None and doc.toks[h].ent_type in _TIMES


def _aside_chunk(doc: QuoteDoc, lo: int, hi: int) -> bool:
    """What may stand between a subject and its verb: an apposition ("the minority
    leader"), a relative clause ("who chairs the board"), a participle clause ("wearing
    a hat"), a prepositional phrase ("without naming him"), an age ("44") or an adverb
    ("meanwhile")."""
    t = doc.toks[lo]
    if t.text.lower() in _ASIDE_RELATIVES or t.tag in ("VBG", "VBN") or t.pos == "ADP":
        return True
    if all(doc.toks[j].pos in ("ADV", "NUM", "SPACE") for j in range(lo, hi + 1)):
        return True
    return _chunk_head(doc, lo, hi) is not None
