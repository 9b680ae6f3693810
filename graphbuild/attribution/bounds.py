"""Where the content of reported speech ends (no spaCy import).

What a cue reports runs from its complement to the end of the cue's own clause, but not
past what the speaker did next (", adding that ...", "and left"), the setting of the
words ("at a rally", "in an interview", "on Tuesday"), a break back to the narrator
("; ", ", but" + a clause of its own, ", which", ", despite", ", while", ", even though",
", noting ...", ", according to X"), or the writer's trailing comment on what was said
(", a charge that ..."). ", but that ...", ", and that ..." go on (a second reported
clause), and so does ", but never ..." (a second predicate of the same subject), an
infinitive on the cue ("praised the creation of a panel to review it"), a concession with
no verb (", though not likely, "), and what the parser hung on the cue but the content
goes on with (a verb in the form of one in the content, a modal second predicate, gerunds
after a colon: `_carries_on`). Quoted words always run on, to the closing mark of a
quote the content ends inside of. Each helper looks at one cue and the tokens of one
sentence (or one quote).
"""

from __future__ import annotations

from graphbuild.attribution.doc import QuoteDoc, cue_lemma
from graphbuild.lexicon import cues

# After a comma these start the narrator's words again, not the speaker's.
_BREAKS = frozenset("who which despite although though whereas while".split())
# after ", but" these go on with the speaker's own clause: "..., but never too slow"
_BUT_GOES_ON = frozenset("that rather also never not only instead still".split())
_SUBJECTS = frozenset(("nsubj", "nsubjpass", "expl", "csubj"))
_BREAK_PAIRS = frozenset((("even", "as"), ("even", "if"), ("even", "though"), ("even", "when"), ("according", "to")))
# ("denied it through a spokesman": who carried the words, like where they were said)
_SETTING_PREPS = frozenset(("at", "during", "after", "before", "compared", "through"))
_WHEN = frozenset(("DATE", "TIME"))
_DASHES = ("—", "–", "--", "-")
_CLOSERS = frozenset(('"', "”", "’", "'", "''"))
# where words are said: "criticized X in an interview", "... on a conference call"
_OCCASIONS = frozenset(
    "interview speech debate rally conference call meeting hearing statement letter address "
    "appearance broadcast show forum briefing event remarks podcast programme program".split()
)


def goes_on(doc: QuoteDoc, i: int, j: int) -> bool:
    """'A, she said, adding that B': a participle on cue ``i`` at token ``j`` reports B
    itself (or tells what the speaker did), so the frame's content is A alone."""
    return j < len(doc.toks) and doc.toks[j].tag == "VBG" and doc.toks[j].head == i and not doc.quoted[j]


def around(doc: QuoteDoc, sn, lo: int, hi: int, first: int = 0, last: int = 0) -> list:
    """Char spans of sentence ``sn`` (or tokens first..last) around tokens lo..hi."""
    first, last = (sn.start_tok, sn.end_tok - 1) if sn is not None else (first, last)
    return [
        s
        for s in (doc.chars(first, lo - 1) if lo > first else None, doc.chars(hi + 1, last) if hi < last else None)
        if s
    ]


def span(doc: QuoteDoc, cue_end: int, lo: int, hi: int) -> tuple[int, list] | None:
    """(cue_end, [char span of tokens lo..hi]), or None when that is no content."""
    # one word is content when it names someone ("endorsed Roe", "praised him"), not "said so"
    one = hi == lo and doc.toks[lo].pos in ("PROPN", "PRON")
    span = doc.chars(lo, hi) if hi > lo or one else None
    return (cue_end, [span]) if span else None


def complement_start(doc: QuoteDoc, i: int, c: int, clause: bool) -> int:
    """First token of what cue ``i`` reports with its complement ``c`` (an infinitive, or
    a clause when ``clause``): the cue's object before ``c`` is part of it when ``c`` is
    an infinitive ("urged the council to reject it": who is to act is what was urged) or
    a clause without a subject of its own (the parser took the clause's subject for the
    cue's object: "showed [the city] won twice")."""
    toks = doc.toks
    lo = doc.subtree(c)[0]
    if clause and any(toks[k].dep in _SUBJECTS for k in doc.kids[c]):
        return lo
    obj = next((o for o in doc.kids[i] if toks[o].dep == "dobj" and i < o < c), None)
    return lo if obj is None else min(lo, doc.subtree(obj)[0])


