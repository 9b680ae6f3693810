"""Type evidence within an article: what the words around a name say it is.

The NER labels each span on its own; the context of every mention of a name in the article is
better evidence. Organization markers: "the Quarrow Dems" (no person after "the"), "Quarrow MPs", "Quarrow's chief executive", "shares in
Quarrow", "Quarrow, which ...", "Quarrow said its ...". Person markers: an honorific before the
name, "Brack said he ...". When the article's mentions of a name carry
markers of one kind only, all of them take that label.
"""

from __future__ import annotations

from collections import defaultdict

from graphbuild.entities import names
from graphbuild.entities.candidates import ArticleState, Cand
from graphbuild.graph.model import ORGANIZATION, PERSON
from graphbuild.lexicon.names import (
    EVENT_HEADS,
    HONORIFICS,
    ORG_AFTER,
    ORG_BEFORE,
    ORG_NOUNS,
    ORG_POSSESSED,
    ORG_PRONOUNS,
    PERIOD_DEICTICS,
    PERIODS,
    PERSON_PRONOUNS,
    PLURAL_VERBS,
    POSSESSIVES,
    THING_AFTER,
    THING_BEFORE,
    THING_HYPHENATED,
    THING_IN,
    WORK_NOUNS,
)

__all__ = ["NONE", "TYPE_EVIDENCE", "evidence_pairs", "markers", "settle_types", "thing_markers"]

# Prefix of the evidence pairs that travel with an article's alias pairs to the corpus.
TYPE_EVIDENCE = "type:"
# The evidence label of a name that is no entity of the graph (a work, award, product, event).
NONE = "none"
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())

_SAY = frozenset({"said", "says", "say"})


def markers(art: ArticleState, c: Cand) -> tuple[int, int]:
    """(organization markers, person markers) around one candidate."""
    toks = art.parsed.tokens
    n = len(toks)

    def low(i: int) -> str:
        return names.low(toks[i].text) if 0 <= i < n else ""

    org = person = 0
    after, after2 = low(c.hi), low(c.hi + 1)
    if after in ORG_AFTER:
        org += 1
    if c.hi < n and toks[c.hi].text in POSSESSIVES and after2 in ORG_POSSESSED:
        org += 1
    if low(c.lo - 1) in ("in", "of") and low(c.lo - 2) in ORG_BEFORE:
        org += 1
    if c.hi < n and toks[c.hi].text == ",":  # (", who" is no marker: "Quarrow FC, who won")
        org += after2 == "which"
        # ... but ", who are" is: a name with no plural form that takes a plural verb
        org += after2 == "who" and low(c.hi + 2) in PLURAL_VERBS and _alone(toks, c.hi - 1)
    org += low(c.lo - 1) in ORG_NOUNS
    if low(c.lo - 1) not in ("and", "&", "or", "nor", ","):
        org += after in ("are", "have") and _sole_subject(toks, c.hi - 1) and toks[c.hi].tag == "VBP"
    if after in _SAY:
        org += after2 in ORG_PRONOUNS
        person += after2 in PERSON_PRONOUNS
    if low(c.lo - 1) in HONORIFICS:
        person += 1
    # "the Quarrow Dems said": a name that heads its phrase after "the" is no person's
    # ("the Brack government" is a person's name modifying a noun).
    if c.label == PERSON and low(c.lo - 1) == "the" and toks[c.hi - 1].dep != "compound" and after not in POSSESSIVES:
        org += 1
    return org, person


