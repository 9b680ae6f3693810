"""Speakers of quotes and reported speech: whose words a cue reports, and which entity that is.

:func:`resolve_speakers` turns the :class:`~graphbuild.attribution.doc.Candidate` values
of every pass into Quotes.

Finding the speaker's head token: the subject of the cue verb (participles and coordinated
verbs take their head verb's), the name right before or after the cue when the parse lost
it, or X in "according to X"; never a dateline ("CITY (Agency) - ..."). Resolving it: the speaker phrase as written, cut before
clauses and appositions; its key is the mention it names ("The press secretary, Jane
Roe" is Jane Roe, "X's spokesman" speaks for X; a "NAME:" label, also by surname), or for
a pronoun or a role noun ("the senator") the person the text is about: the speaker of the
latest attribution, else the latest person subject (never the addressee, an object).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from graphbuild.attribution.doc import Candidate, QuoteDoc, cue_lemma
from graphbuild.entities.names import slug
from graphbuild.graph.model import COUNTRY, ORGANIZATION, PERSON, PLACE, Mention, ParsedArticle, Quote, Span
from graphbuild.lexicon import cues
from graphbuild.lexicon.names import MEDIA_NOUNS

_NP_STOP = ("relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "prep", "npadvmod")
_NP_PREPS = ("of", "by", "from", "for", "at")  # "officials from X" is all speaker
_DASHES = ("-", "–", "—", "--")
_LOOKBACK = 6
_RELATIVES = frozenset(("who", "which", "that", "it"))
_TALKS = frozenset(("interview", "conversation", "discussion", "talk", "exchange", "meeting"))  # "... with X"
_CLAUSE_DEPTH = 3  # reported clauses climbed from a cue to the speech verb reporting them
_BY_DOING = (
    "by",
    "in",
    "while",
    "when",
    "after",
    "before",
    "to",
)  # "... by saying that ..."  # sentences searched back for the one a pronoun refers to


# --- the speaker's head token ---------------------------------------------------------------


def subject_of(doc: QuoteDoc, v: int, depth: int = 0) -> int | None:
    """The subject of verb ``v``; participles and coordinated verbs ("..., adding that ...")
    take the subject of the verb they hang on. Passives ("it is believed") have none."""
    subjects = [c for c in doc.kids[v] if doc.toks[c].dep == "nsubj" and not _transcript_label(doc, c)]
    if len(subjects) > 1 and all(c < v for c in subjects) and not _bracketed(doc, subjects[-1]):
        return subjects[-1]  # "X, whom many believed was ...": two subjects, the nearer one (train +18, -3)
    for c in doc.kids[v]:
        if doc.toks[c].dep == "nsubj" and not _transcript_label(doc, c):
            return c
        if doc.toks[c].dep in ("nsubjpass", "auxpass", "expl"):
            return None
        if doc.toks[c].dep == "csubj" and doc.toks[c].tag == "VBG" and (s := _participle_noun(doc, c)) is not None:
            return s
    t, head = doc.toks[v], doc.toks[doc.toks[v].head]
    if depth == 0 and (seen := perceived(doc, v)) is not None:
        return seen
    if t.tag == "VBN" and t.dep == "advcl" and not any(doc.toks[c].dep == "aux" for c in doc.kids[v]):
        return None  # "Asked about X, Roe said ...": Roe is who was asked, not who asked
    if depth < 2 and t.dep == "pcomp" and t.tag == "VBG" and head.pos == "ADP" and head.head != t.head:
        if head.text.lower() in _BY_DOING and doc.toks[head.head].pos in ("VERB", "AUX"):
            return subject_of(doc, head.head, depth + 1)  # "She replied by saying ...": she said it
    if depth < 2 and (outer := _reporting_verb(doc, v)) is not None:  # "X said A could fail, adding ..."
        return subject_of(doc, outer, depth + 1)
    if depth < 2 and t.dep == "acomp" and cue_lemma(t) in cues.CONTROL_ADJECTIVES:
        return subject_of(doc, t.head, depth + 1)  # "X was quick to say ...": X says it
    if depth < 2 and t.dep == "conj" and t.head < v and (s := _passive_subject(doc, t.head)) is not None:
        return s  # "X was forced into damage control and said ...": X said it
    if depth < 2 and t.dep in ("advcl", "conj", "xcomp") and t.head != v:
        s = subject_of(doc, t.head, depth + 1)  # but not the dummy "it" of "it was a week ..."
        return None if s is not None and head.lemma == "be" and doc.toks[s].text.lower() == "it" else s
    return None


def perceived(doc: QuoteDoc, v: int) -> int | None:
    """The object that is the subject of present participle ``v`` after a verb of
    perception or "leave" ("saw a council defending the tax", "left voters wondering
    ...", PolNeAR train +2 right, none lost): right after the object, or on it."""
    toks = doc.toks
    t = toks[v]
    if t.tag != "VBG" or t.dep not in ("advcl", "xcomp", "ccomp", "oprd", "acl"):
        return None
    on_noun = t.dep == "acl"  # "saw a board defending X": the participle hangs on the object
    verb = toks[t.head].head if on_noun else t.head
    obj = t.head if on_noun else next((c for c in doc.kids[verb] if c < v and toks[c].dep == "dobj"), None)
    if obj is None or toks[obj].dep != "dobj":
        return None
    if toks[verb].lemma.lower() not in cues.PERCEIVED_DOING or toks[obj].pos not in ("NOUN", "PROPN", "PRON"):
        return None
    if toks[obj].text.lower() in ("it", "this", "that") or (not on_noun and doc.subtree(obj)[1] != v - 1):
        return None
    return obj


def _bracketed(doc: QuoteDoc, c: int) -> bool:
    """Whether token ``c`` lies inside brackets ("X (his book includes one ...) has cast")."""
    lo = doc.subtree(c)[0]
    return lo > 0 and doc.toks[lo - 1].text == "("


def _transcript_label(doc: QuoteDoc, c: int) -> bool:
    """Whether token ``c`` is a one-letter label of a transcript ("Q: Have you ...?"), which
    the parser may take for the subject of the question's verb."""
    t = doc.toks[c]
    return len(t.text) == 1 and t.text.isupper() and c + 1 < len(doc.toks) and doc.toks[c + 1].text == ":"


def _passive_subject(doc: QuoteDoc, h: int) -> int | None:
    """The named or personal subject of passive verb ``h`` ("X was forced ..."), which an
    active verb conjoined to it shares."""
    subj = next((c for c in doc.kids[h] if doc.toks[c].dep == "nsubjpass"), None)
    if subj is None or doc.toks[subj].pos not in ("PROPN", "PRON") or doc.toks[subj].text.lower() in _RELATIVES:
        return None
    return subj


def _participle_noun(doc: QuoteDoc, c: int) -> int | None:
    """The noun of "voters going to the polls said ...", which the parser reads as a
    clause subject ("going" a csubj with "voters" its subject): the noun is the speaker."""
    return next((k for k in doc.kids[c] if k < c and doc.toks[k].dep == "nsubj" and doc.toks[k].pos != "PRON"), None)


def _reporting_verb(doc: QuoteDoc, v: int) -> int | None:
    """The speech verb whose reported clause ``v`` hangs on, when ``v`` is a participle or a
    subjectless conjunct of that clause's verb ("X said the plan could fail, adding ...",
    "X said the tax was unfair and urged ...", also a clause or two deeper): the parser's
    attachment; the cue goes on with the speech verb, whose subject is its speaker (the
    conjunct: +44 right, -14 on PolNeAR train). None when the clause's verb is itself a
    speech verb with a named or pronoun subject ("A, Roe added, saying ...": Roe's)."""
    toks = doc.toks
    t = toks[v]
    if not ((t.tag == "VBG" and t.dep == "advcl") or t.dep == "conj"):
        return None
    inner = toks[t.head]
    for _ in range(_CLAUSE_DEPTH):
        if inner.dep != "ccomp":
            return None
        if cue_lemma(inner) in cues.SPEECH_CLAUSE and any(
            toks[c].dep == "nsubj" and toks[c].pos in ("PROPN", "PRON") for c in doc.kids[inner.i]
        ):
            return None
        outer = toks[inner.head]  # (not a verb inside a quote the frame introduces)
        if outer.pos == "VERB" and cue_lemma(outer) in cues.SPEECH_CLAUSE and not doc.quoted[outer.i]:
            return outer.i
        inner = outer
    return None


def name_before(doc: QuoteDoc, v: int, first: int) -> int | None:
    """When the parse lost the subject of cue ``v`` (a headline run into the first sentence,
    a mis-tagged name): the noun phrase from token ``first`` right up to the cue."""
    j = v - 1
    while j > first and doc.toks[j].pos in ("ADV", "AUX", "PART") and doc.toks[j].text != "'s":
        j -= 1
    if j < first or doc.quoted[j] or doc.toks[j].pos not in ("PROPN", "NOUN", "PRON"):
        return None
    head = j
    while j > first and (
        doc.toks[j - 1].pos in ("PROPN", "NOUN", "DET", "ADJ", "NUM", "PART") or doc.toks[j - 1].text.istitle()
    ):
        j -= 1
    return head if j == first else None


def name_after(doc: QuoteDoc, v: int, last: int) -> int | None:
    """The name right after an inverted cue ('"...," said Jane Roe') the parse missed."""
    j = v + 1
    while j < last and doc.toks[j].pos == "PROPN" and doc.toks[j + 1].pos == "PROPN":
        j += 1
    return j if j <= last and doc.toks[j].pos == "PROPN" else None


def according_to(doc: QuoteDoc, i: int) -> tuple[int, int, int] | None:
    """("to" token, source head, last source token) of "according to X" at token ``i``.
    When the parse lost the attachment ("According to X records, the ..." read as a
    subject), X is the phrase after "to" up to the next comma."""
    if doc.toks[i].text.lower() != "according":
        return None
    for c in doc.kids[i]:
        objs = [o for o in doc.kids[c] if doc.toks[o].dep == "pobj"]
        if doc.toks[c].text.lower() == "to" and objs:
            return c, _by_whom(doc, objs[0]), doc.subtree(c)[1]
    to = i + 1
    if to >= len(doc.toks) or doc.toks[to].text.lower() != "to":
        return None
    sent, j = doc.toks[i].sent, to + 1
    while j < len(doc.toks) and j - to <= 15 and doc.toks[j].sent == sent and doc.toks[j].text not in ",;:()":
        j += 1
    names = [k for k in range(to + 1, j) if doc.toks[k].pos in ("NOUN", "PROPN", "PRON")]
    if not names or j - to > 15:
        return None
    heads = [k for k in names if not to < doc.toks[k].head < j]
    return to, (heads or names)[-1], j - 1


def _by_whom(doc: QuoteDoc, o: int) -> int:
    """The source in "according to X": X's author when X is a document or talk made by
    someone ("a court document filed by the state attorney", "a report by the Herald",
    "interviews with several harbour pilots"), else X. (PolNeAR gives the author.)"""
    toks = doc.toks
    for c in doc.kids[o]:
        t = toks[c]
        if t.dep == "acl" and t.tag == "VBN":  # "a document filed by X"
            if (agent := doc.by_agent(c)) is not None:
                return agent
        word = t.text.lower()
        if t.dep == "prep" and (word == "by" or (word == "with" and cue_lemma(toks[o]) in _TALKS)):
            by = [b for b in doc.kids[c] if toks[b].dep == "pobj"]
            if by:
                return by[0]
    return o


# --- its phrase and mention key -------------------------------------------------------------


def noun_phrase(doc: QuoteDoc, h: int) -> tuple[int, int]:
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
    for j in range(lo, h):  # a dateline ("CITY (Agency) - ...") is never part of the speaker
        if doc.toks[j].text in _DASHES and doc.toks[j].ws:  # (not "Jean-Pierre")
            lo = j + 1
    while lo < h and (doc.toks[lo].pos == "PUNCT" or doc.quoted[lo] or doc.toks[lo].start < ps):
        lo += 1
    while right > h and doc.toks[right].end > pe:
        right -= 1
    return lo, right


def past_dateline(doc: QuoteDoc, h: int) -> int:
    """``h``, or when it lies in a dateline opening its paragraph ("WASHINGTON (Agency) -
    ...", "CITY, Aug. 24 - ..."), never a speaker, the head of the noun phrase after the
    dash: "WASHINGTON (AP) - A spokesman for X said" is the spokesman's."""
    toks = doc.toks
    first = doc.tok_at(doc.para_span(toks[h].start)[0])
    if not (toks[first].text.isupper() and len(toks[first].text) > 1) and not _agency_line(doc, first):
        return h
    spaced = [j for j in range(first + 1, min(first + 12, len(toks))) if toks[j].text in _DASHES and toks[j].ws]
    dash = next((j for j in spaced if toks[j - 1].ws), None)  # (not "a 52-month sentence")
    if dash is None or h >= dash:
        return h
    j, head = dash + 1, None
    while j < len(toks) and (toks[j].pos in ("PROPN", "NOUN", "DET", "ADJ", "NUM") or toks[j].text == "."):
        if toks[j].pos in ("PROPN", "NOUN"):
            head = j
        j += 3 if j + 3 < len(toks) and _hyphen(toks, j + 1) else 1  # "Oscar-winning actress"
    return h if head is None else head


def _hyphen(toks, j: int) -> bool:
    """A hyphen inside a word ("Oscar-winning")."""
    return toks[j].text == "-" and not toks[j - 1].ws and not toks[j].ws


def _agency_line(doc: QuoteDoc, first: int) -> bool:
    """Whether the paragraph opening at token ``first`` is a dateline in mixed case whose
    agency in brackets is right before its dash: "Washington (Agency) - ..." (a place, no
    person's name: "Jane Roe (Labour) - ..." is her own)."""
    toks = doc.toks
    for j in range(first + 1, min(first + 8, len(toks) - 2)):
        if toks[j].text == "(":
            k = next((k for k in range(j + 1, min(j + 5, len(toks) - 1)) if toks[k].text == ")"), None)
            if k is None or toks[k + 1].text not in _DASHES:
                return False
            place = doc.mentions_in(toks[first].start, toks[j].start)  # (not "Jane Roe (Labour) - ...")
            return all(toks[i].pos == "PROPN" for i in range(first, j)) and not any(m.label == PERSON for m in place)
        if toks[j].pos != "PROPN" and toks[j].text != ",":
            return False
    return False


def resolve_speakers(doc: QuoteDoc, cands: list[Candidate]) -> list[Quote]:
    """Quotes with speaker spans and keys, in text order (pronouns need earlier speakers)."""
    res, out = _Resolver(doc), []
    for c in cands:
        if c.label:
            (s, e), key = c.label, res.label_key(*c.label)
        else:
            subj = past_dateline(doc, c.subj)
            lo, hi = noun_phrase(doc, subj)
            if _unsaid(doc, c.cue[0], lo, hi):
                continue
            s, e, key = doc.toks[lo].start, doc.toks[hi].end, res.key(subj, c.cue[0], lo, hi)
        content = [(a, b) for a, b in c.content if b > a]
        if not content:
            continue
        res.said(doc.toks[c.cue[0]].sent, key, c.subj)
        last = c.cue[1]
        nxt = doc.toks[last + 1] if last + 1 < len(doc.toks) else None
        if nxt is not None and nxt.dep == "prt" and nxt.head == c.cue[0]:
            last += 1  # "pointed out"
        cs, ce = doc.toks[c.cue[0]].start, doc.toks[last].end
        quote = Quote(Span(s, e, doc.text[s:e]), key, Span(cs, ce, doc.text[cs:ce]), content, c.direct, kind=c.kind)
        out.append(quote)
    return out


def _unsaid(doc: QuoteDoc, cue: int, lo: int, hi: int) -> bool:
    """No statement yet, or no speaker: a cue in the future tense ("X will say ...", "Y
    will back the bill": a prediction of what is to be said, right a third of the time on
    PolNeAR train), or a speaker phrase that is the bare pronoun "that" (a relative pronoun
    whose antecedent is a thing, "a sign that read ...", or the idioms "That said," "That
    means ...": right 6 times in 43)."""
    if lo == hi and doc.toks[lo].text.lower() == "that":
        return True
    return any(doc.toks[k].dep == "aux" and doc.toks[k].text.lower() in cues.FUTURE_AUX for k in doc.kids[cue])


class _Resolver:
    """Speaker phrase -> mention key; remembers who spoke in which sentence."""

    def __init__(self, doc: QuoteDoc):
        self.doc = doc
        self.speakers: dict[int, str | None] = {}  # sentence -> person who spoke (None: unknown name)
        self.bodies: dict[int, str | None] = {}  # sentence -> organization or country that spoke
        self.labels: dict[str | None, str] = {m.key: m.label for m in doc.mentions}
        self.gender: dict[str | None, str] = {}
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
        clause = head.head  # "X, who said", "X, who backed Y and said" (the cue a conjunct)
        if word in cues.RELATIVE_PRONOUNS and doc.toks[clause].dep == "relcl" and head.dep == "nsubj":
            return self.key(doc.toks[clause].head, clause, *noun_phrase(doc, doc.toks[clause].head))
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
        definite = any(doc.toks[k].dep == "det" and doc.toks[k].text.lower() in ("the", "this") for k in doc.kids[subj])
        if any(m.label not in (COUNTRY, PLACE) for m in ms) or head.tag not in ("NN", "NNP") or not definite:
            return None  # (a country may qualify a role noun: "the Norwegian minister")
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
            named = [
                m
                for m in doc.mentions_in(sn.start, min(sn.end, char))
                if m.label in labels
                and m.end <= char
                and not doc.quoted[doc.tok_at(m.start)]
                and self._fits(m.key, gender)
            ]
            subjects = [(m.start, m.key) for m in named if self._is_subject(m)]
            if person:  # a bare surname the NER missed
                subjects += [
                    (t.start, k)
                    for t in doc.toks[sn.start_tok : sn.end_tok]
                    if t.dep == "nsubj"
                    and t.text[:1].isupper()
                    and t.end <= char
                    and not doc.quoted[t.i]
                    and (k := self.surnames.get(t.text.lower()))
                    and self._fits(k, gender)
                ]
            if subjects or (person and named):
                return max(subjects)[1] if subjects else named[0].key
        return None

    def titled(self, char: int, sent: int, title: str) -> str | None:
        """The person a role noun ("the senator") refers to: one named with that title
        ("Sen. Jane Roe"), else the latest person of its sentence, else as for "he"."""
        doc = self.doc
        n = bisect_left(doc.m_starts, char)
        for m in reversed(doc.mentions[max(0, n - 50) : n]):
            i = doc.tok_at(m.start)
            prev = doc.toks[i - 1].text.lower() if i > 0 else ""
            if m.label == PERSON and title in (prev, cues.TITLE_ABBREVIATIONS.get(prev)):
                return m.key
        sn = doc.sents[sent]
        persons = [m for m in doc.mentions_in(sn.start, char) if m.label == PERSON and m.end <= char]
        return persons[-1].key if persons else self.antecedent(char, sent - 1, True) if sent else None

    def _fits(self, key: str | None, gender: str | None) -> bool:
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


def name_unnamed_speakers(
    parsed: ParsedArticle, quotes: list[Quote], mentions: list[Mention]
) -> tuple[list[Mention], list[Quote]]:
    """Mentions for speakers the NER missed: a speaker phrase that is a proper name
    ("Harbourline reported", "the Zeitgeist news website said") is an actor, so it becomes an
    Organization (a person's name would normally be tagged by the NER; the corpus-wide label
    vote corrects it where the name is tagged elsewhere). Returns the new mentions and the
    quotes with those speakers' keys (new values; the arguments are not changed)."""
    starts = [t.start for t in parsed.tokens]
    paras = [p[0] for p in parsed.paragraphs]
    known = {m.key: m.label for m in mentions}
    added: list[Mention] = []
    out: list[Quote] = []
    for q in quotes:
        key = None if q.speaker_key is not None else _unnamed_key(parsed, q, starts, paras, known, added)
        out.append(q if key is None else replace(q, speaker_key=key))
    return added, out


def _unnamed_key(
    parsed, q: Quote, starts: list[int], paras: list[int], known: dict, added: list[Mention]
) -> str | None:
    """The key of the Organization mention the speaker phrase of ``q`` names (appended to
    ``added``), or None when it is no proper name."""
    if q.speaker.start >= q.speaker.end:
        return None
    lo, hi = bisect_left(starts, q.speaker.start), bisect_left(starts, q.speaker.end)
    toks = [t for t in parsed.tokens[lo:hi] if t.pos not in ("PUNCT", "SPACE")]
    while toks and toks[0].pos == "DET":
        toks = toks[1:]
    while len(toks) > 1 and toks[-1].pos == "NOUN" and toks[-1].text.lower() in MEDIA_NOUNS | {"news"}:
        toks = toks[:-1]
    if not toks or not all(t.pos == "PROPN" and t.text[:1].isupper() for t in toks):
        return None
    start, end = toks[0].start, toks[-1].end
    name = parsed.article.text[start:end]
    key = slug(name)
    if not key:
        return None
    m = Mention(
        start,
        end,
        name,
        known.get(key, ORGANIZATION),
        key,
        toks[0].sent,
        max(0, bisect_left(paras, start + 1) - 1),
        name,
    )
    added.append(m)
    return key
