"""Quote and reported-speech attribution from the dependency parse (no spaCy import).

Passes over one article, each about linear in its tokens:

1. **Labels**: "NAME: ..." opening a paragraph (transcripts, headlines).
2. **Direct quotes**: quote marks are paired per paragraph into segments (one left open at
   a paragraph's end goes on in the next paragraph if that opens with a mark). A segment
   is attributed by the *frame* next to it: after it ('"...," she said'), before it when
   that ends in a comma or colon ('He added: "..."'), or between two segments. Segments
   without a frame continue the quote before them when they open a sentence or a whole
   following paragraph; the rest are scare quotes and dropped.
3. **Reported speech**: a cue verb outside quotes with a subject and what it reports ("X
   said that ...", "X vowed to ...", "X cited Y as ...", "A, X said, B"), "according to X".
   Cues inside another attribution's content are part of it, not new ones.
4. **Speakers**: the subject phrase as written; its key is the mention it names, or for a
   pronoun or a role noun ("the senator") the person the text is about: the speaker of the
   latest attribution, else the latest person subject (never the addressee, an object).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from . import cues
from .model import COUNTRY, ORGANIZATION, PERSON, PLACE, Mention, ParsedArticle, Quote, Span

_MARKS = re.compile(r"''|[“”\"«»‘’]")  # '' is a double quote in some wire copy
_CLOSER = {"“": "”", "«": "»", '"': '"', "‘": "’"}
_LABEL = re.compile(r"[\"“]?\s*([A-Z][\w.’'\- ]{0,40}?)\s*:\s+(?=\S)")
_NP_STOP = ("relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "prep", "npadvmod")
_NP_PREPS = ("of", "by", "from", "for", "at")  # "officials from X" is all speaker
_DASHES = ("―", "—", "–", "--")
_MAX_FRAME = 30  # tokens; a longer stretch of narrative is no attribution frame
_LOOKBACK = 6  # sentences searched back for the one a pronoun refers to


@dataclass(slots=True)
class _Seg:
    """Inner text (marks excluded) of one quote segment in paragraph ``para``."""

    start: int
    end: int
    para: int
    open_mark: int
    closed: bool  # False: still open at the paragraph's end


@dataclass(slots=True)
class _Cand:
    """An attribution before its speaker is resolved: token indexes, char content spans."""

    subj: int  # head token of the speaker phrase (-1: not found yet)
    cue: tuple[int, int]  # first and last token of the cue
    content: list[tuple[int, int]]
    direct: bool
    segs: list[_Seg] = field(default_factory=list)
    label: tuple[int, int] | None = None  # char span of a "NAME:" speaker


class _Doc:
    """Indexes every pass needs, built once per article."""

    def __init__(self, parsed: ParsedArticle, mentions: list[Mention]):
        self.text, self.toks, self.sents = parsed.article.text, parsed.tokens, parsed.sentences
        self.paras = parsed.paragraphs
        self.starts = [t.start for t in self.toks]
        self.para_starts = [s for s, _ in self.paras]
        self.kids: list[list[int]] = [[] for _ in self.toks]
        for t in self.toks:
            if t.head != t.i:
                self.kids[t.head].append(t.i)
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.m_starts = [m.start for m in self.mentions]
        self.quoted = bytearray(len(self.toks))  # 1: the token is somebody's quoted words

    def tok_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def para_of(self, char: int) -> int:
        return max(0, bisect_right(self.para_starts, char) - 1)

    def para_span(self, char: int) -> tuple[int, int]:
        return self.paras[self.para_of(char)]

    def subtree(self, i: int) -> tuple[int, int]:
        """First and last token of the subtree of ``i``."""
        lo = hi = i
        stack = [i]
        while stack:
            j = stack.pop()
            lo, hi = min(lo, j), max(hi, j)
            stack.extend(self.kids[j])
        return lo, hi

    def chars(self, lo: int, hi: int) -> tuple[int, int] | None:
        """Char span of tokens lo..hi without punctuation or a conjunction at the edges."""
        toks = self.toks
        while lo <= hi and (toks[lo].pos in ("PUNCT", "SPACE") or toks[lo].dep == "cc"):
            lo += 1
        while hi >= lo and (toks[hi].pos in ("PUNCT", "SPACE") or toks[hi].dep == "cc"):
            hi -= 1
        return (toks[lo].start, toks[hi].end) if lo <= hi else None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        lo, hi = max(0, bisect_left(self.m_starts, start) - 2), bisect_left(self.m_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end > start]

    def mark_quoted(self, start: int, end: int) -> None:
        for i in range(self.tok_at(start), self.tok_at(end)):
            self.quoted[i] = 1


def find_quotes(parsed: ParsedArticle, mentions: list[Mention]) -> list[Quote]:
    """All attributions in the article: direct quotes and reported speech, in text order."""
    if not parsed.tokens or not parsed.paragraphs:  # no content lines: nothing said
        return []
    doc = _Doc(parsed, mentions)
    cands, label_paras = _labels(doc)
    segs = [s for s in _segments(doc) if s.para not in label_paras]
    for s in segs:
        doc.mark_quoted(s.open_mark, s.end + 1)
    direct, orphans = _direct(doc, segs)
    used = {c.cue[0] for c in direct}
    cands = _outermost(doc, cands + direct + [c for c in _reported(doc, used) if not _inside(c, direct)])
    _continue_paragraphs(doc, cands, orphans)
    return _resolve(doc, cands)


# --- 1. labels ------------------------------------------------------------------------------

def _labels(doc: _Doc) -> tuple[list[_Cand], set[int]]:
    """'NAME: words' paragraphs, NAME in capitals or a person's name. In a transcript (3+
    capital labels) the paragraphs between two labels are the first one's speaker's."""
    found = []
    for p, (ps, pe) in enumerate(doc.paras):
        m = _LABEL.match(doc.text, ps, pe)
        if m and len(m.group(1).split()) <= 4:
            ls, le = m.span(1)
            caps = m.group(1).isupper() and len(m.group(1)) > 1
            named = any(x.start <= ls and le <= x.end and x.label == PERSON for x in doc.mentions_in(ls, le))
            if caps or named:
                found.append((p, ls, le, m.end(), caps))
    transcript = sum(f[4] for f in found) >= 3
    out, paras = [], set()
    for n, (p, ls, le, cs, caps) in enumerate(found):
        last = found[n + 1][0] if transcript and caps and n + 1 < len(found) else p + 1
        content = [(cs if q == p else doc.paras[q][0], doc.paras[q][1]) for q in range(p, last)]
        content = [(s, e - (doc.text[e - 1] in "\"”")) for s, e in content]
        colon = doc.tok_at(le)
        out.append(_Cand(doc.tok_at(ls), (colon, colon), content, True, label=(ls, le)))
        paras.update(range(p, last))
        for s, e in content:
            doc.mark_quoted(s, e)
    return out, paras


# --- 2. direct quotes -----------------------------------------------------------------------

def _segments(doc: _Doc) -> list[_Seg]:
    """Pair quote marks per paragraph; an unclosed quote runs to the paragraph's end.
    Single quotes inside double ones, and curly quotes inside curly ones, are nested."""
    text, out = doc.text, []
    lone = [text.startswith('"', ps) and text.count('"', ps, pe) == 1 for ps, pe in doc.paras]
    # a lone straight mark opening paragraphs that quote with curly marks is an artifact
    mixed = any(o and "“" in text[ps:pe] and "”" in text[ps:pe] for o, (ps, pe) in zip(lone, doc.paras))
    for p, (ps, pe) in enumerate(doc.paras):
        opener, depth, at, at_end = None, 0, 0, 0
        for m in _MARKS.finditer(text, ps + (mixed and lone[p]), pe):
            ch, pos = ('"' if m.group() == "''" else m.group()), m.start()
            before, after = text[pos - 1] if pos > ps else " ", text[m.end()] if m.end() < pe else " "
            if opener is None:
                if ch in "“«" or (ch == '"' and not (after.isspace() and before.isalnum())) or \
                        (ch == "‘" and not before.isalnum() and not after.isspace()):
                    opener, depth, at, at_end = ch, 0, pos, m.end()
            elif ch in "‘’" and opener != "‘":
                continue
            elif ch == opener and ch in "“«":
                depth += 1
            elif ch == _CLOSER[opener] or (ch == '"' and opener == "“") or (ch == "”" and opener == '"'):
                if ch == "’" and after.isalpha():
                    continue  # an apostrophe: "don’t"
                if depth:
                    depth -= 1
                    continue
                out.append(_Seg(at_end, pos, p, at, True))
                opener = None
        if opener is not None and opener != "‘":
            out.append(_Seg(at_end, pe, p, at, False))
    return [s for s in out if s.end > s.start]


def _direct(doc: _Doc, segs: list[_Seg]) -> tuple[list[_Cand], list[_Cand]]:
    """Group segments into attributed quotes. Also returns the unattributed quotes that
    open a paragraph: they may continue the previous paragraph's speaker."""
    out, cur = [], None
    for n, seg in enumerate(segs):
        prev = segs[n - 1] if n else None
        same_para = prev is not None and prev.para == seg.para
        since = prev.end + 1 if same_para else doc.paras[seg.para][0]
        nxt = segs[n + 1].open_mark if n + 1 < len(segs) and segs[n + 1].para == seg.para \
            else doc.paras[seg.para][1]
        chained = prev is not None and not prev.closed and seg.para == prev.para + 1 \
            and seg.open_mark == doc.paras[seg.para][0]
        before = _before_frame(doc, seg, since)
        frame = before or _after_frame(doc, seg, nxt)
        opens = _starts_sentence(doc, seg, since)
        if cur is not None and (chained or (frame and frame[0] == cur.cue) or (
                not frame and same_para and opens and cur.subj >= 0)):
            cur.segs.append(seg)
            if cur.subj < 0 and frame:
                cur.cue, cur.subj = frame
            continue
        cur = _Cand(frame[1] if frame else -1, frame[0] if frame else (-1, -1), [], True, [seg])
        out.append(cur)
        if frame and not before and not opens:  # 'Oz is "smart," she said': the whole clause
            first = doc.sents[doc.toks[doc.tok_at(seg.start)].sent].start
            cur.content = [(max(first, since), seg.open_mark)]
    for c in out:
        c.content = _strip(doc, c.content + [(s.start, s.end) for s in c.segs])
    orphans = [c for c in out if c.subj < 0 and c.segs[0].open_mark == doc.paras[c.segs[0].para][0]]
    return [c for c in out if c.subj >= 0], orphans


