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
    HONORIFICS,
    ORG_AFTER,
    ORG_BEFORE,
    ORG_POSSESSED,
    ORG_PRONOUNS,
    PERSON_PRONOUNS,
    POSSESSIVES,
)

__all__ = ["TYPE_EVIDENCE", "evidence_pairs", "markers", "settle_types"]

# Prefix of the evidence pairs that travel with an article's alias pairs to the corpus.
TYPE_EVIDENCE = "type:"

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


def _form(c: Cand) -> str:
    """Names that differ by a plural 's' share their evidence ('Quarrow Dem' / 'Quarrow Dems')."""
    return c.own[:-1] if c.own.endswith("s") and not c.own.endswith("ss") else c.own


def settle_types(art: ArticleState) -> dict[str, str]:
    """Give every mention of a name the label its article's markers agree on; returns the
    names (own slugs) the markers settled, with their label."""
    votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c in art.cands:
        if c.label in (PERSON, ORGANIZATION):
            o, p = markers(art, c)
            votes[_form(c)][0] += o
            votes[_form(c)][1] += p
    settled = {}
    for c in art.cands:
        o, p = votes.get(_form(c), (0, 0))
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
    return [(TYPE_EVIDENCE + c.label, c.key) for c in art.cands if settled.get(c.own) == c.label]