def clause_end(doc: QuoteDoc, i: int, c: int) -> int:
    """Last token of what cue ``i`` reports from token ``c`` on: the sentence's end, unless
    the cue goes on ("..., adding that ...", "and suggested ..."), or at ";" / ", which"."""
    toks = doc.toks
    end = min(doc.sents[toks[i].sent].end_tok - 1, doc.subtree(i)[1])  # never past the cue's clause
    # (the "and" before what the speaker did next stands between no setting and that act)
    later = [k for k in doc.kids[i] if k > c and not doc.quoted[k] and toks[k].pos != "PUNCT" and toks[k].dep != "cc"]
    stop = next(
        (n for n, k in enumerate(later) if _goes_on_after(doc, k) and not _carries_on(doc, i, c, k)), len(later)
    )
    for n, k in enumerate(later):  # (settings right before what the speaker did next go too)
        if n == stop or all(_setting(doc, x) for x in later[n:stop]):
            end = min(end, doc.subtree(k)[0] - 1)
            break
    for j in range(c, end):
        t = toks[j]
        if doc.quoted[j]:
            if _after_quote(doc, j):  # 'said he had "grown the party," claiming ...' / ", which ..."
                end = j  # (the quote's closing mark)
                break
            continue  # the speaker's own words run on
        if t.text == ";" or (t.text == "," and _narrator_again(doc, j + 1)):
            return j - 1
        if (
            t.text == ","
            and toks[j + 1].tag == "VBG"
            and cue_lemma(toks[j + 1]) in cues.SPEECH_CUES
            and not doc.quoted[j + 1]
        ):
            return j - 1
        if (
            t.dep == "conj"
            and t.tag == toks[i].tag
            and t.lemma.lower() in cues.SPEECH_CUES
            and not any(toks[k].dep == "nsubj" for k in doc.kids[j])
        ):
            return j - 1  # "said that A and suggested that B" parsed as one clause (not "... and hoped B")
        if t.text == "," and _comparison_after_figure(doc, j):
            return j - 1
        if _other_speaker(doc, c, j):
            return doc.subtree(j)[0] - 1
        if _participle_after_infinitive(doc, c, j):
            return j - 1
        if _finite_after_infinitive(doc, c, j):
            return doc.subtree(j)[0] - 1
    return _quote_runs_on(doc, _before_aside(doc, c, end))


def _narrator_again(doc: QuoteDoc, j: int) -> bool:
    """Whether the words from token ``j`` on, after a comma, are the narrator's again."""
    word = doc.toks[j].text.lower()
    nxt = doc.toks[j + 1].text.lower() if j + 1 < len(doc.toks) else ""
    if word == "but":
        return _but_new_clause(doc, j)
    if (word in ("though", "although") or (word, nxt) == ("even", "though")) and _verbless_aside(doc, j):
        return False
    return word in _BREAKS or (word, nxt) in _BREAK_PAIRS


def _verbless_aside(doc: QuoteDoc, j: int) -> bool:
    """Whether the concession opened by "though" at token ``j`` has no verb or subject up
    to the next comma or stop ("was possible, though not likely, that ...", "a crucial,
    although brief, chance", "fake news, though mixed with truth"): a qualification
    inside what was said, not the narrator's clause ("..., though he lost")."""
    toks = doc.toks
    start = k = j + 1 + (toks[j].text.lower() == "even")
    end = doc.sents[toks[j].sent].end_tok
    while k < end and toks[k].text not in (",", ";", ".", "!", "?", ":") and not doc.quoted[k]:
        if toks[k].tag in ("VBD", "VBZ", "VBP", "MD") or toks[k].dep in _SUBJECTS:
            return False
        k += 1
    return k > start and (k == end or toks[k].text in (",", ".", "!", "?"))


def _but_new_clause(doc: QuoteDoc, j: int) -> bool:
    """Whether ", but" at token ``j`` starts a clause with a subject of its own (the
    narrator's turn: "..., but the council approved it"), not a second reported clause
    (", but that ...", ", but rather ..."), the speaker's quoted words, or a second
    predicate or phrase of what was said (", but never too slow", "not X, but Y")."""
    toks = doc.toks
    if j + 1 >= len(toks) or doc.quoted[j + 1] or toks[j + 1].text.lower() in _BUT_GOES_ON:
        return False
    conj = next((k for k in doc.kids[toks[j].head] if k > j and toks[k].dep == "conj"), None)
    if conj is None:
        return True
    if toks[conj].pos in ("VERB", "AUX"):
        return any(toks[k].dep in _SUBJECTS for k in doc.kids[conj])
    return toks[conj].pos not in ("NOUN", "PROPN", "ADJ", "ADV", "NUM", "PRON")


