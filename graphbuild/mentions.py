"""Article-level resolution: one key per entity within an article.

:func:`article_mentions`: NER spans become candidates with a clean name (titles, determiners,
possessives and company forms stripped, see :mod:`names`); countries, their abbreviations and
demonyms get ``country:ISO3`` keys (:mod:`countries`); NER mistakes are dropped by simple
checks; short forms (a surname, a first name, the start or end of an organization's name, its
initials) take the key of the full name written in the same article; acronyms defined in the
text ("Crimson Valley Brigade (CVB)", "formerly known as ...") or matching a long form's
initials are returned as alias pairs. Tokens the NER missed that are a known surname or
acronym of the article are recovered. The corpus level is :mod:`resolve`.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import countries, names
from .model import COUNTRY, ORGANIZATION, PERSON, PLACE, Mention, ParsedArticle
from .names import slug

__all__ = ["article_mentions", "UnionFind"]

# Single-token spans with these labels are kept only when they are a short form of a name
# written in full elsewhere in the article (NER often tags a bare surname as PRODUCT, GPE, ...).
_SHORT_ONLY = {"PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW", "LANGUAGE"}
_MAIN = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
_COUNTRY_LABELS = {"GPE", "LOC", "NORP"}
# Head nouns that show a "PERSON" is really a platform, publication or company
# ("Chirpwave account", "Quarrow shares").
_ORG_HEADS = frozenset("""account accounts feed page post posts profile handle app website site
channel user users followers subscribers editorial newspaper paper magazine article stock shares
shareholders stockholders employees headquarters subsidiary unit""".split())
_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
_DASHES = frozenset({"-", "–", "—", "--"})
_BREAKS = frozenset({":", ";", "|"})
_ALIAS_CUES = frozenset({"formerly", "also", "previously", "once", "now", "or", "aka", "known",
                         "called", "as"})


@dataclass(slots=True)
class _Cand:
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
class _Article:
    """Per-article working state: tokens, text and the candidates found so far."""

    parsed: ParsedArticle
    cands: list[_Cand] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)
    recover: dict[str, _Cand] = field(default_factory=dict)  # token text -> long form

    def text(self, lo: int, hi: int) -> str:
        toks = self.parsed.tokens
        return self.parsed.article.text[toks[lo].start:toks[hi - 1].end]


class UnionFind:
    """Disjoint sets of keys; shared by the article level (one person's spellings) and the
    corpus level (aliases, short forms)."""

    def __init__(self) -> None:
        self.up: dict[str, str] = {}

    def find(self, k: str) -> str:
        """The root key of ``k``'s set."""
        up = self.up
        root = k
        while up.get(root, root) != root:
            root = up[root]
        while k != root:  # path compression keeps later finds O(1)
            up[k], k = root, up.get(k, k)
        return root

    def union(self, a: str, b: str) -> None:
        """Merge the sets of ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Keep country keys as roots, then the lexically smaller: deterministic.
            if rb.startswith("country:") or (not ra.startswith("country:") and rb < ra):
                ra, rb = rb, ra
            self.up[rb] = ra


# --- article level: candidates ---------------------------------------------------------------

def _segments(tokens, e):
    """Token ranges of an NER span, split at line breaks, colons and spaced dashes (NER
    sometimes runs a dateline or a headline into a name: 'LISBON - Odile Brack')."""
    lo = e.start_tok
    for i in range(e.start_tok, e.end_tok):
        t = tokens[i]
        if t.text.isspace() or "\n" in t.text or t.text in _BREAKS or (
                t.text in _DASHES and t.ws and i > lo and tokens[i - 1].ws):
            if i > lo:
                yield lo, i
            lo = i + 1
    if lo < e.end_tok:
        yield lo, e.end_tok


def _country_abbr(word: str) -> bool:
    hit = countries.lookup(word) if names.acronym(word) else None
    return hit is not None and not hit.demonym


def _make(art: _Article, lo: int, hi: int, ner: str, label: str) -> _Cand | None:
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
    c = _Cand(lo, hi, ner, label, name, key, parts, own=slug(name))
    if label == ORGANIZATION and end < len(words) and names.acronym(ticker.split(".")[0]):
        art.aliases.append((slug(ticker), key))
        art.recover[ticker] = c
    return c


def _country(art: _Article, lo: int, hi: int, ner: str, allow_names: bool) -> _Cand | None:
    """A country candidate when tokens lo:hi name a country (or are its demonym)."""
    text = art.text(lo, hi)
    if not any(c.isupper() for c in text):
        return None
    hit = countries.lookup(text)
    if hit is None or (hit.demonym is False and not allow_names):
        return None
    c = hit.country
    return _Cand(lo, hi, ner, COUNTRY, c.name, "country:" + c.iso, own="country:" + c.iso,
                 sure=hit.sure, iso=c.iso)


def _prefix(art: _Article, lo: int, hi: int, ner: str) -> int:
    """Where the entity starts after a possessive owner: "Iran's Vela TV" -> after "'s"."""
    toks = art.parsed.tokens
    for j in range(lo + 1, min(hi - 1, lo + 4)):
        if toks[j].text in ("'s", "’s"):
            return j + 1
    return lo


def _owner(art: _Article, lo: int, hi: int, ner: str) -> _Cand | None:
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
        return _make(art, lo + a, lo + b, ner, ORGANIZATION)
    return None


def _candidates(art: _Article, lo: int, hi: int, ner: str) -> list[_Cand]:
    """Candidates from one span segment: maybe an owner (country), then the entity itself."""
    toks = art.parsed.tokens
    a, b = names.strip_edges([t.text for t in toks[lo:hi]])
    if a >= b:
        return []
    lo, hi = lo + a, lo + b
    whole = _country(art, lo, hi, ner, ner in _COUNTRY_LABELS or ner == "ORG")
    if whole is not None:
        return [whole]
    if ner == "NORP":
        return []
    start = _prefix(art, lo, hi, ner)
    label = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE}.get(ner, "")
    if label in (PERSON, ORGANIZATION):
        cut = names.person_range if label == PERSON else names.org_range
        a, b = cut([t.text for t in toks[start:hi]], _country_abbr)
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
    c = _make(art, lo, hi, ner, label)
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


def _is_common_noun(art: _Article, c: _Cand) -> bool:
    """A one-word "ORG" used as a common noun: 'an IPO', '500 MW'."""
    if c.hi - c.lo != 1 or c.lo == 0 or c.label != ORGANIZATION:
        return False
    toks = art.parsed.tokens
    before, tok = toks[c.lo - 1], toks[c.lo]
    if before.tag == "CD" and names.acronym(tok.text):
        return True
    return before.text in ("a", "an") and tok.dep != "compound"


def _is_role(art: _Article, c: _Cand) -> bool:
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


# --- article level: short forms and acronyms -------------------------------------------------

def _confirm_countries(art: _Article) -> None:
    """Ambiguous country names ("Georgia") count only when the article names the country
    unambiguously too; otherwise they are places (or nothing)."""
    sure = {c.iso for c in art.cands if c.label == COUNTRY and c.sure}
    kept = []
    for c in art.cands:
        if c.label == COUNTRY and not c.sure and c.iso not in sure:
            if c.ner in ("GPE", "LOC"):
                c = _make(art, c.lo, c.hi, c.ner, PLACE)
            else:
                continue
        if c is not None:
            kept.append(c)
    art.cands = kept


def _join(short: _Cand, long: _Cand) -> None:
    short.key, short.name = long.key, long.name
    short.label = long.label


def _join_full_names(people: list[_Cand]) -> dict[str, list[_Cand]]:
    """Join full names of one person written differently in the article ("Gerold Fane",
    "Gerold R. Fane") under the form written most often; returns them by last name part."""
    first: dict[str, _Cand] = {}
    count = Counter(c.key for c in people)
    for c in people:
        first.setdefault(c.key, c)
    uf = UnionFind()
    for a, b in names.person_joins({k: o.parts for k, o in first.items()}):
        uf.union(a, b)
    best: dict[str, str] = {}
    for k in sorted(first, key=lambda k: (-count[k], -len(first[k].parts), first[k].lo)):
        best.setdefault(uf.find(k), k)
    out: dict[str, list[_Cand]] = defaultdict(list)
    for c in people:
        target = first[best[uf.find(c.key)]]
        if target.key != c.key:
            _join(c, target)
            c.parts = target.parts
        out[c.parts[-1]].append(c)
    return out


def _pick(options: list[_Cand]) -> _Cand:
    """The full name a short form refers to when several share it: the one written most
    often, then the first written (news introduce the main subject first)."""
    count = Counter(o.key for o in options)
    return min(options, key=lambda o: (-count[o.key], o.lo))


def _short_forms(art: _Article) -> None:
    """Give every short form the key of the full name it abbreviates."""
    people = [c for c in art.cands if c.label == PERSON and len(c.parts) >= 2]
    people = _split_owned(art, people)
    by_last = _join_full_names(people)
    by_first: dict[str, list[_Cand]] = defaultdict(list)
    for c in people:
        by_first[c.parts[0]].append(c)
    _split_lists(art, by_last)
    orgs = names.OrgIndex()
    for c in art.cands:
        if c.label == ORGANIZATION and len(c.parts) >= 2:
            orgs.add(c, c.key, c.parts, [t.text for t in art.parsed.tokens[c.lo:c.hi]])
    for c in art.cands:
        if c.label == PERSON and len(c.parts) != 1:
            continue
        if c.label == PLACE or c.label == COUNTRY:
            # A surname the NER took for a place ("Tamsin's office") or a demonym ("Dane").
            if c.hi - c.lo == 1 and (c.label == PLACE or c.ner in ("PERSON", "ORG")):
                firsts = by_first if c.label == COUNTRY else {}  # "Paris" stays a place
                _join_person(c, by_last, firsts, art.text(c.lo, c.hi))
            continue
        _short_form(art, c, by_last, by_first, orgs)
    for group in by_last.values():
        if len({c.key for c in group}) == 1:
            art.recover[art.text(group[0].hi - 1, group[0].hi)] = group[0]


def _split_owned(art: _Article, people: list[_Cand]) -> list[_Cand]:
    """'Brack City Council' tagged as one person: a surname of the article followed by words
    ending in an organization noun is that person's short form plus an organization."""
    surnames = {c.parts[-1] for c in people}
    toks = art.parsed.tokens
    for c in people:
        first = names.low(toks[c.lo].text)
        if c.hi - c.lo >= 3 and first in surnames and first != c.parts[-1] \
                and names.low(toks[c.hi - 1].text) in names.OWNED_HEADS:
            org = _make(art, c.lo + 1, c.hi, "ORG", ORGANIZATION)
            if org is not None:
                art.cands.append(org)
            c.hi, c.name, c.parts = c.lo + 1, toks[c.lo].text, (first,)
            c.key = c.own = slug(c.name)
    art.cands.sort(key=lambda c: c.lo)
    return [c for c in people if len(c.parts) >= 2]


def _join_person(c: _Cand, by_last, by_first, word: str) -> None:
    long = _person_for(c, names.low(word), by_last, by_first)
    if long is not None:
        _join(c, long)
        c.parts = long.parts


def _split_lists(art: _Article, by_last) -> None:
    """'Brack, Pardo' tagged as one name: split it when every item is a surname of
    the article."""
    toks = art.parsed.tokens
    for c in list(art.cands):
        if c.label not in (PERSON, ORGANIZATION) or c.hi - c.lo < 3:
            continue
        words = [t.text for t in toks[c.lo:c.hi]]
        if "," not in words and "and" not in words:
            continue
        items = [i for i, w in enumerate(words) if w not in (",", "and", "&")]
        if all(names.low(words[i]) in by_last for i in items):
            art.cands.remove(c)
            for i in items:
                art.cands.append(_Cand(c.lo + i, c.lo + i + 1, c.ner, "", words[i], slug(words[i]),
                                       (names.low(words[i]),), own=slug(words[i])))
    art.cands.sort(key=lambda c: c.lo)


def _short_form(art: _Article, c: _Cand, by_last, by_first, orgs: names.OrgIndex) -> None:
    if c.label != PERSON and not c.parts:
        c.parts = tuple(names.low(w) for w in c.name.split())
    long, is_acr = None, False
    # A surname, whatever the NER called it ("Brack" as ORG); an acronym is never one.
    if len(c.parts) == 1 and not names.acronym(c.name):
        long = _person_for(c, c.parts[0], by_last, by_first)
    if long is None:
        long, is_acr = orgs.find(c.name, c.parts)
    if long is None or long.key == c.key:
        return
    if is_acr:
        art.aliases.append((c.own, long.key))
        art.recover[c.name] = long
    _join(c, long)


def _person_for(c: _Cand, part: str, by_last, by_first) -> _Cand | None:
    """The full name a one-word form is the surname (or the unique first name) of."""
    if part in by_last:
        return _pick(by_last[part])
    firsts = by_first.get(part)
    if firsts and len({o.key for o in firsts}) == 1:
        return firsts[0]
    return None


def _defined_aliases(art: _Article) -> None:
    """'Crimson Valley Brigade (CVB)', 'X (formerly known as Y)', 'X, also known as Y': the shorter
    form joins the longer one and the pair becomes an alias for the whole corpus."""
    toks = art.parsed.tokens
    at = {c.lo: c for c in art.cands}
    for c in list(art.cands):
        if c.label not in (ORGANIZATION, PERSON) or c.hi >= len(toks):
            continue
        j, cue = c.hi, False
        if toks[j].text not in ("(", ","):
            continue
        j += 1
        while j < len(toks) and toks[j].text.lower() in _ALIAS_CUES:
            cue = True
            j += 1
        if j < len(toks) and toks[j].text.lower() in ("the", "a", "an"):
            j += 1
        other = at.get(j)
        fresh = other is None
        if fresh:
            other = _bare_acronym(art, j)
        if other is None or other.label in (COUNTRY, PLACE) or other is c:
            continue
        if not cue and (toks[c.hi].text == "," or not names.acronym(other.name)):
            continue
        # An acronym joins its long form; otherwise the older name joins the one it follows.
        short, long = (c, other) if names.acronym(c.name) and not names.acronym(other.name) \
            else (other, c)
        if short.key == long.key:
            continue
        if fresh:
            art.cands.append(short)
        art.aliases.append((short.own, long.key))
        if names.acronym(short.name):
            art.recover[short.name] = long
        _join(short, long)
        at[short.lo] = short


def _bare_acronym(art: _Article, j: int) -> _Cand | None:
    """An acronym token the NER missed, written in parentheses: '... Dairy Board (NDB)'."""
    toks = art.parsed.tokens
    if j + 1 >= len(toks) or toks[j + 1].text != ")" or not names.acronym(toks[j].text):
        return None
    return _Cand(j, j + 1, "", ORGANIZATION, toks[j].text, slug(toks[j].text), own=slug(toks[j].text))


# --- article level: repairs and output ---------------------------------------------------------

def _platforms(art: _Article) -> None:
    """A one-word "PERSON" that modifies a platform or company noun ("Chirpwave account") and
    is nobody's name in the article votes Organization."""
    toks = art.parsed.tokens
    for c in art.cands:
        if c.label == PERSON and c.own == c.key and len(c.parts) == 1:
            t = toks[c.hi - 1]
            if t.dep == "compound" and toks[t.head].text.lower() in _ORG_HEADS:
                c.label = ORGANIZATION


def _recover(art: _Article, covered: set[int]) -> None:
    """Known surnames and acronyms of this article that the NER did not tag."""
    if not art.recover:
        return
    for c in art.cands:  # e.g. an acronym found in parentheses
        covered.update(range(c.lo, c.hi))
    for t in art.parsed.tokens:
        long = art.recover.get(t.text)
        if long is not None and t.i not in covered and t.pos == "PROPN":
            art.cands.append(_Cand(t.i, t.i + 1, "", long.label, long.name, long.key,
                                   long.parts, own=slug(t.text)))


def article_mentions(parsed: ParsedArticle, keep_places: bool = False):
    """Mentions of one article with article-level keys, and acronym alias pairs
    ``(short key, long key)`` for the corpus resolver."""
    art = _Article(parsed)
    covered: set[int] = set()
    for e in parsed.ents:
        covered.update(range(e.start_tok, e.end_tok))
        if e.label not in _MAIN and (e.label not in _SHORT_ONLY or e.end_tok - e.start_tok > 2):
            continue  # dates, numbers, ...: no names
        for lo, hi in _segments(parsed.tokens, e):
            art.cands.extend(_candidates(art, lo, hi, e.label))
    _confirm_countries(art)
    _defined_aliases(art)
    _short_forms(art)
    _platforms(art)
    _recover(art, covered)
    return _mentions(art, keep_places), sorted(set(art.aliases))


def _mentions(art: _Article, keep_places: bool) -> list[Mention]:
    toks, text = art.parsed.tokens, art.parsed.article.text
    starts = [s for s, _ in art.parsed.paragraphs]
    out = []
    for c in sorted(art.cands, key=lambda c: c.lo):
        if not c.label or (c.label == PLACE and not keep_places):
            continue
        s, e = toks[c.lo].start, toks[c.hi - 1].end
        p = bisect_right(starts, s) - 1
        para = p if p >= 0 and s < art.parsed.paragraphs[p][1] else 0
        out.append(Mention(s, e, text[s:e], c.label, c.key, toks[c.lo].sent, para, c.name))
    return out
