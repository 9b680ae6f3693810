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
   the frames of :mod:`.frames` ("X is critical of Y", "X was angered by Y"), cue nouns
   with a holder (:mod:`.nouns`: "X's claim that ...", "X's attack on Y"); "A, X
   said, B" for speech verbs ("A, the poll shows." for any); "what X called Y"
   (:mod:`.relatives`); "Y drew criticism from X" (:mod:`.light`); "X discussed Y", "X
   disputed Y", "X voted against Y", "voters backing X have ..." (:mod:`.stances`).
   Message verbs with a message noun ("X voiced concern that ...", "X made allegations
   against Y"). A bare object is what was said for object cues ("X cited Y"), for saying
   verbs with a message noun ("X noted her concern"), and for saying, stance and desire
   verbs ("X stressed the risks", "X supports the bill", "X wants a recount") in the main
   clause of a named speaker.
   What is reported stops where the cue's own clause does, at "; " and at ", but" + a
   clause of its own / ", which" / ", despite" / ", while" / ", noting ..." (outside
   quote marks), and before the words' setting ("at a rally", "on Tuesday") and a
   closing comment (", a move that ..."); it starts at the cue's object when the object
   is who is to act ("urged X to ...") or the subject of the clause (:mod:`.bounds`); what
   each cue reports is found by :mod:`.complements`, whether it states anything by
   :mod:`.gates`. No statement: a passive cue ("was asked"; but "Y was praised by X" is X's), a purpose
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

from graphbuild.attribution.bounds import around as _around
from graphbuild.attribution.bounds import clause_end as _clause_end
from graphbuild.attribution.bounds import goes_on as _goes_on
from graphbuild.attribution.bounds import span as _span
from graphbuild.attribution.complements import complement
from graphbuild.attribution.direct import continue_paragraphs, direct_quotes, segments
from graphbuild.attribution.doc import Candidate, QuoteDoc, cue_lemma
from graphbuild.attribution.findings import in_finding
from graphbuild.attribution.frames import attitude_predicate, verb_frame
from graphbuild.attribution.gates import no_statement, passes_message, stance_stated, thing_relative
from graphbuild.attribution.kinds import kind_of
from graphbuild.attribution.labels import headline_label
from graphbuild.attribution.light import LIGHT_VERBS, light_cue, received_from
from graphbuild.attribution.lost import cue_speaker
from graphbuild.attribution.nouns import held_noun, later_finding
from graphbuild.attribution.passives import as_reported_by, asked_by
from graphbuild.attribution.retag import mend_noun_verbs
from graphbuild.attribution.speakers import according_to, noun_phrase, resolve_speakers, subject_of
from graphbuild.attribution.stances import stance_cue
from graphbuild.graph.model import EVIDENCE, PERSON, SPEECH, Mention, ParsedArticle, Quote
from graphbuild.lexicon import cues

_CUE_POS = frozenset(("VERB", "AUX", "ADJ", "NOUN"))  # "according" is a VERB
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
    used = {c.cue[0] for c in direct} - _own_clause_after(doc, direct)
    index = _Spans(direct)
    cands = _outermost(doc, cands + direct + [c for c in _reported(doc, used) if not _inside(c, index)])
    continue_paragraphs(doc, cands, orphans)
    return resolve_speakers(doc, cands)


def _own_clause_after(doc: QuoteDoc, direct: list[Candidate]) -> set[int]:
    """Cues of direct quotes that all lie before the cue, when the cue has a clause of its
    own after it ('Roe, citing "the magic of it," said the plan would work', '"A title,"
    Roe said the plan would work'): the reported pass reads that clause too."""
    before: dict[int, bool] = {}
    for c in direct:
        i = c.cue[0]
        before[i] = before.get(i, True) and all(e <= doc.toks[i].start for _, e in c.content)
    return {
        i
        for i, ok in before.items()
        if ok and any(doc.toks[k].dep == "ccomp" and k > i and _has_subject(doc, k) for k in doc.kids[i])
    }


def _has_subject(doc: QuoteDoc, k: int) -> bool:
    """Whether clause ``k`` has a subject of its own before it, outside quote marks."""
    return any(doc.toks[c].dep in ("nsubj", "nsubjpass") and c < k and not doc.quoted[c] for c in doc.kids[k])


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
        later = None if acc or t.pos != "ADP" else later_finding(doc, i, _clause_end)
        subj: int | None
        found: tuple[int, list] | None
        if acc:
            subj = acc[1]  # the content is the sentence around "according to X"
            found = acc[0], _around(doc, doc.sents[t.sent], i, max(acc[2], i + 1))
        elif later:  # "Roe leads by nine points in the latest poll"
            subj, found = later
        elif verb and lemma in cues.AGENT_CUES and (passive := _by_agent(doc, i)):
            subj, found = passive
        elif verb and (
            asked := asked_by(doc, i, lemma) or received_from(doc, i, lemma) or as_reported_by(doc, i, lemma)
        ):
            subj, found = asked
        elif verb and lemma in LIGHT_VERBS and (light := light_cue(doc, i, lemma, _clause_end)):
            subj = subject_of(doc, i)
            if subj is None or doc.quoted[subj] or no_statement(doc, i) or thing_relative(doc, i, subj):
                continue
            found = light
        elif verb and (taken := stance_cue(doc, i, lemma)):  # "a group backing X", "X discussed Y"
            subj, found = taken
            if doc.quoted[subj] or no_statement(doc, i):
                continue
        elif verb and (lemma in cues.ALL_CUES or passes_message(doc, i, lemma)) and not no_statement(doc, i):
            subj = cue_speaker(doc, i)
            if subj is None or doc.quoted[subj]:
                continue
            if thing_relative(doc, i, subj) or (lemma in cues.STANCE_OBJECT and not stance_stated(doc, i, subj, lemma)):
                continue
            found = _answer(doc, i, lemma) or _parenthetical(doc, i, subj) or complement(doc, i, lemma)
        elif (
            (t.pos in ("ADJ", "NOUN") and (frame := attitude_predicate(doc, i, subject_of)))
            or (verb and (frame := verb_frame(doc, i)))
            or (t.pos == "NOUN" and (frame := held_noun(doc, i)))
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
                out.append(Candidate(subj, cue, content, False, kind=kind_of(doc, i, subj, bool(acc or later))))
    return out


def _by_agent(doc: QuoteDoc, i: int) -> tuple[int, tuple[int, list]] | None:
    """(speaker head, found) of 'Y was praised by X', 'Y is backed by X', 'Y was first
    reported by X', 'Y was seen by X as Z': X's words or stance about Y."""
    toks, kids = doc.toks, doc.kids[i]
    subj = next((c for c in kids if toks[c].dep == "nsubjpass"), None)
    if subj is None or toks[subj].text.lower() in cues.RELATIVE_PRONOUNS:
        return None
    by = doc.by_agent(i)
    if by is None:
        return None
    lo, hi = doc.subtree(subj)
    found = _span(doc, i, lo, hi)
    return (by, found) if found else None


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
