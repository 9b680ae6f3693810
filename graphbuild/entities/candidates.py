"""Article-level candidates: NER spans of one article become entity candidates.

Each span is cut at datelines and headlines, stripped to a clean name (titles, determiners,
possessives and company forms, see :mod:`names`) and labelled; countries, their abbreviations
and demonyms get ``country:ISO3`` keys (:mod:`countries`), ambiguous country names count only
when the article confirms them; NER mistakes (roles, common nouns, platforms tagged as people)
are dropped or relabelled by simple checks. Short forms and the output are :mod:`mentions`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphbuild.entities import countries, names
from graphbuild.entities.names import slug
from graphbuild.graph.model import COUNTRY, ORGANIZATION, PERSON, PLACE, ParsedArticle
from graphbuild.lexicon.names import HONORIFICS, PLATFORM_HEADS

__all__ = ["ArticleState", "Cand", "confirm_countries", "make", "ner_candidates", "platforms"]

# Single-token spans with these labels are kept only when they are a short form of a name
# written in full elsewhere in the article (NER often tags a bare surname as PRODUCT, GPE, ...).
_SHORT_ONLY = {"PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW", "LANGUAGE"}
_MAIN = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
_COUNTRY_LABELS = {"GPE", "LOC", "NORP"}
_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
_DASHES = frozenset({"-", "–", "—", "--"})
_BREAKS = frozenset({":", ";", "|"})


@dataclass(slots=True)
class Cand:
    """One entity candidate of an article (token range of the name proper)."""

    lo: int
    hi: int
    ner: str
    label: str  # PERSON / ORGANIZATION / COUNTRY / PLACE, or "" until it is a short form
    name: str
    key: str
    parts: tuple = ()  # person name parts, or lowercase organization core words
    own: str = ""  # slug of this candidate's own text (differs from key for short forms)
    sure: bool = True  # False: an ambiguous country name still waiting for confirmation
    iso: str = ""


@dataclass
class ArticleState:
    """Per-article working state: tokens, text and the candidates found so far."""

    parsed: ParsedArticle
    cands: list[Cand] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)
    recover: dict[str, Cand] = field(default_factory=dict)  # token text -> long form
    mid_only: set[str] = field(default_factory=set)  # recovered words not taken at a sentence start
    after_the: set[str] = field(default_factory=set)  # recovered words taken only after "the"
    _lower: set[str] | None = None

    def lowercase(self) -> set[str]:
        """The words the article writes in lowercase (computed once)."""
        if self._lower is None:
            self._lower = {t.text for t in self.parsed.tokens if t.text.islower() and t.text.isalpha()}
        return self._lower

    def text(self, lo: int, hi: int) -> str:
        toks = self.parsed.tokens
        return self.parsed.article.text[toks[lo].start : toks[hi - 1].end]


def ner_candidates(art: ArticleState) -> set[int]:
    """Add the candidates of every name-like NER span to ``art``; returns the token indexes
    the NER tagged (recovery must not tag them again)."""
    covered: set[int] = set()
    for e in art.parsed.ents:
        covered.update(range(e.start_tok, e.end_tok))
        if e.label not in _MAIN and (e.label not in _SHORT_ONLY or e.end_tok - e.start_tok > 2):
            continue  # dates, numbers, ...: no names
        for lo, hi in _segments(art.parsed.tokens, e):
            art.cands.extend(_candidates(art, lo, hi, e.label))
    return covered


def _segments(tokens, e):
    """Token ranges of an NER span, split at line breaks, colons and spaced dashes (NER
    sometimes runs a dateline or a headline into a name: 'LISBON - Odile Brack'), and, in
    names of people and organizations, at numbers and commas between names (a table row,
    a score or a list: 'Quarrow 2 Daleford 1', 'Quarrow, Daleford'), and before an
    honorific inside the span."""
    lo = e.start_tok
    listy = e.label in ("PERSON", "ORG")
    for i in range(e.start_tok, e.end_tok):
        t = tokens[i]
        if (
            t.text.isspace()
            or "\n" in t.text
            or t.text in _BREAKS
            or (t.text in _DASHES and t.ws and i > lo and tokens[i - 1].ws)
            or (listy and i > lo and i + 1 < e.end_tok and _separates(tokens, i, e.end_tok))
        ):
            if i > lo:
                yield lo, i
            lo = i + 1
        elif i > lo and names.low(t.text) in HONORIFICS and i + 1 < e.end_tok and tokens[i + 1].text[:1].isupper():
            yield lo, i  # "Tanzania Mr Brack": a person starts at the honorific
            lo = i
    if lo < e.end_tok:
        yield lo, e.end_tok


def _separates(tokens, i: int, end: int) -> bool:
    """A number or a comma between two capitalised words of one span separates two names;
    a company form or a suffix after a comma does not ('Quarrow, Inc.', 'Brack, Jr.')."""
    t, nxt = tokens[i].text, tokens[i + 1].text
    if not (names.is_capitalised(tokens[i - 1].text) or names.is_number(tokens[i - 1].text)):
        return False
    if names.is_number(t) or (t[:1].isdigit() and "-" in t):
        return True
    if t != "," or not names.is_capitalised(nxt) or names.low(nxt) in names.DESIGNATORS | names.SUFFIXES:
        return False
    # "Kidder, Peabody and Co" is one firm: a comma before "and" or a company form is no list.
    rest = {names.low(x.text) for x in tokens[i + 1 : end]}
    return not (rest & (names.DESIGNATORS | {"and", "&"}))


def _title_before(toks, lo: int, cut: int, hi: int) -> bool:
    """An "ORG" span whose name follows a lowercase title ('leader', 'chief executive') is a
    person's: two or three capitalised words, none an organization word or company form."""
    words = [t.text for t in toks[cut:hi]]
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    if any(names.low(w) in names.ORG_WORDS or names.low(w) in names.DESIGNATORS for w in words):
        return False
    return cut > lo and toks[cut - 1].text.islower() and names.low(toks[cut - 1].text) in names.TITLES