def _quote_runs_on(doc: QuoteDoc, end: int) -> int:
    """``end``, or the last token of the quote that the content ends inside of ('he said
    the plan "will fail. Nobody wants it"'): the speaker's words run to its closing mark,
    within the paragraph."""
    toks, last = doc.toks, end
    while last > 0 and toks[last].pos == "PUNCT":  # (an opening mark the sentence ends on is no quote of its)
        last -= 1
    if not doc.quoted[last]:
        return end
    pe = doc.para_span(toks[last].start)[1]
    while last + 1 < len(toks) and doc.quoted[last + 1] and toks[last + 1].start < pe:
        last += 1
    return max(end, last)


def _goes_on_after(doc: QuoteDoc, k: int) -> bool:
    """Whether the cue's child ``k`` starts something else the speaker did: "..., adding
    that ...", "and suggested ...", "and left"."""
    t, toks = doc.toks[k], doc.toks
    if t.dep == "xcomp" and any(toks[a].text.lower() == "to" for a in doc.kids[k]):
        return False  # "urged leaders to explain ...": what they were urged to do is content
    if t.dep == "advcl" and any(toks[a].text.lower() == "to" and toks[a].dep == "aux" for a in doc.kids[k]):
        return False  # "backed the creation of a panel to review it": the infinitive is the object's
    if t.dep == "conj" and any(
        toks[a].text.lower() in ("that", "whether") and toks[a].dep == "mark" for a in doc.kids[k]
    ):
        return False  # "said A, and that B": a second reported clause
    if t.dep == "advcl" and _as_predicate(doc, t.head, k):
        return False  # "described the harbour as short of boats ...": what the object was said to be
    return t.dep in ("conj", "advcl", "xcomp", "parataxis") and (
        t.lemma.lower() in cues.ALL_CUES
        or (t.tag in ("VBG", "VBN") and t.dep == "advcl")
        or (t.dep == "conj" and t.pos in ("VERB", "AUX"))
    )


def _carries_on(doc: QuoteDoc, i: int, c: int, k: int) -> bool:
    """Whether the cue's child ``k`` after the content from ``c``, which would end it as
    the speaker's next act, goes on with what was said: a verb in the form of one inside
    the content and not the cue's ("backed plans to build X, widen Y and cut Z", "avoid
    voting or sitting out"), a modal predicate with no subject of its own ("said the plan
    was late and would cost more": the parser hung the content's second predicate on the
    cue; a negated one, "..., but could not vote", is the narrator's), or a list of
    gerunds after a colon or a gerund ("named her pledges: rebuilding X, taking care of
    Y", "ending X, limiting Y and binding Z")."""
    t, toks = doc.toks[k], doc.toks
    kids = doc.kids[k]
    if doc.quoted[k] or any(toks[a].dep in _SUBJECTS for a in kids) or cue_lemma(t) in cues.ALL_CUES:
        return False
    lo, hi = doc.subtree(c)
    inside = range(lo, min(hi, k - 1) + 1)
    if t.dep == "conj" and t.tag in ("VB", "VBG") and t.tag != toks[i].tag:
        if not any(toks[a].dep == "aux" for a in kids):
            return any(j != i and toks[j].tag == t.tag and toks[j].pos in ("VERB", "AUX") for j in inside)
        modal = any(toks[a].tag == "MD" for a in kids)
        return t.tag == "VB" and modal and not any(toks[a].dep == "neg" for a in kids)
    if t.dep != "advcl" or t.tag != "VBG":
        return False
    first = doc.subtree(k)[0]
    if toks[first - 1].text == ":":
        return True
    listed = any(toks[a].dep == "conj" and toks[a].tag == "VBG" for a in kids)
    return (
        toks[first - 1].text == ","
        and listed
        and any(toks[j].tag == "VBG" and not doc.quoted[j] for j in range(lo, first - 1))
    )


