"""Quote and reported-speech attribution from the dependency parse.

Passes over one article, each linear in its tokens:

1. **Labels.** "NAME: ..." at the start of a paragraph (transcripts, headlines).
2. **Direct quotes.** Quote marks are paired per paragraph into segments; a segment left
   open at the end of a paragraph continues in the next paragraph when that one opens with
   a mark. Each segment looks for an attribution *frame* in the text next to it: after it
   ("...," she said), before it when that text ends in a comma or colon (He added: "...")
   or between two segments ("...," he said, "..."). Segments without a frame of their own
   continue the quote before them when they open a sentence of the same paragraph or a
   whole following paragraph; other segments are scare quotes and are dropped.
3. **Reported speech.** A cue verb outside quotes with a subject and a complement clause
   ("X said that ...", "X told Y ...", "X vowed to ...", "..., X said."), "according to X",
   and a cue ending in a colon ("X said: ...").
4. **Speakers.** The speaker is the subject phrase as written; its key is the mention it
   names, or for a pronoun or a role noun ("the senator") the person the text was last
   about: the speaker of the latest attribution, else the latest person subject.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from . import cues
from .model import COUNTRY, ORGANIZATION, PERSON, Mention, ParsedArticle, Quote, Span

_MARKS = re.compile(r"''|[“”\"«»‘’]")  # '' is a double quote in some wire copy
_CLOSER = {"“": "”", "«": "»", '"': '"', "‘": "’", "''": "''"}
_LABEL = re.compile(r"[\"“]?\s*([A-Z][\w.’'\- ]{0,40}?)\s*:\s+(?=\S)")
_NP_STOP = ("relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "prep")
_MAX_FRAME = 30  # tokens; a longer stretch of narrative is no attribution frame
_LOOKBACK = 6  # sentences searched back for the person a pronoun refers to


@dataclass
class _Seg:
    """The inner text of one quote segment (marks excluded) in paragraph ``para``."""

    start: int
    end: int
    para: int
    open_mark: int  # char offset of the opening mark
    closed: bool  # False: still open at the end of the paragraph


@dataclass
class _Cand:
    """An attribution before its speaker is resolved; token indexes, char content."""

    subj: int  # head token of the speaker phrase
    cue: tuple[int, int]  # first and last token of the cue
    content: list[tuple[int, int]]
    direct: bool
    segs: list[_Seg] = field(default_factory=list)
    label: tuple[int, int] | None = None  # char span of a "NAME:" label speaker


class _Doc:
    """Indexes every pass needs, built once per article."""

    def __init__(self, parsed: ParsedArticle, mentions: list[Mention]):
        self.text = parsed.article.text
        self.toks = parsed.tokens
        self.sents = parsed.sentences
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
        return bisect_right(self.para_starts, char) - 1

    def subtree(self, i: int) -> tuple[int, int]:
        """Leftmost and rightmost token of the subtree of ``i``."""
        lo = hi = i
        stack = [i]
        while stack:
            j = stack.pop()
            lo, hi = min(lo, j), max(hi, j)
            stack.extend(self.kids[j])
        return lo, hi

    def chars(self, lo: int, hi: int) -> tuple[int, int] | None:
        """Char span of tokens lo..hi without punctuation at the edges (None if only that)."""
        toks = self.toks
        while lo <= hi and (toks[lo].pos == "PUNCT" or toks[lo].dep == "cc"):
            lo += 1
        while hi >= lo and toks[hi].pos == "PUNCT":
            hi -= 1
        return (toks[lo].start, toks[hi].end) if lo <= hi else None

    def para_span(self, char: int) -> tuple[int, int]:
        return self.paras[self.para_of(char)] if self.paras else (0, len(self.text))

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        lo = max(0, bisect_left(self.m_starts, start) - 2)
        hi = bisect_left(self.m_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end > start]

    def mark_quoted(self, start: int, end: int) -> None:
        for i in range(self.tok_at(start), self.tok_at(end)):
            self.quoted[i] = 1


def find_quotes(parsed: ParsedArticle, mentions: list[Mention]) -> list[Quote]:
    """All attributions in the article: direct quotes and reported speech, in text order."""
    if not parsed.tokens:
        return []
    doc = _Doc(parsed, mentions)
    cands, label_paras = _labels(doc)
    segs = [s for s in _segments(doc) if s.para not in label_paras]
    for s in segs:
        doc.mark_quoted(s.open_mark, s.end + 1)
    direct, orphans = _direct(doc, segs)
    used = {c.cue[0] for c in direct}
    cands += direct + [c for c in _reported(doc, used) if not _inside_direct(c, direct)]
    cands.sort(key=lambda c: c.cue[0])
    _continue_paragraphs(doc, cands, orphans)
    return _resolve(doc, cands)


# --- 1. labels ------------------------------------------------------------------------------

def _labels(doc: _Doc) -> tuple[list[_Cand], set[int]]:
    """"NAME: words" paragraphs. A label is an all-caps word or a person/organization
    mention; in a transcript (3+ caps labels) unlabelled paragraphs continue the speaker."""
    found = []
    for p, (ps, pe) in enumerate(doc.paras):
        m = _LABEL.match(doc.text, ps, pe)
        if not m or len(m.group(1).split()) > 4:
            continue
        ls, le = m.span(1)
        caps = m.group(1).isupper() and len(m.group(1)) > 1
        named = any(x.start <= ls and le <= x.end and x.label in (PERSON, ORGANIZATION)
                    for x in doc.mentions_in(ls, le))
        if caps or named:
            found.append((p, ls, le, m.end(), caps))
    transcript = sum(f[4] for f in found) >= 3
    out, paras = [], set()
    for n, (p, ls, le, cs, caps) in enumerate(found):
        stop = found[n + 1][0] if n + 1 < len(found) else len(doc.paras)
        last = p + 1 if not (transcript and caps) else stop
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
    """Pair quote marks per paragraph; an unclosed quote runs to the paragraph's end."""
    text, out = doc.text, []
    for p, (ps, pe) in enumerate(doc.paras):
        opener, at, at_end = None, 0, 0
        for m in _MARKS.finditer(text, ps, pe):
            ch, pos = m.group(), m.start()
            before = text[pos - 1] if pos > ps else " "
            after = text[m.end()] if m.end() < pe else " "
            ch = '"' if ch == "''" else ch
            if ch in "‘’" and opener not in (None, "‘"):
                continue  # a nested single quote stays part of the outer quote
            if opener is None:
                if ch in "“«" or (ch == '"' and not (after.isspace() and before.isalnum())) or \
                        (ch == "‘" and not before.isalnum() and not after.isspace()):
                    opener, at, at_end = ch, pos, m.end()
            elif ch == _CLOSER[opener] or (ch == '"' and opener == "“") or (ch == "”" and opener == '"'):
                if ch == "’" and after.isalpha():
                    continue  # an apostrophe: "don’t"
                out.append(_Seg(at_end, pos, p, at, True))
                opener = None
        if opener is not None and opener != "‘":
            out.append(_Seg(at_end, pe, p, at, False))
    return [s for s in out if s.end > s.start]


