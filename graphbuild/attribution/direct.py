"""Direct quotes: quote marks paired into segments, each attributed by the frame next to it.

Marks are paired per paragraph (single quotes inside double ones, and curly quotes inside
curly ones, are nested); one left open at a paragraph's end goes on in the next paragraph
if that opens with a mark. A segment is attributed by the *frame* next to it: after it
('"...," she said'), before it when that ends in a comma or colon ('He added: "..."'), or
between two segments; a name after a dash closing the paragraph signs it. Segments
without a frame continue the quote before them when they open a sentence, follow it with
only "and" / "or" / "but" between ('"...," and, "..."'), or open a whole following
paragraph; a segment right after the frame that splits a quote goes on with it ('"A," she
elaborated, "B."'); a segment ending the sentence after a quote's frame continues it with that
sentence ('"A," X said. But "B."'); a title in the frame ('X said on "Meet Y." "B."') does
not end the quote; the rest are scare quotes and dropped, or part of the clause a framed
quote later in their sentence ends ('Guns are "a crisis" and "stunt growth," Roe said').
"""

from __future__ import annotations

import re
from bisect import bisect_right

from graphbuild.attribution.doc import Candidate, QuoteDoc, Segment
from graphbuild.attribution.framing import (
    after_colon,
    after_frame,
    before_frame,
    cue_verb,
    starts_sentence,
)
from graphbuild.lexicon import cues

_MARKS = re.compile(r"''|[“”\"«»‘’]")  # '' is a double quote in some wire copy
_CLOSER = {"“": "”", "«": "»", '"': '"', "‘": "’"}
_GAP = frozenset(" .!?\n\u00a0\"”’'")  # between reported content and a quote that goes on
_OWN_CUES = cues.FRAME_CUES | cues.ALL_CUES  # a sentence with one of these reports something itself


def segments(doc: QuoteDoc) -> list[Segment]:
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
                if (
                    ch in "“«"
                    or (ch == '"' and not (after.isspace() and before.isalnum()))
                    or (ch == "‘" and not before.isalnum() and not after.isspace())
                ):
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
                out.append(Segment(at_end, pos, p, at, True))
                opener = None
        if opener is not None and opener != "‘":
            out.append(Segment(at_end, pe, p, at, False))
    return [s for s in out if s.end > s.start]


def direct_quotes(doc: QuoteDoc, segs: list[Segment]) -> tuple[list[Candidate], list[Candidate]]:
    """Group segments into attributed quotes. Also returns the unattributed quotes that
    open a sentence: they may continue the reported speech before them or the previous
    paragraph's speaker."""
    out, cur = [], None
    for n, seg in enumerate(segs):
        prev = segs[n - 1] if n else None
        same_para = prev is not None and prev.para == seg.para
        since = _past_mark(doc, prev) if prev is not None and same_para else doc.paras[seg.para][0]
        nxt = segs[n + 1].open_mark if n + 1 < len(segs) and segs[n + 1].para == seg.para else doc.paras[seg.para][1]
        chained = (
            prev is not None
            and not prev.closed
            and seg.para == prev.para + 1
            and seg.open_mark == doc.paras[seg.para][0]
        )
        before = before_frame(doc, seg, since)
        after = after_frame(doc, seg, nxt) if not before or after_colon(doc, seg) else None
        if before and after and cue_verb(doc, after):
            before = None  # 'Roe seemed irritated: "...," she wrote.': the verb after the quote
        frame = before or after
        opens = starts_sentence(doc, seg, since)
        goes_on = same_para and (opens or _joined(doc, prev, seg))
        if cur is not None and (
            chained or (frame and frame[0] == cur.cue) or (not frame and goes_on and cur.subj >= 0)
        ):
            cur.segs.append(seg)
            if cur.subj < 0 and frame:
                cur.cue, cur.subj = frame
            continue
        if cur is not None and same_para and not frame and _past_own_frame(doc, cur, prev, seg):
            cur.segs.append(seg)  # '"A," she elaborated, "B."': its frame splits one quote
            continue
        if cur is not None and prev is not None and same_para and not frame and not opens:
            if _closes_frame(doc, cur, seg, nxt):
                continue  # a title in the frame ('X said on "Meet Y." "B."'): the quote goes on after it
            if (lead := _ends_next_sentence(doc, cur, seg, prev)) is not None:
                cur.segs.append(seg)  # '"A," X said. But "B."': the words go on in the next sentence
                cur.content.append((lead, seg.open_mark))
                continue
        cur = Candidate(frame[1] if frame else -1, frame[0] if frame else (-1, -1), [], True, [seg])
        out.append(cur)
        if frame and not before and (gap := _before_own_frame(doc, seg, frame)) is not None:
            cur.content.append(gap)  # '"A," in sharp contrast to B, says Roe': B is hers too
        if frame and not before and not opens:  # 'Oz is "smart," she said': the whole clause
            first = doc.sents[doc.toks[doc.tok_at(seg.start)].sent].start
            cur.content = [(_clause_lead(doc, out, first, since), seg.open_mark)]
        elif before and (lead := _clause_before(doc, before[0][1], seg)) is not None:
            cur.content = [(lead, seg.open_mark)]  # 'He argued the plan "would fail"'
            last = min(doc.subtree(before[0][1])[1], doc.sents[doc.toks[before[0][1]].sent].end_tok - 1)
            if seg.closed and doc.toks[last].end <= nxt and doc.toks[last].start > seg.end + 1:
                tail = doc.chars(doc.tok_at(seg.end + 1), last)  # '... "would fail" without aid'
                if tail:
                    cur.content.append(tail)
        elif before and (subject := _subject_before_frame(doc, before, seg, since)) is not None:
            cur.content = [subject]  # 'The plan, she said, "is a mistake"'
        elif before and (tail := _unquoted_tail(doc, seg, nxt)) is not None:
            cur.content = [tail]  # 'He said, "We have a week" until the vote.'
    for c in out:
        c.content = _strip(doc, sorted(c.content + [(s.start, s.end) for s in c.segs]))
    orphans = [c for c in out if c.subj < 0 and starts_sentence(doc, c.segs[0], doc.paras[c.segs[0].para][0])]
    return [c for c in out if c.subj >= 0], orphans