def _after_frame(doc: _Doc, seg: _Seg, limit: int) -> tuple | None:
    """Attribution right after a closed segment: '"...," she said.', '"...?" asked X.'"""
    lo = doc.tok_at(seg.end + 1)
    if not seg.closed or lo >= len(doc.toks) or doc.toks[lo].start >= limit:
        return None
    if doc.toks[lo].text in _DASHES:
        return _signature(doc, lo, limit)
    inner_end = doc.text[seg.start:seg.end].rstrip(" ’'\"”")[-1:]
    first = doc.toks[lo]
    if inner_end not in ",?!.—–-…" and first.text != "," and first.lemma.lower() not in cues.FRAME_CUES:
        return None  # (but '"..." said X' may lack its comma)
    if inner_end in ".…" and first.text[:1].isupper() and _runs_into_quote(doc, lo, limit):
        return None  # '"..." She added, "..."' frames the next quote
    hi = lo
    while hi + 1 < len(doc.toks) and hi - lo < _MAX_FRAME and doc.toks[hi + 1].start < limit \
            and doc.toks[hi + 1].sent == first.sent:
        hi += 1
    return _frame_cue(doc, lo, hi, last=False)


def _before_frame(doc: _Doc, seg: _Seg, limit: int) -> tuple | None:
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
    elif last.text not in (",", ":", "—") and not (
            last.lemma.lower() in cues.FRAME_CUES and _ends_sentence(doc, seg)):
        return None
    lo = hi
    while lo > 0 and hi - lo < _MAX_FRAME and doc.toks[lo - 1].sent == last.sent \
            and doc.toks[lo - 1].start >= limit:
        lo -= 1
    return _frame_cue(doc, lo, hi, last=True)