def _honorific_before(toks, lo: int, hi: int) -> bool:
    """'Mr Brack', or 'Brack' right after 'Mr': a person's name whatever the NER said."""
    w = [t.text for t in toks[lo:hi]]
    if hi - lo >= 2 and names.low(w[0]) in HONORIFICS and names.is_capitalised(w[1]):
        return hi - lo <= 4
    return lo > 0 and names.low(toks[lo - 1].text) in HONORIFICS and names.is_capitalised(w[0]) and hi - lo <= 3


def _demonym_lead(toks, lo: int, hi: int) -> bool:
    """'Russian Ivan Petrov': a leading demonym before two or more name words."""
    if hi - lo < 3 or not all(names.is_capitalised(t.text) for t in toks[lo + 1 : lo + 3]):
        return False
    hit = countries.lookup(toks[lo].text)
    return hit is not None and hit.demonym and hit.sure


def _sentence_initial_common(art: ArticleState, lo: int, hi: int) -> bool:
    """One capitalised word at a sentence start that the article also writes in lowercase
    ('Budget' in 'Budget talks ...' and '... the budget'): a common noun, not a name."""
    toks = art.parsed.tokens
    if hi - lo != 1 or not (lo == 0 or toks[lo - 1].sent != toks[lo].sent or "\n" in toks[lo - 1].text):
        return False
    word = toks[lo].text
    return word[:1].isupper() and word[1:].islower() and word.lower() in art.lowercase()


def _country_abbr(word: str) -> bool:
    hit = countries.lookup(word) if names.acronym(word) else None
    return hit is not None and not hit.demonym


def make(art: ArticleState, lo: int, hi: int, ner: str, label: str) -> Cand | None:
    name = " ".join(art.text(lo, hi).split())
    if label == ORGANIZATION:
        words = [t.text for t in art.parsed.tokens[lo:hi]]
        core, end = names.org_parts(words)
        if end < len(words):  # a ticker after the company form: an alias of the company
            hi, ticker = lo + end, words[end]
            name = " ".join(art.text(lo, hi).split())
        key = names.org_key(words[:core])
        # Whitespace words, so "Alvo-Brenco" stays one word and is no prefix of "Alvo".
        parts = tuple(names.low(w) for w in art.text(lo, lo + core).split() if not names.is_punct(w))
    elif label == PERSON:
        key, parts = slug(name), tuple(names.person_parts(name))
    else:
        key, parts = slug(name), ()
    if not key:
        return None
    c = Cand(lo, hi, ner, label, name, key, parts, own=slug(name))
    if label == ORGANIZATION and end < len(words) and names.acronym(ticker.split(".")[0]):
        art.aliases.append((slug(ticker), key))
        art.recover[ticker] = c
    return c


def _country(art: ArticleState, lo: int, hi: int, ner: str, allow_names: bool) -> Cand | None:
    """A country candidate when tokens lo:hi name a country (or are its demonym)."""
    text = art.text(lo, hi)
    if not any(c.isupper() for c in text):
        return None
    hit = countries.lookup(text)
    if hit is None or (hit.demonym is False and not allow_names):
        return None
    c = hit.country
    return Cand(lo, hi, ner, COUNTRY, c.name, "country:" + c.iso, own="country:" + c.iso, sure=hit.sure, iso=c.iso)


def _prefix(art: ArticleState, lo: int, hi: int, ner: str) -> int:
    """Where the entity starts after a possessive owner: "Iran's Vela TV" -> after "'s"."""
    toks = art.parsed.tokens
    for j in range(lo + 1, min(hi - 1, lo + 4)):
        if toks[j].text in ("'s", "’s"):
            return j + 1
    return lo