def _before_own_frame(doc: QuoteDoc, seg: Segment, frame: tuple) -> tuple[int, int] | None:
    """Char span of the words set off by commas between a closed quote and the frame after
    it in the same sentence ('"A," in sharp contrast to B, says Roe', '"A," and sales rose, Roe
    said'): the writer's words go on with the quote's (PolNeAR keeps them in its content)."""
    toks, (cue, _), subj = doc.toks, frame[0], frame[1]
    lo = doc.tok_at(seg.end + 1)
    start = min([cue, *(a for a in doc.kids[cue] if toks[a].dep in ("aux", "neg") and a < cue)])
    if subj < cue:
        start = min(start, doc.subtree(subj)[0])
    while lo < start and toks[lo].pos == "PUNCT":
        lo += 1
    if not seg.closed or start - lo < 2 or toks[start - 1].text != ",":
        return None
    if any(doc.quoted[j] or toks[j].sent != toks[cue].sent for j in range(lo, start)):
        return None
    if all(toks[j].pos in ("PROPN", "PUNCT") for j in range(lo, start)):
        return None  # ('"A," Roe, who chairs it, said': the speaker's name, not words of hers)
    return doc.chars(lo, start - 1)


def _past_own_frame(doc: QuoteDoc, cur: Candidate, prev: Segment | None, seg: Segment) -> bool:
    """Whether segment ``seg`` comes right after the frame of ``cur``, whose last segment
    ``prev`` it follows in the same sentence with only that frame, a comma and maybe "and" /
    "or" between ('"A," she elaborated, "B."', '"A," he said, or "B."'): one quote the frame
    splits, even when no frame cue opens the second part."""
    if cur.subj < 0 or prev is None or not cur.segs or cur.segs[-1] is not prev or not prev.closed:
        return False
    cue = doc.toks[cur.cue[0]]
    lo, hi = doc.tok_at(prev.end + 1), doc.tok_at(seg.open_mark) - 1
    if not (prev.end < cue.start and cue.end <= seg.open_mark) or hi < lo:
        return False
    if any(doc.toks[j].sent != cue.sent for j in range(lo, hi + 1)):
        return False
    gap = doc.text[doc.toks[lo].start : seg.open_mark].rstrip()
    last = gap.split()[-1].lower() if gap.split() else ""
    if last in ("and", "or"):
        gap = gap[: -len(last)].rstrip()
    return gap.endswith(",")


def _clause_lead(doc: QuoteDoc, out: list[Candidate], first: int, since: int) -> int:
    """Where the clause that a framed quote in mid-sentence ends begins (``out[-1]`` is its
    candidate, ``first`` its sentence's start, ``since`` the end of the quote before it):
    just past that quote, or the sentence's start when the quotes before it in the sentence
    have no attribution of their own ('Guns are "a crisis" and "stunt growth," Roe said': one
    clause, hers; those quotes are dropped as quotes of their own). Not past a cue verb ('X
    said that "A" or "B," ...': the words around the quotes are X's)."""
    lead = max(first, since)
    if lead <= first or any(
        doc.toks[j].lemma.lower() in _OWN_CUES and doc.toks[j].pos in ("VERB", "AUX") and not doc.quoted[j]
        for j in range(doc.tok_at(first), doc.tok_at(lead))
    ):
        return lead
    if len(out) < 2 or out[-2].subj >= 0 or out[-2].segs[0].open_mark < first:
        return lead
    while len(out) >= 2 and out[-2].subj < 0 and out[-2].segs[0].open_mark >= first:
        out.pop(-2)
    return first