def _frame_cue(doc: _Doc, lo: int, hi: int, last: bool) -> tuple | None:
    """((first, last cue token), speaker head) of the attribution in the frame lo..hi; the
    cue nearest the quote. A cue reporting a clause of its own frames nothing."""
    order = range(hi, lo - 1, -1) if last else range(lo, hi + 1)
    while lo < hi and doc.toks[lo].pos in ("PUNCT", "SPACE"):
        lo += 1
    for i in order:
        t = doc.toks[i]
        acc = _according(doc, i)
        if doc.quoted[i] or (acc and doc.quoted[acc[1]]):
            continue
        if acc:
            return (i, acc[0]), acc[1]
        if t.pos not in ("VERB", "AUX") or t.lemma.lower() not in cues.FRAME_CUES:
            continue
        s = _subject(doc, i)
        if s is None or doc.quoted[s] or doc.toks[s].sent != t.sent:
            s = _name_before(doc, i, lo) if i > lo else _name_after(doc, i, hi)
        if s is not None and (last or not any(doc.toks[c].dep in ("ccomp", "xcomp") and i < c <= hi
                                              and not doc.quoted[c] for c in doc.kids[i])):
            return (i, i), s
    return None


def _signature(doc: _Doc, dash: int, limit: int) -> tuple | None:
    """'"..." ― Jane Roe' closing the paragraph: the name signs the quote."""
    end = doc.tok_at(limit)
    names = [j for j in range(dash + 1, end) if doc.toks[j].pos == "PROPN"]
    if not names or end - dash > 12:
        return None
    head = names[0]
    while head + 1 in names:
        head += 1
    return (dash, dash), head