def _subject(doc: _Doc, v: int, depth: int = 0) -> int | None:
    """The subject of verb ``v``; participles and coordinated verbs ("..., adding that ...")
    take the subject of the verb they hang on."""
    for c in doc.kids[v]:
        if doc.toks[c].dep == "nsubj":
            return c
    t = doc.toks[v]
    if depth < 2 and t.dep in ("advcl", "conj", "xcomp") and t.head != v:
        return _subject(doc, t.head, depth + 1)
    return None


def _according(doc: _Doc, i: int) -> tuple[int, int] | None:
    """(last cue token, source head) of "according to X" at token ``i``."""
    if doc.toks[i].text.lower() != "according":
        return None
    for c in doc.kids[i]:
        if doc.toks[c].text.lower() == "to":
            objs = [o for o in doc.kids[c] if doc.toks[o].dep == "pobj"]
            if objs:
                return c, objs[0]
    return None


def _frame_cue(doc: _Doc, lo: int, hi: int, last: bool, after: bool) -> tuple | None:
    """The attribution in tokens lo..hi next to a quote: ((cue first, cue last), subject)."""
    order = range(hi, lo - 1, -1) if last else range(lo, hi + 1)
    for i in order:
        t = doc.toks[i]
        if doc.quoted[i]:
            continue
        acc = _according(doc, i)
        if acc and not doc.quoted[acc[1]]:
            return (i, acc[0]), acc[1]
        if t.pos not in ("VERB", "AUX") or t.lemma.lower() not in cues.FRAME_CUES:
            continue
        s = _subject(doc, i)
        if s is None or doc.quoted[s] or doc.toks[s].sent != t.sent:
            continue
        if after and any(doc.toks[c].dep in ("ccomp", "xcomp") and c > i and not doc.quoted[c]
                         for c in doc.kids[i]):
            continue  # a reported-speech sentence of its own, not this quote's frame
        return (i, i), s
    return None