def _subject_before_frame(doc: QuoteDoc, frame: tuple, seg: Segment, since: int) -> tuple[int, int] | None:
    """Char span of the noun phrase before a frame set off by commas in the middle of a
    sentence whose quote goes on in lower case ('The plan, she said, "is a mistake"'): the
    quote ends the clause that noun phrase begins (not 'Minutes later, she said, "..."')."""
    toks, (cue, _), subj = doc.toks, frame[0], frame[1]
    if not doc.text[seg.start : seg.start + 1].islower():
        return None
    lo = doc.subtree(subj)[0] if subj < cue else cue
    if lo < 1 or toks[lo - 1].text != ",":
        return None
    first = max(doc.sents[toks[cue].sent].start_tok, doc.tok_at(since))
    lead = range(first, lo - 1)
    if not lead or doc.quoted[first] or any(toks[j].tag in ("VBD", "VBZ", "VBP", "MD") for j in lead):
        return None
    roots = [j for j in lead if toks[j].head not in lead and toks[j].pos != "PUNCT"]
    if not all(toks[j].pos in ("NOUN", "PROPN", "PRON") and toks[j].dep != "npadvmod" for j in roots):
        return None
    return doc.chars(first, lo - 2)


def _unquoted_tail(doc: QuoteDoc, seg: Segment, limit: int) -> tuple[int, int] | None:
    """Char span of the words right after a closed quote, with no comma between, to the
    end of its sentence ('said, "We have a week" until the vote'): the quoted clause goes
    on in the writer's words."""
    toks = doc.toks
    j = doc.tok_at(seg.end + 1)
    if not seg.closed or j >= len(toks) or toks[j].start >= limit or doc.quoted[j]:
        return None
    if doc.text[seg.end : toks[j].start].strip(" \"”’'") or toks[j].pos in ("PUNCT", "SPACE"):
        return None
    if doc.text[seg.start : seg.end].rstrip(" ’'\"”")[-1:] in (",", ".", "?", "!", ";", ":", "…", "—", "-"):
        return None  # ('"We'll see," when asked ...': the quote's own stop ends it)
    if toks[j].dep == "cc":
        return None  # ('... saying, "A" and vowing to ...': a second act)
    sn = toks[doc.tok_at(seg.end) - 1].sent
    if toks[j].sent != sn:
        return None
    last = doc.sents[sn].end_tok - 1
    while last > j and (toks[last].start >= limit or doc.quoted[last]):
        last -= 1
    return doc.chars(j, last)


def _clause_before(doc: QuoteDoc, cue: int, seg: Segment) -> int | None:
    """Start of the reported clause a quote ends, when the cue's complement begins before
    the quote mark ('He argued the plan, which few back, "would fail"'): that clause is
    what was said, the quote only its last words."""
    mark, kids = doc.tok_at(seg.open_mark), doc.kids[cue]
    clauses = [c for c in kids if doc.toks[c].dep in ("ccomp", "xcomp") and cue < c]
    if not clauses:
        return _object_before(doc, cue, mark)
    # (a clause's subject may be parsed as the cue's object: 'argued [the plan] "would fail"')
    starts = [doc.subtree(c)[0] for c in clauses] + [c for c in kids if doc.toks[c].dep == "dobj" and cue < c < mark]
    lo = min(starts)
    if cue < lo < mark and any(doc.toks[j].pos not in ("PUNCT", "SPACE") for j in range(lo, mark)):
        return doc.toks[doc.subtree(lo)[0]].start
    return None


def _object_before(doc: QuoteDoc, cue: int, mark: int) -> int | None:
    """Start of the cue's object right before a quote that says what it is ('called the
    plan "a costly mistake"': what was said is about the plan, so it is content too)."""
    toks, kids = doc.toks, doc.kids[cue]
    obj = next((c for c in kids if toks[c].dep == "dobj" and cue < c < mark and not doc.quoted[c]), None)
    if obj is None or any(toks[j].pos == "PUNCT" for j in range(doc.subtree(obj)[1] + 1, mark)):
        return None
    if not any(toks[c].dep in ("oprd", "ccomp", "xcomp") or doc.quoted[c] for c in kids if c >= mark):
        return None
    return toks[doc.subtree(obj)[0]].start


def _past_mark(doc: QuoteDoc, seg: Segment) -> int:
    """First char after the closing mark of ``seg`` (two chars for wire copy's '')."""
    return seg.end + (2 if doc.text.startswith("''", seg.end) else 1)