def _ends_sentence(doc: _Doc, seg: _Seg) -> bool:
    inner = doc.text[seg.start:seg.end].rstrip(" ’'\"”")[-1:]
    after = doc.text[seg.end:doc.paras[seg.para][1]].lstrip("\"”’' ")[:1]
    return not seg.closed or inner in ".?!…" or after in ("", ".", "?", "!")


def _starts_sentence(doc: _Doc, seg: _Seg, since: int) -> bool:
    before = doc.text[since:seg.open_mark].rstrip()
    return not before or before[-1] in ".?!:;…\"”"


def _runs_into_quote(doc: _Doc, lo: int, limit: int) -> bool:
    """The text from token ``lo`` runs into the next quote of its paragraph in one sentence."""
    hi = doc.tok_at(limit) - 1
    return limit < doc.para_span(doc.toks[lo].start)[1] and hi >= lo \
        and doc.toks[hi].sent == doc.toks[lo].sent


def _strip(doc: _Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans without surrounding white space; touching spans merged."""
    out = []
    for s, e in spans:
        piece = doc.text[s:e]
        s, e = s + len(piece) - len(piece.lstrip()), e - len(piece) + len(piece.rstrip())
        if out and s - out[-1][1] <= 2:
            out[-1] = (out[-1][0], e)
        elif e > s:
            out.append((s, e))
    return out


def _continue_paragraphs(doc: _Doc, cands: list[_Cand], orphans: list[_Cand]) -> None:
    """A quoted paragraph with no attribution continues the speaker of the previous
    paragraph's last attribution (and is part of it when that was a quote too)."""
    by_para = {doc.para_of(doc.toks[c.cue[0]].start): c for c in cands}
    for o in orphans:
        last = by_para.get(o.segs[0].para - 1)
        if last is None:
            continue
        if last.direct and last.label is None:
            last.content += o.content
        else:
            last = _Cand(last.subj, last.cue, o.content, True, o.segs, last.label)
            cands.append(last)
        by_para[o.segs[-1].para] = last
    cands.sort(key=lambda c: c.cue[0])


# --- 3. reported speech ---------------------------------------------------------------------

def _reported(doc: _Doc, used: set[int]) -> list[_Cand]:
    """Cue verbs outside quotes with a subject and what they report; "according to X"."""
    out = []
    for t in doc.toks:
        i = t.i
        if doc.quoted[i] or i in used:
            continue
        acc, lemma = _according(doc, i), t.lemma.lower()
        if acc:
            subj = acc[1]  # the content is the sentence around "according to X"
            found = acc[0], _around(doc, doc.sents[t.sent], i, max(doc.subtree(subj)[1], i + 1))
        elif t.pos in ("VERB", "AUX") and lemma in cues.ALL_CUES:
            subj = _subject(doc, i)
            if subj is None or doc.para_of(doc.toks[subj].start) != doc.para_of(t.start):
                subj = _name_before(doc, i, doc.tok_at(doc.para_span(t.start)[0]))
            if subj is None or doc.quoted[subj]:
                continue
            found = _parenthetical(doc, i, subj) or _complement(doc, i, lemma)
        else:
            continue
        if found:
            ps, pe = doc.para_span(t.start)  # a bad sentence split may cross paragraphs
            content = [(max(s, ps), min(e, pe)) for s, e in found[1] if e > ps and s < pe]
            if content and not any(s <= doc.toks[subj].start < e for s, e in content):
                out.append(_Cand(subj, (i, found[0]), content, False))
    return out


def _subject(doc: _Doc, v: int, depth: int = 0) -> int | None:
    """The subject of verb ``v``; participles and coordinated verbs ("..., adding that ...")
    take the subject of the verb they hang on. Passives ("it is believed") have none."""
    for c in doc.kids[v]:
        if doc.toks[c].dep == "nsubj":
            return c
        if doc.toks[c].dep in ("nsubjpass", "auxpass", "expl"):
            return None
    t, head = doc.toks[v], doc.toks[doc.toks[v].head]
    if depth < 2 and t.dep in ("advcl", "conj", "xcomp") and t.head != v:
        s = _subject(doc, t.head, depth + 1)  # but not the dummy "it" of "it was a week ..."
        return None if s is not None and head.lemma == "be" and doc.toks[s].text.lower() == "it" else s
    return None


def _name_before(doc: _Doc, v: int, first: int) -> int | None:
    """When the parse lost the subject of cue ``v`` (a headline run into the first sentence,
    a mis-tagged name): the noun phrase from token ``first`` right up to the cue."""
    j = v - 1
    while j > first and doc.toks[j].pos in ("ADV", "AUX", "PART") and doc.toks[j].text != "'s":
        j -= 1
    if j < first or doc.quoted[j] or doc.toks[j].pos not in ("PROPN", "NOUN", "PRON"):
        return None
    head = j
    while j > first and (doc.toks[j - 1].pos in ("PROPN", "NOUN", "DET", "ADJ", "NUM", "PART")
                         or doc.toks[j - 1].text.istitle()):
        j -= 1
    return head if j == first else None


def _name_after(doc: _Doc, v: int, last: int) -> int | None:
    """The name right after an inverted cue ('"...," said Jane Roe') the parse missed."""
    j = v + 1
    while j < last and doc.toks[j].pos == "PROPN" and doc.toks[j + 1].pos == "PROPN":
        j += 1
    return j if j <= last and doc.toks[j].pos == "PROPN" else None


def _according(doc: _Doc, i: int) -> tuple[int, int] | None:
    """("to" token, source head) of "according to X" at token ``i``."""
    if doc.toks[i].text.lower() == "according":
        for c in doc.kids[i]:
            objs = [o for o in doc.kids[c] if doc.toks[o].dep == "pobj"]
            if doc.toks[c].text.lower() == "to" and objs:
                return c, objs[0]
    return None


def _complement(doc: _Doc, i: int, lemma: str) -> tuple[int, list] | None:
    """(last cue token, content spans) of what cue ``i`` reports."""
    toks, kids = doc.toks, doc.kids[i]
    if lemma in cues.CLAUSE_CUES:  # "said (that) ...": the clause runs on to the sentence end
        c = next((c for c in kids if toks[c].dep == "ccomp" and c > i), None)
        if c is not None:
            return _span(doc, i, doc.subtree(c)[0], _clause_end(doc, i, c))
    for c in kids:  # "called for X", "called on X to ...", "pointed out that ..."
        if toks[c].dep in ("prep", "prt") and toks[c].text.lower() in cues.CUE_PARTICLES.get(lemma, ()) \
                and c > i and all(toks[j].pos == "ADV" for j in range(i + 1, c)):
            rest = doc.kids[c] + [k for k in kids if k > c and toks[k].dep in ("ccomp", "dobj")]
            if rest:
                return _span(doc, c, doc.subtree(min(rest))[0], _clause_end(doc, i, min(rest)))
    if lemma in cues.TO_CUES:  # "vowed to X" (not "..., and Y")
        c = next((c for c in kids if toks[c].dep == "xcomp"), None)
        if c is not None:
            return _span(doc, i, doc.subtree(c)[0], _phrase_end(doc, c))
    obj = next((c for c in kids if toks[c].dep == "dobj" and c > i), None)
    if lemma in cues.OBJECT_CUES and obj is not None:  # "cited X as Y", "called X a Y"
        more = [c for c in kids if c > obj and (toks[c].dep in ("oprd", "ccomp", "xcomp", "attr") or (
                toks[c].dep == "prep" and toks[c].text.lower() in ("as", "for", "of")))]
        if lemma in cues.PREP_CONTENT and more and toks[more[0]].dep == "prep":  # "accused X of Y"
            return _span(doc, obj, more[0], _clause_end(doc, i, more[0]))
        if more or lemma not in cues.NEEDS_PREDICATE:
            return _span(doc, i, doc.subtree(obj)[0], _clause_end(doc, i, obj))
    if lemma in cues.CLAUSE_CUES:  # "said in remarks cited by X that ...": a lost attachment
        for j in range(i + 1, min(i + 16, doc.sents[toks[i].sent].end_tok)):
            if toks[j].text.lower() == "that" and toks[j].dep == "mark":
                return _span(doc, i, j, _clause_end(doc, i, j))
            if toks[j].tag in ("VBD", "VBZ", "VBP", "MD") or toks[j].text in (";", ":") or doc.quoted[j]:
                break
    if toks[i].dep == "parataxis" and toks[i].head < i:  # "The plan, he said, will fail."
        lo, hi = doc.subtree(toks[i].head)
        spans = _around(doc, None, *doc.subtree(i), lo, hi)
        if spans:
            return i, spans
    return None


def _parenthetical(doc: _Doc, i: int, subj: int) -> tuple[int, list] | None:
    """'A, he said, B.' and 'A, said Jane Roe.': the sentence around a frame set off by
    commas (subject, cue and a few verbless words such as "told me on Friday")."""
    toks = doc.toks
    if toks[i].lemma.lower() not in cues.CLAUSE_CUES:
        return None
    sn = doc.sents[toks[i].sent]
    lo, hi = _np(doc, subj)
    if subj > i:  # "..., said Jane Roe, a senator from Ohio.": the apposition is in the frame
        hi = doc.subtree(subj)[1]
    lo, hi = min(lo, i), max(hi, i)
    while hi + 1 < sn.end_tok and hi - i < 8 and toks[hi + 1].pos not in ("VERB", "AUX", "PUNCT") \
            and toks[hi + 1].text.lower() not in ("that", "if", "whether"):
        hi += 1
    if lo - 1 <= sn.start_tok or toks[lo - 1].text != "," or hi + 1 >= sn.end_tok:
        return None
    if toks[hi + 1].text == ",":
        spans = _around(doc, sn, lo - 1, hi + 1)
    elif toks[hi + 1].text in (".", "!", "?") or (toks[hi + 1].pos == "PUNCT" and hi + 2 >= sn.end_tok):
        spans = [s for s in [doc.chars(sn.start_tok, lo - 2)] if s]
    else:
        return None
    return (i, spans) if spans and not any(doc.quoted[doc.tok_at(s)] for s, _ in spans) else None


def _around(doc: _Doc, sn, lo: int, hi: int, first: int = 0, last: int = 0) -> list:
    """Char spans of sentence ``sn`` (or tokens first..last) around tokens lo..hi."""
    first, last = (sn.start_tok, sn.end_tok - 1) if sn is not None else (first, last)
    return [s for s in (doc.chars(first, lo - 1) if lo > first else None,
                        doc.chars(hi + 1, last) if hi < last else None) if s]


def _span(doc: _Doc, cue_end: int, lo: int, hi: int) -> tuple[int, list] | None:
    span = doc.chars(lo, hi) if hi > lo else None
    return (cue_end, [span]) if span else None


def _phrase_end(doc: _Doc, h: int) -> int:
    """Last token of the phrase headed by ``h`` before a coordinated or added clause."""
    right = h
    for c in doc.kids[h]:
        if c > h:
            if doc.toks[c].dep in ("conj", "cc", "advcl", "parataxis", "punct", "npadvmod", "relcl"):
                break
            right = doc.subtree(c)[1]
    return right


def _clause_end(doc: _Doc, i: int, c: int) -> int:
    """Last token of what cue ``i`` reports from token ``c`` on: the sentence's end, unless
    the cue goes on ("..., adding that ...", "and suggested ..."), or at ";" / ", which"."""
    toks = doc.toks
    end = doc.sents[toks[i].sent].end_tok - 1
    for k in doc.kids[i]:
        t = toks[k]
        if k > c and t.dep in ("conj", "advcl", "xcomp", "parataxis") and (
                t.lemma.lower() in cues.ALL_CUES or (t.tag in ("VBG", "VBN") and t.dep == "advcl")):
            end = min(end, doc.subtree(k)[0] - 1)
    for j in range(c, end):
        t = toks[j]
        if t.text == ";" or (t.text == "," and toks[j + 1].text.lower() in ("who", "which")):
            return j - 1
        if t.dep == "conj" and t.tag == toks[i].tag and t.lemma.lower() in cues.ALL_CUES \
                and not any(toks[k].dep == "nsubj" for k in doc.kids[j]):
            return j - 1  # "said that A and suggested that B" parsed as one clause
    return end


def _outermost(doc: _Doc, cands: list[_Cand]) -> list[_Cand]:
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


def _inside(c: _Cand, direct: list[_Cand]) -> bool:
    """Reported content that is mostly one of the direct quotes already found."""
    size = sum(e - s for s, e in c.content) or 1
    return any(2 * sum(max(0, min(e, de) - max(s, ds)) for s, e in c.content for ds, de in d.content) > size
               for d in direct)


# --- 4. speakers ----------------------------------------------------------------------------

def _np(doc: _Doc, h: int) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``h``, cut before clauses, appositions and
    commas, within its paragraph: "Jane Roe, the senator who ..." -> "Jane Roe"."""
    lo, right = doc.subtree(h)[0], h
    for c in sorted(doc.kids[h]):
        if c > h:
            t = doc.toks[c]
            if t.dep in _NP_STOP and not (t.dep == "prep" and t.text.lower() in _NP_PREPS):
                break
            right = doc.subtree(c)[1]
    ps, pe = doc.para_span(doc.toks[h].start)
    while lo < h and (doc.toks[lo].pos == "PUNCT" or doc.quoted[lo] or doc.toks[lo].start < ps):
        lo += 1
    while right > h and doc.toks[right].end > pe:
        right -= 1
    return lo, right


def _resolve(doc: _Doc, cands: list[_Cand]) -> list[Quote]:
    """Quotes with speaker spans and keys, in text order (pronouns need earlier speakers)."""
    res, out = _Resolver(doc), []
    for c in cands:
        if c.label:
            (s, e), key = c.label, res.label_key(*c.label)
        else:
            lo, hi = _np(doc, c.subj)
            s, e, key = doc.toks[lo].start, doc.toks[hi].end, res.key(c.subj, c.cue[0], lo, hi)
        content = [(a, b) for a, b in c.content if b > a]
        if not content:
            continue
        res.said(doc.toks[c.cue[0]].sent, key, c.subj)
        last = c.cue[1]
        nxt = doc.toks[last + 1] if last + 1 < len(doc.toks) else None
        if nxt is not None and nxt.dep == "prt" and nxt.head == c.cue[0]:
            last += 1  # "pointed out"
        cs, ce = doc.toks[c.cue[0]].start, doc.toks[last].end
        out.append(Quote(Span(s, e, doc.text[s:e]), key, Span(cs, ce, doc.text[cs:ce]), content, c.direct))
    return out


class _Resolver:
    """Speaker phrase -> mention key; remembers who spoke in which sentence."""

    def __init__(self, doc: _Doc):
        self.doc = doc
        self.speakers: dict[int, str | None] = {}  # sentence -> person who spoke (None: unknown name)
        self.bodies: dict[int, str] = {}  # sentence -> organization or country that spoke
        self.labels = {m.key: m.label for m in doc.mentions}
        self.gender: dict[str, str] = {}
        self.surnames: dict[str, str] = {}  # last word of a person's name -> key
        for m in doc.mentions:
            if m.label == PERSON:
                i = doc.tok_at(m.start)
                prev = doc.toks[i - 1].text.lower() if i > 0 else ""
                if prev in cues.MALE_TITLES or prev in cues.FEMALE_TITLES:  # "Mr. Roe", "Ms. Roe"
                    self.gender.setdefault(m.key, "m" if prev in cues.MALE_TITLES else "f")
                words = m.text.lower().split()
                if len(words) > 1 or words[0] not in self.surnames:
                    self.surnames[words[-1]] = m.key

    def said(self, sent: int, key: str | None, head: int) -> None:
        """Remember who spoke in ``sent``. A name without a key (missed by the NER) is
        remembered too, so that a later "he" is not given to someone else."""
        t, label = self.doc.toks[head], self.labels.get(key)
        person = t.tag in ("NN", "NNP") and t.lemma.lower() in cues.PERSON_TITLES | cues.REPRESENTATIVES
        if label == PERSON or person or (key is None and t.pos == "PROPN"):
            self.speakers[sent] = key  # "an M&S spokesman said ... He added": M&S's words
        elif label in (ORGANIZATION, COUNTRY):
            self.bodies[sent] = key

    def label_key(self, start: int, end: int) -> str | None:
        inside = self.doc.mentions_in(start, end)
        return inside[0].key if inside else self.surnames.get(self.doc.text[start:end].lower().split()[-1])

    def key(self, subj: int, cue: int, lo: int, hi: int) -> str | None:
        """Key of the speaker phrase lo..hi headed by ``subj``."""
        doc = self.doc
        head = doc.toks[subj]
        word, lemma = head.text.lower(), head.lemma.lower()
        if word in cues.PERSON_PRONOUNS:
            return self.antecedent(head.start, head.sent, True, "m" if word in cues.MALE else "f")
        if word in cues.THING_PRONOUNS:
            return self.antecedent(head.start, head.sent, False)
        if word in cues.RELATIVE_PRONOUNS and doc.toks[cue].dep == "relcl":  # "X, who said"
            return self.key(doc.toks[cue].head, cue, *_np(doc, doc.toks[cue].head))
        ms = doc.mentions_in(doc.toks[lo].start, doc.toks[hi].end)
        for m in ms:
            if m.start <= head.start < m.end:
                return m.key
        for k in doc.kids[subj]:  # "The press secretary, Jane Roe, said"
            if doc.toks[k].dep == "appos":
                a, b = doc.subtree(k)
                named = [m for m in doc.mentions_in(doc.toks[a].start, doc.toks[b].end) if m.label == PERSON]
                if named:
                    return named[0].key
        if ms and (lemma in cues.REPRESENTATIVES or lemma in cues.DOCUMENTS):  # "X's spokesman"
            return ms[0].key
        if not ms and word in self.surnames and head.text[:1].isupper():  # a surname the NER missed
            return self.surnames[word]
        definite = any(doc.toks[k].dep == "det" and doc.toks[k].text.lower() in ("the", "this")
                       for k in doc.kids[subj])
        if any(m.label not in (COUNTRY, PLACE) for m in ms) or head.tag not in ("NN", "NNP") or not definite:
            return None  # (a country may qualify a role noun: "the Iranian leader")
        if lemma in cues.PERSON_TITLES:  # "the senator"
            return self.titled(head.start, head.sent, lemma)
        return self.antecedent(head.start, head.sent, False) if lemma in cues.ORGANIZATION_NOUNS else None

    def antecedent(self, char: int, sent: int, person: bool, gender: str | None = None) -> str | None:
        """What a pronoun or role noun at ``char`` refers to, going back sentence by sentence:
        who spoke there, else the latest subject, else (for a person) the first one named.
        Names inside quotes do not count; the gender must fit where it is known."""
        doc, spoke = self.doc, self.speakers if person else self.bodies
        labels = (PERSON,) if person else (ORGANIZATION, COUNTRY)
        for s in range(sent, max(-1, sent - _LOOKBACK), -1):
            if s in spoke and (spoke[s] is None or self._fits(spoke[s], gender)):
                return spoke[s]
            sn = doc.sents[s]
            named = [m for m in doc.mentions_in(sn.start, min(sn.end, char)) if m.label in labels
                     and m.end <= char and not doc.quoted[doc.tok_at(m.start)] and self._fits(m.key, gender)]
            subjects = [(m.start, m.key) for m in named if self._is_subject(m)]
            if person:  # a bare surname the NER missed
                subjects += [(t.start, k) for t in doc.toks[sn.start_tok:sn.end_tok]
                             if t.dep == "nsubj" and t.text[:1].isupper() and t.end <= char
                             and not doc.quoted[t.i] and (k := self.surnames.get(t.text.lower()))
                             and self._fits(k, gender)]
            if subjects or (person and named):
                return max(subjects)[1] if subjects else named[0].key
        return None

    def titled(self, char: int, sent: int, title: str) -> str | None:
        """The person a role noun ("the senator") refers to: one named with that title
        ("Sen. Jane Roe"), else the latest person of its sentence, else as for "he"."""
        doc = self.doc
        n = bisect_left(doc.m_starts, char)
        for m in reversed(doc.mentions[max(0, n - 50):n]):
            i = doc.tok_at(m.start)
            prev = doc.toks[i - 1].text.lower() if i > 0 else ""
            if m.label == PERSON and title in (prev, cues.TITLE_ABBREVIATIONS.get(prev)):
                return m.key
        sn = doc.sents[sent]
        persons = [m for m in doc.mentions_in(sn.start, char) if m.label == PERSON and m.end <= char]
        return persons[-1].key if persons else self.antecedent(char, sent - 1, True) if sent else None

    def _fits(self, key: str, gender: str | None) -> bool:
        return gender is None or self.gender.get(key, gender) == gender

    def _is_subject(self, m: Mention) -> bool:
        """Whether the mention's head token is the subject of its clause."""
        doc = self.doc
        lo, hi = doc.tok_at(m.start), doc.tok_at(m.end) - 1
        for i in range(lo, hi + 1):
            t = doc.toks[i]
            if not lo <= t.head <= hi or t.head == i:
                return t.dep in ("nsubj", "nsubjpass")
        return False