def _as_predicate(doc: QuoteDoc, i: int, k: int) -> bool:
    """Whether clause ``k`` on cue ``i`` is opened by "as" right after the cue's object, with
    no subject of its own ("sees Roe as captured by ...", "painted it as failing"): the
    parser's clause for what the object is said to be."""
    toks = doc.toks
    obj = next((o for o in doc.kids[i] if toks[o].dep == "dobj" and i < o < k), None)
    if obj is None or any(toks[a].dep in _SUBJECTS for a in doc.kids[k]):
        return False
    mark = doc.subtree(k)[0]
    return toks[mark].text.lower() == "as" and toks[mark].dep == "mark" and mark == doc.subtree(obj)[1] + 1


def _goes_on_object(doc: QuoteDoc, j: int, lo: int) -> bool:
    """Whether the noun phrase ``j`` (first token ``lo``) after a comma goes on with what
    was said rather than comment on it: a part singled out ("the efforts, particularly the
    plans ...") or a second thing of the speaker's own ("my judgment, my honesty"; after a
    name, "Roe, his adviser" describes Roe)."""
    toks = doc.toks
    if toks[lo].text.lower() in cues.SINGLING_OUT:
        return True
    return toks[lo].tag == "PRP$" and toks[j].dep == "appos" and toks[toks[j].head].pos == "NOUN"


def _setting(doc: QuoteDoc, k: int) -> bool:
    """Whether the cue's child ``k`` tells when, where or through whom the words were said
    ("praised Roe at a rally", "... on Tuesday", "criticized it Monday", "denied it through
    a spokesman", "attacked Roe from the floor"): the narrator's, not content."""
    t, toks = doc.toks[k], doc.toks
    if t.dep == "npadvmod":
        return t.ent_type in _WHEN
    if t.dep != "prep":
        return False
    objs = [o for o in doc.kids[k] if toks[o].dep == "pobj"]
    word = t.text.lower()
    if word in _SETTING_PREPS:
        return True
    if word == "from" and cue_lemma(toks[t.head]) in cues.JUDGEMENT_VERBS:
        return True  # "attacked Roe from the Senate floor", "criticized it from the left"
    when = word in ("on", "in") and any(toks[o].ent_type in _WHEN for o in objs)
    return when or (word in ("in", "on") and any(cue_lemma(toks[o]) in _OCCASIONS for o in objs))


def _before_aside(doc: QuoteDoc, c: int, end: int) -> int:
    """``end``, or the token before a trailing ", a charge that ..." / ", the senator": an
    apposition closing the content (or a noun phrase after a comma the parser took for an
    object: "..., a move that angered ...", or "a"/"an" after a dash) describes what was
    said, in the writer's words."""
    toks, last = doc.toks, end
    while last > c and toks[last].pos in ("PUNCT", "SPACE"):  # (a paragraph's last sentence ends in a line break)
        last -= 1
    for j in range(c + 1, last + 1):
        t = toks[j]
        if t.pos not in ("NOUN", "PROPN") or doc.quoted[j]:
            continue
        lo, hi = doc.subtree(j)
        if hi < last or lo <= c + 1 or _goes_on_object(doc, j, lo):
            continue
        if t.dep in ("appos", "dobj") and toks[lo - 1].text == "," and not _listed(doc, j, lo):
            return lo - 2
        if _indefinite_aside(doc, j, lo):
            return lo - 2
    return end


def _indefinite_aside(doc: QuoteDoc, j: int, lo: int) -> bool:
    """Whether the noun phrase ``j`` opened by "a"/"an" after a comma or dash is a closing
    comment, however the parser hung it ("... by 1.6 percent, a pace few expected",
    "... - a proposal he has raised before"), not a list's next item or an object."""
    toks = doc.toks
    return (
        toks[lo - 1].text in (",", *_DASHES)
        and toks[lo].text.lower() in ("a", "an")
        and toks[j].dep != "conj"
        and not _listed(doc, j, lo)
    )


def _listed(doc: QuoteDoc, j: int, lo: int) -> bool:
    """Whether the noun phrase at ``j`` after a comma is a list's next item, not an aside:
    it has conjuncts of its own ("his parents, his siblings and his wife"), or as an
    object it is its verb's only one ("to support, in some fashion, 100 candidates")."""
    toks = doc.toks
    if any(toks[k].dep == "conj" for k in doc.kids[j]):  # (", a banker and former aide" describes)
        return toks[lo].text.lower() not in ("a", "an")
    if toks[j].dep != "dobj":
        return False
    h = toks[j].head
    return not any(toks[k].dep in ("dobj", "ccomp", "xcomp", "attr") and k < lo for k in doc.kids[h])