def _joined(doc: QuoteDoc, prev: Segment | None, seg: Segment) -> bool:
    """'"A," and, "B"': only a conjunction between two quotes, so B goes on with A."""
    if prev is None:
        return False
    gap = "".join(ch if ch.isalpha() or ch.isspace() else " " for ch in doc.text[prev.end : seg.open_mark])
    return gap.lower().split() in (["and"], ["or"], ["but"], ["and", "then"])


def _closes_frame(doc: QuoteDoc, cur: Candidate, seg: Segment, nxt: int) -> bool:
    """Whether segment ``seg`` is a title or scare quote in the sentence of ``cur``'s frame
    and that sentence ends before the next quote ('"A," Roe told "Meet Y" on Monday. "B."')."""
    cue = doc.toks[cur.cue[0]]
    return (
        cur.subj >= 0
        and seg.closed
        and cue.start < seg.open_mark
        and doc.toks[doc.tok_at(seg.start)].sent == cue.sent
        and doc.text[seg.start : nxt].rstrip(" \n\u00a0\"”’'")[-1:] in (".", "?", "!")
    )


def _ends_next_sentence(doc: QuoteDoc, cur: Candidate, seg: Segment, prev: Segment) -> int | None:
    """Start of the sentence that segment ``seg`` ends, when that sentence comes right
    after the sentence of ``cur``'s frame or last segment and has no cue of its own
    ('"A," Roe said. But "B."', '... Roe said. Now, "B."'); else None."""
    toks = doc.toks
    first, last = doc.tok_at(seg.start), doc.tok_at(seg.end) - 1
    if cur.subj < 0 or not seg.closed or first >= len(toks) or last < first:
        return None
    sn = toks[first].sent
    if not any(doc.toks[t].sent == sn - 1 for t in (cur.cue[0], doc.tok_at(prev.start))):
        return None
    start = doc.sents[sn].start_tok
    if toks[start].start <= prev.end:
        return None
    if doc.text[seg.end : toks[doc.sents[toks[last].sent].end_tok - 1].end].strip(" \n\u00a0.!?\"”’'"):
        return None  # the sentence goes on after the quote
    lead = range(start, doc.tok_at(seg.open_mark))
    if all(toks[j].pos in ("PUNCT", "SPACE") for j in lead):
        return None  # ('"A" - the crowd cheered "B!" - "C"': no sentence of the speaker's)
    if any(toks[j].lemma.lower() in _OWN_CUES and toks[j].pos in ("VERB", "AUX") for j in lead):
        return None
    return toks[start].start


def _strip(doc: QuoteDoc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans without surrounding white space; touching spans merged."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        piece = doc.text[s:e]
        s, e = s + len(piece) - len(piece.lstrip()), e - len(piece) + len(piece.rstrip())
        if out and s - out[-1][1] <= 2:
            out[-1] = (out[-1][0], e)
        elif e > s:
            out.append((s, e))
    return out


def continue_paragraphs(doc: QuoteDoc, cands: list[Candidate], orphans: list[Candidate]) -> None:
    """A quote with no attribution opening the sentence right after reported speech in
    its paragraph is part of what was reported ('X argued that A. "B."'). A quoted
    paragraph with no attribution continues the speaker of the previous paragraph's last
    attribution when that was a quote too (and is part of it) or a "NAME:" label. After
    reported speech it is more often someone else's words (right a quarter of the time
    on PolNeAR train), so it stays unattributed."""
    orphans = _after_reported(doc, cands, orphans)
    by_para = {doc.para_of(doc.toks[c.cue[0]].start): c for c in cands}
    for o in orphans:
        last = by_para.get(o.segs[0].para - 1)
        if last is None or not (last.direct or last.label):
            continue
        if last.direct and last.label is None:
            last.content += o.content
        else:
            last = Candidate(last.subj, last.cue, o.content, True, o.segs, last.label)
            cands.append(last)
        by_para[o.segs[-1].para] = last
    cands.sort(key=lambda c: c.cue[0])


def _after_reported(doc: QuoteDoc, cands: list[Candidate], orphans: list[Candidate]) -> list[Candidate]:
    """Join each unattributed quote that opens the sentence right after reported content in
    the same paragraph to that content (the speaker goes on in their own words); return
    the others that open a paragraph."""
    ends = sorted((max(e for _, e in c.content), n) for n, c in enumerate(cands) if not c.direct and not c.label)
    left = []
    for o in orphans:
        seg = o.segs[0]
        k = bisect_right(ends, (seg.open_mark, len(cands))) - 1
        if k >= 0:
            end, n = ends[k]
            if doc.para_of(end) == seg.para and all(ch in _GAP for ch in doc.text[end : seg.open_mark]):
                cands[n].content = cands[n].content + o.content
                continue
        if seg.open_mark == doc.paras[seg.para][0]:
            left.append(o)
    return left