def _after_frame(doc: _Doc, seg: _Seg, limit: int) -> tuple | None:
    """Attribution right after a closed segment: '"...," she said.' / '"...," said X.'"""
    if not seg.closed:
        return None
    lo = doc.tok_at(seg.end + 1)
    if lo >= len(doc.toks) or doc.toks[lo].start >= limit:
        return None
    inner_end = doc.text[seg.start:seg.end].rstrip()[-1:]
    if inner_end not in ",?!.—–-…" and doc.toks[lo].text != ",":
        return None
    sent, hi = doc.toks[lo].sent, lo
    while hi + 1 < len(doc.toks) and hi - lo < _MAX_FRAME and doc.toks[hi + 1].start < limit \
            and doc.toks[hi + 1].sent == sent:
        hi += 1
    return _frame_cue(doc, lo, hi, last=False, after=True)


def _before_frame(doc: _Doc, seg: _Seg, limit: int) -> tuple | None:
    """Attribution right before a segment: 'He said, "..."', 'He added: "..."', 'He says
    "...".' (the quote then ends the sentence), or the previous paragraph ending in a colon."""
    hi = doc.tok_at(seg.open_mark) - 1
    if hi < 0:
        return None
    last = doc.toks[hi]
    if last.start < doc.paras[seg.para][0]:  # the quote opens its paragraph
        if last.text != ":" or seg.para == 0 or doc.para_of(last.start) != seg.para - 1:
            return None
        limit = doc.paras[seg.para - 1][0]
    elif last.text not in (",", ":", "—") and not (
            last.lemma.lower() in cues.FRAME_CUES and _ends_sentence(doc, seg)):
        return None
    lo, sent = hi, last.sent
    while lo > 0 and hi - lo < _MAX_FRAME and doc.toks[lo - 1].sent == sent \
            and doc.toks[lo - 1].start >= limit:
        lo -= 1
    return _frame_cue(doc, lo, hi, last=True, after=False)


def _ends_sentence(doc: _Doc, seg: _Seg) -> bool:
    """The quote closes its sentence ('..."' then nothing or '.')."""
    if not seg.closed:
        return True
    inner = doc.text[seg.start:seg.end].rstrip()[-1:]
    after = doc.text[seg.end:doc.paras[seg.para][1]].lstrip("\"”’' ")[:1]
    return inner in ".?!…" or after in ("", ".", "?", "!")


def _starts_sentence(doc: _Doc, seg: _Seg, since: int) -> bool:
    """Nothing but a finished sentence (or nothing) precedes the quote since ``since``."""
    before = doc.text[since:seg.open_mark].rstrip()
    return not before or before[-1] in ".?!:;…\"”"


def _direct(doc: _Doc, segs: list[_Seg]) -> tuple[list[_Cand], list[_Cand]]:
    """Group segments into quotes and attribute them. Returns (attributed quotes, quotes
    that open a paragraph without any attribution: maybe a continuation, see below)."""
    out, orphans, cur = [], [], None
    for n, seg in enumerate(segs):
        prev = segs[n - 1] if n else None
        same_para = prev is not None and prev.para == seg.para
        since = (prev.end + 1) if same_para else doc.paras[seg.para][0]
        nxt = segs[n + 1].open_mark if n + 1 < len(segs) and segs[n + 1].para == seg.para \
            else doc.paras[seg.para][1]
        chained = prev is not None and not prev.closed and seg.para == prev.para + 1 \
            and seg.open_mark == doc.paras[seg.para][0]
        before = _before_frame(doc, seg, since)
        frame = before or _after_frame(doc, seg, nxt)
        opens = _starts_sentence(doc, seg, since)
        if cur is not None and (chained or (frame and frame[0] == cur.cue)
                                or (not frame and same_para and opens and cur.subj >= 0)):
            cur.segs.append(seg)
            if cur.subj < 0 and frame:
                cur.cue, cur.subj = frame
            continue
        cur = _Cand(frame[1] if frame else -1, frame[0] if frame else (-1, -1), [], True, [seg])
        (out if frame else orphans).append(cur)
        if frame and not before and not opens:  # 'Oz is "smart," she said': the whole clause
            first = doc.sents[doc.toks[doc.tok_at(seg.start)].sent].start
            cur.content = [(max(first, since), seg.open_mark)]
    for c in out + orphans:  # orphans may have been attributed by a later chained segment
        c.content = _strip(doc, c.content + [(s.start, s.end) for s in c.segs])
    attributed = [c for c in out + orphans if c.subj >= 0]
    left = [c for c in orphans if c.subj < 0 and c.segs[0].open_mark == doc.paras[c.segs[0].para][0]]
    return attributed, left


