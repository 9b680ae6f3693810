"""Article-level resolution: one key per entity within an article.

:func:`article_mentions`: NER spans become candidates (:mod:`candidates`); short forms (a
surname, a first name, the start or end of an organization's name, its initials) take the key
of the full name written in the same article; acronyms defined in the text ("Crimson Valley
Brigade (CVB)", "formerly known as ...") or matching a long form's initials are returned as
alias pairs. Tokens the NER missed that are a known surname or acronym of the article are
recovered. The corpus level is :mod:`resolve`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict

from graphbuild.entities import countries, names
from graphbuild.entities.candidates import ArticleState, Cand, confirm_countries, make, ner_candidates, platforms
from graphbuild.entities.evidence import evidence_pairs, settle_types
from graphbuild.entities.names import slug
from graphbuild.entities.unionfind import UnionFind
from graphbuild.graph.model import COUNTRY, ORGANIZATION, PERSON, PLACE, Mention, ParsedArticle
from graphbuild.lexicon.names import ALIAS_CUES

__all__ = ["UnionFind", "article_mentions"]


# --- article level: short forms and acronyms -------------------------------------------------


def _join(short: Cand, long: Cand) -> None:
    short.key, short.name = long.key, long.name
    short.label = long.label


def _join_full_names(people: list[Cand]) -> dict[str, list[Cand]]:
    """Join full names of one person written differently in the article ("Gerold Fane",
    "Gerold R. Fane") under the form written most often; returns them by last name part."""
    first: dict[str, Cand] = {}
    count = Counter(c.key for c in people)
    for c in people:
        first.setdefault(c.key, c)
    uf = UnionFind()
    for a, b in names.person_joins({k: o.parts for k, o in first.items()}):
        uf.union(a, b)
    best: dict[str, str] = {}
    for k in sorted(first, key=lambda k: (-count[k], -len(first[k].parts), first[k].lo)):
        best.setdefault(uf.find(k), k)
    out: dict[str, list[Cand]] = defaultdict(list)
    for c in people:
        target = first[best[uf.find(c.key)]]
        if target.key != c.key:
            _join(c, target)
            c.parts = target.parts
        out[c.parts[-1]].append(c)
    return out


def _pick(options: list[Cand]) -> Cand:
    """The full name a short form refers to when several share it: the one written most
    often, then the first written (news introduce the main subject first)."""
    count = Counter(o.key for o in options)
    return min(options, key=lambda o: (-count[o.key], o.lo))


def _short_forms(art: ArticleState) -> None:
    """Give every short form the key of the full name it abbreviates."""
    people = [c for c in art.cands if c.label == PERSON and len(c.parts) >= 2]
    people = _split_owned(art, people)
    by_last = _join_full_names(people)
    by_first: dict[str, list[Cand]] = defaultdict(list)
    for c in people:
        by_first[c.parts[0]].append(c)
    _split_lists(art, by_last)
    orgs = names.OrgIndex()
    for c in art.cands:
        if c.label == ORGANIZATION and len(c.parts) >= 2:
            orgs.add(c, c.key, c.parts, [t.text for t in art.parsed.tokens[c.lo : c.hi]])
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
    _recover_org_heads(art)


_NOT_HEADS = names.FUNCTION_WORDS | names.TITLES | names.ORG_WORDS | names.GENERIC_TAIL | names.DESIGNATORS


def _recover_org_heads(art: ArticleState) -> None:
    """The first word of an organization's name ("Quarrow" for "Quarrow Textiles Inc"), or
    the second of a two-word name ("Comets" for "Vela Comets") after "the" or when the
    article names the place Vela, is recovered where the NER missed it (not at a sentence start),
    when exactly one organization of the article has it and the article never writes it in
    lowercase or as a person's name part."""
    heads: dict[str, set[str]] = defaultdict(set)
    first: dict[str, Cand] = {}
    taken = {p for c in art.cands if c.label == PERSON for p in c.parts}
    toks = art.parsed.tokens
    places = {e.text for e in art.parsed.ents if e.label in ("GPE", "LOC")}
    for c in art.cands:
        if c.label == ORGANIZATION and len(c.parts) >= 2:
            words = {toks[c.lo].text}
            if c.hi - c.lo == 2:
                words.add(toks[c.hi - 1].text)
                if toks[c.lo].text not in places:
                    art.after_the.add(toks[c.hi - 1].text)
            for word in words:
                heads[word].add(c.key)
                first.setdefault(word, c)
    for word, keys in heads.items():
        if (
            len(keys) == 1
            and len(word) > 2
            and word[:1].isupper()
            and word[1:].islower()
            and word.lower() not in art.lowercase()
            and names.low(word) not in taken
            and countries.lookup(word) is None
            and names.low(word) not in _NOT_HEADS
        ):
            art.recover.setdefault(word, first[word])
            art.mid_only.add(word)