def _other_speaker(doc: QuoteDoc, c: int, j: int) -> bool:
    """Whether token ``j`` is a conjoined cue with a subject of its own inside the content
    from ``c`` ("said A, and Roe says B"): a second attribution, not what was said."""
    t, toks = doc.toks[j], doc.toks
    return (
        t.dep == "conj"
        and t.tag in ("VBD", "VBZ", "VBP")
        and t.head >= c
        and not any(toks[k].dep == "mark" for k in doc.kids[j])  # "..., and that Roe says B": content
        and cue_lemma(t) in cues.SPEECH_CUES
        and any(
            toks[k].dep == "nsubj" and not doc.quoted[k] and toks[k].text.lower() not in cues.RELATIVE_PRONOUNS
            for k in doc.kids[j]
        )
    )


def _infinitive(doc: QuoteDoc, c: int) -> bool:
    return doc.toks[c].dep == "xcomp" and any(
        doc.toks[k].dep == "aux" and doc.toks[k].text.lower() == "to" for k in doc.kids[c]
    )


def _finite_after_infinitive(doc: QuoteDoc, c: int, j: int) -> bool:
    """Whether token ``j`` is a finite verb conjoined to the infinitive ``c`` the cue
    reports ("urged the party to unite and tried to ...", "has vowed to X and has
    refused ..."): a tense no infinitive has, so the speaker's next act, not content."""
    t, toks = doc.toks[j], doc.toks
    if t.dep != "conj" or t.head != c or doc.quoted[j] or not _infinitive(doc, c):
        return False
    return t.tag in ("VBD", "VBZ", "VBP") or (t.tag == "VBN" and any(toks[k].dep == "aux" for k in doc.kids[j]))


def _participle_after_infinitive(doc: QuoteDoc, c: int, j: int) -> bool:
    """Whether the comma at token ``j`` opens a participle on the infinitive ``c`` the cue
    reports ("vowed to rebuild the army, reversing decades of restraint"): what the
    narrator makes of the pledge, not part of it."""
    toks = doc.toks
    if toks[j].text != "," or j + 1 >= len(toks) or not _infinitive(doc, c):
        return False
    p = toks[j + 1]
    return p.tag in ("VBG", "VBN") and p.dep == "advcl" and p.head == c and not doc.quoted[j + 1]


_COMPARE_FIRST = frozenset("up down well far just above below more less higher lower short".split())
_COMPARE_NEXT = frozenset("from above below than short of".split())
_FIGURES = frozenset(("PERCENT", "MONEY", "CARDINAL", "QUANTITY"))


def _comparison_after_figure(doc: QuoteDoc, j: int) -> bool:
    """Whether the comma at token ``j`` after a figure opens the writer's comparison of it
    (", up from 3 percent", ", well above forecasts", ", more than expected"): the
    figure is what was said, how it compares is the narrator's."""
    toks = doc.toks
    if (
        j + 2 >= len(toks)
        or doc.quoted[j + 1]
        or not any(toks[k].ent_type in _FIGURES for k in range(max(0, j - 4), j))
    ):
        return False
    first, nxt = toks[j + 1].text.lower(), toks[j + 2].text.lower()
    return first in _COMPARE_FIRST and (nxt in _COMPARE_NEXT or first in ("above", "below"))


def _after_quote(doc: QuoteDoc, j: int) -> bool:
    """Whether quoted token ``j`` is the closing mark of words ending in a comma, with the
    narrator's words after it (', which ...', ', while ...', ', but the council ...') or a
    speech participle ('said it "will fail," claiming that ...'): what the comma outside
    the marks would end, the comma inside them ends too."""
    toks = doc.toks
    if j + 1 >= len(toks) or j < 1 or toks[j].text not in _CLOSERS or toks[j - 1].text != ",":
        return False
    nxt = toks[j + 1]
    if doc.quoted[j + 1]:
        return False
    return (nxt.tag == "VBG" and cue_lemma(nxt) in cues.SPEECH_CUES) or _narrator_again(doc, j + 1)