def thing_markers(art: ArticleState, c: Cand) -> int:
    """Markers of a work, award, product or event around one candidate: a title noun before
    it, an award or product word after it, "starred in X", "X, starring", a period or edition
    before it ("this year's X", "the 2005 X", "the 77th X", "won an X"), or an event word
    ending it ("the Vela Awards")."""
    toks = art.parsed.tokens
    n = len(toks)

    def low(i: int) -> str:
        return names.low(toks[i].text) if 0 <= i < n else ""

    lo, hi = c.lo, c.hi
    after = low(hi)
    if hi < n and toks[hi].text in POSSESSIVES:
        return 0  # "Quarrow's" owns what follows: no marker of its own kind
    head = toks[hi - 1].dep != "compound"
    thing = 0
    thing += after in THING_AFTER
    thing += hi + 1 < n and toks[hi].text == "-" and not toks[hi - 1].ws and low(hi + 1) in THING_HYPHENATED
    if after == ",":  # "Quarrow Nights, starring Hal Brack", "Quarrow Nights, a film by ..."
        thing += low(hi + 1) == "starring" and hi + 2 < n and toks[hi + 2].text[:1].isupper()
        thing += low(hi + 1) in ("a", "the") and low(hi + 2) in THING_BEFORE
    # "the film Quarrow Nights", "starred in The Quarrow Nights" (a title's own "The")
    at = lo - 2 if lo > 1 and toks[lo - 1].text == "The" and toks[lo - 2].sent == toks[lo - 1].sent else lo - 1
    if head:  # "appeared in Quarrow series X": Quarrow modifies the work
        thing += low(at) in THING_BEFORE
        thing += low(at) == "in" and low(at - 1) in THING_IN
    elif (
        low(lo - 1) == "the"
        and after in WORK_NOUNS
        and not any(t.text.isupper() or t.text[:1].isdigit() for t in toks[lo:hi])
    ):
        thing += 1  # "the Quarrow Nights films"; not "the ZBC series", a broadcaster's
    if head:
        before = low(lo - 1)
        edition = (before.isdigit() and len(before) == 4) or before in _ORDINALS or _numbered(before)
        thing += edition and low(lo - 2) == "the"
        thing += (
            lo > 0 and toks[lo - 1].text in POSSESSIVES and low(lo - 2) in PERIODS and low(lo - 3) in PERIOD_DEICTICS
        )
        thing += lo > 0 and toks[lo - 1].text in ("a", "an") and hi - lo == 1 and toks[lo].text[:1].isupper()
    thing += hi - lo >= 2 and names.low(toks[hi - 1].text) in EVENT_HEADS
    return thing


def _sole_subject(toks, i: int) -> bool:
    """Token ``i`` ends a name with no plural form that alone is the subject of the next
    verb: not "Brack and Pardo", not "Ames Brothers"."""
    t = toks[i]
    return t.dep == "nsubj" and t.head > i and _alone(toks, i)


def _alone(toks, i: int) -> bool:
    """Token ``i`` ends a name with no plural form that is in no coordination."""
    t = toks[i]
    if t.dep == "conj" or t.text.endswith("s"):
        return False
    s = t.sent
    return not any(x.head == i and x.dep in ("conj", "cc") for x in toks[max(0, i - 12) : i + 12] if x.sent == s)


def _numbered(word: str) -> bool:
    return word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th")


def _form(c: Cand) -> str:
    """Names that differ by a plural 's' share their evidence ('Quarrow Dem' / 'Quarrow Dems')."""
    return c.own[:-1] if c.own.endswith("s") and not c.own.endswith("ss") else c.own


_TITLE_LABELS = frozenset({"WORK_OF_ART", "EVENT"})


def _titles(art: ArticleState) -> set[str]:
    """Names the NER tags as a work or an event somewhere in the article ("The Quarrow
    Nights" as WORK_OF_ART): a marker for its other mentions, tagged as people or bodies."""
    out = set()
    for e in art.parsed.ents:
        if e.label in _TITLE_LABELS:
            words = e.text.split()
            if words and words[0].lower() == "the":
                words = words[1:]
            own = names.slug(" ".join(words))
            out.add(own[:-1] if own.endswith("s") and not own.endswith("ss") else own)
    return out


def settle_types(art: ArticleState) -> dict[str, str]:
    """Give every mention of a name the label its article's markers agree on; returns the
    names (own slugs) the markers settled, with their label."""
    votes: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for c in art.cands:
        if c.label in (PERSON, ORGANIZATION):
            o, p = markers(art, c)
            v = votes[_form(c)]
            v[0] += o
            v[1] += p
            v[2] += thing_markers(art, c)
    for form in _titles(art) & votes.keys():
        votes[form][2] += 1
    settled = {}
    for c in art.cands:
        o, p, t = votes.get(_form(c), (0, 0, 0))
        if t and not p and t >= o:  # ("the Vela Awards" is an organization marker too)
            settled[c.own] = NONE
            continue
        if c.label == PERSON and o and not p:
            c.label = ORGANIZATION
            c.parts = tuple(names.low(w) for w in c.name.split() if not names.is_punct(w))
        elif c.label == ORGANIZATION and p and not o and len(c.parts) <= 3:
            c.label = PERSON
            c.parts = tuple(names.person_parts(c.name))
        if c.label in (PERSON, ORGANIZATION) and bool(o) != bool(p):
            settled[c.own] = c.label
    return settled


def evidence_pairs(art: ArticleState, settled: dict[str, str]) -> list[tuple[str, str]]:
    """('type:LABEL', final key) for every settled name: the corpus resolver weighs them
    above the NER's votes."""
    out = []
    for c in art.cands:
        lab = settled.get(c.own)
        # A short form's work markers ("starred in Brack" for a film named after Hal Brack)
        # say nothing about the full name it was joined to.
        if lab == c.label or (lab == NONE and c.own == names.slug(c.name)):
            out.append((TYPE_EVIDENCE + lab, c.key))
    return out