def _split_owned(art: ArticleState, people: list[Cand]) -> list[Cand]:
    """'Brack City Council' tagged as one person: a surname of the article followed by words
    ending in an organization noun is that person's short form plus an organization."""
    surnames = {c.parts[-1] for c in people}
    toks = art.parsed.tokens
    for c in people:
        first = names.low(toks[c.lo].text)
        if (
            c.hi - c.lo >= 3
            and first in surnames
            and first != c.parts[-1]
            and names.low(toks[c.hi - 1].text) in names.OWNED_HEADS
        ):
            org = make(art, c.lo + 1, c.hi, "ORG", ORGANIZATION)
            if org is not None:
                art.cands.append(org)
            c.hi, c.name, c.parts = c.lo + 1, toks[c.lo].text, (first,)
            c.key = c.own = slug(c.name)
    art.cands.sort(key=lambda c: c.lo)
    return [c for c in people if len(c.parts) >= 2]


def _join_person(c: Cand, by_last, by_first, word: str) -> None:
    long = _person_for(c, names.low(word), by_last, by_first)
    if long is not None:
        _join(c, long)
        c.parts = long.parts


def _split_lists(art: ArticleState, by_last) -> None:
    """'Brack, Pardo' tagged as one name: split it when every item is a surname of
    the article."""
    toks = art.parsed.tokens
    for c in list(art.cands):
        if c.label not in (PERSON, ORGANIZATION) or c.hi - c.lo < 3:
            continue
        words = [t.text for t in toks[c.lo : c.hi]]
        if "," not in words and "and" not in words:
            continue
        items = [i for i, w in enumerate(words) if w not in (",", "and", "&")]
        if all(names.low(words[i]) in by_last for i in items):
            art.cands.remove(c)
            for i in items:
                art.cands.append(
                    Cand(
                        c.lo + i,
                        c.lo + i + 1,
                        c.ner,
                        "",
                        words[i],
                        slug(words[i]),
                        (names.low(words[i]),),
                        own=slug(words[i]),
                    )
                )
    art.cands.sort(key=lambda c: c.lo)


def _short_form(art: ArticleState, c: Cand, by_last, by_first, orgs: names.OrgIndex) -> None:
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


def _person_for(c: Cand, part: str, by_last, by_first) -> Cand | None:
    """The full name a one-word form is the surname (or the unique first name) of."""
    if part in by_last:
        return _pick(by_last[part])
    firsts = by_first.get(part)
    if firsts and len({o.key for o in firsts}) == 1:
        return firsts[0]
    return None


def _defined_aliases(art: ArticleState) -> None:
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
        while j < len(toks) and toks[j].text.lower() in ALIAS_CUES:
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
        if not fresh and _modifies(toks, other.hi):
            continue  # "X, now Quarrow deputy leader", "X, as the Quarrow unit is known"
        if not cue and (toks[c.hi].text == "," or not names.acronym(other.name)):
            continue
        # An acronym joins its long form; otherwise the older name joins the one it follows.
        short, long = (c, other) if names.acronym(c.name) and not names.acronym(other.name) else (other, c)
        if short.key == long.key:
            continue
        if fresh:
            art.cands.append(short)
        art.aliases.append((short.own, long.key))
        if names.acronym(short.name):
            art.recover[short.name] = long
        _join(short, long)
        at[short.lo] = short