def _owner(art: ArticleState, lo: int, hi: int, ner: str) -> Cand | None:
    """The owner before a possessive or a title: a country, or for organizations another
    organization ("Quarrow's Daleford Power")."""
    words = [t.text for t in art.parsed.tokens[lo:hi]]
    a, b = names.strip_edges(words)
    for n in (3, 2, 1):
        if a + n <= b:
            c = _country(art, lo + a, lo + a + n, ner, True)
            if c is not None:
                return c
    if ner == "ORG" and a < b and b - a <= 4 and all(names.is_capitalised(w) for w in words[a:b]):
        return make(art, lo + a, lo + b, ner, ORGANIZATION)
    return None


def _candidates(art: ArticleState, lo: int, hi: int, ner: str) -> list[Cand]:
    """Candidates from one span segment: maybe an owner (country), then the entity itself."""
    toks = art.parsed.tokens
    a, b = names.strip_edges([t.text for t in toks[lo:hi]])
    if a >= b:
        return []
    lo, hi = lo + a, lo + b
    if ner != "PERSON" and _honorific_before(toks, lo, hi):
        ner = "PERSON"
    if _sentence_initial_common(art, lo, hi):
        return []
    whole = _country(art, lo, hi, ner, ner in _COUNTRY_LABELS or ner in ("ORG", "PERSON"))
    if whole is not None:
        return [whole]
    if ner == "NORP":
        return []
    start = _prefix(art, lo, hi, ner)
    label = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE}.get(ner, "")
    if label == PERSON and start == lo and _demonym_lead(toks, lo, hi):
        start = lo + 1
    if label in (PERSON, ORGANIZATION):
        cut = names.person_range if label == PERSON else names.org_range
        a, b = cut([t.text for t in toks[start:hi]], _country_abbr)
        if label == ORGANIZATION and _title_before(toks, start, start + a, start + b):
            label = PERSON  # "the Quarrow Party's deputy leader Orla Brack"
        start, hi = start + a, start + b
        for j in range(start + 1, hi):  # headline words: "Brack Says"
            if toks[j].tag in _VERB_TAGS and toks[j].text[:1].isupper():
                hi = j
                break
        label = _person_or_org(toks, start, hi, label)
    out = [c for c in (_owner(art, lo, start, ner),) if c is not None] if start > lo else []
    lo = start
    if lo >= hi or names.is_junk([t.text for t in toks[lo:hi]]):
        return out
    if label == "" and hi - lo != 1:
        return out
    c = make(art, lo, hi, ner, label)
    if c is not None and not _is_role(art, c) and not _is_common_noun(art, c):
        out.append(c)
    return out


def _person_or_org(toks, lo: int, hi: int, label: str) -> str:
    """A "PERSON" ending in an organization word or containing a company form or '&' is an
    organization ("Daleford Railways", "Brack & Pardo")."""
    if label != PERSON:
        return label
    words = [names.low(t.text) for t in toks[lo:hi]]
    if words[-1] in names.ORG_WORDS or "&" in words or any(w in names.DESIGNATORS for w in words[1:]):
        return ORGANIZATION
    return label


def _is_common_noun(art: ArticleState, c: Cand) -> bool:
    """A one-word "ORG" used as a common noun: 'an IPO', '500 MW'."""
    if c.hi - c.lo != 1 or c.lo == 0 or c.label != ORGANIZATION:
        return False
    toks = art.parsed.tokens
    before, tok = toks[c.lo - 1], toks[c.lo]
    if before.tag == "CD" and names.acronym(tok.text):
        return True
    return before.text in ("a", "an") and tok.dep != "compound"


def _is_role(art: ArticleState, c: Cand) -> bool:
    """An 'ORG' that is part of a person's title: 'Minister of [Finance]', 'the Chief
    Economic [Adviser]'."""
    if c.label != ORGANIZATION:
        return False
    toks = art.parsed.tokens
    if c.lo >= 2 and toks[c.lo - 1].text in ("of", "for"):
        before = toks[c.lo - 2].text
        if before[:1].isupper() and names.low(before) in names.ROLES:
            return True
    return names.low(toks[c.hi - 1].text) in names.ROLES and "of" not in c.parts


def confirm_countries(art: ArticleState) -> None:
    """Ambiguous country names ("Georgia") count only when the article names the country
    unambiguously too; otherwise they are places (or nothing)."""
    sure = {c.iso for c in art.cands if c.label == COUNTRY and c.sure}
    kept = []
    c: Cand | None
    for c in art.cands:
        if c.label == COUNTRY and not c.sure and c.iso not in sure:
            if c.ner in ("GPE", "LOC"):
                c = make(art, c.lo, c.hi, c.ner, PLACE)
            else:
                continue
        if c is not None:
            kept.append(c)
    art.cands = kept


def platforms(art: ArticleState) -> None:
    """A one-word "PERSON" that modifies a platform or company noun ("Chirpwave account") and
    is nobody's name in the article votes Organization."""
    toks = art.parsed.tokens
    for c in art.cands:
        if c.label == PERSON and c.own == c.key and len(c.parts) == 1:
            t = toks[c.hi - 1]
            if t.dep == "compound" and toks[t.head].text.lower() in PLATFORM_HEADS:
                c.label = ORGANIZATION