def _strip(doc: _Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans without surrounding white space; a prefix span is merged with its quote."""
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
    paragraph's last attribution (added to it when that was a direct quote too)."""
    by_para: dict[int, _Cand] = {}
    for c in cands:
        by_para[doc.para_of(doc.toks[c.cue[0]].start)] = c
    for o in orphans:
        last = by_para.get(o.segs[0].para - 1)
        if last is None:
            continue
        if last.direct and last.label is None:
            last.content += o.content
            by_para[o.segs[-1].para] = last
        else:
            new = _Cand(last.subj, last.cue, o.content, True, o.segs, last.label)
            cands.append(new)
            by_para[o.segs[-1].para] = new
    cands.sort(key=lambda c: c.cue[0])


# --- 3. reported speech ---------------------------------------------------------------------

def _reported(doc: _Doc, used: set[int]) -> list[_Cand]:
    """Cue verbs with a subject and a complement outside quotes, and "according to X"."""
    out = []
    for t in doc.toks:
        i = t.i
        if doc.quoted[i] or i in used:
            continue
        acc = _according(doc, i)
        if acc:
            content = _according_content(doc, i, acc[1])
            if content:
                out.append(_Cand(acc[1], (i, acc[0]), content, False))
            continue
        lemma = t.lemma.lower()
        if t.pos not in ("VERB", "AUX") or (lemma not in cues.CLAUSE_CUES and lemma not in cues.TO_CUES):
            continue
        subj = _subject(doc, i)
        if subj is None or doc.quoted[subj] or doc.para_of(doc.toks[subj].start) != doc.para_of(t.start):
            continue
        found = _colon_content(doc, i)
        if not found and (found := _complement(doc, i, lemma)):
            ps, pe = doc.para_span(t.start)  # a bad sentence split may cross paragraphs
            found = found[0], [(max(s, ps), min(e, pe)) for s, e in found[1] if e > ps and s < pe]
        if found and found[1]:
            cue_end, content = found
            if not any(s <= doc.toks[subj].start < e for s, e in content):
                out.append(_Cand(subj, (i, cue_end), content, False))
    return out


def _complement(doc: _Doc, i: int, lemma: str) -> tuple[int, list] | None:
    """(last cue token, content spans) of what cue ``i`` reports."""
    toks = doc.toks
    for c in doc.kids[i]:
        dep = toks[c].dep
        if (dep == "ccomp" and lemma in cues.CLAUSE_CUES) or (dep == "xcomp" and lemma in cues.TO_CUES):
            span = doc.chars(*doc.subtree(c))
            if span and doc.subtree(c)[1] - doc.subtree(c)[0] >= 1:
                return i, [span]
    for c in doc.kids[i]:  # "called for X", "called on X to ...", "pointed out that ..."
        if toks[c].dep in ("prep", "prt") and toks[c].text.lower() in cues.CUE_PARTICLES.get(lemma, ()):
            rest = [k for k in doc.kids[c]] + [k for k in doc.kids[i] if k > c and toks[k].dep in ("ccomp", "dobj")]
            if rest:
                lo, hi = doc.subtree(min(rest))[0], max(doc.subtree(k)[1] for k in rest)
                span = doc.chars(lo, hi)
                if span:
                    return c, [span]
    t = toks[i]
    if t.dep == "parataxis" and t.head < i:  # "The plan, he said, will fail."
        lo, hi = doc.subtree(t.head)
        clo, chi = doc.subtree(i)
        spans = [s for s in (doc.chars(lo, clo - 1) if clo > lo else None,
                             doc.chars(chi + 1, hi) if chi < hi else None) if s]
        if spans:
            return i, spans
    return None


def _colon_content(doc: _Doc, i: int) -> tuple[int, list] | None:
    """'X said: words' with no quote marks: the rest of the paragraph (or the next one)."""
    j = i + 1
    while j < len(doc.toks) and j <= i + 3 and doc.toks[j].text != ":" and doc.toks[j].head == i \
            and doc.toks[j].dep in ("npadvmod", "advmod"):
        j += 1
    if j >= len(doc.toks) or doc.toks[j].text != ":":
        return None
    p = doc.para_of(doc.toks[j].start)
    start, end = doc.toks[j].end, doc.paras[p][1]
    if not doc.text[start:end].strip() and p + 1 < len(doc.paras):
        start, end = doc.paras[p + 1]
    start += len(doc.text[start:end]) - len(doc.text[start:end].lstrip())
    if end - start < 3 or doc.text[start] in "\"“«" or doc.quoted[min(doc.tok_at(start), len(doc.toks) - 1)]:
        return None
    return i, [(start, end)]


def _according_content(doc: _Doc, i: int, src: int) -> list | None:
    """The sentence around "according to X", without that phrase."""
    s = doc.sents[doc.toks[i].sent]
    plo, phi = i, max(doc.subtree(src)[1], i + 1)
    spans = [x for x in (doc.chars(s.start_tok, plo - 1) if plo > s.start_tok else None,
                         doc.chars(phi + 1, s.end_tok - 1) if phi + 1 < s.end_tok else None) if x]
    return spans or None


def _inside_direct(c: _Cand, direct: list[_Cand]) -> bool:
    """Reported content that is mostly one of the direct quotes already found."""
    size = sum(e - s for s, e in c.content) or 1
    for d in direct:
        ov = sum(max(0, min(e, de) - max(s, ds)) for s, e in c.content for ds, de in d.content)
        if ov * 2 > size:
            return True
    return False


# --- 4. speakers ----------------------------------------------------------------------------

def _np(doc: _Doc, h: int) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``h``, cut before clauses, appositions and
    commas: "Jane Roe, the senator who ..." -> "Jane Roe"."""
    lo, hi = doc.subtree(h)
    right = h
    for c in sorted(doc.kids[h]):
        if c < h:
            continue
        if doc.toks[c].dep in _NP_STOP and not (doc.toks[c].dep == "prep" and doc.toks[c].text.lower() in ("of", "by", "from", "for", "at")):
            break
        right = doc.subtree(c)[1]
    ps, pe = doc.para_span(doc.toks[h].start)  # a bad sentence split may cross paragraphs
    while lo < h and (doc.toks[lo].pos == "PUNCT" or doc.quoted[lo] or doc.toks[lo].start < ps):
        lo += 1
    while right > h and doc.toks[right].end > pe:
        right -= 1
    return lo, right


def _resolve(doc: _Doc, cands: list[_Cand]) -> list[Quote]:
    """Speaker spans and keys, in text order (pronouns depend on earlier speakers)."""
    res = _Resolver(doc)
    out = []
    for c in cands:
        if c.label:
            ls, le = c.label
            key = res.label_key(ls, le)
            speaker = Span(ls, le, doc.text[ls:le])
        else:
            lo, hi = _np(doc, c.subj)
            s, e = doc.toks[lo].start, doc.toks[hi].end
            speaker = Span(s, e, doc.text[s:e])
            key = res.key(c, lo, hi)
        content = [(s, e) for s, e in c.content if e > s]
        if not content:
            continue
        res.said(doc.toks[c.cue[0]].sent, key)
        cs, ce = doc.toks[c.cue[0]].start, doc.toks[c.cue[1]].end
        out.append(Quote(speaker, key, Span(cs, ce, doc.text[cs:ce]), content, c.direct))
    return out


class _Resolver:
    """Maps speaker phrases to mention keys; remembers who spoke in which sentence."""

    def __init__(self, doc: _Doc):
        self.doc = doc
        self.speakers: dict[int, str] = {}  # sentence -> key of a person who spoke in it
        self.labels = {m.key: m.label for m in doc.mentions}
        self.gender: dict[str, str] = {}
        for m in doc.mentions:  # "Mr. Roe" / "Ms. Roe" tell the person's gender
            i = doc.tok_at(m.start)
            prev = doc.toks[i - 1].text.lower() if i > 0 else ""
            if m.label == PERSON and (prev in cues.MALE_TITLES or prev in cues.FEMALE_TITLES):
                self.gender.setdefault(m.key, "m" if prev in cues.MALE_TITLES else "f")

    def said(self, sent: int, key: str | None) -> None:
        if key and self.labels.get(key) == PERSON:
            self.speakers[sent] = key

    def label_key(self, start: int, end: int) -> str | None:
        """Key of a "NAME:" label: its mention, else a person whose name ends with it."""
        inside = self.doc.mentions_in(start, end)
        if inside:
            return inside[0].key
        last = self.doc.text[start:end].lower().split()[-1]
        for m in self.doc.mentions:
            if m.label == PERSON and m.text.lower().split()[-1] == last:
                return m.key
        return None

    def key(self, c: _Cand, lo: int, hi: int) -> str | None:
        doc = self.doc
        head = doc.toks[c.subj]
        word = head.text.lower()
        if word in cues.PERSON_PRONOUNS:
            return self.person_before(head.start, head.sent, "m" if word in cues.MALE else "f")
        if word in cues.THING_PRONOUNS:
            return self.thing_before(head.start, head.sent)
        verb = doc.toks[c.cue[0]]
        if word in cues.RELATIVE_PRONOUNS and verb.dep == "relcl":
            return self.key(_Cand(verb.head, c.cue, [], False), *_np(doc, verb.head))
        ms = doc.mentions_in(doc.toks[lo].start, doc.toks[hi].end)
        for m in ms:
            if m.start <= head.start < m.end:
                return m.key
        lemma = head.lemma.lower()
        if ms and (lemma in cues.REPRESENTATIVES or lemma in cues.DOCUMENTS):
            return ms[0].key
        dets = {doc.toks[k].text.lower() for k in doc.kids[c.subj] if doc.toks[k].dep == "det"}
        if not ms and lemma in cues.PERSON_TITLES and head.tag == "NN" and dets & {"the", "this"}:
            return self.titled_before(head.start, head.sent, lemma)
        return None

    def person_before(self, char: int, sent: int, gender: str | None) -> str | None:
        """The person a pronoun at ``char`` refers to: going back sentence by sentence, the
        speaker of an attribution there, else a person subject, else the first person."""
        doc = self.doc
        for s in range(sent, max(-1, sent - _LOOKBACK), -1):
            key = self.speakers.get(s)
            if key and self._fits(key, gender):
                return key
            sn = doc.sents[s]
            persons = [m for m in doc.mentions_in(sn.start, min(sn.end, char)) if m.label == PERSON
                       and m.end <= char and not doc.quoted[doc.tok_at(m.start)] and self._fits(m.key, gender)]
            subjects = [m for m in persons if self._is_subject(m)]
            if subjects or persons:
                return (subjects or persons)[-1 if subjects else 0].key
        return None

    def titled_before(self, char: int, sent: int, title: str) -> str | None:
        """The person a role noun ("the senator") refers to: one named with that title
        earlier ("Sen. Jane Roe"), else as for a pronoun."""
        doc = self.doc
        for m in reversed(doc.mentions_in(0, char)):
            i = doc.tok_at(m.start)
            if m.label == PERSON and i > 0:
                prev = doc.toks[i - 1].text.lower()
                if title in (prev, cues.TITLE_ABBREVIATIONS.get(prev)):
                    return m.key
        return self.person_before(char, sent, None)

    def thing_before(self, char: int, sent: int) -> str | None:
        """"it said": the latest organization or country named as a subject."""
        doc = self.doc
        for s in range(sent, max(-1, sent - _LOOKBACK), -1):
            sn = doc.sents[s]
            for m in reversed(doc.mentions_in(sn.start, min(sn.end, char))):
                if m.label in (ORGANIZATION, COUNTRY) and self._is_subject(m):
                    return m.key
        return None

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