def _modifies(toks, hi: int) -> bool:
    """The name ending before token ``hi`` modifies a common noun after it ('Quarrow unit')."""
    return hi < len(toks) and toks[hi].text.islower() and toks[hi].tag in ("NN", "NNS")


def _bare_acronym(art: ArticleState, j: int) -> Cand | None:
    """An acronym token the NER missed, written in parentheses: '... Dairy Board (NDB)'."""
    toks = art.parsed.tokens
    if j + 1 >= len(toks) or toks[j + 1].text != ")" or not names.acronym(toks[j].text):
        return None
    return Cand(j, j + 1, "", ORGANIZATION, toks[j].text, slug(toks[j].text), own=slug(toks[j].text))


def _split_pairs(art: ArticleState) -> None:
    """'Quarrow and Daleford' tagged as one organization names two bodies when the article
    also writes each half on its own; a firm named for two ('Brack & Pardo', 'Vantor and
    Co') is written whole, so neither half stands alone."""
    toks = art.parsed.tokens
    texts = [t.text for t in toks]
    for c in list(art.cands):
        if c.label != ORGANIZATION:
            continue
        inner = [j for j in range(c.lo + 1, c.hi - 1) if texts[j] in ("and", "&")]
        if len(inner) != 1:
            continue
        j = inner[0]
        halves = [(c.lo, j), (j + 1, c.hi)]
        if names.low(texts[c.hi - 1]) in names.DESIGNATORS or not all(
            texts[a][:1].isupper() and _written_alone(texts, texts[a:b], c.lo, c.hi) for a, b in halves
        ):
            continue
        parts = [make(art, a, b, c.ner, ORGANIZATION) for a, b in halves]
        if all(parts):
            art.cands.remove(c)
            art.cands.extend(p for p in parts if p is not None)
    art.cands.sort(key=lambda c: c.lo)


def _written_alone(texts: list[str], words: list[str], lo: int, hi: int) -> bool:
    """The article writes ``words`` outside ``texts[lo:hi]``, not followed or led by 'and'."""
    n = len(words)
    for i in range(len(texts) - n + 1):
        if lo <= i < hi or texts[i : i + n] != words:
            continue
        if (
            texts[i - 1 : i] != ["and"]
            and texts[i + n : i + n + 1] not in (["and"], ["&"])
            and texts[i - 1 : i] != ["&"]
        ):
            return True
    return False


# --- article level: repairs and output ---------------------------------------------------------


def _recover(art: ArticleState, covered: set[int]) -> None:
    """Known surnames and acronyms of this article that the NER did not tag."""
    if not art.recover:
        return
    for c in art.cands:  # e.g. an acronym found in parentheses
        covered.update(range(c.lo, c.hi))
    for t in art.parsed.tokens:
        long = art.recover.get(t.text)
        if long is not None and t.i not in covered and t.pos == "PROPN" and not _starts_unsure(art, t):
            art.cands.append(Cand(t.i, t.i + 1, "", long.label, long.name, long.key, long.parts, own=slug(t.text)))


def _starts_unsure(art: ArticleState, t) -> bool:
    """A recovered organization word at a sentence start may be any capitalised word; the
    last word of a name counts only after "the" ("the Comets") unless a place precedes it."""
    toks = art.parsed.tokens
    if t.text in art.after_the and (t.i == 0 or toks[t.i - 1].text.lower() != "the"):
        return True
    return t.text in art.mid_only and (t.i == 0 or toks[t.i - 1].sent != t.sent or "\n" in toks[t.i - 1].text)


def article_mentions(parsed: ParsedArticle, keep_places: bool = False):
    """Mentions of one article with article-level keys, and acronym alias pairs
    ``(short key, long key)`` for the corpus resolver (with type evidence pairs
    ``('type:LABEL', key)``, see :mod:`.evidence`)."""
    art = ArticleState(parsed)
    covered = ner_candidates(art)
    confirm_countries(art)
    _split_pairs(art)
    _defined_aliases(art)
    settled = settle_types(art)
    _short_forms(art)
    platforms(art)
    _recover(art, covered)
    return _mentions(art, keep_places), sorted(set(art.aliases) | set(evidence_pairs(art, settled)))


def _mentions(art: ArticleState, keep_places: bool) -> list[Mention]:
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
